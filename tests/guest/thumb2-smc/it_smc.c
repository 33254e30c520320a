/*
 * Self-modifying Thumb-2 code inside an IT block: generated code stores a
 * new halfword over an instruction later in the IT block it is running,
 * executes ISB (still inside the block), and must then run the new
 * instruction under the block's condition.  Also a rewritten halfword of
 * a 32-bit instruction, and repeated rewrites of code already translated.
 */
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

typedef uint32_t (*fn2)(uint32_t, uint32_t);

#define THUMB(p) ((uintptr_t)(p) | 1)

/* The generated function: f(r0 = halfword to store, r1 = where).
 *   cmp r0, r0; itttt eq; strheq r0, [r1]; isbeq
 * patch:
 *   moveq r3, #1; addeq r3, #0x10
 *   mov r0, r3; bx lr */
static const uint16_t body[] = {
    0x4280,             /* cmp r0, r0 */
    0xbf01,             /* itttt eq */
    0x8008,             /* strheq r0, [r1] */
    0xf3bf, 0x8f6f,     /* isbeq */
    0x2301,             /* patch: moveq r3, #1 */
    0x3310,             /* addeq r3, #0x10 */
    0x4618,             /* mov r0, r3 */
    0x4770,             /* bx lr */
};
#define PATCH 5

/* g(r0, r1): the same, but the IT block says "ne" after a compare that
 * fails for r1 == 0, and the rewritten halfword is the second half of a
 * 32-bit ADD (add.w r3, r3, #imm).
 *   movs r3, #5; cmp r2, #0; itt ne; strhne r0, [r1]; isbne
 *   add.w r3, r3, #0x40 ... */
static const uint16_t body2[] = {
    0x2305,             /* movs r3, #5 */
    0x2a00,             /* cmp r2, #0 */
    0xbf1c,             /* itt ne */
    0x8008,             /* strhne r0, [r1] */
    0xf3bf, 0x8f6f,     /* isbne */
    0xf103, 0x0340,     /* add.w r3, r3, #0x40 (second half patched) */
    0x4618,             /* mov r0, r3 */
    0x4770,             /* bx lr */
};
#define PATCH2 7

typedef uint32_t (*fn3)(uint32_t, uint32_t, uint32_t);

int main(void)
{
    uint16_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap RWX", code != MAP_FAILED);
    memcpy(code, body, sizeof(body));
    __builtin___clear_cache((char *)code, (char *)code + sizeof(body));
    fn2 f = (fn2)THUMB(code);

    /* Storing the same halfword: the original instruction runs. */
    CHECK("unchanged: mov #1 then add", f(0x2301, (uintptr_t)&code[PATCH]),
          0x11);
    /* A new instruction in the middle of the running IT block. */
    CHECK("patched inside IT: mov #7 then add",
          f(0x2307, (uintptr_t)&code[PATCH]), 0x17);
    CHECK_TRUE("the patch stayed", code[PATCH] == 0x2307);

    uint32_t sum = 0;
    for (uint32_t i = 0; i < 64; i++)
        sum += f(0x2300 | i, (uintptr_t)&code[PATCH]);
    /* each call returns i + 0x10 */
    CHECK("64 rewrites inside the block", sum, 64 * 0x10 + 63 * 64 / 2);

    uint16_t *code2 = code + 64;
    memcpy(code2, body2, sizeof(body2));
    __builtin___clear_cache((char *)code2, (char *)code2 + sizeof(body2));
    fn3 g = (fn3)THUMB(code2);
    CHECK("32-bit add, condition false", g(0x0301, (uintptr_t)&code2[PATCH2], 0),
          5 + 0x40);
    CHECK("32-bit add, second half patched",
          g(0x0301, (uintptr_t)&code2[PATCH2], 1), 5 + 1);
    CHECK_TRUE("32-bit add patched in memory", code2[PATCH2] == 0x0301);
    CHECK("patched again", g(0x03ff, (uintptr_t)&code2[PATCH2], 1), 5 + 0xff);
    return check_done("it_smc");
}
