/*
 * The main loop: one poll() over every watched descriptor (chardevs,
 * monitor and gdb sockets), one-shot timers, and deferred calls ("bottom
 * halves") that run after the current handler returns.  Runs on the main
 * thread only; other threads wake it with mainloop_kick().
 */
#ifndef KEMU_SYSTEM_MAINLOOP_H
#define KEMU_SYSTEM_MAINLOOP_H

#include <stdbool.h>
#include <stdint.h>

typedef void (*mainloop_fd_fn)(void *opaque, int fd, short revents);
typedef void (*mainloop_fn)(void *opaque);

void mainloop_init(void);

/* Watch fd for events (POLLIN/POLLOUT); replaces an earlier watch of
 * the same fd.  events 0 keeps the entry but polls nothing. */
void mainloop_watch(int fd, short events, mainloop_fd_fn fn, void *opaque);
void mainloop_set_events(int fd, short events);
void mainloop_unwatch(int fd);

/* Call fn(opaque) once after ms milliseconds; returns a timer id. */
int mainloop_timer_add(int64_t ms, mainloop_fn fn, void *opaque);
void mainloop_timer_del(int id);

/* Call fn(opaque) from the loop soon (after the running handler). */
void mainloop_defer(mainloop_fn fn, void *opaque);

/* Wake the loop from another thread (or a signal handler). */
void mainloop_kick(void);

/* Call fn(opaque) whenever the loop was kicked (several may be set). */
void mainloop_on_wake(mainloop_fn fn, void *opaque);

/* Run every wake hook now, as a kick would (e.g. to collect device
 * output produced after the hooks last ran). */
void mainloop_run_wake_hooks(void);

/* Run until mainloop_quit(); returns its status. */
int mainloop_run(void);
void mainloop_quit(int status);

/* Wall-clock milliseconds (monotonic). */
int64_t mainloop_now_ms(void);

#endif
