/*
 * Guest threads: clone with CLONE_VM|CLONE_THREAD runs a host thread with
 * its own copy of the CPU state sharing the guest address space; futexes
 * are host futexes on the host address of the guest word (guest memory
 * is one host mapping, so every thread sees the same word); thread exit
 * clears and wakes the CLONE_CHILD_CLEARTID word and releases robust
 * futexes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "target/target.h"
#include "user/cpu_loop.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/thread.h"
#include "user/uaccess.h"
#include "user/user_mem.h"
#include "util/error.h"
#include "util/log.h"

static int nthreads = 1;        /* guest threads alive in this process */
static int next_cpu_index = 1;

struct clone_start {
    struct cpu_common *cpu;
    struct user_thread *ts;
    uint64_t flags, ptid, ctid;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int tid;                    /* set by the child once it runs */
};

static void *thread_start(void *arg)
{
    struct clone_start *cs = arg;
    struct cpu_common *cpu = cs->cpu;
    struct user_thread *ts = cs->ts;

    user_thread_attach(ts, cpu);
    current_cpu = cpu;
    /* The ids are in place before any guest code of either thread runs. */
    if (cs->flags & CLONE_PARENT_SETTID)
        put_user(cs->ptid, 4, ts->tid);
    if (cs->flags & CLONE_CHILD_SETTID)
        put_user(cs->ctid, 4, ts->tid);
    if (cs->flags & CLONE_CHILD_CLEARTID)
        ts->clear_child_tid = cs->ctid;
    pthread_mutex_lock(&cs->lock);
    cs->tid = ts->tid;
    pthread_cond_signal(&cs->cond);
    pthread_mutex_unlock(&cs->lock);
    /* cs belongs to the parent from here on. */
    user_unblock_mirror();
    user_cpu_loop(cpu);
}

int64_t user_clone_thread(struct cpu_common *parent, uint64_t flags,
                          uint64_t newsp, uint64_t ptid, uint64_t tls,
                          uint64_t ctid)
{
    const uint64_t need = CLONE_VM | CLONE_THREAD | CLONE_SIGHAND;
    const struct target_info *t = parent->target;

    if ((flags & need) != need)
        return -EINVAL;
    struct cpu_common *cpu = cpu_create(t, __atomic_fetch_add(
                                               &next_cpu_index, 1,
                                               __ATOMIC_RELAXED));
    current_cpu = parent;
    /* The target's registers follow the common part: copy them all. */
    memcpy((uint8_t *)cpu + sizeof(struct cpu_common),
           (const uint8_t *)parent + sizeof(struct cpu_common),
           t->cpu_size - sizeof(struct cpu_common));
    user_abi->set_syscall_result(cpu, 0);
    if (newsp)
        user_abi->set_sp(cpu, newsp);
    if ((flags & CLONE_SETTLS) && user_abi->set_tls)
        user_abi->set_tls(cpu, tls);

    struct user_thread *ts = xcalloc(1, sizeof(*ts));
    ts->sigmask = user_self->sigmask;   /* the altstack is not inherited */
    ts->sigmask_hi = user_self->sigmask_hi;

    struct clone_start cs = {
        .cpu = cpu, .ts = ts, .flags = flags, .ptid = ptid, .ctid = ctid,
        .tid = 0,
    };
    pthread_mutex_init(&cs.lock, NULL);
    pthread_cond_init(&cs.cond, NULL);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    __atomic_fetch_add(&nthreads, 1, __ATOMIC_SEQ_CST);
    /* The new thread starts with every signal blocked and opens its
     * own mask once its state exists. */
    user_block_all();
    int e = pthread_create(&th, &attr, thread_start, &cs);
    user_unblock_mirror();
    pthread_attr_destroy(&attr);
    if (e) {
        __atomic_fetch_sub(&nthreads, 1, __ATOMIC_SEQ_CST);
        cpu_destroy(cpu);
        free(ts);
        return -EAGAIN;
    }
    pthread_mutex_lock(&cs.lock);
    while (!cs.tid)
        pthread_cond_wait(&cs.cond, &cs.lock);
    pthread_mutex_unlock(&cs.lock);
    pthread_mutex_destroy(&cs.lock);
    pthread_cond_destroy(&cs.cond);
    return cs.tid;
}

void user_threads_after_fork(struct cpu_common *cpu)
{
    nthreads = 1;
    engine_fork_child(cpu);
    user_mmap_after_fork();
}

static long host_futex(uint32_t *uaddr, int op, uint32_t val, long arg4,
                       uint32_t *uaddr2, uint32_t val3)
{
    return syscall(SYS_futex, uaddr, op, val, arg4, uaddr2, val3);
}

/*
 * The robust list: { next, futex_offset, list_op_pending } in guest
 * longs; each entry's futex word is at entry + futex_offset.  On thread
 * death every futex it still owns gets FUTEX_OWNER_DIED and a waiter is
 * woken, as the kernel does.
 */
static void release_robust_futex(uint64_t addr, int tid)
{
    uint32_t *w = user_ptr(addr, 4, true);
    if (!w || (addr & 3))
        return;
    /* The word in the guest's byte order. */
    bool be = user_abi->big_endian;
    uint32_t cur = __atomic_load_n(w, __ATOMIC_RELAXED), v;
    for (;;) {
        v = be ? __builtin_bswap32(cur) : cur;
        if ((v & FUTEX_TID_MASK) != (uint32_t)tid)
            return;
        uint32_t nv = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (be)
            nv = __builtin_bswap32(nv);
        if (__atomic_compare_exchange_n(w, &cur, nv, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_RELAXED))
            break;
    }
    if (v & FUTEX_WAITERS)
        host_futex(w, FUTEX_WAKE, 1, 0, NULL, 0);
}

static void exit_robust_list(struct user_thread *ts)
{
    int L = ABI_LONG;
    uint64_t head = ts->robust_list, next, off, pending;
    if (!head)
        return;
    if (!get_user(head, L, &next) || !get_user(head + L, L, &off) ||
        !get_user(head + 2 * L, L, &pending))
        return;
    int64_t soff = abi_slong(off);
    for (int n = 0; next != head && n < 2048; n++) {
        uint64_t e = next & ~(uint64_t)1;
        if (!get_user(e, L, &next))
            break;
        if (e != pending)
            release_robust_futex(e + soff, ts->tid);
    }
    if (pending)
        release_robust_futex((pending & ~(uint64_t)1) + soff, ts->tid);
}

_Noreturn void user_thread_exit(struct cpu_common *cpu, int status)
{
    struct user_thread *ts = user_self;

    if (__atomic_sub_fetch(&nthreads, 1, __ATOMIC_SEQ_CST) == 0)
        user_exit(status);
    exit_robust_list(ts);
    if (ts->clear_child_tid) {
        uint32_t *w = user_ptr(ts->clear_child_tid, 4, true);
        if (w) {
            __atomic_store_n(w, 0, __ATOMIC_SEQ_CST);
            host_futex(w, FUTEX_WAKE, 1, 0, NULL, 0);
        }
    }
    user_block_all();
    user_self = NULL;
    current_cpu = NULL;
    cpu_destroy(cpu);
    if (ts != user_main_thread())
        free(ts);
    pthread_exit(NULL);
}

/* ---- syscalls ---- */

int64_t sys_set_tid_address(struct cpu_common *cpu, const uint64_t *a)
{
    user_self->clear_child_tid = a[0];
    return user_self->tid;
}

int64_t sys_set_robust_list(struct cpu_common *cpu, const uint64_t *a)
{
    if (a[1] != 3 * (uint64_t)ABI_LONG)
        return -EINVAL;
    user_self->robust_list = a[0];
    user_self->robust_len = a[1];
    return 0;
}

int64_t sys_get_robust_list(struct cpu_common *cpu, const uint64_t *a)
{
    if (a[0] && (int)a[0] != user_self->tid)
        return -EPERM;      /* only the caller's own list is kept */
    if (!put_user(a[1], ABI_LONG, user_self->robust_list) ||
        !put_user(a[2], ABI_LONG, 3 * ABI_LONG))
        return -EFAULT;
    return 0;
}

static int64_t do_futex(const uint64_t *a, int tsize)
{
    int op = (int)a[1];
    int cmd = op & FUTEX_CMD_MASK;
    uint32_t val = (uint32_t)a[2], val3 = (uint32_t)a[5];
    struct timespec ts;
    long arg4 = (long)(uint32_t)a[3];
    uint32_t *w2 = NULL;

    if (a[0] & 3)
        return -EINVAL;
    uint32_t *w = user_ptr(a[0], 4, false);
    if (!w)
        return -EFAULT;
    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_LOCK_PI:
    case FUTEX_WAIT_REQUEUE_PI:
#ifdef FUTEX_LOCK_PI2
    case FUTEX_LOCK_PI2:
#endif
        arg4 = 0;
        if (a[3]) {
            const uint8_t *g = user_ptr(a[3], 2 * tsize, false);
            if (!g)
                return -EFAULT;
            ts.tv_sec = tsize == 4 ? (int32_t)abi_ld(g, 4)
                                   : (int64_t)abi_ld(g, 8);
            ts.tv_nsec = tsize == 4 ? (int32_t)abi_ld(g + 4, 4)
                                    : abi_slong(abi_ld(g + 8, 8));
            arg4 = (long)&ts;
        }
        break;
    case FUTEX_WAKE: case FUTEX_WAKE_BITSET: case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
    case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: case FUTEX_WAKE_OP:
    case FUTEX_CMP_REQUEUE_PI:
        break;
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("futex: unsupported operation %d\n", cmd);
        return -ENOSYS;
    }
    /* The values compared with the futex word are numbers; the host
     * compares them with the word in its own byte order. */
    if (user_abi->big_endian) {
        if (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET ||
            cmd == FUTEX_WAIT_REQUEUE_PI)
            val = __builtin_bswap32(val);
        if (cmd == FUTEX_CMP_REQUEUE || cmd == FUTEX_CMP_REQUEUE_PI)
            val3 = __builtin_bswap32(val3);
    }
    if (cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE ||
        cmd == FUTEX_WAKE_OP || cmd == FUTEX_CMP_REQUEUE_PI ||
        cmd == FUTEX_WAIT_REQUEUE_PI) {
        if (a[4] & 3)
            return -EINVAL;
        if (!(w2 = user_ptr(a[4], 4, true)))
            return -EFAULT;
    }
    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_LOCK_PI:
    case FUTEX_WAIT_REQUEUE_PI:
#ifdef FUTEX_LOCK_PI2
    case FUTEX_LOCK_PI2:
#endif
        /* Sleeps: interruptible by guest signals. */
        return safe_syscall(SYS_futex, (long)w, op, val, arg4, (long)w2,
                            val3);
    }
    return sys_ret(host_futex(w, op, val, arg4, w2, val3));
}

int64_t sys_futex(struct cpu_common *cpu, const uint64_t *a)
{
    return do_futex(a, ABI_LONG);
}

int64_t sys_futex_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_futex(a, 8);
}
