/*
 * setjmp/longjmp: the return values, callee-saved registers and locals
 * surviving the jump, jumps out of deep recursion, repeated jumps, and
 * sigsetjmp/siglongjmp.
 */
#include <setjmp.h>
#include <signal.h>
#include "check.h"

static jmp_buf env;
static int depth_reached;

static void __attribute__((noinline)) dive(int n)
{
    volatile char pad[64];
    pad[0] = (char)n;
    if (n == 0) {
        depth_reached = 1;
        longjmp(env, 1234);
    }
    dive(n - 1);
    pad[1] = pad[0];
}

static void __attribute__((noinline)) jump_with(int v)
{
    longjmp(env, v);
}

int main(void)
{
    volatile int count = 0;
    int r = setjmp(env);
    if (r == 0) {
        CHECK("setjmp returns 0 first", r, 0);
        dive(1000);
        CHECK_TRUE("not reached", 0);
    }
    CHECK("longjmp value from 1000 frames deep", r, 1234);
    CHECK("recursion reached the bottom", depth_reached, 1);

    r = setjmp(env);
    count++;
    if (count < 5)
        jump_with(count);
    CHECK("jumped back 4 times", count, 5);
    CHECK("last value", r, 4);

    r = setjmp(env);
    if (r == 0)
        jump_with(0);
    CHECK("longjmp(env, 0) returns 1", r, 1);

    /* Callee-saved variables kept in registers across the jump. */
    volatile uint32_t a = 0x11111111u, b = 0x22222222u;
    register uint32_t c = 0x33333333u;
    if (setjmp(env) == 0) {
        a = 0xaaaaaaaau;
        jump_with(7);
    }
    CHECK("volatile local changed before the jump", a, 0xaaaaaaaau);
    CHECK("volatile local untouched", b, 0x22222222u);
    CHECK("register local", c, 0x33333333u);

    static sigjmp_buf senv;
    sigset_t set, now;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    if (sigsetjmp(senv, 1) == 0) {
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        siglongjmp(senv, 2);
    }
    sigprocmask(SIG_BLOCK, NULL, &now);
    CHECK("siglongjmp restores the signal mask", sigismember(&now, SIGUSR1), 1);
    return check_done("setjmp");
}
