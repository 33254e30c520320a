/*
 * safe_syscall: a blocking host syscall that cannot miss a guest signal.
 *
 * A signal that arrives after the CPU loop last looked at the queue but
 * before the thread sleeps in the kernel would otherwise be noticed only
 * when something else wakes the thread.  Here the "is a signal queued?"
 * test and the syscall instruction form one window: when the host signal
 * handler finds the interrupted PC inside it, it moves the PC to the exit
 * that returns -EINTR (safe_syscall_rewind), and a signal that arrives
 * while the thread sleeps interrupts the syscall (kemu's handlers have no
 * SA_RESTART), which also gives -EINTR.  The caller turns -EINTR into
 * USER_ERESTARTSYS: restart the guest's call or return EINTR, as the
 * guest's SA_RESTART says.
 *
 * x86-64 hosts only (as the rest of kemu's host-specific code).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

#include "user/signal.h"

/* long safe_syscall_base(volatile int *pending, long nr, a1..a6) */
__asm__(
    "    .text\n"
    "    .globl kemu_safe_syscall_base\n"
    "    .type kemu_safe_syscall_base, @function\n"
    "kemu_safe_syscall_base:\n"
    "    .cfi_startproc\n"
    "    push %rbx\n"
    "    .cfi_adjust_cfa_offset 8\n"
    "    .cfi_rel_offset %rbx, 0\n"
    "    mov %rdi, %rbx\n"          /* pending flag: callee-saved */
    "    mov %rsi, %rax\n"          /* syscall number */
    "    mov %rdx, %rdi\n"
    "    mov %rcx, %rsi\n"
    "    mov %r8, %rdx\n"
    "    mov %r9, %r10\n"
    "    mov 16(%rsp), %r8\n"
    "    mov 24(%rsp), %r9\n"
    "    .globl kemu_safe_syscall_start\n"
    "kemu_safe_syscall_start:\n"
    "    cmpl $0, (%rbx)\n"
    "    jnz kemu_safe_syscall_interrupted\n"
    "    syscall\n"
    "    .globl kemu_safe_syscall_end\n"
    "kemu_safe_syscall_end:\n"
    "    pop %rbx\n"
    "    .cfi_adjust_cfa_offset -8\n"
    "    .cfi_restore %rbx\n"
    "    ret\n"
    "    .cfi_adjust_cfa_offset 8\n"
    "    .cfi_rel_offset %rbx, 0\n"
    "    .globl kemu_safe_syscall_interrupted\n"
    "kemu_safe_syscall_interrupted:\n"
    "    mov $-4, %rax\n"           /* -EINTR */
    "    pop %rbx\n"
    "    .cfi_adjust_cfa_offset -8\n"
    "    .cfi_restore %rbx\n"
    "    ret\n"
    "    .cfi_endproc\n"
    "    .size kemu_safe_syscall_base, .-kemu_safe_syscall_base\n"
    /* The return path of kemu's host signal handlers (x86-64 needs
     * SA_RESTORER with the raw rt_sigaction). */
    "    .globl kemu_host_sigreturn\n"
    "    .type kemu_host_sigreturn, @function\n"
    "kemu_host_sigreturn:\n"
    "    mov $15, %rax\n"           /* rt_sigreturn */
    "    syscall\n"
    "    .size kemu_host_sigreturn, .-kemu_host_sigreturn\n");

long kemu_safe_syscall_base(volatile int *pending, long nr, long a1, long a2,
                            long a3, long a4, long a5, long a6);
extern const char kemu_safe_syscall_start[], kemu_safe_syscall_end[],
    kemu_safe_syscall_interrupted[];

long safe_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
                  long a6)
{
    static volatile int never;
    volatile int *pending = user_self ? &user_self->signal_pending : &never;
    long r = kemu_safe_syscall_base(pending, nr, a1, a2, a3, a4, a5, a6);
    return r == -EINTR ? -USER_ERESTARTSYS : r;
}

void safe_syscall_rewind(void *host_ucontext)
{
    ucontext_t *uc = host_ucontext;
    uintptr_t pc = uc->uc_mcontext.gregs[REG_RIP];
    if (pc >= (uintptr_t)kemu_safe_syscall_start &&
        pc < (uintptr_t)kemu_safe_syscall_end)
        uc->uc_mcontext.gregs[REG_RIP] =
            (greg_t)(uintptr_t)kemu_safe_syscall_interrupted;
}
