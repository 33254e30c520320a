/* The guest's /proc/self/maps, /proc/self/auxv and /proc/cpuinfo. */
#ifndef KEMU_USER_PROCFS_H
#define KEMU_USER_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/cpu.h"

/* What the loader knows: the stack mapping, the start of the break
 * area, and the auxv bytes as placed on the stack (copied). */
void procfs_set_stack(uint64_t lo, uint64_t hi);
void procfs_set_heap(uint64_t start);
void procfs_set_image(uint64_t lo, uint64_t hi);   /* the program's pages */
void procfs_set_auxv(const void *p, size_t len);

/* Is path (absolute, as the guest gave it) one kemu emulates? */
bool procfs_is_emulated(const char *path);

/* open/openat of such a path: true with *ret = a host fd reading the
 * guest's view (or -errno); false when the path is not emulated. */
bool procfs_open(struct cpu_common *cpu, const char *path, int flags,
                 int64_t *ret);

#endif
