/* MC146818 RTC (see mc146818rtc.h). */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "system/devices/mc146818rtc.h"
#include "util/error.h"

enum {
    REG_SEC = 0, REG_MIN = 2, REG_HOUR = 4, REG_DOW = 6, REG_DAY = 7,
    REG_MON = 8, REG_YEAR = 9, REG_A = 10, REG_B = 11, REG_C = 12,
    REG_D = 13,
    A_UIP = 0x80, B_SET = 0x80, B_DM = 0x04, B_24H = 0x02, D_VRT = 0x80,
};

struct mc146818 {
    pthread_mutex_t lock;
    uint8_t index;
    uint8_t cmos[128];
};

void mc146818_reset(struct mc146818 *r)
{
    pthread_mutex_lock(&r->lock);
    r->cmos[REG_A] = 0x26;           /* 32.768 kHz time base, 1024 Hz */
    r->cmos[REG_B] = B_24H;
    r->cmos[REG_C] = 0;
    r->cmos[REG_D] = D_VRT;
    pthread_mutex_unlock(&r->lock);
}

struct mc146818 *mc146818_new(void)
{
    struct mc146818 *r = xcalloc(1, sizeof(*r));
    pthread_mutex_init(&r->lock, NULL);
    mc146818_reset(r);
    return r;
}

static uint8_t enc(const struct mc146818 *r, int v)
{
    return (r->cmos[REG_B] & B_DM) ? (uint8_t)v
                                    : (uint8_t)((v / 10) << 4 | v % 10);
}

static uint8_t read_reg(struct mc146818 *r, unsigned i)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    switch (i) {
    case REG_SEC: return enc(r, tm.tm_sec);
    case REG_MIN: return enc(r, tm.tm_min);
    case REG_HOUR: return enc(r, tm.tm_hour);
    case REG_DOW: return enc(r, tm.tm_wday + 1);
    case REG_DAY: return enc(r, tm.tm_mday);
    case REG_MON: return enc(r, tm.tm_mon + 1);
    case REG_YEAR: return enc(r, tm.tm_year % 100);
    case REG_A:
        /* The update cycle takes the last 244 us before each second. */
        return (uint8_t)((r->cmos[REG_A] & 0x7f) |
                         ((!(r->cmos[REG_B] & B_SET) &&
                           ts.tv_nsec >= 1000000000 - 244000) ? A_UIP : 0));
    case REG_C: {
        uint8_t v = r->cmos[REG_C];
        r->cmos[REG_C] = 0;          /* read clears the flags */
        return v;
    }
    default:
        return r->cmos[i & 0x7f];
    }
}

uint64_t mc146818_read(void *opaque, uint64_t offset, unsigned size)
{
    struct mc146818 *r = opaque;
    pthread_mutex_lock(&r->lock);
    uint8_t v = offset == 1 ? read_reg(r, r->index) : r->index;
    pthread_mutex_unlock(&r->lock);
    return v;
}

void mc146818_write(void *opaque, uint64_t offset, uint64_t val,
                    unsigned size)
{
    struct mc146818 *r = opaque;
    pthread_mutex_lock(&r->lock);
    if (offset == 0) {
        r->index = (uint8_t)val & 0x7f;
    } else if (offset == 1) {
        switch (r->index) {
        case REG_A: r->cmos[REG_A] = (uint8_t)val & 0x7f; break;
        case REG_C: case REG_D: break;      /* read-only */
        case REG_SEC: case REG_MIN: case REG_HOUR: case REG_DOW:
        case REG_DAY: case REG_MON: case REG_YEAR:
            break;   /* the clock follows the host: setting it is ignored */
        default: r->cmos[r->index] = (uint8_t)val; break;
        }
    }
    pthread_mutex_unlock(&r->lock);
}
