/*
 * Internal interface of the ARM decoder: the per-instruction context and
 * the helpers every instruction-class file shares.  Not for other layers.
 */
#ifndef KEMU_TARGET_ARM_TRANSLATE_H
#define KEMU_TARGET_ARM_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/ir.h"
#include "target/arm/cpu.h"

/* How the current instruction leaves the TB. */
enum arm_disas_end {
    DISAS_NEXT,      /* falls through to the next instruction */
    DISAS_NORETURN,  /* raised an exception: nothing follows */
    DISAS_JUMP,      /* wrote the PC (and maybe thumb) globals: indirect */
    DISAS_DIRECT,    /* branch to s->jmp_dest (thumb already set if needed) */
    DISAS_UPDATE,    /* state changed that affects decoding: exit to loop
                        with the PC of the next instruction */
};

struct arm_dc {
    struct ir_ctx *c;
    uint32_t pc;         /* address of the current instruction */
    uint32_t next_pc;    /* address after it */
    bool thumb;
    bool be_data;        /* CPSR.E: data accesses are big-endian */
    uint32_t itstate;    /* IT state the current instruction runs under */
    uint32_t it_next;    /* IT state after it (set by IT itself) */
    bool in_it;          /* inside an IT block: 16-bit ALU ops set no flags */
    bool it_used;        /* the TB met IT state: store it at every exit */
    uint64_t features;
    enum arm_disas_end end;
    uint32_t jmp_dest;   /* DISAS_DIRECT target */
    bool condjmp;        /* a condition check branches to condlabel */
    ir_label condlabel;
};

/* One decode pattern: the instruction matches when (insn & mask) == value
 * and the model has `feature` (ARM_FEATURE_V4T stands for "always"). */
typedef bool arm_trans_fn(struct arm_dc *s, uint32_t insn);
struct arm_pattern {
    uint32_t mask;
    uint32_t value;
    const char *name;
    arm_trans_fn *trans;
    int8_t feature;       /* enum arm_feature, or -1 for none */
};
#define ARM_NOFEAT (-1)

/*
 * Pattern tables are scanned first-match in table order; to keep that
 * cheap a table is indexed once at start-up by a few key bits into
 * buckets listing only the patterns compatible with those bits.
 */
#define ARM_BUCKET_MAX 12
struct arm_decoder {
    const struct arm_pattern *pats;
    int npats;
    uint32_t (*key)(uint32_t insn);
    uint32_t key_mask_bits; /* insn bits the key is taken from */
    int nbuckets;
    uint8_t (*buckets)[ARM_BUCKET_MAX + 1]; /* [0] = count */
};

void arm_decoder_build(struct arm_decoder *d);
/* The matching pattern, or NULL (UNDEFINED). */
const struct arm_pattern *arm_decode(const struct arm_decoder *d,
                                     uint32_t insn, uint64_t features);

/* Globals (guest registers in struct arm_cpu). */
extern ir_t arm_R[16];
extern ir_t arm_NF, arm_ZF, arm_CF, arm_VF, arm_QF, arm_thumb_g;

static inline bool arm_has(const struct arm_dc *s, enum arm_feature f)
{
    return (s->features >> f) & 1;
}

/* ---- Registers ---- */

/* A copy of register r as read by the instruction (PC reads as the
 * instruction's address + 8 in ARM state, + 4 in Thumb state). */
ir_t arm_load_reg(struct arm_dc *s, int r);
/* Align(PC, 4) as Thumb PC-relative forms read it. */
uint32_t arm_pc_read_value(const struct arm_dc *s);
/* Write v to r (r != 15). */
void arm_store_reg(struct arm_dc *s, int r, ir_t v);

/* Writes to the PC, as the manual names them. */
void arm_branch_write_pc(struct arm_dc *s, ir_t v); /* no state change */
void arm_bx_write_pc(struct arm_dc *s, ir_t v);     /* interworking */
void arm_load_write_pc(struct arm_dc *s, ir_t v);   /* BX on v5T+ */
void arm_alu_write_pc(struct arm_dc *s, ir_t v);    /* BX on v7 ARM */
/* Register write by a load: r == 15 interworks as LoadWritePC. */
void arm_store_reg_from_load(struct arm_dc *s, int r, ir_t v);
/* Direct branch to a known address (optionally switching state). */
void arm_gen_direct_branch(struct arm_dc *s, uint32_t dest, bool to_thumb);

/* ---- Flags ---- */
void arm_gen_logic_flags(struct arm_dc *s, ir_t res);  /* NF = ZF = res */
/* d = a op b setting NZCV (adc/sbc use and update C). */
void arm_gen_add_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b);
void arm_gen_adc_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b);
void arm_gen_sub_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b);
void arm_gen_sbc_cc(struct arm_dc *s, ir_t d, ir_t a, ir_t b);
void arm_gen_adc(struct arm_dc *s, ir_t d, ir_t a, ir_t b);  /* no flags */
void arm_gen_sbc(struct arm_dc *s, ir_t d, ir_t a, ir_t b);

/* Shifts with the ARM rules for counts (shift_imm encodings: LSR/ASR #0
 * mean 32, ROR #0 means RRX).  When carry is not IR_NONE it receives the
 * shifter carry-out. */
enum { ARM_LSL, ARM_LSR, ARM_ASR, ARM_ROR };
void arm_gen_shift_imm(struct arm_dc *s, ir_t d, ir_t v, int type, int amount,
                       ir_t carry);
void arm_gen_shift_reg(struct arm_dc *s, ir_t d, ir_t v, int type, ir_t count,
                       ir_t carry);

/* LDM/STM of any addressing mode (a32_mem.c; Thumb uses it too). */
bool arm_gen_ldm_stm(struct arm_dc *s, int rn, uint32_t list, bool load,
                     bool before, bool up, bool wback);

/* Saturating signed add/sub setting Q on saturation. */
void arm_gen_qadd(struct arm_dc *s, ir_t d, ir_t a, ir_t b);
void arm_gen_qsub(struct arm_dc *s, ir_t d, ir_t a, ir_t b);
/* Q |= signed overflow of d = a + b (d already computed). */
void arm_gen_add_setq(struct arm_dc *s, ir_t d, ir_t a, ir_t b);

/* ---- Control ---- */
/* Branch to condlabel unless condition cond (0..14) holds. */
void arm_gen_test_cc(struct arm_dc *s, int cond, ir_label skip);
/* Raise excp at this instruction. */
void arm_gen_exception(struct arm_dc *s, int excp);
/* Raise excp with the PC already on the next instruction (SVC). */
void arm_gen_exception_next(struct arm_dc *s, int excp);
bool arm_trans_udef(struct arm_dc *s, uint32_t insn);

/* Guest memory: data byte order follows CPSR.E (SETEND). */
static inline enum ir_memop arm_mo(const struct arm_dc *s, enum ir_memop mo)
{
    return mo | (s->be_data ? MO_BE : MO_LE);
}

/* ---- Instruction-class decoders ---- */
extern struct arm_decoder arm_a32_decoder;      /* cond != 1111 */
extern struct arm_decoder arm_a32_uncond_decoder; /* cond == 1111 */
extern struct arm_decoder arm_t16_decoder;

/* The target's translate hook (translate.c) and table set-up (a32.c). */
void arm_translate(struct ir_ctx *c);
void arm_a32_build(void);

void arm_translate_a32(struct arm_dc *s, uint32_t insn);
/* hw2 is the following halfword when have_next (for BL/BLX pairs);
 * sets s->next_pc past what it consumed. */
void arm_translate_t16(struct arm_dc *s, uint32_t insn, uint32_t next_half,
                       bool have_next);
/* A 32-bit Thumb-2 instruction, insn = hw1 << 16 | hw2. */
void arm_translate_t32(struct arm_dc *s, uint32_t insn);
extern struct arm_decoder arm_t32_decoder;
/* Run an A32 encoding with cond = AL (the coprocessor space, whose T32
 * encodings are the A32 ones). */
bool arm_trans_a32_as_t32(struct arm_dc *s, uint32_t insn);
/* Emit the kuser helper at s->pc (user mode, helpers enabled). */
void arm_translate_kuser(struct arm_dc *s);

/* Pattern lists of each class, concatenated into the A32 table. */
extern const struct arm_pattern arm_a32_dp_patterns[];
extern const int arm_a32_dp_npatterns;
extern const struct arm_pattern arm_a32_mul_patterns[];
extern const int arm_a32_mul_npatterns;
extern const struct arm_pattern arm_a32_mem_patterns[];
extern const int arm_a32_mem_npatterns;
extern const struct arm_pattern arm_a32_branch_patterns[];
extern const int arm_a32_branch_npatterns;
extern const struct arm_pattern arm_vfp_patterns[];
extern const int arm_vfp_npatterns;
extern const struct arm_pattern arm_fpa_patterns[];
extern const int arm_fpa_npatterns;
extern const struct arm_pattern arm_neon_cp_patterns[];
extern const int arm_neon_cp_npatterns;
/* T32 Advanced SIMD (111U 1111 ..., 1111 1001 xxx0 ...), neon_decode.c. */
bool arm_neon_trans_t32(struct arm_dc *s, uint32_t insn);
extern const struct arm_pattern arm_a32_media_patterns[];
extern const int arm_a32_media_npatterns;

/* Shared generators of the ARMv6/v7 instructions (a32_media.c, a32_mem.c),
 * taking register numbers so the A32 and T32 decoders both use them. */
enum arm_xt { ARM_XTB, ARM_XTH, ARM_XTB16 };
void arm_gen_extend(struct arm_dc *s, int rd, int rn, int rm, int rot,
                    enum arm_xt kind, bool is_signed);
void arm_gen_ssat(struct arm_dc *s, int rd, int rn, int sat, bool asr,
                  int shift, bool is_unsigned);
void arm_gen_sat16(struct arm_dc *s, int rd, int rn, int sat,
                   bool is_unsigned);
/* op: bits 22:20 of the A32 encoding (1 S, 2 Q, 3 SH, 5 U, 6 UQ, 7 UH),
 * op2: bits 7:5 (0 ADD16, 1 ASX, 2 SAX, 3 SUB16, 4 ADD8, 7 SUB8). */
bool arm_gen_parallel(struct arm_dc *s, int rd, int rn, int rm, int op,
                      int op2);
void arm_gen_sel(struct arm_dc *s, int rd, int rn, int rm);
void arm_gen_pkh(struct arm_dc *s, int rd, int rn, int rm, bool tb,
                 int shift);
/* kind: 0 REV, 1 REV16, 2 REVSH, 3 RBIT */
void arm_gen_rev(struct arm_dc *s, int rd, int rm, int kind);
/* Dual 16-bit multiplies: sub = SMUSD family, x = swap Rm halves;
 * ra == 15 for the non-accumulating forms. */
void arm_gen_smlad(struct arm_dc *s, int rd, int rn, int rm, int ra, bool x,
                   bool sub);
void arm_gen_smlald(struct arm_dc *s, int rdlo, int rdhi, int rn, int rm,
                    bool x, bool sub);
/* SMMUL/SMMLA (ra != 15)/SMMLS (sub), r = round. */
void arm_gen_smmla(struct arm_dc *s, int rd, int rn, int rm, int ra, bool sub,
                   bool r);
void arm_gen_usada8(struct arm_dc *s, int rd, int rn, int rm, int ra);
void arm_gen_div(struct arm_dc *s, int rd, int rn, int rm, bool is_signed);
void arm_gen_umaal(struct arm_dc *s, int rdlo, int rdhi, int rn, int rm);
void arm_gen_bitfield(struct arm_dc *s, int rd, int rn, int lsb, int width,
                      int kind); /* 0 BFI/BFC (rn 15), 1 UBFX, 2 SBFX */
/* Exclusive accesses: size MO_8..MO_64 (MO_64 uses rt and rt2). */
void arm_gen_ldrex(struct arm_dc *s, int rt, int rt2, ir_t addr,
                   enum ir_memop size);
void arm_gen_strex(struct arm_dc *s, int rd, int rt, int rt2, ir_t addr,
                   enum ir_memop size);
void arm_gen_clrex(struct arm_dc *s);
void arm_gen_setend(struct arm_dc *s, bool be);
/* MCR p15 barrier operations (insn in the A32/T32 coprocessor layout). */
bool arm_gen_cp15_barrier(struct arm_dc *s, uint32_t insn);

/* Helpers (helpers.c). */
extern const struct ir_helper helper_arm_mrs_cpsr;
extern const struct ir_helper helper_arm_exception_exit;
extern const struct ir_helper helper_arm_parallel;
extern const struct ir_helper helper_arm_sel;
extern const struct ir_helper helper_arm_sat16;
extern const struct ir_helper helper_arm_usad8;
extern const struct ir_helper helper_arm_xtb16;
extern const struct ir_helper helper_arm_rbit;

#endif
