"""The copy against real Dovecot servers: exact, mapped, incremental, the source untouched."""

from __future__ import annotations

import ssl

import pytest
from imapclient import IMAPClient

from engine.events import Event, FolderLeftOut, MailboxPlanned, MailboxStatus, MessagesCopied
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox
from tests.copy.helpers import (
    client,
    expected_target,
    folder_state,
    imap_endpoint,
    read_mailbox,
    total,
    unique_user,
    user_account,
    without_empty,
)
from tests.rig.corpus import CorpusFolder, CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer

# Where each folder of the Dutch Exchange tree must land on a modern target ('/' separator, SPECIAL-USE).
DUTCH_TO_MODERN: dict[str, str | None] = {
    "INBOX": "INBOX",
    "Postvak IN": "INBOX",
    "Postvak IN/Klanten": "INBOX/Klanten",
    "Postvak IN/Klanten/Noord": "INBOX/Klanten/Noord",
    "Verzonden items": "Sent",
    "Verwijderde items": "Trash",
    "Concepten": "Drafts",
    "Ongewenste e-mail": "Junk",
    "Postvak UIT": "Postvak UIT",
    "Projecten": "Projecten",
    "Projecten/Offerte v1.2": "Projecten/Offerte v1.2",
    "Privé": "Privé",
    "Privé/Reçus & Überweisungen": "Privé/Reçus & Überweisungen",
    "Archief 2019": "Archief 2019",
    "Agenda": None,
    "Contactpersonen": None,
    # the rig's own (empty) special-use folders
    "Sent": "Sent",
    "Drafts": "Drafts",
    "Trash": "Trash",
    "Junk": "Junk",
    "Archive": "Archive",
}


@pytest.mark.slow
def test_dutch_mailbox_of_2000_messages_is_copied_exactly_then_only_changes_are_carried_over(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=41).tree(2100, large_sizes=[25 * 1024 * 1024])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    source_before = folder_state(dovecot, source_user, source_password, ca_context)
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    assert total(expected_target(source, DUTCH_TO_MODERN)) >= 2000
    assert len([f for f in source if source[f] and DUTCH_TO_MODERN[f]]) >= 10

    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    store = StateStore()
    events: list[Event] = []
    first = sync_mailbox(job, store=store, events=events.append)

    assert first.status is MailboxStatus.SYNCED, first.error
    expected = expected_target(source, DUTCH_TO_MODERN)
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )
    assert first.copied == total(expected)
    assert folder_state(dovecot, source_user, source_password, ca_context) == source_before
    assert {e.folder for e in events if isinstance(e, FolderLeftOut)} == {"Agenda", "Contactpersonen"}
    planned = next(e for e in events if isinstance(e, MailboxPlanned))
    assert planned.messages_to_copy == first.copied
    progress = [e for e in events if isinstance(e, MessagesCopied)]
    assert progress[-1].messages_done == planned.messages_to_copy
    assert [p.bytes_done for p in progress] == sorted(p.bytes_done for p in progress)

    second = sync_mailbox(job, store=store)
    assert (second.status, second.copied, second.flags_updated, second.recognised) == (
        MailboxStatus.SYNCED,
        0,
        0,
        0,
    )

    # Ten new messages in three folders and five flag changes on the source.
    more = CorpusGenerator(seed=42)
    extra = [
        CorpusFolder(("INBOX",), [more.message() for _ in range(5)]),
        CorpusFolder(("Verzonden items",), [more.message() for _ in range(3)]),
        CorpusFolder(("Privé", "Reçus & Überweisungen"), [more.message(message_id=None) for _ in range(2)]),
    ]
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, extra, ssl_context=ca_context)
    with client(dovecot, source_user, source_password, ca_context) as imap:
        imap.select_folder("Projecten")
        uids = imap.search("ALL")[:3]
        imap.add_flags(uids, [b"\\Flagged", b"$Label2"])
        imap.select_folder("Postvak IN/Klanten")
        imap.set_flags(imap.search("ALL")[:2], [b"\\Answered"])
    changed_source = read_mailbox(dovecot, source_user, source_password, ca_context)

    third = sync_mailbox(job, store=store)
    assert third.status is MailboxStatus.SYNCED, third.error
    assert (third.copied, third.flags_updated) == (10, 5)
    target = read_mailbox(dovecot, target_user, target_password, ca_context)
    assert without_empty(target) == without_empty(expected_target(changed_source, DUTCH_TO_MODERN))


def test_rerun_with_nothing_new_opens_no_target_connection_and_only_asks_status(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        source_user,
        source_password,
        CorpusGenerator(5).tree(60),
        ssl_context=ca_context,
    )
    source_endpoint = imap_endpoint(dovecot, "source")
    target_endpoint = imap_endpoint(dovecot, "target")
    job = MailboxJob(
        user_account(source_endpoint, source_user, source_password),
        user_account(target_endpoint, target_user, target_password),
    )
    store = StateStore()
    assert sync_mailbox(job, store=store).status is MailboxStatus.SYNCED

    class CountingGate:
        def __init__(self) -> None:
            self.opened: list[str] = []

        def acquire(self, endpoint, cancel) -> bool:  # type: ignore[no-untyped-def]
            self.opened.append(endpoint.name)
            return True

        def release(self, endpoint) -> None:  # type: ignore[no-untyped-def]
            pass

    gate = CountingGate()
    again = sync_mailbox(job, store=store, gate=gate)
    assert again.status is MailboxStatus.SYNCED and again.copied == 0
    assert gate.opened == ["source"]


def test_flag_removed_on_source_is_removed_on_target_but_a_flag_the_user_set_on_target_stays(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(6).tree(20, folders=[(("Projecten",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    store = StateStore()
    assert sync_mailbox(job, store=store).copied == total(
        read_mailbox(dovecot, source_user, source_password, ca_context)
    )
    with client(dovecot, source_user, source_password, ca_context) as imap:
        imap.select_folder("Projecten")
        first_uid = imap.search("ALL")[0]
        imap.set_flags([first_uid], [b"\\Seen"])
        imap.add_flags([first_uid], [b"$Urgent"])
        source_flags = set(imap.get_flags([first_uid])[first_uid])
    with client(dovecot, target_user, target_password, ca_context) as imap:
        imap.select_folder("Projecten")
        target_first = imap.search("ALL")[0]
        imap.add_flags([target_first], [b"$UserOnTarget"])

    result = sync_mailbox(job, store=store)
    assert result.flags_updated == 1
    with client(dovecot, target_user, target_password, ca_context) as imap:
        imap.select_folder("Projecten", readonly=True)
        flags = set(imap.get_flags([target_first])[target_first]) - {b"\\Recent"}
    assert flags == (source_flags - {b"\\Recent"}) | {b"$UserOnTarget"}


def test_source_separator_in_a_name_is_kept_readable_on_a_dot_separator_target_without_special_use(
    dovecot: DovecotServer, old_dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    old = old_dovecot
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(old, "doel")
    tree = CorpusGenerator(8).tree(
        40,
        folders=[(("Verzonden items",), 2), (("Projecten", "Offerte v1.2"), 2)],
    )
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(old, "target"), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    target = read_mailbox(old, target_user, target_password, ca_context)
    mapping = {name: name for name in source}
    mapping["Projecten/Offerte v1.2"] = "Projecten.Offerte v1\u2024" + "2"
    mapping["Projecten"] = "Projecten"
    assert without_empty(target) == without_empty(expected_target(source, mapping))
    # No special-use on the target: the Dutch Sent folder keeps its own name there.
    assert target["Verzonden items"]


def test_old_source_without_special_use_lands_in_the_modern_targets_special_folders(
    dovecot: DovecotServer, old_dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    old = old_dovecot
    source_user, source_password = unique_user(old, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(9).tree(
        60,
        folders=[
            (("INBOX",), 2),
            (("INBOX", "Klanten"), 1),
            (("Verzonden items",), 2),
            (("VERWIJDERDE ITEMS",), 1),
            (("Gesendete Elemente",), 1),
            (("Boîte d'envoi",), 1),
            (("Taken",), 1),
        ],
    )
    seed_imap(old.host, old.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(old, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    source = read_mailbox(old, source_user, source_password, ca_context)
    mapping = {
        "INBOX": "INBOX",
        "INBOX.Klanten": "INBOX/Klanten",
        "Verzonden items": "Sent",
        "VERWIJDERDE ITEMS": "Trash",
        "Gesendete Elemente": "Sent",
        "Boîte d'envoi": "Boîte d'envoi",
        "Taken": None,
    }
    target = read_mailbox(dovecot, target_user, target_password, ca_context)
    assert without_empty(target) == without_empty(expected_target(source, mapping))
    assert [(f.folder, f.reason) for f in result.left_out] == [("Taken", "non_mail")]


def test_source_is_opened_read_only_even_for_unseen_messages(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(10).tree(30, folders=[(("INBOX",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    with IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=ca_context) as imap:
        imap.login(source_user, source_password)
        imap.select_folder("INBOX", readonly=True)
        unseen_before = imap.search("UNSEEN")
    assert unseen_before
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    before = folder_state(dovecot, source_user, source_password, ca_context)
    assert sync_mailbox(job, store=StateStore()).status is MailboxStatus.SYNCED
    assert folder_state(dovecot, source_user, source_password, ca_context) == before
