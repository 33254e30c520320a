#include "util/log.h"

#include <stdarg.h>
#include <string.h>

unsigned log_mask;
static FILE *log_out;

static const struct {
    const char *name;
    unsigned mask;
    const char *help;
} log_items[] = {
    { "in_asm", LOG_IN_ASM, "show guest code as it is translated" },
    { "op", LOG_OP, "show the IR of each translation block" },
    { "op_opt", LOG_OP_OPT, "show the IR after optimization" },
    { "out_asm", LOG_OUT_ASM, "show generated host code" },
    { "exec", LOG_EXEC, "show each translation block as it runs" },
    { "cpu", LOG_CPU, "show CPU registers before each block" },
    { "int", LOG_INT, "show exceptions and interrupts" },
    { "unimp", LOG_UNIMP, "log unimplemented functionality" },
    { "strace", LOG_STRACE, "log system calls" },
    { "guest_errors", LOG_GUEST_ERRORS, "log invalid guest operations" },
    { "page", LOG_PAGE, "log guest memory map changes" },
};

bool log_parse_items(const char *list, unsigned *mask, const char **bad,
                     size_t *bad_len)
{
    unsigned m = 0;
    const char *p = list;

    while (*p) {
        size_t len = strcspn(p, ",");
        bool found = false;

        for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++) {
            if (strlen(log_items[i].name) == len &&
                strncmp(log_items[i].name, p, len) == 0) {
                m |= log_items[i].mask;
                found = true;
            }
        }
        if (!found && len > 0) {
            *bad = p;
            *bad_len = len;
            return false;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    *mask = m;
    return true;
}

void log_list_items(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++)
        fprintf(out, "%-12s %s\n", log_items[i].name, log_items[i].help);
}

bool log_set_file(const char *path)
{
    FILE *f = fopen(path, "w");

    if (!f)
        return false;
    setvbuf(f, NULL, _IOLBF, 0);
    log_out = f;
    return true;
}

FILE *log_file(void)
{
    return log_out ? log_out : stderr;
}

void log_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(log_file(), fmt, ap);
    va_end(ap);
}

void log_line(const char *line)
{
    FILE *f = log_file();

    fputs(line, f);
    fputc('\n', f);
}

void log_flush(void)
{
    fflush(log_file());
}
