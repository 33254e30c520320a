/*
 * Services the engine offers a target's decoder while it translates.
 */
#ifndef KEMU_ENGINE_TRANSLATE_H
#define KEMU_ENGINE_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/ir.h"

/*
 * Read len bytes of guest code at pc into out, in guest memory order (the
 * decoder assembles the instruction word with its own byte order).
 * Returns false when the bytes are not mapped executable: the decoder then
 * ends the TB before this instruction, or, when it is the first one, emits
 * ir_raise(c, EXCP_PREFETCH) after setting up the PC so the fault is
 * reported at pc.  Records the pages the TB covers for invalidation.
 */
bool translator_fetch(struct ir_ctx *c, uint64_t pc, void *out, size_t len);

/* Convenience readers (false on fault, as above). */
bool translator_ld16(struct ir_ctx *c, uint64_t pc, bool big_endian,
                     uint16_t *val);
bool translator_ld32(struct ir_ctx *c, uint64_t pc, bool big_endian,
                     uint32_t *val);

/*
 * Is a debugger breakpoint set at pc?  Decoders ask before each
 * instruction; when true they emit ir_raise(c, EXCP_DEBUG) with the state
 * at pc instead of the instruction and end the TB.  (Breakpoints are
 * checked here, never by patching guest memory.)
 */
bool translator_breakpoint_here(const struct ir_ctx *c, uint64_t pc);

/* True when another instruction may be added to the TB: below max_insns,
 * room left in the op buffer. */
bool translator_room(const struct ir_ctx *c);

#endif
