"""QMP wire protocol: greeting, negotiation, request checks, framing,
schema (QMP.md §1, §5 and §8 items 1-21)."""
import json
import socket
import time

from conftest import QMP, Kemu, free_port


def gen_err(r, desc, cls="GenericError"):
    assert r["error"]["class"] == cls, r
    assert r["error"]["desc"] == desc, r


def test_greeting_line(vm_factory):
    vm, sock = vm_factory()
    c = QMP.unix(sock)
    t0 = time.time()
    raw = c.line(timeout=1.5)
    assert time.time() - t0 < 1.5
    g = json.loads(raw)
    assert list(g) == ["QMP"]
    assert c.buf == b""  # exactly one line
    v = g["QMP"]["version"]
    for k in ("major", "minor", "micro"):
        assert isinstance(v["qemu"][k], int)
    assert isinstance(v["package"], str)
    assert isinstance(g["QMP"]["capabilities"], list)
    assert set(g["QMP"]["capabilities"]) <= {"oob"}
    c.cmd("qmp_capabilities")
    assert c.cmd("query-version")["return"] == v


def test_compact_separators(qmp):
    qmp.send_raw('{"execute":"query-kvm"}')
    raw = qmp.line()
    assert raw in (b'{"return": {"enabled": false, "present": false}}',
                   b'{"return": {"present": false, "enabled": false}}')


def test_negotiation_required(vm_factory):
    vm, sock = vm_factory()
    c = QMP.unix(sock)
    c.greet()
    r = c.cmd("query-status", id=1)
    gen_err(r, "Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound")
    assert r["id"] == 1
    r = c.cmd("no-such-command")
    gen_err(r, "Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound")
    assert "id" not in r
    c.send_raw("{]")
    r = c.reply()
    assert r["error"]["class"] == "GenericError"
    assert r["error"]["desc"].startswith("JSON parse error")
    assert c.cmd("qmp_capabilities") == {"return": {}}
    r = c.cmd("qmp_capabilities")
    gen_err(r, "Capabilities negotiation is already complete, command ignored", "CommandNotFound")


def test_oob_capability(tmp):
    # stdio offers no OOB: enabling it fails and negotiation mode stays.
    import subprocess
    vm = Kemu(["-M", "none", "-nodefaults", "-qmp", "stdio"],
              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        g = json.loads(vm.proc.stdout.readline())
        assert g["QMP"]["capabilities"] == []
        vm.proc.stdin.write(b'{"execute":"qmp_capabilities","arguments":{"enable":["oob"]}}\n')
        vm.proc.stdin.write(b'{"execute":"query-status"}\n')
        vm.proc.stdin.flush()
        r = json.loads(vm.proc.stdout.readline())
        gen_err(r, "Capability oob not available")
        r = json.loads(vm.proc.stdout.readline())
        assert r["error"]["class"] == "CommandNotFound"
    finally:
        vm.stop()


def test_oob_on_socket(vm_factory):
    vm, sock = vm_factory()
    c = QMP.unix(sock)
    g = c.greet()
    assert g["QMP"]["capabilities"] == ["oob"]
    assert c.cmd("qmp_capabilities", {"enable": ["oob"]}) == {"return": {}}
    r = c.cmd("stop", **{"exec-oob": "stop"})
    gen_err(r, "QMP input member 'exec-oob' clashes with 'execute'")
    c.send_raw('{"exec-oob": "query-status", "id": 3}')
    r = c.reply()
    gen_err(r, "The command query-status does not support OOB")
    assert r["id"] == 3


def test_id_echo(qmp):
    for ident in ("abc", 42, 1.5, {"a": [1, 2]}, [None, True]):
        r = qmp.cmd("query-status", id=ident)
        assert r["id"] == ident and "return" in r
        r = qmp.cmd("no-such-cmd", id=ident)
        assert r["id"] == ident and "error" in r
    r = qmp.cmd("query-status")
    assert "id" not in r


def test_not_object(qmp):
    for bad in ("null", "42", "[]", '"x"', "true"):
        qmp.send_raw(bad + " ")
        r = qmp.reply()
        gen_err(r, "QMP input must be a JSON object")
        assert "id" not in r


def test_member_checks(qmp):
    qmp.send_raw("{}")
    gen_err(qmp.reply(), "QMP input lacks member 'execute'")
    qmp.send_raw('{"execute": true}')
    gen_err(qmp.reply(), "QMP input member 'execute' must be a string")
    qmp.send_raw('{"execute": "query-status", "arguments": [], "id": 2}')
    r = qmp.reply()
    gen_err(r, "QMP input member 'arguments' must be an object")
    assert r["id"] == 2
    qmp.send_raw('{"execute": "query-status", "extra": 1, "id": 7}')
    r = qmp.reply()
    gen_err(r, "QMP input member 'extra' is unexpected")
    assert r["id"] == 7
    qmp.send_raw('{"exec-oob": "query-status"}')
    gen_err(qmp.reply(), "QMP input member 'exec-oob' is unexpected")


def test_command_checks(qmp):
    gen_err(qmp.cmd("no-such-cmd"), "The command no-such-cmd has not been found",
            "CommandNotFound")
    gen_err(qmp.cmd("query-status", {"foo": 1}), "Parameter 'foo' is unexpected")
    gen_err(qmp.cmd("human-monitor-command"), "Parameter 'command-line' is missing")
    gen_err(qmp.cmd("human-monitor-command", {"command-line": 5}),
            "Invalid parameter type for 'command-line', expected: string")
    gen_err(qmp.cmd("pmemsave", {"val": "x", "size": 1, "filename": "/dev/null"}),
            "Invalid parameter type for 'val', expected: integer")


def test_parse_errors_recover(qmp):
    qmp.send_raw('{ "execute": }')
    r = qmp.reply()
    gen_err(r, "JSON parse error, expecting value")
    assert "id" not in r
    assert qmp.cmd("query-status")["return"]["status"] == "running"
    cases = {
        '{1: 2}': "JSON parse error, key is not a string in object",
        '{"a" 2}': "JSON parse error, missing : in object pair",
        '{"a": 1 "b": 2}': "JSON parse error, expected separator in dict",
        '{"a": foo}': "JSON parse error, invalid keyword 'foo'",
    }
    for text, desc in cases.items():
        qmp.send_raw(text)
        gen_err(qmp.reply(), desc)
    qmp.send_raw('{"execute": %}')
    r = qmp.reply()
    assert r["error"]["desc"].startswith("JSON parse error, stray '%")
    assert qmp.cmd("query-kvm")["return"]["present"] is False
    qmp.send_raw('{"execute": "query-kvm"\x01')
    r = qmp.reply()
    assert r["error"]["desc"].startswith("JSON parse error, stray")
    assert qmp.cmd("query-kvm")["return"]["present"] is False


def test_framing(qmp):
    qmp.send_raw('{"execute":"query-name","id":1}{"execute":"query-kvm","id":2}')
    assert qmp.reply()["id"] == 1
    assert qmp.reply()["id"] == 2
    for b in '{"execute": "query-status", "id": "bytes"}':
        qmp.send_raw(b)
        time.sleep(0.001)
    r = qmp.reply()
    assert r["id"] == "bytes" and r["return"]["running"] is True
    qmp.send_raw("{'execute': 'query-status', 'id': 'it\\'s'}")
    r = qmp.reply()
    assert r["id"] == "it's"
    # an incomplete object gets no reply
    qmp.send_raw('{"execute": "query-status"')
    assert qmp.no_event(0.3)
    qmp.send_raw(', "id": 9}')
    assert qmp.reply()["id"] == 9


def test_ascii_output(qmp):
    r = qmp.cmd("query-status", id="h\u00e9llo \u2603 \U0001F600")
    assert r["id"] == "h\u00e9llo \u2603 \U0001F600"
    qmp.send_raw('{"execute":"query-status","id":"\u00e9"}'.encode())
    raw = qmp.line()
    assert b"\\u00e9" in raw.lower() and raw.isascii()


def test_schema_matches_commands(qmp):
    cmds = {c["name"] for c in qmp.cmd("query-commands")["return"]}
    schema = qmp.cmd("query-qmp-schema")["return"]
    in_schema = {e["name"] for e in schema if e["meta-type"] == "command"}
    assert cmds == in_schema
    assert {"qmp_capabilities", "query-status", "stop", "cont", "quit",
            "query-qmp-schema", "x-exit-preconfig", "qom-get"} <= cmds
    names = [e["name"] for e in schema]
    assert len(names) == len(set(names))
    byname = {e["name"]: e for e in schema}
    refs = []
    for e in schema:
        mt = e["meta-type"]
        if mt == "command":
            refs += [e["arg-type"], e["ret-type"]]
        elif mt == "event":
            refs.append(e["arg-type"])
        elif mt == "object":
            for m in e["members"]:
                refs.append(m["type"])
                assert set(m) <= {"name", "type", "default", "features"}
        elif mt == "array":
            refs.append(e["element-type"])
            assert e["name"] == "[%s]" % e["element-type"]
        elif mt == "enum":
            assert [m["name"] for m in e["members"]] == e["values"]
        elif mt == "builtin":
            assert e["json-type"] in ("string", "number", "int", "boolean", "null",
                                      "object", "array", "value")
    for r in refs:
        assert r in byname, r
    # optional members carry default null; non-builtin names are numbers
    hmp = byname[byname["human-monitor-command"]["arg-type"]]
    m = {x["name"]: x for x in hmp["members"]}
    assert "default" not in m["command-line"] and m["cpu-index"]["default"] is None
    for e in schema:
        if e["meta-type"] in ("object", "enum", "alternate"):
            assert e["name"].isdigit()
    assert byname["x-exit-preconfig"]["features"] == ["unstable"]
    events = {e["name"] for e in schema if e["meta-type"] == "event"}
    assert {"STOP", "RESUME", "SHUTDOWN", "RESET", "POWERDOWN"} <= events
    st = byname[byname["query-status"]["ret-type"]]
    assert {x["name"] for x in st["members"]} == {"running", "status"}


def test_tcp_transport(vm_factory):
    port = free_port()
    vm, _ = vm_factory(["-qmp", "tcp:127.0.0.1:%d,server,nowait" % port], qmp=False)
    c = QMP.tcp(port)
    c.negotiate()
    assert c.cmd("query-status")["return"]["status"] == "running"


def test_pretty(tmp):
    import os
    sock = os.path.join(tmp, "p.sock")
    vm = Kemu(["-M", "none", "-nodefaults", "-chardev",
               "socket,id=m0,path=%s,server=on,wait=off" % sock,
               "-mon", "chardev=m0,mode=control,pretty=on"])
    try:
        c = QMP.unix(sock)
        c.sock.settimeout(3)
        data = b""
        while b"}\r\n" not in data:
            data += c.sock.recv(4096)
        assert b"\n    " in data
        assert json.loads(data)["QMP"]
    finally:
        vm.stop()
