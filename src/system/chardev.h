/*
 * Character devices: the byte streams monitors, the gdbstub and serial
 * ports sit on.  Backends: socket (Unix or TCP; server or client), stdio,
 * file, null, pty, pipe.  A server socket serves one client at a time:
 * while one is connected the listening socket is not polled, so the next
 * client waits in the kernel's backlog until the first one leaves.
 */
#ifndef KEMU_SYSTEM_CHARDEV_H
#define KEMU_SYSTEM_CHARDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct opts;

/* What the user of a chardev (monitor, gdbstub) is told. */
struct chardev_frontend {
    void (*opened)(void *opaque);   /* a peer is there: greet it */
    void (*received)(void *opaque, const uint8_t *buf, size_t len);
    void (*closed)(void *opaque);   /* the peer left */
};

enum chardev_kind {
    CHR_SOCKET, CHR_STDIO, CHR_FILE, CHR_NULL, CHR_PTY, CHR_PIPE,
};

struct chardev {
    char *id;
    enum chardev_kind kind;
    char *label;            /* for query-chardev and messages */
    bool server, wait;
    bool is_unix;
    char *path;             /* unix socket / file / pipe path */
    char *host, *port;
    int listen_fd, in_fd, out_fd;
    bool connected;
    bool in_eof;
    bool in_paused;         /* output backlog too large: stop reading */
    uint8_t *obuf;
    size_t olen, ocap;
    const struct chardev_frontend *fe;
    void *opaque;
    struct chardev *next;
};

extern struct chardev *chardev_list;

/* -chardev BACKEND,id=ID,...; NULL with *err set (malloc'd) on error. */
struct chardev *chardev_new_opts(const char *optstr, char **err);
/* Legacy spec of -qmp/-monitor/-serial/-gdb: "unix:PATH,server=on",
 * "tcp:HOST:PORT,...", "stdio", "null", "file:PATH", "pty", "pipe:PATH".
 * force_server: -gdb always listens and never waits. */
struct chardev *chardev_new_legacy(const char *spec, const char *id,
                                   bool force_server, char **err);
struct chardev *chardev_find(const char *id);

/* Bind/listen/open every chardev; false with *err on failure. */
bool chardev_open_all(char **err);
/* server=on without wait=off: block until a client connects. */
void chardev_wait_clients(void);

/* Connect a frontend; stdio/file/pty/pipe count as connected at once. */
void chardev_attach(struct chardev *chr, const struct chardev_frontend *fe,
                    void *opaque);
void chardev_write(struct chardev *chr, const void *buf, size_t len);
/* Drop the current client (server sockets start listening again). */
void chardev_disconnect(struct chardev *chr);
/* Write out pending output, waiting at most timeout_ms in total. */
void chardev_flush_all(int timeout_ms);
/* Close everything, removing Unix socket files. */
void chardev_cleanup(void);
/* True when some chardev uses stdio. */
bool chardev_uses_stdio(void);

#endif
