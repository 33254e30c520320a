/*
 * Synchronous exceptions: BREAK, SYSCALL, TEQ, ADD overflow, a reserved
 * instruction, load/store address errors (with BadVAddr), and a BREAK in
 * a branch delay slot (Cause.BD, EPC on the branch).  The handler records
 * ExcCode, EPC and BadVAddr, steps EPC past the instruction and ERETs.
 */
#include "rt.h"

static volatile uint32_t last_code, last_epc, last_bad, last_bd, count;
static volatile uint32_t skip;   /* bytes to add to EPC */

static void hook(struct frame *f, int vector)
{
    uint32_t cause = mfc0(13, 0);
    last_code = EXCCODE(cause);
    last_bd = cause >> 31;
    last_epc = mfc0(14, 0);
    last_bad = mfc0(8, 0);
    count++;
    mtc0(14, 0, last_epc + skip);
}

static int fails;

static void check(const char *what, uint32_t code, uint32_t epc)
{
    puts_uart(what);
    puts_uart(": code ");
    putdec(last_code);
    if (last_code != code || last_epc != epc) {
        puts_uart(" FAIL epc ");
        puthex(last_epc);
        puts_uart(" expected ");
        puthex(epc);
        fails++;
    }
    puts_uart("\n");
}

/* Each probe returns the address of its faulting instruction. */
#define PROBE(name, insn)                                                     \
    static uint32_t name(void)                                                \
    {                                                                         \
        uint32_t pc;                                                          \
        __asm__ volatile(".set push\n\t.set noreorder\n\t.set noat\n\t"       \
                         "la %0, 1f\n"                                        \
                         "1:\t" insn "\n\t.set pop"                           \
                         : "=&r"(pc) :: "memory", "$1");                      \
        return pc;                                                            \
    }

PROBE(do_break, "break 7")
PROBE(do_syscall, "syscall")
PROBE(do_trap, "teq $0, $0")
PROBE(do_ri, ".word 0x0000003f")             /* DSRA32: MIPS64 only */
PROBE(do_ovf, "lui $1, 0x7fff\n\tadd $1, $1, $1")

static uint32_t do_adel(volatile uint32_t *p)
{
    uint32_t pc, v;
    __asm__ volatile(".set push\n\t.set noreorder\n\tla %0, 1f\n"
                     "1:\tlw %1, 0(%2)\n\t.set pop"
                     : "=&r"(pc), "=&r"(v) : "r"(p) : "memory");
    return pc;
}

static uint32_t do_ades(volatile uint32_t *p)
{
    uint32_t pc;
    __asm__ volatile(".set push\n\t.set noreorder\n\tla %0, 1f\n"
                     "1:\tsw $0, 0(%1)\n\t.set pop"
                     : "=&r"(pc) : "r"(p) : "memory");
    return pc;
}

/* BREAK in the delay slot of a taken branch: EPC names the branch and
 * BD is set; resuming at the branch target skips both. */
static uint32_t do_slot(void)
{
    uint32_t pc;
    __asm__ volatile(".set push\n\t.set noreorder\n\tla %0, 1f\n"
                     "1:\tb 2f\n\tbreak 3\n\tnop\n2:\n\t.set pop"
                     : "=&r"(pc) :: "memory");
    return pc;
}

int main(void)
{
    static uint32_t word[2];
    uint32_t pc;

    exc_hook = hook;
    skip = 4;
    pc = do_break();
    check("break", 9, pc);
    pc = do_syscall();
    check("syscall", 8, pc);
    pc = do_trap();
    check("trap", 13, pc);
    pc = do_ri();
    check("reserved", 10, pc);
    pc = do_ovf() + 4;
    check("overflow", 12, pc);

    pc = do_adel((volatile uint32_t *)((char *)word + 1));
    check("adel", 4, pc);
    puts_uart("badvaddr ");
    puts_uart(last_bad == (uint32_t)word + 1 ? "ok\n" : "FAIL\n");
    fails += last_bad != (uint32_t)word + 1;
    pc = do_ades((volatile uint32_t *)((char *)word + 2));
    check("ades", 5, pc);
    fails += last_bad != (uint32_t)word + 2;

    /* Kernel-only KSEG0 is fine in kernel mode: no exception. */
    uint32_t before = count;
    (void)*(volatile uint32_t *)0x80000000;
    puts_uart(count == before ? "kseg0 ok\n" : "kseg0 FAIL\n");
    fails += count != before;

    skip = 12;   /* branch, slot, nop: continue at the target */
    pc = do_slot();
    check("delay slot", 9, pc);
    puts_uart(last_bd ? "bd set\n" : "bd FAIL\n");
    fails += !last_bd;

    puts_uart("exceptions: ");
    putdec(count);
    puts_uart(fails ? " FAIL\n" : " ok\n");
    return fails;
}
