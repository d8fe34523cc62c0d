"""Batches against real Dovecot servers: many mailboxes at once, Microsoft's statuses, limits, stop/resume."""

from __future__ import annotations

import csv
import threading

import pytest

from engine.batches import BatchRunner, MailboxProgress, MailboxStatusChanged, create_batch, reports_folder
from engine.status import BatchStatus, MailboxStatus
from engine.store import StateStore
from tests.batches.helpers import admin_endpoint, mail_messages, make_pairs, members
from tests.rig.dovecot import DovecotOptions
from tests.rig.proxy import TcpProxy


@pytest.fixture
def servers(dovecot_factory, dovecot):  # type: ignore[no-untyped-def]
    """A source server (old style: no SPECIAL-USE) and the session's modern server as target."""
    return dovecot_factory(DovecotOptions(special_use=False)), dovecot


def test_forty_mailboxes_at_concurrency_20_sync_exact_with_at_most_20_connections_per_endpoint(
    servers, ca_context
) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 40, ca_context)
    # Proxies in front of both servers count the connections really open at once.
    with (
        TcpProxy(source.host, source.imaps_port) as src_proxy,
        TcpProxy(target.host, target.imaps_port) as dst_proxy,
    ):
        store = StateStore()
        src = admin_endpoint("old-server", src_proxy.host, src_proxy.port)
        dst = admin_endpoint("new-server", dst_proxy.host, dst_proxy.port)
        store.save_endpoint(src)
        store.save_endpoint(dst)
        create_batch(store, "Batch 40", src, dst, members(pairs))
        summary = BatchRunner(store, "Batch 40", concurrency=20).run()
        # Sessions Mailstage held open at once, as the proxy saw them (a session ends when Mailstage
        # closes its side; the server may take a moment longer to say goodbye).
        assert src_proxy.peak_client_open <= 20 and dst_proxy.peak_client_open <= 20
        assert src_proxy.peak_client_open > 1  # the mailboxes really ran side by side
    assert summary.status is BatchStatus.SYNCED
    assert summary.synced == 40 and summary.failed == 0
    for pair in pairs:
        want = mail_messages(source, pair.source, pair.source_password, ca_context)
        got = mail_messages(target, pair.target, pair.target_password, ca_context)
        assert got == want, pair.source
    rows = list(
        csv.reader((reports_folder("Batch 40") / "MigrationStatistics.csv").open(encoding="utf-8-sig"))
    )
    assert len(rows) == 41 and {r[2] for r in rows[1:]} == {"Complete"}


def test_wrong_password_and_full_target_fail_alone_and_the_batch_is_synced_with_errors(
    servers, ca_context
) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 6, ca_context, target_quota={1: "1M"}, large={1: 1_500_000})
    store = StateStore()
    from engine.endpoints import Endpoint, EndpointKind, Security, mailbox_secret_key
    from engine.keystore import SecretStore

    # The source without admin access: each mailbox logs in with its own password from the list.
    src = Endpoint(
        "old-server", EndpointKind.IMAP, host=source.host, port=source.imaps_port, security=Security.TLS
    )
    for index, pair in enumerate(pairs):
        password = "not-the-password" if index == 0 else pair.source_password
        SecretStore().put(mailbox_secret_key(src.name, pair.source), password)
    dst = admin_endpoint("new-server", target.host, target.imaps_port)
    store.save_endpoint(src)
    store.save_endpoint(dst)
    create_batch(store, "Pilot", src, dst, members(pairs))
    summary = BatchRunner(store, "Pilot", concurrency=4).run()

    statuses = {m.address: m.status for m in summary.mailboxes}
    assert statuses[pairs[0].source] is MailboxStatus.FAILED
    assert statuses[pairs[1].source] is MailboxStatus.FAILED
    assert [statuses[p.source] for p in pairs[2:]] == [MailboxStatus.SYNCED] * 4
    assert summary.status is BatchStatus.SYNCED_WITH_ERRORS
    errors = {
        row[0]: row[1]
        for row in csv.reader((reports_folder("Pilot") / "MigrationErrors.csv").open(encoding="utf-8-sig"))
    }
    assert "refused" in errors[pairs[0].source] and "password" in errors[pairs[0].source]
    assert "full" in errors[pairs[1].source] and "quota" in errors[pairs[1].source]
    assert "not-the-password" not in errors[pairs[0].source]


def test_stop_in_the_middle_then_resume_completes_exact_without_duplicates(servers, ca_context) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 8, ca_context, messages=60)
    store = StateStore()
    src = admin_endpoint("old-server", source.host, source.imaps_port)
    dst = admin_endpoint("new-server", target.host, target.imaps_port)
    store.save_endpoint(src)
    store.save_endpoint(dst)
    create_batch(store, "Stop me", src, dst, members(pairs))

    runner: BatchRunner
    progressed = threading.Event()

    def listen(event: object) -> None:
        if isinstance(event, MailboxProgress) and event.items_done > 0:
            progressed.set()
            runner.stop()

    runner = BatchRunner(store, "Stop me", concurrency=2, events=listen, progress_interval=0)
    first = runner.run()
    assert progressed.is_set()
    assert first.status is BatchStatus.STOPPED
    assert any(m.status is MailboxStatus.STOPPED for m in first.mailboxes)

    seen: list[MailboxStatusChanged] = []
    second = BatchRunner(store, "Stop me", concurrency=4, events=lambda e: seen.append(e)).run()  # type: ignore[arg-type,func-returns-value]
    assert second.status is BatchStatus.SYNCED
    for pair in pairs:
        want = mail_messages(source, pair.source, pair.source_password, ca_context)
        got = mail_messages(target, pair.target, pair.target_password, ca_context)
        assert got == want, pair.source  # a multiset: a duplicate would show as a count of 2


def test_server_allowing_five_connections_slows_the_batch_but_fails_no_mailbox(
    dovecot_factory, dovecot, ca_context
) -> None:
    source = dovecot_factory(DovecotOptions(special_use=False, process_limit=5))
    # Enough mailboxes and messages that more than five sessions overlap for certain.
    pairs = make_pairs(source, dovecot, 20, ca_context, messages=40)
    store = StateStore()
    src = admin_endpoint("old-server", source.host, source.imaps_port)
    dst = admin_endpoint("new-server", dovecot.host, dovecot.imaps_port)
    store.save_endpoint(src)
    store.save_endpoint(dst)
    create_batch(store, "Limited", src, dst, members(pairs))
    summary = BatchRunner(store, "Limited", concurrency=20).run()
    assert summary.failed == 0, [m.error_message for m in summary.mailboxes if m.error_message]
    assert summary.status is BatchStatus.SYNCED
    log = (reports_folder("Limited") / "batch.log").read_text()
    assert "waiting" in log or "pushed back" in log
