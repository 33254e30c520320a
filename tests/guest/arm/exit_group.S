/* A libc-free program: exit_group(42) directly from _start after a write.
 * The runner expects status 42 (status.txt). */
    .text
    .arm
    .global _start
_start:
    mov r0, #1
    adr r1, msg
    mov r2, #(msg_end - msg)
    mov r7, #4              @ write
    svc #0
    mov r0, #42
    mov r7, #248            @ exit_group
    svc #0
    .word 0xe7f000f0        @ never reached
msg:
    .ascii "exit_group: leaving with 42\n"
msg_end:
    .section .note.GNU-stack,"",%progbits
