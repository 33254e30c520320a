/*
 * The 32-bit ARM EABI (little-endian) Linux ABI: syscall numbers, the
 * registers of the syscall convention, struct layouts, open flags, the
 * auxv hwcaps and the kernel's helper page.  errno, signal and mmap values
 * are the generic Linux ones, which x86-64 hosts share, so those tables
 * are NULL (identity).
 */
#include <elf.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>

#include "engine/guest_mem.h"
#include "target/arm/cpu.h"
#include "user/abi.h"
#include "user/arm_syscall_names.h"
#include "user/elfload.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"
#include "util/bits.h"
#include "util/log.h"

void arm_oabi_enable(struct cpu_common *cpu);   /* arm_oabi.c */

#define S(nr, name) { nr, USYS_##name }

static const struct abi_syscall arm_syscalls[] = {
    S(1, exit), S(2, fork), S(3, read), S(4, write), S(5, open), S(6, close),
    S(8, creat), S(9, link), S(10, unlink), S(11, execve), S(12, chdir),
    S(13, time), S(14, mknod), S(15, chmod), S(19, lseek), S(20, getpid),
    S(29, pause), S(27, alarm),
    S(33, access), S(36, sync), S(37, kill), S(38, rename), S(39, mkdir),
    S(40, rmdir), S(41, dup), S(42, pipe), S(43, times), S(45, brk),
    S(54, ioctl), S(55, fcntl), S(57, setpgid), S(60, umask), S(63, dup2),
    S(64, getppid), S(65, getpgrp), S(66, setsid), S(74, sethostname),
    S(75, setrlimit), S(77, getrusage), S(78, gettimeofday), S(83, symlink),
    S(85, readlink), S(91, munmap), S(92, truncate), S(93, ftruncate),
    S(94, fchmod), S(96, getpriority), S(97, setpriority), S(114, wait4),
    S(116, sysinfo), S(118, fsync), S(119, sigreturn), S(120, clone),
    S(122, uname), S(125, mprotect), S(132, getpgid), S(133, fchdir),
    S(140, _llseek), S(142, _newselect), S(144, msync), S(145, readv),
    S(146, writev), S(147, getsid), S(148, fdatasync), S(150, mlock),
    S(151, munlock), S(158, sched_yield), S(162, nanosleep), S(163, mremap),
    S(168, poll), S(172, prctl), S(173, rt_sigreturn), S(174, rt_sigaction),
    S(175, rt_sigprocmask), S(179, rt_sigsuspend), S(180, pread64),
    S(181, pwrite64), S(183, getcwd), S(186, sigaltstack), S(190, vfork),
    S(191, ugetrlimit), S(192, mmap2), S(193, truncate64),
    S(194, ftruncate64), S(195, stat64), S(196, lstat64), S(197, fstat64),
    S(198, lchown32), S(199, getuid32), S(200, getgid32), S(201, geteuid32),
    S(202, getegid32), S(203, setreuid32), S(204, setregid32),
    S(205, getgroups32), S(206, setgroups32), S(207, fchown32),
    S(208, setresuid32), S(209, getresuid32), S(210, setresgid32),
    S(211, getresgid32), S(212, chown32), S(213, setuid32), S(214, setgid32),
    S(215, setfsuid32), S(216, setfsgid32), S(217, getdents64),
    S(220, madvise), S(221, fcntl64), S(224, gettid), S(238, tkill),
    S(239, sendfile64), S(242, sched_getaffinity), S(248, exit_group),
    S(256, set_tid_address), S(263, clock_gettime), S(264, clock_getres),
    S(265, clock_nanosleep), S(266, statfs64), S(267, fstatfs64),
    S(268, tgkill), S(280, waitid), S(281, socket), S(282, bind),
    S(283, connect), S(284, listen), S(285, accept), S(288, socketpair),
    S(289, send), S(290, sendto), S(291, recv), S(292, recvfrom),
    S(293, shutdown), S(322, openat), S(323, mkdirat), S(324, mknodat),
    S(325, fchownat), S(327, fstatat64), S(328, unlinkat), S(329, renameat),
    S(330, linkat), S(331, symlinkat), S(332, readlinkat), S(333, fchmodat),
    S(334, faccessat), S(335, pselect6), S(336, ppoll),
    S(338, set_robust_list), S(348, utimensat), S(356, eventfd2),
    S(358, dup3), S(359, pipe2), S(369, prlimit64), S(382, renameat2),
    S(384, getrandom), S(397, statx), S(403, clock_gettime64),
    S(406, clock_getres_time64), S(407, clock_nanosleep_time64),
    S(412, utimensat_time64), S(439, faccessat2),
    /* signals and timers */
    S(104, setitimer), S(105, getitimer), S(176, rt_sigpending),
    S(177, rt_sigtimedwait), S(178, rt_sigqueueinfo), S(257, timer_create),
    S(258, timer_settime), S(259, timer_gettime), S(260, timer_getoverrun),
    S(261, timer_delete), S(349, signalfd), S(355, signalfd4),
    S(363, rt_tgsigqueueinfo), S(408, timer_gettime64),
    S(409, timer_settime64), S(421, rt_sigtimedwait_time64),
    /* threads */
    S(240, futex), S(339, get_robust_list), S(422, futex_time64),
    /* SysV IPC */
    S(298, semop), S(299, semget), S(300, semctl), S(301, msgsnd),
    S(302, msgrcv), S(303, msgget), S(304, msgctl), S(305, shmat),
    S(306, shmdt), S(307, shmget), S(308, shmctl), S(312, semtimedop),
    S(420, semtimedop_time64),
    /* ARM private calls (__ARM_NR_BASE 0xf0000). */
    /* memory, sockets, event descriptors */
    S(152, mlockall), S(153, munlockall), S(390, mlock2),
    S(286, getsockname), S(287, getpeername), S(294, setsockopt),
    S(295, getsockopt), S(296, sendmsg), S(297, recvmsg), S(365, recvmmsg),
    S(366, accept4), S(374, sendmmsg), S(417, recvmmsg_time64),
    S(250, epoll_create), S(251, epoll_ctl), S(252, epoll_wait),
    S(346, epoll_pwait), S(357, epoll_create1), S(441, epoll_pwait2),
    S(351, eventfd), S(350, timerfd_create), S(353, timerfd_settime),
    S(354, timerfd_gettime), S(410, timerfd_gettime64),
    S(411, timerfd_settime64), S(316, inotify_init),
    S(317, inotify_add_watch), S(318, inotify_rm_watch),
    S(360, inotify_init1),
    S(0xf0002, cacheflush), S(0xf0005, set_tls),
};

/* O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE sit elsewhere on ARM
 * than on x86; the rest match. */
#define SAME(f) { f, f, f, f }
static const struct abi_bits arm_open_flags[] = {
    { 3, 0, 3, 0 }, { 3, 1, 3, 1 }, { 3, 2, 3, 2 }, { 3, 3, 3, 3 },
    SAME(00100), SAME(00200), SAME(00400), SAME(01000), SAME(02000),
    SAME(04000), SAME(010000), SAME(020000), SAME(01000000),
    SAME(02000000), SAME(04000000), SAME(010000000), SAME(020000000),
    { 040000, 040000, 0200000, 0200000 },     /* O_DIRECTORY */
    { 0100000, 0100000, 0400000, 0400000 },   /* O_NOFOLLOW */
    { 0200000, 0200000, 040000, 040000 },     /* O_DIRECT */
    { 0400000, 0400000, 0100000, 0100000 },   /* O_LARGEFILE */
    { 0, 0, 0, 0 }
};

/* struct stat64 with EABI alignment: 104 bytes. */
static const struct abi_stat_layout arm_stat64 = {
    .size = 104,
    .dev = { 0, 8 }, .ino_lo = { 12, 4 }, .mode = { 16, 4 },
    .nlink = { 20, 4 }, .uid = { 24, 4 }, .gid = { 28, 4 },
    .rdev = { 32, 8 }, .fsize = { 48, 8 }, .blksize = { 56, 4 },
    .blocks = { 64, 8 }, .atime = { 72, 4 }, .atime_ns = { 76, 4 },
    .mtime = { 80, 4 }, .mtime_ns = { 84, 4 }, .ctime = { 88, 4 },
    .ctime_ns = { 92, 4 }, .ino = { 96, 8 },
};

/* struct statfs64 is packed to 4 bytes on ARM: 84 bytes. */
static const struct abi_statfs_layout arm_statfs64 = {
    .size = 84,
    .type = { 0, 4 }, .bsize = { 4, 4 }, .blocks = { 8, 8 },
    .bfree = { 16, 8 }, .bavail = { 24, 8 }, .files = { 32, 8 },
    .ffree = { 40, 8 }, .fsid = { 48, 8 }, .namelen = { 56, 4 },
    .frsize = { 60, 4 }, .flags = { 64, 4 },
};

/* The kernel's struct termios: four flag words, c_line, c_cc[19]. */
static const struct abi_termios_layout arm_termios = {
    .size = 36,
    .iflag = { 0, 4 }, .oflag = { 4, 4 }, .cflag = { 8, 4 },
    .lflag = { 12, 4 }, .line = { 16, 1 }, .cc_off = 17,
    .cc_map = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 },
};

static const struct abi_sigaction_layout arm_sigaction = {
    .size = 20,
    .handler = { 0, 4 }, .flags = { 4, 4 }, .restorer = { 8, 4 },
    .mask = { 12, 8 },
};

/*
 * SysV IPC, the generic 32-bit forms: ipc64_perm (key, uid, gid, cuid,
 * cgid, a 16-bit mode padded to 4, seq, pad, two unused longs: 36 bytes),
 * then each time as a low and a high word.
 */
static const struct abi_ipc_layout arm_ipc = {
    .key = { 0, 4 }, .uid = { 4, 4 }, .gid = { 8, 4 }, .cuid = { 12, 4 },
    .cgid = { 16, 4 }, .mode = { 20, 2 }, .seq = { 24, 2 },
    .msqid_size = 88,
    .msg_stime = { 36, 4 }, .msg_stime_hi = { 40, 4 },
    .msg_rtime = { 44, 4 }, .msg_rtime_hi = { 48, 4 },
    .msg_ctime = { 52, 4 }, .msg_ctime_hi = { 56, 4 },
    .msg_cbytes = { 60, 4 }, .msg_qnum = { 64, 4 }, .msg_qbytes = { 68, 4 },
    .msg_lspid = { 72, 4 }, .msg_lrpid = { 76, 4 },
    .semid_size = 64,
    .sem_otime = { 36, 4 }, .sem_otime_hi = { 40, 4 },
    .sem_ctime = { 44, 4 }, .sem_ctime_hi = { 48, 4 }, .sem_nsems = { 52, 4 },
    .shmid_size = 84,
    .shm_segsz = { 36, 4 }, .shm_atime = { 40, 4 }, .shm_atime_hi = { 44, 4 },
    .shm_dtime = { 48, 4 }, .shm_dtime_hi = { 52, 4 },
    .shm_ctime = { 56, 4 }, .shm_ctime_hi = { 60, 4 },
    .shm_cpid = { 64, 4 }, .shm_lpid = { 68, 4 }, .shm_nattch = { 72, 4 },
    .shmlba = 4 * 4096,          /* SHMLBA: 4 pages (VIPT cache colours) */
};

static void arm_get_syscall(struct cpu_common *c, uint32_t *nr,
                            uint64_t args[6])
{
    struct arm_cpu *cpu = arm_cpu(c);

    *nr = cpu->regs[7];
    for (int i = 0; i < 6; i++)
        args[i] = cpu->regs[i];
}

static void arm_set_syscall_result(struct cpu_common *c, int64_t ret)
{
    arm_cpu(c)->regs[0] = (uint32_t)ret;
}

static void arm_init_regs(struct cpu_common *c, const struct image_info *info,
                          uint64_t sp)
{
    struct arm_cpu *cpu = arm_cpu(c);

    memset(cpu->regs, 0, sizeof(cpu->regs));
    cpu->regs[13] = (uint32_t)sp;
    uint64_t entry = info->interp_entry ? info->interp_entry : info->entry;
    cpu->regs[15] = (uint32_t)entry & ~1u;
    cpu->thumb = entry & 1;
    /* r0: a function for atexit; none. */
    cpu->regs[0] = 0;
    /* EABI version 0 in e_flags: an old-ABI program (arm_oabi.c). */
    if ((info->e_flags >> 24) == 0)
        arm_oabi_enable(c);
}

static void arm_set_tls(struct cpu_common *c, uint64_t tls)
{
    arm_cpu(c)->tpidruro = (uint32_t)tls;
}

static void arm_set_sp(struct cpu_common *c, uint64_t sp)
{
    arm_cpu(c)->regs[13] = (uint32_t)sp;
}

/*
 * Signal frames, as arch/arm/kernel/signal.c lays them out.
 *   struct sigcontext: trap_no, error_code, oldmask, r0-r15, cpsr,
 *                      fault_address (21 words)
 *   struct ucontext:   uc_flags, uc_link, uc_stack (stack_t, 12 bytes),
 *                      uc_mcontext, uc_sigmask (128 bytes reserved),
 *                      uc_regspace[128 words] (8-aligned: VFP state)
 *   struct sigframe:   ucontext, retcode[2]
 *   struct rt_sigframe: siginfo (128 bytes), sigframe
 */
enum {
    UC_FLAGS = 0, UC_LINK = 4, UC_STACK = 8, UC_MCONTEXT = 20,
    UC_SIGMASK = 104, UC_REGSPACE = 232, UC_SIZE = 744,
    SC_TRAP_NO = 0, SC_ERROR_CODE = 4, SC_OLDMASK = 8, SC_R0 = 12,
    SC_CPSR = 76, SC_FAULT_ADDRESS = 80,
    SIGFRAME_SIZE = UC_SIZE + 8,
    RT_SIGFRAME_SIZE = 128 + SIGFRAME_SIZE,
    /* struct vfp_sigframe (8-aligned): magic, size, struct user_vfp
     * (fpregs[32] as u64, fpscr, 4 bytes of padding: 264 bytes), struct
     * user_vfp_exc (fpexc, fpinst, fpinst2), 4 bytes of padding. */
    VFP_MAGIC = 0x56465001, VFP_FRAME_SIZE = 288,
    VFP_FPREGS = 8, VFP_FPSCR = 264, VFP_FPEXC = 272, VFP_FPINST = 276,
    VFP_FPINST2 = 280,
    /* FPEXC bits the kernel forces on sigreturn: EN set, EX/FP2V clear. */
    FPEXC_EN = 1u << 30, FPEXC_EX = 1u << 31, FPEXC_FP2V = 1u << 28,
};

/* The return trampolines the kernel provides (on its signal page); kemu
 * puts them on the helper page: sigreturn and rt_sigreturn, ARM then
 * Thumb, as `mov r7, #nr; svc 0`. */
#define ARM_SIGPAGE 0xffff0500u
static const uint32_t arm_retcodes[4][2] = {
    { 0xe3a07077, 0xef000000 },      /* mov r7, #119 (sigreturn); svc 0 */
    { 0xe3a070ad, 0xef000000 },      /* mov r7, #173 (rt_sigreturn); svc 0 */
    { 0xdf002777, 0 },               /* movs r7, #119; svc 0 (Thumb) */
    { 0xdf0027ad, 0 },               /* movs r7, #173; svc 0 (Thumb) */
};
static bool arm_sigpage_mapped;

/* The VFP frame, then the zero end marker of the kernel's aux_sigframe.
 * kemu raises no asynchronous VFP exceptions, so fpinst/fpinst2 are 0. */
static void arm_save_vfp(struct arm_cpu *cpu, uint8_t *p)
{
    st32_le(p, VFP_MAGIC);
    st32_le(p + 4, VFP_FRAME_SIZE);
    for (int i = 0; i < 32; i++)
        st64_le(p + VFP_FPREGS + 8 * i, cpu->vfp_d[i]);
    st32_le(p + VFP_FPSCR, cpu->fpscr);
    st32_le(p + VFP_FPEXC, cpu->fpexc);
    st32_le(p + VFP_FPINST, 0);
    st32_le(p + VFP_FPINST2, 0);
    st32_le(p + VFP_FRAME_SIZE, 0);
}

/* As the kernel: a frame without the right magic and size is a bad
 * frame (the caller kills with SIGSEGV). */
static bool arm_restore_vfp(struct arm_cpu *cpu, const uint8_t *p)
{
    if (ld32_le(p) != VFP_MAGIC || ld32_le(p + 4) != VFP_FRAME_SIZE)
        return false;
    for (int i = 0; i < 32; i++)
        cpu->vfp_d[i] = ld64_le(p + VFP_FPREGS + 8 * i);
    cpu->fpscr = ld32_le(p + VFP_FPSCR);
    cpu->fpexc = (ld32_le(p + VFP_FPEXC) | FPEXC_EN) &
                 ~(FPEXC_EX | FPEXC_FP2V);
    return true;
}

static bool arm_setup_frame(struct cpu_common *c, int sig,
                            const struct user_sigaction *ka,
                            const struct user_siginfo *info, uint64_t oldmask)
{
    struct arm_cpu *cpu = arm_cpu(c);
    bool rt = ka->flags & SA_SIGINFO;
    uint32_t size = rt ? RT_SIGFRAME_SIZE : SIGFRAME_SIZE;
    uint32_t sp = (uint32_t)user_sigframe_sp(ka, cpu->regs[13]);
    uint32_t frame = (sp - size) & ~7u;
    uint32_t ucaddr = frame + (rt ? 128 : 0);

    if (frame > sp)
        return false;
    uint8_t *f = user_ptr(frame, size, true);
    if (!f)
        return false;
    memset(f, 0, size);
    uint8_t *uc = f + (ucaddr - frame), *sc = uc + UC_MCONTEXT;
    if (rt) {
        user_siginfo_to_guest(f, info);
        user_save_altstack(uc + UC_STACK, cpu->regs[13]);
    } else {
        st32_le(uc + UC_FLAGS, 0x5ac3c35a);   /* the old frame's marker */
    }
    st32_le(sc + SC_OLDMASK, (uint32_t)oldmask);
    for (int i = 0; i < 16; i++)
        st32_le(sc + SC_R0 + 4 * i, cpu->regs[i]);
    st32_le(sc + SC_CPSR, arm_cpsr_read(cpu));
    if (info->kind == USI_FAULT)
        st32_le(sc + SC_FAULT_ADDRESS, (uint32_t)info->addr);
    st64_le(uc + UC_SIGMASK, oldmask);
    if (arm_feature(cpu, ARM_FEATURE_VFP))
        arm_save_vfp(cpu, uc + UC_REGSPACE);  /* then a zero end marker */

    bool thumb = ka->handler & 1;
    int idx = (thumb ? 2 : 0) + (rt ? 1 : 0);
    uint8_t *rc = uc + UC_SIZE;
    st32_le(rc, arm_retcodes[idx][0]);
    st32_le(rc + 4, arm_retcodes[idx][1]);
    uint32_t lr;
    if (ka->flags & SA_RESTORER)
        lr = (uint32_t)ka->restorer;
    else if (arm_sigpage_mapped)
        lr = (ARM_SIGPAGE + 8 * idx) | thumb;
    else
        lr = (ucaddr + UC_SIZE) | thumb;

    cpu->regs[0] = sig;
    if (rt) {
        cpu->regs[1] = frame;
        cpu->regs[2] = ucaddr;
    }
    cpu->regs[13] = frame;
    cpu->regs[14] = lr;
    cpu->regs[15] = (uint32_t)ka->handler & ~1u;
    cpu->thumb = thumb;
    /* As Linux's setup_return: the handler starts with the flags, the IT
     * state and CPSR.E (big-endian data after SETEND BE) cleared; the
     * frame keeps the interrupted values for sigreturn. */
    arm_cpsr_write(cpu, 0, CPSR_NZCV | CPSR_Q | CPSR_IT | CPSR_E);
    return true;
}

static bool arm_sigreturn(struct cpu_common *c, bool rt)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t frame = cpu->regs[13];
    uint32_t ucaddr = frame + (rt ? 128 : 0);

    if (frame & 7)
        return false;
    const uint8_t *uc = user_ptr(ucaddr, UC_SIZE, false);
    if (!uc)
        return false;
    const uint8_t *sc = uc + UC_MCONTEXT;
    for (int i = 0; i < 16; i++)
        cpu->regs[i] = ld32_le(sc + SC_R0 + 4 * i);
    /* What user code may hold in the CPSR comes back: flags, GE, the
     * Thumb and IT state, and CPSR.E where SETEND exists. */
    arm_cpsr_write(cpu, ld32_le(sc + SC_CPSR),
                   CPSR_NZCV | CPSR_Q | CPSR_GE | CPSR_T | CPSR_IT |
                   (arm_feature(cpu, ARM_FEATURE_V6) ? CPSR_E : 0));
    cpu->regs[15] &= cpu->thumb ? ~1u : ~3u;
    if (arm_feature(cpu, ARM_FEATURE_VFP) &&
        !arm_restore_vfp(cpu, uc + UC_REGSPACE))
        return false;
    user_set_sigmask(ld64_le(uc + UC_SIGMASK));
    if (rt)
        user_do_sigaltstack(uc + UC_STACK, NULL, cpu->regs[13]);
    return true;
}

static void arm_rewind_syscall(struct cpu_common *c)
{
    struct arm_cpu *cpu = arm_cpu(c);
    cpu->regs[15] -= cpu->thumb ? 2 : 4;
}

static uint64_t arm_get_sp(struct cpu_common *c)
{
    return arm_cpu(c)->regs[13];
}

/* Linux's HWCAP_* bits for ARM. */
enum {
    HWCAP_SWP = 1 << 0, HWCAP_HALF = 1 << 1, HWCAP_THUMB = 1 << 2,
    HWCAP_FAST_MULT = 1 << 4, HWCAP_VFP = 1 << 6, HWCAP_EDSP = 1 << 7,
    HWCAP_NEON = 1 << 12, HWCAP_VFPv3 = 1 << 13, HWCAP_VFPv3D16 = 1 << 14,
    HWCAP_TLS = 1 << 15, HWCAP_VFPv4 = 1 << 16, HWCAP_IDIVA = 1 << 17,
    HWCAP_IDIVT = 1 << 18, HWCAP_VFPD32 = 1 << 19,
};

/* A hard-float EABI program (EF_ARM_ABI_FLOAT_HARD) needs a VFP, which the
 * default ARMv5TE model lacks: run it on the model that has everything. */
static const char *arm_model_for_elf(uint32_t e_flags)
{
    return (e_flags & 0x400) ? "max" : NULL;
}

static uint32_t arm_hwcap(struct cpu_common *c)
{
    const struct arm_cpu *cpu = arm_cpu(c);
    /* Every model kemu offers has SWP, halfword loads and long multiply;
     * the kernel reports TLS whenever it provides the TLS register, which
     * it always emulates for user mode. */
    uint32_t h = HWCAP_SWP | HWCAP_HALF | HWCAP_FAST_MULT | HWCAP_TLS;

    if (arm_feature(cpu, ARM_FEATURE_V4T))
        h |= HWCAP_THUMB;
    if (arm_feature(cpu, ARM_FEATURE_V5TE))
        h |= HWCAP_EDSP;
    if (arm_feature(cpu, ARM_FEATURE_VFP))
        h |= HWCAP_VFP;
    if (arm_feature(cpu, ARM_FEATURE_VFP3))
        h |= arm_feature(cpu, ARM_FEATURE_VFP_D32) ? HWCAP_VFPv3
                                                   : HWCAP_VFPv3 | HWCAP_VFPv3D16;
    if (arm_feature(cpu, ARM_FEATURE_VFP4))
        h |= HWCAP_VFPv4;
    if (arm_feature(cpu, ARM_FEATURE_VFP_D32))
        h |= HWCAP_VFPD32;
    if (arm_feature(cpu, ARM_FEATURE_NEON))
        h |= HWCAP_NEON;
    if (arm_feature(cpu, ARM_FEATURE_IDIV))
        h |= HWCAP_IDIVA | HWCAP_IDIVT;
    return h;
}

/*
 * /proc/cpuinfo as arch/arm/kernel/setup.c prints it: the Features are
 * the names of the HWCAP bits the model sets, the identification lines
 * come from its MIDR.  The architecture line follows the kernel: the
 * MIDR's architecture field for the old models, "7" for every model
 * using the CPUID scheme (the kernel reports ARM1176 as 7 too).
 */
static const char *const arm_hwcap_names[32] = {
    "swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp",
    "java", "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16",
    "tls", "vfpv4", "idiva", "idivt", "vfpd32", "lpae", "evtstrm",
};

static const char *arm_platform(struct cpu_common *c);

static size_t arm_cpuinfo(struct cpu_common *c, char *buf, size_t n)
{
    static const char *const arch_names[16] = {
        "?", "4", "4T", "5", "5T", "5TE", "5TEJ", "6TEJ",
        "?", "?", "?", "?", "?", "?", "?", "7",
    };
    static const struct { const char *model, *name; } names[] = {
        { "arm926", "ARM926EJ-S" }, { "arm946", "ARM946E-S" },
        { "arm1026", "ARM1026EJ-S" },
    };
    const struct arm_cpu *cpu = arm_cpu(c);
    uint32_t midr = cpu->midr, hw = arm_hwcap(c);
    const char *name = NULL;
    char feat[256] = "";
    size_t fl = 0;

    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (cpu->model && strcmp(cpu->model, names[i].model) == 0)
            name = names[i].name;
    if (!name)
        name = arm_feature(cpu, ARM_FEATURE_V7) ? "ARMv7 Processor"
                                                : "ARMv6-compatible processor";
    for (int b = 0; b < 32; b++)
        if ((hw >> b) & 1 && arm_hwcap_names[b])
            fl += snprintf(feat + fl, sizeof(feat) - fl, "%s ",
                           arm_hwcap_names[b]);
    int len = snprintf(buf, n,
                       "processor\t: 0\n"
                       "model name\t: %s rev %u (%s)\n"
                       "BogoMIPS\t: 100.00\n"
                       "Features\t: %s\n"
                       "CPU implementer\t: 0x%02x\n"
                       "CPU architecture: %s\n"
                       "CPU variant\t: 0x%x\n"
                       "CPU part\t: 0x%03x\n"
                       "CPU revision\t: %u\n"
                       "\n"
                       "Hardware\t: kemu user mode\n"
                       "Revision\t: 0000\n"
                       "Serial\t\t: 0000000000000000\n",
                       name, midr & 15, arm_platform(c), feat, midr >> 24,
                       arch_names[(midr >> 16) & 15], (midr >> 20) & 15,
                       (midr >> 4) & 0xfff, midr & 15);
    return len < 0 ? 0 : (size_t)len;
}

static uint32_t arm_hwcap2(struct cpu_common *c)
{
    return 0;
}

static const char *arm_platform(struct cpu_common *c)
{
    const struct arm_cpu *cpu = arm_cpu(c);

    if (arm_feature(cpu, ARM_FEATURE_V7))
        return "v7l";
    if (arm_feature(cpu, ARM_FEATURE_V6))
        return "v6l";
    if (arm_feature(cpu, ARM_FEATURE_V5))
        return "v5l";
    return "v4l";
}

static const char *arm_uname_machine(struct cpu_common *c)
{
    const struct arm_cpu *cpu = arm_cpu(c);

    if (arm_feature(cpu, ARM_FEATURE_V7))
        return "armv7l";
    if (arm_feature(cpu, ARM_FEATURE_V6))
        return "armv6l";
    if (arm_feature(cpu, ARM_FEATURE_V5TE))
        return "armv5tel";
    if (arm_feature(cpu, ARM_FEATURE_V5))
        return "armv5l";
    return arm_feature(cpu, ARM_FEATURE_V4T) ? "armv4tl" : "armv4l";
}

/*
 * The kuser helper page.  The translator implements the helpers itself
 * when arm_kuser_helpers_enabled is set; the page also holds the
 * uniprocessor versions of the kernel's code so a guest reading or
 * stepping through it sees the real thing.
 */
static const struct {
    uint32_t addr;
    uint32_t insns[10];
    int n;
} kuser_code[] = {
    /* __kuser_cmpxchg64(r0 = &old, r1 = &new, r2 = ptr) */
    { ARM_KUSER_CMPXCHG64, { 0xe92d4070, 0xe8900030, 0xe8914040, 0xe8920003,
                             0xe0303004, 0x00313005, 0x08824040, 0xe2730000,
                             0xe8bd8070 }, 9 },
    /* __kuser_memory_barrier */
    { ARM_KUSER_MEMORY_BARRIER, { 0xe12fff1e }, 1 },
    /* __kuser_cmpxchg(r0 = old, r1 = new, r2 = ptr): 0 and C set on success */
    { ARM_KUSER_CMPXCHG, { 0xe5923000, 0xe0533000, 0x05821000, 0xe2730000,
                           0xe12fff1e }, 5 },
    /* __kuser_get_tls: mrc p15, 0, r0, c13, c0, 3; bx lr */
    { ARM_KUSER_GET_TLS, { 0xee1d0f70, 0xe12fff1e }, 2 },
};

static void arm_map_special_pages(void)
{
    uint64_t page = ARM_KUSER_VERSION & GUEST_PAGE_MASK;
    static uint8_t image[GUEST_PAGE_SIZE];

    for (size_t i = 0; i < ARRAY_SIZE(kuser_code); i++)
        for (int k = 0; k < kuser_code[i].n; k++)
            st32_le(image + (kuser_code[i].addr - page) + 4 * k,
                    kuser_code[i].insns[k]);
    for (int i = 0; i < 4; i++) {
        st32_le(image + (ARM_SIGPAGE - page) + 8 * i, arm_retcodes[i][0]);
        st32_le(image + (ARM_SIGPAGE - page) + 8 * i + 4, arm_retcodes[i][1]);
    }
    /* The number of helpers, counted in 32-byte slots below 0xffff1000. */
    st32_le(image + (ARM_KUSER_VERSION - page), 5);
    if (user_map_kernel_page(page, image, PROT_READ | PROT_EXEC))
        arm_kuser_helpers_enabled = arm_sigpage_mapped = true;
}

static int arm_exception_signal(struct cpu_common *c, int excp)
{
    if (excp == ARM_EXCP_FPE)
        return SIGFPE;   /* trapped FPA exception (fpa_helpers.c) */
    return excp == ARM_EXCP_BKPT ? SIGTRAP : 0;
}

const struct user_abi arm_user_abi = {
    .name = "arm",
    .elf_machine = EM_ARM,
    .elf_class = ELFCLASS32,
    .big_endian = false,
    .long_size = 4,
    .stack_top = 0xbf000000,
    .mmap_base = 0x40000000,
    .et_dyn_base = 0x00400000,
    .space_limit = 0xffff0000,
    .regpair_aligned = true,
    .syscalls = arm_syscalls,
    .n_syscalls = ARRAY_SIZE(arm_syscalls),
    .syscall_names = arm_syscall_names,
    .n_syscall_names = ARRAY_SIZE(arm_syscall_names),
    .open_flags = arm_open_flags,
    .mmap_flags = NULL,
    .stat64 = &arm_stat64,
    .statfs64 = &arm_statfs64,
    .termios = &arm_termios,
    .sigaction = &arm_sigaction,
    .ipc = &arm_ipc,
    .get_syscall = arm_get_syscall,
    .set_syscall_result = arm_set_syscall_result,
    .init_regs = arm_init_regs,
    .hwcap = arm_hwcap,
    .hwcap2 = arm_hwcap2,
    .cpuinfo = arm_cpuinfo,
    .platform = arm_platform,
    .uname_machine = arm_uname_machine,
    .model_for_elf = arm_model_for_elf,
    .map_special_pages = arm_map_special_pages,
    .exception_signal = arm_exception_signal,
    .set_tls = arm_set_tls,
    .set_sp = arm_set_sp,
    .minsigstksz = 2048,
    .setup_frame = arm_setup_frame,
    .sigreturn = arm_sigreturn,
    .get_sp = arm_get_sp,
    .rewind_syscall = arm_rewind_syscall,
};
