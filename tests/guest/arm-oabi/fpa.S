/*
 * FPA (NWFPE) instructions of an old-ABI program, checked against values
 * worked out from IEEE arithmetic and NWFPE's rules (computed in the
 * wider operand type, then converted to the destination precision;
 * compares set C only for "greater than"; FPSR system ID 0x01, AC set at
 * reset).  Stored values are checked word by word: a double is stored
 * high word first, an extended value as sign/exponent, then the 64-bit
 * significand high word first.
 * Assembled with -mfpu=fpa; built as an OABI executable (see mk/fpa.mk).
 */
#include "oabi.inc"

    .equ SYS_rt_sigaction, 0x9000ae

    .text
    .arm
    .global _start
_start:
    mov r11, #0
    ldr r10, =buf

    /* ---- FPSR at reset ---- */
    rfs r0
    CHECK r0, 0x01001000

    /* ---- 1/3: extended, double and single, rounding modes ---- */
    mov r0, #1
    flte f1, r0
    mov r0, #3
    flte f2, r0
    dvfe f0, f1, f2              @ 1/3 in extended, to nearest
    stfe f0, [r10]
    CHECKMEM 0, 0x00003ffd
    CHECKMEM 4, 0xaaaaaaaa
    CHECKMEM 8, 0xaaaaaaab
    stfd f0, [r10]               @ the same value rounded to double
    CHECKMEM 0, 0x3fd55555
    CHECKMEM 4, 0x55555555
    stfs f0, [r10]
    CHECKMEM 0, 0x3eaaaaab
    rfs r0
    CHECK r0, 0x01001010         @ IXC
    dvfez f3, f1, f2             @ toward zero: last bit clear
    stfe f3, [r10]
    CHECKMEM 8, 0xaaaaaaaa
    dvfs f4, f1, f2              @ extended operands, single destination
    stfs f4, [r10]
    CHECKMEM 0, 0x3eaaaaab
    mov r0, #2
    fltd f5, r0
    mov r0, #3
    fltd f6, r0
    dvfd f7, f5, f6              @ 2/3 in double
    stfd f7, [r10]
    CHECKMEM 0, 0x3fe55555
    CHECKMEM 4, 0x55555555
    /* Double operands with an extended destination: computed in double
     * rounding up, then widened exactly (not 2/3 rounded in extended). */
    dvfep f3, f5, f6
    stfe f3, [r10]
    CHECKMEM 0, 0x00003ffe
    CHECKMEM 4, 0xaaaaaaaa
    CHECKMEM 8, 0xaaaab000

    /* ---- loads of each format ---- */
    ldr r1, =lit_double
    ldfd f0, [r1]                @ 1.5
    stfe f0, [r10]
    CHECKMEM 0, 0x00003fff
    CHECKMEM 4, 0xc0000000
    CHECKMEM 8, 0
    ldfs f1, [r1, #8]            @ -0.25
    stfd f1, [r10]
    CHECKMEM 0, 0xbfd00000
    CHECKMEM 4, 0
    ldfe f2, [r1, #12]           @ -3.0 as extended words
    stfs f2, [r10, #4]!          @ pre-indexed with writeback
    CHECKMEM 0, 0xc0400000
    sub r10, r10, #4
    ldr r1, =lit_double + 8
    ldfd f3, [r1, #-8]           @ negative offset
    stfs f3, [r10], #8           @ post-indexed: stores at r10, adds 8
    sub r10, r10, #8
    CHECKMEM 0, 0x3fc00000

    /* ---- FIX in each rounding mode ---- */
    mvfd f1, #2
    adfd f0, f1, #0.5            @ 2.5
    fix r0, f0
    CHECK r0, 2
    fixp r0, f0
    CHECK r0, 3
    fixm r0, f0
    CHECK r0, 2
    fixz r0, f0
    CHECK r0, 2
    mnfd f0, f0                  @ -2.5
    fix r0, f0
    CHECK r0, -2
    fixp r0, f0
    CHECK r0, -2
    fixm r0, f0
    CHECK r0, -3
    fixz r0, f0
    CHECK r0, -2
    mvfd f2, #3
    adfd f0, f2, #0.5            @ 3.5: ties to even
    fix r0, f0
    CHECK r0, 4
    mov r0, #0x1000
    wfs r0                       @ clear the flags, keep AC
    mvfd f1, #10
    mufd f1, f1, f1              @ 100
    mufd f0, f1, f1              @ 1e4
    mufd f0, f0, f0              @ 1e8
    mufd f0, f0, f1              @ 1e10: out of int32 range
    fix r0, f0
    CHECK r0, 0x7fffffff
    mnfd f0, f0
    fix r0, f0
    CHECK r0, 0x80000000
    rfs r0
    CHECK r0, 0x01001001         @ IOC only (1e10 is exact)

    /* ---- FLT rounds to single in the instruction's mode ---- */
    ldr r2, =0x01000001          @ 2^24 + 1: not a single
    flts f0, r2
    stfs f0, [r10]
    CHECKMEM 0, 0x4b800000       @ to nearest (even): 2^24
    fltsp f0, r2
    stfs f0, [r10]
    CHECKMEM 0, 0x4b800001       @ up: 2^24 + 2

    /* ---- compares ---- */
    mov r0, #0x1000
    wfs r0
    mvfd f0, #1
    mvfd f1, #2
    cmf f0, f1
    NZCV
    CHECK r0, 0x80000000         @ less: N
    cmf f1, f0
    NZCV
    CHECK r0, 0x20000000         @ greater: C
    cmf f0, f0
    NZCV
    CHECK r0, 0x40000000         @ equal: Z (NWFPE leaves C clear)
    cnf f0, #1                   @ 1 against -1
    NZCV
    CHECK r0, 0x20000000
    cmf f0, f1
    movlt r2, #1
    movge r2, #0
    CHECK r2, 1
    mvfd f2, #0
    dvfd f3, f2, f2              @ 0/0: NaN, invalid
    rfs r0
    CHECK r0, 0x01001001
    mov r0, #0x1000
    wfs r0
    cmf f3, f0
    NZCV
    CHECK r0, 0x30000000         @ unordered: V, and C from AC
    rfs r0
    CHECK r0, 0x01001000         @ CMF raises nothing
    cmfe f3, f0
    NZCV
    CHECK r0, 0x30000000
    rfs r0
    CHECK r0, 0x01001001         @ CMFE: invalid
    mov r0, #0
    wfs r0                       @ AC clear
    rfs r0
    CHECK r0, 0x01000000         @ the system ID byte is read-only
    cmf f3, f0
    NZCV
    CHECK r0, 0x10000000         @ unordered: V only

    /* ---- square root, power, remainder, rounding, sign ops ---- */
    mvfd f1, #2
    sqte f0, f1
    stfe f0, [r10]
    CHECKMEM 0, 0x00003fff
    CHECKMEM 4, 0xb504f333
    CHECKMEM 8, 0xf9de6484
    sqtd f0, f1
    stfd f0, [r10]
    CHECKMEM 0, 0x3ff6a09e
    CHECKMEM 4, 0x667f3bcd
    powd f0, f1, #10             @ 2^10
    stfd f0, [r10]
    CHECKMEM 0, 0x40900000
    CHECKMEM 4, 0
    rpwd f0, f1, #3              @ 3^2
    stfd f0, [r10]
    CHECKMEM 0, 0x40220000
    mvfd f1, #5
    adfd f1, f1, #2              @ 7
    rmfd f0, f1, #2              @ IEEE remainder: 7 - 2*4
    stfd f0, [r10]
    CHECKMEM 0, 0xbff00000
    mvfd f1, #2
    adfd f0, f1, #0.5
    rndd f1, f0                  @ 2.5 to nearest even
    stfd f1, [r10]
    CHECKMEM 0, 0x40000000
    rnddp f1, f0
    stfd f1, [r10]
    CHECKMEM 0, 0x40080000
    mnfd f1, f0
    stfd f1, [r10]
    CHECKMEM 0, 0xc0040000
    absd f2, f1
    stfd f2, [r10]
    CHECKMEM 0, 0x40040000
    sufd f3, f2, #10             @ 2.5 - 10
    rsfd f4, f2, #10             @ 10 - 2.5
    adfd f5, f3, f4
    stfd f5, [r10]
    CHECKMEM 0, 0
    CHECKMEM 4, 0
    mufd f5, f3, f4              @ -7.5 * 7.5 = -56.25
    stfd f5, [r10]
    CHECKMEM 0, 0xc04c2000
    rdfd f5, f2, #10             @ 10 / 2.5
    stfd f5, [r10]
    CHECKMEM 0, 0x40100000
    mvfs f6, #0.5
    stfs f6, [r10]
    CHECKMEM 0, 0x3f000000

    /* ---- SFM/LFM keep each register's value and type ---- */
    mvfs f0, #3                  @ single
    mov r0, #1
    flte f1, r0
    mvfe f2, #3
    dvfe f1, f1, f2              @ extended 1/3
    mvfd f2, #10                 @ double
    mnfe f3, #5                  @ extended -5
    sfm f0, 4, [r10]
    mvfd f0, #0
    mvfd f1, #0
    mvfd f2, #0
    mvfd f3, #0
    lfm f0, 4, [r10]
    stfe f1, [r10, #48]
    CHECKMEM 48, 0x00003ffd
    CHECKMEM 52, 0xaaaaaaaa
    CHECKMEM 56, 0xaaaaaaab
    stfe f3, [r10, #48]
    CHECKMEM 48, 0x80004001
    CHECKMEM 52, 0xa0000000
    stfd f2, [r10, #48]
    CHECKMEM 48, 0x40240000
    stfs f0, [r10, #48]
    CHECKMEM 48, 0x40400000
    /* A single operand keeps the operation in single precision. */
    dvfs f4, f0, #10             @ 3/10 in single
    stfe f4, [r10, #48]
    CHECKMEM 48, 0x00003ffd
    CHECKMEM 52, 0x99999a00
    CHECKMEM 56, 0
    mov r4, sp
    sfm f1, 2, [sp, #-24]!       @ writeback
    sub r0, r4, sp
    CHECK r0, 24
    lfm f5, 2, [sp], #24         @ f5, f6 = f1, f2; post-indexed
    CHECKREG sp, r4
    stfe f5, [r10]
    CHECKMEM 8, 0xaaaaaaab

    /* ---- an enabled trap: SIGFPE after the result is written ---- */
    adr r0, sigfpe
    str r0, [r10, #64]           @ struct sigaction: handler,
    mov r0, #0
    str r0, [r10, #68]           @ flags,
    str r0, [r10, #72]           @ restorer,
    str r0, [r10, #76]           @ mask
    str r0, [r10, #80]
    mov r0, #8                   @ SIGFPE
    add r1, r10, #64
    mov r2, #0
    mov r3, #8
    swi SYS_rt_sigaction
    CHECK r0, 0
    ldr r0, =saved_sp
    str sp, [r0]
    ldr r0, =0x00021000          @ DZE, AC
    wfs r0
    mvfd f1, #1
    mvfd f2, #0
    dvfd f0, f1, f2
    bl fail                      @ no SIGFPE
after_trap:
    rfs r0
    CHECK r0, 0x01021000         @ trapped: no cumulative DZC
    stfd f0, [r10]
    CHECKMEM 0, 0x7ff00000       @ +infinity was written
    CHECKMEM 4, 0
    b pass

sigfpe:
    ldr r1, =saved_sp
    ldr sp, [r1]
    CHECK r0, 8
    b after_trap

lit_double:
    .word 0x3ff80000, 0          @ 1.5
    .word 0xbe800000             @ -0.25 (single)
    .word 0x80004000, 0xc0000000, 0   @ -3.0 (extended)

name:
    .ascii "fpa: "
name_end:
    .align 2

#include "report.inc"

    .bss
    .align 3
buf:
    .space 128
saved_sp:
    .space 4
