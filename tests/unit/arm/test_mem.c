/* Every A32 addressing mode, LDM/STM forms, SWP, faults. */
#include "code_mem.h"
#include "engine/guest_mem.h"
#include "harness.h"

struct test_blob blob_mem = { "mem", mem_code, sizeof(mem_code) };

#define D DATA_BASE

static void go(uint32_t off, uint32_t base, uint32_t r1)
{
    start(&blob_mem, off, false);
    for (int i = 0; i < 64; i++)
        set_mem32(D + 4 * i, 0x11111111u * (i & 15) + (i << 24));
    setr(0, base);
    setr(1, r1);
    run(ARM_EXCP_BKPT);
}

/* word i of the pattern written by go() */
static uint32_t w(int i)
{
    return 0x11111111u * (i & 15) + ((uint32_t)i << 24);
}

TEST(ldr_imm) { go(mem_ldr_imm, D, 0); expect_r(2, w(1)); }
TEST(ldr_neg_pre_writeback) { go(mem_ldr_neg_pre_wb, D + 16, 0); expect_r(2, w(3)); expect_r(0, D + 12); }
TEST(ldr_post_index) { go(mem_ldr_post, D + 8, 0); expect_r(2, w(2)); expect_r(0, D + 16); }
TEST(ldr_reg) { go(mem_ldr_reg, D, 12); expect_r(2, w(3)); }
TEST(ldr_reg_negative) { go(mem_ldr_reg_neg, D + 16, 12); expect_r(2, w(1)); }
TEST(ldr_scaled) { go(mem_ldr_scaled, D, 5); expect_r(2, w(5)); }
TEST(ldr_scaled_writeback) { go(mem_ldr_scaled_wb, D, 5); expect_r(2, w(5)); expect_r(0, D + 20); }
TEST(ldr_post_asr) { go(mem_ldr_post_asr, D + 32, 0xfffffff0); expect_r(2, w(8)); expect_r(0, D + 40); }
TEST(ldr_rrx_offset)
{
    /* RRX of 16 with C clear: offset 8. */
    start(&blob_mem, mem_ldr_rrx, false);
    for (int i = 0; i < 64; i++)
        set_mem32(D + 4 * i, w(i));
    setr(0, D);
    setr(1, 16);
    setflags("c");
    run(ARM_EXCP_BKPT);
    expect_r(2, w(2));
}
TEST(ldr_literal) { go(mem_ldr_lit, D, 0); expect_r(2, 0xcafef00d); }
TEST(ldrb) { go(mem_ldrb, D + 4, 0); expect_r(2, w(1) >> 24); }

TEST(str_imm) { go(mem_str_imm, D, 0x12345678); expect_mem32(D + 8, 0x12345678); }
TEST(str_pre_writeback) { go(mem_str_pre_wb, D, 0xa5a5a5a5); expect_mem32(D + 4, 0xa5a5a5a5); expect_r(0, D + 4); }
TEST(str_post_reg)
{
    start(&blob_mem, mem_str_post_reg, false);
    setr(0, D + 8);
    setr(1, 0x01020304);
    setr(3, 0x10);
    run(ARM_EXCP_BKPT);
    expect_mem32(D + 8, 0x01020304);
    expect_r(0, D + 0x18);
}
TEST(strb) { go(mem_strb, D, 0x123456ab); expect_mem32(D, 0x0000ab00 | (w(0) & 0xffff00ff)); }
/* STR PC stores the instruction's address + 8. */
TEST(str_pc) { go(mem_str_pc, D, 0); expect_mem32(D, blob_mem.base + mem_str_pc + 8); }
TEST(ldrt_post) { go(mem_ldrt, D + 4, 0); expect_r(2, w(1)); expect_r(0, D + 8); }
TEST(strbt_post) { go(mem_strbt, D, 0xee); expect_mem8(D, 0xee); expect_r(0, D + 1); }

TEST(ldrh) { go(mem_ldrh, D + 4, 0); expect_r(2, w(1) >> 16); }
TEST(ldrh_reg_writeback) { go(mem_ldrh_reg_wb, D, 8); expect_r(2, w(2) & 0xffff); expect_r(0, D + 8); }
TEST(ldrsh_negative)
{
    start(&blob_mem, mem_ldrsh, false);
    set_mem32(D, 0x8001ffff);
    setr(0, D + 4);
    run(ARM_EXCP_BKPT);
    expect_r(2, 0xffff8001);
}
TEST(ldrsb_post)
{
    start(&blob_mem, mem_ldrsb_post, false);
    set_mem32(D, 0x7f80);
    setr(0, D);
    run(ARM_EXCP_BKPT);
    expect_r(2, 0xffffff80);
    expect_r(0, D + 1);
}
TEST(strh) { go(mem_strh, D, 0xdead1234); expect_mem32(D + 4, (w(1) & 0x0000ffff) | 0x12340000); }
TEST(strh_post_reg)
{
    start(&blob_mem, mem_strh_post_reg, false);
    setr(0, D + 8);
    setr(1, 0xbeef);
    setr(3, 4);
    run(ARM_EXCP_BKPT);
    expect_mem32(D + 8, 0xbeef);
    expect_r(0, D + 4);
}
TEST(ldrd) { go(mem_ldrd, D, 0); expect_r(2, w(2)); expect_r(3, w(3)); }
TEST(ldrd_writeback) { go(mem_ldrd_wb, D + 16, 0); expect_r(2, w(2)); expect_r(3, w(3)); expect_r(0, D + 8); }
TEST(strd_post)
{
    start(&blob_mem, mem_strd_post, false);
    setr(0, D + 4);
    setr(1, 0x20);
    setr(2, 0xaaaa5555);
    setr(3, 0x5555aaaa);
    run(ARM_EXCP_BKPT);
    expect_mem32(D + 4, 0xaaaa5555);
    expect_mem32(D + 8, 0x5555aaaa);
    expect_r(0, D + 0x24);
}
TEST(ldrd_odd_register_undefined)
{
    start(&blob_mem, mem_ldrd_odd, false);
    setr(0, D);
    run(EXCP_UDEF);
    expect_pc(blob_mem.base + mem_ldrd_odd);
}
/* Misaligned word loads behave as on a kernel with alignment fixup. */
TEST(ldr_unaligned)
{
    start(&blob_mem, mem_ldr_unaligned, false);
    set_mem32(D, 0x44332211);
    set_mem32(D + 4, 0x88776655);
    setr(0, D);
    run(ARM_EXCP_BKPT);
    expect_r(2, 0x55443322);
}
/* A faulting load leaves the registers (also the base) unchanged. */
TEST(ldr_fault_no_writeback)
{
    start(&blob_mem, mem_ldr_fault_wb, false);
    setr(0, UNMAPPED);
    run(EXCP_SEGV);
    expect_pc(blob_mem.base + mem_ldr_fault_wb);
    check(cpu->common.fault_addr == UNMAPPED + 4, "fault_addr %llx",
          (unsigned long long)cpu->common.fault_addr);
}
/* LDR PC interworks on ARMv5T. */
TEST(ldr_pc_to_thumb)
{
    start(&blob_mem, mem_ldr_to_pc, false);
    set_mem32(D, (blob_mem.base + mem_thumb_target) | 1);
    setr(0, D);
    run(ARM_EXCP_BKPT);
    expect_bkpt(8);
    expect_thumb(true);
}
TEST(ldr_pc_to_arm)
{
    start(&blob_mem, mem_ldr_to_pc, false);
    set_mem32(D, blob_mem.base + mem_arm_target);
    setr(0, D);
    run(ARM_EXCP_BKPT);
    expect_bkpt(7);
    expect_thumb(false);
}
TEST(swp)
{
    start(&blob_mem, mem_swp, false);
    set_mem32(D, 0x11223344);
    setr(0, D);
    setr(1, 0x55667788);
    run(ARM_EXCP_BKPT);
    expect_r(2, 0x11223344);
    expect_mem32(D, 0x55667788);
}
TEST(swpb)
{
    start(&blob_mem, mem_swpb, false);
    set_mem32(D, 0x11223344);
    setr(0, D);
    setr(1, 0x556677aa);
    run(ARM_EXCP_BKPT);
    expect_r(2, 0x44);
    expect_mem32(D, 0x112233aa);
}

TEST(ldmia) { go(mem_ldmia, D, 0); expect_r(1, w(0)); expect_r(2, w(1)); expect_r(3, w(2)); }
TEST(ldmia_writeback) { go(mem_ldmia_wb, D, 0); expect_r(1, w(0)); expect_r(2, w(1)); expect_r(0, D + 8); }
TEST(ldmib_writeback) { go(mem_ldmib_wb, D, 0); expect_r(1, w(1)); expect_r(2, w(2)); expect_r(0, D + 8); }
TEST(ldmda_writeback) { go(mem_ldmda_wb, D + 16, 0); expect_r(1, w(3)); expect_r(2, w(4)); expect_r(0, D + 8); }
TEST(ldmdb_writeback) { go(mem_ldmdb_wb, D + 16, 0); expect_r(1, w(2)); expect_r(2, w(3)); expect_r(0, D + 8); }

static void stm(uint32_t off, uint32_t base)
{
    start(&blob_mem, off, false);
    setr(0, base);
    setr(1, 0x1111aaaa);
    setr(2, 0x2222bbbb);
    run(ARM_EXCP_BKPT);
}

TEST(stmia_writeback) { stm(mem_stmia_wb, D + 8); expect_mem32(D + 8, 0x1111aaaa); expect_mem32(D + 12, 0x2222bbbb); expect_r(0, D + 16); }
TEST(stmib) { stm(mem_stmib, D + 8); expect_mem32(D + 12, 0x1111aaaa); expect_mem32(D + 16, 0x2222bbbb); }
TEST(stmda_writeback) { stm(mem_stmda_wb, D + 8); expect_mem32(D + 4, 0x1111aaaa); expect_mem32(D + 8, 0x2222bbbb); expect_r(0, D); }
TEST(stmdb_writeback) { stm(mem_stmdb_wb, D + 8); expect_mem32(D, 0x1111aaaa); expect_mem32(D + 4, 0x2222bbbb); expect_r(0, D); }
/* The base as the lowest register in the list stores its original value. */
TEST(stm_base_first) { stm(mem_stm_base_first, D + 8); expect_mem32(D + 8, D + 8); expect_mem32(D + 12, 0x1111aaaa); expect_r(0, D + 16); }
TEST(push)
{
    stm(mem_push, 0);
    expect_mem32(STACK_TOP - 12, 0x1111aaaa);
    expect_mem32(STACK_TOP - 8, 0x2222bbbb);
    expect_mem32(STACK_TOP - 4, 0xdead000e);
    expect_r(13, STACK_TOP - 12);
}
/* LDM with the PC interworks on ARMv5T. */
TEST(pop_pc_interworks)
{
    start(&blob_mem, mem_pop_pc, false);
    setr(13, STACK_TOP - 8);
    set_mem32(STACK_TOP - 8, 0x77);
    set_mem32(STACK_TOP - 4, (blob_mem.base + mem_thumb_target) | 1);
    run(ARM_EXCP_BKPT);
    expect_bkpt(8);
    expect_thumb(true);
    expect_r(1, 0x77);
    expect_r(13, STACK_TOP);
}
TEST(ldm_fault_leaves_registers)
{
    start(&blob_mem, mem_ldm_fault, false);
    setr(0, D + 2 * GUEST_PAGE_SIZE - 4);   /* second word unmapped */
    run(EXCP_SEGV);
    expect_pc(blob_mem.base + mem_ldm_fault);
}
