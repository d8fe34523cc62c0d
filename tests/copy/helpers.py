"""Helpers for the copy tests: accounts on rig servers, and reading a mailbox back independently.

Mailboxes are read back with IMAPClient, not with the engine's own connector, so a bug in the
connector cannot hide itself in the check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ssl
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from imapclient import IMAPClient

from engine.connectors.base import Account
from engine.endpoints import Endpoint, EndpointKind, Security, mailbox_secret_key, secret_key
from engine.keystore import SecretStore
from tests.rig.dovecot import DovecotServer

_counter = 0


def unique_user(server: DovecotServer, prefix: str, **kwargs: object) -> tuple[str, str]:
    """A fresh user on SERVER: (address, password)."""
    global _counter
    _counter += 1
    name = f"{prefix}{_counter}-{uuid.uuid4().hex[:6]}@example.nl"  # unique across all test helpers
    password = f"pw-{prefix}-{_counter}-Geheim!"
    server.add_user(name, password, **kwargs)  # type: ignore[arg-type]
    return name, password


def imap_endpoint(
    server: DovecotServer, name: str, *, port: int | None = None, starttls: bool = False, **changes: object
) -> Endpoint:
    endpoint = Endpoint(
        name,
        EndpointKind.IMAP,
        host=server.host,
        port=port or (server.imap_port if starttls else server.imaps_port),
        security=Security.STARTTLS if starttls else Security.TLS,
    )
    return endpoint.with_changes(**changes) if changes else endpoint


def user_account(endpoint: Endpoint, address: str, password: str) -> Account:
    """An account whose own password is in the keyring, as the mailbox list puts it there."""
    SecretStore().put(mailbox_secret_key(endpoint.name, address), password)
    return Account(endpoint, address)


def admin_account(endpoint: Endpoint, address: str, admin_password: str) -> Account:
    """An account opened through the endpoint's admin account (its password in the keyring)."""
    SecretStore().put(secret_key(endpoint.name), admin_password)
    return Account(endpoint, address)


@dataclass(frozen=True, order=True)
class Stored:
    """One message as read back: the SHA-256 of its bytes, its flags and its INTERNALDATE."""

    sha256: str
    flags: tuple[str, ...]
    internaldate: dt.datetime


@contextmanager
def client(server: DovecotServer, login: str, password: str, context: ssl.SSLContext) -> Iterator[IMAPClient]:
    imap = IMAPClient(server.host, port=server.imaps_port, ssl_context=context, timeout=60)
    imap.normalise_times = False
    try:
        imap.login(login, password)
        yield imap
    finally:
        try:
            imap.logout()
        except Exception:  # already gone
            pass


def _folders(imap: IMAPClient) -> list[str]:
    return [name for flags, _, name in imap.list_folders() if b"\\Noselect" not in flags]


def read_mailbox(
    server: DovecotServer, login: str, password: str, context: ssl.SSLContext
) -> dict[str, Counter[Stored]]:
    """Every message of every folder, as a multiset per folder (empty folders included)."""
    out: dict[str, Counter[Stored]] = {}
    with client(server, login, password, context) as imap:
        for name in _folders(imap):
            imap.select_folder(name, readonly=True)
            uids = imap.search("ALL")
            found: Counter[Stored] = Counter()
            for start in range(0, len(uids), 100):
                chunk = uids[start : start + 100]
                for data in imap.fetch(chunk, ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"]).values():
                    flags = tuple(sorted(f.decode() for f in data[b"FLAGS"] if f.lower() != b"\\recent"))
                    found[
                        Stored(hashlib.sha256(data[b"BODY[]"]).hexdigest(), flags, data[b"INTERNALDATE"])
                    ] += 1
            out[name] = found
    return out


def folder_state(
    server: DovecotServer, login: str, password: str, context: ssl.SSLContext
) -> dict[str, tuple[int, int, dict[int, tuple[str, ...]]]]:
    """Per folder: UIDVALIDITY, HIGHESTMODSEQ and the flags of every UID (what 'unchanged' means)."""
    out: dict[str, tuple[int, int, dict[int, tuple[str, ...]]]] = {}
    with client(server, login, password, context) as imap:
        imap.enable("CONDSTORE")  # so every EXAMINE reports HIGHESTMODSEQ
        for name in _folders(imap):
            info = imap.select_folder(name, readonly=True)
            fetched = imap.fetch(imap.search("ALL"), ["FLAGS"]) if info[b"EXISTS"] else {}
            flags = {
                uid: tuple(sorted(f.decode() for f in data[b"FLAGS"] if f.lower() != b"\\recent"))
                for uid, data in fetched.items()
            }
            out[name] = (info[b"UIDVALIDITY"], info.get(b"HIGHESTMODSEQ", 0), flags)
    return out


def expected_target(
    source: Mapping[str, Counter[Stored]], mapping: Mapping[str, str | None]
) -> dict[str, Counter[Stored]]:
    """What the target must hold: each source folder's messages in its mapped folder (None: left out)."""
    out: dict[str, Counter[Stored]] = {}
    for folder, messages in source.items():
        target = mapping[folder]
        if target is None:
            continue
        out.setdefault(target, Counter()).update(messages)
    return out


def without_empty(mailbox: Mapping[str, Counter[Stored]]) -> dict[str, Counter[Stored]]:
    return {name: messages for name, messages in mailbox.items() if messages}


def total(mailbox: Mapping[str, Counter[Stored]]) -> int:
    return sum(sum(c.values()) for c in mailbox.values())
