"""The Malta QMP tests share the QMP client and result recording of
tests/py/conftest.py (loaded here under another module name).  With
KEMU_ENGINE set (codegen or interp) every kemu started here gets
`-engine KEMU_ENGINE` and results are named with that suffix."""
import importlib.util
import os
import sys

_path = os.path.join(os.path.dirname(__file__), "..", "..", "py", "conftest.py")
_spec = importlib.util.spec_from_file_location("kemu_qmp_conftest", _path)
_mod = importlib.util.module_from_spec(_spec)
sys.modules["kemu_qmp_conftest"] = _mod
_spec.loader.exec_module(_mod)

QMP = _mod.QMP
tmp = _mod.tmp
ENGINE = os.environ.get("KEMU_ENGINE")


class Kemu(_mod.Kemu):
    def __init__(self, args, arch="mips", **popen):
        if ENGINE:
            args = ["-engine", ENGINE] + list(args)
        super().__init__(args, arch=arch, **popen)


def pytest_runtest_logreport(report):
    if not _mod.RESULTS:
        return
    name = report.nodeid.split("::", 1)[-1] + ("-" + ENGINE if ENGINE else "")
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        with open(_mod.RESULTS, "a") as f:
            f.write("%s qmp/%s\n" % ("PASS" if report.outcome == "passed" else "FAIL", name))
