"""What the copy does at the edges: messages over the size limit, servers that lack capabilities,
a changed UIDVALIDITY, a cancelled run."""

from __future__ import annotations

import email
import email.utils
import ssl
import threading

from engine.events import Event, ItemSkipped, MailboxStatus, MessagesCopied
from engine.store import StateStore
from engine.sync import MailboxJob, SyncOptions, sync_mailbox
from tests.copy.helpers import (
    client,
    expected_target,
    imap_endpoint,
    read_mailbox,
    total,
    unique_user,
    user_account,
    without_empty,
)
from tests.copy.test_copy_exact import DUTCH_TO_MODERN
from tests.rig.corpus import CorpusFolder, CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer

# What Microsoft 365 lacks, and what old servers lack too (SASL PLAIN: then LOGIN; NAMESPACE: then the
# separator comes from LIST): the engine must be correct without any of them.
BARE_SERVER = frozenset(
    {
        "MULTIAPPEND",
        "CONDSTORE",
        "QRESYNC",
        "SPECIAL-USE",
        "UIDPLUS",
        "LITERAL+",
        "ID",
        "AUTH=PLAIN",
        "SASL-IR",
        "NAMESPACE",
    }
)


def test_message_over_the_target_limit_is_skipped_and_reported_with_folder_date_subject_and_size(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    generator = CorpusGenerator(seed=71)
    large = generator.message(size=2 * 1024 * 1024)
    folder = CorpusFolder(
        ("Projecten",), [generator.message() for _ in range(4)] + [large, generator.message()]
    )
    seed_imap(
        dovecot.host, dovecot.imaps_port, source_user, source_password, [folder], ssl_context=ca_context
    )
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target", size_limit=1024 * 1024), target_user, target_password),
    )
    store = StateStore()
    events: list[Event] = []
    result = sync_mailbox(job, store=store, events=events.append)
    assert result.status is MailboxStatus.SYNCED and result.copied == 5
    assert len(result.skipped) == 1
    item = result.skipped[0]
    assert (item.folder, item.code) == ("Projecten", "item.too_large")
    header = email.message_from_bytes(large.raw)
    assert item.subject == header["Subject"]
    assert item.date == email.utils.parsedate_to_datetime(header["Date"]).strftime("%Y-%m-%d %H:%M")
    assert item.size == len(large.wire)
    assert item.reason == "The message is 2.0 MB; the target accepts at most 1.0 MB."
    assert [e.item for e in events if isinstance(e, ItemSkipped)] == [item]

    again = sync_mailbox(job, store=store)
    assert (again.copied, again.skipped) == (0, result.skipped)  # still reported, not tried again

    raised = MailboxJob(
        job.source,
        user_account(imap_endpoint(dovecot, "target", size_limit=0), target_user, target_password),
        options=SyncOptions(retry_skipped=True),
    )
    retried = sync_mailbox(raised, store=store)
    assert (retried.copied, retried.skipped) == (1, ())
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        source
    )


def test_servers_without_multiappend_literal_plus_uidplus_condstore_special_use_still_sync_exactly(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=72).tree(
        120, folders=[(("INBOX",), 3), (("Verzonden items",), 2), (("Projecten", "Offerte v1.2"), 1)]
    )
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
        options=SyncOptions(
            batch_messages=25, ignore_source_capabilities=BARE_SERVER, ignore_target_capabilities=BARE_SERVER
        ),
    )
    store = StateStore()
    first = sync_mailbox(job, store=store)
    assert first.status is MailboxStatus.SYNCED, first.error
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    # Without SPECIAL-USE on either side, roles come from names: "Verzonden items" finds the target's "Sent".
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected_target(source, DUTCH_TO_MODERN)
    )
    assert sync_mailbox(job, store=store).copied == 0

    with client(dovecot, source_user, source_password, ca_context) as imap:
        imap.select_folder("INBOX")
        uids = imap.search("ALL")
        imap.add_flags(uids[-3:], [b"\\Flagged"])
        imap.remove_flags(uids[-3:], [b"\\Seen"])
    third = sync_mailbox(job, store=store)
    assert third.flags_updated == 3  # target UIDs were learnt by matching, without APPENDUID
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected_target(source, DUTCH_TO_MODERN)
    )


def test_changed_uidvalidity_is_handled_by_matching_not_by_copying_again(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=73).tree(60, folders=[(("Projecten",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    store = StateStore()
    first = sync_mailbox(job, store=store)
    # The folder is rebuilt on the source (a restore, a server move): same messages, new UIDVALIDITY.
    with client(dovecot, source_user, source_password, ca_context) as imap:
        imap.delete_folder("Projecten")
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    again = sync_mailbox(job, store=store)
    assert again.status is MailboxStatus.SYNCED
    assert (again.copied, again.recognised) == (0, first.copied)
    target = read_mailbox(dovecot, target_user, target_password, ca_context)
    assert total(target) == first.copied


def test_cancel_stops_between_batches_and_the_next_run_finishes_the_copy(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=74).tree(100, folders=[(("INBOX",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
        options=SyncOptions(batch_messages=10),
    )
    cancel = threading.Event()

    def stop_after_two_batches(event: Event) -> None:
        if isinstance(event, MessagesCopied) and event.messages_done >= 20:
            cancel.set()

    store = StateStore()
    stopped = sync_mailbox(job, store=store, events=stop_after_two_batches, cancel=cancel)
    assert (stopped.status, stopped.copied, stopped.error) == (MailboxStatus.STOPPED, 20, None)
    rest = sync_mailbox(job, store=store)
    assert rest.status is MailboxStatus.SYNCED and rest.copied + 20 == len(tree[0].messages)
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        source
    )


def test_user_root_copies_only_the_mailbox_under_it_with_the_root_as_inbox(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    """The IMAP list's UserRoot: one login sees a tree of mailboxes; this one lives under /users/terry."""
    from engine.connectors.base import Account
    from engine.endpoints import mailbox_secret_key
    from engine.keystore import SecretStore

    tree_user, tree_password = unique_user(dovecot, "boom")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=75).tree(
        60,
        folders=[
            (("users", "terry"), 3),
            (("users", "terry", "Verzonden items"), 2),
            (("users", "terry", "Projecten"), 1),
            (("users", "anna"), 2),
            (("Eigen",), 1),
        ],
    )
    seed_imap(dovecot.host, dovecot.imaps_port, tree_user, tree_password, tree, ssl_context=ca_context)
    source_endpoint = imap_endpoint(dovecot, "source")
    SecretStore().put(mailbox_secret_key("source", "terry@example.nl"), tree_password)
    job = MailboxJob(
        Account(source_endpoint, "terry@example.nl", username=tree_user, root="/users/terry"),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    result = sync_mailbox(job, store=StateStore())
    assert result.status is MailboxStatus.SYNCED, result.error
    source = read_mailbox(dovecot, tree_user, tree_password, ca_context)
    mapping = {name: None for name in source}
    mapping.update(
        {"users/terry": "INBOX", "users/terry/Verzonden items": "Sent", "users/terry/Projecten": "Projecten"}
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected_target(source, mapping)
    )


def test_a_folder_the_server_will_not_open_fails_alone_and_the_rest_is_copied(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    from engine.events import FolderFailed

    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=76).tree(40, folders=[(("INBOX",), 2), (("Projecten",), 1), (("Privé",), 1)])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    source = read_mailbox(dovecot, source_user, source_password, ca_context)
    broken = dovecot.maildir(source_user) / "Projecten"
    mode = broken.stat().st_mode
    broken.chmod(0)  # the server cannot read this folder any more (a damaged or foreign-owned folder)
    events: list[Event] = []
    store = StateStore()
    try:
        result = sync_mailbox(job, store=store, events=events.append)
    finally:
        broken.chmod(mode)
    assert result.status is MailboxStatus.FAILED and result.error is not None
    assert [f.folder for f in result.failed_folders] == ["Projecten"]
    assert "Projecten" in result.error.what and "other folders were copied" in result.error.fix
    assert [e.folder for e in events if isinstance(e, FolderFailed)] == ["Projecten"]
    target = read_mailbox(dovecot, target_user, target_password, ca_context)
    without_projecten = {k: v for k, v in source.items() if k != "Projecten"}
    assert without_empty(target) == without_empty(without_projecten)

    again = sync_mailbox(job, store=store)  # the folder readable again: the retry copies just it
    assert again.status is MailboxStatus.SYNCED and again.copied == sum(source["Projecten"].values())
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        source
    )
