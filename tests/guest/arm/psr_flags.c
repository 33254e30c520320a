/*
 * The program status register: MSR/MRS round trips of NZCVQ, flags
 * surviving a function call and a system call, conditional execution
 * of loads, stores and branches with links, and MOVS/ADDS into registers
 * used right after.
 */
#include <unistd.h>
#include "check.h"

static uint32_t __attribute__((noinline, used)) plain(uint32_t x) { return x + 1; }

int main(void)
{
    for (uint32_t f = 0; f < 32; f++) {
        uint32_t out;
        asm volatile("msr cpsr_f, %1\n\tmrs %0, cpsr" : "=r"(out) : "r"(f << 27) : "cc");
        CHECKF(out >> 27, f, "msr/mrs nzcvq %02x", f);
    }
    /* Flags set before a syscall are still there after it (the kernel
     * keeps CPSR). */
    uint32_t out;
    asm volatile("msr cpsr_f, #0xa0000000\n\t"
                 "mov r7, #20\n\tsvc #0\n\t"      /* getpid */
                 "mrs %0, cpsr"
                 : "=r"(out) : : "r0", "r7", "cc", "memory");
    CHECK("flags kept across a syscall", out >> 28, 0xa);

    /* Conditional loads/stores: only the taken one acts. */
    static uint32_t mem[2] = { 111, 222 };
    uint32_t r = 0;
    asm volatile("cmp %1, #5\n\t"
                 "ldreq %0, [%2]\n\t"
                 "ldrne %0, [%2, #4]\n\t"
                 "strgt %0, [%2]\n\t"
                 : "+r"(r) : "r"(7), "r"(mem) : "cc", "memory");
    CHECK("ldrne taken", r, 222);
    CHECK("strgt taken", mem[0], 222);
    mem[0] = 111;
    asm volatile("cmp %1, #5\n\t"
                 "ldrlt %0, [%2]\n\t"
                 "strlt %1, [%2, #4]\n\t"
                 : "+r"(r) : "r"(7), "r"(mem) : "cc", "memory");
    CHECK("ldrlt not taken", r, 222);
    CHECK("strlt not taken", mem[1], 222);

    /* BLNE / BLEQ to a C function. */
    uint32_t res;
    asm volatile("mov r0, #41\n\t"
                 "cmp r0, #41\n\t"
                 "blne plain\n\t"
                 "mov r4, r0\n\t"
                 "cmp r4, #41\n\t"
                 "bleq plain\n\t"
                 "mov %0, r0"
                 : "=r"(res) :
                 : "r0", "r1", "r2", "r3", "r4", "ip", "lr", "cc", "memory");
    CHECK("blne skipped, bleq taken", res, 42);

    /* A conditional instruction right after a flag-setting one. */
    asm volatile("subs %0, %1, #1\n\tmoveq %0, #99" : "=&r"(r) : "r"(1) : "cc");
    CHECK("moveq after subs to zero", r, 99);
    asm volatile("adds %0, %1, #1\n\tmovcs %0, #77" : "=&r"(r) : "r"(0xffffffffu) : "cc");
    CHECK("movcs after adds carry", r, 77);
    CHECK("getpid still works", getpid() > 0, 1);
    return check_done("psr_flags");
}
