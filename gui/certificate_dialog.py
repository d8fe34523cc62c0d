"""The untrusted-certificate question: show the certificate, and trust exactly this one or stop.

Old Exchange servers often have a self-signed certificate. Mailstage never switches verification off;
the admin may pin this one certificate (by its SHA-256 fingerprint) for this endpoint, and a different
certificate later stops the connection again. "Do not trust" is the default button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from engine.tls import CertificateInfo


class CertificateDialog(QDialog):
    """Shows subject, issuer, validity and fingerprint; accepted means "trust exactly this one"."""

    def __init__(self, host: str, info: CertificateInfo, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateDialog")
        self.setWindowTitle(self.tr("Untrusted certificate"))
        self.info = info
        layout = QVBoxLayout(self)
        heading = QLabel(
            "<b>"
            + _escape(self.tr("The certificate of {host} is not trusted by this computer.").format(host=host))
            + "</b>"
        )
        heading.setObjectName("certificateHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        reason = QLabel(problem)
        reason.setObjectName("certificateProblem")
        reason.setWordWrap(True)
        layout.addWidget(reason)
        form = QFormLayout()
        layout.addLayout(form)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        rows = [
            ("certificateSubject", self.tr("Issued to:"), info.subject),
            ("certificateNames", self.tr("Server names:"), ", ".join(info.names) or info.subject),
            ("certificateIssuer", self.tr("Issued by:"), info.issuer),
            (
                "certificateValidity",
                self.tr("Valid:"),
                self.tr("from {start} to {end}").format(
                    start=f"{info.not_before:%Y-%m-%d}", end=f"{info.not_after:%Y-%m-%d}"
                ),
            ),
            (
                "certificateFingerprint",
                self.tr("SHA-256 fingerprint:"),
                _wrap_fingerprint(info.fingerprint_colons),
            ),
        ]
        for name, label_text, value in rows:
            value_label = QLabel(value)
            value_label.setObjectName(name)
            value_label.setAccessibleName(label_text.rstrip(":"))
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_label.setWordWrap(True)
            if name == "certificateFingerprint":
                value_label.setFont(fixed)
            form.addRow(QLabel(label_text), value_label)
        if info.expired():
            expired = QLabel(self.tr("This certificate has expired."))
            expired.setObjectName("certificateExpired")
            layout.addWidget(expired)
        advice = QLabel(
            self.tr(
                "Trust it only if you recognise it: compare the fingerprint with the one the server's "
                "administrator sees on the server. Mailstage then accepts exactly this certificate for this "
                "server, and stops again if the server ever presents another one."
            )
        )
        advice.setObjectName("certificateAdvice")
        advice.setWordWrap(True)
        layout.addWidget(advice)
        buttons = QDialogButtonBox()
        buttons.setObjectName("certificateButtons")
        self.trust_button = buttons.addButton(
            self.tr("&Trust this certificate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.trust_button.setObjectName("trustCertificateButton")
        self.reject_button = buttons.addButton(
            self.tr("&Do not trust"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reject_button.setObjectName("doNotTrustButton")
        # The safe answer is the default: Enter does not trust.
        self.reject_button.setDefault(True)
        self.trust_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())


def _wrap_fingerprint(colons: str) -> str:
    # 32 byte pairs: two lines of 16 are easier to compare aloud than one long line.
    pairs = colons.split(":")
    return ":".join(pairs[:16]) + ":\n" + ":".join(pairs[16:]) if len(pairs) > 16 else colons


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
