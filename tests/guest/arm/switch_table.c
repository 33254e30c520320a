/*
 * Switch statements: dense cases (jump tables, ADD PC / LDR PC forms),
 * sparse cases (compare trees), fallthrough, and switch on chars.
 */
#include "check.h"

static uint32_t __attribute__((noinline)) dense(uint32_t x)
{
    switch (x) {
    case 0: return 100;
    case 1: return 201;
    case 2: return 302;
    case 3: return 403;
    case 4: return 504;
    case 5: return 605;
    case 6: return 706;
    case 7: return 807;
    case 8: return 908;
    case 9: return 1009;
    case 10: return 1110;
    case 11: return 1211;
    default: return 7;
    }
}

static uint32_t __attribute__((noinline)) sparse(int32_t x)
{
    switch (x) {
    case -1000000: return 1;
    case -5: return 2;
    case 0: return 3;
    case 17: return 4;
    case 4096: return 5;
    case 65537: return 6;
    case 0x7fffffff: return 7;
    default: return 0;
    }
}

static uint32_t __attribute__((noinline)) fall(uint32_t x)
{
    uint32_t r = 0;
    switch (x) {
    case 4: r += 1000; /* fall through */
    case 3: r += 100;  /* fall through */
    case 2: r += 10;   /* fall through */
    case 1: r += 1; break;
    case 9: r = 9; break;
    }
    return r;
}

static int __attribute__((noinline)) kind(char c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
    case '0' ... '9': return 2;
    case ' ': case '\t': case '\n': return 3;
    case 'A' ... 'Z': return 4;
    default: return 0;
    }
}

int main(void)
{
    uint32_t s = 0;
    for (uint32_t i = 0; i < 20; i++)
        s += dense(i) * (i + 1);
    CHECK("dense switch sum", s, 100 * 1 + 201 * 2 + 302 * 3 + 403 * 4 + 504 * 5 + 605 * 6 +
          706 * 7 + 807 * 8 + 908 * 9 + 1009 * 10 + 1110 * 11 + 1211 * 12 + 7 * (13 + 14 + 15 + 16 + 17 + 18 + 19 + 20));
    CHECK("dense switch huge index", dense(0xffffffffu), 7);
    static const int32_t keys[] = { -1000000, -5, 0, 17, 4096, 65537, 0x7fffffff, 18, -4, 1 };
    uint32_t code = 0;
    for (int i = 0; i < 10; i++)
        code = code * 10 + sparse(keys[i]);
    CHECK("sparse switch", code, 1234567000u);
    CHECK("fallthrough 4", fall(4), 1111);
    CHECK("fallthrough 2", fall(2), 11);
    CHECK("fallthrough 9", fall(9), 9);
    CHECK("fallthrough 5 (no case)", fall(5), 0);
    const char *text = "Hello World 2024\tabc";
    uint32_t counts[5] = { 0 };
    for (const char *p = text; *p; p++)
        counts[kind(*p)]++;
    CHECK("chars: other", counts[0], 7);
    CHECK("chars: vowels", counts[1], 4);
    CHECK("chars: digits", counts[2], 4);
    CHECK("chars: spaces", counts[3], 3);
    CHECK("chars: upper", counts[4], 2);
    return check_done("switch_table");
}
