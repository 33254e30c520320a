/*
 * Signals delivered to the guest: raise() with sigaction handlers
 * (siginfo, SA_RESTART), signal masks with a pending signal delivered on
 * unblock, kill() to self, alarm() interrupting pause(), SIGSEGV from a
 * bad pointer caught and escaped with siglongjmp, and sigreturn restoring
 * every register the interrupted code was using.
 */
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>
#include "check.h"

static volatile int got, got_code, got_signo;
static volatile uintptr_t fault_addr;
static sigjmp_buf env;

static void handler(int sig) { got += sig; }

static void info_handler(int sig, siginfo_t *si, void *uc)
{
    got_signo = si->si_signo;
    got_code = si->si_code;
    (void)sig; (void)uc;
}

static void segv_handler(int sig, siginfo_t *si, void *uc)
{
    fault_addr = (uintptr_t)si->si_addr;
    (void)sig; (void)uc;
    siglongjmp(env, 1);
}

int main(void)
{
    signal(SIGUSR1, handler);
    raise(SIGUSR1);
    CHECK("raise(SIGUSR1) ran the handler", got, SIGUSR1);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    kill(getpid(), SIGUSR2);
    CHECK("siginfo si_signo", got_signo, SIGUSR2);
    CHECK("siginfo si_code SI_USER", got_code, SI_USER);

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    got = 0;
    raise(SIGUSR1);
    CHECK("blocked signal not delivered", got, 0);
    sigset_t pend;
    sigpending(&pend);
    CHECK("blocked signal pending", sigismember(&pend, SIGUSR1), 1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    CHECK("delivered on unblock", got, SIGUSR1);

    signal(SIGALRM, handler);
    got = 0;
    alarm(1);
    pause();
    CHECK("alarm interrupted pause", got, SIGALRM);

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(env, 1) == 0) {
        *(volatile int *)0x10 = 1;
        CHECK_TRUE("not reached after the fault", 0);
    }
    CHECK("SIGSEGV si_addr", fault_addr, 0x10);
    /* And the program goes on normally afterwards, twice. */
    if (sigsetjmp(env, 1) == 0)
        (void)*(volatile int *)0xc;
    CHECK("second SIGSEGV si_addr", fault_addr, 0xc);

    /* Registers survive a handler run between two instructions. */
    signal(SIGUSR1, handler);
    uint32_t r[6];
    asm volatile("mov r4, #4\n\tmov r5, #5\n\tmov r6, #6\n\t"
                 "mov r8, #8\n\tmov r9, #9\n\tmov r10, #10\n\t"
                 "push {%0}\n\t"
                 "mov r0, #0\n\t"           /* kill(getpid(), SIGUSR1) via raw syscalls */
                 "mov r7, #20\n\tsvc #0\n\t"  /* getpid */
                 "mov r1, #10\n\t"          /* SIGUSR1 */
                 "mov r7, #37\n\tsvc #0\n\t"  /* kill */
                 "pop {%0}\n\t"
                 "stmia %0, {r4, r5, r6, r8, r9, r10}"
                 : : "r"(r) : "r0", "r1", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "memory");
    CHECK("r4 after handler", r[0], 4);
    CHECK("r5 after handler", r[1], 5);
    CHECK("r6 after handler", r[2], 6);
    CHECK("r8 after handler", r[3], 8);
    CHECK("r9 after handler", r[4], 9);
    CHECK("r10 after handler", r[5], 10);
    return check_done("signals");
}
