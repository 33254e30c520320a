/* File descriptor syscalls: I/O, open/close, pipes, fcntl, ioctl, poll. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <string.h>
#include <unistd.h>

#include "user/signal.h"
#include "user/procfs.h"
#include "user/syscall.h"
#include "user/syscall_event.h"
#include "user/uaccess.h"
#include "util/error.h"
#include "util/log.h"

int64_t sys_read(struct cpu_common *cpu, const uint64_t *a)
{
    void *p = user_ptr(a[1], a[2], true);
    if (!p)
        return -EFAULT;
    long r = safe_syscall(SYS_read, (int)a[0], (long)p, a[2], 0, 0, 0);
    if (r > 0 && user_signalfd_translated((int)a[0]))
        user_signalfd_to_guest(p, r);
    else if (r > 0 && user_abi->big_endian)
        user_fd_trans_read((int)a[0], p, r);    /* syscall_event.h */
    return r;
}

int64_t sys_write(struct cpu_common *cpu, const uint64_t *a)
{
    void *p = user_ptr(a[1], a[2], false);
    uint8_t tmp[8];
    if (!p)
        return -EFAULT;
    if (user_abi->big_endian && user_fd_trans_write((int)a[0], p, a[2], tmp))
        p = tmp;
    return safe_syscall(SYS_write, (int)a[0], (long)p, a[2], 0, 0, 0);
}

int64_t sys_pread64(struct cpu_common *cpu, const uint64_t *a)
{
    void *p = user_ptr(a[1], a[2], true);
    if (!p)
        return -EFAULT;
    return sys_ret(pread((int)a[0], p, a[2], (off_t)sys_arg64(a, 3)));
}

int64_t sys_pwrite64(struct cpu_common *cpu, const uint64_t *a)
{
    void *p = user_ptr(a[1], a[2], false);
    if (!p)
        return -EFAULT;
    return sys_ret(pwrite((int)a[0], p, a[2], (off_t)sys_arg64(a, 3)));
}

/* Build a host iovec array from the guest's. */
static int64_t get_iovec(uint64_t addr, int64_t cnt, struct iovec *iov,
                         bool write)
{
    int ls = ABI_LONG;
    if (cnt < 0 || cnt > IOV_MAX)
        return -EINVAL;
    const uint8_t *g = user_ptr(addr, cnt * 2 * ls, false);
    if (!g)
        return -EFAULT;
    for (int i = 0; i < cnt; i++) {
        uint64_t base = abi_ld(g + 2 * i * ls, ls);
        uint64_t len = abi_ld(g + (2 * i + 1) * ls, ls);
        iov[i].iov_len = len;
        iov[i].iov_base = user_ptr(base, len, write);
        if (!iov[i].iov_base)
            return -EFAULT;
    }
    return 0;
}

int64_t sys_readv(struct cpu_common *cpu, const uint64_t *a)
{
    struct iovec iov[IOV_MAX];
    int64_t r = get_iovec(a[1], abi_slong(a[2]), iov, true);
    return r < 0 ? r : safe_syscall(SYS_readv, (int)a[0], (long)iov, (int)a[2], 0, 0, 0);
}

int64_t sys_writev(struct cpu_common *cpu, const uint64_t *a)
{
    struct iovec iov[IOV_MAX];
    int64_t r = get_iovec(a[1], abi_slong(a[2]), iov, false);
    return r < 0 ? r : safe_syscall(SYS_writev, (int)a[0], (long)iov, (int)a[2], 0, 0, 0);
}

int64_t sys_openat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    int flags = abi_bits_to_host(user_abi->open_flags, a[2]);
    int64_t proc_fd;
    if (procfs_open(cpu, path, flags, &proc_fd))   /* the guest's /proc */
        return proc_fd;
    return sys_ret(openat((int)a[0], path, flags | O_LARGEFILE, (mode_t)a[3]));
}

int64_t sys_open(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { (uint64_t)(int64_t)AT_FDCWD, a[0], a[1], a[2] };
    return sys_openat(cpu, b);
}

int64_t sys_creat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(creat(path, (mode_t)a[1]));
}

int64_t sys_close(struct cpu_common *cpu, const uint64_t *a)
{
    /* kemu's own log file must survive the guest closing descriptors. */
    FILE *lf = log_file();
    if (lf != stderr && fileno(lf) == (int)a[0])
        return -EBADF;
    return sys_ret(close((int)a[0]));
}

int64_t sys_lseek(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(lseek((int)a[0], abi_slong(a[1]), (int)a[2]));
}

int64_t sys__llseek(struct cpu_common *cpu, const uint64_t *a)
{
    int64_t off = (int64_t)((uint64_t)(uint32_t)a[1] << 32 | (uint32_t)a[2]);
    off_t r = lseek((int)a[0], off, (int)a[4]);
    if (r < 0)
        return -errno;
    if (!put_user(a[3], 8, (uint64_t)r))
        return -EFAULT;
    return 0;
}

int64_t sys_dup(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(dup((int)a[0]));
}

int64_t sys_dup2(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(dup2((int)a[0], (int)a[1]));
}

int64_t sys_dup3(struct cpu_common *cpu, const uint64_t *a)
{
    int flags = abi_bits_to_host(user_abi->open_flags, a[2]);
    return sys_ret(dup3((int)a[0], (int)a[1], flags));
}

int64_t sys_pipe2(struct cpu_common *cpu, const uint64_t *a)
{
    int fds[2];
    if (!user_ptr(a[0], 8, true))
        return -EFAULT;
    if (pipe2(fds, abi_bits_to_host(user_abi->open_flags, a[1])) < 0)
        return -errno;
    put_user(a[0], 4, fds[0]);
    put_user(a[0] + 4, 4, fds[1]);
    return 0;
}

int64_t sys_pipe(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { a[0], 0 };
    return sys_pipe2(cpu, b);
}

/* struct flock64 of 32-bit ABIs: short type, short whence, then 64-bit
 * start and len (8-aligned on EABI), int pid. */
static int64_t do_flock(int fd, int cmd, uint64_t addr)
{
    struct flock fl;
    int so = user_abi->regpair_aligned ? 8 : 4;
    uint8_t *g = user_ptr(addr, so + 20, true);
    if (!g)
        return -EFAULT;
    fl.l_type = (short)abi_ld(g, 2);
    fl.l_whence = (short)abi_ld(g + 2, 2);
    fl.l_start = (off_t)abi_ld(g + so, 8);
    fl.l_len = (off_t)abi_ld(g + so + 8, 8);
    fl.l_pid = (pid_t)abi_ld(g + so + 16, 4);
    if (fcntl(fd, cmd, &fl) < 0)
        return -errno;
    abi_st(g, 2, fl.l_type);
    abi_st(g + 2, 2, fl.l_whence);
    abi_st(g + so, 8, fl.l_start);
    abi_st(g + so + 8, 8, fl.l_len);
    abi_st(g + so + 16, 4, fl.l_pid);
    return 0;
}

int64_t sys_fcntl64(struct cpu_common *cpu, const uint64_t *a)
{
    int fd = (int)a[0];
    switch ((int)a[1]) {
    case 0: return sys_ret(fcntl(fd, F_DUPFD, (int)a[2]));
    case 1030: return sys_ret(fcntl(fd, F_DUPFD_CLOEXEC, (int)a[2]));
    case 1: return sys_ret(fcntl(fd, F_GETFD));
    case 2: return sys_ret(fcntl(fd, F_SETFD, (int)a[2]));
    case 3: {
        int r = fcntl(fd, F_GETFL);
        return r < 0 ? -errno : abi_bits_to_guest(user_abi->open_flags, r);
    }
    case 4:
        return sys_ret(fcntl(fd, F_SETFL,
                             abi_bits_to_host(user_abi->open_flags, a[2])));
    case 12: return do_flock(fd, F_GETLK, a[2]);    /* F_GETLK64 */
    case 13: return do_flock(fd, F_SETLK, a[2]);    /* F_SETLK64 */
    case 14: return do_flock(fd, F_SETLKW, a[2]);   /* F_SETLKW64 */
    case 8: return sys_ret(fcntl(fd, F_SETOWN, (int)a[2]));
    case 9: return sys_ret(fcntl(fd, F_GETOWN));
    case 1031: return sys_ret(fcntl(fd, F_SETPIPE_SZ, (int)a[2]));
    case 1032: return sys_ret(fcntl(fd, F_GETPIPE_SZ));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("fcntl: unsupported command %d\n", (int)a[1]);
        return -EINVAL;
    }
}

int64_t sys_fcntl(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_fcntl64(cpu, a);
}

int64_t sys_ftruncate(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(ftruncate((int)a[0], abi_slong(a[1])));
}

int64_t sys_ftruncate64(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(ftruncate((int)a[0], (off_t)sys_arg64(a, 1)));
}

int64_t sys_truncate(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(truncate(path, abi_slong(a[1])));
}

int64_t sys_truncate64(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(truncate(path, (off_t)sys_arg64(a, 1)));
}

int64_t sys_fsync(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(fsync((int)a[0]));
}

int64_t sys_fdatasync(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(fdatasync((int)a[0]));
}

int64_t sys_sync(struct cpu_common *cpu, const uint64_t *a)
{
    sync();
    return 0;
}

int64_t sys_sendfile64(struct cpu_common *cpu, const uint64_t *a)
{
    off_t off, *po = NULL;
    uint64_t v;
    if (a[2]) {
        if (!get_user(a[2], 8, &v))
            return -EFAULT;
        off = (off_t)v;
        po = &off;
    }
    ssize_t r = sendfile((int)a[0], (int)a[1], po, a[3]);
    if (r < 0)
        return -errno;
    if (po && !put_user(a[2], 8, (uint64_t)off))
        return -EFAULT;
    return r;
}

/* ---- ioctl: terminal requests with struct conversion ---- */

static int64_t termios_to_guest(const struct termios *t, uint64_t addr)
{
    const struct abi_termios_layout *L = user_abi->termios;
    uint8_t *g = user_ptr(addr, L->size, true);
    if (!g)
        return -EFAULT;
    memset(g, 0, L->size);
    put_field(g, L->iflag, t->c_iflag);
    put_field(g, L->oflag, t->c_oflag);
    put_field(g, L->cflag, t->c_cflag);
    put_field(g, L->lflag, t->c_lflag);
    put_field(g, L->line, t->c_line);
    for (int i = 0; i < 19 && i < NCCS; i++)
        if (L->cc_map[i] >= 0)
            g[L->cc_off + L->cc_map[i]] = t->c_cc[i];
    return 0;
}

static int64_t termios_from_guest(struct termios *t, uint64_t addr)
{
    const struct abi_termios_layout *L = user_abi->termios;
    const uint8_t *g = user_ptr(addr, L->size, false);
    if (!g)
        return -EFAULT;
    memset(t, 0, sizeof(*t));
    t->c_iflag = get_field(g, L->iflag);
    t->c_oflag = get_field(g, L->oflag);
    t->c_cflag = get_field(g, L->cflag);
    t->c_lflag = get_field(g, L->lflag);
    t->c_line = get_field(g, L->line);
    for (int i = 0; i < 19 && i < NCCS; i++)
        if (L->cc_map[i] >= 0)
            t->c_cc[i] = g[L->cc_off + L->cc_map[i]];
    return 0;
}

int64_t sys_ioctl(struct cpu_common *cpu, const uint64_t *a)
{
    int fd = (int)a[0];
    uint32_t req = (uint32_t)a[1];
    struct termios t;
    int64_t r;

    /* ARM and the asm-generic ABIs share x86's terminal numbers; arches
     * with other numbers translate them in abi->ioctl_map (later). */
    switch (req) {
    case TCGETS:
        if (tcgetattr(fd, &t) < 0)
            return -errno;
        return termios_to_guest(&t, a[2]);
    case TCSETS: case TCSETSW: case TCSETSF:
        if ((r = termios_from_guest(&t, a[2])) < 0)
            return r;
        return sys_ret(ioctl(fd, req, &t));
    case TIOCGWINSZ: {
        struct winsize ws;
        if (ioctl(fd, TIOCGWINSZ, &ws) < 0)
            return -errno;
        uint8_t *g = user_ptr(a[2], 8, true);
        if (!g)
            return -EFAULT;
        abi_st(g, 2, ws.ws_row);
        abi_st(g + 2, 2, ws.ws_col);
        abi_st(g + 4, 2, ws.ws_xpixel);
        abi_st(g + 6, 2, ws.ws_ypixel);
        return 0;
    }
    case TIOCSWINSZ: {
        struct winsize ws;
        const uint8_t *g = user_ptr(a[2], 8, false);
        if (!g)
            return -EFAULT;
        ws.ws_row = abi_ld(g, 2);
        ws.ws_col = abi_ld(g + 2, 2);
        ws.ws_xpixel = abi_ld(g + 4, 2);
        ws.ws_ypixel = abi_ld(g + 6, 2);
        return sys_ret(ioctl(fd, TIOCSWINSZ, &ws));
    }
    case TIOCGPGRP: case FIONREAD: {
        int v;
        if (ioctl(fd, req, &v) < 0)
            return -errno;
        return put_user(a[2], 4, (uint32_t)v) ? 0 : -EFAULT;
    }
    case TIOCSPGRP: case FIONBIO: {
        uint64_t v;
        if (!get_user(a[2], 4, &v))
            return -EFAULT;
        int iv = (int)v;
        return sys_ret(ioctl(fd, req, &iv));
    }
    case TIOCSCTTY: case TIOCNOTTY:
        return sys_ret(ioctl(fd, req, (int)a[2]));
    case FIOCLEX: case FIONCLEX:
        return sys_ret(ioctl(fd, req));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("ioctl: unsupported request 0x%x on fd %d\n", req, fd);
        return -ENOTTY;
    }
}

/* ---- poll and select ---- */

int64_t sys_poll(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t n = a[1];
    if (n > 4096)
        return -EINVAL;
    uint8_t *g = user_ptr(a[0], n * 8, true);
    if (!g)
        return -EFAULT;
    struct pollfd p[n ? n : 1];
    for (uint64_t i = 0; i < n; i++) {
        p[i].fd = (int)abi_ld(g + i * 8, 4);
        p[i].events = (short)abi_ld(g + i * 8 + 4, 2);
        p[i].revents = 0;
    }
    long r = safe_syscall(SYS_poll, (long)p, n, (int)a[2], 0, 0, 0);
    if (r < 0)
        return r == -USER_ERESTARTSYS ? -USER_ERESTARTNOHAND : r;
    for (uint64_t i = 0; i < n; i++)
        abi_st(g + i * 8 + 6, 2, (uint16_t)p[i].revents);
    return r;
}

/* A guest timespec (time_size 4 or 8) to host. */
static bool get_timespec(uint64_t addr, int tsize, struct timespec *ts)
{
    const uint8_t *g = user_ptr(addr, 2 * tsize, false);
    if (!g)
        return false;
    ts->tv_sec = tsize == 4 ? (int32_t)abi_ld(g, 4) : (int64_t)abi_ld(g, 8);
    ts->tv_nsec = tsize == 4 ? (int32_t)abi_ld(g + 4, 4)
                             : abi_slong(abi_ld(g + 8, 8)); /* 32-bit ABIs: int nsec + pad */
    return true;
}

int64_t sys_ppoll(struct cpu_common *cpu, const uint64_t *a)
{
    struct timespec ts;
    uint64_t n = a[1];
    if (n > 4096)
        return -EINVAL;
    uint8_t *g = user_ptr(a[0], n * 8, true);
    if (!g)
        return -EFAULT;
    if (a[2] && !get_timespec(a[2], ABI_LONG, &ts))
        return -EFAULT;
    struct pollfd p[n ? n : 1];
    for (uint64_t i = 0; i < n; i++) {
        p[i].fd = (int)abi_ld(g + i * 8, 4);
        p[i].events = (short)abi_ld(g + i * 8 + 4, 2);
    }
    if (a[3]) {
        uint64_t mask;
        if (a[4] != user_sigset_size())
            return -EINVAL;
        if (!user_get_sigset(a[3], &mask))
            return -EFAULT;
        user_push_sigmask(mask);
    }
    long r = safe_syscall(SYS_ppoll, (long)p, n, a[2] ? (long)&ts : 0, 0, 8, 0);
    if (a[3])
        user_pop_sigmask(r == -USER_ERESTARTSYS);
    if (r < 0)
        return r == -USER_ERESTARTSYS ? -USER_ERESTARTNOHAND : r;
    for (uint64_t i = 0; i < n; i++)
        abi_st(g + i * 8 + 6, 2, (uint16_t)p[i].revents);
    return r;
}

/* fd_set: an array of guest longs, bit i of word i/bits. */
static bool get_fdset(uint64_t addr, int n, fd_set *s)
{
    FD_ZERO(s);
    if (!addr)
        return true;
    int ls = ABI_LONG, bits = ls * 8, words = (n + bits - 1) / bits;
    const uint8_t *g = user_ptr(addr, words * ls, false);
    if (!g)
        return false;
    for (int w = 0; w < words; w++) {
        uint64_t v = abi_ld(g + w * ls, ls);
        for (int b = 0; b < bits && w * bits + b < n; b++)
            if (v >> b & 1)
                FD_SET(w * bits + b, s);
    }
    return true;
}

static bool put_fdset(uint64_t addr, int n, const fd_set *s)
{
    if (!addr)
        return true;
    int ls = ABI_LONG, bits = ls * 8, words = (n + bits - 1) / bits;
    uint8_t *g = user_ptr(addr, words * ls, true);
    if (!g)
        return false;
    for (int w = 0; w < words; w++) {
        uint64_t v = 0;
        for (int b = 0; b < bits && w * bits + b < n; b++)
            if (FD_ISSET(w * bits + b, s))
                v |= 1ull << b;
        abi_st(g + w * ls, ls, v);
    }
    return true;
}

static int64_t do_select(const uint64_t *a, struct timespec *ts,
                         uint64_t sigmask_arg)
{
    int n = (int)a[0];
    fd_set r, w, e;
    if (n < 0 || n > FD_SETSIZE)
        return -EINVAL;
    if (!get_fdset(a[1], n, &r) || !get_fdset(a[2], n, &w) ||
        !get_fdset(a[3], n, &e))
        return -EFAULT;
    uint64_t mask = 0;
    if (sigmask_arg) {
        /* pselect6's sixth argument: { const sigset_t *ss; size_t len; } */
        uint64_t ss, len;
        if (!get_user(sigmask_arg, ABI_LONG, &ss) ||
            !get_user(sigmask_arg + ABI_LONG, ABI_LONG, &len))
            return -EFAULT;
        if (ss && len != user_sigset_size())
            return -EINVAL;
        if (ss && !user_get_sigset(ss, &mask))
            return -EFAULT;
        if (!ss)
            sigmask_arg = 0;
        else
            user_push_sigmask(mask);
    }
    long res = safe_syscall(SYS_pselect6, n, (long)&r, (long)&w, (long)&e,
                            (long)ts, 0);
    if (sigmask_arg)
        user_pop_sigmask(res == -USER_ERESTARTSYS);
    if (res < 0)
        return res == -USER_ERESTARTSYS ? -USER_ERESTARTNOHAND : res;
    if (!put_fdset(a[1], n, &r) || !put_fdset(a[2], n, &w) ||
        !put_fdset(a[3], n, &e))
        return -EFAULT;
    return res;
}

int64_t sys__newselect(struct cpu_common *cpu, const uint64_t *a)
{
    struct timespec ts;
    if (a[4]) {
        /* struct timeval of longs */
        if (!get_timespec(a[4], ABI_LONG, &ts))
            return -EFAULT;
        ts.tv_nsec *= 1000;
    }
    int64_t r = do_select(a, a[4] ? &ts : NULL, 0);
    if (r >= 0 && a[4]) {
        uint8_t *g = user_ptr(a[4], 2 * ABI_LONG, true);
        if (g) {
            abi_st(g, ABI_LONG, ts.tv_sec);
            abi_st(g + ABI_LONG, ABI_LONG, ts.tv_nsec / 1000);
        }
    }
    return r;
}

int64_t sys_select(struct cpu_common *cpu, const uint64_t *a)
{
    return sys__newselect(cpu, a);
}

int64_t sys_pselect6(struct cpu_common *cpu, const uint64_t *a)
{
    struct timespec ts;
    if (a[4] && !get_timespec(a[4], ABI_LONG, &ts))
        return -EFAULT;
    return do_select(a, a[4] ? &ts : NULL, a[5]);
}
