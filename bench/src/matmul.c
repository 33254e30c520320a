/* Dense matrix multiply (N x N doubles and ints), -O2. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 300;
    int *a = malloc(sizeof(int) * n * n), *b = malloc(sizeof(int) * n * n);
    int *c = calloc((size_t)n * n, sizeof(int));
    for (int i = 0; i < n * n; i++) {
        a[i] = (i * 31 + 7) % 1000;
        b[i] = (i * 17 + 3) % 1000;
    }
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            int x = a[i * n + k];
            for (int j = 0; j < n; j++)
                c[i * n + j] += x * b[k * n + j];
        }
    unsigned sum = 0;
    for (int i = 0; i < n * n; i++)
        sum = sum * 31 + (unsigned)c[i];
    printf("%u\n", sum);
    return 0;
}
