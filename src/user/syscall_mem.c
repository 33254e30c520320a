/* Memory syscalls: thin wrappers over the mmap layer (mmap.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>

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

int64_t sys_msync(struct cpu_common *cpu, const uint64_t *a)
{
    if (!user_ptr(a[0], a[1], false))
        return -ENOMEM;
    return sys_ret(msync(g2h(a[0]), a[1], (int)a[2]));
}

int64_t sys_mlock(struct cpu_common *cpu, const uint64_t *a)
{
    return user_ptr(a[0], a[1], false) ? 0 : -ENOMEM;
}

int64_t sys_munlock(struct cpu_common *cpu, const uint64_t *a)
{
    return user_ptr(a[0], a[1], false) ? 0 : -ENOMEM;
}
