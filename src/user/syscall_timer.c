/*
 * Interval timers and POSIX timers: host timers whose signals reach the
 * guest through kemu's host handlers like any other.  Timer ids are the
 * host kernel's (the guest's timer_t is the same kernel id).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"

int64_t sys_alarm(struct cpu_common *cpu, const uint64_t *a)
{
    return alarm((unsigned)a[0]);
}

/* Two consecutive (sec, frac) pairs of size-byte fields.  In the 64-bit
 * time structs of 32-bit ABIs the fraction is a long plus padding: the
 * kernel keeps its low 32 bits. */
static void get_pairs(const uint8_t *g, int size, int64_t v[4])
{
    for (int i = 0; i < 4; i++)
        v[i] = size == 4 ? (int32_t)abi_ld(g + 4 * i, 4)
             : (i & 1) ? abi_slong(abi_ld(g + 8 * i, 8))
                       : (int64_t)abi_ld(g + 8 * i, 8);
}

static void put_pairs(uint8_t *g, int size, const int64_t v[4])
{
    for (int i = 0; i < 4; i++)
        abi_st(g + size * i, size, (uint64_t)v[i]);
}

static void itimerval_to_guest(uint8_t *g, const struct itimerval *it)
{
    int64_t v[4] = { it->it_interval.tv_sec, it->it_interval.tv_usec,
                     it->it_value.tv_sec, it->it_value.tv_usec };
    put_pairs(g, ABI_LONG, v);
}

int64_t sys_setitimer(struct cpu_common *cpu, const uint64_t *a)
{
    int L = ABI_LONG;
    struct itimerval nv, ov;
    uint8_t *old = NULL;
    if (a[2] && !(old = user_ptr(a[2], 4 * L, true)))
        return -EFAULT;
    memset(&nv, 0, sizeof(nv));
    if (a[1]) {
        const uint8_t *g = user_ptr(a[1], 4 * L, false);
        int64_t v[4];
        if (!g)
            return -EFAULT;
        get_pairs(g, L, v);
        nv.it_interval.tv_sec = v[0];
        nv.it_interval.tv_usec = v[1];
        nv.it_value.tv_sec = v[2];
        nv.it_value.tv_usec = v[3];
    }
    if (setitimer((int)a[0], &nv, &ov) < 0)
        return -errno;
    if (old)
        itimerval_to_guest(old, &ov);
    return 0;
}

int64_t sys_getitimer(struct cpu_common *cpu, const uint64_t *a)
{
    struct itimerval it;
    uint8_t *g = user_ptr(a[1], 4 * ABI_LONG, true);
    if (!g)
        return -EFAULT;
    if (getitimer((int)a[0], &it) < 0)
        return -errno;
    itimerval_to_guest(g, &it);
    return 0;
}

/*
 * struct sigevent: sigval (a long-sized union), int signo, int notify,
 * then the union whose first int is the thread id of SIGEV_THREAD_ID.
 */
int64_t sys_timer_create(struct cpu_common *cpu, const uint64_t *a)
{
    int L = ABI_LONG;
    struct sigevent sev, *sp = NULL;
    int id;

    if (a[1]) {
        const uint8_t *g = user_ptr(a[1], L + 12, false);
        if (!g)
            return -EFAULT;
        memset(&sev, 0, sizeof(sev));
        sev.sigev_value.sival_ptr = (void *)(uintptr_t)abi_ld(g, L);
        int gsig = (int)abi_ld(g + L, 4);
        sev.sigev_notify = (int)abi_ld(g + L + 4, 4);
        sev._sigev_un._tid = (pid_t)abi_ld(g + L + 8, 4);
        if (sev.sigev_notify != SIGEV_NONE) {
            sev.sigev_signo = abi_signal_to_host(gsig);
            if (sev.sigev_signo <= 0)
                return -EINVAL;
        }
        /* SIGEV_THREAD is the libc's business, never the kernel's. */
        if (sev.sigev_notify != SIGEV_SIGNAL && sev.sigev_notify != SIGEV_NONE &&
            sev.sigev_notify != SIGEV_THREAD_ID)
            return -EINVAL;
        sp = &sev;
    }
    if (!user_ptr(a[2], 4, true))
        return -EFAULT;
    if (syscall(SYS_timer_create, (clockid_t)a[0], sp, &id) < 0)
        return -errno;
    put_user(a[2], 4, (uint32_t)id);
    return 0;
}

static int64_t do_timer_settime(const uint64_t *a, int tsize)
{
    struct itimerspec nv, ov;
    uint8_t *old = NULL;
    int64_t v[4];
    const uint8_t *g = user_ptr(a[2], 4 * tsize, false);
    if (!g)
        return -EFAULT;
    if (a[3] && !(old = user_ptr(a[3], 4 * tsize, true)))
        return -EFAULT;
    get_pairs(g, tsize, v);
    nv.it_interval.tv_sec = v[0];
    nv.it_interval.tv_nsec = v[1];
    nv.it_value.tv_sec = v[2];
    nv.it_value.tv_nsec = v[3];
    if (syscall(SYS_timer_settime, (int)a[0], (int)a[1], &nv, &ov) < 0)
        return -errno;
    if (old) {
        int64_t o[4] = { ov.it_interval.tv_sec, ov.it_interval.tv_nsec,
                         ov.it_value.tv_sec, ov.it_value.tv_nsec };
        put_pairs(old, tsize, o);
    }
    return 0;
}

int64_t sys_timer_settime(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timer_settime(a, ABI_LONG);
}

int64_t sys_timer_settime64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timer_settime(a, 8);
}

static int64_t do_timer_gettime(const uint64_t *a, int tsize)
{
    struct itimerspec cur;
    uint8_t *g = user_ptr(a[1], 4 * tsize, true);
    if (!g)
        return -EFAULT;
    if (syscall(SYS_timer_gettime, (int)a[0], &cur) < 0)
        return -errno;
    int64_t o[4] = { cur.it_interval.tv_sec, cur.it_interval.tv_nsec,
                     cur.it_value.tv_sec, cur.it_value.tv_nsec };
    put_pairs(g, tsize, o);
    return 0;
}

int64_t sys_timer_gettime(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timer_gettime(a, ABI_LONG);
}

int64_t sys_timer_gettime64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timer_gettime(a, 8);
}

int64_t sys_timer_getoverrun(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_getoverrun, (int)a[0]));
}

int64_t sys_timer_delete(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_delete, (int)a[0]));
}
