/*
 * A32 multiplies: MUL/MLA, the long multiplies, and the ARMv5TE DSP
 * halfword multiplies (SMULxy, SMLAxy, SMULWy, SMLAWy, SMLALxy).
 * Register fields: Rd/RdHi 19:16, Rn/RdLo 15:12, Rs 11:8, Rm 3:0.
 * S forms set N and Z; C and V are unchanged (ARMv5 and later).
 */
#include "target/arm/translate.h"
#include "util/bits.h"

#define RD(i) extract32(i, 16, 4)
#define RN(i) extract32(i, 12, 4)
#define RS(i) extract32(i, 8, 4)
#define RM(i) extract32(i, 0, 4)

static bool any_pc(int a, int b, int c, int d)
{
    return a == 15 || b == 15 || c == 15 || d == 15;
}

static bool gen_mul(struct arm_dc *s, uint32_t insn, bool acc)
{
    struct ir_ctx *c = s->c;
    if (any_pc(RD(insn), RS(insn), RM(insn), acc ? RN(insn) : 0))
        return false;
    ir_t r = ir_new_i32(c);
    ir_mul(c, r, arm_load_reg(s, RM(insn)), arm_load_reg(s, RS(insn)));
    if (acc)
        ir_add(c, r, r, arm_load_reg(s, RN(insn)));
    if (insn & (1u << 20))
        arm_gen_logic_flags(s, r);
    arm_store_reg(s, RD(insn), r);
    return true;
}

static bool trans_MUL(struct arm_dc *s, uint32_t insn)
{
    return gen_mul(s, insn, false);
}

static bool trans_MLA(struct arm_dc *s, uint32_t insn)
{
    return gen_mul(s, insn, true);
}

/* RdHi:RdLo = Rm * Rs [+ RdHi:RdLo], signed or unsigned. */
static bool gen_mull(struct arm_dc *s, uint32_t insn, bool is_signed,
                     bool acc)
{
    struct ir_ctx *c = s->c;
    int hi_r = RD(insn), lo_r = RN(insn);
    if (any_pc(hi_r, lo_r, RS(insn), RM(insn)) || hi_r == lo_r)
        return false;
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    ir_t a = arm_load_reg(s, RM(insn)), b = arm_load_reg(s, RS(insn));
    if (is_signed)
        ir_muls2(c, lo, hi, a, b);
    else
        ir_mulu2(c, lo, hi, a, b);
    if (acc) {
        ir_t p = ir_new_i64(c), q = ir_new_i64(c);
        ir_concat_i32_i64(c, p, lo, hi);
        ir_concat_i32_i64(c, q, arm_R[lo_r], arm_R[hi_r]);
        ir_add(c, p, p, q);
        ir_extrl_i64_i32(c, lo, p);
        ir_extrh_i64_i32(c, hi, p);
    }
    if (insn & (1u << 20)) {
        ir_mov(c, arm_NF, hi);
        ir_or(c, arm_ZF, lo, hi);
    }
    arm_store_reg(s, lo_r, lo);
    arm_store_reg(s, hi_r, hi);
    return true;
}

static bool trans_UMULL(struct arm_dc *s, uint32_t insn)
{
    return gen_mull(s, insn, false, false);
}

static bool trans_UMLAL(struct arm_dc *s, uint32_t insn)
{
    return gen_mull(s, insn, false, true);
}

static bool trans_SMULL(struct arm_dc *s, uint32_t insn)
{
    return gen_mull(s, insn, true, false);
}

static bool trans_SMLAL(struct arm_dc *s, uint32_t insn)
{
    return gen_mull(s, insn, true, true);
}

/* ---- ARMv5TE halfword multiplies ---------------------------------------- */

/* The signed halfword of v chosen by bit `sel` (0 = bottom, 1 = top). */
static ir_t gen_half(struct arm_dc *s, ir_t v, bool top)
{
    ir_t h = ir_new_i32(s->c);
    if (top)
        ir_sari(s->c, h, v, 16);
    else
        ir_ext16s(s->c, h, v);
    return h;
}

/* Rm<x> * Rs<y> with x = bit 5, y = bit 6. */
static ir_t gen_mulxy(struct arm_dc *s, uint32_t insn)
{
    ir_t p = ir_new_i32(s->c);
    ir_mul(s->c, p, gen_half(s, arm_load_reg(s, RM(insn)), insn & (1u << 5)),
           gen_half(s, arm_load_reg(s, RS(insn)), insn & (1u << 6)));
    return p;
}

static bool trans_SMULxy(struct arm_dc *s, uint32_t insn)
{
    if (any_pc(RD(insn), RS(insn), RM(insn), 0))
        return false;
    arm_store_reg(s, RD(insn), gen_mulxy(s, insn));
    return true;
}

/* The product of two halfwords cannot overflow; the accumulate can, and
 * then sets Q (the result wraps, it does not saturate). */
static bool trans_SMLAxy(struct arm_dc *s, uint32_t insn)
{
    if (any_pc(RD(insn), RS(insn), RM(insn), RN(insn)))
        return false;
    ir_t p = gen_mulxy(s, insn), a = arm_load_reg(s, RN(insn));
    ir_t r = ir_new_i32(s->c);
    ir_add(s->c, r, p, a);
    arm_gen_add_setq(s, r, p, a);
    arm_store_reg(s, RD(insn), r);
    return true;
}

/* Bits 47:16 of the 48-bit product Rm * Rs<y>, y = bit 6. */
static ir_t gen_mulwy(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c), r = ir_new_i32(c);
    ir_muls2(c, lo, hi, arm_load_reg(s, RM(insn)),
             gen_half(s, arm_load_reg(s, RS(insn)), insn & (1u << 6)));
    ir_shri(c, lo, lo, 16);
    ir_shli(c, hi, hi, 16);
    ir_or(c, r, lo, hi);
    return r;
}

static bool trans_SMULWy(struct arm_dc *s, uint32_t insn)
{
    if (any_pc(RD(insn), RS(insn), RM(insn), 0))
        return false;
    arm_store_reg(s, RD(insn), gen_mulwy(s, insn));
    return true;
}

static bool trans_SMLAWy(struct arm_dc *s, uint32_t insn)
{
    if (any_pc(RD(insn), RS(insn), RM(insn), RN(insn)))
        return false;
    ir_t p = gen_mulwy(s, insn), a = arm_load_reg(s, RN(insn));
    ir_t r = ir_new_i32(s->c);
    ir_add(s->c, r, p, a);
    arm_gen_add_setq(s, r, p, a);
    arm_store_reg(s, RD(insn), r);
    return true;
}

/* RdHi:RdLo += Rm<x> * Rs<y> (64-bit, no flags, no Q). */
static bool trans_SMLALxy(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int hi_r = RD(insn), lo_r = RN(insn);
    if (any_pc(hi_r, lo_r, RS(insn), RM(insn)) || hi_r == lo_r)
        return false;
    ir_t p = gen_mulxy(s, insn);
    ir_t p64 = ir_new_i64(c), acc = ir_new_i64(c);
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    ir_exts_i32_i64(c, p64, p);
    ir_concat_i32_i64(c, acc, arm_R[lo_r], arm_R[hi_r]);
    ir_add(c, acc, acc, p64);
    ir_extrl_i64_i32(c, lo, acc);
    ir_extrh_i64_i32(c, hi, acc);
    arm_store_reg(s, lo_r, lo);
    arm_store_reg(s, hi_r, hi);
    return true;
}

/* UMAAL RdLo, RdHi, Rn, Rm: RdHi 19:16, RdLo 15:12, Rm 11:8, Rn 3:0. */
static bool trans_UMAAL(struct arm_dc *s, uint32_t insn)
{
    int hi = RD(insn), lo = RN(insn);
    if (any_pc(hi, lo, RS(insn), RM(insn)) || hi == lo)
        return false;
    arm_gen_umaal(s, lo, hi, RM(insn), RS(insn));
    return true;
}

/* MLS Rd, Rn, Rm, Ra: Rd = Ra - Rn * Rm (Rd 19:16, Ra 15:12, Rm 11:8,
 * Rn 3:0). */
static bool trans_MLS(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    if (any_pc(RD(insn), RS(insn), RM(insn), RN(insn)))
        return false;
    ir_t r = ir_new_i32(c);
    ir_mul(c, r, arm_load_reg(s, RM(insn)), arm_load_reg(s, RS(insn)));
    ir_sub(c, r, arm_load_reg(s, RN(insn)), r);
    arm_store_reg(s, RD(insn), r);
    return true;
}

const struct arm_pattern arm_a32_mul_patterns[] = {
    { 0x0ff000f0, 0x00400090, "UMAAL", trans_UMAAL, ARM_FEATURE_V6 },
    { 0x0ff000f0, 0x00600090, "MLS", trans_MLS, ARM_FEATURE_THUMB2 },
    { 0x0fe000f0, 0x00000090, "MUL", trans_MUL, ARM_NOFEAT },
    { 0x0fe000f0, 0x00200090, "MLA", trans_MLA, ARM_NOFEAT },
    { 0x0fe000f0, 0x00800090, "UMULL", trans_UMULL, ARM_NOFEAT },
    { 0x0fe000f0, 0x00a00090, "UMLAL", trans_UMLAL, ARM_NOFEAT },
    { 0x0fe000f0, 0x00c00090, "SMULL", trans_SMULL, ARM_NOFEAT },
    { 0x0fe000f0, 0x00e00090, "SMLAL", trans_SMLAL, ARM_NOFEAT },
    { 0x0ff00090, 0x01000080, "SMLAxy", trans_SMLAxy, ARM_FEATURE_V5TE },
    { 0x0ff000b0, 0x01200080, "SMLAWy", trans_SMLAWy, ARM_FEATURE_V5TE },
    { 0x0ff000b0, 0x012000a0, "SMULWy", trans_SMULWy, ARM_FEATURE_V5TE },
    { 0x0ff00090, 0x01400080, "SMLALxy", trans_SMLALxy, ARM_FEATURE_V5TE },
    { 0x0ff00090, 0x01600080, "SMULxy", trans_SMULxy, ARM_FEATURE_V5TE },
};
const int arm_a32_mul_npatterns = ARRAY_SIZE(arm_a32_mul_patterns);
