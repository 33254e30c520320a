/*
 * Processes and pipes: pipe + fork, the child writing and exiting with a
 * status the parent reads through waitpid, dup2 of a pipe onto stdout,
 * a child killed by a signal, and write/read of 1 MiB through a pipe.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
    int fd[2];
    CHECK("pipe", pipe(fd), 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        const char msg[] = "from child";
        write(fd[1], msg, sizeof msg);
        _exit(7);
    }
    CHECK_TRUE("fork", pid > 0);
    close(fd[1]);
    char buf[32] = { 0 };
    CHECK("read from child", read(fd[0], buf, sizeof buf), 11);
    CHECK_STR("child's message", buf, "from child");
    int status = 0;
    CHECK_TRUE("waitpid returns the child", waitpid(pid, &status, 0) == pid);
    CHECK_TRUE("child exited", WIFEXITED(status));
    CHECK("child status", WEXITSTATUS(status), 7);
    close(fd[0]);

    /* The child's stdout redirected into a pipe. */
    pipe(fd);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        printf("redirected %d\n", 42);
        fflush(stdout);
        _exit(0);
    }
    close(fd[1]);
    memset(buf, 0, sizeof buf);
    int n = 0, k;
    while ((k = (int)read(fd[0], buf + n, sizeof buf - 1 - (size_t)n)) > 0)
        n += k;
    CHECK_STR("dup2 onto stdout", buf, "redirected 42\n");
    waitpid(pid, &status, 0);
    CHECK("second child status", status, 0);
    close(fd[0]);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        raise(SIGTERM);
        _exit(1);
    }
    waitpid(pid, &status, 0);
    CHECK_TRUE("child killed by signal", WIFSIGNALED(status));
    CHECK("by SIGTERM", WTERMSIG(status), SIGTERM);

    /* 1 MiB through a pipe between two processes. */
    pipe(fd);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(fd[0]);
        static uint8_t blk[4096];
        for (int i = 0; i < 256; i++) {
            memset(blk, i, sizeof blk);
            if (write(fd[1], blk, sizeof blk) != sizeof blk)
                _exit(2);
        }
        _exit(0);
    }
    close(fd[1]);
    uint64_t sum = 0, total = 0;
    uint8_t rb[1000];
    while ((k = (int)read(fd[0], rb, sizeof rb)) > 0) {
        for (int i = 0; i < k; i++)
            sum += rb[i];
        total += (uint64_t)k;
    }
    waitpid(pid, &status, 0);
    CHECK("1 MiB total", total, 1 << 20);
    CHECK("1 MiB byte sum", sum, 4096ull * (255 * 256 / 2));
    CHECK("writer status", status, 0);
    return check_done("fork_pipe");
}
