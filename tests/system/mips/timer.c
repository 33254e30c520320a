/*
 * The CP0 timer: Compare = Count + period raises IP7 (Cause.TI); the
 * interrupt handler counts ticks and reprograms Compare.  The main loop
 * idles in WAIT between ticks.  Also checks that Count advances and that
 * writing Compare clears Cause.TI.
 */
#include "rt.h"

#define PERIOD 200000          /* Count ticks: 2 ms at 100 MHz */

static volatile uint32_t ticks, other;

static void hook(struct frame *f, int vector)
{
    uint32_t cause = mfc0(13, 0);
    if (EXCCODE(cause) == 0 && (cause & (1u << 15))) {
        ticks++;
        mtc0(11, 0, mfc0(9, 0) + PERIOD);   /* acknowledges TI */
        return;
    }
    other++;
    mtc0(14, 0, mfc0(14, 0) + 4);
}

int main(void)
{
    int fails = 0;
    exc_hook = hook;

    uint32_t c0 = mfc0(9, 0);
    for (volatile int i = 0; i < 10000; i++)
        ;
    uint32_t c1 = mfc0(9, 0);
    puts_uart(c1 != c0 ? "count runs\n" : "count FAIL\n");
    fails += c1 == c0;

    /* Writing Compare clears TI, and TI stays clear until Count reaches
     * it: ~10 s ahead, so that no host scheduling delay makes it due
     * before the read (2 ms was not always enough on a loaded machine). */
    mtc0(11, 0, mfc0(9, 0) + 0x40000000u);
    puts_uart((mfc0(13, 0) & (1u << 30)) ? "ti FAIL\n" : "ti clear\n");
    mtc0(11, 0, mfc0(9, 0) + PERIOD);

    /* IM7 and IE. */
    mtc0(12, 0, mfc0(12, 0) | (1u << 15) | 1);
    while (ticks < 5)
        __asm__ volatile("wait");
    mtc0(12, 0, mfc0(12, 0) & ~1u);
    puts_uart("ticks ");
    putdec(ticks >= 5 ? 5 : ticks);
    puts_uart("\n");

    /* Software interrupt 0 (IP0) through Cause, delivered when enabled. */
    static volatile uint32_t before;
    before = other;
    mtc0(13, 0, 1u << 8);
    puts_uart((mfc0(13, 0) & (1u << 8)) ? "ip0 pending\n" : "ip0 FAIL\n");
    mtc0(13, 0, 0);
    fails += other != before;
    puts_uart(fails ? "timer: FAIL\n" : "timer: ok\n");
    return fails;
}
