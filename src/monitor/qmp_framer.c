/*
 * QMP input lexer and message splitter (see qmp_framer.h).  The lexer is
 * a small byte-at-a-time state machine so a message may arrive in any
 * number of pieces; the splitter counts braces and brackets over complete
 * tokens and hands a balanced token list to the parser (qmp_parser.c).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/qmp_framer.h"
#include "util/error.h"

enum lex_state {
    LX_START, LX_DQ, LX_DQ_ESC, LX_SQ, LX_SQ_ESC, LX_NUMBER, LX_KEYWORD,
};

void qmp_framer_init(struct qmp_framer *f, qmp_framer_emit_fn emit, void *opaque)
{
    memset(f, 0, sizeof(*f));
    f->emit = emit;
    f->opaque = opaque;
}

static void drop_tokens(struct qmp_framer *f)
{
    f->ntoks = 0;
    f->textlen = 0;
    f->brace = f->bracket = 0;
    /* Give back memory a huge message took. */
    if (f->textcap > (1u << 20)) {
        free(f->text);
        f->text = NULL;
        f->textcap = 0;
    }
    if (f->captoks > 65536) {
        free(f->toks);
        f->toks = NULL;
        f->captoks = 0;
    }
}

static void drop_tok(struct qmp_framer *f)
{
    f->toklen = 0;
    if (f->tokcap > (1u << 20)) {
        free(f->tok);
        f->tok = NULL;
        f->tokcap = 0;
    }
}

void qmp_framer_reset(struct qmp_framer *f)
{
    drop_tokens(f);
    drop_tok(f);
    f->state = LX_START;
    f->recover_depth = 0;
}

void qmp_framer_destroy(struct qmp_framer *f)
{
    free(f->tok);
    free(f->toks);
    free(f->text);
    memset(f, 0, sizeof(*f));
}

static void tok_add(struct qmp_framer *f, char ch)
{
    if (f->toklen + 1 >= f->tokcap) {
        f->tokcap = f->tokcap ? f->tokcap * 2 : 64;
        f->tok = xrealloc(f->tok, f->tokcap);
    }
    f->tok[f->toklen++] = ch;
}

/* Report an error for the message being collected and start recovery:
 * skip input until the braces it opened are closed again. */
static void fail(struct qmp_framer *f, const char *msg)
{
    f->recover_depth = f->brace + f->bracket;
    if (f->recover_depth < 0)
        f->recover_depth = 0;
    drop_tokens(f);
    drop_tok(f);
    f->state = LX_START;
    f->emit(f->opaque, NULL, msg);
}

static void stray(struct qmp_framer *f)
{
    /* The offending text, made printable-safe by the JSON encoder later. */
    char *buf = xmalloc(f->toklen + 40);
    memcpy(buf, "JSON parse error, stray '", 25);
    memcpy(buf + 25, f->tok, f->toklen);
    memcpy(buf + 25 + f->toklen, "'", 2);
    /* An embedded NUL would cut the text short; that only shortens it. */
    fail(f, buf);
    free(buf);
}

/* A token while recovering: only track the depth. */
static void recover_token(struct qmp_framer *f, int type)
{
    if (type == QT_LCURLY || type == QT_LSQUARE)
        f->recover_depth++;
    else if (type == QT_RCURLY || type == QT_RSQUARE)
        f->recover_depth--;
}

static void push_token(struct qmp_framer *f, int type)
{
    size_t len = f->toklen;

    if (f->recover_depth > 0) {
        recover_token(f, type);
        drop_tok(f);
        return;
    }
    switch (type) {
    case QT_LCURLY: f->brace++; break;
    case QT_RCURLY: f->brace--; break;
    case QT_LSQUARE: f->bracket++; break;
    case QT_RSQUARE: f->bracket--; break;
    }
    if (f->textlen + len + 1 > QMP_MAX_TOKEN_SIZE) {
        fail(f, "JSON token size limit exceeded");
        return;
    }
    if (f->ntoks + 1 > QMP_MAX_TOKEN_COUNT) {
        fail(f, "JSON token count limit exceeded");
        return;
    }
    if (f->brace + f->bracket > QMP_MAX_NESTING) {
        fail(f, "JSON nesting depth limit exceeded");
        return;
    }
    if (f->ntoks == f->captoks) {
        f->captoks = f->captoks ? f->captoks * 2 : 64;
        f->toks = xrealloc(f->toks, f->captoks * sizeof(*f->toks));
    }
    if (f->textlen + len + 1 > f->textcap) {
        size_t cap = f->textcap ? f->textcap : 256;
        while (cap < f->textlen + len + 1)
            cap *= 2;
        f->text = xrealloc(f->text, cap);
        f->textcap = cap;
    }
    memcpy(f->text + f->textlen, f->tok, len);
    f->toks[f->ntoks++] = (struct qmp_tok){ type, f->textlen, len };
    f->textlen += len;
    f->text[f->textlen] = 0;
    drop_tok(f);

    if ((f->brace > 0 || f->bracket > 0) && f->brace >= 0 && f->bracket >= 0)
        return;

    /* Balanced (or a lone scalar, or too many closers): parse it. */
    char errbuf[256];
    json_t *msg = qmp_parse_tokens(f, errbuf, sizeof(errbuf));
    drop_tokens(f);
    if (msg)
        f->emit(f->opaque, msg, NULL);
    else
        f->emit(f->opaque, NULL, errbuf);
}

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_ctrl(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\r' && c != '\n';
}

static bool valid_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    if (i >= n)
        return false;
    if (s[i] == '0')
        i++;
    else if (s[i] >= '1' && s[i] <= '9')
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    else
        return false;
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return false;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return false;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return i == n;
}

/* A lexical error: report it unless already recovering. */
static void lex_error(struct qmp_framer *f)
{
    if (f->recover_depth > 0) {
        drop_tok(f);
        f->state = LX_START;
        return;
    }
    stray(f);
}

static void feed_char(struct qmp_framer *f, unsigned char ch)
{
    /* A token must not grow without bound on its own either. */
    if (f->toklen >= QMP_MAX_TOKEN_SIZE) {
        if (f->recover_depth > 0) {
            drop_tok(f);
        } else {
            fail(f, "JSON token size limit exceeded");
            /* Skip the rest of this token's message. */
            if (f->recover_depth == 0)
                f->recover_depth = 1;
        }
        f->state = LX_START;
    }

    if (is_ctrl(ch)) {
        /* Any control character resets; outside recovery it is also a
         * lexical error reporting the text it cut short. */
        if (f->recover_depth > 0) {
            qmp_framer_reset(f);
            return;
        }
        tok_add(f, ch);
        stray(f);
        f->recover_depth = 0;
        return;
    }

    switch (f->state) {
    case LX_START:
        break;
    case LX_DQ:
    case LX_SQ:
        if (ch == '\\') {
            tok_add(f, ch);
            f->state = f->state == LX_DQ ? LX_DQ_ESC : LX_SQ_ESC;
        } else if (ch == 0xfe || ch == 0xff) {
            tok_add(f, ch);
            lex_error(f);
        } else if ((ch == '"' && f->state == LX_DQ) ||
                   (ch == '\'' && f->state == LX_SQ)) {
            tok_add(f, ch);
            f->state = LX_START;
            push_token(f, QT_STRING);
        } else {
            tok_add(f, ch);
        }
        return;
    case LX_DQ_ESC:
    case LX_SQ_ESC:
        /* Escapes are checked by the parser; here they only hide quotes. */
        tok_add(f, ch);
        f->state = f->state == LX_DQ_ESC ? LX_DQ : LX_SQ;
        return;
    case LX_NUMBER:
        if ((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' ||
            ch == '+' || ch == '-') {
            tok_add(f, ch);
            return;
        }
        f->state = LX_START;
        if (valid_number(f->tok, f->toklen))
            push_token(f, QT_NUMBER);
        else
            lex_error(f);
        break;  /* ch starts the next token */
    case LX_KEYWORD:
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
            tok_add(f, ch);
            return;
        }
        f->state = LX_START;
        push_token(f, QT_KEYWORD);
        break;
    }

    /* LX_START */
    if (is_ws(ch))
        return;
    switch (ch) {
    case '{': tok_add(f, ch); push_token(f, QT_LCURLY); return;
    case '}': tok_add(f, ch); push_token(f, QT_RCURLY); return;
    case '[': tok_add(f, ch); push_token(f, QT_LSQUARE); return;
    case ']': tok_add(f, ch); push_token(f, QT_RSQUARE); return;
    case ':': tok_add(f, ch); push_token(f, QT_COLON); return;
    case ',': tok_add(f, ch); push_token(f, QT_COMMA); return;
    case '"': tok_add(f, ch); f->state = LX_DQ; return;
    case '\'': tok_add(f, ch); f->state = LX_SQ; return;
    }
    if (ch == '-' || (ch >= '0' && ch <= '9')) {
        tok_add(f, ch);
        f->state = LX_NUMBER;
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
        tok_add(f, ch);
        f->state = LX_KEYWORD;
    } else {
        tok_add(f, ch);
        lex_error(f);
    }
}

void qmp_framer_feed(struct qmp_framer *f, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        feed_char(f, buf[i]);
}
