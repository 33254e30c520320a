/*
 * The human monitor's view of a MIPS system CPU: `info registers` in
 * QEMU's MIPS layout (pc/HI/LO, the GPRs four to a line with their ABI
 * names, then the CP0 registers a kernel debugger looks at first) and
 * `info tlb`, one line per joint-TLB entry.  User-mode CPUs (no CP0)
 * leave both to the generic dump.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "target/mips/cpu.h"

bool mips_monitor_info(struct cpu_common *c, const char *what, FILE *out);

static const char *const abi_names[32] = {
    "r0", "at", "v0", "v1", "a0", "a1", "a2", "a3",
    "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
    "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
    "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
};

/* A CP0 address register (EPC, BadVAddr, ...) at the CPU's width: one
 * kept in a 32-bit field is sign-extended first, as MFC0 reads it. */
#define ADDR(x) (((sizeof(x) == 4 ? (unsigned long long)(long long)(int32_t)(x) \
                                  : (unsigned long long)(x))) & m)
/* 32-bit CP0 registers (Status, Cause, Config, ...). */
#define R32(x) ((unsigned)(uint32_t)(x))

static void dump_registers(struct mips_cpu *cpu, FILE *out)
{
    int w = cpu->is64 ? 16 : 8;
    unsigned long long m = cpu->is64 ? ~0ull : 0xffffffffull;

    fprintf(out, "pc=0x%0*llx HI=0x%0*llx LO=0x%0*llx ds %04x\n",
            w, (unsigned long long)cpu->pc & m, w,
            (unsigned long long)cpu->hi & m, w,
            (unsigned long long)cpu->lo & m, cpu->in_ds ? 1 : 0);
    for (int i = 0; i < 32; i++) {
        if ((i & 3) == 0)
            fprintf(out, "GPR%02d:", i);
        fprintf(out, " %s %0*llx", abi_names[i], w,
                (unsigned long long)(i ? cpu->gpr[i] : 0) & m);
        if ((i & 3) == 3)
            fprintf(out, "\n");
    }
    fprintf(out, "CP0 Status  0x%08x Cause   0x%08x EPC    0x%0*llx\n",
            R32(cpu->cp0_status), R32(mips_cause(cpu)), w, ADDR(cpu->cp0_epc));
    fprintf(out, "    Config0 0x%08x Config1 0x%08x LLAddr 0x%016llx\n",
            R32(cpu->cp0_config[0]), R32(cpu->cp0_config[1]),
            (unsigned long long)cpu->cp0_lladdr);
    fprintf(out, "    Config2 0x%08x Config3 0x%08x\n",
            R32(cpu->cp0_config[2]), R32(cpu->cp0_config[3]));
    fprintf(out, "    BadVAddr 0x%0*llx EntryHi 0x%0*llx ErrorEPC 0x%0*llx\n",
            w, ADDR(cpu->cp0_badvaddr), w, ADDR(cpu->cp0_entryhi),
            w, ADDR(cpu->cp0_errorepc));
    fprintf(out, "    Index   0x%08x PageMask 0x%08x Wired  0x%08x\n",
            R32(cpu->cp0_index), R32(cpu->cp0_pagemask), R32(cpu->cp0_wired));
    fprintf(out, "    Context 0x%0*llx Compare 0x%08x EBase  0x%08x\n",
            w, ADDR(cpu->cp0_context), R32(cpu->cp0_compare),
            R32(cpu->cp0_ebase));
    fprintf(out, "FCR0 0x%08x FCR31 0x%08x\n", R32(cpu->fir), R32(cpu->fcsr));
}

/* The size one page of an entry's pair maps, from PageMask.Mask. */
static void page_size(uint32_t pagemask, char *buf, size_t size)
{
    unsigned long long bytes = ((unsigned long long)(pagemask | 0x1fffu) + 1) / 2;
    if (bytes >= 1ull << 20)
        snprintf(buf, size, "%lluM", bytes >> 20);
    else
        snprintf(buf, size, "%lluK", bytes >> 10);
}

static void dump_tlb(struct mips_cpu *cpu, FILE *out)
{
    int w = cpu->is64 ? 16 : 8;
    fprintf(out, "ASID 0x%02x, %d entries, Wired %u\n",
            R32(cpu->cp0_entryhi & 0xff), cpu->tlb_n, R32(cpu->cp0_wired));
    for (int i = 0; i < cpu->tlb_n; i++) {
        const struct mips_tlb_entry *e = &cpu->tlb[i];
        char sz[16];
        page_size(e->pagemask, sz, sizeof(sz));
        fprintf(out, "TLB[%02d] VPN2 0x%0*llx ASID 0x%02x G %d Mask 0x%08x (%s)",
                i, w, (unsigned long long)e->vpn2, e->asid, e->g ? 1 : 0,
                R32(e->pagemask), sz);
        for (int j = 0; j < 2; j++) {
            uint64_t lo = e->lo[j];
            /* EntryLo: PFN 29:6 (4 KiB frames), C 5:3, D 2, V 1. */
            unsigned long long pa = (unsigned long long)((lo >> 6) & 0xffffffu) << 12;
            fprintf(out, " PFN%d 0x%09llx C%d %u D%d %u V%d %u", j, pa,
                    j, (unsigned)(lo >> 3) & 7, j, (unsigned)(lo >> 2) & 1,
                    j, (unsigned)(lo >> 1) & 1);
        }
        fprintf(out, "\n");
    }
}

bool mips_monitor_info(struct cpu_common *c, const char *what, FILE *out)
{
    struct mips_cpu *cpu = mips_cpu(c);
    if (!cpu->sys)
        return false;
    if (!strcmp(what, "registers"))
        dump_registers(cpu, out);
    else if (!strcmp(what, "tlb"))
        dump_tlb(cpu, out);
    else
        return false;
    return true;
}
