/*
 * The sixteen data-processing opcodes with rotated immediates and
 * register operands: AND EOR SUB RSB ADD ADC SBC RSC TST TEQ CMP CMN ORR
 * MOV BIC MVN, including rotated immediates like 0xff000000 and 0xc000003f,
 * and Rd = PC-free forms.  Values worked out by hand.
 */
#include "check.h"

#define OP(INSN, a) ({ uint32_t r_; asm volatile("msr cpsr_f, #0x20000000\n\t" INSN \
        : "=&r"(r_) : "r"(a) : "cc"); r_; })

int main(void)
{
    uint32_t x = 0x12345678u;
    CHECK("and #0xff000000", OP("and %0, %1, #0xff000000", x), 0x12000000u);
    CHECK("eor #0xc000003f", OP("eor %0, %1, #0xc000003f", x), 0xd2345647u);
    CHECK("sub #0x100", OP("sub %0, %1, #0x100", x), 0x12345578u);
    CHECK("rsb #0", OP("rsb %0, %1, #0", x), 0xedcba988u);
    CHECK("add #0x3fc", OP("add %0, %1, #0x3fc", x), 0x12345a74u);
    CHECK("adc #1 (C=1)", OP("adc %0, %1, #1", x), 0x1234567au);
    CHECK("sbc #8 (C=1)", OP("sbc %0, %1, #8", x), 0x12345670u);
    CHECK("rsc #0 (C=1)", OP("rsc %0, %1, #0", x), 0xedcba988u);
    CHECK("orr #0xf0000000", OP("orr %0, %1, #0xf0000000", x), 0xf2345678u);
    CHECK("mov #0x00ab0000", OP("mov %0, #0x00ab0000\n\tadd %0, %0, %1, lsr #32", x), 0x00ab0000u);
    CHECK("bic #0xff", OP("bic %0, %1, #0xff", x), 0x12345600u);
    CHECK("mvn #0", OP("mvn %0, #0\n\tand %0, %0, %1", x), x);
    CHECK("mvn reg", OP("mvn %0, %1", x), 0xedcba987u);
    CHECK("orr reg, ror #16", OP("orr %0, %1, %1, ror #16", x), 0x567c567cu);
    CHECK("eor reg with itself", OP("eor %0, %1, %1", x), 0);
    CHECK("add reg, asr #31", OP("add %0, %1, %1, asr #31", 0x80000000u), 0x7fffffffu);
    CHECK("rsb reg, lsl #3 (x*7)", OP("rsb %0, %1, %1, lsl #3", 9u), 63);
    CHECK("add reg, lsl #2 (x*5)", OP("add %0, %1, %1, lsl #2", 9u), 45);
    /* TST/TEQ/CMP/CMN set only flags: read them back. */
    CHECK("tst result in Z", OP("tst %1, #0x80000000\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", x), 0x6);
    CHECK("tst with rotated immediate sets C from bit 31 of it",
          OP("msr cpsr_f, #0\n\ttst %1, #0xf0000000\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", x), 0x2);
    CHECK("teq equal", OP("teq %1, %1\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", x), 0x6);
    CHECK("cmp #0x12000000 (greater)", OP("cmp %1, #0x12000000\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", x), 0x2);
    CHECK("cmn #1 on -1", OP("cmn %1, #1\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", 0xffffffffu), 0x6);
    /* Flag-setting logical ops take C from the shifter. */
    CHECK("ands with lsl #1 carry", OP("ands %0, %1, %1, lsl #1\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", 0x80000001u), 0x6);
    CHECK("movs #0 keeps C", OP("movs %0, #0\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", x), 0x6);
    CHECK("mvns #0", OP("mvns %0, #0\n\tmrs %0, cpsr\n\tlsr %0, %0, #28", x), 0xa);
    return check_done("data_proc");
}
