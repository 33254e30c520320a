/*
 * Op pairs the code generator lowers together, checked against plain C:
 * a setcond right after a sub of the same operands (it reuses the host
 * flags of the subtraction) and "shl t, x, 1..3; add d, y, t" (one scaled
 * lea, which must wrap at the op's width), and a label with one branch
 * (values kept in registers across it).  Run under both engines.
 */
#include <stddef.h>

#include "unit.h"

static const uint64_t lvals[] = {
    0, 1, 5, 0x7f, 0x80000000, 0x7fffffff, 0x80000001, 0xfffffffe,
    0xffffffff, 0x100000000ull, 0x8000000000000000ull, 0xffffffffffffffffull,
};
#define NLVALS (sizeof(lvals) / sizeof(lvals[0]))

static int l_w, l_cond, l_imm, l_shift, l_swap, l_load;
static uint64_t l_a, l_b;

static uint64_t lmask(void) { return l_w == 64 ? ~0ull : 0xffffffffull; }

static int64_t lsx(uint64_t v)
{
    return l_w == 64 ? (int64_t)v : (int64_t)(int32_t)(uint32_t)v;
}

static bool lref_cond(uint64_t a, uint64_t b)
{
    switch (l_cond) {
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return lsx(a) < lsx(b);
    case IR_COND_GE: return lsx(a) >= lsx(b);
    case IR_COND_LE: return lsx(a) <= lsx(b);
    case IR_COND_GT: return lsx(a) > lsx(b);
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    default: return a > b; /* GTU */
    }
}

/* Register k of the op's width, holding v. */
static ir_t lreg(int k, uint64_t v)
{
    if (l_w == 64) {
        T->x[k] = v;
        return g_x[k];
    }
    T->r[k] = (uint32_t)v;
    return g_r[k];
}

static void build_sub_setcond(struct ir_ctx *c)
{
    enum ir_type t = l_w == 64 ? IR_I64 : IR_I32;
    ir_insn_start(c, c->pc, 0);
    ir_t a = lreg(0, l_a);
    ir_t b = l_imm ? ir_const(c, t, l_b) : lreg(1, l_b);
    ir_t diff = l_w == 64 ? g_x[3] : g_r[3];
    ir_t flag = l_w == 64 ? g_x[2] : g_r[2];
    ir_sub(c, diff, a, b);
    /* l_imm 2: the setcond has its own constant temp of the same value */
    ir_setcond(c, (enum ir_cond)l_cond, flag, a,
               l_imm == 2 ? ir_const(c, t, l_b) : b);
    ir_raise(c, EXCP_STOP);
}

static void build_scaled_add(struct ir_ctx *c)
{
    enum ir_type t = l_w == 64 ? IR_I64 : IR_I32;
    ir_insn_start(c, c->pc, 0);
    ir_t x = lreg(0, l_a), y = lreg(1, l_b);
    ir_t sh = ir_new(c, t);
    ir_shli(c, sh, x, (unsigned)l_shift);
    ir_t d = l_w == 64 ? g_x[2] : g_r[2];
    if (l_swap)
        ir_add(c, d, sh, y);
    else
        ir_add(c, d, y, sh);
    if (l_load) /* the sum as an i32 guest address: must have wrapped */
        ir_guest_ld(c, g_r[4], d, MO_32);
    ir_raise(c, EXCP_STOP);
}

static uint64_t lresult(int k)
{
    return l_w == 64 ? T->x[k] : T->r[k];
}

static void test_sub_setcond(void)
{
    static const int conds[] = {
        IR_COND_EQ, IR_COND_NE, IR_COND_LT, IR_COND_GE, IR_COND_LE,
        IR_COND_GT, IR_COND_LTU, IR_COND_GEU, IR_COND_LEU, IR_COND_GTU,
    };
    for (l_w = 32; l_w <= 64; l_w += 32)
        for (l_imm = 0; l_imm < 3; l_imm++)
            for (size_t ci = 0; ci < sizeof(conds) / sizeof(conds[0]); ci++)
                for (size_t i = 0; i < NLVALS; i++)
                    for (size_t j = 0; j < NLVALS; j++) {
                        l_cond = conds[ci];
                        l_a = lvals[i] & lmask();
                        l_b = lvals[j] & lmask();
                        if (l_imm && (int64_t)l_b != (int32_t)l_b)
                            continue;
                        int e = run_ir(build_sub_setcond);
                        CHECK(e == EXCP_STOP, "exception %#x", e);
                        CHECK(lresult(3) == ((l_a - l_b) & lmask()) &&
                                  lresult(2) == lref_cond(l_a, l_b),
                              "i%d %s cond %d %#llx, %#llx: diff %#llx "
                              "flag %llu",
                              l_w, l_imm ? "imm" : "reg", l_cond,
                              (unsigned long long)l_a,
                              (unsigned long long)l_b,
                              (unsigned long long)lresult(3),
                              (unsigned long long)lresult(2));
                    }
}

static void test_scaled_add(void)
{
    for (l_w = 32; l_w <= 64; l_w += 32)
        for (l_shift = 1; l_shift <= 3; l_shift++)
            for (l_swap = 0; l_swap < 2; l_swap++)
                for (size_t i = 0; i < NLVALS; i++)
                    for (size_t j = 0; j < NLVALS; j++) {
                        l_a = lvals[i] & lmask();
                        l_b = lvals[j] & lmask();
                        int e = run_ir(build_scaled_add);
                        uint64_t want = (l_b + (l_a << l_shift)) & lmask();
                        CHECK(e == EXCP_STOP, "exception %#x", e);
                        CHECK(lresult(2) == want,
                              "i%d %#llx + (%#llx << %d): %#llx, want %#llx",
                              l_w, (unsigned long long)l_b,
                              (unsigned long long)l_a, l_shift,
                              (unsigned long long)lresult(2),
                              (unsigned long long)want);
                    }
}

static void test_scaled_address(void)
{
    uint32_t *word = g2h(DATA_BASE + 0x10);
    *word = 0x5ca1ab1e;
    l_w = 32;
    l_load = 1;
    for (l_shift = 1; l_shift <= 3; l_shift++) {
        l_a = 0x80000000u >> (l_shift - 1); /* x << shift wraps to 0 */
        l_b = DATA_BASE + 0x10;
        T->r[4] = 0;
        int e = run_ir(build_scaled_add);
        CHECK(e == EXCP_STOP && T->r[4] == 0x5ca1ab1e,
              "shift %d: exception %#x, loaded %#x", l_shift, e, T->r[4]);
    }
    l_load = 0;
}

/* A label reached by one branch: values stay in registers across it,
 * dirty, and each side writes home what the label does not share. */
static void build_one_branch(struct ir_ctx *c)
{
    ir_insn_start(c, c->pc, 0);
    ir_t t = ir_new_i32(c), u = ir_new_i32(c);
    ir_addi(c, t, g_r[0], 1);
    ir_mul(c, u, g_r[1], ir_const_i32(c, 3));
    ir_mov(c, g_r[2], t);
    ir_label l = ir_new_label(c);
    ir_brcondi(c, IR_COND_EQ, g_r[3], 0, l);
    /* r2 through its field: the fall-through side loses its register, so
     * the taken side must write its dirty r2 home on the way. */
    ir_t w = ir_new_i32(c);
    ir_addi(c, w, u, 5);
    ir_st_env(c, w, offsetof(struct tcpu, r[2]), MO_32);
    ir_add(c, g_r[4], t, u);
    ir_add(c, u, u, g_r[0]);
    ir_mov(c, g_r[6], t);
    ir_set_label(c, l);
    ir_add(c, g_r[5], g_r[2], u);
    ir_add(c, g_r[5], g_r[5], t);
    ir_raise(c, EXCP_STOP);
}

static void test_one_branch_label(void)
{
    static const uint32_t v[] = { 0, 7, 0xffffffff, 0x80000000 };
    for (int taken = 0; taken < 2; taken++)
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                uint32_t r0 = v[i], r1 = v[j], t = r0 + 1, u = r1 * 3;
                T->r[0] = r0;
                T->r[1] = r1;
                T->r[3] = taken ? 0 : 1;
                T->r[4] = T->r[6] = 0xdead;
                int e = run_ir(build_one_branch);
                uint32_t r2 = taken ? t : u + 5;
                uint32_t r4 = taken ? 0xdead : t + u;
                uint32_t r6 = taken ? 0xdead : t;
                uint32_t uu = taken ? u : u + r0;
                CHECK(e == EXCP_STOP && T->r[2] == r2 && T->r[4] == r4 &&
                          T->r[6] == r6 && T->r[5] == r2 + uu + t,
                      "taken %d r0 %#x r1 %#x: r2 %#x r4 %#x r5 %#x r6 %#x",
                      taken, r0, r1, T->r[2], T->r[4], T->r[5], T->r[6]);
            }
}

void test_lowering(void)
{
    unit_run("lowering-sub-setcond", test_sub_setcond);
    unit_run("lowering-scaled-add", test_scaled_add);
    unit_run("lowering-scaled-address", test_scaled_address);
    unit_run("lowering-one-branch-label", test_one_branch_label);
}
