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
/* The TB's code is complete at e->p: publish it for host-PC lookups. */
void cg_commit(struct emit *e, struct tb *tb);
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

/* ---- Debug output (cgdebug.c) --------------------------------------------- */

void cg_log_out_asm(const struct tb *tb);
void cg_perfmap_add(const struct tb *tb);

/* Return address in generated code of the helper running now when it
 * may fault on guest memory (atomics), else 0. */
uintptr_t cg_helper_pc(void);

#endif
