/* -daemonize and -pidfile. */
#ifndef KEMU_SYSTEM_DAEMON_H
#define KEMU_SYSTEM_DAEMON_H

#include <stdbool.h>

/* Fork; the parent waits until the child reports (daemon_ready or exit)
 * and exits 0 only on success.  Returns in the child. */
void daemon_start(void);
/* The child finished initialising: release the parent, detach stdio. */
void daemon_ready(void);

/* Create, lock and fill the PID file; false with a message on failure. */
bool pidfile_create(const char *path);
void pidfile_remove(void);

#endif
