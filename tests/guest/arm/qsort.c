/*
 * qsort and bsearch from libc over ints, strings and structs, with
 * comparison callbacks (so libc calls back into the program), checked
 * for order, stability-independent results and known positions.
 */
#include <stdlib.h>
#include "check.h"

static int cmp_int(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct rec { uint32_t key; char name[12]; };
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int32_t v[5000];

int main(void)
{
    uint32_t s = 12345;
    int64_t sum = 0;
    for (int i = 0; i < 5000; i++) {
        s = s * 1664525u + 1013904223u;
        v[i] = (int32_t)(s >> 8) - (1 << 23);
        sum += v[i];
    }
    qsort(v, 5000, sizeof v[0], cmp_int);
    int sorted = 1;
    int64_t sum2 = 0;
    for (int i = 0; i < 5000; i++) {
        if (i && v[i - 1] > v[i])
            sorted = 0;
        sum2 += v[i];
    }
    CHECK_TRUE("5000 ints sorted", sorted);
    CHECK("sum preserved", (uint64_t)sum2, (uint64_t)sum);
    EXPECT_HOST("minimum", (uint32_t)v[0]);
    EXPECT_HOST("median", (uint32_t)v[2500]);
    EXPECT_HOST("maximum", (uint32_t)v[4999]);
    int32_t key = v[1234];
    int32_t *hit = bsearch(&key, v, 5000, sizeof v[0], cmp_int);
    CHECK_TRUE("bsearch finds an existing key", hit && *hit == key);
    key = 1 << 24;
    CHECK_TRUE("bsearch misses a value above the range", !bsearch(&key, v, 5000, sizeof v[0], cmp_int));

    const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date", "apricot", "kiwi" };
    qsort(words, 8, sizeof words[0], cmp_str);
    char joined[80] = "";
    for (int i = 0; i < 8; i++) {
        strcat(joined, words[i]);
        strcat(joined, i < 7 ? "," : "");
    }
    CHECK_STR("sorted strings", joined, "apple,apricot,banana,cherry,date,fig,kiwi,pear");

    struct rec r[6] = {
        { 3, "c" }, { 1, "z" }, { 3, "a" }, { 0, "m" }, { 1, "b" }, { 2, "q" },
    };
    qsort(r, 6, sizeof r[0], cmp_rec);
    char order[40] = "";
    for (int i = 0; i < 6; i++)
        sprintf(order + strlen(order), "%u%s ", r[i].key, r[i].name);
    CHECK_STR("sorted records", order, "0m 1b 1z 2q 3a 3c ");
    return check_done("qsort");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0xff8003dfull, /* minimum */
    0xa7d5ull, /* median */
    0x7ffb25ull, /* maximum */
/* host-expect end */
};
