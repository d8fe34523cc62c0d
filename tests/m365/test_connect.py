"""Opening and writing an m365 mailbox through the Exchange Online stand-in (identity server, Dovecot
taking its tokens, and the proxy that answers as Exchange Online does)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from engine.connectors.base import OutgoingMessage
from engine.connectors.body import MemoryBody
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import MailstageError
from engine.m365.connect import RESERVED_FOLDER_RENAMED, M365TokenSource, m365_account, open_exchange_online
from engine.m365.events import MailboxWaiting
from engine.m365.tokens import TokenProvider, token_claims, token_provider_for
from tests.m365.conftest import m365_endpoint, new_mailbox, store_secret
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer

MESSAGE = (
    b"From: a@example.nl\r\nTo: b@contoso.nl\r\nSubject: hello\r\nMessage-ID: <m1@example.nl>\r\n\r\nHi.\r\n"
)


@pytest.fixture
def setup(
    fresh_shared_identity: IdentityServer, exchange_like: ExchangeLikeProxy
) -> Iterator[tuple[Endpoint, TokenProvider, list[object]]]:
    app = fresh_shared_identity.register_app(secret="Xq8~m365-App-Secret-Value-1234567890abcdEF")
    endpoint = m365_endpoint(fresh_shared_identity, app, port=exchange_like.port)
    store_secret(endpoint)
    events: list[object] = []
    provider = token_provider_for(endpoint, on_event=events.append)
    yield endpoint, provider, events


def message(data: bytes = MESSAGE) -> OutgoingMessage:
    return OutgoingMessage(MemoryBody(data), ("\\Seen",), "07-Mar-2021 10:15:00 +0100")


def test_mailbox_opens_as_itself_and_special_folders_carry_their_use_in_the_mailbox_language(
    setup: tuple[Endpoint, TokenProvider, list[object]], oauth_dovecot: OAuthDovecotServer
) -> None:
    endpoint, provider, _ = setup
    address = new_mailbox(oauth_dovecot)
    with open_exchange_online(m365_account(endpoint, address, provider), role="target") as target:
        folders = {f.name: f.attributes for f in target.list_folders()}
        assert "\\sent" in folders["Verzonden items"]
        assert "\\trash" in folders["Verwijderde items"]
        assert "AUTH=XOAUTH2" in target.capabilities
        assert not target.features.multiappend


def test_mailbox_the_app_may_not_open_fails_with_the_full_access_line(
    setup: tuple[Endpoint, TokenProvider, list[object]], oauth_dovecot: OAuthDovecotServer
) -> None:
    endpoint, provider, _ = setup
    address = new_mailbox(oauth_dovecot, granted=False)
    with (
        pytest.raises(MailstageError) as caught,
        open_exchange_online(m365_account(endpoint, address, provider), role="target"),
    ):
        pass
    error = caught.value
    assert error.code == "m365.no_full_access"
    assert "authenticated but not connected" in error.cause
    assert (
        f'Add-MailboxPermission -Identity "{address}" -User <OBJECT_ID> -AccessRights FullAccess' in error.fix
    )
    assert "-ImapEnabled $true" in error.fix
    assert "Enterprise applications" in error.fix


def test_mailbox_that_does_not_exist_says_directory_synchronisation(
    setup: tuple[Endpoint, TokenProvider, list[object]],
) -> None:
    endpoint, provider, _ = setup
    address = "not-synced-yet@contoso.nl"
    with (
        pytest.raises(MailstageError) as caught,
        open_exchange_online(m365_account(endpoint, address, provider), role="target"),
    ):
        pass
    assert caught.value.code == "m365.mailbox_refused"
    assert "directory synchronisation not done" in caught.value.cause
    assert f'Get-Mailbox -Identity "{address}"' in caught.value.fix
    assert "AUTHENTICATE failed" in caught.value.cause


def test_a_short_lived_token_the_server_finds_expired_is_replaced_once_before_the_mailbox_is_refused(
    setup: tuple[Endpoint, TokenProvider, list[object]],
    oauth_dovecot: OAuthDovecotServer,
    fresh_shared_identity: IdentityServer,
) -> None:
    endpoint, provider, _ = setup
    identity = fresh_shared_identity
    identity.access_token_lifetime = 30  # msal renews it at every connect, and it may run out on its way
    address = new_mailbox(oauth_dovecot)
    identity.refuse_next_tokens(1)  # the server finds the first one expired
    before = len(identity.tokens_issued)
    with open_exchange_online(m365_account(endpoint, address, provider), role="target") as target:
        assert target.open_folder("INBOX") is not None
    assert len(identity.tokens_issued) - before == 2  # the refused token was replaced once

    # A mailbox that is really missing is refused with the new token too, and then said so.
    before = len(identity.tokens_issued)
    with (
        pytest.raises(MailstageError) as caught,
        open_exchange_online(m365_account(endpoint, "missing@contoso.nl", provider), role="target"),
    ):
        pass
    assert caught.value.code == "m365.mailbox_refused"
    assert len(identity.tokens_issued) - before == 2


def test_a_refused_mailbox_costs_no_second_token_while_the_token_has_time_left(
    setup: tuple[Endpoint, TokenProvider, list[object]], fresh_shared_identity: IdentityServer
) -> None:
    endpoint, provider, _ = setup
    identity = fresh_shared_identity
    assert identity.access_token_lifetime >= 3600  # Exchange's own: an hour or more
    before = len(identity.tokens_issued)
    for address in ("missing-1@contoso.nl", "missing-2@contoso.nl"):
        with (
            pytest.raises(MailstageError) as caught,
            open_exchange_online(m365_account(endpoint, address, provider), role="target"),
        ):
            pass
        assert caught.value.code == "m365.mailbox_refused"
    # A batch whose mailboxes are not synchronised yet does not send a token request per mailbox.
    assert len(identity.tokens_issued) - before <= 1


def test_each_connect_asks_for_a_token_valid_at_that_moment(
    setup: tuple[Endpoint, TokenProvider, list[object]],
    oauth_dovecot: OAuthDovecotServer,
    fresh_shared_identity: IdentityServer,
) -> None:
    endpoint, provider, _ = setup
    fresh_shared_identity.access_token_lifetime = 30  # under msal's five-minute margin: renewed every time
    address = new_mailbox(oauth_dovecot)
    seen: list[str] = []
    account = m365_account(endpoint, address, provider)
    assert account.token is not None
    recorded = account.token

    def recording() -> str:
        seen.append(recorded())
        return seen[-1]

    for _ in range(2):
        with open_exchange_online(account.__class__(endpoint, address, token=recording), role="target"):
            pass
    assert len(seen) == 2 and seen[0] != seen[1]
    assert all(token_claims(t)["exp"] > time.time() for t in seen)


def test_message_over_the_size_limit_is_skipped_with_the_set_mailbox_fix(
    setup: tuple[Endpoint, TokenProvider, list[object]],
    oauth_dovecot: OAuthDovecotServer,
    exchange_like: ExchangeLikeProxy,
) -> None:
    endpoint, provider, _ = setup
    address = new_mailbox(oauth_dovecot)
    big = MESSAGE + b"x" * 5000 + b"\r\n"
    # Exchange itself refuses it (the endpoint's own limit is the default 35 MB): its answer is explained.
    exchange_like.rules.size_limit = 3000
    with open_exchange_online(m365_account(endpoint, address, provider), role="target") as target:
        inbox = target.open_folder("INBOX")
        outcomes = target.append(inbox, [message(), message(big), message()])
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].code == "m365.message_too_large"
    assert f'Set-Mailbox -Identity "{address}" -MaxReceiveSize 150MB' in outcomes[1].reason
    # With the limit known, the message is not even sent.
    limited = endpoint.with_changes(size_limit=3000)
    before = exchange_like.rules.appends_seen
    with open_exchange_online(m365_account(limited, address, provider), role="target") as target:
        outcomes = target.append(target.open_folder("INBOX"), [message(big)])
    assert outcomes[0].code == "m365.message_too_large"
    assert exchange_like.rules.appends_seen == before


def test_reserved_files_folder_is_created_under_another_name(
    setup: tuple[Endpoint, TokenProvider, list[object]], oauth_dovecot: OAuthDovecotServer
) -> None:
    endpoint, provider, _ = setup
    address = new_mailbox(oauth_dovecot)
    with open_exchange_online(m365_account(endpoint, address, provider), role="target") as target:
        assert target.ensure_folder(("Files",)) == RESERVED_FOLDER_RENAMED
        assert target.ensure_folder(("Files", "2021")) == f"{RESERVED_FOLDER_RENAMED}/2021"
        names = {f.name for f in target.list_folders()}
    assert {RESERVED_FOLDER_RENAMED, f"{RESERVED_FOLDER_RENAMED}/2021"} <= names
    assert "Files" not in names


def test_throttled_session_waits_the_suggested_time_then_resumes_on_a_new_connection(
    setup: tuple[Endpoint, TokenProvider, list[object]],
    oauth_dovecot: OAuthDovecotServer,
    exchange_like: ExchangeLikeProxy,
) -> None:
    endpoint, provider, events = setup
    address = new_mailbox(oauth_dovecot)
    exchange_like.rules.throttle_appends(2, backoff_ms=1200)
    started = time.monotonic()
    with open_exchange_online(m365_account(endpoint, address, provider), role="target") as target:
        inbox = target.open_folder("INBOX")
        assert target.append(inbox, [message()])[0].ok
        with pytest.raises(MailstageError) as caught:
            target.append(inbox, [message()])
    assert caught.value.code == "m365.imap_throttled" and caught.value.transient
    assert time.monotonic() - started >= 1.2
    waits = [e for e in events if isinstance(e, MailboxWaiting)]
    assert [(w.address, w.seconds) for w in waits] == [(address, 1.2)]
    with open_exchange_online(m365_account(endpoint, address, provider), role="target") as target:
        assert target.append(target.open_folder("INBOX"), [message()])[0].ok


def test_stopping_ends_a_throttling_wait(
    setup: tuple[Endpoint, TokenProvider, list[object]],
    oauth_dovecot: OAuthDovecotServer,
    exchange_like: ExchangeLikeProxy,
) -> None:
    endpoint, provider, _ = setup
    address = new_mailbox(oauth_dovecot)
    cancel = threading.Event()
    exchange_like.rules.throttle_appends(1, backoff_ms=120_000)
    with open_exchange_online(
        m365_account(endpoint, address, provider),
        role="target",
        cancel=cancel,
        on_event=lambda e: cancel.set(),
    ) as target:
        started = time.monotonic()
        with pytest.raises(MailstageError) as caught:
            target.append(target.open_folder("INBOX"), [message()])
    assert caught.value.code == "copy.cancelled"
    assert time.monotonic() - started < 10


def test_token_source_gives_m365_mailboxes_one_shared_provider_and_others_nothing(
    fresh_shared_identity: IdentityServer,
) -> None:
    app = fresh_shared_identity.register_app(secret="Xq8~m365-App-Secret-Value-1234567890abcdEF")
    endpoint = m365_endpoint(fresh_shared_identity, app)
    store_secret(endpoint)
    source = M365TokenSource()
    first, second = source(endpoint, "a@contoso.nl"), source(endpoint, "b@contoso.nl")
    assert first is not None and second is not None
    assert first.provider is second.provider
    assert first() == second()  # one token for the app, from the shared cache
    imap = Endpoint("old", EndpointKind.IMAP, host="127.0.0.1", port=993, security=Security.TLS)
    assert source(imap, "a@contoso.nl") is None
