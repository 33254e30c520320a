"""The remote protocol against kemu-mips* -g: register sizes and byte
order in g/p/P/G, the target description, breakpoints and steps around
delay slots, and watchpoints, which on MIPS stop before the access (also
for a store in a delay slot, reported at its branch)."""
import re

import pytest

from mipsgdb import (ARCHES, BADVADDR, CAUSE, F0, FCSR, FIR, HI, LO, NREGS, PC,
                     ST_CU1, ST_FR, ST_UM, STATUS, Layout, MipsGuest, elf_entry,
                     prog, symbols)


@pytest.fixture
def mguest():
    made = []

    def make(arch, name="prog", args=()):
        g = MipsGuest(arch, prog(arch, name), args)
        made.append(g)
        return g

    yield make
    for g in made:
        g.stop()


def reg(r, lay, n):
    v = r.cmd("p%x" % n)
    assert len(v) == 2 * lay.size, v
    return lay.unpack(v)


def stop_sig(reply):
    m = re.match(r"T([0-9a-f]{2})thread:p[0-9a-f]+\.[0-9a-f]+;", reply)
    assert m, reply
    return int(m.group(1), 16)


def run_to(r, lay, addr):
    assert r.cmd("Z0,%x,4" % addr) == "OK"
    assert stop_sig(r.cmd("c")) == 5
    assert reg(r, lay, PC) == addr
    assert r.cmd("z0,%x,4" % addr) == "OK"


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_target_xml(mguest, arch):
    g = mguest(arch)
    r = g.connect()
    xml, off = "", 0
    while True:
        part = r.cmd("qXfer:features:read:target.xml:%x,800" % off)
        assert part[:1] in ("m", "l"), part[:40]
        xml += part[1:]
        off += len(part) - 1
        if part[0] == "l":
            break
    assert xml.endswith("</target>")
    want = "mips:isa64r2" if arch.startswith("mips64") else "mips"
    assert "<architecture>%s</architecture>" % want in xml
    size = 64 if arch.startswith("mips64") else 32
    for name, num in (("r29", 29), ("status", 32), ("pc", 37), ("f31", 69), ("fir", 71)):
        assert '<reg name="%s" bitsize="%d" regnum="%d"' % (name, size, num) in xml, name
    for feat in ("org.gnu.gdb.mips.cpu", "org.gnu.gdb.mips.cp0", "org.gnu.gdb.mips.fpu"):
        assert 'feature name="%s"' % feat in xml
    r.send("k")
    g.finish()


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_registers(mguest, arch):
    lay = Layout(arch)
    g = mguest(arch)
    syms = symbols(g.prog)
    r = g.connect()

    # Before the first instruction: pc is the ELF entry point, everything
    # in g is register-sized and in the target's byte order.
    regs = r.cmd("g")
    assert len(regs) == NREGS * lay.size * 2
    words = [lay.unpack(regs[i * 2 * lay.size:(i + 1) * 2 * lay.size])
             for i in range(NREGS)]
    assert words[PC] == elf_entry(g.prog) == reg(r, lay, PC)
    assert words[0] == 0
    assert words[29] == reg(r, lay, 29) and words[29] % 8 == 0 and words[29] > 0x10000000
    # Status as a user program's: FPU usable, user mode, FR for the
    # 64-bit ABI (n64) and not for o32.
    st = reg(r, lay, STATUS)
    assert st & ST_CU1 and st & ST_UM
    assert bool(st & ST_FR) == (lay.size == 8)
    assert reg(r, lay, CAUSE) == 0 and reg(r, lay, BADVADDR) == 0
    fir = reg(r, lay, FIR)
    assert fir & (1 << 16) and fir & (1 << 17)          # S and D formats
    assert r.cmd("p%x" % 72) == "E14"

    # At add_twice(3, 4): the arguments in a0/a1.
    run_to(r, lay, syms["add_twice"])
    assert reg(r, lay, 4) == 3 and reg(r, lay, 5) == 4
    assert reg(r, lay, 31) > syms["main"]               # ra: back into main

    # P on FPU, HI/LO and FCSR round-trips (FCSR's NAN2008/ABS2008 are fixed).
    for n, v in ((F0 + 2, 0x40490fdb), (HI, 0x1234567), (LO, 0x7654321)):
        assert r.cmd("P%x=%s" % (n, lay.pack(v).hex())) == "OK"
        assert reg(r, lay, n) == v
    assert r.cmd("P%x=%s" % (FCSR, lay.pack(0x000c0003).hex())) == "OK"
    assert reg(r, lay, FCSR) == 0x3
    assert r.cmd("P%x=%s" % (FCSR, lay.pack(0).hex())) == "OK"
    # $zero and status stay as they are.
    assert r.cmd("P0=%s" % lay.pack(5).hex()) == "OK" and reg(r, lay, 0) == 0
    assert r.cmd("P%x=%s" % (STATUS, lay.pack(0).hex())) == "OK"
    assert reg(r, lay, STATUS) == st

    # a0 = 10 through P: (10 + 4) * 2 = 28, exit 28 - 11.
    assert r.cmd("P4=%s" % lay.pack(10).hex()) == "OK"
    assert reg(r, lay, 4) == 10
    # G writes everything back with a1 = 6: (10 + 6) * 2 - 11 = 21.
    regs = r.cmd("g")
    sz = 2 * lay.size
    regs = regs[:5 * sz] + lay.pack(6).hex() + regs[6 * sz:]
    assert r.cmd("G" + regs) == "OK"
    assert reg(r, lay, 5) == 6 and reg(r, lay, 4) == 10
    r.send("c")
    assert r.packet().startswith("W15")
    rc, out, _ = g.finish()
    assert rc == 21 and out == "total 32 counter 42\n"


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_pc_write(mguest, arch):
    """Writing pc changes the next instruction: skip add_twice's call by
    returning from it at once with v0 = 50 (exit 50 - 11)."""
    lay = Layout(arch)
    g = mguest(arch)
    syms = symbols(g.prog)
    r = g.connect()
    run_to(r, lay, syms["add_twice"])
    ra = reg(r, lay, 31)
    assert r.cmd("P2=%s" % lay.pack(50).hex()) == "OK"
    assert r.cmd("P%x=%s" % (PC, lay.pack(ra).hex())) == "OK"
    assert reg(r, lay, PC) == ra
    r.send("c")
    assert r.packet().startswith("W27")
    rc, out, _ = g.finish()
    assert rc == 39 and out == "total 50 counter 42\n"


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_watch_kinds(mguest, arch):
    """Write, read and access watchpoints stop before the access, with
    the accessing instruction at pc; a step (watchpoint removed) does it."""
    lay = Layout(arch)
    g = mguest(arch)
    syms = symbols(g.prog)
    r = g.connect()
    total, counter = syms["global_total"], syms["counter"]

    assert r.cmd("Z2,%x,4" % total) == "OK"
    stop = r.cmd("c")
    assert stop_sig(stop) == 5 and stop.endswith(";watch:%x;" % total), stop
    pc = reg(r, lay, PC)
    assert r.cmd("m%x,4" % total) == lay.word(0)          # not yet stored
    insn = int.from_bytes(bytes.fromhex(r.cmd("m%x,4" % pc)), "big" if lay.be else "little")
    assert insn >> 26 == 0x2b                             # sw
    assert r.cmd("z2,%x,4" % total) == "OK"
    assert stop_sig(r.cmd("s")) == 5
    assert reg(r, lay, PC) == pc + 4
    assert r.cmd("m%x,4" % total) == lay.word(14)

    # counter = counter + 37: the read, then (access) the write.
    assert r.cmd("Z3,%x,4" % counter) == "OK"
    stop = r.cmd("c")
    assert stop.endswith(";rwatch:%x;" % counter), stop
    pc = reg(r, lay, PC)
    # A step with the watchpoint in place stops before the load again.
    stop = r.cmd("s")
    assert stop.endswith(";rwatch:%x;" % counter) and reg(r, lay, PC) == pc
    assert r.cmd("z3,%x,4" % counter) == "OK"
    assert stop_sig(r.cmd("s")) == 5                      # past the load
    assert reg(r, lay, PC) == pc + 4
    assert r.cmd("Z4,%x,4" % counter) == "OK"
    stop = r.cmd("c")
    assert stop.endswith(";awatch:%x;" % counter), stop
    assert r.cmd("m%x,4" % counter) == lay.word(5)
    assert r.cmd("z4,%x,4" % counter) == "OK"
    assert stop_sig(r.cmd("s")) == 5
    assert r.cmd("m%x,4" % counter) == lay.word(42)
    r.send("c")
    assert r.packet().startswith("W03")
    assert g.finish()[0] == 3


@pytest.mark.parametrize("arch", ARCHES)
def test_mips_delay_slots(mguest, arch):
    """A store in a delay slot: the watchpoint stops at its branch, before
    it; a step runs branch and slot to the target.  A breakpoint on a
    delay slot stops at the branch too.  Steps never end inside a
    branch/slot pair."""
    lay = Layout(arch)
    g = mguest(arch, "slot")
    s = symbols(g.prog)
    assert s["slot_store"] == s["slot_branch"] + 4 and s["nt_slot"] == s["nt_branch"] + 4
    watched = s["watched"]
    r = g.connect()

    run_to(r, lay, s["slot_branch"])
    assert r.cmd("Z2,%x,4" % watched) == "OK"
    stop = r.cmd("c")
    assert stop.endswith(";watch:%x;" % watched), stop
    assert reg(r, lay, PC) == s["slot_branch"]
    assert r.cmd("m%x,4" % watched) == lay.word(7)
    # Resuming with the watchpoint in place hits it again, at the branch.
    stop = r.cmd("c")
    assert stop.endswith(";watch:%x;" % watched) and reg(r, lay, PC) == s["slot_branch"]
    assert r.cmd("z2,%x,4" % watched) == "OK"
    assert stop_sig(r.cmd("s")) == 5
    assert reg(r, lay, PC) == s["slot_target"]
    assert r.cmd("m%x,4" % watched) == lay.word(41)

    # A breakpoint on the slot of a branch that is not taken.
    assert r.cmd("Z0,%x,4" % s["nt_slot"]) == "OK"
    assert stop_sig(r.cmd("c")) == 5
    assert reg(r, lay, PC) == s["nt_branch"]
    assert r.cmd("z0,%x,4" % s["nt_slot"]) == "OK"
    assert stop_sig(r.cmd("s")) == 5
    assert reg(r, lay, PC) == s["nt_next"]
    # Exit code 1 needs the slot's addition run exactly once (r = 42).
    r.send("c")
    assert r.packet().startswith("W01")
    assert g.finish()[0] == 1
