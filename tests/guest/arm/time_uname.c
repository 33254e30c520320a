/*
 * Time and process identity: time, gettimeofday, clock_gettime (REALTIME,
 * MONOTONIC) agreeing and advancing, nanosleep sleeping at least as asked,
 * gmtime/strftime/mktime of fixed instants, getpid/getppid/getuid,
 * uname (machine starts with "arm").
 */
#define _GNU_SOURCE
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int64_t ns(const struct timespec *t) { return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec; }

int main(void)
{
    time_t t = time(NULL);
    CHECK_TRUE("time() after 2020", t > 1577836800);
    struct timeval tv;
    CHECK("gettimeofday", gettimeofday(&tv, NULL), 0);
    CHECK_TRUE("gettimeofday near time()", tv.tv_sec >= t && tv.tv_sec <= t + 5);
    CHECK_TRUE("tv_usec in range", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    struct timespec a, b, rt;
    CHECK("clock_gettime MONOTONIC", clock_gettime(CLOCK_MONOTONIC, &a), 0);
    CHECK("clock_gettime REALTIME", clock_gettime(CLOCK_REALTIME, &rt), 0);
    CHECK_TRUE("REALTIME near time()", rt.tv_sec >= t && rt.tv_sec <= t + 5);
    struct timespec req = { 0, 20 * 1000 * 1000 };
    CHECK("nanosleep 20 ms", nanosleep(&req, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    int64_t d = ns(&b) - ns(&a);
    CHECK_TRUE("monotonic advanced at least 20 ms", d >= 20000000);
    CHECK_TRUE("and less than 5 s", d < 5000000000ll);
    struct timespec res;
    CHECK("clock_getres", clock_getres(CLOCK_MONOTONIC, &res), 0);

    time_t fixed = 1000000000;   /* 2001-09-09 01:46:40 UTC */
    struct tm tm;
    gmtime_r(&fixed, &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %j", &tm);
    CHECK_STR("gmtime/strftime of 10^9", buf, "2001-09-09 01:46:40 Sun 252");
    struct tm leap = { .tm_year = 2024 - 1900, .tm_mon = 1, .tm_mday = 29, .tm_hour = 12 };
    CHECK("timegm 2024-02-29 12:00", (uint64_t)timegm(&leap), 1709208000ull);
    CHECK("wday of 2024-02-29", leap.tm_wday, 4);

    pid_t pid = getpid();
    CHECK_TRUE("getpid positive", pid > 0);
    CHECK_TRUE("getpid stable", getpid() == pid);
    CHECK_TRUE("getppid positive", getppid() > 0);
    CHECK_TRUE("gettid == getpid in a single-threaded process", gettid() == pid);
    struct utsname u;
    CHECK("uname", uname(&u), 0);
    CHECK_TRUE("machine starts with arm", strncmp(u.machine, "arm", 3) == 0);
    CHECK_STR("sysname", u.sysname, "Linux");
    CHECK_TRUE("release looks like N.N", u.release[0] >= '2' && u.release[0] <= '9' &&
               strchr(u.release, '.'));
    return check_done("time_uname");
}
