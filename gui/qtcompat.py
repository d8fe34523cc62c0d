"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, Python 3.11.7): every `Signal.emit()` made from Python takes
one reference from `True`, and every call of a void Qt method (`setText`, `QWizard.next`) takes one from
`None`. Python 3.12 and newer make these objects immortal, so the bug is harmless there; on 3.11 the
count reaches zero after a few thousand calls and the interpreter aborts ("deallocating None"). 6.11.3
does not have the bug (docs/decisions: pin PySide6-Essentials below 6.12 while Python 3.11 is used).

`guard_refcount_bug()` detects the bug with a few harmless calls and, only when it is there, gives
`None`, `True` and `False` a reference count so large that it cannot run out, which is what Python
3.12 does for them. It touches nothing else.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_IMMORTAL = 1 << 40  # far beyond what any session could take away
_PROBE_CALLS = 32


def leaks_references() -> bool:
    """True when this PySide6 takes references from True or None that it never gave back."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.ping.emit()
        probe.setObjectName("probe")
    lost_true = before_true - sys.getrefcount(True)
    lost_none = before_none - sys.getrefcount(None)
    # Ordinary code around us may move a count by a little; the bug moves it by one per call.
    return lost_true >= _PROBE_CALLS // 2 or lost_none >= _PROBE_CALLS // 2


def guard_refcount_bug() -> bool:
    """Protect the interpreter from the bug if this PySide6 has it; True when the guard was needed."""
    if sys.version_info >= (3, 12) or not leaks_references():
        return False
    import PySide6

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _IMMORTAL
    log.warning(
        "PySide6 %s loses references to None/True on Python %d.%d; guarded (use PySide6 below 6.12)",
        PySide6.__version__,
        *sys.version_info[:2],
    )
    return True
