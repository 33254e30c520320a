/* The program the gdb acceptance test debugs: a function to break on,
 * locals and a global to read, a global to watch, an exit code. */
#include <stdio.h>

volatile int counter = 5;
int global_total;

int add_twice(int a, int b)
{
    int sum = a + b;
    sum = sum * 2;
    return sum;
}

int main(void)
{
    int x = add_twice(3, 4);
    global_total = x;
    counter = counter + 37;
    printf("total %d counter %d\n", global_total, counter);
    return global_total - 11;
}
