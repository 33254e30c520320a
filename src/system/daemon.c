/* Daemonizing and the PID file (see daemon.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "system/daemon.h"
#include "util/error.h"

static int ready_fd = -1;
static char *pid_path;
static int pid_fd = -1;

void daemon_start(void)
{
    int fds[2];

    if (pipe(fds) < 0)
        fatal("cannot daemonize: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        fatal("cannot daemonize: %s", strerror(errno));
    if (pid > 0) {
        /* The launcher: succeed only when the child says it is ready. */
        char c = 1;
        close(fds[1]);
        ssize_t n;
        do
            n = read(fds[0], &c, 1);
        while (n < 0 && errno == EINTR);
        if (n == 1 && c == 0)
            _exit(0);
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid && WIFEXITED(status))
            _exit(WEXITSTATUS(status) ? WEXITSTATUS(status) : 1);
        _exit(1);
    }
    close(fds[0]);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    ready_fd = fds[1];
    setsid();
    /* A second fork would drop session leadership; one is enough here,
     * the child never opens a terminal. */
}

void daemon_ready(void)
{
    if (ready_fd < 0)
        return;
    if (chdir("/") < 0) {
        /* "/" always exists */
    }
    umask(027);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        /* Keep stderr until the parent is released so late errors show. */
    }
    char c = 0;
    if (write(ready_fd, &c, 1) < 0) {
        /* the launcher is gone; nothing to tell */
    }
    close(ready_fd);
    ready_fd = -1;
    if (null >= 0) {
        dup2(null, 2);
        if (null > 2)
            close(null);
    }
}

bool pidfile_create(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        error_report("cannot create PID file: Cannot open pid file: %s", strerror(errno));
        return false;
    }
    if (lockf(fd, F_TLOCK, 0) < 0) {
        error_report("cannot create PID file: Cannot lock pid file: %s", strerror(errno));
        close(fd);
        return false;
    }
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%d\n", (int)getpid());
    if (ftruncate(fd, 0) < 0 || write(fd, buf, n) != n) {
        error_report("cannot create PID file: Failed to write pid file: %s", strerror(errno));
        close(fd);
        return false;
    }
    pid_fd = fd;
    /* Absolute: the daemon changes to "/" before it removes the file. */
    pid_path = realpath(path, NULL);
    if (!pid_path)
        pid_path = xstrdup(path);
    return true;
}

void pidfile_remove(void)
{
    if (pid_path) {
        unlink(pid_path);
        close(pid_fd);
        free(pid_path);
        pid_path = NULL;
    }
}
