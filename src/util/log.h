/*
 * Debug logging selected by -d ITEMS and written to stderr or -D FILE.
 */
#ifndef KEMU_UTIL_LOG_H
#define KEMU_UTIL_LOG_H

#include <stdbool.h>
#include <stdio.h>

enum log_item {
    LOG_IN_ASM = 1u << 0,   /* guest code as it is translated */
    LOG_OP = 1u << 1,       /* IR before optimization */
    LOG_OP_OPT = 1u << 2,   /* IR after optimization */
    LOG_OUT_ASM = 1u << 3,  /* host code */
    LOG_EXEC = 1u << 4,     /* each TB as it runs */
    LOG_UNIMP = 1u << 5,    /* unimplemented syscalls, ioctls, features */
    LOG_STRACE = 1u << 6,   /* system calls (also -strace) */
    LOG_CPU = 1u << 7,      /* registers before each TB */
    LOG_INT = 1u << 8,      /* exceptions and interrupts */
    LOG_GUEST_ERRORS = 1u << 9,
    LOG_PAGE = 1u << 10,    /* guest memory map changes */
};

extern unsigned log_mask;

static inline bool log_enabled(unsigned items)
{
    return (log_mask & items) != 0;
}

/* Parse "in_asm,op,exec"; returns false (and names the bad item in *bad)
 * on an unknown item.  "help" lists the items to stdout. */
bool log_parse_items(const char *list, unsigned *mask, const char **bad,
                     size_t *bad_len);
void log_list_items(FILE *out);

/* Send the log to a file instead of stderr; false if it cannot be opened. */
bool log_set_file(const char *path);

FILE *log_file(void);
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_line(const char *line); /* line plus newline */
void log_flush(void);

#endif
