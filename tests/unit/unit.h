/*
 * Engine unit tests: a tiny framework and a made-up test target.
 *
 * The test target has eight i32 registers, four i64 registers and a PC,
 * all IR globals.  Its decoder either calls test_builder (tests that build
 * IR directly) or decodes a 4-byte bytecode from guest memory:
 *     [op a b c]  see tests/unit/target.c for the list.
 */
#ifndef KEMU_TESTS_UNIT_H
#define KEMU_TESTS_UNIT_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/cpu.h"
#include "engine/exec.h"
#include "engine/guest_mem.h"
#include "engine/ir.h"

/* ---- Framework ------------------------------------------------------------ */

void unit_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (!(cond))                                                         \
            unit_fail(__FILE__, __LINE__, __VA_ARGS__);                      \
    } while (0)

/* ---- The test target --------------------------------------------------------- */

struct tcpu {
    struct cpu_common common;
    uint32_t r[8];
    uint64_t x[4];
    uint32_t pc;
    uint32_t mode;
    uint64_t restored_extra;   /* second insn_start word seen by restore */
    uint64_t env[4];           /* fields reached with ld_env/st_env */
};

extern ir_t g_r[8], g_x[4], g_pc;
extern struct tcpu *T;              /* the test CPU */
extern void (*test_builder)(struct ir_ctx *c);

#define EXCP_STOP (EXCP_TARGET_BASE + 1)
#define EXCP_HELPER (EXCP_TARGET_BASE + 2)

/* Guest layout used by the tests. */
#define CODE_BASE 0x10000u      /* 16 pages, RWX */
#define CODE_SIZE 0x10000u
#define DATA_BASE 0x100000u     /* 16 pages, RW */
#define DATA_SIZE 0x10000u
#define UNMAPPED 0x200000u

void test_target_setup(size_t code_size);
/* Run from pc until an exception; returns it. */
int run_at(uint32_t pc);
/* Run an IR program built by fn (ends with ir_raise(EXCP_STOP)). */
int run_ir(void (*fn)(struct ir_ctx *c));

/* Bytecode assembly. */
enum {
    BC_MOVI = 1, BC_ADDI, BC_ADD, BC_BNE, BC_B, BC_LD, BC_ST, BC_JR, BC_STOP,
    BC_CHK, BC_MOVHI, BC_STB, BC_MODE,
};
void bc_put(uint32_t addr, uint8_t op, uint8_t a, uint8_t b, uint8_t c);
void bc_movi32(uint32_t addr, uint8_t r, uint32_t v); /* 2 insns */

void test_ops(void);
void test_exec(void);
void test_opt(void);
void test_jcache(void);
void test_lowering(void);
void test_fault_regs(void);
void unit_run(const char *name, void (*fn)(void));

#endif
