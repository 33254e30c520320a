/*
 * SIGSEGV from every kind of load and store, right after every register
 * changed: the handler must see each general register, HI and LO exactly
 * as the faulting instruction left them (sc_regs / gregs of the
 * ucontext), then it skips the instruction and the code goes on.  Built
 * for both byte orders and both ABIs (o32 and n64, whose registers hold
 * 64-bit values with high bits set here).
 *
 * Each block of the kernel (assembly below) loads a per-iteration seed,
 * sets $1-$23, $25, $30 and $31 to seed + 0x100 * n and HI/LO to the
 * values of $5/$6, points $24 at a PROT_NONE region and runs one access
 * that faults.  The C loop runs the kernel many times with different
 * seeds.  Loads leave their destination unchanged.  (SC without a link
 * stores nothing, so it cannot fault: not here.)
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

#if _MIPS_SIM == _ABIO32
#define RL "lw"
#define RS "sw"
#define ADDIU "addiu"
#define RSZ "4"
#define FRAME "48"
#else
#define RL "ld"
#define RS "sd"
#define ADDIU "daddiu"
#define RSZ "8"
#define FRAME "96"
#endif

/* Passed to the kernel; its address stays on the kernel's stack. */
struct fk {
    unsigned long seed, bad, sp;
};
static struct fk fk;

#define BLOCKS32(X)                                     \
    X(0, "lb $2, 0($24)", "lb")                         \
    X(1, "lbu $3, 1($24)", "lbu")                       \
    X(2, "lh $4, 2($24)", "lh")                         \
    X(3, "lhu $5, 0($24)", "lhu")                       \
    X(4, "lw $6, 4($24)", "lw")                         \
    X(5, "lwl $7, 1($24)", "lwl")                       \
    X(6, "lwr $8, 2($24)", "lwr")                       \
    X(7, "ll $9, 0($24)", "ll")                         \
    X(8, "sb $10, 0($24)", "sb")                        \
    X(9, "sh $11, 2($24)", "sh")                        \
    X(10, "sw $12, 4($24)", "sw")                       \
    X(11, "swl $13, 1($24)", "swl")                     \
    X(12, "swr $14, 2($24)", "swr")                     \
    X(14, "lwc1 $f0, 0($24)", "lwc1")                   \
    X(15, "swc1 $f2, 4($24)", "swc1")                   \
    X(16, "ldc1 $f4, 8($24)", "ldc1")                   \
    X(17, "sdc1 $f6, 16($24)", "sdc1")                  \
    X(18, "lw $24, 0($24)", "lw into its base")

#if _MIPS_SIM == _ABIO32
#define BLOCKS(X) BLOCKS32(X)
#else
#define BLOCKS(X) BLOCKS32(X)                           \
    X(19, "lwu $16, 0($24)", "lwu")                     \
    X(20, "ld $17, 8($24)", "ld")                       \
    X(21, "sd $18, 16($24)", "sd")                      \
    X(22, "ldl $19, 3($24)", "ldl")                     \
    X(23, "ldr $20, 5($24)", "ldr")                     \
    X(24, "sdl $21, 1($24)", "sdl")                     \
    X(25, "sdr $22, 6($24)", "sdr")                     \
    X(26, "lld $23, 0($24)", "lld")
#endif

#define P(n, v) ADDIU " $" #n ", $24, " #v "\n"
#define SETREGS                                                         \
    RL " $24, 0($29)\n"                                                 \
    RL " $24, 0($24)\n"                                                 \
    P(1, 0x100) P(2, 0x200) P(3, 0x300) P(4, 0x400) P(5, 0x500)         \
    P(6, 0x600) P(7, 0x700) P(8, 0x800) P(9, 0x900) P(10, 0xa00)        \
    P(11, 0xb00) P(12, 0xc00) P(13, 0xd00) P(14, 0xe00) P(15, 0xf00)    \
    P(16, 0x1000) P(17, 0x1100) P(18, 0x1200) P(19, 0x1300)             \
    P(20, 0x1400) P(21, 0x1500) P(22, 0x1600) P(23, 0x1700)             \
    P(25, 0x1900) P(30, 0x1e00) P(31, 0x1f00)                           \
    "mthi $5\n"                                                         \
    "mtlo $6\n"                                                         \
    RL " $24, 0($29)\n"                                                 \
    RL " $24, " RSZ "($24)\n"

#define ASM_BLOCK(n, insn, name) SETREGS ".globl fk_pc" #n "\nfk_pc" #n ":\n" insn "\n"

/* Frame: the struct pointer at 0, then $16-$23, $30, $31. */
__asm__(".text\n"
        ".set push\n"
        ".set noreorder\n"
        ".set noat\n"
        ".globl fault_kernel\n"
        ".type fault_kernel, @function\n"
        "fault_kernel:\n"
        ADDIU " $29, $29, -" FRAME "\n"
        RS " $4, 0($29)\n"
        RS " $16, 1*" RSZ "($29)\n"
        RS " $17, 2*" RSZ "($29)\n"
        RS " $18, 3*" RSZ "($29)\n"
        RS " $19, 4*" RSZ "($29)\n"
        RS " $20, 5*" RSZ "($29)\n"
        RS " $21, 6*" RSZ "($29)\n"
        RS " $22, 7*" RSZ "($29)\n"
        RS " $23, 8*" RSZ "($29)\n"
        RS " $30, 9*" RSZ "($29)\n"
        RS " $31, 10*" RSZ "($29)\n"
        RS " $29, 2*" RSZ "($4)\n"
        BLOCKS(ASM_BLOCK)
        RL " $16, 1*" RSZ "($29)\n"
        RL " $17, 2*" RSZ "($29)\n"
        RL " $18, 3*" RSZ "($29)\n"
        RL " $19, 4*" RSZ "($29)\n"
        RL " $20, 5*" RSZ "($29)\n"
        RL " $21, 6*" RSZ "($29)\n"
        RL " $22, 7*" RSZ "($29)\n"
        RL " $23, 8*" RSZ "($29)\n"
        RL " $30, 9*" RSZ "($29)\n"
        RL " $31, 10*" RSZ "($29)\n"
        "jr $31\n"
        ADDIU " $29, $29, " FRAME "\n"
        ".set pop\n");

void fault_kernel(struct fk *f);

#if _MIPS_SIM == _ABIO32
#define ADDU "addu"
#else
#define ADDU "daddu"
#endif

/* loop_kernel(p): sum words from p until one faults.  At the fault after
 * N iterations: $4 = the faulting address, $2 = N (ones summed), $3 = N,
 * $5 = 7 ^ 1 ^ 2 ^ ... ^ N, $6 = 1 (the last load), $8 = 2N,
 * $7 = 0x4000 - N, $9 = 0x40000.  The handler sends the pc to
 * loop_exit. */
__asm__(".text\n"
        ".set push\n"
        ".set noreorder\n"
        ".globl loop_kernel\n"
        ".type loop_kernel, @function\n"
        "loop_kernel:\n"
        "move $2, $0\n"
        "move $3, $0\n"
        "li $5, 7\n"
        "li $7, 0x4000\n"
        "lui $9, 4\n"
        "1:\n"
        "lw $6, 0($4)\n"
        ADDIU " $4, $4, 4\n"
        ADDU " $2, $2, $6\n"
        ADDIU " $3, $3, 1\n"
        "xor $5, $5, $3\n"
        ADDU " $8, $3, $2\n"
        ADDIU " $7, $7, -1\n"
        "bne $3, $9, 1b\n"
        "nop\n"
        ".globl loop_exit\n"
        "loop_exit:\n"
        "jr $31\n"
        "nop\n"
        ".set pop\n");

void loop_kernel(const uint32_t *p);
extern const char loop_exit[];
static volatile unsigned loop_n, loop_faults, loop_bad_regs;

#define DECL_PC(n, insn, name) extern const char fk_pc##n[];
BLOCKS(DECL_PC)
#define PC_ENTRY(n, insn, name) (uintptr_t)fk_pc##n,
static uintptr_t fk_pcs[] = { BLOCKS(PC_ENTRY) };
#define NAME_ENTRY(n, insn, name) name,
static const char *const fk_names[] = { BLOCKS(NAME_ENTRY) };
#define NBLOCKS (sizeof(fk_pcs) / sizeof(fk_pcs[0]))

static volatile unsigned next_block, faults[NBLOCKS], bad_regs[NBLOCKS];
static volatile unsigned bad_order, bad_addr;
static volatile int first_bad_reg = -1;
static volatile unsigned long first_bad_got, first_bad_want;

#define REGION 0x10000u

/* o32 keeps 32-bit registers (the context holds them sign-extended). */
static unsigned long reg_value(unsigned long long v)
{
    return (unsigned long)v;
}

static void note(unsigned n, int reg, unsigned long got, unsigned long want)
{
    if (got == want)
        return;
    bad_regs[n]++;
    if (first_bad_reg < 0) {
        first_bad_reg = reg;
        first_bad_got = got;
        first_bad_want = want;
    }
}

/* The fault in loop_kernel after loop_n iterations. */
static void loop_fault(mcontext_t *mc)
{
    unsigned long n = loop_n, x = 7;
    for (unsigned long i = 1; i <= n; i++)
        x ^= i;
    static const int regs[8] = { 4, 2, 3, 5, 6, 8, 7, 9 };
    const unsigned long want[8] = { fk.bad, n, n, x, 1, 2 * n, 0x4000 - n,
                                    0x40000 };
    loop_faults++;
    for (int i = 0; i < 8; i++)
        if (reg_value(mc->gregs[regs[i]]) != want[i])
            loop_bad_regs++;
    mc->pc = (uintptr_t)loop_exit;
}

static void handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    mcontext_t *mc = &uc->uc_mcontext;
    unsigned n = next_block;
    unsigned long pc = reg_value(mc->pc);
    (void)sig;
    if (loop_n) {
        loop_fault(mc);
        return;
    }
    if (n >= NBLOCKS || pc != fk_pcs[n]) {
        bad_order++;
        for (n = 0; n < NBLOCKS && fk_pcs[n] != pc; n++)
            ;
        if (n == NBLOCKS)
            _exit(3); /* not one of ours: give up */
    }
    faults[n]++;
    uintptr_t a = (uintptr_t)si->si_addr;
    if (a < fk.bad || a >= fk.bad + REGION)
        bad_addr++;
    for (int i = 1; i < 32; i++) {
        unsigned long want = fk.seed + 0x100ul * (unsigned)i;
        if (i == 26 || i == 27 || i == 28)
            continue; /* k0, k1: the kernel's; gp: untouched */
        if (i == 24)
            want = fk.bad;
        if (i == 29)
            want = fk.sp;
        note(n, i, reg_value(mc->gregs[i]), want);
    }
    note(n, 32, reg_value(mc->mdhi), fk.seed + 0x500);
    note(n, 33, reg_value(mc->mdlo), fk.seed + 0x600);
    next_block = n + 1;
    mc->pc += 4;
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
    fk.bad = (unsigned long)p;
    /* The assembler may put a SYNC before LL/LLD (an errata workaround):
     * the access is the instruction after it. */
    for (unsigned n = 0; n < NBLOCKS; n++)
        while (*(const uint32_t *)fk_pcs[n] == 0x0000000f)
            fk_pcs[n] += 4;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    const unsigned iters = 300;
    unsigned incomplete = 0;
    for (unsigned it = 0; it < iters; it++) {
        /* High bits set (both halves on n64), low bits per iteration. */
        fk.seed = (unsigned long)0x5a5a5a5a5a5a0000ull + it * 8u;
        next_block = 0;
        fault_kernel(&fk);
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
        printf("first wrong register: %d = 0x%lx, want 0x%lx\n", first_bad_reg,
               first_bad_got, first_bad_want);

    /* The loop runs over the page of ones into the region. */
    const unsigned loops = 200;
    for (unsigned it = 0; it < loops; it++) {
        loop_n = 300 + it * 3;
        loop_kernel((const uint32_t *)p - loop_n);
    }
    loop_n = 0;
    CHECK("loop faults", loop_faults, loops);
    CHECK("loop: wrong register values", loop_bad_regs, 0);
    CHECK("munmap", munmap(ones, 4096 + REGION), 0);
    return check_done("fault_regs");
}
