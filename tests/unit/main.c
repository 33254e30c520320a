/* Engine unit tests: runs every test, one PASS/FAIL line each. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

static FILE *results;
static int failures, total_failed;

void unit_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    if (failures++ >= 10)
        return; /* enough to diagnose */
    fprintf(stderr, "  %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void unit_run(const char *name, void (*fn)(void))
{
    failures = 0;
    fn();
    const char *res = failures ? "FAIL" : "PASS";
    printf("%s unit/%s\n", res, name);
    if (failures)
        fprintf(stderr, "  (%d failed checks)\n", failures);
    if (results)
        fprintf(results, "%s unit/%s\n", res, name);
    total_failed += failures != 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !(results = fopen(argv[1], "a"))) {
        perror(argv[1]);
        return 2;
    }
    /* A small code buffer, so the tests also go through flushes. */
    test_target_setup(2u << 20);
    test_ops();
    test_exec();
    test_jcache();
    test_lowering();
    test_fault_regs();
    test_opt();
    if (results)
        fclose(results);
    return total_failed ? 1 : 0;
}
