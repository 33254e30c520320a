/*
 * Unit tests of the ISA devices (src/system/devices/) driven through
 * their port functions with a simulated clock: each test is a function
 * that records failures with CHECK; main writes one PASS/FAIL line per
 * test to the result file.
 */
#ifndef KEMU_TESTS_UNIT_DEVICES_DEVTEST_H
#define KEMU_TESTS_UNIT_DEVICES_DEVTEST_H

#include <stdbool.h>
#include <stdint.h>

void dev_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (!(cond))                                                         \
            dev_fail(__FILE__, __LINE__, __VA_ARGS__);                       \
    } while (0)

struct dev_test {
    const char *name;
    void (*fn)(void);
};

extern const struct dev_test i8254_tests[];
extern const struct dev_test i8042_tests[];

#endif
