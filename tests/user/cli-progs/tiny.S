/* A libc-free program: writes one line, exits 0.  Small enough that
 * `-d in_asm` and `-strace` output can be checked line by line. */
    .text
    .arm
    .global _start
_start:
    mov r0, #1
    adr r1, msg
    mov r2, #(msg_end - msg)
    mov r7, #4              @ write
    svc #0
    mov r0, #0
    mov r7, #248            @ exit_group
    svc #0
msg:
    .ascii "tiny says hi\n"
msg_end:
    .section .note.GNU-stack,"",%progbits
