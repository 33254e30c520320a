/* System-mode CPU runner (see cpu_loop.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "engine/softmmu.h"
#include "gdbstub/gdbstub.h"
#include "system/boards/cpu_loop.h"
#include "system/chardev.h"
#include "system/daemon.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/memory.h"
#include "system/runstate.h"
#include "system/vcpu.h"
#include "target/target.h"
#include "util/error.h"

#define MAX_SYS_CPUS 8

struct sys_cpu {
    struct cpu_common *cpu;
    struct vcpu *v;
    pthread_mutex_t lock;
    pthread_cond_t cond;        /* idle CPU and timer thread wait here */
    int64_t deadline;           /* timer kick at this host ns, 0: none */
    bool kicked;
    bool halted;
};

static struct sys_cpu *sys_cpus[MAX_SYS_CPUS];
static int nsys_cpus;

static struct sys_cpu *find(struct cpu_common *cpu)
{
    for (int i = 0; i < nsys_cpus; i++)
        if (sys_cpus[i]->cpu == cpu)
            return sys_cpus[i];
    return NULL;
}

/* machine_virt_to_phys for the monitor and the gdbstub. */
static bool virt_to_phys(int cpu_index, uint64_t vaddr, uint64_t *paddr)
{
    if (cpu_index < 0 || cpu_index >= nsys_cpus)
        return false;
    struct cpu_common *cpu = sys_cpus[cpu_index]->cpu;
    if (!cpu->target->get_phys)
        return false;
    *paddr = cpu->target->get_phys(cpu, vaddr);
    return *paddr != ~0ull;
}

extern const bool engine_codegen_available __attribute__((weak));

static struct engine_options sys_engine_opts = { .backend = ENGINE_CODEGEN };

void sys_engine_configure(bool interp, bool perfmap)
{
    sys_engine_opts.backend = interp ? ENGINE_INTERP : ENGINE_CODEGEN;
    sys_engine_opts.perfmap = perfmap;
}

void sys_engine_init(const struct target_info *t)
{
    static bool done;
    if (done)
        return;
    done = true;
    /* The x86-64 code generator by default (its guest memory goes through
     * the soft TLB: engine/x86/softmmu_gen.c); -engine interp runs the IR
     * interpreter. */
    struct engine_options o = sys_engine_opts;
    if (o.backend == ENGINE_CODEGEN &&
        !(&engine_codegen_available && engine_codegen_available))
        o.backend = ENGINE_INTERP;
    engine_init(t, &o);
    /* The soft MMU sees whole virtual addresses: a 64-bit CPU's are all
     * 64 bits (the engine's default mask is the 32-bit guests'). */
    if (t->addr_bits == 64)
        guest_addr_mask = ~0ull;
    softmmu_init(memory_find);
    machine_virt_to_phys = virt_to_phys;
    machine_phys_written = softmmu_invalidate_phys;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void wake(struct sys_cpu *sc)
{
    pthread_mutex_lock(&sc->lock);
    sc->kicked = true;
    pthread_cond_broadcast(&sc->cond);
    pthread_mutex_unlock(&sc->lock);
}

void sys_cpu_kick(struct cpu_common *cpu)
{
    cpu_exit(cpu);
    struct sys_cpu *sc = find(cpu);
    if (sc)
        wake(sc);
}

static void vcpu_kick(struct vcpu *v)
{
    wake(v->opaque);
}

void sys_cpu_arm_timer(struct cpu_common *cpu, int64_t ns)
{
    struct sys_cpu *sc = find(cpu);
    if (!sc)
        return;
    pthread_mutex_lock(&sc->lock);
    sc->deadline = ns;
    pthread_cond_broadcast(&sc->cond);
    pthread_mutex_unlock(&sc->lock);
}

/* Sleeps until the deadline, then makes the CPU look at its interrupts. */
static void *timer_thread(void *arg)
{
    struct sys_cpu *sc = arg;
    pthread_mutex_lock(&sc->lock);
    for (;;) {
        if (!sc->deadline) {
            pthread_cond_wait(&sc->cond, &sc->lock);
            continue;
        }
        int64_t d = sc->deadline;
        if (now_ns() >= d) {
            sc->deadline = 0;
            sc->kicked = true;
            cpu_exit(sc->cpu);
            pthread_cond_broadcast(&sc->cond);
            continue;
        }
        struct timespec ts = { .tv_sec = d / 1000000000,
                               .tv_nsec = d % 1000000000 };
        pthread_cond_timedwait(&sc->cond, &sc->lock, &ts);
    }
    return NULL;
}

static void report_stuck(struct cpu_common *cpu, int excp)
{
    const struct target_info *t = cpu->target;
    error_report("guest CPU %d stopped on unhandled event 0x%x at pc 0x%" PRIx64,
                 cpu->cpu_index, excp, t->get_pc(cpu));
    if (t->dump_state)
        t->dump_state(cpu, stderr);
}

/* A gdb breakpoint, watchpoint or finished single step: ask the main
 * loop to stop the VM in the debug state, and wait here until it has
 * (running on would hit the breakpoint again at once).  Without gdb
 * there is nobody to tell: run on. */
static void debug_stop(struct sys_cpu *sc)
{
    if (!gdbstub_system_debug_stop(sc->cpu))
        return;
    pthread_mutex_lock(&sc->lock);
    while (vcpu_run_allowed())
        pthread_cond_wait(&sc->cond, &sc->lock);
    pthread_mutex_unlock(&sc->lock);
}

static int run(struct vcpu *v)
{
    struct sys_cpu *sc = v->opaque;
    struct cpu_common *cpu = sc->cpu;
    const struct target_info *t = cpu->target;

    current_cpu = cpu;
    while (vcpu_run_allowed()) {
        /* A debugger single step takes no interrupts (as QEMU's default
         * stepping mode), so `stepi` goes to the next instruction. */
        if (!cpu->single_step && t->check_interrupt(cpu))
            sc->halted = false;
        if (sc->halted) {
            pthread_mutex_lock(&sc->lock);
            while (!sc->kicked && vcpu_run_allowed() && !t->has_work(cpu))
                pthread_cond_wait(&sc->cond, &sc->lock);
            sc->kicked = false;
            pthread_mutex_unlock(&sc->lock);
            if (t->has_work(cpu))
                sc->halted = false;
            continue;
        }
        int excp = cpu_exec(cpu);
        switch (excp) {
        case EXCP_INTERRUPT:
            break;
        case EXCP_HALTED:
            sc->halted = true;
            if (cpu->single_step)
                debug_stop(sc);         /* the WAIT completed */
            break;
        case EXCP_DEBUG:
            debug_stop(sc);
            break;
        default:
            if (t->do_exception(cpu, excp)) {
                /* A step into an exception stops at its vector. */
                if (cpu->single_step)
                    debug_stop(sc);
            } else {
                report_stuck(cpu, excp);
                /* Park the CPU; the VM stays manageable. */
                sc->halted = true;
                pthread_mutex_lock(&sc->lock);
                while (vcpu_run_allowed())
                    pthread_cond_wait(&sc->cond, &sc->lock);
                pthread_mutex_unlock(&sc->lock);
            }
            break;
        }
    }
    return 0;
}

struct sys_cpu *sys_cpu_create(const struct target_info *t, int index,
                               const char *model)
{
    if (nsys_cpus == MAX_SYS_CPUS)
        fatal("too many CPUs");
    struct sys_cpu *sc = xcalloc(1, sizeof(*sc));
    pthread_mutex_init(&sc->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&sc->cond, &ca);
    pthread_condattr_destroy(&ca);
    sc->cpu = cpu_create(t, index);
    if (model && t->cpu_set_model && !t->cpu_set_model(sc->cpu, model))
        fatal("unable to find CPU model '%s'", model);
    softmmu_cpu_init(sc->cpu);
    sys_cpus[nsys_cpus++] = sc;
    sc->v = vcpu_create(index, sc->cpu, run, sc);
    sc->v->kick = vcpu_kick;
    pthread_t th;
    if (pthread_create(&th, NULL, timer_thread, sc))
        fatal("cannot create a timer thread");
    pthread_detach(th);
    return sc;
}

struct cpu_common *sys_cpu_state(struct sys_cpu *sc)
{
    return sc->cpu;
}

/* ---- Guest-requested exit ------------------------------------------------------- */

static volatile int exit_requested;
static int exit_status;

static void exit_on_wake(void *opaque)
{
    static bool exiting;
    if (exiting || !__atomic_load_n(&exit_requested, __ATOMIC_ACQUIRE))
        return;
    exiting = true;
    /* The devices' hooks ran before this one, but the guest may have
     * written more (its last UART bytes) between those and its exit
     * request: collect that too before flushing the chardevs. */
    mainloop_run_wake_hooks();
    chardev_flush_all(1000);
    chardev_cleanup();
    pidfile_remove();
    fflush(stdout);
    _exit(exit_status);
}

void sys_request_exit(int status)
{
    exit_status = status;
    __atomic_store_n(&exit_requested, 1, __ATOMIC_RELEASE);
    mainloop_kick();
}

void sys_cpu_loop_hooks(void)
{
    mainloop_on_wake(exit_on_wake, NULL);
}
