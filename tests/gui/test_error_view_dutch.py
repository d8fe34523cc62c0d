"""An error in the Dutch wizard has Dutch headings for its cause and its fix."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from engine.errors import MailstageError
from gui.errors import ErrorView


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_error_headings_are_translated(qtbot, language) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    view = ErrorView(host, name="testError")
    view.show_error(MailstageError("x.y", "Het ging mis.", "Een oorzaak.", "Een oplossing."))
    assert "Waarschijnlijke oorzaak:" in view.cause_label.text()
    assert "Wat te doen:" in view.fix_label.text()
