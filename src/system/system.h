/* System mode: emulate a whole machine. */
#ifndef KEMU_SYSTEM_SYSTEM_H
#define KEMU_SYSTEM_SYSTEM_H

/* Parse QEMU-style system options for architecture arch ("mips", ...),
 * build the machine, run the main loop; returns the exit status. */
int system_main(const char *arch, int argc, char **argv);

#endif
