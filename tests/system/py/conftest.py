"""The Malta QMP tests share the QMP client and result recording of
tests/py/conftest.py (loaded here under another module name)."""
import importlib.util
import os
import sys

_path = os.path.join(os.path.dirname(__file__), "..", "..", "py", "conftest.py")
_spec = importlib.util.spec_from_file_location("kemu_qmp_conftest", _path)
_mod = importlib.util.module_from_spec(_spec)
sys.modules["kemu_qmp_conftest"] = _mod
_spec.loader.exec_module(_mod)

QMP = _mod.QMP
Kemu = _mod.Kemu
tmp = _mod.tmp
pytest_runtest_logreport = _mod.pytest_runtest_logreport
