"""What the copy reports while it runs, and what it returns: plain frozen dataclasses.

The copy calls a callback with these events from its own thread; the GUI turns them into Qt signals,
the command line prints them. Counters in events are per mailbox and cumulative, so a listener can
show the latest one without adding anything up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from engine.errors import MailstageError, Severity


@dataclass(frozen=True)
class SkippedItem:
    """A message not copied, as the report lists it: folder, date, subject, size and why."""

    folder: str
    uid: int
    date: str
    subject: str
    size: int
    code: str  # item.too_large, item.refused
    reason: str


@dataclass(frozen=True)
class ErrorInfo:
    """A failure in an administrator's words, with its stable code (from MailstageError)."""

    code: str
    what: str
    cause: str
    fix: str
    severity: str
    transient: bool

    @classmethod
    def from_error(cls, error: MailstageError) -> ErrorInfo:
        return cls(error.code, error.what, error.cause, error.fix, str(error.severity), error.transient)

    def as_error(self) -> MailstageError:
        return MailstageError(
            self.code,
            self.what,
            self.cause,
            self.fix,
            severity=Severity(self.severity),
            transient=self.transient,
        )

    def __str__(self) -> str:
        return " ".join(p for p in (self.what, self.cause, self.fix) if p)


class MailboxStatus(StrEnum):
    SYNCED = "synced"  # everything copied (items may have been skipped: see `skipped`)
    FAILED = "failed"
    STOPPED = "stopped"  # cancelled; what was copied stays recorded


@dataclass(frozen=True)
class Event:
    """Base of all events: the mailbox (source address) it is about."""

    mailbox: str


@dataclass(frozen=True)
class MailboxStarted(Event):
    attempt: int


@dataclass(frozen=True)
class MailboxPlanned(Event):
    """Known after listing the source, before copying: what this run will do (for the ETA). After a
    retry it comes again, its totals including what earlier attempts of the run already copied."""

    folders: int
    source_messages: int  # in the folders that are copied
    messages_to_copy: int
    bytes_to_copy: int
    flag_updates: int


@dataclass(frozen=True)
class FolderLeftOut(Event):
    folder: str
    reason: str  # non_mail, public, other_users, virtual, excluded
    explanation: str


@dataclass(frozen=True)
class FolderStarted(Event):
    folder: str
    target_folder: str
    messages_to_copy: int
    bytes_to_copy: int


@dataclass(frozen=True)
class MessagesCopied(Event):
    """Progress: cumulative for the mailbox in this run, across retries (it never goes back)."""

    folder: str
    messages_done: int
    bytes_done: int
    messages_to_copy: int
    bytes_to_copy: int


@dataclass(frozen=True)
class MessagesRecognised(Event):
    """Messages found already on the target (after an interruption, or a lost state): not copied again."""

    folder: str
    count: int


@dataclass(frozen=True)
class ItemSkipped(Event):
    item: SkippedItem


@dataclass(frozen=True)
class FlagsUpdated(Event):
    folder: str
    count: int


@dataclass(frozen=True)
class FolderFinished(Event):
    folder: str
    copied: int
    recognised: int
    skipped: int
    flags_updated: int


@dataclass(frozen=True)
class FolderFailed(Event):
    """A folder the server would not open, list or create: skipped, the other folders go on."""

    folder: str
    error: ErrorInfo


@dataclass(frozen=True)
class Waiting(Event):
    """A transient problem (connection dropped, server busy): the copy waits, then resumes."""

    attempt: int
    seconds: float
    error: ErrorInfo


@dataclass(frozen=True)
class FolderResult:
    source_folder: str
    target_folder: str
    copied: int
    recognised: int
    skipped: int
    flags_updated: int


@dataclass(frozen=True)
class FolderFailure:
    folder: str
    error: ErrorInfo


@dataclass(frozen=True)
class LeftOut:
    folder: str
    reason: str
    explanation: str


@dataclass(frozen=True)
class MailboxResult:
    """What one run of one mailbox did. `skipped` lists every message of the mailbox currently left
    out (this run's and earlier runs'); `error` is set when the status is FAILED: the whole mailbox
    failed, or some folders did (`failed_folders`) while the others were copied."""

    mailbox: str
    target_mailbox: str
    status: MailboxStatus
    copied: int
    bytes_copied: int
    recognised: int
    flags_updated: int
    skipped: tuple[SkippedItem, ...]
    left_out: tuple[LeftOut, ...]
    folders: tuple[FolderResult, ...]
    source_messages: int
    bare_lf_fixed: int
    keywords_dropped: int
    attempts: int
    seconds: float
    error: ErrorInfo | None = None
    failed_folders: tuple[FolderFailure, ...] = ()


@dataclass(frozen=True)
class MailboxFinished(Event):
    result: MailboxResult
