/* The run-state machine and its events (see runstate.h). */
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>

#include "monitor/monitor.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/runstate.h"
#include "system/vcpu.h"

const char *const run_state_names[] = {
    "debug", "inmigrate", "internal-error", "io-error", "paused",
    "postmigrate", "prelaunch", "finish-migrate", "restore-vm", "running",
    "save-vm", "shutdown", "suspended", "watchdog", "guest-panicked", "colo",
    NULL,
};

const char *const shutdown_cause_names[] = {
    "none", "host-error", "host-qmp-quit", "host-qmp-system-reset",
    "host-signal", "host-ui", "guest-shutdown", "guest-reset", "guest-panic",
    "subsystem-reset", "snapshot-load", NULL,
};

bool runstate_no_shutdown, runstate_no_reboot;
void (*runstate_stop_hook)(enum run_state to);
enum machine_phase machine_phase = PHASE_PRECONFIG;

static enum run_state current = RUN_STATE_PRELAUNCH;
static enum shutdown_cause reset_req, shutdown_req;
static bool powerdown_req, requests_scheduled;
static volatile sig_atomic_t signal_req;

enum run_state runstate_get(void) { return current; }
bool runstate_is_running(void) { return current == RUN_STATE_RUNNING; }
void runstate_set(enum run_state s) { current = s; }

void vm_stop(enum run_state to)
{
    /* Stopping a VM that does not run changes nothing (no event). */
    if (current == RUN_STATE_RUNNING) {
        vcpu_pause_all();
        current = to;
        qmp_event_send("STOP", NULL);
        if (runstate_stop_hook)
            runstate_stop_hook(to);
    }
}

void vm_start(void)
{
    if (current == RUN_STATE_RUNNING)
        return;
    current = RUN_STATE_RUNNING;
    qmp_event_send("RESUME", NULL);
    vcpu_resume_all();
}

static json_t *cause_data(enum shutdown_cause cause)
{
    bool guest = cause == SHUTDOWN_CAUSE_GUEST_SHUTDOWN ||
                 cause == SHUTDOWN_CAUSE_GUEST_RESET ||
                 cause == SHUTDOWN_CAUSE_GUEST_PANIC;
    return json_pack("{s:b, s:s}", "guest", guest, "reason",
                     shutdown_cause_names[cause]);
}

static void handle_requests(void *opaque)
{
    requests_scheduled = false;
    if (signal_req) {
        signal_req = 0;
        shutdown_req = SHUTDOWN_CAUSE_HOST_SIGNAL;
    }
    if (reset_req) {
        enum shutdown_cause cause = reset_req;
        reset_req = SHUTDOWN_CAUSE_NONE;
        if (runstate_no_reboot && cause == SHUTDOWN_CAUSE_GUEST_RESET) {
            shutdown_req = cause;
        } else {
            bool was_running = runstate_is_running();
            if (was_running)
                vcpu_pause_all();
            machine_reset();
            qmp_event_send("RESET", cause_data(cause));
            /* A running VM keeps running; any other state restarts
             * from prelaunch. */
            if (was_running)
                vcpu_resume_all();
            else
                current = RUN_STATE_PRELAUNCH;
        }
    }
    if (powerdown_req) {
        powerdown_req = false;
        qmp_event_send("POWERDOWN", NULL);
        machine_powerdown();
    }
    if (shutdown_req) {
        enum shutdown_cause cause = shutdown_req;
        shutdown_req = SHUTDOWN_CAUSE_NONE;
        qmp_event_send("SHUTDOWN", cause_data(cause));
        bool guest = cause == SHUTDOWN_CAUSE_GUEST_SHUTDOWN ||
                     cause == SHUTDOWN_CAUSE_GUEST_RESET ||
                     cause == SHUTDOWN_CAUSE_GUEST_PANIC;
        if (guest && runstate_no_shutdown) {
            vm_stop(RUN_STATE_SHUTDOWN);
            current = RUN_STATE_SHUTDOWN;   /* also when it was not running */
        } else {
            mainloop_quit(0);
        }
    }
}

static void schedule(void)
{
    if (!requests_scheduled) {
        requests_scheduled = true;
        mainloop_defer(handle_requests, NULL);
    }
}

void runstate_request_reset(enum shutdown_cause cause)
{
    reset_req = cause;
    schedule();
}

void runstate_request_powerdown(void)
{
    powerdown_req = true;
    schedule();
}

void runstate_request_shutdown(enum shutdown_cause cause)
{
    shutdown_req = cause;
    schedule();
}

void runstate_signal_shutdown(void)
{
    signal_req = 1;
    mainloop_kick();
}

static void check_signal(void *opaque)
{
    if (signal_req)
        schedule();
}

void runstate_init(void)
{
    /* Signal handlers only set a flag and kick the loop awake. */
    mainloop_on_wake(check_signal, NULL);
}

bool runstate_autostart = true;

bool runstate_machine_done(char **err)
{
    if (!machine_init(err))
        return false;
    if (runstate_autostart)
        vm_start();
    return true;
}
