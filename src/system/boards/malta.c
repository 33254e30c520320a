/*
 * The MIPS Malta board: RAM as QEMU lays it out (all of it at physical
 * 0x80000000, up to 2 GiB; its first 256 MiB also at 0 below the I/O
 * hole, and what lies past 512 MiB also at 512 MiB), the 4 MiB boot ROM
 * at 0x1fc00000 with the board ID word, the GT-64120 system
 * controller's register block (gt64120.c) whose PCI I/O window at
 * 0x18000000 holds the ISA space: a 16550 UART at ISA 0x3f8 on serial0
 * (IRQ 4), the MC146818 RTC at 0x70, the i8254 PIT at 0x40 (IRQ 0) with
 * counter 2 on port 0x61, the i8042 keyboard controller at 0x60/0x64
 * (IRQ 1 and 12; its reset pulse resets the board), the i8259 pair (CPU
 * interrupt 2, vectors through the GT's interrupt-acknowledge
 * register); and the FPGA registers at 0x1f000000 (soft reset).  Boots
 * a raw -bios image at the reset vector, or an ELF -kernel (and -initrd
 * at the top of low memory) through a small boot stub in the ROM that
 * passes YAMON-style arguments (memsize: low memory, ememsize: all of
 * it).  UHI semihosting (-semihosting) serves bare-metal programs.
 *
 * PIIX4 functions 0 and 3 answer on PCI (power-off through PM I/O).
 * The 64-bit boards (mips64, mips64el) default to the 5KEc and also load
 * ELF64 kernels.  Not yet here: PCI devices beyond those (IDE, USB,
 * network, VGA), the second ISA UART and the FPGA's UART, ISA DMA.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/exec.h"
#include "engine/softmmu.h"
#include "system/boards/cpu_loop.h"
#include "system/chardev.h"
#include "system/devices/gt64120.h"
#include "system/devices/hosttimer.h"
#include "system/devices/i8042.h"
#include "system/devices/i8254.h"
#include "system/devices/i8259.h"
#include "system/devices/piix4.h"
#include "system/devices/mc146818rtc.h"
#include "system/devices/uart16550.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/memory.h"
#include "system/runstate.h"
#include "target/mips/cpu.h"
#include "target/target.h"
#include "util/error.h"

#define ROM_BASE 0x1fc00000u
#define ROM_SIZE 0x00400000u
#define LOWMEM_MAX 0x10000000u      /* 256 MiB below the I/O space */
/* All of RAM sits at physical 0x80000000 (the 32-bit board's limit, 2
 * GiB, fills the top half of the address space); its first 256 MiB are
 * also seen at 0, and what lies past 512 MiB also at 512 MiB. */
#define RAM_HIGH_BASE 0x80000000u
#define RAM_MAX 0x80000000ull
#define POSTIO_BASE 0x20000000u
#define ISA_IO_BASE 0x18000000u     /* GT-64120 PCI I/O window */
#define ISA_IO_SIZE 0x00200000u
#define GT_BASE 0x1be00000u
#define FPGA_BASE 0x1f000000u
#define FPGA_SIZE 0x00100000u
/* The boot stub and YAMON's argument block. */
#define STUB_OFFSET 0x580u
#define ENVP_PADDR 0x00002000u
#define ENVP_ENTRIES 16
#define ENVP_ENTRY_SIZE 256
/* Board ID at 0x1fc00010: Malta with a CoreLV, as YAMON leaves it. */
#define BOARD_ID 0x00000420u

struct malta {
    struct machine *m;
    const struct target_info *t;
    bool be;
    struct sys_cpu *sc;
    struct mips_cpu *cpu;
    uint8_t *ram, *rom;
    uint64_t lowmem;
    struct uart16550 *uart;
    struct gt64120 *gt;
    struct mc146818 *rtc;
    struct i8259 *pic;
    struct piix4 *piix4;
    struct i8254 *pit;
    struct hosttimer *pit_timer;
    struct i8042 *kbc;
    uint32_t fpga[FPGA_SIZE / 4 / 256];   /* first 1 KiB words kept */
    volatile int reset_req, poweroff_req;
    uint32_t initrd_start, initrd_size;    /* physical; size 0: none */
};

static struct malta malta;

/* ---- Helpers ------------------------------------------------------------------ */

static void put32(uint8_t *p, uint32_t v, bool be)
{
    for (int i = 0; i < 4; i++)
        p[be ? i : 3 - i] = (uint8_t)(v >> (24 - 8 * i));
}

static uint32_t get32(const uint8_t *p, bool be)
{
    return be ? (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]
              : (uint32_t)p[3] << 24 | p[2] << 16 | p[1] << 8 | p[0];
}

static uint16_t get16(const uint8_t *p, bool be)
{
    return be ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    uint8_t *buf = xmalloc(cap);
    for (;;) {
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* ---- Loading ------------------------------------------------------------------ */

static uint64_t get64(const uint8_t *p, bool be)
{
    uint64_t a = get32(p, be), b = get32(p + 4, be);
    return be ? a << 32 | b : b << 32 | a;
}

/* A 32-bit (or, on the 64-bit boards, 64-bit) ELF executable of the
 * board's byte order into RAM: KSEG0/KSEG1 addresses (sign-extended on
 * MIPS64) and XKPHYS ones load at their physical address.  Returns the
 * entry point. */
static uint64_t load_elf(const char *path, uint64_t *kernel_end)
{
    size_t len;
    uint8_t *f = read_file(path, &len);
    bool be = malta.be;
    if (!f)
        fatal("could not load kernel '%s'", path);
    bool e64 = len >= 64 && f[4] == 2;
    if (len < 52 || memcmp(f, "\177ELF", 4) || (f[4] != 1 && !e64))
        fatal("-kernel %s: not an ELF file", path);
    if (e64 && malta.t->addr_bits != 64)
        fatal("-kernel %s: a 64-bit ELF file needs a 64-bit CPU", path);
    if ((f[5] == 2) != be)
        fatal("-kernel %s: wrong byte order for this machine", path);
    if (get16(f + 18, be) != 8)
        fatal("-kernel %s: not a MIPS ELF file", path);
    uint64_t entry = e64 ? get64(f + 24, be)
                         : (uint64_t)(int64_t)(int32_t)get32(f + 24, be);
    uint64_t phoff = e64 ? get64(f + 32, be) : get32(f + 28, be);
    unsigned phentsize = get16(f + (e64 ? 54 : 42), be);
    unsigned phnum = get16(f + (e64 ? 56 : 44), be);
    unsigned phmin = e64 ? 56 : 32;
    uint64_t end = 0;
    for (unsigned i = 0; i < phnum; i++) {
        uint64_t o = phoff + (uint64_t)i * phentsize;
        if (phentsize < phmin || o > len || o + phmin > len)
            fatal("-kernel %s: bad program headers", path);
        const uint8_t *ph = f + o;
        if (get32(ph, be) != 1)     /* PT_LOAD */
            continue;
        uint64_t off, vaddr, filesz, memsz;
        if (e64) {
            off = get64(ph + 8, be);
            vaddr = get64(ph + 16, be);
            filesz = get64(ph + 32, be);
            memsz = get64(ph + 40, be);
        } else {
            off = get32(ph + 4, be);
            vaddr = (uint64_t)(int64_t)(int32_t)get32(ph + 8, be);
            filesz = get32(ph + 16, be);
            memsz = get32(ph + 20, be);
        }
        uint64_t paddr;
        if (vaddr >> 62 == 2)                       /* XKPHYS */
            paddr = vaddr & ((1ull << MIPS64_PABITS) - 1);
        else
            paddr = vaddr & 0x1fffffffu;
        if (off > len || filesz > len - off || filesz > memsz)
            fatal("-kernel %s: bad segment", path);
        if (paddr > malta.lowmem || memsz > malta.lowmem - paddr)
            fatal("-kernel %s: segment at 0x%llx does not fit in RAM", path,
                  (unsigned long long)vaddr);
        memcpy(malta.ram + paddr, f + off, filesz);
        memset(malta.ram + paddr + filesz, 0, memsz - filesz);
        if (paddr + memsz > end)
            end = paddr + memsz;
    }
    free(f);
    *kernel_end = end;
    return entry;
}

/* YAMON's argument block at ENVP_PADDR: a table of pointers (argv, then
 * the environment as name/value pairs, NULL-terminated) and the strings. */
static void set_prom(int index, const char *s)
{
    uint8_t *table = malta.ram + ENVP_PADDR;
    if (!s) {
        put32(table + 4 * index, 0, malta.be);
        return;
    }
    uint32_t str = ENVP_PADDR + ENVP_ENTRIES * 4 + index * ENVP_ENTRY_SIZE;
    snprintf((char *)malta.ram + str, ENVP_ENTRY_SIZE, "%s", s);
    put32(table + 4 * index, 0x80000000u | str, malta.be);
}

static void write_boot_stub(uint64_t entry)
{
    char buf[ENVP_ENTRY_SIZE];
    const struct machine *m = malta.m;
    int i = 0;
    set_prom(i++, m->kernel);
    if (malta.initrd_size) {
        /* Linux finds the initrd from the command line (KSEG0 address). */
        /* A 64-bit kernel takes the sign-extended KSEG0 address. */
        uint64_t rd = 0x80000000u | malta.initrd_start;
        if (malta.t->addr_bits == 64)
            rd = (uint64_t)(int64_t)(int32_t)rd;
        snprintf(buf, sizeof(buf), "rd_start=0x%llx rd_size=%u %s",
                 (unsigned long long)rd, malta.initrd_size,
                 m->append ? m->append : "");
        set_prom(i++, buf);
    } else {
        set_prom(i++, m->append ? m->append : "");
    }
    set_prom(i++, "memsize");
    snprintf(buf, sizeof(buf), "%llu", (unsigned long long)malta.lowmem);
    set_prom(i++, buf);
    set_prom(i++, "ememsize");
    snprintf(buf, sizeof(buf), "%llu", (unsigned long long)m->ram_size);
    set_prom(i++, buf);
    set_prom(i++, "modetty0");
    set_prom(i++, "38400n8r");
    set_prom(i, NULL);

    /* a0 = argc, a1 = argv, a2 = envp, a3 = memsize, sp below the block,
     * then jump to the kernel. */
    uint32_t argv = 0x80000000u | ENVP_PADDR, envp = argv + 8;
    uint32_t sp = argv - 64;
    uint32_t mem = (uint32_t)malta.lowmem;
#define LUI(rt, v) (0x3c000000u | (rt) << 16 | (((v) >> 16) & 0xffff))
#define ORI(rt, v) (0x34000000u | (rt) << 21 | (rt) << 16 | ((v) & 0xffff))
#define DSLL16(rt) (0x00000438u | (rt) << 16 | (rt) << 11)
    uint32_t stub[24];
    size_t n = 0;
    stub[n++] = LUI(29, sp);
    stub[n++] = ORI(29, sp);
    stub[n++] = 0x24040002u;                 /* addiu a0, zero, 2 */
    stub[n++] = LUI(5, argv);
    stub[n++] = ORI(5, argv);
    stub[n++] = LUI(6, envp);
    stub[n++] = ORI(6, envp);
    stub[n++] = LUI(7, mem);
    stub[n++] = ORI(7, mem);
    if (entry == (uint64_t)(int64_t)(int32_t)entry) {
        /* LUI sign-extends: enough for KSEG0 (CKSEG0 on MIPS64). */
        stub[n++] = LUI(25, (uint32_t)entry);
        stub[n++] = ORI(25, (uint32_t)entry);
    } else {
        /* An XKPHYS entry: build the 64 bits 16 at a time. */
        stub[n++] = LUI(25, (uint32_t)(entry >> 32));
        stub[n++] = ORI(25, (uint32_t)(entry >> 32));
        stub[n++] = DSLL16(25);
        stub[n++] = ORI(25, (uint32_t)(entry >> 16));
        stub[n++] = DSLL16(25);
        stub[n++] = ORI(25, (uint32_t)entry);
    }
    stub[n++] = 0x03200008u;                 /* jr t9 */
    stub[n++] = 0;
    for (size_t k = 0; k < n; k++)
        put32(malta.rom + STUB_OFFSET + 4 * k, stub[k], malta.be);
    /* Reset vector: j to the stub. */
    put32(malta.rom, 0x08000000u | (((0xbfc00000u + STUB_OFFSET) >> 2) &
                                    0x03ffffffu), malta.be);
    put32(malta.rom + 4, 0, malta.be);
}

static void load_images(void)
{
    const struct machine *m = malta.m;
    memset(malta.rom, 0, ROM_SIZE);
    if (m->bios) {
        size_t len;
        uint8_t *b = read_file(m->bios, &len);
        if (!b)
            fatal("could not load MIPS bios '%s'", m->bios);
        if (len > ROM_SIZE)
            fatal("-bios %s: larger than the 4 MiB boot ROM", m->bios);
        memcpy(malta.rom, b, len);
        free(b);
    }
    if (m->kernel) {
        uint64_t end;
        uint64_t entry = load_elf(m->kernel, &end);
        malta.initrd_size = 0;
        if (m->initrd) {
            size_t len;
            uint8_t *rd = read_file(m->initrd, &len);
            if (!rd)
                fatal("could not load initial ram disk '%s'", m->initrd);
            /* At the top of low memory, 128 KiB below the end and 64 KiB
             * aligned: clear of the kernel, which may decompress itself
             * above its ELF image. */
            uint64_t top = malta.lowmem - (128u << 10);
            if (len + (1u << 20) > top || top - len < end)
                fatal("initrd '%s' does not fit in RAM", m->initrd);
            malta.initrd_start = (uint32_t)((top - len) & ~0xffffull);
            malta.initrd_size = (uint32_t)len;
            memcpy(malta.ram + malta.initrd_start, rd, len);
            free(rd);
        }
        write_boot_stub(entry);
    }
    /* The board ID where Linux and YAMON read it (a -bios image that
     * covers it brings its own). */
    if (!m->bios)
        put32(malta.rom + 0x10, BOARD_ID, malta.be);
}

/* ---- FPGA ------------------------------------------------------------------------ */

static uint64_t fpga_read(void *opaque, uint64_t off, unsigned size)
{
    if (off / 4 < sizeof(malta.fpga) / 4)
        return malta.fpga[off / 4];
    return 0;
}

static void fpga_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    if (off == 0x500) {
        /* SOFTRES: the magic value resets the board. */
        if ((val & 0xff) == 0x42) {
            __atomic_store_n(&malta.reset_req, 1, __ATOMIC_RELEASE);
            mainloop_kick();
        }
        return;
    }
    /* LEDs and the ASCII display only hold what was written. */
    if (off / 4 < sizeof(malta.fpga) / 4)
        malta.fpga[off / 4] = (uint32_t)val;
}

static void board_on_wake(void *opaque)
{
    if (__atomic_exchange_n(&malta.reset_req, 0, __ATOMIC_ACQ_REL))
        runstate_request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    if (__atomic_exchange_n(&malta.poweroff_req, 0, __ATOMIC_ACQ_REL))
        runstate_request_shutdown(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
}

/* PIIX4 power management: soft off (from the vCPU thread). */
static void piix4_poweroff(void *opaque)
{
    __atomic_store_n(&malta.poweroff_req, 1, __ATOMIC_RELEASE);
    mainloop_kick();
}

static bool piix4_pci_read(void *opaque, unsigned devfn, unsigned reg,
                           uint32_t *val)
{
    return piix4_cfg_read(malta.piix4, devfn, reg, val);
}

static void piix4_pci_write(void *opaque, unsigned devfn, unsigned reg,
                            uint32_t val)
{
    piix4_cfg_write(malta.piix4, devfn, reg, val);
}

/* ---- Interrupts ------------------------------------------------------------------ */

/* The i8259 pair's output is CPU interrupt 2 (hardware line 0). */
static void pic_out(void *opaque, bool level)
{
    if (!malta.cpu)
        return;
    mips_set_irq(malta.cpu, 0, level);
    sys_cpu_kick(&malta.cpu->common);
}

static uint8_t pic_iack(void *opaque)
{
    return i8259_iack(malta.pic);
}

static void uart_irq(void *opaque, bool level)
{
    i8259_set_irq(malta.pic, 4, level);
}

/* The PIT's counter 0 is ISA IRQ 0; its edges come from a host timer. */
static void pit_irq0(void *opaque, bool level)
{
    i8259_set_irq(malta.pic, 0, level);
}

static int64_t pit_now(void *opaque)
{
    return hosttimer_now();
}

static void pit_arm(void *opaque, int64_t ns)
{
    hosttimer_arm(malta.pit_timer, ns);
}

static void pit_timer_fired(void *opaque)
{
    if (malta.pit)
        i8254_timer(malta.pit);
}

/* The keyboard controller: IRQ 1 and 12; its reset pulse resets the
 * board as the FPGA's soft reset does. */
static void kbc_irq(void *opaque, int line, bool level)
{
    i8259_set_irq(malta.pic, line, level);
}

static void kbc_reset(void *opaque)
{
    __atomic_store_n(&malta.reset_req, 1, __ATOMIC_RELEASE);
    mainloop_kick();
}

/* Ports 0xa0/0xa1: the slave, offsets 0x80/0x81 from the master's. */
static uint64_t slave_read(void *opaque, uint64_t off, unsigned size)
{
    return i8259_read(opaque, off + 0x80, size);
}

static void slave_write(void *opaque, uint64_t off, uint64_t val, unsigned size)
{
    i8259_write(opaque, off + 0x80, val, size);
}

/* ---- UHI semihosting --------------------------------------------------------------- */

/* UHI operation codes ($25) and the newlib errno values it returns. */
enum { UHI_EXIT = 1, UHI_OPEN = 2, UHI_CLOSE = 3, UHI_READ = 4,
       UHI_WRITE = 5 };
enum { UHI_EBADF = 9, UHI_ENOSYS = 88 };

static void uhi_call(struct cpu_common *c)
{
    struct mips_cpu *cpu = mips_cpu(c);
    uint32_t op = (uint32_t)cpu->gpr[25];
    uint32_t a0 = (uint32_t)cpu->gpr[4], a1 = (uint32_t)cpu->gpr[5];
    uint32_t a2 = (uint32_t)cpu->gpr[6];
    int64_t ret = -1;
    int err = 0;
    int mmu = mips_mmu_index(mips_sys_tb_flags(cpu, cpu->pc));

    switch (op) {
    case UHI_EXIT:
        sys_request_exit((int)a0);
        /* Nothing more runs: the main loop ends the process. */
        for (;;)
            pause();
    case UHI_WRITE:
        if (a0 != 1 && a0 != 2) {
            err = UHI_EBADF;
            break;
        }
        ret = 0;
        while (ret < a2) {
            uint8_t buf[256];
            uint32_t n = a2 - (uint32_t)ret < sizeof(buf) ? a2 - (uint32_t)ret
                                                          : sizeof(buf);
            if (!softmmu_rw_virtual(c, a1 + (uint32_t)ret, buf, n, false, mmu))
                break;
            if (write((int)a0, buf, n) != (ssize_t)n)
                break;
            ret += n;
        }
        break;
    case UHI_READ:
    case UHI_OPEN:
    case UHI_CLOSE:
        err = UHI_EBADF;
        break;
    default:
        err = UHI_ENOSYS;
        break;
    }
    cpu->gpr[2] = (uint32_t)(int32_t)ret;
    cpu->gpr[3] = (uint32_t)err;
}

/* ---- Board ------------------------------------------------------------------------- */

static void malta_reset_cpu(void)
{
    struct mips_cpu *cpu = malta.cpu;
    const char *model = cpu->model;
    malta.t->cpu_reset(&cpu->common);
    mips_cpu_set_model(cpu, model);
    mips_sys_reset(cpu);
    cpu->arm_timer = sys_cpu_arm_timer;
    cpu->semihost = malta.m->semihosting ? uhi_call : NULL;
}

static bool malta_init(struct machine *m, char **err)
{
    malta.m = m;
    malta.t = target_find(m->arch->name);
    if (!malta.t) {
        *err = xstrdup("the Malta board is emulated for mips, mipsel, mips64 and mips64el only");
        return false;
    }
    malta.be = malta.t->big_endian;
    if (m->ram_size > RAM_MAX) {
        char buf[128];
        snprintf(buf, sizeof(buf), "Too much memory for this machine: %lluMB,"
                 " maximum %lluMB", (unsigned long long)(m->ram_size >> 20),
                 RAM_MAX >> 20);
        *err = xstrdup(buf);
        return false;
    }
    malta.lowmem = m->ram_size < LOWMEM_MAX ? m->ram_size : LOWMEM_MAX;

    malta.ram = memory_add_ram("mips_malta.ram", RAM_HIGH_BASE, m->ram_size,
                               NULL);
    memory_add_ram("mips_malta_low_preio.ram", 0, malta.lowmem, malta.ram);
    if (m->ram_size > POSTIO_BASE)
        memory_add_ram("mips_malta_low_postio.ram", POSTIO_BASE,
                       m->ram_size - POSTIO_BASE, malta.ram + POSTIO_BASE);
    m->ram = NULL;    /* the memory map serves pmemsave and xp */
    malta.gt = gt64120_new(malta.be);
    memory_add_mmio("gt64120", GT_BASE, 0x1000, malta.gt, gt64120_read,
                    gt64120_write);
    memory_add_mmio("malta.fpga", FPGA_BASE, FPGA_SIZE, NULL, fpga_read,
                    fpga_write);
    malta.rom = memory_add_rom("malta.bios", ROM_BASE, ROM_SIZE);
    malta.piix4 = piix4_new(piix4_poweroff, NULL);
    gt64120_set_pci(malta.gt, piix4_pci_read, piix4_pci_write, NULL);
    memory_add_mmio("piix4-pm", ISA_IO_BASE + PIIX4_PM_PORT, 64, malta.piix4,
                    piix4_pm_read, piix4_pm_write);
    malta.pic = i8259_new(pic_out, NULL);
    gt64120_set_iack(malta.gt, pic_iack, NULL);
    memory_add_mmio("i8259-master", ISA_IO_BASE + 0x20, 2, malta.pic,
                    i8259_read, i8259_write);
    memory_add_mmio("i8259-slave", ISA_IO_BASE + 0xa0, 2, malta.pic,
                    slave_read, slave_write);
    memory_add_mmio("elcr", ISA_IO_BASE + 0x4d0, 2, malta.pic,
                    i8259_elcr_read, i8259_elcr_write);
    malta.uart = uart16550_new(chardev_find("serial0"), 0, uart_irq, NULL);
    memory_add_mmio("serial0", ISA_IO_BASE + 0x3f8, 8, malta.uart,
                    uart16550_read, uart16550_write);
    malta.rtc = mc146818_new();
    memory_add_mmio("rtc", ISA_IO_BASE + 0x70, 2, malta.rtc, mc146818_read,
                    mc146818_write);
    malta.pit_timer = hosttimer_new(pit_timer_fired, NULL);
    malta.pit = i8254_new(&(struct i8254_hooks){ .irq0 = pit_irq0,
                                                 .now = pit_now,
                                                 .arm = pit_arm });
    memory_add_mmio("pit", ISA_IO_BASE + 0x40, 4, malta.pit, i8254_read,
                    i8254_write);
    /* 0x60-0x64: the keyboard controller uses 0x60 and 0x64; port
     * 0x61 (added after it, so it takes precedence) is the PIT's. */
    malta.kbc = i8042_new(&(struct i8042_hooks){ .irq = kbc_irq,
                                                 .reset = kbc_reset });
    memory_add_mmio("i8042", ISA_IO_BASE + 0x60, 5, malta.kbc, i8042_read,
                    i8042_write);
    memory_add_mmio("pcspk", ISA_IO_BASE + 0x61, 1, malta.pit,
                    i8254_port61_read, i8254_port61_write);
    mainloop_on_wake(board_on_wake, NULL);
    sys_cpu_loop_hooks();

    load_images();

    sys_engine_init(malta.t);
    const char *model = m->cpu_model ? m->cpu_model
                        : board_default_cpu(m->board, m->arch);
    malta.sc = sys_cpu_create(malta.t, 0, model);
    malta.cpu = mips_cpu(sys_cpu_state(malta.sc));
    malta_reset_cpu();
    m->ncpus = 1;
    return true;
}

static void malta_reset(struct machine *m)
{
    /* The vCPU is paused: no translated code runs. */
    uart16550_reset(malta.uart);
    gt64120_reset(malta.gt);
    mc146818_reset(malta.rtc);
    i8259_reset(malta.pic);
    piix4_reset(malta.piix4);
    i8254_reset(malta.pit);
    i8042_reset(malta.kbc);
    memset(malta.fpga, 0, sizeof(malta.fpga));
    load_images();
    tb_flush_all();
    malta_reset_cpu();
}

static const char *const malta_arches[] = { "mips", "mipsel", "mips64",
                                            "mips64el", NULL };

static const struct board board_malta = {
    .name = "malta",
    .desc = "MIPS Malta Core LV",
    .arches = malta_arches,
    .default_for = "mips,mipsel,mips64,mips64el",
    .cpu_max = 1,
    .default_cpu = "24Kf",
    .default_cpu64 = "5KEc",
    .default_ram_id = "mips_malta.ram",
    .default_ram = 128ull << 20,
    .init = malta_init,
    .reset = malta_reset,
    .default_serial = true,
};

__attribute__((constructor)) static void malta_register(void)
{
    board_register(&board_malta);
}
