/*
 * User-mode guest memory: the reserved host range at guest_base and the
 * page table of guest protections, also used to find the TBs translated
 * from a page and to catch writes to code (self-modifying code).
 *
 * The page table is a four-level radix tree over 52-bit page numbers, so
 * it covers 64-bit guests; a 32-bit guest only ever touches the last two
 * levels under index 0.  Lookups take no lock; changes run under page_lock
 * (after tb_lock when both are needed, the order translation uses).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "engine/guest_mem.h"
#include "engine/internal.h"
#include "util/error.h"
#include "util/log.h"

uintptr_t guest_base;
uint64_t guest_addr_mask = 0xffffffffull;
uint64_t guest_space_size;

#define LEVEL_BITS 13
#define LEVEL_SIZE (1u << LEVEL_BITS)
#define LEVEL_MASK (LEVEL_SIZE - 1)
/* Guard after the reservation: an 8-byte access at the last address of a
 * 32-bit space ends inside it instead of in foreign host memory. */
#define GUARD_SIZE ((size_t)64 << 10)

struct page_desc {
    uintptr_t tbs;  /* TBs whose code lies on the page (tagged list) */
    uint8_t flags;  /* enum page_flags */
};

static void *page_root[LEVEL_SIZE];
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;

void guest_mem_init(int addr_bits)
{
    static const unsigned sizes64[] = { 46, 44, 42, 40, 36 };
    if (guest_base)
        return;
    if (addr_bits <= 32) {
        guest_space_size = (uint64_t)1 << 32;
        guest_addr_mask = 0xffffffffull;
        void *p = mmap(NULL, guest_space_size + GUARD_SIZE, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            fatal("cannot reserve 4 GiB of address space for the guest");
        guest_base = (uintptr_t)p;
        return;
    }
    /* 64-bit guests: as large a range as the host grants.  Addresses are
     * masked to it, which only matters for addresses no Linux process
     * could map anyway. */
    for (unsigned i = 0; i < sizeof(sizes64) / sizeof(sizes64[0]); i++) {
        uint64_t size = (uint64_t)1 << sizes64[i];
        void *p = mmap(NULL, size + GUARD_SIZE, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            guest_base = (uintptr_t)p;
            guest_space_size = size;
            guest_addr_mask = size - 1;
            return;
        }
    }
    fatal("cannot reserve address space for a 64-bit guest");
}

/* ---- The radix tree --------------------------------------------------------- */

static void *level_get(void **slot, size_t size, bool create)
{
    void *p = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (p || !create)
        return p;
    p = xcalloc(1, size);
    void *expected = NULL;
    if (!__atomic_compare_exchange_n(slot, &expected, p, false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        free(p);
        p = expected;
    }
    return p;
}

static struct page_desc *page_desc(uint64_t addr, bool create)
{
    uint64_t pn = (addr & guest_addr_mask) >> GUEST_PAGE_BITS;
    void **l1 = level_get(&page_root[(pn >> (3 * LEVEL_BITS)) & LEVEL_MASK],
                          LEVEL_SIZE * sizeof(void *), create);
    if (!l1)
        return NULL;
    void **l2 = level_get(&l1[(pn >> (2 * LEVEL_BITS)) & LEVEL_MASK],
                          LEVEL_SIZE * sizeof(void *), create);
    if (!l2)
        return NULL;
    struct page_desc *leaf = level_get(&l2[(pn >> LEVEL_BITS) & LEVEL_MASK],
                                       LEVEL_SIZE * sizeof(struct page_desc),
                                       create);
    return leaf ? &leaf[pn & LEVEL_MASK] : NULL;
}

uintptr_t *page_tb_list(uint64_t addr, bool create)
{
    struct page_desc *p = page_desc(addr, create);
    return p ? &p->tbs : NULL;
}

/* ---- Flags -------------------------------------------------------------------- */

int page_get_flags(uint64_t addr)
{
    struct page_desc *p = page_desc(addr, false);
    return p ? __atomic_load_n(&p->flags, __ATOMIC_ACQUIRE) : 0;
}

void page_set_flags(uint64_t start, uint64_t end, int flags)
{
    start &= GUEST_PAGE_MASK;
    end = (end + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    if (flags & (PAGE_READ | PAGE_WRITE | PAGE_EXEC))
        flags |= PAGE_VALID;
    flags &= PAGE_READ | PAGE_WRITE | PAGE_EXEC | PAGE_VALID;

    pthread_mutex_lock(&tb_lock);
    pthread_mutex_lock(&page_lock);
    /* end == 0 after rounding means "to the top of a 64-bit space". */
    for (uint64_t a = start; a != end; a += GUEST_PAGE_SIZE) {
        struct page_desc *p = page_desc(a, flags != 0);
        if (!p)
            continue;
        /* Code stays valid while the page stays executable and read-only;
         * unmapping it, or making it writable (the host protection is
         * being replaced), drops its translations. */
        if (p->tbs && (!(flags & PAGE_EXEC) || (flags & PAGE_WRITE)))
            tb_invalidate_page_locked(a);
        int nf = flags;
        if (p->tbs)
            nf |= PAGE_HAS_CODE;
        __atomic_store_n(&p->flags, (uint8_t)nf, __ATOMIC_RELEASE);
        if (a + GUEST_PAGE_SIZE > guest_addr_mask)
            break;
    }
    pthread_mutex_unlock(&page_lock);
    pthread_mutex_unlock(&tb_lock);
    if (log_enabled(LOG_PAGE))
        log_printf("page_set_flags %#llx-%#llx %#x\n",
                   (unsigned long long)start, (unsigned long long)end, flags);
}

bool page_check_range(uint64_t start, uint64_t len, int flags)
{
    if (len == 0)
        return true;
    uint64_t last = start + len - 1;
    if (last < start || last > guest_addr_mask)
        return false;
    for (uint64_t a = start & GUEST_PAGE_MASK; a <= last;
         a += GUEST_PAGE_SIZE) {
        int f = page_get_flags(a);
        if (!(f & PAGE_VALID))
            return false;
        if ((flags & PAGE_READ) && !(f & PAGE_READ))
            return false;
        if ((flags & PAGE_EXEC) && !(f & PAGE_EXEC))
            return false;
        if ((flags & PAGE_WRITE) && !(f & PAGE_WRITE)) {
            /* Writable for the guest but protected for its code: the
             * caller is about to write (e.g. a read() syscall into the
             * buffer), so drop the translations now. */
            if (!(f & PAGE_WRITE_ORG) || !page_unprotect(a))
                return false;
        }
        if (a + GUEST_PAGE_SIZE < a)
            break;
    }
    return true;
}

void page_protect_code(uint64_t addr)
{
    uint64_t page = addr & GUEST_PAGE_MASK;
    pthread_mutex_lock(&page_lock);
    struct page_desc *p = page_desc(page, true);
    int f = p->flags | PAGE_HAS_CODE;
    if (f & PAGE_WRITE) {
        f = (f & ~PAGE_WRITE) | PAGE_WRITE_ORG;
        mprotect(g2h(page), GUEST_PAGE_SIZE, PROT_READ);
    }
    __atomic_store_n(&p->flags, (uint8_t)f, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&page_lock);
}

bool page_unprotect(uint64_t addr)
{
    uint64_t page = addr & GUEST_PAGE_MASK;
    bool ok = false;

    pthread_mutex_lock(&tb_lock);
    pthread_mutex_lock(&page_lock);
    struct page_desc *p = page_desc(page, false);
    if (p && (p->flags & PAGE_WRITE_ORG)) {
        tb_invalidate_page_locked(page);
        int f = (p->flags & ~(PAGE_WRITE_ORG | PAGE_HAS_CODE)) | PAGE_WRITE;
        mprotect(g2h(page), GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
        __atomic_store_n(&p->flags, (uint8_t)f, __ATOMIC_RELEASE);
        ok = true;
    } else if (p && (p->flags & PAGE_WRITE)) {
        ok = true; /* another thread unprotected it first */
    }
    pthread_mutex_unlock(&page_lock);
    pthread_mutex_unlock(&tb_lock);
    return ok;
}

uint64_t page_find_free(uint64_t hint, uint64_t len)
{
    len = (len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    if (len == 0 || len > guest_space_size)
        return (uint64_t)-1;
    uint64_t limit = guest_space_size;
    uint64_t a = (hint + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    uint64_t run_start = a;
    while (a < limit && run_start + len <= limit) {
        if (page_get_flags(a) != 0) {
            a += GUEST_PAGE_SIZE;
            run_start = a;
            continue;
        }
        a += GUEST_PAGE_SIZE;
        if (a - run_start >= len)
            return run_start;
    }
    return (uint64_t)-1;
}
