"""Shared helpers for the system-mode tests: start kemu-system-ARCH,
talk QMP over Unix/TCP sockets, and record PASS/FAIL lines per test."""
import json
import os
import socket
import subprocess
import tempfile
import time

import pytest

BUILD = os.environ.get("KEMU_BUILD",
                       os.path.join(os.path.dirname(__file__), "..", "..", "build"))
RESULTS = os.environ.get("KEMU_RESULTS")


def pytest_runtest_logreport(report):
    if not RESULTS:
        return
    name = report.nodeid.split("::", 1)[-1]
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        with open(RESULTS, "a") as f:
            f.write("%s qmp/%s\n" % ("PASS" if report.outcome == "passed" else "FAIL", name))


def binary(arch="mips"):
    return os.path.join(BUILD, "kemu-system-" + arch)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class QMP:
    """A minimal QMP client that keeps events and replies apart."""

    def __init__(self, sock):
        self.sock = sock
        self.sock.settimeout(5)
        self.buf = b""
        self.events = []

    @classmethod
    def unix(cls, path, timeout=5):
        end = time.time() + timeout
        while True:
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(path)
                return cls(s)
            except OSError:
                s.close()
                if time.time() > end:
                    raise
                time.sleep(0.02)

    @classmethod
    def tcp(cls, port, timeout=5):
        end = time.time() + timeout
        while True:
            try:
                return cls(socket.create_connection(("127.0.0.1", port)))
            except OSError:
                if time.time() > end:
                    raise
                time.sleep(0.02)

    def send_raw(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def line(self, timeout=5):
        self.sock.settimeout(timeout)
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\r\n", 1)
        return raw

    def msg(self, timeout=5):
        raw = self.line(timeout)
        assert raw.isascii()
        return json.loads(raw)

    def reply(self, timeout=5):
        """Next reply; events seen on the way are kept in self.events."""
        while True:
            m = self.msg(timeout)
            if "event" in m:
                self.events.append(m)
                continue
            return m

    def cmd(self, name, args=None, **kw):
        req = {"execute": name}
        if args is not None:
            req["arguments"] = args
        req.update(kw)
        self.send_raw(json.dumps(req))
        return self.reply()

    def greet(self):
        g = self.msg()
        return g

    def negotiate(self):
        g = self.greet()
        r = self.cmd("qmp_capabilities")
        assert r == {"return": {}}
        return g

    def event(self, name, timeout=3):
        for i, e in enumerate(self.events):
            if e["event"] == name:
                return self.events.pop(i)
        end = time.time() + timeout
        while time.time() < end:
            m = self.msg(max(0.05, end - time.time()))
            if "event" in m:
                if m["event"] == name:
                    return m
                self.events.append(m)
        raise AssertionError("no %s event" % name)

    def no_event(self, wait=0.3):
        try:
            m = self.msg(wait)
        except (socket.timeout, TimeoutError):
            return True
        raise AssertionError("unexpected message %r" % m)

    def close(self):
        self.sock.close()


class Kemu:
    def __init__(self, args, arch="mips", **popen):
        self.proc = subprocess.Popen([binary(arch)] + args, **popen)

    def wait(self, timeout=10):
        return self.proc.wait(timeout)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


@pytest.fixture
def tmp():
    with tempfile.TemporaryDirectory(prefix="kemu-qmp-") as d:
        yield d


@pytest.fixture
def vm_factory(tmp):
    """vm_factory(extra_args, arch) -> (Kemu, socket path); QMP on a Unix socket."""
    vms = []

    def make(extra=(), arch="mips", nsock=1, qmp=True):
        socks = [os.path.join(tmp, "qmp%d-%d.sock" % (len(vms), i)) for i in range(nsock)]
        args = ["-M", "none", "-display", "none", "-nodefaults"]
        if qmp:
            for s in socks:
                args += ["-qmp", "unix:%s,server=on,wait=off" % s]
        vm = Kemu(args + list(extra), arch=arch, stderr=subprocess.PIPE)
        vms.append(vm)
        return vm, (socks if nsock > 1 else socks[0])

    yield make
    for vm in vms:
        vm.stop()


@pytest.fixture
def qmp(vm_factory):
    """A negotiated client on a fresh VM."""
    vm, sock = vm_factory()
    c = QMP.unix(sock)
    c.negotiate()
    c.vm = vm
    yield c
    c.close()
