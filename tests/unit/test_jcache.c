/*
 * Computed jumps through the jump cache.  With the code generator the
 * test target's lookup_and_goto is preceded by a lookup_key (its
 * gen_tb_key hook), so these run the inline probe of generated code; with
 * the interpreter they run its jump-cache path.  Both must agree on every
 * result: entries of invalidated TBs are never entered, the TB flags are
 * part of the key, and other threads may invalidate at any time.
 */
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <time.h>

#include "engine/internal.h"
#include "unit.h"

#define P(i) (base + 4u * (i))

/* A TB on one page rewrites the immediate of a computed jump's target on
 * another page before each jump: every jump must run the new code. */
static void test_probe_after_smc(void)
{
    uint32_t base = CODE_BASE + 0x6000, a0 = CODE_BASE + 0x5000;
    uint64_t inval = engine_stats.tbs_invalidated;
    bc_put(a0, BC_ADDI, 0, 1, 0);            /* imm rewritten below */
    bc_put(a0 + 4, BC_JR, 4, 0, 0);          /* back to P(8) */
    bc_movi32(P(0), 2, a0);
    bc_movi32(P(2), 4, P(8));
    bc_movi32(P(4), 5, a0 + 2);
    bc_put(P(6), BC_MOVI, 1, 10, 0);
    bc_put(P(7), BC_MOVI, 0, 0, 0);
    bc_put(P(8), BC_ADDI, 1, 0xff, 0);
    bc_put(P(9), BC_BNE, 1, 2, 0);           /* to P(11) */
    bc_put(P(10), BC_STOP, 0, 0, 0);
    bc_put(P(11), BC_STB, 1, 5, 0);          /* a0's imm = r1 */
    bc_put(P(12), BC_JR, 2, 0, 0);
    T->mode = 0;
    /* Twice: the second run starts with warm entries for both pages. */
    for (int round = 0; round < 2; round++) {
        bc_put(a0, BC_ADDI, 0, 1, 0);
        int e = run_at(P(0));
        CHECK(e == EXCP_STOP, "round %d: exception %#x at %#x", round, e,
              T->pc);
        CHECK(T->r[0] == 45, "round %d: r0 = %u, want 9+8+...+1", round,
              T->r[0]);
    }
    CHECK(engine_stats.tbs_invalidated >= inval + 16,
          "only %llu invalidations",
          (unsigned long long)(engine_stats.tbs_invalidated - inval));
}

/* The same PC alternately in two modes (TB flags): the jump cache slot is
 * shared, the key decides.  Mode 1 makes ADDI add 16 times more. */
static void test_probe_flags(void)
{
    uint32_t base = CODE_BASE + 0x7000, x = CODE_BASE + 0x7100;
    bc_put(x, BC_ADDI, 0, 1, 0);
    bc_put(x + 4, BC_MODE, 6, 0, 0);         /* back to mode 0 */
    bc_put(x + 8, BC_JR, 4, 0, 0);           /* to P(8) */
    bc_movi32(P(0), 2, x);
    bc_movi32(P(2), 4, P(8));
    bc_put(P(4), BC_MOVI, 1, 10, 0);
    bc_put(P(5), BC_MOVI, 0, 0, 0);
    bc_put(P(6), BC_MOVI, 6, 0, 0);
    bc_put(P(7), BC_MODE, 6, 0, 0);
    bc_put(P(8), BC_ADDI, 1, 0xff, 0);
    bc_put(P(9), BC_BNE, 1, 2, 0);           /* to P(11) */
    bc_put(P(10), BC_STOP, 0, 0, 0);
    bc_put(P(11), BC_MODE, 1, 0, 0);         /* mode = r1 & 1 */
    bc_put(P(12), BC_JR, 2, 0, 0);           /* to x */
    for (int round = 0; round < 2; round++) {
        T->mode = 0;
        int e = run_at(P(0));
        CHECK(e == EXCP_STOP, "round %d: exception %#x at %#x", round, e,
              T->pc);
        /* r1 = 9..1 at x: five odd rounds add 16, four even ones 1. */
        CHECK(T->r[0] == 84, "round %d: r0 = %u, want 84", round, T->r[0]);
        CHECK(T->mode == 0, "mode %u at the end", T->mode);
    }
}

/* Two guest threads run a loop of computed jumps while this thread keeps
 * invalidating the jump target's page, until it sets a flag in guest
 * memory.  Each iteration adds 3 to r0 and 1 to r1 in the target TB. */
#define NTHREADS 2
#define STOP_FLAG (DATA_BASE + 0x800)

struct jthread {
    int index;
    int excp;
    uint32_t r0, r1;
    volatile int started;
};

static void *jthread_run(void *arg)
{
    struct jthread *j = arg;
    struct tcpu *cpu = (struct tcpu *)cpu_create(T->common.target, j->index);
    uint32_t base = CODE_BASE + 0x8000;
    cpu->pc = P(0);
    __atomic_store_n(&j->started, 1, __ATOMIC_RELEASE);
    int e;
    do
        e = cpu_exec(&cpu->common);
    while (e == EXCP_INTERRUPT);
    j->excp = e;
    j->r0 = cpu->r[0];
    j->r1 = cpu->r[1];
    cpu_destroy(&cpu->common);
    return NULL;
}

static void test_probe_threads(void)
{
    uint32_t base = CODE_BASE + 0x8000, e0 = CODE_BASE + 0x9000;
    bc_put(e0, BC_ADDI, 0, 3, 0);
    bc_put(e0 + 4, BC_ADDI, 1, 1, 0);
    bc_put(e0 + 8, BC_JR, 4, 0, 0);          /* to P(9) */
    bc_movi32(P(0), 2, e0);
    bc_movi32(P(2), 4, P(9));
    bc_movi32(P(4), 5, STOP_FLAG);
    bc_put(P(6), BC_MOVI, 0, 0, 0);
    bc_put(P(7), BC_MOVI, 1, 0, 0);
    bc_put(P(8), BC_MOVI, 3, 0, 0);
    bc_put(P(9), BC_LD, 6, 5, 0);
    bc_put(P(10), BC_BNE, 6, 2, 0);          /* to P(12) */
    bc_put(P(11), BC_JR, 2, 0, 0);           /* to e0 */
    bc_put(P(12), BC_STOP, 0, 0, 0);
    uint32_t *stop = g2h(STOP_FLAG);
    __atomic_store_n(stop, 0, __ATOMIC_RELEASE);

    struct jthread j[NTHREADS] = { { 0 } };
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        j[i].index = 1 + i;
        pthread_create(&th[i], NULL, jthread_run, &j[i]);
    }
    for (int i = 0; i < NTHREADS; i++)
        while (!__atomic_load_n(&j[i].started, __ATOMIC_ACQUIRE))
            sched_yield();
    uint64_t inval = engine_stats.tbs_invalidated;
    for (int round = 0; round < 200; round++) {
        tb_invalidate_range(e0, e0 + 12);
        struct timespec ts = { 0, 50 * 1000 };
        nanosleep(&ts, NULL);
    }
    __atomic_store_n(stop, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
        CHECK(j[i].excp == EXCP_STOP, "thread %d: exception %#x", i,
              j[i].excp);
        CHECK(j[i].r1 > 0 && j[i].r0 == 3 * j[i].r1,
              "thread %d: r0 = %u after %u iterations", i, j[i].r0, j[i].r1);
    }
    CHECK(engine_stats.tbs_invalidated > inval, "nothing invalidated");
    current_cpu = &T->common;
}

/* The same with one instruction per TB: the TBs' cflags are not 0, so the
 * probe compares the key with cflags << 32 or'ed in. */
static void test_probe_flags_one_insn(void)
{
    bool old = engine_opts.one_insn_per_tb;
    engine_opts.one_insn_per_tb = true;
    test_probe_flags();
    test_probe_after_smc();
    engine_opts.one_insn_per_tb = old;
}

void test_jcache(void)
{
    unit_run("jcache-probe-after-smc", test_probe_after_smc);
    unit_run("jcache-probe-flags", test_probe_flags);
    unit_run("jcache-probe-one-insn-tbs", test_probe_flags_one_insn);
    unit_run("jcache-probe-threads", test_probe_threads);
}
