/*
 * An EABI program (built without the e_flags patch, see mk/fpa.mk) gets
 * no FPA: cp1/cp2 instructions are UNDEFINED and raise SIGILL, and the
 * registers around them are untouched.
 */
#include "oabi.inc"

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
    ldr r0, =sigill
    str r0, [r10, #64]
    ldr r0, =0x40000000          @ SA_NODEFER
    str r0, [r10, #68]
    mov r0, #0
    str r0, [r10, #72]
    str r0, [r10, #76]
    str r0, [r10, #80]
    mov r0, #4                   @ SIGILL
    add r1, r10, #64
    mov r2, #0
    mov r3, #8
    mov r7, #174                 @ rt_sigaction
    swi 0
    CHECK r0, 0

    mov r5, #0x77
    EXPECT_SIGILL 1f
    rfs r5
    bl fail
1:  CHECK r8, 1
    CHECK r5, 0x77
    EXPECT_SIGILL 1f
    ldfd f0, [r10]
    bl fail
1:  CHECK r8, 1
    EXPECT_SIGILL 1f
    adfd f0, f0, #1
    bl fail
1:  CHECK r8, 1
    mov r4, r10
    EXPECT_SIGILL 1f
    sfm f0, 4, [r4, #16]!
    bl fail
1:  CHECK r8, 1
    CHECKREG r4, r10             @ no writeback
    b pass

sigill:
    ldr r1, =saved_sp
    ldr sp, [r1]
    mov r8, #1
    ldr r1, =resume_at
    ldr pc, [r1]

name:
    .ascii "eabi_no_fpa: "
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
