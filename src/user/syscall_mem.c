/* Memory syscalls: thin wrappers over the mmap layer (mmap.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"

/* Guest threads share the map bookkeeping: one change at a time. */
static pthread_mutex_t mmap_lock = PTHREAD_MUTEX_INITIALIZER;
#define LOCKED(expr) ({                                               \
        pthread_mutex_lock(&mmap_lock);                               \
        int64_t r_ = (expr);                                          \
        pthread_mutex_unlock(&mmap_lock);                             \
        r_; })

int64_t sys_mmap2(struct cpu_common *cpu, const uint64_t *a)
{
    int flags = abi_bits_to_host(user_abi->mmap_flags, a[3]);
    int fd = (flags & MAP_ANONYMOUS) ? -1 : (int)a[4];
    /* mmap2 counts the offset in 4096-byte units. */
    return LOCKED(user_mmap(a[0], a[1], (int)a[2], flags, fd, a[5] << 12));
}

int64_t sys_munmap(struct cpu_common *cpu, const uint64_t *a)
{
    return LOCKED(user_munmap(a[0], a[1]));
}

int64_t sys_mprotect(struct cpu_common *cpu, const uint64_t *a)
{
    return LOCKED(user_mprotect(a[0], a[1], (int)a[2]));
}

int64_t sys_brk(struct cpu_common *cpu, const uint64_t *a)
{
    return LOCKED((int64_t)user_brk(a[0]));
}

int64_t sys_madvise(struct cpu_common *cpu, const uint64_t *a)
{
    return LOCKED(user_madvise(a[0], a[1], (int)a[2]));
}

int64_t sys_mremap(struct cpu_common *cpu, const uint64_t *a)
{
    return LOCKED(user_mremap(a[0], a[1], a[2], (int)a[3], a[4]));
}

void user_mmap_after_fork(void)
{
    pthread_mutex_init(&mmap_lock, NULL);
}

/* msync, mlock and friends work on the host mapping of the range, which
 * has the guest mapping's type and pages; kemu only checks that every
 * page is a guest mapping (ENOMEM otherwise, as Linux). */
static int64_t mapped_range(uint64_t addr, uint64_t len, uint64_t *plen)
{
    uint64_t start = addr & GUEST_PAGE_MASK;
    uint64_t end = (addr + len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    if (end < addr)
        return -ENOMEM;
    *plen = end - start;
    return user_range_mapped(start, *plen) ? 0 : -ENOMEM;
}

int64_t sys_msync(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t plen;
    int flags = (int)a[2];
    /* MS_ASYNC 1, MS_INVALIDATE 2, MS_SYNC 4 on every guest kemu has. */
    if ((a[0] & ~GUEST_PAGE_MASK) || (flags & ~7) || (flags & 5) == 5)
        return -EINVAL;
    int64_t r = mapped_range(a[0], a[1], &plen);
    if (r < 0 || !plen)
        return r;
    return sys_ret(msync(g2h(a[0]), plen, flags));
}

int64_t sys_mlock(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t plen;
    int64_t r = mapped_range(a[0], a[1], &plen);
    if (r < 0 || !plen)
        return r;
    return sys_ret(mlock(g2h(a[0] & GUEST_PAGE_MASK), plen));
}

int64_t sys_mlock2(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t plen;
    if (a[2] & ~1ull)              /* MLOCK_ONFAULT */
        return -EINVAL;
    int64_t r = mapped_range(a[0], a[1], &plen);
    if (r < 0 || !plen)
        return r;
    return sys_ret(syscall(SYS_mlock2, g2h(a[0] & GUEST_PAGE_MASK), plen,
                           (unsigned)a[2]));
}

int64_t sys_munlock(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t plen;
    int64_t r = mapped_range(a[0], a[1], &plen);
    if (r < 0 || !plen)
        return r;
    return sys_ret(munlock(g2h(a[0] & GUEST_PAGE_MASK), plen));
}

/*
 * mlockall would lock kemu's whole reservation and code cache on the
 * host, so the flags are checked (MCL_CURRENT 1, MCL_FUTURE 2,
 * MCL_ONFAULT 4, generic on every guest kemu has) and the call succeeds
 * without locking: guest memory stays pageable.
 */
int64_t sys_mlockall(struct cpu_common *cpu, const uint64_t *a)
{
    int flags = (int)a[0];
    if (!flags || (flags & ~7) || flags == 4)
        return -EINVAL;
    return 0;
}

int64_t sys_munlockall(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(munlockall());
}
