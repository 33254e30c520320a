/*
 * The IR optimizer, two passes over one TB's op list:
 *
 * 1. Forward: constant and copy propagation, constant folding (with the
 *    same semantics the interpreter runs, engine/ir_sem.h), algebraic
 *    identities that hold for every value, branch folding and removal of
 *    code no path reaches.  What is known about a temp is dropped at a
 *    label that some branch still targets; a copy "t = G" is only used
 *    while neither side has been written since (version numbers).
 *
 * 2. Backward: liveness and dead-code elimination.  Branches only go
 *    forward, so one backward pass suffices: the live set at a label is
 *    known before the branches to it are met.  Globals are live at TB
 *    exits, at goto_tb (the chained TB reads them), at ops that may fault
 *    (the state must be exact there) and at helper calls that read
 *    globals; this is what removes flag computations nobody reads.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/internal.h"
#include "engine/ir_sem.h"
#include "util/error.h"

#define OP_DELETED 0xff  /* opc of a removed op until compaction */

struct opt_state {
    uint32_t epoch;
    uint32_t info_epoch[IR_MAX_TEMPS];
    uint32_t ver[IR_MAX_TEMPS];
    uint32_t copy_ver[IR_MAX_TEMPS];
    ir_t copy_of[IR_MAX_TEMPS];
    bool known[IR_MAX_TEMPS];
    uint64_t cval[IR_MAX_TEMPS];
    uint16_t label_refs[IR_MAX_LABELS];
};

static __thread struct opt_state *opt_st;

/* ---- Forward pass ---------------------------------------------------------- */

static bool const_of(const struct ir_ctx *c, const struct opt_state *s, ir_t t,
                     uint64_t *v)
{
    if (c->temps[t].kind == IR_TEMP_CONST) {
        *v = c->temps[t].val;
        return true;
    }
    if (s->info_epoch[t] == s->epoch && s->known[t]) {
        *v = s->cval[t];
        return true;
    }
    return false;
}

static ir_t resolve(const struct ir_ctx *c, const struct opt_state *s, ir_t t)
{
    if (c->temps[t].kind == IR_TEMP_CONST || s->info_epoch[t] != s->epoch)
        return t;
    ir_t src = s->copy_of[t];
    if (src != IR_NONE && s->ver[src] == s->copy_ver[t])
        return src;
    return t;
}

static void forget(struct opt_state *s, ir_t t)
{
    s->ver[t]++;
    s->info_epoch[t] = s->epoch;
    s->known[t] = false;
    s->copy_of[t] = IR_NONE;
}

static void clobber_globals(const struct ir_ctx *c, struct opt_state *s)
{
    for (int g = 0; g < c->nglobals; g++)
        forget(s, (ir_t)g);
}

static void delete_op(struct ir_ctx *c, struct opt_state *s, struct ir_op *op)
{
    if (op->opc == IR_OP_br || op->opc == IR_OP_brcond)
        s->label_refs[op->aux]--;
    op->opc = OP_DELETED;
}

static void make_mov(struct ir_op *op, ir_t src)
{
    ir_t d = op->args[0];
    op->opc = IR_OP_mov;
    op->cond = 0;
    op->aux = 0;
    op->helper = NULL;
    for (int i = 0; i < IR_MAX_OP_ARGS; i++)
        op->args[i] = IR_NONE;
    op->args[0] = d;
    op->args[1] = src;
}

/* Turn op into "d = constant"; false when no temp is left for it. */
static bool make_movi(struct ir_ctx *c, struct ir_op *op, uint64_t v)
{
    if (c->ntemps >= IR_MAX_TEMPS - 16)
        return false;
    make_mov(op, ir_const(c, (enum ir_type)op->type, v));
    return true;
}

static bool is_commutative(int opc)
{
    return opc == IR_OP_add || opc == IR_OP_mul || opc == IR_OP_and ||
           opc == IR_OP_or || opc == IR_OP_xor;
}

/* Identities with a constant second operand (k) or equal operands. */
static void simplify(struct ir_ctx *c, struct ir_op *op)
{
    const struct opt_state *s = opt_st;
    uint64_t ones = op->type == IR_I64 ? ~0ull : 0xffffffffull, k;
    ir_t a = op->args[1], b = op->args[2];

    if (op->opc == IR_OP_setcond) {
        /* Decided by the operands alone: x >=u 0, x <u 0 (ARM's C after
         * "cmp x, #0"), and x cond x. */
        bool zero = const_of(c, s, b, &k) && k == 0;
        if (zero && op->cond == IR_COND_GEU)
            make_movi(c, op, 1);
        else if (zero && op->cond == IR_COND_LTU)
            make_movi(c, op, 0);
        else if (a == b && op->cond != IR_COND_TSTEQ &&
                 op->cond != IR_COND_TSTNE)
            make_movi(c, op, sem_cond((enum ir_type)c->temps[a].type,
                                      op->cond, 0, 0));
        return;
    }
    if (ir_op_defs[op->opc].nin != 2 || ir_op_defs[op->opc].nout != 1 ||
        op->opc == IR_OP_deposit ||
        op->opc == IR_OP_concat_i32_i64)
        return;
    if (const_of(c, s, b, &k)) {
        switch (op->opc) {
        case IR_OP_add: case IR_OP_sub: case IR_OP_or: case IR_OP_xor:
        case IR_OP_shl: case IR_OP_shr: case IR_OP_sar: case IR_OP_rotl:
        case IR_OP_rotr: case IR_OP_andc:
            if (k == 0)
                make_mov(op, a);
            return;
        case IR_OP_and:
            if (k == ones)
                make_mov(op, a);
            else if (k == 0)
                make_movi(c, op, 0);
            return;
        case IR_OP_orc:
            if (k == ones)
                make_mov(op, a);
            return;
        case IR_OP_mul:
            if (k == 1)
                make_mov(op, a);
            else if (k == 0)
                make_movi(c, op, 0);
            return;
        case IR_OP_div: case IR_OP_divu:
            if (k == 1)
                make_mov(op, a);
            return;
        default:
            return;
        }
    }
    if (a == b) {
        switch (op->opc) {
        case IR_OP_sub: case IR_OP_xor: case IR_OP_andc:
            make_movi(c, op, 0);
            return;
        case IR_OP_and: case IR_OP_or:
            make_mov(op, a);
            return;
        case IR_OP_orc:
            make_movi(c, op, ones);
            return;
        default:
            return;
        }
    }
}

static int op_nin(const struct ir_op *op)
{
    return op->opc == IR_OP_call ? (int)op->aux : ir_op_defs[op->opc].nin;
}

static int op_nout(const struct ir_op *op)
{
    return op->opc == IR_OP_call ? (op->args[0] != IR_NONE)
                                 : ir_op_defs[op->opc].nout;
}

static void forward_pass(struct ir_ctx *c)
{
    struct opt_state *s = opt_st;
    bool unreachable = false;

    s->epoch++;
    memset(s->label_refs, 0, sizeof(s->label_refs[0]) * c->nlabels);
    for (int i = 0; i < c->nops; i++)
        if (c->ops[i].opc == IR_OP_br || c->ops[i].opc == IR_OP_brcond)
            s->label_refs[c->ops[i].aux]++;

    for (int i = 0; i < c->nops; i++) {
        struct ir_op *op = &c->ops[i];
        const struct ir_op_def *def = &ir_op_defs[op->opc];

        if (op->opc == IR_OP_set_label) {
            if (s->label_refs[op->aux] == 0) {
                /* Only reached by falling through: blocks merge. */
                op->opc = OP_DELETED;
                continue;
            }
            unreachable = false;
            s->epoch++;
            continue;
        }
        if (unreachable) {
            delete_op(c, s, op);
            continue;
        }

        /* Inputs: follow copies, then fold. */
        int nout = op->opc == IR_OP_call ? 1 : def->nout;
        int nin = op_nin(op);
        for (int k = nout; k < nout + nin; k++) {
            ir_t t = resolve(c, s, op->args[k]);
            uint64_t v;
            if (c->temps[t].kind != IR_TEMP_CONST && const_of(c, s, t, &v) &&
                c->ntemps < IR_MAX_TEMPS - 16)
                t = ir_const(c, (enum ir_type)c->temps[t].type, v);
            op->args[k] = t;
        }

        switch (op->opc) {
        case IR_OP_br: {
            /* Jumping over dead code to the very next label is falling
             * through: drop the branch so the blocks can merge. */
            int j = i + 1;
            while (j < c->nops && c->ops[j].opc != IR_OP_set_label)
                j++;
            if (j < c->nops && c->ops[j].aux == op->aux) {
                for (int k = i + 1; k < j; k++)
                    delete_op(c, s, &c->ops[k]);
                delete_op(c, s, op);
                i = j - 1;
            } else {
                unreachable = true;
            }
            continue;
        }
        case IR_OP_brcond: {
            uint64_t x, y;
            enum ir_type t = (enum ir_type)op->type;
            bool known = op->cond == IR_COND_ALWAYS ||
                         op->cond == IR_COND_NEVER;
            bool taken = op->cond == IR_COND_ALWAYS;
            if (!known && const_of(c, s, op->args[0], &x) &&
                const_of(c, s, op->args[1], &y)) {
                known = true;
                taken = sem_cond(t, op->cond, x, y);
            } else if (!known && const_of(c, s, op->args[1], &y) && y == 0 &&
                       (op->cond == IR_COND_GEU || op->cond == IR_COND_LTU)) {
                known = true; /* x >=u 0 always, x <u 0 never */
                taken = op->cond == IR_COND_GEU;
            }
            if (known && !taken) {
                delete_op(c, s, op);
            } else if (known) {
                op->opc = IR_OP_br;
                op->args[0] = op->args[1] = IR_NONE;
                i--; /* look at it again as a br */
            }
            continue;
        }
        case IR_OP_exit_tb:
        case IR_OP_lookup_and_goto:
        case IR_OP_raise:
            unreachable = true;
            continue;
        case IR_OP_call:
            if (!(op->helper->flags & IR_HELPER_NO_WRITE_GLOBALS))
                clobber_globals(c, s);
            if (op->args[0] != IR_NONE)
                forget(s, op->args[0]);
            continue;
        case IR_OP_st_env:
            clobber_globals(c, s);
            continue;
        default:
            break;
        }
        if (def->nout == 0)
            continue;

        /* Value ops without side effects: fold. */
        if (!(def->flags & IR_OPF_SIDE_EFFECTS) && def->nout == 1) {
            uint64_t a = 0, b = 0, v;
            bool ka = def->nin < 1 || const_of(c, s, op->args[1], &a);
            bool kb = def->nin < 2 || const_of(c, s, op->args[2], &b);
            if (op->opc == IR_OP_movcond) {
                if (const_of(c, s, op->args[1], &a) &&
                    const_of(c, s, op->args[2], &b))
                    make_mov(op, sem_cond((enum ir_type)c->temps[op->args[1]].type,
                                          op->cond, a, b)
                                     ? op->args[3] : op->args[4]);
            } else if (op->opc != IR_OP_ld_env && ka && kb) {
                enum ir_type it = def->nin ? (enum ir_type)c->temps[op->args[1]].type
                                           : IR_I32;
                if (op->opc != IR_OP_mov && sem_eval(op, it, a, b, &v))
                    make_movi(c, op, v);
            } else if (op->opc != IR_OP_ld_env) {
                if (is_commutative(op->opc) && ka && !kb) {
                    ir_t t = op->args[1];
                    op->args[1] = op->args[2];
                    op->args[2] = t;
                }
                simplify(c, op);
            }
        }

        if (op->opc == IR_OP_mov) {
            ir_t d = op->args[0], src = op->args[1];
            uint64_t v;
            if (d == src) {
                op->opc = OP_DELETED;
                continue;
            }
            forget(s, d);
            if (const_of(c, s, src, &v)) {
                s->known[d] = true;
                s->cval[d] = v;
            } else {
                s->copy_of[d] = src;
                s->copy_ver[d] = s->ver[src];
            }
            continue;
        }
        for (int k = 0; k < def->nout; k++)
            forget(s, op->args[k]);
    }
}

/* ---- Backward pass: liveness and dead code ------------------------------------ */

static __thread uint64_t *label_live;
static __thread size_t label_live_cap;

static bool may_touch_globals(const struct ir_op *op)
{
    if (op->opc == IR_OP_call) {
        uint8_t f = op->helper->flags;
        return !(f & IR_HELPER_NO_READ_GLOBALS) || !(f & IR_HELPER_NO_RAISE);
    }
    return (ir_op_defs[op->opc].flags & IR_OPF_MAY_FAULT) != 0;
}

static bool removable(const struct ir_op *op)
{
    if (op->opc == IR_OP_call)
        return (op->helper->flags & IR_HELPER_PURE) == IR_HELPER_PURE;
    return !(ir_op_defs[op->opc].flags & IR_OPF_SIDE_EFFECTS);
}

static void backward_pass(struct ir_ctx *c)
{
    size_t words = ((size_t)c->ntemps + 63) / 64;
    uint64_t live[IR_MAX_TEMPS / 64 + 1], globals[IR_MAX_TEMPS / 64 + 1];

    if ((size_t)c->nlabels * words > label_live_cap) {
        label_live_cap = (size_t)c->nlabels * words;
        label_live = xrealloc(label_live, label_live_cap * sizeof(uint64_t));
    }
    memset(globals, 0, words * 8);
    for (int g = 0; g < c->nglobals; g++)
        globals[g / 64] |= 1ull << (g % 64);
    memset(live, 0, words * 8);

#define LIVE(t) (live[(t) / 64] >> ((t) % 64) & 1)
#define SET(t) (live[(t) / 64] |= 1ull << ((t) % 64))
#define CLR(t) (live[(t) / 64] &= ~(1ull << ((t) % 64)))

    for (int i = c->nops - 1; i >= 0; i--) {
        struct ir_op *op = &c->ops[i];
        if (op->opc == OP_DELETED)
            continue;
        switch (op->opc) {
        case IR_OP_set_label:
            memcpy(&label_live[op->aux * words], live, words * 8);
            continue;
        case IR_OP_br:
            memcpy(live, &label_live[op->aux * words], words * 8);
            continue;
        case IR_OP_brcond:
            for (size_t w = 0; w < words; w++)
                live[w] |= label_live[op->aux * words + w];
            break;
        case IR_OP_exit_tb:
        case IR_OP_lookup_and_goto:
        case IR_OP_raise:
            memcpy(live, globals, words * 8);
            continue;
        case IR_OP_goto_tb:
            for (size_t w = 0; w < words; w++)
                live[w] |= globals[w];
            continue;
        default:
            break;
        }

        int nout = op_nout(op), nin = op_nin(op);
        int first_in = op->opc == IR_OP_call ? 1 : nout;
        if (removable(op)) {
            bool used = false;
            for (int k = 0; k < nout; k++)
                used |= LIVE(op->args[k]);
            if (!used) {
                op->opc = OP_DELETED;
                continue;
            }
        }
        for (int k = 0; k < nout; k++)
            CLR(op->args[k]);
        if (may_touch_globals(op))
            for (size_t w = 0; w < words; w++)
                live[w] |= globals[w];
        if (op->opc == IR_OP_ld_env) {
            /* The field read may be a global's home. */
            unsigned size = 1u << (op->cond & MO_SIZE);
            for (int g = 0; g < c->nglobals; g++) {
                uint32_t off = (uint32_t)c->temps[g].env_offset;
                uint32_t gs = c->temps[g].type == IR_I64 ? 8 : 4;
                if (off < op->aux + size && op->aux < off + gs)
                    SET(g);
            }
        }
        for (int k = first_in; k < first_in + nin; k++)
            if (op->args[k] != IR_NONE)
                SET(op->args[k]);
    }
#undef LIVE
#undef SET
#undef CLR
}

static void compact(struct ir_ctx *c)
{
    int n = 0;
    for (int i = 0; i < c->nops; i++)
        if (c->ops[i].opc != OP_DELETED)
            c->ops[n++] = c->ops[i];
    c->nops = n;
}

/*
 * Reverse copy propagation into globals: after "mov g, t" (g a global, t
 * a local), later reads of t read g instead while both still hold the
 * value.  t then usually dies at the mov, and the code generator hands
 * t's register to g instead of copying it (the forward pass did the
 * opposite, reading t for g, which keeps both alive).  The scan stays in
 * the block (no label, branch or exit crossed) and stops where g may
 * change behind the IR's back (calls, st_env) or either temp is written.
 */
#define GCOPY_WINDOW 64

static void global_copies(struct ir_ctx *c)
{
    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *mv = &c->ops[i];
        if (mv->opc != IR_OP_mov)
            continue;
        ir_t g = mv->args[0], t = mv->args[1];
        if (c->temps[g].kind != IR_TEMP_GLOBAL ||
            c->temps[t].kind != IR_TEMP_LOCAL)
            continue;
        int end = i + 1 + GCOPY_WINDOW < c->nops ? i + 1 + GCOPY_WINDOW
                                                 : c->nops;
        for (int j = i + 1; j < end; j++) {
            struct ir_op *op = &c->ops[j];
            if (op->opc == IR_OP_set_label || op->opc == IR_OP_call ||
                op->opc == IR_OP_st_env ||
                ((ir_op_defs[op->opc].flags & IR_OPF_BB_END) &&
                 op->opc != IR_OP_brcond))
                break;
            int nout = op_nout(op), nin = op_nin(op);
            for (int k = nout; k < nout + nin; k++)
                if (op->args[k] == t)
                    op->args[k] = g;
            bool stop = op->opc == IR_OP_brcond;
            for (int k = 0; k < nout; k++)
                if (op->args[k] == t || op->args[k] == g)
                    stop = true;
            if (stop)
                break;
        }
    }
}

void ir_optimize(struct ir_ctx *c)
{
    if (c->overflow)
        return;
    if (!opt_st)
        opt_st = xcalloc(1, sizeof(*opt_st));
    if (opt_st->epoch > 0xfffff000u) {
        memset(opt_st, 0, sizeof(*opt_st));
    }
    forward_pass(c);
    backward_pass(c);
    compact(c);
    global_copies(c);
}
