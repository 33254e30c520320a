/*
 * Resource limits in the guest's numbering: RLIMIT_NOFILE set low is
 * what open() runs into (so the number reached the right host resource),
 * limits read back, and RLIM_INFINITY reads back as the guest's value.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    struct rlimit rl, now;

    CHECK("getrlimit NOFILE", getrlimit(RLIMIT_NOFILE, &rl), 0);
    rl.rlim_cur = 40;
    CHECK("setrlimit NOFILE", setrlimit(RLIMIT_NOFILE, &rl), 0);
    CHECK("getrlimit NOFILE again", getrlimit(RLIMIT_NOFILE, &now), 0);
    CHECK("NOFILE soft limit", now.rlim_cur, 40);
    int last = -1, fd;
    while ((fd = open("/dev/null", O_RDONLY)) >= 0)
        last = fd;
    CHECK("open fails with EMFILE", errno, EMFILE);
    CHECK("last descriptor below the limit", last, 39);
    for (fd = 3; fd <= last; fd++)
        close(fd);

    /* the core limit: 0 reads back 0 */
    CHECK("getrlimit CORE", getrlimit(RLIMIT_CORE, &rl), 0);
    rl.rlim_cur = 0;
    CHECK("setrlimit CORE", setrlimit(RLIMIT_CORE, &rl), 0);
    getrlimit(RLIMIT_CORE, &now);
    CHECK("CORE soft limit", now.rlim_cur, 0);

    /* memlock: a value reads back exactly */
    CHECK("getrlimit MEMLOCK", getrlimit(RLIMIT_MEMLOCK, &rl), 0);
    if (rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= 8192)
        rl.rlim_cur = 8192;
    CHECK("setrlimit MEMLOCK", setrlimit(RLIMIT_MEMLOCK, &rl), 0);
    getrlimit(RLIMIT_MEMLOCK, &now);
    CHECK("MEMLOCK soft limit", now.rlim_cur, rl.rlim_cur);

    /* RSS has no limit by default: RLIM_INFINITY in the guest's terms */
    CHECK("getrlimit RSS", getrlimit(RLIMIT_RSS, &rl), 0);
    CHECK_TRUE("RSS unlimited", rl.rlim_cur == RLIM_INFINITY);
    return check_done("resources");
}
