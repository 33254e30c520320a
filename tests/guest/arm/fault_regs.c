/*
 * SIGSEGV from every kind of load and store, right after every register
 * changed: the handler must see each register exactly as the faulting
 * instruction left it (r0-r12, sp, lr, pc and the NZCV flags from the
 * ucontext), then it skips the instruction and the code goes on.
 *
 * Each block of the kernel (ARM assembly below) loads a per-iteration
 * seed, sets r0-r11 and lr to seed + 0x100 * (n + 1) (lr: + 0xe00),
 * compares r0 with r1 (N set, Z C V clear), points r12 at a PROT_NONE
 * region and runs one access that faults.  The C loop runs the kernel
 * many times with different seeds (so it runs from hot, chained code).
 * Loads into a register leave it unchanged; base writeback does not
 * happen; SWP/SWPB take the atomic path.
 *
 * Then a loop whose body is one block (the code generator keeps its
 * registers in host registers across iterations) walks an array of ones
 * into the PROT_NONE region: after N iterations its registers are known
 * exactly at the faulting load, and the handler sends it to its exit.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "check.h"

volatile uint32_t fk_seed, fk_bad, fk_sp;

/* n, instruction, name */
#define BLOCKS(X)                                       \
    X(0, "ldr r0, [r12]", "ldr")                        \
    X(1, "ldrb r0, [r12]", "ldrb")                      \
    X(2, "ldrh r0, [r12]", "ldrh")                      \
    X(3, "ldrsb r0, [r12]", "ldrsb")                    \
    X(4, "ldrsh r0, [r12]", "ldrsh")                    \
    X(5, "ldrd r2, [r12]", "ldrd")                      \
    X(6, "ldr r0, [r12, #4]!", "ldr pre-index wb")      \
    X(7, "ldr r0, [r12], #4", "ldr post-index")         \
    X(8, "ldr r0, [r12, r4]", "ldr register offset")    \
    X(9, "ldmia r12!, {r0-r3}", "ldmia wb")             \
    X(10, "ldrh r8, [r12, #2]", "ldrh offset")          \
    X(11, "str r0, [r12]", "str")                       \
    X(12, "strb r1, [r12]", "strb")                     \
    X(13, "strh r2, [r12]", "strh")                     \
    X(14, "strd r4, [r12]", "strd")                     \
    X(15, "str r5, [r12, r6, lsl #2]", "str scaled")    \
    X(16, "str r7, [r12, #8]!", "str pre-index wb")     \
    X(17, "stmia r12!, {r4-r7}", "stmia wb")            \
    X(18, "swp r0, r1, [r12]", "swp")                   \
    X(19, "swpb r2, r3, [r12]", "swpb")                 \
    X(20, "ldrne r0, [r12]", "ldrne (taken)")           \
    X(21, "strmi r9, [r12, #4]", "strmi (taken)")

#define SETREGS                                 \
    "ldr r12, =fk_seed\n"                       \
    "ldr r12, [r12]\n"                          \
    "add r0, r12, #0x100\n"                     \
    "add r1, r12, #0x200\n"                     \
    "add r2, r12, #0x300\n"                     \
    "add r3, r12, #0x400\n"                     \
    "add r4, r12, #0x500\n"                     \
    "add r5, r12, #0x600\n"                     \
    "add r6, r12, #0x700\n"                     \
    "add r7, r12, #0x800\n"                     \
    "add r8, r12, #0x900\n"                     \
    "add r9, r12, #0xa00\n"                     \
    "add r10, r12, #0xb00\n"                    \
    "add r11, r12, #0xc00\n"                    \
    "add lr, r12, #0xe00\n"                     \
    "cmp r0, r1\n"                              \
    "ldr r12, =fk_bad\n"                        \
    "ldr r12, [r12]\n"

#define ASM_BLOCK(n, insn, name) SETREGS ".global fk_pc" #n "\nfk_pc" #n ":\n" insn "\n"

__asm__(".text\n"
        ".arm\n"
        ".align 2\n"
        ".global fault_kernel\n"
        ".type fault_kernel, %function\n"
        "fault_kernel:\n"
        "push {r4-r11, lr}\n"
        "ldr r12, =fk_sp\n"
        "str sp, [r12]\n"
        BLOCKS(ASM_BLOCK)
        "pop {r4-r11, pc}\n"
        ".ltorg\n");

void fault_kernel(void);

/* loop_kernel(p): sum words from p until one faults.  At the fault after
 * N iterations: r0 = the faulting address, r1 = N (ones summed), r2 = N,
 * r3 = 7 ^ 1 ^ 2 ^ ... ^ N, r4 = 1 (the last load), r5 = 2N, r6 = N + 5,
 * flags from cmp N, #0x40000 (N set, C clear).  r7 = 0x4000 - N counts
 * down.  The handler sends the pc to loop_exit. */
__asm__(".text\n"
        ".arm\n"
        ".align 2\n"
        ".global loop_kernel\n"
        ".type loop_kernel, %function\n"
        "loop_kernel:\n"
        "push {r4-r11, lr}\n"
        "mov r1, #0\n"
        "mov r2, #0\n"
        "mov r3, #7\n"
        "mov r7, #0x4000\n"
        "1:\n"
        "ldr r4, [r0], #4\n"
        "add r1, r1, r4\n"
        "add r2, r2, #1\n"
        "eor r3, r3, r2\n"
        "add r5, r2, r1\n"
        "add r6, r2, #5\n"
        "sub r7, r7, #1\n"
        "cmp r2, #0x40000\n"
        "bne 1b\n"
        ".global loop_exit\n"
        "loop_exit:\n"
        "pop {r4-r11, pc}\n");

void loop_kernel(const uint32_t *p);
extern const char loop_exit[];
static volatile unsigned loop_n, loop_faults, loop_bad_regs;

#define DECL_PC(n, insn, name) extern const char fk_pc##n[];
BLOCKS(DECL_PC)
#define PC_ENTRY(n, insn, name) (uintptr_t)fk_pc##n,
static const uintptr_t fk_pcs[] = { BLOCKS(PC_ENTRY) };
#define NAME_ENTRY(n, insn, name) name,
static const char *const fk_names[] = { BLOCKS(NAME_ENTRY) };
#define NBLOCKS (sizeof(fk_pcs) / sizeof(fk_pcs[0]))

static volatile unsigned next_block, faults[NBLOCKS], bad_regs[NBLOCKS];
static volatile unsigned bad_order, bad_addr;
static volatile int first_bad_reg = -1;
static volatile uint32_t first_bad_got, first_bad_want;

#define REGION 0x10000u

/* The fault in loop_kernel after loop_n iterations. */
static void loop_fault(unsigned long *reg)
{
    uint32_t n = loop_n, x = 7;
    for (uint32_t i = 1; i <= n; i++)
        x ^= i;
    const uint32_t want[8] = { fk_bad, n, n, x, 1, 2 * n, n + 5,
                               0x4000 - n };
    loop_faults++;
    for (int i = 0; i < 8; i++)
        if ((uint32_t)reg[i] != want[i])
            loop_bad_regs++;
    if ((reg[16] & 0xf0000000u) != 0x80000000u)
        loop_bad_regs++;
    reg[15] = (uintptr_t)loop_exit;
}

static void handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    /* arm_r0 .. arm_pc, arm_cpsr are consecutive. */
    unsigned long *reg = &uc->uc_mcontext.arm_r0;
    unsigned n = next_block;
    (void)sig;
    if (loop_n) {
        loop_fault(reg);
        return;
    }
    if (n >= NBLOCKS || reg[15] != fk_pcs[n]) {
        bad_order++;
        for (n = 0; n < NBLOCKS && fk_pcs[n] != reg[15]; n++)
            ;
        if (n == NBLOCKS)
            _exit(3); /* not one of ours: give up */
    }
    faults[n]++;
    uintptr_t a = (uintptr_t)si->si_addr;
    if (a < fk_bad || a >= fk_bad + REGION)
        bad_addr++;
    uint32_t want[17];
    for (int i = 0; i < 12; i++)
        want[i] = fk_seed + 0x100u * (unsigned)(i + 1);
    want[12] = fk_bad;
    want[13] = fk_sp;
    want[14] = fk_seed + 0xe00;
    want[15] = (uint32_t)fk_pcs[n];
    want[16] = 0x80000000u;  /* N; Z C V clear; ARM state */
    for (int i = 0; i < 17; i++) {
        uint32_t got = (uint32_t)reg[i];
        if (i == 16)
            got &= 0xf0000020u;
        if (got != want[i]) {
            bad_regs[n]++;
            if (first_bad_reg < 0) {
                first_bad_reg = i;
                first_bad_got = got;
                first_bad_want = want[i];
            }
        }
    }
    next_block = n + 1;
    reg[15] += 4;
}

int main(void)
{
    /* A page of ones (for the loop), then the PROT_NONE region. */
    uint32_t *ones = mmap(NULL, 4096 + REGION, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("pages mapped", ones != MAP_FAILED);
    char *p = (char *)ones + 4096;
    CHECK("mprotect PROT_NONE", mprotect(p, REGION, PROT_NONE), 0);
    for (int i = 0; i < 1024; i++)
        ones[i] = 1;
    fk_bad = (uint32_t)(uintptr_t)p;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    const unsigned iters = 300;
    unsigned incomplete = 0;
    for (unsigned it = 0; it < iters; it++) {
        fk_seed = it * 8u;
        next_block = 0;
        fault_kernel();
        if (next_block != NBLOCKS)
            incomplete++;
    }
    CHECK("kernel runs that took every fault", iters - incomplete, iters);
    CHECK("faults out of order", bad_order, 0);
    CHECK("fault addresses outside the region", bad_addr, 0);
    for (unsigned n = 0; n < NBLOCKS; n++) {
        char what[96];
        snprintf(what, sizeof what, "%s: faults", fk_names[n]);
        CHECK(what, faults[n], iters);
        snprintf(what, sizeof what, "%s: wrong register values", fk_names[n]);
        CHECK(what, bad_regs[n], 0);
    }
    if (first_bad_reg >= 0)
        printf("first wrong register: %d = 0x%x, want 0x%x\n", first_bad_reg,
               (unsigned)first_bad_got, (unsigned)first_bad_want);

    /* The loop runs over the page of ones into the region. */
    const unsigned loops = 200;
    for (unsigned it = 0; it < loops; it++) {
        loop_n = 300 + it * 3;
        loop_kernel((const uint32_t *)p - loop_n);
    }
    loop_n = 0;
    CHECK("loop faults", loop_faults, loops);
    CHECK("loop: wrong register values", loop_bad_regs, 0);

    /* The region is still inaccessible, and ordinary code runs on. */
    CHECK("munmap", munmap(ones, 4096 + REGION), 0);
    return check_done("fault_regs");
}
