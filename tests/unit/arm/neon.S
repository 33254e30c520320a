@ Advanced SIMD instructions, one per snippet, each followed by BKPT.
@ Operands: D forms read d0 (Vn) and d1 (Vm) and write d2; Q forms read
@ q2, q3 and write q4; long forms write q4, narrow ones read q2/q3 and
@ write d2; shifts by register shift d1 by d0; loads/stores use r0 as
@ the base and r2 as the post-increment register.
    .syntax unified
    .arch armv7-a
    .fpu neon-vfpv4
    .arm
    .text
vadd_i8:
        vadd.i8 d2, d0, d1
        bkpt #0
vadd_i64:
        vadd.i64 d2, d0, d1
        bkpt #0
vsub_i16:
        vsub.i16 d2, d0, d1
        bkpt #0
vsub_i64:
        vsub.i64 d2, d0, d1
        bkpt #0
vhadd_s8:
        vhadd.s8 d2, d0, d1
        bkpt #0
vhadd_u8:
        vhadd.u8 d2, d0, d1
        bkpt #0
vrhadd_s16:
        vrhadd.s16 d2, d0, d1
        bkpt #0
vrhadd_u32:
        vrhadd.u32 d2, d0, d1
        bkpt #0
vhsub_s8:
        vhsub.s8 d2, d0, d1
        bkpt #0
vhsub_u16:
        vhsub.u16 d2, d0, d1
        bkpt #0
vqadd_s8:
        vqadd.s8 d2, d0, d1
        bkpt #0
vqadd_u8:
        vqadd.u8 d2, d0, d1
        bkpt #0
vqadd_s16:
        vqadd.s16 d2, d0, d1
        bkpt #0
vqadd_u32:
        vqadd.u32 d2, d0, d1
        bkpt #0
vqadd_s64:
        vqadd.s64 d2, d0, d1
        bkpt #0
vqadd_u64:
        vqadd.u64 d2, d0, d1
        bkpt #0
vqsub_s8:
        vqsub.s8 d2, d0, d1
        bkpt #0
vqsub_u16:
        vqsub.u16 d2, d0, d1
        bkpt #0
vqsub_s32:
        vqsub.s32 d2, d0, d1
        bkpt #0
vqsub_s64:
        vqsub.s64 d2, d0, d1
        bkpt #0
vcgt_s8:
        vcgt.s8 d2, d0, d1
        bkpt #0
vcgt_u8:
        vcgt.u8 d2, d0, d1
        bkpt #0
vcge_s16:
        vcge.s16 d2, d0, d1
        bkpt #0
vcge_u32:
        vcge.u32 d2, d0, d1
        bkpt #0
vceq_i8:
        vceq.i8 d2, d0, d1
        bkpt #0
vtst_8:
        vtst.8 d2, d0, d1
        bkpt #0
vmax_s8:
        vmax.s8 d2, d0, d1
        bkpt #0
vmax_u16:
        vmax.u16 d2, d0, d1
        bkpt #0
vmin_s32:
        vmin.s32 d2, d0, d1
        bkpt #0
vmin_u8:
        vmin.u8 d2, d0, d1
        bkpt #0
vabd_s8:
        vabd.s8 d2, d0, d1
        bkpt #0
vabd_u16:
        vabd.u16 d2, d0, d1
        bkpt #0
vaba_u8:
        vaba.u8 d2, d0, d1
        bkpt #0
vaba_s32:
        vaba.s32 d2, d0, d1
        bkpt #0
vmla_i8:
        vmla.i8 d2, d0, d1
        bkpt #0
vmls_i16:
        vmls.i16 d2, d0, d1
        bkpt #0
vmul_i32:
        vmul.i32 d2, d0, d1
        bkpt #0
vmul_p8:
        vmul.p8 d2, d0, d1
        bkpt #0
vqdmulh_s16:
        vqdmulh.s16 d2, d0, d1
        bkpt #0
vqrdmulh_s16:
        vqrdmulh.s16 d2, d0, d1
        bkpt #0
vqdmulh_s32:
        vqdmulh.s32 d2, d0, d1
        bkpt #0
vqrdmulh_s32:
        vqrdmulh.s32 d2, d0, d1
        bkpt #0
vpadd_i8:
        vpadd.i8 d2, d0, d1
        bkpt #0
vpadd_i16:
        vpadd.i16 d2, d0, d1
        bkpt #0
vpmax_s8:
        vpmax.s8 d2, d0, d1
        bkpt #0
vpmin_u16:
        vpmin.u16 d2, d0, d1
        bkpt #0
vpmax_u32:
        vpmax.u32 d2, d0, d1
        bkpt #0
vand:
        vand d2, d0, d1
        bkpt #0
vbic:
        vbic d2, d0, d1
        bkpt #0
vorr:
        vorr d2, d0, d1
        bkpt #0
vorn:
        vorn d2, d0, d1
        bkpt #0
veor:
        veor d2, d0, d1
        bkpt #0
vbsl:
        vbsl d2, d0, d1
        bkpt #0
vbit:
        vbit d2, d0, d1
        bkpt #0
vbif:
        vbif d2, d0, d1
        bkpt #0
vadd_f32:
        vadd.f32 d2, d0, d1
        bkpt #0
vsub_f32:
        vsub.f32 d2, d0, d1
        bkpt #0
vmul_f32:
        vmul.f32 d2, d0, d1
        bkpt #0
vmla_f32:
        vmla.f32 d2, d0, d1
        bkpt #0
vmls_f32:
        vmls.f32 d2, d0, d1
        bkpt #0
vfma_f32:
        vfma.f32 d2, d0, d1
        bkpt #0
vfms_f32:
        vfms.f32 d2, d0, d1
        bkpt #0
vabd_f32:
        vabd.f32 d2, d0, d1
        bkpt #0
vmax_f32:
        vmax.f32 d2, d0, d1
        bkpt #0
vmin_f32:
        vmin.f32 d2, d0, d1
        bkpt #0
vpadd_f32:
        vpadd.f32 d2, d0, d1
        bkpt #0
vpmax_f32:
        vpmax.f32 d2, d0, d1
        bkpt #0
vpmin_f32:
        vpmin.f32 d2, d0, d1
        bkpt #0
vceq_f32:
        vceq.f32 d2, d0, d1
        bkpt #0
vcge_f32:
        vcge.f32 d2, d0, d1
        bkpt #0
vcgt_f32:
        vcgt.f32 d2, d0, d1
        bkpt #0
vacge_f32:
        vacge.f32 d2, d0, d1
        bkpt #0
vacgt_f32:
        vacgt.f32 d2, d0, d1
        bkpt #0
vrecps_f32:
        vrecps.f32 d2, d0, d1
        bkpt #0
vrsqrts_f32:
        vrsqrts.f32 d2, d0, d1
        bkpt #0
vshl_s8:
        vshl.s8 d2, d1, d0
        bkpt #0
vshl_u8:
        vshl.u8 d2, d1, d0
        bkpt #0
vshl_s64:
        vshl.s64 d2, d1, d0
        bkpt #0
vrshl_s16:
        vrshl.s16 d2, d1, d0
        bkpt #0
vrshl_u32:
        vrshl.u32 d2, d1, d0
        bkpt #0
vqshl_s8:
        vqshl.s8 d2, d1, d0
        bkpt #0
vqshl_u16:
        vqshl.u16 d2, d1, d0
        bkpt #0
vqshl_s64:
        vqshl.s64 d2, d1, d0
        bkpt #0
vqrshl_s32:
        vqrshl.s32 d2, d1, d0
        bkpt #0
vqrshl_u8:
        vqrshl.u8 d2, d1, d0
        bkpt #0
vadd_i32_q:
        vadd.i32 q4, q2, q3
        bkpt #0
vqadd_s8_q:
        vqadd.s8 q4, q2, q3
        bkpt #0
vmul_f32_q:
        vmul.f32 q4, q2, q3
        bkpt #0
veor_q:
        veor q4, q2, q3
        bkpt #0
vmax_u8_q:
        vmax.u8 q4, q2, q3
        bkpt #0
vmul_i16_sc:
        vmul.i16 d2, d0, d1[3]
        bkpt #0
vmla_i32_sc:
        vmla.i32 d2, d0, d1[1]
        bkpt #0
vmls_i16_sc_q:
        vmls.i16 q4, q2, d1[0]
        bkpt #0
vmul_f32_sc:
        vmul.f32 d2, d0, d1[1]
        bkpt #0
vmla_f32_sc_q:
        vmla.f32 q4, q2, d1[0]
        bkpt #0
vqdmulh_s16_sc:
        vqdmulh.s16 d2, d0, d1[2]
        bkpt #0
vqrdmulh_s32_sc:
        vqrdmulh.s32 d2, d0, d1[0]
        bkpt #0
vmull_s16_sc:
        vmull.s16 q4, d0, d1[1]
        bkpt #0
vmlal_u32_sc:
        vmlal.u32 q4, d0, d1[1]
        bkpt #0
vqdmull_s16_sc:
        vqdmull.s16 q4, d0, d1[0]
        bkpt #0
vqdmlal_s32_sc:
        vqdmlal.s32 q4, d0, d1[1]
        bkpt #0
vqdmlsl_s16_sc:
        vqdmlsl.s16 q4, d0, d1[3]
        bkpt #0
vaddl_s8:
        vaddl.s8 q4, d0, d1
        bkpt #0
vaddl_u16:
        vaddl.u16 q4, d0, d1
        bkpt #0
vsubl_u8:
        vsubl.u8 q4, d0, d1
        bkpt #0
vsubl_s32:
        vsubl.s32 q4, d0, d1
        bkpt #0
vabdl_s8:
        vabdl.s8 q4, d0, d1
        bkpt #0
vabal_u16:
        vabal.u16 q4, d0, d1
        bkpt #0
vmull_s8:
        vmull.s8 q4, d0, d1
        bkpt #0
vmull_u32:
        vmull.u32 q4, d0, d1
        bkpt #0
vmull_p8:
        vmull.p8 q4, d0, d1
        bkpt #0
vmlal_s16:
        vmlal.s16 q4, d0, d1
        bkpt #0
vmlsl_u8:
        vmlsl.u8 q4, d0, d1
        bkpt #0
vqdmull_s16:
        vqdmull.s16 q4, d0, d1
        bkpt #0
vqdmull_s32:
        vqdmull.s32 q4, d0, d1
        bkpt #0
vqdmlal_s16:
        vqdmlal.s16 q4, d0, d1
        bkpt #0
vqdmlsl_s32:
        vqdmlsl.s32 q4, d0, d1
        bkpt #0
vaddw_s8:
        vaddw.s8 q4, q2, d1
        bkpt #0
vsubw_u16:
        vsubw.u16 q4, q2, d1
        bkpt #0
vaddhn_i16:
        vaddhn.i16 d2, q2, q3
        bkpt #0
vraddhn_i16:
        vraddhn.i16 d2, q2, q3
        bkpt #0
vsubhn_i32:
        vsubhn.i32 d2, q2, q3
        bkpt #0
vrsubhn_i64:
        vrsubhn.i64 d2, q2, q3
        bkpt #0
vshr_s8_3:
        vshr.s8 d2, d1, #3
        bkpt #0
vshr_u8_8:
        vshr.u8 d2, d1, #8
        bkpt #0
vshr_s8_8:
        vshr.s8 d2, d1, #8
        bkpt #0
vshr_s64_64:
        vshr.s64 d2, d1, #64
        bkpt #0
vrshr_s16_4:
        vrshr.s16 d2, d1, #4
        bkpt #0
vrshr_u32_32:
        vrshr.u32 d2, d1, #32
        bkpt #0
vsra_u8_2:
        vsra.u8 d2, d1, #2
        bkpt #0
vrsra_s32_1:
        vrsra.s32 d2, d1, #1
        bkpt #0
vsri_8_3:
        vsri.8 d2, d1, #3
        bkpt #0
vsri_16_16:
        vsri.16 d2, d1, #16
        bkpt #0
vsli_8_3:
        vsli.8 d2, d1, #3
        bkpt #0
vsli_64_0:
        vsli.64 d2, d1, #0
        bkpt #0
vshl_i16_5:
        vshl.i16 d2, d1, #5
        bkpt #0
vshl_i64_63:
        vshl.i64 d2, d1, #63
        bkpt #0
vqshl_s8_2:
        vqshl.s8 d2, d1, #2
        bkpt #0
vqshl_u16_4:
        vqshl.u16 d2, d1, #4
        bkpt #0
vqshlu_s8_1:
        vqshlu.s8 d2, d1, #1
        bkpt #0
vqshl_s32_0:
        vqshl.s32 d2, d1, #0
        bkpt #0
vqshlu_s64_3:
        vqshlu.s64 d2, d1, #3
        bkpt #0
vshrn_i16_4:
        vshrn.i16 d2, q3, #4
        bkpt #0
vrshrn_i32_16:
        vrshrn.i32 d2, q3, #16
        bkpt #0
vqshrn_s16_2:
        vqshrn.s16 d2, q3, #2
        bkpt #0
vqshrn_u32_8:
        vqshrn.u32 d2, q3, #8
        bkpt #0
vqrshrn_s64_32:
        vqrshrn.s64 d2, q3, #32
        bkpt #0
vqshrun_s16_1:
        vqshrun.s16 d2, q3, #1
        bkpt #0
vqrshrun_s32_4:
        vqrshrun.s32 d2, q3, #4
        bkpt #0
vshll_s8_3:
        vshll.s8 q4, d1, #3
        bkpt #0
vshll_u16_16:
        vshll.u16 q4, d1, #16
        bkpt #0
vmovl_s8:
        vmovl.s8 q4, d1
        bkpt #0
vmovl_u32:
        vmovl.u32 q4, d1
        bkpt #0
vrev64_8:
        vrev64.8 d2, d1
        bkpt #0
vrev64_32:
        vrev64.32 d2, d1
        bkpt #0
vrev32_16:
        vrev32.16 d2, d1
        bkpt #0
vrev16_8:
        vrev16.8 d2, d1
        bkpt #0
vpaddl_s8:
        vpaddl.s8 d2, d1
        bkpt #0
vpaddl_u16:
        vpaddl.u16 d2, d1
        bkpt #0
vpadal_u8:
        vpadal.u8 d2, d1
        bkpt #0
vpadal_s32:
        vpadal.s32 d2, d1
        bkpt #0
vcls_s8:
        vcls.s8 d2, d1
        bkpt #0
vclz_i16:
        vclz.i16 d2, d1
        bkpt #0
vclz_i32:
        vclz.i32 d2, d1
        bkpt #0
vcnt_8:
        vcnt.8 d2, d1
        bkpt #0
vmvn:
        vmvn d2, d1
        bkpt #0
vqabs_s8:
        vqabs.s8 d2, d1
        bkpt #0
vqneg_s16:
        vqneg.s16 d2, d1
        bkpt #0
vabs_s8:
        vabs.s8 d2, d1
        bkpt #0
vneg_s32:
        vneg.s32 d2, d1
        bkpt #0
vceq0_i8:
        vceq.i8 d2, d1, #0
        bkpt #0
vcge0_s8:
        vcge.s8 d2, d1, #0
        bkpt #0
vcgt0_s16:
        vcgt.s16 d2, d1, #0
        bkpt #0
vcle0_s8:
        vcle.s8 d2, d1, #0
        bkpt #0
vclt0_s32:
        vclt.s32 d2, d1, #0
        bkpt #0
vabs_f32:
        vabs.f32 d2, d1
        bkpt #0
vneg_f32:
        vneg.f32 d2, d1
        bkpt #0
vceq0_f32:
        vceq.f32 d2, d1, #0
        bkpt #0
vcge0_f32:
        vcge.f32 d2, d1, #0
        bkpt #0
vcgt0_f32:
        vcgt.f32 d2, d1, #0
        bkpt #0
vcle0_f32:
        vcle.f32 d2, d1, #0
        bkpt #0
vclt0_f32:
        vclt.f32 d2, d1, #0
        bkpt #0
vmovn_i16:
        vmovn.i16 d2, q3
        bkpt #0
vqmovn_s16:
        vqmovn.s16 d2, q3
        bkpt #0
vqmovn_u32:
        vqmovn.u32 d2, q3
        bkpt #0
vqmovun_s16:
        vqmovun.s16 d2, q3
        bkpt #0
vqmovn_s64:
        vqmovn.s64 d2, q3
        bkpt #0
vshll_i8_8:
        vshll.i8 q4, d1, #8
        bkpt #0
vshll_i32_32:
        vshll.i32 q4, d1, #32
        bkpt #0
vrecpe_u32:
        vrecpe.u32 d2, d1
        bkpt #0
vrsqrte_u32:
        vrsqrte.u32 d2, d1
        bkpt #0
vrecpe_f32:
        vrecpe.f32 d2, d1
        bkpt #0
vrsqrte_f32:
        vrsqrte.f32 d2, d1
        bkpt #0
vcvt_f32_s32:
        vcvt.f32.s32 d2, d1
        bkpt #0
vcvt_f32_u32:
        vcvt.f32.u32 d2, d1
        bkpt #0
vcvt_s32_f32:
        vcvt.s32.f32 d2, d1
        bkpt #0
vcvt_u32_f32:
        vcvt.u32.f32 d2, d1
        bkpt #0
vcvt_s32_f32_16:
        vcvt.s32.f32 d2, d1, #16
        bkpt #0
vcvt_f32_u32_8:
        vcvt.f32.u32 d2, d1, #8
        bkpt #0
vcvt_u32_f32_32:
        vcvt.u32.f32 d2, d1, #32
        bkpt #0
vcvt_f16_f32:
        vcvt.f16.f32 d2, q3
        bkpt #0
vcvt_f32_f16:
        vcvt.f32.f16 q4, d1
        bkpt #0
vswp:
        vswp d1, d2
        bkpt #0
vtrn_8:
        vtrn.8 d1, d2
        bkpt #0
vtrn_32:
        vtrn.32 d1, d2
        bkpt #0
vzip_8:
        vzip.8 d1, d2
        bkpt #0
vzip_16:
        vzip.16 d1, d2
        bkpt #0
vuzp_8:
        vuzp.8 d1, d2
        bkpt #0
vuzp_16:
        vuzp.16 d1, d2
        bkpt #0
vzip_32_q:
        vzip.32 q3, q4
        bkpt #0
vuzp_32_q:
        vuzp.32 q3, q4
        bkpt #0
vtrn_16_q:
        vtrn.16 q3, q4
        bkpt #0
vext_3:
        vext.8 d2, d0, d1, #3
        bkpt #0
vext_q_13:
        vext.8 q4, q2, q3, #13
        bkpt #0
vext_q_s16:
        vext.16 q4, q2, q3, #3
        bkpt #0
vtbl1:
        vtbl.8 d2, {d0}, d1
        bkpt #0
vtbl2:
        vtbl.8 d2, {d4, d5}, d1
        bkpt #0
vtbl4:
        vtbl.8 d2, {d4, d5, d6, d7}, d1
        bkpt #0
vtbx1:
        vtbx.8 d2, {d0}, d1
        bkpt #0
vtbx3:
        vtbx.8 d2, {d4, d5, d6}, d1
        bkpt #0
vdup_8:
        vdup.8 d2, d1[5]
        bkpt #0
vdup_16_q:
        vdup.16 q4, d1[3]
        bkpt #0
vdup_32:
        vdup.32 d2, d1[1]
        bkpt #0
vmov_i32_1:
        vmov.i32 d2, #0x5a
        bkpt #0
vmov_i32_2:
        vmov.i32 d2, #0x5a00
        bkpt #0
vmov_i32_3:
        vmov.i32 d2, #0x5a0000
        bkpt #0
vmov_i32_4:
        vmov.i32 d2, #0x5a000000
        bkpt #0
vmov_i16_1:
        vmov.i16 d2, #0xa5
        bkpt #0
vmov_i16_2:
        vmov.i16 q4, #0xa500
        bkpt #0
vmov_i32_ones8:
        vmov.i32 d2, #0x5aff
        bkpt #0
vmov_i32_ones16:
        vmov.i32 d2, #0x5affff
        bkpt #0
vmov_i8:
        vmov.i8 q4, #0x81
        bkpt #0
vmov_i64:
        vmov.i64 d2, #0xff0000ff00ffff00
        bkpt #0
vmov_f32:
        vmov.f32 d2, #-2.5
        bkpt #0
vmov_f32_b:
        vmov.f32 q4, #0.125
        bkpt #0
vmvn_i32:
        vmvn.i32 d2, #0x5a00
        bkpt #0
vmvn_i16:
        vmvn.i16 d2, #0xa5
        bkpt #0
vmvn_i32_ones:
        vmvn.i32 d2, #0x5aff
        bkpt #0
vorr_i32:
        vorr.i32 d2, #0x5a0000
        bkpt #0
vorr_i16:
        vorr.i16 d2, #0xa5
        bkpt #0
vbic_i32:
        vbic.i32 d2, #0xff
        bkpt #0
vbic_i16:
        vbic.i16 q4, #0xff00
        bkpt #0
vmov_d:
        vmov d2, d1
        bkpt #0
vmov_q:
        vmov q4, q3
        bkpt #0
vmov_to_s8:
        vmov.8 d2[5], r0
        bkpt #0
vmov_to_s16:
        vmov.16 d2[3], r0
        bkpt #0
vmov_to_s32:
        vmov.32 d18[1], r0
        bkpt #0
vmov_from_s8:
        vmov.s8 r1, d1[6]
        bkpt #0
vmov_from_u8:
        vmov.u8 r1, d1[7]
        bkpt #0
vmov_from_s16:
        vmov.s16 r1, d1[1]
        bkpt #0
vmov_from_u16:
        vmov.u16 r1, d1[3]
        bkpt #0
vmov_from_32:
        vmov.32 r1, d17[1]
        bkpt #0
vdup_r_8:
        vdup.8 d2, r0
        bkpt #0
vdup_r_16:
        vdup.16 q4, r0
        bkpt #0
vdup_r_32:
        vdup.32 d2, r0
        bkpt #0
vadd_d31:
        vadd.i32 d31, d30, d29
        bkpt #0
vadd_q15:
        vadd.i16 q15, q14, q13
        bkpt #0
vld1_8_1:
        vld1.8 {d2}, [r0]
        bkpt #0
vld1_16_2:
        vld1.16 {d2, d3}, [r0]!
        bkpt #0
vld1_32_3:
        vld1.32 {d2, d3, d4}, [r0], r2
        bkpt #0
vld1_64_4:
        vld1.64 {d2, d3, d4, d5}, [r0:256]
        bkpt #0
vld1_64_al:
        vld1.64 {d2}, [r0:64]
        bkpt #0
vld1_8_al128:
        vld1.8 {d2, d3}, [r0:128]!
        bkpt #0
vst1_8_1:
        vst1.8 {d2}, [r0]
        bkpt #0
vst1_32_2:
        vst1.32 {d2, d3}, [r0]!
        bkpt #0
vst1_16_4:
        vst1.16 {d2, d3, d4, d5}, [r0], r2
        bkpt #0
vld2_8:
        vld2.8 {d2, d3}, [r0]
        bkpt #0
vld2_16_q:
        vld2.16 {d2, d3, d4, d5}, [r0]!
        bkpt #0
vld2_32_sp:
        vld2.32 {d2, d4}, [r0]
        bkpt #0
vst2_8:
        vst2.8 {d2, d3}, [r0]
        bkpt #0
vst2_16_q:
        vst2.16 {d2-d5}, [r0], r2
        bkpt #0
vld3_8:
        vld3.8 {d2, d3, d4}, [r0]!
        bkpt #0
vld3_16_sp:
        vld3.16 {d2, d4, d6}, [r0]
        bkpt #0
vst3_32:
        vst3.32 {d2, d3, d4}, [r0]
        bkpt #0
vld4_8:
        vld4.8 {d2, d3, d4, d5}, [r0]
        bkpt #0
vld4_16_sp:
        vld4.16 {d2, d4, d6, d8}, [r0]!
        bkpt #0
vst4_32:
        vst4.32 {d2, d3, d4, d5}, [r0:128]
        bkpt #0
vld1_lane_8:
        vld1.8 {d2[5]}, [r0]!
        bkpt #0
vld1_lane_16:
        vld1.16 {d2[2]}, [r0:16]
        bkpt #0
vld1_lane_32:
        vld1.32 {d2[1]}, [r0:32], r2
        bkpt #0
vst1_lane_16:
        vst1.16 {d2[3]}, [r0]!
        bkpt #0
vld2_lane_16:
        vld2.16 {d2[1], d3[1]}, [r0]
        bkpt #0
vld2_lane_32_sp:
        vld2.32 {d2[1], d4[1]}, [r0:64]
        bkpt #0
vld3_lane_8:
        vld3.8 {d2[7], d3[7], d4[7]}, [r0]
        bkpt #0
vld4_lane_16:
        vld4.16 {d2[0], d3[0], d4[0], d5[0]}, [r0:64]!
        bkpt #0
vst4_lane_8:
        vst4.8 {d2[1], d3[1], d4[1], d5[1]}, [r0]
        bkpt #0
vst3_lane_32:
        vst3.32 {d2[0], d4[0], d6[0]}, [r0]
        bkpt #0
vld1_all_8:
        vld1.8 {d2[]}, [r0]
        bkpt #0
vld1_all_16_2:
        vld1.16 {d2[], d3[]}, [r0:16]!
        bkpt #0
vld2_all_32:
        vld2.32 {d2[], d3[]}, [r0]
        bkpt #0
vld3_all_16:
        vld3.16 {d2[], d4[], d6[]}, [r0], r2
        bkpt #0
vld4_all_8:
        vld4.8 {d2[], d3[], d4[], d5[]}, [r0:32]
        bkpt #0
vld4_all_32_128:
        vld4.32 {d2[], d3[], d4[], d5[]}, [r0:128]
        bkpt #0
@ Thumb-2: the T32 prefixes (111U 1111, 1111 1001) and an IT block.
    .thumb
    .align 2
t_vqadd_u8:  vqadd.u8 d2, d0, d1
        bkpt #0
t_vsub_i16_q: vsub.i16 q4, q2, q3
        bkpt #0
t_vrshr_u16: vrshr.u16 d2, d1, #3
        bkpt #0
t_vld1_16:   vld1.16 {d2, d3}, [r0]!
        bkpt #0
t_vst1_lane: vst1.32 {d2[1]}, [r0]
        bkpt #0
t_vdup_r:    vdup.16 d2, r0
        bkpt #0
t_it_neon:   cmp r0, #1
        ite eq
        vaddeq.i32 d2, d0, d1
        vsubne.i32 d2, d0, d1
        bkpt #0
@ UNDEFINED encodings the assembler refuses to produce.
    .arm
    .align 2
u_q_odd:     .inst 0xf2049846      @ vadd.i8 q4.5?, q2, q3: odd Vd with Q = 1
        bkpt #0
u_vmul_p16:  .inst 0xf3102911      @ vmul.p16: polynomial needs size 00
        bkpt #0
u_vld1_align: .inst 0xf420272f     @ vld1.8 {d2}, [r0:128]: align 10 with one register
        bkpt #0
u_vrev64_64: .inst 0xf3bc2001      @ vrev64.64
        bkpt #0
u_vld_pc:    .inst 0xf42f270f      @ vld1.8 {d2}, [pc]
        bkpt #0
