/*
 * FPA corner cases of NWFPE's behaviour: UNDEFINED forms reach a SIGILL
 * handler (a never-written operand register, WFC/RFC, the packed decimal
 * format), the extended precision control (an extended sum rounded once
 * to a single destination, against the double rounding through an
 * extended register), conditions, LFM wrapping from f7 to f0, MVF
 * narrowing, NaN results and the untrapped exception flags.
 */
#include "oabi.inc"

    .equ SYS_rt_sigaction, 0x9000ae

    /* The instruction after this macro must raise SIGILL: the handler
     * sets r8 and resumes at the label given. */
    .macro EXPECT_SIGILL resume
    ldr r0, =\resume
    str r0, [r9]
    mov r8, #0
    .endm

    .text
    .arm
    .global _start
_start:
    mov r11, #0
    ldr r10, =buf
    ldr r9, =resume_at
    ldr r0, =saved_sp
    str sp, [r0]
    /* SIGILL handler, SA_NODEFER so it can run again. */
    ldr r0, =sigill
    str r0, [r10, #64]
    ldr r0, =0x40000000
    str r0, [r10, #68]
    mov r0, #0
    str r0, [r10, #72]
    str r0, [r10, #76]
    str r0, [r10, #80]
    mov r0, #4
    add r1, r10, #64
    mov r2, #0
    mov r3, #8
    swi SYS_rt_sigaction
    CHECK r0, 0

    /* ---- never-written registers ---- */
    mvfd f0, #1
    EXPECT_SIGILL 1f
    adfd f1, f0, f5              @ f5 has no value: NWFPE refuses
    bl fail
1:  CHECK r8, 1
    mov r5, #0x55
    EXPECT_SIGILL 1f
    fix r5, f6
    bl fail
1:  CHECK r8, 1
    CHECK r5, 0x55               @ Rd untouched
    EXPECT_SIGILL 1f
    cmf f6, f0
    bl fail
1:  CHECK r8, 1
    stfd f0, [r10]               @ f0 was kept
    CHECKMEM 0, 0x3ff00000
    mvfd f1, #2
    adfd f1, f1, #1              @ a constant needs no register
    stfd f1, [r10]
    CHECKMEM 0, 0x40080000
    stfd f7, [r10]               @ storing a never-written register: zero
    CHECKMEM 0, 0
    CHECKMEM 4, 0

    /* ---- encodings NWFPE does not emulate ---- */
    EXPECT_SIGILL 1f
    wfc r0
    bl fail
1:  CHECK r8, 1
    EXPECT_SIGILL 1f
    rfc r0
    bl fail
1:  CHECK r8, 1
    EXPECT_SIGILL 1f
    ldfp f0, [r10]
    bl fail
1:  CHECK r8, 1

    /* ---- precision control ---- */
    ldr r1, =one_plus
    ldfe f0, [r1]                @ 1 + 2^-24
    ldfe f1, [r1, #12]           @ 2^-70
    adfs f2, f0, f1              @ rounded once to 24 bits: up
    stfs f2, [r10]
    CHECKMEM 0, 0x3f800001
    adfe f3, f0, f1              @ to 64 bits (a tie for single) ...
    stfs f3, [r10]               @ ... then to single: even
    CHECKMEM 0, 0x3f800000
    adfd f4, f0, f1              @ to 53 bits: 1 + 2^-24 exactly
    stfd f4, [r10]
    CHECKMEM 0, 0x3ff00000
    CHECKMEM 4, 0x10000000

    /* ---- conditions ---- */
    mov r0, #0
    str r0, [r10, #8]
    cmp r0, r0                   @ Z set
    adfned f0, f0, #1            @ not executed
    stfned f0, [r10, #8]         @ not executed
    CHECKMEM 8, 0
    stfe f0, [r10]
    CHECKMEM 0, 0x00003fff
    CHECKMEM 4, 0x80000080
    CHECKMEM 8, 0
    adfeqd f0, f0, #1            @ executed
    stfd f0, [r10]
    CHECKMEM 0, 0x40000000
    CHECKMEM 4, 0x08000000

    /* ---- LFM/SFM wrap from f7 to f0 ---- */
    mvfd f6, #5
    mvfe f7, #10
    mvfs f0, #0.5
    sfm f6, 3, [r10]
    mvfd f6, #0
    mvfd f7, #0
    mvfd f0, #0
    lfm f6, 3, [r10]
    stfs f0, [r10, #48]
    CHECKMEM 48, 0x3f000000
    stfd f6, [r10, #48]
    CHECKMEM 48, 0x40140000
    stfd f7, [r10, #48]
    CHECKMEM 48, 0x40240000

    /* ---- MVF narrowing, URD, NRM ---- */
    mov r0, #0x1000
    wfs r0
    mvfd f1, #1
    dvfd f1, f1, #3              @ 1/3 in double
    mvfs f2, f1                  @ rounded to single
    stfs f2, [r10]
    CHECKMEM 0, 0x3eaaaaab
    rfs r0
    CHECK r0, 0x01001010
    mvfd f1, #2
    adfd f1, f1, #0.5
    urdd f2, f1                  @ 2.5 to nearest even
    stfd f2, [r10]
    CHECKMEM 0, 0x40000000
    nrmd f2, f1
    stfd f2, [r10]
    CHECKMEM 0, 0x40040000

    /* ---- untrapped exceptions ---- */
    mov r0, #0x1000
    wfs r0
    mvfd f1, #1
    dvfd f2, f1, #0              @ 1/0
    rfs r0
    CHECK r0, 0x01001002         @ DZC
    stfd f2, [r10]
    CHECKMEM 0, 0x7ff00000
    mov r0, #0x1000
    wfs r0
    mvfd f1, #0
    dvfd f2, f1, #0              @ 0/0
    rfs r0
    CHECK r0, 0x01001001         @ IOC
    stfd f2, [r10]
    ldr r0, [r10]
    ldr r1, =0x7ff00000
    and r0, r0, r1
    CHECK r0, 0x7ff00000         @ a NaN ...
    ldr r0, [r10]
    bic r0, r0, #0xff000000
    bic r0, r0, #0x00f00000
    cmp r0, #0
    ldreq r0, [r10, #4]
    cmpeq r0, #0
    blne 1f
    bl fail                      @ ... not an infinity
1:  add r11, r11, #1
    mov r0, #0x1000
    wfs r0
    ldr r1, =one_plus + 24
    ldfs f1, [r1]                @ 2^100 (single)
    mufs f2, f1, f1              @ 2^200: overflows single
    rfs r0
    CHECK r0, 0x01001014         @ OFC, IXC
    stfs f2, [r10]
    CHECKMEM 0, 0x7f800000
    b pass

sigill:
    ldr r1, =saved_sp
    ldr sp, [r1]
    mov r8, #1
    ldr r1, =resume_at
    ldr pc, [r1]

one_plus:
    .word 0x00003fff, 0x80000080, 0   @ 1 + 2^-24 (extended)
    .word 0x00003fb9, 0x80000000, 0   @ 2^-70 (extended)
    .word 0x71800000                  @ 2^100 (single)

name:
    .ascii "fpa_edge: "
name_end:
    .align 2

#include "report.inc"

    .bss
    .align 3
buf:
    .space 128
saved_sp:
    .space 4
resume_at:
    .space 4
