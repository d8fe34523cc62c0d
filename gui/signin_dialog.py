"""Device-code sign-in to Microsoft 365: Microsoft's page and code in a dialog while the engine waits.

`DeviceSignIn` runs `TokenProvider.sign_in` on the bridge's pool. The engine hands the page and the
code (a `DeviceCodePrompt`) to its `show` callback on the worker thread; that callback is the task's
`state.emit`, so the prompt reaches the dialog on the main thread with the task's other events.
Cancel sets the task's stop event: the engine ends its wait at once and whatever it still delivers is
dropped, so a cancel never shows an error.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.endpoints import Endpoint
from engine.keystore import SecretStore
from engine.m365.events import DeviceCodePrompt, TokenServiceWaiting
from engine.m365.http import Cancelled
from gui.bridge import Task, TaskRunner, TaskState


class SignInDialog(QDialog):
    """Shows where to sign in and the code to enter, with the time left; Cancel stops the wait.

    Until the engine has Microsoft's code the dialog says it is asking for one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to Microsoft 365"))
        self.setAccessibleName(self.tr("Sign in to Microsoft 365"))
        self.prompt: DeviceCodePrompt | None = None
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(self.tr("Asking Microsoft for a sign-in code..."))
        self.intro_label.setObjectName("signInIntroLabel")
        self.intro_label.setAccessibleName(self.tr("What to do"))
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.link_label = QLabel()
        self.link_label.setObjectName("signInLinkLabel")
        self.link_label.setAccessibleName(self.tr("Sign-in page"))
        self.link_label.setTextFormat(Qt.TextFormat.RichText)
        self.link_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.link_label.setOpenExternalLinks(False)  # opened below, so a test can see which address
        self.link_label.linkActivated.connect(self.open_page)
        layout.addWidget(self.link_label)
        code_row = QHBoxLayout()
        self.code_label = QLabel()
        self.code_label.setObjectName("signInCodeLabel")
        self.code_label.setAccessibleName(self.tr("Sign-in code"))
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = QFont(self.code_label.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code_label.setFont(font)
        self.copy_button = QPushButton(self.tr("&Copy code"))
        self.copy_button.setObjectName("signInCopyButton")
        self.copy_button.setAccessibleName(self.tr("Copy the sign-in code"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_code)
        code_row.addWidget(self.code_label, 1)
        code_row.addWidget(self.copy_button)
        layout.addLayout(code_row)
        self.time_label = QLabel()
        self.time_label.setObjectName("signInTimeLabel")
        self.time_label.setAccessibleName(self.tr("Time left"))
        layout.addWidget(self.time_label)
        self.wait_label = QLabel()
        self.wait_label.setObjectName("signInWaitLabel")
        self.wait_label.setAccessibleName(self.tr("Waiting for Microsoft"))
        self.wait_label.setWordWrap(True)
        layout.addWidget(self.wait_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("signInCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel the sign-in"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._show_time_left)

    def show_prompt(self, prompt: DeviceCodePrompt) -> None:
        """Show Microsoft's page and code (main thread)."""
        self.prompt = prompt
        self.intro_label.setText(
            self.tr(
                "Open this page in a browser, enter the code below and sign in as an administrator of the "
                "tenant. Mailstage continues by itself once you have signed in."
            )
        )
        uri = prompt.verification_uri.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        self.link_label.setText(f'<a href="{uri}">{uri}</a>')
        self.code_label.setText(prompt.user_code)
        self.copy_button.setEnabled(True)
        self.copy_button.setDefault(True)
        self._show_time_left()
        self.timer.start()

    def show_waiting(self, event: TokenServiceWaiting) -> None:
        self.wait_label.setText(
            self.tr("Microsoft's sign-in service asked Mailstage to wait {seconds} s.").format(
                seconds=f"{event.seconds:.0f}"
            )
        )

    def seconds_left(self) -> int:
        if self.prompt is None:
            return 0
        return max(0, int(self.prompt.expires_at - time.time()))

    def _show_time_left(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self.time_label.setText(self.tr("The code has expired."))
            self.timer.stop()
        else:
            self.time_label.setText(
                self.tr("Time left to sign in: {minutes}:{seconds}").format(
                    minutes=left // 60, seconds=f"{left % 60:02d}"
                )
            )

    def open_page(self, url: str = "") -> None:
        target = url or (self.prompt.verification_uri if self.prompt else "")
        if target:
            QDesktopServices.openUrl(QUrl(target))

    def copy_code(self) -> None:
        if self.prompt is not None:
            QGuiApplication.clipboard().setText(self.prompt.user_code)

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)


class DeviceSignIn(QObject):
    """One device-code sign-in of ENDPOINT: starts the engine's wait and shows the dialog.

    Signals:
        signedIn(str): the account that signed in.
        failed(object): a refusal, an expired code or another error (an exception with three parts).
        cancelled(): the admin pressed Cancel; not an error.
    """

    signedIn = Signal(str)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        endpoint: Endpoint,
        secrets: SecretStore,
        parent: QWidget | None = None,
        *,
        authority: str = "",
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.endpoint = replace(endpoint, authority=authority) if authority else endpoint
        self.secrets = secrets
        self.dialog = SignInDialog(parent)
        self.dialog.rejected.connect(self.cancel)
        self.task: Task | None = None

    def start(self) -> None:
        endpoint, secrets = self.endpoint, self.secrets

        def work(state: TaskState) -> str:
            from engine.m365.tokens import token_provider_for

            provider = token_provider_for(
                endpoint, secrets=secrets, on_event=state.emit, cancel=state.stop_event
            )
            return provider.sign_in(state.emit, cancel=state.stop_event)

        self.task = self.runner.run(
            work, on_done=self._on_done, on_error=self._on_error, on_events=self._on_events
        )
        self.dialog.open()  # window-modal, not a nested event loop: the bridge keeps delivering

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def cancel(self) -> None:
        """Stop waiting for the sign-in (Cancel, or the page going away)."""
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancelled.emit()
        if self.dialog.isVisible():
            self.dialog.done(QDialog.DialogCode.Rejected)

    def _on_events(self, events: list[object]) -> None:
        for event in events:
            if isinstance(event, DeviceCodePrompt):
                self.dialog.show_prompt(event)
            elif isinstance(event, TokenServiceWaiting):
                self.dialog.show_waiting(event)

    def _close_dialog(self) -> None:
        self.dialog.rejected.disconnect(self.cancel)
        self.dialog.done(QDialog.DialogCode.Accepted)

    def _on_done(self, account: str) -> None:
        self._close_dialog()
        self.signedIn.emit(account)

    def _on_error(self, error: BaseException) -> None:
        self._close_dialog()
        if isinstance(error, Cancelled):
            self.cancelled.emit()  # stopped from elsewhere (the engine's own stop): still not an error
            return
        self.failed.emit(error)
