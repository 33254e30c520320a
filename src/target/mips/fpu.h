/*
 * The FPU helpers' interface (fpu_helpers.c), used by the decoder
 * (fpu.c) and by tests.
 */
#ifndef KEMU_TARGET_MIPS_FPU_H
#define KEMU_TARGET_MIPS_FPU_H

#include "engine/ir.h"

/* Arithmetic operations (helper mips_fp_arith: code = op | FP_DBL). */
enum mips_fop {
    FOP_ADD, FOP_SUB, FOP_MUL, FOP_DIV, FOP_SQRT, FOP_ABS, FOP_NEG,
    FOP_RECIP, FOP_RSQRT, FOP_MADD, FOP_MSUB, FOP_NMADD, FOP_NMSUB,
};
#define FP_DBL 0x100
#define FP_PS 0x200    /* paired single: both halves, causes ORed */

/* Conversions (helper mips_fp_cvt: code = to | from << 4 | rnd << 8). */
enum mips_ffmt { FF_S, FF_D, FF_W, FF_L, FF_PS };
enum mips_frnd { FR_CUR, FR_NEAREST, FR_TRUNC, FR_CEIL, FR_FLOOR };

/* Legacy (pre-2008) default NaNs. */
#define MIPS_DNAN_S 0x7fbfffffu
#define MIPS_DNAN_D 0x7ff7ffffffffffffull

extern const struct ir_helper helper_mips_fp_arith;
extern const struct ir_helper helper_mips_fp_cvt;
extern const struct ir_helper helper_mips_fp_cmp;
extern const struct ir_helper helper_mips_ctc1;
extern const struct ir_helper helper_mips_cfc1;

#endif
