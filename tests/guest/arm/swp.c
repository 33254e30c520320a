/*
 * SWP and SWPB: atomic swap of a word and of a byte, the old value
 * returned, neighbouring bytes kept, and Rd == Rm (swap with itself).
 */
#include "check.h"

static uint32_t swp(uint32_t v, volatile uint32_t *p)
{
    uint32_t old;
    asm volatile("swp %0, %1, [%2]" : "=&r"(old) : "r"(v), "r"(p) : "memory");
    return old;
}

static uint32_t swpb(uint32_t v, volatile uint8_t *p)
{
    uint32_t old;
    asm volatile("swpb %0, %1, [%2]" : "=&r"(old) : "r"(v), "r"(p) : "memory");
    return old;
}

int main(void)
{
    static volatile uint32_t word = 0x12345678u;
    CHECK("swp returns old", swp(0xcafebabeu, &word), 0x12345678u);
    CHECK("swp stores new", word, 0xcafebabeu);
    static volatile uint32_t bytes = 0x44332211u;
    CHECK("swpb returns old byte (zero-extended)", swpb(0x1ff, (volatile uint8_t *)&bytes + 2), 0x33);
    CHECK("swpb stores only a byte", bytes, 0x44ff2211u);
    CHECK("swpb of 0x80 zero-extends", swpb(0, (volatile uint8_t *)&bytes + 2), 0xff);

    uint32_t r = 0x600d;
    asm volatile("swp %0, %0, [%1]" : "+r"(r) : "r"(&word) : "memory");
    CHECK("swp with Rd == Rm returns old", r, 0xcafebabeu);
    CHECK("swp with Rd == Rm stores", word, 0x600d);

    /* A spinlock built on SWP. */
    static volatile uint32_t lock = 0;
    int acquired = 0;
    for (int i = 0; i < 1000; i++) {
        while (swp(1, &lock) != 0)
            ;
        acquired++;
        lock = 0;
    }
    CHECK("spinlock acquired 1000 times", acquired, 1000);
    CHECK("swp on a held lock returns 1", (swp(1, &lock), swp(1, &lock)), 1);
    return check_done("swp");
}
