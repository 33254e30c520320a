/*
 * Memory syscalls as Linux does them: MAP_SHARED anonymous and file
 * mappings seen across fork, mremap growing in place, moving and to a
 * fixed address with the contents kept, MAP_FIXED_NOREPLACE, madvise
 * MADV_DONTNEED zeroing private anonymous pages (and keeping shared and
 * file ones), mprotect of part of a mapping, msync, mlock, the program
 * break's edge cases.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define PG 4096

static sigjmp_buf fault_jmp;
static volatile uintptr_t fault_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    fault_addr = (uintptr_t)si->si_addr;
    siglongjmp(fault_jmp, 1);
}

/* 1 when a write to p faults. */
static int write_faults(volatile char *p)
{
    if (sigsetjmp(fault_jmp, 1))
        return 1;
    *p = 1;
    return 0;
}

static void test_shared_fork(void)
{
    /* An anonymous shared counter incremented by children. */
    volatile int *ctr = mmap(NULL, PG, PROT_READ | PROT_WRITE,
                             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("shared anon mmap", ctr != MAP_FAILED);
    volatile int *priv = mmap(NULL, PG, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    *ctr = 0;
    *priv = 7;
    for (int i = 0; i < 4; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            __atomic_fetch_add(ctr, 10 + i, __ATOMIC_SEQ_CST);
            *priv = 99;
            _exit(0);
        }
        int st;
        waitpid(pid, &st, 0);
    }
    CHECK("shared counter after 4 children", *ctr, 10 + 11 + 12 + 13);
    CHECK("private page unchanged by children", *priv, 7);

    /* A shared file mapping: the child's store reaches the file. */
    char path[] = "/tmp/kemu-memmap-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    CHECK("ftruncate", ftruncate(fd, 2 * PG), 0);
    char *f = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK_TRUE("shared file mmap", f != MAP_FAILED);
    pid_t pid = fork();
    if (pid == 0) {
        memcpy(f + PG + 8, "from child", 11);
        CHECK("child msync", msync(f, 2 * PG, MS_SYNC), 0);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK_STR("parent sees child's store", f + PG + 8, "from child");
    char buf[16] = { 0 };
    CHECK("pread of the file", pread(fd, buf, 11, PG + 8), 11);
    CHECK_STR("file holds child's store", buf, "from child");
    /* A private mapping of the same file sees it too, but not the
     * other way round. */
    char *pf = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK_STR("private file mapping reads file", pf + PG + 8, "from child");
    pf[PG + 8] = 'X';
    CHECK("private store stays private", f[PG + 8], 'f');
    /* MADV_DONTNEED on a private file mapping brings back the file. */
    CHECK("madvise private file", madvise(pf, 2 * PG, MADV_DONTNEED), 0);
    CHECK("private file page reverts", pf[PG + 8], 'f');
    /* ...and on a shared one keeps the data. */
    CHECK("madvise shared file", madvise(f, 2 * PG, MADV_DONTNEED), 0);
    CHECK("shared file page kept", f[PG + 8], 'f');
    munmap(pf, 2 * PG);
    munmap(f, 2 * PG);
    close(fd);
    munmap((void *)ctr, PG);
    munmap((void *)priv, PG);
}

static void test_mremap(void)
{
    /* Grow in place when the range after is free. */
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + PG, 3 * PG);
    for (int i = 0; i < PG; i++)
        p[i] = (char)(i * 7);
    char *q = mremap(p, PG, 3 * PG, 0);
    CHECK("mremap grows in place", (uintptr_t)q, (uintptr_t)p);
    int ok = 1;
    for (int i = 0; i < PG; i++)
        ok &= q[i] == (char)(i * 7);
    CHECK_TRUE("grown mapping keeps contents", ok);
    CHECK("grown tail is zero", q[2 * PG + 5], 0);
    q[3 * PG - 1] = 5;

    /* Blocked after: no MAYMOVE -> ENOMEM, MAYMOVE -> a new place. */
    char *blk = mmap(q + 3 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                     MAP_FIXED_NOREPLACE, -1, 0);
    CHECK("blocker at the end", (uintptr_t)blk, (uintptr_t)(q + 3 * PG));
    errno = 0;
    CHECK("mremap without MAYMOVE", (uintptr_t)mremap(q, 3 * PG, 5 * PG, 0),
          (uintptr_t)MAP_FAILED);
    CHECK("  errno ENOMEM", errno, ENOMEM);
    char *r = mremap(q, 3 * PG, 5 * PG, MREMAP_MAYMOVE);
    CHECK_TRUE("mremap MAYMOVE moves", r != MAP_FAILED && r != q);
    ok = 1;
    for (int i = 0; i < PG; i++)
        ok &= r[i] == (char)(i * 7);
    CHECK_TRUE("moved mapping keeps contents", ok);
    CHECK("moved mapping keeps the last byte", r[3 * PG - 1], 5);
    CHECK("old range is free again",
          (uintptr_t)mmap(q, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                          MAP_FIXED_NOREPLACE, -1, 0), (uintptr_t)q);
    munmap(q, PG);

    /* MREMAP_FIXED to a chosen address, replacing what is there. */
    char *dst = mmap(NULL, 8 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
    char *s = mremap(r, 5 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
                     dst + 2 * PG);
    CHECK("mremap FIXED lands there", (uintptr_t)s, (uintptr_t)(dst + 2 * PG));
    CHECK("  contents", s[1], 7);
    CHECK("  writable as the source", (s[0] = 42, s[0]), 42);
    errno = 0;
    CHECK("mremap FIXED overlapping", (uintptr_t)mremap(s, 2 * PG, 2 * PG,
          MREMAP_MAYMOVE | MREMAP_FIXED, s + PG), (uintptr_t)MAP_FAILED);
    CHECK("  errno EINVAL", errno, EINVAL);
    /* Shrink. */
    CHECK("mremap shrink", (uintptr_t)mremap(s, 2 * PG, PG, 0), (uintptr_t)s);
    CHECK("shrunk tail is free",
          (uintptr_t)mmap(s + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                          MAP_FIXED_NOREPLACE, -1, 0), (uintptr_t)(s + PG));
    char *hole = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(hole, PG);
    errno = 0;
    CHECK("mremap of unmapped", (uintptr_t)mremap(hole, PG, 2 * PG,
          MREMAP_MAYMOVE), (uintptr_t)MAP_FAILED);
    CHECK("  errno EFAULT", errno, EFAULT);
    munmap(dst, 8 * PG);
    munmap(blk, PG);

    /* A shared anonymous mapping moved to a fixed place stays shared
     * with a child.  (Its size is fixed when it is created: Linux gives
     * SIGBUS past it, so it is not grown.) */
    volatile int *sh = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *to = mmap(NULL, 8 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                    -1, 0);
    sh[0] = 1;
    volatile int *sh2 = mremap((void *)sh, 4 * PG, 4 * PG,
                               MREMAP_MAYMOVE | MREMAP_FIXED, to + 4 * PG);
    CHECK("shared mapping moved", (uintptr_t)sh2, (uintptr_t)(to + 4 * PG));
    CHECK("  keeps contents", sh2[0], 1);
    pid_t pid = fork();
    if (pid == 0) {
        sh2[0] = 2;
        sh2[3 * PG / 4] = 3;
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK("moved shared page seen", sh2[0], 2);
    CHECK("moved shared tail seen", sh2[3 * PG / 4], 3);
    munmap(to, 4 * PG);
    munmap((void *)sh2, 4 * PG);
}

static void test_fixed_noreplace(void)
{
    char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[PG] = 9;
    errno = 0;
    CHECK("NOREPLACE over a mapping",
          (uintptr_t)mmap(p + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                          MAP_FIXED_NOREPLACE, -1, 0), (uintptr_t)MAP_FAILED);
    CHECK("  errno EEXIST", errno, EEXIST);
    CHECK("  old contents kept", p[PG], 9);
    errno = 0;
    CHECK("NOREPLACE unaligned",
          (uintptr_t)mmap(p + 3 * PG + 1, PG, PROT_READ, MAP_PRIVATE |
                          MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
          (uintptr_t)MAP_FAILED);
    CHECK("  errno EINVAL", errno, EINVAL);
    /* MAP_FIXED replaces and zeroes. */
    CHECK("MAP_FIXED replaces",
          (uintptr_t)mmap(p + PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE |
                          MAP_ANONYMOUS | MAP_FIXED, -1, 0),
          (uintptr_t)(p + PG));
    CHECK("  fresh page", p[PG], 0);
    munmap(p, 3 * PG);
}

static void test_madvise_mprotect(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(p, 0x5a, 4 * PG);
    CHECK("MADV_DONTNEED", madvise(p + PG, 2 * PG, MADV_DONTNEED), 0);
    CHECK("page before kept", p[PG - 1], 0x5a);
    CHECK("first dropped page zero", p[PG], 0);
    CHECK("second dropped page zero", p[3 * PG - 1], 0);
    CHECK("page after kept", p[3 * PG], 0x5a);
    CHECK("MADV_WILLNEED", madvise(p, 4 * PG, MADV_WILLNEED), 0);
    CHECK("hint keeps data", p[0], 0x5a);
    errno = 0;
    CHECK("madvise unknown advice", madvise(p, PG, 5000), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    errno = 0;
    CHECK("madvise unaligned", madvise(p + 1, PG, MADV_NORMAL), -1);
    CHECK("  errno EINVAL", errno, EINVAL);

    /* mprotect the middle page read-only: neighbours stay writable. */
    struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
    sigaction(SIGSEGV, &sa, NULL);
    CHECK("mprotect middle", mprotect(p + PG, PG, PROT_READ), 0);
    CHECK("write before ok", write_faults(p + PG - 1), 0);
    CHECK("write in middle faults", write_faults(p + PG + 100), 1);
    CHECK("  si_addr", fault_addr, (uintptr_t)(p + PG + 100));
    CHECK("write after ok", write_faults(p + 2 * PG), 0);
    CHECK("mprotect back", mprotect(p + PG, PG, PROT_READ | PROT_WRITE), 0);
    CHECK("write in middle ok again", write_faults(p + PG + 100), 0);
    CHECK("mprotect none tail", mprotect(p + 3 * PG, PG, PROT_NONE), 0);
    CHECK("msync of PROT_NONE page", msync(p + 3 * PG, PG, MS_ASYNC), 0);
    signal(SIGSEGV, SIG_DFL);
    munmap(p + 2 * PG, PG);
    errno = 0;
    CHECK("mprotect over a hole", mprotect(p, 4 * PG, PROT_READ), -1);
    CHECK("  errno ENOMEM", errno, ENOMEM);
    errno = 0;
    CHECK("msync over a hole", msync(p, 4 * PG, MS_SYNC), -1);
    CHECK("  errno ENOMEM", errno, ENOMEM);
    errno = 0;
    CHECK("msync bad flags", msync(p, PG, MS_SYNC | MS_ASYNC), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    CHECK("mlock one page", mlock(p, PG), 0);
    CHECK("munlock", munlock(p, PG), 0);
    errno = 0;
    CHECK("mlock over a hole", mlock(p, 4 * PG), -1);
    CHECK("  errno ENOMEM", errno, ENOMEM);
    CHECK("mlockall", mlockall(MCL_CURRENT | MCL_FUTURE), 0);
    CHECK("munlockall", munlockall(), 0);
    errno = 0;
    CHECK("mlockall no flags", mlockall(0), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    munmap(p, 4 * PG);
}

static void test_brk(void)
{
    uintptr_t b0 = syscall(SYS_brk, 0);
    CHECK_TRUE("brk(0) nonzero", b0 != 0);
    uintptr_t b1 = syscall(SYS_brk, b0 + 3 * PG + 10);
    CHECK("brk grows", b1, b0 + 3 * PG + 10);
    memset((void *)b0, 0x33, 3 * PG + 10);
    CHECK("brk shrink", syscall(SYS_brk, b0 + PG), b0 + PG);
    CHECK("brk below start refused", syscall(SYS_brk, b0 - 64 * PG), b0 + PG);
    CHECK("brk huge refused", syscall(SYS_brk, 0xfff00000u), b0 + PG);
    CHECK("brk grows again", syscall(SYS_brk, b0 + 3 * PG), b0 + 3 * PG);
    CHECK("regrown pages are zero", *(volatile char *)(b0 + 2 * PG), 0);
    CHECK("kept page", *(volatile char *)(b0 + 10), 0x33);
    CHECK("brk back", syscall(SYS_brk, b0), b0);
}

int main(void)
{
    test_shared_fork();
    test_mremap();
    test_fixed_noreplace();
    test_madvise_mprotect();
    test_brk();
    return check_done("mem_map");
}
