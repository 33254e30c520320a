/*
 * Loads and stores: LB/LBU/LH/LHU/LW/LWU/LD and SB/SH/SW/SD, the
 * unaligned-word pairs LWL/LWR/SWL/SWR and LDL/LDR/SDL/SDR, LL/SC and
 * LLD/SCD, and the hints PREF and CACHE.
 *
 * Misaligned LH/LW/LD... are performed as misaligned accesses: Linux
 * emulates them for user programs (the address-error handler fixes them
 * up), so that is what a program observes.  LL/SC are never fixed up and
 * give SIGBUS (MO_ALIGN).
 *
 * LWL/LWR and friends are expressed as one aligned access plus shifts:
 * with k the byte index of the address counted from the big end of the
 * word (k = addr & 3 big-endian, 3 - (addr & 3) little-endian), both byte
 * orders share one formula.
 */
#include "target/mips/translate.h"

ir_t mips_lladdr, mips_llval;

/* rs + sign-extended offset, at the register width. */
static ir_t gen_addr(struct mips_dc *s, uint32_t i)
{
    ir_t a = mips_new(s);
    ir_addi(s->c, a, mips_rd_gpr(s, RS(i)), (uint64_t)(int64_t)SIMM(i));
    return a;
}

static bool gen_load(struct mips_dc *s, uint32_t i, int mo)
{
    ir_t v = mips_new(s);
    ir_guest_ld(s->c, v, gen_addr(s, i), mips_mo(s, mo));
    mips_wr_gpr(s, RT(i), v);
    return true;
}

static bool gen_store(struct mips_dc *s, uint32_t i, int mo)
{
    ir_guest_st(s->c, mips_rd_gpr(s, RT(i)), gen_addr(s, i), mips_mo(s, mo));
    return true;
}

static bool trans_LB(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_8 | MO_SIGN); }
static bool trans_LBU(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_8); }
static bool trans_LH(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_16 | MO_SIGN); }
static bool trans_LHU(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_16); }
static bool trans_LW(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_32 | MO_SIGN); }
static bool trans_LWU(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_32); }
static bool trans_LD(struct mips_dc *s, uint32_t i) { return gen_load(s, i, MO_64); }
static bool trans_SB(struct mips_dc *s, uint32_t i) { return gen_store(s, i, MO_8); }
static bool trans_SH(struct mips_dc *s, uint32_t i) { return gen_store(s, i, MO_16); }
static bool trans_SW(struct mips_dc *s, uint32_t i) { return gen_store(s, i, MO_32); }
static bool trans_SD(struct mips_dc *s, uint32_t i) { return gen_store(s, i, MO_64); }

/* ---- LWL/LWR/SWL/SWR, LDL/LDR/SDL/SDR -------------------------------------- */

enum lr_kind { LR_LOAD_LEFT, LR_LOAD_RIGHT, LR_STORE_LEFT, LR_STORE_RIGHT };

/*
 * Word (bytes = 4, i32 values) or doubleword (bytes = 8, i64) forms.
 * With sh = 8k and top = 8 * (bytes - 1):
 *   LWL  rt = W << sh | rt & ~(ones << sh)
 *   LWR  rt = W >> (top - sh) | rt & ~(ones >> (top - sh))
 *   SWL  W  = W & ~(ones >> sh) | rt >> sh
 *   SWR  W  = rt << (top - sh) | W & ~(ones << (top - sh))
 */
static bool gen_lr(struct mips_dc *s, uint32_t i, int bytes, enum lr_kind kind)
{
    struct ir_ctx *c = s->c;
    enum ir_type vt = bytes == 4 ? IR_I32 : IR_I64;
    uint64_t ones = bytes == 4 ? 0xffffffffull : ~0ull;
    int mo = mips_mo(s, bytes == 4 ? MO_32 : MO_64);
    ir_t addr = gen_addr(s, i), aligned = mips_new(s);
    ir_t k = ir_new(c, vt), sh = ir_new(c, vt), w = ir_new(c, vt);
    ir_t t = ir_new(c, vt), m = ir_new(c, vt), r = ir_new(c, vt);
    ir_t rt = bytes == 4 ? mips_rd_gpr32(s, RT(i)) : mips_rd_gpr(s, RT(i));

    ir_andi(c, aligned, addr, ~(uint64_t)(bytes - 1));
    if (vt == IR_I32 && s->is64)
        ir_extrl_i64_i32(c, k, addr);
    else if (vt == IR_I64 && !s->is64)
        ir_extu_i32_i64(c, k, addr);
    else
        ir_mov(c, k, addr);
    ir_andi(c, k, k, bytes - 1);
    if (!s->be)
        ir_xori(c, k, k, bytes - 1);
    ir_shli(c, sh, k, 3);
    if (kind == LR_LOAD_RIGHT || kind == LR_STORE_RIGHT)
        ir_sub(c, sh, ir_const(c, vt, 8 * (bytes - 1)), sh);

    ir_guest_ld(c, w, aligned, (enum ir_memop)mo);
    ir_t ones_t = ir_const(c, vt, ones);
    switch (kind) {
    case LR_LOAD_LEFT:
        ir_shl(c, t, w, sh);
        ir_shl(c, m, ones_t, sh);
        ir_andc(c, r, rt, m);
        ir_or(c, r, r, t);
        break;
    case LR_LOAD_RIGHT:
        ir_shr(c, t, w, sh);
        ir_shr(c, m, ones_t, sh);
        ir_andc(c, r, rt, m);
        ir_or(c, r, r, t);
        break;
    case LR_STORE_LEFT:
        ir_shr(c, m, ones_t, sh);
        ir_andc(c, r, w, m);
        ir_shr(c, t, rt, sh);
        ir_or(c, r, r, t);
        break;
    case LR_STORE_RIGHT:
        ir_shl(c, m, ones_t, sh);
        ir_andc(c, r, w, m);
        ir_shl(c, t, rt, sh);
        ir_or(c, r, r, t);
        break;
    }
    if (kind == LR_STORE_LEFT || kind == LR_STORE_RIGHT)
        ir_guest_st(c, r, aligned, (enum ir_memop)mo);
    else if (bytes == 4)
        mips_wr_gpr32(s, RT(i), r);   /* MIPS64: sign-extended */
    else
        mips_wr_gpr(s, RT(i), r);
    return true;
}

static bool trans_LWL(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 4, LR_LOAD_LEFT); }
static bool trans_LWR(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 4, LR_LOAD_RIGHT); }
static bool trans_SWL(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 4, LR_STORE_LEFT); }
static bool trans_SWR(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 4, LR_STORE_RIGHT); }
static bool trans_LDL(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 8, LR_LOAD_LEFT); }
static bool trans_LDR(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 8, LR_LOAD_RIGHT); }
static bool trans_SDL(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 8, LR_STORE_LEFT); }
static bool trans_SDR(struct mips_dc *s, uint32_t i) { return gen_lr(s, i, 8, LR_STORE_RIGHT); }

/* ---- LL/SC --------------------------------------------------------------------- */

/*
 * LL records the address and the value read; SC succeeds when the address
 * matches and a host compare-and-swap finds the value unchanged, so a
 * store by another thread in between makes it fail, as on hardware.
 */
static bool gen_ll(struct mips_dc *s, uint32_t i, int size)
{
    struct ir_ctx *c = s->c;
    ir_t addr = gen_addr(s, i), v = mips_new(s);
    ir_guest_ld(c, v, addr, mips_mo(s, size | MO_SIGN | MO_ALIGN));
    ir_mov(c, mips_lladdr, addr);
    ir_mov(c, mips_llval, v);
    mips_wr_gpr(s, RT(i), v);
    return true;
}

static bool gen_sc(struct mips_dc *s, uint32_t i, int size)
{
    struct ir_ctx *c = s->c;
    enum ir_type vt = size == MO_32 ? IR_I32 : IR_I64;
    ir_t addr = gen_addr(s, i), res = mips_new(s);
    ir_t old = ir_new(c, vt), ok = ir_new(c, vt);
    ir_t cmp, nv;
    ir_label fail = ir_new_label(c), done = ir_new_label(c);

    if (vt == IR_I32 && s->is64) {
        cmp = ir_new_i32(c);
        ir_extrl_i64_i32(c, cmp, mips_llval);
        nv = mips_rd_gpr32(s, RT(i));
    } else {
        cmp = mips_llval;
        nv = mips_rd_gpr(s, RT(i));
    }
    ir_brcond(c, IR_COND_NE, addr, mips_lladdr, fail);
    ir_atomic_cmpxchg(c, old, addr, cmp, nv, mips_mo(s, size | MO_ALIGN));
    ir_setcond(c, IR_COND_EQ, ok, old, cmp);
    if (vt == IR_I32 && s->is64)
        ir_extu_i32_i64(c, res, ok);
    else
        ir_mov(c, res, ok);
    ir_br(c, done);
    ir_set_label(c, fail);
    ir_movi(c, res, 0);
    ir_set_label(c, done);
    ir_movi(c, mips_lladdr, s->is64 ? ~0ull : 0xffffffffu);
    mips_wr_gpr(s, RT(i), res);
    return true;
}

static bool trans_LL(struct mips_dc *s, uint32_t i) { return gen_ll(s, i, MO_32); }
static bool trans_SC(struct mips_dc *s, uint32_t i) { return gen_sc(s, i, MO_32); }
static bool trans_LLD(struct mips_dc *s, uint32_t i) { return gen_ll(s, i, MO_64); }
static bool trans_SCD(struct mips_dc *s, uint32_t i) { return gen_sc(s, i, MO_64); }

/* ---- Hints ------------------------------------------------------------------------ */

/* PREF and CACHE never fault and change nothing a user program sees. */
static bool trans_PREF(struct mips_dc *s, uint32_t i) { return true; }
static bool trans_CACHE(struct mips_dc *s, uint32_t i) { return true; }

#define MAJOR(op) ((uint32_t)(op) << 26)
#define I32 MIPS_ISA_32
#define I64 MIPS_ISA_64

const struct mips_pattern mips_mem_patterns[] = {
    P(M_OP, MAJOR(0x1a), LDL, I64),
    P(M_OP, MAJOR(0x1b), LDR, I64),
    P(M_OP, MAJOR(0x20), LB, I32),
    P(M_OP, MAJOR(0x21), LH, I32),
    P(M_OP, MAJOR(0x22), LWL, I32),
    P(M_OP, MAJOR(0x23), LW, I32),
    P(M_OP, MAJOR(0x24), LBU, I32),
    P(M_OP, MAJOR(0x25), LHU, I32),
    P(M_OP, MAJOR(0x26), LWR, I32),
    P(M_OP, MAJOR(0x27), LWU, I64),
    P(M_OP, MAJOR(0x28), SB, I32),
    P(M_OP, MAJOR(0x29), SH, I32),
    P(M_OP, MAJOR(0x2a), SWL, I32),
    P(M_OP, MAJOR(0x2b), SW, I32),
    P(M_OP, MAJOR(0x2c), SDL, I64),
    P(M_OP, MAJOR(0x2d), SDR, I64),
    P(M_OP, MAJOR(0x2e), SWR, I32),
    P(M_OP, MAJOR(0x2f), CACHE, I32),
    P(M_OP, MAJOR(0x30), LL, I32),
    P(M_OP, MAJOR(0x33), PREF, I32),
    P(M_OP, MAJOR(0x34), LLD, I64),
    P(M_OP, MAJOR(0x37), LD, I64),
    P(M_OP, MAJOR(0x38), SC, I32),
    P(M_OP, MAJOR(0x3c), SCD, I64),
    P(M_OP, MAJOR(0x3f), SD, I64),
};
MIPS_TABLE_END(mips_mem_patterns);
