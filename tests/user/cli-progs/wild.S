/* Jumps to an address where nothing is mapped: the program must die of
 * SIGSEGV. */
    .text
    .arm
    .global _start
_start:
    ldr r0, =0x00000ff0
    bx r0
    .section .note.GNU-stack,"",%progbits
