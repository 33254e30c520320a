/*
 * ARMv6/ARMv6T2/ARMv7 media and miscellaneous data instructions: parallel
 * add/subtract, saturation, packing, extension, byte/bit reversal, SEL,
 * the dual and most-significant-word multiplies, USAD8, divides, bit
 * fields, MOVW/MOVT.  The generators take register numbers so the T32
 * decoder shares them; the A32 pattern table is at the end.
 */
#include "target/arm/translate.h"
#include "util/bits.h"

static ir_t reg_or_zero(struct arm_dc *s, int r)
{
    return r == 15 ? ir_const_i32(s->c, 0) : arm_load_reg(s, r);
}

/* Q |= bit 0 of the high word of a 64-bit helper result. */
static void gen_q_from_hi(struct arm_dc *s, ir_t r64)
{
    ir_t q = ir_new_i32(s->c);
    ir_extrh_i64_i32(s->c, q, r64);
    ir_or(s->c, arm_QF, arm_QF, q);
}

/* ---- Extension with optional add: SXTB/SXTH/SXTB16 and U forms ------------ */

void arm_gen_extend(struct arm_dc *s, int rd, int rn, int rm, int rot,
                    enum arm_xt kind, bool is_signed)
{
    struct ir_ctx *c = s->c;
    ir_t v = arm_load_reg(s, rm);
    if (rot)
        ir_rotri(c, v, v, rot * 8);
    if (kind == ARM_XTB16) {
        ir_t r = ir_new_i64(c), r32 = ir_new_i32(c);
        ir_call3(c, &helper_arm_xtb16, r, v, reg_or_zero(s, rn),
                 ir_const_i32(c, is_signed));
        ir_extrl_i64_i32(c, r32, r);
        arm_store_reg(s, rd, r32);
        return;
    }
    if (kind == ARM_XTB)
        is_signed ? ir_ext8s(c, v, v) : ir_ext8u(c, v, v);
    else
        is_signed ? ir_ext16s(c, v, v) : ir_ext16u(c, v, v);
    if (rn != 15)
        ir_add(c, v, v, arm_load_reg(s, rn));
    arm_store_reg(s, rd, v);
}

/* ---- Saturation ------------------------------------------------------------ */

/* SSAT (to sat+1 bits) / USAT (to sat bits) of Rn shifted LSL or ASR. */
void arm_gen_ssat(struct arm_dc *s, int rd, int rn, int sat, bool asr,
                  int shift, bool is_unsigned)
{
    struct ir_ctx *c = s->c;
    ir_t v = ir_new_i32(c), q = ir_new_i32(c), t = ir_new_i32(c);
    int32_t max, min;

    if (asr)
        arm_gen_shift_imm(s, v, arm_load_reg(s, rn), ARM_ASR, shift, IR_NONE);
    else
        arm_gen_shift_imm(s, v, arm_load_reg(s, rn), ARM_LSL, shift, IR_NONE);
    if (is_unsigned) {
        max = (int32_t)((1ull << sat) - 1);
        min = 0;
    } else {
        max = (int32_t)((1ull << sat) - 1);   /* sat here is n - 1 */
        min = -max - 1;
    }
    ir_t kmax = ir_const_i32(c, (uint32_t)max), kmin = ir_const_i32(c, (uint32_t)min);
    ir_setcond(c, IR_COND_GT, q, v, kmax);
    ir_setcond(c, IR_COND_LT, t, v, kmin);
    ir_or(c, q, q, t);
    ir_movcond(c, IR_COND_GT, v, v, kmax, kmax, v);
    ir_movcond(c, IR_COND_LT, v, v, kmin, kmin, v);
    ir_or(c, arm_QF, arm_QF, q);
    arm_store_reg(s, rd, v);
}

void arm_gen_sat16(struct arm_dc *s, int rd, int rn, int sat, bool is_unsigned)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i64(c), r32 = ir_new_i32(c);
    ir_call2(c, &helper_arm_sat16, r, arm_load_reg(s, rn),
             ir_const_i32(c, sat | (is_unsigned ? 32 : 0)));
    gen_q_from_hi(s, r);
    ir_extrl_i64_i32(c, r32, r);
    arm_store_reg(s, rd, r32);
}

/* ---- Parallel add/subtract, SEL -------------------------------------------- */

bool arm_gen_parallel(struct arm_dc *s, int rd, int rn, int rm, int op,
                      int op2)
{
    struct ir_ctx *c = s->c;
    if ((op & 3) == 0 || op2 == 5 || op2 == 6)
        return false;
    ir_t r = ir_new_i64(c), r32 = ir_new_i32(c);
    ir_call3(c, &helper_arm_parallel, r, ir_const_i32(c, op | op2 << 3),
             arm_load_reg(s, rn), arm_load_reg(s, rm));
    if ((op & 3) == 1) {   /* only the modulo forms set GE */
        ir_t ge = ir_new_i32(c);
        ir_extrh_i64_i32(c, ge, r);
        ir_st_env(c, ge, offsetof(struct arm_cpu, ge), MO_32);
    }
    ir_extrl_i64_i32(c, r32, r);
    arm_store_reg(s, rd, r32);
    return true;
}

void arm_gen_sel(struct arm_dc *s, int rd, int rn, int rm)
{
    struct ir_ctx *c = s->c;
    ir_t ge = ir_new_i32(c), r = ir_new_i64(c), r32 = ir_new_i32(c);
    ir_ld_env(c, ge, offsetof(struct arm_cpu, ge), MO_32);
    ir_call3(c, &helper_arm_sel, r, ge, arm_load_reg(s, rn),
             arm_load_reg(s, rm));
    ir_extrl_i64_i32(c, r32, r);
    arm_store_reg(s, rd, r32);
}

/* ---- Packing and reversal -------------------------------------------------- */

/* PKHBT: Rn bottom, (Rm LSL sh) top.  PKHTB: Rn top, (Rm ASR sh) bottom,
 * where sh = 0 encodes ASR #32. */
void arm_gen_pkh(struct arm_dc *s, int rd, int rn, int rm, bool tb, int shift)
{
    struct ir_ctx *c = s->c;
    ir_t n = arm_load_reg(s, rn), m = ir_new_i32(c), r = ir_new_i32(c);
    if (tb) {
        arm_gen_shift_imm(s, m, arm_load_reg(s, rm), ARM_ASR, shift, IR_NONE);
        ir_deposit(c, r, n, m, 0, 16);
    } else {
        arm_gen_shift_imm(s, m, arm_load_reg(s, rm), ARM_LSL, shift, IR_NONE);
        ir_deposit(c, r, m, n, 0, 16);
    }
    arm_store_reg(s, rd, r);
}

void arm_gen_rev(struct arm_dc *s, int rd, int rm, int kind)
{
    struct ir_ctx *c = s->c;
    ir_t v = arm_load_reg(s, rm), t = ir_new_i32(c);
    switch (kind) {
    case 0:
        ir_bswap32(c, v, v);
        break;
    case 1:   /* REV16: swap the bytes of each halfword */
        ir_shri(c, t, v, 8);
        ir_andi(c, t, t, 0x00ff00ff);
        ir_shli(c, v, v, 8);
        ir_andi(c, v, v, 0xff00ff00);
        ir_or(c, v, v, t);
        break;
    case 2:   /* REVSH: swap the low halfword's bytes, sign-extend */
        ir_bswap16(c, v, v);
        ir_ext16s(c, v, v);
        break;
    default: {
        ir_t r = ir_new_i64(c);
        ir_call1(c, &helper_arm_rbit, r, v);
        ir_extrl_i64_i32(c, v, r);
        break;
    }
    }
    arm_store_reg(s, rd, v);
}

/* ---- Multiplies ------------------------------------------------------------- */

/* The two signed 16x16 products of the dual multiplies, as i64. */
static void gen_dual_products(struct arm_dc *s, int rn, int rm, bool x,
                              ir_t p1, ir_t p2)
{
    struct ir_ctx *c = s->c;
    ir_t n = arm_load_reg(s, rn), m = arm_load_reg(s, rm);
    ir_t nl = ir_new_i32(c), nh = ir_new_i32(c), ml = ir_new_i32(c),
         mh = ir_new_i32(c), t = ir_new_i32(c);
    if (x)
        ir_rotri(c, m, m, 16);
    ir_ext16s(c, nl, n);
    ir_sari(c, nh, n, 16);
    ir_ext16s(c, ml, m);
    ir_sari(c, mh, m, 16);
    ir_mul(c, t, nl, ml);
    ir_exts_i32_i64(c, p1, t);
    ir_mul(c, t, nh, mh);
    ir_exts_i32_i64(c, p2, t);
}

/* SMUAD/SMLAD/SMUSD/SMLSD: Q is set when the exact sum does not fit. */
void arm_gen_smlad(struct arm_dc *s, int rd, int rn, int rm, int ra, bool x,
                   bool sub)
{
    struct ir_ctx *c = s->c;
    ir_t p1 = ir_new_i64(c), p2 = ir_new_i64(c), e = ir_new_i64(c);
    ir_t r = ir_new_i32(c), q = ir_new_i32(c);
    gen_dual_products(s, rn, rm, x, p1, p2);
    if (sub)
        ir_sub(c, p1, p1, p2);
    else
        ir_add(c, p1, p1, p2);
    if (ra != 15) {
        ir_exts_i32_i64(c, e, arm_load_reg(s, ra));
        ir_add(c, p1, p1, e);
    }
    ir_extrl_i64_i32(c, r, p1);
    ir_exts_i32_i64(c, e, r);
    ir_setcond(c, IR_COND_NE, e, e, p1);
    ir_extrl_i64_i32(c, q, e);
    ir_or(c, arm_QF, arm_QF, q);
    arm_store_reg(s, rd, r);
}

/* SMLALD/SMLSLD: 64-bit accumulate, no Q. */
void arm_gen_smlald(struct arm_dc *s, int rdlo, int rdhi, int rn, int rm,
                    bool x, bool sub)
{
    struct ir_ctx *c = s->c;
    ir_t p1 = ir_new_i64(c), p2 = ir_new_i64(c), acc = ir_new_i64(c);
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    gen_dual_products(s, rn, rm, x, p1, p2);
    if (sub)
        ir_sub(c, p1, p1, p2);
    else
        ir_add(c, p1, p1, p2);
    ir_concat_i32_i64(c, acc, arm_R[rdlo], arm_R[rdhi]);
    ir_add(c, acc, acc, p1);
    ir_extrl_i64_i32(c, lo, acc);
    ir_extrh_i64_i32(c, hi, acc);
    arm_store_reg(s, rdlo, lo);
    arm_store_reg(s, rdhi, hi);
}

/* Bits 63:32 of (Ra << 32) +/- Rn * Rm (+ 0x80000000 when rounding);
 * arithmetic modulo 2^64 keeps those bits exact. */
void arm_gen_smmla(struct arm_dc *s, int rd, int rn, int rm, int ra, bool sub,
                   bool round)
{
    struct ir_ctx *c = s->c;
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    ir_t p = ir_new_i64(c), acc = ir_new_i64(c), r = ir_new_i32(c);
    ir_muls2(c, lo, hi, arm_load_reg(s, rn), arm_load_reg(s, rm));
    ir_concat_i32_i64(c, p, lo, hi);
    ir_concat_i32_i64(c, acc, ir_const_i32(c, 0), reg_or_zero(s, ra));
    if (sub)
        ir_sub(c, acc, acc, p);
    else
        ir_add(c, acc, acc, p);
    if (round)
        ir_addi(c, acc, acc, 0x80000000u);
    ir_extrh_i64_i32(c, r, acc);
    arm_store_reg(s, rd, r);
}

void arm_gen_usada8(struct arm_dc *s, int rd, int rn, int rm, int ra)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i64(c), r32 = ir_new_i32(c);
    ir_call2(c, &helper_arm_usad8, r, arm_load_reg(s, rn), arm_load_reg(s, rm));
    ir_extrl_i64_i32(c, r32, r);
    if (ra != 15)
        ir_add(c, r32, r32, arm_load_reg(s, ra));
    arm_store_reg(s, rd, r32);
}

/* The IR's division rules (x/0 = 0, INT_MIN/-1 = INT_MIN) are ARM's when
 * divide-by-zero trapping is off, as it is for user programs. */
void arm_gen_div(struct arm_dc *s, int rd, int rn, int rm, bool is_signed)
{
    ir_t r = ir_new_i32(s->c);
    if (is_signed)
        ir_div(s->c, r, arm_load_reg(s, rn), arm_load_reg(s, rm));
    else
        ir_divu(s->c, r, arm_load_reg(s, rn), arm_load_reg(s, rm));
    arm_store_reg(s, rd, r);
}

/* UMAAL: RdHi:RdLo = Rn * Rm + RdHi + RdLo (cannot overflow 64 bits). */
void arm_gen_umaal(struct arm_dc *s, int rdlo, int rdhi, int rn, int rm)
{
    struct ir_ctx *c = s->c;
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    ir_t p = ir_new_i64(c), t = ir_new_i64(c);
    ir_mulu2(c, lo, hi, arm_load_reg(s, rn), arm_load_reg(s, rm));
    ir_concat_i32_i64(c, p, lo, hi);
    ir_extu_i32_i64(c, t, arm_R[rdlo]);
    ir_add(c, p, p, t);
    ir_extu_i32_i64(c, t, arm_R[rdhi]);
    ir_add(c, p, p, t);
    ir_extrl_i64_i32(c, lo, p);
    ir_extrh_i64_i32(c, hi, p);
    arm_store_reg(s, rdlo, lo);
    arm_store_reg(s, rdhi, hi);
}

/* ---- Bit fields ---------------------------------------------------------------- */

void arm_gen_bitfield(struct arm_dc *s, int rd, int rn, int lsb, int width,
                      int kind)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i32(c);
    if (kind == 0)
        ir_deposit(c, r, arm_R[rd], reg_or_zero(s, rn), lsb, width);
    else if (kind == 1)
        ir_extract(c, r, arm_load_reg(s, rn), lsb, width);
    else
        ir_sextract(c, r, arm_load_reg(s, rn), lsb, width);
    arm_store_reg(s, rd, r);
}

/* ---- A32 encodings -------------------------------------------------------------- */

#define F(i, pos, len) ((int)extract32(i, pos, len))

static bool any15(int a, int b, int c)
{
    return a == 15 || b == 15 || c == 15;
}

static bool trans_parallel(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 16, 4), rm = F(insn, 0, 4);
    if (any15(rd, rn, rm))
        return false;
    return arm_gen_parallel(s, rd, rn, rm, F(insn, 20, 3), F(insn, 5, 3));
}

static bool trans_PKH(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 16, 4), rm = F(insn, 0, 4);
    if (any15(rd, rn, rm))
        return false;
    arm_gen_pkh(s, rd, rn, rm, insn & (1u << 6), F(insn, 7, 5));
    return true;
}

static bool trans_SEL(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 16, 4), rm = F(insn, 0, 4);
    if (any15(rd, rn, rm))
        return false;
    arm_gen_sel(s, rd, rn, rm);
    return true;
}

/* SXTAB16 ... UXTAH: bits 22:20 say signedness and size. */
static bool trans_extend(struct arm_dc *s, uint32_t insn)
{
    static const enum arm_xt kinds[4] = { ARM_XTB16, ARM_XTB16, ARM_XTB, ARM_XTH };
    int rd = F(insn, 12, 4), rn = F(insn, 16, 4), rm = F(insn, 0, 4);
    int op = F(insn, 20, 3);
    if (rd == 15 || rm == 15 || op == 1 || op == 5)
        return false;
    arm_gen_extend(s, rd, rn, rm, F(insn, 10, 2), kinds[op & 3], !(op & 4));
    return true;
}

static bool trans_SSAT(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 0, 4);
    if (rd == 15 || rn == 15)
        return false;
    arm_gen_ssat(s, rd, rn, F(insn, 16, 5), insn & (1u << 6), F(insn, 7, 5),
                 insn & (1u << 22));
    return true;
}

static bool trans_SAT16(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 0, 4);
    if (rd == 15 || rn == 15)
        return false;
    arm_gen_sat16(s, rd, rn, F(insn, 16, 4), insn & (1u << 22));
    return true;
}

static bool trans_rev(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rm = F(insn, 0, 4);
    if (rd == 15 || rm == 15)
        return false;
    /* bit 22 and bit 7: REV 0/0, REV16 0/1, RBIT 1/0, REVSH 1/1 */
    static const int kinds[4] = { 0, 1, 3, 2 };
    arm_gen_rev(s, rd, rm, kinds[(insn >> 21 & 2) | (insn >> 7 & 1)]);
    return true;
}

/* Signed multiplies: Rd 19:16, Ra 15:12, Rm 11:8, Rn 3:0. */
static bool trans_SMLAD(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 16, 4), ra = F(insn, 12, 4), rm = F(insn, 8, 4),
        rn = F(insn, 0, 4);
    if (any15(rd, rm, rn))
        return false;
    arm_gen_smlad(s, rd, rn, rm, ra, insn & (1u << 5), insn & (1u << 6));
    return true;
}

static bool trans_SMLALD(struct arm_dc *s, uint32_t insn)
{
    int hi = F(insn, 16, 4), lo = F(insn, 12, 4), rm = F(insn, 8, 4),
        rn = F(insn, 0, 4);
    if (any15(hi, lo, rm) || rn == 15 || hi == lo)
        return false;
    arm_gen_smlald(s, lo, hi, rn, rm, insn & (1u << 5), insn & (1u << 6));
    return true;
}

static bool trans_SMMLA(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 16, 4), ra = F(insn, 12, 4), rm = F(insn, 8, 4),
        rn = F(insn, 0, 4);
    bool sub = insn & (1u << 7);
    if (any15(rd, rm, rn) || (sub && ra == 15))
        return false;
    arm_gen_smmla(s, rd, rn, rm, ra, sub, insn & (1u << 5));
    return true;
}

static bool trans_DIV(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 16, 4), rm = F(insn, 8, 4), rn = F(insn, 0, 4);
    if (any15(rd, rm, rn))
        return false;
    arm_gen_div(s, rd, rn, rm, !(insn & (1u << 21)));
    return true;
}

static bool trans_USADA8(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 16, 4), ra = F(insn, 12, 4), rm = F(insn, 8, 4),
        rn = F(insn, 0, 4);
    if (any15(rd, rm, rn))
        return false;
    arm_gen_usada8(s, rd, rn, rm, ra);
    return true;
}

/* SBFX/UBFX: widthm1 20:16, Rd 15:12, lsb 11:7, Rn 3:0. */
static bool trans_BFX(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 0, 4), lsb = F(insn, 7, 5);
    int width = F(insn, 16, 5) + 1;
    if (rd == 15 || rn == 15 || lsb + width > 32)
        return false;
    arm_gen_bitfield(s, rd, rn, lsb, width, (insn & (1u << 22)) ? 1 : 2);
    return true;
}

/* BFI/BFC: msb 20:16, Rd 15:12, lsb 11:7, Rn 3:0 (15 = BFC). */
static bool trans_BFI(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4), rn = F(insn, 0, 4), lsb = F(insn, 7, 5);
    int msb = F(insn, 16, 5);
    if (rd == 15 || msb < lsb)
        return false;
    arm_gen_bitfield(s, rd, rn, lsb, msb - lsb + 1, 0);
    return true;
}

/* MOVW: Rd = imm16; MOVT: Rd[31:16] = imm16. */
static bool trans_MOVW(struct arm_dc *s, uint32_t insn)
{
    int rd = F(insn, 12, 4);
    uint32_t imm = (extract32(insn, 16, 4) << 12) | extract32(insn, 0, 12);
    if (rd == 15)
        return false;
    if (insn & (1u << 22)) {
        ir_t r = ir_new_i32(s->c);
        ir_deposit(s->c, r, arm_R[rd], ir_const_i32(s->c, imm), 16, 16);
        arm_store_reg(s, rd, r);
    } else {
        arm_store_reg(s, rd, ir_const_i32(s->c, imm));
    }
    return true;
}

const struct arm_pattern arm_a32_media_patterns[] = {
    /* Parallel add/subtract: op1 22:20, op2 7:5. */
    { 0x0f800010, 0x06000010, "parallel add/sub", trans_parallel, ARM_FEATURE_V6 },
    /* Packing, unpacking, saturation, reversal (bits 27:23 = 01101). */
    { 0x0ff00030, 0x06800010, "PKHBT/PKHTB", trans_PKH, ARM_FEATURE_V6 },
    { 0x0ff00ff0, 0x06800fb0, "SEL", trans_SEL, ARM_FEATURE_V6 },
    { 0x0fe00030, 0x06a00010, "SSAT", trans_SSAT, ARM_FEATURE_V6 },
    { 0x0fe00030, 0x06e00010, "USAT", trans_SSAT, ARM_FEATURE_V6 },
    { 0x0ff00ff0, 0x06a00f30, "SSAT16", trans_SAT16, ARM_FEATURE_V6 },
    { 0x0ff00ff0, 0x06e00f30, "USAT16", trans_SAT16, ARM_FEATURE_V6 },
    { 0x0fff0ff0, 0x06bf0f30, "REV", trans_rev, ARM_FEATURE_V6 },
    { 0x0fff0ff0, 0x06bf0fb0, "REV16", trans_rev, ARM_FEATURE_V6 },
    { 0x0fff0ff0, 0x06ff0fb0, "REVSH", trans_rev, ARM_FEATURE_V6 },
    { 0x0fff0ff0, 0x06ff0f30, "RBIT", trans_rev, ARM_FEATURE_THUMB2 },
    { 0x0f8003f0, 0x06800070, "SXT/UXT (with add)", trans_extend, ARM_FEATURE_V6 },
    /* Signed multiplies (bits 27:23 = 01110). */
    { 0x0ff000d0, 0x07000010, "SMLAD/SMUAD", trans_SMLAD, ARM_FEATURE_V6 },
    { 0x0ff000d0, 0x07000050, "SMLSD/SMUSD", trans_SMLAD, ARM_FEATURE_V6 },
    { 0x0ff0f0f0, 0x0710f010, "SDIV", trans_DIV, ARM_FEATURE_IDIV },
    { 0x0ff0f0f0, 0x0730f010, "UDIV", trans_DIV, ARM_FEATURE_IDIV },
    { 0x0ff000d0, 0x07400010, "SMLALD", trans_SMLALD, ARM_FEATURE_V6 },
    { 0x0ff000d0, 0x07400050, "SMLSLD", trans_SMLALD, ARM_FEATURE_V6 },
    { 0x0ff000d0, 0x07500010, "SMMLA/SMMUL", trans_SMMLA, ARM_FEATURE_V6 },
    { 0x0ff000d0, 0x075000d0, "SMMLS", trans_SMMLA, ARM_FEATURE_V6 },
    { 0x0ff000f0, 0x07800010, "USAD8/USADA8", trans_USADA8, ARM_FEATURE_V6 },
    { 0x0fe00070, 0x07a00050, "SBFX", trans_BFX, ARM_FEATURE_THUMB2 },
    { 0x0fe00070, 0x07e00050, "UBFX", trans_BFX, ARM_FEATURE_THUMB2 },
    { 0x0fe00070, 0x07c00010, "BFI/BFC", trans_BFI, ARM_FEATURE_THUMB2 },
    /* In the MSR-immediate hole. */
    { 0x0fb00000, 0x03000000, "MOVW/MOVT", trans_MOVW, ARM_FEATURE_THUMB2 },
};
const int arm_a32_media_npatterns = ARRAY_SIZE(arm_a32_media_patterns);
