"""Which messages a batch copies by date: the Batch page's choice, and the batch process that runs it
against a real Dovecot (the engine decides what a range leaves out; these tests pin that the wizard's
choice reaches it, and that a wider range in a later run brings the rest without duplicates)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard

from engine.errors import MailstageError
from engine.plan import ALL_DATES, DateRange
from engine.status import BatchStatus
from engine.store import NewBatchMailbox, StateStore
from gui.batch_process import BatchPlan, run_batch_in_process
from gui.batch_session import plan_from
from gui.flow import MigrationProject, PageId, load_project
from tests.batches.helpers import admin_endpoint, mail_messages
from tests.copy.helpers import Stored
from tests.gui.conftest import go_to
from tests.rig.corpus import CorpusGenerator, seed_imap

_batches = itertools.count(1)


def commit_button(wizard: QWizard):  # type: ignore[no-untyped-def]
    return wizard.button(QWizard.WizardButton.CommitButton)


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_a_range_that_ends_before_it_begins_is_marked_and_blocks_start_migration(
    qtbot, make_wizard, language
) -> None:
    wizard = make_wizard(MigrationProject.new("Dates"))
    go_to(wizard, PageId.BATCH)
    page = wizard.batch_page
    batch = wizard.context.project.batch
    assert page.all_dates_radio.isChecked() and not page.first_day_edit.isEnabled()
    assert commit_button(wizard).isEnabled()

    # Choosing a range starts as "the last year, and everything newer".
    qtbot.mouseClick(page.some_dates_radio, Qt.MouseButton.LeftButton)
    year_ago = QDate.currentDate().addYears(-1).toPython()
    assert batch.days == (year_ago, None)
    assert page.first_day_edit.isEnabled() and not page.last_day_edit.isEnabled()

    page.last_day_check.setChecked(True)
    page.first_day_edit.setDate(QDate(2026, 5, 1))
    with qtbot.waitSignal(page.completeChanged):
        page.last_day_edit.setDate(QDate(2026, 4, 30))
    assert batch.days == (dt.date(2026, 5, 1), dt.date(2026, 4, 30))
    assert not commit_button(wizard).isEnabled()
    assert page.dates_problem_label.isVisible()
    problem = page.dates_problem_label.text()
    if language == "nl":
        assert "eindigt voordat het begint" in problem
    else:
        assert "ends before it begins" in problem
    assert "border" in page.last_day_edit.styleSheet()  # the control to change is marked
    # Said once, next to the days: the note at the bottom does not repeat it (or show its code).
    assert "batch.dates_reversed" not in page.missing_label.text()

    with qtbot.waitSignal(page.completeChanged):
        page.last_day_edit.setDate(QDate(2026, 5, 31))
    assert commit_button(wizard).isEnabled()
    assert not page.dates_problem_label.isVisible()
    assert page.last_day_edit.styleSheet() == ""
    assert "2026-05-01" in page.summary_label.text() and "2026-05-31" in page.summary_label.text()
    plan = plan_from(wizard.context)
    assert (plan.first_day, plan.last_day) == (dt.date(2026, 5, 1), dt.date(2026, 5, 31))

    # An open end is left out of the range; All messages clears it.
    page.last_day_check.setChecked(False)
    assert batch.days == (dt.date(2026, 5, 1), None)
    page.all_dates_radio.click()
    assert batch.days == (None, None)
    assert "2026-05-01" not in page.summary_label.text()


def test_a_reopened_project_shows_its_range_on_the_batch_page(qtbot, make_wizard, tmp_path) -> None:
    project = MigrationProject.new("Dates")
    project.batch.last_day = "2024-12-31"
    reopened = load_project(project.save(tmp_path))
    wizard = make_wizard(reopened)
    go_to(wizard, PageId.BATCH)
    page = wizard.batch_page
    assert page.some_dates_radio.isChecked()
    assert not page.first_day_check.isChecked() and not page.first_day_edit.isEnabled()
    assert page.last_day_check.isChecked() and page.last_day_edit.date() == QDate(2024, 12, 31)
    assert "2024-12-31" in page.summary_label.text()
    # Back and Next keep it.
    wizard.back()
    wizard.next()
    assert wizard.currentId() == PageId.BATCH
    assert wizard.context.project.batch.days == (None, dt.date(2024, 12, 31))


# -- the batch process, against the rig's Dovecot -------------------------------------------------------


def seeded_pair(dovecot, new_user, ca_context) -> tuple[tuple[str, str], tuple[str, str]]:  # type: ignore[no-untyped-def]
    """A source user with about 40 messages spread over 2019-2026, and an empty target user."""
    source, target = new_user("datesrc"), new_user("datedst")
    tree = CorpusGenerator(seed=4242).tree(40)
    seed_imap(dovecot.host, dovecot.imaps_port, *source, tree, ssl_context=ca_context)
    return source, target


def plan_for(dovecot, source: str, target: str, name: str, **days: dt.date | None) -> BatchPlan:  # type: ignore[no-untyped-def]
    return BatchPlan(
        name,
        admin_endpoint("dates-source", dovecot.host, dovecot.imaps_port),
        admin_endpoint("dates-target", dovecot.host, dovecot.imaps_port),
        (NewBatchMailbox(source, target),),
        (),
        2,
        **days,
    )


def on_or_after(messages: Counter[Stored], first: dt.date) -> Counter[Stored]:
    """The messages whose INTERNALDATE, as the server wrote it, falls on FIRST or later."""
    return Counter({m: n for m, n in messages.items() if m.internaldate.date() >= first})


def stored_dates(name: str) -> DateRange:
    store = StateStore()
    try:
        record = store.get_batch(name)
        assert record is not None
        return record.dates
    finally:
        store.close()


def test_the_batch_process_creates_the_batch_with_its_range_and_a_wider_range_later_brings_the_rest(
    dovecot, new_user, ca_context
) -> None:
    (source, source_password), (target, target_password) = seeded_pair(dovecot, new_user, ca_context)
    everything = mail_messages(dovecot, source, source_password, ca_context)
    days = sorted(m.internaldate.date() for m in everything.elements())
    first = days[len(days) // 2]  # about half the mail is older
    recent = on_or_after(everything, first)
    assert 0 < sum(recent.values()) < sum(everything.values())
    name = f"dates-{next(_batches)}"

    summary = run_batch_in_process(
        plan_for(dovecot, source, target, name, first_day=first),
        emit=lambda event: None,
        should_stop=lambda: False,
    )
    assert summary.status is BatchStatus.SYNCED
    assert stored_dates(name) == DateRange(first, None)
    assert mail_messages(dovecot, target, target_password, ca_context) == recent

    # The same batch again, now with every date: its range is changed before the run, and the older
    # mail arrives without a second copy of the recent mail.
    summary = run_batch_in_process(
        plan_for(dovecot, source, target, name), emit=lambda event: None, should_stop=lambda: False
    )
    assert summary.status is BatchStatus.SYNCED
    assert stored_dates(name) == ALL_DATES
    assert mail_messages(dovecot, target, target_password, ca_context) == everything


def test_a_reversed_range_reaches_the_wizard_as_an_error_in_three_parts_and_creates_no_batch(
    dovecot, new_user
) -> None:
    (source, _), (target, _) = new_user("revsrc"), new_user("revdst")
    name = f"dates-{next(_batches)}"
    plan = plan_for(
        dovecot, source, target, name, first_day=dt.date(2026, 5, 1), last_day=dt.date(2026, 4, 1)
    )
    with pytest.raises(MailstageError) as caught:
        run_batch_in_process(plan, emit=lambda event: None, should_stop=lambda: False)
    assert caught.value.code == "batch.bad_date_range"
    assert caught.value.what and caught.value.cause and caught.value.fix
    store = StateStore()
    try:
        assert store.get_batch(name) is None
    finally:
        store.close()


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_the_size_and_duration_count_only_what_the_range_copies(qtbot, make_wizard, language) -> None:
    from engine.checks import CheckReport, CheckResult, Status

    wizard = make_wizard(MigrationProject.new("Sized"))
    by_month = {"2024-11": [100, 100_000_000], "2025-01": [300, 300_000_000]}
    wizard.context.check_report = CheckReport(
        (
            CheckResult(
                "mailbox.size",
                "anne@contoso.nl",
                Status.PASS,
                "2 folders, 400 messages, 381.5 MB on the source; largest message 1.0 MB.",
                data={"messages": 400, "bytes": 400_000_000, "by_month": by_month},
            ),
            CheckResult(
                "estimate.duration", "", Status.PASS, "About 40 min", data={"estimated_seconds": 2400.0}
            ),
        )
    )
    go_to(wizard, PageId.BATCH)
    page = wizard.batch_page
    everything = page.summary_label.text()
    assert "400" in everything and "40 min" in everything
    qtbot.mouseClick(page.some_dates_radio, Qt.MouseButton.LeftButton)
    page.first_day_edit.setDate(QDate(2025, 1, 1))
    recent = page.summary_label.text()
    # January 2025 only: 300 of the 400 messages, three quarters of the bytes and so of the time.
    assert "300" in recent and "30 min" in recent and "400" not in recent
    assert ("counted by month" if language == "en" else "per maand geteld") in recent
