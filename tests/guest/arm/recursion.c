/*
 * Recursion: Ackermann, naive Fibonacci, mutual recursion, Towers of
 * Hanoi, and a deep recursion (100000 frames with a local array each) to
 * exercise a large guest stack.
 */
#include "check.h"

static uint32_t ack(uint32_t m, uint32_t n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int is_odd(uint32_t n);
static int is_even(uint32_t n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(uint32_t n) { return n == 0 ? 0 : is_even(n - 1); }

static uint32_t moves;
static void hanoi(int n, int from, int to, int via)
{
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    moves++;
    hanoi(n - 1, via, to, from);
}

static uint32_t __attribute__((noinline)) deep(uint32_t n)
{
    volatile uint32_t pad[8];
    for (int i = 0; i < 8; i++)
        pad[i] = n + (uint32_t)i;
    if (n == 0)
        return 0;
    return deep(n - 1) + pad[7] - pad[6];
}

int main(void)
{
    CHECK("ack(2,3)", ack(2, 3), 9);
    CHECK("ack(3,5)", ack(3, 5), 253);
    CHECK("fib(24)", fib(24), 46368);
    CHECK("is_even(10001)", is_even(10001), 0);
    CHECK("is_odd(20001)", is_odd(20001), 1);
    hanoi(16, 0, 2, 1);
    CHECK("hanoi(16) moves", moves, 65535);
    CHECK("deep recursion 100000 frames", deep(100000), 100000);
    return check_done("recursion");
}
