/*
 * THE QMP command and event table, and the types they use.  Dispatch,
 * query-commands and query-qmp-schema all read these arrays, so the
 * schema describes exactly what kemu implements.
 */
#include <stddef.h>

#include "monitor/qmp_commands.h"
#include "system/runstate.h"

/* Enums. */
QMP_ENUM_TYPE(t_capability, "QMPCapability", "oob");
static const struct qmp_type t_runstate = {
    .meta = QMP_ENUM, .name = "RunState", .values = run_state_names,
};
static const struct qmp_type t_shutdown_cause = {
    .meta = QMP_ENUM, .name = "ShutdownCause", .values = shutdown_cause_names,
};
QMP_ENUM_TYPE(t_sysemu_target, "SysEmuTarget", "aarch64", "alpha", "arm",
              "avr", "cris", "hppa", "i386", "loongarch64", "m68k",
              "microblaze", "microblazeel", "mips", "mips64", "mips64el",
              "mipsel", "nios2", "or1k", "ppc", "ppc64", "riscv32", "riscv64",
              "rx", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "tricore",
              "x86_64", "xtensa", "xtensaeb");
QMP_ENUM_TYPE(t_numa_type, "NumaOptionsType", "node", "dist", "cpu",
              "hmat-lb", "hmat-cache");

/* Objects. */
static QMP_ARRAY_OF(t_capability_list, t_capability);
static QMP_ARRAY_OF(t_int_list, qmp_t_int);
static QMP_ARRAY_OF(t_any_list, qmp_t_any);
QMP_OBJECT_TYPE(t_version_triple, "VersionTriple",
                { "major", &qmp_t_int }, { "minor", &qmp_t_int },
                { "micro", &qmp_t_int });
QMP_OBJECT_TYPE(t_version_info, "VersionInfo",
                { "qemu", &t_version_triple }, { "package", &qmp_t_str });
QMP_OBJECT_TYPE(t_command_info, "CommandInfo", { "name", &qmp_t_str });
static QMP_ARRAY_OF(t_command_info_list, t_command_info);
QMP_OBJECT_TYPE(t_event_info, "EventInfo", { "name", &qmp_t_str });
static QMP_ARRAY_OF(t_event_info_list, t_event_info);
QMP_OBJECT_TYPE(t_status_info, "StatusInfo",
                { "running", &qmp_t_bool }, { "status", &t_runstate });
QMP_OBJECT_TYPE(t_name_info, "NameInfo", { "name", &qmp_t_str, true });
QMP_OBJECT_TYPE(t_uuid_info, "UuidInfo", { "UUID", &qmp_t_str });
QMP_OBJECT_TYPE(t_target_info, "TargetInfo", { "arch", &t_sysemu_target });
QMP_OBJECT_TYPE(t_kvm_info, "KvmInfo",
                { "enabled", &qmp_t_bool }, { "present", &qmp_t_bool });
QMP_OBJECT_TYPE(t_machine_info, "MachineInfo",
                { "name", &qmp_t_str }, { "alias", &qmp_t_str, true },
                { "is-default", &qmp_t_bool, true }, { "cpu-max", &qmp_t_int },
                { "hotpluggable-cpus", &qmp_t_bool },
                { "numa-mem-supported", &qmp_t_bool },
                { "deprecated", &qmp_t_bool },
                { "default-cpu-type", &qmp_t_str, true },
                { "default-ram-id", &qmp_t_str, true }, { "acpi", &qmp_t_bool });
static QMP_ARRAY_OF(t_machine_info_list, t_machine_info);
QMP_OBJECT_TYPE(t_cpu_def, "CpuDefinitionInfo",
                { "name", &qmp_t_str }, { "migration-safe", &qmp_t_bool, true },
                { "static", &qmp_t_bool }, { "typename", &qmp_t_str },
                { "deprecated", &qmp_t_bool });
static QMP_ARRAY_OF(t_cpu_def_list, t_cpu_def);
QMP_OBJECT_TYPE(t_iothread_info, "IOThreadInfo",
                { "id", &qmp_t_str }, { "thread-id", &qmp_t_int });
static QMP_ARRAY_OF(t_iothread_list, t_iothread_info);
QMP_OBJECT_TYPE(t_chardev_info, "ChardevInfo",
                { "label", &qmp_t_str }, { "filename", &qmp_t_str },
                { "frontend-open", &qmp_t_bool });
static QMP_ARRAY_OF(t_chardev_list, t_chardev_info);
QMP_OBJECT_TYPE(t_cpu_props, "CpuInstanceProperties",
                { "node-id", &qmp_t_int, true }, { "socket-id", &qmp_t_int, true },
                { "core-id", &qmp_t_int, true }, { "thread-id", &qmp_t_int, true });
QMP_OBJECT_TYPE(t_cpu_fast, "CpuInfoFast",
                { "cpu-index", &qmp_t_int }, { "qom-path", &qmp_t_str },
                { "thread-id", &qmp_t_int }, { "props", &t_cpu_props, true },
                { "target", &t_sysemu_target });
static QMP_ARRAY_OF(t_cpu_fast_list, t_cpu_fast);
QMP_OBJECT_TYPE(t_hotplug_cpu, "HotpluggableCPU",
                { "type", &qmp_t_str }, { "vcpus-count", &qmp_t_int },
                { "props", &t_cpu_props }, { "qom-path", &qmp_t_str, true });
static QMP_ARRAY_OF(t_hotplug_cpu_list, t_hotplug_cpu);
QMP_OBJECT_TYPE(t_memory_info, "MemoryInfo",
                { "base-memory", &qmp_t_int }, { "plugged-memory", &qmp_t_int, true });
QMP_OBJECT_TYPE(t_prop_info, "ObjectPropertyInfo",
                { "name", &qmp_t_str }, { "type", &qmp_t_str },
                { "description", &qmp_t_str, true });
static QMP_ARRAY_OF(t_prop_info_list, t_prop_info);
QMP_OBJECT_TYPE(t_type_info, "ObjectTypeInfo",
                { "name", &qmp_t_str }, { "abstract", &qmp_t_bool, true },
                { "parent", &qmp_t_str, true });
static QMP_ARRAY_OF(t_type_info_list, t_type_info);
QMP_OBJECT_TYPE(t_shutdown_data, "ShutdownEventData",
                { "guest", &qmp_t_bool }, { "reason", &t_shutdown_cause });

/* Argument lists. */
static const struct qmp_member a_capabilities[] = {
    { "enable", &t_capability_list, true }, { NULL } };
static const struct qmp_member a_machines[] = {
    { "compat-props", &qmp_t_bool, true }, { NULL } };
static const struct qmp_member a_numa[] = {
    { "type", &t_numa_type }, { "nodeid", &qmp_t_int, true },
    { "cpus", &t_int_list, true }, { "mem", &qmp_t_int, true },
    { "memdev", &qmp_t_str, true }, { NULL } };
static const struct qmp_member a_hmp[] = {
    { "command-line", &qmp_t_str }, { "cpu-index", &qmp_t_int, true }, { NULL } };
static const struct qmp_member a_memsave[] = {
    { "val", &qmp_t_int }, { "size", &qmp_t_int }, { "filename", &qmp_t_str },
    { "cpu-index", &qmp_t_int, true }, { NULL } };
static const struct qmp_member a_pmemsave[] = {
    { "val", &qmp_t_int }, { "size", &qmp_t_int }, { "filename", &qmp_t_str },
    { NULL } };
static const struct qmp_member a_qom_list[] = { { "path", &qmp_t_str }, { NULL } };
static const struct qmp_member a_qom_get[] = {
    { "path", &qmp_t_str }, { "property", &qmp_t_str }, { NULL } };
static const struct qmp_member a_qom_set[] = {
    { "path", &qmp_t_str }, { "property", &qmp_t_str }, { "value", &qmp_t_any },
    { NULL } };
static const struct qmp_member a_qom_types[] = {
    { "implements", &qmp_t_str, true }, { "abstract", &qmp_t_bool, true }, { NULL } };

#define PRE QMP_CMD_PRECONFIG

const struct qmp_command qmp_command_table[] = {
    { "qmp_capabilities", a_capabilities, NULL, PRE, qmp_cmd_capabilities },
    { "query-version", NULL, &t_version_info, PRE, qmp_cmd_query_version },
    { "query-commands", NULL, &t_command_info_list, PRE, qmp_cmd_query_commands },
    { "query-events", NULL, &t_event_info_list, 0, qmp_cmd_query_events },
    { "query-qmp-schema", NULL, &t_any_list, PRE, qmp_cmd_query_schema },
    { "query-status", NULL, &t_status_info, PRE, qmp_cmd_query_status },
    { "query-name", NULL, &t_name_info, PRE, qmp_cmd_query_name },
    { "query-uuid", NULL, &t_uuid_info, PRE, qmp_cmd_query_uuid },
    { "query-target", NULL, &t_target_info, 0, qmp_cmd_query_target },
    { "query-kvm", NULL, &t_kvm_info, 0, qmp_cmd_query_kvm },
    { "query-machines", a_machines, &t_machine_info_list, 0, qmp_cmd_query_machines },
    { "query-cpu-definitions", NULL, &t_cpu_def_list, 0, qmp_cmd_query_cpu_defs },
    { "query-iothreads", NULL, &t_iothread_list, PRE, qmp_cmd_query_iothreads },
    { "query-chardev", NULL, &t_chardev_list, PRE, qmp_cmd_query_chardev },
    { "query-cpus-fast", NULL, &t_cpu_fast_list, 0, qmp_cmd_query_cpus_fast },
    { "query-hotpluggable-cpus", NULL, &t_hotplug_cpu_list, PRE,
      qmp_cmd_query_hotpluggable },
    { "query-memory-size-summary", NULL, &t_memory_info, 0, qmp_cmd_query_mem_summary },
    { "stop", NULL, NULL, 0, qmp_cmd_stop },
    { "cont", NULL, NULL, 0, qmp_cmd_cont },
    { "system_reset", NULL, NULL, 0, qmp_cmd_system_reset },
    { "system_powerdown", NULL, NULL, 0, qmp_cmd_system_powerdown },
    { "quit", NULL, NULL, PRE, qmp_cmd_quit },
    { "x-exit-preconfig", NULL, NULL, PRE | QMP_CMD_UNSTABLE, qmp_cmd_exit_preconfig },
    { "set-numa-node", a_numa, NULL, PRE, qmp_cmd_set_numa_node },
    { "human-monitor-command", a_hmp, &qmp_t_str, 0, qmp_cmd_hmp },
    { "memsave", a_memsave, NULL, 0, qmp_cmd_memsave },
    { "pmemsave", a_pmemsave, NULL, 0, qmp_cmd_pmemsave },
    { "qom-list", a_qom_list, &t_prop_info_list, PRE, qmp_cmd_qom_list },
    { "qom-get", a_qom_get, &qmp_t_any, PRE, qmp_cmd_qom_get },
    { "qom-set", a_qom_set, NULL, PRE, qmp_cmd_qom_set },
    { "qom-list-types", a_qom_types, &t_type_info_list, PRE, qmp_cmd_qom_list_types },
    { NULL },
};

const struct qmp_event_desc qmp_event_table[] = {
    { "SHUTDOWN", &t_shutdown_data },
    { "POWERDOWN", NULL },
    { "RESET", &t_shutdown_data },
    { "STOP", NULL },
    { "RESUME", NULL },
    { NULL },
};
