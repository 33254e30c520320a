#!/bin/bash
# gdb-multiarch attached to Debian's Malta kernel (linux-image-4kc-malta,
# the version resolved through the meta-package) booting with a busybox
# initramfs on kemu-system-mipsel: breakpoints, registers, a step, memory
# through KSEG0, the boot to the shell, interrupt and kill in one boot
# (linux_malta_gdb.py).  The packages are fetched as for linux-malta.sh.
#   linux-malta-gdb.sh RESULT_FILE
results="${1:-build/test-results/check-linux-malta-gdb.txt}"
arch=mipsel
flavour=4kc-malta
dl=build/downloads
mkdir -p "$dl" "$(dirname "$results")"

. tests/system/malta-fetch.sh

kernel=$(ls "$dl"/malta-kernel-$arch/boot/vmlinuz-*-$flavour 2>/dev/null | head -n 1)
if [ -z "$kernel" ]; then
    fetch_kernel || { echo "linux-malta-gdb: cannot fetch the kernel" >&2
                      echo "FAIL linux-malta-gdb-fetch" >>"$results"; exit 1; }
    kernel=$(ls "$dl"/malta-kernel-$arch/boot/vmlinuz-*-$flavour | head -n 1)
fi
bb="$dl/busybox-$arch/bin/busybox"
if [ ! -x "$bb" ] && ! fetch_busybox; then
    echo "linux-malta-gdb: cannot fetch busybox-static:$arch" >&2
    echo "FAIL linux-malta-gdb-fetch" >>"$results"
    exit 1
fi
KEMU_SYSTEM_MIPSEL="${KEMU_SYSTEM:-build/kemu-system-mipsel}" \
    /usr/bin/python3 tests/system/linux_malta_gdb.py "$kernel" "$bb" "$results"
