/*
 * Streaming JSON input for QMP.  Bytes go in as they arrive; complete
 * messages come out, split by brace and bracket balance (not by lines),
 * as jansson values or as a `JSON parse error, ...` text.
 *
 * Accepts QEMU's extensions (single-quoted strings, the \' escape) and
 * enforces its limits: 64 MiB of token text per message, 2 M tokens,
 * 1024 levels of nesting.  After an error, input is discarded until the
 * braces of the broken message balance; an ASCII control character other
 * than TAB, CR, LF always resets.
 */
#ifndef KEMU_MONITOR_QMP_FRAMER_H
#define KEMU_MONITOR_QMP_FRAMER_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define QMP_MAX_TOKEN_SIZE (64u << 20)
#define QMP_MAX_TOKEN_COUNT (2u << 20)
#define QMP_MAX_NESTING 1024

/* Exactly one of msg (owned by the callee) and err is non-NULL. */
typedef void (*qmp_framer_emit_fn)(void *opaque, json_t *msg, const char *err);

struct qmp_tok {
    uint8_t type;
    uint32_t off, len;  /* text in framer->text */
};

struct qmp_framer {
    int state;
    int recover_depth;   /* unbalanced braces left to skip after an error */
    /* The token being lexed. */
    char *tok;
    size_t toklen, tokcap;
    /* Complete tokens of the message being collected. */
    struct qmp_tok *toks;
    size_t ntoks, captoks;
    char *text;
    size_t textlen, textcap;
    int brace, bracket;
    qmp_framer_emit_fn emit;
    void *opaque;
};

void qmp_framer_init(struct qmp_framer *f, qmp_framer_emit_fn emit, void *opaque);
void qmp_framer_feed(struct qmp_framer *f, const uint8_t *buf, size_t len);
/* Forget any partial message (a client disconnected). */
void qmp_framer_reset(struct qmp_framer *f);
void qmp_framer_destroy(struct qmp_framer *f);

/* Turn a complete token list into a value; NULL with *err (static text
 * or written into errbuf) on a grammar error.  Used by the framer. */
json_t *qmp_parse_tokens(const struct qmp_framer *f, char *errbuf, size_t errlen);

enum qmp_tok_type {
    QT_LCURLY = 1, QT_RCURLY, QT_LSQUARE, QT_RSQUARE, QT_COLON, QT_COMMA,
    QT_STRING, QT_NUMBER, QT_KEYWORD,
};

#endif
