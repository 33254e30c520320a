/* Placeholder until the user-mode layer lands. */
#include "user/user.h"
#include "util/error.h"

int user_main(const struct target_info *target, int argc, char **argv)
{
    fatal("user mode is not built yet");
}
