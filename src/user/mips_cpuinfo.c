/*
 * /proc/cpuinfo of a MIPS guest, in the layout of arch/mips/kernel/proc.c:
 * system type, the CPU model with its PRId revision and the FPU's (from
 * FIR), the ISA levels the model implements, the ASEs (none that kemu
 * implements beyond the base ISA), and the fixed per-CPU lines.
 */
#include <stdio.h>
#include <string.h>

#include "target/mips/cpu.h"
#include "user/abi.h"
#include "util/bits.h"

/* The kernel's names for the models kemu offers (cpu-probe.c). */
static const struct {
    const char *model, *name;
} mips_names[] = {
    { "24Kf", "MIPS 24Kf" }, { "34Kf", "MIPS 34Kf" }, { "74Kf", "MIPS 74Kf" },
    { "5KEf", "MIPS 5KEf" }, { "MIPS64R2-generic", "MIPS GENERIC" },
};

size_t mips_user_cpuinfo(struct cpu_common *c, char *buf, size_t n)
{
    const struct mips_cpu *cpu = mips_cpu(c);
    const char *name = cpu->model ? cpu->model : "MIPS";

    for (size_t i = 0; i < ARRAY_SIZE(mips_names); i++)
        if (cpu->model && strcmp(cpu->model, mips_names[i].model) == 0)
            name = mips_names[i].name;
    /* FIR bits 15:8 are the FPU implementation, 7:0 its revision. */
    unsigned fpu_rev = cpu->fir & 0xff;
    int len = snprintf(buf, n,
                       "system type\t\t: kemu user mode\n"
                       "machine\t\t\t: Unknown\n"
                       "processor\t\t: 0\n"
                       "cpu model\t\t: %s V0.0  FPU V%u.%u\n"
                       "BogoMIPS\t\t: 100.00\n"
                       "wait instruction\t: yes\n"
                       "microsecond timers\t: yes\n"
                       "tlb_entries\t\t: 64\n"
                       "extra interrupt vector\t: yes\n"
                       "hardware watchpoint\t: no\n"
                       "isa\t\t\t: %s\n"
                       "ASEs implemented\t:\n"
                       "shadow register sets\t: 1\n"
                       "kscratch registers\t: 0\n"
                       "package\t\t\t: 0\n"
                       "core\t\t\t: 0\n"
                       "VCED exceptions\t\t: not available\n"
                       "VCEI exceptions\t\t: not available\n"
                       "\n",
                       name, fpu_rev >> 4, fpu_rev & 15,
                       cpu->is64 ? "mips1 mips2 mips3 mips4 mips5 mips32r1 "
                                   "mips32r2 mips64r1 mips64r2"
                                 : "mips1 mips2 mips32r1 mips32r2");
    return len < 0 ? 0 : (size_t)len;
}
