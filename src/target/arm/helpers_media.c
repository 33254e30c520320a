/*
 * C helpers for the ARMv6 SIMD-within-a-register instructions, whose lane
 * arithmetic would be long in IR.  All are pure: results that touch CPSR
 * state (GE bits, Q) come back in the high word of the 64-bit result and
 * the decoder stores them.
 */
#include "target/arm/translate.h"

/* Signed saturation of v to n bits (1..32); *sat set when clamped. */
static int64_t sat_signed(int64_t v, int n, bool *sat)
{
    int64_t max = ((int64_t)1 << (n - 1)) - 1, min = -((int64_t)1 << (n - 1));
    if (v > max) {
        *sat = true;
        return max;
    }
    if (v < min) {
        *sat = true;
        return min;
    }
    return v;
}

/* Unsigned saturation of v to n bits (0..31). */
static int64_t sat_unsigned(int64_t v, int n, bool *sat)
{
    int64_t max = ((int64_t)1 << n) - 1;
    if (v > max) {
        *sat = true;
        return max;
    }
    if (v < 0) {
        *sat = true;
        return 0;
    }
    return v;
}

/*
 * Parallel add/subtract.  op = prefix | op2 << 3 with the A32 fields:
 * prefix 1 S, 2 Q, 3 SH, 5 U, 6 UQ, 7 UH; op2 0 ADD16, 1 ASX, 2 SAX,
 * 3 SUB16, 4 ADD8, 7 SUB8.  Result: the value, GE[3:0] in bits 35:32.
 */
static uint64_t arm_parallel(struct cpu_common *cpu, uint64_t op,
                             uint64_t a64, uint64_t b64)
{
    uint32_t a = (uint32_t)a64, b = (uint32_t)b64;
    int prefix = op & 7, op2 = (op >> 3) & 7;
    bool is_unsigned = prefix & 4;
    int kind = prefix & 3;          /* 1 modulo, 2 saturating, 3 halving */
    int width = op2 >= 4 ? 8 : 16, lanes = 32 / width;
    uint32_t mask = (1u << width) - 1;
    uint32_t res = 0, ge = 0;

    for (int i = 0; i < lanes; i++) {
        /* Which lane of b, and add or subtract, for this lane of a. */
        int bl = i;
        bool sub;
        switch (op2) {
        case 0: case 4: sub = false; break;
        case 3: case 7: sub = true; break;
        case 1: sub = (i == 0); bl = 1 - i; break;   /* ASX */
        default: sub = (i == 1); bl = 1 - i; break;  /* SAX */
        }
        uint32_t xa = (a >> (i * width)) & mask, xb = (b >> (bl * width)) & mask;
        int64_t x, y;
        if (is_unsigned) {
            x = xa;
            y = xb;
        } else {
            x = (int64_t)(int32_t)(xa << (32 - width)) >> (32 - width);
            y = (int64_t)(int32_t)(xb << (32 - width)) >> (32 - width);
        }
        int64_t r = sub ? x - y : x + y;
        bool lane_ge, dummy = false;
        if (is_unsigned)
            lane_ge = sub ? r >= 0 : r >= ((int64_t)1 << width);
        else
            lane_ge = r >= 0;
        if (kind == 2)
            r = is_unsigned ? sat_unsigned(r, width, &dummy)
                            : sat_signed(r, width, &dummy);
        else if (kind == 3)
            r >>= 1;    /* arithmetic: the full-precision result halved */
        res |= ((uint32_t)r & mask) << (i * width);
        if (lane_ge)
            ge |= (width == 16 ? 3u : 1u) << (i * (width == 16 ? 2 : 1));
    }
    return res | (uint64_t)ge << 32;
}
IR_HELPER_DEF(arm_parallel, 3, true, IR_HELPER_PURE);

/* SEL: byte i from a where GE[i] is set, else from b. */
static uint64_t arm_sel(struct cpu_common *cpu, uint64_t ge, uint64_t a,
                        uint64_t b)
{
    uint32_t m = 0;
    for (int i = 0; i < 4; i++)
        if (ge & (1u << i))
            m |= 0xffu << (i * 8);
    return ((uint32_t)a & m) | ((uint32_t)b & ~m);
}
IR_HELPER_DEF(arm_sel, 3, true, IR_HELPER_PURE);

/* SSAT16/USAT16: arg = sat_imm | unsigned << 5.  Bit 32 of the result is
 * set when a lane saturated (the decoder ORs it into Q). */
static uint64_t arm_sat16(struct cpu_common *cpu, uint64_t v, uint64_t arg)
{
    int n = arg & 31;
    bool is_unsigned = arg & 32, sat = false;
    uint32_t res = 0;
    for (int i = 0; i < 2; i++) {
        int64_t x = (int16_t)(v >> (16 * i));
        x = is_unsigned ? sat_unsigned(x, n, &sat) : sat_signed(x, n + 1, &sat);
        res |= ((uint32_t)x & 0xffff) << (16 * i);
    }
    return res | (uint64_t)sat << 32;
}
IR_HELPER_DEF(arm_sat16, 2, true, IR_HELPER_PURE);

/* USAD8: sum of absolute differences of the four unsigned bytes. */
static uint64_t arm_usad8(struct cpu_common *cpu, uint64_t a, uint64_t b)
{
    uint32_t sum = 0;
    for (int i = 0; i < 4; i++) {
        int d = (int)((a >> (8 * i)) & 0xff) - (int)((b >> (8 * i)) & 0xff);
        sum += d < 0 ? -d : d;
    }
    return sum;
}
IR_HELPER_DEF(arm_usad8, 2, true, IR_HELPER_PURE);

/* SXTB16/UXTB16 (+ SXTAB16/UXTAB16): bytes 0 and 2 of v, extended to
 * 16 bits, added to the halfwords of acc. */
static uint64_t arm_xtb16(struct cpu_common *cpu, uint64_t v, uint64_t acc,
                          uint64_t is_signed)
{
    uint32_t res = 0;
    for (int i = 0; i < 2; i++) {
        uint32_t byte = (v >> (16 * i)) & 0xff;
        uint32_t e = is_signed ? (uint32_t)(int32_t)(int8_t)byte : byte;
        res |= ((e + (uint32_t)(acc >> (16 * i))) & 0xffff) << (16 * i);
    }
    return res;
}
IR_HELPER_DEF(arm_xtb16, 3, true, IR_HELPER_PURE);

static uint64_t arm_rbit(struct cpu_common *cpu, uint64_t v)
{
    uint32_t x = (uint32_t)v;
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    return __builtin_bswap32(x);
}
IR_HELPER_DEF(arm_rbit, 1, true, IR_HELPER_PURE);
