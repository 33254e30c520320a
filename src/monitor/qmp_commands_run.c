/* QMP commands that look at or change the running VM. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "monitor/qmp_commands.h"
#include "system/machine.h"
#include "system/runstate.h"
#include "system/vcpu.h"

json_t *qmp_cmd_query_status(struct qmp_call *call)
{
    enum run_state s = runstate_get();
    return json_pack("{s:b, s:s}", "running", s == RUN_STATE_RUNNING,
                     "status", run_state_names[s]);
}

json_t *qmp_cmd_stop(struct qmp_call *call)
{
    vm_stop(RUN_STATE_PAUSED);
    return json_object();
}

json_t *qmp_cmd_cont(struct qmp_call *call)
{
    enum run_state s = runstate_get();
    if (s == RUN_STATE_SHUTDOWN || s == RUN_STATE_INTERNAL_ERROR ||
        s == RUN_STATE_GUEST_PANICKED)
        return qmp_fail(call, "GenericError", "Resetting the Virtual Machine is required");
    vm_start();
    return json_object();
}

json_t *qmp_cmd_system_reset(struct qmp_call *call)
{
    runstate_request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    return json_object();
}

json_t *qmp_cmd_system_powerdown(struct qmp_call *call)
{
    runstate_request_powerdown();
    return json_object();
}

json_t *qmp_cmd_quit(struct qmp_call *call)
{
    runstate_request_shutdown(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    return json_object();
}

json_t *qmp_cmd_exit_preconfig(struct qmp_call *call)
{
    char *err = NULL;

    if (machine_phase != PHASE_PRECONFIG)
        return qmp_fail(call, "GenericError",
                        "The command is permitted only before machine initialization");
    if (!runstate_machine_done(&err)) {
        qmp_fail(call, "GenericError", "%s", err);
        free(err);
        return NULL;
    }
    return json_object();
}

json_t *qmp_cmd_set_numa_node(struct qmp_call *call)
{
    if (machine_phase != PHASE_PRECONFIG)
        return qmp_fail(call, "GenericError",
                        "The command is permitted only before the machine has been created");
    return qmp_fail(call, "GenericError", "NUMA is not supported by this machine-type");
}

json_t *qmp_cmd_query_cpus_fast(struct qmp_call *call)
{
    json_t *a = json_array();

    for (int i = 0; i < vcpu_count(); i++) {
        struct vcpu *v = vcpu_get(i);
        char path[64];
        snprintf(path, sizeof(path), "/machine/unattached/device[%d]", i);
        json_array_append_new(a, json_pack(
            "{s:i, s:s, s:i, s:{s:i, s:i, s:i}, s:s}", "cpu-index", i,
            "qom-path", path, "thread-id", (int)v->tid, "props", "core-id", 0,
            "thread-id", 0, "socket-id", i, "target", current_machine.arch->name));
    }
    return a;
}

json_t *qmp_cmd_query_hotpluggable(struct qmp_call *call)
{
    /* No board so far supports CPU hot-plug. */
    return qmp_fail(call, "GenericError", "machine does not support hot-plugging CPUs");
}

json_t *qmp_cmd_hmp(struct qmp_call *call)
{
    int cpu = (int)qmp_arg_int(call, "cpu-index", 0);

    if (qmp_arg_has(call, "cpu-index") && !vcpu_get(cpu))
        return qmp_fail(call, "GenericError", "Parameter 'cpu-index' expects a CPU number");
    char *out = hmp_execute(qmp_arg_str(call, "command-line"), cpu);
    json_t *r = json_string(out);
    free(out);
    return r ? r : json_string("");
}

static json_t *save(struct qmp_call *call, bool virt)
{
    long long addr = qmp_arg_int(call, "val", 0);
    long long size = qmp_arg_int(call, "size", 0);
    const char *fname = qmp_arg_str(call, "filename");

    if (virt) {
        int cpu = (int)qmp_arg_int(call, "cpu-index", 0);
        /* Virtual addresses need a CPU's MMU; -M none has no CPU. */
        if (!vcpu_get(cpu) || !vcpu_get(cpu)->cpu)
            return qmp_fail(call, "GenericError",
                            "Parameter 'cpu-index' expects a CPU number");
    }
    if (size < 0)
        return qmp_fail(call, "GenericError", "Parameter 'size' expects a non-negative value");
    int fd = open(fname, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return qmp_fail(call, "GenericError", "Could not open '%s': %s", fname,
                        strerror(errno));
    uint8_t buf[4096];
    for (long long off = 0; off < size;) {
        size_t n = size - off < (long long)sizeof(buf) ? size - off : sizeof(buf);
        /* Unbacked guest-physical memory reads as zero, as on hardware
         * without a device there. */
        bool got = virt ? machine_virt_rw((int)qmp_arg_int(call, "cpu-index", 0),
                                          (uint64_t)addr + off, buf, n, false)
                        : machine_phys_read((uint64_t)addr + off, buf, n);
        if (!got)
            memset(buf, 0, n);
        if (write(fd, buf, n) != (ssize_t)n) {
            close(fd);
            return qmp_fail(call, "GenericError", "writing memory to '%s' failed", fname);
        }
        off += n;
    }
    close(fd);
    return json_object();
}

json_t *qmp_cmd_memsave(struct qmp_call *call)
{
    return save(call, true);
}

json_t *qmp_cmd_pmemsave(struct qmp_call *call)
{
    return save(call, false);
}

json_t *qmp_cmd_query_mem_summary(struct qmp_call *call)
{
    return json_pack("{s:I, s:I}", "base-memory", (json_int_t)current_machine.ram_size,
                     "plugged-memory", (json_int_t)0);
}
