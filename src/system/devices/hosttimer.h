/*
 * A one-shot timer on host CLOCK_MONOTONIC for devices that must act at
 * a moment rather than when the guest next touches them (the PIT's
 * interrupt edges).  One helper thread per timer sleeps on a condition
 * variable until the armed deadline and then calls the device's
 * function on that thread; it never spins.
 */
#ifndef KEMU_SYSTEM_DEVICES_HOSTTIMER_H
#define KEMU_SYSTEM_DEVICES_HOSTTIMER_H

#include <stdint.h>

struct hosttimer;

struct hosttimer *hosttimer_new(void (*fn)(void *opaque), void *opaque);
/* Call fn once at host nanosecond ns (CLOCK_MONOTONIC); replaces the
 * previous deadline.  ns 0 disarms. */
void hosttimer_arm(struct hosttimer *t, int64_t ns);
/* CLOCK_MONOTONIC in nanoseconds. */
int64_t hosttimer_now(void);

#endif
