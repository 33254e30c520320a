/*
 * The code buffer: generated host code lives in a memfd mapped twice, once
 * writable (where the generator emits and jumps are patched) and once
 * executable, so no page is ever writable and executable at once.  Hosts
 * that refuse the double mapping fall back to one RWX mapping.
 *
 * The buffer starts with the entry trampoline (cg_enter) and the common
 * epilogue; TB code follows in generation order, so a sorted table of TBs
 * by code address maps a host PC back to its TB.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine/guest_mem.h"
#include "engine/x86/cg.h"
#include "util/error.h"
#include "util/log.h"

const bool engine_codegen_available = true;

static uint8_t *buf_rw, *buf_rx;   /* the two views */
static size_t buf_size;
static size_t buf_used;            /* bytes committed */
static size_t buf_tb_start;        /* first byte after the trampoline */
uintptr_t cg_epilogue_rx;

typedef uintptr_t (*cg_enter_fn)(struct cpu_common *cpu, const void *code);
static cg_enter_fn cg_enter;

/* TBs in code-address order, for cg_find. */
static struct tb **tbs;
static size_t ntbs, tbs_cap;

static uintptr_t rx_delta(void)
{
    return (uintptr_t)buf_rx - (uintptr_t)buf_rw;
}

static void map_buffer(size_t size)
{
    buf_size = size;
    /* perf resolves /tmp/perf-PID.map symbols only in anonymous memory:
     * -perfmap takes the single-mapping form. */
    int fd = engine_opts.perfmap ? -1 : memfd_create("kemu-code", MFD_CLOEXEC);
    if (fd >= 0 && ftruncate(fd, (off_t)size) == 0) {
        void *rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED,
                        fd, 0);
        void *rx = mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_SHARED,
                        fd, 0);
        if (rw != MAP_FAILED && rx != MAP_FAILED) {
            buf_rw = rw;
            buf_rx = rx;
            /* The mappings keep the memory; the descriptor would only
             * take a number from the guest's descriptor space. */
            close(fd);
            return;
        }
        if (rw != MAP_FAILED)
            munmap(rw, size);
        if (rx != MAP_FAILED)
            munmap(rx, size);
    }
    if (fd >= 0)
        close(fd);
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        fatal("cannot map %zu bytes for generated code", size);
    buf_rw = buf_rx = p;
}

/*
 * cg_enter(cpu, code): save the callee-saved registers, set up the fixed
 * registers (rbp = CPU state, r14 = guest_base) and jump to code.  TB
 * code returns by jumping to the epilogue with rax = tb | exit slot.
 */
static void gen_trampoline(void)
{
    struct emit e = { .p = buf_rw, .start = buf_rw, .rx = (intptr_t)rx_delta() };
    static const int saved[] = { RBP, RBX, R12, R13, R14, R15 };
    for (size_t i = 0; i < 6; i++)
        e_opc(&e, 0x50 + (saved[i] & 7), 0, saved[i], 0);
    /* 7 words pushed with the return address: realign to 16. */
    e_arith_ri(&e, ARITH_SUB, true, RSP, 8);
    e_mov_rr(&e, true, RBP, RDI);
    e_movi(&e, R14, (uintptr_t)&guest_base, true);
    e_rm(&e, OPC_MOVL_GvEv | P_REXW, R14, R14, -1, 0);
    e_rr(&e, 0xff, 4, RSI); /* jmp rsi */
    while ((uintptr_t)e.p & 15)
        e8(&e, 0xcc);
    cg_epilogue_rx = e_here_rx(&e);
    e_arith_ri(&e, ARITH_ADD, true, RSP, 8);
    for (int i = 5; i >= 0; i--)
        e_opc(&e, 0x58 + (saved[i] & 7), 0, saved[i], 0);
    e8(&e, 0xc3);
    cg_enter = (cg_enter_fn)(void *)buf_rx;
    buf_tb_start = buf_used = ((size_t)(e.p - buf_rw) + 63) & ~(size_t)63;
}

/*
 * A forked child shares the memfd with its parent: both would write their
 * new code over each other's.  The child takes a buffer of its own and
 * drops every translation before running guest code again (cpu_exec
 * flushes first thing when tb_flush_pending is set).
 */
static void atfork_child(void)
{
    if (!buf_rw)
        return;
    if (buf_rw != buf_rx)
        munmap(buf_rx, buf_size);
    munmap(buf_rw, buf_size);
    ntbs = 0;
    map_buffer(buf_size);
    gen_trampoline();
    tb_flush_pending = true;
}

void cg_init(size_t size)
{
    static bool atfork_set;
    if (buf_rw) {
        /* Set up again (tests): keep the mapping, drop its contents. */
        cg_flush();
        return;
    }
    map_buffer(size);
    gen_trampoline();
    if (!atfork_set) {
        pthread_atfork(NULL, NULL, atfork_child);
        atfork_set = true;
    }
}

void cg_flush(void)
{
    if (!buf_rw)
        return;
    buf_used = buf_tb_start;
    ntbs = 0;
    /* Give the pages back to the host (MADV_REMOVE frees the memfd's
     * pages behind both views, as a hole punched in the file would). */
    if (buf_rw != buf_rx)
        madvise(buf_rw + buf_tb_start, buf_size - buf_tb_start, MADV_REMOVE);
    else
        madvise(buf_rw + buf_tb_start, buf_size - buf_tb_start,
                MADV_DONTNEED);
}

/* The largest TB we accept; bigger ones are retranslated shorter. */
#define CG_MAX_TB (256 * 1024)

/* Room kept after the code for the largest fault map (cgfault.c). */
#define CGF_MAX_BYTES (8 + CGF_MAX_SITES * sizeof(struct cgf_site) + \
                       4 * CGF_MAX_ENTRIES)

bool cg_begin(struct emit *e)
{
    size_t start = (buf_used + 15) & ~(size_t)15;
    if (start + 4096 + CGF_MAX_BYTES > buf_size)
        return false;
    e->start = e->p = buf_rw + start;
    size_t room = buf_size - start - CGF_MAX_BYTES;
    e->limit = buf_rw + start + (room < CG_MAX_TB ? room : CG_MAX_TB);
    e->rx = (intptr_t)rx_delta();
    return true;
}

void cg_commit(struct emit *e, struct tb *tb, size_t code_size)
{
    tb->tc = e->start + e->rx;
    tb->tc_size = (uint32_t)code_size;
    buf_used = (size_t)(e->p - buf_rw);
    if (ntbs == tbs_cap) {
        tbs_cap = tbs_cap ? 2 * tbs_cap : 4096;
        tbs = xrealloc(tbs, tbs_cap * sizeof(*tbs));
    }
    tbs[ntbs++] = tb;
}

bool cg_empty(void)
{
    return buf_used == buf_tb_start;
}

bool cg_owns(uintptr_t host_pc)
{
    return buf_rx && host_pc >= (uintptr_t)buf_rx + buf_tb_start &&
           host_pc < (uintptr_t)buf_rx + buf_used;
}

struct tb *cg_find(uintptr_t host_pc, int *insn)
{
    size_t lo = 0, hi = ntbs;
    *insn = -1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)tbs[mid]->tc <= host_pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    struct tb *tb = tbs[lo - 1];
    uintptr_t off = host_pc - (uintptr_t)tb->tc;
    if (off >= tb->tc_size)
        return NULL;
    /* The last insn_start at or before off (entries of insn_starts the
     * optimizer removed as unreachable are UINT32_MAX). */
    for (uint32_t i = 0; i < tb->ninsns; i++)
        if (tb->host_off[i] <= off)
            *insn = (int)i;
    return tb;
}

void cg_patch_jump(struct tb *from, int slot, const struct tb *dest)
{
    uint8_t *d = (uint8_t *)from->tc - rx_delta() + from->jmp_off[slot];
    int32_t rel = 0;
    const uint8_t *to = dest ? dest->tc : NULL;
    if (slot == from->loop_slot)
        /* The loop edge keeps globals in registers: it may only go to its
         * own loop head; any other destination stays unchained. */
        to = dest == from ? from->tc + from->loop_off : NULL;
    if (to)
        rel = (int32_t)((intptr_t)to - (intptr_t)(from->tc +
                                                  from->jmp_off[slot] + 4));
    /* The displacement is 4-byte aligned: one atomic store. */
    __atomic_store_n((int32_t *)d, rel, __ATOMIC_RELEASE);
}

struct tb *cg_exec(struct cpu_common *cpu, struct tb *tb, int *slot)
{
    cpu->current_tb = tb;
    cpu->current_insn = -1;
    uintptr_t r = cg_enter(cpu, tb->tc);
    cpu->current_tb = NULL;
    *slot = (int)(r & 3);
    return (struct tb *)(r & ~(uintptr_t)3);
}
