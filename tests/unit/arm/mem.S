@ Loads and stores.  r0 = base, r1 = index/value, result in r2.
    .syntax unified
    .arm
    .text
ldr_imm:        ldr r2, [r0, #4]
                bkpt #0
ldr_neg_pre_wb: ldr r2, [r0, #-4]!
                bkpt #0
ldr_post:       ldr r2, [r0], #8
                bkpt #0
ldr_reg:        ldr r2, [r0, r1]
                bkpt #0
ldr_reg_neg:    ldr r2, [r0, -r1]
                bkpt #0
ldr_scaled:     ldr r2, [r0, r1, lsl #2]
                bkpt #0
ldr_scaled_wb:  ldr r2, [r0, r1, lsl #2]!
                bkpt #0
ldr_post_asr:   ldr r2, [r0], -r1, asr #1
                bkpt #0
ldr_rrx:        ldr r2, [r0, r1, rrx]
                bkpt #0
ldr_lit:        ldr r2, 1f
                bkpt #0
1:              .word 0xcafef00d
ldrb:           ldrb r2, [r0, #3]
                bkpt #0
str_imm:        str r1, [r0, #8]
                bkpt #0
str_pre_wb:     str r1, [r0, #4]!
                bkpt #0
str_post_reg:   str r1, [r0], r3
                bkpt #0
strb:           strb r1, [r0, #1]
                bkpt #0
str_pc:         str pc, [r0]
                bkpt #0
ldrt:           ldrt r2, [r0], #4
                bkpt #0
strbt:          strbt r1, [r0], #1
                bkpt #0
ldrh:           ldrh r2, [r0, #2]
                bkpt #0
ldrh_reg_wb:    ldrh r2, [r0, r1]!
                bkpt #0
ldrsh:          ldrsh r2, [r0, #-2]
                bkpt #0
ldrsb_post:     ldrsb r2, [r0], #1
                bkpt #0
strh:           strh r1, [r0, #6]
                bkpt #0
strh_post_reg:  strh r1, [r0], -r3
                bkpt #0
ldrd:           ldrd r2, r3, [r0, #8]
                bkpt #0
ldrd_wb:        ldrd r2, r3, [r0, #-8]!
                bkpt #0
strd_post:      strd r2, r3, [r0], r1
                bkpt #0
ldrd_odd:       .word 0xe1c030d0        @ ldrd r3, [r0]: Rd odd
                bkpt #0
ldr_unaligned:  ldr r2, [r0, #1]
                bkpt #0
ldr_fault_wb:   ldr r2, [r0, #4]!
                bkpt #0
ldr_to_pc:      ldr pc, [r0]
                bkpt #1
swp:            swp r2, r1, [r0]
                bkpt #0
swpb:           swpb r2, r1, [r0]
                bkpt #0
@ block transfers, r0 as base
ldmia:          ldmia r0, {r1, r2, r3}
                bkpt #0
ldmia_wb:       ldmia r0!, {r1, r2}
                bkpt #0
ldmib_wb:       ldmib r0!, {r1, r2}
                bkpt #0
ldmda_wb:       ldmda r0!, {r1, r2}
                bkpt #0
ldmdb_wb:       ldmdb r0!, {r1, r2}
                bkpt #0
stmia_wb:       stmia r0!, {r1, r2}
                bkpt #0
stmib:          stmib r0, {r1, r2}
                bkpt #0
stmda_wb:       stmda r0!, {r1, r2}
                bkpt #0
stmdb_wb:       stmdb r0!, {r1, r2}
                bkpt #0
stm_base_first: stmia r0!, {r0, r1}
                bkpt #0
push:           push {r1, r2, lr}
                bkpt #0
pop_pc:         pop {r1, pc}
                bkpt #1
ldm_fault:      ldmia r0!, {r1, r2}
                bkpt #0
arm_target:     bkpt #7
    .thumb
thumb_target:   bkpt #8
