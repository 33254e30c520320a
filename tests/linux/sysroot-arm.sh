#!/bin/bash
# Dynamically linked Debian programs of one architecture (armel, armhf,
# mipsel or mips64el) under $KEMU_ARM
# (default build/kemu-arm) with -L a sysroot built from Debian packages:
# apt-get download + dpkg -x into build/downloads/ARCH-sysroot, nothing
# installed on the host (the architecture is added to dpkg once, as for
# the busybox suite).  Outputs are checked exactly.
#   sysroot-arm.sh RESULT_FILE [ARCH]
# ARCH (or $SYSROOT_ARCH) is armel (default; tests named sysroot-NAME),
# armhf (Thumb-2, hard float), mipsel or mips64el (tests named
# sysroot-ARCH-NAME, and a smaller compression round trip to keep the
# suite short).
results="${1:-build/test-results/linux-sysroot.txt}"
arch="${2:-${SYSROOT_ARCH:-armel}}"
case "$arch" in
armel) tag=""; data_mb=5 ;;
armhf|mipsel|mips64el) tag="$arch-"; data_mb=1 ;;
*) echo "sysroot-arm.sh: unknown architecture '$arch'" >&2; exit 2 ;;
esac
emu="${KEMU_ARM:-build/kemu-arm}"
# shellcheck disable=SC2086
set -- $emu
emu="$(command -v "$1" || echo "$1") ${*:2}"
case "$emu" in /*) ;; *) emu="$PWD/$emu" ;; esac
dl=build/downloads
root="$PWD/$dl/$arch-sysroot"
mkdir -p "$dl" "$(dirname "$results")"

packages="libc6 libgcc-s1 bash libtinfo6 coreutils libacl1 libattr1
libselinux1 libpcre2-8-0 libgmp10 grep sed gawk libmpfr6 libsigsegv2
libreadline8 readline-common bzip2 libbz2-1.0 xz-utils liblzma5 gzip
zlib1g lua5.4 liblua5.4-0 sqlite3 libsqlite3-0 python3.11-minimal
libpython3.11-minimal libexpat1 libssl3 libcrypt1 libzstd1 libmd0"

fetch_sysroot() {
    local debs="$dl/$arch-debs" sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    mkdir -p "$debs"
    if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        $sudo dpkg --add-architecture "$arch" || return 1
        # An index that fails (a mirror mid-sync) need not be ours: the
        # download says whether what came is enough.
        $sudo apt-get update -qq
    fi
    local want=()
    for p in $packages; do
        case "$p" in readline-common) want+=("$p") ;; *) want+=("$p:$arch") ;; esac
    done
    (cd "$debs" && apt-get download -qq "${want[@]}" 2>/dev/null) ||
        { $sudo apt-get update -qq;
          (cd "$debs" && apt-get download -qq "${want[@]}" 2>/dev/null); } ||
        return 1
    rm -rf "$root.tmp"
    for d in "$debs"/*.deb; do
        dpkg -x "$d" "$root.tmp" || return 1
    done
    rm -rf "$root"
    mv "$root.tmp" "$root"
}

if [ ! -x "$root/bin/bash" ] && ! fetch_sysroot; then
    echo "linux-sysroot: cannot fetch the $arch packages" >&2
    echo "FAIL sysroot-${tag}fetch" >>"$results"
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-sysroot.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# run NAME EXPECTED_FILE ARGS...: the guest program's stdout must match.
check() {
    local name="$1" want="$2"; shift 2
    # shellcheck disable=SC2086
    if timeout -k 5 600 $emu -L "$root" "$@" >"$work/out" 2>"$work/err" &&
       cmp -s "$work/out" "$want"; then
        echo "PASS sysroot-$tag$name" >>"$results"
        pass=$((pass + 1))
    else
        echo "FAIL sysroot-$tag$name" >>"$results"
        echo "sysroot-$tag$name: output differs or failed"
        diff "$want" "$work/out" | head -n 10
        head -n 5 "$work/err"
        fail=$((fail + 1))
    fi
}

# bash: pipes, subshells, $(...), traps, a 5-process pipeline; the
# commands are the sysroot's coreutils/grep/sed/gawk (PATH lookups
# find them in the sysroot first).
cat >"$work/script.sh" <<'EOF'
trap 'echo trapped USR1' USR1
trap 'echo bye' EXIT
x=$(echo hello world | tr a-z A-Z)
echo "$x"
( cd /; echo "subshell $((6 * 7)) $(pwd)" )
seq 1 200 | grep 7 | sed 's/^/n/' | sort -r | head -n 3
printf '%s\n' b a c a | sort | uniq -c | awk '{ print $2 "=" $1 }'
kill -USR1 $$
n=0; for f in 1 2 3; do n=$((n + f)); done; echo "sum $n"
echo "$(basename /usr/lib/x.so .so) $(( $(wc -l < /etc/hostname 2>/dev/null || echo 0) >= 0 ))"
EOF
cat >"$work/script.want" <<'EOF'
HELLO WORLD
subshell 42 /
n97
n87
n79
a=2
b=1
c=1
trapped USR1
sum 6
x 1
bye
EOF
check bash "$work/script.want" "$root/bin/bash" "$work/script.sh"

# lua
echo "333338333350000 1.414 120" >"$work/lua.want"
check lua "$work/lua.want" "$root/usr/bin/lua5.4" -e \
    'local s=0 for i=1,100000 do s=s+i*i end
     local f=1 for i=1,5 do f=f*i end
     print(string.format("%d %.3f %d", s, math.sqrt(2), f))'

# sqlite3
cat >"$work/q.sql" <<'EOF'
create table t(a integer, b text);
insert into t values (1, 'one'), (2, 'two'), (3, 'three');
with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000)
insert into t select x + 3, 'n' || x from c;
select count(*), sum(a) from t;
select b from t where a % 250 = 0 order by a;
create index ti on t(b);
select a from t where b = 'n500';
EOF
printf '1003|503506\nn247\nn497\nn747\nn997\n503\n' >"$work/sql.want"
check sqlite3 "$work/sql.want" "$root/usr/bin/sqlite3" -batch "$work/db" \
    ".read $work/q.sql"

# bzip2 and xz round trips of a generated file (5 MB, armhf 1 MB)
/usr/bin/python3 - "$work/data" "$data_mb" <<'EOF'
import random, sys
r = random.Random(5)
words = [bytes(r.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(2, 9)))
         for _ in range(5000)]
out = bytearray()
size = int(sys.argv[2]) * 1024 * 1024
while len(out) < size:
    out += r.choice(words) + (b"\n" if r.random() < 0.1 else b" ")
open(sys.argv[1], "wb").write(out[:size])
EOF
sha256sum <"$work/data" >"$work/data.want"
for z in bzip2 xz; do
    prog="$root/bin/$z"; [ -x "$prog" ] || prog="$root/usr/bin/$z"
    # shellcheck disable=SC2086
    if timeout -k 5 900 $emu -L "$root" "$prog" -c "$work/data" >"$work/data.$z" &&
       timeout -k 5 900 $emu -L "$root" "$prog" -dc "$work/data.$z" | sha256sum >"$work/rt.$z" &&
       cmp -s "$work/rt.$z" "$work/data.want" &&
       [ "$(stat -c %s "$work/data.$z")" -lt $((data_mb * 1000000)) ]; then
        echo "PASS sysroot-$tag$z-roundtrip" >>"$results"; pass=$((pass + 1))
    else
        echo "FAIL sysroot-$tag$z-roundtrip" >>"$results"; fail=$((fail + 1))
        echo "sysroot-$tag$z-roundtrip: failed"
    fi
done

# python3 with threads and a subprocess
cat >"$work/py.want" <<'EOF'
threads 4 [0, 1, 4, 9] 499500
subprocess 0 'from child\n'
EOF
check python3 "$work/py.want" "$root/usr/bin/python3.11" -S -c '
import threading, subprocess, sys
out = [None] * 4
def work(i):
    out[i] = i * i
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
total = 0
lock = threading.Lock()
def add(lo, hi):
    global total
    for k in range(lo, hi):
        with lock:
            total += k
ts = [threading.Thread(target=add, args=(k * 250, k * 250 + 250)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("threads", len(out), out, total)
p = subprocess.run([sys.executable, "-S", "-c", "print(\"from child\")"],
                   capture_output=True)
print("subprocess", p.returncode, repr(p.stdout.decode()))
'

echo "linux-sysroot ($arch): $pass passed, $fail failed"
[ "$fail" = 0 ]
