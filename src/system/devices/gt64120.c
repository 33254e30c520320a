/* GT-64120 system controller, minimal (see gt64120.h). */
#include <pthread.h>
#include <string.h>

#include "system/devices/gt64120.h"
#include "util/error.h"

#define NREGS (0x1000 / 4)

/* Register offsets (GT-64120 datasheet). */
enum {
    GT_PCI0IOLD = 0x048, GT_PCI0IOHD = 0x050,
    GT_PCI0M0LD = 0x058, GT_PCI0M0HD = 0x060,
    GT_PCI0M1LD = 0x080, GT_PCI0M1HD = 0x088,
    GT_ISD = 0x068,
    GT_PCI0IOREMAP = 0x0f0, GT_PCI0M0REMAP = 0x0f8, GT_PCI0M1REMAP = 0x100,
    GT_PCI0_CMD = 0xc00, GT_PCI0_IACK = 0xc34,
    GT_PCI0_CFGADDR = 0xcf8, GT_PCI0_CFGDATA = 0xcfc,
};

struct gt64120 {
    bool swap;              /* big-endian CPU: registers appear swapped */
    uint32_t regs[NREGS];
    uint32_t cfg[64];       /* the GT's own PCI configuration space */
    uint8_t (*iack)(void *opaque);
    void *iack_opaque;
    bool (*pci_read)(void *opaque, unsigned devfn, unsigned reg, uint32_t *val);
    void (*pci_write)(void *opaque, unsigned devfn, unsigned reg, uint32_t val);
    void *pci_opaque;
};

void gt64120_set_pci(struct gt64120 *gt,
                     bool (*read)(void *opaque, unsigned devfn, unsigned reg,
                                  uint32_t *val),
                     void (*write)(void *opaque, unsigned devfn, unsigned reg,
                                   uint32_t val),
                     void *opaque)
{
    gt->pci_read = read;
    gt->pci_write = write;
    gt->pci_opaque = opaque;
}

void gt64120_set_iack(struct gt64120 *gt, uint8_t (*iack)(void *opaque),
                      void *opaque)
{
    gt->iack = iack;
    gt->iack_opaque = opaque;
}

void gt64120_reset(struct gt64120 *gt)
{
    memset(gt->regs, 0, sizeof(gt->regs));
    /* Malta's windows: PCI I/O at 0x18000000 (2 MiB), PCI memory 0 at
     * 0x10000000 (128 MiB), memory 1 at 0x18200000; the internal space
     * at 0x1be00000.  Low decode registers hold address bits 35:21,
     * high ones bits 27:21. */
    gt->regs[GT_PCI0IOLD / 4] = 0x18000000u >> 21;
    gt->regs[GT_PCI0IOHD / 4] = (0x181fffffu >> 21) & 0x7f;
    gt->regs[GT_PCI0M0LD / 4] = 0x10000000u >> 21;
    gt->regs[GT_PCI0M0HD / 4] = (0x17ffffffu >> 21) & 0x7f;
    gt->regs[GT_PCI0M1LD / 4] = 0x18200000u >> 21;
    gt->regs[GT_PCI0M1HD / 4] = (0x1bdfffffu >> 21) & 0x7f;
    gt->regs[GT_PCI0IOREMAP / 4] = 0x18000000u >> 21;
    gt->regs[GT_PCI0M0REMAP / 4] = 0x10000000u >> 21;
    gt->regs[GT_PCI0M1REMAP / 4] = 0x18200000u >> 21;
    gt->regs[GT_ISD / 4] = 0x1be00000u >> 21;
    /* MByteSwap reflects the CPU's byte order. */
    gt->regs[GT_PCI0_CMD / 4] = gt->swap ? 0 : 1;

    memset(gt->cfg, 0, sizeof(gt->cfg));
    gt->cfg[0] = 0x462011abu;           /* Galileo (0x11ab), GT-64120 */
    gt->cfg[1] = 0x02800006u;           /* memory + master enabled */
    gt->cfg[2] = 0x06000010u;           /* host bridge, revision 0x10 */
}

struct gt64120 *gt64120_new(bool cpu_big_endian)
{
    struct gt64120 *gt = xcalloc(1, sizeof(*gt));
    gt->swap = cpu_big_endian;
    gt64120_reset(gt);
    return gt;
}

static uint32_t cfg_read(struct gt64120 *gt)
{
    uint32_t addr = gt->regs[GT_PCI0_CFGADDR / 4];
    unsigned bus = (addr >> 16) & 0xff, dev = (addr >> 11) & 0x1f;
    unsigned fn = (addr >> 8) & 7, reg = (addr >> 2) & 0x3f;
    uint32_t v;
    if (!(addr & 0x80000000u) || bus)
        return 0xffffffffu;     /* no device: master abort reads all ones */
    if (dev == 0 && fn == 0)
        return gt->cfg[reg];
    if (gt->pci_read && gt->pci_read(gt->pci_opaque, dev << 3 | fn, reg << 2, &v))
        return v;
    return 0xffffffffu;
}

static uint32_t swap32(struct gt64120 *gt, uint32_t v)
{
    return gt->swap ? __builtin_bswap32(v) : v;
}

uint64_t gt64120_read(void *opaque, uint64_t off, unsigned size)
{
    struct gt64120 *gt = opaque;
    unsigned r = (unsigned)(off & 0xffc) / 4;
    uint32_t v;
    if (r == GT_PCI0_CFGDATA / 4)
        v = cfg_read(gt);
    else if (r == GT_PCI0_IACK / 4)
        v = gt->iack ? gt->iack(gt->iack_opaque) : 0;
    else
        v = gt->regs[r];
    v = swap32(gt, v);
    if (size == 4)
        return v;
    /* Narrow reads: the bytes at their address in the CPU's view. */
    unsigned sh = gt->swap ? (4 - size - (off & 3)) * 8 : (off & 3) * 8;
    return (v >> sh) & ((1ull << (size * 8)) - 1);
}

void gt64120_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    struct gt64120 *gt = opaque;
    unsigned r = (unsigned)(off & 0xffc) / 4;
    if (size != 4)
        return;     /* Linux writes whole registers */
    uint32_t v = swap32(gt, (uint32_t)val);
    if (r == GT_PCI0_CFGDATA / 4) {
        uint32_t addr = gt->regs[GT_PCI0_CFGADDR / 4];
        if (!(addr & 0x80000000u) || (addr & 0x00ff0000u))
            return;
        if (!(addr & 0x0000ff00u)) {
            /* The GT's command word and device registers; its BARs (the
             * SCS/CS windows) keep the firmware's zero. */
            unsigned r = (addr >> 2) & 0x3f;
            if (r == 1 || r >= 16)
                gt->cfg[r] = v;
        }
        else if (gt->pci_write)
            gt->pci_write(gt->pci_opaque, (addr >> 8) & 0xff, addr & 0xfc, v);
        return;
    }
    gt->regs[r] = v;
}
