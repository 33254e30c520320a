/* The builtin QMP types and the empty object. */
#include <stddef.h>

#include "monitor/qmp_types.h"

const struct qmp_type qmp_t_str = { QMP_BUILTIN, "str", "string" };
const struct qmp_type qmp_t_int = { QMP_BUILTIN, "int", "int" };
const struct qmp_type qmp_t_number = { QMP_BUILTIN, "number", "number" };
const struct qmp_type qmp_t_bool = { QMP_BUILTIN, "bool", "boolean" };
const struct qmp_type qmp_t_null = { QMP_BUILTIN, "null", "null" };
const struct qmp_type qmp_t_any = { QMP_BUILTIN, "any", "value" };

static const struct qmp_member no_members[] = { { NULL } };
const struct qmp_type qmp_t_empty = { .meta = QMP_OBJECT, .name = "q_empty",
                                      .members = no_members };
