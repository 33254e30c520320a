/*
 * Loops for gcc's vectorizer: built with -mfpu=neon at -O3 (and at -O0
 * and -O2) they turn into Advanced SIMD code (VLD1/VLD2/VST2, VADD,
 * VMLAL, VABAL, VMIN/VMAX, VBSL, VPADAL, VMUL.F32, ...).  Each result is
 * compared with the same computation in a function the vectorizer may not
 * touch, on data that crosses every saturation and sign boundary.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define N 203   /* odd: the vectorized loops need a scalar tail too */
#define NOVEC __attribute__((noinline, optimize("no-tree-vectorize")))
#define VEC __attribute__((noinline))

static uint8_t a8[N], b8[N], r8[N], s8[N];
static int16_t a16[N], b16[N], r16[N], s16[N];
static int32_t a32[N], b32[N], r32[N], s32[N];
static float fa[N], fb[N], fc[N], rf[N], sf[N];
static uint8_t pairs[2 * N], rp[2 * N], sp[2 * N];

VEC static void add_u8(uint8_t *r, const uint8_t *a, const uint8_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] + b[i];
}
NOVEC static void add_u8_ref(uint8_t *r, const uint8_t *a, const uint8_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] + b[i];
}

VEC static void satadd_u8(uint8_t *r, const uint8_t *a, const uint8_t *b)
{
    for (int i = 0; i < N; i++) {
        unsigned s = a[i] + b[i];
        r[i] = s > 255 ? 255 : s;
    }
}
NOVEC static void satadd_u8_ref(uint8_t *r, const uint8_t *a, const uint8_t *b)
{
    for (int i = 0; i < N; i++) {
        unsigned s = a[i] + b[i];
        r[i] = s > 255 ? 255 : s;
    }
}

VEC static void minmax_s16(int16_t *r, const int16_t *a, const int16_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = (a[i] > b[i] ? a[i] : b[i]) - (a[i] < b[i] ? a[i] : b[i]) / 4;
}
NOVEC static void minmax_s16_ref(int16_t *r, const int16_t *a, const int16_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = (a[i] > b[i] ? a[i] : b[i]) - (a[i] < b[i] ? a[i] : b[i]) / 4;
}

VEC static int32_t sad_u8(const uint8_t *a, const uint8_t *b)
{
    int32_t s = 0;
    for (int i = 0; i < N; i++)
        s += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return s;
}
NOVEC static int32_t sad_u8_ref(const uint8_t *a, const uint8_t *b)
{
    int32_t s = 0;
    for (int i = 0; i < N; i++)
        s += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return s;
}

VEC static int32_t dot_s16(const int16_t *a, const int16_t *b)
{
    int32_t s = 0;
    for (int i = 0; i < N; i++)
        s += a[i] * b[i];
    return s;
}
NOVEC static int32_t dot_s16_ref(const int16_t *a, const int16_t *b)
{
    int32_t s = 0;
    for (int i = 0; i < N; i++)
        s += a[i] * b[i];
    return s;
}

VEC static void shift_mix_s32(int32_t *r, const int32_t *a, const int32_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = (a[i] >> 3) + (int32_t)((uint32_t)b[i] << 5) - (a[i] ^ b[i]) * 7;
}
NOVEC static void shift_mix_s32_ref(int32_t *r, const int32_t *a, const int32_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = (a[i] >> 3) + (int32_t)((uint32_t)b[i] << 5) - (a[i] ^ b[i]) * 7;
}

VEC static void select_s32(int32_t *r, const int32_t *a, const int32_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] < 0 ? b[i] : a[i] & 0x0f0f0f0f;
}
NOVEC static void select_s32_ref(int32_t *r, const int32_t *a, const int32_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] < 0 ? b[i] : a[i] & 0x0f0f0f0f;
}

/* Stride 2: VLD2/VST2 (swap and scale interleaved pairs). */
VEC static void swap_pairs(uint8_t *r, const uint8_t *p)
{
    for (int i = 0; i < N; i++) {
        r[2 * i] = p[2 * i + 1] >> 1;
        r[2 * i + 1] = p[2 * i] + 3;
    }
}
NOVEC static void swap_pairs_ref(uint8_t *r, const uint8_t *p)
{
    for (int i = 0; i < N; i++) {
        r[2 * i] = p[2 * i + 1] >> 1;
        r[2 * i + 1] = p[2 * i] + 3;
    }
}

VEC static void widen_mul(int32_t *r, const int16_t *a, const int16_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = (int32_t)a[i] * b[i] + r[i];
}
NOVEC static void widen_mul_ref(int32_t *r, const int16_t *a, const int16_t *b)
{
    for (int i = 0; i < N; i++)
        r[i] = (int32_t)a[i] * b[i] + r[i];
}

/* Float: element-wise only, so the vectorized order equals the scalar
 * one; the values stay normal (NEON flushes denormals). */
VEC static void saxpy(float *r, const float *a, const float *b, const float *c)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] * b[i] + c[i];
}
NOVEC static void saxpy_ref(float *r, const float *a, const float *b, const float *c)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] * b[i] + c[i];
}

VEC static void fclamp(float *r, const float *a)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] > 4.0f ? 4.0f : (a[i] < -4.0f ? -4.0f : a[i]);
}
NOVEC static void fclamp_ref(float *r, const float *a)
{
    for (int i = 0; i < N; i++)
        r[i] = a[i] > 4.0f ? 4.0f : (a[i] < -4.0f ? -4.0f : a[i]);
}

static uint32_t lcg = 12345;
static uint32_t rnd(void)
{
    lcg = lcg * 1103515245u + 12345u;
    return lcg >> 8;
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        a8[i] = (uint8_t)rnd();
        b8[i] = (uint8_t)(i & 1 ? rnd() : 255 - a8[i] + (i % 3));
        a16[i] = (int16_t)rnd();
        b16[i] = (int16_t)(i % 5 == 0 ? -32768 : (int16_t)rnd());
        a32[i] = (int32_t)(rnd() << 8 ^ rnd());
        b32[i] = (int32_t)(rnd() << 9 ^ rnd());
        fa[i] = (float)(int16_t)rnd() / 512.0f;
        fb[i] = (float)(int16_t)rnd() / 4096.0f;
        fc[i] = (float)i - 100.5f;
    }
    for (int i = 0; i < 2 * N; i++)
        pairs[i] = (uint8_t)rnd();

    add_u8(r8, a8, b8);
    add_u8_ref(s8, a8, b8);
    CHECK_TRUE("u8 add", memcmp(r8, s8, N) == 0);
    satadd_u8(r8, a8, b8);
    satadd_u8_ref(s8, a8, b8);
    CHECK_TRUE("u8 saturating add", memcmp(r8, s8, N) == 0);
    minmax_s16(r16, a16, b16);
    minmax_s16_ref(s16, a16, b16);
    CHECK_TRUE("s16 min/max", memcmp(r16, s16, sizeof r16) == 0);
    CHECK("u8 sum of absolute differences", sad_u8(a8, b8), sad_u8_ref(a8, b8));
    CHECK("s16 dot product", (uint32_t)dot_s16(a16, b16),
          (uint32_t)dot_s16_ref(a16, b16));
    shift_mix_s32(r32, a32, b32);
    shift_mix_s32_ref(s32, a32, b32);
    CHECK_TRUE("s32 shifts and multiply", memcmp(r32, s32, sizeof r32) == 0);
    select_s32(r32, a32, b32);
    select_s32_ref(s32, a32, b32);
    CHECK_TRUE("s32 select", memcmp(r32, s32, sizeof r32) == 0);
    swap_pairs(rp, pairs);
    swap_pairs_ref(sp, pairs);
    CHECK_TRUE("interleaved pairs", memcmp(rp, sp, sizeof rp) == 0);
    for (int i = 0; i < N; i++)
        r32[i] = s32[i] = i * 1000 - 70000;
    widen_mul(r32, a16, b16);
    widen_mul_ref(s32, a16, b16);
    CHECK_TRUE("widening multiply-accumulate", memcmp(r32, s32, sizeof r32) == 0);
    saxpy(rf, fa, fb, fc);
    saxpy_ref(sf, fa, fb, fc);
    CHECK_TRUE("float a*b+c", memcmp(rf, sf, sizeof rf) == 0);
    fclamp(rf, fa);
    fclamp_ref(sf, fa);
    CHECK_TRUE("float clamp", memcmp(rf, sf, sizeof rf) == 0);
    return check_done("neon_autovec");
}
