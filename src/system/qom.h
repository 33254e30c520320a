/*
 * A small object tree in the shape of QEMU's QOM composition tree:
 * "/machine" with "unattached" and "peripheral" containers, the CPUs
 * under /machine/unattached, chardevs under /chardevs.  Objects carry
 * typed properties read and written by qom-list/qom-get/qom-set.
 */
#ifndef KEMU_SYSTEM_QOM_H
#define KEMU_SYSTEM_QOM_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

struct qom_obj;

struct qom_prop {
    char *name;
    char *type;              /* "string", "bool", "int", "child<T>" */
    struct qom_obj *child;   /* for child<T> */
    void *field;             /* char **, bool *, int64_t * */
    bool writable;
};

struct qom_obj {
    char *name;
    char *type;
    struct qom_obj *parent;
    struct qom_prop *props;
    int nprops;
};

struct qom_obj *qom_root(void);
/* New object as child "name" of parent. */
struct qom_obj *qom_new(struct qom_obj *parent, const char *name, const char *type);
void qom_prop_str(struct qom_obj *o, const char *name, char **field, bool writable);
void qom_prop_bool(struct qom_obj *o, const char *name, bool *field, bool writable);
void qom_prop_int(struct qom_obj *o, const char *name, int64_t *field, bool writable);

/* Absolute path ("/machine/unattached"); NULL when there is none. */
struct qom_obj *qom_resolve(const char *path);
json_t *qom_list(struct qom_obj *o);
/* NULL with *err (malloc'd) when the property does not exist. */
json_t *qom_get(struct qom_obj *o, const char *prop, char **err);
bool qom_set(struct qom_obj *o, const char *prop, json_t *v, char **err);

/* Known types for qom-list-types: {name, parent, abstract}. */
struct qom_type_info {
    const char *name, *parent;
    bool abstract;
};
extern const struct qom_type_info qom_types[];

#endif
