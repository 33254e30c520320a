/* The valid program bad-elf.py derives its malformed ELF files from. */
#include <stdio.h>

int main(void)
{
    printf("bad-elf base program ran\n");
    return 0;
}
