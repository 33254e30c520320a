/*
 * The cascaded i8259A pair of a PC-style ISA bus: master at ports
 * 0x20/0x21 with the slave on its IRQ 2, slave at 0xa0/0xa1, and the
 * PIIX4 edge/level control registers (ELCR, ports 0x4d0/0x4d1).  ICW1-4,
 * OCW1 (mask), OCW2 (EOI: non-specific, specific, rotate forms treated
 * as EOI), OCW3 (IRR/ISR read select); fixed priority.  The master's
 * output drives one CPU interrupt line; the interrupt-acknowledge cycle
 * (i8259_iack) returns the vector byte.
 */
#ifndef KEMU_SYSTEM_DEVICES_I8259_H
#define KEMU_SYSTEM_DEVICES_I8259_H

#include <stdbool.h>
#include <stdint.h>

struct i8259;

struct i8259 *i8259_new(void (*out)(void *opaque, bool level), void *opaque);
void i8259_reset(struct i8259 *p);
/* ISA IRQ n (0-15) input level. */
void i8259_set_irq(struct i8259 *p, int n, bool level);
/* Acknowledge the highest-priority request: its vector (ICW2 base +
 * line), or the spurious IRQ 7 vector when none is pending. */
uint8_t i8259_iack(struct i8259 *p);
/* Port access: offset 0/1 of the master (0x20), 0x80/0x81 of the slave
 * (0xa0), 0x4b0/0x4b1 for ELCR (0x4d0): offsets from ISA port 0x20. */
uint64_t i8259_read(void *opaque, uint64_t offset, unsigned size);
void i8259_write(void *opaque, uint64_t offset, uint64_t val, unsigned size);
uint64_t i8259_elcr_read(void *opaque, uint64_t offset, unsigned size);
void i8259_elcr_write(void *opaque, uint64_t offset, uint64_t val,
                      unsigned size);

#endif
