/*
 * A raw boot ROM image (-bios): runs at the reset vector 0xbfc00000 in
 * KSEG1, checks the reset state of Status (BEV and ERL set) and PRId's
 * company field, prints through the UART and exits with UHI.
 */
#include "regdef.h"
    .set noreorder
    .set noat
    .text
    .globl _start
_start:
    mfc0    t0, $12
    li      t1, 0x00400004          /* BEV | ERL */
    and     t2, t0, t1
    bne     t2, t1, fail
    nop
    mfc0    t0, $15
    srl     t0, t0, 16
    andi    t0, t0, 0xff
    li      t1, 1                   /* MIPS Technologies */
    bne     t0, t1, fail
    nop
    la      a0, msg
    bal     print
    nop
    li      a0, 0
    li      t9, 1
    sdbbp   1
fail:
    la      a0, bad
    bal     print
    nop
    li      a0, 1
    li      t9, 1
    sdbbp   1

print:                              /* a0: string; polls LSR.THRE */
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

msg:    .asciz "bios: reset state ok\n"
bad:    .asciz "bios: FAIL\n"
