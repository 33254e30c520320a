/* Checked guest memory access for syscalls (see uaccess.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "user/syscall.h"
#include "user/uaccess.h"
#include "user/user_mem.h"

void *user_ptr(uint64_t addr, uint64_t len, bool write)
{
    if (len == 0)
        return g2h(addr);
    if (addr > guest_addr_mask || len - 1 > guest_addr_mask - addr)
        return NULL;
    uint64_t end = addr + len;
    for (uint64_t a = addr & GUEST_PAGE_MASK; a < end; a += GUEST_PAGE_SIZE) {
        int f = page_get_flags(a);
        if (!(f & PAGE_VALID))
            return NULL;
        if (!write) {
            if (!(f & PAGE_READ))
                return NULL;
        } else if (!(f & PAGE_WRITE)) {
            if (!(f & PAGE_WRITE_ORG) || !page_unprotect(a))
                return NULL;
        } else if (f & PAGE_HAS_CODE) {
            /* The host kernel must be able to write it (read(), ...). */
            page_unprotect(a);
        }
    }
    return g2h(addr);
}

const char *user_str(uint64_t addr, size_t max, int *err)
{
    uint64_t a = addr;
    size_t n = 0;

    while (n < max) {
        if (a > guest_addr_mask || !user_ptr(a, 1, false)) {
            *err = EFAULT;
            return NULL;
        }
        /* Scan the rest of this page at once. */
        size_t chunk = GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1));
        if (chunk > max - n)
            chunk = max - n;
        const char *p = g2h(a);
        const char *z = memchr(p, 0, chunk);
        if (z)
            return g2h(addr);
        n += chunk;
        a += chunk;
    }
    *err = ENAMETOOLONG;
    return NULL;
}

bool user_path_is_own_exe(const char *path)
{
    char self[64];

    if (strncmp(path, "/proc/", 6) != 0 || !user_state.exe_path)
        return false;
    snprintf(self, sizeof(self), "/proc/%d/exe", (int)getpid());
    return strcmp(path, "/proc/self/exe") == 0 || strcmp(path, self) == 0;
}

const char *user_own_exe(void)
{
    static __thread char own_exe[PATH_MAX];

    if (!realpath(user_state.exe_path, own_exe))
        snprintf(own_exe, sizeof(own_exe), "%s", user_state.exe_path);
    return own_exe;
}

static bool host_only(const char *path)
{
    static const char *const dirs[] = { "/proc", "/dev", "/sys" };
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        size_t n = strlen(dirs[i]);
        if (strncmp(path, dirs[i], n) == 0 && (path[n] == '/' || !path[n]))
            return true;
    }
    return false;
}

const char *user_sysroot_path(const char *path)
{
    static __thread char bufs[4][PATH_MAX];
    static __thread unsigned next;
    const char *root = user_state.sysroot;
    struct stat st;

    if (!root || !root[0] || path[0] != '/' || host_only(path))
        return path;
    char *b = bufs[next++ & 3];
    int n = snprintf(b, PATH_MAX, "%s%s", root, path);
    if (n <= 0 || n >= PATH_MAX || lstat(b, &st) != 0)
        return path;
    return b;
}

const char *user_sysroot_path_follow(const char *path)
{
    static __thread char buf[PATH_MAX];
    const char *root = user_state.sysroot;
    const char *p = user_sysroot_path(path);
    struct stat st;

    if (p == path)
        return path;
    /* An absolute link inside the sysroot means a file of the sysroot,
     * as it would with the sysroot as /. */
    snprintf(buf, sizeof(buf), "%s", p);
    for (int depth = 0; depth < 8; depth++) {
        char t[PATH_MAX], nb[PATH_MAX];
        if (lstat(buf, &st) != 0 || !S_ISLNK(st.st_mode))
            break;
        ssize_t k = readlink(buf, t, sizeof(t) - 1);
        if (k <= 0)
            break;
        t[k] = 0;
        if (t[0] != '/')
            break;          /* relative: the host resolves it in place */
        int n = snprintf(nb, sizeof(nb), "%s%s", root, t);
        if (n <= 0 || n >= PATH_MAX || lstat(nb, &st) != 0)
            break;
        memcpy(buf, nb, (size_t)n + 1);
    }
    return buf;
}

const char *user_path(uint64_t addr, int *err)
{
    const char *path = user_str(addr, 4096, err);

    if (!path)
        return NULL;
    return user_path_is_own_exe(path) ? user_own_exe()
                                       : user_sysroot_path(path);
}
