/*
 * The old ARM Linux ABI (OABI), for executables whose ELF header carries
 * EABI version 0.  It is the EABI description (arm.c) with these changes,
 * as arch/arm/kernel (entry-common.S, sys_oabi-compat.c) has them:
 *
 * - `swi 0x900000 + n` in ARM state: the number is in the instruction,
 *   not r7 (ARM private calls are 0x9f0000 + n).  `swi 0` and Thumb code
 *   pass it in r7 as under EABI, as an EABI kernel with OABI_COMPAT
 *   decides (a pure OABI kernel would report ENOSYS for `swi 0`).  A
 *   number outside the OABI and ARM private ranges raises SIGILL.
 * - 64-bit arguments take the next two registers, without EABI's
 *   even-register alignment (pread64 passes the offset in r3:r4).
 * - struct stat64 and struct flock64 are packed to 4 bytes (96 and 28
 *   bytes); statfs64 is 84 bytes under both ABIs.
 * - A struct sockaddr_un length of 112 (OABI's padded size) becomes 110
 *   for bind, connect and sendto, as the kernel's compat wrappers do.
 * - The calls EABI dropped: socketcall (102) and the old mmap (90) and
 *   select (82), which take their arguments in a memory block, and the
 *   ipc (117) multiplexer (syscall_ipc.c).
 * - struct epoll_event is packed (data at offset 4, 12 bytes).
 * - struct sembuf is padded to 8 bytes (semop, semtimedop and ipc's
 *   SEMOP/SEMTIMEDOP), the other SysV IPC structs are as under EABI.
 * - The CPU runs FPA instructions (NWFPE), which old-ABI programs use for
 *   floating point.
 * Signal frames are the same under both ABIs; kemu's return code
 * (`mov r7, #nr; swi 0`) works under both because `swi 0` takes r7.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>

#include "target/arm/cpu.h"
#include "user/abi.h"
#include "user/cpu_loop.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/bits.h"
#include "util/error.h"

extern const struct user_abi arm_user_abi;

#define OABI_SWI_BASE 0x900000u

enum {
    NR_select = 82, NR_mmap = 90, NR_socketcall = 102, NR_ipc = 117,
    NR_bind = 282, NR_connect = 283, NR_sendto = 290,
    NR__newselect = 142, NR_mmap2 = 192,
};

/* struct stat64, __attribute__((packed, aligned(4))): 96 bytes. */
static const struct abi_stat_layout oabi_stat64 = {
    .size = 96,
    .dev = { 0, 8 }, .ino_lo = { 12, 4 }, .mode = { 16, 4 },
    .nlink = { 20, 4 }, .uid = { 24, 4 }, .gid = { 28, 4 },
    .rdev = { 32, 8 }, .fsize = { 44, 8 }, .blksize = { 52, 4 },
    .blocks = { 56, 8 }, .atime = { 64, 4 }, .atime_ns = { 68, 4 },
    .mtime = { 72, 4 }, .mtime_ns = { 76, 4 }, .ctime = { 80, 4 },
    .ctime_ns = { 84, 4 }, .ino = { 88, 8 },
};

static struct user_abi oabi;
static struct abi_ipc_layout oabi_ipc;
static struct abi_syscall oabi_syscalls[512];

/* The number: the SWI immediate XOR the OABI base (one outside the base
 * comes out >= 0x100000: SIGILL in oabi_arch_syscall); r7 for `swi 0`. */
static void oabi_get_syscall(struct cpu_common *c, uint32_t *nr,
                             uint64_t args[6])
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint64_t insn;

    if (cpu->thumb || !get_user(cpu->regs[15] - 4, 4, &insn) ||
        (insn & 0xffffff) == 0)
        *nr = cpu->regs[7];
    else
        *nr = ((uint32_t)insn & 0xffffff) ^ OABI_SWI_BASE;
    for (int i = 0; i < 6; i++)
        args[i] = cpu->regs[i];
}

/* addrlen 112 of an AF_UNIX address is OABI's sizeof(sockaddr_un). */
static uint64_t unix_addrlen(uint64_t addr, uint64_t len)
{
    uint64_t family;
    if (len == 112 && get_user(addr, 2, &family) && family == AF_UNIX)
        return 110;
    return len;
}

static int64_t oabi_socketcall(struct cpu_common *cpu, uint32_t call,
                               uint32_t argp)
{
    /* SYS_SOCKET .. SYS_SHUTDOWN (1-13) as EABI numbers, and how many
     * argument words each takes. */
    static const struct { uint16_t nr; uint8_t nargs; } calls[14] = {
        [1] = { 281, 3 }, [2] = { 282, 3 }, [3] = { 283, 3 },
        [4] = { 284, 2 }, [5] = { 285, 3 }, [6] = { 286, 3 },
        [7] = { 287, 3 }, [8] = { 288, 4 }, [9] = { 289, 4 },
        [10] = { 291, 4 }, [11] = { 290, 6 }, [12] = { 292, 6 },
        [13] = { 293, 2 },
    };
    uint64_t a[6] = { 0 };

    if (call >= 14 || !calls[call].nr)
        return -EINVAL;
    for (int i = 0; i < calls[call].nargs; i++)
        if (!get_user(argp + 4 * i, 4, &a[i]))
            return -EFAULT;
    return do_syscall(cpu, calls[call].nr, a);
}

static bool oabi_arch_syscall(struct cpu_common *cpu, uint32_t nr,
                              const uint64_t args[6], int64_t *ret,
                              const char **name)
{
    uint64_t a[6];

    memcpy(a, args, sizeof(a));
    if (nr >= 0x100000) {
        /* Not an OABI or ARM private number: the kernel's bad_syscall
         * sends SIGILL at the SWI and leaves r0 as it was. */
        struct arm_cpu *c = arm_cpu(cpu);
        uint32_t pc = c->regs[15] - (c->thumb ? 2 : 4);
        *name = "bad syscall";
        if (!user_signal_force(cpu, SIGILL, ILL_ILLTRP, pc)) {
            error_report("illegal instruction (bad syscall 0x%x) at pc "
                         "0x%08x", nr, pc);
            user_die_by_signal(SIGILL);
        }
        *ret = c->regs[0];  /* the handler's r0, which the result keeps */
        return true;
    }
    switch (nr) {
    case NR_bind:
    case NR_connect:
        *name = nr == NR_bind ? "bind" : "connect";
        a[2] = unix_addrlen(a[1], a[2]);
        *ret = nr == NR_bind ? sys_bind(cpu, a) : sys_connect(cpu, a);
        return true;
    case NR_sendto:
        *name = "sendto";
        a[5] = unix_addrlen(a[4], a[5]);
        *ret = sys_sendto(cpu, a);
        return true;
    case NR_ipc:
        *name = "ipc";
        *ret = sys_ipc(cpu, a);
        return true;
    case NR_socketcall:
        *name = "socketcall";
        *ret = oabi_socketcall(cpu, (uint32_t)a[0], (uint32_t)a[1]);
        return true;
    case NR_mmap:
        /* struct mmap_arg_struct: addr, len, prot, flags, fd, offset
         * (bytes, page aligned). */
        *name = "mmap";
        for (int i = 0; i < 6; i++)
            if (!get_user(args[0] + 4 * i, 4, &a[i])) {
                *ret = -EFAULT;
                return true;
            }
        if (a[5] & 0xfff) {
            *ret = -EINVAL;
            return true;
        }
        a[5] >>= 12;
        *ret = do_syscall(cpu, NR_mmap2, a);
        return true;
    case NR_select:
        /* struct sel_arg_struct: n, inp, outp, exp, tvp */
        *name = "select";
        for (int i = 0; i < 5; i++)
            if (!get_user(args[0] + 4 * i, 4, &a[i])) {
                *ret = -EFAULT;
                return true;
            }
        *ret = do_syscall(cpu, NR__newselect, a);
        return true;
    }
    if (arm_user_abi.arch_syscall)
        return arm_user_abi.arch_syscall(cpu, nr, args, ret, name);
    return false;
}

void arm_oabi_enable(struct cpu_common *cpu)
{
    size_t n = 0;

    for (size_t i = 0; i < arm_user_abi.n_syscalls; i++) {
        uint32_t nr = arm_user_abi.syscalls[i].nr;
        if (nr == NR_bind || nr == NR_connect || nr == NR_sendto)
            continue;   /* wrapped in oabi_arch_syscall */
        if (n < sizeof(oabi_syscalls) / sizeof(oabi_syscalls[0]))
            oabi_syscalls[n++] = arm_user_abi.syscalls[i];
    }
    oabi = arm_user_abi;    /* same name: execve re-runs kemu-arm */
    oabi.syscalls = oabi_syscalls;
    oabi.n_syscalls = n;
    oabi.regpair_aligned = false;
    oabi.stat64 = &oabi_stat64;
    oabi_ipc = *arm_user_abi.ipc;
    oabi_ipc.sembuf_size = 8;
    oabi.epoll_data_off = 4;    /* struct epoll_event is packed: 12 bytes */
    oabi.ipc = &oabi_ipc;
    oabi.get_syscall = oabi_get_syscall;
    oabi.arch_syscall = oabi_arch_syscall;
    user_abi = &oabi;
    syscall_init(user_abi);
    arm_cpu(cpu)->features |= ARM_FEAT(FPA);
}
