/*
 * Synchronous signals from guest faults delivered to handlers: SIGSEGV
 * (unmapped and read-only memory) with si_addr/si_code and the frame's
 * fault address (where the frame has one), SIGILL with the PC, SIGTRAP
 * from the breakpoint instruction, recovery with siglongjmp; the handler
 * on an alternate stack after a stack overflow.  arch.h says what differs
 * between CPUs.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "arch.h"
#include "check.h"

static sigjmp_buf env;
static volatile uintptr_t fault_addr, frame_fault, frame_pc;
static volatile int fault_sig, fault_code, on_alt;
static char altstack[64 * 1024];

static void handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    fault_sig = sig;
    fault_code = si->si_code;
    fault_addr = (uintptr_t)si->si_addr;
#ifdef FRAME_FAULT_ADDRESS
    frame_fault = FRAME_FAULT_ADDRESS(uc);
#endif
    frame_pc = FRAME_PC(uc);
    char here;
    on_alt = (uintptr_t)&here >= (uintptr_t)altstack &&
             (uintptr_t)&here < (uintptr_t)altstack + sizeof(altstack);
    stack_t cur;
    sigaltstack(NULL, &cur);
    if (on_alt && !(cur.ss_flags & SS_ONSTACK))
        on_alt = 0;
    siglongjmp(env, 1);
}

static void set(int sig, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static volatile int sink;

static int recurse(int n)
{
    volatile char buf[256];
    buf[0] = (char)n;
    return recurse(n + 1) + buf[0];
}

extern char udf_insn[], bkpt_insn[];

int main(void)
{
    set(SIGSEGV, 0);
    set(SIGILL, 0);
    set(SIGTRAP, 0);

    /* unmapped address */
    if (sigsetjmp(env, 1) == 0) {
        sink = *(volatile int *)0x1234;
        CHECK_TRUE("no fault?", 0);
    }
    CHECK("segv signal", fault_sig, SIGSEGV);
    CHECK("segv si_addr", fault_addr, 0x1234);
    CHECK("segv si_code", fault_code, SEGV_MAPERR);
#ifdef FRAME_FAULT_ADDRESS
    CHECK("segv frame fault_address", frame_fault, 0x1234);
#endif

    /* write to a read-only page; the mask is restored by siglongjmp */
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(env, 1) == 0) {
        ro[100] = 1;
        CHECK_TRUE("no fault?", 0);
    }
    CHECK("accerr si_addr", fault_addr, (uintptr_t)ro + 100);
    CHECK("accerr si_code", fault_code, SEGV_ACCERR);

    /* a second fault works after the first (mask restored) */
    fault_sig = 0;
    if (sigsetjmp(env, 1) == 0)
        sink = *(volatile int *)0x10;
    CHECK("second segv", fault_sig, SIGSEGV);
    CHECK("second si_addr", fault_addr, 0x10);

    /* undefined instruction: SIGILL at its address */
    if (sigsetjmp(env, 1) == 0) {
        __asm__ volatile(".globl udf_insn\nudf_insn: " UNDEFINED_INSN "\n");
        CHECK_TRUE("no SIGILL?", 0);
    }
    CHECK("sigill signal", fault_sig, SIGILL);
    CHECK("sigill si_addr", fault_addr, (uintptr_t)udf_insn);
    CHECK("sigill si_code", fault_code, ILL_ILLOPC);
    CHECK("sigill frame pc", frame_pc, (uintptr_t)udf_insn);

    /* the breakpoint instruction: SIGTRAP */
    if (sigsetjmp(env, 1) == 0) {
        __asm__ volatile(".globl bkpt_insn\nbkpt_insn: " BREAKPOINT_INSN "\n");
        CHECK_TRUE("no SIGTRAP?", 0);
    }
    CHECK("sigtrap signal", fault_sig, SIGTRAP);
    CHECK("sigtrap si_code", fault_code, TRAP_BRKPT);
    CHECK("sigtrap si_addr", fault_addr, BREAKPOINT_SI_ADDR(bkpt_insn));
    CHECK("sigtrap frame pc", frame_pc, (uintptr_t)bkpt_insn);

    /* stack overflow: the handler runs on the alternate stack */
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 };
    CHECK("sigaltstack", sigaltstack(&ss, NULL), 0);
    set(SIGSEGV, SA_ONSTACK);
    on_alt = 0;
    fault_sig = 0;
    if (sigsetjmp(env, 1) == 0)
        sink = recurse(0);
    CHECK("overflow signal", fault_sig, SIGSEGV);
    CHECK("overflow handler on altstack", on_alt, 1);
    stack_t cur;
    sigaltstack(NULL, &cur);
    CHECK("off the altstack after longjmp", cur.ss_flags & SS_ONSTACK, 0);

    /* a handler that is too small a stack is refused */
    ss.ss_size = 100;
    CHECK("tiny altstack refused", sigaltstack(&ss, NULL), -1);
    return check_done("sig_fault");
}
