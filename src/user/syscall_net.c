/*
 * Sockets.  What differs between the guest and the host:
 *  - SOL_SOCKET, the SO_* option names and SOCK_STREAM/SOCK_DGRAM on MIPS
 *    (user_abi->socket; NULL means the generic values ARM shares);
 *  - SOCK_NONBLOCK/SOCK_CLOEXEC, which are the arch's O_NONBLOCK/O_CLOEXEC;
 *  - the size of long in struct msghdr, iovec, mmsghdr, cmsghdr and in
 *    the timevals of options and control messages; control messages are
 *    aligned to the guest's long (4 bytes on 32-bit guests, 8 on n64);
 *  - the byte order of every integer field of a big-endian guest (socket
 *    address families, ifindex and scope id fields, option values, fds
 *    and credentials in control messages).
 * Address families, IPPROTO_* levels, IP_/IPV6_/TCP_ option names, MSG_*
 * and SCM_* values are the same on every guest kemu has.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/log.h"

/* Generic numbers the host headers may lack. */
enum {
    H_SO_TIMESTAMP_OLD = 29, H_SO_TIMESTAMPNS_OLD = 35,
    H_SO_TIMESTAMPING_OLD = 37, H_SO_TIMESTAMP_NEW = 63,
    H_SO_TIMESTAMPNS_NEW = 64, H_SO_TIMESTAMPING_NEW = 65,
    H_SO_RCVTIMEO_OLD = 20, H_SO_SNDTIMEO_OLD = 21,
    H_SO_RCVTIMEO_NEW = 66, H_SO_SNDTIMEO_NEW = 67,
    H_SO_ATTACH_FILTER = 26, H_SO_ATTACH_REUSEPORT_CBPF = 51,
    H_SO_MAX_PACING_RATE = 47, H_SO_COOKIE = 57, H_SO_NETNS_COOKIE = 71,
    /* Control messages and option buffers kemu converts at once. */
    MAX_CONTROL = 64 * 1024, MAX_OPT = 4096, MAX_MMSG = 1024,
};

/* ---- Socket types, levels and option names ---- */

static int64_t type_to_host(uint64_t gtype)
{
    const struct abi_socket *S = user_abi->socket;
    uint32_t t = gtype & 0xf, fl = (uint32_t)gtype & ~0xfu;
    uint32_t gok = abi_bits_to_guest(user_abi->open_flags,
                                     O_NONBLOCK | O_CLOEXEC);
    if (fl & ~gok)
        return -EINVAL;
    int hfl = abi_bits_to_host(user_abi->open_flags, fl);
    if (S) {
        t = S->type_to_host[t];
        if (!t)
            return -EINVAL;
    }
    return t | (hfl & O_NONBLOCK ? SOCK_NONBLOCK : 0) |
           (hfl & O_CLOEXEC ? SOCK_CLOEXEC : 0);
}

static int type_to_guest(int htype)
{
    const struct abi_socket *S = user_abi->socket;
    if (S)
        for (int g = 0; g < 16; g++)
            if (S->type_to_host[g] == htype)
                return g;
    return htype;
}

/* accept4 flags: SOCK_NONBLOCK | SOCK_CLOEXEC in the guest's values. */
static int64_t accept_flags_to_host(uint64_t gflags)
{
    if (gflags & 0xf)
        return -EINVAL;
    int64_t t = type_to_host(gflags | (user_abi->socket ? 2 : 1));
    return t < 0 ? t : (t & (SOCK_NONBLOCK | SOCK_CLOEXEC));
}

/* The host level of a guest level; -1 when the host has none. */
static int level_to_host(int level)
{
    const struct abi_socket *S = user_abi->socket;
    if (!S)
        return level;
    if ((uint32_t)level == S->sol_socket)
        return SOL_SOCKET;
    /* The guest's 1 is IPPROTO_ICMP, which is SOL_SOCKET on the host. */
    return level == SOL_SOCKET ? -1 : level;
}

static int so_to_host(int name)
{
    const struct abi_socket *S = user_abi->socket;
    if (!S)
        return name;
    for (const struct abi_sockopt_map *m = S->so; m->guest; m++)
        if (m->guest == name)
            return m->host;
    return name >= S->so_same_from ? name : -1;
}

/* ---- Socket addresses ---- */

/*
 * Integer fields of the families kemu knows that are in host byte order
 * (everything else in them is network order or bytes): offset and size.
 */
static int addr_int_fields(int family, socklen_t len, int off[3], int size[3])
{
    int n = 0;
    switch (family) {
    case AF_INET6:          /* sin6_scope_id */
        if (len >= 28)
            off[n] = 24, size[n++] = 4;
        break;
    case AF_NETLINK:        /* nl_pid, nl_groups */
        if (len >= 12) {
            off[n] = 4, size[n++] = 4;
            off[n] = 8, size[n++] = 4;
        }
        break;
    case AF_PACKET:         /* sll_ifindex, sll_hatype */
        if (len >= 10) {
            off[n] = 4, size[n++] = 4;
            off[n] = 8, size[n++] = 2;
        }
        break;
    }
    return n;
}

static int64_t get_addr(uint64_t addr, uint64_t len, struct sockaddr_storage *ss)
{
    if ((int64_t)(int32_t)len < 0 || len > sizeof(*ss))
        return -EINVAL;
    const uint8_t *g = user_ptr(addr, len, false);
    if (!g)
        return -EFAULT;
    memcpy(ss, g, len);
    if (len >= 2) {
        ss->ss_family = (sa_family_t)abi_ld(g, 2);
        int off[3], size[3];
        int n = addr_int_fields(ss->ss_family, len, off, size);
        for (int i = 0; i < n; i++) {
            uint64_t v = abi_ld(g + off[i], size[i]);
            if (size[i] == 4)
                st32_le((uint8_t *)ss + off[i], (uint32_t)v);
            else
                st16_le((uint8_t *)ss + off[i], (uint16_t)v);
        }
    }
    return 0;
}

/* Copy a host address to guest memory at g (at most n of its len bytes). */
static void addr_to_guest(uint8_t *g, const struct sockaddr_storage *ss,
                          socklen_t len, socklen_t n)
{
    uint8_t tmp[sizeof(*ss)];
    if (len > sizeof(*ss))
        len = sizeof(*ss);
    memcpy(tmp, ss, len);
    if (len >= 2) {
        abi_st(tmp, 2, ss->ss_family);
        int off[3], size[3];
        int k = addr_int_fields(ss->ss_family, len, off, size);
        for (int i = 0; i < k; i++)
            abi_st(tmp + off[i], size[i],
                   size[i] == 4 ? ld32_le((const uint8_t *)ss + off[i])
                                : ld16_le((const uint8_t *)ss + off[i]));
    }
    memcpy(g, tmp, n < len ? n : len);
}

/* Store an address and its length for accept/recvfrom/getsockname:
 * at most *lenp bytes, then the real length, as the kernel does. */
static int64_t put_addr(const struct sockaddr_storage *ss, socklen_t len,
                        uint64_t addr, uint64_t lenp)
{
    uint64_t glen;
    if (!addr)
        return 0;
    if (!get_user(lenp, 4, &glen))
        return -EFAULT;
    if ((int32_t)glen < 0)
        return -EINVAL;
    uint64_t n = glen < len ? glen : len;
    uint8_t *g = user_ptr(addr, n, true);
    if (!g)
        return -EFAULT;
    addr_to_guest(g, ss, len, n);
    return put_user(lenp, 4, len) ? 0 : -EFAULT;
}

/* ---- The basic calls ---- */

int64_t sys_socket(struct cpu_common *cpu, const uint64_t *a)
{
    int64_t t = type_to_host(a[1]);
    return t < 0 ? t : sys_ret(socket((int)a[0], (int)t, (int)a[2]));
}

int64_t sys_socketpair(struct cpu_common *cpu, const uint64_t *a)
{
    int sv[2];
    int64_t t = type_to_host(a[1]);
    if (t < 0)
        return t;
    if (!user_ptr(a[3], 8, true))
        return -EFAULT;
    if (socketpair((int)a[0], (int)t, (int)a[2], sv) < 0)
        return -errno;
    put_user(a[3], 4, sv[0]);
    put_user(a[3] + 4, 4, sv[1]);
    return 0;
}

int64_t sys_connect(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    int64_t r = get_addr(a[1], a[2], &ss);
    return r < 0 ? r : safe_syscall(SYS_connect, (int)a[0], (long)&ss,
                                    (long)a[2], 0, 0, 0);
}

int64_t sys_bind(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    int64_t r = get_addr(a[1], a[2], &ss);
    return r < 0 ? r : sys_ret(bind((int)a[0], (void *)&ss, a[2]));
}

int64_t sys_listen(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(listen((int)a[0], (int)a[1]));
}

int64_t sys_accept4(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int64_t fl = accept_flags_to_host(a[3]);
    if (fl < 0)
        return fl;
    if (a[1] && !user_ptr(a[2], 4, true))
        return -EFAULT;
    long fd = safe_syscall(SYS_accept4, (int)a[0], a[1] ? (long)&ss : 0,
                           a[1] ? (long)&len : 0, (int)fl, 0, 0);
    if (fd < 0)
        return fd;
    int64_t r = put_addr(&ss, len, a[1], a[2]);
    if (r < 0) {
        close((int)fd);
        return r;
    }
    return fd;
}

int64_t sys_accept(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { a[0], a[1], a[2], 0, 0, 0 };
    return sys_accept4(cpu, b);
}

static int64_t do_getname(const uint64_t *a, bool peer)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    if (!a[1])
        return -EFAULT;
    int r = peer ? getpeername((int)a[0], (void *)&ss, &len)
                 : getsockname((int)a[0], (void *)&ss, &len);
    if (r < 0)
        return -errno;
    return put_addr(&ss, len, a[1], a[2]);
}

int64_t sys_getsockname(struct cpu_common *cpu, const uint64_t *a)
{
    return do_getname(a, false);
}

int64_t sys_getpeername(struct cpu_common *cpu, const uint64_t *a)
{
    return do_getname(a, true);
}

int64_t sys_shutdown(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(shutdown((int)a[0], (int)a[1]));
}

int64_t sys_sendto(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    const void *buf = user_ptr(a[1], a[2], false);
    if (!buf)
        return -EFAULT;
    if (a[4]) {
        int64_t r = get_addr(a[4], a[5], &ss);
        if (r < 0)
            return r;
    }
    return safe_syscall(SYS_sendto, (int)a[0], (long)buf, a[2], (int)a[3],
                        a[4] ? (long)&ss : 0, a[4] ? a[5] : 0);
}

int64_t sys_send(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { a[0], a[1], a[2], a[3], 0, 0 };
    return sys_sendto(cpu, b);
}

int64_t sys_recvfrom(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    void *buf = user_ptr(a[1], a[2], true);
    if (!buf)
        return -EFAULT;
    long n = safe_syscall(SYS_recvfrom, (int)a[0], (long)buf, a[2], (int)a[3],
                          a[4] ? (long)&ss : 0, a[4] ? (long)&len : 0);
    if (n < 0)
        return n;
    int64_t r = put_addr(&ss, len, a[4], a[5]);
    return r < 0 ? r : n;
}

int64_t sys_recv(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { a[0], a[1], a[2], a[3], 0, 0 };
    return sys_recvfrom(cpu, b);
}

/* ---- Socket options ---- */

/* How an option's value is laid out. */
enum opt_kind {
    OPT_RAW,         /* bytes (strings, network-order addresses, ...) */
    OPT_INTS,        /* ints (one, or linger, ucred, so_timestamping) */
    OPT_TIMEVAL,     /* struct timeval of guest longs */
    OPT_TIME64,      /* two 64-bit fields (__kernel_sock_timeval) */
    OPT_U64,         /* one 64-bit value (or an int when 4 bytes long) */
    OPT_TYPE,        /* SO_TYPE: an int holding a socket type */
    OPT_ERROR,       /* SO_ERROR: an int holding an errno */
    OPT_IFINDEX8,    /* ip_mreqn: addresses, then an int ifindex at 8 */
    OPT_IFINDEX16,   /* ipv6_mreq/in6_pktinfo: in6_addr, int ifindex */
    OPT_FPROG,       /* struct sock_fprog: length and a filter pointer */
};

static enum opt_kind opt_kind(int level, int name, uint64_t len)
{
    switch (level) {
    case SOL_SOCKET:
        switch (name) {
        case SO_LINGER: case SO_PEERCRED: case H_SO_TIMESTAMPING_OLD:
            return OPT_INTS;
        case H_SO_RCVTIMEO_OLD: case H_SO_SNDTIMEO_OLD:
            return OPT_TIMEVAL;
        case H_SO_RCVTIMEO_NEW: case H_SO_SNDTIMEO_NEW:
            return OPT_TIME64;
        case SO_TYPE:
            return OPT_TYPE;
        case SO_ERROR:
            return OPT_ERROR;
        case SO_BINDTODEVICE: case SO_PEERNAME: case SO_PEERSEC:
            return OPT_RAW;
        case H_SO_ATTACH_FILTER: case H_SO_ATTACH_REUSEPORT_CBPF:
            return OPT_FPROG;
        case H_SO_MAX_PACING_RATE: case H_SO_COOKIE: case H_SO_NETNS_COOKIE:
            return len == 8 ? OPT_U64 : OPT_INTS;
        }
        break;
    case IPPROTO_IP:
        switch (name) {
        case IP_ADD_MEMBERSHIP: case IP_DROP_MEMBERSHIP: case IP_MULTICAST_IF:
            return len >= 12 ? OPT_IFINDEX8 : OPT_RAW;
        case IP_OPTIONS: case IP_PKTOPTIONS: case IP_MSFILTER:
        case IP_ADD_SOURCE_MEMBERSHIP: case IP_DROP_SOURCE_MEMBERSHIP:
        case IP_BLOCK_SOURCE: case IP_UNBLOCK_SOURCE:
            return OPT_RAW;
        }
        break;
    case IPPROTO_IPV6:
        switch (name) {
        case IPV6_ADD_MEMBERSHIP: case IPV6_DROP_MEMBERSHIP:
        case IPV6_PKTINFO:
            return OPT_IFINDEX16;
        }
        break;
    case IPPROTO_TCP:
        switch (name) {
        case TCP_INFO: case TCP_CONGESTION: case TCP_MD5SIG: case TCP_ULP:
            return OPT_RAW;
        }
        break;
    }
    /* Anything else of int size is an int; shorter values (IP_TOS as a
     * byte) and longer ones are passed as bytes. */
    return len >= 4 && len <= 8 ? OPT_INTS : OPT_RAW;
}

/* Swap the ints of a value between guest and host order (in place). */
static void swap_ints(uint8_t *p, uint64_t len, bool to_host)
{
    for (uint64_t i = 0; i + 4 <= len; i += 4) {
        if (to_host)
            st32_le(p + i, (uint32_t)abi_ld(p + i, 4));
        else
            abi_st(p + i, 4, ld32_le(p + i));
    }
}

int64_t sys_setsockopt(struct cpu_common *cpu, const uint64_t *a)
{
    int fd = (int)a[0], level = level_to_host((int)a[1]), name = (int)a[2];
    uint64_t len = (uint32_t)a[4];
    uint8_t buf[MAX_OPT];
    int L = ABI_LONG;

    if (level < 0)
        return -ENOPROTOOPT;
    if (level == SOL_SOCKET && (name = so_to_host(name)) < 0)
        return -ENOPROTOOPT;
    if ((int32_t)len < 0)
        return -EINVAL;
    if (len > sizeof(buf))
        len = sizeof(buf);
    const uint8_t *g = user_ptr(a[3], len, false);
    if (!g)
        return -EFAULT;
    memcpy(buf, g, len);

    switch (opt_kind(level, name, len)) {
    case OPT_RAW:
        break;
    case OPT_INTS:
    case OPT_TYPE:
    case OPT_ERROR:
        swap_ints(buf, len, true);
        break;
    case OPT_IFINDEX8:
        swap_ints(buf + 8, 4, true);
        break;
    case OPT_IFINDEX16:
        if (len >= 20)
            swap_ints(buf + 16, 4, true);
        break;
    case OPT_TIMEVAL: {
        struct timeval tv;
        if (len < (uint64_t)2 * L)
            return -EINVAL;
        tv.tv_sec = abi_slong(abi_ld(g, L));
        tv.tv_usec = abi_slong(abi_ld(g + L, L));
        return sys_ret(setsockopt(fd, level, name, &tv, sizeof(tv)));
    }
    case OPT_TIME64:
        if (len >= 16) {
            st64_le(buf, abi_ld(g, 8));
            st64_le(buf + 8, abi_ld(g + 8, 8));
        }
        break;
    case OPT_U64:
        st64_le(buf, abi_ld(g, 8));
        break;
    case OPT_FPROG: {
        /* struct sock_fprog { u16 len; struct sock_filter *filter; } */
        if (len < (uint64_t)2 * L)
            return -EINVAL;
        uint64_t n = abi_ld(g, 2), fp = abi_ld(g + L, L);
        if (n == 0 || n > BPF_MAXINSNS)
            return -EINVAL;
        const uint8_t *gf = user_ptr(fp, n * 8, false);
        if (!gf)
            return -EFAULT;
        struct sock_filter f[BPF_MAXINSNS];
        for (uint64_t i = 0; i < n; i++) {
            f[i].code = (uint16_t)abi_ld(gf + 8 * i, 2);
            f[i].jt = gf[8 * i + 2];
            f[i].jf = gf[8 * i + 3];
            f[i].k = (uint32_t)abi_ld(gf + 8 * i + 4, 4);
        }
        struct sock_fprog prog = { .len = (unsigned short)n, .filter = f };
        return sys_ret(setsockopt(fd, level, name, &prog, sizeof(prog)));
    }
    }
    return sys_ret(setsockopt(fd, level, name, buf, (socklen_t)len));
}

int64_t sys_getsockopt(struct cpu_common *cpu, const uint64_t *a)
{
    int fd = (int)a[0], level = level_to_host((int)a[1]), name = (int)a[2];
    uint64_t glen;
    uint8_t buf[MAX_OPT];
    int L = ABI_LONG;

    if (level < 0)
        return -ENOPROTOOPT;
    if (level == SOL_SOCKET && (name = so_to_host(name)) < 0)
        return -ENOPROTOOPT;
    if (!get_user(a[4], 4, &glen))
        return -EFAULT;
    if ((int32_t)glen < 0)
        return -EINVAL;
    socklen_t hlen = glen < sizeof(buf) ? (socklen_t)glen : sizeof(buf);
    enum opt_kind k = opt_kind(level, name, hlen);
    if (k == OPT_TIMEVAL)
        hlen = sizeof(struct timeval);
    if (getsockopt(fd, level, name, buf, &hlen) < 0)
        return -errno;

    uint64_t out = hlen;
    switch (k) {
    case OPT_RAW:
    case OPT_FPROG:
        break;
    case OPT_INTS:
        swap_ints(buf, hlen, false);
        break;
    case OPT_TYPE:
    case OPT_ERROR:
        if (hlen >= 4) {
            int v = (int)ld32_le(buf);
            abi_st(buf, 4, k == OPT_TYPE ? type_to_guest(v)
                                         : abi_errno_to_guest(v));
        }
        break;
    case OPT_IFINDEX8:
        if (hlen >= 12)
            swap_ints(buf + 8, 4, false);
        break;
    case OPT_IFINDEX16:
        if (hlen >= 20)
            swap_ints(buf + 16, 4, false);
        break;
    case OPT_TIMEVAL: {
        struct timeval tv;
        memcpy(&tv, buf, sizeof(tv));
        abi_st(buf, L, tv.tv_sec);
        abi_st(buf + L, L, tv.tv_usec);
        out = 2 * L;
        break;
    }
    case OPT_TIME64:
        if (hlen >= 16) {
            uint64_t s = ld64_le(buf), u = ld64_le(buf + 8);
            abi_st(buf, 8, s);
            abi_st(buf + 8, 8, u);
        }
        break;
    case OPT_U64:
        if (hlen == 8)
            abi_st(buf, 8, ld64_le(buf));
        else
            swap_ints(buf, hlen, false);
        break;
    }
    if (out > glen)
        out = glen;
    uint8_t *g = user_ptr(a[3], out, true);
    if (!g)
        return -EFAULT;
    memcpy(g, buf, out);
    return put_user(a[4], 4, out) ? 0 : -EFAULT;
}

/* ---- sendmsg / recvmsg and control messages ---- */

/* struct msghdr: name, namelen, iov, iovlen, control, controllen, flags,
 * each in a slot of the guest's long. */
struct guest_msg {
    uint64_t name, iov, iovlen, control, controllen;
    uint32_t namelen, flags;
};

static bool msg_read(uint64_t addr, struct guest_msg *m)
{
    int L = ABI_LONG;
    const uint8_t *g = user_ptr(addr, 7 * L, false);
    if (!g)
        return false;
    m->name = abi_ld(g, L);
    m->namelen = (uint32_t)abi_ld(g + L, 4);
    m->iov = abi_ld(g + 2 * L, L);
    m->iovlen = abi_ld(g + 3 * L, L);
    m->control = abi_ld(g + 4 * L, L);
    m->controllen = abi_ld(g + 5 * L, L);
    m->flags = (uint32_t)abi_ld(g + 6 * L, 4);
    return true;
}

static int64_t get_iov(uint64_t addr, uint64_t cnt, struct iovec *iov,
                       bool write)
{
    int L = ABI_LONG;
    if (cnt > IOV_MAX)
        return -EMSGSIZE;
    const uint8_t *g = user_ptr(addr, cnt * 2 * L, false);
    if (!g)
        return -EFAULT;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t base = abi_ld(g + 2 * i * L, L);
        uint64_t len = abi_ld(g + (2 * i + 1) * L, L);
        if ((int64_t)len < 0 || (L == 4 && (int32_t)len < 0))
            return -EINVAL;
        iov[i].iov_len = len;
        iov[i].iov_base = user_ptr(base, len, write);
        if (!iov[i].iov_base)
            return -EFAULT;
    }
    return 0;
}

/* Guest cmsghdr: cmsg_len (a long), cmsg_level, cmsg_type; everything
 * aligned to the guest's long. */
#define G_ALIGN(x) (((x) + ABI_LONG - 1) & ~(uint64_t)(ABI_LONG - 1))
#define G_HDR ((uint64_t)ABI_LONG + 8)

/* The byte layout of one control message's data. */
enum cmsg_kind { CM_RAW, CM_INTS, CM_TIMEVALS, CM_TIME64, CM_IFINDEX0,
                 CM_IFINDEX16 };

static enum cmsg_kind cmsg_kind(int level, int type)
{
    if (level == SOL_SOCKET) {
        switch (type) {
        case SCM_RIGHTS: case SCM_CREDENTIALS:
            return CM_INTS;
        case H_SO_TIMESTAMP_OLD: case H_SO_TIMESTAMPNS_OLD:
        case H_SO_TIMESTAMPING_OLD:
            return CM_TIMEVALS;     /* timeval/timespec(s) of longs */
        case H_SO_TIMESTAMP_NEW: case H_SO_TIMESTAMPNS_NEW:
        case H_SO_TIMESTAMPING_NEW:
            return CM_TIME64;
        }
    } else if (level == IPPROTO_IP) {
        switch (type) {
        case IP_PKTINFO:
            return CM_IFINDEX0;
        case IP_TTL:
            return CM_INTS;
        }
    } else if (level == IPPROTO_IPV6) {
        switch (type) {
        case IPV6_PKTINFO:
            return CM_IFINDEX16;
        case IPV6_HOPLIMIT: case IPV6_TCLASS:
            return CM_INTS;
        }
    }
    return CM_RAW;
}

/* Guest control messages -> host buffer; returns the host length. */
static int64_t cmsg_to_host(const uint8_t *g, uint64_t glen, uint8_t *h,
                            uint64_t hcap)
{
    const struct abi_socket *S = user_abi->socket;
    int L = ABI_LONG;
    uint64_t off = 0, hoff = 0;

    while (off + G_HDR <= glen) {
        uint64_t clen = abi_ld(g + off, L);
        if (clen < G_HDR || clen > glen - off)
            return -EINVAL;
        int level = (int)abi_ld(g + off + L, 4);
        int type = (int)abi_ld(g + off + L + 4, 4);
        if (S && (uint32_t)level == S->sol_socket)
            level = SOL_SOCKET;
        else if (S && level == SOL_SOCKET)
            return -EINVAL;
        const uint8_t *gd = g + off + G_HDR;
        uint64_t dlen = clen - G_HDR, hdlen = dlen;
        enum cmsg_kind k = cmsg_kind(level, type);
        if (k == CM_TIMEVALS)
            hdlen = dlen / L * 8;
        if (hoff + CMSG_SPACE(hdlen) > hcap)
            return -ENOBUFS;
        struct cmsghdr *c = (struct cmsghdr *)(h + hoff);
        c->cmsg_len = CMSG_LEN(hdlen);
        c->cmsg_level = level;
        c->cmsg_type = type;
        uint8_t *hd = CMSG_DATA(c);
        memcpy(hd, gd, dlen < hdlen ? dlen : hdlen);
        switch (k) {
        case CM_RAW:
            break;
        case CM_INTS:
            swap_ints(hd, dlen, true);
            break;
        case CM_TIMEVALS:
            for (uint64_t i = 0; i < dlen / L; i++)
                st64_le(hd + 8 * i, abi_slong(abi_ld(gd + L * i, L)));
            break;
        case CM_TIME64:
            for (uint64_t i = 0; i + 8 <= dlen; i += 8)
                st64_le(hd + i, abi_ld(gd + i, 8));
            break;
        case CM_IFINDEX0:
            swap_ints(hd, dlen >= 4 ? 4 : 0, true);
            break;
        case CM_IFINDEX16:
            if (dlen >= 20)
                swap_ints(hd + 16, 4, true);
            break;
        }
        hoff += CMSG_SPACE(hdlen);
        off += G_ALIGN(clen);
    }
    return (int64_t)hoff;
}

/* Host control messages -> guest buffer of gcap bytes.  What does not fit
 * sets MSG_CTRUNC (descriptors that do not fit are closed, as the kernel
 * does).  Returns the guest bytes used. */
static uint64_t cmsg_to_guest(struct msghdr *hm, uint8_t *g, uint64_t gcap,
                              uint32_t *flags)
{
    const struct abi_socket *S = user_abi->socket;
    int L = ABI_LONG;
    uint64_t off = 0;

    for (struct cmsghdr *c = CMSG_FIRSTHDR(hm); c; c = CMSG_NXTHDR(hm, c)) {
        uint8_t *hd = CMSG_DATA(c);
        uint64_t hdlen = c->cmsg_len - CMSG_LEN(0), dlen = hdlen;
        enum cmsg_kind k = cmsg_kind(c->cmsg_level, c->cmsg_type);
        if (k == CM_TIMEVALS)
            dlen = hdlen / 8 * L;
        uint64_t room = gcap > off + G_HDR ? gcap - off - G_HDR : 0;
        if (room < dlen) {
            *flags |= MSG_CTRUNC;
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                /* Keep the descriptors that fit, close the others. */
                uint64_t fit = room / 4;
                for (uint64_t i = fit; i < hdlen / 4; i++)
                    close((int)ld32_le(hd + 4 * i));
                dlen = hdlen = fit * 4;
                if (!fit)
                    continue;
            } else {
                break;
            }
        }
        uint8_t *gc = g + off, *gd = gc + G_HDR;
        abi_st(gc, L, G_HDR + dlen);
        abi_st(gc + L, 4, c->cmsg_level == SOL_SOCKET && S ? S->sol_socket
                                                           : (uint32_t)c->cmsg_level);
        abi_st(gc + L + 4, 4, c->cmsg_type);
        memcpy(gd, hd, dlen < hdlen ? dlen : hdlen);
        switch (k) {
        case CM_RAW:
            break;
        case CM_INTS:
            swap_ints(gd, dlen, false);
            break;
        case CM_TIMEVALS:
            for (uint64_t i = 0; i < hdlen / 8; i++)
                abi_st(gd + L * i, L, ld64_le(hd + 8 * i));
            break;
        case CM_TIME64:
            for (uint64_t i = 0; i + 8 <= dlen; i += 8)
                abi_st(gd + i, 8, ld64_le(hd + i));
            break;
        case CM_IFINDEX0:
            swap_ints(gd, dlen >= 4 ? 4 : 0, false);
            break;
        case CM_IFINDEX16:
            if (dlen >= 20)
                swap_ints(gd + 16, 4, false);
            break;
        }
        off += G_ALIGN(G_HDR + dlen);
        if (off > gcap)
            off = gcap;
    }
    return off;
}

/* One sendmsg with the guest msghdr at addr. */
static int64_t do_sendmsg(int fd, uint64_t addr, int flags)
{
    struct guest_msg m;
    struct sockaddr_storage ss;
    struct iovec iov[IOV_MAX];
    struct msghdr hm = { 0 };
    int64_t r;

    if (!msg_read(addr, &m))
        return -EFAULT;
    if (m.name) {
        if ((r = get_addr(m.name, m.namelen, &ss)) < 0)
            return r;
        hm.msg_name = &ss;
        hm.msg_namelen = m.namelen;
    }
    if ((r = get_iov(m.iov, m.iovlen, iov, false)) < 0)
        return r;
    hm.msg_iov = iov;
    hm.msg_iovlen = m.iovlen;
    uint8_t *hc = NULL;
    if (m.controllen) {
        if (m.controllen > MAX_CONTROL)
            return -ENOBUFS;
        const uint8_t *gc = user_ptr(m.control, m.controllen, false);
        if (!gc)
            return -EFAULT;
        uint64_t cap = 2 * m.controllen + 64;
        hc = calloc(1, cap);
        if (!hc)
            return -ENOMEM;
        r = cmsg_to_host(gc, m.controllen, hc, cap);
        if (r < 0) {
            free(hc);
            return r;
        }
        hm.msg_control = r ? hc : NULL;
        hm.msg_controllen = r;
    }
    r = safe_syscall(SYS_sendmsg, fd, (long)&hm, flags, 0, 0, 0);
    free(hc);
    return r;
}

/* One recvmsg into the guest msghdr at addr. */
static int64_t do_recvmsg(int fd, uint64_t addr, int flags)
{
    struct guest_msg m;
    struct sockaddr_storage ss;
    struct iovec iov[IOV_MAX];
    struct msghdr hm = { 0 };
    int L = ABI_LONG;
    int64_t r;

    if (!msg_read(addr, &m))
        return -EFAULT;
    uint8_t *gm = user_ptr(addr, 7 * L, true);
    if (!gm)
        return -EFAULT;
    if ((r = get_iov(m.iov, m.iovlen, iov, true)) < 0)
        return r;
    hm.msg_iov = iov;
    hm.msg_iovlen = m.iovlen;
    if (m.name) {
        hm.msg_name = &ss;
        hm.msg_namelen = sizeof(ss);
    }
    uint8_t *hc = NULL, *gc = NULL;
    if (m.controllen) {
        uint64_t glen = m.controllen > MAX_CONTROL ? MAX_CONTROL : m.controllen;
        gc = user_ptr(m.control, glen, true);
        if (!gc)
            return -EFAULT;
        m.controllen = glen;
        uint64_t cap = 2 * glen + 64;
        hc = calloc(1, cap);
        if (!hc)
            return -ENOMEM;
        hm.msg_control = hc;
        hm.msg_controllen = cap;
    }
    r = safe_syscall(SYS_recvmsg, fd, (long)&hm, flags, 0, 0, 0);
    if (r < 0) {
        free(hc);
        return r;
    }
    uint32_t oflags = hm.msg_flags & ~MSG_CTRUNC;
    uint64_t used = 0;
    if (hc) {
        used = cmsg_to_guest(&hm, gc, m.controllen, &oflags);
        free(hc);
    }
    if (hm.msg_flags & MSG_CTRUNC)
        oflags |= MSG_CTRUNC;
    if (m.name) {
        uint64_t n = hm.msg_namelen < m.namelen ? hm.msg_namelen : m.namelen;
        uint8_t *gn = user_ptr(m.name, n, true);
        if (!gn)
            return -EFAULT;
        addr_to_guest(gn, &ss, hm.msg_namelen, (socklen_t)n);
        abi_st(gm + L, 4, hm.msg_namelen);
    } else {
        abi_st(gm + L, 4, 0);
    }
    abi_st(gm + 5 * L, L, used);
    abi_st(gm + 6 * L, 4, oflags);
    return r;
}

int64_t sys_sendmsg(struct cpu_common *cpu, const uint64_t *a)
{
    return do_sendmsg((int)a[0], a[1], (int)a[2]);
}

int64_t sys_recvmsg(struct cpu_common *cpu, const uint64_t *a)
{
    return do_recvmsg((int)a[0], a[1], (int)a[2]);
}

/* struct mmsghdr: a msghdr, then unsigned msg_len, padded to a long. */
#define MMSG_SIZE ((uint64_t)8 * ABI_LONG)

int64_t sys_sendmmsg(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t n = (uint32_t)a[2] > MAX_MMSG ? MAX_MMSG : (uint32_t)a[2];
    if (!user_ptr(a[1], n * MMSG_SIZE, true))
        return -EFAULT;
    uint64_t i;
    for (i = 0; i < n; i++) {
        uint64_t m = a[1] + i * MMSG_SIZE;
        int64_t r = do_sendmsg((int)a[0], m, (int)a[3]);
        if (r < 0)
            return i ? (int64_t)i : r;
        put_user(m + 7 * ABI_LONG, 4, (uint64_t)r);
    }
    return (int64_t)i;
}

/*
 * recvmmsg: one recvmsg after the other; with MSG_WAITFORONE the ones
 * after the first do not wait.  Like the kernel, the timeout is looked at
 * after each datagram (time_size: 4 for recvmmsg on 32-bit guests, 8 for
 * recvmmsg_time64 and 64-bit guests).
 */
static int64_t do_recvmmsg(const uint64_t *a, int time_size)
{
    uint64_t n = (uint32_t)a[2] > MAX_MMSG ? MAX_MMSG : (uint32_t)a[2];
    int flags = (int)a[3];
    struct timespec end = { 0 }, now;
    if (!user_ptr(a[1], n * MMSG_SIZE, true))
        return -EFAULT;
    if (a[4]) {
        const uint8_t *t = user_ptr(a[4], 2 * time_size, false);
        if (!t)
            return -EFAULT;
        int64_t s = time_size == 4 ? (int32_t)abi_ld(t, 4) : (int64_t)abi_ld(t, 8);
        int64_t ns = time_size == 4 ? (int32_t)abi_ld(t + 4, 4)
                                    : abi_slong(abi_ld(t + 8, 8));
        if (s < 0 || ns < 0 || ns >= 1000000000)
            return -EINVAL;
        clock_gettime(CLOCK_MONOTONIC, &end);
        end.tv_sec += s + (end.tv_nsec + ns) / 1000000000;
        end.tv_nsec = (end.tv_nsec + ns) % 1000000000;
    }
    uint64_t i;
    for (i = 0; i < n; i++) {
        uint64_t m = a[1] + i * MMSG_SIZE;
        int f = flags & ~MSG_WAITFORONE;
        if (i && (flags & MSG_WAITFORONE))
            f |= MSG_DONTWAIT;
        int64_t r = do_recvmsg((int)a[0], m, f);
        if (r < 0)
            return i ? (int64_t)i : r;
        put_user(m + 7 * ABI_LONG, 4, (uint64_t)r);
        if (a[4]) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (now.tv_sec > end.tv_sec ||
                (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec)) {
                i++;
                break;
            }
        }
    }
    return (int64_t)i;
}

int64_t sys_recvmmsg(struct cpu_common *cpu, const uint64_t *a)
{
    return do_recvmmsg(a, ABI_LONG);
}

int64_t sys_recvmmsg_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_recvmmsg(a, 8);
}
