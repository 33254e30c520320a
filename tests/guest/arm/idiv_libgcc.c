/*
 * 32-bit division and modulo on ARMv5TE, which has no divide instruction:
 * every / and % goes through the EABI helpers __aeabi_idiv(mod) and
 * __aeabi_uidiv(mod).  Expected values follow C's truncating division.
 */
#include <limits.h>
#include <stdint.h>

#include "check.h"

static volatile int32_t sa[] = { 0, 1, -1, 7, -7, 100, -100, INT32_MAX, INT32_MIN, 65536, 3 };
static volatile int32_t sb[] = { 1, -1, 2, -2, 3, -3, 7, 65535, INT32_MAX, INT32_MIN };

int main(void)
{
    /* Hand-computed corners. */
    volatile int32_t m = INT32_MIN, mone = -1, seven = 7, mseven = -7, two = 2;
    volatile uint32_t umax = UINT32_MAX, ubig = 0x80000000u, u3 = 3;

    CHECK("-7 / 2", (uint32_t)(seven * -1 / two), (uint32_t)-3);
    CHECK("-7 % 2", (uint32_t)(mseven % two), (uint32_t)-1);
    CHECK("7 / -2", (uint32_t)(seven / -two), (uint32_t)-3);
    CHECK("7 % -2", seven % -two, 1);
    CHECK("INT_MIN / 2", (uint32_t)(m / two), (uint32_t)0xc0000000);
    CHECK("INT_MIN % 7", (uint32_t)(m % seven), (uint32_t)-2);
    CHECK("INT_MIN / -7", m / -seven, 306783378);
    CHECK("-1 / INT_MIN", mone / m, 0);
    CHECK("UINT_MAX / 3", umax / u3, 0x55555555);
    CHECK("UINT_MAX % 3", umax % u3, 0);
    CHECK("0x80000000 / 3", ubig / u3, 0x2aaaaaaa);
    CHECK("0x80000000 % 3", ubig % u3, 2);
    CHECK("UINT_MAX / UINT_MAX", umax / umax, 1);
    CHECK("3 / UINT_MAX", u3 / umax, 0);

    /* The identity a == (a / b) * b + a % b, and the sign rules, over a
     * table (INT_MIN / -1 is undefined in C and left out). */
    for (unsigned i = 0; i < sizeof(sa) / sizeof(sa[0]); i++) {
        for (unsigned j = 0; j < sizeof(sb) / sizeof(sb[0]); j++) {
            int32_t a = sa[i], b = sb[j];
            if (a == INT32_MIN && b == -1)
                continue;
            int32_t q = a / b, r = a % b;
            CHECKF((uint32_t)(q * b + r), (uint32_t)a, "identity %d/%d", a, b);
            CHECKF(r == 0 || (r < 0) == (a < 0), 1, "remainder sign %d%%%d", a, b);
            CHECKF((uint32_t)(r < 0 ? -r : r) < (uint32_t)(b < 0 ? -(int64_t)b : b), 1,
                   "remainder size %d%%%d", a, b);
            uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
            CHECKF(ua / ub * ub + ua % ub, ua, "unsigned identity %u/%u", ua, ub);
            CHECKF(ua % ub < ub, 1, "unsigned remainder %u%%%u", ua, ub);
        }
    }
    return check_done("idiv_libgcc");
}
