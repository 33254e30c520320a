/*
 * FPU instructions (COP1, COP1X, and MOVF/MOVT of SPECIAL): loads and
 * stores, moves to and from the integer registers and FCSR, BC1F/BC1T and
 * their likely forms, arithmetic, conversions, compares, conditional
 * moves and the MADD.fmt family.  The arithmetic itself is in
 * fpu_helpers.c.
 *
 * Register access follows Status.FR (a TB flag): 32-bit values are the
 * low word of fpr[n] in both modes; a 64-bit value is fpr[n] with FR = 1
 * and the even/odd pair fpr[n] (low) : fpr[n+1] (high) with FR = 0, where
 * an odd n is a reserved instruction.
 *
 * Paired single (PS, fmt 22, on models with FIR.PS): a 64-bit register
 * holds two singles, the lower (PL) in bits 31:0 and the upper (PU) in
 * bits 63:32.  PS needs FR = 1 (a reserved instruction with FR = 0).
 */
#include <stddef.h>

#include "target/mips/fpu.h"
#include "target/mips/translate.h"

#define FPR_OFF(n) offsetof(struct mips_cpu, fpr[n])

static ir_t fp_ld32(struct mips_dc *s, int r)
{
    ir_t v = ir_new_i32(s->c);
    ir_ld_env(s->c, v, FPR_OFF(r), MO_32);
    return v;
}

static void fp_st32(struct mips_dc *s, int r, ir_t v)
{
    ir_st_env(s->c, v, FPR_OFF(r), MO_32);
}

/* IR_NONE: an odd register in FR = 0 mode (reserved instruction). */
static ir_t fp_ld64(struct mips_dc *s, int r)
{
    ir_t v = ir_new_i64(s->c);
    if (s->fr) {
        ir_ld_env(s->c, v, FPR_OFF(r), MO_64);
        return v;
    }
    if (r & 1)
        return IR_NONE;
    ir_concat_i32_i64(s->c, v, fp_ld32(s, r), fp_ld32(s, r + 1));
    return v;
}

static void fp_st64(struct mips_dc *s, int r, ir_t v)
{
    if (s->fr) {
        ir_st_env(s->c, v, FPR_OFF(r), MO_64);
        return;
    }
    ir_t lo = ir_new_i32(s->c), hi = ir_new_i32(s->c);
    ir_extrl_i64_i32(s->c, lo, v);
    ir_extrh_i64_i32(s->c, hi, v);
    fp_st32(s, r, lo);
    fp_st32(s, r + 1, hi);
}

static bool fmt_is64(int fmt)
{
    return fmt == FF_D || fmt == FF_L || fmt == FF_PS;
}

static bool fp_reg_ok(struct mips_dc *s, int fmt, int r)
{
    if (fmt == FF_PS)
        return s->fr && s->has_ps;
    return !fmt_is64(fmt) || s->fr || !(r & 1);
}

static ir_t fp_read(struct mips_dc *s, int fmt, int r)
{
    return fmt_is64(fmt) ? fp_ld64(s, r) : fp_ld32(s, r);
}

/* Write a helper's i64 result as fmt. */
static void fp_write(struct mips_dc *s, int fmt, int r, ir_t v64)
{
    if (fmt_is64(fmt)) {
        fp_st64(s, r, v64);
    } else {
        ir_t t = ir_new_i32(s->c);
        ir_extrl_i64_i32(s->c, t, v64);
        fp_st32(s, r, t);
    }
}

ir_t mips_gen_fcc(struct mips_dc *s, int cc)
{
    ir_t f = ir_new_i32(s->c), b = ir_new_i32(s->c);
    ir_ld_env(s->c, f, offsetof(struct mips_cpu, fcsr), MO_32);
    ir_extract(s->c, b, f, cc == 0 ? 23 : 24 + cc, 1);
    return b;
}

/* fmt field (16 S, 17 D, 20 W, 21 L) -> enum mips_ffmt, -1 otherwise. */
static int fmt_of(uint32_t i)
{
    switch (FMT(i)) {
    case 16: return FF_S;
    case 17: return FF_D;
    case 20: return FF_W;
    case 21: return FF_L;
    case 22: return FF_PS;
    default: return -1;
    }
}

/* ---- Loads and stores ------------------------------------------------------------ */

static ir_t gen_addr(struct mips_dc *s, uint32_t i)
{
    ir_t a = mips_new(s);
    ir_addi(s->c, a, mips_rd_gpr(s, RS(i)), (uint64_t)(int64_t)SIMM(i));
    return a;
}

static bool trans_LWC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = ir_new_i32(s->c);
    ir_guest_ld(s->c, v, gen_addr(s, i), mips_mo(s, MO_32));
    fp_st32(s, FT(i), v);
    return true;
}

static bool trans_SWC1(struct mips_dc *s, uint32_t i)
{
    ir_guest_st(s->c, fp_ld32(s, FT(i)), gen_addr(s, i), mips_mo(s, MO_32));
    return true;
}

static bool trans_LDC1(struct mips_dc *s, uint32_t i)
{
    if (!fp_reg_ok(s, FF_D, FT(i)))
        return false;
    ir_t v = ir_new_i64(s->c);
    ir_guest_ld(s->c, v, gen_addr(s, i), mips_mo(s, MO_64));
    fp_st64(s, FT(i), v);
    return true;
}

static bool trans_SDC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = fp_ld64(s, FT(i));
    if (v == IR_NONE)
        return false;
    ir_guest_st(s->c, v, gen_addr(s, i), mips_mo(s, MO_64));
    return true;
}

/* COP1X indexed forms: base in rs, index in rt. */
static ir_t gen_xaddr(struct mips_dc *s, uint32_t i)
{
    ir_t a = mips_new(s);
    ir_add(s->c, a, mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)));
    return a;
}

static bool trans_LWXC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = ir_new_i32(s->c);
    ir_guest_ld(s->c, v, gen_xaddr(s, i), mips_mo(s, MO_32));
    fp_st32(s, FD(i), v);
    return true;
}

static bool trans_LDXC1(struct mips_dc *s, uint32_t i)
{
    if (!fp_reg_ok(s, FF_D, FD(i)))
        return false;
    ir_t v = ir_new_i64(s->c);
    ir_guest_ld(s->c, v, gen_xaddr(s, i), mips_mo(s, MO_64));
    fp_st64(s, FD(i), v);
    return true;
}

/* LUXC1/SUXC1 ignore the low three address bits. */
static bool trans_LUXC1(struct mips_dc *s, uint32_t i)
{
    if (!fp_reg_ok(s, FF_D, FD(i)))
        return false;
    ir_t a = gen_xaddr(s, i), v = ir_new_i64(s->c);
    ir_andi(s->c, a, a, ~(uint64_t)7);
    ir_guest_ld(s->c, v, a, mips_mo(s, MO_64));
    fp_st64(s, FD(i), v);
    return true;
}

static bool trans_SWXC1(struct mips_dc *s, uint32_t i)
{
    ir_guest_st(s->c, fp_ld32(s, FS(i)), gen_xaddr(s, i), mips_mo(s, MO_32));
    return true;
}

static bool trans_SDXC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = fp_ld64(s, FS(i));
    if (v == IR_NONE)
        return false;
    ir_guest_st(s->c, v, gen_xaddr(s, i), mips_mo(s, MO_64));
    return true;
}

static bool trans_SUXC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = fp_ld64(s, FS(i));
    if (v == IR_NONE)
        return false;
    ir_t a = gen_xaddr(s, i);
    ir_andi(s->c, a, a, ~(uint64_t)7);
    ir_guest_st(s->c, v, a, mips_mo(s, MO_64));
    return true;
}

static bool trans_PREFX(struct mips_dc *s, uint32_t i)
{
    return true;
}

/* ---- Moves to and from the integer unit ------------------------------------------- */

static bool trans_MFC1(struct mips_dc *s, uint32_t i)
{
    mips_wr_gpr32(s, RT(i), fp_ld32(s, FS(i)));
    return true;
}

static bool trans_MTC1(struct mips_dc *s, uint32_t i)
{
    fp_st32(s, FS(i), mips_rd_gpr32(s, RT(i)));
    return true;
}

/* The high word of the 64-bit register fs. */
static bool hi_word_off(struct mips_dc *s, int fs, size_t *off)
{
    if (s->fr) {
        *off = FPR_OFF(fs) + 4;   /* host little-endian */
        return true;
    }
    if (fs & 1)
        return false;
    *off = FPR_OFF(fs + 1);
    return true;
}

static bool trans_MFHC1(struct mips_dc *s, uint32_t i)
{
    size_t off;
    if (!hi_word_off(s, FS(i), &off))
        return false;
    ir_t v = ir_new_i32(s->c);
    ir_ld_env(s->c, v, off, MO_32);
    mips_wr_gpr32(s, RT(i), v);
    return true;
}

static bool trans_MTHC1(struct mips_dc *s, uint32_t i)
{
    size_t off;
    if (!hi_word_off(s, FS(i), &off))
        return false;
    ir_st_env(s->c, mips_rd_gpr32(s, RT(i)), off, MO_32);
    return true;
}

static bool trans_DMFC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = fp_ld64(s, FS(i));
    if (v == IR_NONE)
        return false;
    mips_wr_gpr(s, RT(i), v);
    return true;
}

static bool trans_DMTC1(struct mips_dc *s, uint32_t i)
{
    if (!fp_reg_ok(s, FF_D, FS(i)))
        return false;
    fp_st64(s, FS(i), mips_rd_gpr(s, RT(i)));
    return true;
}

static bool trans_CFC1(struct mips_dc *s, uint32_t i)
{
    ir_t v = ir_new_i64(s->c), v32 = ir_new_i32(s->c);
    ir_call1(s->c, &helper_mips_cfc1, v, ir_const_i32(s->c, FS(i)));
    ir_extrl_i64_i32(s->c, v32, v);
    mips_wr_gpr32(s, RT(i), v32);
    return true;
}

static bool trans_CTC1(struct mips_dc *s, uint32_t i)
{
    ir_call2(s->c, &helper_mips_ctc1, IR_NONE, ir_const_i32(s->c, FS(i)),
             mips_rd_gpr32(s, RT(i)));
    return true;
}

/* ---- Branches and conditional moves ---------------------------------------------- */

/* BC1F/BC1T/BC1FL/BC1TL: cc in bits 20:18, nd (likely) bit 17, tf bit 16. */
static bool trans_BC1(struct mips_dc *s, uint32_t i)
{
    ir_t b = mips_gen_fcc(s, extract32(i, 18, 3));
    if (!extract32(i, 16, 1))
        ir_xori(s->c, b, b, 1);
    return mips_gen_branch_taken(s, i, b, extract32(i, 17, 1));
}

/* MOVF/MOVT rd, rs, cc (SPECIAL MOVCI). */
static bool trans_MOVCI(struct mips_dc *s, uint32_t i)
{
    if (RD(i) == 0)
        return true;
    ir_t b = mips_gen_fcc(s, extract32(i, 18, 3));
    ir_movcond(s->c, IR_COND_EQ, mips_gpr[RD(i)], b,
               ir_const_i32(s->c, extract32(i, 16, 1)), mips_rd_gpr(s, RS(i)),
               mips_gpr[RD(i)]);
    return true;
}

/* fd = fs when the condition on `c1` holds, else unchanged. */
static bool gen_fmov_if(struct mips_dc *s, uint32_t i, enum ir_cond cond,
                        ir_t c1, ir_t c2)
{
    int fmt = fmt_of(i);
    if (fmt != FF_S && fmt != FF_D && fmt != FF_PS)
        return false;
    if (!fp_reg_ok(s, fmt, FS(i)) || !fp_reg_ok(s, fmt, FD(i)))
        return false;
    ir_label skip = ir_new_label(s->c);
    if (cond != IR_COND_NEVER)
        ir_brcond(s->c, cond, c1, c2, skip);
    if (fmt_is64(fmt))
        fp_st64(s, FD(i), fp_ld64(s, FS(i)));
    else
        fp_st32(s, FD(i), fp_ld32(s, FS(i)));
    ir_set_label(s->c, skip);
    return true;
}

/* MOVF.PS/MOVT.PS: each half on its own FCC bit (cc for the lower,
 * cc + 1 for the upper). */
static bool gen_movcf_ps(struct mips_dc *s, uint32_t i)
{
    if (!fp_reg_ok(s, FF_PS, 0))
        return false;
    int cc = extract32(i, 18, 3);
    ir_t tf = ir_const_i32(s->c, extract32(i, 16, 1));
    for (int half = 0; half < 2; half++) {
        ir_label skip = ir_new_label(s->c);
        ir_brcond(s->c, IR_COND_NE, mips_gen_fcc(s, (cc + half) & 7), tf, skip);
        ir_t v = ir_new_i32(s->c);
        ir_ld_env(s->c, v, FPR_OFF(FS(i)) + 4 * half, MO_32);
        ir_st_env(s->c, v, FPR_OFF(FD(i)) + 4 * half, MO_32);
        ir_set_label(s->c, skip);
    }
    return true;
}

static bool trans_MOVCF_fmt(struct mips_dc *s, uint32_t i)
{
    if (fmt_of(i) == FF_PS)
        return gen_movcf_ps(s, i);
    ir_t b = mips_gen_fcc(s, extract32(i, 18, 3));
    return gen_fmov_if(s, i, IR_COND_NE, b,
                       ir_const_i32(s->c, extract32(i, 16, 1)));
}

static bool trans_MOVZ_fmt(struct mips_dc *s, uint32_t i)
{
    return gen_fmov_if(s, i, IR_COND_NE, mips_rd_gpr(s, RT(i)),
                       mips_const(s, 0));
}

static bool trans_MOVN_fmt(struct mips_dc *s, uint32_t i)
{
    return gen_fmov_if(s, i, IR_COND_EQ, mips_rd_gpr(s, RT(i)),
                       mips_const(s, 0));
}

static bool trans_MOV_fmt(struct mips_dc *s, uint32_t i)
{
    return gen_fmov_if(s, i, IR_COND_NEVER, mips_const(s, 0),
                       mips_const(s, 0));
}

/* ---- Arithmetic --------------------------------------------------------------------- */

static bool gen_arith(struct mips_dc *s, uint32_t i, int op, int nin)
{
    int fmt = fmt_of(i);
    /* PS has ADD, SUB, MUL, ABS, NEG (and MOV) only. */
    bool ps_op = op == FOP_ADD || op == FOP_SUB || op == FOP_MUL ||
                 op == FOP_ABS || op == FOP_NEG;
    if (fmt != FF_S && fmt != FF_D && !(fmt == FF_PS && ps_op))
        return false;
    if (!fp_reg_ok(s, fmt, FS(i)) || !fp_reg_ok(s, fmt, FD(i)) ||
        (nin == 2 && !fp_reg_ok(s, fmt, FT(i))))
        return false;
    struct ir_ctx *c = s->c;
    ir_t a = fp_read(s, fmt, FS(i));
    ir_t b = nin == 2 ? fp_read(s, fmt, FT(i)) : ir_const_i32(c, 0);
    ir_t r = ir_new_i64(c);
    ir_t args[4] = { ir_const_i32(c, op | (fmt == FF_D ? FP_DBL : 0) |
                                       (fmt == FF_PS ? FP_PS : 0)),
                     a, b, ir_const_i32(c, 0) };
    ir_call(c, &helper_mips_fp_arith, r, 4, args);
    fp_write(s, fmt, FD(i), r);
    return true;
}

static bool trans_ADD_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_ADD, 2); }
static bool trans_SUB_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_SUB, 2); }
static bool trans_MUL_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_MUL, 2); }
static bool trans_DIV_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_DIV, 2); }
static bool trans_SQRT_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_SQRT, 1); }
static bool trans_ABS_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_ABS, 1); }
static bool trans_NEG_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_NEG, 1); }
static bool trans_RECIP_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_RECIP, 1); }
static bool trans_RSQRT_fmt(struct mips_dc *s, uint32_t i) { return gen_arith(s, i, FOP_RSQRT, 1); }

/* COP1X MADD.fmt fd, fr, fs, ft: fr in bits 25:21, fmt3 in bits 2:0. */
static bool gen_madd(struct mips_dc *s, uint32_t i, int op)
{
    int fmt3 = extract32(i, 0, 3), fr = RS(i);
    int fmt = fmt3 == 0 ? FF_S : fmt3 == 1 ? FF_D : fmt3 == 6 ? FF_PS : -1;
    if (fmt < 0)
        return false;
    if (!fp_reg_ok(s, fmt, fr) || !fp_reg_ok(s, fmt, FS(i)) ||
        !fp_reg_ok(s, fmt, FT(i)) || !fp_reg_ok(s, fmt, FD(i)))
        return false;
    struct ir_ctx *c = s->c;
    ir_t r = ir_new_i64(c);
    ir_t args[4] = { ir_const_i32(c, op | (fmt == FF_D ? FP_DBL : 0) |
                                       (fmt == FF_PS ? FP_PS : 0)),
                     fp_read(s, fmt, fr), fp_read(s, fmt, FS(i)),
                     fp_read(s, fmt, FT(i)) };
    ir_call(c, &helper_mips_fp_arith, r, 4, args);
    fp_write(s, fmt, FD(i), r);
    return true;
}

static bool trans_MADD_fmt(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, FOP_MADD); }
static bool trans_MSUB_fmt(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, FOP_MSUB); }
static bool trans_NMADD_fmt(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, FOP_NMADD); }
static bool trans_NMSUB_fmt(struct mips_dc *s, uint32_t i) { return gen_madd(s, i, FOP_NMSUB); }

/* ---- Conversions --------------------------------------------------------------------- */

static bool gen_cvt(struct mips_dc *s, uint32_t i, int to, int rnd)
{
    int from = fmt_of(i);
    if (from < 0 || from == to || from == FF_PS)
        return false;
    /* Integer to integer is not a conversion; rounding forms take S/D. */
    if ((from == FF_W || from == FF_L) && (to == FF_W || to == FF_L))
        return false;
    if (!fp_reg_ok(s, from, FS(i)) || !fp_reg_ok(s, to, FD(i)))
        return false;
    ir_t r = ir_new_i64(s->c);
    ir_call2(s->c, &helper_mips_fp_cvt, r,
             ir_const_i32(s->c, to | from << 4 | rnd << 8),
             fp_read(s, from, FS(i)));
    fp_write(s, to, FD(i), r);
    return true;
}

static bool trans_ROUND_L(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_L, FR_NEAREST); }
static bool trans_TRUNC_L(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_L, FR_TRUNC); }
static bool trans_CEIL_L(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_L, FR_CEIL); }
static bool trans_FLOOR_L(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_L, FR_FLOOR); }
static bool trans_ROUND_W(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_W, FR_NEAREST); }
static bool trans_TRUNC_W(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_W, FR_TRUNC); }
static bool trans_CEIL_W(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_W, FR_CEIL); }
static bool trans_FLOOR_W(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_W, FR_FLOOR); }
/* fd (single) = one half of the PS register fs: a move, no exceptions. */
static bool gen_ps_half(struct mips_dc *s, uint32_t i, int half)
{
    if (!fp_reg_ok(s, FF_PS, 0))
        return false;
    ir_t v = ir_new_i32(s->c);
    ir_ld_env(s->c, v, FPR_OFF(FS(i)) + 4 * half, MO_32);
    fp_st32(s, FD(i), v);
    return true;
}

/* CVT.S.PU shares CVT.S's encoding with fmt = PS. */
static bool trans_CVT_S(struct mips_dc *s, uint32_t i)
{
    if (fmt_of(i) == FF_PS)
        return gen_ps_half(s, i, 1);
    return gen_cvt(s, i, FF_S, FR_CUR);
}

static bool trans_CVT_S_PL(struct mips_dc *s, uint32_t i)
{
    return fmt_of(i) == FF_PS && gen_ps_half(s, i, 0);
}

/* fd = (upper, lower) picked from halves of fs and ft: CVT.PS.S (fmt S,
 * the singles themselves) and PLL/PLU/PUL/PUU (fmt PS). */
static bool gen_pair(struct mips_dc *s, uint32_t i, int fs_half, int ft_half)
{
    if (!fp_reg_ok(s, FF_PS, 0))
        return false;
    ir_t u = ir_new_i32(s->c), l = ir_new_i32(s->c), r = ir_new_i64(s->c);
    ir_ld_env(s->c, u, FPR_OFF(FS(i)) + 4 * fs_half, MO_32);
    ir_ld_env(s->c, l, FPR_OFF(FT(i)) + 4 * ft_half, MO_32);
    ir_concat_i32_i64(s->c, r, l, u);
    ir_st_env(s->c, r, FPR_OFF(FD(i)), MO_64);
    return true;
}

static bool trans_CVT_PS_S(struct mips_dc *s, uint32_t i)
{
    return fmt_of(i) == FF_S && gen_pair(s, i, 0, 0);
}

static bool trans_PLL_PS(struct mips_dc *s, uint32_t i) { return fmt_of(i) == FF_PS && gen_pair(s, i, 0, 0); }
static bool trans_PLU_PS(struct mips_dc *s, uint32_t i) { return fmt_of(i) == FF_PS && gen_pair(s, i, 0, 1); }
static bool trans_PUL_PS(struct mips_dc *s, uint32_t i) { return fmt_of(i) == FF_PS && gen_pair(s, i, 1, 0); }
static bool trans_PUU_PS(struct mips_dc *s, uint32_t i) { return fmt_of(i) == FF_PS && gen_pair(s, i, 1, 1); }

/*
 * ALNV.PS fd, fs, ft, rs (COP1X): with GPR[rs] & 7 = 0, fd = fs; with 4,
 * fd is the doubleword at byte 4 of the pair fs:ft in memory order: big
 * endian fs.PL : ft.PU, little endian ft.PL : fs.PU.  Other offsets are
 * UNPREDICTABLE; kemu treats any offset with bit 2 set as 4, else 0.
 */
static bool trans_ALNV_PS(struct mips_dc *s, uint32_t i)
{
    if (!fp_reg_ok(s, FF_PS, 0))
        return false;
    struct ir_ctx *c = s->c;
    int fs = FS(i), ft = FT(i), fd = FD(i);
    ir_t off = ir_new_i32(c), r = ir_new_i64(c);
    ir_t u = ir_new_i32(c), l = ir_new_i32(c);
    ir_label aligned = ir_new_label(c), done = ir_new_label(c);

    ir_andi(c, off, mips_rd_gpr32(s, RS(i)), 4);
    ir_brcondi(c, IR_COND_EQ, off, 0, aligned);
    if (s->be) {
        ir_ld_env(c, u, FPR_OFF(fs), MO_32);
        ir_ld_env(c, l, FPR_OFF(ft) + 4, MO_32);
    } else {
        ir_ld_env(c, u, FPR_OFF(ft), MO_32);
        ir_ld_env(c, l, FPR_OFF(fs) + 4, MO_32);
    }
    ir_concat_i32_i64(c, r, l, u);
    ir_br(c, done);
    ir_set_label(c, aligned);
    ir_ld_env(c, r, FPR_OFF(fs), MO_64);
    ir_set_label(c, done);
    ir_st_env(c, r, FPR_OFF(fd), MO_64);
    return true;
}
static bool trans_CVT_D(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_D, FR_CUR); }
static bool trans_CVT_W(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_W, FR_CUR); }
static bool trans_CVT_L(struct mips_dc *s, uint32_t i) { return gen_cvt(s, i, FF_L, FR_CUR); }

/* ---- Compares ---------------------------------------------------------------------- */

/* C.cond.fmt fs, ft, cc: cond in bits 3:0, cc in bits 10:8. */
static bool trans_C_cond_fmt(struct mips_dc *s, uint32_t i)
{
    int fmt = fmt_of(i);
    if (fmt != FF_S && fmt != FF_D && fmt != FF_PS)
        return false;
    if (!fp_reg_ok(s, fmt, FS(i)) || !fp_reg_ok(s, fmt, FT(i)))
        return false;
    int code = extract32(i, 0, 4) | (fmt == FF_D ? 16 : 0) |
               extract32(i, 8, 3) << 5 | (fmt == FF_PS ? 0x100 : 0);
    ir_call3(s->c, &helper_mips_fp_cmp, IR_NONE, ir_const_i32(s->c, code),
             fp_read(s, fmt, FS(i)), fp_read(s, fmt, FT(i)));
    return true;
}

/* ---- The table ----------------------------------------------------------------------- */

#define COP1(rs) ((0x11u << 26) | (uint32_t)(rs) << 21)
#define COP1F(f) ((0x11u << 26) | (1u << 25) | (f))  /* fmt >= 16 */
#define COP1X(f) ((0x13u << 26) | (f))
#define MAJOR(op) ((uint32_t)(op) << 26)
#define SPECIAL(f) (f)
#define I32 MIPS_ISA_32
#define I64 MIPS_ISA_64
#define M_COP1 0xffe007ffu   /* opcode, rs (sub-op), and bits 10:0 zero */
#define M_FMT 0xfe00003fu    /* opcode, fmt >= 16, function */

const struct mips_pattern mips_fpu_patterns[] = {
    P(M_OP, MAJOR(0x31), LWC1, I32),
    P(M_OP, MAJOR(0x35), LDC1, I32),
    P(M_OP, MAJOR(0x39), SWC1, I32),
    P(M_OP, MAJOR(0x3d), SDC1, I32),

    P(M_COP1, COP1(0x00), MFC1, I32),
    P(M_COP1, COP1(0x01), DMFC1, I64),
    P(M_COP1, COP1(0x02), CFC1, I32),
    P(M_COP1, COP1(0x03), MFHC1, I32),
    P(M_COP1, COP1(0x04), MTC1, I32),
    P(M_COP1, COP1(0x05), DMTC1, I64),
    P(M_COP1, COP1(0x06), CTC1, I32),
    P(M_COP1, COP1(0x07), MTHC1, I32),
    P(0xffe00000u, COP1(0x08), BC1, I32),

    P(M_FMT, COP1F(0x00), ADD_fmt, I32),
    P(M_FMT, COP1F(0x01), SUB_fmt, I32),
    P(M_FMT, COP1F(0x02), MUL_fmt, I32),
    P(M_FMT, COP1F(0x03), DIV_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x04), SQRT_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x05), ABS_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x06), MOV_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x07), NEG_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x08), ROUND_L, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x09), TRUNC_L, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x0a), CEIL_L, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x0b), FLOOR_L, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x0c), ROUND_W, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x0d), TRUNC_W, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x0e), CEIL_W, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x0f), FLOOR_W, I32),
    P(M_FMT | 0x20000u, COP1F(0x11), MOVCF_fmt, I32),
    P(M_FMT, COP1F(0x12), MOVZ_fmt, I32),
    P(M_FMT, COP1F(0x13), MOVN_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x15), RECIP_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x16), RSQRT_fmt, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x20), CVT_S, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x21), CVT_D, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x24), CVT_W, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x25), CVT_L, I32),
    P(M_FMT, COP1F(0x26), CVT_PS_S, I32),
    P(M_FMT | 0x1f0000u, COP1F(0x28), CVT_S_PL, I32),
    P(M_FMT, COP1F(0x2c), PLL_PS, I32),
    P(M_FMT, COP1F(0x2d), PLU_PS, I32),
    P(M_FMT, COP1F(0x2e), PUL_PS, I32),
    P(M_FMT, COP1F(0x2f), PUU_PS, I32),
    /* C.cond.fmt: function 11cccc, bits 7:6 zero. */
    P(0xfe0000f0u, COP1F(0x30), C_cond_fmt, I32),

    P(0xfc00f83fu, COP1X(0x00), LWXC1, I32),
    P(0xfc00f83fu, COP1X(0x01), LDXC1, I32),
    P(0xfc00f83fu, COP1X(0x05), LUXC1, I32),
    P(0xfc0007ffu, COP1X(0x08), SWXC1, I32),
    P(0xfc0007ffu, COP1X(0x09), SDXC1, I32),
    P(0xfc0007ffu, COP1X(0x0d), SUXC1, I32),
    P(0xfc0007ffu, COP1X(0x0f), PREFX, I32),
    P(0xfc00003fu, COP1X(0x1e), ALNV_PS, I32),
    P(0xfc000038u, COP1X(0x20), MADD_fmt, I32),
    P(0xfc000038u, COP1X(0x28), MSUB_fmt, I32),
    P(0xfc000038u, COP1X(0x30), NMADD_fmt, I32),
    P(0xfc000038u, COP1X(0x38), NMSUB_fmt, I32),

    /* SPECIAL MOVCI: MOVF/MOVT rd, rs, cc. */
    P(0xfc0207ffu, SPECIAL(0x01), MOVCI, I32),
};
MIPS_TABLE_END(mips_fpu_patterns);
