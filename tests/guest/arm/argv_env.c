/*
 * argv and envp as the runner passes them: tests/guest/run.sh runs every
 * program as `PROG first "second arg" ""` with KEMU_GUEST_VAR=guest-value
 * in the environment.  Also checks the initial stack layout: argv and envp
 * contiguous, NULL-terminated, auxv after envp.
 */
#include <stdlib.h>
#include <elf.h>
#include "check.h"

extern char **environ;

int main(int argc, char **argv, char **envp)
{
    CHECK("argc", argc, 4);
    CHECK_TRUE("argv[0] names the program", strstr(argv[0], "argv_env") != NULL);
    CHECK_STR("argv[1]", argv[1], "first");
    CHECK_STR("argv[2] keeps its space", argv[2], "second arg");
    CHECK_STR("argv[3] empty", argv[3], "");
    CHECK_TRUE("argv[argc] is NULL", argv[argc] == NULL);
    CHECK_TRUE("envp follows argv", envp == argv + argc + 1);
    CHECK_TRUE("environ is envp", environ == envp);
    const char *v = getenv("KEMU_GUEST_VAR");
    CHECK_STR("getenv KEMU_GUEST_VAR", v ? v : "(unset)", "guest-value");
    int n = 0, found = 0;
    for (char **e = envp; *e; e++, n++)
        found += strcmp(*e, "KEMU_GUEST_VAR=guest-value") == 0;
    CHECK("variable appears once in envp", found, 1);
    Elf32_auxv_t *aux = (Elf32_auxv_t *)(envp + n + 1);
    int has_pagesz = 0, count = 0;
    for (; aux->a_type != AT_NULL && count < 100; aux++, count++)
        if (aux->a_type == AT_PAGESZ)
            has_pagesz = aux->a_un.a_val == 4096;
    CHECK_TRUE("auxv after envp holds AT_PAGESZ 4096", has_pagesz);
    CHECK_TRUE("auxv is terminated", count < 100);
    CHECK("setenv", setenv("KEMU_NEW", "x", 1), 0);
    CHECK_STR("getenv after setenv", getenv("KEMU_NEW"), "x");
    return check_done("argv_env");
}
