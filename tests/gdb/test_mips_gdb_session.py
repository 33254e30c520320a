"""gdb-multiarch -batch against kemu-mips* -g PORT: breakpoint on a
function, info registers (pc, sp, a0/a1, status), variables, stepi,
next, finish, a watchpoint reported right after the store with its old
and new value, the exit code; and a session over delay slots (stepi on a
branch, a watchpoint on a store in a delay slot, a breakpoint gdb moves
from a delay slot to its branch)."""
import re
import subprocess

import pytest

from mipsgdb import ARCHES, MipsGuest, prog, symbols

SESSION = """
set pagination off
set confirm off
target remote :{port}
break add_twice
continue
info registers
print a
print b
print counter
print/x $pc
stepi
print/x $pc
next
next
print sum
finish
watch global_total
continue
print/x $pc
x/i $pc - 4
continue
"""

SLOTS = """
set pagination off
set confirm off
target remote :{port}
break *slot_branch
continue
watch watched
continue
print/x $pc
print watched
delete
break *nt_slot
continue
print/x $pc
stepi
print/x $pc
set mipsfpu double
break scale
continue
print x
info registers f12
finish
continue
"""


def run_gdb(g, script, timeout=60):
    path = "%s.%d.gdb" % (g.prog, g.port)
    with open(path, "w") as f:
        f.write(script.format(port=g.port))
    res = subprocess.run(["gdb-multiarch", "-nx", "-batch", "-x", path, g.prog],
                         capture_output=True, text=True, timeout=timeout)
    return res.stdout + res.stderr


def info_registers(out):
    """gdb's MIPS `info registers` table: a line of names, then a line of
    hex values (after an optional "R<n>" label)."""
    regs = {}
    lines = out.splitlines()
    for i, line in enumerate(lines[:-1]):
        names = line.split()
        if not names or not all(re.fullmatch(r"[a-z][a-z0-9]*", n) for n in names):
            continue
        vals = lines[i + 1].split()
        if vals and re.fullmatch(r"R\d+", vals[0]):
            vals = vals[1:]
        if len(vals) == len(names) and all(re.fullmatch(r"[0-9a-f]+", v) for v in vals):
            regs.update((n, int(v, 16)) for n, v in zip(names, vals))
    return regs


@pytest.fixture
def mguest():
    made = []

    def make(arch, name):
        g = MipsGuest(arch, prog(arch, name))
        made.append(g)
        return g

    yield make
    for g in made:
        g.stop()


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_gdb_session(mguest, arch):
    g = mguest(arch, "prog")
    out = run_gdb(g, SESSION)
    rc, kout, _ = g.finish()
    syms = symbols(g.prog)
    assert "warning: Selected architecture" not in out, out

    m = re.search(r"Breakpoint 1 at 0x([0-9a-f]+): file .*prog.c", out)
    assert m, out
    bp = int(m.group(1), 16)
    assert syms["add_twice"] < bp < syms["add_twice"] + 64
    assert "Breakpoint 1, add_twice (a=3, b=4) at" in out, out

    regs = info_registers(out)
    assert regs["a0"] == 3 and regs["a1"] == 4, out
    assert regs["pc"] == bp and regs["zero"] == 0
    assert regs["sp"] > 0x10000000 and regs["sp"] % 8 == 0
    assert syms["main"] < regs["ra"] < syms["main"] + 0x400
    assert regs["status"] & (1 << 29) and regs["status"] & 0x10   # CU1, UM
    assert bool(regs["status"] & (1 << 26)) == arch.startswith("mips64")  # FR
    assert "fcsr" in regs and "fir" in regs

    values = re.findall(r"^\$(\d+) = (.*)$", out, re.M)
    assert values[0] == ("1", "3") and values[1] == ("2", "4") and values[2] == ("3", "5"), values
    assert int(values[3][1], 16) == bp
    assert int(values[4][1], 16) == bp + 4, values
    assert re.search(r"^\d+\s+sum = sum \* 2;", out, re.M), out
    assert re.search(r"^\d+\s+return sum;", out, re.M), out
    assert values[5][1] == "14", values
    assert re.search(r"Value returned is \$\d+ = 14", out), out

    # The watchpoint: gdb steps the store itself and stops right after it.
    assert "Hardware watchpoint 2: global_total" in out, out
    assert re.search(r"Old value = 0\s+New value = 14", out), out
    assert re.search(r"0x[0-9a-f]+ <main\+\d+>:\s+sw\s", out), out

    m = re.search(r"\[Inferior 1 \(process (\d+)\) exited with code (\d+)\]", out)
    assert m, out
    assert int(m.group(1)) == g.proc.pid and m.group(2) == "03"
    assert rc == 3 and kout == "total 14 counter 42\n"


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_gdb_delay_slots(mguest, arch):
    g = mguest(arch, "slot")
    out = run_gdb(g, SLOTS)
    rc, _, _ = g.finish()
    s = symbols(g.prog)

    assert "Breakpoint 1, 0x%0*x in slots" % (16 if "64" in arch else 8, s["slot_branch"]) in out, out
    # The store in the delay slot: old and new value, pc at the branch
    # target (the slot has run, the skipped instruction has not).
    assert re.search(r"Old value = 7\s+New value = 41", out), out
    values = dict(re.findall(r"^\$(\d+) = (.*)$", out, re.M))
    assert int(values["1"], 16) == s["slot_target"], out
    assert values["2"] == "41"
    # gdb moves the delay-slot breakpoint to its branch; stepi runs the
    # branch and its slot together.
    assert "adjusted from 0x%0*x to 0x%0*x" % (8, s["nt_slot"], 8, s["nt_branch"]) in out \
        or "adjusted from 0x%0*x to 0x%0*x" % (16, s["nt_slot"], 16, s["nt_branch"]) in out, out
    assert int(values["3"], 16) == s["nt_branch"]
    assert int(values["4"], 16) == s["nt_next"]
    # A double argument and return value (o32 FR=0: the f12/f13 and f0/f1
    # pairs).  gdb counts o32 FPXX programs (Debian's default) as having
    # no FPU, hence "set mipsfpu double" in the script.
    assert re.search(r"^f12:\s+0x[0-9a-f]+\s+flt: \S+\s+dbl: 2.625", out, re.M) \
        or re.search(r"^f12\s+2.625", out, re.M), out
    assert values["5"] == "2.625", out
    assert re.search(r"Value returned is \$6 = 5.25", out), out
    assert re.search(r"\[Inferior 1 \(process \d+\) exited with code 01\]", out), out
    assert rc == 1
