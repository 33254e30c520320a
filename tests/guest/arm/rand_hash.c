/*
 * glibc's rand()/random() sequences (the same on every architecture for a
 * given seed), rand_r, and an open-addressing hash table with 20000 keys:
 * inserts, lookups, deletes with tombstones.
 */
#include <stdlib.h>
#include "check.h"

#define CAP 65536
static uint32_t keys[CAP], vals[CAP];
static uint8_t state[CAP];   /* 0 empty, 1 full, 2 deleted */

static uint32_t hash(uint32_t k) { k ^= k >> 16; k *= 0x45d9f3bu; k ^= k >> 16; return k; }

static void put(uint32_t k, uint32_t v)
{
    uint32_t i = hash(k) & (CAP - 1);
    while (state[i] == 1 && keys[i] != k)
        i = (i + 1) & (CAP - 1);
    state[i] = 1; keys[i] = k; vals[i] = v;
}

static int get(uint32_t k, uint32_t *v)
{
    uint32_t i = hash(k) & (CAP - 1);
    while (state[i] != 0) {
        if (state[i] == 1 && keys[i] == k) { *v = vals[i]; return 1; }
        i = (i + 1) & (CAP - 1);
    }
    return 0;
}

static void del(uint32_t k)
{
    uint32_t i = hash(k) & (CAP - 1);
    while (state[i] != 0) {
        if (state[i] == 1 && keys[i] == k) { state[i] = 2; return; }
        i = (i + 1) & (CAP - 1);
    }
}

int main(void)
{
    srand(1);
    CHECK("rand() #1 after srand(1)", rand(), 1804289383);
    CHECK("rand() #2", rand(), 846930886);
    CHECK("rand() #3", rand(), 1681692777);
    srand(42);
    uint32_t h = 0;
    for (int i = 0; i < 1000; i++)
        h = h * 31 + (uint32_t)rand();
    EXPECT_HOST("1000 rand() after srand(42), folded", h);
    unsigned seed = 7;
    EXPECT_HOST("rand_r(7) first", rand_r(&seed));
    EXPECT_HOST("rand_r(7) second", rand_r(&seed));

    for (uint32_t i = 0; i < 20000; i++)
        put(i * 2654435761u, i);
    uint32_t v, found = 0, wrong = 0;
    for (uint32_t i = 0; i < 20000; i++)
        if (get(i * 2654435761u, &v)) { found++; wrong += v != i; }
    CHECK("hash lookups found", found, 20000);
    CHECK("hash lookups wrong values", wrong, 0);
    for (uint32_t i = 0; i < 20000; i += 2)
        del(i * 2654435761u);
    found = 0;
    for (uint32_t i = 0; i < 20000; i++)
        found += get(i * 2654435761u, &v);
    CHECK("after deleting half", found, 10000);
    CHECK_TRUE("missing key", !get(12345, &v));
    return check_done("rand_hash");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0xad84b8aeull, /* 1000 rand() after srand(42), folded */
    0x46c93a74ull, /* rand_r(7) first */
    0x92c4d25ull, /* rand_r(7) second */
/* host-expect end */
};
