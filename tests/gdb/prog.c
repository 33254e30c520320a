/*
 * The program the gdb tests debug.  Without arguments: a function to
 * break on, locals and globals to read, a global that changes (for a
 * watchpoint) and exit code 3.  "spin": loop until killed (Ctrl-C).
 * "segv": write through a null pointer.
 */
#include <stdio.h>
#include <string.h>

volatile int counter = 5;
int global_total;
volatile unsigned long spins;

int add_twice(int a, int b)
{
    int sum = a + b;
    sum = sum * 2;
    return sum;
}

static void spin(void)
{
    for (;;)
        spins++;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "spin"))
        spin();
    if (argc > 1 && !strcmp(argv[1], "segv"))
        *(volatile int *)0 = 1;
    int x = add_twice(3, 4);
    global_total = x;
    counter = counter + 37;
    printf("total %d counter %d\n", global_total, counter);
    return global_total - 11;
}
