/* Placeholder until the ARM decoder lands. */
#include "target/target.h"

const struct target_info arm_target = { .name = "arm", .addr_bits = 32 };
