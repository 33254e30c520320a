# Fetching Debian's Malta kernel and busybox-static for the Malta boot
# tests (sourced by linux-malta.sh and malta-devices.sh).  Expects $arch
# (mipsel, mips64el), $flavour (4kc-malta, 5kc-malta) and $dl (the
# download directory); fetch_kernel unpacks the kernel package into
# $dl/malta-kernel-$arch, fetch_busybox busybox-static into
# $dl/busybox-$arch.  Both return non-zero when the package cannot be had.

fetch_kernel() {
    local sudo="" pkg
    [ "$(id -u)" = 0 ] || sudo=sudo
    if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        $sudo dpkg --add-architecture "$arch" || return 1
        $sudo apt-get update -qq || return 1
    fi
    # linux-image-FLAVOUR depends on linux-image-<version>-FLAVOUR.
    pkg=$(apt-cache depends "linux-image-$flavour:$arch" 2>/dev/null |
          sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n 1)
    [ -n "$pkg" ] || return 1
    if ! ls "$dl"/"$pkg"_*_$arch.deb >/dev/null 2>&1; then
        (cd "$dl" && apt-get download -qq "$pkg:$arch" 2>/dev/null) ||
            { $sudo apt-get update -qq &&
              (cd "$dl" && apt-get download -qq "$pkg:$arch" 2>/dev/null); } ||
            return 1
    fi
    rm -rf "$dl/malta-kernel-$arch"
    dpkg -x "$(ls "$dl"/"$pkg"_*_$arch.deb | head -n 1)" "$dl/malta-kernel-$arch"
}

fetch_busybox() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    if ! ls "$dl"/busybox-static_*_$arch.deb >/dev/null 2>&1; then
        (cd "$dl" && apt-get download -qq "busybox-static:$arch" 2>/dev/null) ||
            { $sudo apt-get update -qq &&
              (cd "$dl" && apt-get download -qq "busybox-static:$arch" 2>/dev/null); } ||
            return 1
    fi
    rm -rf "$dl/busybox-$arch"
    dpkg -x "$(ls "$dl"/busybox-static_*_$arch.deb | head -n 1)" "$dl/busybox-$arch"
}
