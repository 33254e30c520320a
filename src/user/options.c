/*
 * qemu-user compatible option parsing.  Each option is one table row; the
 * parser accepts "-opt" and "--opt", "--opt=value" for options with an
 * argument, and stops at the first word that is not an option (or "--").
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "engine/guest_mem.h"
#include "target/target.h"
#include "user/options.h"
#include "util/bits.h"
#include "util/error.h"
#include "util/log.h"

#define KEMU_VERSION "0.1"

struct opt_ctx {
    const struct target_info *target;
    struct user_options *o;
    FILE *out, *err;
    const char *prog;
};

struct opt_def {
    const char *name;
    const char *env;   /* KEMU_ variable with the same meaning, or NULL */
    bool has_arg;
    bool (*handle)(struct opt_ctx *c, const char *arg);
    const char *argname, *help;
};

static bool __attribute__((format(printf, 2, 3)))
bad(struct opt_ctx *c, const char *fmt, ...)
{
    va_list ap;

    fprintf(c->err, "%s: ", c->prog);
    va_start(ap, fmt);
    vfprintf(c->err, fmt, ap);
    va_end(ap);
    fputc('\n', c->err);
    return false;
}

bool user_parse_size(const char *s, uint64_t *val)
{
    char *end;
    unsigned long long v;

    if (!*s || *s == '-')
        return false;
    errno = 0;
    v = strtoull(s, &end, 0);
    if (errno || end == s)
        return false;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    }
    if (*end || (shift && v > (~0ull >> shift)))
        return false;
    *val = v << shift;
    return true;
}

static bool opt_L(struct opt_ctx *c, const char *a)
{
    c->o->ld_prefix = a;
    return true;
}

/* -E/-U take a comma-separated list, like qemu. */
static bool add_env_edits(struct opt_ctx *c, const char *a, bool set)
{
    char *copy = xstrdup(a), *save = copy, *tok;

    while ((tok = strsep(&copy, ",")) != NULL) {
        if (!*tok)
            continue;
        if (set != (strchr(tok, '=') != NULL) || *tok == '=') {
            bool ok = bad(c, set ? "-E needs VAR=VALUE, not '%s'"
                                 : "-U needs a variable name, not '%s'",
                          tok);
            free(save);
            return ok;
        }
        struct user_options *o = c->o;
        o->env_edits = xrealloc(o->env_edits,
                                (o->n_env_edits + 1) * sizeof(char *));
        o->env_edits[o->n_env_edits++] = xstrdup(tok);
    }
    free(save);
    return true;
}

static bool opt_E(struct opt_ctx *c, const char *a) { return add_env_edits(c, a, true); }
static bool opt_U(struct opt_ctx *c, const char *a) { return add_env_edits(c, a, false); }

static bool opt_cpu(struct opt_ctx *c, const char *a)
{
    const char *const *m = c->target->cpu_models;

    if (strcmp(a, "help") == 0 || strcmp(a, "?") == 0) {
        fprintf(c->out, "Available CPUs (the first is the default):\n");
        for (; m && *m; m++)
            fprintf(c->out, "  %s\n", *m);
        c->o->action = USER_EXIT_OK;
        return true;
    }
    bool known = false;
    for (; m && *m; m++)
        known |= strcmp(*m, a) == 0;
    if (!known)
        return bad(c, "unknown CPU model '%s' (-cpu help lists them)", a);
    c->o->cpu_model = a;
    return true;
}

static bool opt_d(struct opt_ctx *c, const char *a)
{
    const char *badp;
    size_t bad_len;
    unsigned mask;

    if (strcmp(a, "help") == 0) {
        log_list_items(c->out);
        c->o->action = USER_EXIT_OK;
        return true;
    }
    if (!log_parse_items(a, &mask, &badp, &bad_len)) {
        char item[64];
        snprintf(item, sizeof(item), "%.*s", (int)(bad_len < 60 ? bad_len : 60), badp);
        return bad(c, "unknown log item '%s' (-d help lists them)", item);
    }
    c->o->log_mask |= mask;
    return true;
}

static bool opt_D(struct opt_ctx *c, const char *a)
{
    c->o->log_file = a;
    return true;
}

static bool opt_argv0(struct opt_ctx *c, const char *a)
{
    c->o->argv0 = a;
    return true;
}

static bool opt_strace(struct opt_ctx *c, const char *a)
{
    c->o->strace = true;
    return true;
}

static bool opt_one_insn(struct opt_ctx *c, const char *a)
{
    c->o->engine.one_insn_per_tb = true;
    return true;
}

static bool opt_g(struct opt_ctx *c, const char *a)
{
    char *end;
    long port = strtol(a, &end, 10);

    if (*a < '0' || *a > '9' || *end || port <= 0 || port > 65535)
        return bad(c, "-g needs a TCP port number, not '%s'", a);
    c->o->gdb_port = (int)port;
    return true;
}

static bool opt_B(struct opt_ctx *c, const char *a)
{
    char *end;

    errno = 0;
    unsigned long long v = strtoull(a, &end, 0);
    if (!*a || *a == '-' || *end || errno || (v & (GUEST_PAGE_SIZE - 1)))
        return bad(c, "-B needs a page-aligned address, not '%s'", a);
    c->o->guest_base = v;
    c->o->guest_base_set = true;
    return true;
}

static bool opt_R(struct opt_ctx *c, const char *a)
{
    if (!user_parse_size(a, &c->o->reserved_va) || !c->o->reserved_va)
        return bad(c, "-R needs a size such as 1G, not '%s'", a);
    return true;
}

static bool opt_s(struct opt_ctx *c, const char *a)
{
    uint64_t v;

    if (!user_parse_size(a, &v) || v == 0 || v > (1ull << 30))
        return bad(c, "-s needs a stack size from 1 byte to 1G, not '%s'",
                   a);
    c->o->stack_size = v;
    return true;
}

static bool opt_engine(struct opt_ctx *c, const char *a)
{
    if (strcmp(a, "interp") == 0)
        c->o->engine.backend = ENGINE_INTERP;
    else if (strcmp(a, "codegen") == 0)
        c->o->engine.backend = ENGINE_CODEGEN;
    else
        return bad(c, "--engine takes interp or codegen, not '%s'", a);
    return true;
}

static bool opt_perfmap(struct opt_ctx *c, const char *a)
{
    c->o->engine.perfmap = true;
    return true;
}

static void usage(struct opt_ctx *c, FILE *f);

static bool opt_help(struct opt_ctx *c, const char *a)
{
    usage(c, c->out);
    c->o->action = USER_EXIT_OK;
    return true;
}

static bool opt_version(struct opt_ctx *c, const char *a)
{
    fprintf(c->out, "kemu-%s version " KEMU_VERSION "\n", c->target->name);
    c->o->action = USER_EXIT_OK;
    return true;
}

static const struct opt_def opts[] = {
    { "h", NULL, false, opt_help, "", "print this help and exit" },
    { "help", NULL, false, opt_help, "", "print this help and exit" },
    { "L", "KEMU_LD_PREFIX", true, opt_L, "path", "prefix for the ELF interpreter and sysroot" },
    { "E", NULL, true, opt_E, "var=value", "set a variable in the guest environment" },
    { "U", NULL, true, opt_U, "var", "remove a variable from the guest environment" },
    { "cpu", "KEMU_CPU", true, opt_cpu, "model", "select the CPU model (-cpu help lists them)" },
    { "d", "KEMU_LOG", true, opt_d, "item[,...]", "enable logging of items (-d help lists them)" },
    { "D", NULL, true, opt_D, "file", "write the log to file instead of stderr" },
    { "strace", "KEMU_STRACE", false, opt_strace, "", "log system calls" },
    { "one-insn-per-tb", NULL, false, opt_one_insn, "", "translate one instruction per block" },
    { "singlestep", NULL, false, opt_one_insn, "", "same as -one-insn-per-tb" },
    { "g", "KEMU_GDB", true, opt_g, "port", "wait for gdb on port" },
    { "B", NULL, true, opt_B, "address", "host address of guest address 0" },
    { "R", NULL, true, opt_R, "size", "reserve size bytes of guest address space" },
    { "s", "KEMU_STACK_SIZE", true, opt_s, "size", "guest stack size (default 8M)" },
    { "engine", NULL, true, opt_engine, "interp|codegen", "execution backend (default codegen)" },
    { "perfmap", NULL, false, opt_perfmap, "", "write /tmp/perf-PID.map for perf" },
    { "0", NULL, true, opt_argv0, "argv0", "the program's argv[0]" },
    { "version", NULL, false, opt_version, "", "print the version and exit" },
};

static void usage(struct opt_ctx *c, FILE *f)
{
    fprintf(f, "usage: kemu-%s [options] program [arguments...]\n"
               "Linux user-mode emulation of %s programs.\n\nOptions:\n",
            c->target->name, c->target->name);
    for (size_t i = 0; i < ARRAY_SIZE(opts); i++) {
        char left[40];
        snprintf(left, sizeof(left), "-%s %s", opts[i].name, opts[i].argname);
        fprintf(f, "  %-26s %s%s%s\n", left, opts[i].help,
                opts[i].env ? ", env " : "", opts[i].env ? opts[i].env : "");
    }
}

bool user_parse_options(const struct target_info *target, int argc,
                        char **argv, const char *(*getenv_fn)(const char *),
                        struct user_options *o, FILE *out, FILE *err)
{
    struct opt_ctx c = { target, o, out, err, error_progname };

    memset(o, 0, sizeof(*o));
    o->stack_size = USER_DEFAULT_STACK_SIZE;
    o->engine.backend = ENGINE_CODEGEN;

    /* The environment first, so the command line overrides it.  Help
     * requests only count on the command line. */
    for (size_t i = 0; i < ARRAY_SIZE(opts); i++) {
        const char *v = opts[i].env ? getenv_fn(opts[i].env) : NULL;
        if (!v)
            continue;
        if (opts[i].has_arg && (!*v || strcmp(v, "help") == 0))
            continue;
        if (!opts[i].handle(&c, v))
            return false;
    }
    o->action = USER_RUN;

    int i = 1;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            break;
        i++;
        if (strcmp(a, "--") == 0)
            break;
        const char *name = a + 1 + (a[1] == '-');
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const struct opt_def *d = NULL;
        for (size_t k = 0; k < ARRAY_SIZE(opts); k++)
            if (strlen(opts[k].name) == len &&
                strncmp(opts[k].name, name, len) == 0)
                d = &opts[k];
        if (!d)
            return bad(&c, "unknown option '%s' (-h lists them)", a);
        const char *arg = NULL;
        if (d->has_arg) {
            if (eq)
                arg = eq + 1;
            else if (i < argc)
                arg = argv[i++];
            else
                return bad(&c, "option '%s' needs an argument", a);
        } else if (eq) {
            return bad(&c, "option '-%s' takes no argument", d->name);
        }
        if (!d->handle(&c, arg))
            return false;
        if (o->action == USER_EXIT_OK)
            return true;
    }
    if (i >= argc)
        return bad(&c, "no program given (usage: kemu-%s [options] program "
                       "[arguments...])", target->name);
    o->program = argv[i];
    o->prog_argv = argv + i;
    o->prog_argc = argc - i;
    return true;
}

void user_options_free(struct user_options *o)
{
    for (int i = 0; i < o->n_env_edits; i++)
        free((void *)o->env_edits[i]);
    free(o->env_edits);
    o->env_edits = NULL;
    o->n_env_edits = 0;
}
