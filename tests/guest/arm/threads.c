/*
 * Guest threads: pthread_create/join with return values, a mutex-guarded
 * shared counter, a condition variable handshake, thread-local storage
 * distinct per thread, and kuser-cmpxchg-based atomics from several
 * threads at once.
 */
#include <pthread.h>
#include "check.h"

#define THREADS 4
#define ITER 20000

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static uint32_t counter;
static volatile int atomic_counter;
static int ready, go;
static __thread uint32_t tls_value;

static void *worker(void *arg)
{
    uint32_t id = (uint32_t)(uintptr_t)arg;
    tls_value = id * 100;
    for (int i = 0; i < ITER; i++) {
        pthread_mutex_lock(&mu);
        counter++;
        pthread_mutex_unlock(&mu);
        __sync_fetch_and_add(&atomic_counter, 1);
    }
    return (void *)(uintptr_t)(tls_value + 1);
}

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_signal(&cv);
    while (!go)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    return (void *)0x600d;
}

int main(void)
{
    pthread_t t[THREADS];
    tls_value = 7;
    for (uint32_t i = 0; i < THREADS; i++)
        CHECK("pthread_create", pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)(i + 1)), 0);
    uint32_t rets = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        rets += (uint32_t)(uintptr_t)r;
    }
    CHECK("thread return values", rets, 100 + 200 + 300 + 400 + 4);
    CHECK("mutex counter", counter, THREADS * ITER);
    CHECK("atomic counter", atomic_counter, THREADS * ITER);
    CHECK("main thread's TLS untouched", tls_value, 7);

    pthread_t w;
    pthread_create(&w, NULL, waiter, NULL);
    pthread_mutex_lock(&mu);
    while (!ready)
        pthread_cond_wait(&cv, &mu);
    go = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    void *r;
    pthread_join(w, &r);
    CHECK("condition variable handshake", (uintptr_t)r, 0x600d);
    return check_done("threads");
}
