/*
 * 32-bit Thumb-2 instructions (ARMv6T2/ARMv7 T32).  insn = hw1 << 16 | hw2.
 * The table follows the manual's encoding groups (A6.3): data processing
 * with modified immediates, plain binary immediates, shifted registers
 * and registers; branches and miscellaneous control; load/store single,
 * dual, exclusive, multiple and table branches; multiplies and divides;
 * the coprocessor space, whose encodings are the A32 ones with cond = AL.
 * Register semantics are shared with A32 through the generators of
 * translate.c, a32_media.c and a32_mem.c.
 */
#include "target/arm/translate.h"
#include "util/bits.h"

#define F(i, pos, len) ((int)extract32(i, pos, len))
#define HW1_RN(i) F(i, 16, 4)
#define HW2_RT(i) F(i, 12, 4)
#define HW2_RD(i) F(i, 8, 4)
#define HW2_RM(i) F(i, 0, 4)

/* SP and PC are UNPREDICTABLE in most T32 register fields. */
static bool bad_reg(int r)
{
    return r == 13 || r == 15;
}

/* ---- Data processing ------------------------------------------------------- */

enum t32_dp {
    T32_AND = 0, T32_BIC = 1, T32_ORR = 2, T32_ORN = 3, T32_EOR = 4,
    T32_ADD = 8, T32_ADC = 10, T32_SBC = 11, T32_SUB = 13, T32_RSB = 14,
};

/*
 * op on Rn and op2; carry is the shifter carry-out (IR_NONE when flags
 * are not set).  Rd == 15 with S on AND/EOR/ADD/SUB are TST/TEQ/CMN/CMP;
 * Rn == 15 on ORR/ORN are MOV/MVN.
 */
static bool gen_t32_dp(struct arm_dc *s, int op, int rd, int rn, ir_t op2,
                       ir_t carry, bool sf)
{
    struct ir_ctx *c = s->c;
    bool test = rd == 15 && sf &&
                (op == T32_AND || op == T32_EOR || op == T32_ADD || op == T32_SUB);
    ir_t r = ir_new_i32(c), a;

    if (rd == 15 && !test)
        return false;
    if ((op == T32_ORR || op == T32_ORN) && rn == 15)
        a = IR_NONE;
    else if (rn == 15)
        return false;
    else
        a = arm_load_reg(s, rn);

    switch (op) {
    case T32_AND: ir_and(c, r, a, op2); break;
    case T32_BIC: ir_andc(c, r, a, op2); break;
    case T32_ORR:
        if (a == IR_NONE) ir_mov(c, r, op2); else ir_or(c, r, a, op2);
        break;
    case T32_ORN:
        if (a == IR_NONE) ir_not(c, r, op2); else ir_orc(c, r, a, op2);
        break;
    case T32_EOR: ir_xor(c, r, a, op2); break;
    case T32_ADD:
        sf ? arm_gen_add_cc(s, r, a, op2) : ir_add(c, r, a, op2);
        break;
    case T32_ADC:
        sf ? arm_gen_adc_cc(s, r, a, op2) : arm_gen_adc(s, r, a, op2);
        break;
    case T32_SBC:
        sf ? arm_gen_sbc_cc(s, r, a, op2) : arm_gen_sbc(s, r, a, op2);
        break;
    case T32_SUB:
        sf ? arm_gen_sub_cc(s, r, a, op2) : ir_sub(c, r, a, op2);
        break;
    case T32_RSB:
        sf ? arm_gen_sub_cc(s, r, op2, a) : ir_sub(c, r, op2, a);
        break;
    default:
        return false;
    }
    if (sf && op <= T32_EOR) {
        arm_gen_logic_flags(s, r);
        if (carry != IR_NONE)
            ir_mov(c, arm_CF, carry);
    }
    if (!test)
        arm_store_reg(s, rd, r);
    return true;
}

/* ThumbExpandImm_C: the 12-bit modified immediate. */
static uint32_t thumb_expand_imm(uint32_t imm12, bool *rotated)
{
    uint32_t b = imm12 & 0xff;
    *rotated = false;
    switch (imm12 >> 8) {
    case 0: return b;
    case 1: return b * 0x00010001u;
    case 2: return b * 0x01000100u;
    case 3: return b * 0x01010101u;
    }
    *rotated = true;
    uint32_t v = 0x80 | (imm12 & 0x7f);
    unsigned rot = imm12 >> 7;
    return (v >> rot) | (v << (32 - rot));
}

static bool trans_dp_modimm(struct arm_dc *s, uint32_t insn)
{
    uint32_t imm12 = (F(insn, 26, 1) << 11) | (F(insn, 12, 3) << 8) | F(insn, 0, 8);
    bool rotated, sf = insn & (1u << 20);
    uint32_t imm = thumb_expand_imm(imm12, &rotated);
    ir_t carry = IR_NONE;
    int op = F(insn, 21, 4);

    if ((imm12 >> 8) >= 1 && (imm12 >> 8) <= 3 && (imm12 & 0xff) == 0)
        return false;
    if (sf && op <= T32_EOR) {
        carry = ir_new_i32(s->c);
        if (rotated)
            ir_movi(s->c, carry, imm >> 31);
        else
            ir_mov(s->c, carry, arm_CF);
    }
    return gen_t32_dp(s, op, HW2_RD(insn), HW1_RN(insn),
                      ir_const_i32(s->c, imm), carry, sf);
}

static bool trans_dp_shreg(struct arm_dc *s, uint32_t insn)
{
    int op = F(insn, 21, 4), rd = HW2_RD(insn), rn = HW1_RN(insn);
    int rm = HW2_RM(insn), type = F(insn, 4, 2);
    int amount = (F(insn, 12, 3) << 2) | F(insn, 6, 2);
    bool sf = insn & (1u << 20);

    if (rm == 15)
        return false;
    if (op == 6) {   /* PKHBT/PKHTB */
        if (sf || (type & 1) || bad_reg(rd) || bad_reg(rn) || bad_reg(rm))
            return false;
        arm_gen_pkh(s, rd, rn, rm, type & 2, amount);
        return true;
    }
    ir_t carry = sf && op <= T32_EOR ? ir_new_i32(s->c) : IR_NONE;
    ir_t op2 = ir_new_i32(s->c);
    /* LSR/ASR #0 here mean #32 and ROR #0 is RRX, as in A32. */
    arm_gen_shift_imm(s, op2, arm_load_reg(s, rm), type, amount, carry);
    return gen_t32_dp(s, op, rd, rn, op2, carry, sf);
}

/* LSL/LSR/ASR/ROR (register): Rd = Rn shifted by Rm[7:0]. */
static bool trans_shift_reg(struct arm_dc *s, uint32_t insn)
{
    int rd = HW2_RD(insn), rn = HW1_RN(insn), rm = HW2_RM(insn);
    bool sf = insn & (1u << 20);
    if (bad_reg(rd) || bad_reg(rn) || bad_reg(rm))
        return false;
    ir_t r = ir_new_i32(s->c), carry = sf ? ir_new_i32(s->c) : IR_NONE;
    arm_gen_shift_reg(s, r, arm_load_reg(s, rn), F(insn, 21, 2),
                      arm_load_reg(s, rm), carry);
    if (sf) {
        arm_gen_logic_flags(s, r);
        ir_mov(s->c, arm_CF, carry);
    }
    arm_store_reg(s, rd, r);
    return true;
}

/* Plain binary immediate: ADDW/SUBW/ADR, MOVW/MOVT, SSAT/USAT(16),
 * SBFX/UBFX, BFI/BFC.  op = hw1[8:4]. */
static bool trans_plain_imm(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int op = F(insn, 20, 5), rd = HW2_RD(insn), rn = HW1_RN(insn);
    uint32_t imm12 = (F(insn, 26, 1) << 11) | (F(insn, 12, 3) << 8) | F(insn, 0, 8);
    int shift = (F(insn, 12, 3) << 2) | F(insn, 6, 2), low5 = F(insn, 0, 5);

    if (rd == 15)
        return false;
    switch (op) {
    case 0x00: case 0x0a: {   /* ADDW, SUBW; Rn = PC is ADR */
        ir_t r = ir_new_i32(c);
        if (rn == 15) {
            uint32_t base = arm_pc_read_value(s);
            ir_movi(c, r, op ? base - imm12 : base + imm12);
        } else if (op) {
            ir_subi(c, r, arm_load_reg(s, rn), imm12);
        } else {
            ir_addi(c, r, arm_load_reg(s, rn), imm12);
        }
        arm_store_reg(s, rd, r);
        return true;
    }
    case 0x04: case 0x0c: {   /* MOVW, MOVT */
        uint32_t imm16 = (rn << 12) | imm12;
        if (op == 0x04) {
            arm_store_reg(s, rd, ir_const_i32(c, imm16));
        } else {
            ir_t r = ir_new_i32(c);
            ir_deposit(c, r, arm_R[rd], ir_const_i32(c, imm16), 16, 16);
            arm_store_reg(s, rd, r);
        }
        return true;
    }
    case 0x10: case 0x12: case 0x18: case 0x1a: {
        bool is_unsigned = op >= 0x18, asr = op & 2;
        if (bad_reg(rn) || (insn & (1u << 5)))
            return false;
        if (asr && shift == 0) {   /* SSAT16/USAT16 */
            arm_gen_sat16(s, rd, rn, low5 & 15, is_unsigned);
            return true;
        }
        arm_gen_ssat(s, rd, rn, low5, asr, shift, is_unsigned);
        return true;
    }
    case 0x14: case 0x1c:     /* SBFX, UBFX */
        if (bad_reg(rn) || shift + low5 + 1 > 32)
            return false;
        arm_gen_bitfield(s, rd, rn, shift, low5 + 1, op == 0x1c ? 1 : 2);
        return true;
    case 0x16:                /* BFI, BFC (Rn = 15) */
        if (rn == 13 || low5 < shift)
            return false;
        arm_gen_bitfield(s, rd, rn, shift, low5 - shift + 1, 0);
        return true;
    }
    return false;
}

/* ---- Data processing (register): extends, parallel, misc ------------------ */

static bool trans_extend(struct arm_dc *s, uint32_t insn)
{
    static const struct { enum arm_xt kind; bool is_signed; } ops[6] = {
        { ARM_XTH, true }, { ARM_XTH, false }, { ARM_XTB16, true },
        { ARM_XTB16, false }, { ARM_XTB, true }, { ARM_XTB, false },
    };
    int op = F(insn, 20, 3), rd = HW2_RD(insn), rm = HW2_RM(insn);
    if (op > 5 || bad_reg(rd) || bad_reg(rm) || HW1_RN(insn) == 13)
        return false;
    arm_gen_extend(s, rd, HW1_RN(insn), rm, F(insn, 4, 2), ops[op].kind,
                   ops[op].is_signed);
    return true;
}

static bool trans_parallel(struct arm_dc *s, uint32_t insn)
{
    /* T32 op1 (hw1[6:4]) to the A32 op2 numbering. */
    static const int op2_of[8] = { 4, 0, 1, -1, 7, 3, 2, -1 };
    int op2 = op2_of[F(insn, 20, 3)], kind = F(insn, 4, 2);
    int rd = HW2_RD(insn), rn = HW1_RN(insn), rm = HW2_RM(insn);
    if (op2 < 0 || kind == 3 || bad_reg(rd) || bad_reg(rn) || bad_reg(rm))
        return false;
    return arm_gen_parallel(s, rd, rn, rm,
                            (kind + 1) | ((insn & (1u << 6)) ? 4 : 0), op2);
}

static bool trans_misc(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int op1 = F(insn, 20, 2), op2 = F(insn, 4, 2);
    int rd = HW2_RD(insn), rn = HW1_RN(insn), rm = HW2_RM(insn);
    if (bad_reg(rd) || bad_reg(rn) || bad_reg(rm))
        return false;
    switch (op1) {
    case 0: {   /* QADD, QDADD, QSUB, QDSUB: Rd = Rm op [2*]Rn */
        ir_t a = arm_load_reg(s, rm), b = arm_load_reg(s, rn);
        ir_t r = ir_new_i32(c);
        if (op2 & 1)
            arm_gen_qadd(s, b, b, b);
        if (op2 & 2)
            arm_gen_qsub(s, r, a, b);
        else
            arm_gen_qadd(s, r, a, b);
        arm_store_reg(s, rd, r);
        return true;
    }
    case 1: {
        static const int kinds[4] = { 0, 1, 3, 2 };
        if (rn != rm)
            return false;
        arm_gen_rev(s, rd, rm, kinds[op2]);
        return true;
    }
    case 2:
        if (op2)
            return false;
        arm_gen_sel(s, rd, rn, rm);
        return true;
    default: {
        if (op2 || rn != rm)
            return false;
        ir_t v = arm_load_reg(s, rm);
        ir_clz(c, v, v);
        arm_store_reg(s, rd, v);
        return true;
    }
    }
}

/* ---- Multiplies ----------------------------------------------------------- */

static ir_t gen_half(struct arm_dc *s, int r, bool top)
{
    ir_t v = arm_load_reg(s, r);
    if (top)
        ir_sari(s->c, v, v, 16);
    else
        ir_ext16s(s->c, v, v);
    return v;
}

/* hw1 = 1111 1011 0 op1 Rn, hw2 = Ra Rd op2 Rm. */
static bool trans_mul(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int op1 = F(insn, 20, 3), op2 = F(insn, 4, 2);
    int rn = HW1_RN(insn), ra = HW2_RT(insn), rd = HW2_RD(insn),
        rm = HW2_RM(insn);
    ir_t r = ir_new_i32(c);

    if (bad_reg(rd) || bad_reg(rn) || bad_reg(rm) || ra == 13)
        return false;
    switch (op1) {
    case 0:
        if (op2 > 1 || (op2 == 1 && ra == 15))
            return false;
        ir_mul(c, r, arm_load_reg(s, rn), arm_load_reg(s, rm));
        if (op2 == 1)
            ir_sub(c, r, arm_load_reg(s, ra), r);
        else if (ra != 15)
            ir_add(c, r, r, arm_load_reg(s, ra));
        arm_store_reg(s, rd, r);
        return true;
    case 1: {   /* SMULxy / SMLAxy: N = hw2[5], M = hw2[4] */
        ir_mul(c, r, gen_half(s, rn, op2 & 2), gen_half(s, rm, op2 & 1));
        if (ra != 15) {
            ir_t a = arm_load_reg(s, ra), p = ir_new_i32(c);
            ir_mov(c, p, r);
            ir_add(c, r, p, a);
            arm_gen_add_setq(s, r, p, a);
        }
        arm_store_reg(s, rd, r);
        return true;
    }
    case 2: case 4:   /* SMUAD/SMLAD, SMUSD/SMLSD */
        if (op2 > 1)
            return false;
        arm_gen_smlad(s, rd, rn, rm, ra, op2 & 1, op1 == 4);
        return true;
    case 3: {   /* SMULWy / SMLAWy */
        ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
        if (op2 > 1)
            return false;
        ir_muls2(c, lo, hi, arm_load_reg(s, rn), gen_half(s, rm, op2 & 1));
        ir_shri(c, lo, lo, 16);
        ir_shli(c, hi, hi, 16);
        ir_or(c, r, lo, hi);
        if (ra != 15) {
            ir_t a = arm_load_reg(s, ra), p = ir_new_i32(c);
            ir_mov(c, p, r);
            ir_add(c, r, p, a);
            arm_gen_add_setq(s, r, p, a);
        }
        arm_store_reg(s, rd, r);
        return true;
    }
    case 5: case 6:   /* SMMUL/SMMLA, SMMLS */
        if (op2 > 1 || (op1 == 6 && ra == 15))
            return false;
        arm_gen_smmla(s, rd, rn, rm, ra, op1 == 6, op2 & 1);
        return true;
    default:
        if (op2)
            return false;
        arm_gen_usada8(s, rd, rn, rm, ra);
        return true;
    }
}

/* hw1 = 1111 1011 1 op1 Rn, hw2 = RdLo RdHi op2(4) Rm. */
static bool trans_long_mul(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int op1 = F(insn, 20, 3), op2 = F(insn, 4, 4);
    int rn = HW1_RN(insn), lo_r = HW2_RT(insn), hi_r = HW2_RD(insn),
        rm = HW2_RM(insn);

    if (bad_reg(rn) || bad_reg(rm))
        return false;
    if ((op1 == 1 || op1 == 3) && op2 == 15) {   /* SDIV, UDIV */
        if (!arm_has(s, ARM_FEATURE_IDIV) || bad_reg(hi_r) || lo_r != 15)
            return false;
        arm_gen_div(s, hi_r, rn, rm, op1 == 1);
        return true;
    }
    if (bad_reg(lo_r) || bad_reg(hi_r) || lo_r == hi_r)
        return false;
    if (op1 == 4 && (op2 & 0xc) == 8) {          /* SMLALxy */
        ir_t p = ir_new_i32(c), p64 = ir_new_i64(c), acc = ir_new_i64(c);
        ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
        ir_mul(c, p, gen_half(s, rn, op2 & 2), gen_half(s, rm, op2 & 1));
        ir_exts_i32_i64(c, p64, p);
        ir_concat_i32_i64(c, acc, arm_R[lo_r], arm_R[hi_r]);
        ir_add(c, acc, acc, p64);
        ir_extrl_i64_i32(c, lo, acc);
        ir_extrh_i64_i32(c, hi, acc);
        arm_store_reg(s, lo_r, lo);
        arm_store_reg(s, hi_r, hi);
        return true;
    }
    if ((op1 == 4 || op1 == 5) && (op2 & 0xe) == 0xc) {   /* SMLALD/SMLSLD */
        arm_gen_smlald(s, lo_r, hi_r, rn, rm, op2 & 1, op1 == 5);
        return true;
    }
    if (op1 == 6 && op2 == 6) {
        arm_gen_umaal(s, lo_r, hi_r, rn, rm);
        return true;
    }
    if (op2 != 0 || (op1 & 1))
        return false;
    /* SMULL 000, UMULL 010, SMLAL 100, UMLAL 110 */
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    if (op1 & 2)
        ir_mulu2(c, lo, hi, arm_load_reg(s, rn), arm_load_reg(s, rm));
    else
        ir_muls2(c, lo, hi, arm_load_reg(s, rn), arm_load_reg(s, rm));
    if (op1 & 4) {
        ir_t p = ir_new_i64(c), q = ir_new_i64(c);
        ir_concat_i32_i64(c, p, lo, hi);
        ir_concat_i32_i64(c, q, arm_R[lo_r], arm_R[hi_r]);
        ir_add(c, p, p, q);
        ir_extrl_i64_i32(c, lo, p);
        ir_extrh_i64_i32(c, hi, p);
    }
    arm_store_reg(s, lo_r, lo);
    arm_store_reg(s, hi_r, hi);
    return true;
}

/* ---- Branches and miscellaneous control ------------------------------------ */

static bool trans_B_cond(struct arm_dc *s, uint32_t insn)
{
    int cond = F(insn, 22, 4);
    int32_t off = (F(insn, 26, 1) ? -(1 << 20) : 0) | (F(insn, 11, 1) << 19) |
                  (F(insn, 13, 1) << 18) | (F(insn, 16, 6) << 12) |
                  (F(insn, 0, 11) << 1);
    if (s->in_it || cond >= 0xe)
        return false;
    s->condlabel = ir_new_label(s->c);
    s->condjmp = true;
    arm_gen_test_cc(s, cond, s->condlabel);
    arm_gen_direct_branch(s, s->pc + 4 + off, true);
    return true;
}

/* B (T4), BL, BLX (immediate): I1 = NOT(J1 XOR S), I2 = NOT(J2 XOR S). */
static int32_t branch24_offset(uint32_t insn)
{
    uint32_t sgn = extract32(insn, 26, 1);
    uint32_t i1 = !(extract32(insn, 13, 1) ^ sgn);
    uint32_t i2 = !(extract32(insn, 11, 1) ^ sgn);
    uint32_t v = (sgn << 24) | (i1 << 23) | (i2 << 22) |
                 (extract32(insn, 16, 10) << 12) | (extract32(insn, 0, 11) << 1);
    return (int32_t)(v << 7) >> 7;
}

static bool trans_B(struct arm_dc *s, uint32_t insn)
{
    arm_gen_direct_branch(s, s->pc + 4 + branch24_offset(insn), true);
    return true;
}

static bool trans_BL(struct arm_dc *s, uint32_t insn)
{
    bool blx = !(insn & (1u << 12));
    uint32_t dest = s->pc + 4 + branch24_offset(insn);
    if (blx && (insn & 1))
        return false;
    ir_movi(s->c, arm_R[14], s->next_pc | 1);
    if (blx)
        arm_gen_direct_branch(s, dest & ~3u, false);
    else
        arm_gen_direct_branch(s, dest, true);
    return true;
}

/* MSR APSR: mask hw2[11:10] = nzcvq, g.  R (SPSR) does not exist here. */
static bool trans_MSR(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int rn = HW1_RN(insn), mask = F(insn, 10, 2);
    if ((insn & (1u << 20)) || bad_reg(rn) || mask == 0)
        return false;
    ir_t v = arm_load_reg(s, rn);
    if (mask & 2) {
        ir_mov(c, arm_NF, v);
        ir_andi(c, arm_ZF, v, CPSR_Z);
        ir_xori(c, arm_ZF, arm_ZF, CPSR_Z);
        ir_extract(c, arm_CF, v, 29, 1);
        ir_shli(c, arm_VF, v, 3);
        ir_extract(c, arm_QF, v, 27, 1);
    }
    if (mask & 1) {
        ir_t ge = ir_new_i32(c);
        ir_extract(c, ge, v, 16, 4);
        ir_st_env(c, ge, offsetof(struct arm_cpu, ge), MO_32);
    }
    return true;
}

static bool trans_MRS(struct arm_dc *s, uint32_t insn)
{
    int rd = HW2_RD(insn);
    if ((insn & (1u << 20)) || bad_reg(rd))
        return false;
    ir_t v = ir_new_i32(s->c);
    ir_call0(s->c, &helper_arm_mrs_cpsr, v);
    /* The execution-state bits (T, IT) read as zero from MRS. */
    ir_andi(s->c, v, v, ~(CPSR_T | CPSR_IT));
    arm_store_reg(s, rd, v);
    return true;
}

static bool trans_hint(struct arm_dc *s, uint32_t insn)
{
    return true;   /* NOP, YIELD, WFE, WFI, SEV, DBG */
}

static bool trans_misc_control(struct arm_dc *s, uint32_t insn)
{
    switch (F(insn, 4, 4)) {
    case 2:
        if (!arm_has(s, ARM_FEATURE_V6K))   /* always true with Thumb-2 */
            return false;
        arm_gen_clrex(s);
        return true;
    case 4: case 5:
        ir_mb(s->c);
        return true;
    case 6:
        s->end = DISAS_UPDATE;   /* ISB: re-fetch what follows */
        return true;
    }
    return false;
}

/* ---- Loads and stores ----------------------------------------------------- */

/*
 * Load/store single: hw1 = 1111 100 S U(size) L Rn.  Forms: literal (Rn =
 * PC), imm12 (hw1[7] = 1), imm8 with P/U/W (hw2[11] = 1; P=1 U=1 W=0 is
 * the unprivileged T form), register with LSL #imm2.
 */
static bool trans_ldst_single(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    bool sign = insn & (1u << 24), load = insn & (1u << 20);
    int size = F(insn, 21, 2), rn = HW1_RN(insn), rt = HW2_RT(insn);
    ir_t addr = ir_new_i32(c), wb = IR_NONE;

    if (size == 3 || (sign && (!load || size == 2)))
        return false;
    if (rn == 15) {
        if (!load)
            return false;
        uint32_t imm = F(insn, 0, 12), base = arm_pc_read_value(s);
        ir_movi(c, addr, (insn & (1u << 23)) ? base + imm : base - imm);
    } else if (insn & (1u << 23)) {
        ir_addi(c, addr, arm_load_reg(s, rn), F(insn, 0, 12));
    } else if (insn & (1u << 11)) {
        bool p = insn & (1u << 10), u = insn & (1u << 9), w = insn & (1u << 8);
        uint32_t imm = F(insn, 0, 8);
        ir_t base = arm_load_reg(s, rn), moved = ir_new_i32(c);
        if (!p && !w)
            return false;
        if (u)
            ir_addi(c, moved, base, imm);
        else
            ir_subi(c, moved, base, imm);
        ir_mov(c, addr, p ? moved : base);
        if (w) {
            if (load && rn == rt)
                return false;
            wb = moved;
        }
    } else if (F(insn, 6, 6) == 0) {
        int rm = HW2_RM(insn);
        if (bad_reg(rm))
            return false;
        ir_t off = arm_load_reg(s, rm);
        ir_shli(c, off, off, F(insn, 4, 2));
        ir_add(c, addr, arm_load_reg(s, rn), off);
    } else {
        return false;
    }

    if (rt == 15 && size < 2) {
        /* PLD/PLI (loads of bytes/halfwords to the PC): hints. */
        return load;
    }
    enum ir_memop mo = arm_mo(s, size | (sign ? MO_SIGN : 0));
    if (load) {
        ir_t v = ir_new_i32(c);
        ir_guest_ld(c, v, addr, mo);
        if (wb != IR_NONE)
            arm_store_reg(s, rn, wb);
        if (rt == 15) {
            if (s->in_it && (s->itstate & 0xf) != 0x8)
                return false;   /* only last in an IT block */
            arm_load_write_pc(s, v);
        } else {
            arm_store_reg(s, rt, v);
        }
    } else {
        if (rt == 15)
            return false;
        ir_guest_st(c, arm_load_reg(s, rt), addr, mo);
        if (wb != IR_NONE)
            arm_store_reg(s, rn, wb);
    }
    return true;
}

/* LDRD/STRD (immediate, literal): P hw1[8], U hw1[7], W hw1[5]. */
static bool trans_ldst_dual(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    bool p = insn & (1u << 24), u = insn & (1u << 23), w = insn & (1u << 21);
    bool load = insn & (1u << 20);
    int rn = HW1_RN(insn), rt = HW2_RT(insn), rt2 = HW2_RD(insn);
    uint32_t imm = F(insn, 0, 8) << 2;

    if (!p && !w)
        return false;
    if (bad_reg(rt) || bad_reg(rt2) || (load && rt == rt2) ||
        (w && (rn == 15 || rn == rt || rn == rt2)))
        return false;
    ir_t base, moved = ir_new_i32(c), addr2 = ir_new_i32(c);
    if (rn == 15)
        base = ir_const_i32(c, arm_pc_read_value(s));
    else
        base = arm_load_reg(s, rn);
    if (u)
        ir_addi(c, moved, base, imm);
    else
        ir_subi(c, moved, base, imm);
    ir_t addr = p ? moved : base;
    ir_addi(c, addr2, addr, 4);
    if (load) {
        ir_t v1 = ir_new_i32(c), v2 = ir_new_i32(c);
        ir_guest_ld(c, v1, addr, arm_mo(s, MO_32));
        ir_guest_ld(c, v2, addr2, arm_mo(s, MO_32));
        if (w)
            arm_store_reg(s, rn, moved);
        arm_store_reg(s, rt, v1);
        arm_store_reg(s, rt2, v2);
    } else {
        ir_guest_st(c, arm_load_reg(s, rt), addr, arm_mo(s, MO_32));
        ir_guest_st(c, arm_load_reg(s, rt2), addr2, arm_mo(s, MO_32));
        if (w)
            arm_store_reg(s, rn, moved);
    }
    return true;
}

static bool trans_LDREX(struct arm_dc *s, uint32_t insn)
{
    int rn = HW1_RN(insn), rt = HW2_RT(insn);
    if (rn == 15 || bad_reg(rt))
        return false;
    ir_t addr = ir_new_i32(s->c);
    ir_addi(s->c, addr, arm_load_reg(s, rn), F(insn, 0, 8) << 2);
    arm_gen_ldrex(s, rt, 0, addr, MO_32);
    return true;
}

static bool trans_STREX(struct arm_dc *s, uint32_t insn)
{
    int rn = HW1_RN(insn), rt = HW2_RT(insn), rd = HW2_RD(insn);
    if (rn == 15 || bad_reg(rt) || bad_reg(rd) || rd == rn || rd == rt)
        return false;
    ir_t addr = ir_new_i32(s->c);
    ir_addi(s->c, addr, arm_load_reg(s, rn), F(insn, 0, 8) << 2);
    arm_gen_strex(s, rd, rt, 0, addr, MO_32);
    return true;
}

/* LDREXB/H/D: op3 hw2[7:4] = 0100, 0101, 0111; Rt2 = hw2[11:8]. */
static bool trans_LDREX_bhd(struct arm_dc *s, uint32_t insn)
{
    static const int sizes[4] = { MO_8, MO_16, -1, MO_64 };
    int size = sizes[F(insn, 4, 2)], rn = HW1_RN(insn), rt = HW2_RT(insn);
    int rt2 = HW2_RD(insn);
    if (size < 0 || rn == 15 || bad_reg(rt) ||
        (size == MO_64 && (bad_reg(rt2) || rt == rt2)))
        return false;
    arm_gen_ldrex(s, rt, rt2, arm_load_reg(s, rn), size);
    return true;
}

static bool trans_STREX_bhd(struct arm_dc *s, uint32_t insn)
{
    static const int sizes[4] = { MO_8, MO_16, -1, MO_64 };
    int size = sizes[F(insn, 4, 2)], rn = HW1_RN(insn), rt = HW2_RT(insn);
    int rt2 = HW2_RD(insn), rd = HW2_RM(insn);
    if (size < 0 || rn == 15 || bad_reg(rt) || bad_reg(rd) || rd == rn ||
        rd == rt || (size == MO_64 && (bad_reg(rt2) || rd == rt2)))
        return false;
    arm_gen_strex(s, rd, rt, rt2, arm_load_reg(s, rn), size);
    return true;
}

/* TBB/TBH: branch forward by twice the byte/halfword at Rn + Rm[<<1]. */
static bool trans_TB(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    bool half = insn & (1u << 4);
    int rn = HW1_RN(insn), rm = HW2_RM(insn);
    if (rn == 13 || bad_reg(rm) || (s->in_it && (s->itstate & 0xf) != 0x8))
        return false;
    ir_t addr = ir_new_i32(c), off = arm_load_reg(s, rm), v = ir_new_i32(c);
    if (half)
        ir_shli(c, off, off, 1);
    ir_add(c, addr, arm_load_reg(s, rn), off);
    ir_guest_ld(c, v, addr, arm_mo(s, half ? MO_16 : MO_8));
    ir_shli(c, v, v, 1);
    ir_addi(c, v, v, s->pc + 4);
    ir_mov(c, arm_R[15], v);
    s->end = DISAS_JUMP;
    return true;
}

/* LDM/STM (IA: op 01, DB: op 10); hw2 = P M 0 list. */
static bool trans_ldm_stm(struct arm_dc *s, uint32_t insn)
{
    int op = F(insn, 23, 2), rn = HW1_RN(insn);
    bool load = insn & (1u << 20), w = insn & (1u << 21);
    uint32_t list = F(insn, 0, 16);
    if (op == 0 || op == 3 || rn == 15 || (list & (1u << 13)) ||
        __builtin_popcount(list) < 2)
        return false;
    if (load ? (list & 0xc000) == 0xc000 : (list & 0x8000) != 0)
        return false;
    if (w && (list & (1u << rn)))
        return false;
    return arm_gen_ldm_stm(s, rn, list, load, op == 2, op == 1, w);
}

/* ---- Coprocessor space: the A32 encoding with cond = AL -------------------- */

static bool trans_coproc(struct arm_dc *s, uint32_t insn)
{
    if ((insn >> 28) != 0xe)
        return false;   /* 1111 11xx: Advanced SIMD / unconditional forms */
    return arm_trans_a32_as_t32(s, insn);
}

static const struct arm_pattern t32_patterns[] = {
    /* Load/store multiple, dual, exclusive, table branch (hw1 = 1110 100x). */
    { 0xfff00000, 0xe8400000, "STREX", trans_STREX, ARM_NOFEAT },
    { 0xfff00f00, 0xe8500f00, "LDREX", trans_LDREX, ARM_NOFEAT },
    { 0xfff000c0, 0xe8c00040, "STREXB/H/D", trans_STREX_bhd, ARM_NOFEAT },
    { 0xfff0ffe0, 0xe8d0f000, "TBB/TBH", trans_TB, ARM_NOFEAT },
    { 0xfff000cf, 0xe8d0004f, "LDREXB/H/D", trans_LDREX_bhd, ARM_NOFEAT },
    { 0xfe400000, 0xe8400000, "LDRD/STRD", trans_ldst_dual, ARM_NOFEAT },
    { 0xfe400000, 0xe8000000, "LDM/STM", trans_ldm_stm, ARM_NOFEAT },
    /* Data processing (shifted register). */
    { 0xfe000000, 0xea000000, "data processing (shifted register)", trans_dp_shreg, ARM_NOFEAT },
    /* Advanced SIMD (UNDEFINED without it), coprocessor, VFP. */
    { 0xef000000, 0xef000000, "Advanced SIMD data processing", arm_neon_trans_t32, ARM_FEATURE_NEON },
    { 0xef000000, 0xef000000, "Advanced SIMD (absent)", arm_trans_udef, ARM_NOFEAT },
    { 0xec000000, 0xec000000, "coprocessor", trans_coproc, ARM_NOFEAT },
    /* hw1 = 11110, hw2[15] = 1: branches and miscellaneous control. */
    { 0xfff0f000, 0xf3808000, "MSR", trans_MSR, ARM_NOFEAT },
    { 0xfff0d700, 0xf3a08000, "hints", trans_hint, ARM_NOFEAT },
    { 0xfff0d000, 0xf3b08000, "misc control", trans_misc_control, ARM_NOFEAT },
    { 0xffe0d000, 0xf3e08000, "MRS", trans_MRS, ARM_NOFEAT },
    { 0xf800d000, 0xf0008000, "B (conditional)", trans_B_cond, ARM_NOFEAT },
    { 0xf800d000, 0xf0009000, "B", trans_B, ARM_NOFEAT },
    { 0xf800c000, 0xf000c000, "BL/BLX", trans_BL, ARM_NOFEAT },
    /* hw1 = 11110, hw2[15] = 0: data processing immediates. */
    { 0xfa008000, 0xf0000000, "data processing (modified immediate)", trans_dp_modimm, ARM_NOFEAT },
    { 0xfa008000, 0xf2000000, "data processing (plain immediate)", trans_plain_imm, ARM_NOFEAT },
    /* hw1 = 11111. */
    { 0xff100000, 0xf9000000, "Advanced SIMD load/store", arm_neon_trans_t32, ARM_FEATURE_NEON },
    { 0xff100000, 0xf9000000, "Advanced SIMD load/store (absent)", arm_trans_udef, ARM_NOFEAT },
    { 0xfe000000, 0xf8000000, "load/store single", trans_ldst_single, ARM_NOFEAT },
    { 0xff80f0f0, 0xfa00f000, "LSL/LSR/ASR/ROR (register)", trans_shift_reg, ARM_NOFEAT },
    { 0xff80f080, 0xfa00f080, "SXT/UXT (with add)", trans_extend, ARM_FEATURE_V6 },
    { 0xff80f080, 0xfa80f000, "parallel add/sub", trans_parallel, ARM_FEATURE_V6 },
    { 0xffc0f0c0, 0xfa80f080, "miscellaneous (register)", trans_misc, ARM_NOFEAT },
    { 0xff800000, 0xfb000000, "multiply", trans_mul, ARM_NOFEAT },
    { 0xff800000, 0xfb800000, "long multiply, divide", trans_long_mul, ARM_NOFEAT },
};

/* Key: hw1[15:4] (4096 buckets); hw2 bits are checked by the scan. */
static uint32_t t32_key(uint32_t insn)
{
    return (insn >> 20) & 0xfff;
}

struct arm_decoder arm_t32_decoder = {
    .pats = t32_patterns,
    .npats = ARRAY_SIZE(t32_patterns),
    .key = t32_key,
    .key_mask_bits = 0xfff00000,
    .nbuckets = 4096,
};

void arm_translate_t32(struct arm_dc *s, uint32_t insn)
{
    const struct arm_pattern *p = arm_decode(&arm_t32_decoder, insn, s->features);
    if (!p || !p->trans(s, insn))
        arm_gen_exception(s, EXCP_UDEF);
}
