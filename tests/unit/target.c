/*
 * The unit tests' target: CPU state, globals, a bytecode decoder that emits
 * IR through the real translator services, and the host SIGSEGV handler a
 * mode would install.
 *
 * Bytecode, 4 bytes [op a b c]:
 *   MOVI  r[a] = b | c << 8          ADDI  r[a] += (int8)b
 *   ADD   r[a] = r[b] + r[c]         BNE   if r[a] != 0: pc += (int8)b * 4
 *   B     pc += (int8)a * 4          LD    r[a] = mem32[r[b]]
 *   ST    mem32[r[b]] = r[a]         JR    pc = r[a] (computed jump)
 *   STOP  raise EXCP_STOP            CHK   helper raises if r[a] == 0
 *   MOVHI r[a] |= (b | c << 8) << 16 STB   mem8[r[b]] = r[a]
 *   MODE  mode = r[a] & 1, continue at pc + 4 through the jump cache
 * In mode 1, ADDI adds 16 times its immediate: the mode is the TB flags.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "engine/translate.h"
#include "target/target.h"
#include "unit.h"

ir_t g_r[8], g_x[4], g_pc;
struct tcpu *T;
void (*test_builder)(struct ir_ctx *c);

static const char *const rnames[8] = { "r0", "r1", "r2", "r3",
                                       "r4", "r5", "r6", "r7" };
static const char *const xnames[4] = { "x0", "x1", "x2", "x3" };

static void t_init_globals(struct ir_globals *g)
{
    for (int i = 0; i < 8; i++)
        g_r[i] = ir_global_register(g, IR_I32, offsetof(struct tcpu, r[i]),
                                    rnames[i]);
    for (int i = 0; i < 4; i++)
        g_x[i] = ir_global_register(g, IR_I64, offsetof(struct tcpu, x[i]),
                                    xnames[i]);
    g_pc = ir_global_register(g, IR_I32, offsetof(struct tcpu, pc), "pc");
}

static void t_reset(struct cpu_common *cpu) { (void)cpu; }

static void t_get_tb_key(struct cpu_common *cpu, uint64_t *pc,
                         uint32_t *flags)
{
    struct tcpu *t = (struct tcpu *)cpu;
    *pc = t->pc;
    *flags = t->mode;
}

/* The same key in IR: generated code probes the jump cache inline. */
static void t_gen_tb_key(struct ir_ctx *c, ir_t *pc, ir_t *flags)
{
    *flags = ir_new_i32(c);
    ir_ld_env(c, *flags, offsetof(struct tcpu, mode), MO_32);
    *pc = g_pc;
}

static void t_restore(struct cpu_common *cpu, const uint64_t d[IR_INSN_WORDS])
{
    struct tcpu *t = (struct tcpu *)cpu;
    t->pc = (uint32_t)d[0];
    t->restored_extra = d[1];
}

static void t_set_pc(struct cpu_common *cpu, uint64_t pc)
{
    ((struct tcpu *)cpu)->pc = (uint32_t)pc;
}

static uint64_t t_get_pc(struct cpu_common *cpu)
{
    return ((struct tcpu *)cpu)->pc;
}

static uint64_t chk(struct cpu_common *cpu, uint64_t v)
{
    if (v == 0)
        cpu_raise(cpu, EXCP_HELPER, GETPC());
    return 0;
}
static IR_HELPER_DEF(chk, 1, false, IR_HELPER_NO_READ_GLOBALS |
                                        IR_HELPER_NO_WRITE_GLOBALS);

static void jump_to(struct ir_ctx *c, int slot, uint32_t dest)
{
    ir_goto_tb(c, slot);
    ir_movi(c, g_pc, dest);
    ir_exit_tb(c, slot);
}

/* Emit one instruction; true when it ends the TB. */
static bool emit_insn(struct ir_ctx *c, uint32_t pc, const uint8_t *in)
{
    uint8_t a = in[1] & 7, b = in[2], cc = in[3];
    switch (in[0]) {
    case BC_MOVI:
        ir_movi(c, g_r[a], b | cc << 8);
        return false;
    case BC_ADDI:
        ir_addi(c, g_r[a], g_r[a],
                (uint32_t)(int8_t)b * ((c->flags & 1) ? 16u : 1u));
        return false;
    case BC_ADD:
        ir_add(c, g_r[a], g_r[b & 7], g_r[cc & 7]);
        return false;
    case BC_MOVHI: {
        ir_t t = ir_new_i32(c);
        ir_movi(c, t, (uint32_t)(b | cc << 8) << 16);
        ir_or(c, g_r[a], g_r[a], t);
        return false;
    }
    case BC_BNE: {
        ir_label l = ir_new_label(c);
        ir_brcondi(c, IR_COND_EQ, g_r[a], 0, l);
        jump_to(c, 0, pc + (int8_t)b * 4);
        ir_set_label(c, l);
        jump_to(c, 1, pc + 4);
        return true;
    }
    case BC_B:
        jump_to(c, 0, pc + (int8_t)in[1] * 4);
        return true;
    case BC_LD:
        ir_guest_ld(c, g_r[a], g_r[b & 7], MO_32);
        return false;
    case BC_ST:
        ir_guest_st(c, g_r[a], g_r[b & 7], MO_32);
        return false;
    case BC_STB:
        ir_guest_st(c, g_r[a], g_r[b & 7], MO_8);
        return false;
    case BC_JR:
        ir_mov(c, g_pc, g_r[a]);
        ir_lookup_and_goto(c);
        return true;
    case BC_STOP:
        ir_raise(c, EXCP_STOP);
        return true;
    case BC_MODE: {
        ir_t m = ir_new_i32(c);
        ir_andi(c, m, g_r[a], 1);
        ir_st_env(c, m, offsetof(struct tcpu, mode), MO_32);
        ir_movi(c, g_pc, pc + 4);
        ir_lookup_and_goto(c);
        return true;
    }
    case BC_CHK:
        ir_call1(c, &helper_chk, IR_NONE, g_r[a]);
        return false;
    default:
        ir_raise(c, EXCP_UDEF);
        return true;
    }
}

static void t_translate(struct ir_ctx *c)
{
    if (test_builder) {
        test_builder(c);
        c->pc_end = c->pc + 4;
        c->ninsns = 1;
        return;
    }
    uint32_t pc = (uint32_t)c->pc;
    for (;;) {
        uint8_t in[4];
        if (!translator_fetch(c, pc, in, 4)) {
            if (pc == c->pc) {
                ir_insn_start(c, pc, 0);
                ir_raise(c, EXCP_PREFETCH);
                pc += 4;
            } else {
                jump_to(c, 0, pc);
            }
            break;
        }
        ir_insn_start(c, pc, pc ^ 0x5a5a);
        if (translator_breakpoint_here(c, pc)) {
            ir_raise(c, EXCP_DEBUG);
            pc += 4;
            break;
        }
        bool end = emit_insn(c, pc, in);
        pc += 4;
        if (end)
            break;
        if (!translator_room(c)) {
            jump_to(c, 0, pc);
            break;
        }
    }
    c->pc_end = pc;
    c->ninsns = c->ninsn_starts;
}

static int t_disas(uint64_t pc, uint32_t flags, const uint8_t *code,
                   size_t len, char *buf, size_t size)
{
    if (len < 4)
        return 0;
    snprintf(buf, size, "op%u %u, %u, %u", code[0], code[1], code[2],
             code[3]);
    return 4;
}

static const struct target_info test_target = {
    .name = "test",
    .addr_bits = 32,
    .cpu_size = sizeof(struct tcpu),
    .init_globals = t_init_globals,
    .cpu_reset = t_reset,
    .get_tb_key = t_get_tb_key,
    .gen_tb_key = t_gen_tb_key,
    .translate = t_translate,
    .restore_state = t_restore,
    .set_pc = t_set_pc,
    .get_pc = t_get_pc,
    .disas = t_disas,
};

/* What a mode's SIGSEGV handler does. */
static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    bool is_write = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
    if (h2g_valid(si->si_addr)) {
        uint64_t ga = h2g(si->si_addr);
        if (is_write && page_unprotect(ga))
            return;
        cpu_signal_fault(current_cpu, ga, is_write,
                         (uintptr_t)uc->uc_mcontext.gregs[REG_RIP], uc);
    }
    static const char msg[] = "unit: host fault outside guest code\n";
    if (write(2, msg, sizeof(msg) - 1) < 0)
        _exit(3);
    _exit(3);
}

static void map_guest(uint32_t base, uint32_t size, int flags)
{
    void *p = mmap(g2h(base), size, PROT_READ | PROT_WRITE,
                   MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        _exit(2);
    }
    page_set_flags(base, base + size, flags);
}

void test_target_setup(size_t code_size)
{
    const char *engine = getenv("KEMU_TEST_ENGINE");
    struct engine_options o = {
        .backend = engine && strcmp(engine, "codegen") == 0 ? ENGINE_CODEGEN
                                                            : ENGINE_INTERP,
        .code_size = code_size };
    guest_mem_init(32);
    engine_init(&test_target, &o);
    T = (struct tcpu *)cpu_create(&test_target, 0);
    map_guest(CODE_BASE, CODE_SIZE, PAGE_READ | PAGE_WRITE | PAGE_EXEC);
    map_guest(DATA_BASE, DATA_SIZE, PAGE_READ | PAGE_WRITE);

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

int run_at(uint32_t pc)
{
    test_builder = NULL;
    T->pc = pc;
    return cpu_exec(&T->common);
}

int run_ir(void (*fn)(struct ir_ctx *c))
{
    test_builder = fn;
    T->pc = 0x4000;  /* unmapped: IR-built TBs read no code */
    int r = cpu_exec(&T->common);
    test_builder = NULL;
    return r;
}

void bc_put(uint32_t addr, uint8_t op, uint8_t a, uint8_t b, uint8_t c)
{
    uint8_t *p = g2h(addr);
    p[0] = op;
    p[1] = a;
    p[2] = b;
    p[3] = c;
}

void bc_movi32(uint32_t addr, uint8_t r, uint32_t v)
{
    bc_put(addr, BC_MOVI, r, v & 0xff, (v >> 8) & 0xff);
    bc_put(addr + 4, BC_MOVHI, r, (v >> 16) & 0xff, v >> 24);
}
