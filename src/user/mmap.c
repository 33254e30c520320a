/*
 * Guest mappings on top of the engine's reserved range.  The host page
 * size equals the guest's (4 KiB), so every guest page is one host page
 * and a guest mapping is one host MAP_FIXED mapping.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "user/user_mem.h"
#include "util/log.h"

uint64_t user_mem_limit;
static uint64_t mmap_base;
static uint64_t brk_start, brk_cur, brk_mapped;

#define PAGE_UP(x) (((x) + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK)

void user_mem_init(uint64_t limit, uint64_t base)
{
    user_mem_limit = limit;
    mmap_base = base;
}

/* The host protection for a guest one: code is read by the translator,
 * never executed in place. */
static int host_prot(int prot)
{
    return (prot & (PROT_READ | PROT_EXEC) ? PROT_READ : 0) |
           (prot & PROT_WRITE ? PROT_WRITE : 0);
}

static int page_prot(int prot)
{
    return (prot & PROT_READ ? PAGE_READ : 0) |
           (prot & PROT_WRITE ? PAGE_WRITE : 0) |
           (prot & PROT_EXEC ? PAGE_EXEC : 0);
}

static bool range_ok(uint64_t addr, uint64_t len)
{
    return addr < user_mem_limit && len <= user_mem_limit - addr;
}

bool user_range_free(uint64_t addr, uint64_t len)
{
    if (!range_ok(addr, len))
        return false;
    for (uint64_t a = addr & GUEST_PAGE_MASK; a < addr + len; a += GUEST_PAGE_SIZE)
        if (page_get_flags(a) & PAGE_VALID)
            return false;
    return true;
}

static bool range_has(uint64_t addr, uint64_t len, int flags)
{
    for (uint64_t a = addr; a < addr + len; a += GUEST_PAGE_SIZE)
        if (page_get_flags(a) & flags)
            return true;
    return false;
}

uint64_t user_mmap_find(uint64_t hint, uint64_t len)
{
    uint64_t a;

    if (len == 0 || len > user_mem_limit)
        return (uint64_t)-1;
    if (hint && range_ok(hint, len)) {
        a = page_find_free(hint, len);
        if (a != (uint64_t)-1 && range_ok(a, len))
            return a;
    }
    a = page_find_free(mmap_base, len);
    if (a != (uint64_t)-1 && range_ok(a, len))
        return a;
    a = page_find_free(GUEST_PAGE_SIZE * 16, len);
    if (a != (uint64_t)-1 && range_ok(a, len))
        return a;
    return (uint64_t)-1;
}

/* Give [addr, addr+len) back to the inaccessible reservation. */
static void reserve(uint64_t addr, uint64_t len)
{
    mmap(g2h(addr), len, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
}

int64_t user_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                  uint64_t offset)
{
    if (len == 0 || (offset & ~GUEST_PAGE_MASK) ||
        (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
        return -EINVAL;
    if ((flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_TYPE) != MAP_SHARED &&
        (flags & MAP_TYPE) != MAP_SHARED_VALIDATE)
        return -EINVAL;
    uint64_t plen = PAGE_UP(len);
    if (plen < len || plen > user_mem_limit)
        return -ENOMEM;

    /* Linux treats MAP_FIXED_NOREPLACE as MAP_FIXED that refuses to
     * replace: an unaligned address is EINVAL, one beyond the address
     * space ENOMEM, an occupied range EEXIST. */
    bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
    uint64_t start;
    if (fixed) {
        if (addr & ~GUEST_PAGE_MASK)
            return -EINVAL;
        if (!range_ok(addr, plen))
            return -ENOMEM;
        if ((flags & MAP_FIXED_NOREPLACE) && !user_range_free(addr, plen))
            return -EEXIST;
        start = addr;
    } else {
        start = user_mmap_find(addr ? (addr & GUEST_PAGE_MASK) : 0, plen);
        if (start == (uint64_t)-1)
            return -ENOMEM;
    }

    int hflags = (flags & ~(MAP_FIXED_NOREPLACE | MAP_GROWSDOWN |
                            MAP_HUGETLB | MAP_32BIT)) | MAP_FIXED;
    void *p = mmap(g2h(start), plen, host_prot(prot), hflags, fd,
                   (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        return -e;
    }
    if (range_has(start, plen, PAGE_HAS_CODE | PAGE_EXEC))
        tb_invalidate_range(start, start + plen);
    page_set_flags(start, start + plen, page_prot(prot) | PAGE_VALID);
    if (log_enabled(LOG_PAGE))
        log_printf("mmap %08llx-%08llx prot %d flags 0x%x fd %d\n",
                   (unsigned long long)start,
                   (unsigned long long)(start + plen), prot, flags, fd);
    return (int64_t)start;
}

bool user_map_kernel_page(uint64_t addr, const void *data, int prot)
{
    void *h = g2h(addr);

    if (mmap(h, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
        return false;
    memcpy(h, data, GUEST_PAGE_SIZE);
    mprotect(h, GUEST_PAGE_SIZE, host_prot(prot));
    page_set_flags(addr, addr + GUEST_PAGE_SIZE, page_prot(prot) | PAGE_VALID);
    return true;
}

int user_munmap(uint64_t addr, uint64_t len)
{
    if ((addr & ~GUEST_PAGE_MASK) || len == 0)
        return -EINVAL;
    uint64_t plen = PAGE_UP(len);
    if (plen < len || !range_ok(addr, plen))
        return -EINVAL;
    if (range_has(addr, plen, PAGE_HAS_CODE | PAGE_EXEC))
        tb_invalidate_range(addr, addr + plen);
    reserve(addr, plen);
    page_set_flags(addr, addr + plen, 0);
    return 0;
}

int user_mprotect(uint64_t addr, uint64_t len, int prot)
{
    if ((addr & ~GUEST_PAGE_MASK) ||
        (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN)))
        return -EINVAL;
    prot &= ~PROT_GROWSDOWN;
    uint64_t plen = PAGE_UP(len);
    if (plen < len || !range_ok(addr, plen))
        return -ENOMEM;
    if (plen == 0)
        return 0;
    for (uint64_t a = addr; a < addr + plen; a += GUEST_PAGE_SIZE)
        if (!(page_get_flags(a) & PAGE_VALID))
            return -ENOMEM;
    /* Removing exec drops the translations of the range. */
    if (!(prot & PROT_EXEC) && range_has(addr, plen, PAGE_EXEC | PAGE_HAS_CODE))
        tb_invalidate_range(addr, addr + plen);
    if (mprotect(g2h(addr), plen, host_prot(prot)) < 0)
        return -errno;
    for (uint64_t a = addr; a < addr + plen; a += GUEST_PAGE_SIZE) {
        int old = page_get_flags(a);
        page_set_flags(a, a + GUEST_PAGE_SIZE,
                       page_prot(prot) | PAGE_VALID |
                       (prot & PROT_EXEC ? old & PAGE_HAS_CODE : 0));
        /* A writable page that still holds code stays write-protected on
         * the host so self-modifying code is seen. */
        if ((prot & PROT_WRITE) && (old & PAGE_HAS_CODE) && (prot & PROT_EXEC))
            page_protect_code(a);
    }
    return 0;
}

bool user_range_mapped(uint64_t addr, uint64_t len)
{
    if (!range_ok(addr, len))
        return false;
    for (uint64_t a = addr & GUEST_PAGE_MASK; a < addr + len; a += GUEST_PAGE_SIZE)
        if (!(page_get_flags(a) & PAGE_VALID))
            return false;
    return true;
}

/*
 * The advice values are the generic ones on every guest kemu has.  Advice
 * that changes what the guest sees goes to the host mapping, which has
 * the guest mapping's type, so the result is Linux's: MADV_DONTNEED gives
 * zero pages for private anonymous memory, the file's contents back for a
 * private file mapping, and keeps shared memory; MADV_FREE may do the
 * same later; MADV_WIPEONFORK zeroes the child's copy.  MADV_DONTFORK is
 * not passed on (the child's kemu would lose guest pages its page table
 * still lists); the rest are hints.
 */
int user_madvise(uint64_t addr, uint64_t len, int advice)
{
    enum {
        ADV_NORMAL = 0, ADV_RANDOM, ADV_SEQUENTIAL, ADV_WILLNEED,
        ADV_DONTNEED, ADV_FREE = 8, ADV_REMOVE, ADV_DONTFORK, ADV_DOFORK,
        ADV_MERGEABLE, ADV_UNMERGEABLE, ADV_HUGEPAGE, ADV_NOHUGEPAGE,
        ADV_DONTDUMP, ADV_DODUMP, ADV_WIPEONFORK, ADV_KEEPONFORK,
        ADV_COLD, ADV_PAGEOUT, ADV_POPULATE_READ, ADV_POPULATE_WRITE,
    };
    if (addr & ~GUEST_PAGE_MASK)
        return -EINVAL;
    if (advice < ADV_NORMAL || advice > ADV_POPULATE_WRITE ||
        (advice > ADV_DONTNEED && advice < ADV_FREE))
        return -EINVAL;
    uint64_t plen = PAGE_UP(len);
    if (plen < len || !range_ok(addr, plen))
        return -EINVAL;
    if (!user_range_mapped(addr, plen))
        return -ENOMEM;
    if (plen == 0)
        return 0;
    switch (advice) {
    case ADV_DONTNEED:
    case ADV_FREE:
    case ADV_REMOVE:
        if (range_has(addr, plen, PAGE_HAS_CODE))
            tb_invalidate_range(addr, addr + plen);
        /* fall through */
    case ADV_WIPEONFORK:
    case ADV_KEEPONFORK:
        if (madvise(g2h(addr), plen, advice) < 0)
            return -errno;
        break;
    }
    return 0;
}

int64_t user_mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                    int flags, uint64_t new_addr)
{
    if ((old_addr & ~GUEST_PAGE_MASK) || new_len == 0 ||
        (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) ||
        ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) &&
         !(flags & MREMAP_MAYMOVE)))
        return -EINVAL;
    uint64_t olen = PAGE_UP(old_len), nlen = PAGE_UP(new_len);
    if (olen < old_len || nlen < new_len || !range_ok(old_addr, olen))
        return -EINVAL;
    /* MREMAP_DONTUNMAP keeps the old range mapped (empty): same size. */
    if ((flags & MREMAP_DONTUNMAP) && olen != nlen)
        return -EINVAL;
    /* old_len 0 makes a second mapping of the same shared pages; it has
     * to move and cannot be combined with DONTUNMAP. */
    if (!olen && (!(flags & MREMAP_MAYMOVE) || (flags & MREMAP_DONTUNMAP)))
        return -EINVAL;
    if (!user_range_mapped(old_addr, olen ? olen : 1))
        return -EFAULT;
    int flags0 = page_get_flags(old_addr) & (PAGE_READ | PAGE_WRITE | PAGE_EXEC);

    uint64_t dest;
    if (flags & MREMAP_FIXED) {
        if ((new_addr & ~GUEST_PAGE_MASK) || !range_ok(new_addr, nlen) ||
            (new_addr < old_addr + olen && old_addr < new_addr + nlen))
            return -EINVAL;
        dest = new_addr;
    } else if (olen && nlen <= olen && !(flags & MREMAP_DONTUNMAP)) {
        if (nlen < olen)
            user_munmap(old_addr + nlen, olen - nlen);
        return (int64_t)old_addr;
    } else if (olen && !(flags & MREMAP_DONTUNMAP) &&
               user_range_free(old_addr + olen, nlen - olen)) {
        /* Grow in place: free the host reservation after the mapping so
         * the host can extend it there. */
        munmap(g2h(old_addr + olen), nlen - olen);
        void *p = mremap(g2h(old_addr), olen, nlen, 0);
        if (p != MAP_FAILED) {
            page_set_flags(old_addr + olen, old_addr + nlen,
                           flags0 | PAGE_VALID);
            return (int64_t)old_addr;
        }
        int e = errno;
        reserve(old_addr + olen, nlen - olen);
        if (!(flags & MREMAP_MAYMOVE))
            return -e;
        dest = user_mmap_find(0, nlen);
        if (dest == (uint64_t)-1)
            return -ENOMEM;
    } else if (!(flags & MREMAP_MAYMOVE)) {
        return -ENOMEM;
    } else {
        dest = user_mmap_find(0, nlen);
        if (dest == (uint64_t)-1)
            return -ENOMEM;
    }
    if (range_has(dest, nlen, PAGE_HAS_CODE | PAGE_EXEC))
        tb_invalidate_range(dest, dest + nlen);
    void *p = mremap(g2h(old_addr), olen, nlen,
                     MREMAP_MAYMOVE | MREMAP_FIXED |
                     (flags & MREMAP_DONTUNMAP), g2h(dest));
    if (p == MAP_FAILED)
        return -errno;
    if (olen && !(flags & MREMAP_DONTUNMAP)) {
        if (range_has(old_addr, olen, PAGE_HAS_CODE | PAGE_EXEC))
            tb_invalidate_range(old_addr, old_addr + olen);
        reserve(old_addr, olen);
        page_set_flags(old_addr, old_addr + olen, 0);
    } else if (olen && range_has(old_addr, olen, PAGE_HAS_CODE)) {
        tb_invalidate_range(old_addr, old_addr + olen);
    }
    page_set_flags(dest, dest + nlen, flags0 | PAGE_VALID);
    return (int64_t)dest;
}

void user_brk_init(uint64_t start)
{
    brk_start = brk_cur = brk_mapped = PAGE_UP(start);
}

/* Like Linux: the break moves when the pages are free, otherwise the old
 * value is returned (glibc reads that as ENOMEM). */
uint64_t user_brk(uint64_t new_brk)
{
    if (new_brk < brk_start || new_brk >= user_mem_limit)
        return brk_cur;
    uint64_t want = PAGE_UP(new_brk);
    if (want > brk_mapped) {
        if (!user_range_free(brk_mapped, want - brk_mapped))
            return brk_cur;
        int64_t r = user_mmap(brk_mapped, want - brk_mapped,
                              PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (r < 0)
            return brk_cur;
    } else if (want < brk_mapped) {
        user_munmap(want, brk_mapped - want);
    }
    brk_mapped = want;
    brk_cur = new_brk;
    return brk_cur;
}
