/*
 * Every IR op with edge operands, checked against plain C written here
 * independently of the engine.  Each binary op runs in three shapes:
 * register inputs, a constant second input, and two constants (which the
 * optimizer folds), so the interpreter and the folder are both checked.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

static const uint64_t vals[] = {
    0, 1, 2, 3, 7, 8, 31, 32, 33, 63, 64, 65, 0x7f, 0x80, 0xff, 0x100,
    0x7fff, 0x8000, 0xffff, 0x12345678, 0x7fffffff, 0x80000000, 0x80000001,
    0xfffffffe, 0xffffffff, 0x100000000ull, 0x123456789abcdef0ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xfffffffffffffffeull,
    0xffffffffffffffffull,
};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

static uint64_t mask_of(int w) { return w == 64 ? ~0ull : 0xffffffffull; }

static int64_t sx(uint64_t v, int w)
{
    return w == 64 ? (int64_t)v : (int64_t)(int32_t)(uint32_t)v;
}

static uint64_t ref_bin(int opc, int w, uint64_t a, uint64_t b)
{
    uint64_t m = mask_of(w);
    a &= m;
    b &= m;
    unsigned sh = (unsigned)(b % (unsigned)w);
    int64_t min = w == 64 ? INT64_MIN : INT32_MIN;
    switch (opc) {
    case IR_OP_add: return (a + b) & m;
    case IR_OP_sub: return (a - b) & m;
    case IR_OP_mul: return (a * b) & m;
    case IR_OP_and: return a & b;
    case IR_OP_or: return a | b;
    case IR_OP_xor: return a ^ b;
    case IR_OP_andc: return a & ~b & m;
    case IR_OP_orc: return (a | ~b) & m;
    case IR_OP_shl: return (a << sh) & m;
    case IR_OP_shr: return a >> sh;
    case IR_OP_sar: return (uint64_t)(sx(a, w) >> sh) & m;
    case IR_OP_rotl: return sh ? ((a << sh) | (a >> (w - sh))) & m : a;
    case IR_OP_rotr: return sh ? ((a >> sh) | (a << (w - sh))) & m : a;
    case IR_OP_divu: return b ? a / b : 0;
    case IR_OP_remu: return b ? a % b : a;
    case IR_OP_div:
        if (!b) return 0;
        if (sx(a, w) == min && sx(b, w) == -1) return a;
        return (uint64_t)(sx(a, w) / sx(b, w)) & m;
    case IR_OP_rem:
        if (!b) return a;
        if (sx(a, w) == min && sx(b, w) == -1) return 0;
        return (uint64_t)(sx(a, w) % sx(b, w)) & m;
    }
    return 0xdead;
}

static uint64_t ref_un(int opc, int w, uint64_t a)
{
    uint64_t m = mask_of(w), r = 0;
    a &= m;
    switch (opc) {
    case IR_OP_neg: return (0 - a) & m;
    case IR_OP_not: return ~a & m;
    case IR_OP_clz:
        for (r = 0; r < (uint64_t)w && !(a >> (w - 1 - r) & 1); r++)
            ;
        return r;
    case IR_OP_ctz:
        for (r = 0; r < (uint64_t)w && !(a >> r & 1); r++)
            ;
        return r;
    case IR_OP_ctpop:
        for (int i = 0; i < w; i++)
            r += a >> i & 1;
        return r;
    case IR_OP_bswap16: return (a & 0xff) << 8 | (a >> 8 & 0xff);
    case IR_OP_bswap32:
        return (a & 0xff) << 24 | (a >> 8 & 0xff) << 16 |
               (a >> 16 & 0xff) << 8 | (a >> 24 & 0xff);
    case IR_OP_bswap64:
        for (int i = 0; i < 8; i++)
            r |= (a >> (8 * i) & 0xff) << (56 - 8 * i);
        return r;
    case IR_OP_ext8s: return (uint64_t)(int64_t)(int8_t)a & m;
    case IR_OP_ext8u: return a & 0xff;
    case IR_OP_ext16s: return (uint64_t)(int64_t)(int16_t)a & m;
    case IR_OP_ext16u: return a & 0xffff;
    case IR_OP_ext32s: return (uint64_t)(int64_t)(int32_t)a;
    case IR_OP_ext32u: return a & 0xffffffff;
    }
    return 0xdead;
}

static bool ref_cond(int cond, int w, uint64_t a, uint64_t b)
{
    a &= mask_of(w);
    b &= mask_of(w);
    switch (cond) {
    case IR_COND_NEVER: return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return sx(a, w) < sx(b, w);
    case IR_COND_GE: return sx(a, w) >= sx(b, w);
    case IR_COND_LE: return sx(a, w) <= sx(b, w);
    case IR_COND_GT: return sx(a, w) > sx(b, w);
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    case IR_COND_TSTEQ: return (a & b) == 0;
    case IR_COND_TSTNE: return (a & b) != 0;
    }
    return false;
}

/* ---- The program under test: parameters set before run_ir --------------- */

static int p_opc, p_w, p_shape, p_cond;
static uint64_t p_a, p_b;
static unsigned p_pos, p_len;

/* Input k of the op: a global holding the value, or a constant. */
static ir_t input(struct ir_ctx *c, int k, uint64_t v, enum ir_type t)
{
    bool as_const = (p_shape == 1 && k == 1) || p_shape == 2;
    if (as_const)
        return ir_const(c, t, v);
    if (t == IR_I64) {
        T->x[k] = v;
        return g_x[k];
    }
    T->r[k] = (uint32_t)v;
    return g_r[k];
}

static void stop(struct ir_ctx *c)
{
    ir_raise(c, EXCP_STOP);
}

static void build_bin(struct ir_ctx *c)
{
    enum ir_type t = p_w == 64 ? IR_I64 : IR_I32;
    ir_t d = t == IR_I64 ? g_x[2] : g_r[2];
    ir_insn_start(c, c->pc, 0);
    ir_t a = input(c, 0, p_a, t), b = input(c, 1, p_b, t);
    switch (p_opc) {
#define B(n) case IR_OP_##n: ir_##n(c, d, a, b); break;
    B(add) B(sub) B(mul) B(and) B(or) B(xor) B(andc) B(orc) B(shl) B(shr)
    B(sar) B(rotl) B(rotr) B(div) B(divu) B(rem) B(remu)
#undef B
#define U(n) case IR_OP_##n: ir_##n(c, d, a); break;
    U(neg) U(not) U(clz) U(ctz) U(ctpop) U(bswap16) U(bswap32) U(bswap64)
    U(ext8s) U(ext8u) U(ext16s) U(ext16u) U(ext32s) U(ext32u)
#undef U
    case IR_OP_extract: ir_extract(c, d, a, p_pos, p_len); break;
    case IR_OP_sextract: ir_sextract(c, d, a, p_pos, p_len); break;
    case IR_OP_deposit: ir_deposit(c, d, a, b, p_pos, p_len); break;
    case IR_OP_setcond: ir_setcond(c, p_cond, d, a, b); break;
    case IR_OP_movcond: {
        ir_t v1 = t == IR_I64 ? ir_const_i64(c, 0x1111) : ir_const_i32(c, 0x1111);
        ir_t v2 = t == IR_I64 ? g_x[3] : g_r[3];
        ir_movcond(c, p_cond, d, a, b, v1, v2);
        break;
    }
    case IR_OP_brcond: {
        ir_label l = ir_new_label(c);
        ir_movi(c, d, 1);
        ir_brcond(c, p_cond, a, b, l);
        ir_movi(c, d, 0);
        ir_set_label(c, l);
        break;
    }
    case IR_OP_mulu2: ir_mulu2(c, d, t == IR_I64 ? g_x[3] : g_r[3], a, b); break;
    case IR_OP_muls2: ir_muls2(c, d, t == IR_I64 ? g_x[3] : g_r[3], a, b); break;
    }
    stop(c);
}

static uint64_t result(int w) { return w == 64 ? T->x[2] : T->r[2]; }
static uint64_t result_hi(int w) { return w == 64 ? T->x[3] : T->r[3]; }

static const char *const shape_name[] = { "reg", "imm", "const" };

static void test_binops(void)
{
    static const int ops[] = { IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_and,
        IR_OP_or, IR_OP_xor, IR_OP_andc, IR_OP_orc, IR_OP_shl, IR_OP_shr,
        IR_OP_sar, IR_OP_rotl, IR_OP_rotr, IR_OP_div, IR_OP_divu, IR_OP_rem,
        IR_OP_remu };
    for (unsigned o = 0; o < sizeof(ops) / sizeof(ops[0]); o++)
        for (int w = 32; w <= 64; w += 32)
            for (int s = 0; s < 3; s++)
                for (unsigned i = 0; i < NVALS; i++)
                    for (unsigned j = 0; j < NVALS; j++) {
                        p_opc = ops[o]; p_w = w; p_shape = s;
                        p_a = vals[i]; p_b = vals[j];
                        int e = run_ir(build_bin);
                        uint64_t want = ref_bin(p_opc, w, p_a, p_b);
                        CHECK(e == EXCP_STOP && result(w) == want,
                              "%s_i%d/%s %#llx, %#llx = %#llx, want %#llx",
                              ir_op_defs[p_opc].name, w, shape_name[s],
                              (unsigned long long)p_a, (unsigned long long)p_b,
                              (unsigned long long)result(w),
                              (unsigned long long)want);
                    }
}

static void test_unops(void)
{
    static const int ops[] = { IR_OP_neg, IR_OP_not, IR_OP_clz, IR_OP_ctz,
        IR_OP_ctpop, IR_OP_bswap16, IR_OP_bswap32, IR_OP_bswap64,
        IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s, IR_OP_ext16u, IR_OP_ext32s,
        IR_OP_ext32u };
    for (unsigned o = 0; o < sizeof(ops) / sizeof(ops[0]); o++)
        for (int w = 32; w <= 64; w += 32) {
            if (w == 32 && (ops[o] == IR_OP_ext32s || ops[o] == IR_OP_ext32u ||
                            ops[o] == IR_OP_bswap64))
                continue;
            for (int s = 0; s < 3; s += 2)
                for (unsigned i = 0; i < NVALS; i++) {
                    p_opc = ops[o]; p_w = w; p_shape = s; p_a = vals[i];
                    int e = run_ir(build_bin);
                    uint64_t want = ref_un(p_opc, w, p_a);
                    CHECK(e == EXCP_STOP && result(w) == want,
                          "%s_i%d/%s %#llx = %#llx, want %#llx",
                          ir_op_defs[p_opc].name, w, shape_name[s],
                          (unsigned long long)p_a,
                          (unsigned long long)result(w),
                          (unsigned long long)want);
                }
        }
}

static void test_conds(void)
{
    static const int ops[] = { IR_OP_setcond, IR_OP_movcond, IR_OP_brcond };
    for (unsigned o = 0; o < 3; o++)
        for (int w = 32; w <= 64; w += 32)
            for (int s = 0; s < 3; s++)
                for (int cond = 0; cond <= IR_COND_TSTNE; cond++)
                    for (unsigned i = 0; i < NVALS; i += 2)
                        for (unsigned j = 0; j < NVALS; j++) {
                            p_opc = ops[o]; p_w = w; p_shape = s;
                            p_cond = cond; p_a = vals[i]; p_b = vals[j];
                            T->x[3] = T->r[3] = 0x2222;
                            int e = run_ir(build_bin);
                            bool t = ref_cond(cond, w, p_a, p_b);
                            uint64_t want = p_opc == IR_OP_movcond
                                                ? (t ? 0x1111 : 0x2222) : t;
                            CHECK(e == EXCP_STOP && result(w) == want,
                                  "%s_i%d/%s cond %d %#llx, %#llx = %#llx",
                                  ir_op_defs[p_opc].name, w, shape_name[s],
                                  cond, (unsigned long long)p_a,
                                  (unsigned long long)p_b,
                                  (unsigned long long)result(w));
                        }
}

static void test_double_width(void)
{
    for (int w = 32; w <= 64; w += 32)
        for (int s = 0; s < 3; s++)
            for (unsigned i = 0; i < NVALS; i++)
                for (unsigned j = 0; j < NVALS; j++)
                    for (int sg = 0; sg < 2; sg++) {
                        p_opc = sg ? IR_OP_muls2 : IR_OP_mulu2;
                        p_w = w; p_shape = s; p_a = vals[i]; p_b = vals[j];
                        run_ir(build_bin);
                        uint64_t m = mask_of(w), lo, hi;
                        if (w == 32) {
                            uint64_t p = sg ? (uint64_t)(sx(p_a, 32) * sx(p_b, 32))
                                            : (p_a & m) * (p_b & m);
                            lo = p & m;
                            hi = p >> 32;
                        } else {
                            unsigned __int128 p =
                                sg ? (unsigned __int128)((__int128)(int64_t)p_a *
                                                         (int64_t)p_b)
                                   : (unsigned __int128)p_a * p_b;
                            lo = (uint64_t)p;
                            hi = (uint64_t)(p >> 64);
                        }
                        CHECK(result(w) == lo && result_hi(w) == hi,
                              "%s_i%d %#llx * %#llx", ir_op_defs[p_opc].name,
                              w, (unsigned long long)p_a,
                              (unsigned long long)p_b);
                    }
}

static void test_fields(void)
{
    for (int w = 32; w <= 64; w += 32)
        for (unsigned pos = 0; pos < (unsigned)w; pos += 3)
            for (unsigned len = 1; pos + len <= (unsigned)w; len += 5)
                for (int o = 0; o < 3; o++)
                    for (unsigned i = 0; i < NVALS; i += 5) {
                        p_opc = o == 0 ? IR_OP_extract
                                : o == 1 ? IR_OP_sextract : IR_OP_deposit;
                        p_w = w; p_shape = 0; p_pos = pos; p_len = len;
                        p_a = vals[i]; p_b = vals[NVALS - 1 - i] ^ 0x5555;
                        run_ir(build_bin);
                        uint64_t m = mask_of(w), a = p_a & m, want;
                        uint64_t fm = len == 64 ? ~0ull : (1ull << len) - 1;
                        if (p_opc == IR_OP_extract)
                            want = (a >> pos) & fm;
                        else if (p_opc == IR_OP_sextract) {
                            uint64_t f = (a >> pos) & fm;
                            if (len < 64 && (f >> (len - 1) & 1))
                                f |= ~fm;
                            want = f & m;
                        } else
                            want = ((a & ~(fm << pos)) |
                                    ((p_b & fm) << pos)) & m;
                        CHECK(result(w) == want, "%s_i%d pos %u len %u %#llx",
                              ir_op_defs[p_opc].name, w, pos, len,
                              (unsigned long long)a);
                    }
}

/* ---- Conversions, env access, memory, atomics, calls --------------------- */

static void build_conv(struct ir_ctx *c)
{
    ir_insn_start(c, c->pc, 0);
    ir_t a32 = input(c, 0, p_a, IR_I32);
    ir_t a64 = p_shape == 2 ? ir_const_i64(c, p_b) : (T->x[1] = p_b, g_x[1]);
    ir_extu_i32_i64(c, g_x[0], a32);
    ir_exts_i32_i64(c, g_x[2], a32);
    ir_extrl_i64_i32(c, g_r[4], a64);
    ir_extrh_i64_i32(c, g_r[5], a64);
    ir_concat_i32_i64(c, g_x[3], a32, g_r[4]);
    stop(c);
}

static void test_conversions(void)
{
    for (int s = 0; s < 3; s += 2)
        for (unsigned i = 0; i < NVALS; i++) {
            p_shape = s; p_a = vals[i]; p_b = vals[NVALS - 1 - i] * 3;
            uint32_t a = (uint32_t)p_a;
            run_ir(build_conv);
            CHECK(T->x[0] == a && T->x[2] == (uint64_t)(int64_t)(int32_t)a &&
                  T->r[4] == (uint32_t)p_b && T->r[5] == (uint32_t)(p_b >> 32) &&
                  T->x[3] == (a | (uint64_t)(uint32_t)p_b << 32),
                  "conversions of %#x / %#llx", a, (unsigned long long)p_b);
        }
}

static unsigned p_memop;
static uint32_t p_addr;

static void build_mem(struct ir_ctx *c)
{
    ir_insn_start(c, c->pc, 0);
    ir_t addr = ir_const_i32(c, p_addr);
    if (p_opc == IR_OP_guest_ld)
        ir_guest_ld(c, p_w == 64 ? g_x[2] : g_r[2], addr, p_memop);
    else
        ir_guest_st(c, p_w == 64 ? g_x[1] : g_r[1], addr, p_memop);
    stop(c);
}

static void test_memory(void)
{
    uint8_t *mem = g2h(DATA_BASE);
    static const uint8_t pattern[8] = { 0x81, 0x92, 0xa3, 0xb4,
                                        0xc5, 0xd6, 0xe7, 0xf8 };
    for (int w = 32; w <= 64; w += 32)
        for (unsigned m = 0; m < 32; m++) {
            unsigned size = m & MO_SIZE;
            if ((m & MO_ALIGN) || (w == 32 && size == MO_64))
                continue;
            unsigned n = 1u << size;
            bool be = m & MO_BE, sg = m & MO_SIGN;
            /* Load, at an odd address (unaligned access is allowed). */
            memcpy(mem + 1, pattern, 8);
            p_opc = IR_OP_guest_ld; p_w = w; p_memop = m;
            p_addr = DATA_BASE + 1;
            int e = run_ir(build_mem);
            uint64_t v = 0;
            for (unsigned k = 0; k < n; k++)
                v |= (uint64_t)pattern[be ? n - 1 - k : k] << (8 * k);
            if (sg && n < 8 && (v >> (8 * n - 1) & 1))
                v |= ~0ull << (8 * n);
            v &= mask_of(w);
            CHECK(e == EXCP_STOP && result(w) == v,
                  "ld memop %#x i%d = %#llx, want %#llx", m, w,
                  (unsigned long long)result(w), (unsigned long long)v);
            if (sg)
                continue;
            /* Store. */
            memset(mem, 0, 16);
            p_opc = IR_OP_guest_st;
            T->r[1] = 0x11223344;
            T->x[1] = 0x1122334455667788ull;
            uint64_t sv = w == 64 ? T->x[1] : T->r[1];
            e = run_ir(build_mem);
            bool ok = e == EXCP_STOP && mem[0] == 0 && mem[1 + n] == 0;
            for (unsigned k = 0; k < n; k++)
                ok &= mem[1 + k] == (uint8_t)(sv >> (8 * (be ? n - 1 - k : k)));
            CHECK(ok, "st memop %#x i%d", m, w);
        }
    /* MO_ALIGN: misaligned raises, aligned works. */
    for (unsigned size = 1; size <= 3; size++) {
        p_opc = IR_OP_guest_ld; p_w = 64; p_memop = size | MO_ALIGN;
        p_addr = DATA_BASE + 2;
        int e = run_ir(build_mem);
        bool should = (p_addr & ((1u << size) - 1)) != 0;
        CHECK(should ? e == EXCP_UNALIGNED && T->common.fault_addr == p_addr
                     : e == EXCP_STOP,
              "MO_ALIGN size %u: %#x", size, e);
    }
}

static void build_env(struct ir_ctx *c)
{
    ir_insn_start(c, c->pc, 0);
    size_t off = offsetof(struct tcpu, env);
    ir_ld_env(c, g_x[0], off, MO_64);
    ir_ld_env(c, g_r[0], off + 8, MO_8 | MO_SIGN);
    ir_ld_env(c, g_x[1], off + 8, MO_16 | MO_SIGN);
    ir_ld_env(c, g_x[2], off + 8, MO_32);
    ir_st_env(c, g_r[1], off + 16, MO_16);
    ir_st_env(c, g_x[3], off + 24, MO_64);
    stop(c);
}

static void test_env(void)
{
    T->env[0] = 0x0123456789abcdefull;
    T->env[1] = 0x00000000fedc8281ull;
    T->env[2] = 0;
    T->r[1] = 0xabcd1234;
    T->x[3] = 0x5566778899aabbccull;
    run_ir(build_env);
    CHECK(T->x[0] == 0x0123456789abcdefull, "ld_env 64");
    CHECK(T->r[0] == 0xffffff81, "ld_env s8 = %#x", T->r[0]);
    CHECK(T->x[1] == 0xffffffffffff8281ull, "ld_env s16");
    CHECK(T->x[2] == 0xfedc8281ull, "ld_env u32");
    CHECK(T->env[2] == 0x1234, "st_env 16 = %#llx",
          (unsigned long long)T->env[2]);
    CHECK(T->env[3] == 0x5566778899aabbccull, "st_env 64");
}

static void build_atomic(struct ir_ctx *c)
{
    ir_insn_start(c, c->pc, 0);
    ir_t addr = ir_const_i32(c, p_addr);
    ir_t old = p_w == 64 ? g_x[2] : g_r[2];
    ir_t a = p_w == 64 ? g_x[0] : g_r[0], b = p_w == 64 ? g_x[1] : g_r[1];
    if (p_opc == IR_OP_atomic_cmpxchg)
        ir_atomic_cmpxchg(c, old, addr, a, b, p_memop);
    else if (p_opc == IR_OP_atomic_xchg)
        ir_atomic_xchg(c, old, addr, b, p_memop);
    else
        ir_atomic_fetch_add(c, old, addr, b, p_memop);
    ir_mb(c);
    stop(c);
}

static uint64_t rd_mem(const uint8_t *p, unsigned n, bool be)
{
    uint64_t v = 0;
    for (unsigned k = 0; k < n; k++)
        v |= (uint64_t)p[k] << (8 * (be ? n - 1 - k : k));
    return v;
}

static void test_atomics(void)
{
    uint8_t *mem = g2h(DATA_BASE + 0x100);
    static const int ops[] = { IR_OP_atomic_cmpxchg, IR_OP_atomic_xchg,
                               IR_OP_atomic_fetch_add };
    for (unsigned o = 0; o < 3; o++)
        for (int w = 32; w <= 64; w += 32)
            for (unsigned size = 0; size <= (w == 64 ? 3u : 2u); size++)
                for (int be = 0; be < 2; be++)
                    for (int hit = 0; hit < 2; hit++) {
                        unsigned n = 1u << size;
                        uint64_t nm = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
                        static const uint8_t init[8] = { 0xf1, 0x02, 0x83, 0x04,
                                                         0x95, 0x06, 0xa7, 0x08 };
                        memcpy(mem, init, 8);
                        uint64_t cur = rd_mem(init, n, be);
                        p_opc = ops[o]; p_w = w;
                        p_memop = size | (be ? MO_BE : 0);
                        p_addr = DATA_BASE + 0x100;
                        uint64_t add = 0x8182838485868788ull & nm;
                        T->x[0] = T->r[0] = 0;
                        if (hit) {
                            T->x[0] = cur;
                            T->r[0] = (uint32_t)cur;
                        }
                        T->x[1] = add;
                        T->r[1] = (uint32_t)add;
                        int e = run_ir(build_atomic);
                        uint64_t want_mem =
                            ops[o] == IR_OP_atomic_cmpxchg ? (hit ? add : cur)
                            : ops[o] == IR_OP_atomic_xchg ? add
                            : (cur + add) & nm;
                        CHECK(e == EXCP_STOP && result(w) == cur &&
                                  rd_mem(mem, n, be) == want_mem &&
                                  (n == 8 || mem[n] == init[n]),
                              "%s i%d size %u be %d hit %d: old %#llx mem %#llx",
                              ir_op_defs[ops[o]].name, w, n, be, hit,
                              (unsigned long long)result(w),
                              (unsigned long long)rd_mem(mem, n, be));
                    }
    /* Host atomics need natural alignment: a misaligned atomic raises
     * EXCP_UNALIGNED, with or without MO_ALIGN, and leaves memory alone. */
    for (unsigned o = 0; o < 3; o++)
        for (unsigned size = 1; size <= 3; size++) {
            memset(mem, 0x5a, 16);
            p_opc = ops[o]; p_w = 64; p_memop = size;
            p_addr = DATA_BASE + 0x101;
            T->x[0] = T->x[1] = 0;
            int e = run_ir(build_atomic);
            bool untouched = true;
            for (int k = 0; k < 16; k++)
                untouched &= mem[k] == 0x5a;
            CHECK(e == EXCP_UNALIGNED && T->common.fault_addr == p_addr &&
                      untouched,
                  "misaligned %s size %u: %#x", ir_op_defs[ops[o]].name,
                  1u << size, e);
        }
}

static uint64_t h_sum(struct cpu_common *cpu, uint64_t a, uint64_t b,
                      uint64_t c, uint64_t d)
{
    ((struct tcpu *)cpu)->r[7] = 0x77;  /* helpers may write globals */
    return a * 1000 + b * 100 + c * 10 + d;
}
static IR_HELPER_DEF(h_sum, 4, true, 0);

static void build_call(struct ir_ctx *c)
{
    ir_insn_start(c, c->pc, 0);
    ir_t k = ir_const_i64(c, 4);
    ir_call4(c, &helper_h_sum, g_x[2], g_r[0], g_x[0], ir_const_i32(c, 3), k);
    ir_add(c, g_r[6], g_r[7], g_r[7]); /* must see the helper's write */
    stop(c);
}

static void test_calls(void)
{
    T->r[0] = 1;
    T->x[0] = 2;
    T->r[7] = 0;
    run_ir(build_call);
    CHECK(T->x[2] == 1234, "helper result %llu", (unsigned long long)T->x[2]);
    CHECK(T->r[6] == 0xee, "global written by the helper: %#x", T->r[6]);
}

void test_ops(void)
{
    unit_run("ops-binary", test_binops);
    unit_run("ops-unary", test_unops);
    unit_run("ops-conditions", test_conds);
    unit_run("ops-double-width", test_double_width);
    unit_run("ops-bitfields", test_fields);
    unit_run("ops-conversions", test_conversions);
    unit_run("ops-guest-memory", test_memory);
    unit_run("ops-env", test_env);
    unit_run("ops-atomics", test_atomics);
    unit_run("ops-calls", test_calls);
}
