/*
 * The parts of the Intel PIIX4 south bridge a Malta kernel looks for, as
 * PCI device 10 on bus 0: function 0 (the PCI-to-ISA bridge; its header
 * marks the device multi-function) and function 3 (power management)
 * with its PM I/O block at the base in PMBA (config 0x40), preset to
 * ISA port 0x1000 as firmware leaves it.  Writing PMCNTRL with SUS_EN and
 * SUS_TYP = soft off asks for power-off.  (The i8259s, RTC and UART of
 * the real chip are their own devices here.)
 */
#ifndef KEMU_SYSTEM_DEVICES_PIIX4_H
#define KEMU_SYSTEM_DEVICES_PIIX4_H

#include <stdbool.h>
#include <stdint.h>

#define PIIX4_DEVFN (10 << 3)
#define PIIX4_PM_PORT 0x1000

struct piix4;

struct piix4 *piix4_new(void (*poweroff)(void *opaque), void *opaque);
void piix4_reset(struct piix4 *p);
/* PCI configuration of devfn (dev << 3 | fn) on bus 0; false when the
 * PIIX4 has no such function. */
bool piix4_cfg_read(struct piix4 *p, unsigned devfn, unsigned reg,
                    uint32_t *val);
void piix4_cfg_write(struct piix4 *p, unsigned devfn, unsigned reg,
                     uint32_t val);
/* The PM I/O block (64 bytes at PIIX4_PM_PORT). */
uint64_t piix4_pm_read(void *opaque, uint64_t offset, unsigned size);
void piix4_pm_write(void *opaque, uint64_t offset, uint64_t val,
                    unsigned size);

#endif
