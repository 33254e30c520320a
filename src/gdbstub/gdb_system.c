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
static bool sys_attached;

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

/* Called by the run-state machine whenever the VM stops. */
static void sys_vm_stopped(enum run_state to)
{
    if (sys_attached && sys_session.running)
        gdb_report_stop(&sys_session, to == RUN_STATE_DEBUG ? 5 : 2,
                        sys_session.cur_cpu, NULL);
}

static void gdb_opened(void *opaque)
{
    sys_attached = true;
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
    sys_attached = false;
    gdb_remove_all_breakpoints(&sys_session);
}

static const struct chardev_frontend gdb_frontend = {
    gdb_opened, gdb_received, gdb_closed,
};

void gdbstub_system_start(struct chardev *chr)
{
    sys_chr = chr;
    gdb_session_init(&sys_session, &sys_backend, current_machine.arch->name, NULL);
    runstate_stop_hook = sys_vm_stopped;
    chardev_attach(chr, &gdb_frontend, NULL);
}
