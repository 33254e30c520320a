/*
 * QMP's JSON grammar over a balanced token list (from qmp_framer.c),
 * building jansson values.  Error texts follow QEMU's parser so clients
 * see the same `JSON parse error, ...` details.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/qmp_framer.h"
#include "util/error.h"

struct pctx {
    const struct qmp_framer *f;
    size_t pos;
    char *err;
    size_t errlen;
    bool failed;
};

static void perr(struct pctx *p, const char *fmt, const char *arg)
{
    if (p->failed)
        return;
    p->failed = true;
    int n = snprintf(p->err, p->errlen, "JSON parse error, ");
    snprintf(p->err + n, p->errlen - n, fmt, arg);
}

static const struct qmp_tok *peek(struct pctx *p)
{
    return p->pos < p->f->ntoks ? &p->f->toks[p->pos] : NULL;
}

static const struct qmp_tok *next(struct pctx *p)
{
    return p->pos < p->f->ntoks ? &p->f->toks[p->pos++] : NULL;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int hex4(const char *s, size_t left)
{
    int v = 0;
    if (left < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v << 4 | h;
    }
    return v;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = cp; return 1; }
    if (cp < 0x800) { o[0] = 0xc0 | cp >> 6; o[1] = 0x80 | (cp & 0x3f); return 2; }
    if (cp < 0x10000) {
        o[0] = 0xe0 | cp >> 12; o[1] = 0x80 | ((cp >> 6) & 0x3f);
        o[2] = 0x80 | (cp & 0x3f); return 3;
    }
    o[0] = 0xf0 | cp >> 18; o[1] = 0x80 | ((cp >> 12) & 0x3f);
    o[2] = 0x80 | ((cp >> 6) & 0x3f); o[3] = 0x80 | (cp & 0x3f);
    return 4;
}

/* Decode a quoted token ("..." or '...') into a jansson string. */
static json_t *parse_string(struct pctx *p, const struct qmp_tok *t)
{
    const char *s = p->f->text + t->off + 1;
    size_t n = t->len - 2;
    char *out = xmalloc(n + 1), *o = out;
    json_t *v = NULL;

    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            *o++ = s[i];
            continue;
        }
        if (++i >= n)
            goto bad_escape;
        switch (s[i]) {
        case '"': *o++ = '"'; break;
        case '\'': *o++ = '\''; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            int cp = hex4(s + i + 1, n - i - 1);
            if (cp < 0)
                goto bad_escape;
            i += 4;
            if (cp >= 0xd800 && cp < 0xdc00) {
                int lo = (i + 2 < n && s[i + 1] == '\\' && s[i + 2] == 'u')
                             ? hex4(s + i + 3, n - i - 3) : -1;
                if (lo < 0xdc00 || lo > 0xdfff) {
                    perr(p, "%s", "invalid \\u escape (unpaired surrogate)");
                    goto out;
                }
                i += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                perr(p, "%s", "invalid \\u escape (unpaired surrogate)");
                goto out;
            } else if (cp == 0) {
                perr(p, "%s", "\\u0000 is not supported");
                goto out;
            }
            o += put_utf8(o, cp);
            break;
        }
        default:
            goto bad_escape;
        }
    }
    v = json_stringn(out, o - out);
    if (!v)
        perr(p, "%s", "invalid UTF-8 sequence in string");
    goto out;
bad_escape:
    perr(p, "%s", "invalid escape sequence in string");
out:
    free(out);
    return v;
}

static json_t *parse_number(struct pctx *p, const struct qmp_tok *t)
{
    const char *s = p->f->text + t->off;
    char buf[64];
    bool is_float = memchr(s, '.', t->len) || memchr(s, 'e', t->len) ||
                    memchr(s, 'E', t->len);

    if (!is_float && t->len < sizeof(buf)) {
        memcpy(buf, s, t->len);
        buf[t->len] = 0;
        errno = 0;
        long long v = strtoll(buf, NULL, 10);
        if (errno == 0)
            return json_integer(v);
    }
    /* Too big for an integer (or a float): a double, as QEMU does. */
    char *tmp = strndup(s, t->len);
    double d = strtod(tmp, NULL);
    free(tmp);
    return json_real(d);
}

static json_t *parse_value(struct pctx *p);

static json_t *parse_object(struct pctx *p)
{
    json_t *obj = json_object();
    const struct qmp_tok *t = peek(p);

    if (!t) {
        perr(p, "%s", "premature EOI");
        goto fail;
    }
    if (t->type == QT_RCURLY) {
        next(p);
        return obj;
    }
    for (;;) {
        t = peek(p);
        if (!t) {
            perr(p, "%s", "premature EOI");
            goto fail;
        }
        if (t->type != QT_STRING) {
            perr(p, "%s", "key is not a string in object");
            goto fail;
        }
        json_t *key = parse_string(p, next(p));
        if (!key)
            goto fail;
        t = next(p);
        if (!t) {
            json_decref(key);
            perr(p, "%s", "premature EOI");
            goto fail;
        }
        if (t->type != QT_COLON) {
            json_decref(key);
            perr(p, "%s", "missing : in object pair");
            goto fail;
        }
        json_t *val = parse_value(p);
        if (!val) {
            json_decref(key);
            goto fail;
        }
        /* Keys with embedded NULs cannot exist in a jansson object;
         * such a key is simply never a valid QMP member. */
        json_object_set_new_nocheck(obj, json_string_value(key), val);
        json_decref(key);
        t = next(p);
        if (!t) {
            perr(p, "%s", "premature EOI");
            goto fail;
        }
        if (t->type == QT_RCURLY)
            return obj;
        if (t->type != QT_COMMA) {
            perr(p, "%s", "expected separator in dict");
            goto fail;
        }
    }
fail:
    json_decref(obj);
    return NULL;
}

static json_t *parse_array(struct pctx *p)
{
    json_t *arr = json_array();
    const struct qmp_tok *t = peek(p);

    if (t && t->type == QT_RSQUARE) {
        next(p);
        return arr;
    }
    for (;;) {
        json_t *v = parse_value(p);
        if (!v)
            goto fail;
        json_array_append_new(arr, v);
        t = next(p);
        if (!t) {
            perr(p, "%s", "premature EOI");
            goto fail;
        }
        if (t->type == QT_RSQUARE)
            return arr;
        if (t->type != QT_COMMA) {
            perr(p, "%s", "expected separator in list");
            goto fail;
        }
    }
fail:
    json_decref(arr);
    return NULL;
}

static json_t *parse_value(struct pctx *p)
{
    const struct qmp_tok *t = next(p);

    if (!t) {
        perr(p, "%s", "premature EOI");
        return NULL;
    }
    switch (t->type) {
    case QT_LCURLY:
        return parse_object(p);
    case QT_LSQUARE:
        return parse_array(p);
    case QT_STRING:
        return parse_string(p, t);
    case QT_NUMBER:
        return parse_number(p, t);
    case QT_KEYWORD: {
        const char *s = p->f->text + t->off;
        if (t->len == 4 && !memcmp(s, "true", 4))
            return json_true();
        if (t->len == 5 && !memcmp(s, "false", 5))
            return json_false();
        if (t->len == 4 && !memcmp(s, "null", 4))
            return json_null();
        char kw[64];
        snprintf(kw, sizeof(kw), "%.*s", (int)(t->len < 60 ? t->len : 60), s);
        perr(p, "invalid keyword '%s'", kw);
        return NULL;
    }
    default:
        perr(p, "%s", "expecting value");
        return NULL;
    }
}

json_t *qmp_parse_tokens(const struct qmp_framer *f, char *errbuf, size_t errlen)
{
    struct pctx p = { f, 0, errbuf, errlen, false };
    json_t *v = parse_value(&p);

    if (v && p.pos < f->ntoks) {
        /* Only possible with stray closers, e.g. "{}}" never gets here
         * because the splitter cuts at balance; keep it defensive. */
        json_decref(v);
        perr(&p, "%s", "expecting value");
        return NULL;
    }
    return v;
}
