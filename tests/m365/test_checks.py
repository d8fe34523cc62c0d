"""The m365 prerequisite checks against the stand-ins, through the checks framework."""

from __future__ import annotations

from engine.checks.framework import Status, run_checks
from engine.checks.lookup import DnsLookup
from engine.checks.suite import server_checks
from engine.m365.checks import M365Checks, endpoint_test
from tests.m365.conftest import APP_SECRET, m365_endpoint, new_mailbox, store_secret
from tests.rig.dovecot import DovecotServer
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer


def by_id(report: object) -> dict[tuple[str, str], object]:
    return {(r.id, r.subject): r for r in report.results}  # type: ignore[attr-defined]


def test_endpoint_test_with_a_mailbox_passes_and_says_what_was_proven(
    fresh_shared_identity: IdentityServer, exchange_like: ExchangeLikeProxy, oauth_dovecot: OAuthDovecotServer
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(fresh_shared_identity, app, port=exchange_like.port)
    store_secret(endpoint)
    address = new_mailbox(oauth_dovecot)
    report = endpoint_test(endpoint, address)
    results = {r.id: r for r in report.results}
    assert [results[i].status for i in ("target.login", "target.capabilities", "mailbox.target_exists")] == [
        Status.PASS
    ] * 3
    assert "IMAP.AccessAsApp" in results["target.login"].evidence
    assert "AUTH=XOAUTH2" in results["target.capabilities"].evidence
    assert "INBOX selected" in results["mailbox.target_exists"].evidence
    assert APP_SECRET not in str([r.as_dict() for r in report.results])


def test_wrong_secret_fails_the_login_with_the_aadsts_code_decoded_and_skips_the_mailbox(
    fresh_shared_identity: IdentityServer, exchange_like: ExchangeLikeProxy, oauth_dovecot: OAuthDovecotServer
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(fresh_shared_identity, app, port=exchange_like.port)
    store_secret(endpoint, app.secret_id)
    report = endpoint_test(endpoint, new_mailbox(oauth_dovecot))
    results = {r.id: r for r in report.results}
    login = results["target.login"]
    assert login.status is Status.FAIL
    assert "AADSTS7000215" in login.evidence and "Secret ID" in login.evidence
    assert "Certificates & secrets" in login.fix
    assert results["target.capabilities"].status is Status.PASS  # the server itself is fine
    assert results["mailbox.target_exists"].status is Status.SKIP
    assert app.secret_id not in str([r.as_dict() for r in report.results])


def test_listed_mailboxes_missing_full_access_or_not_synchronised_fail_with_their_fix(
    fresh_shared_identity: IdentityServer,
    exchange_like: ExchangeLikeProxy,
    oauth_dovecot: OAuthDovecotServer,
    session_ca: object,
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(fresh_shared_identity, app, port=exchange_like.port)
    store_secret(endpoint)
    good = new_mailbox(oauth_dovecot)
    no_access = new_mailbox(oauth_dovecot, granted=False)
    missing = "nog-niet-gesynchroniseerd@contoso.nl"
    checks = M365Checks(endpoint)
    planned = server_checks("target", endpoint, DnsLookup(None))
    planned += checks.server_checks("target", mailboxes=[good, no_access, missing], planned=20)
    planned += [checks.target_exists(a) for a in (good, no_access, missing)]
    requests_before = len(fresh_shared_identity.token_requests())
    report = run_checks(planned)
    results = by_id(report)
    subject = endpoint.url
    # (The rig's certificates live 30 days, which the TLS check rightly warns about.)
    assert results[("target.tls", subject)].status in (Status.PASS, Status.WARN)
    for name in ("dns", "tcp", "login", "capabilities", "connections"):
        assert results[(f"target.{name}", subject)].status is Status.PASS, results[
            (f"target.{name}", subject)
        ]
    assert "4 sessions" in results[("target.connections", subject)].evidence
    assert results[("mailbox.target_exists", good)].status is Status.PASS
    refused = results[("mailbox.target_exists", no_access)]
    assert refused.status is Status.FAIL
    assert f'Add-MailboxPermission -Identity "{no_access}"' in refused.fix
    absent = results[("mailbox.target_exists", missing)]
    assert absent.status is Status.FAIL
    assert "directory synchronisation not done" in absent.evidence
    # One token for the whole run: the provider is shared by every check.
    assert len(fresh_shared_identity.token_requests()) - requests_before == 1


def test_an_imap_server_without_oauth2_fails_the_capabilities_check(
    fresh_shared_identity: IdentityServer, dovecot: DovecotServer
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(fresh_shared_identity, app, port=dovecot.imaps_port)
    store_secret(endpoint)
    report = endpoint_test(endpoint)
    capabilities = next(r for r in report.results if r.id == "target.capabilities")
    assert capabilities.status is Status.FAIL
    assert "AUTH=XOAUTH2" in capabilities.evidence
    assert "outlook.office365.com:993" in capabilities.fix
