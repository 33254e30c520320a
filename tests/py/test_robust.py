"""Robustness: thousands of random and malformed inputs over several
connections, limits, RSS and file-descriptor bounds; the gdb packet layer."""
import os
import random
import socket
import time

from conftest import QMP, Kemu, free_port


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def nfds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def alive_and_answering(c):
    # Resynchronise: a control character resets the parser, then a
    # command must get its reply.
    c.send_raw(b"\x04")
    c.sock.settimeout(5)
    c.send_raw('{"execute":"query-status","id":"probe"}')
    while True:
        m = c.msg(timeout=5)
        if m.get("id") == "probe":
            assert m["return"]["status"] in ("running", "paused")
            return


def random_input(rng):
    kind = rng.randrange(10)
    if kind == 0:
        d = rng.randrange(1, 3000)
        return b"[" * d + b"]" * rng.randrange(d + 1)
    if kind == 1:
        return b'{"execute": "' + b"A" * rng.randrange(1, 200000) + b'"}'
    if kind == 2:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
    if kind == 3:
        return b'{"execute": "query-status", "id": "\xff\xfe\xc3\x28"}'
    if kind == 4:
        return bytes([rng.randrange(32)]) + b'{"execute": "query-kvm"}'
    if kind == 5:
        return b'{"execute": "qom-get", "arguments": {"path": "/machine", "prop'
    if kind == 6:
        return rng.choice([b"{]", b"}", b"]]]", b"{{{", b"'", b'"\\u', b"nul", b"-", b"1e", b"%"])
    if kind == 7:
        return b'{"execute": "human-monitor-command", "arguments": {"command-line": "x/%dxg %d"}}' % (
            rng.randrange(100), rng.randrange(1 << 40))
    if kind == 8:
        keys = [b'"execute"', b'"arguments"', b'"id"', b'"exec-oob"', b"1", b"'x'", b"[]", b"{}",
                b"null", b'"query-status"', b"true"]
        return b"{" + b",".join(rng.choice(keys) + b":" + rng.choice(keys) for _ in range(3)) + b"}"
    return b'{"execute": "query-name", "id": %d}' % rng.randrange(1 << 62)


def test_random_inputs(vm_factory):
    vm, socks = vm_factory(nsock=3)
    pid = vm.proc.pid
    rng = random.Random(1234)
    clients = []
    for s in socks:
        c = QMP.unix(s)
        c.negotiate()
        clients.append(c)
    alive_and_answering(clients[0])
    base_rss = rss_kb(pid)
    sent = 0
    for round_ in range(100):
        for c in clients:
            # The short timeout below is for draining only: sending may
            # wait while a loaded machine lets the server catch up.
            c.sock.settimeout(10)
            for _ in range(34):
                c.send_raw(random_input(rng))
                sent += 1
            # read whatever came back so the server never blocks on us
            c.sock.settimeout(0.05)
            try:
                while True:
                    if not c.sock.recv(1 << 20):
                        raise AssertionError("server closed the connection")
            except (socket.timeout, BlockingIOError):
                pass
        if round_ % 20 == 19:
            for c in clients:
                alive_and_answering(c)
    assert sent >= 10000
    for c in clients:
        alive_and_answering(c)
    assert vm.proc.poll() is None
    assert rss_kb(pid) < base_rss + 200 * 1024


def test_limits(qmp):
    qmp.send_raw(b"[" * 1100)
    r = qmp.reply()
    assert r["error"]["desc"] == "JSON nesting depth limit exceeded"
    qmp.send_raw(b"]" * 1100)
    alive_and_answering(qmp)
    # 64 MiB of string in one token
    chunk = b"A" * (1 << 20)
    qmp.send_raw(b'{"execute": "')
    for _ in range(65):
        qmp.send_raw(chunk)
    qmp.send_raw(b'"}')
    r = qmp.reply(timeout=20)
    assert r["error"]["desc"] == "JSON token size limit exceeded"
    alive_and_answering(qmp)
    assert rss_kb(qmp.vm.proc.pid) < 400 * 1024


def test_connect_cycles_no_fd_leak(vm_factory):
    port = free_port()
    vm, sock = vm_factory(["-qmp", "tcp:127.0.0.1:%d,server=on,wait=off" % port])
    pid = vm.proc.pid
    c = QMP.unix(sock)
    c.negotiate()
    c.close()
    time.sleep(0.1)
    before = nfds(pid)
    for i in range(500):
        c = QMP.unix(sock) if i % 2 else QMP.tcp(port)
        c.greet()
        if i % 3 == 0:
            c.cmd("qmp_capabilities")
        if i % 5 == 0:
            c.send_raw('{"execute": "query-status"')  # partial, then gone
        c.close()
    c = QMP.unix(sock)
    c.negotiate()
    assert c.cmd("query-status")["return"]["status"] == "running"
    c.close()
    time.sleep(0.2)
    assert nfds(pid) <= before


def gdb_packet(payload):
    return b"$%s#%02x" % (payload, sum(payload) & 0xff)


def test_gdb_packet_layer(vm_factory):
    port = free_port()
    vm, sock = vm_factory(["-gdb", "tcp:127.0.0.1:%d" % port])
    q = QMP.unix(sock)
    q.negotiate()
    g = socket.create_connection(("127.0.0.1", port))
    g.settimeout(5)

    def recv_packet():
        data = b""
        while not (b"#" in data and len(data) >= data.index(b"#") + 3):
            data += g.recv(4096)
        return data

    g.sendall(b"$qSupported#37")
    data = recv_packet()
    assert data.startswith(b"+$")
    assert b"PacketSize=" in data and b"qXfer:features:read+" in data
    body = data[2:data.index(b"#")]
    assert data[data.index(b"#") + 1:data.index(b"#") + 3] == b"%02x" % (sum(body) & 0xff)
    g.sendall(b"+$qSupported#00")
    assert g.recv(1) == b"-"
    g.sendall(gdb_packet(b"vMustReplyEmpty"))
    assert recv_packet() == b"+$#00"
    xml, off = b"", 0
    while True:
        g.sendall(gdb_packet(b"qXfer:features:read:target.xml:%x,ffb" % off))
        x = recv_packet()
        assert x[:3] in (b"+$m", b"+$l")
        chunk = x[3:x.index(b"#")]
        xml += chunk
        off += len(chunk)
        if x[:3] == b"+$l":
            break
    assert b"<architecture>mips</architecture>" in xml and xml.endswith(b"</target>")
    assert b"org.gnu.gdb.mips.cpu" in xml and b"org.gnu.gdb.mips.fpu" in xml
    # attaching paused the running VM
    q.event("STOP")
    assert q.cmd("query-status")["return"]["status"] == "paused"
    g.sendall(gdb_packet(b"qRcmd," + b"info status".hex().encode()))
    out = b""
    while b"$OK#" not in out:
        out += g.recv(4096)
    assert b"$O" + b"VM status: paused".hex().encode() in out
    g.sendall(gdb_packet(b"c"))
    assert g.recv(1) == b"+"
    q.event("RESUME")
    g.close()
