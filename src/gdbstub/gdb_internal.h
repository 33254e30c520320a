/*
 * The transport-independent part of the gdbstub: packet handling over a
 * backend that the mode (system or user) provides.
 */
#ifndef KEMU_GDBSTUB_GDB_INTERNAL_H
#define KEMU_GDBSTUB_GDB_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdbstub/gdb_arch.h"
#include "gdbstub/packet.h"

struct cpu_common;
struct gdb_session;

struct gdb_backend {
    /* CPUs gdb sees as threads (index 0..n-1); NULL when none. */
    int (*ncpus)(struct gdb_session *s);
    struct cpu_common *(*cpu)(struct gdb_session *s, int index);
    /* Thread id of CPU index (system: index + 1; user: host TID). */
    long (*tid)(struct gdb_session *s, int index);
    long pid;
    /* Guest-virtual memory through the CPU's view; 0 or -1. */
    int (*read_mem)(struct cpu_common *cpu, uint64_t addr, uint8_t *buf, size_t len);
    int (*write_mem)(struct cpu_common *cpu, uint64_t addr, const uint8_t *buf, size_t len);
    /* Let the guest run (step: one instruction on the current CPU). */
    void (*resume)(struct gdb_session *s, bool step, int sig);
    /* Ctrl-C while running. */
    void (*interrupt)(struct gdb_session *s);
    void (*kill)(struct gdb_session *s);
    /* `monitor CMD`: output text (malloc'd). */
    char *(*monitor)(struct gdb_session *s, const char *cmd);
    /* Where the guest's auxiliary vector lies, for qXfer:auxv (NULL:
     * none). */
    bool (*auxv)(struct gdb_session *s, uint64_t *addr, uint64_t *len);
    /* The guest program's path for qXfer:exec-file (NULL: none). */
    bool (*exec_file)(struct gdb_session *s, char *buf, size_t size);
    /* Send raw bytes to gdb. */
    void (*send)(struct gdb_session *s, const char *buf, size_t len);
};

#define GDB_MAX_WATCH 16

struct gdb_watch {
    uint64_t addr, len;
    int type;             /* Z type: 2 write, 3 read, 4 access */
};

struct gdb_session {
    const struct gdb_backend *be;
    const struct gdb_arch *arch;
    char *xml;
    struct gdb_rx rx;
    bool multiprocess;
    bool running;         /* gdb waits for a stop reply */
    int cur_cpu;          /* Hg */
    struct gdb_watch watch[GDB_MAX_WATCH]; /* inserted by gdb */
    int nwatch;
    void *opaque;
};

void gdb_session_init(struct gdb_session *s, const struct gdb_backend *be,
                      const char *target_name, void *opaque);
void gdb_session_free(struct gdb_session *s);
/* Feed bytes from gdb (acks, packets, Ctrl-C). */
void gdb_session_input(struct gdb_session *s, const uint8_t *buf, size_t len);
/* Send a packet (text, or len bytes of binary data). */
void gdb_send_packet(struct gdb_session *s, const char *payload);
void gdb_send_binary(struct gdb_session *s, const char *payload, size_t len);
/* Report a stop with signal sig (5 = SIGTRAP, 2 = SIGINT) on CPU index. */
void gdb_report_stop(struct gdb_session *s, int sig, int cpu_index,
                     const char *extra);
/* "watch:ADDR;" (or rwatch/awatch) for the watchpoint cpu hit. */
void gdb_watch_stop_text(struct gdb_session *s, const struct cpu_common *cpu,
                         char *buf, size_t size);
/* Remove every breakpoint/watchpoint gdb inserted (detach). */
void gdb_remove_all_breakpoints(struct gdb_session *s);

#endif
