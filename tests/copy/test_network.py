"""The copy on a bad network and a busy server: cut connections, refused logins, connection caps."""

from __future__ import annotations

import ssl
import threading

from imapclient import IMAPClient

from engine.connectors.base import EndpointSemaphores
from engine.endpoints import Endpoint
from engine.events import Event, MailboxStatus, MessagesCopied, Waiting
from engine.store import StateStore
from engine.sync import MailboxJob, SyncOptions, sync_mailbox
from tests.copy.helpers import (
    expected_target,
    imap_endpoint,
    read_mailbox,
    unique_user,
    user_account,
    without_empty,
)
from tests.copy.test_copy_exact import DUTCH_TO_MODERN
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer
from tests.rig.proxy import TcpProxy

FAST_RETRY = SyncOptions(first_delay=0.01, max_delay=0.05)


def test_connections_cut_in_mid_transfer_several_times_still_end_in_an_exact_copy(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=51).tree(250, large_sizes=[1_500_000])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    # Connections are cut after these many bytes, in the order they are opened; later ones are left alone.
    with TcpProxy(
        dovecot.host, dovecot.imaps_port, cut_after=[400_000, 90_000, 1_200_000, 250_000, 60_000]
    ) as proxy:
        job = MailboxJob(
            user_account(imap_endpoint(dovecot, "source", port=proxy.port), source_user, source_password),
            user_account(imap_endpoint(dovecot, "target", port=proxy.port), target_user, target_password),
            options=SyncOptions(batch_messages=40, first_delay=0.01, max_delay=0.05),
        )
        events: list[Event] = []
        result = sync_mailbox(job, store=StateStore(), events=events.append)
    assert result.status is MailboxStatus.SYNCED, result.error
    assert proxy.cuts >= 3
    waits = [e for e in events if isinstance(e, Waiting)]
    assert len(waits) >= 3 and all(w.error.transient for w in waits)
    assert waits[0].error.code == "imap.connection_lost"
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )


def test_copy_through_a_20ms_round_trip_is_exact(dovecot: DovecotServer, ca_context: ssl.SSLContext) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=52).tree(80)
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    with TcpProxy(dovecot.host, dovecot.imaps_port, delay=0.010) as proxy:
        job = MailboxJob(
            user_account(imap_endpoint(dovecot, "source", port=proxy.port), source_user, source_password),
            user_account(imap_endpoint(dovecot, "target", port=proxy.port), target_user, target_password),
        )
        result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )


def test_too_many_connections_is_a_transient_error_with_a_code_the_runner_can_back_off_on(
    dovecot: DovecotServer, one_connection_dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    limited = one_connection_dovecot
    source_user, source_password = unique_user(limited, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    seed_imap(
        limited.host,
        limited.imaps_port,
        source_user,
        source_password,
        CorpusGenerator(53).tree(20),
        ssl_context=ca_context,
    )
    job = MailboxJob(
        user_account(imap_endpoint(limited, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
        options=SyncOptions(max_attempts=1),
    )
    with IMAPClient(limited.host, port=limited.imaps_port, ssl_context=ca_context) as holder:
        holder.login(source_user, source_password)
        result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.FAILED
    assert result.error is not None
    assert (result.error.code, result.error.transient) == ("imap.connection_limit", True)
    assert source_user in result.error.what


def test_busy_server_is_waited_for_and_the_copy_resumes_when_it_has_room(
    dovecot: DovecotServer, one_connection_dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    limited = one_connection_dovecot
    source_user, source_password = unique_user(limited, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    seed_imap(
        limited.host,
        limited.imaps_port,
        source_user,
        source_password,
        CorpusGenerator(54).tree(30),
        ssl_context=ca_context,
    )
    job = MailboxJob(
        user_account(imap_endpoint(limited, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
        options=FAST_RETRY,
    )
    holder = IMAPClient(limited.host, port=limited.imaps_port, ssl_context=ca_context)
    holder.login(source_user, source_password)
    waits: list[Waiting] = []

    def on_event(event: Event) -> None:
        if isinstance(event, Waiting):
            waits.append(event)
            if len(waits) == 2:
                holder.logout()  # the other session ends: now there is room

    result = sync_mailbox(job, store=StateStore(), events=on_event)
    assert result.status is MailboxStatus.SYNCED, result.error
    assert len(waits) >= 2 and waits[0].error.code == "imap.connection_limit"
    expected = expected_target(
        read_mailbox(limited, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )


def test_connection_gate_caps_connections_per_endpoint_across_threads(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    class WatchedGate(EndpointSemaphores):
        """The real per-endpoint semaphores, recording how many were open at once."""

        def __init__(self) -> None:
            super().__init__()
            self.open: dict[str, int] = {}
            self.peak: dict[str, int] = {}
            self.lock = threading.Lock()

        def acquire(self, endpoint: Endpoint, cancel: threading.Event) -> bool:
            if not super().acquire(endpoint, cancel):
                return False
            with self.lock:
                self.open[endpoint.name] = self.open.get(endpoint.name, 0) + 1
                self.peak[endpoint.name] = max(self.peak.get(endpoint.name, 0), self.open[endpoint.name])
            return True

        def release(self, endpoint: Endpoint) -> None:
            with self.lock:
                self.open[endpoint.name] -= 1
            super().release(endpoint)

    gate = WatchedGate()
    store = StateStore()
    source = imap_endpoint(dovecot, "source", max_concurrent=2)
    target = imap_endpoint(dovecot, "target", max_concurrent=3)
    jobs = []
    for n in range(5):
        source_user, source_password = unique_user(dovecot, "bron")
        target_user, target_password = unique_user(dovecot, "doel")
        seed_imap(
            dovecot.host,
            dovecot.imaps_port,
            source_user,
            source_password,
            CorpusGenerator(60 + n).tree(15, folders=[(("INBOX",), 1)]),
            ssl_context=ca_context,
        )
        jobs.append(
            MailboxJob(
                user_account(source, source_user, source_password),
                user_account(target, target_user, target_password),
            )
        )
    results: list[MailboxStatus] = []
    threads = [
        threading.Thread(target=lambda j=job: results.append(sync_mailbox(j, store=store, gate=gate).status))
        for job in jobs
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [MailboxStatus.SYNCED] * 5
    assert gate.peak["source"] <= 2 and gate.peak["target"] <= 3
    assert gate.open == {"source": 0, "target": 0}


def test_server_ending_the_session_mid_copy_is_retried_and_the_copy_resumes_exactly(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    """`doveadm kick` makes Dovecot end the sessions (as a server restart or an admin would)."""
    import subprocess

    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=55).tree(150, folders=[(("INBOX",), 2), (("Projecten",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
        options=SyncOptions(batch_messages=20, first_delay=0.01, max_delay=0.05),
    )
    kicked: list[str] = []

    def kick_on_second_and_fourth_batch(event: Event) -> None:
        if isinstance(event, MessagesCopied) and len(kicked) < 2 and event.messages_done in (40, 80):
            user = source_user if not kicked else target_user
            subprocess.run(
                ["doveadm", "-c", str(dovecot.config), "kick", user], check=True, capture_output=True
            )
            kicked.append(user)

    events: list[Event] = []

    def on_event(event: Event) -> None:
        events.append(event)
        kick_on_second_and_fourth_batch(event)

    result = sync_mailbox(job, store=StateStore(), events=on_event)
    assert result.status is MailboxStatus.SYNCED, result.error
    assert kicked == [source_user, target_user]
    waits = [e for e in events if isinstance(e, Waiting)]
    assert len(waits) == 2 and {w.error.code for w in waits} <= {"imap.connection_lost", "imap.unavailable"}
    progress = [e.messages_done for e in events if isinstance(e, MessagesCopied)]
    assert progress == sorted(progress) and progress[-1] == result.copied  # never back to zero after a retry
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )
