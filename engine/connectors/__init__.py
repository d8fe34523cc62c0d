"""Connectors: one interface (base.Connector) for every kind of endpoint, source or target.

`open_connector` opens the right kind for an account; use it as a context manager so the
connection (and its slot in the connection gate) is always given back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from engine.connectors.base import Account, ConnectionGate, Connector, UnlimitedGate
from engine.connectors.body import DEFAULT_SPOOL_THRESHOLD
from engine.endpoints import EndpointKind

__all__ = ["Account", "ConnectionGate", "Connector", "UnlimitedGate", "open_connector"]


@contextmanager
def open_connector(
    account: Account,
    *,
    role: str,
    gate: ConnectionGate | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 120.0,
    spool_threshold: int = DEFAULT_SPOOL_THRESHOLD,
    ignore_capabilities: frozenset[str] = frozenset(),
) -> Iterator[Connector]:
    """An open connector for ACCOUNT as "source" (read-only) or "target"; closed on leaving."""
    # Imported here: the connector modules use engine.plan, which uses engine.connectors.base.
    from engine.connectors.imap import ImapConnector
    from engine.connectors.maildir import MaildirConnector

    if account.endpoint.kind is EndpointKind.M365:
        # Exchange Online's rules (SELECT after login, throttling waits, size limit, reserved names)
        # wrap the IMAP connector; imported here because engine.m365 builds on this package.
        from engine.m365.connect import open_exchange_online

        with open_exchange_online(
            account,
            role=role,
            gate=gate,
            cancel=cancel,
            timeout=timeout,
            spool_threshold=spool_threshold,
            ignore_capabilities=ignore_capabilities,
        ) as exchange:
            yield exchange
        return
    connector: ImapConnector | MaildirConnector
    if account.endpoint.kind is EndpointKind.MAILDIR:
        connector = MaildirConnector(account, role=role, spool_threshold=spool_threshold).open()
    else:
        connector = ImapConnector(
            account,
            gate=gate or UnlimitedGate(),
            cancel=cancel or threading.Event(),
            role=role,
            timeout=timeout,
            spool_threshold=spool_threshold,
            ignore_capabilities=ignore_capabilities,
        ).open()
    try:
        yield connector
    finally:
        connector.close()
