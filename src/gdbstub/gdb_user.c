/*
 * The gdbstub in user mode: a blocking loop on one TCP connection, run
 * from the CPU loop's thread.  gdbstub_user_start waits for gdb before
 * the first guest instruction; gdbstub_user_handle_stop reports each stop
 * and serves gdb until it resumes.  Thread ids are host TIDs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine/cpu.h"
#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "gdbstub/gdb_internal.h"
#include "gdbstub/gdbstub.h"
#include "monitor/hmp.h"
#include "target/target.h"
#include "util/error.h"

/* User-mode memory helpers live in the engine; tolerate their absence. */
#pragma weak page_check_range
#pragma weak guest_base
#pragma weak guest_addr_mask
#pragma weak tb_invalidate_range

static struct gdb_session user_session;
static struct cpu_common *user_cpu;
static int user_fd = -1;
static bool resumed;
static int resume_sig;

static int u_ncpus(struct gdb_session *s) { return user_cpu ? 1 : 0; }
static struct cpu_common *u_cpu(struct gdb_session *s, int i) { return i == 0 ? user_cpu : NULL; }
static long u_tid(struct gdb_session *s, int i) { return (long)syscall(SYS_gettid); }

static int u_read_mem(struct cpu_common *cpu, uint64_t addr, uint8_t *buf, size_t len)
{
    if (!page_check_range || !&guest_base || !page_check_range(addr, len, PAGE_READ))
        return -1;
    memcpy(buf, g2h(addr), len);
    return 0;
}

static int u_write_mem(struct cpu_common *cpu, uint64_t addr, const uint8_t *buf, size_t len)
{
    /* gdb may write to read-only code (e.g. its own breakpoints when
     * Z0 is refused): allow any mapped page. */
    if (!page_check_range || !&guest_base || !page_check_range(addr, len, PAGE_VALID))
        return -1;
    memcpy(g2h(addr), buf, len);
    if (tb_invalidate_range)
        tb_invalidate_range(addr, addr + len);
    return 0;
}

static void u_resume(struct gdb_session *s, bool step, int sig)
{
    if (user_cpu)
        user_cpu->single_step = step;
    resumed = true;
    resume_sig = sig < 0 ? 0 : sig;
}

static void u_kill(struct gdb_session *s)
{
    _exit(0);
}

static char *u_monitor(struct gdb_session *s, const char *cmd)
{
    return xstrdup("");
}

static void u_send(struct gdb_session *s, const char *buf, size_t len)
{
    while (len && user_fd >= 0) {
        ssize_t n = send(user_fd, buf, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(user_fd);
            user_fd = -1;
            return;
        }
        buf += n;
        len -= n;
    }
}

static const struct gdb_backend user_backend = {
    .ncpus = u_ncpus, .cpu = u_cpu, .tid = u_tid, .read_mem = u_read_mem,
    .write_mem = u_write_mem, .resume = u_resume, .kill = u_kill,
    .monitor = u_monitor, .send = u_send,
};

/* Serve gdb until it resumes the program (or goes away). */
static void serve(void)
{
    uint8_t buf[4096];

    resumed = false;
    while (!resumed && user_fd >= 0) {
        ssize_t n = read(user_fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            /* gdb left: the program runs on undebugged. */
            close(user_fd);
            user_fd = -1;
            if (user_cpu) {
                gdb_remove_all_breakpoints(&user_session);
                user_cpu->single_step = false;
            }
            return;
        }
        gdb_session_input(&user_session, buf, n);
    }
}

bool gdbstub_user_active(void)
{
    return user_fd >= 0;
}

bool gdbstub_user_start(int port, struct cpu_common *cpu)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port),
                              .sin_addr.s_addr = htonl(INADDR_ANY) };
    int one = 1;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (lfd < 0)
        return false;
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
    if (user_fd < 0)
        return false;
    setsockopt(user_fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one, sizeof(one));
    user_cpu = cpu;
    gdb_session_init(&user_session, &user_backend, cpu->target->name, NULL);
    user_session.be = &user_backend;
    /* user mode reports the process id in multiprocess thread ids */
    static struct gdb_backend be;
    be = user_backend;
    be.pid = getpid();
    user_session.be = &be;
    serve();
    return true;
}

int gdbstub_user_handle_stop(struct cpu_common *cpu, int sig)
{
    char extra[64] = "";

    if (user_fd < 0)
        return sig;
    user_cpu = cpu;
    if (cpu->watch_hit_flags) {
        const char *kind = cpu->watch_hit_flags == 1 ? "rwatch"
                           : cpu->watch_hit_flags == 2 ? "watch" : "awatch";
        snprintf(extra, sizeof(extra), "%s:%llx;", kind,
                 (unsigned long long)cpu->watch_hit_addr);
        cpu->watch_hit_flags = 0;
    }
    gdb_report_stop(&user_session, sig, 0, extra);
    serve();
    /* After a SIGTRAP stop gdb passes 0 unless it wants a signal sent. */
    return resume_sig;
}

void gdbstub_user_exit(int code)
{
    char buf[8];
    if (user_fd < 0)
        return;
    snprintf(buf, sizeof(buf), "W%02x", code & 0xff);
    gdb_send_packet(&user_session, buf);
    close(user_fd);
    user_fd = -1;
}
