/*
 * Debug output of the code generator: -d out_asm (host code of each TB
 * disassembled with capstone, with the guest instruction each part
 * belongs to) and -perfmap (/tmp/perf-PID.map so that perf names guest
 * blocks).
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "engine/x86/cg.h"
#include "util/log.h"

void cg_log_out_asm(const struct tb *tb)
{
    static csh handle;
    static bool opened, failed;
    if (!opened && !failed) {
        if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK)
            failed = true;
        opened = !failed;
    }
    log_printf("OUT: [size=%u] guest pc=0x%" PRIx64 "\n", tb->tc_size, tb->pc);
    if (failed) {
        log_printf("  (capstone unavailable)\n\n");
        return;
    }
    cs_insn *insn;
    size_t n = cs_disasm(handle, tb->tc, tb->tc_size, (uintptr_t)tb->tc, 0,
                         &insn);
    for (size_t i = 0; i < n; i++) {
        uint64_t off = insn[i].address - (uintptr_t)tb->tc;
        if (tb->loop_off && off == tb->loop_off)
            log_printf("  -- loop head (slot %d)\n", tb->loop_slot);
        for (uint32_t k = 0; k < tb->ninsns; k++)
            if (tb->host_off[k] == off)
                log_printf("  -- guest 0x%" PRIx64 "\n", tb->insn_data[k][0]);
        log_printf("  0x%" PRIx64 ":  %-8s %s\n", insn[i].address,
                   insn[i].mnemonic, insn[i].op_str);
    }
    if (n)
        cs_free(insn, n);
    log_printf("\n");
}

void cg_perfmap_add(const struct tb *tb)
{
    static FILE *f;
    static bool tried;
    if (!engine_opts.perfmap)
        return;
    if (!tried) {
        char path[64];
        tried = true;
        snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)getpid());
        f = fopen(path, "w");
    }
    if (!f)
        return;
    fprintf(f, "%" PRIxPTR " %x guest_0x%" PRIx64 "\n", (uintptr_t)tb->tc,
            tb->tc_size, tb->pc);
    fflush(f);
}
