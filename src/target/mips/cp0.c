/*
 * System coprocessor 0 (MIPS32 PRA): MFC0/MTC0 with each register's
 * writable bits, the Count/Compare timer on a virtual clock derived from
 * host time, and the decode table of the privileged instructions (CP0
 * moves, DI/EI, ERET, WAIT, the TLB instructions, SDBBP).  All of it is
 * present only in system mode (MIPS_TBFLAG_SYS); in user mode the
 * patterns decline and the instructions stay reserved.
 */
#include <stddef.h>
#include <time.h>

#include "engine/softmmu.h"
#include "target/mips/translate.h"

/* Count runs at 100 MHz of host time (half a 200 MHz pipeline clock). */
#define NS_PER_COUNT 10

int64_t mips_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint32_t count_now(struct mips_cpu *cpu)
{
    return (uint32_t)(mips_clock_ns() / NS_PER_COUNT + cpu->count_offset);
}

/* Schedule the host kick for the moment Count reaches Compare. */
static void timer_arm(struct mips_cpu *cpu)
{
    int64_t now = mips_clock_ns();
    uint32_t delta = cpu->cp0_compare - count_now(cpu);
    /* Equal now: the interrupt is due a whole wrap later, unless it just
     * happened; treat 0 as "next wrap". */
    uint64_t ticks = delta ? delta : (1ull << 32);
    cpu->timer_deadline = now + (int64_t)ticks * NS_PER_COUNT;
    if (cpu->arm_timer)
        cpu->arm_timer(&cpu->common, cpu->timer_deadline);
}

void mips_timer_update(struct mips_cpu *cpu)
{
    if (cpu->timer_deadline && mips_clock_ns() >= cpu->timer_deadline) {
        cpu->cp0_cause |= CAUSE_TI;
        cpu->timer_deadline = 0;
    }
}

uint32_t mips_cause(struct mips_cpu *cpu)
{
    mips_timer_update(cpu);
    uint32_t hw = __atomic_load_n(&cpu->irq_lines, __ATOMIC_ACQUIRE) & 0x3f;
    uint32_t c = cpu->cp0_cause & ~(0xfcu << CAUSE_IP_SHIFT);
    c |= hw << (CAUSE_IP_SHIFT + 2);
    /* IntCtl.IPTI = 7: the timer shares IP7 with hardware line 5. */
    if (cpu->cp0_cause & CAUSE_TI)
        c |= 1u << (CAUSE_IP_SHIFT + 7);
    return c;
}

static uint32_t random_now(struct mips_cpu *cpu)
{
    uint32_t span = (uint32_t)cpu->tlb_n - cpu->cp0_wired;
    if ((int)cpu->cp0_wired >= cpu->tlb_n || span == 0)
        return (uint32_t)cpu->tlb_n - 1;
    return cpu->tlb_n - 1 - (cpu->random_seed % span);
}

/* reg * 8 + sel */
#define CP0(r, s) ((r) * 8 + (s))

static uint64_t mips_mfc0(struct cpu_common *c, uint64_t regsel)
{
    struct mips_cpu *cpu = mips_cpu(c);
    switch (regsel) {
    case CP0(0, 0): return cpu->cp0_index;
    case CP0(1, 0): return random_now(cpu);
    case CP0(2, 0): return cpu->cp0_entrylo0;
    case CP0(3, 0): return cpu->cp0_entrylo1;
    case CP0(4, 0): return cpu->cp0_context;
    case CP0(4, 2): return cpu->is64 ? cpu->userlocal : (uint32_t)cpu->userlocal;
    case CP0(5, 0): return cpu->cp0_pagemask;
    case CP0(6, 0): return cpu->cp0_wired;
    case CP0(7, 0): return cpu->cp0_hwrena;
    case CP0(8, 0): return cpu->cp0_badvaddr;
    case CP0(9, 0): return count_now(cpu);
    case CP0(10, 0): return cpu->cp0_entryhi;
    case CP0(11, 0): return cpu->cp0_compare;
    case CP0(12, 0): return cpu->cp0_status;
    case CP0(12, 1): return cpu->cp0_intctl;
    case CP0(12, 2): return cpu->cp0_srsctl;
    case CP0(13, 0): return mips_cause(cpu);
    case CP0(14, 0): return cpu->cp0_epc;
    case CP0(15, 0): return cpu->cp0_prid;
    case CP0(15, 1): return cpu->cp0_ebase;
    case CP0(16, 0): case CP0(16, 1): case CP0(16, 2): case CP0(16, 3):
        return cpu->cp0_config[regsel - CP0(16, 0)];
    case CP0(17, 0): return cpu->cp0_lladdr;
    case CP0(20, 0): return cpu->is64 ? cpu->cp0_xcontext : 0;
    case CP0(28, 0): return cpu->cp0_taglo;
    case CP0(28, 1): return cpu->cp0_datalo;
    case CP0(30, 0): return cpu->cp0_errorepc;
    case CP0(31, 0): return cpu->cp0_desave;
    default:
        return 0;   /* unimplemented registers read as zero (R2) */
    }
}
IR_HELPER_DEF(mips_mfc0, 1, true, IR_HELPER_NO_WRITE_GLOBALS | IR_HELPER_NO_RAISE);

static void set_status(struct mips_cpu *cpu, uint32_t v)
{
    /* CU1 and FR exist only with an FPU. */
    uint32_t mask = 0x3e78ff1fu;
    if (!cpu->fir)
        mask &= ~(CP0_ST_CU1 | CP0_ST_FR);
    if (cpu->is64)
        mask |= CP0_ST_KX | CP0_ST_SX | CP0_ST_UX;
    uint32_t old = cpu->cp0_status;
    cpu->cp0_status = (cpu->cp0_status & ~mask) | (v & mask);
    cpu->fr = (cpu->cp0_status & CP0_ST_FR) != 0;
    /* Which 64-bit segments exist is part of every cached translation. */
    if ((old ^ cpu->cp0_status) & (CP0_ST_KX | CP0_ST_SX | CP0_ST_UX))
        softmmu_tlb_flush(&cpu->common);
}

static uint64_t mips_mtc0(struct cpu_common *c, uint64_t regsel, uint64_t v64)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint32_t v = (uint32_t)v64;
    uint32_t idx_mask = (uint32_t)cpu->tlb_n - 1;
    /* The address registers: 64 bits on MIPS64 (MTC0 gives them the
     * sign-extended word), 32 on MIPS32. */
    uint64_t va = cpu->is64 ? v64 : v;

    switch (regsel) {
    case CP0(0, 0):
        cpu->cp0_index = (cpu->cp0_index & 0x80000000u) | (v & idx_mask);
        break;
    case CP0(2, 0): cpu->cp0_entrylo0 = v & 0x3fffffffu; break;
    case CP0(3, 0): cpu->cp0_entrylo1 = v & 0x3fffffffu; break;
    case CP0(4, 0):
        cpu->cp0_context = (cpu->cp0_context & 0x007fffffu) |
                           (va & ~0x007fffffull);
        break;
    case CP0(4, 2): cpu->userlocal = va; break;
    case CP0(5, 0): cpu->cp0_pagemask = v & 0x1fffe000u; break;
    case CP0(6, 0): cpu->cp0_wired = v & idx_mask; break;
    case CP0(7, 0): cpu->cp0_hwrena = v & 0x2000000fu; break;
    case CP0(9, 0):
        cpu->count_offset = (int64_t)v - mips_clock_ns() / NS_PER_COUNT;
        timer_arm(cpu);
        break;
    case CP0(10, 0): {
        uint64_t old = cpu->cp0_entryhi;
        uint64_t m = cpu->is64 ? 0xc000000000000000ull |
                                 (((1ull << MIPS64_SEGBITS) - 1) & ~0x1f00ull)
                               : 0xffffe0ffu;
        cpu->cp0_entryhi = va & m;
        /* Soft TLB entries carry no ASID: a new address space forgets
         * the previous one's non-global mappings (PROT_ASID). */
        if ((old ^ cpu->cp0_entryhi) & 0xff)
            softmmu_tlb_flush_asid(c);
        break;
    }
    case CP0(11, 0):
        cpu->cp0_compare = v;
        cpu->cp0_cause &= ~CAUSE_TI;
        timer_arm(cpu);
        break;
    case CP0(12, 0): set_status(cpu, v); break;
    case CP0(12, 1):
        cpu->cp0_intctl = (cpu->cp0_intctl & ~0x3e0u) | (v & 0x3e0u);
        break;
    case CP0(13, 0):
        cpu->cp0_cause = (cpu->cp0_cause & ~0x08c00300u) | (v & 0x08c00300u);
        break;
    case CP0(14, 0): cpu->cp0_epc = va; break;
    case CP0(20, 0):
        /* XContext: PTEBase above R and BadVPN2 is writable. */
        if (cpu->is64) {
            uint64_t m = ~0ull << (MIPS64_SEGBITS - 7);
            cpu->cp0_xcontext = (cpu->cp0_xcontext & ~m) | (va & m);
        }
        break;
    case CP0(15, 1):
        cpu->cp0_ebase = (cpu->cp0_ebase & ~0x3ffff000u) | (v & 0x3ffff000u);
        break;
    case CP0(16, 0):
        cpu->cp0_config[0] = (cpu->cp0_config[0] & ~7u) | (v & 7u);
        break;
    case CP0(28, 0): cpu->cp0_taglo = v; break;
    case CP0(28, 1): cpu->cp0_datalo = v; break;
    case CP0(30, 0): cpu->cp0_errorepc = va; break;
    case CP0(31, 0): cpu->cp0_desave = v; break;
    default:
        break;      /* read-only or unimplemented: the write is ignored */
    }
    if (regsel == CP0(12, 0) || regsel == CP0(13, 0))
        mips_irq_recheck(cpu);
    return 0;
}
IR_HELPER_DEF(mips_mtc0, 2, false, IR_HELPER_NO_RAISE);

void mips_cp0_store(struct mips_cpu *cpu, int reg, int sel, uint64_t v)
{
    mips_mtc0(&cpu->common, CP0(reg, sel), v);
}

/* ---- Translation ---------------------------------------------------------- */

static bool sys(const struct mips_dc *s) { return s->flags & MIPS_TBFLAG_SYS; }

/* CP0 instructions outside kernel mode without Status.CU0. */
static bool cp0_unusable(struct mips_dc *s)
{
    if (s->flags & MIPS_TBFLAG_CP0)
        return false;
    mips_gen_exception(s, MIPS_EXCP_CPU + 0);
    return true;
}

static bool trans_MFC0(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    ir_t v = ir_new_i64(s->c), v32 = ir_new_i32(s->c);
    ir_call1(s->c, &helper_mips_mfc0, v,
             ir_const_i64(s->c, RD(i) * 8 + (i & 7)));
    ir_extrl_i64_i32(s->c, v32, v);
    mips_wr_gpr32(s, RT(i), v32);
    return true;
}

static bool trans_MTC0(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    ir_t v = ir_new_i64(s->c);
    /* MIPS64: a 64-bit register gets the sign-extended word. */
    if (s->is64)
        ir_exts_i32_i64(s->c, v, mips_rd_gpr32(s, RT(i)));
    else
        ir_extu_i32_i64(s->c, v, mips_rd_gpr32(s, RT(i)));
    ir_call2(s->c, &helper_mips_mtc0, IR_NONE,
             ir_const_i64(s->c, RD(i) * 8 + (i & 7)), v);
    /* Status, EntryHi and Count change what later code does: leave the
     * TB so the next one is looked up with the new mode. */
    if (!s->in_slot)
        s->end = DISAS_UPDATE;
    return true;
}

/* DMFC0 / DMTC0 (MIPS64): the whole register. */
static bool trans_DMFC0(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    ir_t v = ir_new_i64(s->c);
    ir_call1(s->c, &helper_mips_mfc0, v,
             ir_const_i64(s->c, RD(i) * 8 + (i & 7)));
    mips_wr_gpr(s, RT(i), v);
    return true;
}

static bool trans_DMTC0(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    ir_call2(s->c, &helper_mips_mtc0, IR_NONE,
             ir_const_i64(s->c, RD(i) * 8 + (i & 7)), mips_rd_gpr(s, RT(i)));
    if (!s->in_slot)
        s->end = DISAS_UPDATE;
    return true;
}

static uint64_t mips_di_ei(struct cpu_common *c, uint64_t enable)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint32_t old = cpu->cp0_status;
    cpu->cp0_status = enable ? old | CP0_ST_IE : old & ~CP0_ST_IE;
    mips_irq_recheck(cpu);
    return old;
}
IR_HELPER_DEF(mips_di_ei, 1, true, IR_HELPER_NO_RAISE);

/* DI rt / EI rt (MFMC0): rt gets the old Status. */
static bool trans_MFMC0(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    ir_t v = ir_new_i64(s->c), v32 = ir_new_i32(s->c);
    ir_call1(s->c, &helper_mips_di_ei, v,
             ir_const_i64(s->c, (i >> 5) & 1));
    ir_extrl_i64_i32(s->c, v32, v);
    mips_wr_gpr32(s, RT(i), v32);
    /* EI may make a pending interrupt deliverable now. */
    if (!s->in_slot)
        s->end = DISAS_UPDATE;
    return true;
}

static bool trans_ERET(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    /* ERET has no delay slot; in one it is UNPREDICTABLE: reserved. */
    if (s->in_slot)
        return false;
    ir_call0(s->c, &helper_mips_eret, IR_NONE);
    ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
    s->end = DISAS_NORETURN;
    return true;
}

static bool trans_WAIT(struct mips_dc *s, uint32_t i)
{
    if (!sys(s))
        return false;
    if (cp0_unusable(s))
        return true;
    if (s->in_slot)
        return false;
    ir_movi(s->c, mips_pc, mips_addr(s, s->pc + 4));
    ir_call1(s->c, &helper_mips_exception_exit, IR_NONE,
             ir_const_i32(s->c, EXCP_HALTED));
    ir_exit_tb(s->c, IR_EXIT_NOCHAIN);
    s->end = DISAS_NORETURN;
    return true;
}

#define TLB_OP(name, helper)                                                  \
    static bool trans_##name(struct mips_dc *s, uint32_t i)                   \
    {                                                                         \
        if (!sys(s))                                                          \
            return false;                                                     \
        if (cp0_unusable(s))                                                  \
            return true;                                                      \
        ir_call0(s->c, &helper, IR_NONE);                                     \
        if (!s->in_slot)                                                      \
            s->end = DISAS_UPDATE;                                            \
        return true;                                                          \
    }
TLB_OP(TLBR, helper_mips_tlbr)
TLB_OP(TLBWI, helper_mips_tlbwi)
TLB_OP(TLBWR, helper_mips_tlbwr)
TLB_OP(TLBP, helper_mips_tlbp)

/* SDBBP: with semihosting, code 1 is a UHI call (operation in $25,
 * arguments in $4..$7, results in $2/$3); otherwise, and without an
 * EJTAG debug unit, it is a reserved instruction. */
static uint64_t mips_semihost_call(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    if (!cpu->semihost)
        cpu_raise(c, EXCP_UDEF, 0);
    cpu->semihost(c);
    return 0;
}
IR_HELPER_DEF(mips_semihost_call, 0, false, 0);

static bool trans_SDBBP(struct mips_dc *s, uint32_t i)
{
    if (!sys(s) || ((i >> 6) & 0xfffff) != 1 || s->in_slot)
        return false;
    ir_call0(s->c, &helper_mips_semihost_call, IR_NONE);
    s->end = DISAS_UPDATE;
    return true;
}

#define COP0(rs) ((0x10u << 26) | (uint32_t)(rs) << 21)
#define COP0CO(f) ((0x10u << 26) | (1u << 25) | (f))
#define I32 MIPS_ISA_32

const struct mips_pattern mips_cp0_patterns[] = {
    /* bits 10:3 must be zero; sel in 2:0. */
    P(0xffe007f8u, COP0(0x00), MFC0, I32),
    P(0xffe007f8u, COP0(0x04), MTC0, I32),
    P(0xffe007f8u, COP0(0x01), DMFC0, MIPS_ISA_64),
    P(0xffe007f8u, COP0(0x05), DMTC0, MIPS_ISA_64),
    /* DI: rd = 12, sc = 0; EI: sc = 1. */
    P(0xffe0ffdfu, COP0(0x0b) | (12u << 11), MFMC0, I32),
    P(0xffffffffu, COP0CO(0x01), TLBR, I32),
    P(0xffffffffu, COP0CO(0x02), TLBWI, I32),
    P(0xffffffffu, COP0CO(0x06), TLBWR, I32),
    P(0xffffffffu, COP0CO(0x08), TLBP, I32),
    P(0xffffffffu, COP0CO(0x18), ERET, I32),
    /* WAIT's implementation-defined code field (bits 24:6) is ignored. */
    P(0xfe00003fu, COP0CO(0x20), WAIT, I32),
    P(M_FUNC, (0x1cu << 26) | 0x3f, SDBBP, I32),
};
MIPS_TABLE_END(mips_cp0_patterns);
