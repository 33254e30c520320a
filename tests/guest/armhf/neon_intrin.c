/*
 * Advanced SIMD through arm_neon.h (built with -mfpu=neon): each
 * intrinsic below compiles to one NEON instruction and its expected lanes
 * are written out (worked by hand); then a few kernels (RGB
 * de-interleave with VLD3/VST3, a saturating blend, a float dot product,
 * a table lookup) are compared with plain C on the same data.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Lanes, lowest first. */
#define B8(a, b, c, d, e, f, g, h)                                         \
    ((uint64_t)(uint8_t)(a) | (uint64_t)(uint8_t)(b) << 8 |                \
     (uint64_t)(uint8_t)(c) << 16 | (uint64_t)(uint8_t)(d) << 24 |         \
     (uint64_t)(uint8_t)(e) << 32 | (uint64_t)(uint8_t)(f) << 40 |         \
     (uint64_t)(uint8_t)(g) << 48 | (uint64_t)(uint8_t)(h) << 56)
#define H4(a, b, c, d)                                                     \
    ((uint64_t)(uint16_t)(a) | (uint64_t)(uint16_t)(b) << 16 |             \
     (uint64_t)(uint16_t)(c) << 32 | (uint64_t)(uint16_t)(d) << 48)
#define W2(a, b) ((uint64_t)(uint32_t)(a) | (uint64_t)(uint32_t)(b) << 32)

#define U64(v, t) vget_lane_u64(vreinterpret_u64_##t(v), 0)
#define U64Q(v, t, n) vgetq_lane_u64(vreinterpretq_u64_##t(v), n)

static uint32_t get_fpscr(void)
{
    uint32_t v;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(v));
    return v;
}

static void set_fpscr(uint32_t v)
{
    __asm__ volatile("vmsr fpscr, %0" : : "r"(v));
}

/* Operands come through volatile memory so nothing is constant-folded. */
static volatile uint64_t va = B8(250, 5, 128, 0, 255, 1, 100, 200);
static volatile uint64_t vb = B8(10, 5, 128, 0, 1, 255, 100, 56);
static volatile uint64_t vh = H4(0xffff, 1, 0x7fff, 0x8000);
static volatile uint64_t vw = W2(0x80000000, 0x7fffffff);

static void integer(void)
{
    uint8x8_t a = vcreate_u8(va), b = vcreate_u8(vb);
    CHECK("vqadd.u8", U64(vqadd_u8(a, b), u8),
          B8(255, 10, 255, 0, 255, 255, 200, 255));
    CHECK("vadd.i8", U64(vadd_u8(a, b), u8), B8(4, 10, 0, 0, 0, 0, 200, 0));
    CHECK("vabd.u8", U64(vabd_u8(a, b), u8),
          B8(240, 0, 0, 0, 254, 254, 0, 144));
    CHECK("vhadd.u8", U64(vhadd_u8(a, b), u8),
          B8(130, 5, 128, 0, 128, 128, 100, 128));
    CHECK("vmax.u8", U64(vmax_u8(a, b), u8),
          B8(250, 5, 128, 0, 255, 255, 100, 200));
    CHECK("vcgt.u8", U64(vcgt_u8(a, b), u8),
          B8(0xff, 0, 0, 0, 0xff, 0, 0, 0xff));
    CHECK("vcnt.8", U64(vcnt_u8(a), u8), B8(6, 2, 1, 0, 8, 1, 3, 3));

    int16x4_t h = vreinterpret_s16_u64(vcreate_u64(vh));
    CHECK("vqneg.s16", U64(vqneg_s16(h), s16), H4(1, 0xffff, 0x8001, 0x7fff));
    CHECK("vqdmulh.s16", U64(vqdmulh_s16(h, h), s16), H4(0, 0, 0x7ffe, 0x7fff));
    CHECK("vshl.i16 #3", U64(vshl_n_s16(h, 3), s16),
          H4(0xfff8, 8, 0xfff8, 0));
    CHECK("vrshr.s16 #1", U64(vrshr_n_s16(h, 1), s16),
          H4(0, 1, 0x4000, 0xc000));
    CHECK("vqshl.s16 #1", U64(vqshl_n_s16(h, 1), s16),
          H4(0xfffe, 2, 0x7fff, 0x8000));

    int32x2_t w = vreinterpret_s32_u64(vcreate_u64(vw));
    CHECK("vqabs.s32", U64(vqabs_s32(w), s32), W2(0x7fffffff, 0x7fffffff));
    CHECK("vclz.i32", U64(vclz_s32(w), s32), W2(0, 1));
    CHECK("vpadd.i32", U64(vpadd_s32(w, w), s32), W2(-1, -1));

    int16x8_t wide = vmovl_s8(vreinterpret_s8_u8(a));
    CHECK("vmovl.s8", U64Q(wide, s16, 0), H4(-6, 5, -128, 0));
    CHECK("vmull.u8", U64Q(vmull_u8(a, b), u16, 0), H4(2500, 25, 16384, 0));
    CHECK("vqmovn.s16", U64(vqmovn_s16(vdupq_n_s16(300)), s8),
          0x7f7f7f7f7f7f7f7full);
    CHECK("vqmovun.s16", U64(vqmovun_s16(vdupq_n_s16(-5)), u8), 0);
    CHECK("vshrn.i16", U64(vshrn_n_u16(vdupq_n_u16(0x1234), 4), u8),
          0x2323232323232323ull);
    CHECK("vrev64.16", U64(vrev64_u16(vcreate_u16(H4(1, 2, 3, 4))), u16),
          H4(4, 3, 2, 1));
    CHECK("vbsl", U64(vbsl_u32(vcreate_u32(0xffff0000ffff0000ull),
                               vcreate_u32(0x1111111111111111ull),
                               vcreate_u32(0x2222222222222222ull)), u32),
          0x1111222211112222ull);
    CHECK("vtbl1", U64(vtbl1_u8(a, vcreate_u8(B8(7, 0, 8, 1, 255, 2, 6, 3))), u8),
          B8(200, 250, 0, 5, 0, 128, 100, 0));
    CHECK("vext #3", U64(vext_u8(a, b, 3), u8), B8(0, 255, 1, 100, 200, 10, 5, 128));
    CHECK("vdup lane", U64(vdup_lane_u16(vcreate_u16(H4(1, 2, 3, 4)), 2), u16),
          H4(3, 3, 3, 3));
}

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static void floating(void)
{
    volatile float one = 1.0f, three = 3.0f, tiny = 1e-40f; /* denormal */
    float32x2_t x = { one, three }, y = { three, tiny };

    set_fpscr(0);
    CHECK("vadd.f32", U64(vadd_f32(x, y), f32), W2(0x40800000, 0x40400000));
    /* NEON flushes the denormal input to zero (IDC) even though FPSCR.FZ
     * is clear: 3 * tiny = 0. */
    CHECK("vmul.f32 flush", U64(vmul_f32(x, y), f32), W2(0x40400000, 0));
    CHECK_TRUE("IDC set", get_fpscr() & 0x80);
    /* Scalar VFP code keeps the denormal: 3 * 1e-40 is not zero. */
    volatile float prod = three * tiny;
    CHECK_TRUE("VFP keeps denormals", fbits(prod) != 0);
    CHECK("vmax.f32", U64(vmax_f32(x, y), f32), W2(0x40400000, 0x40400000));
    CHECK("vcvt.s32.f32", U64(vcvt_s32_f32(vmul_n_f32(x, 2.5f)), s32), W2(2, 7));
    CHECK("vcvt.f32.u32 #4", U64(vcvt_n_f32_u32(vcreate_u32(W2(24, 1)), 4), f32),
          W2(0x3fc00000, 0x3d800000));
    /* vrecpe then two Newton steps approach 1/3. */
    float32x2_t r = vrecpe_f32(vdup_n_f32(3.0f));
    CHECK("vrecpe.f32", vget_lane_u32(vreinterpret_u32_f32(r), 0), 0x3eaa8000);
    r = vmul_f32(r, vrecps_f32(vdup_n_f32(3.0f), r));
    r = vmul_f32(r, vrecps_f32(vdup_n_f32(3.0f), r));
    float third = vget_lane_f32(r, 0);
    CHECK_TRUE("Newton 1/3", third > 0.33333f && third < 0.33334f);
    volatile float qnan = __builtin_nanf("");
    set_fpscr(0);
    uint32x2_t nan_lt = vclt_f32(vdup_n_f32(qnan), x);
    CHECK("vclt NaN", U64(nan_lt, u32), 0);
    CHECK_TRUE("IOC from ordered compare", get_fpscr() & 1);
    set_fpscr(0);
}

/* ---- Kernels against plain C ---- */

#define N 96
static uint8_t rgb[3 * N], out_rgb[3 * N];
static uint8_t img1[N], img2[N], blend_simd[N], blend_ref[N];
static float fa[N], fb[N];

static void kernels(void)
{
    for (int i = 0; i < 3 * N; i++)
        rgb[i] = (uint8_t)(i * 37 + 11);
    for (int i = 0; i < N; i++) {
        img1[i] = (uint8_t)(i * 13);
        img2[i] = (uint8_t)(255 - i * 7);
        fa[i] = (float)i * 0.5f - 10.0f;
        fb[i] = 1.0f / (float)(i + 1);
    }

    /* Swap R and B with VLD3/VST3; sum G with VPADAL. */
    uint32_t gsum_ref = 0;
    uint16x8_t gacc = vdupq_n_u16(0);
    for (int i = 0; i < N; i += 8) {
        uint8x8x3_t px = vld3_u8(rgb + 3 * i);
        uint8x8_t t = px.val[0];
        px.val[0] = px.val[2];
        px.val[2] = t;
        vst3_u8(out_rgb + 3 * i, px);
        gacc = vaddw_u8(gacc, px.val[1]);
    }
    int ok = 1;
    for (int i = 0; i < N; i++) {
        ok &= out_rgb[3 * i] == rgb[3 * i + 2] && out_rgb[3 * i + 1] == rgb[3 * i + 1] &&
              out_rgb[3 * i + 2] == rgb[3 * i];
        gsum_ref += rgb[3 * i + 1];
    }
    CHECK_TRUE("vld3/vst3 swap R and B", ok);
    uint64x2_t g64 = vpaddlq_u32(vpaddlq_u16(gacc));
    CHECK("green sum", vgetq_lane_u64(g64, 0) + vgetq_lane_u64(g64, 1), gsum_ref);

    /* Saturating blend: (img1 + img2) saturated, then rounded average
     * with img1. */
    for (int i = 0; i < N; i += 16) {
        uint8x16_t p = vld1q_u8(img1 + i), q = vld1q_u8(img2 + i);
        vst1q_u8(blend_simd + i, vrhaddq_u8(vqaddq_u8(p, q), p));
    }
    for (int i = 0; i < N; i++) {
        unsigned s = img1[i] + img2[i];
        if (s > 255)
            s = 255;
        blend_ref[i] = (uint8_t)((s + img1[i] + 1) >> 1);
    }
    CHECK_TRUE("saturating blend", memcmp(blend_simd, blend_ref, N) == 0);

    /* Float dot product in four lanes, summed in the same order as the
     * reference (lane-wise partial sums, then lanes 0+1+2+3). */
    float32x4_t acc = vdupq_n_f32(0.0f);
    float part[4] = { 0, 0, 0, 0 };
    for (int i = 0; i < N; i += 4) {
        acc = vmlaq_f32(acc, vld1q_f32(fa + i), vld1q_f32(fb + i));
        for (int k = 0; k < 4; k++)
            part[k] = part[k] + fa[i + k] * fb[i + k];
    }
    float lanes[4];
    vst1q_f32(lanes, acc);
    CHECK("dot product lanes", fbits(lanes[0]) ^ fbits(lanes[1]) << 1 ^
          fbits(lanes[2]) << 2 ^ fbits(lanes[3]) << 3,
          fbits(part[0]) ^ fbits(part[1]) << 1 ^ fbits(part[2]) << 2 ^
          fbits(part[3]) << 3);

    /* Byte table lookup over a 32-entry table (VTBL with 4 registers). */
    uint8_t table[32], idx[16], got[16];
    for (int i = 0; i < 32; i++)
        table[i] = (uint8_t)(i * i);
    for (int i = 0; i < 16; i++)
        idx[i] = (uint8_t)(i * 5 % 40);
    uint8x8x4_t tb = { { vld1_u8(table), vld1_u8(table + 8),
                         vld1_u8(table + 16), vld1_u8(table + 24) } };
    vst1_u8(got, vtbl4_u8(tb, vld1_u8(idx)));
    vst1_u8(got + 8, vtbl4_u8(tb, vld1_u8(idx + 8)));
    ok = 1;
    for (int i = 0; i < 16; i++)
        ok &= got[i] == (idx[i] < 32 ? table[idx[i]] : 0);
    CHECK_TRUE("vtbl4 lookup", ok);
}

int main(void)
{
    integer();
    floating();
    kernels();
    return check_done("neon_intrin");
}
