/*
 * The FPA coprocessor (cp1/cp2) as Linux's NWFPE emulates it: the
 * interface between the decoder (fpa_decode.c) and the helpers that do
 * the arithmetic (fpa_helpers.c).
 *
 * Instruction classes (ARM state only; cp is 1 or 2 for all of them):
 *   CPDT  cond 110P UNWL Rn  Fd  cp  offset8     LDF/STF (cp1), LFM/SFM (cp2)
 *   CPDO  cond 1110 abcd e Fn j Fd cp fgh0 i Fm  arithmetic
 *   CPRT  cond 1110 abcL e Fn Rd cp fgh1 i Fm    FLT/FIX/WFS/RFS, compares
 * N:bit15 (LDF/STF: bits 22,15) give the transfer size, e:f (bits 19,7)
 * the destination precision, g:h (bits 6:5) the rounding mode, i (bit 3)
 * selects a constant instead of Fm.
 */
#ifndef KEMU_TARGET_ARM_FPA_H
#define KEMU_TARGET_ARM_FPA_H

#include "engine/ir.h"

/* FPSR bits. */
#define FPA_IOC 0x01u       /* cumulative flags: invalid operation */
#define FPA_DZC 0x02u       /* division by zero */
#define FPA_OFC 0x04u       /* overflow */
#define FPA_UFC 0x08u       /* underflow */
#define FPA_IXC 0x10u       /* inexact */
#define FPA_ENABLE_SHIFT 16 /* trap enables: the flags << 16 */
#define FPA_AC 0x1000u      /* alternative C flag for unordered compares */
#define FPA_SYSID 0xff000000u

/* Bits of the encodings the decoder and the helpers share. */
#define FPA_LOAD (1u << 20)
#define FPA_MONADIC (1u << 15)
#define FPA_CONST (1u << 3)

/* Words an LDF/STF (by size field) or LFM/SFM (by count field) moves;
 * 0 for the packed decimal format, which NWFPE does not implement. */
int fpa_ldf_words(uint32_t insn);
int fpa_lfm_regs(uint32_t insn);

/* Translation-time check of a CPDO/CPRT encoding: false when NWFPE would
 * refuse it whatever the registers hold (UNDEFINED). */
bool fpa_cpdo_valid(uint32_t insn);
bool fpa_cprt_valid(uint32_t insn);

/*
 * Helpers (fpa_helpers.c).  pc is the instruction's address: a trapped
 * exception (FPSR enable bit set) leaves with ARM_EXCP_FPE and the PC on
 * the next instruction once the result is written, as NWFPE signals
 * SIGFPE after emulating.  An operand register that was never written
 * makes the instruction UNDEFINED (NWFPE refuses to emulate it).
 *   fpa_cpdo(insn, pc)          arithmetic
 *   fpa_cprt(insn, rd_value, pc) FLT/WFS read rd_value; FIX/RFS write Rd;
 *                               compares write NZCV
 *   fpa_load(insn)              LDF/LFM from fpa_xfer
 *   fpa_store(insn)             STF/SFM into fpa_xfer (records a trap)
 *   fpa_store_done(pc)          raises the trap fpa_store recorded
 */
extern const struct ir_helper helper_arm_fpa_cpdo;
extern const struct ir_helper helper_arm_fpa_cprt;
extern const struct ir_helper helper_arm_fpa_load;
extern const struct ir_helper helper_arm_fpa_store;
extern const struct ir_helper helper_arm_fpa_store_done;

#endif
