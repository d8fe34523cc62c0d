"""Getting in: admin access on behalf of a user, wrong passwords explained, TLS pinning, STARTTLS, XOAUTH2."""

from __future__ import annotations

import ssl
import uuid
from pathlib import Path

import pytest

from engine.connectors.base import Account
from engine.endpoints import AdminLoginStyle
from engine.events import MailboxStatus
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox
from tests.copy.helpers import (
    admin_account,
    expected_target,
    imap_endpoint,
    read_mailbox,
    unique_user,
    user_account,
    without_empty,
)
from tests.copy.test_copy_exact import DUTCH_TO_MODERN
from tests.m365.conftest import exchange_like, new_mailbox, oauth_dovecot, shared_identity  # noqa: F401 - fixtures
from tests.rig.certs import TestCA, self_signed
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotServer
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer


def _seeded(
    dovecot: DovecotServer, ca_context: ssl.SSLContext, seed: int, count: int = 40
) -> tuple[str, str]:
    user, password = unique_user(dovecot, "bron")
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        user,
        password,
        CorpusGenerator(seed).tree(count),
        ssl_context=ca_context,
    )
    return user, password


@pytest.mark.parametrize(
    ("source_style", "target_style"),
    [(AdminLoginStyle.DOVECOT, AdminLoginStyle.SASL), (AdminLoginStyle.SASL, AdminLoginStyle.DOVECOT)],
)
def test_admin_account_copies_on_behalf_of_users_on_source_and_target(
    dovecot: DovecotServer,
    ca_context: ssl.SSLContext,
    source_style: AdminLoginStyle,
    target_style: AdminLoginStyle,
) -> None:
    source_user, source_password = _seeded(dovecot, ca_context, 21)
    target_user, target_password = unique_user(dovecot, "doel")
    source = imap_endpoint(dovecot, "source", admin_user=MASTER_USER, admin_style=source_style)
    target = imap_endpoint(dovecot, "target", admin_user=MASTER_USER, admin_style=target_style)
    job = MailboxJob(
        admin_account(source, source_user, MASTER_PASSWORD),
        admin_account(target, target_user, MASTER_PASSWORD),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )


def test_wrong_user_password_names_the_mailbox_and_the_likely_cause_without_the_password(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, _ = _seeded(dovecot, ca_context, 22, 5)
    target_user, target_password = unique_user(dovecot, "doel")
    wrong = "Wr0ng-Password-123"
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, wrong),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.FAILED and result.error is not None
    assert result.error.code == "imap.login_failed" and not result.error.transient
    assert source_user in result.error.what
    assert "password" in result.error.cause and "changed" in result.error.cause
    assert "mailbox list" in result.error.fix
    assert wrong not in str(result.error)


def test_wrong_admin_password_names_the_mailbox_and_the_admin_account(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = _seeded(dovecot, ca_context, 23, 5)
    target_user, _ = unique_user(dovecot, "doel")
    target = imap_endpoint(dovecot, "target", admin_user=MASTER_USER, admin_style=AdminLoginStyle.SASL)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        admin_account(target, target_user, "not-the-admin-password"),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.FAILED and result.error is not None
    assert target_user in result.error.what and MASTER_USER in result.error.cause
    assert "not-the-admin-password" not in str(result.error)


def test_missing_password_in_the_keyring_is_explained(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, _ = _seeded(dovecot, ca_context, 24, 5)
    target_user, target_password = unique_user(dovecot, "doel")
    job = MailboxJob(
        Account(imap_endpoint(dovecot, "source"), source_user),  # nothing stored for it
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.error is not None and result.error.code == "auth.no_password"
    assert source_user in result.error.what


def test_pinned_self_signed_server_is_accepted_and_another_pin_stops_before_any_password_is_used(
    dovecot: DovecotServer, dovecot_factory, ca_context: ssl.SSLContext, tmp_path: Path
) -> None:
    cert = self_signed(tmp_path / "certs", "old-exchange")
    old: DovecotServer = dovecot_factory(cert=cert)
    source_user, source_password = unique_user(old, "bron")
    no_verify = ssl.create_default_context()
    no_verify.check_hostname = False
    no_verify.verify_mode = ssl.CERT_NONE
    seed_imap(
        old.host,
        old.imaps_port,
        source_user,
        source_password,
        CorpusGenerator(25).tree(20),
        ssl_context=no_verify,
    )
    target_user, target_password = unique_user(dovecot, "doel")
    target = user_account(imap_endpoint(dovecot, "target"), target_user, target_password)

    unpinned = MailboxJob(user_account(imap_endpoint(old, "source"), source_user, source_password), target)
    refused = sync_mailbox(unpinned, store=StateStore())
    assert refused.error is not None and refused.error.code == "tls.untrusted"
    assert cert.fingerprint[:2].upper() in refused.error.fix and "self-signed" in refused.error.cause

    asked: list[str] = []

    def password() -> str:
        asked.append("asked")
        return source_password

    wrong_pin = imap_endpoint(old, "source", pinned_fingerprint="ab" * 32)
    stopped = sync_mailbox(
        MailboxJob(Account(wrong_pin, source_user, password=password), target), store=StateStore()
    )
    assert stopped.error is not None and stopped.error.code == "tls.untrusted"
    assert asked == []

    pinned = imap_endpoint(old, "source", pinned_fingerprint=cert.fingerprint)
    result = sync_mailbox(
        MailboxJob(Account(pinned, source_user, password=password), target), store=StateStore()
    )
    assert result.status is MailboxStatus.SYNCED, result.error
    assert asked


def test_starttls_endpoints_copy_exactly(dovecot: DovecotServer, ca_context: ssl.SSLContext) -> None:
    source_user, source_password = _seeded(dovecot, ca_context, 26, 30)
    target_user, target_password = unique_user(dovecot, "doel")
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source", starttls=True), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target", starttls=True), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )


def test_xoauth2_target_like_exchange_online_gets_an_exact_copy_in_its_dutch_named_folders(
    dovecot: DovecotServer,
    ca_context: ssl.SSLContext,
    session_ca: TestCA,
    shared_identity: IdentityServer,  # noqa: F811 - fixture
    oauth_dovecot: OAuthDovecotServer,  # noqa: F811 - fixture
    exchange_like: ExchangeLikeProxy,  # noqa: F811 - fixture
) -> None:
    """Exchange Online's manners: XOAUTH2 only, UIDPLUS and LITERAL+ but no MULTIAPPEND, CONDSTORE or
    SPECIAL-USE, folders named in the mailbox's language. A fresh token is asked for every login."""
    source_user, source_password = _seeded(dovecot, ca_context, 27, 60)
    app = shared_identity.register_app(secret=f"s-{uuid.uuid4().hex}")
    target_address = new_mailbox(oauth_dovecot, "doel")
    tokens: list[str] = []

    def token() -> str:
        value, _ = shared_identity.access_token(app.client_id, roles=["IMAP.AccessAsApp"])
        tokens.append(value)
        return value

    target_endpoint = imap_endpoint(dovecot, "m365", port=exchange_like.port)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        Account(target_endpoint, target_address, token=token),
    )
    store = StateStore()
    result = sync_mailbox(job, store=store)
    assert result.status is MailboxStatus.SYNCED, result.error
    assert tokens
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    mapping = dict(DUTCH_TO_MODERN)
    mapping.update({"Verzonden items": "Verzonden items", "Sent": "Verzonden items"})
    mapping.update({"Verwijderde items": "Verwijderde items", "Trash": "Verwijderde items"})
    target = read_mailbox(
        oauth_dovecot, target_address, oauth_dovecot_password(oauth_dovecot, target_address), ca_context
    )
    assert without_empty(target) == without_empty(expected_target(source, mapping))

    again = sync_mailbox(job, store=store)
    assert (again.status, again.copied) == (MailboxStatus.SYNCED, 0)


def oauth_dovecot_password(server: OAuthDovecotServer, address: str) -> str:
    """The OAuth rig's mailboxes also take a password (for reading them back in tests)."""
    return "unused-" + address  # as OAuthDovecotServer.add_mailbox sets it
