/*
 * run_user(entry): enter user mode at entry (Status.KSU = user, EXL set,
 * EPC = entry, ERET).  The user code ends with SYSCALL; the test's
 * handler then resumes kernel mode at user_return, which returns from
 * run_user.  user_code is copied to a mapped user page by the test.
 */
#include "regdef.h"
    .set noreorder
    .text
    .globl run_user, user_return, user_code, user_code_end
run_user:
    la      t0, saved
    sw      sp, 0(t0)
    sw      ra, 4(t0)
    mtc0    a0, $14
    mfc0    t1, $12
    lui     t2, 0x1000              /* CU0 off: CP0 unusable in user mode */
    or      t1, t1, t2
    xor     t1, t1, t2
    ori     t1, t1, 0x12            /* KSU = 10 (user), EXL */
    mtc0    t1, $12
    ehb
    eret
user_return:
    la      t0, saved
    lw      sp, 0(t0)
    lw      ra, 4(t0)
    jr      ra
    nop

/* Position-independent user code: see tlb.c for what each access does. */
user_code:
    lui     $8, 0x0040              /* t0 = 0x00400000: RW page */
    lui     $9, 0x1234
    ori     $9, $9, 0xabcd
    sw      $9, 0($8)               /* refill (TLBS), then stores */
    lw      $10, 0($8)
    sw      $10, 8($8)
    lui     $11, 0x0040
    ori     $11, $11, 0x2000        /* clean (D = 0) page */
    lw      $12, 0($11)             /* refill (TLBL) */
    sw      $9, 4($11)              /* TLB modified, then stores */
    lui     $13, 0x8000
    lw      $14, 0($13)             /* user access to KSEG0: AdEL */
    mfc0    $15, $12                /* CP0 in user mode: CpU 0 */
    lui     $24, 0x0080
    lw      $25, 0x1000($24)        /* invalid (V = 0) half: TLBL */
    syscall
user_code_end:

    .data
saved:  .word 0, 0
