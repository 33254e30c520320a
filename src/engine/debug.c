/*
 * Debugger support (breakpoints, watchpoints) and the per-TB trace of
 * -d exec / -d cpu.
 *
 * Breakpoints are seen by the decoder (translator_breakpoint_here), so
 * setting one invalidates the TBs holding that address.  Watchpoints are
 * checked by the interpreter's memory handlers only while the CPU has any;
 * a hit is recorded here and reported once the instruction completes, or
 * at once, before the access, for a WP_STOP_BEFORE watchpoint.
 */
#include <errno.h>
#include <inttypes.h>

#include "engine/internal.h"
#include "target/target.h"
#include "util/log.h"

int cpu_breakpoint_insert(struct cpu_common *cpu, uint64_t pc)
{
    struct tb_jmp_cache *e = cpu->jmp_cache;
    for (int i = 0; i < e->nbreak; i++)
        if (e->breakpoints[i] == pc)
            return 0;
    if (e->nbreak >= ENGINE_MAX_BREAKPOINTS)
        return -ENOSPC;
    e->breakpoints[e->nbreak++] = pc;
    tb_invalidate_range(pc, pc + 1);
    return 0;
}

int cpu_breakpoint_remove(struct cpu_common *cpu, uint64_t pc)
{
    struct tb_jmp_cache *e = cpu->jmp_cache;
    for (int i = 0; i < e->nbreak; i++)
        if (e->breakpoints[i] == pc) {
            e->breakpoints[i] = e->breakpoints[--e->nbreak];
            tb_invalidate_range(pc, pc + 1);
            return 0;
        }
    return -ENOENT;
}

void cpu_breakpoint_remove_all(struct cpu_common *cpu)
{
    struct tb_jmp_cache *e = cpu->jmp_cache;
    while (e->nbreak > 0)
        cpu_breakpoint_remove(cpu, e->breakpoints[e->nbreak - 1]);
}

int cpu_watchpoint_insert(struct cpu_common *cpu, uint64_t addr, uint64_t len,
                          int flags)
{
    struct tb_jmp_cache *e = cpu->jmp_cache;
    if (len == 0 || !(flags & WP_ACCESS) ||
        (flags & ~(WP_ACCESS | WP_STOP_BEFORE)))
        return -EINVAL;
    for (int i = 0; i < e->nwatch; i++)
        if (e->watch[i].addr == addr && e->watch[i].len == len &&
            e->watch[i].flags == flags)
            return 0;
    if (e->nwatch >= ENGINE_MAX_WATCHPOINTS)
        return -ENOSPC;
    e->watch[e->nwatch++] = (struct engine_watchpoint){ addr, len, flags };
    return 0;
}

int cpu_watchpoint_remove(struct cpu_common *cpu, uint64_t addr, uint64_t len,
                          int flags)
{
    struct tb_jmp_cache *e = cpu->jmp_cache;
    for (int i = 0; i < e->nwatch; i++)
        if (e->watch[i].addr == addr && e->watch[i].len == len &&
            e->watch[i].flags == flags) {
            e->watch[i] = e->watch[--e->nwatch];
            return 0;
        }
    return -ENOENT;
}

void cpu_watchpoint_remove_all(struct cpu_common *cpu)
{
    cpu->jmp_cache->nwatch = 0;
}

void engine_watch_check(struct cpu_common *cpu, uint64_t addr, unsigned size,
                        int kind)
{
    const struct tb_jmp_cache *e = cpu->jmp_cache;
    if (cpu->watch_hit_flags)
        return; /* the first hit of the instruction is the one reported */
    for (int i = 0; i < e->nwatch; i++) {
        const struct engine_watchpoint *w = &e->watch[i];
        if ((w->flags & kind) && addr < w->addr + w->len &&
            w->addr < addr + size) {
            cpu->watch_hit_addr = w->addr;
            cpu->watch_hit_flags = w->flags & kind;
            /* Stop before the access: the interpreter knows the
             * instruction (current_insn), whose state is restored. */
            if (w->flags & WP_STOP_BEFORE)
                cpu_raise(cpu, EXCP_DEBUG, 0);
            return;
        }
    }
}

void engine_log_tb_entry(struct cpu_common *cpu, const struct tb *tb)
{
    if (log_enabled(LOG_CPU) && cpu->target->dump_state) {
        cpu->target->dump_state(cpu, log_file());
    }
    if (log_enabled(LOG_EXEC))
        log_printf("Trace: 0x%08" PRIx64 " [%08x]\n", tb->pc, tb->flags);
}
