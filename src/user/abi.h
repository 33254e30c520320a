/*
 * One guest Linux ABI, described as data plus a few hooks.  Syscalls are
 * implemented once in user/syscall_*.c; everything that differs between
 * architectures (numbers, errno and signal values, flag bits, struct
 * layouts, registers used for the syscall convention, hwcaps) comes from
 * the arch's `struct user_abi` in user/ARCH.c.
 */
#ifndef KEMU_USER_ABI_H
#define KEMU_USER_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/cpu.h"

/* Generic syscall identifiers: SYS_read, SYS_mmap2, ... (syscalls.def). */
enum user_sysno {
    USYS_none = 0,
#define SYSCALL(name, args, ret) USYS_##name,
#include "user/syscalls.def"
#undef SYSCALL
    USYS_COUNT
};

struct abi_syscall {
    uint32_t nr;            /* the guest's number */
    uint16_t sysno;         /* enum user_sysno */
};

/* A flag translation: guest bits <-> host bits, one row per flag (or per
 * multi-bit field value when mask != bits). */
struct abi_bits {
    uint32_t guest_mask, guest_bits;
    uint32_t host_mask, host_bits;
};

/* Where a field lives in a guest struct; size 0 means "absent". */
struct abi_field {
    uint16_t off;
    uint8_t size;
};

struct abi_stat_layout {
    uint16_t size;
    struct abi_field dev, ino_lo, mode, nlink, uid, gid, rdev, fsize,
        blksize, blocks, atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns,
        ino;
};

struct abi_statfs_layout {
    uint16_t size;
    struct abi_field type, bsize, blocks, bfree, bavail, files, ffree,
        fsid, namelen, frsize, flags;
};

struct abi_termios_layout {
    uint16_t size;
    struct abi_field iflag, oflag, cflag, lflag, line;
    uint16_t cc_off;
    int8_t cc_map[32];       /* guest c_cc index of host index i, -1: none */
};

/* The kernel's struct sigaction for rt_sigaction. */
struct abi_sigaction_layout {
    uint16_t size;
    struct abi_field handler, flags, restorer, mask;
};

/* The SysV IPC structs in their IPC_64 forms (ipc64_perm at offset 0 of
 * each *_ds; *_hi are the upper halves of 32-bit ABIs' times). */
struct abi_ipc_layout {
    struct abi_field key, uid, gid, cuid, cgid, mode, seq;
    uint16_t msqid_size;
    struct abi_field msg_stime, msg_stime_hi, msg_rtime, msg_rtime_hi,
        msg_ctime, msg_ctime_hi, msg_cbytes, msg_qnum, msg_qbytes,
        msg_lspid, msg_lrpid;
    uint16_t semid_size;
    struct abi_field sem_otime, sem_otime_hi, sem_ctime, sem_ctime_hi,
        sem_nsems;
    uint16_t shmid_size;
    struct abi_field shm_segsz, shm_atime, shm_atime_hi, shm_dtime,
        shm_dtime_hi, shm_ctime, shm_ctime_hi, shm_cpid, shm_lpid,
        shm_nattch;
    uint32_t shmlba;           /* SHM_RND rounds attach addresses to this */
    uint8_t sembuf_size;       /* struct sembuf: 6 bytes, 0 means 6 (ARM
                                  OABI pads it to 8) */
};

/* Socket constants that are not the generic Linux ones (MIPS). */
struct abi_sockopt_map {
    uint16_t guest, host;
};
struct abi_socket {
    uint32_t sol_socket;           /* the guest's SOL_SOCKET */
    uint8_t type_to_host[16];      /* guest SOCK_* (low 4 bits) -> host */
    /* SOL_SOCKET options guest -> host, zero-terminated; options from
     * so_same_from up that the table does not name are the host's. */
    const struct abi_sockopt_map *so;
    uint16_t so_same_from;
};

struct image_info;
struct user_sigaction;
struct user_siginfo;

struct user_abi {
    const char *name;
    uint16_t elf_machine;      /* EM_ARM, ... */
    uint8_t elf_class;         /* ELFCLASS32 / ELFCLASS64 */
    bool big_endian;
    uint8_t long_size;         /* the guest's sizeof(long): 4 or 8 */

    uint64_t stack_top;        /* the initial stack ends here */
    uint64_t mmap_base;        /* mmap without a hint searches from here */
    uint64_t et_dyn_base;      /* where static-PIE programs are loaded */
    uint64_t space_limit;      /* end of the user address space */

    /* 64-bit syscall arguments start at an even register (EABI, o32). */
    bool regpair_aligned;

    const struct abi_syscall *syscalls;
    size_t n_syscalls;
    /* Every call of the ABI by number, implemented or not, so that an
     * unimplemented one is logged by name; NULL entries are unused. */
    const char *const *syscall_names;
    size_t n_syscall_names;
    uint32_t syscall_names_base;   /* number of syscall_names[0] */

    /* Host errno -> guest errno, indexed by host errno; NULL: identity. */
    const int16_t *errno_map;
    size_t n_errno_map;
    /* Host signal number -> guest signal number; NULL: identity. */
    const int8_t *signal_map;

    /* RLIMIT_* resource numbers 0..15, guest -> host; NULL: the same. */
    const int8_t *rlimit_map;
    /* RLIM_INFINITY of getrlimit/setrlimit; 0: all ones of a long. */
    uint64_t rlim_infinity;

    const struct abi_bits *open_flags;  /* zero-terminated */
    const struct abi_bits *mmap_flags;

    const struct abi_stat_layout *stat64;
    const struct abi_statfs_layout *statfs64;
    const struct abi_termios_layout *termios;
    const struct abi_sigaction_layout *sigaction;
    const struct abi_ipc_layout *ipc;   /* NULL: no SysV IPC */

    /* The registers of the syscall convention. */
    void (*get_syscall)(struct cpu_common *cpu, uint32_t *nr,
                        uint64_t args[6]);
    void (*set_syscall_result)(struct cpu_common *cpu, int64_t ret);

    /* Registers at program entry: PC, SP and whatever else the ABI sets. */
    void (*init_regs)(struct cpu_common *cpu, const struct image_info *info,
                      uint64_t sp);

    /* Model-dependent auxv and uname data. */
    uint32_t (*hwcap)(struct cpu_common *cpu);
    uint32_t (*hwcap2)(struct cpu_common *cpu);
    const char *(*platform)(struct cpu_common *cpu);
    const char *(*uname_machine)(struct cpu_common *cpu);
    /* The text of /proc/cpuinfo for the guest CPU (at most n bytes with
     * the NUL); returns its length.  NULL: the host's file. */
    size_t (*cpuinfo)(struct cpu_common *cpu, char *buf, size_t n);
    /* The CPU model for a program when none was chosen (NULL: keep the
     * default); may be NULL. */
    const char *(*model_for_elf)(uint32_t e_flags);

    /* Map pages the kernel provides (ARM kuser helpers); may be NULL. */
    void (*map_special_pages)(void);

    /* Arch-private syscalls (set_tls, cacheflush...): handled when the
     * number is not in the table.  Return true when handled. */
    bool (*arch_syscall)(struct cpu_common *cpu, uint32_t nr,
                         const uint64_t args[6], int64_t *ret,
                         const char **name);

    /* Target exception codes (>= EXCP_TARGET_BASE): the host signal that
     * kills the process for it, or 0 to resume. */
    int (*exception_signal)(struct cpu_common *cpu, int excp);

    /* Set the TLS pointer (clone with CLONE_SETTLS). */
    void (*set_tls)(struct cpu_common *cpu, uint64_t tls);
    /* Stack pointer of a clone child given a new stack. */
    void (*set_sp)(struct cpu_common *cpu, uint64_t sp);

    /* ---- signals (user/signal.c) ---- */
    /* SA_* flags guest <-> host; NULL: the generic values. */
    const struct abi_bits *sa_flags;
    uint32_t minsigstksz;      /* MINSIGSTKSZ: smallest sigaltstack */
    /* The kernel's sigset_t in bytes (longs, signal n in bit n-1 of the
     * whole set); 0: 8. */
    uint8_t sigset_size;
    /* siginfo starts signo, code, errno (MIPS) instead of signo, errno,
     * code. */
    bool siginfo_code_first;
    /* stack_t is { sp, size, flags } (MIPS) instead of { sp, flags, size }. */
    bool stack_size_first;
    /* si_code values that differ from the host's: {host, guest} pairs. */
    const int32_t (*si_codes)[2];
    size_t n_si_codes;
    /* Optional: si_code and si_addr of the signal exception_signal picked
     * (defaults: TRAP_BRKPT / the fault code, and the PC or fault address). */
    void (*exception_siginfo)(struct cpu_common *cpu, int excp, int sig,
                              int *code, uint64_t *addr);
    /* Build the signal frame for guest signal sig on the current stack
     * (user_sigframe_sp picks the alternate one) and point the registers
     * at the handler; oldmask is what sigreturn restores.  False when the
     * frame cannot be written (the process then dies by SIGSEGV). */
    bool (*setup_frame)(struct cpu_common *cpu, int sig,
                        const struct user_sigaction *ka,
                        const struct user_siginfo *info, uint64_t oldmask);
    /* sigreturn / rt_sigreturn: restore registers, mask and alternate
     * stack from the frame at the stack pointer.  False: bad frame. */
    bool (*sigreturn)(struct cpu_common *cpu, bool rt);
    uint64_t (*get_sp)(struct cpu_common *cpu);
    /* Move the PC back onto the syscall instruction just executed, with
     * the registers as they were at the call (restart). */
    void (*rewind_syscall)(struct cpu_common *cpu);

    /* ---- sockets (user/syscall_net.c) ---- */
    /* NULL: the generic SOL_SOCKET, SO_* and SOCK_* values. */
    const struct abi_socket *socket;
    /* Offset of the u64 data in struct epoll_event (0: 8, the events
     * 16 bytes long, as on ARM EABI and MIPS; 4 where it is packed). */
    uint8_t epoll_data_off;
};

/* The ABI of the running guest (user_main sets it). */
extern const struct user_abi *user_abi;

/* The ABI for a target name, NULL when user mode does not support it. */
const struct user_abi *user_abi_find(const char *target_name);

/* Translate flags with a zero-terminated table. */
uint32_t abi_bits_to_host(const struct abi_bits *t, uint32_t guest);
uint32_t abi_bits_to_guest(const struct abi_bits *t, uint32_t host);

int abi_errno_to_guest(int host_errno);
int abi_signal_to_guest(int host_sig);
int abi_signal_to_host(int guest_sig);

#endif
