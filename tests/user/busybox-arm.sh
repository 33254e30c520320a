#!/bin/bash
# Runs Debian's static busybox for armel (or the Debian architecture in
# $BB_ARCH, e.g. armhf, mipsel, mips64el) under $KEMU_ARM (default
# build/kemu-arm) and checks the exact output of common applets.
#   busybox-arm.sh RESULT_FILE
# The .deb is fetched into build/downloads the first time (apt-get download
# and dpkg -x, nothing is installed); that needs the armel architecture in
# dpkg and a package list that includes it.
arch="${BB_ARCH:-armel}"
# Test names: busybox-NAME for armel, busybox-ARCH-NAME otherwise.
tag=busybox
[ "$arch" = armel ] || tag="busybox-$arch"
results="${1:-build/test-results/$tag.txt}"
emu="${KEMU_ARM:-build/kemu-arm}"
# The guest's PATH differs from ours: name the emulator by a full path.
# shellcheck disable=SC2086
set -- $emu
emu="$(command -v "$1" || echo "$1") ${*:2}"
case "$emu" in /*) ;; *) emu="$PWD/$emu" ;; esac
dl=build/downloads
bb="${BUSYBOX:-$dl/busybox-$arch/bin/busybox}"
mkdir -p "$dl" "$(dirname "$results")"

fetch_busybox() {
    local deb
    deb=$(ls "$dl"/busybox-static_*_$arch.deb 2>/dev/null | head -n 1)
    if [ -z "$deb" ]; then
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo=sudo
        if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
            $sudo dpkg --add-architecture "$arch" || return 1
            # An index that fails (a mirror mid-sync) need not be ours:
            # the download says whether what came is enough.
            $sudo apt-get update -qq
        fi
        (cd "$dl" && apt-get download -qq busybox-static:$arch) ||
            { $sudo apt-get update -qq;
              (cd "$dl" && apt-get download -qq busybox-static:$arch); } || return 1
        deb=$(ls "$dl"/busybox-static_*_$arch.deb | head -n 1)
    fi
    rm -rf "$dl/busybox-$arch"
    dpkg -x "$deb" "$dl/busybox-$arch"
}

if [ ! -x "$bb" ] && ! fetch_busybox; then
    echo "$tag: cannot fetch busybox-static:$arch" >&2
    echo "FAIL $tag-fetch" >>"$results"
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-busybox.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# Applets run from inside busybox sh are found through PATH, as links to
# busybox: the shell then executes the ARM binary again (kemu re-enters
# itself on execve of a foreign binary).
mkdir -p "$work/bin"
for a in cat gzip gunzip sha256sum sort grep uniq tr od wc mkdir rm xargs \
         echo false ls; do
    ln -s "$(realpath "$bb")" "$work/bin/$a"
done

# bbrun ARGS...: busybox under the emulator, with a timeout.
bbrun() {
    # $emu may carry options: split on purpose.
    # shellcheck disable=SC2086
    timeout -k 5 60 env PATH="$work/bin" $emu "$bb" "$@"
}

# expect NAME WANT ACTUAL-STATUS: records one result.
record() {
    local name="$1" want="$2" got="$3" status="$4"
    if [ "$status" = 0 ] && [ "$got" = "$want" ]; then
        echo "PASS $tag-$name" >>"$results"
        pass=$((pass + 1))
    else
        echo "FAIL $tag-$name" >>"$results"
        echo "FAIL $tag-$name (status $status)"
        diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -n 10
        fail=$((fail + 1))
    fi
}

# t NAME WANT ARGS...: busybox ARGS must print WANT (trailing newlines
# stripped as by $(...)) and exit 0.
t() {
    local name="$1" want="$2" got status
    shift 2
    got=$(bbrun "$@" 2>"$work/stderr" </dev/null)
    status=$?
    record "$name" "$want" "$got" "$status"
}

# ti NAME WANT INPUT-FILE ARGS...: as t, with stdin from INPUT-FILE.
ti() {
    local name="$1" want="$2" input="$3" got status
    shift 3
    got=$(bbrun "$@" 2>"$work/stderr" <"$input")
    status=$?
    record "$name" "$want" "$got" "$status"
}

# Test data.
printf 'banana\napple\ncherry\napple\n10\n9\n' >"$work/fruits"
printf '5\n3\n5\n10\n3\n' >"$work/numbers"
seq 1 2000 | sed 's/$/ the quick brown fox/' >"$work/big"
mkdir -p "$work/dir/sub"
touch "$work/dir/b.txt" "$work/dir/a.txt" "$work/dir/c.dat"
printf 'one two three\nfour five\nsix\n' >"$work/words"
printf 'a:b:c\nd:e:f\n' >"$work/colon"
printf '\x00\x01\x7fABC\xff' >"$work/bytes"

t echo "hello world" echo hello world
t echo-n "no newline" echo -n "no newline"
t sh-for "$(printf '1\n2\n3')" sh -c 'for i in 1 2 3; do echo $i; done'
t sh-arith "42 7 -3 1024 1" sh -c 'echo $((6*7)) $((100/14)) $((5-8)) $((1<<10)) $((3>2))'
t sh-vars "x=abc len=3 def" sh -c 'v=abc; echo x=$v len=${#v} ${u:-def}'
t sh-if "yes no" sh -c 'if [ 3 -gt 2 ]; then printf yes; fi; if [ a = b ]; then :; else echo " no"; fi'
t sh-func "6" sh -c 'f() { echo $(($1 * 2)); }; f 3'
t sh-while "10" sh -c 'i=0; s=0; while [ $i -lt 5 ]; do s=$((s+i)); i=$((i+1)); done; echo $s'
t sh-case "two" sh -c 'case b in a) echo one;; b) echo two;; esac'
t sh-exit-status "1 0" sh -c 'false; a=$?; true; echo $a $?'
t ls "$(printf 'a.txt\nb.txt\nc.dat\nsub')" ls "$work/dir"
t ls-glob "$(printf '%s\n' "$work/dir/a.txt" "$work/dir/b.txt")" sh -c "ls $work/dir/*.txt"
t sha256sum "$(sha256sum "$work/big")" sha256sum "$work/big"
t md5sum "$(md5sum "$work/big")" md5sum "$work/big"
t gzip-roundtrip-sh "$(sha256sum <"$work/big")" \
    sh -c "gzip -c $work/big | gunzip -c | sha256sum"
# Host pipes: compress under the emulator, decompress under it again.
got=$(bbrun gzip -c <"$work/big" | bbrun gunzip -c | sha256sum)
record gzip-roundtrip-pipe "$(sha256sum <"$work/big")" "$got" "${PIPESTATUS[0]}"
got=$(bbrun gzip -9 -c <"$work/big" | gunzip -c | sha256sum)
record gzip-host-gunzip "$(sha256sum <"$work/big")" "$got" "${PIPESTATUS[0]}"
t sort "$(sort "$work/fruits")" sort "$work/fruits"
t sort-n-u "$(printf '3\n5\n10')" sort -n -u "$work/numbers"
t sort-r "$(sort -r "$work/fruits")" sort -r "$work/fruits"
t awk "$(printf '3 one\n2 four\n1 six')" awk '{ print NF, $1 }' "$work/words"
t awk-sum "2001000" awk '{ s += $1 } END { print s }' "$work/big"
t awk-printf "  3.14|x" awk 'BEGIN { printf "%6.2f|%s\n", 3.14159, "x" }'
t sed "$(printf 'one 2 three\nfour five\nsix')" sed 's/two/2/' "$work/words"
t sed-n "four five" sed -n '2p' "$work/words"
t od "$(od -A x -t x1 "$work/bytes")" od -A x -t x1 "$work/bytes"
t od-c "$(printf '0000000 001 002\n0000002')" sh -c "printf '\\001\\002' | od -b"
t printf "[  42] ff 3.50 str" printf '[%4d] %x %.2f %s' 42 255 3.5 str
t wc "        3         6        28" sh -c "wc < $work/words"
t wc-l "2000 $work/big" wc -l "$work/big"
t head "$(head -n 3 "$work/big")" head -n 3 "$work/big"
t tail "$(tail -n 2 "$work/big")" tail -n 2 "$work/big"
t tr "HELLO" sh -c "echo hello | tr a-z A-Z"
t tr-d "hll" sh -c "echo hello | tr -d eo"
t cut "$(printf 'b\ne')" cut -d: -f2 "$work/colon"
t grep "1999 the quick brown fox" grep '^1999 ' "$work/big"
t grep-c "20" grep -c -E '^(1[0-9]|1[0-9]0) ' "$work/big"
t expr "42" expr 6 \* 7
t expr-match "3" expr abcdef : 'abc'
t seq "$(seq 2 3 14)" seq 2 3 14
t basename "file.txt" basename /some/dir/file.txt
t dirname "/some/dir" dirname /some/dir/file.txt
t cat "$(cat "$work/words")" cat "$work/words"
t cat-big "$(sha256sum <"$work/big")" sh -c "cat $work/big | sha256sum"
ti cat-stdin "$(cat "$work/colon")" "$work/colon" cat
t uniq "$(printf 'apple\nbanana\ncherry')" sh -c "sort $work/fruits | grep -v '^[0-9]' | uniq"
t rev-tac "$(printf 'six\nfour five\none two three')" tac "$work/words"
t true "" true
t test-status "1" sh -c "false; echo \$?"
t mkdir-rm "ok" sh -c "cd $work && mkdir -p x/y/z && rm -r x && [ ! -e x ] && echo ok"
t file-redirect "$(printf 'a\nb')" sh -c "cd $work && echo a > f && echo b >> f && cat f"
t xargs "1 2 3" sh -c "printf '1\n2\n3\n' | xargs echo"

echo "$tag: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
