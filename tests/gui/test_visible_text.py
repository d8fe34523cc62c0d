"""Every page speaks the admin's language: no visible string stays English in the Dutch wizard, and
every control has a stable objectName and an accessible name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeWidget,
    QWidget,
)

from gui.flow import PageId
from gui.i18n import install_translators
from gui.wizard import MigrationWizard
from tests.gui.conftest import go_to

# Words that are the same in both languages, or names that are not translated.
SAME_IN_BOTH = {
    "Mailstage",
    "Status",
    "Perfect",
    "contoso.nl",
    "contoso.onmicrosoft.com",
    "mail.contoso.local",
    "imap.example.com",
    "Microsoft 365 (Exchange Online)",
    "Batch",
    "Data",
    "Server:",
    "English",
    "Nederlands",
}


def visible_texts(wizard: MigrationWizard) -> dict[str, str]:
    """objectName/role -> text of every visible string on the current page and the wizard's buttons."""
    texts: dict[str, str] = {}
    page = wizard.currentPage()
    texts["title"] = page.title()
    texts["subtitle"] = page.subTitle()
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        key = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.text():
            texts[f"{key}:{len(texts)}"] = widget.text()
        elif isinstance(widget, QAbstractButton) and widget.text():
            texts[key] = widget.text()
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            texts[f"{key}:placeholder"] = widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                texts[f"{key}:{index}"] = widget.itemText(index)
        elif isinstance(widget, QGroupBox):
            texts[key] = widget.title()
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                header = model.headerData(column, _horizontal())
                if header:
                    texts[f"{key}:header{column}"] = str(header)
        if isinstance(widget, QTreeWidget):
            header_item = widget.headerItem()
            for column in range(widget.columnCount()):
                texts[f"{key}:tree{column}"] = header_item.text(column)
    for which in ("BackButton", "NextButton", "CommitButton", "FinishButton", "CancelButton"):
        from PySide6.QtWidgets import QWizard

        button = wizard.button(getattr(QWizard.WizardButton, which))
        if button.isVisible():
            texts[which] = button.text()
    return texts


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def collect(make_wizard, qapp, language: str) -> dict[PageId, dict[str, str]]:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, language)
    try:
        wizard = make_wizard()
        result = {}
        for page_id in PageId:
            go_to(wizard, page_id)
            result[page_id] = visible_texts(wizard)
        wizard.context.batch_running = False
        wizard.hide()
        return result
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


def walkable_project():  # type: ignore[no-untyped-def]
    from gui.flow import MigrationProject

    return MigrationProject.new("Contoso")


def test_no_visible_string_on_any_page_stays_english_in_dutch(qtbot, qapp, make_wizard) -> None:
    import gui.screenshots  # noqa: F401 - keeps the sample data importable

    english = collect(lambda: make_wizard(walkable_project()), qapp, "en")
    dutch = collect(lambda: make_wizard(walkable_project()), qapp, "nl")
    untranslated = []
    for page_id, texts in english.items():
        for key, text in texts.items():
            plain = text.replace("&", "").strip()
            if not plain or plain in SAME_IN_BOTH or not any(ch.isalpha() for ch in plain):
                continue
            if dutch[page_id].get(key) == text:
                untranslated.append((page_id.name, key, text))
    assert untranslated == []
    # And the check itself sees the pages: a Dutch title differs from the English one on every page.
    assert all(english[p]["title"] != dutch[p]["title"] for p in PageId)


def _inside_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_every_control_has_an_object_name_and_an_accessible_name(qtbot, make_wizard) -> None:
    wizard = make_wizard(walkable_project())
    missing = []
    for page_id in PageId:
        go_to(wizard, page_id)
        page = wizard.currentPage()
        for widget in page.findChildren(QWidget):
            interactive = isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView))
            if not interactive or widget.parent() is None or widget.objectName().startswith("qt_"):
                continue
            if isinstance(widget, QHeaderView) or _inside_combo(widget):
                continue  # Qt's own parts: a table's header, a combo box's drop-down list
            if not widget.objectName():
                missing.append(
                    (page_id.name, type(widget).__name__, "objectName", getattr(widget, "text", str)())
                )
            elif not widget.accessibleName():
                missing.append((page_id.name, widget.objectName(), "accessibleName"))
    assert missing == [], "\n".join(map(str, missing))


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_mnemonics_are_unique_among_the_visible_controls_of_each_page(qtbot, make_wizard, language) -> None:
    wizard = make_wizard(walkable_project())
    clashes = []
    for page_id in PageId:
        go_to(wizard, page_id)
        seen: dict[str, str] = {}
        widgets = [w for w in wizard.findChildren(QWidget) if w.isVisible()]
        for widget in widgets:
            text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
            if "&" not in text or text.count("&") == text.count("&&") * 2:
                continue
            key = text[text.index("&") + 1].lower()
            if key in seen and seen[key] != text:
                clashes.append((page_id.name, key, seen[key], text))
            seen[key] = text
    assert clashes == []
