/* vCPU threads (see vcpu.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine/cpu.h"
#include "system/vcpu.h"
#include "util/error.h"

#define VCPU_MAX 64

static struct vcpu *vcpus[VCPU_MAX];
static int nvcpus;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static bool run_allowed;
static int running_count;    /* threads inside v->run */

static void *vcpu_thread(void *arg)
{
    struct vcpu *v = arg;

    pthread_mutex_lock(&lock);
    v->tid = (pid_t)syscall(SYS_gettid);
    pthread_cond_broadcast(&cond);
    for (;;) {
        while (!run_allowed)
            pthread_cond_wait(&cond, &lock);
        running_count++;
        pthread_mutex_unlock(&lock);
        /* run() makes the thread the CPU's runner (current_cpu). */
        v->run(v);
        pthread_mutex_lock(&lock);
        running_count--;
        pthread_cond_broadcast(&cond);
        /* A run function returning while the VM runs (e.g. an idle CPU
         * without work) waits for the next state change. */
        if (run_allowed)
            pthread_cond_wait(&cond, &lock);
    }
    return NULL;
}

struct vcpu *vcpu_create(int index, struct cpu_common *cpu,
                         int (*run)(struct vcpu *v), void *opaque)
{
    struct vcpu *v = xcalloc(1, sizeof(*v));
    pthread_t th;

    if (nvcpus >= VCPU_MAX)
        fatal("too many vCPUs (at most %d)", VCPU_MAX);
    v->index = index;
    v->cpu = cpu;
    v->run = run;
    v->opaque = opaque;
    vcpus[nvcpus++] = v;
    if (pthread_create(&th, NULL, vcpu_thread, v))
        fatal("cannot create a vCPU thread");
    pthread_detach(th);
    pthread_mutex_lock(&lock);
    while (!v->tid)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
    return v;
}

int vcpu_count(void) { return nvcpus; }

struct vcpu *vcpu_get(int index)
{
    return index >= 0 && index < nvcpus ? vcpus[index] : NULL;
}

void vcpu_pause_all(void)
{
    pthread_mutex_lock(&lock);
    __atomic_store_n(&run_allowed, false, __ATOMIC_RELEASE);
    for (int i = 0; i < nvcpus; i++)
        if (vcpus[i]->cpu)
            cpu_exit(vcpus[i]->cpu);
    for (int i = 0; i < nvcpus; i++)
        if (vcpus[i]->kick)
            vcpus[i]->kick(vcpus[i]);
    while (running_count)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
}

bool vcpu_run_allowed(void)
{
    return __atomic_load_n(&run_allowed, __ATOMIC_ACQUIRE);
}

void vcpu_resume_all(void)
{
    pthread_mutex_lock(&lock);
    run_allowed = true;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
}
