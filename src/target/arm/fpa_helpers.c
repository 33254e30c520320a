/*
 * FPA arithmetic with the semantics of Linux's NWFPE (extended-precision
 * build), the emulator old-ABI ARM Linux programs ran on:
 *
 * - Each register holds a single, double or extended value and remembers
 *   which (the type of what was last written).  A dyadic operation is
 *   computed in the wider of its operands' types, a monadic one in the
 *   wider of the destination's and the operand's, rounded by the
 *   instruction's mode; the result is then converted to the destination
 *   precision (rounding again when narrower).  Extended computations are
 *   rounded to the destination's significand width first (x87 precision
 *   control, which like softfloat's floatx80 rounding precision keeps the
 *   extended exponent range).  A register never written has no type, and
 *   an instruction reading one as an operand is UNDEFINED (NWFPE refuses
 *   it and the kernel sends SIGILL).
 * - The host computes: float, double and x87 long double are exactly
 *   IEEE single, double and the FPA's 80-bit extended format, and the
 *   host's rounding modes and exception flags are IEEE's.  NaN payloads
 *   and the default NaN are therefore the host's.
 * - Exceptions set the FPSR's cumulative flag unless its trap is enabled;
 *   an enabled one raises ARM_EXCP_FPE (SIGFPE) after the instruction
 *   completed, with the PC on the next instruction.
 * - POW/RPW/POL and LOG/LGN/EXP/SIN/COS/TAN/ASN/ACS/ATN, which NWFPE
 *   refuses, are computed with the host C library in the working type.
 *
 * Memory formats: single is one IEEE word, double two words with the sign
 * and exponent word first (the FPA's order on both endiannesses),
 * extended three words: sign in bit 31 and the 15-bit exponent in bits
 * 14:0 of the first, then the 64-bit significand (explicit integer bit)
 * high word first.  LFM/SFM use three words per register in an own
 * layout (the FPA leaves it to the implementation): the first word holds
 * the type in bits 30:29; extended values are stored as by STFE, a double
 * as its two words in words 1 and 2, a single in word 2.
 */
#include <fenv.h>
#include <stdbool.h>
#include <string.h>
#include <tgmath.h>

#include "target/arm/fpa.h"
#include "target/arm/translate.h"
#include "util/bits.h"

static const int host_round[4] = {
    FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO,
};

/* The eight constants an Fm field with bit 3 set selects. */
static const long double fpa_const[8] = { 0, 1, 2, 3, 4, 5, 0.5L, 10 };

/* x87 precision control (control word bits 9:8): 0 = 24-bit significand,
 * 2 = 53-bit, 3 = 64-bit. */
static void x87_precision(unsigned pc)
{
    uint16_t cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw) : : "memory");
    cw = (cw & ~0x300u) | (pc << 8);
    __asm__ volatile("fldcw %0" : : "m"(cw) : "memory");
}

static void host_begin(uint32_t insn)
{
    fesetround(host_round[extract32(insn, 5, 2)]);
    feclearexcept(FE_ALL_EXCEPT);
}

/* The FPA flags the host raised since host_begin; leaves the host in
 * round-to-nearest with full precision. */
static uint32_t host_end(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    uint32_t f = 0;

    x87_precision(3);
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    if (e & FE_INVALID)
        f |= FPA_IOC;
    if (e & FE_DIVBYZERO)
        f |= FPA_DZC;
    if (e & FE_OVERFLOW)
        f |= FPA_OFC;
    if (e & FE_UNDERFLOW)
        f |= FPA_UFC;
    if (e & FE_INEXACT)
        f |= FPA_IXC;
    return f;
}

/* Record exceptions: the cumulative flag of each one whose trap is off;
 * true when one whose trap is on occurred. */
static bool fpa_raise(struct arm_cpu *cpu, uint32_t flags)
{
    uint32_t enabled = (cpu->fpa_fpsr >> FPA_ENABLE_SHIFT) & 0x1f;

    cpu->fpa_fpsr |= flags & ~enabled;
    return (flags & enabled) != 0;
}

_Noreturn static void fpa_trap(struct arm_cpu *cpu, uint32_t pc)
{
    cpu->regs[15] = pc + 4;
    cpu_loop_exit(&cpu->common, ARM_EXCP_FPE);
}

/* ---- Register values in each working type ------------------------------ */

static float get_s(const struct arm_cpu *cpu, int n, bool k)
{
    return k ? (float)fpa_const[n] : cpu->fpa_f[n].s;
}

static double get_d(const struct arm_cpu *cpu, int n, bool k)
{
    if (k)
        return (double)fpa_const[n];
    if (cpu->fpa_type[n] == ARM_FPA_SINGLE)
        return cpu->fpa_f[n].s;
    return cpu->fpa_f[n].d;
}

static long double get_x(const struct arm_cpu *cpu, int n, bool k)
{
    if (k)
        return fpa_const[n];
    switch (cpu->fpa_type[n]) {
    case ARM_FPA_SINGLE:
        return cpu->fpa_f[n].s;
    case ARM_FPA_DOUBLE:
        return cpu->fpa_f[n].d;
    default:
        return cpu->fpa_f[n].x;
    }
}

/* Write v to Fd as type `to`, rounding when narrower. */
static void set_reg(struct arm_cpu *cpu, int fd, int to, long double v)
{
    cpu->fpa_type[fd] = to;
    memset(&cpu->fpa_f[fd], 0, sizeof(cpu->fpa_f[fd]));
    if (to == ARM_FPA_SINGLE)
        cpu->fpa_f[fd].s = (float)v;
    else if (to == ARM_FPA_DOUBLE)
        cpu->fpa_f[fd].d = (double)v;
    else
        cpu->fpa_f[fd].x = v;
}

/* ---- CPDO --------------------------------------------------------------- */

/*
 * One operation in type T (tgmath picks the float, double or long double
 * function).  Opcode numbers are bits 23:20; MNF and ABS are sign
 * operations that raise nothing, as in NWFPE.
 */
#define FPA_ARITH(T, name)                                                  \
    static T name(int op, bool monadic, T n, T m)                          \
    {                                                                      \
        if (monadic) {                                                     \
            switch (op) {                                                  \
            case 1: return -m;                    /* MNF */                \
            case 2: return fabs(m);               /* ABS */                \
            case 3: case 14: return rint(m);      /* RND, URD */           \
            case 4: return sqrt(m);               /* SQT */                \
            case 5: return log10(m);              /* LOG */                \
            case 6: return log(m);                /* LGN */                \
            case 7: return exp(m);                /* EXP */                \
            case 8: return sin(m);                                         \
            case 9: return cos(m);                                         \
            case 10: return tan(m);                                        \
            case 11: return asin(m);              /* ASN */                \
            case 12: return acos(m);              /* ACS */                \
            case 13: return atan(m);              /* ATN */                \
            default: return m;                    /* MVF, NRM */           \
            }                                                              \
        }                                                                  \
        switch (op) {                                                      \
        case 0: return n + m;                     /* ADF */                \
        case 1: case 9: return n * m;             /* MUF, FML */           \
        case 2: return n - m;                     /* SUF */                \
        case 3: return m - n;                     /* RSF */                \
        case 4: case 10: return n / m;            /* DVF, FDV */           \
        case 5: case 11: return m / n;            /* RDF, FRD */           \
        case 6: return pow(n, m);                 /* POW */                \
        case 7: return pow(m, n);                 /* RPW */                \
        case 8: return remainder(n, m);           /* RMF */                \
        default: return atan2(n, m);              /* POL */                \
        }                                                                  \
    }

FPA_ARITH(float, arith_s)
FPA_ARITH(double, arith_d)
FPA_ARITH(long double, arith_x)

/* The operations the precision field limits (x87 precision control acts
 * on add, subtract, multiply, divide and square root). */
static bool precision_limited(int op, bool monadic)
{
    return monadic ? op == 4 : op <= 5 || (op >= 9 && op <= 11);
}

/* Destination precision e:f (bits 19, 7). */
static int dest_type(uint32_t insn)
{
    return ARM_FPA_SINGLE + (extract32(insn, 19, 1) << 1 | extract32(insn, 7, 1));
}

static uint64_t arm_fpa_cpdo(struct cpu_common *c, uint64_t insn64,
                             uint64_t pc)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t insn = (uint32_t)insn64;
    bool monadic = insn & FPA_MONADIC, k = insn & FPA_CONST;
    int op = extract32(insn, 20, 4), fn = extract32(insn, 16, 3);
    int fd = extract32(insn, 12, 3), fm = extract32(insn, 0, 3);
    int dest = dest_type(insn);
    int type = monadic ? dest : cpu->fpa_type[fn];
    long double r;

    if (!monadic && cpu->fpa_type[fn] == ARM_FPA_NONE)
        cpu_raise(c, EXCP_UDEF, GETPC());
    if (!k) {
        if (cpu->fpa_type[fm] == ARM_FPA_NONE)
            cpu_raise(c, EXCP_UDEF, GETPC());
        if (cpu->fpa_type[fm] > type)
            type = cpu->fpa_type[fm];
    }

    host_begin(insn);
    switch (type) {
    case ARM_FPA_SINGLE:
        r = arith_s(op, monadic, monadic ? 0 : get_s(cpu, fn, false),
                    get_s(cpu, fm, k));
        break;
    case ARM_FPA_DOUBLE:
        r = arith_d(op, monadic, monadic ? 0 : get_d(cpu, fn, false),
                    get_d(cpu, fm, k));
        break;
    default: {
        /* The operands are read and the result written through volatile
         * memory so the computation stays between the two control-word
         * changes. */
        volatile long double n = monadic ? 0 : get_x(cpu, fn, false);
        volatile long double m = get_x(cpu, fm, k), res;
        if (precision_limited(op, monadic))
            x87_precision(dest == ARM_FPA_SINGLE ? 0
                          : dest == ARM_FPA_DOUBLE ? 2 : 3);
        res = arith_x(op, monadic, n, m);
        x87_precision(3);
        r = res;
        break;
    }
    }
    set_reg(cpu, fd, dest, r);
    if (fpa_raise(cpu, host_end()))
        fpa_trap(cpu, (uint32_t)pc);
    return 0;
}
IR_HELPER_DEF(arm_fpa_cpdo, 2, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS);

/* ---- CPRT --------------------------------------------------------------- */

/* FIX: NWFPE's float-to-int32 in the instruction's rounding mode: out of
 * range (after rounding) or NaN is an invalid operation giving 0x7fffffff,
 * or 0x80000000 for negative values; inexact otherwise when rounded. */
static uint32_t fpa_fix(long double v, uint32_t *flags)
{
    if (isnan(v)) {
        *flags = FPA_IOC;
        return 0x7fffffff;
    }
    long double r = rint(v);
    if (r > 2147483647.0L || r < -2147483648.0L) {
        *flags = FPA_IOC;
        return signbit(v) ? 0x80000000u : 0x7fffffffu;
    }
    *flags = r != v ? FPA_IXC : 0;
    return (uint32_t)(int32_t)r;
}

/* CMF/CNF/CMFE/CNFE: NWFPE compares in extended precision and writes all
 * four flags: N less than, Z equal, C greater than, V unordered (then C
 * is the FPSR's AC bit).  Only the E forms raise invalid, on unordered. */
static uint32_t fpa_compare(struct arm_cpu *cpu, uint32_t insn, uint32_t *fl)
{
    bool k = insn & FPA_CONST;
    int fn = extract32(insn, 16, 3), fm = extract32(insn, 0, 3);
    long double n = get_x(cpu, fn, false), m = get_x(cpu, fm, k);

    *fl = 0;
    if (isnan(n) || isnan(m)) {
        if (insn & (1u << 22))
            *fl = FPA_IOC;
        return CPSR_V | ((cpu->fpa_fpsr & FPA_AC) ? CPSR_C : 0);
    }
    if (insn & (1u << 21))
        m = -m;
    return (n < m ? CPSR_N : 0) | (n == m ? CPSR_Z : 0) |
           (n > m ? CPSR_C : 0);
}

static uint64_t arm_fpa_cprt(struct cpu_common *c, uint64_t insn64,
                             uint64_t rd_value, uint64_t pc)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t insn = (uint32_t)insn64, flags = 0;
    int rd = extract32(insn, 12, 4), fn = extract32(insn, 16, 3);
    int fm = extract32(insn, 0, 3);

    if (insn & (1u << 23)) {
        if (cpu->fpa_type[fn] == ARM_FPA_NONE ||
            (!(insn & FPA_CONST) && cpu->fpa_type[fm] == ARM_FPA_NONE))
            cpu_raise(c, EXCP_UDEF, GETPC());
        uint32_t nzcv = fpa_compare(cpu, insn, &flags);
        feclearexcept(FE_ALL_EXCEPT);
        arm_cpsr_write(cpu, nzcv, CPSR_NZCV);
    } else {
        switch (extract32(insn, 20, 3)) {
        case 0:                                            /* FLT */
            host_begin(insn);
            set_reg(cpu, fn, dest_type(insn), (int32_t)rd_value);
            flags = host_end();
            break;
        case 1:                                            /* FIX */
            if (cpu->fpa_type[fm] == ARM_FPA_NONE)
                cpu_raise(c, EXCP_UDEF, GETPC());
            host_begin(insn);
            cpu->regs[rd] = fpa_fix(get_x(cpu, fm, false), &flags);
            host_end();
            break;
        case 2:                                            /* WFS */
            cpu->fpa_fpsr = (cpu->fpa_fpsr & FPA_SYSID) |
                            ((uint32_t)rd_value & ~FPA_SYSID);
            break;
        default:                                           /* RFS */
            cpu->regs[rd] = cpu->fpa_fpsr;
            break;
        }
    }
    if (flags && fpa_raise(cpu, flags))
        fpa_trap(cpu, (uint32_t)pc);
    return 0;
}
IR_HELPER_DEF(arm_fpa_cprt, 3, false, IR_HELPER_NO_READ_GLOBALS);

/* ---- Loads and stores --------------------------------------------------- */

/* 80-bit extended <-> the FPA's three memory words. */
static void ext_to_words(long double v, uint32_t *w)
{
    uint8_t b[16];
    memcpy(b, &v, sizeof(v));
    uint64_t sig = ld64_le(b);
    uint32_t se = ld16_le(b + 8);
    w[0] = (se & 0x8000u) << 16 | (se & 0x7fff);
    w[1] = (uint32_t)(sig >> 32);
    w[2] = (uint32_t)sig;
}

static long double words_to_ext(const uint32_t *w)
{
    uint8_t b[16] = { 0 };
    long double v;
    st64_le(b, (uint64_t)w[1] << 32 | w[2]);
    st16_le(b + 8, (uint16_t)((w[0] >> 16 & 0x8000u) | (w[0] & 0x7fff)));
    memcpy(&v, b, sizeof(v));
    return v;
}

static uint64_t double_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static double bits_double(uint32_t hi, uint32_t lo)
{
    uint64_t u = (uint64_t)hi << 32 | lo;
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static uint32_t float_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static float bits_float(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static uint64_t arm_fpa_load(struct cpu_common *c, uint64_t insn64)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t insn = (uint32_t)insn64;
    const uint32_t *w = cpu->fpa_xfer;
    int fd = extract32(insn, 12, 3);

    if (extract32(insn, 8, 4) == 1) {
        union arm_fpa_reg *r = &cpu->fpa_f[fd];
        memset(r, 0, sizeof(*r));
        switch (fpa_ldf_words(insn)) {
        case 1:
            r->s = bits_float(w[0]);
            cpu->fpa_type[fd] = ARM_FPA_SINGLE;
            break;
        case 2:
            r->d = bits_double(w[0], w[1]);
            cpu->fpa_type[fd] = ARM_FPA_DOUBLE;
            break;
        default:
            r->x = words_to_ext(w);
            cpu->fpa_type[fd] = ARM_FPA_EXTENDED;
            break;
        }
        return 0;
    }
    for (int i = 0, n = fpa_lfm_regs(insn); i < n; i++, w += 3) {
        int f = (fd + i) & 7, type = (w[0] >> 29) & 3;
        union arm_fpa_reg *r = &cpu->fpa_f[f];
        memset(r, 0, sizeof(*r));
        cpu->fpa_type[f] = type;
        if (type == ARM_FPA_SINGLE)
            r->s = bits_float(w[2]);
        else if (type == ARM_FPA_DOUBLE)
            r->d = bits_double(w[1], w[2]);
        else if (type == ARM_FPA_EXTENDED)
            r->x = words_to_ext(w);
    }
    return 0;
}
IR_HELPER_DEF(arm_fpa_load, 1, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
              IR_HELPER_NO_RAISE);

/* STF converts to the stored precision (round to nearest); a register
 * never written stores its zero bits, as NWFPE stores its raw contents. */
static uint64_t arm_fpa_store(struct cpu_common *c, uint64_t insn64)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t insn = (uint32_t)insn64;
    uint32_t *w = cpu->fpa_xfer;
    int fd = extract32(insn, 12, 3);

    if (extract32(insn, 8, 4) == 1) {
        int type = cpu->fpa_type[fd];
        const union arm_fpa_reg *r = &cpu->fpa_f[fd];
        host_begin(0);
        switch (fpa_ldf_words(insn)) {
        case 1:
            w[0] = float_bits(type == ARM_FPA_DOUBLE ? (float)r->d
                              : type == ARM_FPA_EXTENDED ? (float)r->x
                              : r->s);
            break;
        case 2: {
            uint64_t u = double_bits(type == ARM_FPA_SINGLE ? (double)r->s
                                     : type == ARM_FPA_EXTENDED ? (double)r->x
                                     : r->d);
            w[0] = (uint32_t)(u >> 32);
            w[1] = (uint32_t)u;
            break;
        }
        default:
            ext_to_words(type == ARM_FPA_SINGLE ? (long double)r->s
                         : type == ARM_FPA_DOUBLE ? (long double)r->d
                         : r->x, w);
            break;
        }
        if (fpa_raise(cpu, host_end()))
            cpu->fpa_trap = 1;
        return 0;
    }
    for (int i = 0, n = fpa_lfm_regs(insn); i < n; i++, w += 3) {
        int f = (fd + i) & 7, type = cpu->fpa_type[f];
        const union arm_fpa_reg *r = &cpu->fpa_f[f];
        w[0] = w[1] = w[2] = 0;
        if (type == ARM_FPA_SINGLE) {
            w[2] = float_bits(r->s);
        } else if (type == ARM_FPA_DOUBLE) {
            uint64_t u = double_bits(r->d);
            w[1] = (uint32_t)(u >> 32);
            w[2] = (uint32_t)u;
        } else if (type == ARM_FPA_EXTENDED) {
            ext_to_words(r->x, w);
        }
        w[0] |= (uint32_t)type << 29;
    }
    return 0;
}
IR_HELPER_DEF(arm_fpa_store, 1, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
              IR_HELPER_NO_RAISE);

static uint64_t arm_fpa_store_done(struct cpu_common *c, uint64_t pc)
{
    struct arm_cpu *cpu = arm_cpu(c);

    if (cpu->fpa_trap) {
        cpu->fpa_trap = 0;
        fpa_trap(cpu, (uint32_t)pc);
    }
    return 0;
}
IR_HELPER_DEF(arm_fpa_store_done, 1, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS);
