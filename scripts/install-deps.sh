#!/bin/sh
# Install the Debian packages kemu needs, only those missing.
#   install-deps.sh build   compilers and libraries to build kemu
#   install-deps.sh test    plus cross compilers and test tools
set -e
build_pkgs="gcc make libc6-dev libcapstone-dev libjansson-dev"
test_pkgs="gcc-arm-linux-gnueabi libc6-dev-armel-cross binutils-arm-linux-gnueabi
python3-pytest gdb-multiarch clang
gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
gcc-mips-linux-gnu gcc-mipsel-linux-gnu gcc-mips64el-linux-gnuabi64
gcc-mips64-linux-gnuabi64 libc6-dev-mips-cross libc6-dev-mipsel-cross
libc6-dev-mips64el-cross libc6-dev-mips64-cross"

case "$1" in
    build) pkgs="$build_pkgs" ;;
    test) pkgs="$build_pkgs $test_pkgs" ;;
    *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $missing
