/* Process, identity and resource syscalls; fork/clone/execve. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/elfload.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/thread.h"
#include "user/uaccess.h"
#include "util/error.h"
#include "util/log.h"

int64_t sys_exit(struct cpu_common *cpu, const uint64_t *a)
{
    if (log_enabled(LOG_STRACE))
        log_printf("\n");
    user_thread_exit(cpu, (int)a[0]);
}

int64_t sys_exit_group(struct cpu_common *cpu, const uint64_t *a)
{
    if (log_enabled(LOG_STRACE))
        log_printf("\n");
    user_exit((int)a[0]);
}

int64_t sys_getpid(struct cpu_common *cpu, const uint64_t *a) { return getpid(); }
int64_t sys_getppid(struct cpu_common *cpu, const uint64_t *a) { return getppid(); }
int64_t sys_gettid(struct cpu_common *cpu, const uint64_t *a) { return gettid(); }
int64_t sys_getuid32(struct cpu_common *cpu, const uint64_t *a) { return getuid(); }
int64_t sys_geteuid32(struct cpu_common *cpu, const uint64_t *a) { return geteuid(); }
int64_t sys_getgid32(struct cpu_common *cpu, const uint64_t *a) { return getgid(); }
int64_t sys_getegid32(struct cpu_common *cpu, const uint64_t *a) { return getegid(); }
int64_t sys_getpgrp(struct cpu_common *cpu, const uint64_t *a) { return getpgrp(); }
int64_t sys_setsid(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(setsid()); }
int64_t sys_sched_yield(struct cpu_common *cpu, const uint64_t *a) { return sched_yield(); }

int64_t sys_getpgid(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(getpgid((pid_t)a[0]));
}

int64_t sys_setpgid(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(setpgid((pid_t)a[0], (pid_t)a[1]));
}

int64_t sys_getsid(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(getsid((pid_t)a[0]));
}

int64_t sys_getgroups32(struct cpu_common *cpu, const uint64_t *a)
{
    int n = (int)a[0];
    if (n < 0 || n > 65536)
        return -EINVAL;
    gid_t *g = xmalloc((n ? n : 1) * sizeof(gid_t));
    int r = getgroups(n, g);
    int64_t ret = r < 0 ? -errno : r;
    if (r > 0 && n) {
        uint8_t *p = user_ptr(a[1], r * 4, true);
        if (!p)
            ret = -EFAULT;
        else
            for (int i = 0; i < r; i++)
                abi_st(p + 4 * i, 4, g[i]);
    }
    free(g);
    return ret;
}

int64_t sys_setgroups32(struct cpu_common *cpu, const uint64_t *a)
{
    int n = (int)a[0];
    if (n < 0 || n > 65536)
        return -EINVAL;
    const uint8_t *p = user_ptr(a[1], n * 4, false);
    if (!p)
        return -EFAULT;
    gid_t *g = xmalloc((n ? n : 1) * sizeof(gid_t));
    for (int i = 0; i < n; i++)
        g[i] = abi_ld(p + 4 * i, 4);
    int64_t r = sys_ret(syscall(SYS_setgroups, n, g));
    free(g);
    return r;
}

/* The raw syscalls: glibc's wrappers would change every thread of kemu. */
int64_t sys_setuid32(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(syscall(SYS_setuid, (uid_t)a[0])); }
int64_t sys_setgid32(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(syscall(SYS_setgid, (gid_t)a[0])); }
int64_t sys_setreuid32(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(syscall(SYS_setreuid, (uid_t)a[0], (uid_t)a[1])); }
int64_t sys_setregid32(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(syscall(SYS_setregid, (gid_t)a[0], (gid_t)a[1])); }
int64_t sys_setresuid32(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(syscall(SYS_setresuid, (uid_t)a[0], (uid_t)a[1], (uid_t)a[2])); }
int64_t sys_setresgid32(struct cpu_common *cpu, const uint64_t *a) { return sys_ret(syscall(SYS_setresgid, (gid_t)a[0], (gid_t)a[1], (gid_t)a[2])); }
int64_t sys_setfsuid32(struct cpu_common *cpu, const uint64_t *a) { return syscall(SYS_setfsuid, (uid_t)a[0]); }
int64_t sys_setfsgid32(struct cpu_common *cpu, const uint64_t *a) { return syscall(SYS_setfsgid, (gid_t)a[0]); }

static int64_t put_ids(const uint64_t *a, unsigned r, unsigned e, unsigned s)
{
    if (!put_user(a[0], 4, r) || !put_user(a[1], 4, e) || !put_user(a[2], 4, s))
        return -EFAULT;
    return 0;
}

int64_t sys_getresuid32(struct cpu_common *cpu, const uint64_t *a)
{
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    return put_ids(a, r, e, s);
}

int64_t sys_getresgid32(struct cpu_common *cpu, const uint64_t *a)
{
    gid_t r, e, s;
    getresgid(&r, &e, &s);
    return put_ids(a, r, e, s);
}

int64_t sys_uname(struct cpu_common *cpu, const uint64_t *a)
{
    struct utsname u;
    char *g = user_ptr(a[0], 6 * 65, true);
    if (!g)
        return -EFAULT;
    if (uname(&u) < 0)
        return -errno;
    snprintf(u.machine, sizeof(u.machine), "%s",
             user_abi->uname_machine(cpu));
    memcpy(g, u.sysname, 65);
    memcpy(g + 65, u.nodename, 65);
    memcpy(g + 130, u.release, 65);
    memcpy(g + 195, u.version, 65);
    memcpy(g + 260, u.machine, 65);
    memcpy(g + 325, u.domainname, 65);
    return 0;
}

int64_t sys_sethostname(struct cpu_common *cpu, const uint64_t *a)
{
    const char *p = user_ptr(a[0], a[1], false);
    return p ? sys_ret(sethostname(p, a[1])) : -EFAULT;
}

/* Resource numbers through the ABI's map (MIPS numbers NOFILE, AS, RSS,
 * NPROC, MEMLOCK otherwise); RLIM_INFINITY is all ones of the guest's
 * long (o32: 0x7fffffff) for getrlimit/setrlimit, of 64 bits for
 * prlimit64. */
static int rlimit_resource(uint64_t r)
{
    if (!user_abi->rlimit_map || r >= 16)
        return (int)r;
    return user_abi->rlimit_map[r];
}

static uint64_t long_infinity(void)
{
    if (user_abi->rlim_infinity)
        return user_abi->rlim_infinity;
    return ABI_LONG == 8 ? ~0ull : 0xffffffffull;
}

static uint64_t rlim_to_guest(rlim_t v, uint64_t inf)
{
    return v == RLIM_INFINITY || v > inf ? inf : v;
}

static rlim_t rlim_to_host(uint64_t v, uint64_t inf)
{
    return v >= inf ? RLIM_INFINITY : v;
}

static int64_t do_getrlimit(const uint64_t *a, int size)
{
    struct rlimit rl;
    uint64_t inf = long_infinity();
    if (getrlimit(rlimit_resource(a[0]), &rl) < 0)
        return -errno;
    uint8_t *g = user_ptr(a[1], 2 * size, true);
    if (!g)
        return -EFAULT;
    abi_st(g, size, rlim_to_guest(rl.rlim_cur, inf));
    abi_st(g + size, size, rlim_to_guest(rl.rlim_max, inf));
    return 0;
}

int64_t sys_getrlimit(struct cpu_common *cpu, const uint64_t *a) { return do_getrlimit(a, ABI_LONG); }
int64_t sys_ugetrlimit(struct cpu_common *cpu, const uint64_t *a) { return do_getrlimit(a, ABI_LONG); }

int64_t sys_setrlimit(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t inf = long_infinity();
    const uint8_t *g = user_ptr(a[1], 2 * ABI_LONG, false);
    if (!g)
        return -EFAULT;
    struct rlimit rl = { rlim_to_host(abi_ld(g, ABI_LONG), inf),
                         rlim_to_host(abi_ld(g + ABI_LONG, ABI_LONG), inf) };
    return sys_ret(setrlimit(rlimit_resource(a[0]), &rl));
}

int64_t sys_prlimit64(struct cpu_common *cpu, const uint64_t *a)
{
    struct rlimit nl, ol;
    if (a[2]) {
        const uint8_t *g = user_ptr(a[2], 16, false);
        if (!g)
            return -EFAULT;
        nl.rlim_cur = rlim_to_host(abi_ld(g, 8), ~0ull);
        nl.rlim_max = rlim_to_host(abi_ld(g + 8, 8), ~0ull);
    }
    /* The stack limit the guest sees is kemu's too; leave it alone. */
    if (prlimit((pid_t)a[0], rlimit_resource(a[1]), a[2] ? &nl : NULL,
                a[3] ? &ol : NULL) < 0)
        return -errno;
    if (a[3]) {
        uint8_t *g = user_ptr(a[3], 16, true);
        if (!g)
            return -EFAULT;
        abi_st(g, 8, rlim_to_guest(ol.rlim_cur, ~0ull));
        abi_st(g + 8, 8, rlim_to_guest(ol.rlim_max, ~0ull));
    }
    return 0;
}

/* struct rusage: two timevals then fourteen longs. */
static int64_t put_rusage(uint64_t addr, const struct rusage *ru)
{
    int L = ABI_LONG;
    uint8_t *g = user_ptr(addr, 18 * L, true);
    if (!g)
        return -EFAULT;
    abi_st(g, L, ru->ru_utime.tv_sec);
    abi_st(g + L, L, ru->ru_utime.tv_usec);
    abi_st(g + 2 * L, L, ru->ru_stime.tv_sec);
    abi_st(g + 3 * L, L, ru->ru_stime.tv_usec);
    const long *rest = &ru->ru_maxrss;
    for (int i = 0; i < 14; i++)
        abi_st(g + (4 + i) * L, L, rest[i]);
    return 0;
}

int64_t sys_getrusage(struct cpu_common *cpu, const uint64_t *a)
{
    struct rusage ru;
    if (getrusage((int)a[0], &ru) < 0)
        return -errno;
    return put_rusage(a[1], &ru);
}

/* A host wait status for the guest: the signal numbers may differ. */
static int status_to_guest(int st)
{
    if (WIFSIGNALED(st))
        return (st & ~0x7f) | abi_signal_to_guest(WTERMSIG(st));
    if (WIFSTOPPED(st))
        return (st & 0xff) | abi_signal_to_guest(WSTOPSIG(st)) << 8;
    return st;
}

int64_t sys_wait4(struct cpu_common *cpu, const uint64_t *a)
{
    int st;
    struct rusage ru;
    if (a[1] && !user_ptr(a[1], 4, true))
        return -EFAULT;
    long r = safe_syscall(SYS_wait4, (pid_t)a[0], (long)&st, (int)a[2],
                          a[3] ? (long)&ru : 0, 0, 0);
    if (r < 0)
        return r;
    if (r > 0 && a[1])
        put_user(a[1], 4, (uint32_t)status_to_guest(st));
    if (r > 0 && a[3] && put_rusage(a[3], &ru) < 0)
        return -EFAULT;
    return r;
}

int64_t sys_waitid(struct cpu_common *cpu, const uint64_t *a)
{
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    long r = safe_syscall(SYS_waitid, (idtype_t)a[0], (id_t)a[1], (long)&si,
                          (int)a[3], 0, 0);
    if (r < 0)
        return r;
    if (a[2]) {
        /* The SIGCHLD siginfo in the guest's layout (field order, union
         * offset, signal numbers of killed children). */
        uint8_t *g = user_ptr(a[2], 128, true);
        if (!g)
            return -EFAULT;
        memset(g, 0, 128);
        if (si.si_pid) {
            struct user_siginfo u;
            user_siginfo_from_host(&u, &si);
            user_siginfo_to_guest(g, &u);
        }
    }
    if (a[4]) {
        struct rusage ru;
        getrusage(RUSAGE_CHILDREN, &ru);
        if (put_rusage(a[4], &ru) < 0)
            return -EFAULT;
    }
    return 0;
}

int64_t sys_sched_getaffinity(struct cpu_common *cpu, const uint64_t *a)
{
    uint8_t buf[1024];
    uint64_t len = a[1] < sizeof(buf) ? a[1] : sizeof(buf);
    uint8_t *g = user_ptr(a[2], len, true);
    if (!g)
        return -EFAULT;
    long r = syscall(SYS_sched_getaffinity, (pid_t)a[0], (size_t)len, buf);
    if (r < 0)
        return -errno;
    /* The host mask is little-endian 64-bit words; the guest's longs. */
    int L = ABI_LONG;
    for (long i = 0; i + L <= r; i += L) {
        uint64_t v = 0;
        memcpy(&v, buf + i, L);
        abi_st(g + i, L, v);
    }
    return r;
}

int64_t sys_getpriority(struct cpu_common *cpu, const uint64_t *a)
{
    /* The raw call returns 20 - nice, never negative. */
    return sys_ret(syscall(SYS_getpriority, (int)a[0], (id_t)a[1]));
}

int64_t sys_setpriority(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(setpriority((int)a[0], (id_t)a[1], (int)a[2]));
}

int64_t sys_prctl(struct cpu_common *cpu, const uint64_t *a)
{
    switch ((int)a[0]) {
    case PR_GET_NAME: case PR_SET_NAME: {
        char *p = user_ptr(a[1], 16, (int)a[0] == PR_GET_NAME);
        return p ? sys_ret(prctl((int)a[0], p)) : -EFAULT;
    }
    case PR_GET_DUMPABLE: case PR_SET_DUMPABLE: case PR_GET_PDEATHSIG:
        if ((int)a[0] == PR_GET_PDEATHSIG) {
            int v;
            if (prctl(PR_GET_PDEATHSIG, &v) < 0)
                return -errno;
            return put_user(a[1], 4, v) ? 0 : -EFAULT;
        }
        return sys_ret(prctl((int)a[0], (unsigned long)a[1]));
    case PR_SET_PDEATHSIG:
        return sys_ret(prctl(PR_SET_PDEATHSIG, abi_signal_to_host((int)a[1])));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("prctl: unsupported option %d\n", (int)a[0]);
        return -EINVAL;
    }
}

int64_t sys_getrandom(struct cpu_common *cpu, const uint64_t *a)
{
    void *p = user_ptr(a[0], a[1], true);
    if (!p)
        return -EFAULT;
    return sys_ret(getrandom(p, a[1], (unsigned)a[2]));
}

int64_t sys_sysinfo(struct cpu_common *cpu, const uint64_t *a)
{
    struct sysinfo si;
    int L = ABI_LONG;
    size_t size = (11 * L + 20 + L - 1) / L * L;
    uint8_t *g = user_ptr(a[0], size, true);
    if (!g)
        return -EFAULT;
    if (sysinfo(&si) < 0)
        return -errno;
    memset(g, 0, size);
    unsigned long v[10] = { si.uptime, si.loads[0], si.loads[1], si.loads[2],
                            si.totalram, si.freeram, si.sharedram,
                            si.bufferram, si.totalswap, si.freeswap };
    /* Memory sizes in mem_unit units: scale so 32-bit longs fit. */
    unsigned unit = si.mem_unit;
    if (L == 4) {
        while (v[4] * 1 > 0xffffffffUL / 1 && unit < (1u << 30)) {
            for (int i = 4; i < 10; i++)
                v[i] >>= 1;
            unit <<= 1;
        }
    }
    for (int i = 0; i < 10; i++)
        abi_st(g + i * L, L, v[i]);
    abi_st(g + 10 * L, 2, si.procs);
    abi_st(g + 13 * L, 4, unit);
    return 0;
}

/* ---- fork, clone, execve ---- */


static int64_t do_fork(struct cpu_common *cpu, uint64_t flags, uint64_t newsp,
                       uint64_t ptid, uint64_t tls, uint64_t ctid)
{
    if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
        return user_clone_thread(cpu, flags, newsp, ptid, tls, ctid);
    if (flags & (CLONE_THREAD | CLONE_SIGHAND))
        return -EINVAL;
    log_flush();
    fflush(stdout);
    /* A vfork child gets its own copy of memory: it may only exec or exit
     * by contract, and a copy behaves the same for either. */
    /* Host signals stay blocked across fork, so that one sent to the
     * child at once waits in the kernel until the child has dropped the
     * parent's queue, instead of being queued and then dropped. */
    user_block_all();
    pid_t pid = fork();
    int saved = errno;
    if (pid != 0)
        user_unblock_mirror();
    if (pid < 0)
        return -saved;
    if (pid == 0) {
        pid_t me = getpid();
        /* Pending signals are the parent's, not the child's. */
        user_self->nq = 0;
        user_self->signal_pending = 0;
        user_unblock_mirror();
        user_self->tid = me;
        user_threads_after_fork(cpu);
        if (flags & CLONE_CHILD_SETTID)
            put_user(ctid, 4, me);
        if (flags & CLONE_CHILD_CLEARTID)
            user_self->clear_child_tid = ctid;
        if ((flags & CLONE_SETTLS) && user_abi->set_tls)
            user_abi->set_tls(cpu, tls);
        if (newsp && user_abi->set_sp)
            user_abi->set_sp(cpu, newsp);
        return 0;
    }
    if (flags & CLONE_PARENT_SETTID)
        put_user(ptid, 4, pid);
    return pid;
}

int64_t sys_fork(struct cpu_common *cpu, const uint64_t *a)
{
    return do_fork(cpu, SIGCHLD, 0, 0, 0, 0);
}

int64_t sys_vfork(struct cpu_common *cpu, const uint64_t *a)
{
    return do_fork(cpu, SIGCHLD, 0, 0, 0, 0);
}

/* clone(flags, newsp, parent_tid, tls, child_tid): the order of ARM and
 * most 32-bit ABIs. */
int64_t sys_clone(struct cpu_common *cpu, const uint64_t *a)
{
    return do_fork(cpu, a[0], a[1], a[2], a[3], a[4]);
}

/* Copy a NULL-terminated guest array of strings. */
static int64_t get_strv(uint64_t addr, char ***out)
{
    int L = ABI_LONG, n = 0, cap = 16, err;
    char **v = xmalloc(cap * sizeof(char *));
    for (;; n++) {
        uint64_t p;
        if (!addr) {
            p = 0;
        } else if (!get_user(addr + (uint64_t)n * L, L, &p)) {
            free(v);
            return -EFAULT;
        }
        if (n + 2 >= cap)
            v = xrealloc(v, (cap *= 2) * sizeof(char *));
        if (!p)
            break;
        const char *s = user_str(p, 1 << 20, &err);
        if (!s) {
            free(v);
            return -err;
        }
        v[n] = (char *)s;
        if (n > 100000) {
            free(v);
            return -E2BIG;
        }
    }
    v[n] = NULL;
    *out = v;
    return n;
}

int64_t sys_execve(struct cpu_common *cpu, const uint64_t *a)
{
    int err;
    const char *path = user_path(a[0], &err);
    char **argv, **envp;
    if (!path)
        return -err;
    int64_t argc = get_strv(a[1], &argv);
    if (argc < 0)
        return argc;
    int64_t r = get_strv(a[2], &envp);
    if (r < 0) {
        free(argv);
        return r;
    }
    log_flush();
    fflush(stdout);
    if (access(path, X_OK) == 0 && elf_is_for_abi(path, user_abi)) {
        /* A program for this guest: run it under kemu again, with the
         * same options (the program's argv[0] stays the guest's). */
        int n = user_state.kemu_argc;
        char **nv = xmalloc((n + argc + 4) * sizeof(char *));
        char name[64];
        snprintf(name, sizeof(name), "kemu-%s", user_abi->name);
        nv[0] = name;
        for (int i = 1; i < n; i++)
            nv[i] = user_state.kemu_argv[i];
        nv[n] = (char *)"-0";
        nv[n + 1] = argc ? argv[0] : (char *)path;
        nv[n + 2] = (char *)path;
        for (int i = 1; i < argc; i++)
            nv[n + 2 + i] = argv[i];
        nv[n + 2 + (argc ? argc : 1)] = NULL;
        execve(user_state.kemu_path, nv, envp);
        r = -errno;
        free(nv);
    } else {
        execve(path, argv, envp);
        r = -errno;
    }
    free(argv);
    free(envp);
    return r;
}
