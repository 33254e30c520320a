/*
 * Self-modifying code, ARM state: writes instructions into an RWX mmap
 * buffer, flushes with the cacheflush syscall (__ARM_NR_cacheflush,
 * 0xf0002), calls it, then overwrites code that already ran, flushes again
 * and checks the new result.  Repeated with many immediates, and with a
 * two-function buffer where only the second is rewritten.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define NR_cacheflush 0xf0002

static void flush(void *start, size_t len)
{
    syscall(NR_cacheflush, (uintptr_t)start, (uintptr_t)start + len, 0);
}

/* mov r0, #imm (imm < 256) */
static uint32_t mov_r0(uint32_t imm) { return 0xe3a00000u | imm; }
/* add r0, r0, #imm */
static uint32_t add_r0(uint32_t imm) { return 0xe2800000u | imm; }
#define BX_LR 0xe12fff1eu

typedef uint32_t (*fn0)(void);
typedef uint32_t (*fn1)(uint32_t);

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap RWX", code != MAP_FAILED);

    code[0] = mov_r0(11);
    code[1] = BX_LR;
    flush(code, 8);
    CHECK("first code", ((fn0)code)(), 11);

    code[0] = mov_r0(99);
    flush(code, 8);
    CHECK("rewritten code", ((fn0)code)(), 99);

    /* The same slot rewritten many times, run in between. */
    uint32_t sum = 0;
    for (uint32_t i = 0; i < 200; i++) {
        code[0] = mov_r0(i & 0xff);
        flush(code, 4);
        sum += ((fn0)code)();
    }
    CHECK("200 rewrites, sum of results", sum, 199 * 200 / 2);

    /* Two functions in one page: a chain of adds, then only the second
     * function changes. */
    code[0] = add_r0(1);
    code[1] = add_r0(2);
    code[2] = BX_LR;
    code[16] = add_r0(100);
    code[17] = BX_LR;
    flush(code, 128);
    CHECK("function A", ((fn1)code)(10), 13);
    CHECK("function B", ((fn1)(code + 16))(10), 110);
    code[16] = add_r0(200);
    flush(code + 16, 4);
    CHECK("function A unchanged", ((fn1)code)(10), 13);
    CHECK("function B rewritten", ((fn1)(code + 16))(10), 210);
    /* Patch the middle of a block that already ran. */
    code[1] = add_r0(50);
    flush(code + 1, 4);
    CHECK("function A middle patched", ((fn1)code)(10), 61);

    /* Code in a second mapping at a different address gets its own
     * translation even with identical bytes. */
    uint32_t *code2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(code2, code, 12);
    code2[0] = add_r0(7);
    flush(code2, 12);
    CHECK("copy in second mapping", ((fn1)code2)(10), 67);
    CHECK("original still", ((fn1)code)(10), 61);

    /* Unmap and map again: new code at a possibly reused address. */
    munmap(code2, 4096);
    code2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    code2[0] = mov_r0(5);
    code2[1] = BX_LR;
    flush(code2, 8);
    CHECK("fresh mapping after munmap", ((fn0)code2)(), 5);
    return check_done("smc_arm");
}
