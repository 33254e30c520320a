/*
 * MIPS translation: the TB loop, branch delay slots, the pattern-table
 * lookup, and the register and exception generators every instruction
 * class shares.
 *
 * Delay slots: a branch translates its delay-slot instruction itself, so
 * a branch and its slot always sit in the same TB (the slot may lie on
 * the next page; the TB then covers both).  The branch condition and
 * target are computed into temps before the slot runs.  The slot's
 * insn_start carries the branch address in its second word (bit 0 set),
 * and restore_state puts the PC back on the branch: an exception in a
 * delay slot reports the branch, as the architecture's EPC/BD rule does,
 * and resuming re-executes the branch.
 */
#include <stddef.h>

#include "engine/guest_mem.h"
#include "engine/translate.h"
#include "target/mips/translate.h"
#include "util/error.h"

ir_t mips_gpr[32];
ir_t mips_pc, mips_hi, mips_lo;

/* ---- Registers ---------------------------------------------------------- */

ir_t mips_rd_gpr(struct mips_dc *s, int r)
{
    return r == 0 ? mips_const(s, 0) : mips_gpr[r];
}

void mips_wr_gpr(struct mips_dc *s, int r, ir_t v)
{
    if (r != 0)
        ir_mov(s->c, mips_gpr[r], v);
}

ir_t mips_rd_gpr32(struct mips_dc *s, int r)
{
    if (!s->is64)
        return mips_rd_gpr(s, r);
    if (r == 0)
        return ir_const_i32(s->c, 0);
    ir_t t = ir_new_i32(s->c);
    ir_extrl_i64_i32(s->c, t, mips_gpr[r]);
    return t;
}

void mips_sext32(struct mips_dc *s, ir_t d, ir_t v32)
{
    if (s->is64)
        ir_exts_i32_i64(s->c, d, v32);
    else
        ir_mov(s->c, d, v32);
}

void mips_wr_gpr32(struct mips_dc *s, int r, ir_t v32)
{
    if (r != 0)
        mips_sext32(s, mips_gpr[r], v32);
}

/* ---- Exceptions and exits ----------------------------------------------- */

void mips_gen_exception(struct mips_dc *s, int excp)
{
    ir_raise(s->c, excp);
    s->end = DISAS_NORETURN;
}

void mips_gen_exception_next(struct mips_dc *s, int excp)
{
    ir_movi(s->c, mips_pc, mips_addr(s, s->pc + 4));
    ir_call1(s->c, &helper_mips_exception_exit, IR_NONE,
             ir_const_i32(s->c, (uint32_t)excp));
    /* Not reached (the helper unwinds), but the op list must end here. */
    ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
    s->end = DISAS_NORETURN;
}

void mips_gen_goto(struct mips_dc *s, int slot, uint64_t dest)
{
    struct ir_ctx *c = s->c;
    dest = mips_addr(s, dest);
    if (c->single_step) {
        ir_movi(c, mips_pc, dest);
        ir_exit_tb(c, IR_EXIT_NOCHAIN);
        return;
    }
    ir_goto_tb(c, slot);
    ir_movi(c, mips_pc, dest);
    ir_exit_tb(c, slot);
}

void mips_gen_jump_pc(struct mips_dc *s)
{
    if (s->c->single_step)
        ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
    else
        ir_lookup_and_goto(s->c);
}

static void gen_fetch_fault(struct mips_dc *s, uint64_t addr, int excp)
{
    ir_st_env(s->c, ir_const_i64(s->c, addr),
              offsetof(struct cpu_common, fault_addr), MO_64);
    mips_gen_exception(s, excp);
}

/* ---- Decoding ------------------------------------------------------------ */

/*
 * All class tables joined, indexed once at start-up by the major opcode
 * (bits 31:26) and the function field (bits 5:0): a bucket lists, in
 * table order, the patterns compatible with those bits.  The first match
 * wins, as in the manual's encoding tables.
 */
#define KEY(insn) ((extract32(insn, 26, 6) << 6) | extract32(insn, 0, 6))
#define KEY_BITS 0xfc00003fu
#define NKEYS 4096

static const struct mips_pattern *all_pats[512];
static int n_all;
static uint16_t bucket_start[NKEYS + 1];
static uint16_t *bucket_list;

static void add_table(const struct mips_pattern *p, int n)
{
    for (int i = 0; i < n; i++) {
        if (n_all == (int)ARRAY_SIZE(all_pats))
            fatal("mips decoder: too many patterns");
        all_pats[n_all++] = &p[i];
    }
}

static bool key_compatible(const struct mips_pattern *p, int k)
{
    uint32_t bits = ((uint32_t)(k >> 6) << 26) | (k & 63);
    return ((bits ^ p->value) & p->mask & KEY_BITS) == 0;
}

void mips_decoder_build(void)
{
    if (bucket_list)
        return;
    add_table(mips_special_patterns, mips_special_patterns_n);
    add_table(mips_alu_patterns, mips_alu_patterns_n);
    add_table(mips_muldiv_patterns, mips_muldiv_patterns_n);
    add_table(mips_branch_patterns, mips_branch_patterns_n);
    add_table(mips_mem_patterns, mips_mem_patterns_n);
    add_table(mips_fpu_patterns, mips_fpu_patterns_n);
    add_table(mips_cp0_patterns, mips_cp0_patterns_n);

    size_t total = 0;
    for (int k = 0; k < NKEYS; k++)
        for (int i = 0; i < n_all; i++)
            total += key_compatible(all_pats[i], k);
    bucket_list = xcalloc(total ? total : 1, sizeof(*bucket_list));
    size_t pos = 0;
    for (int k = 0; k < NKEYS; k++) {
        bucket_start[k] = (uint16_t)pos;
        if (pos > 0xffff)
            fatal("mips decoder: bucket index overflows");
        for (int i = 0; i < n_all; i++)
            if (key_compatible(all_pats[i], k))
                bucket_list[pos++] = (uint16_t)i;
    }
    if (pos > 0xffff)
        fatal("mips decoder: bucket index overflows");
    bucket_start[NKEYS] = (uint16_t)pos;
}

const struct mips_pattern *mips_decode(uint32_t insn, bool is64)
{
    int k = KEY(insn);
    for (int i = bucket_start[k]; i < bucket_start[k + 1]; i++) {
        const struct mips_pattern *p = all_pats[bucket_list[i]];
        if ((insn & p->mask) == p->value &&
            (p->isa == MIPS_ISA_32 || is64))
            return p;
    }
    return NULL;
}

bool mips_translate_insn(struct mips_dc *s, uint32_t insn)
{
    const struct mips_pattern *p = mips_decode(insn, s->is64);
    if (p && (s->flags & MIPS_TBFLAG_SYS)) {
        /* Coprocessor Unusable: FPU instructions without Status.CU1,
         * CACHE outside kernel mode without CU0. */
        if (p >= mips_fpu_patterns && p < mips_fpu_patterns + mips_fpu_patterns_n &&
            !(s->flags & MIPS_TBFLAG_CU1)) {
            mips_gen_exception(s, MIPS_EXCP_CPU + 1);
            return true;
        }
        if (OP(insn) == 0x2f && !(s->flags & MIPS_TBFLAG_CP0)) {
            mips_gen_exception(s, MIPS_EXCP_CPU + 0);
            return true;
        }
    }
    return p && p->trans(s, insn);
}

/* ---- Delay slots ---------------------------------------------------------- */

bool mips_gen_delay_slot(struct mips_dc *s)
{
    struct ir_ctx *c = s->c;
    uint64_t slot_pc = mips_addr(s, s->pc + 4);
    uint32_t insn;

    /* A branch in a delay slot is UNPREDICTABLE: reserved instruction. */
    if (s->in_slot)
        return false;
    struct mips_dc d = *s;
    d.pc = slot_pc;
    d.in_slot = true;
    d.branch_pc = s->pc;
    d.end = DISAS_NEXT;
    ir_insn_start(c, slot_pc, s->pc | 1);
    c->ninsns++;
    s->next_pc = mips_addr(s, slot_pc + 4);
    /* A debugger breakpoint on the slot stops like any exception in a
     * delay slot: at the branch, before it runs (gdb, too, moves a
     * breakpoint asked for on a delay slot to its branch). */
    if (translator_breakpoint_here(c, slot_pc)) {
        mips_gen_exception(&d, EXCP_DEBUG);
        return true;
    }
    if (!translator_ld32(c, slot_pc, s->be, &insn)) {
        gen_fetch_fault(&d, slot_pc, EXCP_PREFETCH);
        return true;
    }
    if (!mips_translate_insn(&d, insn))
        mips_gen_exception(&d, EXCP_UDEF);
    return true;
}

/* ---- The TB loop ---------------------------------------------------------- */

void mips_translate(struct ir_ctx *c)
{
    const struct mips_cpu *cpu = mips_cpu(c->cpu);
    struct mips_dc s = {
        .c = c,
        .pc = c->pc,
        .is64 = cpu->is64,
        .tl = cpu->is64 ? IR_I64 : IR_I32,
        .be = cpu->big_endian,
        .fr = (c->flags & MIPS_TBFLAG_FR) != 0,
        .has_ps = (cpu->fir & FIR_PS) != 0,
        .flags = c->flags,
    };
    uint64_t page = c->pc & GUEST_PAGE_MASK;
    /* Leave room for a delay slot after the last instruction. */
    int limit = c->max_insns < IR_MAX_INSNS - 2 ? c->max_insns
                                                 : IR_MAX_INSNS - 2;

    c->ninsns = 0;
    for (;;) {
        uint32_t insn;
        bool first = c->ninsns == 0;

        s.end = DISAS_NEXT;
        if (translator_breakpoint_here(c, s.pc)) {
            ir_insn_start(c, s.pc, 0);
            c->ninsns++;
            mips_gen_exception(&s, EXCP_DEBUG);
            s.pc += 4;
            break;
        }
        if (s.pc & 3) {
            /* Address error on fetch (a jump to a misaligned target). */
            ir_insn_start(c, s.pc, 0);
            c->ninsns++;
            gen_fetch_fault(&s, s.pc, EXCP_UNALIGNED);
            break;
        }
        if (!translator_ld32(c, s.pc, s.be, &insn)) {
            if (!first)
                break;
            ir_insn_start(c, s.pc, 0);
            c->ninsns++;
            gen_fetch_fault(&s, s.pc, EXCP_PREFETCH);
            s.pc += 4;
            break;
        }
        ir_insn_start(c, s.pc, 0);
        c->ninsns++;
        s.next_pc = mips_addr(&s, s.pc + 4);
        if (!mips_translate_insn(&s, insn))
            mips_gen_exception(&s, EXCP_UDEF);
        s.pc = s.next_pc;   /* past the delay slot after a branch */
        if (s.end != DISAS_NEXT)
            break;
        if (c->ninsns >= limit || c->single_step ||
            (s.pc & GUEST_PAGE_MASK) != page || !translator_room(c))
            break;
    }
    if (s.end == DISAS_NEXT)
        mips_gen_goto(&s, 1, s.pc);
    else if (s.end == DISAS_UPDATE) {
        ir_movi(c, mips_pc, s.pc);
        ir_exit_tb(c, IR_EXIT_NOCHAIN);
    }
    c->pc_end = s.pc;
}
