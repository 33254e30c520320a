/*
 * Signals between processes: SA_RESTART on a blocking read, EINTR without
 * it, SIGCHLD with its siginfo on child exit, waitid's siginfo, wait
 * statuses of children killed by signals (SIGSEGV from a fault, SIGABRT,
 * SIGTERM, SIGTERM sent right after fork), signalfd.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static volatile int usr1_count, chld_count, chld_code, chld_status, chld_pid_ok;
static pid_t chld_expect;

static void on_usr1(int sig)
{
    usr1_count++;
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    chld_count++;
    chld_code = si->si_code;
    chld_status = si->si_status;
    chld_pid_ok = si->si_pid == chld_expect;
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

/* A child that signals the parent, then writes one byte to the pipe. */
static pid_t signal_then_write(int wfd)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        usleep(100000);
        kill(getppid(), SIGUSR1);
        usleep(100000);
        (void)!write(wfd, "x", 1);
        _exit(0);
    }
    return pid;
}

static int child_status(void (*body)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        _exit(99);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return st;
}

static void do_segv(void)
{
    /* no handler: the default action kills */
    *(volatile int *)8 = 1;
}

static void do_abort(void)
{
    abort();
}

static void do_term(void)
{
    kill(getpid(), SIGTERM);
    pause();
}

int main(void)
{
    int p[2];
    char c;

    /* SA_RESTART: the read goes on after the handler */
    set(SIGUSR1, on_usr1, SA_RESTART);
    pipe(p);
    pid_t pid = signal_then_write(p[1]);
    ssize_t n = read(p[0], &c, 1);
    CHECK("SA_RESTART read result", n, 1);
    CHECK("SA_RESTART handler ran", usr1_count, 1);
    waitpid(pid, NULL, 0);

    /* without SA_RESTART: EINTR */
    set(SIGUSR1, on_usr1, 0);
    usr1_count = 0;
    pid = signal_then_write(p[1]);
    errno = 0;
    n = read(p[0], &c, 1);
    CHECK("no SA_RESTART: read fails", n, -1);
    CHECK("no SA_RESTART: EINTR", errno, EINTR);
    CHECK("no SA_RESTART: handler ran", usr1_count, 1);
    CHECK("byte still arrives", read(p[0], &c, 1), 1);
    waitpid(pid, NULL, 0);

    /* SIGCHLD on child exit */
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t s, old;
    sigemptyset(&s);
    sigaddset(&s, SIGCHLD);
    sigprocmask(SIG_BLOCK, &s, &old);
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        _exit(7);
    chld_expect = pid;
    while (!chld_count)
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    CHECK("SIGCHLD count", chld_count, 1);
    CHECK("SIGCHLD si_code", chld_code, CLD_EXITED);
    CHECK("SIGCHLD si_status", chld_status, 7);
    CHECK("SIGCHLD si_pid", chld_pid_ok, 1);
    int st;
    CHECK("reaped", waitpid(pid, &st, 0) == pid, 1);
    CHECK("exit status", WEXITSTATUS(st), 7);
    signal(SIGCHLD, SIG_DFL);

    /* waitid fills a siginfo in the guest's layout */
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        _exit(5);
    siginfo_t wi;
    memset(&wi, 0, sizeof(wi));
    CHECK("waitid", waitid(P_PID, pid, &wi, WEXITED), 0);
    CHECK("waitid si_signo", wi.si_signo, SIGCHLD);
    CHECK("waitid si_code", wi.si_code, CLD_EXITED);
    CHECK("waitid si_pid", wi.si_pid == pid, 1);
    CHECK("waitid si_status", wi.si_status, 5);

    /* wait statuses of children killed by signals */
    st = child_status(do_segv);
    CHECK("segv child signaled", WIFSIGNALED(st), 1);
    CHECK("segv child signal", WTERMSIG(st), SIGSEGV);
    st = child_status(do_abort);
    CHECK("abort child signal", WIFSIGNALED(st) ? WTERMSIG(st) : 0, SIGABRT);
    st = child_status(do_term);
    CHECK("term child signal", WIFSIGNALED(st) ? WTERMSIG(st) : 0, SIGTERM);

    /* a signal sent right after fork is not lost in the child */
    int killed = 0;
    for (int i = 0; i < 5; i++) {
        fflush(stdout);
        pid = fork();
        if (pid == 0) {
            sleep(3);
            _exit(0);
        }
        kill(pid, SIGTERM);
        waitpid(pid, &st, 0);
        killed += WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM;
    }
    CHECK("SIGTERM right after fork", killed, 5);

    /* signalfd */
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    sigprocmask(SIG_BLOCK, &s, &old);
    int fd = signalfd(-1, &s, 0);
    CHECK_TRUE("signalfd", fd >= 0);
    union sigval v = { .sival_int = 5 };
    sigqueue(getpid(), SIGUSR2, v);
    struct signalfd_siginfo fi;
    CHECK("signalfd read", read(fd, &fi, sizeof(fi)), sizeof(fi));
    CHECK("signalfd signo", fi.ssi_signo, SIGUSR2);
    CHECK("signalfd code", fi.ssi_code, SI_QUEUE);
    CHECK("signalfd value", fi.ssi_int, 5);
    close(fd);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return check_done("sig_process");
}
