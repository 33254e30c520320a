/*
 * The soft TLB and the slow paths of system-mode guest memory (see
 * softmmu.h).  The fast path (a hit on a RAM page) is inlined in the
 * interpreter's load/store handlers.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "engine/internal.h"
#include "engine/softmmu.h"
#include "target/target.h"
#include "util/error.h"

bool softmmu_enabled;
static const struct softmmu_region *(*phys_find)(uint64_t paddr);

/*
 * Code tracking per physical page (below 4 GiB): the virtual pages TBs
 * were fetched through, so a write to the physical page can invalidate
 * them.  Reserved lazily; a page costs host memory only once it held code.
 */
#define CODE_PHYS_PAGES (1u << 20)
#define CODE_ALIASES 4
struct code_page {
    uint64_t vpage[CODE_ALIASES];
    uint8_t n;
};
static struct code_page *code_pages;

void softmmu_init(const struct softmmu_region *(*find)(uint64_t paddr))
{
    phys_find = find;
    if (!code_pages) {
        void *p = mmap(NULL, sizeof(struct code_page) * (size_t)CODE_PHYS_PAGES,
                       PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            fatal("cannot reserve the code page table");
        code_pages = p;
    }
    softmmu_enabled = true;
}

const struct softmmu_region *softmmu_find(uint64_t paddr)
{
    return phys_find ? phys_find(paddr) : NULL;
}

static struct code_page *code_page_of(uint64_t paddr)
{
    uint64_t n = paddr >> SOFTMMU_PAGE_BITS;
    return n < CODE_PHYS_PAGES ? &code_pages[n] : NULL;
}

/* ---- The TLB ------------------------------------------------------------------ */

void softmmu_cpu_init(struct cpu_common *cpu)
{
    if (!cpu->tlb)
        cpu->tlb = xcalloc(1, sizeof(*cpu->tlb));
    softmmu_tlb_flush(cpu);
}

void softmmu_tlb_flush(struct cpu_common *cpu)
{
    /* All ones: no page address matches a comparator of -1. */
    memset(cpu->tlb->e, 0xff, sizeof(cpu->tlb->e));
    cpu->tlb->nasid = 0;
    cpu->tlb->asid_overflow = false;
}

void softmmu_tlb_flush_asid(struct cpu_common *cpu)
{
    struct softmmu_tlb *t = cpu->tlb;
    if (t->asid_overflow) {
        softmmu_tlb_flush(cpu);
        return;
    }
    for (uint32_t i = 0; i < t->nasid; i++)
        memset(&t->e[t->asid_slot[i] >> 16][t->asid_slot[i] & 0xffff], 0xff,
               sizeof(struct softmmu_tlb_entry));
    t->nasid = 0;
}

static inline struct softmmu_tlb_entry *entry(struct cpu_common *cpu,
                                              uint64_t vaddr, int mmu_idx)
{
    return &cpu->tlb->e[mmu_idx][(vaddr >> SOFTMMU_PAGE_BITS) &
                                 (SOFTMMU_TLB_SIZE - 1)];
}

void softmmu_tlb_flush_range(struct cpu_common *cpu, uint64_t start,
                             uint64_t len)
{
    uint64_t first = start >> SOFTMMU_PAGE_BITS;
    uint64_t last = (start + len - 1) >> SOFTMMU_PAGE_BITS;
    if (!len)
        return;
    if (last - first >= SOFTMMU_TLB_SIZE) {
        softmmu_tlb_flush(cpu);
        return;
    }
    /* Empty each page's slot whatever it holds: only the index matters,
     * so the address's upper bits (sign extension on 64-bit CPUs) need
     * not match how the entry was filled. */
    for (uint64_t pg = first; pg <= last; pg++)
        for (int m = 0; m < SOFTMMU_MODES; m++)
            memset(&cpu->tlb->e[m][pg & (SOFTMMU_TLB_SIZE - 1)], 0xff,
                   sizeof(struct softmmu_tlb_entry));
}

void softmmu_tlb_set_page(struct cpu_common *cpu, uint64_t vaddr,
                          uint64_t paddr, int prot, int mmu_idx)
{
    uint64_t vpage = vaddr & SOFTMMU_PAGE_MASK;
    uint64_t ppage = paddr & SOFTMMU_PAGE_MASK;
    struct softmmu_tlb_entry *e = entry(cpu, vaddr, mmu_idx);
    const struct softmmu_region *r = softmmu_find(ppage);
    /* Host memory only when the whole page lies in one RAM/ROM region. */
    bool ram = r && r->host && ppage >= r->base &&
               ppage + SOFTMMU_PAGE_SIZE - r->base <= r->size;
    uint64_t slow = ram ? 0 : TLB_SLOW;
    struct code_page *cp = code_page_of(ppage);

    if (prot & PROT_ASID) {
        struct softmmu_tlb *t = cpu->tlb;
        if (t->nasid < SOFTMMU_ASID_SLOTS)
            t->asid_slot[t->nasid++] = (uint32_t)mmu_idx << 16 |
                                       (uint32_t)(e - t->e[mmu_idx]);
        else
            t->asid_overflow = true;
    }
    e->paddr = ppage;
    e->addend = ram ? (uintptr_t)(r->host + (ppage - r->base)) - vpage : 0;
    e->cmp[MMU_DATA_LOAD] = (prot & PROT_R) ? vpage | slow : ~0ull;
    e->cmp[MMU_DATA_STORE] =
        (prot & PROT_W) ? vpage | ((!ram || r->readonly || (cp && cp->n))
                                   ? TLB_SLOW : 0)
                        : ~0ull;
    e->cmp[MMU_INST_FETCH] = (prot & PROT_X) ? vpage | slow : ~0ull;
}

static void fill(struct cpu_common *cpu, uint64_t addr, int access,
                 int mmu_idx)
{
    cpu->target->tlb_fill(cpu, addr, access, mmu_idx, false);
}

/* Look up (filling on a miss) the entry for an access; never returns
 * without one that allows it (faults unwind). */
static struct softmmu_tlb_entry *lookup(struct cpu_common *cpu, uint64_t addr,
                                        int access, int mmu_idx)
{
    uint64_t page = addr & SOFTMMU_PAGE_MASK;
    struct softmmu_tlb_entry *e = entry(cpu, addr, mmu_idx);
    if ((e->cmp[access] & ~(uint64_t)TLB_SLOW) != page) {
        fill(cpu, addr, access, mmu_idx);
        if ((e->cmp[access] & ~(uint64_t)TLB_SLOW) != page)
            fatal("soft MMU: the target filled no mapping for 0x%llx",
                  (unsigned long long)addr);
    }
    return e;
}

/* ---- Self-modifying code ------------------------------------------------------ */

/* A write is about to change the physical page of e: invalidate the
 * translations made from it first. */
static void code_write(struct cpu_common *cpu, struct softmmu_tlb_entry *e)
{
    struct code_page *cp = code_page_of(e->paddr);
    if (cp && cp->n) {
        pthread_mutex_lock(&tb_lock);
        for (int i = 0; i < cp->n; i++)
            tb_invalidate_page_locked(cp->vpage[i]);
        pthread_mutex_unlock(&tb_lock);
        cp->n = 0;
    }
    /* Writes through this entry can go fast again. */
    const struct softmmu_region *r = softmmu_find(e->paddr);
    if (r && r->host && !r->readonly)
        e->cmp[MMU_DATA_STORE] &= ~(uint64_t)TLB_SLOW;
}

void softmmu_invalidate_phys(uint64_t paddr, uint64_t len)
{
    if (!code_pages || !len)
        return;
    for (uint64_t pg = paddr & SOFTMMU_PAGE_MASK; pg < paddr + len;
         pg += SOFTMMU_PAGE_SIZE) {
        struct code_page *cp = code_page_of(pg);
        if (!cp || !cp->n)
            continue;
        pthread_mutex_lock(&tb_lock);
        for (int i = 0; i < cp->n; i++)
            tb_invalidate_page_locked(cp->vpage[i]);
        pthread_mutex_unlock(&tb_lock);
        cp->n = 0;
    }
}

/* The translator read code from paddr's page through vpage (tb_lock is
 * held). */
static void code_mark(struct cpu_common *cpu, uint64_t ppage, uint64_t vpage)
{
    struct code_page *cp = code_page_of(ppage);
    for (int i = 0; i < cp->n; i++)
        if (cp->vpage[i] == vpage)
            return;
    if (cp->n == CODE_ALIASES) {
        /* Too many aliases: forget the oldest with its TBs. */
        tb_invalidate_page_locked(cp->vpage[0]);
        memmove(&cp->vpage[0], &cp->vpage[1],
                sizeof(cp->vpage[0]) * (CODE_ALIASES - 1));
        cp->n--;
    }
    cp->vpage[cp->n++] = vpage;
    /* Writes to the page must now take the slow path, in every mode.  A
     * page that already held code has that done: entries filled since
     * then were made slow by softmmu_tlb_set_page. */
    if (cp->n > 1)
        return;
    for (int m = 0; m < SOFTMMU_MODES; m++)
        for (unsigned i = 0; i < SOFTMMU_TLB_SIZE; i++) {
            struct softmmu_tlb_entry *e = &cpu->tlb->e[m][i];
            if (e->paddr == ppage && e->cmp[MMU_DATA_STORE] != ~0ull)
                e->cmp[MMU_DATA_STORE] |= TLB_SLOW;
        }
}

const uint8_t *softmmu_code_ptr(struct cpu_common *cpu, uint64_t vaddr,
                                int mmu_idx)
{
    uint64_t page = vaddr & SOFTMMU_PAGE_MASK;
    struct softmmu_tlb_entry *e = entry(cpu, vaddr, mmu_idx);
    if ((e->cmp[MMU_INST_FETCH] & ~(uint64_t)TLB_SLOW) != page) {
        if (!cpu->target->tlb_fill(cpu, vaddr, MMU_INST_FETCH, mmu_idx, true))
            return NULL;
        if ((e->cmp[MMU_INST_FETCH] & ~(uint64_t)TLB_SLOW) != page)
            return NULL;
    }
    if ((e->cmp[MMU_INST_FETCH] & TLB_SLOW) || !code_page_of(e->paddr))
        return NULL;   /* code in MMIO space is not run */
    code_mark(cpu, e->paddr, page);
    return (const uint8_t *)(uintptr_t)(vaddr + e->addend);
}

uint64_t softmmu_code_phys(struct cpu_common *cpu, uint64_t vaddr,
                           int mmu_idx)
{
    uint64_t page = vaddr & SOFTMMU_PAGE_MASK;
    struct softmmu_tlb_entry *e = entry(cpu, vaddr, mmu_idx);
    if ((e->cmp[MMU_INST_FETCH] & ~(uint64_t)TLB_SLOW) != page &&
        (!cpu->target->tlb_fill(cpu, vaddr, MMU_INST_FETCH, mmu_idx, true) ||
         (e->cmp[MMU_INST_FETCH] & ~(uint64_t)TLB_SLOW) != page))
        return ~0ull;
    return e->paddr;
}

/* ---- Loads and stores ----------------------------------------------------------- */

static uint64_t host_ld(const uint8_t *p, unsigned memop)
{
    unsigned size = 1u << (memop & MO_SIZE);
    uint64_t v = 0;
    if (memop & MO_BE)
        for (unsigned i = 0; i < size; i++)
            v = v << 8 | p[i];
    else
        for (unsigned i = size; i-- > 0;)
            v = v << 8 | p[i];
    return v;
}

static void host_st(uint8_t *p, unsigned memop, uint64_t v)
{
    unsigned size = 1u << (memop & MO_SIZE);
    if (memop & MO_BE)
        for (unsigned i = size; i-- > 0; v >>= 8)
            p[i] = (uint8_t)v;
    else
        for (unsigned i = 0; i < size; i++, v >>= 8)
            p[i] = (uint8_t)v;
}

static uint64_t sign(uint64_t v, unsigned memop)
{
    if (!(memop & MO_SIGN))
        return v;
    switch (memop & MO_SIZE) {
    case MO_8: return (uint64_t)(int64_t)(int8_t)v;
    case MO_16: return (uint64_t)(int64_t)(int16_t)v;
    case MO_32: return (uint64_t)(int64_t)(int32_t)v;
    default: return v;
    }
}

static uint64_t mmio_read(uint64_t paddr, unsigned size)
{
    const struct softmmu_region *r = softmmu_find(paddr);
    if (!r)
        return 0;
    if (r->host)
        return host_ld(r->host + (paddr - r->base), (size == 8 ? MO_64 :
                       size == 4 ? MO_32 : size == 2 ? MO_16 : MO_8));
    return r->read ? r->read(r->opaque, paddr - r->base, size) : 0;
}

static void mmio_write(uint64_t paddr, uint64_t v, unsigned size)
{
    const struct softmmu_region *r = softmmu_find(paddr);
    if (!r || r->readonly)
        return;
    if (r->host) {
        host_st(r->host + (paddr - r->base), (size == 8 ? MO_64 :
                size == 4 ? MO_32 : size == 2 ? MO_16 : MO_8), v);
        return;
    }
    if (r->write)
        r->write(r->opaque, paddr - r->base, v, size);
}

uint64_t softmmu_ld(struct cpu_common *cpu, uint64_t addr, unsigned memop,
                    int mmu_idx)
{
    unsigned size = 1u << (memop & MO_SIZE);
    if ((addr & (SOFTMMU_PAGE_SIZE - 1)) + size > SOFTMMU_PAGE_SIZE) {
        /* Crosses a page: byte by byte, each through its own page. */
        uint8_t b[8];
        for (unsigned i = 0; i < size; i++)
            b[i] = (uint8_t)softmmu_ld(cpu, addr + i, MO_8, mmu_idx);
        return sign(host_ld(b, memop), memop);
    }
    struct softmmu_tlb_entry *e = lookup(cpu, addr, MMU_DATA_LOAD, mmu_idx);
    if (!(e->cmp[MMU_DATA_LOAD] & TLB_SLOW))
        return sign(host_ld((const uint8_t *)(uintptr_t)(addr + e->addend),
                            memop), memop);
    uint64_t paddr = e->paddr | (addr & (SOFTMMU_PAGE_SIZE - 1));
    const struct softmmu_region *r = softmmu_find(paddr);
    if (r && r->host)
        return sign(host_ld(r->host + (paddr - r->base), memop), memop);
    return sign(mmio_read(paddr, size), memop);
}

void softmmu_st(struct cpu_common *cpu, uint64_t addr, unsigned memop,
                uint64_t val, int mmu_idx)
{
    unsigned size = 1u << (memop & MO_SIZE);
    if ((addr & (SOFTMMU_PAGE_SIZE - 1)) + size > SOFTMMU_PAGE_SIZE) {
        uint8_t b[8];
        host_st(b, memop, val);
        /* Both pages must be writable before either byte changes. */
        lookup(cpu, addr, MMU_DATA_STORE, mmu_idx);
        lookup(cpu, addr + size - 1, MMU_DATA_STORE, mmu_idx);
        for (unsigned i = 0; i < size; i++)
            softmmu_st(cpu, addr + i, MO_8, b[i], mmu_idx);
        return;
    }
    struct softmmu_tlb_entry *e = lookup(cpu, addr, MMU_DATA_STORE, mmu_idx);
    if (e->cmp[MMU_DATA_STORE] & TLB_SLOW) {
        uint64_t paddr = e->paddr | (addr & (SOFTMMU_PAGE_SIZE - 1));
        const struct softmmu_region *r = softmmu_find(paddr);
        if (!r || !r->host || r->readonly) {
            mmio_write(paddr, val, size);
            return;
        }
        code_write(cpu, e);
        host_st(r->host + (paddr - r->base), memop, val);
        return;
    }
    host_st((uint8_t *)(uintptr_t)(addr + e->addend), memop, val);
}

void *softmmu_atomic_ptr(struct cpu_common *cpu, uint64_t addr,
                         unsigned size, int mmu_idx)
{
    struct softmmu_tlb_entry *e = lookup(cpu, addr, MMU_DATA_STORE, mmu_idx);
    if (e->cmp[MMU_DATA_STORE] & TLB_SLOW) {
        const struct softmmu_region *r = softmmu_find(e->paddr);
        if (!r || !r->host || r->readonly)
            return NULL;
        code_write(cpu, e);
        uint64_t paddr = e->paddr | (addr & (SOFTMMU_PAGE_SIZE - 1));
        return r->host + (paddr - r->base);
    }
    return (void *)(uintptr_t)(addr + e->addend);
}

/* ---- Debugger and loader access ----------------------------------------------- */

bool softmmu_rw_physical(uint64_t paddr, void *buf, uint64_t len, bool write)
{
    uint8_t *b = buf;
    while (len) {
        const struct softmmu_region *r = softmmu_find(paddr);
        if (!r || !r->host)
            return false;
        uint64_t off = paddr - r->base;
        uint64_t n = r->size - off < len ? r->size - off : len;
        if (write)
            memcpy(r->host + off, b, n);
        else
            memcpy(b, r->host + off, n);
        b += n;
        paddr += n;
        len -= n;
    }
    return true;
}

bool softmmu_rw_virtual(struct cpu_common *cpu, uint64_t vaddr, void *buf,
                        uint64_t len, bool write, int mmu_idx)
{
    uint8_t *b = buf;
    while (len) {
        uint64_t page = vaddr & SOFTMMU_PAGE_MASK;
        struct softmmu_tlb_entry *e = entry(cpu, vaddr, mmu_idx);
        int access = write ? MMU_DATA_STORE : MMU_DATA_LOAD;
        if ((e->cmp[access] & ~(uint64_t)TLB_SLOW) != page &&
            (!cpu->target->tlb_fill(cpu, vaddr, access, mmu_idx, true) ||
             (e->cmp[access] & ~(uint64_t)TLB_SLOW) != page))
            return false;
        uint64_t off = vaddr & (SOFTMMU_PAGE_SIZE - 1);
        uint64_t n = SOFTMMU_PAGE_SIZE - off < len ? SOFTMMU_PAGE_SIZE - off
                                                    : len;
        if (write) {
            code_write(cpu, e);
            for (uint64_t i = 0; i < n; i++)
                mmio_write(e->paddr + off + i, b[i], 1);
        } else {
            for (uint64_t i = 0; i < n; i++)
                b[i] = (uint8_t)mmio_read(e->paddr + off + i, 1);
        }
        b += n;
        vaddr += n;
        len -= n;
    }
    return true;
}
