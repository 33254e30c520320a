/*
 * -strace output in qemu's format: "PID name(args) = result", with
 * strings quoted, flags symbolic and errors as "-1 errno=N (text)".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "user/syscall.h"
#include "user/uaccess.h"
#include "util/bits.h"
#include "util/log.h"

struct flag_name {
    uint32_t bit;
    const char *name;
};

static const struct flag_name open_names[] = {
    { O_CREAT, "O_CREAT" }, { O_EXCL, "O_EXCL" }, { O_NOCTTY, "O_NOCTTY" },
    { O_TRUNC, "O_TRUNC" }, { O_APPEND, "O_APPEND" },
    { O_NONBLOCK, "O_NONBLOCK" }, { O_DSYNC, "O_DSYNC" },
    { O_DIRECTORY, "O_DIRECTORY" }, { O_NOFOLLOW, "O_NOFOLLOW" },
    { O_CLOEXEC, "O_CLOEXEC" }, { O_LARGEFILE, "O_LARGEFILE" },
    { O_DIRECT, "O_DIRECT" }, { O_NOATIME, "O_NOATIME" }, { O_PATH, "O_PATH" },
    { 0, NULL }
};

static const struct flag_name prot_names[] = {
    { PROT_READ, "PROT_READ" }, { PROT_WRITE, "PROT_WRITE" },
    { PROT_EXEC, "PROT_EXEC" }, { 0, NULL }
};

static const struct flag_name map_names[] = {
    { MAP_SHARED, "MAP_SHARED" }, { MAP_PRIVATE, "MAP_PRIVATE" },
    { MAP_FIXED, "MAP_FIXED" }, { MAP_ANONYMOUS, "MAP_ANONYMOUS" },
    { MAP_GROWSDOWN, "MAP_GROWSDOWN" }, { MAP_DENYWRITE, "MAP_DENYWRITE" },
    { MAP_NORESERVE, "MAP_NORESERVE" }, { MAP_POPULATE, "MAP_POPULATE" },
    { MAP_STACK, "MAP_STACK" }, { MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE" },
    { 0, NULL }
};

static void print_flags(char *buf, size_t n, uint32_t v,
                        const struct flag_name *t, const char *zero)
{
    size_t len = 0;

    buf[0] = '\0';
    if (v == 0) {
        snprintf(buf, n, "%s", zero ? zero : "0");
        return;
    }
    for (; t->name && len < n; t++) {
        if (v & t->bit) {
            len += snprintf(buf + len, n - len, "%s%s", len ? "|" : "", t->name);
            v &= ~t->bit;
        }
    }
    if (v && len < n)
        snprintf(buf + len, n - len, "%s0x%x", len ? "|" : "", v);
}

static void print_string(char *buf, size_t n, uint64_t addr)
{
    int err;
    const char *s = user_str(addr, 4096, &err);

    if (!s) {
        snprintf(buf, n, "0x%llx", (unsigned long long)addr);
        return;
    }
    size_t o = 0;
    buf[o++] = '"';
    for (; *s && o + 8 < n; s++) {
        unsigned char c = *s;
        if (c == '"' || c == '\\')
            o += snprintf(buf + o, n - o, "\\%c", c);
        else if (c == '\n')
            o += snprintf(buf + o, n - o, "\\n");
        else if (c < 32 || c >= 127)
            o += snprintf(buf + o, n - o, "\\%03o", c);
        else
            buf[o++] = c;
    }
    if (*s)
        o += snprintf(buf + o, n - o, "...");
    snprintf(buf + o, n - o, "\"");
}

void strace_call(const char *name, const char *fmt, const uint64_t *a)
{
    char line[1024], arg[300];
    int len = snprintf(line, sizeof(line), "%d %s(", (int)getpid(), name);
    int ai = 0;

    for (const char *f = fmt; *f && ai < 6; f++) {
        uint64_t v = a[ai];
        int32_t sv = (int32_t)v;
        switch (*f) {
        case 'd': snprintf(arg, sizeof(arg), "%lld", (long long)abi_slong(v)); break;
        case 'u': snprintf(arg, sizeof(arg), "%llu", (unsigned long long)v); break;
        case 'x': case 'p':
            snprintf(arg, sizeof(arg), "0x%llx", (unsigned long long)v); break;
        case 'o': snprintf(arg, sizeof(arg), "0%llo", (unsigned long long)v); break;
        case 's': print_string(arg, sizeof(arg), v); break;
        case 'f':
            if (sv == -100)
                snprintf(arg, sizeof(arg), "AT_FDCWD");
            else
                snprintf(arg, sizeof(arg), "%d", sv);
            break;
        case 'O': {
            uint32_t host = abi_bits_to_host(user_abi->open_flags, v);
            const char *acc = (host & O_ACCMODE) == O_RDONLY ? "O_RDONLY" :
                              (host & O_ACCMODE) == O_WRONLY ? "O_WRONLY" :
                              (host & O_ACCMODE) == O_RDWR ? "O_RDWR" : "3";
            int l = snprintf(arg, sizeof(arg), "%s", acc);
            if (host & ~O_ACCMODE) {
                arg[l++] = '|';
                print_flags(arg + l, sizeof(arg) - l, host & ~O_ACCMODE,
                            open_names, NULL);
            }
            break;
        }
        case 'P': print_flags(arg, sizeof(arg), v, prot_names, "PROT_NONE"); break;
        case 'M':
            print_flags(arg, sizeof(arg),
                        abi_bits_to_host(user_abi->mmap_flags, v), map_names,
                        NULL);
            break;
        case 'S': snprintf(arg, sizeof(arg), "%d", sv); break;
        case 'L': {
            int i = sys_arg64_index(ai);
            snprintf(arg, sizeof(arg), "%lld", (long long)sys_arg64(a, ai));
            ai = i + 1;
            break;
        }
        default: snprintf(arg, sizeof(arg), "?"); break;
        }
        len += snprintf(line + len, sizeof(line) - len, "%s%s",
                        f == fmt ? "" : ",", arg);
        if ((size_t)len >= sizeof(line))
            len = sizeof(line) - 1;
        ai++;
    }
    log_printf("%s)", line);
}

void strace_result(char fmt, int64_t r)
{
    if (r < 0 && r >= -4095) {
        log_printf(" = -1 errno=%d (%s)\n", abi_errno_to_guest((int)-r),
                   strerror((int)-r));
    } else if (fmt == 'p') {
        log_printf(" = 0x%llx\n", (unsigned long long)r);
    } else if (fmt == 'o') {
        log_printf(" = 0%llo\n", (unsigned long long)r);
    } else {
        log_printf(" = %lld\n", (long long)r);
    }
}
