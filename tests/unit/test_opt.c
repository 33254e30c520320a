/*
 * The optimizer: random IR programs must leave the same globals and guest
 * memory whether optimized or not, and the passes must really remove what
 * they claim to (dead flag computations, folded constants).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/internal.h"
#include "unit.h"

static uint64_t rng;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static unsigned pick(unsigned n) { return (unsigned)(rnd() % n); }

static const uint64_t edge[] = { 0, 1, 2, 31, 32, 63, 64, 0x80, 0xffff,
                                 0x7fffffff, 0x80000000, 0xffffffff,
                                 0x8000000000000000ull, ~0ull };

static uint64_t rval(void)
{
    return pick(3) ? edge[pick(sizeof(edge) / sizeof(edge[0]))] : rnd();
}

static uint64_t h_pure(struct cpu_common *cpu, uint64_t a, uint64_t b)
{
    return a * 3 + b;
}
static IR_HELPER_DEF(h_pure, 2, true, IR_HELPER_PURE);

static uint64_t h_write(struct cpu_common *cpu, uint64_t a)
{
    ((struct tcpu *)cpu)->r[7] += (uint32_t)a;
    return 0;
}
static IR_HELPER_DEF(h_write, 1, false, 0);

#define NLOC 6
static ir_t loc32[NLOC], loc64[NLOC];

/* A readable temp of type t: global, local or constant. */
static ir_t src(struct ir_ctx *c, enum ir_type t)
{
    switch (pick(4)) {
    case 0:
        return ir_const(c, t, rval());
    case 1:
        return t == IR_I32 ? g_r[pick(8)] : g_x[pick(4)];
    default:
        return t == IR_I32 ? loc32[pick(NLOC)] : loc64[pick(NLOC)];
    }
}

static ir_t dst(enum ir_type t)
{
    if (pick(2))
        return t == IR_I32 ? g_r[pick(7)] : g_x[pick(4)];
    return t == IR_I32 ? loc32[pick(NLOC)] : loc64[pick(NLOC)];
}

static void emit_random_op(struct ir_ctx *c)
{
    enum ir_type t = pick(2) ? IR_I64 : IR_I32;
    unsigned w = t == IR_I64 ? 64 : 32;
    static const int bin[] = { IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_and,
        IR_OP_or, IR_OP_xor, IR_OP_andc, IR_OP_orc, IR_OP_shl, IR_OP_shr,
        IR_OP_sar, IR_OP_rotl, IR_OP_rotr, IR_OP_div, IR_OP_divu, IR_OP_rem,
        IR_OP_remu };
    switch (pick(16)) {
    case 0: case 1: case 2: case 3: {
        ir_t d = dst(t), a = src(c, t), b = pick(4) ? src(c, t) : a;
        switch (bin[pick(sizeof(bin) / sizeof(bin[0]))]) {
#define B(n) case IR_OP_##n: ir_##n(c, d, a, b); break;
        B(add) B(sub) B(mul) B(and) B(or) B(xor) B(andc) B(orc) B(shl)
        B(shr) B(sar) B(rotl) B(rotr) B(div) B(divu) B(rem) B(remu)
#undef B
        }
        break;
    }
    case 4: {
        ir_t d = dst(t), a = src(c, t);
        switch (pick(10)) {
        case 0: ir_neg(c, d, a); break;
        case 1: ir_not(c, d, a); break;
        case 2: ir_clz(c, d, a); break;
        case 3: ir_ctz(c, d, a); break;
        case 4: ir_ctpop(c, d, a); break;
        case 5: ir_bswap16(c, d, a); break;
        case 6: ir_bswap32(c, d, a); break;
        case 7: ir_ext8s(c, d, a); break;
        case 8: ir_ext16u(c, d, a); break;
        default: ir_mov(c, d, a); break;
        }
        break;
    }
    case 5:
        ir_movi(c, dst(t), rval());
        break;
    case 6: {
        enum ir_type ct = pick(2) ? IR_I64 : IR_I32;
        ir_setcond(c, pick(14), dst(t), src(c, ct), src(c, ct));
        break;
    }
    case 7: {
        enum ir_type ct = pick(2) ? IR_I64 : IR_I32;
        ir_movcond(c, pick(14), dst(t), src(c, ct), src(c, ct), src(c, t),
                   src(c, t));
        break;
    }
    case 8: {
        unsigned pos = pick(w), len = 1 + pick(w - pos);
        switch (pick(3)) {
        case 0: ir_extract(c, dst(t), src(c, t), pos, len); break;
        case 1: ir_sextract(c, dst(t), src(c, t), pos, len); break;
        default: ir_deposit(c, dst(t), src(c, t), src(c, t), pos, len); break;
        }
        break;
    }
    case 9: {
        ir_t lo = t == IR_I32 ? loc32[0] : loc64[0];
        ir_t hi = t == IR_I32 ? g_r[pick(7)] : g_x[pick(4)];
        if (pick(2))
            ir_mulu2(c, lo, hi, src(c, t), src(c, t));
        else
            ir_muls2(c, lo, hi, src(c, t), src(c, t));
        break;
    }
    case 10:
        switch (pick(5)) {
        case 0: ir_extu_i32_i64(c, dst(IR_I64), src(c, IR_I32)); break;
        case 1: ir_exts_i32_i64(c, dst(IR_I64), src(c, IR_I32)); break;
        case 2: ir_extrl_i64_i32(c, dst(IR_I32), src(c, IR_I64)); break;
        case 3: ir_extrh_i64_i32(c, dst(IR_I32), src(c, IR_I64)); break;
        default:
            ir_concat_i32_i64(c, dst(IR_I64), src(c, IR_I32), src(c, IR_I32));
        }
        break;
    case 11: case 12: {
        /* Guest memory inside a 256-byte window of the data area. */
        ir_t addr = loc32[NLOC - 1];
        ir_andi(c, addr, src(c, IR_I32), 0xf8);
        ir_addi(c, addr, addr, DATA_BASE + 0x800);
        unsigned mo = pick(t == IR_I64 ? 4 : 3) | (pick(2) ? MO_BE : 0);
        if (pick(2))
            ir_guest_ld(c, dst(t), addr, mo | (pick(2) ? MO_SIGN : 0));
        else
            ir_guest_st(c, src(c, t), addr, mo);
        break;
    }
    case 13:
        ir_call2(c, &helper_h_pure, dst(IR_I64), src(c, IR_I32),
                 src(c, IR_I64));
        break;
    case 14:
        ir_call1(c, &helper_h_write, IR_NONE, src(c, t));
        break;
    default:
        ir_insn_start(c, c->pc + 4 * pick(8), 0);
        break;
    }
}

/* The engine may call the builder more than once for one run (it
 * translates again after a code-buffer flush): the program must depend on
 * the seed only. */
static uint64_t prog_seed;

static void build_random(struct ir_ctx *c)
{
    ir_label pending[8];
    int npending = 0;

    rng = prog_seed * 0xc2b2ae3d27d4eb4full + 7;

    ir_insn_start(c, c->pc, 0);
    for (int i = 0; i < NLOC; i++) {
        loc32[i] = ir_new_i32(c);
        loc64[i] = ir_new_i64(c);
        ir_movi(c, loc32[i], rnd());
        ir_movi(c, loc64[i], rnd());
    }
    int n = 10 + (int)pick(50);
    for (int i = 0; i < n; i++) {
        if (npending < 8 && pick(8) == 0) {
            ir_label l = ir_new_label(c);
            enum ir_type ct = pick(2) ? IR_I64 : IR_I32;
            if (pick(6) == 0)
                ir_br(c, l);
            else
                ir_brcond(c, pick(14), src(c, ct), src(c, ct), l);
            pending[npending++] = l;
        }
        if (npending && pick(5) == 0)
            ir_set_label(c, pending[--npending]);
        if (pick(30) == 0)
            ir_raise(c, EXCP_STOP);  /* an early exit, maybe skipped */
        emit_random_op(c);
    }
    while (npending)
        ir_set_label(c, pending[--npending]);
    ir_raise(c, EXCP_STOP);
}

struct snapshot {
    uint32_t r[8];
    uint64_t x[4];
    uint8_t mem[0x200];
    int excp;
};

static void run_program(uint64_t seed, bool optimize, struct snapshot *out)
{
    memset(out, 0, sizeof(*out)); /* padding too: snapshots are memcmp'd */
    rng = seed * 0x9e3779b97f4a7c15ull + 1;
    prog_seed = seed;
    for (int i = 0; i < 8; i++)
        T->r[i] = (uint32_t)rval();
    for (int i = 0; i < 4; i++)
        T->x[i] = rval();
    uint8_t *mem = g2h(DATA_BASE + 0x800);
    for (int i = 0; i < 0x200; i++)
        mem[i] = (uint8_t)rnd();
    engine_skip_optimizer = !optimize;
    out->excp = run_ir(build_random);
    engine_skip_optimizer = false;
    memcpy(out->r, T->r, sizeof(out->r));
    memcpy(out->x, T->x, sizeof(out->x));
    memcpy(out->mem, mem, sizeof(out->mem));
}

static void print_line(const char *l) { fprintf(stderr, "%s\n", l); }

/* Show the program of a failing seed before and after optimization. */
static void explain(uint64_t seed, const struct snapshot *a,
                    const struct snapshot *b)
{
    static struct ir_ctx dc;
    prog_seed = seed;
    ir_ctx_init(&dc, &engine_globals);
    dc.pc = 0x4000;
    build_random(&dc);
    ir_dump(&dc, print_line);
    fprintf(stderr, "---- optimized:\n");
    ir_optimize(&dc);
    ir_dump(&dc, print_line);
    for (int i = 0; i < 8; i++)
        if (a->r[i] != b->r[i])
            fprintf(stderr, "r%d: %#x vs %#x\n", i, a->r[i], b->r[i]);
    for (int i = 0; i < 4; i++)
        if (a->x[i] != b->x[i])
            fprintf(stderr, "x%d: %#llx vs %#llx\n", i,
                    (unsigned long long)a->x[i], (unsigned long long)b->x[i]);
    if (memcmp(a->mem, b->mem, sizeof(a->mem)))
        fprintf(stderr, "memory differs\n");
}

static void test_equivalence(void)
{
    int explained = 0;
    struct snapshot a, b;
    for (uint64_t seed = 1; seed <= 5000; seed++) {
        run_program(seed, false, &a);
        run_program(seed, true, &b);
        CHECK(a.excp == EXCP_STOP && b.excp == EXCP_STOP &&
                  memcmp(&a, &b, sizeof(a)) == 0,
              "seed %llu: optimized program differs",
              (unsigned long long)seed);
        if (memcmp(&a, &b, sizeof(a)) != 0 && getenv("UNIT_EXPLAIN") &&
            !explained++)
            explain(seed, &a, &b);
    }
}

/* ---- What the passes remove ----------------------------------------------- */

static struct ir_ctx ctx;

static int count_ops(int opc)
{
    int n = 0;
    for (int i = 0; i < ctx.nops; i++)
        n += ctx.ops[i].opc == opc;
    return n;
}

static void test_removals(void)
{
    struct ir_ctx *c = &ctx;

    /* Flags written by every instruction, read by none: only the last
     * values survive, at the TB exit. */
    ir_ctx_init(c, &engine_globals);
    for (int i = 0; i < 4; i++) {
        ir_insn_start(c, 0x1000 + 4 * i, 0);
        ir_add(c, g_r[0], g_r[0], g_r[1]);
        ir_setcond(c, IR_COND_EQ, g_r[5], g_r[0], ir_const_i32(c, 0));
        ir_shri(c, g_r[6], g_r[0], 31);
    }
    ir_exit_tb(c, IR_EXIT_NOCHAIN);
    ir_optimize(c);
    CHECK(count_ops(IR_OP_add) == 4, "adds: %d", count_ops(IR_OP_add));
    CHECK(count_ops(IR_OP_setcond) == 1, "setconds: %d",
          count_ops(IR_OP_setcond));
    CHECK(count_ops(IR_OP_shr) == 1, "shrs: %d", count_ops(IR_OP_shr));
    CHECK(ir_verify(c) == NULL, "verify: %s", ir_verify(c));

    /* ... but a possible fault in between keeps them exact. */
    ir_ctx_init(c, &engine_globals);
    ir_insn_start(c, 0x1000, 0);
    ir_setcond(c, IR_COND_EQ, g_r[5], g_r[0], g_r[1]);
    ir_guest_ld(c, g_r[2], g_r[3], MO_32);
    ir_setcond(c, IR_COND_NE, g_r[5], g_r[0], g_r[1]);
    ir_exit_tb(c, IR_EXIT_NOCHAIN);
    ir_optimize(c);
    CHECK(count_ops(IR_OP_setcond) == 2, "setconds around a load: %d",
          count_ops(IR_OP_setcond));

    /* Constants fold through locals, and a decided branch disappears
     * together with the code it skips. */
    ir_ctx_init(c, &engine_globals);
    ir_insn_start(c, 0x1000, 0);
    ir_t t = ir_new_i32(c), u = ir_new_i32(c);
    ir_movi(c, t, 6);
    ir_mul(c, u, t, ir_const_i32(c, 7));
    ir_label l = ir_new_label(c);
    ir_brcondi(c, IR_COND_EQ, u, 42, l);
    ir_movi(c, g_r[1], 1);
    ir_set_label(c, l);
    ir_add(c, g_r[0], u, ir_const_i32(c, 0));
    ir_exit_tb(c, IR_EXIT_NOCHAIN);
    ir_optimize(c);
    if (c->nops != 3)
        ir_dump(c, print_line);
    CHECK(c->nops == 3, "ops left: %d", c->nops);
    CHECK(count_ops(IR_OP_mov) == 1 && count_ops(IR_OP_brcond) == 0 &&
              count_ops(IR_OP_mul) == 0,
          "not folded");
    for (int i = 0; i < c->nops; i++)
        if (c->ops[i].opc == IR_OP_mov)
            CHECK(c->ops[i].args[0] == g_r[0] &&
                      c->temps[c->ops[i].args[1]].val == 42,
                  "r0 = 42 expected");
    CHECK(ir_verify(c) == NULL, "verify: %s", ir_verify(c));
}

/* After "mov g, t", later reads of the local t read g while both hold
 * the value; not across a write of g, a label or a call. */
static int reads_of(ir_t t, int from, int to)
{
    int n = 0;
    for (int i = from; i < to && i < ctx.nops; i++) {
        const struct ir_op *op = &ctx.ops[i];
        int nout = ir_op_defs[op->opc].nout, nin = ir_op_defs[op->opc].nin;
        for (int k = nout; k < nout + nin; k++)
            n += op->args[k] == t;
    }
    return n;
}

static void test_global_copies(void)
{
    struct ir_ctx *c = &ctx;
    ir_ctx_init(c, &engine_globals);
    ir_insn_start(c, 0x1000, 0);
    ir_t t = ir_new_i32(c), u = ir_new_i32(c);
    ir_guest_ld(c, t, g_r[3], MO_32);
    ir_mov(c, g_r[1], t);
    ir_add(c, g_r[2], t, t);              /* reads r1 now */
    ir_guest_st(c, g_r[2], g_r[3], MO_32); /* may fault: r1 stays */
    ir_mov(c, g_r[1], g_r[4]);            /* r1 changes: t stays t after */
    ir_add(c, u, t, g_r[2]);
    ir_guest_st(c, u, g_r[3], MO_32);
    ir_exit_tb(c, IR_EXIT_NOCHAIN);
    ir_optimize(c);
    CHECK(ir_verify(c) == NULL, "verify: %s", ir_verify(c));
    int add1 = -1, add2 = -1;
    for (int i = 0; i < c->nops; i++)
        if (c->ops[i].opc == IR_OP_add)
            add1 < 0 ? (add1 = i) : (add2 = i);
    CHECK(add1 >= 0 && add2 > add1, "adds not found");
    if (add1 >= 0 && add2 > add1) {
        CHECK(c->ops[add1].args[1] == g_r[1] && c->ops[add1].args[2] == g_r[1],
              "first add does not read r1");
        CHECK(c->ops[add2].args[1] == t, "second add must still read t");
    }
    CHECK(reads_of(t, 0, c->nops) == 2, "t read %d times",
          reads_of(t, 0, c->nops));

}

/* Comparisons decided by their operands alone fold away. */
static void test_cond_identities(void)
{
    struct ir_ctx *c = &ctx;
    ir_ctx_init(c, &engine_globals);
    ir_insn_start(c, 0x1000, 0);
    ir_t zero = ir_const_i32(c, 0);
    ir_setcond(c, IR_COND_GEU, g_r[1], g_r[0], zero);   /* 1 */
    ir_setcond(c, IR_COND_LTU, g_r[2], g_r[0], zero);   /* 0 */
    ir_setcond(c, IR_COND_LE, g_r[3], g_r[0], g_r[0]);  /* 1 */
    ir_setcond(c, IR_COND_GTU, g_r[4], g_r[0], g_r[0]); /* 0 */
    ir_setcond(c, IR_COND_LT, g_r[5], g_r[0], zero);    /* stays */
    ir_label l = ir_new_label(c);
    ir_brcond(c, IR_COND_LTU, g_r[0], zero, l);         /* never */
    ir_movi(c, g_r[6], 7);
    ir_set_label(c, l);
    ir_exit_tb(c, IR_EXIT_NOCHAIN);
    ir_optimize(c);
    CHECK(ir_verify(c) == NULL, "verify: %s", ir_verify(c));
    CHECK(count_ops(IR_OP_setcond) == 1, "setconds left: %d",
          count_ops(IR_OP_setcond));
    CHECK(count_ops(IR_OP_brcond) == 0, "brcond ltu 0 not removed");
    static const int want[] = { -1, 1, 0, 1, 0, -1, 7 };
    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        if (op->opc != IR_OP_mov)
            continue;
        for (int r = 1; r <= 6; r++)
            if (op->args[0] == g_r[r])
                CHECK(want[r] >= 0 &&
                          c->temps[op->args[1]].kind == IR_TEMP_CONST &&
                          c->temps[op->args[1]].val == (uint64_t)want[r],
                      "r%d not folded to %d", r, want[r]);
    }
}

void test_opt(void)
{
    unit_run("opt-equivalence", test_equivalence);
    unit_run("opt-removals", test_removals);
    unit_run("opt-global-copies", test_global_copies);
    unit_run("opt-cond-identities", test_cond_identities);
}
