/*
 * Checked access to guest memory from syscalls.  Every guest pointer goes
 * through here: a range that is not mapped with the needed protection
 * gives NULL / false (the syscall returns -EFAULT), so a bad pointer can
 * never fault on the host.
 */
#ifndef KEMU_USER_UACCESS_H
#define KEMU_USER_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/guest_mem.h"
#include "user/abi.h"
#include "util/bits.h"

/* Host pointer to [addr, addr+len) when mapped with PAGE_READ (write
 * false) or PAGE_WRITE (write true); NULL otherwise.  A writable page that
 * is write-protected because it holds code is unprotected first.  len 0
 * always succeeds. */
void *user_ptr(uint64_t addr, uint64_t len, bool write);

/* A NUL-terminated guest string of at most max bytes (with the NUL):
 * host pointer, or NULL with *err = EFAULT or ENAMETOOLONG. */
const char *user_str(uint64_t addr, size_t max, int *err);

/*
 * A path the guest passes to the kernel, as user_str, with the names that
 * mean the guest's own program (/proc/self/exe, /proc/<own pid>/exe)
 * turned into the program's real path: on the host they would name kemu.
 */
const char *user_path(uint64_t addr, int *err);
bool user_path_is_own_exe(const char *path);

/* An absolute path as the guest means it: the sysroot's file when -L
 * names one and it exists there (/proc, /dev and /sys excepted), else
 * the host's.  Returns path itself or a per-thread buffer (a few stay
 * valid at once, for calls with two paths). */
const char *user_sysroot_path(const char *path);
/* The same, following absolute symbolic links of the sysroot inside it
 * (the program interpreter, e.g. mips64el's /lib64/ld.so.1). */
const char *user_sysroot_path_follow(const char *path);
const char *user_own_exe(void); /* real path of the guest program */

/* In a syscall: read path argument `addr` into `var` or return -errno. */
#define PATH_OR_FAIL(var, addr)                                      \
    int var##_err;                                                   \
    const char *var = user_path((addr), &var##_err);                 \
    if (!var)                                                        \
        return -var##_err

/* Scalars in the guest's byte order. */
static inline uint64_t abi_ld(const void *p, int size)
{
    bool be = user_abi->big_endian;
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: return be ? ld16_be(p) : ld16_le(p);
    case 4: return be ? ld32_be(p) : ld32_le(p);
    default: return be ? ld64_be(p) : ld64_le(p);
    }
}

static inline void abi_st(void *p, int size, uint64_t v)
{
    bool be = user_abi->big_endian;
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: be ? st16_be(p, v) : st16_le(p, v); break;
    case 4: be ? st32_be(p, v) : st32_le(p, v); break;
    default: be ? st64_be(p, v) : st64_le(p, v); break;
    }
}

static inline bool get_user(uint64_t addr, int size, uint64_t *v)
{
    void *p = user_ptr(addr, size, false);
    if (!p)
        return false;
    *v = abi_ld(p, size);
    return true;
}

static inline bool put_user(uint64_t addr, int size, uint64_t v)
{
    void *p = user_ptr(addr, size, true);
    if (!p)
        return false;
    abi_st(p, size, v);
    return true;
}

/* Store v into a field of a guest struct being built at base. */
static inline void put_field(void *base, struct abi_field f, uint64_t v)
{
    if (f.size)
        abi_st((uint8_t *)base + f.off, f.size, v);
}

static inline uint64_t get_field(const void *base, struct abi_field f)
{
    return f.size ? abi_ld((const uint8_t *)base + f.off, f.size) : 0;
}

/* The guest's long, and sign extension of a guest long. */
#define ABI_LONG (user_abi->long_size)
static inline int64_t abi_slong(uint64_t v)
{
    return ABI_LONG == 4 ? (int64_t)(int32_t)v : (int64_t)v;
}

#endif
