/*
 * The code generator's register allocator as other lowering files see it
 * (codegen.c owns the state; struct cgs stays opaque).  Engine-private.
 */
#ifndef KEMU_ENGINE_X86_CG_ALLOC_H
#define KEMU_ENGINE_X86_CG_ALLOC_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/ir.h"
#include "engine/x86/emit.h"

struct cgs;

/* The emitter of the TB being generated. */
struct emit *cgs_emit(struct cgs *s);
/* Flags of the TB being generated. */
uint32_t cgs_tb_flags(struct cgs *s);
/* t's value in a register, locked for the current op. */
int cgs_in_reg(struct cgs *s, ir_t t, uint32_t avoid);
/* A free register for the current op (locked). */
int cgs_alloc_reg(struct cgs *s, uint32_t avoid);
/* d now lives in r, newer than its home. */
void cgs_set_out(struct cgs *s, ir_t d, int r);
/* Write every dirty global home (they stay cached). */
void cgs_sync_globals(struct cgs *s);
/* Registers holding a temp's value now. */
uint32_t cgs_bound_regs(struct cgs *s);
bool cgs_is64(struct cgs *s, ir_t t);
/* True (and the value) when t is a constant. */
bool cgs_const(struct cgs *s, ir_t t, uint64_t *val);
/* Call h as an IR call op would (IR_NONE args take imms[k]). */
void cgs_call(struct cgs *s, const struct ir_helper *h, ir_t ret, int nargs,
              const ir_t *args, const uint64_t *imms);
/* call fn (rel32 when it reaches, else through r11). */
void cgs_emit_call(struct emit *e, const void *fn);

/* ---- System-mode guest memory (softmmu_gen.c) ------------------------------ */

/* A new TB: no slow paths pending. */
void cg_sm_begin(void);
/* guest_ld / guest_st / atomic_* through the soft TLB. */
void cg_sm_ld(struct cgs *s, const struct ir_op *op);
void cg_sm_st(struct cgs *s, const struct ir_op *op);
void cg_sm_atomic(struct cgs *s, const struct ir_op *op);
/* Emit the pending slow paths (cold code after the TB body); false when
 * the buffer is full. */
bool cg_sm_finish(struct cgs *s);
/* Around a call to a helper that may raise: record the call's return
 * address in cpu->helper_ra (before the call; the returned fix-up is
 * completed by cg_sm_ra_done right after it). */
uint8_t *cg_sm_ra_store(struct emit *e);
void cg_sm_ra_done(struct emit *e, uint8_t *fix);

#endif
