/*
 * Integer ALU instructions: arithmetic and logic with register and
 * immediate operands, shifts and rotates, conditional moves, bit counts,
 * byte swaps, sign extensions and bit-field extract/insert (SPECIAL,
 * SPECIAL2, SPECIAL3 and the immediate major opcodes), 32- and 64-bit.
 *
 * 32-bit operations are computed on i32 values and written back
 * sign-extended (mips_wr_gpr32), so in MIPS64 a 32-bit result is always
 * a properly sign-extended 64-bit register value.
 */
#include "target/mips/translate.h"

/* ---- Add and subtract ------------------------------------------------------ */

/* Raise Integer Overflow when a op b overflowed into r (signed). */
static void gen_overflow_check(struct mips_dc *s, ir_t r, ir_t a, ir_t b,
                               bool sub)
{
    struct ir_ctx *c = s->c;
    enum ir_type ty = ir_temp_type(c, r);
    ir_t ov = ir_new(c, ty), t = ir_new(c, ty);
    ir_label ok = ir_new_label(c);

    ir_xor(c, ov, r, a);
    ir_xor(c, t, a, b);
    if (sub)
        ir_and(c, ov, ov, t);   /* a and b differ, r differs from a */
    else
        ir_andc(c, ov, ov, t);  /* a and b agree, r differs from them */
    ir_brcond(c, IR_COND_GE, ov, ir_const(c, ty, 0), ok);
    ir_raise(c, MIPS_EXCP_OVERFLOW);
    ir_set_label(c, ok);
}

static void gen_add32(struct mips_dc *s, int rd, ir_t a, ir_t b, bool trap,
                      bool sub)
{
    ir_t r = ir_new_i32(s->c);
    if (sub)
        ir_sub(s->c, r, a, b);
    else
        ir_add(s->c, r, a, b);
    if (trap)
        gen_overflow_check(s, r, a, b, sub);
    mips_wr_gpr32(s, rd, r);
}

static void gen_add64(struct mips_dc *s, int rd, ir_t a, ir_t b, bool trap,
                      bool sub)
{
    ir_t r = mips_new(s);
    if (sub)
        ir_sub(s->c, r, a, b);
    else
        ir_add(s->c, r, a, b);
    if (trap)
        gen_overflow_check(s, r, a, b, sub);
    mips_wr_gpr(s, rd, r);
}

static bool trans_ADD(struct mips_dc *s, uint32_t i)
{
    gen_add32(s, RD(i), mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)),
              true, false);
    return true;
}

static bool trans_ADDU(struct mips_dc *s, uint32_t i)
{
    gen_add32(s, RD(i), mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)),
              false, false);
    return true;
}

static bool trans_SUB(struct mips_dc *s, uint32_t i)
{
    gen_add32(s, RD(i), mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)),
              true, true);
    return true;
}

static bool trans_SUBU(struct mips_dc *s, uint32_t i)
{
    gen_add32(s, RD(i), mips_rd_gpr32(s, RS(i)), mips_rd_gpr32(s, RT(i)),
              false, true);
    return true;
}

static bool trans_ADDI(struct mips_dc *s, uint32_t i)
{
    gen_add32(s, RT(i), mips_rd_gpr32(s, RS(i)),
              ir_const_i32(s->c, (uint32_t)SIMM(i)), true, false);
    return true;
}

static bool trans_ADDIU(struct mips_dc *s, uint32_t i)
{
    gen_add32(s, RT(i), mips_rd_gpr32(s, RS(i)),
              ir_const_i32(s->c, (uint32_t)SIMM(i)), false, false);
    return true;
}

static bool trans_DADD(struct mips_dc *s, uint32_t i)
{
    gen_add64(s, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)), true,
              false);
    return true;
}

static bool trans_DADDU(struct mips_dc *s, uint32_t i)
{
    gen_add64(s, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)), false,
              false);
    return true;
}

static bool trans_DSUB(struct mips_dc *s, uint32_t i)
{
    gen_add64(s, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)), true,
              true);
    return true;
}

static bool trans_DSUBU(struct mips_dc *s, uint32_t i)
{
    gen_add64(s, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)), false,
              true);
    return true;
}

static bool trans_DADDI(struct mips_dc *s, uint32_t i)
{
    gen_add64(s, RT(i), mips_rd_gpr(s, RS(i)), mips_const(s, (int64_t)SIMM(i)),
              true, false);
    return true;
}

static bool trans_DADDIU(struct mips_dc *s, uint32_t i)
{
    gen_add64(s, RT(i), mips_rd_gpr(s, RS(i)), mips_const(s, (int64_t)SIMM(i)),
              false, false);
    return true;
}

/* ---- Compare ------------------------------------------------------------------ */

static void gen_setcond(struct mips_dc *s, enum ir_cond cond, int rd, ir_t a,
                        ir_t b)
{
    if (rd == 0)
        return;
    ir_t r = mips_new(s);
    ir_setcond(s->c, cond, r, a, b);
    mips_wr_gpr(s, rd, r);
}

static bool trans_SLT(struct mips_dc *s, uint32_t i)
{
    gen_setcond(s, IR_COND_LT, RD(i), mips_rd_gpr(s, RS(i)),
                mips_rd_gpr(s, RT(i)));
    return true;
}

static bool trans_SLTU(struct mips_dc *s, uint32_t i)
{
    gen_setcond(s, IR_COND_LTU, RD(i), mips_rd_gpr(s, RS(i)),
                mips_rd_gpr(s, RT(i)));
    return true;
}

/* Both immediates are sign-extended; SLTIU then compares unsigned. */
static bool trans_SLTI(struct mips_dc *s, uint32_t i)
{
    gen_setcond(s, IR_COND_LT, RT(i), mips_rd_gpr(s, RS(i)),
                mips_const(s, (int64_t)SIMM(i)));
    return true;
}

static bool trans_SLTIU(struct mips_dc *s, uint32_t i)
{
    gen_setcond(s, IR_COND_LTU, RT(i), mips_rd_gpr(s, RS(i)),
                mips_const(s, (int64_t)SIMM(i)));
    return true;
}

/* ---- Logic ---------------------------------------------------------------------- */

typedef void logic_fn(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);

static void gen_logic(struct mips_dc *s, logic_fn *fn, int rd, ir_t a, ir_t b)
{
    if (rd == 0)
        return;
    ir_t r = mips_new(s);
    fn(s->c, r, a, b);
    mips_wr_gpr(s, rd, r);
}

static bool trans_AND(struct mips_dc *s, uint32_t i)
{
    gen_logic(s, ir_and, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    return true;
}

static bool trans_OR(struct mips_dc *s, uint32_t i)
{
    gen_logic(s, ir_or, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    return true;
}

static bool trans_XOR(struct mips_dc *s, uint32_t i)
{
    gen_logic(s, ir_xor, RD(i), mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    return true;
}

static bool trans_NOR(struct mips_dc *s, uint32_t i)
{
    if (RD(i) == 0)
        return true;
    ir_t r = mips_new(s);
    ir_or(s->c, r, mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    ir_not(s->c, r, r);
    mips_wr_gpr(s, RD(i), r);
    return true;
}

/* Logical immediates are zero-extended. */
static bool trans_ANDI(struct mips_dc *s, uint32_t i)
{
    gen_logic(s, ir_and, RT(i), mips_rd_gpr(s, RS(i)), mips_const(s, IMM(i)));
    return true;
}

static bool trans_ORI(struct mips_dc *s, uint32_t i)
{
    gen_logic(s, ir_or, RT(i), mips_rd_gpr(s, RS(i)), mips_const(s, IMM(i)));
    return true;
}

static bool trans_XORI(struct mips_dc *s, uint32_t i)
{
    gen_logic(s, ir_xor, RT(i), mips_rd_gpr(s, RS(i)), mips_const(s, IMM(i)));
    return true;
}

static bool trans_LUI(struct mips_dc *s, uint32_t i)
{
    if (RT(i))
        ir_movi(s->c, mips_gpr[RT(i)],
                mips_addr(s, (uint64_t)(int64_t)(int32_t)(IMM(i) << 16)));
    return true;
}

/* ---- Shifts and rotates ------------------------------------------------------- */

enum shift_kind { SH_SLL, SH_SRL, SH_SRA, SH_ROTR };

static void gen_shift32(struct mips_dc *s, int rd, ir_t v, ir_t count,
                        enum shift_kind k)
{
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i32(c);
    switch (k) {
    case SH_SLL: ir_shl(c, r, v, count); break;
    case SH_SRL: ir_shr(c, r, v, count); break;
    case SH_SRA: ir_sar(c, r, v, count); break;
    case SH_ROTR: ir_rotr(c, r, v, count); break;
    }
    mips_wr_gpr32(s, rd, r);
}

static void gen_shift64(struct mips_dc *s, int rd, ir_t v, ir_t count,
                        enum shift_kind k)
{
    struct ir_ctx *c = s->c;
    ir_t r = mips_new(s);
    switch (k) {
    case SH_SLL: ir_shl(c, r, v, count); break;
    case SH_SRL: ir_shr(c, r, v, count); break;
    case SH_SRA: ir_sar(c, r, v, count); break;
    case SH_ROTR: ir_rotr(c, r, v, count); break;
    }
    mips_wr_gpr(s, rd, r);
}

static bool shift_imm(struct mips_dc *s, uint32_t i, enum shift_kind k)
{
    if (RD(i))
        gen_shift32(s, RD(i), mips_rd_gpr32(s, RT(i)),
                    ir_const_i32(s->c, SA(i)), k);
    return true;
}

/* Variable shifts use the low 5 bits of rs (the IR shifts modulo 32). */
static bool shift_var(struct mips_dc *s, uint32_t i, enum shift_kind k)
{
    if (RD(i))
        gen_shift32(s, RD(i), mips_rd_gpr32(s, RT(i)),
                    mips_rd_gpr32(s, RS(i)), k);
    return true;
}

static bool dshift_imm(struct mips_dc *s, uint32_t i, enum shift_kind k,
                       int plus)
{
    if (RD(i))
        gen_shift64(s, RD(i), mips_rd_gpr(s, RT(i)),
                    mips_const(s, SA(i) + plus), k);
    return true;
}

static bool dshift_var(struct mips_dc *s, uint32_t i, enum shift_kind k)
{
    if (RD(i))
        gen_shift64(s, RD(i), mips_rd_gpr(s, RT(i)), mips_rd_gpr(s, RS(i)), k);
    return true;
}

static bool trans_SLL(struct mips_dc *s, uint32_t i) { return shift_imm(s, i, SH_SLL); }
static bool trans_SRL(struct mips_dc *s, uint32_t i) { return shift_imm(s, i, SH_SRL); }
static bool trans_ROTR(struct mips_dc *s, uint32_t i) { return shift_imm(s, i, SH_ROTR); }
static bool trans_SRA(struct mips_dc *s, uint32_t i) { return shift_imm(s, i, SH_SRA); }
static bool trans_SLLV(struct mips_dc *s, uint32_t i) { return shift_var(s, i, SH_SLL); }
static bool trans_SRLV(struct mips_dc *s, uint32_t i) { return shift_var(s, i, SH_SRL); }
static bool trans_ROTRV(struct mips_dc *s, uint32_t i) { return shift_var(s, i, SH_ROTR); }
static bool trans_SRAV(struct mips_dc *s, uint32_t i) { return shift_var(s, i, SH_SRA); }
static bool trans_DSLL(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_SLL, 0); }
static bool trans_DSRL(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_SRL, 0); }
static bool trans_DROTR(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_ROTR, 0); }
static bool trans_DSRA(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_SRA, 0); }
static bool trans_DSLL32(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_SLL, 32); }
static bool trans_DSRL32(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_SRL, 32); }
static bool trans_DROTR32(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_ROTR, 32); }
static bool trans_DSRA32(struct mips_dc *s, uint32_t i) { return dshift_imm(s, i, SH_SRA, 32); }
static bool trans_DSLLV(struct mips_dc *s, uint32_t i) { return dshift_var(s, i, SH_SLL); }
static bool trans_DSRLV(struct mips_dc *s, uint32_t i) { return dshift_var(s, i, SH_SRL); }
static bool trans_DROTRV(struct mips_dc *s, uint32_t i) { return dshift_var(s, i, SH_ROTR); }
static bool trans_DSRAV(struct mips_dc *s, uint32_t i) { return dshift_var(s, i, SH_SRA); }

/* ---- Conditional moves ---------------------------------------------------------- */

static bool gen_movcond(struct mips_dc *s, uint32_t i, enum ir_cond cond)
{
    if (RD(i) == 0)
        return true;
    ir_movcond(s->c, cond, mips_gpr[RD(i)], mips_rd_gpr(s, RT(i)),
               mips_const(s, 0), mips_rd_gpr(s, RS(i)), mips_gpr[RD(i)]);
    return true;
}

static bool trans_MOVZ(struct mips_dc *s, uint32_t i)
{
    return gen_movcond(s, i, IR_COND_EQ);
}

static bool trans_MOVN(struct mips_dc *s, uint32_t i)
{
    return gen_movcond(s, i, IR_COND_NE);
}

/* ---- Bit counts (SPECIAL2) -------------------------------------------------------- */

/* The manual requires rt == rd in these encodings; both are written. */
static bool gen_clz32(struct mips_dc *s, uint32_t i, bool ones)
{
    ir_t v = mips_rd_gpr32(s, RS(i)), r = ir_new_i32(s->c);
    if (ones) {
        ir_not(s->c, r, v);
        ir_clz(s->c, r, r);
    } else {
        ir_clz(s->c, r, v);
    }
    mips_wr_gpr32(s, RD(i), r);
    return true;
}

static bool gen_clz64(struct mips_dc *s, uint32_t i, bool ones)
{
    ir_t r = mips_new(s);
    if (ones) {
        ir_not(s->c, r, mips_rd_gpr(s, RS(i)));
        ir_clz(s->c, r, r);
    } else {
        ir_clz(s->c, r, mips_rd_gpr(s, RS(i)));
    }
    mips_wr_gpr(s, RD(i), r);
    return true;
}

static bool trans_CLZ(struct mips_dc *s, uint32_t i) { return gen_clz32(s, i, false); }
static bool trans_CLO(struct mips_dc *s, uint32_t i) { return gen_clz32(s, i, true); }
static bool trans_DCLZ(struct mips_dc *s, uint32_t i) { return gen_clz64(s, i, false); }
static bool trans_DCLO(struct mips_dc *s, uint32_t i) { return gen_clz64(s, i, true); }

/* ---- Byte shuffles and sign extension (SPECIAL3 BSHFL/DBSHFL) --------------------- */

static bool trans_SEB(struct mips_dc *s, uint32_t i)
{
    ir_t r = ir_new_i32(s->c);
    ir_ext8s(s->c, r, mips_rd_gpr32(s, RT(i)));
    mips_wr_gpr32(s, RD(i), r);
    return true;
}

static bool trans_SEH(struct mips_dc *s, uint32_t i)
{
    ir_t r = ir_new_i32(s->c);
    ir_ext16s(s->c, r, mips_rd_gpr32(s, RT(i)));
    mips_wr_gpr32(s, RD(i), r);
    return true;
}

/* Swap the bytes of each halfword: the mask selects the bytes that move
 * down. */
static void gen_swap_pairs(struct mips_dc *s, ir_t d, ir_t v, unsigned sh,
                           uint64_t mask)
{
    struct ir_ctx *c = s->c;
    enum ir_type ty = ir_temp_type(c, v);
    ir_t a = ir_new(c, ty), b = ir_new(c, ty);
    ir_shri(c, a, v, sh);
    ir_andi(c, a, a, mask);
    ir_shli(c, b, v, sh);
    ir_andi(c, b, b, ~mask & (ty == IR_I32 ? 0xffffffffu : ~0ull));
    ir_or(c, d, a, b);
}

static bool trans_WSBH(struct mips_dc *s, uint32_t i)
{
    ir_t r = ir_new_i32(s->c);
    gen_swap_pairs(s, r, mips_rd_gpr32(s, RT(i)), 8, 0x00ff00ffu);
    mips_wr_gpr32(s, RD(i), r);
    return true;
}

static bool trans_DSBH(struct mips_dc *s, uint32_t i)
{
    ir_t r = mips_new(s);
    gen_swap_pairs(s, r, mips_rd_gpr(s, RT(i)), 8, 0x00ff00ff00ff00ffull);
    mips_wr_gpr(s, RD(i), r);
    return true;
}

static bool trans_DSHD(struct mips_dc *s, uint32_t i)
{
    ir_t r = mips_new(s);
    gen_swap_pairs(s, r, mips_rd_gpr(s, RT(i)), 16, 0x0000ffff0000ffffull);
    ir_rotri(s->c, r, r, 32);
    mips_wr_gpr(s, RD(i), r);
    return true;
}

/* ---- Bit fields (SPECIAL3) ------------------------------------------------------------ */

/* EXT rt, rs, pos, size: msbd (size - 1) in rd, lsb in sa. */
static bool trans_EXT(struct mips_dc *s, uint32_t i)
{
    unsigned lsb = SA(i), size = RD(i) + 1;
    if (lsb + size > 32)
        return false;
    ir_t r = ir_new_i32(s->c);
    if (size == 32)
        ir_mov(s->c, r, mips_rd_gpr32(s, RS(i)));
    else
        ir_extract(s->c, r, mips_rd_gpr32(s, RS(i)), lsb, size);
    mips_wr_gpr32(s, RT(i), r);
    return true;
}

/* INS rt, rs, pos, size: msb (pos + size - 1) in rd, lsb in sa. */
static bool trans_INS(struct mips_dc *s, uint32_t i)
{
    unsigned lsb = SA(i), msb = RD(i);
    if (msb < lsb)
        return false;
    ir_t r = ir_new_i32(s->c);
    if (msb - lsb + 1 == 32)
        ir_mov(s->c, r, mips_rd_gpr32(s, RS(i)));
    else
        ir_deposit(s->c, r, mips_rd_gpr32(s, RT(i)), mips_rd_gpr32(s, RS(i)),
                   lsb, msb - lsb + 1);
    mips_wr_gpr32(s, RT(i), r);
    return true;
}

static bool gen_dext(struct mips_dc *s, uint32_t i, unsigned lsb,
                     unsigned size)
{
    if (lsb + size > 64)
        return false;
    ir_t r = mips_new(s);
    if (size == 64)
        ir_mov(s->c, r, mips_rd_gpr(s, RS(i)));
    else
        ir_extract(s->c, r, mips_rd_gpr(s, RS(i)), lsb, size);
    mips_wr_gpr(s, RT(i), r);
    return true;
}

static bool gen_dins(struct mips_dc *s, uint32_t i, unsigned lsb,
                     unsigned msb)
{
    if (msb < lsb || msb > 63)
        return false;
    ir_t r = mips_new(s);
    if (msb - lsb + 1 == 64)
        ir_mov(s->c, r, mips_rd_gpr(s, RS(i)));
    else
        ir_deposit(s->c, r, mips_rd_gpr(s, RT(i)), mips_rd_gpr(s, RS(i)), lsb,
                   msb - lsb + 1);
    mips_wr_gpr(s, RT(i), r);
    return true;
}

static bool trans_DEXT(struct mips_dc *s, uint32_t i)
{
    return gen_dext(s, i, SA(i), RD(i) + 1);
}

static bool trans_DEXTM(struct mips_dc *s, uint32_t i)
{
    return gen_dext(s, i, SA(i), RD(i) + 33);
}

static bool trans_DEXTU(struct mips_dc *s, uint32_t i)
{
    return gen_dext(s, i, SA(i) + 32, RD(i) + 1);
}

static bool trans_DINS(struct mips_dc *s, uint32_t i)
{
    return gen_dins(s, i, SA(i), RD(i));
}

static bool trans_DINSM(struct mips_dc *s, uint32_t i)
{
    return gen_dins(s, i, SA(i), RD(i) + 32);
}

static bool trans_DINSU(struct mips_dc *s, uint32_t i)
{
    return gen_dins(s, i, SA(i) + 32, RD(i) + 32);
}

/* ---- The table ---------------------------------------------------------------------- */

#define SPECIAL(f) ((0x00u << 26) | (f))
#define SPECIAL2(f) ((0x1cu << 26) | (f))
#define SPECIAL3(f) ((0x1fu << 26) | (f))
#define MAJOR(op) ((uint32_t)(op) << 26)
#define I32 MIPS_ISA_32
#define I64 MIPS_ISA_64

const struct mips_pattern mips_alu_patterns[] = {
    /* Major opcodes: immediate arithmetic and logic. */
    P(M_OP, MAJOR(0x08), ADDI, I32),
    P(M_OP, MAJOR(0x09), ADDIU, I32),
    P(M_OP, MAJOR(0x0a), SLTI, I32),
    P(M_OP, MAJOR(0x0b), SLTIU, I32),
    P(M_OP, MAJOR(0x0c), ANDI, I32),
    P(M_OP, MAJOR(0x0d), ORI, I32),
    P(M_OP, MAJOR(0x0e), XORI, I32),
    P(0xffe00000u, MAJOR(0x0f), LUI, I32),
    P(M_OP, MAJOR(0x18), DADDI, I64),
    P(M_OP, MAJOR(0x19), DADDIU, I64),

    /* SPECIAL: shifts (ROTR/ROTRV are SRL/SRLV with bit 21 / bit 6 set). */
    P(0xffe0003fu, SPECIAL(0x00), SLL, I32),
    P(0xffe0003fu, SPECIAL(0x02), SRL, I32),
    P(0xffe0003fu, SPECIAL(0x02) | 1u << 21, ROTR, I32),
    P(0xffe0003fu, SPECIAL(0x03), SRA, I32),
    P(M_SPECIAL, SPECIAL(0x04), SLLV, I32),
    P(M_SPECIAL, SPECIAL(0x06), SRLV, I32),
    P(M_SPECIAL, SPECIAL(0x06) | 1u << 6, ROTRV, I32),
    P(M_SPECIAL, SPECIAL(0x07), SRAV, I32),
    P(M_SPECIAL, SPECIAL(0x0a), MOVZ, I32),
    P(M_SPECIAL, SPECIAL(0x0b), MOVN, I32),
    P(M_SPECIAL, SPECIAL(0x14), DSLLV, I64),
    P(M_SPECIAL, SPECIAL(0x16), DSRLV, I64),
    P(M_SPECIAL, SPECIAL(0x16) | 1u << 6, DROTRV, I64),
    P(M_SPECIAL, SPECIAL(0x17), DSRAV, I64),

    /* SPECIAL: arithmetic and logic. */
    P(M_SPECIAL, SPECIAL(0x20), ADD, I32),
    P(M_SPECIAL, SPECIAL(0x21), ADDU, I32),
    P(M_SPECIAL, SPECIAL(0x22), SUB, I32),
    P(M_SPECIAL, SPECIAL(0x23), SUBU, I32),
    P(M_SPECIAL, SPECIAL(0x24), AND, I32),
    P(M_SPECIAL, SPECIAL(0x25), OR, I32),
    P(M_SPECIAL, SPECIAL(0x26), XOR, I32),
    P(M_SPECIAL, SPECIAL(0x27), NOR, I32),
    P(M_SPECIAL, SPECIAL(0x2a), SLT, I32),
    P(M_SPECIAL, SPECIAL(0x2b), SLTU, I32),
    P(M_SPECIAL, SPECIAL(0x2c), DADD, I64),
    P(M_SPECIAL, SPECIAL(0x2d), DADDU, I64),
    P(M_SPECIAL, SPECIAL(0x2e), DSUB, I64),
    P(M_SPECIAL, SPECIAL(0x2f), DSUBU, I64),

    /* SPECIAL: 64-bit shifts by immediate. */
    P(0xffe0003fu, SPECIAL(0x38), DSLL, I64),
    P(0xffe0003fu, SPECIAL(0x3a), DSRL, I64),
    P(0xffe0003fu, SPECIAL(0x3a) | 1u << 21, DROTR, I64),
    P(0xffe0003fu, SPECIAL(0x3b), DSRA, I64),
    P(0xffe0003fu, SPECIAL(0x3c), DSLL32, I64),
    P(0xffe0003fu, SPECIAL(0x3e), DSRL32, I64),
    P(0xffe0003fu, SPECIAL(0x3e) | 1u << 21, DROTR32, I64),
    P(0xffe0003fu, SPECIAL(0x3f), DSRA32, I64),

    /* SPECIAL2: bit counts. */
    P(M_SPECIAL, SPECIAL2(0x20), CLZ, I32),
    P(M_SPECIAL, SPECIAL2(0x21), CLO, I32),
    P(M_SPECIAL, SPECIAL2(0x24), DCLZ, I64),
    P(M_SPECIAL, SPECIAL2(0x25), DCLO, I64),

    /* SPECIAL3: bit fields and BSHFL/DBSHFL (op in sa). */
    P(M_FUNC, SPECIAL3(0x00), EXT, I32),
    P(M_FUNC, SPECIAL3(0x01), DEXTM, I64),
    P(M_FUNC, SPECIAL3(0x02), DEXTU, I64),
    P(M_FUNC, SPECIAL3(0x03), DEXT, I64),
    P(M_FUNC, SPECIAL3(0x04), INS, I32),
    P(M_FUNC, SPECIAL3(0x05), DINSM, I64),
    P(M_FUNC, SPECIAL3(0x06), DINSU, I64),
    P(M_FUNC, SPECIAL3(0x07), DINS, I64),
    P(0xffe007ffu, SPECIAL3(0x20) | 0x02u << 6, WSBH, I32),
    P(0xffe007ffu, SPECIAL3(0x20) | 0x10u << 6, SEB, I32),
    P(0xffe007ffu, SPECIAL3(0x20) | 0x18u << 6, SEH, I32),
    P(0xffe007ffu, SPECIAL3(0x24) | 0x02u << 6, DSBH, I64),
    P(0xffe007ffu, SPECIAL3(0x24) | 0x05u << 6, DSHD, I64),
};
MIPS_TABLE_END(mips_alu_patterns);
