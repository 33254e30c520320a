/*
 * Multiply and divide: the HI/LO unit (MULT, DIV, MADD, MSUB and their
 * unsigned and 64-bit forms, MFHI/MTHI/MFLO/MTLO) and the three-operand
 * MUL of SPECIAL2.
 *
 * Division by zero leaves HI and LO UNPREDICTABLE in the architecture;
 * the IR's rules (quotient 0, remainder the dividend) are what kemu gives.
 * Compilers guard divisions with a TEQ divisor, $zero, 7 that traps.
 */
#include "target/mips/translate.h"

static bool trans_MFHI(struct mips_dc *s, uint32_t i)
{
    mips_wr_gpr(s, RD(i), mips_hi);
    return true;
}

static bool trans_MFLO(struct mips_dc *s, uint32_t i)
{
    mips_wr_gpr(s, RD(i), mips_lo);
    return true;
}

static bool trans_MTHI(struct mips_dc *s, uint32_t i)
{
    ir_mov(s->c, mips_hi, mips_rd_gpr(s, RS(i)));
    return true;
}

static bool trans_MTLO(struct mips_dc *s, uint32_t i)
{
    ir_mov(s->c, mips_lo, mips_rd_gpr(s, RS(i)));
    return true;
}

/* (HI, LO) = sign-extended 32-bit halves. */
static void gen_set_hilo32(struct mips_dc *s, ir_t lo32, ir_t hi32)
{
    mips_sext32(s, mips_lo, lo32);
    mips_sext32(s, mips_hi, hi32);
}

static bool gen_mult(struct mips_dc *s, uint32_t i, bool sign)
{
    struct ir_ctx *c = s->c;
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
    if (sign)
        ir_muls2(c, lo, hi, mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)));
    else
        ir_mulu2(c, lo, hi, mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)));
    gen_set_hilo32(s, lo, hi);
    return true;
}

static bool trans_MULT(struct mips_dc *s, uint32_t i) { return gen_mult(s, i, true); }
static bool trans_MULTU(struct mips_dc *s, uint32_t i) { return gen_mult(s, i, false); }

static bool gen_div(struct mips_dc *s, uint32_t i, bool sign)
{
    struct ir_ctx *c = s->c;
    ir_t a = mips_rd_gpr32(s, RS(i)), b = mips_rd_gpr32(s, RT(i));
    ir_t q = ir_new_i32(c), r = ir_new_i32(c);
    if (sign) {
        ir_div(c, q, a, b);
        ir_rem(c, r, a, b);
    } else {
        ir_divu(c, q, a, b);
        ir_remu(c, r, a, b);
    }
    gen_set_hilo32(s, q, r);
    return true;
}

static bool trans_DIV(struct mips_dc *s, uint32_t i) { return gen_div(s, i, true); }
static bool trans_DIVU(struct mips_dc *s, uint32_t i) { return gen_div(s, i, false); }

static bool gen_dmult(struct mips_dc *s, uint32_t i, bool sign)
{
    struct ir_ctx *c = s->c;
    ir_t lo = ir_new_i64(c), hi = ir_new_i64(c);
    if (sign)
        ir_muls2(c, lo, hi, mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    else
        ir_mulu2(c, lo, hi, mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    ir_mov(c, mips_lo, lo);
    ir_mov(c, mips_hi, hi);
    return true;
}

static bool trans_DMULT(struct mips_dc *s, uint32_t i) { return gen_dmult(s, i, true); }
static bool trans_DMULTU(struct mips_dc *s, uint32_t i) { return gen_dmult(s, i, false); }

static bool gen_ddiv(struct mips_dc *s, uint32_t i, bool sign)
{
    struct ir_ctx *c = s->c;
    ir_t a = mips_rd_gpr(s, RS(i)), b = mips_rd_gpr(s, RT(i));
    ir_t q = ir_new_i64(c), r = ir_new_i64(c);
    if (sign) {
        ir_div(c, q, a, b);
        ir_rem(c, r, a, b);
    } else {
        ir_divu(c, q, a, b);
        ir_remu(c, r, a, b);
    }
    ir_mov(c, mips_lo, q);
    ir_mov(c, mips_hi, r);
    return true;
}

static bool trans_DDIV(struct mips_dc *s, uint32_t i) { return gen_ddiv(s, i, true); }
static bool trans_DDIVU(struct mips_dc *s, uint32_t i) { return gen_ddiv(s, i, false); }

/* MADD/MSUB(U): (HI:LO) +/-= rs * rt as a 64-bit accumulator. */
static bool gen_madd(struct mips_dc *s, uint32_t i, bool sign, bool sub)
{
    struct ir_ctx *c = s->c;
    ir_t acc = ir_new_i64(c), a = ir_new_i64(c), b = ir_new_i64(c);
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);

    ir_t lo_in, hi_in;
    if (s->is64) {
        lo_in = ir_new_i32(c);
        hi_in = ir_new_i32(c);
        ir_extrl_i64_i32(c, lo_in, mips_lo);
        ir_extrl_i64_i32(c, hi_in, mips_hi);
    } else {
        lo_in = mips_lo;
        hi_in = mips_hi;
    }
    ir_concat_i32_i64(c, acc, lo_in, hi_in);
    if (sign) {
        ir_exts_i32_i64(c, a, mips_rd_gpr32(s, RS(i)));
        ir_exts_i32_i64(c, b, mips_rd_gpr32(s, RT(i)));
    } else {
        ir_extu_i32_i64(c, a, mips_rd_gpr32(s, RS(i)));
        ir_extu_i32_i64(c, b, mips_rd_gpr32(s, RT(i)));
    }
    ir_mul(c, a, a, b);
    if (sub)
        ir_sub(c, acc, acc, a);
    else
        ir_add(c, acc, acc, a);
    ir_extrl_i64_i32(c, lo, acc);
    ir_extrh_i64_i32(c, hi, acc);
    gen_set_hilo32(s, lo, hi);
    return true;
}

static bool trans_MADD(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, true, false); }
static bool trans_MADDU(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, false, false); }
static bool trans_MSUB(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, true, true); }
static bool trans_MSUBU(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, false, true); }

/* MUL rd, rs, rt: the low 32 bits of the product; HI/LO are left as they
 * are (the manual makes them UNPREDICTABLE). */
static bool trans_MUL(struct mips_dc *s, uint32_t i)
{
    ir_t r = ir_new_i32(s->c);
    ir_mul(s->c, r, mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)));
    mips_wr_gpr32(s, RD(i), r);
    return true;
}

#define SPECIAL(f) ((0x00u << 26) | (f))
#define SPECIAL2(f) ((0x1cu << 26) | (f))
#define I32 MIPS_ISA_32
#define I64 MIPS_ISA_64

const struct mips_pattern mips_muldiv_patterns[] = {
    P(0xffff07ffu, SPECIAL(0x10), MFHI, I32),
    P(0xfc1fffffu, SPECIAL(0x11), MTHI, I32),
    P(0xffff07ffu, SPECIAL(0x12), MFLO, I32),
    P(0xfc1fffffu, SPECIAL(0x13), MTLO, I32),
    P(0xfc00ffffu, SPECIAL(0x18), MULT, I32),
    P(0xfc00ffffu, SPECIAL(0x19), MULTU, I32),
    P(0xfc00ffffu, SPECIAL(0x1a), DIV, I32),
    P(0xfc00ffffu, SPECIAL(0x1b), DIVU, I32),
    P(0xfc00ffffu, SPECIAL(0x1c), DMULT, I64),
    P(0xfc00ffffu, SPECIAL(0x1d), DMULTU, I64),
    P(0xfc00ffffu, SPECIAL(0x1e), DDIV, I64),
    P(0xfc00ffffu, SPECIAL(0x1f), DDIVU, I64),
    P(0xfc00ffffu, SPECIAL2(0x00), MADD, I32),
    P(0xfc00ffffu, SPECIAL2(0x01), MADDU, I32),
    P(M_SPECIAL, SPECIAL2(0x02), MUL, I32),
    P(0xfc00ffffu, SPECIAL2(0x04), MSUB, I32),
    P(0xfc00ffffu, SPECIAL2(0x05), MSUBU, I32),
};
MIPS_TABLE_END(mips_muldiv_patterns);
