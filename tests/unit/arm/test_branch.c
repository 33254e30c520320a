/* Branches, interworking, exceptions, undefined instructions. */
#include "code_branch.h"
#include "harness.h"

struct test_blob blob_br = { "branch", branch_code, sizeof(branch_code) };
#define BR(x) (blob_br.base + branch_##x)

static void go(uint32_t off, uint32_t r0, int excp)
{
    start(&blob_br, off, false);
    setr(0, r0);
    run(excp);
}

TEST(b_forward) { go(branch_b_fwd, 0, ARM_EXCP_BKPT); expect_bkpt(2); }
TEST(bl_sets_lr) { go(branch_bl_fwd, 0, ARM_EXCP_BKPT); expect_bkpt(2); expect_r(14, BR(bl_fwd) + 4); }
TEST(b_backward) { go(branch_b_back, 0, ARM_EXCP_BKPT); expect_bkpt(3); }
TEST(bx_to_thumb)
{
    go(branch_bx_thumb, BR(t_bkpt4) | 1, ARM_EXCP_BKPT);
    expect_bkpt(4);
    expect_thumb(true);
    expect_pc(BR(t_bkpt4));
}
TEST(bx_to_arm) { go(branch_bx_thumb, BR(arm_ret), ARM_EXCP_BKPT); expect_bkpt(6); expect_thumb(false); }
TEST(blx_reg_to_thumb)
{
    go(branch_blx_reg, BR(t_bkpt4) | 1, ARM_EXCP_BKPT);
    expect_bkpt(4);
    expect_thumb(true);
    expect_r(14, BR(blx_reg) + 4);
}
/* BLX <label> into Thumb code that returns with BX LR. */
TEST(blx_imm_and_return)
{
    go(branch_blx_imm, 0, ARM_EXCP_BKPT);
    expect_bkpt(5);
    expect_thumb(false);
    expect_r(14, BR(blx_imm) + 4);
}
/* The H bit selects a halfword-aligned Thumb target. */
TEST(blx_imm_halfword)
{
    go(branch_blx_imm_h, 0, ARM_EXCP_BKPT);
    expect_bkpt(9);
    expect_thumb(true);
    expect_pc(BR(t_bkpt9_h));
    check((BR(t_bkpt9_h) & 3) == 2, "test layout: target not at +2");
    clobber(14);
}
TEST(svc_pc_after) { go(branch_svc, 0, EXCP_SYSCALL); expect_pc(BR(svc) + 4); expect_thumb(false); }
TEST(bkpt_pc_at) { go(branch_bkpt_arm, 0, ARM_EXCP_BKPT); expect_pc(BR(bkpt_arm)); expect_bkpt(0x1234); }

static void udef(uint32_t off)
{
    go(off, DATA_BASE, EXCP_UDEF);
    expect_pc(blob_br.base + off);
}

TEST(udf_undefined) { udef(branch_udf); }
TEST(mcr_undefined) { udef(branch_mcr); }
TEST(mrc_tls_undefined_on_v5) { udef(branch_mrc_tls); }
TEST(mrc_tls_v6k)
{
    set_features(cpu->features | ARM_FEAT(V6K));
    start(&blob_br, branch_mrc_tls, false);
    cpu->tpidruro = 0x4567abcd;
    run(ARM_EXCP_BKPT);
    expect_r(2, 0x4567abcd);
}
TEST(mrc_other_undefined_on_v6k)
{
    set_features(cpu->features | ARM_FEAT(V6K));
    udef(branch_mrc_other);
}
TEST(cdp_undefined) { udef(branch_cdp); }
TEST(ldc_undefined) { udef(branch_ldc); }
TEST(uncond_space_undefined) { udef(branch_uncond); }
TEST(pld_is_nop) { go(branch_pld, UNMAPPED, ARM_EXCP_BKPT); }
TEST(media_undefined_on_v5) { udef(branch_media); }
TEST(msr_spsr_undefined_in_user) { udef(branch_msr_spsr); }
TEST(ldm_empty_list_undefined) { udef(branch_ldm_empty); }
/* Features gate instructions: without v5, CLZ-class BLX is undefined. */
TEST(blx_reg_undefined_on_v4t)
{
    set_features(ARM_FEAT(V4T));
    udef(branch_blx_reg);
}
