/* Every condition code, true and false, and what a failed condition
 * suppresses. */
#include "code_cond.h"
#include "harness.h"

struct test_blob blob_cond = { "cond", cond_code, sizeof(cond_code) };

static void cc(uint32_t off, const char *flags, uint32_t expect)
{
    start(&blob_cond, off, false);
    setflags(flags);
    run(ARM_EXCP_BKPT);
    expect_r(2, expect);
}

TEST(cond_eq) { cc(cond_c_eq, "Z", 1); cc(cond_c_eq, "z", 0); }
TEST(cond_ne) { cc(cond_c_ne, "z", 1); cc(cond_c_ne, "Z", 0); }
TEST(cond_cs) { cc(cond_c_cs, "C", 1); cc(cond_c_cs, "c", 0); }
TEST(cond_cc) { cc(cond_c_cc, "c", 1); cc(cond_c_cc, "C", 0); }
TEST(cond_mi) { cc(cond_c_mi, "N", 1); cc(cond_c_mi, "n", 0); }
TEST(cond_pl) { cc(cond_c_pl, "n", 1); cc(cond_c_pl, "N", 0); }
TEST(cond_vs) { cc(cond_c_vs, "V", 1); cc(cond_c_vs, "v", 0); }
TEST(cond_vc) { cc(cond_c_vc, "v", 1); cc(cond_c_vc, "V", 0); }
TEST(cond_hi)
{
    cc(cond_c_hi, "Cz", 1);
    cc(cond_c_hi, "CZ", 0);
    cc(cond_c_hi, "cz", 0);
    cc(cond_c_hi, "cZ", 0);
}
TEST(cond_ls)
{
    cc(cond_c_ls, "Cz", 0);
    cc(cond_c_ls, "CZ", 1);
    cc(cond_c_ls, "cz", 1);
    cc(cond_c_ls, "cZ", 1);
}
TEST(cond_ge)
{
    cc(cond_c_ge, "nv", 1);
    cc(cond_c_ge, "NV", 1);
    cc(cond_c_ge, "Nv", 0);
    cc(cond_c_ge, "nV", 0);
}
TEST(cond_lt)
{
    cc(cond_c_lt, "nv", 0);
    cc(cond_c_lt, "NV", 0);
    cc(cond_c_lt, "Nv", 1);
    cc(cond_c_lt, "nV", 1);
}
TEST(cond_gt)
{
    cc(cond_c_gt, "znv", 1);
    cc(cond_c_gt, "zNV", 1);
    cc(cond_c_gt, "Znv", 0);
    cc(cond_c_gt, "zNv", 0);
    cc(cond_c_gt, "ZnV", 0);
}
TEST(cond_le)
{
    cc(cond_c_le, "znv", 0);
    cc(cond_c_le, "zNV", 0);
    cc(cond_c_le, "Znv", 1);
    cc(cond_c_le, "zNv", 1);
    cc(cond_c_le, "znV", 1);
}

TEST(cond_false_load_does_not_fault)
{
    start(&blob_cond, cond_ldrne_unmapped, false);
    setr(0, UNMAPPED);
    setflags("Z");
    run(ARM_EXCP_BKPT);
}

TEST(cond_true_load_faults)
{
    start(&blob_cond, cond_ldrne_unmapped, false);
    setr(0, UNMAPPED);
    setflags("z");
    run(EXCP_SEGV);
    expect_pc(blob_cond.base + cond_ldrne_unmapped);
    check(cpu->common.fault_addr == UNMAPPED, "fault_addr %llx",
          (unsigned long long)cpu->common.fault_addr);
}

TEST(cond_branch)
{
    start(&blob_cond, cond_beq_fwd, false);
    setflags("Z");
    run(ARM_EXCP_BKPT);
    expect_bkpt(2);
    start(&blob_cond, cond_beq_fwd, false);
    setflags("z");
    run(ARM_EXCP_BKPT);
    expect_bkpt(1);
}

TEST(cond_bl_sets_lr_only_when_taken)
{
    start(&blob_cond, cond_bleq_fwd, false);
    setflags("z");
    run(ARM_EXCP_BKPT);
    expect_bkpt(1);
    start(&blob_cond, cond_bleq_fwd, false);
    setflags("Z");
    run(ARM_EXCP_BKPT);
    expect_bkpt(2);
    expect_r(14, blob_cond.base + cond_bleq_fwd + 4);
}

TEST(cond_false_undefined_skipped)
{
    start(&blob_cond, cond_udef_ne, false);
    setflags("Z");
    run(ARM_EXCP_BKPT);
    start(&blob_cond, cond_udef_ne, false);
    setflags("z");
    run(EXCP_UDEF);
    expect_pc(blob_cond.base + cond_udef_ne);
}

TEST(cond_svc)
{
    start(&blob_cond, cond_svcne, false);
    setflags("Z");
    run(ARM_EXCP_BKPT);
    start(&blob_cond, cond_svcne, false);
    setflags("z");
    run(EXCP_SYSCALL);
    expect_pc(blob_cond.base + cond_svcne + 4);
}

TEST(cond_chain)
{
    start(&blob_cond, cond_chain, false);
    setr(0, 5);
    setr(1, 5);
    run(ARM_EXCP_BKPT);
    expect_r(2, 12);
    start(&blob_cond, cond_chain, false);
    setr(0, 6);
    setr(1, 5);
    run(ARM_EXCP_BKPT);
    expect_r(2, 1);
    start(&blob_cond, cond_chain, false);
    setr(0, -1);
    setr(1, 5);
    run(ARM_EXCP_BKPT);
    expect_r(2, 2);
}
