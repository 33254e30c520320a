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
    /* System mode: a guest exception whose CP0 state (BadVAddr, Context,
     * EntryHi) is already set: MIPS_EXCP_GUEST + ExcCode, plus
     * MIPS_EXCP_REFILL for a TLB refill (its own vector). */
    MIPS_EXCP_GUEST = EXCP_TARGET_BASE + 0x100,
    /* Coprocessor Unusable: + unit number (Cause.CE). */
    MIPS_EXCP_CPU = EXCP_TARGET_BASE + 0x200,
};
#define MIPS_EXCP_REFILL 0x40
#define MIPS_EXCP_XREFILL 0xc0    /* MIPS64: refill at the XTLB vector */
/* mips_exception_enter's refill argument: the two refill vectors. */
#define MIPS_REFILL_TLB MIPS_EXCP_REFILL
#define MIPS_REFILL_XTLB MIPS_EXCP_XREFILL

/* Cause.ExcCode values (MIPS32 PRA). */
enum {
    EXC_INT = 0, EXC_MOD = 1, EXC_TLBL = 2, EXC_TLBS = 3, EXC_ADEL = 4,
    EXC_ADES = 5, EXC_IBE = 6, EXC_DBE = 7, EXC_SYS = 8, EXC_BP = 9,
    EXC_RI = 10, EXC_CPU = 11, EXC_OV = 12, EXC_TR = 13, EXC_FPE = 15,
};

/* Status bits. */
#define CP0_ST_IE (1u << 0)
#define CP0_ST_EXL (1u << 1)
#define CP0_ST_ERL (1u << 2)
#define CP0_ST_KSU_SHIFT 3            /* bits 4:3: 0 kernel, 1 supervisor, 2 user */
#define CP0_ST_UX (1u << 5)           /* MIPS64: 64-bit user segment */
#define CP0_ST_SX (1u << 6)           /* MIPS64: 64-bit supervisor segments */
#define CP0_ST_KX (1u << 7)           /* MIPS64: 64-bit kernel segments */
#define CP0_ST_IM_SHIFT 8             /* IM7..IM0: bits 15:8 */
#define CP0_ST_NMI (1u << 19)
#define CP0_ST_SR (1u << 20)
#define CP0_ST_TS (1u << 21)
#define CP0_ST_BEV (1u << 22)
#define CP0_ST_FR (1u << 26)
#define CP0_ST_RP (1u << 27)
#define CP0_ST_CU0 (1u << 28)
#define CP0_ST_CU1 (1u << 29)
/* Cause bits. */
#define CAUSE_BD (1u << 31)
#define CAUSE_TI (1u << 30)
#define CAUSE_CE_SHIFT 28
#define CAUSE_DC (1u << 27)
#define CAUSE_IV (1u << 23)
#define CAUSE_IP_SHIFT 8          /* IP7..IP0: bits 15:8 */
#define CAUSE_EXC_SHIFT 2         /* ExcCode: bits 6:2 */

#define MIPS_TLB_MAX 64

/* MIPS64 system mode (5K family): 40-bit segments, 36-bit physical. */
#define MIPS64_SEGBITS 40
#define MIPS64_PABITS 36

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
/* System mode only (user mode never sets them): */
#define MIPS_TBFLAG_SYS 2u         /* privileged architecture present */
#define MIPS_TBFLAG_KSU_SHIFT 2    /* bits 3:2: effective mode 0/1/2 */
#define MIPS_TBFLAG_ERL 0x10u      /* Status.ERL: kuseg unmapped */
#define MIPS_TBFLAG_CP0 0x20u      /* CP0 usable (kernel mode or CU0) */
#define MIPS_TBFLAG_CU1 0x40u      /* Status.CU1: FPU usable */
#define MIPS_TBFLAG_ASID_SHIFT 8   /* mapped code: EntryHi.ASID */

/* One entry of the guest TLB (MIPS32: VPN2 of EntryHi, PageMask,
 * the EntryLo pair; G is the AND of the two G bits). */
struct mips_tlb_entry {
    uint64_t vpn2;         /* EntryHi R and VPN2 (masked by pagemask) */
    uint32_t pagemask;     /* PageMask.Mask as in the register */
    uint8_t asid;
    bool g;
    uint32_t lo[2];        /* EntryLo0/1 without G */
};

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

    /* ---- System mode: the privileged resource architecture ---- */
    bool sys;              /* CP0, TLB and exceptions are emulated */
    bool in_ds;            /* restore_state: the insn was in a delay slot */
    bool halted;           /* WAIT: idle until an interrupt */
    /* The address-holding registers are 64 bits wide for MIPS64 (a
     * MIPS32 CPU keeps zero-extended 32-bit values in them). */
    uint64_t cp0_entrylo0, cp0_entrylo1, cp0_context, cp0_xcontext;
    uint64_t cp0_badvaddr, cp0_entryhi, cp0_epc, cp0_errorepc;
    uint32_t cp0_index, cp0_pagemask, cp0_wired, cp0_hwrena;
    uint32_t cp0_compare, cp0_status, cp0_intctl;
    uint32_t cp0_srsctl, cp0_cause, cp0_prid, cp0_ebase;
    uint32_t cp0_config[4], cp0_lladdr, cp0_desave;
    uint32_t cp0_taglo, cp0_datalo;
    uint32_t irq_lines;    /* hardware lines HW0..HW5 (IP2..IP7), atomic */
    int64_t count_offset;  /* Count = (ns / 10 + count_offset) */
    int64_t timer_deadline;/* host ns when Count reaches Compare, 0: none */
    uint32_t random_seed;
    int tlb_n;
    struct mips_tlb_entry tlb[MIPS_TLB_MAX];
    /* Board services: arm the host timer that kicks the CPU at a host
     * CLOCK_MONOTONIC nanosecond; UHI semihosting (sdbbp 1), NULL: off. */
    void (*arm_timer)(struct cpu_common *cpu, int64_t ns);
    void (*semihost)(struct cpu_common *cpu);

    bool is64;             /* MIPS64 (registers are 64 bits) */
    bool big_endian;
    const char *model;
};

static inline struct mips_cpu *mips_cpu(struct cpu_common *c)
{
    return (struct mips_cpu *)c;
}

bool mips_cpu_set_model(struct mips_cpu *cpu, const char *name);

/* ---- System mode (cp0.c, exc.c, tlb.c) ---- */
/* Turn on the privileged architecture and reset it (reset vector). */
void mips_sys_reset(struct mips_cpu *cpu);
/* Drive hardware interrupt line n (0..5 = IP2..IP7) from a device. */
void mips_set_irq(struct mips_cpu *cpu, int n, bool level);
/* Host monotonic nanoseconds (the virtual clock's source). */
int64_t mips_clock_ns(void);
/* Cause with the live IP bits (timer, hardware lines). */
uint32_t mips_cause(struct mips_cpu *cpu);
void mips_timer_update(struct mips_cpu *cpu);
/* Write CP0 register reg/sel as MTC0 (DMTC0 on MIPS64) does: only its
 * writable bits, with the side effects (FR, TLB flush, interrupt
 * recheck).  For the debugger, while the CPU is stopped. */
void mips_cp0_store(struct mips_cpu *cpu, int reg, int sel, uint64_t v);
/* After Status/Cause changes: make the CPU loop look at interrupts when
 * one is pending and now enabled. */
void mips_irq_recheck(struct mips_cpu *cpu);
/* Enter the exception handler for ExcCode exc (refill: the TLB refill
 * vector when EXL was clear); PC is the faulting instruction, in_ds
 * tells whether it sat in a delay slot. */
void mips_exception_enter(struct mips_cpu *cpu, int exc, int refill);
/* target_info hooks. */
bool mips_do_exception(struct cpu_common *c, int excp);
bool mips_check_interrupt(struct cpu_common *c);
bool mips_has_work(struct cpu_common *c);
int mips_mmu_index(uint32_t flags);
bool mips_tlb_fill(struct cpu_common *c, uint64_t vaddr, int access,
                   int mmu_idx, bool probe);
/* Virtual to physical for the monitor/gdb (no exception): -1 if none. */
uint64_t mips_get_phys(struct mips_cpu *cpu, uint64_t vaddr);
/* The current TB flags' system part. */
uint32_t mips_sys_tb_flags(struct mips_cpu *cpu, uint64_t pc);
/* gdbstub register access (target/mips/gdb.c). */
int mips_gdb_read_reg(struct cpu_common *c, int regnum, uint8_t *buf);
int mips_gdb_write_reg(struct cpu_common *c, int regnum, const uint8_t *buf);

#endif
