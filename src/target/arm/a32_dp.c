/*
 * A32 data processing (AND ... MVN with the three shifter-operand forms)
 * and the miscellaneous instructions living in its holes: MRS, MSR, CLZ,
 * QADD/QSUB/QDADD/QDSUB.
 */
#include "target/arm/translate.h"
#include "util/bits.h"

enum dp_op {
    DP_AND, DP_EOR, DP_SUB, DP_RSB, DP_ADD, DP_ADC, DP_SBC, DP_RSC,
    DP_TST, DP_TEQ, DP_CMP, DP_CMN, DP_ORR, DP_MOV, DP_BIC, DP_MVN,
};

static bool dp_is_logical(enum dp_op op)
{
    return op == DP_AND || op == DP_EOR || op == DP_TST || op == DP_TEQ ||
           op == DP_ORR || op == DP_MOV || op == DP_BIC || op == DP_MVN;
}

/*
 * The shifter operand (ARM ARM A5.1): immediate rotated by twice bits
 * 11:8, register shifted by an immediate, or register shifted by Rs.
 * carry, when wanted, receives shifter_carry_out.
 */
static ir_t gen_shifter_operand(struct arm_dc *s, uint32_t insn, ir_t carry)
{
    struct ir_ctx *c = s->c;
    ir_t op2 = ir_new_i32(c);

    if (insn & (1u << 25)) {
        unsigned rot = extract32(insn, 8, 4) * 2;
        uint32_t imm = extract32(insn, 0, 8);
        imm = rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
        ir_movi(c, op2, imm);
        if (carry != IR_NONE) {
            if (rot)
                ir_movi(c, carry, imm >> 31);
            else
                ir_mov(c, carry, arm_CF);
        }
    } else if (!(insn & (1u << 4))) {
        ir_t rm = arm_load_reg(s, extract32(insn, 0, 4));
        arm_gen_shift_imm(s, op2, rm, extract32(insn, 5, 2),
                          extract32(insn, 7, 5), carry);
    } else {
        ir_t rm = arm_load_reg(s, extract32(insn, 0, 4));
        ir_t rs = arm_load_reg(s, extract32(insn, 8, 4));
        arm_gen_shift_reg(s, op2, rm, extract32(insn, 5, 2), rs, carry);
    }
    return op2;
}

static bool gen_dp(struct arm_dc *s, uint32_t insn, enum dp_op op)
{
    struct ir_ctx *c = s->c;
    int rn = extract32(insn, 16, 4), rd = extract32(insn, 12, 4);
    bool test = op >= DP_TST && op <= DP_CMN;
    /* An S form writing the PC is an exception return (CPSR = SPSR); in
     * user mode there is no SPSR and it acts as a plain PC write. */
    bool setflags = (insn & (1u << 20)) && (rd != 15 || test);
    bool logic = dp_is_logical(op);
    ir_t carry = setflags && logic ? ir_new_i32(c) : IR_NONE;
    ir_t op2 = gen_shifter_operand(s, insn, carry);
    ir_t a = (op == DP_MOV || op == DP_MVN) ? IR_NONE : arm_load_reg(s, rn);
    ir_t res = ir_new_i32(c);

    switch (op) {
    case DP_AND: case DP_TST: ir_and(c, res, a, op2); break;
    case DP_EOR: case DP_TEQ: ir_xor(c, res, a, op2); break;
    case DP_ORR: ir_or(c, res, a, op2); break;
    case DP_BIC: ir_andc(c, res, a, op2); break;
    case DP_MOV: ir_mov(c, res, op2); break;
    case DP_MVN: ir_not(c, res, op2); break;
    case DP_SUB: case DP_CMP:
        if (setflags) arm_gen_sub_cc(s, res, a, op2);
        else ir_sub(c, res, a, op2);
        break;
    case DP_RSB:
        if (setflags) arm_gen_sub_cc(s, res, op2, a);
        else ir_sub(c, res, op2, a);
        break;
    case DP_ADD: case DP_CMN:
        if (setflags) arm_gen_add_cc(s, res, a, op2);
        else ir_add(c, res, a, op2);
        break;
    case DP_ADC:
        if (setflags) arm_gen_adc_cc(s, res, a, op2);
        else arm_gen_adc(s, res, a, op2);
        break;
    case DP_SBC:
        if (setflags) arm_gen_sbc_cc(s, res, a, op2);
        else arm_gen_sbc(s, res, a, op2);
        break;
    case DP_RSC:
        if (setflags) arm_gen_sbc_cc(s, res, op2, a);
        else arm_gen_sbc(s, res, op2, a);
        break;
    }
    if (setflags && logic) {
        arm_gen_logic_flags(s, res);
        ir_mov(c, arm_CF, carry);
    }
    if (test)
        return true;
    if (rd == 15)
        arm_alu_write_pc(s, res);
    else
        arm_store_reg(s, rd, res);
    return true;
}

#define DP_TRANS(NAME)                                                      \
    static bool trans_##NAME(struct arm_dc *s, uint32_t insn)              \
    {                                                                       \
        return gen_dp(s, insn, DP_##NAME);                                  \
    }
DP_TRANS(AND) DP_TRANS(EOR) DP_TRANS(SUB) DP_TRANS(RSB)
DP_TRANS(ADD) DP_TRANS(ADC) DP_TRANS(SBC) DP_TRANS(RSC)
DP_TRANS(TST) DP_TRANS(TEQ) DP_TRANS(CMP) DP_TRANS(CMN)
DP_TRANS(ORR) DP_TRANS(MOV) DP_TRANS(BIC) DP_TRANS(MVN)

/* ---- Status register access ---------------------------------------------- */

/* MRS Rd, CPSR.  SPSR does not exist in user mode. */
static bool trans_MRS(struct arm_dc *s, uint32_t insn)
{
    int rd = extract32(insn, 12, 4);
    if ((insn & (1u << 22)) || rd == 15)
        return false;
    ir_t v = ir_new_i32(s->c);
    ir_call0(s->c, &helper_arm_mrs_cpsr, v);
    arm_store_reg(s, rd, v);
    return true;
}

/*
 * MSR CPSR_<fields>: in user mode only the flags byte (f: NZCVQ) and, from
 * ARMv6, the GE bits (s) are writable; other fields are ignored.
 */
static bool gen_msr(struct arm_dc *s, uint32_t insn, ir_t v)
{
    struct ir_ctx *c = s->c;
    if (insn & (1u << 22))
        return false;
    if (insn & (1u << 19)) {
        ir_mov(c, arm_NF, v);
        ir_andi(c, arm_ZF, v, CPSR_Z);
        ir_xori(c, arm_ZF, arm_ZF, CPSR_Z);
        ir_extract(c, arm_CF, v, 29, 1);
        ir_shli(c, arm_VF, v, 3);
        ir_extract(c, arm_QF, v, 27, 1);
    }
    if ((insn & (1u << 18)) && arm_has(s, ARM_FEATURE_V6)) {
        ir_t ge = ir_new_i32(c);
        ir_extract(c, ge, v, 16, 4);
        ir_st_env(c, ge, offsetof(struct arm_cpu, ge), MO_32);
    }
    return true;
}

static bool trans_MSR_reg(struct arm_dc *s, uint32_t insn)
{
    int rm = extract32(insn, 0, 4);
    if (rm == 15)
        return false;
    return gen_msr(s, insn, arm_load_reg(s, rm));
}

static bool trans_MSR_imm(struct arm_dc *s, uint32_t insn)
{
    unsigned rot = extract32(insn, 8, 4) * 2;
    uint32_t imm = extract32(insn, 0, 8);
    imm = rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
    return gen_msr(s, insn, ir_const_i32(s->c, imm));
}

/* ---- Count leading zeros, saturating arithmetic ------------------------- */

static bool trans_CLZ(struct arm_dc *s, uint32_t insn)
{
    int rd = extract32(insn, 12, 4), rm = extract32(insn, 0, 4);
    if (rd == 15 || rm == 15)
        return false;
    ir_t v = arm_load_reg(s, rm);
    ir_clz(s->c, v, v);
    arm_store_reg(s, rd, v);
    return true;
}

/* Rd = sat(Rm op [sat(2 * Rn)]); Q is set by either saturation. */
static bool gen_qarith(struct arm_dc *s, uint32_t insn, bool sub, bool dbl)
{
    int rd = extract32(insn, 12, 4), rn = extract32(insn, 16, 4);
    int rm = extract32(insn, 0, 4);
    if (rd == 15 || rn == 15 || rm == 15)
        return false;
    ir_t a = arm_load_reg(s, rm), b = arm_load_reg(s, rn);
    ir_t r = ir_new_i32(s->c);
    if (dbl)
        arm_gen_qadd(s, b, b, b);
    if (sub)
        arm_gen_qsub(s, r, a, b);
    else
        arm_gen_qadd(s, r, a, b);
    arm_store_reg(s, rd, r);
    return true;
}

static bool trans_QADD(struct arm_dc *s, uint32_t insn)
{
    return gen_qarith(s, insn, false, false);
}

static bool trans_QSUB(struct arm_dc *s, uint32_t insn)
{
    return gen_qarith(s, insn, true, false);
}

static bool trans_QDADD(struct arm_dc *s, uint32_t insn)
{
    return gen_qarith(s, insn, false, true);
}

static bool trans_QDSUB(struct arm_dc *s, uint32_t insn)
{
    return gen_qarith(s, insn, true, true);
}

const struct arm_pattern arm_a32_dp_patterns[] = {
    /* Miscellaneous instructions (ARM ARM A3.16 / A5.2.12). */
    { 0x0fbf0fff, 0x010f0000, "MRS", trans_MRS, ARM_NOFEAT },
    { 0x0fb0fff0, 0x0120f000, "MSR (register)", trans_MSR_reg, ARM_NOFEAT },
    { 0x0fb00000, 0x03200000, "MSR (immediate)", trans_MSR_imm, ARM_NOFEAT },
    { 0x0fff0ff0, 0x016f0f10, "CLZ", trans_CLZ, ARM_FEATURE_V5 },
    { 0x0ff00ff0, 0x01000050, "QADD", trans_QADD, ARM_FEATURE_V5TE },
    { 0x0ff00ff0, 0x01200050, "QSUB", trans_QSUB, ARM_FEATURE_V5TE },
    { 0x0ff00ff0, 0x01400050, "QDADD", trans_QDADD, ARM_FEATURE_V5TE },
    { 0x0ff00ff0, 0x01600050, "QDSUB", trans_QDSUB, ARM_FEATURE_V5TE },
    /* Unallocated parts of the holes: UNDEFINED. */
    { 0x0f900000, 0x01000000, "undefined (miscellaneous)", arm_trans_udef, ARM_NOFEAT },
    { 0x0e000090, 0x00000090, "undefined (multiply/extra load-store)", arm_trans_udef, ARM_NOFEAT },
    { 0x0fb00000, 0x03000000, "undefined (MSR immediate hole)", arm_trans_udef, ARM_NOFEAT },
    /* Data processing: opcode in bits 24:21, any shifter operand form. */
    { 0x0de00000, 0x00000000, "AND", trans_AND, ARM_NOFEAT },
    { 0x0de00000, 0x00200000, "EOR", trans_EOR, ARM_NOFEAT },
    { 0x0de00000, 0x00400000, "SUB", trans_SUB, ARM_NOFEAT },
    { 0x0de00000, 0x00600000, "RSB", trans_RSB, ARM_NOFEAT },
    { 0x0de00000, 0x00800000, "ADD", trans_ADD, ARM_NOFEAT },
    { 0x0de00000, 0x00a00000, "ADC", trans_ADC, ARM_NOFEAT },
    { 0x0de00000, 0x00c00000, "SBC", trans_SBC, ARM_NOFEAT },
    { 0x0de00000, 0x00e00000, "RSC", trans_RSC, ARM_NOFEAT },
    { 0x0df00000, 0x01100000, "TST", trans_TST, ARM_NOFEAT },
    { 0x0df00000, 0x01300000, "TEQ", trans_TEQ, ARM_NOFEAT },
    { 0x0df00000, 0x01500000, "CMP", trans_CMP, ARM_NOFEAT },
    { 0x0df00000, 0x01700000, "CMN", trans_CMN, ARM_NOFEAT },
    { 0x0de00000, 0x01800000, "ORR", trans_ORR, ARM_NOFEAT },
    { 0x0de00000, 0x01a00000, "MOV", trans_MOV, ARM_NOFEAT },
    { 0x0de00000, 0x01c00000, "BIC", trans_BIC, ARM_NOFEAT },
    { 0x0de00000, 0x01e00000, "MVN", trans_MVN, ARM_NOFEAT },
};
const int arm_a32_dp_npatterns = ARRAY_SIZE(arm_a32_dp_patterns);
