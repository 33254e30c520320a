/*
 * sscanf conversions: %d %i (with 0x/0 prefixes) %u %x %o %c %s %[...]
 * %n %lld %f %lf %e %*d (suppression), widths, return counts and early
 * stops on mismatch.
 */
#include "check.h"

int main(void)
{
    int a, b, c, n;
    unsigned u;
    char s[32], t[32];
    CHECK("three ints", sscanf("10 -20 30", "%d %d %d", &a, &b, &c), 3);
    CHECK("sum", (uint32_t)(a + b + c), 20);
    CHECK("%i prefixes", sscanf("0x1f 017 -9", "%i %i %i", &a, &b, &c), 3);
    CHECK("%i hex", a, 31);
    CHECK("%i octal", b, 15);
    CHECK("%x", (sscanf("DeadBeef", "%x", &u), u), 0xdeadbeefu);
    CHECK("%o", (sscanf("777", "%o", &u), u), 511);
    CHECK("%s and %c", sscanf("hello w", "%s %c", s, (char *)&a), 2);
    CHECK_STR("%s word", s, "hello");
    CHECK("%c char", a & 0xff, 'w');
    CHECK("%[a-z] set", sscanf("abc123def", "%[a-z]%d%s", s, &a, t), 3);
    CHECK_STR("set part", s, "abc");
    CHECK("int part", a, 123);
    CHECK_STR("rest", t, "def");
    CHECK("%[^,] until comma", sscanf("key=value,next", "%[^=]=%[^,]", s, t), 2);
    CHECK_STR("key", s, "key");
    CHECK_STR("value", t, "value");
    CHECK("width", sscanf("123456", "%2d%3d", &a, &b), 2);
    CHECK("width first", a, 12);
    CHECK("width second", b, 345);
    CHECK("suppression and %n", sscanf("1 2 3", "%*d %*d %d%n", &a, &n), 1);
    CHECK("suppressed value", a, 3);
    CHECK("%n count", n, 5);
    long long ll;
    CHECK("%lld", (sscanf("-9000000000", "%lld", &ll), (uint64_t)ll), (uint64_t)-9000000000ll);
    double d;
    float f;
    CHECK("%lf and %f", sscanf("3.25 -1.5e2", "%lf %f", &d, &f), 2);
    CHECK_TRUE("%lf value", d == 3.25);
    CHECK_TRUE("%f value", f == -150.0f);
    a = 77;
    CHECK("mismatch stops", sscanf("12 abc", "%d %d", &b, &a), 1);
    CHECK("unassigned left alone", a, 77);
    CHECK("empty input is EOF", (uint32_t)sscanf("", "%d", &a), (uint32_t)-1);
    return check_done("sscanf_fmt");
}
