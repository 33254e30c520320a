/* The 8254 PIT (see i8254.h).  State under one mutex: the vCPU thread
 * reaches it through the ports, the host timer thread through
 * i8254_timer. */
#include <pthread.h>
#include <string.h>

#include "system/devices/i8254.h"
#include "util/error.h"

/* Control word fields. */
#define CW_SC(v) ((v) >> 6)             /* counter; 3: read-back */
#define CW_RW(v) (((v) >> 4) & 3)       /* 0: counter latch command */
#define CW_MODE(v) (((v) >> 1) & 7)
#define CW_BCD 0x01
/* Read-back command: bits 5 and 4 are active low. */
#define RB_NO_COUNT 0x20
#define RB_NO_STATUS 0x10
/* Status byte. */
#define ST_OUT 0x80
#define ST_NULL 0x40

enum { RW_LSB = 1, RW_MSB = 2, RW_WORD = 3 };
enum { EV_NONE, EV_RISE, EV_FALL, EV_PULSE };

struct counter {
    uint8_t mode, rw;
    bool bcd;
    uint32_t cr;            /* count register, binary value; 0: the maximum */
    uint32_t n;             /* count in the counting element (1..65536) */
    bool counting;          /* n holds a loaded count */
    bool armed;             /* modes 1 and 5: triggered by the gate */
    int64_t load;           /* host ns when n started counting */
    bool frozen;            /* gate low in modes 0, 2, 3, 4 */
    uint64_t frozen_d;      /* clocks counted before the gate fell */
    bool next_pending;      /* modes 2, 3: a new count at the period's end */
    uint32_t next_n;
    int64_t next_at;
    bool gate;
    bool null_count;
    /* Access flip-flops and latches. */
    bool wr_msb, rd_msb;
    uint8_t wr_lsb;
    uint8_t latch_left;     /* count bytes still latched: 0, 1 or 2 */
    bool latch_msb;         /* the next latched byte is the MSB */
    uint16_t latch;
    bool st_latched;
    uint8_t status;
};

struct i8254 {
    pthread_mutex_t lock;
    struct i8254_hooks h;
    struct counter c[3];
    uint8_t port61;         /* bits 0-3 as written */
    bool out0;              /* level last given to IRQ 0 */
    int64_t sched_at;       /* armed moment, 0: none */
    int sched_ev;
    int64_t last_fired;     /* when the timer last delivered an edge */
};

/* ---- Counting ----------------------------------------------------------------- */

static uint32_t modulus(const struct counter *c)
{
    return c->bcd ? 10000 : 65536;
}

static uint64_t ns_to_clocks(int64_t ns)
{
    return ns <= 0 ? 0
                   : (uint64_t)((unsigned __int128)ns * I8254_HZ / 1000000000u);
}

/* The first host ns at which clocks have elapsed since load. */
static int64_t clocks_to_ns(uint64_t clocks)
{
    return (int64_t)(((unsigned __int128)clocks * 1000000000u + I8254_HZ - 1) /
                     I8254_HZ);
}

/* A count written in the counter's format as a binary value; 0 stays 0. */
static uint32_t from_reg(const struct counter *c, uint32_t v)
{
    if (!c->bcd)
        return v;
    return (v >> 12 & 15) * 1000 + (v >> 8 & 15) * 100 + (v >> 4 & 15) * 10 +
           (v & 15);
}

static uint16_t to_reg(const struct counter *c, uint32_t v)
{
    v %= modulus(c);
    if (!c->bcd)
        return (uint16_t)v;
    return (uint16_t)((v / 1000) << 12 | (v / 100 % 10) << 8 |
                      (v / 10 % 10) << 4 | v % 10);
}

/* A count of 0 counts the full modulus. */
static uint32_t count_of(const struct counter *c, uint32_t cr)
{
    return cr ? cr : modulus(c);
}

/* A new count written in mode 2 or 3 takes over at the end of the
 * current period: apply it once that moment has passed. */
static void settle(struct counter *c, int64_t now)
{
    if (c->next_pending && now >= c->next_at) {
        c->n = c->next_n;
        c->load = c->next_at;
        c->next_pending = false;
        c->null_count = false;
    }
}

static bool running(const struct counter *c)
{
    if (!c->counting)
        return false;
    if ((c->mode == 1 || c->mode == 5) && !c->armed)
        return false;
    return true;
}

/* Clocks counted since the count was loaded. */
static uint64_t elapsed(const struct counter *c, int64_t now)
{
    if (c->frozen)
        return c->frozen_d;
    return ns_to_clocks(now - c->load);
}

static uint32_t count_at(const struct counter *c, int64_t now)
{
    if (!running(c))
        return c->counting ? c->n % modulus(c) : c->cr;
    uint64_t d = elapsed(c, now);
    uint32_t n = c->n, m = modulus(c);
    switch (c->mode) {
    case 2:
        return n - (uint32_t)(d % n);
    case 3: {
        /* Counts down by two, each half period from n (even part). */
        uint32_t p = (uint32_t)(d % n), h = (n + 1) / 2;
        uint32_t k = p < h ? p : p - h;
        uint32_t even = n & ~1u;
        return even > 2 * k ? even - 2 * k : 2;
    }
    default:    /* 0, 1, 4, 5: down to 0, then on around the modulus */
        return (uint32_t)(((uint64_t)n + m - d % m) % m);
    }
}

static bool out_at(const struct counter *c, int64_t now)
{
    if (!c->counting)
        return c->mode != 0;
    if ((c->mode == 1 || c->mode == 5) && !c->armed)
        return true;
    if ((c->mode == 2 || c->mode == 3) && !c->gate)
        return true;
    uint64_t d = elapsed(c, now);
    uint32_t n = c->n;
    switch (c->mode) {
    case 0: case 1:
        return d >= n;
    case 2:
        return n < 2 || d % n != n - 1;
    case 3:
        return n < 2 || d % n < (n + 1) / 2;
    default:    /* 4, 5: low for the one clock at terminal count */
        return d != n;
    }
}

/* The next change of the output after now: its kind and the host ns. */
static int next_event(const struct counter *c, int64_t now, int64_t *at)
{
    if (!running(c) || c->frozen)
        return EV_NONE;
    uint64_t d = elapsed(c, now), n = c->n, e;
    int ev;
    switch (c->mode) {
    case 0: case 1:
        if (d >= n)
            return EV_NONE;
        e = n;
        ev = EV_RISE;
        break;
    case 2:
        if (n < 2)
            return EV_NONE;
        e = (d / n + 1) * n;
        ev = EV_PULSE;
        break;
    case 3: {
        /* Counts below 2 are illegal in modes 2 and 3: OUT stays high. */
        if (n < 2)
            return EV_NONE;
        uint64_t p = d % n, h = (n + 1) / 2;
        if (p < h) {
            e = d - p + h;
            ev = EV_FALL;
        } else {
            e = d - p + n;
            ev = EV_RISE;
        }
        break;
    }
    default:
        if (d >= n)
            return EV_NONE;
        e = n;
        ev = EV_PULSE;
        break;
    }
    *at = c->load + clocks_to_ns(e);
    if (c->next_pending && c->next_at < *at)
        *at = c->next_at;
    return ev;
}

/* ---- IRQ 0 ---------------------------------------------------------------------- */

static void set_out0(struct i8254 *p, bool level)
{
    if (level != p->out0) {
        p->out0 = level;
        if (p->h.irq0)
            p->h.irq0(p->h.opaque, level);
    }
}

/* Deliver the edge armed for a moment that has passed (the timer thread
 * may not have run yet when the guest touches the PIT). */
static void fire_due(struct i8254 *p, int64_t now)
{
    if (!p->sched_at || now < p->sched_at)
        return;
    /* A one-clock low pulse cannot be timed: give the PIC its edge. */
    if (p->sched_ev == EV_PULSE) {
        set_out0(p, false);
        set_out0(p, true);
    } else {
        set_out0(p, p->sched_ev == EV_RISE);
    }
    p->sched_at = 0;
    p->sched_ev = EV_NONE;
    p->last_fired = now;
}

/* Bring IRQ 0 to counter 0's output now and arm for its next change. */
static void schedule(struct i8254 *p, int64_t now)
{
    struct counter *c = &p->c[0];
    fire_due(p, now);
    settle(c, now);
    /* Modes 2, 4 and 5 are low for one clock only, given as a pulse:
     * their level is high. */
    bool pulsed = c->mode == 2 || c->mode == 4 || c->mode == 5;
    set_out0(p, pulsed || out_at(c, now));
    int64_t at = 0;
    int ev = next_event(c, now, &at);
    if (ev != EV_NONE && at < p->last_fired + I8254_MIN_PERIOD_NS)
        at = p->last_fired + I8254_MIN_PERIOD_NS;
    if (ev == EV_NONE)
        at = 0;
    if (at != p->sched_at || ev != p->sched_ev) {
        p->sched_at = at;
        p->sched_ev = ev;
        if (p->h.arm)
            p->h.arm(p->h.opaque, at);
    }
}

void i8254_timer(void *opaque)
{
    struct i8254 *p = opaque;
    pthread_mutex_lock(&p->lock);
    schedule(p, p->h.now(p->h.opaque));
    pthread_mutex_unlock(&p->lock);
}

/* ---- Programming ----------------------------------------------------------------- */

static void control_word(struct counter *c, uint8_t v)
{
    c->mode = CW_MODE(v) > 5 ? CW_MODE(v) - 4 : CW_MODE(v);
    c->rw = CW_RW(v);
    c->bcd = v & CW_BCD;
    c->counting = false;
    c->armed = false;
    c->frozen = false;
    c->next_pending = false;
    c->null_count = true;
    c->wr_msb = c->rd_msb = false;
    c->latch_left = 0;
    c->st_latched = false;
}

/* The count written is complete: load it as the mode says. */
static void load_count(struct counter *c, uint32_t cr, int64_t now)
{
    c->cr = cr;
    c->null_count = true;
    uint32_t n = count_of(c, cr);
    switch (c->mode) {
    case 1: case 5:
        /* Waits for a gate trigger. */
        c->counting = true;
        if (!c->armed)
            c->n = n;
        return;
    case 2: case 3:
        if (c->counting && c->gate && !c->frozen) {
            int64_t end;
            uint64_t d = elapsed(c, now);
            end = c->load + clocks_to_ns((d / c->n + 1) * c->n);
            c->next_pending = true;
            c->next_n = n;
            c->next_at = end;
            return;
        }
        break;
    default:
        break;
    }
    c->n = n;
    c->counting = true;
    c->load = now;
    c->null_count = false;
    c->frozen = !c->gate;
    c->frozen_d = 0;
}

static void write_count(struct counter *c, uint8_t v, int64_t now)
{
    switch (c->rw) {
    case RW_LSB:
        load_count(c, from_reg(c, v), now);
        break;
    case RW_MSB:
        load_count(c, from_reg(c, (uint32_t)v << 8), now);
        break;
    case RW_WORD:
        if (!c->wr_msb) {
            c->wr_lsb = v;
            c->wr_msb = true;
            /* Mode 0: the first byte stops the count (OUT goes low). */
            if (c->mode == 0)
                c->counting = false;
        } else {
            c->wr_msb = false;
            load_count(c, from_reg(c, (uint32_t)v << 8 | c->wr_lsb), now);
        }
        break;
    }
}

static uint8_t status_byte(const struct counter *c, int64_t now)
{
    return (uint8_t)((out_at(c, now) ? ST_OUT : 0) | (c->null_count ? ST_NULL : 0) |
                     c->rw << 4 | c->mode << 1 | (c->bcd ? 1 : 0));
}

static void latch_count(struct counter *c, int64_t now)
{
    if (c->latch_left)
        return;         /* the first latch holds until read */
    c->latch = to_reg(c, count_at(c, now));
    c->latch_left = c->rw == RW_WORD ? 2 : 1;
    c->latch_msb = c->rw == RW_MSB;
}

static uint8_t read_counter(struct counter *c, int64_t now)
{
    if (c->st_latched) {
        c->st_latched = false;
        return c->status;
    }
    if (c->latch_left) {
        uint8_t v = c->latch_msb ? c->latch >> 8 : c->latch & 0xff;
        c->latch_left--;
        c->latch_msb = !c->latch_msb;
        return v;
    }
    uint16_t cur = to_reg(c, count_at(c, now));
    switch (c->rw) {
    case RW_LSB:
        return cur & 0xff;
    case RW_MSB:
        return cur >> 8;
    default: {
        bool msb = c->rd_msb;
        c->rd_msb = !c->rd_msb;
        return msb ? cur >> 8 : cur & 0xff;
    }
    }
}

static void set_gate(struct counter *c, bool gate, int64_t now)
{
    if (gate == c->gate)
        return;
    settle(c, now);
    c->gate = gate;
    if (gate) {
        switch (c->mode) {
        case 1: case 5:
            /* Trigger: (re)load and count. */
            if (c->counting) {
                c->n = count_of(c, c->cr);
                c->armed = true;
                c->load = now;
                c->null_count = false;
            }
            break;
        case 2: case 3:
            /* Restart the period from the full count. */
            if (c->counting) {
                if (c->next_pending) {
                    c->n = c->next_n;
                    c->next_pending = false;
                    c->null_count = false;
                }
                c->frozen = false;
                c->load = now;
            }
            break;
        default:
            if (c->frozen) {
                c->frozen = false;
                c->load = now - clocks_to_ns(c->frozen_d);
            }
            break;
        }
    } else if (c->counting && c->mode != 1 && c->mode != 5) {
        c->frozen_d = elapsed(c, now);
        c->frozen = true;
    }
}

/* ---- Ports ------------------------------------------------------------------------- */

uint64_t i8254_read(void *opaque, uint64_t offset, unsigned size)
{
    struct i8254 *p = opaque;
    if (offset >= 3)
        return 0xff;    /* the control word register is write-only */
    pthread_mutex_lock(&p->lock);
    int64_t now = p->h.now(p->h.opaque);
    struct counter *c = &p->c[offset];
    settle(c, now);
    uint8_t v = read_counter(c, now);
    pthread_mutex_unlock(&p->lock);
    return v;
}

void i8254_write(void *opaque, uint64_t offset, uint64_t val, unsigned size)
{
    struct i8254 *p = opaque;
    uint8_t v = (uint8_t)val;
    if (offset > 3)
        return;
    pthread_mutex_lock(&p->lock);
    int64_t now = p->h.now(p->h.opaque);
    fire_due(p, now);       /* an edge that came before this write */
    for (int i = 0; i < 3; i++)
        settle(&p->c[i], now);
    if (offset < 3) {
        write_count(&p->c[offset], v, now);
    } else if (CW_SC(v) == 3) {
        /* Read-back: latch count and/or status of the selected counters. */
        for (int i = 0; i < 3; i++) {
            if (!(v & (2 << i)))
                continue;
            struct counter *c = &p->c[i];
            if (!(v & RB_NO_STATUS) && !c->st_latched) {
                c->status = status_byte(c, now);
                c->st_latched = true;
            }
            if (!(v & RB_NO_COUNT))
                latch_count(c, now);
        }
    } else if (CW_RW(v) == 0) {
        latch_count(&p->c[CW_SC(v)], now);
    } else {
        control_word(&p->c[CW_SC(v)], v);
    }
    schedule(p, now);
    pthread_mutex_unlock(&p->lock);
}

uint64_t i8254_port61_read(void *opaque, uint64_t offset, unsigned size)
{
    struct i8254 *p = opaque;
    pthread_mutex_lock(&p->lock);
    int64_t now = p->h.now(p->h.opaque);
    struct counter *c = &p->c[2];
    settle(c, now);
    /* Bit 4 toggles with every DRAM refresh request, 15.085 us apart. */
    uint8_t v = (p->port61 & 0x0f) | ((now / 15085) & 1 ? 0x10 : 0) |
                (out_at(c, now) ? 0x20 : 0);
    pthread_mutex_unlock(&p->lock);
    return v;
}

void i8254_port61_write(void *opaque, uint64_t offset, uint64_t val,
                        unsigned size)
{
    struct i8254 *p = opaque;
    pthread_mutex_lock(&p->lock);
    int64_t now = p->h.now(p->h.opaque);
    p->port61 = (uint8_t)val & 0x0f;
    set_gate(&p->c[2], val & 1, now);
    pthread_mutex_unlock(&p->lock);
}

/* ---- Life cycle --------------------------------------------------------------------- */

void i8254_reset(struct i8254 *p)
{
    pthread_mutex_lock(&p->lock);
    int64_t now = p->h.now(p->h.opaque);
    memset(p->c, 0, sizeof(p->c));
    p->port61 = 0;
    for (int i = 0; i < 3; i++) {
        struct counter *c = &p->c[i];
        c->gate = i != 2;
        control_word(c, (uint8_t)(i << 6 | RW_WORD << 4 | 3 << 1));
        load_count(c, 0, now);
    }
    schedule(p, now);
    pthread_mutex_unlock(&p->lock);
}

struct i8254 *i8254_new(const struct i8254_hooks *h)
{
    struct i8254 *p = xcalloc(1, sizeof(*p));
    pthread_mutex_init(&p->lock, NULL);
    p->h = *h;
    p->out0 = false;
    i8254_reset(p);
    return p;
}
