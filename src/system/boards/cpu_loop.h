/*
 * Running a system-mode CPU on its vCPU thread: the loop around
 * cpu_exec that enters guest exceptions and interrupts (target hooks),
 * idles a halted CPU (WAIT) on a condition variable until an interrupt,
 * a timer or a pause, and a per-CPU timer thread that kicks the CPU when
 * its timer deadline passes.  Shared by the boards.
 */
#ifndef KEMU_SYSTEM_BOARDS_CPU_LOOP_H
#define KEMU_SYSTEM_BOARDS_CPU_LOOP_H

#include <stdbool.h>
#include <stdint.h>

struct cpu_common;
struct target_info;
struct sys_cpu;

/* The command line's engine choice (-engine interp, -perfmap), before
 * sys_engine_init. */
void sys_engine_configure(bool interp, bool perfmap);

/* Set up the engine for system mode (code generator or interpreter as
 * configured, soft MMU over the memory map) once, before the first CPU. */
void sys_engine_init(const struct target_info *t);

/* Create CPU index on a new vCPU thread (parked until the VM runs). */
struct sys_cpu *sys_cpu_create(const struct target_info *t, int index,
                               const char *model);
struct cpu_common *sys_cpu_state(struct sys_cpu *sc);

/* Kick at a host CLOCK_MONOTONIC nanosecond (the target's timer). */
void sys_cpu_arm_timer(struct cpu_common *cpu, int64_t ns);
/* Wake the CPU now (interrupt line raised by a device). */
void sys_cpu_kick(struct cpu_common *cpu);

/* The guest asked to end kemu with status (semihosting exit): the main
 * loop flushes output and exits. */
void sys_request_exit(int status);
/* Install the main-loop hook that performs it; boards call this after
 * creating their output devices (whose hooks must drain first). */
void sys_cpu_loop_hooks(void);

#endif
