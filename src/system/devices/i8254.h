/*
 * The Intel 8254 programmable interval timer of a PC-style ISA bus:
 * three counters at ports 0x40-0x42 and the control word register at
 * 0x43, clocked at 1.193182 MHz.  The counters are not stepped: their
 * count and output are computed from the host time elapsed since the
 * count was loaded, so an idle PIT costs nothing.  All six modes, the
 * counter latch and read-back commands (count and status), LSB, MSB and
 * LSB-then-MSB access and BCD counting are as in the datasheet.
 * Counter 0's output is ISA IRQ 0: its edges are delivered when they
 * fall due through the arm hook (a host timer), no more often than
 * every I8254_MIN_PERIOD_NS (faster rates coalesce, as an edge-triggered
 * PIC would lose them anyway).  Counter 2's gate and output are seen
 * through port 0x61 (NMI status and control: bit 0 gate 2, bit 1
 * speaker data, bit 4 refresh toggle, bit 5 OUT2), which Linux's PIT
 * calibration reads.  Counters 0 and 1 have their gate tied high.
 * At reset every counter runs mode 3 with count 65536, as a PC BIOS
 * leaves them.
 */
#ifndef KEMU_SYSTEM_DEVICES_I8254_H
#define KEMU_SYSTEM_DEVICES_I8254_H

#include <stdbool.h>
#include <stdint.h>

#define I8254_HZ 1193182
#define I8254_MIN_PERIOD_NS 50000

struct i8254_hooks {
    /* Counter 0's output level (ISA IRQ 0). */
    void (*irq0)(void *opaque, bool level);
    /* Host nanoseconds (CLOCK_MONOTONIC on the board). */
    int64_t (*now)(void *opaque);
    /* Call i8254_timer at host nanosecond ns; 0 cancels. */
    void (*arm)(void *opaque, int64_t ns);
    void *opaque;
};

struct i8254;

struct i8254 *i8254_new(const struct i8254_hooks *h);
void i8254_reset(struct i8254 *p);
/* Ports 0x40-0x43 (offsets 0-3). */
uint64_t i8254_read(void *opaque, uint64_t offset, unsigned size);
void i8254_write(void *opaque, uint64_t offset, uint64_t val, unsigned size);
/* Port 0x61 (offset 0). */
uint64_t i8254_port61_read(void *opaque, uint64_t offset, unsigned size);
void i8254_port61_write(void *opaque, uint64_t offset, uint64_t val,
                        unsigned size);
/* The moment given to the arm hook has come. */
void i8254_timer(void *opaque);

#endif
