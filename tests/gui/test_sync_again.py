"""The report runs a finished batch again, as Microsoft's staged migration keeps syncing until the
cut-over: "Sync again" copies what arrived since, and "Copy the older messages too" clears the batch's
date range and brings the rest. Both through the real wizard, its batch process and the rig's Dovecots."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from engine.plan import ALL_DATES
from engine.status import BatchStatus
from engine.store import StateStore
from gui.flow import BatchPhase, PageId, load_project, resume_page
from gui.labels import number
from tests.batches.helpers import mail_messages
from tests.copy.helpers import Stored
from tests.gui.conftest import go_to
from tests.gui.test_end_to_end import make_mailboxes, walk_to_batch_without_checks
from tests.rig.corpus import CorpusFolder, CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer


def run_first_batch(qtbot, make_wizard, list_file: Path, source, target, *, first_day: str = ""):  # type: ignore[no-untyped-def]
    """Walk the wizard with LIST_FILE from SOURCE to TARGET, start the batch and wait for its report."""
    wizard = make_wizard()
    project = wizard.context.project
    # This test is about running the batch again; the checks ran in other tests.
    walk_to_batch_without_checks(qtbot, wizard, list_file, source, target)
    project.batch.first_day = first_day
    go_to(wizard, PageId.BATCH)
    wizard.next()  # Start migration
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=120_000)
    assert wizard.context.summary is not None and wizard.context.summary.status is BatchStatus.SYNCED
    return wizard


def list_of(tmp_path: Path, mailboxes: list[tuple[str, str]]) -> Path:
    path = tmp_path / "batch.csv"
    path.write_text("EmailAddress\n" + "\n".join(a for a, _ in mailboxes) + "\n", encoding="utf-8")
    return path


def new_mail(seed: int, count: int) -> list[CorpusFolder]:
    """COUNT messages that arrive now in the Inbox."""
    generator = CorpusGenerator(seed=seed)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    messages = [dataclasses.replace(generator.message(), internaldate=now) for _ in range(count)]
    return [CorpusFolder(("INBOX",), messages)]


def on_or_after(messages: Counter[Stored], first: dt.date) -> Counter[Stored]:
    return Counter({m: n for m, n in messages.items() if m.internaldate.date() >= first})


def test_sync_again_brings_the_mail_that_arrived_since_and_the_report_shows_the_new_counts(
    qtbot, make_wizard, tmp_path: Path, dovecot: DovecotServer, target_dovecot: DovecotServer, ca_context
) -> None:
    mailboxes = make_mailboxes(dovecot, target_dovecot, 2, ca_context)
    wizard = run_first_batch(qtbot, make_wizard, list_of(tmp_path, mailboxes), dovecot, target_dovecot)
    report = wizard.report_page
    first_items = wizard.context.summary.items_migrated
    first_run = {m.address: m.items_migrated for m in wizard.context.summary.mailboxes}
    assert report.sync_button.isVisible() and report.sync_button.isEnabled()
    assert not report.every_date_button.isVisible()  # no date range: nothing left out to copy
    assert "once more after forwarding" in report.sync_note.text()

    arrived = {address: 3 + index for index, (address, _) in enumerate(mailboxes)}
    for index, (address, password) in enumerate(mailboxes):
        tree = new_mail(7000 + index, arrived[address])
        seed_imap(dovecot.host, dovecot.imaps_port, address, password, tree, ssl_context=ca_context)

    qtbot.mouseClick(report.sync_button, Qt.MouseButton.LeftButton)
    # The run shows on the progress page; the project says so at once, so a reopened copy runs it too.
    assert wizard.currentId() == PageId.PROGRESS
    project = wizard.context.project
    assert project.batch.phase == BatchPhase.RUNNING
    saved = wizard.context.saved_path
    assert saved is not None and resume_page(load_project(saved)) is PageId.PROGRESS
    # Before you begin is behind this page now; leaving for it would take the project from the batch.
    assert wizard.context.batch_running
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=120_000)

    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # back to the run just shown
    summary = wizard.context.summary
    assert summary is not None and summary.status is BatchStatus.SYNCED
    assert summary.items_migrated == first_items + sum(arrived.values())
    assert number(summary.items_migrated) in report.counts_label.text()
    shown = {report.model.outcome(r).address: report.model.outcome(r).items_migrated for r in range(2)}
    assert shown == {address: first_run[address] + arrived[address] for address in arrived}
    assert load_project(saved).batch.phase == BatchPhase.FINISHED
    # Every message once: the new ones are there, nothing is there twice.
    for address, password in mailboxes:
        source_messages = mail_messages(dovecot, address, password, ca_context)
        assert mail_messages(target_dovecot, address, password, ca_context) == source_messages
    assert report.sync_button.isEnabled()


def test_copy_the_older_messages_too_clears_the_range_and_brings_exactly_the_rest(
    qtbot, make_wizard, tmp_path: Path, dovecot: DovecotServer, target_dovecot: DovecotServer, ca_context
) -> None:
    mailboxes = make_mailboxes(dovecot, target_dovecot, 1, ca_context)
    address, password = mailboxes[0]
    everything = mail_messages(dovecot, address, password, ca_context)
    days = sorted(m.internaldate.date() for m in everything.elements())
    first = days[len(days) // 2]  # about half the mail is older
    recent = on_or_after(everything, first)
    assert 0 < sum(recent.values()) < sum(everything.values())

    wizard = run_first_batch(
        qtbot, make_wizard, list_of(tmp_path, mailboxes), dovecot, target_dovecot, first_day=first.isoformat()
    )
    assert mail_messages(target_dovecot, address, password, ca_context) == recent
    report = wizard.report_page
    button = report.every_date_button
    assert button.isVisible() and button.isEnabled()
    assert button.text().replace("&", "") == "Copy the older messages too"
    assert first.isoformat() in report.every_date_note.text()
    first_items = wizard.context.summary.items_migrated

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    project = wizard.context.project
    assert wizard.currentId() == PageId.PROGRESS
    assert project.batch.days == (None, None)
    saved = wizard.context.saved_path
    assert saved is not None and load_project(saved).batch.days == (None, None)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=120_000)

    assert mail_messages(target_dovecot, address, password, ca_context) == everything
    summary = wizard.context.summary
    assert summary is not None and summary.status is BatchStatus.SYNCED
    assert summary.items_migrated == first_items + sum(everything.values()) - sum(recent.values())
    assert number(summary.items_migrated) in report.counts_label.text()
    store = StateStore()
    try:
        record = store.get_batch(project.batch.name)
        assert record is not None and record.dates == ALL_DATES
    finally:
        store.close()
    reopened = load_project(saved)
    assert (reopened.batch.first_day, reopened.batch.last_day) == ("", "")
    assert reopened.batch.phase == BatchPhase.FINISHED
    # Nothing left out any more: the action is gone, Sync again stays.
    assert not button.isVisible()
    assert report.sync_button.isEnabled()
