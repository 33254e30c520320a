/*
 * The execution loop, the TB cache and guest memory, driven by bytecode
 * programs: chaining, the jump cache, precise exceptions, host faults,
 * self-modifying code, exit_request, flushes, debugger hooks, logging.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/internal.h"
#include "unit.h"
#include "util/log.h"

#define P(i) (base + 4u * (i))

static void test_chain_loop(void)
{
    uint32_t base = CODE_BASE;
    uint64_t before = engine_stats.tbs_translated;
    bc_put(P(0), BC_MOVI, 0, 0, 0);
    bc_movi32(P(1), 1, 200000);
    bc_put(P(3), BC_ADDI, 0, 1, 0);           /* loop: r0++ */
    bc_put(P(4), BC_ADDI, 1, 0xff, 0);        /* r1-- */
    bc_put(P(5), BC_BNE, 1, (uint8_t)-2, 0);  /* back to P(3) */
    bc_put(P(6), BC_STOP, 0, 0, 0);
    int e = run_at(P(0));
    CHECK(e == EXCP_STOP, "exception %#x", e);
    CHECK(T->r[0] == 200000, "r0 = %u", T->r[0]);
    CHECK(T->r[1] == 0, "r1 = %u", T->r[1]);
    CHECK(T->pc == P(6), "pc = %#x", T->pc);
    /* Three TBs (entry, loop body, exit), however often the loop ran. */
    CHECK(engine_stats.tbs_translated - before <= 3, "%llu translations",
          (unsigned long long)(engine_stats.tbs_translated - before));
    struct tb *loop = tb_lookup(P(3), 0, 0);
    CHECK(loop != NULL, "loop TB not in the cache");
    if (loop)
        CHECK(loop->jmp_dest[0] == loop, "loop TB is not chained to itself");
}

static void test_jump_cache(void)
{
    uint32_t base = CODE_BASE + 0x100;
    bc_put(P(0), BC_MOVI, 0, 0, 0);
    bc_put(P(1), BC_MOVI, 1, 50, 0);
    bc_movi32(P(2), 2, P(4));
    bc_put(P(4), BC_ADDI, 0, 1, 0);           /* P(4): r0++ */
    bc_put(P(5), BC_ADDI, 1, 0xff, 0);
    bc_put(P(6), BC_BNE, 1, 2, 0);            /* to P(8) */
    bc_put(P(7), BC_STOP, 0, 0, 0);
    bc_put(P(8), BC_JR, 2, 0, 0);             /* computed jump to P(4) */
    int e = run_at(P(0));
    CHECK(e == EXCP_STOP, "exception %#x", e);
    CHECK(T->r[0] == 50, "r0 = %u", T->r[0]);
    CHECK(tb_jmp_cache_lookup(&T->common, P(4), 0, 0) != NULL,
          "jump target not in the jump cache");
}

static void test_precise_exceptions(void)
{
    uint32_t base = CODE_BASE + 0x200;
    bc_put(P(0), BC_MOVI, 3, 7, 0);
    bc_put(P(1), BC_ADDI, 3, 1, 0);
    bc_put(P(2), BC_MOVI, 4, 0, 0);
    bc_put(P(3), BC_CHK, 4, 0, 0);            /* helper raises */
    bc_put(P(4), BC_MOVI, 3, 99, 0);
    bc_put(P(5), BC_STOP, 0, 0, 0);
    T->restored_extra = 0;
    int e = run_at(P(0));
    CHECK(e == EXCP_HELPER, "exception %#x", e);
    CHECK(T->pc == P(3), "pc %#x, want %#x", T->pc, P(3));
    CHECK(T->restored_extra == (P(3) ^ 0x5a5a), "extra word %#llx",
          (unsigned long long)T->restored_extra);
    CHECK(T->r[3] == 8, "r3 = %u (state before the fault)", T->r[3]);

    /* The same from a raise op in the middle of a chained run. */
    bc_put(P(8), BC_MOVI, 3, 1, 0);
    bc_put(P(9), BC_B, 1, 0, 0);
    bc_put(P(10), BC_ADDI, 3, 1, 0);
    bc_put(P(11), 0xee, 0, 0, 0);              /* undefined */
    for (int i = 0; i < 2; i++) {
        e = run_at(P(8));
        CHECK(e == EXCP_UDEF, "exception %#x", e);
        CHECK(T->pc == P(11), "pc %#x", T->pc);
        CHECK(T->r[3] == 2, "r3 = %u", T->r[3]);
    }
}

static void test_guest_segv(void)
{
    uint32_t base = CODE_BASE + 0x300;
    bc_put(P(0), BC_MOVI, 5, 9, 0);
    bc_movi32(P(1), 6, UNMAPPED + 0x10);
    bc_put(P(3), BC_LD, 7, 6, 0);
    bc_put(P(4), BC_STOP, 0, 0, 0);
    bc_put(P(5), BC_MOVI, 5, 11, 0);
    bc_put(P(6), BC_ST, 5, 6, 0);
    bc_put(P(7), BC_STOP, 0, 0, 0);
    for (int i = 0; i < 2; i++) { /* twice: the fault must not stay blocked */
        T->r[5] = 0;
        int e = run_at(P(0));
        CHECK(e == EXCP_SEGV, "exception %#x", e);
        CHECK(T->pc == P(3), "pc %#x", T->pc);
        CHECK(T->r[5] == 9, "r5 = %u", T->r[5]);
        CHECK(T->common.fault_addr == UNMAPPED + 0x10, "fault addr %#llx",
              (unsigned long long)T->common.fault_addr);
        CHECK(!T->common.fault_write, "read reported as write");
    }
    int e = run_at(P(5));
    CHECK(e == EXCP_SEGV && T->pc == P(6) && T->common.fault_write,
          "store fault: exc %#x pc %#x write %d", e, T->pc,
          T->common.fault_write);
    /* Unmapped code: a prefetch abort at the PC. */
    e = run_at(UNMAPPED);
    CHECK(e == EXCP_PREFETCH && T->pc == UNMAPPED, "prefetch: %#x pc %#x", e,
          T->pc);
}

static void test_smc(void)
{
    uint32_t base = CODE_BASE + 0x1000;
    uint64_t inval = engine_stats.tbs_invalidated;
    /* Another page writes into this one. */
    bc_put(P(0), BC_MOVI, 1, 5, 0);
    bc_put(P(1), BC_STOP, 0, 0, 0);
    int e = run_at(P(0));
    CHECK(e == EXCP_STOP && T->r[1] == 5, "first run: %#x r1 %u", e, T->r[1]);
    CHECK(page_get_flags(P(0)) & PAGE_WRITE_ORG, "code page not protected");

    uint32_t w = CODE_BASE + 0x3000;
    bc_movi32(w, 2, P(0) + 2);
    bc_put(w + 8, BC_MOVI, 3, 7, 0);
    bc_put(w + 12, BC_STB, 3, 2, 0);
    bc_put(w + 16, BC_STOP, 0, 0, 0);
    e = run_at(w);
    CHECK(e == EXCP_STOP, "writer: %#x at %#x", e, T->pc);
    CHECK(engine_stats.tbs_invalidated > inval, "nothing invalidated");
    e = run_at(P(0));
    CHECK(e == EXCP_STOP && T->r[1] == 7, "after write: %#x r1 %u", e,
          T->r[1]);

    /* A TB rewrites the next TB on its own page, which ran before. */
    base = CODE_BASE + 0x2000;
    bc_movi32(P(0), 2, P(5) + 2);
    bc_put(P(2), BC_STB, 3, 2, 0);
    bc_put(P(3), BC_B, 2, 0, 0);              /* to P(5) */
    bc_put(P(5), BC_MOVI, 1, 1, 0);           /* immediate rewritten */
    bc_put(P(6), BC_STOP, 0, 0, 0);
    for (uint32_t v = 20; v < 24; v++) {
        T->r[3] = v;
        e = run_at(P(0));
        CHECK(e == EXCP_STOP && T->r[1] == v, "round %u: %#x r1 %u", v, e,
              T->r[1]);
    }
}

static void *exit_later(void *arg)
{
    struct timespec ts = { 0, 50 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    cpu_exit(arg);
    return NULL;
}

static void test_exit_request(void)
{
    uint32_t base = CODE_BASE + 0x400;
    bc_put(P(0), BC_ADDI, 0, 1, 0);
    bc_put(P(1), BC_B, (uint8_t)-1, 0, 0);   /* forever */
    pthread_t th;
    pthread_create(&th, NULL, exit_later, &T->common);
    int e = run_at(P(0));
    pthread_join(th, NULL);
    CHECK(e == EXCP_INTERRUPT, "exception %#x", e);
    CHECK(T->common.exit_request == 0, "exit_request not cleared");
    CHECK(T->pc == P(0), "pc %#x", T->pc);
}

/*
 * Two TBs chained into a cycle: A (r0++) jumps to B (r1++), B back to A.
 * A chained jump enters the next TB before the PC update that follows
 * goto_tb, so when the request is seen at B's entry the engine must
 * restore B's PC itself.  The counters tell which TB is next: r0 == r1
 * means A, r0 == r1 + 1 means B.  Repeated, since the stop lands in A or
 * B by chance.
 */
static void test_exit_request_between_chained_tbs(void)
{
    uint32_t base = CODE_BASE + 0x480;
    bc_put(P(0), BC_ADDI, 0, 1, 0);          /* A: r0++ */
    bc_put(P(1), BC_B, 1, 0, 0);             /* to B */
    bc_put(P(2), BC_ADDI, 1, 1, 0);          /* B: r1++ */
    bc_put(P(3), BC_B, (uint8_t)-3, 0, 0);   /* to A */
    for (int i = 0; i < 12; i++) {
        T->r[0] = T->r[1] = 0;
        pthread_t th;
        pthread_create(&th, NULL, exit_later, &T->common);
        int e = run_at(P(0));
        pthread_join(th, NULL);
        CHECK(e == EXCP_INTERRUPT, "exception %#x", e);
        uint32_t want = T->r[0] == T->r[1] ? P(0) : P(2);
        CHECK(T->r[0] - T->r[1] <= 1, "r0 %u r1 %u", T->r[0], T->r[1]);
        CHECK(T->pc == want, "pc %#x after r0 %u r1 %u, want %#x", T->pc,
              T->r[0], T->r[1], want);
    }
}

static void test_flush(void)
{
    uint32_t base = CODE_BASE;
    uint64_t flushes = engine_stats.tb_flushes;
    unsigned n = CODE_SIZE / 8 - 1;
    for (unsigned i = 0; i < n; i++) {
        bc_put(P(2 * i), BC_ADDI, 0, 1, 0);
        bc_put(P(2 * i + 1), BC_B, 1, 0, 0);
    }
    bc_put(P(2 * n), BC_STOP, 0, 0, 0);
    for (int round = 0; round < 2; round++) {
        T->r[0] = 0;
        int e = run_at(P(0));
        CHECK(e == EXCP_STOP && T->r[0] == n, "round %d: %#x r0 %u", round, e,
              T->r[0]);
    }
    CHECK(engine_stats.tb_flushes > flushes, "the code buffer never filled");
}

static void test_debug(void)
{
    uint32_t base = CODE_BASE + 0x500;
    bc_put(P(0), BC_MOVI, 0, 1, 0);
    bc_put(P(1), BC_MOVI, 0, 2, 0);
    bc_put(P(2), BC_STOP, 0, 0, 0);
    CHECK(run_at(P(0)) == EXCP_STOP, "plain run");
    CHECK(cpu_breakpoint_insert(&T->common, P(1)) == 0, "insert");
    int e = run_at(P(0));
    CHECK(e == EXCP_DEBUG && T->pc == P(1) && T->r[0] == 1,
          "breakpoint: %#x pc %#x r0 %u", e, T->pc, T->r[0]);
    CHECK(cpu_breakpoint_remove(&T->common, P(1)) == 0, "remove");
    e = run_at(P(1));
    CHECK(e == EXCP_STOP && T->r[0] == 2, "after removal: %#x", e);

    /* A watchpoint stops after the storing instruction. */
    base = CODE_BASE + 0x600;
    bc_movi32(P(0), 2, DATA_BASE + 0x40);
    bc_put(P(2), BC_MOVI, 3, 0x33, 0);
    bc_put(P(3), BC_ST, 3, 2, 0);
    bc_put(P(4), BC_MOVI, 3, 0x44, 0);
    bc_put(P(5), BC_STOP, 0, 0, 0);
    CHECK(cpu_watchpoint_insert(&T->common, DATA_BASE + 0x42, 1, WP_WRITE) == 0,
          "watch insert");
    e = run_at(P(0));
    CHECK(e == EXCP_DEBUG && T->pc == P(4), "watchpoint: %#x pc %#x", e, T->pc);
    CHECK(T->common.watch_hit_addr == DATA_BASE + 0x42 &&
          T->common.watch_hit_flags == WP_WRITE, "hit %#llx/%d",
          (unsigned long long)T->common.watch_hit_addr,
          T->common.watch_hit_flags);
    CHECK(*(uint32_t *)g2h(DATA_BASE + 0x40) == 0x33 && T->r[3] == 0x33,
          "store not completed / next insn ran");
    cpu_watchpoint_remove_all(&T->common);
    e = run_at(P(0));
    CHECK(e == EXCP_STOP, "without watchpoints: %#x", e);
}

static void test_logging(void)
{
    char path[] = "/tmp/kemu-unit-logXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    CHECK(log_set_file(path), "log file");
    uint32_t base = CODE_BASE + 0x700;
    bc_put(P(0), BC_MOVI, 0, 1, 0);
    bc_put(P(1), BC_STOP, 0, 0, 0);
    log_mask = LOG_IN_ASM | LOG_OP | LOG_OP_OPT | LOG_EXEC;
    run_at(P(0));
    log_mask = 0;
    log_flush();
    FILE *f = fopen(path, "r");
    char buf[8192] = "";
    size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
    buf[n] = 0;
    if (f)
        fclose(f);
    unlink(path);
    char want[64];
    snprintf(want, sizeof(want), "Trace: 0x%08x", P(0));
    CHECK(strstr(buf, want), "no exec trace in:\n%s", buf);
    snprintf(want, sizeof(want), "0x%08x:  op1 0, 1, 0", P(0));
    CHECK(strstr(buf, want), "no in_asm line in:\n%s", buf);
    CHECK(strstr(buf, "mov_i32 r0, $0x1"), "no op dump in:\n%s", buf);
    CHECK(strstr(buf, "OP after optimization"), "no op_opt dump");
}

void test_exec(void)
{
    unit_run("chain-loop", test_chain_loop);
    unit_run("jump-cache", test_jump_cache);
    unit_run("precise-exceptions", test_precise_exceptions);
    unit_run("guest-segv", test_guest_segv);
    unit_run("self-modifying-code", test_smc);
    unit_run("exit-request", test_exit_request);
    unit_run("exit-request-chained", test_exit_request_between_chained_tbs);
    unit_run("debug-hooks", test_debug);
    unit_run("logging", test_logging);
    unit_run("arena-flush", test_flush);
}
