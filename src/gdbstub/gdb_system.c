/*
 * The gdbstub in system mode: served from the main loop on a chardev,
 * tied to the run state (gdb attaching to a running VM pauses it with
 * STOP; continuing sends RESUME; a QMP stop while gdb waits becomes a
 * T02 stop reply).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/cpu.h"
#include "gdbstub/gdb_internal.h"
#include "gdbstub/gdbstub.h"
#include "monitor/hmp.h"
#include "system/chardev.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/runstate.h"
#include "system/vcpu.h"

static struct gdb_session sys_session;
static struct chardev *sys_chr;
static bool sys_attached;       /* written by the main loop, read by vCPUs */
/* The CPU that stopped for the debugger and waits for the main loop to
 * stop the VM (-1: none); set by its vCPU thread. */
static int debug_pending = -1;
static int debug_cpu = -1;      /* the CPU of the last debug stop */

static int sys_ncpus(struct gdb_session *s)
{
    int n = 0;
    while (vcpu_get(n) && vcpu_get(n)->cpu)
        n++;
    return n;
}

static struct cpu_common *sys_cpu(struct gdb_session *s, int index)
{
    struct vcpu *v = vcpu_get(index);
    return v ? v->cpu : NULL;
}

static long sys_tid(struct gdb_session *s, int index)
{
    return index + 1;
}

/* Addresses are guest-virtual through the CPU's MMU when the board has
 * CPUs, guest-physical otherwise (-M none). */
static int sys_read_mem(struct cpu_common *cpu, uint64_t addr, uint8_t *buf, size_t len)
{
    if (cpu && machine_virt_to_phys)
        return machine_virt_rw(cpu->cpu_index, addr, buf, len, false) ? 0 : -1;
    return machine_phys_read(addr, buf, len) ? 0 : -1;
}

static int sys_write_mem(struct cpu_common *cpu, uint64_t addr, const uint8_t *buf,
                         size_t len)
{
    if (cpu && machine_virt_to_phys)
        return machine_virt_rw(cpu->cpu_index, addr, (void *)buf, len, true) ? 0 : -1;
    return machine_phys_write(addr, buf, len) ? 0 : -1;
}

static void sys_resume(struct gdb_session *s, bool step, int sig)
{
    struct cpu_common *cpu = sys_cpu(s, s->cur_cpu);
    if (cpu)
        cpu->single_step = step;
    if (machine_phase == PHASE_READY)
        vm_start();
}

static void sys_interrupt(struct gdb_session *s)
{
    if (runstate_is_running())
        vm_stop(RUN_STATE_PAUSED);   /* the stop hook answers T02 */
    else
        gdb_report_stop(s, 2, s->cur_cpu, NULL);
}

static void sys_kill(struct gdb_session *s)
{
    /* gdb's kill ends the emulator at once. */
    mainloop_quit(0);
}

static char *sys_monitor(struct gdb_session *s, const char *cmd)
{
    return hmp_execute(cmd, s->cur_cpu);
}

static void sys_send(struct gdb_session *s, const char *buf, size_t len)
{
    chardev_write(sys_chr, buf, len);
}

static const struct gdb_backend sys_backend = {
    .ncpus = sys_ncpus, .cpu = sys_cpu, .tid = sys_tid, .pid = 1,
    .read_mem = sys_read_mem, .write_mem = sys_write_mem,
    .resume = sys_resume, .interrupt = sys_interrupt, .kill = sys_kill,
    .monitor = sys_monitor, .send = sys_send,
};

static void clear_single_step(void)
{
    for (int i = 0; vcpu_get(i); i++)
        if (vcpu_get(i)->cpu)
            vcpu_get(i)->cpu->single_step = false;
}

/* Called by the run-state machine whenever the VM stops (every vCPU is
 * out of guest code by then). */
static void sys_vm_stopped(enum run_state to)
{
    /* A step asked for and cut short by a QMP stop ends here too: a
     * later `cont` runs freely. */
    clear_single_step();
    if (!sys_attached || !sys_session.running)
        return;
    if (to == RUN_STATE_DEBUG && debug_cpu >= 0) {
        char extra[64] = "";
        struct cpu_common *cpu = sys_cpu(&sys_session, debug_cpu);
        if (cpu && cpu->watch_hit_flags)
            gdb_watch_stop_text(&sys_session, cpu, extra, sizeof(extra));
        gdb_report_stop(&sys_session, 5, debug_cpu, extra);
    } else {
        gdb_report_stop(&sys_session, 2, sys_session.cur_cpu, NULL);
    }
}

bool gdbstub_system_debug_stop(struct cpu_common *cpu)
{
    if (!__atomic_load_n(&sys_attached, __ATOMIC_ACQUIRE))
        return false;
    __atomic_store_n(&debug_pending, cpu->cpu_index, __ATOMIC_RELEASE);
    mainloop_kick();
    return true;
}

/* Main loop: a CPU asked for a debug stop. */
static void debug_stop_on_wake(void *opaque)
{
    int index = __atomic_exchange_n(&debug_pending, -1, __ATOMIC_ACQ_REL);
    if (index < 0)
        return;
    debug_cpu = index;
    /* Already stopped (QMP stop, Ctrl-C raced with the hit): that stop
     * stands and gdb has heard of it. */
    vm_stop(RUN_STATE_DEBUG);
}

static void gdb_opened(void *opaque)
{
    __atomic_store_n(&sys_attached, true, __ATOMIC_RELEASE);
    sys_session.running = false;
    sys_session.cur_cpu = 0;
    sys_session.multiprocess = false;
    memset(&sys_session.rx, 0, sizeof(sys_session.rx));
    /* Attaching to a running VM stops it. */
    if (runstate_is_running())
        vm_stop(RUN_STATE_PAUSED);
}

static void gdb_received(void *opaque, const uint8_t *buf, size_t len)
{
    gdb_session_input(&sys_session, buf, len);
}

static void gdb_closed(void *opaque)
{
    __atomic_store_n(&sys_attached, false, __ATOMIC_RELEASE);
    gdb_remove_all_breakpoints(&sys_session);
    /* A CPU parked for a debug stop nobody will report must not stay
     * parked while the VM claims to run. */
    if (__atomic_exchange_n(&debug_pending, -1, __ATOMIC_ACQ_REL) >= 0 &&
        runstate_is_running()) {
        vcpu_pause_all();
        vcpu_resume_all();
    }
    if (!runstate_is_running())
        clear_single_step();
}

static const struct chardev_frontend gdb_frontend = {
    gdb_opened, gdb_received, gdb_closed,
};

void gdbstub_system_start(struct chardev *chr)
{
    sys_chr = chr;
    gdb_session_init(&sys_session, &sys_backend, current_machine.arch->name, NULL);
    runstate_stop_hook = sys_vm_stopped;
    mainloop_on_wake(debug_stop_on_wake, NULL);
    chardev_attach(chr, &gdb_frontend, NULL);
}
