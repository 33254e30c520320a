/*
 * Start-up and exception entry of the bare-metal tests.  _start runs in
 * kernel mode with Status.ERL and BEV set (reset state); it clears them,
 * installs the vectors and calls main, whose result goes to UHI exit.
 * Every vector jumps to exc_entry, which saves the temporaries on the
 * stack, calls exc_handler(frame, vector) in C and returns with ERET.
 */
#include "regdef.h"
    .set noreorder
    .set noat
    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, stack_top
    li      t0, 0x10000000          /* CU0; ERL, BEV, EXL, IE clear */
    mtc0    t0, $12
    ehb
    mtc0    zero, $13               /* Cause.IV = 0: interrupts at 0x180 */
    jal     install_vectors
    nop
    jal     main
    nop
    move    a0, v0
    li      t9, 1                   /* UHI exit */
    sdbbp   1
1:  b       1b
    nop

/* The code copied to each vector: a jump to exc_entry with the vector
 * number in k1. */
    .globl vec_refill, vec_general, vec_end
vec_refill:
    la      k0, exc_entry
    jr      k0
    li      k1, 0
vec_general:
    la      k0, exc_entry
    jr      k0
    li      k1, 1
vec_end:

    .text
exc_entry:
    addiu   sp, sp, -128
    sw      $1, 4(sp)
    sw      $2, 8(sp)
    sw      $3, 12(sp)
    sw      $4, 16(sp)
    sw      $5, 20(sp)
    sw      $6, 24(sp)
    sw      $7, 28(sp)
    sw      $8, 32(sp)
    sw      $9, 36(sp)
    sw      $10, 40(sp)
    sw      $11, 44(sp)
    sw      $12, 48(sp)
    sw      $13, 52(sp)
    sw      $14, 56(sp)
    sw      $15, 60(sp)
    sw      $24, 64(sp)
    sw      $25, 68(sp)
    sw      $31, 72(sp)
    mfhi    t0
    sw      t0, 76(sp)
    mflo    t0
    sw      t0, 80(sp)
    move    a0, sp
    move    a1, k1
    jal     exc_handler
    addiu   sp, sp, -16
    addiu   sp, sp, 16
    lw      t0, 76(sp)
    mthi    t0
    lw      t0, 80(sp)
    mtlo    t0
    lw      $1, 4(sp)
    lw      $2, 8(sp)
    lw      $3, 12(sp)
    lw      $4, 16(sp)
    lw      $5, 20(sp)
    lw      $6, 24(sp)
    lw      $7, 28(sp)
    lw      $8, 32(sp)
    lw      $9, 36(sp)
    lw      $10, 40(sp)
    lw      $11, 44(sp)
    lw      $12, 48(sp)
    lw      $13, 52(sp)
    lw      $14, 56(sp)
    lw      $15, 60(sp)
    lw      $24, 64(sp)
    lw      $25, 68(sp)
    lw      $31, 72(sp)
    addiu   sp, sp, 128
    eret
