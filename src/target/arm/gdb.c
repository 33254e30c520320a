/*
 * ARM registers for the gdbstub, numbered as gdb's org.gnu.gdb.arm.core
 * feature does (gdbstub/gdb_arch.c): r0-r12, sp (13), lr (14), pc (15)
 * and cpsr (25).  Values travel in the guest's byte order (little-endian
 * here).
 */
#include <stdint.h>

#include "target/arm/cpu.h"

/* The CPSR regnum in gdb's ARM numbering (16-24 are the FPA registers
 * that gdb no longer expects). */
#define ARM_GDB_CPSR 25

/* What gdb may change in the CPSR from user mode: the flags the guest can
 * change itself, plus T, which gdb sets when it moves the PC into Thumb
 * code.  The mode and mask bits stay as they are. */
#define ARM_GDB_CPSR_WRITABLE (CPSR_NZCV | CPSR_Q | CPSR_GE | CPSR_T)

static void put32(uint8_t *buf, uint32_t v)
{
    buf[0] = v;
    buf[1] = v >> 8;
    buf[2] = v >> 16;
    buf[3] = v >> 24;
}

static uint32_t get32(const uint8_t *buf)
{
    return buf[0] | buf[1] << 8 | buf[2] << 16 | (uint32_t)buf[3] << 24;
}

int arm_gdb_read_reg(struct cpu_common *c, int regnum, uint8_t *buf)
{
    struct arm_cpu *cpu = arm_cpu(c);

    if (regnum >= 0 && regnum < 16) {
        put32(buf, cpu->regs[regnum]);
        return 4;
    }
    if (regnum == ARM_GDB_CPSR) {
        put32(buf, arm_cpsr_read(cpu));
        return 4;
    }
    return 0;
}

int arm_gdb_write_reg(struct cpu_common *c, int regnum, const uint8_t *buf)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t v = get32(buf);

    if (regnum >= 0 && regnum < 15) {
        cpu->regs[regnum] = v;
        return 4;
    }
    if (regnum == 15) {
        /* The state (ARM/Thumb) comes from the CPSR's T bit, never from
         * bit 0 of the PC, which no instruction address has. */
        cpu->regs[15] = v & ~1u;
        return 4;
    }
    if (regnum == ARM_GDB_CPSR) {
        arm_cpsr_write(cpu, v, ARM_GDB_CPSR_WRITABLE);
        return 4;
    }
    return 0;
}
