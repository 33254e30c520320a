/* VFP: arithmetic with the ARM rules for NaNs (first signalling NaN
 * quieted, else first quiet NaN; default NaN with DN), infinities,
 * denormals with FZ on and off, every rounding mode, the cumulative flags
 * (tininess detected before rounding), compares, every conversion class,
 * loads/stores/transfers and feature gating.  Each expected value was
 * worked out by hand from the ARM ARM pseudo-code (FPRound, FPMulAdd,
 * FPToFixed, ...); the comments give the arithmetic. */
#include <string.h>

#include "code_vfp.h"
#include "harness.h"

struct test_blob blob_vfp = { "vfp", vfp_code, sizeof(vfp_code) };
#define AT(x) vfp_##x

/* FPSCR fields. */
#define RN 0u
#define RP (1u << 22)
#define RM (2u << 22)
#define RZ (3u << 22)
#define FZ (1u << 24)
#define DN (1u << 25)
#define AHP (1u << 26)
#define IOC 0x01u
#define DZC 0x02u
#define OFC 0x04u
#define UFC 0x08u
#define IXC 0x10u
#define IDC 0x80u

#define S(n) (*sreg(n))
#define D(n) (cpu->vfp_d[n])

/* S<n> is a word of the 64-bit register array: a may_alias view keeps
 * the access legal under strict aliasing. */
typedef uint32_t __attribute__((may_alias)) u32a;
static u32a *sreg(int n)
{
    return (u32a *)cpu->vfp_d + n;
}

static void go(uint32_t off, uint32_t fpscr)
{
    set_model("max");
    arm_cpu_set_model(cpu, "max");   /* identification registers too */
    start(&blob_vfp, off, false);
    memset(cpu->vfp_d, 0, sizeof(cpu->vfp_d));
    cpu->fpscr = fpscr;
}

static void expect_fpscr(uint32_t v)
{
    check(cpu->fpscr == v, "FPSCR %08x, expected %08x", cpu->fpscr, v);
}

static void expect_s(int n, uint32_t v)
{
    check(S(n) == v, "s%d = %08x, expected %08x", n, S(n), v);
}

static void expect_d(int n, uint64_t v)
{
    check(D(n) == v, "d%d = %016llx, expected %016llx", n,
          (unsigned long long)D(n), (unsigned long long)v);
}

/* Single precision: s0 = a, s1 = b, s2 = acc; result s2, flags. */
static void f32(uint32_t off, uint32_t a, uint32_t b, uint32_t acc,
                uint32_t fpscr, uint32_t want, uint32_t flags)
{
    go(off, fpscr);
    S(0) = a;
    S(1) = b;
    S(2) = acc;
    run(ARM_EXCP_BKPT);
    expect_s(2, want);
    expect_fpscr(fpscr | flags);
}

static void f64(uint32_t off, uint64_t a, uint64_t b, uint64_t acc,
                uint32_t fpscr, uint64_t want, uint32_t flags)
{
    go(off, fpscr);
    D(0) = a;
    D(1) = b;
    D(2) = acc;
    run(ARM_EXCP_BKPT);
    expect_d(2, want);
    expect_fpscr(fpscr | flags);
}

/* Compare: the NZCV it leaves in FPSCR. */
static void cmp32(uint32_t off, uint32_t a, uint32_t b, uint32_t fpscr,
                  uint32_t want)
{
    go(off, fpscr);
    S(0) = a;
    S(1) = b;
    run(ARM_EXCP_BKPT);
    expect_fpscr(want);
}

#define ONE 0x3f800000u
#define TWO 0x40000000u
#define QNAN1 0x7fc00001u
#define SNAN2 0x7f800002u
#define DNAN 0x7fc00000u
#define INF 0x7f800000u
#define NINF 0xff800000u
#define FMAX 0x7f7fffffu

/* ---- NaNs ---- */
/* An SNaN operand wins over an earlier QNaN and is quieted. */
TEST(vfp_nan_snan_second) { f32(AT(vadd), QNAN1, SNAN2, 0, RN, 0x7fc00002, IOC); }
/* Two QNaNs: the first operand's, no flag. */
TEST(vfp_nan_qnan_first) { f32(AT(vadd), QNAN1, 0xffc00002, 0, RN, QNAN1, 0); }
TEST(vfp_nan_snan_first_sign) { f32(AT(vadd), 0xff800001, DNAN, 0, RN, 0xffc00001, IOC); }
TEST(vfp_nan_dn_quiet) { f32(AT(vmul), QNAN1, ONE, 0, DN, DNAN, 0); }
TEST(vfp_nan_dn_snan) { f32(AT(vsub), ONE, SNAN2, 0, DN, DNAN, IOC); }
/* Invalid operations give the default NaN (x86 would give 0xffc00000). */
TEST(vfp_inf_minus_inf) { f32(AT(vsub), INF, INF, 0, RN, DNAN, IOC); }
TEST(vfp_zero_times_inf) { f32(AT(vmul), 0, NINF, 0, RN, DNAN, IOC); }
TEST(vfp_zero_div_zero) { f32(AT(vdiv), 0x80000000, 0, 0, RN, DNAN, IOC); }
/* VNMUL negates the propagated NaN. */
TEST(vfp_vnmul_nan_sign) { f32(AT(vnmul), QNAN1, ONE, 0, RN, 0xffc00001, 0); }
/* VABS/VNEG are sign operations: no NaN processing, no flags. */
TEST(vfp_vabs_nan) { f32(AT(vabs), 0, 0xff800001, 0, RN, 0x7f800001, 0); }
TEST(vfp_vneg_snan) { f32(AT(vneg), 0, 0x7f800001, 0, RN, 0xff800001, 0); }
TEST(vfp_sqrt_snan) { f32(AT(vsqrt), 0, 0x7f800001, 0, RN, 0x7fc00001, IOC); }

/* ---- Infinities and division by zero ---- */
TEST(vfp_div_by_zero) { f32(AT(vdiv), ONE, 0, 0, RN, INF, DZC); }
TEST(vfp_div_neg_by_zero) { f32(AT(vdiv), 0xbf800000, 0, 0, RN, NINF, DZC); }
TEST(vfp_inf_plus_one) { f32(AT(vadd), INF, ONE, 0, RN, INF, 0); }

/* ---- Rounding modes: 1 + 2^-24 is half an ulp above 1 ---- */
TEST(vfp_add_rn_tie_even) { f32(AT(vadd), ONE, 0x33800000, 0, RN, ONE, IXC); }
TEST(vfp_add_rp) { f32(AT(vadd), ONE, 0x33800000, 0, RP, 0x3f800001, IXC); }
TEST(vfp_add_rm) { f32(AT(vadd), ONE, 0x33800000, 0, RM, ONE, IXC); }
TEST(vfp_add_rz) { f32(AT(vadd), ONE, 0x33800000, 0, RZ, ONE, IXC); }
/* 1 + 1.5 * 2^-24: more than half an ulp. */
TEST(vfp_add_rn_up) { f32(AT(vadd), ONE, 0x33c00000, 0, RN, 0x3f800001, IXC); }
TEST(vfp_add_neg_rm) { f32(AT(vadd), 0xbf800000, 0xb3800000, 0, RM, 0xbf800001, IXC); }
TEST(vfp_add_neg_rp) { f32(AT(vadd), 0xbf800000, 0xb3800000, 0, RP, 0xbf800000, IXC); }
/* x + -x is +0, except -0 when rounding towards minus infinity. */
TEST(vfp_cancel_rn) { f32(AT(vadd), ONE, 0xbf800000, 0, RN, 0, 0); }
TEST(vfp_cancel_rm) { f32(AT(vadd), ONE, 0xbf800000, 0, RM, 0x80000000, 0); }
/* 1/3 = 0x3eaaaaaa.aaa... */
TEST(vfp_div_rn) { f32(AT(vdiv), ONE, 0x40400000, 0, RN, 0x3eaaaaab, IXC); }
TEST(vfp_div_rz) { f32(AT(vdiv), ONE, 0x40400000, 0, RZ, 0x3eaaaaaa, IXC); }
TEST(vfp_div_rp) { f32(AT(vdiv), ONE, 0x40400000, 0, RP, 0x3eaaaaab, IXC); }
TEST(vfp_div_rm_neg) { f32(AT(vdiv), 0xbf800000, 0x40400000, 0, RM, 0xbeaaaaab, IXC); }
/* sqrt(2) = 1.41421356: 0x3fb504f3 is 1.41421354, 0x3fb504f4 1.41421366. */
TEST(vfp_sqrt_rn) { f32(AT(vsqrt), 0, TWO, 0, RN, 0x3fb504f3, IXC); }
TEST(vfp_sqrt_rp) { f32(AT(vsqrt), 0, TWO, 0, RP, 0x3fb504f4, IXC); }
TEST(vfp_sqrt_neg) { f32(AT(vsqrt), 0, 0xbf800000, 0, RN, DNAN, IOC); }
TEST(vfp_sqrt_neg_zero) { f32(AT(vsqrt), 0, 0x80000000, 0, RN, 0x80000000, 0); }

/* ---- Overflow by rounding mode ---- */
TEST(vfp_ovf_rn) { f32(AT(vmul), FMAX, TWO, 0, RN, INF, OFC | IXC); }
TEST(vfp_ovf_rz) { f32(AT(vmul), FMAX, TWO, 0, RZ, FMAX, OFC | IXC); }
TEST(vfp_ovf_rm_pos) { f32(AT(vmul), FMAX, TWO, 0, RM, FMAX, OFC | IXC); }
TEST(vfp_ovf_rp_pos) { f32(AT(vmul), FMAX, TWO, 0, RP, INF, OFC | IXC); }
TEST(vfp_ovf_rm_neg) { f32(AT(vmul), 0xff7fffff, TWO, 0, RM, NINF, OFC | IXC); }
TEST(vfp_ovf_rp_neg) { f32(AT(vmul), 0xff7fffff, TWO, 0, RP, 0xff7fffff, OFC | IXC); }

/* ---- Denormals, underflow, flush-to-zero ---- */
/* 2^-126 * 0.5 = 2^-127: a denormal, exact, so no UFC. */
TEST(vfp_denorm_exact) { f32(AT(vmul), 0x00800000, 0x3f000000, 0, RN, 0x00400000, 0); }
/* The same with FZ: flushed, UFC without IXC. */
TEST(vfp_denorm_fz_out) { f32(AT(vmul), 0x00800000, 0x3f000000, 0, FZ, 0, UFC); }
/* 2^-149 * 0.5 = 2^-150: tie between 0 and 2^-149, even is 0. */
TEST(vfp_denorm_tie) { f32(AT(vmul), 0x00000001, 0x3f000000, 0, RN, 0, UFC | IXC); }
TEST(vfp_denorm_tie_rp) { f32(AT(vmul), 0x00000001, 0x3f000000, 0, RP, 1, UFC | IXC); }
/* (1 + 2^-23)(2^-126 - 2^-149) = 2^-126 - 2^-172 rounds up to 2^-126,
 * but was tiny before rounding: ARM sets UFC. */
TEST(vfp_tiny_before_rounding) { f32(AT(vmul), 0x3f800001, 0x007fffff, 0, RN, 0x00800000, UFC | IXC); }
/* FZ flushes a denormal input (IDC) before the addition. */
TEST(vfp_fz_input) { f32(AT(vadd), 0x00000001, ONE, 0, FZ, ONE, IDC); }
TEST(vfp_fz_input_zero) { f32(AT(vadd), 0x00400000, 0, 0, FZ, 0, IDC); }
/* Without FZ a denormal is an ordinary operand. */
TEST(vfp_denorm_add) { f32(AT(vadd), 0x00400000, 0x00400000, 0, RN, 0x00800000, 0); }

/* ---- Multiply-accumulate: chained vs fused ---- */
TEST(vfp_vmla) { f32(AT(vmla), TWO, 0x40400000, ONE, RN, 0x40e00000, 0); }
TEST(vfp_vmls) { f32(AT(vmls), TWO, 0x40400000, ONE, RN, 0xc0a00000, 0); }
TEST(vfp_vnmla) { f32(AT(vnmla), TWO, 0x40400000, ONE, RN, 0xc0e00000, 0); }
TEST(vfp_vnmls) { f32(AT(vnmls), TWO, 0x40400000, ONE, RN, 0x40a00000, 0); }
TEST(vfp_vfma) { f32(AT(vfma), TWO, 0x40400000, ONE, RN, 0x40e00000, 0); }
TEST(vfp_vfms) { f32(AT(vfms), TWO, 0x40400000, ONE, RN, 0xc0a00000, 0); }
TEST(vfp_vfnma) { f32(AT(vfnma), TWO, 0x40400000, ONE, RN, 0xc0e00000, 0); }
TEST(vfp_vfnms) { f32(AT(vfnms), TWO, 0x40400000, ONE, RN, 0x40a00000, 0); }
/* (1 + 2^-23)(1 - 2^-23) = 1 - 2^-46: VMLA rounds the product to 1 and
 * gets -1 + 1 = 0; VFMA keeps it and gets -2^-46 exactly. */
TEST(vfp_vmla_two_roundings) { f32(AT(vmla), 0x3f800001, 0x3f7ffffe, 0xbf800000, RN, 0, IXC); }
TEST(vfp_vfma_one_rounding) { f32(AT(vfma), 0x3f800001, 0x3f7ffffe, 0xbf800000, RN, 0xa8800000, 0); }
/* (1 + 2^-23)(1 - 2^-24) - 1 = 2^-24 - 2^-47, exact in single. */
TEST(vfp_vfma_exact_small) { f32(AT(vfma), 0x3f800001, 0x3f7fffff, 0xbf800000, RN, 0x337ffffe, 0); }
/* inf * 0 with a quiet NaN addend: default NaN and IOC. */
TEST(vfp_vfma_inf_zero_qnan) { f32(AT(vfma), INF, 0, QNAN1, RN, DNAN, IOC); }
/* Addend NaN first in FPProcessNaNs3. */
TEST(vfp_vfma_nan_order) { f32(AT(vfma), 0x7fc00002, 0x7fc00003, QNAN1, RN, QNAN1, 0); }

/* ---- Compares ---- */
TEST(vfp_cmp_lt) { cmp32(AT(vcmp), ONE, TWO, 0, 0x80000000); }
TEST(vfp_cmp_gt) { cmp32(AT(vcmp), TWO, ONE, 0, 0x20000000); }
TEST(vfp_cmp_eq) { cmp32(AT(vcmp), ONE, ONE, 0, 0x60000000); }
TEST(vfp_cmp_zeros) { cmp32(AT(vcmp), 0, 0x80000000, 0, 0x60000000); }
TEST(vfp_cmp_qnan) { cmp32(AT(vcmp), QNAN1, ONE, 0, 0x30000000); }
TEST(vfp_cmpe_qnan) { cmp32(AT(vcmpe), QNAN1, ONE, 0, 0x30000000 | IOC); }
TEST(vfp_cmp_snan) { cmp32(AT(vcmp), ONE, 0x7f800001, 0, 0x30000000 | IOC); }
TEST(vfp_cmp_keeps_flags) { cmp32(AT(vcmp), ONE, ONE, 0xf0000000 | IXC, 0x60000000 | IXC); }
TEST(vfp_cmpz_negzero) { cmp32(AT(vcmpz), 0x80000000, 0, 0, 0x60000000); }
TEST(vfp_cmpz_neg) { cmp32(AT(vcmpz), 0xbf800000, 0, 0, 0x80000000); }
TEST(vfp_cmpz_fz_denorm) { cmp32(AT(vcmpz), 0x00000001, 0, FZ, 0x60000000 | FZ | IDC); }

TEST(vfp_vmrs_apsr_gt)
{
    go(AT(vcmp_mrs), 0);
    S(0) = TWO;
    S(1) = ONE;
    run(ARM_EXCP_BKPT);
    expect_r(0, 1);
    expect_r(1, 4);
    expect_flags("nzCv");
}

TEST(vfp_vmrs_apsr_unordered)
{
    go(AT(vcmp_mrs), 0);
    S(0) = QNAN1;
    S(1) = ONE;
    run(ARM_EXCP_BKPT);
    expect_r(0, 2);
    expect_r(1, 3);
    expect_flags("nzCV");
}

TEST(vfp_conditional_vadd)
{
    go(AT(vcvt_cond), 0);
    S(0) = ONE;
    S(1) = ONE;
    run(ARM_EXCP_BKPT);
    expect_s(2, TWO);
    expect_flags("nZCv");
    go(AT(vcvt_cond), 0);
    S(0) = ONE;
    S(1) = TWO;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0xbf800000);
}

/* ---- Double precision ---- */
#define D01 0x3fb999999999999aull
#define D02 0x3fc999999999999aull
TEST(vfp64_add_rn) { f64(AT(vadd64), D01, D02, 0, RN, 0x3fd3333333333334ull, IXC); }
TEST(vfp64_add_rz) { f64(AT(vadd64), D01, D02, 0, RZ, 0x3fd3333333333333ull, IXC); }
/* (1 + 2^-52)(2^-1022 - 2^-1074) rounds up to 2^-1022, tiny before. */
TEST(vfp64_tiny_before_rounding) { f64(AT(vmul64), 0x3ff0000000000001ull, 0x000fffffffffffffull, 0, RN, 0x0010000000000000ull, UFC | IXC); }
TEST(vfp64_tiny_fz) { f64(AT(vmul64), 0x3ff0000000000001ull, 0x000fffffffffffffull, 0, FZ, 0, IDC); }
TEST(vfp64_sqrt2) { f64(AT(vsqrt64), 0, 0x4000000000000000ull, 0, RN, 0x3ff6a09e667f3bcdull, IXC); }
TEST(vfp64_div_zero) { f64(AT(vdiv64), 0x3ff0000000000000ull, 0, 0, RN, 0x7ff0000000000000ull, DZC); }
TEST(vfp64_snan) { f64(AT(vadd64), 0x7ff0000000000001ull, 0x7ff8000000000002ull, 0, RN, 0x7ff8000000000001ull, IOC); }
/* -1 + (1 + 2^-52)(1 - 2^-52) = -2^-104 exactly. */
TEST(vfp64_fma) { f64(AT(vfma64), 0x3ff0000000000001ull, 0x3feffffffffffffeull, 0xbff0000000000000ull, RN, 0xb970000000000000ull, 0); }
TEST(vfp64_ovf) { f64(AT(vmul64), 0x7fefffffffffffffull, 0x4000000000000000ull, 0, RZ, 0x7fefffffffffffffull, OFC | IXC); }

TEST(vfp64_cmpe_nan)
{
    go(AT(vcmp64), 0);
    D(0) = 0x7ff8000000000000ull;
    D(1) = 0;
    run(ARM_EXCP_BKPT);
    expect_fpscr(0x30000000 | IOC);
}

/* ---- Float to integer ---- */
TEST(cvt_rz_pos) { f32(AT(cvt_s32_f32), 0, 0x40200000, 0, RN, 2, IXC); }
TEST(cvt_rz_neg) { f32(AT(cvt_s32_f32), 0, 0xc0200000, 0, RN, 0xfffffffe, IXC); }
TEST(cvt_nan) { f32(AT(cvt_s32_f32), 0, DNAN, 0, RN, 0, IOC); }
TEST(cvt_sat_pos) { f32(AT(cvt_s32_f32), 0, 0x4f32d05e, 0, RN, 0x7fffffff, IOC); }
TEST(cvt_int_min) { f32(AT(cvt_s32_f32), 0, 0xcf000000, 0, RN, 0x80000000, 0); }
TEST(cvt_sat_neg) { f32(AT(cvt_s32_f32), 0, 0xcf000001, 0, RN, 0x80000000, IOC); }
TEST(cvtr_rn_tie_even) { f32(AT(cvtr_s32_f32), 0, 0x40200000, 0, RN, 2, IXC); }
TEST(cvtr_rn_tie_up) { f32(AT(cvtr_s32_f32), 0, 0x40600000, 0, RN, 4, IXC); }
TEST(cvtr_rm) { f32(AT(cvtr_s32_f32), 0, 0xc0200000, 0, RM, 0xfffffffd, IXC); }
TEST(cvtr_rp) { f32(AT(cvtr_s32_f32), 0, 0x40200000, 0, RP, 3, IXC); }
TEST(cvt_u32_neg) { f32(AT(cvt_u32_f32), 0, 0xbf800000, 0, RN, 0, IOC); }
TEST(cvt_u32_neg_half) { f32(AT(cvt_u32_f32), 0, 0xbf000000, 0, RN, 0, IXC); }
TEST(cvt_u32_2p32) { f32(AT(cvt_u32_f32), 0, 0x4f800000, 0, RN, 0xffffffff, IOC); }
TEST(cvt_u32_inf) { f32(AT(cvt_u32_f32), 0, INF, 0, RN, 0xffffffff, IOC); }
TEST(cvt_u32_ninf) { f32(AT(cvt_u32_f32), 0, NINF, 0, RN, 0, IOC); }
TEST(cvt_u32_big) { f32(AT(cvt_u32_f32), 0, 0x4f7fffff, 0, RN, 0xffffff00, 0); }
TEST(cvt_fz_input) { f32(AT(cvt_s32_f32), 0, 0x00000001, 0, FZ, 0, IDC); }
TEST(cvt_f64_rz)
{
    go(AT(cvt_s32_f64), 0);
    D(1) = 0xbff8000000000000ull;   /* -1.5 */
    run(ARM_EXCP_BKPT);
    expect_s(2, 0xffffffff);
    expect_fpscr(IXC);
}

/* ---- Integer to float ---- */
TEST(cvt_s32_max_rn) { f32(AT(cvt_f32_s32), 0, 0x7fffffff, 0, RN, 0x4f000000, IXC); }
TEST(cvt_s32_max_rz) { f32(AT(cvt_f32_s32), 0, 0x7fffffff, 0, RZ, 0x4effffff, IXC); }
TEST(cvt_s32_minus1) { f32(AT(cvt_f32_s32), 0, 0xffffffff, 0, RN, 0xbf800000, 0); }
TEST(cvt_u32_max) { f32(AT(cvt_f32_u32), 0, 0xffffffff, 0, RN, 0x4f800000, IXC); }
TEST(cvt_u32_f64)
{
    go(AT(cvt_f64_u32), 0);
    S(1) = 0xffffffff;
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x41efffffffe00000ull);
    expect_fpscr(0);
}

/* ---- Between single and double ---- */
static void cvt_sd(uint32_t in, uint32_t fpscr, uint64_t want, uint32_t flags)
{
    go(AT(cvt_f64_f32), fpscr);
    S(1) = in;
    run(ARM_EXCP_BKPT);
    expect_d(2, want);
    expect_fpscr(fpscr | flags);
}

static void cvt_ds(uint64_t in, uint32_t fpscr, uint32_t want, uint32_t flags)
{
    go(AT(cvt_f32_f64), fpscr);
    D(1) = in;
    run(ARM_EXCP_BKPT);
    expect_s(2, want);
    expect_fpscr(fpscr | flags);
}

TEST(cvt_sd_1_5) { cvt_sd(0x3fc00000, RN, 0x3ff8000000000000ull, 0); }
TEST(cvt_sd_snan) { cvt_sd(0x7f800001, RN, 0x7ff8000020000000ull, IOC); }
TEST(cvt_sd_snan_dn) { cvt_sd(0x7f800001, DN, 0x7ff8000000000000ull, IOC); }
TEST(cvt_sd_denorm) { cvt_sd(0x00000001, RN, 0x36a0000000000000ull, 0); }
TEST(cvt_sd_denorm_fz) { cvt_sd(0x00000001, FZ, 0, IDC); }
TEST(cvt_ds_ovf) { cvt_ds(0x7e37e43c8800759cull, RN, INF, OFC | IXC); }
TEST(cvt_ds_ovf_rz) { cvt_ds(0x7e37e43c8800759cull, RZ, FMAX, OFC | IXC); }
TEST(cvt_ds_tie) { cvt_ds(0x3ff0000010000000ull, RN, ONE, IXC); }
TEST(cvt_ds_tie_rp) { cvt_ds(0x3ff0000010000000ull, RP, 0x3f800001, IXC); }
TEST(cvt_ds_qnan) { cvt_ds(0x7ff8000020000000ull, RN, 0x7fc00001, 0); }
TEST(cvt_ds_denorm) { cvt_ds(0x37d0000000000000ull, RN, 0x00080000, 0); }
TEST(cvt_ds_fz) { cvt_ds(0x37d0000000000000ull, FZ, 0, UFC); }

/* ---- Fixed point (round towards zero, saturating) ---- */
TEST(fix_s16_x8) { f32(AT(cvt_s16_x8), 0, 0, 0x3fc00000, RN, 0x00000180, 0); }
TEST(fix_s16_sat_pos) { f32(AT(cvt_s16_x8), 0, 0, 0x43480000, RN, 0x00007fff, IOC); }
TEST(fix_s16_sat_neg) { f32(AT(cvt_s16_x8), 0, 0, 0xc3480000, RN, 0xffff8000, IOC); }
/* 127.99609375 * 256 = 32767: the largest value, exact. */
TEST(fix_s16_max) { f32(AT(cvt_s16_x8), 0, 0, 0x42fffe00, RN, 0x00007fff, 0); }
TEST(fix_s16_neg_frac) { f32(AT(cvt_s16_x8), 0, 0, 0xbb000000, RN, 0, IXC); }
TEST(fix_u32_x16) { f32(AT(cvt_u32_x16), 0, 0, 0x3f000000, RN, 0x00008000, 0); }
TEST(fix_u32_sat) { f32(AT(cvt_u32_x16), 0, 0, 0x47800000, RN, 0xffffffff, IOC); }
TEST(fix_s32_sat) { f32(AT(cvt_s32_x1), 0, 0, 0x4e800000, RN, 0x7fffffff, IOC); }
TEST(fix_s32_min) { f32(AT(cvt_s32_x1), 0, 0, 0xce800000, RN, 0x80000000, 0); }
TEST(fix_from_s16) { f32(AT(cvt_x8_s16), 0, 0, 0xffff0180, RN, 0x3fc00000, 0); }
TEST(fix_from_s16_neg) { f32(AT(cvt_x8_s16), 0, 0, 0x0000ff00, RN, 0xbf800000, 0); }
/* (2^32 - 1) / 2^32 = 1 - 2^-32 */
TEST(fix_from_u32_rn) { f32(AT(cvt_x32_u32), 0, 0, 0xffffffff, RN, ONE, IXC); }
/* Fixed to float rounds to nearest whatever FPSCR.RMode says. */
TEST(fix_from_u32_rz) { f32(AT(cvt_x32_u32), 0, 0, 0xffffffff, RZ, ONE, IXC); }

/* ---- Half precision ---- */
TEST(half_b_one) { f32(AT(cvtb_f16_f32), 0, ONE, 0xaaaa5555, RN, 0xaaaa3c00, 0); }
TEST(half_t_one) { f32(AT(cvtt_f16_f32), 0, ONE, 0xaaaa5555, RN, 0x3c005555, 0); }
/* 65520 is halfway between 65504 (odd) and 65536 (overflow). */
TEST(half_ovf) { f32(AT(cvtb_f16_f32), 0, 0x477ff000, 0xaaaa5555, RN, 0xaaaa7c00, OFC | IXC); }
/* Towards zero 65520 rounds to 65504 even with an unbounded exponent:
 * no overflow. */
TEST(half_ovf_rz) { f32(AT(cvtb_f16_f32), 0, 0x477ff000, 0xaaaa5555, RZ, 0xaaaa7bff, IXC); }
TEST(half_ahp_range) { f32(AT(cvtb_f16_f32), 0, 0x477ff000, 0, AHP, 0x7c00, IXC); }
TEST(half_qnan) { f32(AT(cvtb_f16_f32), 0, QNAN1, 0xaaaa5555, RN, 0xaaaa7e00, 0); }
TEST(half_snan) { f32(AT(cvtb_f16_f32), 0, 0x7f802000, 0xaaaa5555, RN, 0xaaaa7e01, IOC); }
TEST(half_ahp_nan) { f32(AT(cvtb_f16_f32), 0, QNAN1, 0xaaaa5555, AHP, 0xaaaa0000, IOC); }
TEST(half_ahp_neg_nan) { f32(AT(cvtb_f16_f32), 0, 0xffc00123, 0x5555aaaa, AHP, 0x55558000, IOC); }
/* 2^-25: halfway between 0 and the smallest half denormal 2^-24. */
TEST(half_tiny) { f32(AT(cvtb_f16_f32), 0, 0x33000000, 0, RN, 0, UFC | IXC); }
TEST(half_to_f32_b) { f32(AT(cvtb_f32_f16), 0, 0x1234c000, 0, RN, 0xc0000000, 0); }
TEST(half_to_f32_t_denorm) { f32(AT(cvtt_f32_f16), 0, 0x00015555, 0, RN, 0x33800000, 0); }
TEST(half_to_f32_snan) { f32(AT(cvtb_f32_f16), 0, 0x7c01, 0, RN, 0x7fc02000, IOC); }
TEST(half_to_f32_inf) { f32(AT(cvtb_f32_f16), 0, 0xfc00, 0, RN, NINF, 0); }
TEST(half_to_f32_ahp) { f32(AT(cvtb_f32_f16), 0, 0x7c00, 0, AHP, 0x47800000, 0); }

/* ---- Moves, loads, stores ---- */
TEST(vfp_vmov_imm)
{
    go(AT(vmov_imm), 0);
    run(ARM_EXCP_BKPT);
    expect_s(2, 0x3f000000);
    expect_d(3, 0xc000000000000000ull);
}

TEST(vfp_vmov_core)
{
    go(AT(vmov_core), 0);
    setr(0, 0x11111111);
    S(9) = 0x22222222;
    setr(2, 0x33333333);
    setr(3, 0x44444444);
    D(0) = 0x6666666655555555ull;
    setr(6, 0x77777777);
    setr(7, 0x88888888);
    setr(8, 0x99999999);
    D(17) = 0xbbbbbbbbaaaaaaaaull;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0x11111111);
    expect_r(1, 0x22222222);
    expect_d(3, 0x4444444433333333ull);
    expect_r(4, 0x55555555);
    expect_r(5, 0x66666666);
    expect_s(4, 0x77777777);
    expect_s(5, 0x88888888);
    expect_d(16, 0x9999999900000000ull);
    expect_r(9, 0xaaaaaaaa);
}

TEST(vfp_vmov_reg)
{
    go(AT(vmov_reg), 0);
    S(9) = 0x7f800001;
    D(0) = 0x0123456789abcdefull;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0x7f800001);
    expect_d(3, 0x0123456789abcdefull);
    expect_fpscr(0);
}

TEST(vfp_vldr_vstr)
{
    go(AT(vldr_vstr), 0);
    setr(0, DATA_BASE + 0x100);
    set_mem32(DATA_BASE + 0x104, 0xaabbccdd);
    set_mem32(DATA_BASE + 0x108, 0x01020304);
    set_mem32(DATA_BASE + 0x10c, 0x05060708);
    S(9) = 0x12345678;
    D(0) = 0xfedcba9876543210ull;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0xaabbccdd);
    expect_d(2, 0x0506070801020304ull);
    expect_mem32(DATA_BASE + 0xfc, 0x12345678);
    expect_mem32(DATA_BASE + 0x110, 0x76543210);
    expect_mem32(DATA_BASE + 0x114, 0xfedcba98);
}

TEST(vfp_vldr_literal)
{
    go(AT(vldr_lit), 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x3333444411112222ull);
    expect_s(1, 0x55556666);
}

TEST(vfp_vldm_vstm)
{
    go(AT(vldm_ia), 0);
    setr(0, DATA_BASE);
    setr(1, DATA_BASE + 0x40);
    set_mem32(DATA_BASE, 0x10);
    set_mem32(DATA_BASE + 4, 0x20);
    set_mem32(DATA_BASE + 8, 0x30);
    D(0) = 0x2222222211111111ull;
    D(1) = 0x4444444433333333ull;
    run(ARM_EXCP_BKPT);
    expect_s(5, 0x10);
    expect_s(6, 0x20);
    expect_s(7, 0x30);
    expect_r(0, DATA_BASE + 12);
    expect_mem32(DATA_BASE + 0x40, 0x11111111);
    expect_mem32(DATA_BASE + 0x44, 0x22222222);
    expect_mem32(DATA_BASE + 0x48, 0x33333333);
    expect_mem32(DATA_BASE + 0x4c, 0x44444444);
}

TEST(vfp_vpush_vpop)
{
    go(AT(vpush_pop), 0);
    D(0) = 0x2222222211111111ull;
    D(1) = 0x4444444433333333ull;
    run(ARM_EXCP_BKPT);
    expect_s(4, 0x11111111);
    expect_s(5, 0x22222222);
    expect_s(6, 0x33333333);
    expect_s(7, 0x44444444);
    expect_r(13, STACK_TOP);
    expect_mem32(STACK_TOP - 16, 0x11111111);
    expect_mem32(STACK_TOP - 4, 0x44444444);
}

TEST(vfp_vldmdb_d32)
{
    go(AT(vldmdb), 0);
    setr(0, DATA_BASE + 0x20);
    set_mem64(DATA_BASE + 0x10, 0x0102030405060708ull);
    set_mem64(DATA_BASE + 0x18, 0x1112131415161718ull);
    run(ARM_EXCP_BKPT);
    expect_d(16, 0x0102030405060708ull);
    expect_d(17, 0x1112131415161718ull);
    expect_r(0, DATA_BASE + 0x10);
}

TEST(vfp_vmrs_vmsr)
{
    go(AT(vmrs_vmsr), 0);
    setr(0, 0xffffffff);
    run(ARM_EXCP_BKPT);
    expect_r(1, 0xffc0009f);
    expect_r(2, 0x40000000);
    expect_r(3, 0x410430f0);
    expect_fpscr(0xffc0009f);
}

/* A faulting VLDR changes no register. */
TEST(vfp_vldr_fault)
{
    go(AT(vldr_fault), 0);
    setr(0, UNMAPPED);
    D(2) = 0x1234;
    run(EXCP_SEGV);
    expect_d(2, 0x1234);
}

TEST(vfp_vldr_unaligned)
{
    go(AT(vldr_fault), 0);
    setr(0, DATA_BASE + 2);
    run(EXCP_UNALIGNED);
}

/* ---- Feature gating ---- */
TEST(vfp_undef_arm926)
{
    set_model("arm926");
    start(&blob_vfp, AT(vadd), false);
    run(EXCP_UDEF);
}

TEST(vfp_arm1136_has_vfp2)
{
    set_model("arm1136");
    start(&blob_vfp, AT(vadd), false);
    S(0) = ONE;
    S(1) = ONE;
    cpu->fpscr = 0;
    run(ARM_EXCP_BKPT);
    expect_s(2, TWO);
}

TEST(vfp_d16_undef_arm1136)
{
    set_model("arm1136");
    start(&blob_vfp, AT(vadd_d17), false);
    run(EXCP_UDEF);
}

TEST(vfp_vfma_undef_a8)
{
    set_model("cortex-a8");
    start(&blob_vfp, AT(vfma), false);
    run(EXCP_UDEF);
}

/* The Cortex-A8 lacks the half-precision extension; the A9 has it. */
TEST(vfp_vcvtb_undef_a8)
{
    set_model("cortex-a8");
    start(&blob_vfp, AT(cvtb_f16_f32), false);
    run(EXCP_UDEF);
}

TEST(vfp_vcvtb_a9)
{
    set_model("cortex-a9");
    start(&blob_vfp, AT(cvtb_f16_f32), false);
    S(1) = ONE;
    S(2) = 0xaaaa5555;
    cpu->fpscr = 0;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0xaaaa3c00);
}

TEST(vfp_vmov_imm_undef_vfp2)
{
    set_model("arm1176");
    start(&blob_vfp, AT(vmov_imm), false);
    run(EXCP_UDEF);
}

/* ---- Thumb-2 ---- */
TEST(vfp_thumb_it)
{
    go(AT(t_vfp), 0);
    arm_cpsr_write(cpu, CPSR_T, CPSR_T);
    S(0) = ONE;
    S(1) = TWO;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0x40400000);
    expect_r(0, 0x40400000);
    expect_r(1, ONE);
    expect_r(2, TWO);
    expect_flags("Nzcv");

    go(AT(t_vfp), 0);
    arm_cpsr_write(cpu, CPSR_T, CPSR_T);
    S(0) = 0x40400000;
    S(1) = TWO;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0xc0a00000);
    expect_r(1, 0x40400000);
    expect_r(2, TWO);
}

TEST(vfp_thumb_vpush)
{
    go(AT(t_vldm), 0);
    arm_cpsr_write(cpu, CPSR_T, CPSR_T);
    S(0) = 0x01010101;
    S(1) = 0x02020202;
    run(ARM_EXCP_BKPT);
    expect_s(2, 0x01010101);
    expect_d(3, 0x0202020201010101ull);
    expect_r(13, STACK_TOP);
}
