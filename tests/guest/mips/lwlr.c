/*
 * MIPS-specific instructions from C with inline assembly, checked against
 * values computed from the manual's rules: LWL/LWR and SWL/SWR at every
 * alignment (the pair loads/stores an unaligned word in either byte
 * order), MULT/MULTU/MADD/MSUB through HI/LO, LL/SC, a branch-likely
 * whose delay slot is nullified when not taken, and CLZ/CLO, SEB, WSBH,
 * EXT/INS.
 */
#include <stdint.h>
#include <string.h>
#include "check.h"

static uint32_t load_unaligned(const uint8_t *p)
{
    uint32_t v = 0;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    __asm__("lwl %0, 0(%1)\n\tlwr %0, 3(%1)" : "+r"(v) : "r"(p) : "memory");
#else
    __asm__("lwl %0, 3(%1)\n\tlwr %0, 0(%1)" : "+r"(v) : "r"(p) : "memory");
#endif
    return v;
}

static void store_unaligned(uint8_t *p, uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    __asm__("swl %1, 0(%0)\n\tswr %1, 3(%0)" :: "r"(p), "r"(v) : "memory");
#else
    __asm__("swl %1, 3(%0)\n\tswr %1, 0(%0)" :: "r"(p), "r"(v) : "memory");
#endif
}

int main(void)
{
    static uint8_t buf[16] __attribute__((aligned(8)));
    char name[64];

    for (int i = 0; i < 16; i++)
        buf[i] = (uint8_t)(0x10 + i);
    for (int off = 0; off < 8; off++) {
        uint32_t want;
        memcpy(&want, buf + off, 4);
        snprintf(name, sizeof(name), "lwl/lwr at offset %d", off);
        CHECK(name, load_unaligned(buf + off), want);
    }
    for (int off = 0; off < 8; off++) {
        uint8_t ref[16];
        for (int i = 0; i < 16; i++)
            buf[i] = ref[i] = (uint8_t)(0xa0 + i);
        uint32_t v = 0x01020304u + (uint32_t)off;
        memcpy(ref + off, &v, 4);
        store_unaligned(buf + off, v);
        snprintf(name, sizeof(name), "swl/swr at offset %d", off);
        CHECK_TRUE(name, memcmp(buf, ref, 16) == 0);
    }
    /* A single LWL/LWR on its own merges into the old register value. */
    for (int i = 0; i < 8; i++)
        buf[i] = (uint8_t)(0x11 * (i + 1));
    uint32_t r = 0xaabbccddu;
    __asm__("lwl %0, 1(%1)" : "+r"(r) : "r"(buf) : "memory");
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    CHECK("lwl alone (offset 1)", r, 0x223344ddu);
#else
    CHECK("lwl alone (offset 1)", r, 0x2211ccddu);
#endif
    r = 0xaabbccddu;
    __asm__("lwr %0, 1(%1)" : "+r"(r) : "r"(buf) : "memory");
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    CHECK("lwr alone (offset 1)", r, 0xaabb1122u);
#else
    CHECK("lwr alone (offset 1)", r, 0xaa443322u);
#endif

    /* HI/LO. */
    uint32_t hi, lo;
    __asm__("mult %2, %3\n\tmfhi %0\n\tmflo %1" : "=r"(hi), "=r"(lo)
            : "r"(-7), "r"(0x40000000) : "hi", "lo");
    CHECK("mult hi", hi, 0xfffffffeu);
    CHECK("mult lo", lo, 0x40000000u);
    __asm__("multu %2, %3\n\tmfhi %0\n\tmflo %1" : "=r"(hi), "=r"(lo)
            : "r"(0xffffffffu), "r"(0xffffffffu) : "hi", "lo");
    CHECK("multu hi", hi, 0xfffffffeu);
    CHECK("multu lo", lo, 1);
    __asm__("mthi %2\n\tmtlo %3\n\tmadd %4, %5\n\tmfhi %0\n\tmflo %1"
            : "=r"(hi), "=r"(lo) : "r"(0), "r"(0xffffffffu), "r"(1), "r"(1)
            : "hi", "lo");
    CHECK("madd carries into hi", hi, 1);
    CHECK("madd lo", lo, 0);
    __asm__("mthi %2\n\tmtlo %3\n\tmsubu %4, %5\n\tmfhi %0\n\tmflo %1"
            : "=r"(hi), "=r"(lo) : "r"(0), "r"(0), "r"(1), "r"(1)
            : "hi", "lo");
    CHECK("msubu borrows", hi, 0xffffffffu);
    CHECK("msubu lo", lo, 0xffffffffu);
    int32_t q, rem;
    __asm__("div $zero, %2, %3\n\tmflo %0\n\tmfhi %1" : "=r"(q), "=r"(rem)
            : "r"(-7), "r"(2) : "hi", "lo");
    CHECK("div quotient", q, -3);
    CHECK("div remainder", rem, -1);

    /* LL/SC: a store between them makes SC fail... */
    static uint32_t word = 5;
    uint32_t old, ok;
    __asm__ volatile("ll %0, 0(%2)\n\taddiu %1, %0, 1\n\tsc %1, 0(%2)"
                     : "=&r"(old), "=&r"(ok) : "r"(&word) : "memory");
    CHECK("ll reads", old, 5);
    CHECK("sc succeeds", ok, 1);
    CHECK("sc stored", word, 6);

    /* Branch-likely: the slot runs only when taken. */
    uint32_t x = 0;
    __asm__(".set noreorder\n\t"
            "beql %1, $zero, 1f\n\t"
            "addiu %0, %0, 1\n\t"    /* nullified: not taken */
            "1: beql $zero, $zero, 2f\n\t"
            "addiu %0, %0, 10\n\t"   /* runs: taken */
            "addiu %0, %0, 100\n\t"  /* skipped */
            "2:\n\t.set reorder" : "+r"(x) : "r"(1));
    CHECK("branch-likely slots", x, 10);
    /* An ordinary branch always runs its slot. */
    x = 0;
    __asm__(".set noreorder\n\t"
            "bne %1, $zero, 1f\n\t"
            "addiu %0, %0, 1\n\t"
            "addiu %0, %0, 100\n\t"
            "1:\n\t.set reorder" : "+r"(x) : "r"(1));
    CHECK("delay slot of a taken branch", x, 1);

    uint32_t v;
    __asm__("clz %0, %1" : "=r"(v) : "r"(0x00008000u));
    CHECK("clz", v, 16);
    __asm__("clo %0, %1" : "=r"(v) : "r"(0xfff00000u));
    CHECK("clo", v, 12);
    __asm__("seb %0, %1" : "=r"(v) : "r"(0x1280u));
    CHECK("seb", v, 0xffffff80u);
    __asm__("wsbh %0, %1" : "=r"(v) : "r"(0x11223344u));
    CHECK("wsbh", v, 0x22114433u);
    __asm__("ext %0, %1, 4, 8" : "=r"(v) : "r"(0x12345678u));
    CHECK("ext", v, 0x67);
    v = 0xffffffffu;
    __asm__("ins %0, %1, 8, 4" : "+r"(v) : "r"(0));
    CHECK("ins", v, 0xfffff0ffu);
    __asm__("rotr %0, %1, 8" : "=r"(v) : "r"(0x11223344u));
    CHECK("rotr", v, 0x44112233u);
    return check_done("lwlr");
}
