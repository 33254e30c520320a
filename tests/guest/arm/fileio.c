/*
 * File I/O in a fresh temporary directory (mkdtemp): open/write/read,
 * lseek (SEEK_SET/CUR/END, holes), fstat/stat sizes and modes, rename,
 * unlink, mkdir/rmdir, opendir/readdir (getdents64), stdio fopen/fgets,
 * pread/pwrite, ftruncate, and errors for missing files.
 */
/* 64-bit offsets: directory offsets on the host (ext4 hashes) need not fit
 * in 32 bits, and a 32-bit readdir would report EOVERFLOW. */
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static char dir[256], path[300], path2[300];

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/kemu-fileio-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    CHECK_TRUE("mkdtemp", mkdtemp(dir) != NULL);
    struct stat st;
    CHECK("stat dir", stat(dir, &st), 0);
    CHECK_TRUE("dir is a directory", S_ISDIR(st.st_mode));
    CHECK("mkdtemp mode 0700", st.st_mode & 0777, 0700);

    snprintf(path, sizeof path, "%s/data.bin", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0640);
    CHECK_TRUE("open O_CREAT", fd >= 0);
    char block[1000];
    for (int i = 0; i < 1000; i++)
        block[i] = (char)(i * 13);
    CHECK("write 1000", write(fd, block, 1000), 1000);
    CHECK("lseek SEEK_CUR", lseek(fd, 0, SEEK_CUR), 1000);
    CHECK("lseek past end", lseek(fd, 5000, SEEK_SET), 5000);
    CHECK("write after hole", write(fd, "END", 3), 3);
    CHECK("fstat", fstat(fd, &st), 0);
    CHECK("size with hole", st.st_size, 5003);
    CHECK("mode", st.st_mode & 0777, 0640 & ~0);
    CHECK_TRUE("regular file", S_ISREG(st.st_mode));
    CHECK("lseek SEEK_END", lseek(fd, -3, SEEK_END), 5000);
    char b3[4] = { 0 };
    CHECK("read at end", read(fd, b3, 3), 3);
    CHECK_STR("read END", b3, "END");
    CHECK("read at EOF", read(fd, b3, 3), 0);
    char hole[10];
    CHECK("pread in hole", pread(fd, hole, 10, 2000), 10);
    int zeros = 0;
    for (int i = 0; i < 10; i++) zeros += hole[i] == 0;
    CHECK("hole reads zeros", zeros, 10);
    CHECK("pwrite", pwrite(fd, "XY", 2, 10), 2);
    CHECK("pwrite keeps offset", lseek(fd, 0, SEEK_CUR), 5003);
    char back[1000];
    lseek(fd, 0, SEEK_SET);
    CHECK("read 1000 back", read(fd, back, 1000), 1000);
    block[10] = 'X'; block[11] = 'Y';
    CHECK("content matches", memcmp(back, block, 1000), 0);
    CHECK("ftruncate", ftruncate(fd, 100), 0);
    fstat(fd, &st);
    CHECK("size after truncate", st.st_size, 100);
    CHECK("close", close(fd), 0);

    snprintf(path2, sizeof path2, "%s/renamed.bin", dir);
    CHECK("rename", rename(path, path2), 0);
    errno = 0;
    CHECK("old name gone", stat(path, &st), (uint64_t)-1);
    CHECK("errno ENOENT", errno, ENOENT);
    CHECK("new name", stat(path2, &st), 0);
    CHECK("new name size", st.st_size, 100);

    /* stdio on a text file. */
    snprintf(path, sizeof path, "%s/text.txt", dir);
    FILE *f = fopen(path, "w");
    for (int i = 1; i <= 100; i++)
        fprintf(f, "line %d\n", i);
    fclose(f);
    f = fopen(path, "r");
    char line[64];
    int n = 0, sum = 0, v;
    while (fgets(line, sizeof line, f)) {
        n++;
        if (sscanf(line, "line %d", &v) == 1)
            sum += v;
    }
    fclose(f);
    CHECK("fgets lines", n, 100);
    CHECK("sum of line numbers", sum, 5050);

    char sub[300];
    snprintf(sub, sizeof sub, "%s/subdir", dir);
    CHECK("mkdir", mkdir(sub, 0755), 0);
    errno = 0;
    CHECK("mkdir again fails", mkdir(sub, 0755), (uint64_t)-1);
    CHECK("errno EEXIST", errno, EEXIST);

    /* Directory listing. */
    DIR *d = opendir(dir);
    CHECK_TRUE("opendir", d != NULL);
    char *names[16];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) && count < 16)
        names[count++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)count, sizeof names[0], cmp_str);
    char all[200] = "";
    for (int i = 0; i < count; i++) {
        strcat(all, names[i]);
        strcat(all, " ");
        free(names[i]);
    }
    CHECK_STR("readdir entries", all, ". .. renamed.bin subdir text.txt ");

    CHECK("rmdir", rmdir(sub), 0);
    CHECK("unlink text", unlink(path), 0);
    CHECK("unlink data", unlink(path2), 0);
    errno = 0;
    CHECK("unlink missing", unlink(path2), (uint64_t)-1);
    CHECK("errno ENOENT again", errno, ENOENT);
    CHECK("rmdir temp dir", rmdir(dir), 0);
    errno = 0;
    CHECK("open missing", open(path, O_RDONLY), (uint64_t)-1);
    CHECK("errno ENOENT on open", errno, ENOENT);
    return check_done("fileio");
}
