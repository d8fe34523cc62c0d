"""The whole wizard against real servers: import a list, fill and test both endpoints, run the checks,
start the batch, watch it finish, open the report, then prove the target holds every message."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from engine.checks import parse_nameserver
from engine.reports import SUMMARY_FILE
from engine.status import BatchStatus, Grade, MailboxStatus
from gui.flow import PageId
from tests.batches.helpers import mail_messages
from tests.gui.conftest import go_to
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotServer

_numbers = itertools.count(1)


def make_mailboxes(
    source: DovecotServer, target: DovecotServer, count: int, ca_context
) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """COUNT users on both servers (good.test, a domain the test DNS server knows), seeded on the source."""
    made = []
    for _ in range(count):
        number = next(_numbers)
        address, password = f"e2e{number}@good.test", f"e2e-{number}-Geheim!"
        source.add_user(address, password)
        target.add_user(address, password)
        tree = CorpusGenerator(seed=1000 + number).tree(15)
        seed_imap(source.host, source.imaps_port, address, password, tree, ssl_context=ca_context)
        made.append((address, password))
    return made


def next_button(wizard: QWizard):  # type: ignore[no-untyped-def]
    return wizard.button(QWizard.WizardButton.NextButton)


def fill_endpoint(qtbot, wizard, server: DovecotServer) -> None:  # type: ignore[no-untyped-def]
    page = wizard.currentPage()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("imap"))
    for edit, text in (
        (page.host_edit, server.host),
        (page.admin_edit, MASTER_USER),
        (page.password_edit, MASTER_PASSWORD),
    ):
        edit.setText(text)
        edit.textEdited.emit(text)
    page.security_combo.setCurrentIndex(page.security_combo.findData("tls"))
    page.port_spin.setValue(server.imaps_port)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_task is None, timeout=60_000)
    assert page.outcome is not None and page.outcome.ok, [(r.id, r.evidence) for r in page.outcome.failures()]
    assert next_button(wizard).isEnabled()


def walk_to_batch_without_checks(qtbot, wizard, list_file: Path, source, target) -> None:  # type: ignore[no-untyped-def]
    """Load LIST_FILE, fill and test both endpoints, and stop before the Batch page as a reopened
    migration whose checks ran earlier would (for tests about the batch itself)."""
    project = wizard.context.project
    project.checks.domain = ""
    go_to(wizard, PageId.MAILBOX_LIST)
    wizard.mailbox_list_page.load(list_file)
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled())
    wizard.next()
    fill_endpoint(qtbot, wizard, source)
    wizard.next()
    fill_endpoint(qtbot, wizard, target)
    project.checks.ran_for = project.setup_signature()


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_a_whole_migration_through_the_wizard_lands_every_message_on_the_target(
    qtbot, make_wizard, tmp_path: Path, dovecot, target_dovecot, dns_server, ca_context, language
) -> None:
    mailboxes = make_mailboxes(dovecot, target_dovecot, 3, ca_context)
    list_file = tmp_path / "pilot.csv"
    list_file.write_text("EmailAddress\n" + "\n".join(a for a, _ in mailboxes) + "\n", encoding="utf-8")

    wizard = make_wizard()
    wizard.checks_page.nameserver = parse_nameserver(dns_server.nameserver)
    qtbot.mouseClick(wizard.before_you_begin.new_button, Qt.MouseButton.LeftButton)
    wizard.mailbox_list_page.load(list_file)
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled())
    wizard.next()
    fill_endpoint(qtbot, wizard, dovecot)
    wizard.next()
    fill_endpoint(qtbot, wizard, target_dovecot)
    wizard.next()

    checks = wizard.checks_page
    assert wizard.currentId() == PageId.CHECKS
    qtbot.waitUntil(
        lambda: checks.task is None and bool(wizard.context.project.checks.results), timeout=120_000
    )
    results = {(r["id"], r["subject"]): r["status"] for r in wizard.context.project.checks.results}
    assert all(status != "fail" for status in results.values()), results
    assert all(results[("mailbox.target_exists", a)] == "pass" for a, _ in mailboxes)
    if checks.ack_check.isVisible():
        checks.ack_check.setChecked(True)
    assert next_button(wizard).isEnabled()
    wizard.next()

    assert wizard.currentId() == PageId.BATCH
    wizard.batch_page.name_edit.setText(f"pilot-{language}")
    wizard.batch_page.name_edit.textEdited.emit(f"pilot-{language}")
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.PROGRESS
    # Back is gone after the commit page; the batch runs and the wizard moves on by itself.
    assert (
        not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        or not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    )
    assert wizard.context.batch_running
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=180_000)

    progress = wizard.progress_page
    assert progress.bar.value() == progress.bar.maximum()
    assert progress.model.counts()[MailboxStatus.SYNCED] == 3
    summary = wizard.context.summary
    assert summary is not None and summary.status is BatchStatus.SYNCED
    report = wizard.report_page
    assert report.model.rowCount() == 3
    assert {report.model.outcome(r).grade for r in range(3)} == {Grade.PERFECT}
    folder = Path(wizard.context.project.batch.report_folder)
    assert (folder / SUMMARY_FILE).exists()
    qtbot.waitUntil(lambda: report.summary_button.isEnabled())

    # The proof: every message, with its flags and date, is on the target.
    for address, password in mailboxes:
        source_messages = mail_messages(dovecot, address, password, ca_context)
        assert sum(source_messages.values()) > 0
        assert mail_messages(target_dovecot, address, password, ca_context) == source_messages

    wizard.next()
    assert wizard.currentId() == PageId.CUTOVER
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()


def test_a_mailbox_missing_on_the_target_fails_alone_and_retry_failed_brings_it_over(
    qtbot, make_wizard, tmp_path: Path, dovecot, target_dovecot, ca_context
) -> None:
    from gui.flow import BatchPhase

    present = make_mailboxes(dovecot, target_dovecot, 1, ca_context)
    number = next(_numbers)
    late, late_password = f"e2e{number}@good.test", f"e2e-{number}-Geheim!"
    dovecot.add_user(late, late_password)
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        late,
        late_password,
        CorpusGenerator(seed=1000 + number).tree(8),
        ssl_context=ca_context,
    )
    list_file = tmp_path / "retry.csv"
    list_file.write_text(f"EmailAddress\n{present[0][0]}\n{late}\n", encoding="utf-8")

    wizard = make_wizard()
    project = wizard.context.project
    # The checks would say the mailbox is missing on the target; this test is about the batch.
    walk_to_batch_without_checks(qtbot, wizard, list_file, dovecot, target_dovecot)
    go_to(wizard, PageId.BATCH)
    wizard.next()  # Start migration
    progress = wizard.progress_page
    qtbot.waitUntil(lambda: project.batch.phase == BatchPhase.FINISHED, timeout=120_000)
    assert wizard.currentId() == PageId.PROGRESS  # not all synced: it stays, with the reason
    assert (
        wizard.context.summary is not None and wizard.context.summary.status is BatchStatus.SYNCED_WITH_ERRORS
    )
    failed_row = next(row for row in progress.model.rows() if row.address == late)
    assert failed_row.status is MailboxStatus.FAILED and failed_row.error_what
    assert progress.retry_button.isEnabled()
    assert next_button(wizard).isEnabled()  # the report says why; the admin may go on

    target_dovecot.add_user(late, late_password)
    qtbot.mouseClick(progress.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=120_000)
    assert wizard.context.summary.status is BatchStatus.SYNCED
    assert mail_messages(target_dovecot, late, late_password, ca_context) == mail_messages(
        dovecot, late, late_password, ca_context
    )
