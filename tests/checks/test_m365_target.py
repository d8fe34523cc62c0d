"""A check run with a Microsoft 365 target (the identity and Exchange Online stand-ins): the suite uses
the m365 login, connection and target_exists checks under the contract's ids."""

from __future__ import annotations

import json

from engine.checks import CheckSetup, Status, build_checks, run_checks
from tests.checks.test_logins import admin_endpoint, user
from tests.m365.conftest import (  # noqa: F401 - fixtures used by name
    APP_SECRET,
    exchange_like,
    fresh_shared_identity,
    m365_endpoint,
    new_mailbox,
    oauth_dovecot,
    shared_identity,
    store_secret,
)
from tests.rig.dovecot import DovecotServer
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer


def test_a_microsoft_365_target_is_checked_with_its_own_sign_in_and_mailbox_checks(
    tls_server: DovecotServer,
    fresh_shared_identity: IdentityServer,  # noqa: F811
    exchange_like: ExchangeLikeProxy,  # noqa: F811
    oauth_dovecot: OAuthDovecotServer,  # noqa: F811
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    target = m365_endpoint(fresh_shared_identity, app, port=exchange_like.port)
    store_secret(target)
    synced = new_mailbox(oauth_dovecot)
    address, _ = user(tls_server, "m365src")
    tls_server.add_user(synced, "pw-synced-Secret")
    source = admin_endpoint(tls_server, "exchange2007")
    report = run_checks(build_checks(CheckSetup(source=source, target=target, mailboxes=[synced, address])))
    assert report.find("target.login").status is Status.PASS
    assert "IMAP.AccessAsApp" in report.find("target.login").evidence
    assert "AUTH=XOAUTH2" in report.find("target.capabilities").evidence
    assert report.find("mailbox.target_exists", synced).status is Status.PASS
    absent = report.find("mailbox.target_exists", address)
    assert absent.status is Status.FAIL
    assert "directory synchronisation not done" in absent.evidence
    assert report.find("mailbox.source_access", synced).status is Status.PASS
    assert report.find("mailbox.size", synced).status is Status.PASS
    assert APP_SECRET not in json.dumps(report.as_dict())
