/* The human monitor (HMP): line-oriented commands for people. */
#ifndef KEMU_MONITOR_HMP_H
#define KEMU_MONITOR_HMP_H

#include <stddef.h>
#include <stdint.h>

struct monitor;

/* Run one command line with cpu_index as the current CPU; returns its
 * output (malloc'd, "\r\n" line ends, "" when silent). */
char *hmp_execute(const char *line, int cpu_index);

/* Banner and prompt for a new HMP connection, and its input. */
void hmp_greet(struct monitor *mon);
void hmp_input(struct monitor *mon, const uint8_t *buf, size_t len);

#endif
