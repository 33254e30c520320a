/* A libc-free program: no C runtime at all.  Checks argc on the initial
 * stack (the runner passes 3 arguments), that sp is 8-byte aligned, writes
 * its closing line and exits 0; exits 1 on a mismatch. */
    .text
    .arm
    .global _start
_start:
    ldr r0, [sp]            @ argc
    cmp r0, #4
    bne fail
    tst sp, #7
    bne fail
    ldr r1, [sp, #20]       @ argv[4] must be NULL
    cmp r1, #0
    bne fail
    mov r0, #1
    adr r1, msg
    mov r2, #(msg_end - msg)
    mov r7, #4              @ write
    svc #0
    cmp r0, #(msg_end - msg)
    bne fail
    mov r0, #0
    mov r7, #1              @ exit
    svc #0
fail:
    mov r0, #1
    mov r7, #1
    svc #0
msg:
    .ascii "start_min: 4 checks, all passed\n"
msg_end:
    .section .note.GNU-stack,"",%progbits
