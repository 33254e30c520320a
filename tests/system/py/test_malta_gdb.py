"""gdb against a running Malta CPU, with QMP watching the run state.

The raw-protocol tests (a socket client only) check the run-state rules
of the gdbstub: connecting to a running VM stops it (STOP, `paused`),
`c` resumes it (RESUME, `running`), a breakpoint on a kernel (KSEG1)
address stops it in `debug`, `s` steps one instruction, detach resumes.
The gdb-multiarch tests debug the bare-metal programs of
tests/system/mips by symbol: break on a function, continue, `info
registers` shows the pc there and the real CP0 Status, `stepi` advances,
and the monitor's `info registers` / `info tlb` show the CPU and the
TLB entries the program wrote."""
import os
import re
import socket
import subprocess
import time

from conftest import QMP, Kemu  # noqa: F401
import kemu_qmp_conftest

BUILD = os.environ.get("KEMU_BUILD",
                       os.path.join(os.path.dirname(__file__), "..", "..", "..", "build"))
PROGS = os.path.join(BUILD, "tests", "system", "mips")
free_port = kemu_qmp_conftest.free_port


def start(tmp, arch, guest, extra=()):
    """kemu-system-ARCH -M malta with QMP on a socket and gdb on a port."""
    sock = os.path.join(tmp, "qmp.sock")
    out = os.path.join(tmp, "serial.txt")
    port = free_port()
    vm = Kemu(["-M", "malta", "-display", "none", "-nodefaults",
               "-serial", "file:" + out, "-semihosting",
               "-gdb", "tcp::%d" % port,
               "-qmp", "unix:%s,server=on,wait=off" % sock] + list(guest) + list(extra),
              arch=arch, stderr=subprocess.PIPE)
    c = QMP.unix(sock)
    c.negotiate()
    return vm, c, out, port


def status(c):
    return c.cmd("query-status")["return"]["status"]


def wait_for(pred, timeout=5):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.01)
    return False


# ---- A minimal remote-protocol client ---------------------------------------

class RSP:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.buf = b""

    def _read_packet(self, timeout=5):
        self.s.settimeout(timeout)
        while True:
            m = re.search(rb"\$([^#]*)#[0-9a-fA-F]{2}", self.buf)
            if m:
                self.buf = self.buf[m.end():]
                self.s.sendall(b"+")
                return m.group(1).decode()
            data = self.s.recv(4096)
            if not data:
                raise EOFError("gdbstub closed the connection")
            self.buf += data

    def send(self, payload):
        csum = sum(payload.encode()) & 0xff
        self.s.sendall(b"$%s#%02x" % (payload.encode(), csum))

    def cmd(self, payload, timeout=5):
        self.send(payload)
        return self._read_packet(timeout)

    def wait_stop(self, timeout=5):
        return self._read_packet(timeout)

    def interrupt(self):
        self.s.sendall(b"\x03")

    def close(self):
        self.s.close()


def reg(rsp, n, be):
    """Register n as an integer (32-bit, guest byte order)."""
    h = rsp.cmd("p%x" % n)
    b = bytes.fromhex(h)
    return int.from_bytes(b, "big" if be else "little")


PC, SR, CAUSE = 0x25, 0x20, 0x24


def check_raw(tmp, arch, endian):
    ticker = os.path.join(PROGS, "ticker-%s.bin" % endian)
    vm, c, out, port = start(tmp, arch, ["-bios", ticker])
    be = endian == "eb"
    rsp = None
    try:
        assert status(c) == "running"
        assert wait_for(lambda: "tick" in open(out).read())

        # Item 39: gdb connecting to a running VM pauses it.
        rsp = RSP(port)
        c.event("STOP")
        assert status(c) == "paused"
        assert rsp.cmd("?").startswith("T05")
        pc = reg(rsp, PC, be)
        assert 0xbfc00000 <= pc < 0xbfc00100
        # Kernel mode, BEV set after reset: the real CP0 Status, not a
        # user-mode picture (UM, EXL, IE).
        sr = reg(rsp, SR, be)
        assert sr & (1 << 22) and not sr & 0x10

        # Continue: RESUME and running; Ctrl-C: STOP, paused, T02.
        rsp.send("c")
        c.event("RESUME")
        assert status(c) == "running"
        n = len(open(out).read())
        assert wait_for(lambda: len(open(out).read()) > n)
        rsp.interrupt()
        assert rsp.wait_stop().startswith("T02")
        c.event("STOP")
        assert status(c) == "paused"

        # A breakpoint on the busy loop's addiu (a KSEG1 address) stops in
        # debug.
        pc = 0xbfc00018
        assert rsp.cmd("Z0,%x,4" % pc) == "OK"
        rsp.send("c")
        c.event("RESUME")
        assert rsp.wait_stop().startswith("T05")
        c.event("STOP")
        assert status(c) == "debug"
        assert reg(rsp, PC, be) == pc
        assert rsp.cmd("z0,%x,4" % pc) == "OK"

        # Single steps through the delay loop `2: addiu t3,t3,-1; bnez t3,2b;
        # nop`: the addiu takes one step (t3 one less), the branch with its
        # delay slot the next, back to the addiu.
        loop = {0xbfc00018, 0xbfc0001c}
        assert pc in loop
        for _ in range(4):
            t3 = reg(rsp, 11, be)
            rsp.send("s")
            assert rsp.wait_stop().startswith("T05")
            assert status(c) == "debug"
            npc = reg(rsp, PC, be)
            assert npc in loop and npc != pc
            assert reg(rsp, 11, be) == (t3 - 1 if pc == 0xbfc00018 else t3)
            pc = npc

        # QMP cont/stop while gdb is attached.
        assert c.cmd("cont") == {"return": {}}
        c.event("RESUME")
        assert status(c) == "running"
        assert c.cmd("stop") == {"return": {}}
        c.event("STOP")
        assert status(c) == "paused"

        # Detach resumes the VM.
        assert rsp.cmd("D") == "OK"
        c.event("RESUME")
        assert status(c) == "running"
        n = len(open(out).read())
        assert wait_for(lambda: len(open(out).read()) > n)
    finally:
        if rsp:
            rsp.close()
        c.close()
        vm.stop()


def test_malta_gdb_run_states_le(tmp):
    check_raw(tmp, "mipsel", "el")


def test_malta_gdb_run_states_be(tmp):
    check_raw(tmp, "mips", "eb")


# ---- gdb-multiarch by symbol ------------------------------------------------

def symbols(path):
    out = subprocess.run(["mips-linux-gnu-nm", path], check=True,
                         capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16) & 0xffffffff
    return syms


class GDB:
    """gdb-multiarch reading commands from a pipe; each batch ends with
    a marker the reader waits for."""

    def __init__(self, elf, port):
        self.p = subprocess.Popen(
            ["gdb-multiarch", "-q", "-nx", "-nw", elf],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.n = 0
        self.run("set pagination off", "set confirm off", "set height 0",
                 "set architecture mips:isa32r2",
                 "target remote 127.0.0.1:%d" % port)

    def run(self, *cmds, timeout=20):
        self.n += 1
        mark = "@@done%d@@" % self.n
        for cmd in cmds:
            self.p.stdin.write(cmd + "\n")
        self.p.stdin.write("echo %s\\n\n" % mark)
        self.p.stdin.flush()
        text = []
        end = time.time() + timeout
        while time.time() < end:
            line = self.p.stdout.readline()
            if not line:
                break
            if mark in line:
                return "".join(text)
            text.append(line)
        raise AssertionError("gdb did not finish %r: %s" % (cmds, "".join(text)))

    def value(self, expr):
        m = re.search(r"= (?:\([^)]*\) )?(0x[0-9a-f]+|-?\d+)", self.run("p/x " + expr))
        assert m, expr
        return int(m.group(1), 0) & 0xffffffff

    def close(self):
        try:
            self.p.stdin.write("quit\n")
            self.p.stdin.close()
            self.p.wait(timeout=10)
        except Exception:
            self.p.kill()


def check_gdb_symbols(tmp, arch, endian):
    elf = os.path.join(PROGS, "timer-%s.elf" % endian)
    syms = symbols(elf)
    vm, c, out, port = start(tmp, arch, ["-kernel", elf], ["-S"])
    g = None
    try:
        assert status(c) == "prelaunch"
        g = GDB(elf, port)
        text = g.run("break puts_uart", "continue")
        assert "Breakpoint 1" in text and "puts_uart" in text, text
        c.event("RESUME")
        c.event("STOP")
        assert status(c) == "debug"

        # gdb's pc after the prologue skip lies inside puts_uart.
        pc = g.value("$pc")
        assert syms["puts_uart"] <= pc < syms["puts_uart"] + 0x40
        regs = g.run("info registers")
        assert re.search(r"\b%08x\b" % pc, regs), regs
        sr = g.value("$sr")
        # Kernel mode after the boot code: CU0 set, no UM, ERL/EXL clear,
        # not the fixed user-mode Status.
        assert sr & (1 << 28) and not sr & 0x1e, hex(sr)
        assert sr != 0x3400ff13

        # stepi: gdb stops on puts_uart's `beqz a2` (the string is not
        # empty); a step runs it with its delay slot (`lui v1,0xb800`),
        # the next one the `addiu a0,a0,1` after it.
        assert pc == syms["puts_uart"] + 4
        g.run("stepi")
        assert g.value("$pc") == pc + 8
        assert g.value("$v1") == 0xb8000000
        a0 = g.value("$a0")
        g.run("stepi")
        assert g.value("$pc") == pc + 12
        assert g.value("$a0") == a0 + 1
        assert status(c) == "debug"
        pc += 8

        # The monitor's info registers, through QMP, in QEMU's layout.
        r = c.cmd("human-monitor-command", {"command-line": "info registers"})["return"]
        assert re.search(r"pc=0x%08x " % (pc + 4), r), r
        assert re.search(r"GPR00: r0 0+ at ", r) and "GPR28: gp" in r
        m = re.search(r"CP0 Status  0x([0-9a-f]{8}) Cause   0x([0-9a-f]{8})", r)
        assert m and int(m.group(1), 16) == sr, r
        assert int(m.group(2), 16) == g.value("$cause")

        # Continue to the end: the program finishes and kemu exits 0.
        g.run("delete", "detach")
        assert vm.wait() == 0
        assert open(out).read().endswith("timer: ok\n")
    finally:
        if g:
            g.close()
        c.close()
        vm.stop()


def test_malta_gdb_symbols_le(tmp):
    check_gdb_symbols(tmp, "mipsel", "el")


def test_malta_gdb_symbols_be(tmp):
    check_gdb_symbols(tmp, "mips", "eb")


def call_in_main(elf, fn):
    """Address of main's (only) call to fn."""
    dis = subprocess.run(["mips-linux-gnu-objdump", "-d", elf], check=True,
                         capture_output=True, text=True).stdout
    body = dis.split("<main>:", 1)[1].split("\n\n", 1)[0]
    calls = re.findall(r"^\s*([0-9a-f]+):.*\bjal\s+[0-9a-f]+ <%s>" % fn, body, re.M)
    assert len(calls) == 1, body
    return int(calls[0], 16)


def test_malta_info_tlb(tmp):
    """tlb.c maps user code at 0x00800000 (PFN 0x300000 valid, its pair
    invalid) and data at 0x00400000 (PFN 0x200000, dirty and valid),
    ASID 5, not global; `info tlb` shows those entries once it has."""
    elf = os.path.join(PROGS, "tlb-el.elf")
    vm, c, out, port = start(tmp, "mipsel", ["-kernel", elf], ["-S"])
    g = None
    try:
        g = GDB(elf, port)
        # Stop at main's putdec(refills): every mapping is made by then.
        text = g.run("break *0x%x" % call_in_main(elf, "putdec"), "continue",
                     timeout=60)
        assert "Breakpoint 1" in text, text
        assert status(c) == "debug"
        r = c.cmd("human-monitor-command", {"command-line": "info tlb"})["return"]
        lines = [l for l in r.splitlines() if l.startswith("TLB[")]
        assert len(lines) == 16, r
        code = [l for l in lines if "VPN2 0x00800000 " in l]
        data = [l for l in lines if "VPN2 0x00400000 " in l]
        assert len(code) == 1 and len(data) == 1, r
        assert re.search(r"ASID 0x05 G 0 Mask 0x00000000 \(4K\) "
                         r"PFN0 0x000300000 C0 3 D0 0 V0 1 "
                         r"PFN1 0x000301000 C1 3 D1 0 V1 0", code[0]), code[0]
        assert re.search(r"ASID 0x05 G 0 .* PFN0 0x000200000 C0 3 D0 1 V0 1 "
                         r"PFN1 0x000201000 C1 3 D1 1 V1 1", data[0]), data[0]
        # Unused entries stay invalid.
        assert sum(" V0 1 " in l for l in lines) <= 4
        g.run("delete", "detach")
        assert vm.wait() == 0
        assert "tlb: ok" in open(out).read()
    finally:
        if g:
            g.close()
        c.close()
        vm.stop()


def check_step_into_exception(tmp, arch, endian):
    """A single step over `syscall` stops at the first instruction of the
    general exception vector (EBase 0x80000000 + 0x180), with Cause,
    EPC and Status.EXL as the exception left them; the next step runs
    that instruction."""
    elf = os.path.join(PROGS, "exceptions-%s.elf" % endian)
    dis = subprocess.run(["mips-linux-gnu-objdump", "-d", elf], check=True,
                         capture_output=True, text=True).stdout
    calls = re.findall(r"^\s*([0-9a-f]+):\s+[0-9a-f]+\s+syscall\b", dis, re.M)
    assert len(calls) == 1
    sc = int(calls[0], 16)
    be = endian == "eb"
    vm, c, out, port = start(tmp, arch, ["-kernel", elf], ["-S"])
    rsp = None
    try:
        rsp = RSP(port)
        assert status(c) == "prelaunch"
        assert rsp.cmd("Z0,%x,4" % sc) == "OK"
        rsp.send("c")
        c.event("RESUME")
        assert rsp.wait_stop().startswith("T05")
        assert status(c) == "debug"
        assert reg(rsp, PC, be) == sc
        assert rsp.cmd("z0,%x,4" % sc) == "OK"

        rsp.send("s")
        assert rsp.wait_stop().startswith("T05")
        assert reg(rsp, PC, be) == 0x80000180
        assert (reg(rsp, CAUSE, be) >> 2) & 0x1f == 8        # Sys
        assert reg(rsp, SR, be) & 2                          # EXL
        epc = c.cmd("human-monitor-command", {"command-line": "info registers"})["return"]
        assert re.search(r"EPC    0x%08x" % sc, epc), epc

        rsp.send("s")
        assert rsp.wait_stop().startswith("T05")
        assert reg(rsp, PC, be) == 0x80000184
        assert status(c) == "debug"

        assert rsp.cmd("D") == "OK"
        assert vm.wait() == 0
        expect = os.path.join(os.path.dirname(__file__), "..", "mips", "exceptions.expect")
        assert open(out).read() == open(expect).read()
    finally:
        if rsp:
            rsp.close()
        c.close()
        vm.stop()


def test_malta_gdb_step_exception_le(tmp):
    check_step_into_exception(tmp, "mipsel", "el")


def test_malta_gdb_step_exception_be(tmp):
    check_step_into_exception(tmp, "mips", "eb")
