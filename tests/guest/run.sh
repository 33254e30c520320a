#!/bin/sh
# Run every built guest program of one directory and record the results.
#   run.sh BIN_DIR RESULT_FILE
# The emulator is $KEMU_ARM (default build/kemu-arm).  With the default,
# each program also runs under the interpreter engine ($KEMU_ARM_INTERP,
# default "build/kemu-arm --engine interp") and both runs must print the
# same stdout.  A program passes when it exits with its expected status
# (0, or the one listed in tests/guest/arm/status.txt) and prints its
# closing "all passed" line.  Appends "PASS name"/"FAIL name" lines.
here=$(dirname "$0")
bindir="$1"
results="$2"
if [ -z "$bindir" ] || [ -z "$results" ]; then
    echo "usage: $0 BIN_DIR RESULT_FILE" >&2
    exit 2
fi

if [ -n "$KEMU_ARM" ]; then
    emu="$KEMU_ARM"
    interp=""
else
    emu="build/kemu-arm"
    interp="${KEMU_ARM_INTERP:-build/kemu-arm --engine interp}"
fi
status_file="$here/arm/status.txt"
timeout="${GUEST_TIMEOUT:-60}"

work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-guest.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$results")"

# The status a program is expected to exit with: programs are named
# SOURCE-VARIANT, status.txt lists "SOURCE STATUS".
expected_status() {
    src=$(echo "$1" | sed -E 's/-(thumb-)?O[0-9s]$//')
    st=$(awk -v n="$src" '$1 == n { print $2 }' "$status_file" 2>/dev/null)
    echo "${st:-0}"
}

# Runs one program under one emulator command; stdout to $2, stderr to $3;
# prints the exit status.  Arguments and one environment variable are fixed
# so the argv/envp test can check them.
run_one() {
    prog="$1"; out="$2"; err="$3"; shift 3
    # $emu is deliberately split into words: it may carry options.
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
            diff "$work/out" "$work/out2" | head -n 10
        fi
    fi

    if [ -z "$why" ]; then
        echo "PASS $name" >>"$results"
        pass=$((pass + 1))
    else
        echo "FAIL $name" >>"$results"
        echo "FAIL $name: $why"
        grep -v '^ok ' "$work/out" | tail -n 5 | sed 's/^/    /'
        tail -n 3 "$work/err" | sed 's/^/    stderr: /'
        fail=$((fail + 1))
    fi
done

echo "guest-arm: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
