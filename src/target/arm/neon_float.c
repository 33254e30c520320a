/*
 * Advanced SIMD single-precision lanes.  Every operation runs with the
 * ARM ARM's StandardFPSCRValue(): flush-to-zero, default NaN and round to
 * nearest whatever FPSCR says (only AHP is taken from FPSCR); the
 * exceptions it raises still accumulate in FPSCR's cumulative flags.
 * The arithmetic itself is the VFP one (vfp_helpers.c).
 */
#include <string.h>

#include "target/arm/neon.h"
#include "target/arm/vfp.h"

#define CUMULATIVE (FPSCR_IDC | FPSCR_IXC | FPSCR_UFC | FPSCR_OFC | \
                    FPSCR_DZC | FPSCR_IOC)
#define DEFAULT_NAN 0x7fc00000u
#define SIGN 0x80000000u

static uint32_t standard(const uint32_t *fpscr)
{
    return (*fpscr & FPSCR_AHP) | FPSCR_DN | FPSCR_FZ;
}

static void merge(uint32_t *fpscr, uint32_t tmp)
{
    *fpscr |= tmp & CUMULATIVE;
}

static bool is_nan(uint32_t a)
{
    return (a & 0x7fffffffu) > 0x7f800000u;
}

static bool is_snan(uint32_t a)
{
    return is_nan(a) && !(a & 0x00400000u);
}

static bool is_denormal(uint32_t a)
{
    return (a & 0x7f800000u) == 0 && (a & 0x007fffffu) != 0;
}

/* FPUnpack's flush of a denormal input under FZ (IDC). */
static uint32_t flush(uint32_t a, uint32_t *fs)
{
    if (is_denormal(a)) {
        *fs |= FPSCR_IDC;
        return a & SIGN;
    }
    return a;
}

/* FPProcessNaNs with DN: the default NaN, IOC for a signalling one. */
static bool process_nans(uint32_t a, uint32_t b, uint32_t *r, uint32_t *fs)
{
    if (!is_nan(a) && !is_nan(b))
        return false;
    if (is_snan(a) || is_snan(b))
        *fs |= FPSCR_IOC;
    *r = DEFAULT_NAN;
    return true;
}

/* Signed-magnitude order key of a non-NaN single. */
static int64_t key(uint32_t a)
{
    int64_t m = a & 0x7fffffffu;
    return (a & SIGN) ? -m : m;
}

/* FPMax/FPMin: NaNs first, then the larger/smaller value; two zeros give
 * +0 for max and -0 for min when their signs differ. */
static uint32_t maxmin(uint32_t a, uint32_t b, bool max, uint32_t *fs)
{
    uint32_t r;
    /* FPUnpack (IDC for a denormal) comes before the NaN check */
    a = flush(a, fs);
    b = flush(b, fs);
    if (process_nans(a, b, &r, fs))
        return r;
    if ((a & 0x7fffffffu) == 0 && (b & 0x7fffffffu) == 0)
        return max ? (a & b) : (a | b);
    if (max)
        return key(a) > key(b) ? a : b;
    return key(a) < key(b) ? a : b;
}

static bool is_inf(uint32_t a)
{
    return (a & 0x7fffffffu) == 0x7f800000u;
}

static bool is_zero(uint32_t a)
{
    return (a & 0x7fffffffu) == 0;
}

/* FPRecipStep (2 - a*b) and FPRSqrtStep ((3 - a*b) / 2): the product is
 * rounded before the subtraction, infinity times zero gives 2 (1.5). */
static uint32_t step(uint32_t a, uint32_t b, bool rsqrt, uint32_t *fs)
{
    uint32_t r;
    /* FPUnpack (IDC for a denormal) comes before the NaN check */
    a = flush(a, fs);
    b = flush(b, fs);
    if (process_nans(a, b, &r, fs))
        return r;
    if ((is_inf(a) && is_zero(b)) || (is_zero(a) && is_inf(b)))
        return rsqrt ? 0x3fc00000u : 0x40000000u;
    if (is_inf(a) || is_inf(b))
        return 0x7f800000u | (~(a ^ b) & SIGN);   /* 2 - inf */
    uint32_t p = (uint32_t)vfp_mul(a, b, VFP_F32, fs);
    if (!rsqrt)
        return (uint32_t)vfp_sub(0x40000000u, p, VFP_F32, fs);
    r = (uint32_t)vfp_sub(0x40400000u, p, VFP_F32, fs);
    return (uint32_t)vfp_div(r, 0x40000000u, VFP_F32, fs);
}

static uint32_t cmp_result(bool c)
{
    return c ? 0xffffffffu : 0;
}

/*
 * Fast path on host single-precision arithmetic (SSE, round to nearest,
 * no flush), used when every operand is normal or zero and the result
 * needs no flush, overflow or NaN handling: then the host's correctly
 * rounded result is ARM's, and only IXC has to be found, exactly:
 * TwoSum's error term for a sum, the exact double product for a product.
 * Anything else returns false and takes the exact path.
 */
static bool plain(uint32_t a)
{
    uint32_t e = a & 0x7f800000u;
    return (e != 0 && e != 0x7f800000u) || (a & 0x7fffffffu) == 0;
}

static float f_of(uint32_t a)
{
    float f;
    memcpy(&f, &a, 4);
    return f;
}

static uint32_t bits_of(float f)
{
    uint32_t a;
    memcpy(&a, &f, 4);
    return a;
}

static bool fast_add(uint32_t a, uint32_t b, uint32_t *r, uint32_t *fl)
{
    if (!plain(a) || !plain(b))
        return false;
    float x = f_of(a), y = f_of(b), sum = x + y;
    uint32_t sb = bits_of(sum);
    if (!plain(sb))
        return false;   /* overflow or a denormal sum: exact path */
    /* A zero sum of normal numbers is exact (x + -x). */
    float bb = sum - x;
    float err = (x - (sum - bb)) + (y - bb);
    if (err != 0.0f)
        *fl |= FPSCR_IXC;
    *r = sb;
    return true;
}

static bool fast_mul(uint32_t a, uint32_t b, uint32_t *r, uint32_t *fl)
{
    if (!plain(a) || !plain(b))
        return false;
    double p = (double)f_of(a) * (double)f_of(b);   /* exact: 24 + 24 bits */
    if (p != 0.0 && (p < 0x1p-126 && p > -0x1p-126))
        return false;   /* tiny before rounding: flushed, UFC */
    float f = (float)p;
    uint32_t fb = bits_of(f);
    if ((fb & 0x7f800000u) == 0x7f800000u)
        return false;   /* overflow */
    if ((double)f != p)
        *fl |= FPSCR_IXC;
    *r = fb;
    return true;
}

static bool fast_op(int op, uint32_t a, uint32_t b, uint32_t d, uint32_t *r,
                    uint32_t *fl)
{
    uint32_t p;
    switch (op) {
    case NOP_VADD_F: case NOP_VPADD_F:
        return fast_add(a, b, r, fl);
    case NOP_VSUB_F:
        return fast_add(a, b ^ SIGN, r, fl);
    case NOP_VABD_F:
        if (!fast_add(a, b ^ SIGN, r, fl))
            return false;
        *r &= ~SIGN;
        return true;
    case NOP_VMUL_F: case NOP_VMUL_SF:
        return fast_mul(a, b, r, fl);
    case NOP_VMLA_F: case NOP_VMLA_SF:
        return fast_mul(a, b, &p, fl) && fast_add(d, p, r, fl);
    case NOP_VMLS_F: case NOP_VMLS_SF:
        return fast_mul(a, b, &p, fl) && fast_add(d, p ^ SIGN, r, fl);
    case NOP_VCEQ_F: case NOP_VCGE_F: case NOP_VCGT_F: {
        if (!plain(a) || !plain(b))
            return false;
        float x = f_of(a), y = f_of(b);
        bool c = op == NOP_VCEQ_F ? x == y : op == NOP_VCGE_F ? x >= y : x > y;
        *r = c ? 0xffffffffu : 0;
        return true;
    }
    }
    return false;
}

uint32_t neon_float_op(int op, uint32_t a, uint32_t b, uint32_t d,
                       uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr), r = 0, nzcv, fl = 0;

    if (fast_op(op, a, b, d, &r, &fl)) {
        *fpscr |= fl;
        return r;
    }

    switch (op) {
    case NOP_VADD_F: case NOP_VPADD_F:
        r = (uint32_t)vfp_add(a, b, VFP_F32, &fs);
        break;
    case NOP_VSUB_F:
        r = (uint32_t)vfp_sub(a, b, VFP_F32, &fs);
        break;
    case NOP_VABD_F:
        r = (uint32_t)vfp_sub(a, b, VFP_F32, &fs) & ~SIGN;
        break;
    case NOP_VMUL_F: case NOP_VMUL_SF:
        r = (uint32_t)vfp_mul(a, b, VFP_F32, &fs);
        break;
    case NOP_VMLA_F: case NOP_VMLA_SF:
        r = (uint32_t)vfp_add(d, (uint32_t)vfp_mul(a, b, VFP_F32, &fs),
                              VFP_F32, &fs);
        break;
    case NOP_VMLS_F: case NOP_VMLS_SF:
        r = (uint32_t)vfp_add(d, (uint32_t)vfp_mul(a, b, VFP_F32, &fs) ^ SIGN,
                              VFP_F32, &fs);
        break;
    case NOP_VFMA_F:
        r = (uint32_t)vfp_muladd(d, a, b, VFP_F32, &fs);
        break;
    case NOP_VFMS_F:
        r = (uint32_t)vfp_muladd(d, a ^ SIGN, b, VFP_F32, &fs);
        break;
    case NOP_VCEQ_F:
        nzcv = vfp_compare(a, b, VFP_F32, false, &fs);
        r = cmp_result(nzcv == 0x60000000u);
        break;
    case NOP_VCGE_F:
        nzcv = vfp_compare(a, b, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x60000000u || nzcv == 0x20000000u);
        break;
    case NOP_VCGT_F:
        nzcv = vfp_compare(a, b, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x20000000u);
        break;
    case NOP_VACGE_F:
    case NOP_VACGT_F:
        /* FPAbs leaves a NaN a NaN: the compare still sees it. */
        nzcv = vfp_compare(a & ~SIGN, b & ~SIGN, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x20000000u ||
                       (op == NOP_VACGE_F && nzcv == 0x60000000u));
        break;
    case NOP_VMAX_F: case NOP_VPMAX_F:
        r = maxmin(a, b, true, &fs);
        break;
    case NOP_VMIN_F: case NOP_VPMIN_F:
        r = maxmin(a, b, false, &fs);
        break;
    case NOP_VRECPS_F:
        r = step(a, b, false, &fs);
        break;
    case NOP_VRSQRTS_F:
        r = step(a, b, true, &fs);
        break;
    /* Comparisons with zero: a against +0. */
    case NOP_VCEQ0_F:
        nzcv = vfp_compare(a, 0, VFP_F32, false, &fs);
        r = cmp_result(nzcv == 0x60000000u);
        break;
    case NOP_VCGE0_F:
        nzcv = vfp_compare(a, 0, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x60000000u || nzcv == 0x20000000u);
        break;
    case NOP_VCGT0_F:
        nzcv = vfp_compare(a, 0, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x20000000u);
        break;
    case NOP_VCLE0_F:
        nzcv = vfp_compare(a, 0, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x60000000u || nzcv == 0x80000000u);
        break;
    case NOP_VCLT0_F:
        nzcv = vfp_compare(a, 0, VFP_F32, true, &fs);
        r = cmp_result(nzcv == 0x80000000u);
        break;
    case NOP_VABS_F:
        r = a & ~SIGN;
        break;
    case NOP_VNEG_F:
        r = a ^ SIGN;
        break;
    }
    merge(fpscr, fs);
    return r;
}

/* FPRecipEstimate: 8-bit estimate of 1/a. */
uint32_t neon_recpe_f32(uint32_t a, uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr), r;
    if (is_nan(a)) {
        if (is_snan(a))
            fs |= FPSCR_IOC;
        r = DEFAULT_NAN;
    } else if (is_inf(a)) {
        r = a & SIGN;
    } else if (is_zero(flush(a, &fs))) {
        fs |= FPSCR_DZC;
        r = (a & SIGN) | 0x7f800000u;
    } else if ((a & 0x7fffffffu) >= 0x7e800000u) {
        /* |a| >= 2^126: the reciprocal would be denormal, flushed */
        fs |= FPSCR_UFC;
        r = a & SIGN;
    } else {
        int exp = (a >> 23) & 0xff;
        int q = 256 | ((a >> 15) & 0xff);
        int est = neon_recip_estimate(q);
        r = (a & SIGN) | (uint32_t)(253 - exp) << 23 |
            (uint32_t)(est & 0xff) << 15;
    }
    merge(fpscr, fs);
    return r;
}

/* FPRSqrtEstimate: 8-bit estimate of 1/sqrt(a). */
uint32_t neon_rsqrte_f32(uint32_t a, uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr), r;
    if (is_nan(a)) {
        if (is_snan(a))
            fs |= FPSCR_IOC;
        r = DEFAULT_NAN;
    } else if (is_zero(flush(a, &fs))) {
        fs |= FPSCR_DZC;
        r = (a & SIGN) | 0x7f800000u;
    } else if (a & SIGN) {
        fs |= FPSCR_IOC;
        r = DEFAULT_NAN;
    } else if (is_inf(a)) {
        r = 0;
    } else {
        int exp = (a >> 23) & 0xff;
        int q = (exp & 1) ? 128 | ((a >> 16) & 0x7f) : 256 | ((a >> 15) & 0xff);
        int est = neon_rsqrt_estimate(q);
        r = (uint32_t)((380 - exp) / 2) << 23 | (uint32_t)(est & 0xff) << 15;
    }
    merge(fpscr, fs);
    return r;
}

/* VCVT to fixed point rounds towards zero; from fixed to nearest. */
uint32_t neon_cvt_to_fixed(uint32_t a, int fbits, bool uns, uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr);
    uint32_t r = vfp_to_fixed(a, VFP_F32, 32, fbits, uns, true, &fs);
    merge(fpscr, fs);
    return r;
}

uint32_t neon_cvt_from_fixed(uint32_t a, int fbits, bool uns,
                             uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr);
    uint32_t r = (uint32_t)vfp_from_fixed(a, 32, fbits, uns, VFP_F32, &fs);
    merge(fpscr, fs);
    return r;
}

uint16_t neon_f32_to_f16(uint32_t a, uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr);
    uint16_t r = (uint16_t)vfp_convert(a, VFP_F32, VFP_F16, &fs);
    merge(fpscr, fs);
    return r;
}

uint32_t neon_f16_to_f32(uint16_t a, uint32_t *fpscr)
{
    uint32_t fs = standard(fpscr);
    uint32_t r = (uint32_t)vfp_convert(a, VFP_F16, VFP_F32, &fs);
    merge(fpscr, fs);
    return r;
}
