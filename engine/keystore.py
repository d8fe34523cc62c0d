"""Secrets live in the operating system's keyring and nowhere else.

Every secret that passes through here is also registered with `REDACTOR`, the logging filter that
blanks it out of every log record before anything is written.
"""

from __future__ import annotations

import logging
import threading

import keyring
import keyring.errors

from engine.errors import MailstageError, Severity

SERVICE = "Mailstage"
MASK = "********"


class SecretRedactor(logging.Filter):
    """A logging filter that replaces every known secret in a record's message with a mask."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def register(self, secret: str | None) -> None:
        # Very short values would mask ordinary words; no real password or token is that short.
        if secret and len(secret) >= 4:
            with self._lock:
                self._secrets.add(secret)

    def redact(self, text: str) -> str:
        """TEXT with every registered secret masked."""
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            # Formatting the traceback later would bypass us: render and redact it now.
            formatter = logging.Formatter()
            redacted += "\n" + self.redact(formatter.formatException(record.exc_info))
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = redacted, None
        return True


REDACTOR = SecretRedactor()


def _unavailable(exc: Exception) -> MailstageError:
    return MailstageError(
        "keyring.unavailable",
        "Mailstage cannot reach the system's password store (keyring).",
        f"The keyring reported: {type(exc).__name__}.",
        "On Windows, Credential Manager must be available to your account; on Linux, start a "
        "Secret Service such as GNOME Keyring or KWallet. Mailstage never stores passwords in files.",
        severity=Severity.BATCH,
    )


class SecretStore:
    """Read and write secrets in the keyring under the service name "Mailstage".

    Keys are namespaced by what they belong to, e.g. ``endpoint:source`` or
    ``mailbox:source:alice@example.com``.
    """

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def put(self, key: str, secret: str) -> None:
        REDACTOR.register(secret)
        try:
            keyring.set_password(self.service, key, secret)
        except keyring.errors.KeyringError as exc:
            raise _unavailable(exc) from None

    def get(self, key: str) -> str | None:
        try:
            secret = keyring.get_password(self.service, key)
        except keyring.errors.KeyringError as exc:
            raise _unavailable(exc) from None
        REDACTOR.register(secret)
        return secret

    def delete(self, key: str) -> None:
        try:
            keyring.delete_password(self.service, key)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise _unavailable(exc) from None

    @staticmethod
    def backend_name() -> str:
        """The active keyring backend's class name (shown by self-tests and diagnostics)."""
        return type(keyring.get_keyring()).__name__

    @staticmethod
    def backend_usable() -> bool:
        """False when keyring found no backend (its 'fail' keyring) or a plain-text one."""
        backend = keyring.get_keyring()
        name = type(backend).__module__ + "." + type(backend).__name__
        return not name.startswith(("keyring.backends.fail", "keyrings.alt"))
