"""Errors for people: what happened, the likely cause, what to do; details and the log one click away.

A traceback never reaches a dialog. An engine `MailstageError` brings its three parts; anything else
is an unexpected error, shown as such (nothing lost, where the log is) while its traceback goes to
the log file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.errors import MailstageError
from engine.keystore import REDACTOR
from engine.paths import log_dir
from gui.engine_text import translated
from gui.style import error_frame_style

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorParts:
    """An error as the admin sees it."""

    what: str
    cause: str
    fix: str
    details: str  # the stable code and the kind of error: for support, never a traceback
    unexpected: bool = False


def error_parts(error: BaseException) -> ErrorParts:
    """The three parts of ERROR (and its details), with any secret masked."""
    if isinstance(error, MailstageError):
        details = f"{error.code} ({error.severity})"
        # Translated first, then masked: a secret sits in a parameter, and survives translation.
        return ErrorParts(
            REDACTOR.redact(translated(error.what)),
            REDACTOR.redact(translated(error.cause)),
            REDACTOR.redact(translated(error.fix)),
            details,
        )
    # Not one the engine explained: log the traceback where support can find it.
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return ErrorParts(
        QCoreApplication.translate("ErrorView", "Something unexpected went wrong. Nothing was lost."),
        QCoreApplication.translate(
            "ErrorView", "Mailstage ran into a situation it does not know how to handle."
        ),
        QCoreApplication.translate(
            "ErrorView", "Try again. If it happens again, send the log file from the log folder to support."
        ),
        f"{type(error).__module__}.{type(error).__name__}",
        unexpected=True,
    )


def open_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))


class ErrorView(QFrame):
    """An error in three parts, inline on a page, with "Details" and "Open log folder".

    Hidden until `show_error` is called; `clear` hides it again.
    """

    def __init__(self, parent: QWidget | None = None, *, name: str = "errorView") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        error_frame_style(self)
        self.parts: ErrorParts | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.what_label = self._label(f"{name}What")
        self.cause_label = self._label(f"{name}Cause")
        self.fix_label = self._label(f"{name}Fix")
        self.details_label = self._label(f"{name}Details")
        self.details_label.setVisible(False)
        for label in (self.what_label, self.cause_label, self.fix_label, self.details_label):
            layout.addWidget(label)
        buttons = QHBoxLayout()
        self.details_button = QPushButton(self.tr("Show &details"))
        self.details_button.setObjectName(f"{name}DetailsButton")
        self.details_button.setAccessibleName(self.tr("Show details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._on_details_toggled)
        self.log_button = QPushButton(self.tr("Open &log folder"))
        self.log_button.setObjectName(f"{name}LogButton")
        self.log_button.setAccessibleName(self.tr("Open log folder"))
        self.log_button.clicked.connect(open_log_folder)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setVisible(False)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_error(self, error: BaseException | ErrorParts) -> None:
        parts = error if isinstance(error, ErrorParts) else error_parts(error)
        self.parts = parts
        self.what_label.setText(f"<b>{_escape(parts.what)}</b>")
        # tr() outside the f-strings: pyside6-lupdate does not see calls inside them.
        cause_title = self.tr("Likely cause:")
        fix_title = self.tr("What to do:")
        self.cause_label.setText(
            f"<b>{_escape(cause_title)}</b> {_escape(parts.cause)}" if parts.cause else ""
        )
        self.cause_label.setVisible(bool(parts.cause))
        self.fix_label.setText(f"<b>{_escape(fix_title)}</b> {_escape(parts.fix)}" if parts.fix else "")
        self.fix_label.setVisible(bool(parts.fix))
        self.details_label.setText(
            _escape(self.tr("Error code: {code}. Log folder: {folder}")).format(
                code=_escape(parts.details), folder=_escape(str(log_dir()))
            )
        )
        self.setAccessibleName(parts.what)
        self.setAccessibleDescription(" ".join(p for p in (parts.cause, parts.fix) if p))
        self.setVisible(True)

    def clear(self) -> None:
        self.parts = None
        self.details_button.setChecked(False)
        self.setVisible(False)

    def _on_details_toggled(self, shown: bool) -> None:
        self.details_label.setVisible(shown)


class ErrorDialog(QDialog):
    """A page-level error (Microsoft: a dialog for errors at a commit): the same three parts."""

    def __init__(self, error: BaseException | ErrorParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Mailstage"))
        layout = QVBoxLayout(self)
        self.view = ErrorView(self, name="errorDialogView")
        self.view.show_error(error)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("errorDialogButtons")
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
