#!/usr/bin/python3
"""QMP during a Linux boot on the Malta board (issue 8, acceptance 4):
once Debian's kernel prints on the serial port, `stop` must answer within
50 ms with the VM paused and no more serial output, `cont` must resume
it, and `system_reset` must boot the kernel again from the reset vector;
`quit` ends kemu with status 0.

    linux_malta_qmp.py KERNEL RESULTS"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

KEMU = os.environ.get("KEMU_SYSTEM_MIPSEL", "build/kemu-system-mipsel")
LIMIT = float(os.environ.get("MALTA_BOOT_LIMIT", "300"))


class Qmp:
    def __init__(self, path):
        end = time.time() + 10
        while True:
            try:
                self.s = socket.socket(socket.AF_UNIX)
                self.s.connect(path)
                break
            except OSError:
                self.s.close()
                if time.time() > end:
                    raise
                time.sleep(0.05)
        self.s.settimeout(10)
        self.buf = b""
        self.events = []
        self.msg()
        assert self.cmd("qmp_capabilities") == {"return": {}}

    def msg(self):
        while b"\r\n" not in self.buf:
            chunk = self.s.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return json.loads(line)

    def cmd(self, name):
        self.s.sendall(json.dumps({"execute": name}).encode())
        while True:
            m = self.msg()
            if "event" in m:
                self.events.append(m["event"])
            else:
                return m

    def event(self, name):
        while name not in self.events:
            m = self.msg()
            if "event" in m:
                self.events.append(m["event"])
        self.events.remove(name)


def main():
    kernel, results = sys.argv[1:3]
    ok = False
    step = "start"
    with tempfile.TemporaryDirectory(prefix="kemu-maltaq-") as tmp:
        sock = os.path.join(tmp, "qmp.sock")
        out = os.path.join(tmp, "serial.txt")
        p = subprocess.Popen([KEMU, "-M", "malta", "-m", "256", "-display", "none",
                              "-nodefaults", "-serial", "file:" + out,
                              "-qmp", "unix:%s,server=on,wait=off" % sock,
                              "-kernel", kernel, "-append", "console=ttyS0 nokaslr"],
                             stderr=subprocess.PIPE)

        def text():
            try:
                with open(out, "rb") as f:
                    return f.read()
            except OSError:
                return b""

        def wait_for(pred):
            end = time.time() + LIMIT
            while time.time() < end:
                if pred():
                    return True
                time.sleep(0.05)
            return False

        try:
            q = Qmp(sock)
            step = "first output"
            if wait_for(lambda: b"Linux version" in text()):
                step = "stop"
                t0 = time.time()
                r = q.cmd("stop")
                dt = time.time() - t0
                q.event("STOP")
                st = q.cmd("query-status")["return"]
                n = len(text())
                time.sleep(0.5)
                if r == {"return": {}} and dt < 0.05 and st["status"] == "paused" \
                        and len(text()) == n:
                    step = "cont"
                    assert q.cmd("cont") == {"return": {}}
                    q.event("RESUME")
                    if wait_for(lambda: len(text()) > n):
                        step = "system_reset"
                        assert q.cmd("system_reset") == {"return": {}}
                        q.event("RESET")
                        if wait_for(lambda: text().count(b"Linux version") >= 2):
                            step = "quit"
                            q.cmd("quit")
                            ok = p.wait(10) == 0
                else:
                    step = "stop (reply %r in %.3f s, %s)" % (r, dt, st)
        except Exception as e:  # noqa: BLE001 - reported as the failing step
            step += " (%r)" % e
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
        if not ok:
            sys.stderr.write("linux-malta-qmp: failed at %s\n" % step)
            sys.stderr.write(text()[-1500:].decode(errors="replace"))
    with open(results, "a") as f:
        f.write("%s linux-malta-qmp\n" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
