/*
 * The IR builder: the functions decoders call to emit ops, with the type
 * checks that catch decoder bugs at translation time rather than as wrong
 * guest results later.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ir.h"
#include "util/error.h"

const struct ir_op_def ir_op_defs[IR_OP_COUNT] = {
#define IR_OP(n, o, i, f) [IR_OP_##n] = { #n, o, i, f },
#include "engine/ir-ops.def"
#undef IR_OP
};

/* A decoder emitted malformed IR: that is a bug in kemu, not a guest
 * error, so stop at once and name the op. */
static _Noreturn void ir_bug(const char *op, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: internal IR error in %s: ", error_progname, op);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

static void check_temp(const struct ir_ctx *c, const char *op, ir_t t)
{
    if (t == IR_NONE || t >= c->ntemps)
        ir_bug(op, "temp %u does not exist (%d temps)", t, c->ntemps);
}

static void check_type(const struct ir_ctx *c, const char *op, ir_t t,
                       enum ir_type want)
{
    check_temp(c, op, t);
    if (c->temps[t].type != want)
        ir_bug(op, "temp %u is i%d, i%d expected", t,
               c->temps[t].type == IR_I64 ? 64 : 32,
               want == IR_I64 ? 64 : 32);
}

static void check_writable(const struct ir_ctx *c, const char *op, ir_t t)
{
    check_temp(c, op, t);
    if (c->temps[t].kind == IR_TEMP_CONST)
        ir_bug(op, "writes constant temp %u", t);
}

/* ---- Globals and contexts ---------------------------------------------- */

ir_t ir_global_register(struct ir_globals *g, enum ir_type type,
                        size_t env_offset, const char *name)
{
    if (g->count >= IR_MAX_GLOBALS)
        fatal("too many IR globals (registering %s)", name);
    if (env_offset % (type == IR_I64 ? 8 : 4))
        ir_bug("global_register", "%s at misaligned offset %zu", name,
               env_offset);
    struct ir_temp *t = &g->temps[g->count];
    memset(t, 0, sizeof(*t));
    t->type = type;
    t->kind = IR_TEMP_GLOBAL;
    t->env_offset = (int32_t)env_offset;
    t->name = name;
    return (ir_t)g->count++;
}

void ir_ctx_init(struct ir_ctx *c, const struct ir_globals *g)
{
    c->pc_end = 0;
    c->ninsns = 0;
    c->nops = 0;
    c->nglobals = g->count;
    c->ntemps = g->count;
    memcpy(c->temps, g->temps, sizeof(g->temps[0]) * g->count);
    c->nlabels = 0;
    c->overflow = false;
    c->ninsn_starts = 0;
    c->ncode_pages = 0;
    c->gen_tb_key = NULL;
}

/* ---- Temps -------------------------------------------------------------- */

/* When a limit is hit the builder keeps accepting calls (the decoder cannot
 * easily stop in the middle of an instruction) but records nothing; the
 * engine sees c->overflow and translates again with fewer instructions.
 * These two temps are what the decoder gets meanwhile. */
static ir_t overflow_temp(struct ir_ctx *c, enum ir_type type)
{
    ir_t t = (ir_t)(IR_MAX_TEMPS - 1 - type);
    c->overflow = true;
    c->temps[t].type = type;
    c->temps[t].kind = IR_TEMP_LOCAL;
    return t;
}

ir_t ir_new(struct ir_ctx *c, enum ir_type type)
{
    if (c->overflow || c->ntemps >= IR_MAX_TEMPS - 2)
        return overflow_temp(c, type);
    struct ir_temp *t = &c->temps[c->ntemps];
    t->type = type;
    t->kind = IR_TEMP_LOCAL;
    t->env_offset = 0;
    t->val = 0;
    t->name = NULL;
    return (ir_t)c->ntemps++;
}

ir_t ir_new_i32(struct ir_ctx *c) { return ir_new(c, IR_I32); }
ir_t ir_new_i64(struct ir_ctx *c) { return ir_new(c, IR_I64); }

ir_t ir_const(struct ir_ctx *c, enum ir_type type, uint64_t v)
{
    ir_t t = ir_new(c, type);
    if (c->overflow)
        return t;
    c->temps[t].kind = IR_TEMP_CONST;
    c->temps[t].val = type == IR_I32 ? (uint32_t)v : v;
    return t;
}

ir_t ir_const_i32(struct ir_ctx *c, uint32_t v) { return ir_const(c, IR_I32, v); }
ir_t ir_const_i64(struct ir_ctx *c, uint64_t v) { return ir_const(c, IR_I64, v); }

/* ---- Op emission -------------------------------------------------------- */

static struct ir_op *emit(struct ir_ctx *c, enum ir_opcode opc,
                          enum ir_type type)
{
    if (c->overflow)
        return NULL;
    if (c->nops >= IR_MAX_OPS) {
        c->overflow = true;
        return NULL;
    }
    struct ir_op *op = &c->ops[c->nops++];
    memset(op, 0, sizeof(*op));
    op->opc = opc;
    op->type = type;
    for (int i = 0; i < IR_MAX_OP_ARGS; i++)
        op->args[i] = IR_NONE;
    return op;
}

#define NAME(opc) (ir_op_defs[opc].name)

static void op_1_1(struct ir_ctx *c, enum ir_opcode opc, ir_t d, ir_t a)
{
    if (c->overflow)
        return;
    check_writable(c, NAME(opc), d);
    enum ir_type ty = ir_temp_type(c, d);
    check_type(c, NAME(opc), a, ty);
    struct ir_op *op = emit(c, opc, ty);
    if (op) {
        op->args[0] = d;
        op->args[1] = a;
    }
}

static void op_1_2(struct ir_ctx *c, enum ir_opcode opc, ir_t d, ir_t a,
                   ir_t b)
{
    if (c->overflow)
        return;
    check_writable(c, NAME(opc), d);
    enum ir_type ty = ir_temp_type(c, d);
    check_type(c, NAME(opc), a, ty);
    check_type(c, NAME(opc), b, ty);
    struct ir_op *op = emit(c, opc, ty);
    if (op) {
        op->args[0] = d;
        op->args[1] = a;
        op->args[2] = b;
    }
}

void ir_mov(struct ir_ctx *c, ir_t d, ir_t a) { op_1_1(c, IR_OP_mov, d, a); }

void ir_movi(struct ir_ctx *c, ir_t d, uint64_t imm)
{
    if (c->overflow)
        return;
    check_writable(c, "movi", d);
    ir_mov(c, d, ir_const(c, ir_temp_type(c, d), imm));
}

#define BINOP(name)                                                          \
    void ir_##name(struct ir_ctx *c, ir_t d, ir_t a, ir_t b)                \
    {                                                                        \
        op_1_2(c, IR_OP_##name, d, a, b);                                    \
    }
BINOP(add) BINOP(sub) BINOP(mul) BINOP(and) BINOP(or) BINOP(xor)
BINOP(andc) BINOP(orc) BINOP(shl) BINOP(shr) BINOP(sar) BINOP(rotl)
BINOP(rotr) BINOP(div) BINOP(divu) BINOP(rem) BINOP(remu)
#undef BINOP

#define UNOP(name)                                                           \
    void ir_##name(struct ir_ctx *c, ir_t d, ir_t a)                        \
    {                                                                        \
        op_1_1(c, IR_OP_##name, d, a);                                       \
    }
UNOP(neg) UNOP(not) UNOP(clz) UNOP(ctz) UNOP(ctpop) UNOP(bswap16)
UNOP(bswap32) UNOP(bswap64) UNOP(ext8s) UNOP(ext8u) UNOP(ext16s)
UNOP(ext16u)
#undef UNOP

void ir_ext32s(struct ir_ctx *c, ir_t d, ir_t a)
{
    if (!c->overflow)
        check_type(c, "ext32s", d, IR_I64);
    op_1_1(c, IR_OP_ext32s, d, a);
}

void ir_ext32u(struct ir_ctx *c, ir_t d, ir_t a)
{
    if (!c->overflow)
        check_type(c, "ext32u", d, IR_I64);
    op_1_1(c, IR_OP_ext32u, d, a);
}

static void double_width(struct ir_ctx *c, enum ir_opcode opc, ir_t lo,
                         ir_t hi, ir_t a, ir_t b)
{
    if (c->overflow)
        return;
    check_writable(c, NAME(opc), lo);
    check_writable(c, NAME(opc), hi);
    if (lo == hi)
        ir_bug(NAME(opc), "lo and hi are the same temp");
    enum ir_type ty = ir_temp_type(c, lo);
    check_type(c, NAME(opc), hi, ty);
    check_type(c, NAME(opc), a, ty);
    check_type(c, NAME(opc), b, ty);
    struct ir_op *op = emit(c, opc, ty);
    if (op) {
        op->args[0] = lo;
        op->args[1] = hi;
        op->args[2] = a;
        op->args[3] = b;
    }
}

void ir_mulu2(struct ir_ctx *c, ir_t lo, ir_t hi, ir_t a, ir_t b)
{
    double_width(c, IR_OP_mulu2, lo, hi, a, b);
}

void ir_muls2(struct ir_ctx *c, ir_t lo, ir_t hi, ir_t a, ir_t b)
{
    double_width(c, IR_OP_muls2, lo, hi, a, b);
}

/* Immediate forms: a constant temp of the destination's type. */
#define IMMOP(name, base, immtype)                                           \
    void ir_##name(struct ir_ctx *c, ir_t d, ir_t a, immtype imm)           \
    {                                                                        \
        if (c->overflow)                                                     \
            return;                                                          \
        check_writable(c, #name, d);                                         \
        ir_##base(c, d, a, ir_const(c, ir_temp_type(c, d), imm));           \
    }
IMMOP(addi, add, uint64_t) IMMOP(subi, sub, uint64_t)
IMMOP(andi, and, uint64_t) IMMOP(ori, or, uint64_t)
IMMOP(xori, xor, uint64_t)
IMMOP(shli, shl, unsigned) IMMOP(shri, shr, unsigned)
IMMOP(sari, sar, unsigned) IMMOP(rotli, rotl, unsigned)
IMMOP(rotri, rotr, unsigned)
#undef IMMOP

/* ---- Type changes --------------------------------------------------------- */

static void conv(struct ir_ctx *c, enum ir_opcode opc, ir_t d,
                 enum ir_type dt, ir_t a, enum ir_type at)
{
    if (c->overflow)
        return;
    check_writable(c, NAME(opc), d);
    check_type(c, NAME(opc), d, dt);
    check_type(c, NAME(opc), a, at);
    struct ir_op *op = emit(c, opc, dt);
    if (op) {
        op->args[0] = d;
        op->args[1] = a;
    }
}

void ir_extu_i32_i64(struct ir_ctx *c, ir_t d, ir_t a)
{
    conv(c, IR_OP_extu_i32_i64, d, IR_I64, a, IR_I32);
}

void ir_exts_i32_i64(struct ir_ctx *c, ir_t d, ir_t a)
{
    conv(c, IR_OP_exts_i32_i64, d, IR_I64, a, IR_I32);
}

void ir_extrl_i64_i32(struct ir_ctx *c, ir_t d, ir_t a)
{
    conv(c, IR_OP_extrl_i64_i32, d, IR_I32, a, IR_I64);
}

void ir_extrh_i64_i32(struct ir_ctx *c, ir_t d, ir_t a)
{
    conv(c, IR_OP_extrh_i64_i32, d, IR_I32, a, IR_I64);
}

void ir_concat_i32_i64(struct ir_ctx *c, ir_t d, ir_t lo, ir_t hi)
{
    if (c->overflow)
        return;
    check_writable(c, "concat_i32_i64", d);
    check_type(c, "concat_i32_i64", d, IR_I64);
    check_type(c, "concat_i32_i64", lo, IR_I32);
    check_type(c, "concat_i32_i64", hi, IR_I32);
    struct ir_op *op = emit(c, IR_OP_concat_i32_i64, IR_I64);
    if (op) {
        op->args[0] = d;
        op->args[1] = lo;
        op->args[2] = hi;
    }
}

/* ---- Bit fields ----------------------------------------------------------- */

static void check_field(const struct ir_ctx *c, const char *op, ir_t d,
                        unsigned pos, unsigned len)
{
    unsigned width = ir_temp_type(c, d) == IR_I64 ? 64 : 32;
    if (len == 0 || pos >= width || len > width - pos)
        ir_bug(op, "field pos %u len %u outside i%u", pos, len, width);
}

static void field_op(struct ir_ctx *c, enum ir_opcode opc, ir_t d, ir_t a,
                     unsigned pos, unsigned len)
{
    if (c->overflow)
        return;
    check_writable(c, NAME(opc), d);
    check_field(c, NAME(opc), d, pos, len);
    op_1_1(c, opc, d, a);
    if (!c->overflow)
        c->ops[c->nops - 1].aux = pos | len << 8;
}

void ir_extract(struct ir_ctx *c, ir_t d, ir_t a, unsigned pos, unsigned len)
{
    field_op(c, IR_OP_extract, d, a, pos, len);
}

void ir_sextract(struct ir_ctx *c, ir_t d, ir_t a, unsigned pos, unsigned len)
{
    field_op(c, IR_OP_sextract, d, a, pos, len);
}

void ir_deposit(struct ir_ctx *c, ir_t d, ir_t a, ir_t b, unsigned pos,
                unsigned len)
{
    if (c->overflow)
        return;
    check_writable(c, "deposit", d);
    check_field(c, "deposit", d, pos, len);
    op_1_2(c, IR_OP_deposit, d, a, b);
    if (!c->overflow)
        c->ops[c->nops - 1].aux = pos | len << 8;
}

/* ---- Comparisons ------------------------------------------------------------ */

static void check_cond(const char *op, enum ir_cond cond)
{
    if ((unsigned)cond > IR_COND_TSTNE)
        ir_bug(op, "bad condition %d", cond);
}

void ir_setcond(struct ir_ctx *c, enum ir_cond cond, ir_t d, ir_t a, ir_t b)
{
    if (c->overflow)
        return;
    check_cond("setcond", cond);
    check_writable(c, "setcond", d);
    check_temp(c, "setcond", a);
    check_type(c, "setcond", b, ir_temp_type(c, a));
    /* Like movcond, the compared values may be of another type than d:
     * the backends take the comparison type from a. */
    struct ir_op *op = emit(c, IR_OP_setcond, ir_temp_type(c, d));
    if (op) {
        op->cond = cond;
        op->args[0] = d;
        op->args[1] = a;
        op->args[2] = b;
    }
}

void ir_movcond(struct ir_ctx *c, enum ir_cond cond, ir_t d, ir_t c1, ir_t c2,
                ir_t v1, ir_t v2)
{
    if (c->overflow)
        return;
    check_cond("movcond", cond);
    check_writable(c, "movcond", d);
    enum ir_type ty = ir_temp_type(c, d);
    check_temp(c, "movcond", c1);
    check_type(c, "movcond", c2, ir_temp_type(c, c1));
    check_type(c, "movcond", v1, ty);
    check_type(c, "movcond", v2, ty);
    struct ir_op *op = emit(c, IR_OP_movcond, ty);
    if (op) {
        op->cond = cond;
        op->args[0] = d;
        op->args[1] = c1;
        op->args[2] = c2;
        op->args[3] = v1;
        op->args[4] = v2;
    }
}

/* ---- Labels and branches ---------------------------------------------------- */

ir_label ir_new_label(struct ir_ctx *c)
{
    if (c->nlabels >= IR_MAX_LABELS - 1) {
        c->overflow = true;
        return IR_MAX_LABELS - 1;
    }
    return (ir_label)c->nlabels++;
}

static void check_label(const struct ir_ctx *c, const char *op, ir_label l)
{
    if (l >= c->nlabels)
        ir_bug(op, "label %u does not exist", l);
}

void ir_set_label(struct ir_ctx *c, ir_label l)
{
    if (c->overflow)
        return;
    check_label(c, "set_label", l);
    struct ir_op *op = emit(c, IR_OP_set_label, IR_I32);
    if (op)
        op->aux = l;
}

void ir_br(struct ir_ctx *c, ir_label l)
{
    if (c->overflow)
        return;
    check_label(c, "br", l);
    struct ir_op *op = emit(c, IR_OP_br, IR_I32);
    if (op)
        op->aux = l;
}

void ir_brcond(struct ir_ctx *c, enum ir_cond cond, ir_t a, ir_t b,
               ir_label l)
{
    if (c->overflow)
        return;
    check_cond("brcond", cond);
    check_label(c, "brcond", l);
    check_temp(c, "brcond", a);
    enum ir_type ty = ir_temp_type(c, a);
    check_type(c, "brcond", b, ty);
    struct ir_op *op = emit(c, IR_OP_brcond, ty);
    if (op) {
        op->cond = cond;
        op->aux = l;
        op->args[0] = a;
        op->args[1] = b;
    }
}

void ir_brcondi(struct ir_ctx *c, enum ir_cond cond, ir_t a, uint64_t imm,
                ir_label l)
{
    if (c->overflow)
        return;
    check_temp(c, "brcondi", a);
    ir_brcond(c, cond, a, ir_const(c, ir_temp_type(c, a), imm), l);
}

/* ---- CPU state and guest memory --------------------------------------------- */

static void check_memop(const struct ir_ctx *c, const char *op, ir_t v,
                        enum ir_memop memop)
{
    if (memop & ~(MO_SIZE | MO_SIGN | MO_BE | MO_ALIGN))
        ir_bug(op, "bad memop %#x", memop);
    if ((memop & MO_SIZE) == MO_64 && ir_temp_type(c, v) != IR_I64)
        ir_bug(op, "64-bit access with an i32 value");
    if ((memop & MO_SIZE) == MO_32 && (memop & MO_SIGN) &&
        ir_temp_type(c, v) == IR_I32)
        memop &= ~MO_SIGN; /* harmless: nothing to extend */
}

void ir_ld_env(struct ir_ctx *c, ir_t d, size_t env_offset,
               enum ir_memop memop)
{
    if (c->overflow)
        return;
    check_writable(c, "ld_env", d);
    check_memop(c, "ld_env", d, memop);
    struct ir_op *op = emit(c, IR_OP_ld_env, ir_temp_type(c, d));
    if (op) {
        op->aux = (uint32_t)env_offset;
        op->cond = (uint8_t)(memop & (MO_SIZE | MO_SIGN));
        op->args[0] = d;
    }
}

void ir_st_env(struct ir_ctx *c, ir_t v, size_t env_offset,
               enum ir_memop memop)
{
    if (c->overflow)
        return;
    check_temp(c, "st_env", v);
    check_memop(c, "st_env", v, memop);
    struct ir_op *op = emit(c, IR_OP_st_env, ir_temp_type(c, v));
    if (op) {
        op->aux = (uint32_t)env_offset;
        op->cond = (uint8_t)(memop & MO_SIZE);
        op->args[0] = v;
    }
}

void ir_guest_ld(struct ir_ctx *c, ir_t d, ir_t addr, enum ir_memop memop)
{
    if (c->overflow)
        return;
    check_writable(c, "guest_ld", d);
    check_temp(c, "guest_ld", addr);
    check_memop(c, "guest_ld", d, memop);
    struct ir_op *op = emit(c, IR_OP_guest_ld, ir_temp_type(c, d));
    if (op) {
        op->aux = memop;
        op->args[0] = d;
        op->args[1] = addr;
    }
}

void ir_guest_st(struct ir_ctx *c, ir_t v, ir_t addr, enum ir_memop memop)
{
    if (c->overflow)
        return;
    check_temp(c, "guest_st", v);
    check_temp(c, "guest_st", addr);
    check_memop(c, "guest_st", v, memop);
    struct ir_op *op = emit(c, IR_OP_guest_st, ir_temp_type(c, v));
    if (op) {
        op->aux = memop & ~MO_SIGN;
        op->args[0] = v;
        op->args[1] = addr;
    }
}

static void atomic_op(struct ir_ctx *c, enum ir_opcode opc, ir_t old,
                      ir_t addr, ir_t x, ir_t y, enum ir_memop memop)
{
    if (c->overflow)
        return;
    check_writable(c, NAME(opc), old);
    check_temp(c, NAME(opc), addr);
    check_memop(c, NAME(opc), old, memop);
    enum ir_type ty = ir_temp_type(c, old);
    check_type(c, NAME(opc), x, ty);
    if (y != IR_NONE)
        check_type(c, NAME(opc), y, ty);
    struct ir_op *op = emit(c, opc, ty);
    if (op) {
        op->aux = memop;
        op->args[0] = old;
        op->args[1] = addr;
        op->args[2] = x;
        op->args[3] = y;
    }
}

void ir_atomic_cmpxchg(struct ir_ctx *c, ir_t old, ir_t addr, ir_t cmp,
                       ir_t newv, enum ir_memop memop)
{
    atomic_op(c, IR_OP_atomic_cmpxchg, old, addr, cmp, newv, memop);
}

void ir_atomic_xchg(struct ir_ctx *c, ir_t old, ir_t addr, ir_t newv,
                    enum ir_memop memop)
{
    atomic_op(c, IR_OP_atomic_xchg, old, addr, newv, IR_NONE, memop);
}

void ir_atomic_fetch_add(struct ir_ctx *c, ir_t old, ir_t addr, ir_t val,
                         enum ir_memop memop)
{
    atomic_op(c, IR_OP_atomic_fetch_add, old, addr, val, IR_NONE, memop);
}

void ir_mb(struct ir_ctx *c)
{
    emit(c, IR_OP_mb, IR_I32);
}

/* ---- Calls -------------------------------------------------------------------- */

void ir_call(struct ir_ctx *c, const struct ir_helper *h, ir_t ret,
             int nargs, const ir_t *args)
{
    if (c->overflow)
        return;
    const char *name = h ? h->name : "call";
    if (!h || !h->fn)
        ir_bug(name, "helper without a function");
    if (nargs != h->nargs || nargs > IR_HELPER_MAX_ARGS)
        ir_bug(name, "called with %d arguments, declared %d", nargs,
               h->nargs);
    if (h->ret && ret != IR_NONE)
        check_writable(c, name, ret);
    else if (ret != IR_NONE)
        ir_bug(name, "helper has no result");
    for (int i = 0; i < nargs; i++)
        check_temp(c, name, args[i]);
    struct ir_op *op = emit(c, IR_OP_call,
                            ret != IR_NONE ? ir_temp_type(c, ret) : IR_I64);
    if (op) {
        op->helper = h;
        op->aux = nargs;
        op->args[0] = ret;
        for (int i = 0; i < nargs; i++)
            op->args[1 + i] = args[i];
    }
}

void ir_call0(struct ir_ctx *c, const struct ir_helper *h, ir_t ret)
{
    ir_call(c, h, ret, 0, NULL);
}

void ir_call1(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a)
{
    ir_call(c, h, ret, 1, &a);
}

void ir_call2(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a,
              ir_t b)
{
    ir_t args[2] = { a, b };
    ir_call(c, h, ret, 2, args);
}

void ir_call3(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a,
              ir_t b, ir_t d)
{
    ir_t args[3] = { a, b, d };
    ir_call(c, h, ret, 3, args);
}

void ir_call4(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a,
              ir_t b, ir_t d, ir_t e)
{
    ir_t args[4] = { a, b, d, e };
    ir_call(c, h, ret, 4, args);
}

/* ---- Instruction boundaries, exceptions and exits ------------------------------ */

void ir_insn_start(struct ir_ctx *c, uint64_t pc, uint64_t extra)
{
    if (c->overflow)
        return;
    if (c->ninsn_starts >= IR_MAX_INSNS) {
        c->overflow = true;
        return;
    }
    struct ir_op *op = emit(c, IR_OP_insn_start, IR_I64);
    if (!op)
        return;
    op->aux = c->ninsn_starts;
    c->insn_data[c->ninsn_starts][0] = pc;
    c->insn_data[c->ninsn_starts][1] = extra;
    c->ninsn_starts++;
}

void ir_raise(struct ir_ctx *c, int excp)
{
    struct ir_op *op = emit(c, IR_OP_raise, IR_I32);
    if (op)
        op->aux = (uint32_t)excp;
}

void ir_goto_tb(struct ir_ctx *c, int slot)
{
    if (c->overflow)
        return;
    if (slot != 0 && slot != 1)
        ir_bug("goto_tb", "slot %d (0 or 1)", slot);
    struct ir_op *op = emit(c, IR_OP_goto_tb, IR_I32);
    if (op)
        op->aux = slot;
}

void ir_exit_tb(struct ir_ctx *c, int slot)
{
    if (c->overflow)
        return;
    if (slot < 0 || slot > IR_EXIT_NOCHAIN)
        ir_bug("exit_tb", "slot %d", slot);
    struct ir_op *op = emit(c, IR_OP_exit_tb, IR_I32);
    if (op)
        op->aux = slot;
}

void ir_lookup_and_goto(struct ir_ctx *c)
{
    if (c->gen_tb_key && !c->overflow) {
        ir_t pc = IR_NONE, flags = IR_NONE;
        c->gen_tb_key(c, &pc, &flags);
        if (c->overflow)
            return;
        check_temp(c, "lookup_key", pc);
        check_temp(c, "lookup_key", flags);
        if (ir_temp_type(c, flags) != IR_I32)
            ir_bug("lookup_key", "flags must be an i32");
        struct ir_op *op = emit(c, IR_OP_lookup_key, ir_temp_type(c, pc));
        if (op) {
            op->args[0] = pc;
            op->args[1] = flags;
        }
    }
    emit(c, IR_OP_lookup_and_goto, IR_I32);
}

/* ---- Verification ------------------------------------------------------------- */

static char verify_msg[160];

static const char *vfail(int i, const struct ir_op *op, const char *what)
{
    snprintf(verify_msg, sizeof(verify_msg), "op %d (%s): %s", i,
             op ? ir_op_defs[op->opc].name : "-", what);
    return verify_msg;
}

static bool temp_ok(const struct ir_ctx *c, ir_t t)
{
    return t != IR_NONE && t < c->ntemps;
}

const char *ir_verify(const struct ir_ctx *c)
{
    /* Where each label is set (-1: not yet), to check branches go forward. */
    static __thread int16_t label_pos_set[IR_MAX_LABELS];
    if (c->overflow)
        return vfail(-1, NULL, "builder overflow");
    if (c->nops == 0)
        return vfail(-1, NULL, "empty op list");
    memset(label_pos_set, 0, sizeof(label_pos_set[0]) * c->nlabels);

    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        if (op->opc >= IR_OP_COUNT)
            return vfail(i, NULL, "bad opcode");
        const struct ir_op_def *def = &ir_op_defs[op->opc];
        int nout = def->nout, nin = def->nin;
        if (op->opc == IR_OP_call) {
            nin = op->aux;
            if (!op->helper || nin != op->helper->nargs)
                return vfail(i, op, "bad helper call");
            if (op->args[0] != IR_NONE && !temp_ok(c, op->args[0]))
                return vfail(i, op, "bad result temp");
        } else if (op->opc == IR_OP_atomic_cmpxchg ||
                   op->opc == IR_OP_atomic_xchg ||
                   op->opc == IR_OP_atomic_fetch_add) {
            /* nin from the table */
        }
        for (int k = 0; k < nout + nin; k++) {
            ir_t t = op->args[k];
            if (op->opc == IR_OP_call && k == 0 && t == IR_NONE)
                continue;
            if (!temp_ok(c, t))
                return vfail(i, op, "operand is not a temp");
            if (k < nout && c->temps[t].kind == IR_TEMP_CONST)
                return vfail(i, op, "writes a constant");
        }
        /* Types: outputs have the op's type. */
        for (int k = 0; k < nout; k++) {
            ir_t t = op->args[k];
            if (t != IR_NONE && c->temps[t].type != op->type)
                return vfail(i, op, "output type differs from op type");
        }
        switch (op->opc) {
        case IR_OP_set_label:
            if (op->aux >= c->nlabels)
                return vfail(i, op, "bad label");
            if (label_pos_set[op->aux])
                return vfail(i, op, "label set twice");
            label_pos_set[op->aux] = 1;
            break;
        case IR_OP_br:
        case IR_OP_brcond:
            if (op->aux >= c->nlabels)
                return vfail(i, op, "bad label");
            if (label_pos_set[op->aux])
                return vfail(i, op, "backward branch");
            break;
        default:
            break;
        }
    }
    /* Every branch target must be set somewhere after its branch. */
    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        if ((op->opc == IR_OP_br || op->opc == IR_OP_brcond) &&
            !label_pos_set[op->aux])
            return vfail(i, op, "branch to a label never set");
    }
    const struct ir_op *last = &c->ops[c->nops - 1];
    if (last->opc != IR_OP_exit_tb && last->opc != IR_OP_lookup_and_goto &&
        last->opc != IR_OP_raise && last->opc != IR_OP_br)
        return vfail(c->nops - 1, last, "op list does not end the TB");
    if (last->opc == IR_OP_br)
        return vfail(c->nops - 1, last, "op list ends with a branch");
    return NULL;
}
