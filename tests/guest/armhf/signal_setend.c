/*
 * A signal that arrives while the program runs with big-endian data
 * (SETEND BE, CPSR.E = 1): Linux starts the handler with CPSR.E clear
 * (and the condition flags cleared), and sigreturn brings back the
 * interrupted code's E bit, so its loads stay big-endian afterwards.
 * Built -marm: the kill() system call is issued inline through r7 while
 * E is set, so no library code runs with big-endian data.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "check.h"

static volatile uint32_t word = 0x11223344;
static volatile uint32_t seen_in_handler;
static volatile uint32_t cpsr_in_handler;

static void on_usr1(int sig)
{
    uint32_t cpsr;
    __asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
    cpsr_in_handler = cpsr;
    seen_in_handler = word;
}

int main(void)
{
    uint32_t after, cpsr_after, kill_ret;

    signal(SIGUSR1, on_usr1);
    register uint32_t r0 __asm__("r0") = (uint32_t)getpid();
    register uint32_t r1 __asm__("r1") = SIGUSR1;
    register uint32_t r7 __asm__("r7") = 37;          /* kill */
    __asm__ volatile(
        "cmp r0, r0\n\t"               /* Z set before the signal */
        "setend be\n\t"
        "svc 0\n\t"
        "ldr %[after], [%[w]]\n\t"
        "mrs %[cpsr], cpsr\n\t"
        "setend le\n\t"
        "mov %[ret], r0\n\t"
        : [after] "=&r"(after), [cpsr] "=&r"(cpsr_after),
          [ret] "=&r"(kill_ret), "+r"(r0)
        : [w] "r"(&word), "r"(r1), "r"(r7)
        : "memory", "cc");

    CHECK("handler ran with little-endian data", seen_in_handler, 0x11223344);
    CHECK("handler CPSR.E", (cpsr_in_handler >> 9) & 1, 0);
    CHECK("load after sigreturn is big-endian", after, 0x44332211);
    CHECK("CPSR.E restored by sigreturn", (cpsr_after >> 9) & 1, 1);
    CHECK("flags restored by sigreturn (Z)", (cpsr_after >> 30) & 1, 1);
    CHECK("kill result", kill_ret, 0);
    return check_done("signal_setend");
}
