/*
 * Text form of an op list for -d op / -d op_opt and for test failures:
 *   " add_i32 r0, r0, $0x4"
 * Globals print by name, locals as tN, constants as $value.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "engine/ir.h"

static const char *const cond_names[] = {
    [IR_COND_NEVER] = "never", [IR_COND_ALWAYS] = "always",
    [IR_COND_EQ] = "eq",       [IR_COND_NE] = "ne",
    [IR_COND_LT] = "lt",       [IR_COND_GE] = "ge",
    [IR_COND_LE] = "le",       [IR_COND_GT] = "gt",
    [IR_COND_LTU] = "ltu",     [IR_COND_GEU] = "geu",
    [IR_COND_LEU] = "leu",     [IR_COND_GTU] = "gtu",
    [IR_COND_TSTEQ] = "tsteq", [IR_COND_TSTNE] = "tstne",
};

struct dbuf {
    char s[512];
    size_t n;
};

static void put(struct dbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#include <stdarg.h>
static void put(struct dbuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->n >= sizeof(b->s))
        return;
    va_start(ap, fmt);
    int k = vsnprintf(b->s + b->n, sizeof(b->s) - b->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        b->n += (size_t)k;
}

static void put_temp(struct dbuf *b, const struct ir_ctx *c, ir_t t)
{
    if (t == IR_NONE) {
        put(b, "-");
        return;
    }
    if (t >= c->ntemps && t < IR_MAX_TEMPS - 2) {
        put(b, "?%u", t);
        return;
    }
    const struct ir_temp *tp = &c->temps[t];
    switch (tp->kind) {
    case IR_TEMP_GLOBAL:
        put(b, "%s", tp->name ? tp->name : "g?");
        break;
    case IR_TEMP_CONST:
        put(b, "$0x%" PRIx64, tp->val);
        break;
    default:
        put(b, "t%d", t - c->nglobals);
        break;
    }
}

static const char *memop_str(uint32_t m, char *buf)
{
    static const char *const sz[] = { "8", "16", "32", "64" };
    snprintf(buf, 24, "%s%s%s%s", (m & MO_SIGN) ? "s" : "u",
             sz[m & MO_SIZE], (m & MO_BE) ? "_be" : "_le",
             (m & MO_ALIGN) ? "_al" : "");
    return buf;
}

void ir_dump(const struct ir_ctx *c, void (*out)(const char *line))
{
    char mb[24];

    for (int i = 0; i < c->nops; i++) {
        const struct ir_op *op = &c->ops[i];
        const struct ir_op_def *def = &ir_op_defs[op->opc];
        struct dbuf b = { .n = 0 };
        b.s[0] = 0;

        switch (op->opc) {
        case IR_OP_insn_start:
            put(&b, " ---- %016" PRIx64 " %016" PRIx64,
                c->insn_data[op->aux][0], c->insn_data[op->aux][1]);
            out(b.s);
            continue;
        case IR_OP_set_label:
            put(&b, " set_label $L%u", op->aux);
            out(b.s);
            continue;
        case IR_OP_br:
            put(&b, " br $L%u", op->aux);
            out(b.s);
            continue;
        case IR_OP_goto_tb:
        case IR_OP_exit_tb:
            put(&b, " %s $%u", def->name, op->aux);
            out(b.s);
            continue;
        case IR_OP_raise:
            put(&b, " raise $0x%x", op->aux);
            out(b.s);
            continue;
        case IR_OP_lookup_and_goto:
        case IR_OP_mb:
            put(&b, " %s", def->name);
            out(b.s);
            continue;
        case IR_OP_call:
            put(&b, " call %s, ", op->helper->name);
            put_temp(&b, c, op->args[0]);
            for (unsigned k = 0; k < op->aux; k++) {
                put(&b, ", ");
                put_temp(&b, c, op->args[1 + k]);
            }
            out(b.s);
            continue;
        default:
            break;
        }

        put(&b, " %s_i%d ", def->name, op->type == IR_I64 ? 64 : 32);
        int n = def->nout + def->nin;
        for (int k = 0; k < n; k++) {
            if (op->args[k] == IR_NONE)
                continue;
            if (k)
                put(&b, ", ");
            put_temp(&b, c, op->args[k]);
        }
        switch (op->opc) {
        case IR_OP_setcond:
        case IR_OP_movcond:
            put(&b, ", %s", op->cond < 14 ? cond_names[op->cond] : "?");
            break;
        case IR_OP_brcond:
            put(&b, ", %s, $L%u", op->cond < 14 ? cond_names[op->cond] : "?",
                op->aux);
            break;
        case IR_OP_extract:
        case IR_OP_sextract:
        case IR_OP_deposit:
            put(&b, ", pos %u, len %u", op->aux & 0xff, op->aux >> 8);
            break;
        case IR_OP_ld_env:
        case IR_OP_st_env:
            put(&b, ", env+%u, %s", op->aux, memop_str(op->cond, mb));
            break;
        case IR_OP_guest_ld:
        case IR_OP_guest_st:
        case IR_OP_atomic_cmpxchg:
        case IR_OP_atomic_xchg:
        case IR_OP_atomic_fetch_add:
            put(&b, ", %s", memop_str(op->aux, mb));
            break;
        default:
            break;
        }
        out(b.s);
    }
}
