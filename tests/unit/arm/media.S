@ ARMv6/v7 A32 media, multiply, exclusive, barrier and misc instructions.
@ Operands r0, r1 (r3 accumulator / third operand); result r2 (r2:r3).
    .syntax unified
    .arch armv7ve
    .arm
    .text
sadd16: sadd16 r2, r0, r1
        bkpt #0
uadd16: uadd16 r2, r0, r1
        bkpt #0
ssub8:  ssub8 r2, r0, r1
        bkpt #0
usub8:  usub8 r2, r0, r1
        bkpt #0
uadd8:  uadd8 r2, r0, r1
        bkpt #0
sasx:   sasx r2, r0, r1
        bkpt #0
ssax:   ssax r2, r0, r1
        bkpt #0
uasx:   uasx r2, r0, r1
        bkpt #0
qadd16: qadd16 r2, r0, r1
        bkpt #0
qsub8:  qsub8 r2, r0, r1
        bkpt #0
uqadd8: uqadd8 r2, r0, r1
        bkpt #0
uqsub16: uqsub16 r2, r0, r1
        bkpt #0
shadd8: shadd8 r2, r0, r1
        bkpt #0
uhsub16: uhsub16 r2, r0, r1
        bkpt #0
shasx:  shasx r2, r0, r1
        bkpt #0
sel:    sel r2, r0, r1
        bkpt #0
usub8_sel:
        usub8 r2, r0, r1
        sel r2, r0, r1
        bkpt #0
ssat8:  ssat r2, #8, r0
        bkpt #0
ssat_asr: ssat r2, #16, r0, asr #4
        bkpt #0
ssat32: ssat r2, #32, r0
        bkpt #0
usat8:  usat r2, #8, r0
        bkpt #0
usat0:  usat r2, #0, r0
        bkpt #0
usat_lsl: usat r2, #31, r0, lsl #1
        bkpt #0
ssat16: ssat16 r2, #8, r0
        bkpt #0
usat16: usat16 r2, #4, r0
        bkpt #0
pkhbt:  pkhbt r2, r0, r1, lsl #8
        bkpt #0
pkhtb:  pkhtb r2, r0, r1, asr #8
        bkpt #0
pkhtb32: pkhtb r2, r0, r1, asr #32
        bkpt #0
sxtb:   sxtb r2, r0, ror #8
        bkpt #0
uxtb:   uxtb r2, r0
        bkpt #0
sxth:   sxth r2, r0
        bkpt #0
uxth:   uxth r2, r0, ror #16
        bkpt #0
sxtab:  sxtab r2, r1, r0
        bkpt #0
uxtah:  uxtah r2, r1, r0, ror #24
        bkpt #0
sxtb16: sxtb16 r2, r0
        bkpt #0
uxtab16: uxtab16 r2, r1, r0, ror #8
        bkpt #0
rev:    rev r2, r0
        bkpt #0
rev16:  rev16 r2, r0
        bkpt #0
revsh:  revsh r2, r0
        bkpt #0
rbit:   rbit r2, r0
        bkpt #0
usad8:  usad8 r2, r0, r1
        bkpt #0
usada8: usada8 r2, r0, r1, r3
        bkpt #0
smuad:  smuad r2, r0, r1
        bkpt #0
smuadx: smuadx r2, r0, r1
        bkpt #0
smusd:  smusd r2, r0, r1
        bkpt #0
smlad:  smlad r2, r0, r1, r3
        bkpt #0
smlsdx: smlsdx r2, r0, r1, r3
        bkpt #0
smlald: smlald r2, r3, r0, r1
        bkpt #0
smlsld: smlsld r2, r3, r0, r1
        bkpt #0
smmul:  smmul r2, r0, r1
        bkpt #0
smmulr: smmulr r2, r0, r1
        bkpt #0
smmla:  smmla r2, r0, r1, r3
        bkpt #0
smmls:  smmls r2, r0, r1, r3
        bkpt #0
smmlsr: smmlsr r2, r0, r1, r3
        bkpt #0
umaal:  umaal r2, r3, r0, r1
        bkpt #0
mls:    mls r2, r0, r1, r3
        bkpt #0
sdiv:   sdiv r2, r0, r1
        bkpt #0
udiv:   udiv r2, r0, r1
        bkpt #0
movw:   movw r2, #0xbeef
        bkpt #0
movt:   movt r0, #0xcafe
        bkpt #0
bfi:    bfi r0, r1, #8, #12
        bkpt #0
bfc:    bfc r0, #4, #24
        bkpt #0
ubfx:   ubfx r2, r0, #28, #4
        bkpt #0
sbfx:   sbfx r2, r0, #4, #8
        bkpt #0
sbfx32: sbfx r2, r0, #0, #32
        bkpt #0
ldrex:  ldrex r2, [r0]
        strex r4, r1, [r0]
        bkpt #0
ldrex_twice:
        ldrex r2, [r0]
        strex r4, r1, [r0]
        strex r5, r3, [r0]
        bkpt #0
strex_alone:
        strex r4, r1, [r0]
        bkpt #0
clrex:  ldrex r2, [r0]
        clrex
        strex r4, r1, [r0]
        bkpt #0
ldrexb: ldrexb r2, [r0]
        strexb r4, r1, [r0]
        bkpt #0
ldrexh: ldrexh r2, [r0]
        strexh r4, r1, [r0]
        bkpt #0
ldrexd: ldrexd r2, r3, [r0]
        strexd r4, r6, r7, [r0]
        bkpt #0
strex_other:
        ldrex r2, [r0]
        add r5, r0, #4
        strex r4, r1, [r5]
        bkpt #0
ldrex_fault:
        ldrex r2, [r0]
        bkpt #0
barriers:
        dmb ish
        dsb sy
        isb
        mcr p15, 0, r0, c7, c10, 5
        mcr p15, 0, r0, c7, c10, 4
        mcr p15, 0, r0, c7, c5, 4
        pld [r0]
        pli [r0]
        pldw [r0]
        nop
        yield
        mov r2, #1
        bkpt #0
setend:
        setend be
        ldr r2, [r0]
        ldrh r3, [r0]
        str r1, [r0, #4]
        setend le
        ldr r4, [r0]
        bkpt #0
ldrht:  ldrht r2, [r0], #2
        bkpt #0
strht:  strht r1, [r0], #-2
        bkpt #0
