/*
 * Disassembly for -d in_asm, through capstone.  One handle per mode and
 * per thread (capstone handles must not be shared between threads).
 */
#include <capstone/capstone.h>
#include <stdio.h>

#include "target/arm/cpu.h"

int arm_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code, size_t len,
              char *buf, size_t bufsize);

static __thread csh handles[2];
static __thread bool opened[2], failed[2];

int arm_disas(uint64_t pc, uint32_t tb_flags, const uint8_t *code, size_t len,
              char *buf, size_t bufsize)
{
    int thumb = (tb_flags & ARM_TBFLAG_THUMB) != 0;
    cs_insn *insn;
    int size = 0;

    if (!opened[thumb] && !failed[thumb]) {
        cs_mode mode = (thumb ? CS_MODE_THUMB : CS_MODE_ARM) |
                       CS_MODE_LITTLE_ENDIAN;
        if (cs_open(CS_ARCH_ARM, mode, &handles[thumb]) == CS_ERR_OK)
            opened[thumb] = true;
        else
            failed[thumb] = true;
    }
    if (!opened[thumb] || bufsize == 0)
        return 0;
    if (cs_disasm(handles[thumb], code, len, pc, 1, &insn) == 1) {
        snprintf(buf, bufsize, "%s %s", insn->mnemonic, insn->op_str);
        size = insn->size;
        cs_free(insn, 1);
    }
    return size;
}
