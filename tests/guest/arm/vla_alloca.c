/*
 * Stack allocation: variable-length arrays and alloca of many sizes (the
 * stack pointer moving by odd amounts), 8-byte stack alignment at calls
 * (EABI), and a 1 MiB local array.
 */
#include <alloca.h>
#include "check.h"

static int __attribute__((noinline)) aligned_here(void)
{
    uint64_t x __attribute__((aligned(8))) = 0;
    return ((uintptr_t)&x & 7) == 0 && x == 0;
}

static uint32_t __attribute__((noinline)) vla_sum(int n)
{
    uint32_t v[n];
    for (int i = 0; i < n; i++)
        v[i] = (uint32_t)i * 3;
    uint32_t s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s + (uint32_t)aligned_here();
}

static uint32_t __attribute__((noinline)) big_local(void)
{
    volatile uint8_t a[1 << 20];
    for (int i = 0; i < (1 << 20); i += 4096)
        a[i] = (uint8_t)(i >> 12);
    uint32_t s = 0;
    for (int i = 0; i < (1 << 20); i += 4096)
        s += a[i];
    return s;
}

int main(void)
{
    int bad = 0;
    for (int n = 1; n < 300; n += 7)
        bad += vla_sum(n) != (uint32_t)(3 * n * (n - 1) / 2 + 1);
    CHECK("VLA sums (with aligned callee frames)", bad, 0);
    bad = 0;
    for (int n = 1; n < 200; n += 13) {
        char *p = alloca((size_t)n);
        memset(p, n, (size_t)n);
        bad += p[n - 1] != (char)n;
        bad += !aligned_here();
    }
    CHECK("alloca of odd sizes", bad, 0);
    CHECK("1 MiB local array", big_local(), 255 * 256 / 2);
    return check_done("vla_alloca");
}
