/*
 * The QMP command table: one entry per command with its arguments,
 * return type, flags and handler.  Dispatch, query-commands and
 * query-qmp-schema all read this one table (qmp_table.c).
 */
#ifndef KEMU_MONITOR_QMP_COMMANDS_H
#define KEMU_MONITOR_QMP_COMMANDS_H

#include <jansson.h>
#include <stdbool.h>

#include "monitor/qmp_types.h"

struct monitor;

enum {
    QMP_CMD_PRECONFIG = 1 << 0,   /* allowed before machine init */
    QMP_CMD_UNSTABLE = 1 << 1,    /* schema feature "unstable" */
    QMP_CMD_ALLOW_OOB = 1 << 2,
};

/* One request being handled. */
struct qmp_call {
    struct monitor *mon;
    json_t *args;              /* always an object */
    const char *err_class;     /* set by qmp_fail */
    char *err_desc;
};

typedef json_t *(*qmp_handler)(struct qmp_call *call);

struct qmp_command {
    const char *name;
    const struct qmp_member *args;  /* NULL: no arguments */
    const struct qmp_type *ret;     /* NULL: returns {} */
    unsigned flags;
    qmp_handler fn;
};

struct qmp_event_desc {
    const char *name;
    const struct qmp_type *data;    /* NULL: no data */
};

extern const struct qmp_command qmp_command_table[];
extern const struct qmp_event_desc qmp_event_table[];

const struct qmp_command *qmp_find_command(const char *name);

/* Make the running handler fail; returns NULL for `return qmp_fail(...)`. */
json_t *qmp_fail(struct qmp_call *call, const char *cls, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Argument helpers (arguments were already type-checked). */
const char *qmp_arg_str(struct qmp_call *call, const char *name);
long long qmp_arg_int(struct qmp_call *call, const char *name, long long dflt);
bool qmp_arg_has(struct qmp_call *call, const char *name);

/* Handlers, by file. */
#define QMP_HANDLER(n) json_t *n(struct qmp_call *call)
/* qmp_commands_core.c */
QMP_HANDLER(qmp_cmd_capabilities); QMP_HANDLER(qmp_cmd_query_version);
QMP_HANDLER(qmp_cmd_query_commands); QMP_HANDLER(qmp_cmd_query_schema);
QMP_HANDLER(qmp_cmd_query_name); QMP_HANDLER(qmp_cmd_query_uuid);
QMP_HANDLER(qmp_cmd_query_target); QMP_HANDLER(qmp_cmd_query_kvm);
QMP_HANDLER(qmp_cmd_query_machines); QMP_HANDLER(qmp_cmd_query_cpu_defs);
QMP_HANDLER(qmp_cmd_query_iothreads); QMP_HANDLER(qmp_cmd_query_chardev);
QMP_HANDLER(qmp_cmd_query_events);
/* qmp_commands_run.c */
QMP_HANDLER(qmp_cmd_query_status); QMP_HANDLER(qmp_cmd_stop);
QMP_HANDLER(qmp_cmd_cont); QMP_HANDLER(qmp_cmd_system_reset);
QMP_HANDLER(qmp_cmd_system_powerdown); QMP_HANDLER(qmp_cmd_quit);
QMP_HANDLER(qmp_cmd_exit_preconfig); QMP_HANDLER(qmp_cmd_set_numa_node);
QMP_HANDLER(qmp_cmd_query_cpus_fast); QMP_HANDLER(qmp_cmd_query_hotpluggable);
QMP_HANDLER(qmp_cmd_hmp); QMP_HANDLER(qmp_cmd_memsave);
QMP_HANDLER(qmp_cmd_pmemsave); QMP_HANDLER(qmp_cmd_query_mem_summary);
/* qmp_commands_qom.c */
QMP_HANDLER(qmp_cmd_qom_list); QMP_HANDLER(qmp_cmd_qom_get);
QMP_HANDLER(qmp_cmd_qom_set); QMP_HANDLER(qmp_cmd_qom_list_types);

/* query-qmp-schema's value, generated from the tables (qmp_schema.c). */
json_t *qmp_schema_json(void);

/* Check args against a member list; false with call's error set. */
bool qmp_check_args(struct qmp_call *call, const struct qmp_member *members,
                    json_t *args);

/* Run one parsed message (or parse error) from mon; replies on mon. */
void qmp_dispatch(struct monitor *mon, json_t *msg, const char *parse_err);

#endif
