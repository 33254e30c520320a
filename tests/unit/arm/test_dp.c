/* Data processing: flags of every operation, shifter operands, the PC. */
#include "code_dp.h"
#include "harness.h"

struct test_blob blob_dp = { "dp", dp_code, sizeof(dp_code) };

/* op2 = r1, result in r2, then compare result and NZCV. */
static void dp(uint32_t off, uint32_t a, uint32_t b, const char *fin,
               uint32_t res, const char *fout)
{
    start(&blob_dp, off, false);
    setr(0, a);
    setr(1, b);
    setflags(fin);
    run(ARM_EXCP_BKPT);
    expect_r(2, res);
    expect_flags(fout);
}

TEST(adds_plain) { dp(dp_adds, 1, 2, "NZCV", 3, "nzcv"); }
TEST(adds_carry_out) { dp(dp_adds, 0xffffffff, 1, "nzcv", 0, "nZCv"); }
TEST(adds_signed_overflow) { dp(dp_adds, 0x7fffffff, 1, "nzcv", 0x80000000, "NzcV"); }
TEST(adds_both) { dp(dp_adds, 0x80000000, 0x80000000, "nzcv", 0, "nZCV"); }
TEST(adcs_carry_in) { dp(dp_adcs, 0xffffffff, 0, "nzCv", 0, "nZCv"); }
TEST(adcs_overflow_from_carry) { dp(dp_adcs, 0x7fffffff, 0, "nzCv", 0x80000000, "NzcV"); }
TEST(adcs_no_carry_in) { dp(dp_adcs, 1, 1, "NZcV", 2, "nzcv"); }
TEST(adcs_max) { dp(dp_adcs, 0xffffffff, 0xffffffff, "nzCv", 0xffffffff, "NzCv"); }
TEST(subs_no_borrow) { dp(dp_subs, 5, 3, "nzcv", 2, "nzCv"); }
TEST(subs_borrow) { dp(dp_subs, 3, 5, "nzCv", 0xfffffffe, "Nzcv"); }
TEST(subs_overflow) { dp(dp_subs, 0x80000000, 1, "nzcv", 0x7fffffff, "nzCV"); }
TEST(subs_zero) { dp(dp_subs, 0, 0, "Nzcv", 0, "nZCv"); }
TEST(subs_overflow_neg) { dp(dp_subs, 0x7fffffff, 0xffffffff, "nzcv", 0x80000000, "NzcV"); }
TEST(sbcs_c_clear) { dp(dp_sbcs, 5, 3, "nzcv", 1, "nzCv"); }
TEST(sbcs_c_set) { dp(dp_sbcs, 5, 3, "nzCv", 2, "nzCv"); }
TEST(sbcs_borrow) { dp(dp_sbcs, 0, 0, "nzcv", 0xffffffff, "Nzcv"); }
TEST(sbcs_overflow) { dp(dp_sbcs, 0x80000000, 0, "nzcv", 0x7fffffff, "nzCV"); }
TEST(rsbs) { dp(dp_rsbs, 1, 0, "nzCv", 0xffffffff, "Nzcv"); }
TEST(rsbs_overflow) { dp(dp_rsbs, 1, 0x80000000, "nzcv", 0x7fffffff, "nzCV"); }
TEST(rscs_c_clear) { dp(dp_rscs, 1, 1, "nzcv", 0xffffffff, "Nzcv"); }
TEST(rscs_c_set) { dp(dp_rscs, 1, 1, "nzCv", 0, "nZCv"); }
TEST(add_no_flags) { dp(dp_add, 0xffffffff, 1, "NzcV", 0, "NzcV"); }
TEST(adc_uses_carry) { dp(dp_adc, 5, 6, "nzCv", 12, "nzCv"); }
TEST(sbc_uses_carry) { dp(dp_sbc, 5, 6, "nzcv", 0xfffffffe, "nzcv"); }
TEST(rsc_uses_carry) { dp(dp_rsc, 5, 6, "nzCv", 1, "nzCv"); }

static void cmp(uint32_t off, uint32_t a, uint32_t b, const char *fin,
                const char *fout)
{
    start(&blob_dp, off, false);
    setr(0, a);
    setr(1, b);
    setflags(fin);
    run(ARM_EXCP_BKPT);
    expect_flags(fout);
}

TEST(cmp_equal) { cmp(dp_cmp, 7, 7, "Nzcv", "nZCv"); }
TEST(cmp_less_signed) { cmp(dp_cmp, 0xffffffff, 1, "nzcv", "NzCv"); }
TEST(cmp_overflow) { cmp(dp_cmp, 0x80000000, 1, "nzcv", "nzCV"); }
TEST(cmn_zero) { cmp(dp_cmn, 1, 0xffffffff, "nzcv", "nZCv"); }
TEST(cmn_overflow) { cmp(dp_cmn, 0x7fffffff, 0x7fffffff, "nzcv", "NzcV"); }
TEST(tst_keeps_cv) { cmp(dp_tst, 0xf0, 0x0f, "NzCV", "nZCV"); }
TEST(tst_negative) { cmp(dp_tst, 0x80000000, 0xffffffff, "nZcv", "Nzcv"); }
TEST(teq_equal) { cmp(dp_teq, 0x1234, 0x1234, "nzcV", "nZcV"); }
TEST(teq_sign) { cmp(dp_teq, 0x80000000, 1, "nZcv", "Nzcv"); }

TEST(ands) { dp(dp_ands, 0xff00ff00, 0x0ff00ff0, "nZCV", 0x0f000f00, "nzCV"); }
TEST(eors) { dp(dp_eors, 0xffffffff, 0x0000ffff, "nzcv", 0xffff0000, "Nzcv"); }
TEST(orrs) { dp(dp_orrs, 0, 0, "Nzcv", 0, "nZcv"); }
TEST(bics) { dp(dp_bics, 0xffffffff, 0x7fffffff, "nzcv", 0x80000000, "Nzcv"); }
TEST(mvns) { dp(dp_mvns, 0, 0, "nZcv", 0xffffffff, "Nzcv"); }
/* Immediate operands: rotation 0 leaves C, otherwise C = bit 31. */
TEST(ands_imm_keeps_c) { dp(dp_ands_imm, 0x1234, 0, "nzCv", 0x34, "nzCv"); }
TEST(movs_imm_rot_sets_c) { dp(dp_movs_imm_rot, 0, 0, "nzcV", 0x80000000, "NzCV"); }
TEST(movs_imm_rot_clears_c) { dp(dp_movs_imm_rot2, 0, 0, "nzCv", 0x3f0, "nzcv"); }

/* Shift by immediate of r1 = 0x80000001. */
#define X 0x80000001u
TEST(lsl_imm0_keeps_c) { dp(dp_movs_lsl0, 0, X, "nzCv", X, "NzCv"); }
TEST(lsl_imm1) { dp(dp_movs_lsl1, 0, X, "nzcv", 2, "nzCv"); }
TEST(lsl_imm31) { dp(dp_movs_lsl31, 0, X, "nzCv", 0x80000000, "Nzcv"); }
TEST(lsr_imm1) { dp(dp_movs_lsr1, 0, X, "nzcv", 0x40000000, "nzCv"); }
TEST(lsr_imm32) { dp(dp_movs_lsr32, 0, X, "nzcv", 0, "nZCv"); }
TEST(asr_imm1) { dp(dp_movs_asr1, 0, X, "nzcv", 0xc0000000, "NzCv"); }
TEST(asr_imm32) { dp(dp_movs_asr32, 0, X, "nzcv", 0xffffffff, "NzCv"); }
TEST(asr_imm32_positive) { dp(dp_movs_asr32, 0, 0x7fffffff, "nzCv", 0, "nZcv"); }
TEST(ror_imm1) { dp(dp_movs_ror1, 0, X, "nzcv", 0xc0000000, "NzCv"); }
TEST(ror_imm31) { dp(dp_movs_ror31, 0, X, "nzCv", 3, "nzcv"); }
TEST(rrx_c_set) { dp(dp_movs_rrx, 0, X, "nzCv", 0xc0000000, "NzCv"); }
TEST(rrx_c_clear) { dp(dp_movs_rrx, 0, 2, "Nzcv", 1, "nzcv"); }
TEST(add_shifted_operand) { dp(dp_add_lsl3, 1, 2, "nzcv", 17, "nzcv"); }

/* Shift by register: counts 0, 1, 31, 32, 33, 255 and 256 (only the
 * bottom byte counts). */
static void shr(uint32_t off, uint32_t v, uint32_t count, const char *fin,
                uint32_t res, const char *fout)
{
    start(&blob_dp, off, false);
    setr(1, v);
    setr(3, count);
    setflags(fin);
    run(ARM_EXCP_BKPT);
    expect_r(2, res);
    expect_flags(fout);
}

TEST(lsl_reg0) { shr(dp_movs_lsl_r, X, 0, "nzCv", X, "NzCv"); }
TEST(lsl_reg1) { shr(dp_movs_lsl_r, X, 1, "nzcv", 2, "nzCv"); }
TEST(lsl_reg31) { shr(dp_movs_lsl_r, X, 31, "nzCv", 0x80000000, "Nzcv"); }
TEST(lsl_reg32) { shr(dp_movs_lsl_r, X, 32, "nzcv", 0, "nZCv"); }
TEST(lsl_reg33) { shr(dp_movs_lsl_r, X, 33, "nzCv", 0, "nZcv"); }
TEST(lsl_reg255) { shr(dp_movs_lsl_r, X, 255, "nzCv", 0, "nZcv"); }
TEST(lsl_reg256) { shr(dp_movs_lsl_r, X, 256, "nzcv", X, "Nzcv"); }
TEST(lsr_reg0) { shr(dp_movs_lsr_r, X, 0, "nzCv", X, "NzCv"); }
TEST(lsr_reg1) { shr(dp_movs_lsr_r, X, 1, "nzcv", 0x40000000, "nzCv"); }
TEST(lsr_reg31) { shr(dp_movs_lsr_r, X, 31, "nzCv", 1, "nzcv"); }
TEST(lsr_reg32) { shr(dp_movs_lsr_r, X, 32, "nzcv", 0, "nZCv"); }
TEST(lsr_reg33) { shr(dp_movs_lsr_r, X, 33, "nzCv", 0, "nZcv"); }
TEST(lsr_reg255) { shr(dp_movs_lsr_r, X, 255, "nzCv", 0, "nZcv"); }
TEST(asr_reg0) { shr(dp_movs_asr_r, X, 0, "nzcv", X, "Nzcv"); }
TEST(asr_reg1) { shr(dp_movs_asr_r, X, 1, "nzcv", 0xc0000000, "NzCv"); }
TEST(asr_reg31) { shr(dp_movs_asr_r, X, 31, "nzCv", 0xffffffff, "Nzcv"); }
TEST(asr_reg32) { shr(dp_movs_asr_r, X, 32, "nzcv", 0xffffffff, "NzCv"); }
TEST(asr_reg33) { shr(dp_movs_asr_r, X, 33, "nzcv", 0xffffffff, "NzCv"); }
TEST(asr_reg255) { shr(dp_movs_asr_r, X, 255, "nzcv", 0xffffffff, "NzCv"); }
TEST(asr_reg33_positive) { shr(dp_movs_asr_r, 0x40000000, 33, "nzCv", 0, "nZcv"); }
TEST(ror_reg0) { shr(dp_movs_ror_r, X, 0, "nzCv", X, "NzCv"); }
TEST(ror_reg1) { shr(dp_movs_ror_r, X, 1, "nzcv", 0xc0000000, "NzCv"); }
TEST(ror_reg31) { shr(dp_movs_ror_r, X, 31, "nzCv", 3, "nzcv"); }
TEST(ror_reg32) { shr(dp_movs_ror_r, X, 32, "nzcv", X, "NzCv"); }
TEST(ror_reg33) { shr(dp_movs_ror_r, X, 33, "nzcv", 0xc0000000, "NzCv"); }
TEST(ror_reg255) { shr(dp_movs_ror_r, X, 255, "nzCv", 3, "nzcv"); }

/* The PC reads as the instruction's address + 8. */
TEST(pc_reads_plus8)
{
    start(&blob_dp, dp_add_pc, false);
    run(ARM_EXCP_BKPT);
    expect_r(2, blob_dp.base + dp_add_pc + 8);
}

TEST(mov_from_pc)
{
    start(&blob_dp, dp_mov_pc_reg, false);
    run(ARM_EXCP_BKPT);
    expect_r(2, blob_dp.base + dp_mov_pc_reg + 8);
}

/* ARMv5: an ALU write to the PC does not interwork; bits 1:0 are
 * ignored. */
TEST(mov_to_pc_no_interworking)
{
    start(&blob_dp, dp_mov_to_pc, false);
    setr(0, blob_dp.base + dp_target1 + 3);
    run(ARM_EXCP_BKPT);
    expect_bkpt(9);
    expect_thumb(false);
}

/* SUBS PC, LR in user mode: a branch; no SPSR, so the flags stay. */
TEST(subs_pc_lr_user)
{
    start(&blob_dp, dp_subs_pc_lr, false);
    setr(14, blob_dp.base + dp_target1 + 4);
    setflags("NzCv");
    run(ARM_EXCP_BKPT);
    expect_bkpt(9);
    expect_flags("NzCv");
}

TEST(addeq_pc_taken)
{
    start(&blob_dp, dp_addeq_pc, false);
    setflags("Z");
    run(ARM_EXCP_BKPT);
    expect_bkpt(3);
}

TEST(addeq_pc_not_taken)
{
    start(&blob_dp, dp_addeq_pc, false);
    setflags("z");
    run(ARM_EXCP_BKPT);
    expect_bkpt(1);
}
