/* The harness proper: memory set-up, running, checking, reporting. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "harness.h"
#include "target/target.h"
#include "util/log.h"

extern const struct target_info arm_target;

struct arm_cpu *cpu;

static struct test_case *tests, **tests_tail = &tests;
static uint32_t init_regs[16];
static uint32_t expected_mask;   /* registers with expectations/clobbers */
static bool failed;
static const char *cur_name;
static uint64_t default_features;

void test_register(struct test_case *t)
{
    *tests_tail = t;
    tests_tail = &t->next;
}

void check(bool ok, const char *fmt, ...)
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

void start(struct test_blob *b, uint32_t off, bool thumb)
{
    memset(cpu->regs, 0, sizeof(cpu->regs));
    for (int i = 0; i < 13; i++)
        cpu->regs[i] = 0xdead0000u + i;
    cpu->regs[13] = STACK_TOP;
    cpu->regs[14] = 0xdead000eu;
    cpu->regs[15] = b->base + off;
    arm_cpsr_write(cpu, ARM_MODE_USR | (thumb ? CPSR_T : 0), 0xffffffffu);
    memset(g2h(DATA_BASE), 0, 2 * GUEST_PAGE_SIZE);
    cpu->excl_addr = ARM_EXCL_NONE;
    expected_mask = 1u << 15;
}

void setr(int r, uint32_t v)
{
    cpu->regs[r] = v;
}

static uint32_t flag_bit(char ch)
{
    switch (ch | 0x20) {
    case 'n': return CPSR_N;
    case 'z': return CPSR_Z;
    case 'c': return CPSR_C;
    case 'v': return CPSR_V;
    case 'q': return CPSR_Q;
    }
    fprintf(stderr, "bad flag letter %c\n", ch);
    exit(2);
}

void setflags(const char *f)
{
    for (; *f; f++) {
        uint32_t b = flag_bit(*f);
        arm_cpsr_write(cpu, (*f & 0x20) ? 0 : b, b);
    }
}

void set_mem32(uint32_t addr, uint32_t v)
{
    memcpy(g2h(addr), &v, 4);
}

void set_features(uint64_t features)
{
    cpu->features = features;
    tb_flush_all();
}

void set_model(const char *name)
{
    struct arm_cpu tmp;
    memset(&tmp, 0, sizeof(tmp));
    if (!arm_cpu_set_model(&tmp, name)) {
        fprintf(stderr, "unknown model %s\n", name);
        exit(2);
    }
    set_features(tmp.features);
}

void run(int excp)
{
    memcpy(init_regs, cpu->regs, sizeof(init_regs));
    int got = cpu_exec(&cpu->common);
    check(got == excp, "exception %#x, expected %#x (pc %08x)", got, excp,
          cpu->regs[15]);
}

void expect_bkpt(unsigned imm)
{
    uint32_t pc = cpu->regs[15];
    unsigned got;
    if (cpu->thumb) {
        uint16_t hw;
        memcpy(&hw, g2h(pc), 2);
        check((hw & 0xff00) == 0xbe00, "pc %08x is not a Thumb BKPT", pc);
        got = hw & 0xff;
    } else {
        uint32_t w;
        memcpy(&w, g2h(pc), 4);
        check((w & 0xfff000f0) == 0xe1200070, "pc %08x is not a BKPT", pc);
        got = ((w >> 4) & 0xfff0) | (w & 0xf);
    }
    check(got == imm, "stopped at bkpt #%u, expected #%u", got, imm);
}

void expect_r(int r, uint32_t v)
{
    expected_mask |= 1u << r;
    check(cpu->regs[r] == v, "r%d = %08x, expected %08x", r, cpu->regs[r], v);
}

void clobber(int r)
{
    expected_mask |= 1u << r;
}

void expect_flags(const char *f)
{
    uint32_t psr = arm_cpsr_read(cpu);
    for (const char *p = f; *p; p++) {
        uint32_t b = flag_bit(*p);
        bool want = !(*p & 0x20);
        check(((psr & b) != 0) == want, "flag %c is %d (psr %08x, want %s)",
              *p & ~0x20, (psr & b) != 0, psr, f);
    }
}

void expect_pc(uint32_t pc)
{
    check(cpu->regs[15] == pc, "pc = %08x, expected %08x", cpu->regs[15], pc);
}

void expect_thumb(bool thumb)
{
    check(cpu->thumb == thumb, "thumb = %u, expected %u", cpu->thumb, thumb);
}

void expect_mem32(uint32_t addr, uint32_t v)
{
    uint32_t got;
    memcpy(&got, g2h(addr), 4);
    check(got == v, "[%08x] = %08x, expected %08x", addr, got, v);
}

void set_mem64(uint32_t addr, uint64_t v)
{
    memcpy(g2h(addr), &v, 8);
}

void expect_mem16(uint32_t addr, uint16_t v)
{
    uint16_t got;
    memcpy(&got, g2h(addr), 2);
    check(got == v, "[%08x] = %04x, expected %04x", addr, got, v);
}

void expect_ge(unsigned ge)
{
    check(cpu->ge == ge, "GE = %x, expected %x", cpu->ge, ge);
}

void expect_mem8(uint32_t addr, uint8_t v)
{
    uint8_t got = *(uint8_t *)g2h(addr);
    check(got == v, "[%08x] = %02x, expected %02x", addr, got, v);
}

/* The guest space is reserved inaccessible: back a range with host memory
 * (as user mode's mmap does) and give it guest protections. */
void map_guest(uint32_t start, uint32_t end, int flags)
{
    if (mmap(g2h(start), end - start, PROT_READ | PROT_WRITE,
             MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
    page_set_flags(start, end, flags);
}

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
    static const char msg[] = "arm-insn-test: host fault outside guest code\n";
    if (write(2, msg, sizeof(msg) - 1) < 0)
        _exit(3);
    _exit(3);
}

/* ---- Blobs and main -------------------------------------------------------- */

extern struct test_blob *const test_blobs[];

static void load_blobs(void)
{
    uint32_t base = CODE_BASE;
    for (int i = 0; test_blobs[i]; i++) {
        struct test_blob *b = test_blobs[i];
        if (b->size > BLOB_SLOT) {
            fprintf(stderr, "blob %s too big\n", b->name);
            exit(2);
        }
        if (base + BLOB_SLOT > UNMAPPED) {
            fprintf(stderr, "too many blobs\n");
            exit(2);
        }
        b->base = base;
        memcpy(g2h(base), b->code, b->size);
        page_set_flags(base, base + BLOB_SLOT, PAGE_READ | PAGE_EXEC);
        base += BLOB_SLOT;
    }
}

int main(int argc, char **argv)
{
    struct engine_options opts = { .backend = ENGINE_INTERP };
    const char *engine = getenv("KEMU_TEST_ENGINE");
    FILE *results = NULL;
    int npass = 0, nfail = 0;

    const char *only = getenv("KEMU_TEST_ONLY");   /* substring filter */
    const char *logs = getenv("KEMU_TEST_LOG");    /* -d items */

    if (engine && strcmp(engine, "codegen") == 0)
        opts.backend = ENGINE_CODEGEN;
    opts.one_insn_per_tb = getenv("KEMU_TEST_ONE_INSN") != NULL;
    if (logs) {
        const char *bad;
        size_t bad_len;
        if (!log_parse_items(logs, &log_mask, &bad, &bad_len)) {
            fprintf(stderr, "bad KEMU_TEST_LOG item %.*s\n", (int)bad_len, bad);
            return 2;
        }
    }
    if (argc > 1 && !(results = fopen(argv[1], "a"))) {
        perror(argv[1]);
        return 2;
    }
    guest_mem_init(32);
    map_guest(CODE_BASE, UNMAPPED, PAGE_READ | PAGE_EXEC);
    map_guest(DATA_BASE, DATA_BASE + 2 * GUEST_PAGE_SIZE,
              PAGE_READ | PAGE_WRITE);
    map_guest(STACK_TOP - GUEST_PAGE_SIZE, STACK_TOP, PAGE_READ | PAGE_WRITE);
    load_blobs();
    engine_init(&arm_target, &opts);
    cpu = (struct arm_cpu *)cpu_create(&arm_target, 0);

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_host_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    default_features = cpu->features;

    for (struct test_case *t = tests; t; t = t->next) {
        if (only && !strstr(t->name, only))
            continue;
        cur_name = t->name;
        failed = false;
        if (cpu->features != default_features)
            set_features(default_features);
        t->fn();
        for (int r = 0; r < 16; r++)
            if (!(expected_mask & (1u << r)))
                check(cpu->regs[r] == init_regs[r],
                      "r%d changed to %08x (was %08x)", r, cpu->regs[r],
                      init_regs[r]);
        if (failed)
            nfail++;
        else
            npass++;
        printf("%s %s\n", failed ? "FAIL" : "PASS", t->name);
        if (results)
            fprintf(results, "%s arm-insn/%s\n", failed ? "FAIL" : "PASS",
                    t->name);
    }
    printf("arm instruction tests: %d passed, %d failed\n", npass, nfail);
    if (results)
        fclose(results);
    return nfail ? 1 : 0;
}
