/*
 * The Galileo GT-64120 system controller of the Malta board, minimal:
 * its 4 KiB register block with the reset values Linux reads (the PCI
 * windows at their Malta defaults), and PCI configuration cycles through
 * the CONFIG_ADDRESS/CONFIG_DATA registers (0xcf8/0xcfc) answering for
 * the GT itself (bus 0, device 0) only.  The registers are little-endian:
 * a big-endian CPU sees them byte-swapped, as on the real board.
 */
#ifndef KEMU_SYSTEM_DEVICES_GT64120_H
#define KEMU_SYSTEM_DEVICES_GT64120_H

#include <stdbool.h>
#include <stdint.h>

struct gt64120;

struct gt64120 *gt64120_new(bool cpu_big_endian);
void gt64120_reset(struct gt64120 *gt);
uint64_t gt64120_read(void *opaque, uint64_t offset, unsigned size);
void gt64120_write(void *opaque, uint64_t offset, uint64_t val, unsigned size);

#endif
