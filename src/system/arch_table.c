/*
 * System-mode architecture names and their CPU models (QEMU's names, so
 * -cpu options carry over).  A target that is built in may list its own
 * models in target_info; this table is what -cpu help shows otherwise.
 */
#include <string.h>

#include "system/machine.h"

static const char *const x86_cpus[] = {
    "qemu32", "qemu64", "486", "pentium", "pentium2", "pentium3", "coreduo",
    "core2duo", "kvm32", "kvm64", "athlon", "phenom", "n270", "max", NULL,
};
static const char *const x86_64_cpus[] = {
    "qemu64", "qemu32", "486", "pentium", "pentium2", "pentium3", "coreduo",
    "core2duo", "kvm32", "kvm64", "athlon", "phenom", "n270", "Nehalem",
    "Westmere", "SandyBridge", "IvyBridge", "Haswell", "Skylake-Client",
    "EPYC", "max", NULL,
};
static const char *const arm_cpus[] = {
    "cortex-a15", "arm926", "arm946", "arm1026", "arm1136", "arm1136-r2",
    "arm1176", "arm11mpcore", "cortex-m0", "cortex-m3", "cortex-m4",
    "cortex-r5", "cortex-a7", "cortex-a8", "cortex-a9", "pxa250", "pxa270",
    "sa1100", "sa1110", "ti925t", "max", NULL,
};
static const char *const mips32_cpus[] = {
    "24Kf", "4Kc", "4Km", "4KEcR1", "4KEmR1", "4KEc", "4KEm", "24Kc", "24KEc",
    "34Kf", "74Kf", "M14K", "M14Kc", "P5600", "mips32r6-generic", "I7200",
    NULL,
};
static const char *const mips64_cpus[] = {
    "5Kf", "R4000", "VR5432", "5Kc", "20Kc", "MIPS64R2-generic", "5KEc",
    "5KEf", "I6400", "I6500", "Loongson-2E", "Loongson-2F", "Loongson-3A1000",
    "Loongson-3A4000", "mips64dspr2", "Octeon68XX", "24Kf", "4Kc", "34Kf",
    "74Kf", NULL,
};
static const char *const ppc_cpus[] = {
    "604", "e500", "e500v2", "e300c3", "7400", "7447a", "7450", "740",
    "750", "750cx", "603", "603e", "G4", "G3", NULL,
};
static const char *const sparc_cpus[] = {
    "Fujitsu MB86904", "Fujitsu MB86907", "TI MicroSparc I",
    "TI MicroSparc II", "TI MicroSparc IIep", "TI SuperSparc 40",
    "TI SuperSparc 50", "TI SuperSparc 51", "TI SuperSparc 60",
    "TI SuperSparc 61", "TI SuperSparc II", "LEON2", "LEON3", NULL,
};
static const char *const sparc64_cpus[] = {
    "TI UltraSparc IIi", "Fujitsu Sparc64", "Fujitsu Sparc64 III",
    "Fujitsu Sparc64 IV", "Fujitsu Sparc64 V", "TI UltraSparc I",
    "TI UltraSparc II", "TI UltraSparc IIe", "Sun UltraSparc III",
    "Sun UltraSparc IV", "Sun UltraSparc T1", "Sun UltraSparc T2",
    "NEC UltraSparc I", NULL,
};
static const char *const xtensa_cpus[] = {
    "dc233c", "dc232b", "de212", "de233_fpu", "dsp3400", "sample_controller",
    "test_mmuhifi_c3", NULL,
};

static const struct sys_arch sys_arches[] = {
    { "i386", "-i386-cpu", false, 32, x86_cpus },
    { "x86_64", "-x86_64-cpu", false, 64, x86_64_cpus },
    { "arm", "-arm-cpu", false, 32, arm_cpus },
    { "mips", "-mips-cpu", true, 32, mips32_cpus },
    { "mipsel", "-mips-cpu", false, 32, mips32_cpus },
    { "mips64", "-mips64-cpu", true, 64, mips64_cpus },
    { "mips64el", "-mips64-cpu", false, 64, mips64_cpus },
    { "ppc", "-powerpc-cpu", true, 32, ppc_cpus },
    { "sparc", "-sparc-cpu", true, 32, sparc_cpus },
    { "sparc64", "-sparc64-cpu", true, 64, sparc64_cpus },
    { "xtensa", "-xtensa-cpu", false, 32, xtensa_cpus },
    { "xtensaeb", "-xtensa-cpu", true, 32, xtensa_cpus },
};

const struct sys_arch *sys_arch_find(const char *name)
{
    for (size_t i = 0; i < sizeof(sys_arches) / sizeof(sys_arches[0]); i++)
        if (strcmp(sys_arches[i].name, name) == 0)
            return &sys_arches[i];
    return NULL;
}
