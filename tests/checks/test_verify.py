"""Verification after a real copy (the copy engine's sync_mailbox between two Dovecot servers)."""

from __future__ import annotations

import ssl
from email.header import decode_header, make_header

import pytest
from imapclient import IMAPClient

from engine.checks.sessions import account_for
from engine.endpoints import Endpoint
from engine.events import MailboxStatus
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox
from engine.verify import Grade, MailboxVerified, VerifyJob, verify_batch, verify_mailbox
from tests.checks.test_logins import admin_endpoint, seed, user
from tests.rig.certs import TestCA
from tests.rig.dovecot import DovecotServer


@pytest.fixture
def store() -> StateStore:
    state = StateStore()
    yield state  # type: ignore[misc]
    state.close()


def copy(source: Endpoint, target: Endpoint, address: str, store: StateStore) -> None:
    result = sync_mailbox(MailboxJob(account_for(source, address), account_for(target, address)), store=store)
    assert result.status is MailboxStatus.SYNCED, result.error


def client(server: DovecotServer, address: str, password: str, ca: TestCA) -> IMAPClient:
    imap = IMAPClient(
        server.host, port=server.imaps_port, ssl_context=ssl.create_default_context(cafile=str(ca.cert_path))
    )
    imap.login(address, password)
    return imap


@pytest.fixture
def copied(tls_server: DovecotServer, target_server: DovecotServer, store: StateStore):  # type: ignore[no-untyped-def]
    """A mailbox of 150 messages copied from source to target: (source, target, address, password)."""
    address, password = user(tls_server, "verify", target_server)
    seed(tls_server, address, password, total=150)
    source = admin_endpoint(tls_server, "old")
    target = admin_endpoint(target_server, "new")
    copy(source, target, address, store)
    return source, target, address, password


def test_after_a_copy_every_mailbox_is_perfect(copied, store: StateStore) -> None:  # type: ignore[no-untyped-def]
    source, target, address, _ = copied
    events: list[MailboxVerified] = []
    report = verify_batch(source, target, [VerifyJob(address)], store=store, on_event=events.append)
    result = report.mailboxes[0]
    assert result.grade is Grade.PERFECT, result
    # Agenda and Contactpersonen are not mail and are not copied; INBOX and Postvak IN share a target folder.
    assert result.source_items > 140 and result.missing == ()
    assert result.target_items == result.source_items
    assert report.exit_code() == 0
    assert [e.done for e in events] == [1]
    data = report.as_dict()
    assert set(data["mailboxes"][0]) == {
        "address",
        "grade",
        "source_items",
        "target_items",
        "skipped",
        "missing",
    }
    assert data["mailboxes"][0]["grade"] == "Perfect"


def test_a_message_deleted_on_the_target_makes_investigate_and_is_named(  # type: ignore[no-untyped-def]
    copied, target_server: DovecotServer, session_ca: TestCA, store: StateStore
) -> None:
    source, target, address, password = copied
    imap = client(target_server, address, password, session_ca)
    imap.select_folder("Projecten")
    uid = imap.search()[0]
    raw_subject = imap.fetch([uid], ["ENVELOPE"])[uid][b"ENVELOPE"].subject.decode()
    subject = str(make_header(decode_header(raw_subject)))
    imap.delete_messages([uid])
    imap.expunge()
    imap.logout()
    result = verify_mailbox(source, target, VerifyJob(address), store=store)
    assert result.grade is Grade.INVESTIGATE
    assert result.missing_count == 1
    missing = result.missing[0]
    assert missing.folder == "Projecten"
    assert missing.subject == " ".join(subject.split())
    assert missing.size > 0 and missing.date


def test_a_folder_deleted_on_the_target_makes_poor(  # type: ignore[no-untyped-def]
    copied, target_server: DovecotServer, session_ca: TestCA, store: StateStore
) -> None:
    source, target, address, password = copied
    imap = client(target_server, address, password, session_ca)
    imap.delete_folder("Archief 2019")
    imap.logout()
    result = verify_mailbox(source, target, VerifyJob(address), store=store)
    assert result.grade is Grade.POOR
    assert result.missing and all(m.folder == "Archief 2019" for m in result.missing)
    assert any(f.folder_missing and f.source_folder == "Archief 2019" for f in result.folders)
    assert verify_batch(source, target, [VerifyJob(address)], store=store).exit_code() == 1


def test_a_message_skipped_for_size_leaves_the_mailbox_good(
    tls_server: DovecotServer, target_server: DovecotServer, store: StateStore
) -> None:
    address, password = user(tls_server, "toolarge", target_server)
    seed(tls_server, address, password, total=20, large=(1_500_000,))
    source = admin_endpoint(tls_server, "old")
    target = admin_endpoint(target_server, "new", size_limit=1024 * 1024)
    copy(source, target, address, store)
    result = verify_mailbox(source, target, VerifyJob(address), store=store)
    assert result.grade is Grade.GOOD
    assert result.skipped == 1 and result.missing == ()


def test_deep_verification_catches_a_message_whose_bytes_differ(  # type: ignore[no-untyped-def]
    copied, target_server: DovecotServer, store: StateStore
) -> None:
    source, target, address, _ = copied
    # Change one letter inside a stored message on the target's disk: same size, same Message-ID.
    folder = target_server.maildir(address) / "Projecten" / "cur"
    victim = sorted(folder.iterdir())[0]
    data = victim.read_bytes()
    body_at = data.index(b"\n\n") + 10  # Dovecot keeps LF line ends on disk
    changed = data[:body_at] + (b"X" if data[body_at : body_at + 1] != b"X" else b"Y") + data[body_at + 1 :]
    victim.write_bytes(changed)
    quick = verify_mailbox(source, target, VerifyJob(address), store=store)
    assert quick.grade is Grade.PERFECT  # counts and identities still match
    deep = verify_mailbox(source, target, VerifyJob(address), store=store, deep=True)
    assert deep.grade is Grade.INVESTIGATE
    assert [m.folder for m in deep.missing] == ["Projecten"]
    assert [f.differing for f in deep.folders if f.source_folder == "Projecten"] == [1]


def test_a_mailbox_never_copied_is_poor_with_the_reason(
    tls_server: DovecotServer, target_server: DovecotServer, store: StateStore
) -> None:
    source = admin_endpoint(tls_server, "old")
    target = admin_endpoint(target_server, "new")
    result = verify_mailbox(source, target, VerifyJob("nobody@example.nl"), store=store)
    assert result.grade is Grade.POOR
    assert "never copied" in result.problem


def test_verification_only_reads(
    copied, tls_server: DovecotServer, target_server: DovecotServer, store: StateStore
) -> None:  # type: ignore[no-untyped-def]
    source, target, address, _ = copied

    def snapshot(server: DovecotServer) -> dict[str, int]:
        root = server.maildir(address)
        messages = [p for p in root.rglob("*") if p.is_file() and p.parent.name in ("cur", "new")]
        return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in messages}

    before = (snapshot(tls_server), snapshot(target_server))
    assert len(before[0]) > 140
    verify_mailbox(source, target, VerifyJob(address), store=store, deep=True)
    assert (snapshot(tls_server), snapshot(target_server)) == before
