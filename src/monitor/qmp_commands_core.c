/* QMP commands about the monitor itself and static facts of the VM. */
#include <string.h>

#include "monitor/monitor.h"
#include "monitor/qmp_commands.h"
#include "system/chardev.h"
#include "system/machine.h"
#include "system/qom.h"

json_t *qmp_cmd_capabilities(struct qmp_call *call)
{
    struct monitor *mon = call->mon;
    json_t *enable = json_object_get(call->args, "enable");
    size_t i;
    json_t *cap;

    if (mon->command_mode)
        return qmp_fail(call, "CommandNotFound",
                        "Capabilities negotiation is already complete, command ignored");
    json_array_foreach(enable, i, cap) {
        /* The type check already limited values to known capabilities. */
        if (!strcmp(json_string_value(cap), "oob") && !mon->oob_offered)
            return qmp_fail(call, "GenericError", "Capability oob not available");
    }
    json_array_foreach(enable, i, cap)
        if (!strcmp(json_string_value(cap), "oob"))
            mon->oob_enabled = true;
    mon->command_mode = true;
    return json_object();
}

json_t *qmp_cmd_query_version(struct qmp_call *call)
{
    return qmp_version_json();
}

json_t *qmp_cmd_query_commands(struct qmp_call *call)
{
    json_t *a = json_array();
    for (const struct qmp_command *c = qmp_command_table; c->name; c++)
        json_array_append_new(a, json_pack("{s:s}", "name", c->name));
    return a;
}

json_t *qmp_cmd_query_events(struct qmp_call *call)
{
    json_t *a = json_array();
    for (const struct qmp_event_desc *e = qmp_event_table; e->name; e++)
        json_array_append_new(a, json_pack("{s:s}", "name", e->name));
    return a;
}

json_t *qmp_cmd_query_schema(struct qmp_call *call)
{
    return qmp_schema_json();
}

json_t *qmp_cmd_query_name(struct qmp_call *call)
{
    if (!current_machine.name)
        return json_object();
    return json_pack("{s:s}", "name", current_machine.name);
}

json_t *qmp_cmd_query_uuid(struct qmp_call *call)
{
    return json_pack("{s:s}", "UUID", current_machine.uuid);
}

json_t *qmp_cmd_query_target(struct qmp_call *call)
{
    return json_pack("{s:s}", "arch", current_machine.arch->name);
}

json_t *qmp_cmd_query_kvm(struct qmp_call *call)
{
    return json_pack("{s:b, s:b}", "enabled", 0, "present", 0);
}

json_t *qmp_cmd_query_machines(struct qmp_call *call)
{
    const char *arch = current_machine.arch->name;
    json_t *a = json_array();

    for (int i = 0; board_list[i]; i++) {
        const struct board *b = board_list[i];
        if (!board_supports(b, arch))
            continue;
        json_t *o = json_pack("{s:s}", "name", b->name);
        if (board_is_default(b, arch))
            json_object_set_new(o, "is-default", json_true());
        json_object_set_new(o, "cpu-max", json_integer(b->cpu_max));
        json_object_set_new(o, "hotpluggable-cpus", json_false());
        json_object_set_new(o, "numa-mem-supported", json_false());
        json_object_set_new(o, "deprecated", json_false());
        const char *cpu = board_default_cpu(b, current_machine.arch);
        if (cpu) {
            char type[96];
            snprintf(type, sizeof(type), "%s%s", cpu,
                     current_machine.arch->cpu_suffix);
            json_object_set_new(o, "default-cpu-type", json_string(type));
        }
        if (b->default_ram_id)
            json_object_set_new(o, "default-ram-id", json_string(b->default_ram_id));
        json_object_set_new(o, "acpi", json_false());
        json_array_append_new(a, o);
    }
    return a;
}

json_t *qmp_cmd_query_cpu_defs(struct qmp_call *call)
{
    const struct sys_arch *arch = current_machine.arch;
    json_t *a = json_array();

    for (int i = 0; arch->cpu_models[i]; i++) {
        char type[96];
        snprintf(type, sizeof(type), "%s%s", arch->cpu_models[i], arch->cpu_suffix);
        json_array_append_new(a, json_pack("{s:s, s:b, s:b, s:s, s:b}",
                                           "name", arch->cpu_models[i],
                                           "migration-safe", 1, "static", 0,
                                           "typename", type, "deprecated", 0));
    }
    return a;
}

json_t *qmp_cmd_query_iothreads(struct qmp_call *call)
{
    return json_array();
}

json_t *qmp_cmd_query_chardev(struct qmp_call *call)
{
    json_t *a = json_array();
    for (struct chardev *c = chardev_list; c; c = c->next) {
        char fname[512];
        if (c->kind == CHR_SOCKET)
            snprintf(fname, sizeof(fname), "%s%s", c->connected ? "" : "disconnected:",
                     c->label);
        else
            snprintf(fname, sizeof(fname), "%s", c->label);
        json_array_append_new(a, json_pack("{s:s, s:s, s:b}", "label", c->id,
                                           "filename", fname, "frontend-open",
                                           c->fe != NULL));
    }
    return a;
}
