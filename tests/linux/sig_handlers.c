/*
 * Signal handlers: SIGALRM from alarm/setitimer/timer_create, SIGUSR1
 * raised, sent by another process (kill and sigqueue), the old and the
 * SA_SIGINFO frame, registers surviving a handler that interrupts a
 * computation, masks, sigpending, sigsuspend, SA_NODEFER, SA_RESETHAND.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static volatile sig_atomic_t got_alrm, got_usr1, depth, max_depth, raises,
    calls;
static volatile int last_code, last_value, last_pid_ok, plain_sig;
static pid_t expect_pid;

static void on_alrm(int sig)
{
    got_alrm++;
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    got_usr1++;
    last_code = si->si_code;
    last_value = si->si_value.sival_int;
    last_pid_ok = si->si_pid == expect_pid;
}

static void plain(int sig)
{
    plain_sig = sig;
}

static void nested(int sig)
{
    depth++;
    calls++;
    if (depth > max_depth)
        max_depth = depth;
    if (raises < 2) {
        raises++;
        raise(SIGUSR2);
    }
    depth--;
}

static void set(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void set_info(int sig, void (*h)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = h;
    sa.sa_flags = flags | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* A loop whose result depends on every register surviving interruption. */
static __attribute__((noinline)) uint32_t busy(volatile uint32_t n)
{
    uint32_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
    for (uint32_t i = 0; i < n; i++) {
        a = a * 1103515245u + 12345u;
        b ^= a >> 3;
        c += b * 7;
        d = (d << 1) | (c >> 31);
        e -= d ^ i;
        f += e + a;
    }
    return a ^ b ^ c ^ d ^ e ^ f;
}

int main(void)
{
    sigset_t s, old;

    /* raise with a plain handler (sigframe + sigreturn) */
    set(SIGUSR2, plain, 0);
    raise(SIGUSR2);
    CHECK("plain handler signal", plain_sig, SIGUSR2);

    /* SIGALRM from alarm(), waited for with pause() */
    set(SIGALRM, on_alrm, 0);
    alarm(1);
    pause();
    CHECK("alarm delivered", got_alrm, 1);

    /* setitimer interrupting a computation: registers restored exactly */
    uint32_t want = busy(3000000);
    struct itimerval it = { { 0, 2000 }, { 0, 2000 } };
    got_alrm = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    uint32_t got = busy(3000000);
    memset(&it, 0, sizeof(it));
    setitimer(ITIMER_REAL, &it, NULL);
    CHECK("computation across timer signals", got, want);
    CHECK_TRUE("timer signals arrived", got_alrm > 0);

    /* timer_create with a value */
    timer_t tid;
    struct sigevent sev;
    memset(&sev, 0, sizeof(sev));
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGUSR1;
    sev.sigev_value.sival_int = 4242;
    set_info(SIGUSR1, on_usr1, 0);
    expect_pid = 0;
    CHECK("timer_create", timer_create(CLOCK_MONOTONIC, &sev, &tid), 0);
    struct itimerspec its = { { 0, 0 }, { 0, 20000000 } };
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, &old);
    timer_settime(tid, 0, &its, NULL);
    sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    CHECK("timer signal", got_usr1, 1);
    CHECK("timer si_code", last_code, SI_TIMER);
    CHECK("timer si_value", last_value, 4242);
    timer_delete(tid);

    /* SIGUSR1 from another process: kill, then sigqueue */
    got_usr1 = 0;
    sigprocmask(SIG_BLOCK, &s, &old);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        kill(getppid(), SIGUSR1);
        usleep(50000);
        union sigval v = { .sival_int = 77 };
        sigqueue(getppid(), SIGUSR1, v);
        _exit(0);
    }
    expect_pid = pid;
    sigsuspend(&old);
    CHECK("kill from child", got_usr1, 1);
    CHECK("kill si_code", last_code, SI_USER);
    CHECK("kill si_pid", last_pid_ok, 1);
    sigsuspend(&old);
    CHECK("sigqueue from child", got_usr1, 2);
    CHECK("sigqueue si_code", last_code, SI_QUEUE);
    CHECK("sigqueue si_value", last_value, 77);
    CHECK("sigqueue si_pid", last_pid_ok, 1);
    int st;
    waitpid(pid, &st, 0);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* blocked signals stay pending until unblocked */
    got_usr1 = 0;
    sigprocmask(SIG_BLOCK, &s, &old);
    raise(SIGUSR1);
    CHECK("blocked: not delivered", got_usr1, 0);
    sigset_t pend;
    sigpending(&pend);
    CHECK("sigpending", sigismember(&pend, SIGUSR1), 1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    CHECK("delivered on unblock", got_usr1, 1);

    /* the mask inside a handler, SA_NODEFER nesting */
    set(SIGUSR2, nested, 0);
    depth = max_depth = raises = calls = 0;
    raise(SIGUSR2);
    CHECK("handler blocks its signal", max_depth, 1);
    CHECK("pending ones run after it", calls, 3);
    set(SIGUSR2, nested, SA_NODEFER);
    depth = max_depth = raises = calls = 0;
    raise(SIGUSR2);
    CHECK("SA_NODEFER nests", max_depth, 3);

    /* SA_RESETHAND: the disposition is back to default afterwards */
    set(SIGUSR2, plain, SA_RESETHAND);
    plain_sig = 0;
    raise(SIGUSR2);
    struct sigaction now;
    sigaction(SIGUSR2, NULL, &now);
    CHECK("SA_RESETHAND ran", plain_sig, SIGUSR2);
    CHECK_TRUE("SA_RESETHAND reset", now.sa_handler == SIG_DFL);

    /* sigtimedwait and the mask restored by sigsuspend */
    sigprocmask(SIG_BLOCK, &s, &old);
    raise(SIGUSR1);
    siginfo_t si;
    struct timespec tmo = { 1, 0 };
    CHECK("sigtimedwait", sigtimedwait(&s, &si, &tmo), SIGUSR1);
    /* glibc reports raise()'s SI_TKILL as SI_USER here */
    CHECK("sigtimedwait si_code", si.si_code, SI_USER);
    tmo.tv_sec = 0;
    tmo.tv_nsec = 1000000;
    CHECK("sigtimedwait timeout", sigtimedwait(&s, &si, &tmo) == -1 && errno == EAGAIN, 1);
    sigset_t cur;
    sigprocmask(SIG_SETMASK, NULL, &cur);
    CHECK("mask kept", sigismember(&cur, SIGUSR1), 1);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* SIG_IGN discards */
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    CHECK("ignored signal", 1, 1);
    return check_done("sig_handlers");
}
