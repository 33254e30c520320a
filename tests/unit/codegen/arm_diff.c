/*
 * Differential test of the code generator against the interpreter: random
 * straight-line A32 sequences (data processing with every shifter form and
 * S bits, multiplies, loads and stores into a scratch page, conditional
 * execution) run once per engine from the same state; final registers,
 * flags and scratch memory must agree.  Every third sequence is the body
 * of a loop instead (SUBS sp, sp, #1; BNE back to the start, sp counting
 * 1-6 iterations): one TB that branches to itself, which the code
 * generator runs as a loop TB with guest registers kept in host registers
 * across iterations.
 *
 * usage: arm-diff RESULTS [COUNT]
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "engine/internal.h"
#include "target/arm/cpu.h"
#include "target/target.h"

extern const struct target_info arm_target;

#define CODE 0x10000u
#define DATA 0x80000u
#define BASE_REG 12            /* points into the scratch page */
#define MAX_INSNS 24

static struct arm_cpu *cpu;
static uint64_t rng;

static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static uint32_t pick(uint32_t n) { return rnd() % n; }

/* Destination registers: r0-r11 (r12 is the base, sp and pc stay). */
static uint32_t rd(void) { return pick(12); }
static uint32_t rs(void) { return pick(13); }

static uint32_t cond(void)
{
    return pick(3) ? 14u : pick(15); /* mostly AL, often conditional */
}

static uint32_t gen_dp(void)
{
    uint32_t op = pick(16), s = pick(2);
    if (op >= 8 && op <= 11)
        s = 1; /* TST/TEQ/CMP/CMN: without S these are other insns */
    uint32_t insn = cond() << 28 | op << 21 | s << 20 | rs() << 16 |
                    rd() << 12;
    switch (pick(3)) {
    case 0: /* rotated immediate */
        return insn | 1u << 25 | pick(16) << 8 | (rnd() & 0xff);
    case 1: /* register shifted by immediate (incl. RRX, LSR/ASR #32) */
        return insn | pick(32) << 7 | pick(4) << 5 | rs();
    default: /* register shifted by register */
        return insn | rs() << 8 | pick(4) << 5 | 1u << 4 | rs();
    }
}

static uint32_t gen_mul(void)
{
    uint32_t d = rd(), m, n = rd(), sreg = rs();
    do
        m = rd();
    while (m == d);
    if (pick(2)) /* MUL / MLA */
        return cond() << 28 | pick(2) << 21 | pick(2) << 20 | d << 16 |
               n << 12 | sreg << 8 | 9u << 4 | m;
    uint32_t hi = d, lo;
    do
        lo = rd();
    while (lo == hi || lo == m);
    /* UMULL / UMLAL / SMULL / SMLAL */
    return cond() << 28 | 1u << 23 | pick(4) << 21 | pick(2) << 20 |
           hi << 16 | lo << 12 | sreg << 8 | 9u << 4 | m;
}

static uint32_t gen_mem(void)
{
    uint32_t c = cond(), u = pick(2), l = pick(2), t = rd();
    if (pick(2)) { /* LDR/STR/LDRB/STRB, immediate offset */
        uint32_t b = pick(2);
        uint32_t off = pick(0x400) & (b ? 0xfff : 0xffc);
        return c << 28 | 1u << 26 | 1u << 24 | u << 23 | b << 22 | l << 20 |
               BASE_REG << 16 | t << 12 | off;
    }
    /* LDRH/STRH/LDRSB/LDRSH, immediate offset */
    uint32_t sh = l ? 1 + pick(3) : 1;
    uint32_t off = pick(256) & (sh == 2 ? 0xff : 0xfe);
    return c << 28 | 1u << 24 | u << 23 | 1u << 22 | l << 20 |
           BASE_REG << 16 | t << 12 | (off >> 4) << 8 | 1u << 7 | sh << 5 |
           1u << 4 | (off & 15);
}

struct state {
    uint32_t r[16];
    uint32_t cpsr;
    uint8_t mem[GUEST_PAGE_SIZE];
    int excp;
};

static void set_start(uint64_t seed)
{
    rng = seed * 0x9e3779b97f4a7c15ull + 12345;
    for (int i = 0; i < 12; i++)
        cpu->regs[i] = pick(4) ? rnd() : pick(4) == 0 ? 0 : 1u << pick(32);
    cpu->regs[BASE_REG] = DATA + 0x800;
    cpu->regs[13] = DATA + 0x1000 - 16;
    cpu->regs[15] = CODE;
    cpu->thumb = 0;
    arm_cpsr_write(cpu, pick(16) << 28, 0xf8000000u);
    uint8_t *m = g2h(DATA);
    for (int i = 0; i < GUEST_PAGE_SIZE; i++)
        m[i] = (uint8_t)rnd();
}

static void run_one(uint64_t seed, enum engine_backend be, struct state *st)
{
    engine_opts.backend = be;
    tb_invalidate_range(CODE, CODE + 4 * (MAX_INSNS + 3));
    set_start(seed);
    if (seed % 3 == 0)
        cpu->regs[13] = 1 + (uint32_t)(seed / 3 % 6);   /* loop count */
    st->excp = cpu_exec(&cpu->common);
    memcpy(st->r, cpu->regs, sizeof(st->r));
    st->cpsr = arm_cpsr_read(cpu);
    memcpy(st->mem, g2h(DATA), sizeof(st->mem));
}

static void on_host_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    bool w = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
    if (h2g_valid(si->si_addr)) {
        uint64_t addr = h2g(si->si_addr);
        if (w && page_unprotect(addr))
            return;
        cpu_signal_fault(current_cpu, addr, w,
                         (uintptr_t)uc->uc_mcontext.gregs[REG_RIP], uc);
    }
    static const char msg[] = "arm-diff: host fault outside guest code\n";
    if (write(2, msg, sizeof(msg) - 1) < 0)
        _exit(3);
    _exit(3);
}

int main(int argc, char **argv)
{
    FILE *results = argc > 1 ? fopen(argv[1], "a") : NULL;
    long count = argc > 2 ? atol(argv[2]) : 10000;
    struct engine_options opts = { .backend = ENGINE_CODEGEN };

    guest_mem_init(32);
    if (mmap(g2h(CODE), 2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
             MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ||
        mmap(g2h(DATA), GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
             MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    page_set_flags(CODE, CODE + 2 * GUEST_PAGE_SIZE, PAGE_READ | PAGE_EXEC);
    page_set_flags(DATA, DATA + GUEST_PAGE_SIZE, PAGE_READ | PAGE_WRITE);
    engine_init(&arm_target, &opts);
    cpu = (struct arm_cpu *)cpu_create(&arm_target, 0);

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_host_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    static struct state a, b;
    long fails = 0;
    for (long seed = 1; seed <= count; seed++) {
        /* The program: generated from the seed, then SVC 0. */
        rng = (uint64_t)seed * 0xc2b2ae3d27d4eb4full + 99;
        int n = 1 + (int)pick(MAX_INSNS);
        uint32_t *code = g2h(CODE);
        for (int i = 0; i < n; i++) {
            uint32_t k = pick(10);
            code[i] = k < 6 ? gen_dp() : k < 8 ? gen_mul() : gen_mem();
        }
        int end = n;
        if (seed % 3 == 0) {
            code[end++] = 0xe25dd001u;                     /* subs sp, sp, #1 */
            /* bne CODE: offset from this insn + 8, in words */
            code[end] = 0x1a000000u | ((uint32_t)(-(end + 2)) & 0xffffffu);
            end++;
        }
        code[end] = 0xef000000u;

        run_one((uint64_t)seed, ENGINE_CODEGEN, &a);
        run_one((uint64_t)seed, ENGINE_INTERP, &b);
        if (a.excp == b.excp && a.excp == EXCP_SYSCALL &&
            memcmp(&a, &b, sizeof(a)) == 0)
            continue;
        if (fails++ < 5) {
            fprintf(stderr, "seed %ld differs (excp %#x vs %#x):\n", seed,
                    a.excp, b.excp);
            for (int i = 0; i <= end; i++)
                fprintf(stderr, "  %08x\n", code[i]);
            for (int i = 0; i < 16; i++)
                if (a.r[i] != b.r[i])
                    fprintf(stderr, "  r%d: codegen %08x interp %08x\n", i,
                            a.r[i], b.r[i]);
            if (a.cpsr != b.cpsr)
                fprintf(stderr, "  cpsr: codegen %08x interp %08x\n", a.cpsr,
                        b.cpsr);
            if (memcmp(a.mem, b.mem, sizeof(a.mem)))
                fprintf(stderr, "  scratch memory differs\n");
        }
    }
    printf("arm-diff: %ld sequences, %ld differ\n", count, fails);
    if (results) {
        fprintf(results, "%s codegen/arm-differential\n",
                fails ? "FAIL" : "PASS");
        fclose(results);
    }
    return fails ? 1 : 0;
}
