/*
 * ELF program loader.  The file is checked completely before anything is
 * mapped, so a malformed program gets one clear line and never reaches a
 * half-built address space.  Segments are copied into anonymous guest
 * memory rather than mapped from the file: two segments may share a page,
 * the bss tail of the last file page is then zero for free, and the final
 * protections are set once per page as the union of the segments on it.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/guest_mem.h"
#include "user/abi.h"
#include "user/elfload.h"
#include "user/user_mem.h"
#include "util/bits.h"

#define MAX_PHDR_BYTES 65536   /* what Linux accepts */
#define MAX_LOADS 32
#define MIN_U64(a, b) ((a) < (b) ? (a) : (b))
#define MAX_U64(a, b) ((a) > (b) ? (a) : (b))

/* A program header in a class-neutral form. */
struct phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, filesz, memsz, align;
};

struct elf_file {
    int fd;
    uint64_t size;
    bool is64, be;
    uint16_t type, machine, phentsize, phnum;
    uint32_t flags;
    uint64_t entry, phoff;
    struct phdr ph[MAX_PHDR_BYTES / 32];
};

static bool __attribute__((format(printf, 3, 4)))
fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return false;
}

static bool read_at(int fd, void *buf, size_t len, uint64_t off)
{
    uint8_t *p = buf;

    while (len) {
        ssize_t n = pread(fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= n;
        off += n;
    }
    return true;
}

static uint64_t rd(const struct elf_file *f, const uint8_t *p, int size)
{
    switch (size) {
    case 2: return f->be ? ld16_be(p) : ld16_le(p);
    case 4: return f->be ? ld32_be(p) : ld32_le(p);
    default: return f->be ? ld64_be(p) : ld64_le(p);
    }
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_386: return "i386";
    case EM_X86_64: return "x86-64";
    case EM_ARM: return "ARM";
    case EM_AARCH64: return "AArch64";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_SPARC: case EM_SPARC32PLUS: case EM_SPARCV9: return "SPARC";
    case EM_XTENSA: return "Xtensa";
    case EM_RISCV: return "RISC-V";
    default: return NULL;
    }
}

/* Read and check the ELF header and program headers. */
static bool parse_headers(struct elf_file *f, const struct user_abi *abi,
                          char *err, size_t errlen)
{
    uint8_t eh[64];
    struct stat st;

    if (fstat(f->fd, &st) < 0)
        return fail(err, errlen, "cannot stat: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return fail(err, errlen, "is a directory");
    if (!S_ISREG(st.st_mode))
        return fail(err, errlen, "not a regular file");
    f->size = st.st_size;
    if (f->size == 0)
        return fail(err, errlen, "empty file, not an ELF program");
    if (f->size < 4 || !read_at(f->fd, eh, 4, 0) || memcmp(eh, ELFMAG, 4))
        return fail(err, errlen, "not an ELF file");
    size_t ehsize = 16;
    if (f->size < 16 || !read_at(f->fd, eh, 16, 0))
        return fail(err, errlen, "truncated ELF header");
    if (eh[EI_CLASS] != ELFCLASS32 && eh[EI_CLASS] != ELFCLASS64)
        return fail(err, errlen, "bad ELF class %u", eh[EI_CLASS]);
    f->is64 = eh[EI_CLASS] == ELFCLASS64;
    ehsize = f->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    if (f->size < ehsize || !read_at(f->fd, eh, ehsize, 0))
        return fail(err, errlen, "truncated ELF header");
    if (eh[EI_CLASS] != abi->elf_class)
        return fail(err, errlen, "%d-bit ELF file, but kemu-%s runs %d-bit "
                    "programs", f->is64 ? 64 : 32, abi->name,
                    abi->elf_class == ELFCLASS64 ? 64 : 32);
    if (eh[EI_DATA] != ELFDATA2LSB && eh[EI_DATA] != ELFDATA2MSB)
        return fail(err, errlen, "bad ELF data encoding %u", eh[EI_DATA]);
    f->be = eh[EI_DATA] == ELFDATA2MSB;
    if (f->be != abi->big_endian)
        return fail(err, errlen, "%s-endian ELF file, but kemu-%s runs "
                    "%s-endian programs", f->be ? "big" : "little", abi->name,
                    abi->big_endian ? "big" : "little");
    if (eh[EI_VERSION] != EV_CURRENT)
        return fail(err, errlen, "bad ELF version %u", eh[EI_VERSION]);

    f->type = rd(f, eh + 16, 2);
    f->machine = rd(f, eh + 18, 2);
    if (rd(f, eh + 20, 4) != EV_CURRENT)
        return fail(err, errlen, "bad ELF version");
    if (f->is64) {
        f->entry = rd(f, eh + 24, 8);
        f->phoff = rd(f, eh + 32, 8);
        f->flags = rd(f, eh + 48, 4);
        f->phentsize = rd(f, eh + 54, 2);
        f->phnum = rd(f, eh + 56, 2);
    } else {
        f->entry = rd(f, eh + 24, 4);
        f->phoff = rd(f, eh + 28, 4);
        f->flags = rd(f, eh + 36, 4);
        f->phentsize = rd(f, eh + 42, 2);
        f->phnum = rd(f, eh + 44, 2);
    }
    if (f->machine != abi->elf_machine) {
        const char *n = machine_name(f->machine);
        if (n)
            return fail(err, errlen, "ELF file for %s, but kemu-%s runs %s "
                        "programs", n, abi->name,
                        machine_name(abi->elf_machine));
        return fail(err, errlen, "ELF file for machine %u, not %s",
                    f->machine, machine_name(abi->elf_machine));
    }
    if (f->type != ET_EXEC && f->type != ET_DYN)
        return fail(err, errlen, "not an executable (ELF type %u)", f->type);
    size_t want = f->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    if (f->phentsize != want)
        return fail(err, errlen, "bad program header size %u (expected %zu)",
                    f->phentsize, want);
    if (f->phnum == 0)
        return fail(err, errlen, "no program headers");
    if ((uint64_t)f->phnum * want > MAX_PHDR_BYTES)
        return fail(err, errlen, "too many program headers (%u)", f->phnum);
    uint64_t phbytes = (uint64_t)f->phnum * want;
    if (f->phoff > f->size || phbytes > f->size - f->phoff)
        return fail(err, errlen, "program headers lie outside the file");

    uint8_t raw[MAX_PHDR_BYTES];
    if (!read_at(f->fd, raw, phbytes, f->phoff))
        return fail(err, errlen, "cannot read the program headers");
    for (unsigned i = 0; i < f->phnum; i++) {
        const uint8_t *p = raw + i * want;
        struct phdr *h = &f->ph[i];
        h->type = rd(f, p, 4);
        if (f->is64) {
            h->flags = rd(f, p + 4, 4);
            h->offset = rd(f, p + 8, 8);
            h->vaddr = rd(f, p + 16, 8);
            h->filesz = rd(f, p + 32, 8);
            h->memsz = rd(f, p + 40, 8);
            h->align = rd(f, p + 48, 8);
        } else {
            h->offset = rd(f, p + 4, 4);
            h->vaddr = rd(f, p + 8, 4);
            h->filesz = rd(f, p + 16, 4);
            h->memsz = rd(f, p + 20, 4);
            h->flags = rd(f, p + 24, 4);
            h->align = rd(f, p + 28, 4);
        }
    }
    return true;
}

/* Check the PT_LOAD segments against the file and each other. */
static bool check_segments(struct elf_file *f, uint64_t limit,
                           struct image_info *info, char *err, size_t errlen)
{
    const struct phdr *prev = NULL;
    int nload = 0;

    info->lowest = ~0ull;
    info->highest = 0;
    for (unsigned i = 0; i < f->phnum; i++) {
        const struct phdr *h = &f->ph[i];
        if (h->type != PT_LOAD)
            continue;
        if (++nload > MAX_LOADS)
            return fail(err, errlen, "too many loadable segments");
        if (h->filesz > h->memsz)
            return fail(err, errlen, "segment %u: file size 0x%llx larger "
                        "than memory size 0x%llx", i,
                        (unsigned long long)h->filesz,
                        (unsigned long long)h->memsz);
        if (h->offset > f->size || h->filesz > f->size - h->offset)
            return fail(err, errlen, "segment %u lies outside the file", i);
        if ((h->offset ^ h->vaddr) & (GUEST_PAGE_SIZE - 1))
            return fail(err, errlen, "segment %u: offset 0x%llx and address "
                        "0x%llx are not congruent modulo the page size", i,
                        (unsigned long long)h->offset,
                        (unsigned long long)h->vaddr);
        if (h->memsz == 0)
            continue;
        if (h->vaddr >= limit || h->memsz > limit - h->vaddr)
            return fail(err, errlen, "segment %u (0x%llx+0x%llx) lies outside "
                        "the address space", i, (unsigned long long)h->vaddr,
                        (unsigned long long)h->memsz);
        /* PT_LOADs come sorted by address (ELF spec); requiring it makes
         * the overlap check one comparison. */
        if (prev && h->vaddr < prev->vaddr + prev->memsz)
            return fail(err, errlen, "segment %u overlaps the previous one "
                        "or is out of order", i);
        prev = h;
        info->lowest = MIN_U64(info->lowest, h->vaddr);
        info->highest = h->vaddr + h->memsz;
    }
    if (nload == 0 || info->highest == 0)
        return fail(err, errlen, "no loadable segment");
    return true;
}

static int prot_of(uint32_t pflags)
{
    return (pflags & PF_R ? PROT_READ : 0) | (pflags & PF_W ? PROT_WRITE : 0) |
           (pflags & PF_X ? PROT_EXEC : 0);
}

static bool load_image(const char *path, const struct user_abi *abi,
                       uint64_t dyn_base, bool is_interp,
                       struct image_info *info, char *err, size_t errlen)
{
    static struct elf_file f;
    char why[200];
    bool ok = false;

    memset(info, 0, sizeof(*info));
    memset(&f, 0, sizeof(f));
    f.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (f.fd < 0)
        return fail(err, errlen, "%s: %s", path, strerror(errno));
    if (!parse_headers(&f, abi, why, sizeof(why)) ||
        !check_segments(&f, user_mem_limit, info, why, sizeof(why)))
        goto out;

    /* PT_INTERP, PT_GNU_STACK, PT_PHDR. */
    uint64_t phdr_vaddr = 0;
    bool have_phdr = false;
    info->exec_stack = false;
    for (unsigned i = 0; i < f.phnum; i++) {
        const struct phdr *h = &f.ph[i];
        if (h->type == PT_INTERP) {
            if (h->filesz < 2 || h->filesz > sizeof(info->interp) ||
                h->offset > f.size || h->filesz > f.size - h->offset ||
                !read_at(f.fd, info->interp, h->filesz, h->offset) ||
                info->interp[h->filesz - 1] != '\0' ||
                strlen(info->interp) != h->filesz - 1) {
                fail(why, sizeof(why), "bad PT_INTERP");
                goto out;
            }
        } else if (h->type == PT_GNU_STACK) {
            info->exec_stack = (h->flags & PF_X) != 0;
        } else if (h->type == PT_PHDR) {
            phdr_vaddr = h->vaddr;
            have_phdr = true;
        }
    }
    if (is_interp && info->interp[0]) {
        fail(why, sizeof(why), "the interpreter asks for an interpreter");
        goto out;
    }
    if (is_interp && f.type != ET_DYN) {
        fail(why, sizeof(why), "the interpreter is not ET_DYN");
        goto out;
    }

    /* The load bias: ET_DYN goes where its whole span fits. */
    uint64_t span_lo = info->lowest & GUEST_PAGE_MASK;
    uint64_t span_len = ((info->highest + GUEST_PAGE_SIZE - 1) &
                         GUEST_PAGE_MASK) - span_lo;
    uint64_t bias = 0;
    if (f.type == ET_DYN) {
        uint64_t base = user_mmap_find(dyn_base, span_len);
        if (base == (uint64_t)-1) {
            fail(why, sizeof(why), "no room for a %llu-byte program",
                 (unsigned long long)span_len);
            goto out;
        }
        bias = base - span_lo;
    } else if (!user_range_free(span_lo, span_len)) {
        fail(why, sizeof(why), "segments collide with reserved memory");
        goto out;
    }
    info->load_bias = bias;

    /* The entry must be in an executable segment (Thumb entries have
     * bit 0 set). */
    bool entry_ok = false;
    uint64_t entry = f.entry & ~(uint64_t)1;
    for (unsigned i = 0; i < f.phnum; i++) {
        const struct phdr *h = &f.ph[i];
        if (h->type == PT_LOAD && (h->flags & PF_X) && entry >= h->vaddr &&
            entry - h->vaddr < h->memsz)
            entry_ok = true;
    }
    if (!entry_ok) {
        fail(why, sizeof(why), "entry point 0x%llx is not in an executable "
             "segment", (unsigned long long)f.entry);
        goto out;
    }

    /* Map, copy, protect. */
    int64_t r = user_mmap(span_lo + bias, span_len, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (r < 0) {
        fail(why, sizeof(why), "cannot map the program: %s", strerror(-r));
        goto out;
    }
    info->start_code = ~0ull;
    info->start_data = ~0ull;
    for (unsigned i = 0; i < f.phnum; i++) {
        const struct phdr *h = &f.ph[i];
        if (h->type != PT_LOAD || h->memsz == 0)
            continue;
        uint64_t va = h->vaddr + bias;
        if (h->filesz && !read_at(f.fd, g2h(va), h->filesz, h->offset)) {
            fail(why, sizeof(why), "cannot read segment %u", i);
            goto out;
        }
        if (h->flags & PF_X) {
            info->start_code = MIN_U64(info->start_code, va);
            info->end_code = MAX_U64(info->end_code, va + h->filesz);
        } else {
            info->start_data = MIN_U64(info->start_data, va);
            info->end_data = MAX_U64(info->end_data, va + h->filesz);
        }
        if (!have_phdr && f.phoff >= h->offset &&
            f.phoff - h->offset < h->filesz) {
            phdr_vaddr = h->vaddr + (f.phoff - h->offset);
            have_phdr = true;
        }
    }
    /* Protections: page by page, the union of the segments touching it. */
    for (uint64_t pg = span_lo; pg < span_lo + span_len; pg += GUEST_PAGE_SIZE) {
        int prot = 0;
        for (unsigned i = 0; i < f.phnum; i++) {
            const struct phdr *h = &f.ph[i];
            if (h->type == PT_LOAD && h->memsz && h->vaddr < pg + GUEST_PAGE_SIZE &&
                h->vaddr + h->memsz > pg)
                prot |= prot_of(h->flags);
        }
        user_mprotect(pg + bias, GUEST_PAGE_SIZE, prot);
    }
    if (info->start_data == ~0ull)
        info->start_data = info->end_data = info->end_code;

    info->entry = f.entry + bias;
    info->phdr_addr = have_phdr ? phdr_vaddr + bias : 0;
    info->phnum = f.phnum;
    info->phent = f.phentsize;
    info->lowest += bias;
    info->highest += bias;
    info->start_brk = (info->highest + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    info->e_flags = f.flags;
    ok = true;
out:
    if (!ok)
        snprintf(err, errlen, "%s: %s", path, why);
    close(f.fd);
    return ok;
}

bool elf_load(const char *path, const struct user_abi *abi,
              struct image_info *info, char *err, size_t errlen)
{
    return load_image(path, abi, abi->et_dyn_base, false, info, err, errlen);
}

bool elf_load_interp(const char *path, const struct user_abi *abi,
                     struct image_info *info, char *err, size_t errlen)
{
    struct image_info ii;
    if (!load_image(path, abi, abi->mmap_base, true, &ii, err, errlen))
        return false;
    info->interp_base = ii.lowest & GUEST_PAGE_MASK;
    info->interp_entry = ii.entry;
    return true;
}

bool elf_is_for_abi(const char *path, const struct user_abi *abi)
{
    static struct elf_file f;
    char why[200];

    memset(&f, 0, sizeof(f));
    f.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (f.fd < 0)
        return false;
    bool ok = parse_headers(&f, abi, why, sizeof(why));
    close(f.fd);
    return ok;
}
