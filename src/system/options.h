/* The system-mode command line (QEMU's option names and syntax). */
#ifndef KEMU_SYSTEM_OPTIONS_H
#define KEMU_SYSTEM_OPTIONS_H

#include <stdbool.h>

#define SYS_MAX_LIST 32

struct sys_config {
    const char *machine;      /* -M value (may carry ,key=val) */
    const char *cpu;
    const char *mem;
    const char *smp;
    const char *name;
    const char *uuid;
    bool start_stopped;       /* -S */
    bool preconfig;
    bool qmp_pretty;
    const char *chardevs[SYS_MAX_LIST]; int nchardevs;
    const char *qmps[SYS_MAX_LIST]; int nqmps;
    bool qmp_is_pretty[SYS_MAX_LIST];
    const char *mons[SYS_MAX_LIST]; int nmons;
    const char *monitors[SYS_MAX_LIST]; int nmonitors;
    const char *serials[SYS_MAX_LIST]; int nserials;
    const char *gdb;
    bool nodefaults, nographic, display_none, daemonize;
    const char *pidfile;
    bool no_shutdown, no_reboot;
    const char *kernel, *append, *initrd, *bios;
    bool version, help;
    bool semihosting;         /* -semihosting / -semihosting-config enable=on */
    const char *engine;       /* -engine codegen|interp (NULL: codegen) */
    bool perfmap;             /* -perfmap */
    unsigned log_mask;        /* -d items */
    const char *log_file;     /* -D */
};

/* Parse argv into cfg; exits with a one-line error on a bad option. */
void sys_parse_options(int argc, char **argv, struct sys_config *cfg);
void sys_usage(const char *arch);

#endif
