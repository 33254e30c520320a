@ Thumb (16-bit) instructions.  Operands r0, r1; result r2.
    .syntax unified
    .thumb
    .text
lsls_imm:   lsls r2, r1, #4
            bkpt #0
lsrs_imm32: lsrs r2, r1, #32
            bkpt #0
asrs_imm:   asrs r2, r1, #1
            bkpt #0
adds_reg:   adds r2, r0, r1
            bkpt #0
subs_reg:   subs r2, r0, r1
            bkpt #0
adds_imm3:  adds r2, r0, #7
            bkpt #0
subs_imm3:  subs r2, r0, #1
            bkpt #0
movs_imm:   movs r2, #200
            bkpt #0
cmp_imm:    cmp r0, #10
            bkpt #0
adds_imm8:  adds r0, #255
            bkpt #0
subs_imm8:  subs r0, #1
            bkpt #0
ands:       ands r0, r1
            bkpt #0
eors:       eors r0, r1
            bkpt #0
lsls_reg:   lsls r0, r1
            bkpt #0
lsrs_reg:   lsrs r0, r1
            bkpt #0
asrs_reg:   asrs r0, r1
            bkpt #0
adcs:       adcs r0, r1
            bkpt #0
sbcs:       sbcs r0, r1
            bkpt #0
rors:       rors r0, r1
            bkpt #0
tst:        tst r0, r1
            bkpt #0
negs:       negs r0, r1
            bkpt #0
cmp_reg:    cmp r0, r1
            bkpt #0
cmn:        cmn r0, r1
            bkpt #0
orrs:       orrs r0, r1
            bkpt #0
muls:       muls r0, r1, r0
            bkpt #0
bics:       bics r0, r1
            bkpt #0
mvns:       mvns r0, r1
            bkpt #0
add_hi:     add r8, r1
            bkpt #0
cmp_hi:     cmp r8, r1
            bkpt #0
mov_hi:     mov r9, r0
            bkpt #0
mov_pc:     mov pc, r0
            bkpt #1
add_pc:     add r2, pc
            bkpt #0
@ loads and stores
ldr_lit:    ldr r2, lit_word
            bkpt #0
            .align 2
lit_word:   .word 0x600dcafe
str_reg:    str r1, [r0, r3]
            bkpt #0
strh_reg:   strh r1, [r0, r3]
            bkpt #0
strb_reg:   strb r1, [r0, r3]
            bkpt #0
ldrsb_reg:  ldrsb r2, [r0, r3]
            bkpt #0
ldr_reg:    ldr r2, [r0, r3]
            bkpt #0
ldrh_reg:   ldrh r2, [r0, r3]
            bkpt #0
ldrb_reg:   ldrb r2, [r0, r3]
            bkpt #0
ldrsh_reg:  ldrsh r2, [r0, r3]
            bkpt #0
str_imm:    str r1, [r0, #124]
            bkpt #0
ldr_imm:    ldr r2, [r0, #4]
            bkpt #0
strb_imm:   strb r1, [r0, #31]
            bkpt #0
ldrb_imm:   ldrb r2, [r0, #5]
            bkpt #0
strh_imm:   strh r1, [r0, #62]
            bkpt #0
ldrh_imm:   ldrh r2, [r0, #6]
            bkpt #0
str_sp:     str r1, [sp, #1020]
            bkpt #0
ldr_sp:     ldr r2, [sp, #8]
            bkpt #0
adr:        adr r2, adr_target
            bkpt #0
            .align 2
adr_target: nop
add_sp_imm8: add r2, sp, #1020
            bkpt #0
add_sp:     add sp, #508
            bkpt #0
sub_sp:     sub sp, #12
            bkpt #0
push:       push {r0, r1, lr}
            bkpt #0
pop:        pop {r0, r1}
            bkpt #0
pop_pc:     pop {r0, pc}
            bkpt #1
stmia:      stmia r0!, {r1, r2}
            bkpt #0
ldmia:      ldmia r0!, {r1, r2}
            bkpt #0
ldmia_base: ldmia r0, {r0, r1}
            bkpt #0
@ branches and exceptions
beq:        beq 1f
            bkpt #1
1:          bkpt #2
bgt_back:   b 2f
1:          bkpt #3
2:          bgt 1b
            bkpt #4
b:          b 1f
            bkpt #1
1:          bkpt #2
bl:         bl t_far
            bkpt #1
blx_imm:    blx a_target
            bkpt #1
bx_arm:     bx r0
            bkpt #1
blx_reg:    blx r0
            bkpt #1
svc:        svc #42
            bkpt #0
bkpt:       bkpt #0x77
udf:        .short 0xde00
sxth_v6:    .short 0xb200
cbz_v7:     .short 0xb100
bl_prefix:  .short 0xf000, 0x46c0      @ BL prefix then a MOV: halves apart
            bkpt #0
bl_suffix:  .short 0xf802               @ BL suffix alone: LR + 4
            bkpt #1
            bkpt #2
            bkpt #3
t_far:      bkpt #7
            .align 2
    .arm
a_target:   bkpt #8
a_bkpt:     bkpt #6

@ A BL pair whose suffix is on the next page.
    .thumb
    .balign 4096
    .space 4094
cross_pair: bl cross_target
            bkpt #1
cross_target: bkpt #5
