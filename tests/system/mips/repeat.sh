#!/bin/bash
# repeat.sh COUNT KEMU NAME RESULTS EXPECT ARGS...: run a bare-metal
# program COUNT times; every run must print exactly EXPECT (up to its
# last byte) and exit 0.  Catches output lost when the guest's exit
# request races its final UART writes (stdout is a pipe, as when a
# script reads the console: that timing shows the race best).
count=$1 kemu=$2 name=$3 results=$4 expect=$5
shift 5
out=$(mktemp)
i=0
while [ $i -lt "$count" ]; do
    timeout 30 "$kemu" -M malta -nographic -semihosting "$@" 2>&1 | cat > "$out"
    if [ "${PIPESTATUS[0]}" != 0 ] || ! cmp -s "$out" "$expect"; then
        echo "FAIL $name (run $((i + 1)) of $count)" >&2
        diff "$expect" "$out" | head -20 >&2
        echo "FAIL $name" >> "$results"
        rm -f "$out"
        exit 1
    fi
    i=$((i + 1))
done
echo "PASS $name" >> "$results"
rm -f "$out"
