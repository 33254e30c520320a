/*
 * Double precision through the soft-float ABI (libgcc __aeabi_dadd,
 * dmul, ddiv, dcmp*, d2iz, i2d, ...): arithmetic with exact bit patterns,
 * rounding, infinities, NaN comparisons, conversions, and a series sum.
 * Expected bit patterns from a native host build (IEEE 754 is the same
 * everywhere for these operations).
 */
#include "check.h"

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static const double vals[] = {
    0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e300, -1e-300, 4.9e-324,
    2.2250738585072014e-308, 123456789.125, 0.1, 1.0 / 3.0,
};
#define NV (sizeof vals / sizeof vals[0])

int main(void)
{
    volatile double zero = 0.0, one = 1.0;
    /* Results folded per operation and first operand: one table value
     * per row, a mismatch still names the operation and the operand. */
    for (unsigned i = 0; i < NV; i++) {
        uint64_t h[5] = { 0 };
        for (unsigned j = 0; j < NV; j++) {
            volatile double a = vals[i], b = vals[j];
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

    double inf = one / zero, nan = zero / zero;
    CHECK("1/0 is +inf", bits(inf), 0x7ff0000000000000ull);
    CHECK("-1/0 is -inf", bits(-one / zero), 0xfff0000000000000ull);
    CHECK_TRUE("nan != nan", nan != nan);
    CHECK_TRUE("!(nan < 1)", !(nan < one));
    CHECK_TRUE("!(nan >= 1)", !(nan >= one));
    CHECK_TRUE("inf > 1e308", inf > 1e308);
    CHECK("0.1 + 0.2", bits(0.1 + *(volatile double *)&vals[10] * 2), 0x3fd3333333333334ull);
    volatile double big = 2147483647.9, neg = -2147483648.5, frac = -7.99;
    CHECK("(int)2147483647.9", (uint32_t)(int32_t)big, 2147483647u);
    CHECK("(int)-7.99 truncates", (uint32_t)(int32_t)frac, (uint32_t)-7);
    CHECK("(int64)-2147483648.5", (uint64_t)(int64_t)neg, (uint64_t)-2147483648ll);
    volatile double huge = 1.8446744073709552e19 / 2;
    CHECK("(uint64)9.2e18", (uint64_t)huge, 9223372036854775808ull);
    volatile int32_t im = -123456789;
    volatile uint64_t um = 0xffffffffffffffffull;
    CHECK("(double)-123456789", bits((double)im), bits(-123456789.0));
    CHECK("(double)UINT64_MAX rounds to 2^64", bits((double)um), 0x43f0000000000000ull);
    volatile float f = 0.1f;
    CHECK("(double)0.1f", bits((double)f), 0x3fb99999a0000000ull);
    volatile double d = 0.1;
    CHECK("(float)0.1 bits", ({ float g = (float)d; uint32_t u; memcpy(&u, &g, 4); u; }), 0x3dcccccdu);

    /* Leibniz series for pi, 100000 terms. */
    double s = 0;
    for (int k = 0; k < 100000; k++)
        s += (k & 1 ? -4.0 : 4.0) / (2 * k + 1);
    EXPECT_HOST("leibniz pi bits", bits(s));
    CHECK_TRUE("leibniz pi close to pi", s > 3.14158 && s < 3.14160);
    return check_done("softfloat_double");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0xbd15e3e949902343ull, /* 0 + each value */
    0xbd15e3e949902343ull, /* 0 - each value */
    0x8000000000000000ull, /* 0 * each value */
    0x0ull, /* 0 / each value */
    0xaf74acebab578bd8ull, /* 0 compare each value */
    0x3d15e3e949902343ull, /* -0 + each value */
    0x3d15e3e949902343ull, /* -0 - each value */
    0x8000000000000000ull, /* -0 * each value */
    0x0ull, /* -0 / each value */
    0xaf74acebab578bd8ull, /* -0 compare each value */
    0x6067e72bce4f83ull, /* 1 + each value */
    0xf1b1111146da70f1ull, /* 1 - each value */
    0x3d15e3e949902343ull, /* 1 * each value */
    0x67e09068485ad112ull, /* 1 / each value */
    0x47a57b2579b1e769ull, /* 1 compare each value */
    0x94f1427104808c9ull, /* -1.5 + each value */
    0xdfba6dad7dce4f83ull, /* -1.5 - each value */
    0xf69d7b440243219aull, /* -1.5 * each value */
    0x221b9f1e0d822e0cull, /* -1.5 / each value */
    0x55f92612357cb6abull, /* -1.5 compare each value */
    0x51d0e25936274bbcull, /* 3.14159 + each value */
    0x8bb3ee1ef55709fcull, /* 3.14159 - each value */
    0x3833a2da38f64d43ull, /* 3.14159 * each value */
    0xdad65806179715bull, /* 3.14159 / each value */
    0xbe71987f98634c20ull, /* 3.14159 compare each value */
    0xe53552439676e6a0ull, /* 1e+300 + each value */
    0x8e5851d0cf8a0ee4ull, /* 1e+300 - each value */
    0x77f36ef148436d5bull, /* 1e+300 * each value */
    0x821cda1d69214bcaull, /* 1e+300 / each value */
    0xdeeaba2d05eeb44eull, /* 1e+300 compare each value */
    0x771f74a690b30fc2ull, /* -1e-300 + each value */
    0xe18ca64e38331a57ull, /* -1e-300 - each value */
    0xb917b201d3a5280aull, /* -1e-300 * each value */
    0x6401f80b0309fbb4ull, /* -1e-300 / each value */
    0xb9fb5da3c3498a16ull, /* -1e-300 compare each value */
    0xaf188ded492842d3ull, /* 4.94066e-324 + each value */
    0xddd03fdc92eccc5bull, /* 4.94066e-324 - each value */
    0xdd79c9c0959951ffull, /* 4.94066e-324 * each value */
    0xfa6f681e623efa26ull, /* 4.94066e-324 / each value */
    0x2221b6fbf6ed8a33ull, /* 4.94066e-324 compare each value */
    0x622b689631902343ull, /* 2.22507e-308 + each value */
    0xf4ab072bb524aa21ull, /* 2.22507e-308 - each value */
    0x8b61e99deada7147ull, /* 2.22507e-308 * each value */
    0xa217a8b127790734ull, /* 2.22507e-308 / each value */
    0x7c13800cb210ff56ull, /* 2.22507e-308 compare each value */
    0xce89e97aa4fea0d1ull, /* 1.23457e+08 + each value */
    0xc7cd3a70175b0ea7ull, /* 1.23457e+08 - each value */
    0xa0fd2825f30c3243ull, /* 1.23457e+08 * each value */
    0x115fcb4d681953bcull, /* 1.23457e+08 / each value */
    0x4920c1943c139b51ull, /* 1.23457e+08 compare each value */
    0x26057f48db0b5625ull, /* 0.1 + each value */
    0xa0acb372737b7cabull, /* 0.1 - each value */
    0x50fa6be921e7eeecull, /* 0.1 * each value */
    0x7eb9378e99d90dd4ull, /* 0.1 / each value */
    0x8d66790cbbe101c5ull, /* 0.1 compare each value */
    0x192362cf3a99aefcull, /* 0.333333 + each value */
    0xaffe93c22409d1ebull, /* 0.333333 - each value */
    0xfb6c01a56c4a774dull, /* 0.333333 * each value */
    0xe094d12174b0c53ull, /* 0.333333 / each value */
    0x8d667b0cbbe1052eull, /* 0.333333 compare each value */
    0x400921f61616ca3aull, /* leibniz pi bits */
/* host-expect end */
};
