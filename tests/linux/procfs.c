/*
 * The guest's /proc: /proc/self/maps lists guest addresses (the program's
 * text, its stack, a fresh mapping with the protections it was given, and
 * mprotect's change), /proc/PID/maps is the same file, /proc/self/auxv is
 * the vector the program started with (getauxval agrees), and
 * /proc/cpuinfo describes the guest CPU: on ARM the Features are exactly
 * the AT_HWCAP bits (PROCFS_EXPECT_PART / PROCFS_EXPECT_ARCH name the
 * model's MIDR part and architecture when set); on MIPS the model and ISA
 * lines.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

static char text[65536];

static size_t slurp(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY);
    size_t len = 0;
    if (fd < 0)
        return 0;
    for (;;) {
        ssize_t r = read(fd, buf + len, n - 1 - len);
        if (r <= 0)
            break;
        len += r;
    }
    close(fd);
    buf[len] = '\0';
    return len;
}

/* The maps line whose range holds addr, copied to line; 0 if none. */
static int find_line(const char *maps, unsigned long addr, char *line,
                     size_t n)
{
    for (const char *p = maps; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        unsigned long lo, hi;
        if (sscanf(p, "%lx-%lx", &lo, &hi) == 2 && addr >= lo && addr < hi) {
            snprintf(line, n, "%.*s", (int)len, p);
            return 1;
        }
        p += len + (e ? 1 : 0);
    }
    return 0;
}

static void test_maps(void)
{
    char line[512], path[64];
    int local = 0;

    CHECK_TRUE("read /proc/self/maps", slurp("/proc/self/maps", text, sizeof(text)) > 0);
    CHECK_TRUE("maps: text of main", find_line(text, (unsigned long)&test_maps, line, sizeof(line)));
    CHECK_TRUE("maps: text is r-x", strncmp(strchr(line, ' ') + 1, "r-x", 3) == 0);
    CHECK_TRUE("maps: line format", strlen(line) > 30 && strchr(line, '-') - line >= 8);
    CHECK_TRUE("maps: stack", find_line(text, (unsigned long)&local, line, sizeof(line)));
    CHECK_TRUE("maps: [stack] named", strstr(line, "[stack]") != NULL);
    CHECK_TRUE("maps: stack is rw", strncmp(strchr(line, ' ') + 1, "rw", 2) == 0);

    char *m = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK_TRUE("mmap", m != MAP_FAILED);
    mprotect(m + 4096, 4096, PROT_READ | PROT_WRITE);
    slurp("/proc/self/maps", text, sizeof(text));
    CHECK_TRUE("maps: new mapping", find_line(text, (unsigned long)m, line, sizeof(line)));
    unsigned long lo = 0, hi = 0;
    sscanf(line, "%lx-%lx", &lo, &hi);
    CHECK_TRUE("maps: mapping starts at its address", lo == (unsigned long)m);
    CHECK_TRUE("maps: split by mprotect", hi == (unsigned long)m + 4096);
    CHECK_TRUE("maps: r--p", strncmp(strchr(line, ' ') + 1, "r--p", 4) == 0);
    find_line(text, (unsigned long)m + 4096, line, sizeof(line));
    CHECK_TRUE("maps: rw-p after mprotect", strncmp(strchr(line, ' ') + 1, "rw-p", 4) == 0);
    munmap(m, 3 * 4096);
    slurp("/proc/self/maps", text, sizeof(text));
    CHECK_TRUE("maps: gone after munmap", !find_line(text, (unsigned long)m + 4096, line, sizeof(line)));

    static char again[sizeof(text)];
    snprintf(path, sizeof(path), "/proc/%d/maps", (int)getpid());
    slurp(path, again, sizeof(again));
    CHECK_TRUE("maps: /proc/PID/maps is the same", strcmp(text, again) == 0);
    CHECK_TRUE("maps: write refused", open("/proc/self/maps", O_WRONLY) < 0);
}

static void test_auxv(void)
{
    unsigned long buf[256];
    int fd = open("/proc/self/auxv", O_RDONLY);
    CHECK_TRUE("open /proc/self/auxv", fd >= 0);
    ssize_t n = read(fd, buf, sizeof(buf));
    close(fd);
    CHECK_TRUE("auxv: whole pairs", n > 0 && n % (2 * sizeof(long)) == 0);
    int pagesz = 0, hwcap = 0, entry = 0, end = 0, count = 0;
    for (ssize_t i = 0; i + 1 < n / (ssize_t)sizeof(long); i += 2) {
        count++;
        if (buf[i] == AT_PAGESZ)
            pagesz = buf[i + 1] == 4096;
        if (buf[i] == AT_HWCAP)
            hwcap = buf[i + 1] == getauxval(AT_HWCAP);
        if (buf[i] == AT_ENTRY)
            entry = buf[i + 1] == getauxval(AT_ENTRY);
        if (buf[i] == AT_NULL) {
            end = i + 2 == n / (ssize_t)sizeof(long);
            break;
        }
    }
    CHECK_TRUE("auxv: AT_PAGESZ 4096", pagesz);
    CHECK_TRUE("auxv: AT_HWCAP as getauxval", hwcap);
    CHECK_TRUE("auxv: AT_ENTRY as getauxval", entry);
    CHECK_TRUE("auxv: ends with AT_NULL", end);
    CHECK_TRUE("auxv: several entries", count > 10);
}

/* The value of "key : value" in cpuinfo, or "". */
static const char *field(const char *info, const char *key, char *out, size_t n)
{
    out[0] = '\0';
    for (const char *p = info; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
        if (strncmp(p, key, strlen(key)) != 0)
            continue;
        const char *c = strchr(p, ':');
        const char *e = strchr(p, '\n');
        if (!c || (e && c > e))
            continue;
        c++;
        while (*c == ' ')
            c++;
        snprintf(out, n, "%.*s", (int)(e ? e - c : (long)strlen(c)), c);
        break;
    }
    return out;
}

#ifdef __arm__
static const char *const hwcap_names[32] = {
    "swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp",
    "java", "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16",
    "tls", "vfpv4", "idiva", "idivt", "vfpd32", "lpae", "evtstrm",
};
#endif

static void test_cpuinfo(void)
{
    char v[256];

    CHECK_TRUE("read /proc/cpuinfo", slurp("/proc/cpuinfo", text, sizeof(text)) > 0);
    CHECK_STR("cpuinfo: processor", field(text, "processor", v, sizeof(v)), "0");
#ifdef __arm__
    unsigned long hw = getauxval(AT_HWCAP), seen = 0;
    char feats[256];
    field(text, "Features", feats, sizeof(feats));
    printf("features: %s\n", feats);
    int all_known = 1;
    for (char *w = strtok(feats, " "); w; w = strtok(NULL, " ")) {
        int bit = -1;
        for (int b = 0; b < 32; b++)
            if (hwcap_names[b] && strcmp(w, hwcap_names[b]) == 0)
                bit = b;
        if (bit < 0 || !(hw & (1ul << bit)))
            all_known = 0;
        else
            seen |= 1ul << bit;
    }
    CHECK_TRUE("cpuinfo: every feature is an AT_HWCAP bit", all_known);
    CHECK_TRUE("cpuinfo: every AT_HWCAP bit is a feature", seen == hw);
    CHECK_TRUE("cpuinfo: neon only with HWCAP_NEON",
               (strstr(text, " neon") != NULL) == ((hw >> 12) & 1));
    CHECK_STR("cpuinfo: implementer", field(text, "CPU implementer", v, sizeof(v)), "0x41");
    CHECK_TRUE("cpuinfo: model name", strstr(field(text, "model name", v, sizeof(v)), " rev ") != NULL);
    const char *part = getenv("PROCFS_EXPECT_PART");
    if (part)
        CHECK_STR("cpuinfo: part", field(text, "CPU part", v, sizeof(v)), part);
    const char *arch = getenv("PROCFS_EXPECT_ARCH");
    if (arch)
        CHECK_STR("cpuinfo: architecture", field(text, "CPU architecture", v, sizeof(v)), arch);
#elif defined(__mips__)
    CHECK_TRUE("cpuinfo: cpu model", strncmp(field(text, "cpu model", v, sizeof(v)), "MIPS", 4) == 0);
#if __mips == 64
    CHECK_TRUE("cpuinfo: isa", strstr(field(text, "isa", v, sizeof(v)), "mips64r2") != NULL);
#else
    CHECK_TRUE("cpuinfo: isa", strstr(field(text, "isa", v, sizeof(v)), "mips32r2") != NULL &&
                               strstr(v, "mips64") == NULL);
#endif
#endif
}

int main(void)
{
    test_maps();
    test_auxv();
    test_cpuinfo();
    return check_done("procfs");
}
