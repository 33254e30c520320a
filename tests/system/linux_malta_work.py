#!/usr/bin/python3
"""Boot Debian's Malta kernel with the busybox initramfs of
linux_malta_shell.py and run user-space work in the shell: checksums of
the busybox binary read from the initramfs, a pipeline through gzip and
gunzip, a loop of child shells, all compared with what the host computes
from the same files.  Many processes, pipes, TLB refills and address-space
switches under the soft MMU.

    linux_malta_work.py KERNEL BUSYBOX RESULTS [TEST_NAME]

KEMU_SYSTEM_MIPSEL names the emulator, MALTA_CPU adds -cpu, MALTA_ENGINE
adds -engine."""
import hashlib
import os
import select
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from linux_malta_shell import initramfs  # noqa: E402

KEMU = os.environ.get("KEMU_SYSTEM_MIPSEL", "build/kemu-system-mipsel")
LIMIT = float(os.environ.get("MALTA_BOOT_LIMIT", "300"))
CPU = ["-cpu", os.environ["MALTA_CPU"]] if os.environ.get("MALTA_CPU") else []
ENGINE = ["-engine", os.environ["MALTA_ENGINE"]] if os.environ.get("MALTA_ENGINE") else []


def main():
    kernel, busybox, results = sys.argv[1:4]
    name = sys.argv[4] if len(sys.argv) > 4 else "linux-malta-workload"
    data = open(busybox, "rb").read()
    seq = "".join("%d\n" % i for i in range(1, 2001)).encode()
    steps = [
        ("busybox sha256sum /bin/busybox",
         hashlib.sha256(data).hexdigest() + "  /bin/busybox"),
        ("busybox seq 1 2000 | busybox md5sum", hashlib.md5(seq).hexdigest() + "  -"),
        ("busybox cat /bin/busybox | busybox gzip -1 | busybox gunzip | busybox md5sum",
         hashlib.md5(data).hexdigest() + "  -"),
        ("for i in 1 2 3 4 5 6 7 8 9 10; do busybox sh -c 'echo $((7*$$/$$))'; done"
         " | busybox wc -l", "10"),
    ]
    ok = False
    why = "no shell"
    with tempfile.TemporaryDirectory(prefix="kemu-malta-") as tmp:
        rd = os.path.join(tmp, "initrd.gz")
        initramfs(busybox, rd)
        p = subprocess.Popen([KEMU] + ENGINE + ["-M", "malta", "-m", "256", "-nographic"] + CPU + [
                                                "-kernel", kernel, "-initrd", rd,
                                                "-append", "console=ttyS0 nokaslr"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        out = b""
        end = time.time() + LIMIT

        def wait_for(marker, start=0):
            nonlocal out
            while time.time() < end:
                if marker in out[start:]:
                    return True
                r, _, _ = select.select([p.stdout], [], [], 0.5)
                if r:
                    chunk = os.read(p.stdout.fileno(), 65536)
                    if not chunk:
                        return marker in out[start:]
                    out += chunk
            return False

        try:
            if wait_for(b"KEMU-SHELL-READY") and wait_for(b"# ", out.index(b"KEMU-SHELL-READY")):
                ok = True
                for i, (cmd, want) in enumerate(steps):
                    # One command per line, each after the previous prompt
                    # (the console takes a line at a time).
                    mark = len(out)
                    p.stdin.write(("%s; echo STEP-$((%d+1))-END\n" % (cmd, i)).encode())
                    p.stdin.flush()
                    if not wait_for(b"STEP-%d-END\r\n" % (i + 1), mark) or \
                            not wait_for(b"# ", out.index(b"STEP-%d-END\r\n" % (i + 1), mark)):
                        ok, why = False, "no answer to: " + cmd
                        break
                    got = out[mark:].decode(errors="replace").replace("\r", "")
                    lines = [l.strip() for l in got.split("\n")]
                    if want not in lines:
                        ok, why = False, "%s: want %r in %r" % (cmd, want, lines[-6:])
                        break
            if ok:
                p.stdin.write(b"poweroff -f\n")
                p.stdin.flush()
                if p.wait(60) != 0:
                    ok, why = False, "exit status %d" % p.returncode
        except subprocess.TimeoutExpired:
            ok, why = False, "no exit after poweroff -f"
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
    if not ok:
        sys.stderr.write("%s: %s\n%s\n" % (name, why, out[-1500:].decode(errors="replace")))
    with open(results, "a") as f:
        f.write("%s %s\n" % ("PASS" if ok else "FAIL", name))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
