/*
 * The generic syscall layer.  Handlers take the six raw guest arguments
 * and return a result >= 0 or -errno with a HOST errno value; the
 * dispatcher converts errors to the guest's numbering.
 */
#ifndef KEMU_USER_SYSCALL_H
#define KEMU_USER_SYSCALL_H

#include <stdint.h>

#include "engine/cpu.h"
#include "user/abi.h"

typedef int64_t sys_fn(struct cpu_common *cpu, const uint64_t *a);

#define SYSCALL(name, args, ret) sys_fn sys_##name;
#include "user/syscalls.def"
#undef SYSCALL

/* Run guest syscall nr; returns the value for the guest's result register
 * (negative guest errno on failure). */
int64_t do_syscall(struct cpu_common *cpu, uint32_t nr, const uint64_t a[6]);

/* Build the number -> handler table for abi. */
void syscall_init(const struct user_abi *abi);

/* -1 with host errno -> -errno; otherwise r. */
static inline int64_t sys_ret(int64_t r)
{
    extern int *__errno_location(void);
    return r < 0 ? -(int64_t)*__errno_location() : r;
}

/* A 64-bit argument passed in two guest registers starting at index i
 * (after the even-register alignment some ABIs apply). */
uint64_t sys_arg64(const uint64_t *a, int i);
/* Index of the first register of a 64-bit argument that would start at i. */
int sys_arg64_index(int i);

/* Per-process state the handlers share. */
struct user_state {
    const char *exe_path;        /* host path of the guest program */
    const char *kemu_path;       /* /proc/self/exe of kemu, for execve */
    char **kemu_argv;            /* options to pass on to a re-exec */
    int kemu_argc;
    const char *cpu_model;
    const char *sysroot;         /* -L: absolute guest paths look here first */
};
extern struct user_state user_state;

/* The strace line of a call (printed before it runs, result after). */
void strace_call(const char *name, const char *fmt, const uint64_t *a);
void strace_result(char fmt, int64_t ret);

/* Guest exit: flush logs, exit the host process. */
_Noreturn void user_exit(int status);

#endif
