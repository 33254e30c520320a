#!/bin/bash
# Boot-to-shell benchmark of the Malta board (bench/README.md):
#   bench/malta-boot.sh [--runs N] [--engine codegen|interp]
# boots Debian's 4kc-malta kernel with a busybox initramfs on
# build/kemu-system-mipsel and, when installed, qemu-system-mipsel
# (package qemu-system-mips), alternating runs, and prints the median
# wall time to the shell answering `echo $((6*7))`, the CPU times and the
# kemu/QEMU ratio.  The kernel and busybox are fetched into
# build/downloads as tests/system/linux-malta.sh does.  KEMU= and QEMU=
# override the emulators (QEMU=none: kemu only).
set -e
cd "$(dirname "$0")/.."
runs=3
engine=
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --engine) engine="$2"; shift 2 ;;
    *) echo "usage: bench/malta-boot.sh [--runs N] [--engine codegen|interp]" >&2
       exit 2 ;;
    esac
done
kemu="${KEMU:-build/kemu-system-mipsel}"
qemu="${QEMU:-$(command -v qemu-system-mipsel || true)}"
[ "$qemu" = none ] && qemu=
[ -x "$kemu" ] || make -j2 "$kemu" >/dev/null
dl=build/downloads
kernel=$(ls "$dl"/malta-kernel-mipsel/boot/vmlinuz-*-4kc-malta 2>/dev/null | head -n 1)
bb="$dl/busybox-mipsel/bin/busybox"
if [ -z "$kernel" ] || [ ! -x "$bb" ]; then
    # The test fetches both (and boots once).
    tests/system/linux-malta.sh "$(mktemp)" mipsel >/dev/null || true
    kernel=$(ls "$dl"/malta-kernel-mipsel/boot/vmlinuz-*-4kc-malta | head -n 1)
fi
[ -x "$bb" ] || { echo "malta-boot: no busybox-static:mipsel" >&2; exit 1; }
if [ -n "$engine" ]; then
    # The same binary with its engine switch, behind a wrapper.
    # (the binary picks its mode from its name: keep the symlink's).
    wd=$(mktemp -d)
    printf '#!/bin/sh\nexec %s -engine %s "$@"\n' \
        "$(cd "$(dirname "$kemu")" && pwd)/$(basename "$kemu")" "$engine" \
        >"$wd/kemu-system-mipsel"
    chmod +x "$wd/kemu-system-mipsel"
    trap 'rm -rf "$wd"' EXIT
    kemu="$wd/kemu-system-mipsel"
fi
[ -n "$qemu" ] || echo "malta-boot: qemu-system-mipsel not installed: kemu only" >&2
/usr/bin/python3 bench/malta_boot.py "$kernel" "$bb" "$runs" "$kemu" $qemu
