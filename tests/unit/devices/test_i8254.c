/* The 8254 PIT: modes, latches, access forms, BCD, gates and IRQ 0
 * edges, against a simulated clock. */
#include <stddef.h>

#include "devtest.h"
#include "system/devices/i8254.h"

static int64_t now;             /* simulated host ns */
static int64_t armed;           /* deadline given to the arm hook */
static bool irq;                /* IRQ 0 level */
static int rises;               /* IRQ 0 rising edges */

static void hook_irq0(void *o, bool level)
{
    if (level && !irq)
        rises++;
    irq = level;
}
static int64_t hook_now(void *o) { return now; }
static void hook_arm(void *o, int64_t ns) { armed = ns; }

static struct i8254 *fresh(void)
{
    now = 1000000000;
    armed = 0;
    irq = false;
    rises = 0;
    return i8254_new(&(struct i8254_hooks){ .irq0 = hook_irq0,
                                            .now = hook_now,
                                            .arm = hook_arm });
}

/* Host ns of d PIT clocks. */
static int64_t clocks(uint64_t d)
{
    return (int64_t)((d * 1000000000ull + I8254_HZ - 1) / I8254_HZ);
}

/* Move the clock to t, firing the timer at every armed moment on the
 * way, as the host timer thread would. */
static void run_to(struct i8254 *p, int64_t t)
{
    while (armed && armed <= t) {
        now = armed;
        armed = 0;
        i8254_timer(p);
    }
    now = t;
}

static void out(struct i8254 *p, int port, uint8_t v)
{
    i8254_write(p, port, v, 1);
}

static uint8_t in(struct i8254 *p, int port)
{
    return (uint8_t)i8254_read(p, port, 1);
}

/* Counter latch command, then LSB and MSB. */
static unsigned latched(struct i8254 *p, int ch)
{
    out(p, 3, (uint8_t)(ch << 6));
    unsigned lo = in(p, ch);
    return lo | in(p, ch) << 8;
}

static void mode0(void)
{
    struct i8254 *p = fresh();
    int64_t t0 = now;
    out(p, 3, 0x30);                    /* counter 0, LSB then MSB, mode 0 */
    CHECK(!irq, "mode 0: OUT low after the control word");
    rises = 0;
    out(p, 0, 0xe8);
    out(p, 0, 0x03);                    /* 1000 */
    run_to(p, t0 + clocks(400));
    unsigned c = latched(p, 0);
    CHECK(c == 600, "mode 0: count 600 after 400 clocks, read %u", c);
    CHECK(!irq && rises == 0, "mode 0: OUT still low");
    run_to(p, t0 + clocks(999));
    CHECK(!irq, "mode 0: OUT low one clock before the end");
    run_to(p, t0 + clocks(1000));
    CHECK(irq && rises == 1, "mode 0: OUT high at terminal count (%d edges)", rises);
    run_to(p, t0 + clocks(1010));
    c = latched(p, 0);
    CHECK(c == 65526, "mode 0: count wraps through 0 to 65526, read %u", c);
    run_to(p, t0 + clocks(70000));
    CHECK(irq && rises == 1, "mode 0: no further edge after wrapping");
    /* Writing the first byte of a new count stops it and drops OUT. */
    out(p, 0, 0x00);
    CHECK(!irq, "mode 0: the first byte of a new count drops OUT");
    out(p, 0, 0x01);
    int64_t t1 = now;
    run_to(p, t1 + clocks(255));
    CHECK(!irq, "mode 0: reloaded count 256 still counting");
    run_to(p, t1 + clocks(256));
    CHECK(irq && rises == 2, "mode 0: the reloaded count ends");
}

static void mode1(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0xb2);                    /* counter 2, word, mode 1 */
    i8254_port61_write(p, 0, 0, 1);     /* gate 2 low */
    out(p, 2, 100);
    out(p, 2, 0);
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 1: OUT high before the trigger");
    run_to(p, now + clocks(500));
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 1: no count without a trigger");
    i8254_port61_write(p, 0, 1, 1);     /* gate rises: trigger */
    int64_t t0 = now;
    CHECK(!(i8254_port61_read(p, 0, 1) & 0x20), "mode 1: OUT low after the trigger");
    CHECK((i8254_port61_read(p, 0, 1) & 0x01) == 1, "port 0x61 reads gate 2 back");
    run_to(p, t0 + clocks(60));
    unsigned c = latched(p, 2);
    CHECK(c == 40, "mode 1: count 40 after 60 clocks, read %u", c);
    /* Retrigger restarts the one-shot. */
    i8254_port61_write(p, 0, 0, 1);
    i8254_port61_write(p, 0, 1, 1);
    int64_t t1 = now;
    run_to(p, t1 + clocks(99));
    CHECK(!(i8254_port61_read(p, 0, 1) & 0x20), "mode 1: retriggered, still low");
    run_to(p, t1 + clocks(100));
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 1: OUT high at terminal count");
}

static void mode2(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x34);                    /* counter 0, word, mode 2 */
    out(p, 0, 11932 & 0xff);
    out(p, 0, 11932 >> 8);              /* about 100 Hz */
    int64_t t0 = now;
    rises = 0;
    CHECK(irq, "mode 2: OUT high");
    run_to(p, t0 + clocks(11932 * 5 + 10));
    CHECK(rises == 5, "mode 2: 5 periods give 5 edges, saw %d", rises);
    run_to(p, t0 + clocks(11932 * 5 + 100));
    unsigned c = latched(p, 0);
    CHECK(c == 11932 - 100, "mode 2: count %u mid-period", c);
    /* The next deadline is the next period's end. */
    CHECK(armed == t0 + clocks(11932 * 6), "mode 2: armed for the next period");
}

static void mode2_new_count(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x34);
    out(p, 0, 1000 & 0xff);
    out(p, 0, 1000 >> 8);
    int64_t t0 = now;
    rises = 0;
    run_to(p, t0 + clocks(300));
    out(p, 0, 500 & 0xff);
    out(p, 0, 500 >> 8);
    /* The current period runs out with the old count. */
    unsigned c = latched(p, 0);
    CHECK(c == 700, "mode 2: old period goes on (count %u)", c);
    out(p, 3, 0xe2);                    /* read-back status of counter 0 */
    CHECK(in(p, 0) & 0x40, "mode 2: null count until the new count loads");
    run_to(p, t0 + clocks(1000));
    CHECK(rises == 1, "mode 2: edge at the old period's end");
    run_to(p, t0 + clocks(1499));
    CHECK(rises == 1, "mode 2: new period not over yet");
    /* The new count starts at the old period's end rounded up to a
     * whole ns, so allow those 2 ns. */
    run_to(p, t0 + clocks(1500) + 2);
    CHECK(rises == 2, "mode 2: new period of 500 clocks, %d edges", rises);
    c = latched(p, 0);
    CHECK(c == 500, "mode 2: reloaded 500, read %u", c);
}

static void mode3(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x36);                    /* counter 0, word, mode 3 */
    out(p, 0, 1000 & 0xff);
    out(p, 0, 1000 >> 8);
    int64_t t0 = now;
    rises = 0;
    CHECK(irq, "mode 3: OUT high first");
    run_to(p, t0 + clocks(499));
    CHECK(irq, "mode 3: high for the first half");
    unsigned c = latched(p, 0);
    CHECK(c == 1000 - 2 * 499, "mode 3: counts by two (%u)", c);
    run_to(p, t0 + clocks(500));
    CHECK(!irq, "mode 3: low for the second half");
    run_to(p, t0 + clocks(1000));
    CHECK(irq && rises == 1, "mode 3: high again after a period");
    run_to(p, t0 + clocks(5000));
    CHECK(rises == 5, "mode 3: one rising edge per period, %d", rises);
    /* Odd counts: high one clock longer than low. */
    out(p, 3, 0x36);
    out(p, 0, 5);
    out(p, 0, 0);
    int64_t t1 = now;
    out(p, 3, 0xe2);
    CHECK(in(p, 0) & 0x80, "mode 3 odd: high at start");
    run_to(p, t1 + clocks(2));
    out(p, 3, 0xe2);
    CHECK(in(p, 0) & 0x80, "mode 3 odd: high for 3 clocks");
    run_to(p, t1 + clocks(3));
    out(p, 3, 0xe2);
    CHECK(!(in(p, 0) & 0x80), "mode 3 odd: low for 2 clocks");
}

static void mode4(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x38);                    /* counter 0, word, mode 4 */
    out(p, 0, 100);
    out(p, 0, 0);
    int64_t t0 = now;
    rises = 0;
    CHECK(irq, "mode 4: OUT high");
    run_to(p, t0 + clocks(99));
    CHECK(rises == 0, "mode 4: no strobe yet");
    run_to(p, t0 + clocks(100));
    CHECK(irq && rises == 1, "mode 4: one strobe at terminal count");
    run_to(p, t0 + clocks(100000));
    CHECK(rises == 1, "mode 4: one strobe only");
}

static void mode5(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0xba);                    /* counter 2, word, mode 5 */
    out(p, 2, 50);
    out(p, 2, 0);
    run_to(p, now + clocks(200));
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 5: high, not triggered");
    i8254_port61_write(p, 0, 1, 1);
    int64_t t0 = now;
    run_to(p, t0 + clocks(49));
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 5: high while counting");
    run_to(p, t0 + clocks(50));
    CHECK(!(i8254_port61_read(p, 0, 1) & 0x20), "mode 5: strobe low at terminal count");
    run_to(p, t0 + clocks(51));
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 5: strobe lasts one clock");
}

static void gate_pauses(void)
{
    struct i8254 *p = fresh();
    i8254_port61_write(p, 0, 0, 1);     /* gate 2 low */
    out(p, 3, 0xb0);                    /* counter 2, word, mode 0 */
    out(p, 2, 100);
    out(p, 2, 0);
    run_to(p, now + clocks(1000));
    CHECK(latched(p, 2) == 100, "mode 0: gate low holds the count");
    i8254_port61_write(p, 0, 1, 1);
    int64_t t0 = now;
    run_to(p, t0 + clocks(30));
    CHECK(latched(p, 2) == 70, "mode 0: counts with the gate high");
    i8254_port61_write(p, 0, 0, 1);
    run_to(p, now + clocks(500));
    CHECK(latched(p, 2) == 70, "mode 0: paused again");
    i8254_port61_write(p, 0, 1, 1);
    int64_t t1 = now;
    run_to(p, t1 + clocks(69));
    CHECK(!(i8254_port61_read(p, 0, 1) & 0x20), "mode 0: OUT2 low before the end");
    run_to(p, t1 + clocks(70));
    CHECK(i8254_port61_read(p, 0, 1) & 0x20, "mode 0: OUT2 high at the end");
}

static void latch_holds(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x30);
    out(p, 0, 0x00);
    out(p, 0, 0x10);                    /* 4096 */
    int64_t t0 = now;
    run_to(p, t0 + clocks(96));
    out(p, 3, 0x00);                    /* latch: 4000 */
    run_to(p, t0 + clocks(500));
    out(p, 3, 0x00);                    /* ignored until read */
    unsigned lo = in(p, 0);
    run_to(p, t0 + clocks(900));
    unsigned hi = in(p, 0);
    CHECK((lo | hi << 8) == 4000, "latched count 4000, read %u", lo | hi << 8);
    /* Unlatched reads follow the count, LSB then MSB. */
    run_to(p, t0 + clocks(1096));
    lo = in(p, 0);
    hi = in(p, 0);
    CHECK((lo | hi << 8) == 3000, "live count 3000, read %u", lo | hi << 8);
}

static void readback(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x72);                    /* counter 1, word, mode 1 */
    out(p, 3, 0xe4);                    /* read-back status of counter 1 */
    uint8_t st = in(p, 1);
    CHECK(st == (0x80 | 0x40 | 0x30 | 0x02), "status after the control word: %#x", st);
    out(p, 3, 0x16);                    /* counter 0, LSB, mode 3 */
    out(p, 0, 0x80);
    out(p, 3, 0xc2);                    /* count and status of counter 0 */
    st = in(p, 0);
    CHECK(st == (0x80 | 0x10 | 0x06), "status counter 0: %#x", st);
    unsigned c = in(p, 0);
    CHECK(c == 0x80, "read-back count LSB %#x", c);
    /* A count latched by read-back ignores a later latch command. */
    out(p, 3, 0xd2);                    /* count only */
    run_to(p, now + clocks(20));
    out(p, 3, 0x00);
    c = in(p, 0);
    CHECK(c == 0x80, "read-back latch kept (%#x)", c);
    /* Status only, counter 2 (gate low at reset: mode 3 high). */
    out(p, 3, 0xe8);
    st = in(p, 2);
    CHECK(st == (0x80 | 0x30 | 0x06), "status counter 2 after reset: %#x", st);
}

static void access_forms(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x10);                    /* counter 0, LSB only, mode 0 */
    out(p, 0, 0x80);
    CHECK(in(p, 0) == 0x80 && in(p, 0) == 0x80, "LSB-only reads the LSB each time");
    out(p, 3, 0x20);                    /* MSB only */
    out(p, 0, 0x02);
    CHECK(in(p, 0) == 0x02, "MSB-only count 0x200 reads its MSB");
    out(p, 3, 0x00);
    CHECK(in(p, 0) == 0x02, "MSB-only latch gives the MSB");
    int64_t t0 = now;
    run_to(p, t0 + clocks(0x100));
    out(p, 3, 0xe2);
    CHECK((in(p, 0) & 0x30) == 0x20, "status shows MSB-only access");
    CHECK(in(p, 0) == 0x01, "MSB-only count after 256 clocks");
}

static void bcd(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x31);                    /* counter 0, word, mode 0, BCD */
    out(p, 0, 0x00);
    out(p, 0, 0x10);                    /* 1000 decimal */
    int64_t t0 = now;
    run_to(p, t0 + clocks(250));
    unsigned c = latched(p, 0);
    CHECK(c == 0x0750, "BCD count 0750 after 250 clocks, read %#x", c);
    run_to(p, t0 + clocks(1001));
    c = latched(p, 0);
    CHECK(c == 0x9999, "BCD count wraps to 9999, read %#x", c);
    out(p, 3, 0xe2);
    CHECK(in(p, 0) & 0x01, "status shows BCD");
    /* BCD count 0 is 10000. */
    out(p, 3, 0x35);                    /* mode 2, BCD */
    out(p, 0, 0);
    out(p, 0, 0);
    int64_t t1 = now;
    rises = 0;
    run_to(p, t1 + clocks(10000));
    CHECK(rises == 1, "BCD count 0 is a period of 10000 clocks");
}

static void rate_limit(void)
{
    struct i8254 *p = fresh();
    out(p, 3, 0x34);
    out(p, 0, 2);
    out(p, 0, 0);                       /* about 600 kHz */
    rises = 0;
    int64_t t0 = now, prev = 0;
    bool spaced = true;
    while (armed && armed <= t0 + 1000000) {
        if (prev && armed < prev + I8254_MIN_PERIOD_NS)
            spaced = false;
        prev = armed;
        run_to(p, armed);
    }
    CHECK(spaced, "edges no closer than the minimum period");
    CHECK(rises > 0 && rises <= 1000000 / I8254_MIN_PERIOD_NS + 1,
          "coalesced edges in 1 ms: %d", rises);
    /* Mode 3 with the illegal count 1: OUT stays high, nothing armed. */
    out(p, 3, 0x36);
    out(p, 0, 1);
    out(p, 0, 0);
    CHECK(irq && armed == 0, "mode 3 count 1: no edges");
}

static void reset_state(void)
{
    struct i8254 *p = fresh();
    int64_t t0 = now;
    /* Counter 0 runs mode 3 with 65536 after reset: 18.2 Hz. */
    CHECK(irq, "OUT0 high at reset");
    rises = 0;
    run_to(p, t0 + clocks(65536 * 3));
    CHECK(rises == 3, "18.2 Hz square wave after reset, %d edges", rises);
    /* Refresh toggle in port 0x61 bit 4 changes with time. */
    int seen = 0;
    for (int i = 0; i < 8; i++) {
        now += 15085;
        seen |= (i8254_port61_read(p, 0, 1) & 0x10) ? 2 : 1;
    }
    CHECK(seen == 3, "port 0x61 refresh bit toggles");
    i8254_port61_write(p, 0, 0x03, 1);
    CHECK((i8254_port61_read(p, 0, 1) & 0x0f) == 0x03, "port 0x61 low bits read back");
}

/* Any sequence of port accesses keeps the PIT sane: counts within the
 * modulus, deadlines in the future, edges no faster than the limit. */
static void random_access(void)
{
    struct i8254 *p = fresh();
    uint32_t x = 12345;
    int64_t t0 = now;
    bool sane = true;
    for (int i = 0; i < 200000; i++) {
        x = x * 1103515245u + 12345u;
        unsigned r = x >> 8;
        switch (r % 5) {
        case 0: out(p, r / 5 % 4, (uint8_t)(r >> 12)); break;
        case 1: (void)in(p, r / 5 % 4); break;
        case 2: i8254_port61_write(p, 0, (r >> 12) & 0xff, 1); break;
        case 3: (void)i8254_port61_read(p, 0, 1); break;
        default: run_to(p, now + (r >> 12) % 20000); break;
        }
        if (armed && armed < now)
            sane = false;
    }
    CHECK(sane, "no deadline armed in the past");
    CHECK(rises <= (now - t0) / I8254_MIN_PERIOD_NS + 1000,
          "edges bounded by the rate limit: %d in %lld ns", rises,
          (long long)(now - t0));
}

const struct dev_test i8254_tests[] = {
    { "pit-mode0", mode0 },
    { "pit-mode1", mode1 },
    { "pit-mode2", mode2 },
    { "pit-mode2-new-count", mode2_new_count },
    { "pit-mode3", mode3 },
    { "pit-mode4", mode4 },
    { "pit-mode5", mode5 },
    { "pit-gate-pauses", gate_pauses },
    { "pit-latch", latch_holds },
    { "pit-readback", readback },
    { "pit-access-forms", access_forms },
    { "pit-bcd", bcd },
    { "pit-rate-limit", rate_limit },
    { "pit-reset-state", reset_state },
    { "pit-random-access", random_access },
    { NULL, NULL },
};
