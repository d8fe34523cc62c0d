"""Words and numbers as the admin reads them: statuses in their language, sizes, durations, rates.

Numbers go through QLocale, so a Dutch admin reads 1.234 berichten and 1,5 GB.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from engine.status import BatchStatus, Grade, MailboxStatus


def mailbox_status_text(status: MailboxStatus | str) -> str:
    texts = {
        MailboxStatus.QUEUED: QCoreApplication.translate("Status", "Queued"),
        MailboxStatus.SYNCING: QCoreApplication.translate("Status", "Syncing"),
        MailboxStatus.INCREMENTAL_SYNCING: QCoreApplication.translate("Status", "Incremental syncing"),
        MailboxStatus.SYNCED: QCoreApplication.translate("Status", "Synced"),
        MailboxStatus.FAILED: QCoreApplication.translate("Status", "Failed"),
        MailboxStatus.STOPPED: QCoreApplication.translate("Status", "Stopped"),
    }
    try:
        return texts[MailboxStatus(status)]
    except ValueError:
        return str(status)


def batch_status_text(status: BatchStatus | str) -> str:
    texts = {
        BatchStatus.CREATED: QCoreApplication.translate("Status", "Created"),
        BatchStatus.SYNCING: QCoreApplication.translate("Status", "Syncing"),
        BatchStatus.INCREMENTAL_SYNCING: QCoreApplication.translate("Status", "Incremental syncing"),
        BatchStatus.STOPPING: QCoreApplication.translate("Status", "Stopping"),
        BatchStatus.STOPPED: QCoreApplication.translate("Status", "Stopped"),
        BatchStatus.SYNCED: QCoreApplication.translate("Status", "Synced"),
        BatchStatus.SYNCED_WITH_ERRORS: QCoreApplication.translate("Status", "Synced with errors"),
        BatchStatus.COMPLETED: QCoreApplication.translate("Status", "Completed"),
        BatchStatus.FAILED: QCoreApplication.translate("Status", "Failed"),
    }
    try:
        return texts[BatchStatus(status)]
    except ValueError:
        return str(status)


def grade_text(grade: Grade | str | None) -> str:
    if not grade:
        return ""
    texts = {
        Grade.PERFECT: QCoreApplication.translate("Status", "Perfect"),
        Grade.GOOD: QCoreApplication.translate("Status", "Good"),
        Grade.INVESTIGATE: QCoreApplication.translate("Status", "Investigate"),
        Grade.POOR: QCoreApplication.translate("Status", "Poor"),
    }
    try:
        return texts[Grade(grade)]
    except ValueError:
        return str(grade)


def grade_explanation(grade: Grade | str | None) -> str:
    if not grade:
        return ""
    texts = {
        Grade.PERFECT: QCoreApplication.translate("Status", "Every message is on the new system."),
        Grade.GOOD: QCoreApplication.translate(
            "Status", "Only messages listed as skipped (for example too large) are missing."
        ),
        Grade.INVESTIGATE: QCoreApplication.translate(
            "Status", "Some messages are missing that no report explains: look at this mailbox."
        ),
        Grade.POOR: QCoreApplication.translate(
            "Status", "A folder or more than 1% of the messages is missing: run the batch again."
        ),
    }
    try:
        return texts[Grade(grade)]
    except ValueError:
        return ""


def grade_advice(grade: Grade | str | None) -> str:
    """What to do about a mailbox with GRADE ("" when nothing)."""
    texts = {
        Grade.GOOD: QCoreApplication.translate("Status", "Look at the skipped messages in the summary."),
        Grade.INVESTIGATE: QCoreApplication.translate(
            "Status", "Run the batch again; if messages stay missing, open the summary to see which."
        ),
        Grade.POOR: QCoreApplication.translate(
            "Status", "Run the batch again before switching this user over."
        ),
    }
    try:
        return texts.get(Grade(grade), "") if grade else ""
    except ValueError:
        return ""


def number(value: int) -> str:
    return QLocale().toString(value)


def data_size(count: float) -> str:
    """1536 -> "1.5 KB" (or "1,5 kB" in Dutch)."""
    return QLocale().formattedDataSize(int(count), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def rate(bytes_per_second: float) -> str:
    return QCoreApplication.translate("Format", "{size}/s").format(size=data_size(bytes_per_second))


def duration(seconds: float) -> str:
    """Whole hours and minutes for long spans, minutes and seconds for short ones."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return QCoreApplication.translate("Format", "{h} h {m:02d} min").format(h=hours, m=minutes)
    if minutes:
        return QCoreApplication.translate("Format", "{m} min {s:02d} s").format(m=minutes, s=secs)
    return QCoreApplication.translate("Format", "{s} s").format(s=secs)


def time_left(seconds: float) -> str:
    """An honest, coarse time left: nobody needs the seconds of a two-hour estimate."""
    if seconds < 60:
        return QCoreApplication.translate("Format", "less than a minute")
    minutes = round(seconds / 60)
    if minutes < 15:
        return QCoreApplication.translate("Format", "about {m} min").format(m=minutes)
    if minutes < 60:
        return QCoreApplication.translate("Format", "about {m} min").format(m=5 * round(minutes / 5))
    hours, rest = divmod(10 * round(minutes / 10), 60)
    if rest == 0:
        return QCoreApplication.translate("Format", "about {h} h").format(h=hours)
    return QCoreApplication.translate("Format", "about {h} h {m:02d} min").format(h=hours, m=rest)
