/*
 * The ARM CPU as the engine and the modes see it: models, reset, CPSR
 * conversion, globals, TB keys, state restore, register dump, and the
 * target_info that ties it together.
 */
#include <stddef.h>
#include <string.h>

#include "target/arm/translate.h"
#include "target/target.h"
#include "util/bits.h"

bool arm_kuser_helpers_enabled;

/* ---- CPU models ---------------------------------------------------------- */

struct arm_model {
    const char *name;
    uint32_t midr;
    uint64_t features;
    uint32_t fpsid, mvfr0, mvfr1;
};

#define FEAT_V5TE (ARM_FEAT(V4T) | ARM_FEAT(V5) | ARM_FEAT(V5TE))
#define FEAT_V6 (FEAT_V5TE | ARM_FEAT(V6))
#define FEAT_V6K (FEAT_V6 | ARM_FEAT(V6K))
#define FEAT_V7 (FEAT_V6K | ARM_FEAT(THUMB2) | ARM_FEAT(V7))
#define FEAT_VFP2 ARM_FEAT(VFP)
#define FEAT_VFP3 (FEAT_VFP2 | ARM_FEAT(VFP3) | ARM_FEAT(VFP_D32))
#define FEAT_VFP4 (FEAT_VFP3 | ARM_FEAT(VFP4))
#define FEAT_NEON ARM_FEAT(NEON)
#define FEAT_SIMD (FEAT_NEON | ARM_FEAT(FP16))   /* NEON with half precision */

/*
 * The default first.  Each model lists what the real core implements of
 * what kemu decodes; user mode derives AT_HWCAP from these bits.
 */
static const struct arm_model arm_models[] = {
    { "arm926", 0x41069265, FEAT_V5TE },
    { "arm946", 0x41059461, FEAT_V5TE },
    { "arm1026", 0x4106a262, FEAT_V5TE },
    { "arm1136", 0x4117b363, FEAT_V6 | FEAT_VFP2, 0x410120b4, 0x11111111, 0 },
    { "arm1176", 0x410fb767, FEAT_V6K | FEAT_VFP2, 0x410120b5, 0x11111111, 0 },
    { "cortex-a7", 0x410fc075, FEAT_V7 | ARM_FEAT(IDIV) | FEAT_VFP4 | FEAT_SIMD,
      0x41023075, 0x10110222, 0x11111111 },
    /* The Cortex-A8 has no half-precision extension (MVFR1 says so). */
    { "cortex-a8", 0x410fc080, FEAT_V7 | FEAT_VFP3 | FEAT_NEON, 0x410330c0,
      0x10110222, 0x00011100 },
    { "cortex-a9", 0x410fc090, FEAT_V7 | FEAT_VFP3 | FEAT_SIMD, 0x41033090,
      0x10110222, 0x01111111 },
    { "cortex-a15", 0x412fc0f1, FEAT_V7 | ARM_FEAT(IDIV) | FEAT_VFP4 | FEAT_SIMD,
      0x410430f0, 0x10110222, 0x11111111 },
    { "max", 0x412fc0f1, FEAT_V7 | ARM_FEAT(IDIV) | FEAT_VFP4 | FEAT_SIMD,
      0x410430f0, 0x10110222, 0x11111111 },
};

static const char *const arm_model_names[] = {
    "arm926", "arm946", "arm1026", "arm1136", "arm1176", "cortex-a7",
    "cortex-a8", "cortex-a9", "cortex-a15", "max", NULL,
};

bool arm_cpu_set_model(struct arm_cpu *cpu, const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(arm_models); i++) {
        if (strcmp(arm_models[i].name, name) == 0) {
            cpu->model = arm_models[i].name;
            cpu->midr = arm_models[i].midr;
            cpu->features = arm_models[i].features;
            cpu->fpsid = arm_models[i].fpsid;
            cpu->mvfr0 = arm_models[i].mvfr0;
            cpu->mvfr1 = arm_models[i].mvfr1;
            return true;
        }
    }
    return false;
}

static bool arm_set_model_hook(struct cpu_common *cpu, const char *name)
{
    return arm_cpu_set_model(arm_cpu(cpu), name);
}

/* ---- CPSR ----------------------------------------------------------------- */

uint32_t arm_cpsr_read(const struct arm_cpu *cpu)
{
    return (cpu->NF & CPSR_N) | (cpu->ZF == 0 ? CPSR_Z : 0) |
           (cpu->CF ? CPSR_C : 0) | ((cpu->VF & 0x80000000u) >> 3) |
           (cpu->QF ? CPSR_Q : 0) | ((cpu->ge & 0xf) << 16) |
           (cpu->thumb ? CPSR_T : 0) |
           ((cpu->itstate & 3) << 25) | ((cpu->itstate & 0xfc) << 8) |
           (cpu->cpsr_other &
            ~(CPSR_NZCV | CPSR_Q | CPSR_GE | CPSR_T | CPSR_IT));
}

void arm_cpsr_write(struct arm_cpu *cpu, uint32_t val, uint32_t mask)
{
    if (mask & CPSR_N)
        cpu->NF = val & CPSR_N;
    if (mask & CPSR_Z)
        cpu->ZF = (val & CPSR_Z) ? 0 : 1;
    if (mask & CPSR_C)
        cpu->CF = (val >> 29) & 1;
    if (mask & CPSR_V)
        cpu->VF = (val << 3) & 0x80000000u;
    if (mask & CPSR_Q)
        cpu->QF = (val >> 27) & 1;
    if (mask & CPSR_GE)
        cpu->ge = (cpu->ge & ~(mask >> 16)) | ((val & mask) >> 16 & 0xf);
    if (mask & CPSR_T)
        cpu->thumb = (val >> 5) & 1;
    if (mask & CPSR_IT) {
        uint32_t it = ((val >> 25) & 3) | ((val >> 8) & 0xfc);
        uint32_t m = ((mask >> 25) & 3) | ((mask >> 8) & 0xfc);
        cpu->itstate = (cpu->itstate & ~m) | (it & m);
    }
    uint32_t other = mask & ~(CPSR_NZCV | CPSR_Q | CPSR_GE | CPSR_T | CPSR_IT);
    cpu->cpsr_other = (cpu->cpsr_other & ~other) | (val & other);
}

/* ---- Engine hooks ----------------------------------------------------------- */

static void arm_init_globals(struct ir_globals *g)
{
    static const char *const names[16] = {
        "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
        "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc",
    };
    for (int i = 0; i < 16; i++)
        arm_R[i] = ir_global_register(g, IR_I32,
                                      offsetof(struct arm_cpu, regs[i]),
                                      names[i]);
    arm_NF = ir_global_register(g, IR_I32, offsetof(struct arm_cpu, NF), "NF");
    arm_ZF = ir_global_register(g, IR_I32, offsetof(struct arm_cpu, ZF), "ZF");
    arm_CF = ir_global_register(g, IR_I32, offsetof(struct arm_cpu, CF), "CF");
    arm_VF = ir_global_register(g, IR_I32, offsetof(struct arm_cpu, VF), "VF");
    arm_QF = ir_global_register(g, IR_I32, offsetof(struct arm_cpu, QF), "QF");
    arm_thumb_g = ir_global_register(g, IR_I32,
                                     offsetof(struct arm_cpu, thumb), "thumb");
    arm_a32_build();
    /* The Thumb decoders are built by the first Thumb translation: most
     * short-lived ARM programs never need them. */
}

static void arm_cpu_reset(struct cpu_common *c)
{
    struct arm_cpu *cpu = arm_cpu(c);
    memset(cpu->regs, 0, sizeof(cpu->regs));
    cpu->NF = cpu->CF = cpu->VF = cpu->QF = 0;
    cpu->ZF = 1;
    cpu->thumb = 0;
    cpu->ge = 0;
    cpu->cpsr_other = ARM_MODE_USR;
    cpu->itstate = 0;
    cpu->tpidruro = 0;
    memset(cpu->vfp_d, 0, sizeof(cpu->vfp_d));
    memset(cpu->fpa_f, 0, sizeof(cpu->fpa_f));
    memset(cpu->fpa_type, ARM_FPA_NONE, sizeof(cpu->fpa_type));
    cpu->fpa_fpsr = ARM_FPA_FPSR_RESET;
    cpu->fpa_trap = 0;
    cpu->fpscr = 0;
    /* Linux runs user code with the VFP enabled (FPEXC.EN). */
    cpu->fpexc = 1u << 30;
    cpu->excl_addr = ARM_EXCL_NONE;
    cpu->excl_val = 0;
    if (!cpu->model)
        arm_cpu_set_model(cpu, arm_models[0].name);
}

static void arm_get_tb_key(struct cpu_common *c, uint64_t *pc,
                           uint32_t *flags)
{
    struct arm_cpu *cpu = arm_cpu(c);
    *pc = cpu->regs[15];
    *flags = (cpu->thumb ? ARM_TBFLAG_THUMB : 0) |
             ((cpu->cpsr_other & CPSR_E) ? ARM_TBFLAG_BE_DATA : 0) |
             (cpu->thumb ? (cpu->itstate & 0xff) << ARM_TBFLAG_IT_SHIFT : 0);
}

/* The same key in IR, for generated code's inline jump-cache probe at
 * computed jumps (target_info.gen_tb_key).  thumb is 0 or 1. */
_Static_assert(ARM_TBFLAG_THUMB == 1 && CPSR_E == 1u << 9,
               "arm_gen_tb_key relies on the flag positions");
static void arm_gen_tb_key(struct ir_ctx *c, ir_t *pc, ir_t *flags)
{
    ir_t f = ir_new_i32(c), it = ir_new_i32(c), m = ir_new_i32(c);
    ir_ld_env(c, f, offsetof(struct arm_cpu, cpsr_other), MO_32);
    ir_shri(c, f, f, 9 - 1);
    ir_andi(c, f, f, ARM_TBFLAG_BE_DATA);
    ir_or(c, f, f, arm_thumb_g);
    ir_ld_env(c, it, offsetof(struct arm_cpu, itstate), MO_32);
    ir_andi(c, it, it, 0xff);
    ir_shli(c, it, it, ARM_TBFLAG_IT_SHIFT);
    ir_neg(c, m, arm_thumb_g);
    ir_and(c, it, it, m);
    ir_or(c, f, f, it);
    *pc = arm_R[15];
    *flags = f;
}

/* data[0] is the instruction's address, data[1] the IT state it
 * executes under (so a fault inside an IT block resumes the block). */
static void arm_restore_state(struct cpu_common *c,
                              const uint64_t data[IR_INSN_WORDS])
{
    arm_cpu(c)->regs[15] = (uint32_t)data[0];
    arm_cpu(c)->itstate = (uint32_t)data[1] & 0xff;
}

static void arm_set_pc(struct cpu_common *c, uint64_t pc)
{
    arm_cpu(c)->regs[15] = (uint32_t)pc;
}

static uint64_t arm_get_pc(struct cpu_common *c)
{
    return arm_cpu(c)->regs[15];
}

static void arm_dump_state(struct cpu_common *c, FILE *out)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t psr = arm_cpsr_read(cpu);

    for (int i = 0; i < 16; i++)
        fprintf(out, "R%02d=%08x%c", i, cpu->regs[i], (i % 4 == 3) ? '\n' : ' ');
    fprintf(out, "PSR=%08x %c%c%c%c%c %c usr32\n", psr,
            psr & CPSR_N ? 'N' : '-', psr & CPSR_Z ? 'Z' : '-',
            psr & CPSR_C ? 'C' : '-', psr & CPSR_V ? 'V' : '-',
            psr & CPSR_Q ? 'Q' : '-', psr & CPSR_T ? 'T' : 'A');
}

int arm_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code, size_t len,
              char *buf, size_t bufsize);
int arm_gdb_read_reg(struct cpu_common *c, int regnum, uint8_t *buf);
int arm_gdb_write_reg(struct cpu_common *c, int regnum, const uint8_t *buf);

const struct target_info arm_target = {
    .name = "arm",
    .addr_bits = 32,
    .big_endian = false,
    .cpu_size = sizeof(struct arm_cpu),
    .cpu_models = arm_model_names,
    .cpu_set_model = arm_set_model_hook,
    .init_globals = arm_init_globals,
    .cpu_reset = arm_cpu_reset,
    .get_tb_key = arm_get_tb_key,
    .gen_tb_key = arm_gen_tb_key,
    .translate = arm_translate,
    .restore_state = arm_restore_state,
    .set_pc = arm_set_pc,
    .get_pc = arm_get_pc,
    .dump_state = arm_dump_state,
    .disas = arm_disas,
    .gdb_read_reg = arm_gdb_read_reg,
    .gdb_write_reg = arm_gdb_write_reg,
};
