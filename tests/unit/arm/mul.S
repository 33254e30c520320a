@ Multiplies, saturating arithmetic, CLZ.  Operands r0, r1 (r3 accumulator).
    .syntax unified
    .arm
    .text
mul:    mul r2, r0, r1
        bkpt #0
muls:   muls r2, r0, r1
        bkpt #0
mla:    mla r2, r0, r1, r3
        bkpt #0
mlas:   mlas r2, r0, r1, r3
        bkpt #0
umull:  umull r2, r3, r0, r1
        bkpt #0
umulls: umulls r2, r3, r0, r1
        bkpt #0
smull:  smull r2, r3, r0, r1
        bkpt #0
umlal:  umlal r2, r3, r0, r1
        bkpt #0
smlal:  smlal r2, r3, r0, r1
        bkpt #0
smlals: smlals r2, r3, r0, r1
        bkpt #0
smulbb: smulbb r2, r0, r1
        bkpt #0
smulbt: smulbt r2, r0, r1
        bkpt #0
smultb: smultb r2, r0, r1
        bkpt #0
smultt: smultt r2, r0, r1
        bkpt #0
smlabb: smlabb r2, r0, r1, r3
        bkpt #0
smlatt: smlatt r2, r0, r1, r3
        bkpt #0
smulwb: smulwb r2, r0, r1
        bkpt #0
smulwt: smulwt r2, r0, r1
        bkpt #0
smlawb: smlawb r2, r0, r1, r3
        bkpt #0
smlalbb: smlalbb r2, r3, r0, r1
        bkpt #0
smlaltb: smlaltb r2, r3, r0, r1
        bkpt #0
qadd:   qadd r2, r0, r1
        bkpt #0
qsub:   qsub r2, r0, r1
        bkpt #0
qdadd:  qdadd r2, r0, r1
        bkpt #0
qdsub:  qdsub r2, r0, r1
        bkpt #0
clz:    clz r2, r0
        bkpt #0
@ the Q flag through MRS / MSR
mrs:    mrs r2, cpsr
        bkpt #0
msr_f:  msr cpsr_f, r0
        bkpt #0
msr_c:  msr cpsr_c, r0
        bkpt #0
msr_imm: msr cpsr_f, #0xa0000000
        bkpt #0
