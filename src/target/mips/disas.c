/*
 * Disassembly for -d in_asm, through capstone.  One handle per variant
 * and per thread (capstone handles must not be shared between threads).
 */
#include <capstone/capstone.h>
#include <stdbool.h>
#include <stdio.h>

static __thread csh handles[4];
static __thread bool opened[4], failed[4];

static int disas(int v, uint64_t pc, const uint8_t *code, size_t len,
                 char *buf, size_t bufsize)
{
    static const int modes[4] = {
        CS_MODE_MIPS32 | CS_MODE_BIG_ENDIAN,
        CS_MODE_MIPS32 | CS_MODE_LITTLE_ENDIAN,
        CS_MODE_MIPS64 | CS_MODE_BIG_ENDIAN,
        CS_MODE_MIPS64 | CS_MODE_LITTLE_ENDIAN,
    };
    cs_insn *insn;
    int size = 0;

    if (!opened[v] && !failed[v]) {
        if (cs_open(CS_ARCH_MIPS, modes[v], &handles[v]) == CS_ERR_OK)
            opened[v] = true;
        else
            failed[v] = true;
    }
    if (!opened[v] || bufsize == 0)
        return 0;
    if (cs_disasm(handles[v], code, len, pc, 1, &insn) == 1) {
        snprintf(buf, bufsize, "%s %s", insn->mnemonic, insn->op_str);
        size = insn->size;
        cs_free(insn, 1);
    }
    return size;
}

#define DISAS(name, v)                                                      \
    int name(uint64_t pc, uint32_t tb_flags, const uint8_t *code,           \
             size_t len, char *buf, size_t bufsize);                        \
    int name(uint64_t pc, uint32_t tb_flags, const uint8_t *code,           \
             size_t len, char *buf, size_t bufsize)                         \
    {                                                                       \
        return disas(v, pc, code, len, buf, bufsize);                       \
    }

DISAS(mips_disas, 0)
DISAS(mipsel_disas, 1)
DISAS(mips64_disas, 2)
DISAS(mips64el_disas, 3)
