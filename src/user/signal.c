/*
 * Guest signal delivery (see signal.h for the model): host handlers that
 * queue, the per-thread queue, dispositions, default actions, and the
 * hand-over to the architecture's frame code (user_abi->setup_frame).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine/exec.h"
#include "target/target.h"
#include "user/abi.h"
#include "user/cpu_loop.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/log.h"

__thread struct user_thread *user_self;

static struct user_thread main_thread;
static struct user_sigaction actions[GUEST_NSIG_MAX + 1];
static pthread_mutex_t actions_lock = PTHREAD_MUTEX_INITIALIZER;

/* The kernel's sigaction for the raw syscall (glibc refuses signals 32
 * and 33, which the guest's own libc uses). */
struct host_ksigaction {
    void *handler;
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};
extern void kemu_host_sigreturn(void);

static int host_sigaction(int sig, const struct host_ksigaction *act,
                          struct host_ksigaction *old)
{
    return (int)syscall(SYS_rt_sigaction, sig, act, old, 8);
}

static void host_sigmask(int how, const uint64_t *set, uint64_t *old)
{
    syscall(SYS_rt_sigprocmask, how, set, old, 8);
}

static inline uint64_t sigbit(int sig)
{
    return 1ull << (sig - 1);
}

/* Host signals kemu never blocks nor lets the guest ignore: it needs
 * them for guest faults and code-page write tracking. */
static bool host_reserved(int h)
{
    return h == SIGSEGV || h == SIGBUS;
}

void user_mask_to_host(uint64_t mask, void *out)
{
    uint64_t h = 0;
    for (int s = 1; s <= GUEST_NSIG; s++) {
        if (!(mask & sigbit(s)))
            continue;
        int hs = abi_signal_to_host(s);
        if (hs > 0 && hs <= 64 && !host_reserved(hs) && hs != SIGKILL &&
            hs != SIGSTOP)
            h |= sigbit(hs);
    }
    memcpy(out, &h, 8);
}

uint64_t user_mask_from_host(const void *in)
{
    uint64_t h, g = 0;
    memcpy(&h, in, 8);
    for (int s = 1; s <= 64; s++) {
        if (!(h & sigbit(s)))
            continue;
        int gs = abi_signal_to_guest(s);
        if (gs > 0 && gs <= GUEST_NSIG)
            g |= sigbit(gs);
    }
    return g;
}

void user_block_all(void)
{
    uint64_t all = ~0ull;
    host_sigmask(SIG_BLOCK, &all, NULL);
}

void user_unblock_mirror(void)
{
    uint64_t h;
    user_mask_to_host(user_self ? user_self->sigmask : 0, &h);
    host_sigmask(SIG_SETMASK, &h, NULL);
}

void user_set_sigmask(uint64_t mask)
{
    struct user_thread *ts = user_self;
    mask &= ~(sigbit(abi_signal_to_guest(SIGKILL)) |
              sigbit(abi_signal_to_guest(SIGSTOP)));
    ts->sigmask = mask;
    user_unblock_mirror();
    /* A signal queued while it was blocked may be deliverable now. */
    if (ts->nq)
        cpu_exit(ts->cpu);
}

/* ---- siginfo ------------------------------------------------------------ */

static int si_kind(int host_sig, int code)
{
    switch (code) {
    case SI_TIMER: return USI_TIMER;
    case SI_QUEUE: case SI_MESGQ: case SI_ASYNCIO: return USI_RT;
    }
    if (code <= 0 || code == SI_KERNEL)
        return USI_KILL;
    switch (host_sig) {
    case SIGCHLD: return USI_CHLD;
    case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
        return USI_FAULT;
    case SIGPOLL: return USI_POLL;
    }
    return USI_KILL;
}

void user_siginfo_from_host(struct user_siginfo *u, const void *hsi)
{
    const siginfo_t *si = hsi;
    memset(u, 0, sizeof(*u));
    u->signo = abi_signal_to_guest(si->si_signo);
    u->err = si->si_errno;
    u->code = si->si_code;
    u->kind = si_kind(si->si_signo, si->si_code);
    switch (u->kind) {
    case USI_TIMER:
        u->timerid = si->si_timerid;
        u->overrun = si->si_overrun;
        u->value = (uint64_t)(uintptr_t)si->si_value.sival_ptr;
        break;
    case USI_RT:
        u->value = (uint64_t)(uintptr_t)si->si_value.sival_ptr;
        /* fall through */
    case USI_KILL:
        u->pid = si->si_pid;
        u->uid = si->si_uid;
        break;
    case USI_CHLD:
        u->pid = si->si_pid;
        u->uid = si->si_uid;
        u->status = si->si_status;
        if (si->si_code == CLD_KILLED || si->si_code == CLD_DUMPED ||
            si->si_code == CLD_STOPPED || si->si_code == CLD_TRAPPED)
            u->status = abi_signal_to_guest(si->si_status);
        u->utime = si->si_utime;
        u->stime = si->si_stime;
        break;
    case USI_FAULT:
        u->addr = h2g_valid(si->si_addr) ? h2g(si->si_addr)
                                         : (uint64_t)(uintptr_t)si->si_addr;
        break;
    case USI_POLL:
        u->band = si->si_band;
        u->fd = si->si_fd;
        break;
    }
}

void user_siginfo_to_host(const struct user_siginfo *u, void *hsi)
{
    siginfo_t *si = hsi;
    memset(si, 0, sizeof(*si));
    si->si_signo = abi_signal_to_host(u->signo);
    si->si_errno = u->err;
    si->si_code = u->code;
    switch (u->kind) {
    case USI_TIMER:
        si->si_timerid = u->timerid;
        si->si_overrun = u->overrun;
        si->si_value.sival_ptr = (void *)(uintptr_t)u->value;
        break;
    case USI_RT:
        si->si_value.sival_ptr = (void *)(uintptr_t)u->value;
        /* fall through */
    case USI_KILL:
        si->si_pid = u->pid;
        si->si_uid = u->uid;
        break;
    case USI_CHLD:
        si->si_pid = u->pid;
        si->si_uid = u->uid;
        si->si_status = u->status;
        break;
    case USI_FAULT:
        si->si_addr = (void *)(uintptr_t)u->addr;
        break;
    case USI_POLL:
        si->si_band = u->band;
        si->si_fd = u->fd;
        break;
    }
}

/* si_code host <-> guest through the ABI's table of differing values. */
static int si_code_convert(int code, bool to_guest)
{
    for (size_t i = 0; i < user_abi->n_si_codes; i++)
        if (user_abi->si_codes[i][to_guest ? 0 : 1] == code)
            return user_abi->si_codes[i][to_guest ? 1 : 0];
    return code;
}

int user_si_code_to_guest(int code)
{
    return si_code_convert(code, true);
}

/* Offsets of si_errno and si_code: after si_signo, in the ABI's order. */
static int si_errno_off(void)
{
    return user_abi->siginfo_code_first ? 8 : 4;
}

static int si_code_off(void)
{
    return user_abi->siginfo_code_first ? 4 : 8;
}

/*
 * The guest's siginfo: 128 bytes; signo, errno, code ints (signo, code,
 * errno on MIPS), then the union at 12 (32-bit) or 16 (64-bit,
 * pointer-aligned).
 */
void user_siginfo_to_guest(uint8_t *g, const struct user_siginfo *u)
{
    int L = ABI_LONG, un = L == 8 ? 16 : 12;
    memset(g, 0, 128);
    abi_st(g, 4, u->signo);
    abi_st(g + si_errno_off(), 4, u->err);
    abi_st(g + si_code_off(), 4, si_code_convert(u->code, true));
    switch (u->kind) {
    case USI_TIMER:
        abi_st(g + un, 4, u->timerid);
        abi_st(g + un + 4, 4, u->overrun);
        abi_st(g + un + 8, L, u->value);
        break;
    case USI_RT:
        abi_st(g + un + 8, L, u->value);
        /* fall through */
    case USI_KILL:
        abi_st(g + un, 4, u->pid);
        abi_st(g + un + 4, 4, u->uid);
        break;
    case USI_CHLD:
        abi_st(g + un, 4, u->pid);
        abi_st(g + un + 4, 4, u->uid);
        abi_st(g + un + 8, 4, u->status);
        abi_st(g + un + 8 + L, L, u->utime);
        abi_st(g + un + 8 + 2 * L, L, u->stime);
        break;
    case USI_FAULT:
        abi_st(g + un, L, u->addr);
        break;
    case USI_POLL:
        abi_st(g + un, L, u->band);
        abi_st(g + un + L, 4, u->fd);
        break;
    }
}

void user_siginfo_from_guest(struct user_siginfo *u, const uint8_t *g)
{
    int L = ABI_LONG, un = L == 8 ? 16 : 12;
    memset(u, 0, sizeof(*u));
    u->signo = (int)abi_ld(g, 4);
    u->err = (int)abi_ld(g + si_errno_off(), 4);
    u->code = si_code_convert((int)abi_ld(g + si_code_off(), 4), false);
    int hs = abi_signal_to_host(u->signo);
    u->kind = si_kind(hs, u->code);
    switch (u->kind) {
    case USI_TIMER:
        u->timerid = (int)abi_ld(g + un, 4);
        u->overrun = (int)abi_ld(g + un + 4, 4);
        u->value = abi_ld(g + un + 8, L);
        break;
    case USI_RT:
        u->value = abi_ld(g + un + 8, L);
        /* fall through */
    case USI_KILL:
        u->pid = (int)abi_ld(g + un, 4);
        u->uid = (int)abi_ld(g + un + 4, 4);
        break;
    case USI_CHLD:
        u->pid = (int)abi_ld(g + un, 4);
        u->uid = (int)abi_ld(g + un + 4, 4);
        u->status = (int)abi_ld(g + un + 8, 4);
        break;
    case USI_FAULT:
        u->addr = abi_ld(g + un, L);
        break;
    case USI_POLL:
        u->band = abi_slong(abi_ld(g + un, L));
        u->fd = (int)abi_ld(g + un + L, 4);
        break;
    }
}

/* ---- the guest's sigset_t -------------------------------------------------- */

/*
 * The kernel's sigset_t is an array of longs in the guest's byte order
 * (8 bytes on ARM, 16 on MIPS); signal n is bit (n-1) % bits of word
 * (n-1) / bits.  kemu keeps signals 1..64: higher ones read as absent
 * and are written as zero.
 */
uint32_t user_sigset_size(void)
{
    return user_abi->sigset_size ? user_abi->sigset_size : 8;
}

uint64_t user_sigset_load(const uint8_t *g)
{
    int L = ABI_LONG;
    uint64_t m = 0;
    for (int i = 0; i * L < 8; i++)
        m |= abi_ld(g + i * L, L) << (i * L * 8);
    return m;
}

void user_sigset_store(uint8_t *g, uint64_t mask)
{
    int L = ABI_LONG;
    memset(g, 0, user_sigset_size());
    for (int i = 0; i * L < 8; i++)
        abi_st(g + i * L, L, L == 8 ? mask : (uint32_t)(mask >> (32 * i)));
}

int user_nsig(void)
{
    int n = (int)user_sigset_size() * 8;
    return n > GUEST_NSIG_MAX ? GUEST_NSIG_MAX : n;
}

uint64_t user_sigset_load_hi(const uint8_t *g)
{
    return user_sigset_size() >= 16 ? user_sigset_load(g + 8) : 0;
}

void user_sigset_store_hi(uint8_t *g, uint64_t hi)
{
    int L = ABI_LONG;
    if (user_sigset_size() < 16)
        return;
    for (int i = 0; i * L < 8; i++)
        abi_st(g + 8 + i * L, L, L == 8 ? hi : (uint32_t)(hi >> (32 * i)));
}

bool user_get_sigset(uint64_t addr, uint64_t *mask)
{
    const uint8_t *g = user_ptr(addr, user_sigset_size(), false);
    if (!g)
        return false;
    *mask = user_sigset_load(g);
    return true;
}

bool user_put_sigset(uint64_t addr, uint64_t mask)
{
    uint8_t *g = user_ptr(addr, user_sigset_size(), true);
    if (!g)
        return false;
    user_sigset_store(g, mask);
    return true;
}

/* ---- the queue (host signals blocked, or inside the host handler) ------- */

static bool is_rt(int sig)
{
    return sig >= 32;
}

static void enqueue(struct user_thread *ts, const struct user_siginfo *u)
{
    /* Standard signals are not queued twice. */
    if (!is_rt(u->signo))
        for (int i = 0; i < ts->nq; i++)
            if (ts->q[i].signo == u->signo && !ts->q[i].forced && !u->forced)
                return;
    if (ts->nq == USER_SIGQ_MAX)
        return;               /* as a full RLIMIT_SIGPENDING: dropped */
    if (u->forced) {
        memmove(&ts->q[1], &ts->q[0], ts->nq * sizeof(ts->q[0]));
        ts->q[0] = *u;
    } else {
        ts->q[ts->nq] = *u;
    }
    ts->nq++;
}

static void dequeue_at(struct user_thread *ts, int i)
{
    ts->nq--;
    memmove(&ts->q[i], &ts->q[i + 1], (ts->nq - i) * sizeof(ts->q[0]));
}

/* The next signal to deliver: forced ones, then the lowest number. */
static int pick(struct user_thread *ts, uint64_t mask)
{
    int best = -1;
    for (int i = 0; i < ts->nq; i++) {
        const struct user_siginfo *u = &ts->q[i];
        if (u->forced)
            return i;
        if (mask & sigbit(u->signo))
            continue;
        if (best < 0 || u->signo < ts->q[best].signo)
            best = i;
    }
    return best;
}

static void host_signal(int hsig, siginfo_t *si, void *uc)
{
    struct user_thread *ts = user_self;
    int saved = errno;
    if (ts) {
        struct user_siginfo u;
        user_siginfo_from_host(&u, si);
        if (u.signo > 0 && u.signo <= GUEST_NSIG) {
            enqueue(ts, &u);
            ts->signal_pending = 1;
            cpu_exit(ts->cpu);
            safe_syscall_rewind(uc);
        }
    }
    errno = saved;
}

/* From the host SIGSEGV/SIGBUS handler: a signal someone sent (not a
 * fault of ours). */
void user_signal_host_async(int sig, void *si, void *uc)
{
    /* That handler runs with other signals open: close them (the
     * kernel restores the mask when the handler returns). */
    user_block_all();
    host_signal(sig, si, uc);
}

/* ---- dispositions --------------------------------------------------------- */

enum { ACT_TERM, ACT_IGN, ACT_CORE, ACT_STOP, ACT_CONT };

static int default_action(int hs)
{
    switch (hs) {
    case SIGCHLD: case SIGURG: case SIGWINCH: return ACT_IGN;
    case SIGCONT: return ACT_CONT;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU: return ACT_STOP;
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
    case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return ACT_CORE;
    }
    return ACT_TERM;
}

/* Point the host disposition of guest signal sig at what kemu needs. */
static void host_install(int sig, const struct user_sigaction *a)
{
    int hs = abi_signal_to_host(sig);
    if (hs <= 0 || hs > 64 || hs == SIGKILL || hs == SIGSTOP ||
        host_reserved(hs))
        return;
    struct host_ksigaction k;
    memset(&k, 0, sizeof(k));
    k.restorer = kemu_host_sigreturn;
    if (a->handler == 1) {
        k.handler = SIG_IGN;      /* exec keeps it; SIGCHLD reaps itself */
    } else {
        k.handler = (void *)host_signal;
        k.mask = ~0ull;
        k.flags = SA_SIGINFO | SA_RESTORER;
        if (hs == SIGCHLD)
            k.flags |= a->flags & (SA_NOCLDSTOP | SA_NOCLDWAIT);
    }
    host_sigaction(hs, &k, NULL);
}

void user_sigaction_get(int sig, struct user_sigaction *out)
{
    pthread_mutex_lock(&actions_lock);
    *out = actions[sig];
    pthread_mutex_unlock(&actions_lock);
}

int user_sigaction_set(int sig, const struct user_sigaction *act)
{
    int hs = abi_signal_to_host(sig);
    if (sig <= 0 || sig > user_nsig())
        return -EINVAL;
    if (hs == SIGKILL || hs == SIGSTOP)
        return -EINVAL;
    pthread_mutex_lock(&actions_lock);
    actions[sig] = *act;
    host_install(sig, act);
    pthread_mutex_unlock(&actions_lock);
    /* Setting SIG_IGN (or SIG_DFL of an ignore-by-default signal)
     * discards what is queued of it. */
    if (user_self && (act->handler == 1 ||
                      (act->handler == 0 && default_action(hs) == ACT_IGN))) {
        struct user_thread *ts = user_self;
        user_block_all();
        for (int i = ts->nq - 1; i >= 0; i--)
            if (ts->q[i].signo == sig && !ts->q[i].forced)
                dequeue_at(ts, i);
        user_unblock_mirror();
    }
    return 0;
}

static bool ignored(int sig, const struct user_sigaction *a)
{
    if (a->handler == 1)
        return true;
    return a->handler == 0 &&
           (default_action(abi_signal_to_host(sig)) == ACT_IGN ||
            default_action(abi_signal_to_host(sig)) == ACT_CONT);
}

bool user_signal_deliverable(uint64_t mask)
{
    struct user_thread *ts = user_self;
    for (;;) {
        int i = pick(ts, mask);
        if (i < 0)
            return false;
        struct user_sigaction a;
        user_sigaction_get(ts->q[i].signo, &a);
        if (!ts->q[i].forced && ignored(ts->q[i].signo, &a)) {
            dequeue_at(ts, i);
            continue;
        }
        return true;
    }
}

/* ---- delivery ------------------------------------------------------------ */

/* Stop the process as the host's default action would, then go on. */
static void stop_self(int hs)
{
    struct host_ksigaction dfl, old;
    memset(&dfl, 0, sizeof(dfl));
    dfl.handler = SIG_DFL;
    host_sigaction(hs, &dfl, &old);
    uint64_t set = sigbit(hs);
    host_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(hs);
    host_sigaction(hs, &old, NULL);
    user_unblock_mirror();
}

static void default_act(struct cpu_common *cpu, const struct user_siginfo *u)
{
    int hs = abi_signal_to_host(u->signo);
    switch (default_action(hs)) {
    case ACT_IGN:
    case ACT_CONT:
        return;
    case ACT_STOP:
        stop_self(hs);
        return;
    default:
        if (log_enabled(LOG_STRACE))
            log_printf("--- killed by signal %d ---\n", u->signo);
        user_die_by_signal(hs);
    }
}

static void deliver(struct cpu_common *cpu, struct user_thread *ts,
                    struct user_siginfo *u)
{
    struct user_sigaction ka;
    int sig = u->signo;

    user_sigaction_get(sig, &ka);
    if (log_enabled(LOG_STRACE))
        log_printf("--- signal %d code %d addr/pid 0x%llx ---\n", sig, u->code,
                   (unsigned long long)(u->kind == USI_FAULT ? u->addr
                                                             : (uint64_t)u->pid));
    if (ka.handler == 1)
        return;
    if (ka.handler == 0) {
        default_act(cpu, u);
        return;
    }

    /* An interrupted syscall: EINTR unless the handler asked for restarts. */
    if (ts->restart_syscall) {
        ts->restart_syscall = false;
        if (ts->restart_nohand || !(ka.flags & SA_RESTART)) {
            cpu->target->set_pc(cpu, ts->restart_pc);
            user_abi->set_syscall_result(cpu, -abi_errno_to_guest(EINTR));
        }
    }

    uint64_t oldmask = ts->have_saved_mask ? ts->saved_mask : ts->sigmask;
    ts->have_saved_mask = false;
    if (!user_abi->setup_frame ||
        !user_abi->setup_frame(cpu, sig, &ka, u, oldmask)) {
        /* No room for the frame: the kernel kills with SIGSEGV. */
        if (log_enabled(LOG_STRACE))
            log_printf("--- cannot build the frame for signal %d ---\n", sig);
        user_die_by_signal(SIGSEGV);
    }
    uint64_t mask = ts->sigmask | ka.mask;
    if (!(ka.flags & SA_NODEFER))
        mask |= sigbit(sig);
    if (ka.flags & SA_RESETHAND) {
        struct user_sigaction dfl = ka;
        dfl.handler = 0;
        user_sigaction_set(sig, &dfl);
    }
    user_set_sigmask(mask);
}

void user_signal_process(struct cpu_common *cpu)
{
    struct user_thread *ts = user_self;

    for (;;) {
        user_block_all();
        ts->signal_pending = 0;
        int i = pick(ts, ts->sigmask);
        if (i < 0) {
            user_unblock_mirror();
            break;
        }
        struct user_siginfo u = ts->q[i];
        dequeue_at(ts, i);
        user_unblock_mirror();
        deliver(cpu, ts, &u);
    }
    /* Nothing took the interrupted syscall: run it again. */
    ts->restart_syscall = false;
    if (ts->have_saved_mask) {
        ts->have_saved_mask = false;
        user_set_sigmask(ts->saved_mask);
    }
}

bool user_signal_force(struct cpu_common *cpu, int hs, int code, uint64_t addr)
{
    struct user_thread *ts = user_self;
    struct user_siginfo u;
    struct user_sigaction ka;
    int sig = abi_signal_to_guest(hs);

    user_sigaction_get(sig, &ka);
    /* Blocked or not handled: the default action (the caller reports). */
    if (!ts || ka.handler <= 1 || (ts->sigmask & sigbit(sig)))
        return false;
    memset(&u, 0, sizeof(u));
    u.signo = sig;
    u.code = code;
    u.kind = USI_FAULT;
    u.addr = addr;
    u.forced = true;
    user_block_all();
    enqueue(ts, &u);
    user_unblock_mirror();
    user_signal_process(cpu);
    return true;
}

void user_push_sigmask(uint64_t mask)
{
    struct user_thread *ts = user_self;
    ts->saved_mask = ts->sigmask;
    ts->have_saved_mask = true;
    user_set_sigmask(mask);
}

void user_pop_sigmask(bool interrupted)
{
    struct user_thread *ts = user_self;
    if (interrupted || !ts->have_saved_mask)
        return;
    ts->have_saved_mask = false;
    user_set_sigmask(ts->saved_mask);
}

bool user_sleep_interrupted(void)
{
    struct user_thread *ts = user_self;
    user_block_all();
    bool due = user_signal_deliverable(ts->sigmask);
    if (!due)
        ts->signal_pending = 0;
    user_unblock_mirror();
    return due;
}

/* ---- the alternate stack -------------------------------------------------- */

bool user_on_altstack(uint64_t sp)
{
    struct user_thread *ts = user_self;
    if (ts->ss_flags & SS_AUTODISARM)
        return false;
    return ts->ss_size && sp > ts->ss_sp && sp - ts->ss_sp <= ts->ss_size;
}

uint64_t user_sigframe_sp(const struct user_sigaction *ka, uint64_t sp)
{
    struct user_thread *ts = user_self;
    if ((ka->flags & SA_ONSTACK) && ts->ss_size && !user_on_altstack(sp))
        return ts->ss_sp + ts->ss_size;
    return sp;
}

/* stack_t: pointer, int flags, size_t size; or pointer, size, flags
 * (MIPS).  Offsets of flags and size: */
static int ss_flags_off(void)
{
    return user_abi->stack_size_first ? 2 * ABI_LONG : ABI_LONG;
}

static int ss_size_off(void)
{
    return user_abi->stack_size_first ? ABI_LONG : 2 * ABI_LONG;
}

static void put_stack(uint8_t *g, uint64_t sp, uint32_t flags, uint64_t size)
{
    int L = ABI_LONG;
    memset(g, 0, 3 * L);
    abi_st(g, L, sp);
    abi_st(g + ss_flags_off(), 4, flags);
    abi_st(g + ss_size_off(), L, size);
}

void user_save_altstack(uint8_t *g, uint64_t sp)
{
    struct user_thread *ts = user_self;
    uint32_t flags = ts->ss_size ? (ts->ss_flags & SS_AUTODISARM) : SS_DISABLE;
    if (user_on_altstack(sp))
        flags = SS_ONSTACK;
    put_stack(g, ts->ss_sp, flags, ts->ss_size);
    if (ts->ss_flags & SS_AUTODISARM) {
        ts->ss_sp = ts->ss_size = 0;
        ts->ss_flags = SS_DISABLE;
    }
}

int user_do_sigaltstack(const uint8_t *ss, uint8_t *old, uint64_t sp)
{
    struct user_thread *ts = user_self;
    int L = ABI_LONG;
    uint8_t o[24];

    put_stack(o, ts->ss_sp,
              user_on_altstack(sp) ? SS_ONSTACK
              : ts->ss_size ? (ts->ss_flags & SS_AUTODISARM) : SS_DISABLE,
              ts->ss_size);
    if (ss) {
        uint64_t nsp = abi_ld(ss, L), nsize = abi_ld(ss + ss_size_off(), L);
        uint32_t flags = (uint32_t)abi_ld(ss + ss_flags_off(), 4);
        uint32_t mode = flags & ~SS_AUTODISARM;
        if (user_on_altstack(sp))
            return -EPERM;
        if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
            return -EINVAL;
        if (mode == SS_DISABLE) {
            nsp = nsize = 0;
        } else if (nsize < user_abi->minsigstksz) {
            return -ENOMEM;
        }
        ts->ss_sp = nsp;
        ts->ss_size = nsize;
        ts->ss_flags = mode == SS_DISABLE ? SS_DISABLE : (flags & SS_AUTODISARM);
    }
    if (old)
        memcpy(old, o, 3 * L);
    return 0;
}

/* ---- set-up ---------------------------------------------------------------- */

struct user_thread *user_main_thread(void)
{
    return &main_thread;
}

void user_thread_attach(struct user_thread *ts, struct cpu_common *cpu)
{
    ts->cpu = cpu;
    ts->tid = (int)gettid();
    cpu->user = ts;
    user_self = ts;
}

void user_signal_init(struct cpu_common *cpu)
{
    uint64_t hmask;

    user_thread_attach(&main_thread, cpu);
    /* exec keeps the mask and the ignored signals: take them over. */
    host_sigmask(SIG_SETMASK, NULL, &hmask);
    main_thread.sigmask = user_mask_from_host(&hmask);
    for (int s = 1; s <= GUEST_NSIG; s++) {
        int hs = abi_signal_to_host(s);
        struct host_ksigaction old;
        if (hs <= 0 || hs > 64 || hs == SIGKILL || hs == SIGSTOP)
            continue;
        if (host_sigaction(hs, NULL, &old) == 0 && old.handler == SIG_IGN &&
            !host_reserved(hs))
            actions[s].handler = 1;
        host_install(s, &actions[s]);
    }
    user_set_sigmask(main_thread.sigmask);
}
