/*
 * MIPS synchronous signals and frames: SIGFPE from integer overflow,
 * conditional traps and BREAK codes 6/7, and an enabled FPU exception
 * (si_code, si_addr, the frame's PC and FCSR); SIGTRAP from TGE and
 * BREAK; SIGBUS from a misaligned LL; SIGSEGV with si_addr; a handler
 * that edits the frame (PC and a register) and returns through
 * sigreturn; a fault in a delay slot (the frame's PC is the branch, which
 * runs again after the handler); the o32 non-SA_SIGINFO frame (a2 = struct sigcontext);
 * signals of the second sigset word (33..64) and above 64 (dispositions
 * and mask bits), and the MIPS stack_t.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "check.h"

static sigjmp_buf env;
static volatile int got_sig, got_code;
static volatile uintptr_t got_addr, got_pc;
static volatile uint32_t got_fcsr;

static void jump_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    got_pc = (uintptr_t)uc->uc_mcontext.pc;
    got_fcsr = uc->uc_mcontext.fpc_csr;
    siglongjmp(env, 1);
}

static void set(int sig, void *h, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* Runs the labelled instruction in ASM; the handler records what came. */
#define FAULT(label, asm_text)                                           \
    do {                                                                 \
        got_sig = got_code = 0;                                          \
        got_addr = got_pc = 0;                                           \
        if (sigsetjmp(env, 1) == 0) {                                    \
            __asm__ volatile(".set push\n.set noreorder\n" asm_text      \
                             "\n.set pop\n" ::: "memory", "$8", "$9");   \
            CHECK_TRUE("no signal at " #label, 0);                       \
        }                                                                \
    } while (0)

extern char ov_insn[], teq_insn[], tge_insn[], brk6_insn[], brk_insn[],
    fpe_insn[], segv_insn[], skip_insn[], ill_insn[], slot_branch[];

/* The frame edited by the handler: skip the faulting load, set $8. */
static void skip_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uc->uc_mcontext.pc += 4;
    uc->uc_mcontext.gregs[8] = 0x1234;
}

/* A fault in a delay slot: the frame's PC is the branch; the handler
 * points $8 at valid memory and returns, and the branch runs again. */
static volatile uintptr_t slot_pc;
static uint32_t slot_word = 0x5a5a;
static void slot_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    slot_pc = (uintptr_t)uc->uc_mcontext.pc;
    uc->uc_mcontext.gregs[8] = (uintptr_t)&slot_word;
}

static volatile uintptr_t plain_pc;
#if _MIPS_SIM == _ABIO32
/* o32 without SA_SIGINFO: a2 points at the struct sigcontext. */
static void plain_handler(int sig, int code, struct sigcontext *sc)
{
    plain_pc = (uintptr_t)sc->sc_pc;
    sc->sc_pc += 4;
}
#else
/* n64 always has the rt frame: a2 points at the ucontext. */
static void plain_handler(int sig, siginfo_t *si, ucontext_t *uc)
{
    plain_pc = (uintptr_t)uc->uc_mcontext.pc;
    uc->uc_mcontext.pc += 4;
}
#endif

static volatile int rt_count, rt_code;
static void rt_handler(int sig, siginfo_t *si, void *uc)
{
    rt_count++;
    rt_code = si->si_code;
}

static char altstack[16384];
static volatile uintptr_t alt_sp, alt_size;
static volatile int alt_flags;
static void alt_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    stack_t cur;
    alt_sp = (uintptr_t)uc->uc_stack.ss_sp;
    alt_size = uc->uc_stack.ss_size;
    sigaltstack(NULL, &cur);
    alt_flags = cur.ss_flags;
}

int main(void)
{
    set(SIGFPE, jump_handler, SA_SIGINFO);
    set(SIGTRAP, jump_handler, SA_SIGINFO);
    set(SIGBUS, jump_handler, SA_SIGINFO);
    set(SIGSEGV, jump_handler, SA_SIGINFO);

    FAULT(ov, "li $8, 0x7fffffff\n.globl ov_insn\nov_insn: add $9, $8, $8\nnop");
    CHECK("overflow signal", got_sig, SIGFPE);
    CHECK("overflow si_code", got_code, FPE_INTOVF);
    CHECK("overflow si_addr", got_addr, (uintptr_t)ov_insn);
    CHECK("overflow frame pc", got_pc, (uintptr_t)ov_insn);

    FAULT(teq, ".globl teq_insn\nteq_insn: teq $0, $0, 7\nnop");
    CHECK("teq 7 signal", got_sig, SIGFPE);
    CHECK("teq 7 si_code", got_code, FPE_INTDIV);
    CHECK("teq 7 si_addr", got_addr, (uintptr_t)teq_insn);

    FAULT(brk6, ".globl brk6_insn\nbrk6_insn: break 6\nnop");
    CHECK("break 6 signal", got_sig, SIGFPE);
    CHECK("break 6 si_code", got_code, FPE_INTOVF);
    CHECK("break 6 frame pc", got_pc, (uintptr_t)brk6_insn);

    FAULT(tge, ".globl tge_insn\ntge_insn: tge $0, $0\nnop");
    CHECK("tge signal", got_sig, SIGTRAP);
    CHECK("tge si_code", got_code, SI_KERNEL);
    CHECK("tge frame pc", got_pc, (uintptr_t)tge_insn);

    FAULT(brk, ".globl brk_insn\nbrk_insn: break\nnop");
    CHECK("break signal", got_sig, SIGTRAP);
    CHECK("break si_code", got_code, TRAP_BRKPT);
    CHECK("break frame pc", got_pc, (uintptr_t)brk_insn);

    /* FCSR.Enables.Z, then 1.0 / 0.0: SIGFPE before the result is
     * written, the cause bit cleared in the saved FCSR as the kernel does */
    FAULT(fpe, "li $8, 0x400\nctc1 $8, $31\n"
               "li $8, 0x3f800000\nmtc1 $8, $f0\nmtc1 $0, $f2\n"
               ".globl fpe_insn\nfpe_insn: div.s $f4, $f0, $f2\nnop");
    CHECK("fpu signal", got_sig, SIGFPE);
    CHECK("fpu si_code", got_code, FPE_FLTDIV);
    CHECK("fpu si_addr", got_addr, (uintptr_t)fpe_insn);
    CHECK("fpu frame fcsr", got_fcsr & 0x3ffff, 0x400);
    __asm__ volatile("ctc1 $0, $31");

    /* LL at an odd address: SIGBUS BUS_ADRALN with the address */
    static uint32_t words[2];
    uintptr_t odd = (uintptr_t)words + 2;
    got_sig = 0;
    if (sigsetjmp(env, 1) == 0) {
        __asm__ volatile("ll $8, 0(%0)" :: "r"(odd) : "$8", "memory");
        CHECK_TRUE("no SIGBUS?", 0);
    }
    CHECK("ll signal", got_sig, SIGBUS);
    CHECK("ll si_code", got_code, BUS_ADRALN);
    CHECK("ll si_addr", got_addr, odd);

    FAULT(segv, "li $8, 0x1000\n.globl segv_insn\nsegv_insn: lw $9, 4($8)\nnop");
    CHECK("segv signal", got_sig, SIGSEGV);
    CHECK("segv si_code", got_code, SEGV_MAPERR);
    CHECK("segv si_addr", got_addr, 0x1004);
    CHECK("segv frame pc", got_pc, (uintptr_t)segv_insn);

    /* A handler edits the frame: sigreturn resumes after the load with
     * the register it wrote. */
    set(SIGSEGV, skip_handler, SA_SIGINFO);
    long r8;
    __asm__ volatile(".set push\n.set noreorder\nli $8, 0x10\n"
                     ".globl skip_insn\nskip_insn: lw $8, 0($8)\nnop\n"
                     "move %0, $8\n.set pop" : "=r"(r8) :: "$8", "memory");
    CHECK("edited frame: register", r8, 0x1234);

    set(SIGSEGV, slot_handler, SA_SIGINFO);
    long slot_val, taken;
    __asm__ volatile(".set push\n.set noreorder\nli $8, 0x20\nli %1, 0\n"
                     ".globl slot_branch\nslot_branch: beq $0, $0, 1f\n"
                     "lw %0, 0($8)\nnop\nli %1, 2\n1: addiu %1, %1, 1\n"
                     ".set pop" : "=&r"(slot_val), "=&r"(taken) :: "$8", "memory");
    CHECK("delay slot: frame pc is the branch", slot_pc, (uintptr_t)slot_branch);
    CHECK("delay slot: load after return", slot_val, 0x5a5a);
    CHECK("delay slot: branch taken once", taken, 1);

    /* the frame of a handler without SA_SIGINFO */
    set(SIGILL, plain_handler, 0);
    __asm__ volatile(".globl ill_insn\nill_insn: .word 0xec000000\nnop");
    CHECK("plain frame pc", plain_pc, (uintptr_t)ill_insn);

    /* A signal of the second sigset word: blocked, pending, delivered */
    int rts = SIGRTMIN + 1;
    sigset_t s, old, cur;
    set(rts, rt_handler, SA_SIGINFO);
    sigemptyset(&s);
    sigaddset(&s, rts);
    sigprocmask(SIG_BLOCK, &s, &old);
    sigprocmask(SIG_SETMASK, NULL, &cur);
    CHECK("rt signal number above 32", rts > 32, 1);
    CHECK("rt signal blocked", sigismember(&cur, rts), 1);
    CHECK("neighbour not blocked", sigismember(&cur, rts + 1), 0);
    raise(rts);
    CHECK("blocked: not yet", rt_count, 0);
    sigset_t pend;
    sigpending(&pend);
    CHECK("rt signal pending", sigismember(&pend, rts), 1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    CHECK("rt signal delivered", rt_count, 1);
    CHECK("rt signal si_code", rt_code, SI_TKILL);

    /* Signals above 64 (MIPS has 128): a disposition and mask bits that
     * read back, and the full set of the sigset survives a round trip. */
    struct sigaction hi, hi_old;
    memset(&hi, 0, sizeof(hi));
    hi.sa_sigaction = rt_handler;
    hi.sa_flags = SA_SIGINFO;
    CHECK("sigaction SIGRTMAX", sigaction(SIGRTMAX, &hi, NULL), 0);
    CHECK("sigaction SIGRTMAX readback", sigaction(SIGRTMAX, NULL, &hi_old), 0);
    CHECK_TRUE("SIGRTMAX handler", hi_old.sa_sigaction == rt_handler);
    sigemptyset(&s);
    sigaddset(&s, SIGRTMAX);
    sigaddset(&s, 100);
    sigprocmask(SIG_BLOCK, &s, &old);
    sigprocmask(SIG_SETMASK, NULL, &cur);
    CHECK("SIGRTMAX blocked", sigismember(&cur, SIGRTMAX), 1);
    CHECK("signal 100 blocked", sigismember(&cur, 100), 1);
    CHECK("signal 99 not blocked", sigismember(&cur, 99), 0);
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigprocmask(SIG_SETMASK, NULL, &cur);
    CHECK("SIGRTMAX unblocked", sigismember(&cur, SIGRTMAX), 0);

    /* stack_t is { ss_sp, ss_size, ss_flags } */
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, o;
    CHECK("sigaltstack", sigaltstack(&ss, NULL), 0);
    sigaltstack(NULL, &o);
    CHECK("sigaltstack size", o.ss_size, sizeof(altstack));
    CHECK("sigaltstack flags", o.ss_flags, 0);
    set(SIGUSR1, alt_handler, SA_SIGINFO | SA_ONSTACK);
    raise(SIGUSR1);
    CHECK("uc_stack sp", alt_sp, (uintptr_t)altstack);
    CHECK("uc_stack size", alt_size, sizeof(altstack));
    CHECK("on the altstack", alt_flags, SS_ONSTACK);
    return check_done("sig_mips");
}
