/*
 * The descriptors the guest can see: prints "open: N ..." for every
 * descriptor below 1024 that is open, then the number open() returns.
 * Run with only 0, 1 and 2 inherited, the guest must see exactly those
 * (kemu's own descriptors are not the guest's) and get 3 from open().
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("open:");
    for (int fd = 0; fd < 1024; fd++)
        if (fcntl(fd, F_GETFD) >= 0)
            printf(" %d", fd);
    printf("\nnext: %d\n", open("/proc/self/exe", O_RDONLY));
    return 0;
}
