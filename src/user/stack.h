/* The guest's initial stack (argc, argv, envp, auxv). */
#ifndef KEMU_USER_STACK_H
#define KEMU_USER_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/cpu.h"

struct image_info;

/* Map the stack and fill it; *sp_out gets the initial stack pointer.
 * False with a message in err when it cannot be built. */
bool user_setup_stack(struct cpu_common *cpu, const struct image_info *info,
                      uint64_t stack_size, char **argv, int argc,
                      char **envp, int envc, const char *execfn,
                      uint64_t *sp_out, char *err, size_t errlen);

#endif
