/*
 * Event descriptors (no signals: also built for MIPS): epoll with several
 * ready events at once (the 16-byte struct epoll_event of ARM and MIPS),
 * its data words, EPOLLET, MOD and DEL, epoll_pwait, a TCP loopback
 * server driven by epoll; eventfd counts and EFD_SEMAPHORE; timerfd
 * expirations and itimerspec round trips; inotify on a temporary
 * directory.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static void test_epoll_pipes(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC);
    CHECK_TRUE("epoll_create1", ep >= 0);
    CHECK("  FD_CLOEXEC", fcntl(ep, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    int p1[2], p2[2], p3[2];
    pipe(p1);
    pipe(p2);
    pipe(p3);
    struct epoll_event ev = { .events = EPOLLIN,
                              .data.u64 = 0x1122334455667788ull };
    CHECK("epoll_ctl ADD 1", epoll_ctl(ep, EPOLL_CTL_ADD, p1[0], &ev), 0);
    ev.data.u64 = 0xa0a1a2a3a4a5a6a7ull;
    CHECK("epoll_ctl ADD 2", epoll_ctl(ep, EPOLL_CTL_ADD, p2[0], &ev), 0);
    ev.events = EPOLLIN | EPOLLET;
    ev.data.fd = p3[0];
    CHECK("epoll_ctl ADD 3 (edge)", epoll_ctl(ep, EPOLL_CTL_ADD, p3[0], &ev), 0);
    errno = 0;
    CHECK("ADD twice", epoll_ctl(ep, EPOLL_CTL_ADD, p1[0], &ev), -1);
    CHECK("  errno EEXIST", errno, EEXIST);

    struct epoll_event out[4];
    memset(out, 0, sizeof(out));
    CHECK("nothing ready", epoll_wait(ep, out, 4, 0), 0);
    write(p1[1], "a", 1);
    write(p2[1], "b", 1);
    int n = epoll_wait(ep, out, 4, 1000);
    CHECK("two ready", n, 2);
    uint64_t d0 = out[0].data.u64, d1 = out[1].data.u64;
    CHECK_TRUE("  both data words", (d0 == 0x1122334455667788ull &&
                                     d1 == 0xa0a1a2a3a4a5a6a7ull) ||
                                    (d1 == 0x1122334455667788ull &&
                                     d0 == 0xa0a1a2a3a4a5a6a7ull));
    CHECK("  events 0", out[0].events, EPOLLIN);
    CHECK("  events 1", out[1].events, EPOLLIN);
    CHECK("maxevents 1", epoll_wait(ep, out, 1, 0), 1);
    errno = 0;
    CHECK("maxevents 0", epoll_wait(ep, out, 0, 0), -1);
    CHECK("  errno EINVAL", errno, EINVAL);

    /* Edge triggered: reported once per write. */
    char c;
    read(p1[0], &c, 1);
    read(p2[0], &c, 1);
    write(p3[1], "cc", 2);
    CHECK("edge: first wait", epoll_wait(ep, out, 4, 1000), 1);
    CHECK_TRUE("  data.fd", out[0].data.fd == p3[0]);
    CHECK("edge: not again", epoll_wait(ep, out, 4, 0), 0);
    read(p3[0], &c, 1);

    /* MOD to EPOLLOUT-less EPOLLIN with new data, DEL. */
    ev.events = EPOLLIN;
    ev.data.u64 = 42;
    CHECK("epoll_ctl MOD", epoll_ctl(ep, EPOLL_CTL_MOD, p3[0], &ev), 0);
    sigset_t none;
    sigemptyset(&none);
    CHECK("epoll_pwait level", epoll_pwait(ep, out, 4, 1000, &none), 1);
    CHECK("  new data", out[0].data.u64, 42);
    CHECK("epoll_ctl DEL", epoll_ctl(ep, EPOLL_CTL_DEL, p3[0], NULL), 0);
    CHECK("nothing after DEL", epoll_wait(ep, out, 4, 0), 0);

    /* A timeout actually waits. */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK("timeout", epoll_wait(ep, out, 4, 60), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    CHECK_TRUE("  waited", ms >= 50 && ms < 5000);
    close(ep);
    for (int i = 0; i < 2; i++) {
        close(p1[i]);
        close(p2[i]);
        close(p3[i]);
    }
}

static void test_epoll_tcp(void)
{
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sa);
    bind(ls, (void *)&sa, sizeof(sa));
    listen(ls, 8);
    getsockname(ls, (void *)&sa, &len);
    int ep = epoll_create(4);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 1 };
    epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);

    enum { CLIENTS = 3 };
    int cs[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        cs[i] = socket(AF_INET, SOCK_STREAM, 0);
        connect(cs[i], (void *)&sa, sizeof(sa));
        char msg[8];
        snprintf(msg, sizeof(msg), "c%d", i);
        send(cs[i], msg, strlen(msg), 0);
    }
    /* Serve: accept each client, read its message, answer it. */
    int accepted = 0, served = 0, sum = 0;
    struct epoll_event out[8];
    for (int round = 0; round < 50 && served < CLIENTS; round++) {
        int n = epoll_wait(ep, out, 8, 1000);
        for (int i = 0; i < n; i++) {
            if (out[i].data.u64 == 1) {
                int a;
                while ((a = accept4(ls, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    struct epoll_event e = { .events = EPOLLIN | EPOLLRDHUP,
                                             .data.u64 = 0x100000000ull | a };
                    epoll_ctl(ep, EPOLL_CTL_ADD, a, &e);
                    accepted++;
                }
            } else {
                int fd = (int)(out[i].data.u64 & 0xffffffff);
                char buf[8] = { 0 };
                if (out[i].data.u64 >> 32 == 1 && read(fd, buf, 7) == 2 &&
                    buf[0] == 'c') {
                    sum += buf[1] - '0' + 1;
                    write(fd, "ok", 2);
                    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
                    close(fd);
                    served++;
                }
            }
        }
    }
    CHECK("accepted all", accepted, CLIENTS);
    CHECK("served all", served, CLIENTS);
    CHECK("  each once", sum, 1 + 2 + 3);
    int answers = 0;
    for (int i = 0; i < CLIENTS; i++) {
        char buf[4] = { 0 };
        answers += recv(cs[i], buf, 3, 0) == 2 && strcmp(buf, "ok") == 0;
        close(cs[i]);
    }
    CHECK("clients got answers", answers, CLIENTS);
    close(ep);
    close(ls);
}

static void test_eventfd(void)
{
    uint64_t v = 0;
    int e = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
    CHECK_TRUE("eventfd", e >= 0);
    CHECK("  O_NONBLOCK", fcntl(e, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
    CHECK("  FD_CLOEXEC", fcntl(e, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    v = 0x100000005ull;
    CHECK("write a 64-bit count", write(e, &v, 8), 8);
    v = 0;
    CHECK("read", read(e, &v, 8), 8);
    CHECK("  the sum", v, 0x100000008ull);
    errno = 0;
    CHECK("read when zero", read(e, &v, 8), -1);
    CHECK("  errno EAGAIN", errno, EAGAIN);
    errno = 0;
    CHECK("short read", read(e, &v, 4), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    close(e);

    e = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    read(e, &v, 8);
    CHECK("semaphore read 1", v, 1);
    v = 0;
    read(e, &v, 8);
    CHECK("semaphore read 2", v, 1);
    CHECK("semaphore empty", read(e, &v, 8), -1);
    /* eventfd in epoll, with eventfd_write/eventfd_read. */
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = 7 };
    epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev);
    CHECK("eventfd_write", eventfd_write(e, 9), 0);
    struct epoll_event out;
    CHECK("epoll sees it", epoll_wait(ep, &out, 1, 1000), 1);
    CHECK("  data.u32", out.data.u32, 7);
    close(ep);
    close(e);
}

static void test_timerfd(void)
{
    int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    CHECK_TRUE("timerfd_create", t >= 0);
    CHECK("  FD_CLOEXEC", fcntl(t, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    struct itimerspec it = { .it_interval = { 0, 20000000 },
                             .it_value = { 0, 30000000 } }, old;
    CHECK("timerfd_settime", timerfd_settime(t, 0, &it, NULL), 0);
    struct itimerspec cur;
    CHECK("timerfd_gettime", timerfd_gettime(t, &cur), 0);
    CHECK("  interval sec", cur.it_interval.tv_sec, 0);
    CHECK("  interval nsec", cur.it_interval.tv_nsec, 20000000);
    CHECK_TRUE("  value left", cur.it_value.tv_sec == 0 &&
               cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 30000000);
    uint64_t n = 0;
    CHECK("blocking read", read(t, &n, 8), 8);
    CHECK_TRUE("  at least one expiration", n >= 1 && n < 100);
    struct timespec d = { 0, 70000000 };
    nanosleep(&d, NULL);
    n = 0;
    read(t, &n, 8);
    CHECK_TRUE("  more after 70 ms", n >= 2 && n < 100);
    /* Disarm, getting the old setting back. */
    struct itimerspec zero = { { 0, 0 }, { 0, 0 } };
    CHECK("disarm", timerfd_settime(t, 0, &zero, &old), 0);
    CHECK("  old interval", old.it_interval.tv_nsec, 20000000);
    timerfd_gettime(t, &cur);
    CHECK("  disarmed", cur.it_value.tv_sec | cur.it_value.tv_nsec, 0);
    /* An absolute time in the past fires at once. */
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    it.it_interval.tv_nsec = 0;
    it.it_value = now;
    it.it_value.tv_sec -= 1;
    CHECK("TFD_TIMER_ABSTIME", timerfd_settime(t, TFD_TIMER_ABSTIME, &it, NULL),
          0);
    n = 0;
    CHECK("  fires", read(t, &n, 8), 8);
    CHECK("  once", n, 1);
    errno = 0;
    CHECK("bad nsec", timerfd_settime(t, 0, &(struct itimerspec){
                          { 0, 0 }, { 0, 1000000000 } }, NULL), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    close(t);
}

static void test_inotify(void)
{
    char dir[] = "/tmp/kemu-inotify-XXXXXX";
    CHECK_TRUE("mkdtemp", mkdtemp(dir) != NULL);
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    CHECK_TRUE("inotify_init1", in >= 0);
    CHECK("  O_NONBLOCK", fcntl(in, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
    int wd = inotify_add_watch(in, dir, IN_CREATE | IN_DELETE | IN_MODIFY);
    CHECK_TRUE("inotify_add_watch", wd > 0);
    char buf[1024] __attribute__((aligned(8)));
    errno = 0;
    CHECK("nothing yet", read(in, buf, sizeof(buf)), -1);
    CHECK("  errno EAGAIN", errno, EAGAIN);

    char path[64];
    snprintf(path, sizeof(path), "%s/file-one", dir);
    int fd = open(path, O_CREAT | O_WRONLY, 0600);
    write(fd, "x", 1);
    close(fd);
    unlink(path);
    ssize_t r = read(in, buf, sizeof(buf));
    CHECK_TRUE("events read", r > 0);
    uint32_t masks[8];
    int n = 0, names_ok = 1, wds_ok = 1;
    for (ssize_t off = 0; off < r && n < 8;) {
        struct inotify_event *e = (void *)(buf + off);
        masks[n++] = e->mask;
        wds_ok &= e->wd == wd;
        names_ok &= e->len > 0 && strcmp(e->name, "file-one") == 0;
        off += sizeof(*e) + e->len;
    }
    CHECK("three events", n, 3);
    CHECK("  IN_CREATE", masks[0], IN_CREATE);
    CHECK("  IN_MODIFY", masks[1], IN_MODIFY);
    CHECK("  IN_DELETE", masks[2], IN_DELETE);
    CHECK_TRUE("  watch descriptors", wds_ok);
    CHECK_TRUE("  names", names_ok);
    CHECK("inotify_rm_watch", inotify_rm_watch(in, wd), 0);
    r = read(in, buf, sizeof(buf));
    struct inotify_event *e = (void *)buf;
    CHECK_TRUE("IN_IGNORED after rm_watch", r >= (ssize_t)sizeof(*e) &&
               e->mask == IN_IGNORED && e->wd == wd && e->len == 0);
    errno = 0;
    CHECK("rm_watch again", inotify_rm_watch(in, wd), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    close(in);
    rmdir(dir);
}

int main(void)
{
    test_epoll_pipes();
    test_epoll_tcp();
    test_eventfd();
    test_timerfd();
    test_inotify();
    return check_done("event_io");
}
