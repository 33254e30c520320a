/* Loading a guest ELF program into the guest address space. */
#ifndef KEMU_USER_ELFLOAD_H
#define KEMU_USER_ELFLOAD_H

#include <stdbool.h>
#include <stdint.h>

struct user_abi;

struct image_info {
    uint64_t entry;            /* after the load bias */
    uint64_t load_bias;        /* 0 for ET_EXEC */
    uint64_t phdr_addr;        /* guest address of the program headers */
    uint32_t phnum, phent;
    uint64_t start_code, end_code, start_data, end_data;
    uint64_t start_brk;        /* page after the highest segment */
    uint64_t lowest, highest;  /* span of the loaded segments */
    bool exec_stack;           /* PT_GNU_STACK asks for PF_X (or absent) */
    char interp[256];          /* PT_INTERP, empty when static */
    uint64_t interp_base;      /* where the interpreter was loaded (AT_BASE) */
    uint64_t interp_entry;     /* its entry: where the program starts */
    uint32_t e_flags;
};

/*
 * Check and load path.  On any problem with the file: writes one line
 * "PROG: path: reason" into err (size errlen) and returns false; nothing
 * is left mapped that matters (the caller exits).
 */
bool elf_load(const char *path, const struct user_abi *abi,
              struct image_info *info, char *err, size_t errlen);

/* Load the interpreter of a dynamic program (info from elf_load): sets
 * info->interp_base and interp_entry. */
bool elf_load_interp(const char *path, const struct user_abi *abi,
                     struct image_info *info, char *err, size_t errlen);

/* Is the file an ELF program for abi's machine (for execve)? */
bool elf_is_for_abi(const char *path, const struct user_abi *abi);

#endif
