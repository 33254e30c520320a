/*
 * Descriptions of QMP types.  They serve twice: to check a command's
 * arguments before it runs, and to generate query-qmp-schema.
 */
#ifndef KEMU_MONITOR_QMP_TYPES_H
#define KEMU_MONITOR_QMP_TYPES_H

#include <stdbool.h>

enum qmp_meta { QMP_BUILTIN, QMP_ENUM, QMP_OBJECT, QMP_ARRAY, QMP_ALTERNATE };

struct qmp_type;

struct qmp_member {
    const char *name;             /* NULL ends a member list */
    const struct qmp_type *type;
    bool optional;
};

struct qmp_type {
    enum qmp_meta meta;
    const char *name;             /* builtins: str, int, ...; others: a
                                     private name, numbered in the schema */
    const char *json_type;        /* builtin: string, int, ... */
    const char *const *values;    /* enum: NULL-terminated */
    const struct qmp_member *members;      /* object */
    const struct qmp_type *element;        /* array */
    const struct qmp_type *const *alternatives; /* alternate, NULL-ended */
};

extern const struct qmp_type qmp_t_str, qmp_t_int, qmp_t_number, qmp_t_bool,
    qmp_t_null, qmp_t_any, qmp_t_empty;

#define QMP_ARRAY_OF(ident, elem) \
    const struct qmp_type ident = { .meta = QMP_ARRAY, .element = &(elem) }
#define QMP_OBJECT_TYPE(ident, nm, ...) \
    static const struct qmp_member ident##_members[] = { __VA_ARGS__, { NULL } }; \
    const struct qmp_type ident = { .meta = QMP_OBJECT, .name = nm, \
                                    .members = ident##_members }
#define QMP_ENUM_TYPE(ident, nm, ...) \
    static const char *const ident##_values[] = { __VA_ARGS__, NULL }; \
    const struct qmp_type ident = { .meta = QMP_ENUM, .name = nm, \
                                    .values = ident##_values }

#endif
