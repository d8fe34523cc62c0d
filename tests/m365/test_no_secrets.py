"""No client secret, access token or refresh token in any file Mailstage wrote, in its logs (at DEBUG,
msal's included) or in the errors it shows."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engine.connectors.base import Account
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import MailstageError
from engine.events import MailboxStatus
from engine.keystore import REDACTOR
from engine.m365.checks import endpoint_test
from engine.m365.connect import m365_account
from engine.m365.tokens import token_provider_for
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox
from tests.m365.conftest import APP_SECRET, m365_endpoint, new_mailbox, store_secret
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer


@pytest.fixture
def debug_log(isolated_state: Path) -> Iterator[Path]:
    """Everything logged at DEBUG, through the same redaction filter the CLI and the GUI install."""
    path = isolated_state / "logs" / "debug.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    yield path
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_nothing_secret_is_written_logged_or_shown(
    fresh_shared_identity: IdentityServer,
    oauth_dovecot: OAuthDovecotServer,
    exchange_like: ExchangeLikeProxy,
    dovecot: DovecotServer,
    new_user: Callable[..., tuple[str, str]],
    ca_context: ssl.SSLContext,
    isolated_state: Path,
    debug_log: Path,
) -> None:
    identity = fresh_shared_identity
    identity.access_token_lifetime = 60  # renewed at every connect: many tokens pass through
    # App-only: a copy, the checks, and a wrong secret.
    app = identity.register_app(secret=APP_SECRET)
    endpoint = m365_endpoint(identity, app, port=exchange_like.port)
    store_secret(endpoint)
    address, password = new_user("geheim", dovecot)
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        address,
        password,
        CorpusGenerator(seed=3).tree(20),
        ssl_context=ca_context,
    )
    source = Account(
        Endpoint("old", EndpointKind.IMAP, host=dovecot.host, port=dovecot.imaps_port, security=Security.TLS),
        address,
        password=lambda: password,
    )
    target = new_mailbox(oauth_dovecot)
    store = StateStore()
    store.save_endpoint(endpoint)
    result = sync_mailbox(
        MailboxJob(source, m365_account(endpoint, target, token_provider_for(endpoint))), store=store
    )
    assert result.status is MailboxStatus.SYNCED, result.error
    shown: list[str] = [str([r.as_dict() for r in endpoint_test(endpoint, target).results])]
    wrong = m365_endpoint(identity, app, name="wrongsecret", port=exchange_like.port)
    store_secret(wrong, app.secret_id)
    with pytest.raises(MailstageError) as caught:
        token_provider_for(wrong).token()
    shown.append(str(caught.value) + repr(caught.value.as_dict()))
    # Device code: a sign-in saved on disk, renewed with its refresh token.
    public = identity.register_app(public_client_flows=True)
    identity.add_user("admin@contoso.nl", may_open_others=True)
    device = m365_endpoint(identity, public, name="devicecode", mode="device", port=exchange_like.port)
    provider = token_provider_for(device)
    provider.sign_in(lambda prompt: identity.approve_device(prompt.user_code, "admin@contoso.nl"))
    provider.token()
    token_provider_for(device).token()  # a second provider: from the saved sign-in (refresh token)

    secrets = [APP_SECRET, app.secret_id, *identity.tokens_issued, *identity.refresh_tokens]
    assert len(identity.tokens_issued) >= 4 and identity.refresh_tokens
    written = files_under(isolated_state)
    assert debug_log in written and any(p.suffix == ".msalcache" for p in written)
    assert "msal" in debug_log.read_text()  # msal's own DEBUG lines went through the filter too
    for path in written:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"a secret or token in {path.relative_to(isolated_state)}"
    for text in shown:
        for secret in secrets:
            assert secret not in text
