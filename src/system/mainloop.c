/* poll()-based main loop (see mainloop.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "system/mainloop.h"
#include "util/error.h"

struct watch {
    int fd;
    short events;
    mainloop_fd_fn fn;
    void *opaque;
};

struct timer {
    int id;
    int64_t when;
    mainloop_fn fn;
    void *opaque;
};

struct deferred {
    mainloop_fn fn;
    void *opaque;
};

static struct watch *watches;
static int nwatches, capwatches;
static struct timer *timers;
static int ntimers, next_timer_id = 1;
static struct deferred *defers;
static int ndefers, capdefers;
static int wake_pipe[2] = { -1, -1 };
static bool quitting;
static int quit_status;

int64_t mainloop_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static mainloop_fn wake_fn;
static void *wake_opaque;

/* Further wake hooks (devices fed from vCPU threads). */
#define MAX_WAKE_HOOKS 8
static mainloop_fn wake_fns[MAX_WAKE_HOOKS];
static void *wake_opaques[MAX_WAKE_HOOKS];
static int nwake;

void mainloop_on_wake(mainloop_fn fn, void *opaque)
{
    if (!wake_fn) {
        wake_fn = fn;
        wake_opaque = opaque;
    } else if (nwake < MAX_WAKE_HOOKS) {
        wake_fns[nwake] = fn;
        wake_opaques[nwake++] = opaque;
    }
}

void mainloop_run_wake_hooks(void)
{
    for (int i = 0; i < nwake; i++)
        wake_fns[i](wake_opaques[i]);
    if (wake_fn)
        wake_fn(wake_opaque);
}

static void drain_wake(void *opaque, int fd, short revents)
{
    char buf[64];
    while (read(fd, buf, sizeof(buf)) > 0)
        ;
    mainloop_run_wake_hooks();
}

void mainloop_init(void)
{
    if (wake_pipe[0] >= 0)
        return;
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
        fatal("cannot create the main loop's wake-up pipe: %s", strerror(errno));
    mainloop_watch(wake_pipe[0], POLLIN, drain_wake, NULL);
}

void mainloop_kick(void)
{
    int saved = errno;
    if (wake_pipe[1] >= 0 && write(wake_pipe[1], "", 1) < 0) {
        /* a full pipe already wakes the loop */
    }
    errno = saved;
}

static struct watch *find(int fd)
{
    for (int i = 0; i < nwatches; i++)
        if (watches[i].fd == fd)
            return &watches[i];
    return NULL;
}

void mainloop_watch(int fd, short events, mainloop_fd_fn fn, void *opaque)
{
    struct watch *w = find(fd);

    if (!w) {
        if (nwatches == capwatches) {
            capwatches = capwatches ? capwatches * 2 : 16;
            watches = xrealloc(watches, capwatches * sizeof(*watches));
        }
        w = &watches[nwatches++];
    }
    *w = (struct watch){ fd, events, fn, opaque };
}

void mainloop_set_events(int fd, short events)
{
    struct watch *w = find(fd);
    if (w)
        w->events = events;
}

void mainloop_unwatch(int fd)
{
    struct watch *w = find(fd);
    if (w) {
        /* Keep the slot order stable for the running dispatch: mark it
         * dead; compacted before the next poll. */
        w->fd = -1;
        w->fn = NULL;
    }
}

int mainloop_timer_add(int64_t ms, mainloop_fn fn, void *opaque)
{
    timers = xrealloc(timers, (ntimers + 1) * sizeof(*timers));
    timers[ntimers] = (struct timer){ next_timer_id, mainloop_now_ms() + ms,
                                      fn, opaque };
    ntimers++;
    return next_timer_id++;
}

void mainloop_timer_del(int id)
{
    for (int i = 0; i < ntimers; i++)
        if (timers[i].id == id) {
            timers[i] = timers[--ntimers];
            return;
        }
}

void mainloop_defer(mainloop_fn fn, void *opaque)
{
    if (ndefers == capdefers) {
        capdefers = capdefers ? capdefers * 2 : 8;
        defers = xrealloc(defers, capdefers * sizeof(*defers));
    }
    defers[ndefers++] = (struct deferred){ fn, opaque };
}

void mainloop_quit(int status)
{
    quitting = true;
    quit_status = status;
}

static void run_deferred(void)
{
    /* Deferred calls may defer more; run until none are left. */
    for (int i = 0; i < ndefers && !quitting; i++)
        defers[i].fn(defers[i].opaque);
    ndefers = 0;
}

static void run_timers(void)
{
    int64_t now = mainloop_now_ms();

    for (int i = 0; i < ntimers; i++) {
        if (timers[i].when <= now) {
            struct timer t = timers[i];
            timers[i] = timers[--ntimers];
            i = -1; /* the array changed: rescan */
            t.fn(t.opaque);
            now = mainloop_now_ms();
        }
    }
}

static void compact(void)
{
    int j = 0;
    for (int i = 0; i < nwatches; i++)
        if (watches[i].fd >= 0)
            watches[j++] = watches[i];
    nwatches = j;
}

int mainloop_run(void)
{
    struct pollfd *pfds = NULL;
    int cap = 0;

    while (!quitting) {
        run_deferred();
        if (quitting)
            break;
        compact();
        if (cap < nwatches) {
            cap = nwatches * 2;
            pfds = xrealloc(pfds, cap * sizeof(*pfds));
        }
        int n = nwatches;
        for (int i = 0; i < n; i++)
            pfds[i] = (struct pollfd){ watches[i].fd, watches[i].events, 0 };

        int timeout = -1;
        int64_t now = mainloop_now_ms();
        for (int i = 0; i < ntimers; i++) {
            int64_t d = timers[i].when - now;
            if (d < 0)
                d = 0;
            if (timeout < 0 || d < timeout)
                timeout = (int)d;
        }
        if (ndefers)
            timeout = 0;

        int r = poll(pfds, n, timeout);
        if (r < 0 && errno != EINTR)
            fatal("poll: %s", strerror(errno));
        for (int i = 0; r > 0 && i < n && !quitting; i++) {
            if (!pfds[i].revents)
                continue;
            /* The handler list may have changed under an earlier
             * handler: dispatch only to a still-registered watch. */
            struct watch *w = find(pfds[i].fd);
            if (w && w->fn && w->events)
                w->fn(w->opaque, w->fd, pfds[i].revents);
        }
        run_timers();
    }
    free(pfds);
    return quit_status;
}
