"""Pages with real input: a bad mailbox list, the report with its files and status mail, the cut-over
checklist with live DNS, errors in three parts, and closing while a batch runs."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from engine.checks import parse_nameserver
from engine.errors import MailstageError
from engine.paths import log_dir
from engine.reports import BatchSummary, MailboxOutcome
from engine.status import BatchStatus, Grade, MailboxStatus
from engine.statusmail import SmtpSettings
from gui.errors import ErrorView
from gui.flow import BatchPhase, MigrationProject, PageId
from tests.gui.conftest import go_to
from tests.rig.smtp import SmtpServer

BAD_LIST = (
    "EmailAddress;Password;ForceChangePassword\n"
    "anne@contoso.nl;Welkom2026!a;True\n"
    "bram@contoso,nl;Welkom2026!b;True\n"
    "carla@contoso.nl;kort;True\n"
    "daan@contoso.nl;Welkom2026!d;Waar\n"
)


def test_a_bad_list_marks_each_bad_row_with_its_problem_and_removing_them_enables_next(
    qtbot, make_wizard, tmp_path
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(BAD_LIST, encoding="cp1252")
    wizard = make_wizard()
    go_to(wizard, PageId.MAILBOX_LIST)
    page = wizard.mailbox_list_page
    page.load(path)
    qtbot.waitUntil(lambda: page.mailbox_list is not None)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    assert "Remove the rows marked in red" in page.missing_label.text()
    model = page.model
    problems = {model.entry(r).row: model.data(model.index(r, model.columnCount() - 1)) for r in range(4)}
    assert problems[2] == "" and problems[5] == ""
    assert "contoso,nl" in problems[3]
    assert "8" in problems[4]  # the password is too short: at least 8 characters
    # The tint tells the bad rows apart.
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    # Passwords never reach the screen.
    shown = [model.data(model.index(r, c)) for r in range(4) for c in range(model.columnCount())]
    assert not any("Welkom2026" in str(text) for text in shown)
    page.problems_only.setChecked(True)
    assert page.filter.rowCount() == 2
    page.table.selectAll()
    page.remove_selected_rows()
    assert wizard.context.project.mailbox_list.dropped_rows == [3, 4]
    assert wizard.context.project.mailbox_list.addresses == ["anne@contoso.nl", "daan@contoso.nl"]
    assert next_button.isEnabled()


def test_a_file_that_is_not_a_list_is_explained_in_three_parts(qtbot, make_wizard, tmp_path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"%PDF-1.4 this is a PDF renamed to .xlsx")
    wizard = make_wizard()
    go_to(wizard, PageId.MAILBOX_LIST)
    page = wizard.mailbox_list_page
    page.load(path)
    qtbot.waitUntil(lambda: page.error_view.isVisible())
    parts = page.error_view.parts
    assert parts is not None and parts.what and parts.fix
    assert "Traceback" not in page.error_view.what_label.text() + page.error_view.fix_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def summary(started: dt.datetime) -> BatchSummary:
    return BatchSummary(
        "pilot",
        BatchStatus.SYNCED_WITH_ERRORS,
        "imaps://old.example.nl:993",
        "imaps://new.example.nl:993",
        started,
        started + dt.timedelta(minutes=12),
        (
            MailboxOutcome(
                "anne@example.nl", MailboxStatus.SYNCED, 1200, 0, 50_000_000, 300.0, grade=Grade.PERFECT
            ),
            MailboxOutcome(
                "bram@example.nl",
                MailboxStatus.FAILED,
                error_what="The mailbox bram@example.nl does not exist on the target.",
                error_cause="Directory synchronisation has not created it yet.",
                error_fix="Run directory synchronisation, then Retry failed.",
            ),
        ),
    )


@pytest.fixture
def smtp_server(session_ca):  # type: ignore[no-untyped-def]
    server = SmtpServer(session_ca.issue("gui-smtp"), "admin@example.nl", "smtp-Secret-7").start()
    yield server
    server.stop()


def test_report_page_writes_the_reports_and_sends_the_status_mail(
    qtbot, make_wizard, tmp_path, smtp_server
) -> None:
    project = MigrationProject.new("Report")
    wizard = make_wizard(project)
    project.batch.report_folder = str(tmp_path / "reports")
    go_to(wizard, PageId.PROGRESS)
    project.batch.phase = BatchPhase.FINISHED
    wizard.context.summary = summary(dt.datetime(2026, 5, 11, 14, 2))
    wizard.next()
    page = wizard.report_page
    assert wizard.currentId() == PageId.REPORT
    qtbot.waitUntil(lambda: page.summary_button.isEnabled())
    assert (tmp_path / "reports" / "MigrationStatistics.csv").exists()
    assert "1 of 2 mailboxes migrated, 1 failed" in page.counts_label.text()
    assert page.model.data(page.model.index(1, 6)) == "Run directory synchronisation, then Retry failed."
    settings = SmtpSettings(
        host=smtp_server.host,
        port=smtp_server.port,
        security="starttls",
        username="admin@example.nl",
        sender="admin@example.nl",
        recipients=("helpdesk@example.nl",),
    )
    page.send_status_mail(settings, "smtp-Secret-7")
    qtbot.waitUntil(
        lambda: "was sent" in page.mail_label.text() or page.error_view.isVisible(), timeout=20_000
    )
    assert not page.error_view.isVisible(), page.error_view.parts
    mail = smtp_server.inbox.wait_for(1)[0]
    assert "1 of 2 mailboxes migrated" in mail["Subject"]
    names = [part.get_filename() for part in mail.iter_attachments()]
    assert names == ["MigrationStatistics.csv", "MigrationErrors.csv"]


def test_a_status_mail_with_a_wrong_password_shows_why_in_three_parts(
    qtbot, make_wizard, tmp_path, smtp_server
) -> None:
    project = MigrationProject.new("Report")
    wizard = make_wizard(project)
    project.batch.report_folder = str(tmp_path / "reports")
    go_to(wizard, PageId.PROGRESS)
    project.batch.phase = BatchPhase.FINISHED
    wizard.context.summary = summary(dt.datetime(2026, 5, 11, 14, 2))
    wizard.next()
    page = wizard.report_page
    qtbot.waitUntil(lambda: page.summary_button.isEnabled())
    settings = SmtpSettings(
        host=smtp_server.host,
        port=smtp_server.port,
        username="admin@example.nl",
        recipients=("x@example.nl",),
    )
    page.send_status_mail(settings, "wrong-password")
    qtbot.waitUntil(lambda: page.error_view.isVisible(), timeout=20_000)
    assert "refused the login" in page.error_view.what_label.text()
    assert page.error_view.fix_label.text()
    assert "wrong-password" not in page.error_view.what_label.text() + page.error_view.cause_label.text()


def test_cutover_checks_mx_and_autodiscover_live_and_remembers_ticks(
    qtbot, make_wizard, slow_ttl_dns
) -> None:
    project = MigrationProject.new("Cut-over")
    project.mailbox_list.path = "/lists/batch1.csv"
    project.mailbox_list.set_addresses(["anne@good.test"])
    wizard = make_wizard(project)
    go_to(wizard, PageId.REPORT)
    project.batch.phase = BatchPhase.FINISHED
    wizard.next()
    page = wizard.cutover_page
    assert wizard.currentId() == PageId.CUTOVER
    assert wizard.button(QWizard.WizardButton.FinishButton).text().replace("&", "") == "Close"
    assert page.domain_edit.text() == "good.test"
    assert "out-of-office" in page.ooo_label.text()
    page.nameserver = parse_nameserver(slow_ttl_dns.nameserver)
    page.run_dns_checks()
    qtbot.waitUntil(lambda: "domain.mx" in page.results, timeout=20_000)
    page.select_step("mx")
    # A day-long TTL must be lowered before cut-over: a warning that says so.
    assert "needs attention" in page.result_label.text()
    assert "TTL" in page.result_label.text()
    page.select_step("autodiscover")
    assert page.result_label.isVisible()
    item = page.step_list.item(1)
    item.setCheckState(Qt.CheckState.Checked)
    assert project.cutover_done == ["forwarding"]
    saved = wizard.context.saved_path
    assert saved is not None and '"forwarding"' in saved.read_text(encoding="utf-8")


def test_an_unexpected_error_shows_three_parts_and_keeps_the_traceback_in_the_log(qtbot, caplog) -> None:
    view = ErrorView()
    qtbot.addWidget(view)
    try:
        raise KeyError("internal detail")
    except KeyError as error:
        with caplog.at_level(logging.ERROR):
            view.show_error(error)
    shown = " ".join(label.text() for label in (view.what_label, view.cause_label, view.fix_label))
    assert "Nothing was lost" in shown
    assert "Traceback" not in shown and "internal detail" not in shown
    assert any(record.exc_info for record in caplog.records)
    view.details_button.click()
    assert str(log_dir()) in view.details_label.text()


def test_an_engine_error_shows_what_cause_and_fix(qtbot) -> None:
    view = ErrorView()
    qtbot.addWidget(view)
    view.show_error(MailstageError("x.code", "What went wrong.", "Why it did.", "What to do about it."))
    assert view.what_label.text() == "<b>What went wrong.</b>"
    assert "Why it did." in view.cause_label.text()
    assert "What to do about it." in view.fix_label.text()
    assert view.accessibleName() == "What went wrong."


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_closing_while_a_batch_runs_asks_first(qtbot, make_wizard, monkeypatch, answer) -> None:
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard = make_wizard()
    wizard.context.batch_running = True
    wizard.close()
    assert asked == ["Stop the migration?"]
    assert wizard.isVisible() == (answer == QMessageBox.StandardButton.No)
    wizard.context.batch_running = False


def test_closing_when_nothing_runs_does_not_ask(qtbot, make_wizard, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked without a running batch"))
    wizard = make_wizard()
    wizard.close()
    assert not wizard.isVisible()


def test_the_overall_bar_never_goes_backwards_and_throttling_reads_as_waiting(qtbot, make_wizard) -> None:
    project = MigrationProject.new("Progress")
    project.mailbox_list.set_addresses(["a@example.nl", "b@example.nl"])
    wizard = make_wizard(project)
    go_to(wizard, PageId.PROGRESS)
    page = wizard.progress_page

    class Snapshot:
        def __init__(self, fraction: float) -> None:
            self.fraction = fraction
            self.bytes_done, self.bytes_total = 10, 100
            self.bytes_per_second, self.eta_seconds = 2048.0, 4000.0

    page._on_progressed(Snapshot(0.5))
    assert page.bar.value() == 500
    page._on_progressed(Snapshot(0.3))  # a total that grew must not move the bar back
    assert page.bar.value() == 500
    page._on_progressed(Snapshot(1.0))  # never full before the batch is done
    assert page.bar.value() < page.bar.maximum()
    assert "about 1 h 10 min left" in page.speed_label.text()
    page.model.update(
        {"b@example.nl": {"status": MailboxStatus.SYNCING, "waiting_since": dt.datetime(2026, 5, 11, 14, 2)}}
    )
    page._on_progressed(Snapshot(0.6))
    assert page.waiting_label.isVisible()
    assert "since 14:02" in page.waiting_label.text()
    assert page.model.data(page.model.index(1, 1)) == "Waiting since 14:02"


def test_the_progress_table_applies_thousands_of_updates_in_one_change(qtbot) -> None:
    from gui.models import MailboxProgressModel

    model = MailboxProgressModel()
    addresses = [f"user{n}@example.nl" for n in range(5000)]
    model.set_addresses(addresses)
    changes: list[tuple[object, object]] = []
    model.dataChanged.connect(lambda top, bottom: changes.append((top.row(), bottom.row())))
    model.update(
        {address: {"status": MailboxStatus.SYNCING, "items_done": 3} for address in addresses[100:4000]}
    )
    assert changes == [(100, 3999)]
    assert model.counts()[MailboxStatus.SYNCING] == 3900
    assert model.data(model.index(4000, 1)) == "Queued"


def test_the_chart_draws_samples_without_qtcharts(qtbot) -> None:
    from gui.throughput_chart import ThroughputChart

    chart = ThroughputChart()
    qtbot.addWidget(chart)
    chart.resize(240, 64)
    chart.show()
    empty = chart.grab().toImage()
    for value in (1e6, 2e6, 4e6, 3e6):
        chart.add_sample(value)
    drawn = chart.grab().toImage()
    assert drawn != empty
    assert "peak" in chart.accessibleDescription() or chart.accessibleDescription()


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_a_dutch_admin_reads_the_lists_problems_in_dutch(qtbot, make_wizard, tmp_path, language) -> None:
    path = tmp_path / "export.csv"
    path.write_text(BAD_LIST, encoding="cp1252")
    wizard = make_wizard()
    go_to(wizard, PageId.MAILBOX_LIST)
    page = wizard.mailbox_list_page
    page.load(path)
    qtbot.waitUntil(lambda: page.mailbox_list is not None)
    model = page.model
    problems = [model.data(model.index(r, model.columnCount() - 1)) for r in range(4)]
    assert problems[2] == "Het wachtwoord is korter dan 8 tekens."
    assert "domein" in problems[1]
    assert "puntkomma's" in page.file_label.text()
