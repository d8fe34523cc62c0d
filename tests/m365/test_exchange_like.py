"""The Exchange Online stand-in itself: it must answer as the reference says Exchange Online does, or
the tests that rely on it prove nothing. Driven with IMAPClient, independent of Mailstage's code."""

from __future__ import annotations

import ssl

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from tests.m365.conftest import new_mailbox
from tests.rig.certs import TestCA
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer


@pytest.fixture
def app_token(shared_identity: IdentityServer) -> str:
    app = shared_identity.register_app(secret="unused-here")
    token, _ = shared_identity.access_token(app.client_id, roles=["IMAP.AccessAsApp"])
    return token


def connect(proxy: ExchangeLikeProxy, session_ca: TestCA) -> IMAPClient:
    context = ssl.create_default_context(cafile=str(session_ca.cert_path))
    return IMAPClient(proxy.host, port=proxy.port, ssl=True, ssl_context=context, timeout=15)


def test_capabilities_are_cut_down_to_exchange_onlines(
    exchange_like: ExchangeLikeProxy, session_ca: TestCA
) -> None:
    client = connect(exchange_like, session_ca)
    caps = {c.decode() for c in client.capabilities()}
    assert {"AUTH=XOAUTH2", "SASL-IR", "UIDPLUS", "LITERAL+", "IMAP4REV1"} <= caps
    assert not caps & {"MULTIAPPEND", "MOVE", "CONDSTORE", "QRESYNC", "SPECIAL-USE", "STARTTLS"}
    assert not any(c.startswith("APPENDLIMIT") for c in caps)
    client.logout()


def test_granted_mailbox_opens_with_an_app_token(
    exchange_like: ExchangeLikeProxy, session_ca: TestCA, oauth_dovecot: OAuthDovecotServer, app_token: str
) -> None:
    address = new_mailbox(oauth_dovecot)
    client = connect(exchange_like, session_ca)
    client.oauth2_login(address, app_token)
    assert client.select_folder("INBOX")[b"EXISTS"] == 0
    client.logout()


def test_mailbox_not_granted_authenticates_then_is_not_connected(
    exchange_like: ExchangeLikeProxy, session_ca: TestCA, oauth_dovecot: OAuthDovecotServer, app_token: str
) -> None:
    address = new_mailbox(oauth_dovecot, granted=False)
    client = connect(exchange_like, session_ca)
    client.oauth2_login(address, app_token)  # Exchange says OK here...
    with pytest.raises(IMAPClientError, match="User is authenticated but not connected"):
        client.select_folder("INBOX")  # ...and refuses the first command after it
    client.logout()


def test_unknown_mailbox_fails_at_authenticate_with_exchanges_words(
    exchange_like: ExchangeLikeProxy, session_ca: TestCA, app_token: str
) -> None:
    client = connect(exchange_like, session_ca)
    with pytest.raises(LoginError, match="AUTHENTICATE failed"):
        client.oauth2_login("nobody-here@contoso.nl", app_token)


def test_oversized_append_throttling_and_reserved_folder(
    exchange_like: ExchangeLikeProxy, session_ca: TestCA, oauth_dovecot: OAuthDovecotServer, app_token: str
) -> None:
    address = new_mailbox(oauth_dovecot)
    exchange_like.rules.size_limit = 2000
    client = connect(exchange_like, session_ca)
    client.oauth2_login(address, app_token)
    small = b"Subject: small\r\n\r\nhello\r\n"
    client.append("INBOX", small)
    with pytest.raises(IMAPClientError, match="Maximum size of appendable message has been exceeded"):
        client.append("INBOX", b"Subject: big\r\n\r\n" + b"x" * 3000 + b"\r\n")
    with pytest.raises(IMAPClientError, match="Folder name is reserved"):
        client.create_folder("Files")
    client.create_folder("Files2")  # only the exact top-level name is reserved
    exchange_like.rules.throttle_appends(1, backoff_ms=1234)
    with pytest.raises(
        IMAPClientError, match=r"Request is throttled\. Suggested Backoff Time: 1234 milliseconds"
    ):
        client.append("INBOX", small)
    with pytest.raises((IMAPClientError, OSError)):
        client.noop()  # the throttled session was closed


def test_ten_failed_commands_end_the_session(
    exchange_like: ExchangeLikeProxy, session_ca: TestCA, oauth_dovecot: OAuthDovecotServer, app_token: str
) -> None:
    address = new_mailbox(oauth_dovecot)
    client = connect(exchange_like, session_ca)
    client.oauth2_login(address, app_token)
    for _ in range(9):
        with pytest.raises(IMAPClientError):
            client.select_folder("No such folder")
    with pytest.raises((IMAPClientError, OSError)):
        client.select_folder("No such folder")
        client.noop()
