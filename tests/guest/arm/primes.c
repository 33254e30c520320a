/*
 * Sieve of Eratosthenes to 2,000,000 (a 2 MB byte array), trial division,
 * and modular exponentiation (Fermat test): prime counts and sums with
 * known values.
 */
#include "check.h"

#define N 2000000
static uint8_t composite[N + 1];

static uint32_t powmod(uint32_t b, uint32_t e, uint32_t m)
{
    uint64_t r = 1, x = b % m;
    while (e) {
        if (e & 1) r = r * x % m;
        x = x * x % m;
        e >>= 1;
    }
    return (uint32_t)r;
}

static int is_prime_td(uint32_t n)
{
    if (n < 2) return 0;
    for (uint32_t d = 2; d * d <= n; d++)
        if (n % d == 0) return 0;
    return 1;
}

int main(void)
{
    for (uint32_t i = 2; (uint64_t)i * i <= N; i++)
        if (!composite[i])
            for (uint32_t j = i * i; j <= N; j += i)
                composite[j] = 1;
    uint32_t count = 0, below_1e6 = 0;
    uint64_t sum = 0;
    for (uint32_t i = 2; i <= N; i++)
        if (!composite[i]) {
            count++;
            sum += i;
            below_1e6 += i < 1000000;
        }
    CHECK("primes below 10^6", below_1e6, 78498);
    CHECK("primes up to 2*10^6", count, 148933);
    CHECK("sum of primes below 2*10^6", sum, 142913828922ull);
    uint32_t td = 0;
    for (uint32_t i = 0; i < 20000; i++)
        td += is_prime_td(i);
    CHECK("trial division count below 20000", td, 2262);
    CHECK("2^(p-1) mod p for p = 1000003", powmod(2, 1000002, 1000003), 1);
    CHECK("Carmichael 561 fools base 2", powmod(2, 560, 561), 1);
    CHECK("base 3 mod 561", powmod(3, 560, 561), 375);
    return check_done("primes");
}
