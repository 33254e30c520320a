/*
 * ARM translation: the TB loop, conditional execution, and the register,
 * PC-write, flag and shifter helpers every instruction class shares.
 */
#include <stddef.h>

#include "engine/translate.h"
#include "engine/guest_mem.h"
#include "target/arm/translate.h"
#include "util/bits.h"

ir_t arm_R[16];
ir_t arm_NF, arm_ZF, arm_CF, arm_VF, arm_QF, arm_thumb_g;

/* ---- Registers ---------------------------------------------------------- */

ir_t arm_load_reg(struct arm_dc *s, int r)
{
    ir_t t = ir_new_i32(s->c);
    if (r == 15)
        ir_movi(s->c, t, s->pc + (s->thumb ? 4 : 8));
    else
        ir_mov(s->c, t, arm_R[r]);
    return t;
}

uint32_t arm_pc_read_value(const struct arm_dc *s)
{
    return (s->pc + (s->thumb ? 4 : 8)) & ~3u;
}

void arm_store_reg(struct arm_dc *s, int r, ir_t v)
{
    ir_mov(s->c, arm_R[r], v);
}

/* BranchWritePC: ARM state ignores bits 1:0, Thumb state bit 0. */
void arm_branch_write_pc(struct arm_dc *s, ir_t v)
{
    ir_andi(s->c, arm_R[15], v, s->thumb ? ~1u : ~3u);
    s->end = DISAS_JUMP;
}

/* BXWritePC: bit 0 selects the instruction set. */
void arm_bx_write_pc(struct arm_dc *s, ir_t v)
{
    ir_andi(s->c, arm_thumb_g, v, 1);
    ir_andi(s->c, arm_R[15], v, ~1u);
    s->end = DISAS_JUMP;
}

void arm_load_write_pc(struct arm_dc *s, ir_t v)
{
    if (arm_has(s, ARM_FEATURE_V5))
        arm_bx_write_pc(s, v);
    else
        arm_branch_write_pc(s, v);
}

void arm_alu_write_pc(struct arm_dc *s, ir_t v)
{
    if (arm_has(s, ARM_FEATURE_V7) && !s->thumb)
        arm_bx_write_pc(s, v);
    else
        arm_branch_write_pc(s, v);
}

void arm_store_reg_from_load(struct arm_dc *s, int r, ir_t v)
{
    if (r == 15)
        arm_load_write_pc(s, v);
    else
        arm_store_reg(s, r, v);
}

void arm_gen_direct_branch(struct arm_dc *s, uint32_t dest, bool to_thumb)
{
    if (to_thumb != s->thumb)
        ir_movi(s->c, arm_thumb_g, to_thumb);
    s->jmp_dest = dest;
    s->end = DISAS_DIRECT;
}

/* ---- Flags -------------------------------------------------------------- */

void arm_gen_logic_flags(struct arm_dc *s, ir_t res)
{
    ir_mov(s->c, arm_NF, res);
    ir_mov(s->c, arm_ZF, res);
}

/* The sum is computed in a temp first: d may be one of the operands. */
void arm_gen_add_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i32(c), t = ir_new_i32(c);
    ir_add(c, r, a, b);
    ir_setcond(c, IR_COND_LTU, arm_CF, r, a);
    ir_xor(c, arm_VF, r, a);
    ir_xor(c, t, a, b);
    ir_andc(c, arm_VF, arm_VF, t);
    ir_mov(c, arm_NF, r);
    ir_mov(c, arm_ZF, r);
    ir_mov(c, d, r);
}

void arm_gen_sub_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i32(c), t = ir_new_i32(c);
    ir_sub(c, r, a, b);
    ir_setcond(c, IR_COND_GEU, arm_CF, a, b);
    ir_xor(c, arm_VF, a, r);
    ir_xor(c, t, a, b);
    ir_and(c, arm_VF, arm_VF, t);
    ir_mov(c, arm_NF, r);
    ir_mov(c, arm_ZF, r);
    ir_mov(c, d, r);
}

/* a + b + C at 64 bits: the carry out is the high word. */
void arm_gen_adc_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_t a64 = ir_new_i64(c), b64 = ir_new_i64(c), c64 = ir_new_i64(c);
    ir_t r = ir_new_i32(c), t = ir_new_i32(c);
    ir_extu_i32_i64(c, a64, a);
    ir_extu_i32_i64(c, b64, b);
    ir_extu_i32_i64(c, c64, arm_CF);
    ir_add(c, a64, a64, b64);
    ir_add(c, a64, a64, c64);
    ir_extrl_i64_i32(c, r, a64);
    ir_extrh_i64_i32(c, arm_CF, a64);
    ir_xor(c, arm_VF, r, a);
    ir_xor(c, t, a, b);
    ir_andc(c, arm_VF, arm_VF, t);
    ir_mov(c, arm_NF, r);
    ir_mov(c, arm_ZF, r);
    ir_mov(c, d, r);
}

/* a - b - NOT(C) = a + NOT(b) + C: the manual's AddWithCarry. */
void arm_gen_sbc_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    ir_t nb = ir_new_i32(s->c);
    ir_not(s->c, nb, b);
    arm_gen_adc_cc(s, d, a, nb);
}

void arm_gen_adc(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    ir_t r = ir_new_i32(s->c);
    ir_add(s->c, r, a, b);
    ir_add(s->c, d, r, arm_CF);
}

void arm_gen_sbc(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    ir_t r = ir_new_i32(s->c);
    ir_sub(s->c, r, a, b);
    ir_add(s->c, r, r, arm_CF);
    ir_subi(s->c, d, r, 1);
}

/* ---- Shifter ------------------------------------------------------------ */

void arm_gen_shift_imm(struct arm_dc *s, ir_t d, ir_t v, int type, int amount,
                       ir_t carry)
{
    struct ir_ctx *c = s->c;

    switch (type) {
    case ARM_LSL:
        if (amount == 0) {
            if (carry != IR_NONE)
                ir_mov(c, carry, arm_CF);
            ir_mov(c, d, v);
            return;
        }
        if (carry != IR_NONE)
            ir_extract(c, carry, v, 32 - amount, 1);
        ir_shli(c, d, v, amount);
        return;
    case ARM_LSR:
        if (amount == 0) {  /* LSR #32 */
            if (carry != IR_NONE)
                ir_shri(c, carry, v, 31);
            ir_movi(c, d, 0);
            return;
        }
        if (carry != IR_NONE)
            ir_extract(c, carry, v, amount - 1, 1);
        ir_shri(c, d, v, amount);
        return;
    case ARM_ASR:
        if (amount == 0)    /* ASR #32 */
            amount = 32;
        if (carry != IR_NONE)
            ir_extract(c, carry, v, amount - 1, 1);
        ir_sari(c, d, v, amount == 32 ? 31 : amount);
        return;
    case ARM_ROR:
        if (amount == 0) {  /* RRX: C goes in at the top */
            ir_t t = ir_new_i32(c), cin = ir_new_i32(c);
            ir_mov(c, cin, arm_CF);
            if (carry != IR_NONE)
                ir_andi(c, carry, v, 1);
            ir_shri(c, t, v, 1);
            ir_shli(c, cin, cin, 31);
            ir_or(c, d, t, cin);
            return;
        }
        if (carry != IR_NONE)
            ir_extract(c, carry, v, amount - 1, 1);
        ir_rotri(c, d, v, amount);
        return;
    }
}

/*
 * Shift by Rs[7:0].  Counts 0 leave value and carry alone; counts of 32
 * and more follow the manual (LSL/LSR give 0, ASR the sign, ROR uses the
 * count modulo 32 with carry = bit 31).  The IR shifts modulo 32, so the
 * big counts are selected with movcond.
 */
void arm_gen_shift_reg(struct arm_dc *s, ir_t d, ir_t v, int type, ir_t count,
                       ir_t carry)
{
    struct ir_ctx *c = s->c;
    ir_t n = ir_new_i32(c), r = ir_new_i32(c), zero = ir_const_i32(c, 0);

    ir_andi(c, n, count, 0xff);
    switch (type) {
    case ARM_LSL:
        if (carry != IR_NONE) {
            /* bit 32-n of v for n in 1..32, 0 above */
            ir_t sh = ir_new_i32(c), t = ir_new_i32(c);
            ir_sub(c, sh, ir_const_i32(c, 32), n);
            ir_andi(c, sh, sh, 31);
            ir_shr(c, t, v, sh);
            ir_andi(c, t, t, 1);
            ir_movcond(c, IR_COND_GTU, t, n, ir_const_i32(c, 32), zero, t);
            ir_movcond(c, IR_COND_EQ, carry, n, zero, arm_CF, t);
        }
        ir_shl(c, r, v, n);
        ir_movcond(c, IR_COND_GTU, d, n, ir_const_i32(c, 31), zero, r);
        return;
    case ARM_LSR:
        if (carry != IR_NONE) {
            /* bit n-1 of v for n in 1..32, 0 above */
            ir_t sh = ir_new_i32(c), t = ir_new_i32(c);
            ir_subi(c, sh, n, 1);
            ir_andi(c, sh, sh, 31);
            ir_shr(c, t, v, sh);
            ir_andi(c, t, t, 1);
            ir_movcond(c, IR_COND_GTU, t, n, ir_const_i32(c, 32), zero, t);
            ir_movcond(c, IR_COND_EQ, carry, n, zero, arm_CF, t);
        }
        ir_shr(c, r, v, n);
        ir_movcond(c, IR_COND_GTU, d, n, ir_const_i32(c, 31), zero, r);
        return;
    case ARM_ASR: {
        /* counts above 32 act as 32: result and carry are the sign */
        ir_t m = ir_new_i32(c), k32 = ir_const_i32(c, 32);
        ir_movcond(c, IR_COND_GTU, m, n, k32, k32, n);
        if (carry != IR_NONE) {
            ir_t sh = ir_new_i32(c), t = ir_new_i32(c);
            ir_subi(c, sh, m, 1);
            ir_andi(c, sh, sh, 31);
            ir_shr(c, t, v, sh);
            ir_andi(c, t, t, 1);
            ir_movcond(c, IR_COND_EQ, carry, n, zero, arm_CF, t);
        }
        ir_t m31 = ir_new_i32(c), k31 = ir_const_i32(c, 31);
        ir_movcond(c, IR_COND_GTU, m31, m, k31, k31, m);
        ir_sar(c, d, v, m31);
        return;
    }
    case ARM_ROR:
        ir_rotr(c, r, v, n);    /* modulo 32 is what ROR wants */
        if (carry != IR_NONE) {
            ir_t t = ir_new_i32(c);
            ir_shri(c, t, r, 31);
            ir_movcond(c, IR_COND_EQ, carry, n, zero, arm_CF, t);
        }
        ir_mov(c, d, r);
        return;
    }
}

/* ---- Saturation --------------------------------------------------------- */

static void gen_setq_if_neg(struct arm_dc *s, ir_t ov)
{
    ir_t t = ir_new_i32(s->c);
    ir_shri(s->c, t, ov, 31);
    ir_or(s->c, arm_QF, arm_QF, t);
}

void arm_gen_add_setq(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_t ov = ir_new_i32(c), t = ir_new_i32(c);
    ir_xor(c, ov, d, a);
    ir_xor(c, t, a, b);
    ir_andc(c, ov, ov, t);
    gen_setq_if_neg(s, ov);
}

/* On overflow the result saturates toward the sign of a. */
static void gen_saturate(struct arm_dc *s, ir_t d, ir_t r, ir_t a, ir_t ov)
{
    struct ir_ctx *c = s->c;
    ir_t sat = ir_new_i32(c);
    ir_sari(c, sat, a, 31);
    ir_xori(c, sat, sat, 0x7fffffff);
    ir_movcond(c, IR_COND_LT, d, ov, ir_const_i32(c, 0), sat, r);
    gen_setq_if_neg(s, ov);
}

void arm_gen_qadd(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i32(c), ov = ir_new_i32(c), t = ir_new_i32(c);
    ir_add(c, r, a, b);
    ir_xor(c, ov, r, a);
    ir_xor(c, t, a, b);
    ir_andc(c, ov, ov, t);
    gen_saturate(s, d, r, a, ov);
}

void arm_gen_qsub(struct arm_dc *s, ir_t d, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i32(c), ov = ir_new_i32(c), t = ir_new_i32(c);
    ir_sub(c, r, a, b);
    ir_xor(c, ov, a, r);
    ir_xor(c, t, a, b);
    ir_and(c, ov, ov, t);
    gen_saturate(s, d, r, a, ov);
}

/* ---- Conditions and exceptions ----------------------------------------- */

/*
 * Branch to skip when condition cond FAILS.  With the flag encoding of
 * cpu.h each condition is one compare, or two ops for HI/LS/GT/LE.
 */
void arm_gen_test_cc(struct arm_dc *s, int cond, ir_label skip)
{
    struct ir_ctx *c = s->c;
    ir_t t;

    switch (cond) {
    case 0x0: ir_brcondi(c, IR_COND_NE, arm_ZF, 0, skip); break;  /* EQ */
    case 0x1: ir_brcondi(c, IR_COND_EQ, arm_ZF, 0, skip); break;  /* NE */
    case 0x2: ir_brcondi(c, IR_COND_EQ, arm_CF, 0, skip); break;  /* CS */
    case 0x3: ir_brcondi(c, IR_COND_NE, arm_CF, 0, skip); break;  /* CC */
    case 0x4: ir_brcondi(c, IR_COND_GE, arm_NF, 0, skip); break;  /* MI */
    case 0x5: ir_brcondi(c, IR_COND_LT, arm_NF, 0, skip); break;  /* PL */
    case 0x6: ir_brcondi(c, IR_COND_GE, arm_VF, 0, skip); break;  /* VS */
    case 0x7: ir_brcondi(c, IR_COND_LT, arm_VF, 0, skip); break;  /* VC */
    case 0x8: case 0x9:
        /* HI: C set and Z clear.  -CF is all ones when C is set. */
        t = ir_new_i32(c);
        ir_neg(c, t, arm_CF);
        ir_and(c, t, t, arm_ZF);
        ir_brcondi(c, cond == 0x8 ? IR_COND_EQ : IR_COND_NE, t, 0, skip);
        break;
    case 0xa: case 0xb:
        t = ir_new_i32(c);                       /* GE: N == V */
        ir_xor(c, t, arm_NF, arm_VF);
        ir_brcondi(c, cond == 0xa ? IR_COND_LT : IR_COND_GE, t, 0, skip);
        break;
    case 0xc: case 0xd:
        /* GT: Z clear and N == V.  (N^V)>>31 arithmetic is all ones
         * when N != V, so andc keeps ZF only when N == V. */
        t = ir_new_i32(c);
        ir_xor(c, t, arm_NF, arm_VF);
        ir_sari(c, t, t, 31);
        ir_andc(c, t, arm_ZF, t);
        ir_brcondi(c, cond == 0xc ? IR_COND_EQ : IR_COND_NE, t, 0, skip);
        break;
    }
}

void arm_gen_exception(struct arm_dc *s, int excp)
{
    ir_raise(s->c, excp);
    s->end = DISAS_NORETURN;
}

void arm_gen_exception_next(struct arm_dc *s, int excp)
{
    if (s->it_used)
        ir_st_env(s->c, ir_const_i32(s->c, s->it_next),
                  offsetof(struct arm_cpu, itstate), MO_32);
    ir_movi(s->c, arm_R[15], s->next_pc);
    ir_call1(s->c, &helper_arm_exception_exit, IR_NONE,
             ir_const_i32(s->c, (uint32_t)excp));
    /* Not reached (the helper unwinds), but the op list must end here. */
    ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
    s->end = DISAS_NORETURN;
}

/* SETEND: CPSR.E selects the data byte order, which is part of the TB
 * key, so the TB ends and the next one is translated for the new order. */
void arm_gen_setend(struct arm_dc *s, bool be)
{
    struct ir_ctx *c = s->c;
    if (be == s->be_data)
        return;
    ir_t v = ir_new_i32(c);
    ir_ld_env(c, v, offsetof(struct arm_cpu, cpsr_other), MO_32);
    if (be)
        ir_ori(c, v, v, CPSR_E);
    else
        ir_andi(c, v, v, ~CPSR_E);
    ir_st_env(c, v, offsetof(struct arm_cpu, cpsr_other), MO_32);
    s->end = DISAS_UPDATE;
}

bool arm_trans_udef(struct arm_dc *s, uint32_t insn)
{
    return false;
}

/* ---- The TB loop -------------------------------------------------------- */

static void gen_goto(struct arm_dc *s, int slot, uint32_t dest)
{
    struct ir_ctx *c = s->c;
    if (c->single_step) {
        ir_movi(c, arm_R[15], dest);
        ir_exit_tb(c, IR_EXIT_NOCHAIN);
        return;
    }
    ir_goto_tb(c, slot);
    ir_movi(c, arm_R[15], dest);
    ir_exit_tb(c, slot);
}

/* Emit the exit for how the instruction ended (taken path).  The IT
 * state the next instruction runs under is s->itstate (already advanced);
 * it is part of the TB key, so it goes to the CPU state first. */
static void gen_end(struct arm_dc *s)
{
    if (s->it_used && s->end != DISAS_NORETURN)
        ir_st_env(s->c, ir_const_i32(s->c, s->end == DISAS_NEXT ||
                                              s->end == DISAS_UPDATE
                                          ? s->itstate : 0),
                  offsetof(struct arm_cpu, itstate), MO_32);
    switch (s->end) {
    case DISAS_NEXT:
        gen_goto(s, 1, s->next_pc);
        break;
    case DISAS_DIRECT:
        gen_goto(s, 0, s->jmp_dest);
        break;
    case DISAS_JUMP:
        if (s->c->single_step)
            ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
        else
            ir_lookup_and_goto(s->c);
        break;
    case DISAS_UPDATE:
        ir_movi(s->c, arm_R[15], s->next_pc);
        ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
        break;
    case DISAS_NORETURN:
        break;
    }
}

static void gen_prefetch_abort(struct arm_dc *s, uint32_t addr)
{
    ir_st_env(s->c, ir_const_i64(s->c, addr),
              offsetof(struct cpu_common, fault_addr), MO_64);
    arm_gen_exception(s, EXCP_PREFETCH);
}

/* Inside an IT block the instruction is conditional on ITSTATE[7:4]
 * (1110 and the UNPREDICTABLE 1111 both run unconditionally). */
static void gen_it_cond(struct arm_dc *s)
{
    int cond = s->itstate >> 4;
    if (!s->in_it || cond >= 0xe)
        return;
    s->condlabel = ir_new_label(s->c);
    s->condjmp = true;
    arm_gen_test_cc(s, cond, s->condlabel);
}

/* ITAdvance: shift the mask; the block ends when IT[2:0] is zero. */
static uint32_t it_advance(uint32_t it)
{
    if ((it & 7) == 0)
        return 0;
    return (it & 0xe0) | ((it << 1) & 0x1f);
}

/* Translate one instruction at s->pc; false when its bytes cannot be
 * fetched and it is not the TB's first (the TB then ends before it). */
static bool translate_one(struct arm_dc *s, bool first)
{
    struct ir_ctx *c = s->c;

    s->next_pc = s->pc + (s->thumb ? 2 : 4);
    if (arm_kuser_helpers_enabled && s->pc >= ARM_KUSER_START &&
        s->pc < ARM_KUSER_END) {
        if (!first)
            return false;
        /* Reading the helper page makes the TB depend on it, so the TB is
         * cached instead of translated again at every call. */
        uint32_t word;
        translator_ld32(c, s->pc, false, &word);
        ir_insn_start(c, s->pc, 0);
        arm_translate_kuser(s);
        return true;
    }

    if (s->thumb) {
        uint16_t hw, hw2 = 0;
        if (!translator_ld16(c, s->pc, false, &hw)) {
            if (!first)
                return false;
            ir_insn_start(c, s->pc, s->itstate);
            gen_prefetch_abort(s, s->pc);
            return true;
        }
        if (arm_has(s, ARM_FEATURE_THUMB2) && (hw >> 11) >= 0x1d) {
            /* A 32-bit Thumb-2 instruction; its second halfword may lie
             * on the next page. */
            if (!translator_ld16(c, s->pc + 2, false, &hw2)) {
                if (!first)
                    return false;
                ir_insn_start(c, s->pc, s->itstate);
                gen_prefetch_abort(s, s->pc + 2);
                return true;
            }
            s->next_pc = s->pc + 4;
            ir_insn_start(c, s->pc, s->itstate);
            gen_it_cond(s);
            arm_translate_t32(s, ((uint32_t)hw << 16) | hw2);
            return true;
        }
        /* A BL/BLX prefix is decoded with its suffix as one instruction;
         * the suffix may lie on the next page. */
        bool have2 = (hw & 0xf800) == 0xf000 &&
                     translator_ld16(c, s->pc + 2, false, &hw2);
        ir_insn_start(c, s->pc, s->itstate);
        gen_it_cond(s);
        arm_translate_t16(s, hw, hw2, have2);
    } else {
        uint32_t insn;
        if (!translator_ld32(c, s->pc, false, &insn)) {
            if (!first)
                return false;
            ir_insn_start(c, s->pc, 0);
            gen_prefetch_abort(s, s->pc);
            return true;
        }
        ir_insn_start(c, s->pc, 0);
        arm_translate_a32(s, insn);
    }
    return true;
}

void arm_translate(struct ir_ctx *c)
{
    struct arm_dc s = {
        .c = c,
        .pc = (uint32_t)c->pc,
        .thumb = (c->flags & ARM_TBFLAG_THUMB) != 0,
        .be_data = (c->flags & ARM_TBFLAG_BE_DATA) != 0,
        .itstate = (c->flags >> ARM_TBFLAG_IT_SHIFT) & 0xff,
        .features = arm_cpu(c->cpu)->features,
    };
    uint64_t page = c->pc & GUEST_PAGE_MASK;
    int n = 0;

    s.it_used = s.itstate != 0;
    if (s.thumb) {
        /* Translation runs under the engine's tb_lock: built once. */
        arm_decoder_build(&arm_t16_decoder);
        arm_decoder_build(&arm_t32_decoder);
    }
    for (;;) {
        if (translator_breakpoint_here(c, s.pc)) {
            ir_insn_start(c, s.pc, s.itstate);
            arm_gen_exception(&s, EXCP_DEBUG);
            s.pc += s.thumb ? 2 : 4;
            n++;
            break;
        }
        s.end = DISAS_NEXT;
        s.condjmp = false;
        s.in_it = (s.itstate & 0xf) != 0;
        s.it_next = it_advance(s.itstate);
        if (!translate_one(&s, n == 0)) {
            s.next_pc = s.pc;  /* end before the unfetchable instruction */
            break;
        }
        n++;
        s.itstate = s.it_next;
        if (s.condjmp) {
            /* The condition failed: continue after the instruction. */
            if (s.end == DISAS_NEXT || s.end == DISAS_NORETURN) {
                ir_set_label(c, s.condlabel);
                s.end = DISAS_NEXT;
            } else {
                gen_end(&s);
                ir_set_label(c, s.condlabel);
                s.end = DISAS_NEXT;
                s.pc = s.next_pc;
                break;
            }
        }
        if (s.end != DISAS_NEXT) {
            s.pc = s.next_pc;
            break;
        }
        s.pc = s.next_pc;
        if (n >= c->max_insns || c->single_step ||
            (s.pc & GUEST_PAGE_MASK) != page || !translator_room(c) ||
            (arm_kuser_helpers_enabled && s.pc >= ARM_KUSER_START &&
             s.pc < ARM_KUSER_END))
            break;
    }
    s.next_pc = s.pc;
    gen_end(&s);
    c->pc_end = s.pc;
    c->ninsns = n;
}
