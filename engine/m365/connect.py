"""Exchange Online's rules on top of the IMAP connector: how Mailstage opens and writes an m365 mailbox.

`open_exchange_online(account, role=...)` has the signature of `engine.connectors.open_connector` and
yields a connector (the `Connector` protocol) that:

- logs in as the mailbox (XOAUTH2, `user=` the address) with a token valid at that moment (the
  provider is asked before each connect), then SELECTs INBOX at once: Exchange Online says OK to
  AUTHENTICATE even when the app may not open the mailbox, and only the next command says "User is
  authenticated but not connected" - that becomes `m365.no_full_access` with the exact
  Add-MailboxPermission line; a refused AUTHENTICATE with a valid token becomes `m365.mailbox_refused`
  (mailbox missing: directory synchronisation not done), after one more try when the token had
  under a minute left (it may have run out on its way);
- skips a message over the mailbox's size limit (the endpoint's, else Exchange's default 35 MB) without
  sending it, and reports it with the Set-Mailbox -MaxReceiveSize fix; Exchange's own "Maximum size of
  appendable message has been exceeded" gets the same words;
- on `BAD Request is throttled. Suggested Backoff Time: N milliseconds` waits N ms (capped, reported as
  `MailboxWaiting`, ended by a stop), then raises a transient error so the copy reconnects - with a
  fresh token - and resumes where it stopped;
- never creates the reserved top-level folder `Files`: it becomes `Files (migrated)`.

Special folders are matched by SPECIAL-USE on the target (Exchange names them in the mailbox's
language); that is the copy's folder mapping, which reads the target's LIST attributes per mailbox.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, TypeVar

from engine.connectors.base import (
    Account,
    AppendOutcome,
    ConnectionGate,
    Features,
    FetchedMessage,
    FlagChange,
    FolderInfo,
    FolderListing,
    FolderStatus,
    HeaderInfo,
    ListingRequest,
    OutgoingMessage,
    TargetFolder,
    UnlimitedGate,
)
from engine.connectors.body import DEFAULT_SPOOL_THRESHOLD
from engine.connectors.imap import SPECIAL_USE_ATTRIBUTES, ImapConnector
from engine.connectors.imap_wire import ConnectionLost, ProtocolError
from engine.endpoints import Endpoint, EndpointKind
from engine.errors import MailstageError, Severity
from engine.folders import FolderRule, RuleAction
from engine.m365 import errors as m365_errors
from engine.m365.events import EventSink, MailboxWaiting, ignore
from engine.m365.tokens import AccessToken, M365Settings, MailboxToken, TokenProvider, token_provider_for
from engine.text import T

# A token with less life than this when it was sent may have expired before the server checked it.
TOKEN_IN_TRANSIT_MARGIN = 60.0

# Exchange Online's limits as Mailstage applies them (exchange-online.md section 5).
DEFAULT_SIZE_LIMIT = 35 * 1024 * 1024  # a mailbox's default MaxReceiveSize; an admin can raise it to 150 MB
MAX_CONNECTIONS_PER_MAILBOX = (
    4  # Exchange allows more (16-20 reported); far below that, never throttled for it
)
THROTTLE_WAIT_CAP = 300.0  # seconds: Exchange suggests up to about five minutes
RESERVED_FOLDER = "Files"
RESERVED_FOLDER_RENAMED = "Files (migrated)"

Result = TypeVar("Result")


def exchange_folder_rules() -> tuple[FolderRule, ...]:
    """Folder rules every copy into Exchange Online gets: the reserved `Files` folder is renamed."""
    return (FolderRule(RuleAction.RENAME, RESERVED_FOLDER, RESERVED_FOLDER_RENAMED),)


def size_limit_of(endpoint: Endpoint) -> int:
    """The largest message the endpoint's mailboxes take, in bytes."""
    return endpoint.size_limit or DEFAULT_SIZE_LIMIT


def _words(account: Account, provider: TokenProvider | None) -> m365_errors.Tenant:
    if provider is not None:
        return provider.settings.tenant_words(provider.account() or "")
    return M365Settings.from_endpoint(account.endpoint).tenant_words()


def _said(error: MailstageError) -> str:
    return " ".join((error.what, error.cause))


class ExchangeOnlineConnector:
    """The Connector protocol over an open ImapConnector, with Exchange Online's rules applied."""

    def __init__(
        self,
        inner: ImapConnector,
        *,
        words: m365_errors.Tenant,
        size_limit: int,
        cancel: threading.Event,
        on_event: EventSink = ignore,
        throttle_cap: float = THROTTLE_WAIT_CAP,
    ) -> None:
        self.inner = inner
        self.account = inner.account
        self.words = words
        self.size_limit = size_limit
        self.cancel = cancel
        self.on_event = on_event
        self.throttle_cap = throttle_cap

    @property
    def features(self) -> Features:
        return self.inner.features

    @property
    def separator(self) -> str:
        return self.inner.separator

    @property
    def capabilities(self) -> set[str]:
        return self.inner.capabilities

    # -- errors ----------------------------------------------------------------------------------

    def _translate(self, error: MailstageError) -> MailstageError:
        text = _said(error)
        address = self.account.address
        if m365_errors.is_not_connected(text):
            return m365_errors.not_connected(address, self.words)
        backoff = m365_errors.throttle_backoff_ms(text)
        if backoff is not None:
            wait = min(backoff / 1000.0, self.throttle_cap)
            self.on_event(
                MailboxWaiting(
                    address,
                    wait,
                    T("Exchange Online asked to slow down ({backoff} ms suggested)", backoff=backoff),
                )
            )
            stopped = self.cancel.wait(wait)
            throttled = m365_errors.throttled_imap(address, backoff, wait)
            if stopped:
                return MailstageError(
                    "copy.cancelled", T("The copy was stopped."), severity=Severity.MAILBOX, mailbox=address
                )
            return throttled
        return error

    def _guard(self, call: Callable[[], Result]) -> Result:
        try:
            return call()
        except MailstageError as error:
            translated = self._translate(error)
            if translated is error:
                raise
            raise translated from None

    # -- reading ---------------------------------------------------------------------------------

    def list_folders(self) -> list[FolderInfo]:
        folders: list[FolderInfo] = self._guard(self.inner.list_folders)
        if self.inner.features.special_use:
            return folders
        # Exchange Online marks \Sent, \Trash... in its LIST answers without announcing SPECIAL-USE,
        # and the IMAP connector drops such marks from servers that do not announce it. Read them
        # again from a plain LIST so the special folders are matched by role, whatever their language.
        marks = self._guard(self._special_use_marks)
        return [
            replace(folder, attributes=folder.attributes | marks.get(folder.name, frozenset()))
            for folder in folders
        ]

    def _special_use_marks(self) -> dict[str, frozenset[str]]:
        wire = self.inner._wire_or_fail()  # the connector's own session (see list_folders)
        try:
            completion = wire.run([b"LIST", b'""', b'"*"'])
        except (ConnectionLost, ProtocolError) as exc:
            raise self.inner._lost(exc) from None
        marks: dict[str, frozenset[str]] = {}
        for response in completion.responses(b"LIST") if completion.ok else []:
            if len(response.data) < 3 or not isinstance(response.data[0], list):
                continue
            found = (
                frozenset(
                    a.decode("ascii", "replace").lower() for a in response.data[0] if isinstance(a, bytes)
                )
                & SPECIAL_USE_ATTRIBUTES
            )
            if found:
                marks[self.inner._decode_name(response.data[2])] = found
        return marks

    def status(self, folders: Sequence[str]) -> dict[str, FolderStatus | None]:
        result: dict[str, FolderStatus | None] = self._guard(lambda: self.inner.status(folders))
        return result

    def list_messages(self, requests: Sequence[ListingRequest]) -> dict[str, FolderListing]:
        result: dict[str, FolderListing] = self._guard(lambda: self.inner.list_messages(requests))
        return result

    def fetch_headers(self, folder: str, uids: Sequence[int] | None, since_uid: int = 0) -> list[HeaderInfo]:
        result: list[HeaderInfo] = self._guard(lambda: self.inner.fetch_headers(folder, uids, since_uid))
        return result

    def fetch_messages(self, folder: str, uids: Sequence[int]) -> Iterator[FetchedMessage]:
        result: Iterator[FetchedMessage] = self._guard(lambda: self.inner.fetch_messages(folder, uids))
        return result

    def request_messages(self, folder: str, uids: Sequence[int]) -> Any:
        return self._guard(lambda: self.inner.request_messages(folder, uids))

    def collect_messages(self, pending: Any) -> list[FetchedMessage]:
        result: list[FetchedMessage] = self._guard(lambda: self.inner.collect_messages(pending))
        return result

    # -- writing ---------------------------------------------------------------------------------

    @staticmethod
    def _allowed_path(path: tuple[str, ...]) -> tuple[str, ...]:
        if path and path[0].casefold() == RESERVED_FOLDER.casefold():
            # Exchange Online refuses to create it ("Folder name is reserved").
            return (RESERVED_FOLDER_RENAMED, *path[1:])
        return path

    def ensure_folder(self, path: tuple[str, ...]) -> str:
        result: str = self._guard(lambda: self.inner.ensure_folder(self._allowed_path(path)))
        return result

    def ensure_folders(self, paths: Sequence[tuple[str, ...]]) -> list[str]:
        allowed = [self._allowed_path(path) for path in paths]
        result: list[str] = self._guard(lambda: self.inner.ensure_folders(allowed))
        return result

    def open_folder(self, name: str) -> TargetFolder:
        result: TargetFolder = self._guard(lambda: self.inner.open_folder(name))
        return result

    def append(self, folder: TargetFolder, messages: Sequence[OutgoingMessage]) -> list[AppendOutcome]:
        outcomes: list[AppendOutcome | None] = [None] * len(messages)
        to_send: list[int] = []
        for index, message in enumerate(messages):
            if self.size_limit and message.body.size > self.size_limit:
                outcomes[index] = self._too_large(folder, message)
            else:
                to_send.append(index)
        if to_send:
            sent: list[AppendOutcome] = self._guard(
                lambda: self.inner.append(folder, [messages[i] for i in to_send])
            )
            for index, outcome in zip(to_send, sent, strict=True):
                if not outcome.ok and m365_errors.is_oversize(outcome.reason):
                    outcome = self._too_large(folder, messages[index])
                outcomes[index] = outcome
        return [o for o in outcomes if o is not None]

    def _too_large(self, folder: TargetFolder, message: OutgoingMessage) -> AppendOutcome:
        error = m365_errors.oversize(self.account.address, folder.name, message.body.size, self.size_limit)
        # The copy reports "The target refused the message: REASON (CODE)."; the fix is in REASON.
        return AppendOutcome(False, None, error.code, T("{what} {fix}", what=error.what, fix=error.fix))

    def store_flags(self, folder: TargetFolder, changes: Sequence[FlagChange]) -> None:
        self._guard(lambda: self.inner.store_flags(folder, changes))

    def close(self) -> None:
        self.inner.close()


def confirm_access(connector: ImapConnector, role: str, words: m365_errors.Tenant) -> None:
    """SELECT (or, read-only, STATUS) INBOX right after login: only this shows whether Exchange Online
    lets the app into the mailbox."""
    address = connector.account.address
    try:
        if role == "target":
            connector.open_folder("INBOX")
        else:
            connector.status(["INBOX"])
    except MailstageError as error:
        if m365_errors.is_not_connected(_said(error)):
            raise m365_errors.not_connected(address, words) from None
        raise


@contextmanager
def open_exchange_online(
    account: Account,
    *,
    role: str,
    gate: ConnectionGate | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 120.0,
    spool_threshold: int = DEFAULT_SPOOL_THRESHOLD,
    ignore_capabilities: frozenset[str] = frozenset(),
    provider: TokenProvider | None = None,
    on_event: EventSink | None = None,
) -> Iterator[ExchangeOnlineConnector]:
    """An open, access-confirmed connector to an m365 mailbox (see the module docstring).

    ACCOUNT.token is used when set; otherwise PROVIDER's (or a new provider for the endpoint).
    """
    endpoint = account.endpoint
    if endpoint.kind is not EndpointKind.M365:
        raise ValueError("open_exchange_online is for m365 endpoints")
    stop = cancel or threading.Event()
    if account.token is None:
        provider = provider or token_provider_for(endpoint, cancel=stop)
        account = replace(account, token=provider.for_mailbox(account.address))
    elif provider is None and isinstance(account.token, MailboxToken):
        provider = account.token.provider
    words = _words(account, provider)
    handed_out: list[AccessToken] = []
    if provider is not None and isinstance(account.token, MailboxToken):
        # Remember each token's expiry, to tell a refused mailbox from a token that ran out.
        def fetch(source: TokenProvider = provider) -> str:
            handed_out.append(source.token())
            return handed_out[-1].value

        account = replace(account, token=fetch)

    def connector() -> ImapConnector:
        return ImapConnector(
            account,
            gate=gate or UnlimitedGate(),
            cancel=stop,
            role=role,
            timeout=timeout,
            spool_threshold=spool_threshold,
            ignore_capabilities=ignore_capabilities,
        )

    inner = connector()
    try:
        try:
            inner.open()
        except MailstageError as error:
            short_lived = handed_out and handed_out[-1].expires_at < time.time() + TOKEN_IN_TRANSIT_MARGIN
            if error.code != "imap.login_failed" or not short_lived:
                raise
            # The provider hands out tokens msal thinks valid and checks their permission, so a
            # refusal is about this mailbox - unless the token had so little life left that it may
            # have run out on its way (msal renews a token with under five minutes left; one with
            # under a minute is from a token service that issues short ones). One more try, with
            # the new token msal will fetch, tells the two apart before the mailbox is called refused.
            inner = connector()
            inner.open()
    except MailstageError as error:
        if error.code == "imap.login_failed":
            said = error.cause.split("The server said:", 1)[-1]
            raise m365_errors.mailbox_refused(account.address, words, said) from None
        raise
    try:
        confirm_access(inner, role, words)
        sink = on_event or (provider.on_event if provider is not None else ignore)
        yield ExchangeOnlineConnector(
            inner, words=words, size_limit=size_limit_of(endpoint), cancel=stop, on_event=sink
        )
    finally:
        inner.close()


def m365_account(endpoint: Endpoint, address: str, provider: TokenProvider) -> Account:
    """The Account the copy and the checks use for ADDRESS on an m365 ENDPOINT: logs in as the
    mailbox itself, with PROVIDER's token fetched at each (re)connect."""
    return Account(endpoint, address, token=provider.for_mailbox(address))


class M365TokenSource:
    """The batch runner's `token_for(endpoint, address)`: a token callable for m365 endpoints (one
    shared provider per endpoint for the whole run), None for every other kind."""

    def __init__(self, *, on_event: EventSink = ignore, cancel: threading.Event | None = None) -> None:
        self.on_event = on_event
        self.cancel = cancel
        self._providers: dict[str, TokenProvider] = {}
        self._lock = threading.Lock()

    def provider(self, endpoint: Endpoint) -> TokenProvider:
        with self._lock:
            provider = self._providers.get(endpoint.name)
            if provider is None:
                provider = token_provider_for(endpoint, on_event=self.on_event, cancel=self.cancel)
                self._providers[endpoint.name] = provider
            return provider

    def __call__(self, endpoint: Endpoint, address: str) -> MailboxToken | None:
        if endpoint.kind is not EndpointKind.M365:
            return None
        return self.provider(endpoint).for_mailbox(address)


_process_tokens = M365TokenSource()


def mailbox_token(endpoint: Endpoint, address: str) -> MailboxToken:
    """A token callable for ADDRESS on an m365 ENDPOINT from a provider shared by the whole process
    (for code that builds Accounts outside a batch run: checks, verification)."""
    token = _process_tokens(endpoint, address)
    if token is None:
        raise ValueError("mailbox_token is for m365 endpoints")
    return token
