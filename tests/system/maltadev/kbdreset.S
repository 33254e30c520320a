/*
 * A raw boot ROM image that resets the board through the keyboard
 * controller's reset pulse (command 0xfe at port 0x64): the first boot
 * marks RAM (which a reset keeps) and pulses; the second sees the mark,
 * says so and exits.
 */
#include "regdef.h"
    .set noreorder
    .set noat
    .text
    .globl _start
_start:
    lui     t4, 0xa000              /* KSEG1 RAM 0xa0001000 */
    lw      t5, 0x1000(t4)
    li      t6, 0x5a5a0002
    beq     t5, t6, second
    nop
    sw      t6, 0x1000(t4)
    la      a0, first_msg
    bal     print
    nop
    lui     t0, 0xb800
    li      t1, 0xfe
    sb      t1, 0x64(t0)
1:  b       1b
    nop
second:
    la      a0, second_msg
    bal     print
    nop
    li      a0, 0
    li      t9, 1
    sdbbp   1

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

first_msg:  .asciz "first boot\n"
second_msg: .asciz "second boot after the i8042 reset pulse\n"
