/*
 * Single precision through the soft-float ABI (__aeabi_fadd, fmul, fdiv,
 * fcmp*, f2iz, ui2f, ...): exact bit patterns of arithmetic, rounding to
 * nearest even, overflow to infinity, denormals and conversions.  Expected
 * bit patterns from a native host build.
 */
#include "check.h"

static uint32_t bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static const float vals[] = {
    0.0f, -0.0f, 1.0f, -2.5f, 3.14159265f, 3.0e38f, 1.0e-38f, 1.4e-45f,
    16777216.0f, 0.1f, 1.0f / 3.0f, -65504.0f,
};
#define NV (sizeof vals / sizeof vals[0])

int main(void)
{
    /* Results folded per operation and first operand: one table value
     * per row, a mismatch still names the operation and the operand. */
    for (unsigned i = 0; i < NV; i++) {
        uint64_t h[5] = { 0 };
        for (unsigned j = 0; j < NV; j++) {
            volatile float a = vals[i], b = vals[j];
            h[0] = h[0] * 0x100000001b3ull + bits(a + b);
            h[1] = h[1] * 0x100000001b3ull + bits(a - b);
            h[2] = h[2] * 0x100000001b3ull + bits(a * b);
            if (b != 0)
                h[3] = h[3] * 0x100000001b3ull + bits(a / b);
            h[4] = h[4] * 0x100000001b3ull +
                   ((a < b) | (a <= b) << 1 | (a == b) << 2 | (a > b) << 3);
        }
        static const char *const op[5] = { "+", "-", "*", "/", "compare" };
        for (int k = 0; k < 5; k++)
            EXPECT_HOSTF(h[k], "%g %s each value", (double)vals[i], op[k]);
    }

    volatile float big = 16777216.0f, one = 1.0f;
    CHECK("2^24 + 1 rounds to even", bits(big + one), 0x4b800000u);
    volatile float m = 3.0e38f;
    CHECK("3e38 * 2 overflows to inf", bits(m * 2.0f), 0x7f800000u);
    volatile float tiny = 1.0e-38f;
    CHECK("1e-38 / 4 is denormal", bits(tiny / 4.0f), 0x001b38fcu);
    volatile uint32_t u = 0xffffffffu;
    CHECK("(float)0xffffffff", bits((float)u), 0x4f800000u);
    volatile int32_t i = -16777217;
    CHECK("(float)-16777217", bits((float)i), 0xcb800000u);
    volatile float fr = -3.75f;
    CHECK("(int)-3.75f", (uint32_t)(int32_t)fr, (uint32_t)-3);
    volatile float bigf = 4.0e9f;
    CHECK("(uint32)4e9f", (uint32_t)bigf, 4000000000u);
    float acc = 0;
    for (int k = 1; k <= 10000; k++)
        acc += 1.0f / (float)k;
    EXPECT_HOST("harmonic sum 1..10000 bits", bits(acc));
    return check_done("softfloat_float");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0xb72c8f9f46a69890ull, /* 0 + each value */
    0x81d375f46a69890ull, /* 0 - each value */
    0x471fb63580000000ull, /* 0 * each value */
    0x8577a51100000000ull, /* 0 / each value */
    0x700a3d1738ca77eeull, /* 0 compare each value */
    0x78d4a0c3c6a69890ull, /* -0 + each value */
    0x18b25864c6a69890ull, /* -0 - each value */
    0xe6fd6dd680000000ull, /* -0 * each value */
    0xd6684cd100000000ull, /* -0 / each value */
    0x700a3d1738ca77eeull, /* -0 compare each value */
    0x3d5220c3ed6a7836ull, /* 1 + each value */
    0xa78886c697187018ull, /* 1 - each value */
    0x78d4a0c3c6a69890ull, /* 1 * each value */
    0x99f547387f289b8ull, /* 1 / each value */
    0x1c67122561385ddfull, /* 1 compare each value */
    0xfb0bd14de79c66ffull, /* -2.5 + each value */
    0xfd6b123f8260b8c0ull, /* -2.5 - each value */
    0x5b35c9d0783e7168ull, /* -2.5 * each value */
    0xcfe4ae26a79f7178ull, /* -2.5 / each value */
    0x55f92612357cb6b0ull, /* -2.5 compare each value */
    0xe1e199c14072a2e8ull, /* 3.14159 + each value */
    0xc3113e667a9c8b4full, /* 3.14159 - each value */
    0x9574f9d0739e6832ull, /* 3.14159 * each value */
    0xb8d5dd3d9a6c8453ull, /* 3.14159 / each value */
    0x93332f7f7fe9c296ull, /* 3.14159 compare each value */
    0x7f884b9d70eedd5aull, /* 3e+38 + each value */
    0x220661640d6edd5aull, /* 3e+38 - each value */
    0xc7e8ed077a0581c5ull, /* 3e+38 * each value */
    0x881ce8d5a081805ull, /* 3e+38 / each value */
    0xdeeaba2d05eeb44eull, /* 3e+38 compare each value */
    0x46674b09311aed80ull, /* 1e-38 + each value */
    0x85ba8f00ead2124aull, /* 1e-38 - each value */
    0x6b0e81951fbae52bull, /* 1e-38 * each value */
    0x505b235f53e1ac97ull, /* 1e-38 / each value */
    0x48b948b7a8ba2e94ull, /* 1e-38 compare each value */
    0xad34a1cdbea623d8ull, /* 1.4013e-45 + each value */
    0x79b74cdf979bd5f0ull, /* 1.4013e-45 - each value */
    0xfbf96e4b885482fcull, /* 1.4013e-45 * each value */
    0x8f6b7175c9897c54ull, /* 1.4013e-45 / each value */
    0xe2b7472784607649ull, /* 1.4013e-45 compare each value */
    0x777495877ba691caull, /* 1.67772e+07 + each value */
    0xdbe22f132ab7dba3ull, /* 1.67772e+07 - each value */
    0x4114f76e64810cd3ull, /* 1.67772e+07 * each value */
    0x7d0d875578298261ull, /* 1.67772e+07 / each value */
    0x37d497943249644dull, /* 1.67772e+07 compare each value */
    0xd57a734e75f8da7full, /* 0.1 + each value */
    0xc3ce70778f88897ull, /* 0.1 - each value */
    0x58f4418c1a61f05ull, /* 0.1 * each value */
    0x68776bbe55d9d1cbull, /* 0.1 / each value */
    0x6221410ca361acd5ull, /* 0.1 compare each value */
    0x295bbc886193f6e4ull, /* 0.333333 + each value */
    0x525ae270db696348ull, /* 0.333333 - each value */
    0x6d365e9bda7e56b3ull, /* 0.333333 * each value */
    0xaf3b0e5caaa12a15ull, /* 0.333333 / each value */
    0x6228100ca3677840ull, /* 0.333333 compare each value */
    0x6b106f9d14823ab1ull, /* -65504 + each value */
    0xdac7362de398506bull, /* -65504 - each value */
    0x26e6d9e4b2479a7dull, /* -65504 * each value */
    0x6364d86c71921bcaull, /* -65504 / each value */
    0xf908d0f714aed84bull, /* -65504 compare each value */
    0x411c9a10ull, /* harmonic sum 1..10000 bits */
/* host-expect end */
};
