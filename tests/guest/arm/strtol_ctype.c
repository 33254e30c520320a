/*
 * Number parsing and character classes: strtol/strtoul/strtoll with
 * bases 0, 2, 8, 10, 16, 36, overflow (ERANGE), end pointers, atoi, and
 * the ctype functions in the C locale, toupper/tolower.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include "check.h"

int main(void)
{
    char *end;
    CHECK("strtol decimal", (uint32_t)strtol("  -12345xyz", &end, 10), (uint32_t)-12345);
    CHECK_STR("strtol end", end, "xyz");
    CHECK("strtol base 0 hex", strtol("0x1F", NULL, 0), 31);
    CHECK("strtol base 0 octal", strtol("0755", NULL, 0), 493);
    CHECK("strtol base 2", strtol("101101", NULL, 2), 45);
    CHECK("strtol base 36", strtol("zz", NULL, 36), 1295);
    errno = 0;
    CHECK("strtol overflow clamps", strtol("99999999999", NULL, 10), 0x7fffffff);
    CHECK("strtol overflow ERANGE", errno, ERANGE);
    errno = 0;
    CHECK("strtol underflow", (uint32_t)strtol("-99999999999", NULL, 10), 0x80000000u);
    CHECK("strtoul max", strtoul("4294967295", NULL, 10), 0xffffffffu);
    CHECK("strtoul negative wraps", strtoul("-1", NULL, 10), 0xffffffffu);
    CHECK("strtoll", (uint64_t)strtoll("-9223372036854775807", NULL, 10), 0x8000000000000001ull);
    CHECK("strtoull hex", strtoull("ffffffffffffffff", NULL, 16), 0xffffffffffffffffull);
    CHECK("atoi", atoi("  42abc"), 42);
    CHECK("strtol no digits leaves end", (strtol("abc", &end, 10), *end), 'a');
    CHECK_TRUE("strtod", strtod("2.5e3", NULL) == 2500.0);

    int alpha = 0, digit = 0, space = 0, upper = 0, punct = 0, xdigit = 0, cntrl = 0;
    for (int c = 0; c < 128; c++) {
        alpha += !!isalpha(c); digit += !!isdigit(c); space += !!isspace(c);
        upper += !!isupper(c); punct += !!ispunct(c); xdigit += !!isxdigit(c);
        cntrl += !!iscntrl(c);
    }
    CHECK("isalpha count", alpha, 52);
    CHECK("isdigit count", digit, 10);
    CHECK("isspace count", space, 6);
    CHECK("isupper count", upper, 26);
    CHECK("ispunct count", punct, 32);
    CHECK("isxdigit count", xdigit, 22);
    CHECK("iscntrl count", cntrl, 33);
    CHECK("isalpha(0xe9) in C locale", !!isalpha(0xe9), 0);
    char s[] = "Hello, World 123";
    for (char *p = s; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    CHECK_STR("toupper", s, "HELLO, WORLD 123");
    CHECK("tolower('Q')", tolower('Q'), 'q');
    return check_done("strtol_ctype");
}
