/*
 * Long-running tight loops (tens of millions of guest instructions):
 * chained blocks, a loop of calls, an indirect-branch dispatch loop, and a
 * loop that changes direction often.  Results are closed forms.
 */
#include "check.h"

static uint32_t __attribute__((noinline)) step(uint32_t x) { return x * 3 + 1; }
static uint32_t __attribute__((noinline)) f0(uint32_t x) { return x + 1; }
static uint32_t __attribute__((noinline)) f1(uint32_t x) { return x ^ 0x55; }
static uint32_t __attribute__((noinline)) f2(uint32_t x) { return x - 3; }
static uint32_t __attribute__((noinline)) f3(uint32_t x) { return x << 1 >> 1; }

int main(void)
{
    volatile uint32_t n = 10000000;
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++)
        s += i;
    CHECK("sum 0..10^7-1 mod 2^32", s, (uint32_t)(10000000ull * 9999999 / 2));

    uint32_t x = 0;
    for (uint32_t i = 0; i < 1000000; i++)
        x = step(x);
    uint32_t y = 0;
    for (uint32_t i = 0; i < 1000000; i++)
        y = y * 3 + 1;
    CHECK("1e6 calls equal the inline loop", x, y);

    uint32_t (*const tab[4])(uint32_t) = { f0, f1, f2, f3 };
    uint32_t z = 1, w = 1;
    for (uint32_t i = 0; i < 1000000; i++) {
        z = tab[i & 3](z);
        switch (i & 3) {
        case 0: w = w + 1; break;
        case 1: w = w ^ 0x55; break;
        case 2: w = w - 3; break;
        default: w = w << 1 >> 1; break;
        }
    }
    CHECK("indirect calls equal the switch", z, w);

    uint32_t odd = 0, even = 0;
    for (uint32_t i = 0; i < 3000000; i++) {
        if ((i * 2654435761u) >> 31)
            odd++;
        else
            even++;
    }
    CHECK("branchy loop total", odd + even, 3000000);
    EXPECT_HOST("branchy loop taken count", odd);
    return check_done("long_loop");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0x16e35eull, /* branchy loop taken count */
/* host-expect end */
};
