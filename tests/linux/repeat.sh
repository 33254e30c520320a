#!/bin/sh
# Run one self-checking guest program N times under each engine; every
# run must exit 0 with its closing "all passed" line.
#   repeat.sh N PROGRAM RESULT_FILE
# The emulator is $KEMU_ARM (default build/kemu-arm, then also
# "build/kemu-arm --engine interp").  Appends one PASS/FAIL line per
# engine: NAME-repeatN[-interp].
n="$1"; prog="$2"; results="$3"
if [ -z "$n" ] || [ -z "$prog" ] || [ -z "$results" ]; then
    echo "usage: $0 N PROGRAM RESULT_FILE" >&2
    exit 2
fi
name=$(basename "$prog")
if [ -n "$KEMU_ARM" ]; then
    set -- "$KEMU_ARM"
else
    set -- "build/kemu-arm" "build/kemu-arm --engine interp"
fi
status=0
for emu in "$@"; do
    tag="$name-repeat$n"
    case "$emu" in *interp*) tag="$tag-interp" ;; esac
    bad=0
    i=0
    while [ $i -lt "$n" ]; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        out=$(timeout -k 5 600 $emu "$prog" 2>&1)
        rc=$?
        if [ $rc != 0 ] || ! echo "$out" | tail -n 1 | grep -q ': [0-9]* checks, all passed$'; then
            echo "$tag: run $i failed (exit $rc)"
            echo "$out" | grep -v '^ok ' | tail -n 5
            bad=$((bad + 1))
        fi
    done
    if [ $bad = 0 ]; then
        echo "PASS $tag" >>"$results"
        echo "$tag: $n of $n runs passed"
    else
        echo "FAIL $tag" >>"$results"
        echo "$tag: $bad of $n runs failed"
        status=1
    fi
done
exit $status
