"""The remote protocol against kemu-arm -g with a real CPU: QMP.md §8
item 38 (stop reply, memory, Z0 + c), registers, watchpoints of each
kind, Ctrl-C, monitor, detach, kill, exit and signal reports."""
import os
import re
import signal
import struct
import time

from conftest import PROG, file_bytes_at, symbols

SYMS = symbols()


def stop_pc(reply):
    """T05thread:p<pid>.<tid>;... -> the stop signal."""
    m = re.match(r"T([0-9a-f]{2})thread:p([0-9a-f]+)\.([0-9a-f]+);", reply)
    assert m, reply
    return int(m.group(1), 16), int(m.group(2), 16), int(m.group(3), 16)


def reg(r, n):
    return struct.unpack("<I", bytes.fromhex(r.cmd("p%x" % n)))[0]


def run_to(r, addr):
    assert r.cmd("Z0,%x,4" % addr) == "OK"
    stop = r.cmd("c")
    assert stop_pc(stop)[0] == 5
    assert reg(r, 15) == addr
    assert r.cmd("z0,%x,4" % addr) == "OK"


def test_stop_reply_memory_breakpoint(guest):
    """§8 item 38: `?` <- T05; m<valid>,4 <- 8 hex digits; Z0 then c <- T05."""
    g = guest()
    r = g.connect()
    sig, pid, tid = stop_pc(r.cmd("?"))
    assert sig == 5
    # Thread ids are host ids: the process is kemu itself, the thread its
    # only one.
    assert pid == g.proc.pid and tid == g.proc.pid
    assert r.cmd("qC") == "QCp%x.%x" % (pid, tid)
    assert r.cmd("qfThreadInfo") == "mp%x.%x" % (pid, tid)
    assert r.cmd("qsThreadInfo") == "l"
    assert r.cmd("qAttached") == "1"

    # Memory at the entry point is the program's code from the file.
    start = SYMS["_start"]
    assert reg(r, 15) == start
    mem = r.cmd("m%x,4" % start)
    assert re.fullmatch(r"[0-9a-f]{8}", mem)
    assert bytes.fromhex(mem) == file_bytes_at(start, 4)
    assert r.cmd("m%x,10" % SYMS["add_twice"]) == file_bytes_at(SYMS["add_twice"], 16).hex()
    # Unmapped memory.
    assert r.cmd("m10,4") == "E14"
    assert r.cmd("m%x,4" % 0x7ffff000) == "E14"

    # A breakpoint checked by the translator: guest memory is unchanged.
    addr = SYMS["add_twice"]
    assert r.cmd("Z0,%x,4" % addr) == "OK"
    assert r.cmd("m%x,4" % addr) == file_bytes_at(addr, 4).hex()
    sig, _, _ = stop_pc(r.cmd("c"))
    assert sig == 5
    assert reg(r, 15) == addr
    assert reg(r, 0) == 3 and reg(r, 1) == 4
    assert r.cmd("z0,%x,4" % addr) == "OK"
    assert r.cmd("z0,%x,4" % addr) == "E22"
    r.send("c")
    assert r.packet() == "W03;process:%x" % pid
    rc, out, _ = g.finish()
    assert rc == 3 and out == "total 14 counter 42\n"


def test_registers_read_write(guest):
    g = guest()
    r = g.connect()
    run_to(r, SYMS["add_twice"])
    regs = r.cmd("g")
    # r0-r15 and cpsr, 4 bytes each.
    assert len(regs) == 17 * 8
    words = struct.unpack("<17I", bytes.fromhex(regs))
    assert words[0] == 3 and words[1] == 4 and words[15] == SYMS["add_twice"]
    assert words[16] & 0x1f == 0x10
    assert reg(r, 0x19) == words[16]
    # Change a's register before the function reads it: the function
    # returns (7 + 4) * 2 and main exits with 22 - 11.
    assert r.cmd("P0=%s" % struct.pack("<I", 7).hex()) == "OK"
    assert reg(r, 0) == 7
    # G writes everything back (r1 changed to 6): (7 + 6) * 2 - 11 = 15.
    w = list(struct.unpack("<17I", bytes.fromhex(r.cmd("g"))))
    w[1] = 6
    assert r.cmd("G" + struct.pack("<17I", *w).hex()) == "OK"
    assert reg(r, 1) == 6
    # The CPSR flags are writable, the mode is not.
    cpsr = reg(r, 0x19)
    assert r.cmd("P19=%s" % struct.pack("<I", (cpsr ^ 0xf0000000) & ~0x1f).hex()) == "OK"
    assert reg(r, 0x19) == (cpsr ^ 0xf0000000) & ~0x1f | 0x10
    assert r.cmd("P19=%s" % struct.pack("<I", cpsr).hex()) == "OK"
    assert r.cmd("p63") == "E14"
    r.send("c")
    assert r.packet().startswith("W0f")
    rc, out, _ = g.finish()
    assert rc == 15 and out == "total 26 counter 42\n"


def test_memory_write(guest):
    g = guest()
    r = g.connect()
    counter = SYMS["counter"]
    assert r.cmd("m%x,4" % counter) == struct.pack("<i", 5).hex()
    assert r.cmd("M%x,4:%s" % (counter, struct.pack("<i", 100).hex())) == "OK"
    assert r.cmd("m%x,4" % counter) == struct.pack("<i", 100).hex()
    assert r.cmd("M10,4:00000000") == "E14"
    assert r.cmd("M%x,4:0000" % counter) == "E22"
    # Code is read-only to the guest but not to the debugger: turn
    # "sum = sum * 2" (lsl r3, r3, #1) in add_twice into a no-op.
    code = file_bytes_at(SYMS["add_twice"], 64)
    off = code.index(struct.pack("<I", 0xe1a03083))
    lsl = SYMS["add_twice"] + off
    assert r.cmd("M%x,4:%s" % (lsl, struct.pack("<I", 0xe1a00000).hex())) == "OK"
    assert r.cmd("m%x,4" % lsl) == "0000a0e1"
    r.send("c")
    assert r.packet().startswith("W%02x" % ((7 - 11) & 0xff))
    rc, out, _ = g.finish()
    assert out == "total 7 counter 137\n"


def test_single_step(guest):
    g = guest()
    r = g.connect()
    start = reg(r, 15)
    for i in range(1, 6):
        sig, _, _ = stop_pc(r.cmd("vCont;s:p%x.%x;c" % (g.proc.pid, g.proc.pid)))
        assert sig == 5
    # _start's first instructions are straight-line code.
    assert reg(r, 15) == start + 5 * 4
    sig, _, _ = stop_pc(r.cmd("s"))
    assert reg(r, 15) == start + 6 * 4
    assert r.cmd("vCont?") == "vCont;c;C;s;S"
    r.send("c")
    assert r.packet().startswith("W03")
    assert g.finish()[0] == 3


def watch_run(g, ztype, addr):
    r = g.connect()
    assert r.cmd("Z%d,%x,4" % (ztype, addr)) == "OK"
    stop = r.cmd("c")
    return r, stop


def test_write_watchpoint(guest):
    g = guest()
    total = SYMS["global_total"]
    r, stop = watch_run(g, 2, total)
    assert stop_pc(stop)[0] == 5
    assert stop.endswith(";watch:%x;" % total), stop
    # Stopped after the store: the new value is in memory.
    assert r.cmd("m%x,4" % total) == struct.pack("<i", 14).hex()
    assert r.cmd("z2,%x,4" % total) == "OK"
    r.send("c")
    assert r.packet().startswith("W03")


def test_read_watchpoint(guest):
    g = guest()
    counter = SYMS["counter"]
    r, stop = watch_run(g, 3, counter)
    assert stop.endswith(";rwatch:%x;" % counter), stop
    # The read of "counter + 37" happened, the write has not.
    assert r.cmd("m%x,4" % counter) == struct.pack("<i", 5).hex()
    assert r.cmd("z3,%x,4" % counter) == "OK"
    r.send("c")
    assert r.packet().startswith("W03")


def test_access_watchpoint(guest):
    g = guest()
    counter = SYMS["counter"]
    r, stop = watch_run(g, 4, counter)
    assert stop.endswith(";awatch:%x;" % counter), stop
    assert r.cmd("m%x,4" % counter) == struct.pack("<i", 5).hex()
    # The next hit is the write.
    stop = r.cmd("c")
    assert stop.endswith(";awatch:%x;" % counter), stop
    assert r.cmd("m%x,4" % counter) == struct.pack("<i", 42).hex()
    r.send("D;%x" % g.proc.pid)
    assert r.packet() == "OK"
    rc, out, _ = g.finish()
    assert rc == 3


def test_ctrl_c_and_kill(guest):
    g = guest("spin")
    r = g.connect()
    r.send("c")
    time.sleep(0.3)
    assert g.proc.poll() is None
    r.sock.sendall(b"\x03")
    sig, _, _ = stop_pc(r.packet())
    assert sig == 2
    # Stopped inside the spin loop, and it did spin.
    assert SYMS["spin"] <= reg(r, 15) < SYMS["main"]
    spins = struct.unpack("<I", bytes.fromhex(r.cmd("m%x,4" % SYMS["spins"])))[0]
    assert spins > 0
    # Resume and interrupt again: it spun further.
    r.send("c")
    time.sleep(0.2)
    r.sock.sendall(b"\x03")
    assert stop_pc(r.packet())[0] == 2
    assert struct.unpack("<I", bytes.fromhex(r.cmd("m%x,4" % SYMS["spins"])))[0] > spins
    # Ctrl-C in the same write as the continue.
    r.sock.sendall(b"$c#63\x03")
    assert r.ack() == b"+"
    assert stop_pc(r.packet())[0] == 2
    r.sock.sendall(b"$k#6b")
    rc, _, _ = g.finish()
    assert rc == -signal.SIGKILL


def test_monitor_command(guest):
    g = guest()
    r = g.connect()
    r.send("qRcmd," + b"info registers".hex())
    text = b""
    while True:
        p = r.packet()
        if p == "OK":
            break
        assert p.startswith("O")
        text += bytes.fromhex(p[1:])
    assert re.search(rb"R15=%08x" % SYMS["_start"], text), text
    r.send("qRcmd," + b"foo".hex())
    assert bytes.fromhex(r.packet()[1:]) == b"unknown command: 'foo'\n"
    assert r.packet() == "OK"
    r.send("k")
    assert g.finish()[0] == -signal.SIGKILL


def test_detach_removes_breakpoints(guest):
    g = guest()
    r = g.connect()
    assert r.cmd("Z0,%x,4" % SYMS["add_twice"]) == "OK"
    assert r.cmd("Z2,%x,4" % SYMS["global_total"]) == "OK"
    r.send("D;%x" % g.proc.pid)
    assert r.packet() == "OK"
    # The program runs to its end without stopping.
    rc, out, _ = g.finish()
    assert rc == 3 and out == "total 14 counter 42\n"


def test_gdb_leaving_lets_program_finish(guest):
    g = guest()
    r = g.connect()
    assert r.cmd("Z0,%x,4" % SYMS["add_twice"]) == "OK"
    r.close()
    rc, out, _ = g.finish()
    assert rc == 3 and out == "total 14 counter 42\n"


def test_guest_fault_reported(guest):
    g = guest("segv")
    r = g.connect()
    r.send("c")
    sig, _, _ = stop_pc(r.packet())
    assert sig == 11
    # gdb lets the signal through: the program dies by it.
    r.send("C0b")
    assert r.packet() == "X0b;process:%x" % g.proc.pid
    rc, _, err = g.finish()
    assert rc == -signal.SIGSEGV
    assert "segmentation fault" in err


def test_guest_fault_discarded_signal_refaults(guest):
    g = guest("segv")
    r = g.connect()
    r.send("c")
    assert stop_pc(r.packet())[0] == 11
    pc = reg(r, 15)
    # Continuing without the signal re-executes the faulting store.
    assert stop_pc(r.cmd("c"))[0] == 11
    assert reg(r, 15) == pc
    r.send("k")
    assert g.finish()[0] == -signal.SIGKILL


def test_kemu_gdb_environment(guest):
    g = guest(env_port=True)
    r = g.connect()
    assert stop_pc(r.cmd("?"))[0] == 5
    assert r.cmd("qXfer:exec-file:read:%x:0,fff" % g.proc.pid) == "l" + os.path.realpath(PROG)
    r.send("c")
    assert r.packet().startswith("W03")
    assert g.finish()[0] == 3


def test_child_runs_undebugged(guest):
    """A child that forks and re-executes the program neither stops at
    the parent's breakpoints nor waits for a gdb of its own."""
    g = guest("exec")
    r = g.connect()
    assert r.cmd("Z0,%x,4" % SYMS["add_twice"]) == "OK"
    r.send("c")
    assert r.packet(timeout=20).startswith("W%02x" % 103)
    rc, out, _ = g.finish()
    assert rc == 103 and out == "total 14 counter 42\n"


def unescape(data):
    out, i = bytearray(), 0
    while i < len(data):
        if data[i] == 0x7d:
            out.append(data[i + 1] ^ 0x20)
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


def test_auxv(guest):
    g = guest()
    r = g.connect()
    assert "qXfer:auxv:read+" in r.cmd("qSupported:multiprocess+")
    reply = r.cmd("qXfer:auxv:read::0,fff").encode("latin-1")
    assert reply[:1] == b"l"
    data = unescape(reply[1:])
    pairs = [struct.unpack_from("<II", data, i) for i in range(0, len(data), 8)]
    assert pairs[-1] == (0, 0)
    aux = dict(pairs)
    assert aux[9] == SYMS["_start"]         # AT_ENTRY
    assert aux[6] == 4096                   # AT_PAGESZ
    assert aux[25] > 0x10000                # AT_RANDOM: 16 bytes on the stack
    # Offsets page through the same bytes.
    tail = r.cmd("qXfer:auxv:read::8,10").encode("latin-1")
    assert tail[:1] == b"m" and unescape(tail[1:]) == data[8:24]
    r.send("k")


def test_port_in_use():
    """A port kemu cannot listen on: one-line error, exit 1."""
    import socket
    import subprocess
    from conftest import KEMU_ARM, PROG
    s = socket.socket()
    s.bind(("0.0.0.0", 0))
    s.listen(1)
    port = s.getsockname()[1]
    p = subprocess.run([KEMU_ARM, "-g", str(port), PROG], capture_output=True,
                       text=True, timeout=10)
    s.close()
    assert p.returncode == 1
    assert "cannot listen on port %d" % port in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_child_runs_undebugged_env_port(guest):
    """With the port given by KEMU_GDB rather than -g, a re-executed child
    does not inherit it: it neither waits for a gdb nor sees the variable."""
    g = guest("exec", env_port=True)
    r = g.connect()
    r.send("c")
    assert r.packet(timeout=20).startswith("W%02x" % 103)
    rc, out, _ = g.finish()
    assert rc == 103 and out == "total 14 counter 42\n"
