/*
 * Exceptions and interrupts of the MIPS32 PRA in system mode: turning
 * cpu_exec's exception codes into exception entry (Status.EXL, EPC and
 * Cause.BD, Cause.ExcCode/CE, the vectors under Status.BEV and
 * Cause.IV), interrupt delivery from Cause.IP & Status.IM, ERET, reset,
 * and the mode bits the TB flags carry.
 */
#include <stddef.h>

#include "engine/exec.h"
#include "engine/softmmu.h"
#include "target/mips/translate.h"

/* ---- Modes ----------------------------------------------------------------- */

/* Effective mode: kernel when EXL or ERL is set, else Status.KSU. */
static int cur_ksu(const struct mips_cpu *cpu)
{
    if (cpu->cp0_status & (CP0_ST_EXL | CP0_ST_ERL))
        return 0;
    int ksu = (cpu->cp0_status >> CP0_ST_KSU_SHIFT) & 3;
    return ksu == 3 ? 2 : ksu;
}

/* Is the code at pc reached through the TLB (its TBs depend on the
 * ASID)? */
static bool pc_mapped(const struct mips_cpu *cpu, uint64_t pc64)
{
    uint32_t pc = (uint32_t)pc64;
    if (cpu->is64 && pc64 != (uint64_t)(int64_t)(int32_t)pc64)
        return (pc64 >> 62) != 2 &&
               !((pc64 >> 62) == 0 && (cpu->cp0_status & CP0_ST_ERL));
    if (pc < 0x80000000u)
        return !(cpu->cp0_status & CP0_ST_ERL);
    return pc >= 0xc0000000u;
}

uint32_t mips_sys_tb_flags(struct mips_cpu *cpu, uint64_t pc)
{
    int ksu = cur_ksu(cpu);
    uint32_t f = MIPS_TBFLAG_SYS | (uint32_t)ksu << MIPS_TBFLAG_KSU_SHIFT;
    if (cpu->cp0_status & CP0_ST_ERL)
        f |= MIPS_TBFLAG_ERL;
    if (ksu == 0 || (cpu->cp0_status & CP0_ST_CU0))
        f |= MIPS_TBFLAG_CP0;
    if (cpu->cp0_status & CP0_ST_CU1)
        f |= MIPS_TBFLAG_CU1;
    if (pc_mapped(cpu, pc))
        f |= (cpu->cp0_entryhi & 0xffu) << MIPS_TBFLAG_ASID_SHIFT;
    return f;
}

/* Soft-MMU modes: 0 kernel, 1 supervisor, 2 user, 3 kernel with ERL
 * (kuseg unmapped). */
int mips_mmu_index(uint32_t flags)
{
    if (flags & MIPS_TBFLAG_ERL)
        return 3;
    return (flags >> MIPS_TBFLAG_KSU_SHIFT) & 3;
}

/* ---- Exception entry -------------------------------------------------------- */

void mips_exception_enter(struct mips_cpu *cpu, int exc, int refill)
{
    uint32_t offset = 0x180;
    uint32_t status = cpu->cp0_status;

    if (!(status & CP0_ST_EXL)) {
        cpu->cp0_epc = cpu->is64 ? cpu->pc : (uint32_t)cpu->pc;
        if (cpu->in_ds)
            cpu->cp0_cause |= CAUSE_BD;
        else
            cpu->cp0_cause &= ~CAUSE_BD;
        if (refill == MIPS_REFILL_XTLB)
            offset = 0x080;
        else if (refill)
            offset = 0;
        else if (exc == EXC_INT && (cpu->cp0_cause & CAUSE_IV))
            offset = 0x200;
    }
    /* With EXL already set, EPC and BD keep the first exception's. */
    cpu->in_ds = false;
    cpu->cp0_status = status | CP0_ST_EXL;
    cpu->cp0_cause = (cpu->cp0_cause & ~(0x1fu << CAUSE_EXC_SHIFT)) |
                     (uint32_t)exc << CAUSE_EXC_SHIFT;
    uint32_t base = (status & CP0_ST_BEV) ? 0xbfc00200u
                                      : (cpu->cp0_ebase & 0xfffff000u);
    /* MIPS64: the vectors are in the compatibility kseg0/kseg1. */
    cpu->pc = cpu->is64 ? (uint64_t)(int64_t)(int32_t)(base + offset)
                        : base + offset;
    cpu->halted = false;
}

static void set_ce(struct mips_cpu *cpu, int unit)
{
    cpu->cp0_cause = (cpu->cp0_cause & ~(3u << CAUSE_CE_SHIFT)) |
                     (uint32_t)unit << CAUSE_CE_SHIFT;
}

bool mips_do_exception(struct cpu_common *c, int excp)
{
    struct mips_cpu *cpu = mips_cpu(c);
    int exc;
    int refill = 0;

    switch (excp) {
    case EXCP_SYSCALL: exc = EXC_SYS; break;
    case MIPS_EXCP_BREAK: exc = EXC_BP; break;
    case EXCP_UDEF: exc = EXC_RI; break;
    case MIPS_EXCP_TRAP: exc = EXC_TR; break;
    case MIPS_EXCP_OVERFLOW: exc = EXC_OV; break;
    case MIPS_EXCP_FPE: exc = EXC_FPE; break;
    case EXCP_UNALIGNED:
        cpu->cp0_badvaddr = cpu->is64 ? c->fault_addr : (uint32_t)c->fault_addr;
        exc = c->fault_write ? EXC_ADES : EXC_ADEL;
        break;
    case EXCP_PREFETCH: {
        /* The translator found no executable RAM at fault_addr: redo the
         * lookup for the exception state. */
        int mmu = mips_mmu_index(mips_sys_tb_flags(cpu, cpu->pc));
        int code = mips_mmu_fault(cpu, c->fault_addr, MMU_INST_FETCH, mmu);
        if (code) {
            exc = (code - MIPS_EXCP_GUEST) & 0x1f;
            refill = (code - MIPS_EXCP_GUEST) & MIPS_EXCP_XREFILL;
            break;
        }
        if (softmmu_code_ptr(c, c->fault_addr, mmu)) {
            /* Fetchable now: the TB was made before the page (a delay
             * slot's) was mapped.  Drop it and run the code again. */
            tb_invalidate_range(cpu->pc, cpu->pc + 1);
            cpu->in_ds = false;
            return true;
        }
        exc = EXC_IBE;      /* mapped, but not memory (device space) */
        break;
    }
    default:
        if (excp >= MIPS_EXCP_GUEST && excp < MIPS_EXCP_GUEST + 0x100) {
            exc = (excp - MIPS_EXCP_GUEST) & 0x1f;
            refill = (excp - MIPS_EXCP_GUEST) & MIPS_EXCP_XREFILL;
        } else if (excp >= MIPS_EXCP_CPU && excp < MIPS_EXCP_CPU + 4) {
            exc = EXC_CPU;
            set_ce(cpu, excp - MIPS_EXCP_CPU);
        } else {
            return false;
        }
        break;
    }
    mips_exception_enter(cpu, exc, refill);
    return true;
}

/* ---- Interrupts --------------------------------------------------------------- */

static uint32_t pending_irqs(struct mips_cpu *cpu)
{
    return (mips_cause(cpu) & cpu->cp0_status) & (0xffu << CAUSE_IP_SHIFT);
}

bool mips_has_work(struct cpu_common *c)
{
    /* WAIT ends on any unmasked pending interrupt, even with IE clear. */
    return pending_irqs(mips_cpu(c)) != 0;
}

void mips_irq_recheck(struct mips_cpu *cpu)
{
    /* The CPU loop takes interrupts only when it is asked to look: after
     * a change that may make a pending one deliverable, ask. */
    if ((cpu->cp0_status & CP0_ST_IE) && !(cpu->cp0_status & (CP0_ST_EXL | CP0_ST_ERL)) &&
        pending_irqs(cpu))
        cpu_exit(&cpu->common);
}

bool mips_check_interrupt(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    if (!(cpu->cp0_status & CP0_ST_IE) || (cpu->cp0_status & (CP0_ST_EXL | CP0_ST_ERL)))
        return false;
    if (!pending_irqs(cpu))
        return false;
    cpu->in_ds = false;     /* taken between instructions */
    mips_exception_enter(cpu, EXC_INT, 0);
    return true;
}

void mips_set_irq(struct mips_cpu *cpu, int n, bool level)
{
    if (level)
        __atomic_or_fetch(&cpu->irq_lines, 1u << n, __ATOMIC_RELEASE);
    else
        __atomic_and_fetch(&cpu->irq_lines, ~(1u << n), __ATOMIC_RELEASE);
    cpu_exit(&cpu->common);
}

/* ---- ERET ---------------------------------------------------------------------- */

static uint64_t mips_eret(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    if (cpu->cp0_status & CP0_ST_ERL) {
        cpu->pc = cpu->cp0_errorepc;
        cpu->cp0_status &= ~CP0_ST_ERL;
    } else {
        cpu->pc = cpu->cp0_epc;
        cpu->cp0_status &= ~CP0_ST_EXL;
    }
    /* ERET clears the LL bit: an SC after it fails. */
    cpu->lladdr = ~0ull;
    mips_irq_recheck(cpu);
    return 0;
}
IR_HELPER_DEF(mips_eret, 0, false, IR_HELPER_NO_RAISE);

/* ---- Reset ------------------------------------------------------------------------ */

void mips_sys_reset(struct mips_cpu *cpu)
{
    cpu->sys = true;
    cpu->fr = 0;
    cpu->cp0_status = CP0_ST_BEV | CP0_ST_ERL;
    cpu->cp0_cause = 0;
    cpu->cp0_wired = 0;
    cpu->cp0_entryhi = 0;
    cpu->cp0_compare = 0;
    cpu->cp0_ebase = 0x80000000u;
    cpu->cp0_intctl = 7u << 29;         /* IPTI: timer on IP7 */
    cpu->cp0_errorepc = 0;
    cpu->count_offset = 0;
    cpu->timer_deadline = 0;
    cpu->halted = false;
    cpu->in_ds = false;
    cpu->irq_lines = 0;
    cpu->pc = cpu->is64 ? 0xffffffffbfc00000ull : 0xbfc00000u;
    cpu->lladdr = ~0ull;
    cpu->tlb_n = 16;
    for (int i = 0; i < MIPS_TLB_MAX; i++) {
        /* Distinct unmatched VPNs in kseg0, which never goes through the
         * TLB, so no two entries can match together. */
        cpu->tlb[i] = (struct mips_tlb_entry){
            .vpn2 = (cpu->is64 ? 0xc00000ff00000000ull : 0) + 0x80000000u +
                    ((uint32_t)i << 13) };
    }
    mips_cpu_sys_config(cpu);
    if (cpu->common.tlb)
        softmmu_tlb_flush(&cpu->common);
}
