#!/bin/bash
# kemu benchmarks: user-mode workloads on kemu and, when installed, on
# QEMU's static user emulator, alternating runs on the same machine.  Prints per-workload
# median times (user+sys CPU seconds, robust on a shared machine), the
# kemu/QEMU ratio and the geometric mean of the ratios; then peak RSS of
# busybox sha256sum and the signal latency of a spinning guest.
#
#   bench/run.sh [--arch arm|mipsel] [--quick] [--runs N] [--only NAME]
#
# Workloads, for the guest --arch (default arm: Debian armel, kemu-arm vs
# qemu-arm-static; mipsel: Debian mipsel, kemu-mipsel vs
# qemu-mipsel-static): Debian's busybox-static (gzip -9, bzip2 -9,
# sha256sum), xz -6 and a Lua script (static programs built here against
# Debian's liblzma.a and liblua5.4.a of that architecture), a C matrix
# multiply and sort built at -O2, and start-up (a static hello run 200
# times).
set -u
cd "$(dirname "$0")/.."
root=$PWD
quick=0; runs=3; only=""; arch=arm
usage="usage: bench/run.sh [--arch arm|mipsel] [--quick] [--runs N] [--only NAME]"
while [ $# -gt 0 ]; do
    case "$1" in
    --arch) arch=${2:-}; shift ;;
    --quick) quick=1; runs=1 ;;
    --runs) runs=$2; shift ;;
    --only) only=$2; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
    esac
    shift
done

# Per guest: Debian architecture, multiarch triplet, cross compiler, the
# kemu target and QEMU's emulator.  ARM keeps its original paths.
case "$arch" in
arm)    debarch=armel; triplet=arm-linux-gnueabi; out=$root/build/bench ;;
mipsel) debarch=mipsel; triplet=mipsel-linux-gnu; out=$root/build/bench-mipsel ;;
*) echo "bench: unknown --arch '$arch' (arm or mipsel)" >&2; echo "$usage" >&2; exit 2 ;;
esac
dl=$root/build/downloads
mkdir -p "$out" "$dl"
KEMU=${KEMU:-$root/build/kemu-$arch}
QEMU=${QEMU:-$(command -v "qemu-$arch-static" || true)}
CC=$triplet-gcc

make -s -j2 all >/dev/null || exit 1

# ---- Programs ---------------------------------------------------------------
bb=$dl/busybox-$debarch/bin/busybox
if [ ! -x "$bb" ]; then
    deb=$(ls "$dl"/busybox-static_*_$debarch.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || (cd "$dl" && apt-get download -qq busybox-static:$debarch) || exit 1
    deb=$(ls "$dl"/busybox-static_*_$debarch.deb | head -n 1)
    dpkg -x "$deb" "$dl/busybox-$debarch"
fi
sysroot=$dl/bench-sysroot
if [ ! -f "$sysroot/usr/lib/$triplet/liblzma.a" ] ||
   [ ! -f "$sysroot/usr/lib/$triplet/liblua5.4.a" ]; then
    (cd "$dl" && apt-get download -qq liblzma-dev:$debarch liblua5.4-dev:$debarch) 2>/dev/null
    for d in "$dl"/liblzma-dev_*_$debarch.deb "$dl"/liblua5.4-dev_*_$debarch.deb; do
        [ -f "$d" ] && dpkg -x "$d" "$sysroot"
    done
fi
build() { # name source... -- extra flags
    local name=$1; shift
    local dst=$out/$name
    [ -x "$dst" ] && [ "$dst" -nt "$1" ] && return 0
    $CC -O2 -static -o "$dst" "$@" || { echo "bench: cannot build $name" >&2; return 1; }
}
build matmul bench/src/matmul.c
build sort bench/src/sort.c
build hello bench/src/hello.c
build siglat bench/src/siglat.c
lib=$sysroot/usr/lib/$triplet
build xz6 bench/src/xz6.c -I"$sysroot/usr/include" "$lib/liblzma.a" -lpthread || true
build lua bench/src/luarun.c -I"$sysroot/usr/include/lua5.4" \
    -I"$sysroot/usr/include/$triplet" "$lib/liblua5.4.a" -lm || true

# ---- Inputs ------------------------------------------------------------------
if [ $quick = 1 ]; then text_mb=4; sha_mb=20; mat=300; nsort=500000; nhello=50
else text_mb=20; sha_mb=100; mat=600; nsort=2000000; nhello=200; fi
text=$out/text-$text_mb.dat
[ -f "$text" ] || /usr/bin/python3 - "$text" "$text_mb" <<'EOF'
import random, sys
random.seed(1)
words = ["".join(random.choice("etaoinshrdlucmfwypvbgkjqxz") for _ in range(random.randint(2, 9))) for _ in range(5000)]
n = int(sys.argv[2]) << 20
with open(sys.argv[1], "w") as f:
    size = 0
    while size < n:
        line = " ".join(random.choice(words) for _ in range(12)) + " %d\n" % random.randint(0, 99999)
        f.write(line); size += len(line)
EOF
big=$out/zero-$sha_mb.dat
[ -f "$big" ] || head -c $((sha_mb << 20)) /dev/urandom >"$big"

# ---- Timing -------------------------------------------------------------------
# time_cmd EMU CMD...: prints "cpu_seconds peak_rss_kb"; stdin from $stdin.
stdin=/dev/null
time_cmd() {
    local t
    t=$(mktemp)
    /usr/bin/time -f "%U %S %M" -o "$t" "$@" <"$stdin" >/dev/null 2>&1
    awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$t"
    rm -f "$t"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -a names ratios
printf "%-12s %10s %10s %8s\n" workload kemu qemu ratio
bench() { # name stdin-file cmd... (the program is run as EMU cmd...)
    local name=$1; stdin=$2; shift 2
    [ -n "$only" ] && [ "$only" != "$name" ] && return 0
    local k=() q=()
    for ((i = 0; i < runs; i++)); do
        k+=("$(time_cmd "$KEMU" "$@" | cut -d' ' -f1)")
        [ -n "$QEMU" ] && q+=("$(time_cmd "$QEMU" "$@" | cut -d' ' -f1)")
    done
    local km qm ratio=-
    km=$(printf "%s\n" "${k[@]}" | median)
    qm=-
    if [ -n "$QEMU" ]; then
        qm=$(printf "%s\n" "${q[@]}" | median)
        ratio=$(awk -v a="$km" -v b="$qm" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        ratios+=("$ratio")
    fi
    printf "%-12s %10s %10s %8s\n" "$name" "$km" "$qm" "$ratio"
}

# Start-up: a shell loop of N runs, timed as one command per emulator.
startup() {
    [ -n "$only" ] && [ "$only" != startup ] && return 0
    local loop=$out/startup.sh
    printf '#!/bin/sh\nemu=$1; shift\ni=0\nwhile [ $i -lt %d ]; do $emu "$@" >/dev/null; i=$((i+1)); done\n' "$nhello" >"$loop"
    chmod +x "$loop"
    local k=() q=()
    for ((i = 0; i < runs; i++)); do
        k+=("$(stdin=/dev/null time_cmd "$loop" "$KEMU" "$out/hello" | cut -d' ' -f1)")
        [ -n "$QEMU" ] && q+=("$(stdin=/dev/null time_cmd "$loop" "$QEMU" "$out/hello" | cut -d' ' -f1)")
    done
    local km qm=- ratio=-
    km=$(printf "%s\n" "${k[@]}" | median)
    if [ -n "$QEMU" ]; then
        qm=$(printf "%s\n" "${q[@]}" | median)
        ratio=$(awk -v a="$km" -v b="$qm" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        ratios+=("$ratio")
    fi
    printf "%-12s %10s %10s %8s\n" "startup" "$km" "$qm" "$ratio"
}

bench gzip-9 "$text" "$bb" gzip -9 -c
bench bzip2-9 "$text" "$bb" bzip2 -9 -c
bench sha256sum "$big" "$bb" sha256sum
[ -x "$out/xz6" ] && bench xz-6 "$text" "$out/xz6"
[ -x "$out/lua" ] && bench lua /dev/null "$out/lua" "$root/bench/src/bench.lua"
bench matmul /dev/null "$out/matmul" "$mat"
bench sort /dev/null "$out/sort" "$nsort"
startup

if [ ${#ratios[@]} -gt 0 ]; then
    printf "%s\n" "${ratios[@]}" |
        awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "geomean kemu/qemu: %.3f over %d workloads\n", exp(s / n), n }'
fi

# ---- Peak RSS and signal latency ------------------------------------------------
if [ -z "$only" ]; then
    stdin=$big
    krss=$(time_cmd "$KEMU" "$bb" sha256sum | cut -d' ' -f2)
    qrss=-
    [ -n "$QEMU" ] && qrss=$(time_cmd "$QEMU" "$bb" sha256sum | cut -d' ' -f2)
    echo "peak RSS, busybox sha256sum ${sha_mb} MB (KiB): kemu $krss qemu $qrss"
    klat=$(timeout 20 "$KEMU" "$out/siglat" || echo "(no signal)")
    qlat=-
    [ -n "$QEMU" ] && qlat=$(timeout 20 "$QEMU" "$out/siglat" || echo "(no signal)")
    echo "worst SIGALRM latency in a spinning guest (us): kemu $klat qemu $qlat"
fi
