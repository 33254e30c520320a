/*
 * Fault maps: where the dirty guest globals are at each guest-memory
 * access of a TB.
 *
 * In user mode generated code keeps modified globals in host registers
 * across guest loads and stores instead of writing them home first.  When
 * such an access faults, the host SIGSEGV/SIGBUS handler has the host
 * registers in its ucontext: the map says, for the faulting host
 * instruction, which register holds the newer value of which global, and
 * cg_fault_restore writes those values into the CPU state.  Globals not
 * listed are exact in the CPU state already.
 *
 * The map is built while the TB is generated (codegen.c calls cgf_add
 * right before emitting each access that has dirty globals) and stored in
 * the code buffer just after the TB's code, 4-byte aligned:
 *
 *     uint32_t nsites;
 *     struct cgf_site site[nsites];   sorted by host code offset
 *     uint32_t entry[];               site[i] owns entry[first .. first+n)
 *
 * An entry is env_offset << 5 | is64 << 4 | host register.
 */
#define _GNU_SOURCE
#include <string.h>
#include <ucontext.h>

#include "engine/x86/cg.h"

#define ENTRY_REG(e) ((e) & 15u)
#define ENTRY_W64(e) (((e) >> 4) & 1u)
#define ENTRY_OFF(e) ((e) >> 5)

void cgf_reset(struct cgf_builder *b)
{
    b->nsites = 0;
    b->nent = 0;
}

bool cgf_add(struct cgf_builder *b, uint32_t host_off,
             const struct cgf_reg *regs, int n)
{
    if (n > 16 || b->nsites >= CGF_MAX_SITES ||
        b->nent + (unsigned)n > CGF_MAX_ENTRIES)
        return false;
    /* Sites come in code order; an access emitted at the same offset
     * twice cannot happen (each one is an instruction). */
    if (b->nsites && b->site[b->nsites - 1].off >= host_off)
        return false;
    for (int i = 0; i < n; i++)
        if (regs[i].env_offset >= (1u << 27) || regs[i].reg >= 16)
            return false;
    struct cgf_site *s = &b->site[b->nsites++];
    s->off = host_off;
    s->first = (uint16_t)b->nent;
    s->n = (uint16_t)n;
    for (int i = 0; i < n; i++)
        b->ent[b->nent++] = regs[i].env_offset << 5 |
                            (regs[i].w64 ? 16u : 0u) | regs[i].reg;
    return true;
}

size_t cgf_size(const struct cgf_builder *b)
{
    return 4 + b->nsites * sizeof(struct cgf_site) + 4 * (size_t)b->nent;
}

void cgf_write(const struct cgf_builder *b, void *dst)
{
    uint8_t *p = dst;
    memcpy(p, &b->nsites, 4);
    p += 4;
    memcpy(p, b->site, b->nsites * sizeof(struct cgf_site));
    p += b->nsites * sizeof(struct cgf_site);
    memcpy(p, b->ent, 4 * (size_t)b->nent);
}

const void *cgf_map_of(const struct tb *tb)
{
    return tb->tc + ((tb->tc_size + 3u) & ~3u);
}

int cgf_lookup(const void *map, uint32_t host_off, struct cgf_reg *out)
{
    uint32_t nsites;
    memcpy(&nsites, map, 4);
    const struct cgf_site *site =
        (const struct cgf_site *)((const uint8_t *)map + 4);
    const uint32_t *ent = (const uint32_t *)(site + nsites);
    uint32_t lo = 0, hi = nsites;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (site[mid].off < host_off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == nsites || site[lo].off != host_off)
        return 0;
    for (unsigned i = 0; i < site[lo].n; i++) {
        uint32_t e = ent[site[lo].first + i];
        out[i].env_offset = ENTRY_OFF(e);
        out[i].w64 = ENTRY_W64(e);
        out[i].reg = (uint8_t)ENTRY_REG(e);
    }
    return site[lo].n;
}

/* The ucontext's gregs index of each x86 register number. */
static const int8_t greg_of[16] = {
    [RAX] = REG_RAX, [RCX] = REG_RCX, [RDX] = REG_RDX, [RBX] = REG_RBX,
    [RSP] = REG_RSP, [RBP] = REG_RBP, [RSI] = REG_RSI, [RDI] = REG_RDI,
    [R8] = REG_R8,   [R9] = REG_R9,   [R10] = REG_R10, [R11] = REG_R11,
    [R12] = REG_R12, [R13] = REG_R13, [R14] = REG_R14, [R15] = REG_R15,
};

void cg_fault_restore(struct cpu_common *cpu, uintptr_t host_pc,
                      const void *host_ctx)
{
    int insn;
    struct tb *tb = cg_find(host_pc, &insn);
    if (!tb || !host_ctx)
        return;
    const ucontext_t *uc = host_ctx;
    struct cgf_reg regs[16];
    int n = cgf_lookup(cgf_map_of(tb), (uint32_t)(host_pc - (uintptr_t)tb->tc),
                       regs);
    for (int i = 0; i < n; i++) {
        uint64_t v = (uint64_t)uc->uc_mcontext.gregs[greg_of[regs[i].reg]];
        /* Little-endian host: the low half is an i32 global's value. */
        memcpy((uint8_t *)cpu + regs[i].env_offset, &v, regs[i].w64 ? 8 : 4);
    }
}
