/* Multiplies (incl. ARMv5TE DSP), saturation and Q, CLZ, MRS/MSR. */
#include "code_mul.h"
#include "harness.h"

struct test_blob blob_mul = { "mul", mul_code, sizeof(mul_code) };

static void go(uint32_t off, uint32_t a, uint32_t b, uint32_t acc,
               const char *fin)
{
    start(&blob_mul, off, false);
    setr(0, a);
    setr(1, b);
    setr(3, acc);
    setflags(fin);
    run(ARM_EXCP_BKPT);
}

TEST(mul) { go(mul_mul, 7, 6, 0, "nzcv"); expect_r(2, 42); expect_flags("nzcv"); }
TEST(mul_wraps) { go(mul_mul, 0x10000, 0x10001, 0, "nzcv"); expect_r(2, 0x10000); }
TEST(mul_no_flags) { go(mul_mul, 0, 5, 0, "NzCV"); expect_r(2, 0); expect_flags("NzCV"); }
/* MULS sets N and Z; C and V are unchanged on ARMv5. */
TEST(muls_zero) { go(mul_muls, 0, 5, 0, "NzCV"); expect_r(2, 0); expect_flags("nZCV"); }
TEST(muls_negative) { go(mul_muls, 0xffffffff, 3, 0, "nZcv"); expect_r(2, 0xfffffffd); expect_flags("Nzcv"); }
TEST(mla) { go(mul_mla, 3, 4, 100, "nzcv"); expect_r(2, 112); }
TEST(mlas_zero) { go(mul_mlas, 0xffffffff, 1, 1, "nzCv"); expect_r(2, 0); expect_flags("nZCv"); }
TEST(umull) { go(mul_umull, 0xffffffff, 0xffffffff, 0, "nzcv"); expect_r(2, 1); expect_r(3, 0xfffffffe); }
TEST(umulls_zero) { go(mul_umulls, 0, 0xffffffff, 7, "NzCV"); expect_r(2, 0); expect_r(3, 0); expect_flags("nZCV"); }
TEST(umulls_high_only) { go(mul_umulls, 0x80000000, 2, 0, "nZcv"); expect_r(2, 0); expect_r(3, 1); expect_flags("nzcv"); }
TEST(smull_minus1) { go(mul_smull, 0xffffffff, 0xffffffff, 0, "nzcv"); expect_r(2, 1); expect_r(3, 0); }
TEST(smull_min) { go(mul_smull, 0x80000000, 0x80000000, 0, "nzcv"); expect_r(2, 0); expect_r(3, 0x40000000); }
TEST(smull_negative) { go(mul_smull, 0xfffffffe, 3, 0, "nzcv"); expect_r(2, 0xfffffffa); expect_r(3, 0xffffffff); }

static void mlal(uint32_t off, uint32_t a, uint32_t b, uint32_t lo,
                 uint32_t hi)
{
    start(&blob_mul, off, false);
    setr(0, a);
    setr(1, b);
    setr(2, lo);
    setr(3, hi);
    setflags("nzcv");
    run(ARM_EXCP_BKPT);
}

/* 0xffffffff * 2 = 0x1_fffffffe, + 0x0_00000003 = 0x2_00000001 */
TEST(umlal_carry) { mlal(mul_umlal, 0xffffffff, 2, 3, 0); expect_r(2, 1); expect_r(3, 2); }
/* -2 * 3 = -6, + 5 = -1 */
TEST(smlal_negative) { mlal(mul_smlal, 0xfffffffe, 3, 5, 0); expect_r(2, 0xffffffff); expect_r(3, 0xffffffff); }
TEST(smlals_flags) { mlal(mul_smlals, 0xfffffffe, 3, 5, 0); expect_flags("Nzcv"); clobber(2); clobber(3); }
TEST(smlals_zero) { mlal(mul_smlals, 0xffffffff, 1, 1, 0); expect_r(2, 0); expect_r(3, 0); expect_flags("nZcv"); }

/* r0 = 0x8000_7fff (top -32768, bottom 32767), r1 = 0x0002_ffff (2, -1) */
#define A 0x80007fffu
#define B 0x0002ffffu
TEST(smulbb) { go(mul_smulbb, A, B, 0, "nzcv"); expect_r(2, 0xffff8001); }
TEST(smulbt) { go(mul_smulbt, A, B, 0, "nzcv"); expect_r(2, 0xfffe); }
TEST(smultb) { go(mul_smultb, A, B, 0, "nzcv"); expect_r(2, 0x8000); }
TEST(smultt) { go(mul_smultt, A, B, 0, "nzcv"); expect_r(2, 0xffff0000); }
TEST(smlabb_no_overflow) { go(mul_smlabb, A, B, 0x7fff, "nzcvq"); expect_r(2, 0); expect_flags("q"); }
/* 0x7fff * 0x7fff = 0x3fff0001; + 0x7fffffff overflows: wraps, sets Q */
TEST(smlabb_overflow_sets_q) { go(mul_smlabb, 0x7fff, 0x7fff, 0x7fffffff, "nzcvq"); expect_r(2, 0xbfff0000); expect_flags("Qnzcv"); }
TEST(smlabb_q_sticky) { go(mul_smlabb, 1, 1, 1, "Q"); expect_r(2, 2); expect_flags("Q"); }
TEST(smlatt) { go(mul_smlatt, A, B, 0x10000, "q"); expect_r(2, 0); expect_flags("q"); }
/* SMULW: bits 47:16 of Rm * Rs<y> */
TEST(smulwb) { go(mul_smulwb, 0x12345678, 0x0002, 0, "q"); expect_r(2, 0x2468); }
TEST(smulwb_negative) { go(mul_smulwb, 0xffffffff, 0xffff, 0, "q"); expect_r(2, 0); }
TEST(smulwb_min) { go(mul_smulwb, 0x80000000, 0x8000, 0, "q"); expect_r(2, 0x40000000); }
TEST(smulwt) { go(mul_smulwt, 0x00010000, 0xfffe0000, 0, "q"); expect_r(2, 0xfffffffe); }
TEST(smlawb_overflow) { go(mul_smlawb, 0x80000000, 0x8000, 0x40000000, "q"); expect_r(2, 0x80000000); expect_flags("Q"); }
/* lo 0xffffffff + 1 carries into hi */
TEST(smlalbb) { mlal(mul_smlalbb, 1, 1, 0xffffffff, 0); expect_r(2, 0); expect_r(3, 1); }
TEST(smlaltb_negative) { mlal(mul_smlaltb, 0xffff0000, 5, 0, 0); expect_r(2, 0xfffffffb); expect_r(3, 0xffffffff); }

TEST(qadd) { go(mul_qadd, 1, 2, 0, "q"); expect_r(2, 3); expect_flags("q"); }
TEST(qadd_sat_pos) { go(mul_qadd, 0x7fffffff, 1, 0, "q"); expect_r(2, 0x7fffffff); expect_flags("Q"); }
TEST(qadd_sat_neg) { go(mul_qadd, 0x80000000, 0xffffffff, 0, "q"); expect_r(2, 0x80000000); expect_flags("Q"); }
TEST(qadd_keeps_nzcv) { go(mul_qadd, 0x7fffffff, 1, 0, "NzCv"); expect_flags("NzCvQ"); clobber(2); }
/* QSUB Rd, Rm, Rn = Rm - Rn: r0 - r1 */
TEST(qsub_sat_neg) { go(mul_qsub, 0x80000000, 1, 0, "q"); expect_r(2, 0x80000000); expect_flags("Q"); }
TEST(qsub_sat_pos) { go(mul_qsub, 0x7fffffff, 0xffffffff, 0, "q"); expect_r(2, 0x7fffffff); expect_flags("Q"); }
TEST(qsub) { go(mul_qsub, 5, 7, 0, "q"); expect_r(2, 0xfffffffe); expect_flags("q"); }
/* QDADD Rd, Rm, Rn = sat(Rm + sat(2 * Rn)) */
TEST(qdadd_double_saturates) { go(mul_qdadd, 0, 0x40000000, 0, "q"); expect_r(2, 0x7fffffff); expect_flags("Q"); }
TEST(qdadd) { go(mul_qdadd, 10, 3, 0, "q"); expect_r(2, 16); expect_flags("q"); }
TEST(qdadd_sum_saturates) { go(mul_qdadd, 0x70000000, 0x10000000, 0, "q"); expect_r(2, 0x7fffffff); expect_flags("Q"); }
TEST(qdsub) { go(mul_qdsub, 0, 0x40000000, 0, "q"); expect_r(2, 0x80000001); expect_flags("Q"); }
TEST(qdsub_plain) { go(mul_qdsub, 10, 3, 0, "q"); expect_r(2, 4); expect_flags("q"); }

TEST(clz_zero) { go(mul_clz, 0, 0, 0, ""); expect_r(2, 32); }
TEST(clz_one) { go(mul_clz, 1, 0, 0, ""); expect_r(2, 31); }
TEST(clz_top) { go(mul_clz, 0x80000000, 0, 0, ""); expect_r(2, 0); }
TEST(clz_mid) { go(mul_clz, 0x00010000, 0, 0, ""); expect_r(2, 15); }

TEST(mrs_flags) { go(mul_mrs, 0, 0, 0, "NzCvQ"); expect_r(2, 0xa8000010); }
TEST(mrs_zv) { go(mul_mrs, 0, 0, 0, "nZcVq"); expect_r(2, 0x50000010); }
TEST(msr_flags) { go(mul_msr_f, 0xf80000ff, 0, 0, "nzcvq"); expect_flags("NZCVQ"); }
TEST(msr_flags_clear) { go(mul_msr_f, 0x0, 0, 0, "NZCVQ"); expect_flags("nzcvq"); }
/* User mode cannot change the control field. */
TEST(msr_control_ignored)
{
    go(mul_msr_c, 0xf00000d3, 0, 0, "nzcv");
    expect_flags("nzcv");
    check((arm_cpsr_read(cpu) & 0xff) == 0x10, "cpsr %08x", arm_cpsr_read(cpu));
}
TEST(msr_imm) { go(mul_msr_imm, 0, 0, 0, "nZCVQ"); expect_flags("NzCvq"); }
