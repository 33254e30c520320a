@ VFP instructions.  Operands s0/s1 (d0/d1), accumulator and result s2
@ (d2); the C side sets the registers and FPSCR before each run.
    .syntax unified
    .arch armv7-a
    .fpu neon-vfpv4
    .arm
    .text
vadd:   vadd.f32 s2, s0, s1
        bkpt #0
vsub:   vsub.f32 s2, s0, s1
        bkpt #0
vmul:   vmul.f32 s2, s0, s1
        bkpt #0
vnmul:  vnmul.f32 s2, s0, s1
        bkpt #0
vdiv:   vdiv.f32 s2, s0, s1
        bkpt #0
vsqrt:  vsqrt.f32 s2, s1
        bkpt #0
vabs:   vabs.f32 s2, s1
        bkpt #0
vneg:   vneg.f32 s2, s1
        bkpt #0
vmla:   vmla.f32 s2, s0, s1
        bkpt #0
vmls:   vmls.f32 s2, s0, s1
        bkpt #0
vnmla:  vnmla.f32 s2, s0, s1
        bkpt #0
vnmls:  vnmls.f32 s2, s0, s1
        bkpt #0
vfma:   vfma.f32 s2, s0, s1
        bkpt #0
vfms:   vfms.f32 s2, s0, s1
        bkpt #0
vfnma:  vfnma.f32 s2, s0, s1
        bkpt #0
vfnms:  vfnms.f32 s2, s0, s1
        bkpt #0
vcmp:   vcmp.f32 s0, s1
        bkpt #0
vcmpe:  vcmpe.f32 s0, s1
        bkpt #0
vcmpz:  vcmp.f32 s0, #0
        bkpt #0
vcmp_mrs: vcmp.f32 s0, s1
        vmrs APSR_nzcv, fpscr
        movgt r0, #1
        movle r0, #2
        movvs r1, #3
        movvc r1, #4
        bkpt #0
vadd64: vadd.f64 d2, d0, d1
        bkpt #0
vmul64: vmul.f64 d2, d0, d1
        bkpt #0
vdiv64: vdiv.f64 d2, d0, d1
        bkpt #0
vsqrt64: vsqrt.f64 d2, d1
        bkpt #0
vfma64: vfma.f64 d2, d0, d1
        bkpt #0
vcmp64: vcmpe.f64 d0, d1
        bkpt #0
cvt_s32_f32:  vcvt.s32.f32 s2, s1
        bkpt #0
cvtr_s32_f32: vcvtr.s32.f32 s2, s1
        bkpt #0
cvt_u32_f32:  vcvt.u32.f32 s2, s1
        bkpt #0
cvt_f32_s32:  vcvt.f32.s32 s2, s1
        bkpt #0
cvt_f32_u32:  vcvt.f32.u32 s2, s1
        bkpt #0
cvt_s32_f64:  vcvt.s32.f64 s2, d1
        bkpt #0
cvt_f64_u32:  vcvt.f64.u32 d2, s1
        bkpt #0
cvt_f64_f32:  vcvt.f64.f32 d2, s1
        bkpt #0
cvt_f32_f64:  vcvt.f32.f64 s2, d1
        bkpt #0
cvt_s16_x8:   vcvt.s16.f32 s2, s2, #8
        bkpt #0
cvt_u32_x16:  vcvt.u32.f32 s2, s2, #16
        bkpt #0
cvt_s32_x1:   vcvt.s32.f32 s2, s2, #1
        bkpt #0
cvt_x8_s16:   vcvt.f32.s16 s2, s2, #8
        bkpt #0
cvt_x32_u32:  vcvt.f32.u32 s2, s2, #32
        bkpt #0
cvtb_f16_f32: vcvtb.f16.f32 s2, s1
        bkpt #0
cvtt_f16_f32: vcvtt.f16.f32 s2, s1
        bkpt #0
cvtb_f32_f16: vcvtb.f32.f16 s2, s1
        bkpt #0
cvtt_f32_f16: vcvtt.f32.f16 s2, s1
        bkpt #0
vmov_imm: vmov.f32 s2, #0.5
        vmov.f64 d3, #-2.0
        bkpt #0
vmov_core: vmov s2, r0
        vmov r1, s9
        vmov d3, r2, r3
        vmov r4, r5, d0
        vmov s4, s5, r6, r7
        vmov.32 d16[1], r8
        vmov.32 r9, d17[0]
        bkpt #0
vmov_reg: vmov.f32 s2, s9
        vmov.f64 d3, d0
        bkpt #0
vldr_vstr: vldr s2, [r0, #4]
        vldr d2, [r0, #8]
        vstr s9, [r0, #-4]
        vstr d0, [r0, #16]
        bkpt #0
vldr_lit: vldr d2, 1f
        vldr s1, 2f
        bkpt #0
        .align 3
1:      .word 0x11112222, 0x33334444
2:      .word 0x55556666
vldm_ia: vldmia r0!, {s5-s7}
        vstmia r1, {d0-d1}
        bkpt #0
vpush_pop: vpush {d0-d1}
        vpop {s4-s7}
        bkpt #0
vldmdb: vldmdb r0!, {d16-d17}
        bkpt #0
vmrs_vmsr: vmsr fpscr, r0
        vmrs r1, fpscr
        vmrs r2, fpexc
        vmrs r3, fpsid
        bkpt #0
vldr_fault: vldr d2, [r0]
        bkpt #0
vadd_d17: vadd.f64 d17, d16, d16
        bkpt #0
vcvt_cond: vcmp.f32 s0, s1
        vmrs APSR_nzcv, fpscr
        vaddeq.f32 s2, s0, s1
        vsubne.f32 s2, s0, s1
        bkpt #0

        .thumb
        .align 2
t_vfp:  vadd.f32 s2, s0, s1
        vcmp.f32 s0, s1
        vmrs APSR_nzcv, fpscr
        ite mi
        vmovmi r0, s2
        vnegpl.f32 s2, s2
        vmov r1, r2, d0
        bkpt #0
t_vldm: vpush {s0-s1}
        vldr s2, [sp]
        vpop {d3}
        bkpt #0
