/*
 * Request checking and dispatch, in the order QMP.md §1 fixes: object,
 * members, execute present, command known, enabled, OOB, preconfig
 * phase, arguments; then the handler.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/monitor.h"
#include "monitor/qmp_commands.h"
#include "system/runstate.h"
#include "util/error.h"

json_t *qmp_fail(struct qmp_call *call, const char *cls, const char *fmt, ...)
{
    va_list ap;

    if (call->err_class)
        return NULL;
    call->err_class = cls;
    va_start(ap, fmt);
    if (vasprintf(&call->err_desc, fmt, ap) < 0)
        call->err_desc = NULL;
    va_end(ap);
    return NULL;
}

const struct qmp_command *qmp_find_command(const char *name)
{
    for (const struct qmp_command *c = qmp_command_table; c->name; c++)
        if (!strcmp(c->name, name))
            return c;
    return NULL;
}

const char *qmp_arg_str(struct qmp_call *call, const char *name)
{
    return json_string_value(json_object_get(call->args, name));
}

long long qmp_arg_int(struct qmp_call *call, const char *name, long long dflt)
{
    json_t *v = json_object_get(call->args, name);
    return v ? json_integer_value(v) : dflt;
}

bool qmp_arg_has(struct qmp_call *call, const char *name)
{
    return json_object_get(call->args, name) != NULL;
}

/* Does v fit type t?  name is the parameter path for messages. */
static bool check_value(struct qmp_call *call, const struct qmp_type *t,
                        json_t *v, const char *name)
{
    switch (t->meta) {
    case QMP_BUILTIN: {
        const char *want = NULL;
        if (t == &qmp_t_str && !json_is_string(v))
            want = "string";
        else if (t == &qmp_t_int && !json_is_integer(v))
            want = "integer";
        else if (t == &qmp_t_number && !json_is_number(v))
            want = "number";
        else if (t == &qmp_t_bool && !json_is_boolean(v))
            want = "boolean";
        else if (t == &qmp_t_null && !json_is_null(v))
            want = "null";
        if (want) {
            qmp_fail(call, "GenericError",
                     "Invalid parameter type for '%s', expected: %s", name, want);
            return false;
        }
        return true;
    }
    case QMP_ENUM:
        if (!json_is_string(v)) {
            qmp_fail(call, "GenericError",
                     "Invalid parameter type for '%s', expected: string", name);
            return false;
        }
        for (int i = 0; t->values[i]; i++)
            if (!strcmp(t->values[i], json_string_value(v)))
                return true;
        qmp_fail(call, "GenericError", "Parameter '%s' does not accept value '%s'",
                 name, json_string_value(v));
        return false;
    case QMP_ARRAY:
        if (!json_is_array(v)) {
            qmp_fail(call, "GenericError",
                     "Invalid parameter type for '%s', expected: array", name);
            return false;
        }
        for (size_t i = 0; i < json_array_size(v); i++) {
            char *sub;
            if (asprintf(&sub, "%s[%zu]", name, i) < 0)
                return false;
            bool ok = check_value(call, t->element, json_array_get(v, i), sub);
            free(sub);
            if (!ok)
                return false;
        }
        return true;
    case QMP_OBJECT:
        if (!json_is_object(v)) {
            qmp_fail(call, "GenericError",
                     "Invalid parameter type for '%s', expected: object", name);
            return false;
        }
        return qmp_check_args(call, t->members, v);
    case QMP_ALTERNATE:
        for (int i = 0; t->alternatives[i]; i++) {
            struct qmp_call probe = { 0 };
            bool ok = check_value(&probe, t->alternatives[i], v, name);
            free(probe.err_desc);
            if (ok)
                return true;
        }
        qmp_fail(call, "GenericError", "Invalid parameter type for '%s'", name);
        return false;
    }
    return false;
}

bool qmp_check_args(struct qmp_call *call, const struct qmp_member *members,
                    json_t *args)
{
    const char *key;
    json_t *v;

    /* Members in declaration order first, then leftovers (as QEMU's
     * visitor does). */
    for (const struct qmp_member *m = members; m && m->name; m++) {
        v = json_object_get(args, m->name);
        if (!v) {
            if (!m->optional) {
                qmp_fail(call, "GenericError", "Parameter '%s' is missing", m->name);
                return false;
            }
            continue;
        }
        if (!check_value(call, m->type, v, m->name))
            return false;
    }
    json_object_foreach(args, key, v) {
        bool known = false;
        for (const struct qmp_member *m = members; m && m->name; m++)
            if (!strcmp(m->name, key))
                known = true;
        if (!known) {
            qmp_fail(call, "GenericError", "Parameter '%s' is unexpected", key);
            return false;
        }
    }
    return true;
}

static void send_error(struct monitor *mon, const char *cls, const char *desc,
                       json_t *id)
{
    json_t *r = json_pack("{s:{s:s, s:s}}", "error", "class", cls, "desc",
                          desc ? desc : "");
    if (id)
        json_object_set(r, "id", id);
    monitor_send_json(mon, r);
}

/* Member checks of §1 step 2; returns the error text or NULL. */
static char *check_members(struct monitor *mon, json_t *req)
{
    json_t *exec = json_object_get(req, "execute");
    json_t *oob = json_object_get(req, "exec-oob");
    json_t *args = json_object_get(req, "arguments");
    const char *key;
    json_t *v;
    char *e = NULL;

    if (exec && !json_is_string(exec))
        return xstrdup("QMP input member 'execute' must be a string");
    if (oob && mon->oob_enabled && !json_is_string(oob))
        return xstrdup("QMP input member 'exec-oob' must be a string");
    if (exec && oob && mon->oob_enabled)
        return xstrdup("QMP input member 'exec-oob' clashes with 'execute'");
    if (args && !json_is_object(args))
        return xstrdup("QMP input member 'arguments' must be an object");
    json_object_foreach(req, key, v) {
        if (!strcmp(key, "execute") || !strcmp(key, "arguments") || !strcmp(key, "id"))
            continue;
        if (!strcmp(key, "exec-oob") && mon->oob_enabled)
            continue;
        if (asprintf(&e, "QMP input member '%s' is unexpected", key) < 0)
            e = NULL;
        return e;
    }
    return NULL;
}

void qmp_dispatch(struct monitor *mon, json_t *req, const char *parse_err)
{
    if (!req) {
        send_error(mon, "GenericError", parse_err, NULL);
        return;
    }
    if (!json_is_object(req)) {
        send_error(mon, "GenericError", "QMP input must be a JSON object", NULL);
        json_decref(req);
        return;
    }

    json_t *id = json_object_get(req, "id");
    char *err = check_members(mon, req);
    if (err) {
        send_error(mon, "GenericError", err, id);
        free(err);
        json_decref(req);
        return;
    }

    json_t *exec = json_object_get(req, "execute");
    bool is_oob = false;
    if (!exec && mon->oob_enabled) {
        exec = json_object_get(req, "exec-oob");
        is_oob = exec != NULL;
    }
    if (!exec) {
        send_error(mon, "GenericError", "QMP input lacks member 'execute'", id);
        json_decref(req);
        return;
    }

    const char *name = json_string_value(exec);
    const struct qmp_command *cmd = qmp_find_command(name);
    /* In negotiation mode only qmp_capabilities exists. */
    if (!mon->command_mode && (!cmd || cmd->fn != qmp_cmd_capabilities)) {
        send_error(mon, "CommandNotFound",
                   "Expecting capabilities negotiation with 'qmp_capabilities'", id);
        json_decref(req);
        return;
    }

    struct qmp_call call = { .mon = mon };
    json_t *ret = NULL;
    if (!cmd) {
        qmp_fail(&call, "CommandNotFound", "The command %s has not been found", name);
    } else if (is_oob && !(cmd->flags & QMP_CMD_ALLOW_OOB)) {
        qmp_fail(&call, "GenericError", "The command %s does not support OOB", name);
    } else if (machine_phase != PHASE_READY && !(cmd->flags & QMP_CMD_PRECONFIG)) {
        qmp_fail(&call, "GenericError",
                 "The command '%s' is permitted only after machine initialization has completed",
                 name);
    } else {
        json_t *args = json_object_get(req, "arguments");
        call.args = args ? json_incref(args) : json_object();
        if (qmp_check_args(&call, cmd->args, call.args)) {
            ret = cmd->fn(&call);
            if (!ret && !call.err_class)
                ret = json_object();
        }
        json_decref(call.args);
    }

    if (call.err_class) {
        json_decref(ret);
        send_error(mon, call.err_class, call.err_desc, id);
        free(call.err_desc);
    } else {
        json_t *r = json_pack("{s:o}", "return", ret);
        if (id)
            json_object_set(r, "id", id);
        monitor_send_json(mon, r);
    }
    json_decref(req);
}
