#!/usr/bin/python3
"""Boot Debian's Malta kernel with a busybox initramfs on
kemu-system-mipsel (or the emulator in KEMU_SYSTEM_MIPSEL, with the CPU
in MALTA_CPU) -M malta, wait for the shell, send `echo $((6*7))`,
read 42, send `poweroff -f` and require kemu to exit with status 0.

    linux_malta_shell.py KERNEL BUSYBOX RESULTS [TEST_NAME]

The initramfs (newc cpio, gzip) is written here: /init mounts /proc,
prints a marker and execs the busybox shell on the console."""
import gzip
import os
import select
import subprocess
import sys
import tempfile
import time

KEMU = os.environ.get("KEMU_SYSTEM_MIPSEL", "build/kemu-system-mipsel")
LIMIT = float(os.environ.get("MALTA_BOOT_LIMIT", "300"))
CPU = ["-cpu", os.environ["MALTA_CPU"]] if os.environ.get("MALTA_CPU") else []


def cpio_entry(name, mode, data=b"", ino=1, rdev=(0, 0)):
    nb = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(nb), 0)
    out = b"070701" + "".join("%08x" % f for f in fields).encode() + nb
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)
    return out


def initramfs(busybox, path):
    init = (b"#!/bin/busybox sh\n/bin/busybox mount -t proc proc /proc\n"
            b"echo KEMU-SHELL-READY\nexec /bin/busybox sh\n")
    parts = [cpio_entry("bin", 0o040755, ino=1), cpio_entry("proc", 0o040755, ino=2),
             cpio_entry("dev", 0o040755, ino=3),
             cpio_entry("dev/console", 0o020600, ino=4, rdev=(5, 1)),
             cpio_entry("bin/busybox", 0o100755, open(busybox, "rb").read(), ino=5),
             cpio_entry("bin/sh", 0o120777, b"busybox", ino=6),
             cpio_entry("init", 0o100755, init, ino=7),
             cpio_entry("TRAILER!!!", 0, ino=0)]
    data = b"".join(parts)
    data += b"\0" * (-len(data) % 512)
    with open(path, "wb") as f:
        f.write(gzip.compress(data))


def main():
    kernel, busybox, results = sys.argv[1:4]
    name = sys.argv[4] if len(sys.argv) > 4 else "linux-malta-shell"
    ok = False
    with tempfile.TemporaryDirectory(prefix="kemu-malta-") as tmp:
        rd = os.path.join(tmp, "initrd.gz")
        initramfs(busybox, rd)
        p = subprocess.Popen([KEMU, "-M", "malta", "-m", "256", "-nographic"] + CPU + [
                              "-kernel", kernel, "-initrd", rd,
                              "-append", "console=ttyS0 nokaslr"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        out = b""
        end = time.time() + LIMIT

        def wait_for(marker):
            nonlocal out
            while time.time() < end:
                if marker in out:
                    return True
                r, _, _ = select.select([p.stdout], [], [], 0.5)
                if r:
                    chunk = os.read(p.stdout.fileno(), 65536)
                    if not chunk:
                        return marker in out
                    out += chunk
            return False

        try:
            step = "shell"
            if wait_for(b"KEMU-SHELL-READY") and wait_for(b"# "):
                step = "42"
                mark = len(out)
                p.stdin.write(b"echo $((6*7))\n")
                p.stdin.flush()
                if wait_for(b"\n42\r\n") or b"\n42" in out[mark:]:
                    step = "exit"
                    p.stdin.write(b"poweroff -f\n")
                    p.stdin.flush()
                    try:
                        status = p.wait(max(1, end - time.time()))
                        ok = status == 0
                        step = "exit status %d" % status
                    except subprocess.TimeoutExpired:
                        pass
            if not ok:
                sys.stderr.write("%s: failed at %s\n" % (name, step))
                sys.stderr.write(out[-2000:].decode(errors="replace"))
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
    with open(results, "a") as f:
        f.write("%s %s\n" % ("PASS" if ok else "FAIL", name))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
