/*
 * The part of a guest CPU's state that the engine itself uses.  Every
 * target's state struct begins with a `struct cpu_common` named `common`,
 * so a `struct cpu_common *` and the target's own pointer convert freely.
 */
#ifndef KEMU_ENGINE_CPU_H
#define KEMU_ENGINE_CPU_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

struct target_info;
struct tb;
struct tb_jmp_cache;
struct softmmu_tlb;

/*
 * Why cpu_exec returned.  Targets add their own codes from
 * EXCP_TARGET_BASE on (e.g. an ARM software interrupt).
 */
enum exec_exception {
    EXCP_NONE = -1,
    EXCP_INTERRUPT = 0x10000, /* exit_request was set: check events */
    EXCP_HALTED,              /* the CPU idles (system mode WAIT/HLT) */
    EXCP_DEBUG,               /* breakpoint, watchpoint or single step */
    EXCP_SYSCALL,             /* system call instruction (user mode) */
    EXCP_UDEF,                /* undefined / unknown instruction */
    EXCP_SEGV,                /* data access fault: fault_addr, fault_write */
    EXCP_PREFETCH,            /* instruction fetch fault at fault_addr */
    EXCP_UNALIGNED,           /* MO_ALIGN access at fault_addr */
    EXCP_TARGET_BASE = 0x20000,
};

struct cpu_common {
    /*
     * Set from any thread (signal delivery, QMP stop, gdb Ctrl-C) to make
     * the CPU leave translated code at the next TB entry.
     */
    volatile int exit_request;

    int exception_index;       /* enum exec_exception or target code */
    uint64_t fault_addr;       /* guest address for SEGV/PREFETCH/UNALIGNED */
    bool fault_write;          /* SEGV: the access was a write */
    int fault_code;            /* e.g. SEGV_MAPERR vs SEGV_ACCERR */

    const struct target_info *target;
    int cpu_index;

    /* Engine-private execution state. */
    sigjmp_buf jmp_env;        /* cpu_raise unwinds to cpu_exec */
    struct tb *current_tb;     /* TB being executed, for state restore */
    int current_insn;          /* interpreter: last insn_start index */
    struct tb_jmp_cache *jmp_cache;
    bool single_step;          /* gdb single-step: one-insn TBs */

    /* Debugger state (engine/exec.h). */
    uint64_t watch_hit_addr;
    int watch_hit_flags;       /* WP_* of the hit, 0 when none */

    void *user;                /* owned by the mode (user/system) */

    /* System mode: the soft TLB (engine/softmmu.h); NULL in user mode. */
    struct softmmu_tlb *tlb;

    /*
     * System mode, generated code: the host return address (as GETPC()
     * gives it) of the call into C that is running now, recorded by the
     * call site or the helper before anything may raise, so that
     * cpu_raise(cpu, excp, 0) from deep inside (tlb_fill, a device)
     * finds the guest instruction.  0 when unknown; cpu_raise clears it.
     */
    uintptr_t helper_ra;
};

/* The CPU the calling host thread runs. */
extern __thread struct cpu_common *current_cpu;

/*
 * Raise guest exception excp at the instruction being executed and unwind
 * to cpu_exec, which returns excp.  host_pc is the return address of the
 * helper doing it (GETPC()), which lets generated code find the guest
 * instruction; the interpreter needs no help.  Guest state (PC and the
 * target's per-instruction words) is restored first.
 */
#define GETPC() ((uintptr_t)__builtin_return_address(0))
_Noreturn void cpu_raise(struct cpu_common *cpu, int excp, uintptr_t host_pc);

/* Unwind to cpu_exec without restoring state (state already exact). */
_Noreturn void cpu_loop_exit(struct cpu_common *cpu, int excp);

/*
 * For the host SIGSEGV/SIGBUS handler (user mode): the guest access at
 * guest_addr faulted while cpu ran guest code.  Restores the guest state
 * at the faulting instruction and unwinds to cpu_exec, which returns
 * EXCP_SEGV with fault_addr/fault_write set.  host_pc is the faulting
 * host instruction and host_ctx the handler's ucontext_t (its third
 * argument): generated code keeps modified guest registers in host
 * registers across guest accesses, and they are read from there.
 * Returns only when cpu was not running guest code (the fault is kemu's
 * own).
 */
void cpu_signal_fault(struct cpu_common *cpu, uint64_t guest_addr,
                      bool is_write, uintptr_t host_pc, const void *host_ctx);

/* Ask a CPU to leave translated code soon; safe from any thread and from
 * signal handlers. */
static inline void cpu_exit(struct cpu_common *cpu)
{
    __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_RELEASE);
}

#endif
