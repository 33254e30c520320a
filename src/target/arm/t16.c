/*
 * Thumb (16-bit, ARMv4T/v5T) instructions, and the BL/BLX prefix+suffix
 * pair, which is decoded as one 32-bit instruction when both halves are
 * present.  Outside an IT block (none before Thumb-2) every low-register
 * data-processing instruction sets the flags.
 */
#include "target/arm/translate.h"
#include "util/bits.h"

#define RD3(i) extract32(i, 0, 3)
#define RN3(i) extract32(i, 3, 3)
#define RM3(i) extract32(i, 6, 3)

/* ---- Shifts, add/subtract, immediates (A6.2.1) --------------------------- */

static bool gen_shift_imm(struct arm_dc *s, uint32_t insn, int type)
{
    bool sf = !s->in_it;
    ir_t v = arm_load_reg(s, RN3(insn));
    ir_t carry = sf ? ir_new_i32(s->c) : IR_NONE;
    ir_t r = ir_new_i32(s->c);
    arm_gen_shift_imm(s, r, v, type, extract32(insn, 6, 5), carry);
    if (sf) {
        arm_gen_logic_flags(s, r);
        ir_mov(s->c, arm_CF, carry);
    }
    arm_store_reg(s, RD3(insn), r);
    return true;
}

/* Add/subtract setting NZCV outside an IT block, plain inside one. */
static void gen_addsub(struct arm_dc *s, ir_t r, ir_t a, ir_t b, bool sub,
                       bool sf)
{
    if (sf)
        sub ? arm_gen_sub_cc(s, r, a, b) : arm_gen_add_cc(s, r, a, b);
    else
        sub ? ir_sub(s->c, r, a, b) : ir_add(s->c, r, a, b);
}

static bool trans_T_LSL_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_shift_imm(s, insn, ARM_LSL);
}

static bool trans_T_LSR_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_shift_imm(s, insn, ARM_LSR);
}

static bool trans_T_ASR_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_shift_imm(s, insn, ARM_ASR);
}

static bool gen_addsub3(struct arm_dc *s, uint32_t insn, bool sub, bool imm)
{
    ir_t a = arm_load_reg(s, RN3(insn)), r = ir_new_i32(s->c);
    ir_t b = imm ? ir_const_i32(s->c, RM3(insn)) : arm_load_reg(s, RM3(insn));
    gen_addsub(s, r, a, b, sub, !s->in_it);
    arm_store_reg(s, RD3(insn), r);
    return true;
}

static bool trans_T_ADD_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_addsub3(s, insn, false, false);
}

static bool trans_T_SUB_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_addsub3(s, insn, true, false);
}

static bool trans_T_ADD_imm3(struct arm_dc *s, uint32_t insn)
{
    return gen_addsub3(s, insn, false, true);
}

static bool trans_T_SUB_imm3(struct arm_dc *s, uint32_t insn)
{
    return gen_addsub3(s, insn, true, true);
}

/* MOV/CMP/ADD/SUB Rdn, #imm8 (Rdn in bits 10:8). */
static bool trans_T_MOV_imm(struct arm_dc *s, uint32_t insn)
{
    ir_t r = ir_const_i32(s->c, extract32(insn, 0, 8));
    if (!s->in_it)
        arm_gen_logic_flags(s, r);
    arm_store_reg(s, extract32(insn, 8, 3), r);
    return true;
}

static bool gen_imm8(struct arm_dc *s, uint32_t insn, bool sub, bool store)
{
    int rdn = extract32(insn, 8, 3);
    ir_t a = arm_load_reg(s, rdn), r = ir_new_i32(s->c);
    ir_t b = ir_const_i32(s->c, extract32(insn, 0, 8));
    gen_addsub(s, r, a, b, sub, !store || !s->in_it);   /* CMP always */
    if (store)
        arm_store_reg(s, rdn, r);
    return true;
}

static bool trans_T_CMP_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_imm8(s, insn, true, false);
}

static bool trans_T_ADD_imm8(struct arm_dc *s, uint32_t insn)
{
    return gen_imm8(s, insn, false, true);
}

static bool trans_T_SUB_imm8(struct arm_dc *s, uint32_t insn)
{
    return gen_imm8(s, insn, true, true);
}

/* ---- Data processing, Rdn and Rm (A6.2.2) --------------------------------- */

enum t_dp { T_AND, T_EOR, T_LSL, T_LSR, T_ASR, T_ADC, T_SBC, T_ROR,
            T_TST, T_NEG, T_CMP, T_CMN, T_ORR, T_MUL, T_BIC, T_MVN };

static bool gen_t_dp(struct arm_dc *s, uint32_t insn, enum t_dp op)
{
    struct ir_ctx *c = s->c;
    int rdn = RD3(insn);
    ir_t a = arm_load_reg(s, rdn), b = arm_load_reg(s, RN3(insn));
    ir_t r = ir_new_i32(c), carry;
    bool store = true;
    bool sf = !s->in_it || op == T_TST || op == T_CMP || op == T_CMN;

    switch (op) {
    case T_AND: case T_TST: ir_and(c, r, a, b); break;
    case T_EOR: ir_xor(c, r, a, b); break;
    case T_ORR: ir_or(c, r, a, b); break;
    case T_BIC: ir_andc(c, r, a, b); break;
    case T_MVN: ir_not(c, r, b); break;
    case T_MUL: ir_mul(c, r, a, b); break;   /* C unchanged (ARMv5+) */
    case T_LSL: case T_LSR: case T_ASR: case T_ROR:
        carry = sf ? ir_new_i32(c) : IR_NONE;
        arm_gen_shift_reg(s, r, a,
                          op == T_LSL ? ARM_LSL : op == T_LSR ? ARM_LSR :
                          op == T_ASR ? ARM_ASR : ARM_ROR, b, carry);
        if (sf)
            ir_mov(c, arm_CF, carry);
        break;
    case T_ADC:
        sf ? arm_gen_adc_cc(s, r, a, b) : arm_gen_adc(s, r, a, b);
        break;
    case T_SBC:
        sf ? arm_gen_sbc_cc(s, r, a, b) : arm_gen_sbc(s, r, a, b);
        break;
    case T_NEG: gen_addsub(s, r, ir_const_i32(c, 0), b, true, sf); break;
    case T_CMP: arm_gen_sub_cc(s, r, a, b); break;
    case T_CMN: arm_gen_add_cc(s, r, a, b); break;
    }
    if (op == T_AND || op == T_EOR || op == T_ORR || op == T_BIC ||
        op == T_MVN || op == T_MUL || op == T_TST || op == T_LSL ||
        op == T_LSR || op == T_ASR || op == T_ROR) {
        if (sf)
            arm_gen_logic_flags(s, r);
    }
    if (op == T_TST || op == T_CMP || op == T_CMN)
        store = false;
    if (store)
        arm_store_reg(s, rdn, r);
    return true;
}

#define T_DP_TRANS(NAME)                                                    \
    static bool trans_T_##NAME(struct arm_dc *s, uint32_t insn)            \
    {                                                                       \
        return gen_t_dp(s, insn, T_##NAME);                                 \
    }
T_DP_TRANS(AND) T_DP_TRANS(EOR) T_DP_TRANS(LSL) T_DP_TRANS(LSR)
T_DP_TRANS(ASR) T_DP_TRANS(ADC) T_DP_TRANS(SBC) T_DP_TRANS(ROR)
T_DP_TRANS(TST) T_DP_TRANS(NEG) T_DP_TRANS(CMP) T_DP_TRANS(CMN)
T_DP_TRANS(ORR) T_DP_TRANS(MUL) T_DP_TRANS(BIC) T_DP_TRANS(MVN)

/* ---- High registers and branch/exchange (A6.2.3) ------------------------- */

#define HRD(i) (extract32(i, 0, 3) | (extract32(i, 7, 1) << 3))
#define HRM(i) extract32(i, 3, 4)

static bool trans_T_ADD_hi(struct arm_dc *s, uint32_t insn)
{
    int rd = HRD(insn);
    ir_t r = arm_load_reg(s, rd);
    ir_add(s->c, r, r, arm_load_reg(s, HRM(insn)));
    if (rd == 15)
        arm_branch_write_pc(s, r);
    else
        arm_store_reg(s, rd, r);
    return true;
}

static bool trans_T_CMP_hi(struct arm_dc *s, uint32_t insn)
{
    ir_t r = ir_new_i32(s->c);
    if (HRD(insn) == 15)
        return false;
    arm_gen_sub_cc(s, r, arm_load_reg(s, HRD(insn)),
                   arm_load_reg(s, HRM(insn)));
    return true;
}

static bool trans_T_MOV_hi(struct arm_dc *s, uint32_t insn)
{
    int rd = HRD(insn);
    ir_t r = arm_load_reg(s, HRM(insn));
    if (rd == 15)
        arm_branch_write_pc(s, r);
    else
        arm_store_reg(s, rd, r);
    return true;
}

static bool trans_T_BX(struct arm_dc *s, uint32_t insn)
{
    arm_bx_write_pc(s, arm_load_reg(s, HRM(insn)));
    return true;
}

static bool trans_T_BLX_reg(struct arm_dc *s, uint32_t insn)
{
    if (HRM(insn) == 15)
        return false;
    ir_t dest = arm_load_reg(s, HRM(insn));
    ir_movi(s->c, arm_R[14], (s->pc + 2) | 1);
    arm_bx_write_pc(s, dest);
    return true;
}

/* ---- Loads and stores (A6.2.4) ------------------------------------------- */

static bool gen_t_ldst(struct arm_dc *s, int rt, ir_t addr, enum ir_memop mo,
                       bool load)
{
    if (load) {
        ir_t v = ir_new_i32(s->c);
        ir_guest_ld(s->c, v, addr, arm_mo(s, mo));
        arm_store_reg(s, rt, v);
    } else {
        ir_guest_st(s->c, arm_load_reg(s, rt), addr, arm_mo(s, mo));
    }
    return true;
}

static bool trans_T_LDR_lit(struct arm_dc *s, uint32_t insn)
{
    ir_t addr = ir_const_i32(s->c, arm_pc_read_value(s) +
                                   extract32(insn, 0, 8) * 4);
    return gen_t_ldst(s, extract32(insn, 8, 3), addr, MO_32, true);
}

/* [Rn, Rm] */
static bool gen_t_ldst_reg(struct arm_dc *s, uint32_t insn, enum ir_memop mo,
                           bool load)
{
    ir_t addr = arm_load_reg(s, RN3(insn));
    ir_add(s->c, addr, addr, arm_load_reg(s, RM3(insn)));
    return gen_t_ldst(s, RD3(insn), addr, mo, load);
}

static bool trans_T_STR_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_32, false);
}

static bool trans_T_STRH_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_16, false);
}

static bool trans_T_STRB_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_8, false);
}

static bool trans_T_LDRSB_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_8 | MO_SIGN, true);
}

static bool trans_T_LDR_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_32, true);
}

static bool trans_T_LDRH_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_16, true);
}

static bool trans_T_LDRB_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_8, true);
}

static bool trans_T_LDRSH_reg(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_reg(s, insn, MO_16 | MO_SIGN, true);
}

/* [Rn, #imm5 * size] */
static bool gen_t_ldst_imm(struct arm_dc *s, uint32_t insn, enum ir_memop mo,
                           bool load)
{
    ir_t addr = arm_load_reg(s, RN3(insn));
    ir_addi(s->c, addr, addr, extract32(insn, 6, 5) << (mo & MO_SIZE));
    return gen_t_ldst(s, RD3(insn), addr, mo, load);
}

static bool trans_T_STR_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_imm(s, insn, MO_32, false);
}

static bool trans_T_LDR_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_imm(s, insn, MO_32, true);
}

static bool trans_T_STRB_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_imm(s, insn, MO_8, false);
}

static bool trans_T_LDRB_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_imm(s, insn, MO_8, true);
}

static bool trans_T_STRH_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_imm(s, insn, MO_16, false);
}

static bool trans_T_LDRH_imm(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_imm(s, insn, MO_16, true);
}

/* [SP, #imm8 * 4] */
static bool gen_t_ldst_sp(struct arm_dc *s, uint32_t insn, bool load)
{
    ir_t addr = arm_load_reg(s, 13);
    ir_addi(s->c, addr, addr, extract32(insn, 0, 8) * 4);
    return gen_t_ldst(s, extract32(insn, 8, 3), addr, MO_32, load);
}

static bool trans_T_STR_sp(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_sp(s, insn, false);
}

static bool trans_T_LDR_sp(struct arm_dc *s, uint32_t insn)
{
    return gen_t_ldst_sp(s, insn, true);
}

/* ---- SP and PC relative addresses, SP adjust (A6.2.5) --------------------- */

static bool trans_T_ADR(struct arm_dc *s, uint32_t insn)
{
    arm_store_reg(s, extract32(insn, 8, 3),
                  ir_const_i32(s->c, arm_pc_read_value(s) +
                                     extract32(insn, 0, 8) * 4));
    return true;
}

static bool trans_T_ADD_sp_imm8(struct arm_dc *s, uint32_t insn)
{
    ir_t r = arm_load_reg(s, 13);
    ir_addi(s->c, r, r, extract32(insn, 0, 8) * 4);
    arm_store_reg(s, extract32(insn, 8, 3), r);
    return true;
}

static bool trans_T_ADD_sp_imm7(struct arm_dc *s, uint32_t insn)
{
    ir_addi(s->c, arm_R[13], arm_R[13], extract32(insn, 0, 7) * 4);
    return true;
}

static bool trans_T_SUB_sp_imm7(struct arm_dc *s, uint32_t insn)
{
    ir_subi(s->c, arm_R[13], arm_R[13], extract32(insn, 0, 7) * 4);
    return true;
}

/* ---- Block transfers ------------------------------------------------------ */

static bool trans_T_PUSH(struct arm_dc *s, uint32_t insn)
{
    uint32_t list = extract32(insn, 0, 8) | (extract32(insn, 8, 1) << 14);
    return arm_gen_ldm_stm(s, 13, list, false, true, false, true);
}

/* POP {..., pc} interworks on ARMv5T (LoadWritePC). */
static bool trans_T_POP(struct arm_dc *s, uint32_t insn)
{
    uint32_t list = extract32(insn, 0, 8) | (extract32(insn, 8, 1) << 15);
    return arm_gen_ldm_stm(s, 13, list, true, false, true, true);
}

static bool trans_T_STMIA(struct arm_dc *s, uint32_t insn)
{
    return arm_gen_ldm_stm(s, extract32(insn, 8, 3), extract32(insn, 0, 8),
                           false, false, true, true);
}

/* The base is written back unless it is in the list (then the loaded
 * value is the result). */
static bool trans_T_LDMIA(struct arm_dc *s, uint32_t insn)
{
    int rn = extract32(insn, 8, 3);
    uint32_t list = extract32(insn, 0, 8);
    return arm_gen_ldm_stm(s, rn, list, true, false, true,
                           !(list & (1u << rn)));
}

/* ---- Exceptions and branches (A6.2.6, A6.2.7) ---------------------------- */

static bool trans_T_BKPT(struct arm_dc *s, uint32_t insn)
{
    arm_gen_exception(s, ARM_EXCP_BKPT);
    return true;
}

static bool trans_T_SVC(struct arm_dc *s, uint32_t insn)
{
    arm_gen_exception_next(s, EXCP_SYSCALL);
    return true;
}

static bool trans_T_B_cond(struct arm_dc *s, uint32_t insn)
{
    int32_t off = (int32_t)(insn << 24) >> 23;
    s->condlabel = ir_new_label(s->c);
    s->condjmp = true;
    arm_gen_test_cc(s, extract32(insn, 8, 4), s->condlabel);
    arm_gen_direct_branch(s, s->pc + 4 + off, true);
    return true;
}

static bool trans_T_B(struct arm_dc *s, uint32_t insn)
{
    int32_t off = (int32_t)(insn << 21) >> 20;
    arm_gen_direct_branch(s, s->pc + 4 + off, true);
    return true;
}

/*
 * The halves of BL/BLX executed one at a time (ARMv4T/v5T allow this):
 * the prefix leaves PC + 4 + (offset_hi << 12) in LR, the suffix adds its
 * own offset to LR and branches, leaving the return address in LR.
 */
static bool trans_T_BL_prefix(struct arm_dc *s, uint32_t insn)
{
    int32_t hi = (int32_t)(insn << 21) >> 9;
    ir_movi(s->c, arm_R[14], s->pc + 4 + hi);
    return true;
}

static bool gen_bl_suffix(struct arm_dc *s, uint32_t insn, bool to_arm)
{
    struct ir_ctx *c = s->c;
    ir_t dest = ir_new_i32(c);
    ir_addi(c, dest, arm_R[14], extract32(insn, 0, 11) << 1);
    ir_movi(c, arm_R[14], s->next_pc | 1);
    if (to_arm) {
        ir_movi(c, arm_thumb_g, 0);
        ir_andi(c, arm_R[15], dest, ~3u);
        s->end = DISAS_JUMP;
    } else {
        arm_branch_write_pc(s, dest);
    }
    return true;
}

static bool trans_T_BL_suffix(struct arm_dc *s, uint32_t insn)
{
    return gen_bl_suffix(s, insn, false);
}

static bool trans_T_BLX_suffix(struct arm_dc *s, uint32_t insn)
{
    if (insn & 1)
        return false;
    return gen_bl_suffix(s, insn, true);
}

/* The pair as one instruction: insn = prefix << 16 | suffix. */
static bool trans_T_BL_pair(struct arm_dc *s, uint32_t insn)
{
    int32_t off = ((int32_t)((insn >> 16) << 21) >> 9) |
                  (extract32(insn, 0, 11) << 1);
    bool blx = !(insn & (1u << 12));
    uint32_t dest = s->pc + 4 + off;

    if (blx && (insn & 1))
        return false;
    ir_movi(s->c, arm_R[14], s->next_pc | 1);
    if (blx)
        arm_gen_direct_branch(s, dest & ~3u, false);
    else
        arm_gen_direct_branch(s, dest, true);
    return true;
}

/* ---- ARMv6 and ARMv6T2 additions (A6.2.5) ----------------------------------- */

/* SXTH, SXTB, UXTH, UXTB Rd, Rm (bits 7:6 select). */
static bool trans_T_extend(struct arm_dc *s, uint32_t insn)
{
    int op = extract32(insn, 6, 2);
    arm_gen_extend(s, RD3(insn), 15, RN3(insn), 0,
                   (op & 1) ? ARM_XTB : ARM_XTH, !(op & 2));
    return true;
}

/* REV, REV16, REVSH (bits 7:6 = 00, 01, 11). */
static bool trans_T_rev(struct arm_dc *s, uint32_t insn)
{
    static const int kinds[4] = { 0, 1, -1, 2 };
    int k = kinds[extract32(insn, 6, 2)];
    if (k < 0)
        return false;
    arm_gen_rev(s, RD3(insn), RN3(insn), k);
    return true;
}

static bool trans_T_SETEND(struct arm_dc *s, uint32_t insn)
{
    if (s->in_it)
        return false;
    arm_gen_setend(s, insn & (1u << 3));
    return true;
}

/* CPS: privileged state only, a no-op in user mode. */
static bool trans_T_CPS(struct arm_dc *s, uint32_t insn)
{
    return true;
}

/* CBZ/CBNZ Rn, label: forward only, never inside an IT block. */
static bool trans_T_CBZ(struct arm_dc *s, uint32_t insn)
{
    uint32_t off = (extract32(insn, 9, 1) << 6) | (extract32(insn, 3, 5) << 1);
    if (s->in_it)
        return false;
    s->condlabel = ir_new_label(s->c);
    s->condjmp = true;
    ir_brcondi(s->c, (insn & (1u << 11)) ? IR_COND_EQ : IR_COND_NE,
               arm_R[RD3(insn)], 0, s->condlabel);
    arm_gen_direct_branch(s, s->pc + 4 + off, true);
    return true;
}

/*
 * IT: the next one to four instructions are conditional.  ITSTATE is the
 * instruction's low byte (firstcond:mask); the TB loop advances it after
 * every instruction.  mask == 0 encodes the hints NOP, YIELD, WFE, WFI,
 * SEV, which need nothing in user mode.
 */
static bool trans_T_IT(struct arm_dc *s, uint32_t insn)
{
    uint32_t cond = extract32(insn, 4, 4), mask = extract32(insn, 0, 4);
    if (mask == 0)
        return true;
    if (s->in_it || cond == 0xf || (cond == 0xe && __builtin_popcount(mask) != 1))
        return false;
    s->it_next = insn & 0xff;
    s->it_used = true;
    return true;
}

static const struct arm_pattern t16_patterns[] = {
    { 0xff00, 0xb200, "SXTH/SXTB/UXTH/UXTB", trans_T_extend, ARM_FEATURE_V6 },
    { 0xff00, 0xba00, "REV/REV16/REVSH", trans_T_rev, ARM_FEATURE_V6 },
    { 0xfff7, 0xb650, "SETEND", trans_T_SETEND, ARM_FEATURE_V6 },
    { 0xffe8, 0xb660, "CPS", trans_T_CPS, ARM_FEATURE_V6 },
    { 0xf500, 0xb100, "CBZ/CBNZ", trans_T_CBZ, ARM_FEATURE_THUMB2 },
    { 0xff00, 0xbf00, "IT/hints", trans_T_IT, ARM_FEATURE_THUMB2 },
    { 0xf800, 0x0000, "LSL (immediate)", trans_T_LSL_imm, ARM_NOFEAT },
    { 0xf800, 0x0800, "LSR (immediate)", trans_T_LSR_imm, ARM_NOFEAT },
    { 0xf800, 0x1000, "ASR (immediate)", trans_T_ASR_imm, ARM_NOFEAT },
    { 0xfe00, 0x1800, "ADD (register)", trans_T_ADD_reg, ARM_NOFEAT },
    { 0xfe00, 0x1a00, "SUB (register)", trans_T_SUB_reg, ARM_NOFEAT },
    { 0xfe00, 0x1c00, "ADD (immediate, 3 bits)", trans_T_ADD_imm3, ARM_NOFEAT },
    { 0xfe00, 0x1e00, "SUB (immediate, 3 bits)", trans_T_SUB_imm3, ARM_NOFEAT },
    { 0xf800, 0x2000, "MOV (immediate)", trans_T_MOV_imm, ARM_NOFEAT },
    { 0xf800, 0x2800, "CMP (immediate)", trans_T_CMP_imm, ARM_NOFEAT },
    { 0xf800, 0x3000, "ADD (immediate, 8 bits)", trans_T_ADD_imm8, ARM_NOFEAT },
    { 0xf800, 0x3800, "SUB (immediate, 8 bits)", trans_T_SUB_imm8, ARM_NOFEAT },
    { 0xffc0, 0x4000, "AND", trans_T_AND, ARM_NOFEAT },
    { 0xffc0, 0x4040, "EOR", trans_T_EOR, ARM_NOFEAT },
    { 0xffc0, 0x4080, "LSL (register)", trans_T_LSL, ARM_NOFEAT },
    { 0xffc0, 0x40c0, "LSR (register)", trans_T_LSR, ARM_NOFEAT },
    { 0xffc0, 0x4100, "ASR (register)", trans_T_ASR, ARM_NOFEAT },
    { 0xffc0, 0x4140, "ADC", trans_T_ADC, ARM_NOFEAT },
    { 0xffc0, 0x4180, "SBC", trans_T_SBC, ARM_NOFEAT },
    { 0xffc0, 0x41c0, "ROR", trans_T_ROR, ARM_NOFEAT },
    { 0xffc0, 0x4200, "TST", trans_T_TST, ARM_NOFEAT },
    { 0xffc0, 0x4240, "NEG (RSB #0)", trans_T_NEG, ARM_NOFEAT },
    { 0xffc0, 0x4280, "CMP (register)", trans_T_CMP, ARM_NOFEAT },
    { 0xffc0, 0x42c0, "CMN", trans_T_CMN, ARM_NOFEAT },
    { 0xffc0, 0x4300, "ORR", trans_T_ORR, ARM_NOFEAT },
    { 0xffc0, 0x4340, "MUL", trans_T_MUL, ARM_NOFEAT },
    { 0xffc0, 0x4380, "BIC", trans_T_BIC, ARM_NOFEAT },
    { 0xffc0, 0x43c0, "MVN", trans_T_MVN, ARM_NOFEAT },
    { 0xff00, 0x4400, "ADD (high registers)", trans_T_ADD_hi, ARM_NOFEAT },
    { 0xff00, 0x4500, "CMP (high registers)", trans_T_CMP_hi, ARM_NOFEAT },
    { 0xff00, 0x4600, "MOV (high registers)", trans_T_MOV_hi, ARM_NOFEAT },
    { 0xff87, 0x4700, "BX", trans_T_BX, ARM_NOFEAT },
    { 0xff87, 0x4780, "BLX (register)", trans_T_BLX_reg, ARM_FEATURE_V5 },
    { 0xf800, 0x4800, "LDR (literal)", trans_T_LDR_lit, ARM_NOFEAT },
    { 0xfe00, 0x5000, "STR (register)", trans_T_STR_reg, ARM_NOFEAT },
    { 0xfe00, 0x5200, "STRH (register)", trans_T_STRH_reg, ARM_NOFEAT },
    { 0xfe00, 0x5400, "STRB (register)", trans_T_STRB_reg, ARM_NOFEAT },
    { 0xfe00, 0x5600, "LDRSB (register)", trans_T_LDRSB_reg, ARM_NOFEAT },
    { 0xfe00, 0x5800, "LDR (register)", trans_T_LDR_reg, ARM_NOFEAT },
    { 0xfe00, 0x5a00, "LDRH (register)", trans_T_LDRH_reg, ARM_NOFEAT },
    { 0xfe00, 0x5c00, "LDRB (register)", trans_T_LDRB_reg, ARM_NOFEAT },
    { 0xfe00, 0x5e00, "LDRSH (register)", trans_T_LDRSH_reg, ARM_NOFEAT },
    { 0xf800, 0x6000, "STR (immediate)", trans_T_STR_imm, ARM_NOFEAT },
    { 0xf800, 0x6800, "LDR (immediate)", trans_T_LDR_imm, ARM_NOFEAT },
    { 0xf800, 0x7000, "STRB (immediate)", trans_T_STRB_imm, ARM_NOFEAT },
    { 0xf800, 0x7800, "LDRB (immediate)", trans_T_LDRB_imm, ARM_NOFEAT },
    { 0xf800, 0x8000, "STRH (immediate)", trans_T_STRH_imm, ARM_NOFEAT },
    { 0xf800, 0x8800, "LDRH (immediate)", trans_T_LDRH_imm, ARM_NOFEAT },
    { 0xf800, 0x9000, "STR (SP relative)", trans_T_STR_sp, ARM_NOFEAT },
    { 0xf800, 0x9800, "LDR (SP relative)", trans_T_LDR_sp, ARM_NOFEAT },
    { 0xf800, 0xa000, "ADR", trans_T_ADR, ARM_NOFEAT },
    { 0xf800, 0xa800, "ADD (SP plus immediate)", trans_T_ADD_sp_imm8, ARM_NOFEAT },
    { 0xff80, 0xb000, "ADD (SP, immediate)", trans_T_ADD_sp_imm7, ARM_NOFEAT },
    { 0xff80, 0xb080, "SUB (SP, immediate)", trans_T_SUB_sp_imm7, ARM_NOFEAT },
    { 0xfe00, 0xb400, "PUSH", trans_T_PUSH, ARM_NOFEAT },
    { 0xfe00, 0xbc00, "POP", trans_T_POP, ARM_NOFEAT },
    { 0xff00, 0xbe00, "BKPT", trans_T_BKPT, ARM_FEATURE_V5 },
    { 0xf800, 0xc000, "STMIA", trans_T_STMIA, ARM_NOFEAT },
    { 0xf800, 0xc800, "LDMIA", trans_T_LDMIA, ARM_NOFEAT },
    { 0xff00, 0xde00, "undefined (B cond 1110)", arm_trans_udef, ARM_NOFEAT },
    { 0xff00, 0xdf00, "SVC", trans_T_SVC, ARM_NOFEAT },
    { 0xf000, 0xd000, "B (conditional)", trans_T_B_cond, ARM_NOFEAT },
    { 0xf800, 0xe000, "B", trans_T_B, ARM_NOFEAT },
    { 0xf800, 0xe800, "BLX suffix", trans_T_BLX_suffix, ARM_FEATURE_V5 },
    { 0xf800, 0xf000, "BL/BLX prefix", trans_T_BL_prefix, ARM_NOFEAT },
    { 0xf800, 0xf800, "BL suffix", trans_T_BL_suffix, ARM_NOFEAT },
};

static uint32_t t16_key(uint32_t insn)
{
    return (insn >> 6) & 0x3ff;
}

struct arm_decoder arm_t16_decoder = {
    .pats = t16_patterns,
    .npats = ARRAY_SIZE(t16_patterns),
    .key = t16_key,
    .key_mask_bits = 0xffc0,
    .nbuckets = 1024,
};

void arm_translate_t16(struct arm_dc *s, uint32_t hw, uint32_t hw2,
                       bool have_next)
{
    if (have_next && ((hw2 & 0xf800) == 0xf800 ||
                      ((hw2 & 0xf800) == 0xe800 &&
                       arm_has(s, ARM_FEATURE_V5)))) {
        s->next_pc = s->pc + 4;
        if (!trans_T_BL_pair(s, (hw << 16) | hw2))
            arm_gen_exception(s, EXCP_UDEF);
        return;
    }
    const struct arm_pattern *p = arm_decode(&arm_t16_decoder, hw, s->features);
    if (!p || !p->trans(s, hw))
        arm_gen_exception(s, EXCP_UDEF);
}
