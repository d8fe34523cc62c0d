"""The wizard can be walked page by page with the keyboard's Next, and Back and Next keep every input."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWizard

from engine.checks import parse_nameserver
from gui.flow import PageId

GOOD_LIST = "EmailAddress,Password,ForceChangePassword\nanne@good.test,Welkom2026!a,True\nbram@good.test,Welkom2026!b,False\n"


def next_button(wizard: QWizard):  # type: ignore[no-untyped-def]
    return wizard.button(QWizard.WizardButton.NextButton)


def type_into(wizard: QWizard, name: str, text: str) -> None:
    edit = wizard.currentPage().findChild(QLineEdit, name)
    assert edit is not None and edit.isVisible(), name
    edit.clear()
    QTest.keyClicks(edit, text)


def choose(wizard: QWizard, name: str, data: str) -> None:
    from PySide6.QtWidgets import QComboBox

    combo = wizard.currentPage().findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(data))


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_walk_from_before_you_begin_to_the_commit_page_with_real_inputs(
    qtbot, make_wizard, tmp_path, language, dns_server
) -> None:
    list_file = tmp_path / "batch1.csv"
    list_file.write_text(GOOD_LIST, encoding="utf-8")
    source_dir = tmp_path / "old"
    target_dir = tmp_path / "new"
    target_dir.mkdir()
    source_dir.mkdir()
    for address in ("anne@good.test", "bram@good.test"):
        mailbox.Maildir(source_dir / address, create=True)
    wizard = make_wizard()
    # The mail domain (from the list) is looked up at this DNS server, not the machine's.
    wizard.checks_page.nameserver = parse_nameserver(dns_server.nameserver)
    assert wizard.currentId() == PageId.BEFORE_YOU_BEGIN
    qtbot.mouseClick(wizard.before_you_begin.new_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.MAILBOX_LIST

    # Nothing chosen yet: Next is off and the page says why.
    list_page = wizard.mailbox_list_page
    assert not next_button(wizard).isEnabled()
    assert list_page.missing_label.isVisible()
    list_page.load(list_file)
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled())
    assert not list_page.missing_label.isVisible()
    assert wizard.context.project.mailbox_list.addresses == ["anne@good.test", "bram@good.test"]
    wizard.next()

    for page_id, folder in ((PageId.SOURCE, source_dir), (PageId.TARGET, target_dir)):
        assert wizard.currentId() == page_id
        role = "source" if page_id is PageId.SOURCE else "target"
        choose(wizard, f"{role}KindCombo", "maildir")
        type_into(wizard, f"{role}PathEdit", str(folder))
        assert not next_button(wizard).isEnabled()
        page = wizard.currentPage()
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: next_button(wizard).isEnabled())
        wizard.next()

    assert wizard.currentId() == PageId.CHECKS
    # The checks start by themselves on entering the page; folders are no servers, so they are skipped.
    checks = wizard.checks_page
    qtbot.waitUntil(
        lambda: checks.task is None and bool(wizard.context.project.checks.results), timeout=20_000
    )
    results = wizard.context.project.checks.results
    assert next_button(wizard).isEnabled(), [r for r in results if r["status"] in ("warn", "fail")]
    assert {r["id"]: r["status"] for r in results}["domain.mx"] == "pass"
    wizard.next()
    assert wizard.currentId() == PageId.BATCH
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.isEnabled()
    expected = {"en": "Start migration", "nl": "Migratie starten"}[language]
    assert commit.text().replace("&", "") == expected


def test_back_and_next_keep_what_was_typed_on_every_page(qtbot, make_wizard, tmp_path) -> None:
    list_file = tmp_path / "batch1.csv"
    list_file.write_text(GOOD_LIST, encoding="utf-8")
    wizard = make_wizard()
    wizard.next()
    wizard.mailbox_list_page.load(list_file)
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled())
    wizard.next()
    type_into(wizard, "sourceHostEdit", "exchange.contoso.local")
    type_into(wizard, "sourceAdminEdit", "CONTOSO\\migratie")
    choose(wizard, "sourceSecurityCombo", "starttls")
    type_into(wizard, "sourcePasswordEdit", "typed-but-not-tested")
    concurrency = wizard.currentPage().findChild(QSpinBox, "sourceConcurrencySpin")
    concurrency.setValue(12)
    wizard.back()
    assert wizard.currentId() == PageId.MAILBOX_LIST
    assert wizard.mailbox_list_page.model.rowCount() == 2
    wizard.next()
    page = wizard.currentPage()
    assert page.findChild(QLineEdit, "sourceHostEdit").text() == "exchange.contoso.local"
    assert page.findChild(QLineEdit, "sourceAdminEdit").text() == "CONTOSO\\migratie"
    assert page.findChild(QSpinBox, "sourcePortSpin").value() == 143
    assert page.findChild(QSpinBox, "sourceConcurrencySpin").value() == 12
    # A typed password stays in its field until the test stores it in the keyring.
    assert page.findChild(QLineEdit, "sourcePasswordEdit").text() == "typed-but-not-tested"

    # The batch page: change the name, go back two pages and return.
    project = wizard.context.project
    project.source.kind = project.target.kind = "maildir"
    project.source.path = project.target.path = str(tmp_path)
    project.source.tested = project.source.signature()
    project.target.tested = project.target.signature()
    project.checks.ran_for = project.setup_signature()
    wizard.source_page.show_project(project)
    wizard.target_page.show_project(project)
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PageId.BATCH
    type_into(wizard, "batchNameEdit", "Finance week 12")
    wizard.back()
    wizard.back()
    wizard.next()
    wizard.next()
    assert wizard.currentPage().findChild(QLineEdit, "batchNameEdit").text() == "Finance week 12"
    assert project.batch.name == "Finance week 12"


def test_the_project_is_saved_as_the_admin_goes_and_reopens_where_it_was(
    qtbot, make_wizard, tmp_path
) -> None:
    list_file = tmp_path / "batch1.csv"
    list_file.write_text(GOOD_LIST, encoding="utf-8")
    wizard = make_wizard()
    wizard.next()
    wizard.mailbox_list_page.load(list_file)
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled())
    wizard.next()
    type_into(wizard, "sourceHostEdit", "exchange.contoso.local")
    wizard.back()  # every page change saves
    saved = wizard.context.saved_path
    assert saved is not None and saved.exists()
    assert "exchange.contoso.local" in saved.read_text(encoding="utf-8")

    again = make_wizard()
    page = again.before_you_begin
    assert page.recent_list.count() == 1
    assert page.open_project(Path(page.recent_list.item(0).data(Qt.ItemDataRole.UserRole)))
    assert again.currentId() == PageId.MAILBOX_LIST
    qtbot.waitUntil(lambda: again.mailbox_list_page.model.rowCount() == 2)
    again.next()
    assert again.currentPage().findChild(QLineEdit, "sourceHostEdit").text() == "exchange.contoso.local"
