/*
 * The x86-64 code generator's interface to the rest of the engine.
 * Engine-private: only src/engine/ includes this.
 */
#ifndef KEMU_ENGINE_X86_CG_H
#define KEMU_ENGINE_X86_CG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/internal.h"
#include "engine/x86/emit.h"

/* ---- Code buffer (cgbuf.c) ------------------------------------------------ */

/* Map the code buffer (size bytes) and generate the entry trampoline. */
void cg_init(size_t size);
/* Drop all generated code (with tb_lock held, no CPU in generated code). */
void cg_flush(void);
/* Room for a new TB's code: sets up e; false when the buffer is full. */
bool cg_begin(struct emit *e);
/* The TB's code is the first code_size bytes from e->start, followed
 * by its fault map (up to e->p): publish it for host-PC lookups. */
void cg_commit(struct emit *e, struct tb *tb, size_t code_size);
/* No TB code in the buffer yet. */
bool cg_empty(void);
/* Is host_pc inside generated code? */
bool cg_owns(uintptr_t host_pc);
/* TB whose code holds host_pc, and the index of its instruction there
 * (-1 if before the first insn_start). */
struct tb *cg_find(uintptr_t host_pc, int *insn);
/* Point goto_tb slot n of from at dest's code (NULL: unchain). */
void cg_patch_jump(struct tb *from, int slot, const struct tb *dest);
/* Run tb (and everything chained from it); returns the TB that left and
 * its exit slot, like interp_exec. */
struct tb *cg_exec(struct cpu_common *cpu, struct tb *tb, int *slot);
/* Executable address of the common epilogue (returns rax to cg_exec). */
extern uintptr_t cg_epilogue_rx;

/* ---- Translation (codegen.c) ---------------------------------------------- */

/* Generate host code for c into the buffer for tb (descriptor allocated,
 * tb->host_off filled with one entry per insn_start); false when the
 * buffer is full. */
bool cg_gen(const struct ir_ctx *c, struct tb *tb);

/* ---- Fault maps (cgfault.c) ------------------------------------------------
 * Which dirty globals are in which host registers at each guest-memory
 * access of a TB (user mode: they are not written home before accesses).
 * Stored after the TB's code; see cgfault.c for the layout. */

#define CGF_MAX_SITES 4096
#define CGF_MAX_ENTRIES 16384

struct cgf_reg {
    uint32_t env_offset;        /* the global's field in the CPU state */
    bool w64;                   /* i64 global (else i32: low half) */
    uint8_t reg;                /* x86 register number */
};
struct cgf_site {
    uint32_t off;               /* host code offset of the access */
    uint16_t first, n;          /* its entries */
};
struct cgf_builder {
    uint32_t nsites, nent;
    struct cgf_site site[CGF_MAX_SITES];
    uint32_t ent[CGF_MAX_ENTRIES];
};

void cgf_reset(struct cgf_builder *b);
/* Record the access at host_off (increasing from call to call) with n
 * dirty globals; false when the map is full or an entry does not fit
 * (the caller then writes the globals home instead). */
bool cgf_add(struct cgf_builder *b, uint32_t host_off,
             const struct cgf_reg *regs, int n);
/* Bytes cgf_write stores (a multiple of 4). */
size_t cgf_size(const struct cgf_builder *b);
void cgf_write(const struct cgf_builder *b, void *dst);
/* The fault map of tb (after its code). */
const void *cgf_map_of(const struct tb *tb);
/* The entries of the access at host_off into out[16]; their count (0 when
 * host_off is no recorded access). */
int cgf_lookup(const void *map, uint32_t host_off, struct cgf_reg *out);
/* A guest access at host_pc in generated code faulted: write the dirty
 * globals recorded there from the host registers of host_ctx (the signal
 * handler's ucontext_t) into cpu's state.  Nothing when host_ctx is NULL
 * or host_pc is no recorded access. */
void cg_fault_restore(struct cpu_common *cpu, uintptr_t host_pc,
                      const void *host_ctx);

/* ---- Debug output (cgdebug.c) --------------------------------------------- */

void cg_log_out_asm(const struct tb *tb);
void cg_perfmap_add(const struct tb *tb);

/* Return address in generated code of the helper running now when it
 * may fault on guest memory (atomics), else 0. */
uintptr_t cg_helper_pc(void);

#endif
