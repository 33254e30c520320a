/*
 * printf formats through snprintf, compared with the exact strings:
 * %d %i %u %x %X %o %c %s %p %% %n, flags (- + space # 0), width and
 * precision (also '*'), length modifiers (hh h l ll z j t), %e %f %g %a,
 * and the return value on truncation.  Also prints a few lines with
 * printf itself.
 */
#include <stddef.h>
#include <stdint.h>
#include "check.h"

#define F(want, ...) do {                                                \
        char b_[128];                                                    \
        snprintf(b_, sizeof b_, __VA_ARGS__);                            \
        check_str(#__VA_ARGS__, b_, want);                               \
    } while (0)

int main(void)
{
    F("42", "%d", 42);
    F("-42", "%i", -42);
    F("4294967295", "%u", 0xffffffffu);
    F("deadbeef", "%x", 0xdeadbeefu);
    F("DEADBEEF", "%X", 0xdeadbeefu);
    F("777", "%o", 0777);
    F("A", "%c", 'A');
    F("str", "%s", "str");
    F("100%", "%d%%", 100);
    F("[   42]", "[%5d]", 42);
    F("[42   ]", "[%-5d]", 42);
    F("[00042]", "[%05d]", 42);
    F("[+42]", "[%+d]", 42);
    F("[ 42]", "[% d]", 42);
    F("[0x2a]", "[%#x]", 42);
    F("[052]", "[%#o]", 42);
    F("[   -0042]", "[%8.4d]", -42);
    F("[ab]", "[%.2s]", "abcdef");
    F("[   ab]", "[%*.*s]", 5, 2, "abcdef");
    F("[-2147483648]", "[%d]", (int)0x80000000);
    F("-1", "%hhd", 255);
    F("65535", "%hu", 0xffffffffu);
    F("-9223372036854775808", "%lld", (long long)0x8000000000000000ull);
    F("18446744073709551615", "%llu", 0xffffffffffffffffull);
    F("123456789abcdef0", "%llx", 0x123456789abcdef0ull);
    F("12345", "%ld", 12345L);
    F("99", "%zu", (size_t)99);
    F("-7", "%jd", (intmax_t)-7);
    F("-3", "%td", (ptrdiff_t)-3);
    F("0x1234", "%p", (void *)0x1234);
    F("3.141593", "%f", 3.14159265358979);
    F("3.14", "%.2f", 3.14159265358979);
    F("-0.000", "%.3f", -0.0001);
    F("1.000000e+10", "%e", 1e10);
    F("1.5E-07", "%.1E", 1.5e-7);
    F("0.0001", "%g", 0.0001);
    F("1e-05", "%g", 0.00001);
    F("123457", "%g", 123456.7);
    F("1.23457e+06", "%g", 1234567.0);
    F("0x1.8p+1", "%a", 3.0);
    F("inf", "%f", 1.0 / 0.0);
    F("-inf", "%f", -1.0 / 0.0);
    F("nan", "%f", 0.0 / 0.0);
    F("[  2.50]", "[%6.2f]", 2.5);
    F("[2.50  ]", "[%-6.2f]", 2.5);
    F("[+2.5]", "[%+.1f]", 2.5);
    F("2 3", "%2$d %1$d", 3, 2);
    F("18446744073709551616", "%.0f", 18446744073709551616.0);
    F("0.1000000000000000055511151231257827", "%.34f", 0.1);

    char small[8];
    int n = snprintf(small, sizeof small, "%s", "truncated output");
    CHECK("snprintf returns the full length", n, 16);
    CHECK_STR("snprintf truncates and terminates", small, "truncat");
    int pos = 0;
    char b[32];
    snprintf(b, sizeof b, "abc%ndef", &pos);
    CHECK("%n stores the count", pos, 3);

    n = printf("printf line: %d %s %.3f\n", 7, "seven", 7.0);
    CHECK("printf return value", n, 27);
    return check_done("printf_fmt");
}
