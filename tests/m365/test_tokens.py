"""Access tokens from the identity stand-in: app-only, device code, renewal, waiting, and Entra's refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from engine.errors import MailstageError
from engine.m365.cache import cache_path, signed_in_accounts
from engine.m365.events import CacheNotice, DeviceCodePrompt, TokenServiceWaiting
from engine.m365.http import Cancelled, TokenServiceHttp
from engine.m365.tokens import M365Settings, TokenProvider, token_claims, token_provider_for
from tests.m365.conftest import APP_SECRET, m365_endpoint, store_secret
from tests.rig.identity import IdentityServer

ROOT = Path(__file__).resolve().parents[2]


def app_provider(identity: IdentityServer, **kwargs: object) -> TokenProvider:
    app = identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(identity, app)
    store_secret(endpoint)
    return token_provider_for(endpoint, **kwargs)  # type: ignore[arg-type]


def assert_no_secret(error: MailstageError, *secrets: str) -> None:
    text = " ".join([str(error), repr(error), json.dumps(error.as_dict())])
    for secret in secrets:
        assert secret not in text


# -- app-only -------------------------------------------------------------------------------------


def test_app_only_token_is_exchange_shaped_and_served_from_cache_while_valid(
    identity: IdentityServer,
) -> None:
    provider = app_provider(identity)
    first = provider("alice@contoso.nl")
    claims = token_claims(first)
    assert claims["aud"] == "https://outlook.office365.com"
    assert claims["roles"] == ["IMAP.AccessAsApp"]
    assert provider("bob@contoso.nl") == first  # one token for the app, whatever the mailbox
    assert provider.requests_made == 1
    assert len(identity.token_requests("client_credentials")) == 1


def test_a_token_about_to_expire_is_replaced_before_the_next_connect(identity: IdentityServer) -> None:
    identity.access_token_lifetime = 120  # msal renews tokens with less than five minutes left
    provider = app_provider(identity)
    first = provider.token()
    second = provider.token()
    assert first.value != second.value
    assert second.expires_at > time.time() + 60
    assert len(identity.token_requests("client_credentials")) == 2


def test_wrong_secret_says_to_copy_the_value_not_the_secret_id(identity: IdentityServer) -> None:
    app = identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(identity, app)
    store_secret(endpoint, app.secret_id)  # the mistake the reference warns about
    with pytest.raises(MailstageError) as caught:
        token_provider_for(endpoint).token()
    error = caught.value
    assert error.code == "m365.wrong_secret"
    assert "Secret ID" in error.cause and "AADSTS7000215" in error.cause
    assert "Value" in error.fix and "--secret-stdin" in error.fix
    assert_no_secret(error, app.secret_id, APP_SECRET)


def test_unknown_application_id_is_named(identity: IdentityServer) -> None:
    app = identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(identity, app).with_changes(client_id="11111111-2222-3333-4444-555555555555")
    store_secret(endpoint)
    with pytest.raises(MailstageError) as caught:
        token_provider_for(endpoint).token()
    assert caught.value.code == "m365.unknown_app"
    assert "11111111-2222-3333-4444-555555555555" in caught.value.what
    assert "AADSTS700016" in caught.value.cause


def test_unknown_tenant_is_named(identity: IdentityServer) -> None:
    app = identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(identity, app).with_changes(
        tenant="fabrikam.onmicrosoft.com", authority=f"{identity.base_url}/fabrikam.onmicrosoft.com"
    )
    store_secret(endpoint)
    with pytest.raises(MailstageError) as caught:
        token_provider_for(endpoint).token()
    assert caught.value.code == "m365.unknown_tenant"
    assert "fabrikam.onmicrosoft.com" in caught.value.what
    assert "AADSTS90002" in caught.value.cause


def test_missing_admin_consent_is_caught_from_the_token_before_any_mailbox_is_tried(
    identity: IdentityServer,
) -> None:
    app = identity.register_app(secret=APP_SECRET, admin_consent=False)
    endpoint = m365_endpoint(identity, app)
    store_secret(endpoint)
    with pytest.raises(MailstageError) as caught:
        token_provider_for(endpoint).token()
    assert caught.value.code == "m365.consent_missing"
    assert "Grant admin consent" in caught.value.fix
    assert "IMAP.AccessAsApp" in caught.value.fix


def test_no_secret_in_the_keyring_says_how_to_give_it(identity: IdentityServer) -> None:
    app = identity.register_app(secret=APP_SECRET)
    with pytest.raises(MailstageError) as caught:
        token_provider_for(m365_endpoint(identity, app)).token()
    assert caught.value.code == "m365.no_secret"
    assert "--secret-stdin" in caught.value.fix


# -- waiting for the token service ----------------------------------------------------------------


def test_throttled_token_service_is_waited_out_and_reported_as_waiting(identity: IdentityServer) -> None:
    events: list[object] = []
    provider = app_provider(identity, on_event=events.append)
    identity.throttle_next(2, retry_after=1)
    started = time.monotonic()
    assert token_claims(provider("alice@contoso.nl"))["roles"] == ["IMAP.AccessAsApp"]
    waits = [e for e in events if isinstance(e, TokenServiceWaiting)]
    assert [(w.status, w.seconds, w.attempt) for w in waits] == [(429, 1.0, 1), (429, 1.0, 2)]
    assert "waiting 1 s" in waits[0].text
    assert time.monotonic() - started >= 2.0  # Retry-After was honoured, not hammered


def test_server_errors_are_retried_with_back_off(identity: IdentityServer) -> None:
    events: list[object] = []
    provider = app_provider(identity, on_event=events.append)
    identity.fail_next(1, status=503)
    provider.token()
    assert [(e.status, e.seconds) for e in events if isinstance(e, TokenServiceWaiting)] == [(503, 1.0)]


def test_throttling_longer_than_mailstage_waits_fails_the_mailbox_as_transient(
    identity: IdentityServer,
) -> None:
    app = identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(identity, app)
    store_secret(endpoint)
    http = TokenServiceHttp(endpoint.name, patience=1.5)
    provider = TokenProvider(M365Settings.from_endpoint(endpoint), http=http)
    identity.throttle_next(5, retry_after=1)
    with pytest.raises(MailstageError) as caught:
        provider.token()
    assert caught.value.code == "m365.token_throttled"
    assert caught.value.transient


def test_stopping_ends_a_wait_for_the_token_service_at_once(identity: IdentityServer) -> None:
    cancel = threading.Event()
    provider = app_provider(identity, on_event=lambda event: cancel.set(), cancel=cancel)
    identity.throttle_next(1, retry_after=60)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        provider.token()
    assert time.monotonic() - started < 10


# -- trust ----------------------------------------------------------------------------------------


def test_sign_in_service_with_an_untrusted_certificate_is_refused(
    identity: IdentityServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_bundle = "/etc/ssl/certs/ca-certificates.crt"
    monkeypatch.setenv("SSL_CERT_FILE", system_bundle)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", system_bundle)
    with pytest.raises(MailstageError) as caught:
        app_provider(identity).token()
    assert caught.value.code == "m365.token_service_unreachable"
    assert "not trusted" in caught.value.cause


def test_requests_ca_bundle_extends_the_trust_store(
    identity: IdentityServer, monkeypatch: pytest.MonkeyPatch, session_ca: object
) -> None:
    ca_file = os.environ["SSL_CERT_FILE"]  # the session CA, set by the suite's autouse fixture
    monkeypatch.setenv("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_file)
    assert app_provider(identity).token().value


# -- device code ----------------------------------------------------------------------------------


def device_provider(identity: IdentityServer, **app_options: object) -> tuple[TokenProvider, str]:
    app = identity.register_app(public_client_flows=True, **app_options)  # type: ignore[arg-type]
    identity.add_user("admin@contoso.nl", may_open_others=True)
    endpoint = m365_endpoint(identity, app, name="m365dev", mode="device")
    return token_provider_for(endpoint), app.client_id


def test_device_code_sign_in_approved_gives_a_delegated_token(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity)
    prompts: list[DeviceCodePrompt] = []

    def approve(prompt: DeviceCodePrompt) -> None:
        prompts.append(prompt)
        identity.approve_device(prompt.user_code, "admin@contoso.nl")

    assert provider.sign_in(approve) == "admin@contoso.nl"
    assert prompts[0].verification_uri.endswith("/devicelogin")
    assert prompts[0].user_code in prompts[0].text
    claims = token_claims(provider("alice@contoso.nl"))
    assert claims["upn"] == "admin@contoso.nl"
    assert claims["scp"] == "IMAP.AccessAsUser.All"
    assert provider.account() == "admin@contoso.nl"
    # The saved sign-in is found offline too (the wizard's check when a migration is reopened).
    assert signed_in_accounts("m365dev") == ["admin@contoso.nl"]
    assert signed_in_accounts("never-signed-in") == []
    assert not cache_path("never-signed-in").exists()


def test_second_process_uses_the_saved_sign_in_without_asking_again(identity: IdentityServer) -> None:
    identity.access_token_lifetime = 60  # the next process must renew it with the refresh token
    provider, client_id = device_provider(identity)
    provider.sign_in(lambda prompt: identity.approve_device(prompt.user_code, "admin@contoso.nl"))
    codes_before = len(identity.device_codes)
    script = f"""
from engine.endpoints import Endpoint, EndpointKind
from engine.m365.tokens import token_provider_for, token_claims
endpoint = Endpoint("m365dev", EndpointKind.M365, host="127.0.0.1", port=993, tenant={identity.tenant!r},
                    client_id={client_id!r}, auth_mode="device", authority={identity.authority!r})
provider = token_provider_for(endpoint)
print(token_claims(provider("alice@contoso.nl"))["upn"], provider.account())
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["admin@contoso.nl", "admin@contoso.nl"]
    assert len(identity.device_codes) == codes_before  # nobody was asked to sign in again
    assert identity.token_requests("refresh_token")


def test_saved_sign_in_is_encrypted_on_disk(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity)
    provider.sign_in(lambda prompt: identity.approve_device(prompt.user_code, "admin@contoso.nl"))
    token = provider("alice@contoso.nl")
    stored = cache_path("m365dev").read_bytes()
    assert stored
    assert token.encode() not in stored
    for refresh in identity.refresh_tokens:
        assert refresh.encode() not in stored
    assert b"admin@contoso.nl" not in stored
    assert provider.cache_protection is not None and provider.cache_protection.encrypted


def test_without_any_keyring_the_sign_in_file_is_private_and_that_is_said_once(
    identity: IdentityServer,
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        events: list[object] = []
        app = identity.register_app(public_client_flows=True)
        identity.add_user("admin@contoso.nl")
        endpoint = m365_endpoint(identity, app, name="plainfile", mode="device")
        provider = token_provider_for(endpoint, on_event=events.append)
        provider.sign_in(lambda prompt: identity.approve_device(prompt.user_code, "admin@contoso.nl"))
        again = token_provider_for(endpoint, on_event=events.append)
        assert again.account() == "admin@contoso.nl"
    finally:
        keyring.set_keyring(previous)
    notices = [e for e in events if isinstance(e, CacheNotice)]
    assert len(notices) == 1
    assert "readable only by your account" in notices[0].text
    assert cache_path("plainfile").stat().st_mode & 0o077 == 0
    assert provider.cache_protection is not None and not provider.cache_protection.encrypted


def test_refused_sign_in(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity)
    with pytest.raises(MailstageError) as caught:
        provider.sign_in(lambda prompt: identity.decline_device(prompt.user_code))
    assert caught.value.code == "m365.signin_declined"


def test_expired_sign_in_code(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity)
    with pytest.raises(MailstageError) as caught:
        provider.sign_in(lambda prompt: identity.expire_device(prompt.user_code))
    assert caught.value.code == "m365.signin_expired"
    assert "AADSTS70020" in caught.value.cause


def test_public_client_flows_off_says_where_to_turn_them_on(identity: IdentityServer) -> None:
    app = identity.register_app(public_client_flows=False)
    provider = token_provider_for(m365_endpoint(identity, app, name="nopublic", mode="device"))
    with pytest.raises(MailstageError) as caught:
        provider.sign_in(lambda prompt: None)
    assert caught.value.code == "m365.public_client_off"
    assert "Allow public client flows" in caught.value.fix
    assert "AADSTS7000218" in caught.value.cause


def test_cancelling_a_sign_in_stops_waiting_at_once(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity)
    cancel = threading.Event()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        provider.sign_in(lambda prompt: cancel.set(), cancel=cancel)
    assert time.monotonic() - started < 5
    assert provider.account() is None


def test_using_the_endpoint_before_anybody_signed_in_says_to_sign_in(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity)
    with pytest.raises(MailstageError) as caught:
        provider.token()
    assert caught.value.code == "m365.signin_needed"
    assert "--auth device" in caught.value.fix


def test_revoked_sign_in_says_to_sign_in_again(identity: IdentityServer) -> None:
    identity.access_token_lifetime = 60  # so the next token must come from the refresh token
    provider, _ = device_provider(identity)
    provider.sign_in(lambda prompt: identity.approve_device(prompt.user_code, "admin@contoso.nl"))
    identity.revoke_refresh_tokens()
    with pytest.raises(MailstageError) as caught:
        provider.token()
    assert caught.value.code == "m365.signin_expired"
    assert "AADSTS50173" in caught.value.cause


def test_delegated_sign_in_without_consent_is_explained(identity: IdentityServer) -> None:
    provider, _ = device_provider(identity, admin_consent=False)
    with pytest.raises(MailstageError) as caught:
        provider.sign_in(lambda prompt: identity.approve_device(prompt.user_code, "admin@contoso.nl"))
    assert caught.value.code == "m365.consent_missing"
    assert "AADSTS65001" in caught.value.cause
