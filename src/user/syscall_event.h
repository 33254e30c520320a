/*
 * Descriptors whose data a big-endian guest reads in its own byte order:
 * eventfd and timerfd counters, inotify events (signalfd records are
 * converted by syscall_signal.c).  The
 * creating call marks the host descriptor; read/write convert through
 * here (nothing to do for little-endian guests).
 */
#ifndef KEMU_USER_SYSCALL_EVENT_H
#define KEMU_USER_SYSCALL_EVENT_H

#include <stdbool.h>
#include <stdint.h>

enum user_fd_kind {
    FD_PLAIN = 0,
    FD_U64,          /* eventfd, timerfd: one 64-bit counter */
    FD_INOTIFY,      /* struct inotify_event records */
};

void user_fd_trans_set(int fd, enum user_fd_kind kind);
/* The kind of fd for the running guest: FD_PLAIN when nothing needs
 * converting (little-endian guests) and once the descriptor number names
 * something else. */
enum user_fd_kind user_fd_trans_get(int fd);
/* After a read of n bytes from fd into buf: convert in place. */
void user_fd_trans_read(int fd, void *buf, int64_t n);
/* Before a write of n bytes to fd: true with the host's bytes in tmp
 * when they differ from buf. */
bool user_fd_trans_write(int fd, const void *buf, int64_t n, uint8_t tmp[8]);

#endif
