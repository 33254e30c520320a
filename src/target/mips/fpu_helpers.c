/*
 * FPU arithmetic for the MIPS guest: host IEEE arithmetic under the
 * guest's rounding mode, with what the host cannot do done here:
 *
 *  - the legacy NaN encoding of MIPS before Release 6 / NAN2008: a NaN
 *    with the top fraction bit SET is signalling, CLEAR is quiet, the
 *    reverse of IEEE 754-2008 (and of the x86 host).  Operands are
 *    checked before the host sees them: a signalling NaN raises Invalid
 *    and gives the default NaN (0x7fbfffff / 0x7ff7ffffffffffff), a
 *    quiet NaN is passed through; a NaN the host produces (Invalid
 *    operations) becomes the default NaN;
 *  - FCSR: cause bits are set per operation, flags accumulate, and an
 *    exception whose enable bit is set raises SIGFPE (MIPS_EXCP_FPE)
 *    before the destination is written;
 *  - flush to zero (FCSR.FS): denormal operands and results become zero.
 *
 * MADD.fmt and friends round the product before adding (Release 2 is
 * not fused).
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "target/mips/cpu.h"
#include "target/mips/fpu.h"

static inline float f32(uint32_t v) { float f; memcpy(&f, &v, 4); return f; }
static inline double f64(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }
static inline uint32_t b32(float f) { uint32_t v; memcpy(&v, &f, 4); return v; }
static inline uint64_t b64(double d) { uint64_t v; memcpy(&v, &d, 8); return v; }

static bool nan_s(uint32_t a) { return (a & 0x7fffffffu) > 0x7f800000u; }
static bool snan_s(uint32_t a) { return nan_s(a) && (a & 0x00400000u); }
static bool nan_d(uint64_t a) { return (a << 1) > (0x7ff0000000000000ull << 1); }
static bool snan_d(uint64_t a) { return nan_d(a) && (a & 0x0008000000000000ull); }
static bool denormal_s(uint32_t a) { return (a & 0x7f800000u) == 0 && (a & 0x7fffffu); }
static bool denormal_d(uint64_t a)
{
    return (a & 0x7ff0000000000000ull) == 0 && (a & 0x000fffffffffffffull);
}

static const int host_rm[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD,
                                FE_DOWNWARD };

static void fp_begin(const struct mips_cpu *cpu)
{
    fesetround(host_rm[cpu->fcsr & FCSR_RM]);
    feclearexcept(FE_ALL_EXCEPT);
}

static int fp_host_cause(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT), c = 0;
    if (e & FE_INEXACT) c |= FP_INEXACT;
    if (e & FE_UNDERFLOW) c |= FP_UNDERFLOW;
    if (e & FE_OVERFLOW) c |= FP_OVERFLOW;
    if (e & FE_DIVBYZERO) c |= FP_DIV0;
    if (e & FE_INVALID) c |= FP_INVALID;
    fesetround(FE_TONEAREST);
    return c;
}

/* Record the cause; trap when it is enabled (Unimplemented always traps). */
static void fp_finish(struct mips_cpu *cpu, int cause, uintptr_t ra)
{
    uint32_t fcsr = cpu->fcsr & ~(0x3fu << FCSR_CAUSE_SHIFT);
    int enables = (fcsr >> FCSR_ENABLES_SHIFT) & 0x1f;

    fcsr |= (uint32_t)cause << FCSR_CAUSE_SHIFT;
    if (cause & (enables | FP_UNIMPL)) {
        cpu->fcsr = fcsr;
        cpu_raise(&cpu->common, MIPS_EXCP_FPE, ra);
    }
    cpu->fcsr = fcsr | (uint32_t)(cause & 0x1f) << FCSR_FLAGS_SHIFT;
}

/* ---- Arithmetic ------------------------------------------------------------------ */

static int nargs_of(int op)
{
    switch (op) {
    case FOP_SQRT: case FOP_ABS: case FOP_NEG: case FOP_RECIP: case FOP_RSQRT:
        return 1;
    case FOP_MADD: case FOP_MSUB: case FOP_NMADD: case FOP_NMSUB:
        return 3;
    default:
        return 2;
    }
}

static uint32_t arith_s(struct mips_cpu *cpu, int op, uint32_t a, uint32_t b,
                        uint32_t c, int *cause)
{
    uint32_t in[3] = { a, b, c };
    int n = nargs_of(op);
    bool fs = cpu->fcsr & FCSR_FS;

    /* MADD family: fs*ft +/- fr, operands given as (fr, fs, ft). */
    for (int k = 0; k < n; k++)
        if (snan_s(in[k])) {
            *cause |= FP_INVALID;
            return MIPS_DNAN_S;
        }
    for (int k = 0; k < n; k++)
        if (nan_s(in[k]))
            return in[k];
    if (op == FOP_ABS)
        return a & 0x7fffffffu;
    if (op == FOP_NEG)
        return a ^ 0x80000000u;
    if (fs)
        for (int k = 0; k < n; k++)
            if (denormal_s(in[k]))
                in[k] &= 0x80000000u;

    volatile float x = f32(in[0]), y = f32(in[1]), z = f32(in[2]);
    volatile float r, p;
    fp_begin(cpu);
    switch (op) {
    case FOP_ADD: r = x + y; break;
    case FOP_SUB: r = x - y; break;
    case FOP_MUL: r = x * y; break;
    case FOP_DIV: r = x / y; break;
    case FOP_SQRT: r = sqrtf(x); break;
    case FOP_RECIP: r = 1.0f / x; break;
    case FOP_RSQRT: p = sqrtf(x); r = 1.0f / p; break;
    case FOP_MADD: p = y * z; r = p + x; break;
    case FOP_MSUB: p = y * z; r = p - x; break;
    case FOP_NMADD: p = y * z; r = p + x; r = -r; break;
    case FOP_NMSUB: p = y * z; r = p - x; r = -r; break;
    default: r = 0; break;
    }
    *cause |= fp_host_cause();
    uint32_t res = b32(r);
    if (nan_s(res))
        return MIPS_DNAN_S;
    if (fs && denormal_s(res)) {
        *cause |= FP_UNDERFLOW | FP_INEXACT;
        res &= 0x80000000u;
    }
    return res;
}

static uint64_t arith_d(struct mips_cpu *cpu, int op, uint64_t a, uint64_t b,
                        uint64_t c, int *cause)
{
    uint64_t in[3] = { a, b, c };
    int n = nargs_of(op);
    bool fs = cpu->fcsr & FCSR_FS;

    for (int k = 0; k < n; k++)
        if (snan_d(in[k])) {
            *cause |= FP_INVALID;
            return MIPS_DNAN_D;
        }
    for (int k = 0; k < n; k++)
        if (nan_d(in[k]))
            return in[k];
    if (op == FOP_ABS)
        return a & ~(1ull << 63);
    if (op == FOP_NEG)
        return a ^ (1ull << 63);
    if (fs)
        for (int k = 0; k < n; k++)
            if (denormal_d(in[k]))
                in[k] &= 1ull << 63;

    volatile double x = f64(in[0]), y = f64(in[1]), z = f64(in[2]);
    volatile double r, p;
    fp_begin(cpu);
    switch (op) {
    case FOP_ADD: r = x + y; break;
    case FOP_SUB: r = x - y; break;
    case FOP_MUL: r = x * y; break;
    case FOP_DIV: r = x / y; break;
    case FOP_SQRT: r = sqrt(x); break;
    case FOP_RECIP: r = 1.0 / x; break;
    case FOP_RSQRT: p = sqrt(x); r = 1.0 / p; break;
    case FOP_MADD: p = y * z; r = p + x; break;
    case FOP_MSUB: p = y * z; r = p - x; break;
    case FOP_NMADD: p = y * z; r = p + x; r = -r; break;
    case FOP_NMSUB: p = y * z; r = p - x; r = -r; break;
    default: r = 0; break;
    }
    *cause |= fp_host_cause();
    uint64_t res = b64(r);
    if (nan_d(res))
        return MIPS_DNAN_D;
    if (fs && denormal_d(res)) {
        *cause |= FP_UNDERFLOW | FP_INEXACT;
        res &= 1ull << 63;
    }
    return res;
}

static uint64_t mips_fp_arith(struct cpu_common *c, uint64_t code, uint64_t a,
                              uint64_t b, uint64_t d)
{
    struct mips_cpu *cpu = mips_cpu(c);
    int cause = 0;
    uint64_t r;
    if (code & FP_PS) {
        /* Paired single: the lower (31:0) and upper (63:32) halves are
         * two independent operations; their causes are ORed. */
        uint64_t lo = arith_s(cpu, code & 0xff, (uint32_t)a, (uint32_t)b,
                              (uint32_t)d, &cause);
        uint64_t hi = arith_s(cpu, code & 0xff, (uint32_t)(a >> 32),
                              (uint32_t)(b >> 32), (uint32_t)(d >> 32), &cause);
        r = hi << 32 | lo;
    } else if (code & FP_DBL)
        r = arith_d(cpu, code & 0xff, a, b, d, &cause);
    else
        r = arith_s(cpu, code & 0xff, (uint32_t)a, (uint32_t)b, (uint32_t)d,
                    &cause);
    fp_finish(cpu, cause, GETPC());
    return r;
}
IR_HELPER_DEF(mips_fp_arith, 4, true,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS);

/* ---- Conversions --------------------------------------------------------------------- */

static double to_double(int fmt, uint64_t v)
{
    switch (fmt) {
    case FF_S: return f32((uint32_t)v);
    case FF_D: return f64(v);
    case FF_W: return (int32_t)v;
    default: return (double)(int64_t)v;
    }
}

static double round_int(double x, int rnd)
{
    switch (rnd) {
    case FR_NEAREST: {
        /* Round half to even whatever the current mode is. */
        int save = fegetround();
        fesetround(FE_TONEAREST);
        double r = nearbyint(x);
        fesetround(save);
        return r;
    }
    case FR_TRUNC: return trunc(x);
    case FR_CEIL: return ceil(x);
    case FR_FLOOR: return floor(x);
    default: return nearbyint(x);
    }
}

static uint64_t mips_fp_cvt(struct cpu_common *c, uint64_t code, uint64_t v)
{
    struct mips_cpu *cpu = mips_cpu(c);
    int to = code & 15, from = (code >> 4) & 15, rnd = (code >> 8) & 15;
    int cause = 0;
    uint64_t r = 0;
    bool fs = cpu->fcsr & FCSR_FS;

    if ((from == FF_S && nan_s((uint32_t)v)) || (from == FF_D && nan_d(v))) {
        bool sig = from == FF_S ? snan_s((uint32_t)v) : snan_d(v);
        if (to == FF_W || to == FF_L) {
            cause |= FP_INVALID;
            r = to == FF_W ? 0x7fffffffu : 0x7fffffffffffffffull;
        } else {
            if (sig)
                cause |= FP_INVALID;
            r = to == FF_S ? MIPS_DNAN_S : MIPS_DNAN_D;
        }
        fp_finish(cpu, cause, GETPC());
        return r;
    }
    if (fs && ((from == FF_S && denormal_s((uint32_t)v)) ||
               (from == FF_D && denormal_d(v))))
        v &= from == FF_S ? 0x80000000u : 1ull << 63;

    fp_begin(cpu);
    volatile double x = to_double(from, v);
    if (to == FF_W || to == FF_L) {
        double ri = round_int(x, rnd);
        double lim = to == FF_W ? 2147483648.0 : 9223372036854775808.0;
        fp_host_cause();
        if (!(ri < lim && ri >= -lim)) {
            cause |= FP_INVALID;
            r = to == FF_W ? 0x7fffffffu : 0x7fffffffffffffffull;
        } else {
            if (ri != x)
                cause |= FP_INEXACT;
            r = to == FF_W ? (uint32_t)(int32_t)ri : (uint64_t)(int64_t)ri;
        }
    } else if (to == FF_S) {
        volatile float f;
        if (from == FF_L) {
            f = (float)(int64_t)v;   /* one rounding from the integer */
        } else {
            f = (float)x;
        }
        cause |= fp_host_cause();
        r = b32(f);
        if (fs && denormal_s((uint32_t)r)) {
            cause |= FP_UNDERFLOW | FP_INEXACT;
            r &= 0x80000000u;
        }
    } else {
        volatile double d = from == FF_L ? (double)(int64_t)v : x;
        cause |= fp_host_cause();
        r = b64(d);
    }
    fp_finish(cpu, cause, GETPC());
    return r;
}
IR_HELPER_DEF(mips_fp_cvt, 2, true,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS);

/* ---- Compares ------------------------------------------------------------------------- */

/*
 * C.cond.fmt: cond bit 0 = true when unordered, bit 1 = when equal,
 * bit 2 = when less; bit 3 = signal Invalid on quiet NaNs too.  code =
 * cond | dbl << 4 | cc << 5 | ps << 8.  C.cond.PS compares the lower
 * halves into FCC cc and the upper halves into FCC cc+1.
 */
static bool cmp_one(int cond, bool dbl, uint64_t a, uint64_t b, int *cause)
{
    bool un, eq, lt, sig;
    if (dbl) {
        un = nan_d(a) || nan_d(b);
        sig = snan_d(a) || snan_d(b);
        double x = f64(a), y = f64(b);
        eq = !un && x == y;
        lt = !un && x < y;
    } else {
        un = nan_s((uint32_t)a) || nan_s((uint32_t)b);
        sig = snan_s((uint32_t)a) || snan_s((uint32_t)b);
        float x = f32((uint32_t)a), y = f32((uint32_t)b);
        eq = !un && x == y;
        lt = !un && x < y;
    }
    if (sig || (un && (cond & 8)))
        *cause |= FP_INVALID;
    return (un && (cond & 1)) || (eq && (cond & 2)) || (lt && (cond & 4));
}

static uint32_t set_fcc(uint32_t fcsr, int cc, bool v)
{
    uint32_t bit = cc == 0 ? FCSR_FCC0 : 1u << (24 + cc);
    return v ? fcsr | bit : fcsr & ~bit;
}

static uint64_t mips_fp_cmp(struct cpu_common *c, uint64_t code, uint64_t a,
                            uint64_t b)
{
    struct mips_cpu *cpu = mips_cpu(c);
    int cond = code & 15, cc = (code >> 5) & 7;
    int cause = 0;

    if (code & 0x100) {
        bool lo = cmp_one(cond, false, a, b, &cause);
        bool hi = cmp_one(cond, false, a >> 32, b >> 32, &cause);
        fp_finish(cpu, cause, GETPC());
        cpu->fcsr = set_fcc(set_fcc(cpu->fcsr, cc, lo), (cc + 1) & 7, hi);
        return 0;
    }
    bool res = cmp_one(cond, code & 16, a, b, &cause);
    fp_finish(cpu, cause, GETPC());
    cpu->fcsr = set_fcc(cpu->fcsr, cc, res);
    return 0;
}
IR_HELPER_DEF(mips_fp_cmp, 3, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS);

/* ---- Control registers ------------------------------------------------------------------ */

/* Writable FCSR bits: FCC, FS, cause, enables, flags, RM (not NAN2008 /
 * ABS2008, which are fixed at 0 on a legacy-NaN FPU). */
#define FCSR_WRITABLE 0xff83ffffu

static uint64_t mips_ctc1(struct cpu_common *c, uint64_t fs, uint64_t v)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint32_t f = cpu->fcsr;

    switch (fs) {
    case 25: /* FCCR: FCC7..0 */
        f = (f & ~(0xfeu << 24 | FCSR_FCC0)) | (uint32_t)(v & 0xfe) << 24 |
            (uint32_t)(v & 1) << 23;
        break;
    case 26: /* FEXR: cause and flags */
        f = (f & ~0x0003f07cu) | ((uint32_t)v & 0x0003f07cu);
        break;
    case 28: /* FENR: enables, FS, RM */
        f = (f & ~0x01000f83u) | ((uint32_t)v & 0xf83) |
            ((uint32_t)v & 4) << 22;
        break;
    case 31:
        f = (f & ~FCSR_WRITABLE) | ((uint32_t)v & FCSR_WRITABLE);
        break;
    default:
        return 0;
    }
    cpu->fcsr = f;
    /* A cause bit written together with its enable traps at once. */
    int cause = (f >> FCSR_CAUSE_SHIFT) & 0x3f;
    if (cause & (((f >> FCSR_ENABLES_SHIFT) & 0x1f) | FP_UNIMPL))
        cpu_raise(c, MIPS_EXCP_FPE, GETPC());
    return 0;
}
IR_HELPER_DEF(mips_ctc1, 2, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS);

static uint64_t mips_cfc1(struct cpu_common *c, uint64_t fs)
{
    const struct mips_cpu *cpu = mips_cpu(c);
    uint32_t f = cpu->fcsr;

    switch (fs) {
    case 0: return cpu->fir;
    case 25: return (f >> 24 & 0xfe) | (f >> 23 & 1);
    case 26: return f & 0x0003f07cu;
    case 28: return (f & 0xf83) | (f >> 22 & 4);
    case 31: return f;
    default: return 0;
    }
}
IR_HELPER_DEF(mips_cfc1, 1, true,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
              IR_HELPER_NO_RAISE);
