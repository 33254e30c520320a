/*
 * Malta RAM beyond 256 MiB as a MIPS64 program sees it through XKPHYS
 * (run with -m 1024): all of RAM at physical 0x80000000, its first 256
 * MiB also at 0, the part past 512 MiB also at 512 MiB.  Each step
 * prints a line on the UART; a failed check ends through UHI exit with
 * the step's number.
 *   1 a word stored through CKSEG1 (physical 0x1000) reads back at
 *     physical 0x80001000
 *   2 a word stored at physical 0xa0000100 (RAM offset 512 MiB + 0x100)
 *     reads back at physical 0x20000100
 *   3 the last word of RAM (physical 0xbffffffc) holds what is stored
 */
#include "regdef.h"

#define UART 0xffffffffb80003f8
#define XKPHYS_UNCACHED 0x9000000000000000
#define ST_KX 0x80

    .set noreorder
    .set noat
    .text
    .globl _start
_start:
    li      t2, ST_KX               /* kernel mode, KX, BEV and ERL off */
    mtc0    t2, $12
    ehb

    li      a0, 1
    li      t0, 0x11223344
    dli     t1, 0xffffffffa0001000
    sw      t0, 0(t1)
    dli     t3, XKPHYS_UNCACHED | 0x80001000
    lw      t4, 0(t3)
    bne     t4, t0, fail
    nop
    dla     a1, msg1
    jal     puts
    nop

    li      a0, 2
    li      t0, 0x55667788
    dli     t1, XKPHYS_UNCACHED | 0xa0000100
    sw      t0, 0(t1)
    dli     t3, XKPHYS_UNCACHED | 0x20000100
    lw      t4, 0(t3)
    bne     t4, t0, fail
    nop
    dla     a1, msg2
    jal     puts
    nop

    li      a0, 3
    li      t0, 0x13579bdf
    dli     t1, XKPHYS_UNCACHED | 0xbffffffc
    sw      t0, 0(t1)
    lw      t4, 0(t1)
    bne     t4, t0, fail
    nop
    dla     a1, msg3
    jal     puts
    nop

    li      a0, 0
    li      t9, 1
    sdbbp   1
1:  b       1b
    nop

fail:
    li      t9, 1
    sdbbp   1
1:  b       1b
    nop

/* puts(a1): poll the UART's THRE, write each byte. */
puts:
    dli     $24, UART
1:  lbu     t0, 0(a1)
    beqz    t0, 3f
    nop
2:  lbu     t1, 5($24)
    andi    t1, t1, 0x20
    beqz    t1, 2b
    nop
    sb      t0, 0($24)
    b       1b
    daddiu  a1, a1, 1
3:  jr      ra
    nop

    .section .rodata
msg1:   .asciz "low 256 MiB at 0x80000000\n"
msg2:   .asciz "past 512 MiB at 0x20000000\n"
msg3:   .asciz "last word of 1 GiB\n"
