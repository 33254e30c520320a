/*
 * The human monitor.  Commands print into a growing buffer with '\n';
 * the buffer is converted to "\r\n" line ends for every consumer (the
 * terminal and human-monitor-command alike).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/cpu.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "system/chardev.h"
#include "system/machine.h"
#include "system/runstate.h"
#include "system/vcpu.h"
#include "target/target.h"
#include "util/error.h"

struct hmp_out {
    char *buf;
    size_t len, cap;
    int cpu_index;
};

static void out(struct hmp_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void out(struct hmp_out *o, const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->buf = xrealloc(o->buf, o->cap);
    }
    memcpy(o->buf + o->len, s, n + 1);
    o->len += n;
    free(s);
}

struct hmp_cmd {
    const char *name;
    const char *args;
    const char *help;
    void (*fn)(struct hmp_out *o, const char *name, const char *args);
};

static const struct hmp_cmd hmp_cmds[];
static const struct hmp_cmd hmp_info_cmds[];

static void do_help(struct hmp_out *o, const char *name, const char *args)
{
    for (const struct hmp_cmd *c = hmp_cmds; c->name; c++)
        out(o, "%s %s -- %s\n", c->name, c->args, c->help);
}

static void info_status(struct hmp_out *o, const char *name, const char *args)
{
    enum run_state s = runstate_get();
    if (s == RUN_STATE_RUNNING)
        out(o, "VM status: running\n");
    else if (s == RUN_STATE_PAUSED)
        out(o, "VM status: paused\n");
    else
        out(o, "VM status: paused (%s)\n", run_state_names[s]);
}

static void info_version(struct hmp_out *o, const char *name, const char *args)
{
    out(o, "8.2.0 (kemu-0.1.0)\n");
}

static void info_name(struct hmp_out *o, const char *name, const char *args)
{
    if (current_machine.name)
        out(o, "%s\n", current_machine.name);
}

static void info_cpus(struct hmp_out *o, const char *name, const char *args)
{
    for (int i = 0; i < vcpu_count(); i++)
        out(o, "%c CPU #%d: thread_id=%d\n", i == o->cpu_index ? '*' : ' ', i,
            (int)vcpu_get(i)->tid);
}

/* The target's monitor view of the current CPU (name: "registers",
 * "tlb"); registers fall back to the generic state dump. */
static void cpu_info(struct hmp_out *o, const char *name)
{
    struct vcpu *v = vcpu_get(o->cpu_index);
    if (!v || !v->cpu) {
        out(o, "No CPU available\n");
        return;
    }
    const struct target_info *t = v->cpu->target;
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (!f)
        return;
    bool done = t->monitor_info && t->monitor_info(v->cpu, name, f);
    if (!done && !strcmp(name, "registers") && t->dump_state) {
        t->dump_state(v->cpu, f);
        done = true;
    }
    fclose(f);
    if (done)
        out(o, "%s", text);
    else
        out(o, "info %s is not available for this CPU\n", name);
    free(text);
}

static void info_registers(struct hmp_out *o, const char *name, const char *args)
{
    cpu_info(o, "registers");
}

static void info_tlb(struct hmp_out *o, const char *name, const char *args)
{
    cpu_info(o, "tlb");
}

static void info_mtree(struct hmp_out *o, const char *name, const char *args)
{
    uint64_t top = current_machine.arch->addr_bits == 64 ? ~0ull : 0xffffffffull;
    out(o, "address-space: memory\n");
    out(o, "  0000000000000000-%016llx (prio 0, i/o): system\n", (unsigned long long)top);
    if (current_machine.ram_size)
        out(o, "    0000000000000000-%016llx (prio 0, ram): ram\n",
            (unsigned long long)current_machine.ram_size - 1);
    out(o, "\n");
}

static void do_info(struct hmp_out *o, const char *name, const char *args)
{
    char sub[64];
    if (sscanf(args, "%63s", sub) != 1) {
        for (const struct hmp_cmd *c = hmp_info_cmds; c->name; c++)
            out(o, "info %s -- %s\n", c->name, c->help);
        return;
    }
    for (const struct hmp_cmd *c = hmp_info_cmds; c->name; c++)
        if (!strcmp(c->name, sub)) {
            c->fn(o, sub, args + strlen(sub));
            return;
        }
    out(o, "unknown command: 'info %s'\n", sub);
}

static void do_stop(struct hmp_out *o, const char *name, const char *args)
{
    vm_stop(RUN_STATE_PAUSED);
}

static void do_cont(struct hmp_out *o, const char *name, const char *args)
{
    enum run_state s = runstate_get();
    if (s == RUN_STATE_SHUTDOWN || s == RUN_STATE_INTERNAL_ERROR ||
        s == RUN_STATE_GUEST_PANICKED) {
        out(o, "Error: Resetting the Virtual Machine is required\n");
        return;
    }
    vm_start();
}

static void do_reset(struct hmp_out *o, const char *name, const char *args)
{
    runstate_request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

static void do_powerdown(struct hmp_out *o, const char *name, const char *args)
{
    runstate_request_powerdown();
}

static void do_quit(struct hmp_out *o, const char *name, const char *args)
{
    runstate_request_shutdown(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

/* x/FMT ADDR and xp/FMT ADDR: FMT is [count][format][size]. */
static void do_memory_dump(struct hmp_out *o, const char *name, const char *args)
{
    bool phys = name[1] == 'p';
    const char *fmt = strchr(name, '/');
    long count = 1;
    char format = 'x';
    int size = 4;

    if (fmt) {
        fmt++;
        if (isdigit((unsigned char)*fmt))
            count = strtol(fmt, (char **)&fmt, 10);
        for (; *fmt; fmt++) {
            switch (*fmt) {
            case 'x': case 'd': case 'u': case 'o': case 'c': case 'i':
                format = *fmt; break;
            case 'b': size = 1; break;
            case 'h': size = 2; break;
            case 'w': size = 4; break;
            case 'g': size = 8; break;
            default:
                out(o, "invalid char in format: '%c'\n", *fmt);
                return;
            }
        }
    }
    if (format == 'c')
        size = 1;
    char *end;
    while (*args == ' ')
        args++;
    unsigned long long addr = strtoull(args, &end, 0);
    if (end == args) {
        out(o, "%s: address expected\n", phys ? "xp" : "x");
        return;
    }
    if (count < 0 || count > 65536)
        count = 1;
    if (!phys) {
        struct vcpu *v = vcpu_get(o->cpu_index);
        if (!v || !v->cpu) {
            out(o, "No CPU available\n");
            return;
        }
    }
    bool be = current_machine.arch->big_endian;
    int per_line = size == 8 ? 2 : size == 1 ? 8 : 4;
    for (long i = 0; i < count; i++) {
        uint8_t b[8] = { 0 };
        if (i % per_line == 0)
            out(o, "%s%016llx:", i ? "\n" : "", addr);
        if (!(phys ? machine_phys_read(addr, b, size)
                   : machine_virt_rw(o->cpu_index, addr, b, size, false))) {
            out(o, " Cannot access memory\n");
            return;
        }
        uint64_t v = 0;
        for (int k = 0; k < size; k++)
            v |= (uint64_t)b[be ? k : size - 1 - k] << (8 * (size - 1 - k));
        switch (format) {
        case 'x': out(o, " 0x%0*llx", size * 2, (unsigned long long)v); break;
        case 'o': out(o, " %#llo", (unsigned long long)v); break;
        case 'u': out(o, " %llu", (unsigned long long)v); break;
        case 'd': {
            int64_t s = (int64_t)(v << (64 - 8 * size)) >> (64 - 8 * size);
            out(o, " %lld", (long long)s);
            break;
        }
        case 'c': out(o, isprint((int)v) ? " '%c'" : " '\\x%02x'", (int)v); break;
        default: out(o, " 0x%0*llx", size * 2, (unsigned long long)v); break;
        }
        addr += size;
    }
    out(o, "\n");
}

static const struct hmp_cmd hmp_info_cmds[] = {
    { "status", "", "show the current VM status (running|paused)", info_status },
    { "version", "", "show the version of QEMU", info_version },
    { "name", "", "show the current VM name", info_name },
    { "registers", "", "show the cpu registers", info_registers },
    { "tlb", "", "show virtual to physical memory mappings", info_tlb },
    { "mtree", "", "show memory tree", info_mtree },
    { "cpus", "", "show infos for each CPU", info_cpus },
    { NULL },
};

static const struct hmp_cmd hmp_cmds[] = {
    { "help|?", "[cmd]", "show the help", do_help },
    { "info", "[subcommand]", "show various information about the system state", do_info },
    { "stop|s", "", "stop emulation", do_stop },
    { "cont|c", "", "resume emulation", do_cont },
    { "system_reset", "", "reset the system", do_reset },
    { "system_powerdown", "", "send system power down event", do_powerdown },
    { "quit|q", "", "quit the emulator", do_quit },
    { "x", "/fmt addr", "virtual memory dump starting at 'addr'", do_memory_dump },
    { "xp", "/fmt addr", "physical memory dump starting at 'addr'", do_memory_dump },
    { NULL },
};

/* Does word (up to '/' for x/xp) match a "name|alias" entry? */
static bool name_matches(const char *names, const char *word, size_t len)
{
    for (const char *p = names; *p;) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == len && !strncmp(p, word, n))
            return true;
        p = e ? e + 1 : p + n;
    }
    return false;
}

static char *to_crlf(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += *p == '\n' ? 2 : 1;
    char *r = xmalloc(n + 1), *q = r;
    for (const char *p = s; *p; p++) {
        if (*p == '\n')
            *q++ = '\r';
        *q++ = *p;
    }
    *q = 0;
    return r;
}

char *hmp_execute(const char *line, int cpu_index)
{
    struct hmp_out o = { .cpu_index = cpu_index };
    const char *p = line;

    out(&o, "%s", "");
    while (*p == ' ' || *p == '\t')
        p++;
    size_t len = strcspn(p, " \t/");
    if (len) {
        const struct hmp_cmd *cmd = NULL;
        for (const struct hmp_cmd *c = hmp_cmds; c->name; c++)
            if (name_matches(c->name, p, len))
                cmd = c;
        /* Only x and xp take a /format suffix. */
        if (cmd && p[len] == '/' && cmd->fn != do_memory_dump)
            cmd = NULL;
        if (!cmd) {
            size_t wl = strcspn(p, " \t");
            out(&o, "unknown command: '%.*s'\n", (int)wl, p);
        } else {
            size_t wl = strcspn(p, " \t");
            char *word = strndup(p, wl);
            cmd->fn(&o, word, p + wl);
            free(word);
        }
    }
    char *r = to_crlf(o.buf);
    free(o.buf);
    return r;
}

static void prompt(struct monitor *mon)
{
    chardev_write(mon->chr, "(qemu) ", 7);
}

void hmp_greet(struct monitor *mon)
{
    const char *banner = "QEMU 8.2.0 monitor (kemu-0.1.0) - type 'help' for more information\r\n";
    chardev_write(mon->chr, banner, strlen(banner));
    prompt(mon);
}

void hmp_input(struct monitor *mon, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        uint8_t ch = buf[i];
        if (ch == '\n' || ch == '\r') {
            if (ch == '\n' && mon->linelen == 0 && i > 0 && buf[i - 1] == '\r')
                continue;
            mon->line[mon->linelen] = 0;
            if (mon->line_overflow) {
                const char *m = "command line too long\r\n";
                chardev_write(mon->chr, m, strlen(m));
            } else {
                char *r = hmp_execute(mon->line, 0);
                chardev_write(mon->chr, r, strlen(r));
                free(r);
            }
            mon->linelen = 0;
            mon->line_overflow = false;
            prompt(mon);
        } else if (mon->linelen + 1 < sizeof(mon->line)) {
            mon->line[mon->linelen++] = ch;
        } else {
            mon->line_overflow = true;
        }
    }
}
