"""The migration wizard's window: the pages of the staged migration in the design's order."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from gui.context import WizardContext
from gui.demo import prepare_demo
from gui.flow import MigrationProject, PageId, can_sync_again
from gui.pages.base import MigrationPage
from gui.pages.batch import BatchPage
from gui.pages.checks import ChecksPage
from gui.pages.cutover import CutoverPage
from gui.pages.endpoint import EndpointPage
from gui.pages.mailbox_list import MailboxListPage
from gui.pages.progress import ProgressPage
from gui.pages.report import ReportPage
from gui.pages.welcome import BeforeYouBeginPage

log = logging.getLogger(__name__)


class MigrationWizard(QWizard):
    """The main window. ModernStyle on every platform: Windows' AeroStyle breaks dark mode.

    Signals:
        closeRefused(): the admin chose to keep the window open while a batch runs.
    """

    closeRefused = Signal()

    def __init__(self, parent: QWidget | None = None, *, context: WizardContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("migrationWizard")
        self.setWindowTitle(self.tr("Mailstage"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        # Back must keep what the admin typed (Microsoft's wizard rule); Qt wipes it by default.
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Start migration"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setMinimumSize(760, 540)
        self.resize(self._first_size())
        self.context = context or WizardContext(self)
        if self.context.parent() is None:
            self.context.setParent(self)
        self.pages: dict[PageId, MigrationPage] = {}
        self.before_you_begin = BeforeYouBeginPage(self.context, self)
        self.mailbox_list_page = MailboxListPage(self.context, self)
        self.source_page = EndpointPage(self.context, "source", self)
        self.target_page = EndpointPage(self.context, "target", self)
        self.checks_page = ChecksPage(self.context, self)
        self.batch_page = BatchPage(self.context, self)
        self.progress_page = ProgressPage(self.context, self)
        self.report_page = ReportPage(self.context, self)
        self.cutover_page = CutoverPage(self.context, self)
        for page in (
            self.before_you_begin,
            self.mailbox_list_page,
            self.source_page,
            self.target_page,
            self.checks_page,
            self.batch_page,
            self.progress_page,
            self.report_page,
            self.cutover_page,
        ):
            self._add(page)
        self.cutover_page.nextBatchRequested.connect(self.start_next_batch)
        self.report_page.syncAgainRequested.connect(self.sync_again)
        self.before_you_begin.demo_available = lambda: True
        self.before_you_begin.reload_recent()
        self.before_you_begin.demoRequested.connect(self.start_demo)
        for page in self.pages.values():
            page.show_project(self.context.project)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self.context.projectChanged.connect(self._keep_back_off_while_running)
        self.setStartId(int(PageId.BEFORE_YOU_BEGIN))

    def _first_size(self) -> QSize:
        """940 x 680, or less on a small screen (a laptop at 150% scaling has about 900 x 500 to offer)."""
        wanted = QSize(940, 680)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        room = screen.availableGeometry().size() * 0.92
        return wanted.boundedTo(room).expandedTo(self.minimumSize())

    def _add(self, page: MigrationPage) -> None:
        self.pages[page.page_id] = page
        self.setPage(int(page.page_id), page)
        # Connected after QWizard's own connection (made in setPage), so this runs after it set Back.
        page.completeChanged.connect(self._keep_back_off_while_running)

    def page_for(self, page_id: PageId) -> MigrationPage:
        return self.pages[page_id]

    def start_demo(self) -> None:
        """Prepare the demo company in the background, then walk it from the mailbox list on."""
        page = self.before_you_begin
        page.demo_button.setEnabled(False)
        page.error_view.clear()

        def done(project: MigrationProject) -> None:
            page.demo_button.setEnabled(True)
            self.context.replace_project(project)
            if self.currentPage() is page:
                self.next()

        def failed(error: BaseException) -> None:
            page.demo_button.setEnabled(True)
            page.error_view.show_error(error)

        self.context.runner.run(lambda state: prepare_demo(), on_done=done, on_error=failed)

    def start_next_batch(self) -> None:
        """Seed steps 8-9: another batch with the same servers, from the mailbox list on."""
        project = self.context.project
        project.start_next_batch()
        self.context.summary = None
        self.context.replace_project(project)
        self.context.save()
        self.restart()
        self.next()

    def sync_again(self, every_date: bool) -> None:
        """The report's "Sync again" (EVERY_DATE: and copy what the date range left out): the same batch
        runs once more on the progress page, which comes back to the report when it is done.

        The flow marks the batch as running, and the wizard then goes where a reopened project would
        go: QWizard has no way to jump to a page, its next() refuses a page already in the history, and
        back() leads to the progress page only when the admin came from there (a reopened migration
        starts on the report). Restarting takes the one path every case shares, the one Next takes
        from Before you begin (`gui.flow.resume_page`)."""
        project = self.context.project
        if self.context.batch_running or not can_sync_again(project):
            return
        project.sync_again(every_date=every_date)
        self.context.summary = None  # the report shows the new run's figures when it is done
        self.context.save()
        self.restart()
        self.next()

    def _on_current_id_changed(self, page_id: int) -> None:
        # Saved as it goes: each step forward or back writes the project.
        if page_id > int(PageId.BEFORE_YOU_BEGIN):
            self.context.save()
        page = self.pages.get(PageId(page_id)) if page_id >= 0 else None
        if page is not None:
            page.refresh()
        self._keep_back_off_while_running()

    def _keep_back_off_while_running(self) -> None:
        """No Back while a batch runs. After the commit page QWizard disables it by itself, but a batch
        run again from the report (or resumed in a reopened migration) has Before you begin behind it,
        where opening another migration would take the project from under the running batch
        (Microsoft: disable Back when repeating a step harms)."""
        if self.context.batch_running:
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    # -- closing ----------------------------------------------------------------------------------

    def confirm_close(self) -> bool:
        """Ask before closing while a batch runs (Microsoft: confirm when much would be lost)."""
        if not self.context.batch_running:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Stop the migration?"),
            self.tr(
                "A batch is running. If you close Mailstage now, the batch stops after the current "
                "messages; nothing copied so far is lost, and the batch resumes when you open this "
                "migration again.\n\nStop the batch and close?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        # Cancel, Esc and the title bar's X all come here.
        if not self.confirm_close():
            self.closeRefused.emit()
            return
        self._shutdown()
        super().reject()

    def done(self, result: int) -> None:
        self._shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's X: the same question as Cancel, asked once (QDialog would call reject again).
        self.reject()
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    def _shutdown(self) -> None:
        for page in self.pages.values():
            stop = getattr(page, "stop_for_close", None)
            if callable(stop):
                stop()
        if self.currentId() > int(PageId.BEFORE_YOU_BEGIN):
            self.context.save()
        self.context.shutdown()
