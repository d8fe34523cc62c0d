"""Batch: name it, choose what to copy, see how big it is and how long it should take, and start it.
The commit page: its button says "Start migration" (seed step 3: create and start the batch)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from engine.checks import Status
from engine.checks.estimate import in_date_range
from engine.plan import ALL_DATES, DateRange
from gui.context import WizardContext
from gui.flow import BATCH_NAME_MAX, MigrationProject, Missing, PageId
from gui.labels import data_size, duration, number
from gui.pages.base import MigrationPage, heading_label, text_label
from gui.style import MARK_COLOUR, mark_missing

# Folders admins most often leave out, by their role (the engine maps localized names to roles).
COMMON_EXCLUDES = ("Deleted Items", "Junk E-mail")
DATES_REVERSED = "batch.dates_reversed"
DAY_FORMAT = "yyyy-MM-dd"


class BatchPage(MigrationPage):
    """The last choices and the summary; committing starts the copy on the progress page."""

    page_id = PageId.BATCH

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("batchPage")
        self.setTitle(self.tr("Start the migration batch"))
        self.setSubTitle(
            self.tr(
                "Mailstage copies the mailboxes of this batch, 20 at a time by default. Users keep working "
                "in their old mailbox meanwhile; you can stop and resume at any time."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Start migration"))
        self._loading = False
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body.addLayout(form)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("batchNameEdit")
        self.name_edit.setAccessibleName(self.tr("Batch name"))
        self.name_edit.setMaxLength(BATCH_NAME_MAX + 10)  # longer is refused with a message, not cut off
        self.name_edit.textEdited.connect(self._on_edited)
        name_label = QLabel(self.tr("Batch na&me:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)

        excludes = QHBoxLayout()
        self.exclude_checks: dict[str, QCheckBox] = {}
        deleted = QCheckBox(self.tr("Leave out &Deleted Items"))
        deleted.setObjectName("excludeDeletedCheck")
        junk = QCheckBox(self.tr("Leave out &Junk E-mail"))
        junk.setObjectName("excludeJunkCheck")
        for folder, box in zip(COMMON_EXCLUDES, (deleted, junk), strict=True):
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(self._on_edited)
            self.exclude_checks[folder] = box
            excludes.addWidget(box)
        excludes.addStretch(1)
        folders_label = QLabel(self.tr("Folders:"))
        form.addRow(folders_label, excludes)
        self.other_excludes = QLineEdit()
        self.other_excludes.setObjectName("otherExcludesEdit")
        self.other_excludes.setAccessibleName(self.tr("Other folders to leave out"))
        self.other_excludes.setPlaceholderText(self.tr("For example: Archive/2009; Public"))
        self.other_excludes.textEdited.connect(self._on_edited)
        other_label = QLabel(self.tr("&Other folders to leave out:"))
        other_label.setBuddy(self.other_excludes)
        form.addRow(other_label, self.other_excludes)
        form.addRow(QLabel(self.tr("Which messages:")), self._date_choices())

        start_row = QHBoxLayout()
        self.start_now = QRadioButton(self.tr("Start &now"))
        self.start_now.setObjectName("startNowRadio")
        self.start_now.setAccessibleName(self.tr("Start now"))
        self.start_later = QRadioButton(self.tr("Start &at"))
        self.start_later.setObjectName("startLaterRadio")
        self.start_later.setAccessibleName(self.tr("Start at a time"))
        group = QButtonGroup(self)
        group.addButton(self.start_now)
        group.addButton(self.start_later)
        self.start_edit = QDateTimeEdit()
        self.start_edit.setObjectName("startAtEdit")
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_later.toggled.connect(self.start_edit.setEnabled)
        self.start_later.toggled.connect(self._on_edited)
        self.start_edit.dateTimeChanged.connect(self._on_edited)
        for widget in (self.start_now, self.start_later, self.start_edit):
            start_row.addWidget(widget)
        start_row.addStretch(1)
        form.addRow(QLabel(self.tr("When:")), start_row)

        self.body.addWidget(heading_label(self.tr("What will happen"), "summaryTitle"))
        frame = QFrame()
        frame.setObjectName("summaryFrame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("batchSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.summary_label)
        self.body.addWidget(frame)
        self.body.addStretch(1)
        self.show_project(context.project)

    def _date_choices(self) -> QVBoxLayout:
        """All messages, or only those received in a range of days whose ends can each be left open."""
        column = QVBoxLayout()
        self.all_dates_radio = QRadioButton(self.tr("A&ll messages"))
        self.all_dates_radio.setObjectName("allDatesRadio")
        self.all_dates_radio.setAccessibleName(self.tr("All messages"))
        self.some_dates_radio = QRadioButton(self.tr("Only messages &received"))
        self.some_dates_radio.setObjectName("someDatesRadio")
        self.some_dates_radio.setAccessibleName(self.tr("Only messages received in a range of days"))
        group = QButtonGroup(self)
        group.addButton(self.all_dates_radio)
        group.addButton(self.some_dates_radio)
        self.first_day_check = QCheckBox(self.tr("&from"))
        self.first_day_check.setObjectName("firstDayCheck")
        self.first_day_check.setAccessibleName(self.tr("Only messages received on or after a day"))
        self.first_day_edit = self._day_edit("firstDayEdit", self.tr("First day"))
        self.last_day_check = QCheckBox(self.tr("&through"))
        self.last_day_check.setObjectName("lastDayCheck")
        self.last_day_check.setAccessibleName(self.tr("Only messages received on or before a day"))
        self.last_day_edit = self._day_edit("lastDayEdit", self.tr("Last day"))
        self.some_dates_radio.toggled.connect(self._on_some_dates_toggled)
        for box in (self.first_day_check, self.last_day_check):
            box.toggled.connect(self._on_edited)
        column.addWidget(self.all_dates_radio)
        row = QHBoxLayout()
        for widget in (
            self.some_dates_radio,
            self.first_day_check,
            self.first_day_edit,
            self.last_day_check,
            self.last_day_edit,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        column.addLayout(row)
        # The report's button that runs the batch again with every date, named as the report names it.
        older = QCoreApplication.translate("ReportPage", "Copy the &older messages too").replace("&", "")
        column.addWidget(
            text_label(
                self.tr(
                    "Tip: copy the last year first, so users can start in their new mailbox sooner. When the "
                    "batch is done, “{button}” on its report copies the rest; nothing is copied twice."
                ).format(button=older),
                "datesHintLabel",
            )
        )
        self.dates_problem_label = text_label(
            self.tr(
                "The range ends before it begins, so it would copy nothing: choose a last day on or after "
                "the first day, or untick one of them."
            ),
            "datesProblemLabel",
        )
        self.dates_problem_label.setStyleSheet(f"#datesProblemLabel {{ color: {MARK_COLOUR}; }}")
        self.dates_problem_label.setVisible(False)
        column.addWidget(self.dates_problem_label)
        return column

    def _day_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DAY_FORMAT)
        edit.dateChanged.connect(self._on_edited)
        return edit

    def initializePage(self) -> None:
        self.show_project(self.project)

    def show_project(self, project: MigrationProject) -> None:
        self._loading = True
        try:
            batch = project.batch
            self.name_edit.setText(batch.name)
            for folder, box in self.exclude_checks.items():
                box.setChecked(folder in batch.exclude_folders)
            others = [f for f in batch.exclude_folders if f not in self.exclude_checks]
            self.other_excludes.setText("; ".join(others))
            start = (
                QDateTime.fromString(batch.start_at, Qt.DateFormat.ISODate) if batch.start_at else QDateTime()
            )
            self.start_later.setChecked(start.isValid())
            self.start_now.setChecked(not start.isValid())
            default_start = QDateTime.currentDateTime().addSecs(3600)
            self.start_edit.setDateTime(start if start.isValid() else default_start)
            self.start_edit.setEnabled(start.isValid())
            first, last = batch.days
            self.some_dates_radio.setChecked(first is not None or last is not None)
            self.all_dates_radio.setChecked(first is None and last is None)
            today = QDate.currentDate()
            self.first_day_check.setChecked(first is not None)
            self.first_day_edit.setDate(_qdate(first) if first else today.addYears(-1))
            self.last_day_check.setChecked(last is not None)
            self.last_day_edit.setDate(_qdate(last) if last else today)
            self._enable_days()
        finally:
            self._loading = False
        self._show_summary()

    def _on_some_dates_toggled(self, on: bool) -> None:
        if (
            on
            and not self._loading
            and not (self.first_day_check.isChecked() or self.last_day_check.isChecked())
        ):
            # Choosing a range starts with its most common form: the last year, and whatever comes in
            # until the cut-over (an open end, so later runs keep new mail coming).
            self.first_day_check.setChecked(True)
        self._on_edited()

    def _enable_days(self) -> None:
        some = self.some_dates_radio.isChecked()
        self.first_day_check.setEnabled(some)
        self.last_day_check.setEnabled(some)
        self.first_day_edit.setEnabled(some and self.first_day_check.isChecked())
        self.last_day_edit.setEnabled(some and self.last_day_check.isChecked())

    def missing_now(self) -> list[Missing]:
        # A reversed range is said next to the days, where it is put right, not in the note below.
        return [item for item in super().missing_now() if item.code != DATES_REVERSED]

    def refresh(self) -> None:
        super().refresh()
        reversed_range = self.project.batch.dates_reversed
        self.dates_problem_label.setVisible(reversed_range)
        mark_missing(self.last_day_edit, reversed_range)

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        batch = self.project.batch
        batch.name = self.name_edit.text()
        folders = [folder for folder, box in self.exclude_checks.items() if box.isChecked()]
        folders += [part.strip() for part in self.other_excludes.text().split(";") if part.strip()]
        batch.exclude_folders = folders
        batch.start_at = (
            self.start_edit.dateTime().toString(Qt.DateFormat.ISODate) if self.start_later.isChecked() else ""
        )
        some = self.some_dates_radio.isChecked()
        batch.first_day = _iso_day(self.first_day_edit) if some and self.first_day_check.isChecked() else ""
        batch.last_day = _iso_day(self.last_day_edit) if some and self.last_day_check.isChecked() else ""
        self._enable_days()
        self._show_summary()
        self.changed()

    def _show_summary(self) -> None:
        project = self.project
        count = len(project.mailbox_list.addresses)
        concurrency = min(project.source.max_concurrent, project.target.max_concurrent)
        lines = [
            self.tr(
                "Copy <b>{count}</b> mailboxes from <b>{source}</b> to <b>{target}</b>, {parallel} at a time."
            ).format(
                count=number(count),
                source=_escape(project.source.describe()),
                target=_escape(project.target.describe()),
                parallel=number(max(1, min(concurrency, count))),
            )
        ]
        size = self._size_estimate()
        if size is not None:
            messages, size_bytes, seconds = size
            if project.batch.days != (None, None) and not project.batch.dates_reversed:
                line = self.tr(
                    "About {messages} messages ({size}) in those dates (counted by month)."
                ).format(messages=number(messages), size=data_size(size_bytes))
            else:
                line = self.tr("About {messages} messages ({size}).").format(
                    messages=number(messages), size=data_size(size_bytes)
                )
            if seconds:
                line += " " + self.tr("Estimated duration: {duration}.").format(duration=duration(seconds))
            lines.append(line)
        batch = project.batch
        if batch.exclude_folders:
            lines.append(
                self.tr("Left out: {folders}.").format(folders=_escape(", ".join(batch.exclude_folders)))
            )
        first, last = batch.days
        if batch.dates_reversed:
            pass  # said next to the days
        elif first and last:
            lines.append(
                self.tr("Only messages received from {first} through {last}.").format(
                    first=first.isoformat(), last=last.isoformat()
                )
            )
        elif first:
            lines.append(
                self.tr(
                    "Only messages received on or after {first}; older ones can follow in a later run."
                ).format(first=first.isoformat())
            )
        elif last:
            lines.append(
                self.tr("Only messages received on or before {last}; newer ones are not copied.").format(
                    last=last.isoformat()
                )
            )
        if batch.start_at:
            when = dt.datetime.fromisoformat(batch.start_at)
            lines.append(
                self.tr("The batch starts at {time}; leave Mailstage open.").format(
                    time=f"{when:%Y-%m-%d %H:%M}"
                )
            )
        else:
            lines.append(self.tr("The batch starts when you click Start migration."))
        lines.append(
            self.tr(
                "Nothing on the old server is changed. Running the batch again later copies only what is new."
            )
        )
        self.summary_label.setText("".join(f"<p style='margin:3px 0'>{line}</p>" for line in lines))

    def _size_estimate(self) -> tuple[int, int, float] | None:
        """Messages, bytes and estimated seconds from the checks' size and time estimate, if they ran;
        with a date range, what falls in it (by the checks' per-month counts) and the time in proportion."""
        report = self.context.check_report
        if report is None:
            return None
        batch = self.project.batch
        dates = DateRange(*batch.days) if not batch.dates_reversed else ALL_DATES
        messages = size_bytes = all_bytes = 0
        seconds = 0.0
        found = False
        for result in report.results:
            data = result.data
            if result.id == "mailbox.size" and result.status is not Status.SKIP:
                found = True
                all_bytes += int(data.get("bytes", 0))
                by_month = data.get("by_month")
                if dates and isinstance(by_month, dict):
                    in_range = in_date_range(by_month, dates)
                    messages += in_range[0]
                    size_bytes += in_range[1]
                else:
                    messages += int(data.get("messages", 0))
                    size_bytes += int(data.get("bytes", 0))
            if "estimated_seconds" in data:
                seconds = max(seconds, float(data["estimated_seconds"]))
        if all_bytes and size_bytes < all_bytes:
            seconds *= size_bytes / all_bytes
        return (messages, size_bytes, seconds) if found else None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _iso_day(edit: QDateEdit) -> str:
    return edit.date().toString(Qt.DateFormat.ISODate)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
