/*
 * GDB remote protocol commands (QMP.md §7), independent of the mode:
 * the backend supplies CPUs, memory, resume and the transport.
 * Breakpoints and watchpoints go through the engine's debugger API, so
 * the translator checks them; guest memory is never patched.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/cpu.h"
#include "engine/exec.h"
#include "gdbstub/gdb_internal.h"
#include "target/target.h"
#include "util/error.h"

static const char hexd[] = "0123456789abcdef";

void gdb_session_init(struct gdb_session *s, const struct gdb_backend *be,
                      const char *target_name, void *opaque)
{
    memset(s, 0, sizeof(*s));
    s->be = be;
    s->opaque = opaque;
    s->arch = gdb_arch_find(target_name);
    if (s->arch)
        s->xml = gdb_arch_xml(s->arch);
}

void gdb_session_free(struct gdb_session *s)
{
    free(s->xml);
    s->xml = NULL;
}

void gdb_send_binary(struct gdb_session *s, const char *payload, size_t len)
{
    char *out = xmalloc(2 * len + 8);
    size_t n = gdb_frame(payload, len, out);
    s->be->send(s, out, n);
    free(out);
}

void gdb_send_packet(struct gdb_session *s, const char *payload)
{
    gdb_send_binary(s, payload, strlen(payload));
}

static void thread_id(struct gdb_session *s, int index, char *buf, size_t size)
{
    long tid = s->be->tid(s, index);
    if (s->multiprocess)
        snprintf(buf, size, "p%02lx.%02lx", s->be->pid, tid);
    else
        snprintf(buf, size, "%02lx", tid);
}

void gdb_report_stop(struct gdb_session *s, int sig, int cpu_index, const char *extra)
{
    char buf[160], tid[48];

    s->running = false;
    if (s->be->ncpus(s) == 0) {
        gdb_send_packet(s, "W00");
        return;
    }
    s->cur_cpu = cpu_index;
    thread_id(s, cpu_index, tid, sizeof(tid));
    snprintf(buf, sizeof(buf), "T%02xthread:%s;%s", sig, tid, extra ? extra : "");
    gdb_send_packet(s, buf);
}

static struct cpu_common *cur(struct gdb_session *s)
{
    return s->be->ncpus(s) ? s->be->cpu(s, s->cur_cpu) : NULL;
}

/* Thread id text -> CPU index; -1 "all", -2 "any"; -3 invalid. */
static int parse_thread(struct gdb_session *s, const char *p)
{
    if (*p == 'p') {
        p = strchr(p, '.');
        if (!p)
            return -1;
        p++;
    }
    if (!strcmp(p, "-1"))
        return -1;
    char *end;
    long tid = strtol(p, &end, 16);
    if (end == p)
        return -3;
    if (tid == 0)
        return -2;
    for (int i = 0; i < s->be->ncpus(s); i++)
        if (s->be->tid(s, i) == tid)
            return i;
    return -3;
}

static void hex_encode(const uint8_t *in, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hexd[in[i] >> 4];
        out[2 * i + 1] = hexd[in[i] & 15];
    }
    out[2 * n] = 0;
}

static int hexv(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool hex_decode(const char *in, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        int hi = hexv(in[2 * i]), lo = hi < 0 ? -1 : hexv(in[2 * i + 1]);
        if (lo < 0)
            return false;
        out[i] = hi << 4 | lo;
    }
    return true;
}

static int reg_rw(struct gdb_session *s, struct cpu_common *cpu, int regnum,
                  uint8_t *buf, bool write)
{
    const struct target_info *t = cpu ? cpu->target : NULL;
    if (!t)
        return 0;
    if (write)
        return t->gdb_write_reg ? t->gdb_write_reg(cpu, regnum, buf) : 0;
    return t->gdb_read_reg ? t->gdb_read_reg(cpu, regnum, buf) : 0;
}

static void cmd_read_regs(struct gdb_session *s)
{
    struct cpu_common *cpu = cur(s);
    if (!cpu || !s->arch) {
        gdb_send_packet(s, "E14");
        return;
    }
    char *out = xmalloc(s->arch->nregs * 16 + 1), *o = out;
    for (int i = 0; i < s->arch->nregs; i++) {
        uint8_t b[8] = { 0 };
        int n = reg_rw(s, cpu, s->arch->regs[i].regnum, b, false);
        int size = s->arch->regs[i].bitsize / 8;
        if (n == 0) {
            /* Unknown to the target: gdb's "unavailable" marker. */
            memset(o, 'x', 2 * size);
            o += 2 * size;
        } else {
            hex_encode(b, size, o);
            o += 2 * size;
        }
    }
    *o = 0;
    gdb_send_packet(s, out);
    free(out);
}

static void cmd_write_regs(struct gdb_session *s, const char *hex)
{
    struct cpu_common *cpu = cur(s);
    if (!cpu || !s->arch) {
        gdb_send_packet(s, "E14");
        return;
    }
    size_t left = strlen(hex) / 2;
    for (int i = 0; i < s->arch->nregs; i++) {
        int size = s->arch->regs[i].bitsize / 8;
        uint8_t b[8];
        if ((size_t)size > left || !hex_decode(hex, size, b))
            break;
        reg_rw(s, cpu, s->arch->regs[i].regnum, b, true);
        hex += 2 * size;
        left -= size;
    }
    gdb_send_packet(s, "OK");
}

static const struct gdb_reg *find_reg(struct gdb_session *s, int regnum)
{
    for (int i = 0; s->arch && i < s->arch->nregs; i++)
        if (s->arch->regs[i].regnum == regnum)
            return &s->arch->regs[i];
    return NULL;
}

static void cmd_reg(struct gdb_session *s, const char *p, bool write)
{
    char *end;
    int regnum = (int)strtol(p, &end, 16);
    const struct gdb_reg *r = find_reg(s, regnum);
    struct cpu_common *cpu = cur(s);
    uint8_t b[8] = { 0 };

    if (end == p || !r || !cpu) {
        gdb_send_packet(s, "E14");
        return;
    }
    int size = r->bitsize / 8;
    if (write) {
        if (*end != '=' || strlen(end + 1) < (size_t)size * 2 ||
            !hex_decode(end + 1, size, b)) {
            gdb_send_packet(s, "E22");
            return;
        }
        gdb_send_packet(s, reg_rw(s, cpu, regnum, b, true) ? "OK" : "E14");
        return;
    }
    if (!reg_rw(s, cpu, regnum, b, false)) {
        gdb_send_packet(s, "E14");
        return;
    }
    char out[20];
    hex_encode(b, size, out);
    gdb_send_packet(s, out);
}

static bool parse_addr_len(const char *p, uint64_t *addr, uint64_t *len, const char **rest)
{
    char *end;
    *addr = strtoull(p, &end, 16);
    if (end == p || *end != ',')
        return false;
    p = end + 1;
    *len = strtoull(p, &end, 16);
    if (end == p)
        return false;
    *rest = end;
    return true;
}

static void cmd_read_mem(struct gdb_session *s, const char *p)
{
    uint64_t addr, len;
    const char *rest;
    struct cpu_common *cpu = cur(s);

    if (!parse_addr_len(p, &addr, &len, &rest) || *rest) {
        gdb_send_packet(s, "E22");
        return;
    }
    if (len > GDB_PACKET_MAX / 2)
        len = GDB_PACKET_MAX / 2;
    uint8_t *buf = xmalloc(len + 1);
    if (!cpu || !s->be->read_mem || s->be->read_mem(cpu, addr, buf, len) < 0) {
        gdb_send_packet(s, "E14");
    } else {
        char *out = xmalloc(2 * len + 1);
        hex_encode(buf, len, out);
        gdb_send_packet(s, out);
        free(out);
    }
    free(buf);
}

static void cmd_write_mem(struct gdb_session *s, const char *p)
{
    uint64_t addr, len;
    const char *rest;
    struct cpu_common *cpu = cur(s);

    if (!parse_addr_len(p, &addr, &len, &rest) || *rest != ':' ||
        strlen(rest + 1) != 2 * len) {
        gdb_send_packet(s, "E22");
        return;
    }
    uint8_t *buf = xmalloc(len + 1);
    if (!hex_decode(rest + 1, len, buf))
        gdb_send_packet(s, "E22");
    else if (!cpu || !s->be->write_mem || s->be->write_mem(cpu, addr, buf, len) < 0)
        gdb_send_packet(s, "E14");
    else
        gdb_send_packet(s, "OK");
    free(buf);
}

/* Engine flags of gdb's Z types 2 (write), 3 (read) and 4 (access). */
static const int wp_flags[] = { 0, 0, WP_WRITE, WP_READ, WP_ACCESS };

/* Remember what gdb inserted, to name the kind in stop replies. */
static void note_watchpoint(struct gdb_session *s, uint64_t addr, uint64_t len,
                            int type, bool insert)
{
    for (int i = 0; i < s->nwatch; i++)
        if (s->watch[i].addr == addr && s->watch[i].len == len &&
            s->watch[i].type == type) {
            if (!insert)
                s->watch[i] = s->watch[--s->nwatch];
            return;
        }
    if (insert && s->nwatch < GDB_MAX_WATCH)
        s->watch[s->nwatch++] = (struct gdb_watch){ addr, len, type };
}

static void cmd_breakpoint(struct gdb_session *s, const char *p, bool insert)
{
    char *end;
    int type = (int)strtol(p, &end, 16);
    uint64_t addr, len;
    const char *rest;
    int r = -EINVAL;

    if (*end != ',' || !parse_addr_len(end + 1, &addr, &len, &rest)) {
        gdb_send_packet(s, "E22");
        return;
    }
    if (type > 4) {
        gdb_send_packet(s, "");
        return;
    }
    int n = s->be->ncpus(s);
    if (n == 0) {
        gdb_send_packet(s, "E22");
        return;
    }
    for (int i = 0; i < n; i++) {
        struct cpu_common *cpu = s->be->cpu(s, i);
        if (type <= 1)
            r = insert ? cpu_breakpoint_insert(cpu, addr) : cpu_breakpoint_remove(cpu, addr);
        else {
            int f = wp_flags[type] |
                    (s->arch && s->arch->watch_before ? WP_STOP_BEFORE : 0);
            r = insert ? cpu_watchpoint_insert(cpu, addr, len, f)
                       : cpu_watchpoint_remove(cpu, addr, len, f);
        }
        if (r < 0)
            break;
    }
    if (r == 0 && type >= 2)
        note_watchpoint(s, addr, len, type, insert);
    gdb_send_packet(s, r < 0 ? "E22" : "OK");
}

void gdb_watch_stop_text(struct gdb_session *s, const struct cpu_common *cpu,
                         char *buf, size_t size)
{
    static const char *const names[] = { NULL, NULL, "watch", "rwatch", "awatch" };
    int type = cpu->watch_hit_flags == WP_READ ? 3 : 2;

    /* The engine names the watchpoint by its address and the access that
     * hit it; gdb's kind (an awatch hit by a write is still an awatch)
     * comes from what gdb inserted. */
    for (int i = 0; i < s->nwatch; i++)
        if (s->watch[i].addr == cpu->watch_hit_addr &&
            (wp_flags[s->watch[i].type] & cpu->watch_hit_flags)) {
            type = s->watch[i].type;
            break;
        }
    snprintf(buf, size, "%s:%llx;", names[type],
             (unsigned long long)cpu->watch_hit_addr);
}

void gdb_remove_all_breakpoints(struct gdb_session *s)
{
    s->nwatch = 0;
    for (int i = 0; i < s->be->ncpus(s); i++) {
        cpu_breakpoint_remove_all(s->be->cpu(s, i));
        cpu_watchpoint_remove_all(s->be->cpu(s, i));
    }
}

static void cmd_xfer_features(struct gdb_session *s, const char *p)
{
    uint64_t off, len;
    const char *rest;

    if (strncmp(p, "target.xml:", 11)) {
        gdb_send_packet(s, "E00");
        return;
    }
    if (!s->xml) {
        gdb_send_packet(s, "");
        return;
    }
    if (!parse_addr_len(p + 11, &off, &len, &rest) || *rest) {
        gdb_send_packet(s, "E22");
        return;
    }
    size_t total = strlen(s->xml);
    if (off > total) {
        gdb_send_packet(s, "E22");
        return;
    }
    if (len > GDB_PACKET_MAX - 8)
        len = GDB_PACKET_MAX - 8;
    size_t n = total - off < len ? total - off : len;
    char *out = xmalloc(n + 2);
    out[0] = off + n < total ? 'm' : 'l';
    memcpy(out + 1, s->xml + off, n);
    out[n + 1] = 0;
    gdb_send_packet(s, out);
    free(out);
}

/* Answer a qXfer read of OFF,LEN (text p) from data[0, total): `m` and a
 * chunk when more follows, `l` and the rest at the end. */
static void xfer_reply(struct gdb_session *s, const char *p, const char *data,
                       size_t total)
{
    uint64_t off, len;
    const char *rest;

    if (!parse_addr_len(p, &off, &len, &rest) || *rest || off > total) {
        gdb_send_packet(s, "E22");
        return;
    }
    /* Escaping may double each byte: keep the packet within PacketSize. */
    if (len > GDB_PACKET_MAX / 2 - 8)
        len = GDB_PACKET_MAX / 2 - 8;
    size_t n = total - off < len ? total - off : len;
    char *out = xmalloc(n + 1);
    out[0] = off + n < total ? 'm' : 'l';
    memcpy(out + 1, data + off, n);
    gdb_send_binary(s, out, n + 1);
    free(out);
}

/* qXfer:auxv:read::OFF,LEN: the guest's auxiliary vector, raw. */
static void cmd_xfer_auxv(struct gdb_session *s, const char *p)
{
    uint64_t addr, len;
    struct cpu_common *cpu = cur(s);

    if (*p++ != ':') {
        gdb_send_packet(s, "E22");
        return;
    }
    if (!cpu || !s->be->auxv || !s->be->auxv(s, &addr, &len) || len > 65536) {
        gdb_send_packet(s, "E14");
        return;
    }
    char *buf = xmalloc(len + 1);
    if (s->be->read_mem(cpu, addr, (uint8_t *)buf, len) < 0)
        gdb_send_packet(s, "E14");
    else
        xfer_reply(s, p, buf, len);
    free(buf);
}

/* qXfer:exec-file:read:ANNEX:OFF,LEN: the guest program's path. */
static void cmd_xfer_exec_file(struct gdb_session *s, const char *p)
{
    char path[4096];

    p = strchr(p, ':');
    if (!p) {
        gdb_send_packet(s, "E22");
        return;
    }
    if (!s->be->exec_file || !s->be->exec_file(s, path, sizeof(path))) {
        gdb_send_packet(s, "E14");
        return;
    }
    xfer_reply(s, p + 1, path, strlen(path));
}

static void cmd_rcmd(struct gdb_session *s, const char *hex)
{
    size_t n = strlen(hex) / 2;
    char *cmd = xmalloc(n + 1);

    if (!hex_decode(hex, n, (uint8_t *)cmd)) {
        free(cmd);
        gdb_send_packet(s, "E22");
        return;
    }
    cmd[n] = 0;
    char *text = s->be->monitor ? s->be->monitor(s, cmd) : xstrdup("");
    size_t tl = strlen(text);
    /* O packets carry hex output; keep each well under PacketSize. */
    for (size_t off = 0; off < tl; off += 1000) {
        size_t chunk = tl - off < 1000 ? tl - off : 1000;
        char *pkt = xmalloc(2 * chunk + 2);
        pkt[0] = 'O';
        hex_encode((const uint8_t *)text + off, chunk, pkt + 1);
        gdb_send_packet(s, pkt);
        free(pkt);
    }
    free(text);
    free(cmd);
    gdb_send_packet(s, "OK");
}

static void cmd_query(struct gdb_session *s, const char *p)
{
    char buf[128], tid[48];

    if (!strncmp(p, "qSupported", 10)) {
        s->multiprocess = strstr(p, "multiprocess+") != NULL;
        char sup[160];
        snprintf(sup, sizeof(sup),
                 "PacketSize=1000;qXfer:features:read+;vContSupported+;multiprocess+%s%s",
                 s->be->auxv ? ";qXfer:auxv:read+" : "",
                 s->be->exec_file ? ";qXfer:exec-file:read+" : "");
        gdb_send_packet(s, sup);
    } else if (!strcmp(p, "qAttached") || !strncmp(p, "qAttached:", 10)) {
        gdb_send_packet(s, "1");
    } else if (!strcmp(p, "qC")) {
        if (s->be->ncpus(s) == 0) {
            gdb_send_packet(s, "");
            return;
        }
        thread_id(s, s->cur_cpu, tid, sizeof(tid));
        snprintf(buf, sizeof(buf), "QC%s", tid);
        gdb_send_packet(s, buf);
    } else if (!strcmp(p, "qfThreadInfo")) {
        int n = s->be->ncpus(s);
        char *out = xmalloc(n * 48 + 2), *o = out;
        *o++ = n ? 'm' : 'l';
        for (int i = 0; i < n; i++) {
            thread_id(s, i, tid, sizeof(tid));
            o += sprintf(o, "%s%s", i ? "," : "", tid);
        }
        *o = 0;
        gdb_send_packet(s, out);
        free(out);
    } else if (!strcmp(p, "qsThreadInfo")) {
        gdb_send_packet(s, "l");
    } else if (!strncmp(p, "qXfer:features:read:", 20)) {
        cmd_xfer_features(s, p + 20);
    } else if (!strncmp(p, "qXfer:auxv:read:", 16)) {
        cmd_xfer_auxv(s, p + 16);
    } else if (!strncmp(p, "qXfer:exec-file:read:", 21)) {
        cmd_xfer_exec_file(s, p + 21);
    } else if (!strncmp(p, "qRcmd,", 6)) {
        cmd_rcmd(s, p + 6);
    } else {
        gdb_send_packet(s, "");
    }
}

static void do_resume(struct gdb_session *s, bool step, int sig)
{
    s->running = true;
    s->be->resume(s, step, sig);
}

static void cmd_vcont(struct gdb_session *s, const char *p)
{
    /* vCont;ACTION[:THREAD];...: the first action naming the current
     * thread, or without a thread, decides. */
    bool step = false;
    int sig = 0;
    bool found = false;

    while (*p == ';') {
        p++;
        char act = *p++;
        int asig = 0;
        if (act == 'C' || act == 'S') {
            asig = (int)strtol(p, (char **)&p, 16);
        } else if (act != 'c' && act != 's') {
            gdb_send_packet(s, "E22");
            return;
        }
        int th = -1;
        if (*p == ':') {
            char tbuf[48];
            size_t n = strcspn(p + 1, ";");
            snprintf(tbuf, sizeof(tbuf), "%.*s", (int)(n < 47 ? n : 47), p + 1);
            th = parse_thread(s, tbuf);
            p += 1 + n;
        }
        if (!found && (th < 0 || th == s->cur_cpu)) {
            if (th >= 0)
                s->cur_cpu = th;
            step = act == 's' || act == 'S';
            sig = asig;
            found = true;
        }
    }
    do_resume(s, step, sig);
}

static void handle_packet(struct gdb_session *s, const char *p)
{
    char *end;

    switch (p[0]) {
    case '?':
        gdb_report_stop(s, 5, s->cur_cpu, NULL);
        s->running = false;
        return;
    case 'q':
        cmd_query(s, p);
        return;
    case 'Q':
        gdb_send_packet(s, "");
        return;
    case 'H': {
        if (p[1] != 'g' && p[1] != 'c') {
            gdb_send_packet(s, "E22");
            return;
        }
        int th = parse_thread(s, p + 2);
        if (th == -3) {
            gdb_send_packet(s, "E22");
            return;
        }
        if (th >= 0 && p[1] == 'g')
            s->cur_cpu = th;
        gdb_send_packet(s, "OK");
        return;
    }
    case 'T':
        gdb_send_packet(s, parse_thread(s, p + 1) >= 0 ? "OK" : "E22");
        return;
    case 'g':
        cmd_read_regs(s);
        return;
    case 'G':
        cmd_write_regs(s, p + 1);
        return;
    case 'p':
        cmd_reg(s, p + 1, false);
        return;
    case 'P':
        cmd_reg(s, p + 1, true);
        return;
    case 'm':
        cmd_read_mem(s, p + 1);
        return;
    case 'M':
        cmd_write_mem(s, p + 1);
        return;
    case 'Z':
    case 'z':
        cmd_breakpoint(s, p + 1, p[0] == 'Z');
        return;
    case 'c':
    case 's':
        if (p[1] && cur(s)) {
            uint64_t addr = strtoull(p + 1, &end, 16);
            if (cur(s)->target && cur(s)->target->set_pc)
                cur(s)->target->set_pc(cur(s), addr);
        }
        do_resume(s, p[0] == 's', 0);
        return;
    case 'C':
    case 'S':
        do_resume(s, p[0] == 'S', (int)strtol(p + 1, NULL, 16));
        return;
    case 'v':
        if (!strcmp(p, "vCont?"))
            gdb_send_packet(s, "vCont;c;C;s;S");
        else if (!strncmp(p, "vCont;", 6))
            cmd_vcont(s, p + 5);
        else if (!strncmp(p, "vKill", 5)) {
            gdb_send_packet(s, "OK");
            s->be->kill(s);
        } else
            gdb_send_packet(s, "");
        return;
    case 'k':
        s->be->kill(s);
        return;
    case 'D':
        gdb_remove_all_breakpoints(s);
        gdb_send_packet(s, "OK");
        s->running = true;
        s->be->resume(s, false, -1);
        return;
    default:
        gdb_send_packet(s, "");
        return;
    }
}

void gdb_session_input(struct gdb_session *s, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (gdb_rx_byte(&s->rx, buf[i])) {
        case GDB_RX_PACKET:
            s->be->send(s, "+", 1);
            handle_packet(s, s->rx.buf);
            break;
        case GDB_RX_BAD:
            s->be->send(s, "-", 1);
            break;
        case GDB_RX_INTERRUPT:
            if (s->running && s->be->interrupt)
                s->be->interrupt(s);
            break;
        case GDB_RX_NONE:
            break;
        }
    }
}
