/* Conditional execution without branches: Euclid's GCD with SUBGT/SUBLT
 * (the ARM ARM's classic example), a branch-free max/abs, and conditional
 * BL.  main checks each against known answers and prints the result. */
    .syntax unified
    .text
    .arm
gcd:                        @ r0 = gcd(r0, r1), both nonzero
    cmp r0, r1
    subgt r0, r0, r1
    sublt r1, r1, r0
    bne gcd
    bx lr

absmax:                     @ r0 = max(|r0|, |r1|)
    cmp r0, #0
    rsblt r0, r0, #0
    cmp r1, #0
    rsblt r1, r1, #0
    cmp r0, r1
    movlt r0, r1
    bx lr

    .global main
main:
    push {r4, r5, lr}
    mov r5, #0
    ldr r0, =1071
    ldr r1, =462
    bl gcd
    cmp r0, #21
    addne r5, r5, #1
    ldr r0, =1000000
    ldr r1, =999999
    bl gcd
    cmp r0, #1
    addne r5, r5, #1
    ldr r0, =(1 << 20)
    ldr r1, =(3 << 12)
    bl gcd
    cmp r0, #(1 << 12)
    addne r5, r5, #1
    mvn r0, #99             @ -100
    mov r1, #42
    bl absmax
    cmp r0, #100
    addne r5, r5, #1
    mov r0, #7
    mvn r1, #8              @ -9
    bl absmax
    cmp r0, #9
    addne r5, r5, #1
    mov r0, #3              @ conditional call: only the taken BL runs
    mov r1, #6
    cmp r0, #3
    blne gcd
    bleq gcd
    cmp r0, #3
    addne r5, r5, #1
    ldr r0, =fmt_ok
    cmp r5, #0
    ldrne r0, =fmt_bad
    mov r1, r5
    bl printf
    movs r0, r5
    movne r0, #1
    pop {r4, r5, pc}
    .ltorg
    .section .rodata
fmt_ok:
    .asciz "gcd_cond: 6 checks, all passed\n"
fmt_bad:
    .asciz "gcd_cond: 6 checks, %d FAILED\n"
    .section .note.GNU-stack,"",%progbits
