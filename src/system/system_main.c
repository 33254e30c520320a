/* Placeholder until the system-mode layer lands. */
#include "system/system.h"
#include "util/error.h"

int system_main(const char *arch, int argc, char **argv)
{
    fatal("system mode is not built yet");
}
