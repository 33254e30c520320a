/*
 * x86-64 instruction encoder: the few instruction shapes the code
 * generator needs, written as (prefix flags | opcode byte) plus ModRM
 * operands.  Everything here appends bytes at e->p; callers check room
 * once per IR op (no single op needs more than EMIT_OP_MAX bytes).
 */
#ifndef KEMU_ENGINE_X86_EMIT_H
#define KEMU_ENGINE_X86_EMIT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
    R8, R9, R10, R11, R12, R13, R14, R15,
};

/* Prefix flags or'ed into an opcode. */
#define P_EXT     0x100    /* 0F xx */
#define P_DATA16  0x200    /* 66: 16-bit operand */
#define P_REXW    0x400    /* 64-bit operand */
#define P_BYTER   0x800    /* reg field is a byte register (spl..dil need REX) */
#define P_BYTERM  0x1000   /* r/m field is a byte register */
#define P_F3      0x2000   /* F3 prefix (popcnt, lzcnt) */

/* Common opcodes. */
#define OPC_ARITH_EvIz  0x81
#define OPC_ARITH_EvIb  0x83
#define OPC_ADD_GvEv    0x03
#define OPC_MOVB_EvGv   0x88
#define OPC_MOVL_EvGv   0x89
#define OPC_MOVL_GvEv   0x8b
#define OPC_LEA         0x8d
#define OPC_MOVL_EvIz   0xc7
#define OPC_MOVB_EvIz   0xc6
#define OPC_SHIFT_Ib    0xc1
#define OPC_SHIFT_cl    0xd3
#define OPC_GRP3_Ev     0xf7
#define OPC_TESTL       0x85
#define OPC_IMUL_GvEv   (0xaf | P_EXT)
#define OPC_IMUL_GvEvIz 0x69
#define OPC_MOVZBL      (0xb6 | P_EXT)
#define OPC_MOVZWL      (0xb7 | P_EXT)
#define OPC_MOVSBL      (0xbe | P_EXT)
#define OPC_MOVSWL      (0xbf | P_EXT)
#define OPC_MOVSLQ      (0x63 | P_REXW)
#define OPC_BSF         (0xbc | P_EXT)
#define OPC_BSR         (0xbd | P_EXT)
#define OPC_POPCNT      (0xb8 | P_EXT | P_F3)
#define OPC_CMOVCC      (0x40 | P_EXT)
#define OPC_SETCC       (0x90 | P_EXT | P_BYTERM)
#define OPC_JCC_long    (0x80 | P_EXT)
#define OPC_BSWAP       (0xc8 | P_EXT)

/* /n extensions of the arithmetic group (0x81/0x83) and in 2-operand form
 * (opcode = ext << 3 | 1 for "Ev, Gv"; | 3 for "Gv, Ev"). */
enum { ARITH_ADD = 0, ARITH_OR = 1, ARITH_AND = 4, ARITH_SUB = 5,
       ARITH_XOR = 6, ARITH_CMP = 7 };
/* /n extensions of the shift group. */
enum { SHIFT_ROL = 0, SHIFT_ROR = 1, SHIFT_SHL = 4, SHIFT_SHR = 5,
       SHIFT_SAR = 7 };
/* /n extensions of group 3 (0xf7). */
enum { EXT3_NOT = 2, EXT3_NEG = 3, EXT3_MUL = 4, EXT3_IMUL = 5 };

/* x86 condition codes (low nibble of Jcc/SETcc/CMOVcc). */
enum { JCC_O = 0, JCC_NO, JCC_B, JCC_AE, JCC_E, JCC_NE, JCC_BE, JCC_A,
       JCC_S, JCC_NS, JCC_P, JCC_NP, JCC_L, JCC_GE, JCC_LE, JCC_G };

struct emit {
    uint8_t *p;       /* next byte (writable view) */
    uint8_t *start;   /* start of the current TB's code (writable view) */
    uint8_t *limit;   /* end of usable room */
    intptr_t rx;      /* executable address = writable address + rx */
};

static inline void e8(struct emit *e, uint8_t b) { *e->p++ = b; }
static inline void e32(struct emit *e, uint32_t v)
{
    memcpy(e->p, &v, 4);
    e->p += 4;
}
static inline void e64(struct emit *e, uint64_t v)
{
    memcpy(e->p, &v, 8);
    e->p += 8;
}

/* Executable address of the next byte. */
static inline uintptr_t e_here_rx(const struct emit *e)
{
    return (uintptr_t)e->p + e->rx;
}

static inline bool fits_s8(int64_t v) { return v == (int8_t)v; }
static inline bool fits_s32(int64_t v) { return v == (int32_t)v; }

static inline void e_opc(struct emit *e, int opc, int r, int rm, int x)
{
    int rex = 0;
    if (opc & P_DATA16)
        e8(e, 0x66);
    if (opc & P_F3)
        e8(e, 0xf3);
    if (opc & P_REXW)
        rex |= 8;
    if (r & 8)
        rex |= 4;
    if (x & 8)
        rex |= 2;
    if (rm & 8)
        rex |= 1;
    if ((opc & P_BYTER) && r >= 4)
        rex |= 0x40;
    if ((opc & P_BYTERM) && rm >= 4)
        rex |= 0x40;
    if (rex)
        e8(e, (uint8_t)(0x40 | rex));
    if (opc & P_EXT)
        e8(e, 0x0f);
    e8(e, (uint8_t)opc);
}

/* opc r, rm (register-direct). */
static inline void e_rr(struct emit *e, int opc, int r, int rm)
{
    e_opc(e, opc, r, rm, 0);
    e8(e, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

/* opc r, [base + index + disp] (index < 0: none). */
static inline void e_rm(struct emit *e, int opc, int r, int base, int index,
                        int32_t disp)
{
    int mod;
    e_opc(e, opc, r, base, index < 0 ? 0 : index);
    if (disp == 0 && (base & 7) != RBP)
        mod = 0;
    else if (fits_s8(disp))
        mod = 0x40;
    else
        mod = 0x80;
    if (index < 0 && (base & 7) != RSP) {
        e8(e, (uint8_t)(mod | (r & 7) << 3 | (base & 7)));
    } else {
        e8(e, (uint8_t)(mod | (r & 7) << 3 | 4));
        e8(e, (uint8_t)((index < 0 ? 4 : (index & 7)) << 3 | (base & 7)));
    }
    if (mod == 0x40)
        e8(e, (uint8_t)disp);
    else if (mod == 0x80)
        e32(e, (uint32_t)disp);
}

/* opc r, [base + (index << shift)] (no displacement): the scaled lea. */
static inline void e_rm_scaled(struct emit *e, int opc, int r, int base,
                               int index, unsigned shift)
{
    e_opc(e, opc, r, base, index);
    int mod = (base & 7) == RBP ? 0x40 : 0;
    e8(e, (uint8_t)(mod | (r & 7) << 3 | 4));
    e8(e, (uint8_t)(shift << 6 | (index & 7) << 3 | (base & 7)));
    if (mod)
        e8(e, 0);
}

/* Register-to-register move.  i32 values are kept zero-extended in
 * registers, so moving a register onto itself is a no-op at any width. */
static inline void e_mov_rr(struct emit *e, bool w64, int d, int s)
{
    if (d != s)
        e_rr(e, OPC_MOVL_EvGv | (w64 ? P_REXW : 0), s, d);
}

/* d = low 32 bits of s, zero-extended (always emitted: truncation). */
static inline void e_zext32(struct emit *e, int d, int s)
{
    e_rr(e, OPC_MOVL_EvGv, s, d);
}

static inline void e_movi(struct emit *e, int d, uint64_t v, bool w64)
{
    if (!w64)
        v = (uint32_t)v;
    if (v == 0) {
        e_rr(e, ARITH_XOR << 3 | 1, d, d);
    } else if (v == (uint32_t)v) {
        e_opc(e, 0xb8 + (d & 7), 0, d, 0);
        e32(e, (uint32_t)v);
    } else if (fits_s32((int64_t)v)) {
        e_rr(e, OPC_MOVL_EvIz | P_REXW, 0, d);
        e32(e, (uint32_t)v);
    } else {
        e_opc(e, (0xb8 + (d & 7)) | P_REXW, 0, d, 0);
        e64(e, v);
    }
}

/* Group-1 arithmetic with an immediate: op d, imm. */
static inline void e_arith_ri(struct emit *e, int ext, bool w64, int d,
                              int32_t imm)
{
    int w = w64 ? P_REXW : 0;
    if (fits_s8(imm)) {
        e_rr(e, OPC_ARITH_EvIb | w, ext, d);
        e8(e, (uint8_t)imm);
    } else {
        e_rr(e, OPC_ARITH_EvIz | w, ext, d);
        e32(e, (uint32_t)imm);
    }
}

/* Group-1 arithmetic between registers: op d, s. */
static inline void e_arith_rr(struct emit *e, int ext, bool w64, int d, int s)
{
    e_rr(e, (ext << 3 | 1) | (w64 ? P_REXW : 0), s, d);
}

static inline void e_shift_ri(struct emit *e, int ext, bool w64, int d,
                              unsigned n)
{
    e_rr(e, OPC_SHIFT_Ib | (w64 ? P_REXW : 0), ext, d);
    e8(e, (uint8_t)n);
}

/* jmp/jcc rel32 to a later-patched target: returns the address of the
 * displacement (writable view). */
static inline uint8_t *e_jcc32(struct emit *e, int cc)
{
    e_opc(e, OPC_JCC_long | cc, 0, 0, 0);
    uint8_t *d = e->p;
    e32(e, 0);
    return d;
}

static inline uint8_t *e_jmp32(struct emit *e)
{
    e8(e, 0xe9);
    uint8_t *d = e->p;
    e32(e, 0);
    return d;
}

/* Point a rel32 displacement at d (writable view) to the byte at target
 * (writable view of the same buffer). */
static inline void e_patch32(uint8_t *d, const uint8_t *target)
{
    int32_t rel = (int32_t)(target - (d + 4));
    memcpy(d, &rel, 4);
}

#endif
