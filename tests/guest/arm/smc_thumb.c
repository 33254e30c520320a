/*
 * Self-modifying code, Thumb state: Thumb instructions written into an
 * RWX mmap buffer, flushed with cacheflush (0xf0002), called through a
 * pointer with bit 0 set, then overwritten, flushed and called again.
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

/* movs r0, #imm8 */
static uint16_t movs_r0(uint32_t imm) { return (uint16_t)(0x2000u | imm); }
/* adds r0, #imm8 */
static uint16_t adds_r0(uint32_t imm) { return (uint16_t)(0x3000u | imm); }
#define BX_LR 0x4770u

typedef uint32_t (*fn0)(void);
typedef uint32_t (*fn1)(uint32_t);

#define THUMB(p) ((uintptr_t)(p) | 1)

int main(void)
{
    uint16_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap RWX", code != MAP_FAILED);
    code[0] = movs_r0(23);
    code[1] = BX_LR;
    flush(code, 4);
    CHECK("first thumb code", ((fn0)THUMB(code))(), 23);
    code[0] = movs_r0(200);
    flush(code, 4);
    CHECK("rewritten thumb code", ((fn0)THUMB(code))(), 200);

    uint32_t sum = 0;
    for (uint32_t i = 0; i < 100; i++) {
        code[0] = movs_r0(i);
        flush(code, 2);
        sum += ((fn0)THUMB(code))();
    }
    CHECK("100 rewrites, sum", sum, 4950);

    code[0] = adds_r0(1);
    code[1] = adds_r0(2);
    code[2] = adds_r0(3);
    code[3] = BX_LR;
    flush(code, 8);
    CHECK("thumb add chain", ((fn1)THUMB(code))(100), 106);
    code[1] = adds_r0(20);
    flush(code + 1, 2);
    CHECK("thumb add chain, middle patched", ((fn1)THUMB(code))(100), 124);

    /* The same bytes reached in ARM state mean something else: an ARM
     * function placed after the Thumb one. */
    uint32_t *arm = (uint32_t *)(code + 8);
    arm[0] = 0xe2800005u;      /* add r0, r0, #5 */
    arm[1] = 0xe12fff1eu;      /* bx lr */
    flush(arm, 8);
    CHECK("ARM code next to Thumb code", ((fn1)arm)(1), 6);
    CHECK("Thumb code still", ((fn1)THUMB(code))(100), 124);
    return check_done("smc_thumb");
}
