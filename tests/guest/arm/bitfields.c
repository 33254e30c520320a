/*
 * Bitfields: signed and unsigned fields, fields crossing bytes, packed
 * structs, reads after writes through a union with the raw word (the
 * little-endian EABI layout: first field in the lowest bits).
 */
#include "check.h"

struct flags {
    unsigned a : 3;
    signed b : 5;
    unsigned c : 12;
    signed d : 11;
    unsigned e : 1;
};

union view {
    struct flags f;
    uint32_t raw;
};

struct __attribute__((packed)) packed {
    uint8_t tag;
    uint32_t value;
    uint16_t small;
};

struct wide {
    unsigned long long lo : 40;
    unsigned long long hi : 24;
};

int main(void)
{
    union view v;
    v.raw = 0;
    v.f.a = 5;
    v.f.b = -3;
    v.f.c = 0xabc;
    v.f.d = -1000;
    v.f.e = 1;
    CHECK("raw word of packed fields", v.raw,
          5u | (uint32_t)(-3 & 0x1f) << 3 | 0xabcu << 8 | (uint32_t)(-1000 & 0x7ff) << 20 | 1u << 31);
    CHECK("a", v.f.a, 5);
    CHECK("b sign-extends", (uint32_t)(int32_t)v.f.b, (uint32_t)-3);
    CHECK("c", v.f.c, 0xabc);
    CHECK("d sign-extends", (uint32_t)(int32_t)v.f.d, (uint32_t)-1000);
    CHECK("e", v.f.e, 1);

    v.raw = 0xffffffffu;
    CHECK("all ones: a", v.f.a, 7);
    CHECK("all ones: b", (uint32_t)(int32_t)v.f.b, (uint32_t)-1);
    CHECK("all ones: c", v.f.c, 0xfff);
    v.f.c++;
    CHECK("c wraps inside its field", v.raw, 0xfff000ffu);
    v.f.b += 17;   /* -1 + 17 = 16 -> wraps to -16 in 5 bits */
    CHECK("b wraps to -16", (uint32_t)(int32_t)v.f.b, (uint32_t)-16);

    struct packed p[3];
    volatile uint8_t *bytes = (volatile uint8_t *)p;
    CHECK("packed size", sizeof p[0], 7);
    for (int i = 0; i < 3; i++) {
        p[i].tag = (uint8_t)i;
        p[i].value = 0x11223344u * (uint32_t)(i + 1);
        p[i].small = (uint16_t)(0xbeef + i);
    }
    CHECK("packed unaligned value", p[1].value, 0x22446688u);
    CHECK("packed byte layout", bytes[8] | bytes[9] << 8 | bytes[10] << 16 | (uint32_t)bytes[11] << 24,
          0x22446688u);
    CHECK("packed small", p[2].small, 0xbef1);

    struct wide wd = { 0 };
    wd.lo = 0xffffffffffull;
    wd.hi = 0x123456;
    wd.lo += 1;
    CHECK("40-bit field wraps", wd.lo, 0);
    CHECK("24-bit field", wd.hi, 0x123456);
    wd.lo = 0x8000000001ull;
    CHECK("64-bit word of wide", *(uint64_t *)&wd, 0x1234568000000001ull);
    return check_done("bitfields");
}
