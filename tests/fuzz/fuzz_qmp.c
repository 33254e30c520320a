/*
 * libFuzzer target for the QMP input path: bytes go through the framer,
 * parser, request checks and command handlers of a monitor whose output
 * goes to a null chardev.  The first byte picks negotiation or command
 * mode and pretty output.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "monitor/monitor.h"
#include "system/chardev.h"
#include "system/machine.h"
#include "system/qom.h"
#include "system/runstate.h"

static struct monitor *mon;

static void setup(void)
{
    char *err = NULL;
    struct chardev *chr = chardev_new_legacy("null", "fuzz", false, &err);

    current_machine.arch = sys_arch_find("mips");
    current_machine.board = board_find("mips", "none");
    current_machine.ram_size = 1 << 20;
    machine_init(&err);
    struct qom_obj *m = qom_new(qom_root(), "machine", "none-machine");
    qom_new(m, "unattached", "container");
    mon = monitor_new(chr, true, false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!mon)
        setup();
    if (size < 1)
        return 0;
    /* Keep the harness from writing host files (memsave/pmemsave) or
     * spelling their names through \u escapes. */
    if (memmem(data, size, "save", 4) || memmem(data, size, "\\u", 2))
        return 0;
    mon->command_mode = data[0] & 1;
    mon->pretty = data[0] & 2;
    monitor_input(mon, data + 1, size - 1);
    /* A message cut short must not leak into the next input. */
    qmp_framer_reset(&mon->framer);
    return 0;
}
