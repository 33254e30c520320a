/* The tests' tiny runtime: UART output, CP0 access, exception hook. */
#ifndef RT_H
#define RT_H

#include <stdint.h>

/* The 16550 at ISA 0x3f8, through KSEG1 (uncached). */
#define UART ((volatile uint8_t *)0xb80003f8)

void putc_uart(char c);
void puts_uart(const char *s);
void puthex(uint32_t v);
void putdec(uint32_t v);

#define mfc0(reg, sel) ({ uint32_t _v; \
    __asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(_v)); _v; })
#define mtc0(reg, sel, v) \
    __asm__ volatile("mtc0 %0, $" #reg ", " #sel "\n\tehb" :: "r"((uint32_t)(v)))

/* Saved registers of an exception (start.S's frame). */
struct frame {
    uint32_t pad, at, v0, v1, a0, a1, a2, a3;
    uint32_t t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, ra, hi, lo;
};

/* Set by each test: called for every exception; vector 0 = TLB refill,
 * 1 = general.  Returns to EPC (which it may change) through ERET. */
extern void (*exc_hook)(struct frame *f, int vector);

#define EXCCODE(cause) (((cause) >> 2) & 0x1f)

#endif
