/*
 * Halfword, signed and doubleword transfers (LDRH/STRH/LDRSB/LDRSH/
 * LDRD/STRD) with immediate and register offsets, pre/post indexing and
 * writeback.
 */
#include "check.h"

static uint8_t mem[64] __attribute__((aligned(8)));

#define A(off) ((uint32_t)&mem[off])

#define LOAD(what, INSN, base0, idx, want_val, want_base) do {            \
        uint32_t v_, b_ = (base0), x_ = (idx);                            \
        asm volatile(INSN : "=&r"(v_), "+r"(b_) : "r"(x_) : "memory");    \
        CHECK(what " value", v_, want_val);                               \
        CHECK(what " base", b_, want_base);                               \
    } while (0)

int main(void)
{
    for (int i = 0; i < 64; i++)
        mem[i] = (uint8_t)(0x70 + i * 3);   /* 0x70 0x73 ... crosses 0x80 */
    /* mem[0..1] = 0x70 0x73, mem[4..5] = 0x7c 0x7f, mem[6..7] = 0x82 0x85 */
    LOAD("ldrh imm", "ldrh %0, [%1, #4]", A(0), 0, 0x7f7c, A(0));
    LOAD("ldrh imm!", "ldrh %0, [%1, #6]!", A(0), 0, 0x8582, A(6));
    LOAD("ldrh post", "ldrh %0, [%1], #2", A(6), 0, 0x8582, A(8));
    LOAD("ldrh -imm", "ldrh %0, [%1, #-2]", A(8), 0, 0x8582, A(8));
    LOAD("ldrh reg", "ldrh %0, [%1, %2]", A(0), 6, 0x8582, A(0));
    LOAD("ldrh -reg!", "ldrh %0, [%1, -%2]!", A(10), 4, 0x8582, A(6));
    LOAD("ldrh post -reg", "ldrh %0, [%1], -%2", A(6), 6, 0x8582, A(0));
    LOAD("ldrsh positive", "ldrsh %0, [%1, #4]", A(0), 0, 0x7f7c, A(0));
    LOAD("ldrsh negative", "ldrsh %0, [%1, #6]", A(0), 0, 0xffff8582u, A(0));
    LOAD("ldrsh reg!", "ldrsh %0, [%1, %2]!", A(2), 4, 0xffff8582u, A(6));
    LOAD("ldrsh post", "ldrsh %0, [%1], #-6", A(6), 0, 0xffff8582u, A(0));
    LOAD("ldrsb positive", "ldrsb %0, [%1, #5]", A(0), 0, 0x7f, A(0));
    LOAD("ldrsb negative", "ldrsb %0, [%1, #6]", A(0), 0, 0xffffff82u, A(0));
    LOAD("ldrsb -reg!", "ldrsb %0, [%1, -%2]!", A(9), 3, 0xffffff82u, A(6));
    LOAD("ldrsb post reg", "ldrsb %0, [%1], %2", A(7), 9, 0xffffff85u, A(16));

    /* Stores of halfwords keep the neighbouring bytes. */
    {
        uint32_t b = A(20);
        asm volatile("strh %1, [%0, #2]!" : "+r"(b) : "r"(0x1234beefu) : "memory");
        CHECK("strh imm! base", b, A(22));
        CHECK("strh imm! low byte", mem[22], 0xef);
        CHECK("strh imm! high byte", mem[23], 0xbe);
        CHECK("strh imm! next byte untouched", mem[24], (uint8_t)(0x70 + 24 * 3));
        CHECK("strh imm! previous byte untouched", mem[21], (uint8_t)(0x70 + 21 * 3));
        asm volatile("strh %1, [%0], %2" : "+r"(b) : "r"(0xa55au), "r"(4) : "memory");
        CHECK("strh post reg base", b, A(26));
        CHECK("strh post reg stored", mem[22] | mem[23] << 8, 0xa55a);
    }

    /* Doublewords: the even register gets the lower address.  Fixed
     * registers inside each asm because LDRD/STRD need an even pair. */
    {
        uint32_t out[3];
        uint32_t *w = (uint32_t *)&mem[32];
        w[0] = 0x11112222u; w[1] = 0x33334444u; w[2] = 0x55556666u; w[3] = 0x77778888u;
#define DUAL(INSN, base0, idx)                                           \
        asm volatile("mov r2, %[b]\n\tmov r3, %[x]\n\t" INSN "\n\t"      \
                     "str r0, [%[o]]\n\tstr r1, [%[o], #4]\n\t"          \
                     "str r2, [%[o], #8]"                                  \
                     : : [b] "r"(base0), [x] "r"(idx), [o] "r"(out)        \
                     : "r0", "r1", "r2", "r3", "memory")
        DUAL("ldrd r0, [r2, #8]", A(32), 0);
        CHECK("ldrd imm low", out[0], 0x55556666u);
        CHECK("ldrd imm high", out[1], 0x77778888u);
        CHECK("ldrd imm base", out[2], A(32));
        DUAL("ldrd r0, [r2], #8", A(32), 0);
        CHECK("ldrd post low", out[0], 0x11112222u);
        CHECK("ldrd post high", out[1], 0x33334444u);
        CHECK("ldrd post base", out[2], A(40));
        DUAL("ldrd r0, [r2, -r3]!", A(40), 8);
        CHECK("ldrd -reg! low", out[0], 0x11112222u);
        CHECK("ldrd -reg! high", out[1], 0x33334444u);
        CHECK("ldrd -reg! base", out[2], A(32));
        DUAL("ldrd r0, [r2, r3]", A(32), 8);
        CHECK("ldrd reg low", out[0], 0x55556666u);
        CHECK("ldrd reg high", out[1], 0x77778888u);

        DUAL("ldr r0, =0xaaaabbbb\n\tldr r1, =0xccccdddd\n\tstrd r0, [r2, #8]!", A(48), 0);
        CHECK("strd imm! base", out[2], A(56));
        CHECK("strd imm! low word", *(uint32_t *)&mem[56], 0xaaaabbbbu);
        CHECK("strd imm! high word", *(uint32_t *)&mem[60], 0xccccddddu);
        DUAL("ldr r0, =0x01020304\n\tldr r1, =0x05060708\n\tstrd r0, [r2], -r3", A(56), 8);
        CHECK("strd post -reg base", out[2], A(48));
        CHECK("strd post -reg low word", *(uint32_t *)&mem[56], 0x01020304u);
        CHECK("strd post -reg high word", *(uint32_t *)&mem[60], 0x05060708u);
        DUAL("ldr r0, =0x0badf00d\n\tldr r1, =0x600dd00d\n\tstrd r0, [r2, r3]", A(32), 16);
        CHECK("strd reg low word", *(uint32_t *)&mem[48], 0x0badf00du);
        CHECK("strd reg high word", *(uint32_t *)&mem[52], 0x600dd00du);
        CHECK("strd reg base unchanged", out[2], A(32));
    }
    return check_done("ldrh_ldrd");
}
