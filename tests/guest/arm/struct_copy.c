/*
 * Structures passed and returned by value (small ones in registers, big
 * ones through memory), struct assignment (memcpy of odd sizes), arrays
 * of structs, and unions.
 */
#include "check.h"

struct small { uint8_t a; uint16_t b; };
struct pair { uint32_t x, y; };
struct big { uint32_t v[17]; uint8_t tail[3]; };
struct mixed { char c; double d; uint16_t s; uint64_t q; };

static struct pair __attribute__((noinline)) swap(struct pair p)
{
    struct pair r = { p.y, p.x };
    return r;
}

static struct big __attribute__((noinline)) make_big(uint32_t seed)
{
    struct big b;
    for (int i = 0; i < 17; i++)
        b.v[i] = seed * (uint32_t)(i + 1);
    b.tail[0] = 1; b.tail[1] = 2; b.tail[2] = 3;
    return b;
}

static uint32_t __attribute__((noinline)) sum_big(struct big b)
{
    uint32_t s = 0;
    for (int i = 0; i < 17; i++)
        s += b.v[i];
    b.v[0] = 0;  /* the caller's copy must not change */
    return s + b.tail[0] + b.tail[1] + b.tail[2];
}

static struct small __attribute__((noinline)) inc_small(struct small s)
{
    s.a++;
    s.b += 1000;
    return s;
}

static struct mixed __attribute__((noinline)) pass_mixed(struct mixed m, int k)
{
    m.c = (char)(m.c + k);
    m.s = (uint16_t)(m.s * k);
    m.q <<= k;
    return m;
}

int main(void)
{
    struct pair p = swap((struct pair){ 0x1111, 0x2222 });
    CHECK("pair swapped x", p.x, 0x2222);
    CHECK("pair swapped y", p.y, 0x1111);
    struct big b = make_big(3);
    CHECK("big returned by value", b.v[16], 51);
    CHECK("big passed by value", sum_big(b), 3 * 153 + 6);
    CHECK("caller's copy unchanged", b.v[0], 3);
    struct big c = b;
    c.v[5] = 0;
    CHECK("assignment copies", c.v[6], 21);
    CHECK("assignment is a copy", b.v[5], 18);
    CHECK("tail bytes copied", c.tail[2], 3);
    struct small s = inc_small((struct small){ 255, 65000 });
    CHECK("small a wraps", s.a, 0);
    CHECK("small b wraps", s.b, (65000 + 1000) & 0xffff);
    struct mixed m = pass_mixed((struct mixed){ 'A', 2.5, 300, 0x1234 }, 3);
    CHECK("mixed char", m.c, 'D');
    CHECK("mixed short", m.s, 900);
    CHECK("mixed u64", m.q, 0x1234u << 3);
    CHECK_TRUE("mixed double intact", m.d == 2.5);
    CHECK("sizeof mixed (EABI: 8-byte aligned doubles)", sizeof(struct mixed), 32);

    struct pair arr[10];
    for (int i = 0; i < 10; i++)
        arr[i] = (struct pair){ (uint32_t)i, (uint32_t)(i * i) };
    struct pair tmp = arr[9];
    arr[9] = arr[0];
    arr[0] = tmp;
    CHECK("array of structs swap", arr[0].y + arr[9].y * 1000, 81);

    union { uint32_t w; uint8_t b[4]; float f; } u = { .w = 0x3f800000u };
    CHECK_TRUE("union float view", u.f == 1.0f);
    CHECK("union byte view (little-endian)", u.b[3], 0x3f);
    return check_done("struct_copy");
}
