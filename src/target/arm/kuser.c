/*
 * The Linux kernel's user helpers (Documentation/arm/kernel_user_helpers):
 * small routines at fixed addresses at the top of the address space that
 * old-ABI libraries call for atomics, barriers and TLS.  Instead of
 * executing the kernel's code we emit each helper's effect with host
 * atomics, then return to LR with interworking (callers use blx).
 */
#include "target/arm/translate.h"

static void gen_return(struct arm_dc *s)
{
    arm_bx_write_pc(s, arm_R[14]);
}

/* Flags as the kernel's final "rsbs r0, r3, #0" leaves them. */
static void gen_rsbs_zero(struct arm_dc *s, ir_t r3)
{
    ir_t r0 = ir_new_i32(s->c);
    arm_gen_sub_cc(s, r0, ir_const_i32(s->c, 0), r3);
    arm_store_reg(s, 0, r0);
}

/*
 * int __kuser_cmpxchg(int oldval, int newval, volatile int *ptr)
 * r0 = 0 and C set when *ptr was oldval and is now newval; otherwise r0
 * non-zero (oldval - *ptr) and C clear.  Clobbers r3 and the flags.
 */
static void gen_cmpxchg(struct arm_dc *s)
{
    struct ir_ctx *c = s->c;
    ir_t cur = ir_new_i32(c), r3 = ir_new_i32(c);
    ir_atomic_cmpxchg(c, cur, arm_R[2], arm_R[0], arm_R[1], arm_mo(s, MO_32));
    ir_sub(c, r3, cur, arm_R[0]);
    arm_store_reg(s, 3, r3);
    gen_rsbs_zero(s, r3);
}

/*
 * int __kuser_cmpxchg64(const int64_t *oldval, const int64_t *newval,
 *                       volatile int64_t *ptr)
 * Same result convention, 64-bit values passed by address.
 */
static void gen_cmpxchg64(struct arm_dc *s)
{
    struct ir_ctx *c = s->c;
    ir_t oldv = ir_new_i64(c), newv = ir_new_i64(c), cur = ir_new_i64(c);
    ir_t lo = ir_new_i32(c), hi = ir_new_i32(c), olo = ir_new_i32(c);
    ir_t ohi = ir_new_i32(c), r3 = ir_new_i32(c);

    ir_guest_ld(c, oldv, arm_R[0], arm_mo(s, MO_64));
    ir_guest_ld(c, newv, arm_R[1], arm_mo(s, MO_64));
    ir_atomic_cmpxchg(c, cur, arm_R[2], oldv, newv, arm_mo(s, MO_64));
    /* r3 = the first differing word's XOR, 0 on success (as the kernel's
     * eors / eorseq sequence computes it). */
    ir_extrl_i64_i32(c, lo, cur);
    ir_extrh_i64_i32(c, hi, cur);
    ir_extrl_i64_i32(c, olo, oldv);
    ir_extrh_i64_i32(c, ohi, oldv);
    ir_xor(c, lo, lo, olo);
    ir_xor(c, hi, hi, ohi);
    ir_movcond(c, IR_COND_NE, r3, lo, ir_const_i32(c, 0), lo, hi);
    arm_store_reg(s, 3, r3);
    gen_rsbs_zero(s, r3);
}

void arm_translate_kuser(struct arm_dc *s)
{
    switch (s->pc) {
    case ARM_KUSER_CMPXCHG64:
        gen_cmpxchg64(s);
        break;
    case ARM_KUSER_MEMORY_BARRIER:
        ir_mb(s->c);
        break;
    case ARM_KUSER_CMPXCHG:
        gen_cmpxchg(s);
        break;
    case ARM_KUSER_GET_TLS: {
        ir_t v = ir_new_i32(s->c);
        ir_ld_env(s->c, v, offsetof(struct arm_cpu, tpidruro), MO_32);
        arm_store_reg(s, 0, v);
        break;
    }
    default:
        /* Not an entry point: the page holds data there. */
        ir_st_env(s->c, ir_const_i64(s->c, s->pc),
                  offsetof(struct cpu_common, fault_addr), MO_64);
        arm_gen_exception(s, EXCP_PREFETCH);
        return;
    }
    gen_return(s);
}
