/*
 * printf of doubles through soft-float: %f %e %g %a with precisions on
 * values with known decimal expansions, large and tiny magnitudes,
 * rounding of halfway cases, and a table printed with printf itself.
 */
#include "check.h"

#define F(want, ...) do {                                                \
        char b_[128];                                                    \
        snprintf(b_, sizeof b_, __VA_ARGS__);                            \
        check_str(#__VA_ARGS__, b_, want);                               \
    } while (0)

int main(void)
{
    volatile double third = 1.0 / 3.0, big = 1e22, tiny = 5e-324;
    F("0.333333", "%f", third);
    F("0.33333333333333331483", "%.20f", third);
    F("3.333333e-01", "%e", third);
    F("0.333333333333", "%.12g", third);
    F("10000000000000000000000.000000", "%f", big);
    F("1e+22", "%g", big);
    F("4.94066e-324", "%g", tiny);
    F("0x0.0000000000001p-1022", "%a", tiny);
    F("0.12", "%.2f", 0.125);
    F("0.38", "%.2f", 0.375);
    F("2.6", "%.1f", 2.65);
    F("0", "%.0f", 0.5 + third * 3 - 1.0 + 0.0 * big);
    F("2", "%.0f", 1.5);
    F("2", "%.0f", 2.5);
    F("-0", "%.0f", -0.4);
    F("1.797693e+308", "%e", 1.7976931348623157e308);
    F("123456789012345680", "%.0f", 123456789012345678.0);
    F("  3.1416", "%8.4f", 3.14159265358979);
    F("3.14159265358979000737", "%.20f", 3.14159265358979);
    F("100", "%g", 100.0);
    F("1e+06", "%g", 1e6);
    F("0.0001", "%G", 1e-4);
    F("1E-05", "%G", 1e-5);
    for (int i = 1; i <= 5; i++)
        printf("table %d %8.3f %10.4e\n", i, 1.0 / i, 1.0 / (i * i * i));
    return check_done("printf_double");
}
