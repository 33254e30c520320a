/* The i8259A pair (see i8259.h).  State under one mutex: devices raise
 * lines from the vCPU thread and the main loop. */
#include <pthread.h>
#include <string.h>

#include "system/devices/i8259.h"
#include "util/error.h"

struct pic {
    uint8_t irr, imr, isr, level;   /* level: current input lines */
    uint8_t base;                   /* ICW2 vector base */
    uint8_t elcr;                   /* level-triggered lines */
    int icw_step;                   /* 0: operational; 2, 3, 4: next ICW */
    bool need_icw4, single, read_isr, auto_eoi;
};

struct i8259 {
    pthread_mutex_t lock;
    struct pic pic[2];              /* master, slave */
    void (*out)(void *opaque, bool level);
    void *opaque;
    bool out_level;
};

/* Highest-priority bit of m (IRQ 0 first), or -1. */
static int prio(uint8_t m)
{
    return m ? __builtin_ctz(m) : -1;
}

/* The line a PIC would interrupt with, or -1: a request above every
 * in-service level. */
static int pending(const struct pic *c)
{
    int req = prio(c->irr & ~c->imr);
    if (req < 0)
        return -1;
    int serv = prio(c->isr);
    return (serv < 0 || req < serv) ? req : -1;
}

static void update(struct i8259 *p)
{
    struct pic *m = &p->pic[0], *s = &p->pic[1];
    /* The slave's output is master input 2. */
    bool slave_out = pending(s) >= 0;
    if (slave_out)
        m->irr |= 1u << 2;
    else if (!(m->isr & (1u << 2)))
        m->irr &= ~(1u << 2);
    bool level = pending(m) >= 0;
    if (level != p->out_level) {
        p->out_level = level;
        if (p->out)
            p->out(p->opaque, level);
    }
}

static void pic_reset(struct pic *c)
{
    uint8_t elcr = c->elcr;
    memset(c, 0, sizeof(*c));
    c->elcr = elcr;
}

void i8259_reset(struct i8259 *p)
{
    pthread_mutex_lock(&p->lock);
    pic_reset(&p->pic[0]);
    pic_reset(&p->pic[1]);
    p->pic[0].elcr = p->pic[1].elcr = 0;
    update(p);
    pthread_mutex_unlock(&p->lock);
}

struct i8259 *i8259_new(void (*out)(void *opaque, bool level), void *opaque)
{
    struct i8259 *p = xcalloc(1, sizeof(*p));
    pthread_mutex_init(&p->lock, NULL);
    p->out = out;
    p->opaque = opaque;
    return p;
}

void i8259_set_irq(struct i8259 *p, int n, bool level)
{
    if (n < 0 || n > 15)
        return;
    struct pic *c = &p->pic[n >> 3];
    uint8_t bit = 1u << (n & 7);
    pthread_mutex_lock(&p->lock);
    if (c->elcr & bit) {
        /* Level-triggered: the request follows the line. */
        if (level)
            c->irr |= bit;
        else
            c->irr &= ~bit;
    } else if (level && !(c->level & bit)) {
        c->irr |= bit;              /* rising edge */
    }
    if (level)
        c->level |= bit;
    else
        c->level &= ~bit;
    update(p);
    pthread_mutex_unlock(&p->lock);
}

/* Acknowledge on one PIC: the line moves from IRR to ISR. */
static int ack(struct pic *c)
{
    int irq = pending(c);
    if (irq < 0)
        return -1;
    uint8_t bit = 1u << irq;
    if (!(c->elcr & bit))
        c->irr &= ~bit;
    if (!c->auto_eoi)
        c->isr |= bit;
    return irq;
}

uint8_t i8259_iack(struct i8259 *p)
{
    pthread_mutex_lock(&p->lock);
    struct pic *m = &p->pic[0], *s = &p->pic[1];
    int irq = ack(m);
    uint8_t v;
    if (irq == 2) {
        int sirq = ack(s);
        v = (uint8_t)(s->base + (sirq < 0 ? 7 : sirq));
    } else {
        v = (uint8_t)(m->base + (irq < 0 ? 7 : irq));
    }
    update(p);
    pthread_mutex_unlock(&p->lock);
    return v;
}

static void write_pic(struct pic *c, unsigned port, uint8_t v)
{
    if (port == 0) {
        if (v & 0x10) {                         /* ICW1 */
            uint8_t elcr = c->elcr;
            memset(c, 0, sizeof(*c));
            c->elcr = elcr;
            c->need_icw4 = v & 1;
            c->single = v & 2;
            c->icw_step = 2;
        } else if (v & 0x08) {                  /* OCW3 */
            if (v & 2)
                c->read_isr = v & 1;
        } else {                                /* OCW2 */
            unsigned cmd = v >> 5;
            if (cmd == 1 || cmd == 5) {         /* non-specific EOI */
                int i = prio(c->isr);
                if (i >= 0)
                    c->isr &= ~(1u << i);
            } else if (cmd == 3 || cmd == 7) {  /* specific EOI */
                c->isr &= ~(1u << (v & 7));
            }
        }
        return;
    }
    switch (c->icw_step) {
    case 2:
        c->base = v & 0xf8;
        c->icw_step = c->single ? (c->need_icw4 ? 4 : 0) : 3;
        break;
    case 3:
        c->icw_step = c->need_icw4 ? 4 : 0;
        break;
    case 4:
        c->auto_eoi = v & 2;
        c->icw_step = 0;
        break;
    default:
        c->imr = v;                             /* OCW1 */
        break;
    }
}

/* offset from ISA port 0x20: 0/1 master, 0x80/0x81 slave. */
uint64_t i8259_read(void *opaque, uint64_t offset, unsigned size)
{
    struct i8259 *p = opaque;
    struct pic *c = &p->pic[offset >= 0x80];
    unsigned port = offset & 1;
    pthread_mutex_lock(&p->lock);
    uint8_t v = port ? c->imr : (c->read_isr ? c->isr : c->irr);
    pthread_mutex_unlock(&p->lock);
    return v;
}

void i8259_write(void *opaque, uint64_t offset, uint64_t val, unsigned size)
{
    struct i8259 *p = opaque;
    pthread_mutex_lock(&p->lock);
    write_pic(&p->pic[offset >= 0x80], offset & 1, (uint8_t)val);
    update(p);
    pthread_mutex_unlock(&p->lock);
}

uint64_t i8259_elcr_read(void *opaque, uint64_t offset, unsigned size)
{
    struct i8259 *p = opaque;
    return p->pic[offset & 1].elcr;
}

void i8259_elcr_write(void *opaque, uint64_t offset, uint64_t val,
                      unsigned size)
{
    struct i8259 *p = opaque;
    pthread_mutex_lock(&p->lock);
    /* IRQs 0, 1, 2, 8 and 13 are always edge-triggered. */
    p->pic[offset & 1].elcr = (uint8_t)val & ((offset & 1) ? 0xde : 0xf8);
    update(p);
    pthread_mutex_unlock(&p->lock);
}
