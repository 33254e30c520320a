/*
 * LDM/STM in all four modes (IA, IB, DA, DB) with and without writeback,
 * PUSH/POP, LDM with PC in the list (a return), and STM storing PC.
 */
#include "check.h"

static uint32_t mem[16];
static uint32_t out[5];

#define A(i) ((uint32_t)&mem[i])

static void fill(void)
{
    for (int i = 0; i < 16; i++)
        mem[i] = 0x100u + (uint32_t)i;
}

/* Loads r4-r7 with INSN from base r8, then stores r4-r7 and r8 to out[]. */
#define LDM(INSN, base0)                                                 \
    asm volatile("mov r8, %[b]\n\tmov r4, #0\n\tmov r5, #0\n\t"           \
                 "mov r6, #0\n\tmov r7, #0\n\t" INSN "\n\t"               \
                 "stmia %[o], {r4-r8}"                                   \
                 : : [b] "r"(base0), [o] "r"(out)                        \
                 : "r4", "r5", "r6", "r7", "r8", "memory")

/* Stores r4-r7 = 0xa4..0xa7 with INSN from base r8, out[4] = final r8. */
#define STM(INSN, base0)                                                 \
    asm volatile("mov r8, %[b]\n\tmov r4, #0xa4\n\tmov r5, #0xa5\n\t"     \
                 "mov r6, #0xa6\n\tmov r7, #0xa7\n\t" INSN "\n\t"         \
                 "str r8, [%[o], #16]"                                   \
                 : : [b] "r"(base0), [o] "r"(out)                        \
                 : "r4", "r5", "r6", "r7", "r8", "memory")

static void check_load(const char *what, uint32_t first, uint32_t base)
{
    char name[64];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "%s r%d", what, 4 + i);
        check_u64(name, out[i], 0x100u + first + (uint32_t)i);
    }
    snprintf(name, sizeof name, "%s base", what);
    check_u64(name, out[4], base);
}

static void check_store(const char *what, int first, uint32_t base)
{
    char name[64];
    for (int i = 0; i < 16; i++) {
        uint32_t want = (i >= first && i < first + 4) ? 0xa4u + (uint32_t)(i - first)
                                                       : 0x100u + (uint32_t)i;
        snprintf(name, sizeof name, "%s mem[%d]", what, i);
        if (mem[i] != want || (i >= first && i < first + 4))
            check_u64(name, mem[i], want);
    }
    snprintf(name, sizeof name, "%s base", what);
    check_u64(name, out[4], base);
}

/* A function returning through LDM with PC in the list. */
static uint32_t __attribute__((naked, noinline)) ret_via_ldm(uint32_t x)
{
    asm volatile("stmdb sp!, {r4, lr}\n\t"
                 "add r4, r0, #1\n\t"
                 "mov r0, r4, lsl #1\n\t"
                 "ldmia sp!, {r4, pc}");
}

int main(void)
{
    fill();
    LDM("ldmia r8, {r4-r7}", A(4));    check_load("ldmia", 4, A(4));
    LDM("ldmia r8!, {r4-r7}", A(4));   check_load("ldmia!", 4, A(8));
    LDM("ldmib r8, {r4-r7}", A(4));    check_load("ldmib", 5, A(4));
    LDM("ldmib r8!, {r4-r7}", A(4));   check_load("ldmib!", 5, A(8));
    LDM("ldmda r8, {r4-r7}", A(8));    check_load("ldmda", 5, A(8));
    LDM("ldmda r8!, {r4-r7}", A(8));   check_load("ldmda!", 5, A(4));
    LDM("ldmdb r8, {r4-r7}", A(8));    check_load("ldmdb", 4, A(8));
    LDM("ldmdb r8!, {r4-r7}", A(8));   check_load("ldmdb!", 4, A(4));

    /* A sparse list still loads consecutive words in register order. */
    LDM("ldmia r8, {r4, r6}", A(2));
    CHECK("sparse ldm r4", out[0], 0x102);
    CHECK("sparse ldm r5 untouched", out[1], 0);
    CHECK("sparse ldm r6", out[2], 0x103);

    fill(); STM("stmia r8, {r4-r7}", A(4));  check_store("stmia", 4, A(4));
    fill(); STM("stmia r8!, {r4-r7}", A(4)); check_store("stmia!", 4, A(8));
    fill(); STM("stmib r8, {r4-r7}", A(4));  check_store("stmib", 5, A(4));
    fill(); STM("stmib r8!, {r4-r7}", A(4)); check_store("stmib!", 5, A(8));
    fill(); STM("stmda r8, {r4-r7}", A(8));  check_store("stmda", 5, A(8));
    fill(); STM("stmda r8!, {r4-r7}", A(8)); check_store("stmda!", 5, A(4));
    fill(); STM("stmdb r8, {r4-r7}", A(8));  check_store("stmdb", 4, A(8));
    fill(); STM("stmdb r8!, {r4-r7}", A(8)); check_store("stmdb!", 4, A(4));

    /* PUSH/POP through sp. */
    {
        uint32_t a, b, c, sp0, sp1;
        asm volatile("mov %[s0], sp\n\t"
                     "mov r4, #11\n\tmov r5, #22\n\tmov r6, #33\n\t"
                     "push {r4-r6}\n\t"
                     "ldr %[a], [sp]\n\tldr %[b], [sp, #8]\n\t"
                     "mov r4, #0\n\tmov r5, #0\n\tmov r6, #0\n\t"
                     "pop {r4-r6}\n\t"
                     "add %[c], r4, r6\n\tadd %[c], %[c], r5\n\t"
                     "mov %[s1], sp"
                     : [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c),
                       [s0] "=&r"(sp0), [s1] "=&r"(sp1)
                     : : "r4", "r5", "r6", "memory");
        CHECK("push lowest register at lowest address", a, 11);
        CHECK("push highest register at highest address", b, 33);
        CHECK("pop restores", c, 66);
        CHECK("push/pop sp balanced", sp1, sp0);
    }

    /* LDM with PC: the return from ret_via_ldm. */
    CHECK("ldmia sp!, {r4, pc} returns", ret_via_ldm(20), 42);
    CHECK("ldmia sp!, {r4, pc} returns again", ret_via_ldm(0xffffffffu), 0);

    /* LDM loading PC from a table jumps there. */
    {
        uint32_t r;
        asm volatile("adr r4, 1f\n\t"
                     "ldmia r4, {r5, pc}\n\t"
                     "1: .word 0x5555\n\t.word 2f\n\t"
                     "mov %0, #1\n\tb 3f\n\t"
                     "2: mov %0, r5\n\t"
                     "3:"
                     : "=r"(r) : : "r4", "r5", "memory");
        CHECK("ldmia {r5, pc} jumps to loaded pc", r, 0x5555);
    }

    /* STM storing PC: the ARM ARM allows +8 or +12 (implementation defined). */
    {
        uint32_t slot[2], here;
        asm volatile("1: stmia %[s], {r4, pc}\n\tadr %[h], 1b"
                     : [h] "=r"(here) : [s] "r"(slot) : "memory");
        uint32_t d = slot[1] - here;
        CHECK_TRUE("stm of pc stores insn+8 or insn+12", d == 8 || d == 12);
    }
    return check_done("ldm_stm");
}
