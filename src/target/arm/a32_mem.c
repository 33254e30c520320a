/*
 * A32 loads and stores: word/byte (LDR/STR/LDRB/STRB and their T forms),
 * the extra forms (LDRH/STRH/LDRSB/LDRSH/LDRD/STRD), block transfers
 * (LDM/STM) and SWP/SWPB.
 *
 * Precise faults: a load goes to a temp, and registers (base writeback,
 * destination) are written only after every access of the instruction
 * succeeded, so a fault leaves the registers as they were.
 *
 * Misaligned word/halfword accesses are performed as misaligned accesses,
 * which is what Linux user programs see on ARMv5 with the kernel's
 * alignment fixup (and on ARMv6+ natively).
 */
#include "target/arm/translate.h"
#include "util/bits.h"

#define P_BIT (1u << 24)
#define U_BIT (1u << 23)
#define B_BIT (1u << 22)
#define W_BIT (1u << 21)
#define L_BIT (1u << 20)

/*
 * Offset addressing: returns the access address and sets *wb to the value
 * to write back to Rn (IR_NONE when there is no writeback).  P=0 is
 * post-indexed and always writes back.
 */
static ir_t gen_address(struct arm_dc *s, uint32_t insn, ir_t offset, ir_t *wb)
{
    struct ir_ctx *c = s->c;
    int rn = extract32(insn, 16, 4);
    ir_t base = arm_load_reg(s, rn);
    ir_t moved = ir_new_i32(c);

    if (insn & U_BIT)
        ir_add(c, moved, base, offset);
    else
        ir_sub(c, moved, base, offset);
    *wb = IR_NONE;
    if (!(insn & P_BIT)) {
        *wb = moved;
        return base;
    }
    if (insn & W_BIT)
        *wb = moved;
    return moved;
}

static void gen_writeback(struct arm_dc *s, uint32_t insn, ir_t wb)
{
    if (wb != IR_NONE)
        arm_store_reg(s, extract32(insn, 16, 4), wb);
}

/* ---- Word and unsigned byte (A5.2) --------------------------------------- */

static bool gen_ldst_word(struct arm_dc *s, uint32_t insn)
{
    struct ir_ctx *c = s->c;
    int rd = extract32(insn, 12, 4), rn = extract32(insn, 16, 4);
    ir_t offset, wb, addr;
    enum ir_memop mo = arm_mo(s, (insn & B_BIT) ? MO_8 : MO_32);

    if (insn & (1u << 25)) {
        int rm = extract32(insn, 0, 4);
        if (rm == 15)
            return false;
        offset = ir_new_i32(c);
        arm_gen_shift_imm(s, offset, arm_load_reg(s, rm),
                          extract32(insn, 5, 2), extract32(insn, 7, 5),
                          IR_NONE);
    } else {
        offset = ir_const_i32(c, extract32(insn, 0, 12));
    }
    addr = gen_address(s, insn, offset, &wb);
    if (wb != IR_NONE && rn == 15)
        return false;   /* writeback to the PC is UNPREDICTABLE */
    if (insn & L_BIT) {
        ir_t v = ir_new_i32(c);
        ir_guest_ld(c, v, addr, mo);
        gen_writeback(s, insn, wb);
        if (rd == 15 && (insn & B_BIT))
            return true;   /* UNPREDICTABLE; leave the PC alone */
        arm_store_reg_from_load(s, rd, v);
    } else {
        ir_guest_st(c, arm_load_reg(s, rd), addr, mo);
        gen_writeback(s, insn, wb);
    }
    return true;
}

static bool trans_LDR(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

static bool trans_STR(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

static bool trans_LDRB(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

static bool trans_STRB(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

/* The T (user-privilege) forms are post-indexed accesses; in user mode the
 * privilege is the same, so they are plain accesses. */
static bool trans_LDRT(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

static bool trans_STRT(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

static bool trans_LDRBT(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

static bool trans_STRBT(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_word(s, insn);
}

/* ---- Halfword, signed byte, doubleword (A5.3) ----------------------------- */

static ir_t gen_extra_offset(struct arm_dc *s, uint32_t insn)
{
    if (insn & B_BIT)   /* bit 22: immediate offset 11:8, 3:0 */
        return ir_const_i32(s->c, (extract32(insn, 8, 4) << 4) |
                                  extract32(insn, 0, 4));
    return arm_load_reg(s, extract32(insn, 0, 4));
}

static bool gen_ldst_extra(struct arm_dc *s, uint32_t insn, enum ir_memop mo,
                           bool load)
{
    struct ir_ctx *c = s->c;
    int rd = extract32(insn, 12, 4), rn = extract32(insn, 16, 4);
    ir_t wb;

    if (rd == 15 || (!(insn & B_BIT) && extract32(insn, 0, 4) == 15))
        return false;
    if ((!(insn & P_BIT) || (insn & W_BIT)) && rn == 15)
        return false;
    /* P=0, W=1: the unprivileged LDRHT/STRHT/LDRSBT/LDRSHT of ARMv6T2
     * (plain post-indexed accesses in user mode); UNPREDICTABLE before. */
    if (!(insn & P_BIT) && (insn & W_BIT) && !arm_has(s, ARM_FEATURE_THUMB2))
        return false;
    ir_t addr = gen_address(s, insn, gen_extra_offset(s, insn), &wb);
    if (load) {
        ir_t v = ir_new_i32(c);
        ir_guest_ld(c, v, addr, arm_mo(s, mo));
        gen_writeback(s, insn, wb);
        arm_store_reg(s, rd, v);
    } else {
        ir_guest_st(c, arm_load_reg(s, rd), addr, arm_mo(s, mo));
        gen_writeback(s, insn, wb);
    }
    return true;
}

static bool trans_LDRH(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_extra(s, insn, MO_16, true);
}

static bool trans_STRH(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_extra(s, insn, MO_16, false);
}

static bool trans_LDRSB(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_extra(s, insn, MO_8 | MO_SIGN, true);
}

static bool trans_LDRSH(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_extra(s, insn, MO_16 | MO_SIGN, true);
}

/* LDRD/STRD: Rd must be even and not r14; Rd+1 goes at address + 4. */
static bool gen_ldst_dual(struct arm_dc *s, uint32_t insn, bool load)
{
    struct ir_ctx *c = s->c;
    int rd = extract32(insn, 12, 4), rn = extract32(insn, 16, 4);
    int rm = extract32(insn, 0, 4);
    ir_t wb;

    if ((rd & 1) || rd == 14)
        return false;
    if (!(insn & B_BIT) && (rm == 15 || (load && (rm == rd || rm == rd + 1))))
        return false;
    if ((!(insn & P_BIT) || (insn & W_BIT)) &&
        (rn == 15 || (load && (rn == rd || rn == rd + 1))))
        return false;
    if (!(insn & P_BIT) && (insn & W_BIT))
        return false;
    ir_t addr = gen_address(s, insn, gen_extra_offset(s, insn), &wb);
    ir_t addr2 = ir_new_i32(c);
    ir_addi(c, addr2, addr, 4);
    if (load) {
        ir_t v1 = ir_new_i32(c), v2 = ir_new_i32(c);
        ir_guest_ld(c, v1, addr, arm_mo(s, MO_32));
        ir_guest_ld(c, v2, addr2, arm_mo(s, MO_32));
        gen_writeback(s, insn, wb);
        arm_store_reg(s, rd, v1);
        arm_store_reg(s, rd + 1, v2);
    } else {
        ir_guest_st(c, arm_load_reg(s, rd), addr, arm_mo(s, MO_32));
        ir_guest_st(c, arm_load_reg(s, rd + 1), addr2, arm_mo(s, MO_32));
        gen_writeback(s, insn, wb);
    }
    return true;
}

static bool trans_LDRD(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_dual(s, insn, true);
}

static bool trans_STRD(struct arm_dc *s, uint32_t insn)
{
    return gen_ldst_dual(s, insn, false);
}

/* ---- Block transfers (A5.4) ---------------------------------------------- */

/*
 * Lowest address: IA Rn, IB Rn+4, DA Rn-4n+4, DB Rn-4n; registers go
 * lowest-numbered to lowest address.  Writeback Rn +/- 4n.  The S bit
 * (user bank / exception return) has nothing to select in user mode.
 * An empty list is UNPREDICTABLE and treated as UNDEFINED.
 */
bool arm_gen_ldm_stm(struct arm_dc *s, int rn, uint32_t list, bool load,
                     bool before, bool up, bool wback)
{
    struct ir_ctx *c = s->c;
    int n = __builtin_popcount(list);
    ir_t vals[16];

    if (n == 0 || rn == 15)
        return false;
    ir_t base = arm_load_reg(s, rn);
    ir_t addr = ir_new_i32(c);
    int32_t start = up ? (before ? 4 : 0) : (before ? -4 * n : -4 * n + 4);
    ir_addi(c, addr, base, (uint32_t)start);
    for (int r = 0, i = 0; r < 16; r++) {
        if (!(list & (1u << r)))
            continue;
        if (i++)
            ir_addi(c, addr, addr, 4);
        if (load) {
            vals[r] = ir_new_i32(c);
            ir_guest_ld(c, vals[r], addr, arm_mo(s, MO_32));
        } else {
            ir_guest_st(c, arm_load_reg(s, r), addr, arm_mo(s, MO_32));
        }
    }
    if (wback) {
        ir_t nb = ir_new_i32(c);
        ir_addi(c, nb, base, up ? 4u * n : (uint32_t)(-4 * n));
        arm_store_reg(s, rn, nb);
    }
    if (load)
        for (int r = 0; r < 16; r++)
            if (list & (1u << r))
                arm_store_reg_from_load(s, r, vals[r]);
    return true;
}

static bool gen_block(struct arm_dc *s, uint32_t insn)
{
    return arm_gen_ldm_stm(s, extract32(insn, 16, 4), extract32(insn, 0, 16),
                           insn & L_BIT, insn & P_BIT, insn & U_BIT,
                           insn & W_BIT);
}

static bool trans_LDM(struct arm_dc *s, uint32_t insn)
{
    return gen_block(s, insn);
}

static bool trans_STM(struct arm_dc *s, uint32_t insn)
{
    return gen_block(s, insn);
}

/* ---- Swap: one host atomic exchange ---------------------------------------- */

static bool gen_swp(struct arm_dc *s, uint32_t insn, enum ir_memop mo)
{
    int rn = extract32(insn, 16, 4), rd = extract32(insn, 12, 4);
    int rm = extract32(insn, 0, 4);
    if (rn == 15 || rd == 15 || rm == 15 || rn == rd || rn == rm)
        return false;
    ir_t old = ir_new_i32(s->c);
    ir_atomic_xchg(s->c, old, arm_load_reg(s, rn), arm_load_reg(s, rm),
                   arm_mo(s, mo));
    arm_store_reg(s, rd, old);
    return true;
}

static bool trans_SWP(struct arm_dc *s, uint32_t insn)
{
    return gen_swp(s, insn, MO_32);
}

static bool trans_SWPB(struct arm_dc *s, uint32_t insn)
{
    return gen_swp(s, insn, MO_8);
}

/* ---- Exclusive accesses ------------------------------------------------------ */

/*
 * The local monitor lives in the CPU state (excl_addr, excl_val).  STREX
 * stores only when its address is the monitored one and a host
 * compare-and-swap against the value LDREX loaded succeeds, so another
 * thread's store in between (to a different value) makes it fail as on
 * hardware; an ABA store of the same value is not noticed, which is the
 * usual and harmless approximation.
 */
void arm_gen_ldrex(struct arm_dc *s, int rt, int rt2, ir_t addr,
                   enum ir_memop size)
{
    struct ir_ctx *c = s->c;
    ir_t a64 = ir_new_i64(c), v64 = ir_new_i64(c);
    ir_extu_i32_i64(c, a64, addr);
    if (size == MO_64) {
        ir_t lo = ir_new_i32(c), hi = ir_new_i32(c);
        ir_guest_ld(c, v64, addr, arm_mo(s, MO_64 | MO_ALIGN));
        /* Rt takes the word at addr in either byte order. */
        if (s->be_data) {
            ir_extrh_i64_i32(c, lo, v64);
            ir_extrl_i64_i32(c, hi, v64);
        } else {
            ir_extrl_i64_i32(c, lo, v64);
            ir_extrh_i64_i32(c, hi, v64);
        }
        ir_st_env(c, a64, offsetof(struct arm_cpu, excl_addr), MO_64);
        ir_st_env(c, v64, offsetof(struct arm_cpu, excl_val), MO_64);
        arm_store_reg(s, rt, lo);
        arm_store_reg(s, rt2, hi);
        return;
    }
    ir_t v = ir_new_i32(c);
    ir_guest_ld(c, v, addr, arm_mo(s, size | MO_ALIGN));
    ir_extu_i32_i64(c, v64, v);
    ir_st_env(c, a64, offsetof(struct arm_cpu, excl_addr), MO_64);
    ir_st_env(c, v64, offsetof(struct arm_cpu, excl_val), MO_64);
    arm_store_reg(s, rt, v);
}

void arm_gen_strex(struct arm_dc *s, int rd, int rt, int rt2, ir_t addr,
                   enum ir_memop size)
{
    struct ir_ctx *c = s->c;
    ir_label fail = ir_new_label(c), done = ir_new_label(c);
    ir_t a64 = ir_new_i64(c), mon = ir_new_i64(c), exp = ir_new_i64(c);
    ir_t status = ir_new_i32(c);

    ir_extu_i32_i64(c, a64, addr);
    ir_ld_env(c, mon, offsetof(struct arm_cpu, excl_addr), MO_64);
    ir_ld_env(c, exp, offsetof(struct arm_cpu, excl_val), MO_64);
    ir_movi(c, status, 1);
    ir_brcond(c, IR_COND_NE, a64, mon, fail);
    if (size == MO_64) {
        ir_t nv = ir_new_i64(c), old = ir_new_i64(c), t = ir_new_i64(c);
        if (s->be_data)
            ir_concat_i32_i64(c, nv, arm_R[rt2], arm_R[rt]);
        else
            ir_concat_i32_i64(c, nv, arm_R[rt], arm_R[rt2]);
        ir_atomic_cmpxchg(c, old, addr, exp, nv, arm_mo(s, MO_64 | MO_ALIGN));
        ir_setcond(c, IR_COND_NE, t, old, exp);
        ir_extrl_i64_i32(c, status, t);
    } else {
        ir_t e32 = ir_new_i32(c), old = ir_new_i32(c);
        ir_extrl_i64_i32(c, e32, exp);
        ir_atomic_cmpxchg(c, old, addr, e32, arm_R[rt],
                          arm_mo(s, size | MO_ALIGN));
        ir_setcond(c, IR_COND_NE, status, old, e32);
    }
    ir_br(c, done);
    ir_set_label(c, fail);
    ir_set_label(c, done);
    arm_gen_clrex(s);
    arm_store_reg(s, rd, status);
}

void arm_gen_clrex(struct arm_dc *s)
{
    ir_st_env(s->c, ir_const_i64(s->c, ARM_EXCL_NONE),
              offsetof(struct arm_cpu, excl_addr), MO_64);
}

static const enum ir_memop excl_sizes[4] = { MO_32, MO_64, MO_8, MO_16 };

/* LDREX{,D,B,H}: Rn 19:16, Rt 15:12; size in bits 22:21. */
static bool trans_LDREX(struct arm_dc *s, uint32_t insn)
{
    int rn = extract32(insn, 16, 4), rt = extract32(insn, 12, 4);
    enum ir_memop size = excl_sizes[extract32(insn, 21, 2)];
    if (rn == 15 || rt == 15 || (size == MO_64 && (rt & 1 || rt == 14)))
        return false;
    arm_gen_ldrex(s, rt, rt + 1, arm_load_reg(s, rn), size);
    return true;
}

/* STREX{,D,B,H}: Rn 19:16, Rd (status) 15:12, Rt 3:0. */
static bool trans_STREX(struct arm_dc *s, uint32_t insn)
{
    int rn = extract32(insn, 16, 4), rd = extract32(insn, 12, 4);
    int rt = extract32(insn, 0, 4);
    enum ir_memop size = excl_sizes[extract32(insn, 21, 2)];
    if (rn == 15 || rd == 15 || rt == 15 || rd == rn || rd == rt ||
        (size == MO_64 && (rt & 1 || rt == 14 || rd == rt + 1)))
        return false;
    arm_gen_strex(s, rd, rt, rt + 1, arm_load_reg(s, rn), size);
    return true;
}

const struct arm_pattern arm_a32_mem_patterns[] = {
    { 0x0ff00fff, 0x01900f9f, "LDREX", trans_LDREX, ARM_FEATURE_V6 },
    { 0x0ff00ff0, 0x01800f90, "STREX", trans_STREX, ARM_FEATURE_V6 },
    { 0x0f900fff, 0x01900f9f, "LDREXB/H/D", trans_LDREX, ARM_FEATURE_V6K },
    { 0x0f900ff0, 0x01800f90, "STREXB/H/D", trans_STREX, ARM_FEATURE_V6K },
    { 0x0ff00ff0, 0x01000090, "SWP", trans_SWP, ARM_NOFEAT },
    { 0x0ff00ff0, 0x01400090, "SWPB", trans_SWPB, ARM_NOFEAT },
    /* Extra load/store: bits 7:4 = 1SH1, L = bit 20. */
    { 0x0e1000f0, 0x001000b0, "LDRH", trans_LDRH, ARM_NOFEAT },
    { 0x0e1000f0, 0x000000b0, "STRH", trans_STRH, ARM_NOFEAT },
    { 0x0e1000f0, 0x001000d0, "LDRSB", trans_LDRSB, ARM_NOFEAT },
    { 0x0e1000f0, 0x001000f0, "LDRSH", trans_LDRSH, ARM_NOFEAT },
    { 0x0e1000f0, 0x000000d0, "LDRD", trans_LDRD, ARM_FEATURE_V5TE },
    { 0x0e1000f0, 0x000000f0, "STRD", trans_STRD, ARM_FEATURE_V5TE },
    /* Media instructions (ARMv6) share bits 27:25 = 011 with bit 4 set. */
    { 0x0e000010, 0x06000010, "undefined (media)", arm_trans_udef, ARM_NOFEAT },
    /* Word and unsigned byte: T forms are P=0, W=1. */
    { 0x0d700000, 0x04300000, "LDRT", trans_LDRT, ARM_NOFEAT },
    { 0x0d700000, 0x04200000, "STRT", trans_STRT, ARM_NOFEAT },
    { 0x0d700000, 0x04700000, "LDRBT", trans_LDRBT, ARM_NOFEAT },
    { 0x0d700000, 0x04600000, "STRBT", trans_STRBT, ARM_NOFEAT },
    { 0x0c500000, 0x04100000, "LDR", trans_LDR, ARM_NOFEAT },
    { 0x0c500000, 0x04000000, "STR", trans_STR, ARM_NOFEAT },
    { 0x0c500000, 0x04500000, "LDRB", trans_LDRB, ARM_NOFEAT },
    { 0x0c500000, 0x04400000, "STRB", trans_STRB, ARM_NOFEAT },
    { 0x0e100000, 0x08100000, "LDM", trans_LDM, ARM_NOFEAT },
    { 0x0e100000, 0x08000000, "STM", trans_STM, ARM_NOFEAT },
};
const int arm_a32_mem_npatterns = ARRAY_SIZE(arm_a32_mem_patterns);
