/* Advanced SIMD (NEON): every instruction class on lanes chosen to hit
 * the interesting cases (wrap-around, saturation at both ends with
 * FPSCR.QC, rounding of halves, shifts by 0, the element size and more,
 * NaNs, infinities and denormals with the "standard FPSCR value" whatever
 * FPSCR says), loads/stores of every structure form with alignment faults
 * and post-increment, the core-register transfers, the Thumb-2 prefixes,
 * UNDEFINED encodings and feature gating.  Expected lanes were worked out
 * by hand from the ARM ARM pseudo-code; comments give the arithmetic of
 * the tricky ones. */
#include <string.h>

#include "code_neon.h"
#include "engine/guest_mem.h"
#include "harness.h"

struct test_blob blob_neon = { "neon", neon_code, sizeof(neon_code) };
#define AT(x) neon_##x

typedef uint64_t u64;

/* Lanes, lowest first. */
#define B8(a, b, c, d, e, f, g, h)                                         \
    ((u64)(uint8_t)(a) | (u64)(uint8_t)(b) << 8 |                          \
     (u64)(uint8_t)(c) << 16 | (u64)(uint8_t)(d) << 24 |                   \
     (u64)(uint8_t)(e) << 32 | (u64)(uint8_t)(f) << 40 |                   \
     (u64)(uint8_t)(g) << 48 | (u64)(uint8_t)(h) << 56)
#define H4(a, b, c, d)                                                     \
    ((u64)(uint16_t)(a) | (u64)(uint16_t)(b) << 16 |                       \
     (u64)(uint16_t)(c) << 32 | (u64)(uint16_t)(d) << 48)
#define W2(a, b) ((u64)(uint32_t)(a) | (u64)(uint32_t)(b) << 32)

/* FPSCR bits. */
#define QC (1u << 27)
#define FZ (1u << 24)
#define DN (1u << 25)
#define RP (1u << 22)
#define RZ (3u << 22)
#define IOC 0x01u
#define DZC 0x02u
#define OFC 0x04u
#define UFC 0x08u
#define IXC 0x10u
#define IDC 0x80u

/* Singles. */
#define ONE 0x3f800000u
#define TWO 0x40000000u
#define THREE 0x40400000u
#define FOUR 0x40800000u
#define HALF 0x3f000000u
#define MONE 0xbf800000u
#define INF 0x7f800000u
#define NINF 0xff800000u
#define DNAN 0x7fc00000u
#define QNAN1 0x7fc00001u
#define SNAN 0x7f800001u
#define NZERO 0x80000000u
#define ALL 0xffffffffu

#define D(n) (cpu->vfp_d[n])

static void go_model(const char *model, uint32_t off, bool thumb)
{
    set_model(model);
    arm_cpu_set_model(cpu, model);
    start(&blob_neon, off, thumb);
    memset(cpu->vfp_d, 0, sizeof(cpu->vfp_d));
    cpu->fpscr = 0;
}

static void go(uint32_t off)
{
    go_model("max", off, false);
}

static void expect_d(int n, u64 v)
{
    check(D(n) == v, "d%d = %016llx, expected %016llx", n,
          (unsigned long long)D(n), (unsigned long long)v);
}

static void expect_fpscr(uint32_t v)
{
    check(cpu->fpscr == v, "FPSCR %08x, expected %08x", cpu->fpscr, v);
}

/* D form: d0 = Vn, d1 = Vm, d2 = Vd (in and out). */
static void dd_fs(uint32_t off, uint32_t fpscr, u64 n, u64 m, u64 d, u64 want,
                  uint32_t flags)
{
    go(off);
    cpu->fpscr = fpscr;
    D(0) = n;
    D(1) = m;
    D(2) = d;
    run(ARM_EXCP_BKPT);
    expect_d(2, want);
    expect_d(0, n);
    expect_d(1, m);
    expect_d(3, 0);
    expect_fpscr(fpscr | flags);
}

static void dd(uint32_t off, u64 n, u64 m, u64 d, u64 want, uint32_t flags)
{
    dd_fs(off, 0, n, m, d, want, flags);
}

/* One-operand forms: d1 = Vm, d2 = Vd. */
static void d1(uint32_t off, u64 m, u64 d, u64 want, uint32_t flags)
{
    dd(off, 0, m, d, want, flags);
}

/* Q form: q2 (d4:d5) = Vn, q3 (d6:d7) = Vm, q4 (d8:d9) = Vd. */
static void qq(uint32_t off, u64 n0, u64 n1, u64 m0, u64 m1, u64 d0, u64 d1v,
               u64 w0, u64 w1, uint32_t flags)
{
    go(off);
    D(4) = n0;
    D(5) = n1;
    D(6) = m0;
    D(7) = m1;
    D(8) = d0;
    D(9) = d1v;
    run(ARM_EXCP_BKPT);
    expect_d(8, w0);
    expect_d(9, w1);
    expect_d(4, n0);
    expect_d(7, m1);
    expect_d(10, 0);
    expect_fpscr(flags);
}

/* Long forms: d0 = Vn, d1 = Vm (or q2 = Vn for wide), q4 = Vd. */
static void ll(uint32_t off, u64 n, u64 m, u64 d0, u64 d1v, u64 w0, u64 w1,
               uint32_t flags)
{
    go(off);
    D(0) = n;
    D(1) = m;
    D(8) = d0;
    D(9) = d1v;
    run(ARM_EXCP_BKPT);
    expect_d(8, w0);
    expect_d(9, w1);
    expect_d(10, 0);
    expect_fpscr(flags);
}

static void wide(uint32_t off, u64 n0, u64 n1, u64 m, u64 w0, u64 w1)
{
    go(off);
    D(4) = n0;
    D(5) = n1;
    D(1) = m;
    run(ARM_EXCP_BKPT);
    expect_d(8, w0);
    expect_d(9, w1);
    expect_fpscr(0);
}

/* Narrow forms: q2 = Vn, q3 = Vm, d2 = Vd. */
static void nn(uint32_t off, u64 n0, u64 n1, u64 m0, u64 m1, u64 d, u64 want,
               uint32_t flags)
{
    go(off);
    D(4) = n0;
    D(5) = n1;
    D(6) = m0;
    D(7) = m1;
    D(2) = d;
    run(ARM_EXCP_BKPT);
    expect_d(2, want);
    expect_d(3, 0);
    expect_fpscr(flags);
}

/* ---- Three registers, same length: integer ---- */

TEST(neon_vadd_i8) {
    dd(AT(vadd_i8), B8(1, 0x7f, 0x80, 0xff, 0, 10, 200, 0x55),
       B8(1, 1, 0x80, 1, 0, 0xf6, 100, 0xaa), 0,
       B8(2, 0x80, 0, 0, 0, 0, 44, 0xff), 0);
}
TEST(neon_vadd_i64) { dd(AT(vadd_i64), ~0ull, 2, 0, 1, 0); }
TEST(neon_vsub_i16) {
    dd(AT(vsub_i16), H4(0, 0x8000, 5, 0x1234), H4(1, 1, 7, 0x1234), 0,
       H4(0xffff, 0x7fff, 0xfffe, 0), 0);
}
TEST(neon_vsub_i64) {
    dd(AT(vsub_i64), 0x8000000000000000ull, 1, 0, 0x7fffffffffffffffull, 0);
}
/* Halving: (a + b) >> 1 with floor, computed without overflow. */
TEST(neon_vhadd_s8) {
    dd(AT(vhadd_s8), B8(127, -128, -1, 1, -3, 100, -100, 0),
       B8(127, -128, -2, 2, 0, 101, -101, -1), 0,
       B8(127, -128, -2, 1, -2, 100, -101, -1), 0);
}
TEST(neon_vhadd_u8) {
    dd(AT(vhadd_u8), B8(255, 255, 0, 1, 3, 128, 200, 7),
       B8(255, 1, 0, 2, 0, 128, 100, 8), 0,
       B8(255, 128, 0, 1, 1, 128, 150, 7), 0);
}
/* Rounding halving: (a + b + 1) >> 1: (-65535 + 1) >> 1 = -32767. */
TEST(neon_vrhadd_s16) {
    dd(AT(vrhadd_s16), H4(32767, -32768, -3, 5), H4(32767, -32767, 0, -2), 0,
       H4(32767, -32767, -1, 2), 0);
}
TEST(neon_vrhadd_u32) {
    dd(AT(vrhadd_u32), W2(ALL, 2), W2(ALL, 3), 0, W2(ALL, 3), 0);
}
TEST(neon_vhsub_s8) {
    dd(AT(vhsub_s8), B8(-128, 127, 0, 5, -5, 1, 0, 100),
       B8(127, -128, 1, 2, 2, 3, -1, -100), 0,
       B8(-128, 127, -1, 1, -4, -1, 0, 100), 0);
}
TEST(neon_vhsub_u16) {
    dd(AT(vhsub_u16), H4(0, 65535, 10, 3), H4(65535, 0, 3, 10), 0,
       H4(0x8000, 0x7fff, 3, 0xfffc), 0);
}
/* Saturating add: boundaries hit exactly do not set QC. */
TEST(neon_vqadd_s8) {
    dd(AT(vqadd_s8), B8(127, -128, 100, -100, 1, 0, 64, -64),
       B8(1, -1, 27, -28, -2, 0, 64, -65), 0,
       B8(127, -128, 127, -128, -1, 0, 127, -128), QC);
}
TEST(neon_vqadd_s8_nosat) {
    dd(AT(vqadd_s8), B8(1, 2, 3, 4, 5, 6, 7, 8),
       B8(-1, -2, -3, -4, 120, 121, -128, 119), 0,
       B8(0, 0, 0, 0, 125, 127, -121, 127), 0);
}
/* QC is sticky: an already set QC stays set. */
TEST(neon_vqadd_qc_sticky) {
    dd_fs(AT(vqadd_s8), QC, B8(1, 0, 0, 0, 0, 0, 0, 0), 0, 0,
          B8(1, 0, 0, 0, 0, 0, 0, 0), 0);
}
TEST(neon_vqadd_u8) {
    dd(AT(vqadd_u8), B8(255, 200, 1, 0, 128, 127, 254, 100),
       B8(1, 55, 254, 0, 128, 128, 1, 100), 0,
       B8(255, 255, 255, 0, 255, 255, 255, 200), QC);
}
TEST(neon_vqadd_s16) {
    dd(AT(vqadd_s16), H4(32767, -32768, 16384, -1), H4(-1, -1, 16384, 1), 0,
       H4(32766, -32768, 32767, 0), QC);
}
TEST(neon_vqadd_u32) {
    dd(AT(vqadd_u32), W2(0xfffffffe, 0x80000000), W2(1, 0x80000000), 0,
       W2(ALL, ALL), QC);
}
TEST(neon_vqadd_s64_max) {
    dd(AT(vqadd_s64), 0x7fffffffffffffffull, 1, 0, 0x7fffffffffffffffull, QC);
}
TEST(neon_vqadd_s64_min) {
    dd(AT(vqadd_s64), ~0ull, 0x8000000000000000ull, 0,
       0x8000000000000000ull, QC);
}
TEST(neon_vqadd_s64_nosat) {
    dd(AT(vqadd_s64), 5, (u64)-7, 0, (u64)-2, 0);
}
TEST(neon_vqadd_u64) {
    dd(AT(vqadd_u64), 0xfffffffffffffff0ull, 0x10, 0, ~0ull, QC);
}
TEST(neon_vqadd_u64_nosat) { dd(AT(vqadd_u64), ~0ull, 0, 0, ~0ull, 0); }
TEST(neon_vqsub_s8) {
    dd(AT(vqsub_s8), B8(-128, 127, 0, -1, 100, -100, 0, 50),
       B8(1, -1, -128, 127, -27, 28, 127, 50), 0,
       B8(-128, 127, 127, -128, 127, -128, -127, 0), QC);
}
TEST(neon_vqsub_u16) {
    dd(AT(vqsub_u16), H4(0, 5, 65535, 100), H4(1, 5, 65535, 101), 0,
       H4(0, 0, 0, 0), QC);
}
TEST(neon_vqsub_s32) {
    dd(AT(vqsub_s32), W2(0x80000000, 0x7fffffff), W2(1, ALL), 0,
       W2(0x80000000, 0x7fffffff), QC);
}
TEST(neon_vqsub_s64) {
    dd(AT(vqsub_s64), 0x8000000000000000ull, 1, 0, 0x8000000000000000ull, QC);
}
TEST(neon_vqsub_s64_nosat) {
    dd(AT(vqsub_s64), 0x8000000000000000ull, ~0ull, 0,
       0x8000000000000001ull, 0);
}
TEST(neon_vcgt_s8) {
    dd(AT(vcgt_s8), B8(1, -1, 0, 127, -128, 5, 5, -5),
       B8(0, 0, 0, -128, 127, 5, 4, -6), 0,
       B8(0xff, 0, 0, 0xff, 0, 0, 0xff, 0xff), 0);
}
TEST(neon_vcgt_u8) {
    dd(AT(vcgt_u8), B8(1, -1, 0, 127, -128, 5, 5, -5),
       B8(0, 0, 0, -128, 127, 5, 4, -6), 0,
       B8(0xff, 0xff, 0, 0, 0xff, 0, 0xff, 0xff), 0);
}
TEST(neon_vcge_s16) {
    dd(AT(vcge_s16), H4(-1, 0, 32767, -32768), H4(-1, 1, -32768, 32767), 0,
       H4(0xffff, 0, 0xffff, 0), 0);
}
TEST(neon_vcge_u32) {
    dd(AT(vcge_u32), W2(ALL, 0), W2(0x7fffffff, 1), 0, W2(ALL, 0), 0);
}
TEST(neon_vceq_i8) {
    dd(AT(vceq_i8), B8(1, 2, 3, 4, 0, 0xff, 0x80, 9),
       B8(1, 3, 3, 5, 0, 0xff, 0x7f, 9), 0,
       B8(0xff, 0, 0xff, 0, 0xff, 0xff, 0, 0xff), 0);
}
TEST(neon_vtst_8) {
    dd(AT(vtst_8), B8(0x01, 0x80, 0xf0, 0, 0xff, 0x0f, 0xaa, 0x55),
       B8(0x01, 0x7f, 0x10, 0xff, 0, 0xf0, 0x55, 0x55), 0,
       B8(0xff, 0, 0xff, 0, 0, 0, 0, 0xff), 0);
}
TEST(neon_vmax_s8) {
    dd(AT(vmax_s8), B8(-128, 127, 0, -1, 5, -5, 100, -100),
       B8(127, -128, -1, 0, 5, -6, -100, 100), 0,
       B8(127, 127, 0, 0, 5, -5, 100, 100), 0);
}
TEST(neon_vmax_u16) {
    dd(AT(vmax_u16), H4(0x8000, 1, 0xffff, 7), H4(0x7fff, 2, 0, 7), 0,
       H4(0x8000, 2, 0xffff, 7), 0);
}
TEST(neon_vmin_s32) {
    dd(AT(vmin_s32), W2(0x80000000, 5), W2(0x7fffffff, -3), 0,
       W2(0x80000000, -3), 0);
}
TEST(neon_vmin_u8) {
    dd(AT(vmin_u8), B8(0, 255, 128, 127, 1, 2, 3, 4),
       B8(255, 0, 127, 128, 1, 3, 2, 4), 0,
       B8(0, 0, 127, 127, 1, 2, 2, 4), 0);
}
/* |-128 - 127| = 255 fits the unsigned lane. */
TEST(neon_vabd_s8) {
    dd(AT(vabd_s8), B8(-128, 127, 0, -1, 10, -10, 5, 0),
       B8(127, -128, 0, 1, -10, 10, 7, -128), 0,
       B8(0xff, 0xff, 0, 2, 20, 20, 2, 0x80), 0);
}
TEST(neon_vabd_u16) {
    dd(AT(vabd_u16), H4(0, 65535, 100, 7), H4(65535, 0, 200, 7), 0,
       H4(65535, 65535, 100, 0), 0);
}
TEST(neon_vaba_u8) {
    dd(AT(vaba_u8), B8(0, 255, 10, 20, 5, 0, 1, 1),
       B8(255, 0, 20, 10, 5, 0, 2, 2), B8(1, 2, 3, 250, 0, 0, 10, 255),
       B8(0, 1, 13, 4, 0, 0, 11, 0), 0);
}
TEST(neon_vaba_s32) {
    dd(AT(vaba_s32), W2(-5, -1), W2(5, 0x7fffffff), W2(10, 0x7fffffff),
       W2(20, ALL), 0);
}
/* 3 * 255 = 765 = 2 * 256 + 253. */
TEST(neon_vmla_i8) {
    dd(AT(vmla_i8), B8(2, 16, 0xff, 0x80, 3, 0, 10, 1),
       B8(3, 16, 0xff, 2, 0xff, 9, 30, 1), B8(1, 2, 3, 4, 5, 6, 7, 8),
       B8(7, 2, 4, 4, 2, 6, 51, 9), 0);
}
TEST(neon_vmls_i16) {
    dd(AT(vmls_i16), H4(10, 1, 0xffff, 2), H4(10, 1, 0xffff, 0x4000),
       H4(100, 0, 5, 0x8000), H4(0, 0xffff, 4, 0), 0);
}
TEST(neon_vmul_i32) {
    dd(AT(vmul_i32), W2(0x10000, ALL), W2(0x10000, ALL), 0, W2(0, 1), 0);
}
/* Carry-less: 3 * 3 = x^2 + 1, 0x53 * 0xca = 0x3f7e. */
TEST(neon_vmul_p8) {
    dd(AT(vmul_p8), B8(3, 3, 0xff, 0x80, 0x53, 1, 0, 0x0f),
       B8(3, 5, 2, 2, 0xca, 0xff, 0xff, 0x0f), 0,
       B8(5, 0x0f, 0xfe, 0, 0x7e, 0xff, 0, 0x55), 0);
}
/* (2 * a * b) >> 16: only -32768 * -32768 saturates. */
TEST(neon_vqdmulh_s16) {
    dd(AT(vqdmulh_s16), H4(-32768, 16384, -32768, 100),
       H4(-32768, 16384, 32767, -200), 0,
       H4(0x7fff, 0x2000, 0x8001, 0xffff), QC);
}
/* Rounding: 2*100*200 + 0x8000 = 72768, >> 16 = 1. */
TEST(neon_vqrdmulh_s16) {
    dd(AT(vqrdmulh_s16), H4(-32768, 16384, -32768, 100),
       H4(-32768, 16384, 32767, 200), 0, H4(0x7fff, 0x2000, 0x8001, 1), QC);
}
TEST(neon_vqdmulh_s32) {
    dd(AT(vqdmulh_s32), W2(0x80000000, 0x40000000),
       W2(0x80000000, 0x40000000), 0, W2(0x7fffffff, 0x20000000), QC);
}
/* 2 * (2^31 - 1)^2 + 2^31 = 2^63 - 2^33 + 2^31 + 2: >> 32 = 2^31 - 2. */
TEST(neon_vqrdmulh_s32) {
    dd(AT(vqrdmulh_s32), W2(0x7fffffff, ALL), W2(0x7fffffff, 1), 0,
       W2(0x7ffffffe, 0), 0);
}
TEST(neon_vpadd_i8) {
    dd(AT(vpadd_i8), B8(1, 2, 3, 4, 5, 6, 0xff, 1),
       B8(10, 20, 30, 40, 0x80, 0x80, 7, 8), 0,
       B8(3, 7, 11, 0, 30, 70, 0, 15), 0);
}
TEST(neon_vpadd_i16) {
    dd(AT(vpadd_i16), H4(1, 0xffff, 100, 200), H4(0x8000, 0x8000, 5, 6), 0,
       H4(0, 300, 0, 11), 0);
}
TEST(neon_vpmax_s8) {
    dd(AT(vpmax_s8), B8(-1, 1, -128, -127, 5, 5, 100, -100),
       B8(0, -1, 127, -128, 3, 4, -2, -3), 0,
       B8(1, -127, 5, 100, 0, 127, 4, -2), 0);
}
TEST(neon_vpmin_u16) {
    dd(AT(vpmin_u16), H4(0xffff, 1, 5, 4), H4(0x8000, 0x7fff, 0, 0), 0,
       H4(1, 4, 0x7fff, 0), 0);
}
TEST(neon_vpmax_u32) {
    dd(AT(vpmax_u32), W2(5, ALL), W2(0x80000000, 7), 0,
       W2(ALL, 0x80000000), 0);
}

/* Bitwise, with n = ff00ff00 f0f0aaaa, m = 0ff00ff0 cccc5555,
 * d = 12345678 9abcdef0. */
#define LN 0xff00ff00f0f0aaaaull
#define LM 0x0ff00ff0cccc5555ull
#define LD 0x123456789abcdef0ull
TEST(neon_vand) { dd(AT(vand), LN, LM, LD, 0x0f000f00c0c00000ull, 0); }
TEST(neon_vbic) { dd(AT(vbic), LN, LM, LD, 0xf000f0003030aaaaull, 0); }
TEST(neon_vorr) { dd(AT(vorr), LN, LM, LD, 0xfff0fff0fcfcffffull, 0); }
TEST(neon_vorn) { dd(AT(vorn), LN, LM, LD, 0xff0fff0ff3f3aaaaull, 0); }
TEST(neon_veor) { dd(AT(veor), LN, LM, LD, 0xf0f0f0f03c3cffffull, 0); }
/* VBSL: d selects n (1) or m (0): (n & d) | (m & ~d). */
TEST(neon_vbsl) { dd(AT(vbsl), LN, LM, LD, (LN & LD) | (LM & ~LD), 0); }
TEST(neon_vbsl_nibbles) {
    dd(AT(vbsl), 0x1111111111111111ull, 0x2222222222222222ull,
       0x0f0f0f0f00ff00ffull, 0x2121212122112211ull, 0);
}
/* VBIT: n where m is 1; VBIF: n where m is 0. */
TEST(neon_vbit) {
    dd(AT(vbit), 0x1111111111111111ull, 0x00000000ffff0000ull,
       0x2222222222222222ull, 0x2222222211112222ull, 0);
}
TEST(neon_vbif) {
    dd(AT(vbif), 0x1111111111111111ull, 0x00000000ffff0000ull,
       0x2222222222222222ull, 0x1111111122221111ull, 0);
}

/* ---- Three registers, same length: float (standard FPSCR value) ---- */

TEST(neon_vadd_f32_default_nan) {
    /* A NaN operand gives the default NaN, not the operand's payload. */
    dd(AT(vadd_f32), W2(ONE, QNAN1), W2(TWO, ONE), 0, W2(THREE, DNAN), 0);
}
TEST(neon_vadd_f32_flush_inputs) {
    /* Denormal inputs are flushed (IDC) even with FPSCR.FZ clear. */
    dd(AT(vadd_f32), W2(0x00000001, 0x00800000), W2(ONE, 0x80000001), 0,
       W2(ONE, 0x00800000), IDC);
}
TEST(neon_vadd_f32_ignores_rmode) {
    /* 1 + 2^-24 is a tie: to nearest even gives 1.0 though FPSCR says
     * round towards +inf; inf + -inf is invalid. */
    dd_fs(AT(vadd_f32), RP, W2(ONE, INF), W2(0x33800000, NINF), 0,
          W2(ONE, DNAN), IXC | IOC);
}
TEST(neon_vsub_f32_flush_output) {
    /* 2^-126 - (2^-126 + 2^-149) = -2^-149: flushed to -0 with UFC only. */
    dd(AT(vsub_f32), W2(INF, 0x00800000), W2(INF, 0x00800001), 0,
       W2(DNAN, NZERO), IOC | UFC);
}
TEST(neon_vmul_f32_overflow) {
    dd(AT(vmul_f32), W2(0x7f000000, SNAN), W2(FOUR, ONE), 0, W2(INF, DNAN),
       IOC | OFC | IXC);
}
/* Inexact sums of normal numbers: 1 + 2^-30 and 2^24 + 1 (a tie, to even). */
TEST(neon_vadd_f32_inexact) {
    dd(AT(vadd_f32), W2(ONE, 0x4b800000), W2(0x30800000, ONE), 0,
       W2(ONE, 0x4b800000), IXC);
}
TEST(neon_vadd_f32_exact_cancel) {
    /* x + -x is +0, exact; 1.5 + 2.5 = 4 exactly. */
    dd(AT(vadd_f32), W2(0x3fc00000, 0x3fc00000), W2(0xbfc00000, 0x40200000), 0,
       W2(0, FOUR), 0);
}
/* (1 - 2^-24) * 2^-126 is tiny before rounding (it would round up to
 * 2^-126): flushed to +0 with UFC, no IXC; (1 + 2^-23)^2 is inexact. */
TEST(neon_vmul_f32_tiny_before_rounding) {
    dd(AT(vmul_f32), W2(0x3f7fffff, 0x3f800001), W2(0x00800000, 0x3f800001), 0,
       W2(0, 0x3f800002), UFC | IXC);
}
TEST(neon_vmla_f32) {
    dd(AT(vmla_f32), W2(TWO, 0), W2(0x3fc00000, INF), W2(ONE, INF),
       W2(0x40800000, DNAN), IOC);
}
/* (1 + 2^-12)^2 - 1: chained rounds the product to 1 + 2^-11 (tie to
 * even), fused keeps 2^-11 + 2^-24. */
TEST(neon_vmla_f32_rounds_twice) {
    dd(AT(vmla_f32), W2(0x3f800800, ONE), W2(0x3f800800, ONE),
       W2(MONE, 0), W2(0x3a000000, ONE), IXC);
}
TEST(neon_vfma_f32_fused) {
    dd(AT(vfma_f32), W2(0x3f800800, ONE), W2(0x3f800800, ONE),
       W2(MONE, 0), W2(0x3a000400, ONE), 0);
}
TEST(neon_vmls_f32) {
    dd(AT(vmls_f32), W2(ONE, 0x00000005), W2(ONE, ONE), W2(ONE, 0),
       W2(0, 0), IDC);
}
TEST(neon_vfms_f32) {
    dd(AT(vfms_f32), W2(ONE, INF), W2(ONE, ONE), W2(ONE, INF), W2(0, DNAN),
       IOC);
}
TEST(neon_vabd_f32) {
    dd(AT(vabd_f32), W2(ONE, NINF), W2(THREE, ONE), 0, W2(TWO, INF), 0);
}
/* FPMax of +0 and -0 is +0, FPMin -0; quiet NaNs raise nothing. */
TEST(neon_vmax_f32_zeros) {
    dd(AT(vmax_f32), W2(NZERO, ONE), W2(0, QNAN1), 0, W2(0, DNAN), 0);
}
TEST(neon_vmax_f32_denormal) {
    dd(AT(vmax_f32), W2(0x00000001, NINF), W2(0x80000001, 0xff7fffff), 0,
       W2(0, 0xff7fffff), IDC);
}
TEST(neon_vmin_f32) {
    dd(AT(vmin_f32), W2(NZERO, SNAN), W2(0, ONE), 0, W2(NZERO, DNAN), IOC);
}
TEST(neon_vpadd_f32) {
    dd(AT(vpadd_f32), W2(ONE, TWO), W2(INF, NINF), 0, W2(THREE, DNAN), IOC);
}
TEST(neon_vpmax_f32) {
    dd(AT(vpmax_f32), W2(ONE, TWO), W2(0xc0000000, NZERO), 0,
       W2(TWO, NZERO), 0);
}
TEST(neon_vpmin_f32) {
    dd(AT(vpmin_f32), W2(QNAN1, ONE), W2(0xc0000000, THREE), 0,
       W2(DNAN, 0xc0000000), 0);
}
/* VCEQ is quiet (IOC only for a signalling NaN), VCGE/VCGT signal. */
TEST(neon_vceq_f32) {
    dd(AT(vceq_f32), W2(0, QNAN1), W2(NZERO, QNAN1), 0, W2(ALL, 0), 0);
}
TEST(neon_vceq_f32_snan) {
    dd(AT(vceq_f32), W2(SNAN, ONE), W2(ONE, ONE), 0, W2(0, ALL), IOC);
}
TEST(neon_vcge_f32) {
    dd(AT(vcge_f32), W2(ONE, QNAN1), W2(ONE, ONE), 0, W2(ALL, 0), IOC);
}
TEST(neon_vcgt_f32) {
    dd(AT(vcgt_f32), W2(ONE, INF), W2(ONE, 0x7f7fffff), 0, W2(0, ALL), 0);
}
TEST(neon_vacge_f32) {
    dd(AT(vacge_f32), W2(0xc0000000, ONE), W2(TWO, 0xc0000000), 0,
       W2(ALL, 0), 0);
}
TEST(neon_vacgt_f32) {
    dd(AT(vacgt_f32), W2(0xc0000000, NINF), W2(TWO, 0x7f7fffff), 0,
       W2(0, ALL), 0);
}
/* VRECPS: 2 - a*b, infinity times zero gives 2, 2 - inf = -inf. */
TEST(neon_vrecps_f32) {
    dd(AT(vrecps_f32), W2(TWO, INF), W2(HALF, 0), 0, W2(ONE, TWO), 0);
}
TEST(neon_vrecps_f32_inf) {
    dd(AT(vrecps_f32), W2(INF, ONE), W2(ONE, THREE), 0, W2(NINF, MONE), 0);
}
/* VRSQRTS: (3 - a*b) / 2, infinity times zero gives 1.5. */
TEST(neon_vrsqrts_f32) {
    dd(AT(vrsqrts_f32), W2(ONE, 0), W2(ONE, NINF), 0, W2(ONE, 0x3fc00000), 0);
}

/* ---- Shifts by register: d1 shifted by the signed low byte of d0 ---- */

/* Counts: 1, -1, -8, 7, 8, -9, -128, 127. */
#define SHN B8(1, 0xff, 0xf8, 7, 8, 0xf7, 0x80, 0x7f)
#define SHM B8(1, 0x80, 0x80, 0x7f, 1, 0xff, 0x40, 3)
TEST(neon_vshl_s8) {
    dd(AT(vshl_s8), SHN, SHM, 0, B8(2, 0xc0, 0xff, 0x80, 0, 0xff, 0, 0), 0);
}
TEST(neon_vshl_u8) {
    dd(AT(vshl_u8), SHN, SHM, 0, B8(2, 0x40, 0, 0x80, 0, 0, 0, 0), 0);
}
/* Only the low byte of the 64-bit count counts: 0xc1 = -63. */
TEST(neon_vshl_s64) {
    dd(AT(vshl_s64), 0x00000000000000c1ull, 0x8000000000000000ull, 0, ~0ull, 0);
}
TEST(neon_vshl_s64_64) {
    dd(AT(vshl_s64), 0xffffffffffffff40ull, 0x8000000000000000ull, 0, 0, 0);
}
/* (x + 2^(n-1)) >> n. */
TEST(neon_vrshl_s16) {
    dd(AT(vrshl_s16), H4(-1, -1, -15, -16), H4(5, -5, 0x7fff, -32768), 0,
       H4(3, 0xfffe, 1, 0), 0);
}
TEST(neon_vrshl_u32) {
    dd(AT(vrshl_u32), W2(0xffffffe0, 2), W2(ALL, 7), 0, W2(1, 28), 0);
}
TEST(neon_vqshl_s8) {
    dd(AT(vqshl_s8), B8(6, 1, 1, 0, 0xff, 100, 7, 7),
       B8(1, 0x40, 0xc0, 0x7f, 0x81, 0, 1, 0xff), 0,
       B8(64, 127, 0x80, 127, 0xc0, 0, 127, 0x80), QC);
}
TEST(neon_vqshl_u16) {
    dd(AT(vqshl_u16), H4(1, 15, 0xfffc, 16), H4(0x8000, 1, 0xffff, 3), 0,
       H4(0xffff, 0x8000, 0x0fff, 0xffff), QC);
}
TEST(neon_vqshl_s64) {
    dd(AT(vqshl_s64), 62, 1, 0, 0x4000000000000000ull, 0);
}
TEST(neon_vqshl_s64_sat) {
    dd(AT(vqshl_s64), 63, 1, 0, 0x7fffffffffffffffull, QC);
}
TEST(neon_vqrshl_s32) {
    dd(AT(vqrshl_s32), W2(-1, -1), W2(0x7fffffff, -3), 0,
       W2(0x40000000, ALL), 0);
}
TEST(neon_vqrshl_s32_sat) {
    dd(AT(vqrshl_s32), W2(1, 2), W2(0x40000000, 0xc0000000), 0,
       W2(0x7fffffff, 0x80000000), QC);
}
TEST(neon_vqrshl_u8) {
    dd(AT(vqrshl_u8), B8(0xff, 0xf8, 0xff, 1, 5, 0xfe, 0xfe, 4),
       B8(0xff, 0x80, 3, 0xff, 0, 1, 2, 0x10), 0,
       B8(0x80, 1, 2, 0xff, 0, 0, 1, 0xff), QC);
}

/* ---- Q forms ---- */

TEST(neon_vadd_i32_q) {
    qq(AT(vadd_i32_q), W2(1, 2), W2(3, ALL), W2(10, 20), W2(30, 1), 0, 0,
       W2(11, 22), W2(33, 0), 0);
}
TEST(neon_vqadd_s8_q) {
    qq(AT(vqadd_s8_q), 0x7f7f7f7f7f7f7f7full, 0x8080808080808080ull,
       B8(1, 0, 1, 0, 1, 0, 1, -1), B8(-1, 0, 1, -1, 0, 1, -1, 0), 0, 0,
       B8(127, 127, 127, 127, 127, 127, 127, 126),
       B8(-128, -128, -127, -128, -128, -127, -128, -128), QC);
}
TEST(neon_vmul_f32_q) {
    qq(AT(vmul_f32_q), W2(ONE, TWO), W2(HALF, INF), W2(TWO, TWO),
       W2(HALF, NZERO), 0, 0, W2(TWO, FOUR), W2(0x3e800000, DNAN), IOC);
}
TEST(neon_veor_q) {
    qq(AT(veor_q), ~0ull, 0x0123456789abcdefull, 0x0f0f0f0f0f0f0f0full,
       0x0123456789abcdefull, 5, 6, 0xf0f0f0f0f0f0f0f0ull, 0, 0);
}
TEST(neon_vmax_u8_q) {
    qq(AT(vmax_u8_q), B8(0, 1, 2, 3, 4, 5, 6, 7),
       B8(8, 9, 10, 11, 12, 13, 14, 15), B8(7, 6, 5, 4, 3, 2, 1, 0),
       B8(255, 0, 128, 11, 0, 0, 0, 16), 0, 0,
       B8(7, 6, 5, 4, 4, 5, 6, 7), B8(255, 9, 128, 11, 12, 13, 14, 16), 0);
}

/* ---- By scalar ---- */

TEST(neon_vmul_i16_sc) {
    dd(AT(vmul_i16_sc), H4(1, 0xffff, 0x5555, 0x8000), H4(0, 0, 0, 3), 0,
       H4(3, 0xfffd, 0xffff, 0x8000), 0);
}
TEST(neon_vmla_i32_sc) {
    dd(AT(vmla_i32_sc), W2(5, ALL), W2(0, 10), W2(1, 1), W2(51, 0xfffffff7), 0);
}
TEST(neon_vmls_i16_sc_q) {
    go(AT(vmls_i16_sc_q));
    D(1) = H4(2, 9, 9, 9);
    D(4) = H4(1, 2, 3, 4);
    D(5) = H4(0x8000, 0, 100, 0xffff);
    D(8) = H4(10, 10, 10, 10);
    D(9) = 0;
    run(ARM_EXCP_BKPT);
    expect_d(8, H4(8, 6, 4, 2));
    expect_d(9, H4(0, 0, 0xff38, 2));
}
TEST(neon_vmul_f32_sc) {
    dd(AT(vmul_f32_sc), W2(HALF, INF), W2(0, TWO), 0, W2(ONE, INF), 0);
}
TEST(neon_vmla_f32_sc_q) {
    go(AT(vmla_f32_sc_q));
    D(1) = W2(TWO, 0);
    D(4) = W2(ONE, HALF);
    D(5) = W2(0x00000001, QNAN1);
    D(8) = W2(ONE, ONE);
    D(9) = W2(ONE, ONE);
    run(ARM_EXCP_BKPT);
    expect_d(8, W2(THREE, TWO));
    expect_d(9, W2(ONE, DNAN));
    expect_fpscr(IDC);
}
TEST(neon_vqdmulh_s16_sc) {
    dd(AT(vqdmulh_s16_sc), H4(0x8000, 0x4000, 1, 0xffff),
       H4(0, 0, 0x8000, 0), 0, H4(0x7fff, 0xc000, 0xffff, 1), QC);
}
/* 2 * -2^31 * 2^30 + 2^31 = -2^62 + 2^31: >> 32 = -2^30 (floor). */
TEST(neon_vqrdmulh_s32_sc) {
    dd(AT(vqrdmulh_s32_sc), W2(3, 0x80000000), W2(0x40000000, 0), 0,
       W2(2, 0xc0000000), 0);
}
TEST(neon_vmull_s16_sc) {
    ll(AT(vmull_s16_sc), H4(1, 0x8000, 0x7fff, 0xffff), H4(0, -3, 0, 0), 0, 0,
       W2(-3, 0x18000), W2(0xfffe8003, 3), 0);
}
TEST(neon_vmlal_u32_sc) {
    ll(AT(vmlal_u32_sc), W2(2, ALL), W2(0, ALL), 1, ~0ull,
       0x00000001ffffffffull, 0xfffffffe00000000ull, 0);
}
TEST(neon_vqdmull_s16_sc) {
    ll(AT(vqdmull_s16_sc), H4(0x8000, 1, 0x7fff, 0), H4(0x8000, 0, 0, 0), 0, 0,
       W2(0x7fffffff, 0xffff0000), W2(0x80010000, 0), QC);
}
TEST(neon_vqdmlal_s32_sc) {
    ll(AT(vqdmlal_s32_sc), W2(3, 0x80000000), W2(0, 2), 10,
       0x8000000000000000ull, 22, 0x8000000000000000ull, QC);
}
/* Lane 0: the doubled product saturates to 0x7fffffff first, then
 * 0 - 0x7fffffff; lane 1: 0x7fffffff + 65536 saturates. */
TEST(neon_vqdmlsl_s16_sc) {
    ll(AT(vqdmlsl_s16_sc), H4(0x8000, 1, 0, 0), H4(0, 0, 0, 0x8000),
       W2(0, 0x7fffffff), W2(5, 5), W2(0x80000001, 0x7fffffff), W2(5, 5), QC);
}

/* ---- Long, wide and narrow ---- */

TEST(neon_vaddl_s8) {
    ll(AT(vaddl_s8), B8(0x80, 0x7f, 0xff, 0, 1, 2, 3, 4),
       B8(0x80, 0x7f, 0xff, 0, -1, -2, -3, -4), 0, 0,
       H4(0xff00, 0x00fe, 0xfffe, 0), 0, 0);
}
TEST(neon_vaddl_u16) {
    ll(AT(vaddl_u16), H4(0xffff, 1, 0x8000, 0), H4(0xffff, 2, 0x8000, 0), 0, 0,
       W2(0x1fffe, 3), W2(0x10000, 0), 0);
}
TEST(neon_vsubl_u8) {
    ll(AT(vsubl_u8), B8(0, 255, 5, 0, 0, 0, 0, 0), B8(1, 0, 5, 255, 0, 0, 0, 0),
       0, 0, H4(0xffff, 0xff, 0, 0xff01), 0, 0);
}
TEST(neon_vsubl_s32) {
    ll(AT(vsubl_s32), W2(0x80000000, 0x7fffffff), W2(0x7fffffff, 0x80000000),
       0, 0, 0xffffffff00000001ull, 0x00000000ffffffffull, 0);
}
TEST(neon_vabdl_s8) {
    ll(AT(vabdl_s8), B8(0x80, 0x7f, 0, 0, 0, 0, 0, 0),
       B8(0x7f, 0x80, 0, 0, 0, 0, 0, 0), 0, 0, H4(255, 255, 0, 0), 0, 0);
}
TEST(neon_vabal_u16) {
    ll(AT(vabal_u16), H4(0, 0xffff, 0, 0), H4(0xffff, 0, 0, 0), W2(1, ALL), 0,
       W2(0x10000, 0xfffe), 0, 0);
}
TEST(neon_vmull_s8) {
    ll(AT(vmull_s8), B8(0x80, 0x80, 0x7f, 0xff, 2, 0, 0, 0),
       B8(0x80, 0x7f, 0x7f, 0xff, -3, 0, 0, 0), 0, 0,
       H4(0x4000, 0xc080, 0x3f01, 1), H4(0xfffa, 0, 0, 0), 0);
}
TEST(neon_vmull_u32) {
    ll(AT(vmull_u32), W2(ALL, 2), W2(ALL, 0x80000000), 0, 0,
       0xfffffffe00000001ull, 0x0000000100000000ull, 0);
}
TEST(neon_vmull_p8) {
    ll(AT(vmull_p8), B8(3, 3, 0xff, 0x80, 0x53, 1, 0, 0x0f),
       B8(3, 5, 2, 2, 0xca, 0xff, 0xff, 0x0f), 0, 0,
       H4(5, 0x0f, 0x1fe, 0x100), H4(0x3f7e, 0xff, 0, 0x55), 0);
}
TEST(neon_vmlal_s16) {
    ll(AT(vmlal_s16), H4(-2, 1, 0x8000, 0), H4(3, 1, 0x8000, 0),
       W2(100, 0x7fffffff), W2(0, ALL), W2(94, 0x80000000),
       W2(0x40000000, ALL), 0);
}
/* 0 - 255*255 = -65025 = 511 mod 2^16. */
TEST(neon_vmlsl_u8) {
    ll(AT(vmlsl_u8), B8(255, 10, 0, 0, 0, 0, 0, 0),
       B8(255, 100, 0, 0, 0, 0, 0, 0), H4(0, 1000, 0, 0), 0,
       H4(0x1ff, 0, 0, 0), 0, 0);
}
TEST(neon_vqdmull_s16) {
    ll(AT(vqdmull_s16), H4(0x8000, 0x7fff, -1, 0), H4(0x8000, 0x7fff, 1, 0), 0,
       0, W2(0x7fffffff, 0x7ffe0002), W2(0xfffffffe, 0), QC);
}
TEST(neon_vqdmull_s32) {
    ll(AT(vqdmull_s32), W2(0x80000000, 3), W2(0x80000000, -5), 0, 0,
       0x7fffffffffffffffull, (u64)-30, QC);
}
TEST(neon_vqdmlal_s16) {
    ll(AT(vqdmlal_s16), H4(4, 0x8000, -1, 0), H4(4, 0x8000, 1, 0),
       W2(0x7ffffff0, 0), W2(0x80000000, 0), W2(0x7fffffff, 0x7fffffff),
       W2(0x80000000, 0), QC);
}
TEST(neon_vqdmlsl_s32) {
    ll(AT(vqdmlsl_s32), W2(1, 1), W2(0x40000000, 1), 0, 0x8000000000000000ull,
       0xffffffff80000000ull, 0x8000000000000000ull, QC);
}
TEST(neon_vaddw_s8) {
    wide(AT(vaddw_s8), H4(1, 0xffff, 0x7fff, 0), H4(0, 0, 0, 100),
         B8(-1, -1, 1, 0, 0, 0, 0, 0x80), H4(0, 0xfffe, 0x8000, 0),
         H4(0, 0, 0, 0xffe4));
}
TEST(neon_vsubw_u16) {
    wide(AT(vsubw_u16), W2(0, 0x10000), W2(5, ALL), H4(1, 0xffff, 5, 0xffff),
         W2(ALL, 1), W2(0, 0xffff0000));
}
TEST(neon_vaddhn_i16) {
    nn(AT(vaddhn_i16), H4(0x1234, 0xff00, 0x8000, 0xffff), 0,
       H4(0x0100, 0x0100, 0x8000, 1), H4(0x00ff, 0, 0, 0x7f80), 0,
       B8(0x13, 0, 0, 0, 0, 0, 0, 0x7f), 0);
}
TEST(neon_vraddhn_i16) {
    nn(AT(vraddhn_i16), H4(0x1234, 0xff00, 0x8000, 0xffff), 0,
       H4(0x0100, 0x0100, 0x8000, 1), H4(0x00ff, 0, 0, 0x7f80), 0,
       B8(0x13, 0, 0, 0, 1, 0, 0, 0x80), 0);
}
TEST(neon_vsubhn_i32) {
    nn(AT(vsubhn_i32), W2(0x00010000, 0), W2(0x80000000, 5), W2(1, 1),
       W2(0, 5), 0, H4(0, 0xffff, 0x8000, 0), 0);
}
TEST(neon_vrsubhn_i64) {
    nn(AT(vrsubhn_i64), 0x0000000180000000ull, 0, 0, 0x0000000080000000ull,
       0, W2(2, 0), 0);
}

/* ---- Shifts by immediate ---- */

TEST(neon_vshr_s8_3) {
    d1(AT(vshr_s8_3), B8(0x80, 0x7f, 0xff, 8, 0xf8, 1, 0x40, 0xc1), 0,
       B8(0xf0, 0x0f, 0xff, 1, 0xff, 0, 8, 0xf8), 0);
}
TEST(neon_vshr_u8_8) { d1(AT(vshr_u8_8), 0x80ff7f0102030405ull, 5, 0, 0); }
TEST(neon_vshr_s8_8) {
    d1(AT(vshr_s8_8), B8(0x80, 0x7f, 0xff, 0, 1, 0xfe, 0x40, 0xc0), 0,
       B8(0xff, 0, 0xff, 0, 0, 0xff, 0, 0xff), 0);
}
TEST(neon_vshr_s64_64) {
    d1(AT(vshr_s64_64), 0x8000000000000001ull, 0, ~0ull, 0);
}
TEST(neon_vrshr_s16_4) {
    d1(AT(vrshr_s16_4), H4(7, 8, -8, -9), 0, H4(0, 1, 0, 0xffff), 0);
}
TEST(neon_vrshr_u32_32) {
    d1(AT(vrshr_u32_32), W2(0x7fffffff, 0x80000000), 0, W2(0, 1), 0);
}
TEST(neon_vsra_u8_2) {
    d1(AT(vsra_u8_2), B8(4, 0xff, 0x80, 4, 0, 0, 0, 0),
       B8(1, 2, 3, 0xff, 0, 0, 0, 0), B8(2, 65, 35, 0, 0, 0, 0, 0), 0);
}
TEST(neon_vrsra_s32_1) {
    d1(AT(vrsra_s32_1), W2(-3, 1), W2(10, 0x7fffffff), W2(9, 0x80000000), 0);
}
TEST(neon_vsri_8_3) {
    d1(AT(vsri_8_3), B8(0xff, 0xff, 0, 0x80, 0, 0, 0, 0),
       B8(0xff, 0, 0xaa, 0x55, 0, 0, 0, 0),
       B8(0xff, 0x1f, 0xa0, 0x50, 0, 0, 0, 0), 0);
}
/* A shift by the element size inserts nothing. */
TEST(neon_vsri_16_16) {
    d1(AT(vsri_16_16), ~0ull, 0x123456789abcdef0ull, 0x123456789abcdef0ull, 0);
}
TEST(neon_vsli_8_3) {
    d1(AT(vsli_8_3), B8(0xff, 0xff, 0x01, 0x21, 0, 0, 0, 0),
       B8(0xff, 0, 0xaa, 0x55, 0, 0, 0, 0),
       B8(0xff, 0xf8, 0x0a, 0x0d, 0, 0, 0, 0), 0);
}
TEST(neon_vsli_64_0) {
    d1(AT(vsli_64_0), 0x123456789abcdef0ull, 0x1111, 0x123456789abcdef0ull, 0);
}
TEST(neon_vshl_i16_5) {
    d1(AT(vshl_i16_5), H4(1, 0x0800, 0xffff, 0x1234), 0,
       H4(0x20, 0, 0xffe0, 0x4680), 0);
}
TEST(neon_vshl_i64_63) { d1(AT(vshl_i64_63), 3, 0, 0x8000000000000000ull, 0); }
TEST(neon_vqshl_s8_2) {
    d1(AT(vqshl_s8_2), B8(31, 32, -32, -33, 0, -1, 1, 0x7f), 0,
       B8(124, 127, 0x80, 0x80, 0, 0xfc, 4, 127), QC);
}
TEST(neon_vqshl_u16_4) {
    d1(AT(vqshl_u16_4), H4(0x0fff, 0x1000, 0xffff, 0), 0,
       H4(0xfff0, 0xffff, 0xffff, 0), QC);
}
/* VQSHLU: signed in, unsigned out: negative lanes saturate to 0. */
TEST(neon_vqshlu_s8_1) {
    d1(AT(vqshlu_s8_1), B8(-1, 0x7f, 0x40, 0x3f, 0, 0x80, 1, 0x7e), 0,
       B8(0, 254, 128, 126, 0, 0, 2, 252), QC);
}
TEST(neon_vqshl_s32_0) {
    d1(AT(vqshl_s32_0), W2(0x80000000, 0x7fffffff), 0,
       W2(0x80000000, 0x7fffffff), 0);
}
TEST(neon_vqshlu_s64_3) {
    d1(AT(vqshlu_s64_3), 0x1fffffffffffffffull, 0, 0xfffffffffffffff8ull, 0);
}
TEST(neon_vqshlu_s64_3_sat) {
    d1(AT(vqshlu_s64_3), 0x2000000000000000ull, 0, ~0ull, QC);
}
TEST(neon_vshrn_i16_4) {
    nn(AT(vshrn_i16_4), 0, 0, H4(0x1234, 0xffff, 0x0ff0, 0x8000),
       H4(0x0010, 0x000f, 0xabcd, 0x7fff), 0,
       B8(0x23, 0xff, 0xff, 0, 1, 0, 0xbc, 0xff), 0);
}
TEST(neon_vrshrn_i32_16) {
    nn(AT(vrshrn_i32_16), 0, 0, W2(0x00018000, 0x00017fff),
       W2(0xffff8000, 0x7fffffff), 0, H4(2, 1, 0, 0x8000), 0);
}
TEST(neon_vqshrn_s16_2) {
    nn(AT(vqshrn_s16_2), 0, 0, H4(0x01fc, 0x0200, 0xfe00, 0xfdfc),
       H4(0x7fff, 0x8000, 4, 0xfffc), 0,
       B8(127, 127, 0x80, 0x80, 127, 0x80, 1, 0xff), QC);
}
TEST(neon_vqshrn_u32_8) {
    nn(AT(vqshrn_u32_8), 0, 0, W2(0x00ffff00, 0x01000000), W2(ALL, 0xff), 0,
       H4(0xffff, 0xffff, 0xffff, 0), QC);
}
TEST(neon_vqrshrn_s64_32) {
    nn(AT(vqrshrn_s64_32), 0, 0, 0x000000007fffffffull,
       0x7fffffff80000000ull, 0, W2(0, 0x7fffffff), QC);
}
TEST(neon_vqshrun_s16_1) {
    nn(AT(vqshrun_s16_1), 0, 0, H4(0xffff, 0x01fe, 0x0200, 0x0001),
       H4(0x8000, 0x7fff, 0x00ff, 0), 0, B8(0, 255, 255, 0, 0, 255, 127, 0),
       QC);
}
TEST(neon_vqrshrun_s32_4) {
    nn(AT(vqrshrun_s32_4), 0, 0, W2(0x000ffff7, 0x000ffff8),
       W2(0xfffffff8, 0xfffffff7), 0, H4(0xffff, 0xffff, 0, 0), QC);
}
TEST(neon_vshll_s8_3) {
    ll(AT(vshll_s8_3), 0, B8(0x80, 0x7f, 0xff, 1, 0, 0, 0, 0), 0, 0,
       H4(0xfc00, 0x3f8, 0xfff8, 8), 0, 0);
}
TEST(neon_vshll_u16_16) {
    ll(AT(vshll_u16_16), 0, H4(0xffff, 1, 0x8000, 0), 0, 0,
       W2(0xffff0000, 0x10000), W2(0x80000000, 0), 0);
}
TEST(neon_vmovl_s8) {
    ll(AT(vmovl_s8), 0, B8(0x80, 0x7f, 0xff, 0, 1, 2, 3, 0x81), 0, 0,
       H4(0xff80, 0x7f, 0xffff, 0), H4(1, 2, 3, 0xff81), 0);
}
TEST(neon_vmovl_u32) {
    ll(AT(vmovl_u32), 0, W2(ALL, 0x80000000), 0, 0, 0xffffffffull,
       0x80000000ull, 0);
}

/* ---- Two registers, miscellaneous ---- */

TEST(neon_vrev64_8) {
    d1(AT(vrev64_8), 0x0706050403020100ull, 0, 0x0001020304050607ull, 0);
}
TEST(neon_vrev64_32) {
    d1(AT(vrev64_32), 0x1111111122222222ull, 0, 0x2222222211111111ull, 0);
}
TEST(neon_vrev32_16) {
    d1(AT(vrev32_16), 0x4444333322221111ull, 0, 0x3333444411112222ull, 0);
}
TEST(neon_vrev16_8) {
    d1(AT(vrev16_8), 0x0706050403020100ull, 0, 0x0607040502030001ull, 0);
}
TEST(neon_vpaddl_s8) {
    d1(AT(vpaddl_s8), B8(0x80, 0x80, 0x7f, 0x7f, -1, 1, 5, -6), 0,
       H4(0xff00, 254, 0, 0xffff), 0);
}
TEST(neon_vpaddl_u16) {
    d1(AT(vpaddl_u16), H4(0xffff, 0xffff, 1, 2), 0, W2(0x1fffe, 3), 0);
}
TEST(neon_vpadal_u8) {
    d1(AT(vpadal_u8), B8(1, 0, 255, 255, 0, 0, 1, 2), H4(0xffff, 1, 0, 100),
       H4(0, 511, 0, 103), 0);
}
TEST(neon_vpadal_s32) {
    d1(AT(vpadal_s32), W2(1, 0), 0x7fffffffffffffffull, 0x8000000000000000ull,
       0);
}
TEST(neon_vcls_s8) {
    d1(AT(vcls_s8), B8(0, 0xff, 1, 0x80, 0x40, 0xc0, 0x3f, 0x10), 0,
       B8(7, 7, 6, 0, 0, 1, 1, 2), 0);
}
TEST(neon_vclz_i16) {
    d1(AT(vclz_i16), H4(0, 1, 0x8000, 0x00ff), 0, H4(16, 15, 0, 8), 0);
}
TEST(neon_vclz_i32) { d1(AT(vclz_i32), W2(0, 0x00010000), 0, W2(32, 15), 0); }
TEST(neon_vcnt_8) {
    d1(AT(vcnt_8), B8(0, 0xff, 0x01, 0x80, 0x55, 0x0f, 0x7e, 0x11), 0,
       B8(0, 8, 1, 1, 4, 4, 6, 2), 0);
}
TEST(neon_vmvn) {
    d1(AT(vmvn), 0x00ff00ff12345678ull, 0, 0xff00ff00edcba987ull, 0);
}
TEST(neon_vqabs_s8) {
    d1(AT(vqabs_s8), B8(0x80, 0x81, 0xff, 0, 0x7f, 1, 0xfe, 0x80), 0,
       B8(127, 127, 1, 0, 127, 1, 2, 127), QC);
}
TEST(neon_vqneg_s16) {
    d1(AT(vqneg_s16), H4(0x8000, 0x7fff, 0, 1), 0,
       H4(0x7fff, 0x8001, 0, 0xffff), QC);
}
/* Plain VABS of -128 is -128, without QC. */
TEST(neon_vabs_s8) {
    d1(AT(vabs_s8), B8(0x80, 0x81, 0xff, 0, 0x7f, 1, 0xfe, 0x80), 0,
       B8(0x80, 127, 1, 0, 127, 1, 2, 0x80), 0);
}
TEST(neon_vneg_s32) {
    d1(AT(vneg_s32), W2(0x80000000, 5), 0, W2(0x80000000, 0xfffffffb), 0);
}
TEST(neon_vceq0_i8) {
    d1(AT(vceq0_i8), B8(0, 1, 0, 0xff, 0, 0, 0, 0), 0,
       B8(0xff, 0, 0xff, 0, 0xff, 0xff, 0xff, 0xff), 0);
}
TEST(neon_vcge0_s8) {
    d1(AT(vcge0_s8), B8(0, 1, 0x80, 0xff, 0x7f, 0, 0, 0), 0,
       B8(0xff, 0xff, 0, 0, 0xff, 0xff, 0xff, 0xff), 0);
}
TEST(neon_vcgt0_s16) {
    d1(AT(vcgt0_s16), H4(0, 1, 0x8000, 0x7fff), 0, H4(0, 0xffff, 0, 0xffff), 0);
}
TEST(neon_vcle0_s8) {
    d1(AT(vcle0_s8), B8(0, 1, 0x80, 0xff, 0x7f, 0, 0, 0), 0,
       B8(0xff, 0, 0xff, 0xff, 0, 0xff, 0xff, 0xff), 0);
}
TEST(neon_vclt0_s32) {
    d1(AT(vclt0_s32), W2(0x80000000, 0), 0, W2(ALL, 0), 0);
}
/* VABS/VNEG.F32 only touch the sign: no flags, even for a NaN. */
TEST(neon_vabs_f32) {
    d1(AT(vabs_f32), W2(0xff800001, 0x80000001), 0,
       W2(0x7f800001, 0x00000001), 0);
}
TEST(neon_vneg_f32) {
    d1(AT(vneg_f32), W2(DNAN, 0), 0, W2(0xffc00000, NZERO), 0);
}
TEST(neon_vceq0_f32) {
    d1(AT(vceq0_f32), W2(NZERO, 0x00000001), 0, W2(ALL, ALL), IDC);
}
TEST(neon_vcge0_f32) {
    d1(AT(vcge0_f32), W2(QNAN1, NZERO), 0, W2(0, ALL), IOC);
}
TEST(neon_vcgt0_f32) {
    d1(AT(vcgt0_f32), W2(0x00800000, 0x80800000), 0, W2(ALL, 0), 0);
}
TEST(neon_vcle0_f32) { d1(AT(vcle0_f32), W2(MONE, ONE), 0, W2(ALL, 0), 0); }
TEST(neon_vclt0_f32) {
    d1(AT(vclt0_f32), W2(NINF, 0x80000001), 0, W2(ALL, 0), IDC);
}
TEST(neon_vmovn_i16) {
    nn(AT(vmovn_i16), 0, 0, H4(0x1234, 0xff00, 0x00ff, 0x8080),
       H4(1, 2, 3, 4), 0, B8(0x34, 0, 0xff, 0x80, 1, 2, 3, 4), 0);
}
TEST(neon_vqmovn_s16) {
    nn(AT(vqmovn_s16), 0, 0, H4(0x007f, 0x0080, 0xff80, 0xff7f),
       H4(0x7fff, 0x8000, 0, 0xffff), 0,
       B8(0x7f, 0x7f, 0x80, 0x80, 0x7f, 0x80, 0, 0xff), QC);
}
TEST(neon_vqmovn_u32) {
    nn(AT(vqmovn_u32), 0, 0, W2(0xffff, 0x10000), W2(ALL, 5), 0,
       H4(0xffff, 0xffff, 0xffff, 5), QC);
}
TEST(neon_vqmovun_s16) {
    nn(AT(vqmovun_s16), 0, 0, H4(0x00ff, 0x0100, 0xffff, 0),
       H4(0x8000, 0x7fff, 1, 0x80), 0, B8(255, 255, 0, 0, 0, 255, 1, 128), QC);
}
TEST(neon_vqmovn_s64) {
    nn(AT(vqmovn_s64), 0, 0, 0x000000007fffffffull, 0xffffffff7fffffffull, 0,
       W2(0x7fffffff, 0x80000000), QC);
}
TEST(neon_vshll_i8_8) {
    ll(AT(vshll_i8_8), 0, B8(1, 0xff, 0x80, 0, 0, 0, 0, 0), 0, 0,
       H4(0x100, 0xff00, 0x8000, 0), 0, 0);
}
TEST(neon_vshll_i32_32) {
    ll(AT(vshll_i32_32), 0, W2(ALL, 1), 0, 0, 0xffffffff00000000ull,
       0x0000000100000000ull, 0);
}
/* UnsignedRecipEstimate: 0x80000000 is 0.5 -> q = 256, 1/0.50098 = 1.9961,
 * 256 * 1.9961 + 0.5 rounds down to 511; 0xffffffff -> 256. */
TEST(neon_vrecpe_u32) {
    d1(AT(vrecpe_u32), W2(0x80000000, ALL), 0, W2(0xff800000, 0x80000000), 0);
}
/* q = 384: 512 / 384.5 = 1.3316, * 256 = 340.9 -> 341; below 0.5: all
 * ones. */
TEST(neon_vrecpe_u32_b) {
    d1(AT(vrecpe_u32), W2(0xc0000000, 0x7fffffff), 0,
       W2(0xaa800000, ALL), 0);
}
/* 0.25 range: q0 = 128, 1/sqrt(128.5/512) = 1.9961 -> 511; 0.5: q1 = 128,
 * 1/sqrt(128.5/256) = 1.4115 -> 361. */
TEST(neon_vrsqrte_u32) {
    d1(AT(vrsqrte_u32), W2(0x40000000, 0x80000000), 0,
       W2(0xff800000, 0xb4800000), 0);
}
TEST(neon_vrsqrte_u32_b) {
    d1(AT(vrsqrte_u32), W2(0x3fffffff, ALL), 0, W2(ALL, 0x80000000), 0);
}
/* 1.0: exponent 253 - 127, estimate 511/256; 3.0: q = 384 -> 341. */
TEST(neon_vrecpe_f32) {
    d1(AT(vrecpe_f32), W2(ONE, THREE), 0, W2(0x3f7f8000, 0x3eaa8000), 0);
}
TEST(neon_vrecpe_f32_zero_big) {
    d1(AT(vrecpe_f32), W2(NZERO, 0x7f000000), 0, W2(NINF, 0), DZC | UFC);
}
TEST(neon_vrecpe_f32_inf_nan) {
    d1(AT(vrecpe_f32), W2(NINF, SNAN), 0, W2(NZERO, DNAN), IOC);
}
TEST(neon_vrecpe_f32_denormal) {
    d1(AT(vrecpe_f32), W2(0x00000001, QNAN1), 0, W2(INF, DNAN), IDC | DZC);
}
/* 2.0 (even exponent): q1 = 128 -> 361, exponent (380 - 128) / 2;
 * 4.0 (odd): q0 = 128 -> 511. */
TEST(neon_vrsqrte_f32) {
    d1(AT(vrsqrte_f32), W2(TWO, FOUR), 0, W2(0x3f348000, 0x3eff8000), 0);
}
TEST(neon_vrsqrte_f32_one) {
    d1(AT(vrsqrte_f32), W2(ONE, ONE), 0, W2(0x3f7f8000, 0x3f7f8000), 0);
}
TEST(neon_vrsqrte_f32_special) {
    d1(AT(vrsqrte_f32), W2(MONE, INF), 0, W2(DNAN, 0), IOC);
}
TEST(neon_vrsqrte_f32_zeros) {
    d1(AT(vrsqrte_f32), W2(NZERO, 0x80000001), 0, W2(NINF, NINF), IDC | DZC);
}
/* Integer to float rounds to nearest even whatever FPSCR says. */
TEST(neon_vcvt_f32_s32) {
    dd_fs(AT(vcvt_f32_s32), RZ, 0, W2(ALL, 0x7fffffff), 0,
          W2(MONE, 0x4f000000), IXC);
}
TEST(neon_vcvt_f32_u32) {
    d1(AT(vcvt_f32_u32), W2(ALL, 0x01000001), 0, W2(0x4f800000, 0x4b800000),
       IXC);
}
/* Float to integer rounds towards zero and saturates with IOC. */
TEST(neon_vcvt_s32_f32) {
    d1(AT(vcvt_s32_f32), W2(0xbfc00000, 0x4f000000), 0, W2(-1, 0x7fffffff),
       IOC | IXC);
}
TEST(neon_vcvt_s32_f32_nan) {
    d1(AT(vcvt_s32_f32), W2(QNAN1, 0xcf000000), 0, W2(0, 0x80000000), IOC);
}
TEST(neon_vcvt_u32_f32) {
    d1(AT(vcvt_u32_f32), W2(MONE, 0x3fffffff), 0, W2(0, 1), IOC | IXC);
}
TEST(neon_vcvt_s32_f32_fixed16) {
    d1(AT(vcvt_s32_f32_16), W2(0x3fc00000, 0xc0200000), 0,
       W2(0x18000, 0xfffd8000), 0);
}
TEST(neon_vcvt_f32_u32_fixed8) {
    d1(AT(vcvt_f32_u32_8), W2(0x180, ALL), 0, W2(0x3fc00000, 0x4b800000), IXC);
}
TEST(neon_vcvt_u32_f32_fixed32) {
    d1(AT(vcvt_u32_f32_32), W2(HALF, ONE), 0, W2(0x80000000, ALL), IOC);
}
/* 65504 is the largest half; 65536 overflows; 2^-25 is half the smallest
 * half denormal (a tie, to even: 0).  Half results are not flushed. */
TEST(neon_vcvt_f16_f32) {
    nn(AT(vcvt_f16_f32), 0, 0, W2(ONE, 0x477fe000), W2(0x47800000, 0x33000000),
       0, H4(0x3c00, 0x7bff, 0x7c00, 0), OFC | UFC | IXC);
}
TEST(neon_vcvt_f32_f16) {
    ll(AT(vcvt_f32_f16), 0, H4(0x3c00, 0xfc00, 0x0001, 0x7e01), 0, 0,
       W2(ONE, NINF), W2(0x33800000, DNAN), 0);
}

/* ---- Permutes ---- */

static void perm(uint32_t off, u64 a, u64 b, u64 wa, u64 wb)
{
    go(off);
    D(1) = a;
    D(2) = b;
    run(ARM_EXCP_BKPT);
    expect_d(1, wa);
    expect_d(2, wb);
}

#define S0 B8(0, 1, 2, 3, 4, 5, 6, 7)
#define S1 B8(10, 11, 12, 13, 14, 15, 16, 17)
TEST(neon_vswp) { perm(AT(vswp), S0, S1, S1, S0); }
TEST(neon_vtrn_8) {
    perm(AT(vtrn_8), S0, S1, B8(0, 10, 2, 12, 4, 14, 6, 16),
         B8(1, 11, 3, 13, 5, 15, 7, 17));
}
TEST(neon_vtrn_32) { perm(AT(vtrn_32), W2(1, 2), W2(3, 4), W2(1, 3), W2(2, 4)); }
TEST(neon_vzip_8) {
    perm(AT(vzip_8), S0, S1, B8(0, 10, 1, 11, 2, 12, 3, 13),
         B8(4, 14, 5, 15, 6, 16, 7, 17));
}
TEST(neon_vzip_16) {
    perm(AT(vzip_16), H4(0, 1, 2, 3), H4(10, 11, 12, 13), H4(0, 10, 1, 11),
         H4(2, 12, 3, 13));
}
TEST(neon_vuzp_8) {
    perm(AT(vuzp_8), S0, S1, B8(0, 2, 4, 6, 10, 12, 14, 16),
         B8(1, 3, 5, 7, 11, 13, 15, 17));
}
TEST(neon_vuzp_16) {
    perm(AT(vuzp_16), H4(0, 1, 2, 3), H4(10, 11, 12, 13), H4(0, 2, 10, 12),
         H4(1, 3, 11, 13));
}

static void perm_q(uint32_t off, u64 a0, u64 a1, u64 b0, u64 b1, u64 wa0,
                   u64 wa1, u64 wb0, u64 wb1)
{
    go(off);
    D(6) = a0;
    D(7) = a1;
    D(8) = b0;
    D(9) = b1;
    run(ARM_EXCP_BKPT);
    expect_d(6, wa0);
    expect_d(7, wa1);
    expect_d(8, wb0);
    expect_d(9, wb1);
}

TEST(neon_vzip_32_q) {
    perm_q(AT(vzip_32_q), W2(0, 1), W2(2, 3), W2(10, 11), W2(12, 13),
           W2(0, 10), W2(1, 11), W2(2, 12), W2(3, 13));
}
TEST(neon_vuzp_32_q) {
    perm_q(AT(vuzp_32_q), W2(0, 1), W2(2, 3), W2(10, 11), W2(12, 13),
           W2(0, 2), W2(10, 12), W2(1, 3), W2(11, 13));
}
TEST(neon_vtrn_16_q) {
    perm_q(AT(vtrn_16_q), H4(0, 1, 2, 3), H4(4, 5, 6, 7), H4(10, 11, 12, 13),
           H4(14, 15, 16, 17), H4(0, 10, 2, 12), H4(4, 14, 6, 16),
           H4(1, 11, 3, 13), H4(5, 15, 7, 17));
}
TEST(neon_vext_3) {
    dd(AT(vext_3), S0, S1, 0, B8(3, 4, 5, 6, 7, 10, 11, 12), 0);
}
static u64 bytes_from(int first)
{
    u64 v = 0;
    for (int i = 0; i < 8; i++)
        v |= (u64)(uint8_t)(first + i) << (8 * i);
    return v;
}
TEST(neon_vext_q_13) {
    qq(AT(vext_q_13), bytes_from(0), bytes_from(8), bytes_from(16),
       bytes_from(24), 0, 0, B8(13, 14, 15, 16, 17, 18, 19, 20),
       B8(21, 22, 23, 24, 25, 26, 27, 28), 0);
}
TEST(neon_vext_q_16) {
    qq(AT(vext_q_s16), bytes_from(0), bytes_from(8), bytes_from(16),
       bytes_from(24), 0, 0, bytes_from(6), bytes_from(14), 0);
}
/* Out-of-range indexes give 0 (VTBL) or keep the destination (VTBX). */
TEST(neon_vtbl1) {
    dd(AT(vtbl1), bytes_from(0xa0), B8(0, 7, 8, 255, 3, 1, 0x80, 2), 0x5555,
       B8(0xa0, 0xa7, 0, 0, 0xa3, 0xa1, 0, 0xa2), 0);
}
TEST(neon_vtbx1) {
    dd(AT(vtbx1), bytes_from(0xa0), B8(0, 7, 8, 255, 3, 1, 0x80, 2),
       bytes_from(0xd0), B8(0xa0, 0xa7, 0xd2, 0xd3, 0xa3, 0xa1, 0xd6, 0xa2), 0);
}
static void tbl(uint32_t off, u64 idx, u64 d, u64 want)
{
    go(off);
    for (int i = 0; i < 4; i++)
        D(4 + i) = bytes_from(0x40 + 8 * i);
    D(1) = idx;
    D(2) = d;
    run(ARM_EXCP_BKPT);
    expect_d(2, want);
}
TEST(neon_vtbl2) {
    tbl(AT(vtbl2), B8(15, 16, 0, 9, 100, 8, 7, 1), ~0ull,
        B8(0x4f, 0, 0x40, 0x49, 0, 0x48, 0x47, 0x41));
}
TEST(neon_vtbl4) {
    tbl(AT(vtbl4), B8(31, 32, 0, 17, 25, 255, 8, 24), ~0ull,
        B8(0x5f, 0, 0x40, 0x51, 0x59, 0, 0x48, 0x58));
}
TEST(neon_vtbx3) {
    tbl(AT(vtbx3), B8(23, 24, 0, 16, 255, 8, 7, 1), bytes_from(0xd0),
        B8(0x57, 0xd1, 0x40, 0x50, 0xd4, 0x48, 0x47, 0x41));
}
TEST(neon_vdup_8) {
    d1(AT(vdup_8), bytes_from(0x10), 0, 0x1515151515151515ull, 0);
}
TEST(neon_vdup_16_q) {
    ll(AT(vdup_16_q), 0, H4(0x1111, 0x2222, 0x3333, 0x4444), 0, 0,
       0x4444444444444444ull, 0x4444444444444444ull, 0);
}
TEST(neon_vdup_32) {
    d1(AT(vdup_32), W2(0x11111111, 0x22222222), 0, 0x2222222222222222ull, 0);
}

/* ---- One register and a modified immediate (every cmode) ---- */

static void imm(uint32_t off, u64 d, u64 want)
{
    d1(off, 0, d, want, 0);
}
TEST(neon_vmov_imm_cmode0) { imm(AT(vmov_i32_1), 7, 0x0000005a0000005aull); }
TEST(neon_vmov_imm_cmode2) { imm(AT(vmov_i32_2), 7, 0x00005a0000005a00ull); }
TEST(neon_vmov_imm_cmode4) { imm(AT(vmov_i32_3), 7, 0x005a0000005a0000ull); }
TEST(neon_vmov_imm_cmode6) { imm(AT(vmov_i32_4), 7, 0x5a0000005a000000ull); }
TEST(neon_vmov_imm_cmode8) { imm(AT(vmov_i16_1), 7, 0x00a500a500a500a5ull); }
TEST(neon_vmov_imm_cmode10_q) {
    ll(AT(vmov_i16_2), 0, 0, 1, 2, 0xa500a500a500a500ull,
       0xa500a500a500a500ull, 0);
}
TEST(neon_vmov_imm_cmode12) { imm(AT(vmov_i32_ones8), 7, 0x00005aff00005affull); }
TEST(neon_vmov_imm_cmode13) { imm(AT(vmov_i32_ones16), 7, 0x005affff005affffull); }
TEST(neon_vmov_imm_cmode14_q) {
    ll(AT(vmov_i8), 0, 0, 1, 2, 0x8181818181818181ull, 0x8181818181818181ull, 0);
}
TEST(neon_vmov_imm_i64) { imm(AT(vmov_i64), 7, 0xff0000ff00ffff00ull); }
TEST(neon_vmov_imm_f32) { imm(AT(vmov_f32), 7, 0xc0200000c0200000ull); }
TEST(neon_vmov_imm_f32_q) {
    ll(AT(vmov_f32_b), 0, 0, 1, 2, 0x3e0000003e000000ull,
       0x3e0000003e000000ull, 0);
}
TEST(neon_vmvn_imm_i32) { imm(AT(vmvn_i32), 7, 0xffffa5ffffffa5ffull); }
TEST(neon_vmvn_imm_i16) { imm(AT(vmvn_i16), 7, 0xff5aff5aff5aff5aull); }
TEST(neon_vmvn_imm_ones) { imm(AT(vmvn_i32_ones), 7, 0xffffa500ffffa500ull); }
TEST(neon_vorr_imm_i32) {
    imm(AT(vorr_i32), 0x0102030405060708ull, 0x015a0304055e0708ull);   /* 06 | 5a = 5e */
}
TEST(neon_vorr_imm_i16) {
    imm(AT(vorr_i16), 0x0102030405060708ull, 0x01a703a505a707adull);
}
TEST(neon_vbic_imm_i32) {
    imm(AT(vbic_i32), 0x0102030405060708ull, 0x0102030005060700ull);
}
TEST(neon_vbic_imm_i16_q) {
    ll(AT(vbic_i16), 0, 0, 0x1234567890abcdefull, ~0ull,
       0x0034007800ab00efull, 0x00ff00ff00ff00ffull, 0);
}
TEST(neon_vmov_reg_d) { d1(AT(vmov_d), 0x0123456789abcdefull, 5, 0x0123456789abcdefull, 0); }
TEST(neon_vmov_reg_q) {
    qq(AT(vmov_q), 0, 0, 0x1111, 0x2222, 0, 0, 0x1111, 0x2222, 0);
}

/* ---- Core registers and scalars ---- */

TEST(neon_vmov_to_scalar8) {
    go(AT(vmov_to_s8));
    setr(0, 0x123456ab);
    D(2) = 0x1111111111111111ull;
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1111ab1111111111ull);
}
TEST(neon_vmov_to_scalar16) {
    go(AT(vmov_to_s16));
    setr(0, 0xffff1234);
    D(2) = 0x1111111111111111ull;
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1234111111111111ull);
}
TEST(neon_vmov_to_scalar32_d18) {
    go(AT(vmov_to_s32));
    setr(0, 0xcafef00d);
    D(18) = 0x1111111122222222ull;
    run(ARM_EXCP_BKPT);
    expect_d(18, 0xcafef00d22222222ull);
}
static void from_scalar(uint32_t off, int dreg, u64 v, uint32_t want)
{
    go(off);
    D(dreg) = v;
    run(ARM_EXCP_BKPT);
    expect_r(1, want);
}
TEST(neon_vmov_from_s8) {
    from_scalar(AT(vmov_from_s8), 1, B8(0, 0, 0, 0, 0, 0, 0x80, 0xfe), 0xffffff80);
}
TEST(neon_vmov_from_u8) {
    from_scalar(AT(vmov_from_u8), 1, B8(0, 0, 0, 0, 0, 0, 0x80, 0xfe), 0xfe);
}
TEST(neon_vmov_from_s16) {
    from_scalar(AT(vmov_from_s16), 1, H4(0, 0x8001, 0, 0xfffe), 0xffff8001);
}
TEST(neon_vmov_from_u16) {
    from_scalar(AT(vmov_from_u16), 1, H4(0, 0x8001, 0, 0xfffe), 0xfffe);
}
TEST(neon_vmov_from_32_d17) {
    from_scalar(AT(vmov_from_32), 17, 0x8765432112345678ull, 0x87654321);
}
static void dup_r(uint32_t off, u64 w0, u64 w1)
{
    go(off);
    setr(0, 0x123456ab);
    run(ARM_EXCP_BKPT);
    if (off == AT(vdup_r_16)) {
        expect_d(8, w0);
        expect_d(9, w1);
    } else {
        expect_d(2, w0);
        expect_d(3, w1);
    }
}
TEST(neon_vdup_core8) { dup_r(AT(vdup_r_8), 0xababababababababull, 0); }
TEST(neon_vdup_core16_q) {
    dup_r(AT(vdup_r_16), 0x56ab56ab56ab56abull, 0x56ab56ab56ab56abull);
}
TEST(neon_vdup_core32) { dup_r(AT(vdup_r_32), 0x123456ab123456abull, 0); }
/* D16-D31 and Q8-Q15. */
TEST(neon_vadd_d31) {
    go(AT(vadd_d31));
    D(30) = W2(1, 2);
    D(29) = W2(10, 20);
    run(ARM_EXCP_BKPT);
    expect_d(31, W2(11, 22));
}
TEST(neon_vadd_q15) {
    go(AT(vadd_q15));
    D(28) = H4(1, 2, 3, 4);
    D(29) = H4(5, 6, 7, 0xffff);
    D(26) = H4(10, 20, 30, 40);
    D(27) = H4(50, 60, 70, 2);
    run(ARM_EXCP_BKPT);
    expect_d(30, H4(11, 22, 33, 44));
    expect_d(31, H4(55, 66, 77, 1));
}

/* ---- Loads and stores: the byte at BASE + i holds i ---- */

#define BASE (DATA_BASE + 0x100)

static void mem_go(uint32_t off, uint32_t base, uint32_t rm)
{
    go(off);
    for (uint32_t i = 0; i < 0x100; i += 4)
        set_mem32(BASE + i, (i + 3) << 24 | (i + 2) << 16 | (i + 1) << 8 | i);
    setr(0, base);
    setr(2, rm);
}

static u64 hw(int k)   /* halfword k of the pattern */
{
    return (u64)((2 * k + 1) << 8 | 2 * k);
}

TEST(neon_vld1_8_1) {
    mem_go(AT(vld1_8_1), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(0));
    expect_d(3, 0);
    expect_r(0, BASE);
}
TEST(neon_vld1_16_2_wb) {
    mem_go(AT(vld1_16_2), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(0));
    expect_d(3, bytes_from(8));
    expect_r(0, BASE + 16);
}
TEST(neon_vld1_32_3_rm) {
    mem_go(AT(vld1_32_3), BASE, 0x40);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(0));
    expect_d(3, bytes_from(8));
    expect_d(4, bytes_from(16));
    expect_r(0, BASE + 0x40);
}
TEST(neon_vld1_64_4_aligned) {
    mem_go(AT(vld1_64_4), BASE + 0x20, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(0x20));
    expect_d(5, bytes_from(0x38));
}
/* [r0:256] on a 16-byte boundary: alignment fault, nothing loaded. */
TEST(neon_vld1_64_4_misaligned) {
    mem_go(AT(vld1_64_4), BASE + 0x10, 0);
    run(EXCP_UNALIGNED);
    expect_d(2, 0);
    expect_r(0, BASE + 0x10);
}
TEST(neon_vld1_64_align64) {
    mem_go(AT(vld1_64_al), BASE + 8, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(8));
}
TEST(neon_vld1_64_align64_fault) {
    mem_go(AT(vld1_64_al), BASE + 4, 0);
    run(EXCP_UNALIGNED);
    expect_d(2, 0);
}
/* Without an alignment hint any address is fine. */
TEST(neon_vld1_unaligned_no_hint) {
    mem_go(AT(vld1_8_1), BASE + 3, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(3));
}
TEST(neon_vld1_align128_wb) {
    mem_go(AT(vld1_8_al128), BASE + 16, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(16));
    expect_d(3, bytes_from(24));
    expect_r(0, BASE + 32);
}
TEST(neon_vld1_align128_fault_no_wb) {
    mem_go(AT(vld1_8_al128), BASE + 8, 0);
    run(EXCP_UNALIGNED);
    expect_r(0, BASE + 8);
}
TEST(neon_vld1_fault) {
    mem_go(AT(vld1_16_2), UNMAPPED, 0);
    D(2) = 0x1234;
    run(EXCP_SEGV);
    expect_d(2, 0x1234);
    expect_r(0, UNMAPPED);
}
TEST(neon_vst1_8_1) {
    mem_go(AT(vst1_8_1), BASE, 0);
    D(2) = 0x1122334455667788ull;
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0x55667788);
    expect_mem32(BASE + 4, 0x11223344);
    expect_mem32(BASE + 8, 0x0b0a0908);
}
TEST(neon_vst1_32_2_wb) {
    mem_go(AT(vst1_32_2), BASE, 0);
    D(2) = W2(0xa, 0xb);
    D(3) = W2(0xc, 0xd);
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0xa);
    expect_mem32(BASE + 4, 0xb);
    expect_mem32(BASE + 8, 0xc);
    expect_mem32(BASE + 12, 0xd);
    expect_r(0, BASE + 16);
}
TEST(neon_vst1_16_4_rm) {
    mem_go(AT(vst1_16_4), BASE, (uint32_t)-8);
    for (int i = 0; i < 4; i++)
        D(2 + i) = 0x1111111111111111ull * (i + 1);
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0x11111111);
    expect_mem32(BASE + 12, 0x22222222);
    expect_mem32(BASE + 28, 0x44444444);
    expect_mem32(BASE + 32, 0x23222120);
    expect_r(0, BASE - 8);
}
/* VLD2: even elements to the first register, odd to the second. */
TEST(neon_vld2_8) {
    mem_go(AT(vld2_8), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, B8(0, 2, 4, 6, 8, 10, 12, 14));
    expect_d(3, B8(1, 3, 5, 7, 9, 11, 13, 15));
}
/* Four registers: {d2, d4} take the first 8 halfwords, {d3, d5} the
 * next 8. */
TEST(neon_vld2_16_q) {
    mem_go(AT(vld2_16_q), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, H4(hw(0), hw(2), hw(4), hw(6)));
    expect_d(4, H4(hw(1), hw(3), hw(5), hw(7)));
    expect_d(3, H4(hw(8), hw(10), hw(12), hw(14)));
    expect_d(5, H4(hw(9), hw(11), hw(13), hw(15)));
    expect_r(0, BASE + 32);
}
TEST(neon_vld2_32_spaced) {
    mem_go(AT(vld2_32_sp), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, W2(0x03020100, 0x0b0a0908));
    expect_d(4, W2(0x07060504, 0x0f0e0d0c));
    expect_d(3, 0);
}
TEST(neon_vst2_8) {
    mem_go(AT(vst2_8), BASE, 0);
    D(2) = bytes_from(0xa0);
    D(3) = bytes_from(0xb0);
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0xb1a1b0a0);
    expect_mem32(BASE + 12, 0xb7a7b6a6);
}
TEST(neon_vst2_16_q) {
    mem_go(AT(vst2_16_q), BASE, 0x100);
    D(2) = H4(0x1000, 0x1001, 0x1002, 0x1003);
    D(3) = H4(0x3000, 0x3001, 0x3002, 0x3003);
    D(4) = H4(0x2000, 0x2001, 0x2002, 0x2003);
    D(5) = H4(0x4000, 0x4001, 0x4002, 0x4003);
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0x20001000);
    expect_mem32(BASE + 12, 0x20031003);
    expect_mem32(BASE + 16, 0x40003000);
    expect_mem32(BASE + 28, 0x40033003);
    expect_r(0, BASE + 0x100);
}
TEST(neon_vld3_8) {
    mem_go(AT(vld3_8), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, B8(0, 3, 6, 9, 12, 15, 18, 21));
    expect_d(3, B8(1, 4, 7, 10, 13, 16, 19, 22));
    expect_d(4, B8(2, 5, 8, 11, 14, 17, 20, 23));
    expect_r(0, BASE + 24);
}
TEST(neon_vld3_16_spaced) {
    mem_go(AT(vld3_16_sp), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, H4(hw(0), hw(3), hw(6), hw(9)));
    expect_d(4, H4(hw(1), hw(4), hw(7), hw(10)));
    expect_d(6, H4(hw(2), hw(5), hw(8), hw(11)));
}
TEST(neon_vst3_32) {
    mem_go(AT(vst3_32), BASE, 0);
    D(2) = W2(1, 2);
    D(3) = W2(3, 4);
    D(4) = W2(5, 6);
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 1);
    expect_mem32(BASE + 4, 3);
    expect_mem32(BASE + 8, 5);
    expect_mem32(BASE + 12, 2);
    expect_mem32(BASE + 16, 4);
    expect_mem32(BASE + 20, 6);
    expect_mem32(BASE + 24, 0x1b1a1918);
}
TEST(neon_vld4_8) {
    mem_go(AT(vld4_8), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, B8(0, 4, 8, 12, 16, 20, 24, 28));
    expect_d(3, B8(1, 5, 9, 13, 17, 21, 25, 29));
    expect_d(5, B8(3, 7, 11, 15, 19, 23, 27, 31));
}
TEST(neon_vld4_16_spaced) {
    mem_go(AT(vld4_16_sp), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, H4(hw(0), hw(4), hw(8), hw(12)));
    expect_d(4, H4(hw(1), hw(5), hw(9), hw(13)));
    expect_d(8, H4(hw(3), hw(7), hw(11), hw(15)));
    expect_r(0, BASE + 32);
}
TEST(neon_vst4_32_align128) {
    mem_go(AT(vst4_32), BASE, 0);
    for (int i = 0; i < 4; i++)
        D(2 + i) = W2(2 * i + 1, 2 * i + 2);
    run(ARM_EXCP_BKPT);
    static const uint32_t want[] = { 1, 3, 5, 7, 2, 4, 6, 8 };
    for (int i = 0; i < 8; i++)
        expect_mem32(BASE + 4 * i, want[i]);
}
TEST(neon_vst4_32_align128_fault) {
    mem_go(AT(vst4_32), BASE + 8, 0);
    run(EXCP_UNALIGNED);
    expect_mem32(BASE + 8, 0x0b0a0908);
}
TEST(neon_vld1_lane_8) {
    mem_go(AT(vld1_lane_8), BASE + 0x10, 0);
    D(2) = 0x1111111111111111ull;
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1111101111111111ull);
    expect_r(0, BASE + 0x11);
}
TEST(neon_vld1_lane_16_align) {
    mem_go(AT(vld1_lane_16), BASE + 2, 0);
    D(2) = 0x1111111111111111ull;
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1111030211111111ull);
}
TEST(neon_vld1_lane_16_align_fault) {
    mem_go(AT(vld1_lane_16), BASE + 1, 0);
    run(EXCP_UNALIGNED);
}
TEST(neon_vld1_lane_32_rm) {
    mem_go(AT(vld1_lane_32), BASE + 4, 12);
    D(2) = 0x1111111111111111ull;
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0706050411111111ull);
    expect_r(0, BASE + 16);
}
TEST(neon_vst1_lane_16) {
    mem_go(AT(vst1_lane_16), BASE, 0);
    D(2) = 0xabcd000000000000ull;
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0x0302abcd);
    expect_r(0, BASE + 2);
}
TEST(neon_vld2_lane_16) {
    mem_go(AT(vld2_lane_16), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0000000001000000ull);
    expect_d(3, 0x0000000003020000ull);
}
TEST(neon_vld2_lane_32_spaced) {
    mem_go(AT(vld2_lane_32_sp), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0302010000000000ull);
    expect_d(4, 0x0706050400000000ull);
    expect_d(3, 0);
}
TEST(neon_vld3_lane_8) {
    mem_go(AT(vld3_lane_8), BASE + 0x10, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1000000000000000ull);
    expect_d(3, 0x1100000000000000ull);
    expect_d(4, 0x1200000000000000ull);
}
TEST(neon_vld4_lane_16) {
    mem_go(AT(vld4_lane_16), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0100);
    expect_d(3, 0x0302);
    expect_d(4, 0x0504);
    expect_d(5, 0x0706);
    expect_r(0, BASE + 8);
}
TEST(neon_vld4_lane_16_fault) {
    mem_go(AT(vld4_lane_16), BASE + 4, 0);
    run(EXCP_UNALIGNED);
    expect_r(0, BASE + 4);
}
TEST(neon_vst4_lane_8) {
    mem_go(AT(vst4_lane_8), BASE, 0);
    D(2) = 0xa100;
    D(3) = 0xb100;
    D(4) = 0xc100;
    D(5) = 0xd100;
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0xd1c1b1a1);
    expect_mem32(BASE + 4, 0x07060504);
}
TEST(neon_vst3_lane_32) {
    mem_go(AT(vst3_lane_32), BASE, 0);
    D(2) = 0x11111111;
    D(4) = 0x22222222;
    D(6) = 0x33333333;
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0x11111111);
    expect_mem32(BASE + 4, 0x22222222);
    expect_mem32(BASE + 8, 0x33333333);
    expect_mem32(BASE + 12, 0x0f0e0d0c);
}
TEST(neon_vld1_all_8) {
    mem_go(AT(vld1_all_8), BASE + 0x10, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1010101010101010ull);
}
TEST(neon_vld1_all_16_2) {
    mem_go(AT(vld1_all_16_2), BASE + 2, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0302030203020302ull);
    expect_d(3, 0x0302030203020302ull);
    expect_r(0, BASE + 4);
}
TEST(neon_vld2_all_32) {
    mem_go(AT(vld2_all_32), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0302010003020100ull);
    expect_d(3, 0x0706050407060504ull);
}
TEST(neon_vld3_all_16) {
    mem_go(AT(vld3_all_16), BASE, 6);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0100010001000100ull);
    expect_d(4, 0x0302030203020302ull);
    expect_d(6, 0x0504050405040504ull);
    expect_d(3, 0);
    expect_r(0, BASE + 6);
}
TEST(neon_vld4_all_8) {
    mem_go(AT(vld4_all_8), BASE, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0);
    expect_d(3, 0x0101010101010101ull);
    expect_d(5, 0x0303030303030303ull);
}
TEST(neon_vld4_all_8_fault) {
    mem_go(AT(vld4_all_8), BASE + 2, 0);
    run(EXCP_UNALIGNED);
}
TEST(neon_vld4_all_32_align128) {
    mem_go(AT(vld4_all_32_128), BASE + 0x10, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1312111013121110ull);
    expect_d(5, 0x1f1e1d1c1f1e1d1cull);
}

/* ---- Thumb-2 ---- */

static void go_t(uint32_t off)
{
    go_model("max", off, true);
}

TEST(neon_t32_vqadd_u8) {
    go_t(AT(t_vqadd_u8));
    D(0) = B8(255, 1, 0, 0, 0, 0, 0, 0);
    D(1) = B8(1, 1, 0, 0, 0, 0, 0, 0);
    run(ARM_EXCP_BKPT);
    expect_d(2, B8(255, 2, 0, 0, 0, 0, 0, 0));
    expect_fpscr(QC);
}
TEST(neon_t32_vsub_i16_q) {
    go_t(AT(t_vsub_i16_q));
    D(4) = H4(1, 2, 3, 4);
    D(5) = H4(5, 6, 7, 8);
    D(6) = H4(2, 2, 2, 2);
    D(7) = H4(8, 8, 8, 8);
    run(ARM_EXCP_BKPT);
    expect_d(8, H4(0xffff, 0, 1, 2));
    expect_d(9, H4(0xfffd, 0xfffe, 0xffff, 0));
}
TEST(neon_t32_vrshr_u16) {
    go_t(AT(t_vrshr_u16));
    D(1) = H4(4, 0xffff, 11, 12);
    run(ARM_EXCP_BKPT);
    expect_d(2, H4(1, 0x2000, 1, 2));
}
TEST(neon_t32_vld1) {
    go_t(AT(t_vld1_16));
    for (uint32_t i = 0; i < 0x10; i += 4)
        set_mem32(BASE + i, (i + 3) << 24 | (i + 2) << 16 | (i + 1) << 8 | i);
    setr(0, BASE);
    run(ARM_EXCP_BKPT);
    expect_d(2, bytes_from(0));
    expect_d(3, bytes_from(8));
    expect_r(0, BASE + 16);
}
TEST(neon_t32_vst1_lane) {
    go_t(AT(t_vst1_lane));
    setr(0, BASE);
    D(2) = 0x8765432100000000ull;
    run(ARM_EXCP_BKPT);
    expect_mem32(BASE, 0x87654321);
}
TEST(neon_t32_vdup_core) {
    go_t(AT(t_vdup_r));
    setr(0, 0xabcd1234);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x1234123412341234ull);
}
static void it_neon(uint32_t r0, u64 want)
{
    go_t(AT(t_it_neon));
    setr(0, r0);
    D(0) = W2(5, 6);
    D(1) = W2(1, 2);
    run(ARM_EXCP_BKPT);
    expect_d(2, want);
    clobber(16);
}
TEST(neon_t32_it_then) { it_neon(1, W2(6, 8)); }
TEST(neon_t32_it_else) { it_neon(2, W2(4, 4)); }

/* ---- UNDEFINED encodings and feature gating ---- */

static void udef(const char *model, uint32_t off, bool thumb)
{
    go_model(model, off, thumb);
    run(EXCP_UDEF);
}

TEST(neon_undef_q_odd) { udef("max", AT(u_q_odd), false); }
TEST(neon_undef_vmul_p16) { udef("max", AT(u_vmul_p16), false); }
TEST(neon_undef_vld1_align) { udef("max", AT(u_vld1_align), false); }
TEST(neon_undef_vrev64_64) { udef("max", AT(u_vrev64_64), false); }
TEST(neon_undef_vld_pc) { udef("max", AT(u_vld_pc), false); }
/* Models without Advanced SIMD. */
TEST(neon_undef_arm1176) { udef("arm1176", AT(vadd_i8), false); }
TEST(neon_undef_arm926_vld) { udef("arm926", AT(vld1_8_1), false); }
TEST(neon_undef_arm1136_vdup) { udef("arm1136", AT(vdup_r_8), false); }
TEST(neon_undef_arm1176_vmov8) { udef("arm1176", AT(vmov_to_s8), false); }
/* Half-precision conversions need the extension the Cortex-A8 lacks. */
TEST(neon_undef_a8_vcvt_f16_f32) { udef("cortex-a8", AT(vcvt_f16_f32), false); }
TEST(neon_undef_a8_vcvt_f32_f16) { udef("cortex-a8", AT(vcvt_f32_f16), false); }
/* The 32-bit scalar transfer is VFP's and stays. */
TEST(neon_arm1176_vmov32_is_vfp) {
    go_model("arm1176", AT(vmov_from_32), false);
    run(EXCP_UDEF);   /* d17 needs D32, which VFPv2 lacks */
}
static void no_neon(uint32_t off, bool thumb)
{
    go_model("cortex-a9", off, thumb);
    set_features(cpu->features & ~ARM_FEAT(NEON));
    run(EXCP_UDEF);
}
TEST(neon_undef_no_neon_t32_dp) { no_neon(AT(t_vqadd_u8), true); }
TEST(neon_undef_no_neon_t32_vld) { no_neon(AT(t_vld1_16), true); }
TEST(neon_undef_no_neon_t32_vdup) { no_neon(AT(t_vdup_r), true); }
TEST(neon_undef_no_neon_a32) { no_neon(AT(vqadd_u8), false); }
TEST(neon_cortex_a8_has_neon) {
    go_model("cortex-a8", AT(vadd_i8), false);
    D(0) = 1;
    D(1) = 2;
    run(ARM_EXCP_BKPT);
    expect_d(2, 3);
}

/* A VLD1 whose register straddles the end of the data pages: the fault
 * leaves the register and the base unchanged. */
TEST(neon_vld1_page_cross_fault) {
    uint32_t end = DATA_BASE + 2 * GUEST_PAGE_SIZE;
    mem_go(AT(vld1_16_2), end - 12, 0);
    D(2) = 0x1111;
    D(3) = 0x2222;
    run(EXCP_SEGV);
    expect_d(2, 0x1111);
    expect_d(3, 0x2222);
    expect_r(0, end - 12);
}
/* The same range one register earlier is fine. */
TEST(neon_vld1_page_end) {
    uint32_t end = DATA_BASE + 2 * GUEST_PAGE_SIZE;
    mem_go(AT(vld1_16_2), end - 16, 0);
    set_mem32(end - 16, 0x44332211);
    set_mem32(end - 4, 0x88776655);
    run(ARM_EXCP_BKPT);
    expect_d(2, 0x0000000044332211ull);
    expect_d(3, 0x8877665500000000ull);
    expect_r(0, end);
}
