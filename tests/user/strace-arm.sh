#!/bin/bash
# -strace argument decoding, on Debian's static busybox for armel (the
# same download as busybox-arm.sh): strings quoted and cut, open/AT/statx
# flags, clocks and tty ioctls by name, pointers with all their digits, buffers of write shown, errors as
# "-1 errno=N (text)", signals by name, open's mode only with O_CREAT.
#   strace-arm.sh RESULT_FILE
results="${1:-build/test-results/strace-arm.txt}"
emu="${KEMU_ARM:-build/kemu-arm}"
dl=build/downloads
bb="${BUSYBOX:-$dl/busybox-armel/bin/busybox}"
mkdir -p "$dl" "$(dirname "$results")"

if [ ! -x "$bb" ]; then
    deb=$(ls "$dl"/busybox-static_*_armel.deb 2>/dev/null | head -n 1)
    if [ -z "$deb" ]; then
        (cd "$dl" && apt-get download -qq busybox-static:armel) 2>/dev/null
        deb=$(ls "$dl"/busybox-static_*_armel.deb 2>/dev/null | head -n 1)
    fi
    [ -n "$deb" ] && rm -rf "$dl/busybox-armel" && dpkg -x "$deb" "$dl/busybox-armel"
fi
if [ ! -x "$bb" ]; then
    echo "strace-arm: cannot fetch busybox-static:armel (run check-busybox-arm once)" >&2
    echo "FAIL strace-fetch" >>"$results"
    exit 1
fi

# The trace runs in a scratch directory: name both by full paths.
# shellcheck disable=SC2086
set -- $emu
emu="$(command -v "$1" || echo "$1") ${*:2}"
case "$emu" in /*) ;; *) emu="$PWD/$emu" ;; esac
bb=$(realpath "$bb")

work=$(mktemp -d "${TMPDIR:-/tmp}/kemu-strace.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
pass=0; fail=0
mkdir "$work/dir" "$work/dir/sub"
echo hi >"$work/dir/a"

# trace NAME ARGS...: busybox ARGS under -strace; the trace in $err.
trace() {
    # shellcheck disable=SC2086
    (cd "$work" && timeout -k 5 60 $emu -strace "$bb" "$@" \
        >"$work/out" 2>"$work/err" </dev/null)
    status=$?
}

# expect NAME ERE: one line of the last trace matches ERE (whole line
# after the pid).
expect() {
    if sed -E 's/^[0-9]+ //' "$work/err" | grep -qE "^($2)\$"; then
        echo "PASS strace-$1" >>"$results"; pass=$((pass + 1))
    else
        echo "FAIL strace-$1" >>"$results"; fail=$((fail + 1))
        echo "FAIL strace-$1: no line matching: $2"
        grep -E "${2%%\\(*}" "$work/err" | head -n 5 | sed 's/^/    /'
    fi
}

trace ls dir
expect ls-status "exit_group\\(0\\)"
expect openat-dir 'openat\(AT_FDCWD,"dir",O_RDONLY\|O_DIRECTORY(\|O_[A-Z]+)*\) = [0-9]+'
fd=$(sed -nE 's/.*openat\(AT_FDCWD,"dir",[^)]*\) = ([0-9]+)$/\1/p' "$work/err")
expect getdents64 "getdents64\\($fd,0x[0-9a-f]+,[0-9]+\\) = [1-9][0-9]*"
expect getdents64-end "getdents64\\($fd,0x[0-9a-f]+,[0-9]+\\) = 0"
expect write-buffer 'write\(1,"a\\nsub\\n",6\) = 6'
expect statx-flags 'statx\(AT_FDCWD,"dir/sub",AT_NO_AUTOMOUNT\|AT_SYMLINK_NOFOLLOW,STATX_BASIC_STATS,0x[0-9a-f]+\) = 0'
expect ioctl-name 'ioctl\(1,TCGETS,0x[0-9a-f]{8}\) = -1 errno=25 \(Inappropriate ioctl for device\)'
expect mprotect 'mprotect\(0x[0-9a-f]{8},[0-9]+,PROT_READ\) = 0'
expect brk-null 'brk\(NULL\) = 0x[0-9a-f]{8}'
expect clock-name 'clock_gettime(64)?\(CLOCK_[A-Z_]+,0x[0-9a-f]+\) = 0'

trace ls /no/such/dir
expect error 'statx\(AT_FDCWD,"/no/such/dir",AT_NO_AUTOMOUNT,STATX_BASIC_STATS,0x[0-9a-f]+\) = -1 errno=2 \(No such file or directory\)'
# (the guest's own message lands on stderr between the call and " = 44")
expect write-cut 'write\(2,"ls: /no/such/dir: No such file o"\.\.\.,44\)ls: .*'

trace touch newfile
expect open-mode 'openat\(AT_FDCWD,"newfile",O_RDWR\|O_CREAT(\|O_[A-Z]+)*,0666\) = [0-9]+'

trace sh -c 'trap "" USR1; kill -USR1 $$'
expect signal-name 'kill\([0-9]+,SIGUSR1\) = 0'
expect sigaction-name 'rt_sigaction\(SIGUSR1,0x[0-9a-f]+,(NULL|0x[0-9a-f]+),8\) = 0'

echo "strace-arm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
