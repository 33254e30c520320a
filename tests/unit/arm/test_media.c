/* ARMv6/v7 A32: media, dual/MSW multiplies, divides, bit fields, MOVW/MOVT,
 * exclusive accesses, barriers, SETEND, unprivileged halfword forms.
 * Expected values are worked out by hand from the ARM ARM pseudocode. */
#include "code_media.h"
#include "harness.h"

struct test_blob blob_media = { "media", media_code, sizeof(media_code) };
#define AT(x) media_##x

static void go(uint32_t off, uint32_t a, uint32_t b)
{
    set_model("max");
    start(&blob_media, off, false);
    setr(0, a);
    setr(1, b);
    setflags("q");
}

static void done(void)
{
    run(ARM_EXCP_BKPT);
}

/* One result in r2; ge < 0: GE must be unchanged (0). */
static void r2(uint32_t off, uint32_t a, uint32_t b, uint32_t want, int ge)
{
    go(off, a, b);
    done();
    expect_r(2, want);
    expect_ge(ge < 0 ? 0 : (unsigned)ge);
}

/* Parallel add/subtract: values, GE bits for the modulo forms. */
TEST(sadd16) { r2(AT(sadd16), 0x7fff8000, 0x00010001, 0x80008001, 0xc); }
TEST(uadd16_carry) { r2(AT(uadd16), 0xffff0001, 0x00010001, 0x00000002, 0xc); }
TEST(ssub8) { r2(AT(ssub8), 0x807f0001, 0x01ff0102, 0x7f80ffff, 0x4); }
TEST(usub8) { r2(AT(usub8), 0x10203040, 0x20203050, 0xf00000f0, 0x6); }
TEST(uadd8) { r2(AT(uadd8), 0xff800102, 0x01800304, 0x00000406, 0xc); }
TEST(sasx) { r2(AT(sasx), 0x00050003, 0x00070004, 0x0009fffc, 0xc); }
TEST(ssax) { r2(AT(ssax), 0x00050003, 0x00070009, 0xfffc000a, 0x3); }
TEST(uasx) { r2(AT(uasx), 0xfff00003, 0x00070020, 0x0010fffc, 0xc); }
TEST(qadd16_saturates) { r2(AT(qadd16), 0x7ff08000, 0x0100ffff, 0x7fff8000, -1); expect_flags("q"); }
TEST(qsub8_saturates) { r2(AT(qsub8), 0x807f1005, 0x01ff2003, 0x807ff002, -1); }
TEST(uqadd8) { r2(AT(uqadd8), 0xff801001, 0x01802002, 0xffff3003, -1); }
TEST(uqsub16) { r2(AT(uqsub16), 0x00050010, 0x00060003, 0x0000000d, -1); }
TEST(shadd8) { r2(AT(shadd8), 0x7f8003fd, 0x7f8002fe, 0x7f8002fd, -1); }
TEST(uhsub16) { r2(AT(uhsub16), 0x00010010, 0x00030004, 0xffff0006, -1); }
TEST(shasx) { r2(AT(shasx), 0x00050003, 0x00070004, 0x0004fffe, -1); }

TEST(sel)
{
    go(AT(sel), 0x11223344, 0xaabbccdd);
    arm_cpsr_write(cpu, 0x00050000, CPSR_GE);
    done();
    expect_r(2, 0xaa22cc44);
}

/* usub8 + sel: per-byte unsigned maximum. */
TEST(usub8_sel_max) { r2(AT(usub8_sel), 0x10503040, 0x20203050, 0x20503050, 0x6); }

/* Saturation: values and Q. */
static void sat(uint32_t off, uint32_t a, uint32_t want, bool q)
{
    go(off, a, 0);
    done();
    expect_r(2, want);
    expect_flags(q ? "Q" : "q");
}
TEST(ssat8_pos) { sat(AT(ssat8), 300, 127, true); }
TEST(ssat8_neg) { sat(AT(ssat8), (uint32_t)-129, 0xffffff80, true); }
TEST(ssat8_edge) { sat(AT(ssat8), (uint32_t)-128, 0xffffff80, false); }
TEST(ssat8_edge_pos) { sat(AT(ssat8), 127, 127, false); }
TEST(ssat_asr_pos) { sat(AT(ssat_asr), 0x00100000, 0x7fff, true); }
TEST(ssat_asr_neg) { sat(AT(ssat_asr), 0xfff00000, 0xffff8000, true); }
TEST(ssat32) { sat(AT(ssat32), 0x80000000, 0x80000000, false); }
TEST(usat8_over) { sat(AT(usat8), 256, 255, true); }
TEST(usat8_neg) { sat(AT(usat8), 0xffffffff, 0, true); }
TEST(usat8_edge) { sat(AT(usat8), 255, 255, false); }
TEST(usat0) { sat(AT(usat0), 5, 0, true); }
TEST(usat_lsl_neg) { sat(AT(usat_lsl), 0x40000000, 0, true); }
TEST(usat_lsl_ok) { sat(AT(usat_lsl), 0x3fffffff, 0x7ffffffe, false); }
TEST(ssat16) { sat(AT(ssat16), 0x0100ff00, 0x007fff80, true); }
TEST(ssat16_in_range) { sat(AT(ssat16), 0x007fff80, 0x007fff80, false); }
TEST(usat16) { sat(AT(usat16), 0xfff00009, 0x00000009, true); }
TEST(usat16_in_range) { sat(AT(usat16), 0x000f0000, 0x000f0000, false); }

/* Packing, extension, reversal. */
TEST(pkhbt) { r2(AT(pkhbt), 0x11112222, 0x00334455, 0x33442222, -1); }
TEST(pkhtb) { r2(AT(pkhtb), 0x11112222, 0x80334455, 0x11113344, -1); }
TEST(pkhtb_asr32) { r2(AT(pkhtb32), 0x11112222, 0x80000000, 0x1111ffff, -1); }
TEST(sxtb_ror8) { r2(AT(sxtb), 0x123480ff, 0, 0xffffff80, -1); }
TEST(uxtb) { r2(AT(uxtb), 0x123456f0, 0, 0xf0, -1); }
TEST(sxth) { r2(AT(sxth), 0x12348001, 0, 0xffff8001, -1); }
TEST(uxth_ror16) { r2(AT(uxth), 0xabcd1234, 0, 0xabcd, -1); }
TEST(sxtab) { r2(AT(sxtab), 0x000000ff, 100, 99, -1); }
TEST(uxtah_ror24) { r2(AT(uxtah), 0x11223344, 0x10000000, 0x10004411, -1); }
TEST(sxtb16) { r2(AT(sxtb16), 0x00800001, 0, 0xff800001, -1); }
TEST(uxtab16) { r2(AT(uxtab16), 0x11223344, 0xfff00010, 0x00010043, -1); }
TEST(rev) { r2(AT(rev), 0x11223344, 0, 0x44332211, -1); }
TEST(rev16) { r2(AT(rev16), 0x11223344, 0, 0x22114433, -1); }
TEST(revsh_neg) { r2(AT(revsh), 0x000080ff, 0, 0xffffff80, -1); }
TEST(revsh_pos) { r2(AT(revsh), 0x12347f01, 0, 0x0000017f, -1); }
TEST(rbit_one) { r2(AT(rbit), 1, 0, 0x80000000, -1); }
TEST(rbit) { r2(AT(rbit), 0x12345678, 0, 0x1e6a2c48, -1); }
TEST(usad8) { r2(AT(usad8), 0x01ff1005, 0xff012003, 526, -1); }
TEST(usada8) { go(AT(usada8), 0x01ff1005, 0xff012003); setr(3, 1000); done(); expect_r(2, 1526); }

/* Dual 16-bit multiplies. */
static void mul3(uint32_t off, uint32_t a, uint32_t b, uint32_t acc,
                 uint32_t want, bool q)
{
    go(off, a, b);
    setr(3, acc);
    done();
    expect_r(2, want);
    expect_flags(q ? "Q" : "q");
}
TEST(smuad) { mul3(AT(smuad), 0x00030002, 0x00050004, 0, 23, false); }
TEST(smuad_overflow) { mul3(AT(smuad), 0x80008000, 0x80008000, 0, 0x80000000, true); }
TEST(smuadx) { mul3(AT(smuadx), 0x00030002, 0x00050004, 0, 22, false); }
TEST(smusd) { mul3(AT(smusd), 0x00030002, 0x00050004, 0, 0xfffffff9, false); }
TEST(smusd_extreme) { mul3(AT(smusd), 0x80008000, 0x7fff8000, 0, 0x7fff8000, false); }
TEST(smlad) { mul3(AT(smlad), 0x00030002, 0x00050004, 100, 123, false); }
TEST(smlad_overflow) { mul3(AT(smlad), 0x40004000, 0x40004000, 0x60000000, 0x80000000, true); }
TEST(smlsdx) { mul3(AT(smlsdx), 0x00030002, 0x00050004, 10, 8, false); }

static void mul64(uint32_t off, uint32_t a, uint32_t b, uint32_t lo,
                  uint32_t hi, uint32_t wlo, uint32_t whi)
{
    go(off, a, b);
    setr(2, lo);
    setr(3, hi);
    done();
    expect_r(2, wlo);
    expect_r(3, whi);
}
TEST(smlald_carry) { mul64(AT(smlald), 0x00030002, 0x00050004, 0xffffffff, 0, 0x16, 1); }
TEST(smlsld_negative) { mul64(AT(smlsld), 0x00030002, 0x00050004, 0, 0, 0xfffffff9, 0xffffffff); }
TEST(umaal_max) { mul64(AT(umaal), 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff); }
TEST(umaal) { mul64(AT(umaal), 2, 3, 4, 5, 15, 0); }

TEST(smmul) { mul3(AT(smmul), 0x40000000, 6, 0, 1, false); }
TEST(smmulr) { mul3(AT(smmulr), 0x40000000, 6, 0, 2, false); }
TEST(smmul_neg) { mul3(AT(smmul), 0xffffffff, 1, 0, 0xffffffff, false); }
TEST(smmulr_neg) { mul3(AT(smmulr), 0xffffffff, 1, 0, 0, false); }
TEST(smmla) { mul3(AT(smmla), 0x40000000, 6, 10, 11, false); }
TEST(smmls) { mul3(AT(smmls), 0x40000000, 6, 10, 8, false); }
TEST(smmlsr) { mul3(AT(smmlsr), 0x40000000, 6, 10, 9, false); }
TEST(mls) { mul3(AT(mls), 7, 6, 100, 58, false); }

TEST(sdiv) { mul3(AT(sdiv), 7, (uint32_t)-2, 0, 0xfffffffd, false); }
TEST(sdiv_min_by_minus1) { mul3(AT(sdiv), 0x80000000, 0xffffffff, 0, 0x80000000, false); }
TEST(sdiv_by_zero) { mul3(AT(sdiv), 7, 0, 0, 0, false); }
TEST(udiv) { mul3(AT(udiv), 0xffffffff, 2, 0, 0x7fffffff, false); }
TEST(udiv_by_zero) { mul3(AT(udiv), 0xffffffff, 0, 0, 0, false); }
TEST(udiv_undefined_on_a8)
{
    go(AT(udiv), 1, 1);
    set_model("cortex-a8");
    run(EXCP_UDEF);
    expect_pc(blob_media.base + AT(udiv));
}
TEST(media_undefined_on_v5)
{
    go(AT(sadd16), 1, 1);
    set_model("arm926");
    run(EXCP_UDEF);
}

/* MOVW/MOVT, bit fields. */
TEST(movw) { r2(AT(movw), 0, 0, 0xbeef, -1); }
TEST(movt) { go(AT(movt), 0x12345678, 0); done(); expect_r(0, 0xcafe5678); }
TEST(bfi) { go(AT(bfi), 0xffffffff, 0xabc); done(); expect_r(0, 0xfffabcff); }
TEST(bfc) { go(AT(bfc), 0xffffffff, 0); done(); expect_r(0, 0xf000000f); }
TEST(ubfx) { r2(AT(ubfx), 0xa0000000, 0, 0xa, -1); }
TEST(sbfx) { r2(AT(sbfx), 0x00000f80, 0, 0xfffffff8, -1); }
TEST(sbfx32) { r2(AT(sbfx32), 0x87654321, 0, 0x87654321, -1); }

/* Exclusive accesses. */
static void excl(uint32_t off, uint32_t mem, uint32_t newv)
{
    go(off, DATA_BASE, newv);
    set_mem32(DATA_BASE, mem);
    setr(3, 7);
}
TEST(ldrex_strex)
{
    excl(AT(ldrex), 5, 9);
    done();
    expect_r(2, 5);
    expect_r(4, 0);
    expect_mem32(DATA_BASE, 9);
}
TEST(strex_second_fails)
{
    excl(AT(ldrex_twice), 5, 9);
    done();
    expect_r(2, 5);
    expect_r(4, 0);
    expect_r(5, 1);
    expect_mem32(DATA_BASE, 9);
}
TEST(strex_without_ldrex_fails)
{
    excl(AT(strex_alone), 5, 9);
    done();
    expect_r(4, 1);
    expect_mem32(DATA_BASE, 5);
}
TEST(strex_after_clrex_fails)
{
    excl(AT(clrex), 5, 9);
    done();
    expect_r(2, 5);
    expect_r(4, 1);
    expect_mem32(DATA_BASE, 5);
}
/* Another agent changed the word between LDREX and STREX. */
TEST(strex_fails_when_memory_changed)
{
    excl(AT(strex_alone), 5, 9);
    cpu->excl_addr = DATA_BASE;
    cpu->excl_val = 4;
    done();
    expect_r(4, 1);
    expect_mem32(DATA_BASE, 5);
}
TEST(strex_other_address_fails)
{
    excl(AT(strex_other), 5, 9);
    done();
    expect_r(2, 5);
    expect_r(4, 1);
    expect_r(5, DATA_BASE + 4);
    expect_mem32(DATA_BASE, 5);
}
TEST(ldrexb)
{
    excl(AT(ldrexb), 0x11223385, 0x12);
    done();
    expect_r(2, 0x85);
    expect_r(4, 0);
    expect_mem32(DATA_BASE, 0x11223312);
}
TEST(ldrexh)
{
    excl(AT(ldrexh), 0x11228385, 0xabcd);
    done();
    expect_r(2, 0x8385);
    expect_r(4, 0);
    expect_mem32(DATA_BASE, 0x1122abcd);
}
TEST(ldrexd)
{
    go(AT(ldrexd), DATA_BASE, 0);
    set_mem64(DATA_BASE, 0x1122334455667788ull);
    setr(6, 0xaaaa);
    setr(7, 0xbbbb);
    done();
    expect_r(2, 0x55667788);
    expect_r(3, 0x11223344);
    expect_r(4, 0);
    expect_mem32(DATA_BASE, 0xaaaa);
    expect_mem32(DATA_BASE + 4, 0xbbbb);
}
TEST(ldrex_fault_leaves_registers)
{
    go(AT(ldrex_fault), UNMAPPED, 0);
    run(EXCP_SEGV);
    expect_pc(blob_media.base + AT(ldrex_fault));
}
TEST(ldrex_misaligned)
{
    go(AT(ldrex_fault), DATA_BASE + 2, 0);
    run(EXCP_UNALIGNED);
    expect_pc(blob_media.base + AT(ldrex_fault));
}

TEST(barriers_hints) { go(AT(barriers), DATA_BASE, 0); done(); expect_r(2, 1); }

/* SETEND BE: data accesses swap, instruction fetch does not. */
TEST(setend)
{
    go(AT(setend), DATA_BASE, 0xaabbccdd);
    set_mem32(DATA_BASE, 0x11223344);
    done();
    expect_r(2, 0x44332211);
    expect_r(3, 0x4433);
    expect_r(4, 0x11223344);
    expect_mem32(DATA_BASE + 4, 0xddccbbaa);
    check(!(arm_cpsr_read(cpu) & CPSR_E), "E still set");
}

TEST(ldrht_post)
{
    go(AT(ldrht), DATA_BASE, 0);
    set_mem32(DATA_BASE, 0xbeef);
    done();
    expect_r(2, 0xbeef);
    expect_r(0, DATA_BASE + 2);
}
TEST(strht_post)
{
    go(AT(strht), DATA_BASE, 0x1234);
    done();
    expect_mem16(DATA_BASE, 0x1234);
    expect_r(0, DATA_BASE - 2);
}
