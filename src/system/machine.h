/*
 * Machines: the board registry (what -M help lists and query-machines
 * returns), the per-architecture CPU model table (-cpu help,
 * query-cpu-definitions), and the one machine this process emulates.
 */
#ifndef KEMU_SYSTEM_MACHINE_H
#define KEMU_SYSTEM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct machine;

/* System-mode facts about one architecture name (kemu-system-ARCH). */
struct sys_arch {
    const char *name;          /* also query-target's "arch" */
    const char *cpu_suffix;    /* QOM CPU type suffix: "-mips-cpu" */
    bool big_endian;
    int addr_bits;
    const char *const *cpu_models;   /* NULL-terminated; default first */
};

struct board {
    const char *name;
    const char *desc;
    const char *const *arches;  /* NULL: every architecture */
    const char *default_for;    /* arch list "mips,mipsel": is-default */
    int cpu_max;
    const char *default_cpu;    /* model name, NULL: none */
    const char *default_cpu64;  /* for 64-bit architectures; NULL: the above */
    const char *default_ram_id;
    uint64_t default_ram;
    /* Create memory, CPUs and devices (x-exit-preconfig or start-up). */
    bool (*init)(struct machine *m, char **err);
    /* system_reset with the vCPUs paused; NULL: nothing to reset. */
    void (*reset)(struct machine *m);
    /* -nographic without -serial puts serial0 on stdio. */
    bool default_serial;
};

struct machine {
    const struct sys_arch *arch;
    const struct board *board;
    const char *cpu_model;      /* -cpu, NULL for the board's default */
    uint64_t ram_size;
    int smp_cpus;
    uint8_t *ram;               /* guest-physical [0, ram_size) */
    char *name;                 /* -name */
    char uuid[37];
    const char *kernel, *append, *initrd, *bios;
    int ncpus;                  /* CPUs created by init */
    bool semihosting;           /* -semihosting */
};

extern struct machine current_machine;

const struct sys_arch *sys_arch_find(const char *name);
const struct board *board_find(const char *arch, const char *name);
const struct board *board_default(const char *arch);
bool board_supports(const struct board *b, const char *arch);
bool board_is_default(const struct board *b, const char *arch);
/* The CPU model a board creates without -cpu on arch (NULL: none). */
const char *board_default_cpu(const struct board *b, const struct sys_arch *arch);
extern const struct board *board_list[];
/* Boards in other files register themselves before main (constructor). */
void board_register(const struct board *b);

void machine_list_boards(FILE *out, const char *arch);
void machine_list_cpus(FILE *out, const struct sys_arch *arch);
bool machine_cpu_model_valid(const struct sys_arch *arch, const char *model);

/* Board init (once). */
bool machine_init(char **err);
void machine_reset(void);
void machine_powerdown(void);

/* Guest-physical memory access for xp/pmemsave; false outside RAM. */
bool machine_phys_read(uint64_t addr, void *buf, uint64_t len);
bool machine_phys_write(uint64_t addr, const void *buf, uint64_t len);

/* Guest-virtual access through a CPU's MMU (memsave, x, the gdbstub):
 * boards with CPUs set machine_virt_to_phys; without it, or where a page
 * is unmapped, false. */
extern bool (*machine_virt_to_phys)(int cpu_index, uint64_t vaddr,
                                    uint64_t *paddr);
/* Told after machine_phys_write changed guest memory (drops
 * translations of code there); set by boards with CPUs. */
extern void (*machine_phys_written)(uint64_t addr, uint64_t len);
bool machine_virt_rw(int cpu_index, uint64_t vaddr, void *buf, uint64_t len,
                     bool write);

#endif
