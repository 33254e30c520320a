/* The bundled example: a static ARM Linux program run by `make demo`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    const char *who = argc > 1 ? argv[1] : "world";
    char *copy = malloc(strlen(who) + 1);

    strcpy(copy, who);
    printf("Hello, %s! fib(25) = %lu\n", copy, fib(25));
    free(copy);
    return 0;
}
