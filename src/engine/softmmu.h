/*
 * System-mode guest memory: a per-CPU soft TLB in front of the physical
 * memory map.
 *
 * In system mode a guest access goes virtual address -> soft TLB entry ->
 * host address (RAM, ROM) or device callback (MMIO).  The TLB is
 * direct-mapped, SOFTMMU_TLB_SIZE entries per MMU mode (the target's
 * privilege/translation regime, picked from the TB flags by
 * target_info.mmu_index).  Each entry keeps one comparator per access
 * kind: the virtual page address when that kind is allowed and needs no
 * slow path, with TLB_SLOW set when it must take the slow path (MMIO, a
 * write to a page holding translated code), or -1 when it is not
 * allowed.  A miss asks the target (target_info.tlb_fill), which either
 * installs a mapping with softmmu_tlb_set_page or raises the guest's MMU
 * exception through cpu_raise.
 *
 * The interpreter (interp.c) and the code generator
 * (x86/softmmu_gen.c) implement the fast path inline and call
 * softmmu_ld/softmmu_st for the rest.  User mode never touches any of it
 * (both pick the direct guest_base accesses when softmmu_enabled is
 * false).
 *
 * Self-modifying code: translated code is keyed by virtual page (the TB
 * page lists), and each physical page with code remembers the virtual
 * pages its TBs were fetched through.  Writes to such a page take the
 * slow path and invalidate those TBs first.
 */
#ifndef KEMU_ENGINE_SOFTMMU_H
#define KEMU_ENGINE_SOFTMMU_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"

#define SOFTMMU_PAGE_BITS 12
#define SOFTMMU_PAGE_SIZE (1u << SOFTMMU_PAGE_BITS)
#define SOFTMMU_PAGE_MASK (~(uint64_t)(SOFTMMU_PAGE_SIZE - 1))
#define SOFTMMU_TLB_BITS 12
#define SOFTMMU_TLB_SIZE (1u << SOFTMMU_TLB_BITS)
#define SOFTMMU_MODES 4

/* Access kinds (tlb_fill's `access`). */
enum { MMU_DATA_LOAD = 0, MMU_DATA_STORE = 1, MMU_INST_FETCH = 2 };

/* Protection bits for softmmu_tlb_set_page; PROT_ASID marks a mapping
 * that belongs to the current address space (softmmu_tlb_flush_asid). */
enum { PROT_R = 1, PROT_W = 2, PROT_X = 4, PROT_ASID = 8 };

/* Low bits of a comparator: never part of a page address. */
#define TLB_SLOW 1u

struct softmmu_tlb_entry {
    uint64_t cmp[3];        /* per access kind; -1: not allowed */
    uintptr_t addend;       /* host = vaddr + addend (RAM/ROM pages) */
    uint64_t paddr;         /* physical page address */
};

#define SOFTMMU_ASID_SLOTS 1024

struct softmmu_tlb {
    struct softmmu_tlb_entry e[SOFTMMU_MODES][SOFTMMU_TLB_SIZE];
    /* Entries filled with PROT_ASID since the last flush (mode << 16 |
     * index); more than fit: asid_overflow, a full flush next time. */
    uint32_t asid_slot[SOFTMMU_ASID_SLOTS];
    uint32_t nasid;
    bool asid_overflow;
};

/*
 * One region of the physical address map, as the engine needs to see it:
 * host memory (RAM, ROM) or a device with access callbacks.  Device
 * values are numbers (the access size's worth of bits): the bus, not the
 * CPU's byte order, decides what a register holds.
 */
struct softmmu_region {
    uint64_t base, size;
    uint8_t *host;          /* RAM/ROM contents, NULL for MMIO */
    bool readonly;          /* ROM: guest writes are ignored */
    const char *name;
    void *opaque;
    uint64_t (*read)(void *opaque, uint64_t offset, unsigned size);
    void (*write)(void *opaque, uint64_t offset, uint64_t val,
                  unsigned size);
};

/* True once system mode has set up the soft MMU (before translation). */
extern bool softmmu_enabled;

/* Enable the soft MMU; find returns the region holding a physical
 * address or NULL (unassigned: reads 0, writes ignored). */
void softmmu_init(const struct softmmu_region *(*find)(uint64_t paddr));

/* The region at a physical address (NULL when unassigned). */
const struct softmmu_region *softmmu_find(uint64_t paddr);

/* Per-CPU TLB: created with the CPU by the mode (cpu->tlb). */
void softmmu_cpu_init(struct cpu_common *cpu);

/* From tlb_fill: map the page of vaddr to the page of paddr with prot
 * in MMU mode mmu_idx. */
void softmmu_tlb_set_page(struct cpu_common *cpu, uint64_t vaddr,
                          uint64_t paddr, int prot, int mmu_idx);
/* Forget every mapping (address-space switch, segment changes). */
void softmmu_tlb_flush(struct cpu_common *cpu);
/* Forget the mappings of the virtual pages in [start, start + len), in
 * every mode (a guest TLB entry changed); a range wider than the TLB
 * flushes everything. */
void softmmu_tlb_flush_range(struct cpu_common *cpu, uint64_t start,
                             uint64_t len);
/* Forget the mappings filled with PROT_ASID (the guest switched address
 * space; its unmapped segments and global pages stay). */
void softmmu_tlb_flush_asid(struct cpu_common *cpu);

/* The interpreter's slow paths (also usable by helpers): value loads and
 * stores of 1 << (memop & MO_SIZE) bytes with memop's byte order and
 * sign; mmu_idx from the TB.  Faults unwind through cpu_raise. */
uint64_t softmmu_ld(struct cpu_common *cpu, uint64_t addr, unsigned memop,
                    int mmu_idx);
void softmmu_st(struct cpu_common *cpu, uint64_t addr, unsigned memop,
                uint64_t val, int mmu_idx);

/*
 * For the translator: the host address of the code byte at vaddr, or
 * NULL when it cannot be fetched from (no mapping: the target raises the
 * fetch exception when the instruction runs; or MMIO).  Never raises.
 * Records that the physical page holds code reached through vaddr's page.
 */
const uint8_t *softmmu_code_ptr(struct cpu_common *cpu, uint64_t vaddr,
                                int mmu_idx);

/* The physical page the code at vaddr is fetched from now (filling the
 * TLB without raising), ~0 when it cannot be fetched. */
uint64_t softmmu_code_phys(struct cpu_common *cpu, uint64_t vaddr,
                           int mmu_idx);

/* Debugger/monitor access through the CPU's MMU without side effects on
 * the guest (no exception): false where unmapped. */
bool softmmu_rw_virtual(struct cpu_common *cpu, uint64_t vaddr, void *buf,
                        uint64_t len, bool write, int mmu_idx);

/* Physical access for loaders and the monitor (RAM/ROM only for writes,
 * MMIO included for reads is not done): false outside memory. */
bool softmmu_rw_physical(uint64_t paddr, void *buf, uint64_t len, bool write);

/* Physical memory [paddr, paddr+len) was written behind the CPUs' back
 * (debugger, monitor): drop the translations made from it. */
void softmmu_invalidate_phys(uint64_t paddr, uint64_t len);

/* Atomics: the host address of a naturally aligned RAM word at addr,
 * checked for writing (faults unwind); NULL for MMIO/ROM. */
void *softmmu_atomic_ptr(struct cpu_common *cpu, uint64_t addr,
                         unsigned size, int mmu_idx);

#endif
