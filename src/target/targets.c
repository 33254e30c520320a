/* The table of built-in guest targets. */
#include <string.h>

#include "target/target.h"

extern const struct target_info arm_target;
extern const struct target_info mips_target, mipsel_target, mips64_target,
    mips64el_target;

const struct target_info *const target_list[] = {
    &arm_target,
    &mips_target, &mipsel_target, &mips64_target, &mips64el_target,
    NULL,
};

const struct target_info *target_find(const char *name)
{
    for (int i = 0; target_list[i]; i++)
        if (strcmp(target_list[i]->name, name) == 0)
            return target_list[i];
    return NULL;
}
