/*
 * ARM guest CPU state (AArch32).
 *
 * The condition flags live as four separate words so that each flag
 * computation is an independent IR value the optimizer can drop when a
 * later instruction overwrites the flag unread:
 *     NF   N is bit 31 of NF
 *     ZF   Z is set iff ZF == 0
 *     CF   C is CF (always 0 or 1)
 *     VF   V is bit 31 of VF
 *     QF   Q is set iff QF != 0 (sticky saturation flag)
 * The rest of the CPSR is split the same way: `thumb` (T bit, 0/1),
 * `ge` (GE[3:0] in bits 3:0, ARMv6 SIMD) and `cpsr_other` for every
 * remaining bit (mode, A/I/F masks, E, J, IT bits), which the decoder never
 * reads in user mode.  arm_cpsr_read/arm_cpsr_write convert.
 */
#ifndef KEMU_TARGET_ARM_CPU_H
#define KEMU_TARGET_ARM_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"

/* Target exception codes returned by cpu_exec. */
enum {
    ARM_EXCP_BKPT = EXCP_TARGET_BASE, /* BKPT: PC at the BKPT instruction */
    ARM_EXCP_FPE,  /* trapped FPA exception: PC after the instruction */
};

/*
 * Architecture features.  A CPU model is a set of these; the decoder tests
 * them per pattern, and an instruction whose feature is missing is
 * UNDEFINED.  Later models add bits, never change the meaning of old ones.
 */
enum arm_feature {
    ARM_FEATURE_V4T,     /* Thumb state, BX */
    ARM_FEATURE_V5,      /* BLX, CLZ, BKPT, LDM-to-PC interworking */
    ARM_FEATURE_V5TE,    /* DSP: SMULxy..., QADD..., LDRD/STRD, PLD */
    ARM_FEATURE_V6,      /* media instructions, LDREX/STREX, REV, SETEND */
    ARM_FEATURE_V6K,     /* TPIDRURO via MRC p15, CLREX, byte/half/dual
                            LDREX/STREX */
    ARM_FEATURE_V7,      /* ALU writes to PC interwork, DMB/DSB/ISB, PLI */
    ARM_FEATURE_THUMB2,  /* ARMv6T2: 32-bit Thumb encodings and the ARM
                            additions (MOVW/MOVT, BFI/BFC/UBFX/SBFX, RBIT,
                            MLS, LDRHT...) */
    ARM_FEATURE_VFP,     /* VFPv2: cp10/cp11 VFP instructions */
    ARM_FEATURE_VFP3,    /* VFPv3: VMOV immediate, fixed-point VCVT */
    ARM_FEATURE_NEON,    /* Advanced SIMD (neon_*.c) */
    ARM_FEATURE_IDIV,    /* SDIV/UDIV in ARM and Thumb state */
    ARM_FEATURE_VFP4,    /* VFPv4: fused multiply-add */
    ARM_FEATURE_VFP_D32, /* 32 double registers, not 16 */
    ARM_FEATURE_FPA,     /* FPA coprocessor (cp1/cp2) as Linux's NWFPE
                            emulates it; user mode sets it for old-ABI
                            programs (fpa_decode.c) */
    ARM_FEATURE_FP16,    /* half-precision conversions: VFP VCVTB/VCVTT
                            and NEON VCVT.F16.F32/F32.F16 (not on the
                            Cortex-A8) */
};

#define ARM_FEAT(f) (1ull << ARM_FEATURE_##f)

/* CPSR bits. */
#define CPSR_N (1u << 31)
#define CPSR_Z (1u << 30)
#define CPSR_C (1u << 29)
#define CPSR_V (1u << 28)
#define CPSR_Q (1u << 27)
#define CPSR_NZCV 0xf0000000u
#define CPSR_GE (0xfu << 16)
#define CPSR_T (1u << 5)
#define CPSR_E (1u << 9)
#define CPSR_MODE 0x1fu
#define ARM_MODE_USR 0x10u

/* The kernel's user helper page (Linux "kuser helpers"). */
#define ARM_EXCL_NONE (~(uint64_t)0)

#define ARM_KUSER_START 0xffff0f60u
#define ARM_KUSER_END 0xffff1000u       /* exclusive */
#define ARM_KUSER_CMPXCHG64 0xffff0f60u
#define ARM_KUSER_MEMORY_BARRIER 0xffff0fa0u
#define ARM_KUSER_CMPXCHG 0xffff0fc0u
#define ARM_KUSER_GET_TLS 0xffff0fe0u
#define ARM_KUSER_VERSION 0xffff0ffcu

/* FPA register types (the order is NWFPE's: a wider type is larger). */
enum { ARM_FPA_NONE, ARM_FPA_SINGLE, ARM_FPA_DOUBLE, ARM_FPA_EXTENDED };
/* FPSR at reset: system ID 0x01 (software emulator, as NWFPE reports) and
 * AC (unordered compares set C). */
#define ARM_FPA_FPSR_RESET 0x01001000u

/* TB flags: what changes decoding. */
#define ARM_TBFLAG_THUMB 1u
#define ARM_TBFLAG_BE_DATA 2u   /* CPSR.E: big-endian data accesses */
#define ARM_TBFLAG_IT_SHIFT 8   /* bits 15:8: ITSTATE at the TB start */
#define CPSR_IT (0x0600fc00u)

struct arm_cpu {
    struct cpu_common common;

    uint32_t regs[16];     /* r0-r15; regs[15] is the address of the next
                              instruction to execute (not PC+8) */
    uint32_t NF, ZF, CF, VF, QF;
    uint32_t thumb;        /* 0 = ARM state, 1 = Thumb state */
    uint32_t ge;           /* GE[3:0] */
    uint32_t cpsr_other;   /* CPSR bits not held above */
    uint32_t itstate;      /* Thumb-2 IT state, ITSTATE[7:0] (CPSR bits
                              15:10 and 26:25); 0 outside an IT block */

    uint32_t tpidruro;     /* CP15 c13,c0,3: user read-only thread ID (TLS) */

    /* VFP/NEON registers: S<n> is the word at vfp_d + 4n. */
    uint64_t vfp_d[32] __attribute__((aligned(16)));
    uint32_t fpscr;
    uint32_t fpexc;

    /* FPA (NWFPE) state: f0-f7 each hold a value of the type
     * fpa_type[n] names (ARM_FPA_NONE before the first write), kept in the
     * host format of that type; fpa_fpsr is the status register; fpa_xfer
     * carries the words of one load/store between memory and registers. */
    union arm_fpa_reg {
        float s;
        double d;
        long double x;
    } fpa_f[8];
    uint8_t fpa_type[8];
    uint32_t fpa_fpsr;
    uint32_t fpa_trap;     /* a trapped exception waits for the store */
    uint32_t fpa_xfer[12];

    /* Local exclusive monitor: LDREX records the address and the value it
     * loaded; STREX succeeds when its address matches and a host
     * compare-and-swap against that value succeeds.  excl_addr is
     * ARM_EXCL_NONE when the monitor is open. */
    uint64_t excl_addr;
    uint64_t excl_val;

    /* Identity and features of the selected model. */
    uint64_t features;
    uint32_t midr;
    uint32_t fpsid, mvfr0, mvfr1;   /* VFP identification registers */
    const char *model;
};

static inline struct arm_cpu *arm_cpu(struct cpu_common *c)
{
    return (struct arm_cpu *)c;
}

static inline bool arm_feature(const struct arm_cpu *cpu, enum arm_feature f)
{
    return (cpu->features >> f) & 1;
}

uint32_t arm_cpsr_read(const struct arm_cpu *cpu);

/* Write the CPSR bits selected by mask (user mode passes CPSR_NZCV |
 * CPSR_Q | CPSR_GE; signal return may pass CPSR_T too). */
void arm_cpsr_write(struct arm_cpu *cpu, uint32_t val, uint32_t mask);

/* Select a model by name ("arm926", ...); false when unknown. */
bool arm_cpu_set_model(struct arm_cpu *cpu, const char *name);

/* Set by Linux user mode when the guest may call the kernel's helper page
 * (0xffff0f60..0xffff0fff): the translator then emits their semantics
 * instead of fetching code there.  User mode maps that page and writes
 * the helper count at ARM_KUSER_VERSION. */
extern bool arm_kuser_helpers_enabled;

#endif
