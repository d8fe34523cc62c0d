"""Opening sessions for the checks that log in, through the copy engine's connectors.

The checks only read: a source session never changes the mailbox (the connector enforces it), and the
checks open target sessions only to log in and look. `SessionSlots` keeps the per-mailbox checks from
opening more sessions to one server at once than it allows (the connection-limit check narrows it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from engine.connectors import Account, Connector, open_connector
from engine.endpoints import Endpoint, EndpointKind
from engine.errors import MailstageError, Severity
from engine.keystore import SecretStore
from engine.text import T

# The per-mailbox checks open at most this many sessions per server at once (less after the
# connection-limit check found fewer possible).
DEFAULT_SLOTS = 4


def probe_address(endpoint: Endpoint, mailboxes: list[str]) -> str | None:
    """The mailbox the server checks log in to: the first listed one; with an admin account and no
    list, the admin's own (None: there is nothing to log in with)."""
    if mailboxes:
        return mailboxes[0]
    if endpoint.admin_user:
        return endpoint.admin_user
    return None


def account_for(endpoint: Endpoint, address: str, login: str = "") -> Account:
    """The account a check logs in with (LOGIN: the list's user name when it differs from the
    address). The admin's own mailbox (no list) is opened as itself."""
    if endpoint.admin_user and address == endpoint.admin_user:
        own = endpoint.with_changes(admin_user="")
        key = endpoint.secret_key()

        def admin_password() -> str:
            secret = SecretStore().get(key)
            if not secret:
                raise MailstageError(
                    "auth.no_password",
                    T(
                        "There is no password for the admin account {admin} of endpoint {name}.",
                        admin=endpoint.admin_user,
                        name=endpoint.name,
                    ),
                    T("The password was never entered, or it was removed from the system's password store."),
                    T(
                        "Enter it again: mailstage-cli endpoint add {name} ... --password-stdin.",
                        name=endpoint.name,
                    ),
                    severity=Severity.BATCH,
                )
            return secret

        return Account(own, address, password=admin_password)
    if endpoint.kind is EndpointKind.M365:
        from engine.m365.connect import mailbox_token

        return Account(endpoint, address, token=mailbox_token(endpoint, address))
    return Account(endpoint, address, username=login)


@contextmanager
def open_session(
    endpoint: Endpoint, address: str, role: str, *, timeout: float, cancel: threading.Event, login: str = ""
) -> Iterator[Connector]:
    """An open, logged-in session for ADDRESS on ENDPOINT, closed on leaving (raises MailstageError
    when it cannot be opened). Goes through the copy engine's `open_connector`, so the checks see
    exactly what the copy will see."""
    with open_connector(
        account_for(endpoint, address, login), role=role, cancel=cancel, timeout=timeout
    ) as session:
        yield session


def capabilities_of(session: Connector) -> set[str]:
    """The capabilities an IMAP session announced (empty for other kinds)."""
    return set(getattr(session, "capabilities", set()))


class SessionSlots:
    """A cap on the sessions the per-mailbox checks hold to one server at once."""

    def __init__(self, limit: int = DEFAULT_SLOTS) -> None:
        self._limit = max(1, limit)
        self._open = 0
        self._cond = threading.Condition()

    @property
    def limit(self) -> int:
        with self._cond:
            return self._limit

    def narrow(self, limit: int) -> None:
        """Never more than LIMIT at once from now on (the server allows no more)."""
        with self._cond:
            self._limit = max(1, min(self._limit, limit))

    @contextmanager
    def slot(self, timeout: float, cancel: threading.Event) -> Iterator[None]:
        """Wait (at most TIMEOUT, or until CANCEL) for a free slot and hold it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._open >= self._limit:
                left = deadline - time.monotonic()
                if left <= 0 or cancel.is_set():
                    raise MailstageError(
                        "check.no_session_slot",
                        T("The check waited too long for a free connection to the server."),
                        T("Other checks held every connection the server allows."),
                        T(
                            "Run the checks again with fewer mailboxes, or raise the server's connection limit."
                        ),
                    )
                # Short waits so a cancel is noticed while others hold the slots.
                self._cond.wait(min(left, 0.2))
            self._open += 1
        try:
            yield
        finally:
            with self._cond:
                self._open -= 1
                self._cond.notify()
