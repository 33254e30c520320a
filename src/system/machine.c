/* Board registry and the machine being emulated (see machine.h). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "system/machine.h"
#include "system/memory.h"
#include "system/qom.h"
#include "system/runstate.h"
#include "util/error.h"

struct machine current_machine = { .smp_cpus = 1 };

/* -M none: no devices and no CPU; RAM only when -m is given. */
static bool none_init(struct machine *m, char **err)
{
    return true;
}

static const struct board board_none = {
    .name = "none",
    .desc = "empty machine",
    .cpu_max = 1,
    .default_ram_id = "ram",
    .default_ram = 0,
    .init = none_init,
};

#define MAX_BOARDS 16
const struct board *board_list[MAX_BOARDS + 1] = {
    &board_none,
    NULL,
};

void board_register(const struct board *b)
{
    int n = 0;
    while (board_list[n])
        n++;
    if (n < MAX_BOARDS)
        board_list[n] = b;
}

static bool in_list(const char *list, const char *arch)
{
    size_t n = strlen(arch);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && !strncmp(p, arch, n))
            return true;
        p = e ? e + 1 : NULL;
    }
    return false;
}

bool board_supports(const struct board *b, const char *arch)
{
    if (!b->arches)
        return true;
    for (int i = 0; b->arches[i]; i++)
        if (!strcmp(b->arches[i], arch))
            return true;
    return false;
}

bool board_is_default(const struct board *b, const char *arch)
{
    return in_list(b->default_for, arch);
}

const char *board_default_cpu(const struct board *b, const struct sys_arch *arch)
{
    if (arch && arch->addr_bits == 64 && b->default_cpu64)
        return b->default_cpu64;
    return b->default_cpu;
}

const struct board *board_find(const char *arch, const char *name)
{
    for (int i = 0; board_list[i]; i++)
        if (!strcmp(board_list[i]->name, name) && board_supports(board_list[i], arch))
            return board_list[i];
    return NULL;
}

const struct board *board_default(const char *arch)
{
    for (int i = 0; board_list[i]; i++)
        if (board_supports(board_list[i], arch) && board_is_default(board_list[i], arch))
            return board_list[i];
    return NULL;
}

void machine_list_boards(FILE *out, const char *arch)
{
    fprintf(out, "Supported machines are:\n");
    for (int i = 0; board_list[i]; i++) {
        const struct board *b = board_list[i];
        if (board_supports(b, arch))
            fprintf(out, "%-20s %s%s\n", b->name, b->desc,
                    board_is_default(b, arch) ? " (default)" : "");
    }
}

void machine_list_cpus(FILE *out, const struct sys_arch *arch)
{
    fprintf(out, "Available CPUs:\n");
    for (int i = 0; arch->cpu_models[i]; i++)
        fprintf(out, "  %s\n", arch->cpu_models[i]);
}

bool machine_cpu_model_valid(const struct sys_arch *arch, const char *model)
{
    for (int i = 0; arch->cpu_models[i]; i++)
        if (!strcmp(arch->cpu_models[i], model))
            return true;
    return false;
}

bool machine_init(char **err)
{
    struct machine *m = &current_machine;

    if (m->ram_size && !m->board->reset) {
        /* Reserve lazily: pages cost nothing until the guest touches them. */
        m->ram = mmap(NULL, m->ram_size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m->ram == MAP_FAILED) {
            m->ram = NULL;
            *err = xstrdup("cannot set up guest memory 'ram': Cannot allocate memory");
            return false;
        }
    }
    if (!m->board->init(m, err))
        return false;
    machine_phase = PHASE_READY;
    return true;
}

void machine_reset(void)
{
    /* -M none has no devices or CPUs to reset. */
    struct machine *m = &current_machine;
    if (m->board && m->board->reset && machine_phase == PHASE_READY)
        m->board->reset(m);
}

void machine_powerdown(void)
{
    /* No guest ACPI/power button on -M none: the request is ignored. */
}

bool machine_phys_read(uint64_t addr, void *buf, uint64_t len)
{
    struct machine *m = &current_machine;
    uint8_t *p = memory_host_ptr(addr, len);
    if (p) {
        memcpy(buf, p, len);
        return true;
    }
    if (!m->ram || addr >= m->ram_size || len > m->ram_size - addr)
        return false;
    memcpy(buf, m->ram + addr, len);
    return true;
}

bool machine_phys_write(uint64_t addr, const void *buf, uint64_t len)
{
    struct machine *m = &current_machine;
    uint8_t *p = memory_host_ptr(addr, len);
    if (p) {
        memcpy(p, buf, len);
        if (machine_phys_written)
            machine_phys_written(addr, len);
        return true;
    }
    if (!m->ram || addr >= m->ram_size || len > m->ram_size - addr)
        return false;
    memcpy(m->ram + addr, buf, len);
    return true;
}

bool (*machine_virt_to_phys)(int cpu_index, uint64_t vaddr, uint64_t *paddr);
void (*machine_phys_written)(uint64_t addr, uint64_t len);

bool machine_virt_rw(int cpu_index, uint64_t vaddr, void *buf, uint64_t len,
                     bool write)
{
    uint8_t *b = buf;
    if (!machine_virt_to_phys)
        return false;
    while (len) {
        /* Page by page: contiguous virtual pages need not be physically. */
        uint64_t n = 4096 - (vaddr & 4095);
        uint64_t paddr;
        if (n > len)
            n = len;
        if (!machine_virt_to_phys(cpu_index, vaddr, &paddr))
            return false;
        if (!(write ? machine_phys_write(paddr, b, n) : machine_phys_read(paddr, b, n)))
            return false;
        b += n;
        vaddr += n;
        len -= n;
    }
    return true;
}
