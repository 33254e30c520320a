@ Conditional execution: r2 = 1 when the condition holds, else 0.
    .syntax unified
    .arm
    .text
    .macro cc name
c_\name:    mov r2, #0
            mov\name r2, #1
            bkpt #0
    .endm
    cc eq
    cc ne
    cc cs
    cc cc
    cc mi
    cc pl
    cc vs
    cc vc
    cc hi
    cc ls
    cc ge
    cc lt
    cc gt
    cc le
@ a failed condition skips loads (no fault), branches and undefined ones
ldrne_unmapped: ldrne r2, [r0]
            bkpt #0
beq_fwd:    beq 1f
            bkpt #1
1:          bkpt #2
bleq_fwd:   bleq 1f
            bkpt #1
1:          bkpt #2
udef_ne:    .word 0x17f000f0        @ UDF with condition NE
            bkpt #0
svcne:      svcne #0
            bkpt #0
@ several conditional instructions in one block reuse the flags
chain:      cmp r0, r1
            movgt r2, #1
            movle r2, #2
            addeq r2, r2, #10
            bkpt #0
