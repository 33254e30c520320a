/*
 * MIPS guest CPU state, shared by the four user targets (mips, mipsel:
 * MIPS32 Release 2; mips64, mips64el: MIPS64 Release 2).
 *
 * One state layout serves both widths: general registers, HI/LO and the
 * PC are 64-bit fields.  MIPS32 registers its IR globals as i32 over the
 * low half of each field (the host is little-endian), MIPS64 as i64, so
 * the decoder works on "target-long" values whose IR type it picks once
 * per TB (mips_dc.tl).  In MIPS64 every 32-bit result is kept
 * sign-extended to 64 bits, as the architecture requires.
 *
 * The FPU registers are 64-bit fields too.  With Status.FR = 1 each fpr[i]
 * is one 64-bit register; with FR = 0 a double lives in the even/odd pair,
 * low word in fpr[2n] and high word in fpr[2n+1] (the low 32 bits of each
 * field), which is how the o32 ABI's FP32 mode sees them.
 */
#ifndef KEMU_TARGET_MIPS_CPU_H
#define KEMU_TARGET_MIPS_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"

/* Target exception codes returned by cpu_exec (PC at the instruction, or
 * at the branch when it sat in a delay slot). */
enum {
    MIPS_EXCP_BREAK = EXCP_TARGET_BASE, /* BREAK */
    MIPS_EXCP_TRAP,                     /* TEQ, TNE, ... condition true */
    MIPS_EXCP_OVERFLOW,                 /* ADD/ADDI/SUB/DADD... overflow */
    MIPS_EXCP_FPE,                      /* FPU exception enabled in FCSR */
};

/* ISA levels a pattern may require. */
enum mips_isa {
    MIPS_ISA_32 = 0,   /* every model */
    MIPS_ISA_64 = 1,   /* MIPS64 only (and not in 32-bit compat space) */
};

/* FCSR fields. */
#define FCSR_RM 3u                 /* rounding mode, bits 1:0 */
#define FCSR_FLAGS_SHIFT 2         /* flags: bits 6:2 (I U O Z V) */
#define FCSR_ENABLES_SHIFT 7       /* enables: bits 11:7 */
#define FCSR_CAUSE_SHIFT 12        /* cause: bits 17:12 (I U O Z V E) */
#define FCSR_FS (1u << 24)         /* flush denormals to zero */
#define FCSR_FCC0 (1u << 23)
#define FCSR_NAN2008 (1u << 18)
#define FCSR_ABS2008 (1u << 19)
/* Exception bits inside each field. */
enum { FP_INEXACT = 1, FP_UNDERFLOW = 2, FP_OVERFLOW = 4, FP_DIV0 = 8,
       FP_INVALID = 16, FP_UNIMPL = 32 };

/* FIR bits. */
#define FIR_PS (1u << 18)          /* paired single implemented */

/* TB flags: what changes decoding. */
#define MIPS_TBFLAG_FR 1u          /* Status.FR: 64-bit FPU registers */

struct mips_cpu {
    struct cpu_common common;

    uint64_t gpr[32];
    uint64_t pc;
    uint64_t hi, lo;

    /* LL/SC: the address and the value LL read; lladdr = -1: no link. */
    uint64_t lladdr, llval;

    uint64_t userlocal;    /* UserLocal (RDHWR $29): the TLS pointer */

    /* FPU. */
    uint64_t fpr[32];
    uint32_t fcsr;         /* FCSR (FCC bits 7:1 at 31:25, FCC0 at 23) */
    uint32_t fir;          /* FIR: read-only implementation register */
    uint32_t fr;           /* Status.FR (0 or 1) */

    bool is64;             /* MIPS64 (registers are 64 bits) */
    bool big_endian;
    const char *model;
};

static inline struct mips_cpu *mips_cpu(struct cpu_common *c)
{
    return (struct mips_cpu *)c;
}

bool mips_cpu_set_model(struct mips_cpu *cpu, const char *name);

/* gdbstub register access (target/mips/gdb.c). */
int mips_gdb_read_reg(struct cpu_common *c, int regnum, uint8_t *buf);
int mips_gdb_write_reg(struct cpu_common *c, int regnum, const uint8_t *buf);

#endif
