/*
 * The initial process stack, laid out as Linux's ELF loader does: from the
 * top down, an end marker, the program's file name, the environment and
 * argument strings, the platform string and AT_RANDOM bytes, then (16-byte
 * aligned) argc, argv[], envp[] and the auxiliary vector.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "engine/guest_mem.h"
#include "user/abi.h"
#include "user/elfload.h"
#include "user/procfs.h"
#include "user/stack.h"
#include "user/uaccess.h"
#include "user/user_mem.h"

static uint64_t push_bytes(uint64_t sp, const void *data, size_t len)
{
    sp -= len;
    memcpy(g2h(sp), data, len);
    return sp;
}

bool user_setup_stack(struct cpu_common *cpu, const struct image_info *info,
                      uint64_t stack_size, char **argv, int argc,
                      char **envp, int envc, const char *execfn,
                      uint64_t *sp_out, char *err, size_t errlen)
{
    const struct user_abi *abi = user_abi;
    int L = abi->long_size;
    uint64_t size = (stack_size + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;

    /* Strings must fit in a quarter of the stack, as Linux requires. */
    size_t strbytes = strlen(execfn) + 1;
    for (int i = 0; i < argc; i++)
        strbytes += strlen(argv[i]) + 1;
    for (int i = 0; i < envc; i++)
        strbytes += strlen(envp[i]) + 1;
    if (strbytes + (argc + envc + 64) * (size_t)L > size / 4) {
        snprintf(err, errlen, "arguments and environment too large for the "
                 "%llu-byte stack", (unsigned long long)size);
        return false;
    }

    uint64_t top = abi->stack_top;
    if (!user_range_free(top - size - GUEST_PAGE_SIZE, size + GUEST_PAGE_SIZE)) {
        top = user_mmap_find(0, size + GUEST_PAGE_SIZE);
        if (top == (uint64_t)-1) {
            snprintf(err, errlen, "no room for the stack");
            return false;
        }
        top += size + GUEST_PAGE_SIZE;
    }
    int prot = PROT_READ | PROT_WRITE | (info->exec_stack ? PROT_EXEC : 0);
    /* The page below stays unmapped as a guard. */
    if (user_mmap(top - size, size, prot,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) < 0) {
        snprintf(err, errlen, "cannot map the stack");
        return false;
    }

    uint64_t sp = top - L;            /* end marker: a zero word */
    uint64_t execfn_addr = sp = push_bytes(sp, execfn, strlen(execfn) + 1);
    uint64_t env_addr[envc + 1], arg_addr[argc + 1];
    for (int i = envc - 1; i >= 0; i--)
        env_addr[i] = sp = push_bytes(sp, envp[i], strlen(envp[i]) + 1);
    for (int i = argc - 1; i >= 0; i--)
        arg_addr[i] = sp = push_bytes(sp, argv[i], strlen(argv[i]) + 1);

    const char *plat = abi->platform ? abi->platform(cpu) : NULL;
    uint64_t plat_addr = 0;
    if (plat) {
        sp &= ~(uint64_t)(L - 1);
        plat_addr = sp = push_bytes(sp, plat, strlen(plat) + 1);
    }
    uint8_t rnd[16];
    if (getrandom(rnd, sizeof(rnd), 0) != sizeof(rnd))
        memset(rnd, 0x5a, sizeof(rnd));
    sp &= ~(uint64_t)15;
    uint64_t rnd_addr = sp = push_bytes(sp, rnd, sizeof(rnd));

    uint64_t aux[][2] = {
        { AT_PHDR, info->phdr_addr },
        { AT_PHENT, info->phent },
        { AT_PHNUM, info->phnum },
        { AT_PAGESZ, GUEST_PAGE_SIZE },
        { AT_BASE, info->interp_base },
        { AT_FLAGS, 0 },
        { AT_ENTRY, info->entry },
        { AT_UID, getuid() },
        { AT_EUID, geteuid() },
        { AT_GID, getgid() },
        { AT_EGID, getegid() },
        { AT_SECURE, 0 },
        { AT_RANDOM, rnd_addr },
        { AT_HWCAP, abi->hwcap ? abi->hwcap(cpu) : 0 },
        { AT_HWCAP2, abi->hwcap2 ? abi->hwcap2(cpu) : 0 },
        { AT_CLKTCK, (uint64_t)sysconf(_SC_CLK_TCK) },
        { AT_EXECFN, execfn_addr },
        { AT_PLATFORM, plat_addr },
        { AT_NULL, 0 },
    };
    int naux = sizeof(aux) / sizeof(aux[0]);
    if (!plat) {
        aux[naux - 2][0] = AT_NULL;
        naux--;
    }
    uint64_t words = 1 + (argc + 1) + (envc + 1) + 2 * naux;
    sp = (sp - words * L) & ~(uint64_t)15;
    *sp_out = sp;

    procfs_set_stack(top - size, top);
    uint8_t *p = g2h(sp);
    abi_st(p, L, argc);
    p += L;
    for (int i = 0; i < argc; i++, p += L)
        abi_st(p, L, arg_addr[i]);
    abi_st(p, L, 0);
    p += L;
    for (int i = 0; i < envc; i++, p += L)
        abi_st(p, L, env_addr[i]);
    abi_st(p, L, 0);
    p += L;
    uint8_t *auxv = p;
    for (int i = 0; i < naux; i++, p += 2 * L) {
        abi_st(p, L, aux[i][0]);
        abi_st(p + L, L, aux[i][1]);
    }
    procfs_set_auxv(auxv, (size_t)(p - auxv));
    return true;
}
