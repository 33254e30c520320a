/*
 * Running guest code: the execution loop and the engine's global set-up.
 */
#ifndef KEMU_ENGINE_EXEC_H
#define KEMU_ENGINE_EXEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/cpu.h"

struct target_info;

enum engine_backend {
    ENGINE_INTERP,   /* the IR interpreter: the reference semantics */
    ENGINE_CODEGEN,  /* x86-64 code generation (when built in) */
};

struct engine_options {
    enum engine_backend backend;
    bool one_insn_per_tb;  /* -one-insn-per-tb */
    bool no_chaining;      /* debugging aid: never chain TBs */
    size_t code_size;      /* bytes for translated code; 0: default */
    bool perfmap;          /* -perfmap: write /tmp/perf-PID.map */
};

/* Prepare the engine for one target (globals, code buffer, TB cache).
 * Called once, before any CPU is created. */
void engine_init(const struct target_info *target,
                 const struct engine_options *opts);

/* Allocate a zeroed CPU state of the target's size, reset it, and give it
 * the engine's per-CPU structures.  The calling thread becomes its runner. */
struct cpu_common *cpu_create(const struct target_info *target, int index);
void cpu_destroy(struct cpu_common *cpu);

/*
 * Execute guest code on cpu until an exception: returns its number
 * (enum exec_exception or a target code).  On return the guest state is
 * exact: the PC names the instruction that raised (or the next one to run
 * after EXCP_INTERRUPT), and cpu->fault_* describe faults.
 * exit_request is cleared when EXCP_INTERRUPT is returned.
 */
int cpu_exec(struct cpu_common *cpu);

/* In the child of a fork() of a process with several guest threads:
 * only `keep` (the forking thread's CPU) exists in the child. */
void engine_fork_child(struct cpu_common *keep);

/* Drop every translation (e.g. after the code buffer fills, or when the
 * memory map changes wholesale).  Only when no CPU is inside cpu_exec. */
void tb_flush_all(void);

/* Invalidate translations of guest code in [start, end) (end exclusive):
 * munmap, mprotect, cacheflush syscalls, and writes to code pages. */
void tb_invalidate_range(uint64_t start, uint64_t end);

/* System mode: the guest's mapping of virtual [start, end) changed (a
 * target TLB write).  The TBs there stay cached, since a lookup checks
 * the physical pages a TB was made from against the current mapping,
 * but nothing reaches them without that check any more: their
 * jump-cache entries are emptied and chained jumps into them unlinked. */
void tb_unlink_range(uint64_t start, uint64_t end);

/*
 * Debugger support.  Breakpoints are per CPU and invalidate the TBs that
 * contain them so the translator sees them.  Watchpoints stop the CPU with
 * EXCP_DEBUG after the instruction that accessed [addr, addr+len) completes;
 * cpu->watch_hit_addr / watch_hit_flags tell which.  With WP_STOP_BEFORE
 * the stop comes before the access instead, with the state (PC, memory)
 * of the accessing instruction not yet executed, the way watchpoint
 * hardware of some architectures (MIPS) reports to its debugger.  Return
 * 0 or -errno.
 */
enum { WP_READ = 1, WP_WRITE = 2, WP_ACCESS = 3, WP_STOP_BEFORE = 4 };
int cpu_breakpoint_insert(struct cpu_common *cpu, uint64_t pc);
int cpu_breakpoint_remove(struct cpu_common *cpu, uint64_t pc);
void cpu_breakpoint_remove_all(struct cpu_common *cpu);
int cpu_watchpoint_insert(struct cpu_common *cpu, uint64_t addr, uint64_t len,
                          int flags);
int cpu_watchpoint_remove(struct cpu_common *cpu, uint64_t addr, uint64_t len,
                          int flags);
void cpu_watchpoint_remove_all(struct cpu_common *cpu);

/* Statistics for -d exec / tests. */
struct engine_stats {
    uint64_t tbs_translated;
    uint64_t tb_flushes;
    uint64_t tbs_invalidated;
};
extern struct engine_stats engine_stats;

#endif
