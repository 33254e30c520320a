@ Data processing: one instruction per snippet, then bkpt.
    .syntax unified
    .arm
    .text
adds:   adds r2, r0, r1
        bkpt #0
adcs:   adcs r2, r0, r1
        bkpt #0
subs:   subs r2, r0, r1
        bkpt #0
sbcs:   sbcs r2, r0, r1
        bkpt #0
rsbs:   rsbs r2, r0, r1
        bkpt #0
rscs:   rscs r2, r0, r1
        bkpt #0
cmp:    cmp r0, r1
        bkpt #0
cmn:    cmn r0, r1
        bkpt #0
tst:    tst r0, r1
        bkpt #0
teq:    teq r0, r1
        bkpt #0
ands:   ands r2, r0, r1
        bkpt #0
eors:   eors r2, r0, r1
        bkpt #0
orrs:   orrs r2, r0, r1
        bkpt #0
bics:   bics r2, r0, r1
        bkpt #0
mvns:   mvns r2, r1
        bkpt #0
add:    add r2, r0, r1
        bkpt #0
adc:    adc r2, r0, r1
        bkpt #0
sbc:    sbc r2, r0, r1
        bkpt #0
rsc:    rsc r2, r0, r1
        bkpt #0
ands_imm:   ands r2, r0, #0xff
        bkpt #0
movs_imm_rot:   movs r2, #0x80000000
        bkpt #0
movs_imm_rot2:  movs r2, #0x3f0
        bkpt #0
@ shift by immediate
movs_lsl0:  movs r2, r1
        bkpt #0
movs_lsl1:  movs r2, r1, lsl #1
        bkpt #0
movs_lsl31: movs r2, r1, lsl #31
        bkpt #0
movs_lsr1:  movs r2, r1, lsr #1
        bkpt #0
movs_lsr32: movs r2, r1, lsr #32
        bkpt #0
movs_asr1:  movs r2, r1, asr #1
        bkpt #0
movs_asr32: movs r2, r1, asr #32
        bkpt #0
movs_ror1:  movs r2, r1, ror #1
        bkpt #0
movs_ror31: movs r2, r1, ror #31
        bkpt #0
movs_rrx:   movs r2, r1, rrx
        bkpt #0
add_lsl3:   add r2, r0, r1, lsl #3
        bkpt #0
@ shift by register (count in r3)
movs_lsl_r: movs r2, r1, lsl r3
        bkpt #0
movs_lsr_r: movs r2, r1, lsr r3
        bkpt #0
movs_asr_r: movs r2, r1, asr r3
        bkpt #0
movs_ror_r: movs r2, r1, ror r3
        bkpt #0
@ the PC as operand and as destination
add_pc:     add r2, pc, #0
        bkpt #0
mov_pc_reg: mov r2, pc
        bkpt #0
mov_to_pc:  mov pc, r0
        bkpt #1
        bkpt #2
subs_pc_lr: subs pc, lr, #4
        bkpt #1
addeq_pc:   addeq pc, pc, #4
        bkpt #1
        bkpt #2
        bkpt #3
target1:    bkpt #9
