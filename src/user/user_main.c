/*
 * kemu-ARCH: run one Linux guest program.  Parse options, set up the
 * engine and guest memory, load the program, build its stack and enter
 * the CPU loop.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "gdbstub/gdbstub.h"
#include "target/target.h"
#include "user/abi.h"
#include "user/cpu_loop.h"
#include "user/elfload.h"
#include "user/options.h"
#include "user/procfs.h"
#include "user/signal.h"
#include "user/stack.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user.h"
#include "user/user_mem.h"
#include "util/error.h"
#include "util/log.h"

extern char **environ;

/* Defined (true) by the engine once its code generator is built in. */
extern const bool engine_codegen_available __attribute__((weak));

static const char *real_getenv(const char *name)
{
    return getenv(name);
}

/* The guest environment: kemu's own, minus nothing, edited by -E/-U. */
static char **build_env(const struct user_options *o, int *count)
{
    int n = 0, cap = 16;
    char **env = xmalloc(cap * sizeof(char *));

    for (char **e = environ; *e; e++) {
        if (n + 1 >= cap)
            env = xrealloc(env, (cap *= 2) * sizeof(char *));
        env[n++] = *e;
    }
    for (int i = 0; i < o->n_env_edits; i++) {
        const char *edit = o->env_edits[i];
        const char *eq = strchr(edit, '=');
        size_t klen = eq ? (size_t)(eq - edit) : strlen(edit);
        int k = 0;
        for (int j = 0; j < n; j++)
            if (!(strncmp(env[j], edit, klen) == 0 && env[j][klen] == '='))
                env[k++] = env[j];
        n = k;
        if (eq) {
            if (n + 1 >= cap)
                env = xrealloc(env, (cap *= 2) * sizeof(char *));
            env[n++] = (char *)edit;
        }
    }
    env[n] = NULL;
    *count = n;
    return env;
}

int user_main(const struct target_info *target, int argc, char **argv)
{
    struct user_options o;
    char err[512];

    user_abi = user_abi_find(target->name);
    if (!user_abi)
        fatal("no Linux user mode for target '%s' yet", target->name);
    if (!user_parse_options(target, argc, argv, real_getenv, &o, stdout,
                            stderr))
        return 1;
    if (o.action == USER_EXIT_OK)
        return 0;
    /* The gdb port belongs to this process only: a guest program that
     * re-executes itself must not wait for a debugger on a port that is
     * already taken, nor see the variable. */
    unsetenv("KEMU_GDB");

    log_mask = o.log_mask | (o.strace ? LOG_STRACE : 0);
    if (o.log_file && !log_set_file(o.log_file))
        fatal("cannot open log file '%s'", o.log_file);
    if (o.engine.backend == ENGINE_CODEGEN &&
        !(&engine_codegen_available && engine_codegen_available)) {
        error_report("note: the codegen engine is not built yet, using interp");
        o.engine.backend = ENGINE_INTERP;
    }
    if (o.guest_base_set && log_enabled(LOG_UNIMP))
        log_printf("-B: the guest base is chosen by the engine; ignored\n");

    /* Pass the options on to a re-executed kemu (execve of a guest
     * program): everything before the program name. */
    user_state.kemu_argv = argv;
    user_state.kemu_argc = (int)(o.prog_argv - argv);
    user_state.kemu_path = "/proc/self/exe";
    user_state.exe_path = o.program;
    user_state.cpu_model = o.cpu_model;
    user_state.sysroot = o.ld_prefix;

    engine_init(target, &o.engine);
    guest_mem_init(target->addr_bits);
    uint64_t limit = user_abi->space_limit;
    if (o.reserved_va && o.reserved_va < limit)
        limit = o.reserved_va;
    user_mem_init(limit, user_abi->mmap_base);
    syscall_init(user_abi);

    struct cpu_common *cpu = cpu_create(target, 0);
    if (o.cpu_model && target->cpu_set_model &&
        !target->cpu_set_model(cpu, o.cpu_model))
        fatal("unknown CPU model '%s'", o.cpu_model);

    if (user_abi->map_special_pages)
        user_abi->map_special_pages();

    struct image_info info;
    if (!elf_load(o.program, user_abi, &info, err, sizeof(err)))
        fatal("%s", err);
    if (info.interp[0] &&
        !elf_load_interp(user_sysroot_path_follow(info.interp), user_abi, &info, err,
                         sizeof(err)))
        fatal("%s", err);
    if (!o.cpu_model && user_abi->model_for_elf && target->cpu_set_model) {
        const char *m = user_abi->model_for_elf(info.e_flags);
        if (m)
            target->cpu_set_model(cpu, m);
    }
    user_brk_init(info.start_brk);
    procfs_set_heap((info.start_brk + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK);
    procfs_set_image(info.lowest & GUEST_PAGE_MASK,
                     (info.start_brk + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK);

    int envc;
    char **envp = build_env(&o, &envc);
    char **gargv = o.prog_argv;
    const char *saved0 = gargv[0];
    if (o.argv0)
        gargv[0] = (char *)o.argv0;
    uint64_t sp;
    if (!user_setup_stack(cpu, &info, o.stack_size, gargv, o.prog_argc, envp,
                          envc, o.program, &sp, err, sizeof(err)))
        fatal("%s", err);
    gargv[0] = (char *)saved0;
    free(envp);

    user_abi->init_regs(cpu, &info, sp);
    user_install_fault_handlers();
    user_signal_init(cpu);
    if (o.gdb_port && !gdbstub_user_start(o.gdb_port, cpu))
        return 1;
    user_cpu_loop(cpu);
}
