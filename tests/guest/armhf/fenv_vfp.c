/*
 * Hard-float programs see the VFP through C: rounding modes (fesetround
 * writes FPSCR.RMode), the exception flags (fetestexcept reads the
 * cumulative FPSCR bits), conversions and the IEEE special values.
 * Expected values are the IEEE-754 results, worked out by hand.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static float fval(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

/* volatile so every operation happens at run time, in the mode set. */
static volatile float one = 1.0f, three = 3.0f, zero = 0.0f, two = 2.0f;
static volatile double d01 = 0.1, d02 = 0.2;

int main(void)
{
    static const struct {
        int mode;
        uint32_t third;
        uint32_t neg_third;
    } modes[] = {
        { FE_TONEAREST, 0x3eaaaaab, 0xbeaaaaab },
        { FE_UPWARD, 0x3eaaaaab, 0xbeaaaaaa },
        { FE_DOWNWARD, 0x3eaaaaaa, 0xbeaaaaab },
        { FE_TOWARDZERO, 0x3eaaaaaa, 0xbeaaaaaa },
    };
    for (unsigned i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        CHECKF(fesetround(modes[i].mode), 0, "fesetround %u", i);
        CHECKF(fegetround(), modes[i].mode, "fegetround %u", i);
        CHECKF(fbits(one / three), modes[i].third, "1/3 mode %u", i);
        CHECKF(fbits(-one / three), modes[i].neg_third, "-1/3 mode %u", i);
    }
    fesetround(FE_TONEAREST);

    /* Exceptions raised by arithmetic, read back from FPSCR. */
    feclearexcept(FE_ALL_EXCEPT);
    volatile float q = one / three;
    (void)q;
    CHECK("inexact", fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
    feclearexcept(FE_ALL_EXCEPT);
    volatile float inf = one / zero;
    CHECK("divbyzero", fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
    CHECK("1/0", fbits(inf), 0x7f800000);
    feclearexcept(FE_ALL_EXCEPT);
    volatile float nan = zero / zero;
    CHECK("invalid", fetestexcept(FE_ALL_EXCEPT), FE_INVALID);
    CHECK("0/0 default NaN", fbits(nan), 0x7fc00000);
    feclearexcept(FE_ALL_EXCEPT);
    volatile float big = fval(0x7f7fffff) * two;
    CHECK("overflow", fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);
    CHECK("max*2", fbits(big), 0x7f800000);
    feclearexcept(FE_ALL_EXCEPT);
    volatile float tiny = fval(0x00000001) / two;
    CHECK("underflow", fetestexcept(FE_ALL_EXCEPT), FE_UNDERFLOW | FE_INEXACT);
    CHECK("2^-150", fbits(tiny), 0);

    /* Double precision. */
    CHECK("0.1+0.2", dbits(d01 + d02), 0x3fd3333333333334ull);
    fesetround(FE_TOWARDZERO);
    CHECK("0.1+0.2 rz", dbits(d01 + d02), 0x3fd3333333333333ull);
    fesetround(FE_TONEAREST);
    CHECK("sqrt 2", dbits(sqrt(d01 * 20)), 0x3ff6a09e667f3bcdull);

    /* Conversions: C truncates; lrint uses the current mode. */
    volatile double x = -2.5;
    CHECK("(int)-2.5", (uint32_t)(int)x, 0xfffffffe);
    CHECK("lrint -2.5 rn", (uint32_t)lrint(x), 0xfffffffe);
    fesetround(FE_DOWNWARD);
    CHECK("lrint -2.5 rm", (uint32_t)lrint(x), 0xfffffffd);
    fesetround(FE_TONEAREST);
    volatile double huge = 1e10;
    CHECK("(unsigned)1e10 saturates", (unsigned)huge, 0xffffffffu);
    volatile unsigned u = 0xffffffffu;
    CHECK("(float)0xffffffff", fbits((float)u), 0x4f800000);
    CHECK("(double)(float)0.1", dbits((double)(float)d01), 0x3fb99999a0000000ull);

    /* Printing and parsing go through the same arithmetic. */
    char buf[64];
    snprintf(buf, sizeof buf, "%.17g %.9g %a", d01 + d02, (double)(one / three),
             d01);
    CHECK_STR("printf", buf,
              "0.30000000000000004 0.333333343 0x1.999999999999ap-4");
    return check_done("fenv_vfp");
}
