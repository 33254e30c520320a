#!/usr/bin/python3
"""Boot-to-shell time of the Malta board: kemu-system-mipsel against
qemu-system-mipsel (see bench/README.md; run through bench/malta-boot.sh).

    malta_boot.py KERNEL BUSYBOX RUNS KEMU [QEMU]

Both emulators get the same command line (-M malta -m 256 -nographic
-kernel -initrd -append 'console=ttyS0 nokaslr') and the same busybox
initramfs (tests/system/linux_malta_shell.py builds it).  Runs alternate
kemu, QEMU, kemu, ...  One run's time is the wall time from the start to
the shell answering `echo $((6*7))` with 42 (after the initramfs's ready
marker and the "# " prompt); its CPU time is the emulator's user+sys
until it exits after `poweroff -f`."""
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "system"))
from linux_malta_shell import initramfs  # noqa: E402

LIMIT = 300.0


def one_run(emu, kernel, rd):
    cmd = [emu, "-M", "malta", "-m", "256", "-nographic", "-kernel", kernel,
           "-initrd", rd, "-append", "console=ttyS0 nokaslr"]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = b""
    end = t0 + LIMIT

    def wait_for(marker, start=0):
        nonlocal out
        while time.monotonic() < end:
            if marker in out[start:]:
                return True
            r, _, _ = select.select([p.stdout], [], [], 0.2)
            if r:
                chunk = os.read(p.stdout.fileno(), 65536)
                if not chunk:
                    return marker in out[start:]
                out += chunk
        return False

    wall = None
    if wait_for(b"KEMU-SHELL-READY") and wait_for(b"# ", out.index(b"KEMU-SHELL-READY")):
        mark = len(out)
        p.stdin.write(b"echo $((6*7))\n")
        p.stdin.flush()
        if wait_for(b"\n42", mark):
            wall = time.monotonic() - t0
            p.stdin.write(b"poweroff -f\n")
            p.stdin.flush()
    # Reap it ourselves (not through Popen) for its resource usage: the
    # CPU time of this child alone.
    deadline = time.monotonic() + 20
    ru = None
    eof = False
    while ru is None:
        pid, _, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            ru = usage
            break
        if time.monotonic() > deadline:
            os.kill(p.pid, signal.SIGKILL)
            deadline = float("inf")
        if eof:
            time.sleep(0.05)
            continue
        r, _, _ = select.select([p.stdout], [], [], 0.1)
        if r and not os.read(p.stdout.fileno(), 65536):
            eof = True
    p.returncode = 0
    cpu = ru.ru_utime + ru.ru_stime
    if wall is None:
        sys.stderr.write("malta-boot: %s did not reach the shell; output tail:\n%s\n"
                         % (emu, out[-2000:].decode(errors="replace")))
    return wall, cpu


def main():
    kernel, busybox, runs, kemu = sys.argv[1:5]
    qemu = sys.argv[5] if len(sys.argv) > 5 else None
    runs = int(runs)
    emus = [("kemu", kemu)] + ([("qemu", qemu)] if qemu else [])
    res = {n: ([], []) for n, _ in emus}
    with tempfile.TemporaryDirectory(prefix="kemu-bench-") as tmp:
        rd = os.path.join(tmp, "initrd.gz")
        initramfs(busybox, rd)
        for i in range(runs):
            for name, emu in emus:
                wall, cpu = one_run(emu, kernel, rd)
                if wall is None:
                    return 1
                res[name][0].append(wall)
                res[name][1].append(cpu)
                print("run %d %-5s wall %6.2f s  cpu %6.2f s" % (i + 1, name, wall, cpu),
                      flush=True)
    print()
    print("| emulator | boot to shell (wall, median) | CPU (median) |")
    print("|----------|------------------------------|--------------|")
    med = {}
    for name, emu in emus:
        w, c = statistics.median(res[name][0]), statistics.median(res[name][1])
        med[name] = (w, c)
        print("| %s | %.2f s | %.2f s |" % (os.path.basename(emu), w, c))
    if qemu:
        print()
        print("kemu/QEMU ratio: wall %.2f, CPU %.2f" %
              (med["kemu"][0] / med["qemu"][0], med["kemu"][1] / med["qemu"][1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
