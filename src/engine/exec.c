/*
 * The execution loop and the engine's set-up: find or translate the TB for
 * the current CPU state, chain the previous TB's exit to it, run it, and
 * turn exceptions (longjmp from helpers, faults, raise ops) into cpu_exec's
 * return value with the guest state restored at the faulting instruction.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "engine/guest_mem.h"
#include "engine/internal.h"
#include "engine/x86/cg.h"
#include "target/target.h"
#include "util/error.h"
#include "util/log.h"

const struct target_info *engine_target;
struct engine_options engine_opts;
struct ir_globals engine_globals;
size_t engine_frame_offset;
struct engine_stats engine_stats;
__thread struct cpu_common *current_cpu;

#define DEFAULT_CODE_SIZE ((size_t)256 << 20)

void engine_init(const struct target_info *target,
                 const struct engine_options *opts)
{
    engine_target = target;
    if (opts)
        engine_opts = *opts;
    memset(&engine_globals, 0, sizeof(engine_globals));
    if (target->init_globals)
        target->init_globals(&engine_globals);
    engine_frame_offset = (target->cpu_size + 63) & ~(size_t)63;
    size_t size = engine_opts.code_size ? engine_opts.code_size
                                        : DEFAULT_CODE_SIZE;
    if (engine_opts.backend == ENGINE_CODEGEN)
        cg_init(size);
    tb_cache_init(size);
}

struct cpu_common *cpu_create(const struct target_info *target, int index)
{
    void *mem = NULL;
    size_t size = engine_frame_offset + ENGINE_FRAME_SIZE;
    if (target != engine_target)
        fatal("cpu_create: the engine was set up for another target");
    if (posix_memalign(&mem, 64, size))
        fatal("out of memory creating a CPU");
    memset(mem, 0, size);
    struct cpu_common *cpu = mem;
    cpu->target = target;
    cpu->cpu_index = index;
    cpu->jmp_cache = xcalloc(1, sizeof(*cpu->jmp_cache));
    cpu->jmp_cache->cpu = cpu;
    if (target->cpu_reset)
        target->cpu_reset(cpu);
    current_cpu = cpu;
    tb_register_cpu(cpu);
    return cpu;
}

void cpu_destroy(struct cpu_common *cpu)
{
    if (!cpu)
        return;
    tb_unregister_cpu(cpu);
    if (current_cpu == cpu)
        current_cpu = NULL;
    free(cpu->jmp_cache);
    free(cpu);
}

_Noreturn void cpu_loop_exit(struct cpu_common *cpu, int excp)
{
    cpu->exception_index = excp;
    cpu->current_tb = NULL;
    siglongjmp(cpu->jmp_env, 1);
}

/* Restore the guest state of the instruction being executed: generated
 * code is found by host_pc (search_pc lies inside the host instruction),
 * the interpreter records its instruction in current_insn. */
static void restore_state(struct cpu_common *cpu, uintptr_t search_pc)
{
    if (search_pc && cg_owns(search_pc)) {
        int insn;
        struct tb *tb = cg_find(search_pc, &insn);
        if (tb && insn >= 0)
            cpu->target->restore_state(cpu, tb->insn_data[insn]);
        return;
    }
    struct tb *tb = cpu->current_tb;
    if (tb && cpu->current_insn >= 0 &&
        (uint32_t)cpu->current_insn < tb->ninsns)
        cpu->target->restore_state(cpu, tb->insn_data[cpu->current_insn]);
}

_Noreturn void cpu_raise(struct cpu_common *cpu, int excp, uintptr_t host_pc)
{
    /* host_pc is a return address: the call lies just before it. */
    restore_state(cpu, host_pc ? host_pc - 1 : 0);
    cpu_loop_exit(cpu, excp);
}

void cpu_signal_fault(struct cpu_common *cpu, uint64_t guest_addr,
                      bool is_write, uintptr_t host_pc)
{
    if (!cpu || !cpu->current_tb)
        return;
    cpu->fault_addr = guest_addr;
    cpu->fault_write = is_write;
    cpu->fault_code = (page_get_flags(guest_addr) & PAGE_VALID) ? SEGV_ACCERR
                                                                 : SEGV_MAPERR;
    /* We leave the signal handler by longjmp: unblock what the kernel
     * blocked for its delivery, or the next fault would kill us. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGSEGV);
    sigaddset(&set, SIGBUS);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    /* host_pc is the faulting instruction itself, or inside a helper
     * called from generated code (atomics), which recorded its caller. */
    if (!cg_owns(host_pc) && cg_helper_pc())
        host_pc = cg_helper_pc() - 1;
    restore_state(cpu, host_pc);
    cpu_loop_exit(cpu, EXCP_SEGV);
}

/* With the code generator, the interpreter still runs what only it
 * implements: watchpoints, per-TB tracing and debugger single steps
 * (CF_INTERP keeps those TBs apart in the cache). */
static uint32_t cflags_for(const struct cpu_common *cpu)
{
    uint32_t interp = engine_opts.backend == ENGINE_CODEGEN &&
                      (cpu->single_step || cpu->jmp_cache->nwatch > 0 ||
                       log_enabled(LOG_EXEC | LOG_CPU))
                          ? CF_INTERP : 0;
    if (cpu->single_step)
        return CF_SINGLE_INSN | CF_NO_CHAIN | interp;
    return (engine_opts.one_insn_per_tb ? CF_SINGLE_INSN : 0) | interp;
}

bool engine_uses_interp(uint32_t cflags)
{
    return engine_opts.backend == ENGINE_INTERP || (cflags & CF_INTERP);
}

static int exec_return(struct cpu_common *cpu, int excp)
{
    if (log_enabled(LOG_INT) && excp != EXCP_INTERRUPT)
        log_printf("exception 0x%x at pc 0x%" PRIx64 "\n", excp,
                   cpu->target->get_pc ? cpu->target->get_pc(cpu) : 0);
    return excp;
}

int cpu_exec(struct cpu_common *cpu)
{
    const struct target_info *t = cpu->target;

    current_cpu = cpu;
    cpu->watch_hit_flags = 0;
    cpu->current_tb = NULL;
    if (sigsetjmp(cpu->jmp_env, 0) != 0) {
        cpu->current_tb = NULL;
        return exec_return(cpu, cpu->exception_index);
    }

    struct tb *last = NULL;
    int slot = IR_EXIT_NOCHAIN;
    for (;;) {
        /* Safe point: this thread runs no translated code here.  (With
         * several guest threads the flush will wait for all of them.) */
        if (tb_flush_pending) {
            tb_flush_all();
            last = NULL;
        }
        if (__atomic_load_n(&cpu->exit_request, __ATOMIC_ACQUIRE)) {
            __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_RELEASE);
            return EXCP_INTERRUPT;
        }

        uint64_t pc;
        uint32_t flags, cflags = cflags_for(cpu);
        t->get_tb_key(cpu, &pc, &flags);
        struct tb *tb = tb_jmp_cache_lookup(cpu, pc, flags, cflags);
        if (!tb) {
            tb = tb_lookup(pc, flags, cflags);
            if (!tb) {
                tb = tb_gen_code(cpu, pc, flags, cflags);
                if (!tb) {
                    tb_flush_all();
                    last = NULL;
                    continue;
                }
            }
            if (!tb->nocache)
                tb_jmp_cache_set(cpu, tb);
        }
        if (last && slot < IR_EXIT_NOCHAIN && !engine_opts.no_chaining &&
            !(cflags & CF_NO_CHAIN) && last->cflags == cflags)
            tb_add_jump(last, slot, tb);

        if (engine_uses_interp(cflags))
            last = interp_exec(cpu, tb, &slot);
        else
            last = cg_exec(cpu, tb, &slot);
        if (last->nocache)
            last = NULL;
        if (cpu->watch_hit_flags || cpu->single_step)
            return exec_return(cpu, EXCP_DEBUG);
    }
}
