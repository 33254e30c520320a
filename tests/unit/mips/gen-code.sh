#!/bin/sh
# Assemble one MIPS test source (little-endian MIPS32 R2) into a C header:
# the code as NAME_code[] and one NAME_label offset per global label.
#   gen-code.sh IN.S OUT.h NAME
set -e
in=$1 out=$2 name=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mipsel-linux-gnu-as -mips32r2 -EL -o "$tmp/o.o" "$in"
mipsel-linux-gnu-ld -EL -Ttext=0x10000 -e 0x10000 -o "$tmp/o.elf" "$tmp/o.o"
mipsel-linux-gnu-objcopy -O binary -j .text "$tmp/o.elf" "$tmp/o.bin"
{
    echo "/* Generated from $in. */"
    echo "static const unsigned char ${name}_code[] = {"
    od -An -v -tx1 "$tmp/o.bin" | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'
    echo "};"
    mipsel-linux-gnu-nm "$tmp/o.elf" |
        awk -v n="$name" '$2 ~ /^T$/ {
            printf "#define %s_%s (0x%s - 0x10000)\n", n, $3, $1 }'
} > "$out.tmp"
mv "$out.tmp" "$out"
