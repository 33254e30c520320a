/*
 * The MIPS CPU as the engine and the modes see it: models, reset,
 * globals, TB keys, state restore, register dump, and the four
 * target_infos (mips, mipsel: MIPS32R2; mips64, mips64el: MIPS64R2).
 */
#include <stddef.h>
#include <string.h>

#include "target/mips/translate.h"
#include "target/target.h"

/* ---- CPU models ----------------------------------------------------------- */

struct mips_model {
    const char *name;
    bool is64;
    uint32_t fir;          /* 0: no FPU */
    uint32_t prid;         /* system mode: PRId */
};

/* FIR: F64 (22), L (21), W (20), D (17), S (16); implementation 0x93.
 * The MIPS64 models also implement paired single (PS, bit 18); the
 * MIPS32 24K/34K/74K FPUs do not. */
#define FIR_R2 0x00730000u
static const struct mips_model mips_models[] = {
    /* PRId: company 1 (MIPS Technologies), processor ID in bits 15:8. */
    { "24Kf", false, FIR_R2 | 0x9300, 0x00019300 },
    { "34Kf", false, FIR_R2 | 0x9500, 0x00019500 },
    { "74Kf", false, FIR_R2 | 0x9700, 0x00019700 },
    { "4KEc", false, 0, 0x00019000 },      /* MIPS32R2 4KEc: no FPU */
    { "5KEf", true, FIR_R2 | FIR_PS | 0xa800, 0x0001a800 },
    /* 5KEc: the 5KE core without an FPU (Linux emulates FP). */
    { "5KEc", true, 0, 0x00018900 },
    { "MIPS64R2-generic", true, FIR_R2 | FIR_PS | 0x0000, 0x00010000 },
};

static const char *const mips32_model_names[] = { "24Kf", "34Kf", "74Kf",
                                                  NULL };
static const char *const mips64_model_names[] = { "5KEf", "MIPS64R2-generic",
                                                  "5KEc", NULL };

bool mips_cpu_set_model(struct mips_cpu *cpu, const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(mips_models); i++) {
        const struct mips_model *m = &mips_models[i];
        if (strcmp(m->name, name) == 0 && m->is64 == cpu->is64) {
            cpu->model = m->name;
            cpu->fir = m->fir;
            cpu->cp0_prid = m->prid;
            return true;
        }
    }
    return false;
}

/*
 * Config0-3 of the 4K/24K/34K family as system mode shows them: Release 2
 * (AR = 1) with a standard TLB (MT = 1) of 16 entries, 16 KiB 4-way
 * caches of 32-byte lines, K0 uncached at reset, the FPU bit from the
 * model, UserLocal present (Config3.ULRI).
 */
void mips_cpu_sys_config(struct mips_cpu *cpu)
{
    cpu->tlb_n = 16;
    cpu->cp0_config[0] = 0x80000000u | (cpu->big_endian ? 1u << 15 : 0) |
                         1u << 10 | 1u << 7 | 2u;
    cpu->cp0_config[1] = 0x80000000u | (uint32_t)(cpu->tlb_n - 1) << 25 |
                         2u << 22 | 4u << 19 | 3u << 16 |
                         2u << 13 | 4u << 10 | 3u << 7 | (cpu->fir ? 1u : 0);
    if (cpu->is64) {
        /* MIPS64: AT = 2 (all segments), a 32-entry TLB. */
        cpu->tlb_n = 32;
        cpu->cp0_config[0] |= 2u << 13;
        cpu->cp0_config[1] = (cpu->cp0_config[1] & ~(0x3fu << 25)) |
                             (uint32_t)(cpu->tlb_n - 1) << 25;
    }
    cpu->cp0_config[2] = 0x80000000u;
    cpu->cp0_config[3] = 1u << 13;
}

static bool mips_set_model_hook(struct cpu_common *cpu, const char *name)
{
    return mips_cpu_set_model(mips_cpu(cpu), name);
}

/* ---- Engine hooks ------------------------------------------------------------ */

static const char *const gpr_names[32] = {
    "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
    "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
    "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
    "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
};

/* Globals of MIPS32 are i32 views of the low halves of the 64-bit fields
 * (the host is little-endian); MIPS64's are the whole fields. */
static void init_globals(struct ir_globals *g, enum ir_type tl)
{
    mips_gpr[0] = IR_NONE;
    for (int i = 1; i < 32; i++)
        mips_gpr[i] = ir_global_register(g, tl, offsetof(struct mips_cpu,
                                                         gpr[i]),
                                         gpr_names[i]);
    mips_pc = ir_global_register(g, tl, offsetof(struct mips_cpu, pc), "pc");
    mips_hi = ir_global_register(g, tl, offsetof(struct mips_cpu, hi), "hi");
    mips_lo = ir_global_register(g, tl, offsetof(struct mips_cpu, lo), "lo");
    mips_lladdr = ir_global_register(g, tl, offsetof(struct mips_cpu, lladdr),
                                     "lladdr");
    mips_llval = ir_global_register(g, tl, offsetof(struct mips_cpu, llval),
                                    "llval");
    mips_decoder_build();
}

static void mips32_init_globals(struct ir_globals *g)
{
    init_globals(g, IR_I32);
}

static void mips64_init_globals(struct ir_globals *g)
{
    init_globals(g, IR_I64);
}

static void reset(struct cpu_common *c, bool is64, bool be)
{
    struct mips_cpu *cpu = mips_cpu(c);
    memset(cpu->gpr, 0, sizeof(cpu->gpr));
    memset(cpu->fpr, 0, sizeof(cpu->fpr));
    cpu->pc = cpu->hi = cpu->lo = 0;
    cpu->lladdr = ~0ull;
    cpu->llval = 0;
    cpu->userlocal = 0;
    cpu->fcsr = 0;
    cpu->is64 = is64;
    cpu->big_endian = be;
    /* MIPS64 (n64) always has 64-bit FPU registers. */
    cpu->fr = is64;
    if (!cpu->model)
        mips_cpu_set_model(cpu, is64 ? mips64_model_names[0]
                                     : mips32_model_names[0]);
}

static void mips_reset(struct cpu_common *c) { reset(c, false, true); }
static void mipsel_reset(struct cpu_common *c) { reset(c, false, false); }
static void mips64_reset(struct cpu_common *c) { reset(c, true, true); }
static void mips64el_reset(struct cpu_common *c) { reset(c, true, false); }

static void mips_get_tb_key(struct cpu_common *c, uint64_t *pc,
                            uint32_t *flags)
{
    struct mips_cpu *cpu = mips_cpu(c);
    if (cpu->is64) {
        *pc = cpu->pc;
    } else {
        /* MIPS32 code stores the PC as an i32 into the low half: a 32-bit
         * load forwards from that store, a 64-bit one would stall on
         * every indirect jump's lookup. */
        uint32_t pc32;
        memcpy(&pc32, &cpu->pc, 4);
        *pc = pc32;
    }
    *flags = cpu->fr ? MIPS_TBFLAG_FR : 0;
    if (__builtin_expect(cpu->sys, 0))
        *flags |= mips_sys_tb_flags(cpu, *pc);
}

/* get_tb_key in IR, for the jump-cache probe generated code makes at
 * computed jumps (JR/JALR).  User mode: the PC global and Status.FR as
 * the flag.  System mode (MIPS32): the TB's own flags, which hold for
 * the jump target too (a mode change ends the TB, except MTC0 in a
 * delay slot: such TBs probe with a key that never matches), with the
 * ASID of EntryHi when the target is TLB-mapped, as mips_sys_tb_flags
 * computes it.  MIPS64 system mode always misses (falls back to
 * get_tb_key). */
_Static_assert(MIPS_TBFLAG_FR == 1, "mips_gen_tb_key uses fr (0/1) as the flag");
extern const struct ir_helper helper_mips_mtc0;

static bool writes_cp0(const struct ir_ctx *c)
{
    for (int i = 0; i < c->nops; i++)
        if (c->ops[i].opc == IR_OP_call && c->ops[i].helper == &helper_mips_mtc0)
            return true;
    return false;
}

static void mips_gen_tb_key(struct ir_ctx *c, ir_t *pc, ir_t *flags)
{
    ir_t f = ir_new_i32(c);
    *pc = mips_pc;
    *flags = f;
    if (c->flags & MIPS_TBFLAG_SYS) {
        if (ir_temp_type(c, mips_pc) != IR_I32 || writes_cp0(c)) {
            ir_movi(c, f, 0);   /* system-mode flags are never 0 */
            return;
        }
        uint32_t base = c->flags & ~(0xffu << MIPS_TBFLAG_ASID_SHIFT);
        ir_t m = ir_new_i32(c), asid = ir_new_i32(c);
        /* Mapped: kuseg (unless ERL), kseg2 and kseg3. */
        if (c->flags & MIPS_TBFLAG_ERL) {
            ir_setcond(c, IR_COND_GEU, m, mips_pc,
                       ir_const_i32(c, 0xc0000000u));
        } else {
            ir_subi(c, m, mips_pc, 0x80000000u);
            ir_setcond(c, IR_COND_GEU, m, m, ir_const_i32(c, 0x40000000u));
        }
        ir_neg(c, m, m);
        ir_ld_env(c, asid, offsetof(struct mips_cpu, cp0_entryhi), MO_32);
        ir_andi(c, asid, asid, 0xff);
        ir_and(c, asid, asid, m);
        ir_shli(c, asid, asid, MIPS_TBFLAG_ASID_SHIFT);
        ir_ori(c, f, asid, base);
        return;
    }
    ir_ld_env(c, f, offsetof(struct mips_cpu, fr), MO_32);
}

/* data[0]: the instruction's address; data[1]: for a delay-slot
 * instruction, its branch's address with bit 0 set. */
static void mips_restore_state(struct cpu_common *c,
                               const uint64_t data[IR_INSN_WORDS])
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t pc = (data[1] & 1) ? data[1] & ~(uint64_t)1 : data[0];
    cpu->in_ds = data[1] & 1;
    cpu->pc = cpu->is64 ? pc : (uint64_t)(int64_t)(int32_t)pc;
    if (!cpu->is64)
        cpu->pc = (uint32_t)pc;
}

static void mips_set_pc(struct cpu_common *c, uint64_t pc)
{
    struct mips_cpu *cpu = mips_cpu(c);
    cpu->pc = cpu->is64 ? pc : (uint32_t)pc;
}

static uint64_t mips_get_pc(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    return cpu->is64 ? cpu->pc : (uint32_t)cpu->pc;
}

static void mips_dump_state(struct cpu_common *c, FILE *out)
{
    struct mips_cpu *cpu = mips_cpu(c);
    int w = cpu->is64 ? 16 : 8;
    uint64_t m = cpu->is64 ? ~0ull : 0xffffffffull;

    fprintf(out, "pc=%0*llx hi=%0*llx lo=%0*llx\n", w,
            (unsigned long long)(cpu->pc & m), w,
            (unsigned long long)(cpu->hi & m), w,
            (unsigned long long)(cpu->lo & m));
    for (int i = 0; i < 32; i++)
        fprintf(out, "%-4s=%0*llx%c", gpr_names[i], w,
                (unsigned long long)(cpu->gpr[i] & m),
                (i % 4 == 3) ? '\n' : ' ');
    fprintf(out, "fcsr=%08x fr=%u\n", cpu->fcsr, cpu->fr);
    if (cpu->sys)
        fprintf(out, "Status=%08x Cause=%08x EPC=%0*llx BadVAddr=%0*llx\n"
                "EntryHi=%0*llx ErrorEPC=%0*llx Compare=%08x\n",
                cpu->cp0_status, mips_cause(cpu),
                w, (unsigned long long)cpu->cp0_epc,
                w, (unsigned long long)cpu->cp0_badvaddr,
                w, (unsigned long long)cpu->cp0_entryhi,
                w, (unsigned long long)cpu->cp0_errorepc, cpu->cp0_compare);
}

static uint64_t mips_get_phys_hook(struct cpu_common *c, uint64_t vaddr)
{
    struct mips_cpu *cpu = mips_cpu(c);
    return cpu->sys ? mips_get_phys(cpu, vaddr) : ~0ull;
}

/* HMP info registers / info tlb (target/mips/monitor.c). */
bool mips_monitor_info(struct cpu_common *c, const char *what, FILE *out);
int mips_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code,
               size_t len, char *buf, size_t bufsize);
int mipsel_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code,
                 size_t len, char *buf, size_t bufsize);
int mips64_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code,
                 size_t len, char *buf, size_t bufsize);
int mips64el_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code,
                   size_t len, char *buf, size_t bufsize);

#define MIPS_TARGET(var, nm, bits, be, models, initg, rst, dis)              \
    const struct target_info var = {                                        \
        .name = nm,                                                         \
        .addr_bits = bits,                                                  \
        .big_endian = be,                                                   \
        .cpu_size = sizeof(struct mips_cpu),                                \
        .cpu_models = models,                                               \
        .cpu_set_model = mips_set_model_hook,                               \
        .init_globals = initg,                                              \
        .cpu_reset = rst,                                                   \
        .get_tb_key = mips_get_tb_key,                                      \
        .gen_tb_key = mips_gen_tb_key,                                      \
        .translate = mips_translate,                                        \
        .restore_state = mips_restore_state,                                \
        .set_pc = mips_set_pc,                                              \
        .get_pc = mips_get_pc,                                              \
        .dump_state = mips_dump_state,                                      \
        .monitor_info = mips_monitor_info,                                  \
        .disas = dis,                                                       \
        .mmu_index = mips_mmu_index,                                        \
        .tlb_fill = mips_tlb_fill,                                          \
        .do_exception = mips_do_exception,                                  \
        .check_interrupt = mips_check_interrupt,                            \
        .has_work = mips_has_work,                                          \
        .get_phys = mips_get_phys_hook,                                     \
        .gdb_read_reg = mips_gdb_read_reg, .gdb_write_reg = mips_gdb_write_reg, \
    }

MIPS_TARGET(mips_target, "mips", 32, true, mips32_model_names,
            mips32_init_globals, mips_reset, mips_disas);
MIPS_TARGET(mipsel_target, "mipsel", 32, false, mips32_model_names,
            mips32_init_globals, mipsel_reset, mipsel_disas);
MIPS_TARGET(mips64_target, "mips64", 64, true, mips64_model_names,
            mips64_init_globals, mips64_reset, mips64_disas);
MIPS_TARGET(mips64el_target, "mips64el", 64, false, mips64_model_names,
            mips64_init_globals, mips64el_reset, mips64el_disas);
