"""Helpers for the gdbstub tests: start build/kemu-arm -g PORT on the test
program, speak the remote protocol, and record PASS/FAIL lines."""
import os
import re
import socket
import struct
import subprocess
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("KEMU_BUILD", os.path.join(HERE, "..", "..", "build"))
RESULTS = os.environ.get("KEMU_RESULTS")
PROG = os.environ.get("KEMU_GDB_PROG", os.path.join(BUILD, "tests", "gdb", "prog"))
PROG_THUMB = os.environ.get("KEMU_GDB_THUMB",
                            os.path.join(BUILD, "tests", "gdb", "prog-thumb"))
KEMU_ARM = os.path.join(BUILD, "kemu-arm")


def pytest_runtest_logreport(report):
    if not RESULTS:
        return
    name = report.nodeid.split("::", 1)[-1]
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        with open(RESULTS, "a") as f:
            f.write("%s gdb/%s\n" % ("PASS" if report.outcome == "passed" else "FAIL", name))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def symbols(path=PROG):
    """name -> address from the ELF symbol table (nm)."""
    out = subprocess.run(["arm-linux-gnueabi-nm", path], check=True,
                         capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return syms


def file_bytes_at(vaddr, size, path=PROG):
    """The bytes a PT_LOAD segment of the (32-bit little-endian) ELF puts
    at vaddr, read from the file."""
    data = open(path, "rb").read()
    phoff, = struct.unpack_from("<I", data, 0x1c)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x2a)
    for i in range(phnum):
        p_type, p_offset, p_vaddr, _, p_filesz = struct.unpack_from(
            "<IIIII", data, phoff + i * phentsize)
        if p_type == 1 and p_vaddr <= vaddr and vaddr + size <= p_vaddr + p_filesz:
            off = p_offset + vaddr - p_vaddr
            return data[off:off + size]
    raise AssertionError("0x%x not in the file" % vaddr)


def frame(payload):
    if isinstance(payload, str):
        payload = payload.encode()
    return b"$%s#%02x" % (payload, sum(payload) & 0xff)


class Remote:
    """A gdb remote-protocol client that acks every packet it receives."""

    def __init__(self, port, timeout=10):
        end = time.time() + timeout
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port))
                break
            except OSError:
                if time.time() > end:
                    raise
                time.sleep(0.02)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.settimeout(10)
        self.buf = b""

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("gdbstub closed the connection")
        self.buf += chunk

    def ack(self):
        while not self.buf:
            self._fill()
        c, self.buf = self.buf[:1], self.buf[1:]
        return c

    def packet(self, timeout=10):
        self.sock.settimeout(timeout)
        while True:
            m = re.search(rb"\$([^#]*)#([0-9a-f]{2})", self.buf, re.S)
            if m:
                break
            self._fill()
        assert self.buf[:m.start()].strip(b"+") == b"", self.buf[:m.start()]
        payload = m.group(1)
        assert int(m.group(2), 16) == sum(payload) & 0xff
        self.buf = self.buf[m.end():]
        self.sock.sendall(b"+")
        return payload.decode("latin-1")

    def send(self, payload):
        self.sock.sendall(frame(payload))
        assert self.ack() == b"+"

    def cmd(self, payload, timeout=10):
        self.send(payload)
        return self.packet(timeout)

    def close(self):
        self.sock.close()


class Guest:
    """build/kemu-arm -g PORT prog ARGS, waiting for gdb."""

    def __init__(self, args=(), env_port=False, prog=PROG):
        self.port = free_port()
        env = dict(os.environ)
        cmd = [KEMU_ARM]
        if env_port:
            env["KEMU_GDB"] = str(self.port)
        else:
            cmd += ["-g", str(self.port)]
        self.prog = prog
        self.proc = subprocess.Popen(cmd + [prog] + list(args), env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def connect(self):
        r = Remote(self.port)
        r.cmd("qSupported:multiprocess+;swbreak+;xmlRegisters=arm")
        return r

    def finish(self, timeout=20):
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out.decode(), err.decode()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate(timeout=5)


@pytest.fixture
def guest():
    made = []

    def make(*args, **kw):
        g = Guest(args, **kw)
        made.append(g)
        return g

    yield make
    for g in made:
        g.stop()
