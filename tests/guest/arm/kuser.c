/*
 * The kernel user helpers in the vector page: the version word at
 * 0xffff0ffc, __kuser_cmpxchg (0xffff0fc0) succeeding and failing,
 * __kuser_memory_barrier (0xffff0fa0), __kuser_get_tls (0xffff0fe0)
 * agreeing with the TLS register set by the C library, and
 * __kuser_cmpxchg64 (0xffff0f60, version >= 5).
 */
#include "check.h"

typedef int (*cmpxchg_fn)(int oldval, int newval, volatile int *ptr);
typedef void (*barrier_fn)(void);
typedef void *(*get_tls_fn)(void);
typedef int (*cmpxchg64_fn)(const int64_t *oldval, const int64_t *newval,
                            volatile int64_t *ptr);

#define kuser_cmpxchg (*(cmpxchg_fn)0xffff0fc0)
#define kuser_barrier (*(barrier_fn)0xffff0fa0)
#define kuser_get_tls (*(get_tls_fn)0xffff0fe0)
#define kuser_cmpxchg64 (*(cmpxchg64_fn)0xffff0f60)

int main(void)
{
    uint32_t version = *(volatile uint32_t *)0xffff0ffc;
    CHECK_TRUE("kuser version >= 2 (cmpxchg, get_tls, barrier)", version >= 2);

    volatile int v = 10;
    CHECK("cmpxchg succeeds: returns 0", kuser_cmpxchg(10, 20, &v), 0);
    CHECK("cmpxchg stored the new value", v, 20);
    CHECK_TRUE("cmpxchg fails on mismatch: nonzero", kuser_cmpxchg(10, 30, &v) != 0);
    CHECK("failed cmpxchg leaves memory", v, 20);

    /* A counter incremented through cmpxchg loops. */
    volatile int counter = 0;
    for (int i = 0; i < 10000; i++) {
        int old;
        do
            old = counter;
        while (kuser_cmpxchg(old, old + 1, &counter) != 0);
    }
    CHECK("10000 cmpxchg increments", counter, 10000);

    kuser_barrier();
    CHECK_TRUE("memory barrier returns", 1);

    void *tls = kuser_get_tls();
    void *tp = __builtin_thread_pointer();
    CHECK("get_tls equals the thread pointer", (uintptr_t)tls, (uintptr_t)tp);
    CHECK_TRUE("thread pointer set by libc", tp != NULL);

    if (version >= 5) {
        volatile int64_t q = 0x100000000ll;
        int64_t oldv = 0x100000000ll, newv = -5;
        CHECK("cmpxchg64 succeeds", kuser_cmpxchg64(&oldv, &newv, &q), 0);
        CHECK("cmpxchg64 stored", (uint64_t)q, (uint64_t)-5);
        CHECK_TRUE("cmpxchg64 fails on mismatch", kuser_cmpxchg64(&oldv, &newv, &q) != 0);
    } else {
        CHECK_TRUE("cmpxchg64 needs version 5", version < 5);
    }
    /* __thread variables go through the same TLS pointer. */
    static __thread int tv = 77;
    tv += 1;
    CHECK("__thread variable", tv, 78);
    return check_done("kuser");
}
