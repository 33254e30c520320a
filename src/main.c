/*
 * kemu's single entry point.  The name it is called by picks the target
 * and the mode: kemu-ARCH runs a Linux program (user mode),
 * kemu-system-ARCH emulates a machine.  `kemu --target ARCH [--system]`
 * does the same for the plain binary.
 */
#include <stdio.h>
#include <string.h>

#include "system/system.h"
#include "target/target.h"
#include "user/user.h"
#include "util/error.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: kemu --target ARCH [--system] [OPTIONS...]\n"
            "       kemu-ARCH [OPTIONS] PROGRAM [ARGS...]    (Linux user mode)\n"
            "       kemu-system-ARCH [OPTIONS]               (system mode)\n"
            "user-mode targets:");
    for (int i = 0; target_list[i]; i++)
        fprintf(out, " %s", target_list[i]->name);
    fprintf(out, "\n");
}

static int run(const char *arch, int system, int argc, char **argv)
{
    if (system)
        return system_main(arch, argc, argv);

    const struct target_info *t = target_find(arch);
    if (!t)
        fatal("unknown target '%s' (kemu --help lists them)", arch);
    return user_main(t, argc, argv);
}

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/');

    name = name ? name + 1 : argv[0];
    error_progname = name;

    if (strncmp(name, "kemu-system-", 12) == 0)
        return run(name + 12, 1, argc, argv);
    if (strncmp(name, "kemu-", 5) == 0)
        return run(name + 5, 0, argc, argv);

    /* Plain "kemu": --target ARCH [--system] come first. */
    const char *arch = NULL;
    int system = 0, i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--target") == 0 && i + 1 < argc)
            arch = argv[++i];
        else if (strncmp(argv[i], "--target=", 9) == 0)
            arch = argv[i] + 9;
        else if (strcmp(argv[i], "--system") == 0)
            system = 1;
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else
            break;
    }
    if (!arch) {
        usage(stderr);
        return 1;
    }
    /* The mode's own parser sees argv[0] followed by the rest. */
    argv[i - 1] = argv[0];
    return run(arch, system, argc - (i - 1), argv + (i - 1));
}
