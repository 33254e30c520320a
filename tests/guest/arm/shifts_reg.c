/*
 * Register-specified shifts (LSL, LSR, ASR, ROR by Rs) with amounts 0, 1,
 * 2, 31, 32, 33, 255, 256, 257 (only the bottom byte of Rs counts), the
 * shifter carry-out seen through MOVS, and RRX and the immediate special
 * cases (LSR #32, ASR #32).  Expected values computed on the host from the
 * ARM ARM shifter pseudo-code.
 */
#include "check.h"

static const uint32_t vals[] = {0x80000001, 0x7fffffff, 0xffffffff, 0x1, 0x12345678, 0x0};
static const uint32_t amts[] = {0, 1, 2, 31, 32, 33, 255, 256, 257};
#define NV 6
#define NA 9
/* [op lsl lsr asr ror][carry in][value][amount] = result | C << 32 */
static const uint64_t expect[4][2][NV][NA] = {
 {
  {
   {0x80000001ull, 0x100000002ull, 0x4ull, 0x80000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x80000001ull, 0x100000002ull},
   {0x7fffffffull, 0xfffffffeull, 0x1fffffffcull, 0x180000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x7fffffffull, 0xfffffffeull},
   {0xffffffffull, 0x1fffffffeull, 0x1fffffffcull, 0x180000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0xffffffffull, 0x1fffffffeull},
   {0x1ull, 0x2ull, 0x4ull, 0x80000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x1ull, 0x2ull},
   {0x12345678ull, 0x2468acf0ull, 0x48d159e0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x12345678ull, 0x2468acf0ull},
   {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  },
  {
   {0x180000001ull, 0x100000002ull, 0x4ull, 0x80000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x180000001ull, 0x100000002ull},
   {0x17fffffffull, 0xfffffffeull, 0x1fffffffcull, 0x180000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x17fffffffull, 0xfffffffeull},
   {0x1ffffffffull, 0x1fffffffeull, 0x1fffffffcull, 0x180000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x1ffffffffull, 0x1fffffffeull},
   {0x100000001ull, 0x2ull, 0x4ull, 0x80000000ull, 0x100000000ull, 0x0ull, 0x0ull, 0x100000001ull, 0x2ull},
   {0x112345678ull, 0x2468acf0ull, 0x48d159e0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x112345678ull, 0x2468acf0ull},
   {0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x100000000ull, 0x0ull},
  },
 },
 {
  {
   {0x80000001ull, 0x140000000ull, 0x20000000ull, 0x1ull, 0x100000000ull, 0x0ull, 0x0ull, 0x80000001ull, 0x140000000ull},
   {0x7fffffffull, 0x13fffffffull, 0x11fffffffull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x7fffffffull, 0x13fffffffull},
   {0xffffffffull, 0x17fffffffull, 0x13fffffffull, 0x100000001ull, 0x100000000ull, 0x0ull, 0x0ull, 0xffffffffull, 0x17fffffffull},
   {0x1ull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x1ull, 0x100000000ull},
   {0x12345678ull, 0x91a2b3cull, 0x48d159eull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x12345678ull, 0x91a2b3cull},
   {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  },
  {
   {0x180000001ull, 0x140000000ull, 0x20000000ull, 0x1ull, 0x100000000ull, 0x0ull, 0x0ull, 0x180000001ull, 0x140000000ull},
   {0x17fffffffull, 0x13fffffffull, 0x11fffffffull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x17fffffffull, 0x13fffffffull},
   {0x1ffffffffull, 0x17fffffffull, 0x13fffffffull, 0x100000001ull, 0x100000000ull, 0x0ull, 0x0ull, 0x1ffffffffull, 0x17fffffffull},
   {0x100000001ull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x100000001ull, 0x100000000ull},
   {0x112345678ull, 0x91a2b3cull, 0x48d159eull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x112345678ull, 0x91a2b3cull},
   {0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x100000000ull, 0x0ull},
  },
 },
 {
  {
   {0x80000001ull, 0x1c0000000ull, 0xe0000000ull, 0xffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x80000001ull, 0x1c0000000ull},
   {0x7fffffffull, 0x13fffffffull, 0x11fffffffull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x7fffffffull, 0x13fffffffull},
   {0xffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0xffffffffull, 0x1ffffffffull},
   {0x1ull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x1ull, 0x100000000ull},
   {0x12345678ull, 0x91a2b3cull, 0x48d159eull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x12345678ull, 0x91a2b3cull},
   {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  },
  {
   {0x180000001ull, 0x1c0000000ull, 0xe0000000ull, 0xffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x180000001ull, 0x1c0000000ull},
   {0x17fffffffull, 0x13fffffffull, 0x11fffffffull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x17fffffffull, 0x13fffffffull},
   {0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull},
   {0x100000001ull, 0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x100000001ull, 0x100000000ull},
   {0x112345678ull, 0x91a2b3cull, 0x48d159eull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x112345678ull, 0x91a2b3cull},
   {0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x100000000ull, 0x0ull},
  },
 },
 {
  {
   {0x80000001ull, 0x1c0000000ull, 0x60000000ull, 0x3ull, 0x180000001ull, 0x1c0000000ull, 0x3ull, 0x80000001ull, 0x1c0000000ull},
   {0x7fffffffull, 0x1bfffffffull, 0x1dfffffffull, 0x1fffffffeull, 0x7fffffffull, 0x1bfffffffull, 0x1fffffffeull, 0x7fffffffull, 0x1bfffffffull},
   {0xffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0xffffffffull, 0x1ffffffffull},
   {0x1ull, 0x180000000ull, 0x40000000ull, 0x2ull, 0x1ull, 0x180000000ull, 0x2ull, 0x1ull, 0x180000000ull},
   {0x12345678ull, 0x91a2b3cull, 0x48d159eull, 0x2468acf0ull, 0x12345678ull, 0x91a2b3cull, 0x2468acf0ull, 0x12345678ull, 0x91a2b3cull},
   {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  },
  {
   {0x180000001ull, 0x1c0000000ull, 0x60000000ull, 0x3ull, 0x180000001ull, 0x1c0000000ull, 0x3ull, 0x180000001ull, 0x1c0000000ull},
   {0x17fffffffull, 0x1bfffffffull, 0x1dfffffffull, 0x1fffffffeull, 0x7fffffffull, 0x1bfffffffull, 0x1fffffffeull, 0x17fffffffull, 0x1bfffffffull},
   {0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull, 0x1ffffffffull},
   {0x100000001ull, 0x180000000ull, 0x40000000ull, 0x2ull, 0x1ull, 0x180000000ull, 0x2ull, 0x100000001ull, 0x180000000ull},
   {0x112345678ull, 0x91a2b3cull, 0x48d159eull, 0x2468acf0ull, 0x12345678ull, 0x91a2b3cull, 0x2468acf0ull, 0x112345678ull, 0x91a2b3cull},
   {0x100000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x100000000ull, 0x0ull},
  },
 },
};
static const uint64_t expect_rrx[2][NV] = {
  {0x140000000ull, 0x13fffffffull, 0x17fffffffull, 0x100000000ull, 0x91a2b3cull, 0x0ull},
  {0x1c0000000ull, 0x1bfffffffull, 0x1ffffffffull, 0x180000000ull, 0x891a2b3cull, 0x80000000ull},
};

#define SHIFT(OP) static uint64_t do_##OP(uint32_t v, uint32_t n, int c) { \
        uint32_t r, f;                                                   \
        asm volatile("msr cpsr_f, %[ci]\n\tmovs %[r], %[v], " #OP " %[n]\n\t" \
                     "mrs %[f], cpsr"                                    \
                     : [r] "=&r"(r), [f] "=&r"(f)                        \
                     : [v] "r"(v), [n] "r"(n), [ci] "r"(c ? 0x20000000u : 0u) \
                     : "cc");                                            \
        return r | (uint64_t)((f >> 29) & 1) << 32; }
SHIFT(lsl) SHIFT(lsr) SHIFT(asr) SHIFT(ror)

static uint64_t (*const ops[4])(uint32_t, uint32_t, int) = {
    do_lsl, do_lsr, do_asr, do_ror,
};
static const char *const names[4] = { "lsl", "lsr", "asr", "ror" };

#define IMM(INSN, V_, C_) ({ uint32_t r_, f_;                              \
        asm volatile("msr cpsr_f, %[ci]\n\t" INSN "\n\tmrs %[f], cpsr"     \
                     : [r] "=&r"(r_), [f] "=&r"(f_)                      \
                     : [v] "r"(V_), [ci] "r"((C_) ? 0x20000000u : 0u) : "cc"); \
        r_ | (uint64_t)((f_ >> 29) & 1) << 32; })

int main(void)
{
    for (int op = 0; op < 4; op++)
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < NV; i++)
                for (int j = 0; j < NA; j++)
                    CHECKF(ops[op](vals[i], amts[j], c), expect[op][c][i][j],
                           "movs %s 0x%x by %u C=%d", names[op], vals[i], amts[j], c);
    for (int c = 0; c < 2; c++)
        for (int i = 0; i < NV; i++)
            CHECKF(IMM("movs %[r], %[v], rrx", vals[i], c), expect_rrx[c][i],
                   "movs rrx 0x%x C=%d", vals[i], c);

    CHECK("lsl #0 keeps C=1", IMM("movs %[r], %[v], lsl #0", 0x80000000u, 1), 0x180000000ull);
    CHECK("lsr #32", IMM("movs %[r], %[v], lsr #32", 0x80000000u, 0), 0x100000000ull);
    CHECK("asr #32 negative", IMM("movs %[r], %[v], asr #32", 0x80000000u, 0), 0x1ffffffffull);
    CHECK("asr #32 positive", IMM("movs %[r], %[v], asr #32", 0x7fffffffu, 1), 0);
    CHECK("ror #1", IMM("movs %[r], %[v], ror #1", 3u, 0), 0x180000001ull);
    CHECK("lsl #31", IMM("movs %[r], %[v], lsl #31", 3u, 0), 0x180000000ull);
    CHECK("rotated immediate sets C from bit 31",
          IMM("movs %[r], #0x80000000", 0u, 0), 0x180000000ull);
    CHECK("rotated immediate (rot 0) keeps C",
          IMM("movs %[r], #0xff", 0u, 1), 0x1000000ffull);
    /* Data processing with a shifted register operand. */
    CHECK("add with lsl by register",
          IMM("mov %[r], #3\n\tadd %[r], %[v], %[v], lsl %[r]", 5u, 0), 45);
    CHECK("sub with asr by register",
          IMM("mov %[r], #33\n\tsub %[r], %[v], %[v], asr %[r]", 0x80000000u, 0), 0x80000001ull);
    return check_done("shifts_reg");
}
