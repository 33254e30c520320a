/*
 * Turning guest code into a TB: run the target's decoder into a per-thread
 * ir_ctx, optimize, lower for the backend into the arena, and publish the
 * TB in the cache.  Also the services decoders call while translating.
 */
#include <inttypes.h>
#include <string.h>

#include "engine/guest_mem.h"
#include "engine/internal.h"
#include "engine/softmmu.h"
#include "engine/translate.h"
#include "engine/x86/cg.h"
#include "target/target.h"
#include "util/error.h"
#include "util/log.h"

static __thread struct ir_ctx *thread_ctx;
bool engine_skip_optimizer;

/* ---- Services for decoders ------------------------------------------------ */

static bool fetch_page(struct ir_ctx *c, uint64_t page)
{
    for (int i = 0; i < c->ncode_pages; i++)
        if (c->code_pages[i] == page)
            return true;
    int fl = page_get_flags(page);
    if ((fl & (PAGE_EXEC | PAGE_VALID)) != (PAGE_EXEC | PAGE_VALID))
        return false;
    /* A TB covers at most two pages: invalidation looks at both. */
    if (c->ncode_pages == 2)
        return false;
    c->code_pages[c->ncode_pages++] = page;
    page_protect_code(page);
    return true;
}

/* System mode: code comes through the soft TLB (in the TB's MMU mode);
 * the TB is filed under the virtual pages it was fetched from. */
static bool fetch_softmmu(struct ir_ctx *c, uint64_t pc, void *out, size_t len)
{
    const struct target_info *t = engine_target;
    int mmu = t->mmu_index ? t->mmu_index(c->flags) : 0;
    uint8_t *o = out;
    while (len) {
        uint64_t page = pc & GUEST_PAGE_MASK;
        bool known = false;
        for (int i = 0; i < c->ncode_pages; i++)
            known |= c->code_pages[i] == page;
        if (!known && c->ncode_pages == 2)
            return false;
        const uint8_t *p = softmmu_code_ptr(c->cpu, pc, mmu);
        if (!p)
            return false;
        if (!known)
            c->code_pages[c->ncode_pages++] = page;
        size_t n = (size_t)(page + GUEST_PAGE_SIZE - pc);
        if (n > len)
            n = len;
        memcpy(o, p, n);
        o += n;
        pc += n;
        len -= n;
    }
    return true;
}

bool translator_fetch(struct ir_ctx *c, uint64_t pc, void *out, size_t len)
{
    if (len == 0)
        return true;
    if (softmmu_enabled)
        return fetch_softmmu(c, pc, out, len);
    uint64_t first = pc & GUEST_PAGE_MASK;
    uint64_t last = (pc + len - 1) & GUEST_PAGE_MASK;
    if (!fetch_page(c, first) || (last != first && !fetch_page(c, last)))
        return false;
    if (last == first) {
        memcpy(out, g2h(pc), len);
    } else {
        /* g2h masks each address: copy the two halves separately in case
         * the access wraps around the top of the guest space. */
        size_t n1 = (size_t)(first + GUEST_PAGE_SIZE - pc);
        memcpy(out, g2h(pc), n1);
        memcpy((uint8_t *)out + n1, g2h(last), len - n1);
    }
    return true;
}

bool translator_ld16(struct ir_ctx *c, uint64_t pc, bool big_endian,
                     uint16_t *val)
{
    uint8_t b[2];
    if (!translator_fetch(c, pc, b, 2))
        return false;
    *val = big_endian ? (uint16_t)(b[0] << 8 | b[1])
                      : (uint16_t)(b[1] << 8 | b[0]);
    return true;
}

bool translator_ld32(struct ir_ctx *c, uint64_t pc, bool big_endian,
                     uint32_t *val)
{
    uint8_t b[4];
    if (!translator_fetch(c, pc, b, 4))
        return false;
    *val = big_endian ? (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
                            (uint32_t)b[2] << 8 | b[3]
                      : (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 |
                            (uint32_t)b[1] << 8 | b[0];
    return true;
}

bool translator_breakpoint_here(const struct ir_ctx *c, uint64_t pc)
{
    const struct tb_jmp_cache *e = c->cpu ? c->cpu->jmp_cache : NULL;
    if (!e)
        return false;
    for (int i = 0; i < e->nbreak; i++)
        if (e->breakpoints[i] == pc)
            return true;
    return false;
}

/* Headroom kept so that one more instruction, however big, fits. */
#define ROOM_OPS 512
#define ROOM_TEMPS 1024

bool translator_room(const struct ir_ctx *c)
{
    return !c->overflow && c->ninsn_starts < c->max_insns &&
           c->nops < IR_MAX_OPS - ROOM_OPS &&
           c->ntemps < IR_MAX_TEMPS - ROOM_TEMPS &&
           c->nlabels < IR_MAX_LABELS - 64;
}

/* ---- Logging ---------------------------------------------------------------- */

static void log_in_asm(const struct ir_ctx *c)
{
    const struct target_info *t = engine_target;
    log_printf("IN: pc=0x%" PRIx64 " flags=0x%x\n", c->pc, c->flags);
    for (int i = 0; i < c->ninsn_starts; i++) {
        uint64_t pc = c->insn_data[i][0];
        uint64_t end = i + 1 < c->ninsn_starts ? c->insn_data[i + 1][0]
                                               : c->pc_end;
        uint8_t code[16];
        size_t len = end > pc && end - pc <= sizeof(code)
                         ? (size_t)(end - pc) : sizeof(code);
        char text[128] = "";
        int n = 0;
        if (t->disas && !softmmu_enabled && page_check_range(pc, len, PAGE_READ)) {
            memcpy(code, g2h(pc), len);
            n = t->disas(pc, c->flags, code, len, text, sizeof(text));
        }
        if (n <= 0)
            snprintf(text, sizeof(text), "(unknown)");
        log_printf("0x%08" PRIx64 ":  %s\n", pc, text);
    }
    log_printf("\n");
}

static void log_ops(const char *title, const struct ir_ctx *c)
{
    log_printf("%s: pc=0x%" PRIx64 "\n", title, c->pc);
    ir_dump(c, log_line);
    log_printf("\n");
}

/* ---- Translation -------------------------------------------------------------- */

/* System mode: the physical pages the code came from (a lookup checks
 * them against the current mapping, tb.c). */
static void tb_set_phys(struct ir_ctx *c, struct tb *tb)
{
    if (!softmmu_enabled)
        return;
    int mmu = engine_target->mmu_index ? engine_target->mmu_index(tb->flags)
                                       : 0;
    for (uint32_t i = 0; i < tb->npages; i++)
        tb->page_phys[i] = softmmu_code_phys(c->cpu, tb->page_addr[i], mmu);
}

static void decode(struct ir_ctx *c, struct cpu_common *cpu, uint64_t pc,
                   uint32_t flags, uint32_t cflags, int max_insns)
{
    ir_ctx_init(c, &engine_globals);
    c->pc = pc;
    c->flags = flags;
    c->max_insns = max_insns;
    c->single_step = (cflags & CF_SINGLE_INSN) != 0;
    c->cpu = cpu;
    if (!engine_uses_interp(cflags) && !(cflags & CF_NO_CHAIN))
        c->gen_tb_key = engine_target->gen_tb_key;
    engine_target->translate(c);
}

/* The code generator's half of tb_gen_code (tb_lock held): descriptor,
 * insn_start words and host offsets in the arena, code in the code buffer.
 * NULL (and a flush requested) when either is full. */
static struct tb *cg_translate(struct ir_ctx *c, uint64_t pc, uint32_t flags,
                               uint32_t cflags)
{
    size_t hdr = (sizeof(struct tb) + 63) & ~(size_t)63;
    size_t n = (size_t)c->ninsn_starts;
    size_t data = n * sizeof(c->insn_data[0]) + n * sizeof(uint32_t);
    struct tb *tb = tb_alloc(hdr - sizeof(struct tb) + data);
    if (!tb) {
        tb_flush_pending = true;
        return NULL;
    }
    uint8_t *words = (uint8_t *)tb + hdr;
    memcpy(words, c->insn_data, n * sizeof(c->insn_data[0]));
    tb->insn_data = (const uint64_t(*)[IR_INSN_WORDS])words;
    tb->host_off = (const uint32_t *)(words + n * sizeof(c->insn_data[0]));
    tb->pc = pc;
    tb->pc_end = c->pc_end > pc ? c->pc_end : pc + 1;
    tb->flags = flags;
    tb->cflags = cflags;
    tb->ninsns = (uint32_t)n;
    tb->npages = (uint32_t)c->ncode_pages;
    for (int i = 0; i < c->ncode_pages; i++)
        tb->page_addr[i] = c->code_pages[i];
    tb_set_phys(c, tb);
    tb->nocache = c->ncode_pages == 0;
    if (!cg_gen(c, tb)) {
        if (cg_empty())
            fatal("the code buffer is too small for one TB");
        tb_flush_pending = true;
        return NULL;
    }
    if (log_enabled(LOG_OUT_ASM))
        cg_log_out_asm(tb);
    cg_perfmap_add(tb);
    if (!tb->nocache)
        tb_insert(tb);
    engine_stats.tbs_translated++;
    return tb;
}

struct tb *tb_gen_code(struct cpu_common *cpu, uint64_t pc, uint32_t flags,
                       uint32_t cflags)
{
    if (!thread_ctx)
        thread_ctx = xcalloc(1, sizeof(*thread_ctx));
    struct ir_ctx *c = thread_ctx;
    int max_insns = (cflags & CF_SINGLE_INSN) ? 1 : IR_MAX_INSNS;

    pthread_mutex_lock(&tb_lock);
    /* Another thread may have translated it meanwhile. */
    struct tb *tb = tb_lookup(pc, flags, cflags);
    if (tb) {
        pthread_mutex_unlock(&tb_lock);
        return tb;
    }

    decode(c, cpu, pc, flags, cflags, max_insns);
    while (c->overflow || c->nops == 0) {
        if (!c->overflow || c->ninsn_starts <= 1 || max_insns <= 1)
            fatal("cannot translate the code at 0x%" PRIx64
                  " (the decoder %s)", pc,
                  c->overflow ? "overflows the IR" : "emitted nothing");
        max_insns = c->ninsn_starts / 2;
        decode(c, cpu, pc, flags, cflags, max_insns);
    }
    if (log_enabled(LOG_IN_ASM))
        log_in_asm(c);
    if (log_enabled(LOG_OP))
        log_ops("OP", c);
    const char *bad = ir_verify(c);
    if (bad)
        fatal("invalid IR for the code at 0x%" PRIx64 ": %s", pc, bad);

    if (!engine_skip_optimizer) {
        ir_optimize(c);
        bad = ir_verify(c);
        if (bad)
            fatal("optimizer broke the IR at 0x%" PRIx64 ": %s", pc, bad);
    }
    if (log_enabled(LOG_OP_OPT))
        log_ops("OP after optimization", c);

    if (!engine_uses_interp(cflags)) {
        tb = cg_translate(c, pc, flags, cflags);
        pthread_mutex_unlock(&tb_lock);
        return tb;
    }

    /* Lower straight into the arena after the descriptor. */
    size_t hdr = (sizeof(struct tb) + 63) & ~(size_t)63;
    size_t data = (size_t)c->ninsn_starts * sizeof(c->insn_data[0]);
    size_t room = tb_arena_room();
    if (room < hdr + data + 64) {
        tb_flush_pending = true;
        pthread_mutex_unlock(&tb_lock);
        return NULL;
    }
    uint8_t *code = (uint8_t *)tb_arena_top() + hdr;
    size_t csize = interp_lower(c, code + data, room - hdr - data);
    if (csize == 0) {
        if (tb_arena_empty())
            fatal("the code buffer is too small for one TB");
        tb_flush_pending = true;
        pthread_mutex_unlock(&tb_lock);
        return NULL;
    }
    memcpy(code, c->insn_data, data);
    tb = tb_alloc(hdr - sizeof(struct tb) + data + csize);
    tb->pc = pc;
    tb->pc_end = c->pc_end > pc ? c->pc_end : pc + 1;
    tb->flags = flags;
    tb->cflags = cflags;
    tb->ninsns = (uint32_t)c->ninsn_starts;
    tb->npages = (uint32_t)c->ncode_pages;
    for (int i = 0; i < c->ncode_pages; i++)
        tb->page_addr[i] = c->code_pages[i];
    tb_set_phys(c, tb);
    tb->insn_data = (const uint64_t(*)[IR_INSN_WORDS])code;
    tb->code = code + data;
    /* A TB that read no code (fetch fault at its start) depends on no page
     * and so could not be invalidated: keep it out of the cache. */
    tb->nocache = c->ncode_pages == 0;
    if (!tb->nocache)
        tb_insert(tb);
    engine_stats.tbs_translated++;
    pthread_mutex_unlock(&tb_lock);
    return tb;
}
