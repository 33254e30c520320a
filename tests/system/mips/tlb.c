/*
 * The TLB: a refill handler maps user pages on demand (TLBWR); user mode
 * runs code and data through them; a store to a clean page takes a TLB
 * Modified exception whose handler sets D (TLBP, TLBR, TLBWI); user
 * access to KSEG0 is an address error, CP0 use in user mode Coprocessor
 * Unusable, and the invalid half of a pair a TLB Invalid exception on
 * the general vector.  ASIDs: the entries are not global and the
 * address space is ASID 5.
 */
#include "rt.h"

extern char user_code[], user_code_end[], user_return[];
void run_user(uint32_t entry);

#define CODE_VA 0x00800000u
#define CODE_PA 0x00300000u
#define DATA_VA 0x00400000u
#define DATA_PA 0x00200000u
#define CLEAN_VA 0x00402000u

/* EntryLo: PFN, C = 3 (cacheable), D, V. */
static uint32_t lo(uint32_t pa, int d, int v)
{
    return (pa >> 12) << 6 | 3u << 3 | (d ? 4u : 0) | (v ? 2u : 0);
}

static int fails, refills;

static void tlbwr(uint32_t lo0, uint32_t lo1)
{
    mtc0(2, 0, lo0);
    mtc0(3, 0, lo1);
    mtc0(5, 0, 0);                 /* 4 KiB pages */
    __asm__ volatile("tlbwr\n\tehb");
}

static void hook(struct frame *f, int vector)
{
    uint32_t cause = mfc0(13, 0), code = EXCCODE(cause);
    uint32_t bad = mfc0(8, 0), epc = mfc0(14, 0);

    puts_uart(vector == 0 ? "refill " : "general ");
    putdec(code);
    if (code == 1 || code == 2 || code == 3 || code == 4) {
        puts_uart(" bad ");
        puthex(bad);
    }
    if (code == 11) {
        puts_uart(" ce ");
        putdec((cause >> 28) & 3);
    }
    puts_uart("\n");

    if (vector == 0) {
        refills++;
        /* EntryHi and Context name the faulting pair. */
        if ((mfc0(10, 0) & ~0xffu) != (bad & ~0x1fffu) ||
            (mfc0(4, 0) & 0x7ffff0u) != ((bad >> 13) << 4)) {
            puts_uart("entryhi/context FAIL\n");
            fails++;
        }
        uint32_t vpn2 = bad & ~0x1fffu;
        if (vpn2 == CODE_VA)
            tlbwr(lo(CODE_PA, 0, 1), lo(CODE_PA + 0x1000, 0, 0));
        else if (vpn2 == DATA_VA)
            tlbwr(lo(DATA_PA, 1, 1), lo(DATA_PA + 0x1000, 1, 1));
        else if (vpn2 == CLEAN_VA)
            tlbwr(lo(DATA_PA + 0x2000, 0, 1), lo(DATA_PA + 0x3000, 0, 1));
        else
            fails++;
        return;                      /* retry the access */
    }
    switch (code) {
    case 1: {                        /* TLB modified: make the page dirty */
        __asm__ volatile("tlbp\n\tehb");
        uint32_t index = mfc0(0, 0);
        if (index & 0x80000000u) {
            fails++;
            break;
        }
        __asm__ volatile("tlbr\n\tehb");
        if (bad & 0x1000)
            mtc0(3, 0, mfc0(3, 0) | 4);
        else
            mtc0(2, 0, mfc0(2, 0) | 4);
        __asm__ volatile("tlbwi\n\tehb");
        return;                      /* retry the store */
    }
    case 8:                          /* the user code is done */
        mtc0(12, 0, mfc0(12, 0) & ~0x18u);
        mtc0(14, 0, (uint32_t)user_return);
        return;
    default:
        mtc0(14, 0, epc + 4);        /* skip the faulting instruction */
        return;
    }
}

int main(void)
{
    exc_hook = hook;
    volatile uint32_t *code = (volatile uint32_t *)(0x80000000u | CODE_PA);
    for (const uint32_t *p = (const uint32_t *)user_code;
         p < (const uint32_t *)user_code_end; p++)
        *code++ = *p;
    for (int i = 0; i < 4; i++)
        ((volatile uint32_t *)(0x80000000u | DATA_PA))[i * 1024] = 0;

    mtc0(10, 0, 5);                  /* ASID 5 */
    mtc0(6, 0, 0);                   /* Wired */
    run_user(CODE_VA);

    volatile uint32_t *d = (volatile uint32_t *)(0x80000000u | DATA_PA);
    int ok = d[0] == 0x1234abcdu && d[2] == 0x1234abcdu &&
             d[2048 + 1] == 0x1234abcdu;
    puts_uart(ok ? "user data ok\n" : "user data FAIL\n");
    fails += !ok;

    /* Another ASID does not see the non-global entries. */
    mtc0(10, 0, (DATA_VA & ~0x1fffu) | 6);
    __asm__ volatile("tlbp\n\tehb");
    puts_uart((mfc0(0, 0) & 0x80000000u) ? "asid 6 miss\n" : "asid FAIL\n");
    mtc0(10, 0, (DATA_VA & ~0x1fffu) | 5);
    __asm__ volatile("tlbp\n\tehb");
    puts_uart((mfc0(0, 0) & 0x80000000u) ? "asid 5 FAIL\n" : "asid 5 hit\n");

    puts_uart("refills ");
    putdec(refills);
    puts_uart(fails ? "\ntlb: FAIL\n" : "\ntlb: ok\n");
    return fails;
}
