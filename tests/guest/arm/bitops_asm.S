@ Logical data-processing instructions with every shifter operand form,
@ checked against constants worked out from the ARM ARM: AND, EOR, ORR,
@ BIC, MVN, TST, TEQ (flags only), with LSL/LSR/ASR/ROR by immediate and
@ by register, RRX, and the carry-out of each shifter form.  Exits 0 when
@ all match (after printing the closing line the runner expects),
@ otherwise with the number of the first failing check.
        .syntax unified
        .arm
        .text
        .global _start

@ check: r0 == expected (r1 holds the check number), else exit(r1)
        .macro expect val, num
        ldr     r2, =\val
        mov     r1, #\num
        cmp     r0, r2
        bne     fail
        .endm

        .macro expect_flags nzcv, num
        mrs     r0, cpsr
        and     r0, r0, #0xf0000000
        expect  \nzcv, \num
        .endm

_start:
        ldr     r4, =0xf0f0f0f0
        ldr     r5, =0x12345678
        mov     r6, #4
        mov     r7, #36

        and     r0, r4, r5, lsl #4          @ 0xf0f0f0f0 & 0x23456780
        expect  0x20406080, 1
        eor     r0, r4, r5, lsr #8          @ ^ 0x00123456
        expect  0xf0e2c4a6, 2
        orr     r0, r5, r4, asr #28         @ | 0xffffffff
        expect  0xffffffff, 3
        bic     r0, r4, r5, ror #4          @ & ~0x81234567
        expect  0x70d0b090, 4
        mvn     r0, r5, lsl r6              @ ~0x23456780
        expect  0xdcba987f, 5
        mov     r0, r5, ror r7              @ ror by 36 = ror by 4
        expect  0x81234567, 6

        @ Carry out: LSL #1 of 0x80000001 sets C, ANDS with it.
        ldr     r8, =0x80000001
        ands    r0, r8, r8, lsl #1          @ 0x80000001 & 0x00000002 = 0
        expect_flags 0x60000000, 7          @ Z=1 C=1
        @ LSR by register 32: result 0, C = bit 31.
        mov     r9, #32
        movs    r0, r8, lsr r9
        expect_flags 0x60000000, 8
        @ LSR by register 33: result 0, C = 0.
        mov     r9, #33
        movs    r0, r8, lsr r9
        expect_flags 0x40000000, 9
        @ ASR by register 40 of a negative value: all ones, C = 1.
        mov     r9, #40
        movs    r0, r8, asr r9
        expect_flags 0xa0000000, 10
        @ RRX with C set shifts the carry into bit 31, C = old bit 0.
        msr     cpsr_f, #0x20000000
        movs    r0, r6, rrx                 @ 4 >> 1 | 0x80000000, C = 0
        expect_flags 0x80000000, 11
        msr     cpsr_f, #0x20000000
        mov     r0, r6, rrx
        expect  0x80000002, 12
        @ Shift by register 0 leaves the value and the carry alone.
        mov     r9, #0
        msr     cpsr_f, #0x20000000
        movs    r0, r5, ror r9
        expect_flags 0x20000000, 13
        @ ROR by register 32: value unchanged, C = bit 31.
        mov     r9, #32
        movs    r0, r8, ror r9
        expect_flags 0xa0000000, 14
        @ TST and TEQ set N/Z (and C from the shifter) without a result.
        msr     cpsr_f, #0
        tst     r4, #0x0f
        expect_flags 0x40000000, 15
        msr     cpsr_f, #0                  @ expect's CMP left C set
        teq     r4, r4
        expect_flags 0x40000000, 16
        msr     cpsr_f, #0
        teq     r4, r5
        expect_flags 0x80000000, 17
        @ Immediate with a rotation sets C to bit 31 of the immediate.
        msr     cpsr_f, #0
        movs    r0, #0x80000000
        expect_flags 0xa0000000, 18
        @ Immediate without rotation leaves C alone.
        msr     cpsr_f, #0x20000000
        movs    r0, #1
        expect_flags 0x20000000, 19
        @ MVN by immediate.
        mvn     r0, #0xff000000
        expect  0x00ffffff, 20

        mov     r0, #1                      @ write(1, done, len)
        ldr     r1, =done
        mov     r2, #(done_end - done)
        mov     r7, #4
        svc     #0
        mov     r0, #0
        mov     r7, #1                      @ exit(0)
        svc     #0
fail:
        mov     r0, r1
        mov     r7, #1
        svc     #0
        .ltorg

        .section .rodata
done:
        .ascii  "bitops_asm: 20 checks, all passed\n"
done_end:
        .section .note.GNU-stack,"",%progbits
