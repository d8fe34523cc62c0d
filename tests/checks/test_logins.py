"""Checks that log in (login, capabilities, connections, per mailbox, estimate) against real Dovecot."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import ssl

import pytest

from engine.checks import CheckReport, CheckSetup, Status, build_checks, run_checks
from engine.checks.estimate import Sample, describe_duration, estimate_duration, in_date_range
from engine.endpoints import AdminLoginStyle, Endpoint, secret_key
from engine.keystore import SecretStore
from engine.plan import ALL_DATES, DateRange
from tests.checks.conftest import imaps
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, DovecotServer

_numbers = itertools.count(1)


def user(server: DovecotServer, prefix: str, *others: DovecotServer) -> tuple[str, str]:
    """A new user on SERVER (and on OTHERS with the same password)."""
    name = f"{prefix}{next(_numbers)}@example.nl"
    password = f"pw-{prefix}-Secret-{next(_numbers)}"
    for each in (server, *others):
        each.add_user(name, password)
    return name, password


def admin_endpoint(server: DovecotServer, name: str, **changes: object) -> Endpoint:
    """An implicit-TLS endpoint that opens mailboxes through Dovecot's master user; password in the keyring."""
    SecretStore().put(secret_key(name), MASTER_PASSWORD)
    return imaps(server, name, admin_user="admin", admin_style=AdminLoginStyle.SASL, **changes)


def seed(
    server: DovecotServer, address: str, password: str, *, total: int = 24, large: tuple[int, ...] = ()
) -> int:
    tree = CorpusGenerator(seed=next(_numbers)).tree(total, large_sizes=large)
    context = ssl.create_default_context(cafile=None)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    seed_imap(server.host, server.imaps_port, address, password, tree, ssl_context=context)
    return sum(len(folder.messages) for folder in tree)


def run(setup: CheckSetup) -> CheckReport:
    return run_checks(build_checks(setup))


def test_a_ready_setup_passes_every_check_with_evidence(
    tls_server: DovecotServer, target_server: DovecotServer
) -> None:
    alice, password = user(tls_server, "alice", target_server)
    messages = seed(tls_server, alice, password)
    source = admin_endpoint(tls_server, "source")
    target = admin_endpoint(target_server, "target")
    report = run(CheckSetup(source=source, target=target, mailboxes=[alice], concurrency=5))
    bad = [r for r in report.results if r.status is not Status.PASS]
    assert not bad, bad
    login = report.find("source.login")
    assert f"The admin account admin opened {alice} (SASL PLAIN on behalf of the mailbox)" in login.evidence
    caps = report.find("target.capabilities").evidence
    assert "UIDPLUS: the target names each copied message at once" in caps
    assert "APPENDLIMIT=104857600: the largest message the target takes is 100.0 MB" in caps
    assert "SPECIAL-USE: Sent, Trash" in report.find("source.capabilities").evidence
    assert "5 sessions were open at once" in report.find("target.connections").evidence
    assert report.find("mailbox.source_access", alice).evidence.startswith(f"{alice} opens on the source")
    assert report.find("mailbox.target_exists", alice).status is Status.PASS
    size = report.find("mailbox.size", alice)
    assert size.data["messages"] == messages
    assert f"{messages} messages" in size.evidence
    # Counted by month too, so a batch with a date range can be sized before it runs.
    by_month = size.data["by_month"]
    assert sum(m for m, _ in by_month.values()) == messages
    assert sum(b for _, b in by_month.values()) == size.data["bytes"]
    assert all(key[:2] == "20" and key[4] == "-" for key in by_month)
    assert in_date_range(by_month, ALL_DATES) == (messages, size.data["bytes"])
    estimate = report.find("estimate.duration")
    assert estimate.evidence.startswith("About ")
    assert "with 1 at once, from a sample of" in estimate.evidence
    assert report.exit_code() == 0


def test_a_broken_setup_names_each_problem_and_its_fix(
    tls_server: DovecotServer, limited_target: DovecotServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    alice, alice_pw = user(tls_server, "alice", limited_target)
    bob, bob_pw = user(tls_server, "bob")  # never synchronised to the target
    ghost = f"ghost{next(_numbers)}@example.nl"  # not on the source: the admin cannot open it
    limited_target.add_user(ghost, "pw-ghost-Secret")
    seed(tls_server, alice, alice_pw, total=8)
    source = admin_endpoint(tls_server, "source")
    target = admin_endpoint(limited_target, "target")
    report = run(CheckSetup(source=source, target=target, mailboxes=[alice, bob, ghost], concurrency=5))

    connections = report.find("target.connections")
    assert connections.status is Status.FAIL
    assert connections.evidence.startswith(
        "Only 3 of 5 sessions could be open at once: session 4 was refused"
    )
    assert "[LIMIT]" in connections.evidence or "Maximum number of connections" in connections.evidence
    assert connections.fix.startswith("Raise the server's connection limit to at least 5")
    assert connections.fix.endswith("or lower Maximum concurrent migrations to 3.")
    assert connections.data["worked"] == 3
    assert report.find("source.connections").status is Status.PASS

    missing = report.find("mailbox.target_exists", bob)
    assert missing.status is Status.FAIL
    assert f"There is no mailbox {bob} on the target" in missing.evidence
    assert missing.fix.startswith(f"Create the mailbox {bob} on the target (directory synchronisation")
    assert report.find("mailbox.target_exists", alice).status is Status.PASS

    no_access = report.find("mailbox.source_access", ghost)
    assert no_access.status is Status.FAIL
    assert f"{ghost} cannot be opened on the source" in no_access.evidence
    assert f"Give admin full access to {ghost} on the source" in no_access.fix
    assert report.find("mailbox.size", ghost).evidence == "Not run: mailbox.source_access failed."
    assert report.exit_code() == 1

    text = json.dumps(report.as_dict()) + caplog.text
    for secret in (MASTER_PASSWORD, alice_pw, bob_pw, "pw-ghost-Secret"):
        assert secret not in text


def test_messages_larger_than_the_target_takes_are_listed(
    tls_server: DovecotServer, target_server: DovecotServer
) -> None:
    alice, password = user(tls_server, "big", target_server)
    seed(tls_server, alice, password, total=6, large=(1_500_000,))
    source = admin_endpoint(tls_server, "source")
    target = admin_endpoint(target_server, "target", size_limit=1024 * 1024)
    size = run(CheckSetup(source=source, target=target, mailboxes=[alice], concurrency=2)).find(
        "mailbox.size", alice
    )
    assert size.status is Status.WARN
    assert "1 message is larger than the target accepts (1.0 MB)" in size.evidence
    # folder: 'subject' (date, size)
    assert "reported: Archief 2019: 'large " in size.evidence and ", 1.4 MB)." in size.evidence
    assert size.fix.startswith(f"Ask the user of {alice} to save these attachments elsewhere")


def test_a_wrong_admin_password_fails_login_and_skips_what_needs_it(
    tls_server: DovecotServer, target_server: DovecotServer
) -> None:
    alice, _ = user(tls_server, "alice", target_server)
    source = imaps(tls_server, "source", admin_user="admin")
    SecretStore().put(secret_key("source"), "Wrong-Admin-Password-1")
    report = run(CheckSetup(source=source, mailboxes=[alice], concurrency=2))
    login = report.find("source.login")
    assert login.status is Status.FAIL
    assert "The admin account admin was refused" in login.evidence
    assert "Check the admin password of endpoint source" in login.fix
    assert "Wrong-Admin-Password-1" not in json.dumps(report.as_dict())
    assert report.find("source.connections").evidence == "Not run: source.login failed."
    assert report.find("mailbox.source_access", alice).evidence == "Not run: source.login failed."


def test_without_admin_account_or_list_the_login_check_says_why_it_cannot_run(
    tls_server: DovecotServer,
) -> None:
    login = run(CheckSetup(source=imaps(tls_server, "source"))).find("source.login")
    assert login.status is Status.SKIP
    assert "no admin account, and no mailbox list was given" in login.evidence


def test_the_estimate_fits_cost_per_message_and_per_byte() -> None:
    # 10 ms per message plus 1 s per MB, measured exactly.
    sample = Sample(tuple((size, 0.01 + size / 1_000_000) for size in (1_000, 50_000, 400_000, 2_000_000)))
    per_message, per_byte = sample.costs()
    assert per_message == pytest.approx(0.01)
    assert per_byte == pytest.approx(1e-6)
    # 1000 messages, 500 MB, 4 mailboxes 2 at once: (10 s + 500 s) x 2 (write) / 2 lanes.
    estimate = estimate_duration(1000, 500_000_000, mailboxes=4, parallel=2, sample=sample)
    assert estimate.seconds == pytest.approx(510.0)
    assert estimate.parallel == 2
    assert describe_duration(estimate.seconds) == "8 min"
    assert describe_duration(3 * 3600 + 600) == "3 h 10 min"
    assert describe_duration(20) == "under a minute"
    assert describe_duration(3 * 86400) == "3 days 0 h"


def test_a_date_range_counts_whole_months_and_the_covered_share_of_partial_ones() -> None:
    by_month = {"2024-01": [31, 3100], "2024-02": [10, 2900], "2024-03": [5, 500], "": [2, 20]}
    everything = in_date_range(by_month, ALL_DATES)
    assert everything == (48, 6520)
    # February 2024 has 29 days: from the 16th on is 14 of them; no date is counted in any range.
    february_on = in_date_range(by_month, DateRange(first=dt.date(2024, 2, 16)))
    assert february_on == (round(10 * 14 / 29 + 5 + 2), round(2900 * 14 / 29 + 500 + 20))
    january = in_date_range(by_month, DateRange(dt.date(2024, 1, 1), dt.date(2024, 1, 31)))
    assert january == (33, 3120)
    assert in_date_range(by_month, DateRange(last=dt.date(2023, 12, 31))) == (2, 20)


def test_local_folder_endpoints_are_checked_as_folders(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import mailbox

    from engine.endpoints import EndpointKind

    source_root = tmp_path / "archive"
    source_root.mkdir()
    box = mailbox.Maildir(source_root / "anna@example.nl", create=True)
    box.add(b"From: a@example.nl\r\nSubject: hello\r\nMessage-ID: <1@example.nl>\r\n\r\nbody\r\n")
    source = Endpoint("archive", EndpointKind.MAILDIR, path=str(source_root))
    target = Endpoint("copy", EndpointKind.MAILDIR, path=str(tmp_path / "new-copy"))
    report = run(CheckSetup(source=source, target=target, mailboxes=["anna@example.nl"]))
    assert (
        report.find("source.dns").status is Status.SKIP
        and "Not applicable" in report.find("source.dns").evidence
    )
    assert report.find("source.login").status is Status.PASS
    assert report.find("target.login").evidence.startswith(
        f"The folder {tmp_path / 'new-copy'} does not exist yet"
    )
    assert report.find("source.connections").status is Status.SKIP
    assert report.find("mailbox.source_access", "anna@example.nl").status is Status.PASS
    assert report.find("mailbox.size", "anna@example.nl").data["messages"] == 1
    missing = Endpoint("gone", EndpointKind.MAILDIR, path=str(tmp_path / "nowhere"))
    login = run(CheckSetup(source=missing)).find("source.login")
    assert login.status is Status.FAIL and "does not exist" in login.evidence


def test_a_server_process_limit_is_found_and_the_working_number_recommended(
    dovecot_factory,  # type: ignore[no-untyped-def]
    long_cert,
) -> None:
    from tests.rig.dovecot import DovecotOptions

    server: DovecotServer = dovecot_factory(DovecotOptions(process_limit=2), cert=long_cert)
    alice, _ = user(server, "alice")
    report = run(CheckSetup(source=admin_endpoint(server, "busy"), mailboxes=[alice], concurrency=4))
    connections = report.find("source.connections")
    assert connections.status is Status.FAIL
    assert connections.evidence.startswith("Only 2 of 4 sessions could be open at once")
    assert connections.fix.endswith("or lower Maximum concurrent migrations to 2.")
