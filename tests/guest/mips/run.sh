#!/bin/sh
# Run every built MIPS guest program of one directory under one kemu
# target, with both engines, and record the results.
#   run.sh ARCH BIN_DIR RESULT_FILE
# ARCH is mips, mipsel, mips64 or mips64el; the emulator is
# build/kemu-ARCH (KEMU_MIPS overrides it, and then the interpreter
# cross-check is skipped).  A program passes when it exits with its
# expected status (0, or the one listed in status.txt next to this
# script), prints its closing "all passed" line (when it exits 0), and
# both engines print the same stdout.
here=$(dirname "$0")
arch="$1"; bindir="$2"; results="$3"
if [ -z "$arch" ] || [ -z "$bindir" ] || [ -z "$results" ]; then
    echo "usage: $0 ARCH BIN_DIR RESULT_FILE" >&2
    exit 2
fi
if [ -n "$KEMU_MIPS" ]; then
    emu="$KEMU_MIPS"; interp=""
else
    emu="build/kemu-$arch"; interp="build/kemu-$arch --engine interp"
fi
timeout="${GUEST_TIMEOUT:-60}"
work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-mips.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$results")"

expected_status() {
    src=$(echo "$1" | sed -E 's/-O[0-9s]$//')
    st=$(awk -v n="$src" '$1 == n { print $2 }' "$here/status.txt" 2>/dev/null)
    echo "${st:-0}"
}

run_one() {
    prog="$1"; out="$2"; err="$3"; shift 3
    # shellcheck disable=SC2086
    env KEMU_GUEST_VAR=guest-value timeout -k 5 "$timeout" $* "$prog" \
        first "second arg" "" >"$out" 2>"$err" </dev/null
    echo $?
}

pass=0; fail=0
for prog in "$bindir"/*; do
    [ -f "$prog" ] && [ -x "$prog" ] || continue
    name=$(basename "$prog")
    want=$(expected_status "$name")
    why=""
    got=$(run_one "$prog" "$work/out" "$work/err" $emu)
    if [ "$got" != "$want" ]; then
        why="exit status $got, expected $want"
    elif [ "$want" = 0 ] && ! tail -n 1 "$work/out" | grep -q ': [0-9]* checks, all passed$'; then
        why="no closing 'all passed' line"
    fi
    if [ -z "$why" ] && [ -n "$interp" ]; then
        got2=$(run_one "$prog" "$work/out2" "$work/err2" $interp)
        if [ "$got2" != "$want" ]; then
            why="interpreter engine: exit status $got2, expected $want"
        elif ! cmp -s "$work/out" "$work/out2"; then
            why="engines print different stdout"
        fi
    fi
    if [ -z "$why" ]; then
        echo "PASS $arch/$name" >>"$results"; pass=$((pass + 1))
    else
        echo "FAIL $arch/$name" >>"$results"; fail=$((fail + 1))
        echo "FAIL $arch/$name: $why" >&2
        tail -n 3 "$work/out" "$work/err" >&2
    fi
done
echo "$arch guest programs: $pass passed, $fail failed"
[ "$fail" = 0 ]
