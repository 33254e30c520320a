/*
 * Bit manipulation through builtins and libgcc on ARMv5 (no REV, no
 * RBIT): bswap16/32/64, popcount, ctz, clz of 64-bit values, parity,
 * ffs, rotates written in C, and endian conversions (htonl/ntohs).
 */
#include <arpa/inet.h>
#include <strings.h>
#include "check.h"

int main(void)
{
    volatile uint32_t a = 0x12345678u;
    volatile uint64_t q = 0x0102030405060708ull;
    volatile uint16_t h = 0xabcd;
    CHECK("bswap16", __builtin_bswap16(h), 0xcdab);
    CHECK("bswap32", __builtin_bswap32(a), 0x78563412u);
    CHECK("bswap64", __builtin_bswap64(q), 0x0807060504030201ull);
    CHECK("htonl", htonl(a), 0x78563412u);
    CHECK("ntohs", ntohs(h), 0xcdab);
    CHECK("popcount", __builtin_popcount(a), 13);
    CHECK("popcountll", __builtin_popcountll(q), 13);
    CHECK("parity", __builtin_parity(a), 1);
    CHECK("ctz", __builtin_ctz(a), 3);
    CHECK("ctzll high word", __builtin_ctzll(q & 0xffff000000000000ull), 49);
    CHECK("clzll", __builtin_clzll(q), 7);
    CHECK("clzll low word only", __builtin_clzll(q & 0xffffffffull), 37);
    CHECK("ffs", ffs((int)a), 4);
    CHECK("ffs(0)", ffs(0), 0);
    uint32_t r = a;
    r = (r << 13) | (r >> 19);
    CHECK("rotate left 13", r, 0x8acf0246u);
    uint64_t rq = q;
    rq = (rq >> 12) | (rq << 52);
    CHECK("rotate right 12 (64-bit)", rq, 0x7080102030405060ull);
    uint32_t rev = 0, v = a;
    for (int i = 0; i < 32; i++) { rev = rev << 1 | (v & 1); v >>= 1; }
    CHECK("bit reverse", rev, 0x1e6a2c48u);
    return check_done("bswap_bits");
}
