/* Runs the device unit tests (see devtest.h):
 *     device-tests RESULT_FILE */
#include <stdarg.h>
#include <stdio.h>

#include "devtest.h"

static int failures;

void dev_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures++;
}

int main(int argc, char **argv)
{
    FILE *res = argc > 1 ? fopen(argv[1], "a") : stdout;
    if (!res) {
        perror(argv[1]);
        return 2;
    }
    const struct dev_test *suites[] = { i8254_tests, i8042_tests };
    int pass = 0, fail = 0;
    for (unsigned s = 0; s < sizeof(suites) / sizeof(suites[0]); s++) {
        for (const struct dev_test *t = suites[s]; t->name; t++) {
            int before = failures;
            t->fn();
            bool ok = failures == before;
            fprintf(res, "%s %s\n", ok ? "PASS" : "FAIL", t->name);
            if (ok)
                pass++;
            else
                fail++;
        }
    }
    if (res != stdout)
        fclose(res);
    printf("device unit tests: %d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
