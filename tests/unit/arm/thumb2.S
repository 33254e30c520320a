@ Thumb-2 (32-bit T32 encodings, IT blocks, CBZ, TBB/TBH).
@ Operands r0, r1 (r3 third); results r2 (and others as noted).
    .syntax unified
    .arch armv7ve
    .thumb
    .text
    .align 2
it_eq:  cmp r0, r1
        ite eq
        moveq r2, #1
        movne r2, #2
        bkpt #0
it_noflags:                     @ 16-bit ALU ops in an IT block set no flags
        cmp r0, r1
        itt eq
        addeq r2, r0, #1
        lsleq r3, r0, #4
        bkpt #0
it_four:
        cmp r0, #5
        itete gt
        movgt r2, #1
        movle r2, #2
        addgt r2, r2, #10
        addle r2, r2, #20
        bkpt #0
it_fault:                       @ the load in the block faults
        cmp r0, r0
        itte eq
        moveq r2, #1
        ldreq r3, [r1]
        movne r2, #9
        bkpt #0
it_wide:
        cmp r0, #0
        ite ne
        addne.w r2, r0, #0x10000
        subeq.w r2, r1, #1
        bkpt #0
addw:   addw r2, r0, #0xfff
        bkpt #0
subw:   subw r2, r0, #0x123
        bkpt #0
adr_w:  adr.w r2, lit
        bkpt #0
movw_t: movw r2, #0x1234
        movt r2, #0xabcd
        bkpt #0
orr_imm_rep:
        orr r2, r0, #0x00ff00ff
        bkpt #0
and_imm_rot:
        ands r2, r0, #0x80000000
        bkpt #0
eor_rep: eor r2, r0, #0xabababab
        bkpt #0
orn:    orn r2, r0, r1
        bkpt #0
mvns_w: mvns.w r2, r0
        bkpt #0
adds_lsl: adds.w r2, r0, r1, lsl #4
        bkpt #0
subs_asr: subs.w r2, r0, r1, asr #31
        bkpt #0
rsb_w:  rsb.w r2, r0, #100
        bkpt #0
adc_w:  adc.w r2, r0, r1
        bkpt #0
cmp_w:  cmp.w r0, #0x10000
        bkpt #0
tst_w:  tst.w r0, #0xff000000
        bkpt #0
lsl_reg: lsls.w r2, r0, r1
        bkpt #0
ror_imm: ror r2, r0, #8
        bkpt #0
rrx_w:  rrxs r2, r0
        bkpt #0
mul_w:  mla r2, r0, r1, r3
        bkpt #0
mls_w:  mls r2, r0, r1, r3
        bkpt #0
smull_w: smull r2, r3, r0, r1
        bkpt #0
umlal_w: umlal r2, r3, r0, r1
        bkpt #0
sdiv_w: sdiv r2, r0, r1
        bkpt #0
udiv_w: udiv r2, r0, r1
        bkpt #0
smulbt_w: smulbt r2, r0, r1
        bkpt #0
smmul_w: smmulr r2, r0, r1
        bkpt #0
bfi_w:  bfi r0, r1, #4, #8
        bkpt #0
ubfx_w: ubfx r2, r0, #8, #8
        bkpt #0
sbfx_w: sbfx r2, r0, #8, #8
        bkpt #0
clz_w:  clz r2, r0
        bkpt #0
rbit_w: rbit r2, r0
        bkpt #0
rev_w:  rev.w r2, r0
        bkpt #0
rev16:  rev16 r2, r0
        bkpt #0
uxtb_n: uxtb r2, r0
        bkpt #0
sxtah_w: sxtah r2, r1, r0, ror #16
        bkpt #0
uadd8_w: uadd8 r2, r0, r1
        sel r3, r0, r1
        bkpt #0
qadd_w: qadd r2, r0, r1
        bkpt #0
ssat_w: ssat r2, #8, r0
        bkpt #0
usat16_w: usat16 r2, #4, r0
        bkpt #0
pkhtb_w: pkhtb r2, r0, r1, asr #16
        bkpt #0
ldr_imm12: ldr.w r2, [r0, #0x104]
        bkpt #0
ldr_pre: ldr r2, [r0, #4]!
        bkpt #0
ldr_post: ldr r2, [r0], #-4
        bkpt #0
ldrsb_neg: ldrsb r2, [r0, #-1]
        bkpt #0
ldrh_reg: ldrh.w r2, [r0, r1, lsl #1]
        bkpt #0
strb_w: strb.w r1, [r0, #3]
        bkpt #0
strh_post: strh r1, [r0], #2
        bkpt #0
ldr_lit: ldr.w r2, lit
        bkpt #0
ldrd_w: ldrd r2, r3, [r0, #8]
        bkpt #0
strd_pre: strd r2, r3, [r0, #-8]!
        bkpt #0
push_w: push.w {r4-r7, lr}
        pop.w {r8-r12}
        bkpt #0
stmdb_w: stmdb r0!, {r1, r2, r3}
        ldmia.w r0, {r4, r5, r6}
        bkpt #0
ldrex_w: ldrex r2, [r0, #4]
        strex r4, r1, [r0, #4]
        bkpt #0
ldrexh_w: ldrexh r2, [r0]
        strexh r4, r1, [r0]
        bkpt #0
ldrexd_w: ldrexd r2, r3, [r0]
        strexd r4, r6, r7, [r0]
        bkpt #0
pld_w:  pld [r0, #64]
        dmb ish
        mov r2, #5
        bkpt #0
cbz:    cbz r0, 1f
        mov r2, #1
        bkpt #0
1:      mov r2, #2
        bkpt #0
cbnz:   cbnz r0, 1f
        mov r2, #1
        bkpt #0
1:      mov r2, #2
        bkpt #0
tbb:    tbb [pc, r0]
2:      .byte (10f - 2b) / 2, (11f - 2b) / 2, (12f - 2b) / 2, 0
10:     mov r2, #10
        bkpt #0
11:     mov r2, #11
        bkpt #0
12:     mov r2, #12
        bkpt #0
tbh:    tbh [pc, r0, lsl #1]
3:      .short (20f - 3b) / 2, (21f - 3b) / 2
20:     mov r2, #20
        bkpt #0
21:     mov r2, #21
        bkpt #0
bcond_w: cmp r0, #0
        beq.w 1f
        mov r2, #1
        bkpt #0
1:      mov r2, #2
        bkpt #0
bl_w:   bl 1f
        bkpt #1
1:      mov r2, lr
        bkpt #0
blx_arm: blx arm_target
        bkpt #0
mrs_msr: mrs r2, apsr
        msr apsr_nzcvq, r0
        bkpt #0
udf_w:  udf.w #0
        bkpt #0
smc_src:                        @ copied to a writable page by the test
        cmp r0, r0
        itttt eq
        strheq r1, [r4]         @ r4 = address of smc_patch in the copy
        isbeq                   @ the architecture's step before running it
smc_patch:
        moveq r3, #1
        addeq r3, r3, #0x10
        bkpt #0
smc_end:
        .align 2
lit:    .word 0x600dcafe
        .arm
arm_target:
        mov r2, #42
        bx lr
