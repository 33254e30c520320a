/*
 * Signal syscalls.  Delivery to guest handlers comes later; for now the
 * guest's dispositions and mask are recorded and reported back, SIG_IGN
 * is mirrored to the host (so an ignored SIGPIPE gives EPIPE), and host
 * signals are never blocked, so default actions (SIGINT, SIGPIPE, ...)
 * still end the process as they would natively.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "engine/exec.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/log.h"

#define GUEST_NSIG 65

struct guest_sigaction {
    uint64_t handler, flags, restorer, mask;
};

static struct guest_sigaction sigactions[GUEST_NSIG];
static uint64_t sigmask;
static uint64_t altstack[3];

int64_t sys_rt_sigaction(struct cpu_common *cpu, const uint64_t *a)
{
    const struct abi_sigaction_layout *L = user_abi->sigaction;
    int sig = (int)a[0];
    if (sig <= 0 || sig >= GUEST_NSIG || a[3] != 8)
        return -EINVAL;
    int hs = abi_signal_to_host(sig);
    struct guest_sigaction old = sigactions[sig];
    if (a[1]) {
        const uint8_t *g = user_ptr(a[1], L->size, false);
        if (!g)
            return -EFAULT;
        if (hs == SIGKILL || hs == SIGSTOP)
            return -EINVAL;
        struct guest_sigaction n = {
            get_field(g, L->handler), get_field(g, L->flags),
            get_field(g, L->restorer), get_field(g, L->mask),
        };
        sigactions[sig] = n;
        /* Mirror "ignore" and "default" to the host, except for the
         * signals kemu itself handles. */
        if (hs > 0 && hs != SIGSEGV && hs != SIGBUS && (n.handler <= 1)) {
            struct sigaction sa;
            memset(&sa, 0, sizeof(sa));
            sa.sa_handler = n.handler == 1 ? SIG_IGN : SIG_DFL;
            sigaction(hs, &sa, NULL);
        } else if (n.handler > 1 && log_enabled(LOG_UNIMP)) {
            log_printf("rt_sigaction: handler for signal %d recorded, "
                       "delivery not implemented yet\n", sig);
        }
    }
    if (a[2]) {
        uint8_t *g = user_ptr(a[2], L->size, true);
        if (!g)
            return -EFAULT;
        memset(g, 0, L->size);
        put_field(g, L->handler, old.handler);
        put_field(g, L->flags, old.flags);
        put_field(g, L->restorer, old.restorer);
        put_field(g, L->mask, old.mask);
    }
    return 0;
}

int64_t sys_rt_sigprocmask(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t set = 0, old = sigmask;
    if (a[3] != 8)
        return -EINVAL;
    if (a[1]) {
        if (!get_user(a[1], 8, &set))
            return -EFAULT;
        /* SIGKILL and SIGSTOP cannot be blocked. */
        set &= ~((1ull << (abi_signal_to_guest(SIGKILL) - 1)) |
                 (1ull << (abi_signal_to_guest(SIGSTOP) - 1)));
        switch ((int)a[0]) {
        case SIG_BLOCK: sigmask |= set; break;
        case SIG_UNBLOCK: sigmask &= ~set; break;
        case SIG_SETMASK: sigmask = set; break;
        default: return -EINVAL;
        }
    }
    if (a[2] && !put_user(a[2], 8, old))
        return -EFAULT;
    return 0;
}

/* stack_t: pointer, int flags, size_t size (each a long on 32-bit ABIs). */
int64_t sys_sigaltstack(struct cpu_common *cpu, const uint64_t *a)
{
    int L = ABI_LONG;
    uint64_t old[3] = { altstack[0], altstack[1], altstack[2] };
    if (!old[0] && !old[2])
        old[1] = 2; /* SS_DISABLE */
    if (a[0]) {
        const uint8_t *g = user_ptr(a[0], 3 * L, false);
        if (!g)
            return -EFAULT;
        altstack[0] = abi_ld(g, L);
        altstack[1] = abi_ld(g + L, 4);
        altstack[2] = abi_ld(g + 2 * L, L);
        if (altstack[1] & 2)
            altstack[0] = altstack[2] = 0;
    }
    if (a[1]) {
        uint8_t *g = user_ptr(a[1], 3 * L, true);
        if (!g)
            return -EFAULT;
        abi_st(g, L, old[0]);
        abi_st(g + L, 4, old[1]);
        abi_st(g + 2 * L, L, old[2]);
    }
    return 0;
}

int64_t sys_rt_sigreturn(struct cpu_common *cpu, const uint64_t *a)
{
    /* No frame was ever pushed: nothing to return to. */
    if (log_enabled(LOG_UNIMP))
        log_printf("rt_sigreturn without signal delivery\n");
    return -ENOSYS;
}

int64_t sys_sigreturn(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_rt_sigreturn(cpu, a);
}

int64_t sys_rt_sigsuspend(struct cpu_common *cpu, const uint64_t *a)
{
    pause();
    return -EINTR;
}

int64_t sys_pause(struct cpu_common *cpu, const uint64_t *a)
{
    pause();
    return -EINTR;
}

int64_t sys_alarm(struct cpu_common *cpu, const uint64_t *a)
{
    return alarm((unsigned)a[0]);
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
