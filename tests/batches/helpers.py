"""Helpers for batch tests: many seeded mailboxes on a source, empty ones on a target, and comparisons."""

from __future__ import annotations

import ssl
import uuid
from collections import Counter
from dataclasses import dataclass

from engine.endpoints import Endpoint, EndpointKind, Security, secret_key
from engine.keystore import SecretStore
from engine.store import NewBatchMailbox
from tests.copy.helpers import Stored, read_mailbox
from tests.rig.corpus import NON_MAIL_PATHS, CorpusFolder, CorpusGenerator, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotServer

_seq = 0


@dataclass(frozen=True)
class Pair:
    """One mailbox of a batch: its user on the source and on the target, with their passwords."""

    source: str
    source_password: str
    target: str
    target_password: str


def make_pairs(
    source: DovecotServer,
    target: DovecotServer,
    count: int,
    context: ssl.SSLContext,
    *,
    messages: int = 12,
    target_quota: dict[int, str] | None = None,
    large: dict[int, int] | None = None,
) -> list[Pair]:
    """COUNT source users seeded with a small Dutch mailbox each, and as many empty target users."""
    global _seq
    pairs = []
    for index in range(count):
        _seq += 1
        address = f"mb{_seq}-{uuid.uuid4().hex[:6]}@example.nl"
        src_pw, dst_pw = f"src-{_seq}-Geheim!", f"dst-{_seq}-Geheim!"
        source.add_user(address, src_pw)
        target.add_user(address, dst_pw, quota=(target_quota or {}).get(index))
        tree: list[CorpusFolder] = CorpusGenerator(seed=_seq).tree(
            messages, large_sizes=[large[index]] if large and index in large else []
        )
        seed_imap(source.host, source.imaps_port, address, src_pw, tree, ssl_context=context)
        pairs.append(Pair(address, src_pw, address, dst_pw))
    return pairs


def admin_endpoint(name: str, host: str, port: int, *, max_concurrent: int = 20) -> Endpoint:
    """An IMAP endpoint (implicit TLS) that opens mailboxes through the rig's master user."""
    SecretStore().put(secret_key(name), MASTER_PASSWORD)
    return Endpoint(
        name,
        EndpointKind.IMAP,
        host=host,
        port=port,
        security=Security.TLS,
        admin_user=MASTER_USER,
        max_concurrent=max_concurrent,
    )


def members(pairs: list[Pair]) -> list[NewBatchMailbox]:
    return [NewBatchMailbox(p.source, p.target) for p in pairs]


def mail_messages(
    server: DovecotServer, login: str, password: str, context: ssl.SSLContext
) -> Counter[Stored]:
    """Every message of a mailbox's mail folders as one multiset (folders merged; Agenda etc. left out)."""
    non_mail = {"/".join(path) for path in NON_MAIL_PATHS}
    found: Counter[Stored] = Counter()
    for folder, messages in read_mailbox(server, login, password, context).items():
        if folder not in non_mail:
            found.update(messages)
    return found
