"""`mailstage-cli check` end to end: real servers, endpoints in the state store, a CSV list, dnsmasq."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind, Security, secret_key
from engine.keystore import SecretStore
from engine.store import StateStore
from tests.checks.conftest import imaps
from tests.checks.test_logins import seed, user
from tests.rig.dns import DnsServer
from tests.rig.dovecot import MASTER_PASSWORD, DovecotServer
from tests.rig.hung import HungServer, closed_port

ROOT = Path(__file__).resolve().parents[2]


def save(endpoint: Endpoint, password: str | None = MASTER_PASSWORD) -> Endpoint:
    store = StateStore()
    try:
        store.save_endpoint(endpoint)
    finally:
        store.close()
    if password:
        SecretStore().put(secret_key(endpoint.name), password)
    return endpoint


def admin(server: DovecotServer | HungServer, name: str) -> Endpoint:
    return imaps(server, name, admin_user="admin", admin_style=AdminLoginStyle.SASL)


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env=os.environ.copy(),
    )


def write_list(tmp_path: Path, *addresses: str) -> Path:
    path = tmp_path / "mailboxes.csv"
    path.write_text("EmailAddress\n" + "".join(a + "\n" for a in addresses), encoding="utf-8")
    return path


def test_json_for_a_broken_setup_follows_the_contract_and_exits_1(
    tmp_path: Path,
    tls_server: DovecotServer,
    limited_target: DovecotServer,
    dns_server: DnsServer,
    isolated_state: Path,
) -> None:
    alice, alice_pw = user(tls_server, "alice", limited_target)
    bob, _ = user(tls_server, "bob")
    ghost = "ghost-cli@example.nl"
    limited_target.add_user(ghost, "pw-ghost-Secret")
    seed(tls_server, alice, alice_pw, total=8)
    save(admin(tls_server, "old"))
    save(admin(limited_target, "new"))
    listed = write_list(tmp_path, alice, bob, ghost)
    done = cli(
        "--source", "old", "--target", "new", "--list", str(listed), "--concurrency", "5",
        "--domain", "wrongtxt.test", "--txt", "MS=ms12345678", "--nameserver", dns_server.nameserver, "--json",
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"checks", "summary"}
    statuses = {(c["id"], c["subject"]): c["status"] for c in data["checks"]}
    assert all(set(c) == {"id", "subject", "status", "evidence", "fix"} for c in data["checks"])
    assert statuses[("target.connections", limited_target_url(limited_target))] == "fail"
    assert statuses[("mailbox.target_exists", bob)] == "fail"
    assert statuses[("mailbox.source_access", ghost)] == "fail"
    assert statuses[("mailbox.size", ghost)] == "skip"
    assert statuses[("domain.txt", "wrongtxt.test")] == "fail"
    assert statuses[("domain.mx", "wrongtxt.test")] == "pass"
    assert statuses[("source.tls", tls_server_url(tls_server))] == "pass"
    counts = {s: list(statuses.values()).count(s) for s in ("pass", "warn", "fail", "skip")}
    assert data["summary"] == counts
    log = (isolated_state / "logs" / "mailstage-cli.log").read_text()
    for secret in (MASTER_PASSWORD, alice_pw, "pw-ghost-Secret"):
        assert secret not in done.stdout + done.stderr + log


def limited_target_url(server: DovecotServer) -> str:
    return f"imaps://{server.host}:{server.imaps_port}"


tls_server_url = limited_target_url


def test_the_table_shows_each_problem_with_its_fix_and_no_colour_when_piped(
    self_signed_server: DovecotServer, dns_server: DnsServer
) -> None:
    save(admin(self_signed_server, "exchange2007"))
    save(Endpoint("cloud", EndpointKind.IMAP, host="127.0.0.1", port=closed_port(), security=Security.TLS))
    done = cli(
        "--source", "exchange2007", "--target", "cloud", "--domain", "nodisc.test", "--nameserver", dns_server.nameserver
    )  # fmt: skip
    assert done.returncode == 1
    out = done.stdout
    assert "\x1b[" not in out
    assert "Prerequisite checks: source exchange2007" in out
    assert "FAIL   source.tls" in out
    assert "Fix: Install a certificate from a trusted authority" in out
    assert "mailstage-cli endpoint trust exchange2007 --fingerprint" in out.replace("\n", " ").replace(
        "       ", ""
    )
    assert "FAIL   target.tcp" in out and "refused connections" in out
    assert "SKIP   target.tls" in out and "Not run: target.tcp failed." in out
    assert "WARN   domain.autodiscover" in out
    assert out.rstrip().splitlines()[-1].endswith("skipped.")


def test_colour_is_used_on_a_terminal() -> None:
    save(Endpoint("a", EndpointKind.IMAP, host="127.0.0.1", port=closed_port(), security=Security.TLS))
    parent, child = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "engine.cli", "check", "--source", "a", "--target", "a"],
            stdout=child,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            env={**os.environ, "TERM": "xterm"},
        )
        os.close(child)
        child = -1
        output = b""
        while True:
            try:
                chunk = os.read(parent, 65536)
            except OSError:  # the terminal closes when the program exits
                break
            if not chunk:
                break
            output += chunk
        assert proc.wait(timeout=60) == 1
    finally:
        os.close(parent)
        if child >= 0:
            os.close(child)
    assert b"\x1b[31mFAIL\x1b[0m" in output
    assert b"\x1b[90mSKIP\x1b[0m" in output


def test_a_hung_server_fails_in_time_and_the_whole_run_takes_under_a_minute(
    tmp_path: Path, hung_server: HungServer, target_server: DovecotServer
) -> None:
    alice, _ = user(target_server, "alice")
    save(admin(hung_server, "hung"))
    save(admin(target_server, "new"))
    listed = write_list(tmp_path, alice)
    started = time.monotonic()
    done = cli("--source", "hung", "--target", "new", "--list", str(listed), "--concurrency", "3", "--json")
    elapsed = time.monotonic() - started
    assert elapsed < 60
    data = {(c["id"], c["subject"]): c for c in json.loads(done.stdout)["checks"]}
    hung_url = f"imaps://127.0.0.1:{hung_server.port}"
    assert data[("source.tcp", hung_url)]["status"] == "pass"
    assert data[("source.tls", hung_url)]["status"] == "fail"
    assert "did not answer the TLS handshake" in data[("source.tls", hung_url)]["evidence"]
    target_url = f"imaps://127.0.0.1:{target_server.imaps_port}"
    for name in ("dns", "tcp", "tls", "login", "capabilities", "connections"):
        assert data[(f"target.{name}", target_url)]["status"] == "pass"
    assert data[("mailbox.target_exists", alice)]["status"] == "pass"
    assert data[("mailbox.source_access", alice)]["evidence"] == "Not run: source.login was skipped."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "nope", "--target", "nope"], "There is no endpoint named 'nope'"),
        (["--source", "a", "--target", "a", "--nameserver", "1.2.3.4:99999"], "not a number from 1 to 65535"),
        (["--source", "a", "--target", "a", "--txt", "MS=ms1"], "--txt was given without --domain"),
        (["--source", "a", "--target", "a", "--concurrency", "0"], "give a number from 1 to 500"),
        (["--target", "a"], "the following arguments are required: --source"),
    ],
)
def test_bad_usage_exits_2_with_what_to_do(args: list[str], message: str) -> None:
    save(Endpoint("a", EndpointKind.IMAP, host="127.0.0.1", port=closed_port(), security=Security.TLS))
    done = cli(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
