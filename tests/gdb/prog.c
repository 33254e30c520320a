/*
 * The program the gdb tests debug.  Without arguments: a function to
 * break on, locals and globals to read, a global that changes (for a
 * watchpoint) and exit code 3.  "spin": loop until killed (Ctrl-C).
 * "segv": write through a null pointer.  "exec": run itself without
 * arguments in a child process and exit with its status + 100.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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
    if (argc > 1 && !strcmp(argv[1], "exec")) {
        int status;
        pid_t pid = fork();
        if (pid == 0) {
            execl(argv[0], argv[0], (char *)0);
            _exit(127);
        }
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) + 100 : 1;
    }
    int x = add_twice(3, 4);
    global_total = x;
    counter = counter + 37;
    printf("total %d counter %d\n", global_total, counter);
    return global_total - 11;
}
