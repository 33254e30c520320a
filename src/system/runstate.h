/*
 * Run states of the virtual machine and the QMP events that go with
 * their changes (QEMU's RunState and ShutdownCause).  Changes happen on
 * the main loop; reset, powerdown and shutdown are posted as requests and
 * handled after the command that asked for them has returned.
 */
#ifndef KEMU_SYSTEM_RUNSTATE_H
#define KEMU_SYSTEM_RUNSTATE_H

#include <stdbool.h>

enum run_state {
    RUN_STATE_DEBUG, RUN_STATE_INMIGRATE, RUN_STATE_INTERNAL_ERROR,
    RUN_STATE_IO_ERROR, RUN_STATE_PAUSED, RUN_STATE_POSTMIGRATE,
    RUN_STATE_PRELAUNCH, RUN_STATE_FINISH_MIGRATE, RUN_STATE_RESTORE_VM,
    RUN_STATE_RUNNING, RUN_STATE_SAVE_VM, RUN_STATE_SHUTDOWN,
    RUN_STATE_SUSPENDED, RUN_STATE_WATCHDOG, RUN_STATE_GUEST_PANICKED,
    RUN_STATE_COLO, RUN_STATE__MAX,
};

enum shutdown_cause {
    SHUTDOWN_CAUSE_NONE, SHUTDOWN_CAUSE_HOST_ERROR, SHUTDOWN_CAUSE_HOST_QMP_QUIT,
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET, SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_HOST_UI, SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
    SHUTDOWN_CAUSE_GUEST_RESET, SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET, SHUTDOWN_CAUSE_SNAPSHOT_LOAD,
    SHUTDOWN_CAUSE__MAX,
};

extern const char *const run_state_names[];      /* NULL-terminated */
extern const char *const shutdown_cause_names[]; /* NULL-terminated */

enum run_state runstate_get(void);
bool runstate_is_running(void);
void runstate_set(enum run_state s);

/* Pause the vCPUs and enter state to (STOP if it was running). */
void vm_stop(enum run_state to);
/* Start the vCPUs from a stopped state (RESUME). */
void vm_start(void);

/* Posted requests: handled by the main loop after the current work. */
void runstate_request_reset(enum shutdown_cause cause);
void runstate_request_powerdown(void);
void runstate_request_shutdown(enum shutdown_cause cause);
/* Async-signal-safe: SIGINT/SIGTERM. */
void runstate_signal_shutdown(void);

/* Behaviour options: -no-shutdown, -no-reboot. */
extern bool runstate_no_shutdown, runstate_no_reboot;

/* Machine set-up phase, for --preconfig. */
enum machine_phase { PHASE_PRECONFIG, PHASE_READY };
extern enum machine_phase machine_phase;

/* Install the main-loop hook that handles posted requests. */
void runstate_init(void);



/* Told about every actual stop (the gdbstub answers a waiting gdb). */
extern void (*runstate_stop_hook)(enum run_state to);

/* Without -S the VM starts running once the machine is ready. */
extern bool runstate_autostart;

/* Finish machine set-up (start-up, or x-exit-preconfig) and start the
 * VM unless -S was given.  False with *err on failure. */
bool runstate_machine_done(char **err);
#endif
