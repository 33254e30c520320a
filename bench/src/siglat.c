/* Signal latency: a tight loop is interrupted by SIGALRM (alarm(1));
 * the handler measures how late it runs after the alarm's expiry.
 * Prints the worst latency in microseconds over 3 alarms. */
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile int fired;
static struct timespec due;
static long worst;

static long now_minus(const struct timespec *t)
{
    struct timespec n;
    clock_gettime(CLOCK_MONOTONIC, &n);
    return (n.tv_sec - t->tv_sec) * 1000000 + (n.tv_nsec - t->tv_nsec) / 1000;
}

static void on_alarm(int sig)
{
    long l = now_minus(&due);
    if (l > worst)
        worst = l;
    fired = 1;
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    for (int i = 0; i < 3; i++) {
        fired = 0;
        clock_gettime(CLOCK_MONOTONIC, &due);
        due.tv_sec += 1;
        alarm(1);
        unsigned x = 1;
        while (!fired)
            x = x * 1103515245u + 12345u;   /* tight loop */
        (void)x;
    }
    printf("%ld\n", worst);
    return 0;
}
