"""What every connector offers, source and target alike, and the plain data it trades in.

A connector is one open session with one mailbox on one endpoint (an IMAP connection, or a Maildir
folder). The copy (engine/sync.py) talks only to this interface, so an IMAP server, a Maildir and
later other kinds are interchangeable on either side.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from engine.connectors.body import MessageBody
from engine.endpoints import Endpoint, mailbox_secret_key
from engine.errors import MailstageError, Severity
from engine.text import T

SecretProvider = Callable[[], str]


@dataclass(frozen=True)
class Account:
    """One mailbox on one endpoint, and where its credentials come from.

    `address` is the mailbox's e-mail address (the name it goes by in lists and reports). `username`
    is the login name when it differs (the IMAP list's UserName column). `password` and `token`
    are callables so that no secret is held longer than a login needs it: by default the password
    comes from the keyring (the endpoint's admin password when the endpoint has an admin account,
    otherwise the mailbox's own). `token` returns a fresh OAuth2 access token for XOAUTH2 and is
    called before each (re)connect. `root` is the mailbox's root in a shared folder tree (UserRoot).
    """

    endpoint: Endpoint
    address: str
    username: str = ""
    password: SecretProvider | None = None
    token: SecretProvider | None = None
    root: str = ""

    @property
    def login_name(self) -> str:
        return self.username or self.address

    def secret(self) -> str:
        """The password to log in with (the admin's when the endpoint has admin access)."""
        if self.password is not None:
            return self.password()
        # Imported here: keyring pulls in half the standard library, and a copy whose secrets come
        # from elsewhere (or a re-run that finds nothing to do before logging in) need not pay for it.
        from engine.keystore import SecretStore

        store = SecretStore()
        if self.endpoint.admin_user:
            key = self.endpoint.secret_key()
            what = T(
                "There is no password for the admin account {admin} of endpoint {name}.",
                admin=self.endpoint.admin_user,
                name=self.endpoint.name,
            )
        else:
            key = mailbox_secret_key(self.endpoint.name, self.address)
            what = T(
                "There is no password for the mailbox {address} on endpoint {name}.",
                address=self.address,
                name=self.endpoint.name,
            )
        secret = store.get(key)
        if not secret:
            raise MailstageError(
                "auth.no_password",
                what,
                T("The password was never entered, or it was removed from the system's password store."),
                T("Enter the password again (for the endpoint, or in the mailbox list) and retry."),
                severity=Severity.MAILBOX,
                mailbox=self.address,
            )
        return secret


@dataclass(frozen=True)
class Features:
    """What the other side offers that changes how we talk to it."""

    uidplus: bool = False  # APPENDUID: the target tells each appended message's UID
    multiappend: bool = False  # several messages in one APPEND
    literal_plus: bool = False  # literals without waiting for the server's go-ahead
    condstore: bool = False  # HIGHESTMODSEQ: a cheap "has anything changed?"
    special_use: bool = False  # \Sent, \Trash... on folders
    append_limit: int = 0  # APPENDLIMIT in bytes; 0 = not announced
    keeps_bytes: bool = True  # stores messages byte for byte (False: may rewrite them)
    needs_crlf: bool = True  # messages must have CRLF line ends (IMAP); a Maildir stores them as they are
    forbidden_in_names: str = ""  # characters one level of a folder name cannot hold (besides the separator)


class Namespace(StrEnum):
    PERSONAL = "personal"
    OTHER_USERS = "other"
    SHARED = "shared"  # public folders


@dataclass(frozen=True)
class FolderInfo:
    """A folder as the connector lists it.

    `name` is the server's full name (decoded to text, prefix included) and is what the other
    methods take. `path` is the folder's place in the personal tree: the name without the personal
    namespace prefix, split at the separator. `attributes` are lower-case (\\sent, \\noselect).
    """

    name: str
    path: tuple[str, ...]
    attributes: frozenset[str] = frozenset()
    namespace: Namespace = Namespace.PERSONAL

    @property
    def selectable(self) -> bool:
        return not ({"\\noselect", "\\nonexistent"} & self.attributes)


@dataclass(frozen=True)
class FolderStatus:
    """A folder's counters, as STATUS reports them without opening it."""

    uidvalidity: int
    uidnext: int
    messages: int
    highest_modseq: int | None = None


@dataclass(frozen=True)
class MessageInfo:
    """One message as listed: enough to plan, not its content."""

    uid: int
    flags: tuple[str, ...]  # sorted, without \Recent
    size: int
    internaldate: str  # IMAP date-time text: "07-Mar-2021 10:15:00 +0100"


@dataclass(frozen=True)
class ListingRequest:
    """What to list in one folder: messages above SINCE_UID with their details, and the flags of
    the messages up to SINCE_UID (all of them, or those changed since CHANGED_SINCE)."""

    folder: str
    since_uid: int = 0
    flags_of_known: bool = False
    changed_since: int | None = None


@dataclass(frozen=True)
class FolderListing:
    """The answer to a ListingRequest, taken at one moment."""

    folder: str
    uidvalidity: int
    uidnext: int
    exists: int
    highest_modseq: int | None
    new: tuple[MessageInfo, ...]
    known_flags: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class HeaderInfo:
    """A few header fields of one message (Message-ID, Date, From, To, Subject) with its size and date."""

    uid: int
    header: bytes
    size: int
    internaldate: str
    flags: tuple[str, ...] = ()


@dataclass
class FetchedMessage:
    """One message read from the source: its bytes (perhaps spooled), flags and INTERNALDATE."""

    uid: int
    flags: tuple[str, ...]
    internaldate: str
    body: MessageBody


@dataclass
class OutgoingMessage:
    """One message to append to the target."""

    body: MessageBody
    flags: tuple[str, ...]
    internaldate: str


@dataclass(frozen=True)
class AppendOutcome:
    """What the target said to one appended message: its UID when it told us, or why it refused."""

    ok: bool
    uid: int | None = None
    code: str = ""
    reason: str = ""


@dataclass(frozen=True)
class TargetFolder:
    """A target folder opened for writing."""

    name: str
    uidvalidity: int
    uidnext: int
    exists: int
    accepts_any_keyword: bool
    permanent_flags: frozenset[str]  # as the server spells them

    def accepts(self, flag: str) -> bool:
        if flag.startswith("\\"):
            return flag.lower() in {f.lower() for f in self.permanent_flags} or not self.permanent_flags
        return self.accepts_any_keyword or flag in self.permanent_flags


@dataclass(frozen=True)
class FlagChange:
    """Flags to add to and remove from target messages (one STORE each way)."""

    uids: tuple[int, ...]
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


class Connector(Protocol):
    """One open session with one mailbox. Methods raise MailstageError; transient ones (a dropped
    connection, a busy server) have `transient=True` and the copy reconnects and resumes."""

    account: Account

    # Read-only for callers (a wrapper such as Exchange Online's passes its inner connector's on).
    @property
    def features(self) -> Features: ...

    @property
    def separator(self) -> str: ...

    def list_folders(self) -> list[FolderInfo]: ...

    def status(self, folders: Sequence[str]) -> dict[str, FolderStatus | None]: ...

    def list_messages(self, requests: Sequence[ListingRequest]) -> dict[str, FolderListing]: ...

    def fetch_headers(self, folder: str, uids: Sequence[int] | None, since_uid: int = 0) -> list[HeaderInfo]:
        """Header fields of UIDS (or, when None, of every message above SINCE_UID)."""
        ...

    def fetch_messages(self, folder: str, uids: Sequence[int]) -> Iterator[FetchedMessage]: ...

    def request_messages(self, folder: str, uids: Sequence[int]) -> Any:
        """Start reading UIDS and return a handle at once (the source sends while the target works)."""
        ...

    def collect_messages(self, pending: Any) -> list[FetchedMessage]:
        """The messages of a request_messages handle, in UID order (those still there)."""
        ...

    def ensure_folder(self, path: tuple[str, ...]) -> str:
        """The full name of the folder at PATH in the personal tree, created (and subscribed) if missing."""
        ...

    def ensure_folders(self, paths: Sequence[tuple[str, ...]]) -> list[str]:
        """ensure_folder for many folders at once (one round trip on IMAP)."""
        ...

    def open_folder(self, name: str) -> TargetFolder: ...

    def append(self, folder: TargetFolder, messages: Sequence[OutgoingMessage]) -> list[AppendOutcome]: ...

    def store_flags(self, folder: TargetFolder, changes: Sequence[FlagChange]) -> None: ...

    def close(self) -> None: ...


class ConnectionGate(Protocol):
    """Caps the connections open at once per endpoint, across threads (the batch runner owns it).

    A connector calls `acquire` before it connects and `release` after it closes. `acquire` returns
    False when CANCEL was set while waiting.
    """

    def acquire(self, endpoint: Endpoint, cancel: threading.Event) -> bool: ...

    def release(self, endpoint: Endpoint) -> None: ...


class UnlimitedGate:
    """A gate that never makes anyone wait (a single copy, tests)."""

    def acquire(self, endpoint: Endpoint, cancel: threading.Event) -> bool:
        return not cancel.is_set()

    def release(self, endpoint: Endpoint) -> None:
        pass


class EndpointSemaphores:
    """A gate with one semaphore per endpoint, sized by the endpoint's `max_concurrent`."""

    def __init__(self, limit: Callable[[Endpoint], int] | None = None) -> None:
        self._limit = limit or (lambda endpoint: endpoint.max_concurrent)
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def _semaphore(self, endpoint: Endpoint) -> threading.BoundedSemaphore:
        with self._lock:
            if endpoint.name not in self._semaphores:
                self._semaphores[endpoint.name] = threading.BoundedSemaphore(max(1, self._limit(endpoint)))
            return self._semaphores[endpoint.name]

    def acquire(self, endpoint: Endpoint, cancel: threading.Event) -> bool:
        semaphore = self._semaphore(endpoint)
        while not cancel.is_set():
            if semaphore.acquire(timeout=0.2):
                return True
        return False

    def release(self, endpoint: Endpoint) -> None:
        self._semaphore(endpoint).release()
