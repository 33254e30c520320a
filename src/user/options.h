/*
 * Command line of kemu-ARCH, compatible with qemu-user: options come first
 * and stop at the first non-option, which names the guest program.
 */
#ifndef KEMU_USER_OPTIONS_H
#define KEMU_USER_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/exec.h"

struct target_info;

struct user_options {
    const char *ld_prefix;        /* -L / KEMU_LD_PREFIX */
    const char *cpu_model;        /* -cpu / KEMU_CPU (NULL: default) */
    unsigned log_mask;            /* -d / KEMU_LOG */
    const char *log_file;         /* -D */
    bool strace;                  /* -strace / KEMU_STRACE */
    int gdb_port;                 /* -g / KEMU_GDB, 0 when unset */
    uint64_t guest_base;          /* -B */
    bool guest_base_set;
    uint64_t reserved_va;         /* -R */
    uint64_t stack_size;          /* -s / KEMU_STACK_SIZE */
    struct engine_options engine; /* --engine, -one-insn-per-tb */
    bool engine_fallback_note;    /* codegen asked for but not built */

    /* Guest environment edits, applied in order: "VAR=value" sets, a
     * bare "VAR" unsets (-E / -U). */
    const char **env_edits;
    int n_env_edits;

    /* The program and its arguments (argv[0] of the guest = prog_argv[0]). */
    const char *program;
    const char *argv0;            /* -0: the guest's argv[0] */
    char **prog_argv;
    int prog_argc;

    /* What to do instead of running (e.g. -version, -cpu help). */
    enum { USER_RUN, USER_EXIT_OK } action;
};

/* Default guest stack size: what qemu-user and Linux give (8 MiB). */
#define USER_DEFAULT_STACK_SIZE (8u << 20)

/*
 * Parse argv (argv[0] is the name kemu was called by) and the KEMU_*
 * environment variables (read through getenv_fn so tests can feed their
 * own).  On error: one line on err, returns false (the caller exits 1).
 * Informational options (-h, -version, -cpu help, -d help) print to out
 * and set action to USER_EXIT_OK.
 */
bool user_parse_options(const struct target_info *target, int argc,
                        char **argv, const char *(*getenv_fn)(const char *),
                        struct user_options *o, FILE *out, FILE *err);

/* Parse a size with an optional k/M/G suffix ("8M", "0x10000"). */
bool user_parse_size(const char *s, uint64_t *val);

void user_options_free(struct user_options *o);

#endif
