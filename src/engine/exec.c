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
#include "engine/softmmu.h"
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
    cpu->jmp_cache->cpu = cpu; /* zeroed: every entry empty */
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
    /* Raised with no host PC from C code called by generated code (system
     * mode): the call site recorded its return address (helper_ra). */
    if (!host_pc)
        host_pc = cpu->helper_ra;
    cpu->helper_ra = 0;
    /* host_pc is a return address: the call lies just before it. */
    restore_state(cpu, host_pc ? host_pc - 1 : 0);
    cpu_loop_exit(cpu, excp);
}

void cpu_signal_fault(struct cpu_common *cpu, uint64_t guest_addr,
                      bool is_write, uintptr_t host_pc, const void *host_ctx)
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
    /* host_pc is the faulting instruction itself (the globals it kept in
     * host registers go home first), or inside a helper called from
     * generated code (atomics, which run with the globals home), which
     * recorded its caller. */
    if (cg_owns(host_pc))
        cg_fault_restore(cpu, host_pc, host_ctx);
    else if (cg_helper_pc())
        host_pc = cg_helper_pc() - 1;
    restore_state(cpu, host_pc);
    cpu_loop_exit(cpu, EXCP_SEGV);
}

/*
 * Flushing the TB arena with several guest threads.  A flush frees every
 * TB, so no CPU may be inside translated code: CPUs count themselves in
 * `exec_running` while inside cpu_exec, and one that needs a flush (or
 * sees one requested) parks at the safe point at the top of its loop
 * after asking the others to leave translated code.  The last CPU to
 * park does the flush and wakes the rest.  CPUs outside cpu_exec
 * (in a syscall, or a new thread) do not count; entering cpu_exec while
 * a flush is pending parks at once.
 */
static pthread_mutex_t exec_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t exec_cond = PTHREAD_COND_INITIALIZER;
static int exec_running, exec_parked;
static unsigned exec_flush_gen;

/* Entering and leaving take no lock (syscall-heavy threads do it all the
 * time): the count is atomic, and sequential consistency between it and
 * tb_flush_pending makes either the entering CPU see the pending flush
 * (and park before running code) or the flushing CPU count it. */
static void exec_enter(void)
{
    __atomic_add_fetch(&exec_running, 1, __ATOMIC_SEQ_CST);
}

static void exec_leave(void)
{
    __atomic_sub_fetch(&exec_running, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&tb_flush_pending, __ATOMIC_SEQ_CST)) {
        pthread_mutex_lock(&exec_lock);
        pthread_cond_broadcast(&exec_cond);
        pthread_mutex_unlock(&exec_lock);
    }
}

static void flush_safe_point(struct cpu_common *self)
{
    __atomic_store_n(&tb_flush_pending, true, __ATOMIC_SEQ_CST);
    tb_kick_all_cpus(self);
    pthread_mutex_lock(&exec_lock);
    unsigned gen = exec_flush_gen;
    exec_parked++;
    while (__atomic_load_n(&tb_flush_pending, __ATOMIC_SEQ_CST) &&
           gen == exec_flush_gen) {
        if (exec_parked == __atomic_load_n(&exec_running, __ATOMIC_SEQ_CST)) {
            tb_flush_all();
            exec_flush_gen++;
            pthread_cond_broadcast(&exec_cond);
            break;
        }
        pthread_cond_wait(&exec_cond, &exec_lock);
    }
    exec_parked--;
    pthread_mutex_unlock(&exec_lock);
}

void engine_fork_child(struct cpu_common *keep)
{
    pthread_mutex_init(&exec_lock, NULL);
    pthread_cond_init(&exec_cond, NULL);
    exec_running = exec_parked = 0;
    tb_fork_child(keep);
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
    exec_enter();
    if (sigsetjmp(cpu->jmp_env, 0) != 0) {
        cpu->current_tb = NULL;
        exec_leave();
        return exec_return(cpu, cpu->exception_index);
    }

    struct tb *last = NULL;
    int slot = IR_EXIT_NOCHAIN;
    for (;;) {
        /* Safe point: this thread runs no translated code here. */
        if (tb_flush_pending) {
            flush_safe_point(cpu);
            last = NULL;
        }
        if (__atomic_load_n(&cpu->exit_request, __ATOMIC_ACQUIRE)) {
            __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_RELEASE);
            exec_leave();
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
                    flush_safe_point(cpu);
                    last = NULL;
                    continue;
                }
            }
            if (!tb->nocache)
                tb_jmp_cache_set(cpu, tb);
        }
        /* System mode chains only TBs of the same flags: a TB's flags
         * carry the ASID when its code is TLB-mapped, so an unmapped TB
         * (same for every ASID) never jumps straight into one address
         * space's translation.  Mapping changes invalidate the TBs of the
         * virtual range (target TLB writes), which unlinks them. */
        if (last && slot < IR_EXIT_NOCHAIN && !engine_opts.no_chaining &&
            !(cflags & CF_NO_CHAIN) && last->cflags == cflags &&
            (!softmmu_enabled || last->flags == tb->flags))
            tb_add_jump(last, slot, tb);

        if (engine_uses_interp(cflags)) {
            /* Interpreted code raises with its own record of the insn:
             * no return address left over from generated code counts. */
            cpu->helper_ra = 0;
            last = interp_exec(cpu, tb, &slot);
        }
        else
            last = cg_exec(cpu, tb, &slot);
        if (slot == TB_EXIT_REQUESTED) {
            if (last->ninsns)
                t->restore_state(cpu, last->insn_data[0]);
            last = NULL;
            slot = IR_EXIT_NOCHAIN;
            continue;
        }
        if (last->nocache)
            last = NULL;
        if (cpu->watch_hit_flags || cpu->single_step) {
            exec_leave();
            return exec_return(cpu, EXCP_DEBUG);
        }
    }
}
