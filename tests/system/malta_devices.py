#!/usr/bin/python3
"""Boot Debian's Malta kernel with a busybox initramfs and more than
256 MiB of RAM, then look at what the kernel found: /proc/meminfo's
MemTotal must be within 1% of what qemu-system-mipsel reports for the
same -m (the expectation below, measured once), the boot log must show
the i8042 probe as QEMU's does (the controller found, the keyboard port
registered as serio0 and the keyboard as an input device), and
/proc/interrupts must list the PIT ("timer" on IRQ 0) and the i8042
(IRQ 1).  `poweroff -f` must then end the emulator with status 0.

    malta_devices.py KERNEL BUSYBOX RESULTS NAME MEGS [EMULATOR [CPU]]
    malta_devices.py --dump KERNEL BUSYBOX MEGS EMULATOR [CPU]

--dump prints the serial output of the same session (used to measure
the reference on qemu-system-mipsel)."""
import os
import re
import select
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from linux_malta_shell import initramfs  # noqa: E402

LIMIT = float(os.environ.get("MALTA_BOOT_LIMIT", "300"))

# MemTotal in KiB that qemu-system-mipsel 7.2 shows for Debian's
# 6.1.0 4kc-malta (no HIGHMEM: only the low 256 MiB is used, whatever
# -m is) and 5kc-malta (all of it, the rest at physical 0x90000000).
# Keyed by (kernel flavour, -m).
QEMU_MEMTOTAL = {
    ("4kc-malta", 256): 244232, ("4kc-malta", 512): 241928,
    ("4kc-malta", 1024): 241928, ("4kc-malta", 2048): 241928,
    ("5kc-malta", 256): 240808, ("5kc-malta", 512): 465700,
    ("5kc-malta", 1024): 981028, ("5kc-malta", 2047): 2010660,
    ("5kc-malta", 2048): 2011684,
}

# Lines of QEMU's boot log that must appear in ours.
LOG_LINES = [
    rb"serio: i8042 KBD port at 0x60,0x64 irq 1",
    rb"serio: i8042 AUX port at 0x60,0x64 irq 12",
    rb"input: AT Raw Set 2 keyboard as /devices/platform/i8042/serio0/input/input\d+",
]

COMMANDS = (b"cat /proc/meminfo | head -n 2; cat /proc/interrupts; "
            b"echo KEMU-END-OF-INFO\n")


def session(emu, kernel, busybox, megs, cpu):
    """Boot, run COMMANDS, power off; returns (serial bytes, exit status
    or None when the emulator did not exit, step reached)."""
    with tempfile.TemporaryDirectory(prefix="kemu-maltadev-") as tmp:
        rd = os.path.join(tmp, "initrd.gz")
        initramfs(busybox, rd)
        args = [emu, "-M", "malta", "-m", str(megs), "-nographic"]
        if cpu:
            args += ["-cpu", cpu]
        args += ["-kernel", kernel, "-initrd", rd,
                 "-append", "console=ttyS0 nokaslr"]
        p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
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

        status = None
        step = "shell"
        try:
            if wait_for(b"KEMU-SHELL-READY") and wait_for(b"# "):
                step = "info"
                p.stdin.write(COMMANDS)
                p.stdin.flush()
                if wait_for(b"\nKEMU-END-OF-INFO"):
                    step = "poweroff"
                    p.stdin.write(b"poweroff -f\n")
                    p.stdin.flush()
                    try:
                        status = p.wait(max(1, end - time.time()))
                        step = "exit status %d" % status
                    except subprocess.TimeoutExpired:
                        pass
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            try:
                out += p.stdout.read()
            except (OSError, ValueError):
                pass
        return out, status, step


def flavour(kernel):
    m = re.search(r"-(\w+-malta)$", kernel)
    return m.group(1) if m else kernel


def check(out, status, step, kernel, megs):
    errors = []
    if status != 0:
        errors.append("did not power off cleanly (%s)" % step)
    m = re.search(rb"MemTotal:\s+(\d+) kB", out)
    want = QEMU_MEMTOTAL.get((flavour(kernel), megs))
    if not m:
        errors.append("no MemTotal in /proc/meminfo")
    elif want is None:
        errors.append("no reference MemTotal for %s -m %d" % (flavour(kernel), megs))
    elif abs(int(m.group(1)) - want) > want // 100:
        errors.append("MemTotal %s kB, QEMU shows %d kB" % (m.group(1).decode(), want))
    for pat in LOG_LINES:
        if not re.search(pat, out):
            errors.append("no boot log line like %r" % pat.decode())
    irqs = out[out.rfind(b"CPU0"):] if b"CPU0" in out else b""
    if not re.search(rb"\n\s*0:\s+\d+\s+XT-PIC\s+0\s+timer", irqs):
        errors.append("IRQ 0 (timer) not in /proc/interrupts")
    if not re.search(rb"\n\s*1:\s+\d+\s+XT-PIC\s+1\s+i8042", irqs):
        errors.append("IRQ 1 (i8042) not in /proc/interrupts")
    return errors


def main():
    if sys.argv[1] == "--dump":
        kernel, busybox, megs, emu = sys.argv[2:6]
        cpu = sys.argv[6] if len(sys.argv) > 6 else None
        out, status, step = session(emu, kernel, busybox, int(megs), cpu)
        sys.stdout.write(out.decode(errors="replace"))
        print("\n--- %s" % step)
        return 0
    kernel, busybox, results, name, megs = sys.argv[1:6]
    emu = sys.argv[6] if len(sys.argv) > 6 else "build/kemu-system-mipsel"
    cpu = sys.argv[7] if len(sys.argv) > 7 else None
    out, status, step = session(emu, kernel, busybox, int(megs), cpu)
    errors = check(out, status, step, kernel, int(megs))
    for e in errors:
        sys.stderr.write("%s: %s\n" % (name, e))
    if errors:
        sys.stderr.write(out[-3000:].decode(errors="replace") + "\n")
    with open(results, "a") as f:
        f.write("%s %s\n" % ("FAIL" if errors else "PASS", name))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
