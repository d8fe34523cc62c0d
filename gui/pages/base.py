"""What every page of the wizard has in common.

A page shows a part of the migration project and writes the admin's input back into it at once, so
Back and Next keep everything and the project is saved as it goes. Whether Next is enabled comes from
`gui.flow.missing` (plain Python); what is missing is said at the bottom of the page and the control
concerned is marked, so a disabled Next is never a mystery.

Strings here are translated with an explicit context: PySide6's `self.tr` in a base class would look
them up under the subclass's name, where lupdate never puts them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from gui.context import WizardContext
from gui.flow import MigrationProject, Missing, PageId, missing, next_page
from gui.style import mark_missing, note_style


def missing_text(code: str) -> str:
    """The words for a `Missing` code: what to do, in the admin's terms."""
    texts = {
        "list.none": QCoreApplication.translate("MissingText", "Open the list of mailboxes to move."),
        "list.errors": QCoreApplication.translate(
            "MissingText", "Remove the rows marked in red, or fix them in the file and open it again."
        ),
        "list.empty": QCoreApplication.translate(
            "MissingText", "The list must contain at least one mailbox."
        ),
        "source.host": QCoreApplication.translate("MissingText", "Enter the old server's name."),
        "target.host": QCoreApplication.translate("MissingText", "Enter the new server's name."),
        "source.port": QCoreApplication.translate("MissingText", "Enter a port from 1 to 65535."),
        "target.port": QCoreApplication.translate("MissingText", "Enter a port from 1 to 65535."),
        "source.path": QCoreApplication.translate("MissingText", "Choose the folder to read from."),
        "target.path": QCoreApplication.translate("MissingText", "Choose the folder to write to."),
        "source.tenant": QCoreApplication.translate("MissingText", "Enter your Microsoft 365 tenant."),
        "target.tenant": QCoreApplication.translate("MissingText", "Enter your Microsoft 365 tenant."),
        "source.client_id": QCoreApplication.translate(
            "MissingText", "Enter the application (client) ID of your app registration."
        ),
        "target.client_id": QCoreApplication.translate(
            "MissingText", "Enter the application (client) ID of your app registration."
        ),
        "source.password": QCoreApplication.translate("MissingText", "Enter the administrator's password."),
        "target.password": QCoreApplication.translate(
            "MissingText", "Enter the administrator's password or the app's client secret."
        ),
        "source.untested": QCoreApplication.translate(
            "MissingText", "Click Test connection; you can go on when the test succeeds."
        ),
        "target.untested": QCoreApplication.translate(
            "MissingText", "Click Test connection; you can go on when the test succeeds."
        ),
        "checks.not_run": QCoreApplication.translate(
            "MissingText", "Run the checks for the current settings and list."
        ),
        "checks.failed": QCoreApplication.translate(
            "MissingText", "Fix what the red checks name, then run them again."
        ),
        "checks.warnings": QCoreApplication.translate(
            "MissingText", "Read the warnings and confirm that you want to go on anyway."
        ),
        "batch.name_empty": QCoreApplication.translate("MissingText", "Give the batch a name."),
        "batch.name_too_long": QCoreApplication.translate(
            "MissingText", "Shorten the batch name to at most 64 characters."
        ),
        "batch.name_used": QCoreApplication.translate(
            "MissingText", "An earlier batch has this name: choose another one."
        ),
        "progress.not_finished": QCoreApplication.translate(
            "MissingText", "The report opens when every mailbox of the batch is done."
        ),
    }
    return texts.get(code, code)


class MigrationPage(QWizardPage):
    """Base of every page: the main instruction as title, why as subtitle, a "to go on" note at the
    bottom, and Next decided by the flow."""

    page_id: PageId

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer = QVBoxLayout(self)
        outer.addLayout(self.body, 1)
        self.missing_label = QLabel()
        self.missing_label.setObjectName(f"{page_key(self.page_id)}MissingLabel")
        note_style(self.missing_label)
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.setVisible(False)
        outer.addWidget(self.missing_label)
        self._marked: list[QWidget] = []
        context.projectReplaced.connect(self._on_project_replaced)
        context.projectChanged.connect(self.refresh)

    @property
    def project(self) -> MigrationProject:
        return self.context.project

    # -- QWizard's hooks: pure and cheap, never I/O -------------------------------------------

    def isComplete(self) -> bool:
        return not missing(self.page_id, self.project)

    def nextId(self) -> int:
        following = next_page(self.page_id, self.project)
        return -1 if following is None else int(following)

    def cleanupPage(self) -> None:
        # Back keeps what the admin typed (Microsoft's rule): never reset to the initial values.
        pass

    # -- for subclasses -----------------------------------------------------------------------

    def show_project(self, project: MigrationProject) -> None:
        """Fill the controls from PROJECT (a new or reopened project)."""

    def missing_now(self) -> list[Missing]:
        return missing(self.page_id, self.project)

    def refresh(self) -> None:
        """Re-evaluate what is missing: the note, the marks and the Next button."""
        items = self.missing_now()
        wanted = [
            w
            for item in (items if self.shows_missing() else [])
            if (w := self.findChild(QWidget, item.control))
        ]
        for widget in self._marked:
            if widget not in wanted:
                mark_missing(widget, False)
        for widget in wanted:
            if widget not in self._marked:
                mark_missing(widget, True)
        self._marked = wanted
        if items:
            heading = QCoreApplication.translate("MigrationPage", "To go on:")
            lines = "".join(f"<li>{_escape(missing_text(item.code))}</li>" for item in items)
            self.missing_label.setText(f"<b>{_escape(heading)}</b><ul style='margin:0'>{lines}</ul>")
            self.missing_label.setAccessibleName(
                heading + " " + " ".join(missing_text(item.code) for item in items)
            )
        self.missing_label.setVisible(bool(items) and self.shows_missing())
        self.completeChanged.emit()

    def shows_missing(self) -> bool:
        """Whether the "to go on" note is shown (the progress page says it differently)."""
        return True

    def changed(self) -> None:
        """The admin changed something on this page."""
        self.context.changed()

    def _on_project_replaced(self, project: MigrationProject) -> None:
        self.show_project(project)
        self.refresh()


def page_key(page: PageId) -> str:
    """PageId.BEFORE_YOU_BEGIN -> "beforeYouBegin": the stem of the page's objectNames."""
    first, *rest = page.name.lower().split("_")
    return first + "".join(word.capitalize() for word in rest)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heading_label(text: str, name: str) -> QLabel:
    """A bold section heading."""
    label = QLabel(f"<b>{_escape(text)}</b>")
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def text_label(text: str, name: str) -> QLabel:
    """A wrapped paragraph the admin can select and copy."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
