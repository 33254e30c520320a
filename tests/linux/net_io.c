/*
 * Sockets as a Linux program sees them (no signals: also built for MIPS,
 * whose SOL_SOCKET, SO_* and SOCK_* numbers differ):
 * SCM_RIGHTS passing a pipe's write end (and truncation to the room
 * given), SCM_CREDENTIALS with SO_PASSCRED from a child and explicit,
 * socket options with struct values (SO_RCVTIMEO, SO_LINGER, SO_PEERCRED,
 * SO_TYPE, SO_ERROR) and int ones at the IP, IPV6 and TCP levels, a TCP
 * loopback server with accept4 flags and getsockname/getpeername, UDP
 * over IPv4 and IPv6 with IP_PKTINFO/IPV6_PKTINFO control messages,
 * SO_TIMESTAMP(NS) control messages, a socket filter, AF_UNIX names,
 * sendmmsg/recvmmsg.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/filter.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* Send len bytes of buf on s with one control message. */
static ssize_t send_cmsg(int s, const void *buf, size_t len, int level,
                         int type, const void *data, size_t dlen)
{
    union { char b[CMSG_SPACE(64)]; struct cmsghdr align; } u;
    struct iovec iov = { (void *)buf, len };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    memset(&u, 0, sizeof(u));
    m.msg_control = u.b;
    m.msg_controllen = CMSG_SPACE(dlen);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = level;
    c->cmsg_type = type;
    c->cmsg_len = CMSG_LEN(dlen);
    memcpy(CMSG_DATA(c), data, dlen);
    return sendmsg(s, &m, 0);
}

static void test_scm_rights(void)
{
    int sv[2], p[2];
    CHECK("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    CHECK("pipe", pipe(p), 0);
    CHECK("sendmsg with SCM_RIGHTS",
          send_cmsg(sv[0], "fd!", 3, SOL_SOCKET, SCM_RIGHTS, &p[1], 4), 3);

    union { char b[CMSG_SPACE(16)]; struct cmsghdr align; } u;
    char buf[8] = { 0 };
    struct iovec iov = { buf, sizeof(buf) };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.b, .msg_controllen = sizeof(u.b) };
    CHECK("recvmsg", recvmsg(sv[1], &m, 0), 3);
    CHECK_STR("  data", buf, "fd!");
    CHECK("  msg_controllen", m.msg_controllen, CMSG_SPACE(sizeof(int)));
    CHECK("  msg_flags", m.msg_flags, 0);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    CHECK_TRUE("  one cmsg", c != NULL);
    CHECK("  cmsg_level SOL_SOCKET", c->cmsg_level, SOL_SOCKET);
    CHECK("  cmsg_type SCM_RIGHTS", c->cmsg_type, SCM_RIGHTS);
    CHECK("  cmsg_len", c->cmsg_len, CMSG_LEN(sizeof(int)));
    CHECK_TRUE("  no second cmsg", CMSG_NXTHDR(&m, c) == NULL);
    int fd;
    memcpy(&fd, CMSG_DATA(c), 4);
    CHECK_TRUE("  a new descriptor", fd != p[1] && fd > 2);
    CHECK("write through passed fd", write(fd, "pipe", 4), 4);
    close(fd);
    close(p[1]);
    memset(buf, 0, sizeof(buf));
    CHECK("read from the pipe", read(p[0], buf, sizeof(buf)), 4);
    CHECK_STR("  pipe data", buf, "pipe");
    CHECK("pipe closed everywhere", read(p[0], buf, 1), 0);
    close(p[0]);

    /* Three descriptors, room for fewer: MSG_CTRUNC, the rest closed. */
    int three[3] = { 0, 1, 2 };
    CHECK("send three fds",
          send_cmsg(sv[0], "x", 1, SOL_SOCKET, SCM_RIGHTS, three, 12), 1);
    union { char b[CMSG_SPACE(4)]; struct cmsghdr align; } small;
    m.msg_control = small.b;
    m.msg_controllen = sizeof(small.b);
    CHECK("recvmsg into a small buffer", recvmsg(sv[1], &m, 0), 1);
    CHECK("  MSG_CTRUNC", m.msg_flags & MSG_CTRUNC, MSG_CTRUNC);
    c = CMSG_FIRSTHDR(&m);
    CHECK_TRUE("  a cmsg", c != NULL);
    /* As many as fit after the header: one on 32-bit, two on 64-bit
     * (the 8-byte alignment leaves room). */
    size_t nfit = (sizeof(small.b) - CMSG_LEN(0)) / sizeof(int);
    CHECK("  holds the fds that fit", c ? c->cmsg_len : 0,
          CMSG_LEN(nfit * sizeof(int)));
    if (c) {
        memcpy(&fd, CMSG_DATA(c), 4);
        CHECK("  received fd is valid", fcntl(fd, F_GETFD) >= 0, 1);
        close(fd);
    }
    close(sv[0]);
    close(sv[1]);
}

static void test_scm_credentials(void)
{
    int sv[2], on = 1;
    CHECK("dgram socketpair", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    CHECK("SO_PASSCRED", setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on,
                                    sizeof(on)), 0);
    int v = 0;
    socklen_t vl = sizeof(v);
    CHECK("getsockopt SO_PASSCRED", getsockopt(sv[1], SOL_SOCKET, SO_PASSCRED,
                                               &v, &vl), 0);
    CHECK("  value", v, 1);
    pid_t child = fork();
    if (child == 0) {
        /* No control message: the kernel adds the sender's creds. */
        _exit(send(sv[0], "kid", 3, 0) == 3 ? 0 : 1);
    }
    int st;
    waitpid(child, &st, 0);

    union { char b[CMSG_SPACE(sizeof(struct ucred))]; struct cmsghdr a; } u;
    char buf[8] = { 0 };
    struct iovec iov = { buf, sizeof(buf) };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.b, .msg_controllen = sizeof(u.b) };
    CHECK("recvmsg from child", recvmsg(sv[1], &m, 0), 3);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    CHECK_TRUE("  SCM_CREDENTIALS came",
               c && c->cmsg_level == SOL_SOCKET &&
               c->cmsg_type == SCM_CREDENTIALS &&
               c->cmsg_len == CMSG_LEN(sizeof(struct ucred)));
    struct ucred cr = { 0 };
    if (c)
        memcpy(&cr, CMSG_DATA(c), sizeof(cr));
    CHECK_TRUE("  pid is the child's", cr.pid == child);
    CHECK_TRUE("  uid", cr.uid == getuid());
    CHECK_TRUE("  gid", cr.gid == getgid());

    /* Explicit credentials of our own. */
    struct ucred mine = { getpid(), getuid(), getgid() };
    CHECK("send SCM_CREDENTIALS",
          send_cmsg(sv[0], "me", 2, SOL_SOCKET, SCM_CREDENTIALS, &mine,
                    sizeof(mine)), 2);
    m.msg_controllen = sizeof(u.b);
    CHECK("recvmsg", recvmsg(sv[1], &m, 0), 2);
    c = CMSG_FIRSTHDR(&m);
    memset(&cr, 0, sizeof(cr));
    if (c)
        memcpy(&cr, CMSG_DATA(c), sizeof(cr));
    CHECK_TRUE("  pid is ours", c && cr.pid == getpid());

    /* SO_PEERCRED of a socketpair end: ourselves. */
    struct ucred pc = { 0 };
    socklen_t pl = sizeof(pc);
    CHECK("SO_PEERCRED", getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &pc, &pl),
          0);
    CHECK("  length", pl, sizeof(pc));
    CHECK_TRUE("  pid/uid/gid", pc.pid == getpid() && pc.uid == getuid() &&
               pc.gid == getgid());
    int type = -1;
    vl = sizeof(type);
    CHECK("SO_TYPE", getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &vl), 0);
    CHECK("  is SOCK_DGRAM", type, SOCK_DGRAM);
    close(sv[0]);
    close(sv[1]);
}

static void test_options(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_TRUE("TCP socket", s >= 0);
    struct timeval tv = { 0, 150000 }, got = { 9, 9 };
    socklen_t len = sizeof(got);
    CHECK("SO_RCVTIMEO set", setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv,
                                        sizeof(tv)), 0);
    CHECK("SO_RCVTIMEO get", getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &got,
                                        &len), 0);
    CHECK("  length", len, sizeof(got));
    CHECK("  tv_sec", got.tv_sec, 0);
    /* The kernel keeps jiffies: allow its rounding. */
    CHECK_TRUE("  tv_usec", got.tv_usec >= 140000 && got.tv_usec <= 160000);
    struct linger lg = { 1, 7 }, lg2 = { 0, 0 };
    len = sizeof(lg2);
    CHECK("SO_LINGER set", setsockopt(s, SOL_SOCKET, SO_LINGER, &lg,
                                      sizeof(lg)), 0);
    CHECK("SO_LINGER get", getsockopt(s, SOL_SOCKET, SO_LINGER, &lg2, &len), 0);
    CHECK("  l_onoff", lg2.l_onoff, 1);
    CHECK("  l_linger", lg2.l_linger, 7);
    int one = 1, v = 0;
    len = sizeof(v);
    CHECK("SO_REUSEADDR", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 4), 0);
    CHECK("  get", getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &len), 0);
    CHECK("  value", v, 1);
    CHECK("SO_KEEPALIVE", setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, 4), 0);
    len = sizeof(v);
    getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &len);
    CHECK("  value", v, 1);
    int sz = 32768;
    CHECK("SO_SNDBUF", setsockopt(s, SOL_SOCKET, SO_SNDBUF, &sz, 4), 0);
    len = sizeof(v);
    getsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, &len);
    CHECK("  doubled by the kernel", v, 65536);
    len = sizeof(v);
    CHECK("SO_ERROR", getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len), 0);
    CHECK("  value", v, 0);
    len = sizeof(v);
    CHECK("SO_TYPE", getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len), 0);
    CHECK("  is SOCK_STREAM", v, SOCK_STREAM);
    len = sizeof(v);
    CHECK("SO_ACCEPTCONN", getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &len),
          0);
    CHECK("  not listening", v, 0);
    int ttl = 33;
    CHECK("IP_TTL", setsockopt(s, IPPROTO_IP, IP_TTL, &ttl, 4), 0);
    len = sizeof(v);
    getsockopt(s, IPPROTO_IP, IP_TTL, &v, &len);
    CHECK("  value", v, 33);
    CHECK("TCP_NODELAY", setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, 4), 0);
    len = sizeof(v);
    getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &len);
    CHECK("  value", v, 1);
    int cnt = 5;
    CHECK("TCP_KEEPCNT", setsockopt(s, IPPROTO_TCP, TCP_KEEPCNT, &cnt, 4), 0);
    len = sizeof(v);
    getsockopt(s, IPPROTO_TCP, TCP_KEEPCNT, &v, &len);
    CHECK("  value", v, 5);
    errno = 0;
    CHECK("unknown SOL_SOCKET option", setsockopt(s, SOL_SOCKET, 0x7777, &one,
                                                  4), -1);
    CHECK("  errno ENOPROTOOPT", errno, ENOPROTOOPT);
    close(s);

    int s6 = socket(AF_INET6, SOCK_DGRAM, 0);
    CHECK_TRUE("UDP6 socket", s6 >= 0);
    CHECK("IPV6_V6ONLY", setsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &one, 4), 0);
    len = sizeof(v);
    getsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &v, &len);
    CHECK("  value", v, 1);
    int hops = 9;
    CHECK("IPV6_UNICAST_HOPS", setsockopt(s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS,
                                          &hops, 4), 0);
    len = sizeof(v);
    getsockopt(s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, &len);
    CHECK("  value", v, 9);
    close(s6);

    /* The receive timeout works: EAGAIN after about 150 ms. */
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char c;
    errno = 0;
    CHECK("recv times out", recv(sv[1], &c, 1, 0), -1);
    CHECK("  errno EAGAIN", errno, EAGAIN);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    CHECK_TRUE("  after the timeout", ms >= 100 && ms < 5000);
    close(sv[0]);
    close(sv[1]);
}

static void test_tcp(void)
{
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK("listener has FD_CLOEXEC", fcntl(ls, F_GETFD) & FD_CLOEXEC,
          FD_CLOEXEC);
    struct sockaddr_in sa = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    CHECK("bind 127.0.0.1:0", bind(ls, (void *)&sa, sizeof(sa)), 0);
    CHECK("listen", listen(ls, 4), 0);
    struct sockaddr_in la = { 0 };
    socklen_t len = sizeof(la);
    CHECK("getsockname", getsockname(ls, (void *)&la, &len), 0);
    CHECK("  length", len, sizeof(la));
    CHECK("  family", la.sin_family, AF_INET);
    CHECK("  address", ntohl(la.sin_addr.s_addr), INADDR_LOOPBACK);
    CHECK_TRUE("  a port", la.sin_port != 0);
    int v = 0;
    len = sizeof(v);
    getsockopt(ls, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
    CHECK("SO_ACCEPTCONN of listener", v, 1);

    int cs = socket(AF_INET, SOCK_STREAM, 0);
    CHECK("connect", connect(cs, (void *)&la, sizeof(la)), 0);
    struct sockaddr_in peer = { 0 }, ca = { 0 };
    len = sizeof(peer);
    int as = accept4(ls, (void *)&peer, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    CHECK_TRUE("accept4", as >= 0);
    CHECK("  peer length", len, sizeof(peer));
    CHECK("  O_NONBLOCK", fcntl(as, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
    CHECK("  FD_CLOEXEC", fcntl(as, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    len = sizeof(ca);
    getsockname(cs, (void *)&ca, &len);
    CHECK_TRUE("  peer is the client", peer.sin_port == ca.sin_port &&
               peer.sin_addr.s_addr == ca.sin_addr.s_addr);
    struct sockaddr_in pn = { 0 };
    len = sizeof(pn);
    CHECK("getpeername", getpeername(cs, (void *)&pn, &len), 0);
    CHECK_TRUE("  is the listener", pn.sin_port == la.sin_port);
    /* A short buffer gets the truncated address and the full length. */
    char small[4] = { 0 };
    len = sizeof(small);
    CHECK("getpeername short", getpeername(cs, (void *)small, &len), 0);
    CHECK("  full length", len, sizeof(struct sockaddr_in));
    sa_family_t fam;
    memcpy(&fam, small, sizeof(fam));
    CHECK("  family in the bytes", fam, AF_INET);

    char buf[16] = { 0 };
    errno = 0;
    CHECK("nonblocking read before data", read(as, buf, sizeof(buf)), -1);
    CHECK("  errno EAGAIN", errno, EAGAIN);
    CHECK("client send", send(cs, "over tcp", 8, 0), 8);
    CHECK("server reads (blocking recv)", recv(as, buf, sizeof(buf),
                                               0), 8);
    CHECK_STR("  data", buf, "over tcp");
    CHECK("shutdown write", shutdown(cs, SHUT_WR), 0);
    fcntl(as, F_SETFL, 0);
    CHECK("EOF after shutdown", recv(as, buf, sizeof(buf), 0), 0);
    errno = 0;
    CHECK("accept4 with bad flags", accept4(ls, NULL, NULL, 0x4000000), -1);
    CHECK("  errno EINVAL", errno, EINVAL);
    close(as);
    close(cs);
    close(ls);
}

static void test_udp(void)
{
    int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    bind(r, (void *)&sa, sizeof(sa));
    socklen_t len = sizeof(sa);
    getsockname(r, (void *)&sa, &len);
    int one = 1;
    CHECK("IP_PKTINFO on", setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, 4), 0);
    CHECK("sendto", sendto(s, "udp4", 4, 0, (void *)&sa, sizeof(sa)), 4);

    struct sockaddr_in from = { 0 };
    union { char b[CMSG_SPACE(sizeof(struct in_pktinfo)) + 64];
            struct cmsghdr a; } u;
    char buf[16] = { 0 };
    struct iovec iov[2] = { { buf, 2 }, { buf + 2, 8 } };
    struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof(from),
                        .msg_iov = iov, .msg_iovlen = 2,
                        .msg_control = u.b, .msg_controllen = sizeof(u.b) };
    CHECK("recvmsg with two iovecs", recvmsg(r, &m, 0), 4);
    CHECK_STR("  data across both", buf, "udp4");
    CHECK("  msg_namelen", m.msg_namelen, sizeof(from));
    CHECK("  from family", from.sin_family, AF_INET);
    CHECK("  from address", ntohl(from.sin_addr.s_addr), INADDR_LOOPBACK);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    CHECK_TRUE("  IP_PKTINFO cmsg", c && c->cmsg_level == IPPROTO_IP &&
               c->cmsg_type == IP_PKTINFO &&
               c->cmsg_len == CMSG_LEN(sizeof(struct in_pktinfo)));
    struct in_pktinfo pi = { 0 };
    if (c)
        memcpy(&pi, CMSG_DATA(c), sizeof(pi));
    CHECK_TRUE("  ipi_ifindex is lo's", pi.ipi_ifindex > 0 &&
               pi.ipi_ifindex < 1000);
    CHECK("  ipi_addr", ntohl(pi.ipi_addr.s_addr), INADDR_LOOPBACK);
    close(r);
    close(s);

    /* IPv6: scope id and IPV6_PKTINFO's ifindex are host-order ints. */
    r = socket(AF_INET6, SOCK_DGRAM, 0);
    s = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 s6 = { .sin6_family = AF_INET6,
                               .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    CHECK("bind ::1", bind(r, (void *)&s6, sizeof(s6)), 0);
    len = sizeof(s6);
    getsockname(r, (void *)&s6, &len);
    CHECK("  name length", len, sizeof(s6));
    CHECK("  family", s6.sin6_family, AF_INET6);
    CHECK("  scope id", s6.sin6_scope_id, 0);
    CHECK("IPV6_RECVPKTINFO", setsockopt(r, IPPROTO_IPV6, IPV6_RECVPKTINFO,
                                         &one, 4), 0);
    CHECK("sendto ::1", sendto(s, "udp6", 4, 0, (void *)&s6, sizeof(s6)), 4);
    struct sockaddr_in6 f6 = { 0 };
    struct iovec iv = { buf, sizeof(buf) };
    memset(buf, 0, sizeof(buf));
    struct msghdr m6 = { .msg_name = &f6, .msg_namelen = sizeof(f6),
                         .msg_iov = &iv, .msg_iovlen = 1,
                         .msg_control = u.b, .msg_controllen = sizeof(u.b) };
    CHECK("recvmsg v6", recvmsg(r, &m6, 0), 4);
    CHECK_STR("  data", buf, "udp6");
    CHECK_TRUE("  from ::1", IN6_IS_ADDR_LOOPBACK(&f6.sin6_addr));
    c = CMSG_FIRSTHDR(&m6);
    CHECK_TRUE("  IPV6_PKTINFO cmsg", c && c->cmsg_level == IPPROTO_IPV6 &&
               c->cmsg_type == IPV6_PKTINFO);
    struct in6_pktinfo p6 = { 0 };
    if (c)
        memcpy(&p6, CMSG_DATA(c), sizeof(p6));
    CHECK_TRUE("  ipi6_ifindex is lo's", p6.ipi6_ifindex == pi.ipi_ifindex);
    close(r);
    close(s);
}

/* SO_TIMESTAMP/SO_TIMESTAMPNS control messages (timevals/timespecs of
 * the guest's longs, or 64-bit fields with 64-bit time_t) and a socket
 * filter (struct sock_fprog with a pointer to the program). */
static void test_timestamps_filter(void)
{
    int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sa);
    bind(r, (void *)&sa, sizeof(sa));
    getsockname(r, (void *)&sa, &len);
    int one = 1;
    CHECK("SO_TIMESTAMP", setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &one, 4), 0);
    struct timeval before, stamp = { 0 };
    gettimeofday(&before, NULL);
    sendto(s, "t", 1, 0, (void *)&sa, sizeof(sa));
    union { char b[256]; struct cmsghdr a; } u;
    char buf[4];
    struct iovec iov = { buf, sizeof(buf) };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.b, .msg_controllen = sizeof(u.b) };
    CHECK("recvmsg", recvmsg(r, &m, 0), 1);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    CHECK_TRUE("  SCM_TIMESTAMP", c && c->cmsg_level == SOL_SOCKET &&
               c->cmsg_type == SCM_TIMESTAMP &&
               c->cmsg_len == CMSG_LEN(sizeof(struct timeval)));
    if (c)
        memcpy(&stamp, CMSG_DATA(c), sizeof(stamp));
    long long d = (stamp.tv_sec - before.tv_sec) * 1000000LL +
                  (stamp.tv_usec - before.tv_usec);
    CHECK_TRUE("  stamp after the send started", d >= -1000 && d < 10000000);
    CHECK_TRUE("  usec in range", stamp.tv_usec >= 0 && stamp.tv_usec < 1000000);

    int r2 = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sb = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    len = sizeof(sb);
    bind(r2, (void *)&sb, sizeof(sb));
    getsockname(r2, (void *)&sb, &len);
    CHECK("SO_TIMESTAMPNS", setsockopt(r2, SOL_SOCKET, SO_TIMESTAMPNS, &one,
                                       4), 0);
    struct timespec tb, ts = { 0 };
    clock_gettime(CLOCK_REALTIME, &tb);
    sendto(s, "n", 1, 0, (void *)&sb, sizeof(sb));
    m.msg_controllen = sizeof(u.b);
    CHECK("recvmsg", recvmsg(r2, &m, 0), 1);
    c = CMSG_FIRSTHDR(&m);
    CHECK_TRUE("  SCM_TIMESTAMPNS", c && c->cmsg_level == SOL_SOCKET &&
               c->cmsg_type == SCM_TIMESTAMPNS &&
               c->cmsg_len == CMSG_LEN(sizeof(struct timespec)));
    if (c)
        memcpy(&ts, CMSG_DATA(c), sizeof(ts));
    d = (ts.tv_sec - tb.tv_sec) * 1000000000LL + (ts.tv_nsec - tb.tv_nsec);
    CHECK_TRUE("  stamp after the send started", d >= -1000000 &&
               d < 10000000000LL);
    CHECK_TRUE("  nsec in range", ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);

    /* A filter that keeps only datagrams whose first byte is 'k' (a UDP
     * socket's filter sees the 8-byte UDP header first):
     * ldb [8]; jeq #'k', keep, drop; keep: ret #0xffff; drop: ret #0 */
    struct sock_filter code[] = {
        { BPF_LD | BPF_B | BPF_ABS, 0, 0, 8 },
        { BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 'k' },
        { BPF_RET | BPF_K, 0, 0, 0xffff },
        { BPF_RET | BPF_K, 0, 0, 0 },
    };
    struct sock_fprog prog = { 4, code };
    CHECK("SO_ATTACH_FILTER", setsockopt(r, SOL_SOCKET, SO_ATTACH_FILTER,
                                         &prog, sizeof(prog)), 0);
    sendto(s, "drop", 4, 0, (void *)&sa, sizeof(sa));
    sendto(s, "keep", 4, 0, (void *)&sa, sizeof(sa));
    char got[8] = { 0 };
    CHECK("filtered recv", recv(r, got, sizeof(got) - 1, 0), 4);
    CHECK_STR("  only the kept datagram", got, "keep");
    errno = 0;
    CHECK("nothing else", recv(r, got, sizeof(got), MSG_DONTWAIT), -1);
    CHECK("  errno EAGAIN", errno, EAGAIN);
    CHECK("SO_DETACH_FILTER", setsockopt(r, SOL_SOCKET, SO_DETACH_FILTER,
                                         &one, 4), 0);
    sendto(s, "drop", 4, 0, (void *)&sa, sizeof(sa));
    memset(got, 0, sizeof(got));
    CHECK("unfiltered again", recv(r, got, sizeof(got) - 1, 0), 4);
    close(r);
    close(r2);
    close(s);
}

static void test_unix_names_mmsg(void)
{
    char path[64];
    snprintf(path, sizeof(path), "/tmp/kemu-net-%d", (int)getpid());
    unlink(path);
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    strcpy(un.sun_path, path);
    socklen_t ulen = offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
    CHECK("bind AF_UNIX path", bind(s, (void *)&un, ulen), 0);
    struct sockaddr_un got = { 0 };
    socklen_t len = sizeof(got);
    CHECK("getsockname AF_UNIX", getsockname(s, (void *)&got, &len), 0);
    CHECK("  length", len, ulen);
    CHECK("  family", got.sun_family, AF_UNIX);
    CHECK_TRUE("  path", strcmp(got.sun_path, path) == 0);

    /* sendmmsg to it from an unbound socket, recvmmsg all at once. */
    int c = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK("connect", connect(c, (void *)&un, ulen), 0);
    const char *words[3] = { "one", "three", "seventeen" };
    struct mmsghdr out[3];
    struct iovec oiov[3];
    memset(out, 0, sizeof(out));
    for (int i = 0; i < 3; i++) {
        oiov[i].iov_base = (void *)words[i];
        oiov[i].iov_len = strlen(words[i]);
        out[i].msg_hdr.msg_iov = &oiov[i];
        out[i].msg_hdr.msg_iovlen = 1;
    }
    CHECK("sendmmsg", sendmmsg(c, out, 3, 0), 3);
    CHECK("  msg_len 0", out[0].msg_len, 3);
    CHECK("  msg_len 2", out[2].msg_len, 9);
    struct mmsghdr in[4];
    struct iovec iiov[4];
    char bufs[4][16];
    memset(in, 0, sizeof(in));
    memset(bufs, 0, sizeof(bufs));
    for (int i = 0; i < 4; i++) {
        iiov[i].iov_base = bufs[i];
        iiov[i].iov_len = sizeof(bufs[i]);
        in[i].msg_hdr.msg_iov = &iiov[i];
        in[i].msg_hdr.msg_iovlen = 1;
    }
    CHECK("recvmmsg MSG_WAITFORONE", recvmmsg(s, in, 4, MSG_WAITFORONE, NULL),
          3);
    CHECK("  msg_len 1", in[1].msg_len, 5);
    CHECK_STR("  first", bufs[0], "one");
    CHECK_STR("  third", bufs[2], "seventeen");
    close(c);
    close(s);
    unlink(path);
}

int main(void)
{
    test_scm_rights();
    test_scm_credentials();
    test_options();
    test_tcp();
    test_udp();
    test_timestamps_filter();
    test_unix_names_mmsg();
    return check_done("net_io");
}
