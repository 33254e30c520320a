"""Acceptance: gdb-multiarch, scripted with -batch, debugs a program run by
build/kemu-arm -g PORT: breakpoint on a function, registers and variables,
stepi and next, a watchpoint that triggers, and the exit code."""
import re
import subprocess

import pytest

from conftest import PROG, PROG_THUMB, symbols

SCRIPT = """
set pagination off
set confirm off
target remote :{port}
info auxv
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
continue
"""


def run_gdb(guest, script, timeout=60):
    path = "%s.%d.gdb" % (guest.prog, guest.port)
    with open(path, "w") as f:
        f.write(script.format(port=guest.port))
    gdb = subprocess.run(["gdb-multiarch", "-nx", "-batch", "-x", path, guest.prog],
                         capture_output=True, text=True, timeout=timeout)
    return gdb.stdout + gdb.stderr


# The same session on ARM code and on Thumb code (2-byte instructions).
@pytest.mark.parametrize("prog,insn_size", [(PROG, 4), (PROG_THUMB, 2)],
                         ids=["arm", "thumb"])
def test_gdb_batch_session(guest, prog, insn_size):
    g = guest(prog=prog)
    out = run_gdb(g, SCRIPT)
    rc, kout, kerr = g.finish()
    syms = symbols(prog)

    # The auxiliary vector through qXfer:auxv.
    m = re.search(r"^9\s+AT_ENTRY\s+Entry point of program\s+0x([0-9a-f]+)", out, re.M)
    assert m and int(m.group(1), 16) == syms["_start"], out

    # The breakpoint: set past the prologue of add_twice, hit with its
    # arguments.
    m = re.search(r"Breakpoint 1 at 0x([0-9a-f]+): file .*prog.c", out)
    assert m, out
    bp = int(m.group(1), 16)
    assert syms["add_twice"] < bp < syms["add_twice"] + 64
    assert "Breakpoint 1, add_twice (a=3, b=4) at" in out, out

    # Registers at the breakpoint: the arguments in r0/r1, pc at the
    # breakpoint, a user-mode CPSR, sp in the stack.
    regs = dict(re.findall(r"^(r\d+|sp|lr|pc|cpsr)\s+0x([0-9a-f]+)", out, re.M))
    assert int(regs["r0"], 16) == 3 and int(regs["r1"], 16) == 4, out
    assert int(regs["pc"], 16) == bp
    assert int(regs["cpsr"], 16) & 0x1f == 0x10
    assert bool(int(regs["cpsr"], 16) & 0x20) == (insn_size == 2)  # T bit
    assert int(regs["sp"], 16) > 0x10000000

    # Variables: the arguments and a global.
    values = re.findall(r"^\$(\d+) = (.*)$", out, re.M)
    assert values[0] == ("1", "3") and values[1] == ("2", "4") and values[2] == ("3", "5"), values

    # stepi moves one instruction on.
    assert int(values[3][1], 16) == bp
    assert int(values[4][1], 16) == bp + insn_size, values

    # next, next: through the function's lines; sum is computed.
    assert re.search(r"^\d+\s+sum = sum \* 2;", out, re.M), out
    assert re.search(r"^\d+\s+return sum;", out, re.M), out
    assert values[5][1] == "14", values
    assert re.search(r"Value returned is \$\d+ = 14", out), out

    # The watchpoint triggers with the old and the new value.
    assert "Hardware watchpoint 2: global_total" in out, out
    assert re.search(r"Old value = 0\s+New value = 14", out), out

    # The program runs to its end; gdb sees the exit code and kemu's pid.
    m = re.search(r"\[Inferior 1 \(process (\d+)\) exited with code (\d+)\]", out)
    assert m, out
    assert int(m.group(1)) == g.proc.pid and m.group(2) == "03"
    assert rc == 3
    assert kout == "total 14 counter 42\n"
