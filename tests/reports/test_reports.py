"""Batch reports as Microsoft writes them, plus skipped items and a printable summary; the status mail."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from engine.errors import MailstageError
from engine.keystore import SecretStore
from engine.reports import BatchSummary, MailboxOutcome, SkippedItem, write_reports
from engine.status import BatchStatus, Grade, MailboxStatus
from engine.statusmail import SmtpSettings, send_status_mail
from tests.rig.certs import TestCA
from tests.rig.smtp import SmtpServer


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def make_summary() -> BatchSummary:
    start = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    return BatchSummary(
        name="Batch 1",
        status=BatchStatus.SYNCED_WITH_ERRORS,
        source="imaps://exchange.example.nl:993",
        target="imaps://outlook.office365.com:993",
        started=start,
        finished=start + dt.timedelta(minutes=42),
        mailboxes=(
            MailboxOutcome(
                "anna@example.nl", MailboxStatus.SYNCED, 120, 0, 5_000_000, 60.0, grade=Grade.PERFECT
            ),
            MailboxOutcome(
                "bert@example.nl",
                MailboxStatus.SYNCED,
                80,
                1,
                3_000_000,
                50.0,
                grade=Grade.GOOD,
                skipped=(
                    SkippedItem(
                        "bert@example.nl",
                        "Postvak IN",
                        "2024-03-01",
                        '=HYPERLINK("x")',
                        40_000_000,
                        "Larger than the target accepts (35 MB)",
                    ),
                ),
            ),
            MailboxOutcome(
                "carla@example.nl",
                MailboxStatus.FAILED,
                error_what="The source server refused the login for carla@example.nl.",
                error_cause="The password in the list is wrong or was changed.",
                error_fix="Correct the password and retry the failed mailboxes.",
            ),
        ),
    )


def test_statistics_csv_has_microsofts_columns_and_partially_complete(tmp_path: Path) -> None:
    files = write_reports(make_summary(), tmp_path)
    rows = read_csv(files.statistics)
    assert rows[0] == ["EmailAddress", "ObjectType", "Status", "ItemsMigrated", "ItemsSkipped"]
    assert rows[1:] == [
        ["anna@example.nl", "Mailbox", "Complete", "120", "0"],
        ["bert@example.nl", "Mailbox", "Partially complete", "80", "1"],
        ["carla@example.nl", "Mailbox", "Failed", "0", "0"],
    ]


def test_errors_csv_lists_only_failures_with_cause_and_fix(tmp_path: Path) -> None:
    rows = read_csv(write_reports(make_summary(), tmp_path).errors)
    assert rows[0] == ["EmailAddress", "ErrorMessage"]
    assert len(rows) == 2
    assert rows[1][0] == "carla@example.nl"
    assert "password" in rows[1][1] and "retry the failed" in rows[1][1]


def test_skipped_items_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    rows = read_csv(write_reports(make_summary(), tmp_path).skipped)
    assert rows[1][3] == '\'=HYPERLINK("x")'
    assert rows[1][5].startswith("Larger than")


def test_html_summary_is_self_contained_and_escapes_text(tmp_path: Path) -> None:
    page = write_reports(make_summary(), tmp_path).summary.read_text(encoding="utf-8")
    assert "<script" not in page and "http" not in page.replace("imaps://", "")
    assert "SyncedWithErrors" in page
    assert "carla@example.nl" in page and "Correct the password" in page
    assert "=HYPERLINK(&quot;x&quot;)" in page


def test_status_mail_arrives_with_counts_and_both_csvs(tmp_path: Path, session_ca: TestCA) -> None:
    server = SmtpServer(session_ca.issue("smtp"), "reports@example.nl", "smtp-Secret-9").start()
    try:
        SecretStore().put("smtp:default", "smtp-Secret-9")
        settings = SmtpSettings(
            "127.0.0.1",
            server.port,
            "starttls",
            "reports@example.nl",
            "reports@example.nl",
            ("admin@example.nl",),
        )
        files = write_reports(make_summary(), tmp_path)
        send_status_mail(make_summary(), files, settings, final=False)
        (message,) = server.inbox.wait_for(1)
    finally:
        server.stop()
    assert "2 of 3 mailboxes migrated, 1 failed" in message["Subject"]
    names = sorted(part.get_filename() for part in message.iter_attachments())
    assert names == ["MigrationErrors.csv", "MigrationStatistics.csv"]
    assert "smtp-Secret-9" not in message.as_string()


def test_status_mail_with_wrong_password_says_what_to_do(tmp_path: Path, session_ca: TestCA) -> None:
    server = SmtpServer(session_ca.issue("smtp2"), "reports@example.nl", "right-password").start()
    try:
        SecretStore().put("smtp:default", "wrong-password")
        settings = SmtpSettings(
            "127.0.0.1", server.port, "starttls", "reports@example.nl", "", ("admin@example.nl",)
        )
        with pytest.raises(MailstageError) as caught:
            send_status_mail(make_summary(), write_reports(make_summary(), tmp_path), settings, final=True)
    finally:
        server.stop()
    assert caught.value.code == "mail.login_failed"
    assert "wrong-password" not in str(caught.value)
