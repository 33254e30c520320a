/* QMP commands over the object tree (system/qom.h). */
#include <stdlib.h>
#include <string.h>

#include "monitor/qmp_commands.h"
#include "system/qom.h"

static struct qom_obj *resolve(struct qmp_call *call)
{
    const char *path = qmp_arg_str(call, "path");
    struct qom_obj *o = qom_resolve(path);
    if (!o)
        qmp_fail(call, "DeviceNotFound", "Device '%s' not found", path);
    return o;
}

json_t *qmp_cmd_qom_list(struct qmp_call *call)
{
    struct qom_obj *o = resolve(call);
    return o ? qom_list(o) : NULL;
}

json_t *qmp_cmd_qom_get(struct qmp_call *call)
{
    struct qom_obj *o = resolve(call);
    char *err = NULL;
    if (!o)
        return NULL;
    json_t *v = qom_get(o, qmp_arg_str(call, "property"), &err);
    if (!v) {
        qmp_fail(call, "GenericError", "%s", err);
        free(err);
    }
    return v;
}

json_t *qmp_cmd_qom_set(struct qmp_call *call)
{
    struct qom_obj *o = resolve(call);
    char *err = NULL;
    if (!o)
        return NULL;
    if (!qom_set(o, qmp_arg_str(call, "property"), json_object_get(call->args, "value"),
                 &err)) {
        qmp_fail(call, "GenericError", "%s", err);
        free(err);
        return NULL;
    }
    return json_object();
}

static bool implements(const char *type, const char *base)
{
    while (type) {
        if (!strcmp(type, base))
            return true;
        const char *parent = NULL;
        for (const struct qom_type_info *t = qom_types; t->name; t++)
            if (!strcmp(t->name, type))
                parent = t->parent;
        type = parent;
    }
    return false;
}

json_t *qmp_cmd_qom_list_types(struct qmp_call *call)
{
    const char *impl = qmp_arg_str(call, "implements");
    json_t *abs = json_object_get(call->args, "abstract");
    bool want_abstract = abs && json_is_true(abs);
    json_t *a = json_array();

    for (const struct qom_type_info *t = qom_types; t->name; t++) {
        if (impl && !implements(t->name, impl))
            continue;
        if (t->abstract && !want_abstract)
            continue;
        json_t *o = json_pack("{s:s}", "name", t->name);
        if (t->abstract)
            json_object_set_new(o, "abstract", json_true());
        if (t->parent)
            json_object_set_new(o, "parent", json_string(t->parent));
        json_array_append_new(a, o);
    }
    return a;
}
