/*
 * A raw boot ROM image that never ends: prints "boot" once from the
 * reset vector, then "tick" lines with a busy delay between them.  The
 * QMP tests (tests/system/py) watch its output across stop/cont/reset.
 */
#include "regdef.h"
    .set noreorder
    .set noat
    .text
    .globl _start
_start:
    la      a0, boot
    bal     print
    nop
1:  li      t3, 200000
2:  addiu   t3, t3, -1
    bnez    t3, 2b
    nop
    la      a0, tick
    bal     print
    nop
    b       1b
    nop

print:
    lui     t0, 0xb800
1:  lbu     t1, 0(a0)
    beqz    t1, 3f
    nop
2:  lbu     t2, 0x3fd(t0)
    andi    t2, t2, 0x20
    beqz    t2, 2b
    nop
    sb      t1, 0x3f8(t0)
    b       1b
    addiu   a0, a0, 1
3:  jr      ra
    nop

boot:   .asciz "boot\n"
tick:   .asciz "tick\n"
