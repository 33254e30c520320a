#!/bin/bash
# Boots Debian's Malta kernel (the current version resolved through the
# meta-package) on kemu-system-<arch> -M malta: without an initrd it must
# reach "VFS: Unable to mount root fs" (the expected end without a root
# file system); with a busybox initramfs (busybox-static:<arch>) the
# shell must answer `echo $((6*7))` with 42 and `poweroff -f` must end
# kemu with status 0 (linux_malta_shell.py); for mipsel, QMP
# stop/cont/system_reset/quit work during the boot (linux_malta_qmp.py).
#   linux-malta.sh RESULT_FILE [ARCH]
#   ARCH mipsel (default): linux-image-4kc-malta on the 24Kf, tests
#        linux-malta-*; mips64el: linux-image-5kc-malta with -cpu 5KEc,
#        tests linux-malta64-*.
# The .deb is fetched into build/downloads once (apt-get download and
# dpkg -x, nothing is installed); that needs ARCH in dpkg's foreign
# architectures and a package list that includes it.
results="${1:-build/test-results/check-linux-malta.txt}"
arch="${2:-mipsel}"
case "$arch" in
mipsel) flavour=4kc-malta; cpu=; name=linux-malta ;;
mips64el) flavour=5kc-malta; cpu=5KEc; name=linux-malta64 ;;
*) echo "linux-malta: unknown architecture $arch" >&2; exit 2 ;;
esac
emu="${KEMU_SYSTEM:-build/kemu-system-$arch}"
limit="${MALTA_BOOT_LIMIT:-240}"
dl=build/downloads
mkdir -p "$dl" "$(dirname "$results")"

. tests/system/malta-fetch.sh

kernel=$(ls "$dl"/malta-kernel-$arch/boot/vmlinuz-*-$flavour 2>/dev/null | head -n 1)
if [ -z "$kernel" ]; then
    fetch_kernel || { echo "$name: cannot fetch the kernel" >&2
                      echo "FAIL $name-fetch" >>"$results"; exit 1; }
    kernel=$(ls "$dl"/malta-kernel-$arch/boot/vmlinuz-*-$flavour | head -n 1)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-malta.XXXXXX") || exit 2
trap 'rm -rf "$work"; [ -n "$pid" ] && kill "$pid" 2>/dev/null' EXIT
"$emu" -M malta ${cpu:+-cpu $cpu} -m 256 -display none -monitor none \
    -serial "file:$work/serial.txt" -kernel "$kernel" \
    -append "console=ttyS0 nokaslr" 2>"$work/stderr.txt" &
pid=$!
ok=0
for ((i = 0; i < limit * 2; i++)); do
    if grep -q "VFS: Unable to mount root fs" "$work/serial.txt" 2>/dev/null; then
        ok=1
        break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
kill -0 "$pid" 2>/dev/null || ok=0
if [ $ok = 1 ]; then
    echo "PASS $name-vfs-panic" >>"$results"
    echo "$name: kernel reached the root mount after $((i / 2)) s"
else
    echo "$name: no 'VFS: Unable to mount root fs' within ${limit} s" >&2
    tail -20 "$work/serial.txt" "$work/stderr.txt" >&2
    echo "FAIL $name-vfs-panic" >>"$results"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
pid=

bb="$dl/busybox-$arch/bin/busybox"
if [ ! -x "$bb" ] && ! fetch_busybox; then
    echo "$name: cannot fetch busybox-static:$arch" >&2
    echo "FAIL $name-shell" >>"$results"
    exit 1
fi
KEMU_SYSTEM_MIPSEL="$emu" MALTA_CPU="$cpu" /usr/bin/python3 \
    tests/system/linux_malta_shell.py "$kernel" "$bb" "$results" "$name-shell" ||
    ok=0
if [ "$arch" = mipsel ]; then
    KEMU_SYSTEM_MIPSEL="$emu" /usr/bin/python3 tests/system/linux_malta_qmp.py \
        "$kernel" "$results" || ok=0
fi
[ $ok = 1 ]
