"""A running Malta CPU under QMP: query-status, query-cpus-fast, stop
within 50 ms (and no more UART output), cont, system_reset back to the
reset vector, quit.  The guest is tests/system/mips/ticker.S as -bios."""
import os
import subprocess
import time

from conftest import QMP, Kemu  # noqa: F401

BUILD = os.environ.get("KEMU_BUILD",
                       os.path.join(os.path.dirname(__file__), "..", "..", "..", "build"))


def ticker(endian):
    return os.path.join(BUILD, "tests", "system", "mips", "ticker-%s.bin" % endian)


def start(tmp, arch, endian, extra=()):
    sock = os.path.join(tmp, "qmp.sock")
    out = os.path.join(tmp, "serial.txt")
    vm = Kemu(["-M", "malta", "-display", "none", "-nodefaults",
               "-serial", "file:" + out, "-bios", ticker(endian),
               "-qmp", "unix:%s,server=on,wait=off" % sock] + list(extra),
              arch=arch, stderr=subprocess.PIPE)
    c = QMP.unix(sock)
    c.negotiate()
    return vm, c, out


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0


def wait_for(pred, timeout=5):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.01)
    return False


def check_run_states(tmp, arch, endian):
    vm, c, out = start(tmp, arch, endian)
    try:
        assert c.cmd("query-status")["return"] == {"running": True, "status": "running"}
        assert wait_for(lambda: open(out).read().count("tick") >= 2)

        cpus = c.cmd("query-cpus-fast")["return"]
        assert len(cpus) == 1 and cpus[0]["cpu-index"] == 0
        assert cpus[0]["target"] == arch
        tid = cpus[0]["thread-id"]
        assert tid != vm.proc.pid
        assert os.path.exists("/proc/%d/task/%d" % (vm.proc.pid, tid))

        t0 = time.time()
        assert c.cmd("stop") == {"return": {}}
        assert time.time() - t0 < 0.05
        c.event("STOP")
        assert c.cmd("query-status")["return"]["status"] == "paused"
        n = size(out)
        time.sleep(0.3)
        assert size(out) == n

        assert c.cmd("cont") == {"return": {}}
        c.event("RESUME")
        assert wait_for(lambda: size(out) > n)

        assert open(out).read().count("boot") == 1
        assert c.cmd("system_reset") == {"return": {}}
        e = c.event("RESET")
        assert e["data"] == {"guest": False, "reason": "host-qmp-system-reset"}
        assert wait_for(lambda: open(out).read().count("boot") == 2)
        assert c.cmd("query-status")["return"]["status"] == "running"

        # Registers are readable from the monitor while it runs.
        r = c.cmd("human-monitor-command", {"command-line": "info registers"})
        assert "pc=" in r["return"] and "CP0 Status" in r["return"]

        assert c.cmd("quit") == {"return": {}}
        assert vm.wait() == 0
    finally:
        c.close()
        vm.stop()


def test_malta_run_states_be(tmp):
    check_run_states(tmp, "mips", "eb")


def test_malta_run_states_le(tmp):
    check_run_states(tmp, "mipsel", "el")


def test_malta_start_stopped(tmp):
    vm, c, out = start(tmp, "mipsel", "el", ["-S"])
    try:
        assert c.cmd("query-status")["return"]["status"] == "prelaunch"
        time.sleep(0.2)
        assert size(out) == 0
        assert c.cmd("cont") == {"return": {}}
        assert wait_for(lambda: "boot" in open(out).read())
    finally:
        c.close()
        vm.stop()


def test_malta_memsave_virtual(tmp):
    """memsave goes through the CPU's MMU (KSEG1 -> physical), pmemsave
    reads physical memory: both see the boot ROM image."""
    vm, c, out = start(tmp, "mips", "eb")
    try:
        rom = open(ticker("eb"), "rb").read()[:64]
        v = os.path.join(tmp, "v.bin")
        p = os.path.join(tmp, "p.bin")
        assert c.cmd("memsave", {"val": 0xbfc00000, "size": 64, "filename": v}) == {"return": {}}
        assert c.cmd("pmemsave", {"val": 0x1fc00000, "size": 64, "filename": p}) == {"return": {}}
        assert open(v, "rb").read() == rom
        assert open(p, "rb").read() == rom
        r = c.cmd("human-monitor-command", {"command-line": "x/1xw 0xbfc00000"})
        assert ("0x%02x%02x%02x%02x" % tuple(rom[:4])) in r["return"]
        # KSEG0 from a kernel-mode CPU maps to the same place.
        r = c.cmd("human-monitor-command", {"command-line": "x/1xw 0x9fc00000"})
        assert ("0x%02x%02x%02x%02x" % tuple(rom[:4])) in r["return"]
    finally:
        c.close()
        vm.stop()


def test_malta_default_cpu_per_width(tmp):
    """query-machines names the CPU Malta creates without -cpu: the 24Kf
    for the 32-bit targets, the 5KEc for the 64-bit ones."""
    for arch, want in (("mipsel", "24Kf-mips-cpu"),
                       ("mips64el", "5KEc-mips64-cpu")):
        sock = os.path.join(tmp, "qmp-%s.sock" % arch)
        vm = Kemu(["-M", "malta", "-display", "none", "-nodefaults", "-S",
                   "-qmp", "unix:%s,server=on,wait=off" % sock],
                  arch=arch, stderr=subprocess.PIPE)
        c = QMP.unix(sock)
        try:
            c.negotiate()
            malta = [m for m in c.cmd("query-machines")["return"]
                     if m["name"] == "malta"]
            assert malta and malta[0]["default-cpu-type"] == want
            assert c.cmd("query-status")["return"]["status"] == "prelaunch"
        finally:
            c.close()
            vm.stop()
