#!/usr/bin/python3
"""Malformed ELF files must be refused cleanly.

    bad-elf.py BASE_ELF RESULT_FILE

Derives malformed files from BASE_ELF (a valid static 32-bit ARM
program) and runs each under $KEMU_ARM (default build/kemu-arm).  Each
must end with exit status exactly 1, not by a signal, within 5 seconds,
with exactly one line on stderr starting with "kemu-arm:".  When KEMU_ARM
names another emulator its messages differ, so only the prefix check is
relaxed.  Appends "PASS bad-elf-NAME"/"FAIL bad-elf-NAME" lines.
"""
import os
import shlex
import struct
import subprocess
import sys
import tempfile

PT_LOAD, PT_NULL, PT_INTERP = 1, 0, 3
PF_X = 1
EHDR = struct.Struct("<16sHHIIIIIHHHHHH")
PHDR = struct.Struct("<IIIIIIII")


class Elf:
    """A mutable view of a 32-bit little-endian ELF image."""

    def __init__(self, data):
        self.data = bytearray(data)
        (self.ident, self.type, self.machine, self.version, self.entry,
         self.phoff, self.shoff, self.flags, self.ehsize, self.phentsize,
         self.phnum, self.shentsize, self.shnum,
         self.shstrndx) = EHDR.unpack_from(self.data, 0)

    def phdrs(self):
        return [list(PHDR.unpack_from(self.data, self.phoff + i * 32))
                for i in range(self.phnum)]

    def set_phdr(self, i, ph):
        PHDR.pack_into(self.data, self.phoff + i * 32, *ph)

    def set(self, field, value):
        fmt, off = {
            "type": ("<H", 16), "machine": ("<H", 18), "version": ("<I", 20),
            "entry": ("<I", 24), "phoff": ("<I", 28), "phentsize": ("<H", 42),
            "phnum": ("<H", 44),
        }[field]
        struct.pack_into(fmt, self.data, off, value)
        return self

    def loads(self):
        return [i for i, ph in enumerate(self.phdrs()) if ph[0] == PT_LOAD]


def edit_phdr(base, pick, change):
    """Copy of base with change(ph) applied to the load segment pick(loads)."""
    e = Elf(base)
    i = pick(e.loads())
    ph = e.phdrs()[i]
    change(ph, e)
    e.set_phdr(i, ph)
    return bytes(e.data)


def cases(base):
    e0 = Elf(base)
    size = len(base)
    first_load = lambda loads: loads[0]
    last_load = lambda loads: loads[-1]
    exec_load = [i for i in e0.loads() if e0.phdrs()[i][6] & PF_X][0]
    data_loads = [i for i in e0.loads() if not e0.phdrs()[i][6] & PF_X]

    def hdr(field, value):
        e = Elf(base)
        e.set(field, value)
        return bytes(e.data)

    def ident(index, value):
        d = bytearray(base)
        d[index] = value
        return bytes(d)

    def no_load():
        e = Elf(base)
        for i in e.loads():
            ph = e.phdrs()[i]
            ph[0] = PT_NULL
            e.set_phdr(i, ph)
        return bytes(e.data)

    def overlap(ph, e):
        other = e.phdrs()[e.loads()[0]]
        ph[2] = other[2] + 0x1000 + (ph[1] & 0xfff)
        ph[3] = ph[2]

    def wrap(ph, e):
        ph[2] = ph[3] = 0xfffff000 + (ph[1] & 0xfff)
        ph[5] = max(ph[5], 0x3000)

    def interp():
        d = bytearray(base)
        path = b"/nonexistent/kemu-test-ld.so\0"
        off = len(d)
        d += path
        e = Elf(bytes(d))
        # Reuse a non-load header as PT_INTERP.
        i = [k for k, ph in enumerate(e.phdrs()) if ph[0] != PT_LOAD][0]
        e.set_phdr(i, [PT_INTERP, off, 0, 0, len(path), len(path), 4, 1])
        return bytes(e.data)

    entry_seg = e0.phdrs()[exec_load]
    yield "empty-file", b""
    yield "text-file", b"this is not a program\njust text\n"
    yield "truncated-ident", base[:10]
    yield "truncated-header", base[:40]
    yield "truncated-phdrs", base[:e0.phoff + 16]
    yield "truncated-segment", base[:size // 2]
    yield "bad-magic", b"\x7fELG" + base[4:]
    yield "class-64", ident(4, 2)
    yield "class-none", ident(4, 0)
    yield "big-endian", ident(5, 2)
    yield "ident-version-0", ident(6, 0)
    yield "machine-x86", hdr("machine", 3)
    yield "machine-x86-64", hdr("machine", 62)
    yield "version-0", hdr("version", 0)
    yield "type-relocatable", hdr("type", 1)
    yield "type-core", hdr("type", 4)
    yield "phentsize-20", hdr("phentsize", 20)
    yield "phnum-huge", hdr("phnum", 0xffff)
    yield "phoff-beyond-file", hdr("phoff", size + 0x1000)
    yield "phoff-wraps", hdr("phoff", 0xfffffff0)
    yield "filesz-above-memsz", edit_phdr(
        base, last_load, lambda ph, e: ph.__setitem__(4, ph[5] + 0x100))
    yield "segment-beyond-file", edit_phdr(
        base, last_load, lambda ph, e: ph.__setitem__(4, size + 0x10000)
        or ph.__setitem__(5, size + 0x10000))
    yield "offset-beyond-file", edit_phdr(
        base, last_load, lambda ph, e: ph.__setitem__(1, size + 0x20000 + (ph[2] & 0xfff)))
    yield "overlapping-loads", edit_phdr(base, last_load, overlap)
    yield "segment-wraps-4g", edit_phdr(base, last_load, wrap)
    yield "memsz-huge", edit_phdr(
        base, last_load, lambda ph, e: ph.__setitem__(5, 0xfffff000))
    yield "misaligned-vaddr", edit_phdr(
        base, first_load, lambda ph, e: ph.__setitem__(2, ph[2] + 0x10)
        or ph.__setitem__(3, ph[3] + 0x10))
    yield "entry-outside-segments", hdr("entry", 0x10)
    yield "entry-beyond-exec-segment", hdr("entry", entry_seg[2] + entry_seg[5] + 0x100000)
    if data_loads:
        data_seg = e0.phdrs()[data_loads[0]]
        yield "entry-in-data-segment", hdr("entry", data_seg[2] + 4)
    yield "no-pt-load", no_load()
    yield "missing-interpreter", interp()
    yield "directory", None


def main():
    base_path, results = sys.argv[1], sys.argv[2]
    override = os.environ.get("KEMU_ARM", "")
    emu = shlex.split(override or "build/kemu-arm")
    base = open(base_path, "rb").read()
    passed = failed = 0
    os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
    out = open(results, "a")

    def record(name, ok, why):
        nonlocal passed, failed
        out.write("%s bad-elf-%s\n" % ("PASS" if ok else "FAIL", name))
        out.flush()
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL bad-elf-%s: %s" % (name, why))

    with tempfile.TemporaryDirectory(prefix="kemu-bad-elf.") as tmp:
        # The unmodified program must run, or every refusal below is moot.
        r = subprocess.run(emu + [base_path], capture_output=True, timeout=60)
        record("base-runs", r.returncode == 0 and b"base program ran" in r.stdout,
               "status %d, stdout %r" % (r.returncode, r.stdout[:80]))

        for name, data in cases(base):
            path = os.path.join(tmp, name)
            if data is None:
                os.mkdir(path)
            else:
                with open(path, "wb") as f:
                    f.write(data)
                os.chmod(path, 0o755)
            try:
                r = subprocess.run(emu + [path], capture_output=True, timeout=5,
                                   stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                record(name, False, "still running after 5 s")
                continue
            lines = r.stderr.decode(errors="replace").splitlines()
            why = []
            if r.returncode < 0:
                why.append("killed by host signal %d" % -r.returncode)
            elif r.returncode != 1:
                why.append("exit status %d, expected 1" % r.returncode)
            if len(lines) != 1:
                why.append("%d lines on stderr, expected 1: %r" % (len(lines), lines[:3]))
            elif not override and not lines[0].startswith("kemu-arm:"):
                why.append("stderr does not start with 'kemu-arm:': %r" % lines[0])
            record(name, not why, "; ".join(why))

    print("bad-elf: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
