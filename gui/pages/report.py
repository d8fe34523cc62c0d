"""Report: what the batch migrated and what failed, the verification per mailbox, the reports on disk
and the status mail (seed steps 4 and 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from engine.keystore import SecretStore
from engine.reports import SUMMARY_FILE, BatchSummary, ReportFiles, write_reports
from engine.statusmail import SmtpSettings, send_status_mail
from gui.batch_session import stored_summary
from gui.bridge import TaskState
from gui.context import WizardContext
from gui.errors import ErrorView
from gui.flow import BatchPhase, MigrationProject, PageId, can_copy_every_date, can_sync_again
from gui.labels import batch_status_text, data_size, duration, number
from gui.models import OutcomeModel
from gui.pages.base import MigrationPage, text_label
from gui.statusmail_dialog import StatusMailDialog


class ReportPage(MigrationPage):
    """The batch's outcome; Next leads to the cut-over checklist. Sync again runs the batch once more
    (the wizard shows it on the progress page and comes back here when it is done).

    Signals:
        syncAgainRequested(bool): run the batch again; True: with every date (clear its date range).
    """

    page_id = PageId.REPORT
    syncAgainRequested = Signal(bool)

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reportPage")
        self.setTitle(self.tr("Check the report of the batch"))
        self.setSubTitle(
            self.tr(
                "Make sure every mailbox was migrated before you switch its users over. Mailstage compared "
                "each mailbox on both systems; the grade says what it found."
            )
        )
        self.files: ReportFiles | None = None
        self.counts_label = text_label("", "reportCountsLabel")
        self.body.addWidget(self.counts_label)
        self.model = OutcomeModel(self)
        self.table = QTableView()
        self.table.setObjectName("outcomeTable")
        self.table.setAccessibleName(self.tr("Mailboxes in the batch"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the first rows only: a batch of 2,000 mailboxes would otherwise be measured
        # whole on the main thread each time the report is shown.
        header.setResizeContentsPrecision(100)
        header.setStretchLastSection(True)
        self.body.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.summary_button = QPushButton(self.tr("Open the &summary"))
        self.summary_button.setObjectName("openSummaryButton")
        self.summary_button.setAccessibleName(self.tr("Open the printable summary"))
        self.summary_button.clicked.connect(self._on_summary_clicked)
        self.folder_button = QPushButton(self.tr("Open the reports &folder"))
        self.folder_button.setObjectName("openReportsFolderButton")
        self.folder_button.setAccessibleName(self.tr("Open the reports folder"))
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.mail_button = QPushButton(self.tr("Send the status &mail..."))
        self.mail_button.setObjectName("sendStatusMailButton")
        self.mail_button.setAccessibleName(self.tr("Send the status mail"))
        self.mail_button.clicked.connect(self._on_mail_clicked)
        for button in (self.summary_button, self.folder_button, self.mail_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addLayout(self._sync_rows())
        self.mail_label = QLabel()
        self.mail_label.setObjectName("statusMailResultLabel")
        self.mail_label.setWordWrap(True)
        self.mail_label.setVisible(False)
        self.body.addWidget(self.mail_label)
        self.error_view = ErrorView(self, name="reportError")
        self.body.addWidget(self.error_view)
        self._update_buttons()

    def _sync_rows(self) -> QGridLayout:
        """Sync again, and (for a batch with a date range) the run that copies what the range left out,
        each with why beside it."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.sync_button = QPushButton(self.tr("Sync &again"))
        self.sync_button.setObjectName("syncAgainButton")
        self.sync_button.setAccessibleName(self.tr("Sync the batch again"))
        self.sync_button.setToolTip(
            self.tr("Runs the batch again: copies only what arrived or changed since the last run.")
        )
        self.sync_button.clicked.connect(lambda: self.syncAgainRequested.emit(False))
        self.sync_note = text_label(
            self.tr(
                "Users keep receiving mail in their old mailbox until the switch. Sync again copies only what "
                "arrived or changed since the last run: run it right before the switch, and once more after "
                "forwarding is set."
            ),
            "syncAgainNote",
        )
        # Its words depend on the batch's range (_show_sync_actions); hidden when the batch has none.
        self.every_date_button = QPushButton(self.tr("Copy the &older messages too"))
        self.every_date_button.setObjectName("copyEveryDateButton")
        self.every_date_button.setAccessibleName(self.tr("Copy the older messages too"))
        self.every_date_button.clicked.connect(lambda: self.syncAgainRequested.emit(True))
        self.every_date_note = text_label("", "copyEveryDateNote")
        for row, (button, note) in enumerate(
            ((self.sync_button, self.sync_note), (self.every_date_button, self.every_date_note))
        ):
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(note, row, 1)
        return grid

    def _show_sync_actions(self) -> None:
        project = self.project
        self.sync_button.setEnabled(can_sync_again(project) and not self.context.batch_running)
        offered = can_copy_every_date(project)
        self.every_date_button.setVisible(offered)
        self.every_date_note.setVisible(offered)
        if not offered:
            return
        first, last = project.batch.days
        if first is not None and last is None:
            self.every_date_button.setText(self.tr("Copy the &older messages too"))
            self.every_date_button.setAccessibleName(self.tr("Copy the older messages too"))
            self.every_date_button.setToolTip(
                self.tr("Runs the batch again with every date: the older messages follow, nothing twice.")
            )
            range_text = self.tr("on or after {first}").format(first=first.isoformat())
        else:
            self.every_date_button.setText(self.tr("Copy the o&ther messages too"))
            self.every_date_button.setAccessibleName(self.tr("Copy the other messages too"))
            self.every_date_button.setToolTip(
                self.tr("Runs the batch again with every date: the other messages follow, nothing twice.")
            )
            if first is None and last is not None:
                range_text = self.tr("on or before {last}").format(last=last.isoformat())
            else:
                range_text = self.tr("from {first} through {last}").format(first=first, last=last)
        self.every_date_button.setEnabled(self.sync_button.isEnabled())
        self.every_date_note.setText(
            self.tr(
                "This batch copied only messages received {range}. This runs it again with every date: the "
                "rest of the mail follows, and nothing already copied is copied twice."
            ).format(range=range_text)
        )

    def refresh(self) -> None:
        super().refresh()
        self._show_sync_actions()

    def initializePage(self) -> None:
        self.show_summary(self.context.summary)

    def show_project(self, project: MigrationProject) -> None:
        self.show_summary(self.context.summary)

    def show_summary(self, summary: BatchSummary | None) -> None:
        """Show SUMMARY (None: only what the saved project knows) and make sure its files exist."""
        batch = self.project.batch
        if summary is None and batch.name and BatchPhase(batch.phase) is BatchPhase.FINISHED:
            # A reopened migration: the state store has the batch's outcome.
            self.context.runner.run(
                lambda state: stored_summary(batch.name),
                on_done=self._on_stored_summary,
                on_error=self.error_view.show_error,
            )
        if summary is None:
            self.model.set_outcomes([])
            self.counts_label.setText(
                self.tr("Batch {name}: {synced} mailboxes migrated, {failed} failed.").format(
                    name=batch.name, synced=number(batch.synced), failed=number(batch.failed)
                )
            )
        else:
            self.model.set_outcomes(summary.mailboxes)
            self.counts_label.setText(
                self.tr(
                    "Batch {name}: {status}. {synced} of {total} mailboxes migrated, {failed} failed; "
                    "{items} items ({data}) in {duration}."
                ).format(
                    name=summary.name,
                    status=batch_status_text(summary.status),
                    synced=number(summary.synced),
                    total=number(summary.total),
                    failed=number(summary.failed),
                    items=number(summary.items_migrated),
                    data=data_size(summary.bytes_migrated),
                    duration=duration(summary.duration.total_seconds()),
                )
            )
            folder = self.report_folder()
            if folder is not None and not (folder / SUMMARY_FILE).exists():
                self._write_reports(summary, folder)
            elif folder is not None:
                self.files = _files_in(folder)
        self._update_buttons()

    def _on_stored_summary(self, summary: BatchSummary | None) -> None:
        if summary is not None and self.context.summary is None:
            self.context.summary = summary
            self.show_summary(summary)

    def report_folder(self) -> Path | None:
        folder = self.project.batch.report_folder
        return Path(folder) if folder else None

    def _write_reports(self, summary: BatchSummary, folder: Path) -> None:
        def work(state: TaskState) -> ReportFiles:
            return write_reports(summary, folder)

        self.context.runner.run(work, on_done=self._on_reports_written, on_error=self.error_view.show_error)

    def _on_reports_written(self, files: ReportFiles) -> None:
        self.files = files
        self._update_buttons()

    def _update_buttons(self) -> None:
        self._show_sync_actions()
        folder = self.report_folder()
        has_files = folder is not None and (folder / SUMMARY_FILE).exists()
        self.summary_button.setEnabled(has_files)
        self.folder_button.setEnabled(folder is not None and folder.exists())
        self.mail_button.setEnabled(has_files and self.context.summary is not None)

    def _on_summary_clicked(self) -> None:
        folder = self.report_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder / SUMMARY_FILE)))

    def _on_folder_clicked(self) -> None:
        folder = self.report_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- status mail --------------------------------------------------------------------------

    def _on_mail_clicked(self) -> None:
        probe = SmtpSettings(host="")
        dialog = StatusMailDialog(self, password_stored=self._smtp_password_stored(probe))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        dialog.remember()
        self.send_status_mail(dialog.settings(), dialog.password())

    def _smtp_password_stored(self, settings: SmtpSettings) -> bool:
        # Only whether one is there; its value never comes back to the screen.
        try:
            return self.context.secrets.get(settings.secret_key) is not None
        except Exception:
            return False

    def send_status_mail(self, settings: SmtpSettings, password: str = "") -> None:
        """Send the status mail in the background; the result shows below the buttons."""
        summary = self.context.summary
        folder = self.report_folder()
        files = self.files or (
            _files_in(folder) if folder is not None and (folder / SUMMARY_FILE).exists() else None
        )
        if summary is None or files is None:
            return
        secrets: SecretStore = self.context.secrets
        final = summary.failed == 0

        def work(state: TaskState) -> None:
            if password:
                secrets.put(settings.secret_key, password)
            send_status_mail(summary, files, settings, final=final, secrets=secrets)

        self.mail_button.setEnabled(False)
        self.error_view.clear()
        self.mail_label.setText(self.tr("Sending the status mail..."))
        self.mail_label.setVisible(True)
        self.context.runner.run(
            work,
            on_done=lambda _: self._on_mail_sent(settings),
            on_error=self._on_mail_failed,
        )

    def _on_mail_sent(self, settings: SmtpSettings) -> None:
        self.mail_label.setText(
            self.tr("The status mail was sent to {recipients}.").format(
                recipients=", ".join(settings.recipients)
            )
        )
        self._update_buttons()

    def _on_mail_failed(self, error: BaseException) -> None:
        self.mail_label.setVisible(False)
        self.error_view.show_error(error)
        self._update_buttons()


def _files_in(folder: Path) -> ReportFiles:
    from engine.reports import ERRORS_FILE, SKIPPED_FILE, STATISTICS_FILE

    return ReportFiles(
        folder, folder / STATISTICS_FILE, folder / ERRORS_FILE, folder / SKIPPED_FILE, folder / SUMMARY_FILE
    )
