/*
 * 16550A UART (see uart16550.h).  Guest accesses come from the vCPU
 * thread, chardev input from the main loop: the state is under a mutex.
 * Output is queued and handed to the chardev on the main loop (chardevs
 * belong to it), woken by mainloop_kick.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "system/chardev.h"
#include "system/devices/uart16550.h"
#include "system/mainloop.h"
#include "util/error.h"

#define FIFO_SIZE 256
#define OUT_SIZE 65536

enum {
    LSR_DR = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40,
    IER_RDI = 0x01, IER_THRI = 0x02,
    IIR_NO_INT = 0x01, IIR_THRI = 0x02, IIR_RDI = 0x04, IIR_FIFO = 0xc0,
    LCR_DLAB = 0x80, MCR_LOOP = 0x10, FCR_ENABLE = 0x01,
};

struct uart16550 {
    pthread_mutex_t lock;
    struct chardev *chr;
    int regshift;
    void (*irq)(void *opaque, bool level);
    void *irq_opaque;
    uint8_t ier, lcr, mcr, scr, fcr, dll, dlm;
    bool thr_int;                 /* THR-empty interrupt pending */
    uint8_t rx[FIFO_SIZE];
    unsigned rx_head, rx_count;
    uint8_t out[OUT_SIZE];
    size_t out_len;
};

static void update_irq(struct uart16550 *u)
{
    bool level = ((u->ier & IER_RDI) && u->rx_count) ||
                 ((u->ier & IER_THRI) && u->thr_int);
    if (u->irq)
        u->irq(u->irq_opaque, level);
}

static void drain(void *opaque)
{
    struct uart16550 *u = opaque;
    uint8_t buf[OUT_SIZE];
    pthread_mutex_lock(&u->lock);
    size_t n = u->out_len;
    memcpy(buf, u->out, n);
    u->out_len = 0;
    pthread_mutex_unlock(&u->lock);
    if (n && u->chr)
        chardev_write(u->chr, buf, n);
}

static void received(void *opaque, const uint8_t *buf, size_t len)
{
    struct uart16550 *u = opaque;
    pthread_mutex_lock(&u->lock);
    for (size_t i = 0; i < len && u->rx_count < FIFO_SIZE; i++) {
        u->rx[(u->rx_head + u->rx_count) % FIFO_SIZE] = buf[i];
        u->rx_count++;
    }
    update_irq(u);
    pthread_mutex_unlock(&u->lock);
}

static void opened(void *opaque) {}
static void closed(void *opaque) {}

static const struct chardev_frontend uart_fe = {
    .opened = opened, .received = received, .closed = closed,
};

struct uart16550 *uart16550_new(struct chardev *chr, int regshift,
                                void (*irq)(void *opaque, bool level),
                                void *irq_opaque)
{
    struct uart16550 *u = xcalloc(1, sizeof(*u));
    pthread_mutex_init(&u->lock, NULL);
    u->chr = chr;
    u->regshift = regshift;
    u->irq = irq;
    u->irq_opaque = irq_opaque;
    uart16550_reset(u);
    if (chr)
        chardev_attach(chr, &uart_fe, u);
    mainloop_on_wake(drain, u);
    return u;
}

void uart16550_reset(struct uart16550 *u)
{
    pthread_mutex_lock(&u->lock);
    u->ier = u->lcr = u->mcr = u->scr = u->fcr = 0;
    u->dll = 12;    /* 9600 baud from 1.8432 MHz */
    u->dlm = 0;
    u->thr_int = false;
    u->rx_count = 0;
    update_irq(u);
    pthread_mutex_unlock(&u->lock);
}

static void put_byte(struct uart16550 *u, uint8_t b)
{
    if (u->mcr & MCR_LOOP) {
        if (u->rx_count < FIFO_SIZE) {
            u->rx[(u->rx_head + u->rx_count) % FIFO_SIZE] = b;
            u->rx_count++;
        }
        return;
    }
    if (u->out_len == OUT_SIZE) {
        /* The main loop is behind: hand over what we have first. */
        pthread_mutex_unlock(&u->lock);
        mainloop_kick();
        struct timespec ts = { 0, 1000000 };
        nanosleep(&ts, NULL);
        pthread_mutex_lock(&u->lock);
        if (u->out_len == OUT_SIZE)
            return;     /* dropped: the host side does not read */
    }
    bool first = u->out_len == 0;
    u->out[u->out_len++] = b;
    if (first)
        mainloop_kick();
}

uint64_t uart16550_read(void *opaque, uint64_t offset, unsigned size)
{
    struct uart16550 *u = opaque;
    unsigned reg = (unsigned)(offset >> u->regshift) & 7;
    uint8_t v = 0;

    pthread_mutex_lock(&u->lock);
    switch (reg) {
    case 0:
        if (u->lcr & LCR_DLAB) {
            v = u->dll;
        } else if (u->rx_count) {
            v = u->rx[u->rx_head];
            u->rx_head = (u->rx_head + 1) % FIFO_SIZE;
            u->rx_count--;
        }
        break;
    case 1: v = (u->lcr & LCR_DLAB) ? u->dlm : u->ier; break;
    case 2:
        if ((u->ier & IER_RDI) && u->rx_count)
            v = IIR_RDI;
        else if ((u->ier & IER_THRI) && u->thr_int) {
            v = IIR_THRI;
            u->thr_int = false;     /* reading IIR clears it */
        } else
            v = IIR_NO_INT;
        if (u->fcr & FCR_ENABLE)
            v |= IIR_FIFO;
        break;
    case 3: v = u->lcr; break;
    case 4: v = u->mcr; break;
    case 5: v = LSR_THRE | LSR_TEMT | (u->rx_count ? LSR_DR : 0); break;
    case 6:
        /* Loopback feeds the modem outputs back: DTR -> DSR, RTS -> CTS,
         * OUT1 -> RI, OUT2 -> DCD.  Else CTS, DSR and DCD are up. */
        if (u->mcr & MCR_LOOP)
            v = (uint8_t)((u->mcr & 1) << 5 | (u->mcr & 2) << 3 |
                          (u->mcr & 4) << 4 | (u->mcr & 8) << 4);
        else
            v = 0xb0;
        break;
    case 7: v = u->scr; break;
    }
    update_irq(u);
    pthread_mutex_unlock(&u->lock);
    return v;
}

void uart16550_write(void *opaque, uint64_t offset, uint64_t val,
                     unsigned size)
{
    struct uart16550 *u = opaque;
    unsigned reg = (unsigned)(offset >> u->regshift) & 7;
    uint8_t v = (uint8_t)val;

    pthread_mutex_lock(&u->lock);
    switch (reg) {
    case 0:
        if (u->lcr & LCR_DLAB) {
            u->dll = v;
        } else {
            put_byte(u, v);
            u->thr_int = true;      /* sent at once: THR is empty again */
        }
        break;
    case 1:
        if (u->lcr & LCR_DLAB) {
            u->dlm = v;
        } else {
            /* Enabling the THR interrupt with THR empty raises it. */
            if (!(u->ier & IER_THRI) && (v & IER_THRI))
                u->thr_int = true;
            u->ier = v & 0x0f;
        }
        break;
    case 2:
        u->fcr = v & 0xc9;
        if (v & 0x02)
            u->rx_count = 0;        /* receive FIFO reset */
        break;
    case 3: u->lcr = v; break;
    case 4: u->mcr = v & 0x1f; break;
    case 7: u->scr = v; break;
    default: break;
    }
    update_irq(u);
    pthread_mutex_unlock(&u->lock);
}
