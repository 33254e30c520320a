/*
 * The meaning of each value op, written once: the interpreter executes
 * these and the optimizer folds constants with them, so both agree by
 * construction.  Values travel as uint64_t; i32 results are zero-extended.
 */
#ifndef KEMU_ENGINE_IR_SEM_H
#define KEMU_ENGINE_IR_SEM_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/ir.h"

static inline uint32_t sem_rotl32(uint32_t a, uint32_t n)
{
    n &= 31;
    return n ? (a << n) | (a >> (32 - n)) : a;
}

static inline uint64_t sem_rotl64(uint64_t a, uint64_t n)
{
    n &= 63;
    return n ? (a << n) | (a >> (64 - n)) : a;
}

static inline uint32_t sem_rotr32(uint32_t a, uint32_t n)
{
    n &= 31;
    return n ? (a >> n) | (a << (32 - n)) : a;
}

static inline uint64_t sem_rotr64(uint64_t a, uint64_t n)
{
    n &= 63;
    return n ? (a >> n) | (a << (64 - n)) : a;
}

/* Division never traps: x/0 = 0, x%0 = x, MIN/-1 = MIN, MIN%-1 = 0. */
static inline uint32_t sem_div32(uint32_t a, uint32_t b)
{
    if (b == 0)
        return 0;
    if (a == 0x80000000u && b == 0xffffffffu)
        return a;
    return (uint32_t)((int32_t)a / (int32_t)b);
}

static inline uint64_t sem_div64(uint64_t a, uint64_t b)
{
    if (b == 0)
        return 0;
    if (a == 0x8000000000000000ull && b == ~0ull)
        return a;
    return (uint64_t)((int64_t)a / (int64_t)b);
}

static inline uint32_t sem_rem32(uint32_t a, uint32_t b)
{
    if (b == 0)
        return a;
    if (a == 0x80000000u && b == 0xffffffffu)
        return 0;
    return (uint32_t)((int32_t)a % (int32_t)b);
}

static inline uint64_t sem_rem64(uint64_t a, uint64_t b)
{
    if (b == 0)
        return a;
    if (a == 0x8000000000000000ull && b == ~0ull)
        return 0;
    return (uint64_t)((int64_t)a % (int64_t)b);
}

static inline uint32_t sem_divu32(uint32_t a, uint32_t b) { return b ? a / b : 0; }
static inline uint64_t sem_divu64(uint64_t a, uint64_t b) { return b ? a / b : 0; }
static inline uint32_t sem_remu32(uint32_t a, uint32_t b) { return b ? a % b : a; }
static inline uint64_t sem_remu64(uint64_t a, uint64_t b) { return b ? a % b : a; }

static inline bool sem_cond32(unsigned cond, uint32_t a, uint32_t b)
{
    switch (cond) {
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return (int32_t)a < (int32_t)b;
    case IR_COND_GE: return (int32_t)a >= (int32_t)b;
    case IR_COND_LE: return (int32_t)a <= (int32_t)b;
    case IR_COND_GT: return (int32_t)a > (int32_t)b;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    case IR_COND_TSTEQ: return (a & b) == 0;
    case IR_COND_TSTNE: return (a & b) != 0;
    default: return false;
    }
}

static inline bool sem_cond64(unsigned cond, uint64_t a, uint64_t b)
{
    switch (cond) {
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return (int64_t)a < (int64_t)b;
    case IR_COND_GE: return (int64_t)a >= (int64_t)b;
    case IR_COND_LE: return (int64_t)a <= (int64_t)b;
    case IR_COND_GT: return (int64_t)a > (int64_t)b;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    case IR_COND_TSTEQ: return (a & b) == 0;
    case IR_COND_TSTNE: return (a & b) != 0;
    default: return false;
    }
}

static inline bool sem_cond(enum ir_type t, unsigned cond, uint64_t a,
                            uint64_t b)
{
    return t == IR_I64 ? sem_cond64(cond, a, b)
                       : sem_cond32(cond, (uint32_t)a, (uint32_t)b);
}

/* Fields: pos/len already checked by the builder (0 < len, pos+len <= w). */
static inline uint64_t sem_extract(uint64_t a, unsigned pos, unsigned len)
{
    return (a >> pos) & (len == 64 ? ~0ull : (1ull << len) - 1);
}

static inline uint64_t sem_sextract(uint64_t a, unsigned pos, unsigned len)
{
    return (uint64_t)((int64_t)(a << (64 - pos - len)) >> (64 - len));
}

static inline uint64_t sem_deposit(uint64_t a, uint64_t b, unsigned pos,
                                   unsigned len)
{
    uint64_t mask = (len == 64 ? ~0ull : (1ull << len) - 1) << pos;
    return (a & ~mask) | ((b << pos) & mask);
}

/*
 * Generic evaluation of a one-output value op with inputs a, b (unused
 * ones ignored), for constant folding.  Returns false for ops it does not
 * evaluate (memory, control flow, double-width, calls).
 */
static inline bool sem_eval(const struct ir_op *op, enum ir_type in_type,
                            uint64_t a, uint64_t b, uint64_t *out)
{
    bool w64 = op->type == IR_I64;
    uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b;
    uint64_t r;
    unsigned pos = op->aux & 0xff, len = op->aux >> 8;

    switch (op->opc) {
    case IR_OP_mov: r = a; break;
    case IR_OP_add: r = a + b; break;
    case IR_OP_sub: r = a - b; break;
    case IR_OP_mul: r = a * b; break;
    case IR_OP_and: r = a & b; break;
    case IR_OP_or: r = a | b; break;
    case IR_OP_xor: r = a ^ b; break;
    case IR_OP_andc: r = a & ~b; break;
    case IR_OP_orc: r = a | ~b; break;
    case IR_OP_shl: r = w64 ? a << (b & 63) : (uint64_t)(a32 << (b32 & 31)); break;
    case IR_OP_shr: r = w64 ? a >> (b & 63) : (uint64_t)(a32 >> (b32 & 31)); break;
    case IR_OP_sar:
        r = w64 ? (uint64_t)((int64_t)a >> (b & 63))
                : (uint32_t)((int32_t)a32 >> (b32 & 31));
        break;
    case IR_OP_rotl: r = w64 ? sem_rotl64(a, b) : sem_rotl32(a32, b32); break;
    case IR_OP_rotr: r = w64 ? sem_rotr64(a, b) : sem_rotr32(a32, b32); break;
    case IR_OP_div: r = w64 ? sem_div64(a, b) : sem_div32(a32, b32); break;
    case IR_OP_divu: r = w64 ? sem_divu64(a, b) : sem_divu32(a32, b32); break;
    case IR_OP_rem: r = w64 ? sem_rem64(a, b) : sem_rem32(a32, b32); break;
    case IR_OP_remu: r = w64 ? sem_remu64(a, b) : sem_remu32(a32, b32); break;
    case IR_OP_neg: r = -a; break;
    case IR_OP_not: r = ~a; break;
    case IR_OP_clz:
        r = w64 ? (a ? (uint64_t)__builtin_clzll(a) : 64)
                : (a32 ? (uint64_t)__builtin_clz(a32) : 32);
        break;
    case IR_OP_ctz:
        r = w64 ? (a ? (uint64_t)__builtin_ctzll(a) : 64)
                : (a32 ? (uint64_t)__builtin_ctz(a32) : 32);
        break;
    case IR_OP_ctpop:
        r = w64 ? (uint64_t)__builtin_popcountll(a)
                : (uint64_t)__builtin_popcount(a32);
        break;
    case IR_OP_bswap16: r = __builtin_bswap16((uint16_t)a); break;
    case IR_OP_bswap32: r = __builtin_bswap32(a32); break;
    case IR_OP_bswap64: r = w64 ? __builtin_bswap64(a) : __builtin_bswap32(a32); break;
    case IR_OP_ext8s: r = (uint64_t)(int64_t)(int8_t)a; break;
    case IR_OP_ext8u: r = (uint8_t)a; break;
    case IR_OP_ext16s: r = (uint64_t)(int64_t)(int16_t)a; break;
    case IR_OP_ext16u: r = (uint16_t)a; break;
    case IR_OP_ext32s: r = (uint64_t)(int64_t)(int32_t)a; break;
    case IR_OP_ext32u: r = a32; break;
    case IR_OP_extu_i32_i64: r = a32; break;
    case IR_OP_exts_i32_i64: r = (uint64_t)(int64_t)(int32_t)a32; break;
    case IR_OP_extrl_i64_i32: r = (uint32_t)a; break;
    case IR_OP_extrh_i64_i32: r = a >> 32; break;
    case IR_OP_concat_i32_i64: r = a32 | (uint64_t)b32 << 32; break;
    case IR_OP_extract: r = sem_extract(w64 ? a : a32, pos, len); break;
    case IR_OP_sextract:
        r = w64 ? sem_sextract(a, pos, len)
                : (uint32_t)sem_sextract((uint64_t)a32 << 32, pos + 32, len);
        break;
    case IR_OP_deposit: r = sem_deposit(a, b, pos, len); break;
    case IR_OP_setcond: r = sem_cond(in_type, op->cond, a, b); break;
    default:
        return false;
    }
    *out = w64 ? r : (uint32_t)r;
    return true;
}

/*
 * The guest atomics (atomic_cmpxchg, atomic_xchg, atomic_fetch_add) on
 * host memory p, naturally aligned (callers raise EXCP_UNALIGNED first).
 * opc is the IR opcode; memop gives size, byte order and sign of the old
 * value returned; v1 is the compared value (cmpxchg) or the operand, v2
 * the new value of cmpxchg.
 */
#define SEM_SWAP(sz, v)                                                      \
    ((sz) == MO_16 ? __builtin_bswap16((uint16_t)(v))                       \
     : (sz) == MO_32 ? __builtin_bswap32((uint32_t)(v))                     \
     : (sz) == MO_64 ? __builtin_bswap64((uint64_t)(v)) : (uint8_t)(v))

static inline uint64_t sem_guest_atomic(unsigned opc, unsigned memop, void *p,
                                        uint64_t v1, uint64_t v2)
{
    unsigned size = memop & MO_SIZE;
    bool be = memop & MO_BE;
    uint64_t old;

#define SEM_ATOMIC_CASE(sz, T)                                               \
    case sz: {                                                               \
        T *q = p;                                                            \
        T a1 = (T)(be ? SEM_SWAP(sz, v1) : v1);                              \
        T a2 = (T)(be ? SEM_SWAP(sz, v2) : v2);                              \
        T o;                                                                 \
        if (opc == IR_OP_atomic_cmpxchg) {                                   \
            o = a1;                                                          \
            __atomic_compare_exchange_n(q, &o, a2, false, __ATOMIC_SEQ_CST,  \
                                        __ATOMIC_SEQ_CST);                   \
        } else if (opc == IR_OP_atomic_xchg) {                               \
            o = __atomic_exchange_n(q, a1, __ATOMIC_SEQ_CST);                \
        } else if (!be) {                                                    \
            o = __atomic_fetch_add(q, a1, __ATOMIC_SEQ_CST);                 \
        } else {                                                             \
            /* Big-endian add: retry a swapped compare-and-swap. */          \
            o = __atomic_load_n(q, __ATOMIC_RELAXED);                        \
            while (!__atomic_compare_exchange_n(                             \
                q, &o, (T)SEM_SWAP(sz, (T)(SEM_SWAP(sz, o) + v1)), true,     \
                __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))                         \
                ;                                                            \
        }                                                                    \
        old = be ? (T)SEM_SWAP(sz, o) : o;                                   \
        break;                                                               \
    }
    switch (size) {
        SEM_ATOMIC_CASE(MO_8, uint8_t)
        SEM_ATOMIC_CASE(MO_16, uint16_t)
        SEM_ATOMIC_CASE(MO_32, uint32_t)
        SEM_ATOMIC_CASE(MO_64, uint64_t)
    default:
        old = 0;
    }
#undef SEM_ATOMIC_CASE
    if (memop & MO_SIGN) {
        switch (size) {
        case MO_8: old = (uint64_t)(int64_t)(int8_t)old; break;
        case MO_16: old = (uint64_t)(int64_t)(int16_t)old; break;
        case MO_32: old = (uint64_t)(int64_t)(int32_t)old; break;
        }
    }
    return old;
}

#endif
