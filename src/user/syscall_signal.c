/*
 * Signal syscalls: dispositions, masks, the alternate stack, sigreturn,
 * waiting for signals, sending them, signalfd.  Delivery itself is
 * user/signal.c; frames are the arch's (user_abi->setup_frame).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine/exec.h"
#include "user/cpu_loop.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/log.h"

static inline uint64_t sigbit(int sig)
{
    return 1ull << (sig - 1);
}

int64_t sys_rt_sigaction(struct cpu_common *cpu, const uint64_t *a)
{
    const struct abi_sigaction_layout *L = user_abi->sigaction;
    int sig = (int)a[0];
    struct user_sigaction old, n;

    if (sig <= 0 || sig > user_nsig() || a[3] != user_sigset_size())
        return -EINVAL;
    user_sigaction_get(sig, &old);
    if (a[1]) {
        const uint8_t *g = user_ptr(a[1], L->size, false);
        if (!g)
            return -EFAULT;
        memset(&n, 0, sizeof(n));
        n.handler = get_field(g, L->handler);
        n.guest_flags = (uint32_t)get_field(g, L->flags);
        n.flags = abi_bits_to_host(user_abi->sa_flags, n.guest_flags);
        n.restorer = get_field(g, L->restorer);
        n.mask = user_sigset_load(g + L->mask.off);
        int r = user_sigaction_set(sig, &n);
        if (r < 0)
            return r;
    }
    if (a[2]) {
        uint8_t *g = user_ptr(a[2], L->size, true);
        if (!g)
            return -EFAULT;
        memset(g, 0, L->size);
        put_field(g, L->handler, old.handler);
        put_field(g, L->flags, old.guest_flags);
        put_field(g, L->restorer, old.restorer);
        user_sigset_store(g + L->mask.off, old.mask);
    }
    return 0;
}

/* Signals 65..128 (MIPS) only live in sigmask_hi: set and read back. */
int64_t sys_rt_sigprocmask(struct cpu_common *cpu, const uint64_t *a)
{
    struct user_thread *ts = user_self;
    uint64_t set = 0, old = ts->sigmask, mask = old;
    uint64_t set_hi = 0, old_hi = ts->sigmask_hi, mask_hi = old_hi;
    uint32_t size = user_sigset_size();
    if (a[3] != size)
        return -EINVAL;
    if (a[1]) {
        const uint8_t *g = user_ptr(a[1], size, false);
        if (!g)
            return -EFAULT;
        set = user_sigset_load(g);
        set_hi = user_sigset_load_hi(g);
        switch ((int)a[0]) {
        case SIG_BLOCK: mask |= set; mask_hi |= set_hi; break;
        case SIG_UNBLOCK: mask &= ~set; mask_hi &= ~set_hi; break;
        case SIG_SETMASK: mask = set; mask_hi = set_hi; break;
        default: return -EINVAL;
        }
    }
    if (a[2]) {
        uint8_t *g = user_ptr(a[2], size, true);
        if (!g)
            return -EFAULT;
        user_sigset_store(g, old);
        user_sigset_store_hi(g, old_hi);
    }
    if (a[1]) {
        ts->sigmask_hi = mask_hi;
        user_set_sigmask(mask);
    }
    return 0;
}

int64_t sys_rt_sigpending(struct cpu_common *cpu, const uint64_t *a)
{
    struct user_thread *ts = user_self;
    uint64_t hset = 0, pend;
    if (a[1] != user_sigset_size())
        return -EINVAL;
    if (syscall(SYS_rt_sigpending, &hset, 8) < 0)
        return -errno;
    pend = user_mask_from_host(&hset);
    user_block_all();
    for (int i = 0; i < ts->nq; i++)
        pend |= sigbit(ts->q[i].signo);
    user_unblock_mirror();
    return user_put_sigset(a[0], pend & ts->sigmask) ? 0 : -EFAULT;
}

int64_t sys_sigaltstack(struct cpu_common *cpu, const uint64_t *a)
{
    int L = ABI_LONG;
    const uint8_t *ss = NULL;
    uint8_t *old = NULL;
    uint64_t sp;

    if (a[0] && !(ss = user_ptr(a[0], 3 * L, false)))
        return -EFAULT;
    if (a[1] && !(old = user_ptr(a[1], 3 * L, true)))
        return -EFAULT;
    sp = user_abi->get_sp(cpu);
    return user_do_sigaltstack(ss, old, sp);
}

static int64_t do_sigreturn(struct cpu_common *cpu, bool rt)
{
    if (!user_abi->sigreturn || !user_abi->sigreturn(cpu, rt)) {
        /* A corrupt frame: the kernel kills with SIGSEGV. */
        if (log_enabled(LOG_STRACE) || log_enabled(LOG_UNIMP))
            log_printf("%ssigreturn: bad frame\n", rt ? "rt_" : "");
        user_die_by_signal(SIGSEGV);
    }
    return -USER_ESIGRETURN;
}

int64_t sys_rt_sigreturn(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sigreturn(cpu, true);
}

int64_t sys_sigreturn(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sigreturn(cpu, false);
}

/*
 * Sleep with mask until a signal that a handler takes (or that kills)
 * arrives; the old mask comes back after the handler (saved_mask).
 */
static int64_t suspend_with(uint64_t mask)
{
    struct user_thread *ts = user_self;
    uint64_t hmask;

    mask &= ~(sigbit(abi_signal_to_guest(SIGKILL)) |
              sigbit(abi_signal_to_guest(SIGSTOP)));
    ts->saved_mask = ts->sigmask;
    ts->have_saved_mask = true;
    ts->sigmask = mask;
    user_mask_to_host(mask, &hmask);
    for (;;) {
        user_block_all();
        if (user_signal_deliverable(mask))
            break;
        ts->signal_pending = 0;
        /* Atomically opens the mask and sleeps: nothing can slip by. */
        syscall(SYS_rt_sigsuspend, &hmask, 8);
    }
    user_unblock_mirror();
    return -EINTR;
}

int64_t sys_rt_sigsuspend(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t mask;
    if (a[1] != user_sigset_size())
        return -EINVAL;
    if (!user_get_sigset(a[0], &mask))
        return -EFAULT;
    return suspend_with(mask);
}

int64_t sys_pause(struct cpu_common *cpu, const uint64_t *a)
{
    int64_t r = suspend_with(user_self->sigmask);
    user_self->have_saved_mask = false;
    return r;
}

static bool get_timeout(uint64_t addr, int tsize, struct timespec *ts)
{
    const uint8_t *g = user_ptr(addr, 2 * tsize, false);
    if (!g)
        return false;
    ts->tv_sec = tsize == 4 ? (int32_t)abi_ld(g, 4) : (int64_t)abi_ld(g, 8);
    ts->tv_nsec = tsize == 4 ? (int32_t)abi_ld(g + 4, 4)
                             : abi_slong(abi_ld(g + 8, 8)); /* 32-bit ABIs: int nsec + pad */
    return true;
}

static int64_t do_sigtimedwait(const uint64_t *a, int tsize)
{
    struct user_thread *ts = user_self;
    struct timespec tmo;
    uint64_t set, hset;
    uint8_t *ginfo = NULL;
    struct user_siginfo u;

    if (a[3] != user_sigset_size())
        return -EINVAL;
    if (!user_get_sigset(a[0], &set))
        return -EFAULT;
    if (a[1] && !(ginfo = user_ptr(a[1], 128, true)))
        return -EFAULT;
    if (a[2] && !get_timeout(a[2], tsize, &tmo))
        return -EFAULT;

    /* Queued already (it arrived while open, then got blocked)? */
    user_block_all();
    int found = -1;
    for (int i = 0; i < ts->nq; i++)
        if (!ts->q[i].forced && (set & sigbit(ts->q[i].signo))) {
            found = i;
            break;
        }
    if (found >= 0) {
        u = ts->q[found];
        ts->nq--;
        memmove(&ts->q[found], &ts->q[found + 1],
                (ts->nq - found) * sizeof(ts->q[0]));
    }
    user_unblock_mirror();
    if (found < 0) {
        siginfo_t hsi;
        user_mask_to_host(set, &hset);
        long r = safe_syscall(SYS_rt_sigtimedwait, (long)&hset, (long)&hsi,
                              a[2] ? (long)&tmo : 0, 8, 0, 0);
        if (r < 0)
            return r;
        user_siginfo_from_host(&u, &hsi);
    }
    if (ginfo)
        user_siginfo_to_guest(ginfo, &u);
    return u.signo;
}

int64_t sys_rt_sigtimedwait(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sigtimedwait(a, ABI_LONG);
}

int64_t sys_rt_sigtimedwait_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sigtimedwait(a, 8);
}

static int host_sig(uint64_t g)
{
    int s = (int)g;
    return s == 0 ? 0 : abi_signal_to_host(s);
}

static int64_t get_host_siginfo(uint64_t addr, int hs, siginfo_t *hsi)
{
    struct user_siginfo u;
    const uint8_t *g = user_ptr(addr, 128, false);
    if (!g)
        return -EFAULT;
    user_siginfo_from_guest(&u, g);
    user_siginfo_to_host(&u, hsi);
    hsi->si_signo = hs;
    return 0;
}

int64_t sys_rt_sigqueueinfo(struct cpu_common *cpu, const uint64_t *a)
{
    siginfo_t hsi;
    int hs = host_sig(a[1]);
    if (hs < 0)
        return -EINVAL;
    int64_t r = get_host_siginfo(a[2], hs, &hsi);
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_rt_sigqueueinfo, (pid_t)a[0], hs, &hsi));
}

int64_t sys_rt_tgsigqueueinfo(struct cpu_common *cpu, const uint64_t *a)
{
    siginfo_t hsi;
    int hs = host_sig(a[2]);
    if (hs < 0)
        return -EINVAL;
    int64_t r = get_host_siginfo(a[3], hs, &hsi);
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_rt_tgsigqueueinfo, (pid_t)a[0], (pid_t)a[1],
                           hs, &hsi));
}

int64_t sys_kill(struct cpu_common *cpu, const uint64_t *a)
{
    int s = host_sig(a[1]);
    return s < 0 ? -EINVAL : sys_ret(kill((pid_t)a[0], s));
}

int64_t sys_tgkill(struct cpu_common *cpu, const uint64_t *a)
{
    int s = host_sig(a[2]);
    return s < 0 ? -EINVAL
                 : sys_ret(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], s));
}

int64_t sys_tkill(struct cpu_common *cpu, const uint64_t *a)
{
    int s = host_sig(a[1]);
    return s < 0 ? -EINVAL : sys_ret(syscall(SYS_tkill, (pid_t)a[0], s));
}

/*
 * signalfd: a host signalfd on the translated mask.  The guest reads the
 * host's struct signalfd_siginfo, whose fixed-width layout every ABI
 * shares; for guests with other signal numbers, si_codes or byte order
 * (MIPS) kemu remembers the descriptors it created and read() converts
 * the records (user_signalfd_to_guest).
 */
#define SIGNALFD_TRACKED 4096
static uint8_t signalfd_marks[SIGNALFD_TRACKED / 8];

static bool signalfd_needs_translation(void)
{
    return user_abi->big_endian || user_abi->signal_map ||
           user_abi->n_si_codes;
}

bool user_signalfd_translated(int fd)
{
    char path[64], link[64];

    if (fd < 0 || fd >= SIGNALFD_TRACKED ||
        !(signalfd_marks[fd / 8] & (1u << (fd % 8))))
        return false;
    /* The number may have been reused since: ask what it is now. */
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, link, sizeof(link) - 1);
    if (n < 0)
        return false;
    link[n] = 0;
    return strcmp(link, "anon_inode:[signalfd]") == 0;
}

/* struct signalfd_siginfo: ssi_signo, errno, code, pid, uid, fd, tid,
 * band, overrun, trapno, status, int (u32/s32 at 0..44), ptr, utime,
 * stime, addr (u64 at 48..72), addr_lsb (u16 at 80), syscall (s32 at
 * 84), call_addr (u64 at 88), arch (u32 at 96); 128 bytes. */
void user_signalfd_to_guest(void *buf, int64_t len)
{
    for (uint8_t *r = buf; len >= 128; r += 128, len -= 128) {
        uint32_t w[12];
        uint64_t d[4], call_addr;
        uint16_t lsb;
        uint32_t sc, arch;

        memcpy(w, r, sizeof(w));
        memcpy(d, r + 48, sizeof(d));
        memcpy(&lsb, r + 80, 2);
        memcpy(&sc, r + 84, 4);
        memcpy(&call_addr, r + 88, 8);
        memcpy(&arch, r + 96, 4);
        int code = (int)w[2];
        bool child_sig = w[0] == SIGCHLD &&
            (code == CLD_KILLED || code == CLD_DUMPED ||
             code == CLD_STOPPED || code == CLD_TRAPPED);
        w[0] = abi_signal_to_guest((int)w[0]);
        w[2] = (uint32_t)user_si_code_to_guest(code);
        if (child_sig)
            w[10] = abi_signal_to_guest((int)w[10]);
        /* ssi_int is the kernel's si_int, the union's first int: on a
         * big-endian 64-bit guest the high half of the pointer. */
        if (user_abi->big_endian && ABI_LONG == 8)
            w[11] = (uint32_t)(d[0] >> 32);
        for (int i = 0; i < 12; i++)
            abi_st(r + 4 * i, 4, w[i]);
        for (int i = 0; i < 4; i++)
            abi_st(r + 48 + 8 * i, 8, d[i]);
        abi_st(r + 80, 2, lsb);
        abi_st(r + 84, 4, sc);
        abi_st(r + 88, 8, call_addr);
        abi_st(r + 96, 4, arch);
    }
}

static int64_t do_signalfd(int fd, uint64_t maskp, uint64_t size, int flags)
{
    uint64_t mask, hmask;
    if (size != user_sigset_size())
        return -EINVAL;
    if (!user_get_sigset(maskp, &mask))
        return -EFAULT;
    user_mask_to_host(mask, &hmask);
    int hflags = abi_bits_to_host(user_abi->open_flags, flags);
    if (hflags & ~(SFD_NONBLOCK | SFD_CLOEXEC))
        return -EINVAL;
    long r = syscall(SYS_signalfd4, fd, &hmask, 8, hflags);
    if (r >= 0 && r < SIGNALFD_TRACKED && signalfd_needs_translation())
        signalfd_marks[r / 8] |= 1u << (r % 8);
    return sys_ret(r);
}

int64_t sys_signalfd4(struct cpu_common *cpu, const uint64_t *a)
{
    return do_signalfd((int)a[0], a[1], a[2], (int)a[3]);
}

int64_t sys_signalfd(struct cpu_common *cpu, const uint64_t *a)
{
    return do_signalfd((int)a[0], a[1], a[2], 0);
}

/* Generic names for arch-private calls. */
int64_t sys_cacheflush(struct cpu_common *cpu, const uint64_t *a)
{
    if (a[1] < a[0])
        return -EINVAL;
    tb_invalidate_range(a[0], a[1]);
    return 0;
}

int64_t sys_set_tls(struct cpu_common *cpu, const uint64_t *a)
{
    if (!user_abi->set_tls)
        return -ENOSYS;
    user_abi->set_tls(cpu, a[0]);
    return 0;
}
