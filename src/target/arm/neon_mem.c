/*
 * Advanced SIMD element and structure loads/stores (VLD1-4/VST1-4):
 * multiple structures, one lane, and one element to all lanes, with the
 * alignment hint (a misaligned address raises EXCP_UNALIGNED: SIGBUS in
 * user mode) and post-increment by the transfer size (Rm = 13) or by a
 * register.  A32 form: 1111 0100 A D L 0 Rn Vd type size align Rm.
 *
 * The transfer becomes a list of (register, lane) elements at increasing
 * addresses, emitted as IR guest accesses of the element size.  Loads go
 * to temporaries first and registers (and the base writeback) are written
 * only after every access succeeded, so a fault changes nothing.
 */
#include <stddef.h>

#include "target/arm/translate.h"
#include "target/arm/neon.h"
#include "util/bits.h"

#define B(pos) ((int)extract32(insn, pos, 1))

/* At most 4 registers of 8 byte lanes. */
#define MAX_ELEMS 32

struct xfer {
    int n;                  /* elements */
    int size;               /* log2 of the element size in bytes */
    uint8_t reg[MAX_ELEMS]; /* D register */
    uint8_t lane[MAX_ELEMS];
    int bytes;              /* total transferred: the writeback amount */
    int align;              /* required alignment in bytes (1: none) */
    bool all_lanes;         /* load one element into every lane of regs */
    int nregs_all;          /* registers each element is replicated to */
    int inc_all;
    bool whole_regs;        /* VLD1/VST1 (multiple): registers in order */
};

static void add(struct xfer *x, int reg, int lane)
{
    x->reg[x->n] = (uint8_t)reg;
    x->lane[x->n] = (uint8_t)lane;
    x->n++;
}

/* Multiple structures: type (bits 11:8) gives n, the register count and
 * the spacing of the registers of one structure. */
static bool decode_multiple(uint32_t insn, struct xfer *x)
{
    int type = extract32(insn, 8, 4), size = extract32(insn, 6, 2);
    int align = extract32(insn, 4, 2);
    int d = B(22) << 4 | (int)extract32(insn, 12, 4);
    int nstruct, regs, inc;

    switch (type) {
    case 7: nstruct = 1; regs = 1; inc = 1; if (align & 2) return false; break;
    case 10: nstruct = 1; regs = 2; inc = 1; if (align == 3) return false; break;
    case 6: nstruct = 1; regs = 3; inc = 1; if (align & 2) return false; break;
    case 2: nstruct = 1; regs = 4; inc = 1; break;
    case 8: case 9:
        nstruct = 2; regs = 1; inc = type - 7;
        if (align == 3 || size == 3) return false;
        break;
    case 3: nstruct = 2; regs = 2; inc = 2; if (size == 3) return false; break;
    case 4: case 5:
        nstruct = 3; regs = 1; inc = type - 3;
        if ((align & 2) || size == 3) return false;
        break;
    case 0: case 1:
        nstruct = 4; regs = 1; inc = type + 1;
        if (size == 3) return false;
        break;
    default:
        return false;
    }
    if (nstruct == 1 ? d + regs > 32 : d + (nstruct - 1) * inc + regs > 32)
        return false;
    x->size = size;
    x->align = align ? 4 << align : 1;
    /* for r, for e, for each structure member (VLD1: one member) */
    int elems = 8 >> size;
    for (int r = 0; r < regs; r++)
        for (int e = 0; e < elems; e++)
            for (int k = 0; k < nstruct; k++)
                add(x, d + k * inc + r, e);
    x->bytes = 8 * regs * nstruct;
    x->whole_regs = nstruct == 1;
    return true;
}

/* One lane: bits 11:10 size, 9:8 n-1, 7:4 index_align. */
static bool decode_lane(uint32_t insn, struct xfer *x)
{
    int size = extract32(insn, 10, 2), nm1 = extract32(insn, 8, 2);
    int ia = extract32(insn, 4, 4);
    int d = B(22) << 4 | (int)extract32(insn, 12, 4);
    int index = ia >> (size + 1), inc = 1, align = 1;
    int ebytes = 1 << size;

    switch (nm1) {
    case 0:   /* VLD1/VST1 */
        if (size == 0 && (ia & 1)) return false;
        if (size == 1 && (ia & 2)) return false;
        if (size == 2 && ((ia & 4) || ((ia & 3) != 0 && (ia & 3) != 3)))
            return false;
        align = (ia & 1) ? ebytes : 1;
        break;
    case 1:   /* VLD2/VST2 */
        if (size == 2 && (ia & 2)) return false;
        if (size > 0 && (ia & (size == 1 ? 2 : 4))) inc = 2;
        align = (ia & 1) ? 2 * ebytes : 1;
        break;
    case 2:   /* VLD3/VST3 */
        if (size < 2 ? (ia & 1) : (ia & 3)) return false;
        if (size > 0 && (ia & (size == 1 ? 2 : 4))) inc = 2;
        break;
    case 3:   /* VLD4/VST4 */
        if (size == 2 && (ia & 3) == 3) return false;
        if (size > 0 && (ia & (size == 1 ? 2 : 4))) inc = 2;
        if (size == 2)
            align = (ia & 3) ? 4 << (ia & 3) : 1;
        else
            align = (ia & 1) ? 4 * ebytes : 1;
        break;
    }
    if (d + nm1 * inc > 31)
        return false;
    x->size = size;
    x->align = align;
    for (int k = 0; k <= nm1; k++)
        add(x, d + k * inc, index);
    x->bytes = (nm1 + 1) * ebytes;
    return true;
}

/* One element to all lanes (loads only): bits 9:8 n-1, 7:6 size, 5 T,
 * 4 a. */
static bool decode_all(uint32_t insn, struct xfer *x)
{
    int nm1 = extract32(insn, 8, 2), size = extract32(insn, 6, 2);
    bool t = B(5), a = B(4);
    int d = B(22) << 4 | (int)extract32(insn, 12, 4);
    int ebytes = 1 << size, inc = t ? 2 : 1, align = 1, regs = 1;

    switch (nm1) {
    case 0:
        if (size == 3 || (size == 0 && a)) return false;
        regs = t ? 2 : 1;
        inc = 1;
        align = a ? ebytes : 1;
        break;
    case 1:
        if (size == 3) return false;
        align = a ? 2 * ebytes : 1;
        break;
    case 2:
        if (size == 3 || a) return false;
        break;
    case 3:
        if (size == 3) {
            if (!a) return false;
            size = 2;
            ebytes = 4;
            align = 16;
        } else {
            align = !a ? 1 : size == 2 ? 8 : 4 * ebytes;
        }
        break;
    }
    if (nm1 == 0 ? d + regs > 32 : d + nm1 * inc > 31)
        return false;
    x->size = size;
    x->align = align;
    x->all_lanes = true;
    x->nregs_all = regs;
    x->inc_all = inc;
    for (int k = 0; k <= nm1; k++)
        add(x, d + k * inc, 0);
    x->bytes = (nm1 + 1) * ebytes;
    return true;
}

static size_t lane_off(int reg, int lane, int size)
{
    return offsetof(struct arm_cpu, vfp_d) + 8 * (size_t)reg +
           ((size_t)lane << size);
}

/* Replicate an element of 1 << size bytes over 64 bits. */
static ir_t replicate(struct ir_ctx *c, ir_t v, int size)
{
    ir_t r = ir_new_i64(c);
    static const uint64_t mul[] = { 0x0101010101010101ull,
                                    0x0001000100010001ull,
                                    0x0000000100000001ull, 1 };
    if (size == 3)
        return v;
    ir_extu_i32_i64(c, r, v);
    ir_mul(c, r, r, ir_const_i64(c, mul[size]));
    return r;
}

static void gen_align_check(struct arm_dc *s, ir_t addr, int align)
{
    struct ir_ctx *c = s->c;
    if (align <= 1)
        return;
    ir_label ok = ir_new_label(c);
    ir_t t = ir_new_i32(c);
    ir_andi(c, t, addr, align - 1);
    ir_brcondi(c, IR_COND_EQ, t, 0, ok);
    ir_t a64 = ir_new_i64(c);
    ir_extu_i32_i64(c, a64, addr);
    ir_st_env(c, a64, offsetof(struct arm_cpu, common.fault_addr), MO_64);
    ir_raise(c, EXCP_UNALIGNED);
    ir_set_label(c, ok);
}

bool arm_neon_trans_ldst(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    struct xfer x = { 0 };
    bool load = B(21);
    int rn = extract32(insn, 16, 4), rm = extract32(insn, 0, 4);
    bool ok;

    if (!B(23))
        ok = decode_multiple(insn, &x);
    else if (extract32(insn, 10, 2) == 3)
        ok = load && decode_all(insn, &x);
    else
        ok = decode_lane(insn, &x);
    if (!ok || rn == 15)
        return false;
    if (x.whole_regs && !s->be_data && x.size < 3) {
        /* Little-endian VLD1/VST1: each register is 8 consecutive bytes
         * whatever the element size, so move it as one 64-bit access
         * (no alignment is implied: the hint was taken from the
         * encoding already). */
        int first = x.reg[0], nregs = x.bytes / 8;
        x.n = 0;
        x.size = 3;
        for (int r = 0; r < nregs; r++)
            add(&x, first + r, 0);
    }

    ir_t base = arm_load_reg(s, rn);
    gen_align_check(s, base, x.align);

    enum ir_memop mo = arm_mo(s, (enum ir_memop)x.size);
    int eb = 1 << x.size;
    ir_t vals[MAX_ELEMS];
    for (int i = 0; i < x.n; i++) {
        ir_t a = ir_new_i32(c);
        ir_addi(c, a, base, i * eb);
        if (load) {
            vals[i] = x.size == 3 ? ir_new_i64(c) : ir_new_i32(c);
            ir_guest_ld(c, vals[i], a, mo);
        } else {
            ir_t v = x.size == 3 ? ir_new_i64(c) : ir_new_i32(c);
            ir_ld_env(c, v, lane_off(x.reg[i], x.lane[i], x.size),
                      (enum ir_memop)x.size);
            ir_guest_st(c, v, a, mo);
        }
    }
    if (load) {
        for (int i = 0; i < x.n; i++) {
            if (!x.all_lanes) {
                ir_st_env(c, vals[i], lane_off(x.reg[i], x.lane[i], x.size),
                          (enum ir_memop)x.size);
                continue;
            }
            ir_t r = replicate(c, vals[i], x.size);
            for (int k = 0; k < x.nregs_all; k++)
                ir_st_env(c, r, lane_off(x.reg[i] + k, 0, 0), MO_64);
        }
    }
    if (rm != 15) {
        ir_t nb = ir_new_i32(c);
        if (rm == 13)
            ir_addi(c, nb, base, x.bytes);
        else
            ir_add(c, nb, base, arm_load_reg(s, rm));
        arm_store_reg(s, rn, nb);
    }
    return true;
}
