/*
 * System-mode option parsing: one or two leading dashes, the argument in
 * the next word.  Unknown options and missing arguments are one-line
 * errors, as in QEMU.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "system/options.h"
#include "util/log.h"
#include "util/error.h"

enum opt_id {
    O_MACHINE, O_CPU, O_MEM, O_SMP, O_NAME, O_UUID, O_S, O_PRECONFIG, O_QMP,
    O_QMP_PRETTY, O_CHARDEV, O_MON, O_MONITOR, O_SERIAL, O_NODEFAULTS,
    O_NOGRAPHIC, O_DISPLAY, O_DAEMONIZE, O_PIDFILE, O_GDB, O_GDB_DEFAULT,
    O_NO_SHUTDOWN, O_NO_REBOOT, O_KERNEL, O_APPEND, O_INITRD, O_BIOS,
    O_VERSION, O_HELP, O_ACCEL, O_PARALLEL, O_VGA, O_SEMIHOSTING,
    O_SEMIHOSTING_CONFIG, O_ENGINE, O_PERFMAP, O_LOG, O_LOGFILE,
};

struct opt_def {
    const char *name;
    bool has_arg;
    enum opt_id id;
};

static const struct opt_def opt_defs[] = {
    { "M", true, O_MACHINE }, { "machine", true, O_MACHINE },
    { "cpu", true, O_CPU }, { "m", true, O_MEM }, { "smp", true, O_SMP },
    { "name", true, O_NAME }, { "uuid", true, O_UUID },
    { "S", false, O_S }, { "preconfig", false, O_PRECONFIG },
    { "qmp", true, O_QMP }, { "qmp-pretty", true, O_QMP_PRETTY },
    { "chardev", true, O_CHARDEV }, { "mon", true, O_MON },
    { "monitor", true, O_MONITOR }, { "serial", true, O_SERIAL },
    { "nodefaults", false, O_NODEFAULTS }, { "nographic", false, O_NOGRAPHIC },
    { "display", true, O_DISPLAY }, { "daemonize", false, O_DAEMONIZE },
    { "pidfile", true, O_PIDFILE }, { "gdb", true, O_GDB },
    { "s", false, O_GDB_DEFAULT }, { "no-shutdown", false, O_NO_SHUTDOWN },
    { "no-reboot", false, O_NO_REBOOT }, { "kernel", true, O_KERNEL },
    { "append", true, O_APPEND }, { "initrd", true, O_INITRD },
    { "bios", true, O_BIOS }, { "version", false, O_VERSION },
    { "h", false, O_HELP }, { "help", false, O_HELP },
    { "accel", true, O_ACCEL }, { "parallel", true, O_PARALLEL },
    { "vga", true, O_VGA }, { "semihosting", false, O_SEMIHOSTING },
    { "semihosting-config", true, O_SEMIHOSTING_CONFIG },
    { "engine", true, O_ENGINE }, { "perfmap", false, O_PERFMAP },
    { "d", true, O_LOG }, { "D", true, O_LOGFILE },
    { NULL },
};

void sys_usage(const char *arch)
{
    printf("usage: kemu-system-%s [options]\n\n"
           "Standard options:\n"
           "-h                 display this help and exit\n"
           "-version           display version information and exit\n"
           "-machine [type=]name[,prop=value...]  selects emulated machine ('-machine help' for list)\n"
           "-cpu cpu           select CPU ('-cpu help' for list)\n"
           "-m [size=]megs[M|G]  configure guest RAM\n"
           "-smp [cpus=]n      set the number of CPUs\n"
           "-name string1[,guest=...]  set the name of the guest\n"
           "-uuid UUID         specify machine UUID\n"
           "-S                 freeze CPU at startup (use 'c' to start execution)\n"
           "--preconfig        pause before machine init; configure over QMP\n"
           "-chardev backend,id=id[,...]  socket|stdio|file|null|pty|pipe\n"
           "-mon [chardev=]name[,mode=readline|control][,pretty=on|off]\n"
           "-qmp dev           QMP monitor on dev (like -monitor, mode=control)\n"
           "-qmp-pretty dev    like -qmp with pretty JSON output\n"
           "-monitor dev       HMP monitor on dev\n"
           "-serial dev        serial port on dev\n"
           "-nodefaults        no default serial port or monitor\n"
           "-nographic         no graphics; serial and monitor on stdio\n"
           "-display none      no display\n"
           "-daemonize         run in the background once started\n"
           "-pidfile file      write the PID to file\n"
           "-gdb dev           accept a gdb connection on dev\n"
           "-s                 shorthand for -gdb tcp::1234\n"
           "-no-shutdown       stop instead of exiting when the guest shuts down\n"
           "-no-reboot         exit instead of rebooting\n"
           "-kernel bzImage    use 'bzImage' as kernel image\n"
           "-append cmdline    use 'cmdline' as kernel command line\n"
           "-initrd file       use 'file' as initial ram disk\n"
           "-bios file         set the filename for the BIOS\n"
           "-semihosting       semihosting mode (MIPS: UHI calls through sdbbp 1)\n"
           "\nkemu options:\n"
           "-engine codegen|interp  execution backend (default codegen: x86-64 code)\n"
           "-perfmap           write /tmp/perf-PID.map for perf (codegen)\n"
           "-d item1,...       log items (in_asm, op, op_opt, out_asm, int, ...; -d help)\n"
           "-D logfile         write the log to logfile instead of stderr\n", arch);
}

#define PUSH(list, n, v) do { \
        if ((n) >= SYS_MAX_LIST) fatal("-%s: too many", d->name); \
        (list)[(n)++] = (v); } while (0)

void sys_parse_options(int argc, char **argv, struct sys_config *cfg)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-')
            fatal("%s: invalid option", a);
        const char *name = a + 1 + (a[1] == '-');
        const struct opt_def *d = opt_defs;
        while (d->name && strcmp(d->name, name))
            d++;
        if (!d->name)
            fatal("%s: invalid option", a);
        const char *arg = NULL;
        if (d->has_arg) {
            if (i + 1 >= argc)
                fatal("%s: requires an argument", a);
            arg = argv[++i];
        }
        switch (d->id) {
        case O_MACHINE: cfg->machine = arg; break;
        case O_CPU: cfg->cpu = arg; break;
        case O_MEM: cfg->mem = arg; break;
        case O_SMP: cfg->smp = arg; break;
        case O_NAME: cfg->name = arg; break;
        case O_UUID: cfg->uuid = arg; break;
        case O_S: cfg->start_stopped = true; break;
        case O_PRECONFIG: cfg->preconfig = true; break;
        case O_QMP:
        case O_QMP_PRETTY:
            cfg->qmp_is_pretty[cfg->nqmps] = d->id == O_QMP_PRETTY;
            PUSH(cfg->qmps, cfg->nqmps, arg);
            break;
        case O_CHARDEV: PUSH(cfg->chardevs, cfg->nchardevs, arg); break;
        case O_MON: PUSH(cfg->mons, cfg->nmons, arg); break;
        case O_MONITOR: PUSH(cfg->monitors, cfg->nmonitors, arg); break;
        case O_SERIAL: PUSH(cfg->serials, cfg->nserials, arg); break;
        case O_NODEFAULTS: cfg->nodefaults = true; break;
        case O_NOGRAPHIC: cfg->nographic = true; break;
        case O_DISPLAY:
            if (strcmp(arg, "none") && strncmp(arg, "none,", 5))
                fatal("-display %s: only '-display none' is supported", arg);
            cfg->display_none = true;
            break;
        case O_DAEMONIZE: cfg->daemonize = true; break;
        case O_PIDFILE: cfg->pidfile = arg; break;
        case O_GDB: cfg->gdb = arg; break;
        case O_GDB_DEFAULT: cfg->gdb = "tcp::1234"; break;
        case O_NO_SHUTDOWN: cfg->no_shutdown = true; break;
        case O_NO_REBOOT: cfg->no_reboot = true; break;
        case O_KERNEL: cfg->kernel = arg; break;
        case O_APPEND: cfg->append = arg; break;
        case O_INITRD: cfg->initrd = arg; break;
        case O_BIOS: cfg->bios = arg; break;
        case O_VERSION: cfg->version = true; break;
        case O_HELP: cfg->help = true; break;
        case O_ACCEL:
            if (strcmp(arg, "tcg") && strncmp(arg, "tcg,", 4))
                fatal("-accel %s: invalid accelerator %s", arg, arg);
            break;
        case O_SEMIHOSTING: cfg->semihosting = true; break;
        case O_ENGINE:
            if (strcmp(arg, "codegen") && strcmp(arg, "interp"))
                fatal("%s %s: the engine is codegen or interp", a, arg);
            cfg->engine = arg;
            break;
        case O_PERFMAP: cfg->perfmap = true; break;
        case O_LOG: {
            const char *bad;
            size_t bad_len;
            unsigned mask;
            if (!strcmp(arg, "help")) {
                log_list_items(stdout);
                exit(0);
            }
            if (!log_parse_items(arg, &mask, &bad, &bad_len))
                fatal("-d %s: unknown log item '%.*s' (-d help lists them)",
                      arg, (int)(bad_len < 60 ? bad_len : 60), bad);
            cfg->log_mask |= mask;
            break;
        }
        case O_LOGFILE: cfg->log_file = arg; break;
        case O_SEMIHOSTING_CONFIG:
            /* enable=on|off[,target=native|auto,...] */
            if (strstr(arg, "enable=off"))
                cfg->semihosting = false;
            else if (!strncmp(arg, "enable=on", 9) || strstr(arg, ",enable=on") ||
                     !strchr(arg, '='))
                cfg->semihosting = true;
            break;
        case O_PARALLEL:
        case O_VGA:
            if (strcmp(arg, "none"))
                fatal("%s %s: no such device on this machine", a, arg);
            break;
        }
    }
}
