/* fpu.c built with -mfp64 (o32 only): the whole FPU test with FR = 1. */
#include "fpu.c"
