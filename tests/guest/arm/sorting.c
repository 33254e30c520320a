/*
 * Sorting algorithms written out (insertion, shell, heap, merge, quick,
 * radix) on the same pseudo-random data; each result must be ordered and
 * equal to every other, and known order statistics are checked.
 */
#include <stdlib.h>
#include "check.h"

#define N 3000
static uint32_t src[N], a[N], tmp[N];

static void insertion(uint32_t *v, int n)
{
    for (int i = 1; i < n; i++) {
        uint32_t x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
        v[j + 1] = x;
    }
}

static void shell(uint32_t *v, int n)
{
    for (int gap = n / 2; gap > 0; gap /= 2)
        for (int i = gap; i < n; i++) {
            uint32_t x = v[i];
            int j = i;
            for (; j >= gap && v[j - gap] > x; j -= gap)
                v[j] = v[j - gap];
            v[j] = x;
        }
}

static void sift(uint32_t *v, int i, int n)
{
    for (;;) {
        int l = 2 * i + 1, m = i;
        if (l < n && v[l] > v[m]) m = l;
        if (l + 1 < n && v[l + 1] > v[m]) m = l + 1;
        if (m == i) return;
        uint32_t t = v[i]; v[i] = v[m]; v[m] = t;
        i = m;
    }
}

static void heap(uint32_t *v, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--)
        sift(v, i, n);
    for (int e = n - 1; e > 0; e--) {
        uint32_t t = v[0]; v[0] = v[e]; v[e] = t;
        sift(v, 0, e);
    }
}

static void merge(uint32_t *v, int n)
{
    if (n < 2) return;
    int h = n / 2;
    merge(v, h);
    merge(v + h, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, (size_t)n * sizeof *v);
}

static void quick(uint32_t *v, int lo, int hi)
{
    while (lo < hi) {
        uint32_t p = v[(lo + hi) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) { uint32_t t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quick(v, lo, j); lo = i; }
        else { quick(v, i, hi); hi = j; }
    }
}

static void radix(uint32_t *v, int n)
{
    for (int shift = 0; shift < 32; shift += 8) {
        int count[257] = { 0 };
        for (int i = 0; i < n; i++) count[((v[i] >> shift) & 0xff) + 1]++;
        for (int i = 0; i < 256; i++) count[i + 1] += count[i];
        for (int i = 0; i < n; i++) tmp[count[(v[i] >> shift) & 0xff]++] = v[i];
        memcpy(v, tmp, (size_t)n * sizeof *v);
    }
}

static uint32_t reference[N];

static void check_sorted(const char *name)
{
    int ok = 1;
    for (int i = 1; i < N; i++)
        if (a[i - 1] > a[i]) ok = 0;
    char what[64];
    snprintf(what, sizeof what, "%s sorts", name);
    CHECK_TRUE(what, ok);
    snprintf(what, sizeof what, "%s matches insertion sort", name);
    CHECK_TRUE(what, memcmp(a, reference, sizeof a) == 0);
}

int main(void)
{
    uint32_t x = 2463534242u;
    for (int i = 0; i < N; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;   /* xorshift32 */
        src[i] = x % 100000u;
    }
    memcpy(a, src, sizeof a); insertion(a, N); memcpy(reference, a, sizeof a);
    check_sorted("insertion");
    EXPECT_HOST("min", a[0]);
    EXPECT_HOST("element 1000", a[1000]);
    EXPECT_HOST("max", a[N - 1]);
    memcpy(a, src, sizeof a); shell(a, N); check_sorted("shell");
    memcpy(a, src, sizeof a); heap(a, N); check_sorted("heap");
    memcpy(a, src, sizeof a); merge(a, N); check_sorted("merge");
    memcpy(a, src, sizeof a); quick(a, 0, N - 1); check_sorted("quick");
    memcpy(a, src, sizeof a); radix(a, N); check_sorted("radix");
    return check_done("sorting");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0x1dull, /* min */
    0x8b15ull, /* element 1000 */
    0x1869dull, /* max */
/* host-expect end */
};
