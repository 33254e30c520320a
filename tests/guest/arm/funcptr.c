/*
 * Function pointers: tables of operations, callbacks, pointers returned
 * from functions, variadic functions through pointers, and recursion
 * through a pointer.
 */
#include <stdarg.h>
#include "check.h"

typedef int32_t (*binop)(int32_t, int32_t);

static int32_t add(int32_t a, int32_t b) { return a + b; }
static int32_t sub(int32_t a, int32_t b) { return a - b; }
static int32_t mul(int32_t a, int32_t b) { return a * b; }
static int32_t divi(int32_t a, int32_t b) { return b ? a / b : 0; }
static int32_t maxi(int32_t a, int32_t b) { return a > b ? a : b; }

static binop const ops[] = { add, sub, mul, divi, maxi };

static binop pick(char c)
{
    switch (c) {
    case '+': return add;
    case '-': return sub;
    case '*': return mul;
    case '/': return divi;
    default: return maxi;
    }
}

static int32_t fold(const int32_t *v, int n, binop f, int32_t init)
{
    for (int i = 0; i < n; i++)
        init = f(init, v[i]);
    return init;
}

static int32_t sum_va(int n, ...)
{
    va_list ap;
    int32_t s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int32_t);
    va_end(ap);
    return s;
}

static int64_t sum_mixed(int n, ...)
{
    va_list ap;
    int64_t s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        s += va_arg(ap, int32_t);
        s += va_arg(ap, int64_t);
    }
    va_end(ap);
    return s;
}

static uint32_t (*volatile fact_ptr)(uint32_t);
static uint32_t fact(uint32_t n) { return n <= 1 ? 1 : n * fact_ptr(n - 1); }

struct vtable {
    const char *(*name)(void);
    int32_t (*area)(int32_t, int32_t);
};
static const char *sq_name(void) { return "rect"; }
static int32_t sq_area(int32_t w, int32_t h) { return w * h; }
static const char *tri_name(void) { return "triangle"; }
static int32_t tri_area(int32_t w, int32_t h) { return w * h / 2; }
static const struct vtable shapes[] = { { sq_name, sq_area }, { tri_name, tri_area } };

int main(void)
{
    static const int32_t v[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
    static const int32_t want[] = { 31, -31, 0, 0, 9 };
    for (int i = 0; i < 5; i++)
        CHECKF(fold(v, 8, ops[i], 0), want[i], "fold op %d from 0", i);
    CHECK("fold mul from 1", fold(v, 8, mul, 1), 6480);
    CHECK("pick('*')(6,7)", pick('*')(6, 7), 42);
    CHECK("pick('/')(-100,7)", (uint32_t)pick('/')(-100, 7), (uint32_t)-14);
    CHECK("pick('?') is max", (uint32_t)pick('?')(-5, -9), (uint32_t)-5);
    int32_t (*volatile vp)(int, ...) = sum_va;
    CHECK("variadic through pointer", vp(6, 1, 2, 3, 4, 5, 6), 21);
    CHECK("variadic with 64-bit args (register pair alignment)",
          sum_mixed(3, 1, (int64_t)1 << 40, 2, (int64_t)-1, 3, (int64_t)5 << 33),
          ((int64_t)1 << 40) + ((int64_t)5 << 33) + 5);
    fact_ptr = fact;
    CHECK("recursion through a pointer: 12!", fact_ptr(12), 479001600u);
    CHECK_STR("vtable 0 name", shapes[0].name(), "rect");
    CHECK("vtable 0 area", shapes[0].area(6, 7), 42);
    CHECK_STR("vtable 1 name", shapes[1].name(), "triangle");
    CHECK("vtable 1 area", shapes[1].area(6, 7), 21);
    return check_done("funcptr");
}
