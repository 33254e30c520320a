/*
 * Syscall dispatch: guest number -> generic handler via the arch table,
 * errno translation, -strace, and the unimplemented-call log.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "gdbstub/gdbstub.h"
#include "user/syscall.h"
#include "util/error.h"
#include "util/log.h"

struct sys_desc {
    const char *name;
    const char *args;
    char ret;
    sys_fn *fn;
};

static const struct sys_desc sys_descs[USYS_COUNT] = {
#define SYSCALL(name, args, ret) [USYS_##name] = { #name, args, ret, sys_##name },
#include "user/syscalls.def"
#undef SYSCALL
};

/* Dense table for the usual numbers; arch-private ones (ARM's 0xf0000
 * range) go through the arch hook. */
#define DENSE_MAX 1024
static uint16_t nr_table[DENSE_MAX];
static const struct abi_syscall *extra;
static size_t n_extra;
static bool regpair_aligned;

struct user_state user_state;

void syscall_init(const struct user_abi *abi)
{
    memset(nr_table, 0, sizeof(nr_table));
    for (size_t i = 0; i < abi->n_syscalls; i++)
        if (abi->syscalls[i].nr < DENSE_MAX)
            nr_table[abi->syscalls[i].nr] = abi->syscalls[i].sysno;
    extra = abi->syscalls;
    n_extra = abi->n_syscalls;
    regpair_aligned = abi->regpair_aligned;
}

int sys_arg64_index(int i)
{
    return regpair_aligned ? (i + 1) & ~1 : i;
}

uint64_t sys_arg64(const uint64_t *a, int i)
{
    if (user_abi->long_size == 8)
        return a[i];
    i = sys_arg64_index(i);
    uint64_t lo = (uint32_t)a[i], hi = (uint32_t)a[i + 1];
    if (user_abi->big_endian) {
        uint64_t t = lo;
        lo = hi;
        hi = t;
    }
    return lo | hi << 32;
}

static int lookup(uint32_t nr)
{
    if (nr < DENSE_MAX)
        return nr_table[nr];
    for (size_t i = 0; i < n_extra; i++)
        if (extra[i].nr == nr)
            return extra[i].sysno;
    return USYS_none;
}

/* The ABI's name for call nr, "unknown" when it has none. */
static const char *syscall_name(uint32_t nr)
{
    uint32_t i = nr - user_abi->syscall_names_base;
    if (nr >= user_abi->syscall_names_base && i < user_abi->n_syscall_names &&
        user_abi->syscall_names[i])
        return user_abi->syscall_names[i];
    return "unknown";
}

int64_t do_syscall(struct cpu_common *cpu, uint32_t nr, const uint64_t a[6])
{
    bool trace = log_enabled(LOG_STRACE);
    int sysno = lookup(nr);
    int64_t r;

    if (sysno == USYS_none) {
        const char *name = NULL;
        if (user_abi->arch_syscall &&
            user_abi->arch_syscall(cpu, nr, a, &r, &name)) {
            if (trace) {
                strace_call(name ? name : "arch", "xxx", a);
                strace_result('d', r);
            }
            goto done;
        }
        if (trace || log_enabled(LOG_UNIMP))
            log_printf("%d unimplemented syscall %s (%u)\n", (int)getpid(),
                       syscall_name(nr), nr);
        r = -ENOSYS;
        goto done;
    }
    const struct sys_desc *d = &sys_descs[sysno];
    if (trace)
        strace_call(d->name, d->args, a);
    r = d->fn(cpu, a);
    if (trace)
        strace_result(d->ret, r);
done:
    if (r < 0 && r >= -4095)
        return -(int64_t)abi_errno_to_guest((int)-r);
    return r;
}

_Noreturn void user_exit(int status)
{
    gdbstub_user_exit(status);
    log_flush();
    fflush(stdout);
    _exit(status & 0xff);
}
