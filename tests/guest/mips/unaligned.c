/*
 * LWL/LWR/SWL/SWR (and LDL/LDR/SDL/SDR on MIPS64) one instruction at a
 * time, at every byte offset of an aligned word (doubleword), in the
 * byte order of the build.  The expected registers and memory bytes are
 * tables worked out by hand from the manual's pictures: LWL fills the
 * register from its most significant byte with the bytes from the
 * address to the end of the word in memory order ("left" = the big end),
 * LWR the least significant part; in little-endian the memory bytes run
 * the other way.  The unmerged register bytes keep their old value.
 */
#include <stdint.h>
#include <string.h>
#include "check.h"

#define BE (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)

static uint8_t buf[16] __attribute__((aligned(8)));

/* Memory 11 22 33 44 (55 66 77 88) from the aligned start; register
 * 0xaabbccdd before the load. */
static const uint32_t lwl_be[4] = { 0x11223344, 0x223344dd, 0x3344ccdd, 0x44bbccdd };
static const uint32_t lwr_be[4] = { 0xaabbcc11, 0xaabb1122, 0xaa112233, 0x11223344 };
static const uint32_t lwl_le[4] = { 0x11bbccdd, 0x2211ccdd, 0x332211dd, 0x44332211 };
static const uint32_t lwr_le[4] = { 0x44332211, 0xaa443322, 0xaabb4433, 0xaabbcc44 };

/* Memory aa bb cc dd before the store of 0x11223344. */
static const char *const swl_be[4] = { "11223344", "aa112233", "aabb1122", "aabbcc11" };
static const char *const swr_be[4] = { "44bbccdd", "3344ccdd", "223344dd", "11223344" };
static const char *const swl_le[4] = { "11bbccdd", "2211ccdd", "332211dd", "44332211" };
static const char *const swr_le[4] = { "44332211", "aa443322", "aabb4433", "aabbcc44" };

static uint32_t lwl(int k, uint32_t v)
{
    switch (k) {
    case 0: __asm__("lwl %0, 0(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    case 1: __asm__("lwl %0, 1(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    case 2: __asm__("lwl %0, 2(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    case 3: __asm__("lwl %0, 3(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    }
    return v;
}

static uint32_t lwr(int k, uint32_t v)
{
    switch (k) {
    case 0: __asm__("lwr %0, 0(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    case 1: __asm__("lwr %0, 1(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    case 2: __asm__("lwr %0, 2(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    case 3: __asm__("lwr %0, 3(%1)" : "+r"(v) : "r"(buf), "m"(buf)); break;
    }
    return v;
}

static void swl(int k, uint32_t v)
{
    switch (k) {
    case 0: __asm__("swl %1, 0(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    case 1: __asm__("swl %1, 1(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    case 2: __asm__("swl %1, 2(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    case 3: __asm__("swl %1, 3(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    }
}

static void swr(int k, uint32_t v)
{
    switch (k) {
    case 0: __asm__("swr %1, 0(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    case 1: __asm__("swr %1, 1(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    case 2: __asm__("swr %1, 2(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    case 3: __asm__("swr %1, 3(%2)" : "=m"(buf) : "r"(v), "r"(buf)); break;
    }
}

static void hex(char *out, int n)
{
    for (int i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", buf[i]);
}

static void fill(const uint8_t *b, int n)
{
    memcpy(buf, b, (size_t)n);
}

#if _MIPS_SIM == _ABI64
/* Memory 11 .. 88; register 0xa1a2a3a4a5a6a7a8 before the load. */
static const uint64_t ldl_be[8] = {
    0x1122334455667788, 0x22334455667788a8, 0x334455667788a7a8, 0x4455667788a6a7a8,
    0x55667788a5a6a7a8, 0x667788a4a5a6a7a8, 0x7788a3a4a5a6a7a8, 0x88a2a3a4a5a6a7a8,
};
static const uint64_t ldr_be[8] = {
    0xa1a2a3a4a5a6a711, 0xa1a2a3a4a5a61122, 0xa1a2a3a4a5112233, 0xa1a2a3a411223344,
    0xa1a2a31122334455, 0xa1a2112233445566, 0xa111223344556677, 0x1122334455667788,
};
static const uint64_t ldl_le[8] = {
    0x11a2a3a4a5a6a7a8, 0x2211a3a4a5a6a7a8, 0x332211a4a5a6a7a8, 0x44332211a5a6a7a8,
    0x5544332211a6a7a8, 0x665544332211a7a8, 0x77665544332211a8, 0x8877665544332211,
};
static const uint64_t ldr_le[8] = {
    0x8877665544332211, 0xa188776655443322, 0xa1a2887766554433, 0xa1a2a38877665544,
    0xa1a2a3a488776655, 0xa1a2a3a4a5887766, 0xa1a2a3a4a5a68877, 0xa1a2a3a4a5a6a788,
};
/* Memory a1 .. a8 before the store of 0x1122334455667788. */
static const char *const sdl_be[8] = {
    "1122334455667788", "a111223344556677", "a1a2112233445566", "a1a2a31122334455",
    "a1a2a3a411223344", "a1a2a3a4a5112233", "a1a2a3a4a5a61122", "a1a2a3a4a5a6a711",
};
static const char *const sdr_be[8] = {
    "88a2a3a4a5a6a7a8", "7788a3a4a5a6a7a8", "667788a4a5a6a7a8", "55667788a5a6a7a8",
    "4455667788a6a7a8", "334455667788a7a8", "22334455667788a8", "1122334455667788",
};
static const char *const sdl_le[8] = {
    "11a2a3a4a5a6a7a8", "2211a3a4a5a6a7a8", "332211a4a5a6a7a8", "44332211a5a6a7a8",
    "5544332211a6a7a8", "665544332211a7a8", "77665544332211a8", "8877665544332211",
};
static const char *const sdr_le[8] = {
    "8877665544332211", "a188776655443322", "a1a2887766554433", "a1a2a38877665544",
    "a1a2a3a488776655", "a1a2a3a4a5887766", "a1a2a3a4a5a68877", "a1a2a3a4a5a6a788",
};

#define D8(insn, k, out, in)                                               \
    case k: __asm__(insn " %0, " #k "(%1)" : out : in); break
#define LD_CASES(insn, v)                                                  \
    D8(insn, 0, "+r"(v), "r"(buf)); D8(insn, 1, "+r"(v), "r"(buf));        \
    D8(insn, 2, "+r"(v), "r"(buf)); D8(insn, 3, "+r"(v), "r"(buf));        \
    D8(insn, 4, "+r"(v), "r"(buf)); D8(insn, 5, "+r"(v), "r"(buf));        \
    D8(insn, 6, "+r"(v), "r"(buf)); D8(insn, 7, "+r"(v), "r"(buf))

static uint64_t ldl(int k, uint64_t v)
{
    __asm__ volatile("" ::: "memory");
    switch (k) { LD_CASES("ldl", v); }
    return v;
}

static uint64_t ldr(int k, uint64_t v)
{
    __asm__ volatile("" ::: "memory");
    switch (k) { LD_CASES("ldr", v); }
    return v;
}

#define SD_CASES(insn, v)                                                  \
    case 0: __asm__ volatile(insn " %0, 0(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 1: __asm__ volatile(insn " %0, 1(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 2: __asm__ volatile(insn " %0, 2(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 3: __asm__ volatile(insn " %0, 3(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 4: __asm__ volatile(insn " %0, 4(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 5: __asm__ volatile(insn " %0, 5(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 6: __asm__ volatile(insn " %0, 6(%1)" :: "r"(v), "r"(buf) : "memory"); break; \
    case 7: __asm__ volatile(insn " %0, 7(%1)" :: "r"(v), "r"(buf) : "memory"); break

static void sdl(int k, uint64_t v) { switch (k) { SD_CASES("sdl", v); } }
static void sdr(int k, uint64_t v) { switch (k) { SD_CASES("sdr", v); } }
#endif

int main(void)
{
    static const uint8_t mem[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
    static const uint8_t old4[4] = { 0xaa, 0xbb, 0xcc, 0xdd };
    char n[64], got[40];

    for (int k = 0; k < 4; k++) {
        fill(mem, 8);
        snprintf(n, sizeof n, "lwl offset %d", k);
        CHECK(n, (uint32_t)lwl(k, 0xaabbccdd), BE ? lwl_be[k] : lwl_le[k]);
        snprintf(n, sizeof n, "lwr offset %d", k);
        CHECK(n, (uint32_t)lwr(k, 0xaabbccdd), BE ? lwr_be[k] : lwr_le[k]);

        fill(old4, 4);
        swl(k, 0x11223344);
        hex(got, 4);
        snprintf(n, sizeof n, "swl offset %d", k);
        CHECK_STR(n, got, BE ? swl_be[k] : swl_le[k]);
        fill(old4, 4);
        swr(k, 0x11223344);
        hex(got, 4);
        snprintf(n, sizeof n, "swr offset %d", k);
        CHECK_STR(n, got, BE ? swr_be[k] : swr_le[k]);
    }
    /* The word after the aligned one is never touched. */
    fill(mem, 8);
    swl(3, 0);
    swr(0, 0);
    hex(got, 8);
    /* BE: SWL at 3 writes byte 3, SWR at 0 byte 0; LE: each writes
     * the whole word. */
    CHECK_STR("swl/swr stay inside the word", got,
              BE ? "0022330055667788" : "0000000055667788");

#if _MIPS_SIM == _ABI64
    static const uint8_t old8[8] = { 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8 };
    for (int k = 0; k < 8; k++) {
        fill(mem, 8);
        snprintf(n, sizeof n, "ldl offset %d", k);
        CHECK(n, ldl(k, 0xa1a2a3a4a5a6a7a8ull), BE ? ldl_be[k] : ldl_le[k]);
        snprintf(n, sizeof n, "ldr offset %d", k);
        CHECK(n, ldr(k, 0xa1a2a3a4a5a6a7a8ull), BE ? ldr_be[k] : ldr_le[k]);
        fill(old8, 8);
        sdl(k, 0x1122334455667788ull);
        hex(got, 8);
        snprintf(n, sizeof n, "sdl offset %d", k);
        CHECK_STR(n, got, BE ? sdl_be[k] : sdl_le[k]);
        fill(old8, 8);
        sdr(k, 0x1122334455667788ull);
        hex(got, 8);
        snprintf(n, sizeof n, "sdr offset %d", k);
        CHECK_STR(n, got, BE ? sdr_be[k] : sdr_le[k]);
    }
    /* LWL/LWR results are 32-bit values sign-extended to 64 bits when
     * the whole word is loaded. */
    static const uint8_t neg[4] = { 0x91, 0xa2, 0xb3, 0xc4 };
    fill(neg, 4);
    int64_t w;
    if (BE)
        __asm__("li %0, 0\n\tlwl %0, 0(%1)\n\tlwr %0, 3(%1)" : "=&r"(w) : "r"(buf), "m"(buf));
    else
        __asm__("li %0, 0\n\tlwl %0, 3(%1)\n\tlwr %0, 0(%1)" : "=&r"(w) : "r"(buf), "m"(buf));
    CHECK("lwl+lwr sign-extends", (uint64_t)w,
          BE ? 0xffffffff91a2b3c4ull : 0xffffffffc4b3a291ull);
#endif
    return check_done("unaligned");
}
