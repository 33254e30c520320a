/*
 * -strace output in qemu's format: "PID name(args) = result", with
 * strings quoted, flags symbolic and errors as "-1 errno=N (text)".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

/* Host values (the guest's are translated first), in qemu's order.
 * O_LARGEFILE is 0 in x86-64 user headers: the kernel's bit is named. */
static const struct flag_name open_names[] = {
    { O_APPEND, "O_APPEND" }, { O_CREAT, "O_CREAT" },
    { O_DIRECTORY, "O_DIRECTORY" }, { O_EXCL, "O_EXCL" },
    { 0100000, "O_LARGEFILE" }, { O_NOCTTY, "O_NOCTTY" },
    { O_NOFOLLOW, "O_NOFOLLOW" }, { O_NONBLOCK, "O_NONBLOCK" },
    { 04000000, "O_SYNC" }, { O_DSYNC, "O_DSYNC" }, { O_ASYNC, "O_ASYNC" },
    { O_DIRECT, "O_DIRECT" }, { O_NOATIME, "O_NOATIME" },
    { O_CLOEXEC, "O_CLOEXEC" }, { O_PATH, "O_PATH" },
    { 020000000, "O_TMPFILE" }, { O_TRUNC, "O_TRUNC" },
    { 0, NULL }
};

/* The *at calls' AT_* flags: the same values on every Linux ABI. */
static const struct flag_name at_names[] = {
    { 0x1000, "AT_EMPTY_PATH" }, { 0x800, "AT_NO_AUTOMOUNT" },
    { 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x400, "AT_SYMLINK_FOLLOW" },
    { 0x200, "AT_REMOVEDIR" }, { 0x2000, "AT_STATX_FORCE_SYNC" },
    { 0x4000, "AT_STATX_DONT_SYNC" }, { 0, NULL }
};

static const struct flag_name statx_names[] = {
    { 0x1, "STATX_TYPE" }, { 0x2, "STATX_MODE" }, { 0x4, "STATX_NLINK" },
    { 0x8, "STATX_UID" }, { 0x10, "STATX_GID" }, { 0x20, "STATX_ATIME" },
    { 0x40, "STATX_MTIME" }, { 0x80, "STATX_CTIME" }, { 0x100, "STATX_INO" },
    { 0x200, "STATX_SIZE" }, { 0x400, "STATX_BLOCKS" },
    { 0x800, "STATX_BTIME" }, { 0x1000, "STATX_MNT_ID" }, { 0, NULL }
};

static const char *const clock_names[] = {
    "CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
    "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW",
    "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME",
    "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM", NULL, "CLOCK_TAI",
};

/* Terminal and file ioctls by their generic Linux numbers.  Only ABIs
 * whose ioctl goes through the generic handler (USYS_ioctl) print them;
 * MIPS, with its own numbers, serves ioctl in its arch hook. */
static const struct { uint32_t nr; const char *name; } ioctl_names[] = {
    { 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" },
    { 0x5404, "TCSETSF" }, { 0x540e, "TIOCSCTTY" }, { 0x540f, "TIOCGPGRP" },
    { 0x5410, "TIOCSPGRP" }, { 0x5413, "TIOCGWINSZ" },
    { 0x5414, "TIOCSWINSZ" }, { 0x541b, "FIONREAD" }, { 0x5421, "FIONBIO" },
    { 0x5450, "FIONCLEX" }, { 0x5451, "FIOCLEX" },
    { 0x80045430, "TIOCGPTN" }, { 0x40045431, "TIOCSPTLCK" },
};

/* fcntl commands whose numbers every Linux ABI shares. */
static const char *fcntl_name(uint32_t cmd)
{
    switch (cmd) {
    case 0: return "F_DUPFD";
    case 1: return "F_GETFD";
    case 2: return "F_SETFD";
    case 3: return "F_GETFL";
    case 4: return "F_SETFL";
    case 1030: return "F_DUPFD_CLOEXEC";
    }
    return NULL;
}

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

/* Quote len bytes of s (C escapes), then "..." when more was cut. */
static void quote(char *buf, size_t n, const char *s, size_t len, bool more)
{
    size_t o = 0;

    buf[o++] = '"';
    for (size_t i = 0; i < len && o + 8 < n; i++) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\')
            o += snprintf(buf + o, n - o, "\\%c", c);
        else if (c == '\n')
            o += snprintf(buf + o, n - o, "\\n");
        else if (c == '\t')
            o += snprintf(buf + o, n - o, "\\t");
        else if (c < 32 || c >= 127)
            o += snprintf(buf + o, n - o, "\\%o", c);
        else
            buf[o++] = c;
    }
    o += snprintf(buf + o, n - o, "\"");
    if (more)
        snprintf(buf + o, n - o, "...");
}

static void print_string(char *buf, size_t n, uint64_t addr)
{
    int err;
    const char *s = user_str(addr, 4096, &err);

    if (!s) {
        snprintf(buf, n, "0x%llx", (unsigned long long)addr);
        return;
    }
    size_t len = strlen(s);
    quote(buf, n, s, len > 200 ? 200 : len, len > 200);
}

/* A data buffer (write, send): its first STRACE_BUF bytes, as strace. */
#define STRACE_BUF 32
static void print_buffer(char *buf, size_t n, uint64_t addr, uint64_t len)
{
    uint64_t show = len > STRACE_BUF ? STRACE_BUF : len;
    const char *p = user_ptr(addr, show, false);

    if (!p || !addr) {
        snprintf(buf, n, "0x%llx", (unsigned long long)addr);
        return;
    }
    quote(buf, n, p, show, len > show);
}

/* Pointers with all their digits, as qemu prints them. */
static const char *ptr_format(void)
{
    return user_abi->long_size == 8 ? "0x%016llx" : "0x%08llx";
}

void strace_call(const char *name, const char *fmt, const uint64_t *a)
{
    char line[1024], arg[300];
    int len = snprintf(line, sizeof(line), "%d %s(", (int)getpid(), name);
    int ai = 0;
    uint32_t open_flags = 0;

    for (const char *f = fmt; *f && ai < 6; f++) {
        uint64_t v = a[ai];
        int32_t sv = (int32_t)v;
        switch (*f) {
        case 'm':
            /* The mode of open: only when the flags create a file. */
            if (!(open_flags & (O_CREAT | 020000000))) {
                ai++;
                continue;
            }
            snprintf(arg, sizeof(arg), "0%llo", (unsigned long long)v);
            break;
        case 'B':
            print_buffer(arg, sizeof(arg), v, ai + 1 < 6 ? a[ai + 1] : 0);
            break;
        case 'A':
            print_flags(arg, sizeof(arg), (uint32_t)v, at_names, NULL);
            break;
        case 'X':
            if ((uint32_t)v == 0x7ff)
                snprintf(arg, sizeof(arg), "STATX_BASIC_STATS");
            else
                print_flags(arg, sizeof(arg), (uint32_t)v, statx_names, NULL);
            break;
        case 'C':
            if (v < ARRAY_SIZE(clock_names) && clock_names[v])
                snprintf(arg, sizeof(arg), "%s", clock_names[v]);
            else
                snprintf(arg, sizeof(arg), "%d", sv);
            break;
        case 'I': {
            const char *nm = NULL;
            for (size_t i = 0; i < ARRAY_SIZE(ioctl_names); i++)
                if (ioctl_names[i].nr == (uint32_t)v)
                    nm = ioctl_names[i].name;
            if (nm)
                snprintf(arg, sizeof(arg), "%s", nm);
            else
                snprintf(arg, sizeof(arg), "0x%llx", (unsigned long long)v);
            break;
        }
        case 'F': {
            const char *nm = fcntl_name((uint32_t)v);
            if (nm)
                snprintf(arg, sizeof(arg), "%s", nm);
            else
                snprintf(arg, sizeof(arg), "%d", sv);
            break;
        }
        case 'd': snprintf(arg, sizeof(arg), "%lld", (long long)abi_slong(v)); break;
        case 'u': snprintf(arg, sizeof(arg), "%llu", (unsigned long long)v); break;
        case 'x':
            snprintf(arg, sizeof(arg), "0x%llx", (unsigned long long)v); break;
        case 'p':
            if (v == 0)
                snprintf(arg, sizeof(arg), "NULL");
            else
                snprintf(arg, sizeof(arg), ptr_format(), (unsigned long long)v);
            break;
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
            open_flags = host;
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
        case 'S': {
            /* Guest signal number -> the host's name for it. */
            int hs = abi_signal_to_host(sv);
            const char *nm = hs > 0 ? sigabbrev_np(hs) : NULL;
            if (nm)
                snprintf(arg, sizeof(arg), "SIG%s", nm);
            else if (hs >= SIGRTMIN && hs <= SIGRTMAX)
                snprintf(arg, sizeof(arg), "SIGRTMIN+%d", hs - SIGRTMIN);
            else
                snprintf(arg, sizeof(arg), "%d", sv);
            break;
        }
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
        log_printf(" = ");
        log_printf(ptr_format(), (unsigned long long)r);
        log_printf("\n");
    } else if (fmt == 'o') {
        log_printf(" = 0%llo\n", (unsigned long long)r);
    } else {
        log_printf(" = %lld\n", (long long)r);
    }
}
