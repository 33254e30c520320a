/* Thumb (16-bit) instructions, BL pairs, interworking. */
#include "code_thumb.h"
#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "harness.h"

struct test_blob blob_t = { "thumb", thumb_code, sizeof(thumb_code) };
#define T(x) (blob_t.base + thumb_##x)
#define D DATA_BASE

static void go(uint32_t off, uint32_t a, uint32_t b, const char *fin)
{
    start(&blob_t, off, true);
    setr(0, a);
    setr(1, b);
    setflags(fin);
    run(ARM_EXCP_BKPT);
}

TEST(t_lsls_imm) { go(thumb_lsls_imm, 0, 0x18000001, "nZcv"); expect_r(2, 0x80000010); expect_flags("NzCv"); }
TEST(t_lsrs_imm32) { go(thumb_lsrs_imm32, 0, 0x80000000, "nzcv"); expect_r(2, 0); expect_flags("nZCv"); }
TEST(t_asrs_imm) { go(thumb_asrs_imm, 0, 0x80000003, "nzcv"); expect_r(2, 0xc0000001); expect_flags("NzCv"); }
TEST(t_adds_reg) { go(thumb_adds_reg, 0xffffffff, 1, "nzcv"); expect_r(2, 0); expect_flags("nZCv"); }
TEST(t_subs_reg) { go(thumb_subs_reg, 1, 2, "nzCv"); expect_r(2, 0xffffffff); expect_flags("Nzcv"); }
TEST(t_adds_imm3) { go(thumb_adds_imm3, 0x7ffffffa, 0, "nzcv"); expect_r(2, 0x80000001); expect_flags("NzcV"); }
TEST(t_subs_imm3) { go(thumb_subs_imm3, 0, 0, "nzCv"); expect_r(2, 0xffffffff); expect_flags("Nzcv"); }
TEST(t_movs_imm) { go(thumb_movs_imm, 0, 0, "NZCV"); expect_r(2, 200); expect_flags("nzCV"); }
TEST(t_cmp_imm) { go(thumb_cmp_imm, 10, 0, "Nzcv"); expect_flags("nZCv"); }
TEST(t_adds_imm8) { go(thumb_adds_imm8, 1, 0, "NZCV"); expect_r(0, 256); expect_flags("nzcv"); }
TEST(t_subs_imm8) { go(thumb_subs_imm8, 0x80000000, 0, "nzcv"); expect_r(0, 0x7fffffff); expect_flags("nzCV"); }
TEST(t_ands) { go(thumb_ands, 0xf0f0, 0xff00, "nzCV"); expect_r(0, 0xf000); expect_flags("nzCV"); }
TEST(t_eors) { go(thumb_eors, 0xffffffff, 0xf, "nzcv"); expect_r(0, 0xfffffff0); expect_flags("Nzcv"); }
TEST(t_lsls_reg32) { go(thumb_lsls_reg, 1, 32, "nzcv"); expect_r(0, 0); expect_flags("nZCv"); }
TEST(t_lsrs_reg33) { go(thumb_lsrs_reg, 0x80000000, 33, "nzCv"); expect_r(0, 0); expect_flags("nZcv"); }
TEST(t_asrs_reg40) { go(thumb_asrs_reg, 0x80000000, 40, "nzcv"); expect_r(0, 0xffffffff); expect_flags("NzCv"); }
TEST(t_rors_reg) { go(thumb_rors, 0x80000001, 1, "nzcv"); expect_r(0, 0xc0000000); expect_flags("NzCv"); }
TEST(t_adcs) { go(thumb_adcs, 1, 1, "nzCv"); expect_r(0, 3); expect_flags("nzcv"); }
TEST(t_sbcs_c_clear) { go(thumb_sbcs, 5, 3, "nzcv"); expect_r(0, 1); expect_flags("nzCv"); }
TEST(t_sbcs_c_set) { go(thumb_sbcs, 5, 3, "nzCv"); expect_r(0, 2); expect_flags("nzCv"); }
TEST(t_tst) { go(thumb_tst, 1, 2, "nzCV"); expect_flags("nZCV"); }
TEST(t_negs) { go(thumb_negs, 0, 5, "nzCv"); expect_r(0, 0xfffffffb); expect_flags("Nzcv"); }
TEST(t_negs_zero) { go(thumb_negs, 9, 0, "nzcv"); expect_r(0, 0); expect_flags("nZCv"); }
TEST(t_negs_min) { go(thumb_negs, 0, 0x80000000, "nzcv"); expect_r(0, 0x80000000); expect_flags("NzcV"); }
TEST(t_cmp_reg) { go(thumb_cmp_reg, 5, 5, "Nzcv"); expect_flags("nZCv"); }
TEST(t_cmn) { go(thumb_cmn, 1, 0xffffffff, "nzcv"); expect_flags("nZCv"); }
TEST(t_orrs) { go(thumb_orrs, 0, 0, "Nzcv"); expect_r(0, 0); expect_flags("nZcv"); }
TEST(t_muls) { go(thumb_muls, 7, 6, "NZCV"); expect_r(0, 42); expect_flags("nzCV"); }
TEST(t_bics) { go(thumb_bics, 0xff, 0x0f, "nzcv"); expect_r(0, 0xf0); }
TEST(t_mvns) { go(thumb_mvns, 5, 0, "nzcv"); expect_r(0, 0xffffffff); expect_flags("Nzcv"); }

TEST(t_add_high)
{
    start(&blob_t, thumb_add_hi, true);
    setr(8, 10);
    setr(1, 5);
    setflags("NZCV");
    run(ARM_EXCP_BKPT);
    expect_r(8, 15);
    expect_flags("NZCV");
}
TEST(t_cmp_high)
{
    start(&blob_t, thumb_cmp_hi, true);
    setr(8, 5);
    setr(1, 6);
    run(ARM_EXCP_BKPT);
    expect_flags("Nzcv");
}
TEST(t_mov_high) { go(thumb_mov_hi, 0x1234, 0, ""); expect_r(9, 0x1234); }
/* MOV PC stays in Thumb state (no interworking), bit 0 ignored. */
TEST(t_mov_pc) { go(thumb_mov_pc, T(t_far) | 1, 0, ""); expect_bkpt(7); expect_thumb(true); }
TEST(t_add_pc)
{
    start(&blob_t, thumb_add_pc, true);
    setr(2, 0x100);
    run(ARM_EXCP_BKPT);
    expect_r(2, 0x100 + T(add_pc) + 4);
}

TEST(t_ldr_literal) { go(thumb_ldr_lit, 0, 0, ""); expect_r(2, 0x600dcafe); }

static void mem(uint32_t off, uint32_t r1, uint32_t r3)
{
    start(&blob_t, off, true);
    set_mem32(D, 0x04030201);
    set_mem32(D + 4, 0x88878685);
    set_mem32(D + 8, 0x0c0b0a09);
    setr(0, D);
    setr(1, r1);
    setr(3, r3);
    run(ARM_EXCP_BKPT);
}

TEST(t_str_reg) { mem(thumb_str_reg, 0xabcdef01, 8); expect_mem32(D + 8, 0xabcdef01); }
TEST(t_strh_reg) { mem(thumb_strh_reg, 0xabcdef01, 8); expect_mem32(D + 8, 0x0c0bef01); }
TEST(t_strb_reg) { mem(thumb_strb_reg, 0xabcdef01, 9); expect_mem32(D + 8, 0x0c0b0109); }
TEST(t_ldrsb_reg) { mem(thumb_ldrsb_reg, 0, 7); expect_r(2, 0xffffff88); }
TEST(t_ldr_reg) { mem(thumb_ldr_reg, 0, 4); expect_r(2, 0x88878685); }
TEST(t_ldrh_reg) { mem(thumb_ldrh_reg, 0, 6); expect_r(2, 0x8887); }
TEST(t_ldrb_reg) { mem(thumb_ldrb_reg, 0, 5); expect_r(2, 0x86); }
TEST(t_ldrsh_reg) { mem(thumb_ldrsh_reg, 0, 6); expect_r(2, 0xffff8887); }
TEST(t_str_imm) { mem(thumb_str_imm, 0x11223344, 0); expect_mem32(D + 124, 0x11223344); }
TEST(t_ldr_imm) { mem(thumb_ldr_imm, 0, 0); expect_r(2, 0x88878685); }
TEST(t_strb_imm) { mem(thumb_strb_imm, 0x5a, 0); expect_mem32(D + 28, 0x5a000000); }
TEST(t_ldrb_imm) { mem(thumb_ldrb_imm, 0, 0); expect_r(2, 0x86); }
TEST(t_strh_imm) { mem(thumb_strh_imm, 0x1234, 0); expect_mem32(D + 60, 0x12340000); }
TEST(t_ldrh_imm) { mem(thumb_ldrh_imm, 0, 0); expect_r(2, 0x8887); }

static void sp(uint32_t off, uint32_t spv)
{
    start(&blob_t, off, true);
    setr(13, spv);
    setr(0, 0x0a0a0a0a);
    setr(1, 0x0b0b0b0b);
    set_mem32(STACK_TOP - 16, 0x11);
    set_mem32(STACK_TOP - 12, 0x22);
    set_mem32(STACK_TOP - 8, 0x33);
    run(ARM_EXCP_BKPT);
}

TEST(t_str_sp) { sp(thumb_str_sp, STACK_TOP - 1024); expect_mem32(STACK_TOP - 4, 0x0b0b0b0b); }
TEST(t_ldr_sp) { sp(thumb_ldr_sp, STACK_TOP - 16); expect_r(2, 0x33); }
TEST(t_adr) { go(thumb_adr, 0, 0, ""); expect_r(2, T(adr_target)); check((T(adr_target) & 3) == 0, "misaligned"); }
TEST(t_add_sp_imm8) { sp(thumb_add_sp_imm8, 0x1000); expect_r(2, 0x1000 + 1020); }
TEST(t_add_sp) { sp(thumb_add_sp, 0x1000); expect_r(13, 0x1000 + 508); }
TEST(t_sub_sp) { sp(thumb_sub_sp, 0x1000); expect_r(13, 0x1000 - 12); }
TEST(t_push)
{
    sp(thumb_push, STACK_TOP);
    expect_mem32(STACK_TOP - 12, 0x0a0a0a0a);
    expect_mem32(STACK_TOP - 8, 0x0b0b0b0b);
    expect_mem32(STACK_TOP - 4, 0xdead000e);
    expect_r(13, STACK_TOP - 12);
}
TEST(t_pop) { sp(thumb_pop, STACK_TOP - 16); expect_r(0, 0x11); expect_r(1, 0x22); expect_r(13, STACK_TOP - 8); }
/* POP {pc} interworks on ARMv5T. */
TEST(t_pop_pc_to_arm)
{
    start(&blob_t, thumb_pop_pc, true);
    setr(13, STACK_TOP - 8);
    set_mem32(STACK_TOP - 8, 0x99);
    set_mem32(STACK_TOP - 4, T(a_bkpt));
    run(ARM_EXCP_BKPT);
    expect_bkpt(6);
    expect_thumb(false);
    expect_r(0, 0x99);
    expect_r(13, STACK_TOP);
}
TEST(t_pop_pc_to_thumb)
{
    start(&blob_t, thumb_pop_pc, true);
    setr(13, STACK_TOP - 8);
    set_mem32(STACK_TOP - 8, 0);
    set_mem32(STACK_TOP - 4, T(t_far) | 1);
    run(ARM_EXCP_BKPT);
    expect_bkpt(7);
    expect_thumb(true);
    expect_r(0, 0);
    expect_r(13, STACK_TOP);
}
TEST(t_stmia) { mem(thumb_stmia, 0x1111, 0); clobber(2); expect_mem32(D, 0x1111); expect_mem32(D + 4, 0xdead0002); expect_r(0, D + 8); }
TEST(t_ldmia) { mem(thumb_ldmia, 0, 0); expect_r(1, 0x04030201); expect_r(2, 0x88878685); expect_r(0, D + 8); }
TEST(t_ldmia_base_in_list) { mem(thumb_ldmia_base, 0, 0); expect_r(0, 0x04030201); expect_r(1, 0x88878685); }

TEST(t_beq)
{
    go(thumb_beq, 0, 0, "Z");
    expect_bkpt(2);
    go(thumb_beq, 0, 0, "z");
    expect_bkpt(1);
}
TEST(t_bgt_backward)
{
    go(thumb_bgt_back, 0, 0, "znv");
    expect_bkpt(3);
    go(thumb_bgt_back, 0, 0, "Znv");
    expect_bkpt(4);
}
TEST(t_b) { go(thumb_b, 0, 0, ""); expect_bkpt(2); }
TEST(t_bl_pair) { go(thumb_bl, 0, 0, ""); expect_bkpt(7); expect_r(14, T(bl) + 4 + 1); }
TEST(t_blx_imm)
{
    go(thumb_blx_imm, 0, 0, "");
    expect_bkpt(8);
    expect_thumb(false);
    expect_r(14, T(blx_imm) + 5);
}
TEST(t_bx_arm) { go(thumb_bx_arm, T(a_bkpt), 0, ""); expect_bkpt(6); expect_thumb(false); }
TEST(t_blx_reg)
{
    go(thumb_blx_reg, T(a_bkpt), 0, "");
    expect_bkpt(6);
    expect_thumb(false);
    expect_r(14, T(blx_reg) + 3);
}
TEST(t_svc)
{
    start(&blob_t, thumb_svc, true);
    run(EXCP_SYSCALL);
    expect_pc(T(svc) + 2);
    expect_thumb(true);
}
TEST(t_bkpt) { start(&blob_t, thumb_bkpt, true); run(ARM_EXCP_BKPT); expect_pc(T(bkpt)); expect_bkpt(0x77); }
TEST(t_udf) { start(&blob_t, thumb_udf, true); run(EXCP_UDEF); expect_pc(T(udf)); }
TEST(t_v6_undefined) { start(&blob_t, thumb_sxth_v6, true); run(EXCP_UDEF); expect_pc(T(sxth_v6)); }
TEST(t_v7_undefined) { start(&blob_t, thumb_cbz_v7, true); run(EXCP_UDEF); expect_pc(T(cbz_v7)); }
/* ARMv5T: a BL prefix not followed by a suffix runs on its own. */
TEST(t_bl_prefix_alone) { go(thumb_bl_prefix, 0, 0, ""); expect_r(14, T(bl_prefix) + 4); }
TEST(t_bl_suffix_alone)
{
    start(&blob_t, thumb_bl_suffix, true);
    setr(14, T(bl_suffix) + 2);
    run(ARM_EXCP_BKPT);
    expect_bkpt(3);
    expect_r(14, T(bl_suffix) + 3);
}
TEST(t_bl_pair_across_pages)
{
    check((T(cross_pair) & 0xfff) == 0xffe, "test layout");
    go(thumb_cross_pair, 0, 0, "");
    expect_bkpt(5);
    expect_r(14, T(cross_pair) + 5);
}
/* With the second page not executable the prefix runs alone and the
 * fetch of the suffix faults at its own address. */
TEST(t_bl_pair_second_page_missing)
{
    uint32_t page = (T(cross_pair) + 2) & ~0xfffu;
    page_set_flags(page, page + GUEST_PAGE_SIZE, PAGE_READ);
    tb_flush_all();

    start(&blob_t, thumb_cross_pair, true);
    run(EXCP_PREFETCH);
    expect_pc(T(cross_pair) + 2);
    expect_r(14, T(cross_pair) + 4);
    check(cpu->common.fault_addr == T(cross_pair) + 2, "fault_addr %llx",
          (unsigned long long)cpu->common.fault_addr);
    page_set_flags(page, page + GUEST_PAGE_SIZE, PAGE_READ | PAGE_EXEC);
    tb_flush_all();
}
