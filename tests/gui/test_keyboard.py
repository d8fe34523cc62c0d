"""Keyboard alone: Tab reaches every control of every page, and Enter is Next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from gui.flow import MigrationProject, PageId
from tests.gui.conftest import go_to

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QAbstractItemView)


def reachable_by_tab(wizard) -> set[QWidget]:  # type: ignore[no-untyped-def]
    reached: set[QWidget] = set()
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is not None:
            reached.add(widget)
    return reached


def test_tab_reaches_every_visible_control_on_every_page(qtbot, make_wizard) -> None:
    wizard = make_wizard(MigrationProject.new("Keyboard"))
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    unreachable = []
    for page_id in PageId:
        go_to(wizard, page_id)
        page = wizard.currentPage()
        reached = reachable_by_tab(wizard)
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, CONTROLS) or not widget.isVisible() or not widget.isEnabled():
                continue
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.objectName().startswith("qt_"):
                continue  # Qt's own parts (a spin box's text field gets focus through the spin box)
            if isinstance(widget, QRadioButton) and any(isinstance(w, QRadioButton) for w in reached):
                continue  # Tab enters a group of radio buttons once; the arrow keys choose within it
            if not any(w is widget or widget.isAncestorOf(w) for w in reached):
                unreachable.append((page_id.name, widget.objectName()))
    assert unreachable == [], unreachable


def test_enter_in_a_field_presses_next(qtbot, make_wizard, tmp_path) -> None:
    wizard = make_wizard()
    wizard.activateWindow()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert next_button.isDefault() or next_button.autoDefault()
    QTest.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.MAILBOX_LIST
