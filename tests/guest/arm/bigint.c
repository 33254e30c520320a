/*
 * Arbitrary-precision arithmetic on arrays of 32-bit limbs (64-bit
 * intermediate products, carries): 100!, 2^1000, Fibonacci(1000), checked
 * against their known decimal digit sums and leading/trailing digits.
 */
#include "check.h"

#define LIMBS 200

struct big { uint32_t d[LIMBS]; int n; };

static void set_u32(struct big *b, uint32_t v) { memset(b, 0, sizeof *b); b->d[0] = v; b->n = 1; }

static void mul_u32(struct big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->d[i] * m + carry;
        b->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        b->d[b->n++] = (uint32_t)carry;
}

static void add(struct big *r, const struct big *a, const struct big *b)
{
    uint64_t carry = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)a->d[i] + b->d[i] + carry;
        r->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    r->n = n;
    if (carry)
        r->d[r->n++] = (uint32_t)carry;
}

/* Decimal string by repeated division by 10^9. */
static void to_dec(const struct big *b, char *out)
{
    struct big t = *b;
    uint32_t chunks[LIMBS * 2];
    int nc = 0;
    while (t.n > 1 || t.d[0]) {
        uint64_t rem = 0;
        for (int i = t.n - 1; i >= 0; i--) {
            uint64_t cur = rem << 32 | t.d[i];
            t.d[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        while (t.n > 1 && !t.d[t.n - 1])
            t.n--;
        chunks[nc++] = (uint32_t)rem;
    }
    int pos = sprintf(out, "%u", nc ? chunks[nc - 1] : 0);
    for (int i = nc - 2; i >= 0; i--)
        pos += sprintf(out + pos, "%09u", chunks[i]);
}

static uint32_t digit_sum(const char *s)
{
    uint32_t sum = 0;
    for (; *s; s++)
        sum += (uint32_t)(*s - '0');
    return sum;
}

static char dec[4000];

int main(void)
{
    struct big f;
    set_u32(&f, 1);
    for (uint32_t i = 2; i <= 100; i++)
        mul_u32(&f, i);
    to_dec(&f, dec);
    CHECK("100! digits", strlen(dec), 158);
    CHECK("100! digit sum", digit_sum(dec), 648);
    CHECK_TRUE("100! leading digits 93326215443944", strncmp(dec, "93326215443944", 14) == 0);

    struct big p;
    set_u32(&p, 1);
    for (int i = 0; i < 1000; i++)
        mul_u32(&p, 2);
    to_dec(&p, dec);
    CHECK("2^1000 digits", strlen(dec), 302);
    CHECK("2^1000 digit sum", digit_sum(dec), 1366);

    static struct big a, b, c;
    set_u32(&a, 0);
    set_u32(&b, 1);
    for (int i = 1; i < 1000; i++) {
        add(&c, &a, &b);
        a = b;
        b = c;
    }
    to_dec(&b, dec);
    CHECK("fib(1000) digits", strlen(dec), 209);
    CHECK_TRUE("fib(1000) leading digits 4346655768", strncmp(dec, "4346655768", 10) == 0);
    CHECK_STR("fib(1000) trailing digits", dec + strlen(dec) - 10, "6849228875");
    return check_done("bigint");
}
