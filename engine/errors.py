"""Errors for people: a stable code, its parameters, a severity, and three parts to show.

The engine raises `MailstageError` (or a subclass) for every failure an administrator can act on.
The GUI and the CLI show `what`, `cause` and `fix`; the traceback goes to the log only.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """What a failure takes down with it."""

    ITEM = "item"  # one message is skipped; the folder goes on
    FOLDER = "folder"  # one folder is skipped; the mailbox goes on
    MAILBOX = "mailbox"  # one mailbox fails; the batch goes on
    BATCH = "batch"  # nothing can go on (bad input, unreachable endpoint)


class MailstageError(Exception):
    """A failure explained: what happened, the likely cause, what to do.

    `code` is stable (used by tests, reports and translations); `params` fill the texts. The texts
    never contain a secret: callers pass addresses and host names, never passwords or tokens.
    """

    def __init__(
        self,
        code: str,
        what: str,
        cause: str = "",
        fix: str = "",
        *,
        severity: Severity = Severity.MAILBOX,
        transient: bool = False,
        **params: Any,
    ) -> None:
        super().__init__(what)
        self.code = code
        self.what = what
        self.cause = cause
        self.fix = fix
        self.severity = severity
        self.transient = transient
        self.params = params

    def __str__(self) -> str:
        return " ".join(part for part in (self.what, self.cause, self.fix) if part)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly form for `--json` output and the GUI bridge."""
        return {
            "code": self.code,
            "what": self.what,
            "cause": self.cause,
            "fix": self.fix,
            "severity": str(self.severity),
        }


class BadInput(MailstageError):
    """Input the administrator gave (a file, a URL, an option) cannot be used as it is."""

    def __init__(self, code: str, what: str, cause: str = "", fix: str = "", **params: Any) -> None:
        super().__init__(code, what, cause, fix, severity=Severity.BATCH, **params)
