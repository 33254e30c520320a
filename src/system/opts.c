/* Parser for QEMU-style option lists (see opts.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "system/opts.h"
#include "util/error.h"

/* Copy one element up to an unescaped ',' undoing ",," escapes. */
static const char *take_element(const char *p, char **out)
{
    char *buf = xmalloc(strlen(p) + 1), *q = buf;

    while (*p) {
        if (*p == ',') {
            if (p[1] == ',') {
                *q++ = ',';
                p += 2;
                continue;
            }
            break;
        }
        *q++ = *p++;
    }
    *q = 0;
    *out = buf;
    return *p == ',' ? p + 1 : p;
}

static void add_kv(struct opts *o, char *key, char *val)
{
    o->kv = xrealloc(o->kv, (o->n + 1) * sizeof(*o->kv));
    o->kv[o->n++] = (struct opt_kv){ key, val, false };
}

struct opts *opts_parse(const char *str, const char *implied)
{
    struct opts *o = xcalloc(1, sizeof(*o));
    const char *p = str;
    bool first = true;

    while (*p) {
        char *el;
        p = take_element(p, &el);
        char *eq = strchr(el, '=');
        if (eq) {
            *eq = 0;
            add_kv(o, xstrdup(el), xstrdup(eq + 1));
        } else if (first && implied) {
            add_kv(o, xstrdup(implied), xstrdup(el));
        } else if (strncmp(el, "no", 2) == 0 && el[2]) {
            add_kv(o, xstrdup(el + 2), xstrdup("off"));
        } else if (el[0]) {
            add_kv(o, xstrdup(el), xstrdup("on"));
        }
        free(el);
        first = false;
    }
    return o;
}

void opts_free(struct opts *o)
{
    if (!o)
        return;
    for (int i = 0; i < o->n; i++) {
        free(o->kv[i].key);
        free(o->kv[i].val);
    }
    free(o->kv);
    free(o);
}

const char *opts_get(struct opts *o, const char *key)
{
    const char *v = NULL;

    for (int i = 0; i < o->n; i++)
        if (strcmp(o->kv[i].key, key) == 0) {
            o->kv[i].used = true;
            v = o->kv[i].val;
        }
    return v;
}

bool opts_get_bool(struct opts *o, const char *key, bool dflt, bool *ok)
{
    const char *v = opts_get(o, key);

    if (!v)
        return dflt;
    if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "true"))
        return true;
    if (!strcmp(v, "off") || !strcmp(v, "no") || !strcmp(v, "false"))
        return false;
    *ok = false;
    return dflt;
}

const char *opts_unused(struct opts *o)
{
    for (int i = 0; i < o->n; i++)
        if (!o->kv[i].used)
            return o->kv[i].key;
    return NULL;
}

bool opts_parse_size(const char *s, int def_shift, uint64_t *out)
{
    char *end;
    int shift = def_shift;

    if (!*s || *s == '-')
        return false;
    double v = strtod(s, &end);
    if (end == s)
        return false;
    if (*end) {
        switch (*end) {
        case 'b': case 'B': shift = 0; break;
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        case 't': case 'T': shift = 40; break;
        default: return false;
        }
        if (end[1])
            return false;
    }
    v *= (double)(1ull << shift);
    if (v < 0 || v >= 18446744073709551616.0)
        return false;
    *out = (uint64_t)v;
    return true;
}
