"""Prerequisite checks: the servers, every listed mailbox and the domain, green/amber/red with the
evidence and the fix (seed steps 1 and 3, "Aandachtspunten"). Failures block; warnings need a tick."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from engine.checks import (
    CheckFinished,
    CheckKey,
    CheckReport,
    CheckResult,
    CheckSetup,
    CheckStarted,
    Status,
    build_checks,
    run_checks,
    with_dependents,
)
from engine.checks.lookup import Nameserver
from engine.text import from_data, to_data
from gui.bridge import Task, TaskState
from gui.context import WizardContext
from gui.engine_text import translated
from gui.errors import ErrorView
from gui.flow import MigrationProject, PageId
from gui.models import BAD_COLOUR, GOOD_COLOUR, WARN_COLOUR
from gui.pages.base import MigrationPage
from gui.pages.endpoint import check_title, mailbox_refs


class ChecksPage(MigrationPage):
    """Runs the engine's checks in the background and shows each result as it arrives.

    Signals: none of its own; `completeChanged` follows the results and the acknowledgement.
    """

    page_id = PageId.CHECKS

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("checksPage")
        self.setTitle(self.tr("Check that everything is ready"))
        self.setSubTitle(
            self.tr(
                "Mailstage checks both servers, every mailbox in the list and your domain, so that problems "
                "show up now and not halfway through a batch."
            )
        )
        self.nameserver: Nameserver | None = None
        self.task: Task | None = None
        self.report: CheckReport | None = None
        self._titles: dict[CheckKey, str] = {}
        self._items: dict[CheckKey, QTreeWidgetItem] = {}
        self._run_signature = ""

        top = QHBoxLayout()
        domain_label = QLabel(self.tr("Mail &domain (optional):"))
        self.domain_edit = QLineEdit()
        self.domain_edit.setObjectName("checksDomainEdit")
        self.domain_edit.setAccessibleName(self.tr("Mail domain"))
        self.domain_edit.setPlaceholderText(self.tr("contoso.nl"))
        self.domain_edit.setToolTip(self.tr("Also check the domain's MX and Autodiscover records."))
        self.domain_edit.textEdited.connect(self._on_domain_edited)
        domain_label.setBuddy(self.domain_edit)
        self.run_button = QPushButton(self.tr("&Run the checks"))
        self.run_button.setObjectName("runChecksButton")
        self.run_button.setAccessibleName(self.tr("Run the checks"))
        self.run_button.clicked.connect(self.run_all)
        self.rerun_button = QPushButton(self.tr("Run the selected check &again"))
        self.rerun_button.setObjectName("rerunCheckButton")
        self.rerun_button.setAccessibleName(self.tr("Run the selected check again"))
        self.rerun_button.clicked.connect(self.rerun_selected)
        self.rerun_button.setEnabled(False)
        top.addWidget(domain_label)
        top.addWidget(self.domain_edit, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.rerun_button)
        self.body.addLayout(top)

        self.progress = QProgressBar()
        self.progress.setObjectName("checksProgress")
        self.progress.setAccessibleName(self.tr("Checks done"))
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.body.addWidget(self.progress)
        self.tree = QTreeWidget()
        self.tree.setObjectName("checksTable")
        self.tree.setAccessibleName(self.tr("Check results"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Result"), self.tr("Check"), self.tr("For")])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.body.addWidget(self.tree, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("checksSummary")
        self.summary_label.setWordWrap(True)
        self.body.addWidget(self.summary_label)
        self.ack_check = QCheckBox(self.tr("I have read the &warnings and want to go on anyway"))
        self.ack_check.setObjectName("acknowledgeWarningsCheck")
        self.ack_check.setAccessibleName(self.tr("I have read the warnings and want to go on anyway"))
        self.ack_check.toggled.connect(self._on_ack_toggled)
        self.body.addWidget(self.ack_check)
        self.error_view = ErrorView(self, name="checksError")
        self.body.addWidget(self.error_view)
        self.show_project(context.project)

    # -- project ------------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._show_domain()
        if not self.project.checks_current and (self.task is None or not self.task.running):
            # Nothing to decide on this page before the checks ran: start them right away.
            self.run_all()

    def show_project(self, project: MigrationProject) -> None:
        self.report = None
        self.tree.clear()
        self._items = {}
        self._show_domain()
        for saved in project.checks.results:
            texts = _saved_texts(saved)
            self._show_result(
                CheckResult(
                    saved.get("id", ""),
                    texts.get("subject") or saved.get("subject", ""),
                    Status(saved.get("status", "skip")),
                    texts.get("evidence") or saved.get("evidence", ""),
                    texts.get("fix") or saved.get("fix", ""),
                )
            )
        self._show_summary()

    def _show_domain(self) -> None:
        checks = self.project.checks
        if checks.domain is None:
            for address in self.project.mailbox_list.addresses:
                if "@" in address:
                    checks.domain = address.rsplit("@", 1)[1].lower()
                    break
        self.domain_edit.setText(checks.domain or "")

    def _on_domain_edited(self, text: str) -> None:
        self.project.checks.domain = text.strip()

    def _on_ack_toggled(self, checked: bool) -> None:
        self.project.checks.warnings_acknowledged = checked
        self.changed()

    # -- running ------------------------------------------------------------------------------

    def setup(self) -> CheckSetup:
        project = self.project
        concurrency = min(project.source.max_concurrent, project.target.max_concurrent)
        return CheckSetup(
            source=project.source.to_endpoint(project.source_name),
            target=project.target.to_endpoint(project.target_name),
            domain=project.checks.domain or "",
            nameserver=self.nameserver,
            mailboxes=mailbox_refs(self.context),
            concurrency=concurrency,
        )

    def run_all(self) -> None:
        """Run every check for the current settings, list and domain."""
        self.tree.clear()
        self._items = {}
        self.report = None
        self._start(build_checks(self.setup()), previous=None)

    def rerun_selected(self) -> None:
        """Run the selected check again, with the checks that depend on it."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None or self.report is None:
            return
        key = item.data(0, Qt.ItemDataRole.UserRole)
        checks = build_checks(self.setup())
        chosen = with_dependents(checks, [tuple(key)])
        chosen_keys = {check.key for check in chosen}
        previous = {k: r for k, r in self.report.by_key().items() if k not in chosen_keys}
        for check in chosen:
            old = self._items.pop(check.key, None)
            if old is not None:
                old.takeChildren()
                old.setText(0, self.tr("Running..."))
                self._items[check.key] = old
        self._start(chosen, previous=previous)

    def _start(self, checks: list, previous: dict | None) -> None:  # type: ignore[type-arg]
        if self.task is not None and self.task.running:
            self.task.cancel()
        self._run_signature = self.project.setup_signature()
        self._titles.update({check.key: check.title for check in checks})
        self.error_view.clear()
        self.progress.setRange(0, max(len(checks), 1))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.run_button.setEnabled(False)
        self.rerun_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking..."))

        def work(state: TaskState) -> CheckReport:
            return run_checks(checks, on_event=state.emit, cancel=state.stop_event, previous=previous)

        self.task = self.context.runner.run(
            work,
            on_done=lambda report: self._on_done(report, previous is not None),
            on_error=self._on_failed,
            on_events=self._on_events,
        )

    def _on_events(self, events: list[object]) -> None:
        for event in events:
            if isinstance(event, CheckStarted):
                self._titles.setdefault((event.id, event.subject), event.title)
            elif isinstance(event, CheckFinished):
                self._show_result(event.result)
                self.progress.setValue(event.done)

    def _on_done(self, report: CheckReport, partial: bool) -> None:
        self.task = None
        if partial and self.report is not None:
            report = self.report.merged(report)
        self.report = report
        self.context.check_report = report
        for result in report.results:
            self._show_result(result)
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        checks = self.project.checks
        summary = report.summary()
        checks.passed, checks.warned = summary["pass"], summary["warn"]
        checks.failed, checks.skipped = summary["fail"], summary["skip"]
        checks.results = [_saved(result) for result in report.results]
        # The results count only for what was checked: if the admin changed something meanwhile,
        # the signature no longer matches and the checks must run again.
        checks.ran_for = self._run_signature if not report.cancelled else ""
        checks.warnings_acknowledged = False
        self._show_summary()
        self._on_current_changed(self.tree.currentItem(), None)
        self.changed()

    def _on_failed(self, error: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.summary_label.setText("")
        self.error_view.show_error(error)
        self.changed()

    def _show_result(self, result: CheckResult) -> None:
        word, colour = {
            Status.PASS: (self.tr("Passed"), GOOD_COLOUR),
            Status.WARN: (self.tr("Warning"), WARN_COLOUR),
            Status.FAIL: (self.tr("Failed"), BAD_COLOUR),
            Status.SKIP: (self.tr("Skipped"), WARN_COLOUR),
        }[result.status]
        item = self._items.get(result.key)
        if item is None:
            item = QTreeWidgetItem(self.tree)
            self._items[result.key] = item
        item.takeChildren()
        item.setText(0, word)
        item.setText(1, check_title(result.id, self._titles.get(result.key, result.id)))
        item.setText(2, translated(result.subject))
        item.setData(0, Qt.ItemDataRole.UserRole, list(result.key))
        item.setForeground(0, colour)
        for text in (
            translated(result.evidence),
            self.tr("What to do: {fix}").format(fix=translated(result.fix)) if result.fix else "",
        ):
            if text:
                child = QTreeWidgetItem(item, [text])
                child.setFirstColumnSpanned(True)
                child.setToolTip(0, text)  # a long sentence is elided in the row; the tooltip has it whole
        item.setExpanded(result.status in (Status.FAIL, Status.WARN))

    def _show_summary(self) -> None:
        checks = self.project.checks
        current = self.project.checks_current
        if not checks.results:
            self.summary_label.setText(self.tr("The checks have not run yet."))
        elif not current:
            self.summary_label.setText(
                self.tr("You changed the settings or the list since these results: run the checks again.")
            )
        else:
            self.summary_label.setText(
                self.tr(
                    "{passed} passed, {warned} with a warning, {failed} failed, {skipped} skipped."
                ).format(
                    passed=checks.passed, warned=checks.warned, failed=checks.failed, skipped=checks.skipped
                )
            )
        self.ack_check.blockSignals(True)
        self.ack_check.setChecked(checks.warnings_acknowledged)
        self.ack_check.blockSignals(False)
        self.ack_check.setVisible(current and checks.warned > 0 and checks.failed == 0)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        idle = self.task is None or not self.task.running
        self.rerun_button.setEnabled(current is not None and self.report is not None and idle)

    def stop_for_close(self) -> None:
        if self.task is not None:
            self.task.cancel()


def _saved(result: CheckResult) -> dict[str, str]:
    """RESULT as the project keeps it: the contract's JSON object (English), plus its texts'
    templates and parameters, so a reopened project shows them in the admin's language again."""
    saved = result.as_dict()
    parts = ("subject", "evidence", "fix")
    saved["texts"] = json.dumps({part: to_data(getattr(result, part)) for part in parts}, ensure_ascii=False)
    return saved


def _saved_texts(saved: dict[str, str]) -> dict[str, str]:
    """The translatable texts `_saved` kept (empty for a project saved before there were any)."""
    try:
        data = json.loads(saved.get("texts", "") or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {part: text for part, value in data.items() if (text := from_data(value))}
