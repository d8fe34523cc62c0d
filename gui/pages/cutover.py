"""Cut-over: the steps after the copy (seed steps 6 to 12) as a checklist the admin ticks off, with the
MX and Autodiscover records checked live and the next batch one click away."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.checks import CheckReport, CheckResult, Status, run_checks
from engine.checks.lookup import DnsLookup, Nameserver
from engine.checks.suite import CheckSetup, domain_checks
from gui.bridge import TaskState
from gui.context import WizardContext
from gui.engine_text import translated
from gui.errors import ErrorView
from gui.flow import MigrationProject, PageId
from gui.models import BAD_COLOUR, GOOD_COLOUR, WARN_COLOUR
from gui.pages.base import MigrationPage, heading_label, text_label


@dataclass(frozen=True)
class CutoverStep:
    id: str
    title: str
    text: str
    check_id: str = ""  # a live check that shows whether the step is done


class CutoverPage(MigrationPage):
    """The last page: the checklist; its button is Close.

    Signals:
        nextBatchRequested(): the admin wants to start the next batch with the same servers.
    """

    page_id = PageId.CUTOVER
    nextBatchRequested = Signal()

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("cutoverPage")
        self.setTitle(self.tr("Switch the migrated users over"))
        self.setSubTitle(
            self.tr(
                "These steps finish the move of this batch. Tick each step when it is done; Mailstage "
                "remembers where you are, so you can close it and come back."
            )
        )
        self.nameserver: Nameserver | None = None  # tests and special networks ask another DNS server
        self.steps = self._steps()
        self.results: dict[str, CheckResult] = {}
        columns = QHBoxLayout()
        columns.setSpacing(14)
        self.body.addLayout(columns, 1)
        self.step_list = QListWidget()
        self.step_list.setObjectName("cutoverStepList")
        self.step_list.setAccessibleName(self.tr("Steps after the migration"))
        self.step_list.setSpacing(3)
        # Long step titles (Dutch ones especially) wrap instead of hiding behind a scroll bar.
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setResizeMode(QListView.ResizeMode.Adjust)
        for number, step in enumerate(self.steps, 1):
            item = QListWidgetItem(f"{number}. {step.title}")
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.step_list.addItem(item)
        self.step_list.currentRowChanged.connect(self._on_step_selected)
        self.step_list.itemChanged.connect(self._on_step_ticked)
        columns.addWidget(self.step_list, 2)

        detail = QVBoxLayout()
        columns.addLayout(detail, 3)
        self.step_title = heading_label("", "cutoverStepTitle")
        self.step_text = text_label("", "cutoverStepText")
        detail.addWidget(self.step_title)
        detail.addWidget(self.step_text)
        self.result_label = text_label("", "cutoverCheckResult")
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setVisible(False)
        detail.addWidget(self.result_label)
        detail.addStretch(1)

        domain_row = QHBoxLayout()
        domain_label = QLabel(self.tr("Mail &domain:"))
        self.domain_edit = QLineEdit()
        self.domain_edit.setObjectName("cutoverDomainEdit")
        self.domain_edit.setAccessibleName(self.tr("Mail domain"))
        self.domain_edit.setPlaceholderText(self.tr("contoso.nl"))
        domain_label.setBuddy(self.domain_edit)
        self.domain_edit.textEdited.connect(self._on_domain_edited)
        self.check_button = QPushButton(self.tr("Check &MX and Autodiscover now"))
        self.check_button.setObjectName("checkDnsButton")
        self.check_button.setAccessibleName(self.tr("Check MX and Autodiscover now"))
        self.check_button.clicked.connect(self.run_dns_checks)
        domain_row.addWidget(domain_label)
        domain_row.addWidget(self.domain_edit, 1)
        domain_row.addWidget(self.check_button)
        self.body.addLayout(domain_row)

        scripts_row = QHBoxLayout()
        routing_label = QLabel(self.tr("&Routing domain of the new system:"))
        self.routing_edit = QLineEdit()
        self.routing_edit.setObjectName("cutoverRoutingDomainEdit")
        self.routing_edit.setAccessibleName(self.tr("Routing domain of the new system"))
        self.routing_edit.setPlaceholderText(self.tr("for example contoso.mail.onmicrosoft.com"))
        self.routing_edit.setToolTip(
            self.tr(
                "Forwarding and the mail users point at each user's address in this domain. Leave it empty "
                "when the new addresses differ from the old ones already."
            )
        )
        routing_label.setBuddy(self.routing_edit)
        self.scripts_button = QPushButton(self.tr("Save the cut-over &scripts..."))
        self.scripts_button.setObjectName("saveCutoverScriptsButton")
        self.scripts_button.setAccessibleName(self.tr("Save the cut-over scripts"))
        self.scripts_button.clicked.connect(self._on_save_scripts_clicked)
        scripts_row.addWidget(routing_label)
        scripts_row.addWidget(self.routing_edit, 1)
        scripts_row.addWidget(self.scripts_button)
        self.body.addLayout(scripts_row)
        self.scripts_label = text_label("", "cutoverScriptsResult")
        self.scripts_label.setVisible(False)
        self.body.addWidget(self.scripts_label)
        bottom = QHBoxLayout()
        self.ooo_label = text_label(
            self.tr(
                "Remember: out-of-office messages were not migrated. Ask the users of this batch to set "
                "theirs again in the new system."
            ),
            "outOfOfficeReminder",
        )
        self.next_batch_button = QPushButton(self.tr("Start the &next batch"))
        self.next_batch_button.setObjectName("nextBatchButton")
        self.next_batch_button.setAccessibleName(self.tr("Start the next batch"))
        self.next_batch_button.clicked.connect(self.nextBatchRequested)
        bottom.addWidget(self.ooo_label, 1)
        bottom.addWidget(self.next_batch_button)
        self.body.addLayout(bottom)
        self.error_view = ErrorView(self, name="cutoverError")
        self.body.addWidget(self.error_view)
        self.step_list.setCurrentRow(0)

    def _steps(self) -> list[CutoverStep]:
        return [
            CutoverStep(
                "verify",
                self.tr("Check that every mailbox was migrated"),
                self.tr(
                    "The report shows each mailbox with its grade. Switch a user over only when the grade is "
                    "Perfect or Good; look at the others first."
                ),
            ),
            CutoverStep(
                "forwarding",
                self.tr("Forward new mail to the new mailboxes"),
                self.tr(
                    "Set the TargetAddress of each old mailbox to the new address, so mail that still "
                    "arrives at the old server reaches the user."
                ),
            ),
            CutoverStep(
                "lastsync",
                self.tr("Sync the batch one last time"),
                self.tr(
                    "Once forwarding is set, new mail no longer reaches the old mailboxes. Go back to the "
                    "report and click Sync again: the last sync brings over what arrived in between."
                ),
            ),
            CutoverStep(
                "convert",
                self.tr("Convert the old mailboxes to mail users"),
                self.tr(
                    "Turn each migrated Exchange mailbox into a mail-enabled user that points to the new "
                    "mailbox, keeping its addresses. Outlook then finds the new mailbox through Autodiscover."
                ),
            ),
            CutoverStep(
                "outlook",
                self.tr("Users create a new Outlook profile"),
                self.tr(
                    "After the switch each user creates a new Outlook profile; Outlook then connects to the "
                    "new system by itself. Phones and tablets need their account set up again too."
                ),
            ),
            CutoverStep(
                "outofoffice",
                self.tr("Users set their out-of-office message again"),
                self.tr(
                    "Out-of-office messages are not migrated. A user who had one switched on keeps it on, "
                    "but with an empty text, until they write it again."
                ),
            ),
            CutoverStep(
                "licences",
                self.tr("Assign licences"),
                self.tr(
                    "On Microsoft 365, assign a licence to each migrated user within 30 days, or the "
                    "mailbox stops working."
                ),
            ),
            CutoverStep(
                "mx",
                self.tr("Point the MX record to the new system"),
                self.tr(
                    "When the last batch is done, change the domain's MX record so that mail is delivered "
                    "to the new system directly. Lower its TTL to an hour a day ahead; the change can take "
                    "up to 72 hours to reach everyone."
                ),
                "domain.mx",
            ),
            CutoverStep(
                "autodiscover",
                self.tr("Point Autodiscover to the new system"),
                self.tr(
                    "Create or change the Autodiscover record so that Outlook finds the new mailboxes. Do "
                    "this after the last batch, or users not yet migrated are sent to the new system."
                ),
                "domain.autodiscover",
            ),
            CutoverStep(
                "remove",
                self.tr("Remove the batch and go on"),
                self.tr(
                    "When every mailbox of the batch is switched over, the batch is done. Start the next "
                    "batch with the same servers, or, after the last one, take the old servers out of service."
                ),
            ),
        ]

    # -- project ------------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.show_project(self.project)

    def show_project(self, project: MigrationProject) -> None:
        done = set(project.cutover_done)
        self.step_list.blockSignals(True)
        for row in range(self.step_list.count()):
            item = self.step_list.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in done
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.step_list.blockSignals(False)
        domain = (
            project.checks.domain
            if project.checks.domain is not None
            else _domain_of(project.batch.mailboxes or project.mailbox_list.addresses)
        )
        self.domain_edit.setText(domain)

    def _on_step_ticked(self, item: QListWidgetItem) -> None:
        step_id = str(item.data(Qt.ItemDataRole.UserRole))
        done = [s for s in self.project.cutover_done if s != step_id]
        if item.checkState() == Qt.CheckState.Checked:
            done.append(step_id)
        self.project.cutover_done = done
        self.context.save()

    def _on_domain_edited(self, text: str) -> None:
        self.project.checks.domain = text.strip()

    def _on_step_selected(self, row: int) -> None:
        if row < 0:
            return
        step = self.steps[row]
        self.step_title.setText(f"<b>{_escape(step.title)}</b>")
        self.step_text.setText(step.text)
        self._show_result(step)

    def _show_result(self, step: CutoverStep) -> None:
        result = self.results.get(step.check_id) if step.check_id else None
        if result is None:
            self.result_label.setVisible(False)
            return
        colour, word = {
            Status.PASS: (GOOD_COLOUR, self.tr("Checked just now: looks right.")),
            Status.WARN: (WARN_COLOUR, self.tr("Checked just now: needs attention.")),
            Status.FAIL: (BAD_COLOUR, self.tr("Checked just now: not right.")),
            Status.SKIP: (WARN_COLOUR, self.tr("Could not be checked.")),
        }[result.status]
        parts = [
            f"<b style='color:{colour.name()}'>{_escape(word)}</b>",
            _escape(translated(result.evidence)),
        ]
        if result.fix:
            fix_title = self.tr("What to do:")  # outside the f-string, where lupdate finds it
            parts.append(f"<b>{_escape(fix_title)}</b> {_escape(translated(result.fix))}")
        self.result_label.setText("<br>".join(parts))
        self.result_label.setVisible(True)

    # -- live DNS checks ----------------------------------------------------------------------

    def run_dns_checks(self) -> None:
        """Look up the domain's MX and Autodiscover records in the background."""
        domain = self.domain_edit.text().strip()
        if not domain:
            self.domain_edit.setFocus()
            return
        target = self.project.target.to_endpoint(self.project.target_name)
        setup = CheckSetup(target=target, domain=domain, nameserver=self.nameserver)
        checks = domain_checks(setup, DnsLookup(self.nameserver))

        def work(state: TaskState) -> CheckReport:
            return run_checks(checks, cancel=state.stop_event)

        self.check_button.setEnabled(False)
        self.error_view.clear()
        self.context.runner.run(work, on_done=self._on_dns_checked, on_error=self._on_dns_failed)

    def _on_dns_checked(self, report: CheckReport) -> None:
        self.check_button.setEnabled(True)
        for result in report.results:
            self.results[result.id] = result
        for row, step in enumerate(self.steps):
            result = self.results.get(step.check_id) if step.check_id else None
            if result is not None:
                self.step_list.item(row).setForeground(
                    {Status.PASS: GOOD_COLOUR, Status.WARN: WARN_COLOUR}.get(result.status, BAD_COLOUR)
                )
        current = self.step_list.currentRow()
        if current >= 0:
            self._show_result(self.steps[current])

    def _on_dns_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.error_view.show_error(error)

    # -- cut-over scripts ----------------------------------------------------------------------

    def _on_save_scripts_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for the cut-over scripts"))
        if folder:
            self.save_scripts(Path(folder))

    def save_scripts(self, folder: Path) -> None:
        """Write the batch's forwarding and convert-to-mail-user scripts (and their CSV) into FOLDER,
        in the background; the result or the error shows on the page."""
        batch = self.project.batch.name.strip()
        routing = self.routing_edit.text().strip()

        def work(state: TaskState) -> object:
            from engine.cutover import write_batch_cutover_scripts
            from engine.store import StateStore

            store = StateStore()
            try:
                return write_batch_cutover_scripts(store, batch, folder, cloud_domain=routing)
            finally:
                store.close()

        self.scripts_button.setEnabled(False)
        self.error_view.clear()
        self.scripts_label.setVisible(False)
        self.context.runner.run(work, on_done=self._on_scripts_saved, on_error=self._on_scripts_failed)

    def _on_scripts_saved(self, files: object) -> None:
        self.scripts_button.setEnabled(True)
        folder = getattr(files, "folder", "")
        count = int(getattr(files, "mailboxes", 0))
        self.scripts_label.setText(
            self.tr(
                "Saved in %1 for the batch's mailboxes (%2): 1-Set-Forwarding.ps1, 2-Convert-ToMailUser.ps1 "
                "and mailboxes.csv. Read them, then run them in the Exchange Management Shell: first without "
                "-Apply to see what they would change."
            )
            .replace("%1", str(folder))
            .replace("%2", str(count))
        )
        self.scripts_label.setVisible(True)

    def _on_scripts_failed(self, error: BaseException) -> None:
        self.scripts_button.setEnabled(True)
        self.error_view.show_error(error)

    def select_step(self, step_id: str) -> None:
        for row, step in enumerate(self.steps):
            if step.id == step_id:
                self.step_list.setCurrentRow(row)


def _domain_of(addresses: list[str]) -> str:
    for address in addresses:
        if "@" in address:
            return address.rsplit("@", 1)[1].lower()
    return ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
