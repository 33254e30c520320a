/*
 * malloc-heavy code: many sizes (1 byte to 1 MiB, so both brk and mmap
 * paths of glibc), realloc growing and shrinking with contents kept,
 * calloc zeroing, free in different orders, and alignment.
 */
#include <stdlib.h>
#include "check.h"

#define SLOTS 512

static void fill(uint8_t *p, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + i * 7);
}

static int verify(const uint8_t *p, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)(seed + i * 7))
            return 0;
    return 1;
}

int main(void)
{
    static uint8_t *slot[SLOTS];
    static size_t size[SLOTS];
    uint32_t x = 1;
    int bad = 0, misaligned = 0;

    for (int round = 0; round < 20; round++)
        for (int i = 0; i < SLOTS; i++) {
            x = x * 1103515245u + 12345u;
            int k = (int)((x >> 16) % SLOTS);
            if (slot[k]) {
                bad += !verify(slot[k], size[k], (uint32_t)k);
                if ((x >> 8) & 1) {
                    free(slot[k]);
                    slot[k] = NULL;
                    continue;
                }
                size_t n = (x >> 4) % 3000 + 1;
                uint8_t *q = realloc(slot[k], n);
                size_t keep = n < size[k] ? n : size[k];
                bad += !verify(q, keep, (uint32_t)k);
                slot[k] = q;
                size[k] = n;
                fill(q, n, (uint32_t)k);
            } else {
                size_t n = (x & 0x100) ? (x >> 3) % 20000 + 1 : (x >> 5) % 64 + 1;
                slot[k] = malloc(n);
                size[k] = n;
                misaligned += ((uintptr_t)slot[k] & 7) != 0;
                fill(slot[k], n, (uint32_t)k);
            }
        }
    CHECK("random malloc/realloc/free: corrupted blocks", bad, 0);
    CHECK("malloc results not 8-byte aligned", misaligned, 0);
    for (int i = SLOTS - 1; i >= 0; i--)
        free(slot[i]);

    uint8_t *big = malloc(1 << 20);
    CHECK_TRUE("1 MiB malloc", big != NULL);
    fill(big, 1 << 20, 99);
    big = realloc(big, 3 << 20);
    CHECK_TRUE("realloc to 3 MiB keeps contents", big && verify(big, 1 << 20, 99));
    big = realloc(big, 1000);
    CHECK_TRUE("realloc down to 1000 keeps contents", big && verify(big, 1000, 99));
    free(big);

    uint32_t *z = calloc(100000, sizeof *z);
    int nonzero = 0;
    for (int i = 0; i < 100000; i++)
        nonzero += z[i] != 0;
    CHECK("calloc zeroes", nonzero, 0);
    free(z);

    void *al = NULL;
    CHECK("posix_memalign 4096", posix_memalign(&al, 4096, 10000), 0);
    CHECK("posix_memalign result aligned", (uintptr_t)al & 4095, 0);
    free(al);

    /* A linked list of 50000 small nodes, freed from the head. */
    struct node { struct node *next; uint32_t v; } *head = NULL;
    for (uint32_t i = 0; i < 50000; i++) {
        struct node *n = malloc(sizeof *n);
        n->v = i;
        n->next = head;
        head = n;
    }
    uint64_t sum = 0;
    while (head) {
        struct node *n = head->next;
        sum += head->v;
        free(head);
        head = n;
    }
    CHECK("list of 50000 nodes sum", sum, 50000ull * 49999 / 2);
    return check_done("malloc_heavy");
}
