/*
 * The auxiliary vector through getauxval: AT_PAGESZ, AT_HWCAP (an ARMv5TE
 * CPU has at least SWP, HALF, THUMB, FAST_MULT, EDSP), AT_RANDOM (16
 * readable bytes), AT_PLATFORM (a "v5l".. style string), AT_EXECFN (the
 * program path), AT_PHDR/AT_PHNUM (our own program headers), AT_ENTRY,
 * AT_UID/AT_EUID (the host's ids), AT_SECURE 0, AT_CLKTCK 100.
 */
#include <elf.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "check.h"

#define HWCAP_SWP       (1 << 0)
#define HWCAP_HALF      (1 << 1)
#define HWCAP_THUMB     (1 << 2)
#define HWCAP_FAST_MULT (1 << 4)
#define HWCAP_EDSP      (1 << 7)

extern char _start[];

int main(int argc, char **argv)
{
    CHECK("AT_PAGESZ", getauxval(AT_PAGESZ), 4096);
    CHECK("sysconf(_SC_PAGESIZE)", sysconf(_SC_PAGESIZE), 4096);
    unsigned long hw = getauxval(AT_HWCAP);
    unsigned long need = HWCAP_SWP | HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_EDSP;
    CHECK("AT_HWCAP has swp half thumb fast_mult edsp", hw & need, need);
    const uint8_t *rnd = (const uint8_t *)getauxval(AT_RANDOM);
    CHECK_TRUE("AT_RANDOM present", rnd != NULL);
    int nonzero = 0;
    for (int i = 0; i < 16; i++)
        nonzero |= rnd[i];
    CHECK_TRUE("AT_RANDOM bytes readable and not all zero", nonzero);
    const char *plat = (const char *)getauxval(AT_PLATFORM);
    CHECK_TRUE("AT_PLATFORM present", plat != NULL);
    CHECK_TRUE("AT_PLATFORM looks like v<N>l", plat && plat[0] == 'v' && plat[1] >= '4' &&
               plat[1] <= '8' && plat[strlen(plat) - 1] == 'l');
    const char *fn = (const char *)getauxval(AT_EXECFN);
    CHECK_TRUE("AT_EXECFN present", fn != NULL);
    CHECK_TRUE("AT_EXECFN names this program", fn && strstr(fn, "auxv") != NULL);
    CHECK("AT_ENTRY is _start", getauxval(AT_ENTRY), (uintptr_t)_start);
    const Elf32_Phdr *ph = (const Elf32_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM);
    CHECK_TRUE("AT_PHNUM plausible", phnum >= 2 && phnum < 20);
    int loads = 0, exec_has_entry = 0;
    for (unsigned long i = 0; ph && i < phnum; i++)
        if (ph[i].p_type == PT_LOAD) {
            loads++;
            if ((ph[i].p_flags & PF_X) && (uintptr_t)_start >= ph[i].p_vaddr &&
                (uintptr_t)_start < ph[i].p_vaddr + ph[i].p_memsz)
                exec_has_entry = 1;
        }
    CHECK_TRUE("AT_PHDR lists PT_LOAD segments", loads >= 1);
    CHECK_TRUE("an executable PT_LOAD holds the entry", exec_has_entry);
    CHECK("AT_PHENT", getauxval(AT_PHENT), sizeof(Elf32_Phdr));
    CHECK("AT_UID is getuid()", getauxval(AT_UID), getuid());
    CHECK("AT_EUID is geteuid()", getauxval(AT_EUID), geteuid());
    CHECK("AT_GID is getgid()", getauxval(AT_GID), getgid());
    CHECK("AT_SECURE", getauxval(AT_SECURE), 0);
    CHECK("AT_CLKTCK", getauxval(AT_CLKTCK), 100);
    return check_done("auxv");
}
