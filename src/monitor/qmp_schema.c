/*
 * query-qmp-schema, generated from the command and event tables.  As in
 * QEMU, every type name except builtins is replaced by a number in order
 * of first use; arrays are named "[ELEMENT]"; every referenced name gets
 * its own entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/qmp_commands.h"
#include "util/error.h"

struct entry {
    const void *key;               /* type or member list */
    char *name;
    const struct qmp_type *type;   /* NULL: an argument list */
    const struct qmp_member *members;
};

struct schema {
    struct entry *e;
    int n, cap;
    int next_number;
};

static const char *name_of(struct schema *s, const struct qmp_type *t,
                           const struct qmp_member *members);

static struct entry *lookup(struct schema *s, const void *key, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if ((key && s->e[i].key == key) || (name && !strcmp(s->e[i].name, name)))
            return &s->e[i];
    return NULL;
}

static struct entry *add(struct schema *s, const void *key, char *name)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->e = xrealloc(s->e, s->cap * sizeof(*s->e));
    }
    struct entry *e = &s->e[s->n++];
    memset(e, 0, sizeof(*e));
    e->key = key;
    e->name = name;
    return e;
}

/* Name of a type (or of an argument list as an object), registering it. */
static const char *name_of(struct schema *s, const struct qmp_type *t,
                           const struct qmp_member *members)
{
    char buf[64];

    if (!t && (!members || !members[0].name))
        t = &qmp_t_empty;
    if (t && t->meta == QMP_BUILTIN) {
        struct entry *e = lookup(s, NULL, t->name);
        if (!e)
            add(s, t, xstrdup(t->name))->type = t;
        return t->name;
    }
    if (t && t->meta == QMP_ARRAY) {
        const char *el = name_of(s, t->element, NULL);
        char *n = xmalloc(strlen(el) + 3);
        sprintf(n, "[%s]", el);
        struct entry *e = lookup(s, NULL, n);
        if (e) {
            free(n);
            return e->name;
        }
        e = add(s, t, n);
        e->type = t;
        return e->name;
    }
    const void *key = t ? (const void *)t : (const void *)members;
    struct entry *e = lookup(s, key, NULL);
    if (e)
        return e->name;
    snprintf(buf, sizeof(buf), "%d", s->next_number++);
    e = add(s, key, xstrdup(buf));
    e->type = t;
    e->members = t ? t->members : members;
    return e->name;
}

static json_t *features(unsigned flags)
{
    json_t *f = json_array();
    if (flags & QMP_CMD_UNSTABLE)
        json_array_append_new(f, json_string("unstable"));
    return f;
}

static json_t *members_json(struct schema *s, const struct qmp_member *m)
{
    json_t *a = json_array();
    for (; m && m->name; m++) {
        json_t *o = json_pack("{s:s, s:s}", "name", m->name, "type",
                              name_of(s, m->type, NULL));
        if (m->optional)
            json_object_set_new(o, "default", json_null());
        json_array_append_new(a, o);
    }
    return a;
}

/* The schema entry of a registered type; may register more types. */
static json_t *entry_json(struct schema *s, int i)
{
    const struct qmp_type *t = s->e[i].type;
    json_t *o = json_pack("{s:s}", "name", s->e[i].name);

    if (t && t->meta == QMP_BUILTIN) {
        json_object_set_new(o, "meta-type", json_string("builtin"));
        json_object_set_new(o, "json-type", json_string(t->json_type));
    } else if (t && t->meta == QMP_ARRAY) {
        json_object_set_new(o, "meta-type", json_string("array"));
        json_object_set_new(o, "element-type",
                            json_string(name_of(s, t->element, NULL)));
    } else if (t && t->meta == QMP_ENUM) {
        json_t *mem = json_array(), *vals = json_array();
        for (int k = 0; t->values[k]; k++) {
            json_array_append_new(mem, json_pack("{s:s}", "name", t->values[k]));
            json_array_append_new(vals, json_string(t->values[k]));
        }
        json_object_set_new(o, "meta-type", json_string("enum"));
        json_object_set_new(o, "members", mem);
        json_object_set_new(o, "values", vals);
    } else if (t && t->meta == QMP_ALTERNATE) {
        json_t *mem = json_array();
        for (int k = 0; t->alternatives[k]; k++)
            json_array_append_new(mem, json_pack("{s:s}", "type",
                                  name_of(s, t->alternatives[k], NULL)));
        json_object_set_new(o, "meta-type", json_string("alternate"));
        json_object_set_new(o, "members", mem);
    } else {
        /* s->e may move while members register new types. */
        const struct qmp_member *m = s->e[i].members;
        json_object_set_new(o, "meta-type", json_string("object"));
        json_object_set_new(o, "members", members_json(s, m));
    }
    return o;
}

json_t *qmp_schema_json(void)
{
    struct schema s = { 0 };
    json_t *out = json_array();

    for (const struct qmp_command *c = qmp_command_table; c->name; c++) {
        json_t *o = json_pack("{s:s, s:s}", "name", c->name, "meta-type", "command");
        json_object_set_new(o, "arg-type", json_string(name_of(&s, NULL, c->args)));
        json_object_set_new(o, "ret-type", json_string(name_of(&s, c->ret, NULL)));
        if (c->flags & QMP_CMD_ALLOW_OOB)
            json_object_set_new(o, "allow-oob", json_true());
        if (c->flags & QMP_CMD_UNSTABLE)
            json_object_set_new(o, "features", features(c->flags));
        json_array_append_new(out, o);
    }
    for (const struct qmp_event_desc *ev = qmp_event_table; ev->name; ev++) {
        json_t *o = json_pack("{s:s, s:s}", "name", ev->name, "meta-type", "event");
        json_object_set_new(o, "arg-type", json_string(name_of(&s, ev->data, NULL)));
        json_array_append_new(out, o);
    }
    for (int i = 0; i < s.n; i++)
        json_array_append_new(out, entry_json(&s, i));
    for (int i = 0; i < s.n; i++)
        free(s.e[i].name);
    free(s.e);
    return out;
}
