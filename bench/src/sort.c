/* qsort and a hand-written merge sort of pseudo-random keys, -O2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

static void msort(unsigned *v, unsigned *tmp, int n)
{
    if (n < 2)
        return;
    int h = n / 2;
    msort(v, tmp, h);
    msort(v + h, tmp, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, sizeof(*v) * n);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2000000;
    unsigned *v = malloc(sizeof(*v) * n), *w = malloc(sizeof(*v) * n);
    unsigned *tmp = malloc(sizeof(*v) * n), x = 12345;
    for (int i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        v[i] = w[i] = x;
    }
    qsort(v, n, sizeof(*v), cmp);
    msort(w, tmp, n);
    printf("%u %u %d\n", v[n / 2], w[n / 3], memcmp(v, w, sizeof(*v) * n));
    return 0;
}
