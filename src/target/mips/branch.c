/*
 * Branches and jumps, all with a delay slot: BEQ/BNE/BLEZ/BGTZ, the
 * REGIMM branches (BLTZ, BGEZ and their -AL linking forms), the
 * branch-likely forms (the slot is nullified when the branch is not
 * taken), J/JAL and JR/JALR (with .HB hints).
 *
 * The condition and the target are read into temps before the delay slot
 * is translated, since the slot may overwrite their registers.  The link
 * register is written before the slot, which may read it.
 */
#include "target/mips/translate.h"

static uint64_t branch_dest(const struct mips_dc *s, uint32_t i)
{
    return mips_addr(s, s->pc + 4 + ((int64_t)SIMM(i) << 2));
}

static void gen_link(struct mips_dc *s, int r)
{
    if (r)
        ir_movi(s->c, mips_gpr[r], mips_addr(s, s->pc + 8));
}

/* A copy of v that the delay slot cannot change. */
static ir_t snapshot(struct mips_dc *s, ir_t v)
{
    ir_t t = ir_new(s->c, ir_temp_type(s->c, v));
    ir_mov(s->c, t, v);
    return t;
}

/*
 * A conditional branch: taken when (a cond b).  cond ALWAYS is an
 * unconditional branch (B, BAL).  The TB ends here either way.
 *
 * The operands are copied before the delay slot (which may write their
 * registers) and compared by the final branch itself, so the host code
 * is one compare-and-jump rather than a setcond and a test of it.  A
 * branch-likely tests first and runs the slot on the taken path only.
 */
static bool gen_branch(struct mips_dc *s, uint32_t i, enum ir_cond cond,
                       ir_t a, ir_t b, bool likely, int link)
{
    struct ir_ctx *c = s->c;
    uint64_t dest = branch_dest(s, i);

    if (s->in_slot)
        return false;
    if (cond == IR_COND_ALWAYS) {
        gen_link(s, link);
        mips_gen_delay_slot(s);
        mips_gen_goto(s, 0, dest);
    } else if (likely) {
        ir_label taken = ir_new_label(c);
        ir_t ta = snapshot(s, a), tb = snapshot(s, b);
        gen_link(s, link);
        ir_brcond(c, cond, ta, tb, taken);
        mips_gen_goto(s, 1, s->pc + 8);
        ir_set_label(c, taken);
        mips_gen_delay_slot(s);
        mips_gen_goto(s, 0, dest);
    } else {
        ir_label taken = ir_new_label(c);
        ir_t ta = snapshot(s, a), tb = snapshot(s, b);
        gen_link(s, link);
        mips_gen_delay_slot(s);
        ir_brcond(c, cond, ta, tb, taken);
        mips_gen_goto(s, 1, s->pc + 8);
        ir_set_label(c, taken);
        mips_gen_goto(s, 0, dest);
    }
    s->end = DISAS_NORETURN;
    return true;
}

/* A branch on a condition already computed as an i32 0/1 (BC1T/BC1F). */
bool mips_gen_branch_taken(struct mips_dc *s, uint32_t i, ir_t taken,
                           bool likely)
{
    return gen_branch(s, i, IR_COND_NE, taken, ir_const_i32(s->c, 0), likely,
                      0);
}

static bool gen_cmp_branch(struct mips_dc *s, uint32_t i, enum ir_cond cond,
                           bool likely)
{
    /* BEQ $0, $0 (B) and friends with equal registers are unconditional. */
    if (RS(i) == RT(i) && cond == IR_COND_EQ)
        cond = IR_COND_ALWAYS;
    return gen_branch(s, i, cond, mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i)),
                      likely, 0);
}

static bool gen_zero_branch(struct mips_dc *s, uint32_t i, enum ir_cond cond,
                            bool likely, bool link)
{
    /* BGEZAL $0 is BAL: always taken. */
    if (RS(i) == 0 && (cond == IR_COND_GE || cond == IR_COND_LE))
        cond = IR_COND_ALWAYS;
    return gen_branch(s, i, cond, mips_rd_gpr(s, RS(i)), mips_const(s, 0),
                      likely, link ? 31 : 0);
}

static bool trans_BEQ(struct mips_dc *s, uint32_t i) { return gen_cmp_branch(s, i, IR_COND_EQ, false); }
static bool trans_BNE(struct mips_dc *s, uint32_t i) { return gen_cmp_branch(s, i, IR_COND_NE, false); }
static bool trans_BEQL(struct mips_dc *s, uint32_t i) { return gen_cmp_branch(s, i, IR_COND_EQ, true); }
static bool trans_BNEL(struct mips_dc *s, uint32_t i) { return gen_cmp_branch(s, i, IR_COND_NE, true); }
static bool trans_BLEZ(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_LE, false, false); }
static bool trans_BGTZ(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_GT, false, false); }
static bool trans_BLEZL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_LE, true, false); }
static bool trans_BGTZL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_GT, true, false); }
static bool trans_BLTZ(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_LT, false, false); }
static bool trans_BGEZ(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_GE, false, false); }
static bool trans_BLTZL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_LT, true, false); }
static bool trans_BGEZL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_GE, true, false); }
static bool trans_BLTZAL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_LT, false, true); }
static bool trans_BGEZAL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_GE, false, true); }
static bool trans_BLTZALL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_LT, true, true); }
static bool trans_BGEZALL(struct mips_dc *s, uint32_t i) { return gen_zero_branch(s, i, IR_COND_GE, true, true); }

/* J/JAL: the target keeps the upper bits of the delay slot's address. */
static bool gen_j(struct mips_dc *s, uint32_t i, bool link)
{
    if (s->in_slot)
        return false;
    uint64_t dest = ((s->pc + 4) & ~(uint64_t)0x0fffffff) |
                    ((uint64_t)extract32(i, 0, 26) << 2);
    gen_link(s, link ? 31 : 0);
    mips_gen_delay_slot(s);
    mips_gen_goto(s, 0, dest);
    s->end = DISAS_NORETURN;
    return true;
}

static bool trans_J(struct mips_dc *s, uint32_t i) { return gen_j(s, i, false); }
static bool trans_JAL(struct mips_dc *s, uint32_t i) { return gen_j(s, i, true); }

static bool gen_jr(struct mips_dc *s, int rs, int rd)
{
    if (s->in_slot)
        return false;
    ir_t dest = mips_new(s);
    ir_mov(s->c, dest, mips_rd_gpr(s, rs));
    gen_link(s, rd);
    mips_gen_delay_slot(s);
    ir_mov(s->c, mips_pc, dest);
    mips_gen_jump_pc(s);
    s->end = DISAS_NORETURN;
    return true;
}

static bool trans_JR(struct mips_dc *s, uint32_t i) { return gen_jr(s, RS(i), 0); }
static bool trans_JALR(struct mips_dc *s, uint32_t i) { return gen_jr(s, RS(i), RD(i)); }

#define SPECIAL(f) ((0x00u << 26) | (f))
#define REGIMM(rt) ((0x01u << 26) | (uint32_t)(rt) << 16)
#define MAJOR(op) ((uint32_t)(op) << 26)
#define I32 MIPS_ISA_32

const struct mips_pattern mips_branch_patterns[] = {
    P(M_OP, MAJOR(0x02), J, I32),
    P(M_OP, MAJOR(0x03), JAL, I32),
    P(M_OP, MAJOR(0x04), BEQ, I32),
    P(M_OP, MAJOR(0x05), BNE, I32),
    P(0xfc1f0000u, MAJOR(0x06), BLEZ, I32),
    P(0xfc1f0000u, MAJOR(0x07), BGTZ, I32),
    P(M_OP, MAJOR(0x14), BEQL, I32),
    P(M_OP, MAJOR(0x15), BNEL, I32),
    P(0xfc1f0000u, MAJOR(0x16), BLEZL, I32),
    P(0xfc1f0000u, MAJOR(0x17), BGTZL, I32),
    P(M_REGIMM, REGIMM(0x00), BLTZ, I32),
    P(M_REGIMM, REGIMM(0x01), BGEZ, I32),
    P(M_REGIMM, REGIMM(0x02), BLTZL, I32),
    P(M_REGIMM, REGIMM(0x03), BGEZL, I32),
    P(M_REGIMM, REGIMM(0x10), BLTZAL, I32),
    P(M_REGIMM, REGIMM(0x11), BGEZAL, I32),
    P(M_REGIMM, REGIMM(0x12), BLTZALL, I32),
    P(M_REGIMM, REGIMM(0x13), BGEZALL, I32),
    /* JR/JALR: bit 10 is the hazard-barrier hint (.HB). */
    P(0xfc1ffbffu, SPECIAL(0x08), JR, I32),
    P(0xfc1f03ffu, SPECIAL(0x09), JALR, I32),
};
MIPS_TABLE_END(mips_branch_patterns);
