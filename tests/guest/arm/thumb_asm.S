/* Thumb-1 instructions from assembly, called from an ARM main through
 * BLX: ALU ops with flags (ADDS/SUBS/ADCS/SBCS/NEGS/MULS), shifts by
 * register, LDR/STR forms (imm, reg, sp-relative, pc-relative), PUSH/POP
 * with LR/PC, conditional branches, BL.  Each routine returns a value
 * main compares with the one worked out by hand. */
    .syntax unified
    .text

    .thumb
    .thumb_func
    .global t_alu
t_alu:                      @ r0 = ((7 + 5) * 3 - 1) ^ 0xf0, flags ignored
    movs r1, #7
    adds r1, r1, #5
    movs r2, #3
    muls r1, r2, r1
    subs r1, r1, #1
    movs r2, #0xf0
    eors r1, r2
    movs r0, r1
    bx lr

    .thumb_func
    .global t_carry
t_carry:                    @ 64-bit add 0x00000001ffffffff + 1 -> hi 2, return hi
    ldr r1, =0xffffffff
    movs r2, #1
    movs r3, #1
    adds r1, r1, r3
    movs r3, #0
    adcs r2, r3
    movs r0, r2
    bx lr

    .thumb_func
    .global t_shifts
t_shifts:                   @ r0 = x; return (x << 4) + (x >> 2) + (asr(-x, 1) & 0xff)
    movs r3, #4
    movs r1, r0
    lsls r1, r3
    movs r3, #2
    movs r2, r0
    lsrs r2, r3
    adds r1, r1, r2
    negs r2, r0
    asrs r2, r2, #1
    movs r3, #0xff
    ands r2, r3
    adds r0, r1, r2
    bx lr

    .thumb_func
    .global t_mem
t_mem:                      @ r0 = array of 4 words; sum via imm, reg, sp forms
    push {r4, lr}
    sub sp, #8
    ldr r1, [r0, #0]
    movs r2, #4
    ldr r3, [r0, r2]
    adds r1, r1, r3
    ldrh r3, [r0, #8]
    adds r1, r1, r3
    ldrb r3, [r0, #12]
    adds r1, r1, r3
    str r1, [sp, #4]
    ldr r4, [sp, #4]
    ldr r3, t_lit
    adds r0, r4, r3
    add sp, #8
    pop {r4, pc}
    .align 2
t_lit:
    .word 1000

    .thumb_func
    .global t_loop
t_loop:                     @ sum 1..r0 with a conditional branch loop, via bl
    push {lr}
    movs r1, #0
1:  bl t_add_r0
    subs r0, r0, #1
    bne 1b
    movs r0, r1
    pop {pc}

    .thumb_func
t_add_r0:
    adds r1, r1, r0
    bx lr

    .thumb_func
    .global t_cond
t_cond:                     @ returns a bit mask of signed/unsigned compares of r0, r1
    movs r2, #0
    cmp r0, r1
    bge 1f
    adds r2, #1             @ lt
1:  cmp r0, r1
    bhs 2f
    adds r2, #2             @ lo
2:  cmp r0, r1
    bne 3f
    adds r2, #4             @ eq
3:  movs r0, r2
    bx lr

    .arm
    .global main
main:
    push {r4-r6, lr}
    mov r6, #0              @ failures
    ldr r4, =t_alu
    blx r4
    ldr r1, =((12 * 3 - 1) ^ 0xf0)
    cmp r0, r1
    addne r6, r6, #1
    ldr r4, =t_carry
    blx r4
    cmp r0, #2
    addne r6, r6, #1
    mov r0, #100
    ldr r4, =t_shifts
    blx r4
    ldr r1, =(1600 + 25 + 0xce)      @ asr(-100,1) = -50 -> 0xce
    cmp r0, r1
    addne r6, r6, #1
    adr r0, arr
    ldr r4, =t_mem
    blx r4
    ldr r1, =(10 + 20 + 0x5678 + 0x42 + 1000)
    cmp r0, r1
    addne r6, r6, #1
    mov r0, #100
    ldr r4, =t_loop
    blx r4
    ldr r1, =5050
    cmp r0, r1
    addne r6, r6, #1
    mvn r0, #0              @ -1 vs 1: lt, not lo
    mov r1, #1
    ldr r4, =t_cond
    blx r4
    cmp r0, #1
    addne r6, r6, #1
    mov r0, #1              @ 1 vs -1: lo, not lt
    mvn r1, #0
    blx r4
    cmp r0, #2
    addne r6, r6, #1
    mov r0, #5
    mov r1, #5
    blx r4
    cmp r0, #4
    addne r6, r6, #1
    ldr r0, =fmt_ok
    cmp r6, #0
    ldrne r0, =fmt_bad
    movs r1, r6
    bl printf
    movs r0, r6
    movne r0, #1
    pop {r4-r6, pc}
    .align 2
arr:
    .word 10, 20, 0x12345678, 0x99887742
    .ltorg
    .section .rodata
fmt_ok:
    .asciz "thumb_asm: 8 checks, all passed\n"
fmt_bad:
    .asciz "thumb_asm: 8 checks, %d FAILED\n"
    .section .note.GNU-stack,"",%progbits
