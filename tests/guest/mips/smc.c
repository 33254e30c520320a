/*
 * Self-modifying code: instructions written into an executable buffer
 * run as written after cacheflush(2) (or SYNCI), including
 *  - a function rewritten and called again after it already ran;
 *  - code that stores over an instruction further on in its own
 *    straight-line block, then reaches it (SYNCI + SYNC between, as the
 *    Release 2 manual asks for);
 *  - a loop that rewrites its own body between iterations.
 * Instruction words are stored as native 32-bit values: the CPU fetches
 * them in its own byte order.
 */
#include <stdint.h>
#include <string.h>
#include <sys/cachectl.h>
#include <sys/mman.h>
#include "check.h"

#define ADDIU_V0(imm) (0x24020000u | ((uint32_t)(imm) & 0xffff)) /* addiu $2,$0,imm */
#define ADDIU_V0V0(imm) (0x24420000u | ((uint32_t)(imm) & 0xffff)) /* addiu $2,$2,imm */
#define JR_RA 0x03e00008u
#define NOP 0u
#define SW_A1_A0(off) (0xac850000u | (off))     /* sw $5, off($4) */
#define SYNCI_A0(off) (0x041f0000u | (0x4u << 21) | (off))  /* synci off($4) */
#define SYNC 0x0000000fu
#define MOVE_V0_ZERO 0x00001025u                /* or $2, $0, $0 */
#define ADDIU_T0(imm) (0x24080000u | ((uint32_t)(imm) & 0xffff)) /* addiu $8,$0,imm */
#define ADDIU_T0T0(imm) (0x25080000u | ((uint32_t)(imm) & 0xffff))
#define BNEZ_T0(off) (0x15000000u | ((uint32_t)(off) & 0xffff))  /* bne $8,$0 */

typedef long (*fn0)(void);
typedef long (*fn2)(void *, long);

static void flush(void *p, size_t n)
{
    CHECK("cacheflush", cacheflush(p, (int)n, BCACHE), 0);
}

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap rwx", code != MAP_FAILED);
    if (code == MAP_FAILED)
        return check_done("smc");

    /* 1. A function rewritten after it ran. */
    code[0] = ADDIU_V0(1);
    code[1] = JR_RA;
    code[2] = NOP;
    flush(code, 12);
    CHECK("first version", ((fn0)code)(), 1);
    code[0] = ADDIU_V0(2);
    flush(code, 4);
    CHECK("rewritten first instruction", ((fn0)code)(), 2);
    code[1] = NOP;             /* fall through into a new ending */
    code[2] = ADDIU_V0V0(40);
    code[3] = JR_RA;
    code[4] = ADDIU_V0V0(300); /* delay slot */
    flush(code, 20);
    CHECK("rewritten body and slot", ((fn0)code)(), 342);

    /* 2. A store over an instruction later in the same straight-line
     * block: f(buf, insn) writes insn at word 6 and then runs it. */
    uint32_t *p = code + 64;
    p[0] = MOVE_V0_ZERO;
    p[1] = SW_A1_A0(24);
    p[2] = SYNCI_A0(24);
    p[3] = SYNC;
    p[4] = NOP;
    p[5] = NOP;
    p[6] = ADDIU_V0(7);        /* replaced before it runs */
    p[7] = JR_RA;
    p[8] = NOP;
    flush(p, 36);
    CHECK("store ahead in the block, first run",
          ((fn2)p)(p, (long)ADDIU_V0(8)), 8);
    CHECK("the store landed", p[6], ADDIU_V0(8));
    CHECK("store ahead in the block, second run",
          ((fn2)p)(p, (long)ADDIU_V0(9)), 9);
    CHECK("store ahead, same value", ((fn2)p)(p, (long)ADDIU_V0(9)), 9);

    /* 3. A loop that rewrites its own body: word 2 adds 1 the first
     * time round; the store (word 4) makes it add 100 from then on. */
    uint32_t *q = code + 128;
    q[0] = MOVE_V0_ZERO;
    q[1] = ADDIU_T0(3);                 /* three iterations */
    q[2] = ADDIU_V0V0(1);               /* the rewritten instruction */
    q[3] = ADDIU_T0T0(-1);
    q[4] = SW_A1_A0(8);                 /* store over word 2 */
    q[5] = SYNCI_A0(8);
    q[6] = BNEZ_T0(-5);                 /* back to word 2 */
    q[7] = NOP;
    q[8] = JR_RA;
    q[9] = NOP;
    flush(q, 40);
    CHECK("loop rewriting its body", ((fn2)q)(q, (long)ADDIU_V0V0(100)), 201);
    return check_done("smc");
}
