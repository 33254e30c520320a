"""Run states, events, --preconfig, several monitors, reconnects,
-daemonize/-pidfile, -qmp stdio and command-line handling (QMP.md §2-4,
§8 items 22-36)."""
import json
import os
import signal
import subprocess
import time

from conftest import QMP, Kemu, binary


def status(c):
    return c.cmd("query-status")["return"]


def check_event(e, name, data=None):
    assert e["event"] == name
    assert isinstance(e["timestamp"]["seconds"], int)
    assert isinstance(e["timestamp"]["microseconds"], int)
    if data is None:
        assert "data" not in e
    else:
        assert e["data"] == data


def test_start_running(qmp):
    assert status(qmp) == {"running": True, "status": "running"}


def test_start_stopped_and_cont(vm_factory):
    vm, sock = vm_factory(["-S"])
    c = QMP.unix(sock)
    c.negotiate()
    assert status(c) == {"running": False, "status": "prelaunch"}
    assert c.cmd("cont") == {"return": {}}
    check_event(c.event("RESUME"), "RESUME")
    assert status(c)["status"] == "running"


def test_stop_cont_events(qmp):
    assert qmp.cmd("stop") == {"return": {}}
    check_event(qmp.event("STOP"), "STOP")
    assert status(qmp) == {"running": False, "status": "paused"}
    assert qmp.cmd("stop") == {"return": {}}
    assert qmp.cmd("cont") == {"return": {}}
    check_event(qmp.event("RESUME"), "RESUME")
    assert qmp.cmd("cont") == {"return": {}}
    assert qmp.events == []
    assert qmp.no_event(0.3)


def test_stop_event_before_return(qmp):
    qmp.send_raw('{"execute":"stop","id":1}')
    first = qmp.msg()
    assert first.get("event") == "STOP"
    assert qmp.msg() == {"return": {}, "id": 1}


def test_system_reset(qmp):
    qmp.send_raw('{"execute":"system_reset","id":1}')
    assert qmp.msg() == {"return": {}, "id": 1}
    check_event(qmp.msg(), "RESET", {"guest": False, "reason": "host-qmp-system-reset"})
    assert status(qmp)["status"] == "running"
    qmp.cmd("stop")
    qmp.event("STOP")
    qmp.cmd("system_reset")
    qmp.event("RESET")
    assert status(qmp) == {"running": False, "status": "prelaunch"}


def test_powerdown(qmp):
    assert qmp.cmd("system_powerdown") == {"return": {}}
    check_event(qmp.event("POWERDOWN"), "POWERDOWN")
    assert status(qmp)["status"] == "running"


def test_quit(vm_factory):
    vm, sock = vm_factory()
    c = QMP.unix(sock)
    c.negotiate()
    c.send_raw('{"execute":"quit"}')
    assert c.reply() == {"return": {}}
    check_event(c.event("SHUTDOWN"), "SHUTDOWN", {"guest": False, "reason": "host-qmp-quit"})
    assert c.sock.recv(100) == b""
    assert vm.wait() == 0
    assert not os.path.exists(sock)


def test_sigterm(vm_factory):
    vm, sock = vm_factory()
    c = QMP.unix(sock)
    c.negotiate()
    vm.proc.send_signal(signal.SIGTERM)
    check_event(c.event("SHUTDOWN"), "SHUTDOWN", {"guest": False, "reason": "host-signal"})
    assert vm.wait() == 0


def test_two_monitors_events(vm_factory):
    vm, socks = vm_factory(nsock=2)
    a, b = QMP.unix(socks[0]), QMP.unix(socks[1])
    a.negotiate()
    b.greet()
    a.cmd("stop")
    a.event("STOP")
    assert b.no_event(0.3)
    b.cmd("qmp_capabilities")
    a.cmd("cont")
    b.event("RESUME")
    a.event("RESUME")


def test_one_client_per_socket(vm_factory):
    vm, sock = vm_factory()
    a = QMP.unix(sock)
    a.negotiate()
    a.cmd("stop")
    b = QMP.unix(sock)
    assert b.no_event(0.5)  # no greeting while a is connected
    a.close()
    g = b.msg(timeout=3)
    assert "QMP" in g
    r = b.cmd("query-status")
    assert r["error"]["class"] == "CommandNotFound"  # negotiation again
    b.cmd("qmp_capabilities")
    assert status(b)["status"] == "paused"  # VM state kept


def test_reconnect_partial_input_dropped(vm_factory):
    vm, sock = vm_factory()
    a = QMP.unix(sock)
    a.negotiate()
    a.send_raw('{"execute": "stop"')
    a.close()
    b = QMP.unix(sock)
    b.negotiate()
    assert status(b)["status"] == "running"


def test_preconfig(vm_factory):
    vm, sock = vm_factory(["--preconfig"])
    c = QMP.unix(sock)
    c.negotiate()
    assert status(c) == {"running": False, "status": "prelaunch"}
    assert c.cmd("query-commands")["return"]
    r = c.cmd("query-cpus-fast")
    assert r["error"] == {"class": "GenericError", "desc":
        "The command 'query-cpus-fast' is permitted only after machine initialization has completed"}
    for name in ("query-machines", "stop", "cont", "human-monitor-command"):
        r = c.cmd(name, {"command-line": "help"} if name.startswith("human") else None)
        assert "permitted only after machine initialization" in r["error"]["desc"]
    assert c.cmd("qom-list", {"path": "/machine"})["return"]
    assert c.cmd("x-exit-preconfig") == {"return": {}}
    c.event("RESUME")
    assert status(c)["status"] == "running"
    r = c.cmd("x-exit-preconfig")
    assert r["error"]["desc"] == "The command is permitted only before machine initialization"
    r = c.cmd("set-numa-node", {"type": "node"})
    assert r["error"]["desc"] == "The command is permitted only before the machine has been created"


def test_preconfig_with_S(vm_factory):
    vm, sock = vm_factory(["--preconfig", "-S"])
    c = QMP.unix(sock)
    c.negotiate()
    assert c.cmd("x-exit-preconfig") == {"return": {}}
    assert c.no_event(0.3)
    assert status(c)["status"] == "prelaunch"
    c.cmd("cont")
    c.event("RESUME")


def test_exit_preconfig_without_preconfig(qmp):
    r = qmp.cmd("x-exit-preconfig")
    assert r["error"]["desc"] == "The command is permitted only before machine initialization"


def test_hmp_and_qom(qmp):
    r = qmp.cmd("human-monitor-command", {"command-line": "foo"})
    assert r == {"return": "unknown command: 'foo'\r\n"}
    r = qmp.cmd("human-monitor-command", {"command-line": "info status"})
    assert r == {"return": "VM status: running\r\n"}
    r = qmp.cmd("human-monitor-command", {"command-line": "info version"})
    assert r["return"].startswith("8.2.0") and r["return"].endswith("\r\n")
    r = qmp.cmd("human-monitor-command", {"command-line": "help"})
    assert "info" in r["return"] and "\r\n" in r["return"]
    r = qmp.cmd("human-monitor-command", {"command-line": "info status", "cpu-index": 3})
    assert r["error"]["desc"] == "Parameter 'cpu-index' expects a CPU number"
    r = qmp.cmd("qom-get", {"path": "/nope", "property": "type"})
    assert r["error"] == {"class": "DeviceNotFound", "desc": "Device '/nope' not found"}
    lst = qmp.cmd("qom-list", {"path": "/machine"})["return"]
    names = {p["name"]: p["type"] for p in lst}
    assert names["type"] == "string"
    assert names["unattached"] == "child<container>"
    assert names["peripheral"] == "child<container>"
    assert qmp.cmd("qom-get", {"path": "/machine", "property": "type"})["return"] == "none-machine"
    r = qmp.cmd("qom-get", {"path": "/machine", "property": "nope"})
    assert r["error"]["class"] == "GenericError"
    assert qmp.cmd("qom-set", {"path": "/machine", "property": "mem-merge",
                               "value": False}) == {"return": {}}
    assert qmp.cmd("qom-get", {"path": "/machine", "property": "mem-merge"})["return"] is False
    r = qmp.cmd("qom-set", {"path": "/machine", "property": "type", "value": "x"})
    assert r["error"]["class"] == "GenericError"


def test_hmp_stop_cont_via_qmp(qmp):
    qmp.cmd("human-monitor-command", {"command-line": "stop"})
    qmp.event("STOP")
    r = qmp.cmd("human-monitor-command", {"command-line": "info status"})
    assert r["return"] == "VM status: paused\r\n"
    qmp.cmd("human-monitor-command", {"command-line": "cont"})
    qmp.event("RESUME")


def test_memory_commands(vm_factory, tmp):
    vm, sock = vm_factory(["-m", "128"])
    c = QMP.unix(sock)
    c.negotiate()
    assert c.cmd("query-memory-size-summary")["return"] == {
        "base-memory": 134217728, "plugged-memory": 0}
    out = os.path.join(tmp, "dump")
    assert c.cmd("pmemsave", {"val": 4096, "size": 64, "filename": out}) == {"return": {}}
    assert open(out, "rb").read() == b"\0" * 64
    r = c.cmd("memsave", {"val": 0, "size": 4, "filename": out})
    assert r["error"]["class"] == "GenericError"
    r = c.cmd("pmemsave", {"val": 0, "size": 4, "filename": "/nonexistent/dir/x"})
    assert r["error"]["class"] == "GenericError"
    r = c.cmd("human-monitor-command", {"command-line": "xp/4xw 0"})
    assert r["return"] == "0000000000000000: 0x00000000 0x00000000 0x00000000 0x00000000\r\n"
    r = c.cmd("human-monitor-command", {"command-line": "info mtree"})
    assert "ram" in r["return"]


def test_static_queries(qmp):
    assert qmp.cmd("query-kvm")["return"] == {"enabled": False, "present": False}
    assert qmp.cmd("query-name")["return"] == {}
    assert qmp.cmd("query-target")["return"] == {"arch": "mips"}
    assert qmp.cmd("query-cpus-fast")["return"] == []
    r = qmp.cmd("query-hotpluggable-cpus")
    assert r["error"]["desc"] == "machine does not support hot-plugging CPUs"


def test_name(vm_factory):
    vm, sock = vm_factory(["-name", "vm1"])
    c = QMP.unix(sock)
    c.negotiate()
    assert c.cmd("query-name")["return"] == {"name": "vm1"}


def test_help_matches_queries(vm_factory):
    for arch in ("mips", "arm"):
        out = subprocess.run([binary(arch), "-M", "help"], capture_output=True, text=True)
        assert out.returncode == 0
        listed = {l.split()[0] for l in out.stdout.splitlines()[1:] if l.strip()}
        cpus = subprocess.run([binary(arch), "-cpu", "help"], capture_output=True, text=True)
        assert cpus.returncode == 0
        cpu_names = {l.strip() for l in cpus.stdout.splitlines()[1:] if l.strip()}
        vm, sock = vm_factory(arch=arch)
        c = QMP.unix(sock)
        c.negotiate()
        machines = {m["name"] for m in c.cmd("query-machines")["return"]}
        assert machines == listed and "none" in machines
        assert c.cmd("query-target")["return"] == {"arch": arch}
        defs = {d["name"] for d in c.cmd("query-cpu-definitions")["return"]}
        assert defs == cpu_names and len(defs) > 3


def test_qmp_stdio():
    vm = Kemu(["-M", "none", "-nodefaults", "-qmp", "stdio"],
              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        g = json.loads(vm.proc.stdout.readline())
        assert g["QMP"]["capabilities"] == []
        vm.proc.stdin.write(b'{"execute":"qmp_capabilities"}{"execute":"query-status"}')
        vm.proc.stdin.flush()
        assert json.loads(vm.proc.stdout.readline()) == {"return": {}}
        assert json.loads(vm.proc.stdout.readline())["return"]["status"] == "running"
        vm.proc.stdin.write(b'{"execute":"quit"}\n')
        vm.proc.stdin.flush()
        assert vm.wait() == 0
    finally:
        vm.stop()


def test_hmp_stdio():
    vm = Kemu(["-M", "none", "-nodefaults", "-monitor", "stdio"],
              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = vm.proc.communicate(b"info status\nbogus\nquit\n", timeout=10)
    assert b"(qemu) " in out
    assert b"VM status: running\r\n" in out
    assert b"unknown command: 'bogus'\r\n" in out
    assert vm.proc.returncode == 0


def test_daemonize_pidfile(tmp):
    sock = os.path.join(tmp, "d.sock")
    pidf = os.path.join(tmp, "kemu.pid")
    args = [binary(), "-M", "none", "-display", "none", "-nodefaults", "-daemonize",
            "-pidfile", pidf, "-qmp", "unix:%s,server=on,wait=off" % sock]
    r = subprocess.run(args, timeout=10)
    assert r.returncode == 0
    # ready at once: no retries needed
    c = QMP.unix(sock, timeout=0)
    pid = int(open(pidf).read())
    os.kill(pid, 0)
    # a second instance with the same pidfile fails
    r2 = subprocess.run(args[:-2] + ["-qmp", "unix:%s2,server=on,wait=off" % sock],
                        capture_output=True, text=True, timeout=10)
    assert r2.returncode != 0
    c.negotiate()
    c.send_raw('{"execute":"quit"}')
    c.reply()
    c.event("SHUTDOWN")
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("daemon did not exit")
    assert not os.path.exists(pidf)


def test_stdio_with_daemonize():
    r = subprocess.run([binary(), "-M", "none", "-daemonize", "-qmp", "stdio"],
                       capture_output=True, text=True, timeout=10)
    assert r.returncode == 1
    assert "cannot use stdio with -daemonize" in r.stderr
    r = subprocess.run([binary(), "-M", "none", "-qmp", "stdio", "-monitor", "stdio"],
                       capture_output=True, text=True, timeout=10)
    assert r.returncode == 1
    assert "cannot use stdio by multiple character devices" in r.stderr


def test_bad_options():
    for args in (["-foo"], ["--bogus"], ["-M", "nosuch"], ["-m"], ["-cpu", "nosuch", "-M", "none"],
                 ["-M", "none", "-m", "lots"], ["-M", "none", "-smp", "4"],
                 ["-M", "none", "-chardev", "bogus,id=x"], ["-M", "none", "-mon", "chardev=nope"]):
        r = subprocess.run([binary()] + args, capture_output=True, text=True, timeout=10)
        assert r.returncode == 1, args
        assert len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)
    r = subprocess.run([binary(), "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("QEMU emulator version 8.2.0")
    r = subprocess.run([binary(), "-h"], capture_output=True, text=True)
    assert r.returncode == 0 and "-machine" in r.stdout


def test_wait_blocks_startup(tmp):
    sock = os.path.join(tmp, "w.sock")
    vm = Kemu(["-M", "none", "-nodefaults", "-qmp", "unix:%s,server=on" % sock, "-S"],
              stderr=subprocess.PIPE)
    try:
        c = QMP.unix(sock)
        c.negotiate()
        assert status(c)["status"] == "prelaunch"
    finally:
        vm.stop()


def test_libvirt_chardev_form(tmp):
    sock = os.path.join(tmp, "l.sock")
    vm = Kemu(["-M", "none", "-nodefaults", "-chardev",
               "socket,id=mon0,path=%s,server=on,wait=off" % sock,
               "-mon", "chardev=mon0,mode=control"])
    try:
        c = QMP.unix(sock)
        c.negotiate()
        chardevs = c.cmd("query-chardev")["return"]
        assert any(d["label"] == "mon0" for d in chardevs)
    finally:
        vm.stop()
