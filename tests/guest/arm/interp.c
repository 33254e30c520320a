/*
 * A small register-machine interpreter (switch dispatch, jumps, calls)
 * running programs with known answers, and a table-driven state machine
 * tokenizing a string.
 */
#include "check.h"

enum op { LI, ADD, SUB, MUL, MOD, MOV, JZ, JMP, JLT, CALL, RET, HALT };
struct insn { uint8_t op, a, b, c; int32_t imm; };

static int32_t run(const struct insn *code, int32_t arg, int *steps)
{
    int32_t r[8] = { arg };
    int ret[16], rsp = 0, pc = 0, n = 0;
    for (;; n++) {
        const struct insn *i = &code[pc++];
        switch (i->op) {
        case LI:   r[i->a] = i->imm; break;
        case ADD:  r[i->a] = r[i->b] + r[i->c]; break;
        case SUB:  r[i->a] = r[i->b] - r[i->c]; break;
        case MUL:  r[i->a] = r[i->b] * r[i->c]; break;
        case MOD:  r[i->a] = r[i->b] % r[i->c]; break;
        case MOV:  r[i->a] = r[i->b]; break;
        case JZ:   if (r[i->a] == 0) pc = i->imm; break;
        case JLT:  if (r[i->a] < r[i->b]) pc = i->imm; break;
        case JMP:  pc = i->imm; break;
        case CALL: ret[rsp++] = pc; pc = i->imm; break;
        case RET:  pc = ret[--rsp]; break;
        case HALT: *steps = n; return r[0];
        default:   *steps = n; return -1;
        }
    }
}

/* r0 = n!  */
static const struct insn fact[] = {
    { LI, 1, 0, 0, 1 },        /* 0: r1 = 1 (acc) */
    { LI, 2, 0, 0, 1 },        /* 1: r2 = 1 (const) */
    { JZ, 0, 0, 0, 6 },        /* 2: while r0 */
    { MUL, 1, 1, 0, 0 },       /* 3: acc *= r0 */
    { SUB, 0, 0, 2, 0 },       /* 4: r0-- */
    { JMP, 0, 0, 0, 2 },       /* 5 */
    { MOV, 0, 1, 0, 0 },       /* 6: r0 = acc */
    { HALT, 0, 0, 0, 0 },
};

/* r0 = collatz steps of r0, using a subroutine for one step. */
static const struct insn collatz[] = {
    { LI, 1, 0, 0, 0 },        /* 0: steps */
    { LI, 2, 0, 0, 1 },        /* 1: one */
    { LI, 3, 0, 0, 2 },        /* 2: two */
    { SUB, 4, 0, 2, 0 },       /* 3: r4 = n - 1 */
    { JZ, 4, 0, 0, 8 },        /* 4: n == 1 -> done */
    { CALL, 0, 0, 0, 10 },     /* 5 */
    { ADD, 1, 1, 2, 0 },       /* 6: steps++ */
    { JMP, 0, 0, 0, 3 },       /* 7 */
    { MOV, 0, 1, 0, 0 },       /* 8 */
    { HALT, 0, 0, 0, 0 },      /* 9 */
    { MOD, 5, 0, 3, 0 },       /* 10: r5 = n % 2 */
    { JZ, 5, 0, 0, 16 },       /* 11: even */
    { LI, 6, 0, 0, 3 },        /* 12 */
    { MUL, 0, 0, 6, 0 },       /* 13: n = 3n */
    { ADD, 0, 0, 2, 0 },       /* 14: n += 1 */
    { RET, 0, 0, 0, 0 },       /* 15 */
    { LI, 6, 0, 0, 0 },        /* 16: r6 = quotient */
    { LI, 7, 0, 0, 0 },        /* 17: r7 = 2*quotient */
    { JLT, 7, 0, 0, 20 },      /* 18: while 2q < n */
    { JMP, 0, 0, 0, 23 },      /* 19 */
    { ADD, 6, 6, 2, 0 },       /* 20: q++ */
    { ADD, 7, 7, 3, 0 },       /* 21: 2q += 2 */
    { JMP, 0, 0, 0, 18 },      /* 22 */
    { MOV, 0, 6, 0, 0 },       /* 23: n = q */
    { RET, 0, 0, 0, 0 },       /* 24 */
};

/* Lexer: character classes and state transitions. */
enum { S_SPACE, S_NUM, S_IDENT, S_OP, NSTATES };
static int cls(char c)
{
    if (c >= '0' && c <= '9') return 0;
    if ((c >= 'a' && c <= 'z') || c == '_') return 1;
    if (c == ' ') return 3;
    return 2;
}
static const uint8_t next_state[NSTATES][4] = {
    /*             digit    alpha    op    space */
    [S_SPACE] = { S_NUM, S_IDENT, S_OP, S_SPACE },
    [S_NUM]   = { S_NUM, S_IDENT, S_OP, S_SPACE },
    [S_IDENT] = { S_IDENT, S_IDENT, S_OP, S_SPACE },
    [S_OP]    = { S_NUM, S_IDENT, S_OP, S_SPACE },
};

int main(void)
{
    int steps;
    CHECK("fact(10)", run(fact, 10, &steps), 3628800);
    CHECK("fact(10) steps", steps, 44);
    CHECK("fact(0)", run(fact, 0, &steps), 1);
    CHECK("collatz(27) steps", run(collatz, 27, &steps), 111);
    CHECK("collatz(97) steps", run(collatz, 97, &steps), 118);
    int32_t longest = 0, arg = 0;
    for (int32_t n = 1; n < 300; n++) {
        int32_t s = run(collatz, n, &steps);
        if (s > longest) { longest = s; arg = n; }
    }
    CHECK("longest collatz below 300: start", arg, 231);
    CHECK("longest collatz below 300: steps", longest, 127);

    const char *src = "x1 = foo_bar+42 * (y - 7)";
    int st = S_SPACE, tokens = 0, nums = 0, idents = 0, ops = 0;
    for (const char *p = src; *p; p++) {
        int ns = next_state[st][cls(*p)];
        if (ns != st || ns == S_OP) {
            nums += ns == S_NUM;
            idents += ns == S_IDENT;
            ops += ns == S_OP;
            tokens += ns != S_SPACE;
        }
        st = ns;
    }
    CHECK("lexer tokens", tokens, 11);
    CHECK("lexer numbers", nums, 2);
    CHECK("lexer identifiers", idents, 3);
    CHECK("lexer operators", ops, 6);
    return check_done("interp");
}
