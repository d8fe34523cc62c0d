"""The few visual marks Mailstage adds to the platform's style, set on the widgets that need them.

No application-wide style sheet: Qt then draws every widget through its style-sheet engine, which
made each repaint of the progress page measurably slower (bench/bench_gui_stall.py). The colour reads
on light and dark palettes alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARK_COLOUR = "#d13438"


def mark_missing(widget: QWidget, on: bool) -> None:
    """Outline WIDGET in red while the admin still has to fill it in (by objectName, so its children
    keep their own look)."""
    name = widget.objectName()
    widget.setStyleSheet(
        f"#{name} {{ border: 2px solid {MARK_COLOUR}; border-radius: 3px; }}" if on and name else ""
    )


def note_style(widget: QWidget) -> None:
    """A note with a red bar at its left: what is still missing on a page."""
    widget.setStyleSheet(f"#{widget.objectName()} {{ padding: 6px; border-left: 4px solid {MARK_COLOUR}; }}")


def error_frame_style(widget: QWidget) -> None:
    """A thin red frame around an error's three parts."""
    widget.setStyleSheet(f"#{widget.objectName()} {{ border: 1px solid {MARK_COLOUR}; border-radius: 4px; }}")
