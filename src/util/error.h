/* Fatal errors: one clear line on stderr, then exit. */
#ifndef KEMU_UTIL_ERROR_H
#define KEMU_UTIL_ERROR_H

#include <stddef.h>

/* Program name used as the message prefix ("kemu-arm"). */
extern const char *error_progname;

/* Print "PROG: message" and exit with status 1. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "PROG: message" to stderr. */
void error_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* malloc/calloc/realloc that exit with a message instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
