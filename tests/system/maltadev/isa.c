/*
 * The Malta board's PIT and keyboard controller as a bare-metal program
 * sees them through the ISA window: the i8259 pair set up as Linux does
 * (vectors 0-15), PIT counter 0 in mode 2 at 100 Hz interrupting on IRQ
 * 0 (through CPU interrupt 2 and the GT-64120's interrupt-acknowledge
 * register), the read-back command, counter 2 timed through port 0x61
 * as Linux's PIT calibration does, and the i8042's self-test and a
 * keyboard reset answered through IRQ 1.
 */
#include "rt.h"

#define ISA(port) ((volatile uint8_t *)(0xb8000000u + (port)))
#define GT_IACK ((volatile uint32_t *)0xbbe00c34u)
#define COUNT_HZ 100000000u     /* CP0 Count: 10 ns */
#define PIT_HZ 1193182u

static volatile uint32_t irq_count[16], spurious, other;

static void outb(unsigned port, uint8_t v) { *ISA(port) = v; }
static uint8_t inb(unsigned port) { return *ISA(port); }

static void hook(struct frame *f, int vector)
{
    uint32_t cause = mfc0(13, 0);
    if (EXCCODE(cause) == 0 && (cause & (1u << 10))) {
        /* The GT-64120's registers are little-endian. */
        uint32_t v = *GT_IACK;
#ifdef __MIPSEB__
        v = __builtin_bswap32(v);
#endif
        unsigned irq = v & 0xff;
        if (irq < 16)
            irq_count[irq]++;
        else
            spurious++;
        if (irq == 1)
            (void)inb(0x60);            /* the keyboard byte */
        if (irq >= 8)
            outb(0xa0, 0x20);
        outb(0x20, 0x20);               /* non-specific EOI */
        return;
    }
    other++;
    mtc0(14, 0, mfc0(14, 0) + 4);
}

static void pic_init(void)
{
    outb(0x20, 0x11); outb(0x21, 0x00); outb(0x21, 0x04); outb(0x21, 0x01);
    outb(0xa0, 0x11); outb(0xa1, 0x08); outb(0xa1, 0x02); outb(0xa1, 0x01);
    outb(0x21, 0xff);
    outb(0xa1, 0xff);
}

static int check(int ok, const char *what)
{
    puts_uart(what);
    puts_uart(ok ? " ok\n" : " FAIL\n");
    return !ok;
}

/* Wait for the i8042's output buffer; -1 after a while. */
static int kbc_read(void)
{
    for (int i = 0; i < 100000; i++)
        if (inb(0x64) & 1)
            return inb(0x60);
    return -1;
}

int main(void)
{
    int fails = 0;
    exc_hook = hook;
    pic_init();

    /* PIT counter 0: mode 2, 11932 (100 Hz); IRQ 0 unmasked, CPU
     * interrupt 2 (IM2) and IE on. */
    outb(0x43, 0x34);
    outb(0x40, 11932 & 0xff);
    outb(0x40, 11932 >> 8);
    outb(0x21, 0xfe);
    mtc0(12, 0, mfc0(12, 0) | (1u << 10) | 1);
    uint32_t c0 = mfc0(9, 0);
    while (irq_count[0] < 11 && mfc0(9, 0) - c0 < 2 * COUNT_HZ)
        __asm__ volatile("wait");
    uint32_t elapsed = mfc0(9, 0) - c0;
    mtc0(12, 0, mfc0(12, 0) & ~1u);
    fails += check(irq_count[0] >= 11, "pit irq0 ticks");
    /* 10 whole periods lie between the first and the eleventh tick
     * (the first may be an edge left from reset: allow one period). */
    fails += check(elapsed >= COUNT_HZ / 10 - COUNT_HZ / 100, "pit 100 Hz not faster");

    /* Read-back: status of counter 0 (mode 2, LSB/MSB, OUT high). */
    outb(0x43, 0xe2);
    uint8_t st = inb(0x40);
    fails += check((st & 0x3f) == 0x34 && (st & 0x80), "pit read-back status");
    outb(0x43, 0x00);
    unsigned lo = inb(0x40), hi = inb(0x40);
    fails += check((lo | hi << 8) >= 1 && (lo | hi << 8) <= 11932, "pit latched count");
    outb(0x43, 0x30);                   /* counter 0 to mode 0: stop ticking */
    outb(0x21, 0xff);

    /* Counter 2 through port 0x61: gate on, mode 0, 11932 clocks (10
     * ms); OUT2 (bit 5) rises at terminal count. */
    outb(0x61, (inb(0x61) & ~0x02) | 0x01);
    outb(0x43, 0xb0);
    outb(0x42, 11932 & 0xff);
    outb(0x42, 11932 >> 8);
    int low_seen = !(inb(0x61) & 0x20);
    c0 = mfc0(9, 0);
    while (!(inb(0x61) & 0x20) && mfc0(9, 0) - c0 < 2 * COUNT_HZ)
        ;
    elapsed = mfc0(9, 0) - c0;
    fails += check(low_seen && (inb(0x61) & 0x20), "pit out2 through port 0x61");
    fails += check(elapsed >= COUNT_HZ / 100 - COUNT_HZ / 1000, "pit counter 2 takes 10 ms");
    /* Gate off holds the count. */
    outb(0x61, inb(0x61) & ~0x01);
    outb(0x43, 0x80);
    lo = inb(0x42);
    hi = inb(0x42);
    for (volatile int i = 0; i < 20000; i++)
        ;
    outb(0x43, 0x80);
    unsigned lo2 = inb(0x42), hi2 = inb(0x42);
    fails += check(lo == lo2 && hi == hi2, "pit gate 2 low holds the count");

    /* The keyboard controller. */
    outb(0x64, 0xaa);
    fails += check(kbc_read() == 0x55, "i8042 self-test");
    outb(0x64, 0xab);
    fails += check(kbc_read() == 0x00, "i8042 keyboard port test");
    outb(0x64, 0x20);
    int cb = kbc_read();
    fails += check(cb >= 0 && (cb & 0x03) == 0x03, "i8042 command byte");
    /* Keyboard reset with IRQ 1: both answer bytes come as interrupts. */
    outb(0x21, 0xfd);
    mtc0(12, 0, mfc0(12, 0) | 1);
    /* The replies above left an edge on the masked IRQ 1: let it in. */
    for (volatile int i = 0; i < 1000; i++)
        ;
    irq_count[1] = 0;
    outb(0x60, 0xff);
    c0 = mfc0(9, 0);
    while (irq_count[1] < 2 && mfc0(9, 0) - c0 < COUNT_HZ)
        ;
    mtc0(12, 0, mfc0(12, 0) & ~1u);
    fails += check(irq_count[1] == 2, "i8042 keyboard reset on irq1");
    if (irq_count[1] != 2) {
        puthex(irq_count[1]);
        putc_uart('\n');
    }
    fails += check(other == 0 && spurious == 0, "no other exceptions");
    puts_uart(fails ? "isa FAIL\n" : "isa done\n");
    return fails;
}
