/*
 * The Galileo GT-64120 system controller of the Malta board, minimal:
 * its 4 KiB register block with the reset values Linux reads (the PCI
 * windows at their Malta defaults), and PCI configuration cycles through
 * the CONFIG_ADDRESS/CONFIG_DATA registers (0xcf8/0xcfc) answering for
 * the GT itself (bus 0, device 0) only, and the interrupt-acknowledge
 * register (0xc34) reading the i8259 vector.  The registers are little-endian:
 * a big-endian CPU sees them byte-swapped, as on the real board.
 */
#ifndef KEMU_SYSTEM_DEVICES_GT64120_H
#define KEMU_SYSTEM_DEVICES_GT64120_H

#include <stdbool.h>
#include <stdint.h>

struct gt64120;

struct gt64120 *gt64120_new(bool cpu_big_endian);
void gt64120_reset(struct gt64120 *gt);
/* The PCI interrupt-acknowledge register (GT_PCI0_IACK, 0xc34) reads the
 * vector from iack(opaque) (the i8259 pair behind the PIIX4). */
void gt64120_set_iack(struct gt64120 *gt, uint8_t (*iack)(void *opaque),
                      void *opaque);
/* Other devices on bus 0: read returns false for an empty slot. */
void gt64120_set_pci(struct gt64120 *gt,
                     bool (*read)(void *opaque, unsigned devfn, unsigned reg,
                                  uint32_t *val),
                     void (*write)(void *opaque, unsigned devfn, unsigned reg,
                                   uint32_t val),
                     void *opaque);
uint64_t gt64120_read(void *opaque, uint64_t offset, unsigned size);
void gt64120_write(void *opaque, uint64_t offset, uint64_t val, unsigned size);

#endif
