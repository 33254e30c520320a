/* Linux user mode: run one guest program. */
#ifndef KEMU_USER_USER_H
#define KEMU_USER_USER_H

struct target_info;

/* Parse qemu-user style options from argv (argv[0] is the program name
 * kemu was called by), load the guest program and run it; returns the
 * guest's exit status. */
int user_main(const struct target_info *target, int argc, char **argv);

#endif
