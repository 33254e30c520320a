/*
 * Advanced SIMD (NEON) interface shared by the decoder (neon_decode.c),
 * the helper that runs a data-processing instruction on the register file
 * (neon_exec.c) and the lane arithmetic (neon_helpers.c, neon_float.c).
 *
 * Encodings are handled in their A32 form (1111 001U ... data processing,
 * 1111 0100 xxx0 ... element/structure loads and stores); T32 encodings
 * are rewritten to it before decoding.
 */
#ifndef KEMU_TARGET_ARM_NEON_H
#define KEMU_TARGET_ARM_NEON_H

#include <stdbool.h>
#include <stdint.h>

#include "target/arm/cpu.h"

#define FPSCR_QC (1u << 27)

/*
 * The data-processing operations, decoded at translation time.  The
 * helper gets (op, insn) and takes registers, size, U and Q from insn.
 */
enum neon_op {
    /* Three registers of the same length, integer. */
    NOP_VHADD, NOP_VQADD, NOP_VRHADD, NOP_VAND, NOP_VBIC, NOP_VORR,
    NOP_VORN, NOP_VEOR, NOP_VBSL, NOP_VBIT, NOP_VBIF, NOP_VHSUB, NOP_VQSUB,
    NOP_VCGT, NOP_VCGE, NOP_VSHL, NOP_VQSHL, NOP_VRSHL, NOP_VQRSHL,
    NOP_VMAX, NOP_VMIN, NOP_VABD, NOP_VABA, NOP_VADD, NOP_VSUB, NOP_VTST,
    NOP_VCEQ, NOP_VMLA, NOP_VMLS, NOP_VMUL, NOP_VMULP, NOP_VPMAX, NOP_VPMIN,
    NOP_VQDMULH, NOP_VQRDMULH, NOP_VPADD,
    /* Three registers of the same length, float. */
    NOP_VFMA_F, NOP_VFMS_F, NOP_VADD_F, NOP_VSUB_F, NOP_VPADD_F, NOP_VABD_F,
    NOP_VMLA_F, NOP_VMLS_F, NOP_VMUL_F, NOP_VCEQ_F, NOP_VCGE_F, NOP_VCGT_F,
    NOP_VACGE_F, NOP_VACGT_F, NOP_VMAX_F, NOP_VMIN_F, NOP_VPMAX_F,
    NOP_VPMIN_F, NOP_VRECPS_F, NOP_VRSQRTS_F,
    /* Three registers of different lengths. */
    NOP_VADDL, NOP_VADDW, NOP_VSUBL, NOP_VSUBW, NOP_VADDHN, NOP_VRADDHN,
    NOP_VABAL, NOP_VSUBHN, NOP_VRSUBHN, NOP_VABDL, NOP_VMLAL, NOP_VMLSL,
    NOP_VQDMLAL, NOP_VQDMLSL, NOP_VMULL, NOP_VQDMULL, NOP_VMULLP,
    /* Two registers and a scalar. */
    NOP_VMLA_S, NOP_VMLA_SF, NOP_VMLAL_S, NOP_VQDMLAL_S, NOP_VMLS_S,
    NOP_VMLS_SF, NOP_VMLSL_S, NOP_VQDMLSL_S, NOP_VMUL_S, NOP_VMUL_SF,
    NOP_VMULL_S, NOP_VQDMULL_S, NOP_VQDMULH_S, NOP_VQRDMULH_S,
    /* Two registers and a shift amount. */
    NOP_VSHR, NOP_VSRA, NOP_VRSHR, NOP_VRSRA, NOP_VSRI, NOP_VSHL_I, NOP_VSLI,
    NOP_VQSHLU_I, NOP_VQSHL_I, NOP_VSHRN, NOP_VRSHRN, NOP_VQSHRUN,
    NOP_VQRSHRUN, NOP_VQSHRN, NOP_VQRSHRN, NOP_VSHLL, NOP_VCVT_FROM_FIXED,
    NOP_VCVT_TO_FIXED,
    /* Two registers, miscellaneous. */
    NOP_VREV64, NOP_VREV32, NOP_VREV16, NOP_VPADDL, NOP_VCLS, NOP_VCLZ,
    NOP_VCNT, NOP_VMVN, NOP_VPADAL, NOP_VQABS, NOP_VQNEG, NOP_VCGT0,
    NOP_VCGE0, NOP_VCEQ0, NOP_VCLE0, NOP_VCLT0, NOP_VABS, NOP_VNEG,
    NOP_VCGT0_F, NOP_VCGE0_F, NOP_VCEQ0_F, NOP_VCLE0_F, NOP_VCLT0_F,
    NOP_VABS_F, NOP_VNEG_F, NOP_VSWP, NOP_VTRN, NOP_VUZP, NOP_VZIP,
    NOP_VMOVN, NOP_VQMOVUN, NOP_VQMOVN, NOP_VSHLL_MAX, NOP_VCVT_F16_F32,
    NOP_VCVT_F32_F16, NOP_VRECPE, NOP_VRSQRTE, NOP_VRECPE_F, NOP_VRSQRTE_F,
    NOP_VCVT_F32_S32, NOP_VCVT_F32_U32, NOP_VCVT_S32_F32, NOP_VCVT_U32_F32,
    /* The rest. */
    NOP_VEXT, NOP_VTBL, NOP_VDUP_S, NOP_VMOV_IMM,
    NOP_COUNT
};

/* Lane arithmetic (neon_helpers.c).  Values are raw lane bits of size
 * 8 << s; signed operations sign-extend them.  *qc is set to 1 on
 * saturation. */
static inline uint64_t neon_mask(int s)
{
    return s == 3 ? ~0ull : (1ull << (8 << s)) - 1;
}

static inline int64_t neon_sext(uint64_t v, int s)
{
    int sh = 64 - (8 << s);
    return (int64_t)(v << sh) >> sh;
}

/* The lane value as a signed or unsigned number. */
static inline __int128 neon_val(uint64_t v, int s, bool uns)
{
    return uns ? (__int128)(v & neon_mask(s)) : (__int128)neon_sext(v, s);
}

uint64_t neon_sat(__int128 v, int s, bool uns, uint32_t *qc);
/* VSHL/VRSHL/VQSHL/VQRSHL by a signed count (negative: right). */
uint64_t neon_shl(uint64_t a, int shift, int s, bool uns, bool round,
                  bool saturate, bool uns_out, uint32_t *qc);
uint64_t neon_int_3same(int op, int s, bool uns, uint64_t a, uint64_t b,
                        uint64_t d, uint32_t *qc);
uint64_t neon_pmul8(uint64_t a, uint64_t b, bool wide);
int neon_cls(uint64_t v, int s);
int neon_clz(uint64_t v, int s);
uint32_t neon_recpe_u32(uint32_t a);
/* RecipEstimate/RecipSqrtEstimate on q/512: the estimate s/256. */
int neon_recip_estimate(int q);
int neon_rsqrt_estimate(int q);
uint32_t neon_rsqrte_u32(uint32_t a);

/* Float lanes (neon_float.c), single precision, with the "standard
 * FPSCR value" (flush-to-zero, default NaN, round to nearest); the
 * cumulative exception flags go to *fpscr. */
uint32_t neon_float_op(int op, uint32_t a, uint32_t b, uint32_t d,
                       uint32_t *fpscr);
uint32_t neon_recpe_f32(uint32_t a, uint32_t *fpscr);
uint32_t neon_rsqrte_f32(uint32_t a, uint32_t *fpscr);
uint32_t neon_cvt_to_fixed(uint32_t a, int fbits, bool uns, uint32_t *fpscr);
uint32_t neon_cvt_from_fixed(uint32_t a, int fbits, bool uns,
                             uint32_t *fpscr);
uint16_t neon_f32_to_f16(uint32_t a, uint32_t *fpscr);
uint32_t neon_f16_to_f32(uint16_t a, uint32_t *fpscr);

/* Expand the one-register modified immediate (cmode, op, imm8). */
uint64_t neon_expand_imm(int cmode, int op, uint32_t imm8);

/* Translation side (neon_decode.c, neon_mem.c). */
struct arm_dc;
/* An A32-form Advanced SIMD encoding; false when UNDEFINED. */
bool arm_neon_trans(struct arm_dc *s, uint32_t insn);
/* VLDn/VSTn (A32 form 1111 0100 xxx0 ...). */
bool arm_neon_trans_ldst(struct arm_dc *s, uint32_t insn);

#endif
