/*
 * The helper that runs one Advanced SIMD data-processing instruction on
 * the register file: the decoder (neon_decode.c) has already checked the
 * encoding and passes the operation with the instruction word, from which
 * this file takes registers, element size, U and Q.  Operands are copied
 * out before the result is written, so overlapping registers behave as
 * the manual's whole-register reads and writes.
 *
 * D<n> is vfp_d[n]; Q<n> is vfp_d[2n] (low) and vfp_d[2n + 1].  Lane i of
 * a register group of size 8 << s sits in word i / (8 >> s) at bit
 * (i % (8 >> s)) * (8 << s), matching the little-endian host layout.
 */
#include "target/arm/translate.h"
#include "target/arm/neon.h"
#include "util/bits.h"

#define B(pos) ((int)extract32(insn, pos, 1))

static int reg_d(uint32_t insn) { return B(22) << 4 | (int)extract32(insn, 12, 4); }
static int reg_n(uint32_t insn) { return B(7) << 4 | (int)extract32(insn, 16, 4); }
static int reg_m(uint32_t insn) { return B(5) << 4 | (int)extract32(insn, 0, 4); }

/* Lane i of size 8 << s: word i >> (3 - s), bit (i & ((8 >> s) - 1))
 * << (3 + s) (shifts, not divisions: this is the helpers' inner loop). */
static inline uint64_t get_lane(const uint64_t *v, int s, int i)
{
    int w = i >> (3 - s), sh = (i & ((8 >> s) - 1)) << (3 + s);
    return (v[w] >> sh) & neon_mask(s);
}

static inline void set_lane(uint64_t *v, int s, int i, uint64_t x)
{
    int w = i >> (3 - s), sh = (i & ((8 >> s) - 1)) << (3 + s);
    uint64_t m = neon_mask(s) << sh;
    v[w] = (v[w] & ~m) | ((x << sh) & m);
}

static void rd(struct arm_cpu *cpu, int r, int words, uint64_t *v)
{
    for (int i = 0; i < words; i++)
        v[i] = cpu->vfp_d[(r + i) & 31];
}

static void wr(struct arm_cpu *cpu, int r, int words, const uint64_t *v)
{
    for (int i = 0; i < words; i++)
        cpu->vfp_d[(r + i) & 31] = v[i];
}

static bool is_float_op(int op)
{
    return (op >= NOP_VFMA_F && op <= NOP_VRSQRTS_F) ||
           op == NOP_VMLA_SF || op == NOP_VMLS_SF || op == NOP_VMUL_SF ||
           (op >= NOP_VCGT0_F && op <= NOP_VNEG_F);
}

static uint64_t lane_op(struct arm_cpu *cpu, int op, int s, bool uns,
                        uint64_t a, uint64_t b, uint64_t d, uint32_t *qc)
{
    if (is_float_op(op))
        return neon_float_op(op, (uint32_t)a, (uint32_t)b, (uint32_t)d,
                             &cpu->fpscr);
    return neon_int_3same(op, s, uns, a, b, d, qc);
}

/* ---- Three registers of the same length ---- */

static void exec_3same(struct arm_cpu *cpu, int op, uint32_t insn,
                       uint32_t *qc)
{
    bool q = B(6), uns = B(24);
    int s = extract32(insn, 20, 2), words = q ? 2 : 1;
    uint64_t a[2], b[2], d[2];

    if (is_float_op(op))
        s = 2;
    rd(cpu, reg_n(insn), words, a);
    rd(cpu, reg_m(insn), words, b);
    rd(cpu, reg_d(insn), words, d);
    int n = (words * 8) >> s;
    if (op == NOP_VPADD || op == NOP_VPMAX || op == NOP_VPMIN ||
        op == NOP_VPADD_F || op == NOP_VPMAX_F || op == NOP_VPMIN_F) {
        int half = n / 2;
        for (int i = 0; i < half; i++) {
            set_lane(d, s, i, lane_op(cpu, op, s, uns, get_lane(a, s, 2 * i),
                                      get_lane(a, s, 2 * i + 1), 0, qc));
            set_lane(d, s, half + i,
                     lane_op(cpu, op, s, uns, get_lane(b, s, 2 * i),
                             get_lane(b, s, 2 * i + 1), 0, qc));
        }
    } else {
        for (int i = 0; i < n; i++)
            set_lane(d, s, i, lane_op(cpu, op, s, uns, get_lane(a, s, i),
                                      get_lane(b, s, i), get_lane(d, s, i),
                                      qc));
    }
    wr(cpu, reg_d(insn), words, d);
}

/* ---- Three registers of different lengths ---- */

static void exec_3diff(struct arm_cpu *cpu, int op, uint32_t insn,
                       uint32_t *qc)
{
    bool uns = B(24);
    int s = extract32(insn, 20, 2), w = s + 1;
    int n = 8 >> s;
    uint64_t a[2], b[2], d[2];
    bool narrow = op == NOP_VADDHN || op == NOP_VRADDHN ||
                  op == NOP_VSUBHN || op == NOP_VRSUBHN;
    bool wide_n = narrow || op == NOP_VADDW || op == NOP_VSUBW;

    rd(cpu, reg_n(insn), 2, a);
    rd(cpu, reg_m(insn), 2, b);
    rd(cpu, reg_d(insn), 2, d);
    for (int i = 0; i < n; i++) {
        __int128 x = wide_n ? neon_val(get_lane(a, w, i), w, uns)
                            : neon_val(get_lane(a, s, i), s, uns);
        __int128 y = narrow ? neon_val(get_lane(b, w, i), w, uns)
                            : neon_val(get_lane(b, s, i), s, uns);
        __int128 acc = neon_val(get_lane(d, w, i), w, uns), r;
        int wb = 8 << w;
        switch (op) {
        case NOP_VADDL: case NOP_VADDW: r = x + y; break;
        case NOP_VSUBL: case NOP_VSUBW: r = x - y; break;
        case NOP_VADDHN: r = (x + y) >> (wb / 2); break;
        case NOP_VRADDHN: r = (x + y + ((__int128)1 << (wb / 2 - 1))) >> (wb / 2); break;
        case NOP_VSUBHN: r = (x - y) >> (wb / 2); break;
        case NOP_VRSUBHN: r = (x - y + ((__int128)1 << (wb / 2 - 1))) >> (wb / 2); break;
        case NOP_VABAL: r = acc + (x > y ? x - y : y - x); break;
        case NOP_VABDL: r = x > y ? x - y : y - x; break;
        case NOP_VMLAL: r = acc + x * y; break;
        case NOP_VMLSL: r = acc - x * y; break;
        case NOP_VMULL: r = x * y; break;
        case NOP_VMULLP:
            r = neon_pmul8(get_lane(a, s, i), get_lane(b, s, i), true);
            break;
        case NOP_VQDMULL: r = neon_sat(2 * x * y, w, false, qc); break;
        case NOP_VQDMLAL: case NOP_VQDMLSL: {
            uint64_t p = neon_sat(2 * x * y, w, false, qc);
            __int128 pv = neon_val(p, w, false);
            r = neon_sat(op == NOP_VQDMLAL ? acc + pv : acc - pv, w, false, qc);
            break;
        }
        default: r = 0; break;
        }
        if (narrow)
            set_lane(d, s, i, (uint64_t)r);
        else
            set_lane(d, w, i, (uint64_t)r);
    }
    wr(cpu, reg_d(insn), narrow ? 1 : 2, d);
}

/* ---- Two registers and a scalar ---- */

static void exec_scalar(struct arm_cpu *cpu, int op, uint32_t insn,
                        uint32_t *qc)
{
    int s = extract32(insn, 20, 2);
    int vm = s == 1 ? (int)extract32(insn, 0, 3) : (int)extract32(insn, 0, 4);
    int idx = s == 1 ? (B(5) << 1 | B(3)) : B(5);
    uint64_t sc = get_lane(&cpu->vfp_d[vm], s, idx);
    bool is_long = op == NOP_VMLAL_S || op == NOP_VQDMLAL_S ||
                   op == NOP_VMLSL_S || op == NOP_VQDMLSL_S ||
                   op == NOP_VMULL_S || op == NOP_VQDMULL_S;
    bool uns = B(24);
    uint64_t a[2], d[2];

    if (is_long) {
        int w = s + 1, n = 8 >> s;
        rd(cpu, reg_n(insn), 1, a);
        rd(cpu, reg_d(insn), 2, d);
        __int128 y = neon_val(sc, s, uns);
        for (int i = 0; i < n; i++) {
            __int128 x = neon_val(get_lane(a, s, i), s, uns), r;
            __int128 acc = neon_val(get_lane(d, w, i), w, uns);
            switch (op) {
            case NOP_VMLAL_S: r = acc + x * y; break;
            case NOP_VMLSL_S: r = acc - x * y; break;
            case NOP_VMULL_S: r = x * y; break;
            case NOP_VQDMULL_S: r = neon_sat(2 * x * y, w, false, qc); break;
            default: {
                __int128 pv = neon_val(neon_sat(2 * x * y, w, false, qc), w,
                                       false);
                r = neon_sat(op == NOP_VQDMLAL_S ? acc + pv : acc - pv, w,
                             false, qc);
                break;
            }
            }
            set_lane(d, w, i, (uint64_t)r);
        }
        wr(cpu, reg_d(insn), 2, d);
        return;
    }

    /* Q is bit 24 for these forms. */
    int words = uns ? 2 : 1, n = (words * 8) >> s;
    int lop;
    switch (op) {
    case NOP_VMLA_S: lop = NOP_VMLA; break;
    case NOP_VMLS_S: lop = NOP_VMLS; break;
    case NOP_VMUL_S: lop = NOP_VMUL; break;
    case NOP_VQDMULH_S: lop = NOP_VQDMULH; break;
    case NOP_VQRDMULH_S: lop = NOP_VQRDMULH; break;
    default: lop = op; break;   /* the float forms */
    }
    rd(cpu, reg_n(insn), words, a);
    rd(cpu, reg_d(insn), words, d);
    for (int i = 0; i < n; i++)
        set_lane(d, s, i, lane_op(cpu, lop, s, false, get_lane(a, s, i), sc,
                                  get_lane(d, s, i), qc));
    wr(cpu, reg_d(insn), words, d);
}

/* ---- Two registers and a shift amount ---- */

static void exec_shift(struct arm_cpu *cpu, int op, uint32_t insn,
                       uint32_t *qc)
{
    bool q = B(6), uns = B(24), l = B(7);
    int imm6 = extract32(insn, 16, 6);
    int s = l ? 3 : imm6 >= 32 ? 2 : imm6 >= 16 ? 1 : 0;
    int bits = 8 << s;
    int rshift = (l ? 64 : 2 * bits) - imm6, lshift = imm6 - (l ? 0 : bits);
    int words = q ? 2 : 1, n = (words * 8) >> s;
    uint64_t a[2], d[2];

    rd(cpu, reg_m(insn), 2, a);
    rd(cpu, reg_d(insn), 2, d);

    switch (op) {
    case NOP_VSHRN: case NOP_VRSHRN: case NOP_VQSHRUN: case NOP_VQRSHRUN:
    case NOP_VQSHRN: case NOP_VQRSHRN: {
        /* s is the narrow result size; the source lanes are twice it */
        bool round = op == NOP_VRSHRN || op == NOP_VQRSHRUN ||
                     op == NOP_VQRSHRN;
        bool src_uns = op == NOP_VQSHRN || op == NOP_VQRSHRN ? uns : false;
        bool dst_uns = op == NOP_VQSHRUN || op == NOP_VQRSHRUN ||
                       ((op == NOP_VQSHRN || op == NOP_VQRSHRN) && uns);
        bool sat = op != NOP_VSHRN && op != NOP_VRSHRN;
        for (int i = 0; i < 8 >> s; i++) {
            uint64_t x = get_lane(a, s + 1, i);
            /* a right shift of at most 32 of a 64-bit lane: exact */
            uint64_t r = neon_shl(x, -rshift, s + 1, sat ? src_uns : true,
                                  round, false, false, qc);
            __int128 v = neon_val(r, s + 1, sat ? src_uns : true);
            set_lane(d, s, i, sat ? neon_sat(v, s, dst_uns, qc) : r);
        }
        wr(cpu, reg_d(insn), 1, d);
        return;
    }
    case NOP_VSHLL: {
        uint64_t out[2] = { 0, 0 };
        for (int i = 0; i < 8 >> s; i++) {
            __int128 v = neon_val(get_lane(a, s, i), s, uns);
            set_lane(out, s + 1, i, (uint64_t)(v << lshift));
        }
        wr(cpu, reg_d(insn), 2, out);
        return;
    }
    case NOP_VCVT_FROM_FIXED: case NOP_VCVT_TO_FIXED: {
        int fbits = 64 - imm6;
        for (int i = 0; i < n; i++) {
            uint32_t x = (uint32_t)get_lane(a, 2, i);
            set_lane(d, 2, i, op == NOP_VCVT_TO_FIXED
                                  ? neon_cvt_to_fixed(x, fbits, uns, &cpu->fpscr)
                                  : neon_cvt_from_fixed(x, fbits, uns,
                                                        &cpu->fpscr));
        }
        wr(cpu, reg_d(insn), words, d);
        return;
    }
    }

    for (int i = 0; i < n; i++) {
        uint64_t x = get_lane(a, s, i), y = get_lane(d, s, i), r;
        uint64_t m = neon_mask(s);
        switch (op) {
        case NOP_VSHR: r = neon_shl(x, -rshift, s, uns, false, false, uns, qc); break;
        case NOP_VRSHR: r = neon_shl(x, -rshift, s, uns, true, false, uns, qc); break;
        case NOP_VSRA:
            r = (y + neon_shl(x, -rshift, s, uns, false, false, uns, qc)) & m;
            break;
        case NOP_VRSRA:
            r = (y + neon_shl(x, -rshift, s, uns, true, false, uns, qc)) & m;
            break;
        case NOP_VSRI: {
            uint64_t keep = rshift >= bits ? m : ~(m >> rshift) & m;
            r = (y & keep) | (rshift >= bits ? 0 : x >> rshift);
            break;
        }
        case NOP_VSHL_I: r = (x << lshift) & m; break;
        case NOP_VSLI: r = (y & ~(m << lshift) & m) | ((x << lshift) & m); break;
        case NOP_VQSHLU_I: r = neon_shl(x, lshift, s, false, false, true, true, qc); break;
        case NOP_VQSHL_I: r = neon_shl(x, lshift, s, uns, false, true, uns, qc); break;
        default: r = 0; break;
        }
        set_lane(d, s, i, r);
    }
    wr(cpu, reg_d(insn), words, d);
}

/* ---- Two registers, miscellaneous ---- */

static void exec_permute(struct arm_cpu *cpu, int op, uint32_t insn)
{
    bool q = B(6);
    int s = extract32(insn, 18, 2), words = q ? 2 : 1, n = (words * 8) >> s;
    uint64_t d[2], m[2], x[4] = { 0, 0, 0, 0 };

    rd(cpu, reg_d(insn), words, d);
    rd(cpu, reg_m(insn), words, m);
    switch (op) {
    case NOP_VSWP:
        wr(cpu, reg_d(insn), words, m);
        wr(cpu, reg_m(insn), words, d);
        return;
    case NOP_VTRN:
        for (int e = 0; e < n / 2; e++) {
            uint64_t t = get_lane(d, s, 2 * e + 1);
            set_lane(d, s, 2 * e + 1, get_lane(m, s, 2 * e));
            set_lane(m, s, 2 * e, t);
        }
        break;
    case NOP_VUZP:
        for (int i = 0; i < words; i++) {
            x[i] = d[i];
            x[words + i] = m[i];
        }
        for (int e = 0; e < n; e++) {
            set_lane(d, s, e, get_lane(x, s, 2 * e));
            set_lane(m, s, e, get_lane(x, s, 2 * e + 1));
        }
        break;
    case NOP_VZIP:
        for (int e = 0; e < n; e++) {
            set_lane(x, s, 2 * e, get_lane(d, s, e));
            set_lane(x, s, 2 * e + 1, get_lane(m, s, e));
        }
        for (int i = 0; i < words; i++) {
            d[i] = x[i];
            m[i] = x[words + i];
        }
        break;
    }
    /* Vd == Vm: the manual writes Vm last. */
    wr(cpu, reg_d(insn), words, d);
    wr(cpu, reg_m(insn), words, m);
}

static void exec_2misc(struct arm_cpu *cpu, int op, uint32_t insn,
                       uint32_t *qc)
{
    bool q = B(6);
    int s = extract32(insn, 18, 2), words = q ? 2 : 1, n = (words * 8) >> s;
    uint64_t a[2], d[2];

    if (op >= NOP_VSWP && op <= NOP_VZIP) {
        exec_permute(cpu, op, insn);
        return;
    }
    rd(cpu, reg_m(insn), 2, a);
    rd(cpu, reg_d(insn), 2, d);

    switch (op) {
    case NOP_VREV64: case NOP_VREV32: case NOP_VREV16: {
        int region = op == NOP_VREV64 ? 3 : op == NOP_VREV32 ? 2 : 1;
        int g = 1 << (region - s);
        for (int i = 0; i < n; i++)
            set_lane(d, s, i, get_lane(a, s, i ^ (g - 1)));
        break;
    }
    case NOP_VPADDL: case NOP_VPADAL: {
        bool uns = B(7);
        for (int i = 0; i < n / 2; i++) {
            __int128 r = neon_val(get_lane(a, s, 2 * i), s, uns) +
                         neon_val(get_lane(a, s, 2 * i + 1), s, uns);
            if (op == NOP_VPADAL)
                r += get_lane(d, s + 1, i);
            set_lane(d, s + 1, i, (uint64_t)r);
        }
        break;
    }
    case NOP_VMOVN: case NOP_VQMOVUN: case NOP_VQMOVN: {
        int opb = extract32(insn, 6, 2);
        for (int i = 0; i < 8 >> s; i++) {
            uint64_t x = get_lane(a, s + 1, i);
            if (op == NOP_VMOVN)
                set_lane(d, s, i, x);
            else if (op == NOP_VQMOVUN)
                set_lane(d, s, i, neon_sat(neon_val(x, s + 1, false), s, true, qc));
            else
                set_lane(d, s, i, neon_sat(neon_val(x, s + 1, opb == 3), s,
                                           opb == 3, qc));
        }
        wr(cpu, reg_d(insn), 1, d);
        return;
    }
    case NOP_VSHLL_MAX: {
        uint64_t out[2] = { 0, 0 };
        for (int i = 0; i < 8 >> s; i++)
            set_lane(out, s + 1, i, get_lane(a, s, i) << (8 << s));
        wr(cpu, reg_d(insn), 2, out);
        return;
    }
    case NOP_VCVT_F16_F32: {
        for (int i = 0; i < 4; i++)
            set_lane(d, 1, i, neon_f32_to_f16((uint32_t)get_lane(a, 2, i),
                                              &cpu->fpscr));
        wr(cpu, reg_d(insn), 1, d);
        return;
    }
    case NOP_VCVT_F32_F16: {
        uint64_t out[2] = { 0, 0 };
        for (int i = 0; i < 4; i++)
            set_lane(out, 2, i, neon_f16_to_f32((uint16_t)get_lane(a, 1, i),
                                                &cpu->fpscr));
        wr(cpu, reg_d(insn), 2, out);
        return;
    }
    default:
        for (int i = 0; i < n; i++) {
            uint64_t x = get_lane(a, s, i), r;
            int64_t v = neon_sext(x, s);
            uint32_t *fs = &cpu->fpscr;
            switch (op) {
            case NOP_VCLS: r = neon_cls(x, s); break;
            case NOP_VCLZ: r = neon_clz(x, s); break;
            case NOP_VCNT: r = __builtin_popcountll(x); break;
            case NOP_VMVN: r = ~x; break;
            case NOP_VQABS: r = neon_sat(v < 0 ? -(__int128)v : v, s, false, qc); break;
            case NOP_VQNEG: r = neon_sat(-(__int128)v, s, false, qc); break;
            case NOP_VCGT0: r = v > 0 ? ~0ull : 0; break;
            case NOP_VCGE0: r = v >= 0 ? ~0ull : 0; break;
            case NOP_VCEQ0: r = v == 0 ? ~0ull : 0; break;
            case NOP_VCLE0: r = v <= 0 ? ~0ull : 0; break;
            case NOP_VCLT0: r = v < 0 ? ~0ull : 0; break;
            case NOP_VABS: r = (uint64_t)(v < 0 ? -v : v); break;
            case NOP_VNEG: r = (uint64_t)-v; break;
            case NOP_VRECPE: r = neon_recpe_u32((uint32_t)x); break;
            case NOP_VRSQRTE: r = neon_rsqrte_u32((uint32_t)x); break;
            case NOP_VRECPE_F: r = neon_recpe_f32((uint32_t)x, fs); break;
            case NOP_VRSQRTE_F: r = neon_rsqrte_f32((uint32_t)x, fs); break;
            case NOP_VCVT_F32_S32: r = neon_cvt_from_fixed((uint32_t)x, 0, false, fs); break;
            case NOP_VCVT_F32_U32: r = neon_cvt_from_fixed((uint32_t)x, 0, true, fs); break;
            case NOP_VCVT_S32_F32: r = neon_cvt_to_fixed((uint32_t)x, 0, false, fs); break;
            case NOP_VCVT_U32_F32: r = neon_cvt_to_fixed((uint32_t)x, 0, true, fs); break;
            default:   /* the float comparisons with zero, VABS/VNEG.F32 */
                r = neon_float_op(op, (uint32_t)x, 0, 0, fs);
                break;
            }
            set_lane(d, s, i, r);
        }
        break;
    }
    wr(cpu, reg_d(insn), words, d);
}

/* ---- VEXT, VTBL/VTBX, VDUP (scalar) ---- */

static uint8_t byte_of(const uint64_t *v, int i)
{
    return (uint8_t)(v[i / 8] >> (8 * (i % 8)));
}

static void exec_other(struct arm_cpu *cpu, int op, uint32_t insn)
{
    uint64_t d[2] = { 0, 0 }, x[4];
    bool q = B(6);
    int words = q ? 2 : 1;

    switch (op) {
    case NOP_VEXT: {
        int imm4 = extract32(insn, 8, 4);
        rd(cpu, reg_n(insn), words, x);
        rd(cpu, reg_m(insn), words, x + words);
        for (int i = 0; i < 8 * words; i++)
            d[i / 8] |= (uint64_t)byte_of(x, imm4 + i) << (8 * (i % 8));
        break;
    }
    case NOP_VTBL: {
        int len = extract32(insn, 8, 2) + 1;
        uint64_t idx = cpu->vfp_d[reg_m(insn)];
        words = 1;
        rd(cpu, reg_n(insn), len, x);
        d[0] = cpu->vfp_d[reg_d(insn)];
        for (int i = 0; i < 8; i++) {
            unsigned k = (uint8_t)(idx >> (8 * i));
            uint64_t m = 0xffull << (8 * i);
            if (k < 8u * len)
                d[0] = (d[0] & ~m) | (uint64_t)byte_of(x, k) << (8 * i);
            else if (!B(6))   /* VTBL: zero; VTBX: keep */
                d[0] &= ~m;
        }
        break;
    }
    case NOP_VDUP_S: {
        int imm4 = extract32(insn, 16, 4);
        int s = (imm4 & 1) ? 0 : (imm4 & 2) ? 1 : 2;
        uint64_t v = get_lane(&cpu->vfp_d[reg_m(insn)], s, imm4 >> (s + 1));
        for (int i = 0; i < (words * 8) >> s; i++)
            set_lane(d, s, i, v);
        break;
    }
    }
    wr(cpu, reg_d(insn), words, d);
}

static uint64_t arm_neon_dp(struct cpu_common *c, uint64_t op64,
                            uint64_t insn64)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t insn = (uint32_t)insn64, qc = 0;
    int op = (int)op64;

    if (op <= NOP_VRSQRTS_F)
        exec_3same(cpu, op, insn, &qc);
    else if (op <= NOP_VMULLP)
        exec_3diff(cpu, op, insn, &qc);
    else if (op <= NOP_VQRDMULH_S)
        exec_scalar(cpu, op, insn, &qc);
    else if (op <= NOP_VCVT_TO_FIXED)
        exec_shift(cpu, op, insn, &qc);
    else if (op <= NOP_VCVT_U32_F32)
        exec_2misc(cpu, op, insn, &qc);
    else
        exec_other(cpu, op, insn);
    if (qc)
        cpu->fpscr |= FPSCR_QC;
    return 0;
}
IR_HELPER_DEF(arm_neon_dp, 2, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
              IR_HELPER_NO_RAISE);
