/*
 * IR -> x86-64 lowering with per-TB register allocation.
 *
 * Fixed registers: rbp holds the CPU state (globals are fields of it,
 * locals have frame slots after it, like the interpreter's), r14 holds
 * guest_base, r11 is a scratch register never allocated.  The other twelve
 * general registers cache temps.
 *
 * A temp's value is in its home (CPU state field or frame slot), in a host
 * register, or both; `dirty` says the register is newer than the home.
 * Registers are assigned on demand in op order; when none is free, the
 * least recently used one not needed by the current op is evicted.
 *
 * Synchronisation points follow the IR's rules:
 *  - before an op that may fault through a helper (raise, helpers that
 *    may raise, atomics), dirty globals are written home (they stay
 *    cached, now clean), so cpu_raise sees exact guest state;
 *  - guest loads and stores in user mode write nothing home: the TB's
 *    fault map records where each dirty global is at the accessing host
 *    instruction, and a host fault writes them home from the signal's
 *    registers (cgfault.c); with the soft MMU they are synced instead;
 *  - before a helper call, caller-saved registers are written home when
 *    their value is needed later and forgotten; globals are written first
 *    (and forgotten after) unless the helper's flags promise otherwise;
 *  - at branches and TB exits every dirty value still needed is written
 *    home (it stays cached, now clean); at a label a register keeps its
 *    temp only if every branch to the label left it there too.
 *
 * A local is needed after op i when some later op reads it: control flow
 * inside a TB only goes forward, so the last reading op ends its life.
 */
#include <string.h>

#include "engine/guest_mem.h"
#include "engine/ir_sem.h"
#include "engine/softmmu.h"
#include "engine/x86/cg.h"
#include "engine/x86/cg_alloc.h"
#include "target/target.h"
#include "util/error.h"
#include "util/log.h"

#define NREGS 16
#define SCRATCH R11
#define MAX_PINS 8

/* Allocation order: callee-saved first (they survive helper calls), rcx
 * last (variable shifts want it). */
static const int8_t alloc_order[] = {
    RBX, R12, R13, R15, RSI, RDI, R8, R9, R10, RAX, RDX, RCX,
};
#define CALLER_SAVED ((1u << RAX) | (1u << RCX) | (1u << RDX) | (1u << RSI) | \
                      (1u << RDI) | (1u << R8) | (1u << R9) | (1u << R10) |   \
                      (1u << R11))
static const int8_t arg_regs[] = { RDI, RSI, RDX, RCX, R8, R9 };

struct cgs {
    const struct ir_ctx *c;
    struct tb *tb;
    struct emit e;
    int cur;                       /* index of the op being lowered */
    uint32_t locked;               /* registers the current op uses */
    uint32_t stamp;
    int16_t rtemp[NREGS];          /* temp in each register, or -1 */
    uint32_t rstamp[NREGS];
    int8_t treg[IR_MAX_TEMPS];     /* register of each temp, or -1 */
    uint8_t tdirty[IR_MAX_TEMPS];
    uint16_t last_use[IR_MAX_TEMPS];
    /* The host flags are those of "cmp flags_a, flags_b" while the code
     * pointer is still flags_at (set by a sub; nothing emitted since). */
    uint8_t *flags_at;
    ir_t flags_a, flags_b;
    uint8_t *label_at[IR_MAX_LABELS];
    uint16_t label_pos[IR_MAX_LABELS]; /* op index of each set_label */
    /* Register contents every branch to a label agrees on (after the
     * branch's sync all of them equal their homes): kept at the label. */
    int16_t label_regs[IR_MAX_LABELS][NREGS];
    uint8_t label_seen[IR_MAX_LABELS];
    /* Labels targeted by exactly one branch keep dirty values across it:
     * the branch's register state and dirty registers are recorded, and
     * at the label what the fall-through path does not share is written
     * home on each side (on the taken side by a stub after the TB). */
    uint8_t label_nbranch[IR_MAX_LABELS];   /* saturates at 2 */
    uint32_t label_dirty[IR_MAX_LABELS];    /* dirty registers at the branch */
    uint16_t label_fix[IR_MAX_LABELS];      /* the branch's fix[] entry */
    int nstub;
    struct {
        uint16_t fix;
        uint8_t n;
        struct { int16_t t; int8_t r; } st[NREGS];
    } stub[IR_MAX_LABELS];
    int nfix;
    struct { uint8_t *disp; uint16_t label; uint8_t *to; } fix[IR_MAX_OPS];
    int nexit_fix;
    uint8_t *exit_fix[4];
    /* Dirty globals in registers at each guest access (user mode). */
    struct cgf_builder fault;
    /* Loop TB (see "Loop TBs"): the goto_tb slot that may lead back to
     * the TB's own start, or -1, and the globals kept in fixed registers
     * across iterations (pin_of[g] is 1 + the pin's index, 0 for none). */
    int loop_slot;
    int npins;
    ir_t pin[MAX_PINS];
    uint8_t pin_of[IR_MAX_GLOBALS];
    uint16_t refs[IR_MAX_GLOBALS];
    uint8_t written[IR_MAX_GLOBALS];
    /* Pins taken as dirty at the loop head, and found dirty at the edge. */
    uint8_t head_dirty[IR_MAX_GLOBALS];
    uint8_t edge_dirty[IR_MAX_GLOBALS];
};

static __thread struct cgs *cgs_thread;

/* ---- Temps -------------------------------------------------------------- */

static bool is_global(struct cgs *s, ir_t t)
{
    return s->c->temps[t].kind == IR_TEMP_GLOBAL;
}

static bool is_const(struct cgs *s, ir_t t)
{
    return s->c->temps[t].kind == IR_TEMP_CONST;
}

static bool is64(struct cgs *s, ir_t t)
{
    return s->c->temps[t].type == IR_I64;
}

static uint64_t cval(struct cgs *s, ir_t t)
{
    return s->c->temps[t].val;
}

static int32_t home(struct cgs *s, ir_t t)
{
    const struct ir_temp *tp = &s->c->temps[t];
    if (tp->kind == IR_TEMP_GLOBAL)
        return tp->env_offset;
    return (int32_t)(engine_frame_offset + 8u * (t - s->c->nglobals));
}

/* Number of args[] an op uses (a call: its result and its arguments). */
static int op_nargs(const struct ir_op *op)
{
    return op->opc == IR_OP_call ? 1 + (int)op->aux
                                 : ir_op_defs[op->opc].nout +
                                       ir_op_defs[op->opc].nin;
}

/* Needed after the current op: globals always (their home is guest
 * state), locals while a later op reads them. */
static bool live_after(struct cgs *s, ir_t t)
{
    return is_global(s, t) || s->last_use[t] > s->cur;
}

/* Usable as an immediate operand of an op of width w64. */
static bool imm_ok(struct cgs *s, ir_t t, bool w64)
{
    return is_const(s, t) && (!w64 || fits_s32((int64_t)cval(s, t)));
}

/* ---- Registers ------------------------------------------------------------ */

static void store_home(struct cgs *s, ir_t t, int r)
{
    e_rm(&s->e, OPC_MOVL_EvGv | (is64(s, t) ? P_REXW : 0), r, RBP, -1,
         home(s, t));
}

static void unbind_reg(struct cgs *s, int r)
{
    int t = s->rtemp[r];
    if (t >= 0) {
        s->treg[t] = -1;
        s->tdirty[t] = 0;
        s->rtemp[r] = -1;
    }
}

static void unbind_temp(struct cgs *s, ir_t t)
{
    if (s->treg[t] >= 0)
        unbind_reg(s, s->treg[t]);
}

static void bind(struct cgs *s, ir_t t, int r, bool dirty)
{
    unbind_temp(s, t);
    unbind_reg(s, r);
    s->treg[t] = (int8_t)r;
    s->rtemp[r] = (int16_t)t;
    s->tdirty[t] = dirty;
    s->rstamp[r] = ++s->stamp;
}

/* Write t home if the register is newer and the value is still needed
 * (after the current op, or also by it when `now`). */
static void writeback(struct cgs *s, ir_t t, bool now)
{
    if (s->tdirty[t] && s->treg[t] >= 0) {
        if (live_after(s, t) || (now && s->last_use[t] == s->cur))
            store_home(s, t, s->treg[t]);
        s->tdirty[t] = 0;
    }
}

/* Free register r in the middle of an op: its value may still be one of
 * the op's inputs, reloaded from home. */
static void evict(struct cgs *s, int r)
{
    int t = s->rtemp[r];
    if (t < 0)
        return;
    writeback(s, (ir_t)t, true);
    unbind_reg(s, r);
}

static int alloc_reg(struct cgs *s, uint32_t avoid)
{
    avoid |= s->locked;
    int best = -1;
    for (size_t i = 0; i < sizeof(alloc_order); i++) {
        int r = alloc_order[i];
        if (avoid & (1u << r))
            continue;
        if (s->rtemp[r] < 0) {
            best = r;
            goto found;
        }
    }
    /* Evict: prefer values that need no store, then the least recent. */
    uint32_t best_score = UINT32_MAX;
    for (size_t i = 0; i < sizeof(alloc_order); i++) {
        int r = alloc_order[i];
        if (avoid & (1u << r))
            continue;
        int t = s->rtemp[r];
        uint32_t score = s->rstamp[r];
        if (!s->tdirty[t] || !live_after(s, (ir_t)t))
            score /= 2;
        if (score < best_score) {
            best_score = score;
            best = r;
        }
    }
    if (best < 0)
        fatal("codegen: out of host registers");
    evict(s, best);
found:
    s->locked |= 1u << best;
    s->rstamp[best] = ++s->stamp;
    return best;
}

/* Load t's value (constant or home) into register r without binding. */
static void load_value(struct cgs *s, int r, ir_t t)
{
    if (s->treg[t] >= 0)
        e_mov_rr(&s->e, is64(s, t), r, s->treg[t]);
    else if (is_const(s, t))
        e_movi(&s->e, r, cval(s, t), is64(s, t));
    else
        e_rm(&s->e, OPC_MOVL_GvEv | (is64(s, t) ? P_REXW : 0), r, RBP, -1,
             home(s, t));
}

/* t's value in a register, locked for the current op. */
static int in_reg(struct cgs *s, ir_t t, uint32_t avoid)
{
    int r = s->treg[t];
    if (r >= 0 && !(avoid & (1u << r))) {
        s->locked |= 1u << r;
        s->rstamp[r] = ++s->stamp;
        return r;
    }
    if (r >= 0) {
        /* In a register the op needs for something else: move it. */
        int n = alloc_reg(s, avoid);
        e_mov_rr(&s->e, is64(s, t), n, r);
        bool d = s->tdirty[t];
        unbind_reg(s, r);
        bind(s, t, n, d);
        return n;
    }
    r = alloc_reg(s, avoid);
    load_value(s, r, t);
    bind(s, t, r, false);
    return r;
}

/* Make register r free for the current op (its temp moves home). */
static void reserve(struct cgs *s, int r)
{
    evict(s, r);
    s->locked |= 1u << r;
}

/* Register for the result d of an op whose first input a is in ra: ra
 * itself when the op may overwrite it (d is a, or a dies here). */
static int pick_dest(struct cgs *s, ir_t d, ir_t a, int ra)
{
    if (ra >= 0 && s->rtemp[ra] == a &&
        (d == a || (!is_global(s, a) && s->last_use[a] <= s->cur)))
        return ra;
    return alloc_reg(s, 0);
}

/* d now lives in r, newer than its home. */
static void set_out(struct cgs *s, ir_t d, int r)
{
    bind(s, d, r, true);
}

/* Forget registers of temps that die at the current op. */
static void free_dead(struct cgs *s, const struct ir_op *op, int first, int n)
{
    for (int k = first; k < first + n; k++) {
        ir_t t = op->args[k];
        if (t == IR_NONE || is_global(s, t))
            continue;
        if (s->last_use[t] <= s->cur && s->treg[t] >= 0) {
            /* Not if it was just written (an output that is also read). */
            bool is_out = false;
            for (int o = 0; o < ir_op_defs[op->opc].nout; o++)
                if (op->args[o] == t)
                    is_out = true;
            if (!is_out)
                unbind_reg(s, s->treg[t]);
        }
    }
}

/* Write every dirty global home (they stay cached). */
static void sync_globals(struct cgs *s)
{
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0 && s->tdirty[t] && is_global(s, (ir_t)t)) {
            store_home(s, (ir_t)t, r);
            s->tdirty[t] = 0;
        }
    }
}

/*
 * Guest memory accesses.  In user mode the dirty globals stay in their
 * registers: note_access records, right before each host instruction
 * that may fault, which register holds which dirty global, and the fault
 * path writes them home from the signal's register context
 * (cg_fault_restore).  With the soft MMU (system mode) they are written
 * home before the access as before any other op that may fault.
 */
static void sync_for_access(struct cgs *s)
{
    if (softmmu_enabled)
        sync_globals(s);
}

/* The next host instruction is a guest access that may fault. */
static void note_access(struct cgs *s)
{
    struct cgf_reg regs[NREGS];
    int n = 0;
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0 && s->tdirty[t] && is_global(s, (ir_t)t)) {
            regs[n].env_offset = (uint32_t)home(s, (ir_t)t);
            regs[n].w64 = is64(s, (ir_t)t);
            regs[n].reg = (uint8_t)r;
            n++;
        }
    }
    if (n && !cgf_add(&s->fault, (uint32_t)(s->e.p - s->e.start), regs, n))
        sync_globals(s); /* map full: the old way */
}

/* Store the dirty globals home without changing what the allocator
 * knows: for a cold path that leaves the TB (and never comes back). */
static void store_globals_cold(struct cgs *s)
{
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0 && s->tdirty[t] && is_global(s, (ir_t)t))
            store_home(s, (ir_t)t, r);
    }
}

/* Write every dirty value still needed home (branches, exits). */
static void sync_all(struct cgs *s)
{
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0)
            writeback(s, (ir_t)t, false);
    }
}

/* Before a branch to label l: write home the dirty globals and the locals
 * read at or after the label (branches only go forward, so a local whose
 * last reader comes before the label is dead on the taken path; on the
 * fall-through path it stays in its register). */
static void sync_for_label(struct cgs *s, unsigned l)
{
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0 && s->tdirty[t] &&
            (is_global(s, (ir_t)t) || s->last_use[t] >= s->label_pos[l])) {
            store_home(s, (ir_t)t, r);
            s->tdirty[t] = 0;
        }
    }
}

/* A branch to label l leaves with the current registers. */
static void note_branch(struct cgs *s, unsigned l)
{
    uint32_t dirty = 0;
    for (int r = 0; r < NREGS; r++)
        if (s->rtemp[r] >= 0 && s->tdirty[s->rtemp[r]])
            dirty |= 1u << r;
    s->label_dirty[l] = dirty;
    for (int r = 0; r < NREGS; r++) {
        if (!s->label_seen[l])
            s->label_regs[l][r] = s->rtemp[r];
        else if (s->label_regs[l][r] != s->rtemp[r])
            s->label_regs[l][r] = -1;
    }
    s->label_seen[l] = 1;
}

/* At label l (after sync): keep what every incoming path agrees on.
 * Branches only go forward, so all of them have been seen; a label no
 * branch targets is reached by falling through only. */
static void merge_at_label(struct cgs *s, unsigned l)
{
    for (int r = 0; r < NREGS; r++)
        if (s->rtemp[r] >= 0 && s->label_seen[l] &&
            s->label_regs[l][r] != s->rtemp[r])
            unbind_reg(s, r);
}

/* Needed at or after the label being lowered (the current op). */
static bool needed_at_label(struct cgs *s, ir_t t)
{
    return is_global(s, t) || s->last_use[t] > s->cur;
}

/*
 * Label l with its one branch (not synced): a register keeps its temp
 * when both sides have that temp in it (dirty when either side's is).
 * Other dirty values still needed are written home: on the fall-through
 * side here, on the taken side by a stub the branch is redirected to.
 */
static void merge_single(struct cgs *s, unsigned l)
{
    int n = 0;
    /* A temp in another register on the fall-through side moves to the
     * taken side's register (whose occupant goes home), so it is kept. */
    for (int r = 0; r < NREGS; r++) {
        int tb = s->label_regs[l][r];
        if (tb < 0 || s->treg[tb] < 0 || s->treg[tb] == r)
            continue;
        int from = s->treg[tb];
        bool d = s->tdirty[tb];
        if (s->rtemp[r] >= 0) {
            writeback(s, (ir_t)s->rtemp[r], false);
            unbind_reg(s, r);
        }
        e_mov_rr(&s->e, is64(s, (ir_t)tb), r, from);
        unbind_reg(s, from);
        bind(s, (ir_t)tb, r, d);
    }
    for (int r = 0; r < NREGS; r++) {
        int tf = s->rtemp[r], tb = s->label_regs[l][r];
        bool db = (s->label_dirty[l] >> r) & 1;
        if (tf >= 0 && tf == tb) {
            s->tdirty[tf] |= db;
            continue;
        }
        if (tf >= 0) {
            writeback(s, (ir_t)tf, false);
            unbind_reg(s, r);
        }
        if (tb >= 0 && db && needed_at_label(s, (ir_t)tb)) {
            s->stub[s->nstub].st[n].t = (int16_t)tb;
            s->stub[s->nstub].st[n].r = (int8_t)r;
            n++;
        }
    }
    if (n) {
        s->stub[s->nstub].fix = s->label_fix[l];
        s->stub[s->nstub].n = (uint8_t)n;
        s->nstub++;
    }
}

static void drop_globals(struct cgs *s)
{
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0 && is_global(s, (ir_t)t))
            unbind_reg(s, r);
    }
}

/* ---- Helpers called from generated code ------------------------------------ */

static __thread uintptr_t helper_retaddr;

uintptr_t cg_helper_pc(void)
{
    return helper_retaddr;
}

static uint64_t cg_raise_helper(struct cpu_common *cpu, uint64_t excp)
{
    cpu_raise(cpu, (int)excp, GETPC());
}

static uint64_t cg_unaligned_helper(struct cpu_common *cpu, uint64_t addr,
                                    uint64_t is_write)
{
    cpu->fault_addr = addr;
    cpu->fault_write = is_write != 0;
    cpu_raise(cpu, EXCP_UNALIGNED, GETPC());
}

static const void *cg_lookup_helper(struct cpu_common *cpu, struct tb *from)
{
    if (__atomic_load_n(&cpu->exit_request, __ATOMIC_ACQUIRE) ||
        (from->cflags & CF_NO_CHAIN))
        return NULL;
    uint64_t pc;
    uint32_t flags;
    cpu->target->get_tb_key(cpu, &pc, &flags);
    struct tb *next = tb_jmp_cache_lookup(cpu, pc, flags, from->cflags);
    if (!next) {
        next = tb_lookup(pc, flags, from->cflags);
        if (!next)
            return NULL;
        tb_jmp_cache_set(cpu, next);
    }
    return next->tc;
}

/* Atomics: x = memop | opcode << 8.  A host fault inside is attributed to
 * the generated code that called us (helper_retaddr).  Misaligned atomics
 * raise EXCP_UNALIGNED, as in the interpreter. */
static uint64_t cg_atomic_helper(struct cpu_common *cpu, uint64_t addr,
                                 uint64_t x, uint64_t v1, uint64_t v2)
{
    helper_retaddr = GETPC();
    unsigned memop = x & 0xff, opc = (x >> 8) & 0xff;
    addr &= guest_addr_mask;
    if (addr & ((1u << (memop & MO_SIZE)) - 1)) {
        helper_retaddr = 0;
        cg_unaligned_helper(cpu, addr, 1);
    }
    uint64_t old = sem_guest_atomic(opc, memop,
                                    (void *)(guest_base + (uintptr_t)addr),
                                    v1, v2);
    helper_retaddr = 0;
    return old;
}

/* Division without traps, as the IR defines it. */
static uint64_t cg_div(struct cpu_common *cpu, uint64_t a, uint64_t b, uint64_t k)
{
    switch (k) {
    case 0: return sem_div32((uint32_t)a, (uint32_t)b);
    case 1: return sem_div64(a, b);
    case 2: return sem_divu32((uint32_t)a, (uint32_t)b);
    case 3: return sem_divu64(a, b);
    case 4: return sem_rem32((uint32_t)a, (uint32_t)b);
    case 5: return sem_rem64(a, b);
    case 6: return sem_remu32((uint32_t)a, (uint32_t)b);
    default: return sem_remu64(a, b);
    }
}

static const struct ir_helper h_raise = {
    "raise", (ir_helper_fn)cg_raise_helper, 1, false,
    IR_HELPER_NO_WRITE_GLOBALS };
static const struct ir_helper h_atomic = {
    "atomic", (ir_helper_fn)cg_atomic_helper, 4, true,
    IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS };
static const struct ir_helper h_div = {
    "div", (ir_helper_fn)cg_div, 3, true, IR_HELPER_PURE };

/* ---- Emission helpers ------------------------------------------------------ */

static void emit_call_addr(struct cgs *s, const void *fn)
{
    intptr_t rel = (intptr_t)fn - (intptr_t)(e_here_rx(&s->e) + 5);
    if (fits_s32(rel)) {
        e8(&s->e, 0xe8);
        e32(&s->e, (uint32_t)rel);
    } else {
        e_movi(&s->e, SCRATCH, (uintptr_t)fn, true);
        e_rr(&s->e, 0xff, 2, SCRATCH);
    }
}

static void emit_jmp_rx(struct cgs *s, uintptr_t target)
{
    e8(&s->e, 0xe9);
    e32(&s->e, (uint32_t)(int32_t)((intptr_t)target -
                                   (intptr_t)(e_here_rx(&s->e) + 4)));
}

/* cmp dword [rbp + exit_request], 0; jne (the displacement returned,
 * to be patched to the exit). */
static uint8_t *emit_exit_check(struct cgs *s)
{
    e_rm(&s->e, 0x83, 7, RBP, -1,
         (int32_t)offsetof(struct cpu_common, exit_request));
    e8(&s->e, 0);
    return e_jcc32(&s->e, JCC_NE);
}

/* rax = tb | slot; return to cg_exec. */
static void emit_exit(struct cgs *s, int slot)
{
    e_movi(&s->e, RAX, (uintptr_t)s->tb | (unsigned)slot, true);
    emit_jmp_rx(s, cg_epilogue_rx);
}

/*
 * Call helper h with the given arguments (temps, or IR_NONE entries
 * replaced by immediates from imms[]).  ret receives the result.
 */
static void gen_call(struct cgs *s, const struct ir_helper *h, ir_t ret,
                     int nargs, const ir_t *args, const uint64_t *imms)
{
    const uint8_t all = IR_HELPER_NO_READ_GLOBALS |
                        IR_HELPER_NO_WRITE_GLOBALS | IR_HELPER_NO_RAISE;
    if ((h->flags & all) != all)
        sync_globals(s);
    /* Caller-saved registers: save what is needed later (and argument
     * values, read back from home below), then forget them. */
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t < 0 || !(CALLER_SAVED & (1u << r)))
            continue;
        bool arg = false;
        for (int k = 0; k < nargs; k++)
            if (args[k] == t)
                arg = true;
        if (s->tdirty[t] && (arg || live_after(s, (ir_t)t)))
            store_home(s, (ir_t)t, r);
        unbind_reg(s, r);
    }
    for (int k = 0; k < nargs; k++) {
        int dst = k < 5 ? arg_regs[k + 1] : SCRATCH;
        if (args[k] == IR_NONE)
            e_movi(&s->e, dst, imms[k], true);
        else
            load_value(s, dst, args[k]);
    }
    bool stack = nargs > 5;
    if (stack) {
        e_arith_ri(&s->e, ARITH_SUB, true, RSP, 16);
        e_rm(&s->e, OPC_MOVL_EvGv | P_REXW, SCRATCH, RSP, -1, 0);
    }
    /* System mode: a helper that may raise records where it was called
     * from (cpu_raise with no host PC uses it). */
    uint8_t *ra_fix = softmmu_enabled && !(h->flags & IR_HELPER_NO_RAISE)
                          ? cg_sm_ra_store(&s->e) : NULL;
    e_mov_rr(&s->e, true, RDI, RBP);
    emit_call_addr(s, (const void *)h->fn);
    if (ra_fix)
        cg_sm_ra_done(&s->e, ra_fix);
    if (stack)
        e_arith_ri(&s->e, ARITH_ADD, true, RSP, 16);
    if (!(h->flags & IR_HELPER_NO_WRITE_GLOBALS))
        drop_globals(s);
    if (ret != IR_NONE) {
        if (!is64(s, ret))
            e_zext32(&s->e, RAX, RAX);
        set_out(s, ret, RAX);
    }
}

/* ---- Op lowering ------------------------------------------------------------- */

static const uint8_t jcc_of[] = {
    [IR_COND_EQ] = JCC_E, [IR_COND_NE] = JCC_NE,
    [IR_COND_LT] = JCC_L, [IR_COND_GE] = JCC_GE,
    [IR_COND_LE] = JCC_LE, [IR_COND_GT] = JCC_G,
    [IR_COND_LTU] = JCC_B, [IR_COND_GEU] = JCC_AE,
    [IR_COND_LEU] = JCC_BE, [IR_COND_GTU] = JCC_A,
    [IR_COND_TSTEQ] = JCC_E, [IR_COND_TSTNE] = JCC_NE,
};

/* Compare a with b (cmp or test) at width w64; inputs already placed:
 * ra is a's register, b is an immediate when rb < 0. */
static void emit_cmp(struct cgs *s, unsigned cond, bool w64, int ra, int rb,
                     uint64_t bimm)
{
    int w = w64 ? P_REXW : 0;
    if (cond == IR_COND_TSTEQ || cond == IR_COND_TSTNE) {
        if (rb >= 0) {
            e_rr(&s->e, OPC_TESTL | w, rb, ra);
        } else {
            e_rr(&s->e, OPC_GRP3_Ev | w, 0, ra);
            e32(&s->e, (uint32_t)bimm);
        }
    } else if (rb >= 0) {
        e_arith_rr(&s->e, ARITH_CMP, w64, ra, rb);
    } else if (bimm == 0) {
        /* Same flags as cmp ra, 0 (CF = OF = 0), shorter. */
        e_rr(&s->e, OPC_TESTL | w, ra, ra);
    } else {
        e_arith_ri(&s->e, ARITH_CMP, w64, ra, (int32_t)bimm);
    }
}

/* Place comparison inputs a, b; returns rb or -1 for an immediate. */
static int cmp_inputs(struct cgs *s, ir_t a, ir_t b, int *ra)
{
    bool w64 = is64(s, a);
    *ra = in_reg(s, a, 0);
    if (imm_ok(s, b, w64))
        return -1;
    return in_reg(s, b, 0);
}

/*
 * "shl t, x, 1..3" directly followed by "add d, y, t" (or t, y), t read
 * nowhere else: one "lea d, [y + x * scale]" (at the op's width, so an
 * i32 sum wraps).  Array indexing with a scaled register, as in ARM's
 * [rn, rm, lsl #2], comes out like this.  Lowered as the add: s->cur moves
 * to it, and gen_op's caller then continues after it.
 */
static bool try_scaled_add(struct cgs *s, const struct ir_op *op)
{
    ir_t t = op->args[0], x = op->args[1];
    uint64_t n = cval(s, op->args[2]);
    if (n < 1 || n > 3 || s->cur + 1 >= s->c->nops || is_global(s, t) ||
        s->last_use[t] != s->cur + 1)
        return false;
    const struct ir_op *nx = &s->c->ops[s->cur + 1];
    if (nx->opc != IR_OP_add || nx->type != op->type ||
        (nx->args[1] == t) == (nx->args[2] == t))
        return false;
    ir_t d = nx->args[0], y = nx->args[1] == t ? nx->args[2] : nx->args[1];
    if (is_const(s, y) || d == t)
        return false;
    s->cur++;
    int rx = in_reg(s, x, 0), ry = in_reg(s, y, 0);
    int rd = alloc_reg(s, 0);
    e_rm_scaled(&s->e, OPC_LEA | (op->type == IR_I64 ? P_REXW : 0), rd, ry,
                rx, (unsigned)n);
    set_out(s, d, rd);
    free_dead(s, nx, 1, 2);
    return true;
}

/* x and y are the same value: one temp, or equal constants. */
static bool same_value(struct cgs *s, ir_t x, ir_t y)
{
    return x == y || (is_const(s, x) && is_const(s, y) &&
                      cval(s, x) == cval(s, y) && is64(s, x) == is64(s, y));
}

/* The next op is a setcond comparing a with b (not a bit test). */
static bool next_compares(struct cgs *s, ir_t a, ir_t b)
{
    if (s->cur + 1 >= s->c->nops)
        return false;
    const struct ir_op *nx = &s->c->ops[s->cur + 1];
    return nx->opc == IR_OP_setcond && nx->args[1] == a &&
           same_value(s, nx->args[2], b) && nx->cond != IR_COND_TSTEQ &&
           nx->cond != IR_COND_TSTNE && nx->cond != IR_COND_ALWAYS &&
           nx->cond != IR_COND_NEVER;
}

static void note_flags(struct cgs *s, ir_t a, ir_t b)
{
    s->flags_at = s->e.p;
    s->flags_a = a;
    s->flags_b = b;
}

static void gen_binop(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1], b = op->args[2];
    bool w64 = op->type == IR_I64;
    int w = w64 ? P_REXW : 0;
    unsigned width = w64 ? 64 : 32;

    switch (op->opc) {
    case IR_OP_div: case IR_OP_divu: case IR_OP_rem: case IR_OP_remu: {
        static const int k[] = { [IR_OP_div] = 0, [IR_OP_divu] = 2,
                                 [IR_OP_rem] = 4, [IR_OP_remu] = 6 };
        ir_t args[3] = { a, b, IR_NONE };
        uint64_t imms[3] = { 0, 0, (uint64_t)(k[op->opc] + w64) };
        gen_call(s, &h_div, d, 3, args, imms);
        return;
    }
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar:
    case IR_OP_rotl: case IR_OP_rotr: {
        static const int ext[] = {
            [IR_OP_shl] = SHIFT_SHL, [IR_OP_shr] = SHIFT_SHR,
            [IR_OP_sar] = SHIFT_SAR, [IR_OP_rotl] = SHIFT_ROL,
            [IR_OP_rotr] = SHIFT_ROR };
        if (op->opc == IR_OP_shl && is_const(s, b) && try_scaled_add(s, op))
            return;
        if (is_const(s, b)) {
            int ra = in_reg(s, a, 0);
            int rd = pick_dest(s, d, a, ra);
            e_mov_rr(&s->e, w64, rd, ra);
            unsigned n = (unsigned)cval(s, b) & (width - 1);
            if (n)
                e_shift_ri(&s->e, ext[op->opc], w64, rd, n);
            set_out(s, d, rd);
            return;
        }
        if (s->treg[b] != RCX)
            reserve(s, RCX);
        else
            s->locked |= 1u << RCX;
        int ra = in_reg(s, a, 1u << RCX);
        if (s->treg[b] != RCX)
            load_value(s, RCX, b);
        int rd = pick_dest(s, d, a, ra);
        e_mov_rr(&s->e, w64, rd, ra);
        e_rr(&s->e, OPC_SHIFT_cl | w, ext[op->opc], rd);
        set_out(s, d, rd);
        return;
    }
    default:
        break;
    }

    int ra = in_reg(s, a, 0);
    bool bi = imm_ok(s, b, w64);
    int32_t imm = bi ? (int32_t)cval(s, b) : 0;
    int rb = bi ? -1 : in_reg(s, b, 0);
    int rd;

    switch (op->opc) {
    case IR_OP_add:
    case IR_OP_sub:
        rd = pick_dest(s, d, a, ra);
        if (bi) {
            int64_t v = op->opc == IR_OP_sub ? -(int64_t)imm : imm;
            if (!w64)
                v = (int32_t)v;
            if (!fits_s32(v)) {
                e_mov_rr(&s->e, w64, rd, ra);
                e_arith_ri(&s->e, op->opc == IR_OP_sub ? ARITH_SUB : ARITH_ADD,
                           w64, rd, imm);
            } else if (op->opc == IR_OP_sub && rd != ra &&
                       next_compares(s, a, b)) {
                /* A setcond on the same operands follows: keep the
                 * flags of the subtraction for it. */
                e_mov_rr(&s->e, w64, rd, ra);
                e_arith_ri(&s->e, ARITH_SUB, w64, rd, imm);
                note_flags(s, a, b);
            } else if (rd == ra) {
                if (v)
                    e_arith_ri(&s->e, ARITH_ADD, w64, rd, (int32_t)v);
                else if (!w64)
                    e_mov_rr(&s->e, false, rd, rd);
            } else {
                e_rm(&s->e, OPC_LEA | w, rd, ra, -1, (int32_t)v);
            }
        } else if (op->opc == IR_OP_add) {
            if (rd == ra)
                e_arith_rr(&s->e, ARITH_ADD, w64, rd, rb);
            else if (rd == rb)
                e_arith_rr(&s->e, ARITH_ADD, w64, rd, ra);
            else
                e_rm(&s->e, OPC_LEA | w, rd, ra, rb, 0);
        } else {
            if (rd == rb && rd != ra) {
                /* d = a - d: negate and add. */
                e_rr(&s->e, OPC_GRP3_Ev | w, EXT3_NEG, rd);
                e_arith_rr(&s->e, ARITH_ADD, w64, rd, ra);
            } else {
                e_mov_rr(&s->e, w64, rd, ra);
                e_arith_rr(&s->e, ARITH_SUB, w64, rd, rb);
                note_flags(s, a, b);
            }
        }
        break;
    case IR_OP_mul:
        rd = pick_dest(s, d, a, ra);
        if (bi) {
            e_rr(&s->e, OPC_IMUL_GvEvIz | w, rd, ra);
            e32(&s->e, (uint32_t)imm);
        } else if (rd == rb) {
            e_rr(&s->e, OPC_IMUL_GvEv | w, rd, ra);
        } else {
            e_mov_rr(&s->e, w64, rd, ra);
            e_rr(&s->e, OPC_IMUL_GvEv | w, rd, rb);
        }
        break;
    case IR_OP_and:
    case IR_OP_or:
    case IR_OP_xor: {
        int ext = op->opc == IR_OP_and ? ARITH_AND
                  : op->opc == IR_OP_or ? ARITH_OR : ARITH_XOR;
        rd = pick_dest(s, d, a, ra);
        if (bi) {
            e_mov_rr(&s->e, w64, rd, ra);
            e_arith_ri(&s->e, ext, w64, rd, imm);
        } else if (rd == rb) {
            e_arith_rr(&s->e, ext, w64, rd, ra);
        } else {
            e_mov_rr(&s->e, w64, rd, ra);
            e_arith_rr(&s->e, ext, w64, rd, rb);
        }
        break;
    }
    case IR_OP_andc:
    case IR_OP_orc: {
        int ext = op->opc == IR_OP_andc ? ARITH_AND : ARITH_OR;
        if (bi) {
            rd = pick_dest(s, d, a, ra);
            e_mov_rr(&s->e, w64, rd, ra);
            e_arith_ri(&s->e, ext, w64, rd, ~imm);
        } else {
            e_mov_rr(&s->e, w64, SCRATCH, rb);
            e_rr(&s->e, OPC_GRP3_Ev | w, EXT3_NOT, SCRATCH);
            rd = pick_dest(s, d, a, ra);
            e_mov_rr(&s->e, w64, rd, ra);
            e_arith_rr(&s->e, ext, w64, rd, SCRATCH);
        }
        break;
    }
    default:
        fatal("codegen: bad binop %s", ir_op_defs[op->opc].name);
    }
    set_out(s, d, rd);
}

static void gen_unop(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1];
    bool w64 = op->type == IR_I64;
    int w = w64 ? P_REXW : 0;
    int ra = in_reg(s, a, 0);
    int rd = pick_dest(s, d, a, ra);

    switch (op->opc) {
    case IR_OP_neg:
    case IR_OP_not:
        e_mov_rr(&s->e, w64, rd, ra);
        e_rr(&s->e, OPC_GRP3_Ev | w, op->opc == IR_OP_neg ? EXT3_NEG : EXT3_NOT,
             rd);
        break;
    case IR_OP_clz:
        /* bsr leaves the destination alone on zero input on every x86-64
         * we know, but do not rely on it: cmov the zero case. */
        e_rr(&s->e, OPC_BSR | w, SCRATCH, ra);
        e_movi(&s->e, rd, w64 ? 127 : 63, false);
        e_rr(&s->e, (OPC_CMOVCC | JCC_NE) | w, rd, SCRATCH);
        e_arith_ri(&s->e, ARITH_XOR, w64, rd, w64 ? 63 : 31);
        break;
    case IR_OP_ctz:
        e_rr(&s->e, OPC_BSF | w, SCRATCH, ra);
        e_movi(&s->e, rd, w64 ? 64 : 32, false);
        e_rr(&s->e, (OPC_CMOVCC | JCC_NE) | w, rd, SCRATCH);
        break;
    case IR_OP_ctpop:
        e_rr(&s->e, OPC_POPCNT | w, rd, ra);
        break;
    case IR_OP_bswap16:
        e_mov_rr(&s->e, false, rd, ra);
        e_opc(&s->e, OPC_BSWAP + (rd & 7), 0, rd, 0);
        e_shift_ri(&s->e, SHIFT_SHR, false, rd, 16);
        break;
    case IR_OP_bswap32:
        e_mov_rr(&s->e, false, rd, ra);
        e_opc(&s->e, OPC_BSWAP + (rd & 7), 0, rd, 0);
        break;
    case IR_OP_bswap64:
        e_mov_rr(&s->e, w64, rd, ra);
        e_opc(&s->e, (OPC_BSWAP + (rd & 7)) | w, 0, rd, 0);
        break;
    case IR_OP_ext8s: e_rr(&s->e, OPC_MOVSBL | P_BYTERM | w, rd, ra); break;
    case IR_OP_ext8u: e_rr(&s->e, OPC_MOVZBL | P_BYTERM, rd, ra); break;
    case IR_OP_ext16s: e_rr(&s->e, OPC_MOVSWL | w, rd, ra); break;
    case IR_OP_ext16u: e_rr(&s->e, OPC_MOVZWL, rd, ra); break;
    case IR_OP_ext32s:
    case IR_OP_exts_i32_i64:
        e_rr(&s->e, OPC_MOVSLQ, rd, ra);
        break;
    case IR_OP_ext32u:
    case IR_OP_extu_i32_i64:
    case IR_OP_extrl_i64_i32:
        e_zext32(&s->e, rd, ra);
        break;
    case IR_OP_extrh_i64_i32:
        e_mov_rr(&s->e, true, rd, ra);
        e_shift_ri(&s->e, SHIFT_SHR, true, rd, 32);
        break;
    default:
        fatal("codegen: bad unop %s", ir_op_defs[op->opc].name);
    }
    set_out(s, d, rd);
}

static void gen_field(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1];
    bool w64 = op->type == IR_I64;
    int w = w64 ? P_REXW : 0;
    unsigned W = w64 ? 64 : 32, pos = op->aux & 0xff, len = op->aux >> 8;

    if (op->opc == IR_OP_deposit) {
        ir_t b = op->args[2];
        int rb = in_reg(s, b, 0);
        int ra = in_reg(s, a, 0);
        if (len == W) {
            int rd = pick_dest(s, d, b, rb);
            e_mov_rr(&s->e, w64, rd, rb);
            set_out(s, d, rd);
            return;
        }
        /* scratch = b's low len bits moved to pos. */
        e_mov_rr(&s->e, w64, SCRATCH, rb);
        e_shift_ri(&s->e, SHIFT_SHL, w64, SCRATCH, W - len);
        if (W - len - pos)
            e_shift_ri(&s->e, SHIFT_SHR, w64, SCRATCH, W - len - pos);
        int rd = pick_dest(s, d, a, ra);
        e_mov_rr(&s->e, w64, rd, ra);
        /* Clear the field: rotate it to the bottom, shift it out. */
        if (pos)
            e_shift_ri(&s->e, SHIFT_ROR, w64, rd, pos);
        e_shift_ri(&s->e, SHIFT_SHR, w64, rd, len);
        e_shift_ri(&s->e, SHIFT_SHL, w64, rd, len);
        if (pos)
            e_shift_ri(&s->e, SHIFT_ROL, w64, rd, pos);
        e_arith_rr(&s->e, ARITH_OR, w64, rd, SCRATCH);
        set_out(s, d, rd);
        return;
    }

    int ra = in_reg(s, a, 0);
    int rd = pick_dest(s, d, a, ra);
    bool sign = op->opc == IR_OP_sextract;
    if (pos == 0 && len == 8)
        e_rr(&s->e, (sign ? OPC_MOVSBL | w : OPC_MOVZBL) | P_BYTERM, rd, ra);
    else if (pos == 0 && len == 16)
        e_rr(&s->e, sign ? OPC_MOVSWL | w : OPC_MOVZWL, rd, ra);
    else if (pos == 0 && len == 32 && w64)
        sign ? e_rr(&s->e, OPC_MOVSLQ, rd, ra) : e_zext32(&s->e, rd, ra);
    else {
        e_mov_rr(&s->e, w64, rd, ra);
        if (W - pos - len)
            e_shift_ri(&s->e, SHIFT_SHL, w64, rd, W - pos - len);
        if (W - len)
            e_shift_ri(&s->e, sign ? SHIFT_SAR : SHIFT_SHR, w64, rd, W - len);
    }
    set_out(s, d, rd);
}

static void gen_setcond(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1], b = op->args[2];
    if (op->cond == IR_COND_ALWAYS || op->cond == IR_COND_NEVER) {
        int rd = alloc_reg(s, 0);
        e_movi(&s->e, rd, op->cond == IR_COND_ALWAYS, false);
        set_out(s, d, rd);
        return;
    }
    int ra, rb = cmp_inputs(s, a, b, &ra);
    /* Right after "sub x, a, b" the host flags already compare a with b
     * (allocating rd below emits at most moves). */
    bool have = s->e.p == s->flags_at && s->flags_a == a &&
                same_value(s, s->flags_b, b) && op->cond != IR_COND_TSTEQ &&
                op->cond != IR_COND_TSTNE;
    int rd = alloc_reg(s, 0);
    if (!have)
        emit_cmp(s, op->cond, is64(s, a), ra, rb, rb < 0 ? cval(s, b) : 0);
    e_rr(&s->e, OPC_SETCC | jcc_of[op->cond], 0, rd);
    e_rr(&s->e, OPC_MOVZBL | P_BYTERM, rd, rd);
    set_out(s, d, rd);
}

static void gen_movcond(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], c1 = op->args[1], c2 = op->args[2];
    ir_t v1 = op->args[3], v2 = op->args[4];
    bool w64 = op->type == IR_I64;
    if (op->cond == IR_COND_ALWAYS || op->cond == IR_COND_NEVER) {
        ir_t v = op->cond == IR_COND_ALWAYS ? v1 : v2;
        int rv = in_reg(s, v, 0);
        int rd = alloc_reg(s, 0);
        e_mov_rr(&s->e, w64, rd, rv);
        set_out(s, d, rd);
        return;
    }
    int rv1 = in_reg(s, v1, 0);
    int rv2 = in_reg(s, v2, 0);
    int ra, rb = cmp_inputs(s, c1, c2, &ra);
    int rd = alloc_reg(s, 0);
    e_mov_rr(&s->e, w64, SCRATCH, rv2);
    emit_cmp(s, op->cond, is64(s, c1), ra, rb, rb < 0 ? cval(s, c2) : 0);
    e_rr(&s->e, (OPC_CMOVCC | jcc_of[op->cond]) | (w64 ? P_REXW : 0),
         SCRATCH, rv1);
    e_mov_rr(&s->e, w64, rd, SCRATCH);
    set_out(s, d, rd);
}

static void gen_mul2(struct cgs *s, const struct ir_op *op)
{
    ir_t lo = op->args[0], hi = op->args[1], a = op->args[2], b = op->args[3];
    bool sign = op->opc == IR_OP_muls2;
    if (op->type == IR_I64) {
        reserve(s, RAX);
        reserve(s, RDX);
        int ra = in_reg(s, a, 0), rb = in_reg(s, b, 0);
        e_mov_rr(&s->e, true, RAX, ra);
        e_rr(&s->e, OPC_GRP3_Ev | P_REXW, sign ? EXT3_IMUL : EXT3_MUL, rb);
        set_out(s, lo, RAX);
        set_out(s, hi, RDX);
        return;
    }
    int ra = in_reg(s, a, 0), rb = in_reg(s, b, 0);
    int rl = alloc_reg(s, 0), rh = alloc_reg(s, 0);
    if (sign) {
        e_rr(&s->e, OPC_MOVSLQ, SCRATCH, ra);
        e_rr(&s->e, OPC_MOVSLQ, rl, rb);
    } else {
        e_mov_rr(&s->e, false, SCRATCH, ra);
        e_mov_rr(&s->e, false, rl, rb);
    }
    e_rr(&s->e, OPC_IMUL_GvEv | P_REXW, rl, SCRATCH);
    e_mov_rr(&s->e, true, rh, rl);
    e_shift_ri(&s->e, SHIFT_SHR, true, rh, 32);
    e_zext32(&s->e, rl, rl);
    set_out(s, lo, rl);
    set_out(s, hi, rh);
}

static void gen_mov(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1];
    bool w64 = op->type == IR_I64;
    if (d == a)
        return;
    if (is_const(s, a)) {
        uint64_t v = cval(s, a);
        if (is_global(s, d) && (!w64 || fits_s32((int64_t)v))) {
            /* Straight to the CPU state: nothing to keep in a register. */
            unbind_temp(s, d);
            e_rm(&s->e, OPC_MOVL_EvIz | (w64 ? P_REXW : 0), 0, RBP, -1,
                 home(s, d));
            e32(&s->e, (uint32_t)v);
            return;
        }
        int rd = s->treg[d] >= 0 ? s->treg[d] : alloc_reg(s, 0);
        s->locked |= 1u << rd;
        e_movi(&s->e, rd, v, w64);
        set_out(s, d, rd);
        return;
    }
    int ra = s->treg[a];
    if (ra >= 0 && !is_global(s, a) && s->last_use[a] <= s->cur) {
        /* a dies here: its register becomes d's. */
        bool dirty = true;
        unbind_reg(s, ra);
        bind(s, d, ra, dirty);
        return;
    }
    ra = in_reg(s, a, 0);
    if (is_global(s, d) && s->last_use[d] <= s->cur) {
        /* The TB does not read d again: store it now instead of copying
         * it into a register of its own to store later. */
        unbind_temp(s, d);
        store_home(s, d, ra);
        return;
    }
    int rd = s->treg[d] >= 0 ? s->treg[d] : alloc_reg(s, 0);
    s->locked |= 1u << rd;
    e_mov_rr(&s->e, w64, rd, ra);
    set_out(s, d, rd);
}

/* Globals whose fields overlap [off, off+size). */
static void env_overlap(struct cgs *s, int32_t off, unsigned size, bool write)
{
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t < 0 || !is_global(s, (ir_t)t))
            continue;
        int32_t h = home(s, (ir_t)t), hs = is64(s, (ir_t)t) ? 8 : 4;
        if (h < off + (int32_t)size && off < h + hs) {
            if (s->tdirty[t]) {
                store_home(s, (ir_t)t, r);
                s->tdirty[t] = 0;
            }
            if (write)
                unbind_reg(s, r);
        }
    }
}

static void gen_ld_env(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0];
    unsigned mo = op->cond, size = mo & MO_SIZE;
    bool sign = mo & MO_SIGN, w64 = op->type == IR_I64;
    env_overlap(s, (int32_t)op->aux, 1u << size, false);
    int rd = alloc_reg(s, 0);
    int opc;
    switch (size) {
    case MO_8: opc = sign ? OPC_MOVSBL | (w64 ? P_REXW : 0) : OPC_MOVZBL; break;
    case MO_16: opc = sign ? OPC_MOVSWL | (w64 ? P_REXW : 0) : OPC_MOVZWL; break;
    case MO_32: opc = sign && w64 ? OPC_MOVSLQ : OPC_MOVL_GvEv; break;
    default: opc = OPC_MOVL_GvEv | (w64 ? P_REXW : 0); break;
    }
    e_rm(&s->e, opc, rd, RBP, -1, (int32_t)op->aux);
    set_out(s, d, rd);
}

static void gen_st_env(struct cgs *s, const struct ir_op *op)
{
    ir_t v = op->args[0];
    unsigned size = op->cond & MO_SIZE;
    int rv = in_reg(s, v, 0);
    env_overlap(s, (int32_t)op->aux, 1u << size, true);
    static const int opc[] = { OPC_MOVB_EvGv | P_BYTER,
                               OPC_MOVL_EvGv | P_DATA16, OPC_MOVL_EvGv,
                               OPC_MOVL_EvGv | P_REXW };
    e_rm(&s->e, opc[size], rv, RBP, -1, (int32_t)op->aux);
}

/*
 * Guest address operand: fills base/index/disp for [r14 + index + disp].
 * 32-bit guests: i32 addresses are already zero-extended in registers.
 */
static void guest_addr(struct cgs *s, ir_t a, int *index, int32_t *disp)
{
    *disp = 0;
    if (is_const(s, a)) {
        uint64_t v = cval(s, a) & guest_addr_mask;
        if (v < 0x80000000u) {
            *index = -1;
            *disp = (int32_t)v;
            return;
        }
        e_movi(&s->e, SCRATCH, v, true);
        *index = SCRATCH;
        return;
    }
    int ra = in_reg(s, a, 0);
    if (guest_addr_mask == 0xffffffffull) {
        if (is64(s, a)) {
            e_zext32(&s->e, SCRATCH, ra);
            *index = SCRATCH;
        } else {
            *index = ra;
        }
    } else if (!is64(s, a)) {
        *index = ra; /* zero-extended, below any 64-bit guest's mask */
    } else {
        e_movi(&s->e, SCRATCH, guest_addr_mask, true);
        e_arith_rr(&s->e, ARITH_AND, true, SCRATCH, ra);
        *index = SCRATCH;
    }
}

/* MO_ALIGN: raise EXCP_UNALIGNED for a misaligned address in index. */
static void align_check(struct cgs *s, ir_t a, int index, int32_t disp,
                        unsigned memop, bool is_write)
{
    if (!(memop & MO_ALIGN) || (memop & MO_SIZE) == MO_8)
        return;
    unsigned mask = (1u << (memop & MO_SIZE)) - 1;
    if (index < 0) {
        if ((uint32_t)disp & mask) {
            ir_t args[2] = { IR_NONE, IR_NONE };
            uint64_t imms[2] = { (uint32_t)disp, is_write };
            static const struct ir_helper h = {
                "unaligned", (ir_helper_fn)cg_unaligned_helper, 2, false, 0 };
            gen_call(s, &h, IR_NONE, 2, args, imms);
        }
        return;
    }
    e_rr(&s->e, OPC_GRP3_Ev, 0, index);
    e32(&s->e, mask);
    uint8_t *j = e_jcc32(&s->e, JCC_E);
    /* Cold path: the call never returns; the guest state must be exact
     * (the dirty globals go home here only). */
    store_globals_cold(s);
    e_mov_rr(&s->e, true, RSI, index);
    e_movi(&s->e, RDX, is_write, false);
    e_mov_rr(&s->e, true, RDI, RBP);
    emit_call_addr(s, (const void *)cg_unaligned_helper);
    e_patch32(j, s->e.p);
    (void)a;
}

static void gen_guest_ld(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1];
    unsigned mo = op->aux, size = mo & MO_SIZE;
    bool sign = mo & MO_SIGN, be = mo & MO_BE, w64 = op->type == IR_I64;
    int w = w64 ? P_REXW : 0;
    int index;
    int32_t disp;
    if (softmmu_enabled) {
        cg_sm_ld(s, op);
        return;
    }
    sync_for_access(s);
    guest_addr(s, a, &index, &disp);
    align_check(s, a, index, disp, mo, false);
    int rd = alloc_reg(s, 0);
    note_access(s); /* the load below is the first instruction */
    switch (size) {
    case MO_8:
        e_rm(&s->e, sign ? OPC_MOVSBL | w : OPC_MOVZBL, rd, R14, index, disp);
        break;
    case MO_16:
        if (!be) {
            e_rm(&s->e, sign ? OPC_MOVSWL | w : OPC_MOVZWL, rd, R14, index,
                 disp);
        } else {
            e_rm(&s->e, OPC_MOVZWL, rd, R14, index, disp);
            e_rr(&s->e, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, rd);
            e8(&s->e, 8);
            if (sign)
                e_rr(&s->e, OPC_MOVSWL | w, rd, rd);
        }
        break;
    case MO_32:
        e_rm(&s->e, OPC_MOVL_GvEv, rd, R14, index, disp);
        if (be)
            e_opc(&s->e, OPC_BSWAP + (rd & 7), 0, rd, 0);
        if (sign && w64)
            e_rr(&s->e, OPC_MOVSLQ, rd, rd);
        break;
    default:
        e_rm(&s->e, OPC_MOVL_GvEv | P_REXW, rd, R14, index, disp);
        if (be)
            e_opc(&s->e, (OPC_BSWAP + (rd & 7)) | P_REXW, 0, rd, 0);
        if (!w64)
            e_zext32(&s->e, rd, rd);
        break;
    }
    set_out(s, d, rd);
}

static void gen_guest_st(struct cgs *s, const struct ir_op *op)
{
    ir_t v = op->args[0], a = op->args[1];
    unsigned mo = op->aux, size = mo & MO_SIZE;
    bool be = mo & MO_BE;
    int index;
    int32_t disp;
    if (softmmu_enabled) {
        cg_sm_st(s, op);
        return;
    }
    sync_for_access(s);
    int rv = -1;
    uint64_t imm = 0;
    if (is_const(s, v) && (size < MO_64 || fits_s32((int64_t)cval(s, v)))) {
        imm = cval(s, v);
        if (be)
            imm = size == MO_16 ? __builtin_bswap16((uint16_t)imm)
                  : size == MO_32 ? __builtin_bswap32((uint32_t)imm)
                  : size == MO_64 ? __builtin_bswap64(imm) : imm;
        if (size == MO_64 && !fits_s32((int64_t)imm))
            rv = in_reg(s, v, 0);
    } else {
        rv = in_reg(s, v, 0);
    }
    guest_addr(s, a, &index, &disp);
    align_check(s, a, index, disp, mo, true);
    if (rv >= 0 && be && size != MO_8) {
        int tmp = index == SCRATCH ? alloc_reg(s, 0) : SCRATCH;
        if (size == MO_16) {
            e_mov_rr(&s->e, false, tmp, rv);
            e_rr(&s->e, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, tmp);
            e8(&s->e, 8);
        } else {
            e_mov_rr(&s->e, size == MO_64, tmp, rv);
            e_opc(&s->e, (OPC_BSWAP + (tmp & 7)) | (size == MO_64 ? P_REXW : 0),
                  0, tmp, 0);
        }
        rv = tmp;
    }
    note_access(s);
    if (rv >= 0) {
        static const int opc[] = { OPC_MOVB_EvGv | P_BYTER,
                                   OPC_MOVL_EvGv | P_DATA16, OPC_MOVL_EvGv,
                                   OPC_MOVL_EvGv | P_REXW };
        e_rm(&s->e, opc[size], rv, R14, index, disp);
    } else {
        switch (size) {
        case MO_8:
            e_rm(&s->e, OPC_MOVB_EvIz, 0, R14, index, disp);
            e8(&s->e, (uint8_t)imm);
            break;
        case MO_16:
            e_rm(&s->e, OPC_MOVL_EvIz | P_DATA16, 0, R14, index, disp);
            e8(&s->e, (uint8_t)imm);
            e8(&s->e, (uint8_t)(imm >> 8));
            break;
        default:
            e_rm(&s->e, OPC_MOVL_EvIz | (size == MO_64 ? P_REXW : 0), 0, R14,
                 index, disp);
            e32(&s->e, (uint32_t)imm);
            break;
        }
    }
}

static void gen_atomic(struct cgs *s, const struct ir_op *op)
{
    if (softmmu_enabled) {
        cg_sm_atomic(s, op);
        return;
    }
    ir_t args[4] = { op->args[1], IR_NONE, op->args[2],
                     op->opc == IR_OP_atomic_cmpxchg ? op->args[3] : IR_NONE };
    uint64_t imms[4] = { 0, (uint64_t)op->aux | (uint64_t)op->opc << 8, 0, 0 };
    gen_call(s, &h_atomic, op->args[0], 4, args, imms);
}

static void gen_branch(struct cgs *s, const struct ir_op *op)
{
    int cc = -1;
    bool single = s->label_nbranch[op->aux] == 1;
    if (op->opc == IR_OP_brcond) {
        if (op->cond == IR_COND_NEVER)
            return;
        if (op->cond != IR_COND_ALWAYS) {
            ir_t a = op->args[0], b = op->args[1];
            int ra, rb = cmp_inputs(s, a, b, &ra);
            if (!single)
                sync_for_label(s, op->aux);
            emit_cmp(s, op->cond, is64(s, a), ra, rb,
                     rb < 0 ? cval(s, b) : 0);
            cc = jcc_of[op->cond];
        }
    }
    if (cc < 0 && !single)
        sync_for_label(s, op->aux);
    note_branch(s, op->aux);
    uint8_t *disp = cc < 0 ? e_jmp32(&s->e) : e_jcc32(&s->e, cc);
    s->label_fix[op->aux] = (uint16_t)s->nfix;
    s->fix[s->nfix].disp = disp;
    s->fix[s->nfix].label = (uint16_t)op->aux;
    s->fix[s->nfix].to = NULL;
    s->nfix++;
}

/*
 * ---- Loop TBs -----------------------------------------------------------
 *
 * A guest loop whose body is one TB ends in a goto_tb back to the TB's own
 * start.  Chained the ordinary way, every iteration stores the globals it
 * changed and reloads what it reads at the next entry.  Instead, such a TB
 * loads its most used globals into fixed registers ("pins") once, after
 * the entry check, and the back edge jumps to that point (the loop head)
 * with every pin in its register:
 *
 *   entry:  cmp exit_request; jne exit
 *           load pins                      <- first iteration only
 *   head:   body (pins are ordinary cached globals, dirty at the head
 *           when the body writes them)
 *   edge:   store the other dirty globals, put every pin in its register,
 *           cmp exit_request; jne sync
 *           jmp (patchable; unchained it falls through to sync)
 *   sync:   the IR's own exit: stores the dirty globals, sets the PC,
 *           leaves through the slot
 *
 * The loop is only an offer: the slot's jump is patched to the head when
 * the engine chains the slot to this very TB (the destination's key
 * matched), and left unchained for any other destination, whose entry
 * expects the globals home.  Unchaining (invalidation) makes the edge
 * fall through to the exit as for any chained jump, and the edge's own
 * exit_request check keeps signals and stop requests as prompt as the
 * entry check does.  The slot is recognised by the PC the IR stores after
 * the goto_tb: if that guess is wrong, the slot is simply never chained to
 * the head.
 */
static int find_loop_slot(struct cgs *s)
{
    const struct ir_ctx *c = s->c;
    if (s->tb->cflags || s->tb->nocache)
        return -1;
    for (int i = 0; i + 1 < c->nops; i++) {
        const struct ir_op *op = &c->ops[i], *n = &c->ops[i + 1];
        if (op->opc == IR_OP_goto_tb && n->opc == IR_OP_mov &&
            is_global(s, n->args[0]) && is_const(s, n->args[1]) &&
            cval(s, n->args[1]) == s->tb->pc)
            return (int)(op->aux & 1);
    }
    return -1;
}

/* Registers the pins live in: callee-saved first (they survive calls). */
static const int8_t pin_regs[MAX_PINS] = {
    RBX, R12, R13, R15, RSI, RDI, R8, R9,
};

static bool is_pin(struct cgs *s, ir_t t)
{
    return is_global(s, t) && s->pin_of[t];
}

/* Pick the pins: the globals the body uses most (the exits' PC stores
 * do not count). */
static void choose_pins(struct cgs *s)
{
    const struct ir_ctx *c = s->c;
    int ng = c->nglobals;
    memset(s->refs, 0, (size_t)ng * sizeof(s->refs[0]));
    memset(s->written, 0, (size_t)ng);
    bool in_exit = false;
    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        if (op->opc == IR_OP_goto_tb)
            in_exit = true;
        if (!in_exit) {
            int nout = ir_op_defs[op->opc].nout;
            int n = op_nargs(op);
            for (int k = 0; k < n; k++) {
                ir_t t = op->args[k];
                if (t == IR_NONE || !is_global(s, t))
                    continue;
                s->refs[t]++;
                if (k < nout)
                    s->written[t] = 1;
            }
        }
        if (op->opc == IR_OP_exit_tb)
            in_exit = false;
    }
    s->npins = 0;
    while (s->npins < MAX_PINS) {
        int best = -1;
        for (int g = 0; g < ng; g++)
            if (s->refs[g] && !s->pin_of[g] &&
                (best < 0 || s->refs[g] > s->refs[best]))
                best = g;
        if (best < 0)
            break;
        s->pin_of[best] = (uint8_t)(s->npins + 1);
        s->pin[s->npins++] = (ir_t)best;
    }
}

/* Load the pins and mark the loop head. */
static void gen_loop_head(struct cgs *s)
{
    for (int i = 0; i < s->npins; i++) {
        ir_t g = s->pin[i];
        load_value(s, pin_regs[i], g);
        bind(s, g, pin_regs[i], s->head_dirty[g]);
        /* The next iteration reads it: never "not read again". */
        s->last_use[g] = (uint16_t)s->c->nops;
        s->edge_dirty[g] = 0;
    }
    s->tb->loop_off = (uint32_t)(s->e.p - s->e.start);
}

/* Put every pin in its register (the state the loop head expects). */
static void place_pins(struct cgs *s)
{
    for (;;) {
        bool progress = true, done = true;
        while (progress) {
            progress = false;
            done = true;
            for (int i = 0; i < s->npins; i++) {
                ir_t g = s->pin[i];
                int p = pin_regs[i];
                if (s->treg[g] == p)
                    continue;
                done = false;
                int occ = s->rtemp[p];
                if (occ >= 0 && is_pin(s, (ir_t)occ))
                    continue;       /* wait until that pin has moved */
                if (occ >= 0) {
                    writeback(s, (ir_t)occ, false);
                    unbind_reg(s, p);
                }
                if (s->treg[g] >= 0) {
                    int from = s->treg[g];
                    bool d = s->tdirty[g];
                    e_mov_rr(&s->e, is64(s, g), p, from);
                    unbind_reg(s, from);
                    bind(s, g, p, d);
                } else {
                    load_value(s, p, g);
                    bind(s, g, p, false);
                }
                progress = true;
            }
        }
        if (done)
            return;
        /* Only cycles are left (pins in each other's registers): send one
         * of them home, which frees a register. */
        for (int i = 0; i < s->npins; i++) {
            ir_t g = s->pin[i];
            if (s->treg[g] >= 0 && s->treg[g] != pin_regs[i]) {
                if (s->tdirty[g])
                    store_home(s, g, s->treg[g]);
                unbind_temp(s, g);
                break;
            }
        }
    }
}

/* jmp rel32 with its displacement 4-byte aligned, so that patching it is
 * one atomic store; unchained it jumps to the next instruction.  The
 * padding before it is one instruction (it runs on every chained exit).
 * Returns the displacement's address. */
static uint8_t *emit_patchable_jmp(struct cgs *s)
{
    static const uint8_t nops[4][3] = {
        { 0 }, { 0x90 }, { 0x66, 0x90 }, { 0x0f, 0x1f, 0x00 } };
    unsigned pad = (4u - (((uintptr_t)s->e.p + 1) & 3)) & 3;
    for (unsigned i = 0; i < pad; i++)
        e8(&s->e, nops[pad][i]);
    return e_jmp32(&s->e);
}

static void gen_loop_edge(struct cgs *s, const struct ir_op *op)
{
    s->locked = 0;
    for (int r = 0; r < NREGS; r++) {
        int t = s->rtemp[r];
        if (t >= 0 && is_global(s, (ir_t)t) && s->tdirty[t] &&
            !is_pin(s, (ir_t)t)) {
            store_home(s, (ir_t)t, r);
            s->tdirty[t] = 0;
        }
    }
    place_pins(s);
    for (int i = 0; i < s->npins; i++)
        s->edge_dirty[s->pin[i]] = s->tdirty[s->pin[i]];
    uint8_t *req = emit_exit_check(s);
    uint8_t *d = emit_patchable_jmp(s);
    s->tb->jmp_off[op->aux & 1] = (uint32_t)(d - s->e.start);
    s->tb->loop_slot = (int8_t)(op->aux & 1);
    e_patch32(req, s->e.p);
    s->flags_at = NULL;
    /* Falling through: the IR's exit stores the pins that are dirty. */
}

static void gen_goto_tb(struct cgs *s, const struct ir_op *op)
{
    if (s->npins && (int)(op->aux & 1) == s->loop_slot) {
        gen_loop_edge(s, op);
        return;
    }
    /* Leaving the TB: only globals matter (a local read after a later
     * label was written home by the branches to that label). */
    sync_globals(s);
    uint8_t *d = emit_patchable_jmp(s);
    s->tb->jmp_off[op->aux & 1] = (uint32_t)(d - s->e.start);
}

/*
 * lookup_key (directly before lookup_and_goto): probe the CPU's jump cache
 * inline.  Hash the PC as tb_jmp_cache_hash does, compare the entry's pc
 * (stored inverted) and key (flags | cflags << 32) with the computed ones and jump to its
 * code; on a miss fall through to lookup_and_goto's helper call, which
 * also fills the entry.  exit_request is checked by the next TB's entry.
 * Invalidation empties entries (tb.c), so no invalid TB is found here.
 */
_Static_assert(sizeof(struct tb_jmp_cache_entry) == 32 &&
               offsetof(struct tb_jmp_cache_entry, pc_inv) == 0 &&
               offsetof(struct tb_jmp_cache_entry, key) == 8 &&
               offsetof(struct tb_jmp_cache_entry, tc) == 16,
               "the probe below knows the jump cache entry layout");

static void gen_lookup_key(struct cgs *s, const struct ir_op *op)
{
    if (s->tb->cflags & CF_NO_CHAIN)
        return;
    ir_t pc = op->args[0], fl = op->args[1];
    int rp = in_reg(s, pc, 0), rf = in_reg(s, fl, 0);
    sync_globals(s);
    int rt = alloc_reg(s, 0);
    e_mov_rr(&s->e, true, SCRATCH, rp);
    e_shift_ri(&s->e, SHIFT_SHR, true, SCRATCH, 1);
    e_mov_rr(&s->e, true, rt, rp);
    e_shift_ri(&s->e, SHIFT_SHR, true, rt, TB_JMP_CACHE_BITS + 1);
    e_arith_rr(&s->e, ARITH_XOR, false, SCRATCH, rt);
    e_arith_ri(&s->e, ARITH_AND, false, SCRATCH, TB_JMP_CACHE_SIZE - 1);
    e_shift_ri(&s->e, SHIFT_SHL, false, SCRATCH, 5);
    e_rm(&s->e, OPC_ADD_GvEv | P_REXW, SCRATCH, RBP, -1,
         (int32_t)offsetof(struct cpu_common, jmp_cache));
    e_mov_rr(&s->e, true, rt, rp);
    e_rr(&s->e, OPC_GRP3_Ev | P_REXW, EXT3_NOT, rt);
    e_rm(&s->e, (ARITH_CMP << 3 | 1) | P_REXW, rt, SCRATCH, -1, 0);
    uint8_t *miss1 = e_jcc32(&s->e, JCC_NE);
    int rk = rf;
    if (s->tb->cflags) {
        e_movi(&s->e, rt, (uint64_t)s->tb->cflags << 32, true);
        e_arith_rr(&s->e, ARITH_OR, true, rt, rf);
        rk = rt;
    }
    e_rm(&s->e, (ARITH_CMP << 3 | 1) | P_REXW, rk, SCRATCH, -1, 8);
    uint8_t *miss2 = e_jcc32(&s->e, JCC_NE);
    e_rm(&s->e, 0xff, 4, SCRATCH, -1, 16); /* jmp [entry.tc] */
    e_patch32(miss1, s->e.p);
    e_patch32(miss2, s->e.p);
    unbind_reg(s, rt);
}

static void gen_lookup_and_goto(struct cgs *s)
{
    sync_globals(s);
    e_movi(&s->e, RSI, (uintptr_t)s->tb, true);
    e_mov_rr(&s->e, true, RDI, RBP);
    emit_call_addr(s, (const void *)cg_lookup_helper);
    e_rr(&s->e, OPC_TESTL | P_REXW, RAX, RAX);
    uint8_t *j = e_jcc32(&s->e, JCC_E);
    e_rr(&s->e, 0xff, 4, RAX); /* jmp rax */
    e_patch32(j, s->e.p);
    emit_exit(s, IR_EXIT_NOCHAIN);
}

static bool gen_op(struct cgs *s, const struct ir_op *op)
{
    s->locked = 0;
    switch (op->opc) {
    case IR_OP_mov:
        gen_mov(s, op);
        break;
    case IR_OP_add: case IR_OP_sub: case IR_OP_mul: case IR_OP_and:
    case IR_OP_or: case IR_OP_xor: case IR_OP_andc: case IR_OP_orc:
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar: case IR_OP_rotl:
    case IR_OP_rotr: case IR_OP_div: case IR_OP_divu: case IR_OP_rem:
    case IR_OP_remu:
        gen_binop(s, op);
        break;
    case IR_OP_mulu2: case IR_OP_muls2:
        gen_mul2(s, op);
        break;
    case IR_OP_neg: case IR_OP_not: case IR_OP_clz: case IR_OP_ctz:
    case IR_OP_ctpop: case IR_OP_bswap16: case IR_OP_bswap32:
    case IR_OP_bswap64: case IR_OP_ext8s: case IR_OP_ext8u:
    case IR_OP_ext16s: case IR_OP_ext16u: case IR_OP_ext32s:
    case IR_OP_ext32u: case IR_OP_extu_i32_i64: case IR_OP_exts_i32_i64:
    case IR_OP_extrl_i64_i32: case IR_OP_extrh_i64_i32:
        gen_unop(s, op);
        break;
    case IR_OP_concat_i32_i64: {
        ir_t d = op->args[0], lo = op->args[1], hi = op->args[2];
        int rl = in_reg(s, lo, 0), rh = in_reg(s, hi, 0);
        int rd = alloc_reg(s, 0);
        e_mov_rr(&s->e, false, SCRATCH, rh);
        e_shift_ri(&s->e, SHIFT_SHL, true, SCRATCH, 32);
        e_mov_rr(&s->e, false, rd, rl);
        e_arith_rr(&s->e, ARITH_OR, true, rd, SCRATCH);
        set_out(s, d, rd);
        break;
    }
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
        gen_field(s, op);
        break;
    case IR_OP_setcond:
        gen_setcond(s, op);
        break;
    case IR_OP_movcond:
        gen_movcond(s, op);
        break;
    case IR_OP_set_label:
        if (s->label_nbranch[op->aux] == 1 && s->label_seen[op->aux]) {
            merge_single(s, op->aux);
        } else {
            sync_all(s);
            merge_at_label(s, op->aux);
        }
        s->label_at[op->aux] = s->e.p;
        break;
    case IR_OP_br:
    case IR_OP_brcond:
        gen_branch(s, op);
        break;
    case IR_OP_ld_env:
        gen_ld_env(s, op);
        break;
    case IR_OP_st_env:
        gen_st_env(s, op);
        break;
    case IR_OP_guest_ld:
        gen_guest_ld(s, op);
        break;
    case IR_OP_guest_st:
        gen_guest_st(s, op);
        break;
    case IR_OP_atomic_cmpxchg: case IR_OP_atomic_xchg:
    case IR_OP_atomic_fetch_add:
        gen_atomic(s, op);
        break;
    case IR_OP_mb:
        e8(&s->e, 0x0f); e8(&s->e, 0xae); e8(&s->e, 0xf0); /* mfence */
        break;
    case IR_OP_call:
        gen_call(s, op->helper, op->args[0], (int)op->aux, &op->args[1],
                 NULL);
        break;
    case IR_OP_insn_start:
        ((uint32_t *)s->tb->host_off)[op->aux] =
            (uint32_t)(s->e.p - s->e.start);
        break;
    case IR_OP_raise: {
        ir_t args[1] = { IR_NONE };
        uint64_t imms[1] = { op->aux };
        gen_call(s, &h_raise, IR_NONE, 1, args, imms);
        break;
    }
    case IR_OP_goto_tb:
        gen_goto_tb(s, op);
        break;
    case IR_OP_exit_tb:
        sync_globals(s);
        emit_exit(s, (int)op->aux);
        break;
    case IR_OP_lookup_key:
        gen_lookup_key(s, op);
        break;
    case IR_OP_lookup_and_goto:
        gen_lookup_and_goto(s);
        break;
    default:
        fatal("codegen: cannot lower op %s", ir_op_defs[op->opc].name);
    }
    int nargs = op_nargs(op);
    int nout = ir_op_defs[op->opc].nout;
    free_dead(s, op, nout, nargs - nout);
    return s->e.p < s->e.limit - 512;
}

/* One lowering of the whole TB from s->e.start. */
static bool gen_pass(struct cgs *s)
{
    const struct ir_ctx *c = s->c;
    struct tb *tb = s->tb;
    s->e.p = s->e.start;
    s->nfix = 0;
    s->stamp = 0;
    s->flags_at = NULL;
    cgf_reset(&s->fault);
    memset(s->label_seen, 0, (size_t)c->nlabels);
    memset(s->label_nbranch, 0, (size_t)c->nlabels);
    s->nstub = 0;
    memset(s->treg, -1, (size_t)c->ntemps);
    memset(s->tdirty, 0, (size_t)c->ntemps);
    memset(s->last_use, 0, (size_t)c->ntemps * sizeof(s->last_use[0]));
    memset(s->label_pos, 0, (size_t)c->nlabels * sizeof(s->label_pos[0]));
    if (softmmu_enabled)
        cg_sm_begin();
    for (int r = 0; r < NREGS; r++)
        s->rtemp[r] = -1;
    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        int n = op_nargs(op);
        for (int k = ir_op_defs[op->opc].nout; k < n; k++)
            if (op->args[k] != IR_NONE)
                s->last_use[op->args[k]] = (uint16_t)i;
        if (op->opc == IR_OP_set_label)
            s->label_pos[op->aux] = (uint16_t)i;
        if ((op->opc == IR_OP_br || (op->opc == IR_OP_brcond &&
                                     op->cond != IR_COND_NEVER)) &&
            s->label_nbranch[op->aux] < 2)
            s->label_nbranch[op->aux]++;
    }
    uint32_t *host_off = (uint32_t *)tb->host_off;
    for (uint32_t i = 0; i < tb->ninsns; i++)
        host_off[i] = UINT32_MAX;

    /* Entry: leave at once when asked to (signals, stop requests). */
    uint8_t *req = emit_exit_check(s);

    tb->loop_off = 0;
    tb->loop_slot = -1;
    if (s->npins)
        gen_loop_head(s);

    for (s->cur = 0; s->cur < c->nops; s->cur++)
        if (!gen_op(s, &c->ops[s->cur]))
            return false;
    /* Stubs of the taken sides of single-branch labels (cold, after the
     * TB's code): write home what the label does not keep, then go on. */
    for (int i = 0; i < s->nstub; i++) {
        if (s->e.p > s->e.limit - 512)
            return false;
        s->fix[s->stub[i].fix].to = s->e.p;
        for (int k = 0; k < s->stub[i].n; k++)
            store_home(s, (ir_t)s->stub[i].st[k].t, s->stub[i].st[k].r);
        uint8_t *j = e_jmp32(&s->e);
        e_patch32(j, s->label_at[s->fix[s->stub[i].fix].label]);
    }
    if (softmmu_enabled && !cg_sm_finish(s))
        return false;
    for (int i = 0; i < s->nfix; i++)
        e_patch32(s->fix[i].disp, s->fix[i].to ? s->fix[i].to
                                               : s->label_at[s->fix[i].label]);
    e_patch32(req, s->e.p);
    emit_exit(s, TB_EXIT_REQUESTED);
    if (tb->loop_slot < 0)
        tb->loop_off = 0;       /* the loop's goto_tb was optimised away */
    return true;
}

/*
 * A loop TB's head must take as dirty every pin that can be dirty at the
 * edge.  The first pass takes none (a pin the body writes is then stored
 * at its next sync point, a helper call say, which also covers the next
 * iteration; guest accesses in user mode are none); a pin still dirty at
 * the edge makes the next pass
 * take it as dirty at the head.  The last pass takes every pin the body
 * writes, which is always enough.
 */
#define LOOP_PASSES 3

bool cg_gen(const struct ir_ctx *c, struct tb *tb)
{
    if (!cgs_thread)
        cgs_thread = xcalloc(1, sizeof(*cgs_thread));
    struct cgs *s = cgs_thread;
    s->c = c;
    s->tb = tb;
    if (!cg_begin(&s->e))
        return false;
    s->npins = 0;
    memset(s->pin_of, 0, (size_t)c->nglobals);
    s->loop_slot = find_loop_slot(s);
    if (s->loop_slot >= 0) {
        choose_pins(s);
        memset(s->head_dirty, 0, (size_t)c->nglobals);
    }
    for (int pass = 1;; pass++) {
        if (s->npins && pass == LOOP_PASSES)
            memcpy(s->head_dirty, s->written, (size_t)c->nglobals);
        if (!gen_pass(s))
            return false;
        if (!s->npins || tb->loop_slot < 0 || pass == LOOP_PASSES)
            break;
        bool more = false;
        for (int i = 0; i < s->npins; i++) {
            ir_t g = s->pin[i];
            if (s->edge_dirty[g] && !s->head_dirty[g]) {
                s->head_dirty[g] = 1;
                more = true;
            }
        }
        if (!more)
            break;
    }
    /* The fault map of the last pass follows the code (cg_begin keeps
     * room for it). */
    size_t code_size = (size_t)(s->e.p - s->e.start);
    while ((s->e.p - s->e.start) & 3)
        e8(&s->e, 0xcc);
    cgf_write(&s->fault, s->e.p);
    s->e.p += cgf_size(&s->fault);
    cg_commit(&s->e, tb, code_size);
    return true;
}

/* ---- The allocator for other lowering files (cg_alloc.h) --------------------- */

struct emit *cgs_emit(struct cgs *s) { return &s->e; }
uint32_t cgs_tb_flags(struct cgs *s) { return s->tb->flags; }
int cgs_in_reg(struct cgs *s, ir_t t, uint32_t avoid) { return in_reg(s, t, avoid); }
int cgs_alloc_reg(struct cgs *s, uint32_t avoid) { return alloc_reg(s, avoid); }
void cgs_set_out(struct cgs *s, ir_t d, int r) { set_out(s, d, r); }
void cgs_sync_globals(struct cgs *s) { sync_globals(s); }
bool cgs_is64(struct cgs *s, ir_t t) { return is64(s, t); }

uint32_t cgs_bound_regs(struct cgs *s)
{
    uint32_t m = 0;
    for (int r = 0; r < NREGS; r++)
        if (s->rtemp[r] >= 0)
            m |= 1u << r;
    return m;
}

bool cgs_const(struct cgs *s, ir_t t, uint64_t *val)
{
    if (!is_const(s, t))
        return false;
    *val = cval(s, t);
    return true;
}

void cgs_call(struct cgs *s, const struct ir_helper *h, ir_t ret, int nargs,
              const ir_t *args, const uint64_t *imms)
{
    gen_call(s, h, ret, nargs, args, imms);
}

void cgs_emit_call(struct emit *e, const void *fn)
{
    intptr_t rel = (intptr_t)fn - (intptr_t)(e_here_rx(e) + 5);
    if (fits_s32(rel)) {
        e8(e, 0xe8);
        e32(e, (uint32_t)rel);
    } else {
        e_movi(e, SCRATCH, (uintptr_t)fn, true);
        e_rr(e, 0xff, 2, SCRATCH);
    }
}
