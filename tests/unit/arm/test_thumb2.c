/* Thumb-2: IT blocks (incl. a fault inside one and resuming it), T32
 * data processing, multiplies, loads/stores, exclusives, CBZ, TBB/TBH,
 * wide branches, MRS/MSR, self-modifying code inside an IT block.
 * Expected values are worked out by hand from the ARM ARM. */
#include <string.h>

#include <sys/mman.h>

#include "code_thumb2.h"
#include "engine/guest_mem.h"
#include "harness.h"

struct test_blob blob_t2 = { "thumb2", thumb2_code, sizeof(thumb2_code) };
#define AT(x) thumb2_##x
#define T2(x) (blob_t2.base + thumb2_##x)
#define D DATA_BASE

static void go(uint32_t off, uint32_t a, uint32_t b, const char *fin)
{
    set_model("max");
    start(&blob_t2, off, true);
    setr(0, a);
    setr(1, b);
    setflags(fin);
}

static void ok(void)
{
    run(ARM_EXCP_BKPT);
}

static void r2(uint32_t off, uint32_t a, uint32_t b, const char *fin,
               uint32_t want)
{
    go(off, a, b, fin);
    ok();
    expect_r(2, want);
}

/* IT blocks. */
TEST(t2_it_then) { r2(AT(it_eq), 3, 3, "nzcv", 1); expect_flags("nZCv"); }
TEST(t2_it_else) { r2(AT(it_eq), 3, 4, "nzcv", 2); expect_flags("Nzcv"); }
TEST(t2_it_16bit_alu_sets_no_flags)
{
    go(AT(it_noflags), 0x80000000, 0x80000000, "nzcv");
    ok();
    expect_r(2, 0x80000001);
    expect_r(3, 0);
    expect_flags("nZCv");
}
TEST(t2_itete_true) { r2(AT(it_four), 6, 0, "nzcv", 11); }
TEST(t2_itete_false) { r2(AT(it_four), 5, 0, "nzcv", 22); }
TEST(t2_it_wide_ne) { r2(AT(it_wide), 5, 7, "nzcv", 0x10005); }
TEST(t2_it_wide_eq) { r2(AT(it_wide), 0, 7, "nzcv", 6); }

/* A fault inside an IT block leaves ITSTATE as the faulting instruction
 * saw it; running again resumes the block with the right conditions. */
TEST(t2_it_fault_and_resume)
{
    go(AT(it_fault), 0, UNMAPPED, "nzcv");
    run(EXCP_SEGV);
    expect_pc(T2(it_fault) + 6);
    expect_r(2, 1);
    check(cpu->itstate == 0x0c, "itstate %02x, expected 0c", cpu->itstate);
    check(((arm_cpsr_read(cpu) >> 25) & 3) == 0 &&
          ((arm_cpsr_read(cpu) >> 10) & 0x3f) == 0x03,
          "CPSR IT bits %08x", arm_cpsr_read(cpu));
    set_mem32(D, 0x5a5a);
    setr(1, D);
    run(ARM_EXCP_BKPT);
    expect_r(2, 1);      /* the "movne" was skipped */
    expect_r(3, 0x5a5a);
    expect_r(1, D);
    check(cpu->itstate == 0, "itstate %02x after the block", cpu->itstate);
}

/* Immediates. */
TEST(t2_addw) { r2(AT(addw), 1, 0, "nzcv", 0x1000); }
TEST(t2_subw) { r2(AT(subw), 0x1000, 0, "nzcv", 0xedd); }
TEST(t2_adr_w) { r2(AT(adr_w), 0, 0, "nzcv", T2(lit)); }
TEST(t2_movw_movt) { r2(AT(movw_t), 0, 0, "nzcv", 0xabcd1234); }
TEST(t2_orr_imm_replicated) { r2(AT(orr_imm_rep), 0x11000000, 0, "nzcv", 0x11ff00ff); }
TEST(t2_ands_imm_rotated_carry) { r2(AT(and_imm_rot), 0xffffffff, 0, "nzcv", 0x80000000); expect_flags("NzCv"); }
TEST(t2_eor_imm_all_bytes) { r2(AT(eor_rep), 0xffffffff, 0, "nzcv", 0x54545454); }
TEST(t2_orn) { r2(AT(orn), 0xf, 0xffff0000, "nzcv", 0xffff); }
TEST(t2_mvns_keeps_carry) { r2(AT(mvns_w), 0, 0, "nzCv", 0xffffffff); expect_flags("NzCv"); }
TEST(t2_adds_lsl) { r2(AT(adds_lsl), 1, 0x0fffffff, "nzCv", 0xfffffff1); expect_flags("Nzcv"); }
TEST(t2_subs_asr31) { r2(AT(subs_asr), 5, 0x80000000, "nzCv", 6); expect_flags("nzcv"); }
TEST(t2_rsb_imm) { r2(AT(rsb_w), 30, 0, "nzcv", 70); }
TEST(t2_adc_w) { r2(AT(adc_w), 1, 2, "nzCv", 4); expect_flags("nzCv"); }
TEST(t2_cmp_w) { go(AT(cmp_w), 0x10000, 0, "Nzcv"); ok(); expect_flags("nZCv"); }
TEST(t2_tst_w_carry) { go(AT(tst_w), 0x00ffffff, 0, "nzcv"); ok(); expect_flags("nZCv"); }
TEST(t2_lsls_reg) { r2(AT(lsl_reg), 1, 31, "nzCv", 0x80000000); expect_flags("Nzcv"); }
TEST(t2_ror_imm) { r2(AT(ror_imm), 0x12345678, 0, "nzcv", 0x78123456); }
TEST(t2_rrxs) { r2(AT(rrx_w), 3, 0, "nzCv", 0x80000001); expect_flags("NzCv"); }

/* Multiplies and divides. */
TEST(t2_mla) { go(AT(mul_w), 3, 4, "nzcv"); setr(3, 5); ok(); expect_r(2, 17); }
TEST(t2_mls) { go(AT(mls_w), 3, 4, "nzcv"); setr(3, 5); ok(); expect_r(2, 0xfffffff9); }
TEST(t2_smull) { go(AT(smull_w), 0xfffffffe, 3, "nzcv"); ok(); expect_r(2, 0xfffffffa); expect_r(3, 0xffffffff); }
TEST(t2_umlal) { go(AT(umlal_w), 1, 1, "nzcv"); setr(2, 0xffffffff); setr(3, 0); ok(); expect_r(2, 0); expect_r(3, 1); }
TEST(t2_sdiv) { r2(AT(sdiv_w), 0xfffffff9, 2, "nzcv", 0xfffffffd); }
TEST(t2_udiv_by_zero) { r2(AT(udiv_w), 7, 0, "nzcv", 0); }
TEST(t2_smulbt) { r2(AT(smulbt_w), 0x0000fffe, 0x00030000, "nzcv", 0xfffffffa); }
TEST(t2_smmulr) { r2(AT(smmul_w), 0x40000000, 6, "nzcv", 2); }

/* Bit fields, reversal, extension, SIMD, saturation. */
TEST(t2_bfi) { go(AT(bfi_w), 0, 0xab, "nzcv"); ok(); expect_r(0, 0xab0); }
TEST(t2_ubfx) { r2(AT(ubfx_w), 0xf100, 0, "nzcv", 0xf1); }
TEST(t2_sbfx) { r2(AT(sbfx_w), 0xf100, 0, "nzcv", 0xfffffff1); }
TEST(t2_clz) { r2(AT(clz_w), 0x10000, 0, "nzcv", 15); }
TEST(t2_rbit) { r2(AT(rbit_w), 1, 0, "nzcv", 0x80000000); }
TEST(t2_rev) { r2(AT(rev_w), 0x11223344, 0, "nzcv", 0x44332211); }
TEST(t2_rev16_narrow) { r2(AT(rev16), 0x11223344, 0, "nzcv", 0x22114433); }
TEST(t2_uxtb_narrow) { r2(AT(uxtb_n), 0x12345680, 0, "nzcv", 0x80); }
TEST(t2_sxtah) { r2(AT(sxtah_w), 0x80001234, 0x10000, "nzcv", 0x8000); }
TEST(t2_uadd8_sel)
{
    go(AT(uadd8_w), 0xff010203, 0x01020304, "nzcv");
    ok();
    expect_r(2, 0x00030507);
    expect_r(3, 0xff020304);
    expect_ge(0x8);
}
TEST(t2_qadd) { r2(AT(qadd_w), 0x7fffffff, 1, "nzcvq", 0x7fffffff); expect_flags("Q"); }
TEST(t2_ssat) { r2(AT(ssat_w), 1000, 0, "nzcvq", 127); expect_flags("Q"); }
TEST(t2_usat16) { r2(AT(usat16_w), 0x0020fff0, 0, "nzcvq", 0x000f0000); expect_flags("Q"); }
TEST(t2_pkhtb) { r2(AT(pkhtb_w), 0x11112222, 0x33334444, "nzcv", 0x11113333); }

/* Loads and stores. */
TEST(t2_ldr_imm12) { go(AT(ldr_imm12), D, 0, "nzcv"); set_mem32(D + 0x104, 0xcafe); ok(); expect_r(2, 0xcafe); }
TEST(t2_ldr_pre_wb) { go(AT(ldr_pre), D, 0, "nzcv"); set_mem32(D + 4, 7); ok(); expect_r(2, 7); expect_r(0, D + 4); }
TEST(t2_ldr_post) { go(AT(ldr_post), D + 8, 0, "nzcv"); set_mem32(D + 8, 9); ok(); expect_r(2, 9); expect_r(0, D + 4); }
TEST(t2_ldrsb_neg_offset) { go(AT(ldrsb_neg), D + 4, 0, "nzcv"); set_mem32(D, 0x80000000); ok(); expect_r(2, 0xffffff80); }
TEST(t2_ldrh_reg_lsl) { go(AT(ldrh_reg), D, 2, "nzcv"); set_mem32(D + 4, 0x1234beef); ok(); expect_r(2, 0xbeef); }
TEST(t2_strb) { go(AT(strb_w), D, 0xab, "nzcv"); ok(); expect_mem8(D + 3, 0xab); expect_mem32(D, 0xab000000); }
TEST(t2_strh_post) { go(AT(strh_post), D, 0x1234, "nzcv"); ok(); expect_mem16(D, 0x1234); expect_r(0, D + 2); }
TEST(t2_ldr_literal) { r2(AT(ldr_lit), 0, 0, "nzcv", 0x600dcafe); }
TEST(t2_ldrd)
{
    go(AT(ldrd_w), D, 0, "nzcv");
    set_mem32(D + 8, 1);
    set_mem32(D + 12, 2);
    ok();
    expect_r(2, 1);
    expect_r(3, 2);
}
TEST(t2_strd_pre_wb)
{
    go(AT(strd_pre), D + 16, 0, "nzcv");
    setr(2, 5);
    setr(3, 6);
    ok();
    expect_mem32(D + 8, 5);
    expect_mem32(D + 12, 6);
    expect_r(0, D + 8);
}
TEST(t2_push_pop_wide)
{
    go(AT(push_w), 0, 0, "nzcv");
    ok();
    expect_r(8, 0xdead0004);
    expect_r(9, 0xdead0005);
    expect_r(10, 0xdead0006);
    expect_r(11, 0xdead0007);
    expect_r(12, 0xdead000e);
    expect_r(13, STACK_TOP);
}
TEST(t2_stmdb_ldmia)
{
    go(AT(stmdb_w), D + 12, 1, "nzcv");
    setr(2, 2);
    setr(3, 3);
    ok();
    expect_mem32(D, 1);
    expect_mem32(D + 8, 3);
    expect_r(0, D);
    expect_r(4, 1);
    expect_r(5, 2);
    expect_r(6, 3);
}
TEST(t2_ldrex_strex)
{
    go(AT(ldrex_w), D, 9, "nzcv");
    set_mem32(D + 4, 5);
    ok();
    expect_r(2, 5);
    expect_r(4, 0);
    expect_mem32(D + 4, 9);
}
TEST(t2_ldrexh_strexh)
{
    go(AT(ldrexh_w), D, 0xabcd, "nzcv");
    set_mem32(D, 0x11228385);
    ok();
    expect_r(2, 0x8385);
    expect_r(4, 0);
    expect_mem32(D, 0x1122abcd);
}
TEST(t2_ldrexd_strexd)
{
    go(AT(ldrexd_w), D, 0, "nzcv");
    set_mem64(D, 0x1122334455667788ull);
    setr(6, 0xaaaa);
    setr(7, 0xbbbb);
    ok();
    expect_r(2, 0x55667788);
    expect_r(3, 0x11223344);
    expect_r(4, 0);
    expect_mem32(D, 0xaaaa);
    expect_mem32(D + 4, 0xbbbb);
}
TEST(t2_pld_dmb) { r2(AT(pld_w), D, 0, "nzcv", 5); }

/* Branches. */
TEST(t2_cbz_taken) { r2(AT(cbz), 0, 0, "nzcv", 2); }
TEST(t2_cbz_not_taken) { r2(AT(cbz), 1, 0, "nzcv", 1); }
TEST(t2_cbnz_taken) { r2(AT(cbnz), 1, 0, "nzcv", 2); }
TEST(t2_cbnz_not_taken) { r2(AT(cbnz), 0, 0, "nzcv", 1); }
TEST(t2_tbb0) { r2(AT(tbb), 0, 0, "nzcv", 10); }
TEST(t2_tbb1) { r2(AT(tbb), 1, 0, "nzcv", 11); }
TEST(t2_tbb2) { r2(AT(tbb), 2, 0, "nzcv", 12); }
TEST(t2_tbh0) { r2(AT(tbh), 0, 0, "nzcv", 20); }
TEST(t2_tbh1) { r2(AT(tbh), 1, 0, "nzcv", 21); }
TEST(t2_beq_w_taken) { r2(AT(bcond_w), 0, 0, "nzcv", 2); }
TEST(t2_beq_w_not_taken) { r2(AT(bcond_w), 1, 0, "nzcv", 1); }
TEST(t2_bl) { r2(AT(bl_w), 0, 0, "nzcv", T2(bl_w) + 5); expect_r(14, T2(bl_w) + 5); }
TEST(t2_blx_to_arm_and_back)
{
    r2(AT(blx_arm), 0, 0, "nzcv", 42);
    expect_r(14, T2(blx_arm) + 5);
    expect_thumb(true);
}
TEST(t2_mrs_msr)
{
    go(AT(mrs_msr), 0x48000000, 0, "NzCv");
    ok();
    expect_r(2, 0xa0000010);
    expect_flags("nZcvQ");
}
TEST(t2_udf) { go(AT(udf_w), 0, 0, "nzcv"); run(EXCP_UDEF); expect_pc(T2(udf_w)); }
TEST(t2_not_on_v6)
{
    go(AT(cbz), 1, 0, "nzcv");
    set_model("arm1176");
    run(EXCP_UDEF);
}

/* The code rewrites a halfword inside the IT block it is running, then
 * ISB (which ends the TB): the block continues in a new TB, under the
 * saved IT state, with the new instruction. */
TEST(t2_smc_inside_it_block)
{
    uint32_t len = AT(smc_end) - AT(smc_src);
    go(AT(smc_src), 0, 0x2307, "nzcv");   /* movs r3, #7 (mov in IT) */
    page_set_flags(D, D + GUEST_PAGE_SIZE, PAGE_READ | PAGE_WRITE | PAGE_EXEC);
    memcpy(g2h(D), thumb2_code + AT(smc_src), len);
    setr(15, D);
    setr(4, D + AT(smc_patch) - AT(smc_src));
    /* Run the original once so its TB is cached, then patch. */
    setr(1, 0x2301);
    ok();
    expect_r(3, 0x11);
    start(&blob_t2, AT(smc_src), true);
    memcpy(g2h(D), thumb2_code + AT(smc_src), len);
    setr(15, D);
    setr(4, D + AT(smc_patch) - AT(smc_src));
    setr(1, 0x2307);
    setflags("nzcv");
    ok();
    expect_r(3, 0x17);
    expect_flags("nZCv");
    clobber(1);
    page_set_flags(D, D + GUEST_PAGE_SIZE, PAGE_READ | PAGE_WRITE);
    /* page_set_flags leaves the host protection alone, and the cached
     * code left the page read-only on the host: give write access back
     * for the tests that follow. */
    mprotect(g2h(D), GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
}
