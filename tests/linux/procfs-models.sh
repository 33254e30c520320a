#!/bin/sh
# /proc/cpuinfo per ARM model: tests/linux/procfs run with -cpu MODEL must
# pass with the model's MIDR part and architecture, and the Features line
# must carry vfp/neon exactly when the model has them.
#   procfs-models.sh PROCFS_PROG RESULT_FILE
prog="$1"; results="$2"
emu="${KEMU_ARM:-build/kemu-arm}"
mkdir -p "$(dirname "$results")"
pass=0; fail=0
out=$(mktemp "${TMPDIR:-/tmp}/kemu-procfs.XXXXXX") || exit 2
trap 'rm -f "$out"' EXIT

# model part arch has-vfp has-neon
for row in "arm926 0x926 5TEJ no no" "arm1136 0xb36 6TEJ yes no" \
           "cortex-a8 0xc08 7 yes yes" "cortex-a9 0xc09 7 yes yes" \
           "cortex-a15 0xc0f 7 yes yes"; do
    set -- $row
    model=$1
    # shellcheck disable=SC2086
    PROCFS_EXPECT_PART=$2 PROCFS_EXPECT_ARCH=$3 timeout 60 $emu -cpu "$model" \
        "$prog" >"$out" 2>&1
    st=$?
    feats=$(grep -c '^ok cpuinfo: every' "$out")
    vfp=no
    grep -q '^features: .*vfp ' "$out" && vfp=yes
    neon=no
    grep -q '^features: .*neon' "$out" && neon=yes
    if [ "$st" = 0 ] && tail -n 1 "$out" | grep -q 'all passed$' &&
       [ "$feats" = 2 ] && [ "$vfp" = "$4" ] && [ "$neon" = "$5" ]; then
        echo "PASS procfs-cpuinfo-$model" >>"$results"; pass=$((pass + 1))
    else
        echo "FAIL procfs-cpuinfo-$model" >>"$results"; fail=$((fail + 1))
        echo "FAIL procfs-cpuinfo-$model: status $st, vfp $vfp (want $4), neon $neon (want $5)"
        grep -v '^ok ' "$out" | tail -n 5 | sed 's/^/    /'
    fi
done
echo "procfs-models: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
