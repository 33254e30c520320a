/*
 * Saturating arithmetic QADD, QSUB, QDADD, QDSUB with the sticky Q flag
 * read back through MRS (and cleared through MSR), and CLZ.  Expected values
 * computed on the host from the ARM ARM pseudo-code.
 */
#include "check.h"

static const uint32_t qvals[] = {0x0, 0x1, 0xffffffff, 0x7fffffff, 0x80000000, 0x40000000, 0xc0000000, 0x3fffffff, 0xbfffffff, 0x12345678};
#define NQ 10
/* [op][m][n]: qadd qsub qdadd qdsub Rd, Rm, Rn */
static const uint64_t e_q[4][NQ][NQ] = {
 {
  {0x0ull, 0x1ull, 0xffffffffull, 0x7fffffffull, 0x80000000ull, 0x40000000ull, 0xc0000000ull, 0x3fffffffull, 0xbfffffffull, 0x12345678ull},
  {0x1ull, 0x2ull, 0x0ull, 0x17fffffffull, 0x80000001ull, 0x40000001ull, 0xc0000001ull, 0x40000000ull, 0xc0000000ull, 0x12345679ull},
  {0xffffffffull, 0x0ull, 0xfffffffeull, 0x7ffffffeull, 0x180000000ull, 0x3fffffffull, 0xbfffffffull, 0x3ffffffeull, 0xbffffffeull, 0x12345677ull},
  {0x7fffffffull, 0x17fffffffull, 0x7ffffffeull, 0x17fffffffull, 0xffffffffull, 0x17fffffffull, 0x3fffffffull, 0x17fffffffull, 0x3ffffffeull, 0x17fffffffull},
  {0x80000000ull, 0x80000001ull, 0x180000000ull, 0xffffffffull, 0x180000000ull, 0xc0000000ull, 0x180000000ull, 0xbfffffffull, 0x180000000ull, 0x92345678ull},
  {0x40000000ull, 0x40000001ull, 0x3fffffffull, 0x17fffffffull, 0xc0000000ull, 0x17fffffffull, 0x0ull, 0x7fffffffull, 0xffffffffull, 0x52345678ull},
  {0xc0000000ull, 0xc0000001ull, 0xbfffffffull, 0x3fffffffull, 0x180000000ull, 0x0ull, 0x80000000ull, 0xffffffffull, 0x180000000ull, 0xd2345678ull},
  {0x3fffffffull, 0x40000000ull, 0x3ffffffeull, 0x17fffffffull, 0xbfffffffull, 0x7fffffffull, 0xffffffffull, 0x7ffffffeull, 0xfffffffeull, 0x52345677ull},
  {0xbfffffffull, 0xc0000000ull, 0xbffffffeull, 0x3ffffffeull, 0x180000000ull, 0xffffffffull, 0x180000000ull, 0xfffffffeull, 0x180000000ull, 0xd2345677ull},
  {0x12345678ull, 0x12345679ull, 0x12345677ull, 0x17fffffffull, 0x92345678ull, 0x52345678ull, 0xd2345678ull, 0x52345677ull, 0xd2345677ull, 0x2468acf0ull},
 },
 {
  {0x0ull, 0xffffffffull, 0x1ull, 0x80000001ull, 0x17fffffffull, 0xc0000000ull, 0x40000000ull, 0xc0000001ull, 0x40000001ull, 0xedcba988ull},
  {0x1ull, 0x0ull, 0x2ull, 0x80000002ull, 0x17fffffffull, 0xc0000001ull, 0x40000001ull, 0xc0000002ull, 0x40000002ull, 0xedcba989ull},
  {0xffffffffull, 0xfffffffeull, 0x0ull, 0x80000000ull, 0x7fffffffull, 0xbfffffffull, 0x3fffffffull, 0xc0000000ull, 0x40000000ull, 0xedcba987ull},
  {0x7fffffffull, 0x7ffffffeull, 0x17fffffffull, 0x0ull, 0x17fffffffull, 0x3fffffffull, 0x17fffffffull, 0x40000000ull, 0x17fffffffull, 0x6dcba987ull},
  {0x80000000ull, 0x180000000ull, 0x80000001ull, 0x180000000ull, 0x0ull, 0x180000000ull, 0xc0000000ull, 0x180000000ull, 0xc0000001ull, 0x180000000ull},
  {0x40000000ull, 0x3fffffffull, 0x40000001ull, 0xc0000001ull, 0x17fffffffull, 0x0ull, 0x17fffffffull, 0x1ull, 0x17fffffffull, 0x2dcba988ull},
  {0xc0000000ull, 0xbfffffffull, 0xc0000001ull, 0x180000000ull, 0x40000000ull, 0x80000000ull, 0x0ull, 0x80000001ull, 0x1ull, 0xadcba988ull},
  {0x3fffffffull, 0x3ffffffeull, 0x40000000ull, 0xc0000000ull, 0x17fffffffull, 0xffffffffull, 0x7fffffffull, 0x0ull, 0x17fffffffull, 0x2dcba987ull},
  {0xbfffffffull, 0xbffffffeull, 0xc0000000ull, 0x180000000ull, 0x3fffffffull, 0x180000000ull, 0xffffffffull, 0x80000000ull, 0x0ull, 0xadcba987ull},
  {0x12345678ull, 0x12345677ull, 0x12345679ull, 0x92345679ull, 0x17fffffffull, 0xd2345678ull, 0x52345678ull, 0xd2345679ull, 0x52345679ull, 0x0ull},
 },
 {
  {0x0ull, 0x2ull, 0xfffffffeull, 0x17fffffffull, 0x180000000ull, 0x17fffffffull, 0x80000000ull, 0x7ffffffeull, 0x180000000ull, 0x2468acf0ull},
  {0x1ull, 0x3ull, 0xffffffffull, 0x17fffffffull, 0x180000001ull, 0x17fffffffull, 0x80000001ull, 0x7fffffffull, 0x180000001ull, 0x2468acf1ull},
  {0xffffffffull, 0x1ull, 0xfffffffdull, 0x17ffffffeull, 0x180000000ull, 0x17ffffffeull, 0x180000000ull, 0x7ffffffdull, 0x180000000ull, 0x2468acefull},
  {0x7fffffffull, 0x17fffffffull, 0x7ffffffdull, 0x17fffffffull, 0x1ffffffffull, 0x17fffffffull, 0xffffffffull, 0x17fffffffull, 0x1ffffffffull, 0x17fffffffull},
  {0x80000000ull, 0x80000002ull, 0x180000000ull, 0x1ffffffffull, 0x180000000ull, 0x1ffffffffull, 0x180000000ull, 0xfffffffeull, 0x180000000ull, 0xa468acf0ull},
  {0x40000000ull, 0x40000002ull, 0x3ffffffeull, 0x17fffffffull, 0x1c0000000ull, 0x17fffffffull, 0xc0000000ull, 0x17fffffffull, 0x1c0000000ull, 0x6468acf0ull},
  {0xc0000000ull, 0xc0000002ull, 0xbffffffeull, 0x13fffffffull, 0x180000000ull, 0x13fffffffull, 0x180000000ull, 0x3ffffffeull, 0x180000000ull, 0xe468acf0ull},
  {0x3fffffffull, 0x40000001ull, 0x3ffffffdull, 0x17fffffffull, 0x1bfffffffull, 0x17fffffffull, 0xbfffffffull, 0x17fffffffull, 0x1bfffffffull, 0x6468acefull},
  {0xbfffffffull, 0xc0000001ull, 0xbffffffdull, 0x13ffffffeull, 0x180000000ull, 0x13ffffffeull, 0x180000000ull, 0x3ffffffdull, 0x180000000ull, 0xe468acefull},
  {0x12345678ull, 0x1234567aull, 0x12345676ull, 0x17fffffffull, 0x192345678ull, 0x17fffffffull, 0x92345678ull, 0x17fffffffull, 0x192345678ull, 0x369d0368ull},
 },
 {
  {0x0ull, 0xfffffffeull, 0x2ull, 0x180000001ull, 0x17fffffffull, 0x180000001ull, 0x17fffffffull, 0x80000002ull, 0x17fffffffull, 0xdb975310ull},
  {0x1ull, 0xffffffffull, 0x3ull, 0x180000002ull, 0x17fffffffull, 0x180000002ull, 0x17fffffffull, 0x80000003ull, 0x17fffffffull, 0xdb975311ull},
  {0xffffffffull, 0xfffffffdull, 0x1ull, 0x180000000ull, 0x17fffffffull, 0x180000000ull, 0x7fffffffull, 0x80000001ull, 0x17fffffffull, 0xdb97530full},
  {0x7fffffffull, 0x7ffffffdull, 0x17fffffffull, 0x100000000ull, 0x17fffffffull, 0x100000000ull, 0x17fffffffull, 0x1ull, 0x17fffffffull, 0x5b97530full},
  {0x80000000ull, 0x180000000ull, 0x80000002ull, 0x180000000ull, 0x100000000ull, 0x180000000ull, 0x0ull, 0x180000000ull, 0x100000000ull, 0x180000000ull},
  {0x40000000ull, 0x3ffffffeull, 0x40000002ull, 0x1c0000001ull, 0x17fffffffull, 0x1c0000001ull, 0x17fffffffull, 0xc0000002ull, 0x17fffffffull, 0x1b975310ull},
  {0xc0000000ull, 0xbffffffeull, 0xc0000002ull, 0x180000000ull, 0x140000000ull, 0x180000000ull, 0x40000000ull, 0x180000000ull, 0x140000000ull, 0x9b975310ull},
  {0x3fffffffull, 0x3ffffffdull, 0x40000001ull, 0x1c0000000ull, 0x17fffffffull, 0x1c0000000ull, 0x17fffffffull, 0xc0000001ull, 0x17fffffffull, 0x1b97530full},
  {0xbfffffffull, 0xbffffffdull, 0xc0000001ull, 0x180000000ull, 0x13fffffffull, 0x180000000ull, 0x3fffffffull, 0x180000000ull, 0x13fffffffull, 0x9b97530full},
  {0x12345678ull, 0x12345676ull, 0x1234567aull, 0x192345679ull, 0x17fffffffull, 0x192345679ull, 0x17fffffffull, 0x9234567aull, 0x17fffffffull, 0xedcba988ull},
 },
};
static const uint32_t cvals[] = {0x0, 0x1, 0x2, 0x3, 0x80000000, 0x7fffffff, 0xffffffff, 0x10000, 0xffff, 0x800000, 0x12345678};
static const uint32_t e_clz[] = {32, 31, 30, 30, 0, 1, 0, 15, 16, 8, 3};

#define QBIT (1u << 27)

/* Result | Q << 32 for INSN Rd, Rm, Rn, with Q cleared first. */
#define QOP(NAME) static uint64_t do_##NAME(uint32_t m, uint32_t n) {     \
        uint32_t r, f;                                                   \
        asm volatile("msr cpsr_f, #0\n\t" #NAME " %0, %2, %3\n\tmrs %1, cpsr" \
                     : "=&r"(r), "=r"(f) : "r"(m), "r"(n) : "cc");       \
        return r | (uint64_t)((f & QBIT) != 0) << 32; }
QOP(qadd) QOP(qsub) QOP(qdadd) QOP(qdsub)

static uint64_t (*const qops[4])(uint32_t, uint32_t) = {
    do_qadd, do_qsub, do_qdadd, do_qdsub,
};
static const char *const qnames[4] = { "qadd", "qsub", "qdadd", "qdsub" };

int main(void)
{
    for (int op = 0; op < 4; op++)
        for (int i = 0; i < NQ; i++)
            for (int j = 0; j < NQ; j++)
                CHECKF(qops[op](qvals[i], qvals[j]), e_q[op][i][j],
                       "%s 0x%x,0x%x", qnames[op], qvals[i], qvals[j]);

    /* Q is sticky: a later non-saturating QADD leaves it set, and the
     * condition flags are not touched. */
    {
        uint32_t r, f;
        asm volatile("msr cpsr_f, #0\n\t"
                     "qadd %0, %2, %2\n\t"
                     "qadd %0, %3, %3\n\t"
                     "mrs %1, cpsr"
                     : "=&r"(r), "=r"(f) : "r"(0x7fffffffu), "r"(1u) : "cc");
        CHECK("qadd after saturation", r, 2);
        CHECK("Q stays set", (f & QBIT) != 0, 1);
        CHECK("NZCV untouched by qadd", f >> 28, 0);
        asm volatile("msr cpsr_f, %2\n\tmsr cpsr_f, #0\n\tmrs %0, cpsr\n\tmov %1, #0"
                     : "=&r"(f), "=&r"(r) : "r"(QBIT) : "cc");
        CHECK("Q cleared by msr", (f & QBIT) != 0, 0);
    }

    for (unsigned i = 0; i < sizeof cvals / sizeof cvals[0]; i++) {
        uint32_t r;
        asm("clz %0, %1" : "=r"(r) : "r"(cvals[i]));
        CHECKF(r, e_clz[i], "clz 0x%x", cvals[i]);
    }
    CHECK("__builtin_clz(0x00010000)", __builtin_clz(*(volatile uint32_t *)&cvals[7]), 15);
    return check_done("qarith_clz");
}
