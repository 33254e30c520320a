/*
 * User-mode guest memory: the guest address space is one reserved range of
 * host memory starting at guest_base, so guest address A lives at host
 * address guest_base + A (A masked to the guest's address width).
 *
 * The page table records guest protections per 4 KiB page.  It serves
 * mmap/mprotect/munmap bookkeeping, /proc/self/maps, code-fetch checks and
 * self-modifying-code detection: pages holding translated code are made
 * read-only on the host; the host SIGSEGV raised by a guest write to such a
 * page is resolved by page_unprotect, which invalidates the page's TBs and
 * restores write access before the write is retried.
 */
#ifndef KEMU_ENGINE_GUEST_MEM_H
#define KEMU_ENGINE_GUEST_MEM_H

#include <stdbool.h>
#include <stdint.h>

extern uintptr_t guest_base;      /* host address of guest address 0 */
extern uint64_t guest_addr_mask;  /* 0xffffffff for 32-bit guests */
extern uint64_t guest_space_size; /* bytes reserved at guest_base */

#define GUEST_PAGE_BITS 12
#define GUEST_PAGE_SIZE (1u << GUEST_PAGE_BITS)
#define GUEST_PAGE_MASK (~(uint64_t)(GUEST_PAGE_SIZE - 1))

static inline void *g2h(uint64_t addr)
{
    return (void *)(guest_base + (uintptr_t)(addr & guest_addr_mask));
}

static inline bool h2g_valid(const void *host)
{
    uintptr_t h = (uintptr_t)host;
    return h >= guest_base && h - guest_base < guest_space_size;
}

static inline uint64_t h2g(const void *host)
{
    return (uint64_t)((uintptr_t)host - guest_base);
}

enum page_flags {
    PAGE_READ = 1,
    PAGE_WRITE = 2,
    PAGE_EXEC = 4,
    PAGE_VALID = 8,      /* mapped */
    PAGE_WRITE_ORG = 16, /* guest may write; host write access removed
                            while the page holds translated code */
    PAGE_HAS_CODE = 32,  /* TBs were translated from this page */
};

/* Reserve the guest address space (size bytes; 4 GiB plus a guard for
 * 32-bit guests).  Exits with a message if the host refuses. */
void guest_mem_init(int addr_bits);

/* Flags of the page holding addr (0 when unmapped). */
int page_get_flags(uint64_t addr);

/* Set the flags of every page in [start, end) (rounded out to pages);
 * PAGE_VALID is implied when any of R/W/X is set.  Dropping PAGE_WRITE or
 * PAGE_VALID from a page with code keeps the TBs; unmapping invalidates. */
void page_set_flags(uint64_t start, uint64_t end, int flags);

/* Is [start, start+len) entirely mapped with all of `flags`? */
bool page_check_range(uint64_t start, uint64_t len, int flags);

/* Called by the translator when it reads code from a page: marks the page
 * PAGE_HAS_CODE and write-protects it on the host if it is writable. */
void page_protect_code(uint64_t addr);

/*
 * Called from the host SIGSEGV handler for a write fault at guest address
 * addr: if the page is guest-writable but was protected for code, the TBs
 * of the page are invalidated, host write access restored, and true is
 * returned (retry the access).  False means a genuine guest fault.
 */
bool page_unprotect(uint64_t addr);

/* Find the lowest free range of len bytes at or above hint (page aligned),
 * or (uint64_t)-1 when none. */
uint64_t page_find_free(uint64_t hint, uint64_t len);

#endif
