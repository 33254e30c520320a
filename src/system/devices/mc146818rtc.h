/*
 * The MC146818 real-time clock behind ISA ports 0x70 (index) and 0x71
 * (data): the host's UTC time in BCD or binary (register B.DM), 24-hour
 * mode, the update-in-progress bit of register A set during the last
 * 244 us of every host second (Linux times the CPU clock against it),
 * and 114 bytes of CMOS RAM.  No alarm or periodic interrupts.
 */
#ifndef KEMU_SYSTEM_DEVICES_MC146818RTC_H
#define KEMU_SYSTEM_DEVICES_MC146818RTC_H

#include <stdint.h>

struct mc146818;

struct mc146818 *mc146818_new(void);
void mc146818_reset(struct mc146818 *r);
/* offset 0: index port, 1: data port. */
uint64_t mc146818_read(void *opaque, uint64_t offset, unsigned size);
void mc146818_write(void *opaque, uint64_t offset, uint64_t val,
                    unsigned size);

#endif
