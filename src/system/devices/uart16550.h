/*
 * A 16550A UART: byte registers at offsets 0-7 (RBR/THR, IER, IIR/FCR,
 * LCR, MCR, LSR, MSR, SCR; DLL/DLM with LCR.DLAB), a receive FIFO fed
 * by a chardev, transmission straight out (THR is always empty again),
 * and the interrupt output (received data, THR empty) as a level.
 */
#ifndef KEMU_SYSTEM_DEVICES_UART16550_H
#define KEMU_SYSTEM_DEVICES_UART16550_H

#include <stdbool.h>
#include <stdint.h>

struct chardev;
struct uart16550;

/* chr may be NULL (output dropped).  irq(opaque, level) may be NULL.
 * regshift: register stride is 1 << regshift bytes. */
struct uart16550 *uart16550_new(struct chardev *chr, int regshift,
                                void (*irq)(void *opaque, bool level),
                                void *irq_opaque);
uint64_t uart16550_read(void *opaque, uint64_t offset, unsigned size);
void uart16550_write(void *opaque, uint64_t offset, uint64_t val,
                     unsigned size);
void uart16550_reset(struct uart16550 *u);

#endif
