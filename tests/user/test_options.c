/*
 * Unit tests of kemu-ARCH option parsing (user/options.c): each case
 * parses a command line and a fake environment and checks the outcome,
 * including that errors are exactly one line on the error stream.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "target/target.h"
#include "user/options.h"
#include "util/error.h"
#include "util/log.h"

static const char *const models[] = { "arm926", "arm1136", "cortex-a8", NULL };
static const struct target_info fake = { .name = "arm", .addr_bits = 32,
                                         .cpu_models = models };

static const char *env_vals[8][2];

static const char *fake_getenv(const char *n)
{
    for (int i = 0; i < 8 && env_vals[i][0]; i++)
        if (strcmp(env_vals[i][0], n) == 0)
            return env_vals[i][1];
    return NULL;
}

static FILE *results;
static int failures;

static void check(const char *name, int ok)
{
    fprintf(results, "%s %s\n", ok ? "PASS" : "FAIL", name);
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s\n", name);
    }
}

struct run {
    bool ok;
    struct user_options o;
    char out[4096], err[4096];
};

static struct run *parse(const char *const *args)
{
    static struct run r;
    static char *argv[32];
    int argc = 0;

    memset(&r, 0, sizeof(r));
    argv[argc++] = "kemu-arm";
    for (; *args; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    FILE *out = fmemopen(r.out, sizeof(r.out) - 1, "w");
    FILE *err = fmemopen(r.err, sizeof(r.err) - 1, "w");
    r.ok = user_parse_options(&fake, argc, argv, fake_getenv, &r.o, out, err);
    fclose(out);
    fclose(err);
    return &r;
}

static int lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* An error: false, nothing on out, exactly one line on err naming what. */
static void check_error(const char *name, const char *const *args,
                        const char *needle)
{
    struct run *r = parse(args);
    char full[128];
    snprintf(full, sizeof(full), "options.%s", name);
    check(full, !r->ok && lines(r->err) == 1 && strstr(r->err, needle) &&
                    strncmp(r->err, "kemu-arm: ", 10) == 0);
}

int main(int argc, char **argv)
{
    results = fopen(argc > 1 ? argv[1] : "/dev/stdout", "a");
    if (!results)
        return 2;
    error_progname = "kemu-arm";

    struct run *r = parse(ARGS("prog", "-x", "y"));
    check("options.program_and_args", r->ok && r->o.action == USER_RUN &&
          strcmp(r->o.program, "prog") == 0 && r->o.prog_argc == 3 &&
          strcmp(r->o.prog_argv[1], "-x") == 0 &&
          r->o.stack_size == USER_DEFAULT_STACK_SIZE &&
          r->o.engine.backend == ENGINE_CODEGEN);

    r = parse(ARGS("-L", "/sysroot", "-cpu", "arm1136", "-strace", "-d",
                   "in_asm,unimp", "-D", "/tmp/log", "-g", "1234", "-s",
                   "1M", "-R", "1G", "-B", "0x10000", "-one-insn-per-tb",
                   "--engine=codegen", "prog"));
    check("options.all_values", r->ok && strcmp(r->o.ld_prefix, "/sysroot") == 0 &&
          strcmp(r->o.cpu_model, "arm1136") == 0 && r->o.strace &&
          r->o.log_mask == (LOG_IN_ASM | LOG_UNIMP) &&
          strcmp(r->o.log_file, "/tmp/log") == 0 && r->o.gdb_port == 1234 &&
          r->o.stack_size == (1u << 20) && r->o.reserved_va == (1ull << 30) &&
          r->o.guest_base == 0x10000 && r->o.engine.one_insn_per_tb &&
          r->o.engine.backend == ENGINE_CODEGEN &&
          strcmp(r->o.program, "prog") == 0);

    r = parse(ARGS("--engine", "interp", "--strace", "prog"));
    check("options.double_dash_forms", r->ok && r->o.strace &&
          r->o.engine.backend == ENGINE_INTERP);

    r = parse(ARGS("-E", "A=1,B=2", "-U", "C", "-E", "D=x=y", "prog"));
    check("options.env_edits", r->ok && r->o.n_env_edits == 4 &&
          strcmp(r->o.env_edits[0], "A=1") == 0 &&
          strcmp(r->o.env_edits[1], "B=2") == 0 &&
          strcmp(r->o.env_edits[2], "C") == 0 &&
          strcmp(r->o.env_edits[3], "D=x=y") == 0);

    r = parse(ARGS("prog", "-strace"));
    check("options.stop_at_program", r->ok && !r->o.strace &&
          r->o.prog_argc == 2);

    r = parse(ARGS("--", "-prog"));
    check("options.double_dash_ends", r->ok && strcmp(r->o.program, "-prog") == 0);

    r = parse(ARGS("-cpu", "help"));
    check("options.cpu_help", r->ok && r->o.action == USER_EXIT_OK &&
          strstr(r->out, "arm926") && strstr(r->out, "cortex-a8"));

    r = parse(ARGS("-d", "help"));
    check("options.log_help", r->ok && r->o.action == USER_EXIT_OK &&
          strstr(r->out, "in_asm") && strstr(r->out, "strace"));

    r = parse(ARGS("-h"));
    check("options.help", r->ok && r->o.action == USER_EXIT_OK &&
          strstr(r->out, "-strace") && strstr(r->out, "KEMU_LD_PREFIX"));

    r = parse(ARGS("-version"));
    check("options.version", r->ok && r->o.action == USER_EXIT_OK &&
          strstr(r->out, "version"));

    check_error("unknown_option", ARGS("-bogus", "prog"), "unknown option '-bogus'");
    check_error("missing_argument", ARGS("-L"), "needs an argument");
    check_error("missing_argument_cpu", ARGS("-cpu"), "needs an argument");
    check_error("no_program", ARGS("-strace"), "no program");
    check_error("empty_command_line", ARGS("-d", "in_asm"), "no program");
    check_error("bad_cpu", ARGS("-cpu", "pentium", "prog"), "unknown CPU model 'pentium'");
    check_error("bad_log_item", ARGS("-d", "in_asm,nonsense", "prog"),
                "unknown log item 'nonsense'");
    check_error("bad_port", ARGS("-g", "http", "prog"), "-g");
    check_error("bad_port_range", ARGS("-g", "70000", "prog"), "-g");
    check_error("bad_stack", ARGS("-s", "lots", "prog"), "-s");
    check_error("bad_stack_suffix", ARGS("-s", "8Q", "prog"), "-s");
    check_error("bad_stack_zero", ARGS("-s", "0", "prog"), "-s");
    check_error("bad_reserve", ARGS("-R", "-1", "prog"), "-R");
    check_error("bad_base", ARGS("-B", "0x123", "prog"), "-B");
    check_error("bad_engine", ARGS("--engine=jit", "prog"), "--engine");
    check_error("flag_with_value", ARGS("-strace=1", "prog"), "takes no argument");
    check_error("bad_E", ARGS("-E", "NOEQUALS", "prog"), "-E");
    check_error("bad_U", ARGS("-U", "A=1", "prog"), "-U");

    /* Environment variables, and the command line overriding them. */
    env_vals[0][0] = "KEMU_STRACE"; env_vals[0][1] = "1";
    env_vals[1][0] = "KEMU_CPU"; env_vals[1][1] = "cortex-a8";
    env_vals[2][0] = "KEMU_LOG"; env_vals[2][1] = "page";
    env_vals[3][0] = "KEMU_STACK_SIZE"; env_vals[3][1] = "64k";
    env_vals[4][0] = "KEMU_GDB"; env_vals[4][1] = "4321";
    env_vals[5][0] = "KEMU_LD_PREFIX"; env_vals[5][1] = "/usr/arm-linux-gnueabi";
    r = parse(ARGS("prog"));
    check("options.environment", r->ok && r->o.strace &&
          strcmp(r->o.cpu_model, "cortex-a8") == 0 && r->o.log_mask == LOG_PAGE &&
          r->o.stack_size == 65536 && r->o.gdb_port == 4321 &&
          strcmp(r->o.ld_prefix, "/usr/arm-linux-gnueabi") == 0);
    r = parse(ARGS("-cpu", "arm926", "-s", "2M", "prog"));
    check("options.command_line_overrides_env", r->ok &&
          strcmp(r->o.cpu_model, "arm926") == 0 && r->o.stack_size == (2u << 20));
    env_vals[1][1] = "nosuchcpu";
    r = parse(ARGS("prog"));
    check("options.bad_env_value", !r->ok && lines(r->err) == 1 &&
          strstr(r->err, "nosuchcpu"));

    fclose(results);
    return failures != 0;
}
