#!/bin/sh
# run.sh KEMU NAME RESULTS EXPECT ARGS...: run a bare-metal program on
# the Malta board with -semihosting, require its UART output to equal
# EXPECT and exit status 0; append PASS/FAIL NAME to RESULTS.
kemu=$1 name=$2 results=$3 expect=$4
shift 4
out=$(mktemp)
timeout 30 "$kemu" -M malta -nographic -semihosting "$@" > "$out" 2>&1
status=$?
if [ $status -eq 0 ] && cmp -s "$out" "$expect"; then
    echo "PASS $name" >> "$results"
    rm -f "$out"
    exit 0
fi
echo "FAIL $name (exit $status)" >&2
diff "$expect" "$out" | head -20 >&2
echo "FAIL $name" >> "$results"
rm -f "$out"
exit 1
