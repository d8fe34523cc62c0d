"""The wizard opens on a real "Before you begin" page, in English and in Dutch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWizard

from gui.wizard import MigrationWizard


def page_texts(wizard: MigrationWizard) -> str:
    page = wizard.before_you_begin
    labels = page.findChildren(QLabel)
    return "\n".join([page.title(), page.subTitle(), *(label.text() for label in labels)])


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_before_you_begin_explains_when_to_choose_a_staged_migration(qtbot, language) -> None:
    wizard = MigrationWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    text = page_texts(wizard)
    assert wizard.currentPage() is wizard.before_you_begin
    assert "Before you begin" in text
    assert "Exchange Server 2003 or 2007" in text
    assert "cutover migration" in text
    assert "2,000 mailboxes" in text
    assert wizard.wizardStyle() == QWizard.WizardStyle.ModernStyle


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_before_you_begin_and_wizard_buttons_are_dutch(qtbot, language) -> None:
    wizard = MigrationWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    text = page_texts(wizard)
    assert "Voordat u begint" in text
    assert "gefaseerde migratie" in text
    assert "Exchange Server 2003 of 2007" in text
    # Qt's own qtbase_nl translation makes QWizard's buttons Dutch too.
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Annuleren"


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_wizard_renders_a_picture_with_text(qtbot, language, tmp_path) -> None:
    wizard = MigrationWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    image = wizard.grab().toImage()
    assert image.width() >= 760
    # More than two distinct colours: text and frames were drawn, not an empty window.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 2


def test_the_language_setting_is_remembered_for_the_next_start(qtbot, make_wizard) -> None:
    from gui.i18n import choose_language

    wizard = make_wizard()
    combo = wizard.before_you_begin.language_combo
    combo.setCurrentIndex(combo.findData("nl"))
    assert choose_language() == "nl"
    assert "next start" in wizard.before_you_begin.language_note.text()
    combo.setCurrentIndex(combo.findData(""))
    assert choose_language() in ("en", "nl")  # the system's again
    assert choose_language("en") == "en"  # --lang wins over the setting
