/*
 * SysV IPC: message queues, semaphore sets and shared memory.  The
 * objects are the host's (so guest processes share them with each other
 * and with host programs); what kemu converts is the guest's view: the
 * struct layouts of the ABI (user_abi->ipc, the IPC_64 forms), the
 * message buffers (a guest long mtype before the text), struct sembuf in
 * the guest's byte order, and shared memory attached inside the guest
 * address space.  MIPS o32 reaches all of it through the multiplexed
 * ipc() call, which sys_ipc unpacks as the kernel's ipc/syscall.c does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"

/* The version flag of the *ctl commands: the 64 forms of the structs. */
#define GUEST_IPC_64 0x100

#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif
#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif

union host_semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
    struct seminfo *info;
};

static const struct abi_ipc_layout *layout(void)
{
    return user_abi->ipc;
}

/* Blocking IPC calls are not restarted after a handler ran (signal(7)). */
static int64_t no_restart(long r)
{
    return r == -USER_ERESTARTSYS ? -USER_ERESTARTNOHAND : r;
}

static void put_time(uint8_t *g, struct abi_field lo, struct abi_field hi,
                     int64_t t)
{
    put_field(g, lo, (uint64_t)t);
    put_field(g, hi, (uint64_t)t >> 32);
}

static void perm_to_guest(uint8_t *g, const struct ipc_perm *p)
{
    const struct abi_ipc_layout *l = layout();

    put_field(g, l->key, (uint32_t)p->__key);
    put_field(g, l->uid, p->uid);
    put_field(g, l->gid, p->gid);
    put_field(g, l->cuid, p->cuid);
    put_field(g, l->cgid, p->cgid);
    put_field(g, l->mode, p->mode);
    put_field(g, l->seq, p->__seq);
}

/* IPC_SET changes the owner and the mode only. */
static void perm_from_guest(struct ipc_perm *p, const uint8_t *g)
{
    const struct abi_ipc_layout *l = layout();

    p->uid = (uid_t)get_field(g, l->uid);
    p->gid = (gid_t)get_field(g, l->gid);
    p->mode = (unsigned short)get_field(g, l->mode);
}

/* The guest's 32-bit ints (seminfo, msginfo) in its byte order. */
static bool put_ints(uint64_t addr, const int *v, int n, int size)
{
    uint8_t *g = user_ptr(addr, size, true);
    if (!g)
        return false;
    memset(g, 0, size);
    for (int i = 0; i < n; i++)
        abi_st(g + 4 * i, 4, (uint32_t)v[i]);
    return true;
}

/* A struct *_ds command needs the IPC_64 form (the only one kemu lays
 * out); the old forms of the 32-bit ABIs are refused. */
static bool needs_ds(int c)
{
    return c == IPC_STAT || c == IPC_SET || c == MSG_STAT ||
           c == MSG_STAT_ANY || c == SEM_STAT || c == SEM_STAT_ANY ||
           c == SHM_STAT || c == SHM_STAT_ANY;
}

static int ctl_cmd(int cmd, bool *bad)
{
    int c = cmd & ~GUEST_IPC_64;
    *bad = !layout() || (needs_ds(c) && !(cmd & GUEST_IPC_64));
    return c;
}

/* ---- message queues ---- */

static int64_t do_msgget(int key, int flg)
{
    return sys_ret(msgget(key, flg));
}

static int64_t do_msgsnd(int id, uint64_t msgp, uint64_t size, int flg)
{
    int L = ABI_LONG;
    int64_t sz = abi_slong(size);

    if (sz < 0)
        return -EINVAL;
    const uint8_t *g = user_ptr(msgp, L + (uint64_t)sz, false);
    if (!g)
        return -EFAULT;
    uint8_t *m = malloc(sizeof(long) + sz);
    if (!m)
        return -ENOMEM;
    long type = (long)abi_slong(abi_ld(g, L));
    memcpy(m, &type, sizeof(long));
    memcpy(m + sizeof(long), g + L, sz);
    long r = safe_syscall(SYS_msgsnd, id, (long)m, (long)sz, flg, 0, 0);
    free(m);
    return no_restart(r);
}

static int64_t do_msgrcv(int id, uint64_t msgp, uint64_t size, int64_t type,
                         int flg)
{
    int L = ABI_LONG;
    int64_t sz = abi_slong(size);

    if (sz < 0)
        return -EINVAL;
    if (!user_ptr(msgp, L + (uint64_t)sz, true))
        return -EFAULT;
    uint8_t *m = malloc(sizeof(long) + sz);
    if (!m)
        return -ENOMEM;
    long r = safe_syscall(SYS_msgrcv, id, (long)m, (long)sz, (long)type, flg,
                          0);
    if (r >= 0) {
        uint8_t *g = user_ptr(msgp, L + (uint64_t)r, true);
        if (g) {
            long t;
            memcpy(&t, m, sizeof(long));
            abi_st(g, L, (uint64_t)t);
            memcpy(g + L, m + sizeof(long), r);
        } else {
            r = -EFAULT;
        }
    }
    free(m);
    return no_restart(r);
}

static int64_t do_msgctl(int id, int cmd, uint64_t buf)
{
    const struct abi_ipc_layout *l = layout();
    bool bad;
    int c = ctl_cmd(cmd, &bad);
    struct msqid_ds ds;
    struct msginfo mi;

    if (bad)
        return -EINVAL;
    switch (c) {
    case IPC_RMID:
        return sys_ret(msgctl(id, IPC_RMID, NULL));
    case IPC_STAT: case MSG_STAT: case MSG_STAT_ANY: {
        uint8_t *g = user_ptr(buf, l->msqid_size, true);
        if (!g)
            return -EFAULT;
        int r = msgctl(id, c, &ds);
        if (r < 0)
            return -errno;
        memset(g, 0, l->msqid_size);
        perm_to_guest(g, &ds.msg_perm);
        put_time(g, l->msg_stime, l->msg_stime_hi, ds.msg_stime);
        put_time(g, l->msg_rtime, l->msg_rtime_hi, ds.msg_rtime);
        put_time(g, l->msg_ctime, l->msg_ctime_hi, ds.msg_ctime);
        put_field(g, l->msg_cbytes, ds.__msg_cbytes);
        put_field(g, l->msg_qnum, ds.msg_qnum);
        put_field(g, l->msg_qbytes, ds.msg_qbytes);
        put_field(g, l->msg_lspid, (uint32_t)ds.msg_lspid);
        put_field(g, l->msg_lrpid, (uint32_t)ds.msg_lrpid);
        return r;
    }
    case IPC_SET: {
        const uint8_t *g = user_ptr(buf, l->msqid_size, false);
        if (!g)
            return -EFAULT;
        memset(&ds, 0, sizeof(ds));
        perm_from_guest(&ds.msg_perm, g);
        ds.msg_qbytes = get_field(g, l->msg_qbytes);
        return sys_ret(msgctl(id, IPC_SET, &ds));
    }
    case IPC_INFO: case MSG_INFO: {
        int r = msgctl(id, c, (struct msqid_ds *)&mi);
        if (r < 0)
            return -errno;
        /* struct msginfo: seven ints and an unsigned short. */
        int v[8] = { mi.msgpool, mi.msgmap, mi.msgmax, mi.msgmnb, mi.msgmni,
                     mi.msgssz, mi.msgtql, 0 };
        if (!put_ints(buf, v, 7, 32))
            return -EFAULT;
        abi_st((uint8_t *)user_ptr(buf, 32, true) + 28, 2, mi.msgseg);
        return r;
    }
    default:
        return -EINVAL;
    }
}

/* ---- semaphores ---- */

static int64_t do_semget(int key, int nsems, int flg)
{
    return sys_ret(semget(key, nsems, flg));
}

/* tsize: 0 no timeout, 4 or 8 the guest timespec's word size. */
static int64_t do_semtimedop(int id, uint64_t sops, uint64_t nsops,
                             uint64_t tsaddr, int tsize)
{
    struct timespec ts, *tp = NULL;

    if (nsops == 0 || nsops > 0x10000)
        return nsops ? -E2BIG : -EINVAL;
    unsigned stride = layout()->sembuf_size ? layout()->sembuf_size : 6;
    const uint8_t *g = user_ptr(sops, stride * nsops, false);
    if (!g)
        return -EFAULT;
    if (tsize && tsaddr) {
        const uint8_t *t = user_ptr(tsaddr, 2 * tsize, false);
        if (!t)
            return -EFAULT;
        ts.tv_sec = tsize == 4 ? (int32_t)abi_ld(t, 4) : (int64_t)abi_ld(t, 8);
        ts.tv_nsec = tsize == 4 ? (int32_t)abi_ld(t + 4, 4)
                                : (int64_t)abi_ld(t + 8, 8);
        tp = &ts;
    }
    struct sembuf *h = malloc(nsops * sizeof(*h));
    if (!h)
        return -ENOMEM;
    /* struct sembuf: unsigned short sem_num; short sem_op, sem_flg. */
    for (uint64_t i = 0; i < nsops; i++) {
        h[i].sem_num = (unsigned short)abi_ld(g + stride * i, 2);
        h[i].sem_op = (short)abi_ld(g + stride * i + 2, 2);
        h[i].sem_flg = (short)abi_ld(g + stride * i + 4, 2);
    }
    long r = safe_syscall(SYS_semtimedop, id, (long)h, (long)nsops, (long)tp,
                          0, 0);
    free(h);
    return no_restart(r);
}

static int sem_count(int id)
{
    struct semid_ds ds;
    union host_semun u = { .buf = &ds };

    return semctl(id, 0, IPC_STAT, u) < 0 ? -errno : (int)ds.sem_nsems;
}

/* arg is union semun by value: an int for SETVAL, a pointer otherwise. */
static int64_t do_semctl(int id, int num, int cmd, uint64_t arg)
{
    const struct abi_ipc_layout *l = layout();
    bool bad;
    int c = ctl_cmd(cmd, &bad);
    struct semid_ds ds;
    struct seminfo si;
    union host_semun u;

    if (bad)
        return -EINVAL;
    switch (c) {
    case IPC_RMID:
        return sys_ret(semctl(id, 0, IPC_RMID));
    case GETVAL: case GETPID: case GETNCNT: case GETZCNT:
        return sys_ret(semctl(id, num, c));
    case SETVAL:
        /* The union passed by value: a 64-bit big-endian guest's int
         * sits in the upper half of the register (as in the kernel's
         * semctl_setval). */
        u.val = (int)(ABI_LONG == 8 && user_abi->big_endian ? arg >> 32 : arg);
        return sys_ret(semctl(id, num, SETVAL, u));
    case GETALL: case SETALL: {
        int n = sem_count(id);
        if (n < 0)
            return n;
        uint8_t *g = user_ptr(arg, 2 * (uint64_t)n, c == GETALL);
        if (!g)
            return -EFAULT;
        unsigned short v[n ? n : 1];
        u.array = v;
        if (c == SETALL)
            for (int i = 0; i < n; i++)
                v[i] = (unsigned short)abi_ld(g + 2 * i, 2);
        int r = semctl(id, 0, c, u);
        if (r < 0)
            return -errno;
        if (c == GETALL)
            for (int i = 0; i < n; i++)
                abi_st(g + 2 * i, 2, v[i]);
        return r;
    }
    case IPC_STAT: case SEM_STAT: case SEM_STAT_ANY: {
        uint8_t *g = user_ptr(arg, l->semid_size, true);
        if (!g)
            return -EFAULT;
        u.buf = &ds;
        int r = semctl(id, 0, c, u);
        if (r < 0)
            return -errno;
        memset(g, 0, l->semid_size);
        perm_to_guest(g, &ds.sem_perm);
        put_time(g, l->sem_otime, l->sem_otime_hi, ds.sem_otime);
        put_time(g, l->sem_ctime, l->sem_ctime_hi, ds.sem_ctime);
        put_field(g, l->sem_nsems, ds.sem_nsems);
        return r;
    }
    case IPC_SET: {
        const uint8_t *g = user_ptr(arg, l->semid_size, false);
        if (!g)
            return -EFAULT;
        memset(&ds, 0, sizeof(ds));
        perm_from_guest(&ds.sem_perm, g);
        u.buf = &ds;
        return sys_ret(semctl(id, 0, IPC_SET, u));
    }
    case IPC_INFO: case SEM_INFO: {
        u.info = &si;
        int r = semctl(id, 0, c, u);
        if (r < 0)
            return -errno;
        int v[10] = { si.semmap, si.semmni, si.semmns, si.semmnu, si.semmsl,
                      si.semopm, si.semume, si.semusz, si.semvmx, si.semaem };
        return put_ints(arg, v, 10, 40) ? r : -EFAULT;
    }
    default:
        return -EINVAL;
    }
}

/* ---- shared memory ---- */

/*
 * Attached segments, so shmdt knows the length to give back to the
 * reservation.  Host attaches survive fork, and so does this table.
 */
#define MAX_ATTACH 256
static struct { uint64_t addr, len; } attached[MAX_ATTACH];
static pthread_mutex_t shm_lock = PTHREAD_MUTEX_INITIALIZER;

static int64_t do_shmget(int key, uint64_t size, int flg)
{
    return sys_ret(shmget(key, (size_t)size, flg));
}

static void drop_code(uint64_t addr, uint64_t len)
{
    for (uint64_t a = addr; a < addr + len; a += GUEST_PAGE_SIZE)
        if (page_get_flags(a) & (PAGE_HAS_CODE | PAGE_EXEC)) {
            tb_invalidate_range(addr, addr + len);
            return;
        }
}

static int64_t shmat_locked(int id, uint64_t addr, int flg)
{
    struct shmid_ds ds;

    if (shmctl(id, IPC_STAT, &ds) < 0)
        return -errno;
    uint64_t len = ((uint64_t)ds.shm_segsz + GUEST_PAGE_SIZE - 1) &
                   GUEST_PAGE_MASK;
    if (len == 0 || len > user_mem_limit)
        return -EINVAL;
    if (addr) {
        if (flg & SHM_RND)
            addr &= ~(uint64_t)(layout()->shmlba - 1);
        if (addr & ~GUEST_PAGE_MASK)
            return -EINVAL;
        if (addr >= user_mem_limit || len > user_mem_limit - addr)
            return -EINVAL;
        if (!(flg & SHM_REMAP) && !user_range_free(addr, len))
            return -EINVAL;
    } else {
        if (flg & SHM_REMAP)
            return -EINVAL;
        addr = user_mmap_find(0, len);
        if (addr == (uint64_t)-1)
            return -ENOMEM;
    }
    int slot = -1;
    for (int i = 0; i < MAX_ATTACH && slot < 0; i++)
        if (!attached[i].len || attached[i].addr == addr)
            slot = i;
    if (slot < 0)
        return -EMFILE;
    /* SHM_REMAP replaces the host's inaccessible reservation there. */
    void *p = shmat(id, g2h(addr), (flg & (SHM_RDONLY | SHM_EXEC)) | SHM_REMAP);
    if (p == (void *)-1)
        return -errno;
    drop_code(addr, len);
    int prot = PAGE_READ | PAGE_VALID | (flg & SHM_RDONLY ? 0 : PAGE_WRITE) |
               (flg & SHM_EXEC ? PAGE_EXEC : 0);
    page_set_flags(addr, addr + len, prot);
    attached[slot].addr = addr;
    attached[slot].len = len;
    return (int64_t)addr;
}

static int64_t do_shmat(int id, uint64_t addr, int flg)
{
    if (!layout())
        return -ENOSYS;
    pthread_mutex_lock(&shm_lock);
    int64_t r = shmat_locked(id, addr, flg);
    pthread_mutex_unlock(&shm_lock);
    return r;
}

static int64_t do_shmdt(uint64_t addr)
{
    int64_t r = -EINVAL;

    pthread_mutex_lock(&shm_lock);
    for (int i = 0; i < MAX_ATTACH; i++) {
        if (!attached[i].len || attached[i].addr != addr)
            continue;
        uint64_t len = attached[i].len;
        attached[i].len = 0;
        /* The guest may have unmapped it already: then the host has
         * nothing attached there either, and the call fails as Linux's. */
        if (shmdt(g2h(addr)) < 0) {
            r = -errno;
            break;
        }
        drop_code(addr, len);
        mmap(g2h(addr), len, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
        page_set_flags(addr, addr + len, 0);
        r = 0;
        break;
    }
    pthread_mutex_unlock(&shm_lock);
    return r;
}

static int64_t do_shmctl(int id, int cmd, uint64_t buf)
{
    const struct abi_ipc_layout *l = layout();
    int L = ABI_LONG;
    bool bad;
    int c = ctl_cmd(cmd, &bad);
    struct shmid_ds ds;

    if (bad)
        return -EINVAL;
    switch (c) {
    case IPC_RMID: case SHM_LOCK: case SHM_UNLOCK:
        return sys_ret(shmctl(id, c, NULL));
    case IPC_STAT: case SHM_STAT: case SHM_STAT_ANY: {
        uint8_t *g = user_ptr(buf, l->shmid_size, true);
        if (!g)
            return -EFAULT;
        int r = shmctl(id, c, &ds);
        if (r < 0)
            return -errno;
        memset(g, 0, l->shmid_size);
        perm_to_guest(g, &ds.shm_perm);
        put_field(g, l->shm_segsz, ds.shm_segsz);
        put_time(g, l->shm_atime, l->shm_atime_hi, ds.shm_atime);
        put_time(g, l->shm_dtime, l->shm_dtime_hi, ds.shm_dtime);
        put_time(g, l->shm_ctime, l->shm_ctime_hi, ds.shm_ctime);
        put_field(g, l->shm_cpid, (uint32_t)ds.shm_cpid);
        put_field(g, l->shm_lpid, (uint32_t)ds.shm_lpid);
        put_field(g, l->shm_nattch, ds.shm_nattch);
        return r;
    }
    case IPC_SET: {
        const uint8_t *g = user_ptr(buf, l->shmid_size, false);
        if (!g)
            return -EFAULT;
        memset(&ds, 0, sizeof(ds));
        perm_from_guest(&ds.shm_perm, g);
        return sys_ret(shmctl(id, IPC_SET, &ds));
    }
    case IPC_INFO: {
        /* struct shminfo64: shmmax, shmmin, shmmni, shmseg, shmall and
         * four unused longs; a 32-bit guest sees the values clamped as
         * the kernel's compat code does. */
        struct shminfo si;
        int r = shmctl(id, IPC_INFO, (struct shmid_ds *)&si);
        if (r < 0)
            return -errno;
        uint8_t *g = user_ptr(buf, 9 * L, true);
        if (!g)
            return -EFAULT;
        unsigned long v[5] = { si.shmmax, si.shmmin, si.shmmni, si.shmseg,
                               si.shmall };
        memset(g, 0, 9 * L);
        for (int i = 0; i < 5; i++)
            abi_st(g + L * i, L, L == 4 && v[i] > 0x7fffffff ? 0x7fffffff
                                                            : v[i]);
        return r;
    }
    case SHM_INFO: {
        /* struct shm_info: int used_ids, then five longs. */
        struct shm_info si;
        int r = shmctl(id, SHM_INFO, (struct shmid_ds *)&si);
        if (r < 0)
            return -errno;
        uint8_t *g = user_ptr(buf, 6 * L, true);
        if (!g)
            return -EFAULT;
        unsigned long v[5] = { si.shm_tot, si.shm_rss, si.shm_swp,
                               si.swap_attempts, si.swap_successes };
        memset(g, 0, 6 * L);
        abi_st(g, 4, (uint32_t)si.used_ids);
        for (int i = 0; i < 5; i++)
            abi_st(g + L * (i + 1), L, v[i]);
        return r;
    }
    default:
        return -EINVAL;
    }
}

/* ---- the syscalls ---- */

int64_t sys_msgget(struct cpu_common *cpu, const uint64_t *a)
{
    return do_msgget((int)a[0], (int)a[1]);
}

int64_t sys_msgsnd(struct cpu_common *cpu, const uint64_t *a)
{
    return do_msgsnd((int)a[0], a[1], a[2], (int)a[3]);
}

int64_t sys_msgrcv(struct cpu_common *cpu, const uint64_t *a)
{
    return do_msgrcv((int)a[0], a[1], a[2], abi_slong(a[3]), (int)a[4]);
}

int64_t sys_msgctl(struct cpu_common *cpu, const uint64_t *a)
{
    return do_msgctl((int)a[0], (int)a[1], a[2]);
}

int64_t sys_semget(struct cpu_common *cpu, const uint64_t *a)
{
    return do_semget((int)a[0], (int)a[1], (int)a[2]);
}

int64_t sys_semop(struct cpu_common *cpu, const uint64_t *a)
{
    return do_semtimedop((int)a[0], a[1], a[2], 0, 0);
}

/* The 32-bit ABIs' semtimedop takes the old 32-bit timespec. */
int64_t sys_semtimedop(struct cpu_common *cpu, const uint64_t *a)
{
    return do_semtimedop((int)a[0], a[1], a[2], a[3], ABI_LONG);
}

int64_t sys_semtimedop_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_semtimedop((int)a[0], a[1], a[2], a[3], 8);
}

int64_t sys_semctl(struct cpu_common *cpu, const uint64_t *a)
{
    return do_semctl((int)a[0], (int)a[1], (int)a[2], a[3]);
}

int64_t sys_shmget(struct cpu_common *cpu, const uint64_t *a)
{
    return do_shmget((int)a[0], a[1], (int)a[2]);
}

int64_t sys_shmat(struct cpu_common *cpu, const uint64_t *a)
{
    return do_shmat((int)a[0], a[1], (int)a[2]);
}

int64_t sys_shmdt(struct cpu_common *cpu, const uint64_t *a)
{
    return do_shmdt(a[0]);
}

int64_t sys_shmctl(struct cpu_common *cpu, const uint64_t *a)
{
    return do_shmctl((int)a[0], (int)a[1], a[2]);
}

/* ipc(call, first, second, third, ptr, fifth): call is version << 16 |
 * operation, as in the kernel's ipc/syscall.c. */
enum {
    IPCOP_SEMOP = 1, IPCOP_SEMGET = 2, IPCOP_SEMCTL = 3, IPCOP_SEMTIMEDOP = 4,
    IPCOP_MSGSND = 11, IPCOP_MSGRCV = 12, IPCOP_MSGGET = 13, IPCOP_MSGCTL = 14,
    IPCOP_SHMAT = 21, IPCOP_SHMDT = 22, IPCOP_SHMGET = 23, IPCOP_SHMCTL = 24,
};

int64_t sys_ipc(struct cpu_common *cpu, const uint64_t *a)
{
    int L = ABI_LONG;
    unsigned version = (uint32_t)a[0] >> 16, op = a[0] & 0xffff;
    int first = (int)a[1], second = (int)a[2], third = (int)a[3];
    uint64_t ptr = a[4], fifth = a[5];

    switch (op) {
    case IPCOP_SEMOP:
        return do_semtimedop(first, ptr, (uint32_t)second, 0, 0);
    case IPCOP_SEMTIMEDOP:
        return do_semtimedop(first, ptr, (uint32_t)second, fifth, L);
    case IPCOP_SEMGET:
        return do_semget(first, second, third);
    case IPCOP_SEMCTL: {
        /* ptr points at the union semun. */
        uint64_t arg;
        if (!ptr)
            return -EINVAL;
        if (!get_user(ptr, L, &arg))
            return -EFAULT;
        return do_semctl(first, second, third, arg);
    }
    case IPCOP_MSGSND:
        return do_msgsnd(first, ptr, (uint32_t)second, third);
    case IPCOP_MSGRCV:
        if (version == 0) {
            /* struct ipc_kludge { struct msgbuf *msgp; long msgtyp; } */
            uint64_t msgp, type;
            if (!ptr)
                return -EINVAL;
            if (!get_user(ptr, L, &msgp) || !get_user(ptr + L, L, &type))
                return -EFAULT;
            return do_msgrcv(first, msgp, (uint32_t)second, abi_slong(type),
                             third);
        }
        return do_msgrcv(first, ptr, (uint32_t)second, abi_slong(fifth),
                         third);
    case IPCOP_MSGGET:
        return do_msgget(first, second);
    case IPCOP_MSGCTL:
        return do_msgctl(first, second, ptr);
    case IPCOP_SHMAT: {
        if (version == 1)
            return -EINVAL;    /* the iBCS2 form */
        int64_t r = do_shmat(first, ptr, second);
        if (r < 0 && r >= -4095)
            return r;
        /* The address goes to *third; the call returns 0. */
        if (!put_user(a[3], L, (uint64_t)r))
            return -EFAULT;
        return 0;
    }
    case IPCOP_SHMDT:
        return do_shmdt(ptr);
    case IPCOP_SHMGET:
        return do_shmget(first, (uint32_t)second, third);
    case IPCOP_SHMCTL:
        return do_shmctl(first, second, ptr);
    default:
        return -ENOSYS;
    }
}
