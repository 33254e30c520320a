/*
 * Advanced SIMD (NEON) decode, in the order of the ARM ARM's "Advanced
 * SIMD data-processing instructions" tables.  Encodings are in their A32
 * form; T32 ones are rewritten first (111U 1111 -> 1111 001U for data
 * processing, 1111 1001 -> 1111 0100 for loads/stores), so one table
 * decodes both.  The 8/16-bit VMOV scalar forms and VDUP from a core
 * register live in the coprocessor space and come through the A32 table.
 *
 * Each class has a table of forms {mask, value, op, checks}; the first
 * match gives the operation and the size/register rules that make other
 * encodings UNDEFINED.  Bitwise operations, VADD/VSUB, VMOV/VMVN/VORR/VBIC
 * immediate and the core-register transfers are IR on 64-bit words;
 * everything else is one call of the arm_neon_dp helper, which works on
 * the register file.
 */
#include <stddef.h>

#include "target/arm/translate.h"
#include "target/arm/neon.h"
#include "util/bits.h"

#define B(pos) ((int)extract32(insn, pos, 1))

extern const struct ir_helper helper_arm_neon_dp;

/* Checks a form asks for. */
enum {
    F_NO64 = 1,      /* size 11 UNDEFINED */
    F_S8 = 2,        /* size must be 00 */
    F_S16_32 = 4,    /* size must be 01 or 10 */
    F_F32 = 8,       /* float: sz (bit 20) must be 0 */
    F_DONLY = 16,    /* Q must be 0 */
    F_VFP4 = 32,     /* needs the fused multiply-add extension */
    F_S8_16 = 64,    /* size must be 00 or 01 */
    F_SZ32 = 128,    /* size must be 10 */
    F_SZ16 = 256,    /* size must be 01 */
    F_NOT_D32 = 512, /* Q = 0 with size 10 is UNDEFINED */
    F_FP16 = 1024,   /* needs the half-precision extension */
};

struct neon_form {
    uint32_t mask, value;
    int16_t op;
    uint16_t flags;
};

#define OP_LOGIC 1000   /* VAND...VBIF: IR */

static const struct neon_form *find_form(const struct neon_form *t, int n,
                                         uint32_t insn)
{
    for (int i = 0; i < n; i++)
        if ((insn & t[i].mask) == t[i].value)
            return &t[i];
    return NULL;
}

static bool size_ok(int flags, int size)
{
    if ((flags & F_NO64) && size == 3)
        return false;
    if ((flags & F_S8) && size != 0)
        return false;
    if ((flags & F_S16_32) && (size == 0 || size == 3))
        return false;
    if ((flags & F_S8_16) && size > 1)
        return false;
    if ((flags & F_SZ32) && size != 2)
        return false;
    if ((flags & F_SZ16) && size != 1)
        return false;
    return true;
}

static bool form_ok(struct arm_dc *s, const struct neon_form *f, int size,
                    bool q)
{
    if (!f || f->op < 0 || !size_ok(f->flags, size))
        return false;
    if ((f->flags & F_DONLY) && q)
        return false;
    if ((f->flags & F_VFP4) && !arm_has(s, ARM_FEATURE_VFP4))
        return false;
    if ((f->flags & F_FP16) && !arm_has(s, ARM_FEATURE_FP16))
        return false;
    if ((f->flags & F_NOT_D32) && !q && size == 2)
        return false;
    return true;
}

/* Register fields; a Q register must have an even D number. */
static int vd(uint32_t insn) { return B(22) << 4 | (int)extract32(insn, 12, 4); }
static int vn(uint32_t insn) { return B(7) << 4 | (int)extract32(insn, 16, 4); }
static int vm(uint32_t insn) { return B(5) << 4 | (int)extract32(insn, 0, 4); }
#define ODD_D (1u << 12)
#define ODD_N (1u << 16)
#define ODD_M (1u << 0)

static void call_dp(struct arm_dc *s, int op, uint32_t insn)
{
    ir_call2(s->c, &helper_arm_neon_dp, IR_NONE, ir_const_i32(s->c, op),
             ir_const_i32(s->c, insn));
}

static size_t doff(int r)
{
    return offsetof(struct arm_cpu, vfp_d) + 8 * (size_t)r;
}

/* ---- Three registers of the same length ---- */

#define MA 0x00000f00u
#define MB 0x00000010u
#define MU 0x01000000u
#define MC 0x00300000u
#define MC1 0x00200000u
#define A_(a) ((uint32_t)(a) << 8)
#define B_(b) ((uint32_t)(b) << 4)
#define U_(u) ((uint32_t)(u) << 24)
#define C_(c) ((uint32_t)(c) << 20)
#define C1_(c) ((uint32_t)(c) << 21)

static const struct neon_form neon_3same[] = {
    /*  mask            value                      op */
    { MA | MB,          A_(0) | B_(0),             NOP_VHADD, F_NO64 },
    { MA | MB,          A_(0) | B_(1),             NOP_VQADD, 0 },
    { MA | MB,          A_(1) | B_(0),             NOP_VRHADD, F_NO64 },
    { MA | MB | MU,     A_(1) | B_(1) | U_(0),     OP_LOGIC, 0 },  /* VAND/VBIC/VORR/VORN */
    { MA | MB | MU,     A_(1) | B_(1) | U_(1),     OP_LOGIC, 0 },  /* VEOR/VBSL/VBIT/VBIF */
    { MA | MB,          A_(2) | B_(0),             NOP_VHSUB, F_NO64 },
    { MA | MB,          A_(2) | B_(1),             NOP_VQSUB, 0 },
    { MA | MB,          A_(3) | B_(0),             NOP_VCGT, F_NO64 },
    { MA | MB,          A_(3) | B_(1),             NOP_VCGE, F_NO64 },
    { MA | MB,          A_(4) | B_(0),             NOP_VSHL, 0 },
    { MA | MB,          A_(4) | B_(1),             NOP_VQSHL, 0 },
    { MA | MB,          A_(5) | B_(0),             NOP_VRSHL, 0 },
    { MA | MB,          A_(5) | B_(1),             NOP_VQRSHL, 0 },
    { MA | MB,          A_(6) | B_(0),             NOP_VMAX, F_NO64 },
    { MA | MB,          A_(6) | B_(1),             NOP_VMIN, F_NO64 },
    { MA | MB,          A_(7) | B_(0),             NOP_VABD, F_NO64 },
    { MA | MB,          A_(7) | B_(1),             NOP_VABA, F_NO64 },
    { MA | MB | MU,     A_(8) | B_(0) | U_(0),     NOP_VADD, 0 },
    { MA | MB | MU,     A_(8) | B_(0) | U_(1),     NOP_VSUB, 0 },
    { MA | MB | MU,     A_(8) | B_(1) | U_(0),     NOP_VTST, F_NO64 },
    { MA | MB | MU,     A_(8) | B_(1) | U_(1),     NOP_VCEQ, F_NO64 },
    { MA | MB | MU,     A_(9) | B_(0) | U_(0),     NOP_VMLA, F_NO64 },
    { MA | MB | MU,     A_(9) | B_(0) | U_(1),     NOP_VMLS, F_NO64 },
    { MA | MB | MU,     A_(9) | B_(1) | U_(0),     NOP_VMUL, F_NO64 },
    { MA | MB | MU,     A_(9) | B_(1) | U_(1),     NOP_VMULP, F_S8 },
    { MA | MB,          A_(10) | B_(0),            NOP_VPMAX, F_NO64 | F_DONLY },
    { MA | MB,          A_(10) | B_(1),            NOP_VPMIN, F_NO64 | F_DONLY },
    { MA | MB | MU,     A_(11) | B_(0) | U_(0),    NOP_VQDMULH, F_S16_32 },
    { MA | MB | MU,     A_(11) | B_(0) | U_(1),    NOP_VQRDMULH, F_S16_32 },
    { MA | MB | MU,     A_(11) | B_(1) | U_(0),    NOP_VPADD, F_NO64 | F_DONLY },
    /* Floating point: C<1> (bit 21) selects, sz (bit 20) must be 0. */
    { MA | MB | MU | MC1, A_(12) | B_(1) | U_(0) | C1_(0), NOP_VFMA_F, F_F32 | F_VFP4 },
    { MA | MB | MU | MC1, A_(12) | B_(1) | U_(0) | C1_(1), NOP_VFMS_F, F_F32 | F_VFP4 },
    { MA | MB | MU | MC1, A_(13) | B_(0) | U_(0) | C1_(0), NOP_VADD_F, F_F32 },
    { MA | MB | MU | MC1, A_(13) | B_(0) | U_(0) | C1_(1), NOP_VSUB_F, F_F32 },
    { MA | MB | MU | MC1, A_(13) | B_(0) | U_(1) | C1_(0), NOP_VPADD_F, F_F32 | F_DONLY },
    { MA | MB | MU | MC1, A_(13) | B_(0) | U_(1) | C1_(1), NOP_VABD_F, F_F32 },
    { MA | MB | MU | MC1, A_(13) | B_(1) | U_(0) | C1_(0), NOP_VMLA_F, F_F32 },
    { MA | MB | MU | MC1, A_(13) | B_(1) | U_(0) | C1_(1), NOP_VMLS_F, F_F32 },
    { MA | MB | MU | MC1, A_(13) | B_(1) | U_(1) | C1_(0), NOP_VMUL_F, F_F32 },
    { MA | MB | MU | MC1, A_(14) | B_(0) | U_(0) | C1_(0), NOP_VCEQ_F, F_F32 },
    { MA | MB | MU | MC1, A_(14) | B_(0) | U_(1) | C1_(0), NOP_VCGE_F, F_F32 },
    { MA | MB | MU | MC1, A_(14) | B_(0) | U_(1) | C1_(1), NOP_VCGT_F, F_F32 },
    { MA | MB | MU | MC1, A_(14) | B_(1) | U_(1) | C1_(0), NOP_VACGE_F, F_F32 },
    { MA | MB | MU | MC1, A_(14) | B_(1) | U_(1) | C1_(1), NOP_VACGT_F, F_F32 },
    { MA | MB | MU | MC1, A_(15) | B_(0) | U_(0) | C1_(0), NOP_VMAX_F, F_F32 },
    { MA | MB | MU | MC1, A_(15) | B_(0) | U_(0) | C1_(1), NOP_VMIN_F, F_F32 },
    { MA | MB | MU | MC1, A_(15) | B_(0) | U_(1) | C1_(0), NOP_VPMAX_F, F_F32 | F_DONLY },
    { MA | MB | MU | MC1, A_(15) | B_(0) | U_(1) | C1_(1), NOP_VPMIN_F, F_F32 | F_DONLY },
    { MA | MB | MU | MC1, A_(15) | B_(1) | U_(0) | C1_(0), NOP_VRECPS_F, F_F32 },
    { MA | MB | MU | MC1, A_(15) | B_(1) | U_(0) | C1_(1), NOP_VRSQRTS_F, F_F32 },
};

/* VAND, VBIC, VORR (VMOV when Vn == Vm), VORN, VEOR, VBSL, VBIT, VBIF on
 * whole 64-bit words. */
static void gen_logic(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int kind = B(24) << 2 | (int)extract32(insn, 20, 2);
    int words = B(6) ? 2 : 1;
    ir_t n[2], m[2], d[2];

    for (int i = 0; i < words; i++) {
        n[i] = ir_new_i64(c);
        m[i] = ir_new_i64(c);
        d[i] = ir_new_i64(c);
        ir_ld_env(c, n[i], doff(vn(insn) + i), MO_64);
        ir_ld_env(c, m[i], doff(vm(insn) + i), MO_64);
        if (kind >= 5)
            ir_ld_env(c, d[i], doff(vd(insn) + i), MO_64);
    }
    for (int i = 0; i < words; i++) {
        ir_t r = ir_new_i64(c), t = ir_new_i64(c);
        switch (kind) {
        case 0: ir_and(c, r, n[i], m[i]); break;
        case 1: ir_andc(c, r, n[i], m[i]); break;
        case 2: ir_or(c, r, n[i], m[i]); break;
        case 3: ir_orc(c, r, n[i], m[i]); break;
        case 4: ir_xor(c, r, n[i], m[i]); break;
        case 5:   /* VBSL: d selects n (1) or m (0) */
            ir_and(c, t, n[i], d[i]);
            ir_andc(c, r, m[i], d[i]);
            ir_or(c, r, r, t);
            break;
        case 6:   /* VBIT: insert n where m is 1 */
            ir_and(c, t, n[i], m[i]);
            ir_andc(c, r, d[i], m[i]);
            ir_or(c, r, r, t);
            break;
        case 7:   /* VBIF: insert n where m is 0 */
            ir_andc(c, t, n[i], m[i]);
            ir_and(c, r, d[i], m[i]);
            ir_or(c, r, r, t);
            break;
        }
        d[i] = r;
    }
    for (int i = 0; i < words; i++)
        ir_st_env(c, d[i], doff(vd(insn) + i), MO_64);
}

/* VADD/VSUB.I8-I64 on whole 64-bit words (SWAR): the lanes' top bits are
 * kept out of the carry chain and put back with an exclusive or, so no
 * carry or borrow crosses a lane:
 *   add: ((a & ~H) + (b & ~H)) ^ ((a ^ b) & H)
 *   sub: ((a | H) - (b & ~H)) ^ ((a ^ ~b) & H)
 * with H the top bit of every lane (0 for 64-bit lanes: plain add/sub). */
static void gen_addsub(struct arm_dc *s, uint32_t insn, bool sub)
{
    static const uint64_t high[4] = { 0x8080808080808080ull,
                                      0x8000800080008000ull,
                                      0x8000000080000000ull, 0 };
    struct ir_ctx *c = s->c;
    uint64_t h = high[extract32(insn, 20, 2)];
    int words = B(6) ? 2 : 1;
    ir_t r[2];

    for (int i = 0; i < words; i++) {
        ir_t a = ir_new_i64(c), b = ir_new_i64(c);
        ir_ld_env(c, a, doff(vn(insn) + i), MO_64);
        ir_ld_env(c, b, doff(vm(insn) + i), MO_64);
        r[i] = ir_new_i64(c);
        if (!h) {
            if (sub)
                ir_sub(c, r[i], a, b);
            else
                ir_add(c, r[i], a, b);
            continue;
        }
        ir_t x = ir_new_i64(c), y = ir_new_i64(c), t = ir_new_i64(c);
        ir_andi(c, y, b, ~h);
        if (sub) {
            ir_ori(c, x, a, h);
            ir_sub(c, x, x, y);
            ir_xor(c, t, a, b);
            ir_not(c, t, t);      /* a ^ ~b */
        } else {
            ir_andi(c, x, a, ~h);
            ir_add(c, x, x, y);
            ir_xor(c, t, a, b);
        }
        ir_andi(c, t, t, h);
        ir_xor(c, r[i], x, t);
    }
    for (int i = 0; i < words; i++)
        ir_st_env(c, r[i], doff(vd(insn) + i), MO_64);
}

static bool trans_3same(struct arm_dc *s, uint32_t insn)
{
    const struct neon_form *f = find_form(neon_3same, ARRAY_SIZE(neon_3same),
                                          insn);
    int size = extract32(insn, 20, 2);
    bool q = B(6);

    if (!f)
        return false;
    if ((f->flags & F_F32) && B(20))
        return false;
    if (!form_ok(s, f, (f->flags & F_F32) ? 2 : size, q))
        return false;
    if (q && (insn & (ODD_D | ODD_N | ODD_M)))
        return false;
    if (f->op == OP_LOGIC)
        gen_logic(s, insn);
    else if (f->op == NOP_VADD || f->op == NOP_VSUB)
        gen_addsub(s, insn, f->op == NOP_VSUB);
    else
        call_dp(s, f->op, insn);
    return true;
}

/* ---- Three registers of different lengths ---- */

static const struct neon_form neon_3diff[] = {
    { MA,      A_(0),          NOP_VADDL, 0 },
    { MA,      A_(1),          NOP_VADDW, 0 },
    { MA,      A_(2),          NOP_VSUBL, 0 },
    { MA,      A_(3),          NOP_VSUBW, 0 },
    { MA | MU, A_(4) | U_(0),  NOP_VADDHN, 0 },
    { MA | MU, A_(4) | U_(1),  NOP_VRADDHN, 0 },
    { MA,      A_(5),          NOP_VABAL, 0 },
    { MA | MU, A_(6) | U_(0),  NOP_VSUBHN, 0 },
    { MA | MU, A_(6) | U_(1),  NOP_VRSUBHN, 0 },
    { MA,      A_(7),          NOP_VABDL, 0 },
    { MA,      A_(8),          NOP_VMLAL, 0 },
    { MA | MU, A_(9) | U_(0),  NOP_VQDMLAL, F_S16_32 },
    { MA,      A_(10),         NOP_VMLSL, 0 },
    { MA | MU, A_(11) | U_(0), NOP_VQDMLSL, F_S16_32 },
    { MA,      A_(12),         NOP_VMULL, 0 },
    { MA | MU, A_(13) | U_(0), NOP_VQDMULL, F_S16_32 },
    { MA | MU, A_(14) | U_(0), NOP_VMULLP, F_S8 },
};

static bool trans_3diff(struct arm_dc *s, uint32_t insn)
{
    const struct neon_form *f = find_form(neon_3diff, ARRAY_SIZE(neon_3diff),
                                          insn);
    if (!form_ok(s, f, extract32(insn, 20, 2), false))
        return false;
    switch (f->op) {
    case NOP_VADDHN: case NOP_VRADDHN: case NOP_VSUBHN: case NOP_VRSUBHN:
        if (insn & (ODD_N | ODD_M))
            return false;
        break;
    case NOP_VADDW: case NOP_VSUBW:
        if (insn & (ODD_D | ODD_N))
            return false;
        break;
    default:
        if (insn & ODD_D)
            return false;
        break;
    }
    call_dp(s, f->op, insn);
    return true;
}

/* ---- Two registers and a scalar ---- */

static const struct neon_form neon_scalar[] = {
    { MA,      A_(0),          NOP_VMLA_S, 0 },
    { MA,      A_(1),          NOP_VMLA_SF, F_SZ32 },
    { MA,      A_(2),          NOP_VMLAL_S, 0 },
    { MA | MU, A_(3) | U_(0),  NOP_VQDMLAL_S, 0 },
    { MA,      A_(4),          NOP_VMLS_S, 0 },
    { MA,      A_(5),          NOP_VMLS_SF, F_SZ32 },
    { MA,      A_(6),          NOP_VMLSL_S, 0 },
    { MA | MU, A_(7) | U_(0),  NOP_VQDMLSL_S, 0 },
    { MA,      A_(8),          NOP_VMUL_S, 0 },
    { MA,      A_(9),          NOP_VMUL_SF, F_SZ32 },
    { MA,      A_(10),         NOP_VMULL_S, 0 },
    { MA | MU, A_(11) | U_(0), NOP_VQDMULL_S, 0 },
    { MA,      A_(12),         NOP_VQDMULH_S, 0 },
    { MA,      A_(13),         NOP_VQRDMULH_S, 0 },
};

static bool trans_scalar(struct arm_dc *s, uint32_t insn)
{
    const struct neon_form *f = find_form(neon_scalar, ARRAY_SIZE(neon_scalar),
                                          insn);
    int size = extract32(insn, 20, 2);
    if (!form_ok(s, f, size, false) || size == 0)
        return false;
    switch (f->op) {
    case NOP_VMLAL_S: case NOP_VQDMLAL_S: case NOP_VMLSL_S:
    case NOP_VQDMLSL_S: case NOP_VMULL_S: case NOP_VQDMULL_S:
        if (insn & ODD_D)
            return false;
        break;
    default:   /* Q is bit 24 */
        if (B(24) && (insn & (ODD_D | ODD_N)))
            return false;
        break;
    }
    call_dp(s, f->op, insn);
    return true;
}

/* ---- Two registers and a shift amount ---- */

#define ML 0x00000080u
#define MQ 0x00000040u
#define L_(l) ((uint32_t)(l) << 7)
#define Q_(q) ((uint32_t)(q) << 6)

static const struct neon_form neon_shift[] = {
    { MA,                A_(0),                     NOP_VSHR, 0 },
    { MA,                A_(1),                     NOP_VSRA, 0 },
    { MA,                A_(2),                     NOP_VRSHR, 0 },
    { MA,                A_(3),                     NOP_VRSRA, 0 },
    { MA | MU,           A_(4) | U_(1),             NOP_VSRI, 0 },
    { MA | MU,           A_(5) | U_(0),             NOP_VSHL_I, 0 },
    { MA | MU,           A_(5) | U_(1),             NOP_VSLI, 0 },
    { MA | MU,           A_(6) | U_(1),             NOP_VQSHLU_I, 0 },
    { MA,                A_(7),                     NOP_VQSHL_I, 0 },
    { MA | MU | MQ | ML, A_(8) | U_(0) | Q_(0),     NOP_VSHRN, 0 },
    { MA | MU | MQ | ML, A_(8) | U_(0) | Q_(1),     NOP_VRSHRN, 0 },
    { MA | MU | MQ | ML, A_(8) | U_(1) | Q_(0),     NOP_VQSHRUN, 0 },
    { MA | MU | MQ | ML, A_(8) | U_(1) | Q_(1),     NOP_VQRSHRUN, 0 },
    { MA | MQ | ML,      A_(9) | Q_(0),             NOP_VQSHRN, 0 },
    { MA | MQ | ML,      A_(9) | Q_(1),             NOP_VQRSHRN, 0 },
    { MA | MQ | ML,      A_(10) | Q_(0),            NOP_VSHLL, 0 },
    { 0xf00 | ML,        A_(14),                    NOP_VCVT_FROM_FIXED, 0 },
    { 0xf00 | ML,        A_(15),                    NOP_VCVT_TO_FIXED, 0 },
};

static bool trans_shift(struct arm_dc *s, uint32_t insn)
{
    const struct neon_form *f = find_form(neon_shift, ARRAY_SIZE(neon_shift),
                                          insn);
    bool q = B(6);
    int imm6 = extract32(insn, 16, 6);
    if (!form_ok(s, f, 0, false))
        return false;
    switch (f->op) {
    case NOP_VSHRN: case NOP_VRSHRN: case NOP_VQSHRUN: case NOP_VQRSHRUN:
    case NOP_VQSHRN: case NOP_VQRSHRN:
        if (insn & ODD_M)
            return false;
        break;
    case NOP_VSHLL:
        if (insn & ODD_D)
            return false;
        break;
    case NOP_VCVT_FROM_FIXED: case NOP_VCVT_TO_FIXED:
        if (!(imm6 & 0x20))
            return false;
        /* fall through */
    default:
        if (q && (insn & (ODD_D | ODD_M)))
            return false;
        break;
    }
    call_dp(s, f->op, insn);
    return true;
}

/* ---- One register and a modified immediate ---- */

static bool trans_modimm(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int cmode = extract32(insn, 8, 4), op = B(5);
    uint32_t imm8 = B(24) << 7 | extract32(insn, 16, 3) << 4 |
                    extract32(insn, 0, 4);
    int words = B(6) ? 2 : 1, d = vd(insn);
    bool orr_bic = (cmode & 1) && cmode < 12;

    if (op && cmode == 15)
        return false;
    if (B(6) && (insn & ODD_D))
        return false;
    uint64_t imm = neon_expand_imm(cmode, op, imm8);
    if (op && !orr_bic && cmode != 14)
        imm = ~imm;   /* VMVN */
    for (int i = 0; i < words; i++) {
        if (!orr_bic) {
            ir_st_env(c, ir_const_i64(c, imm), doff(d + i), MO_64);
            continue;
        }
        ir_t v = ir_new_i64(c);
        ir_ld_env(c, v, doff(d + i), MO_64);
        if (op)
            ir_and(c, v, v, ir_const_i64(c, ~imm));   /* VBIC */
        else
            ir_or(c, v, v, ir_const_i64(c, imm));     /* VORR */
        ir_st_env(c, v, doff(d + i), MO_64);
    }
    return true;
}

/* ---- Two registers, miscellaneous ---- */

#define MA2 0x00030000u
#define MB2 0x00000780u
#define A2_(a) ((uint32_t)(a) << 16)
#define B2_(b) ((uint32_t)(b) << 7)

static const struct neon_form neon_2misc[] = {
    { MA2 | MB2,          A2_(0) | B2_(0),        NOP_VREV64, F_NO64 },
    { MA2 | MB2,          A2_(0) | B2_(1),        NOP_VREV32, F_S8_16 },
    { MA2 | MB2,          A2_(0) | B2_(2),        NOP_VREV16, F_S8 },
    { MA2 | 0x700,        A2_(0) | B2_(4),        NOP_VPADDL, F_NO64 },
    { MA2 | MB2,          A2_(0) | B2_(8),        NOP_VCLS, F_NO64 },
    { MA2 | MB2,          A2_(0) | B2_(9),        NOP_VCLZ, F_NO64 },
    { MA2 | MB2,          A2_(0) | B2_(10),       NOP_VCNT, F_S8 },
    { MA2 | MB2,          A2_(0) | B2_(11),       NOP_VMVN, F_S8 },
    { MA2 | 0x700,        A2_(0) | B2_(12),       NOP_VPADAL, F_NO64 },
    { MA2 | MB2,          A2_(0) | B2_(14),       NOP_VQABS, F_NO64 },
    { MA2 | MB2,          A2_(0) | B2_(15),       NOP_VQNEG, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(0),        NOP_VCGT0, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(1),        NOP_VCGE0, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(2),        NOP_VCEQ0, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(3),        NOP_VCLE0, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(4),        NOP_VCLT0, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(6),        NOP_VABS, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(7),        NOP_VNEG, F_NO64 },
    { MA2 | MB2,          A2_(1) | B2_(8),        NOP_VCGT0_F, F_SZ32 },
    { MA2 | MB2,          A2_(1) | B2_(9),        NOP_VCGE0_F, F_SZ32 },
    { MA2 | MB2,          A2_(1) | B2_(10),       NOP_VCEQ0_F, F_SZ32 },
    { MA2 | MB2,          A2_(1) | B2_(11),       NOP_VCLE0_F, F_SZ32 },
    { MA2 | MB2,          A2_(1) | B2_(12),       NOP_VCLT0_F, F_SZ32 },
    { MA2 | MB2,          A2_(1) | B2_(14),       NOP_VABS_F, F_SZ32 },
    { MA2 | MB2,          A2_(1) | B2_(15),       NOP_VNEG_F, F_SZ32 },
    { MA2 | MB2,          A2_(2) | B2_(0),        NOP_VSWP, F_S8 },
    { MA2 | MB2,          A2_(2) | B2_(1),        NOP_VTRN, F_NO64 },
    { MA2 | MB2,          A2_(2) | B2_(2),        NOP_VUZP, F_NO64 | F_NOT_D32 },
    { MA2 | MB2,          A2_(2) | B2_(3),        NOP_VZIP, F_NO64 | F_NOT_D32 },
    { MA2 | MB2 | MQ,     A2_(2) | B2_(4) | Q_(0), NOP_VMOVN, F_NO64 },
    { MA2 | MB2 | MQ,     A2_(2) | B2_(4) | Q_(1), NOP_VQMOVUN, F_NO64 },
    { MA2 | MB2,          A2_(2) | B2_(5),        NOP_VQMOVN, F_NO64 },
    { MA2 | MB2 | MQ,     A2_(2) | B2_(6) | Q_(0), NOP_VSHLL_MAX, F_NO64 },
    { MA2 | MB2 | MQ,     A2_(2) | B2_(12) | Q_(0), NOP_VCVT_F16_F32, F_SZ16 | F_FP16 },
    { MA2 | MB2 | MQ,     A2_(2) | B2_(14) | Q_(0), NOP_VCVT_F32_F16, F_SZ16 | F_FP16 },
    { MA2 | 0x680,        A2_(3) | 0x400,         NOP_VRECPE, F_SZ32 },   /* 10x0: F = bit 8 */
    { MA2 | 0x680,        A2_(3) | 0x480,         NOP_VRSQRTE, F_SZ32 },  /* 10x1 */
    { MA2 | 0x600,        A2_(3) | 0x600,         NOP_VCVT_F32_S32, F_SZ32 }, /* 11 op */
};

static bool trans_2misc(struct arm_dc *s, uint32_t insn)
{
    const struct neon_form *f = find_form(neon_2misc, ARRAY_SIZE(neon_2misc),
                                          insn);
    int size = extract32(insn, 18, 2), op;
    bool q = B(6);

    if (!form_ok(s, f, size, q))
        return false;
    op = f->op;
    switch (op) {
    case NOP_VRECPE: case NOP_VRSQRTE:
        if (B(8))
            op = op == NOP_VRECPE ? NOP_VRECPE_F : NOP_VRSQRTE_F;
        break;
    case NOP_VCVT_F32_S32:
        op += extract32(insn, 7, 2);
        break;
    }
    switch (op) {
    case NOP_VMOVN: case NOP_VQMOVUN: case NOP_VQMOVN: case NOP_VCVT_F16_F32:
        if (insn & ODD_M)
            return false;
        break;
    case NOP_VSHLL_MAX: case NOP_VCVT_F32_F16:
        if (insn & ODD_D)
            return false;
        break;
    default:
        if (q && (insn & (ODD_D | ODD_M)))
            return false;
        break;
    }
    call_dp(s, op, insn);
    return true;
}

/* ---- VEXT, VTBL/VTBX, VDUP (scalar) ---- */

static bool trans_VEXT(struct arm_dc *s, uint32_t insn)
{
    bool q = B(6);
    if (q ? (insn & (ODD_D | ODD_N | ODD_M)) != 0 : B(11))
        return false;
    call_dp(s, NOP_VEXT, insn);
    return true;
}

static bool trans_VTBL(struct arm_dc *s, uint32_t insn)
{
    if (vn(insn) + (int)extract32(insn, 8, 2) + 1 > 32)
        return false;
    call_dp(s, NOP_VTBL, insn);
    return true;
}

static bool trans_VDUP_scalar(struct arm_dc *s, uint32_t insn)
{
    if ((extract32(insn, 16, 4) & 7) == 0 || (B(6) && (insn & ODD_D)))
        return false;
    call_dp(s, NOP_VDUP_S, insn);
    return true;
}

static bool trans_udef(struct arm_dc *s, uint32_t insn)
{
    return false;
}

/* The A32 forms (1111 001U ... and 1111 0100 xxx0 ...). */
static const struct arm_pattern neon_patterns[] = {
    { 0xfe800000, 0xf2000000, "three registers, same length", trans_3same, ARM_NOFEAT },
    { 0xfeb80090, 0xf2800010, "one register and modified immediate", trans_modimm, ARM_NOFEAT },
    { 0xfe800010, 0xf2800010, "two registers and shift amount", trans_shift, ARM_NOFEAT },
    { 0xffb00010, 0xf2b00000, "VEXT", trans_VEXT, ARM_NOFEAT },
    { 0xffb00810, 0xf3b00000, "two registers, miscellaneous", trans_2misc, ARM_NOFEAT },
    { 0xffb00c10, 0xf3b00800, "VTBL/VTBX", trans_VTBL, ARM_NOFEAT },
    { 0xffb00f90, 0xf3b00c00, "VDUP (scalar)", trans_VDUP_scalar, ARM_NOFEAT },
    { 0xfeb00010, 0xf2b00000, "UNDEFINED (size 11)", trans_udef, ARM_NOFEAT },
    { 0xfe800050, 0xf2800000, "three registers, different lengths", trans_3diff, ARM_NOFEAT },
    { 0xfe800050, 0xf2800040, "two registers and a scalar", trans_scalar, ARM_NOFEAT },
    { 0xff100000, 0xf4000000, "element and structure load/store", arm_neon_trans_ldst, ARM_NOFEAT },
};

bool arm_neon_trans(struct arm_dc *s, uint32_t insn)
{
    for (size_t i = 0; i < ARRAY_SIZE(neon_patterns); i++) {
        const struct arm_pattern *p = &neon_patterns[i];
        if ((insn & p->mask) == p->value)
            return p->trans(s, insn);
    }
    return false;
}

/* T32: 111U 1111 xxxx... is 1111 001U xxxx..., 1111 1001 xxx0 is
 * 1111 0100 xxx0. */
bool arm_neon_trans_t32(struct arm_dc *s, uint32_t insn)
{
    uint32_t a32;
    if ((insn >> 24) == 0xf9)
        a32 = 0xf4000000u | (insn & 0x00ffffffu);
    else
        a32 = 0xf2000000u | ((insn >> 28) & 1) << 24 | (insn & 0x00ffffffu);
    return arm_neon_trans(s, a32);
}

/* ---- Transfers between core registers and scalars (cp11 space) ---- */

/* VMOV.8/.16 core to scalar: cond 1110 0 opc1 0 Vd Rt 1011 D opc2 1 0000 */
static bool trans_VMOV_to_scalar(struct arm_dc *s, uint32_t insn)
{
    int opc = B(22) << 3 | B(21) << 2 | (int)extract32(insn, 5, 2);
    int rt = extract32(insn, 12, 4), d = B(7) << 4 | (int)extract32(insn, 16, 4);
    int size, idx;
    if (opc & 8) {
        size = 0;
        idx = opc & 7;
    } else if (opc & 1) {
        size = 1;
        idx = (opc >> 1) & 3;
    } else {
        return false;   /* .32 is VFP's; opc 0x10 is UNDEFINED */
    }
    if (rt == 15 || (s->thumb && rt == 13))
        return false;
    ir_st_env(s->c, arm_load_reg(s, rt), doff(d) + (idx << size),
              size ? MO_16 : MO_8);
    return true;
}

/* VMOV scalar to core: cond 1110 U opc1 1 Vn Rt 1011 N opc2 1 0000 */
static bool trans_VMOV_from_scalar(struct arm_dc *s, uint32_t insn)
{
    int opc = B(22) << 3 | B(21) << 2 | (int)extract32(insn, 5, 2);
    int rt = extract32(insn, 12, 4), n = B(7) << 4 | (int)extract32(insn, 16, 4);
    int size, idx;
    if (opc & 8) {
        size = 0;
        idx = opc & 7;
    } else if (opc & 1) {
        size = 1;
        idx = (opc >> 1) & 3;
    } else {
        return false;
    }
    if (rt == 15 || (s->thumb && rt == 13))
        return false;
    ir_t v = ir_new_i32(s->c);
    ir_ld_env(s->c, v, doff(n) + (idx << size),
              (size ? MO_16 : MO_8) | (B(23) ? 0 : MO_SIGN));
    arm_store_reg(s, rt, v);
    return true;
}

/* VDUP (core register): cond 1110 1 B Q 0 Vd Rt 1011 D 0 E 1 0000 */
static bool trans_VDUP_core(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int be = B(22) << 1 | B(5), rt = extract32(insn, 12, 4);
    int d = B(7) << 4 | (int)extract32(insn, 16, 4), words = B(21) ? 2 : 1;
    if (be == 3 || rt == 15 || (s->thumb && rt == 13) ||
        (B(21) && (d & 1)))
        return false;
    ir_t v = ir_new_i32(c), v64 = ir_new_i64(c);
    switch (be) {
    case 2:   /* 8-bit */
        ir_ext8u(c, v, arm_load_reg(s, rt));
        ir_mul(c, v, v, ir_const_i32(c, 0x01010101u));
        break;
    case 1:   /* 16-bit */
        ir_ext16u(c, v, arm_load_reg(s, rt));
        ir_mul(c, v, v, ir_const_i32(c, 0x00010001u));
        break;
    default:
        ir_mov(c, v, arm_load_reg(s, rt));
        break;
    }
    ir_concat_i32_i64(c, v64, v, v);
    for (int i = 0; i < words; i++)
        ir_st_env(c, v64, doff(d + i), MO_64);
    return true;
}

const struct arm_pattern arm_neon_cp_patterns[] = {
    { 0x0f900f1f, 0x0e000b10, "VMOV (core to scalar)", trans_VMOV_to_scalar, ARM_FEATURE_NEON },
    { 0x0f100f1f, 0x0e100b10, "VMOV (scalar to core)", trans_VMOV_from_scalar, ARM_FEATURE_NEON },
    { 0x0f900f5f, 0x0e800b10, "VDUP (core register)", trans_VDUP_core, ARM_FEATURE_NEON },
};
const int arm_neon_cp_npatterns = ARRAY_SIZE(arm_neon_cp_patterns);
