/*
 * Memory and string routines at every alignment and length around the
 * word size (glibc's ARM versions use word and LDM/STM paths), checked
 * against byte-by-byte reference loops written here.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static unsigned char src[512], dst[512], ref[512];

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        p[i] = (unsigned char)(seed >> 16) | 1; /* never 0 */
    }
}

int main(void)
{
    int bad_copy = 0, bad_move = 0, bad_set = 0, bad_cmp = 0, bad_chr = 0, bad_len = 0;

    for (size_t so = 0; so < 8; so++) {
        for (size_t dof = 0; dof < 8; dof++) {
            for (size_t n = 0; n < 70; n++) {
                fill(src, sizeof(src), (unsigned)(so * 131 + dof * 17 + n));
                memset(dst, 0xee, sizeof(dst));
                memcpy(dst + dof, src + so, n);
                for (size_t i = 0; i < sizeof(dst); i++) {
                    unsigned char want = (i >= dof && i < dof + n) ? src[so + i - dof] : 0xee;
                    bad_copy += dst[i] != want;
                }
                /* Overlapping memmove both ways, against a copy. */
                memcpy(ref, src, sizeof(src));
                memmove(src + dof, src + so, n);
                for (size_t i = 0; i < n; i++)
                    bad_move += src[dof + i] != ref[so + i];
                /* memset with a non-zero byte. */
                memset(dst, 0, sizeof(dst));
                memset(dst + dof, 0xa5, n);
                for (size_t i = 0; i < 100; i++)
                    bad_set += dst[i] != ((i >= dof && i < dof + n) ? 0xa5 : 0);
                /* memcmp sign when one byte differs. */
                if (n > 0) {
                    memcpy(dst + dof, ref + so, n);
                    bad_cmp += memcmp(dst + dof, ref + so, n) != 0;
                    dst[dof + n - 1] ^= 0x80;
                    int c = memcmp(dst + dof, ref + so, n);
                    bad_cmp += (c > 0) != (dst[dof + n - 1] > ref[so + n - 1]);
                }
                /* strlen and strchr on a string of length n. */
                memcpy(dst + dof, ref + so, n);
                dst[dof + n] = 0;
                bad_len += strlen((char *)dst + dof) != n;
                if (n > 0) {
                    char *hit = strchr((char *)dst + dof, dst[dof + n - 1]);
                    size_t first = 0;
                    while (dst[dof + first] != dst[dof + n - 1])
                        first++;
                    bad_chr += hit != (char *)dst + dof + first;
                }
                bad_chr += strchr((char *)dst + dof, 0) != (char *)dst + dof + n;
            }
        }
    }
    CHECK("memcpy at all alignments", bad_copy, 0);
    CHECK("memmove overlapping", bad_move, 0);
    CHECK("memset", bad_set, 0);
    CHECK("memcmp", bad_cmp, 0);
    CHECK("strlen", bad_len, 0);
    CHECK("strchr", bad_chr, 0);

    CHECK_STR("strstr", strstr("the quick brown fox", "brown"), "brown fox");
    CHECK("memmem", (uintptr_t)memmem("abcabcabd", 9, "abd", 3) != 0, 1);
    CHECK("strspn", strspn("aaabbbccc", "ab"), 6);
    CHECK("strcspn", strcspn("hello, world", ",;"), 5);
    char buf[32];
    CHECK("stpcpy end", stpcpy(buf, "kemu") - buf, 4);
    static const char tail[] = "-arm-linux";
    volatile size_t four = 4;
    CHECK_STR("strncat", strncat(buf, tail, four), "kemu-arm");
    CHECK("strrchr", strrchr(buf, 'm') - buf, 7);
    return check_done("strings_mem");
}
