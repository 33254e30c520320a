/*
 * Monitors: QMP (mode=control) or HMP (mode=readline) on a chardev.  Each
 * has its own negotiation state; requests from all monitors run one at a
 * time on the main loop.
 */
#ifndef KEMU_MONITOR_MONITOR_H
#define KEMU_MONITOR_MONITOR_H

#include <jansson.h>
#include <stdbool.h>

#include "monitor/qmp_framer.h"

struct chardev;

struct monitor {
    struct chardev *chr;
    bool qmp;
    bool pretty;
    bool command_mode;      /* QMP: qmp_capabilities done */
    bool oob_offered;       /* QMP: greeting listed "oob" */
    bool oob_enabled;
    struct qmp_framer framer;
    char line[4096];        /* HMP: the line being typed */
    size_t linelen;
    bool line_overflow;
    struct monitor *next;
};

extern struct monitor *monitor_list;

/* Create a monitor on chr (mode control or readline). */
struct monitor *monitor_new(struct chardev *chr, bool qmp, bool pretty);

/* Send one QMP message (reply or event), consuming msg. */
void monitor_send_json(struct monitor *mon, json_t *msg);

/* Feed bytes as if received (tests, fuzzing). */
void monitor_input(struct monitor *mon, const uint8_t *buf, size_t len);

/* Emit an event to every QMP monitor in command mode (consumes data;
 * data NULL: no "data" key). */
void qmp_event_send(const char *name, json_t *data);

/* The version QMP reports (query-version and the greeting). */
json_t *qmp_version_json(void);

#endif
