/*
 * kemu IR: the intermediate representation every guest decoder emits and
 * every backend (the interpreter, later the x86-64 code generator) consumes.
 *
 * A translation block (TB) is a linear list of ops over temporaries.
 *
 *  - Types: every temp and every op is IR_I32 or IR_I64.  An op's type is
 *    the type of its first output (or of its first input when it has no
 *    output); the builder checks that operands agree.
 *  - Temps come in three kinds:
 *      globals   guest registers living as fields of the CPU state struct,
 *                registered once per target (ir_global_register) and shared
 *                by all TBs of that target;
 *      locals    per-TB scratch values (ir_new_i32/ir_new_i64); a local
 *                keeps its value across labels and branches inside the TB;
 *      constants (ir_const_i32/ir_const_i64), read-only.
 *  - Control flow inside a TB is forward only: a branch always targets a
 *    label set later in the op list.  This keeps liveness a single backward
 *    pass.  Loops in guest code are loops of TBs.
 *  - A TB ends with ir_exit_tb or ir_lookup_and_goto (possibly preceded by
 *    ir_goto_tb).  Falling off the end of the op list is a builder error.
 *
 * Exceptions are precise: each guest instruction starts with
 * ir_insn_start(pc, extra); when a helper or a memory access faults, the
 * engine finds the last insn_start executed and hands its words to the
 * target's restore_state hook.  Globals are always up to date in the CPU
 * state at any op that may fault (the interpreter keeps them there; the code
 * generator spills before such ops).
 */
#ifndef KEMU_ENGINE_IR_H
#define KEMU_ENGINE_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ir_type { IR_I32 = 0, IR_I64 = 1 };

/* Index of a temp inside an ir_ctx.  Globals have the lowest indices. */
typedef uint16_t ir_t;
#define IR_NONE ((ir_t)0xffff)

/* Index of a label inside an ir_ctx. */
typedef uint16_t ir_label;

enum ir_temp_kind {
    IR_TEMP_GLOBAL,
    IR_TEMP_LOCAL,
    IR_TEMP_CONST,
};

/* Comparison conditions for setcond, movcond and brcond. */
enum ir_cond {
    IR_COND_NEVER,
    IR_COND_ALWAYS,
    IR_COND_EQ,
    IR_COND_NE,
    IR_COND_LT,  /* signed */
    IR_COND_GE,
    IR_COND_LE,
    IR_COND_GT,
    IR_COND_LTU, /* unsigned */
    IR_COND_GEU,
    IR_COND_LEU,
    IR_COND_GTU,
    IR_COND_TSTEQ, /* (a & b) == 0 */
    IR_COND_TSTNE, /* (a & b) != 0 */
};

/*
 * Guest memory operation descriptor: size, signedness, byte order and
 * alignment rule.  Byte order is the guest's data order for this access:
 * decoders pass their current endianness, the backend swaps when it differs
 * from the host's (x86-64, little-endian).
 */
enum ir_memop {
    MO_8 = 0,
    MO_16 = 1,
    MO_32 = 2,
    MO_64 = 3,
    MO_SIZE = 3,       /* mask: log2 of the access size in bytes */
    MO_SIGN = 4,       /* sign-extend loads to the destination type */
    MO_LE = 0,
    MO_BE = 8,         /* big-endian access */
    MO_ALIGN = 16,     /* misaligned access raises EXCP_UNALIGNED */
};

/* Opcodes.  The list (with operand counts) lives in ir-ops.def. */
enum ir_opcode {
#define IR_OP(name, nout, nin, flags) IR_OP_##name,
#include "engine/ir-ops.def"
#undef IR_OP
    IR_OP_COUNT
};

/* Static properties of an opcode (see ir-ops.def). */
enum ir_op_flags {
    IR_OPF_SIDE_EFFECTS = 1, /* never removed as dead code */
    IR_OPF_BB_END = 2,       /* ends a basic block (branches, exits) */
    IR_OPF_MAY_FAULT = 4,    /* globals must be in memory before it */
    IR_OPF_CALL = 8,
};

struct ir_op_def {
    const char *name;
    uint8_t nout;
    uint8_t nin;
    uint8_t flags;
};
extern const struct ir_op_def ir_op_defs[IR_OP_COUNT];

/*
 * Helper functions: plain C functions the IR calls.  Every argument and the
 * return value are passed as uint64_t (i32 values zero-extended); the first
 * C parameter is always the CPU state (struct cpu_common *), passed
 * implicitly.  So a helper with nargs == 2 has the C type
 *     uint64_t fn(struct cpu_common *cpu, uint64_t a, uint64_t b);
 * Helpers without a result return 0 and are declared with ret == false.
 *
 * By default a helper may read and write any global and may raise a guest
 * exception (cpu_raise).  The flags below promise less, so that the
 * optimizer and code generator can keep values in registers across it.
 */
enum ir_helper_flags {
    IR_HELPER_NO_READ_GLOBALS = 1,
    IR_HELPER_NO_WRITE_GLOBALS = 2,
    IR_HELPER_NO_RAISE = 4,
    /* No side effects at all: removable when its result is unused. */
    IR_HELPER_PURE = IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
                     IR_HELPER_NO_RAISE | 8,
};

#define IR_HELPER_MAX_ARGS 6

struct cpu_common;
typedef uint64_t (*ir_helper_fn)();

struct ir_helper {
    const char *name;
    ir_helper_fn fn;
    uint8_t nargs;   /* not counting the implicit cpu pointer */
    bool ret;        /* has a result */
    uint8_t flags;   /* enum ir_helper_flags */
};

/*
 * Declare a helper descriptor next to its C function:
 *   IR_HELPER_DEF(arm_clz, 1, true, IR_HELPER_PURE)
 * defines `const struct ir_helper helper_arm_clz` naming `arm_clz`.
 */
#define IR_HELPER_DEF(fname, n, has_ret, fl)                                \
    const struct ir_helper helper_##fname = {                               \
        .name = #fname, .fn = (ir_helper_fn)(fname), .nargs = (n),          \
        .ret = (has_ret), .flags = (fl) }

/* One op.  Outputs come first in args[], then inputs. */
#define IR_MAX_OP_ARGS 8
struct ir_op {
    uint8_t opc;      /* enum ir_opcode */
    uint8_t type;     /* enum ir_type */
    uint8_t cond;     /* enum ir_cond, for setcond/movcond/brcond */
    uint8_t pad;
    uint32_t aux;     /* label, memop, bitfield pos|len<<8, env offset,
                         insn index, exit slot: see ir-ops.def */
    const struct ir_helper *helper; /* for call */
    ir_t args[IR_MAX_OP_ARGS];
};

struct ir_temp {
    uint8_t type;     /* enum ir_type */
    uint8_t kind;     /* enum ir_temp_kind */
    uint16_t pad;
    int32_t env_offset; /* globals: byte offset in the CPU state */
    uint64_t val;       /* constants: the value (i32: zero-extended) */
    const char *name;   /* globals: register name, for dumps */
};

/* Words recorded by ir_insn_start, handed back to restore_state. */
#define IR_INSN_WORDS 2

/* Limits of one translation: generous, the TB ends before reaching them. */
#define IR_MAX_GLOBALS 512
#define IR_MAX_TEMPS 16384
#define IR_MAX_OPS 16384
#define IR_MAX_LABELS 2048
#define IR_MAX_INSNS 512

/* The table of globals of one target, filled once at start-up. */
struct ir_globals {
    int count;
    struct ir_temp temps[IR_MAX_GLOBALS];
};

ir_t ir_global_register(struct ir_globals *g, enum ir_type type,
                        size_t env_offset, const char *name);

/*
 * One translation in progress.  The target's translate hook receives it
 * with pc/flags/max_insns set and fills the op list through the builder
 * functions below, then sets pc_end (the guest address just past the last
 * instruction translated) and ninsns.
 */
struct ir_ctx {
    /* Inputs to the decoder. */
    uint64_t pc;          /* guest PC of the TB's first instruction */
    uint32_t flags;       /* target's TB flags (CPU mode bits) */
    int max_insns;        /* stop after this many instructions */
    bool single_step;     /* -one-insn-per-tb or gdb stepping */
    struct cpu_common *cpu;
    /* When set, ir_lookup_and_goto first emits a lookup_key computed by
     * this hook (target_info.gen_tb_key; the engine sets it for generated
     * code).  ir_ctx_init clears it. */
    void (*gen_tb_key)(struct ir_ctx *c, ir_t *pc, ir_t *flags);

    /* Outputs of the decoder. */
    uint64_t pc_end;
    int ninsns;

    /* The op list. */
    int nops;
    struct ir_op ops[IR_MAX_OPS];

    int ntemps;          /* globals first, then locals and constants */
    int nglobals;
    struct ir_temp temps[IR_MAX_TEMPS];

    int nlabels;

    uint64_t insn_data[IR_MAX_INSNS][IR_INSN_WORDS];

    /* Set by the builder on overflow; the engine then retranslates with
     * fewer instructions. */
    bool overflow;

    /* Engine bookkeeping, filled by the builder and translator_fetch. */
    int ninsn_starts;          /* insn_start ops emitted so far */
    int ncode_pages;           /* guest pages the TB's code lies on */
    uint64_t code_pages[2];
};

/* ---- Builder: temps ---------------------------------------------------- */

ir_t ir_new_i32(struct ir_ctx *c);
ir_t ir_new_i64(struct ir_ctx *c);
ir_t ir_new(struct ir_ctx *c, enum ir_type type);
ir_t ir_const_i32(struct ir_ctx *c, uint32_t v);
ir_t ir_const_i64(struct ir_ctx *c, uint64_t v);
ir_t ir_const(struct ir_ctx *c, enum ir_type type, uint64_t v);

static inline enum ir_type ir_temp_type(const struct ir_ctx *c, ir_t t)
{
    return (enum ir_type)c->temps[t].type;
}

/* ---- Builder: ops -------------------------------------------------------
 * Destination first, as in "d = a OP b".  The type comes from the
 * destination; inputs must have the same type unless stated. */

void ir_mov(struct ir_ctx *c, ir_t d, ir_t a);
void ir_movi(struct ir_ctx *c, ir_t d, uint64_t imm);

/* Arithmetic and logic. */
void ir_add(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_sub(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_mul(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_and(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_or(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_xor(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_andc(struct ir_ctx *c, ir_t d, ir_t a, ir_t b); /* a & ~b */
void ir_orc(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);  /* a | ~b */
void ir_neg(struct ir_ctx *c, ir_t d, ir_t a);
void ir_not(struct ir_ctx *c, ir_t d, ir_t a);

/* Shifts and rotates: the count is taken modulo the width (32 or 64), as
 * on the host; decoders handle their guest's rules for big counts. */
void ir_shl(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_shr(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_sar(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_rotl(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_rotr(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);

/* Division never traps in the IR: x/0 = 0, x%0 = x, MIN/-1 = MIN,
 * MIN%-1 = 0.  Guests that trap emit the check themselves. */
void ir_div(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_divu(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_rem(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);
void ir_remu(struct ir_ctx *c, ir_t d, ir_t a, ir_t b);

/* Double-width products: (hi:lo) = a * b, unsigned or signed. */
void ir_mulu2(struct ir_ctx *c, ir_t lo, ir_t hi, ir_t a, ir_t b);
void ir_muls2(struct ir_ctx *c, ir_t lo, ir_t hi, ir_t a, ir_t b);

/* Immediate forms (build a constant temp). */
void ir_addi(struct ir_ctx *c, ir_t d, ir_t a, uint64_t imm);
void ir_subi(struct ir_ctx *c, ir_t d, ir_t a, uint64_t imm);
void ir_andi(struct ir_ctx *c, ir_t d, ir_t a, uint64_t imm);
void ir_ori(struct ir_ctx *c, ir_t d, ir_t a, uint64_t imm);
void ir_xori(struct ir_ctx *c, ir_t d, ir_t a, uint64_t imm);
void ir_shli(struct ir_ctx *c, ir_t d, ir_t a, unsigned imm);
void ir_shri(struct ir_ctx *c, ir_t d, ir_t a, unsigned imm);
void ir_sari(struct ir_ctx *c, ir_t d, ir_t a, unsigned imm);
void ir_rotli(struct ir_ctx *c, ir_t d, ir_t a, unsigned imm);
void ir_rotri(struct ir_ctx *c, ir_t d, ir_t a, unsigned imm);

/* Bit counting: clz/ctz of 0 give the width; ctpop counts ones. */
void ir_clz(struct ir_ctx *c, ir_t d, ir_t a);
void ir_ctz(struct ir_ctx *c, ir_t d, ir_t a);
void ir_ctpop(struct ir_ctx *c, ir_t d, ir_t a);

/* Byte swaps: bswap16 swaps the low two bytes and zero-extends;
 * bswap32 on an i64 swaps the low four bytes and zero-extends. */
void ir_bswap16(struct ir_ctx *c, ir_t d, ir_t a);
void ir_bswap32(struct ir_ctx *c, ir_t d, ir_t a);
void ir_bswap64(struct ir_ctx *c, ir_t d, ir_t a);

/* Extensions inside one type (from the low 8/16/32 bits). */
void ir_ext8s(struct ir_ctx *c, ir_t d, ir_t a);
void ir_ext8u(struct ir_ctx *c, ir_t d, ir_t a);
void ir_ext16s(struct ir_ctx *c, ir_t d, ir_t a);
void ir_ext16u(struct ir_ctx *c, ir_t d, ir_t a);
void ir_ext32s(struct ir_ctx *c, ir_t d, ir_t a); /* i64 only */
void ir_ext32u(struct ir_ctx *c, ir_t d, ir_t a); /* i64 only */

/* Between types. */
void ir_extu_i32_i64(struct ir_ctx *c, ir_t d64, ir_t a32);
void ir_exts_i32_i64(struct ir_ctx *c, ir_t d64, ir_t a32);
void ir_extrl_i64_i32(struct ir_ctx *c, ir_t d32, ir_t a64); /* low half */
void ir_extrh_i64_i32(struct ir_ctx *c, ir_t d32, ir_t a64); /* high half */
void ir_concat_i32_i64(struct ir_ctx *c, ir_t d64, ir_t lo32, ir_t hi32);

/* Bit fields: extract bits [pos, pos+len) of a, zero- or sign-extended;
 * deposit: d = a with bits [pos, pos+len) replaced by the low len bits of b.
 * 0 < len, pos + len <= width. */
void ir_extract(struct ir_ctx *c, ir_t d, ir_t a, unsigned pos, unsigned len);
void ir_sextract(struct ir_ctx *c, ir_t d, ir_t a, unsigned pos, unsigned len);
void ir_deposit(struct ir_ctx *c, ir_t d, ir_t a, ir_t b, unsigned pos,
                unsigned len);

/* Comparisons.  setcond: d = (a cond b) ? 1 : 0.
 * movcond: d = (c1 cond c2) ? v1 : v2 (c1/c2 may differ in type from d). */
void ir_setcond(struct ir_ctx *c, enum ir_cond cond, ir_t d, ir_t a, ir_t b);
void ir_movcond(struct ir_ctx *c, enum ir_cond cond, ir_t d, ir_t c1, ir_t c2,
                ir_t v1, ir_t v2);

/* Labels and forward branches. */
ir_label ir_new_label(struct ir_ctx *c);
void ir_set_label(struct ir_ctx *c, ir_label l);
void ir_br(struct ir_ctx *c, ir_label l);
void ir_brcond(struct ir_ctx *c, enum ir_cond cond, ir_t a, ir_t b,
               ir_label l);
void ir_brcondi(struct ir_ctx *c, enum ir_cond cond, ir_t a, uint64_t imm,
                ir_label l);

/* CPU state fields that are not globals (arrays, rarely used state).
 * memop gives size and sign (byte order is always the host's). */
void ir_ld_env(struct ir_ctx *c, ir_t d, size_t env_offset,
               enum ir_memop memop);
void ir_st_env(struct ir_ctx *c, ir_t v, size_t env_offset,
               enum ir_memop memop);

/* Guest memory.  addr has the guest's address width (i32 for 32-bit
 * guests, i64 for 64-bit ones).  Loads narrower than d are zero- or
 * sign-extended per MO_SIGN. */
void ir_guest_ld(struct ir_ctx *c, ir_t d, ir_t addr, enum ir_memop memop);
void ir_guest_st(struct ir_ctx *c, ir_t v, ir_t addr, enum ir_memop memop);

/* Atomic read-modify-write on guest memory (host atomics).
 * cmpxchg: old = *addr; if (old == cmp) *addr = newv.
 * xchg:    old = *addr; *addr = newv. */
void ir_atomic_cmpxchg(struct ir_ctx *c, ir_t old, ir_t addr, ir_t cmp,
                       ir_t newv, enum ir_memop memop);
void ir_atomic_xchg(struct ir_ctx *c, ir_t old, ir_t addr, ir_t newv,
                    enum ir_memop memop);
void ir_atomic_fetch_add(struct ir_ctx *c, ir_t old, ir_t addr, ir_t val,
                         enum ir_memop memop);
void ir_mb(struct ir_ctx *c); /* full memory barrier */

/* Helper calls.  ret is IR_NONE for helpers without a result; args are
 * i32 or i64 temps (i32 passed zero-extended). */
void ir_call(struct ir_ctx *c, const struct ir_helper *h, ir_t ret,
             int nargs, const ir_t *args);
void ir_call0(struct ir_ctx *c, const struct ir_helper *h, ir_t ret);
void ir_call1(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a);
void ir_call2(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a,
              ir_t b);
void ir_call3(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a,
              ir_t b, ir_t d);
void ir_call4(struct ir_ctx *c, const struct ir_helper *h, ir_t ret, ir_t a,
              ir_t b, ir_t d, ir_t e);

/* Marks the start of a guest instruction; the two words come back to the
 * target's restore_state hook if this instruction faults. */
void ir_insn_start(struct ir_ctx *c, uint64_t pc, uint64_t extra);

/* Raise guest exception excp (enum exec_exception or a target's own code)
 * at the current instruction: state is restored from its insn_start. */
void ir_raise(struct ir_ctx *c, int excp);

/*
 * Leaving the TB.  A direct jump to a known PC is
 *     ir_goto_tb(c, n);  set the PC global to dest;  ir_exit_tb(c, n);
 * goto_tb jumps straight into the next TB once the engine has chained slot
 * n (0 or 1) to it, skipping the rest; until then execution falls through
 * and exit_tb(n) returns to the loop, which looks the next TB up and chains
 * the slot.  ir_exit_tb(c, IR_EXIT_NOCHAIN) returns without chaining.
 * ir_lookup_and_goto looks the TB for the current CPU state up in the jump
 * cache and continues there (computed jumps, returns), or returns to the
 * loop when it is not found.
 */
#define IR_EXIT_NOCHAIN 2
void ir_goto_tb(struct ir_ctx *c, int slot);
void ir_exit_tb(struct ir_ctx *c, int slot);
void ir_lookup_and_goto(struct ir_ctx *c);

/* ---- Whole-list utilities ------------------------------------------------ */

/* Reset c for a new translation with the target's globals. */
void ir_ctx_init(struct ir_ctx *c, const struct ir_globals *g);

/* The optimizer: constant folding and propagation, copy propagation,
 * dead-code elimination driven by liveness. */
void ir_optimize(struct ir_ctx *c);

/* Check structural rules (types, forward labels, terminated list);
 * returns NULL or a description of the first violation. */
const char *ir_verify(const struct ir_ctx *c);

/* Print the op list, one op per line, for -d op / -d op_opt. */
void ir_dump(const struct ir_ctx *c, void (*out)(const char *line));

#endif
