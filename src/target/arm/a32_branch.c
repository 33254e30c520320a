/*
 * A32 branches, exception-generating instructions and the coprocessor
 * space: B, BL, BX, BLX (register), SVC, BKPT, MRC (only the user
 * read-only thread ID register), every other coprocessor access UNDEFINED.
 */
#include "target/arm/translate.h"
#include "util/bits.h"

static bool trans_B(struct arm_dc *s, uint32_t insn)
{
    int32_t off = (int32_t)(insn << 8) >> 6;
    arm_gen_direct_branch(s, s->pc + 8 + off, false);
    return true;
}

static bool trans_BL(struct arm_dc *s, uint32_t insn)
{
    int32_t off = (int32_t)(insn << 8) >> 6;
    ir_movi(s->c, arm_R[14], s->pc + 4);
    arm_gen_direct_branch(s, s->pc + 8 + off, false);
    return true;
}

static bool trans_BX(struct arm_dc *s, uint32_t insn)
{
    arm_bx_write_pc(s, arm_load_reg(s, extract32(insn, 0, 4)));
    return true;
}

static bool trans_BLX_reg(struct arm_dc *s, uint32_t insn)
{
    int rm = extract32(insn, 0, 4);
    if (rm == 15)
        return false;
    ir_t dest = arm_load_reg(s, rm);   /* read before LR is written */
    ir_movi(s->c, arm_R[14], s->pc + 4);
    arm_bx_write_pc(s, dest);
    return true;
}

/* SVC: user mode reads the immediate from the instruction itself. */
static bool trans_SVC(struct arm_dc *s, uint32_t insn)
{
    arm_gen_exception_next(s, EXCP_SYSCALL);
    return true;
}

static bool trans_BKPT(struct arm_dc *s, uint32_t insn)
{
    arm_gen_exception(s, ARM_EXCP_BKPT);
    return true;
}

/*
 * MRC p15, 0, Rd, c13, c0, 3 reads TPIDRURO (ARMv6K and later); nothing
 * else of any coprocessor is accessible from user mode.
 */
static bool trans_MRC(struct arm_dc *s, uint32_t insn)
{
    if (!(insn & (1u << 20)))
        return arm_gen_cp15_barrier(s, insn);

    int cp = extract32(insn, 8, 4), opc1 = extract32(insn, 21, 3);
    int crn = extract32(insn, 16, 4), crm = extract32(insn, 0, 4);
    int opc2 = extract32(insn, 5, 3), rd = extract32(insn, 12, 4);

    if (cp != 15 || opc1 != 0 || crn != 13 || crm != 0 || opc2 != 3 ||
        rd == 15 || !arm_has(s, ARM_FEATURE_V6K))
        return false;
    ir_t v = ir_new_i32(s->c);
    ir_ld_env(s->c, v, offsetof(struct arm_cpu, tpidruro), MO_32);
    arm_store_reg(s, rd, v);
    return true;
}

/*
 * MCR p15, 0, Rt, c7, c10, 5 / c7, c10, 4 / c7, c5, 4: the ARMv6 forms of
 * DMB, DSB and ISB, which user programs may execute.
 */
bool arm_gen_cp15_barrier(struct arm_dc *s, uint32_t insn)
{
    int cp = extract32(insn, 8, 4), opc1 = extract32(insn, 21, 3);
    int crn = extract32(insn, 16, 4), crm = extract32(insn, 0, 4);
    int opc2 = extract32(insn, 5, 3);

    if (cp != 15 || opc1 != 0 || crn != 7 || !arm_has(s, ARM_FEATURE_V6))
        return false;
    if (crm == 10 && (opc2 == 4 || opc2 == 5)) {
        ir_mb(s->c);
        return true;
    }
    if (crm == 5 && opc2 == 4) {
        s->end = DISAS_UPDATE;   /* ISB */
        return true;
    }
    return false;
}

const struct arm_pattern arm_a32_branch_patterns[] = {
    { 0x0ffffff0, 0x012fff10, "BX", trans_BX, ARM_FEATURE_V4T },
    { 0x0ffffff0, 0x012fff30, "BLX (register)", trans_BLX_reg, ARM_FEATURE_V5 },
    { 0xfff000f0, 0xe1200070, "BKPT", trans_BKPT, ARM_FEATURE_V5 },
    { 0x0f000000, 0x0a000000, "B", trans_B, ARM_NOFEAT },
    { 0x0f000000, 0x0b000000, "BL", trans_BL, ARM_NOFEAT },
    { 0x0f000000, 0x0f000000, "SVC", trans_SVC, ARM_NOFEAT },
    { 0x0f000010, 0x0e000010, "MRC/MCR", trans_MRC, ARM_NOFEAT },
    /* LDC/STC/MCRR/MRRC, CDP, MCR: no user-accessible coprocessor. */
    { 0x0e000000, 0x0c000000, "undefined (coprocessor load/store)", arm_trans_udef, ARM_NOFEAT },
    { 0x0f000000, 0x0e000000, "undefined (CDP/MCR)", arm_trans_udef, ARM_NOFEAT },
};
const int arm_a32_branch_npatterns = ARRAY_SIZE(arm_a32_branch_patterns);
