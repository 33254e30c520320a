/*
 * The IR interpreter: the reference backend.
 *
 * At TB creation the optimized op list is lowered into fixed-size records
 * (struct iins): the handler's address, operands resolved to byte offsets
 * from the CPU state pointer, immediates inline.  Globals are read and
 * written in place in the CPU state, so they are exact at any fault;
 * locals and constants live in a frame placed right after the CPU state
 * (engine_frame_offset), which is why one base register reaches both.
 * Constants that are not absorbed into an immediate form are stored into
 * their frame slots by a short prologue at TB entry.
 *
 * The run loop is a computed-goto dispatch; goto_tb follows chained TBs and
 * lookup_and_goto consults the jump cache without leaving the loop.
 */
#include <signal.h>
#include <string.h>

#include "engine/guest_mem.h"
#include "engine/internal.h"
#include "engine/ir_sem.h"
#include "engine/softmmu.h"
#include "target/target.h"
#include "util/error.h"
#include "util/log.h"

struct iins {
    const void *h;
    uint32_t d, a, b, x;
    uint64_t imm;
};

/* ---- Handler list ---------------------------------------------------------- */

#define BINOPS(F) F(add) F(sub) F(mul) F(and) F(or) F(xor) F(andc) F(orc) \
    F(shl) F(shr) F(sar) F(rotl) F(rotr) F(div) F(divu) F(rem) F(remu)
#define UNOPS(F) F(neg) F(not) F(clz) F(ctz) F(ctpop) F(bswap16) F(bswap32) \
    F(bswap64) F(ext8s) F(ext8u) F(ext16s) F(ext16u) F(ext32s) F(ext32u)
#define H_BIN(n) H(n##_32) H(n##_64) H(n##_32i) H(n##_64i)
#define H_UN(n) H(n##_32) H(n##_64)

#define HANDLER_LIST                                                          \
    H(mov32) H(mov64) H(movi32) H(movi64)                                     \
    BINOPS(H_BIN) UNOPS(H_UN)                                                 \
    H(mulu2_32) H(mulu2_64) H(muls2_32) H(muls2_64)                           \
    H(extu) H(exts) H(extrl) H(extrh) H(concat)                               \
    H(extract_32) H(extract_64) H(sextract_32) H(sextract_64)                 \
    H(deposit_32) H(deposit_64)                                               \
    H(setcond_c32_d32) H(setcond_c32_d64) H(setcond_c64_d32)                  \
    H(setcond_c64_d64)                                                        \
    H(movcond_c32_v32) H(movcond_c32_v64) H(movcond_c64_v32)                  \
    H(movcond_c64_v64)                                                        \
    H(br) H(brcond32) H(brcond64) H(brcond32i) H(brcond64i)                   \
    H(ld_env) H(st_env)                                                       \
    H(ld_u8_32) H(ld_s8_32) H(ld_u16le_32) H(ld_u16be_32) H(ld_s16le_32)      \
    H(ld_s16be_32) H(ld_u32le_32) H(ld_u32be_32)                              \
    H(ld_u8_64) H(ld_s8_64) H(ld_u16le_64) H(ld_u16be_64) H(ld_s16le_64)      \
    H(ld_s16be_64) H(ld_u32le_64) H(ld_u32be_64) H(ld_s32le_64)               \
    H(ld_s32be_64) H(ld_u64le_64) H(ld_u64be_64)                              \
    H(st8) H(st16le) H(st16be) H(st32le) H(st32be) H(st64le) H(st64be)        \
    H(sld) H(sst) H(satomic)                                                  \
    H(atomic) H(mb) H(call) H(insn_start) H(raise)                            \
    H(goto_tb) H(exit_tb) H(lookup_and_goto)

enum {
#define H(n) I_##n,
    HANDLER_LIST
#undef H
    I_COUNT
};

/* The handler addresses, published by interp_exec's first call. */
static const void *const *interp_handlers;

/* ---- Lowering ---------------------------------------------------------------- */

struct lower {
    const struct ir_ctx *c;
    struct iins *buf;
    size_t cap, n;
    uint32_t scratch;   /* frame slot for address widening */
    bool full;
};

static struct iins *rec(struct lower *l, int h)
{
    if (l->n >= l->cap) {
        l->full = true;
        return NULL;
    }
    struct iins *r = &l->buf[l->n++];
    memset(r, 0, sizeof(*r));
    r->h = interp_handlers[h];
    return r;
}

static uint32_t loc(const struct ir_ctx *c, ir_t t)
{
    const struct ir_temp *tp = &c->temps[t];
    if (tp->kind == IR_TEMP_GLOBAL)
        return (uint32_t)tp->env_offset;
    return (uint32_t)(engine_frame_offset + 8u * (t - c->nglobals));
}

static bool is_const(const struct ir_ctx *c, ir_t t)
{
    return t != IR_NONE && c->temps[t].kind == IR_TEMP_CONST;
}

static bool is_binop(int opc)
{
    return opc >= IR_OP_add && opc <= IR_OP_remu;
}

/* Is input k of op absorbed into an immediate (no frame slot needed)? */
static bool imm_operand(const struct ir_ctx *c, const struct ir_op *op, int k)
{
    switch (op->opc) {
    case IR_OP_mov:
        return k == 1;
    case IR_OP_brcond:
        return k == 1;
    default:
        return is_binop(op->opc) && k == 2;
    }
}

static int nargs_of(const struct ir_op *op)
{
    if (op->opc == IR_OP_call)
        return 1 + op->aux;
    return ir_op_defs[op->opc].nout + ir_op_defs[op->opc].nin;
}

/* Address operand: i32 addresses of a guest wider than 32 bits are widened
 * first, since the load handlers read addresses as 64-bit values. */
static uint32_t addr_loc(struct lower *l, ir_t a)
{
    const struct ir_ctx *c = l->c;
    if (c->temps[a].type == IR_I32 && guest_addr_mask > 0xffffffffull) {
        struct iins *r = rec(l, I_extu);
        if (r) {
            r->d = l->scratch;
            r->a = loc(c, a);
        }
        return l->scratch;
    }
    return loc(c, a);
}

static int ld_handler(uint32_t memop, enum ir_type t)
{
    bool be = memop & MO_BE, s = memop & MO_SIGN;
    switch (memop & MO_SIZE) {
    case MO_8:
        return t == IR_I32 ? (s ? I_ld_s8_32 : I_ld_u8_32)
                           : (s ? I_ld_s8_64 : I_ld_u8_64);
    case MO_16:
        if (t == IR_I32)
            return s ? (be ? I_ld_s16be_32 : I_ld_s16le_32)
                     : (be ? I_ld_u16be_32 : I_ld_u16le_32);
        return s ? (be ? I_ld_s16be_64 : I_ld_s16le_64)
                 : (be ? I_ld_u16be_64 : I_ld_u16le_64);
    case MO_32:
        if (t == IR_I32)
            return be ? I_ld_u32be_32 : I_ld_u32le_32;
        return s ? (be ? I_ld_s32be_64 : I_ld_s32le_64)
                 : (be ? I_ld_u32be_64 : I_ld_u32le_64);
    default:
        return be ? I_ld_u64be_64 : I_ld_u64le_64;
    }
}

static int st_handler(uint32_t memop)
{
    bool be = memop & MO_BE;
    switch (memop & MO_SIZE) {
    case MO_8: return I_st8;
    case MO_16: return be ? I_st16be : I_st16le;
    case MO_32: return be ? I_st32be : I_st32le;
    default: return be ? I_st64be : I_st64le;
    }
}

static uint32_t align_mask(uint32_t memop)
{
    return (memop & MO_ALIGN) ? (1u << (memop & MO_SIZE)) - 1 : 0;
}

/*
 * System mode: every guest access goes through the soft TLB.  x packs
 * the memop (bits 7:0), the MMU mode (15:8), a 64-bit destination (16)
 * and, for atomics, the op (31:24).
 */
static void lower_softmmu(struct lower *l, const struct ir_op *op)
{
    const struct ir_ctx *c = l->c;
    const ir_t *A = op->args;
    int mmu = engine_target->mmu_index ? engine_target->mmu_index(c->flags)
                                       : 0;
    uint32_t x = (op->aux & 0xff) | (uint32_t)mmu << 8 |
                 (op->type == IR_I64 ? 1u << 16 : 0);
    uint32_t a = addr_loc(l, A[1]);
    struct iins *r;

    switch (op->opc) {
    case IR_OP_guest_ld:
        r = rec(l, I_sld);
        if (!r)
            return;
        r->d = loc(c, A[0]);
        break;
    case IR_OP_guest_st:
        r = rec(l, I_sst);
        if (!r)
            return;
        r->b = loc(c, A[0]);
        break;
    default:
        r = rec(l, I_satomic);
        if (!r)
            return;
        r->d = loc(c, A[0]);
        r->b = loc(c, A[2]);
        r->imm = A[3] != IR_NONE ? loc(c, A[3]) : 0;
        x |= (uint32_t)op->opc << 24;
        break;
    }
    r->a = a;
    r->x = x;
}

static void lower_op(struct lower *l, const struct ir_op *op,
                     uint32_t *label_fix, int *nfix)
{
    const struct ir_ctx *c = l->c;
    const ir_t *A = op->args;
    bool w64 = op->type == IR_I64;
    struct iins *r;

#define RECORD(h)                                                             \
    do {                                                                      \
        r = rec(l, (h));                                                      \
        if (!r)                                                               \
            return;                                                           \
    } while (0)

    if (softmmu_enabled &&
        (op->opc == IR_OP_guest_ld || op->opc == IR_OP_guest_st ||
         op->opc == IR_OP_atomic_cmpxchg || op->opc == IR_OP_atomic_xchg ||
         op->opc == IR_OP_atomic_fetch_add)) {
        lower_softmmu(l, op);
        return;
    }

    if (is_binop(op->opc)) {
        static const int base[] = {
#define F(n) [IR_OP_##n] = I_##n##_32,
            BINOPS(F)
#undef F
        };
        bool ci = is_const(c, A[2]);
        RECORD(base[op->opc] + (w64 ? 1 : 0) + (ci ? 2 : 0));
        r->d = loc(c, A[0]);
        r->a = loc(c, A[1]);
        if (ci)
            r->imm = c->temps[A[2]].val;
        else
            r->b = loc(c, A[2]);
        return;
    }

    switch (op->opc) {
    case IR_OP_mov:
        if (is_const(c, A[1])) {
            RECORD(w64 ? I_movi64 : I_movi32);
            r->imm = c->temps[A[1]].val;
        } else {
            if (A[0] == A[1])
                return;
            RECORD(w64 ? I_mov64 : I_mov32);
            r->a = loc(c, A[1]);
        }
        r->d = loc(c, A[0]);
        return;
#define F(n) case IR_OP_##n: RECORD(w64 ? I_##n##_64 : I_##n##_32); break;
    UNOPS(F)
#undef F
    case IR_OP_mulu2:
        RECORD(w64 ? I_mulu2_64 : I_mulu2_32);
        r->x = loc(c, A[1]);
        r->a = loc(c, A[2]);
        r->b = loc(c, A[3]);
        r->d = loc(c, A[0]);
        return;
    case IR_OP_muls2:
        RECORD(w64 ? I_muls2_64 : I_muls2_32);
        r->x = loc(c, A[1]);
        r->a = loc(c, A[2]);
        r->b = loc(c, A[3]);
        r->d = loc(c, A[0]);
        return;
    case IR_OP_extu_i32_i64: RECORD(I_extu); break;
    case IR_OP_exts_i32_i64: RECORD(I_exts); break;
    case IR_OP_extrl_i64_i32: RECORD(I_extrl); break;
    case IR_OP_extrh_i64_i32: RECORD(I_extrh); break;
    case IR_OP_concat_i32_i64:
        RECORD(I_concat);
        r->b = loc(c, A[2]);
        break;
    case IR_OP_extract:
    case IR_OP_sextract:
    case IR_OP_deposit:
        if (op->opc == IR_OP_extract)
            RECORD(w64 ? I_extract_64 : I_extract_32);
        else if (op->opc == IR_OP_sextract)
            RECORD(w64 ? I_sextract_64 : I_sextract_32);
        else {
            RECORD(w64 ? I_deposit_64 : I_deposit_32);
            r->b = loc(c, A[2]);
        }
        r->x = op->aux & 0xff;
        r->imm = op->aux >> 8;
        break;
    case IR_OP_setcond: {
        bool c64 = c->temps[A[1]].type == IR_I64;
        RECORD(c64 ? (w64 ? I_setcond_c64_d64 : I_setcond_c64_d32)
                   : (w64 ? I_setcond_c32_d64 : I_setcond_c32_d32));
        r->b = loc(c, A[2]);
        r->x = op->cond;
        break;
    }
    case IR_OP_movcond: {
        bool c64 = c->temps[A[1]].type == IR_I64;
        RECORD(c64 ? (w64 ? I_movcond_c64_v64 : I_movcond_c64_v32)
                   : (w64 ? I_movcond_c32_v64 : I_movcond_c32_v32));
        r->d = loc(c, A[0]);
        r->a = loc(c, A[1]);
        r->b = loc(c, A[2]);
        r->x = loc(c, A[3]);
        r->imm = loc(c, A[4]) | (uint64_t)op->cond << 32;
        return;
    }
    case IR_OP_set_label:
        return;
    case IR_OP_br:
    case IR_OP_brcond:
        if (op->opc == IR_OP_br) {
            RECORD(I_br);
        } else {
            bool ci = is_const(c, A[1]);
            RECORD(w64 ? (ci ? I_brcond64i : I_brcond64)
                       : (ci ? I_brcond32i : I_brcond32));
            r->a = loc(c, A[0]);
            if (ci)
                r->imm = c->temps[A[1]].val;
            else
                r->b = loc(c, A[1]);
            r->x = op->cond;
        }
        /* Resolved once the label is placed: d = target record index. */
        label_fix[2 * *nfix] = (uint32_t)(l->n - 1);
        label_fix[2 * *nfix + 1] = op->aux;
        (*nfix)++;
        return;
    case IR_OP_ld_env:
        RECORD(I_ld_env);
        r->d = loc(c, A[0]);
        r->x = op->cond | (w64 ? 0x100 : 0);
        r->imm = op->aux;
        return;
    case IR_OP_st_env:
        RECORD(I_st_env);
        r->a = loc(c, A[0]);
        r->x = op->cond;
        r->imm = op->aux;
        return;
    case IR_OP_guest_ld: {
        uint32_t a = addr_loc(l, A[1]);
        RECORD(ld_handler(op->aux, op->type));
        r->d = loc(c, A[0]);
        r->a = a;
        r->x = align_mask(op->aux);
        return;
    }
    case IR_OP_guest_st: {
        uint32_t a = addr_loc(l, A[1]);
        RECORD(st_handler(op->aux));
        r->b = loc(c, A[0]);
        r->a = a;
        r->x = align_mask(op->aux);
        return;
    }
    case IR_OP_atomic_cmpxchg:
    case IR_OP_atomic_xchg:
    case IR_OP_atomic_fetch_add: {
        uint32_t a = addr_loc(l, A[1]);
        RECORD(I_atomic);
        r->d = loc(c, A[0]);
        r->a = a;
        r->b = loc(c, A[2]);
        r->imm = A[3] != IR_NONE ? loc(c, A[3]) : 0;
        r->x = op->aux | (uint32_t)op->opc << 8 | (w64 ? 1u << 16 : 0);
        return;
    }
    case IR_OP_mb:
        RECORD(I_mb);
        return;
    case IR_OP_call: {
        const struct ir_helper *h = op->helper;
        RECORD(I_call);
        r->imm = (uint64_t)(uintptr_t)h->fn;
        r->a = op->aux;
        if (A[0] != IR_NONE) {
            r->d = loc(c, A[0]);
            r->x = w64 ? 2 : 1;
        }
        uint32_t mask = 0;
        for (unsigned k = 0; k < op->aux; k++)
            if (c->temps[A[1 + k]].type == IR_I64)
                mask |= 1u << k;
        r->b = mask;
        struct iins *ext = rec(l, I_mb); /* argument record, never run */
        if (!ext)
            return;
        uint32_t *av = &ext->d;
        for (unsigned k = 0; k < op->aux; k++)
            av[k] = loc(c, A[1 + k]);
        return;
    }
    case IR_OP_insn_start:
        RECORD(I_insn_start);
        r->imm = op->aux;
        return;
    case IR_OP_raise:
        RECORD(I_raise);
        r->imm = op->aux;
        return;
    case IR_OP_goto_tb:
        RECORD(I_goto_tb);
        r->imm = op->aux;
        return;
    case IR_OP_exit_tb:
        RECORD(I_exit_tb);
        r->imm = op->aux;
        return;
    case IR_OP_lookup_and_goto:
        RECORD(I_lookup_and_goto);
        return;
    case IR_OP_lookup_key: /* a hint for generated code only */
        return;
    default:
        fatal("interpreter: cannot lower op %s", ir_op_defs[op->opc].name);
    }
    /* Common one-output, one-or-two-input shape. */
    r->d = loc(c, A[0]);
    r->a = loc(c, A[1]);
#undef RECORD
}

size_t interp_lower(const struct ir_ctx *c, void *buf, size_t room)
{
    static __thread uint32_t label_pos[IR_MAX_LABELS];
    static __thread uint32_t label_fix[2 * IR_MAX_OPS];
    static __thread uint8_t const_used[IR_MAX_TEMPS];
    int nfix = 0;

    if (!interp_handlers)
        interp_exec(NULL, NULL, NULL);

    struct lower l = {
        .c = c,
        .buf = buf,
        .cap = room / sizeof(struct iins),
        .scratch = (uint32_t)(engine_frame_offset +
                              8u * (c->ntemps - c->nglobals)),
    };

    /* Prologue: constants read from their frame slots. */
    memset(const_used, 0, c->ntemps);
    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        int n = nargs_of(op);
        for (int k = 0; k < n; k++) {
            ir_t t = op->args[k];
            if (is_const(c, t) && !imm_operand(c, op, k))
                const_used[t] = 1;
        }
    }
    for (int t = c->nglobals; t < c->ntemps; t++) {
        if (!const_used[t])
            continue;
        struct iins *r = rec(&l, I_movi64);
        if (!r)
            return 0;
        r->d = loc(c, (ir_t)t);
        r->imm = c->temps[t].val;
    }

    for (int i = 0; i < c->nops && !l.full; i++) {
        const struct ir_op *op = &c->ops[i];
        if (op->opc == IR_OP_set_label)
            label_pos[op->aux] = (uint32_t)l.n;
        lower_op(&l, op, label_fix, &nfix);
    }
    if (l.full)
        return 0;
    for (int i = 0; i < nfix; i++)
        l.buf[label_fix[2 * i]].d = label_pos[label_fix[2 * i + 1]];
    return l.n * sizeof(struct iins);
}

/* ---- Execution ------------------------------------------------------------ */

typedef uint32_t __attribute__((may_alias)) u32a;
typedef uint64_t __attribute__((may_alias, aligned(4))) u64a; /* i32 slots read wide */
typedef uint16_t __attribute__((may_alias, aligned(1))) u16u;
typedef uint32_t __attribute__((may_alias, aligned(1))) u32u;
typedef uint64_t __attribute__((may_alias, aligned(1))) u64u;

#define R32(o) (*(const u32a *)(env + (o)))
#define R64(o) (*(const u64a *)(env + (o)))
#define W32(o, v) (*(u32a *)(env + (o)) = (uint32_t)(v))
#define W64(o, v) (*(u64a *)(env + (o)) = (uint64_t)(v))

static _Noreturn void raise_unaligned(struct cpu_common *cpu, uint64_t addr,
                                      bool write)
{
    cpu->fault_addr = addr;
    cpu->fault_write = write;
    cpu_raise(cpu, EXCP_UNALIGNED, 0);
}

static uint64_t do_atomic(struct cpu_common *cpu, uint64_t addr, uint32_t x,
                          uint64_t v1, uint64_t v2)
{
    unsigned memop = x & 0xff, opc = (x >> 8) & 0xff;

    if (addr & ((1u << (memop & MO_SIZE)) - 1)) {
        /* Host atomics need natural alignment; guests that allow a
         * misaligned atomic do not exist among ours. */
        raise_unaligned(cpu, addr, true);
    }
    return sem_guest_atomic(opc, memop, g2h(addr), v1, v2);
}

static uint64_t ld_env_value(const char *p, unsigned memop)
{
    switch (memop & (MO_SIZE | MO_SIGN)) {
    case MO_8: return *(const uint8_t *)p;
    case MO_8 | MO_SIGN: return (uint64_t)(int64_t)*(const int8_t *)p;
    case MO_16: return *(const u16u *)p;
    case MO_16 | MO_SIGN: return (uint64_t)(int64_t)(int16_t)*(const u16u *)p;
    case MO_32: return *(const u32u *)p;
    case MO_32 | MO_SIGN: return (uint64_t)(int64_t)(int32_t)*(const u32u *)p;
    default: return *(const u64u *)p;
    }
}

static void st_env_value(char *p, unsigned memop, uint64_t v)
{
    switch (memop & MO_SIZE) {
    case MO_8: *(uint8_t *)p = (uint8_t)v; break;
    case MO_16: *(u16u *)p = (uint16_t)v; break;
    case MO_32: *(u32u *)p = (uint32_t)v; break;
    default: *(u64u *)p = v; break;
    }
}

static uint64_t do_call(struct cpu_common *cpu, const struct iins *ip,
                        const char *env)
{
    const uint32_t *av = &ip[1].d;
    uint64_t v[IR_HELPER_MAX_ARGS];
    for (unsigned k = 0; k < ip->a; k++)
        v[k] = (ip->b >> k & 1) ? R64(av[k]) : R32(av[k]);
    typedef uint64_t (*f0)(struct cpu_common *);
    typedef uint64_t (*f1)(struct cpu_common *, uint64_t);
    typedef uint64_t (*f2)(struct cpu_common *, uint64_t, uint64_t);
    typedef uint64_t (*f3)(struct cpu_common *, uint64_t, uint64_t, uint64_t);
    typedef uint64_t (*f4)(struct cpu_common *, uint64_t, uint64_t, uint64_t,
                           uint64_t);
    typedef uint64_t (*f5)(struct cpu_common *, uint64_t, uint64_t, uint64_t,
                           uint64_t, uint64_t);
    typedef uint64_t (*f6)(struct cpu_common *, uint64_t, uint64_t, uint64_t,
                           uint64_t, uint64_t, uint64_t);
    void *fn = (void *)(uintptr_t)ip->imm;
    switch (ip->a) {
    case 0: return ((f0)fn)(cpu);
    case 1: return ((f1)fn)(cpu, v[0]);
    case 2: return ((f2)fn)(cpu, v[0], v[1]);
    case 3: return ((f3)fn)(cpu, v[0], v[1], v[2]);
    case 4: return ((f4)fn)(cpu, v[0], v[1], v[2], v[3]);
    case 5: return ((f5)fn)(cpu, v[0], v[1], v[2], v[3], v[4]);
    default: return ((f6)fn)(cpu, v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}

struct tb *interp_exec(struct cpu_common *cpu, struct tb *tb, int *slot)
{
    static const void *const table[I_COUNT] = {
#define H(n) [I_##n] = &&L_##n,
        HANDLER_LIST
#undef H
    };
    if (!cpu) {
        interp_handlers = table;
        return NULL;
    }

    char *env = (char *)cpu;
    const uint64_t amask = guest_addr_mask;
    const bool wp = cpu->jmp_cache->nwatch > 0;
    const bool trace = log_enabled(LOG_EXEC | LOG_CPU);
    const struct iins *ip;

#define NEXT                                                                  \
    do {                                                                      \
        ip++;                                                                 \
        goto *ip->h;                                                          \
    } while (0)
    /* The compiler must not sink stores to guest state past a guest memory
     * access: a host fault there reads the state from memory. */
#define BARRIER() __asm__ volatile("" ::: "memory")

enter:
    cpu->current_tb = tb;
    cpu->current_insn = -1;
    if (__builtin_expect(trace, 0))
        engine_log_tb_entry(cpu, tb);
    ip = tb->code;
    goto *ip->h;

L_mov32: W32(ip->d, R32(ip->a)); NEXT;
L_mov64: W64(ip->d, R64(ip->a)); NEXT;
L_movi32: W32(ip->d, ip->imm); NEXT;
L_movi64: W64(ip->d, ip->imm); NEXT;

#define BIN(n, e32, e64)                                                      \
    L_##n##_32: { uint32_t a = R32(ip->a), b = R32(ip->b); W32(ip->d, e32); NEXT; } \
    L_##n##_64: { uint64_t a = R64(ip->a), b = R64(ip->b); W64(ip->d, e64); NEXT; } \
    L_##n##_32i: { uint32_t a = R32(ip->a), b = (uint32_t)ip->imm; W32(ip->d, e32); NEXT; } \
    L_##n##_64i: { uint64_t a = R64(ip->a), b = ip->imm; W64(ip->d, e64); NEXT; }

    BIN(add, a + b, a + b)
    BIN(sub, a - b, a - b)
    BIN(mul, a * b, a * b)
    BIN(and, a & b, a & b)
    BIN(or, a | b, a | b)
    BIN(xor, a ^ b, a ^ b)
    BIN(andc, a & ~b, a & ~b)
    BIN(orc, a | ~b, a | ~b)
    BIN(shl, a << (b & 31), a << (b & 63))
    BIN(shr, a >> (b & 31), a >> (b & 63))
    BIN(sar, (int32_t)a >> (b & 31), (int64_t)a >> (b & 63))
    BIN(rotl, sem_rotl32(a, b), sem_rotl64(a, b))
    BIN(rotr, sem_rotr32(a, b), sem_rotr64(a, b))
    BIN(div, sem_div32(a, b), sem_div64(a, b))
    BIN(divu, sem_divu32(a, b), sem_divu64(a, b))
    BIN(rem, sem_rem32(a, b), sem_rem64(a, b))
    BIN(remu, sem_remu32(a, b), sem_remu64(a, b))
#undef BIN

#define UN(n, e32, e64)                                                       \
    L_##n##_32: { uint32_t a = R32(ip->a); W32(ip->d, e32); NEXT; }          \
    L_##n##_64: { uint64_t a = R64(ip->a); W64(ip->d, e64); NEXT; }

    UN(neg, -a, -a)
    UN(not, ~a, ~a)
    UN(clz, a ? __builtin_clz(a) : 32, a ? __builtin_clzll(a) : 64)
    UN(ctz, a ? __builtin_ctz(a) : 32, a ? __builtin_ctzll(a) : 64)
    UN(ctpop, __builtin_popcount(a), __builtin_popcountll(a))
    UN(bswap16, __builtin_bswap16((uint16_t)a), __builtin_bswap16((uint16_t)a))
    UN(bswap32, __builtin_bswap32(a), __builtin_bswap32((uint32_t)a))
    UN(bswap64, __builtin_bswap32(a), __builtin_bswap64(a))
    UN(ext8s, (int8_t)a, (int64_t)(int8_t)a)
    UN(ext8u, (uint8_t)a, (uint8_t)a)
    UN(ext16s, (int16_t)a, (int64_t)(int16_t)a)
    UN(ext16u, (uint16_t)a, (uint16_t)a)
    UN(ext32s, a, (int64_t)(int32_t)a)
    UN(ext32u, a, (uint32_t)a)
#undef UN

L_mulu2_32: {
    uint64_t p = (uint64_t)R32(ip->a) * R32(ip->b);
    W32(ip->d, p);
    W32(ip->x, p >> 32);
    NEXT;
}
L_mulu2_64: {
    unsigned __int128 p = (unsigned __int128)R64(ip->a) * R64(ip->b);
    W64(ip->d, (uint64_t)p);
    W64(ip->x, (uint64_t)(p >> 64));
    NEXT;
}
L_muls2_32: {
    int64_t p = (int64_t)(int32_t)R32(ip->a) * (int32_t)R32(ip->b);
    W32(ip->d, p);
    W32(ip->x, (uint64_t)p >> 32);
    NEXT;
}
L_muls2_64: {
    __int128 p = (__int128)(int64_t)R64(ip->a) * (int64_t)R64(ip->b);
    W64(ip->d, (uint64_t)p);
    W64(ip->x, (uint64_t)((unsigned __int128)p >> 64));
    NEXT;
}
L_extu: W64(ip->d, R32(ip->a)); NEXT;
L_exts: W64(ip->d, (int64_t)(int32_t)R32(ip->a)); NEXT;
L_extrl: W32(ip->d, R64(ip->a)); NEXT;
L_extrh: W32(ip->d, R64(ip->a) >> 32); NEXT;
L_concat: W64(ip->d, R32(ip->a) | (uint64_t)R32(ip->b) << 32); NEXT;
L_extract_32: W32(ip->d, sem_extract(R32(ip->a), ip->x, ip->imm)); NEXT;
L_extract_64: W64(ip->d, sem_extract(R64(ip->a), ip->x, ip->imm)); NEXT;
L_sextract_32: W32(ip->d, sem_sextract(R32(ip->a), ip->x, ip->imm)); NEXT;
L_sextract_64: W64(ip->d, sem_sextract(R64(ip->a), ip->x, ip->imm)); NEXT;
L_deposit_32:
    W32(ip->d, sem_deposit(R32(ip->a), R32(ip->b), ip->x, ip->imm));
    NEXT;
L_deposit_64:
    W64(ip->d, sem_deposit(R64(ip->a), R64(ip->b), ip->x, ip->imm));
    NEXT;

L_setcond_c32_d32: W32(ip->d, sem_cond32(ip->x, R32(ip->a), R32(ip->b))); NEXT;
L_setcond_c32_d64: W64(ip->d, sem_cond32(ip->x, R32(ip->a), R32(ip->b))); NEXT;
L_setcond_c64_d32: W32(ip->d, sem_cond64(ip->x, R64(ip->a), R64(ip->b))); NEXT;
L_setcond_c64_d64: W64(ip->d, sem_cond64(ip->x, R64(ip->a), R64(ip->b))); NEXT;

#define MOVC(n, cw, WV, RV)                                                   \
    L_##n: {                                                                  \
        bool t = sem_cond##cw(ip->imm >> 32, R##cw(ip->a), R##cw(ip->b));     \
        WV(ip->d, RV(t ? ip->x : (uint32_t)ip->imm));                         \
        NEXT;                                                                 \
    }
    MOVC(movcond_c32_v32, 32, W32, R32)
    MOVC(movcond_c32_v64, 32, W64, R64)
    MOVC(movcond_c64_v32, 64, W32, R32)
    MOVC(movcond_c64_v64, 64, W64, R64)
#undef MOVC

L_br:
    ip = (const struct iins *)tb->code + ip->d;
    goto *ip->h;
L_brcond32:
    if (sem_cond32(ip->x, R32(ip->a), R32(ip->b))) goto L_br;
    NEXT;
L_brcond64:
    if (sem_cond64(ip->x, R64(ip->a), R64(ip->b))) goto L_br;
    NEXT;
L_brcond32i:
    if (sem_cond32(ip->x, R32(ip->a), (uint32_t)ip->imm)) goto L_br;
    NEXT;
L_brcond64i:
    if (sem_cond64(ip->x, R64(ip->a), ip->imm)) goto L_br;
    NEXT;

L_ld_env: {
    uint64_t v = ld_env_value(env + ip->imm, ip->x);
    if (ip->x & 0x100)
        W64(ip->d, v);
    else
        W32(ip->d, v);
    NEXT;
}
L_st_env:
    st_env_value(env + ip->imm, ip->x, R64(ip->a));
    NEXT;

    /* Guest memory.  Host faults here are turned into guest faults by the
     * mode's SIGSEGV handler (cpu_signal_fault). */
#define MEMCHK(size, kind)                                                    \
    uint64_t addr = R64(ip->a) & amask;                                       \
    if (__builtin_expect((addr & ip->x) != 0, 0))                             \
        raise_unaligned(cpu, addr, (kind) == WP_WRITE);                       \
    if (__builtin_expect(wp, 0))                                              \
        engine_watch_check(cpu, addr, size, kind);                            \
    void *p = (void *)(guest_base + (uintptr_t)addr);                         \
    BARRIER();

#define LD(n, size, W, expr)                                                  \
    L_##n: { MEMCHK(size, WP_READ); W(ip->d, expr); BARRIER(); NEXT; }
    LD(ld_u8_32, 1, W32, *(const uint8_t *)p)
    LD(ld_s8_32, 1, W32, (int8_t) * (const uint8_t *)p)
    LD(ld_u16le_32, 2, W32, *(const u16u *)p)
    LD(ld_u16be_32, 2, W32, __builtin_bswap16(*(const u16u *)p))
    LD(ld_s16le_32, 2, W32, (int16_t) * (const u16u *)p)
    LD(ld_s16be_32, 2, W32, (int16_t)__builtin_bswap16(*(const u16u *)p))
    LD(ld_u32le_32, 4, W32, *(const u32u *)p)
    LD(ld_u32be_32, 4, W32, __builtin_bswap32(*(const u32u *)p))
    LD(ld_u8_64, 1, W64, *(const uint8_t *)p)
    LD(ld_s8_64, 1, W64, (int64_t)(int8_t) * (const uint8_t *)p)
    LD(ld_u16le_64, 2, W64, *(const u16u *)p)
    LD(ld_u16be_64, 2, W64, __builtin_bswap16(*(const u16u *)p))
    LD(ld_s16le_64, 2, W64, (int64_t)(int16_t) * (const u16u *)p)
    LD(ld_s16be_64, 2, W64,
       (int64_t)(int16_t)__builtin_bswap16(*(const u16u *)p))
    LD(ld_u32le_64, 4, W64, *(const u32u *)p)
    LD(ld_u32be_64, 4, W64, __builtin_bswap32(*(const u32u *)p))
    LD(ld_s32le_64, 4, W64, (int64_t)(int32_t) * (const u32u *)p)
    LD(ld_s32be_64, 4, W64,
       (int64_t)(int32_t)__builtin_bswap32(*(const u32u *)p))
    LD(ld_u64le_64, 8, W64, *(const u64u *)p)
    LD(ld_u64be_64, 8, W64, __builtin_bswap64(*(const u64u *)p))
#undef LD

#define ST(n, size, stmt)                                                     \
    L_##n: { MEMCHK(size, WP_WRITE); stmt; BARRIER(); NEXT; }
    ST(st8, 1, *(uint8_t *)p = (uint8_t)R32(ip->b))
    ST(st16le, 2, *(u16u *)p = (uint16_t)R32(ip->b))
    ST(st16be, 2, *(u16u *)p = __builtin_bswap16((uint16_t)R32(ip->b)))
    ST(st32le, 4, *(u32u *)p = R32(ip->b))
    ST(st32be, 4, *(u32u *)p = __builtin_bswap32(R32(ip->b)))
    ST(st64le, 8, *(u64u *)p = R64(ip->b))
    ST(st64be, 8, *(u64u *)p = __builtin_bswap64(R64(ip->b)))
#undef ST

    /* System mode: a hit on a RAM page is one host access; the rest
     * (miss, MMIO, code page, page crossing) is softmmu.c's. */
#define SM_PRE(kind, wkind)                                                   \
    uint64_t addr = R64(ip->a) & amask;                                       \
    unsigned mo = ip->x & 0xff;                                               \
    int mmu = (ip->x >> 8) & 0xff;                                            \
    unsigned size = 1u << (mo & MO_SIZE);                                     \
    if (__builtin_expect((mo & MO_ALIGN) && (addr & (size - 1)), 0))          \
        raise_unaligned(cpu, addr, (wkind) == WP_WRITE);                      \
    if (__builtin_expect(wp, 0))                                              \
        engine_watch_check(cpu, addr, size, wkind);                           \
    const struct softmmu_tlb_entry *e =                                       \
        &cpu->tlb->e[mmu][(addr >> SOFTMMU_PAGE_BITS) & (SOFTMMU_TLB_SIZE - 1)]; \
    bool hit = e->cmp[kind] == (addr & SOFTMMU_PAGE_MASK) &&                  \
               (addr & (SOFTMMU_PAGE_SIZE - 1)) + size <= SOFTMMU_PAGE_SIZE;   \
    void *p = (void *)(uintptr_t)(addr + e->addend);                          \
    BARRIER();

L_sld: {
    SM_PRE(MMU_DATA_LOAD, WP_READ);
    uint64_t v;
    if (__builtin_expect(hit, 1)) {
        switch (mo & (MO_SIZE | MO_BE)) {
        case MO_8:
        case MO_8 | MO_BE: v = *(const uint8_t *)p; break;
        case MO_16: v = *(const u16u *)p; break;
        case MO_16 | MO_BE: v = __builtin_bswap16(*(const u16u *)p); break;
        case MO_32: v = *(const u32u *)p; break;
        case MO_32 | MO_BE: v = __builtin_bswap32(*(const u32u *)p); break;
        case MO_64: v = *(const u64u *)p; break;
        default: v = __builtin_bswap64(*(const u64u *)p); break;
        }
        if (mo & MO_SIGN)
            v = sem_sextract(v, 0, size * 8);
    } else {
        v = softmmu_ld(cpu, addr, mo, mmu);
    }
    if (ip->x & (1u << 16))
        W64(ip->d, v);
    else
        W32(ip->d, v);
    BARRIER();
    NEXT;
}
L_sst: {
    SM_PRE(MMU_DATA_STORE, WP_WRITE);
    uint64_t v = R64(ip->b);
    if (__builtin_expect(hit, 1)) {
        switch (mo & (MO_SIZE | MO_BE)) {
        case MO_8:
        case MO_8 | MO_BE: *(uint8_t *)p = (uint8_t)v; break;
        case MO_16: *(u16u *)p = (uint16_t)v; break;
        case MO_16 | MO_BE: *(u16u *)p = __builtin_bswap16((uint16_t)v); break;
        case MO_32: *(u32u *)p = (uint32_t)v; break;
        case MO_32 | MO_BE: *(u32u *)p = __builtin_bswap32((uint32_t)v); break;
        case MO_64: *(u64u *)p = v; break;
        default: *(u64u *)p = __builtin_bswap64(v); break;
        }
    } else {
        if (size < 8)
            v &= (1ull << (size * 8)) - 1;
        softmmu_st(cpu, addr, mo, v, mmu);
    }
    BARRIER();
    NEXT;
}
L_satomic: {
    bool w64 = ip->x >> 16 & 1;
    uint64_t addr = R64(ip->a) & amask;
    unsigned mo = ip->x & 0xff;
    int mmu = (ip->x >> 8) & 0xff;
    unsigned size = 1u << (mo & MO_SIZE);
    uint64_t v1 = w64 ? R64(ip->b) : R32(ip->b);
    uint64_t v2 = 0;
    if ((ip->x >> 24) == IR_OP_atomic_cmpxchg)
        v2 = w64 ? R64(ip->imm) : R32(ip->imm);
    if (addr & (size - 1))
        raise_unaligned(cpu, addr, true);
    if (__builtin_expect(wp, 0))
        engine_watch_check(cpu, addr, size, WP_ACCESS);
    BARRIER();
    void *p = softmmu_atomic_ptr(cpu, addr, size, mmu);
    uint64_t old = 0;
    if (p)
        old = sem_guest_atomic(ip->x >> 24, mo, p, v1, v2);
    if (w64)
        W64(ip->d, old);
    else
        W32(ip->d, old);
    BARRIER();
    NEXT;
}

L_atomic: {
    bool w64 = ip->x >> 16 & 1;
    uint64_t addr = R64(ip->a) & amask;
    uint64_t v1 = w64 ? R64(ip->b) : R32(ip->b);
    uint64_t v2 = 0;
    if ((ip->x >> 8 & 0xff) == IR_OP_atomic_cmpxchg)
        v2 = w64 ? R64(ip->imm) : R32(ip->imm);
    if (__builtin_expect(wp, 0))
        engine_watch_check(cpu, addr, 1u << (ip->x & MO_SIZE), WP_ACCESS);
    BARRIER();
    uint64_t old = do_atomic(cpu, addr, ip->x, v1, v2);
    if (w64)
        W64(ip->d, old);
    else
        W32(ip->d, old);
    NEXT;
}
L_mb:
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    NEXT;

L_call: {
    BARRIER();
    uint64_t r = do_call(cpu, ip, env);
    BARRIER();
    if (ip->x == 1)
        W32(ip->d, r);
    else if (ip->x == 2)
        W64(ip->d, r);
    ip += 2;
    goto *ip->h;
}

L_insn_start:
    if (__builtin_expect(wp, 0) && cpu->watch_hit_flags) {
        /* The previous instruction touched a watched location: stop now
         * that it has completed, with the state of this one. */
        cpu->target->restore_state(cpu, tb->insn_data[ip->imm]);
        cpu_loop_exit(cpu, EXCP_DEBUG);
    }
    cpu->current_insn = (int)ip->imm;
    NEXT;

L_raise:
    BARRIER();
    cpu_raise(cpu, (int)ip->imm, 0);

L_goto_tb: {
    struct tb *next = __atomic_load_n(&tb->jmp_dest[ip->imm], __ATOMIC_ACQUIRE);
    if (next && !__atomic_load_n(&cpu->exit_request, __ATOMIC_ACQUIRE) &&
        !(wp && cpu->watch_hit_flags)) {
        tb = next;
        goto enter;
    }
    NEXT;
}

L_exit_tb:
    *slot = (int)ip->imm;
    cpu->current_tb = NULL;
    return tb;

L_lookup_and_goto: {
    uint64_t pc;
    uint32_t flags;
    cpu->target->get_tb_key(cpu, &pc, &flags);
    struct tb *next = (tb->cflags & CF_NO_CHAIN)
                          ? NULL
                          : tb_jmp_cache_lookup(cpu, pc, flags, tb->cflags);
    if (next && !__atomic_load_n(&cpu->exit_request, __ATOMIC_ACQUIRE) &&
        !(wp && cpu->watch_hit_flags)) {
        tb = next;
        goto enter;
    }
    *slot = IR_EXIT_NOCHAIN;
    cpu->current_tb = NULL;
    return tb;
}
}
