"""The PySide6 reference-count guard: a long session of signals and Qt calls never runs None or True out."""

from __future__ import annotations

import subprocess
import sys

SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
if sys.argv[1] == "guarded":
    from gui.qtcompat import guard_refcount_bug
    guard_refcount_bug()
class Talker(QObject):
    said = Signal(object)
talker, label = Talker(), QLabel()
for n in range(20000):
    talker.said.emit(n)
    label.setText("x")
print("survived")
"""


def run_session(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SESSION, mode], capture_output=True, text=True, timeout=120)


def test_a_long_guarded_session_survives_twenty_thousand_signals_and_calls() -> None:
    result = run_session("guarded")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"


def test_the_guard_is_only_applied_when_this_pyside6_loses_references(refcount_guard) -> None:
    from gui.qtcompat import leaks_references

    # Applied once per process: afterwards the singletons cannot run out, whatever the probe sees.
    unguarded = run_session("bare")
    if refcount_guard:
        # This PySide6 has the bug: without the guard the same session dies.
        assert unguarded.returncode != 0
        assert "deallocating" in unguarded.stderr
    else:
        assert unguarded.returncode == 0
        assert not leaks_references()
