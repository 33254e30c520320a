/* fpregs.c built with -mfp64 (o32 only): FR = 1. */
#include "fpregs.c"
