"""The status mail settings: where Mailstage sends the batch report (Microsoft mails it to the admin).

The settings are remembered (QSettings); the password goes to the keyring and is never shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.statusmail import SmtpSettings

SETTINGS_GROUP = "statusMail"


class StatusMailDialog(QDialog):
    """Asks where to send the status mail. `settings()` and `password()` give the answers."""

    def __init__(self, parent: QWidget | None = None, *, password_stored: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("statusMailDialog")
        self.setWindowTitle(self.tr("Send the status mail"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Mailstage sends the counts and the two reports (MigrationStatistics.csv and "
                "MigrationErrors.csv) through your mail server, as Microsoft does after a batch."
            )
        )
        intro.setObjectName("statusMailIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.host_edit = self._edit("smtpHostEdit", self.tr("Mail server (SMTP)"))
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("smtpPortSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(587)
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.security_combo = QComboBox()
        self.security_combo.setObjectName("smtpSecurityCombo")
        self.security_combo.setAccessibleName(self.tr("Security"))
        self.security_combo.addItem(self.tr("STARTTLS (port 587)"), "starttls")
        self.security_combo.addItem(self.tr("TLS (port 465)"), "tls")
        self.security_combo.addItem(self.tr("None (not recommended)"), "none")
        self.user_edit = self._edit("smtpUserEdit", self.tr("User name"))
        self.password_edit = self._edit("smtpPasswordEdit", self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if password_stored:
            self.password_edit.setPlaceholderText(self.tr("Stored in the keyring; type to replace it"))
        self.sender_edit = self._edit("smtpSenderEdit", self.tr("From"))
        self.recipients_edit = self._edit("smtpRecipientsEdit", self.tr("To"))
        self.recipients_edit.setPlaceholderText(self.tr("admin@contoso.nl; helpdesk@contoso.nl"))
        rows = [
            (self.tr("&Mail server:"), self.host_edit),
            (self.tr("&Port:"), self.port_spin),
            (self.tr("S&ecurity:"), self.security_combo),
            (self.tr("&User name:"), self.user_edit),
            (self.tr("Pass&word:"), self.password_edit),
            (self.tr("&From:"), self.sender_edit),
            (self.tr("&To:"), self.recipients_edit),
        ]
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("statusMailButtons")
        self.send_button = buttons.addButton(self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("statusMailSendButton")
        self.send_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.security_combo.currentIndexChanged.connect(self._on_security_changed)
        self._load()
        self.resize(480, self.sizeHint().height())

    def _edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _on_security_changed(self, _index: int) -> None:
        default_ports = {"starttls": 587, "tls": 465, "none": 25}
        if self.port_spin.value() in default_ports.values():
            self.port_spin.setValue(default_ports[self.security_combo.currentData()])

    def _load(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        self.host_edit.setText(str(settings.value("host", "")))
        security = str(settings.value("security", "starttls"))
        index = self.security_combo.findData(security)
        self.security_combo.setCurrentIndex(max(index, 0))
        self.port_spin.setValue(int(settings.value("port", 587)))
        self.user_edit.setText(str(settings.value("username", "")))
        self.sender_edit.setText(str(settings.value("sender", "")))
        self.recipients_edit.setText(str(settings.value("recipients", "")))
        settings.endGroup()

    def remember(self) -> None:
        """Keep the settings (never the password) for next time."""
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        smtp = self.settings()
        settings.setValue("host", smtp.host)
        settings.setValue("port", smtp.port)
        settings.setValue("security", smtp.security)
        settings.setValue("username", smtp.username)
        settings.setValue("sender", smtp.sender)
        settings.setValue("recipients", "; ".join(smtp.recipients))
        settings.endGroup()

    def settings(self) -> SmtpSettings:
        recipients = tuple(
            part.strip() for part in self.recipients_edit.text().replace(",", ";").split(";") if part.strip()
        )
        return SmtpSettings(
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            security=str(self.security_combo.currentData()),
            username=self.user_edit.text().strip(),
            sender=self.sender_edit.text().strip(),
            recipients=recipients,
        )

    def password(self) -> str:
        """The password typed now ("" when the stored one is to be used)."""
        return self.password_edit.text()
