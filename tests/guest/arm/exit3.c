/*
 * Exit status: does some work, flushes a line through an atexit handler,
 * and leaves with exit(3).  The runner expects status 3 (status.txt).
 */
#include <stdlib.h>
#include "check.h"

static void bye(void)
{
    printf("atexit handler ran\n");
}

int main(void)
{
    atexit(bye);
    CHECK("before exit", 1 + 2, 3);
    check_done("exit3");
    exit(3);
}
