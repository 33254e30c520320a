/* PIIX4 functions 0 and 3 (see piix4.h). */
#include <string.h>

#include "system/devices/piix4.h"
#include "util/error.h"

enum {
    PMCNTRL = 0x04,
    PMCNTRL_SUS_EN = 1u << 13,
    PMCNTRL_SUS_TYP = 7u << 10,    /* 0: soft off */
};

struct piix4 {
    uint32_t cfg0[64], cfg3[64];
    uint16_t pmcntrl;
    void (*poweroff)(void *opaque);
    void *opaque;
};

void piix4_reset(struct piix4 *p)
{
    memset(p->cfg0, 0, sizeof(p->cfg0));
    memset(p->cfg3, 0, sizeof(p->cfg3));
    p->cfg0[0] = 0x71108086u;          /* Intel 82371AB PCI-to-ISA */
    p->cfg0[1] = 0x02800007u;
    p->cfg0[2] = 0x06010001u;          /* ISA bridge, revision 1 */
    p->cfg0[3] = 0x00800000u;          /* header type 0x80: multi-function */
    p->cfg3[0] = 0x71138086u;          /* 82371AB power management */
    p->cfg3[1] = 0x02800001u;          /* I/O space enabled */
    p->cfg3[2] = 0x06800003u;          /* bridge/other, revision 3 */
    p->cfg3[0x40 / 4] = PIIX4_PM_PORT | 1;   /* PMBA */
    p->cfg3[0x80 / 4] = 1;             /* PMREGMISC.PMIOSE: PM I/O on */
    p->pmcntrl = 0;
}

struct piix4 *piix4_new(void (*poweroff)(void *opaque), void *opaque)
{
    struct piix4 *p = xcalloc(1, sizeof(*p));
    p->poweroff = poweroff;
    p->opaque = opaque;
    piix4_reset(p);
    return p;
}

static uint32_t *cfg_of(struct piix4 *p, unsigned devfn)
{
    if (devfn == PIIX4_DEVFN)
        return p->cfg0;
    if (devfn == (PIIX4_DEVFN | 3))
        return p->cfg3;
    return NULL;
}

bool piix4_cfg_read(struct piix4 *p, unsigned devfn, unsigned reg,
                    uint32_t *val)
{
    uint32_t *c = cfg_of(p, devfn);
    if (!c)
        return false;
    *val = c[(reg >> 2) & 63];
    return true;
}

void piix4_cfg_write(struct piix4 *p, unsigned devfn, unsigned reg,
                     uint32_t val)
{
    uint32_t *c = cfg_of(p, devfn);
    unsigned r = (reg >> 2) & 63;
    /* Only the command word and the device-specific registers are
     * writable: identification, header, the (unimplemented) BARs and
     * expansion ROM read back zero when sized. */
    if (!c || (r != 1 && r < 16))
        return;
    c[r] = val;
}

uint64_t piix4_pm_read(void *opaque, uint64_t offset, unsigned size)
{
    struct piix4 *p = opaque;
    if (offset == PMCNTRL)
        return p->pmcntrl & ~PMCNTRL_SUS_EN;   /* SUS_EN reads as 0 */
    return 0;
}

void piix4_pm_write(void *opaque, uint64_t offset, uint64_t val,
                    unsigned size)
{
    struct piix4 *p = opaque;
    if (offset != PMCNTRL)
        return;
    p->pmcntrl = (uint16_t)val;
    if ((val & PMCNTRL_SUS_EN) && (val & PMCNTRL_SUS_TYP) == 0 && p->poweroff)
        p->poweroff(p->opaque);
}
