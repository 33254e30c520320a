/*
 * Advanced SIMD integer lane arithmetic: one lane at a time, following the
 * ARM ARM pseudo-code (SatQ, the shift-by-register rules, polynomial
 * multiplication, the reciprocal estimates).  Lanes are raw bits of size
 * 8 << s; everything is computed on 128-bit integers so that no
 * intermediate (a 64-bit sum, a doubled product) can overflow.
 */
#include "target/arm/neon.h"

/* SatQ: clamp to the signed or unsigned range of the lane size. */
uint64_t neon_sat(__int128 v, int s, bool uns, uint32_t *qc)
{
    int bits = 8 << s;
    __int128 max = uns ? ((__int128)1 << bits) - 1
                       : ((__int128)1 << (bits - 1)) - 1;
    __int128 min = uns ? 0 : -((__int128)1 << (bits - 1));
    if (v > max) {
        *qc = 1;
        v = max;
    } else if (v < min) {
        *qc = 1;
        v = min;
    }
    return (uint64_t)v & neon_mask(s);
}

/*
 * Shift a lane by a signed count (VSHL/VRSHL/VQSHL/VQRSHL by register and
 * the immediate forms): left when positive, right (rounding when asked)
 * when negative.  uns: the operand is unsigned; uns_out: the saturated
 * result is (VQSHLU takes a signed operand to an unsigned result).
 */
uint64_t neon_shl(uint64_t a, int shift, int s, bool uns, bool round,
                  bool saturate, bool uns_out, uint32_t *qc)
{
    __int128 v = neon_val(a, s, uns), r;
    int bits = 8 << s;

    if (shift >= 0) {
        if (!saturate)
            return shift >= bits ? 0 : (a << shift) & neon_mask(s);
        if (v == 0)
            return 0;
        if (shift >= bits)   /* any non-zero value saturates */
            return neon_sat(v < 0 ? -((__int128)1 << 100)
                                  : ((__int128)1 << 100), s, uns_out, qc);
        r = v << shift;
    } else {
        int n = -shift > 100 ? 100 : -shift;
        if (round)
            v += (__int128)1 << (n - 1);
        r = v >> n;
    }
    return saturate ? neon_sat(r, s, uns_out, qc) : (uint64_t)r & neon_mask(s);
}

static uint64_t cmp_mask(bool c, int s)
{
    return c ? neon_mask(s) : 0;
}

/* Integer three-same operations on one lane (d is the destination lane
 * for the accumulating and bitwise-select forms). */
uint64_t neon_int_3same(int op, int s, bool uns, uint64_t a, uint64_t b,
                        uint64_t d, uint32_t *qc)
{
    uint64_t m = neon_mask(s);
    int bits = 8 << s;

    /* U is the rounding bit of VQRDMULH, not a signedness */
    if (op == NOP_VQRDMULH)
        uns = false;
    __int128 va = neon_val(a, s, uns), vb = neon_val(b, s, uns);

    switch (op) {
    case NOP_VHADD: return (uint64_t)((va + vb) >> 1) & m;
    case NOP_VRHADD: return (uint64_t)((va + vb + 1) >> 1) & m;
    case NOP_VHSUB: return (uint64_t)((va - vb) >> 1) & m;
    case NOP_VQADD: return neon_sat(va + vb, s, uns, qc);
    case NOP_VQSUB: return neon_sat(va - vb, s, uns, qc);
    case NOP_VCGT: return cmp_mask(va > vb, s);
    case NOP_VCGE: return cmp_mask(va >= vb, s);
    case NOP_VSHL:   /* VSHL Dd, Dm, Dn: Dm shifted by Dn */
        return neon_shl(b, (int8_t)a, s, uns, false, false, uns, qc);
    case NOP_VRSHL:   /* VSHL Dd, Dm, Dn: Dm shifted by Dn */
        return neon_shl(b, (int8_t)a, s, uns, true, false, uns, qc);
    case NOP_VQSHL:   /* VSHL Dd, Dm, Dn: Dm shifted by Dn */
        return neon_shl(b, (int8_t)a, s, uns, false, true, uns, qc);
    case NOP_VQRSHL:   /* VSHL Dd, Dm, Dn: Dm shifted by Dn */
        return neon_shl(b, (int8_t)a, s, uns, true, true, uns, qc);
    case NOP_VMAX: case NOP_VPMAX: return (va > vb ? a : b) & m;
    case NOP_VMIN: case NOP_VPMIN: return (va < vb ? a : b) & m;
    case NOP_VABD: return (uint64_t)(va > vb ? va - vb : vb - va) & m;
    case NOP_VABA:
        return (d + (uint64_t)(va > vb ? va - vb : vb - va)) & m;
    case NOP_VADD: case NOP_VPADD: return (a + b) & m;
    case NOP_VSUB: return (a - b) & m;
    case NOP_VTST: return cmp_mask((a & b & m) != 0, s);
    case NOP_VCEQ: return cmp_mask(((a ^ b) & m) == 0, s);
    case NOP_VMLA: return (d + a * b) & m;
    case NOP_VMLS: return (d - a * b) & m;
    case NOP_VMUL: return (a * b) & m;
    case NOP_VMULP: return neon_pmul8(a, b, false);
    case NOP_VQDMULH:
        return neon_sat((2 * va * vb) >> bits, s, false, qc);
    case NOP_VQRDMULH:
        return neon_sat((2 * va * vb + ((__int128)1 << (bits - 1))) >> bits,
                        s, false, qc);
    }
    return 0;
}

/* Polynomial multiplication over {0,1} of two 8-bit lanes: the low 8
 * bits (VMUL.P8) or the 16-bit product (VMULL.P8). */
uint64_t neon_pmul8(uint64_t a, uint64_t b, bool wide)
{
    uint64_t r = 0;
    a &= 0xff;
    for (int i = 0; i < 8; i++)
        if (b & (1u << i))
            r ^= a << i;
    return wide ? r & 0xffff : r & 0xff;
}

int neon_clz(uint64_t v, int s)
{
    int bits = 8 << s;
    v &= neon_mask(s);
    for (int i = bits - 1; i >= 0; i--)
        if (v & (1ull << i))
            return bits - 1 - i;
    return bits;
}

/* Leading sign bits, not counting the sign bit itself. */
int neon_cls(uint64_t v, int s)
{
    uint64_t x = (v ^ (v >> 1)) & (neon_mask(s) >> 1);
    return neon_clz(x, s) - 1;
}

/* RecipEstimate / RecipSqrtEstimate of the ARM ARM on a fraction held as
 * an integer: a = q / 512 with 256 <= q < 512 (recip) or 128 <= q < 512
 * (rsqrt); the result s / 256, 256 <= s < 512. */
int neon_recip_estimate(int q)
{
    /* r = 1 / ((q + 0.5) / 512); s = floor(256 r + 0.5) */
    return (int)((2 * 256 * 512 * 2 / (2 * q + 1) + 1) / 2);
}

int neon_rsqrt_estimate(int q)
{
    /* q < 256: a = q/512, q0 = q; else q1 = q / 2 of a = q1/256.
     * r = 1/sqrt((q0 + 0.5)/512) or 1/sqrt((q1 + 0.5)/256);
     * s = floor(256 r + 0.5): the largest s with (s - 0.5)^2 * x <= 65536
     * where x is the divided value; exact integer search. */
    long num, den;
    if (q < 256) {
        num = 2 * q + 1;
        den = 1024;
    } else {
        num = 2 * (q >> 1) + 1;
        den = 512;
    }
    /* 256 r + 0.5 >= s  <=>  (2s - 1)^2 * num <= 4 * 65536 * den */
    int s = 256;
    while (s < 512 && (long)(2 * (s + 1) - 1) * (2 * (s + 1) - 1) * num <=
                          4L * 65536 * den)
        s++;
    return s;
}

/* UnsignedRecipEstimate (VRECPE.U32). */
uint32_t neon_recpe_u32(uint32_t a)
{
    if (!(a & 0x80000000u))
        return 0xffffffffu;
    return (uint32_t)neon_recip_estimate(a >> 23) << 23;
}

/* UnsignedRSqrtEstimate (VRSQRTE.U32). */
uint32_t neon_rsqrte_u32(uint32_t a)
{
    if (!(a & 0xc0000000u))
        return 0xffffffffu;
    /* 0.1xxx or 0.01xx: either way q = a[31:23] in 512ths */
    return (uint32_t)neon_rsqrt_estimate((int)(a >> 23)) << 23;
}

/*
 * AdvSIMDExpandImm: cmode selects where imm8 goes (32-bit lanes shifted
 * by 0/8/16/24, 16-bit lanes shifted by 0/8, the "shifted ones" forms,
 * 8-bit lanes, the byte mask of op=1 cmode=1110 and the float immediate
 * of cmode=1111).
 */
uint64_t neon_expand_imm(int cmode, int op, uint32_t imm8)
{
    uint64_t i = imm8, w;
    switch (cmode >> 1) {
    case 0: w = i; break;
    case 1: w = i << 8; break;
    case 2: w = i << 16; break;
    case 3: w = i << 24; break;
    case 4: return i * 0x0001000100010001ull;
    case 5: return (i << 8) * 0x0001000100010001ull;
    case 6:
        w = (cmode & 1) ? (i << 16 | 0xffff) : (i << 8 | 0xff);
        break;
    default:
        if (!(cmode & 1)) {
            if (!op)
                return i * 0x0101010101010101ull;
            uint64_t r = 0;
            for (int b = 0; b < 8; b++)
                if (imm8 & (1u << b))
                    r |= 0xffull << (8 * b);
            return r;
        }
        /* cmode 1111, op 0: the VFP-style single-precision immediate */
        w = (uint64_t)(imm8 & 0x80) << 24 |
            (uint64_t)((imm8 & 0x40) ? 0x3e000000u : 0x40000000u) |
            (uint64_t)(imm8 & 0x3f) << 19;
        break;
    }
    return w | w << 32;
}
