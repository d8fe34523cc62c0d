"""Try the demo: a newcomer walks a whole staged migration of the sample company without any server."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from engine.status import BatchStatus
from gui.flow import PageId


def test_the_demo_runs_a_whole_migration_page_by_page(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(wizard.before_you_begin.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MAILBOX_LIST, timeout=60_000)
    assert wizard.context.project.demo
    qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=20_000)
    assert wizard.mailbox_list_page.model.rowCount() == 5
    wizard.next()
    for page in (wizard.source_page, wizard.target_page):
        assert wizard.currentPage() is page
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=20_000)
        wizard.next()
    checks = wizard.checks_page
    qtbot.waitUntil(
        lambda: checks.task is None and bool(wizard.context.project.checks.results), timeout=60_000
    )
    if checks.ack_check.isVisible():
        checks.ack_check.setChecked(True)
    assert next_button.isEnabled(), [
        r for r in wizard.context.project.checks.results if r["status"] == "fail"
    ]
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=120_000)
    summary = wizard.context.summary
    assert summary is not None and summary.status is BatchStatus.SYNCED
    assert summary.total == 5 and summary.items_migrated > 0


def test_the_demo_module_and_the_batch_child_need_no_qt() -> None:
    code = (
        "import sys, gui.demo, gui.batch_process, gui.flow;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def walk_demo_to_the_commit(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    wizard.start_demo()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MAILBOX_LIST, timeout=60_000)
    qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=20_000)
    wizard.next()
    for page in (wizard.source_page, wizard.target_page):
        page.start_test()
        qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=20_000)
        wizard.next()
    checks = wizard.checks_page
    qtbot.waitUntil(
        lambda: checks.task is None and bool(wizard.context.project.checks.results), timeout=60_000
    )
    if checks.ack_check.isVisible():
        checks.ack_check.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PageId.BATCH


def test_stop_leaves_a_resumable_batch_and_resume_finishes_it(qtbot, make_wizard) -> None:
    from gui.flow import BatchPhase

    wizard = make_wizard()
    walk_demo_to_the_commit(qtbot, wizard)
    wizard.next()  # Start migration
    progress = wizard.progress_page
    assert progress.stop_button.isEnabled()
    qtbot.mouseClick(progress.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.context.project.batch.phase == BatchPhase.STOPPED, timeout=60_000)
    assert wizard.currentId() == PageId.PROGRESS
    assert progress.resume_button.isEnabled() and not progress.stop_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(progress.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT, timeout=120_000)
    assert wizard.context.summary is not None and wizard.context.summary.status is BatchStatus.SYNCED


def test_closing_during_a_batch_stops_it_and_reopening_the_migration_goes_on(
    qtbot, make_wizard, monkeypatch
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    wizard = make_wizard()
    walk_demo_to_the_commit(qtbot, wizard)
    wizard.next()  # Start migration
    assert wizard.context.batch_running
    wizard.close()  # asks (answered Yes), stops the batch after the messages in flight, saves
    assert not wizard.isVisible()
    saved = wizard.context.saved_path
    assert saved is not None

    again = make_wizard()
    assert again.before_you_begin.open_project(Path(saved))
    assert again.currentId() == PageId.PROGRESS
    qtbot.waitUntil(lambda: again.currentId() == PageId.REPORT, timeout=120_000)
    summary = again.context.summary
    assert summary is not None and summary.status is BatchStatus.SYNCED and summary.total == 5
