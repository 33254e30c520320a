/*
 * VFP data-processing instructions: the decode (at translation time, to
 * reject UNDEFINED forms before any state is written) and the helper that
 * runs one instruction on the register file.  The encodings are those of
 * the ARM ARM's "Floating-point data-processing instructions" table:
 *     cond 1110 opc1(23,21:20) D opc2(19:16) Vd 101 sz opc3(7:6) M 0 Vm
 * Single registers are Vx:bit, double registers bit:Vx.
 */
#include <string.h>

#include "target/arm/translate.h"
#include "target/arm/vfp.h"
#include "util/bits.h"

#define B(pos) ((int)extract32(insn, pos, 1))

static int reg_d(uint32_t insn, bool dp)
{
    int v = extract32(insn, 12, 4);
    return dp ? B(22) << 4 | v : v << 1 | B(22);
}

static int reg_n(uint32_t insn, bool dp)
{
    int v = extract32(insn, 16, 4);
    return dp ? B(7) << 4 | v : v << 1 | B(7);
}

static int reg_m(uint32_t insn, bool dp)
{
    int v = extract32(insn, 0, 4);
    return dp ? B(5) << 4 | v : v << 1 | B(5);
}

/* Which operands are doubles: bit 0 = d, 1 = n, 2 = m. */
static int double_operands(int op, uint32_t insn)
{
    bool sz = B(8);
    switch (op) {
    case VFP_VCVTB_TO32:
    case VFP_VCVTB_TO16:
        return 0;
    case VFP_VCVT_FF:
        return sz ? 4 : 1;
    case VFP_VCVT_FROM_INT:
        return sz ? 1 : 0;
    case VFP_VCVT_TO_INT:
        return sz ? 4 : 0;
    default:
        return sz ? 7 : 0;
    }
}

static int decode_op(uint32_t insn)
{
    int opc1 = B(23) << 2 | (int)extract32(insn, 20, 2);
    int opc2 = extract32(insn, 16, 4);
    bool op6 = B(6), op7 = B(7);

    switch (opc1) {
    case 0: return op6 ? VFP_VMLS : VFP_VMLA;
    case 1: return op6 ? VFP_VNMLA : VFP_VNMLS;
    case 2: return op6 ? VFP_VNMUL : VFP_VMUL;
    case 3: return op6 ? VFP_VSUB : VFP_VADD;
    case 4: return op6 ? -1 : VFP_VDIV;
    case 5: return op6 ? VFP_VFNMA : VFP_VFNMS;
    case 6: return op6 ? VFP_VFMS : VFP_VFMA;
    }
    if (!op6)
        return VFP_VMOV_IMM;
    switch (opc2) {
    case 0: return op7 ? VFP_VABS : VFP_VMOV;
    case 1: return op7 ? VFP_VSQRT : VFP_VNEG;
    case 2: return VFP_VCVTB_TO32;
    case 3: return VFP_VCVTB_TO16;
    case 4: return VFP_VCMP;
    case 5: return VFP_VCMP0;
    case 7: return op7 ? VFP_VCVT_FF : -1;
    case 8: return VFP_VCVT_FROM_INT;
    case 10: case 11: return VFP_VCVT_FROM_FIXED;
    case 12: case 13: return VFP_VCVT_TO_INT;
    case 14: case 15: return VFP_VCVT_TO_FIXED;
    }
    return -1;
}

static int fixed_size(uint32_t insn)
{
    return B(7) ? 32 : 16;
}

static int fixed_fbits(uint32_t insn)
{
    return fixed_size(insn) - (int)(extract32(insn, 0, 4) << 1 | B(5));
}

int vfp_dp_decode(uint32_t insn, uint64_t features)
{
    int op = decode_op(insn);
#define HAS(f) ((features >> ARM_FEATURE_##f) & 1)
    if (op < 0)
        return -1;
    switch (op) {
    case VFP_VFNMS: case VFP_VFNMA: case VFP_VFMA: case VFP_VFMS:
        if (!HAS(VFP4))
            return -1;
        break;
    case VFP_VMOV_IMM:
        if (!HAS(VFP3))
            return -1;
        break;
    case VFP_VCVTB_TO32: case VFP_VCVTB_TO16:
        if (!HAS(FP16) || B(8))
            return -1;
        break;
    case VFP_VCVT_FROM_FIXED: case VFP_VCVT_TO_FIXED:
        if (!HAS(VFP3) || fixed_fbits(insn) < 0)
            return -1;
        break;
    case VFP_VCMP0:
        if (extract32(insn, 0, 6) & 0x2f)
            return -1;
        break;
    }
    if (!HAS(VFP_D32)) {
        int dbl = double_operands(op, insn);
        if (((dbl & 1) && B(22)) || ((dbl & 2) && B(7) &&
                                     op <= VFP_VFMS) ||
            ((dbl & 4) && B(5)))
            return -1;
    }
#undef HAS
    return op;
}

/* S<r> is a 32-bit half of D<r/2>: memcpy keeps the aliasing legal. */
static uint64_t rd_reg(struct arm_cpu *cpu, int r, bool dp)
{
    uint32_t v;
    if (dp)
        return cpu->vfp_d[r];
    memcpy(&v, (char *)cpu->vfp_d + 4 * r, 4);
    return v;
}

static void wr_reg(struct arm_cpu *cpu, int r, bool dp, uint64_t v)
{
    uint32_t w = (uint32_t)v;
    if (dp)
        cpu->vfp_d[r] = v;
    else
        memcpy((char *)cpu->vfp_d + 4 * r, &w, 4);
}

static uint64_t arm_vfp_dp(struct cpu_common *c, uint64_t op64, uint64_t insn64)
{
    struct arm_cpu *cpu = arm_cpu(c);
    uint32_t insn = (uint32_t)insn64;
    int op = (int)op64;
    int dbl = double_operands(op, insn);
    bool dd = dbl & 1, dn = dbl & 2, dm = dbl & 4;
    int d = reg_d(insn, dd), n = reg_n(insn, dn), m = reg_m(insn, dm);
    int f = B(8) ? VFP_F64 : VFP_F32;
    uint32_t *fs = &cpu->fpscr;
    uint64_t a = rd_reg(cpu, n, dn), b = rd_reg(cpu, m, dm);
    uint64_t acc = rd_reg(cpu, d, dd), r;

    switch (op) {
    case VFP_VMLA:
        r = vfp_add(acc, vfp_mul(a, b, f, fs), f, fs);
        break;
    case VFP_VMLS:
        r = vfp_add(acc, vfp_neg(vfp_mul(a, b, f, fs), f), f, fs);
        break;
    case VFP_VNMLA:
        r = vfp_add(vfp_neg(acc, f), vfp_neg(vfp_mul(a, b, f, fs), f), f, fs);
        break;
    case VFP_VNMLS:
        r = vfp_add(vfp_neg(acc, f), vfp_mul(a, b, f, fs), f, fs);
        break;
    case VFP_VMUL: r = vfp_mul(a, b, f, fs); break;
    case VFP_VNMUL: r = vfp_neg(vfp_mul(a, b, f, fs), f); break;
    case VFP_VADD: r = vfp_add(a, b, f, fs); break;
    case VFP_VSUB: r = vfp_sub(a, b, f, fs); break;
    case VFP_VDIV: r = vfp_div(a, b, f, fs); break;
    case VFP_VFMA: r = vfp_muladd(acc, a, b, f, fs); break;
    case VFP_VFMS: r = vfp_muladd(acc, vfp_neg(a, f), b, f, fs); break;
    case VFP_VFNMA:
        r = vfp_muladd(vfp_neg(acc, f), vfp_neg(a, f), b, f, fs);
        break;
    case VFP_VFNMS: r = vfp_muladd(vfp_neg(acc, f), a, b, f, fs); break;
    case VFP_VMOV_IMM:
        r = vfp_expand_imm(extract32(insn, 16, 4) << 4 | extract32(insn, 0, 4),
                           f);
        break;
    case VFP_VMOV: r = b; break;
    case VFP_VABS: r = b & ~(f == VFP_F64 ? 1ull << 63 : 1ull << 31); break;
    case VFP_VNEG: r = vfp_neg(b, f); break;
    case VFP_VSQRT: r = vfp_sqrt(b, f, fs); break;
    case VFP_VCVTB_TO32:
        r = vfp_convert((b >> (B(7) ? 16 : 0)) & 0xffff, VFP_F16, VFP_F32, fs);
        break;
    case VFP_VCVTB_TO16: {
        uint64_t h = vfp_convert(b, VFP_F32, VFP_F16, fs);
        r = B(7) ? (acc & 0xffff) | h << 16 : (acc & 0xffff0000u) | h;
        break;
    }
    case VFP_VCMP:
    case VFP_VCMP0:
    {
        /* The compare may set IOC/IDC: merge its NZCV afterwards. */
        uint32_t nzcv = vfp_compare(acc, op == VFP_VCMP ? b : 0, f, B(7), fs);
        cpu->fpscr = (cpu->fpscr & ~FPSCR_NZCV) | nzcv;
        return 0;
    }
    case VFP_VCVT_FF:
        r = dm ? vfp_convert(b, VFP_F64, VFP_F32, fs)
               : vfp_convert(b, VFP_F32, VFP_F64, fs);
        break;
    case VFP_VCVT_FROM_INT:
        r = vfp_from_fixed((uint32_t)b, 32, 0, !B(7), f, fs);
        break;
    case VFP_VCVT_TO_INT:
        r = vfp_to_fixed(b, f, 32, 0, !B(16), B(7), fs);
        break;
    case VFP_VCVT_FROM_FIXED: {
        /* FixedToFP with round_to_nearest: the FPSCR mode is ignored. */
        uint32_t tmp = *fs & ~(3u << 22);
        r = vfp_from_fixed((uint32_t)acc, fixed_size(insn), fixed_fbits(insn),
                           B(16), f, &tmp);
        *fs = (*fs & (3u << 22)) | tmp;
        break;
    }
    case VFP_VCVT_TO_FIXED: {
        uint32_t v = vfp_to_fixed(acc, f, fixed_size(insn), fixed_fbits(insn),
                                  B(16), true, fs);
        if (fixed_size(insn) == 16)
            v = B(16) ? (v & 0xffff) : (uint32_t)(int32_t)(int16_t)v;
        r = dd ? (uint64_t)v : v;
        if (dd)   /* the result goes to the low half of Dd, sign-extended */
            r = B(16) ? (uint64_t)v : (uint64_t)(int64_t)(int32_t)v;
        break;
    }
    default:
        return 0;
    }
    wr_reg(cpu, d, dd, r);
    return 0;
}
IR_HELPER_DEF(arm_vfp_dp, 2, false,
              IR_HELPER_NO_READ_GLOBALS | IR_HELPER_NO_WRITE_GLOBALS |
              IR_HELPER_NO_RAISE);
