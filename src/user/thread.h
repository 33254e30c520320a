/* Guest threads (user/thread.c). */
#ifndef KEMU_USER_THREAD_H
#define KEMU_USER_THREAD_H

#include <stdint.h>

#include "engine/cpu.h"

/* clone with CLONE_VM|CLONE_THREAD|CLONE_SIGHAND: the new thread's tid or
 * -errno. */
int64_t user_clone_thread(struct cpu_common *parent, uint64_t flags,
                          uint64_t newsp, uint64_t ptid, uint64_t tls,
                          uint64_t ctid);

/* exit of one thread: the process ends with the last one. */
_Noreturn void user_thread_exit(struct cpu_common *cpu, int status);

/* In a fork child: the forking thread is the only one. */
void user_threads_after_fork(struct cpu_common *cpu);

#endif
