"""The engine must run without Qt: import every engine module in a fresh interpreter and look."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def engine_modules() -> list[str]:
    import engine

    names = ["engine"]
    for info in pkgutil.walk_packages(engine.__path__, "engine."):
        names.append(info.name)
    return names


def test_every_engine_module_imports_without_loading_qt_or_gui() -> None:
    modules = engine_modules()
    assert len(modules) > 3, modules  # the walk found the engine, not an empty namespace
    probe = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))\n"
        "print(json.dumps(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_boundary_probe_notices_a_qt_import() -> None:
    # The probe above must be able to fail: the same check flags a module that does import Qt.
    probe = (
        "import json, sys\nimport gui\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','gui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "gui" in json.loads(result.stdout.strip().splitlines()[-1])
