"""Fixtures for the Microsoft 365 tests: the identity stand-in, Dovecot taking its tokens, endpoints."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.endpoints import Endpoint, EndpointKind, Security, secret_key
from engine.keystore import SecretStore
from tests.rig.certs import TestCA
from tests.rig.dovecot_oauth import OAuthDovecotServer, OAuthOptions
from tests.rig.exchange_like import ExchangeLikeProxy, ExchangeRules
from tests.rig.identity import App, IdentityServer

APP_SECRET = "Xq8~m365-App-Secret-Value-1234567890abcdEF"  # the redaction tests look for it


@pytest.fixture
def identity(session_ca: TestCA) -> Iterator[IdentityServer]:
    """A fresh token service for one test (so throttling and lifetimes set by a test stay in it)."""
    server = IdentityServer(session_ca.issue("identity")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def shared_identity(session_ca: TestCA) -> Iterator[IdentityServer]:
    """The token service the session's OAuth Dovecot asks; tests register their own apps on it."""
    server = IdentityServer(session_ca.issue("identity-shared")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oauth_dovecot(
    session_ca: TestCA, shared_identity: IdentityServer, session_dir: Path
) -> Iterator[OAuthDovecotServer]:
    """Dovecot accepting XOAUTH2 tokens of `shared_identity`; the Sent folder named in Dutch, as in a
    mailbox whose language is Dutch."""
    server = OAuthDovecotServer(
        session_ca.issue("imap-oauth"),
        shared_identity,
        session_ca.cert_path,
        OAuthOptions(special_names={"Sent": "Verzonden items", "Trash": "Verwijderde items"}),
        root=session_dir / f"dovecot-oauth-{uuid.uuid4().hex[:6]}",
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fresh_shared_identity(shared_identity: IdentityServer) -> Iterator[IdentityServer]:
    """The shared token service, with whatever a test injected removed afterwards."""
    lifetime = shared_identity.access_token_lifetime
    yield shared_identity
    shared_identity.access_token_lifetime = lifetime
    shared_identity._injected.clear()


def m365_endpoint(
    identity: IdentityServer,
    app: App,
    *,
    name: str = "m365",
    mode: str = "app",
    dovecot: OAuthDovecotServer | None = None,
    port: int | None = None,
) -> Endpoint:
    """An m365 endpoint pointing at the stand-ins (as `--authority` and `--imap` would)."""
    return Endpoint(
        name,
        EndpointKind.M365,
        host="127.0.0.1",
        port=port or (dovecot.imaps_port if dovecot else 993),
        security=Security.TLS,
        tenant=identity.tenant,
        client_id=app.client_id,
        auth_mode=mode,
        authority=identity.authority,
        max_concurrent=4,
    )


def store_secret(endpoint: Endpoint, secret: str = APP_SECRET) -> None:
    SecretStore().put(secret_key(endpoint.name), secret)


@pytest.fixture
def exchange_like(session_ca: TestCA, oauth_dovecot: OAuthDovecotServer) -> Iterator[ExchangeLikeProxy]:
    """Exchange Online's manners in front of the OAuth Dovecot: a mailbox that exists but was not
    granted answers "authenticated but not connected" after AUTHENTICATE, as Exchange does."""
    rules = ExchangeRules(
        not_connected=lambda user: oauth_dovecot.has_mailbox(user) and not oauth_dovecot.is_granted(user)
    )
    proxy = ExchangeLikeProxy(session_ca.issue("exchange-like"), oauth_dovecot.imap_port, rules).start()
    yield proxy
    proxy.stop()


_mailbox_counter = 0


def new_mailbox(dovecot: OAuthDovecotServer, prefix: str = "mbx", *, granted: bool = True) -> str:
    """A fresh mailbox address in the tenant (directory synchronisation done), granted by default."""
    global _mailbox_counter
    _mailbox_counter += 1
    address = f"{prefix}{_mailbox_counter}-{uuid.uuid4().hex[:4]}@contoso.nl"
    dovecot.add_mailbox(address, granted=granted)
    return address
