/*
 * Checking helpers shared by the ARM guest programs.  Every check prints
 * one line ("ok WHAT" or "FAIL WHAT: got ... want ..."), and check_done()
 * prints the closing line "NAME: N checks, all passed" or
 * "NAME: N checks, F FAILED" and returns the exit status (0 only when
 * everything matched).  Output must be deterministic: the runner compares
 * it between engines.
 */
#ifndef KEMU_TEST_CHECK_H
#define KEMU_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int check_count, check_failed;

static void __attribute__((unused))
check_u64(const char *what, uint64_t got, uint64_t want)
{
    check_count++;
    if (got == want) {
        printf("ok %s = 0x%llx\n", what, (unsigned long long)got);
    } else {
        check_failed++;
        printf("FAIL %s: got 0x%llx want 0x%llx\n", what,
               (unsigned long long)got, (unsigned long long)want);
    }
}

static void __attribute__((unused))
check_str(const char *what, const char *got, const char *want)
{
    check_count++;
    if (strcmp(got, want) == 0) {
        printf("ok %s = \"%s\"\n", what, got);
    } else {
        check_failed++;
        printf("FAIL %s: got \"%s\" want \"%s\"\n", what, got, want);
    }
}

static void __attribute__((unused))
check_true(const char *what, int cond)
{
    check_count++;
    if (cond) {
        printf("ok %s\n", what);
    } else {
        check_failed++;
        printf("FAIL %s\n", what);
    }
}

#define CHECK(what, got, want) check_u64(what, (uint64_t)(got), (uint64_t)(want))
#define CHECK_STR(what, got, want) check_str(what, got, want)
#define CHECK_TRUE(what, cond) check_true(what, (cond) != 0)

/* A formatted name for one check, e.g. CHECKF(got, want, "add %d", i). */
#define CHECKF(got, want, ...) do {                                     \
        char check_name_[128];                                           \
        snprintf(check_name_, sizeof check_name_, __VA_ARGS__);          \
        check_u64(check_name_, (uint64_t)(got), (uint64_t)(want));       \
    } while (0)

/*
 * Values derived from a native build of the same portable C on the host.
 * A test calls EXPECT_HOST(what, got) in a fixed order and ends with a
 * table between the "host-expect" markers:
 *     HOST_EXPECT_TABLE = {
 *     ... one value per EXPECT_HOST call, in order ...
 *     };
 * tests/guest/gen-expect.sh FILE.c builds FILE.c natively with
 * -DHOST_GEN (EXPECT_HOST then prints each value on stderr) and rewrites
 * the table.  The guest build compares against the table.
 */
#define HOST_EXPECT_TABLE const uint64_t host_want[]
extern const uint64_t host_want[] __attribute__((weak));
static unsigned host_idx;

static void __attribute__((unused)) expect_host(const char *what, uint64_t got)
{
#ifdef HOST_GEN
    fprintf(stderr, "EXPECT 0x%llxull, /* %s */\n", (unsigned long long)got, what);
#else
    check_u64(what, got, host_want[host_idx]);
#endif
    host_idx++;
}
#define EXPECT_HOST(what, got) expect_host(what, (uint64_t)(got))
#define EXPECT_HOSTF(got, ...) do {                                      \
        char expect_name_[128];                                          \
        snprintf(expect_name_, sizeof expect_name_, __VA_ARGS__);        \
        expect_host(expect_name_, (uint64_t)(got));                      \
    } while (0)

static int __attribute__((unused)) check_done(const char *name)
{
    if (check_failed)
        printf("%s: %d checks, %d FAILED\n", name, check_count, check_failed);
    else
        printf("%s: %d checks, all passed\n", name, check_count);
    fflush(stdout);
    return check_failed ? 1 : (check_count ? 0 : 1);
}

#endif
