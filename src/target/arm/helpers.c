/*
 * C helpers called from ARM IR, for what is awkward to express in IR.
 * Each is declared with the strongest flags that are true of it.
 */
#include "target/arm/translate.h"

/* MRS: assemble the CPSR from the split flag words. */
static uint64_t arm_mrs_cpsr(struct cpu_common *cpu)
{
    return arm_cpsr_read(arm_cpu(cpu));
}
IR_HELPER_DEF(arm_mrs_cpsr, 0, true,
              IR_HELPER_NO_WRITE_GLOBALS | IR_HELPER_NO_RAISE);

/*
 * Leave the CPU loop with exception excp and the state as it is (the PC
 * already names the next instruction): SVC, whose return address is the
 * following instruction, not the one that raised.
 */
static uint64_t arm_exception_exit(struct cpu_common *cpu, uint64_t excp)
{
    cpu_loop_exit(cpu, (int)excp);
}
IR_HELPER_DEF(arm_exception_exit, 1, false, IR_HELPER_NO_WRITE_GLOBALS);
