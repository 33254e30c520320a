/* Executes a permanently undefined instruction at a known place: the
 * program must die of SIGILL (status 132 from the runner's view). */
    .text
    .arm
    .global _start
_start:
    nop
    .global illegal_insn
illegal_insn:
    .word 0xe7f000f0        @ UDF #0, undefined in every architecture version
    mov r0, #0
    mov r7, #248
    svc #0
    .section .note.GNU-stack,"",%progbits
