/* Register layouts for gdb (see gdb_arch.h). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/gdb_arch.h"
#include "util/error.h"

#define ARM_CORE "org.gnu.gdb.arm.core"
static const struct gdb_reg arm_regs[] = {
    { "r0", 0, 32, "uint32", ARM_CORE }, { "r1", 1, 32, "uint32", ARM_CORE },
    { "r2", 2, 32, "uint32", ARM_CORE }, { "r3", 3, 32, "uint32", ARM_CORE },
    { "r4", 4, 32, "uint32", ARM_CORE }, { "r5", 5, 32, "uint32", ARM_CORE },
    { "r6", 6, 32, "uint32", ARM_CORE }, { "r7", 7, 32, "uint32", ARM_CORE },
    { "r8", 8, 32, "uint32", ARM_CORE }, { "r9", 9, 32, "uint32", ARM_CORE },
    { "r10", 10, 32, "uint32", ARM_CORE }, { "r11", 11, 32, "uint32", ARM_CORE },
    { "r12", 12, 32, "uint32", ARM_CORE }, { "sp", 13, 32, "data_ptr", ARM_CORE },
    { "lr", 14, 32, "uint32", ARM_CORE }, { "pc", 15, 32, "code_ptr", ARM_CORE },
    { "cpsr", 25, 32, "uint32", ARM_CORE },
};

/* MIPS: QEMU's and gdb's numbering: r0-r31, status, lo, hi, badvaddr,
 * cause, pc, f0-f31, fcsr, fir.  Built for 32- and 64-bit below. */
#define MIPS_CPU "org.gnu.gdb.mips.cpu"
#define MIPS_CP0 "org.gnu.gdb.mips.cp0"
#define MIPS_FPU "org.gnu.gdb.mips.fpu"
static const char *const mips_gpr_names[32] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11",
    "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21",
    "r22", "r23", "r24", "r25", "r26", "r27", "r28", "r29", "r30", "r31",
};
static const char *const mips_fpr_names[32] = {
    "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11",
    "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21",
    "f22", "f23", "f24", "f25", "f26", "f27", "f28", "f29", "f30", "f31",
};

static struct gdb_reg mips32_regs[72], mips64_regs[72];

static void mips_fill(struct gdb_reg *r, int bits)
{
    for (int i = 0; i < 32; i++)
        r[i] = (struct gdb_reg){ mips_gpr_names[i], i, bits, "int", MIPS_CPU };
    r[32] = (struct gdb_reg){ "status", 32, bits, "int", MIPS_CP0 };
    r[33] = (struct gdb_reg){ "lo", 33, bits, "int", MIPS_CPU };
    r[34] = (struct gdb_reg){ "hi", 34, bits, "int", MIPS_CPU };
    r[35] = (struct gdb_reg){ "badvaddr", 35, bits, "int", MIPS_CP0 };
    r[36] = (struct gdb_reg){ "cause", 36, bits, "int", MIPS_CP0 };
    r[37] = (struct gdb_reg){ "pc", 37, bits, "int", MIPS_CPU };
    for (int i = 0; i < 32; i++)
        r[38 + i] = (struct gdb_reg){ mips_fpr_names[i], 38 + i, bits,
                                      bits == 64 ? "ieee_double" : "ieee_single",
                                      MIPS_FPU };
    r[70] = (struct gdb_reg){ "fcsr", 70, bits, "int", MIPS_FPU };
    r[71] = (struct gdb_reg){ "fir", 71, bits, "int", MIPS_FPU };
}

static const struct gdb_arch arches[] = {
    { "arm", "arm", arm_regs, sizeof(arm_regs) / sizeof(arm_regs[0]), 13 },
    /* MIPS watchpoints stop before the access (the Watch exception):
     * gdb's MIPS support expects that and steps the instruction.  "mips"
     * is compatible with every MIPS32 ELF; for MIPS64, gdb calls plain
     * "mips:isa64" ambiguous with the programs' mips:isa64r2. */
    { "mips", "mips", mips32_regs, 72, 29, true },
    { "mipsel", "mips", mips32_regs, 72, 29, true },
    { "mips64", "mips:isa64r2", mips64_regs, 72, 29, true },
    { "mips64el", "mips:isa64r2", mips64_regs, 72, 29, true },
};

const struct gdb_arch *gdb_arch_find(const char *target)
{
    if (!mips32_regs[0].name) {
        mips_fill(mips32_regs, 32);
        mips_fill(mips64_regs, 64);
    }
    for (size_t i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
        if (!strcmp(arches[i].arch, target))
            return &arches[i];
    return NULL;
}

char *gdb_arch_xml(const struct gdb_arch *a)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);

    if (!f)
        fatal("out of memory");
    fprintf(f, "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
               "<target><architecture>%s</architecture>", a->gdb_arch);
    /* One <feature> per distinct feature name, in first-use order. */
    for (int i = 0; i < a->nregs; i++) {
        bool seen = false;
        for (int j = 0; j < i; j++)
            if (!strcmp(a->regs[j].feature, a->regs[i].feature))
                seen = true;
        if (seen)
            continue;
        fprintf(f, "<feature name=\"%s\">", a->regs[i].feature);
        for (int j = i; j < a->nregs; j++)
            if (!strcmp(a->regs[j].feature, a->regs[i].feature))
                fprintf(f, "<reg name=\"%s\" bitsize=\"%d\" regnum=\"%d\" type=\"%s\" group=\"%s\"/>",
                        a->regs[j].name, a->regs[j].bitsize, a->regs[j].regnum,
                        a->regs[j].type,
                        strncmp(a->regs[j].type, "ieee", 4) ? "general" : "float");
        fprintf(f, "</feature>");
    }
    fprintf(f, "</target>");
    fclose(f);
    return buf;
}
