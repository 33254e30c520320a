/* The user-mode CPU loop and fatal guest events. */
#ifndef KEMU_USER_CPU_LOOP_H
#define KEMU_USER_CPU_LOOP_H

#include "engine/cpu.h"

_Noreturn void user_cpu_loop(struct cpu_common *cpu);
_Noreturn void user_die_by_signal(int sig);
void user_install_fault_handlers(void);

#endif
