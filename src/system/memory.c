/* The guest-physical memory map (see memory.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "system/memory.h"
#include "util/error.h"

#define MAX_REGIONS 64

static struct softmmu_region regions[MAX_REGIONS];
static int nregions;

static struct softmmu_region *add(const char *name, uint64_t base,
                                  uint64_t size)
{
    if (nregions == MAX_REGIONS)
        fatal("too many memory regions");
    struct softmmu_region *r = &regions[nregions++];
    memset(r, 0, sizeof(*r));
    r->name = name;
    r->base = base;
    r->size = size;
    return r;
}

static uint8_t *alloc_host(uint64_t size)
{
    /* Pages cost nothing until the guest touches them. */
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        fatal("cannot allocate %llu bytes of guest memory",
              (unsigned long long)size);
    return p;
}

uint8_t *memory_add_ram(const char *name, uint64_t base, uint64_t size,
                        uint8_t *host)
{
    struct softmmu_region *r = add(name, base, size);
    r->host = host ? host : alloc_host(size);
    return r->host;
}

uint8_t *memory_add_rom(const char *name, uint64_t base, uint64_t size)
{
    struct softmmu_region *r = add(name, base, size);
    r->host = alloc_host(size);
    r->readonly = true;
    return r->host;
}

void memory_add_mmio(const char *name, uint64_t base, uint64_t size,
                     void *opaque, memory_read_fn read, memory_write_fn write)
{
    struct softmmu_region *r = add(name, base, size);
    r->opaque = opaque;
    r->read = read;
    r->write = write;
}

const struct softmmu_region *memory_find(uint64_t paddr)
{
    for (int i = nregions - 1; i >= 0; i--)
        if (paddr >= regions[i].base && paddr - regions[i].base < regions[i].size)
            return &regions[i];
    return NULL;
}

uint8_t *memory_host_ptr(uint64_t paddr, uint64_t len)
{
    const struct softmmu_region *r = memory_find(paddr);
    if (!r || !r->host || len > r->size - (paddr - r->base))
        return NULL;
    return r->host + (paddr - r->base);
}

void memory_dump(void (*out)(const char *line, void *opaque), void *opaque)
{
    char line[160];
    for (int i = 0; i < nregions; i++) {
        const struct softmmu_region *r = &regions[i];
        snprintf(line, sizeof(line), "  %016llx-%016llx (prio %d, %s): %s\n",
                 (unsigned long long)r->base,
                 (unsigned long long)(r->base + r->size - 1), i,
                 r->host ? (r->readonly ? "rom" : "ram") : "i/o", r->name);
        out(line, opaque);
    }
}
