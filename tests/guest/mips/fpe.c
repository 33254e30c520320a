/*
 * FPU exceptions with their enable bits set: the operation traps
 * (SIGFPE) instead of writing a result; a cause whose enable is clear
 * does not.  Each case runs in a child process and the parent checks how
 * it ended.  CTC1 that writes a cause bit together with its enable traps
 * at once; the Unimplemented Operation cause (E) always does.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

enum { EN_I = 1u << 7, EN_U = 1u << 8, EN_O = 1u << 9, EN_Z = 1u << 10,
       EN_V = 1u << 11 };

static void fcsr_set(uint32_t v)
{
    __asm__ volatile("ctc1 %0, $31" :: "r"(v));
}

static uint32_t fcsr_get(void)
{
    uint32_t v;
    __asm__ volatile("cfc1 %0, $31" : "=r"(v));
    return v;
}

#define S_OP(insn)                                                         \
    __asm__ volatile("mtc1 %1, $f0\n\tmtc1 %2, $f2\n\t" insn "\n\t"        \
                     "mfc1 %0, $f4"                                        \
                     : "=r"(r) : "r"(a), "r"(b) : "$f0", "$f2", "$f4")

static uint32_t op_s(const char *which, uint32_t a, uint32_t b)
{
    uint32_t r = 0;
    switch (which[0]) {
    case '+': S_OP("add.s $f4, $f0, $f2"); break;
    case '*': S_OP("mul.s $f4, $f0, $f2"); break;
    case '/': S_OP("div.s $f4, $f0, $f2"); break;
    case 'w': S_OP("cvt.w.s $f4, $f0"); break;
    case 'q': S_OP("c.eq.s $f0, $f2"); break;   /* quiet compare */
    case 's': S_OP("c.seq.s $f0, $f2"); break;  /* signalling compare */
    }
    return r;
}

static struct { uint32_t enables; const char *op; uint32_t a, b; } cur;

/* In the child: enable, operate, and exit 0 when nothing trapped, 3
 * when the cause bits are not what the operation should leave. */
static void child_op(void)
{
    fcsr_set(cur.enables);
    op_s(cur.op, cur.a, cur.b);
    uint32_t st = fcsr_get();
    fcsr_set(0);
    _exit(st & (0x3fu << 12) ? 0 : 3);
}

static int run(void (*f)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        f();
        _exit(0);
    }
    int st;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFSIGNALED(st) ? WTERMSIG(st) : 100 + WEXITSTATUS(st);
}

static void t(const char *name, uint32_t en, const char *op, uint32_t a,
              uint32_t b, int want)
{
    cur.enables = en;
    cur.op = op;
    cur.a = a;
    cur.b = b;
    CHECK(name, run(child_op), want);
}

static void ctc1_cause_v(void) { fcsr_set(EN_V | (16u << 12)); }
static void ctc1_cause_i_no_enable(void) { fcsr_set(EN_V | (1u << 12)); }
static void ctc1_cause_e(void) { fcsr_set(32u << 12); }

int main(void)
{
    const uint32_t one = 0x3f800000u, zero = 0, three = 0x40400000u;
    const uint32_t max = 0x7f7fffffu, two = 0x40000000u;
    const uint32_t qnan = 0x7f800001u, snan = 0x7fc00000u;
    const int NOTRAP = 100;   /* exited 0: cause set, no trap */
    const int NOCAUSE = 103;  /* exited 3: no cause bit at all */

    t("0/0 with V enabled", EN_V, "/", zero, zero, SIGFPE);
    t("0/0 with Z enabled only", EN_Z, "/", zero, zero, NOTRAP);
    t("1/0 with Z enabled", EN_Z, "/", one, zero, SIGFPE);
    /* 1/0 raises Divide-by-zero only, whose enable is clear here. */
    t("1/0 with V|O|U|I enabled", EN_V | EN_O | EN_U | EN_I, "/", one, zero,
      NOTRAP);
    t("1/3 with I enabled", EN_I, "/", one, three, SIGFPE);
    t("1/3 with Z|V enabled", EN_Z | EN_V, "/", one, three, NOTRAP);
    t("max*2 with O enabled", EN_O, "*", max, two, SIGFPE);
    t("max*2 with I enabled", EN_I, "*", max, two, SIGFPE);
    t("1+2 with all enabled", EN_V | EN_Z | EN_O | EN_U | EN_I, "+", one, two,
      NOCAUSE);  /* exact: no trap, and no cause bit either */
    t("sNaN+1 with V enabled", EN_V, "+", snan, one, SIGFPE);
    t("qNaN+1 with V enabled", EN_V, "+", qnan, one, NOCAUSE);
    t("cvt.w.s 2^31 with V enabled", EN_V, "w", 0x4f000000u, 0, SIGFPE);
    t("c.eq.s qNaN with V enabled", EN_V, "q", qnan, one, NOCAUSE);
    t("c.seq.s qNaN with V enabled", EN_V, "s", qnan, one, SIGFPE);
    t("c.eq.s sNaN with V enabled", EN_V, "q", snan, one, SIGFPE);
    t("2^-149*0.5 with U enabled", EN_U, "*", 1, 0x3f000000u, SIGFPE);
    CHECK("ctc1 cause V with V enabled", run(ctc1_cause_v), SIGFPE);
    CHECK("ctc1 cause I without its enable", run(ctc1_cause_i_no_enable),
          NOTRAP);
    CHECK("ctc1 cause E (unimplemented)", run(ctc1_cause_e), SIGFPE);
    return check_done("fpe");
}
