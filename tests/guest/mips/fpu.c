/*
 * The MIPS FPU (pre-2008 "legacy NaN" FPU of Release 2) against values
 * worked out from the MIPS32/MIPS64 manuals and IEEE 754:
 *
 *  - arithmetic (ADD SUB MUL DIV SQRT ABS NEG RECIP RSQRT, MADD MSUB
 *    NMADD NMSUB) on ordinary values, signed zeros, infinities, NaNs,
 *    denormals (with and without FCSR.FS), in each rounding mode;
 *  - conversions CVT/ROUND/TRUNC/CEIL/FLOOR between S, D, W and L,
 *    including out-of-range and NaN operands (result 2^31-1 / 2^63-1 and
 *    Invalid);
 *  - the FCSR cause and flag bits after every operation;
 *  - all 16 C.cond.fmt conditions on ordered and unordered operands with
 *    several FCC bits, BC1T/BC1F/BC1TL/BC1FL, MOVF/MOVT (integer and
 *    .fmt), MOVZ.fmt/MOVN.fmt.
 *
 * Legacy NaNs: the top fraction bit SET means signalling, CLEAR quiet
 * (so IEEE 754-2008's quiet 0x7fc00000 is a signalling NaN here).  A
 * signalling operand raises Invalid and gives the default NaN 0x7fbfffff
 * / 0x7ff7ffffffffffff; a quiet operand is propagated.  MADD.fmt of
 * Release 2 rounds the product before the addition (not fused).
 *
 * The tests only move bit patterns through integer registers and memory,
 * so no compiled floating-point code runs under a non-default FCSR.
 */
#include <stdint.h>
#include <string.h>
#include "check.h"

/* FCSR fields. */
enum { RN = 0, RZ = 1, RP = 2, RM = 3 };
#define FS (1u << 24)
enum { I = 1, U = 2, O = 4, Z = 8, V = 16 };

/* Single-precision patterns.  Legacy qNaN: top fraction bit clear. */
#define S_1     0x3f800000u
#define S_M1    0xbf800000u
#define S_2     0x40000000u
#define S_M2    0xc0000000u
#define S_3     0x40400000u
#define S_4     0x40800000u
#define S_HALF  0x3f000000u
#define S_QTR   0x3e800000u
#define S_0     0x00000000u
#define S_M0    0x80000000u
#define S_INF   0x7f800000u
#define S_MINF  0xff800000u
#define S_MAX   0x7f7fffffu
#define S_MMAX  0xff7fffffu
#define S_QNAN  0x7f800001u   /* quiet in the legacy encoding */
#define S_QNAN2 0xffa00000u   /* quiet, negative */
#define S_SNAN  0x7fc00000u   /* signalling in the legacy encoding */
#define S_SNAN2 0xffc00001u
#define S_DNAN  0x7fbfffffu   /* the default NaN */
#define S_DMIN  0x00000001u   /* 2^-149, smallest denormal */
#define S_MDMIN 0x80000001u
#define S_NMIN  0x00800000u   /* 2^-126, smallest normal */
#define S_P24   0x33800000u   /* 2^-24: half an ulp of 1.0 */
#define S_M24   0xb3800000u
#define S_P24x3 0x33c00000u   /* 1.5 * 2^-24: three quarters of an ulp */
#define S_P64   0x1f800000u   /* 2^-64 */
#define S_M64   0x9f800000u

/* Double-precision patterns. */
#define D_1     0x3ff0000000000000ull
#define D_M1    0xbff0000000000000ull
#define D_2     0x4000000000000000ull
#define D_3     0x4008000000000000ull
#define D_HALF  0x3fe0000000000000ull
#define D_0     0x0000000000000000ull
#define D_M0    0x8000000000000000ull
#define D_INF   0x7ff0000000000000ull
#define D_MINF  0xfff0000000000000ull
#define D_MAX   0x7fefffffffffffffull
#define D_QNAN  0x7ff0000000000001ull
#define D_SNAN  0x7ff8000000000000ull
#define D_DNAN  0x7ff7ffffffffffffull
#define D_DMIN  0x0000000000000001ull
#define D_P53   0x3ca0000000000000ull  /* 2^-53: half an ulp of 1.0 */
#define D_M53   0xbca0000000000000ull
#define D_P520  0x1f70000000000000ull  /* 2^-520 */

static uint32_t fcsr_get(void)
{
    uint32_t v;
    __asm__ volatile("cfc1 %0, $31" : "=r"(v));
    return v;
}

static void fcsr_set(uint32_t v)
{
    __asm__ volatile("ctc1 %0, $31" :: "r"(v));
}

static uint32_t fccr_get(void)
{
    uint32_t v;
    __asm__ volatile("cfc1 %0, $25" : "=r"(v));
    return v;
}

static void fccr_set(uint32_t v)
{
    __asm__ volatile("ctc1 %0, $25" :: "r"(v));
}

static const char *const rm_name[4] = { "RN", "RZ", "RP", "RM" };

/* ---- Instruction wrappers ---------------------------------------------------- */

/* Single: a in $f0, b in $f2, c in $f6, result from $f4. */
typedef uint32_t (*fn_s)(uint32_t, uint32_t, uint32_t);
#define DEF_S(name, insn)                                                  \
    static uint32_t name(uint32_t a, uint32_t b, uint32_t c)               \
    {                                                                      \
        uint32_t r;                                                        \
        __asm__ volatile("mtc1 %1, $f0\n\tmtc1 %2, $f2\n\tmtc1 %3, $f6\n\t" \
                         insn "\n\tmfc1 %0, $f4"                           \
                         : "=r"(r) : "r"(a), "r"(b), "r"(c)                \
                         : "$f0", "$f2", "$f4", "$f6");                    \
        return r;                                                          \
    }

/* Double: operands and result through memory (ldc1/sdc1 work in every
 * register mode). */
typedef uint64_t (*fn_d)(uint64_t, uint64_t, uint64_t);
#define DEF_D(name, insn)                                                  \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t c)               \
    {                                                                      \
        uint64_t in[3] = { a, b, c }, r;                                   \
        __asm__ volatile("ldc1 $f0, 0(%0)\n\tldc1 $f2, 8(%0)\n\t"          \
                         "ldc1 $f6, 16(%0)\n\t" insn "\n\t"                \
                         "sdc1 $f4, 0(%1)"                                 \
                         :: "r"(in), "r"(&r)                               \
                         : "$f0", "$f1", "$f2", "$f3", "$f4", "$f5",       \
                           "$f6", "$f7", "memory");                        \
        return r;                                                          \
    }

DEF_S(add_s, "add.s $f4, $f0, $f2")
DEF_S(sub_s, "sub.s $f4, $f0, $f2")
DEF_S(mul_s, "mul.s $f4, $f0, $f2")
DEF_S(div_s, "div.s $f4, $f0, $f2")
DEF_S(sqrt_s, "sqrt.s $f4, $f0")
DEF_S(abs_s, "abs.s $f4, $f0")
DEF_S(neg_s, "neg.s $f4, $f0")
DEF_S(recip_s, "recip.s $f4, $f0")
DEF_S(rsqrt_s, "rsqrt.s $f4, $f0")
/* fd = fs * ft +/- fr with fs = a, ft = b, fr = c. */
DEF_S(madd_s, "madd.s $f4, $f6, $f0, $f2")
DEF_S(msub_s, "msub.s $f4, $f6, $f0, $f2")
DEF_S(nmadd_s, "nmadd.s $f4, $f6, $f0, $f2")
DEF_S(nmsub_s, "nmsub.s $f4, $f6, $f0, $f2")
/* Conversions whose source and destination are 32 bits. */
DEF_S(cvt_w_s, "cvt.w.s $f4, $f0")
DEF_S(round_w_s, "round.w.s $f4, $f0")
DEF_S(trunc_w_s, "trunc.w.s $f4, $f0")
DEF_S(ceil_w_s, "ceil.w.s $f4, $f0")
DEF_S(floor_w_s, "floor.w.s $f4, $f0")
DEF_S(cvt_s_w, "cvt.s.w $f4, $f0")

DEF_D(add_d, "add.d $f4, $f0, $f2")
DEF_D(sub_d, "sub.d $f4, $f0, $f2")
DEF_D(mul_d, "mul.d $f4, $f0, $f2")
DEF_D(div_d, "div.d $f4, $f0, $f2")
DEF_D(sqrt_d, "sqrt.d $f4, $f0")
DEF_D(abs_d, "abs.d $f4, $f0")
DEF_D(neg_d, "neg.d $f4, $f0")
DEF_D(recip_d, "recip.d $f4, $f0")
DEF_D(rsqrt_d, "rsqrt.d $f4, $f0")
DEF_D(madd_d, "madd.d $f4, $f6, $f0, $f2")
DEF_D(msub_d, "msub.d $f4, $f6, $f0, $f2")
DEF_D(nmadd_d, "nmadd.d $f4, $f6, $f0, $f2")
DEF_D(nmsub_d, "nmsub.d $f4, $f6, $f0, $f2")
/* 64-bit destinations from 64-bit sources. */
DEF_D(cvt_l_d, "cvt.l.d $f4, $f0")
DEF_D(round_l_d, "round.l.d $f4, $f0")
DEF_D(trunc_l_d, "trunc.l.d $f4, $f0")
DEF_D(ceil_l_d, "ceil.l.d $f4, $f0")
DEF_D(floor_l_d, "floor.l.d $f4, $f0")
DEF_D(cvt_d_l, "cvt.d.l $f4, $f0")

/* Mixed widths: 64-bit source in memory, 32-bit result, or back. */
#define DEF_D2S(name, insn)                                                \
    static uint32_t name(uint64_t a)                                       \
    {                                                                      \
        uint32_t r;                                                        \
        __asm__ volatile("ldc1 $f0, 0(%1)\n\t" insn "\n\tmfc1 %0, $f4"     \
                         : "=r"(r) : "r"(&a), "m"(a)                       \
                         : "$f0", "$f1", "$f4", "$f5");                    \
        return r;                                                          \
    }
#define DEF_S2D(name, insn)                                                \
    static uint64_t name(uint32_t a)                                       \
    {                                                                      \
        uint64_t r;                                                        \
        __asm__ volatile("mtc1 %1, $f0\n\t" insn "\n\tsdc1 $f4, 0(%0)"     \
                         :: "r"(&r), "r"(a)                                \
                         : "$f0", "$f4", "$f5", "memory");                 \
        return r;                                                          \
    }
DEF_D2S(cvt_w_d, "cvt.w.d $f4, $f0")
DEF_D2S(round_w_d, "round.w.d $f4, $f0")
DEF_D2S(trunc_w_d, "trunc.w.d $f4, $f0")
DEF_D2S(ceil_w_d, "ceil.w.d $f4, $f0")
DEF_D2S(floor_w_d, "floor.w.d $f4, $f0")
DEF_D2S(cvt_s_d, "cvt.s.d $f4, $f0")
DEF_D2S(cvt_s_l, "cvt.s.l $f4, $f0")
DEF_S2D(cvt_d_s, "cvt.d.s $f4, $f0")
DEF_S2D(cvt_d_w, "cvt.d.w $f4, $f0")
DEF_S2D(cvt_l_s, "cvt.l.s $f4, $f0")
DEF_S2D(round_l_s, "round.l.s $f4, $f0")
DEF_S2D(floor_l_s, "floor.l.s $f4, $f0")

/* ---- Checking ------------------------------------------------------------------ */

/* Check a result and the cause bits; the flags start cleared, so they
 * must equal the cause's five IEEE bits afterwards. */
static void check_fcsr(const char *name, uint32_t st, unsigned cause)
{
    char n[160];
    snprintf(n, sizeof n, "%s cause", name);
    CHECK(n, (st >> 12) & 0x3f, cause);
    snprintf(n, sizeof n, "%s flags", name);
    CHECK(n, (st >> 2) & 0x1f, cause & 0x1f);
}

static void t_s(const char *what, fn_s f, uint32_t a, uint32_t b, uint32_t c,
                uint32_t mode, uint32_t want, unsigned cause)
{
    char n[160];
    fcsr_set(mode);
    uint32_t r = f(a, b, c);
    uint32_t st = fcsr_get();
    fcsr_set(0);
    snprintf(n, sizeof n, "%s %s%s", what, rm_name[mode & 3],
             mode & FS ? " FS" : "");
    CHECK(n, r, want);
    check_fcsr(n, st, cause);
}

static void t_d(const char *what, fn_d f, uint64_t a, uint64_t b, uint64_t c,
                uint32_t mode, uint64_t want, unsigned cause)
{
    char n[160];
    fcsr_set(mode);
    uint64_t r = f(a, b, c);
    uint32_t st = fcsr_get();
    fcsr_set(0);
    snprintf(n, sizeof n, "%s %s%s", what, rm_name[mode & 3],
             mode & FS ? " FS" : "");
    CHECK(n, r, want);
    check_fcsr(n, st, cause);
}

/* The same operation in the four rounding modes (same cause). */
static void t_s4(const char *what, fn_s f, uint32_t a, uint32_t b,
                 const uint32_t want[4], unsigned cause)
{
    for (int m = 0; m < 4; m++)
        t_s(what, f, a, b, 0, (uint32_t)m, want[m], cause);
}

static void t_d4(const char *what, fn_d f, uint64_t a, uint64_t b,
                 const uint64_t want[4], unsigned cause)
{
    for (int m = 0; m < 4; m++)
        t_d(what, f, a, b, 0, (uint32_t)m, want[m], cause);
}

#define W4(a, b, c, d) ((const uint32_t[4]){ a, b, c, d })
#define L4(a, b, c, d) ((const uint64_t[4]){ a, b, c, d })

/* ---- Arithmetic ---------------------------------------------------------------- */

static void arith_single(void)
{
    t_s("add.s 1+2", add_s, S_1, S_2, 0, RN, S_3, 0);
    /* 1 + half an ulp: a tie, to even in RN. */
    t_s4("add.s 1+2^-24", add_s, S_1, S_P24,
         W4(S_1, S_1, 0x3f800001u, S_1), I);
    t_s4("add.s -1-2^-24", add_s, S_M1, S_M24,
         W4(S_M1, S_M1, S_M1, 0xbf800001u), I);
    /* 1 + three quarters of an ulp: nearest is up. */
    t_s4("add.s 1+1.5*2^-24", add_s, S_1, S_P24x3,
         W4(0x3f800001u, S_1, 0x3f800001u, S_1), I);
    /* An exact zero sum is -0 only when rounding down. */
    t_s4("sub.s 1-1", sub_s, S_1, S_1, W4(S_0, S_0, S_0, S_M0), 0);
    t_s4("add.s 0+-0", add_s, S_0, S_M0, W4(S_0, S_0, S_0, S_M0), 0);
    t_s4("add.s -0+-0", add_s, S_M0, S_M0, W4(S_M0, S_M0, S_M0, S_M0), 0);
    /* Overflow: infinity or the largest finite number by direction. */
    t_s4("mul.s max*2", mul_s, S_MAX, S_2,
         W4(S_INF, S_MAX, S_INF, S_MAX), O | I);
    t_s4("mul.s -max*2", mul_s, S_MMAX, S_2,
         W4(S_MINF, S_MMAX, S_MMAX, S_MINF), O | I);
    t_s4("div.s 1/3", div_s, S_1, S_3,
         W4(0x3eaaaaabu, 0x3eaaaaaau, 0x3eaaaaabu, 0x3eaaaaaau), I);
    t_s("div.s 1/0", div_s, S_1, S_0, 0, RN, S_INF, Z);
    t_s("div.s -1/0", div_s, S_M1, S_0, 0, RN, S_MINF, Z);
    t_s("div.s 1/-0", div_s, S_1, S_M0, 0, RN, S_MINF, Z);
    t_s("div.s 0/0", div_s, S_0, S_0, 0, RN, S_DNAN, V);
    t_s("div.s inf/inf", div_s, S_INF, S_INF, 0, RN, S_DNAN, V);
    t_s("div.s 1/inf", div_s, S_1, S_INF, 0, RN, S_0, 0);
    t_s("div.s -1/inf", div_s, S_M1, S_INF, 0, RN, S_M0, 0);
    t_s("sub.s inf-inf", sub_s, S_INF, S_INF, 0, RN, S_DNAN, V);
    t_s("mul.s 0*inf", mul_s, S_0, S_INF, 0, RN, S_DNAN, V);
    t_s("add.s inf+1", add_s, S_INF, S_1, 0, RN, S_INF, 0);
    t_s("mul.s -inf*-1", mul_s, S_MINF, S_M1, 0, RN, S_INF, 0);
    t_s("mul.s -0*1", mul_s, S_M0, S_1, 0, RN, S_M0, 0);

    t_s("sqrt.s 4", sqrt_s, S_4, 0, 0, RN, S_2, 0);
    t_s4("sqrt.s 2", sqrt_s, S_2, 0,
         W4(0x3fb504f3u, 0x3fb504f3u, 0x3fb504f4u, 0x3fb504f3u), I);
    t_s("sqrt.s -1", sqrt_s, S_M1, 0, 0, RN, S_DNAN, V);
    t_s("sqrt.s -0", sqrt_s, S_M0, 0, 0, RN, S_M0, 0);
    t_s("sqrt.s inf", sqrt_s, S_INF, 0, 0, RN, S_INF, 0);
    t_s("sqrt.s -inf", sqrt_s, S_MINF, 0, 0, RN, S_DNAN, V);

    t_s("abs.s -2", abs_s, S_M2, 0, 0, RN, S_2, 0);
    t_s("abs.s -0", abs_s, S_M0, 0, 0, RN, S_0, 0);
    t_s("abs.s -inf", abs_s, S_MINF, 0, 0, RN, S_INF, 0);
    t_s("neg.s 0", neg_s, S_0, 0, 0, RN, S_M0, 0);
    t_s("neg.s -inf", neg_s, S_MINF, 0, 0, RN, S_INF, 0);
    t_s("neg.s 2", neg_s, S_2, 0, 0, RN, S_M2, 0);
    /* Pre-2008 ABS/NEG are arithmetic: a signalling NaN is Invalid. */
    t_s("abs.s sNaN", abs_s, S_SNAN2, 0, 0, RN, S_DNAN, V);
    t_s("neg.s sNaN", neg_s, S_SNAN, 0, 0, RN, S_DNAN, V);

    t_s("recip.s 4", recip_s, S_4, 0, 0, RN, S_QTR, 0);
    t_s("recip.s 0", recip_s, S_0, 0, 0, RN, S_INF, Z);
    t_s("recip.s -0", recip_s, S_M0, 0, 0, RN, S_MINF, Z);
    t_s("recip.s inf", recip_s, S_INF, 0, 0, RN, S_0, 0);
    t_s("rsqrt.s 4", rsqrt_s, S_4, 0, 0, RN, S_HALF, 0);
    t_s("rsqrt.s 0.25", rsqrt_s, S_QTR, 0, 0, RN, S_2, 0);
    t_s("rsqrt.s 0", rsqrt_s, S_0, 0, 0, RN, S_INF, Z);
    t_s("rsqrt.s -1", rsqrt_s, S_M1, 0, 0, RN, S_DNAN, V);
    t_s("rsqrt.s inf", rsqrt_s, S_INF, 0, 0, RN, S_0, 0);

    /* NaNs: quiet ones propagate, signalling ones give the default NaN
     * and Invalid (also when the other operand is a quiet NaN). */
    t_s("add.s qNaN+1", add_s, S_QNAN, S_1, 0, RN, S_QNAN, 0);
    t_s("add.s 1+qNaN", add_s, S_1, S_QNAN2, 0, RN, S_QNAN2, 0);
    t_s("mul.s dNaN*0", mul_s, S_DNAN, S_0, 0, RN, S_DNAN, 0);
    t_s("add.s sNaN+1", add_s, S_SNAN, S_1, 0, RN, S_DNAN, V);
    t_s("sub.s 1-sNaN", sub_s, S_1, S_SNAN2, 0, RN, S_DNAN, V);
    t_s("mul.s qNaN*sNaN", mul_s, S_QNAN, S_SNAN, 0, RN, S_DNAN, V);
    t_s("div.s sNaN/0", div_s, S_SNAN, S_0, 0, RN, S_DNAN, V);
    t_s("sqrt.s qNaN", sqrt_s, S_QNAN, 0, 0, RN, S_QNAN, 0);
    t_s("sqrt.s sNaN", sqrt_s, S_SNAN, 0, 0, RN, S_DNAN, V);
    t_s("add.s inf+qNaN", add_s, S_INF, S_QNAN, 0, RN, S_QNAN, 0);

    /* Denormals without flushing: exact tiny results raise nothing;
     * inexact ones Underflow and Inexact. */
    t_s("add.s dmin+dmin", add_s, S_DMIN, S_DMIN, 0, RN, 0x00000002u, 0);
    t_s("sub.s nmin-dmin", sub_s, S_NMIN, S_DMIN, 0, RN, 0x007fffffu, 0);
    t_s("mul.s 2^-64*2^-64", mul_s, S_P64, S_P64, 0, RN, 0x00200000u, 0);
    t_s("mul.s nmin*0.5", mul_s, S_NMIN, S_HALF, 0, RN, 0x00400000u, 0);
    t_s4("mul.s dmin*0.5", mul_s, S_DMIN, S_HALF,
         W4(S_0, S_0, S_DMIN, S_0), U | I);
    t_s4("mul.s -dmin*0.5", mul_s, S_MDMIN, S_HALF,
         W4(S_M0, S_M0, S_M0, S_MDMIN), U | I);
    t_s("add.s 1+dmin", add_s, S_1, S_DMIN, 0, RN, S_1, I);
    t_s("add.s 1+dmin", add_s, S_1, S_DMIN, 0, RP, 0x3f800001u, I);
    /* FS = 1: a denormal result becomes a zero of the same sign, with
     * Underflow and Inexact. */
    t_s("mul.s 2^-64*2^-64", mul_s, S_P64, S_P64, 0, RN | FS, S_0, U | I);
    t_s("mul.s -2^-64*2^-64", mul_s, S_M64, S_P64, 0, RN | FS, S_M0, U | I);
    t_s("mul.s nmin*0.5", mul_s, S_NMIN, S_HALF, 0, RN | FS, S_0, U | I);
    t_s("mul.s 2^-64*2^-64", mul_s, S_P64, S_P64, 0, RN, 0x00200000u, 0);
    t_s("add.s 1+2", add_s, S_1, S_2, 0, RN | FS, S_3, 0);

    /* Multiply-add: fs*ft +/- fr, NMADD/NMSUB negate the result. */
    t_s("madd.s 2*3+1", madd_s, S_2, S_3, S_1, RN, 0x40e00000u, 0);
    t_s("msub.s 2*3-1", msub_s, S_2, S_3, S_1, RN, 0x40a00000u, 0);
    t_s("nmadd.s -(2*3+1)", nmadd_s, S_2, S_3, S_1, RN, 0xc0e00000u, 0);
    t_s("nmsub.s -(2*3-1)", nmsub_s, S_2, S_3, S_1, RN, 0xc0a00000u, 0);
    t_s("nmadd.s -(1*0+0)", nmadd_s, S_1, S_0, S_0, RN, S_M0, 0);
    t_s("nmsub.s -(1*1-1)", nmsub_s, S_1, S_1, S_1, RN, S_M0, 0);
    /* (1+2^-12)^2 = 1 + 2^-11 + 2^-24: the product rounds (a tie, to
     * even) to 1 + 2^-11 before 1 + 2^-11 is subtracted, so the result
     * is 0, not the fused 2^-24; rounding up leaves 2^-23. */
    t_s("msub.s a*a-b", msub_s, 0x3f800800u, 0x3f800800u, 0x3f801000u, RN,
        S_0, I);
    t_s("msub.s a*a-b", msub_s, 0x3f800800u, 0x3f800800u, 0x3f801000u, RP,
        0x34000000u, I);
    t_s("madd.s max*2+0", madd_s, S_MAX, S_2, S_0, RN, S_INF, O | I);
    t_s("madd.s inf*0+1", madd_s, S_INF, S_0, S_1, RN, S_DNAN, V);
    t_s("madd.s 1*1+sNaN", madd_s, S_1, S_1, S_SNAN, RN, S_DNAN, V);
    t_s("madd.s 1*1+qNaN", madd_s, S_1, S_1, S_QNAN, RN, S_QNAN, 0);
    t_s("msub.s sNaN*1-1", msub_s, S_SNAN, S_1, S_1, RN, S_DNAN, V);
}

static void arith_double(void)
{
    t_d("add.d 1+2", add_d, D_1, D_2, 0, RN, D_3, 0);
    t_d4("add.d 1+2^-53", add_d, D_1, D_P53,
         L4(D_1, D_1, 0x3ff0000000000001ull, D_1), I);
    t_d4("add.d -1-2^-53", add_d, D_M1, D_M53,
         L4(D_M1, D_M1, D_M1, 0xbff0000000000001ull), I);
    t_d4("sub.d 1-1", sub_d, D_1, D_1, L4(D_0, D_0, D_0, D_M0), 0);
    t_d4("mul.d max*2", mul_d, D_MAX, D_2,
         L4(D_INF, D_MAX, D_INF, D_MAX), O | I);
    t_d4("div.d 1/3", div_d, D_1, D_3,
         L4(0x3fd5555555555555ull, 0x3fd5555555555555ull,
            0x3fd5555555555556ull, 0x3fd5555555555555ull), I);
    /* The double nearest sqrt(2) is above it. */
    t_d4("sqrt.d 2", sqrt_d, D_2, 0,
         L4(0x3ff6a09e667f3bcdull, 0x3ff6a09e667f3bccull,
            0x3ff6a09e667f3bcdull, 0x3ff6a09e667f3bccull), I);
    t_d("div.d 1/0", div_d, D_1, D_0, 0, RN, D_INF, Z);
    t_d("div.d -1/0", div_d, D_M1, D_0, 0, RN, D_MINF, Z);
    t_d("div.d 0/0", div_d, D_0, D_0, 0, RN, D_DNAN, V);
    t_d("mul.d 0*inf", mul_d, D_0, D_INF, 0, RN, D_DNAN, V);
    t_d("sub.d inf-inf", sub_d, D_INF, D_INF, 0, RN, D_DNAN, V);
    t_d("sqrt.d -1", sqrt_d, D_M1, 0, 0, RN, D_DNAN, V);
    t_d("sqrt.d -0", sqrt_d, D_M0, 0, 0, RN, D_M0, 0);
    t_d("abs.d -1", abs_d, D_M1, 0, 0, RN, D_1, 0);
    t_d("neg.d 0", neg_d, D_0, 0, 0, RN, D_M0, 0);
    t_d("abs.d sNaN", abs_d, D_SNAN, 0, 0, RN, D_DNAN, V);
    t_d("recip.d 2", recip_d, D_2, 0, 0, RN, D_HALF, 0);
    t_d("recip.d -0", recip_d, D_M0, 0, 0, RN, D_MINF, Z);
    t_d("rsqrt.d 4", rsqrt_d, 0x4010000000000000ull, 0, 0, RN, D_HALF, 0);
    t_d("rsqrt.d -1", rsqrt_d, D_M1, 0, 0, RN, D_DNAN, V);

    t_d("add.d qNaN+1", add_d, D_QNAN, D_1, 0, RN, D_QNAN, 0);
    t_d("add.d 1+sNaN", add_d, D_1, D_SNAN, 0, RN, D_DNAN, V);
    t_d("mul.d sNaN*qNaN", mul_d, D_SNAN, D_QNAN, 0, RN, D_DNAN, V);
    t_d("sqrt.d sNaN", sqrt_d, D_SNAN, 0, 0, RN, D_DNAN, V);
    t_d("div.d dNaN/1", div_d, D_DNAN, D_1, 0, RN, D_DNAN, 0);

    t_d("add.d dmin+dmin", add_d, D_DMIN, D_DMIN, 0, RN, 2, 0);
    t_d4("mul.d dmin*0.5", mul_d, D_DMIN, D_HALF,
         L4(D_0, D_0, D_DMIN, D_0), U | I);
    t_d("mul.d 2^-520*2^-520", mul_d, D_P520, D_P520, 0, RN,
        0x0000000400000000ull, 0);
    t_d("mul.d 2^-520*2^-520", mul_d, D_P520, D_P520, 0, RN | FS, D_0, U | I);

    t_d("madd.d 2*3+1", madd_d, D_2, D_3, D_1, RN, 0x401c000000000000ull, 0);
    t_d("msub.d 2*3-1", msub_d, D_2, D_3, D_1, RN, 0x4014000000000000ull, 0);
    t_d("nmadd.d -(2*3+1)", nmadd_d, D_2, D_3, D_1, RN, 0xc01c000000000000ull, 0);
    t_d("nmsub.d -(2*3-1)", nmsub_d, D_2, D_3, D_1, RN, 0xc014000000000000ull, 0);
    /* (1+2^-27)^2 = 1 + 2^-26 + 2^-54: a quarter ulp, rounded away in
     * RN (result 0) and up to one ulp in RP (result 2^-52). */
    t_d("msub.d a*a-b", msub_d, 0x3ff0000002000000ull, 0x3ff0000002000000ull,
        0x3ff0000004000000ull, RN, D_0, I);
    t_d("msub.d a*a-b", msub_d, 0x3ff0000002000000ull, 0x3ff0000002000000ull,
        0x3ff0000004000000ull, RP, 0x3cb0000000000000ull, I);
    t_d("madd.d 1*1+sNaN", madd_d, D_1, D_1, D_SNAN, RN, D_DNAN, V);
}

/* ---- Conversions --------------------------------------------------------------- */

static void t_d2s(const char *what, uint32_t (*f)(uint64_t), uint64_t a,
                  uint32_t mode, uint32_t want, unsigned cause)
{
    char n[160];
    fcsr_set(mode);
    uint32_t r = f(a);
    uint32_t st = fcsr_get();
    fcsr_set(0);
    snprintf(n, sizeof n, "%s %s", what, rm_name[mode & 3]);
    CHECK(n, r, want);
    check_fcsr(n, st, cause);
}

static void t_s2d(const char *what, uint64_t (*f)(uint32_t), uint32_t a,
                  uint32_t mode, uint64_t want, unsigned cause)
{
    char n[160];
    fcsr_set(mode);
    uint64_t r = f(a);
    uint32_t st = fcsr_get();
    fcsr_set(0);
    snprintf(n, sizeof n, "%s %s", what, rm_name[mode & 3]);
    CHECK(n, r, want);
    check_fcsr(n, st, cause);
}

#define W_MAX 0x7fffffffu
#define L_MAX 0x7fffffffffffffffull
#define D_2P31M_HALF 0x41dfffffffe00000ull  /* 2147483647.5 */
#define D_M2P31_HALF 0xc1e0000000100000ull  /* -2147483648.5 */

static void conversions(void)
{
    /* CVT.W uses the FCSR mode; ROUND/TRUNC/CEIL/FLOOR ignore it. */
    t_s4("cvt.w.s 2.5", cvt_w_s, 0x40200000u, 0, W4(2, 2, 3, 2), I);
    t_s4("cvt.w.s -2.5", cvt_w_s, 0xc0200000u, 0,
         W4(0xfffffffeu, 0xfffffffeu, 0xfffffffeu, 0xfffffffdu), I);
    t_s("cvt.w.s 3.5", cvt_w_s, 0x40600000u, 0, 0, RN, 4, I);
    t_s("cvt.w.s 2", cvt_w_s, S_2, 0, 0, RM, 2, 0);
    t_s("cvt.w.s -0", cvt_w_s, S_M0, 0, 0, RN, 0, 0);
    t_s("round.w.s 2.5", round_w_s, 0x40200000u, 0, 0, RP, 2, I);
    t_s("round.w.s 3.5", round_w_s, 0x40600000u, 0, 0, RZ, 4, I);
    t_s("trunc.w.s -2.5", trunc_w_s, 0xc0200000u, 0, 0, RM, 0xfffffffeu, I);
    t_s("ceil.w.s 2.5", ceil_w_s, 0x40200000u, 0, 0, RZ, 3, I);
    t_s("ceil.w.s -0.5", ceil_w_s, 0xbf000000u, 0, 0, RN, 0, I);
    t_s("floor.w.s -2.5", floor_w_s, 0xc0200000u, 0, 0, RP, 0xfffffffdu, I);
    t_s("floor.w.s 0.5", floor_w_s, S_HALF, 0, 0, RN, 0, I);
    /* Out of range, infinite and NaN operands: 2^31-1 and Invalid. */
    t_s("cvt.w.s 2^31", cvt_w_s, 0x4f000000u, 0, 0, RN, W_MAX, V);
    t_s("cvt.w.s -2^31", cvt_w_s, 0xcf000000u, 0, 0, RN, 0x80000000u, 0);
    t_s("trunc.w.s -2^32", trunc_w_s, 0xcf800000u, 0, 0, RN, W_MAX, V);
    t_s("cvt.w.s inf", cvt_w_s, S_INF, 0, 0, RN, W_MAX, V);
    t_s("cvt.w.s -inf", cvt_w_s, S_MINF, 0, 0, RN, W_MAX, V);
    t_s("cvt.w.s qNaN", cvt_w_s, S_QNAN, 0, 0, RN, W_MAX, V);
    t_s("floor.w.s sNaN", floor_w_s, S_SNAN, 0, 0, RN, W_MAX, V);

    /* From double, near the ends of the W range. */
    t_d2s("round.w.d 2147483647.5", round_w_d, D_2P31M_HALF, RN, W_MAX, V);
    t_d2s("trunc.w.d 2147483647.5", trunc_w_d, D_2P31M_HALF, RN, W_MAX, I);
    t_d2s("floor.w.d -2147483648.5", floor_w_d, D_M2P31_HALF, RN, W_MAX, V);
    t_d2s("ceil.w.d -2147483648.5", ceil_w_d, D_M2P31_HALF, RN, 0x80000000u, I);
    t_d2s("cvt.w.d -2147483648.5", cvt_w_d, D_M2P31_HALF, RN, 0x80000000u, I);
    t_d2s("cvt.w.d -2147483648.5", cvt_w_d, D_M2P31_HALF, RM, W_MAX, V);
    t_d2s("cvt.w.d -2147483648.5", cvt_w_d, D_M2P31_HALF, RZ, 0x80000000u, I);
    t_d2s("cvt.w.d qNaN", cvt_w_d, D_QNAN, RN, W_MAX, V);

    /* To L. */
    t_d("cvt.l.d 2^63", cvt_l_d, 0x43e0000000000000ull, 0, 0, RN, L_MAX, V);
    t_d("cvt.l.d -2^63", cvt_l_d, 0xc3e0000000000000ull, 0, 0, RN,
        0x8000000000000000ull, 0);
    t_d4("cvt.l.d -2.5", cvt_l_d, 0xc004000000000000ull, 0,
         L4(0xfffffffffffffffeull, 0xfffffffffffffffeull,
            0xfffffffffffffffeull, 0xfffffffffffffffdull), I);
    t_d("round.l.d 2.5", round_l_d, 0x4004000000000000ull, 0, 0, RM, 2, I);
    t_d("trunc.l.d -2.5", trunc_l_d, 0xc004000000000000ull, 0, 0, RN,
        0xfffffffffffffffeull, I);
    t_d("ceil.l.d 2.5", ceil_l_d, 0x4004000000000000ull, 0, 0, RN, 3, I);
    t_d("floor.l.d -2.5", floor_l_d, 0xc004000000000000ull, 0, 0, RN,
        0xfffffffffffffffdull, I);
    t_d("trunc.l.d 1e19", trunc_l_d, 0x43e158e460913d00ull, 0, 0, RN, L_MAX, V);
    t_d("cvt.l.d -inf", cvt_l_d, D_MINF, 0, 0, RN, L_MAX, V);
    t_d("cvt.l.d sNaN", cvt_l_d, D_SNAN, 0, 0, RN, L_MAX, V);
    t_s2d("cvt.l.s 2^40", cvt_l_s, 0x53800000u, RN, 0x10000000000ull, 0);
    t_s2d("round.l.s -3.5", round_l_s, 0xc0600000u, RN,
          0xfffffffffffffffcull, I);
    t_s2d("floor.l.s 2^63", floor_l_s, 0x5f000000u, RN, L_MAX, V);

    /* From integers: rounding of values that do not fit the mantissa. */
    t_s4("cvt.s.w 2^24+1", cvt_s_w, 0x01000001u, 0,
         W4(0x4b800000u, 0x4b800000u, 0x4b800001u, 0x4b800000u), I);
    t_s("cvt.s.w -1", cvt_s_w, 0xffffffffu, 0, 0, RN, S_M1, 0);
    t_s2d("cvt.d.w -2^31", cvt_d_w, 0x80000000u, RN, 0xc1e0000000000000ull, 0);
    t_d4("cvt.d.l 2^53+1", cvt_d_l, 0x0020000000000001ull, 0,
         L4(0x4340000000000000ull, 0x4340000000000000ull,
            0x4340000000000001ull, 0x4340000000000000ull), I);
    t_d2s("cvt.s.l 2^53+1", cvt_s_l, 0x0020000000000001ull, RN, 0x5a000000u, I);
    t_d2s("cvt.s.l 2^53+1", cvt_s_l, 0x0020000000000001ull, RP, 0x5a000001u, I);
    t_d2s("cvt.s.l -1", cvt_s_l, 0xffffffffffffffffull, RN, S_M1, 0);

    /* Between S and D. */
    t_d2s("cvt.s.d 1+2^-24", cvt_s_d, 0x3ff0000010000000ull, RN, S_1, I);
    t_d2s("cvt.s.d 1+2^-24", cvt_s_d, 0x3ff0000010000000ull, RP, 0x3f800001u, I);
    t_d2s("cvt.s.d 1+2^-24", cvt_s_d, 0x3ff0000010000000ull, RZ, S_1, I);
    t_d2s("cvt.s.d dmax", cvt_s_d, D_MAX, RN, S_INF, O | I);
    t_d2s("cvt.s.d dmax", cvt_s_d, D_MAX, RZ, S_MAX, O | I);
    t_d2s("cvt.s.d -dmax", cvt_s_d, 0xffefffffffffffffull, RP, S_MMAX, O | I);
    t_d2s("cvt.s.d 2^-150", cvt_s_d, 0x3690000000000000ull, RN, S_0, U | I);
    t_d2s("cvt.s.d 2^-150", cvt_s_d, 0x3690000000000000ull, RP, S_DMIN, U | I);
    t_d2s("cvt.s.d -0", cvt_s_d, D_M0, RN, S_M0, 0);
    t_d2s("cvt.s.d sNaN", cvt_s_d, D_SNAN, RN, S_DNAN, V);
    t_s2d("cvt.d.s 1.5", cvt_d_s, 0x3fc00000u, RN, 0x3ff8000000000000ull, 0);
    t_s2d("cvt.d.s dmin", cvt_d_s, S_DMIN, RN, 0x36a0000000000000ull, 0);
    t_s2d("cvt.d.s -inf", cvt_d_s, S_MINF, RN, D_MINF, 0);
    t_s2d("cvt.d.s sNaN", cvt_d_s, S_SNAN, RN, D_DNAN, V);

    /* A quiet NaN converts to a quiet NaN without Invalid. */
    fcsr_set(0);
    uint64_t q = cvt_d_s(S_QNAN);
    uint32_t st = fcsr_get();
    CHECK_TRUE("cvt.d.s qNaN is a quiet NaN",
               (q & D_INF) == D_INF && (q & 0x000fffffffffffffull) &&
               !(q & 0x0008000000000000ull));
    check_fcsr("cvt.d.s qNaN", st, 0);
    uint32_t qs = cvt_s_d(D_QNAN);
    st = fcsr_get();
    CHECK_TRUE("cvt.s.d qNaN is a quiet NaN",
               (qs & S_INF) == S_INF && (qs & 0x7fffffu) && !(qs & 0x400000u));
    check_fcsr("cvt.s.d qNaN", st, 0);
}

/* ---- FCSR bookkeeping ----------------------------------------------------------- */

static void fcsr_bits(void)
{
    /* Cause is replaced by each operation; flags accumulate. */
    fcsr_set(RN);
    add_s(S_1, S_P24, 0);        /* Inexact */
    div_s(S_1, S_0, 0);          /* Divide by zero */
    uint32_t st = fcsr_get();
    CHECK("fcsr after inexact then div0: cause", (st >> 12) & 0x3f, Z);
    CHECK("fcsr after inexact then div0: flags", (st >> 2) & 0x1f, Z | I);
    add_s(S_1, S_2, 0);          /* exact: clears the cause only */
    st = fcsr_get();
    CHECK("fcsr after exact add: cause", (st >> 12) & 0x3f, 0);
    CHECK("fcsr after exact add: flags", (st >> 2) & 0x1f, Z | I);
    /* MOV, and loads/stores/moves, do not touch the cause. */
    fcsr_set(RN | (V << 12));
    __asm__ volatile("mov.s $f4, $f0" ::: "$f4");
    CHECK("fcsr after mov.s keeps cause", (fcsr_get() >> 12) & 0x3f, V);
    /* The rounding mode and FS read back; NAN2008/ABS2008 stay 0. */
    fcsr_set(RM | FS | (1u << 18) | (1u << 19));
    st = fcsr_get();
    CHECK("fcsr RM|FS readback", st & (3u | FS | 3u << 18), RM | FS);
    /* FENR / FEXR / FCCR views. */
    fcsr_set(RP | FS | (I << 7) | (O << 2) | (1u << 23) | (1u << 27));
    uint32_t fenr, fexr, fccr;
    __asm__ volatile("cfc1 %0, $28\n\tcfc1 %1, $26\n\tcfc1 %2, $25"
                     : "=r"(fenr), "=r"(fexr), "=r"(fccr));
    CHECK("FENR", fenr, (I << 7) | 4 | RP);
    CHECK("FEXR", fexr, O << 2);
    CHECK("FCCR", fccr, 0x09);
    fccr_set(0x82);
    CHECK("FCCR readback", fccr_get(), 0x82);
    st = fcsr_get();
    CHECK("ctc1 FCCR -> FCSR FCC bits", st & 0xfe800000u, 1u << 31 | 1u << 25);
    fcsr_set(0);
    uint32_t fir;
    __asm__ volatile("cfc1 %0, $0" : "=r"(fir));
    /* FIR: S, D, W, L present (bits 16, 17, 20, 21), F64 (22), no
     * Has2008 (23). */
    CHECK("FIR S D W L", fir & (1u << 16 | 1u << 17 | 1u << 20 | 1u << 21),
          1u << 16 | 1u << 17 | 1u << 20 | 1u << 21);
    CHECK("FIR Has2008", fir & (1u << 23), 0);
}

/* ---- Compares and conditional branches/moves ------------------------------------- */

/* c.COND.fmt with the result in FCC cc; returns FCSR. */
#define DEF_CMP(cond, cc)                                                   \
    static uint32_t cmp_s_##cond(uint32_t a, uint32_t b)                    \
    {                                                                       \
        uint32_t r;                                                         \
        __asm__ volatile("mtc1 %1, $f0\n\tmtc1 %2, $f2\n\t"                 \
                         "c." #cond ".s $fcc" #cc ", $f0, $f2\n\t"          \
                         "cfc1 %0, $31"                                     \
                         : "=r"(r) : "r"(a), "r"(b) : "$f0", "$f2");        \
        return r;                                                           \
    }                                                                       \
    static uint32_t cmp_d_##cond(uint64_t a, uint64_t b)                    \
    {                                                                       \
        uint64_t in[2] = { a, b };                                          \
        uint32_t r;                                                         \
        __asm__ volatile("ldc1 $f0, 0(%1)\n\tldc1 $f2, 8(%1)\n\t"           \
                         "c." #cond ".d $fcc" #cc ", $f0, $f2\n\t"          \
                         "cfc1 %0, $31"                                     \
                         : "=r"(r) : "r"(in), "m"(in)                       \
                         : "$f0", "$f1", "$f2", "$f3");                     \
        return r;                                                           \
    }

DEF_CMP(f, 0)
DEF_CMP(un, 1)
DEF_CMP(eq, 2)
DEF_CMP(ueq, 3)
DEF_CMP(olt, 4)
DEF_CMP(ult, 5)
DEF_CMP(ole, 6)
DEF_CMP(ule, 7)
DEF_CMP(sf, 0)
DEF_CMP(ngle, 1)
DEF_CMP(seq, 2)
DEF_CMP(ngl, 3)
DEF_CMP(lt, 4)
DEF_CMP(nge, 5)
DEF_CMP(le, 6)
DEF_CMP(ngt, 7)

static const struct {
    const char *name;
    uint32_t (*s)(uint32_t, uint32_t);
    uint32_t (*d)(uint64_t, uint64_t);
} cmps[16] = {
#define C(n) { #n, cmp_s_##n, cmp_d_##n }
    C(f), C(un), C(eq), C(ueq), C(olt), C(ult), C(ole), C(ule),
    C(sf), C(ngle), C(seq), C(ngl), C(lt), C(nge), C(le), C(ngt),
#undef C
};

/*
 * Which of the 16 conditions (bit n = condition n) hold for each
 * relation between the operands, from the manual's table: condition
 * bit 0 = true if unordered, bit 1 = if equal, bit 2 = if less.
 * Conditions 8-15 signal Invalid on any unordered operand, 0-7 only on a
 * signalling NaN.
 */
enum { REL_LT, REL_EQ, REL_GT, REL_UNQ, REL_UNS, NREL };
static const char *const rel_name[NREL] = { "lt", "eq", "gt", "qnan", "snan" };
static const uint16_t rel_true[NREL] = {
    [REL_LT] = 0xf0f0,   /* olt ult ole ule lt nge le ngt */
    [REL_EQ] = 0xcccc,   /* eq ueq ole ule seq ngl le ngt */
    [REL_GT] = 0x0000,
    [REL_UNQ] = 0xaaaa,  /* un ueq ult ule ngle ngl nge ngt */
    [REL_UNS] = 0xaaaa,
};
static const uint16_t rel_invalid[NREL] = {
    [REL_UNQ] = 0xff00, [REL_UNS] = 0xffff,
};

static void compares(void)
{
    static const uint32_t sa[NREL] = { S_1, S_M0, S_INF, S_QNAN, S_1 };
    static const uint32_t sb[NREL] = { S_2, S_0, S_1, S_1, S_SNAN };
    static const uint64_t da[NREL] = { D_MINF, D_3, D_1, D_1, D_SNAN };
    static const uint64_t db[NREL] = { D_M1, D_3, D_DMIN, D_QNAN, D_0 };
    char n[96];

    for (int cond = 0; cond < 16; cond++) {
        int cc = cond & 7;
        uint32_t bit = cc == 0 ? 1u << 23 : 1u << (24 + cc);
        for (int r = 0; r < NREL; r++) {
            int want = (rel_true[r] >> cond) & 1;
            unsigned cause = (rel_invalid[r] >> cond) & 1 ? V : 0;
            for (int dbl = 0; dbl < 2; dbl++) {
                /* Start from the opposite value in the target FCC and a
                 * pattern in the others, which must stay. */
                uint32_t other = 0xa4800000u & ~bit;
                fcsr_set(other | (want ? 0 : bit));
                uint32_t st = dbl ? cmps[cond].d(da[r], db[r])
                                  : cmps[cond].s(sa[r], sb[r]);
                fcsr_set(0);
                snprintf(n, sizeof n, "c.%s.%s fcc%d %s", cmps[cond].name,
                         dbl ? "d" : "s", cc, rel_name[r]);
                CHECK(n, st & 0xfe800000u, other | (want ? bit : 0));
                snprintf(n, sizeof n, "c.%s.%s %s cause", cmps[cond].name,
                         dbl ? "d" : "s", rel_name[r]);
                CHECK(n, (st >> 12) & 0x3f, cause);
            }
        }
    }
}

/* BC1T/BC1F (likely or not) on FCC n: 1 = taken (delay slot ran),
 * 17 = not taken, 16 = not taken with the slot nullified. */
#define DEF_BC1(name, insn)                                                 \
    static int name(void)                                                   \
    {                                                                       \
        int r;                                                              \
        __asm__ volatile(".set push\n\t.set noreorder\n\t"                  \
                         "move %0, $0\n\t"                                  \
                         insn " 1f\n\t"                                     \
                         "addiu %0, %0, 1\n\t"                              \
                         "addiu %0, %0, 16\n"                               \
                         "1:\n\t.set pop" : "=&r"(r));                      \
        return r;                                                           \
    }
DEF_BC1(bc1t_0, "bc1t $fcc0,")
DEF_BC1(bc1f_0, "bc1f $fcc0,")
DEF_BC1(bc1t_5, "bc1t $fcc5,")
DEF_BC1(bc1f_5, "bc1f $fcc5,")
DEF_BC1(bc1tl_7, "bc1tl $fcc7,")
DEF_BC1(bc1fl_7, "bc1fl $fcc7,")
DEF_BC1(bc1tl_0, "bc1tl $fcc0,")
DEF_BC1(bc1fl_0, "bc1fl $fcc0,")

/* Compare and branch in one sequence: is a < b (single)? */
static int lt_branch(uint32_t a, uint32_t b)
{
    int r;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "mtc1 %1, $f0\n\tmtc1 %2, $f2\n\t"
                     "c.olt.s $fcc2, $f0, $f2\n\t"
                     "bc1t $fcc2, 1f\n\t"
                     "li %0, 1\n\t"
                     "li %0, 0\n"
                     "1:\n\t.set pop"
                     : "=&r"(r) : "r"(a), "r"(b) : "$f0", "$f2");
    return r;
}

static void branches(void)
{
    static const struct { const char *name; int (*f)(void); int cc; int t;
                          int likely; } br[] = {
        { "bc1t fcc0", bc1t_0, 0, 1, 0 }, { "bc1f fcc0", bc1f_0, 0, 0, 0 },
        { "bc1t fcc5", bc1t_5, 5, 1, 0 }, { "bc1f fcc5", bc1f_5, 5, 0, 0 },
        { "bc1tl fcc7", bc1tl_7, 7, 1, 1 }, { "bc1fl fcc7", bc1fl_7, 7, 0, 1 },
        { "bc1tl fcc0", bc1tl_0, 0, 1, 1 }, { "bc1fl fcc0", bc1fl_0, 0, 0, 1 },
    };
    char n[64];
    for (unsigned k = 0; k < sizeof br / sizeof br[0]; k++)
        for (int v = 0; v < 2; v++) {
            /* Set only the tested FCC to v; all others to !v. */
            fccr_set(v ? 1u << br[k].cc : 0xffu & ~(1u << br[k].cc));
            int got = br[k].f();
            int taken = v == br[k].t;
            snprintf(n, sizeof n, "%s with fcc=%d", br[k].name, v);
            CHECK(n, got, taken ? 1 : br[k].likely ? 16 : 17);
        }
    fccr_set(0);
    CHECK("c.olt.s+bc1t 1<2", lt_branch(S_1, S_2), 1);
    CHECK("c.olt.s+bc1t 2<1", lt_branch(S_2, S_1), 0);
    CHECK("c.olt.s+bc1t qNaN<1", lt_branch(S_QNAN, S_1), 0);
    CHECK("c.olt.s+bc1t -inf<-max", lt_branch(S_MINF, S_MMAX), 1);
}

static void cond_moves(void)
{
    uint32_t r;
    /* MOVT/MOVF on the integer unit. */
    fccr_set(1u << 3);
    r = 11;
    __asm__ volatile("movt %0, %1, $fcc3" : "+r"(r) : "r"(22));
    CHECK("movt fcc3=1", r, 22);
    r = 11;
    __asm__ volatile("movf %0, %1, $fcc3" : "+r"(r) : "r"(22));
    CHECK("movf fcc3=1", r, 11);
    r = 11;
    __asm__ volatile("movf %0, %1, $fcc4" : "+r"(r) : "r"(22));
    CHECK("movf fcc4=0", r, 22);
    r = 11;
    __asm__ volatile("movt %0, %1, $fcc0" : "+r"(r) : "r"(22));
    CHECK("movt fcc0=0", r, 11);

    /* MOVT.S/MOVF.S, MOVZ.S/MOVN.S: $f4 starts as 1.0, $f0 holds 2.0. */
#define FMOV_S(insn, gpr) ({                                               \
        uint32_t r_;                                                       \
        __asm__ volatile("mtc1 %1, $f4\n\tmtc1 %2, $f0\n\t" insn "\n\t"    \
                         "mfc1 %0, $f4"                                    \
                         : "=r"(r_) : "r"(S_1), "r"(S_2), "r"(gpr)         \
                         : "$f0", "$f4");                                  \
        r_; })
    CHECK("movt.s fcc3=1", FMOV_S("movt.s $f4, $f0, $fcc3", 0), S_2);
    CHECK("movf.s fcc3=1", FMOV_S("movf.s $f4, $f0, $fcc3", 0), S_1);
    CHECK("movt.s fcc6=0", FMOV_S("movt.s $f4, $f0, $fcc6", 0), S_1);
    CHECK("movf.s fcc6=0", FMOV_S("movf.s $f4, $f0, $fcc6", 0), S_2);
    CHECK("movz.s rt=0", FMOV_S("movz.s $f4, $f0, %3", 0), S_2);
    CHECK("movz.s rt=5", FMOV_S("movz.s $f4, $f0, %3", 5), S_1);
    CHECK("movn.s rt=0", FMOV_S("movn.s $f4, $f0, %3", 0), S_1);
    CHECK("movn.s rt=-1", FMOV_S("movn.s $f4, $f0, %3", -1), S_2);

#define FMOV_D(insn, gpr) ({                                               \
        uint64_t in_[2] = { D_1, D_3 }, r_;                                \
        __asm__ volatile("ldc1 $f4, 0(%1)\n\tldc1 $f0, 8(%1)\n\t" insn     \
                         "\n\tsdc1 $f4, 0(%0)"                             \
                         :: "r"(&r_), "r"(in_), "r"(gpr), "m"(in_)         \
                         : "$f0", "$f1", "$f4", "$f5", "memory");          \
        r_; })
    CHECK("movt.d fcc3=1", FMOV_D("movt.d $f4, $f0, $fcc3", 0), D_3);
    CHECK("movf.d fcc3=1", FMOV_D("movf.d $f4, $f0, $fcc3", 0), D_1);
    CHECK("movf.d fcc1=0", FMOV_D("movf.d $f4, $f0, $fcc1", 0), D_3);
    CHECK("movz.d rt=0", FMOV_D("movz.d $f4, $f0, %2", 0), D_3);
    CHECK("movz.d rt=1", FMOV_D("movz.d $f4, $f0, %2", 1), D_1);
    CHECK("movn.d rt=0", FMOV_D("movn.d $f4, $f0, %2", 0), D_1);
    CHECK("movn.d rt=7", FMOV_D("movn.d $f4, $f0, %2", 7), D_3);
    fccr_set(0);
}

int main(void)
{
    arith_single();
    arith_double();
    conversions();
    fcsr_bits();
    compares();
    branches();
    cond_moves();
    return check_done("fpu");
}
