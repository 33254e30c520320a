#!/bin/sh
# Assemble one test source and turn it into a C header: the code as a byte
# array NAME_code[] and one NAME_label offset per label.
#   gen-code.sh IN.S OUT.h NAME
set -e
in=$1 out=$2 name=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
arm-linux-gnueabi-as -march=armv5te -mfloat-abi=soft -o "$tmp/o.o" "$in"
# Link at address 0 so branch relocations the assembler leaves for the
# linker (Thumb BL, BLX <label>) are resolved; labels become offsets.
arm-linux-gnueabi-ld -Ttext=0 -e 0 -o "$tmp/o.elf" "$tmp/o.o"
arm-linux-gnueabi-objcopy -O binary -j .text "$tmp/o.elf" "$tmp/o.bin"
{
    echo "/* Generated from $in. */"
    echo "static const unsigned char ${name}_code[] = {"
    od -An -v -tx1 "$tmp/o.bin" | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'
    echo "};"
    arm-linux-gnueabi-nm "$tmp/o.elf" |
        awk -v n="$name" '$2 ~ /^[tT]$/ && $3 !~ /^\$/ {
            printf "#define %s_%s 0x%s\n", n, $3, $1 }'
} > "$out.tmp"
mv "$out.tmp" "$out"
