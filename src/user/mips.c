/*
 * The MIPS Linux ABIs: o32 (mips, mipsel) and n64 (mips64, mips64el).
 *
 * What differs from the generic Linux values, all taken from the MIPS
 * kernel headers: syscall numbers (o32 from 4000, n64 from 5000), errno
 * values from 35 up, signal numbers, open and mmap flag bits, struct
 * stat/statfs/sigaction layouts, the terminal ioctl numbers, and the
 * syscall convention: number in v0, arguments in a0-a3 (o32: the 5th to
 * 8th on the stack at sp+16; n64: a4-a7 = $8-$11), result in v0 and the
 * error flag in a3 (a3 = 1 and v0 = positive errno on failure).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "target/mips/cpu.h"
#include "user/abi.h"
#include "user/elfload.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"
#include "util/bits.h"

#define S(nr, name) { 4000 + (nr), USYS_##name }

/* o32.  pipe, cacheflush, ioctl, rt_sigaction and rt_sigprocmask are
 * served by mips_arch_syscall (they differ from the generic calls). */
static const struct abi_syscall o32_syscalls[] = {
    S(1, exit), S(2, fork), S(3, read), S(4, write), S(5, open), S(6, close),
    S(8, creat), S(9, link), S(10, unlink), S(11, execve), S(12, chdir),
    S(13, time), S(14, mknod), S(15, chmod), S(16, lchown32), S(19, lseek),
    S(20, getpid), S(23, setuid32), S(24, getuid32), S(27, alarm),
    S(29, pause), S(33, access), S(36, sync), S(37, kill), S(38, rename),
    S(39, mkdir), S(40, rmdir), S(41, dup), S(43, times), S(45, brk),
    S(46, setgid32), S(47, getgid32), S(49, geteuid32), S(50, getegid32),
    S(55, fcntl), S(57, setpgid), S(60, umask), S(63, dup2),
    S(64, getppid), S(65, getpgrp), S(66, setsid), S(70, setreuid32),
    S(71, setregid32), S(74, sethostname), S(75, setrlimit),
    S(76, ugetrlimit), S(77, getrusage), S(78, gettimeofday),
    S(80, getgroups32), S(81, setgroups32), S(83, symlink), S(85, readlink),
    S(91, munmap), S(92, truncate), S(93, ftruncate), S(94, fchmod),
    S(95, fchown32), S(96, getpriority), S(97, setpriority), S(114, wait4),
    S(116, sysinfo), S(118, fsync), S(119, sigreturn), S(120, clone),
    S(122, uname), S(125, mprotect), S(132, getpgid), S(133, fchdir),
    S(138, setfsuid32), S(139, setfsgid32), S(140, _llseek),
    S(142, _newselect), S(144, msync), S(145, readv), S(146, writev),
    S(151, getsid), S(152, fdatasync), S(154, mlock),
    S(155, munlock), S(162, sched_yield), S(166, nanosleep), S(167, mremap),
    S(168, accept), S(169, bind), S(170, connect), S(174, listen),
    S(175, recv), S(176, recvfrom), S(178, send), S(180, sendto),
    S(182, shutdown), S(183, socket), S(184, socketpair),
    S(185, setresuid32), S(186, getresuid32), S(188, poll),
    S(190, setresgid32), S(191, getresgid32), S(192, prctl),
    S(193, rt_sigreturn), S(199, rt_sigsuspend), S(200, pread64),
    S(201, pwrite64), S(202, chown32), S(203, getcwd), S(206, sigaltstack),
    S(210, mmap2), S(211, truncate64), S(212, ftruncate64), S(213, stat64),
    S(214, lstat64), S(215, fstat64), S(218, madvise), S(219, getdents64),
    S(220, fcntl64), S(222, gettid), S(236, tkill), S(237, sendfile64),
    S(240, sched_getaffinity), S(246, exit_group), S(252, set_tid_address),
    S(255, statfs64), S(256, fstatfs64), S(263, clock_gettime),
    S(264, clock_getres), S(265, clock_nanosleep), S(266, tgkill),
    S(278, waitid), S(283, set_tls), S(288, openat), S(289, mkdirat),
    S(290, mknodat), S(291, fchownat), S(293, fstatat64), S(294, unlinkat),
    S(295, renameat), S(296, linkat), S(297, symlinkat), S(298, readlinkat),
    S(299, fchmodat), S(300, faccessat), S(301, pselect6), S(302, ppoll),
    S(309, set_robust_list), S(316, utimensat), S(325, eventfd2),
    S(327, dup3), S(328, pipe2), S(338, prlimit64), S(351, renameat2),
    S(353, getrandom), S(366, statx), S(403, clock_gettime64),
    S(406, clock_getres_time64), S(407, clock_nanosleep_time64),
    S(412, utimensat_time64), S(439, faccessat2),
};
#undef S

/* n64: the generic names of the 32-bit ABIs stand for the calls with
 * the same meaning (fstat -> fstat64 with the n64 struct stat, ...). */
#define S(nr, name) { 5000 + (nr), USYS_##name }
static const struct abi_syscall n64_syscalls[] = {
    S(0, read), S(1, write), S(2, open), S(3, close), S(4, stat64),
    S(5, fstat64), S(6, lstat64), S(7, poll), S(8, lseek), S(10, mprotect),
    S(11, munmap), S(12, brk), S(16, pread64), S(17, pwrite64), S(18, readv),
    S(19, writev), S(20, access), S(23, sched_yield), S(24, mremap),
    S(25, msync), S(27, madvise), S(31, dup), S(32, dup2), S(33, pause),
    S(34, nanosleep), S(37, alarm), S(38, getpid), S(39, sendfile64),
    S(40, socket), S(41, connect), S(42, accept), S(43, sendto),
    S(44, recvfrom), S(47, shutdown), S(48, bind), S(49, listen),
    S(52, socketpair), S(55, clone), S(56, fork), S(57, execve), S(58, exit),
    S(59, wait4), S(60, kill), S(61, uname), S(70, fcntl), S(72, fsync),
    S(73, fdatasync), S(74, truncate), S(75, ftruncate), S(77, getcwd),
    S(78, chdir), S(79, fchdir), S(80, rename), S(81, mkdir), S(82, rmdir),
    S(83, creat), S(84, link), S(85, unlink), S(86, symlink),
    S(87, readlink), S(88, chmod), S(89, fchmod), S(90, chown32),
    S(91, fchown32), S(92, lchown32), S(93, umask), S(94, gettimeofday),
    S(95, ugetrlimit), S(96, getrusage), S(97, sysinfo), S(98, times),
    S(100, getuid32), S(102, getgid32), S(103, setuid32), S(104, setgid32),
    S(105, geteuid32), S(106, getegid32), S(107, setpgid), S(108, getppid),
    S(109, getpgrp), S(110, setsid), S(111, setreuid32), S(112, setregid32),
    S(113, getgroups32), S(114, setgroups32), S(115, setresuid32),
    S(116, getresuid32), S(117, setresgid32), S(118, getresgid32),
    S(119, getpgid), S(120, setfsuid32), S(121, setfsgid32), S(122, getsid),
    S(128, rt_sigsuspend), S(129, sigaltstack), S(131, mknod),
    S(137, getpriority), S(138, setpriority), S(146, mlock), S(147, munlock),
    S(153, prctl), S(155, setrlimit), S(157, sync), S(165, sethostname),
    S(178, gettid), S(192, tkill), S(196, sched_getaffinity),
    S(205, exit_group), S(211, rt_sigreturn), S(212, set_tid_address),
    S(222, clock_gettime), S(223, clock_getres), S(224, clock_nanosleep),
    S(225, tgkill), S(237, waitid), S(242, set_tls), S(247, openat),
    S(248, mkdirat), S(249, mknodat), S(250, fchownat), S(252, fstatat64),
    S(253, unlinkat), S(254, renameat), S(255, linkat), S(256, symlinkat),
    S(257, readlinkat), S(258, fchmodat), S(259, faccessat),
    S(260, pselect6), S(261, ppoll), S(268, set_robust_list),
    S(275, utimensat), S(284, eventfd2), S(286, dup3), S(287, pipe2),
    S(297, prlimit64), S(308, getdents64), S(311, renameat2),
    S(313, getrandom), S(326, statx), S(439, faccessat2),
};
#undef S

/* Host (generic Linux) errno -> MIPS errno, indexed by host errno. */
static const int16_t mips_errno_map[] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 45, 78, 46,
    89, 93, 90, 41, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 50, 51, 52, 53,
    54, 55, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 74, 73,
    77, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 91, 92, 94, 95, 96, 97, 98,
    99, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133,
    134, 143, 144, 145, 146, 147, 148, 149, 150, 151, 135, 137, 138, 139,
    140, 1133, 159, 160, 158, 161, 162, 163, 164, 165, 166, 167, 168,
};

/* Host signal -> MIPS signal, indexed by host signal (real-time signals
 * keep their numbers). */
static const int8_t mips_signal_map[65] = {
    [SIGHUP] = 1, [SIGINT] = 2, [SIGQUIT] = 3, [SIGILL] = 4, [SIGTRAP] = 5,
    [SIGABRT] = 6, [SIGFPE] = 8, [SIGKILL] = 9, [SIGBUS] = 10,
    [SIGSEGV] = 11, [SIGSYS] = 12, [SIGPIPE] = 13, [SIGALRM] = 14,
    [SIGTERM] = 15, [SIGUSR1] = 16, [SIGUSR2] = 17, [SIGCHLD] = 18,
    [SIGPWR] = 19, [SIGWINCH] = 20, [SIGURG] = 21, [SIGIO] = 22,
    [SIGSTOP] = 23, [SIGTSTP] = 24, [SIGCONT] = 25, [SIGTTIN] = 26,
    [SIGTTOU] = 27, [SIGVTALRM] = 28, [SIGPROF] = 29, [SIGXCPU] = 30,
    [SIGXFSZ] = 31, [SIGSTKFLT] = 7 /* as SIGEMT: MIPS has no STKFLT */,
    [32] = 32, [33] = 33, [34] = 34, [35] = 35, [36] = 36, [37] = 37,
    [38] = 38, [39] = 39, [40] = 40, [41] = 41, [42] = 42, [43] = 43,
    [44] = 44, [45] = 45, [46] = 46, [47] = 47, [48] = 48, [49] = 49,
    [50] = 50, [51] = 51, [52] = 52, [53] = 53, [54] = 54, [55] = 55,
    [56] = 56, [57] = 57, [58] = 58, [59] = 59, [60] = 60, [61] = 61,
    [62] = 62, [63] = 63, [64] = 64,
};

#define SAME(f) { f, f, f, f }
static const struct abi_bits mips_open_flags[] = {
    { 3, 0, 3, 0 }, { 3, 1, 3, 1 }, { 3, 2, 3, 2 }, { 3, 3, 3, 3 },
    { 0x0008, 0x0008, O_APPEND, O_APPEND },
    { 0x0010, 0x0010, O_DSYNC, O_DSYNC },
    { 0x0080, 0x0080, O_NONBLOCK, O_NONBLOCK },
    { 0x0100, 0x0100, O_CREAT, O_CREAT },
    { 0x0200, 0x0200, O_TRUNC, O_TRUNC },
    { 0x0400, 0x0400, O_EXCL, O_EXCL },
    { 0x0800, 0x0800, O_NOCTTY, O_NOCTTY },
    { 0x1000, 0x1000, O_ASYNC, O_ASYNC },
    { 0x2000, 0x2000, 0100000, 0100000 },          /* O_LARGEFILE */
    { 0x4000, 0x4000, 04000000, 04000000 },        /* __O_SYNC */
    { 0x8000, 0x8000, O_DIRECT, O_DIRECT },
    { 0x10000, 0x10000, O_DIRECTORY, O_DIRECTORY },
    { 0x20000, 0x20000, O_NOFOLLOW, O_NOFOLLOW },
    { 0x40000, 0x40000, O_NOATIME, O_NOATIME },
    { 0x80000, 0x80000, O_CLOEXEC, O_CLOEXEC },
    { 0x200000, 0x200000, O_PATH, O_PATH },
    { 0x400000, 0x400000, 020000000, 020000000 },  /* __O_TMPFILE */
    { 0, 0, 0, 0 }
};

static const struct abi_bits mips_mmap_flags[] = {
    SAME(MAP_SHARED), SAME(MAP_PRIVATE), SAME(MAP_FIXED),
    { 0x0400, 0x0400, MAP_NORESERVE, MAP_NORESERVE },
    { 0x0800, 0x0800, MAP_ANONYMOUS, MAP_ANONYMOUS },
    { 0x1000, 0x1000, MAP_GROWSDOWN, MAP_GROWSDOWN },
    { 0x2000, 0x2000, MAP_DENYWRITE, MAP_DENYWRITE },
    { 0x4000, 0x4000, MAP_EXECUTABLE, MAP_EXECUTABLE },
    { 0x8000, 0x8000, MAP_LOCKED, MAP_LOCKED },
    { 0x10000, 0x10000, MAP_POPULATE, MAP_POPULATE },
    { 0x20000, 0x20000, MAP_NONBLOCK, MAP_NONBLOCK },
    { 0x40000, 0x40000, MAP_STACK, MAP_STACK },
    { 0x80000, 0x80000, MAP_HUGETLB, MAP_HUGETLB },
    { 0x100000, 0x100000, MAP_FIXED_NOREPLACE, MAP_FIXED_NOREPLACE },
    { 0, 0, 0, 0 }
};

/* o32 struct stat64 and n64 struct stat share one layout: 104 bytes,
 * 32-bit dev/rdev followed by padding, 64-bit inode at 16. */
static const struct abi_stat_layout mips_stat = {
    .size = 104,
    .dev = { 0, 4 }, .ino = { 16, 8 }, .mode = { 24, 4 }, .nlink = { 28, 4 },
    .uid = { 32, 4 }, .gid = { 36, 4 }, .rdev = { 40, 4 },
    .fsize = { 56, 8 }, .atime = { 64, 4 }, .atime_ns = { 68, 4 },
    .mtime = { 72, 4 }, .mtime_ns = { 76, 4 }, .ctime = { 80, 4 },
    .ctime_ns = { 84, 4 }, .blksize = { 88, 4 }, .blocks = { 96, 8 },
};

/* o32 struct statfs64: f_frsize comes third, then padding. */
static const struct abi_statfs_layout o32_statfs64 = {
    .size = 88,
    .type = { 0, 4 }, .bsize = { 4, 4 }, .frsize = { 8, 4 },
    .blocks = { 16, 8 }, .bfree = { 24, 8 }, .files = { 32, 8 },
    .ffree = { 40, 8 }, .bavail = { 48, 8 }, .fsid = { 56, 8 },
    .namelen = { 64, 4 }, .flags = { 68, 4 },
};

/* n64 struct statfs: all longs. */
static const struct abi_statfs_layout n64_statfs = {
    .size = 128,
    .type = { 0, 8 }, .bsize = { 8, 8 }, .frsize = { 16, 8 },
    .blocks = { 24, 8 }, .bfree = { 32, 8 }, .files = { 40, 8 },
    .ffree = { 48, 8 }, .bavail = { 56, 8 }, .fsid = { 64, 8 },
    .namelen = { 72, 8 }, .flags = { 80, 8 },
};

/* MIPS struct termios: c_cc has 23 entries in another order. */
static const struct abi_termios_layout mips_termios = {
    .size = 40,
    .iflag = { 0, 4 }, .oflag = { 4, 4 }, .cflag = { 8, 4 },
    .lflag = { 12, 4 }, .line = { 16, 1 }, .cc_off = 17,
    /* host VINTR..VEOL2 -> MIPS indices (VEOF 16, VMIN 4, VEOL 17,
     * VEOL2 6) */
    .cc_map = { 0, 1, 2, 3, 16, 5, 4, 7, 8, 9, 10, 17, 12, 13, 14, 15, 6,
                -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 },
};

/* The kernel's struct sigaction: flags first, no restorer. */
static const struct abi_sigaction_layout o32_sigaction = {
    .size = 24,
    .flags = { 0, 4 }, .handler = { 4, 4 }, .mask = { 8, 8 },
};

static const struct abi_sigaction_layout n64_sigaction = {
    .size = 32,
    .flags = { 0, 4 }, .handler = { 8, 8 }, .mask = { 16, 8 },
};

/* ---- The syscall convention ---------------------------------------------------- */

enum { R_V0 = 2, R_V1 = 3, R_A0 = 4, R_A3 = 7, R_SP = 29, R_RA = 31 };

static void o32_get_syscall(struct cpu_common *c, uint32_t *nr,
                            uint64_t args[6])
{
    struct mips_cpu *cpu = mips_cpu(c);
    *nr = (uint32_t)cpu->gpr[R_V0];
    for (int i = 0; i < 4; i++)
        args[i] = (uint32_t)cpu->gpr[R_A0 + i];
    /* Arguments 5 and 6 are on the stack, above the 16-byte home area. */
    for (int i = 4; i < 6; i++) {
        uint64_t v = 0;
        get_user((uint32_t)cpu->gpr[R_SP] + 4 * i, 4, &v);
        args[i] = v;
    }
}

static void n64_get_syscall(struct cpu_common *c, uint32_t *nr,
                            uint64_t args[6])
{
    struct mips_cpu *cpu = mips_cpu(c);
    *nr = (uint32_t)cpu->gpr[R_V0];
    for (int i = 0; i < 6; i++)
        args[i] = cpu->gpr[R_A0 + i];
}

/* Errors come back as a3 = 1 and v0 = the positive errno. */
static void mips_set_syscall_result(struct cpu_common *c, int64_t ret)
{
    struct mips_cpu *cpu = mips_cpu(c);
    if (ret < 0 && ret >= -4095) {
        cpu->gpr[R_V0] = (uint64_t)-ret;
        cpu->gpr[R_A3] = 1;
    } else {
        cpu->gpr[R_V0] = cpu->is64 ? (uint64_t)ret
                                   : (uint64_t)(uint32_t)ret;
        cpu->gpr[R_A3] = 0;
    }
}

/* MIPS terminal ioctls -> host ones (generic sys_ioctl serves them). */
static const struct { uint32_t guest, host; } mips_ioctls[] = {
    { 0x540d, TCGETS }, { 0x540e, TCSETS }, { 0x540f, TCSETSW },
    { 0x5410, TCSETSF }, { 0x40087468, TIOCGWINSZ },
    { 0x80087467, TIOCSWINSZ }, { 0x40047477, TIOCGPGRP },
    { 0x80047476, TIOCSPGRP }, { 0x467f, FIONREAD }, { 0x667e, FIONBIO },
    { 0x5480, TIOCSCTTY }, { 0x5471, TIOCNOTTY },
};

/* Calls whose MIPS form differs from the generic handler's arguments. */
static bool mips_arch_syscall(struct cpu_common *c, uint32_t nr,
                              const uint64_t a[6], int64_t *ret,
                              const char **name)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t b[6];
    memcpy(b, a, sizeof(b));
    uint32_t n = nr - (cpu->is64 ? 5000 : 4000);

    /* pipe returns both descriptors in v0 and v1. */
    if ((!cpu->is64 && n == 42) || (cpu->is64 && n == 21)) {
        int fds[2];
        *name = "pipe";
        if (pipe(fds) < 0) {
            *ret = -errno;
            return true;
        }
        cpu->gpr[R_V1] = (uint32_t)fds[1];
        *ret = fds[0];
        return true;
    }
    /* cacheflush(addr, nbytes, cache) */
    if ((!cpu->is64 && n == 147) || (cpu->is64 && n == 197)) {
        *name = "cacheflush";
        b[1] = a[0] + a[1];
        *ret = sys_cacheflush(c, b);
        return true;
    }
    if ((!cpu->is64 && n == 54) || (cpu->is64 && n == 15)) {
        *name = "ioctl";
        for (size_t i = 0; i < ARRAY_SIZE(mips_ioctls); i++)
            if ((uint32_t)a[1] == mips_ioctls[i].guest)
                b[1] = mips_ioctls[i].host;
        if (b[1] == a[1] && (((uint32_t)a[1] >> 8) & 0xff) == 0x54) {
            *ret = -ENOTTY;    /* a MIPS tty ioctl kemu does not know */
            return true;
        }
        *ret = sys_ioctl(c, b);
        return true;
    }
    /* rt_sigaction / rt_sigprocmask: MIPS has 128 signals (16-byte
     * sets) and numbers SIG_BLOCK.. from 1; the first 64 are kept. */
    if ((!cpu->is64 && n == 194) || (cpu->is64 && n == 13)) {
        *name = "rt_sigaction";
        if (a[3] != 16) {
            *ret = -EINVAL;
            return true;
        }
        b[3] = 8;
        *ret = sys_rt_sigaction(c, b);
        return true;
    }
    if ((!cpu->is64 && n == 195) || (cpu->is64 && n == 14)) {
        *name = "rt_sigprocmask";
        if (a[3] != 16 || (a[1] && (a[0] < 1 || a[0] > 3))) {
            *ret = -EINVAL;
            return true;
        }
        b[0] = a[1] ? a[0] - 1 : SIG_BLOCK;
        b[3] = 8;
        *ret = sys_rt_sigprocmask(c, b);
        return true;
    }
    if (cpu->is64) {
        switch (n) {
        case 9:   /* mmap: the offset in bytes */
            *name = "mmap";
            if (a[5] & (GUEST_PAGE_SIZE - 1)) {
                *ret = -EINVAL;
                return true;
            }
            b[5] = a[5] >> 12;
            *ret = sys_mmap2(c, b);
            return true;
        case 134: /* statfs(path, buf) */
        case 135: /* fstatfs(fd, buf) */
            *name = n == 134 ? "statfs" : "fstatfs";
            b[1] = n64_statfs.size;
            b[2] = a[1];
            *ret = n == 134 ? sys_statfs64(c, b) : sys_fstatfs64(c, b);
            return true;
        }
    }
    return false;
}

/* ---- Registers, auxv, exceptions ---------------------------------------------------- */

/*
 * The FP ABI of an o32 program: the fp_abi byte (offset 7) of the
 * .MIPS.abiflags structure that PT_MIPS_ABIFLAGS points at, or -1 when
 * the program has none (older toolchains mark FP64 with EF_MIPS_FP64
 * only).  The program headers are in guest memory at info->phdr_addr.
 */
static int mips_o32_fp_abi(const struct image_info *info)
{
    for (uint32_t k = 0; k < info->phnum; k++) {
        uint64_t ph = info->phdr_addr + (uint64_t)k * info->phent;
        uint64_t type, vaddr, abi;
        if (!get_user(ph, 4, &type) || type != PT_MIPS_ABIFLAGS)
            continue;
        if (get_user(ph + 8, 4, &vaddr) &&
            get_user(info->load_bias + vaddr + 7, 1, &abi))
            return (int)abi;
    }
    return -1;
}

static void mips_init_regs(struct cpu_common *c, const struct image_info *info,
                           uint64_t sp)
{
    struct mips_cpu *cpu = mips_cpu(c);

    memset(cpu->gpr, 0, sizeof(cpu->gpr));
    cpu->gpr[R_SP] = sp;
    cpu->pc = info->entry;
    /* $t9 holds the entry address for PIC start code. */
    cpu->gpr[25] = info->entry;
    /* o32 programs built for FP64 (fp_abi Val_GNU_MIPS_ABI_FP_64 or _64A,
     * or EF_MIPS_FP64) run with Status.FR = 1; FP32 and FPXX ones with
     * FR = 0, which both allow. */
    if (!cpu->is64) {
        int fp_abi = mips_o32_fp_abi(info);
        cpu->fr = (info->e_flags & 0x200) || fp_abi == 6 || fp_abi == 7;
    }
}

static void mips_set_tls(struct cpu_common *c, uint64_t tls)
{
    mips_cpu(c)->userlocal = tls;
}

static void mips_set_sp(struct cpu_common *c, uint64_t sp)
{
    mips_cpu(c)->gpr[R_SP] = sp;
}

/* Linux's HWCAP_MIPS_* has no bits for Release 2 features: 0, as the
 * kernel reports on such CPUs. */
static uint32_t mips_hwcap(struct cpu_common *c)
{
    return 0;
}

static const char *mips_platform(struct cpu_common *c)
{
    return mips_cpu(c)->is64 ? "mips64" : "mips";
}

static const char *mips_uname_machine(struct cpu_common *c)
{
    return mips_cpu(c)->is64 ? "mips64" : "mips";
}

/*
 * BREAK and trap codes pick the signal as Linux's do_bp/do_tr do: code 6
 * (overflow) and 7 (divide by zero) give SIGFPE, others SIGTRAP.  BREAK's
 * code is bits 25:16 of the instruction, a trap's bits 15:6.
 */
static int mips_exception_signal(struct cpu_common *c, int excp)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t insn = 0;
    unsigned code = 0;

    switch (excp) {
    case MIPS_EXCP_BREAK:
        if (get_user(cpu->pc, 4, &insn))
            code = extract32((uint32_t)insn, 16, 10);
        return code == 6 || code == 7 ? SIGFPE : SIGTRAP;
    case MIPS_EXCP_TRAP:
        if (get_user(cpu->pc, 4, &insn) && ((insn >> 26) & 63) == 0)
            code = extract32((uint32_t)insn, 6, 10);
        return code == 6 || code == 7 ? SIGFPE : SIGTRAP;
    case MIPS_EXCP_OVERFLOW:
    case MIPS_EXCP_FPE:
        return SIGFPE;
    }
    return 0;
}

#define MIPS_COMMON(nm, be)                                                 \
    .name = nm, .elf_machine = EM_MIPS, .big_endian = be,                    \
    .errno_map = mips_errno_map, .n_errno_map = ARRAY_SIZE(mips_errno_map), \
    .signal_map = mips_signal_map, .open_flags = mips_open_flags,           \
    .mmap_flags = mips_mmap_flags, .stat64 = &mips_stat,                    \
    .termios = &mips_termios, .set_syscall_result = mips_set_syscall_result,\
    .init_regs = mips_init_regs, .hwcap = mips_hwcap,                       \
    .platform = mips_platform, .uname_machine = mips_uname_machine,         \
    .arch_syscall = mips_arch_syscall,                                      \
    .exception_signal = mips_exception_signal, .set_tls = mips_set_tls,     \
    .set_sp = mips_set_sp

#define O32(nm, be)                                                         \
    const struct user_abi nm##_user_abi = {                                 \
        MIPS_COMMON(#nm, be), .elf_class = ELFCLASS32, .long_size = 4,      \
        .stack_top = 0x7fff8000, .mmap_base = 0x40000000,                   \
        .et_dyn_base = 0x00400000, .space_limit = 0x7fff8000,               \
        .regpair_aligned = true, .syscalls = o32_syscalls,                  \
        .n_syscalls = ARRAY_SIZE(o32_syscalls),                             \
        .statfs64 = &o32_statfs64, .sigaction = &o32_sigaction,             \
        .get_syscall = o32_get_syscall,                                     \
    }

/* n64: a user space of 2^39 bytes, inside what the engine reserves. */
#define N64(nm, be)                                                         \
    const struct user_abi nm##_user_abi = {                                 \
        MIPS_COMMON(#nm, be), .elf_class = ELFCLASS64, .long_size = 8,      \
        .stack_top = 0x7fff000000ull, .mmap_base = 0x2000000000ull,         \
        .et_dyn_base = 0x0120000000ull, .space_limit = 0x8000000000ull,     \
        .regpair_aligned = false, .syscalls = n64_syscalls,                 \
        .n_syscalls = ARRAY_SIZE(n64_syscalls),                             \
        .statfs64 = &n64_statfs, .sigaction = &n64_sigaction,               \
        .get_syscall = n64_get_syscall,                                     \
    }

O32(mips, true);
O32(mipsel, false);
N64(mips64, true);
N64(mips64el, false);
