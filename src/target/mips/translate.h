/*
 * Internal interface of the MIPS decoder: the per-instruction context,
 * the pattern tables and the generators every instruction class shares.
 * Not for other layers.
 */
#ifndef KEMU_TARGET_MIPS_TRANSLATE_H
#define KEMU_TARGET_MIPS_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/ir.h"
#include "target/mips/cpu.h"
#include "util/bits.h"

/* How the current instruction leaves the TB. */
enum mips_disas_end {
    DISAS_NEXT,      /* falls through to the next instruction */
    DISAS_NORETURN,  /* raised an exception or emitted its own exits */
    DISAS_UPDATE,    /* exit to the loop with the PC of the next insn */
};

struct mips_dc {
    struct ir_ctx *c;
    uint64_t pc;          /* address of the current instruction */
    uint64_t next_pc;     /* address after it (after its delay slot) */
    enum ir_type tl;      /* IR type of a register: i32 or i64 */
    bool is64;
    bool be;
    bool fr;              /* Status.FR */
    bool has_ps;          /* FIR.PS: the paired-single format exists */
    enum mips_disas_end end;
    /* Set while the instruction in a branch delay slot is translated:
     * the branch's address (restored on an exception there). */
    bool in_slot;
    uint64_t branch_pc;
};

/* One decode pattern: matches when (insn & mask) == value and the model
 * has the ISA level. */
typedef bool mips_trans_fn(struct mips_dc *s, uint32_t insn);
struct mips_pattern {
    uint32_t mask;
    uint32_t value;
    const char *name;
    mips_trans_fn *trans;
    uint8_t isa;          /* enum mips_isa */
};

/* Instruction fields, named as in the manual. */
#define OP(i) extract32(i, 26, 6)
#define RS(i) extract32(i, 21, 5)
#define RT(i) extract32(i, 16, 5)
#define RD(i) extract32(i, 11, 5)
#define SA(i) extract32(i, 6, 5)
#define FUNC(i) extract32(i, 0, 6)
#define IMM(i) extract32(i, 0, 16)
#define SIMM(i) sextract32(i, 0, 16)
/* FPU fields (COP1): fmt = rs, ft = rt, fs = rd, fd = sa. */
#define FMT(i) RS(i)
#define FT(i) RT(i)
#define FS(i) RD(i)
#define FD(i) SA(i)

/* Globals (guest registers in struct mips_cpu). */
extern ir_t mips_gpr[32];   /* mips_gpr[0] is not used: $zero reads 0 */
extern ir_t mips_pc, mips_hi, mips_lo;

/* ---- Registers ---- */
/* A register as an operand (the global, or the constant 0 for $zero). */
ir_t mips_rd_gpr(struct mips_dc *s, int r);
/* Write v (of type tl) to r; writes to $zero are dropped. */
void mips_wr_gpr(struct mips_dc *s, int r, ir_t v);
/* The low 32 bits of a register as an i32 temp. */
ir_t mips_rd_gpr32(struct mips_dc *s, int r);
/* Write an i32 value to r sign-extended (MIPS64) or as is (MIPS32). */
void mips_wr_gpr32(struct mips_dc *s, int r, ir_t v32);
/* d (tl) = v32 sign-extended. */
void mips_sext32(struct mips_dc *s, ir_t d, ir_t v32);

static inline ir_t mips_new(struct mips_dc *s)
{
    return ir_new(s->c, s->tl);
}
static inline ir_t mips_const(struct mips_dc *s, uint64_t v)
{
    return ir_const(s->c, s->tl, s->is64 ? v : (uint32_t)v);
}
/* An address value truncated to the register width. */
static inline uint64_t mips_addr(const struct mips_dc *s, uint64_t a)
{
    return s->is64 ? a : (uint32_t)a;
}
static inline enum ir_memop mips_mo(const struct mips_dc *s, int mo)
{
    return (enum ir_memop)(mo | (s->be ? MO_BE : MO_LE));
}

/* ---- Control ---- */
/* Raise excp at this instruction (its branch when in a delay slot). */
void mips_gen_exception(struct mips_dc *s, int excp);
/* Raise excp with the PC already past the instruction (SYSCALL). */
void mips_gen_exception_next(struct mips_dc *s, int excp);
/* Translate the instruction at s->pc + 4 as the delay slot of the branch
 * at s->pc; false when it cannot be a delay-slot instruction (then the
 * branch is reserved-instruction).  Emits nothing after the slot. */
bool mips_gen_delay_slot(struct mips_dc *s);
/* Leave the TB to a known address (chained) / to the PC global. */
void mips_gen_goto(struct mips_dc *s, int slot, uint64_t dest);
void mips_gen_jump_pc(struct mips_dc *s);
/* A PC-relative branch taken when the i32 `taken` is non-zero. */
bool mips_gen_branch_taken(struct mips_dc *s, uint32_t i, ir_t taken,
                           bool likely);
/* Translate one instruction word (used for the TB loop and delay slots);
 * false: reserved instruction, nothing emitted. */
bool mips_translate_insn(struct mips_dc *s, uint32_t insn);

/* ---- Pattern tables of each class ---- */
#define MIPS_TABLE(name) \
    extern const struct mips_pattern name[]; extern const int name##_n
MIPS_TABLE(mips_alu_patterns);
MIPS_TABLE(mips_muldiv_patterns);
MIPS_TABLE(mips_branch_patterns);
MIPS_TABLE(mips_mem_patterns);
MIPS_TABLE(mips_special_patterns);
MIPS_TABLE(mips_fpu_patterns);
#define MIPS_TABLE_END(name) \
    const int name##_n = sizeof(name) / sizeof(name[0])

void mips_decoder_build(void);
/* The matching pattern, or NULL (reserved instruction). */
const struct mips_pattern *mips_decode(uint32_t insn, bool is64);

/* Pattern entry: P(mask, value, NAME, isa) calls trans_NAME. */
#define P(m, v, name, isa) { m, v, #name, trans_##name, isa }
#define M_SPECIAL 0xfc0007ffu   /* SPECIAL with the sa field zero */
#define M_FUNC 0xfc00003fu      /* major opcode and function field */
#define M_OP 0xfc000000u        /* major opcode only */
#define M_REGIMM 0xfc1f0000u    /* REGIMM: major opcode and rt */

/* The target's translate hook (translate.c). */
void mips_translate(struct ir_ctx *c);

/* Helpers (helpers.c). */
extern const struct ir_helper helper_mips_exception_exit;
extern const struct ir_helper helper_mips_rdhwr_cc;

/* FPU (fpu.c): FCC[cc] as an i32 0/1. */
ir_t mips_gen_fcc(struct mips_dc *s, int cc);
/* LL/SC link registers (mem.c). */
extern ir_t mips_lladdr, mips_llval;

#endif
