/*
 * libc string and memory functions (the optimized assembly versions in
 * glibc): strlen, strcpy, strncpy, strcat, strcmp, strncmp, strchr,
 * strrchr, strstr, strspn, strcspn, strtok_r, strdup, memcpy, memmove
 * (overlapping both ways), memset, memcmp, memchr, at every alignment.
 */
#include <stdlib.h>
#include "check.h"

static char buf[256], buf2[256];

int main(void)
{
    /* Lengths and copies at every source/destination alignment. */
    int bad = 0;
    for (int sa = 0; sa < 8; sa++)
        for (int da = 0; da < 8; da++)
            for (int len = 0; len < 40; len++) {
                for (int i = 0; i < 64; i++)
                    buf[i] = (char)('A' + (i % 26));
                buf[sa + len] = 0;
                memset(buf2, '#', 128);
                strcpy(buf2 + da, buf + sa);
                if (strlen(buf + sa) != (size_t)len || strlen(buf2 + da) != (size_t)len ||
                    memcmp(buf2 + da, buf + sa, (size_t)len + 1) != 0 ||
                    buf2[da + len + 1] != '#' || (da && buf2[da - 1] != '#'))
                    bad++;
                memset(buf2, 0, 128);
                memcpy(buf2 + da, buf + sa, (size_t)len);
                if (memcmp(buf2 + da, buf + sa, (size_t)len) || buf2[da + len] != 0)
                    bad++;
            }
    CHECK("strlen/strcpy/memcpy at all alignments: mismatches", bad, 0);

    char s[64];
    strcpy(s, "hello");
    strcat(s, ", world");
    CHECK_STR("strcat", s, "hello, world");
    CHECK("strlen", strlen(s), 12);
    CHECK("strcmp equal", strcmp(s, "hello, world"), 0);
    CHECK_TRUE("strcmp less", strcmp("abc", "abd") < 0);
    CHECK_TRUE("strcmp greater (unsigned bytes)", strcmp("\xff", "a") > 0);
    CHECK("strncmp prefix", strncmp("hello", "help", 3), 0);
    CHECK("strchr", strchr(s, 'w') - s, 7);
    CHECK("strrchr", strrchr(s, 'l') - s, 10);
    CHECK_TRUE("strchr miss", strchr(s, 'z') == NULL);
    CHECK("strchr finds the terminator", strchr(s, 0) - s, 12);
    CHECK("strstr", strstr(s, "wor") - s, 7);
    CHECK_TRUE("strstr miss", strstr(s, "word") == NULL);
    CHECK("strspn", strspn("aabbcde", "ab"), 4);
    CHECK("strcspn", strcspn("hello world", " "), 5);
    char t[32];
    memset(t, 'x', sizeof t);
    strncpy(t, "abc", 6);
    CHECK("strncpy pads with zeros", t[3] | t[4] | t[5], 0);
    CHECK("strncpy stops at n", t[6], 'x');

    char line[] = "alpha,beta,,gamma;delta";
    char *save, *tok;
    char joined[64] = "";
    for (tok = strtok_r(line, ",;", &save); tok; tok = strtok_r(NULL, ",;", &save)) {
        strcat(joined, tok);
        strcat(joined, "|");
    }
    CHECK_STR("strtok_r", joined, "alpha|beta|gamma|delta|");
    char *d = strdup("duplicate me");
    CHECK_STR("strdup", d, "duplicate me");
    free(d);

    for (int i = 0; i < 100; i++)
        buf[i] = (char)i;
    memmove(buf + 10, buf, 50);
    CHECK("memmove forward overlap first", buf[10], 0);
    CHECK("memmove forward overlap last", buf[59], 49);
    memmove(buf, buf + 20, 60);
    CHECK("memmove backward overlap first", buf[0], 10);
    CHECK("memmove backward overlap last", buf[59], 79);
    memset(buf + 3, 0xa5, 77);
    CHECK("memset interior", (uint8_t)buf[50], 0xa5);
    CHECK("memset start", (uint8_t)buf[3], 0xa5);
    CHECK("memset end", (uint8_t)buf[79], 0xa5);
    CHECK("memset after end", (uint8_t)buf[80], 80);
    CHECK_TRUE("memcmp sign (unsigned bytes)", memcmp("\x80", "\x7f", 1) > 0);
    CHECK("memchr", (char *)memchr(buf, 80, 100) - buf, 80);
    CHECK_TRUE("memchr miss", memchr(buf, 80, 80) == NULL);
    return check_done("string_fns");
}
