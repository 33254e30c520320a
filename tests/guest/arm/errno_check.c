/*
 * Failing system calls report the ARM Linux errno values: ENOENT, EBADF,
 * EEXIST, ENOTDIR, EISDIR, EINVAL, EFAULT, ENOTEMPTY, ESPIPE, ECHILD,
 * ENAMETOOLONG, and strerror texts for a few.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define FAILS(what, call, err) do {                                       \
        errno = 0;                                                        \
        long r_ = (long)(call);                                           \
        CHECK(what " returns -1", (uint32_t)r_, 0xffffffffu);             \
        CHECK(what " errno", errno, err);                                 \
    } while (0)

int main(void)
{
    CHECK("ENOENT", ENOENT, 2);
    CHECK("EBADF", EBADF, 9);
    CHECK("EFAULT", EFAULT, 14);
    CHECK("ENOSYS", ENOSYS, 38);
    char name[5000];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = 0;
    FAILS("open missing", open("/nonexistent/file", O_RDONLY), ENOENT);
    FAILS("close bad fd", close(-1), EBADF);
    FAILS("read bad fd", read(999, name, 1), EBADF);
    FAILS("mkdir /", mkdir("/", 0755), EEXIST);
    FAILS("open file as dir", open("/proc/self/exe/x", O_RDONLY), ENOTDIR);
    FAILS("open dir for write", open("/", O_WRONLY), EISDIR);
    FAILS("lseek bad whence", lseek(0, 0, 12345), EINVAL);
    FAILS("open long name", open(name, O_RDONLY), ENAMETOOLONG);
    int fd[2];
    pipe(fd);
    FAILS("lseek on a pipe", lseek(fd[0], 0, SEEK_SET), ESPIPE);
    FAILS("write to bad pointer", write(fd[1], (void *)16, 10), EFAULT);
    FAILS("wait without children", wait(NULL), ECHILD);
    FAILS("stat bad pointer", stat((const char *)16, NULL), EFAULT);
    CHECK_STR("strerror(ENOENT)", strerror(ENOENT), "No such file or directory");
    CHECK_STR("strerror(EBADF)", strerror(EBADF), "Bad file descriptor");
    return check_done("errno_check");
}
