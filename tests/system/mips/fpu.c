/*
 * The FPU under Status.CU1: with CU1 clear an FPU instruction raises
 * Coprocessor Unusable with Cause.CE = 1; the handler sets CU1 and
 * returns to the same instruction, which then runs.  A few operations
 * are checked bit for bit (single and double, FR = 0 register pairs).
 */
#include "rt.h"

static volatile uint32_t cpu_excs, ce;

static void hook(struct frame *f, int vector)
{
    uint32_t cause = mfc0(13, 0);
    if (EXCCODE(cause) == 11) {
        cpu_excs++;
        ce = (cause >> 28) & 3;
        mtc0(12, 0, mfc0(12, 0) | (1u << 29));    /* CU1; retry */
        return;
    }
    puts_uart("unexpected exception\n");
    mtc0(14, 0, mfc0(14, 0) + 4);
}

static int fails;

static void check(const char *what, uint32_t got, uint32_t want)
{
    puts_uart(what);
    puts_uart(" ");
    puthex(got);
    if (got != want) {
        puts_uart(" FAIL want ");
        puthex(want);
        fails++;
    }
    puts_uart("\n");
}

int main(void)
{
    uint32_t r, hi, lo;
    exc_hook = hook;

    /* 1.5f * 2.0f + 0.25f = 3.25f (0x40500000); the first FPU
     * instruction traps once. */
    __asm__ volatile("mtc1 %1, $f0\n\t"
                     "mtc1 %2, $f2\n\t"
                     "mtc1 %3, $f4\n\t"
                     "mul.s $f6, $f0, $f2\n\t"
                     "add.s $f6, $f6, $f4\n\t"
                     "mfc1 %0, $f6"
                     : "=r"(r)
                     : "r"(0x3fc00000u), "r"(0x40000000u), "r"(0x3e800000u)
                     : "$f0", "$f2", "$f4", "$f6");
    check("cpu exceptions", cpu_excs, 1);
    check("ce", ce, 1);
    check("mul.s+add.s", r, 0x40500000u);

    /* sqrt.d(2.0) = 0x3ff6a09e667f3bcd; the pair $f8/$f9. */
    __asm__ volatile("mtc1 $0, $f8\n\t"
                     "mtc1 %2, $f9\n\t"
                     "sqrt.d $f10, $f8\n\t"
                     "mfc1 %0, $f11\n\t"
                     "mfc1 %1, $f10"
                     : "=r"(hi), "=r"(lo)
                     : "r"(0x40000000u)
                     : "$f8", "$f9", "$f10", "$f11");
    check("sqrt.d hi", hi, 0x3ff6a09eu);
    check("sqrt.d lo", lo, 0x667f3bcdu);

    /* 7.0 / 2.0 truncated to a word: 3. */
    __asm__ volatile("mtc1 %1, $f0\n\t"
                     "mtc1 %2, $f2\n\t"
                     "div.s $f4, $f0, $f2\n\t"
                     "trunc.w.s $f4, $f4\n\t"
                     "mfc1 %0, $f4"
                     : "=r"(r)
                     : "r"(0x40e00000u), "r"(0x40000000u)
                     : "$f0", "$f2", "$f4");
    check("trunc.w.s", r, 3);

    /* CU1 off again: the next FPU instruction traps again. */
    mtc0(12, 0, mfc0(12, 0) & ~(1u << 29));
    __asm__ volatile("mfc1 %0, $f4" : "=r"(r));
    check("cpu exceptions", cpu_excs, 2);
    check("mfc1 after retry", r, 3);
    puts_uart(fails ? "fpu: FAIL\n" : "fpu: ok\n");
    return fails;
}
