/*
 * MIPS registers for the gdbstub in gdb's MIPS numbering (the layout in
 * gdbstub/gdb_arch.c): r0-r31, status (32), lo (33), hi (34), badvaddr
 * (35), cause (36), pc (37), f0-f31 (38-69), fcsr (70), fir (71).
 *
 * Every register is 32 bits on mips/mipsel and 64 bits on
 * mips64/mips64el, and travels in the guest's byte order.  The FPU
 * registers follow the target description kemu serves: on MIPS32 each
 * fN is the 32-bit register gdb knows from o32 (with Status.FR = 0 a
 * double is the even/odd pair, which gdb joins itself; with FR = 1 the
 * low word of the 64-bit register, as a 32-bit description can show it);
 * on MIPS64 each fN is the whole 64-bit field.
 */
#include <stdint.h>

#include "target/mips/cpu.h"

enum {
    GDB_MIPS_STATUS = 32,
    GDB_MIPS_LO = 33,
    GDB_MIPS_HI = 34,
    GDB_MIPS_BADVADDR = 35,
    GDB_MIPS_CAUSE = 36,
    GDB_MIPS_PC = 37,
    GDB_MIPS_F0 = 38,
    GDB_MIPS_FCSR = 70,
    GDB_MIPS_FIR = 71,
};

/* Status as the kernel saves it for a user program at a trap: CU1 (the
 * FPU is usable), FR as the program's FP mode has it, all interrupt mask
 * bits, UM (user mode), EXL and IE; MIPS64 adds UX/SX/KX (64-bit
 * addressing). */
#define ST_CU1 (1u << 29)
#define ST_FR (1u << 26)
#define ST_IM 0xff00u
#define ST_KX_SX_UX 0xe0u
#define ST_UM 0x10u
#define ST_EXL 0x2u
#define ST_IE 0x1u

/* FCSR bits a program may not change: NAN2008 and ABS2008 are fixed by
 * the implementation. */
#define FCSR_FIXED (FCSR_NAN2008 | FCSR_ABS2008)

static int reg_size(const struct mips_cpu *cpu)
{
    return cpu->is64 ? 8 : 4;
}

static void put(const struct mips_cpu *cpu, uint8_t *buf, uint64_t v)
{
    int n = reg_size(cpu);
    for (int i = 0; i < n; i++) {
        int shift = cpu->big_endian ? 8 * (n - 1 - i) : 8 * i;
        buf[i] = (uint8_t)(v >> shift);
    }
}

static uint64_t get(const struct mips_cpu *cpu, const uint8_t *buf)
{
    int n = reg_size(cpu);
    uint64_t v = 0;
    for (int i = 0; i < n; i++) {
        int shift = cpu->big_endian ? 8 * (n - 1 - i) : 8 * i;
        v |= (uint64_t)buf[i] << shift;
    }
    return v;
}

static uint32_t status_value(const struct mips_cpu *cpu)
{
    return ST_CU1 | (cpu->fr ? ST_FR : 0) | ST_IM |
           (cpu->is64 ? ST_KX_SX_UX : 0) | ST_UM | ST_EXL | ST_IE;
}

/* A CP0 address register (BadVAddr, EPC, ...) as MFC0/DMFC0 read it:
 * one kept in a 32-bit field is sign-extended, a 64-bit field is the
 * value itself. */
#define CP0_ADDR(x) (sizeof(x) == 4 ? (uint64_t)(int32_t)(x) : (uint64_t)(x))

/* A register value as the CPU holds it, widened or cut to the width. */
static uint64_t tl(const struct mips_cpu *cpu, uint64_t v)
{
    return cpu->is64 ? v : (uint32_t)v;
}

int mips_gdb_read_reg(struct cpu_common *c, int regnum, uint8_t *buf)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t v;

    if (regnum >= 0 && regnum < 32)
        v = regnum ? cpu->gpr[regnum] : 0;
    else if (regnum >= GDB_MIPS_F0 && regnum < GDB_MIPS_F0 + 32)
        v = cpu->fpr[regnum - GDB_MIPS_F0];
    else {
        switch (regnum) {
        /* System mode shows the CP0 registers themselves (sign-extended
         * on MIPS64, as MFC0 reads them); user mode what a kernel would
         * report for the program. */
        case GDB_MIPS_STATUS:
            v = cpu->sys ? (uint64_t)(int32_t)cpu->cp0_status : status_value(cpu);
            break;
        case GDB_MIPS_LO: v = cpu->lo; break;
        case GDB_MIPS_HI: v = cpu->hi; break;
        /* User mode: the address of the last fault gdb was told about. */
        case GDB_MIPS_BADVADDR:
            v = cpu->sys ? CP0_ADDR(cpu->cp0_badvaddr) : c->fault_addr;
            break;
        case GDB_MIPS_CAUSE:
            v = cpu->sys ? (uint64_t)(int32_t)mips_cause(cpu) : 0;
            break;
        case GDB_MIPS_PC: v = cpu->pc; break;
        case GDB_MIPS_FCSR: v = cpu->fcsr; break;
        case GDB_MIPS_FIR: v = cpu->fir; break;
        default: return 0;
        }
    }
    put(cpu, buf, tl(cpu, v));
    return reg_size(cpu);
}

int mips_gdb_write_reg(struct cpu_common *c, int regnum, const uint8_t *buf)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t v = get(cpu, buf);

    if (regnum > 0 && regnum < 32) {
        cpu->gpr[regnum] = v;
    } else if (regnum >= GDB_MIPS_F0 && regnum < GDB_MIPS_F0 + 32) {
        uint64_t *f = &cpu->fpr[regnum - GDB_MIPS_F0];
        /* MIPS32 shows only the low word: keep the high one. */
        *f = cpu->is64 ? v : (*f & ~0xffffffffull) | (uint32_t)v;
    } else {
        switch (regnum) {
        /* System mode: Status and Cause change as MTC0 changes them (the
         * bits software may write: for Cause IV, WP, DC and the two
         * software interrupts, which are taken once gdb resumes the CPU
         * if Status lets them); BadVAddr is written as is (the
         * architecture has it read-only, but QEMU's stub writes it and
         * no side effect hangs on it).  User mode: a program cannot
         * change these, so the write is ignored. */
        case GDB_MIPS_STATUS:
            if (cpu->sys)
                mips_cp0_store(cpu, 12, 0, v);
            break;
        case GDB_MIPS_CAUSE:
            if (cpu->sys)
                mips_cp0_store(cpu, 13, 0, v);
            break;
        case GDB_MIPS_BADVADDR:
            if (cpu->sys)
                cpu->cp0_badvaddr = v;
            break;
        case 0:                 /* $zero stays zero */
        case GDB_MIPS_FIR:      /* the FPU's implementation register */
            break;
        case GDB_MIPS_LO: cpu->lo = v; break;
        case GDB_MIPS_HI: cpu->hi = v; break;
        case GDB_MIPS_PC:
            /* The next instruction to run: the TB lookup keys on it. */
            cpu->pc = v;
            break;
        case GDB_MIPS_FCSR:
            cpu->fcsr = ((uint32_t)v & ~FCSR_FIXED) | (cpu->fcsr & FCSR_FIXED);
            break;
        default:
            return 0;
        }
    }
    return reg_size(cpu);
}
