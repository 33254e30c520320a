/*
 * libm on soft-float: sqrt, sin, cos, tan, atan2, exp, log, log10, pow,
 * floor, ceil, fmod, round, frexp/ldexp, hypot, and float versions.  The
 * results are compared with printed decimal forms and bit patterns taken
 * from a native host build (glibc's libm is correctly rounded or the same
 * algorithm for these).
 */
#include <math.h>
#include "check.h"

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

#define D(what, expr, want) do {                                          \
        char b_[64];                                                     \
        snprintf(b_, sizeof b_, "%.12g", (double)(expr));                \
        check_str(what, b_, want);                                       \
    } while (0)

int main(void)
{
    volatile double two = 2.0, ten = 10.0, half = 0.5, e1 = 1.0;
    D("sqrt(2)", sqrt(two), "1.41421356237");
    CHECK("sqrt(2) exact bits", bits(sqrt(two)), 0x3ff6a09e667f3bcdull);
    CHECK("sqrt(16)", bits(sqrt(two * 8)), bits(4.0));
    D("sin(0.5)", sin(half), "0.479425538604");
    D("cos(0.5)", cos(half), "0.87758256189");
    D("tan(0.5)", tan(half), "0.546302489844");
    D("atan2(1, -1)", atan2(e1, -e1), "2.35619449019");
    D("exp(1)", exp(e1), "2.71828182846");
    D("log(10)", log(ten), "2.30258509299");
    D("log10(1000)", log10(ten * 100), "3");
    D("pow(2, 0.5)", pow(two, half), "1.41421356237");
    D("pow(2, 10)", pow(two, ten), "1024");
    D("pow(-2, 3)", pow(-two, 3.0), "-8");
    D("floor(-2.5)", floor(-two - half), "-3");
    D("ceil(-2.5)", ceil(-two - half), "-2");
    D("round(2.5)", round(two + half), "3");
    D("rint(2.5) (to even)", rint(two + half), "2");
    D("fmod(10, 3)", fmod(ten, 3.0), "1");
    D("hypot(3, 4)", hypot(3.0 * e1, 4.0), "5");
    int ex;
    double m = frexp(ten * 100, &ex);
    D("frexp(1000) mantissa", m, "0.9765625");
    CHECK("frexp(1000) exponent", ex, 10);
    D("ldexp(0.75, 4)", ldexp(0.75 * e1, 4), "12");
    D("sqrtf(2)", sqrtf((float)two), "1.41421353817");
    D("sinf(0.5)", sinf((float)half), "0.479425549507");
    D("expf(1)", expf((float)e1), "2.71828174591");
    CHECK_TRUE("isnan(sqrt(-1))", isnan(sqrt(-e1)));
    CHECK_TRUE("isinf(exp(1000))", isinf(exp(1000.0 * e1)));
    CHECK_TRUE("log(0) is -inf", isinf(log(0.0 * e1)) && log(0.0 * e1) < 0);
    return check_done("math_lib");
}
