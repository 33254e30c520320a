/*
 * Event descriptors: epoll, eventfd, timerfd, inotify.  They are host
 * descriptors; what needs converting is
 *  - struct epoll_event: 12 bytes packed on x86-64 hosts, but on ARM EABI
 *    and MIPS the 64-bit data is 8-aligned (16 bytes, data at 8);
 *  - struct itimerspec of the guest's longs (time32 calls) or of 64-bit
 *    fields (the time64 calls and 64-bit guests);
 *  - EPOLL_CLOEXEC, EFD_*, TFD_* and IN_CLOEXEC/IN_NONBLOCK, which are the
 *    arch's O_CLOEXEC/O_NONBLOCK;
 *  - on big-endian guests, the integers the guest reads from or writes to
 *    the descriptors themselves (user_fd_trans_read/write below;
 *    signalfd records are syscall_signal.c's).
 * Event masks (EPOLL*, IN_*) and the TFD_TIMER_* flags are the generic
 * values on every guest kemu has.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "user/signal.h"
#include "user/syscall.h"
#include "user/syscall_event.h"
#include "user/uaccess.h"

enum { MAX_EVENTS = 4096 };

/* The guest's O_CLOEXEC/O_NONBLOCK bits in flags -> host ones; -EINVAL
 * when anything else is set. */
static int64_t cloexec_nonblock(uint64_t flags, bool nonblock_ok)
{
    int want = O_CLOEXEC | (nonblock_ok ? O_NONBLOCK : 0);
    uint32_t gok = abi_bits_to_guest(user_abi->open_flags, want);
    if ((uint32_t)flags & ~gok || flags >> 32)
        return -EINVAL;
    return abi_bits_to_host(user_abi->open_flags, (uint32_t)flags) & want;
}

/* ---- Descriptors whose data needs byte swapping (big-endian guests) ---- */

/* What kind of data a host descriptor yields; indexed by fd. */
static _Atomic uint8_t fd_kind[65536];

void user_fd_trans_set(int fd, enum user_fd_kind kind)
{
    if (fd >= 0 && (size_t)fd < sizeof(fd_kind))
        atomic_store(&fd_kind[fd], kind);
}

/* The mark outlives close and dup2 over the number: a marked descriptor
 * is checked against the kernel's name of what it is now. */
enum user_fd_kind user_fd_trans_get(int fd)
{
    static const char *const names[] = {
        [FD_U64] = "anon_inode:[eventfd]|anon_inode:[timerfd]",
        [FD_INOTIFY] = "anon_inode:inotify",
    };
    if (!user_abi->big_endian || fd < 0 || (size_t)fd >= sizeof(fd_kind))
        return FD_PLAIN;
    enum user_fd_kind k = atomic_load(&fd_kind[fd]);
    if (k == FD_PLAIN)
        return k;
    char link[32], target[64];
    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof(target) - 1);
    if (n > 0) {
        target[n] = 0;
        const char *want = names[k];
        for (const char *p = want; p; p = strchr(p, '|')) {
            p += *p == '|';
            size_t len = strcspn(p, "|");
            if ((size_t)n == len && memcmp(target, p, len) == 0)
                return k;
        }
    }
    atomic_store(&fd_kind[fd], FD_PLAIN);
    return FD_PLAIN;
}

void user_fd_trans_read(int fd, void *buf, int64_t n)
{
    uint8_t *p = buf;
    switch (user_fd_trans_get(fd)) {
    case FD_PLAIN:
        break;
    case FD_U64:             /* eventfd and timerfd counters */
        if (n == 8)
            abi_st(p, 8, ld64_le(p));
        break;
    case FD_INOTIFY:         /* wd, mask, cookie, len, then the name */
        for (int64_t off = 0; off + 16 <= n;) {
            uint32_t len = ld32_le(p + off + 12);
            for (int i = 0; i < 4; i++)
                abi_st(p + off + 4 * i, 4, ld32_le(p + off + 4 * i));
            off += 16 + len;
        }
        break;
    }
}

bool user_fd_trans_write(int fd, const void *buf, int64_t n, uint8_t tmp[8])
{
    if (user_fd_trans_get(fd) != FD_U64 || n != 8)
        return false;
    st64_le(tmp, abi_ld(buf, 8));
    return true;
}

/* ---- epoll ---- */

/* struct epoll_event: u32 events, then u64 data at data_off. */
static int ev_data_off(void)
{
    return user_abi->epoll_data_off ? user_abi->epoll_data_off : 8;
}

static int64_t do_epoll_create(uint64_t flags)
{
    int64_t f = cloexec_nonblock(flags, false);
    if (f < 0)
        return f;
    return sys_ret(epoll_create1(f & O_CLOEXEC ? EPOLL_CLOEXEC : 0));
}

int64_t sys_epoll_create(struct cpu_common *cpu, const uint64_t *a)
{
    if ((int32_t)a[0] <= 0)
        return -EINVAL;
    return do_epoll_create(0);
}

int64_t sys_epoll_create1(struct cpu_common *cpu, const uint64_t *a)
{
    return do_epoll_create(a[0]);
}

int64_t sys_epoll_ctl(struct cpu_common *cpu, const uint64_t *a)
{
    struct epoll_event ev = { 0 };
    int op = (int)a[1];
    if (op != EPOLL_CTL_DEL || a[3]) {
        int off = ev_data_off();
        const uint8_t *g = user_ptr(a[3], off + 8, false);
        if (!g)
            return -EFAULT;
        ev.events = (uint32_t)abi_ld(g, 4);
        ev.data.u64 = abi_ld(g + off, 8);
    }
    return sys_ret(epoll_ctl((int)a[0], op, (int)a[2], &ev));
}

/* Wait with an optional mask and timeout (ms, or a host timespec for
 * epoll_pwait2) and copy the events out. */
static int64_t do_epoll_wait(int epfd, uint64_t evp, int64_t max, int ms,
                             const struct timespec *ts, bool use_ts,
                             uint64_t maskp, uint64_t masksize)
{
    int off = ev_data_off(), size = off + 8;
    if (max <= 0 || max > MAX_EVENTS)
        return -EINVAL;
    uint8_t *g = user_ptr(evp, max * size, true);
    if (!g)
        return -EFAULT;
    uint64_t mask;
    if (maskp) {
        if (masksize != user_sigset_size())
            return -EINVAL;
        if (!user_get_sigset(maskp, &mask))
            return -EFAULT;
    }
    struct epoll_event ev[MAX_EVENTS];
    if (maskp)
        user_push_sigmask(mask);
    long r = use_ts ? safe_syscall(SYS_epoll_pwait2, epfd, (long)ev, max,
                                   (long)ts, 0, 8)
                    : safe_syscall(SYS_epoll_pwait, epfd, (long)ev, max, ms,
                                   0, 8);
    if (maskp)
        user_pop_sigmask(r == -USER_ERESTARTSYS);
    /* epoll waits are never restarted after a handler. */
    if (r == -USER_ERESTARTSYS)
        return -USER_ERESTARTNOHAND;
    if (r < 0)
        return r;
    for (long i = 0; i < r; i++) {
        memset(g + i * size, 0, size);
        abi_st(g + i * size, 4, ev[i].events);
        abi_st(g + i * size + off, 8, ev[i].data.u64);
    }
    return r;
}

int64_t sys_epoll_wait(struct cpu_common *cpu, const uint64_t *a)
{
    return do_epoll_wait((int)a[0], a[1], (int32_t)a[2], (int)a[3], NULL,
                         false, 0, 0);
}

int64_t sys_epoll_pwait(struct cpu_common *cpu, const uint64_t *a)
{
    return do_epoll_wait((int)a[0], a[1], (int32_t)a[2], (int)a[3], NULL,
                         false, a[4], a[5]);
}

/* epoll_pwait2: the timeout is a struct __kernel_timespec (64-bit). */
int64_t sys_epoll_pwait2(struct cpu_common *cpu, const uint64_t *a)
{
    struct timespec ts;
    if (a[3]) {
        const uint8_t *t = user_ptr(a[3], 16, false);
        if (!t)
            return -EFAULT;
        ts.tv_sec = (int64_t)abi_ld(t, 8);
        ts.tv_nsec = (int64_t)abi_ld(t + 8, 8);
        if (ABI_LONG == 4)
            ts.tv_nsec = (int32_t)ts.tv_nsec;
    }
    if (!a[3])
        return do_epoll_wait((int)a[0], a[1], (int32_t)a[2], -1, NULL, false,
                             a[4], a[5]);
    return do_epoll_wait((int)a[0], a[1], (int32_t)a[2], 0, &ts, true, a[4],
                         a[5]);
}

/* ---- eventfd ---- */

/* EFD_SEMAPHORE is 1 everywhere; EFD_CLOEXEC/EFD_NONBLOCK are the arch's
 * O_ flags. */
static int64_t do_eventfd(uint64_t count, uint64_t flags)
{
    int64_t f = cloexec_nonblock(flags & ~(uint64_t)EFD_SEMAPHORE, true);
    if (f < 0)
        return f;
    int fd = eventfd((unsigned)count, (flags & EFD_SEMAPHORE) |
                     (f & O_CLOEXEC ? EFD_CLOEXEC : 0) |
                     (f & O_NONBLOCK ? EFD_NONBLOCK : 0));
    if (fd < 0)
        return -errno;
    user_fd_trans_set(fd, FD_U64);
    return fd;
}

int64_t sys_eventfd(struct cpu_common *cpu, const uint64_t *a)
{
    return do_eventfd(a[0], 0);
}

int64_t sys_eventfd2(struct cpu_common *cpu, const uint64_t *a)
{
    return do_eventfd(a[0], a[1]);
}

/* ---- timerfd ---- */

/* struct itimerspec: interval then value, each a timespec of tsize-byte
 * fields (4: the guest's 32-bit longs, 8: 64-bit). */
static bool get_itimerspec(uint64_t addr, int tsize, struct itimerspec *it)
{
    const uint8_t *g = user_ptr(addr, 4 * tsize, false);
    if (!g)
        return false;
    int64_t v[4];
    for (int i = 0; i < 4; i++)
        v[i] = tsize == 4 ? (int32_t)abi_ld(g + 4 * i, 4)
                          : (int64_t)abi_ld(g + 8 * i, 8);
    /* A 32-bit guest's 64-bit timespec has a 32-bit tv_nsec and padding. */
    if (tsize == 8 && ABI_LONG == 4) {
        v[1] = (int32_t)v[1];
        v[3] = (int32_t)v[3];
    }
    it->it_interval.tv_sec = v[0];
    it->it_interval.tv_nsec = v[1];
    it->it_value.tv_sec = v[2];
    it->it_value.tv_nsec = v[3];
    return true;
}

static bool put_itimerspec(uint64_t addr, int tsize, const struct itimerspec *it)
{
    uint8_t *g = user_ptr(addr, 4 * tsize, true);
    if (!g)
        return false;
    int64_t v[4] = { it->it_interval.tv_sec, it->it_interval.tv_nsec,
                     it->it_value.tv_sec, it->it_value.tv_nsec };
    for (int i = 0; i < 4; i++)
        abi_st(g + tsize * i, tsize, (uint64_t)v[i]);
    return true;
}

int64_t sys_timerfd_create(struct cpu_common *cpu, const uint64_t *a)
{
    int64_t f = cloexec_nonblock(a[1], true);
    if (f < 0)
        return f;
    int fd = timerfd_create((int)a[0], (f & O_CLOEXEC ? TFD_CLOEXEC : 0) |
                                       (f & O_NONBLOCK ? TFD_NONBLOCK : 0));
    if (fd < 0)
        return -errno;
    user_fd_trans_set(fd, FD_U64);
    return fd;
}

static int64_t do_timerfd_settime(const uint64_t *a, int tsize)
{
    struct itimerspec n, o;
    if (!get_itimerspec(a[2], tsize, &n))
        return -EFAULT;
    if (timerfd_settime((int)a[0], (int)a[1], &n, a[3] ? &o : NULL) < 0)
        return -errno;
    if (a[3] && !put_itimerspec(a[3], tsize, &o))
        return -EFAULT;
    return 0;
}

static int64_t do_timerfd_gettime(const uint64_t *a, int tsize)
{
    struct itimerspec cur;
    if (timerfd_gettime((int)a[0], &cur) < 0)
        return -errno;
    return put_itimerspec(a[1], tsize, &cur) ? 0 : -EFAULT;
}

int64_t sys_timerfd_settime(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timerfd_settime(a, ABI_LONG);
}

int64_t sys_timerfd_settime64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timerfd_settime(a, 8);
}

int64_t sys_timerfd_gettime(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timerfd_gettime(a, ABI_LONG);
}

int64_t sys_timerfd_gettime64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_timerfd_gettime(a, 8);
}

/* ---- inotify ---- */

static int64_t do_inotify_init(uint64_t flags)
{
    int64_t f = cloexec_nonblock(flags, true);
    if (f < 0)
        return f;
    int fd = inotify_init1((f & O_CLOEXEC ? IN_CLOEXEC : 0) |
                           (f & O_NONBLOCK ? IN_NONBLOCK : 0));
    if (fd < 0)
        return -errno;
    user_fd_trans_set(fd, FD_INOTIFY);
    return fd;
}

int64_t sys_inotify_init(struct cpu_common *cpu, const uint64_t *a)
{
    return do_inotify_init(0);
}

int64_t sys_inotify_init1(struct cpu_common *cpu, const uint64_t *a)
{
    return do_inotify_init(a[0]);
}

int64_t sys_inotify_add_watch(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(inotify_add_watch((int)a[0], path, (uint32_t)a[2]));
}

int64_t sys_inotify_rm_watch(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(inotify_rm_watch((int)a[0], (int)a[1]));
}
