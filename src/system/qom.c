/* The object tree (see qom.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "system/qom.h"
#include "util/error.h"

const struct qom_type_info qom_types[] = {
    { "object", NULL, true },
    { "container", "object", false },
    { "machine", "object", true },
    { "none-machine", "machine", false },
    { "chardev", "object", true },
    { "chardev-socket", "chardev", false },
    { "chardev-stdio", "chardev", false },
    { "chardev-file", "chardev", false },
    { "chardev-null", "chardev", false },
    { "chardev-pty", "chardev", false },
    { "chardev-pipe", "chardev", false },
    { "device", "object", true },
    { "cpu", "device", true },
    { NULL, NULL, false },
};

static struct qom_obj *root;

static struct qom_prop *add_prop(struct qom_obj *o, const char *name, const char *type)
{
    o->props = xrealloc(o->props, (o->nprops + 1) * sizeof(*o->props));
    struct qom_prop *p = &o->props[o->nprops++];
    memset(p, 0, sizeof(*p));
    p->name = xstrdup(name);
    p->type = xstrdup(type);
    return p;
}

static struct qom_obj *obj_alloc(const char *name, const char *type)
{
    struct qom_obj *o = xcalloc(1, sizeof(*o));
    o->name = xstrdup(name);
    o->type = xstrdup(type);
    /* Every object has its type name as the first property. */
    add_prop(o, "type", "string")->field = &o->type;
    return o;
}

struct qom_obj *qom_root(void)
{
    if (!root)
        root = obj_alloc("", "container");
    return root;
}

struct qom_obj *qom_new(struct qom_obj *parent, const char *name, const char *type)
{
    struct qom_obj *o = obj_alloc(name, type);
    char *ptype;

    o->parent = parent;
    if (asprintf(&ptype, "child<%s>", type) < 0)
        fatal("out of memory");
    add_prop(parent, name, ptype)->child = o;
    free(ptype);
    return o;
}

void qom_prop_str(struct qom_obj *o, const char *name, char **field, bool writable)
{
    struct qom_prop *p = add_prop(o, name, "string");
    p->field = field;
    p->writable = writable;
}

void qom_prop_bool(struct qom_obj *o, const char *name, bool *field, bool writable)
{
    struct qom_prop *p = add_prop(o, name, "bool");
    p->field = field;
    p->writable = writable;
}

void qom_prop_int(struct qom_obj *o, const char *name, int64_t *field, bool writable)
{
    struct qom_prop *p = add_prop(o, name, "int");
    p->field = field;
    p->writable = writable;
}

static struct qom_prop *find_prop(struct qom_obj *o, const char *name)
{
    for (int i = 0; i < o->nprops; i++)
        if (!strcmp(o->props[i].name, name))
            return &o->props[i];
    return NULL;
}

struct qom_obj *qom_resolve(const char *path)
{
    struct qom_obj *o = qom_root();

    if (path[0] != '/')
        return NULL;
    const char *p = path + 1;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *seg = strndup(p, n);
        struct qom_prop *pr = find_prop(o, seg);
        free(seg);
        if (!pr || !pr->child)
            return NULL;
        o = pr->child;
        p += n;
        if (*p == '/')
            p++;
    }
    return o;
}

json_t *qom_list(struct qom_obj *o)
{
    json_t *a = json_array();
    for (int i = 0; i < o->nprops; i++)
        json_array_append_new(a, json_pack("{s:s, s:s}", "name", o->props[i].name,
                                           "type", o->props[i].type));
    return a;
}

static char *no_prop(struct qom_obj *o, const char *prop)
{
    char *e;
    if (asprintf(&e, "Property '%s.%s' not found", o->type, prop) < 0)
        fatal("out of memory");
    return e;
}

static char *child_path(struct qom_obj *o)
{
    if (!o->parent)
        return xstrdup("/");
    char *pp = child_path(o->parent), *r;
    if (asprintf(&r, "%s%s%s", pp, strcmp(pp, "/") ? "/" : "", o->name) < 0)
        fatal("out of memory");
    free(pp);
    return r;
}

json_t *qom_get(struct qom_obj *o, const char *prop, char **err)
{
    struct qom_prop *p = find_prop(o, prop);

    if (!p) {
        *err = no_prop(o, prop);
        return NULL;
    }
    if (p->child) {
        char *path = child_path(p->child);
        json_t *v = json_string(path);
        free(path);
        return v;
    }
    if (!strcmp(p->type, "string")) {
        char *s = *(char **)p->field;
        return json_string(s ? s : "");
    }
    if (!strcmp(p->type, "bool"))
        return json_boolean(*(bool *)p->field);
    return json_integer(*(int64_t *)p->field);
}

bool qom_set(struct qom_obj *o, const char *prop, json_t *v, char **err)
{
    struct qom_prop *p = find_prop(o, prop);

    if (!p) {
        *err = no_prop(o, prop);
        return false;
    }
    if (!p->writable) {
        if (asprintf(err, "Property '%s.%s' is not writable", o->type, prop) < 0)
            fatal("out of memory");
        return false;
    }
    const char *want = NULL;
    if (!strcmp(p->type, "string")) {
        if (json_is_string(v)) {
            free(*(char **)p->field);
            *(char **)p->field = xstrdup(json_string_value(v));
            return true;
        }
        want = "string";
    } else if (!strcmp(p->type, "bool")) {
        if (json_is_boolean(v)) {
            *(bool *)p->field = json_is_true(v);
            return true;
        }
        want = "boolean";
    } else {
        if (json_is_integer(v)) {
            *(int64_t *)p->field = json_integer_value(v);
            return true;
        }
        want = "integer";
    }
    if (asprintf(err, "Invalid parameter type for '%s', expected: %s", prop, want) < 0)
        fatal("out of memory");
    return false;
}
