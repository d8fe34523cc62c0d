"""Before you begin: what a staged migration is, when to choose it, what to have ready; then start a new
migration, open a saved one, or try the demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engine.errors import MailstageError
from gui.context import WizardContext
from gui.errors import ErrorView
from gui.flow import (
    PROJECT_SUFFIX,
    BatchPhase,
    MigrationProject,
    PageId,
    RecentProject,
    load_project,
    projects_dir,
    recent_projects,
)
from gui.pages.base import MigrationPage, heading_label, text_label


class BeforeYouBeginPage(MigrationPage):
    """The first page. Microsoft's guidelines forbid a do-nothing welcome page, so this one tells the
    admin whether a staged migration is the right choice and what must be ready, and starts the work.

    Signals:
        demoRequested(): the admin chose "Try the demo" (the wizard prepares the demo project).
    """

    page_id = PageId.BEFORE_YOU_BEGIN
    demoRequested = Signal()

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("beforeYouBeginPage")
        self.setTitle(self.tr("Before you begin"))
        self.setSubTitle(
            self.tr(
                "Move your users' mailboxes from the old mail server to the new system in batches, "
                "without losing a message."
            )
        )
        self.demo_available: Callable[[], bool] = lambda: False
        columns = QHBoxLayout()
        columns.setSpacing(18)
        self.body.addLayout(columns)
        # The explanation scrolls only when the window is made very small (a laptop at 150% scaling);
        # at the normal size it fits and shows no scroll bar.
        explain_widget = QWidget()
        explain_widget.setObjectName("explainPanel")
        explain = QVBoxLayout(explain_widget)
        explain.setContentsMargins(0, 0, 6, 0)
        explain.setSpacing(6)
        scroller = QScrollArea()
        scroller.setObjectName("explainScroller")
        scroller.setWidget(explain_widget)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.viewport().setAutoFillBackground(False)
        explain_widget.setAutoFillBackground(False)
        columns.addWidget(scroller, 3)
        sections = [
            (
                "whatSection",
                self.tr("What is a staged migration?"),
                self.tr(
                    "A staged migration moves mailboxes in batches over days or weeks. Mailstage copies each "
                    "user's mail, folders, flags and dates to the new system, and copies again what arrived "
                    "since, until you switch that batch over. Users keep working in their old mailbox until then."
                ),
            ),
            (
                "whenSection",
                self.tr("When to choose it"),
                self.tr(
                    "Your old server is Microsoft Exchange Server 2003 or 2007, or another server that offers "
                    "IMAP, and you cannot move everyone at once, for example because you have more than "
                    "2,000 mailboxes."
                ),
            ),
            (
                "whenNotSection",
                self.tr("When to choose something else"),
                self.tr(
                    "From Exchange 2010 or newer, use a cutover migration (everyone at once) or a hybrid "
                    "deployment (both systems side by side for a long time) instead."
                ),
            ),
            (
                "readySection",
                self.tr("Have this ready"),
                self.tr(
                    "• The list of mailboxes to move, as an Excel or CSV file.\n"
                    "• The old server's name and an administrator account that can open every mailbox.\n"
                    "• The new system's details; for Microsoft 365, your tenant and an app registration.\n"
                    "• The users already created on the new system (directory synchronisation) and your "
                    "domain verified there."
                ),
            ),
            (
                "noteSection",
                self.tr("Good to know"),
                self.tr(
                    "Out-of-office messages are not carried over: users set them again after their move. "
                    "After the switch, users create a new Outlook profile."
                ),
            ),
        ]
        for name, heading, text in sections:
            explain.addWidget(heading_label(heading, f"{name}Title"))
            body = text_label(text, f"{name}Text")
            body.setAccessibleName(heading)
            explain.addWidget(body)
        explain.addStretch(1)

        actions = QVBoxLayout()
        actions.setSpacing(4)
        columns.addLayout(actions, 2)
        actions.addWidget(heading_label(self.tr("Start"), "startTitle"))
        self.new_button = QCommandLinkButton(
            self.tr("New &migration"), self.tr("Start with the list of mailboxes for the first batch.")
        )
        self.new_button.setObjectName("newMigrationButton")
        self.new_button.setAccessibleName(self.tr("New migration"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.open_button = QCommandLinkButton(
            self.tr("&Open a saved migration"),
            self.tr("Go on with a batch, or start the next batch with the same servers."),
        )
        self.open_button.setObjectName("openMigrationButton")
        self.open_button.setAccessibleName(self.tr("Open a saved migration"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.demo_button = QCommandLinkButton(
            self.tr("Try the &demo"),
            self.tr("Run a whole migration on sample mailboxes, without any server."),
        )
        self.demo_button.setObjectName("tryDemoButton")
        self.demo_button.setAccessibleName(self.tr("Try the demo"))
        self.demo_button.clicked.connect(self.demoRequested)
        for button in (self.new_button, self.open_button, self.demo_button):
            actions.addWidget(button)
        self.recent_title = heading_label(self.tr("Recent migrations"), "recentTitle")
        actions.addWidget(self.recent_title)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Recent migrations"))
        self.recent_list.setWordWrap(True)
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        actions.addWidget(self.recent_list, 1)
        self.recent_title.setBuddy(self.recent_list)
        browse_row = QHBoxLayout()
        self.browse_button = QPushButton(self.tr("B&rowse..."))
        self.browse_button.setObjectName("browseProjectButton")
        self.browse_button.setAccessibleName(self.tr("Browse for a saved migration"))
        self.browse_button.clicked.connect(self._on_browse_clicked)
        browse_row.addStretch(1)
        browse_row.addWidget(self.browse_button)
        actions.addLayout(browse_row)
        self.error_view = ErrorView(self, name="openError")
        self.body.addWidget(self.error_view)
        language_row = QHBoxLayout()
        language_label = QLabel(self.tr("&Language:"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("System language"), "")
        # Each language in its own words, so an admin who cannot read the current one finds theirs.
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Nederlands", "nl")
        saved = str(QSettings().value("language", "", str))
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(saved), 0))
        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        language_label.setBuddy(self.language_combo)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        language_row.addWidget(language_label)
        language_row.addWidget(self.language_combo)
        language_row.addWidget(self.language_note, 1)
        self.body.addLayout(language_row)
        self.reload_recent()

    def initializePage(self) -> None:
        self.reload_recent()

    def _on_language_chosen(self, _index: int) -> None:
        QSettings().setValue("language", self.language_combo.currentData())
        self.language_note.setText(self.tr("Mailstage uses this language from its next start."))

    def reload_recent(self) -> None:
        """List the saved migrations, newest first."""
        self.recent_list.clear()
        for recent in recent_projects(folder=self.context.projects_folder):
            item = QListWidgetItem(self._describe(recent))
            item.setData(Qt.ItemDataRole.UserRole, str(recent.path))
            item.setToolTip(str(recent.path))
            self.recent_list.addItem(item)
        has_recent = self.recent_list.count() > 0
        self.recent_title.setVisible(has_recent)
        self.recent_list.setVisible(has_recent)
        if has_recent:
            self.recent_list.setCurrentRow(0)
        self.demo_button.setVisible(self.demo_available())

    def _describe(self, recent: RecentProject) -> str:
        phase = {
            BatchPhase.NOT_STARTED: self.tr("not started"),
            BatchPhase.RUNNING: self.tr("running"),
            BatchPhase.STOPPED: self.tr("stopped"),
            BatchPhase.FINISHED: self.tr("finished"),
        }[recent.phase]
        return self.tr("{title}\n{batch}: {phase}, {date}").format(
            title=recent.title, batch=recent.batch, phase=phase, date=f"{recent.modified:%Y-%m-%d %H:%M}"
        )

    def open_project(self, path: Path) -> bool:
        """Open the saved project at PATH and go on where it stands; False (with the reason shown) if
        it cannot be read."""
        try:
            project = load_project(path)
        except MailstageError as error:
            self.error_view.show_error(error)
            return False
        self.error_view.clear()
        self.context.replace_project(project)
        self.context.saved_path = path
        self._go_on()
        return True

    def _go_on(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _on_new_clicked(self) -> None:
        self.error_view.clear()
        self.context.replace_project(MigrationProject.new())
        self._go_on()

    def _on_open_clicked(self) -> None:
        item = self.recent_list.currentItem()
        if item is None:
            self._on_browse_clicked()
            return
        self.open_project(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.open_project(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _on_browse_clicked(self) -> None:
        folder = self.context.projects_folder or projects_dir()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a saved migration"),
            str(folder),
            self.tr("Mailstage migrations (*{suffix})").format(suffix=PROJECT_SUFFIX),
        )
        if path:
            self.open_project(Path(path))
