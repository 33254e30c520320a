/*
 * C helpers called from MIPS IR for what is awkward to express in IR.
 * (The FPU's are in fpu_helpers.c.)
 */
#include <time.h>

#include "target/mips/translate.h"

/*
 * Leave the CPU loop with exception excp and the state as it is (the PC
 * already names the next instruction): SYSCALL, whose return address is
 * the following instruction.
 */
static uint64_t mips_exception_exit(struct cpu_common *cpu, uint64_t excp)
{
    cpu_loop_exit(cpu, (int)excp);
}
IR_HELPER_DEF(mips_exception_exit, 1, false, IR_HELPER_NO_WRITE_GLOBALS);

/* RDHWR $2: a free-running cycle counter.  The host's monotonic clock in
 * nanoseconds stands in for it (CCRes reads 1). */
static uint64_t mips_rdhwr_cc(struct cpu_common *cpu)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
IR_HELPER_DEF(mips_rdhwr_cc, 0, true,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
              IR_HELPER_NO_RAISE);
