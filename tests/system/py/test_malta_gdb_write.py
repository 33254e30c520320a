"""gdb writing CP0 registers of a Malta CPU (system mode), as QEMU's
MIPS stub allows: Status and Cause take the bits MTC0 may change (the
others keep their value), BadVAddr takes any value, LO/HI and the FPRs
are plain registers.  The writes reach the CPU itself: the monitor's
`info registers` shows them, and a software interrupt requested through
Cause with Status enabling it is taken once gdb continues (pc at the
general exception vector, ExcCode 0, EPC the interrupted pc, EXL set).

The programs are tests/system/mips's `ticker` ROM, stopped at the reset
vector with -S: a busy loop that takes no exceptions of its own."""
import os
import re

from conftest import QMP, Kemu  # noqa: F401
from test_malta_gdb import GDB, PROGS, RSP, reg, start, status

STATUS, LO, HI, BADVADDR, CAUSE, PC, F0 = 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26
# Status bits MTC0 writes on a MIPS32 CPU with an FPU (the 24Kf): CU1,
# CU0, RP, FR, RE, BEV, TS, SR, NMI, IM7-0, UM, R0, ERL, EXL, IE.
STATUS_RW = 0x3e78ff1f
# Cause: DC, IV, WP and the software interrupts IP1-0.
CAUSE_RW = 0x08c00300
CAUSE_IP_HW = 0xfc00        # live hardware lines, not written
VECTOR = 0x80000180         # general exception vector with BEV = 0


FIR = 0x47


def put(rsp, n, value, be, width=4):
    data = (value & ((1 << 8 * width) - 1)).to_bytes(width, "big" if be else "little")
    assert rsp.cmd("P%x=%s" % (n, data.hex())) == "OK"


def sext(v, width):
    """A 32-bit value as a register of width bytes holds it (MIPS64:
    sign-extended, as MFC0 reads CP0 registers)."""
    v &= 0xffffffff
    if width == 8 and v & 0x80000000:
        v |= 0xffffffff00000000
    return v


def hmp_regs(c):
    return c.cmd("human-monitor-command", {"command-line": "info registers"})["return"]


def hmp_field(text, name):
    m = re.search(r"\b%s\s+0x([0-9a-f]+)" % name, text)
    assert m, (name, text)
    return int(m.group(1), 16)


def check_raw_writes(tmp, arch, endian, width=4):
    be = endian == "eb"
    ticker = os.path.join(PROGS, "ticker-%s.bin" % endian)
    vm, c, out, port = start(tmp, arch, ["-bios", ticker], ["-S"])
    rsp = None
    try:
        rsp = RSP(port)
        assert rsp.cmd("?").startswith("T05")
        assert reg(rsp, PC, be) == sext(0xbfc00000, width)
        # Reset: BEV and ERL.
        assert reg(rsp, STATUS, be) & 0x00400004 == 0x00400004
        # CU1 and FR only with an FPU; KX/SX/UX only on MIPS64.
        rw = STATUS_RW
        if not reg(rsp, FIR, be):
            rw &= ~0x24000000
        if width == 8:
            rw |= 0xe0

        # Status: only the writable bits change.
        put(rsp, STATUS, 0xffffffff, be, width)
        assert reg(rsp, STATUS, be) == sext(rw, width)
        assert hmp_field(hmp_regs(c), "Status") == rw
        put(rsp, STATUS, 0x00400004, be, width)
        assert reg(rsp, STATUS, be) == 0x00400004

        # Cause: DC, IV, WP, IP1-0; ExcCode and BD stay.
        before = reg(rsp, CAUSE, be) & 0xffffffff
        put(rsp, CAUSE, 0xffffffff, be, width)
        cause = reg(rsp, CAUSE, be) & 0xffffffff
        assert cause & ~CAUSE_IP_HW == CAUSE_RW | (before & ~CAUSE_IP_HW & ~CAUSE_RW)
        assert hmp_field(hmp_regs(c), "Cause") & ~CAUSE_IP_HW == cause & ~CAUSE_IP_HW
        put(rsp, CAUSE, 0, be, width)
        assert reg(rsp, CAUSE, be) & CAUSE_RW == 0

        # BadVAddr, LO/HI, an FPR: any value.
        bad = sext(0x92345678, width)
        put(rsp, BADVADDR, bad, be, width)
        put(rsp, LO, 0x0badcafe, be, width)
        put(rsp, HI, 0x7eedf00d, be, width)
        put(rsp, F0 + 2, 0x3fc00000, be, width)
        assert reg(rsp, BADVADDR, be) == bad
        assert reg(rsp, LO, be) == 0x0badcafe
        assert reg(rsp, HI, be) == 0x7eedf00d
        assert reg(rsp, F0 + 2, be) == 0x3fc00000
        r = hmp_regs(c)
        assert hmp_field(r, "BadVAddr") == bad
        m = re.search(r"HI=0x([0-9a-f]+) LO=0x([0-9a-f]+)", r)
        assert m and int(m.group(1), 16) == 0x7eedf00d and int(m.group(2), 16) == 0x0badcafe, r

        # A software interrupt: Status IE + IM0 (kernel mode, BEV, ERL
        # and EXL clear), Cause IP0.  Continuing takes it at once.
        put(rsp, STATUS, 0x00000101, be, width)
        put(rsp, CAUSE, 0x00000100, be, width)
        vector = sext(VECTOR, width)
        assert rsp.cmd("Z0,%x,4" % vector) == "OK"
        rsp.send("c")
        assert rsp.wait_stop().startswith("T05")
        assert status(c) == "debug"
        assert reg(rsp, PC, be) == vector
        cause = reg(rsp, CAUSE, be)
        assert (cause >> 2) & 0x1f == 0 and cause & 0x100, hex(cause)
        assert reg(rsp, STATUS, be) & 0x2          # EXL
        assert hmp_field(hmp_regs(c), "EPC") == sext(0xbfc00000, width)
        assert open(out).read() == ""               # the ROM never ran
    finally:
        if rsp:
            rsp.close()
        c.close()
        vm.stop()


def test_malta_gdb_write_cp0_le(tmp):
    check_raw_writes(tmp, "mipsel", "el")


def test_malta_gdb_write_cp0_be(tmp):
    check_raw_writes(tmp, "mips", "eb")


def test_malta_gdb_write_cp0_64(tmp):
    """MIPS64 (registers 8 bytes, CP0 values sign-extended; KX/SX/UX
    writable)."""
    check_raw_writes(tmp, "mips64el", "el", width=8)


def test_malta_gdb_set_registers(tmp):
    """The same through gdb-multiarch's `set $reg = value`."""
    elf = os.path.join(PROGS, "ticker-el.elf")
    vm, c, out, port = start(tmp, "mipsel", ["-bios", os.path.join(PROGS, "ticker-el.bin")],
                             ["-S"])
    g = None
    try:
        g = GDB(elf, port)
        assert g.value("$pc") == 0xbfc00000
        g.run("set $sr = 0xffffffff", "set $cause = 0xffffffff",
              "set $badvaddr = 0x80001234", "set $lo = 7", "set $hi = 9",
              "set $f4 = 2.5")
        assert g.value("$sr") == STATUS_RW
        assert g.value("$cause") & ~CAUSE_IP_HW == CAUSE_RW
        assert g.value("$badvaddr") == 0x80001234
        assert g.value("$lo") == 7 and g.value("$hi") == 9
        assert "2.5" in g.run("p $f4")
        regs = g.run("info registers")
        assert re.search(r"\b%08x\b" % STATUS_RW, regs) and "80001234" in regs, regs
        r = hmp_regs(c)
        assert hmp_field(r, "Status") == STATUS_RW
        assert hmp_field(r, "BadVAddr") == 0x80001234

        # Software interrupt 1 this time, taken at the vector.
        g.run("set $sr = 0x201", "set $cause = 0x200")
        text = g.run("break *0x%x" % VECTOR, "continue")
        assert "Breakpoint 1" in text, text
        assert g.value("$pc") == VECTOR
        cause = g.value("$cause")
        assert (cause >> 2) & 0x1f == 0 and cause & 0x200, hex(cause)
        assert g.value("$sr") & 0x2
        assert hmp_field(hmp_regs(c), "EPC") == 0xbfc00000
        assert status(c) == "debug"
    finally:
        if g:
            g.close()
        c.close()
        vm.stop()
