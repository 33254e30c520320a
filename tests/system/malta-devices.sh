#!/bin/bash
# Boots Debian's Malta kernels with more than 256 MiB of RAM and checks
# what the kernel found (tests/system/malta_devices.py): MemTotal as
# qemu-system-mipsel shows it for the same -m, the i8042 probe in the
# boot log, the PIT and i8042 interrupts, a clean poweroff.
#   malta-devices.sh RESULT_FILE
# Tests: linux-malta-devices-1024 (mipsel, 4kc-malta, -m 1024) and
# linux-malta64-devices-1024 (mips64el, 5kc-malta, -cpu 5KEc, -m 1024).
# The kernel and busybox are fetched as linux-malta.sh does
# (malta-fetch.sh) when build/downloads does not have them yet.
results="${1:-build/test-results/check-malta-devices.txt}"
dl=build/downloads
mkdir -p "$dl" "$(dirname "$results")"
. tests/system/malta-fetch.sh

status=0
for arch in mipsel mips64el; do
    case "$arch" in
    mipsel) flavour=4kc-malta; cpu=; name=linux-malta-devices ;;
    mips64el) flavour=5kc-malta; cpu=5KEc; name=linux-malta64-devices ;;
    esac
    megs=1024
    kernel=$(ls "$dl"/malta-kernel-$arch/boot/vmlinuz-*-$flavour 2>/dev/null | head -n 1)
    if [ -z "$kernel" ]; then
        fetch_kernel &&
            kernel=$(ls "$dl"/malta-kernel-$arch/boot/vmlinuz-*-$flavour | head -n 1)
    fi
    bb="$dl/busybox-$arch/bin/busybox"
    [ -x "$bb" ] || fetch_busybox
    if [ -z "$kernel" ] || [ ! -x "$bb" ]; then
        echo "$name: cannot fetch the kernel or busybox for $arch" >&2
        echo "FAIL $name-$megs" >>"$results"
        status=1
        continue
    fi
    /usr/bin/python3 tests/system/malta_devices.py "$kernel" "$bb" "$results" \
        "$name-$megs" "$megs" "${KEMU_BUILD:-build}/kemu-system-$arch" $cpu ||
        status=1
done
echo "malta devices: $(grep -c '^PASS' "$results") passed, $(grep -c '^FAIL' "$results") failed"
exit $status
