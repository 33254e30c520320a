/*
 * Checksums with published check values: CRC-32 (IEEE, reflected), CRC-32
 * through a 256-entry table, CRC-16/CCITT-FALSE, Adler-32, FNV-1a, and the
 * CRC-32 of a 64 KiB generated buffer computed both ways.
 */
#include "check.h"

static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return ~c;
}

static uint32_t table[256];

static uint32_t crc32_table(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    while (n--)
        c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
}

static uint16_t crc16_ccitt(const uint8_t *p, size_t n)
{
    uint16_t c = 0xffff;
    while (n--) {
        c ^= (uint16_t)(*p++ << 8);
        for (int k = 0; k < 8; k++)
            c = (c & 0x8000) ? (uint16_t)((c << 1) ^ 0x1021) : (uint16_t)(c << 1);
    }
    return c;
}

static uint32_t adler32(const uint8_t *p, size_t n)
{
    uint32_t a = 1, b = 0;
    while (n--) {
        a = (a + *p++) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 0x811c9dc5u;
    while (*s) {
        h ^= (uint8_t)*s++;
        h *= 0x01000193u;
    }
    return h;
}

static uint8_t big[65536];

int main(void)
{
    const uint8_t *check = (const uint8_t *)"123456789";
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
        table[i] = c;
    }
    CHECK("crc32 table[1]", table[1], 0x77073096u);
    CHECK("crc32 table[255]", table[255], 0x2d02ef8du);
    CHECK("crc32(\"123456789\") bitwise", crc32_bitwise(check, 9), 0xcbf43926u);
    CHECK("crc32(\"123456789\") table", crc32_table(check, 9), 0xcbf43926u);
    CHECK("crc32(\"\")", crc32_table(check, 0), 0);
    CHECK("crc32(\"The quick brown fox jumps over the lazy dog\")",
          crc32_table((const uint8_t *)"The quick brown fox jumps over the lazy dog", 43),
          0x414fa339u);
    CHECK("crc16-ccitt-false(\"123456789\")", crc16_ccitt(check, 9), 0x29b1);
    CHECK("adler32(\"Wikipedia\")", adler32((const uint8_t *)"Wikipedia", 9), 0x11e60398u);
    CHECK("fnv1a32(\"\")", fnv1a(""), 0x811c9dc5u);
    CHECK("fnv1a32(\"a\")", fnv1a("a"), 0xe40c292cu);
    CHECK("fnv1a32(\"foobar\")", fnv1a("foobar"), 0xbf9cf968u);

    uint32_t x = 1;
    for (size_t i = 0; i < sizeof big; i++) {
        x = x * 1103515245u + 12345u;
        big[i] = (uint8_t)(x >> 16);
    }
    uint32_t a = crc32_bitwise(big, sizeof big), b = crc32_table(big, sizeof big);
    CHECK("64 KiB crc32 bitwise == table", a, b);
    EXPECT_HOST("64 KiB crc32", a);
    EXPECT_HOST("64 KiB adler32", adler32(big, sizeof big));
    return check_done("crc");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0x12e573a3ull, /* 64 KiB crc32 */
    0x4f60207ull, /* 64 KiB adler32 */
/* host-expect end */
};
