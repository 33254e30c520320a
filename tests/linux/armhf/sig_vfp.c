/*
 * The VFP state in ARM signal frames (built hard-float: kemu runs it on
 * a model with VFPv3-D32).  The handler finds the kernel's vfp_sigframe
 * in uc_regspace (magic 0x56465001, size 288, d0-d31, fpscr at 264, fpexc
 * at 272 with EN set, fpinst/fpinst2, then a zero end marker), then
 * clobbers d8, d20 and FPSCR's rounding mode in its registers and writes a
 * new value for d9 into the frame: after sigreturn the interrupted code
 * has its own d8, d20 and FPSCR back and the frame's d9.  A frame whose
 * magic the handler destroys makes sigreturn kill with SIGSEGV.  The
 * same restore happens for a handler without SA_SIGINFO (sigreturn of
 * the old frame).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "check.h"

static uint32_t ld32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint64_t ld64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static volatile uint32_t seen_magic, seen_size, seen_fpscr, seen_fpexc,
    seen_fpinst, seen_end;
static volatile uint64_t seen_d8, seen_d20, seen_d31;
static volatile int break_frame;

static void handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    unsigned char *vfp = (unsigned char *)uc->uc_regspace;

    seen_magic = ld32(vfp);
    seen_size = ld32(vfp + 4);
    seen_d8 = ld64(vfp + 8 + 8 * 8);
    seen_d20 = ld64(vfp + 8 + 8 * 20);
    seen_d31 = ld64(vfp + 8 + 8 * 31);
    seen_fpscr = ld32(vfp + 264);
    seen_fpexc = ld32(vfp + 272);
    seen_fpinst = ld32(vfp + 276) | ld32(vfp + 280);
    seen_end = ld32(vfp + 288);

    /* New d9 through the frame. */
    uint64_t d9 = 0x1122334455667788ull;
    memcpy(vfp + 8 + 8 * 9, &d9, 8);
    if (break_frame)
        memset(vfp, 0, 4);

    /* Clobber live registers: sigreturn must restore them. */
    uint32_t rz = 3u << 22;
    __asm__ volatile("vmov d8, %1, %1\n\t"
                     "vmov d20, %1, %1\n\t"
                     "vmsr fpscr, %0"
                     : : "r"(rz), "r"(0) : "d8", "d20", "memory");
}

/* A handler without SA_SIGINFO gets the old-style frame, which holds
 * the same VFP state: its clobbers must not survive either. */
static volatile int plain_ran;
static void plain_handler(int sig)
{
    uint32_t rz = 2u << 22;
    __asm__ volatile("vmov d8, %1, %1\n\t"
                     "vmov d9, %1, %1\n\t"
                     "vmov d20, %1, %1\n\t"
                     "vmov d31, %1, %1\n\t"
                     "vmsr fpscr, %0"
                     : : "r"(rz), "r"(0x5555) : "d8", "d9", "d20", "d31",
                       "memory");
    plain_ran = 1;
}

/* Set d8, d9, d20, d31 and FPSCR, send SIGUSR1 to ourselves with a raw
 * kill, read the registers back. */
static void run(uint64_t out[4], uint32_t *fpscr_out)
{
    uint64_t v[4] = { 0x0123456789abcdefull, 0xdeadbeefcafef00dull,
                      0x400921fb54442d18ull, 0xfedcba9876543210ull };
    uint32_t f = 1u << 22;          /* round towards plus infinity */

    __asm__ volatile(
        "vldr d8, [%[v]]\n\t"
        "vldr d9, [%[v], #8]\n\t"
        "vldr d20, [%[v], #16]\n\t"
        "vldr d31, [%[v], #24]\n\t"
        "vmsr fpscr, %[f]\n\t"
        "mov r0, %[pid]\n\t"
        "mov r1, %[sig]\n\t"
        "mov r7, %[nr]\n\t"
        "svc 0\n\t"
        "vstr d8, [%[v]]\n\t"
        "vstr d9, [%[v], #8]\n\t"
        "vstr d20, [%[v], #16]\n\t"
        "vstr d31, [%[v], #24]\n\t"
        "vmrs %[f], fpscr\n\t"
        : [f] "+r"(f)
        : [v] "r"(v), [pid] "r"(getpid()), [sig] "r"(SIGUSR1),
          [nr] "r"(SYS_kill)
        : "r0", "r1", "r7", "d8", "d9", "d20", "d31", "memory");
    memcpy(out, v, sizeof(v));
    *fpscr_out = f;
}

int main(void)
{
    struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };
    sigaction(SIGUSR1, &sa, NULL);

    uint64_t out[4];
    uint32_t fpscr;
    run(out, &fpscr);
    CHECK("frame magic", seen_magic, 0x56465001);
    CHECK("frame size", seen_size, 288);
    CHECK("frame d8", seen_d8, 0x0123456789abcdefull);
    CHECK("frame d20", seen_d20, 0x400921fb54442d18ull);
    CHECK("frame d31", seen_d31, 0xfedcba9876543210ull);
    CHECK("frame fpscr rounding", seen_fpscr & (3u << 22), 1u << 22);
    CHECK("frame fpexc EN", seen_fpexc & (1u << 30), 1u << 30);
    CHECK("frame fpinst/fpinst2", seen_fpinst, 0);
    CHECK("end marker after the frame", seen_end, 0);
    CHECK("d8 restored", out[0], 0x0123456789abcdefull);
    CHECK("d9 from the frame", out[1], 0x1122334455667788ull);
    CHECK("d20 restored", out[2], 0x400921fb54442d18ull);
    CHECK("d31 kept", out[3], 0xfedcba9876543210ull);
    CHECK("fpscr rounding restored", fpscr & (3u << 22), 1u << 22);

    struct sigaction plain = { .sa_handler = plain_handler };
    sigaction(SIGUSR1, &plain, NULL);
    run(out, &fpscr);
    CHECK("plain handler ran", plain_ran, 1);
    CHECK("plain: d8 restored", out[0], 0x0123456789abcdefull);
    CHECK("plain: d9 restored", out[1], 0xdeadbeefcafef00dull);
    CHECK("plain: d20 restored", out[2], 0x400921fb54442d18ull);
    CHECK("plain: d31 restored", out[3], 0xfedcba9876543210ull);
    CHECK("plain: fpscr rounding restored", fpscr & (3u << 22), 1u << 22);
    sigaction(SIGUSR1, &sa, NULL);

    /* A destroyed VFP magic is a bad frame: SIGSEGV. */
    pid_t pid = fork();
    if (pid == 0) {
        break_frame = 1;
        run(out, &fpscr);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    CHECK_TRUE("bad VFP frame kills", WIFSIGNALED(st));
    CHECK("  with SIGSEGV", WIFSIGNALED(st) ? WTERMSIG(st) : 0, SIGSEGV);
    return check_done("sig_vfp");
}
