/*
 * VFP arithmetic as the ARM ARM pseudo-code defines it (FPUnpack, FPRound,
 * FPProcessNaNs, FPCompare, FPToFixed, FixedToFP, FPConvert).
 *
 * Method: every operation is first computed on the host in x87 extended
 * precision (64-bit significand) with round-towards-zero, and made
 * "round to odd" by setting the lowest significand bit when the host says
 * the result was inexact.  With at least two more bits than the target
 * format that value rounds to the exact ARM answer in any mode, and it
 * lies below 2^Emin exactly when the infinitely precise result does, so
 * fp_round() can apply ARM's rules itself: tininess before rounding,
 * flush-to-zero of results (UFC, no IXC), overflow by rounding mode, and
 * the flags.  NaNs, input flushing and default-NaN mode are handled
 * explicitly before the host sees an operand.  Needs an x86 host (the
 * 80-bit long double) and little-endian register storage.
 */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include "target/arm/translate.h"
#include "target/arm/vfp.h"
#include "util/bits.h"


enum { T_ZERO, T_NUM, T_INF, T_QNAN, T_SNAN };

struct fmt {
    int p;       /* significand bits including the hidden one */
    int ebits;
    int bias;
    int width;
};
static const struct fmt fmts[3] = {
    [VFP_F16] = { 11, 5, 15, 16 },
    [VFP_F32] = { 24, 8, 127, 32 },
    [VFP_F64] = { 53, 11, 1023, 64 },
};

static uint64_t sign_bit(int f)
{
    return 1ull << (fmts[f].width - 1);
}

static uint64_t frac_mask(int f)
{
    return (1ull << (fmts[f].p - 1)) - 1;
}

static uint64_t exp_max(int f)
{
    return (1ull << fmts[f].ebits) - 1;
}

static uint64_t default_nan(int f)
{
    return (exp_max(f) << (fmts[f].p - 1)) | (1ull << (fmts[f].p - 2));
}

static uint64_t inf_bits(int f, bool neg)
{
    return (neg ? sign_bit(f) : 0) | (exp_max(f) << (fmts[f].p - 1));
}

/* FPUnpack: classify, flush input denormals when FZ (not half), value. */
static long double unpack(uint64_t bits, int f, uint32_t *fpscr, int *type)
{
    const struct fmt *m = &fmts[f];
    bool neg = bits & sign_bit(f);
    uint64_t e = (bits >> (m->p - 1)) & exp_max(f), fr = bits & frac_mask(f);
    bool ahp = f == VFP_F16 && (*fpscr & FPSCR_AHP);
    long double v;

    if (e == 0) {
        if (fr == 0 || (f != VFP_F16 && (*fpscr & FPSCR_FZ))) {
            if (fr)
                *fpscr |= FPSCR_IDC;
            *type = T_ZERO;
            return neg ? -0.0L : 0.0L;
        }
        v = ldexpl((long double)fr, 1 - m->bias - (m->p - 1));
    } else if (e == exp_max(f) && !ahp) {
        if (fr == 0) {
            *type = T_INF;
            return neg ? -INFINITY : INFINITY;
        }
        *type = (fr >> (m->p - 2)) & 1 ? T_QNAN : T_SNAN;
        return NAN;
    } else {
        v = ldexpl((long double)(fr | (1ull << (m->p - 1))),
                   (int)e - m->bias - (m->p - 1));
    }
    *type = T_NUM;
    return neg ? -v : v;
}

static bool is_nan(int t)
{
    return t == T_QNAN || t == T_SNAN;
}

/* FPProcessNaN */
static uint64_t process_nan(int t, uint64_t bits, int f, uint32_t *fpscr)
{
    if (t == T_SNAN)
        *fpscr |= FPSCR_IOC;
    if (*fpscr & FPSCR_DN)
        return default_nan(f);
    return bits | (1ull << (fmts[f].p - 2));
}

/* FPProcessNaNs / FPProcessNaNs3: first SNaN, else first QNaN. */
static bool process_nans(int n, const int *t, const uint64_t *b, int f,
                         uint32_t *fpscr, uint64_t *res)
{
    for (int i = 0; i < n; i++)
        if (t[i] == T_SNAN) {
            *res = process_nan(t[i], b[i], f, fpscr);
            return true;
        }
    for (int i = 0; i < n; i++)
        if (t[i] == T_QNAN) {
            *res = process_nan(t[i], b[i], f, fpscr);
            return true;
        }
    return false;
}

static int arm_rmode(uint32_t fpscr)
{
    return (fpscr >> 22) & 3;   /* 0 RN, 1 RP, 2 RM, 3 RZ */
}

static const int host_rmode[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD,
                                   FE_TOWARDZERO };

/*
 * FPRound of a non-zero finite value x (exact, or rounded to odd with
 * at least two spare bits) into format f.
 */
static uint64_t fp_round(long double x, int f, uint32_t *fpscr)
{
    const struct fmt *m = &fmts[f];
    bool neg = signbit(x);
    long double a = fabsl(x);
    int e, mode = arm_rmode(*fpscr);
    bool ahp = f == VFP_F16 && (*fpscr & FPSCR_AHP);
    int emin = 1 - m->bias;

    frexpl(a, &e);
    e -= 1;   /* a in [2^e, 2^(e+1)) */
    bool tiny = e < emin;
    uint64_t sgn = neg ? sign_bit(f) : 0;
    if (tiny && f != VFP_F16 && (*fpscr & FPSCR_FZ)) {
        *fpscr |= FPSCR_UFC;
        return sgn;
    }
    int lsb = (tiny ? emin : e) - (m->p - 1);
    long double s = ldexpl(a, -lsb);
    long double ip = floorl(s), fr = s - ip;
    uint64_t mant = (uint64_t)ip;
    bool inexact = fr != 0;
    bool up;
    switch (mode) {
    case 0: up = fr > 0.5L || (fr == 0.5L && (mant & 1)); break;
    case 1: up = inexact && !neg; break;
    case 2: up = inexact && neg; break;
    default: up = false; break;
    }
    mant += up;
    uint64_t bits;
    if (tiny)
        bits = mant;
    else
        bits = ((uint64_t)(e + m->bias) << (m->p - 1)) + mant -
               (1ull << (m->p - 1));
    uint64_t ex = bits >> (m->p - 1);
    if (ahp) {
        if (ex > exp_max(f)) {
            *fpscr |= FPSCR_IOC;
            return sgn | 0x7fff;
        }
    } else if (ex >= exp_max(f)) {
        bool to_inf = mode == 0 || (mode == 1 && !neg) || (mode == 2 && neg);
        *fpscr |= FPSCR_OFC | FPSCR_IXC;
        if (to_inf)
            return inf_bits(f, neg);
        return sgn | ((exp_max(f) - 1) << (m->p - 1)) | frac_mask(f);
    }
    if (inexact) {
        *fpscr |= FPSCR_IXC;
        if (tiny)
            *fpscr |= FPSCR_UFC;
    }
    return sgn | bits;
}

/* A host result (with host exception flags hf) turned into format f. */
static uint64_t finish(long double x, int hf, int f, uint32_t *fpscr)
{
    if (hf & FE_INVALID) {
        *fpscr |= FPSCR_IOC;
        return default_nan(f);
    }
    if (hf & FE_DIVBYZERO)
        *fpscr |= FPSCR_DZC;
    if (isinf(x))
        return inf_bits(f, signbit(x));
    if (x == 0)
        return signbit(x) ? sign_bit(f) : 0;
    if (hf & FE_INEXACT) {
        union {
            long double ld;
            struct {
                uint64_t m;
                uint16_t se;
            } s;
        } u;
        u.ld = x;
        u.s.m |= 1;
        x = u.ld;
    }
    return fp_round(x, f, fpscr);
}

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA };

/* The host computation in extended precision under rounding mode rm. */
static long double host_op(int op, long double a, long double b,
                           long double c, int rm, int *hf)
{
    volatile long double va = a, vb = b, vc = c;
    long double r;
    fesetround(rm);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case OP_ADD: r = va + vb; break;
    case OP_SUB: r = va - vb; break;
    case OP_MUL: r = va * vb; break;
    case OP_DIV: r = va / vb; break;
    case OP_SQRT: r = sqrtl(va); break;
    default: r = fmal(va, vb, vc); break;
    }
    volatile long double vr = r;
    *hf = fetestexcept(FE_ALL_EXCEPT);
    fesetround(FE_TONEAREST);
    return vr;
}

/* Round-to-odd computation; an exact zero is recomputed in the ARM mode
 * so that its sign follows the rounding mode (x + -x = -0 in RM). */
static uint64_t compute(int op, long double a, long double b, long double c,
                        int f, uint32_t *fpscr)
{
    int hf;
    long double r = host_op(op, a, b, c, FE_TOWARDZERO, &hf);
    if (r == 0 && !(hf & FE_INVALID))
        r = host_op(op, a, b, c, host_rmode[arm_rmode(*fpscr)], &hf);
    return finish(r, hf, f, fpscr);
}

uint64_t vfp_binop(int op, uint64_t a, uint64_t b, int f, uint32_t *fpscr)
{
    int t[2];
    uint64_t bits[2] = { a, b }, r;
    long double va = unpack(a, f, fpscr, &t[0]);
    long double vb = unpack(b, f, fpscr, &t[1]);
    if (process_nans(2, t, bits, f, fpscr, &r))
        return r;
    return compute(op, va, vb, 0, f, fpscr);
}

uint64_t vfp_add(uint64_t a, uint64_t b, int f, uint32_t *fpscr)
{
    return vfp_binop(OP_ADD, a, b, f, fpscr);
}

uint64_t vfp_sub(uint64_t a, uint64_t b, int f, uint32_t *fpscr)
{
    return vfp_binop(OP_SUB, a, b, f, fpscr);
}

uint64_t vfp_mul(uint64_t a, uint64_t b, int f, uint32_t *fpscr)
{
    return vfp_binop(OP_MUL, a, b, f, fpscr);
}

uint64_t vfp_div(uint64_t a, uint64_t b, int f, uint32_t *fpscr)
{
    return vfp_binop(OP_DIV, a, b, f, fpscr);
}

uint64_t vfp_sqrt(uint64_t a, int f, uint32_t *fpscr)
{
    int t;
    long double v = unpack(a, f, fpscr, &t);
    if (is_nan(t))
        return process_nan(t, a, f, fpscr);
    return compute(OP_SQRT, v, 0, 0, f, fpscr);
}

/* FPMulAdd(addend, op1, op2): fused, one rounding. */
uint64_t vfp_muladd(uint64_t addend, uint64_t op1, uint64_t op2, int f,
                    uint32_t *fpscr)
{
    int t[3];
    uint64_t bits[3] = { addend, op1, op2 }, r;
    long double va = unpack(addend, f, fpscr, &t[0]);
    long double v1 = unpack(op1, f, fpscr, &t[1]);
    long double v2 = unpack(op2, f, fpscr, &t[2]);
    bool done = process_nans(3, t, bits, f, fpscr, &r);
    if (t[0] == T_QNAN && ((t[1] == T_INF && t[2] == T_ZERO) ||
                           (t[1] == T_ZERO && t[2] == T_INF))) {
        *fpscr |= FPSCR_IOC;
        return default_nan(f);
    }
    if (done)
        return r;
    return compute(OP_FMA, v1, v2, va, f, fpscr);
}

uint64_t vfp_neg(uint64_t a, int f)
{
    return a ^ sign_bit(f);
}

/* FPCompare: NZCV in bits 31:28. */
uint32_t vfp_compare(uint64_t a, uint64_t b, int f, bool quiet_nan_exc,
                     uint32_t *fpscr)
{
    int ta, tb;
    long double va = unpack(a, f, fpscr, &ta);
    long double vb = unpack(b, f, fpscr, &tb);
    if (is_nan(ta) || is_nan(tb)) {
        if (ta == T_SNAN || tb == T_SNAN || quiet_nan_exc)
            *fpscr |= FPSCR_IOC;
        return 0x30000000;
    }
    if (va == vb)
        return 0x60000000;
    return va < vb ? 0x80000000 : 0x20000000;
}

/* FPToFixed: size 16 or 32 bit result, fbits fraction bits. */
uint32_t vfp_to_fixed(uint64_t a, int f, int size, int fbits, bool uns,
                      bool round_zero, uint32_t *fpscr)
{
    int t;
    long double v = unpack(a, f, fpscr, &t);
    if (is_nan(t)) {
        *fpscr |= FPSCR_IOC;
        return 0;
    }
    long double x = ldexpl(v, fbits);
    long double ip = floorl(x), fr = x - ip;
    int mode = round_zero ? 3 : arm_rmode(*fpscr);
    bool up;
    if (isinf(x)) {
        ip = x;
        fr = 0;
    }
    switch (mode) {
    case 0: up = fr > 0.5L || (fr == 0.5L && fmodl(ip, 2) != 0); break;
    case 1: up = fr != 0; break;
    case 2: up = false; break;
    default: up = fr != 0 && x < 0; break;
    }
    long double r = ip + (up ? 1 : 0);
    long double lo = uns ? 0 : -ldexpl(1, size - 1);
    long double hi = uns ? ldexpl(1, size) - 1 : ldexpl(1, size - 1) - 1;
    int64_t iv;
    if (r < lo || r > hi) {
        *fpscr |= FPSCR_IOC;
        iv = r < lo ? (int64_t)lo : (int64_t)hi;
    } else {
        iv = (int64_t)r;
        if (fr != 0)
            *fpscr |= FPSCR_IXC;
    }
    return (uint32_t)iv & (size == 32 ? 0xffffffffu : 0xffffu);
}

/* FixedToFP: the low `size` bits of v, fbits fraction bits, FPSCR mode. */
uint64_t vfp_from_fixed(uint32_t v, int size, int fbits, bool uns, int f,
                        uint32_t *fpscr)
{
    int64_t iv;
    if (size == 16)
        iv = uns ? (int64_t)(v & 0xffff) : (int64_t)(int16_t)v;
    else
        iv = uns ? (int64_t)v : (int64_t)(int32_t)v;
    if (iv == 0)
        return 0;
    return fp_round(ldexpl((long double)iv, -fbits), f, fpscr);
}

/* FPConvert between formats (VCVT.F64.F32, VCVT.F32.F64, VCVTB/VCVTT). */
uint64_t vfp_convert(uint64_t a, int from, int to, uint32_t *fpscr)
{
    int t;
    long double v = unpack(a, from, fpscr, &t);
    bool neg = a & sign_bit(from);
    bool ahp = to == VFP_F16 && (*fpscr & FPSCR_AHP);

    if (is_nan(t)) {
        if (ahp) {   /* no NaNs: a zero of the NaN's sign */
            *fpscr |= FPSCR_IOC;
            return neg ? sign_bit(to) : 0;
        }
        if (t == T_SNAN)
            *fpscr |= FPSCR_IOC;
        if (*fpscr & FPSCR_DN)
            return default_nan(to);
        uint64_t fr = a & frac_mask(from);
        int sh = fmts[from].p - fmts[to].p;
        fr = sh >= 0 ? fr >> sh : fr << -sh;
        return (neg ? sign_bit(to) : 0) | default_nan(to) | fr;
    }
    if (t == T_INF) {
        if (ahp) {
            *fpscr |= FPSCR_IOC;
            return (neg ? sign_bit(to) : 0) | 0x7fff;
        }
        return inf_bits(to, neg);
    }
    if (t == T_ZERO)
        return neg ? sign_bit(to) : 0;
    return fp_round(v, to, fpscr);
}

/* VFPExpandImm */
uint64_t vfp_expand_imm(uint32_t imm8, int f)
{
    uint64_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
    if (f == VFP_F32)
        return a << 31 | (b ^ 1) << 30 | (b ? 0x3e000000ull : 0) |
               cdefgh << 19;
    return a << 63 | (b ^ 1) << 62 | (b ? 0x3fc0000000000000ull : 0) |
           cdefgh << 48;
}
