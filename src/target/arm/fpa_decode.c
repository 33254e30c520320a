/*
 * FPA instructions in the A32 coprocessor space (cp1 and cp2), decoded as
 * Linux's NWFPE emulator decodes them: every coprocessor encoding naming
 * cp1 or cp2 is offered to it, loads/stores by the L bit and the
 * coprocessor number (cp1 LDF/STF, cp2 LFM/SFM), the rest by bit 4 (CPRT
 * when set, CPDO when clear).  The patterns need ARM_FEATURE_FPA, which
 * user mode sets for old-ABI programs; without it the scan falls through
 * to the UNDEFINED coprocessor catch-alls.  Thumb state has no FPA.
 *
 * Memory accesses are IR loads/stores, so faults are precise and leave the
 * registers unchanged; the words pass through cpu->fpa_xfer to helpers
 * that convert between memory formats and the register file.
 */
#include <stddef.h>

#include "target/arm/fpa.h"
#include "target/arm/translate.h"
#include "util/bits.h"

#define B(pos) ((int)extract32(insn, pos, 1))

/* LDF/STF size, bits 22 and 15: single 1 word, double 2, extended 3,
 * packed decimal (refused). */
int fpa_ldf_words(uint32_t insn)
{
    static const int words[4] = { 1, 2, 3, 0 };
    return words[B(22) << 1 | B(15)];
}

/* LFM/SFM count, bits 22 and 15: 01 one register ... 00 four. */
int fpa_lfm_regs(uint32_t insn)
{
    static const int regs[4] = { 4, 1, 2, 3 };
    return regs[B(22) << 1 | B(15)];
}

/* Destination precision e:f = 11 is undefined; NWFPE computes every
 * opcode but dyadic 13-15 (the POW/RPW/POL group and the transcendental
 * monadic ones are computed here too, see fpa_helpers.c). */
bool fpa_cpdo_valid(uint32_t insn)
{
    if (B(19) && B(7))
        return false;
    return (insn & FPA_MONADIC) || extract32(insn, 20, 4) <= 12;
}

/* Compares (bit 23) always; FLT with a valid precision, FIX, WFS, RFS.
 * WFC/RFC and opcodes 6-7 are not emulated by NWFPE (the FPCR is the
 * hardware's, privileged).  FIX and RFS to the PC are refused. */
bool fpa_cprt_valid(uint32_t insn)
{
    int rd = extract32(insn, 12, 4);

    if (B(23))
        return true;
    switch (extract32(insn, 20, 3)) {
    case 0:
        return !(B(19) && B(7));
    case 1:
    case 3:
        return rd != 15;
    case 2:
        return true;
    default:
        return false;
    }
}

/* LDF/STF/LFM/SFM: cond 110P UNWL Rn Fd cp offset8.  NWFPE's addressing:
 * the offset is words, post-indexing writes back only with W, and a PC
 * base reads as the instruction + 8 and is never written back. */
static bool trans_cpdt(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    bool multiple = extract32(insn, 8, 4) == 2;
    int words = multiple ? 3 * fpa_lfm_regs(insn) : fpa_ldf_words(insn);
    int rn = extract32(insn, 16, 4);
    uint32_t off = extract32(insn, 0, 8) * 4;
    bool wback = B(21) && rn != 15;

    if (s->thumb || words == 0)
        return false;
    ir_t base = arm_load_reg(s, rn);
    ir_t final = ir_new_i32(c);
    if (B(23))
        ir_addi(c, final, base, off);
    else
        ir_subi(c, final, base, off);
    ir_t addr = B(24) ? final : base;

    if (insn & FPA_LOAD) {
        ir_t v[12];
        for (int i = 0; i < words; i++) {
            ir_t a = ir_new_i32(c);
            ir_addi(c, a, addr, 4 * i);
            v[i] = ir_new_i32(c);
            ir_guest_ld(c, v[i], a, arm_mo(s, MO_32));
        }
        for (int i = 0; i < words; i++)
            ir_st_env(c, v[i], offsetof(struct arm_cpu, fpa_xfer[i]), MO_32);
        ir_call1(c, &helper_arm_fpa_load, IR_NONE, ir_const_i32(c, insn));
        if (wback)
            arm_store_reg(s, rn, final);
        return true;
    }
    ir_call1(c, &helper_arm_fpa_store, IR_NONE, ir_const_i32(c, insn));
    for (int i = 0; i < words; i++) {
        ir_t a = ir_new_i32(c), v = ir_new_i32(c);
        ir_addi(c, a, addr, 4 * i);
        ir_ld_env(c, v, offsetof(struct arm_cpu, fpa_xfer[i]), MO_32);
        ir_guest_st(c, v, a, arm_mo(s, MO_32));
    }
    if (wback)
        arm_store_reg(s, rn, final);
    ir_call1(c, &helper_arm_fpa_store_done, IR_NONE, ir_const_i32(c, s->pc));
    return true;
}

static bool trans_cpdo(struct arm_dc *s, uint32_t insn)
{
    if (s->thumb || !fpa_cpdo_valid(insn))
        return false;
    ir_call2(s->c, &helper_arm_fpa_cpdo, IR_NONE, ir_const_i32(s->c, insn),
             ir_const_i32(s->c, s->pc));
    return true;
}

static bool trans_cprt(struct arm_dc *s, uint32_t insn)
{
    int op = extract32(insn, 20, 4), rd = extract32(insn, 12, 4);
    ir_t val;

    if (s->thumb || !fpa_cprt_valid(insn))
        return false;
    if (op == 0 || op == 2)            /* FLT, WFS read Rd */
        val = arm_load_reg(s, rd);
    else
        val = ir_const_i32(s->c, 0);
    ir_call3(s->c, &helper_arm_fpa_cprt, IR_NONE, ir_const_i32(s->c, insn),
             val, ir_const_i32(s->c, s->pc));
    return true;
}

const struct arm_pattern arm_fpa_patterns[] = {
    { 0x0e000f00, 0x0c000100, "LDF/STF", trans_cpdt, ARM_FEATURE_FPA },
    { 0x0e000f00, 0x0c000200, "LFM/SFM", trans_cpdt, ARM_FEATURE_FPA },
    { 0x0f000f10, 0x0e000100, "FPA CPDO", trans_cpdo, ARM_FEATURE_FPA },
    { 0x0f000f10, 0x0e000200, "FPA CPDO (cp2)", trans_cpdo, ARM_FEATURE_FPA },
    { 0x0f000f10, 0x0e000110, "FPA CPRT", trans_cprt, ARM_FEATURE_FPA },
    { 0x0f000f10, 0x0e000210, "FPA CPRT (cp2)", trans_cprt, ARM_FEATURE_FPA },
};
const int arm_fpa_npatterns = ARRAY_SIZE(arm_fpa_patterns);
