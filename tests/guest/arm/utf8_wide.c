/*
 * Multibyte and wide characters in the C.UTF-8 locale (built into glibc
 * 2.35+): mbstowcs/wcstombs round trip, wcslen, mbrtowc on 1-4 byte
 * sequences, invalid sequences, and swprintf.
 */
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include "check.h"

int main(void)
{
    CHECK_TRUE("setlocale C.UTF-8", setlocale(LC_ALL, "C.UTF-8") != NULL);
    const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";   /* a é € 😀 */
    wchar_t w[16];
    CHECK("mbstowcs count", mbstowcs(w, s, 16), 4);
    CHECK("U+0061", w[0], 0x61);
    CHECK("U+00E9", w[1], 0xe9);
    CHECK("U+20AC", w[2], 0x20ac);
    CHECK("U+1F600", w[3], 0x1f600);
    CHECK("wcslen", wcslen(w), 4);
    CHECK("sizeof(wchar_t)", sizeof(wchar_t), 4);
    char back[32];
    CHECK("wcstombs bytes", wcstombs(back, w, sizeof back), 10);
    CHECK_STR("round trip", back, s);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc;
    CHECK("mbrtowc 3-byte", mbrtowc(&wc, "\xe2\x82\xac", 3, &st), 3);
    CHECK("mbrtowc invalid", (uint32_t)mbrtowc(&wc, "\xff", 1, &st), (uint32_t)-1);
    wchar_t out[32];
    swprintf(out, 32, L"%ls=%d", L"x\u00e9", 5);
    CHECK("swprintf length", wcslen(out), 4);
    CHECK("swprintf char", out[1], 0xe9);
    return check_done("utf8_wide");
}
