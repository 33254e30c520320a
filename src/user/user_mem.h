/*
 * The guest's mmap layer: guest mappings are host MAP_FIXED mappings inside
 * the range the engine reserved (engine/guest_mem.h), with the guest
 * protections recorded in the engine's page table.  Unmapped guest ranges
 * go back to an inaccessible host reservation, never to the host's free
 * address space.  All functions return a guest address / 0, or -errno
 * (host errno values; the syscall layer maps them).
 */
#ifndef KEMU_USER_USER_MEM_H
#define KEMU_USER_USER_MEM_H

#include <stdbool.h>
#include <stdint.h>

/* Highest guest address + 1 that mappings may use. */
extern uint64_t user_mem_limit;

void user_mem_init(uint64_t limit, uint64_t mmap_base);

/* prot: PROT_* (host values, which are the guests' too); flags: host
 * MAP_* bits (the syscall layer translates the guest's). */
int64_t user_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                  uint64_t offset);
int user_munmap(uint64_t addr, uint64_t len);
/*
 * Map one page the kernel provides (ARM's kuser helper page) at addr,
 * above the limit guest mmap/munmap/mprotect may touch, filled with the
 * GUEST_PAGE_SIZE bytes at data.  False if the host refuses.
 */
bool user_map_kernel_page(uint64_t addr, const void *data, int prot);

int user_mprotect(uint64_t addr, uint64_t len, int prot);
int user_madvise(uint64_t addr, uint64_t len, int advice);
int64_t user_mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                    int flags, uint64_t new_addr);

/* In a fork child: reset the lock of the mmap syscalls. */
void user_mmap_after_fork(void);

/* The program break. */
void user_brk_init(uint64_t start);
uint64_t user_brk(uint64_t new_brk);

/* Lowest free page-aligned range of len bytes at or above hint (then
 * from the mmap base), or (uint64_t)-1. */
uint64_t user_mmap_find(uint64_t hint, uint64_t len);

/* Is every page of [addr, addr+len) mapped (with any protection)? */
bool user_range_mapped(uint64_t addr, uint64_t len);

/* Is every page of [addr, addr+len) unmapped? */
bool user_range_free(uint64_t addr, uint64_t len);

#endif
