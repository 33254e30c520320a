/*
 * ARM instruction-test harness: run a snippet of guest code from a test
 * blob until it stops (BKPT, SVC, a fault, ...) and compare the state with
 * expectations written in the test.  Registers a test does not declare as
 * changed must come out as they went in.
 */
#ifndef ARM_TEST_HARNESS_H
#define ARM_TEST_HARNESS_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"
#include "target/arm/cpu.h"

/* Guest memory the tests use. */
#define CODE_BASE 0x10000u   /* blobs are loaded here, one slot each */
#define BLOB_SLOT 0x8000u
#define DATA_BASE 0x80000u   /* 2 pages, read/write, zeroed per test */
#define STACK_TOP 0x90000u   /* 1 page below it */
#define UNMAPPED 0x70000u    /* never mapped */

struct test_blob {
    const char *name;
    const unsigned char *code;
    unsigned size;
    uint32_t base;           /* filled in at load */
};

struct test_case {
    const char *name;
    void (*fn)(void);
    struct test_case *next;
};
void test_register(struct test_case *t);

#define TEST(name)                                                         \
    static void test_##name(void);                                         \
    static struct test_case tc_##name = { #name, test_##name, 0 };         \
    __attribute__((constructor)) static void reg_##name(void)              \
    {                                                                      \
        test_register(&tc_##name);                                         \
    }                                                                      \
    static void test_##name(void)

extern struct arm_cpu *cpu;

/* Start a test at blob offset off, in ARM or Thumb state. */
void start(struct test_blob *b, uint32_t off, bool thumb);
void setr(int r, uint32_t v);
/* "nZCv": lower case = clear, upper = set; letters N Z C V Q. */
void setflags(const char *f);
void set_mem32(uint32_t addr, uint32_t v);
void set_features(uint64_t features);     /* flushes TBs */
void set_model(const char *name);         /* features of a CPU model */
void set_mem64(uint32_t addr, uint64_t v);
void expect_mem16(uint32_t addr, uint16_t v);
void expect_ge(unsigned ge);
void map_guest(uint32_t start, uint32_t end, int flags);

/* Run; check the exception number. */
void run(int excp);
/* The BKPT that stopped the run carries imm (in ARM or Thumb). */
void expect_bkpt(unsigned imm);
void expect_r(int r, uint32_t v);
void expect_flags(const char *f);
void expect_pc(uint32_t pc);
void expect_thumb(bool thumb);
void expect_mem32(uint32_t addr, uint32_t v);
void expect_mem8(uint32_t addr, uint8_t v);
/* Registers allowed to change without an expected value. */
void clobber(int r);

void check(bool ok, const char *fmt, ...);

#endif
