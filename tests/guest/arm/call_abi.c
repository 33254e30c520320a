/*
 * The AAPCS calling convention as compiled code relies on it: arguments
 * beyond r0-r3 on the stack, 64-bit arguments in even register pairs or
 * 8-byte aligned stack slots, structs passed and returned by value,
 * variadic functions with mixed types, and callee-saved registers kept
 * across deep call chains.
 */
#include <stdarg.h>
#include <stdint.h>

#include "check.h"

struct pair { int32_t a; int64_t b; };
struct big { uint32_t w[9]; };

__attribute__((noinline)) static int64_t mixed(int32_t a, int64_t b, int32_t c, int64_t d,
                                               int32_t e, int64_t f, int32_t g)
{
    return a + b * 3 + c * 5 + d * 7 + e * 11 + f * 13 + g * 17;
}

__attribute__((noinline)) static uint32_t twelve(uint32_t a, uint32_t b, uint32_t c, uint32_t d,
                                                 uint32_t e, uint32_t f, uint32_t g, uint32_t h,
                                                 uint32_t i, uint32_t j, uint32_t k, uint32_t l)
{
    return a ^ (b << 1) ^ (c << 2) ^ (d << 3) ^ (e << 4) ^ (f << 5) ^ (g << 6) ^ (h << 7) ^
           (i << 8) ^ (j << 9) ^ (k << 10) ^ (l << 11);
}

__attribute__((noinline)) static struct pair make_pair(int32_t a, int64_t b)
{
    struct pair p = { a * 2, b - 1 };
    return p;
}

__attribute__((noinline)) static struct big bump(struct big in, uint32_t by)
{
    for (int i = 0; i < 9; i++)
        in.w[i] += by * (uint32_t)i;
    return in;
}

/* fmt: 'i' int, 'l' long long, 'd' double, 's' string length. */
__attribute__((noinline)) static int64_t vsum(const char *fmt, ...)
{
    va_list ap;
    int64_t sum = 0;

    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        switch (*fmt) {
        case 'i': sum += va_arg(ap, int); break;
        case 'l': sum += va_arg(ap, long long); break;
        case 'd': sum += (int64_t)(va_arg(ap, double) * 4); break;
        case 's': sum += (int64_t)strlen(va_arg(ap, const char *)); break;
        }
    }
    va_end(ap);
    return sum;
}

__attribute__((noinline)) static uint32_t chain(uint32_t depth, uint32_t acc)
{
    volatile uint32_t local = acc * 2654435761u;
    if (depth == 0)
        return local;
    uint32_t r = chain(depth - 1, acc + depth);
    return r ^ local;   /* local must survive the call */
}

int main(void)
{
    CHECK("seven mixed arguments",
          mixed(1, 10000000000LL, -2, -3000000000LL, 4, 5LL << 40, -6),
          (uint64_t)(1 + 30000000000LL - 10 - 21000000000LL + 44 + (5LL << 40) * 13 - 102));
    CHECK("twelve words", twelve(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
          1 ^ 4 ^ 12 ^ 32 ^ 80 ^ 192 ^ 448 ^ 1024 ^ 2304 ^ 5120 ^ 11264 ^ 24576);

    struct pair p = make_pair(21, 1LL << 33);
    CHECK("struct return a", p.a, 42);
    CHECK("struct return b", p.b, (1ULL << 33) - 1);

    struct big b = { { 1, 2, 3, 4, 5, 6, 7, 8, 9 } };
    struct big r = bump(b, 100);
    CHECK("big struct by value unchanged", b.w[8], 9);
    CHECK("big struct returned w0", r.w[0], 1);
    CHECK("big struct returned w8", r.w[8], 809);

    CHECK("varargs int/long long/double/string",
          vsum("ilidsl", 5, 1LL << 40, -7, 2.5, "kemu", -(1LL << 35)),
          (uint64_t)(5 + (1LL << 40) - 7 + 10 + 4 - (1LL << 35)));
    CHECK("varargs many ints", vsum("iiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 55);

    /* Reference value from the same recursion written as a loop. */
    uint32_t want = 0, acc = 0;
    uint32_t accs[201];
    for (uint32_t d = 200, i = 0;; d--, i++) {
        accs[i] = acc;
        if (d == 0)
            break;
        acc += d;
    }
    for (int i = 200; i >= 0; i--)
        want ^= accs[i] * 2654435761u;
    CHECK("callee-saved values across 200 calls", chain(200, 0), want);
    return check_done("call_abi");
}
