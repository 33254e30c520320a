/*
 * LDR/STR/LDRB/STRB addressing modes: immediate and register offsets,
 * shifted register offsets (LSL, LSR, ASR, ROR, RRX), pre-indexed with and
 * without writeback, post-indexed, negative offsets, and PC as an operand.
 */
#include "check.h"

static uint32_t buf[32];

static void fill(void)
{
    for (int i = 0; i < 32; i++)
        buf[i] = 0xa0000000u | (uint32_t)i * 0x10101u;
}

#define W(i) (0xa0000000u | (uint32_t)(i) * 0x10101u)
#define ADDR(i) ((uint32_t)&buf[i])

/* One load through INSN: %0 is the value, %1 the base (read and written),
 * %2 an index register. */
#define LOAD(what, INSN, base0, idx, want_val, want_base) do {            \
        uint32_t v_, b_ = (base0), x_ = (idx);                            \
        asm volatile(INSN : "=&r"(v_), "+r"(b_) : "r"(x_) : "memory");    \
        CHECK(what " value", v_, want_val);                               \
        CHECK(what " base", b_, want_base);                               \
    } while (0)

int main(void)
{
    fill();
    LOAD("ldr imm", "ldr %0, [%1, #8]", ADDR(0), 0, W(2), ADDR(0));
    LOAD("ldr imm!", "ldr %0, [%1, #8]!", ADDR(0), 0, W(2), ADDR(2));
    LOAD("ldr post imm", "ldr %0, [%1], #12", ADDR(1), 0, W(1), ADDR(4));
    LOAD("ldr -imm", "ldr %0, [%1, #-4]", ADDR(4), 0, W(3), ADDR(4));
    LOAD("ldr -imm!", "ldr %0, [%1, #-16]!", ADDR(9), 0, W(5), ADDR(5));
    LOAD("ldr post -imm", "ldr %0, [%1], #-8", ADDR(9), 0, W(9), ADDR(7));
    LOAD("ldr reg", "ldr %0, [%1, %2]", ADDR(0), 20, W(5), ADDR(0));
    LOAD("ldr -reg", "ldr %0, [%1, -%2]", ADDR(10), 20, W(5), ADDR(10));
    LOAD("ldr reg lsl", "ldr %0, [%1, %2, lsl #2]", ADDR(0), 7, W(7), ADDR(0));
    LOAD("ldr -reg lsl!", "ldr %0, [%1, -%2, lsl #2]!", ADDR(8), 3, W(5), ADDR(5));
    LOAD("ldr post reg lsl", "ldr %0, [%1], %2, lsl #3", ADDR(2), 3, W(2), ADDR(8));
    LOAD("ldr post -reg", "ldr %0, [%1], -%2", ADDR(6), 8, W(6), ADDR(4));
    LOAD("ldr reg lsr", "ldr %0, [%1, %2, lsr #1]", ADDR(0), 16, W(2), ADDR(0));
    LOAD("ldr reg lsr #32", "ldr %0, [%1, %2, lsr #32]", ADDR(3), 0xffffffffu, W(3), ADDR(3));
    LOAD("ldr reg asr", "ldr %0, [%1, %2, asr #2]", ADDR(4), 0xfffffff0u, W(3), ADDR(4));
    LOAD("ldr reg asr #32", "ldr %0, [%1, %2, asr #32]", ADDR(4) + 1, 0x80000000u, W(4), ADDR(4) + 1);
    LOAD("ldr reg ror", "ldr %0, [%1, %2, ror #4]", ADDR(0), 0x80, W(2), ADDR(0));
    LOAD("ldr reg ror wrap", "ldr %0, [%1, %2, ror #28]", ADDR(0), 0x40000000u, W(1), ADDR(0));

    /* RRX shifts the carry flag into bit 31. */
    {
        uint32_t v, b = ADDR(0), x = 16;
        asm volatile("msr cpsr_f, #0\n\tldr %0, [%1, %2, rrx]"
                     : "=&r"(v) : "r"(b), "r"(x) : "cc", "memory");
        CHECK("ldr reg rrx C=0", v, W(2));
        b = ADDR(0) - 0x80000000u;
        x = 9;
        asm volatile("msr cpsr_f, #0x20000000\n\tldr %0, [%1, %2, rrx]"
                     : "=&r"(v) : "r"(b), "r"(x) : "cc", "memory");
        CHECK("ldr reg rrx C=1", v, W(1));
    }

    /* Bytes: little-endian order inside a word. */
    buf[0] = 0x44332211u;
    LOAD("ldrb imm", "ldrb %0, [%1, #2]", ADDR(0), 0, 0x33, ADDR(0));
    LOAD("ldrb imm!", "ldrb %0, [%1, #3]!", ADDR(0), 0, 0x44, ADDR(0) + 3);
    LOAD("ldrb post", "ldrb %0, [%1], #1", ADDR(0), 0, 0x11, ADDR(0) + 1);
    LOAD("ldrb reg", "ldrb %0, [%1, %2]", ADDR(0), 1, 0x22, ADDR(0));
    LOAD("ldrb -reg!", "ldrb %0, [%1, -%2]!", ADDR(1), 2, 0x33, ADDR(0) + 2);

    /* Stores. */
    {
        uint32_t b = ADDR(10);
        asm volatile("str %1, [%0, #4]!" : "+r"(b) : "r"(0xdeadbeefu) : "memory");
        CHECK("str imm! stored", buf[11], 0xdeadbeefu);
        CHECK("str imm! base", b, ADDR(11));
        asm volatile("str %1, [%0], #-8" : "+r"(b) : "r"(0xcafef00du) : "memory");
        CHECK("str post stored", buf[11], 0xcafef00du);
        CHECK("str post base", b, ADDR(9));
        asm volatile("str %1, [%0, %2, lsl #2]" : : "r"(b), "r"(0x1234u), "r"(3) : "memory");
        CHECK("str reg lsl stored", buf[12], 0x1234u);
        b = ADDR(13);
        asm volatile("strb %1, [%0, #1]!" : "+r"(b) : "r"(0x1ab) : "memory");
        CHECK("strb imm! stored", buf[13], (W(13) & 0xffff00ffu) | 0xab00u);
        CHECK("strb imm! base", b, ADDR(13) + 1);
        asm volatile("strb %1, [%0], %2" : "+r"(b) : "r"(0x7f), "r"(2) : "memory");
        CHECK("strb post reg stored", buf[13], (W(13) & 0xffff00ffu) | 0x7f00u);
        CHECK("strb post reg base", b, ADDR(13) + 3);
    }

    /* LDRT/STRT behave as ordinary accesses in user mode. */
    fill();
    LOAD("ldrt post", "ldrt %0, [%1], #4", ADDR(6), 0, W(6), ADDR(7));

    /* PC reads as the instruction's address + 8. */
    {
        uint32_t pc, lbl;
        asm volatile("1: mov %0, pc\n\tadr %1, 1b" : "=r"(pc), "=r"(lbl));
        CHECK("mov from pc is +8", pc - lbl, 8);
        uint32_t v;
        asm volatile("ldr %0, [pc, #0]\n\tb 2f\n\t.word 0x600dcafe\n2:"
                     : "=r"(v));
        CHECK("ldr [pc, #0] reads the word after the next insn", v, 0x600dcafeu);
        asm volatile("add %0, pc, #8\n\tldr %0, [%0]\n\tb 3f\n\t.word 0x12121212\n\t"
                     ".word 0x34343434\n3:" : "=r"(v));
        CHECK("add pc + ldr", v, 0x34343434u);
    }
    return check_done("addr_modes");
}
