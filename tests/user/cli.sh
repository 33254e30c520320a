#!/bin/bash
# kemu-arm's command line: options QEMU users know, and how guest faults
# end the run.
#   cli.sh PROG_DIR RESULT_FILE
# PROG_DIR holds the programs built from tests/user/cli-progs/.  The
# emulator is $KEMU_ARM (default build/kemu-arm).
progs="$1"
results="$2"
emu="${KEMU_ARM:-build/kemu-arm}"
mkdir -p "$(dirname "$results")"
work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-cli.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# run ARGS...: the emulator with ARGS; stdout, stderr and status land in
# $out, $err and $status.
run() {
    # $emu may carry options: split on purpose.
    # shellcheck disable=SC2086
    # The braces keep the shell's own "Illegal instruction" report away.
    { timeout -k 5 60 $emu "$@" >"$work/out" 2>"$work/err" </dev/null
      status=$?; } 2>/dev/null
    out=$(cat "$work/out")
    err=$(cat "$work/err")
}

# check NAME CONDITION-DESCRIPTION: records the result of the last test
# command (0 = pass), printing what was seen on failure.
check() {
    if [ "$1" = 0 ]; then
        echo "PASS cli-$2" >>"$results"
        pass=$((pass + 1))
    else
        echo "FAIL cli-$2" >>"$results"
        echo "FAIL cli-$2: $3 (status $status)"
        printf '%s\n' "$out" | head -n 5 | sed 's/^/    stdout: /'
        printf '%s\n' "$err" | head -n 5 | sed 's/^/    stderr: /'
        fail=$((fail + 1))
    fi
}

lines() { [ -z "$1" ] && echo 0 || printf '%s\n' "$1" | wc -l; }

run -version
[ "$status" = 0 ] && printf '%s' "$out" | grep -qi 'version.*[0-9]'
check $? version "expected a version line and status 0"

run -h
[ "$status" = 0 ] && printf '%s\n' "$out" | grep -qi 'usage' &&
    printf '%s\n' "$out" | grep -q -- '-strace'
check $? help "expected usage listing -strace, status 0"

run -no-such-option "$progs/tiny"
[ "$status" = 1 ] && [ "$(lines "$err")" = 1 ] && printf '%s' "$err" | grep -q -- 'no-such-option'
check $? unknown-option "expected one line naming the option, status 1"

run "$work/does-not-exist"
[ "$status" = 1 ] && [ "$(lines "$err")" = 1 ] && printf '%s' "$err" | grep -q 'does-not-exist'
check $? missing-program "expected one line naming the program, status 1"

run
[ "$status" = 1 ] && [ -n "$err" ]
check $? no-program "expected an error and status 1 without a program"

run "$progs/tiny"
[ "$status" = 0 ] && [ "$out" = "tiny says hi" ]
check $? tiny-runs "expected 'tiny says hi' and status 0"

entry=$(arm-linux-gnueabi-readelf -h "$progs/tiny" | awk '/Entry/ { print $4 }' | sed 's/^0x//')
run -d in_asm "$progs/tiny"
[ "$status" = 0 ] && [ "$out" = "tiny says hi" ] &&
    printf '%s\n' "$err" | grep -qiE "(0x)?0*$entry" &&
    printf '%s\n' "$err" | grep -qiE '\<(mov|svc|swi)\>'
check $? d-in_asm "expected disassembly with the entry address $entry and mnemonics"

# Listing requests: the list matters, not the status (QEMU exits 1).
run -d help
printf '%s\n%s\n' "$out" "$err" | grep -q 'in_asm' &&
    [ "$(lines "$out$err")" -ge 3 ]
check $? d-help "expected a list of log items including in_asm"

run -strace "$progs/tiny"
[ "$status" = 0 ] && [ "$out" = "tiny says hi" ] &&
    printf '%s\n' "$err" | grep -qE 'write\(1,.*\) = 13' &&
    printf '%s\n' "$err" | grep -q 'exit_group(0)'
check $? strace "expected write(1,...) = 13 and exit_group(0) on stderr"

run -E KEMU_CLI_FOO=bar "$progs/env" KEMU_CLI_FOO
[ "$status" = 0 ] && [ "$out" = "KEMU_CLI_FOO=bar" ]
check $? env-set "expected KEMU_CLI_FOO=bar in the guest"

export KEMU_CLI_GONE=present
run -U KEMU_CLI_GONE "$progs/env" KEMU_CLI_GONE
[ "$status" = 0 ] && [ "$out" = "KEMU_CLI_GONE unset" ]
check $? env-unset "expected KEMU_CLI_GONE removed from the guest"

run "$progs/env" KEMU_CLI_GONE
[ "$status" = 0 ] && [ "$out" = "KEMU_CLI_GONE=present" ]
check $? env-inherit "expected the host environment passed through"
unset KEMU_CLI_GONE

run -cpu help
[ "$(lines "$out$err")" -ge 2 ] &&
    printf '%s\n%s\n' "$out" "$err" | grep -qiE 'arm|cortex'
check $? cpu-help "expected a list of ARM CPU models"

run -cpu no-such-cpu "$progs/tiny"
[ "$status" = 1 ] && [ "$(lines "$err")" = 1 ]
check $? cpu-unknown "expected one line and status 1 for an unknown model"

pc=$(arm-linux-gnueabi-nm "$progs/illegal" | awk '$3 == "illegal_insn" { print $1 }' | sed 's/^0*//')
run "$progs/illegal"
[ "$status" = 132 ] && [ "$(lines "$err")" = 1 ] && printf '%s' "$err" | grep -qiE "(0x)?0*$pc"
check $? illegal-instruction "expected status 132 and one line naming pc $pc"

run "$progs/wild"
[ "$status" = 139 ]
check $? wild-jump "expected status 139 (SIGSEGV)"

# Only 0, 1 and 2 inherited (Python's subprocess closes the rest): the
# guest sees those three and nothing of kemu's own (the code buffer), so
# its first open() gets 3.
for engine in "" "--engine interp"; do
    # shellcheck disable=SC2086
    out=$(/usr/bin/python3 -c 'import subprocess, sys
sys.exit(subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL).returncode)' \
        $emu $engine "$progs/fds" 2>"$work/err")
    status=$?; err=$(cat "$work/err")
    [ "$status" = 0 ] && [ "$out" = "$(printf 'open: 0 1 2\nnext: 3')" ]
    check $? "guest-fds${engine:+-interp}" "expected only 0 1 2 open and 3 next"
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
