"""The pure parts of the copy, without any server: planning, matching, folder mapping, the IMAP grammar,
message bodies, INTERNALDATE, and the state store's schema."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from engine.connectors.base import FolderInfo, FolderListing, FolderStatus, MessageInfo, Namespace
from engine.connectors.body import BodyWriter, MemoryBody, SpooledBody, has_bare_lf, to_crlf
from engine.connectors.dates import format_internaldate, internaldate_epoch
from engine.connectors.imap_wire import parse_response, parse_uid_set, quote, uid_set
from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind, Security
from engine.events import MailboxPlanned, SkippedItem
from engine.folders import FolderRule, LeftOutReason, Role, RuleAction, map_folders, readable_component
from engine.plan import (
    ALL_DATES,
    CheckResult,
    CopiedMessage,
    DateRange,
    Fingerprint,
    FlagFilter,
    FlagUpdate,
    FolderSummary,
    Limits,
    check_folder,
    flag_changes,
    match_messages,
    message_identity,
    plan_folder,
    subject_and_date,
)
from engine.store import MIGRATIONS, SCHEMA_VERSION, MailboxKey, StateStore

# -- planning -----------------------------------------------------------------------------------------


def summary(**changes: object) -> FolderSummary:
    base = FolderSummary(1, "INBOX", "INBOX", 7, 9, 101, 50, 100, 40)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_unchanged_folder_on_a_condstore_server_needs_no_listing() -> None:
    check = check_folder("INBOX", FolderStatus(7, 101, 90, 50), summary(), condstore=True)
    assert (check.result, check.request) == (CheckResult.UNCHANGED, None)


def test_flag_change_alone_lists_only_changed_flags_since_the_saved_modseq() -> None:
    check = check_folder("INBOX", FolderStatus(7, 101, 90, 51), summary(), condstore=True)
    assert check.result is CheckResult.INCREMENTAL and check.request is not None
    assert (check.request.since_uid, check.request.flags_of_known, check.request.changed_since) == (
        100,
        True,
        50,
    )


def test_without_condstore_every_rerun_reads_the_flags_of_known_messages() -> None:
    check = check_folder(
        "INBOX", FolderStatus(7, 101, 90, None), summary(source_modseq=None), condstore=False
    )
    assert check.result is CheckResult.INCREMENTAL and check.request is not None
    assert check.request.changed_since is None and check.request.flags_of_known


def test_changed_uidvalidity_or_no_state_lists_everything() -> None:
    assert (
        check_folder("INBOX", FolderStatus(8, 5, 4, 1), summary(), condstore=True).result is CheckResult.FULL
    )
    assert check_folder("INBOX", FolderStatus(7, 5, 4, 1), None, condstore=True).result is CheckResult.FULL


def test_interrupted_first_pass_resumes_from_the_highest_handled_uid() -> None:
    check = check_folder("INBOX", FolderStatus(7, 101, 90, 50), summary(source_uidnext=0), condstore=True)
    assert check.result is CheckResult.INCREMENTAL and check.request is not None
    assert (check.request.since_uid, check.request.changed_since) == (100, None)


def listing(*messages: MessageInfo, known: dict[int, tuple[str, ...]] | None = None) -> FolderListing:
    return FolderListing("INBOX", 7, 200, len(messages), 60, messages, known or {})


def info(
    uid: int, size: int = 1000, flags: tuple[str, ...] = (), date: str = "01-Jan-2024 10:00:00 +0000"
) -> MessageInfo:
    return MessageInfo(uid, flags, size, date)


def test_plan_batches_by_count_and_bytes_and_a_huge_message_goes_alone() -> None:
    messages = [info(u) for u in range(1, 8)] + [info(8, 50_000)] + [info(9)]
    plan = plan_folder(listing(*messages), {}, (), since_uid=0, limits=Limits(0, 3, 10_000))
    assert [[m.uid for m in b] for b in plan.batches] == [[1, 2, 3], [4, 5, 6], [7], [8], [9]]
    assert (plan.to_copy, plan.highest_uid) == (9, 9)


def test_plan_skips_messages_over_the_limit_and_messages_already_copied_or_skipped() -> None:
    messages = [info(1), info(2, 5_000_000), info(3), info(4)]
    copied = {1: CopiedMessage(1, 11, ())}
    plan = plan_folder(listing(*messages), copied, {4}, since_uid=0, limits=Limits(1_000_000))
    assert [m.uid for b in plan.batches for m in b] == [3]
    assert [(s.message.uid, s.code) for s in plan.skips] == [(2, "item.too_large")]
    assert plan.skips[0].reason == "The message is 4.8 MB; the target accepts at most 977 KB."


def test_date_range_counts_whole_days_as_the_server_wrote_them_and_keeps_what_it_cannot_read() -> None:
    march = DateRange(dt.date(2021, 3, 1), dt.date(2021, 3, 7))
    assert march.contains("01-Mar-2021 00:00:00 +0100")  # first day included
    assert march.contains(" 7-Mar-2021 23:59:59 -0500")  # last day included, in its own zone
    assert not march.contains("28-Feb-2021 23:59:59 +0000")
    assert not march.contains("08-Mar-2021 00:00:00 +1400")
    assert march.contains("no date at all")  # left out silently it would be lost
    assert DateRange(first=dt.date(2021, 3, 1)).contains("01-Jan-2030 10:00:00 +0000")
    assert not DateRange(last=dt.date(2020, 12, 31)).contains("01-Jan-2021 10:00:00 +0000")
    for dates in (
        march,
        DateRange(first=dt.date(2021, 3, 1)),
        DateRange(last=dt.date(2021, 3, 7)),
        ALL_DATES,
    ):
        assert DateRange.parse(dates.text()) == dates
    assert not ALL_DATES and ALL_DATES.text() == "" and ALL_DATES.describe() == "all messages"
    assert march.describe() == "received from 2021-03-01 through 2021-03-07"
    with pytest.raises(ValueError):
        DateRange(dt.date(2021, 3, 8), dt.date(2021, 3, 7))
    with pytest.raises(ValueError):
        DateRange.parse("2021-03-01")


def test_plan_leaves_out_messages_outside_the_date_range_but_moves_past_them() -> None:
    old, new = "15-Jun-2019 09:00:00 +0200", "15-Jun-2024 09:00:00 +0200"
    messages = [info(1, date=old), info(2, date=new), info(3, date=old), info(4, date=new)]
    plan = plan_folder(
        listing(*messages), {}, (), since_uid=0, limits=Limits(), dates=DateRange(first=dt.date(2024, 1, 1))
    )
    assert [m.uid for b in plan.batches for m in b] == [2, 4]
    assert (plan.outside_dates, plan.skips, plan.highest_uid) == (2, (), 4)
    # Without a range (a later run that widened it) the same listing copies the rest, not the copies.
    copied = {2: CopiedMessage(2, 12, ()), 4: CopiedMessage(4, 14, ())}
    plan = plan_folder(listing(*messages), copied, (), since_uid=4, limits=Limits())
    assert [m.uid for b in plan.batches for m in b] == [1, 3]


def test_plan_carries_over_changed_flags_of_copied_messages_only() -> None:
    copied = {
        1: CopiedMessage(1, 11, ("\\Seen",)),
        2: CopiedMessage(2, 12, ("\\Seen",)),
        3: CopiedMessage(3, None, ()),
    }
    known = {1: ("\\Seen",), 2: ("\\Flagged", "\\Seen"), 3: ("\\Seen",), 4: ("\\Seen",)}
    plan = plan_folder(listing(known=known), copied, (), since_uid=4, limits=Limits())
    assert plan.flag_updates == (
        FlagUpdate(2, 12, ("\\Seen",), ("\\Flagged", "\\Seen")),
        FlagUpdate(3, None, (), ("\\Seen",)),
    )
    assert plan.batches == ()


def test_flag_changes_touch_only_what_changed_group_by_change_and_drop_what_the_target_refuses() -> None:
    updates = [
        FlagUpdate(1, 11, ("\\Seen",), ("\\Flagged", "\\Seen")),
        FlagUpdate(2, 12, ("\\Seen",), ("\\Flagged", "\\Seen")),
        FlagUpdate(3, 13, ("$Old", "\\Seen"), ("$New",)),
        FlagUpdate(4, None, (), ("\\Seen",)),
    ]
    changes = flag_changes(updates, FlagFilter(accepts_any_keyword=False, keywords=frozenset({"$New"})))
    assert [(c.uids, c.add, c.remove) for c in changes] == [
        ((13,), ("$New",), ("\\Seen",)),
        ((11, 12), ("\\Flagged",), ()),
    ]


def test_recent_is_never_copied_and_keywords_follow_the_target() -> None:
    kept, dropped = FlagFilter(False, frozenset({"$Label1"})).apply(
        ["\\Recent", "\\Seen", "$Label1", "$Other"]
    )
    assert (kept, dropped) == (("$Label1", "\\Seen"), ("$Other",))
    assert FlagFilter(True).apply(["\\Recent", "Junk"]) == (("Junk",), ())


# -- identity and matching -----------------------------------------------------------------------------


def test_identity_is_the_message_id_else_a_hash_of_the_main_fields() -> None:
    with_id = b"Subject: a\r\nMessage-ID:\r\n  <abc@x.nl>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\n\r\nbody"
    assert message_identity(with_id) == "mid:<abc@x.nl>"
    plain = b"From: a@x.nl\r\nSubject: hallo\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\n\r\n"
    reordered = b"Date: Mon, 1 Jan 2024 10:00:00 +0100\nX-Extra: 1\nFrom: a@x.nl\nSubject: hallo\n\n"
    assert message_identity(plain) == message_identity(reordered)
    assert message_identity(plain).startswith("hdr:")
    assert message_identity(plain) != message_identity(plain.replace(b"hallo", b"dag"))


def test_matching_pairs_duplicates_one_to_one_and_tells_look_alikes_apart_by_size_and_date() -> None:
    sources = [
        Fingerprint(1, "mid:<same>", 100, 10),
        Fingerprint(2, "mid:<same>", 900, 20),  # same Message-ID, other content
        Fingerprint(3, "mid:<dup>", 50, 30),
        Fingerprint(4, "mid:<dup>", 50, 30),  # a true duplicate
        Fingerprint(5, "hdr:xyz", 70, 40),
    ]
    window = [
        Fingerprint(21, "mid:<same>", 900, 20),
        Fingerprint(22, "mid:<dup>", 50, 30),
        Fingerprint(23, "mid:<other>", 100, 10),
        Fingerprint(24, "hdr:xyz", 70, 40),
    ]
    assert match_messages(sources, window) == [(2, 21), (3, 22), (5, 24)]


def test_matching_tolerates_rewritten_messages_only_for_targets_that_rewrite() -> None:
    sources = [Fingerprint(1, "mid:<a>", 100, 10)]
    window = [Fingerprint(9, "mid:<a>", 180, 10)]  # the target added headers
    assert match_messages(sources, window) == []
    assert match_messages(sources, window, same_size=False) == [(1, 9)]


def test_subject_is_decoded_and_date_shown_for_reports() -> None:
    header = b"Subject: =?UTF-8?B?w5xiZXJ3ZWlzdW5n?= factuur\r\nDate: Tue, 16 Jan 2024 07:30:33 +0100\r\n\r\n"
    assert subject_and_date(header) == ("Überweisung factuur", "2024-01-16 07:30")
    assert subject_and_date(b"Subject: kapot\r\nDate: geen datum\r\n\r\n") == ("kapot", "geen datum")


def test_internaldate_round_trips_through_epoch_seconds() -> None:
    assert internaldate_epoch("07-Mar-2021 10:15:00 +0100") == 1615108500
    assert internaldate_epoch(" 7-Mar-2021 09:15:00 +0000") == 1615108500
    assert format_internaldate(1615108500) == "07-Mar-2021 09:15:00 +0000"
    assert internaldate_epoch("not a date") is None


# -- folder mapping ---------------------------------------------------------------------------------------


def folder(
    name: str, *attributes: str, separator: str = "/", namespace: Namespace = Namespace.PERSONAL
) -> FolderInfo:
    return FolderInfo(name, tuple(name.split(separator)), frozenset(attributes), namespace)


def targets(mapping: object) -> dict[str, tuple[str, ...]]:
    return {m.source: m.target_path for m in mapping.mappings}  # type: ignore[attr-defined]


MODERN_TARGET = [
    folder("INBOX"),
    folder("Sent", "\\sent"),
    folder("Trash", "\\trash"),
    folder("Drafts", "\\drafts"),
    folder("Junk", "\\junk"),
    folder("Archive", "\\archive"),
]


def test_exchange_names_in_four_languages_find_the_targets_special_folders_case_insensitively() -> None:
    source = [
        folder("Postvak IN"),
        folder("verzonden ITEMS"),
        folder("Gelöschte Objekte"),
        folder("Brouillons"),
        folder("Junk E-mail"),
        folder("Courrier indésirable"),
        folder("Archief"),
        folder("Boîte d\u2019envoi"),  # a typographic apostrophe, as Outlook may write it
    ]
    got = map_folders(source, MODERN_TARGET, target_separator="/")
    assert targets(got) == {
        "Postvak IN": ("INBOX",),
        "verzonden ITEMS": ("Sent",),
        "Gelöschte Objekte": ("Trash",),
        "Brouillons": ("Drafts",),
        "Junk E-mail": ("Junk",),
        "Courrier indésirable": ("Junk",),
        "Archief": ("Archive",),
        "Boîte d\u2019envoi": ("Boîte d\u2019envoi",),
    }
    assert got.for_source("Boîte d\u2019envoi").role is Role.OUTBOX  # type: ignore[union-attr]


def test_special_use_beats_a_name_on_both_sides() -> None:
    source = [folder("Verzonden items"), folder("Gesendet", "\\sent"), folder("Sent Items", "\\trash")]
    target = [
        folder("INBOX"),
        folder("Sent Items"),
        folder("Verzonden", "\\sent"),
        folder("Prullenbak", "\\trash"),
    ]
    assert targets(map_folders(source, target, target_separator="/")) == {
        "Verzonden items": ("Verzonden",),
        "Gesendet": ("Verzonden",),
        "Sent Items": ("Prullenbak",),
    }


def test_subfolders_of_a_role_folder_go_under_the_targets_role_folder() -> None:
    source = [folder("Postvak IN"), folder("Postvak IN/Klanten"), folder("Postvak IN/Klanten/Noord")]
    assert targets(map_folders(source, MODERN_TARGET, target_separator=".")) == {
        "Postvak IN": ("INBOX",),
        "Postvak IN/Klanten": ("INBOX", "Klanten"),
        "Postvak IN/Klanten/Noord": ("INBOX", "Klanten", "Noord"),
    }


def test_a_name_holding_the_target_separator_keeps_a_look_alike_instead_of_being_split_or_dropped() -> None:
    source = [folder("Projecten/Offerte v1.2"), folder("Klant: A/B", separator=".")]
    got = targets(map_folders(source, None, target_separator=".", target_forbidden='/:"'))
    assert got == {
        "Projecten/Offerte v1.2": ("Projecten", "Offerte v1\u20242"),
        "Klant: A/B": ("Klant\u2236 A\u2215B",),
    }
    assert readable_component("a.b", "/") == "a.b"
    assert readable_component("  ", "/") == "_"


def test_non_mail_folders_with_their_subfolders_and_public_folders_are_left_out_and_said_why() -> None:
    source = [
        folder("Agenda"),
        folder("Agenda/Verjaardagen"),
        folder("Contactpersonen"),
        folder("Kalender"),
        folder("Tâches"),
        folder("Notities"),
        folder("Logboek"),
        folder("Openbare mappen/Afdeling"),
        folder("Shared/team", namespace=Namespace.SHARED),
        folder("Other/piet", namespace=Namespace.OTHER_USERS),
        folder("[Gmail]/All Mail", "\\all"),
        folder("Notities over klanten"),  # a name that merely starts like one: it is mail
    ]
    got = map_folders(source, MODERN_TARGET, target_separator="/")
    reasons = {f.source: f.reason for f in got.left_out}
    assert reasons == {
        "Agenda": LeftOutReason.NON_MAIL,
        "Agenda/Verjaardagen": LeftOutReason.NON_MAIL,
        "Contactpersonen": LeftOutReason.NON_MAIL,
        "Kalender": LeftOutReason.NON_MAIL,
        "Tâches": LeftOutReason.NON_MAIL,
        "Notities": LeftOutReason.NON_MAIL,
        "Logboek": LeftOutReason.NON_MAIL,
        "Openbare mappen/Afdeling": LeftOutReason.PUBLIC,
        "Shared/team": LeftOutReason.PUBLIC,
        "Other/piet": LeftOutReason.OTHER_USERS,
        "[Gmail]/All Mail": LeftOutReason.VIRTUAL,
    }
    assert targets(got) == {"Notities over klanten": ("Notities over klanten",)}
    agenda = next(f for f in got.left_out if f.source == "Agenda")
    assert agenda.explanation == "Not copied with the mail: 'Agenda' holds calendar items, not messages."


def test_admin_rules_exclude_rename_and_include_have_the_last_word() -> None:
    source = [
        folder("Verwijderde items"),
        folder("Projecten"),
        folder("Projecten/Oud"),
        folder("Projecten/Oud/2019"),
        folder("Taken"),
        folder("Privé"),
    ]
    rules = [
        FolderRule(RuleAction.EXCLUDE, "verwijderde*"),
        FolderRule(RuleAction.RENAME, "Projecten/Oud", "Archief/Projecten"),
        FolderRule(RuleAction.INCLUDE, "Taken"),
        FolderRule(RuleAction.EXCLUDE, "Privé"),
    ]
    got = map_folders(source, MODERN_TARGET, target_separator="/", rules=rules)
    assert targets(got) == {
        "Projecten": ("Projecten",),
        "Projecten/Oud": ("Archief", "Projecten"),
        "Projecten/Oud/2019": ("Archief", "Projecten", "2019"),
        "Taken": ("Taken",),
    }
    assert {f.source: f.reason for f in got.left_out} == {
        "Verwijderde items": LeftOutReason.EXCLUDED,
        "Privé": LeftOutReason.EXCLUDED,
    }


def test_containers_without_messages_are_not_mapped_themselves() -> None:
    source = [folder("Archief 2019", "\\noselect"), folder("Archief 2019/Q1")]
    assert targets(map_folders(source, MODERN_TARGET, target_separator="/")) == {
        "Archief 2019/Q1": ("Archief 2019", "Q1")
    }


# -- the IMAP grammar --------------------------------------------------------------------------------------


def test_fetch_response_with_section_atoms_literals_and_nil_parses() -> None:
    body = MemoryBody(b"Message-ID: <a@b>\r\n\r\n")
    text = b'* 12 FETCH (UID 40 FLAGS (\\Seen $Label1) BODY[HEADER.FIELDS (MESSAGE-ID DATE)] {} INTERNALDATE "07-Mar-2021 10:15:00 +0100" X NIL)'
    response = parse_response(text, [body])
    assert (response.tag, response.number, response.kind) == (b"*", 12, b"FETCH")
    items = response.data[0]
    assert items[:4] == [b"UID", b"40", b"FLAGS", [b"\\Seen", b"$Label1"]]
    assert items[4] == b"BODY[HEADER.FIELDS (MESSAGE-ID DATE)]" and items[5] is body
    assert items[7] == b"07-Mar-2021 10:15:00 +0100" and items[9] is None


def test_tagged_completion_with_response_code_and_quoted_strings() -> None:
    done = parse_response(b"m7 OK [APPENDUID 38505 3955:3957] APPEND completed", [])
    assert (done.tag, done.kind, done.code, done.code_args, done.text) == (
        b"m7",
        b"OK",
        b"APPENDUID",
        [b"38505", b"3955:3957"],
        "APPEND completed",
    )
    flags = parse_response(b"* OK [PERMANENTFLAGS (\\Seen \\*)] Limited", [])
    assert flags.code_args == [[b"\\Seen", b"\\*"]]
    listed = parse_response(b'* LIST (\\HasNoChildren) "/" "Say \\"hi\\" {}"', [])
    assert listed.data == [[b"\\HasNoChildren"], b"/", b'Say "hi" {}']


def test_uid_sets_are_compact_and_read_back() -> None:
    assert uid_set([5, 1, 2, 3, 9, 10, 7]) == b"1:3,5,7,9:10"
    assert parse_uid_set(b"4:6,9,12:10") == [4, 5, 6, 9, 12, 11, 10]


def test_strings_are_quoted_or_sent_as_literals_when_they_cannot_be() -> None:
    assert quote('a "b" \\c') == b'"a \\"b\\" \\\\c"'
    literal = quote("Privé")
    assert not isinstance(literal, bytes) and literal.size == len("Privé".encode())


# -- bodies ---------------------------------------------------------------------------------------------


def test_large_bodies_spool_to_a_file_and_small_ones_stay_in_memory() -> None:
    small = BodyWriter(threshold=100)
    small.write(b"x" * 100)
    assert isinstance(small.finish(), MemoryBody)
    large = BodyWriter(threshold=100)
    for _ in range(5):
        large.write(b"y" * 60)
    body = large.finish()
    assert isinstance(body, SpooledBody) and body.size == 300 and body.read_all() == b"y" * 300
    body.close()


def test_bare_lf_is_found_and_fixed_across_chunk_boundaries_leaving_crlf_alone() -> None:
    data = b"a\r\n" * 100_000 + b"b\nc\r\n"
    assert has_bare_lf(MemoryBody(data)) and not has_bare_lf(MemoryBody(data.replace(b"b\n", b"b\r\n")))
    split = b"x" * (256 * 1024 - 1) + b"\r\n" + b"y\r\n"  # the CRLF straddles the chunk boundary
    assert not has_bare_lf(MemoryBody(split))
    fixed = to_crlf(MemoryBody(data), threshold=1024)
    assert isinstance(fixed, SpooledBody) and fixed.read_all() == data.replace(b"b\n", b"b\r\n")
    assert to_crlf(MemoryBody(split)).read_all() == split


# -- the state store ----------------------------------------------------------------------------------


def test_store_schema_is_versioned_and_steps_are_ordered(tmp_path: Path) -> None:
    assert [v for v, _ in MIGRATIONS] == sorted({v for v, _ in MIGRATIONS})
    store = StateStore(tmp_path / "state.sqlite3")
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    StateStore(tmp_path / "state.sqlite3").close()  # opening again applies nothing twice


def test_store_refuses_a_newer_schema_with_an_explanation(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    StateStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_info SET value = '999' WHERE name = 'version'")
    from engine.errors import MailstageError

    with pytest.raises(MailstageError) as raised:
        StateStore(path)
    assert raised.value.code == "state.newer" and "999" in raised.value.cause


def test_a_mailbox_error_keeps_its_templates_so_it_can_be_shown_translated_after_a_restart(
    tmp_path: Path,
) -> None:
    from engine.events import ErrorInfo
    from engine.status import MailboxStatus
    from engine.store import NewBatchMailbox
    from engine.text import T, Text

    path = tmp_path / "state.sqlite3"
    store = StateStore(path)
    store.create_batch(
        "B", "old", "new", [NewBatchMailbox("anna@contoso.nl"), NewBatchMailbox("bram@contoso.nl")]
    )
    what = T("The login as {user} was refused.", user="anna@contoso.nl")
    error = ErrorInfo("imap.login_failed", what, "The password is wrong.", "", "mailbox", False)
    store.update_member("B", "anna@contoso.nl", status=MailboxStatus.FAILED, error=error)
    store.close()
    with sqlite3.connect(path) as db:
        # A row as an earlier Mailstage wrote it: the English fields alone.
        db.execute(
            "UPDATE batch_mailbox SET status = 'Failed', error = ? WHERE address = 'bram@contoso.nl'",
            (
                '{"code": "x", "what": "Old words.", "cause": "", "fix": "", "severity": "mailbox", "transient": false}',
            ),
        )
    members = {m.address: m for m in StateStore(path).batch_members("B")}
    restored = members["anna@contoso.nl"].error
    assert restored is not None and restored.what == "The login as anna@contoso.nl was refused."
    assert isinstance(restored.what, Text) and restored.what.template == "The login as {user} was refused."
    assert restored.cause == "The password is wrong." and not isinstance(restored.cause, Text)
    old = members["bram@contoso.nl"].error
    assert old is not None and old.what == "Old words." and not isinstance(old.what, Text)


def test_endpoints_are_saved_listed_and_deleted_without_secrets(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite3")
    source = Endpoint(
        "source",
        EndpointKind.IMAP,
        host="mail.example.nl",
        port=993,
        security=Security.TLS,
        admin_user="admin",
        admin_style=AdminLoginStyle.EXCHANGE,
        admin_domain="CONTOSO",
        pinned_fingerprint="ab" * 32,
        max_concurrent=5,
        size_limit=35 * 1024 * 1024,
    )
    archive = Endpoint("archive", EndpointKind.MAILDIR, path="/srv/archive")
    store.save_endpoint(source)
    store.save_endpoint(archive)
    assert store.get_endpoint("source") == source
    assert [e.name for e in store.list_endpoints()] == ["archive", "source"]
    store.save_endpoint(source.with_changes(port=995))
    assert store.get_endpoint("source").port == 995  # type: ignore[union-attr]
    assert store.delete_endpoint("archive") and not store.delete_endpoint("archive")
    assert store.get_endpoint("archive") is None


def test_marks_only_move_forward_and_skipped_items_clear_once_copied(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite3")
    mailbox = store.mailbox_id(MailboxKey("s", "A@x.nl", "t", "a@y.nl"))
    assert store.mailbox_id(MailboxKey("s", "a@x.nl", "t", "A@y.nl")) == mailbox  # addresses ignore case
    folder_id = store.begin_folder(mailbox, "INBOX", "INBOX", 7, 9, reset=True).folder_id
    store.record_copied(folder_id, [(1, 11, ["\\Seen"]), (2, 12, [])], highest_uid=2, target_watermark=13)
    store.record_copied(folder_id, [(3, None, [])], highest_uid=1, target_watermark=5)
    state = store.folder_summaries(mailbox)["INBOX"]
    assert (state.highest_uid, state.target_watermark) == (2, 13)
    assert store.known_target_uids(mailbox, "INBOX", 9) == {11, 12}
    store.record_skipped(
        folder_id, [SkippedItem("INBOX", 4, "2024-01-01", "groot", 9, "item.too_large", "te groot")]
    )
    assert [s.uid for s in store.skipped_in_mailbox(mailbox)] == [4]
    store.record_copied(folder_id, [(4, 14, [])])
    assert store.skipped_in_mailbox(mailbox) == []
    assert store.begin_folder(mailbox, "INBOX", "INBOX", 8, 9, reset=True).highest_uid == 0
    assert store.copied(folder_id) == {}


def test_events_and_results_are_frozen() -> None:
    event = MailboxPlanned("a@x.nl", 3, 10, 5, 500, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.messages_to_copy = 6  # type: ignore[misc]


def test_keywords_imap_cannot_carry_are_left_out_of_commands() -> None:
    from engine.connectors.imap import _flag_list, valid_flag

    assert [valid_flag(f) for f in ("$Label1", "Junk", "\\Seen", "a b", "x(y", "é", "")] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    assert _flag_list(["\\Seen", "Mijn label", "$Done"]) == b"(\\Seen $Done)"
