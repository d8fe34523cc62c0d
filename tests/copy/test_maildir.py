"""Maildir as target (archives) and as source (the demo), byte for byte, and never written as a source."""

from __future__ import annotations

import hashlib
import os
import ssl
from pathlib import Path

from engine.connectors.base import Account
from engine.connectors.maildir import mailbox_folder_name
from engine.endpoints import Endpoint, EndpointKind
from engine.events import MailboxStatus
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox
from tests.copy.helpers import (
    client,
    expected_target,
    imap_endpoint,
    read_mailbox,
    unique_user,
    user_account,
    without_empty,
)
from tests.copy.test_copy_exact import DUTCH_TO_MODERN
from tests.rig.corpus import CorpusGenerator, crlf, seed_imap
from tests.rig.dovecot import DovecotServer


def maildir_endpoint(root: Path, name: str) -> Endpoint:
    return Endpoint(name, EndpointKind.MAILDIR, path=str(root))


def tree_snapshot(root: Path) -> dict[str, tuple[float, str]]:
    """Every file under ROOT: its modification time and the SHA-256 of its bytes."""
    out: dict[str, tuple[float, str]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(root))] = (
                path.stat().st_mtime,
                hashlib.sha256(path.read_bytes()).hexdigest(),
            )
    return out


def test_imap_to_maildir_and_back_keeps_every_byte_flag_and_date(
    dovecot: DovecotServer, ca_context: ssl.SSLContext, tmp_path: Path
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    tree = CorpusGenerator(seed=31).tree(150, large_sizes=[2_500_000])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    archive = maildir_endpoint(tmp_path / "archive", "archive")
    to_archive = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        Account(archive, source_user),
    )
    store = StateStore()
    first = sync_mailbox(to_archive, store=store)
    assert first.status is MailboxStatus.SYNCED, first.error
    maildir = tmp_path / "archive" / mailbox_folder_name(source_user)
    assert (maildir / "cur").is_dir() and (maildir / ".Verzonden items" / "cur").is_dir()
    # '.' is the Maildir separator: the dotted name keeps a look-alike dot, one level under Projecten.
    assert (maildir / ".Projecten.Offerte v1&ICQ-2" / "cur").is_dir()
    assert sync_mailbox(to_archive, store=store).copied == 0

    # And back from the archive into a new IMAP mailbox: the same bytes, flags and dates as the original.
    restored_user, restored_password = unique_user(dovecot, "terug")
    snapshot = tree_snapshot(tmp_path / "archive")
    back = MailboxJob(
        Account(maildir_endpoint(tmp_path / "archive", "archive"), source_user),
        user_account(imap_endpoint(dovecot, "restore"), restored_user, restored_password),
    )
    restored = sync_mailbox(back, store=store)
    assert restored.status is MailboxStatus.SYNCED, restored.error
    assert tree_snapshot(tmp_path / "archive") == snapshot  # a source is never written to
    mapping = dict(DUTCH_TO_MODERN)
    mapping["Projecten/Offerte v1.2"] = "Projecten/Offerte v1\u2024" + "2"
    original = read_mailbox(dovecot, source_user, source_password, ca_context)
    got = read_mailbox(dovecot, restored_user, restored_password, ca_context)
    assert without_empty(got) == without_empty(expected_target(original, mapping))


def test_flag_changes_reach_the_maildir_and_a_rerun_copies_only_new_mail(
    dovecot: DovecotServer, ca_context: ssl.SSLContext, tmp_path: Path
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    tree = CorpusGenerator(seed=32).tree(20, folders=[(("INBOX",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        Account(maildir_endpoint(tmp_path, "archive"), source_user),
    )
    store = StateStore()
    assert sync_mailbox(job, store=store).status is MailboxStatus.SYNCED
    with client(dovecot, source_user, source_password, ca_context) as imap:
        imap.select_folder("INBOX")
        uids = imap.search("ALL")
        imap.set_flags(uids[:2], [b"\\Deleted", b"\\Draft", b"$Project"])
        imap.remove_flags(uids[2:4], [b"\\Seen"])
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        source_user,
        source_password,
        CorpusGenerator(seed=33).tree(2, folders=[(("INBOX",), 1)]),
        ssl_context=ca_context,
    )
    result = sync_mailbox(job, store=store)
    assert result.copied == 5  # two, plus the corpus' no-Message-ID and two shared-Message-ID messages
    assert result.flags_updated >= 2
    inbox = tmp_path / mailbox_folder_name(source_user)
    keywords = dict(
        line.split(" ", 1)[::-1] for line in (inbox / "dovecot-keywords").read_text().splitlines()
    )
    letter = chr(ord("a") + int(keywords["$Project"]))  # Dovecot's letters: a = keyword 0, b = 1, ...
    names = [p.name for p in (inbox / "cur").iterdir()]
    assert sum(name.endswith(f":2,DT{letter}") for name in names) == 2


def _write_maildir(root: Path, messages: list[tuple[str, bytes, str]]) -> None:
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for number, (info, data, _) in enumerate(messages):
        path = root / "cur" / f"17000000{number:02d}.M1P1Q{number}.demo:2,{info}"
        path.write_bytes(data)
        os.utime(path, (1_600_000_000 + number * 3600, 1_600_000_000 + number * 3600))


def test_bad_message_from_a_maildir_is_skipped_and_reported_while_its_batch_neighbours_are_copied(
    dovecot: DovecotServer, ca_context: ssl.SSLContext, tmp_path: Path
) -> None:
    """Bare-LF files become CRLF on the way to IMAP (counted); an empty file the target refuses is
    skipped with the server's reason, and the rest of its MULTIAPPEND batch still arrives."""
    address = "demo@example.nl"
    unix = b"From: demo@example.nl\nSubject: unix line ends\nMessage-ID: <unix@example.nl>\n\nhallo\nwereld\n"
    crlf_message = (
        b"From: demo@example.nl\r\nSubject: gewoon\r\nMessage-ID: <crlf@example.nl>\r\n\r\nhallo\r\n"
    )
    mixed = (
        b"From: demo@example.nl\r\nSubject: gemengd\nMessage-ID: <mixed@example.nl>\r\n\r\nhallo\nwereld\r\n"
    )
    messages = [("S", unix, "unix"), ("", b"", "empty"), ("FS", crlf_message, "crlf"), ("RS", mixed, "mixed")]
    _write_maildir(tmp_path / "demo" / address, messages)
    target_user, target_password = unique_user(dovecot, "doel")
    job = MailboxJob(
        Account(maildir_endpoint(tmp_path / "demo", "demo"), address),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    assert (result.copied, result.bare_lf_fixed) == (3, 2)
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert (skipped.folder, skipped.size, skipped.code) == ("INBOX", 0, "item.refused")
    assert "zero byte" in skipped.reason
    inbox = read_mailbox(dovecot, target_user, target_password, ca_context)["INBOX"]
    assert {s.sha256 for s in inbox} == {hashlib.sha256(crlf(m)).hexdigest() for _, m, _ in messages if m}
    assert sorted(s.flags for s in inbox) == [("\\Answered", "\\Seen"), ("\\Flagged", "\\Seen"), ("\\Seen",)]
