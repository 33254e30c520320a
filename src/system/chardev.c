/* Character device backends (see chardev.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "system/chardev.h"
#include "system/mainloop.h"
#include "system/opts.h"
#include "util/error.h"

/* Stop reading a peer whose unread output passed this size. */
#define CHR_BACKLOG_PAUSE (1u << 20)

struct chardev *chardev_list;
static int anon_ids;

static char *fmt_err(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        s = xstrdup("out of memory");
    va_end(ap);
    return s;
}

struct chardev *chardev_find(const char *id)
{
    for (struct chardev *c = chardev_list; c; c = c->next)
        if (strcmp(c->id, id) == 0)
            return c;
    return NULL;
}

bool chardev_uses_stdio(void)
{
    for (struct chardev *c = chardev_list; c; c = c->next)
        if (c->kind == CHR_STDIO)
            return true;
    return false;
}

static struct chardev *chr_alloc(const char *id, enum chardev_kind kind)
{
    struct chardev *c = xcalloc(1, sizeof(*c));
    char buf[32];

    if (!id) {
        snprintf(buf, sizeof(buf), "compat_monitor%d", anon_ids++);
        id = buf;
    }
    c->id = xstrdup(id);
    c->kind = kind;
    c->listen_fd = c->in_fd = c->out_fd = -1;
    return c;
}

static void chr_free(struct chardev *c)
{
    free(c->id); free(c->label); free(c->path); free(c->host); free(c->port);
    free(c);
}

static bool chr_register(struct chardev *c, char **err)
{
    if (chardev_find(c->id)) {
        *err = fmt_err("attempt to add duplicate property '%s' to object (type 'container')",
                       c->id);
        return false;
    }
    if (c->kind == CHR_STDIO && chardev_uses_stdio()) {
        *err = fmt_err("cannot use stdio by multiple character devices");
        return false;
    }
    struct chardev **pp = &chardev_list;
    while (*pp)
        pp = &(*pp)->next;
    *pp = c;
    return true;
}

static void socket_label(struct chardev *c)
{
    free(c->label);
    if (c->is_unix)
        c->label = fmt_err("unix:%s%s", c->path, c->server ? ",server=on" : "");
    else
        c->label = fmt_err("tcp:%s:%s%s", c->host ? c->host : "", c->port,
                           c->server ? ",server=on" : "");
}

/* Fill a socket chardev from options path= or host=/port=. */
static bool socket_from_opts(struct chardev *c, struct opts *o, bool force_server,
                             char **err)
{
    bool ok = true;
    const char *path = opts_get(o, "path");
    const char *host = opts_get(o, "host");
    const char *port = opts_get(o, "port");

    c->server = opts_get_bool(o, "server", false, &ok);
    c->wait = opts_get_bool(o, "wait", true, &ok);
    opts_get(o, "telnet");
    opts_get(o, "nodelay");
    opts_get(o, "ipv4");
    opts_get(o, "ipv6");
    if (!ok) {
        *err = fmt_err("invalid boolean value in socket options");
        return false;
    }
    if (force_server) {
        c->server = true;
        c->wait = false;
    }
    if (!c->server)
        c->wait = false;
    if (path) {
        c->is_unix = true;
        c->path = xstrdup(path);
    } else if (port) {
        c->host = xstrdup(host ? host : "");
        c->port = xstrdup(port);
    } else {
        *err = fmt_err("chardev: socket: no host given");
        return false;
    }
    socket_label(c);
    return true;
}

static struct chardev *chr_build(const char *backend, const char *id,
                                 struct opts *o, bool force_server, char **err)
{
    struct chardev *c;
    const char *path;

    if (!strcmp(backend, "socket")) {
        c = chr_alloc(id, CHR_SOCKET);
        if (!socket_from_opts(c, o, force_server, err))
            goto fail;
    } else if (!strcmp(backend, "stdio")) {
        c = chr_alloc(id, CHR_STDIO);
        opts_get(o, "signal");
        c->label = xstrdup("stdio");
    } else if (!strcmp(backend, "null")) {
        c = chr_alloc(id, CHR_NULL);
        c->label = xstrdup("null");
    } else if (!strcmp(backend, "pty")) {
        c = chr_alloc(id, CHR_PTY);
        c->label = xstrdup("pty");
    } else if (!strcmp(backend, "file") || !strcmp(backend, "pipe")) {
        c = chr_alloc(id, backend[0] == 'f' ? CHR_FILE : CHR_PIPE);
        path = opts_get(o, "path");
        if (!path) {
            *err = fmt_err("chardev: %s: no filename given", backend);
            goto fail;
        }
        c->path = xstrdup(path);
        c->label = fmt_err("%s:%s", backend, path);
    } else {
        *err = fmt_err("'%s' is not a valid char driver name", backend);
        return NULL;
    }
    const char *bad = opts_unused(o);
    if (bad) {
        *err = fmt_err("Invalid parameter '%s'", bad);
        goto fail;
    }
    if (!chr_register(c, err))
        goto fail;
    return c;
fail:
    chr_free(c);
    return NULL;
}

struct chardev *chardev_new_opts(const char *optstr, char **err)
{
    struct opts *o = opts_parse(optstr, "backend");
    const char *backend = opts_get(o, "backend");
    const char *id = opts_get(o, "id");
    struct chardev *c = NULL;

    if (!backend)
        *err = fmt_err("chardev: \"%s\" missing backend", optstr);
    else if (!id)
        *err = fmt_err("Parameter 'id' is missing");
    else
        c = chr_build(backend, id, o, false, err);
    opts_free(o);
    return c;
}

struct chardev *chardev_new_legacy(const char *spec, const char *id,
                                   bool force_server, char **err)
{
    struct chardev *c = NULL;
    struct opts *o;
    const char *comma = strchr(spec, ',');
    size_t head = comma ? (size_t)(comma - spec) : strlen(spec);
    char *first = strndup(spec, head);
    const char *rest = comma ? comma + 1 : "";

    o = opts_parse(rest, NULL);
    if (!strncmp(first, "unix:", 5)) {
        o->kv = xrealloc(o->kv, (o->n + 1) * sizeof(*o->kv));
        o->kv[o->n++] = (struct opt_kv){ xstrdup("path"), xstrdup(first + 5), false };
        c = chr_build("socket", id, o, force_server, err);
    } else if (!strncmp(first, "tcp:", 4)) {
        char *hp = first + 4, *colon = strrchr(hp, ':');
        if (!colon) {
            *err = fmt_err("chardev: '%s': port missing", spec);
            goto out;
        }
        *colon = 0;
        o->kv = xrealloc(o->kv, (o->n + 2) * sizeof(*o->kv));
        o->kv[o->n++] = (struct opt_kv){ xstrdup("host"), xstrdup(hp), false };
        o->kv[o->n++] = (struct opt_kv){ xstrdup("port"), xstrdup(colon + 1), false };
        c = chr_build("socket", id, o, force_server, err);
    } else if (!strcmp(first, "stdio") || !strcmp(first, "mon:stdio")) {
        c = chr_build("stdio", id, o, false, err);
    } else if (!strcmp(first, "null") || !strcmp(first, "none") ||
               !strcmp(first, "vc") || !strncmp(first, "vc:", 3)) {
        c = chr_build("null", id, o, false, err);
    } else if (!strcmp(first, "pty")) {
        c = chr_build("pty", id, o, false, err);
    } else if (!strncmp(first, "file:", 5) || !strncmp(first, "pipe:", 5)) {
        o->kv = xrealloc(o->kv, (o->n + 1) * sizeof(*o->kv));
        o->kv[o->n++] = (struct opt_kv){ xstrdup("path"), xstrdup(first + 5), false };
        first[4] = 0;
        c = chr_build(first, id, o, false, err);
    } else if (force_server && strspn(first, "0123456789") == strlen(first) && *first) {
        /* -gdb 1234 is short for tcp::1234 */
        o->kv = xrealloc(o->kv, (o->n + 2) * sizeof(*o->kv));
        o->kv[o->n++] = (struct opt_kv){ xstrdup("host"), xstrdup(""), false };
        o->kv[o->n++] = (struct opt_kv){ xstrdup("port"), xstrdup(first), false };
        c = chr_build("socket", id, o, force_server, err);
    } else {
        *err = fmt_err("'%s' is not a valid char driver", spec);
    }
out:
    opts_free(o);
    free(first);
    return c;
}

static void set_nonblock(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static bool socket_listen(struct chardev *c, char **err)
{
    int fd;

    if (c->is_unix) {
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        if (strlen(c->path) >= sizeof(sa.sun_path)) {
            *err = fmt_err("UNIX socket path '%s' is too long", c->path);
            return false;
        }
        strcpy(sa.sun_path, c->path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        unlink(c->path);
        if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            *err = fmt_err("Failed to bind socket to %s: %s", c->path, strerror(errno));
            if (fd >= 0)
                close(fd);
            return false;
        }
    } else {
        struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                                  .ai_flags = AI_PASSIVE }, *res;
        const char *host = c->host[0] ? c->host : NULL;
        int r = getaddrinfo(host, c->port, &hints, &res);
        if (r) {
            *err = fmt_err("address resolution failed for %s:%s: %s",
                           c->host, c->port, gai_strerror(r));
            return false;
        }
        /* Prefer IPv4 for the wildcard address, as tools expect. */
        struct addrinfo *ai = res;
        for (struct addrinfo *a = res; a; a = a->ai_next)
            if (a->ai_family == AF_INET) {
                ai = a;
                break;
            }
        fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int one = 1;
        if (fd >= 0)
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
            *err = fmt_err("Failed to bind socket: %s", strerror(errno));
            if (fd >= 0)
                close(fd);
            freeaddrinfo(res);
            return false;
        }
        freeaddrinfo(res);
    }
    if (listen(fd, 8) < 0) {
        *err = fmt_err("Failed to listen on socket: %s", strerror(errno));
        close(fd);
        return false;
    }
    set_nonblock(fd);
    c->listen_fd = fd;
    return true;
}

static bool socket_connect(struct chardev *c, char **err)
{
    int fd = -1;

    if (c->is_unix) {
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", c->path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            close(fd);
            fd = -1;
        }
    } else {
        struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
        if (getaddrinfo(c->host[0] ? c->host : "localhost", c->port, &hints, &res) == 0) {
            fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
                close(fd);
                fd = -1;
            }
            freeaddrinfo(res);
        }
    }
    if (fd < 0) {
        *err = fmt_err("Failed to connect to '%s': %s", c->label, strerror(errno));
        return false;
    }
    set_nonblock(fd);
    c->in_fd = c->out_fd = fd;
    return true;
}

static bool chr_open(struct chardev *c, char **err)
{
    switch (c->kind) {
    case CHR_SOCKET:
        return c->server ? socket_listen(c, err) : socket_connect(c, err);
    case CHR_STDIO:
        c->in_fd = 0;
        c->out_fd = 1;
        return true;
    case CHR_NULL:
        return true;
    case CHR_FILE:
        c->out_fd = open(c->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (c->out_fd < 0) {
            *err = fmt_err("Could not open '%s': %s", c->path, strerror(errno));
            return false;
        }
        return true;
    case CHR_PIPE: {
        char *in = fmt_err("%s.in", c->path), *out = fmt_err("%s.out", c->path);
        c->in_fd = open(in, O_RDWR | O_CLOEXEC);
        c->out_fd = open(out, O_RDWR | O_CLOEXEC);
        if (c->in_fd < 0 || c->out_fd < 0) {
            if (c->in_fd >= 0) close(c->in_fd);
            if (c->out_fd >= 0) close(c->out_fd);
            c->in_fd = c->out_fd = open(c->path, O_RDWR | O_CLOEXEC);
        }
        free(in);
        free(out);
        if (c->in_fd < 0) {
            *err = fmt_err("Could not open '%s': %s", c->path, strerror(errno));
            return false;
        }
        set_nonblock(c->in_fd);
        return true;
    }
    case CHR_PTY: {
        int fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (fd < 0 || grantpt(fd) < 0 || unlockpt(fd) < 0) {
            *err = fmt_err("Failed to create PTY: %s", strerror(errno));
            if (fd >= 0)
                close(fd);
            return false;
        }
        set_nonblock(fd);
        c->in_fd = c->out_fd = fd;
        free(c->label);
        c->label = fmt_err("pty:%s", ptsname(fd));
        fprintf(stderr, "char device redirected to %s (label %s)\n", ptsname(fd), c->id);
        return true;
    }
    }
    return false;
}

bool chardev_open_all(char **err)
{
    for (struct chardev *c = chardev_list; c; c = c->next)
        if (!chr_open(c, err))
            return false;
    return true;
}

static void chr_io(void *opaque, int fd, short revents);
static void chr_accept(void *opaque, int fd, short revents);

static short in_events(struct chardev *c)
{
    short ev = 0;
    if (!c->in_eof && !c->in_paused)
        ev |= POLLIN;
    if (c->olen && c->out_fd == c->in_fd)
        ev |= POLLOUT;
    return ev;
}

static void update_watch(struct chardev *c)
{
    if (c->in_fd >= 0 && c->connected) {
        mainloop_watch(c->in_fd, in_events(c), chr_io, c);
    }
    if (c->out_fd >= 0 && c->out_fd != c->in_fd && c->connected && c->kind != CHR_STDIO &&
        c->kind != CHR_FILE)
        mainloop_watch(c->out_fd, c->olen ? POLLOUT : 0, chr_io, c);
}

static void peer_connected(struct chardev *c)
{
    c->connected = true;
    c->in_eof = false;
    c->in_paused = false;
    c->olen = 0;
    update_watch(c);
    if (c->fe && c->fe->opened)
        c->fe->opened(c->opaque);
}

void chardev_disconnect(struct chardev *c)
{
    if (!c->connected)
        return;
    if (c->kind == CHR_SOCKET) {
        mainloop_unwatch(c->in_fd);
        close(c->in_fd);
        c->in_fd = c->out_fd = -1;
        c->connected = false;
        c->olen = 0;
        if (c->obuf && c->ocap > 65536) {
            free(c->obuf);
            c->obuf = NULL;
            c->ocap = 0;
        }
        if (c->fe && c->fe->closed)
            c->fe->closed(c->opaque);
        if (c->listen_fd >= 0)
            mainloop_watch(c->listen_fd, POLLIN, chr_accept, c);
    } else {
        /* stdio, pipes: the input ended; output stays usable. */
        c->in_eof = true;
        if (c->in_fd >= 0 && c->in_fd != c->out_fd)
            mainloop_unwatch(c->in_fd);
        else
            update_watch(c);
        if (c->fe && c->fe->closed)
            c->fe->closed(c->opaque);
    }
}

static void chr_accept(void *opaque, int fd, short revents)
{
    struct chardev *c = opaque;
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

    if (cfd < 0)
        return;
    /* One client at a time: leave later ones in the backlog. */
    mainloop_set_events(fd, 0);
    c->in_fd = c->out_fd = cfd;
    peer_connected(c);
}

static bool flush_some(struct chardev *c)
{
    while (c->olen) {
        ssize_t n;
        if (c->kind == CHR_SOCKET)
            n = send(c->out_fd, c->obuf, c->olen, MSG_NOSIGNAL);
        else
            n = write(c->out_fd, c->obuf, c->olen);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return true;
            c->olen = 0;
            return false;
        }
        memmove(c->obuf, c->obuf + n, c->olen - n);
        c->olen -= n;
    }
    return true;
}

static void chr_io(void *opaque, int fd, short revents)
{
    struct chardev *c = opaque;
    uint8_t buf[4096];

    if ((revents & POLLOUT) && fd == c->out_fd) {
        if (!flush_some(c)) {
            chardev_disconnect(c);
            return;
        }
        if (c->in_paused && c->olen < CHR_BACKLOG_PAUSE / 2)
            c->in_paused = false;
        update_watch(c);
    }
    if (fd != c->in_fd || !(revents & (POLLIN | POLLHUP | POLLERR)))
        return;
    if (c->in_eof || c->in_paused)
        return;
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        chardev_disconnect(c);
        return;
    }
    if (c->fe && c->fe->received)
        c->fe->received(c->opaque, buf, n);
}

void chardev_attach(struct chardev *c, const struct chardev_frontend *fe, void *opaque)
{
    c->fe = fe;
    c->opaque = opaque;
    if (c->kind == CHR_SOCKET) {
        if (c->server) {
            if (c->connected)
                peer_connected(c);
            else
                mainloop_watch(c->listen_fd, POLLIN, chr_accept, c);
        } else {
            peer_connected(c);
        }
    } else if (c->kind != CHR_NULL) {
        if (c->kind == CHR_FILE)
            c->in_eof = true;
        peer_connected(c);
    }
}

void chardev_write(struct chardev *c, const void *buf, size_t len)
{
    if (!c->connected || c->out_fd < 0 || c->kind == CHR_NULL)
        return;
    if (c->kind == CHR_STDIO || c->kind == CHR_FILE) {
        const uint8_t *p = buf;
        while (len) {
            ssize_t n = write(c->out_fd, p, len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return;
            p += n;
            len -= n;
        }
        return;
    }
    if (c->olen + len > c->ocap) {
        size_t cap = c->ocap ? c->ocap : 4096;
        while (cap < c->olen + len)
            cap *= 2;
        c->obuf = xrealloc(c->obuf, cap);
        c->ocap = cap;
    }
    memcpy(c->obuf + c->olen, buf, len);
    c->olen += len;
    if (!flush_some(c)) {
        /* The peer is gone; the read side notices and disconnects. */
        return;
    }
    if (c->olen >= CHR_BACKLOG_PAUSE)
        c->in_paused = true;
    update_watch(c);
}

void chardev_wait_clients(void)
{
    for (struct chardev *c = chardev_list; c; c = c->next) {
        if (c->kind != CHR_SOCKET || !c->server || !c->wait || c->connected)
            continue;
        fprintf(stderr, "%s: info: QEMU waiting for connection on: disconnected:%s\n",
                error_progname, c->label);
        for (;;) {
            struct pollfd p = { c->listen_fd, POLLIN, 0 };
            poll(&p, 1, -1);
            int cfd = accept4(c->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (cfd >= 0) {
                c->in_fd = c->out_fd = cfd;
                c->connected = true;
                break;
            }
        }
    }
}

void chardev_flush_all(int timeout_ms)
{
    int64_t end = mainloop_now_ms() + timeout_ms;

    for (struct chardev *c = chardev_list; c; c = c->next) {
        while (c->connected && c->olen) {
            int64_t left = end - mainloop_now_ms();
            if (left <= 0 || !flush_some(c))
                break;
            if (c->olen) {
                struct pollfd p = { c->out_fd, POLLOUT, 0 };
                poll(&p, 1, (int)left);
            }
        }
    }
}

void chardev_cleanup(void)
{
    for (struct chardev *c = chardev_list; c; c = c->next) {
        if (c->kind == CHR_SOCKET) {
            if (c->in_fd >= 0)
                close(c->in_fd);
            if (c->listen_fd >= 0) {
                close(c->listen_fd);
                if (c->is_unix)
                    unlink(c->path);
            }
        }
    }
}
