/*
 * The GDB remote serial protocol server, for both modes.
 *
 * System mode: gdbstub_system_start() serves a chardev from the main
 * loop; it never blocks start-up.  User mode calls the blocking entry
 * points from its CPU loop:
 *
 *   gdbstub_user_start(port, cpu)      listen, wait for gdb, serve until
 *                                      it continues or steps
 *   gdbstub_user_handle_stop(cpu, sig) report a stop (EXCP_DEBUG: SIGTRAP,
 *                                      or a guest signal), serve until
 *                                      gdb resumes; returns the signal to
 *                                      deliver to the guest (0: none)
 *   gdbstub_user_poll(cpu)             after EXCP_INTERRUPT: report a stop
 *                                      if gdb sent Ctrl-C
 *   gdbstub_user_exit(code)            report W<code> when the program ends
 *   gdbstub_user_exit_signal(sig)      report X<sig> when a signal ends it
 *
 * Without a connected gdb, handle_stop returns sig and the others do
 * nothing.
 */
#ifndef KEMU_GDBSTUB_GDBSTUB_H
#define KEMU_GDBSTUB_GDBSTUB_H

#include <stdbool.h>

struct chardev;
struct cpu_common;

void gdbstub_system_start(struct chardev *chr);
/* From a vCPU thread: cpu stopped for the debugger (EXCP_DEBUG, or a
 * single step done); the main loop stops the VM in state `debug` and
 * tells gdb.  False when no gdb is attached (the CPU runs on). */
bool gdbstub_system_debug_stop(struct cpu_common *cpu);

bool gdbstub_user_start(int port, struct cpu_common *cpu);
int gdbstub_user_handle_stop(struct cpu_common *cpu, int sig);
void gdbstub_user_poll(struct cpu_common *cpu);
void gdbstub_user_exit(int code);
void gdbstub_user_exit_signal(int sig);
bool gdbstub_user_active(void);

#endif
