/*
 * System-mode guest memory in generated code: the soft TLB's fast path
 * inline, the rest out of line (see softmmu.h for the TLB itself).
 *
 * A load of size bytes at address A (in register ra) in MMU mode m:
 *
 *     mov   rt, ra
 *     shr   rt, PAGE_BITS - 3          ; TLB index * 8
 *     and   rt, (TLB_SIZE - 1) << 3
 *     lea   rt, [rt + rt*4]            ; * 40: the entry's offset
 *     add   rt, [rbp + tlb]            ; the entry (of mode 0)
 *     lea   r11, [ra + size - 1]       ; (mov r11, ra when aligned)
 *     and   r11, PAGE_MASK | align_mask
 *     cmp   r11, [rt + m*modesize + cmp[kind]]
 *     jne   slow
 *     mov   r11, [rt + m*modesize + addend]
 *     mov   rd, [r11 + ra]             ; byte swap for big-endian guests
 *   back:
 *
 * The compare fails when the entry holds another page, has TLB_SLOW set
 * (MMIO, ROM writes, writes to a page with code) or is -1 (not allowed),
 * when the last byte lies on the next page (its page number differs), and
 * for MO_ALIGN accesses when the address is misaligned (its low bits stay
 * in the compared value).  The slow path, after the TB's body, saves the
 * caller-saved registers that hold temps, calls cg_sm_ld_slow/st_slow
 * (softmmu_ld/st after the alignment check) and jumps back.
 *
 * Guest state is exact in memory before every access (globals synced),
 * so a fault only needs the guest instruction: the slow path passes the
 * host address right after its `jne` (inside the access's guest
 * instruction) and the helper records it in cpu->helper_ra, which
 * cpu_raise(cpu, excp, 0) (tlb_fill, MO_ALIGN) uses to restore the PC
 * and per-instruction state (MIPS delay slot) through cg_find.  Helper
 * calls that may raise record their own return address the same way
 * (cg_sm_ra_store).
 */
#include <stddef.h>
#include <string.h>

#include "engine/guest_mem.h"
#include "engine/ir_sem.h"
#include "engine/softmmu.h"
#include "engine/x86/cg.h"
#include "engine/x86/cg_alloc.h"
#include "target/target.h"
#include "util/error.h"

#define SCRATCH R11
#define CALLER_SAVED ((1u << RAX) | (1u << RCX) | (1u << RDX) | (1u << RSI) | \
                      (1u << RDI) | (1u << R8) | (1u << R9) | (1u << R10))

#define ENTRY_SIZE 40
_Static_assert(sizeof(struct softmmu_tlb_entry) == ENTRY_SIZE,
               "the fast path scales the TLB index by 5 * 8");
_Static_assert(offsetof(struct softmmu_tlb, e[1][0]) ==
               SOFTMMU_TLB_SIZE * ENTRY_SIZE, "modes follow each other");

/* ---- Slow-path helpers (called from the cold code) --------------------------- */

/* info: memop (7:0), MMU mode (15:8). */
static void sm_align(struct cpu_common *cpu, uint64_t addr, unsigned mo,
                     bool write)
{
    unsigned size = 1u << (mo & MO_SIZE);
    if ((mo & MO_ALIGN) && (addr & (size - 1))) {
        cpu->fault_addr = addr;
        cpu->fault_write = write;
        cpu_raise(cpu, EXCP_UNALIGNED, 0);
    }
}

static uint64_t cg_sm_ld_slow(struct cpu_common *cpu, uint64_t addr,
                              uint64_t info, uintptr_t ra)
{
    cpu->helper_ra = ra;
    unsigned mo = info & 0xff;
    sm_align(cpu, addr, mo, false);
    uint64_t v = softmmu_ld(cpu, addr, mo, (int)(info >> 8 & 0xff));
    cpu->helper_ra = 0;
    return v;
}

static void cg_sm_st_slow(struct cpu_common *cpu, uint64_t addr, uint64_t val,
                          uint64_t info, uintptr_t ra)
{
    cpu->helper_ra = ra;
    unsigned mo = info & 0xff, size = 1u << (mo & MO_SIZE);
    sm_align(cpu, addr, mo, true);
    if (size < 8)
        val &= (1ull << (size * 8)) - 1;
    softmmu_st(cpu, addr, mo, val, (int)(info >> 8 & 0xff));
    cpu->helper_ra = 0;
}

/* x = memop | mmu << 8 | opcode << 16. */
static uint64_t cg_sm_atomic_helper(struct cpu_common *cpu, uint64_t addr,
                                    uint64_t x, uint64_t v1, uint64_t v2)
{
    cpu->helper_ra = GETPC();
    unsigned mo = x & 0xff, opc = (x >> 16) & 0xff;
    unsigned size = 1u << (mo & MO_SIZE);
    addr &= guest_addr_mask;
    if (addr & (size - 1)) {
        /* Host atomics need natural alignment, as in the interpreter. */
        cpu->fault_addr = addr;
        cpu->fault_write = true;
        cpu_raise(cpu, EXCP_UNALIGNED, 0);
    }
    void *p = softmmu_atomic_ptr(cpu, addr, size, (int)(x >> 8 & 0xff));
    uint64_t old = p ? sem_guest_atomic(opc, mo, p, v1, v2) : 0;
    cpu->helper_ra = 0;
    return old;
}

static const struct ir_helper h_sm_atomic = {
    "sm_atomic", (ir_helper_fn)cg_sm_atomic_helper, 4, true,
    IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS };

/* ---- Pending slow paths -------------------------------------------------------- */

struct slow {
    uint8_t *jne;           /* displacement of the fast path's jne */
    uint8_t *back;          /* where the fast path continues */
    uintptr_t ra;           /* executable address just after the jne */
    uint32_t saved;         /* caller-saved registers holding temps */
    int8_t ra_reg, rv, rd;  /* address, store value (-1: imm), load result */
    bool store, w64;
    uint32_t info;
    uint64_t imm;
};

static __thread struct slow *slows;
static __thread int nslow;

void cg_sm_begin(void)
{
    if (!slows)
        slows = xcalloc(IR_MAX_OPS, sizeof(*slows));
    nslow = 0;
}

static int mmu_of(struct cgs *s)
{
    return engine_target->mmu_index ? engine_target->mmu_index(cgs_tb_flags(s))
                                    : 0;
}

/* The guest address of a in a register (masked to guest_addr_mask). */
static int addr_reg(struct cgs *s, ir_t a)
{
    struct emit *e = cgs_emit(s);
    uint64_t v;
    if (cgs_const(s, a, &v)) {
        int r = cgs_alloc_reg(s, 0);
        e_movi(e, r, v & guest_addr_mask, true);
        return r;
    }
    int ra = cgs_in_reg(s, a, 0);
    if (!cgs_is64(s, a))
        return ra;      /* zero-extended: below every guest's mask */
    if (guest_addr_mask == ~0ull)
        return ra;
    int r = cgs_alloc_reg(s, 0);
    if (guest_addr_mask == 0xffffffffull) {
        e_zext32(e, r, ra);
    } else {
        e_movi(e, r, guest_addr_mask, true);
        e_arith_rr(e, ARITH_AND, true, r, ra);
    }
    return r;
}

/* The TLB probe up to the jne; returns rt (the entry, mode 0 based) and
 * leaves r11 free.  On return the slow path's jne is recorded in sl. */
static int probe(struct cgs *s, int ra, unsigned mo, int kind, int mmu,
                 struct slow *sl)
{
    struct emit *e = cgs_emit(s);
    unsigned size = 1u << (mo & MO_SIZE);
    bool align = (mo & MO_ALIGN) && size > 1;
    int rt = cgs_alloc_reg(s, 0);
    int32_t mode = (int32_t)(mmu * SOFTMMU_TLB_SIZE * ENTRY_SIZE);

    e_mov_rr(e, true, rt, ra);
    e_shift_ri(e, SHIFT_SHR, true, rt, SOFTMMU_PAGE_BITS - 3);
    e_arith_ri(e, ARITH_AND, false, rt, (SOFTMMU_TLB_SIZE - 1) << 3);
    e_rm_scaled(e, OPC_LEA | P_REXW, rt, rt, rt, 2);
    e_rm(e, OPC_ADD_GvEv | P_REXW, rt, RBP, -1,
         (int32_t)offsetof(struct cpu_common, tlb));
    if (!align && size > 1)
        e_rm(e, OPC_LEA | P_REXW, SCRATCH, ra, -1, (int32_t)size - 1);
    else
        e_mov_rr(e, true, SCRATCH, ra);
    e_arith_ri(e, ARITH_AND, true, SCRATCH,
               (int32_t)(uint32_t)(SOFTMMU_PAGE_MASK | (align ? size - 1 : 0)));
    e_rm(e, (ARITH_CMP << 3 | 1) | P_REXW, SCRATCH, rt, -1,
         mode + (int32_t)offsetof(struct softmmu_tlb_entry, cmp[kind]));
    sl->jne = e_jcc32(e, JCC_NE);
    sl->ra = e_here_rx(e);
    e_rm(e, OPC_MOVL_GvEv | P_REXW, SCRATCH, rt, -1,
         mode + (int32_t)offsetof(struct softmmu_tlb_entry, addend));
    return rt;
}

static struct slow *new_slow(struct cgs *s, int ra, unsigned mo, int mmu)
{
    struct slow *sl = &slows[nslow++];
    memset(sl, 0, sizeof(*sl));
    sl->ra_reg = (int8_t)ra;
    sl->rv = sl->rd = -1;
    sl->info = (mo & 0xff) | (uint32_t)mmu << 8;
    sl->saved = cgs_bound_regs(s) & CALLER_SAVED;
    return sl;
}

void cg_sm_ld(struct cgs *s, const struct ir_op *op)
{
    ir_t d = op->args[0], a = op->args[1];
    unsigned mo = op->aux, size = mo & MO_SIZE;
    bool sign = mo & MO_SIGN, be = mo & MO_BE, w64 = op->type == IR_I64;
    int w = w64 ? P_REXW : 0;
    struct emit *e = cgs_emit(s);
    int mmu = mmu_of(s);

    cgs_sync_globals(s);
    int ra = addr_reg(s, a);
    struct slow *sl = new_slow(s, ra, mo, mmu);
    int rd = probe(s, ra, mo, MMU_DATA_LOAD, mmu, sl);
    switch (size) {
    case MO_8:
        e_rm(e, sign ? OPC_MOVSBL | w : OPC_MOVZBL, rd, SCRATCH, ra, 0);
        break;
    case MO_16:
        if (!be) {
            e_rm(e, sign ? OPC_MOVSWL | w : OPC_MOVZWL, rd, SCRATCH, ra, 0);
        } else {
            e_rm(e, OPC_MOVZWL, rd, SCRATCH, ra, 0);
            e_rr(e, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, rd);
            e8(e, 8);
            if (sign)
                e_rr(e, OPC_MOVSWL | w, rd, rd);
        }
        break;
    case MO_32:
        e_rm(e, OPC_MOVL_GvEv, rd, SCRATCH, ra, 0);
        if (be)
            e_opc(e, OPC_BSWAP + (rd & 7), 0, rd, 0);
        if (sign && w64)
            e_rr(e, OPC_MOVSLQ, rd, rd);
        break;
    default:
        e_rm(e, OPC_MOVL_GvEv | P_REXW, rd, SCRATCH, ra, 0);
        if (be)
            e_opc(e, (OPC_BSWAP + (rd & 7)) | P_REXW, 0, rd, 0);
        if (!w64)
            e_zext32(e, rd, rd);
        break;
    }
    sl->back = e->p;
    sl->rd = (int8_t)rd;
    sl->w64 = w64;
    sl->saved &= ~(1u << rd);
    cgs_set_out(s, d, rd);
}

void cg_sm_st(struct cgs *s, const struct ir_op *op)
{
    ir_t v = op->args[0], a = op->args[1];
    unsigned mo = op->aux, size = mo & MO_SIZE;
    bool be = mo & MO_BE;
    struct emit *e = cgs_emit(s);
    int mmu = mmu_of(s);
    uint64_t imm = 0, raw = 0;
    int rv = -1;

    cgs_sync_globals(s);
    if (cgs_const(s, v, &raw) &&
        (size < MO_64 || fits_s32((int64_t)raw))) {
        imm = raw;
        if (be)
            imm = size == MO_16 ? __builtin_bswap16((uint16_t)imm)
                  : size == MO_32 ? __builtin_bswap32((uint32_t)imm)
                  : size == MO_64 ? __builtin_bswap64(imm) : imm;
        if (size == MO_64 && !fits_s32((int64_t)imm))
            rv = cgs_in_reg(s, v, 0);
    } else {
        rv = cgs_in_reg(s, v, 0);
    }
    int ra = addr_reg(s, a);
    struct slow *sl = new_slow(s, ra, mo, mmu);
    sl->store = true;
    sl->rv = (int8_t)rv;
    sl->imm = raw;
    int rt = probe(s, ra, mo, MMU_DATA_STORE, mmu, sl);
    if (rv >= 0 && be && size != MO_8) {
        /* rt (the entry) is free once the addend is loaded. */
        if (size == MO_16) {
            e_mov_rr(e, false, rt, rv);
            e_rr(e, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, rt);
            e8(e, 8);
        } else {
            e_mov_rr(e, size == MO_64, rt, rv);
            e_opc(e, (OPC_BSWAP + (rt & 7)) | (size == MO_64 ? P_REXW : 0),
                  0, rt, 0);
        }
        rv = rt;
    }
    if (rv >= 0) {
        static const int opc[] = { OPC_MOVB_EvGv | P_BYTER,
                                   OPC_MOVL_EvGv | P_DATA16, OPC_MOVL_EvGv,
                                   OPC_MOVL_EvGv | P_REXW };
        e_rm(e, opc[size], rv, SCRATCH, ra, 0);
    } else {
        switch (size) {
        case MO_8:
            e_rm(e, OPC_MOVB_EvIz, 0, SCRATCH, ra, 0);
            e8(e, (uint8_t)imm);
            break;
        case MO_16:
            e_rm(e, OPC_MOVL_EvIz | P_DATA16, 0, SCRATCH, ra, 0);
            e8(e, (uint8_t)imm);
            e8(e, (uint8_t)(imm >> 8));
            break;
        default:
            e_rm(e, OPC_MOVL_EvIz | (size == MO_64 ? P_REXW : 0), 0, SCRATCH,
                 ra, 0);
            e32(e, (uint32_t)imm);
            break;
        }
    }
    sl->back = e->p;
}

void cg_sm_atomic(struct cgs *s, const struct ir_op *op)
{
    ir_t args[4] = { op->args[1], IR_NONE, op->args[2],
                     op->opc == IR_OP_atomic_cmpxchg ? op->args[3] : IR_NONE };
    uint64_t imms[4] = { 0, (uint64_t)(op->aux & 0xff) |
                                (uint64_t)mmu_of(s) << 8 |
                                (uint64_t)op->opc << 16, 0, 0 };
    cgs_call(s, &h_sm_atomic, op->args[0], 4, args, imms);
}

/* lea reg, [rip + disp32]: returns the displacement's address. */
static uint8_t *lea_rip(struct emit *e, int reg)
{
    e_opc(e, OPC_LEA | P_REXW, reg, 0, 0);
    e8(e, (uint8_t)(0x05 | (reg & 7) << 3));
    uint8_t *d = e->p;
    e32(e, 0);
    return d;
}

static void emit_slow(struct emit *e, const struct slow *sl)
{
    int n = 0;
    e_patch32(sl->jne, e->p);
    for (int r = 0; r < 16; r++)
        if (sl->saved & (1u << r)) {
            e_opc(e, 0x50 + (r & 7), 0, r, 0);  /* push */
            n++;
        }
    /* Generated code runs with rsp 16-byte aligned. */
    if (n & 1)
        e_arith_ri(e, ARITH_SUB, true, RSP, 8);
    /* Arguments: (cpu, addr, [val,] info, ra); the value goes through
     * r11 first since it may sit in rsi. */
    int rinfo = sl->store ? RCX : RDX, rra = sl->store ? R8 : RCX;
    if (sl->store && sl->rv >= 0)
        e_mov_rr(e, true, SCRATCH, sl->rv);
    e_mov_rr(e, true, RSI, sl->ra_reg);
    if (sl->store) {
        if (sl->rv >= 0)
            e_mov_rr(e, true, RDX, SCRATCH);
        else
            e_movi(e, RDX, sl->imm, true);
    }
    e_movi(e, rinfo, sl->info, false);
    uint8_t *d = lea_rip(e, rra);
    int32_t rel = (int32_t)((intptr_t)sl->ra - (intptr_t)(e_here_rx(e)));
    memcpy(d, &rel, 4);
    e_mov_rr(e, true, RDI, RBP);
    cgs_emit_call(e, sl->store ? (const void *)cg_sm_st_slow
                               : (const void *)cg_sm_ld_slow);
    if (!sl->store) {
        if (sl->w64)
            e_mov_rr(e, true, sl->rd, RAX);
        else
            e_zext32(e, sl->rd, RAX);
    }
    if (n & 1)
        e_arith_ri(e, ARITH_ADD, true, RSP, 8);
    for (int r = 15; r >= 0; r--)
        if (sl->saved & (1u << r))
            e_opc(e, 0x58 + (r & 7), 0, r, 0);  /* pop */
    uint8_t *j = e_jmp32(e);
    e_patch32(j, sl->back);
}

bool cg_sm_finish(struct cgs *s)
{
    struct emit *e = cgs_emit(s);
    for (int i = 0; i < nslow; i++) {
        if (e->p > e->limit - 512)
            return false;
        emit_slow(e, &slows[i]);
    }
    return true;
}

/* ---- Return addresses of raising helper calls ------------------------------------ */

uint8_t *cg_sm_ra_store(struct emit *e)
{
    uint8_t *d = lea_rip(e, SCRATCH);
    e_rm(e, OPC_MOVL_EvGv | P_REXW, SCRATCH, RBP, -1,
         (int32_t)offsetof(struct cpu_common, helper_ra));
    return d;
}

void cg_sm_ra_done(struct emit *e, uint8_t *fix)
{
    /* The displacement counts from the end of the lea (fix + 4). */
    e_patch32(fix, e->p);
}
