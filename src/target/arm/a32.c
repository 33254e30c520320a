/*
 * A32 (ARM state) top level: the condition field, the unconditional
 * (cond == 1111) space, and the table that joins the instruction classes.
 *
 * Order matters, first match wins: multiplies and the extra load/store
 * forms sit in holes of the data-processing space (bits 7 and 4 both set)
 * and the miscellaneous instructions (BX, CLZ, MRS, ...) in the
 * TST/TEQ/CMP/CMN-without-S hole, so those classes come before data
 * processing, whose table ends with UNDEFINED catch-alls for both holes.
 */
#include <string.h>

#include "target/arm/translate.h"
#include "target/arm/neon.h"
#include "util/bits.h"
#include "util/error.h"

/* ---- cond == 1111 --------------------------------------------------------- */

/* BLX <label>: always switches to Thumb; H gives bit 1 of the target. */
static bool trans_BLX_imm(struct arm_dc *s, uint32_t insn)
{
    int32_t off = (int32_t)(insn << 8) >> 6;
    uint32_t dest = s->pc + 8 + off + ((insn >> 23) & 2);
    ir_movi(s->c, arm_R[14], s->pc + 4);
    arm_gen_direct_branch(s, dest, true);
    return true;
}

/* PLD: a hint; no fault may be raised, so nothing is emitted. */
static bool trans_PLD(struct arm_dc *s, uint32_t insn)
{
    return true;
}

/* Barriers: every guest access is performed in program order by the
 * host thread that runs the CPU; a host fence orders it against other
 * threads.  ISB ends the TB, so code the program rewrote before it (whose
 * TBs the write invalidated) is fetched anew for what follows. */
static bool trans_barrier(struct arm_dc *s, uint32_t insn)
{
    ir_mb(s->c);
    return true;
}

static bool trans_ISB(struct arm_dc *s, uint32_t insn)
{
    s->end = DISAS_UPDATE;
    return true;
}

static bool trans_CLREX(struct arm_dc *s, uint32_t insn)
{
    arm_gen_clrex(s);
    return true;
}

static bool trans_SETEND(struct arm_dc *s, uint32_t insn)
{
    arm_gen_setend(s, insn & (1u << 9));
    return true;
}

/* CPS changes only privileged state: a no-op in user mode. */
static bool trans_CPS(struct arm_dc *s, uint32_t insn)
{
    return true;
}

static const struct arm_pattern a32_uncond_patterns[] = {
    { 0xfe000000, 0xfa000000, "BLX (immediate)", trans_BLX_imm, ARM_FEATURE_V5 },
    { 0xfffffdff, 0xf1010000, "SETEND", trans_SETEND, ARM_FEATURE_V6 },
    { 0xfff1fe20, 0xf1000000, "CPS", trans_CPS, ARM_FEATURE_V6 },
    { 0xffffffff, 0xf57ff01f, "CLREX", trans_CLREX, ARM_FEATURE_V6K },
    { 0xfffffff0, 0xf57ff040, "DSB", trans_barrier, ARM_FEATURE_V7 },
    { 0xfffffff0, 0xf57ff050, "DMB", trans_barrier, ARM_FEATURE_V7 },
    { 0xfffffff0, 0xf57ff060, "ISB", trans_ISB, ARM_FEATURE_V7 },
    { 0xfd70f000, 0xf550f000, "PLD", trans_PLD, ARM_FEATURE_V5TE },
    { 0xfd70f000, 0xf510f000, "PLDW", trans_PLD, ARM_FEATURE_V7 },
    { 0xfd70f000, 0xf450f000, "PLI", trans_PLD, ARM_FEATURE_V7 },
    { 0xfe000000, 0xf2000000, "Advanced SIMD data processing", arm_neon_trans, ARM_FEATURE_NEON },
    { 0xff100000, 0xf4000000, "Advanced SIMD load/store", arm_neon_trans, ARM_FEATURE_NEON },
};

static uint32_t a32_key(uint32_t insn)
{
    return ((insn >> 16) & 0xff0) | ((insn >> 4) & 0xf);
}

struct arm_decoder arm_a32_uncond_decoder = {
    .pats = a32_uncond_patterns,
    .npats = ARRAY_SIZE(a32_uncond_patterns),
    .key = a32_key,
    .key_mask_bits = 0x0ff000f0,
    .nbuckets = 4096,
};

/* ---- The joined table ---------------------------------------------------- */

struct arm_decoder arm_a32_decoder = {
    .key = a32_key,
    .key_mask_bits = 0x0ff000f0,
    .nbuckets = 4096,
};

void arm_a32_build(void)
{
    static struct arm_pattern table[256];
    const struct {
        const struct arm_pattern *p;
        int n;
    } parts[] = {
        { arm_a32_mul_patterns, arm_a32_mul_npatterns },
        { arm_a32_media_patterns, arm_a32_media_npatterns },
        { arm_a32_mem_patterns, arm_a32_mem_npatterns },
        { arm_vfp_patterns, arm_vfp_npatterns },
        { arm_fpa_patterns, arm_fpa_npatterns },
        { arm_neon_cp_patterns, arm_neon_cp_npatterns },
        { arm_a32_branch_patterns, arm_a32_branch_npatterns },
        { arm_a32_dp_patterns, arm_a32_dp_npatterns },
    };
    int n = 0;

    if (arm_a32_decoder.pats)
        return;
    for (size_t i = 0; i < ARRAY_SIZE(parts); i++) {
        if (n + parts[i].n > (int)ARRAY_SIZE(table))
            fatal("arm decoder: A32 table too long");
        memcpy(&table[n], parts[i].p, parts[i].n * sizeof(table[0]));
        n += parts[i].n;
    }
    arm_a32_decoder.pats = table;
    arm_a32_decoder.npats = n;
    arm_decoder_build(&arm_a32_decoder);
    arm_decoder_build(&arm_a32_uncond_decoder);
}

void arm_translate_a32(struct arm_dc *s, uint32_t insn)
{
    int cond = insn >> 28;
    const struct arm_pattern *p;

    if (cond == 0xf) {
        p = arm_decode(&arm_a32_uncond_decoder, insn, s->features);
        if (!p || !p->trans(s, insn))
            arm_gen_exception(s, EXCP_UDEF);
        return;
    }
    p = arm_decode(&arm_a32_decoder, insn, s->features);
    if (cond != 0xe) {
        s->condlabel = ir_new_label(s->c);
        s->condjmp = true;
        arm_gen_test_cc(s, cond, s->condlabel);
    }
    if (!p || !p->trans(s, insn))
        arm_gen_exception(s, EXCP_UDEF);
}

bool arm_trans_a32_as_t32(struct arm_dc *s, uint32_t insn)
{
    const struct arm_pattern *p = arm_decode(&arm_a32_decoder, insn, s->features);
    return p && p->trans(s, insn);
}
