/* fpregs.c built with -mfp32 (o32 only): FR = 0. */
#include "fpregs.c"
