"""Source and Target: where the mail comes from and where it goes (seed step 3: the migration endpoint).

One class serves both pages (the fields are the same; the words differ by role). "Test connection"
runs in the background; its stored result, for exactly the settings on screen, is what enables Next.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from engine.checks import CheckFinished, CheckResult, CheckStarted, Status
from engine.checks.lookup import Nameserver
from engine.checks.suite import MailboxRef
from engine.endpoints import AdminLoginStyle, EndpointKind, Security
from engine.m365.clouds import CLOUDS
from gui.bridge import Task, TaskState
from gui.certificate_dialog import CertificateDialog
from gui.connection_test import ConnectionTestOutcome, run_connection_test
from gui.context import WizardContext
from gui.engine_text import translated
from gui.errors import ErrorView
from gui.flow import EndpointSettings, MigrationProject, PageId
from gui.models import BAD_COLOUR, GOOD_COLOUR, WARN_COLOUR
from gui.pages.base import MigrationPage
from gui.signin_dialog import DeviceSignIn

DEFAULT_PORTS = {Security.TLS.value: 993, Security.STARTTLS.value: 143, Security.NONE.value: 143}


class EndpointPage(MigrationPage):
    """The source or the target endpoint, with its connection test.

    Signals: none of its own; `completeChanged` follows the test result.
    """

    def __init__(self, context: WizardContext, role: str, parent: QWidget | None = None) -> None:
        self.role = role
        self.page_id = PageId.SOURCE if role == "source" else PageId.TARGET
        super().__init__(context, parent)
        self.setObjectName(f"{role}Page")
        self.nameserver: Nameserver | None = None  # tests and special networks ask another DNS server
        self.test_task: Task | None = None
        self.sign_in: DeviceSignIn | None = None
        self.authority = ""  # tests and national clouds sign in at another authority than Microsoft's
        self.outcome: ConnectionTestOutcome | None = None
        self._check_titles: dict[tuple[str, str], str] = {}
        self._loading = False
        if role == "source":
            self.setTitle(self.tr("Connect to the old mail server"))
            self.setSubTitle(
                self.tr(
                    "Mailstage reads every mailbox from here and never changes anything on it. It needs an "
                    "administrator account that can open every user's mailbox."
                )
            )
        else:
            self.setTitle(self.tr("Connect to the new mail system"))
            self.setSubTitle(
                self.tr(
                    "Mailstage writes the copied mail here. The users must already exist on the new system "
                    "(directory synchronisation)."
                )
            )
        # One form for every kind, with the rows of the other kinds hidden, so the columns line up.
        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body.addLayout(form)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName(f"{role}KindCombo")
        self.kind_combo.setAccessibleName(self.tr("Kind of server"))
        if role == "source":
            self.kind_combo.addItem(
                self.tr("IMAP server (Exchange 2003/2007 or any other)"), EndpointKind.IMAP.value
            )
            self.kind_combo.addItem(self.tr("Local folder (Maildir archive)"), EndpointKind.MAILDIR.value)
        else:
            self.kind_combo.addItem(self.tr("Microsoft 365 (Exchange Online)"), EndpointKind.M365.value)
            self.kind_combo.addItem(self.tr("IMAP server"), EndpointKind.IMAP.value)
            self.kind_combo.addItem(self.tr("Local folder (Maildir archive)"), EndpointKind.MAILDIR.value)
        self._add_row(form, self.tr("&Kind of server:"), self.kind_combo)
        self.rows_by_kind: dict[str, list[QWidget]] = {kind.value: [] for kind in EndpointKind}
        self._imap_rows(form)
        self._maildir_rows(form)
        self._m365_rows(form)

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName(f"{role}PasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = self._add_row(form, self.tr("Pass&word:"), self.password_edit)
        cert_row = QHBoxLayout()
        self.pin_label = QLabel()
        self.pin_label.setObjectName(f"{role}PinnedLabel")
        self.pin_label.setWordWrap(True)
        self.pin_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forget_pin_button = QPushButton(self.tr("&Forget"))
        self.forget_pin_button.setObjectName(f"{role}ForgetPinButton")
        self.forget_pin_button.setAccessibleName(self.tr("Forget the trusted certificate"))
        self.forget_pin_button.clicked.connect(self._on_forget_pin)
        cert_row.addWidget(self.pin_label, 1)
        cert_row.addWidget(self.forget_pin_button)
        self.pin_widget = QWidget()
        self.pin_widget.setLayout(cert_row)
        cert_row.setContentsMargins(0, 0, 0, 0)
        self._add_row(form, self.tr("Certificate:"), self.pin_widget)
        self.concurrency_spin = QSpinBox()
        self.concurrency_spin.setObjectName(f"{role}ConcurrencySpin")
        self.concurrency_spin.setRange(1, 100)
        self.concurrency_spin.setAccessibleName(self.tr("Maximum concurrent migrations"))
        self.concurrency_spin.setToolTip(
            self.tr("How many mailboxes are copied at the same time. Microsoft's default is 20.")
        )
        self._add_row(form, self.tr("Maximum concurrent &migrations:"), self.concurrency_spin)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName(f"{role}TestButton")
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.clicked.connect(self.start_test)
        self.test_status = QLabel()
        self.test_status.setObjectName(f"{role}TestStatus")
        self.test_status.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_status, 1)
        self.body.addLayout(test_row)
        self.results_tree = QTreeWidget()
        self.results_tree.setObjectName(f"{role}TestResults")
        self.results_tree.setAccessibleName(self.tr("Connection test results"))
        self.results_tree.setColumnCount(2)
        self.results_tree.setHeaderLabels([self.tr("Result"), self.tr("Check")])
        self.results_tree.setRootIsDecorated(True)
        self.results_tree.setWordWrap(True)
        self.results_tree.setVisible(False)
        self.body.addWidget(self.results_tree, 1)
        self.error_view = ErrorView(self, name=f"{role}Error")
        self.body.addWidget(self.error_view)
        self.body.addStretch(0)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        for edit in (
            self.host_edit,
            self.admin_edit,
            self.path_edit,
            self.tenant_edit,
            self.client_id_edit,
        ):
            edit.textEdited.connect(self._on_edited)
        self.password_edit.textEdited.connect(self._on_password_edited)
        self.port_spin.valueChanged.connect(self._on_edited)
        self.concurrency_spin.valueChanged.connect(self._on_edited)
        for combo in (self.security_combo, self.style_combo, self.auth_combo, self.cloud_combo):
            combo.currentIndexChanged.connect(self._on_edited)
        self.security_combo.currentIndexChanged.connect(self._on_security_changed)
        self.show_project(context.project)

    # -- building -----------------------------------------------------------------------------

    def _add_row(self, form: QFormLayout, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(label, widget)
        return label

    def _imap_rows(self, form: QFormLayout) -> None:
        rows = self.rows_by_kind[EndpointKind.IMAP.value]
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName(f"{self.role}HostEdit")
        self.host_edit.setPlaceholderText(
            self.tr("mail.contoso.local") if self.role == "source" else self.tr("imap.example.com")
        )
        rows.append(self.host_edit)
        self._add_row(form, self.tr("&Server:"), self.host_edit)
        security_row = QHBoxLayout()
        security_row.setContentsMargins(0, 0, 0, 0)
        self.security_combo = QComboBox()
        self.security_combo.setObjectName(f"{self.role}SecurityCombo")
        self.security_combo.setAccessibleName(self.tr("Security"))
        self.security_combo.addItem(self.tr("SSL/TLS (port 993)"), Security.TLS.value)
        self.security_combo.addItem(self.tr("STARTTLS (port 143)"), Security.STARTTLS.value)
        self.security_combo.addItem(self.tr("None: unencrypted (not recommended)"), Security.NONE.value)
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName(f"{self.role}PortSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setAccessibleName(self.tr("Port"))
        port_label = QLabel(self.tr("&Port:"))
        port_label.setBuddy(self.port_spin)
        security_row.addWidget(self.security_combo, 1)
        security_row.addWidget(port_label)
        security_row.addWidget(self.port_spin)
        security_widget = QWidget()
        security_widget.setLayout(security_row)
        rows.append(security_widget)
        security_label = QLabel(self.tr("S&ecurity:"))
        security_label.setBuddy(self.security_combo)
        form.addRow(security_label, security_widget)
        self.admin_edit = QLineEdit()
        self.admin_edit.setObjectName(f"{self.role}AdminEdit")
        self.admin_edit.setPlaceholderText(self.tr("Leave empty when the list holds each user's password"))
        rows.append(self.admin_edit)
        self._add_row(form, self.tr("&Administrator account:"), self.admin_edit)
        self.style_combo = QComboBox()
        self.style_combo.setObjectName(f"{self.role}AdminStyleCombo")
        self.style_combo.setAccessibleName(self.tr("How the administrator opens a mailbox"))
        self.style_combo.addItem(
            self.tr("Standard (SASL PLAIN on behalf of the user)"), AdminLoginStyle.SASL.value
        )
        self.style_combo.addItem(self.tr("Exchange (DOMAIN/admin/user)"), AdminLoginStyle.EXCHANGE.value)
        self.style_combo.addItem(self.tr("Dovecot master user (user*admin)"), AdminLoginStyle.DOVECOT.value)
        rows.append(self.style_combo)
        self._add_row(form, self.tr("Admin &login style:"), self.style_combo)

    def _maildir_rows(self, form: QFormLayout) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName(f"{self.role}PathEdit")
        self.path_edit.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("B&rowse..."))
        browse.setObjectName(f"{self.role}BrowseButton")
        browse.setAccessibleName(self.tr("Browse for the folder"))
        browse.clicked.connect(self._on_browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        widget = QWidget()
        widget.setLayout(row)
        self.rows_by_kind[EndpointKind.MAILDIR.value].append(widget)
        label = QLabel(self.tr("&Folder:"))
        label.setBuddy(self.path_edit)
        form.addRow(label, widget)

    def _m365_rows(self, form: QFormLayout) -> None:
        rows = self.rows_by_kind[EndpointKind.M365.value]
        self.tenant_edit = QLineEdit()
        self.tenant_edit.setObjectName(f"{self.role}TenantEdit")
        self.tenant_edit.setPlaceholderText(self.tr("contoso.onmicrosoft.com"))
        rows.append(self.tenant_edit)
        self._add_row(form, self.tr("T&enant:"), self.tenant_edit)
        self.cloud_combo = QComboBox()
        self.cloud_combo.setObjectName(f"{self.role}CloudCombo")
        names = {
            "worldwide": self.tr("Worldwide (most tenants)"),
            "usgov": self.tr("US Government (GCC High)"),
            "china": self.tr("China (operated by 21Vianet)"),
        }
        for cloud in CLOUDS:
            self.cloud_combo.addItem(names.get(cloud.key, cloud.name), cloud.key)
        self.cloud_combo.setToolTip(
            self.tr(
                "Where the tenant lives: its sign-in service and Exchange Online server differ per cloud."
            )
        )
        rows.append(self.cloud_combo)
        self._add_row(form, self.tr("Microsoft cl&oud:"), self.cloud_combo)
        self.client_id_edit = QLineEdit()
        self.client_id_edit.setObjectName(f"{self.role}ClientIdEdit")
        rows.append(self.client_id_edit)
        self._add_row(form, self.tr("Application (&client) ID:"), self.client_id_edit)
        self.auth_combo = QComboBox()
        self.auth_combo.setObjectName(f"{self.role}AuthCombo")
        self.auth_combo.setAccessibleName(self.tr("Sign-in"))
        self.auth_combo.addItem(self.tr("App with a client secret (app-only)"), "app")
        self.auth_combo.addItem(self.tr("Sign in as an administrator (device code)"), "device")
        rows.append(self.auth_combo)
        self._add_row(form, self.tr("S&ign-in:"), self.auth_combo)
        sign_in_row = QHBoxLayout()
        sign_in_row.setContentsMargins(0, 0, 0, 0)
        self.sign_in_button = QPushButton(self.tr("Si&gn in..."))
        self.sign_in_button.setObjectName(f"{self.role}SignInButton")
        self.sign_in_button.setAccessibleName(self.tr("Sign in to Microsoft 365 with a code"))
        self.sign_in_button.clicked.connect(self.start_sign_in)
        self.sign_in_label = QLabel()
        self.sign_in_label.setObjectName(f"{self.role}SignInLabel")
        self.sign_in_label.setAccessibleName(self.tr("Sign-in state"))
        self.sign_in_label.setWordWrap(True)
        sign_in_row.addWidget(self.sign_in_button)
        sign_in_row.addWidget(self.sign_in_label, 1)
        self.sign_in_widget = QWidget()
        self.sign_in_widget.setLayout(sign_in_row)
        rows.append(self.sign_in_widget)
        form.addRow(QLabel(self.tr("Administrator:")), self.sign_in_widget)
        self.auth_combo.currentIndexChanged.connect(self._show_sign_in)
        script_row = QHBoxLayout()
        script_row.setContentsMargins(0, 0, 0, 0)
        self.script_button = QPushButton(self.tr("Save the preparation scri&pt..."))
        self.script_button.setObjectName(f"{self.role}ScriptButton")
        self.script_button.setAccessibleName(
            self.tr("Save the PowerShell script that prepares Microsoft 365")
        )
        self.script_button.setToolTip(
            self.tr(
                "A PowerShell script to review and run as a Microsoft 365 administrator: the app's permission "
                "and consent, and access to every mailbox of the list. It contains no secret."
            )
        )
        self.script_button.clicked.connect(self._on_script_clicked)
        self.script_label = QLabel()
        self.script_label.setObjectName(f"{self.role}ScriptLabel")
        self.script_label.setWordWrap(True)
        script_row.addWidget(self.script_button)
        script_row.addWidget(self.script_label, 1)
        script_widget = QWidget()
        script_widget.setLayout(script_row)
        rows.append(script_widget)
        form.addRow(QLabel(self.tr("Preparation:")), script_widget)

    # -- project <-> controls -----------------------------------------------------------------

    @property
    def settings(self) -> EndpointSettings:
        return self.project.source if self.role == "source" else self.project.target

    def show_project(self, project: MigrationProject) -> None:
        self._loading = True
        try:
            s = self.settings
            _select(self.kind_combo, s.kind)
            self.host_edit.setText(s.host)
            _select(self.security_combo, s.security)
            self.port_spin.setValue(s.port)
            self.admin_edit.setText(s.admin_user)
            _select(self.style_combo, s.admin_style)
            self.path_edit.setText(s.path)
            self.tenant_edit.setText(s.tenant)
            _select(self.cloud_combo, s.cloud)
            self.client_id_edit.setText(s.client_id)
            _select(self.auth_combo, s.auth_mode)
            self.concurrency_spin.setValue(s.max_concurrent)
            self.password_edit.clear()
            self._show_kind()
            self._show_password_state()
            self.results_tree.clear()
            self.results_tree.setVisible(False)
            self.error_view.clear()
            self._show_test_state()
            self._show_signed_in()
        finally:
            self._loading = False

    def _store(self) -> None:
        s = self.settings
        s.kind = str(self.kind_combo.currentData())
        s.host = self.host_edit.text().strip()
        s.security = str(self.security_combo.currentData())
        s.port = self.port_spin.value()
        s.admin_user = self.admin_edit.text().strip()
        s.admin_style = str(self.style_combo.currentData())
        s.path = self.path_edit.text().strip()
        s.tenant = self.tenant_edit.text().strip()
        s.cloud = str(self.cloud_combo.currentData())
        s.client_id = self.client_id_edit.text().strip()
        s.auth_mode = str(self.auth_combo.currentData())
        s.max_concurrent = self.concurrency_spin.value()

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._store()
        self._show_password_state()
        self._show_test_state()
        self.changed()

    def _on_password_edited(self, text: str) -> None:
        # A typed password is not stored until the test: until then the old test no longer counts.
        self._show_test_state()
        self.refresh()

    def _on_kind_changed(self, _index: int) -> None:
        self._show_kind()
        self._on_edited()

    def _on_security_changed(self, _index: int) -> None:
        if self._loading:
            return
        if self.port_spin.value() in DEFAULT_PORTS.values():
            self.port_spin.setValue(DEFAULT_PORTS[str(self.security_combo.currentData())])

    def _on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder"), self.path_edit.text())
        if folder:
            self.path_edit.setText(folder)
            self._on_edited()

    def _on_script_clicked(self) -> None:
        self._store()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the preparation script"),
            "prepare-microsoft365.ps1",
            self.tr("PowerShell (*.ps1)"),
        )
        if path:
            self.save_script(Path(path))

    def save_script(self, path: Path) -> None:
        """Write the PowerShell that prepares the tenant for this endpoint and the listed mailboxes."""
        from engine.m365.script import tenant_script_for, write_tenant_script

        endpoint = self.settings.to_endpoint(
            self.project.source_name if self.role == "source" else self.project.target_name
        )
        addresses = list(self.project.mailbox_list.addresses)

        def work(state: TaskState) -> Path:
            return write_tenant_script(tenant_script_for(endpoint, addresses), path)

        self.error_view.clear()
        self.context.runner.run(
            work,
            on_done=lambda written: self.script_label.setText(
                self.tr("Saved as {path}. Review it, then run it in PowerShell as an administrator.").format(
                    path=written
                )
            ),
            on_error=self.error_view.show_error,
        )

    def _show_kind(self) -> None:
        kind = str(self.kind_combo.currentData())
        for row_kind, widgets in self.rows_by_kind.items():
            for widget in widgets:
                self.form.setRowVisible(widget, row_kind == kind)
        self._show_sign_in()
        self._show_pin()

    def _show_sign_in(self, *_args: object) -> None:
        device = self.kind_combo.currentData() == EndpointKind.M365.value and (
            self.auth_combo.currentData() == "device"
        )
        self.form.setRowVisible(self.sign_in_widget, device)
        self.sign_in_button.setEnabled(self.sign_in is None or not self.sign_in.running)

    # -- device-code sign-in --------------------------------------------------------------------

    def start_sign_in(self) -> None:
        """Sign in as an administrator with Microsoft's device code; success counts as the test."""
        if self.sign_in is not None and self.sign_in.running:
            return
        self._store()
        endpoint = self.settings.to_endpoint(
            self.project.source_name if self.role == "source" else self.project.target_name
        )
        self.error_view.clear()
        self.sign_in_label.setText(self.tr("Waiting for the sign-in..."))
        self.sign_in = DeviceSignIn(
            self.context.runner, endpoint, self.context.secrets, self, authority=self.authority
        )
        self.sign_in.signedIn.connect(self._on_signed_in)
        self.sign_in.failed.connect(self._on_sign_in_failed)
        self.sign_in.cancelled.connect(self._on_sign_in_cancelled)
        self.sign_in.start()
        self._show_sign_in()

    def _show_signed_in(self) -> None:
        """A reopened migration shows who is signed in, then asks the token cache whether that
        sign-in is still there (it is gone when the cache was cleared or another admin signed in)."""
        s = self.settings
        device = s.kind == EndpointKind.M365.value and s.auth_mode == "device"
        if not (device and s.signed_in_as and s.is_tested):
            self.sign_in_label.setText("")
            return
        self.sign_in_label.setText(self.tr("Signed in as {account}.").format(account=s.signed_in_as))
        name = self.project.source_name if self.role == "source" else self.project.target_name
        secrets = self.context.secrets
        expected = s.signed_in_as

        def work(state: TaskState) -> list[str]:
            from engine.m365.cache import signed_in_accounts

            return signed_in_accounts(name, secrets=secrets)

        def done(accounts: list[str]) -> None:
            if s.signed_in_as != expected or expected.lower() in accounts:
                return  # settings changed meanwhile, or the sign-in is still there
            s.tested = ""
            s.signed_in_as = ""
            self.sign_in_label.setText(self.tr("The sign-in is no longer on this computer: sign in again."))
            self._show_test_state()
            self.changed()

        self.context.runner.run(work, on_done=done, on_error=lambda error: None)

    def _on_signed_in(self, account: str) -> None:
        s = self.settings
        s.tested = s.signature()
        s.signed_in_as = account
        s.test_summary = self.tr("Signed in as {account}.").format(account=account)
        self.sign_in_label.setText(s.test_summary)
        self._show_sign_in()
        self._show_test_state()
        self.changed()

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self.settings.tested = ""
        self.settings.signed_in_as = ""
        self.sign_in_label.setText(self.tr("Not signed in."))
        self.error_view.show_error(error)
        self._show_sign_in()
        self._show_test_state()
        self.changed()

    def _on_sign_in_cancelled(self) -> None:
        self.sign_in_label.setText(self.tr("Sign-in cancelled."))
        self._show_sign_in()

    def _show_pin(self) -> None:
        s = self.settings
        pinned = bool(s.pinned_fingerprint) and s.kind != EndpointKind.MAILDIR.value
        self.form.setRowVisible(self.pin_widget, pinned)
        if pinned:
            pairs = [
                s.pinned_fingerprint[i : i + 2].upper()
                for i in range(0, min(len(s.pinned_fingerprint), 64), 2)
            ]
            self.pin_label.setText(
                self.tr("You trusted exactly this certificate: SHA-256 {start}...{end}").format(
                    start=":".join(pairs[:4]), end=":".join(pairs[-4:])
                )
            )
            self.pin_label.setToolTip(":".join(pairs))

    def _on_forget_pin(self) -> None:
        self.settings.pinned_fingerprint = ""
        self._show_pin()
        self._show_test_state()
        self.changed()

    def _show_password_state(self) -> None:
        s = self.settings
        needed = s.needs_password
        self.form.setRowVisible(self.password_edit, needed)
        if s.kind == EndpointKind.M365.value:
            self.password_label.setText(self.tr("Client &secret:"))
            self.password_edit.setAccessibleName(self.tr("Client secret"))
        else:
            self.password_label.setText(self.tr("Pass&word:"))
            self.password_edit.setAccessibleName(self.tr("Administrator's password"))
        self.password_edit.setPlaceholderText(
            self.tr("Stored in the keyring; type to replace it") if s.password_stored else ""
        )

    def _show_test_state(self) -> None:
        s = self.settings
        running = self.test_task is not None and self.test_task.running
        self.test_button.setEnabled(not running)
        if running:
            self.test_status.setText(self.tr("Testing the connection..."))
        elif s.is_tested and not self.password_edit.text():
            self.test_status.setText(self.tr("The connection works with these settings."))
        else:
            self.test_status.setText("")

    def missing_now(self) -> list:  # type: ignore[type-arg]
        items = super().missing_now()
        if self.password_edit.text():
            # A newly typed password is only in the field: the test must store and try it first.
            from gui.flow import Missing

            if not any(m.code.endswith(".untested") for m in items):
                items = [*items, Missing(f"{self.role}.untested", f"{self.role}TestButton")]
            items = [m for m in items if not m.code.endswith(".password")]
        return items

    def isComplete(self) -> bool:
        return not self.missing_now()

    # -- the test -----------------------------------------------------------------------------

    def start_test(self) -> None:
        """Store a typed password, then test these exact settings in the background."""
        if self.test_task is not None and self.test_task.running:
            return
        self._store()
        s = self.settings
        password = self.password_edit.text()
        if password:
            s.password_version += 1
        signature = s.signature()
        endpoint = s.to_endpoint(
            self.project.source_name if self.role == "source" else self.project.target_name
        )
        role, secrets, nameserver = self.role, self.context.secrets, self.nameserver
        mailbox = first_mailbox(self.context)
        self._check_titles = {}
        self.results_tree.clear()
        self.results_tree.setVisible(endpoint.kind is not EndpointKind.MAILDIR)
        self.error_view.clear()

        def work(state: TaskState) -> ConnectionTestOutcome:
            return run_connection_test(
                role,
                endpoint,
                signature,
                password=password,
                secrets=secrets,
                on_event=state.emit,
                cancel=state.stop_event,
                nameserver=nameserver,
                mailbox=mailbox,
            )

        self.test_task = self.context.runner.run(
            work, on_done=self._on_test_done, on_error=self._on_test_failed, on_events=self._on_test_events
        )
        self._show_test_state()

    def _on_test_events(self, events: list[object]) -> None:
        for event in events:
            if isinstance(event, CheckStarted):
                self._check_titles[(event.id, event.subject)] = event.title
            elif isinstance(event, CheckFinished):
                self._add_result(event.result)

    def _on_test_done(self, outcome: ConnectionTestOutcome) -> None:
        self.test_task = None
        self.outcome = outcome
        s = self.settings
        if self.password_edit.text():
            s.password_stored = True
            self.password_edit.clear()
        self.results_tree.clear()
        for result in outcome.report.results:
            self._add_result(result)
        if outcome.ok:
            s.tested = outcome.signature
            s.test_summary = self.tr("Tested: {passed} checks passed, {warned} with a warning.").format(
                passed=outcome.report.summary()["pass"], warned=outcome.report.summary()["warn"]
            )
        else:
            s.tested = ""
        self._show_password_state()
        self._show_test_state()
        if not outcome.ok and outcome.certificate is None:
            self.test_status.setText(self.tr("The connection does not work yet: see what failed below."))
        self.changed()
        if outcome.certificate is not None:
            self.ask_trust(outcome)

    def ask_trust(self, outcome: ConnectionTestOutcome) -> None:
        """Show the untrusted certificate; if the admin trusts it, pin it and test again."""
        assert outcome.certificate is not None
        dialog = CertificateDialog(self.settings.host, outcome.certificate, outcome.problem, self)
        self.certificate_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings.pinned_fingerprint = outcome.certificate.fingerprint
            self._show_pin()
            self.changed()
            self.start_test()
        else:
            self.test_status.setText(
                self.tr("The certificate is not trusted, so Mailstage does not connect to this server.")
            )

    def _on_test_failed(self, error: BaseException) -> None:
        self.test_task = None
        self.settings.tested = ""
        self.error_view.show_error(error)
        self._show_test_state()
        self.changed()

    def _add_result(self, result: CheckResult) -> None:
        key = (result.id, result.subject)
        for index in range(self.results_tree.topLevelItemCount()):
            if self.results_tree.topLevelItem(index).data(0, Qt.ItemDataRole.UserRole) == key:
                return
        word, colour = {
            Status.PASS: (self.tr("Passed"), GOOD_COLOUR),
            Status.WARN: (self.tr("Warning"), WARN_COLOUR),
            Status.FAIL: (self.tr("Failed"), BAD_COLOUR),
            Status.SKIP: (self.tr("Skipped"), WARN_COLOUR),
        }[result.status]
        # The page says which server: the check's name alone is enough here.
        title = check_title(result.id.partition(".")[2], self._check_titles.get(key, result.id))
        item = QTreeWidgetItem([word, title])
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        item.setForeground(0, colour)
        detail = QTreeWidgetItem([translated(result.evidence)])
        detail.setFirstColumnSpanned(True)
        item.addChild(detail)
        if result.fix:
            fix = QTreeWidgetItem([self.tr("What to do: {fix}").format(fix=translated(result.fix))])
            fix.setFirstColumnSpanned(True)
            item.addChild(fix)
        self.results_tree.addTopLevelItem(item)
        item.setExpanded(result.status in (Status.FAIL, Status.WARN))

    def stop_for_close(self) -> None:
        if self.test_task is not None:
            self.test_task.cancel()
        if self.sign_in is not None:
            self.sign_in.cancel()


def first_mailbox(context: WizardContext) -> MailboxRef | None:
    """The mailbox a connection test opens: the first of the list, with its logins when it has them."""
    if context.batch_entries:
        entry = context.batch_entries[0]
        return MailboxRef(entry.address, entry.login or "", entry.target_login or "")
    addresses = context.project.mailbox_list.addresses
    return MailboxRef(addresses[0]) if addresses else None


def mailbox_refs(context: WizardContext) -> tuple[MailboxRef, ...]:
    """Every mailbox of this batch, with its logins when the list gives them."""
    if context.batch_entries:
        return tuple(
            MailboxRef(e.address, e.login or "", e.target_login or "") for e in context.batch_entries
        )
    return tuple(MailboxRef(address) for address in context.project.mailbox_list.addresses)


def check_title(check_id: str, fallback: str) -> str:
    """A check's name in the admin's language (the engine names them in English)."""
    from PySide6.QtCore import QCoreApplication

    role, _, kind = check_id.partition(".") if "." in check_id else ("", "", check_id)
    titles = {
        "dns": QCoreApplication.translate("CheckTitle", "The server's name is found (DNS)"),
        "tcp": QCoreApplication.translate("CheckTitle", "The server accepts connections"),
        "tls": QCoreApplication.translate("CheckTitle", "The server's certificate is trusted"),
        "login": QCoreApplication.translate("CheckTitle", "The administrator can log in"),
        "capabilities": QCoreApplication.translate("CheckTitle", "What the server offers"),
        "connections": QCoreApplication.translate("CheckTitle", "Enough connections at the same time"),
        "source_access": QCoreApplication.translate(
            "CheckTitle", "The mailbox can be opened on the old server"
        ),
        "target_exists": QCoreApplication.translate("CheckTitle", "The mailbox exists on the new system"),
        "size": QCoreApplication.translate("CheckTitle", "Size of the mailbox"),
        "mx": QCoreApplication.translate("CheckTitle", "Mail for the domain (MX)"),
        "autodiscover": QCoreApplication.translate("CheckTitle", "Autodiscover for Outlook"),
        "txt": QCoreApplication.translate("CheckTitle", "Domain verification (TXT)"),
        "estimate": QCoreApplication.translate("CheckTitle", "Estimated duration"),
    }
    title = titles.get(kind) or translated(fallback)
    if role == "source":
        return QCoreApplication.translate("CheckTitle", "Old server: {check}").format(check=title)
    if role == "target":
        return QCoreApplication.translate("CheckTitle", "New system: {check}").format(check=title)
    return title


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
