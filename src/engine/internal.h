/*
 * Engine-private declarations shared by the engine's files: translation
 * blocks, the TB cache, the per-CPU engine state and the interpreter.
 * Nothing outside src/engine/ includes this.
 */
#ifndef KEMU_ENGINE_INTERNAL_H
#define KEMU_ENGINE_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"
#include "engine/exec.h"
#include "engine/ir.h"

struct target_info;

/* TB compile flags: part of the cache key with (pc, flags). */
enum {
    CF_SINGLE_INSN = 1, /* one instruction (single step, -one-insn-per-tb) */
    CF_NO_CHAIN = 2,    /* debugger single step: never continue in-line */
    CF_INTERP = 4,      /* codegen engine: this TB runs on the interpreter */
};

/*
 * One translation block.  Descriptors and their code live in the arena
 * and are never freed individually: an invalidated TB stays readable (a
 * CPU may still be finishing it) until the next flush, which happens only
 * at a point where no CPU runs translated code.
 */
struct tb {
    uint64_t pc;
    uint64_t pc_end;            /* just past the last instruction */
    uint32_t flags;             /* target mode flags */
    uint32_t cflags;            /* CF_* */
    uint32_t invalid;           /* set once, read without the lock */
    uint32_t ninsns;
    uint32_t npages;            /* guest pages the code lies on (0-2) */
    bool nocache;               /* not in the hash: translate each time */
    uint64_t page_addr[2];

    struct tb *hash_next;       /* bucket chain (lock-free readers) */
    uintptr_t page_next[2];     /* per-page lists: tb | index, tagged */
    struct tb *jmp_dest[2];     /* chained successor of goto_tb slot n */
    uintptr_t jmp_in;           /* TBs chained to this one: tb | slot */
    uintptr_t jmp_in_next[2];   /* link in the successor's jmp_in list */
    struct tb *all_next;        /* every TB, for flush bookkeeping */

    const uint64_t (*insn_data)[IR_INSN_WORDS];
    const void *code;           /* backend code: interpreter records */

    /* Code generator (x86/): host code in the executable view, the offset
     * of each goto_tb's patchable rel32 from tc, and the host code offset
     * of each insn_start (for host PC -> guest instruction). */
    const uint8_t *tc;
    uint32_t tc_size;
    uint32_t jmp_off[2];
    const uint32_t *host_off;
    /* A loop TB (x86/codegen.c "Loop TBs"): chaining goto_tb slot
     * loop_slot to the TB itself jumps to tc + loop_off; -1: none. */
    uint32_t loop_off;
    int8_t loop_slot;
};

/*
 * Per-CPU engine state behind cpu->jmp_cache: the direct-mapped jump cache
 * (the fast path of lookup_and_goto and of the loop) and debugger state.
 *
 * An entry holds the TB's key and code address next to the TB itself, so
 * generated code probes it with one cache line and no TB descriptor read
 * (x86/codegen.c).  Only the CPU's own thread fills its entries;
 * invalidation from any thread empties them by writing TB_JC_EMPTY to
 * pc_inv, which no lookup matches.  The PC is stored inverted so that a
 * zeroed cache is empty without being written (no start-up page faults).  A reader that raced with it may still enter
 * the old TB, whose code stays valid until the next flush.
 */
#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1u << TB_JMP_CACHE_BITS)
#define TB_JC_EMPTY 0 /* pc_inv of an empty entry: no PC is ~0 */
#define ENGINE_MAX_BREAKPOINTS 64
#define ENGINE_MAX_WATCHPOINTS 16

struct engine_watchpoint {
    uint64_t addr, len;
    int flags;
};

struct tb_jmp_cache_entry {
    uint64_t pc_inv;        /* ~pc, or TB_JC_EMPTY */
    uint64_t key;           /* flags | (uint64_t)cflags << 32 */
    const void *tc;         /* generated code (NULL for interpreter TBs) */
    struct tb *tb;
};

struct tb_jmp_cache {
    struct tb_jmp_cache_entry e[TB_JMP_CACHE_SIZE];
    struct cpu_common *cpu;
    int nbreak;
    uint64_t breakpoints[ENGINE_MAX_BREAKPOINTS];
    int nwatch;
    struct engine_watchpoint watch[ENGINE_MAX_WATCHPOINTS];
};

static inline unsigned tb_jmp_cache_hash(uint64_t pc)
{
    return (unsigned)((pc >> 1) ^ (pc >> (TB_JMP_CACHE_BITS + 1))) &
           (TB_JMP_CACHE_SIZE - 1);
}

static inline uint64_t tb_jmp_cache_key(uint32_t flags, uint32_t cflags)
{
    return flags | (uint64_t)cflags << 32;
}

static inline struct tb *tb_jmp_cache_lookup(struct cpu_common *cpu,
                                             uint64_t pc, uint32_t flags,
                                             uint32_t cflags)
{
    const struct tb_jmp_cache_entry *e =
        &cpu->jmp_cache->e[tb_jmp_cache_hash(pc)];
    if (__atomic_load_n(&e->pc_inv, __ATOMIC_ACQUIRE) != ~pc ||
        e->key != tb_jmp_cache_key(flags, cflags))
        return NULL;
    struct tb *tb = e->tb;
    if (__atomic_load_n(&tb->invalid, __ATOMIC_ACQUIRE))
        return NULL;
    return tb;
}

/* ---- Engine globals (exec.c) ------------------------------------------- */

extern const struct target_info *engine_target;
extern struct engine_options engine_opts;
extern struct ir_globals engine_globals;
extern size_t engine_frame_offset; /* interpreter frame, from the CPU state */
extern bool engine_skip_optimizer;  /* tests: run the IR as built */
/* TBs with these cflags run on the interpreter (else generated code). */
bool engine_uses_interp(uint32_t cflags);
#define ENGINE_FRAME_SIZE ((size_t)(IR_MAX_TEMPS + 8) * 8)

/* ---- TB cache (tb.c) ----------------------------------------------------- */

extern pthread_mutex_t tb_lock;

void tb_cache_init(size_t arena_size);
/* Room in the arena for a TB with code_size bytes of code, or NULL. */
struct tb *tb_alloc(size_t code_size);
size_t tb_arena_room(void);
void *tb_arena_top(void);
bool tb_arena_empty(void);
void tb_insert(struct tb *tb);              /* hash + page lists (locked) */
struct tb *tb_lookup(uint64_t pc, uint32_t flags, uint32_t cflags);
void tb_add_jump(struct tb *from, int slot, struct tb *to);
void tb_invalidate_page(uint64_t page_addr);
void tb_invalidate_page_locked(uint64_t page_addr);
void tb_flush_locked(void);
void tb_register_cpu(struct cpu_common *cpu);
void tb_unregister_cpu(struct cpu_common *cpu);
/* Fill the calling CPU's entry for tb (only from the CPU's own thread). */
void tb_jmp_cache_set(struct cpu_common *cpu, struct tb *tb);
/* Empty every entry of a jump cache. */
void tb_jmp_cache_clear(struct tb_jmp_cache *jc);
/* cpu_exit every registered CPU but self (a flush wants them at a safe
 * point). */
void tb_kick_all_cpus(struct cpu_common *self);
/* In a forked child: only `keep` exists any more; locks are reset. */
void tb_fork_child(struct cpu_common *keep);
/* A flush was requested because the arena is full. */
extern volatile bool tb_flush_pending;

/* ---- Translation (translate.c) -------------------------------------------- */

/* Translate the TB at (pc, flags); NULL when the arena is full. */
struct tb *tb_gen_code(struct cpu_common *cpu, uint64_t pc, uint32_t flags,
                       uint32_t cflags);

/* ---- Interpreter (interp.c) -------------------------------------------- */

/* Lower an optimized op list into interpreter records at buf (at most room
 * bytes); returns the bytes used or 0 when they do not fit. */
size_t interp_lower(const struct ir_ctx *c, void *buf, size_t room);

/*
 * Exit slot of a TB left at its entry, before its first instruction,
 * because exit_request was set.  Generated code checks the request at
 * entry, after a chained jump that skipped the PC update following
 * goto_tb, so the loop restores the state of the TB's first instruction.
 */
#define TB_EXIT_REQUESTED 3

/* Run tb and the TBs chained from it; returns the TB that exited and its
 * exit slot (0, 1, IR_EXIT_NOCHAIN or TB_EXIT_REQUESTED). */
struct tb *interp_exec(struct cpu_common *cpu, struct tb *tb, int *slot);

/* ---- Debugging (debug.c) ------------------------------------------------- */

/* Watchpoint check for an access of size bytes at addr (WP_READ/WP_WRITE). */
void engine_watch_check(struct cpu_common *cpu, uint64_t addr, unsigned size,
                        int kind);
void engine_log_tb_entry(struct cpu_common *cpu, const struct tb *tb);

/* ---- Guest memory (guest_mem.c) ------------------------------------------ */

/* Head of the list of TBs whose code lies on the page of addr (tagged
 * pointers), created on demand; NULL for addresses outside the table. */
uintptr_t *page_tb_list(uint64_t addr, bool create);

#endif
