/*
 * System-level instructions of user mode: SYSCALL, BREAK, the trap
 * instructions (TGE/TGEU/TLT/TLTU/TEQ/TNE and their immediate REGIMM
 * forms), SYNC, SYNCI, RDHWR, and the coprocessor-0 hints that are no-ops
 * for a user program (CACHE, PREF live in mem.c).
 */
#include <stddef.h>

#include "target/mips/translate.h"

static bool trans_SYSCALL(struct mips_dc *s, uint32_t i)
{
    /* A syscall in a delay slot would have to resume at the branch
     * target; the ABI never does it, so it is reserved here. */
    if (s->in_slot)
        return false;
    mips_gen_exception_next(s, EXCP_SYSCALL);
    return true;
}

/* The code field is read back from the instruction by user mode (Linux
 * picks the signal from it). */
static bool trans_BREAK(struct mips_dc *s, uint32_t i)
{
    mips_gen_exception(s, MIPS_EXCP_BREAK);
    return true;
}

static bool trans_SYNC(struct mips_dc *s, uint32_t i)
{
    ir_mb(s->c);
    return true;
}

/* SYNCI: make the I-cache see data writes.  kemu's code cache follows
 * writes itself (a write to a page with code invalidates its TBs), but
 * the running TB was translated before the write: SYNCI ends it, so a
 * store over an instruction further on in the same block takes effect
 * (the manual asks for SYNCI then SYNC before running rewritten code). */
static bool trans_SYNCI(struct mips_dc *s, uint32_t i)
{
    if (!s->in_slot)
        s->end = DISAS_UPDATE;
    return true;
}

static bool gen_trap(struct mips_dc *s, enum ir_cond cond, ir_t a, ir_t b)
{
    struct ir_ctx *c = s->c;
    ir_label no = ir_new_label(c);
    ir_brcond(c, cond, a, b, no);
    ir_raise(c, MIPS_EXCP_TRAP);
    ir_set_label(c, no);
    return true;
}

/* Trap when the condition holds: branch over the raise when its
 * inverse does. */
#define TRAP_R(name, inv) \
    static bool trans_##name(struct mips_dc *s, uint32_t i) \
    { return gen_trap(s, inv, mips_rd_gpr(s, RS(i)), mips_rd_gpr(s, RT(i))); }
#define TRAP_I(name, inv) \
    static bool trans_##name(struct mips_dc *s, uint32_t i) \
    { return gen_trap(s, inv, mips_rd_gpr(s, RS(i)), \
                      mips_const(s, (int64_t)SIMM(i))); }

TRAP_R(TGE, IR_COND_LT)
TRAP_R(TGEU, IR_COND_LTU)
TRAP_R(TLT, IR_COND_GE)
TRAP_R(TLTU, IR_COND_GEU)
TRAP_R(TEQ, IR_COND_NE)
TRAP_R(TNE, IR_COND_EQ)
TRAP_I(TGEI, IR_COND_LT)
TRAP_I(TGEIU, IR_COND_LTU)
TRAP_I(TLTI, IR_COND_GE)
TRAP_I(TLTIU, IR_COND_GEU)
TRAP_I(TEQI, IR_COND_NE)
TRAP_I(TNEI, IR_COND_EQ)

/*
 * RDHWR rt, rd: the hardware registers Linux makes readable to user
 * programs: 0 CPUNum, 1 SYNCI_Step, 2 CC (cycle counter), 3 CCRes (cycles
 * per CC tick) and 29 UserLocal (the TLS pointer set_thread_area sets).
 */
static bool trans_RDHWR(struct mips_dc *s, uint32_t i)
{
    struct ir_ctx *c = s->c;
    ir_t v = mips_new(s);

    switch (RD(i)) {
    case 0:
        ir_ld_env(c, v, offsetof(struct cpu_common, cpu_index), MO_32);
        break;
    case 1:
        ir_movi(c, v, 32);
        break;
    case 2: {
        /* A 32-bit counter, sign-extended like any 32-bit result. */
        ir_t t = ir_new_i64(c), t32 = ir_new_i32(c);
        ir_call0(c, &helper_mips_rdhwr_cc, t);
        ir_extrl_i64_i32(c, t32, t);
        mips_wr_gpr32(s, RT(i), t32);
        return true;
    }
    case 3:
        ir_movi(c, v, 1);
        break;
    case 29:
        ir_ld_env(c, v, offsetof(struct mips_cpu, userlocal),
                  s->is64 ? MO_64 : MO_32);
        break;
    default:
        return false;
    }
    mips_wr_gpr(s, RT(i), v);
    return true;
}

#define SPECIAL(f) ((0x00u << 26) | (f))
#define SPECIAL3(f) ((0x1fu << 26) | (f))
#define REGIMM(rt) ((0x01u << 26) | (uint32_t)(rt) << 16)
#define I32 MIPS_ISA_32

const struct mips_pattern mips_special_patterns[] = {
    P(M_FUNC, SPECIAL(0x0c), SYSCALL, I32),
    P(M_FUNC, SPECIAL(0x0d), BREAK, I32),
    P(0xfffff83fu, SPECIAL(0x0f), SYNC, I32),
    P(M_FUNC, SPECIAL(0x30), TGE, I32),
    P(M_FUNC, SPECIAL(0x31), TGEU, I32),
    P(M_FUNC, SPECIAL(0x32), TLT, I32),
    P(M_FUNC, SPECIAL(0x33), TLTU, I32),
    P(M_FUNC, SPECIAL(0x34), TEQ, I32),
    P(M_FUNC, SPECIAL(0x36), TNE, I32),
    P(M_REGIMM, REGIMM(0x08), TGEI, I32),
    P(M_REGIMM, REGIMM(0x09), TGEIU, I32),
    P(M_REGIMM, REGIMM(0x0a), TLTI, I32),
    P(M_REGIMM, REGIMM(0x0b), TLTIU, I32),
    P(M_REGIMM, REGIMM(0x0c), TEQI, I32),
    P(M_REGIMM, REGIMM(0x0e), TNEI, I32),
    P(M_REGIMM, REGIMM(0x1f), SYNCI, I32),
    /* sel (bits 8:6) must be zero. */
    P(0xffe007ffu, SPECIAL3(0x3b), RDHWR, I32),
};
MIPS_TABLE_END(mips_special_patterns);
