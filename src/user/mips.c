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
#include <stdint.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "target/target.h"
#include "target/mips/cpu.h"
#include "user/abi.h"
#include "user/elfload.h"
#include "user/mips_syscall_names.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"
#include "util/bits.h"

#define S(nr, name) { 4000 + (nr), USYS_##name }

/* o32.  pipe, cacheflush, ioctl, rt_sigaction and rt_sigprocmask are
 * served by mips_arch_syscall (they differ from the generic calls). */
static const struct abi_syscall o32_syscalls[] = {
    /* SysV IPC: the multiplexer, and the direct calls of Linux 5.1+ */
    S(117, ipc), S(393, semget), S(394, semctl), S(395, shmget),
    S(396, shmctl), S(397, shmat), S(398, shmdt), S(399, msgget),
    S(400, msgsnd), S(401, msgrcv), S(402, msgctl), S(420, semtimedop_time64),
    S(1, exit), S(2, fork), S(3, read), S(4, write), S(5, open), S(6, close),
    S(8, creat), S(9, link), S(10, unlink), S(11, execve), S(12, chdir),
    S(13, time), S(14, mknod), S(15, chmod), S(16, lchown32), S(19, lseek),
    S(20, getpid), S(23, setuid32), S(24, getuid32), S(27, alarm),
    S(29, pause), S(33, access), S(36, sync), S(37, kill), S(38, rename),
    S(39, mkdir), S(40, rmdir), S(41, dup), S(43, times), S(45, brk),
    S(46, setgid32), S(47, getgid32), S(49, geteuid32), S(50, getegid32),
    S(57, setpgid), S(60, umask), S(63, dup2),
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
    S(190, setresgid32), S(191, getresgid32), S(193, rt_sigreturn), S(199, rt_sigsuspend), S(200, pread64),
    S(201, pwrite64), S(202, chown32), S(203, getcwd), S(206, sigaltstack),
    S(210, mmap2), S(211, truncate64), S(212, ftruncate64), S(213, stat64),
    S(214, lstat64), S(215, fstat64), S(218, madvise), S(219, getdents64),
    S(222, gettid), S(236, tkill), S(237, sendfile64),
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
    /* signals, timers, futexes */
    S(104, setitimer), S(105, getitimer), S(194, rt_sigaction),
    S(196, rt_sigpending), S(197, rt_sigtimedwait), S(198, rt_sigqueueinfo),
    S(238, futex), S(257, timer_create), S(258, timer_settime),
    S(259, timer_gettime), S(260, timer_getoverrun), S(261, timer_delete),
    S(310, get_robust_list), S(317, signalfd), S(324, signalfd4),
    S(332, rt_tgsigqueueinfo), S(408, timer_gettime64),
    S(409, timer_settime64), S(421, rt_sigtimedwait_time64),
    S(422, futex_time64),
    /* memory, sockets, event descriptors */
    S(156, mlockall), S(157, munlockall), S(359, mlock2),
    S(171, getpeername), S(172, getsockname), S(173, getsockopt),
    S(177, recvmsg), S(179, sendmsg), S(181, setsockopt), S(334, accept4),
    S(335, recvmmsg), S(343, sendmmsg), S(417, recvmmsg_time64),
    S(248, epoll_create), S(249, epoll_ctl), S(250, epoll_wait),
    S(313, epoll_pwait), S(326, epoll_create1), S(441, epoll_pwait2),
    S(319, eventfd), S(321, timerfd_create), S(322, timerfd_gettime),
    S(323, timerfd_settime), S(410, timerfd_gettime64),
    S(411, timerfd_settime64), S(284, inotify_init),
    S(285, inotify_add_watch), S(286, inotify_rm_watch),
    S(329, inotify_init1),
};
#undef S

/* n64: the generic names of the 32-bit ABIs stand for the calls with
 * the same meaning (fstat -> fstat64 with the n64 struct stat, ...). */
#define S(nr, name) { 5000 + (nr), USYS_##name }
static const struct abi_syscall n64_syscalls[] = {
    /* SysV IPC */
    S(28, shmget), S(29, shmat), S(30, shmctl), S(62, semget), S(63, semop),
    S(64, semctl), S(65, shmdt), S(66, msgget), S(67, msgsnd),
    S(68, msgrcv), S(69, msgctl), S(214, semtimedop),
    S(0, read), S(1, write), S(2, open), S(3, close), S(4, stat64),
    S(5, fstat64), S(6, lstat64), S(7, poll), S(8, lseek), S(10, mprotect),
    S(11, munmap), S(12, brk), S(16, pread64), S(17, pwrite64), S(18, readv),
    S(19, writev), S(20, access), S(23, sched_yield), S(24, mremap),
    S(25, msync), S(27, madvise), S(31, dup), S(32, dup2), S(33, pause),
    S(34, nanosleep), S(37, alarm), S(38, getpid), S(39, sendfile64),
    S(40, socket), S(41, connect), S(42, accept), S(43, sendto),
    S(44, recvfrom), S(47, shutdown), S(48, bind), S(49, listen),
    S(52, socketpair), S(55, clone), S(56, fork), S(57, execve), S(58, exit),
    S(59, wait4), S(60, kill), S(61, uname), S(72, fsync),
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
    S(155, setrlimit), S(157, sync), S(165, sethostname),
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
    /* signals, timers, futexes */
    S(13, rt_sigaction), S(35, getitimer), S(36, setitimer),
    S(125, rt_sigpending), S(126, rt_sigtimedwait), S(127, rt_sigqueueinfo),
    S(194, futex), S(216, timer_create), S(217, timer_settime),
    S(218, timer_gettime), S(219, timer_getoverrun), S(220, timer_delete),
    S(269, get_robust_list), S(276, signalfd), S(283, signalfd4),
    S(291, rt_tgsigqueueinfo),
    /* memory, sockets, event descriptors */
    S(148, mlockall), S(149, munlockall), S(319, mlock2),
    S(45, sendmsg), S(46, recvmsg), S(50, getsockname), S(51, getpeername),
    S(53, setsockopt), S(54, getsockopt), S(293, accept4), S(294, recvmmsg),
    S(302, sendmmsg), S(207, epoll_create), S(208, epoll_ctl),
    S(209, epoll_wait), S(272, epoll_pwait), S(285, epoll_create1),
    S(441, epoll_pwait2), S(278, eventfd), S(280, timerfd_create),
    S(281, timerfd_gettime), S(282, timerfd_settime), S(243, inotify_init),
    S(244, inotify_add_watch), S(245, inotify_rm_watch),
    S(288, inotify_init1),
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

/* RLIMIT_*: MIPS numbers NOFILE 5, AS 6, RSS 7, NPROC 8, MEMLOCK 9;
 * guest -> host. */
static const int8_t mips_rlimit_map[16] = {
    0, 1, 2, 3, 4, 7 /* NOFILE */, 9 /* AS */, 5 /* RSS */, 6 /* NPROC */,
    8 /* MEMLOCK */, 10, 11, 12, 13, 14, 15,
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

/* SA_* flags: MIPS values (guest) <-> generic ones (host).  MIPS has no
 * SA_RESTORER: the return trampoline is always kemu's. */
static const struct abi_bits mips_sa_flags[] = {
    { 0x00000001, 0x00000001, SA_NOCLDSTOP, SA_NOCLDSTOP },
    { 0x00010000, 0x00010000, SA_NOCLDWAIT, SA_NOCLDWAIT },
    { 0x00000008, 0x00000008, SA_SIGINFO, SA_SIGINFO },
    { 0x08000000, 0x08000000, SA_ONSTACK, SA_ONSTACK },
    { 0x10000000, 0x10000000, SA_RESTART, SA_RESTART },
    { 0x40000000, 0x40000000, SA_NODEFER, SA_NODEFER },
    { 0x80000000, 0x80000000, SA_RESETHAND, SA_RESETHAND },
    { 0, 0, 0, 0 }
};

/* si_code values MIPS numbers otherwise (IRIX heritage): {host, guest}. */
static const int32_t mips_si_codes[][2] = {
    { SI_TIMER, -3 }, { SI_MESGQ, -4 }, { SI_ASYNCIO, -2 },
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

/* MIPS socket constants (arch/mips/include/uapi/asm/socket.h): its own
 * SOL_SOCKET and SO_* numbers below 22 and for a few above, and
 * SOCK_DGRAM 1 / SOCK_STREAM 2 the other way round. */
static const struct abi_sockopt_map mips_so[] = {
    { 0x0001, 1 },  /* SO_DEBUG */       { 0x0004, 2 },  /* SO_REUSEADDR */
    { 0x0008, 9 },  /* SO_KEEPALIVE */   { 0x0010, 5 },  /* SO_DONTROUTE */
    { 0x0020, 6 },  /* SO_BROADCAST */   { 0x0080, 13 }, /* SO_LINGER */
    { 0x0100, 10 }, /* SO_OOBINLINE */   { 0x0200, 15 }, /* SO_REUSEPORT */
    { 0x1001, 7 },  /* SO_SNDBUF */      { 0x1002, 8 },  /* SO_RCVBUF */
    { 0x1003, 19 }, /* SO_SNDLOWAT */    { 0x1004, 18 }, /* SO_RCVLOWAT */
    { 0x1005, 21 }, /* SO_SNDTIMEO_OLD */ { 0x1006, 20 }, /* SO_RCVTIMEO_OLD */
    { 0x1007, 4 },  /* SO_ERROR */       { 0x1008, 3 },  /* SO_TYPE */
    { 0x1009, 30 }, /* SO_ACCEPTCONN */  { 0x1028, 38 }, /* SO_PROTOCOL */
    { 0x1029, 39 }, /* SO_DOMAIN */      { 11, 11 },     /* SO_NO_CHECK */
    { 12, 12 },     /* SO_PRIORITY */    { 14, 14 },     /* SO_BSDCOMPAT */
    { 17, 16 },     /* SO_PASSCRED */    { 18, 17 },     /* SO_PEERCRED */
    { 30, 31 },     /* SO_PEERSEC */     { 31, 32 },     /* SO_SNDBUFFORCE */
    { 0, 0 }
};

static const struct abi_socket mips_socket = {
    .sol_socket = 0xffff,
    /* SOCK_DGRAM 1, STREAM 2, RAW 3, RDM 4, SEQPACKET 5, DCCP 6, PACKET 10 */
    .type_to_host = { [1] = 2, [2] = 1, [3] = 3, [4] = 4, [5] = 5, [6] = 6,
                      [10] = 10 },
    .so = mips_so,
    .so_same_from = 22,
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

/*
 * struct flock: MIPS numbers the lock commands F_GETLK 14, F_SETLK 6,
 * F_SETLKW 7 and (o32) F_GETLK64 33, F_SETLK64 34, F_SETLKW64 35, and
 * o32's struct flock has 32-bit offsets and an l_sysid.  Offsets of
 * l_start, l_len and l_pid, the size of start/len, the struct size:
 */
struct mips_flock_layout {
    uint8_t start, len, pid, off_size, size;
};
static const struct mips_flock_layout o32_flock = { 4, 8, 16, 4, 36 };
static const struct mips_flock_layout o32_flock64 = { 8, 16, 24, 8, 32 };
static const struct mips_flock_layout n64_flock = { 8, 16, 24, 8, 32 };

static int64_t mips_flock(int fd, int cmd, uint64_t addr,
                          const struct mips_flock_layout *L)
{
    struct flock fl;
    uint8_t *g = user_ptr(addr, L->size, true);
    if (!g)
        return -EFAULT;
    memset(&fl, 0, sizeof(fl));
    fl.l_type = (short)abi_ld(g, 2);
    fl.l_whence = (short)abi_ld(g + 2, 2);
    fl.l_start = L->off_size == 4 ? (int32_t)abi_ld(g + L->start, 4)
                                  : (int64_t)abi_ld(g + L->start, 8);
    fl.l_len = L->off_size == 4 ? (int32_t)abi_ld(g + L->len, 4)
                                : (int64_t)abi_ld(g + L->len, 8);
    fl.l_pid = (pid_t)abi_ld(g + L->pid, 4);
    if (fcntl(fd, cmd, &fl) < 0)
        return -errno;
    if (L->off_size == 4 && (fl.l_start > INT32_MAX || fl.l_len > INT32_MAX))
        return -EOVERFLOW;
    abi_st(g, 2, fl.l_type);
    abi_st(g + 2, 2, fl.l_whence);
    abi_st(g + L->start, L->off_size, fl.l_start);
    abi_st(g + L->len, L->off_size, fl.l_len);
    abi_st(g + L->pid, 4, fl.l_pid);
    return 0;
}

static int64_t mips_fcntl(struct cpu_common *c, const uint64_t a[6], bool is64)
{
    uint64_t b[6];
    int fd = (int)a[0];
    const struct mips_flock_layout *L = is64 ? &n64_flock : &o32_flock;

    switch ((int)a[1]) {
    case 14: return mips_flock(fd, F_GETLK, a[2], L);
    case 6: return mips_flock(fd, F_SETLK, a[2], L);
    case 7: return mips_flock(fd, F_SETLKW, a[2], L);
    case 33: case 34: case 35:
        if (is64)
            return -EINVAL;
        return mips_flock(fd, a[1] == 33 ? F_GETLK : a[1] == 34 ? F_SETLK
                                                                : F_SETLKW,
                          a[2], &o32_flock64);
    case 24: return sys_ret(fcntl(fd, F_SETOWN, (int)a[2]));
    case 23: return sys_ret(fcntl(fd, F_GETOWN));
    case 5: case 8: case 9: case 12: case 13:
        return -EINVAL;    /* generic numbers MIPS does not use */
    }
    memcpy(b, a, sizeof(b));
    return sys_fcntl64(c, b);
}

/* prctl: PR_SET_FP_MODE / PR_GET_FP_MODE (FR; FRE is not offered, as on
 * Release 2 CPUs without it); the rest is generic. */
enum { PR_SET_FP_MODE_ = 45, PR_GET_FP_MODE_ = 46, PR_FP_MODE_FR_ = 1 };

static int64_t mips_prctl(struct cpu_common *c, const uint64_t a[6])
{
    struct mips_cpu *cpu = mips_cpu(c);

    switch ((int)a[0]) {
    case PR_GET_FP_MODE_:
        return cpu->fr ? PR_FP_MODE_FR_ : 0;
    case PR_SET_FP_MODE_:
        if (a[1] & ~(uint64_t)PR_FP_MODE_FR_)
            return -EOPNOTSUPP;
        if (cpu->is64 && !(a[1] & PR_FP_MODE_FR_))
            return -EOPNOTSUPP;    /* n64 is always FR=1 */
        /* The mode is part of the TB key: the next TB decodes with it. */
        cpu->fr = a[1] & PR_FP_MODE_FR_;
        return 0;
    }
    return sys_prctl(c, a);
}

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
    if ((!cpu->is64 && (n == 55 || n == 220)) || (cpu->is64 && n == 70)) {
        *name = n == 220 ? "fcntl64" : "fcntl";
        *ret = mips_fcntl(c, a, cpu->is64);
        return true;
    }
    if ((!cpu->is64 && n == 192) || (cpu->is64 && n == 153)) {
        *name = "prctl";
        *ret = mips_prctl(c, a);
        return true;
    }
    /* rt_sigprocmask: MIPS numbers SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK
     * from 1 (the 16-byte sigset is the generic handler's business). */
    if ((!cpu->is64 && n == 195) || (cpu->is64 && n == 14)) {
        *name = "rt_sigprocmask";
        if (a[1] && (a[0] < 1 || a[0] > 3)) {
            *ret = -EINVAL;
            return true;
        }
        b[0] = a[1] ? a[0] - 1 : SIG_BLOCK;
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
    /* A dynamic program starts in its interpreter. */
    uint64_t entry = info->interp_entry ? info->interp_entry : info->entry;
    cpu->pc = entry;
    /* $t9 holds the entry address for PIC start code. */
    cpu->gpr[25] = entry;
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

/* ---- Signal frames ------------------------------------------------------------------ */

/*
 * Frames as arch/mips/kernel/signal.c builds them (uapi asm/sigcontext.h,
 * asm/ucontext.h):
 *   struct sigframe    { u32 ass[4], pad[2]; sigcontext sc; sigset_t mask; }
 *                      (o32 without SA_SIGINFO only)
 *   struct rt_sigframe { u32 ass[4], pad[2]; siginfo info; ucontext uc; }
 *   struct ucontext    { long flags; ucontext *link; stack_t stack;
 *                        sigcontext mcontext; sigset_t sigmask; }
 * The o32 sigcontext has 64-bit slots for everything (regmask, status,
 * pc, regs[32], fpregs[32], acx, fpc_csr, fpc_eir, used_math, dsp, mdhi,
 * mdlo, ...); the n64 one starts with regs[32], fpregs[32], then
 * mdhi/hi1-3, mdlo/lo1-3, pc, fpc_csr, used_math.  sigset_t is 16 bytes.
 */
struct mips_sc_layout {
    uint16_t size, pc, regs, fpregs, fpc_csr, used_math, mdhi, mdlo;
    uint16_t uc_stack, uc_mcontext;     /* inside the ucontext */
};

static const struct mips_sc_layout o32_sc = {
    .size = 592, .pc = 8, .regs = 16, .fpregs = 272, .fpc_csr = 532,
    .used_math = 540, .mdhi = 552, .mdlo = 560,
    .uc_stack = 8, .uc_mcontext = 24,
};

static const struct mips_sc_layout n64_sc = {
    .size = 600, .pc = 576, .regs = 0, .fpregs = 256, .fpc_csr = 584,
    .used_math = 588, .mdhi = 512, .mdlo = 544,
    .uc_stack = 16, .uc_mcontext = 40,
};

enum {
    FRAME_HEAD = 24,             /* ass[4], pad[2] */
    SIGSET_SIZE = 16,
    USED_FP = 1, USED_FR1 = 2,   /* sc_used_math */
};

/* The return trampolines (the kernel's VDSO sigreturn code):
 * `li v0, NR; syscall`.  kemu maps them on a page at the ABI's stack
 * top; unwinders recognise a signal frame by these two words at ra. */
enum {
    NR_O32_SIGRETURN = 4119, NR_O32_RT_SIGRETURN = 4193,
    NR_N64_RT_SIGRETURN = 5211,
    TRAMP_SIGRETURN = 0, TRAMP_RT_SIGRETURN = 8,
};
#define LI_V0(nr) (0x24020000u | (nr))    /* addiu v0, zero, nr */
#define MIPS_SYSCALL 0x0000000cu

static uint64_t mips_sigpage;

static void mips_map_special_pages(void)
{
    static uint8_t image[GUEST_PAGE_SIZE];
    bool be = user_abi->big_endian, n64 = user_abi->long_size == 8;
    uint32_t code[4] = {
        LI_V0(NR_O32_SIGRETURN), MIPS_SYSCALL,
        LI_V0(n64 ? NR_N64_RT_SIGRETURN : NR_O32_RT_SIGRETURN), MIPS_SYSCALL,
    };

    for (int i = 0; i < 4; i++) {
        if (be)
            st32_be(image + 4 * i, code[i]);
        else
            st32_le(image + 4 * i, code[i]);
    }
    if (user_map_kernel_page(user_abi->stack_top, image,
                             PROT_READ | PROT_EXEC))
        mips_sigpage = user_abi->stack_top;
}

static const struct mips_sc_layout *sc_layout(const struct mips_cpu *cpu)
{
    return cpu->is64 ? &n64_sc : &o32_sc;
}

/* A register as the sigcontext holds it: 64 bits, o32 values
 * sign-extended as a 64-bit kernel stores them. */
static uint64_t sc_reg(const struct mips_cpu *cpu, uint64_t v)
{
    return cpu->is64 ? v : (uint64_t)(int64_t)(int32_t)v;
}

static void save_sigcontext(struct mips_cpu *cpu, uint8_t *sc)
{
    const struct mips_sc_layout *L = sc_layout(cpu);

    abi_st(sc + L->pc, 8, sc_reg(cpu, cpu->pc));
    for (int i = 1; i < 32; i++)
        abi_st(sc + L->regs + 8 * i, 8, sc_reg(cpu, cpu->gpr[i]));
    abi_st(sc + L->mdhi, 8, sc_reg(cpu, cpu->hi));
    abi_st(sc + L->mdlo, 8, sc_reg(cpu, cpu->lo));
    /* FR=1: 32 64-bit registers; FR=0: the 16 even/odd pairs as doubles
     * in the even slots (the kernel's TIF_32BIT_FPREGS layout). */
    for (int i = 0; i < 32; i++) {
        uint64_t v = cpu->fpr[i];
        if (!cpu->fr) {
            if (i & 1)
                continue;
            v = (uint32_t)cpu->fpr[i] | (uint64_t)(uint32_t)cpu->fpr[i + 1] << 32;
        }
        abi_st(sc + L->fpregs + 8 * i, 8, v);
    }
    abi_st(sc + L->fpc_csr, 4, cpu->fcsr);
    abi_st(sc + L->used_math, 4, USED_FP | (cpu->fr ? USED_FR1 : 0));
}

static void restore_sigcontext(struct mips_cpu *cpu, const uint8_t *sc)
{
    const struct mips_sc_layout *L = sc_layout(cpu);

    cpu->pc = abi_ld(sc + L->pc, 8);
    if (!cpu->is64)
        cpu->pc = (uint32_t)cpu->pc;
    for (int i = 1; i < 32; i++)
        cpu->gpr[i] = sc_reg(cpu, abi_ld(sc + L->regs + 8 * i, 8));
    cpu->hi = sc_reg(cpu, abi_ld(sc + L->mdhi, 8));
    cpu->lo = sc_reg(cpu, abi_ld(sc + L->mdlo, 8));
    if (abi_ld(sc + L->used_math, 4) & USED_FP) {
        for (int i = 0; i < 32; i++) {
            uint64_t v = abi_ld(sc + L->fpregs + 8 * i, 8);
            if (cpu->fr) {
                cpu->fpr[i] = v;
            } else if (!(i & 1)) {
                cpu->fpr[i] = (uint32_t)v;
                cpu->fpr[i + 1] = v >> 32;
            }
        }
        cpu->fcsr = (uint32_t)abi_ld(sc + L->fpc_csr, 4);
    }
    cpu->lladdr = (uint64_t)-1;    /* ERET clears the LL bit */
}

static bool mips_setup_frame(struct cpu_common *c, int sig,
                             const struct user_sigaction *ka,
                             const struct user_siginfo *info, uint64_t oldmask)
{
    struct mips_cpu *cpu = mips_cpu(c);
    const struct mips_sc_layout *L = sc_layout(cpu);
    /* n64 has only the rt frame. */
    bool rt = (ka->flags & SA_SIGINFO) || cpu->is64;
    uint32_t uc_size = L->uc_mcontext + L->size + SIGSET_SIZE;
    uint32_t size = rt ? FRAME_HEAD + 128 + uc_size
                       : FRAME_HEAD + L->size + SIGSET_SIZE;
    uint64_t mask = cpu->is64 ? ~(uint64_t)0 : 0xffffffffull;
    uint64_t sp = cpu->gpr[R_SP] & mask;

    /* 32 bytes are left alone above the frame (the kernel keeps them
     * for its FPU emulator's trampoline). */
    sp = user_sigframe_sp(ka, sp - 32);
    uint64_t frame = ((sp - size) & ~(uint64_t)15) & mask;
    if (frame > sp)
        return false;
    uint8_t *f = user_ptr(frame, size, true);
    if (!f)
        return false;
    memset(f, 0, size);

    uint64_t sc_addr, uc_addr = frame + FRAME_HEAD + 128;
    if (rt) {
        uint8_t *uc = f + FRAME_HEAD + 128;
        user_siginfo_to_guest(f + FRAME_HEAD, info);
        user_save_altstack(uc + L->uc_stack, cpu->gpr[R_SP] & mask);
        sc_addr = uc_addr + L->uc_mcontext;
    } else {
        sc_addr = frame + FRAME_HEAD;
    }
    uint8_t *sc = f + (sc_addr - frame);
    save_sigcontext(cpu, sc);
    user_sigset_store(sc + L->size, oldmask);

    uint64_t ra = mips_sigpage + (rt ? TRAMP_RT_SIGRETURN : TRAMP_SIGRETURN);
    if (!mips_sigpage) {
        /* No page for the trampoline: the old kernels' place, the
         * frame's pad words (needs an executable stack). */
        uint32_t nr = rt ? (cpu->is64 ? NR_N64_RT_SIGRETURN
                                      : NR_O32_RT_SIGRETURN)
                         : NR_O32_SIGRETURN;
        abi_st(f + 16, 4, LI_V0(nr));
        abi_st(f + 20, 4, MIPS_SYSCALL);
        tb_invalidate_range(frame + 16, frame + 24);
        ra = frame + 16;
    }

    /* a0 = signal, a1 = &siginfo (rt) or 0, a2 = &ucontext (rt) or
     * &sigcontext; t9 and the PC the handler, ra the trampoline. */
    cpu->gpr[R_A0] = sig;
    cpu->gpr[R_A0 + 1] = rt ? frame + FRAME_HEAD : 0;
    cpu->gpr[R_A0 + 2] = rt ? uc_addr : sc_addr;
    cpu->gpr[R_SP] = sc_reg(cpu, frame);
    cpu->gpr[R_RA] = sc_reg(cpu, ra);
    cpu->gpr[25] = sc_reg(cpu, ka->handler);
    cpu->pc = ka->handler & mask;
    cpu->lladdr = (uint64_t)-1;
    return true;
}

static uint64_t mips_get_sp(struct cpu_common *c);

static bool mips_sigreturn(struct cpu_common *c, bool rt)
{
    struct mips_cpu *cpu = mips_cpu(c);
    const struct mips_sc_layout *L = sc_layout(cpu);
    uint64_t frame = cpu->is64 ? cpu->gpr[R_SP] : (uint32_t)cpu->gpr[R_SP];
    uint64_t sc_addr = rt ? frame + FRAME_HEAD + 128 + L->uc_mcontext
                          : frame + FRAME_HEAD;
    const uint8_t *sc = user_ptr(sc_addr, L->size + SIGSET_SIZE, false);

    if (!sc || (!rt && cpu->is64))
        return false;
    restore_sigcontext(cpu, sc);
    user_set_sigmask(user_sigset_load(sc + L->size));
    if (rt) {
        const uint8_t *st = user_ptr(frame + FRAME_HEAD + 128 + L->uc_stack,
                                     3 * ABI_LONG, false);
        if (st)
            user_do_sigaltstack(st, NULL, mips_get_sp(c));
    }
    return true;
}

/* Restart: back onto the SYSCALL; v0 (the number) and a3 were not
 * overwritten by a result, as the kernel's v0 = regs[0], a3 = regs[26]. */
static void mips_rewind_syscall(struct cpu_common *c)
{
    mips_cpu(c)->pc -= 4;
}

static uint64_t mips_get_sp(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    return cpu->is64 ? cpu->gpr[R_SP] : (uint32_t)cpu->gpr[R_SP];
}

/*
 * BREAK and trap codes pick the signal as Linux's do_bp/do_tr do: code 6
 * (overflow) and 7 (divide by zero) give SIGFPE, others SIGTRAP.  BREAK's
 * code is bits 25:16 of the instruction, a trap's bits 15:6 (only the
 * register forms have one).
 */
static unsigned trap_code(struct mips_cpu *cpu, int excp)
{
    uint64_t insn = 0;

    if (!get_user(cpu->pc, 4, &insn))
        return 0;
    if (excp == MIPS_EXCP_BREAK)
        return extract32((uint32_t)insn, 16, 10);
    return ((insn >> 26) & 63) == 0 ? extract32((uint32_t)insn, 6, 10) : 0;
}

static int mips_exception_signal(struct cpu_common *c, int excp)
{
    struct mips_cpu *cpu = mips_cpu(c);
    unsigned code;

    switch (excp) {
    case MIPS_EXCP_BREAK:
    case MIPS_EXCP_TRAP:
        code = trap_code(cpu, excp);
        return code == 6 || code == 7 ? SIGFPE : SIGTRAP;
    case MIPS_EXCP_OVERFLOW:
    case MIPS_EXCP_FPE:
        return SIGFPE;
    }
    return 0;
}

/*
 * SysV IPC structs (asm/msgbuf.h, sembuf.h, shmbuf.h of MIPS): the
 * generic ipc64_perm with a 32-bit mode (36 bytes on o32, 48 on n64).
 * o32 keeps the upper halves of times in odd places: msqid64_ds pairs
 * each time with its high word in memory order (high first on
 * big-endian), semid64_ds puts them after sem_nsems, shmid64_ds has
 * 16-bit high parts at the end.  SHMLBA is 256 KiB (cache aliases).
 */
#define MIPS_IPC_PERM                                                       \
    .key = { 0, 4 }, .uid = { 4, 4 }, .gid = { 8, 4 }, .cuid = { 12, 4 },    \
    .cgid = { 16, 4 }, .mode = { 20, 4 }, .seq = { 24, 2 }, .shmlba = 0x40000
#define O32_IPC(lo, hi)                                                     \
    MIPS_IPC_PERM, .msqid_size = 88,                                        \
    .msg_stime = { 36 + lo, 4 }, .msg_stime_hi = { 36 + hi, 4 },            \
    .msg_rtime = { 44 + lo, 4 }, .msg_rtime_hi = { 44 + hi, 4 },            \
    .msg_ctime = { 52 + lo, 4 }, .msg_ctime_hi = { 52 + hi, 4 },            \
    .msg_cbytes = { 60, 4 }, .msg_qnum = { 64, 4 }, .msg_qbytes = { 68, 4 }, \
    .msg_lspid = { 72, 4 }, .msg_lrpid = { 76, 4 },                         \
    .semid_size = 56, .sem_otime = { 36, 4 }, .sem_ctime = { 40, 4 },       \
    .sem_nsems = { 44, 4 }, .sem_otime_hi = { 48, 4 },                      \
    .sem_ctime_hi = { 52, 4 },                                              \
    .shmid_size = 72, .shm_segsz = { 36, 4 }, .shm_atime = { 40, 4 },       \
    .shm_dtime = { 44, 4 }, .shm_ctime = { 48, 4 }, .shm_cpid = { 52, 4 },  \
    .shm_lpid = { 56, 4 }, .shm_nattch = { 60, 4 },                         \
    .shm_atime_hi = { 64, 2 }, .shm_dtime_hi = { 66, 2 },                   \
    .shm_ctime_hi = { 68, 2 }
size_t mips_user_cpuinfo(struct cpu_common *c, char *buf, size_t n);

static const struct abi_ipc_layout o32_ipc_le = { O32_IPC(0, 4) };
static const struct abi_ipc_layout o32_ipc_be = { O32_IPC(4, 0) };
static const struct abi_ipc_layout n64_ipc = {
    MIPS_IPC_PERM, .msqid_size = 120,
    .msg_stime = { 48, 8 }, .msg_rtime = { 56, 8 }, .msg_ctime = { 64, 8 },
    .msg_cbytes = { 72, 8 }, .msg_qnum = { 80, 8 }, .msg_qbytes = { 88, 8 },
    .msg_lspid = { 96, 4 }, .msg_lrpid = { 100, 4 },
    .semid_size = 88, .sem_otime = { 48, 8 }, .sem_ctime = { 56, 8 },
    .sem_nsems = { 64, 8 },
    .shmid_size = 112, .shm_segsz = { 48, 8 }, .shm_atime = { 56, 8 },
    .shm_dtime = { 64, 8 }, .shm_ctime = { 72, 8 }, .shm_cpid = { 80, 4 },
    .shm_lpid = { 84, 4 }, .shm_nattch = { 88, 8 },
};

/*
 * si_code and si_addr as the kernel gives them: SIGFPE at the PC with
 * FPE_INTOVF/FPE_INTDIV (integer overflow, break/trap codes 6 and 7) or
 * the FPE_FLT* code of the highest-priority enabled FCSR cause (whose
 * cause bits the kernel clears before the handler runs); SIGTRAP from
 * BREAK with TRAP_BRKPT and no address, from a trap as SI_KERNEL.
 */
static void mips_exception_siginfo(struct cpu_common *c, int excp, int sig,
                                   int *code, uint64_t *addr)
{
    struct mips_cpu *cpu = mips_cpu(c);

    *addr = c->target->get_pc(c);
    *code = SI_KERNEL;
    switch (excp) {
    case MIPS_EXCP_OVERFLOW:
        *code = FPE_INTOVF;
        return;
    case MIPS_EXCP_FPE: {
        uint32_t cause = (cpu->fcsr >> FCSR_CAUSE_SHIFT) & 63;
        uint32_t x = cause & (((cpu->fcsr >> FCSR_ENABLES_SHIFT) & 31) |
                              FP_UNIMPL);
        *code = x & FP_INVALID ? FPE_FLTINV
              : x & FP_DIV0 ? FPE_FLTDIV
              : x & FP_OVERFLOW ? FPE_FLTOVF
              : x & FP_UNDERFLOW ? FPE_FLTUND
              : x & FP_INEXACT ? FPE_FLTRES : FPE_FLTINV;
        cpu->fcsr &= ~(x << FCSR_CAUSE_SHIFT);
        return;
    }
    case MIPS_EXCP_BREAK:
    case MIPS_EXCP_TRAP:
        if (sig == SIGFPE) {
            *code = trap_code(cpu, excp) == 7 ? FPE_INTDIV : FPE_INTOVF;
        } else {
            *addr = 0;
            if (excp == MIPS_EXCP_BREAK)
                *code = TRAP_BRKPT;
        }
        return;
    }
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
    .set_sp = mips_set_sp, .exception_siginfo = mips_exception_siginfo,     \
    .map_special_pages = mips_map_special_pages,                            \
    .sa_flags = mips_sa_flags, .minsigstksz = 2048,                         \
    .sigset_size = SIGSET_SIZE, .siginfo_code_first = true,                 \
    .stack_size_first = true, .si_codes = mips_si_codes,                    \
    .n_si_codes = ARRAY_SIZE(mips_si_codes),                                \
    .setup_frame = mips_setup_frame, .sigreturn = mips_sigreturn,           \
    .get_sp = mips_get_sp, .rewind_syscall = mips_rewind_syscall,           \
    .rlimit_map = mips_rlimit_map, .socket = &mips_socket

#define O32(nm, be)                                                         \
    const struct user_abi nm##_user_abi = {                                 \
        MIPS_COMMON(#nm, be), .elf_class = ELFCLASS32, .long_size = 4,      \
        .stack_top = 0x7fff8000, .mmap_base = 0x40000000,                   \
        .et_dyn_base = 0x00400000, .space_limit = 0x7fff8000,               \
        .regpair_aligned = true, .syscalls = o32_syscalls,                  \
        .n_syscalls = ARRAY_SIZE(o32_syscalls),                             \
        .statfs64 = &o32_statfs64, .sigaction = &o32_sigaction,             \
        .get_syscall = o32_get_syscall, .rlim_infinity = 0x7fffffff,       \
        .syscall_names = mips_o32_syscall_names,                            \
        .n_syscall_names = ARRAY_SIZE(mips_o32_syscall_names),              \
        .syscall_names_base = 4000,                                         \
        .ipc = be ? &o32_ipc_be : &o32_ipc_le,                              \
        .cpuinfo = mips_user_cpuinfo,                                       \
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
        .syscall_names = mips_n64_syscall_names,                            \
        .n_syscall_names = ARRAY_SIZE(mips_n64_syscall_names),              \
        .syscall_names_base = 5000,                                         \
        .ipc = &n64_ipc,                                                    \
        .cpuinfo = mips_user_cpuinfo,                                       \
    }

O32(mips, true);
O32(mipsel, false);
N64(mips64, true);
N64(mips64el, false);
