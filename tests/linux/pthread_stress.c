/*
 * Threads: 8 threads x 1M increments each under a mutex, with C11
 * atomics (kuser cmpxchg on ARMv5), a condvar barrier, thread-local
 * storage, join results, and a detached thread's exit.  The totals must
 * be exact.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "check.h"

#define NTHREADS 8
#ifndef ITERS
#define ITERS 1000000        /* the full stress; the quick build lowers it */
#endif

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static atomic_long acounter;
static int arrived, go;
static __thread long tls_count;
static __thread int tls_id = -1;

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    tls_id = id;
    /* everyone starts together */
    pthread_mutex_lock(&lock);
    arrived++;
    pthread_cond_broadcast(&cond);
    while (!go)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);

    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        atomic_fetch_add(&acounter, 1);
        tls_count++;
    }
    return (void *)(intptr_t)(tls_count == ITERS && tls_id == id ? id + 100 : -1);
}

int main(void)
{
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        CHECKF(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i), 0,
               "create %d", i);
    pthread_mutex_lock(&lock);
    while (arrived < NTHREADS)
        pthread_cond_wait(&cond, &lock);
    go = 1;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < NTHREADS; i++) {
        void *ret;
        CHECKF(pthread_join(th[i], &ret), 0, "join %d", i);
        CHECKF((intptr_t)ret, i + 100, "thread %d result and TLS", i);
    }
    CHECK("mutex counter", counter, (long)NTHREADS * ITERS);
    CHECK("atomic counter", atomic_load(&acounter), (long)NTHREADS * ITERS);
    CHECK("main TLS untouched", tls_id, -1);
    CHECK_TRUE("distinct tid", gettid() == getpid());
    return check_done("pthread_stress");
}
