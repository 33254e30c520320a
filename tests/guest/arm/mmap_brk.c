/*
 * Memory management: anonymous mmap (zero-filled), MAP_FIXED over an
 * existing mapping, mprotect to read-only (a write then faults, caught as
 * SIGSEGV), munmap, mremap growing a mapping, file-backed mmap of a
 * temporary file (MAP_SHARED writes reaching the file), and brk/sbrk.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

static sigjmp_buf env;
static void on_segv(int sig) { (void)sig; siglongjmp(env, 1); }

int main(void)
{
    uint8_t *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap 1 MiB", p != MAP_FAILED);
    CHECK("page aligned", (uintptr_t)p & 4095, 0);
    int nz = 0;
    for (int i = 0; i < (1 << 20); i += 512)
        nz += p[i] != 0;
    CHECK("anonymous memory is zero", nz, 0);
    memset(p, 0x5a, 1 << 20);
    uint8_t *q = mmap(p + 8192, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK("MAP_FIXED at the asked address", (uintptr_t)q, (uintptr_t)(p + 8192));
    CHECK("MAP_FIXED page zeroed", q[100], 0);
    CHECK("neighbour page kept", p[4096 + 100], 0x5a);

    signal(SIGSEGV, on_segv);
    CHECK("mprotect read-only", mprotect(p, 4096, PROT_READ), 0);
    volatile int faulted = 0;
    if (sigsetjmp(env, 1) == 0)
        p[10] = 1;
    else
        faulted = 1;
    CHECK("write to read-only page faults", faulted, 1);
    CHECK("read-only page still readable", p[10], 0x5a);
    CHECK("mprotect back to read-write", mprotect(p, 4096, PROT_READ | PROT_WRITE), 0);
    p[10] = 1;
    CHECK("writable again", p[10], 1);

    CHECK("munmap a middle page", munmap(p + 65536, 4096), 0);
    faulted = 0;
    if (sigsetjmp(env, 1) == 0)
        (void)*(volatile uint8_t *)(p + 65536);
    else
        faulted = 1;
    CHECK("unmapped page faults", faulted, 1);

    signal(SIGSEGV, SIG_DFL);
    munmap(p, 1 << 20);
    p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(p, 0x5a, 1 << 20);
    uint8_t *r = mremap(p, 1 << 20, 2 << 20, MREMAP_MAYMOVE);
    CHECK_TRUE("mremap to 2 MiB", r != MAP_FAILED);
    CHECK("mremap keeps contents", r != MAP_FAILED ? r[4096 * 3] : 0, 0x5a);
    if (r != MAP_FAILED)
        r[(2 << 20) - 1] = 9;
    CHECK("new tail writable", r != MAP_FAILED ? r[(2 << 20) - 1] : 0, 9);
    munmap(r, 2 << 20);

    char path[] = "/tmp/kemu-mmap-XXXXXX";
    int fd = mkstemp(path);
    CHECK_TRUE("mkstemp", fd >= 0);
    CHECK("ftruncate 8192", ftruncate(fd, 8192), 0);
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK_TRUE("mmap file shared", m != MAP_FAILED);
    strcpy(m + 5000, "through the mapping");
    CHECK("msync", msync(m, 8192, MS_SYNC), 0);
    char back[32] = { 0 };
    CHECK("pread sees the mapping's write", pread(fd, back, 19, 5000), 19);
    CHECK_STR("file content", back, "through the mapping");
    pwrite(fd, "FILE", 4, 100);
    CHECK_TRUE("mapping sees the file's write", memcmp(m + 100, "FILE", 4) == 0);
    munmap(m, 8192);
    close(fd);
    unlink(path);

    void *b0 = sbrk(0);
    CHECK_TRUE("sbrk(0)", b0 != (void *)-1);
    void *b1 = sbrk(100000);
    CHECK("sbrk returns the old break", (uintptr_t)b1, (uintptr_t)b0);
    memset(b1, 1, 100000);
    CHECK("new break", (uintptr_t)sbrk(0), (uintptr_t)b0 + 100000);
    CHECK("brk back", brk(b0), 0);
    CHECK("break restored", (uintptr_t)sbrk(0), (uintptr_t)b0);
    return check_done("mmap_brk");
}
