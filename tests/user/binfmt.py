#!/usr/bin/python3
"""kemu-binfmt: the printed registrations match exactly the ELF headers of
real programs of their architecture (and no other), ET_EXEC and ET_DYN
but not ET_REL; the interpreter is the kemu-ARCH link; --install and
--remove are refused without binfmt_misc and without root, so nothing is
ever registered here.
    binfmt.py RESULT_FILE ARCH=PROGRAM...
"""
import os
import subprocess
import sys
import tempfile

SCRIPT = os.path.join(os.path.dirname(__file__), "..", "..", "scripts",
                      "kemu-binfmt")
results = open(sys.argv[1], "a")
samples = dict(a.split("=", 1) for a in sys.argv[2:])
passed = failed = 0


def check(name, ok, why=""):
    global passed, failed
    results.write(("PASS" if ok else "FAIL") + " binfmt-" + name + "\n")
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL binfmt-%s %s" % (name, why))


def run(*args, env=None, user=None):
    cmd = [SCRIPT] + list(args)
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user,
               "--clear-groups"] + cmd
    return subprocess.run(cmd, capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))


def unescape(s):
    out = bytearray()
    i = 0
    while i < len(s):
        if s.startswith("\\x", i):
            out.append(int(s[i + 2:i + 4], 16))
            i += 4
        else:
            out.append(ord(s[i]))
            i += 1
    return bytes(out)


def matches(magic, mask, head):
    return all((h & m) == (g & m) for h, g, m in zip(head, magic, mask))


r = run("--dir", "build")
check("print", r.returncode == 0 and r.stderr == "", r.stderr)
entries = {}
for line in r.stdout.splitlines():
    f = line.split(":")
    # :name:type:offset:magic:mask:interpreter:flags
    if len(f) == 8 and f[0] == "" and f[2] == "M" and f[3] == "":
        entries[f[1]] = (unescape(f[4]), unescape(f[5]), f[6], f[7])
check("arches", sorted(entries) == sorted("kemu-" + a for a in samples),
      str(sorted(entries)))

for arch, path in sorted(samples.items()):
    name = "kemu-" + arch
    if name not in entries:
        check(arch + "-present", False)
        continue
    magic, mask, interp, flags = entries[name]
    check(arch + "-lengths", len(magic) == 20 and len(mask) == 20)
    check(arch + "-interpreter",
          interp == os.path.realpath("build") + "/" + name and
          os.path.exists(interp), interp)
    check(arch + "-flags", flags == "OCF", flags)
    head = open(path, "rb").read(20)
    check(arch + "-matches-own", matches(magic, mask, head))
    # e_type: EXEC (2) and DYN (3) match, REL (1) does not.
    le = head[5] == 1
    for etype, want in ((2, True), (3, True), (1, False), (4, False)):
        h = bytearray(head)
        h[16:18] = etype.to_bytes(2, "little" if le else "big")
        check("%s-etype-%d" % (arch, etype), matches(magic, mask, h) == want)
    # OSABI does not matter (GNU/Linux programs set 3).
    h = bytearray(head)
    h[7] = 3
    check(arch + "-osabi", matches(magic, mask, h))
    others = [a for a in samples if a != arch and
              matches(magic, mask, open(samples[a], "rb").read(20))]
    check(arch + "-matches-no-other", not others, str(others))
    # The fields themselves: class, data, machine.
    machine = int.from_bytes(magic[18:20], "little" if le else "big")
    want = {"arm": (1, 1, 40), "mips": (1, 2, 8), "mipsel": (1, 1, 8),
            "mips64": (2, 2, 8), "mips64el": (2, 1, 8)}[arch]
    check(arch + "-fields", (magic[4], magic[5], machine) == want,
          str((magic[4], magic[5], machine)))

r = run("--flags", "OX")
check("bad-flags", r.returncode == 1 and r.stdout == "" and
      len(r.stderr.splitlines()) == 1, r.stderr)
r = run("--arch", "sparc", "--dir", "build")
check("unknown-arch", r.returncode == 1 and "sparc" in r.stderr, r.stderr)
r = run("--arch", "mipsel", "--dir", "build")
check("arch-filter", r.returncode == 0 and
      r.stdout.startswith(":kemu-mipsel:") and len(r.stdout.splitlines()) == 1)

with tempfile.TemporaryDirectory() as d:
    missing = os.path.join(d, "not-mounted")
    for action in ("--install", "--remove"):
        r = run(action, "--dir", "build", env={"KEMU_BINFMT_MISC": missing})
        check("not-mounted" + action, r.returncode == 1 and
              "not mounted" in r.stderr and r.stdout == "", r.stderr)
    # A directory that looks mounted, to reach the root check.
    reg = os.path.join(d, "register")
    open(reg, "w").close()
    os.chmod(d, 0o755)
    os.chmod(reg, 0o666)
    user = 65534 if os.getuid() == 0 else None
    r = run("--install", "--dir", os.path.realpath("build"),
            env={"KEMU_BINFMT_MISC": d}, user=user)
    check("not-root", r.returncode == 1 and "needs root" in r.stderr and
          os.path.getsize(reg) == 0, r.stderr)

print("binfmt: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
