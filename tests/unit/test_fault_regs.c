/*
 * Guest state at a faulting guest access.  Generated code keeps modified
 * globals in host registers across guest loads and stores (user mode), so
 * a fault must bring them home from the host registers of the signal's
 * context (x86/cgfault.c).  Every access shape (load/store, each size,
 * both byte orders, signed loads, i32/i64 values, constant or register
 * value and address, MO_ALIGN) faults right after every global changed;
 * all globals must then hold their values from before the access.  Run
 * under both engines; fault-map checks the map encoding on its own.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "engine/internal.h"
#include "engine/x86/cg.h"
#include "unit.h"

static bool f_ld, f_w64, f_vconst, f_aconst, f_dst_global, f_misalign;
static unsigned f_mo;

#define F_VALUE 0x8899aabbccddeeffull

static void build_fault(struct ir_ctx *c)
{
    uint32_t pc = (uint32_t)c->pc;
    enum ir_type type = f_w64 ? IR_I64 : IR_I32;
    ir_insn_start(c, pc, 1);
    /* Every global changes, from values known only at run time, so they
     * are dirty in host registers at the access. */
    for (int k = 0; k < 8; k++) {
        ir_add(c, g_r[k], g_r[k], g_r[(k + 1) & 7]);
        ir_addi(c, g_r[k], g_r[k], 0x101u * (unsigned)k);
    }
    for (int k = 0; k < 4; k++) {
        ir_t t = ir_new_i64(c);
        ir_shli(c, t, g_x[k], 1);
        ir_add(c, g_x[k], t, g_x[(k + 1) & 3]);
        ir_addi(c, g_x[k], g_x[k], (uint64_t)k << 40);
    }
    ir_insn_start(c, pc + 4, 2);
    uint32_t addr = UNMAPPED + 0x40 + (f_misalign ? 1 : 0);
    ir_t a;
    if (f_aconst) {
        a = ir_const_i32(c, addr);
    } else {
        a = ir_new_i32(c);
        ir_ld_env(c, a, offsetof(struct tcpu, env[0]), MO_32);
    }
    if (f_ld) {
        ir_t d = f_dst_global ? (f_w64 ? g_x[0] : g_r[0]) : ir_new(c, type);
        ir_guest_ld(c, d, a, (enum ir_memop)f_mo);
        if (!f_dst_global) {
            if (f_w64)
                ir_add(c, g_x[2], g_x[2], d);
            else
                ir_add(c, g_r[2], g_r[2], d);
        }
    } else {
        ir_t v = f_vconst ? ir_const(c, type, F_VALUE)
                          : (f_w64 ? g_x[3] : g_r[3]);
        ir_guest_st(c, v, a, (enum ir_memop)f_mo);
    }
    ir_insn_start(c, pc + 8, 3);
    ir_raise(c, EXCP_STOP);
}

/* One case: run it and compare every global with the C model. */
static void run_case(void)
{
    uint32_t r[8];
    uint64_t x[4];
    for (int k = 0; k < 8; k++)
        r[k] = T->r[k] = 0x01020304u * (uint32_t)(k + 1) ^ f_mo;
    for (int k = 0; k < 4; k++)
        x[k] = T->x[k] = 0x0102030405060708ull * (uint64_t)(k + 3) ^ f_mo;
    T->env[0] = UNMAPPED + 0x40 + (f_misalign ? 1 : 0);
    for (int k = 0; k < 8; k++)
        r[k] = r[k] + r[(k + 1) & 7] + 0x101u * (unsigned)k;
    for (int k = 0; k < 4; k++)
        x[k] = (x[k] << 1) + x[(k + 1) & 3] + ((uint64_t)k << 40);
    T->restored_extra = 0;

    int e = run_ir(build_fault);
    char what[96];
    snprintf(what, sizeof(what), "%s mo %#x %s%s%s%s", f_ld ? "ld" : "st",
             f_mo, f_w64 ? "i64" : "i32", f_vconst ? " const-value" : "",
             f_aconst ? " const-addr" : "",
             f_dst_global ? " into-global" : "");
    int want = f_misalign ? EXCP_UNALIGNED : EXCP_SEGV;
    CHECK(e == want, "%s: exception %#x, want %#x", what, e, want);
    CHECK(T->pc == 0x4004, "%s: pc %#x", what, T->pc);
    CHECK(T->restored_extra == 2, "%s: extra word %llu", what,
          (unsigned long long)T->restored_extra);
    CHECK(T->common.fault_addr == UNMAPPED + 0x40 + (f_misalign ? 1u : 0u),
          "%s: fault address %#llx", what,
          (unsigned long long)T->common.fault_addr);
    if (!f_misalign)
        CHECK(T->common.fault_write == !f_ld, "%s: write flag %d", what,
              T->common.fault_write);
    for (int k = 0; k < 8; k++)
        CHECK(T->r[k] == r[k], "%s: r%d = %#x, want %#x", what, k, T->r[k],
              r[k]);
    for (int k = 0; k < 4; k++)
        CHECK(T->x[k] == x[k], "%s: x%d = %#llx, want %#llx", what, k,
              (unsigned long long)T->x[k], (unsigned long long)x[k]);
}

static void test_fault_globals(void)
{
    for (int ld = 0; ld < 2; ld++)
    for (int size = MO_8; size <= MO_64; size++)
    for (int be = 0; be < 2; be++)
    for (int w64 = 0; w64 < 2; w64++)
    for (int shape = 0; shape < 4; shape++) {
        if (size == MO_64 && !w64)
            continue;
        f_ld = ld;
        f_w64 = w64;
        f_mo = (unsigned)size | (be ? MO_BE : 0);
        f_misalign = false;
        f_aconst = shape & 1;
        /* loads: signed, into a global; stores: constant value */
        f_dst_global = ld && (shape & 2);
        f_vconst = !ld && (shape & 2);
        if (ld && (shape & 2) && size < MO_64)
            f_mo |= MO_SIGN;
        run_case();
        /* MO_ALIGN: aligned faults on the page, misaligned raises. */
        if (size != MO_8) {
            f_mo |= MO_ALIGN;
            run_case();
            f_misalign = true;
            run_case();
        }
    }
}

static void test_fault_map(void)
{
    static struct cgf_builder b;
    cgf_reset(&b);
    struct cgf_reg in[16], out[16];
    for (int i = 0; i < 16; i++) {
        in[i].env_offset = 0x100u * (unsigned)i + 4;
        in[i].w64 = i & 1;
        in[i].reg = (uint8_t)(15 - i);
    }
    /* Sites at 10, 20, ..., with i % 13 entries each (0 entries too). */
    for (int s = 1; s <= 300; s++)
        CHECK(cgf_add(&b, 10u * (unsigned)s, in + (s % 3), s % 13),
              "site %d refused", s);
    CHECK(!cgf_add(&b, 3000, in, 1), "a site not after the last accepted");
    in[0].env_offset = 1u << 27;
    CHECK(!cgf_add(&b, 5000, in, 1), "an env offset past 27 bits accepted");
    in[0].env_offset = 4;
    size_t size = cgf_size(&b);
    CHECK(size % 4 == 0, "map size %zu", size);
    static uint32_t map[CGF_MAX_SITES * 2 + CGF_MAX_ENTRIES + 2];
    memset(map, 0xa5, sizeof(map));
    cgf_write(&b, map);
    for (int s = 1; s <= 300; s++) {
        int n = cgf_lookup(map, 10u * (unsigned)s, out);
        CHECK(n == s % 13, "site %d: %d entries", s, n);
        for (int i = 0; i < n && i < 16; i++) {
            const struct cgf_reg *w = &in[(s % 3) + i];
            CHECK(out[i].env_offset == w->env_offset && out[i].w64 == w->w64 &&
                      out[i].reg == w->reg,
                  "site %d entry %d: %#x/%d/%d", s, i, out[i].env_offset,
                  out[i].w64, out[i].reg);
        }
        CHECK(cgf_lookup(map, 10u * (unsigned)s + 1, out) == 0,
              "offset %d is no site", 10 * s + 1);
    }
    CHECK(cgf_lookup(map, 0, out) == 0, "offset 0 is no site");
    CHECK(cgf_lookup(map, 3010, out) == 0, "offset past the last site");
    /* Full: refused, so the generator writes the globals home instead. */
    cgf_reset(&b);
    int ok = 0;
    for (unsigned s = 0; s < CGF_MAX_SITES + 10; s++)
        ok += cgf_add(&b, s + 1, in, 1);
    CHECK(ok == CGF_MAX_SITES, "%d sites accepted", ok);
    cgf_reset(&b);
    ok = 0;
    for (unsigned s = 0; s < CGF_MAX_ENTRIES / 12 + 10; s++)
        ok += cgf_add(&b, s + 1, in, 12);
    CHECK(ok == CGF_MAX_ENTRIES / 12, "%d sites of 12 accepted", ok);
    cgf_reset(&b);
    CHECK(cgf_size(&b) == 4, "empty map of %zu bytes", cgf_size(&b));
    cgf_write(&b, map);
    CHECK(cgf_lookup(map, 10, out) == 0, "empty map has a site");
}

void test_fault_regs(void)
{
    unit_run("fault-dirty-globals", test_fault_globals);
    unit_run("fault-map", test_fault_map);
}
