/*
 * VFP (floating-point) interface shared by the decoder (vfp.c), the IR
 * helper that executes data-processing instructions (vfp_exec.c) and the
 * arithmetic (vfp_helpers.c).
 */
#ifndef KEMU_TARGET_ARM_VFP_H
#define KEMU_TARGET_ARM_VFP_H

#include <stdbool.h>
#include <stdint.h>

/* FPSCR bits. */
#define FPSCR_NZCV 0xf0000000u
#define FPSCR_AHP (1u << 26)
#define FPSCR_DN (1u << 25)
#define FPSCR_FZ (1u << 24)
#define FPSCR_IDC (1u << 7)
#define FPSCR_IXC (1u << 4)
#define FPSCR_UFC (1u << 3)
#define FPSCR_OFC (1u << 2)
#define FPSCR_DZC (1u << 1)
#define FPSCR_IOC (1u << 0)
/* What VMSR may set: NZCV, QC, AHP, DN, FZ, RMode, cumulative flags.
 * Short vectors (Len/Stride) and trap enables read as zero. */
#define FPSCR_WRITABLE 0xffc0009fu

/* Formats. */
enum { VFP_F16, VFP_F32, VFP_F64 };

/* Arithmetic on raw register bits; flags accumulate into *fpscr, whose
 * control bits (FZ, DN, AHP, RMode) they obey. */
uint64_t vfp_add(uint64_t a, uint64_t b, int f, uint32_t *fpscr);
uint64_t vfp_sub(uint64_t a, uint64_t b, int f, uint32_t *fpscr);
uint64_t vfp_mul(uint64_t a, uint64_t b, int f, uint32_t *fpscr);
uint64_t vfp_div(uint64_t a, uint64_t b, int f, uint32_t *fpscr);
uint64_t vfp_sqrt(uint64_t a, int f, uint32_t *fpscr);
uint64_t vfp_muladd(uint64_t addend, uint64_t op1, uint64_t op2, int f,
                    uint32_t *fpscr);
uint64_t vfp_neg(uint64_t a, int f);
uint32_t vfp_compare(uint64_t a, uint64_t b, int f, bool quiet_nan_exc,
                     uint32_t *fpscr);
uint32_t vfp_to_fixed(uint64_t a, int f, int size, int fbits, bool uns,
                      bool round_zero, uint32_t *fpscr);
uint64_t vfp_from_fixed(uint32_t v, int size, int fbits, bool uns, int f,
                        uint32_t *fpscr);
uint64_t vfp_convert(uint64_t a, int from, int to, uint32_t *fpscr);
uint64_t vfp_expand_imm(uint32_t imm8, int f);

/* Data-processing operations, decoded at translation time. */
enum vfp_dp_op {
    VFP_VMLA, VFP_VMLS, VFP_VNMLS, VFP_VNMLA, VFP_VMUL, VFP_VNMUL, VFP_VADD,
    VFP_VSUB, VFP_VDIV, VFP_VFNMS, VFP_VFNMA, VFP_VFMA, VFP_VFMS,
    VFP_VMOV_IMM, VFP_VMOV, VFP_VABS, VFP_VNEG, VFP_VSQRT, VFP_VCVTB_TO32,
    VFP_VCVTB_TO16, VFP_VCMP, VFP_VCMP0, VFP_VCVT_FF, VFP_VCVT_FROM_INT,
    VFP_VCVT_FROM_FIXED, VFP_VCVT_TO_INT, VFP_VCVT_TO_FIXED,
};

/* Decode a VFP data-processing encoding (cond 1110 xxxx ... 101x xxx0):
 * the operation, or -1 when UNDEFINED for the given features. */
int vfp_dp_decode(uint32_t insn, uint64_t features);

#endif
