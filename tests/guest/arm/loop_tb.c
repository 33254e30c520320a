/*
 * Loops whose body is one translation block (a block that branches back
 * to its own start).  The code generator keeps such a loop's guest
 * registers in host registers across iterations, so these check what
 * must still see exact state:
 *  - a signal arriving while the loop spins: the handler's ucontext holds
 *    the registers of an iteration boundary (r5 == 2 * r4), and registers
 *    the handler changes are the ones the loop goes on with;
 *  - another thread rewriting the loop's code: the spinning thread must
 *    leave the old translation and run the new instruction;
 *  - a loop with loads, stores and conditional instructions whose result
 *    is known.
 */
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>
#include "check.h"

#define NR_cacheflush 0xf0002

static volatile uint32_t seen_r4, seen_r5;
static volatile int hits;

static void on_alarm(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    hits++;
    seen_r4 = uc->uc_mcontext.arm_r4;
    seen_r5 = uc->uc_mcontext.arm_r5;
    /* End the loop exactly 1000 iterations from here. */
    uc->uc_mcontext.arm_r6 = seen_r4 + 1000;
}

static void signal_in_loop(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = { { 0, 0 }, { 0, 20000 } };
    setitimer(ITIMER_REAL, &it, NULL);

    uint32_t r4, r5;
    __asm__ volatile(
        "mov r4, #0\n"
        "mov r5, #0\n"
        "mvn r6, #0\n"
        "1: add r4, r4, #1\n"
        "add r5, r5, #2\n"
        "cmp r4, r6\n"
        "bne 1b\n"
        "mov %0, r4\n"
        "mov %1, r5\n"
        : "=r"(r4), "=r"(r5) : : "r4", "r5", "r6", "cc");
    CHECK("alarm taken once", hits, 1);
    CHECK_TRUE("handler saw r5 == 2 * r4", seen_r5 == 2 * seen_r4);
    CHECK_TRUE("handler saw the loop running", seen_r4 > 0);
    CHECK_TRUE("loop ended 1000 iterations after the handler",
               r4 == seen_r4 + 1000);
    CHECK_TRUE("r5 == 2 * r4 at the end", r5 == 2 * r4);
}

/* A function that spins `add r0, r0, #1; b .-4` until code[0] becomes
 * `bx lr`. */
static uint32_t *spin_code;

static void *rewriter(void *arg)
{
    usleep(50000);
    spin_code[0] = 0xe12fff1eu;                         /* bx lr */
    syscall(NR_cacheflush, (uintptr_t)spin_code, (uintptr_t)spin_code + 8, 0);
    return NULL;
}

static void code_rewritten_by_other_thread(void)
{
    spin_code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap RWX", spin_code != MAP_FAILED);
    spin_code[0] = 0xe2800001u;                         /* add r0, r0, #1 */
    spin_code[1] = 0xeafffffdu;                         /* b spin_code */
    syscall(NR_cacheflush, (uintptr_t)spin_code, (uintptr_t)spin_code + 8, 0);
    pthread_t t;
    pthread_create(&t, NULL, rewriter, NULL);
    alarm(20);              /* a loop that never sees the change dies here */
    uint32_t n = ((uint32_t (*)(uint32_t))spin_code)(0);
    alarm(0);
    pthread_join(t, NULL);
    CHECK_TRUE("spinning thread left the rewritten loop", n > 0);
}

/* Sum of the odd elements, counting the even ones, storing a running
 * total: loads, a store and conditional execution in one block. */
static void memory_loop(void)
{
    static uint32_t data[64], out[64];
    for (int i = 0; i < 64; i++)
        data[i] = (uint32_t)(i * 7 + 3);
    uint32_t sum = 0, evens = 0;
    uint32_t *p = data, *q = out;
    uint32_t n = 64;
    __asm__ volatile(
        "1: ldr r1, [%[p]], #4\n"
        "tst r1, #1\n"
        "addne %[sum], %[sum], r1\n"
        "addeq %[evens], %[evens], #1\n"
        "str %[sum], [%[q]], #4\n"
        "subs %[n], %[n], #1\n"
        "bne 1b\n"
        : [sum] "+r"(sum), [evens] "+r"(evens), [p] "+r"(p), [q] "+r"(q),
          [n] "+r"(n)
        : : "r1", "cc", "memory");
    uint32_t want = 0, want_evens = 0, ok = 1;
    for (int i = 0; i < 64; i++) {
        if (data[i] & 1)
            want += data[i];
        else
            want_evens++;
        ok &= out[i] == want;
    }
    CHECK("sum of odd elements", sum, want);
    CHECK("count of even elements", evens, want_evens);
    CHECK("running totals stored", ok, 1);
}

int main(void)
{
    signal_in_loop();
    code_rewritten_by_other_thread();
    memory_loop();
    return check_done("loop_tb");
}
