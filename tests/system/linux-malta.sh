#!/bin/bash
# Boots Debian's mipsel Malta kernel (linux-image-4kc-malta, the current
# version resolved through the meta-package) on kemu-system-mipsel
# -M malta without an initrd and requires the kernel to reach
# "VFS: Unable to mount root fs" (the expected end without a root file
# system) within the time limit.
#   linux-malta.sh RESULT_FILE
# The .deb is fetched into build/downloads once (apt-get download and
# dpkg -x, nothing is installed); that needs mipsel in dpkg's foreign
# architectures and a package list that includes it.
results="${1:-build/test-results/check-linux-malta.txt}"
emu="${KEMU_SYSTEM_MIPSEL:-build/kemu-system-mipsel}"
limit="${MALTA_BOOT_LIMIT:-240}"
dl=build/downloads
arch=mipsel
mkdir -p "$dl" "$(dirname "$results")"

fetch_kernel() {
    local sudo="" pkg
    [ "$(id -u)" = 0 ] || sudo=sudo
    if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        $sudo dpkg --add-architecture "$arch" || return 1
        $sudo apt-get update -qq || return 1
    fi
    # linux-image-4kc-malta depends on linux-image-<version>-4kc-malta.
    pkg=$(apt-cache depends "linux-image-4kc-malta:$arch" 2>/dev/null |
          sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n 1)
    [ -n "$pkg" ] || return 1
    if ! ls "$dl"/"$pkg"_*_$arch.deb >/dev/null 2>&1; then
        (cd "$dl" && apt-get download -qq "$pkg:$arch" 2>/dev/null) ||
            { $sudo apt-get update -qq &&
              (cd "$dl" && apt-get download -qq "$pkg:$arch" 2>/dev/null); } ||
            return 1
    fi
    rm -rf "$dl/malta-kernel"
    dpkg -x "$(ls "$dl"/"$pkg"_*_$arch.deb | head -n 1)" "$dl/malta-kernel"
}

kernel=$(ls "$dl"/malta-kernel/boot/vmlinuz-*-4kc-malta 2>/dev/null | head -n 1)
if [ -z "$kernel" ]; then
    fetch_kernel || { echo "linux-malta: cannot fetch the kernel" >&2
                      echo "FAIL linux-malta-fetch" >>"$results"; exit 1; }
    kernel=$(ls "$dl"/malta-kernel/boot/vmlinuz-*-4kc-malta | head -n 1)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-malta.XXXXXX") || exit 2
trap 'rm -rf "$work"; [ -n "$pid" ] && kill "$pid" 2>/dev/null' EXIT
"$emu" -M malta -m 256 -display none -monitor none \
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
if [ $ok = 1 ] && kill -0 "$pid" 2>/dev/null; then
    echo "PASS linux-malta-vfs-panic" >>"$results"
    echo "linux-malta: kernel reached the root mount after $((i / 2)) s"
    exit 0
fi
echo "linux-malta: no 'VFS: Unable to mount root fs' within ${limit} s" >&2
tail -20 "$work/serial.txt" "$work/stderr.txt" >&2
echo "FAIL linux-malta-vfs-panic" >>"$results"
exit 1
