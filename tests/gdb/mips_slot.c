/*
 * MIPS delay slots for the gdbstub tests: a taken branch whose delay slot
 * stores to `watched`, and a branch that is not taken with an addition in
 * its slot.  Global labels name the branches, the slots and the targets
 * so the tests find them in the symbol table.  scale() takes and returns
 * a double in FPU registers (an even/odd pair in o32's FR=0 mode).
 * Exit code: 1.
 */
volatile int watched = 7;

__attribute__((noinline)) static long slots(long v)
{
    long r;
    __asm__ volatile(
        ".set push\n\t.set noreorder\n\t"
        ".globl slot_branch\nslot_branch:\n\t"
        "b slot_target\n\t"
        ".globl slot_store\nslot_store:\n\t"
        "sw %1, 0(%2)\n\t"
        "addiu %0, $zero, 99\n\t"          /* skipped by the branch */
        ".globl slot_target\nslot_target:\n\t"
        "move %0, %1\n\t"
        ".globl nt_branch\nnt_branch:\n\t"
        "bne $zero, $zero, slot_target\n\t"
        ".globl nt_slot\nnt_slot:\n\t"
        "addiu %0, %0, 1\n\t"
        ".globl nt_next\nnt_next:\n\t"
        "nop\n\t"
        ".set pop"
        : "=&r"(r)
        : "r"(v), "r"(&watched)
        : "memory");
    return r;
}

__attribute__((noinline)) double scale(double x)
{
    return x * 2.0;
}

int main(void)
{
    long r = slots(41);
    double d = scale(2.625);
    return (int)(r + watched - 82) + (d != 5.25);   /* 41 + 1 + 41 - 82 = 1 */
}
