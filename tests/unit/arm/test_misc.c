/* kuser helpers, debugger breakpoints, and the list of test blobs. */
#include <string.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "harness.h"

extern struct test_blob blob_vfp, blob_dp, blob_cond, blob_mul, blob_mem, blob_br,
    blob_t, blob_media, blob_t2;
extern struct test_blob blob_neon;
struct test_blob *const test_blobs[] = {
    &blob_dp, &blob_cond, &blob_mul, &blob_mem, &blob_br, &blob_t,
    &blob_media, &blob_t2, &blob_vfp,
    &blob_neon,
    NULL,
};

#include "code_branch.h"
#define BR(x) (blob_br.base + branch_##x)

static void kuser_setup(void)
{
    static bool mapped;
    if (!mapped) {
        map_guest(0xffff0000u, 0xffff1000u, PAGE_READ | PAGE_EXEC);
        mapped = true;
    }
    arm_kuser_helpers_enabled = true;
}

/* blx r4 to the helper; it returns to the bkpt after the blx. */
static void kcall(uint32_t helper)
{
    start(&blob_br, branch_kcall, false);
    setr(4, helper);
}

TEST(kuser_cmpxchg_success)
{
    kuser_setup();
    kcall(ARM_KUSER_CMPXCHG);
    set_mem32(DATA_BASE, 5);
    setr(0, 5);
    setr(1, 9);
    setr(2, DATA_BASE);
    setflags("c");
    run(ARM_EXCP_BKPT);
    expect_bkpt(0);
    expect_r(0, 0);
    expect_flags("CZ");
    expect_mem32(DATA_BASE, 9);
    expect_r(14, BR(kcall) + 4);
    clobber(3);
}

TEST(kuser_cmpxchg_failure)
{
    kuser_setup();
    kcall(ARM_KUSER_CMPXCHG);
    set_mem32(DATA_BASE, 7);
    setr(0, 5);
    setr(1, 9);
    setr(2, DATA_BASE);
    setflags("C");
    run(ARM_EXCP_BKPT);
    expect_r(0, (uint32_t)(5 - 7));
    expect_flags("cz");
    expect_mem32(DATA_BASE, 7);
    clobber(3);
    clobber(14);
}

TEST(kuser_cmpxchg64)
{
    kuser_setup();
    kcall(ARM_KUSER_CMPXCHG64);
    set_mem32(DATA_BASE, 0x11111111);       /* *ptr */
    set_mem32(DATA_BASE + 4, 0x22222222);
    set_mem32(DATA_BASE + 8, 0x11111111);   /* oldval */
    set_mem32(DATA_BASE + 12, 0x22222222);
    set_mem32(DATA_BASE + 16, 0xaaaaaaaa);  /* newval */
    set_mem32(DATA_BASE + 20, 0xbbbbbbbb);
    setr(0, DATA_BASE + 8);
    setr(1, DATA_BASE + 16);
    setr(2, DATA_BASE);
    run(ARM_EXCP_BKPT);
    expect_r(0, 0);
    expect_flags("C");
    expect_mem32(DATA_BASE, 0xaaaaaaaa);
    expect_mem32(DATA_BASE + 4, 0xbbbbbbbb);
    clobber(3);
    clobber(14);
}

TEST(kuser_cmpxchg64_failure_high_word)
{
    kuser_setup();
    kcall(ARM_KUSER_CMPXCHG64);
    set_mem32(DATA_BASE, 0x11111111);
    set_mem32(DATA_BASE + 4, 0x33333333);
    set_mem32(DATA_BASE + 8, 0x11111111);
    set_mem32(DATA_BASE + 12, 0x22222222);
    setr(0, DATA_BASE + 8);
    setr(1, DATA_BASE + 16);
    setr(2, DATA_BASE);
    run(ARM_EXCP_BKPT);
    check(cpu->regs[0] != 0, "r0 = 0 on failure");
    expect_flags("c");
    expect_mem32(DATA_BASE + 4, 0x33333333);
    clobber(0);
    clobber(3);
    clobber(14);
}

TEST(kuser_get_tls)
{
    kuser_setup();
    kcall(ARM_KUSER_GET_TLS);
    cpu->tpidruro = 0xfeed1234;
    run(ARM_EXCP_BKPT);
    expect_r(0, 0xfeed1234);
    clobber(14);
}

TEST(kuser_memory_barrier)
{
    kuser_setup();
    kcall(ARM_KUSER_MEMORY_BARRIER);
    run(ARM_EXCP_BKPT);
    expect_pc(BR(kcall) + 4);
    clobber(14);
}

/* A debugger breakpoint stops before the instruction, which then runs
 * normally once the breakpoint is removed. */
TEST(debug_breakpoint)
{
    uint32_t bp = BR(bp_here) + 4;
    start(&blob_br, branch_bp_here, false);
    check(cpu_breakpoint_insert(&cpu->common, bp) == 0, "insert");
    run(EXCP_DEBUG);
    expect_pc(bp);
    expect_r(2, 1);
    cpu_breakpoint_remove(&cpu->common, bp);
    run(ARM_EXCP_BKPT);
    expect_r(2, 1);
    expect_r(3, 2);
}
