/* Host one-shot timer (see hosttimer.h). */
#include <pthread.h>
#include <time.h>

#include "system/devices/hosttimer.h"
#include "util/error.h"

struct hosttimer {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int64_t deadline;               /* 0: disarmed */
    void (*fn)(void *opaque);
    void *opaque;
};

int64_t hosttimer_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void *run(void *arg)
{
    struct hosttimer *t = arg;
    pthread_mutex_lock(&t->lock);
    for (;;) {
        int64_t d = t->deadline;
        if (!d) {
            pthread_cond_wait(&t->cond, &t->lock);
            continue;
        }
        if (hosttimer_now() < d) {
            struct timespec ts = { .tv_sec = d / 1000000000,
                                   .tv_nsec = d % 1000000000 };
            pthread_cond_timedwait(&t->cond, &t->lock, &ts);
            continue;
        }
        t->deadline = 0;
        /* Unlocked: fn takes the device's lock and may re-arm. */
        pthread_mutex_unlock(&t->lock);
        t->fn(t->opaque);
        pthread_mutex_lock(&t->lock);
    }
    return NULL;
}

struct hosttimer *hosttimer_new(void (*fn)(void *opaque), void *opaque)
{
    struct hosttimer *t = xcalloc(1, sizeof(*t));
    pthread_mutex_init(&t->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&t->cond, &ca);
    pthread_condattr_destroy(&ca);
    t->fn = fn;
    t->opaque = opaque;
    pthread_t th;
    if (pthread_create(&th, NULL, run, t))
        fatal("cannot create a timer thread");
    pthread_detach(th);
    return t;
}

void hosttimer_arm(struct hosttimer *t, int64_t ns)
{
    pthread_mutex_lock(&t->lock);
    t->deadline = ns;
    pthread_cond_broadcast(&t->cond);
    pthread_mutex_unlock(&t->lock);
}
