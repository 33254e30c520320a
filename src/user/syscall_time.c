/* Time syscalls.  time_size is the width of the guest's time_t in the
 * struct (the *_time64 calls of 32-bit ABIs use 8). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/times.h>
#include <time.h>
#include <sys/time.h>

#include <sys/syscall.h>

#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"

static bool put_ts(uint64_t addr, int tsize, int64_t sec, int64_t frac)
{
    uint8_t *g = user_ptr(addr, 2 * tsize, true);
    if (!g)
        return false;
    abi_st(g, tsize, sec);
    abi_st(g + tsize, tsize, frac);
    return true;
}

static bool get_ts(uint64_t addr, int tsize, struct timespec *ts)
{
    const uint8_t *g = user_ptr(addr, 2 * tsize, false);
    if (!g)
        return false;
    ts->tv_sec = tsize == 4 ? (int32_t)abi_ld(g, 4) : (int64_t)abi_ld(g, 8);
    ts->tv_nsec = tsize == 4 ? (int32_t)abi_ld(g + 4, 4)
                             : abi_slong(abi_ld(g + 8, 8)); /* 32-bit ABIs: int nsec + pad */
    return true;
}

static int64_t do_clock_gettime(const uint64_t *a, int tsize, bool res)
{
    struct timespec ts;
    if ((res ? clock_getres : clock_gettime)((clockid_t)a[0], &ts) < 0)
        return -errno;
    if (a[1] && !put_ts(a[1], tsize, ts.tv_sec, ts.tv_nsec))
        return -EFAULT;
    return 0;
}

int64_t sys_clock_gettime(struct cpu_common *cpu, const uint64_t *a)
{
    return do_clock_gettime(a, ABI_LONG, false);
}

int64_t sys_clock_gettime64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_clock_gettime(a, 8, false);
}

int64_t sys_clock_getres(struct cpu_common *cpu, const uint64_t *a)
{
    return do_clock_gettime(a, ABI_LONG, true);
}

int64_t sys_clock_getres_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_clock_gettime(a, 8, true);
}

int64_t sys_gettimeofday(struct cpu_common *cpu, const uint64_t *a)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    if (a[0] && !put_ts(a[0], ABI_LONG, tv.tv_sec, tv.tv_usec))
        return -EFAULT;
    if (a[1] && !put_ts(a[1], 4, 0, 0))   /* struct timezone: two ints */
        return -EFAULT;
    return 0;
}

int64_t sys_time(struct cpu_common *cpu, const uint64_t *a)
{
    time_t t = time(NULL);
    if (a[0] && !put_user(a[0], ABI_LONG, (uint64_t)t))
        return -EFAULT;
    return t;
}

static int64_t do_sleep(clockid_t clk, int flags, uint64_t req, uint64_t rem,
                        int tsize)
{
    struct timespec r, left;
    if (!get_ts(req, tsize, &r))
        return -EFAULT;
    if (r.tv_sec < 0 || r.tv_nsec < 0 || r.tv_nsec >= 1000000000)
        return -EINVAL;
    /* Sleep to an absolute deadline so that signals nobody handles
     * (SIGCHLD by default...) do not shorten or lengthen the sleep. */
    clockid_t hclk = clk;
    struct timespec end = r;
    if (!(flags & TIMER_ABSTIME)) {
        if (clk == CLOCK_REALTIME)
            hclk = CLOCK_MONOTONIC;
        if (clock_gettime(hclk, &end) < 0)
            return -EINVAL;
        end.tv_sec += r.tv_sec;
        end.tv_nsec += r.tv_nsec;
        if (end.tv_nsec >= 1000000000) {
            end.tv_sec++;
            end.tv_nsec -= 1000000000;
        }
    }
    for (;;) {
        long e = safe_syscall(SYS_clock_nanosleep, hclk, TIMER_ABSTIME,
                              (long)&end, 0, 0, 0);
        if (e != -USER_ERESTARTSYS)
            return e;
        if (!user_sleep_interrupted())
            continue;
        if (rem && !(flags & TIMER_ABSTIME)) {
            clock_gettime(hclk, &left);
            int64_t ns = (end.tv_sec - left.tv_sec) * 1000000000ll +
                         (end.tv_nsec - left.tv_nsec);
            if (ns < 0)
                ns = 0;
            put_ts(rem, tsize, ns / 1000000000, ns % 1000000000);
        }
        return -EINTR;
    }
}

int64_t sys_nanosleep(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sleep(CLOCK_REALTIME, 0, a[0], a[1], ABI_LONG);
}

int64_t sys_clock_nanosleep(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sleep((clockid_t)a[0], (int)a[1], a[2], a[3], ABI_LONG);
}

int64_t sys_clock_nanosleep_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sleep((clockid_t)a[0], (int)a[1], a[2], a[3], 8);
}

int64_t sys_times(struct cpu_common *cpu, const uint64_t *a)
{
    struct tms t;
    clock_t r = times(&t);
    if (a[0]) {
        uint8_t *g = user_ptr(a[0], 4 * ABI_LONG, true);
        if (!g)
            return -EFAULT;
        abi_st(g, ABI_LONG, t.tms_utime);
        abi_st(g + ABI_LONG, ABI_LONG, t.tms_stime);
        abi_st(g + 2 * ABI_LONG, ABI_LONG, t.tms_cutime);
        abi_st(g + 3 * ABI_LONG, ABI_LONG, t.tms_cstime);
    }
    return ABI_LONG == 4 ? (int64_t)(uint32_t)r : r;
}
