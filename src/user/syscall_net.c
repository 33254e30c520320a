/* Socket basics.  Socket addresses are passed through unchanged: the
 * families kemu supports (AF_UNIX, AF_INET, AF_INET6) have the same layout
 * on every guest except for the byte order of sa_family, fixed here. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <string.h>
#include <fcntl.h>
#include <sys/socket.h>

#include "user/signal.h"
#include "user/syscall.h"
#include "user/uaccess.h"

static int64_t get_addr(uint64_t addr, uint64_t len, struct sockaddr_storage *ss)
{
    if (len > sizeof(*ss))
        return -EINVAL;
    const uint8_t *g = user_ptr(addr, len, false);
    if (!g)
        return -EFAULT;
    memcpy(ss, g, len);
    if (len >= 2)
        ss->ss_family = (sa_family_t)abi_ld(g, 2);
    return 0;
}

static int64_t put_addr(const struct sockaddr_storage *ss, socklen_t len,
                        uint64_t addr, uint64_t lenp)
{
    uint64_t glen;
    if (!addr)
        return 0;
    if (!get_user(lenp, 4, &glen))
        return -EFAULT;
    uint64_t n = glen < len ? glen : len;
    uint8_t *g = user_ptr(addr, n, true);
    if (!g)
        return -EFAULT;
    memcpy(g, ss, n);
    if (n >= 2)
        abi_st(g, 2, ss->ss_family);
    return put_user(lenp, 4, len) ? 0 : -EFAULT;
}

int64_t sys_socket(struct cpu_common *cpu, const uint64_t *a)
{
    int type = (int)a[1];
    int flags = abi_bits_to_host(user_abi->open_flags, type & ~0xf);
    return sys_ret(socket((int)a[0], (type & 0xf) |
                          (flags & O_CLOEXEC ? SOCK_CLOEXEC : 0) |
                          (flags & O_NONBLOCK ? SOCK_NONBLOCK : 0),
                          (int)a[2]));
}

int64_t sys_socketpair(struct cpu_common *cpu, const uint64_t *a)
{
    int sv[2];
    int type = (int)a[1];
    int flags = abi_bits_to_host(user_abi->open_flags, type & ~0xf);
    if (!user_ptr(a[3], 8, true))
        return -EFAULT;
    if (socketpair((int)a[0], (type & 0xf) |
                   (flags & O_CLOEXEC ? SOCK_CLOEXEC : 0) |
                   (flags & O_NONBLOCK ? SOCK_NONBLOCK : 0), (int)a[2], sv) < 0)
        return -errno;
    put_user(a[3], 4, sv[0]);
    put_user(a[3] + 4, 4, sv[1]);
    return 0;
}

int64_t sys_connect(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    int64_t r = get_addr(a[1], a[2], &ss);
    return r < 0 ? r : sys_ret(connect((int)a[0], (void *)&ss, a[2]));
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

int64_t sys_accept(struct cpu_common *cpu, const uint64_t *a)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    long fd = safe_syscall(SYS_accept, (int)a[0], (long)&ss, (long)&len, 0,
                           0, 0);
    if (fd < 0)
        return fd;
    int64_t r = put_addr(&ss, len, a[1], a[2]);
    return r < 0 ? r : fd;
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
