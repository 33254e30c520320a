/* The i8042 keyboard controller with its PS/2 keyboard and mouse (see
 * i8042.h).  State under one mutex. */
#include <pthread.h>
#include <string.h>

#include "system/devices/i8042.h"
#include "util/error.h"

/* Status register. */
enum {
    ST_OBF = 0x01, ST_SYS = 0x04, ST_CMD = 0x08, ST_UNLOCKED = 0x10,
    ST_AUXB = 0x20,
};
/* Command byte. */
enum {
    CB_KBD_INT = 0x01, CB_AUX_INT = 0x02, CB_SYS = 0x04, CB_KBD_DIS = 0x10,
    CB_AUX_DIS = 0x20, CB_XLATE = 0x40,
};
/* Output port: bit 0 is the CPU reset line (active low). */
#define OUTPORT_RESET 0x01
#define OUTPORT_DEFAULT 0xcf

enum { ACK = 0xfa, RESEND = 0xfe, BAT_OK = 0xaa };

/* Bytes waiting for the output buffer; bit 8 marks a mouse byte. */
#define QSIZE 32
struct queue {
    uint16_t b[QSIZE];
    unsigned head, n;
};

struct kbd {
    uint8_t param_cmd;      /* command waiting for its parameter, 0: none */
    uint8_t set;            /* scan code set 1-3 */
    uint8_t leds;
    bool scanning;
};

struct mouse {
    uint8_t param_cmd;
    uint8_t rate, resolution;
    bool scaling21, enabled, remote, wrap;
};

struct i8042 {
    pthread_mutex_t lock;
    struct i8042_hooks h;
    uint8_t status, outport;
    uint8_t ram[32];        /* ram[0] is the command byte */
    uint8_t param_cmd;      /* controller command waiting for a data byte */
    uint8_t obf;            /* the byte in the output buffer */
    struct queue ctl, kbdq, auxq;
    struct kbd kbd;
    struct mouse mouse;
    bool irq1, irq12;
};

#define CB(k) ((k)->ram[0])

/* ---- Output buffer ------------------------------------------------------------- */

static void push(struct queue *q, uint16_t v)
{
    if (q->n == QSIZE)
        return;     /* a full device buffer drops, as the hardware does */
    q->b[(q->head + q->n++) % QSIZE] = v;
}

static uint16_t pop(struct queue *q)
{
    uint16_t v = q->b[q->head];
    q->head = (q->head + 1) % QSIZE;
    q->n--;
    return v;
}

static void sync_irqs(struct i8042 *k)
{
    bool full = k->status & ST_OBF, aux = k->status & ST_AUXB;
    bool irq1 = full && !aux && (CB(k) & CB_KBD_INT);
    bool irq12 = full && aux && (CB(k) & CB_AUX_INT);
    if (irq1 != k->irq1) {
        k->irq1 = irq1;
        if (k->h.irq)
            k->h.irq(k->h.opaque, 1, irq1);
    }
    if (irq12 != k->irq12) {
        k->irq12 = irq12;
        if (k->h.irq)
            k->h.irq(k->h.opaque, 12, irq12);
    }
}

/* Fill an empty output buffer: controller replies first, then the
 * keyboard's and the mouse's bytes unless their port is disabled. */
static void refill(struct i8042 *k)
{
    if (!(k->status & ST_OBF)) {
        struct queue *q = NULL;
        if (k->ctl.n)
            q = &k->ctl;
        else if (k->kbdq.n && !(CB(k) & CB_KBD_DIS))
            q = &k->kbdq;
        else if (k->auxq.n && !(CB(k) & CB_AUX_DIS))
            q = &k->auxq;
        if (q) {
            uint16_t v = pop(q);
            k->obf = (uint8_t)v;
            k->status |= ST_OBF;
            k->status = (k->status & ~ST_AUXB) | ((v & 0x100) ? ST_AUXB : 0);
        }
    }
    sync_irqs(k);
}

static void reply(struct i8042 *k, uint8_t v)
{
    push(&k->ctl, v);
}

static void kbd_out(struct i8042 *k, uint8_t v)
{
    push(&k->kbdq, v);
}

static void aux_out(struct i8042 *k, uint8_t v)
{
    push(&k->auxq, 0x100 | v);
}

/* ---- Keyboard ------------------------------------------------------------------ */

static void kbd_defaults(struct kbd *d)
{
    d->param_cmd = 0;
    d->set = 2;
    d->scanning = true;
}

/* The scan code set number as the keyboard reports it; translated by
 * the controller into its set 1 code when the command byte says so. */
static uint8_t set_code(const struct i8042 *k)
{
    static const uint8_t xlated[4] = { 0, 0x43, 0x41, 0x3f };
    return (CB(k) & CB_XLATE) ? xlated[k->kbd.set] : k->kbd.set;
}

static void kbd_write(struct i8042 *k, uint8_t v)
{
    struct kbd *d = &k->kbd;
    if (d->param_cmd) {
        uint8_t cmd = d->param_cmd;
        d->param_cmd = 0;
        switch (cmd) {
        case 0xed:                      /* LEDs */
            d->leds = v & 7;
            kbd_out(k, ACK);
            return;
        case 0xf3:                      /* typematic rate and delay */
            kbd_out(k, ACK);
            return;
        case 0xf0:                      /* scan code set */
            if (v == 0) {
                kbd_out(k, ACK);
                kbd_out(k, set_code(k));
            } else if (v <= 3) {
                d->set = v;
                kbd_out(k, ACK);
            } else {
                kbd_out(k, RESEND);
            }
            return;
        }
    }
    switch (v) {
    case 0xed: case 0xf3: case 0xf0:
        d->param_cmd = v;
        kbd_out(k, ACK);
        break;
    case 0xee:                          /* echo */
        kbd_out(k, 0xee);
        break;
    case 0xf2:                          /* identify: an MF2 keyboard */
        kbd_out(k, ACK);
        kbd_out(k, 0xab);
        kbd_out(k, (CB(k) & CB_XLATE) ? 0x41 : 0x83);
        break;
    case 0xf4:                          /* enable scanning */
        d->scanning = true;
        kbd_out(k, ACK);
        break;
    case 0xf5:                          /* disable and set defaults */
        kbd_defaults(d);
        d->scanning = false;
        kbd_out(k, ACK);
        break;
    case 0xf6:                          /* set defaults */
        kbd_defaults(d);
        kbd_out(k, ACK);
        break;
    case 0xf7: case 0xf8: case 0xf9: case 0xfa: case 0xfb: case 0xfc:
    case 0xfd: case 0xfe:               /* set 3 key types, resend */
        kbd_out(k, ACK);
        break;
    case 0xff:                          /* reset and self-test */
        kbd_defaults(d);
        d->leds = 0;
        kbd_out(k, ACK);
        kbd_out(k, BAT_OK);
        break;
    default:
        kbd_out(k, RESEND);
        break;
    }
}

/* ---- Mouse ------------------------------------------------------------------------ */

static void mouse_defaults(struct mouse *m)
{
    m->param_cmd = 0;
    m->rate = 100;
    m->resolution = 2;
    m->scaling21 = false;
    m->enabled = false;
    m->remote = false;
}

/* A movement packet with nothing moved and no button down. */
static void mouse_packet(struct i8042 *k)
{
    aux_out(k, 0x08);
    aux_out(k, 0);
    aux_out(k, 0);
}

static void mouse_write(struct i8042 *k, uint8_t v)
{
    struct mouse *m = &k->mouse;
    if (m->param_cmd) {
        uint8_t cmd = m->param_cmd;
        m->param_cmd = 0;
        if (cmd == 0xf3)
            m->rate = v;
        else
            m->resolution = v & 3;
        aux_out(k, ACK);
        return;
    }
    if (m->wrap && v != 0xec && v != 0xff) {
        aux_out(k, v);                  /* wrap mode echoes */
        return;
    }
    switch (v) {
    case 0xe6: m->scaling21 = false; aux_out(k, ACK); break;
    case 0xe7: m->scaling21 = true; aux_out(k, ACK); break;
    case 0xe8: case 0xf3:               /* resolution, sample rate */
        m->param_cmd = v;
        aux_out(k, ACK);
        break;
    case 0xe9:                          /* status request */
        aux_out(k, ACK);
        aux_out(k, (uint8_t)((m->remote ? 0x40 : 0) | (m->enabled ? 0x20 : 0) |
                             (m->scaling21 ? 0x10 : 0)));
        aux_out(k, m->resolution);
        aux_out(k, m->rate);
        break;
    case 0xea: m->remote = false; aux_out(k, ACK); break;
    case 0xeb:                          /* read data */
        aux_out(k, ACK);
        mouse_packet(k);
        break;
    case 0xec: m->wrap = false; aux_out(k, ACK); break;
    case 0xee: m->wrap = true; aux_out(k, ACK); break;
    case 0xf0: m->remote = true; aux_out(k, ACK); break;
    case 0xf2:                          /* identify: a standard mouse */
        aux_out(k, ACK);
        aux_out(k, 0x00);
        break;
    case 0xf4: m->enabled = true; aux_out(k, ACK); break;
    case 0xf5: m->enabled = false; aux_out(k, ACK); break;
    case 0xf6: mouse_defaults(m); aux_out(k, ACK); break;
    case 0xfe: aux_out(k, ACK); break;
    case 0xff:
        mouse_defaults(m);
        m->wrap = false;
        aux_out(k, ACK);
        aux_out(k, BAT_OK);
        aux_out(k, 0x00);
        break;
    default:
        aux_out(k, RESEND);
        break;
    }
}

/* ---- Controller -------------------------------------------------------------------- */

static void pulse_reset(struct i8042 *k)
{
    if (k->h.reset)
        k->h.reset(k->h.opaque);
}

static void command(struct i8042 *k, uint8_t v)
{
    k->param_cmd = 0;
    if (v >= 0x20 && v <= 0x3f) {       /* read command byte / RAM */
        reply(k, k->ram[v & 0x1f]);
        return;
    }
    if ((v >= 0x60 && v <= 0x7f) || v == 0xd1 || v == 0xd2 || v == 0xd3 ||
        v == 0xd4) {
        k->param_cmd = v;               /* the data byte follows */
        return;
    }
    if (v >= 0xf0) {
        /* Pulse the output port bits whose mask bit is 0 (bit 0:
         * reset). */
        if (!(v & 1))
            pulse_reset(k);
        return;
    }
    switch (v) {
    case 0xa7: CB(k) |= CB_AUX_DIS; break;
    case 0xa8: CB(k) &= ~CB_AUX_DIS; break;
    case 0xa9: reply(k, 0x00); break;   /* aux interface test: no error */
    case 0xaa:                          /* self-test */
        k->status |= ST_SYS;
        reply(k, 0x55);
        break;
    case 0xab: reply(k, 0x00); break;   /* keyboard interface test */
    case 0xad: CB(k) |= CB_KBD_DIS; break;
    case 0xae: CB(k) &= ~CB_KBD_DIS; break;
    case 0xc0: reply(k, 0x80); break;   /* input port: not inhibited */
    case 0xd0: reply(k, k->outport); break;
    case 0xe0: reply(k, 0x00); break;   /* test inputs */
    default: break;                     /* unknown commands are ignored */
    }
}

static void data(struct i8042 *k, uint8_t v)
{
    uint8_t cmd = k->param_cmd;
    k->param_cmd = 0;
    if (cmd >= 0x60 && cmd <= 0x7f) {
        k->ram[cmd & 0x1f] = v;
        if (cmd == 0x60)
            k->status = (k->status & ~ST_SYS) | ((v & CB_SYS) ? ST_SYS : 0);
        return;
    }
    switch (cmd) {
    case 0xd1:                          /* write the output port */
        k->outport = v;
        if (!(v & OUTPORT_RESET))
            pulse_reset(k);
        break;
    case 0xd2: reply(k, v); break;      /* as if from the keyboard */
    case 0xd3: push(&k->ctl, 0x100 | v); break;   /* as if from the mouse */
    case 0xd4: mouse_write(k, v); break;
    default:
        /* To the keyboard, which also enables its interface. */
        CB(k) &= ~CB_KBD_DIS;
        kbd_write(k, v);
        break;
    }
}

uint64_t i8042_read(void *opaque, uint64_t offset, unsigned size)
{
    struct i8042 *k = opaque;
    uint8_t v = 0xff;
    pthread_mutex_lock(&k->lock);
    if (offset == 0) {
        v = k->obf;
        if (k->status & ST_OBF) {
            /* Lower the line before the next byte raises it again, so
             * an edge-triggered PIC sees every byte. */
            k->status &= ~(ST_OBF | ST_AUXB);
            sync_irqs(k);
            refill(k);
        }
    } else if (offset == 4) {
        v = k->status;
    }
    pthread_mutex_unlock(&k->lock);
    return v;
}

void i8042_write(void *opaque, uint64_t offset, uint64_t val, unsigned size)
{
    struct i8042 *k = opaque;
    pthread_mutex_lock(&k->lock);
    if (offset == 0) {
        k->status &= ~ST_CMD;
        data(k, (uint8_t)val);
    } else if (offset == 4) {
        k->status |= ST_CMD;
        command(k, (uint8_t)val);
    }
    refill(k);
    pthread_mutex_unlock(&k->lock);
}

void i8042_reset(struct i8042 *k)
{
    pthread_mutex_lock(&k->lock);
    memset(k->ram, 0, sizeof(k->ram));
    CB(k) = CB_KBD_INT | CB_AUX_INT;
    k->status = ST_CMD | ST_UNLOCKED;
    k->outport = OUTPORT_DEFAULT;
    k->param_cmd = 0;
    k->obf = 0;
    memset(&k->ctl, 0, sizeof(k->ctl));
    memset(&k->kbdq, 0, sizeof(k->kbdq));
    memset(&k->auxq, 0, sizeof(k->auxq));
    kbd_defaults(&k->kbd);
    k->kbd.leds = 0;
    mouse_defaults(&k->mouse);
    k->mouse.wrap = false;
    sync_irqs(k);
    pthread_mutex_unlock(&k->lock);
}

struct i8042 *i8042_new(const struct i8042_hooks *h)
{
    struct i8042 *k = xcalloc(1, sizeof(*k));
    pthread_mutex_init(&k->lock, NULL);
    k->h = *h;
    i8042_reset(k);
    return k;
}
