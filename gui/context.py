"""What every page shares: the migration project, the background task runner and the keyring.

`WizardContext` lives on the main thread. Pages read and write `project` directly; when the admin opens
another project (or starts a new one) `projectReplaced` tells every page to show it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from engine.checks import CheckReport
from engine.keystore import SecretStore
from engine.lists import Entry, MailboxList
from engine.reports import BatchSummary
from gui.bridge import TaskRunner
from gui.flow import MigrationProject

log = logging.getLogger(__name__)


class WizardContext(QObject):
    """The wizard's shared state.

    Signals:
        projectReplaced(object): another MigrationProject is now the current one.
        projectChanged(): something in the project changed (pages re-check what they need).
    """

    projectReplaced = Signal(object)
    projectChanged = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        project: MigrationProject | None = None,
        secrets: SecretStore | None = None,
        projects_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project or MigrationProject.new()
        self.secrets = secrets or SecretStore()
        self.runner = TaskRunner(self)
        self.projects_folder = projects_folder
        self.saved_path: Path | None = None
        # The last finished batch's summary, for the report page (the engine's store has it too).
        self.summary: BatchSummary | None = None
        # The list as read (passwords already in the keyring) and the entries of this batch.
        self.mailbox_list: MailboxList | None = None
        self.batch_entries: tuple[Entry, ...] = ()
        # The last prerequisite run (with the data the batch page's estimate needs).
        self.check_report: CheckReport | None = None
        # Set by pages that must not be interrupted: the window asks before closing while it is true.
        self.batch_running = False

    def replace_project(self, project: MigrationProject) -> None:
        self.project = project
        self.summary = None
        self.mailbox_list = None
        self.batch_entries = ()
        self.check_report = None
        self.saved_path = None
        self.projectReplaced.emit(project)
        self.projectChanged.emit()

    def changed(self) -> None:
        """A page changed the project: re-evaluate Next everywhere."""
        self.projectChanged.emit()

    def save(self) -> Path | None:
        """Save the project; a failure to save is logged, not shown (the next save tries again)."""
        if not self.project.has_content:
            return None
        try:
            self.saved_path = self.project.save(self.projects_folder)
        except OSError:
            log.warning("could not save the migration project", exc_info=True)
            return None
        return self.saved_path

    def shutdown(self) -> None:
        self.runner.shutdown(wait=True)
