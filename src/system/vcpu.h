/*
 * vCPU threads: one host thread per guest CPU runs it while the VM is
 * running and parks while it is stopped.  The main loop pauses and
 * resumes them as the run state changes.
 */
#ifndef KEMU_SYSTEM_VCPU_H
#define KEMU_SYSTEM_VCPU_H

#include <stdbool.h>
#include <sys/types.h>

struct cpu_common;

struct vcpu {
    int index;
    struct cpu_common *cpu;     /* NULL until a system-mode CPU exists */
    pid_t tid;                  /* host thread id (query-cpus-fast) */
    /* Run guest code until asked to stop; returns the stop reason. */
    int (*run)(struct vcpu *v);
    void *opaque;
    /* Wake the thread when it idles (WAIT) so it sees a pause; NULL:
     * cpu_exit is enough. */
    void (*kick)(struct vcpu *v);
};

/* Start a thread for a new vCPU (parked until vcpu_resume_all). */
struct vcpu *vcpu_create(int index, struct cpu_common *cpu,
                         int (*run)(struct vcpu *v), void *opaque);
int vcpu_count(void);
struct vcpu *vcpu_get(int index);

/* Stop every vCPU and wait until none runs guest code. */
void vcpu_pause_all(void);
void vcpu_resume_all(void);
/* For run functions: false once a pause was requested (return then). */
bool vcpu_run_allowed(void);

#endif
