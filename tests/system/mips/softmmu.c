/*
 * What the soft TLB must get right under translated code, in kernel mode:
 * self-modifying code through KSEG0, KSEG1 and a TLB-mapped page; a TLB
 * entry rewritten (TLBWI) to point the same virtual page at another
 * physical page, for data and for code (no stale translation runs);
 * two ASIDs mapping one virtual page to different code; a chained
 * direct jump into a page that is then mapped elsewhere; 1 MiB and
 * 16 MiB pages rewritten, their data seen at once; unaligned
 * LWL/LWR/SWL/SWR across a page boundary whose halves lie on
 * non-adjacent physical pages; AdEL/AdES with EPC, Cause.BD and BadVAddr
 * for an unaligned access in a branch delay slot; device registers
 * through a TLB-mapped page; a timer interrupt taken by a tight
 * polling loop.
 */
#include "rt.h"

#define LI_V0(n) (0x24020000u | (n))   /* addiu v0, zero, n */
#define JR_RA 0x03e00008u
#define KSEG0(pa) ((volatile uint32_t *)(0x80000000u | (pa)))
#define KSEG1(pa) ((volatile uint32_t *)(0xa0000000u | (pa)))

static int fails, unexpected;
static volatile int ticked;
static volatile uint32_t got_epc, got_cause, got_bad;
static uint32_t resume_at;

extern char adel_branch[], adel_resume[], ades_store[], ades_resume[];

static uint32_t lo(uint32_t pa, int cache, int g)
{
    return (pa >> 12) << 6 | (uint32_t)cache << 3 | 4u | 2u | (g ? 1u : 0);
}

static void tlb_set_mask(int idx, uint32_t va, uint32_t asid, uint32_t lo0,
                         uint32_t lo1, uint32_t pagemask)
{
    mtc0(0, 0, idx);
    mtc0(10, 0, (va & ~0x1fffu) | asid);
    mtc0(2, 0, lo0);
    mtc0(3, 0, lo1);
    mtc0(5, 0, pagemask);
    __asm__ volatile("tlbwi\n\tehb" ::: "memory");
}

static void tlb_set(int idx, uint32_t va, uint32_t asid, uint32_t lo0,
                    uint32_t lo1)
{
    tlb_set_mask(idx, va, asid, lo0, lo1, 0);
}

static void set_asid(uint32_t asid)
{
    mtc0(10, 0, asid);
}

static void put_code(volatile uint32_t *p, uint32_t n)
{
    p[0] = LI_V0(n);
    p[1] = JR_RA;
    p[2] = 0;
}

static uint32_t call(uint32_t va)
{
    __asm__ volatile("" ::: "memory");
    return ((uint32_t (*)(void))va)();
}

static void check(const char *what, uint32_t got, uint32_t want)
{
    puts_uart(what);
    puts_uart(got == want ? " ok\n" : " FAIL ");
    if (got != want) {
        puthex(got);
        puts_uart(" want ");
        puthex(want);
        puts_uart("\n");
        fails++;
    }
}

static void hook(struct frame *f, int vector)
{
    uint32_t cause = mfc0(13, 0), code = EXCCODE(cause);
    if (vector == 1 && code == 0 && (cause & (1u << 15))) {
        mtc0(11, 0, mfc0(9, 0) - 1);   /* acknowledges TI */
        ticked = 1;
        return;
    }
    if (vector == 1 && (code == 4 || code == 5) && resume_at) {
        got_epc = mfc0(14, 0);
        got_cause = cause;
        got_bad = mfc0(8, 0);
        mtc0(14, 0, resume_at);
        resume_at = 0;
        return;
    }
    unexpected++;
    puts_uart("unexpected exception ");
    putdec(code);
    puts_uart(" at ");
    puthex(mfc0(14, 0));
    puts_uart("\n");
    mtc0(14, 0, mfc0(14, 0) + 4);
}

/* Code in KSEG0 patched through KSEG0 and through KSEG1 (same physical
 * page, another virtual one). */
static void smc_unmapped(void)
{
    const uint32_t pa = 0x00500000u;
    put_code(KSEG0(pa), 1);
    check("smc kseg0 first", call(0x80000000u | pa), 1);
    KSEG0(pa)[0] = LI_V0(2);
    check("smc kseg0 patched", call(0x80000000u | pa), 2);
    KSEG1(pa)[0] = LI_V0(3);
    check("smc kseg1 alias", call(0x80000000u | pa), 3);
}

/* Code on a TLB-mapped page, patched through the mapping and through
 * the KSEG0 alias; then the entry is rewritten to another physical page:
 * its data and its code must be seen at once. */
static void smc_mapped(void)
{
    const uint32_t va = 0x00800000u, pa = 0x00510000u, pa2 = 0x00512000u;
    put_code(KSEG0(pa), 4);
    KSEG0(pa)[64] = 0x55555555u;
    put_code(KSEG0(pa2), 7);
    KSEG0(pa2)[64] = 0x77777777u;
    tlb_set(1, va, 0, lo(pa, 3, 1), lo(pa + 0x1000, 3, 1));
    check("smc mapped first", call(va), 4);
    ((volatile uint32_t *)va)[0] = LI_V0(5);
    check("smc mapped via mapping", call(va), 5);
    KSEG0(pa)[0] = LI_V0(6);
    check("smc mapped via kseg0", call(va), 6);
    check("remap data before", ((volatile uint32_t *)va)[64], 0x55555555u);
    tlb_set(1, va, 0, lo(pa2, 3, 1), lo(pa + 0x1000, 3, 1));
    check("remap data after", ((volatile uint32_t *)va)[64], 0x77777777u);
    check("remap code after", call(va), 7);
    tlb_set(1, va, 0, lo(pa, 3, 1), lo(pa + 0x1000, 3, 1));
    check("remap code back", call(va), 6);
}

/* A direct jump from one mapped page into the next, run until chained;
 * then the second page is mapped to other code: the jump must reach it. */
static void chain_remap(void)
{
    const uint32_t va = 0x00f00000u, pa = 0x00540000u;
    KSEG0(pa)[0] = 0x08000000u | (((va + 0x1000u) >> 2) & 0x03ffffffu); /* j */
    KSEG0(pa)[1] = 0;
    put_code(KSEG0(pa + 0x1000u), 10);
    put_code(KSEG0(pa + 0x3000u), 11);
    tlb_set(8, va, 0, lo(pa, 3, 1), lo(pa + 0x1000u, 3, 1));
    uint32_t r = 0;
    for (int i = 0; i < 5; i++)
        r |= call(va) != 10;
    check("chain before", r, 0);
    tlb_set(8, va, 0, lo(pa, 3, 1), lo(pa + 0x3000u, 3, 1));
    check("chain remapped", call(va), 11);
    tlb_set(8, va, 0, lo(pa, 3, 1), lo(pa + 0x1000u, 3, 1));
    check("chain back", call(va), 10);
}

/* One virtual page, two address spaces, different code and data. */
static void asids(void)
{
    const uint32_t va = 0x00a00000u, pa1 = 0x00520000u, pa2 = 0x00522000u;
    put_code(KSEG0(pa1), 8);
    KSEG0(pa1)[64] = 0x88888888u;
    put_code(KSEG0(pa2), 9);
    KSEG0(pa2)[64] = 0x99999999u;
    tlb_set(2, va, 1, lo(pa1, 3, 0), lo(pa1 + 0x1000, 3, 0));
    tlb_set(3, va, 2, lo(pa2, 3, 0), lo(pa2 + 0x1000, 3, 0));
    for (int round = 0; round < 3; round++) {
        set_asid(1);
        uint32_t c1 = call(va), d1 = ((volatile uint32_t *)va)[64];
        set_asid(2);
        uint32_t c2 = call(va), d2 = ((volatile uint32_t *)va)[64];
        if (round == 2) {
            check("asid 1 code", c1, 8);
            check("asid 1 data", d1, 0x88888888u);
            check("asid 2 code", c2, 9);
            check("asid 2 data", d2, 0x99999999u);
        } else if (c1 != 8 || d1 != 0x88888888u || c2 != 9 ||
                   d2 != 0x99999999u) {
            puts_uart("asid round FAIL\n");
            fails++;
        }
    }
    set_asid(0);
}

struct __attribute__((packed)) u32p { uint32_t v; };
struct __attribute__((packed)) u16p { uint16_t v; };

/* Large pages rewritten: 1 MiB (the soft TLB forgets the pair's 512
 * pages) and 16 MiB (wider than the soft TLB: all of it). */
static void large_pages(void)
{
    const uint32_t va1 = 0x01000000u, va16 = 0x02000000u;
    KSEG0(0x00680000u)[0] = 0x1111aaaau;
    KSEG0(0x00980000u)[0] = 0x2222bbbbu;
    tlb_set_mask(6, va1, 0, lo(0x00600000u, 3, 1), lo(0x00700000u, 3, 1),
                 0x001fe000u);
    check("1M page before", ((volatile uint32_t *)(va1 + 0x80000))[0],
          0x1111aaaau);
    tlb_set_mask(6, va1, 0, lo(0x00900000u, 3, 1), lo(0x00700000u, 3, 1),
                 0x001fe000u);
    check("1M page after", ((volatile uint32_t *)(va1 + 0x80000))[0],
          0x2222bbbbu);
    KSEG0(0x01345000u)[0] = 0x3333ccccu;
    KSEG0(0x03345000u)[0] = 0x4444ddddu;
    tlb_set_mask(7, va16, 0, lo(0x01000000u, 3, 1), lo(0x01000000u, 3, 1),
                 0x01ffe000u);
    check("16M page before", ((volatile uint32_t *)(va16 + 0x345000))[0],
          0x3333ccccu);
    tlb_set_mask(7, va16, 0, lo(0x03000000u, 3, 1), lo(0x01000000u, 3, 1),
                 0x01ffe000u);
    check("16M page after", ((volatile uint32_t *)(va16 + 0x345000))[0],
          0x4444ddddu);
}

/* Unaligned word and halfword across a page boundary; the two virtual
 * pages map to physical pages that are not adjacent. */
static void straddle(void)
{
    const uint32_t va = 0x00c00000u, pa0 = 0x00530000u, pa1 = 0x00533000u;
    volatile uint8_t *b0 = (volatile uint8_t *)KSEG0(pa0);
    volatile uint8_t *b1 = (volatile uint8_t *)KSEG0(pa1);
    tlb_set(4, va, 0, lo(pa0, 3, 1), lo(pa1, 3, 1));
    b0[0xffe] = 0x33;
    b0[0xfff] = 0x44;
    b1[0] = 0x55;
    b1[1] = 0x66;
    b0[0x1000] = 0xee;      /* the physical neighbour: must not be read */
    b0[0x1001] = 0xee;
    volatile struct u32p *w = (volatile struct u32p *)(va + 0xffe);
    volatile struct u16p *h = (volatile struct u16p *)(va + 0xfff);
#ifdef __MIPSEB__
    const uint32_t want_w = 0x33445566u, want_h = 0x4455u;
#else
    const uint32_t want_w = 0x66554433u, want_h = 0x5544u;
#endif
    check("straddle lwl/lwr", w->v, want_w);
    check("straddle halfword", h->v, want_h);
    w->v = 0xa1b2c3d4u;
#ifdef __MIPSEB__
    const uint32_t want_bytes = 0xa1b2c3d4u;
#else
    const uint32_t want_bytes = 0xd4c3b2a1u;
#endif
    check("straddle swl/swr",
          (uint32_t)b0[0xffe] << 24 | (uint32_t)b0[0xfff] << 16 |
          (uint32_t)b1[0] << 8 | b1[1], want_bytes);
    check("straddle neighbour", (uint32_t)b0[0x1000] << 8 | b0[0x1001], 0xeeee);
}

/* AdEL in a branch delay slot: EPC is the branch, Cause.BD set; AdES
 * outside a delay slot: EPC is the store. */
static void unaligned(void)
{
    volatile uint32_t word[2] = { 0, 0 };
    uint32_t odd = (uint32_t)&word[0] + 2;
    resume_at = (uint32_t)adel_resume;
    __asm__ volatile(
        ".set push\n\t.set noreorder\n\t"
        ".globl adel_branch\nadel_branch:\n\t"
        "b adel_resume\n\t"
        "lw $8, 0(%0)\n\t"
        "nop\n"
        ".globl adel_resume\nadel_resume:\n\t"
        ".set pop" :: "r"(odd) : "$8", "memory");
    check("adel epc", got_epc, (uint32_t)adel_branch);
    check("adel code", EXCCODE(got_cause), 4);
    check("adel bd", got_cause >> 31, 1);
    check("adel badvaddr", got_bad, odd);
    resume_at = (uint32_t)ades_resume;
    __asm__ volatile(
        ".set push\n\t.set noreorder\n\t"
        ".globl ades_store\nades_store:\n\t"
        "sw $0, 0(%0)\n\t"
        "nop\n"
        ".globl ades_resume\nades_resume:\n\t"
        ".set pop" :: "r"(odd + 4) : "memory");
    check("ades epc", got_epc, (uint32_t)ades_store);
    check("ades code", EXCCODE(got_cause), 5);
    check("ades bd", got_cause >> 31, 0);
    check("ades badvaddr", got_bad, odd + 4);
}

/* The UART through a TLB mapping of the ISA I/O page (uncached). */
static void mmio_mapped(void)
{
    const uint32_t va = 0x00e00000u;
    tlb_set(5, va, 0, lo(0x18000000u, 2, 1), lo(0x18001000u, 2, 1));
    volatile uint8_t *uart = (volatile uint8_t *)(va + 0x3f8);
    const char *s = "mmio through the tlb\n";
    for (; *s; s++) {
        while (!(uart[5] & 0x20))
            ;
        uart[0] = (uint8_t)*s;
    }
}

/* A tight loop polling memory with interrupts enabled takes the timer
 * interrupt (the loop's translation jumps to itself). */
static void spin_irq(void)
{
    ticked = 0;
    mtc0(11, 0, mfc0(9, 0) + 20000);
    mtc0(12, 0, mfc0(12, 0) | (1u << 15) | 1);
    while (!ticked)
        ;
    mtc0(12, 0, mfc0(12, 0) & ~((1u << 15) | 1u));
    puts_uart("spin loop took the timer interrupt\n");
}

int main(void)
{
    exc_hook = hook;
    mtc0(6, 0, 0);
    smc_unmapped();
    smc_mapped();
    asids();
    chain_remap();
    large_pages();
    straddle();
    unaligned();
    mmio_mapped();
    spin_irq();
    fails += unexpected;
    puts_uart(fails ? "softmmu: FAIL\n" : "softmmu: ok\n");
    return fails;
}
