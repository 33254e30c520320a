/*
 * The translation-block cache.
 *
 * Concurrency model (ready for several guest threads): everything that
 * changes the cache — translation, insertion, chaining, invalidation — runs
 * under tb_lock; lookups (hash chains, jump caches, chained jumps) take no
 * lock and see a consistent TB through release/acquire pointer publication
 * plus the TB's `invalid` flag.  TB storage is only reclaimed by a flush,
 * which runs when no CPU executes translated code.
 */
#include <string.h>
#include <sys/mman.h>

#include "engine/guest_mem.h"
#include "engine/internal.h"
#include "engine/softmmu.h"
#include "engine/x86/cg.h"
#include "target/target.h"
#include "util/error.h"

pthread_mutex_t tb_lock = PTHREAD_MUTEX_INITIALIZER;
volatile bool tb_flush_pending;

#define TB_HASH_BITS 15
#define TB_HASH_SIZE (1u << TB_HASH_BITS)

static struct tb *tb_hash[TB_HASH_SIZE];
static uint8_t *arena_base, *arena_top, *arena_end;
static struct tb *tb_all;

#define MAX_CPUS 256
static struct cpu_common *cpus[MAX_CPUS];
static int ncpus;

void tb_cache_init(size_t arena_size)
{
    if (arena_base) {
        /* Set up again (tests): start from an empty cache. */
        tb_flush_locked();
        munmap(arena_base, (size_t)(arena_end - arena_base));
    }
    void *p = mmap(NULL, arena_size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        fatal("cannot reserve %zu bytes for translated code", arena_size);
    arena_base = arena_top = p;
    arena_end = arena_base + arena_size;
}

static unsigned tb_hash_of(uint64_t pc, uint32_t flags, uint32_t cflags)
{
    uint64_t h = (pc ^ ((uint64_t)flags << 32) ^ cflags) * 0x9e3779b97f4a7c15ull;
    return (unsigned)(h >> (64 - TB_HASH_BITS));
}

size_t tb_arena_room(void)
{
    return (size_t)(arena_end - arena_top);
}

void *tb_arena_top(void)
{
    return arena_top;
}

bool tb_arena_empty(void)
{
    return arena_top == arena_base;
}

struct tb *tb_alloc(size_t code_size)
{
    size_t need = (sizeof(struct tb) + code_size + 63) & ~(size_t)63;
    if (need > tb_arena_room())
        return NULL;
    struct tb *tb = (struct tb *)arena_top;
    arena_top += need;
    memset(tb, 0, sizeof(*tb));
    tb->all_next = tb_all;
    tb_all = tb;
    return tb;
}

void tb_register_cpu(struct cpu_common *cpu)
{
    pthread_mutex_lock(&tb_lock);
    if (ncpus >= MAX_CPUS)
        fatal("too many CPUs (%d)", MAX_CPUS);
    cpus[ncpus++] = cpu;
    pthread_mutex_unlock(&tb_lock);
}

void tb_unregister_cpu(struct cpu_common *cpu)
{
    pthread_mutex_lock(&tb_lock);
    for (int i = 0; i < ncpus; i++)
        if (cpus[i] == cpu) {
            cpus[i] = cpus[--ncpus];
            break;
        }
    pthread_mutex_unlock(&tb_lock);
}

/* System mode: is tb's code where the calling CPU's mapping fetches it
 * from now?  (A guest TLB change keeps TBs; tb_unlink_range.) */
static bool tb_phys_ok(const struct tb *tb)
{
    struct cpu_common *cpu = current_cpu;
    int mmu = engine_target->mmu_index ? engine_target->mmu_index(tb->flags)
                                       : 0;
    for (uint32_t n = 0; n < tb->npages; n++)
        if (softmmu_code_phys(cpu, tb->page_addr[n], mmu) != tb->page_phys[n])
            return false;
    return true;
}

struct tb *tb_lookup(uint64_t pc, uint32_t flags, uint32_t cflags)
{
    struct tb *tb = __atomic_load_n(&tb_hash[tb_hash_of(pc, flags, cflags)],
                                    __ATOMIC_ACQUIRE);
    for (; tb; tb = __atomic_load_n(&tb->hash_next, __ATOMIC_ACQUIRE))
        if (tb->pc == pc && tb->flags == flags && tb->cflags == cflags &&
            !__atomic_load_n(&tb->invalid, __ATOMIC_ACQUIRE) &&
            (!softmmu_enabled || tb_phys_ok(tb)))
            return tb;
    return NULL;
}

/*
 * The entry is written with pc last; then, should tb have been invalidated
 * meanwhile by another thread (which sets tb->invalid before it empties
 * the entries it finds), it is emptied again: with a full fence on both
 * sides, either that thread sees the entry or this one sees the flag.
 */
void tb_jmp_cache_set(struct cpu_common *cpu, struct tb *tb)
{
    struct tb_jmp_cache_entry *e = &cpu->jmp_cache->e[tb_jmp_cache_hash(tb->pc)];
    __atomic_store_n(&e->pc_inv, TB_JC_EMPTY, __ATOMIC_RELAXED);
    __atomic_store_n(&e->tb, tb, __ATOMIC_RELAXED);
    __atomic_store_n(&e->key, tb_jmp_cache_key(tb->flags, tb->cflags),
                     __ATOMIC_RELAXED);
    __atomic_store_n(&e->tc, tb->tc, __ATOMIC_RELAXED);
    __atomic_store_n(&e->pc_inv, ~tb->pc, __ATOMIC_RELEASE);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (__atomic_load_n(&tb->invalid, __ATOMIC_RELAXED))
        __atomic_store_n(&e->pc_inv, TB_JC_EMPTY, __ATOMIC_RELAXED);
}

void tb_jmp_cache_clear(struct tb_jmp_cache *jc)
{
    memset(jc->e, 0, sizeof(jc->e)); /* TB_JC_EMPTY */
}

/* Called with tb_lock held; tb is fully built. */
void tb_insert(struct tb *tb)
{
    for (unsigned n = 0; n < tb->npages; n++) {
        uintptr_t *head = page_tb_list(tb->page_addr[n], true);
        tb->page_next[n] = *head;
        *head = (uintptr_t)tb | n;
    }
    unsigned h = tb_hash_of(tb->pc, tb->flags, tb->cflags);
    tb->hash_next = tb_hash[h];
    __atomic_store_n(&tb_hash[h], tb, __ATOMIC_RELEASE);
}

/* Chain from's exit slot to `to`, so goto_tb jumps there directly. */
void tb_add_jump(struct tb *from, int slot, struct tb *to)
{
    pthread_mutex_lock(&tb_lock);
    if (!from->invalid && !to->invalid && !from->jmp_dest[slot] &&
        !from->nocache && !to->nocache) {
        from->jmp_in_next[slot] = to->jmp_in;
        to->jmp_in = (uintptr_t)from | (uintptr_t)slot;
        __atomic_store_n(&from->jmp_dest[slot], to, __ATOMIC_RELEASE);
        if (from->tc)
            cg_patch_jump(from, slot, to);
    }
    pthread_mutex_unlock(&tb_lock);
}

static void unlink_page(struct tb *tb, unsigned n)
{
    uintptr_t *pp = page_tb_list(tb->page_addr[n], false);
    while (pp && *pp) {
        struct tb *t = (struct tb *)(*pp & ~(uintptr_t)1);
        unsigned k = *pp & 1;
        if (t == tb && k == n) {
            *pp = tb->page_next[n];
            return;
        }
        pp = &t->page_next[k];
    }
}

/* Drop `from`'s chained jump in slot (its destination loses an entry). */
static void unchain_out(struct tb *from, int slot)
{
    struct tb *to = from->jmp_dest[slot];
    if (!to)
        return;
    __atomic_store_n(&from->jmp_dest[slot], NULL, __ATOMIC_RELEASE);
    if (from->tc)
        cg_patch_jump(from, slot, NULL);
    uintptr_t *pp = &to->jmp_in;
    while (*pp) {
        struct tb *t = (struct tb *)(*pp & ~(uintptr_t)1);
        int k = *pp & 1;
        if (t == from && k == slot) {
            *pp = from->jmp_in_next[slot];
            return;
        }
        pp = &t->jmp_in_next[k];
    }
}

/* With tb_lock held. */
static void tb_invalidate_locked(struct tb *tb)
{
    if (tb->invalid)
        return;
    __atomic_store_n(&tb->invalid, 1, __ATOMIC_RELEASE);
    __atomic_thread_fence(__ATOMIC_SEQ_CST); /* pairs with tb_jmp_cache_set */

    unsigned h = tb_hash_of(tb->pc, tb->flags, tb->cflags);
    for (struct tb **pp = &tb_hash[h]; *pp; pp = &(*pp)->hash_next)
        if (*pp == tb) {
            __atomic_store_n(pp, tb->hash_next, __ATOMIC_RELEASE);
            break;
        }
    for (unsigned n = 0; n < tb->npages; n++)
        unlink_page(tb, n);

    unsigned j = tb_jmp_cache_hash(tb->pc);
    for (int i = 0; i < ncpus; i++) {
        struct tb_jmp_cache_entry *e = &cpus[i]->jmp_cache->e[j];
        if (__atomic_load_n(&e->tb, __ATOMIC_RELAXED) == tb)
            __atomic_store_n(&e->pc_inv, TB_JC_EMPTY, __ATOMIC_RELEASE);
    }

    /* Nobody may jump in any more, and we jump nowhere. */
    while (tb->jmp_in) {
        struct tb *from = (struct tb *)(tb->jmp_in & ~(uintptr_t)1);
        unchain_out(from, tb->jmp_in & 1);
    }
    unchain_out(tb, 0);
    unchain_out(tb, 1);
    engine_stats.tbs_invalidated++;
}

void tb_invalidate_page_locked(uint64_t page_addr)
{
    uintptr_t *head = page_tb_list(page_addr, false);
    while (head && *head)
        tb_invalidate_locked((struct tb *)(*head & ~(uintptr_t)1));
}

void tb_invalidate_page(uint64_t page_addr)
{
    pthread_mutex_lock(&tb_lock);
    tb_invalidate_page_locked(page_addr);
    pthread_mutex_unlock(&tb_lock);
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    if (end <= start)
        return;
    pthread_mutex_lock(&tb_lock);
    for (uint64_t pg = start & GUEST_PAGE_MASK; pg < end;
         pg += GUEST_PAGE_SIZE) {
        uintptr_t *head = page_tb_list(pg, false);
        if (!head)
            goto next;
        uintptr_t e = *head;
        while (e) {
            struct tb *tb = (struct tb *)(e & ~(uintptr_t)1);
            e = tb->page_next[e & 1];
            if (tb->pc < end && tb->pc_end > start)
                tb_invalidate_locked(tb); /* e stays valid: only tb moves */
        }
    next:
        if (pg + GUEST_PAGE_SIZE < pg)
            break;
    }
    pthread_mutex_unlock(&tb_lock);
}

/* With tb_lock held: nothing reaches tb without a lookup any more. */
static void tb_unlink_locked(struct tb *tb)
{
    unsigned j = tb_jmp_cache_hash(tb->pc);
    for (int i = 0; i < ncpus; i++) {
        struct tb_jmp_cache_entry *e = &cpus[i]->jmp_cache->e[j];
        if (__atomic_load_n(&e->tb, __ATOMIC_RELAXED) == tb)
            __atomic_store_n(&e->pc_inv, TB_JC_EMPTY, __ATOMIC_RELEASE);
    }
    while (tb->jmp_in) {
        struct tb *from = (struct tb *)(tb->jmp_in & ~(uintptr_t)1);
        unchain_out(from, tb->jmp_in & 1);
    }
}

void tb_unlink_range(uint64_t start, uint64_t end)
{
    if (end <= start)
        return;
    pthread_mutex_lock(&tb_lock);
    for (uint64_t pg = start & GUEST_PAGE_MASK; pg < end;
         pg += GUEST_PAGE_SIZE) {
        uintptr_t *head = page_tb_list(pg, false);
        for (uintptr_t e = head ? *head : 0; e;) {
            struct tb *tb = (struct tb *)(e & ~(uintptr_t)1);
            e = tb->page_next[e & 1];
            if (tb->pc < end && tb->pc_end > start)
                tb_unlink_locked(tb);
        }
        if (pg + GUEST_PAGE_SIZE < pg)
            break;
    }
    pthread_mutex_unlock(&tb_lock);
}

void tb_flush_locked(void)
{
    for (struct tb *tb = tb_all; tb; tb = tb->all_next)
        for (unsigned n = 0; n < tb->npages; n++) {
            uintptr_t *head = page_tb_list(tb->page_addr[n], false);
            if (head)
                *head = 0;
        }
    tb_all = NULL;
    memset(tb_hash, 0, sizeof(tb_hash));
    for (int i = 0; i < ncpus; i++)
        tb_jmp_cache_clear(cpus[i]->jmp_cache);
    arena_top = arena_base;
    cg_flush();
    /* Give the pages back; the reservation stays. */
    madvise(arena_base, (size_t)(arena_end - arena_base), MADV_DONTNEED);
    tb_flush_pending = false;
    engine_stats.tb_flushes++;
}

void tb_flush_all(void)
{
    pthread_mutex_lock(&tb_lock);
    tb_flush_locked();
    pthread_mutex_unlock(&tb_lock);
}

void tb_kick_all_cpus(struct cpu_common *self)
{
    pthread_mutex_lock(&tb_lock);
    for (int i = 0; i < ncpus; i++)
        if (cpus[i] != self)
            cpu_exit(cpus[i]);
    pthread_mutex_unlock(&tb_lock);
}

void tb_fork_child(struct cpu_common *keep)
{
    pthread_mutex_init(&tb_lock, NULL);
    ncpus = 0;
    if (keep)
        cpus[ncpus++] = keep;
}
