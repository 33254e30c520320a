/*
 * The guest's view of a few /proc files.  On the host they would describe
 * kemu: /proc/self/maps would list host addresses, /proc/self/auxv the
 * host's vector, /proc/cpuinfo the host CPU.  Opening one of them gives a
 * memfd holding what the guest's kernel would print:
 *   /proc/self/maps, /proc/PID/maps, /proc/thread-self/maps
 *       the guest's mappings at guest addresses: the host's mappings inside
 *       the guest reservation (file, offset, device, inode, shared or
 *       private), split by the guest protections of the page table, with
 *       [stack], [heap] and [vectors] named
 *   /proc/self/auxv (and PID, thread-self)
 *       the auxv bytes placed on the initial stack
 *   /proc/cpuinfo
 *       the guest CPU, from the ABI's cpuinfo hook
 * Other /proc files stay the host's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine/guest_mem.h"
#include "user/procfs.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"

static uint64_t stack_lo, stack_hi, heap_start, image_lo, image_hi;
static uint8_t *auxv_copy;
static size_t auxv_len;

void procfs_set_stack(uint64_t lo, uint64_t hi)
{
    stack_lo = lo;
    stack_hi = hi;
}

void procfs_set_image(uint64_t lo, uint64_t hi)
{
    image_lo = lo;
    image_hi = hi;
}

void procfs_set_heap(uint64_t start)
{
    heap_start = start;
}

void procfs_set_auxv(const void *p, size_t len)
{
    free(auxv_copy);
    auxv_copy = malloc(len);
    if (auxv_copy) {
        memcpy(auxv_copy, p, len);
        auxv_len = len;
    }
}

/* A growing text buffer; out of memory leaves it short, never broken. */
struct text {
    char *p;
    size_t len, cap;
};

static void text_add(struct text *t, const void *data, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->cap ? t->cap * 2 : 4096) + n;
        char *q = realloc(t->p, cap);
        if (!q)
            return;
        t->p = q;
        t->cap = cap;
    }
    memcpy(t->p + t->len, data, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void __attribute__((format(printf, 2, 3)))
text_printf(struct text *t, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > 0)
        text_add(t, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* ---- maps ---- */

struct host_map {
    uintptr_t start, end;
    char perms[5];
    unsigned long long offset;
    char dev[16];
    unsigned long inode;
    char path[4096];
};

static void map_line(struct text *t, uint64_t start, uint64_t end, int flags,
                     const struct host_map *h, uint64_t offset,
                     const char *name)
{
    int n = (int)t->len;
    text_printf(t, "%08llx-%08llx %c%c%c%c %08llx %s %lu ",
                (unsigned long long)start, (unsigned long long)end,
                flags & PAGE_READ ? 'r' : '-',
                flags & (PAGE_WRITE | PAGE_WRITE_ORG) ? 'w' : '-',
                flags & PAGE_EXEC ? 'x' : '-', h->perms[3],
                (unsigned long long)offset, h->dev, h->inode);
    if (name && name[0]) {
        /* The kernel pads the name to column 73. */
        int col = (int)t->len - n;
        if (col < 73)
            text_printf(t, "%*s", 73 - col, "");
        text_add(t, name, strlen(name));   /* paths may be long */
    }
    text_printf(t, "\n");
}

static const char *region_name(uint64_t start, uint64_t end,
                               const struct host_map *h)
{
    if (stack_hi && start < stack_hi && end > stack_lo)
        return "[stack]";
    if (heap_start) {
        uint64_t brk = (user_brk(0) + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
        if (start >= heap_start && end <= brk && !h->inode)
            return "[heap]";
    }
    /* The loader copies the program's segments into anonymous memory:
     * name them after the program, as the kernel's file mappings are. */
    if (image_hi && start >= image_lo && end <= image_hi && !h->inode)
        return user_own_exe();
    if (start >= user_mem_limit)
        return user_abi->elf_machine == 40 /* EM_ARM */ ? "[vectors]" : NULL;
    /* kemu's own anonymous memory has no name in the guest's view. */
    return h->inode || h->path[0] == '/' ? h->path : NULL;
}

/* The guest pages of one host mapping, in runs of equal protection. */
static void emit_host_map(struct text *t, const struct host_map *h)
{
    uint64_t gs = h->start - guest_base, ge = h->end - guest_base;
    uint64_t top = guest_addr_mask + 1;

    if (ge > top)
        ge = top;
    /* A large inaccessible anonymous stretch is the reservation (walking
     * a 64-bit guest's whole space page by page would take seconds). */
    if (!h->inode && strncmp(h->perms, "---", 3) == 0 &&
        ge - gs > (4ull << 30) + 0x10000)
        return;
    const int keep = PAGE_READ | PAGE_WRITE | PAGE_WRITE_ORG | PAGE_EXEC |
                     PAGE_VALID;
    uint64_t a = gs;
    while (a < ge) {
        int f = page_get_flags(a) & keep;
        uint64_t b = a + GUEST_PAGE_SIZE;
        /* Runs also end where the named areas begin. */
        while (b < ge && (page_get_flags(b) & keep) == f &&
               b != heap_start && b != image_hi && b != image_lo &&
               b != stack_lo)
            b += GUEST_PAGE_SIZE;
        if (f & PAGE_VALID) {
            uint64_t off = h->inode ? h->offset + (a - gs) : 0;
            map_line(t, a, b, f, h, off, region_name(a, b, h));
        }
        a = b;
    }
}

static bool build_maps(struct text *t)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[4096 + 256];
    uintptr_t lo = guest_base, hi = guest_base + guest_space_size;

    if (!f)
        return false;
    while (fgets(line, sizeof(line), f)) {
        struct host_map h;
        int pos = 0;
        memset(&h, 0, sizeof(h));
        if (sscanf(line, "%lx-%lx %4s %llx %15s %lu %n", &h.start, &h.end,
                   h.perms, &h.offset, h.dev, &h.inode, &pos) < 6)
            continue;
        if (h.end <= lo || h.start >= hi)
            continue;
        if (h.start < lo) {
            h.offset += lo - h.start;
            h.start = lo;
        }
        if (h.end > hi)
            h.end = hi;
        if (pos > 0) {
            snprintf(h.path, sizeof(h.path), "%s", line + pos);
            h.path[strcspn(h.path, "\n")] = '\0';
        }
        emit_host_map(t, &h);
    }
    fclose(f);
    return true;
}

/* ---- the files ---- */

enum proc_file { PROC_NONE, PROC_MAPS, PROC_AUXV, PROC_CPUINFO };

/* "/proc/self/X", "/proc/<own pid>/X", "/proc/thread-self/X" or
 * "/proc/<pid>/task/<own tid>/X": the X, else NULL. */
static const char *own_entry(const char *path)
{
    char *end;

    if (strncmp(path, "/proc/", 6) != 0)
        return NULL;
    path += 6;
    if (strncmp(path, "self/", 5) == 0)
        return path + 5;
    if (strncmp(path, "thread-self/", 12) == 0)
        return path + 12;
    long pid = strtol(path, &end, 10);
    if (end == path || *end != '/' || pid != getpid())
        return NULL;
    path = end + 1;
    if (strncmp(path, "task/", 5) == 0) {
        long tid = strtol(path + 5, &end, 10);
        if (end == path + 5 || *end != '/' || tid != gettid())
            return NULL;
        return end + 1;
    }
    return path;
}

static enum proc_file which(const char *path)
{
    if (strcmp(path, "/proc/cpuinfo") == 0)
        return user_abi->cpuinfo ? PROC_CPUINFO : PROC_NONE;
    const char *e = own_entry(path);
    if (!e)
        return PROC_NONE;
    if (strcmp(e, "maps") == 0)
        return PROC_MAPS;
    if (strcmp(e, "auxv") == 0)
        return auxv_copy ? PROC_AUXV : PROC_NONE;
    return PROC_NONE;
}

bool procfs_is_emulated(const char *path)
{
    return which(path) != PROC_NONE;
}

bool procfs_open(struct cpu_common *cpu, const char *path, int flags,
                 int64_t *ret)
{
    enum proc_file w = which(path);
    struct text t = { 0 };

    if (w == PROC_NONE)
        return false;
    if ((flags & O_ACCMODE) != O_RDONLY) {
        *ret = -EACCES;
        return true;
    }
    switch (w) {
    case PROC_MAPS:
        if (!build_maps(&t)) {
            *ret = -errno;
            return true;
        }
        break;
    case PROC_AUXV:
        text_add(&t, auxv_copy, auxv_len);
        break;
    case PROC_CPUINFO: {
        char buf[8192];
        size_t n = user_abi->cpuinfo(cpu, buf, sizeof(buf));
        text_add(&t, buf, n < sizeof(buf) ? n : sizeof(buf) - 1);
        break;
    }
    default:
        break;
    }
    int fd = memfd_create("kemu-proc", flags & O_CLOEXEC ? MFD_CLOEXEC : 0);
    if (fd < 0) {
        *ret = -errno;
        free(t.p);
        return true;
    }
    size_t done = 0;
    while (done < t.len) {
        ssize_t w2 = write(fd, t.p + done, t.len - done);
        if (w2 <= 0)
            break;
        done += (size_t)w2;
    }
    free(t.p);
    lseek(fd, 0, SEEK_SET);
    if (flags & O_NONBLOCK)
        fcntl(fd, F_SETFL, O_NONBLOCK);
    *ret = fd;
    return true;
}
