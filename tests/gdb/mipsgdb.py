"""Helpers for the MIPS gdbstub tests: the test programs built for each
MIPS user target (mk/mipsgdb.mk), kemu-<arch> -g PORT on them, their
symbols and entry point, and register values in the target's layout."""
import os
import struct
import subprocess

from conftest import BUILD, Remote, free_port

MIPS_DIR = os.path.join(BUILD, "tests", "gdb", "mips")
ARCHES = ["mips", "mipsel", "mips64", "mips64el"]

# gdb's MIPS register numbers.
STATUS, LO, HI, BADVADDR, CAUSE, PC, F0, FCSR, FIR = 32, 33, 34, 35, 36, 37, 38, 70, 71
NREGS = 72
ST_CU1, ST_FR, ST_UM = 1 << 29, 1 << 26, 1 << 4


class Layout:
    """Register size and byte order of a MIPS target."""

    def __init__(self, arch):
        self.arch = arch
        self.size = 8 if arch.startswith("mips64") else 4
        self.be = not arch.endswith("el")
        self.fmt = ">" if self.be else "<"

    def pack(self, v):
        return struct.pack(self.fmt + ("Q" if self.size == 8 else "I"),
                           v & ((1 << (8 * self.size)) - 1))

    def unpack(self, hexs):
        return struct.unpack(self.fmt + ("Q" if self.size == 8 else "I"),
                             bytes.fromhex(hexs))[0]

    def word(self, v):
        """A 32-bit int in memory, hex as `m` returns it."""
        return struct.pack(self.fmt + "i", v).hex()


def prog(arch, name="prog"):
    path = os.path.join(MIPS_DIR, "%s-%s" % (name, arch))
    assert os.path.exists(path), "%s is not built (make check-gdb)" % path
    return path


def symbols(path):
    out = subprocess.run(["mipsel-linux-gnu-nm", path], check=True,
                         capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return syms


def elf_entry(path):
    data = open(path, "rb").read(64)
    fmt = ">" if data[5] == 2 else "<"
    if data[4] == 2:
        return struct.unpack_from(fmt + "Q", data, 0x18)[0]
    return struct.unpack_from(fmt + "I", data, 0x18)[0]


class MipsGuest:
    """build/kemu-<arch> -g PORT program, waiting for gdb."""

    def __init__(self, arch, path, args=()):
        self.arch = arch
        self.prog = path
        self.port = free_port()
        self.proc = subprocess.Popen(
            [os.path.join(BUILD, "kemu-" + arch), "-g", str(self.port), path] + list(args),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def connect(self):
        r = Remote(self.port)
        r.cmd("qSupported:multiprocess+;swbreak+;xmlRegisters=mips")
        return r

    def finish(self, timeout=20):
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out.decode(), err.decode()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate(timeout=5)
