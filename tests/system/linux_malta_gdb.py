#!/usr/bin/python3
"""gdb-multiarch attached to Debian's Malta kernel booting on
kemu-system-mipsel (or the emulator in KEMU_SYSTEM_MIPSEL), in one boot:

    linux_malta_gdb.py KERNEL BUSYBOX RESULTS

kemu starts with -S and -gdb tcp::PORT; gdb (MI mode) connects with
`set architecture mips:isa32r2`, `set endian little`, `target remote`:
  reset        `info registers` at the reset state: pc at the reset
               vector 0xbfc00000, Status with BEV and ERL, the GPRs zero;
               start_kernel's memory not yet the kernel's code.
  sw-break     a software breakpoint on start_kernel, set while that
               memory still holds no kernel (the decompressor writes it
               later), stops there: pc equals the symbol, the code read
               through KSEG0 (`x/4xw $pc`) equals the kernel image's.
  regs         `info registers` parses: 40 registers (GPRs, CP0, FPU control), pc, sp in KSEG0,
               Status not in user mode.
  stepi        `x/4i $pc` shows the prologue; `stepi` over
               `addiu sp,sp,-N` moves pc by 4 and sp by -N.
  hw-break     a hardware breakpoint (Z1) on kernel_init stops there,
               in another thread (sp elsewhere).
  shell        `delete`, `continue`: the kernel boots to the busybox
               shell, which answers `echo $((6*7))` with 42.
  interrupt    gdb's interrupt (Ctrl-C) stops the idle kernel: SIGINT,
               pc in KSEG0.
  kill         gdb's `kill` ends kemu with status 0.
The symbols come from the kernel's own kallsyms table
(malta_kallsyms.py): Debian's System.map is a stub."""
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import linux_malta_shell  # noqa: E402
import malta_kallsyms  # noqa: E402

KEMU = os.environ.get("KEMU_SYSTEM_MIPSEL", "build/kemu-system-mipsel")
GDB = os.environ.get("GDB", "gdb-multiarch")
LIMIT = float(os.environ.get("MALTA_BOOT_LIMIT", "300"))
STEPS = ["reset", "sw-break", "regs", "stepi", "hw-break", "shell", "interrupt", "kill"]
# Where the decompressor puts the kernel image (VMLINUX_LOAD_ADDRESS).
LOAD_ADDRESS = 0x80100000


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def mi_unquote(s):
    """The text of an MI C string (without its quotes)."""
    return s.encode("latin-1").decode("unicode_escape")


class GdbMI:
    """gdb-multiarch --interpreter=mi2 on pipes: commands with tokens,
    console output collected, async stop records kept."""

    def __init__(self):
        self.p = subprocess.Popen([GDB, "-nx", "-q", "--interpreter=mi2"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.buf = b""
        self.token = 0
        self.stops = []

    def _line(self, deadline):
        while b"\n" not in self.buf:
            left = deadline - time.time()
            check(left > 0, "gdb: no answer in time")
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if r:
                chunk = os.read(self.p.stdout.fileno(), 65536)
                check(chunk, "gdb exited")
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode(errors="replace").rstrip("\r")

    def cmd(self, text, timeout=30):
        """Run an MI command: (result class, rest, console text)."""
        self.token += 1
        tok = str(self.token)
        self.p.stdin.write(("%s%s\n" % (tok, text)).encode())
        self.p.stdin.flush()
        deadline = time.time() + timeout
        console = ""
        while True:
            line = self._line(deadline)
            if line.startswith("~"):
                console += mi_unquote(line[2:-1])
            elif line.startswith("*stopped"):
                self.stops.append(line)
            elif line.startswith(tok + "^"):
                cls, _, rest = line[len(tok) + 1:].partition(",")
                return cls, rest, console

    def console(self, text, timeout=30):
        cls, rest, out = self.cmd('-interpreter-exec console "%s"' %
                                  text.replace("\\", "\\\\").replace('"', '\\"'), timeout)
        check(cls == "done", "gdb: %s: %s" % (text, rest))
        return out

    def wait_stop(self, timeout):
        deadline = time.time() + timeout
        while not self.stops:
            line = self._line(deadline)
            if line.startswith("*stopped"):
                self.stops.append(line)
        return self.stops.pop(0)

    def close(self):
        if self.p.poll() is None:
            try:
                self.p.stdin.write(b"-gdb-exit\n")
                self.p.stdin.flush()
                self.p.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                self.p.kill()
                self.p.wait()


def parse_info_registers(text):
    """{name: value} from gdb's `info registers` table: a line of names,
    then a line of hex values (led by an `R<n>` label for the GPRs)."""
    regs = {}
    lines = [l for l in text.splitlines() if l.strip()]
    for names, values in zip(lines[0::2], lines[1::2]):
        n = names.split()
        v = values.split()
        if v and v[0].startswith("R") and len(v) == len(n) + 1:
            v = v[1:]
        check(len(n) == len(v), "info registers: unparsable lines %r / %r" % (names, values))
        for name, val in zip(n, v):
            regs[name] = int(val, 16)
    return regs


def words(gdb, addr, n):
    """n 32-bit words at addr through gdb's `x/Nxw`."""
    out = gdb.console("x/%dxw 0x%x" % (n, addr))
    vals = []
    for line in out.splitlines():
        vals += [int(w, 16) for w in line.split(":", 1)[1].split()]
    check(len(vals) == n, "x/%dxw: %r" % (n, out))
    return vals


def stop_pc(record):
    m = re.search(r'frame=\{addr="(0x[0-9a-f]+)"', record)
    check(m, "stop record without a frame: %s" % record)
    return int(m.group(1), 16)


def run(kernel, busybox, tmp, passed):
    syms = malta_kallsyms.kallsyms(kernel)
    start_kernel = syms["start_kernel"][0]
    kernel_init = syms["kernel_init"][0]
    image = malta_kallsyms.payload(kernel)

    def image_words(addr, n):
        off = addr - LOAD_ADDRESS
        return [int.from_bytes(image[off + 4 * i:off + 4 * i + 4], "little") for i in range(n)]

    rd = os.path.join(tmp, "initrd.gz")
    linux_malta_shell.initramfs(busybox, rd)
    port = free_port()
    vm = subprocess.Popen([KEMU, "-M", "malta", "-m", "256", "-nographic",
                           "-kernel", kernel, "-initrd", rd,
                           "-append", "console=ttyS0 nokaslr",
                           "-S", "-gdb", "tcp::%d" % port],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    gdb = GdbMI()
    out = b""
    try:
        gdb.cmd("-gdb-set confirm off")
        gdb.cmd("-gdb-set pagination off")
        # Commands (the interrupt) are served while the target runs.
        gdb.cmd("-gdb-set mi-async on")
        gdb.console("set architecture mips:isa32r2")
        gdb.console("set endian little")
        end = time.time() + 10
        while True:
            cls, rest, _ = gdb.cmd("-target-select remote 127.0.0.1:%d" % port)
            if cls == "connected" or time.time() > end:
                break
            time.sleep(0.2)
        check(cls == "connected", "target remote: %s" % rest)

        # Reset state.
        regs = parse_info_registers(gdb.console("info registers"))
        check(len(regs) == 40, "info registers: %d registers" % len(regs))
        check(regs["pc"] == 0xbfc00000, "reset pc %#x" % regs["pc"])
        check(regs["status"] & 0x00400004 == 0x00400004, "reset status %#x" % regs["status"])
        check(all(regs[r] == 0 for r in ("sp", "ra", "a0", "t9")), "reset GPRs not zero")
        # The kernel is still compressed: start_kernel is not there yet.
        check(words(gdb, start_kernel, 4) != image_words(start_kernel, 4),
              "start_kernel already holds the kernel at reset")
        passed.append("reset")

        # A software breakpoint set before decompression.
        cls, rest, _ = gdb.cmd("-break-insert *0x%x" % start_kernel)
        check(cls == "done", "break start_kernel: %s" % rest)
        cls, rest, _ = gdb.cmd("-break-insert -h *0x%x" % kernel_init)
        check(cls == "done", "hbreak kernel_init: %s" % rest)
        # The stop gdb reports on connecting is not one of ours.
        check(len(gdb.stops) <= 1 and not any("reason=" in s for s in gdb.stops),
              "stops before continuing: %s" % gdb.stops)
        gdb.stops.clear()
        cls, rest, _ = gdb.cmd("-exec-continue")
        check(cls == "running", "continue: %s" % rest)
        stop = gdb.wait_stop(LIMIT)
        check('reason="breakpoint-hit"' in stop and 'bkptno="1"' in stop,
              "first stop not at breakpoint 1: %s" % stop)
        check(stop_pc(stop) == start_kernel, "stopped at %#x, start_kernel is %#x"
              % (stop_pc(stop), start_kernel))
        check(words(gdb, start_kernel, 4) == image_words(start_kernel, 4),
              "start_kernel's code read through KSEG0 differs from the image")
        passed.append("sw-break")

        regs = parse_info_registers(gdb.console("info registers"))
        check(len(regs) == 40 and regs["pc"] == start_kernel, "info registers at start_kernel")
        check(0x80000000 <= regs["sp"] < 0xa0000000, "sp %#x not in KSEG0" % regs["sp"])
        check(not regs["status"] & 0x10, "status %#x in user mode" % regs["status"])
        passed.append("regs")

        dis = gdb.console("x/4i $pc")
        lines = [l for l in dis.splitlines() if l.strip()]
        check(len(lines) == 4 and "0x%x" % start_kernel in lines[0], "x/4i: %r" % dis)
        m = re.search(r"addiu\s+sp,sp,(-\d+)", lines[0])
        check(m, "start_kernel does not start with addiu sp: %r" % lines[0])
        cls, rest, _ = gdb.cmd("-exec-step-instruction")
        check(cls == "running", "stepi: %s" % rest)
        stop = gdb.wait_stop(30)
        check('reason="end-stepping-range"' in stop, "stepi stop: %s" % stop)
        regs2 = parse_info_registers(gdb.console("info registers"))
        check(regs2["pc"] == start_kernel + 4, "stepi: pc %#x" % regs2["pc"])
        check(regs2["sp"] == (regs["sp"] + int(m.group(1))) & 0xffffffff,
              "stepi: sp %#x from %#x" % (regs2["sp"], regs["sp"]))
        passed.append("stepi")

        cls, rest, _ = gdb.cmd("-exec-continue")
        check(cls == "running", "continue: %s" % rest)
        stop = gdb.wait_stop(LIMIT)
        check('reason="breakpoint-hit"' in stop and 'bkptno="2"' in stop,
              "second stop not at breakpoint 2: %s" % stop)
        regs3 = parse_info_registers(gdb.console("info registers"))
        check(regs3["pc"] == kernel_init, "stopped at %#x, kernel_init is %#x"
              % (regs3["pc"], kernel_init))
        # kernel_init runs as its own kernel thread, on its own stack.
        check(0x80000000 <= regs3["sp"] < 0xa0000000 and
              abs(regs3["sp"] - regs2["sp"]) > 0x100, "kernel_init sp %#x" % regs3["sp"])
        passed.append("hw-break")

        cls, rest, _ = gdb.cmd("-break-delete")
        check(cls == "done", "delete: %s" % rest)
        cls, rest, _ = gdb.cmd("-exec-continue")
        check(cls == "running", "continue: %s" % rest)
        end = time.time() + LIMIT

        def wait_for(marker, start=0):
            nonlocal out
            while time.time() < end:
                if marker in out[start:]:
                    return True
                r, _, _ = select.select([vm.stdout], [], [], 0.5)
                if r:
                    chunk = os.read(vm.stdout.fileno(), 65536)
                    if not chunk:
                        return marker in out[start:]
                    out += chunk
            return False

        check(wait_for(b"KEMU-SHELL-READY") and wait_for(b"# "), "no shell prompt")
        mark = len(out)
        vm.stdin.write(b"echo $((6*7))\n")
        vm.stdin.flush()
        check(wait_for(b"\n42\r\n", mark), "no 42 from the shell")
        # The next prompt: the shell then sleeps in read(), the CPU idles.
        check(wait_for(b"# ", out.index(b"\n42\r\n", mark)), "no prompt after 42")
        time.sleep(0.3)
        check(not gdb.stops, "gdb saw a stop while the kernel ran: %s" % gdb.stops)
        passed.append("shell")

        cls, rest, _ = gdb.cmd("-exec-interrupt")
        check(cls == "done", "interrupt: %s" % rest)
        stop = gdb.wait_stop(10)
        check('signal-name="SIGINT"' in stop, "interrupt stop: %s" % stop)
        regs4 = parse_info_registers(gdb.console("info registers"))
        # The idle kernel (its WAIT loop), in kernel mode.
        check(0x80000000 <= regs4["pc"] < 0xa0000000 and not regs4["status"] & 0x10,
              "interrupted at %#x, status %#x" % (regs4["pc"], regs4["status"]))
        passed.append("interrupt")

        gdb.console("kill")
        try:
            status = vm.wait(10)
        except subprocess.TimeoutExpired:
            raise Fail("kemu still runs after gdb's kill")
        check(status == 0, "kemu exit status %d after kill" % status)
        passed.append("kill")
    except Fail as e:
        sys.stderr.write("linux-malta-gdb: %s\n" % e)
        sys.stderr.write(out[-1500:].decode(errors="replace") + "\n")
    finally:
        gdb.close()
        if vm.poll() is None:
            vm.kill()
            vm.wait()


def main():
    kernel, busybox, results = sys.argv[1:4]
    passed = []
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="kemu-malta-gdb-") as tmp:
        try:
            run(kernel, busybox, tmp, passed)
        except (ValueError, KeyError, OSError) as e:
            sys.stderr.write("linux-malta-gdb: %s\n" % e)
    with open(results, "a") as f:
        for step in STEPS:
            f.write("%s linux-malta-gdb-%s\n" % ("PASS" if step in passed else "FAIL", step))
    print("linux-malta-gdb: %d/%d in %.0f s" % (len(passed), len(STEPS), time.time() - t0))
    return 0 if len(passed) == len(STEPS) else 1


if __name__ == "__main__":
    sys.exit(main())
