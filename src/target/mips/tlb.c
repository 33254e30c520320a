/*
 * The MIPS32 MMU in system mode: the fixed segments (kuseg, kseg0/1
 * unmapped at physical & 0x1fffffff, ksseg, kseg3), the address errors of
 * user and supervisor mode, the joint TLB (VPN2 pairs with PageMask, ASID
 * match unless G), its refill / invalid / modified exceptions with
 * BadVAddr, Context and EntryHi, and TLBR/TLBWI/TLBWR/TLBP.  Translations
 * are cached per 4 KiB page in the engine's soft TLB.
 */
#include <stddef.h>

#include "engine/exec.h"
#include "engine/softmmu.h"
#include "target/mips/translate.h"

enum xlate {
    XL_OK,
    XL_ADDR_ERROR,   /* segment not accessible in this mode */
    XL_REFILL,       /* no matching TLB entry */
    XL_INVALID,      /* matching entry with V clear */
    XL_MODIFIED,     /* store through an entry with D clear */
};

/* The EntryHi bits a TLB entry matches on: VPN2 (and for MIPS64 the
 * region R, bits 63:62, with VPN2 up to SEGBITS). */
#define VPN2_MASK64 (0xc000000000000000ull | \
                     (((1ull << MIPS64_SEGBITS) - 1) & ~0x1fffull))

static uint64_t vpn2_mask(const struct mips_cpu *cpu)
{
    return cpu->is64 ? VPN2_MASK64 : 0xffffe000u;
}

/* Look vaddr up in the TLB. */
static enum xlate tlb_lookup(struct mips_cpu *cpu, uint64_t vaddr, int access,
                             uint64_t *paddr, int *prot)
{
    uint8_t asid = cpu->cp0_entryhi & 0xff;
    uint64_t va = vaddr & vpn2_mask(cpu);
    for (int i = 0; i < cpu->tlb_n; i++) {
        const struct mips_tlb_entry *e = &cpu->tlb[i];
        uint64_t mask = e->pagemask | 0x1fffu;      /* VPN2 + offset bits */
        if ((va & ~mask) != (e->vpn2 & ~mask) || !(e->g || e->asid == asid))
            continue;
        uint64_t half = (mask + 1) >> 1;            /* one page of the pair */
        uint32_t lo = e->lo[(vaddr & half) ? 1 : 0];
        if (!(lo & 2))
            return XL_INVALID;
        if (access == MMU_DATA_STORE && !(lo & 4))
            return XL_MODIFIED;
        uint64_t pfn = (uint64_t)((lo >> 6) & 0x00ffffffu) << 12;
        *paddr = (pfn & ~(half - 1)) | (vaddr & (half - 1));
        *prot = PROT_R | PROT_X | ((lo & 4) ? PROT_W : 0) |
                (e->g ? 0 : PROT_ASID);
        return XL_OK;
    }
    return XL_REFILL;
}

/* mmu_idx: 0 kernel, 1 supervisor, 2 user, 3 kernel with ERL. */
static enum xlate translate32(struct mips_cpu *cpu, uint64_t va64, int access,
                              int mmu_idx, uint64_t *paddr, int *prot)
{
    uint32_t vaddr = (uint32_t)va64;
    bool kernel = mmu_idx == 0 || mmu_idx == 3;
    *prot = PROT_R | PROT_W | PROT_X;
    if (vaddr < 0x80000000u) {                      /* kuseg */
        if (mmu_idx == 3) {
            *paddr = vaddr;                          /* ERL: unmapped */
            return XL_OK;
        }
        return tlb_lookup(cpu, va64, access, paddr, prot);
    }
    if (vaddr < 0xc0000000u) {                      /* kseg0, kseg1 */
        if (!kernel)
            return XL_ADDR_ERROR;
        *paddr = vaddr & 0x1fffffffu;
        return XL_OK;
    }
    if (vaddr < 0xe0000000u) {                      /* ksseg / kseg2 */
        if (mmu_idx == 2)
            return XL_ADDR_ERROR;
        return tlb_lookup(cpu, va64, access, paddr, prot);
    }
    if (!kernel)                                     /* kseg3 */
        return XL_ADDR_ERROR;
    return tlb_lookup(cpu, va64, access, paddr, prot);
}

/* MIPS64 (PRA, 64-bit address map): the 32-bit compatibility segments
 * are the sign-extended 32-bit addresses; the rest are xuseg (R = 0),
 * xsseg (R = 1), xkphys (R = 2, unmapped, cache attribute in bits 61:59)
 * and xkseg (R = 3), each usable only with its mode's UX/SX/KX bit. */
static enum xlate translate(struct mips_cpu *cpu, uint64_t vaddr, int access,
                            int mmu_idx, uint64_t *paddr, int *prot)
{
    if (!cpu->is64 || vaddr == (uint64_t)(int64_t)(int32_t)vaddr)
        return translate32(cpu, vaddr, access, mmu_idx, paddr, prot);
    uint32_t st = cpu->cp0_status;
    bool kernel = mmu_idx == 0 || mmu_idx == 3;
    bool x = kernel ? (st & CP0_ST_KX) : mmu_idx == 1 ? (st & CP0_ST_SX)
                                                      : (st & CP0_ST_UX);
    uint64_t seg = 1ull << MIPS64_SEGBITS;
    *prot = PROT_R | PROT_W | PROT_X;
    if (!x)
        return XL_ADDR_ERROR;
    switch (vaddr >> 62) {
    case 0:                                          /* xuseg */
        if (vaddr >= seg)
            return XL_ADDR_ERROR;
        if (mmu_idx == 3 && vaddr < (1ull << MIPS64_PABITS)) {
            *paddr = vaddr;                          /* ERL: unmapped */
            return XL_OK;
        }
        return tlb_lookup(cpu, vaddr, access, paddr, prot);
    case 1:                                          /* xsseg */
        if (mmu_idx == 2 || (vaddr & ~(3ull << 62)) >= seg)
            return XL_ADDR_ERROR;
        return tlb_lookup(cpu, vaddr, access, paddr, prot);
    case 2:                                          /* xkphys */
        if (!kernel || (vaddr & 0x07ffffffffffffffull) >> MIPS64_PABITS)
            return XL_ADDR_ERROR;
        *paddr = vaddr & ((1ull << MIPS64_PABITS) - 1);
        return XL_OK;
    default:                                         /* xkseg */
        if (!kernel || (vaddr & ~(3ull << 62)) >= seg - (1u << 31))
            return XL_ADDR_ERROR;
        return tlb_lookup(cpu, vaddr, access, paddr, prot);
    }
}

/* Is the faulting address one of the current mode's 64-bit segments?
 * Then a refill takes the XTLB vector (+0x080). */
static bool xtlb_refill(const struct mips_cpu *cpu, uint64_t vaddr)
{
    if (!cpu->is64)
        return false;
    switch (vaddr >> 62) {
    case 0: return cpu->cp0_status & CP0_ST_UX;
    case 1: return cpu->cp0_status & CP0_ST_SX;
    case 3: return cpu->cp0_status & CP0_ST_KX;
    default: return false;
    }
}

/* Set the CP0 state of an MMU exception; returns the cpu_exec code. */
static int fault_state(struct mips_cpu *cpu, uint64_t vaddr, int access,
                       enum xlate r)
{
    bool store = access == MMU_DATA_STORE;
    if (!cpu->is64)
        vaddr = (uint32_t)vaddr;
    cpu->cp0_badvaddr = vaddr;
    if (r == XL_ADDR_ERROR)
        return MIPS_EXCP_GUEST + (store ? EXC_ADES : EXC_ADEL);
    uint64_t vpn2 = vaddr & vpn2_mask(cpu);
    if (cpu->is64) {
        /* Context: PTEBase 63:23, BadVPN2 (VA 31:13) at 22:4.  XContext:
         * PTEBase above R (at SEGBITS-9..), BadVPN2 (VA SEGBITS-1:13) at 4. */
        int rpos = MIPS64_SEGBITS - 9;
        cpu->cp0_context = (cpu->cp0_context & ~0x7fffffull) |
                           ((vaddr >> 13) << 4 & 0x007ffff0u);
        cpu->cp0_xcontext = (cpu->cp0_xcontext & ~0ull << (rpos + 2)) |
                            (vaddr >> 62) << rpos |
                            ((vaddr & ((1ull << MIPS64_SEGBITS) - 1)) >> 13) << 4;
    } else {
        cpu->cp0_context = (cpu->cp0_context & 0xff800000u) |
                           ((vaddr >> 13) << 4 & 0x007ffff0u);
    }
    cpu->cp0_entryhi = (cpu->cp0_entryhi & 0xffu) | vpn2;
    if (r == XL_MODIFIED)
        return MIPS_EXCP_GUEST + EXC_MOD;
    int code = MIPS_EXCP_GUEST + (store ? EXC_TLBS : EXC_TLBL);
    /* A refill uses its own vector only when EXL is clear. */
    if (r == XL_REFILL && !(cpu->cp0_status & CP0_ST_EXL))
        code += xtlb_refill(cpu, vaddr) ? MIPS_EXCP_XREFILL : MIPS_EXCP_REFILL;
    return code;
}

int mips_mmu_fault(struct mips_cpu *cpu, uint64_t vaddr, int access,
                   int mmu_idx)
{
    uint64_t paddr;
    int prot;
    enum xlate r = translate(cpu, vaddr, access, mmu_idx, &paddr, &prot);
    if (r == XL_OK)
        return 0;
    /* The entry's address (ASID/EntryHi) changes: flush the soft TLB of
     * nothing; fault_state only writes CP0. */
    return fault_state(cpu, vaddr, access, r);
}

bool mips_tlb_fill(struct cpu_common *c, uint64_t vaddr, int access,
                   int mmu_idx, bool probe)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t paddr;
    int prot;
    enum xlate r = translate(cpu, vaddr, access, mmu_idx, &paddr, &prot);
    if (r == XL_OK) {
        softmmu_tlb_set_page(c, vaddr, paddr, prot, mmu_idx);
        return true;
    }
    if (probe)
        return false;
    int code = fault_state(cpu, vaddr, access, r);
    cpu_raise(c, code, 0);
}

uint64_t mips_get_phys(struct mips_cpu *cpu, uint64_t vaddr)
{
    uint64_t paddr;
    int prot;
    int mmu = mips_mmu_index(mips_sys_tb_flags(cpu, cpu->pc));
    if (translate(cpu, vaddr, MMU_DATA_LOAD, mmu, &paddr, &prot) !=
        XL_OK)
        return ~0ull;
    return paddr;
}

/* ---- TLB instructions ------------------------------------------------------------- */

/* Before an entry changes: no translation made through it survives. */
static void entry_drop(struct cpu_common *c, const struct mips_tlb_entry *e)
{
    uint64_t mask = e->pagemask | 0x1fffu;
    uint64_t start = e->vpn2 & ~mask;
    if ((uint32_t)start >= 0x80000000u && (uint32_t)start < 0xc0000000u &&
        (start >> 32 == 0 || start >> 32 == 0xc00000ffu))
        return;    /* the reset pattern: never matched */
    /* R = 3 with bits 39:31 set is the compatibility kseg2/kseg3 (xkseg
     * ends below): the sign-extended address the CPU runs at. */
    if ((start >> 62) == 3 && ((start >> 31) & 0x1ff) == 0x1ff)
        start |= 0x3fffff0000000000ull;
    /* Only the pages of this entry change (the manual's rule; Linux
     * writes an entry on every TLB refill). */
    softmmu_tlb_flush_range(c, start, (uint64_t)mask + 1);
    tb_unlink_range(start, start + (uint64_t)mask + 1);
}

static void tlb_write(struct cpu_common *c, int i)
{
    struct mips_cpu *cpu = mips_cpu(c);
    struct mips_tlb_entry *e = &cpu->tlb[i];
    entry_drop(c, e);
    e->pagemask = cpu->cp0_pagemask;
    e->vpn2 = cpu->cp0_entryhi & vpn2_mask(cpu) & ~(uint64_t)cpu->cp0_pagemask;
    e->asid = cpu->cp0_entryhi & 0xff;
    e->g = (cpu->cp0_entrylo0 & cpu->cp0_entrylo1 & 1) != 0;
    e->lo[0] = (uint32_t)cpu->cp0_entrylo0 & ~1u;
    e->lo[1] = (uint32_t)cpu->cp0_entrylo1 & ~1u;
    entry_drop(c, e);
}

static uint64_t mips_tlbwi(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    tlb_write(c, (int)(cpu->cp0_index & 0x7fffffffu) % cpu->tlb_n);
    return 0;
}
IR_HELPER_DEF(mips_tlbwi, 0, false, IR_HELPER_NO_RAISE);

static uint64_t mips_tlbwr(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint32_t span = (uint32_t)cpu->tlb_n - cpu->cp0_wired;
    int i = (int)cpu->cp0_wired < cpu->tlb_n && span
                ? cpu->tlb_n - 1 - (int)(cpu->random_seed % span)
                : cpu->tlb_n - 1;
    cpu->random_seed = cpu->random_seed * 1103515245u + 12345u;
    tlb_write(c, i);
    return 0;
}
IR_HELPER_DEF(mips_tlbwr, 0, false, IR_HELPER_NO_RAISE);

static uint64_t mips_tlbp(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint64_t hi = cpu->cp0_entryhi;
    uint64_t va = hi & vpn2_mask(cpu);
    for (int i = 0; i < cpu->tlb_n; i++) {
        const struct mips_tlb_entry *e = &cpu->tlb[i];
        uint64_t mask = e->pagemask | 0x1fffu;
        if ((va & ~mask) == (e->vpn2 & ~mask) &&
            (e->g || e->asid == (hi & 0xff))) {
            cpu->cp0_index = (uint32_t)i;
            return 0;
        }
    }
    cpu->cp0_index |= 0x80000000u;
    return 0;
}
IR_HELPER_DEF(mips_tlbp, 0, false, IR_HELPER_NO_RAISE);

static uint64_t mips_tlbr(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    const struct mips_tlb_entry *e =
        &cpu->tlb[(cpu->cp0_index & 0x7fffffffu) % cpu->tlb_n];
    uint32_t old_asid = cpu->cp0_entryhi & 0xff;
    cpu->cp0_entryhi = e->vpn2 | e->asid;
    cpu->cp0_pagemask = e->pagemask;
    cpu->cp0_entrylo0 = e->lo[0] | (e->g ? 1 : 0);
    cpu->cp0_entrylo1 = e->lo[1] | (e->g ? 1 : 0);
    if (old_asid != e->asid)
        softmmu_tlb_flush_asid(c);
    return 0;
}
IR_HELPER_DEF(mips_tlbr, 0, false, IR_HELPER_NO_RAISE);
