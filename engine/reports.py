"""Batch reports, as Microsoft writes them plus what Microsoft leaves out.

- MigrationStatistics.csv: EmailAddress, ObjectType, Status, ItemsMigrated, ItemsSkipped
- MigrationErrors.csv:     EmailAddress, ErrorMessage
- SkippedItems.csv:        EmailAddress, Folder, Date, Subject, Size, Reason (each item, not only a count)
- summary.html:            one self-contained page a person prints: counts, per-mailbox table, durations,
                           throughput, failures with what to do.
No report ever holds a password or token: the types below have no field for one.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from engine.csvsafe import write_csv
from engine.status import BatchStatus, Grade, MailboxStatus

STATISTICS_FILE = "MigrationStatistics.csv"
ERRORS_FILE = "MigrationErrors.csv"
SKIPPED_FILE = "SkippedItems.csv"
SUMMARY_FILE = "summary.html"


@dataclass(frozen=True)
class SkippedItem:
    """One message that was not copied, and why."""

    mailbox: str
    folder: str
    date: str
    subject: str
    size: int
    reason: str


@dataclass(frozen=True)
class MailboxOutcome:
    """What happened to one mailbox in a batch run."""

    address: str
    status: MailboxStatus
    items_migrated: int = 0
    items_skipped: int = 0
    bytes_migrated: int = 0
    seconds: float = 0.0
    error_what: str = ""
    error_cause: str = ""
    error_fix: str = ""
    grade: Grade | None = None
    skipped: tuple[SkippedItem, ...] = ()

    @property
    def statistics_status(self) -> str:
        """The Status column of MigrationStatistics.csv, in Microsoft's words."""
        if self.status is MailboxStatus.FAILED:
            return "Failed"
        if self.status is MailboxStatus.STOPPED:
            return "Stopped"
        return "Partially complete" if self.items_skipped else "Complete"

    @property
    def error_message(self) -> str:
        return " ".join(part for part in (self.error_what, self.error_cause, self.error_fix) if part)


@dataclass(frozen=True)
class BatchSummary:
    """A batch run as the reports show it."""

    name: str
    status: BatchStatus
    source: str
    target: str
    started: dt.datetime
    finished: dt.datetime
    mailboxes: tuple[MailboxOutcome, ...] = field(default_factory=tuple)
    copied: str = "all messages"  # the batch's date range in words

    @property
    def total(self) -> int:
        return len(self.mailboxes)

    @property
    def synced(self) -> int:
        return sum(1 for m in self.mailboxes if m.status is MailboxStatus.SYNCED)

    @property
    def failed(self) -> int:
        return sum(1 for m in self.mailboxes if m.status is MailboxStatus.FAILED)

    @property
    def items_migrated(self) -> int:
        return sum(m.items_migrated for m in self.mailboxes)

    @property
    def items_skipped(self) -> int:
        return sum(m.items_skipped for m in self.mailboxes)

    @property
    def bytes_migrated(self) -> int:
        return sum(m.bytes_migrated for m in self.mailboxes)

    @property
    def duration(self) -> dt.timedelta:
        return self.finished - self.started


@dataclass(frozen=True)
class ReportFiles:
    folder: Path
    statistics: Path
    errors: Path
    skipped: Path
    summary: Path


def write_reports(summary: BatchSummary, folder: Path) -> ReportFiles:
    """Write the four report files of SUMMARY into FOLDER (created if needed) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files = ReportFiles(
        folder, folder / STATISTICS_FILE, folder / ERRORS_FILE, folder / SKIPPED_FILE, folder / SUMMARY_FILE
    )
    write_csv(
        files.statistics,
        ["EmailAddress", "ObjectType", "Status", "ItemsMigrated", "ItemsSkipped"],
        (
            [m.address, "Mailbox", m.statistics_status, m.items_migrated, m.items_skipped]
            for m in summary.mailboxes
        ),
    )
    write_csv(
        files.errors,
        ["EmailAddress", "ErrorMessage"],
        ([m.address, m.error_message] for m in summary.mailboxes if m.error_message),
    )
    write_csv(
        files.skipped,
        ["EmailAddress", "Folder", "Date", "Subject", "Size", "Reason"],
        (
            [item.mailbox, item.folder, item.date, item.subject, item.size, item.reason]
            for m in summary.mailboxes
            for item in m.skipped
        ),
    )
    tmp = files.summary.with_name(files.summary.name + ".tmp")
    tmp.write_text(render_html(summary), encoding="utf-8")
    tmp.replace(files.summary)
    return files


def human_bytes(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1024
    return f"{count:,.1f} TB"


def human_duration(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def _rows(cells: Sequence[Sequence[object]]) -> str:
    return "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in cells
    )


def render_html(summary: BatchSummary) -> str:
    """The printable summary page (no scripts, no external files)."""
    seconds = max(summary.duration.total_seconds(), 0.001)
    throughput = summary.bytes_migrated / seconds
    esc = html.escape
    mailbox_rows = _rows(
        [
            [
                m.address,
                m.status,
                m.items_migrated,
                m.items_skipped,
                human_bytes(m.bytes_migrated),
                human_duration(m.seconds),
                m.grade or "",
            ]
            for m in summary.mailboxes
        ]
    )
    failures = [m for m in summary.mailboxes if m.error_message]
    failure_html = (
        "\n".join(
            f"<div class='failure'><h3>{esc(m.address)}</h3><p><b>What happened:</b> {esc(m.error_what)}</p>"
            f"<p><b>Likely cause:</b> {esc(m.error_cause)}</p><p><b>What to do:</b> {esc(m.error_fix)}</p></div>"
            for m in failures
        )
        or "<p>No mailbox reported an error.</p>"
    )
    skipped = [item for m in summary.mailboxes for item in m.skipped]
    skipped_html = (
        "<table><tr><th>Mailbox</th><th>Folder</th><th>Date</th><th>Subject</th><th>Size</th><th>Reason</th></tr>"
        + _rows([[i.mailbox, i.folder, i.date, i.subject, human_bytes(i.size), i.reason] for i in skipped])
        + "</table>"
        if skipped
        else "<p>No message was skipped.</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Migration batch {esc(summary.name)}</title>
<style>
body {{ font-family: Segoe UI, DejaVu Sans, sans-serif; margin: 2em; color: #1b1b1b; }}
table {{ border-collapse: collapse; width: 100%; margin: 1em 0; }}
th, td {{ border: 1px solid #bbb; padding: 4px 8px; text-align: left; }}
th {{ background: #eee; }}
.counts td {{ font-size: 1.2em; }}
.failure {{ border-left: 4px solid #b00020; padding-left: 1em; margin: 1em 0; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>Migration batch {esc(summary.name)}: {esc(summary.status)}</h1>
<p>From {esc(summary.source)} to {esc(summary.target)}; copied: {esc(summary.copied)}.
Started {summary.started:%Y-%m-%d %H:%M}, finished {summary.finished:%Y-%m-%d %H:%M}
({human_duration(seconds)}).</p>
<table class="counts"><tr><th>Mailboxes</th><th>Synced</th><th>Failed</th><th>Items migrated</th>
<th>Items skipped</th><th>Data</th><th>Throughput</th></tr>
<tr><td>{summary.total}</td><td>{summary.synced}</td><td>{summary.failed}</td><td>{summary.items_migrated:,}</td>
<td>{summary.items_skipped:,}</td><td>{human_bytes(summary.bytes_migrated)}</td>
<td>{human_bytes(throughput)}/s</td></tr></table>
<h2>Mailboxes</h2>
<table><tr><th>Mailbox</th><th>Status</th><th>Items migrated</th><th>Items skipped</th><th>Data</th>
<th>Duration</th><th>Verification</th></tr>
{mailbox_rows}
</table>
<h2>Failures</h2>
{failure_html}
<h2>Skipped items</h2>
{skipped_html}
</body></html>
"""
