#!/bin/sh
# Sum up the result files of every suite: each line is "PASS name" or
# "FAIL name".  Prints the failures and a closing "N passed, N failed".
dir="$1"
pass=$(cat "$dir"/*.txt 2>/dev/null | grep -c '^PASS ')
fail=$(cat "$dir"/*.txt 2>/dev/null | grep -c '^FAIL ')
if [ "$fail" -gt 0 ]; then
    echo "failed tests:"
    cat "$dir"/*.txt | grep '^FAIL ' | sed 's/^FAIL /  /'
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
