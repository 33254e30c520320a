/*
 * prctl(PR_SET_FP_MODE) switches Status.FR while the program runs.  The
 * same function, reached through a computed jump (JALR through a
 * function pointer) before and after the switch, must run under the new
 * mode: with FR = 0, $f1 is the high word of the pair $f0/$f1; with
 * FR = 1 it is a register of its own.  A translation keyed without FR,
 * or a jump cache that ignored it, would keep the FR = 0 behaviour.
 * o32 only (built FPXX, the toolchain default, which runs in either mode).
 */
#include <stdint.h>
#include <sys/prctl.h>
#include "check.h"

#ifndef PR_SET_FP_MODE
#define PR_SET_FP_MODE 45
#define PR_GET_FP_MODE 46
#endif
#define FP_MODE_FR 1

/* Write lo/hi into $f0 as a 64-bit value (MTC1 + MTHC1), then read $f1:
 * hi with FR = 0, $f1's own value with FR = 1. */
static uint32_t __attribute__((noinline)) odd_after_mthc1(uint32_t lo,
                                                           uint32_t hi)
{
    uint32_t out;
    __asm__ volatile(
        ".set push\n\t"
        ".set fp=64\n\t.set oddspreg\n\t"
        ".set hardfloat\n\t"
        "mtc1 %1, $f0\n\t"
        "mthc1 %2, $f0\n\t"
        "mfc1 %0, $f1\n\t"
        ".set pop\n\t"
        : "=r"(out) : "r"(lo), "r"(hi) : "$f0", "$f1");
    return out;
}

static uint32_t (*volatile fn)(uint32_t, uint32_t) = odd_after_mthc1;

int main(void)
{
    CHECK("initial mode", prctl(PR_GET_FP_MODE, 0, 0, 0, 0), 0);
    /* FR = 0: $f1 is the high word written by MTHC1. */
    for (int i = 0; i < 3; i++)
        CHECK("FR=0: $f1 is the high half", fn(0x11111111u, 0x22222222u),
              0x22222222u);
    CHECK("switch to FR=1", prctl(PR_SET_FP_MODE, FP_MODE_FR, 0, 0, 0), 0);
    CHECK("mode after switch", prctl(PR_GET_FP_MODE, 0, 0, 0, 0), FP_MODE_FR);
    /* FR = 1: MTHC1 writes $f0's upper half and $f1 keeps its own value
     * (register contents are unpredictable across the switch, so $f1 is
     * written first). */
    __asm__ volatile(".set push\n\t.set fp=64\n\t.set oddspreg\n\t.set hardfloat\n\t"
                     "mtc1 %0, $f1\n\t.set pop" :: "r"(0x33333333u) : "$f1");
    for (int i = 0; i < 3; i++)
        CHECK("FR=1: $f1 is its own register", fn(0x44444444u, 0x55555555u),
              0x33333333u);
    CHECK("switch back to FR=0", prctl(PR_SET_FP_MODE, 0, 0, 0, 0), 0);
    for (int i = 0; i < 3; i++)
        CHECK("FR=0 again: $f1 is the high half", fn(0x66666666u, 0x77777777u),
              0x77777777u);
    return check_done("fpmode_switch");
}
