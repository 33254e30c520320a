/*
 * kemu-system-ARCH: parse the command line, set up chardevs, monitors,
 * the gdbstub and the machine, then run the main loop.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gdbstub/gdbstub.h"
#include "monitor/monitor.h"
#include "system/boards/cpu_loop.h"
#include "system/chardev.h"
#include "system/daemon.h"
#include "system/machine.h"
#include "system/mainloop.h"
#include "system/options.h"
#include "system/opts.h"
#include "system/qom.h"
#include "system/runstate.h"
#include "system/system.h"
#include "util/error.h"
#include "util/log.h"

static volatile sig_atomic_t term_signal;

static void on_signal(int sig)
{
    term_signal = sig;
    runstate_signal_shutdown();
}

static void setup_signals(void)
{
    struct sigaction sa = { .sa_handler = on_signal };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static void make_uuid(struct machine *m, const char *given)
{
    if (given) {
        unsigned a, b, c, d;
        unsigned long long e;
        if (strlen(given) != 36 ||
            sscanf(given, "%8x-%4x-%4x-%4x-%12llx", &a, &b, &c, &d, &e) != 5)
            fatal("Fail to parse UUID string. Wrong format.");
        snprintf(m->uuid, sizeof(m->uuid), "%s", given);
    } else {
        snprintf(m->uuid, sizeof(m->uuid), "00000000-0000-0000-0000-000000000000");
    }
}

static void setup_machine(const char *archname, struct sys_config *cfg)
{
    struct machine *m = &current_machine;
    const char *board_name = NULL;

    if (cfg->machine) {
        struct opts *o = opts_parse(cfg->machine, "type");
        board_name = opts_get(o, "type");
        opts_get(o, "accel");
        /* Other machine properties are not known to -M none. */
        const char *bad = opts_unused(o);
        if (bad)
            fatal("-machine %s: Property '%s-machine.%s' not found", cfg->machine,
                  board_name ? board_name : "none", bad);
        if (!board_name)
            fatal("-machine %s: machine type not given", cfg->machine);
        m->board = board_find(archname, board_name);
        if (!m->board)
            fatal("-machine %s: unsupported machine type (use -machine help to list supported machines)",
                  board_name);
        board_name = xstrdup(board_name);
        opts_free(o);
    } else {
        m->board = board_default(archname);
        if (!m->board)
            fatal("No machine specified, and there is no default (use -machine help to list supported machines)");
    }

    if (cfg->cpu && !machine_cpu_model_valid(m->arch, cfg->cpu))
        fatal("unable to find CPU model '%s'", cfg->cpu);
    m->cpu_model = cfg->cpu;

    m->ram_size = m->board->default_ram;
    if (cfg->mem) {
        struct opts *o = opts_parse(cfg->mem, "size");
        const char *sz = opts_get(o, "size");
        opts_get(o, "slots");
        opts_get(o, "maxmem");
        uint64_t v;
        if (!sz || !opts_parse_size(sz, 20, &v) || v == 0)
            fatal("-m %s: invalid RAM size", cfg->mem);
        if (v > (1ull << 40))
            fatal("-m %s: RAM size too large", cfg->mem);
        if (opts_unused(o))
            fatal("-m %s: Invalid parameter '%s'", cfg->mem, opts_unused(o));
        m->ram_size = (v + 8191) & ~8191ull;
        opts_free(o);
    }

    if (cfg->smp) {
        struct opts *o = opts_parse(cfg->smp, "cpus");
        const char *n = opts_get(o, "cpus");
        const char *keys[] = { "sockets", "cores", "threads", "maxcpus", "dies", NULL };
        for (int i = 0; keys[i]; i++)
            opts_get(o, keys[i]);
        char *end;
        long v = n ? strtol(n, &end, 10) : 1;
        if ((n && (*end || end == n)) || v < 1)
            fatal("-smp %s: Invalid SMP CPUs", cfg->smp);
        if (opts_unused(o))
            fatal("-smp %s: Invalid parameter '%s'", cfg->smp, opts_unused(o));
        if (v > m->board->cpu_max)
            fatal("Invalid SMP CPUs %ld. The max CPUs supported by machine '%s' is %d",
                  v, m->board->name, m->board->cpu_max);
        m->smp_cpus = (int)v;
        opts_free(o);
    }

    if (cfg->name) {
        struct opts *o = opts_parse(cfg->name, "guest");
        const char *g = opts_get(o, "guest");
        opts_get(o, "process");
        opts_get(o, "debug-threads");
        if (opts_unused(o))
            fatal("-name %s: Invalid parameter '%s'", cfg->name, opts_unused(o));
        if (g)
            m->name = xstrdup(g);
        opts_free(o);
    }
    make_uuid(m, cfg->uuid);
    m->kernel = cfg->kernel;
    m->append = cfg->append;
    m->initrd = cfg->initrd;
    m->bios = cfg->bios;
    m->semihosting = cfg->semihosting;
    if ((cfg->append || cfg->initrd) && !cfg->kernel)
        fatal("-%s only allowed with -kernel option", cfg->append ? "append" : "initrd");
}

static struct chardev *legacy_chr(const char *spec, const char *id, bool gdb)
{
    char *err = NULL;
    struct chardev *c = chardev_new_legacy(spec, id, gdb, &err);
    if (!c)
        fatal("%s", err);
    return c;
}

struct mon_req {
    struct chardev *chr;
    bool qmp, pretty;
};

static void setup_chardevs(struct sys_config *cfg, struct mon_req *mons, int *nmons,
                           struct chardev **gdb_chr)
{
    char *err = NULL;
    char id[32];

    for (int i = 0; i < cfg->nchardevs; i++)
        if (!chardev_new_opts(cfg->chardevs[i], &err))
            fatal("-chardev %s: %s", cfg->chardevs[i], err);
    for (int i = 0; i < cfg->nmons; i++) {
        struct opts *o = opts_parse(cfg->mons[i], "chardev");
        const char *dev = opts_get(o, "chardev");
        const char *mode = opts_get(o, "mode");
        bool ok = true;
        bool pretty = opts_get_bool(o, "pretty", false, &ok);
        opts_get(o, "id");
        if (!ok)
            fatal("-mon %s: Parameter 'pretty' expects 'on' or 'off'", cfg->mons[i]);
        if (!dev)
            fatal("-mon %s: Parameter 'chardev' is missing", cfg->mons[i]);
        if (mode && strcmp(mode, "control") && strcmp(mode, "readline"))
            fatal("-mon %s: Parameter 'mode' does not accept value '%s'", cfg->mons[i], mode);
        if (opts_unused(o))
            fatal("-mon %s: Invalid parameter '%s'", cfg->mons[i], opts_unused(o));
        struct chardev *c = chardev_find(dev);
        if (!c)
            fatal("-mon %s: chardev \"%s\" not found", cfg->mons[i], dev);
        mons[(*nmons)++] = (struct mon_req){ c, mode && !strcmp(mode, "control"), pretty };
        opts_free(o);
    }
    for (int i = 0; i < cfg->nqmps; i++) {
        snprintf(id, sizeof(id), "compat_monitor%d", *nmons);
        mons[(*nmons)++] = (struct mon_req){ legacy_chr(cfg->qmps[i], id, false), true,
                                             cfg->qmp_is_pretty[i] };
    }
    for (int i = 0; i < cfg->nmonitors; i++) {
        if (!strcmp(cfg->monitors[i], "none"))
            continue;
        snprintf(id, sizeof(id), "compat_monitor%d", *nmons);
        mons[(*nmons)++] = (struct mon_req){ legacy_chr(cfg->monitors[i], id, false),
                                             false, false };
    }
    for (int i = 0; i < cfg->nserials; i++) {
        if (!strcmp(cfg->serials[i], "none"))
            continue;
        snprintf(id, sizeof(id), "serial%d", i);
        legacy_chr(cfg->serials[i], id, false);
    }
    /* -nographic: a board's first serial port goes to stdio when no
     * -serial was given; then the monitor does not. */
    if (cfg->nographic && !cfg->nodefaults && cfg->nserials == 0 &&
        current_machine.board->default_serial && !chardev_uses_stdio())
        legacy_chr("stdio", "serial0", false);
    /* -nographic: the monitor goes to stdio unless told otherwise. */
    if (cfg->nographic && !cfg->nodefaults && cfg->nmonitors == 0 && !chardev_uses_stdio())
        mons[(*nmons)++] = (struct mon_req){ legacy_chr("stdio", "compat_monitor_stdio", false),
                                             false, false };
    if (cfg->gdb && strcmp(cfg->gdb, "none"))
        *gdb_chr = legacy_chr(cfg->gdb, "gdb", true);
}

static void build_qom(void)
{
    struct machine *m = &current_machine;
    struct qom_obj *root = qom_root();
    char type[64];

    snprintf(type, sizeof(type), "%s-machine", m->board->name);
    struct qom_obj *mach = qom_new(root, "machine", type);
    qom_new(mach, "unattached", "container");
    qom_new(mach, "peripheral", "container");
    qom_new(mach, "peripheral-anon", "container");
    qom_prop_str(mach, "kernel", (char **)&m->kernel, false);
    qom_prop_str(mach, "append", (char **)&m->append, false);
    qom_prop_str(mach, "initrd", (char **)&m->initrd, false);
    qom_prop_str(mach, "firmware", (char **)&m->bios, false);
    static bool dump_guest_core = true, mem_merge = true;
    qom_prop_bool(mach, "dump-guest-core", &dump_guest_core, true);
    qom_prop_bool(mach, "mem-merge", &mem_merge, true);
    qom_new(root, "objects", "container");
    struct qom_obj *chardevs = qom_new(root, "chardevs", "container");
    for (struct chardev *c = chardev_list; c; c = c->next) {
        static const char *const kinds[] = { "socket", "stdio", "file", "null", "pty", "pipe" };
        snprintf(type, sizeof(type), "chardev-%s", kinds[c->kind]);
        qom_new(chardevs, c->id, type);
    }
}

int system_main(const char *archname, int argc, char **argv)
{
    struct sys_config cfg = { 0 };
    struct machine *m = &current_machine;

    sys_parse_options(argc, argv, &cfg);
    if (cfg.help) {
        sys_usage(archname);
        return 0;
    }
    if (cfg.version) {
        printf("QEMU emulator version 8.2.0 (kemu-0.1.0)\n"
               "kemu: a multi-architecture CPU emulator\n");
        return 0;
    }
    m->arch = sys_arch_find(archname);
    if (!m->arch)
        fatal("unknown system target '%s'", archname);
    if (cfg.machine && (!strcmp(cfg.machine, "help") || !strcmp(cfg.machine, "?"))) {
        machine_list_boards(stdout, archname);
        return 0;
    }
    if (cfg.cpu && (!strcmp(cfg.cpu, "help") || !strcmp(cfg.cpu, "?"))) {
        machine_list_cpus(stdout, m->arch);
        return 0;
    }
    sys_engine_configure(cfg.engine && !strcmp(cfg.engine, "interp"),
                         cfg.perfmap);
    if (cfg.log_file && !log_set_file(cfg.log_file))
        fatal("cannot open log file '%s'", cfg.log_file);
    log_mask = cfg.log_mask;
    setup_machine(archname, &cfg);

    struct mon_req mons[3 * SYS_MAX_LIST + 1];
    int nmons = 0;
    struct chardev *gdb_chr = NULL;
    setup_chardevs(&cfg, mons, &nmons, &gdb_chr);
    if (cfg.daemonize) {
        if (cfg.nographic)
            fatal("-nographic cannot be used with -daemonize");
        if (chardev_uses_stdio())
            fatal("cannot use stdio with -daemonize");
    }
    runstate_no_shutdown = cfg.no_shutdown;
    runstate_no_reboot = cfg.no_reboot;
    runstate_autostart = !cfg.start_stopped;

    if (cfg.daemonize)
        daemon_start();
    if (cfg.pidfile && !pidfile_create(cfg.pidfile))
        exit(1);

    mainloop_init();
    runstate_init();
    char *err = NULL;
    if (!chardev_open_all(&err)) {
        pidfile_remove();
        fatal("%s", err);
    }
    setup_signals();
    chardev_wait_clients();
    build_qom();

    runstate_set(RUN_STATE_PRELAUNCH);
    if (!cfg.preconfig) {
        if (!machine_init(&err)) {
            pidfile_remove();
            fatal("%s", err);
        }
    }
    for (int i = 0; i < nmons; i++)
        monitor_new(mons[i].chr, mons[i].qmp, mons[i].pretty);
    if (gdb_chr)
        gdbstub_system_start(gdb_chr);
    if (!cfg.preconfig && runstate_autostart)
        vm_start();

    if (cfg.daemonize)
        daemon_ready();

    int status = mainloop_run();
    if (term_signal)
        error_report("terminating on signal %d", (int)term_signal);
    chardev_flush_all(1000);
    chardev_cleanup();
    pidfile_remove();
    return status;
}
