/* Monitor instances: greeting, input, replies and events (monitor.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "monitor/qmp_commands.h"
#include "system/chardev.h"
#include "util/error.h"

struct monitor *monitor_list;

json_t *qmp_version_json(void)
{
    return json_pack("{s:{s:i, s:i, s:i}, s:s}", "qemu", "micro", 0, "minor", 2,
                     "major", 8, "package", "kemu-0.1.0");
}

void monitor_send_json(struct monitor *mon, json_t *msg)
{
    size_t flags = JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER;
    if (mon->pretty)
        flags |= JSON_INDENT(4);
    char *s = json_dumps(msg, flags | JSON_ENCODE_ANY);
    json_decref(msg);
    if (!s)
        return;
    chardev_write(mon->chr, s, strlen(s));
    chardev_write(mon->chr, "\r\n", 2);
    free(s);
}

void qmp_event_send(const char *name, json_t *data)
{
    struct timeval tv;
    json_t *ts;

    if (gettimeofday(&tv, NULL) == 0)
        ts = json_pack("{s:I, s:I}", "seconds", (json_int_t)tv.tv_sec,
                       "microseconds", (json_int_t)tv.tv_usec);
    else
        ts = json_pack("{s:i, s:i}", "seconds", -1, "microseconds", -1);
    for (struct monitor *m = monitor_list; m; m = m->next) {
        if (!m->qmp || !m->command_mode || !m->chr->connected)
            continue;
        json_t *ev = json_pack("{s:s}", "event", name);
        if (data)
            json_object_set(ev, "data", data);
        json_object_set(ev, "timestamp", ts);
        monitor_send_json(m, ev);
    }
    json_decref(ts);
    json_decref(data);
}

static void qmp_emit(void *opaque, json_t *msg, const char *err)
{
    qmp_dispatch(opaque, msg, err);
}

static void qmp_greet(struct monitor *mon)
{
    json_t *caps = json_array();
    if (mon->oob_offered)
        json_array_append_new(caps, json_string("oob"));
    monitor_send_json(mon, json_pack("{s:{s:o, s:o}}", "QMP", "version",
                                     qmp_version_json(), "capabilities", caps));
}

static void mon_opened(void *opaque)
{
    struct monitor *mon = opaque;

    /* Every connection starts afresh in negotiation mode. */
    mon->command_mode = false;
    mon->oob_enabled = false;
    mon->linelen = 0;
    mon->line_overflow = false;
    if (mon->qmp) {
        qmp_framer_reset(&mon->framer);
        qmp_greet(mon);
    } else {
        hmp_greet(mon);
    }
}

static void mon_closed(void *opaque)
{
    struct monitor *mon = opaque;
    mon->command_mode = false;
    mon->oob_enabled = false;
    qmp_framer_reset(&mon->framer);
    mon->linelen = 0;
}

void monitor_input(struct monitor *mon, const uint8_t *buf, size_t len)
{
    if (mon->qmp)
        qmp_framer_feed(&mon->framer, buf, len);
    else
        hmp_input(mon, buf, len);
}

static void mon_received(void *opaque, const uint8_t *buf, size_t len)
{
    monitor_input(opaque, buf, len);
}

static const struct chardev_frontend mon_frontend = {
    mon_opened, mon_received, mon_closed,
};

struct monitor *monitor_new(struct chardev *chr, bool qmp, bool pretty)
{
    struct monitor *mon = xcalloc(1, sizeof(*mon));
    struct monitor **pp = &monitor_list;

    mon->chr = chr;
    mon->qmp = qmp;
    mon->pretty = pretty;
    /* As in QEMU: OOB is offered on sockets, not on stdio. */
    mon->oob_offered = chr->kind == CHR_SOCKET;
    qmp_framer_init(&mon->framer, qmp_emit, mon);
    while (*pp)
        pp = &(*pp)->next;
    *pp = mon;
    chardev_attach(chr, &mon_frontend, mon);
    return mon;
}
