/* Path and metadata syscalls: stat family, directories, links, modes. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "user/syscall.h"
#include "user/uaccess.h"

#define FD(x) ((int)(x))

/* Linux's 32-bit dev_t encoding as the guest's stat64 carries it. */
static uint64_t guest_dev(dev_t d)
{
    unsigned ma = major(d), mi = minor(d);
    return (mi & 0xff) | ((uint64_t)ma << 8) | ((uint64_t)(mi & ~0xffu) << 12);
}

static int64_t stat_to_guest(const struct stat *st, uint64_t addr)
{
    const struct abi_stat_layout *L = user_abi->stat64;
    uint8_t *g = user_ptr(addr, L->size, true);
    if (!g)
        return -EFAULT;
    memset(g, 0, L->size);
    put_field(g, L->dev, guest_dev(st->st_dev));
    put_field(g, L->ino_lo, st->st_ino);
    put_field(g, L->mode, st->st_mode);
    put_field(g, L->nlink, st->st_nlink);
    put_field(g, L->uid, st->st_uid);
    put_field(g, L->gid, st->st_gid);
    put_field(g, L->rdev, guest_dev(st->st_rdev));
    put_field(g, L->fsize, st->st_size);
    put_field(g, L->blksize, st->st_blksize);
    put_field(g, L->blocks, st->st_blocks);
    put_field(g, L->atime, st->st_atim.tv_sec);
    put_field(g, L->atime_ns, st->st_atim.tv_nsec);
    put_field(g, L->mtime, st->st_mtim.tv_sec);
    put_field(g, L->mtime_ns, st->st_mtim.tv_nsec);
    put_field(g, L->ctime, st->st_ctim.tv_sec);
    put_field(g, L->ctime_ns, st->st_ctim.tv_nsec);
    put_field(g, L->ino, st->st_ino);
    return 0;
}

int64_t sys_fstatat64(struct cpu_common *cpu, const uint64_t *a)
{
    struct stat st;
    PATH_OR_FAIL(path, a[1]);
    int flags = (int)a[3] & (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH |
                             AT_NO_AUTOMOUNT);
    if (fstatat(FD(a[0]), path, &st, flags) < 0)
        return -errno;
    return stat_to_guest(&st, a[2]);
}

int64_t sys_stat64(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { (uint64_t)(int64_t)AT_FDCWD, a[0], a[1], 0 };
    return sys_fstatat64(cpu, b);
}

int64_t sys_lstat64(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { (uint64_t)(int64_t)AT_FDCWD, a[0], a[1],
                      AT_SYMLINK_NOFOLLOW };
    return sys_fstatat64(cpu, b);
}

int64_t sys_fstat64(struct cpu_common *cpu, const uint64_t *a)
{
    struct stat st;
    if (fstat(FD(a[0]), &st) < 0)
        return -errno;
    return stat_to_guest(&st, a[1]);
}

/* struct statx has one layout on every arch: copy it field by field in
 * the guest's byte order. */
static const uint8_t statx_fields[][2] = {
    { 0, 4 }, { 4, 4 }, { 8, 8 }, { 16, 4 }, { 20, 4 }, { 24, 4 },
    { 28, 2 }, { 32, 8 }, { 40, 8 }, { 48, 8 }, { 56, 8 },
    { 64, 8 }, { 72, 4 }, { 80, 8 }, { 88, 4 }, { 96, 8 }, { 104, 4 },
    { 112, 8 }, { 120, 4 }, { 128, 4 }, { 132, 4 }, { 136, 4 }, { 140, 4 },
    { 144, 8 },
};

int64_t sys_statx(struct cpu_common *cpu, const uint64_t *a)
{
    uint8_t buf[256];
    PATH_OR_FAIL(path, a[1]);
    uint8_t *g = user_ptr(a[4], 256, true);
    if (!g)
        return -EFAULT;
    memset(buf, 0, sizeof(buf));
    if (syscall(SYS_statx, FD(a[0]), path, (int)a[2], (unsigned)a[3], buf) < 0)
        return -errno;
    memset(g, 0, 256);
    for (size_t i = 0; i < ARRAY_SIZE(statx_fields); i++) {
        int off = statx_fields[i][0], sz = statx_fields[i][1];
        uint64_t v = 0;
        memcpy(&v, buf + off, sz);
        abi_st(g + off, sz, v);
    }
    return 0;
}

static int64_t statfs_to_guest(const struct statfs *s, uint64_t addr)
{
    const struct abi_statfs_layout *L = user_abi->statfs64;
    uint8_t *g = user_ptr(addr, L->size, true);
    if (!g)
        return -EFAULT;
    memset(g, 0, L->size);
    put_field(g, L->type, s->f_type);
    put_field(g, L->bsize, s->f_bsize);
    put_field(g, L->blocks, s->f_blocks);
    put_field(g, L->bfree, s->f_bfree);
    put_field(g, L->bavail, s->f_bavail);
    put_field(g, L->files, s->f_files);
    put_field(g, L->ffree, s->f_ffree);
    int fsid[2];
    memcpy(fsid, &s->f_fsid, sizeof(fsid));
    abi_st(g + L->fsid.off, 4, (uint32_t)fsid[0]);
    abi_st(g + L->fsid.off + 4, 4, (uint32_t)fsid[1]);
    put_field(g, L->namelen, s->f_namelen);
    put_field(g, L->frsize, s->f_frsize);
    put_field(g, L->flags, s->f_flags);
    return 0;
}

int64_t sys_statfs64(struct cpu_common *cpu, const uint64_t *a)
{
    struct statfs s;
    PATH_OR_FAIL(path, a[0]);
    if (statfs(path, &s) < 0)
        return -errno;
    return statfs_to_guest(&s, a[2]);
}

int64_t sys_fstatfs64(struct cpu_common *cpu, const uint64_t *a)
{
    struct statfs s;
    if (fstatfs(FD(a[0]), &s) < 0)
        return -errno;
    return statfs_to_guest(&s, a[2]);
}

/* linux_dirent64 has the same layout everywhere (u64 ino, s64 off, u16
 * reclen, u8 type, name): only the byte order may need fixing. */
int64_t sys_getdents64(struct cpu_common *cpu, const uint64_t *a)
{
    uint8_t *g = user_ptr(a[1], a[2], true);
    if (!g)
        return -EFAULT;
    long n = syscall(SYS_getdents64, FD(a[0]), g, (unsigned)a[2]);
    if (n < 0)
        return -errno;
    if (user_abi->big_endian) {
        for (long off = 0; off < n;) {
            uint8_t *d = g + off;
            uint16_t reclen = ld16_le(d + 16);
            abi_st(d, 8, ld64_le(d));
            abi_st(d + 8, 8, ld64_le(d + 8));
            abi_st(d + 16, 2, reclen);
            if (reclen == 0)
                break;
            off += reclen;
        }
    }
    return n;
}

/* /proc/self/exe of the guest is its program, not kemu. */
static int64_t do_readlink(int dirfd, const char *path, uint64_t buf,
                           uint64_t len)
{
    char *p = user_ptr(buf, len, true);
    if (!p)
        return -EFAULT;
    if (user_path_is_own_exe(path)) {
        const char *e = user_own_exe();
        size_t n = strlen(e);
        if (n > len)
            n = len;
        memcpy(p, e, n);
        return n;
    }
    return sys_ret(readlinkat(dirfd, path, p, len));
}

/* readlink reads the link itself: the raw path, not user_path's. */
#define LINK_OR_FAIL(var, addr)                                      \
    int var##_err;                                                   \
    const char *var = user_str((addr), 4096, &var##_err);            \
    if (!var)                                                        \
        return -var##_err

int64_t sys_readlink(struct cpu_common *cpu, const uint64_t *a)
{
    LINK_OR_FAIL(path, a[0]);
    return do_readlink(AT_FDCWD, path, a[1], a[2]);
}

int64_t sys_readlinkat(struct cpu_common *cpu, const uint64_t *a)
{
    LINK_OR_FAIL(path, a[1]);
    return do_readlink(FD(a[0]), path, a[2], a[3]);
}

int64_t sys_access(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(access(path, (int)a[1]));
}

int64_t sys_faccessat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(faccessat(FD(a[0]), path, (int)a[2], 0));
}

int64_t sys_faccessat2(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(syscall(SYS_faccessat2, FD(a[0]), path, (int)a[2],
                           (int)a[3]));
}

int64_t sys_getcwd(struct cpu_common *cpu, const uint64_t *a)
{
    char *p = user_ptr(a[0], a[1], true);
    if (!p)
        return -EFAULT;
    /* The raw syscall returns the length including the NUL. */
    return sys_ret(syscall(SYS_getcwd, p, (size_t)a[1]));
}

int64_t sys_chdir(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(chdir(path));
}

int64_t sys_fchdir(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(fchdir(FD(a[0])));
}

int64_t sys_umask(struct cpu_common *cpu, const uint64_t *a)
{
    return umask((mode_t)a[0] & 0777);
}

int64_t sys_unlink(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(unlink(path));
}

int64_t sys_unlinkat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(unlinkat(FD(a[0]), path, (int)a[2]));
}

int64_t sys_mkdir(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(mkdir(path, (mode_t)a[1]));
}

int64_t sys_mkdirat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(mkdirat(FD(a[0]), path, (mode_t)a[2]));
}

int64_t sys_rmdir(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(rmdir(path));
}

int64_t sys_rename(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(from, a[0]);
    PATH_OR_FAIL(to, a[1]);
    return sys_ret(rename(from, to));
}

int64_t sys_renameat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(from, a[1]);
    PATH_OR_FAIL(to, a[3]);
    return sys_ret(renameat(FD(a[0]), from, FD(a[2]), to));
}

int64_t sys_renameat2(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(from, a[1]);
    PATH_OR_FAIL(to, a[3]);
    return sys_ret(syscall(SYS_renameat2, FD(a[0]), from, FD(a[2]), to,
                           (unsigned)a[4]));
}

int64_t sys_link(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(from, a[0]);
    PATH_OR_FAIL(to, a[1]);
    return sys_ret(link(from, to));
}

int64_t sys_linkat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(from, a[1]);
    PATH_OR_FAIL(to, a[3]);
    return sys_ret(linkat(FD(a[0]), from, FD(a[2]), to, (int)a[4]));
}

int64_t sys_symlink(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(target, a[0]);
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(symlink(target, path));
}

int64_t sys_symlinkat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(target, a[0]);
    PATH_OR_FAIL(path, a[2]);
    return sys_ret(symlinkat(target, FD(a[1]), path));
}

int64_t sys_mknodat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    unsigned d = (unsigned)a[3];
    dev_t dev = makedev((d >> 8) & 0xfff, (d & 0xff) | ((d >> 12) & 0xfff00));
    return sys_ret(mknodat(FD(a[0]), path, (mode_t)a[2], dev));
}

int64_t sys_mknod(struct cpu_common *cpu, const uint64_t *a)
{
    uint64_t b[6] = { (uint64_t)(int64_t)AT_FDCWD, a[0], a[1], a[2] };
    return sys_mknodat(cpu, b);
}

static int64_t do_utimensat(const uint64_t *a, int tsize)
{
    struct timespec ts[2];
    const char *path = NULL;
    int err;
    if (a[1] && !(path = user_str(a[1], 4096, &err)))
        return -err;
    if (a[2]) {
        const uint8_t *g = user_ptr(a[2], 4 * tsize, false);
        if (!g)
            return -EFAULT;
        for (int i = 0; i < 2; i++) {
            const uint8_t *p = g + i * 2 * tsize;
            ts[i].tv_sec = tsize == 4 ? (int32_t)abi_ld(p, 4) : (int64_t)abi_ld(p, 8);
            ts[i].tv_nsec = tsize == 4 ? (int32_t)abi_ld(p + 4, 4)
                                       : (int64_t)abi_ld(p + 8, 8);
        }
    }
    return sys_ret(syscall(SYS_utimensat, FD(a[0]), path, a[2] ? ts : NULL,
                           (int)a[3]));
}

int64_t sys_utimensat(struct cpu_common *cpu, const uint64_t *a)
{
    return do_utimensat(a, ABI_LONG);
}

int64_t sys_utimensat_time64(struct cpu_common *cpu, const uint64_t *a)
{
    return do_utimensat(a, 8);
}

int64_t sys_chmod(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(chmod(path, (mode_t)a[1]));
}

int64_t sys_fchmod(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(fchmod(FD(a[0]), (mode_t)a[1]));
}

int64_t sys_fchmodat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(fchmodat(FD(a[0]), path, (mode_t)a[2], 0));
}

int64_t sys_chown32(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(chown(path, (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_lchown32(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[0]);
    return sys_ret(lchown(path, (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_fchown32(struct cpu_common *cpu, const uint64_t *a)
{
    return sys_ret(fchown(FD(a[0]), (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_fchownat(struct cpu_common *cpu, const uint64_t *a)
{
    PATH_OR_FAIL(path, a[1]);
    return sys_ret(fchownat(FD(a[0]), path, (uid_t)a[2], (gid_t)a[3],
                            (int)a[4]));
}
