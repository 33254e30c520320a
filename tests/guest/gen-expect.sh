#!/bin/sh
# Rewrite the host-expect table of guest test sources: build each one for
# the host with -DHOST_GEN, run it, and put the values its EXPECT_HOST
# calls printed between the "host-expect begin/end" markers.
#   tests/guest/gen-expect.sh tests/guest/arm/FOO.c ...
# Only for portable C (fixed-width types, no inline assembly).
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in "$@"; do
    gcc -O1 -DHOST_GEN -fno-strict-aliasing -funsigned-char -I"$(dirname "$src")" \
        -o "$tmp/host" "$src" -lm -lpthread
    (cd "$tmp" && ./host first "second arg" "" >/dev/null 2>"$tmp/err") || true
    grep '^EXPECT ' "$tmp/err" | sed 's/^EXPECT /    /' >"$tmp/table"
    awk -v table="$tmp/table" '
        /host-expect end/ { skip = 0 }
        !skip { print }
        /host-expect begin/ { while ((getline l < table) > 0) print l; skip = 1 }
    ' "$src" >"$tmp/new"
    cp "$tmp/new" "$src"
    echo "$src: $(wc -l <"$tmp/table") values"
done
