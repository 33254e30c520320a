/*
 * What a guest CPU architecture provides to the engine and the modes.
 * One `struct target_info` per architecture variant (arm, mips, mipsel,
 * ...), listed in target/targets.c and chosen at run time by name.
 */
#ifndef KEMU_TARGET_TARGET_H
#define KEMU_TARGET_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/cpu.h"
#include "engine/ir.h"

struct target_info {
    const char *name;         /* "arm", "mipsel", ...: kemu-NAME */
    int addr_bits;            /* guest virtual address width: 32 or 64 */
    bool big_endian;          /* default data byte order */
    size_t cpu_size;          /* size of the target's CPU state struct */

    /* CPU models for -cpu: NULL-terminated names, the default first. */
    const char *const *cpu_models;

    /* Select a model on a reset CPU; false when name is unknown. */
    bool (*cpu_set_model)(struct cpu_common *cpu, const char *name);

    /* Register the target's globals once (called before any translation). */
    void (*init_globals)(struct ir_globals *g);

    /* Set a freshly zeroed CPU state to its reset values. */
    void (*cpu_reset)(struct cpu_common *cpu);

    /* The TB key for the current state: PC and mode flags (e.g. Thumb). */
    void (*get_tb_key)(struct cpu_common *cpu, uint64_t *pc,
                       uint32_t *flags);

    /*
     * Optional: emit IR computing into *pc (a temp of the guest's address
     * type) and *flags (an i32) what get_tb_key would return for the state
     * at that point.  Used at computed jumps so generated code can look the
     * next TB up without a call.  NULL: the engine calls get_tb_key.
     */
    void (*gen_tb_key)(struct ir_ctx *c, ir_t *pc, ir_t *flags);

    /*
     * Emit IR for one TB starting at c->pc with c->flags.  Fetch code only
     * through translator_fetch (engine/translate.h).  Sets c->pc_end and
     * c->ninsns.
     */
    void (*translate)(struct ir_ctx *c);

    /* Restore guest state at an instruction from its insn_start words. */
    void (*restore_state)(struct cpu_common *cpu,
                          const uint64_t data[IR_INSN_WORDS]);

    /* Set the PC (gdbstub, loaders) and read it. */
    void (*set_pc)(struct cpu_common *cpu, uint64_t pc);
    uint64_t (*get_pc)(struct cpu_common *cpu);

    /* Print registers (-d cpu, HMP info registers, crash reports). */
    void (*dump_state)(struct cpu_common *cpu, FILE *out);
    /* System mode, HMP `info WHAT` for what the target knows in QEMU's
     * layout ("registers", "tlb"); false: not offered (NULL: none). */
    bool (*monitor_info)(struct cpu_common *cpu, const char *what, FILE *out);

    /* Disassemble one instruction for -d in_asm: writes text into buf
     * (capstone under the hood) and returns its size in bytes, 0 if it
     * cannot be decoded. */
    int (*disas)(uint64_t pc, uint32_t tb_flags, const uint8_t *code,
                 size_t len, char *buf, size_t bufsize);

    /*
     * gdbstub register access by gdb register number (the layout in
     * gdbstub/gdb_arch.c): read writes the value into buf in target byte
     * order and returns its size in bytes; write takes it from buf.  Both
     * return 0 for a register the target does not have.  NULL: no gdb
     * register access yet.
     */
    int (*gdb_read_reg)(struct cpu_common *cpu, int regnum, uint8_t *buf);
    int (*gdb_write_reg)(struct cpu_common *cpu, int regnum, const uint8_t *buf);

    /* ---- System mode (NULL for targets without it) ---- */

    /* The soft-MMU mode (0..SOFTMMU_MODES-1) code with these TB flags
     * accesses memory in. */
    int (*mmu_index)(uint32_t tb_flags);

    /*
     * Soft TLB miss for an access (MMU_DATA_LOAD/STORE/INST_FETCH) at
     * vaddr: translate and install the page (softmmu_tlb_set_page) and
     * return true.  On a translation fault: with probe, return false
     * leaving the guest state alone; without, set up the guest's MMU
     * exception and unwind with cpu_raise(cpu, code, 0).
     */
    bool (*tlb_fill)(struct cpu_common *cpu, uint64_t vaddr, int access,
                     int mmu_idx, bool probe);

    /* cpu_exec returned excp: enter the guest's exception handler and
     * return true, or false when excp is not a guest exception. */
    bool (*do_exception)(struct cpu_common *cpu, int excp);

    /* Take a pending, enabled interrupt (enter its handler); true when
     * one was taken.  Also ends a WAIT when one is pending. */
    bool (*check_interrupt)(struct cpu_common *cpu);

    /* Is an interrupt pending that would wake an idle (WAIT) CPU? */
    bool (*has_work)(struct cpu_common *cpu);

    /* Debugger/monitor view: the physical address of vaddr in the CPU's
     * current mode, or (uint64_t)-1 when unmapped.  No side effects (no
     * exception, no soft-TLB change): callable from any thread. */
    uint64_t (*get_phys)(struct cpu_common *cpu, uint64_t vaddr);
};

/* All targets built in, and lookup by name (NULL when unknown). */
extern const struct target_info *const target_list[];
const struct target_info *target_find(const char *name);

#endif
