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
from engine.text import T

SERVICE = "Mailstage"
MASK = "********"


class SecretRedactor(logging.Filter):
    """A logging filter that replaces every known secret in a record's message with a mask.

    Secrets are indexed by their first four characters, so masking costs one pass over the text
    however many secrets are known (a list of 50,000 mailboxes registers 50,000 passwords).
    """

    PREFIX = 4

    def __init__(self) -> None:
        super().__init__()
        self._by_prefix: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def register(self, secret: str | None) -> None:
        # Very short values would mask ordinary words; no real password or token is that short.
        if not secret or len(secret) < self.PREFIX:
            return
        with self._lock:
            bucket = self._by_prefix.setdefault(secret[: self.PREFIX], [])
            if secret not in bucket:
                bucket.append(secret)
                bucket.sort(key=len, reverse=True)  # the longest match wins

    def redact(self, text: str) -> str:
        """TEXT with every registered secret masked."""
        with self._lock:
            if not self._by_prefix:
                return text
            index = dict(self._by_prefix)
        out: list[str] = []
        i, plain_from, end = 0, 0, len(text)
        while i <= end - self.PREFIX:
            bucket = index.get(text[i : i + self.PREFIX])
            match = next((s for s in bucket if text.startswith(s, i)), None) if bucket else None
            if match is None:
                i += 1
                continue
            out.append(text[plain_from:i])
            out.append(MASK)
            i += len(match)
            plain_from = i
        if not out:
            return text
        out.append(text[plain_from:])
        return "".join(out)

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
        T("Mailstage cannot reach the system's password store (keyring)."),
        T("The keyring reported: {name}.", name=type(exc).__name__),
        T(
            "On Windows, Credential Manager must be available to your account; on Linux, start a "
            "Secret Service such as GNOME Keyring or KWallet. Mailstage never stores passwords in files."
        ),
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
