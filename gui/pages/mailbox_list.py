"""Mailbox list: open the CSV or Excel list, see every bad row with its problem, drop or fix rows, and
split the list into batches (seed step 2)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from engine.keystore import SecretStore
from engine.lists import BATCH_LIMIT, ListKind, MailboxBatch, MailboxList, load_mailbox_list, write_template
from gui.bridge import Task, TaskState
from gui.context import WizardContext
from gui.errors import ErrorView
from gui.flow import MigrationProject, PageId
from gui.labels import number
from gui.models import MailboxListModel, ProblemFilter
from gui.pages.base import MigrationPage, text_label
from gui.problem_text import describe_list, problem_text
from gui.style import note_style

LIST_SUFFIXES = (".csv", ".txt", ".xlsx")


class MailboxListPage(MigrationPage):
    """The list of mailboxes for this batch. Reading happens in the background; the table is a model
    over the engine's list, so a list of thousands of rows stays fluid.

    Signals: none of its own; `completeChanged` follows the list.
    """

    page_id = PageId.MAILBOX_LIST

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("mailboxListPage")
        self.setTitle(self.tr("Choose the mailboxes to move"))
        self.setSubTitle(
            self.tr(
                "Open the list you made in Excel or as a CSV file, one row per mailbox. Mailstage shows "
                "what is wrong in a row and how to fix it; a row with an error is not migrated."
            )
        )
        self.setAcceptDrops(True)
        self.full_list: MailboxList | None = None  # as read from the file
        self.mailbox_list: MailboxList | None = None  # without the rows the admin removed
        self.batches: tuple[MailboxBatch, ...] = ()
        self.load_task: Task | None = None

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open list..."))
        self.open_button.setObjectName("openListButton")
        self.open_button.setAccessibleName(self.tr("Open the mailbox list"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.template_button = QPushButton(self.tr("Save a &template..."))
        self.template_button.setObjectName("saveTemplateButton")
        self.template_button.setAccessibleName(self.tr("Save an empty list in Microsoft's format"))
        self.template_button.clicked.connect(self._on_template_clicked)
        self.remove_button = QPushButton(self.tr("&Remove selected rows"))
        self.remove_button.setObjectName("removeRowsButton")
        self.remove_button.setAccessibleName(self.tr("Remove the selected rows from this batch"))
        self.remove_button.clicked.connect(self.remove_selected_rows)
        self.save_bad_button = QPushButton(self.tr("Save rows with &errors..."))
        self.save_bad_button.setObjectName("saveBadRowsButton")
        self.save_bad_button.setAccessibleName(self.tr("Save the rows with errors for fixing"))
        self.save_bad_button.clicked.connect(self._on_save_bad_clicked)
        for button in (self.open_button, self.template_button, self.remove_button, self.save_bad_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)

        self.file_label = text_label(
            self.tr("No list opened yet. You can also drop a CSV or Excel file on this page."),
            "listFileLabel",
        )
        self.body.addWidget(self.file_label)
        self.list_problems = text_label("", "listProblemsLabel")
        note_style(self.list_problems)
        self.list_problems.setVisible(False)
        self.body.addWidget(self.list_problems)

        self.model = MailboxListModel(self)
        self.filter = ProblemFilter(self)
        self.filter.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("mailboxTable")
        self.table.setAccessibleName(self.tr("Mailboxes in the list"))
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.body.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.problems_only = QCheckBox(self.tr("Show only rows with &problems"))
        self.problems_only.setObjectName("problemsOnlyCheck")
        self.problems_only.setAccessibleName(self.tr("Show only rows with problems"))
        self.problems_only.toggled.connect(self.filter.set_problems_only)
        bottom.addWidget(self.problems_only)
        bottom.addStretch(1)
        size_label = QLabel(self.tr("Mailboxes per b&atch:"))
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("batchSizeSpin")
        self.size_spin.setAccessibleName(self.tr("Mailboxes per batch"))
        self.size_spin.setRange(1, BATCH_LIMIT)
        self.size_spin.setToolTip(self.tr("Microsoft allows at most 2,000 mailboxes in one batch."))
        size_label.setBuddy(self.size_spin)
        self.size_spin.valueChanged.connect(self._on_size_changed)
        part_label = QLabel(self.tr("&Migrate now:"))
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("batchPartCombo")
        self.part_combo.setAccessibleName(self.tr("Part of the list to migrate now"))
        part_label.setBuddy(self.part_combo)
        self.part_combo.currentIndexChanged.connect(self._on_part_changed)
        for widget in (size_label, self.size_spin, part_label, self.part_combo):
            bottom.addWidget(widget)
        self.body.addLayout(bottom)
        self.error_view = ErrorView(self, name="listError")
        self.body.addWidget(self.error_view)
        self._update_controls()

    # -- project ------------------------------------------------------------------------------

    def show_project(self, project: MigrationProject) -> None:
        state = project.mailbox_list
        self.size_spin.blockSignals(True)
        self.size_spin.setValue(min(max(state.batch_size, 1), BATCH_LIMIT))
        self.size_spin.blockSignals(False)
        self.full_list = self.mailbox_list = None
        self.model.set_list(None)
        self.error_view.clear()
        if state.path:
            # Read the file again (it may have been fixed meanwhile); removed rows stay removed.
            self.load(Path(state.path), keep_dropped=True)
        else:
            self.file_label.setText(
                self.tr("No list opened yet. You can also drop a CSV or Excel file on this page.")
            )
            self._update_controls()

    # -- loading ------------------------------------------------------------------------------

    def load(self, path: Path, *, keep_dropped: bool = False) -> None:
        """Read and check the list at PATH in the background, storing its passwords in the keyring."""
        if self.load_task is not None and self.load_task.running:
            self.load_task.cancel()
        project = self.project
        secrets: SecretStore = self.context.secrets
        endpoints = {"source": project.source_name, "target": project.target_name}

        def work(state: TaskState) -> MailboxList:
            loaded = load_mailbox_list(path)
            if loaded.format is not None:
                # Passwords leave the list for the keyring at once (the list forgets them).
                loaded.store_secrets(secrets, endpoints[loaded.format.password_role])
            return loaded

        self.file_label.setText(self.tr("Reading {name}...").format(name=path.name))
        self.error_view.clear()
        self.open_button.setEnabled(False)
        self.load_task = self.context.runner.run(
            work,
            on_done=lambda loaded: self._on_loaded(loaded, keep_dropped),
            on_error=self._on_load_failed,
        )

    def _on_loaded(self, loaded: MailboxList, keep_dropped: bool) -> None:
        self.load_task = None
        state = self.project.mailbox_list
        if not keep_dropped or state.path != str(loaded.path):
            state.dropped_rows = []
            state.batch_index = 0
        state.path = str(loaded.path)
        state.format = loaded.format.kind.value if loaded.format else ""
        self.full_list = loaded
        self._apply_dropped()

    def _on_load_failed(self, error: BaseException) -> None:
        self.load_task = None
        self.error_view.show_error(error)
        self.file_label.setText(self.tr("The list could not be read."))
        self._update_controls()

    def _apply_dropped(self) -> None:
        assert self.full_list is not None
        state = self.project.mailbox_list
        current = self.full_list.without_rows(state.dropped_rows) if state.dropped_rows else self.full_list
        self.mailbox_list = current
        self.context.mailbox_list = current
        self.model.set_list(current)
        self.table.resizeColumnsToContents()
        counts = current.counts()
        state.rows = counts["rows"]
        state.error_rows = counts["with_errors"]
        state.warning_rows = len({p.row for p in current.warnings if p.row is not None})
        self._show_file(current)
        self._split()

    def _show_file(self, current: MailboxList) -> None:
        counts = current.counts()
        lines = [
            self.tr("{name}: {format}.").format(
                name=current.path.name, format=describe_list(current.format, current.source)
            ),
            self.tr("{rows} rows: {ready} ready, {bad} with an error, {warnings} warnings.").format(
                rows=number(counts["rows"]),
                ready=number(counts["ready"]),
                bad=number(counts["with_errors"]),
                warnings=number(counts["warnings"]),
            ),
        ]
        dropped = len(self.project.mailbox_list.dropped_rows)
        if dropped:
            lines.append(self.tr("{count} rows removed from this batch.").format(count=number(dropped)))
        self.file_label.setText(" ".join(lines))
        whole_list = [p for p in current.problems if p.row is None or p.row == current.header_row]
        self.list_problems.setText("\n".join(problem_text(p) for p in whole_list))
        self.list_problems.setVisible(bool(whole_list))

    def _split(self) -> None:
        state = self.project.mailbox_list
        current = self.mailbox_list
        self.batches = current.split_into_batches(self.size_spin.value()) if current is not None else ()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        for batch in self.batches:
            self.part_combo.addItem(
                self.tr("{name} ({count} mailboxes)").format(
                    name=batch.name, count=number(len(batch.entries))
                )
            )
        index = min(state.batch_index, max(len(self.batches) - 1, 0))
        self.part_combo.setCurrentIndex(index)
        self.part_combo.blockSignals(False)
        state.batch_count = len(self.batches)
        self._choose_part(index)

    def _choose_part(self, index: int) -> None:
        state = self.project.mailbox_list
        state.batch_index = max(index, 0)
        chosen = self.batches[index].entries if 0 <= index < len(self.batches) else ()
        state.set_addresses([entry.address for entry in chosen])
        self.context.batch_entries = tuple(chosen)
        self._update_controls()
        self.changed()

    def _on_size_changed(self, value: int) -> None:
        self.project.mailbox_list.batch_size = value
        self.project.mailbox_list.batch_index = 0
        self._split()

    def _on_part_changed(self, index: int) -> None:
        self._choose_part(index)

    def _update_controls(self) -> None:
        loading = self.load_task is not None and self.load_task.running
        self.open_button.setEnabled(not loading)
        has_list = self.mailbox_list is not None
        self.remove_button.setEnabled(has_list and self.model.rowCount() > 0)
        self.save_bad_button.setEnabled(has_list and bool(self.mailbox_list and self.mailbox_list.error_rows))
        self.part_combo.setEnabled(len(self.batches) > 1)

    # -- actions ------------------------------------------------------------------------------

    def remove_selected_rows(self) -> None:
        """Leave the selected rows out of this batch (the file is not changed)."""
        if self.full_list is None:
            return
        rows = {
            self.model.entry(self.filter.mapToSource(index).row()).row
            for index in self.table.selectionModel().selectedRows()
        }
        if not rows:
            return
        state = self.project.mailbox_list
        state.dropped_rows = sorted(set(state.dropped_rows) | rows)
        self._apply_dropped()

    def select_rows(self, excel_rows: set[int]) -> None:
        """Select the table rows with these Excel row numbers (keyboard users and tests)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in range(self.model.rowCount()):
            if self.model.entry(row).row in excel_rows:
                index = self.filter.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    selection.select(
                        index,
                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                    )

    def _on_open_clicked(self) -> None:
        start = str(Path(self.project.mailbox_list.path).parent) if self.project.mailbox_list.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the mailbox list"),
            start,
            self.tr("Mailbox lists (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def _on_template_clicked(self) -> None:
        staged_xlsx = self.tr("Excel workbook, Microsoft's staged format (*.xlsx)")
        staged_csv = self.tr("CSV, Microsoft's staged format (*.csv)")
        imap_xlsx = self.tr("Excel workbook, Microsoft's IMAP format (*.xlsx)")
        imap_csv = self.tr("CSV, Microsoft's IMAP format (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a template"),
            "mailboxes.xlsx",
            ";;".join((staged_xlsx, staged_csv, imap_xlsx, imap_csv)),
        )
        if not path:
            return
        kind = ListKind.IMAP if chosen in (imap_xlsx, imap_csv) else ListKind.STAGED
        suffix = ".csv" if chosen in (staged_csv, imap_csv) else ".xlsx"
        target = Path(path) if Path(path).suffix.lower() in (".csv", ".xlsx") else Path(path + suffix)
        self.context.runner.run(
            lambda state: write_template(target, kind),
            on_done=lambda written: self.file_label.setText(
                self.tr("Template saved as {path}.").format(path=written)
            ),
            on_error=self.error_view.show_error,
        )

    def _on_save_bad_clicked(self) -> None:
        current = self.mailbox_list
        if current is None or not current.error_rows:
            return
        suggested = current.path.with_name(current.path.stem + "-to-fix" + current.path.suffix)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the rows with errors"), str(suggested), self.tr("Lists (*.csv *.xlsx)")
        )
        if not path:
            return
        rows = sorted(current.error_rows)
        self.context.runner.run(
            lambda state: current.write_rows(path, rows, with_problems=True),
            on_done=lambda written: self.file_label.setText(
                self.tr("The rows with errors were saved as {path}, with what to fix in each.").format(
                    path=written
                )
            ),
            on_error=self.error_view.show_error,
        )

    # -- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(LIST_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.load(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    def stop_for_close(self) -> None:
        if self.load_task is not None:
            self.load_task.cancel()
