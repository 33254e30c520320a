/*
 * FPU register modes.  Status.FR follows the program's FP ABI (the
 * .MIPS.abiflags section): o32 FP32 and FPXX programs run with FR = 0,
 * where a double lives in an even/odd register pair (the odd register
 * holds the high word, MFHC1/MTHC1 reach it through the even one, and an
 * odd register in a 64-bit operation is a reserved instruction); o32
 * FP64 programs and every n64 program run with FR = 1, 32 independent
 * 64-bit registers.  This file is built in each mode (fpregs_fp32.c and
 * fpregs_fp64.c include it with other compiler flags).
 */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#if _MIPS_SIM == _ABI64 || __mips_fpr == 64
#define FR1 1
#else
#define FR1 0
#endif

#if FR1
#define FP_MODE ".set fp=64\n\t"
#else
#define FP_MODE ".set fp=32\n\t"
#endif

static const uint64_t val = 0x1122334455667788ull;

/* Run f in a child; return its termination signal (0: exited 0). */
static int child_signal(void (*f)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        f();
        _exit(0);
    }
    int st;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    if (WIFSIGNALED(st))
        return WTERMSIG(st);
    return WEXITSTATUS(st) ? 100 + WEXITSTATUS(st) : 0;
}

/* add.d $f4, $f1, $f2: an odd double register. */
static void odd_double(void)
{
    __asm__ volatile(".word 0x46220900" ::: "$f4", "$f5");
}

int main(void)
{
    uint32_t lo, hi, odd, h2;
    uint64_t back;

    /* Load a double into $f0 and look at its words. */
    __asm__ volatile(".set push\n\t" FP_MODE
                     "mtc1 %4, $f1\n\t"
                     "ldc1 $f0, 0(%5)\n\t"
                     "mfc1 %0, $f0\n\t"
                     "mfhc1 %1, $f0\n\t"
                     "mfc1 %2, $f1\n\t"
                     ".set pop"
                     : "=r"(lo), "=r"(hi), "=r"(odd), "=m"(h2)
                     : "r"(0xdeadbeefu), "r"(&val), "m"(val)
                     : "$f0", "$f1");
    CHECK("ldc1 then mfc1 $f0 (low word)", lo, 0x55667788u);
    CHECK("ldc1 then mfhc1 $f0 (high word)", hi, 0x11223344u);
    /* FR = 0: $f1 is the high half of the pair; FR = 1: untouched. */
    CHECK("mfc1 $f1 after ldc1 $f0", odd, FR1 ? 0xdeadbeefu : 0x11223344u);

    /* MTHC1 writes the high word of $f2's double; MTC1 $f3 too in FR = 0
     * (in FR = 1 it is a separate register). */
    __asm__ volatile(".set push\n\t" FP_MODE
                     "mtc1 %1, $f2\n\t"
                     "mthc1 %2, $f2\n\t"
                     "mtc1 %3, $f3\n\t"
                     "sdc1 $f2, 0(%0)\n\t"
                     ".set pop"
                     :: "r"(&back), "r"(0xaaaa5555u), "r"(0x12345678u),
                        "r"(0x0badf00du)
                     : "$f2", "$f3", "memory");
    CHECK("mtc1+mthc1+mtc1 $f3 then sdc1 $f2", back,
          FR1 ? 0x12345678aaaa5555ull : 0x0badf00daaaa5555ull);

    if (FR1) {
        /* 64-bit values in odd registers. */
        uint64_t in = 0x0102030405060708ull, out = 0;
        __asm__ volatile(".set push\n\t" FP_MODE
                         "ldc1 $f5, 0(%1)\n\t"
                         "add.d $f7, $f5, $f5\n\t"
                         "mfhc1 %0, $f5\n\t"
                         "sdc1 $f5, 0(%2)\n\t"
                         ".set pop"
                         : "=r"(h2) : "r"(&in), "r"(&out), "m"(in)
                         : "$f5", "$f7", "memory");
        CHECK("ldc1/sdc1 $f5", out, in);
        CHECK("mfhc1 $f5", h2, 0x01020304u);
        CHECK("add.d on an odd register", child_signal(odd_double), 0);
    } else {
        /* A 64-bit operation on an odd register is reserved. */
        CHECK("add.d on an odd register", child_signal(odd_double), SIGILL);
    }
    return check_done(FR1 ? "fpregs FR=1" : "fpregs FR=0");
}
