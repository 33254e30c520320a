/*
 * The gdbstub in user mode.  gdb talks over one TCP connection.  While
 * the guest is stopped the CPU loop's thread serves gdb itself (blocking
 * reads); while it runs, a small thread watches the socket for gdb's
 * Ctrl-C (a raw 0x03) and asks the CPU to leave guest code, after which
 * the CPU loop calls gdbstub_user_poll() to report the stop.
 *
 * The socket belongs to the CPU thread while the guest is stopped and to
 * the watcher while it runs; `running` (under `lock`) says which.  Only
 * the watcher closes the socket, so it never polls a number that was
 * closed and reused by the guest.
 *
 * Thread ids are host TIDs; the process id is kemu's.  Signals travel in
 * gdb's own numbering and are converted to and from the host's here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "engine/cpu.h"
#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "gdbstub/gdb_internal.h"
#include "gdbstub/gdbstub.h"
#include "target/target.h"
#include "user/syscall.h"
#include "util/error.h"

static struct gdb_session user_session;
static struct gdb_backend user_be;
static struct cpu_common *user_cpu;
static long user_tid;
static int user_fd = -1;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static bool connected;          /* gdb is there (CPU thread clears it) */
static bool running;            /* the guest runs: the watcher owns the fd */
static volatile bool interrupt_pending;

/* Bytes the watcher read while the guest ran, other than Ctrl-C: served
 * first at the next stop. */
static uint8_t stash[GDB_PACKET_MAX];
static size_t stash_len;

/* Set by the backend during serve(). */
static bool resumed, detaching;
static int resume_sig;

/* ---- Signal numbers: host <-> gdb's enum gdb_signal ---------------------- */

static const struct { int host, gdb; } sigmap[] = {
    { SIGHUP, 1 }, { SIGINT, 2 }, { SIGQUIT, 3 }, { SIGILL, 4 },
    { SIGTRAP, 5 }, { SIGABRT, 6 }, { SIGFPE, 8 }, { SIGKILL, 9 },
    { SIGBUS, 10 }, { SIGSEGV, 11 }, { SIGSYS, 12 }, { SIGPIPE, 13 },
    { SIGALRM, 14 }, { SIGTERM, 15 }, { SIGURG, 16 }, { SIGSTOP, 17 },
    { SIGTSTP, 18 }, { SIGCONT, 19 }, { SIGCHLD, 20 }, { SIGTTIN, 21 },
    { SIGTTOU, 22 }, { SIGIO, 23 }, { SIGXCPU, 24 }, { SIGXFSZ, 25 },
    { SIGVTALRM, 26 }, { SIGPROF, 27 }, { SIGWINCH, 28 }, { SIGUSR1, 30 },
    { SIGUSR2, 31 }, { SIGPWR, 32 },
};

static int sig_to_gdb(int host)
{
    for (size_t i = 0; i < sizeof(sigmap) / sizeof(sigmap[0]); i++)
        if (sigmap[i].host == host)
            return sigmap[i].gdb;
    return 143; /* GDB_SIGNAL_UNKNOWN */
}

static int sig_from_gdb(int gdb)
{
    for (size_t i = 0; i < sizeof(sigmap) / sizeof(sigmap[0]); i++)
        if (sigmap[i].gdb == gdb)
            return sigmap[i].host;
    return 0;
}

/* ---- Backend ------------------------------------------------------------- */

static int u_ncpus(struct gdb_session *s) { return user_cpu ? 1 : 0; }
static struct cpu_common *u_cpu(struct gdb_session *s, int i) { return i == 0 ? user_cpu : NULL; }
static long u_tid(struct gdb_session *s, int i) { return user_tid; }

/*
 * Guest memory goes through /proc/self/mem, which, like ptrace, may write
 * pages the guest (or kemu's code-page protection) made read-only: gdb
 * writes to code when it sets variables in .text or patches instructions.
 * Only mapped guest pages are touched.
 */
static int proc_mem(uint64_t addr, void *buf, size_t len, bool write)
{
    if (!page_check_range(addr, len, PAGE_VALID))
        return -1;
    int fd = open("/proc/self/mem", (write ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) {
        /* No /proc: plain access, where the guest itself could make it. */
        if (!page_check_range(addr, len, write ? PAGE_WRITE : PAGE_READ))
            return -1;
        if (write)
            memcpy(g2h(addr), buf, len);
        else
            memcpy(buf, g2h(addr), len);
        return 0;
    }
    off_t off = (off_t)(uintptr_t)g2h(addr);
    ssize_t n = write ? pwrite(fd, buf, len, off) : pread(fd, buf, len, off);
    close(fd);
    return n == (ssize_t)len ? 0 : -1;
}

static int u_read_mem(struct cpu_common *cpu, uint64_t addr, uint8_t *buf, size_t len)
{
    return proc_mem(addr, buf, len, false);
}

static int u_write_mem(struct cpu_common *cpu, uint64_t addr, const uint8_t *buf, size_t len)
{
    if (proc_mem(addr, (void *)buf, len, true) < 0)
        return -1;
    /* Translations of the bytes just written are stale. */
    tb_invalidate_range(addr, addr + len);
    return 0;
}

static void u_resume(struct gdb_session *s, bool step, int sig)
{
    user_cpu->single_step = step;
    resumed = true;
    detaching = sig < 0;
    resume_sig = sig > 0 ? sig_from_gdb(sig) : 0;
}

/* Ctrl-C in the same read as the packet that resumed the guest. */
static void u_interrupt(struct gdb_session *s)
{
    interrupt_pending = true;
    cpu_exit(user_cpu);
}

static void u_kill(struct gdb_session *s)
{
    /* As a debugger's kill would: the process ends by SIGKILL. */
    signal(SIGKILL, SIG_DFL);
    kill(getpid(), SIGKILL);
    _exit(128 + SIGKILL);
}

/* `monitor CMD` in user mode: there is no machine, only the one CPU. */
static char *u_monitor(struct gdb_session *s, const char *cmd)
{
    while (*cmd == ' ')
        cmd++;
    if (!strcmp(cmd, "info registers") && user_cpu->target->dump_state) {
        char *buf = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&buf, &size);
        if (!f)
            fatal("out of memory");
        user_cpu->target->dump_state(user_cpu, f);
        fclose(f);
        return buf;
    }
    if (!strcmp(cmd, "help"))
        return xstrdup("info registers -- show the CPU registers\n"
                       "help -- this text\n");
    char *out;
    if (asprintf(&out, "unknown command: '%s'\n", cmd) < 0)
        fatal("out of memory");
    return out;
}

/*
 * The auxiliary vector on the initial stack: argc, argv[], NULL, envp[],
 * NULL, then (type, value) pairs up to AT_NULL.  Found once, before the
 * first guest instruction, while the stack pointer still points at argc.
 */
static uint64_t auxv_addr, auxv_len;

static uint64_t load_word(const uint8_t *b, int size, bool big_endian)
{
    uint64_t v = 0;
    for (int i = 0; i < size; i++)
        v = v << 8 | b[big_endian ? i : size - 1 - i];
    return v;
}

static bool read_word(uint64_t addr, int size, bool big_endian, uint64_t *v)
{
    uint8_t b[8];
    if (proc_mem(addr, b, size, false) < 0)
        return false;
    *v = load_word(b, size, big_endian);
    return true;
}

static void find_auxv(struct cpu_common *cpu)
{
    const struct target_info *t = cpu->target;
    const struct gdb_arch *a = user_session.arch;
    int w = t->addr_bits / 8;
    uint8_t b[8];
    uint64_t sp, v, argc;

    if (!a || !t->gdb_read_reg || t->gdb_read_reg(cpu, a->sp_regnum, b) != w)
        return;
    sp = load_word(b, w, t->big_endian);
    if (!read_word(sp, w, t->big_endian, &argc) || argc > 1u << 20)
        return;
    uint64_t p = sp + (argc + 2) * w;      /* past argv[] and its NULL */
    for (int n = 0; read_word(p, w, t->big_endian, &v); n++, p += w)
        if (v == 0 || n > 1 << 20)
            break;
    uint64_t start = p += w;
    for (int n = 0; n < 256 && read_word(p, w, t->big_endian, &v); n++) {
        p += 2 * w;
        if (v == 0) {                       /* AT_NULL ends it */
            auxv_addr = start;
            auxv_len = p - start;
            return;
        }
    }
}

static bool u_auxv(struct gdb_session *s, uint64_t *addr, uint64_t *len)
{
    *addr = auxv_addr;
    *len = auxv_len;
    return auxv_len != 0;
}

static bool u_exec_file(struct gdb_session *s, char *buf, size_t size)
{
    char path[PATH_MAX];

    if (!user_state.exe_path || !realpath(user_state.exe_path, path))
        return false;
    snprintf(buf, size, "%s", path);
    return true;
}

static void disconnect(void);

static void u_send(struct gdb_session *s, const char *buf, size_t len)
{
    while (len && connected) {
        ssize_t n = send(user_fd, buf, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            disconnect();
            return;
        }
        buf += n;
        len -= n;
    }
}

/* ---- The watcher thread and the socket's ownership ----------------------- */

/* gdb is gone (or detached): the program runs on undebugged.  CPU thread,
 * guest stopped. */
static void disconnect(void)
{
    if (!connected)
        return;
    gdb_remove_all_breakpoints(&user_session);
    user_cpu->single_step = false;
    pthread_mutex_lock(&lock);
    connected = false;
    shutdown(user_fd, SHUT_RDWR);
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
}

static void *watcher(void *arg)
{
    sigset_t all;

    /* Guest signals are for the CPU thread. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    pthread_mutex_lock(&lock);
    for (;;) {
        while (connected && !running)
            pthread_cond_wait(&cond, &lock);
        if (!connected)
            break;
        pthread_mutex_unlock(&lock);
        struct pollfd p = { .fd = user_fd, .events = POLLIN };
        int r = poll(&p, 1, 200);
        pthread_mutex_lock(&lock);
        if (r <= 0 || !running || !connected)
            continue;
        uint8_t buf[256];
        ssize_t n = recv(user_fd, buf, sizeof(buf), MSG_DONTWAIT);
        if (n == 0) {
            /* gdb left while the guest runs: let the CPU thread find out
             * at the next stop (its read sees the end too). */
            running = false;
            continue;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == 0x03) {
                interrupt_pending = true;
                cpu_exit(user_cpu);
            } else if (stash_len < sizeof(stash)) {
                stash[stash_len++] = buf[i];
            }
        }
    }
    close(user_fd);
    user_fd = -1;
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void set_running(bool on)
{
    pthread_mutex_lock(&lock);
    running = on;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
}

/* Serve gdb until it resumes the program (or goes away).  The guest is
 * stopped and the CPU thread owns the socket. */
static void serve(void)
{
    uint8_t buf[4096];

    set_running(false);
    resumed = false;
    detaching = false;
    resume_sig = 0;
    if (stash_len) {
        size_t n = stash_len;
        memcpy(buf, stash, n);
        stash_len = 0;
        gdb_session_input(&user_session, buf, n);
    }
    while (!resumed && connected) {
        ssize_t n = read(user_fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            disconnect();
            return;
        }
        gdb_session_input(&user_session, buf, n);
    }
    if (detaching)
        disconnect();
    if (connected)
        set_running(true);
}

/* A forked guest process runs undebugged: gdb follows the parent only. */
static void child_after_fork(void)
{
    if (!connected && user_fd < 0)
        return;
    gdb_remove_all_breakpoints(&user_session);
    user_cpu->single_step = false;
    connected = false;
    running = false;
    close(user_fd);
    user_fd = -1;
    pthread_mutex_init(&lock, NULL);
    pthread_cond_init(&cond, NULL);
}

/*
 * A guest execve runs kemu again with the options it was given: drop -g
 * from them, so that programs the debugged one starts (fork + exec) do
 * not wait for a gdb of their own.
 */
static void drop_gdb_option(void)
{
    char **v = user_state.kemu_argv;
    int n = user_state.kemu_argc;

    for (int i = 1; v && i < n; i++) {
        const char *a = v[i];
        if (a[0] != '-')
            continue;
        const char *name = a + 1 + (a[1] == '-');
        if (name[0] != 'g' || (name[1] && name[1] != '='))
            continue;
        int drop = name[1] == '=' || i + 1 >= n ? 1 : 2;
        for (int j = i; j + drop <= n; j++)
            v[j] = v[j + drop];
        n -= drop;
        i--;
    }
    user_state.kemu_argc = n;
}

/* ---- Entry points for the CPU loop --------------------------------------- */

bool gdbstub_user_active(void)
{
    return connected;
}

bool gdbstub_user_start(int port, struct cpu_common *cpu)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port),
                              .sin_addr.s_addr = htonl(INADDR_ANY) };
    int one = 1;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (lfd < 0) {
        error_report("gdbstub: cannot create a socket: %s", strerror(errno));
        return false;
    }
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 1) < 0) {
        error_report("gdbstub: cannot listen on port %d: %s", port, strerror(errno));
        close(lfd);
        return false;
    }
    do
        user_fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    while (user_fd < 0 && errno == EINTR);
    close(lfd);
    if (user_fd < 0) {
        error_report("gdbstub: accept failed: %s", strerror(errno));
        return false;
    }
    setsockopt(user_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));

    drop_gdb_option();
    user_cpu = cpu;
    user_tid = gettid();
    user_be = (struct gdb_backend){
        .ncpus = u_ncpus, .cpu = u_cpu, .tid = u_tid, .pid = getpid(),
        .read_mem = u_read_mem, .write_mem = u_write_mem,
        .resume = u_resume, .interrupt = u_interrupt, .kill = u_kill,
        .monitor = u_monitor,
        .auxv = u_auxv, .exec_file = u_exec_file, .send = u_send,
    };
    gdb_session_init(&user_session, &user_be, cpu->target->name, NULL);
    find_auxv(cpu);
    connected = true;
    running = false;
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&th, &attr, watcher, NULL) != 0)
        fatal("gdbstub: cannot create a thread");
    pthread_attr_destroy(&attr);
    static bool atfork_done;
    if (!atfork_done) {
        pthread_atfork(NULL, NULL, child_after_fork);
        atfork_done = true;
    }
    serve();
    return true;
}

int gdbstub_user_handle_stop(struct cpu_common *cpu, int sig)
{
    char extra[64] = "";

    if (!connected)
        return sig;
    interrupt_pending = false;
    if (cpu->watch_hit_flags && sig == SIGTRAP) {
        gdb_watch_stop_text(&user_session, cpu, extra, sizeof(extra));
        cpu->watch_hit_flags = 0;
    }
    set_running(false);
    gdb_report_stop(&user_session, sig_to_gdb(sig), 0, extra);
    serve();
    return resume_sig;
}

void gdbstub_user_poll(struct cpu_common *cpu)
{
    if (connected && interrupt_pending)
        gdbstub_user_handle_stop(cpu, SIGINT);
}

static void report_end(char kind, int value)
{
    char buf[48];

    if (!connected)
        return;
    set_running(false);
    if (user_session.multiprocess)
        snprintf(buf, sizeof(buf), "%c%02x;process:%lx", kind, value & 0xff,
                 (long)getpid());
    else
        snprintf(buf, sizeof(buf), "%c%02x", kind, value & 0xff);
    gdb_send_packet(&user_session, buf);
}

void gdbstub_user_exit(int code)
{
    report_end('W', code);
}

void gdbstub_user_exit_signal(int sig)
{
    report_end('X', sig_to_gdb(sig));
}
