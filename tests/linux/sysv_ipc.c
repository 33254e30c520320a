/*
 * SysV IPC between two processes: a message queue ping-pong with message
 * types, a semaphore used as a mutex around a counter in shared memory
 * that parent and child both increment, the same segment attached twice
 * (at a kemu-chosen and a program-chosen address) showing the same bytes,
 * the *_STAT fields, IPC_SET, GETALL/SETALL and the error cases, and
 * IPC_RMID cleanup.  Every id is IPC_PRIVATE, so parallel runs never meet.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define ROUNDS 8
#define INCREMENTS 3000

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
    struct seminfo *__buf;
};

struct msg {
    long mtype;
    char mtext[64];
};

static int wait_child(pid_t pid)
{
    int st;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

static void test_msg(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK_TRUE("msgget", q >= 0);
    time_t t0 = time(NULL);

    pid_t child = fork();
    if (child == 0) {
        /* Answer every ping (type 1) with a pong (type 2) carrying
         * the same number plus 100; stop on type 9.  Everything but its
         * own pongs (MSG_EXCEPT). */
        struct msg m;
        for (;;) {
            ssize_t n = msgrcv(q, &m, sizeof(m.mtext), 2, MSG_EXCEPT);
            if (n < 0)
                _exit(2);
            if (m.mtype == 9)
                _exit(0);
            if (m.mtype != 1)
                _exit(3);
            int v = atoi(m.mtext);
            m.mtype = 2;
            snprintf(m.mtext, sizeof(m.mtext), "pong %d", v + 100);
            if (msgsnd(q, &m, strlen(m.mtext) + 1, 0) < 0)
                _exit(4);
        }
    }
    int good = 0;
    for (int i = 0; i < ROUNDS; i++) {
        struct msg m = { 1, "" };
        char want[64];
        snprintf(m.mtext, sizeof(m.mtext), "%d", i);
        if (msgsnd(q, &m, strlen(m.mtext) + 1, 0) < 0)
            break;
        memset(&m, 0, sizeof(m));
        ssize_t n = msgrcv(q, &m, sizeof(m.mtext), 2, 0);
        snprintf(want, sizeof(want), "pong %d", i + 100);
        if (n == (ssize_t)strlen(want) + 1 && m.mtype == 2 &&
            strcmp(m.mtext, want) == 0)
            good++;
    }
    CHECK("msg ping-pong rounds", good, ROUNDS);
    struct msg stop = { 9, "stop" };
    CHECK("msgsnd stop", msgsnd(q, &stop, 5, 0), 0);
    CHECK("msg child exit", wait_child(child), 0);

    /* Types: receive out of order by type, by "lowest <= N", and with
     * MSG_EXCEPT; a short buffer gives E2BIG unless MSG_NOERROR. */
    struct msg a = { 5, "five" }, b = { 3, "three" }, c = { 7, "seven" };
    msgsnd(q, &a, 5, 0);
    msgsnd(q, &b, 6, 0);
    msgsnd(q, &c, 6, 0);

    struct msqid_ds ds;
    CHECK("msgctl IPC_STAT", msgctl(q, IPC_STAT, &ds), 0);
    CHECK("msg_qnum", ds.msg_qnum, 3);
    CHECK("msg_cbytes", ds.__msg_cbytes, 17);
    CHECK("msg_perm.mode", ds.msg_perm.mode & 0777, 0600);
    CHECK_TRUE("msg_perm.uid", ds.msg_perm.uid == getuid());
    CHECK_TRUE("msg_perm.cuid", ds.msg_perm.cuid == getuid());
    CHECK_TRUE("msg_lspid", ds.msg_lspid == getpid());
    CHECK_TRUE("msg_lrpid (the child took the stop)", ds.msg_lrpid == child);
    CHECK_TRUE("msg_stime", ds.msg_stime >= t0 && ds.msg_stime <= time(NULL));
    CHECK_TRUE("msg_qbytes", ds.msg_qbytes >= 17);

    struct msg r;
    CHECK("msgrcv type 7", msgrcv(q, &r, sizeof(r.mtext), 7, 0), 6);
    CHECK_STR("msgrcv type 7 text", r.mtext, "seven");
    CHECK("msgrcv short E2BIG", msgrcv(q, &r, 2, 0, IPC_NOWAIT), -1);
    CHECK("errno E2BIG", errno, E2BIG);
    CHECK("msgrcv MSG_EXCEPT 5", msgrcv(q, &r, sizeof(r.mtext), 5,
                                        MSG_EXCEPT), 6);
    CHECK("MSG_EXCEPT type", r.mtype, 3);
    memset(&r, 0, sizeof(r));
    CHECK("msgrcv MSG_NOERROR", msgrcv(q, &r, 2, 0, MSG_NOERROR), 2);
    CHECK_STR("MSG_NOERROR text", r.mtext, "fi");
    CHECK("msgrcv empty", msgrcv(q, &r, sizeof(r.mtext), 0, IPC_NOWAIT), -1);
    CHECK("errno ENOMSG", errno, ENOMSG);
    struct msg bad = { 0, "x" };
    CHECK("msgsnd type 0", msgsnd(q, &bad, 2, 0), -1);
    CHECK("errno EINVAL", errno, EINVAL);

    ds.msg_perm.mode = 0640;
    CHECK("msgctl IPC_SET", msgctl(q, IPC_SET, &ds), 0);
    memset(&ds, 0, sizeof(ds));
    msgctl(q, IPC_STAT, &ds);
    CHECK("msg mode after IPC_SET", ds.msg_perm.mode & 0777, 0640);
    CHECK("msg_qnum empty", ds.msg_qnum, 0);

    struct msginfo mi;
    CHECK_TRUE("msgctl IPC_INFO", msgctl(0, IPC_INFO, (struct msqid_ds *)&mi) >= 0);
    CHECK_TRUE("msgmax", mi.msgmax >= 8192 && mi.msgmnb >= 16384);

    CHECK("msgctl IPC_RMID", msgctl(q, IPC_RMID, NULL), 0);
    CHECK("msgsnd removed", msgsnd(q, &a, 5, IPC_NOWAIT), -1);
    CHECK_TRUE("errno removed", errno == EINVAL || errno == EIDRM);
}

static int sem_change(int id, int num, int op, int flg)
{
    struct sembuf sb = { (unsigned short)num, (short)op, (short)flg };
    return semop(id, &sb, 1);
}

static void bump(int sem, volatile int *counter, int n)
{
    for (int i = 0; i < n; i++) {
        sem_change(sem, 0, -1, SEM_UNDO);
        /* Not atomic on purpose: only the semaphore makes it correct. */
        int v = *counter;
        if ((i & 63) == 0)
            sched_yield();
        *counter = v + 1;
        sem_change(sem, 0, 1, SEM_UNDO);
    }
}

static void test_sem_shm(void)
{
    time_t t0 = time(NULL);
    int shm = shmget(IPC_PRIVATE, 3 * 4096 + 100, IPC_CREAT | 0600);
    CHECK_TRUE("shmget", shm >= 0);
    volatile int *p = shmat(shm, NULL, 0);
    CHECK_TRUE("shmat", p != (void *)-1);
    CHECK("shmat page aligned", (uintptr_t)p & 4095, 0);
    CHECK("shm starts zeroed", p[0] | p[1] | p[1000], 0);
    p[1] = 0x1234;

    int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    CHECK_TRUE("semget", sem >= 0);
    unsigned short init[2] = { 1, 7 }, got[2] = { 0, 0 };
    union semun arg = { .array = init };
    CHECK("semctl SETALL", semctl(sem, 0, SETALL, arg), 0);
    arg.array = got;
    CHECK("semctl GETALL", semctl(sem, 0, GETALL, arg), 0);
    CHECK("GETALL[0]", got[0], 1);
    CHECK("GETALL[1]", got[1], 7);
    arg.val = 4;
    CHECK("semctl SETVAL", semctl(sem, 1, SETVAL, arg), 0);
    CHECK("semctl GETVAL", semctl(sem, 1, GETVAL), 4);
    CHECK_TRUE("semctl GETPID after SETVAL", semctl(sem, 1, GETPID) == getpid());

    pid_t child = fork();
    if (child == 0) {
        /* The child sees what the parent wrote before the fork and
         * writes back through the same segment. */
        if (p[1] != 0x1234)
            _exit(5);
        p[2] = 0x5678;
        bump(sem, &p[0], INCREMENTS);
        _exit(0);
    }
    bump(sem, &p[0], INCREMENTS);
    CHECK("sem child exit", wait_child(child), 0);
    CHECK("shared counter", p[0], 2 * INCREMENTS);
    CHECK("child's write visible", p[2], 0x5678);
    CHECK("semaphore back to 1", semctl(sem, 0, GETVAL), 1);
    CHECK("GETNCNT", semctl(sem, 0, GETNCNT), 0);
    CHECK("GETZCNT", semctl(sem, 0, GETZCNT), 0);
    int last = semctl(sem, 0, GETPID);
    CHECK_TRUE("GETPID is parent or child", last == getpid() || last == child);

    /* Non-blocking and timed waits on a zero semaphore. */
    arg.val = 0;
    semctl(sem, 1, SETVAL, arg);
    CHECK("semop IPC_NOWAIT", sem_change(sem, 1, -1, IPC_NOWAIT), -1);
    CHECK("errno EAGAIN", errno, EAGAIN);
    struct sembuf sb = { 1, -1, 0 };
    struct timespec ts = { 0, 50 * 1000 * 1000 };
    CHECK("semtimedop timeout", semtimedop(sem, &sb, 1, &ts), -1);
    CHECK("errno EAGAIN (timeout)", errno, EAGAIN);
    /* Two operations at once: both or neither. */
    struct sembuf two[2] = { { 0, -1, IPC_NOWAIT }, { 1, -1, IPC_NOWAIT } };
    CHECK("semop atomic pair fails", semop(sem, two, 2), -1);
    CHECK("first untouched", semctl(sem, 0, GETVAL), 1);

    struct semid_ds sds;
    arg.buf = &sds;
    CHECK("semctl IPC_STAT", semctl(sem, 0, IPC_STAT, arg), 0);
    CHECK("sem_nsems", sds.sem_nsems, 2);
    CHECK("sem_perm.mode", sds.sem_perm.mode & 0777, 0600);
    CHECK_TRUE("sem_perm.uid", sds.sem_perm.uid == getuid());
    CHECK_TRUE("sem_otime", sds.sem_otime >= t0 && sds.sem_otime <= time(NULL));
    sds.sem_perm.mode = 0644;
    CHECK("semctl IPC_SET", semctl(sem, 0, IPC_SET, arg), 0);
    memset(&sds, 0, sizeof(sds));
    semctl(sem, 0, IPC_STAT, arg);
    CHECK("sem mode after IPC_SET", sds.sem_perm.mode & 0777, 0644);
    struct seminfo si;
    arg.__buf = &si;
    CHECK_TRUE("semctl IPC_INFO", semctl(sem, 0, IPC_INFO, arg) >= 0);
    CHECK_TRUE("semmsl", si.semmsl > 0 && si.semopm > 0);

    /* The same segment again at an address the program picks. */
    char *spot = mmap(NULL, 0x80000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                      -1, 0);
    munmap(spot, 0x80000);
    char *want = (char *)(((uintptr_t)spot + 0x3ffff) & ~(uintptr_t)0x3ffff);
    volatile int *q = shmat(shm, want + 123, SHM_RND);
    CHECK_TRUE("shmat SHM_RND at a chosen address", (char *)q == want);
    CHECK("second attach sees the counter", q[0], 2 * INCREMENTS);
    q[3000] = 77;
    CHECK("first attach sees the write", p[3000], 77);
    CHECK("shmat unaligned", (long)shmat(shm, want + 123, 0), -1);
    CHECK("errno EINVAL (unaligned)", errno, EINVAL);
    CHECK("shmat over a mapping", (long)shmat(shm, (void *)p, 0), -1);
    char *ro = shmat(shm, NULL, SHM_RDONLY);
    CHECK_TRUE("shmat SHM_RDONLY", ro != (void *)-1 &&
               ((volatile int *)ro)[3000] == 77);

    struct shmid_ds d;
    CHECK("shmctl IPC_STAT", shmctl(shm, IPC_STAT, &d), 0);
    CHECK("shm_segsz", d.shm_segsz, 3 * 4096 + 100);
    CHECK("shm_nattch", d.shm_nattch, 3);
    CHECK_TRUE("shm_cpid", d.shm_cpid == getpid());
    CHECK_TRUE("shm_lpid", d.shm_lpid == getpid());
    CHECK("shm_perm.mode", d.shm_perm.mode & 0777, 0600);
    CHECK_TRUE("shm_atime", d.shm_atime >= t0 && d.shm_atime <= time(NULL));
    d.shm_perm.mode = 0604;
    CHECK("shmctl IPC_SET", shmctl(shm, IPC_SET, &d), 0);
    memset(&d, 0, sizeof(d));
    shmctl(shm, IPC_STAT, &d);
    CHECK("shm mode after IPC_SET", d.shm_perm.mode & 0777, 0604);
    struct shminfo shi;
    CHECK_TRUE("shmctl IPC_INFO", shmctl(0, IPC_INFO, (struct shmid_ds *)&shi) >= 0);
    CHECK_TRUE("shmmni", shi.shmmni > 0 && shi.shmmax > 0);

    CHECK("shmdt second", shmdt((void *)q), 0);
    CHECK("shmdt read-only", shmdt(ro), 0);
    CHECK("shmdt twice", shmdt((void *)q), -1);
    CHECK("errno EINVAL (shmdt)", errno, EINVAL);
    /* The range is free again: an ordinary mapping can take it. */
    void *again = mmap(want, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                       MAP_FIXED_NOREPLACE, -1, 0);
    CHECK_TRUE("range free after shmdt", again == want);
    munmap(again, 4096);

    CHECK("shmctl IPC_RMID", shmctl(shm, IPC_RMID, NULL), 0);
    CHECK("attached after IPC_RMID", p[0], 2 * INCREMENTS);
    CHECK("shmdt first", shmdt((void *)p), 0);
    CHECK("shmctl removed", shmctl(shm, IPC_STAT, &d), -1);
    CHECK("semctl IPC_RMID", semctl(sem, 0, IPC_RMID), 0);
    CHECK("semop removed", sem_change(sem, 0, 1, 0), -1);
    CHECK_TRUE("errno removed (sem)", errno == EINVAL || errno == EIDRM);
}

#if defined(__mips__) && _MIPS_SIM == _ABIO32
/* glibc reaches o32 IPC through ipc(); the direct calls of Linux 5.1
 * (4393-4402) must work the same. */
static void test_o32_direct(void)
{
    long q = syscall(__NR_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK_TRUE("o32 direct msgget", q >= 0);
    struct msg m = { 4, "direct" }, r;
    CHECK("o32 direct msgsnd", syscall(__NR_msgsnd, q, &m, 7, 0), 0);
    CHECK("o32 direct msgrcv", syscall(__NR_msgrcv, q, &r, sizeof(r.mtext), 4, 0), 7);
    CHECK_STR("o32 direct msgrcv text", r.mtext, "direct");
    struct msqid_ds ds;
    CHECK("o32 direct msgctl IPC_STAT|IPC_64", syscall(__NR_msgctl, q, IPC_STAT | 0x100, &ds), 0);
    CHECK("o32 direct msg mode", ds.msg_perm.mode & 0777, 0600);
    CHECK("o32 direct old layout refused", syscall(__NR_msgctl, q, IPC_STAT, &ds), -1);
    CHECK("o32 direct msgctl IPC_RMID", syscall(__NR_msgctl, q, IPC_RMID, NULL), 0);

    long s = syscall(__NR_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
    CHECK_TRUE("o32 direct semget", s >= 0);
    CHECK("o32 direct semctl SETVAL", syscall(__NR_semctl, s, 0, SETVAL, 9), 0);
    CHECK("o32 direct semctl GETVAL", syscall(__NR_semctl, s, 0, GETVAL, 0), 9);
    CHECK("o32 direct semctl IPC_RMID", syscall(__NR_semctl, s, 0, IPC_RMID, 0), 0);

    long h = syscall(__NR_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    CHECK_TRUE("o32 direct shmget", h >= 0);
    long a = syscall(__NR_shmat, h, 0, 0);
    CHECK_TRUE("o32 direct shmat", a != -1 && (a & 4095) == 0);
    if (a != -1) {
        *(volatile int *)a = 5;
        CHECK("o32 direct shmdt", syscall(__NR_shmdt, a), 0);
    }
    struct shmid_ds d;
    CHECK("o32 direct shmctl IPC_STAT", syscall(__NR_shmctl, h, IPC_STAT | 0x100, &d), 0);
    CHECK("o32 direct shm_segsz", d.shm_segsz, 4096);
    CHECK("o32 direct shmctl IPC_RMID", syscall(__NR_shmctl, h, IPC_RMID, NULL), 0);
}
#endif

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_msg();
    test_sem_shm();
#if defined(__mips__) && _MIPS_SIM == _ABIO32
    test_o32_direct();
#endif
    return check_done("sysv_ipc");
}
