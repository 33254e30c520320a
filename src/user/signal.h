/*
 * Guest signals: per-thread state, the queue of signals waiting for
 * delivery, dispositions, and the helpers the per-arch frame code uses.
 *
 * Model: the host thread's signal mask mirrors the guest thread's mask
 * (except SIGSEGV/SIGBUS, which kemu needs for guest faults), so the host
 * kernel keeps blocked signals pending, routes process-wide signals to a
 * thread that accepts them, and serves sigpending/sigtimedwait/signalfd.
 * An unblocked host signal runs host_signal(), which queues it on the
 * running thread and asks the CPU to leave translated code; the CPU loop
 * delivers it at the next TB boundary with the architecture's frame.
 * Blocking syscalls go through safe_syscall (safe_syscall.c), which never
 * sleeps once a signal has been queued.
 */
#ifndef KEMU_USER_SIGNAL_H
#define KEMU_USER_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"

/* The host's (generic Linux) value; libc headers do not export it. */
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1u << 31)
#endif

#define GUEST_NSIG 64          /* signals 1..64: what the host can deliver */
/* The most an ABI numbers (MIPS: 128).  Signals above GUEST_NSIG have
 * dispositions and mask bits the guest can set and read back, but no
 * host signal: nothing ever delivers them. */
#define GUEST_NSIG_MAX 128
#define USER_SIGQ_MAX 64

/* Internal results of syscall handlers, outside the errno range: */
#define USER_ERESTARTSYS 5000  /* interrupted: restart or -EINTR (SA_RESTART) */
#define USER_ESIGRETURN 5001   /* sigreturn: registers are already set */
#define USER_ERESTARTNOHAND 5002 /* interrupted: EINTR if a handler runs,
                                    else restart */

/* Which union member of siginfo is meaningful. */
enum user_si_kind {
    USI_KILL,     /* pid, uid */
    USI_TIMER,    /* timerid, overrun, value */
    USI_RT,       /* pid, uid, value */
    USI_CHLD,     /* pid, uid, status, utime, stime */
    USI_FAULT,    /* addr */
    USI_POLL,     /* band, fd */
};

/* A signal as kemu holds it: guest signal number, host si_code values
 * (which are the generic Linux ones every ABI shares). */
struct user_siginfo {
    int signo, err, code, kind;
    int pid, uid, status;
    int timerid, overrun, fd;
    int64_t band, utime, stime;
    uint64_t value, addr;
    bool forced;                /* synchronous fault: cannot be blocked */
};

/* A guest sigaction: flags translated to host SA_* values. */
struct user_sigaction {
    uint64_t handler, restorer, mask;
    uint32_t flags;             /* host SA_* bits */
    uint32_t guest_flags;       /* as the guest gave them, for readback */
};

struct user_thread {
    struct cpu_common *cpu;
    int tid;
    uint64_t sigmask;           /* guest mask: bit sig-1 */
    uint64_t sigmask_hi;        /* signals 65..128 (bit sig-65): readback only */
    volatile int signal_pending;/* something was queued: stop sleeping */

    int nq;
    struct user_siginfo q[USER_SIGQ_MAX];

    /* sigaltstack */
    uint64_t ss_sp, ss_size;
    uint32_t ss_flags;          /* SS_DISABLE / SS_AUTODISARM (host values) */

    /* sigsuspend, ppoll...: the mask to restore after delivery */
    bool have_saved_mask;
    uint64_t saved_mask;

    /* The last syscall asked to be restarted (USER_ERESTARTSYS): the PC
     * was rewound to the syscall instruction; restart_pc is the PC after it. */
    bool restart_syscall;
    bool restart_nohand;        /* USER_ERESTARTNOHAND: never SA_RESTART */
    uint64_t restart_pc;

    /* Threads: CLONE_CHILD_CLEARTID / set_tid_address, robust list. */
    uint64_t clear_child_tid;
    uint64_t robust_list, robust_len;
};

/* The guest thread the calling host thread runs (NULL in helper threads). */
extern __thread struct user_thread *user_self;

/* Set up the main thread and the host handlers; inherit the mask and the
 * ignored signals of the process kemu was started as. */
void user_signal_init(struct cpu_common *cpu);

struct user_thread *user_main_thread(void);

/* Set up signal state for a new host thread running cpu (threads). */
void user_thread_attach(struct user_thread *ts, struct cpu_common *cpu);

/* Deliver what is pending and deliverable (CPU loop, between TBs). */
void user_signal_process(struct cpu_common *cpu);

/* A synchronous signal from a guest fault: true when the guest's handler
 * will run; false when the default action applies (the caller reports
 * the fault and dies). */
bool user_signal_force(struct cpu_common *cpu, int host_sig, int code,
                       uint64_t addr);

/* The host SIGSEGV/SIGBUS handler got a signal somebody sent. */
void user_signal_host_async(int host_sig, void *host_si, void *host_uc);

/* Replace the guest mask of the calling thread (and the host mirror). */
void user_set_sigmask(uint64_t mask);

/* Dispositions (guest signal numbers). */
void user_sigaction_get(int sig, struct user_sigaction *out);
int user_sigaction_set(int sig, const struct user_sigaction *act);

/* Host signal set <-> guest mask. */
void user_mask_to_host(uint64_t mask, void *host_sigset);
uint64_t user_mask_from_host(const void *host_sigset);

/* ppoll/pselect: run with a temporary mask; pop restores it at once,
 * or after the handler when interrupted (the frame saves the old one). */
void user_push_sigmask(uint64_t mask);
void user_pop_sigmask(bool interrupted);

/* After a sleep returned -USER_ERESTARTSYS: true when a handler (or a
 * deadly default action) is due, false when only ignored signals came
 * (sleep on: the pending flag is cleared). */
bool user_sleep_interrupted(void);

/* Block every host signal / put the mirror back (around queue edits). */
void user_block_all(void);
void user_unblock_mirror(void);

/* Is a deliverable, non-ignored signal queued (signals blocked)? */
bool user_signal_deliverable(uint64_t mask);

/* The guest's kernel sigset_t (user_abi->sigset_size bytes of longs) as
 * a mask of signals 1..64: size, load/store in guest memory, and checked
 * access at a guest address (false: EFAULT). */
uint32_t user_sigset_size(void);
uint64_t user_sigset_load(const uint8_t *g);
void user_sigset_store(uint8_t *g, uint64_t mask);
/* Signals 65..128 of a 16-byte set (0 for 8-byte sets). */
uint64_t user_sigset_load_hi(const uint8_t *g);
void user_sigset_store_hi(uint8_t *g, uint64_t hi);
/* Number of signals the ABI has (64 or 128). */
int user_nsig(void);
bool user_get_sigset(uint64_t addr, uint64_t *mask);
bool user_put_sigset(uint64_t addr, uint64_t mask);

/* signalfd descriptors whose records read() converts to the guest's
 * numbers and byte order (guests unlike the host), and the conversion. */
bool user_signalfd_translated(int fd);
void user_signalfd_to_guest(void *buf, int64_t len);

/* A host si_code as the guest numbers it (MIPS: SI_TIMER...). */
int user_si_code_to_guest(int code);

/* Host siginfo <-> kemu's form <-> the guest's 128-byte siginfo. */
void user_siginfo_from_host(struct user_siginfo *u, const void *host_si);
void user_siginfo_to_host(const struct user_siginfo *u, void *host_si);
void user_siginfo_to_guest(uint8_t *g, const struct user_siginfo *u);
void user_siginfo_from_guest(struct user_siginfo *u, const uint8_t *g);

/* For frames: the stack pointer to build a frame below (alternate stack
 * with SA_ONSTACK), whether sp is on the alternate stack, and saving /
 * restoring a guest stack_t (pointer, flags, size in the ABI's order). */
uint64_t user_sigframe_sp(const struct user_sigaction *ka, uint64_t sp);
bool user_on_altstack(uint64_t sp);
void user_save_altstack(uint8_t *g, uint64_t sp);
int user_do_sigaltstack(const uint8_t *ss, uint8_t *old, uint64_t sp);

/* Blocking host syscall that returns -EINTR / -USER_ERESTARTSYS instead
 * of sleeping through a queued signal.  Returns -errno on failure. */
long safe_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
                  long a6);
/* Called by the host handler: the interrupted context was about to enter
 * the kernel in safe_syscall: make it return -EINTR instead. */
void safe_syscall_rewind(void *host_ucontext);

#endif
