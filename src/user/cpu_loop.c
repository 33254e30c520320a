/*
 * The user-mode CPU loop: run guest code, serve syscalls, deliver signals
 * between TBs, and turn guest faults into synchronous signals (a guest
 * handler, or the death the signal's default action causes).  Also the
 * host SIGSEGV/SIGBUS handler that tells self-modifying-code faults,
 * guest faults, signals sent by others and kemu bugs apart.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "gdbstub/gdbstub.h"
#include "target/target.h"
#include "user/cpu_loop.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/error.h"
#include "util/log.h"

/* End the process as if the host kernel had killed it with sig: the
 * parent sees the same wait status (e.g. 132 from a shell for SIGILL). */
_Noreturn void user_die_by_signal(int sig)
{
    struct rlimit nocore = { 0, 0 };
    struct sigaction sa;
    sigset_t set;

    gdbstub_user_exit_signal(sig);
    log_flush();
    fflush(stdout);
    setrlimit(RLIMIT_CORE, &nocore);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigaction(sig, &sa, NULL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    /* Signals the default action ignores still end the process. */
    _exit(128 + sig);
}

/* A synchronous signal: the guest's handler runs, or kemu reports the
 * fault and dies by the signal (its default action). */
static void guest_fault_code(struct cpu_common *cpu, int sig, int code,
                             uint64_t addr, const char *what)
{
    const struct target_info *t = cpu->target;
    if (gdbstub_user_active() && !(sig = gdbstub_user_handle_stop(cpu, sig)))
        return; /* gdb resumes without the signal */
    if (user_signal_force(cpu, sig, code, addr))
        return;
    error_report("%s at pc 0x%08llx (address 0x%08llx)", what,
                 (unsigned long long)t->get_pc(cpu),
                 (unsigned long long)cpu->fault_addr);
    if (log_enabled(LOG_INT) && t->dump_state)
        t->dump_state(cpu, log_file());
    user_die_by_signal(sig);
}

static void guest_fault(struct cpu_common *cpu, int sig, const char *what)
{
    int code = sig == SIGSEGV ? cpu->fault_code
             : sig == SIGBUS ? BUS_ADRALN
             : TRAP_BRKPT;
    uint64_t addr = sig == SIGTRAP ? cpu->target->get_pc(cpu) : cpu->fault_addr;
    guest_fault_code(cpu, sig, code ? code : SEGV_MAPERR, addr, what);
}

static void illegal_insn(struct cpu_common *cpu)
{
    uint64_t pc = cpu->target->get_pc(cpu);
    uint64_t insn = 0;
    if (gdbstub_user_active() && !gdbstub_user_handle_stop(cpu, SIGILL))
        return;
    /* Thumb PCs are 2-aligned: read what is mapped. */
    if (user_signal_force(cpu, SIGILL, ILL_ILLOPC, pc))
        return;
    if (!get_user(pc, 4, &insn))
        get_user(pc, 2, &insn);
    error_report("illegal instruction 0x%08llx at pc 0x%08llx",
                 (unsigned long long)insn, (unsigned long long)pc);
    user_die_by_signal(SIGILL);
}

_Noreturn void user_cpu_loop(struct cpu_common *cpu)
{
    const struct user_abi *abi = user_abi;

    for (;;) {
        int excp = cpu_exec(cpu);
        switch (excp) {
        case EXCP_SYSCALL: {
            uint32_t nr;
            uint64_t args[6];
            abi->get_syscall(cpu, &nr, args);
            int64_t r = do_syscall(cpu, nr, args);
            if (r == -USER_ERESTARTSYS || r == -USER_ERESTARTNOHAND) {
                /* Interrupted by a signal: re-run it unless the handler
                 * that runs now wants EINTR (user_signal_process). */
                user_self->restart_syscall = true;
                user_self->restart_nohand = r == -USER_ERESTARTNOHAND;
                user_self->restart_pc = cpu->target->get_pc(cpu);
                abi->rewind_syscall(cpu);
            } else if (r != -USER_ESIGRETURN) {
                abi->set_syscall_result(cpu, r);
            }
            if (cpu->single_step) /* gdb stepped over the syscall */
                guest_fault(cpu, SIGTRAP, "trace/breakpoint trap");
            break;
        }
        case EXCP_INTERRUPT:
            gdbstub_user_poll(cpu);
            break;
        case EXCP_UDEF:
            illegal_insn(cpu);
            break;
        case EXCP_SEGV:
            guest_fault(cpu, SIGSEGV, "segmentation fault");
            break;
        case EXCP_PREFETCH:
            /* fault_addr is the PC of the fetch. */
            guest_fault(cpu, SIGSEGV, "instruction fetch fault");
            break;
        case EXCP_UNALIGNED:
            guest_fault(cpu, SIGBUS, "unaligned access");
            break;
        case EXCP_DEBUG:
            /* No debugger attached yet: a breakpoint trap. */
            guest_fault(cpu, SIGTRAP, "trace/breakpoint trap");
            break;
        default: {
            int sig = abi->exception_signal ? abi->exception_signal(cpu, excp) : 0;
            if (sig && abi->exception_siginfo) {
                int code;
                uint64_t addr;
                abi->exception_siginfo(cpu, excp, sig, &code, &addr);
                guest_fault_code(cpu, sig, code, addr,
                                 sig == SIGTRAP ? "breakpoint" : "exception");
                break;
            }
            if (sig == SIGTRAP) {
                guest_fault_code(cpu, SIGTRAP, TRAP_BRKPT,
                                 cpu->target->get_pc(cpu), "breakpoint");
                break;
            }
            if (sig) {
                guest_fault(cpu, sig, "exception");
                break;
            }
            if (excp >= EXCP_TARGET_BASE)
                break;
            error_report("unexpected exception 0x%x at pc 0x%08llx", excp,
                         (unsigned long long)cpu->target->get_pc(cpu));
            abort();
        }
        }
        if (user_self->signal_pending || user_self->nq)
            user_signal_process(cpu);
    }
}

static void host_fault(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    uintptr_t host_pc = uc->uc_mcontext.gregs[REG_RIP];
    /* x86-64 page faults: bit 1 of the error code says "write". */
    bool is_write = sig == SIGSEGV && (uc->uc_mcontext.gregs[REG_ERR] & 2);
    void *addr = si->si_addr;

    if (si->si_code <= 0) {
        /* Sent with kill/tgkill/sigqueue: an ordinary signal. */
        user_signal_host_async(sig, si, uc_);
        return;
    }
    if (h2g_valid(addr)) {
        uint64_t ga = h2g(addr);
        if (is_write && page_unprotect(ga))
            return;                       /* retry the write */
        if (current_cpu)
            cpu_signal_fault(current_cpu, ga, is_write, host_pc, uc);
    }
    /* Not guest code: kemu's own bug.  Say so briefly and abort. */
    static const char msg[] = "kemu: internal error: host fault outside "
                              "guest code\n";
    ssize_t n = write(2, msg, sizeof(msg) - 1);
    (void)n;
    signal(SIGABRT, SIG_DFL);
    abort();
}

void user_install_fault_handlers(void)
{
    struct sigaction sa;
    static uint8_t altstack[64 * 1024];
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };

    sigaltstack(&ss, NULL);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = host_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
