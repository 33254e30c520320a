@ Branches, interworking, SVC/BKPT, undefined encodings, coprocessors.
    .syntax unified
    .arm
    .text
b_fwd:      b 1f
            bkpt #1
1:          bkpt #2
bl_fwd:     bl 1f
            bkpt #1
1:          bkpt #2
b_back:     b 2f
1:          bkpt #3
2:          b 1b
bx_thumb:   bx r0
            bkpt #1
blx_reg:    blx r0
            bkpt #1
blx_imm:    blx t_bx_lr
            bkpt #5
blx_imm_h:  blx t_bkpt9_h
            bkpt #1
svc:        svc #0x123456
            bkpt #0
bkpt_arm:   bkpt #0x1234
udf:        .word 0xe7f000f0
mcr:        mcr p15, 0, r0, c7, c10, 5
mrc_tls:    mrc p15, 0, r2, c13, c0, 3
            bkpt #0
mrc_other:  mrc p15, 0, r2, c1, c0, 0
cdp:        cdp p1, 0, c0, c0, c0, 0
ldc:        ldc p1, c0, [r0]
uncond:     .word 0xf0000000
pld:        pld [r0, #4]
            bkpt #0
media:      .word 0xe6a00010                @ ARMv6 SSAT: undefined on v5
msr_spsr:   msr spsr_f, r0
ldm_empty:  .word 0xe8900000                @ ldm r0, {}
arm_ret:    bkpt #6
kcall:      blx r4
            bkpt #0
bp_here:    mov r2, #1
            mov r3, #2
            bkpt #0
    .thumb
    .syntax unified
t_bx_lr:    bx lr
            .align 2
            nop
t_bkpt9_h:  bkpt #9
t_bkpt4:    bkpt #4
