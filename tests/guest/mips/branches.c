/*
 * Branches, jumps and their delay slots, in assembly:
 *
 *  - every conditional branch taken and not taken (the delay slot always
 *    runs) and every branch-likely form (the slot runs only when taken);
 *  - link values of BAL/BLTZAL/BGEZAL (and -L), JAL, JALR with rd: the
 *    address after the delay slot, written even when the branch is not
 *    taken, and visible to the delay slot;
 *  - the slot overwriting the branch's condition or target register (the
 *    branch uses the old value);
 *  - faults in delay slots (load from an unmapped address, overflow,
 *    trap) end the process with the right signal, and a nullified slot
 *    does not fault; the trap instructions and BREAK, whose code field
 *    picks SIGTRAP or SIGFPE as Linux does.
 *
 * Each fault runs in a child process; the parent checks how it ended.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#if _MIPS_SIM == _ABI64
#define LA "dla"
#else
#define LA "la"
#endif
/* Absolute addresses and real JAL instructions: no PIC expansion. */
#define ASM_BEGIN ".set push\n\t.set noreorder\n\t.set noat\n\t.option pic0\n\t"
#define ASM_END "\n\t.option pic2\n\t.set pop"

/* ---- Conditional branches ------------------------------------------------------- */

/* 1: taken (slot ran), 17: not taken (slot ran), 16: not taken, slot
 * nullified. */
#define DEF_BR(name, insn)                                                 \
    static long br_##name(long a, long b)                                  \
    {                                                                      \
        long r;                                                            \
        __asm__ volatile(ASM_BEGIN                                         \
                         "move %0, $0\n\t"                                 \
                         insn ", 1f\n\t"                                   \
                         "addiu %0, %0, 1\n\t"                             \
                         "addiu %0, %0, 16\n"                              \
                         "1:" ASM_END                                      \
                         : "=&r"(r) : "r"(a), "r"(b));                     \
        return r;                                                          \
    }

DEF_BR(beq, "beq %1, %2")
DEF_BR(bne, "bne %1, %2")
DEF_BR(blez, "blez %1")
DEF_BR(bgtz, "bgtz %1")
DEF_BR(bltz, "bltz %1")
DEF_BR(bgez, "bgez %1")
DEF_BR(beql, "beql %1, %2")
DEF_BR(bnel, "bnel %1, %2")
DEF_BR(blezl, "blezl %1")
DEF_BR(bgtzl, "bgtzl %1")
DEF_BR(bltzl, "bltzl %1")
DEF_BR(bgezl, "bgezl %1")

/* Linking branches: also return link - (address after the slot). */
#define DEF_BRAL(name, insn)                                               \
    static long br_##name(long a, long *link_off)                          \
    {                                                                      \
        long r, lk, ret;                                                   \
        __asm__ volatile(ASM_BEGIN                                         \
                         "move %0, $0\n\t"                                 \
                         "move $31, $0\n\t"                                \
                         insn " %3, 1f\n\t"                                \
                         "addiu %0, %0, 1\n"                               \
                         "2:\n\t"                                          \
                         "addiu %0, %0, 16\n"                              \
                         "1:\n\t"                                          \
                         "move %1, $31\n\t"                                \
                         LA " %2, 2b" ASM_END                              \
                         : "=&r"(r), "=&r"(lk), "=&r"(ret) : "r"(a)        \
                         : "$1", "$31");                                   \
        *link_off = lk - ret;                                              \
        return r;                                                          \
    }
DEF_BRAL(bltzal, "bltzal")
DEF_BRAL(bgezal, "bgezal")
DEF_BRAL(bltzall, "bltzall")
DEF_BRAL(bgezall, "bgezall")

static void conditional(void)
{
    static const struct { const char *name; long (*f)(long, long);
                          int likely; int (*cond)(long, long); } br[] = {
#define E(n, l, c) { #n, br_##n, l, c }
        E(beq, 0, 0), E(bne, 0, 0), E(blez, 0, 0), E(bgtz, 0, 0),
        E(bltz, 0, 0), E(bgez, 0, 0), E(beql, 1, 0), E(bnel, 1, 0),
        E(blezl, 1, 0), E(bgtzl, 1, 0), E(bltzl, 1, 0), E(bgezl, 1, 0),
#undef E
    };
    /* Operand pairs, and for each branch whether it is taken: written out
     * per pair (columns: beq bne blez bgtz bltz bgez). */
    static const struct { long a, b; int taken[6]; } v[] = {
        { 0, 0,   { 1, 0, 1, 0, 0, 1 } },
        { 5, 5,   { 1, 0, 0, 1, 0, 1 } },
        { -1, 1,  { 0, 1, 1, 0, 1, 0 } },
        { 1, -1,  { 0, 1, 0, 1, 0, 1 } },
        { -2147483647L - 1, 0, { 0, 1, 1, 0, 1, 0 } },
    };
    char n[96];
    for (unsigned k = 0; k < sizeof br / sizeof br[0]; k++)
        for (unsigned j = 0; j < sizeof v / sizeof v[0]; j++) {
            int taken = v[j].taken[k % 6];
            snprintf(n, sizeof n, "%s %ld,%ld", br[k].name, v[j].a, v[j].b);
            CHECK(n, br[k].f(v[j].a, v[j].b),
                  taken ? 1 : br[k].likely ? 16 : 17);
        }

    static const struct { const char *name; long (*f)(long, long *);
                          int likely, ltz; } al[] = {
        { "bltzal", br_bltzal, 0, 1 }, { "bgezal", br_bgezal, 0, 0 },
        { "bltzall", br_bltzall, 1, 1 }, { "bgezall", br_bgezall, 1, 0 },
    };
    static const long av[] = { -3, 0, 7 };
    for (unsigned k = 0; k < 4; k++)
        for (unsigned j = 0; j < 3; j++) {
            long off = 99;
            int taken = al[k].ltz ? av[j] < 0 : av[j] >= 0;
            long r = al[k].f(av[j], &off);
            snprintf(n, sizeof n, "%s %ld", al[k].name, av[j]);
            CHECK(n, r, taken ? 1 : al[k].likely ? 16 : 17);
            /* The link is the address after the slot, taken or not. */
            snprintf(n, sizeof n, "%s %ld link", al[k].name, av[j]);
            CHECK(n, off, 0);
        }
}

/* ---- Jumps and links ------------------------------------------------------------ */

static void jumps(void)
{
    long r, lk, ret, slot_ra;

    /* JAL: the link is the address after its slot, and the slot sees it. */
    __asm__ volatile(ASM_BEGIN
                     "jal 1f\n\t"
                     "move %2, $31\n"
                     "2:\n\t"
                     "nop\n"
                     "1:\n\t"
                     "move %0, $31\n\t"
                     LA " %1, 2b" ASM_END
                     : "=&r"(lk), "=&r"(ret), "=&r"(slot_ra) :: "$1", "$31");
    CHECK("jal link", lk - ret, 0);
    CHECK("jal slot sees link", slot_ra - ret, 0);

    /* BAL (BGEZAL $0) the same. */
    __asm__ volatile(ASM_BEGIN
                     "bal 1f\n\t"
                     "move %2, $31\n"
                     "2:\n\t"
                     "nop\n"
                     "1:\n\t"
                     "move %0, $31\n\t"
                     LA " %1, 2b" ASM_END
                     : "=&r"(lk), "=&r"(ret), "=&r"(slot_ra) :: "$1", "$31");
    CHECK("bal link", lk - ret, 0);
    CHECK("bal slot sees link", slot_ra - ret, 0);

    /* JALR rd, rs with rd != $31: $31 is left alone. */
    long ra_after;
    __asm__ volatile(ASM_BEGIN
                     "move $31, $0\n\t"
                     LA " $25, 1f\n\t"
                     "jalr $9, $25\n\t"
                     "nop\n"
                     "2:\n\t"
                     "nop\n"
                     "1:\n\t"
                     "move %0, $9\n\t"
                     "move %2, $31\n\t"
                     LA " %1, 2b" ASM_END
                     : "=&r"(lk), "=&r"(ret), "=&r"(ra_after)
                     :: "$1", "$9", "$25", "$31");
    CHECK("jalr $9 link", lk - ret, 0);
    CHECK("jalr $9 leaves $31", ra_after, 0);

    /* JALR.HB $31 and a return through JR: the slot of each runs. */
    __asm__ volatile(ASM_BEGIN
                     "move %0, $0\n\t"
                     LA " $25, 3f\n\t"
                     "jalr.hb $25\n\t"
                     "addiu %0, %0, 1\n\t"       /* slot */
                     "addiu %0, %0, 100\n\t"     /* return point */
                     "b 4f\n\t"
                     "nop\n"
                     "3:\n\t"
                     "jr $31\n\t"
                     "addiu %0, %0, 10\n"        /* slot of the return */
                     "4:" ASM_END
                     : "=&r"(r) :: "$1", "$25", "$31");
    CHECK("jalr.hb + jr $31 round trip", r, 111);

    /* The slot overwrites the jump's target register: the jump uses the
     * old value. */
    __asm__ volatile(ASM_BEGIN
                     "move %0, $0\n\t"
                     LA " $25, 1f\n\t"
                     "jr $25\n\t"
                     "move $25, $0\n\t"
                     "addiu %0, %0, 16\n"
                     "1:\n\t"
                     "addiu %0, %0, 1" ASM_END
                     : "=&r"(r) :: "$1", "$25");
    CHECK("jr target overwritten in slot", r, 1);

    /* The slot overwrites the branch's condition register. */
    long t8;
    __asm__ volatile(ASM_BEGIN
                     "move %0, $0\n\t"
                     "move $8, $0\n\t"
                     "beq $8, $0, 1f\n\t"
                     "addiu $8, $8, 5\n\t"
                     "addiu %0, %0, 16\n"
                     "1:\n\t"
                     "move %1, $8" ASM_END
                     : "=&r"(r), "=&r"(t8) :: "$8");
    CHECK("beq condition overwritten in slot: taken", r, 0);
    CHECK("beq condition overwritten in slot: slot ran", t8, 5);

    /* J to a label (absolute, same 256 MiB region). */
    __asm__ volatile(ASM_BEGIN
                     "move %0, $0\n\t"
                     "j 1f\n\t"
                     "addiu %0, %0, 2\n\t"
                     "addiu %0, %0, 16\n"
                     "1:" ASM_END
                     : "=&r"(r));
    CHECK("j", r, 2);

    /* A backward branch loop whose slot does the counting. */
    __asm__ volatile(ASM_BEGIN
                     "li $8, 10\n\t"
                     "move %0, $0\n"
                     "1:\n\t"
                     "addiu $8, $8, -1\n\t"
                     "bnez $8, 1b\n\t"
                     "addiu %0, %0, 3" ASM_END
                     : "=&r"(r) :: "$8");
    CHECK("loop counted in the delay slot", r, 30);
}

/* ---- Faults and traps ------------------------------------------------------------ */

static int run(void (*f)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        f();
        _exit(0);
    }
    int st;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFSIGNALED(st) ? WTERMSIG(st) : 100 + WEXITSTATUS(st);
}

#define CHILD(name, body)                                                  \
    static void name(void)                                                 \
    {                                                                      \
        __asm__ volatile(ASM_BEGIN body ASM_END                            \
                         ::: "$1", "$8", "$9", "$25", "$31", "memory");    \
    }

CHILD(lw_in_taken_slot, "beq $0, $0, 1f\n\tlw $8, 0($0)\n\tnop\n1:")
CHILD(lw_in_untaken_slot, "bne $0, $0, 1f\n\tlw $8, 0($0)\n\tnop\n1:")
CHILD(lw_in_jr_slot, LA " $25, 1f\n\tjr $25\n\tlw $8, 8($0)\n\tnop\n1:")
CHILD(lw_in_jal_slot, "jal 1f\n\tlw $8, 16($0)\n\tnop\n1:")
CHILD(sw_in_likely_slot, "beql $0, $0, 1f\n\tsw $8, 0($0)\n\tnop\n1:")
CHILD(lw_in_nullified_slot, "bnel $0, $0, 1f\n\tlw $8, 0($0)\n1:")
CHILD(lw_in_nullified_bc1_slot,
      "ctc1 $0, $25\n\tbc1tl $fcc0, 1f\n\tlw $8, 0($0)\n1:")
CHILD(add_overflow_in_slot,
      "lui $8, 0x7fff\n\tori $8, $8, 0xffff\n\t"
      "b 1f\n\tadd $9, $8, $8\n\tnop\n1:")
CHILD(teq_in_slot, "b 1f\n\tteq $0, $0\n\tnop\n1:")
CHILD(lw_unmapped, "lui $8, 0x10\n\tlw $9, 0($8)")

#define TRAP(name, insn, a, b)                                             \
    static void name(void)                                                 \
    {                                                                      \
        long x = (a), y = (b);                                             \
        __asm__ volatile(insn :: "r"(x), "r"(y));                          \
    }
TRAP(teq_eq, "teq %0, %1", 3, 3)
TRAP(teq_ne, "teq %0, %1", 3, 4)
TRAP(tne_ne, "tne %0, %1", 3, 4)
TRAP(tne_eq, "tne %0, %1", 3, 3)
TRAP(tge_true, "tge %0, %1", 1, -1)
TRAP(tge_false, "tge %0, %1", -1, 1)
TRAP(tgeu_true, "tgeu %0, %1", -1, 1)
TRAP(tgeu_false, "tgeu %0, %1", 1, -1)
TRAP(tlt_true, "tlt %0, %1", -1, 1)
TRAP(tlt_false, "tlt %0, %1", 1, 1)
TRAP(tltu_true, "tltu %0, %1", 1, -1)
TRAP(tltu_false, "tltu %0, %1", -1, 1)
TRAP(teqi_true, "teqi %0, -5", -5, 0)
TRAP(teqi_false, "teqi %0, -5", 5, 0)
TRAP(tnei_true, "tnei %0, 9", 8, 0)
TRAP(tnei_false, "tnei %0, 9", 9, 0)
TRAP(tgei_true, "tgei %0, -2", -2, 0)
TRAP(tgei_false, "tgei %0, -2", -3, 0)
TRAP(tgeiu_true, "tgeiu %0, -2", -1, 0)   /* immediate sign-extended */
TRAP(tgeiu_false, "tgeiu %0, -2", 7, 0)
TRAP(tlti_true, "tlti %0, 0", -1, 0)
TRAP(tlti_false, "tlti %0, 0", 0, 0)
TRAP(tltiu_true, "tltiu %0, -1", 5, 0)
TRAP(tltiu_false, "tltiu %0, 1", 1, 0)
TRAP(teq_code7, "teq %0, %1, 7", 0, 0)
TRAP(teq_code6, "teq %0, %1, 6", 0, 0)
TRAP(teq_code5, "teq %0, %1, 5", 0, 0)
TRAP(break_0, "break", 0, 0)
TRAP(break_7, "break 7", 0, 0)
TRAP(break_6, "break 6", 0, 0)

/* Integer division by zero as the compiler writes it (a trap with code 7
 * after DIV). */
static volatile int divisor;
static void c_divide_by_zero(void)
{
    volatile int q = 1000 / divisor;
    (void)q;
}

static void faults(void)
{
    static const struct { const char *name; void (*f)(void); int want; } t[] = {
        { "lw from 0 in a taken branch's slot", lw_in_taken_slot, SIGSEGV },
        { "lw from 0 in an untaken branch's slot", lw_in_untaken_slot, SIGSEGV },
        { "lw from 8 in a jr slot", lw_in_jr_slot, SIGSEGV },
        { "lw from 16 in a jal slot", lw_in_jal_slot, SIGSEGV },
        { "sw to 0 in a taken likely slot", sw_in_likely_slot, SIGSEGV },
        { "lw in a nullified slot", lw_in_nullified_slot, 100 },
        { "lw in a nullified bc1tl slot", lw_in_nullified_bc1_slot, 100 },
        { "add overflow in a slot", add_overflow_in_slot, SIGFPE },
        { "teq in a slot", teq_in_slot, SIGTRAP },
        { "lw from an unmapped page", lw_unmapped, SIGSEGV },
        { "teq equal", teq_eq, SIGTRAP }, { "teq unequal", teq_ne, 100 },
        { "tne unequal", tne_ne, SIGTRAP }, { "tne equal", tne_eq, 100 },
        { "tge 1,-1", tge_true, SIGTRAP }, { "tge -1,1", tge_false, 100 },
        { "tgeu -1,1", tgeu_true, SIGTRAP }, { "tgeu 1,-1", tgeu_false, 100 },
        { "tlt -1,1", tlt_true, SIGTRAP }, { "tlt 1,1", tlt_false, 100 },
        { "tltu 1,-1", tltu_true, SIGTRAP }, { "tltu -1,1", tltu_false, 100 },
        { "teqi -5,-5", teqi_true, SIGTRAP }, { "teqi 5,-5", teqi_false, 100 },
        { "tnei 8,9", tnei_true, SIGTRAP }, { "tnei 9,9", tnei_false, 100 },
        { "tgei -2,-2", tgei_true, SIGTRAP }, { "tgei -3,-2", tgei_false, 100 },
        { "tgeiu -1,-2", tgeiu_true, SIGTRAP }, { "tgeiu 7,-2", tgeiu_false, 100 },
        { "tlti -1,0", tlti_true, SIGTRAP }, { "tlti 0,0", tlti_false, 100 },
        { "tltiu 5,-1", tltiu_true, SIGTRAP }, { "tltiu 1,1", tltiu_false, 100 },
        { "teq code 7", teq_code7, SIGFPE }, { "teq code 6", teq_code6, SIGFPE },
        { "teq code 5", teq_code5, SIGTRAP },
        { "break", break_0, SIGTRAP }, { "break 7", break_7, SIGFPE },
        { "break 6", break_6, SIGFPE },
        { "C integer division by zero", c_divide_by_zero, SIGFPE },
    };
    for (unsigned k = 0; k < sizeof t / sizeof t[0]; k++)
        CHECK(t[k].name, run(t[k].f), t[k].want);
}

int main(void)
{
    conditional();
    jumps();
    faults();
    return check_done("branches");
}
