/* The tests' runtime (see rt.h). */
#include "rt.h"

void (*exc_hook)(struct frame *f, int vector);

void putc_uart(char c)
{
    while (!(UART[5] & 0x20))   /* LSR.THRE */
        ;
    UART[0] = (uint8_t)c;
}

void puts_uart(const char *s)
{
    while (*s)
        putc_uart(*s++);
}

void puthex(uint32_t v)
{
    puts_uart("0x");
    for (int i = 28; i >= 0; i -= 4)
        putc_uart("0123456789abcdef"[(v >> i) & 15]);
}

void putdec(uint32_t v)
{
    char b[12];
    int n = 0;
    do {
        b[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        putc_uart(b[--n]);
}

extern const char vec_refill[], vec_general[], vec_end[];

static void copy(volatile uint32_t *dst, const char *from, const char *to)
{
    const uint32_t *s = (const uint32_t *)from;
    while ((const char *)s < to)
        *dst++ = *s++;
}

/* EBase stays 0x80000000: refill at +0, general at +0x180, and the
 * interrupt vector +0x200 (used with Cause.IV) like the general one. */
void install_vectors(void)
{
    copy((volatile uint32_t *)0x80000000, vec_refill, vec_general);
    copy((volatile uint32_t *)0x80000180, vec_general, vec_end);
    copy((volatile uint32_t *)0x80000200, vec_general, vec_end);
}

void exc_handler(struct frame *f, int vector)
{
    if (exc_hook) {
        exc_hook(f, vector);
        return;
    }
    puts_uart("unexpected exception, cause ");
    puthex(mfc0(13, 0));
    puts_uart(" epc ");
    puthex(mfc0(14, 0));
    puts_uart("\n");
    __asm__ volatile("move $4, %0\n\tli $25, 1\n\tsdbbp 1" :: "r"(99) : "$4", "$25");
}
