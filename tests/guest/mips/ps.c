/*
 * Paired single (PS): two singles in one 64-bit FPU register, the lower
 * (PL) in bits 31:0 and the upper (PU) in bits 63:32.  kemu's MIPS64
 * models implement it (FIR.PS); the MIPS32 24K/34K/74K models do not,
 * so on o32 an ADD.PS is a reserved instruction (SIGILL).
 *
 * Expected values are written per half: ADD/SUB/MUL/ABS/NEG/MADD... act
 * on each half independently and OR their causes into FCSR; CVT.PS.S
 * and PLL/PLU/PUL/PUU build a pair from halves, CVT.S.PL/PU take one
 * out; ALNV.PS picks the pair at byte offset 0 or 4 of fs:ft in memory
 * order; C.cond.PS sets FCC cc from the lower halves and cc+1 from the
 * upper; MOVF/MOVT.PS move each half on its own FCC bit.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define PAIR(u, l) ((uint64_t)(u) << 32 | (uint32_t)(l))
#define S_1 0x3f800000u
#define S_2 0x40000000u
#define S_3 0x40400000u
#define S_4 0x40800000u
#define S_HALF 0x3f000000u
#define S_M1 0xbf800000u
#define S_M2 0xc0000000u
#define S_MAX 0x7f7fffffu
#define S_INF 0x7f800000u
#define S_SNAN 0x7fc00000u
#define S_QNAN 0x7f800001u
#define S_DNAN 0x7fbfffffu
#define S_P24 0x33800000u   /* half an ulp of 1.0 */
enum { I = 1, O = 4, V = 16 };

#if _MIPS_SIM == _ABI64

static void fcsr_set(uint32_t v)
{
    __asm__ volatile("ctc1 %0, $31" :: "r"(v));
}

/* fs = a ($f0), ft = b ($f2), fr = c ($f6), result $f4; also returns
 * FCSR in *st. */
#define DEF_PS(name, insn)                                                 \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t c, long rs,      \
                         uint32_t *st)                                     \
    {                                                                      \
        uint64_t in[3] = { a, b, c }, r;                                   \
        __asm__ volatile("ldc1 $f0, 0(%1)\n\tldc1 $f2, 8(%1)\n\t"          \
                         "ldc1 $f6, 16(%1)\n\tldc1 $f4, 16(%1)\n\t"        \
                         insn "\n\tsdc1 $f4, 0(%2)\n\tcfc1 %0, $31"        \
                         : "=r"(*st) : "r"(in), "r"(&r), "r"(rs), "m"(in)  \
                         : "$f0", "$f2", "$f4", "$f6", "memory");          \
        return r;                                                          \
    }

DEF_PS(add_ps, "add.ps $f4, $f0, $f2")
DEF_PS(sub_ps, "sub.ps $f4, $f0, $f2")
DEF_PS(mul_ps, "mul.ps $f4, $f0, $f2")
DEF_PS(abs_ps, "abs.ps $f4, $f0")
DEF_PS(neg_ps, "neg.ps $f4, $f0")
DEF_PS(mov_ps, "mov.ps $f4, $f0")
DEF_PS(madd_ps, "madd.ps $f4, $f6, $f0, $f2")
DEF_PS(msub_ps, "msub.ps $f4, $f6, $f0, $f2")
DEF_PS(nmadd_ps, "nmadd.ps $f4, $f6, $f0, $f2")
DEF_PS(nmsub_ps, "nmsub.ps $f4, $f6, $f0, $f2")
DEF_PS(cvt_ps_s, "cvt.ps.s $f4, $f0, $f2")
DEF_PS(pll_ps, "pll.ps $f4, $f0, $f2")
DEF_PS(plu_ps, "plu.ps $f4, $f0, $f2")
DEF_PS(pul_ps, "pul.ps $f4, $f0, $f2")
DEF_PS(puu_ps, "puu.ps $f4, $f0, $f2")
DEF_PS(alnv_ps, "alnv.ps $f4, $f0, $f2, %3")
/* $f4 starts as c: conditional moves keep it when not moving. */
DEF_PS(movz_ps, "movz.ps $f4, $f0, %3")
DEF_PS(movn_ps, "movn.ps $f4, $f0, %3")
DEF_PS(movt_ps2, "movt.ps $f4, $f0, $fcc2")
DEF_PS(movf_ps2, "movf.ps $f4, $f0, $fcc2")
/* Single results in the low word of $f4 (the high word is c's). */
DEF_PS(cvt_s_pl, "cvt.s.pl $f4, $f0")
DEF_PS(cvt_s_pu, "cvt.s.pu $f4, $f0")

#define DEF_CMP(name, insn)                                                \
    static uint32_t name(uint64_t a, uint64_t b)                           \
    {                                                                      \
        uint64_t in[2] = { a, b };                                         \
        uint32_t st;                                                       \
        __asm__ volatile("ldc1 $f0, 0(%1)\n\tldc1 $f2, 8(%1)\n\t" insn     \
                         "\n\tcfc1 %0, $31"                                \
                         : "=r"(st) : "r"(in), "m"(in) : "$f0", "$f2");    \
        return st;                                                         \
    }
DEF_CMP(c_eq_ps2, "c.eq.ps $fcc2, $f0, $f2")
DEF_CMP(c_olt_ps6, "c.olt.ps $fcc6, $f0, $f2")
DEF_CMP(c_un_ps0, "c.un.ps $fcc0, $f0, $f2")
DEF_CMP(c_seq_ps4, "c.seq.ps $fcc4, $f0, $f2")

typedef uint64_t (*fn)(uint64_t, uint64_t, uint64_t, long, uint32_t *);

static void t(const char *name, fn f, uint64_t a, uint64_t b, uint64_t c,
              long rs, uint64_t want, unsigned cause)
{
    char n[96];
    uint32_t st;
    fcsr_set(0);
    uint64_t r = f(a, b, c, rs, &st);
    fcsr_set(0);
    CHECK(name, r, want);
    snprintf(n, sizeof n, "%s cause", name);
    CHECK(n, (st >> 12) & 0x3f, cause);
    snprintf(n, sizeof n, "%s flags", name);
    CHECK(n, (st >> 2) & 0x1f, cause & 0x1f);
}

/* FCC bits 7..0 from an FCSR value. */
static unsigned fcc(uint32_t st)
{
    return (st >> 24 & 0xfe) | (st >> 23 & 1);
}

static void ps_tests(void)
{
    const uint64_t a = PAIR(S_1, S_2), b = PAIR(S_3, S_HALF);

    t("add.ps", add_ps, a, b, 0, 0, PAIR(S_4, 0x40200000u), 0);
    t("sub.ps", sub_ps, a, b, 0, 0, PAIR(S_M2, 0x3fc00000u), 0);
    t("mul.ps", mul_ps, a, b, 0, 0, PAIR(S_3, S_1), 0);
    t("abs.ps", abs_ps, PAIR(S_M1, S_2), 0, 0, 0, PAIR(S_1, S_2), 0);
    t("neg.ps", neg_ps, PAIR(S_M1, S_2), 0, 0, 0, PAIR(S_1, S_M2), 0);
    t("mov.ps", mov_ps, PAIR(S_SNAN, S_M1), 0, 0, 0, PAIR(S_SNAN, S_M1), 0);
    /* Halves are independent; causes are ORed. */
    t("add.ps sNaN upper, inexact lower", add_ps, PAIR(S_SNAN, S_1),
      PAIR(S_1, S_P24), 0, 0, PAIR(S_DNAN, S_1), V | I);
    t("add.ps qNaN lower", add_ps, PAIR(S_1, S_QNAN), PAIR(S_1, S_1), 0, 0,
      PAIR(S_2, S_QNAN), 0);
    t("mul.ps overflow upper", mul_ps, PAIR(S_MAX, S_1), PAIR(S_2, S_1), 0, 0,
      PAIR(S_INF, S_1), O | I);
    /* MADD family: fs*ft +/- fr per half. */
    t("madd.ps", madd_ps, a, b, PAIR(S_1, S_HALF), 0,
      PAIR(S_4, 0x3fc00000u), 0);
    t("msub.ps", msub_ps, a, b, PAIR(S_1, S_HALF), 0,
      PAIR(S_2, S_HALF), 0);
    t("nmadd.ps", nmadd_ps, a, b, PAIR(S_1, S_HALF), 0,
      PAIR(0xc0800000u, 0xbfc00000u), 0);
    t("nmsub.ps", nmsub_ps, a, b, PAIR(S_1, S_HALF), 0,
      PAIR(S_M2, 0xbf000000u), 0);

    /* Building and splitting pairs: fs = (U1, L1), ft = (U2, L2). */
    const uint64_t p = PAIR(0x11111111u, 0x22222222u);
    const uint64_t q = PAIR(0x33333333u, 0x44444444u);
    t("cvt.ps.s", cvt_ps_s, S_1, S_2, 0, 0, PAIR(S_1, S_2), 0);
    t("pll.ps", pll_ps, p, q, 0, 0, PAIR(0x22222222u, 0x44444444u), 0);
    t("plu.ps", plu_ps, p, q, 0, 0, PAIR(0x22222222u, 0x33333333u), 0);
    t("pul.ps", pul_ps, p, q, 0, 0, PAIR(0x11111111u, 0x44444444u), 0);
    t("puu.ps", puu_ps, p, q, 0, 0, PAIR(0x11111111u, 0x33333333u), 0);
    /* A single result: only the low word of fd is defined. */
    uint32_t st;
    CHECK("cvt.s.pl", (uint32_t)cvt_s_pl(p, 0, 0, 0, &st), 0x22222222u);
    CHECK("cvt.s.pu", (uint32_t)cvt_s_pu(p, 0, 0, 0, &st), 0x11111111u);
    t("alnv.ps offset 0", alnv_ps, p, q, 0, 0, p, 0);
    /* Offset 4: the doubleword at byte 4 of fs:ft stored in memory. */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    t("alnv.ps offset 4", alnv_ps, p, q, 0, 4, PAIR(0x22222222u, 0x33333333u), 0);
#else
    t("alnv.ps offset 4", alnv_ps, p, q, 0, 4, PAIR(0x44444444u, 0x11111111u), 0);
#endif

    /* Conditional moves: $f4 starts as c. */
    const uint64_t keep = PAIR(0x77777777u, 0x88888888u);
    t("movz.ps rt=0", movz_ps, p, 0, keep, 0, p, 0);
    t("movz.ps rt=1", movz_ps, p, 0, keep, 1, keep, 0);
    t("movn.ps rt=1", movn_ps, p, 0, keep, 1, p, 0);
    t("movn.ps rt=0", movn_ps, p, 0, keep, 0, keep, 0);
    /* FCC2 = 1 (lower), FCC3 = 0 (upper). */
    __asm__ volatile("ctc1 %0, $25" :: "r"(1u << 2));
    CHECK("movt.ps fcc2=1 fcc3=0", movt_ps2(p, 0, keep, 0, &st),
          PAIR(0x77777777u, 0x22222222u));
    __asm__ volatile("ctc1 %0, $25" :: "r"(1u << 2));
    CHECK("movf.ps fcc2=1 fcc3=0", movf_ps2(p, 0, keep, 0, &st),
          PAIR(0x11111111u, 0x88888888u));
    __asm__ volatile("ctc1 $0, $25");

    /* Compares: lower into cc, upper into cc+1. */
    fcsr_set(0);
    st = c_eq_ps2(PAIR(S_1, S_2), PAIR(S_3, S_2));
    CHECK("c.eq.ps fcc2/fcc3 (upper 1=3 no, lower 2=2 yes)", fcc(st), 1u << 2);
    fcsr_set(0xfe800000u);   /* all FCC set */
    st = c_olt_ps6(PAIR(S_1, S_2), PAIR(S_2, S_1));
    CHECK("c.olt.ps fcc6/fcc7 (upper 1<2, lower 2<1 no)", fcc(st), 0xbfu);
    CHECK("c.olt.ps cause", (st >> 12) & 0x3f, 0);
    fcsr_set(0);
    st = c_un_ps0(PAIR(S_QNAN, S_1), PAIR(S_1, S_1));
    CHECK("c.un.ps fcc0/fcc1 (upper unordered)", fcc(st), 2);
    CHECK("c.un.ps qNaN cause", (st >> 12) & 0x3f, 0);
    fcsr_set(0);
    st = c_seq_ps4(PAIR(S_1, S_QNAN), PAIR(S_1, S_1));
    CHECK("c.seq.ps fcc4/fcc5", fcc(st), 1u << 5);
    CHECK("c.seq.ps qNaN lower signals Invalid", (st >> 12) & 0x3f, V);
    fcsr_set(0);
    uint32_t fir;
    __asm__ volatile("cfc1 %0, $0" : "=r"(fir));
    CHECK("FIR.PS set", fir & (1u << 18), 1u << 18);
}

int main(void)
{
    ps_tests();
    return check_done("ps");
}

#else

/* add.ps $f4, $f0, $f2 on a CPU without PS: a reserved instruction. */
static void add_ps(void)
{
    __asm__ volatile(".word 0x46c20100" ::: "$f4");
}

int main(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        add_ps();
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK("add.ps without FIR.PS is SIGILL",
          WIFSIGNALED(st) ? WTERMSIG(st) : 100 + WEXITSTATUS(st), SIGILL);
    uint32_t fir;
    __asm__ volatile("cfc1 %0, $0" : "=r"(fir));
    CHECK("FIR.PS clear", fir & (1u << 18), 0);
    return check_done("ps");
}
#endif
