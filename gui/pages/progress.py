"""Progress: the batch runs; each mailbox goes Queued, Syncing, Synced or Failed (seed steps 3 to 5).

One overall bar that never goes backwards, with the speed and an honest time left; a table of every
mailbox that stays fluid with thousands of rows; throttling shown as "Waiting for the server since
14:02", never as a frozen percentage; Stop (partial results stay, so not "Cancel"), Resume and Retry
failed. When every mailbox is done the wizard moves on to the report by itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.reports import BatchSummary
from engine.status import BatchStatus, MailboxStatus
from gui.batch_session import BatchSession, outcome_changes, stored_summary
from gui.context import WizardContext
from gui.errors import ErrorView
from gui.flow import BatchPhase, MigrationProject, PageId
from gui.labels import batch_status_text, data_size, number, rate, time_left
from gui.models import MailboxProgressModel
from gui.pages.base import MigrationPage
from gui.throughput_chart import ThroughputChart

BAR_STEPS = 1000


class ProgressPage(MigrationPage):
    """Runs the batch through a `BatchSession` and shows what it reports.

    Signals: none of its own; `completeChanged` turns true when the batch is finished.
    """

    page_id = PageId.PROGRESS

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("progressPage")
        self.setTitle(self.tr("Migrating the mailboxes"))
        self.setSubTitle(
            self.tr(
                "Users can keep working meanwhile. New mail that arrives during the copy is picked up by "
                "the next sync of this batch."
            )
        )
        self.session: BatchSession | None = None
        self._fraction = 0.0
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._on_start_time)

        self.activity_label = QLabel(self.tr("Migrating mailboxes..."))
        self.activity_label.setObjectName("activityLabel")
        self.body.addWidget(self.activity_label)
        self.bar = QProgressBar()
        self.bar.setObjectName("overallProgress")
        self.bar.setAccessibleName(self.tr("Overall progress"))
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setTextVisible(False)  # Microsoft: no text on the bar
        self.body.addWidget(self.bar)
        stats_row = QHBoxLayout()
        stats = QVBoxLayout()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.speed_label = QLabel()
        self.speed_label.setObjectName("speedLabel")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setVisible(False)
        for label in (self.counts_label, self.speed_label, self.waiting_label):
            stats.addWidget(label)
        stats.addStretch(1)
        stats_row.addLayout(stats, 3)
        self.chart = ThroughputChart()
        stats_row.addWidget(self.chart, 2)
        self.body.addLayout(stats_row)

        self.model = MailboxProgressModel(self)
        self.table = QTableView()
        self.table.setObjectName("mailboxProgressTable")
        self.table.setAccessibleName(self.tr("Mailboxes in the batch"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths: measuring every row's contents on each update would not stay fluid.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((185, 130, 100, 100, 72, 72, 84)):
            # Never narrower than its (translated) header, which would otherwise be cut off.
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            self.table.setColumnWidth(column, max(width, self.fontMetrics().horizontalAdvance(title) + 24))
        self.body.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setAccessibleName(self.tr("Stop the batch"))
        self.stop_button.setToolTip(
            self.tr("Stops after the messages being copied; what is copied stays, and Resume goes on.")
        )
        self.stop_button.clicked.connect(self.stop)
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.setAccessibleName(self.tr("Resume the batch"))
        self.resume_button.clicked.connect(self.resume)
        self.retry_button = QPushButton(self.tr("Retry &failed"))
        self.retry_button.setObjectName("retryFailedButton")
        self.retry_button.setAccessibleName(self.tr("Retry the failed mailboxes"))
        self.retry_button.clicked.connect(self.retry_failed)
        for button in (self.stop_button, self.resume_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.error_view = ErrorView(self, name="progressError")
        self.body.addWidget(self.error_view)
        self._update_buttons()

    # -- QWizard ------------------------------------------------------------------------------

    def initializePage(self) -> None:
        """Entered from the commit page (or a reopened project): start, or show where it stands."""
        batch = self.project.batch
        phase = BatchPhase(batch.phase)
        running = self.session is not None and self.session.running
        if phase in (BatchPhase.NOT_STARTED, BatchPhase.RUNNING) and not running:
            # A run of its own (the first, one that goes on after Mailstage ended, or the report's Sync
            # again): its bar and table start from zero, not where an earlier run of the page ended.
            self._clear_progress()
            self.model.set_addresses(batch.mailboxes or self.project.mailbox_list.addresses)
            self._show_counts()
        elif not self.model.rowCount():
            self.model.set_addresses(batch.mailboxes or self.project.mailbox_list.addresses)
        if phase is BatchPhase.STOPPED and batch.resume_on_open:
            # Stopped because the window closed (the question said so): go on now.
            batch.resume_on_open = False
            self.start()
        elif phase in (BatchPhase.NOT_STARTED, BatchPhase.RUNNING):
            # RUNNING here means Mailstage ended while the batch ran: it goes on where it was.
            self._start_when_due()
        elif batch.name:
            self._show_stored(batch.name)
        self._update_buttons()

    def _show_stored(self, name: str) -> None:
        """A reopened, stopped batch: show each mailbox as the state store has it."""

        def shown(summary: BatchSummary | None) -> None:
            if summary is not None and not (self.session is not None and self.session.running):
                self.model.update(outcome_changes(summary))
                self._show_counts()
                self._update_buttons()

        self.context.runner.run(
            lambda state: stored_summary(name), on_done=shown, on_error=self.error_view.show_error
        )

    def shows_missing(self) -> bool:
        return False  # the bar and the counts say it; a "to go on" note would only repeat it

    def show_project(self, project: MigrationProject) -> None:
        self._fraction = 0.0
        self.bar.setValue(0)
        self.chart.clear()
        self.model.set_addresses(project.batch.mailboxes or project.mailbox_list.addresses)
        self._show_counts()
        self._update_buttons()

    # -- starting and stopping ----------------------------------------------------------------

    def _start_when_due(self) -> None:
        batch = self.project.batch
        if batch.start_at:
            when = dt.datetime.fromisoformat(batch.start_at)
            wait_ms = int((when - dt.datetime.now()).total_seconds() * 1000)
            if wait_ms > 0:
                self.activity_label.setText(
                    self.tr("The batch starts at {time}. Leave Mailstage open.").format(
                        time=f"{when:%Y-%m-%d %H:%M}"
                    )
                )
                self._start_timer.start(wait_ms)
                return
        self.start()

    def _on_start_time(self) -> None:
        self.start()

    def start(self, *, retry_failed: bool = False) -> None:
        """Start (or resume) the batch in the background."""
        if self.session is not None and self.session.running:
            return
        project = self.project
        batch = project.batch
        if not batch.mailboxes:
            batch.mailboxes = list(project.mailbox_list.addresses)
        if batch.phase == BatchPhase.FINISHED:
            # Retrying the failed mailboxes is a new run with its own progress, not this one's end.
            self._clear_progress()
        batch.phase = BatchPhase.RUNNING
        self.context.batch_running = True
        self.context.save()
        self.error_view.clear()
        self.activity_label.setText(self.tr("Migrating mailboxes..."))
        self.session = BatchSession(self.context, self.model, parent=self)
        self.session.progressed.connect(self._on_progressed)
        self.session.finished_batch.connect(self._on_finished)
        self.session.failed.connect(self._on_failed)
        self.session.start(retry_failed=retry_failed)
        self._update_buttons()
        self.changed()

    def _clear_progress(self) -> None:
        self._fraction = 0.0
        self._set_bar(0)
        self.chart.clear()
        self.speed_label.clear()

    def stop(self) -> None:
        """Stop after the messages in flight; every mailbox stays resumable."""
        if self.session is not None and self.session.running:
            self.activity_label.setText(self.tr("Stopping after the messages being copied..."))
            self.session.stop()
            self._update_buttons()

    def resume(self) -> None:
        self.start()

    def retry_failed(self) -> None:
        self.start(retry_failed=True)

    def stop_for_close(self) -> None:
        self._start_timer.stop()
        if self.session is not None and self.session.running:
            self.project.batch.resume_on_open = True
            self.session.stop(wait=True)

    # -- what the session reports --------------------------------------------------------------

    def _on_progressed(self, snapshot: Any) -> None:
        if snapshot is None:  # only mailbox changes this time
            self._show_counts()
            self._show_waiting()
            return
        fraction = float(getattr(snapshot, "fraction", 0.0))
        # Never backwards (Microsoft's rule), and never full before the batch is done.
        self._fraction = max(self._fraction, min(fraction, 0.999))
        self._set_bar(int(self._fraction * BAR_STEPS))
        speed = float(getattr(snapshot, "bytes_per_second", 0.0))
        self.chart.add_sample(speed)
        parts = [
            self.tr("{done} of {total} copied").format(
                done=data_size(getattr(snapshot, "bytes_done", 0)),
                total=data_size(getattr(snapshot, "bytes_total", 0)),
            ),
            rate(speed),
        ]
        eta = getattr(snapshot, "eta_seconds", None)
        if eta is not None:
            parts.append(self.tr("{time} left").format(time=time_left(eta)))
        self.speed_label.setText(" · ".join(parts))
        self._show_counts()
        self._show_waiting()

    def _set_bar(self, value: int) -> None:
        # QProgressBar.setValue repaints at once; batching it with the rest of the page's changes
        # keeps the main thread free (bench/bench_gui_stall.py).
        self.bar.setUpdatesEnabled(False)
        self.bar.setValue(value)
        self.bar.setUpdatesEnabled(True)

    def _show_counts(self) -> None:
        counts = self.model.counts()
        total = self.model.rowCount()
        self.counts_label.setText(
            self.tr(
                "{synced} of {total} mailboxes synced, {syncing} syncing, {queued} queued, {failed} failed."
            ).format(
                synced=number(counts[MailboxStatus.SYNCED]),
                total=number(total),
                syncing=number(counts[MailboxStatus.SYNCING] + counts[MailboxStatus.INCREMENTAL_SYNCING]),
                queued=number(counts[MailboxStatus.QUEUED]),
                failed=number(counts[MailboxStatus.FAILED]),
            )
        )

    def _show_waiting(self) -> None:
        waiting = [row.waiting_since for row in self.model.rows() if row.waiting_since is not None]
        if waiting:
            since = min(waiting)
            self.waiting_label.setText(
                self.tr(
                    "Waiting for the server since {time}: it asked Mailstage to slow down. This is normal; "
                    "the copy goes on by itself."
                ).format(time=f"{since:%H:%M}")
            )
        self.waiting_label.setVisible(bool(waiting))

    def _on_finished(self, summary: BatchSummary, stopped: bool) -> None:
        batch = self.project.batch
        self.context.batch_running = False
        batch.status = str(summary.status)
        batch.synced, batch.failed = summary.synced, summary.failed
        if stopped:
            batch.phase = BatchPhase.STOPPED
            self.activity_label.setText(self.tr("Stopped. Resume goes on where the batch stopped."))
        else:
            batch.phase = BatchPhase.FINISHED
            self.context.summary = summary
            self._fraction = 1.0
            self.bar.setValue(BAR_STEPS)
            self.activity_label.setText(
                self.tr("Batch {status}.").format(status=batch_status_text(summary.status))
            )
        self.waiting_label.setVisible(False)
        self._show_counts()
        self.context.save()
        self._update_buttons()
        self.changed()
        if not stopped and summary.status is BatchStatus.SYNCED:
            # Microsoft: on success, go on by itself; stay when there is something to look at.
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                QTimer.singleShot(0, wizard.next)
        elif not stopped:
            self.activity_label.setText(
                self.tr(
                    "Batch {status}: {failed} mailboxes failed. Retry them, or go on to the report to see why."
                ).format(status=batch_status_text(summary.status), failed=number(summary.failed))
            )

    def _on_failed(self, error: BaseException) -> None:
        self.context.batch_running = False
        self.project.batch.phase = BatchPhase.STOPPED
        self.activity_label.setText(self.tr("The batch stopped on an error."))
        self.error_view.show_error(error)
        self.context.save()
        self._update_buttons()
        self.changed()

    def _update_buttons(self) -> None:
        running = self.session is not None and self.session.running
        stopping = running and self.session is not None and self.session.stopping
        phase = BatchPhase(self.project.batch.phase)
        self.stop_button.setEnabled(running and not stopping)
        self.resume_button.setEnabled(not running and phase == BatchPhase.STOPPED)
        failed = self.model.counts()[MailboxStatus.FAILED]
        self.retry_button.setEnabled(not running and failed > 0)
