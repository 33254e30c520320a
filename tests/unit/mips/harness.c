/*
 * MIPS instruction tests: run a snippet of little-endian MIPS32 code
 * (tests/unit/mips/delay.S, assembled at CODE_BASE) through the engine API on
 * the mipsel target until it stops (BREAK, a fault, a trap), and compare
 * the state with expectations written in the test.  General registers a
 * test does not declare as changed must come out as they went in.
 *
 * The point of running below user mode is to see what the CPU reports
 * itself: the PC an exception restores (the branch, for a fault in a
 * delay slot) and that resuming there re-executes branch and slot.
 *
 *   mips-insn-test [RESULT_FILE]   (KEMU_TEST_ENGINE=codegen for the
 *                                   code generator; default interpreter)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "code_delay.h"
#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "target/mips/cpu.h"
#include "target/target.h"

extern const struct target_info mipsel_target;

#define CODE_BASE 0x10000u   /* delay.S is linked here */
#define CODE_END 0x20000u
#define UNMAPPED 0x70000u    /* mapped only by tests that resume */

static struct mips_cpu *cpu;
static uint64_t init_gpr[32];
static uint32_t expected_mask;
static bool failed;
static const char *cur_name;

static void check(bool ok, const char *fmt, ...)
{
    if (ok)
        return;
    va_list ap;
    fprintf(stderr, "  %s: ", cur_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    failed = true;
}

static void start(uint32_t off)
{
    for (int r = 1; r < 32; r++)
        cpu->gpr[r] = 0xdead0000u + (unsigned)r;
    cpu->gpr[0] = 0;
    cpu->pc = CODE_BASE + off;
    expected_mask = 1;
}

static void run(int excp)
{
    memcpy(init_gpr, cpu->gpr, sizeof(init_gpr));
    int got = cpu_exec(&cpu->common);
    check(got == excp, "exception %#x, expected %#x (pc %08llx)", got, excp,
          (unsigned long long)cpu->pc);
}

/* Resume after a stop (registers as they are now). */
static void resume(int excp)
{
    int got = cpu_exec(&cpu->common);
    check(got == excp, "resumed: exception %#x, expected %#x (pc %08llx)",
          got, excp, (unsigned long long)cpu->pc);
}

static void expect_pc(uint32_t off)
{
    check(cpu->pc == CODE_BASE + off, "pc = %08llx, expected %08x",
          (unsigned long long)cpu->pc, CODE_BASE + off);
}

/* Stopped at a BREAK with this code (bits 25:16). */
static void expect_break(unsigned code)
{
    uint32_t w;
    memcpy(&w, g2h(cpu->pc), 4);
    check((w & 0xfc00003fu) == 0x0d, "pc %08llx is not a BREAK",
          (unsigned long long)cpu->pc);
    check(((w >> 16) & 0x3ff) == code, "stopped at break %u, expected %u",
          (w >> 16) & 0x3ff, code);
}

static void expect_r(int r, uint32_t v)
{
    expected_mask |= 1u << r;
    check((uint32_t)cpu->gpr[r] == v, "$%d = %08x, expected %08x", r,
          (uint32_t)cpu->gpr[r], v);
}

static void clobber(int r)
{
    expected_mask |= 1u << r;
}

static void expect_fault(uint32_t addr)
{
    check(cpu->common.fault_addr == addr, "fault_addr %llx, expected %x",
          (unsigned long long)cpu->common.fault_addr, addr);
}

static void map_guest(uint32_t start_addr, uint32_t end, int flags)
{
    if (mmap(g2h(start_addr), end - start_addr, PROT_READ | PROT_WRITE,
             MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
    page_set_flags(start_addr, end, flags);
}

static void unmap_data(void)
{
    page_set_flags(UNMAPPED, UNMAPPED + GUEST_PAGE_SIZE, 0);
    if (mmap(g2h(UNMAPPED), GUEST_PAGE_SIZE, PROT_NONE,
             MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
}

/* Map the data page with words 0x1000 + 4k, as a fault handler would. */
static void map_data(void)
{
    map_guest(UNMAPPED, UNMAPPED + GUEST_PAGE_SIZE, PAGE_READ | PAGE_WRITE);
    for (uint32_t k = 0; k < 16; k++) {
        uint32_t v = 0x1000 + 4 * k;
        memcpy(g2h(UNMAPPED + 4 * k), &v, 4);
    }
}

/* ---- Tests -------------------------------------------------------------------- */

/* A load fault in a taken branch's delay slot reports the branch; mapping
 * the page and resuming re-executes branch and slot. */
static void t_lw_taken_slot(void)
{
    start(delay_lw_taken_branch);
    cpu->gpr[4] = UNMAPPED;
    run(EXCP_SEGV);
    expect_pc(delay_lw_taken_branch);
    expect_fault(UNMAPPED);
    map_data();
    resume(MIPS_EXCP_BREAK);
    expect_break(2);
    expect_r(2, 0x1000);
}

static void t_lw_untaken_slot(void)
{
    start(delay_lw_untaken_branch);
    cpu->gpr[4] = UNMAPPED;
    run(EXCP_SEGV);
    expect_pc(delay_lw_untaken_branch);
    expect_fault(UNMAPPED + 4);
    map_data();
    resume(MIPS_EXCP_BREAK);
    expect_break(3);
    expect_r(2, 0x1004);
}

static void t_lw_jr_slot(void)
{
    start(delay_lw_jr_load);
    cpu->gpr[4] = UNMAPPED;
    run(EXCP_SEGV);
    expect_pc(delay_lw_jr_branch);
    expect_fault(UNMAPPED + 8);
    expect_r(25, CODE_BASE + delay_lw_jr_target);
    map_data();
    resume(MIPS_EXCP_BREAK);
    expect_break(6);
    expect_r(3, 0x1008);
}

/* BAL writes $31 before its slot; the slot faulting leaves the PC on the
 * BAL, which links again when resumed. */
static void t_lw_bal_slot(void)
{
    start(delay_bal_branch);
    cpu->gpr[4] = UNMAPPED;
    run(EXCP_SEGV);
    expect_pc(delay_bal_branch);
    clobber(31);
    map_data();
    resume(MIPS_EXCP_BREAK);
    expect_break(8);
    expect_r(31, CODE_BASE + delay_bal_ret);
    expect_r(2, 0x1000);
}

/* A branch-likely that is not taken nullifies its slot: no fault. */
static void t_likely_untaken(void)
{
    start(delay_likely_untaken);
    cpu->gpr[4] = UNMAPPED;
    run(MIPS_EXCP_BREAK);
    expect_break(9);
}

static void t_overflow_slot(void)
{
    start(delay_ovf_branch);
    run(MIPS_EXCP_OVERFLOW);
    expect_pc(delay_ovf_b);
    expect_r(8, 0x7fffffff);   /* $9 is not written */
}

static void t_trap_slot(void)
{
    start(delay_trap_branch);
    run(MIPS_EXCP_TRAP);
    expect_pc(delay_trap_b);
    expect_r(8, 3);
}

/* Outside a delay slot the fault reports the instruction itself. */
static void t_plain_fault(void)
{
    start(delay_plain_load);
    cpu->gpr[4] = UNMAPPED;
    run(EXCP_SEGV);
    expect_pc(delay_plain_lw);
    expect_r(5, 1);
    map_data();
    resume(MIPS_EXCP_BREAK);
    expect_break(15);
    expect_r(2, 0x1000);
}

static const struct { const char *name; void (*fn)(void); } tests[] = {
    { "lw_fault_in_taken_slot", t_lw_taken_slot },
    { "lw_fault_in_untaken_slot", t_lw_untaken_slot },
    { "lw_fault_in_jr_slot", t_lw_jr_slot },
    { "lw_fault_in_bal_slot", t_lw_bal_slot },
    { "likely_untaken_nullifies_fault", t_likely_untaken },
    { "overflow_in_slot", t_overflow_slot },
    { "trap_in_slot", t_trap_slot },
    { "fault_outside_slot", t_plain_fault },
};

/* Host faults on guest addresses become guest faults, as in user mode. */
static void on_host_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    bool write_access = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;

    if (h2g_valid(si->si_addr)) {
        uint64_t addr = h2g(si->si_addr);
        if (write_access && page_unprotect(addr))
            return;
        cpu_signal_fault(current_cpu, addr, write_access,
                         (uintptr_t)uc->uc_mcontext.gregs[REG_RIP], uc);
    }
    static const char msg[] = "mips-insn-test: host fault outside guest code\n";
    if (write(2, msg, sizeof(msg) - 1) < 0)
        _exit(3);
    _exit(3);
}

int main(int argc, char **argv)
{
    struct engine_options opts = { .backend = ENGINE_INTERP };
    const char *engine = getenv("KEMU_TEST_ENGINE");
    const char *ename = "interp";
    FILE *results = NULL;
    int npass = 0, nfail = 0;

    if (engine && strcmp(engine, "codegen") == 0) {
        opts.backend = ENGINE_CODEGEN;
        ename = "codegen";
    }
    if (argc > 1 && !(results = fopen(argv[1], "a"))) {
        perror(argv[1]);
        return 2;
    }
    guest_mem_init(32);
    map_guest(CODE_BASE, CODE_END, PAGE_READ | PAGE_EXEC);
    memcpy(g2h(CODE_BASE), delay_code, sizeof(delay_code));
    engine_init(&mipsel_target, &opts);
    cpu = (struct mips_cpu *)cpu_create(&mipsel_target, 0);

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_host_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    for (unsigned k = 0; k < sizeof tests / sizeof tests[0]; k++) {
        cur_name = tests[k].name;
        failed = false;
        unmap_data();
        tests[k].fn();
        for (int r = 0; r < 32; r++)
            if (!(expected_mask & (1u << r)))
                check(cpu->gpr[r] == init_gpr[r],
                      "$%d changed to %08llx (was %08llx)", r,
                      (unsigned long long)cpu->gpr[r],
                      (unsigned long long)init_gpr[r]);
        failed ? nfail++ : npass++;
        printf("%s %s (%s)\n", failed ? "FAIL" : "PASS", cur_name, ename);
        if (results)
            fprintf(results, "%s mips-insn/%s/%s\n", failed ? "FAIL" : "PASS",
                    ename, cur_name);
    }
    printf("mips instruction tests (%s): %d passed, %d failed\n", ename, npass,
           nfail);
    if (results)
        fclose(results);
    return nfail ? 1 : 0;
}
