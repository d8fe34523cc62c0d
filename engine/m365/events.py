"""What the Microsoft 365 parts report while they work: plain frozen dataclasses through a callback.

The GUI's bridge turns them into signals; the CLI prints them. Waiting is reported as waiting (with
how long), so a throttled copy never looks like a hang. None of them carries a secret or a token.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenServiceWaiting:
    """Microsoft's sign-in service asked us to wait (429 with Retry-After) or had trouble (5xx)."""

    endpoint: str
    seconds: float
    status: int  # the HTTP status that made us wait
    attempt: int  # 1 for the first wait of this request

    @property
    def text(self) -> str:
        why = "is busy (too many requests)" if self.status == 429 else f"had a problem (HTTP {self.status})"
        return f"Microsoft's sign-in service {why}; waiting {self.seconds:.0f} s before trying again."


@dataclass(frozen=True)
class DeviceCodePrompt:
    """What the person signing in must do: open the page and enter the code, before it expires."""

    endpoint: str
    verification_uri: str
    user_code: str
    expires_at: float  # time.time() value
    message: str  # Microsoft's own one-line instruction

    @property
    def text(self) -> str:
        return f"To sign in, open {self.verification_uri} in a browser and enter the code {self.user_code}."


@dataclass(frozen=True)
class CacheNotice:
    """The sign-in cache could not be encrypted on this computer; said once per cache file and process."""

    endpoint: str
    path: str
    text: str


@dataclass(frozen=True)
class MailboxWaiting:
    """Exchange Online throttled a mailbox's IMAP session; the copy waits, reconnects and resumes."""

    address: str
    seconds: float
    reason: str

    @property
    def text(self) -> str:
        return f"{self.address}: {self.reason}; waiting {self.seconds:.0f} s, then resuming."


M365Event = TokenServiceWaiting | DeviceCodePrompt | CacheNotice | MailboxWaiting
EventSink = Callable[[object], None]


def ignore(_event: object) -> None:
    """The default sink: nobody is listening."""
