/*
 * The guest-physical memory map of system mode: RAM and ROM regions
 * backed by host memory, and MMIO regions served by device callbacks.
 * The soft MMU (engine/softmmu.h) asks memory_find on TLB fills and
 * device accesses.  Regions added later take precedence where they
 * overlap earlier ones (a device inside a bus window).  The map is built
 * by the board before any CPU runs and does not change afterwards.
 */
#ifndef KEMU_SYSTEM_MEMORY_H
#define KEMU_SYSTEM_MEMORY_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/softmmu.h"

typedef uint64_t (*memory_read_fn)(void *opaque, uint64_t offset,
                                   unsigned size);
typedef void (*memory_write_fn)(void *opaque, uint64_t offset, uint64_t val,
                                unsigned size);

/* RAM (host memory given, or NULL to allocate zeroed memory lazily);
 * returns the host memory.  ROM is the same but read-only to the guest. */
uint8_t *memory_add_ram(const char *name, uint64_t base, uint64_t size,
                        uint8_t *host);
uint8_t *memory_add_rom(const char *name, uint64_t base, uint64_t size);
void memory_add_mmio(const char *name, uint64_t base, uint64_t size,
                     void *opaque, memory_read_fn read, memory_write_fn write);

/* The region holding paddr, NULL when unassigned. */
const struct softmmu_region *memory_find(uint64_t paddr);

/* Host pointer of [paddr, paddr+len) when it lies in one RAM/ROM
 * region (loaders), else NULL. */
uint8_t *memory_host_ptr(uint64_t paddr, uint64_t len);

/* Print the map (HMP info mtree). */
void memory_dump(void (*out)(const char *line, void *opaque), void *opaque);

#endif
