"""Microsoft 365 through the command line, in subprocesses as an admin runs it, against the stand-ins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.m365.conftest import APP_SECRET
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotServer
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.exchange_like import ExchangeLikeProxy
from tests.rig.identity import IdentityServer

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=timeout,
    )


def add_source(dovecot: DovecotServer) -> None:
    done = cli(
        "endpoint",
        "add",
        "old",
        "--url",
        f"imaps://{dovecot.host}:{dovecot.imaps_port}",
        "--admin",
        MASTER_USER,
        "--password-stdin",
        stdin=MASTER_PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr


def m365_add_args(identity: IdentityServer, client_id: str, port: int, *extra: str) -> list[str]:
    """`endpoint add o365` for the stand-in tenant, reached through the Exchange-like proxy on PORT."""
    return [
        "endpoint",
        "add",
        "o365",
        "--url",
        f"m365://{identity.tenant}",
        "--client-id",
        client_id,
        "--authority",
        identity.authority,
        "--imap",
        f"127.0.0.1:{port}",
        *extra,
    ]


def add_m365(
    identity: IdentityServer, client_id: str, port: int, *extra: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return cli(*m365_add_args(identity, client_id, port, *extra), stdin=stdin)


def start_device_sign_in(identity: IdentityServer, client_id: str, port: int) -> subprocess.Popen[str]:
    """`endpoint add --auth device` running in the background: it waits for the sign-in to end."""
    return subprocess.Popen(
        [sys.executable, "-m", "engine.cli", *m365_add_args(identity, client_id, port, "--auth", "device")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def write_list(path: Path, addresses: list[str]) -> Path:
    path.write_text("EmailAddress\n" + "\n".join(addresses) + "\n", encoding="utf-8")
    return path


def test_app_only_migration_through_the_cli(
    fresh_shared_identity: IdentityServer,
    oauth_dovecot: OAuthDovecotServer,
    exchange_like: ExchangeLikeProxy,
    dovecot: DovecotServer,
    new_user: Callable[..., tuple[str, str]],
    ca_context: object,
    tmp_path: Path,
    isolated_state: Path,
) -> None:
    identity = fresh_shared_identity
    identity.access_token_lifetime = 5.0  # under msal's five-minute margin: every connect gets a new token
    app = identity.register_app(secret=APP_SECRET)
    add_source(dovecot)
    added = add_m365(identity, app.client_id, exchange_like.port, "--secret-stdin", stdin=APP_SECRET + "\n")
    assert added.returncode == 0, added.stderr
    addresses = []
    for index in range(4):
        address, password = new_user("m365cli", dovecot)
        tree = CorpusGenerator(seed=index + 50).tree(25, large_sizes=[400_000] if index == 3 else [])
        seed_imap(dovecot.host, dovecot.imaps_port, address, password, tree, ssl_context=ca_context)
        oauth_dovecot.add_mailbox(address)
        addresses.append(address)
    exchange_like.rules.size_limit = 300_000  # the fourth mailbox holds one message Exchange refuses
    exchange_like.rules.throttle_appends(40, backoff_ms=300)  # one throttled IMAP session
    identity.throttle_next(1, retry_after=1)  # and one throttled token request
    issued_before = len(identity.tokens_issued)
    try:
        done = cli(
            "migrate",
            "--source",
            "old",
            "--target",
            "o365",
            "--list",
            str(write_list(tmp_path / "Pilot.csv", addresses)),
            "--json",
        )
    finally:
        exchange_like.rules.size_limit = 35 * 1024 * 1024
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "Synced" and summary["synced"] == 4
    assert exchange_like.rules.throttled == 1
    assert len(identity.tokens_issued) - issued_before >= 5
    by_address = {m["address"]: m for m in summary["mailboxes"]}
    assert by_address[addresses[3]]["items_skipped"] == 1
    # No secret or token in anything Mailstage wrote or printed.
    secrets = [APP_SECRET, *identity.tokens_issued]
    for path in (p for p in isolated_state.rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert not any(s.encode() in data for s in secrets), path
    assert not any(s in done.stdout + done.stderr + added.stdout + added.stderr for s in secrets)


def test_wrong_secret_through_the_cli_is_explained(
    fresh_shared_identity: IdentityServer, exchange_like: ExchangeLikeProxy, oauth_dovecot: OAuthDovecotServer
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    assert (
        add_m365(
            fresh_shared_identity,
            app.client_id,
            exchange_like.port,
            "--secret-stdin",
            stdin=app.secret_id + "\n",
        ).returncode
        == 0
    )
    address = "anna-cli@contoso.nl"
    oauth_dovecot.add_mailbox(address)
    tested = cli("endpoint", "test", "o365", "--mailbox", address)
    assert tested.returncode == 1
    assert "AADSTS7000215" in tested.stdout and "Secret ID" in tested.stdout
    assert app.secret_id not in tested.stdout + tested.stderr
    assert "Traceback" not in tested.stderr


def test_device_sign_in_through_the_cli_then_a_second_process_uses_it(
    fresh_shared_identity: IdentityServer, exchange_like: ExchangeLikeProxy, oauth_dovecot: OAuthDovecotServer
) -> None:
    identity = fresh_shared_identity
    app = identity.register_app(public_client_flows=True)
    identity.add_user("admin@contoso.nl", may_open_others=True)
    address = "bert-cli@contoso.nl"
    oauth_dovecot.add_mailbox(address)
    process = start_device_sign_in(identity, app.client_id, exchange_like.port)
    code = identity.wait_for_device_code()
    identity.approve_device(code.user_code, "admin@contoso.nl")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert code.user_code in out and "/devicelogin" in out
    assert "Signed in as admin@contoso.nl" in out
    codes = len(identity.device_codes)
    tested = cli("endpoint", "test", "o365", "--mailbox", address)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert len(identity.device_codes) == codes  # no new sign-in was asked for


@pytest.mark.parametrize("outcome", ["refused", "expired"])
def test_refused_or_expired_device_sign_in_through_the_cli(
    outcome: str, fresh_shared_identity: IdentityServer, exchange_like: ExchangeLikeProxy
) -> None:
    identity = fresh_shared_identity
    app = identity.register_app(public_client_flows=True)
    process = start_device_sign_in(identity, app.client_id, exchange_like.port)
    code = identity.wait_for_device_code()
    if outcome == "refused":
        identity.decline_device(code.user_code)
    else:
        identity.expire_device(code.user_code)
    _out, err = process.communicate(timeout=60)
    assert process.returncode != 0
    expected = "refused at Microsoft's sign-in page" if outcome == "refused" else "expired"
    assert expected in err
    assert "Traceback" not in err


def test_check_through_the_cli_names_the_mailbox_without_full_access(
    fresh_shared_identity: IdentityServer,
    oauth_dovecot: OAuthDovecotServer,
    exchange_like: ExchangeLikeProxy,
    dovecot: DovecotServer,
    new_user: Callable[..., tuple[str, str]],
    tmp_path: Path,
) -> None:
    app = fresh_shared_identity.register_app(secret=APP_SECRET)
    add_source(dovecot)
    assert (
        add_m365(
            fresh_shared_identity,
            app.client_id,
            exchange_like.port,
            "--secret-stdin",
            stdin=APP_SECRET + "\n",
        ).returncode
        == 0
    )
    granted, _ = new_user("granted", dovecot)
    refused, _ = new_user("refused", dovecot)
    oauth_dovecot.add_mailbox(granted)
    oauth_dovecot.add_mailbox(refused, granted=False)
    done = cli(
        "check",
        "--source",
        "old",
        "--target",
        "o365",
        "--list",
        str(write_list(tmp_path / "Week1.csv", [granted, refused])),
        "--json",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    results = {(c["id"], c["subject"]): c for c in json.loads(done.stdout)["checks"]}
    assert results[("mailbox.target_exists", granted)]["status"] == "pass"
    failed = results[("mailbox.target_exists", refused)]
    assert failed["status"] == "fail"
    assert f'Add-MailboxPermission -Identity "{refused}"' in failed["fix"]
    assert results[("target.login", f"m365://{fresh_shared_identity.tenant}")]["status"] == "pass"
