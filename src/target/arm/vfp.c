/*
 * VFP instructions in the A32 coprocessor space (cp10/cp11), which T32
 * reaches through the same table: loads/stores (VLDR/VSTR/VLDM/VSTM,
 * VPUSH/VPOP), transfers between core and VFP registers (VMOV forms,
 * VMRS/VMSR) and the data-processing instructions, which a helper runs
 * (vfp_exec.c) after the decode here has rejected UNDEFINED forms.
 *
 * Register storage: S<n> is the 32-bit word at vfp_d + 4n (D<n> = S<2n+1>:
 * S<2n> on the little-endian host).
 */
#include <stddef.h>

#include "target/arm/translate.h"
#include "target/arm/vfp.h"
#include "util/bits.h"

#define B(pos) ((int)extract32(insn, pos, 1))

extern const struct ir_helper helper_arm_vfp_dp;

static size_t soff(int n)
{
    return offsetof(struct arm_cpu, vfp_d) + 4 * (size_t)n;
}

static int vd_single(uint32_t insn)
{
    return (int)extract32(insn, 12, 4) << 1 | B(22);
}

static int vd_double(uint32_t insn)
{
    return B(22) << 4 | (int)extract32(insn, 12, 4);
}

static bool dreg_ok(struct arm_dc *s, int d)
{
    return d < 16 || arm_has(s, ARM_FEATURE_VFP_D32);
}

/* The base register as a load/store reads it (PC word-aligned). */
static ir_t vfp_base(struct arm_dc *s, int rn)
{
    if (rn == 15)
        return ir_const_i32(s->c, arm_pc_read_value(s));
    return arm_load_reg(s, rn);
}

static bool trans_dp(struct arm_dc *s, uint32_t insn)
{
    int op = vfp_dp_decode(insn, s->features);
    if (op < 0)
        return false;
    ir_call2(s->c, &helper_arm_vfp_dp, IR_NONE, ir_const_i32(s->c, op),
             ir_const_i32(s->c, insn));
    return true;
}

/*
 * Load/store of n words starting at S<first> (a double is two words; with
 * big-endian data its first word is the high half).  Loads go through
 * temporaries so a fault leaves every register unchanged.
 */
static void gen_transfer(struct arm_dc *s, ir_t addr, int first, int nregs,
                         bool dp, bool load)
{
    struct ir_ctx *c = s->c;
    ir_t vals[64];
    int words = dp ? 2 * nregs : nregs;
    for (int i = 0; i < words; i++) {
        int w = i;
        if (dp && s->be_data)
            w = i ^ 1;
        ir_t a = ir_new_i32(c);
        ir_addi(c, a, addr, 4 * i);
        int sreg = (dp ? 2 * first : first) + w;
        if (load) {
            vals[i] = ir_new_i32(c);
            ir_guest_ld(c, vals[i], a, arm_mo(s, MO_32 | MO_ALIGN));
        } else {
            ir_t v = ir_new_i32(c);
            ir_ld_env(c, v, soff(sreg), MO_32);
            ir_guest_st(c, v, a, arm_mo(s, MO_32 | MO_ALIGN));
        }
    }
    if (load)
        for (int i = 0; i < words; i++) {
            int w = (dp && s->be_data) ? i ^ 1 : i;
            ir_st_env(c, vals[i], soff((dp ? 2 * first : first) + w), MO_32);
        }
}

/* VLDR/VSTR: cond 1101 UD0L Rn Vd 101s imm8 */
static bool trans_VLDR(struct arm_dc *s, uint32_t insn)
{
    bool dp = B(8);
    int d = dp ? vd_double(insn) : vd_single(insn);
    int rn = extract32(insn, 16, 4);
    uint32_t imm = extract32(insn, 0, 8) * 4;
    if (dp && !dreg_ok(s, d))
        return false;
    ir_t addr = ir_new_i32(s->c);
    ir_addi(s->c, addr, vfp_base(s, rn), B(23) ? imm : -imm);
    gen_transfer(s, addr, d, 1, dp, B(20));
    return true;
}

/* VLDM/VSTM/VPUSH/VPOP (and FLDMX/FSTMX): cond 110P UDWL Rn Vd 101s imm8 */
static bool trans_VLDM(struct arm_dc *s, uint32_t insn)
{
    bool p = B(24), u = B(23), w = B(21), dp = B(8);
    int rn = extract32(insn, 16, 4);
    int imm8 = extract32(insn, 0, 8);
    int d = dp ? vd_double(insn) : vd_single(insn);
    int n = dp ? imm8 / 2 : imm8;

    if (p == u || (rn == 15 && w) || n == 0)
        return false;
    if (dp ? (n > 16 || d + n > 32 || !dreg_ok(s, d + n - 1))
           : d + n > 32)
        return false;
    ir_t base = vfp_base(s, rn);
    ir_t addr = base;
    if (p) {
        addr = ir_new_i32(s->c);
        ir_subi(s->c, addr, base, imm8 * 4);
    }
    gen_transfer(s, addr, d, n, dp, B(20));
    if (w) {
        ir_t nb = ir_new_i32(s->c);
        if (u)
            ir_addi(s->c, nb, base, imm8 * 4);
        else
            ir_subi(s->c, nb, base, imm8 * 4);
        arm_store_reg(s, rn, nb);
    }
    return true;
}

/* VMOV between a core register and a single: cond 1110 000o Vn Rt 1010 N001 0000 */
static bool trans_VMOV_core_single(struct arm_dc *s, uint32_t insn)
{
    int rt = extract32(insn, 12, 4);
    int n = (int)extract32(insn, 16, 4) << 1 | B(7);
    if (rt == 15 || (s->thumb && rt == 13))
        return false;
    if (B(20)) {
        ir_t v = ir_new_i32(s->c);
        ir_ld_env(s->c, v, soff(n), MO_32);
        arm_store_reg(s, rt, v);
    } else {
        ir_st_env(s->c, arm_load_reg(s, rt), soff(n), MO_32);
    }
    return true;
}

/* VMOV.32 between a core register and half of a double:
 * cond 1110 0 0 x o Vd Rt 1011 D 00 1 0000 */
static bool trans_VMOV_scalar(struct arm_dc *s, uint32_t insn)
{
    int rt = extract32(insn, 12, 4);
    int d = (int)extract32(insn, 16, 4) | B(7) << 4;
    int sreg = 2 * d + B(21);
    if (rt == 15 || (s->thumb && rt == 13) || !dreg_ok(s, d))
        return false;
    if (B(20)) {
        ir_t v = ir_new_i32(s->c);
        ir_ld_env(s->c, v, soff(sreg), MO_32);
        arm_store_reg(s, rt, v);
    } else {
        ir_st_env(s->c, arm_load_reg(s, rt), soff(sreg), MO_32);
    }
    return true;
}

/* VMOV between two core registers and two singles or one double:
 * cond 1100 010o Rt2 Rt 101s 00M1 Vm */
static bool trans_VMOV_two(struct arm_dc *s, uint32_t insn)
{
    int rt = extract32(insn, 12, 4), rt2 = extract32(insn, 16, 4);
    bool dp = B(8), to_core = B(20);
    int m = dp ? (B(5) << 4 | (int)extract32(insn, 0, 4))
               : ((int)extract32(insn, 0, 4) << 1 | B(5));
    int s0 = dp ? 2 * m : m;
    if (rt == 15 || rt2 == 15 || (s->thumb && (rt == 13 || rt2 == 13)))
        return false;
    if (dp ? !dreg_ok(s, m) : m == 31)
        return false;
    if (to_core) {
        if (rt == rt2)
            return false;
        ir_t a = ir_new_i32(s->c), b = ir_new_i32(s->c);
        ir_ld_env(s->c, a, soff(s0), MO_32);
        ir_ld_env(s->c, b, soff(s0 + 1), MO_32);
        arm_store_reg(s, rt, a);
        arm_store_reg(s, rt2, b);
    } else {
        ir_st_env(s->c, arm_load_reg(s, rt), soff(s0), MO_32);
        ir_st_env(s->c, arm_load_reg(s, rt2), soff(s0 + 1), MO_32);
    }
    return true;
}

/* Identification registers user code may read: FPSID, MVFR1, MVFR0. */
static bool sysreg_offset(int reg, size_t *off)
{
    switch (reg) {
    case 0: *off = offsetof(struct arm_cpu, fpsid); return true;
    case 1: *off = offsetof(struct arm_cpu, fpscr); return true;
    case 6: *off = offsetof(struct arm_cpu, mvfr1); return true;
    case 7: *off = offsetof(struct arm_cpu, mvfr0); return true;
    case 8: *off = offsetof(struct arm_cpu, fpexc); return true;
    }
    return false;
}

/* VMRS/VMSR: cond 1110 111o reg Rt 1010 0001 0000 */
static bool trans_VMRS_VMSR(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int rt = extract32(insn, 12, 4), reg = extract32(insn, 16, 4);
    size_t off;

    if (s->thumb && rt == 13)
        return false;
    if (!B(20)) {   /* VMSR */
        if (rt == 15)
            return false;
        if (reg == 1) {
            ir_t v = ir_new_i32(c);
            ir_andi(c, v, arm_load_reg(s, rt), FPSCR_WRITABLE);
            ir_st_env(c, v, offsetof(struct arm_cpu, fpscr), MO_32);
            return true;
        }
        if (reg == 8) {
            ir_st_env(c, arm_load_reg(s, rt), offsetof(struct arm_cpu, fpexc),
                      MO_32);
            return true;
        }
        return false;
    }
    if (!sysreg_offset(reg, &off))
        return false;
    ir_t v = ir_new_i32(c);
    ir_ld_env(c, v, off, MO_32);
    if (rt != 15) {
        arm_store_reg(s, rt, v);
        return true;
    }
    if (reg != 1)
        return false;
    /* VMRS APSR_nzcv, FPSCR */
    ir_t t = ir_new_i32(c);
    ir_andi(c, arm_NF, v, 0x80000000u);
    ir_andi(c, t, v, 0x40000000u);
    ir_xori(c, arm_ZF, t, 0x40000000u);
    ir_extract(c, arm_CF, v, 29, 1);
    ir_shli(c, arm_VF, v, 3);
    return true;
}

const struct arm_pattern arm_vfp_patterns[] = {
    { 0x0fe00f7f, 0x0e000a10, "VMOV (core/single)", trans_VMOV_core_single, ARM_FEATURE_VFP },
    { 0x0fe00fff, 0x0ee00a10, "VMRS/VMSR", trans_VMRS_VMSR, ARM_FEATURE_VFP },
    { 0x0fc00f7f, 0x0e000b10, "VMOV (core/scalar)", trans_VMOV_scalar, ARM_FEATURE_VFP },
    { 0x0fe00ed0, 0x0c400a10, "VMOV (two core)", trans_VMOV_two, ARM_FEATURE_VFP },
    { 0x0f200e00, 0x0d000a00, "VLDR/VSTR", trans_VLDR, ARM_FEATURE_VFP },
    { 0x0e000e00, 0x0c000a00, "VLDM/VSTM", trans_VLDM, ARM_FEATURE_VFP },
    { 0x0f000e10, 0x0e000a00, "VFP data processing", trans_dp, ARM_FEATURE_VFP },
};
const int arm_vfp_npatterns = ARRAY_SIZE(arm_vfp_patterns);
