"""Verification after the copy: proof, folder by folder, that every source message is on the target.

Every message the copy was asked for, that is: one outside the batch's date range is not expected.

Read-only on both sides: the target is opened with the connector's source role, which sends no
command that changes a mailbox. For each folder the copy recorded (engine.store), the source's
messages up to the last synced UID are looked for on the target: first by the sync state (source UID
-> target UID), then by Message-ID (or header hash) and size. `deep` also fetches both copies and
compares their bytes (line ends normalised), so a message that changed on the way is caught.

The grade per mailbox is named as Microsoft's data consistency score names it:
Perfect (nothing missing), Good (only items the copy skipped and reported, e.g. too large),
Investigate (messages missing that no report explains), Poor (a folder missing, or more than 1 % of
the messages). Microsoft only grades; the missing messages are listed by folder, subject, date, size.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from engine.checks.mailboxes import MessageSummary, header_summary
from engine.checks.sessions import account_for
from engine.connectors import Connector, open_connector
from engine.connectors.base import FolderListing, HeaderInfo, ListingRequest
from engine.endpoints import Endpoint
from engine.errors import MailstageError
from engine.plan import ALL_DATES, Fingerprint, internaldate_epoch, match_messages, message_identity
from engine.status import Grade
from engine.store import MailboxKey, StateStore
from engine.text import T

log = logging.getLogger(__name__)

POOR_SHARE = 0.01  # more than 1 % missing is Poor
LISTED_MISSING = 500  # missing messages named per mailbox; the rest are counted


@dataclass(frozen=True)
class FolderCheck:
    """One folder compared: counts on both sides and what is missing."""

    source_folder: str
    target_folder: str
    source_items: int
    target_items: int
    skipped: int
    missing: int
    folder_missing: bool = False
    differing: int = 0  # --deep: found, but the bytes differ (counted in missing too)
    newer: int = 0  # arrived on the source after the last sync: not expected on the target yet


@dataclass(frozen=True)
class MailboxVerification:
    """The verification of one mailbox: its grade, counts, and every missing message named."""

    address: str
    grade: Grade
    source_items: int
    target_items: int
    skipped: int
    missing: tuple[MessageSummary, ...]
    missing_count: int
    folders: tuple[FolderCheck, ...] = ()
    problem: str = ""  # why it could not be verified (then graded Poor)

    def as_dict(self) -> dict[str, Any]:
        """The contract's JSON object for one mailbox."""
        return {
            "address": self.address,
            "grade": str(self.grade),
            "source_items": self.source_items,
            "target_items": self.target_items,
            "skipped": self.skipped,
            "missing": [
                {"folder": m.folder, "subject": m.subject, "date": m.date, "size": m.size}
                for m in self.missing
            ],
        }


@dataclass(frozen=True)
class VerificationReport:
    """All mailboxes of a batch, verified."""

    mailboxes: tuple[MailboxVerification, ...]
    cancelled: bool = False

    def exit_code(self) -> int:
        """0 when every mailbox is Perfect or Good, 1 otherwise (the `verify` command's contract)."""
        ok = all(m.grade in (Grade.PERFECT, Grade.GOOD) for m in self.mailboxes)
        return 0 if ok and not self.cancelled else 1

    def as_dict(self) -> dict[str, Any]:
        return {"mailboxes": [m.as_dict() for m in self.mailboxes]}


@dataclass(frozen=True)
class VerifyJob:
    """One mailbox to verify: the same accounts the copy used (addresses and login names)."""

    address: str
    target_address: str = ""
    source_login: str = ""
    target_login: str = ""


@dataclass(frozen=True)
class MailboxVerified:
    """Event: one mailbox is verified (`done` of `total`)."""

    result: MailboxVerification
    done: int
    total: int


@dataclass
class _Tally:
    source_items: int = 0
    target_items: int = 0
    skipped: int = 0
    missing_count: int = 0
    missing: list[MessageSummary] = field(default_factory=list)
    folders: list[FolderCheck] = field(default_factory=list)
    folder_missing: bool = False
    target_listings: dict[str, FolderListing] = field(default_factory=dict)


def grade_for(source_items: int, missing: int, skipped: int, folder_missing: bool) -> Grade:
    """The grade from the counts (see the module docstring)."""
    if folder_missing or (source_items and missing > source_items * POOR_SHARE):
        return Grade.POOR
    if missing:
        return Grade.INVESTIGATE
    if skipped:
        return Grade.GOOD
    return Grade.PERFECT


def _normalised_hash(connector: Connector, folder: str, uids: Sequence[int]) -> dict[int, str]:
    """SHA-256 of each message with bare LF turned into CRLF (servers store line ends as CRLF)."""
    out: dict[int, str] = {}
    for message in connector.fetch_messages(folder, list(uids)):
        digest = hashlib.sha256()
        previous = b""
        try:
            for chunk in message.body.chunks():
                # Normalise across chunk borders: a CR at the end of one chunk pairs with a LF in the next.
                data = (previous + chunk).replace(b"\r\n", b"\n")
                previous = b""
                if data.endswith(b"\r"):
                    data, previous = data[:-1], b"\r"
                digest.update(data.replace(b"\n", b"\r\n"))
            digest.update(previous)
        finally:
            message.body.close()
        out[message.uid] = digest.hexdigest()
    return out


def _fingerprints(headers: Sequence[HeaderInfo]) -> list[Fingerprint]:
    return [
        Fingerprint(h.uid, message_identity(h.header), h.size, internaldate_epoch(h.internaldate))
        for h in headers
    ]


class _Verifier:
    def __init__(
        self,
        source: Endpoint,
        target: Endpoint,
        job: VerifyJob,
        store: StateStore,
        deep: bool,
        cancel: threading.Event,
        timeout: float,
    ) -> None:
        self.source = source
        self.target = target
        self.job = job
        self.store = store
        self.deep = deep
        self.cancel = cancel
        self.timeout = timeout
        self.dates = ALL_DATES

    def run(self) -> MailboxVerification:
        job = self.job
        target_address = job.target_address or job.address
        record = self.store.mailbox_record(
            MailboxKey(self.source.name, job.address, self.target.name, target_address)
        )
        if record is None:
            return self._unverifiable(
                T("This mailbox was never copied to the target: there is nothing to verify.")
            )
        self.dates = record.date_range
        summaries = self.store.folder_summaries(record.mailbox_id)
        if not summaries:
            return self._unverifiable(T("The copy of this mailbox recorded no folder: run the batch again."))
        tally = _Tally()
        try:
            with (
                open_connector(
                    account_for(self.source, job.address, job.source_login),
                    role="source",
                    cancel=self.cancel,
                    timeout=self.timeout,
                ) as source,
                open_connector(
                    # Opened in the source role on purpose: that role never changes a mailbox.
                    account_for(self.target, target_address, job.target_login),
                    role="source",
                    cancel=self.cancel,
                    timeout=self.timeout,
                ) as target,
            ):
                target_names = {folder.name for folder in target.list_folders() if folder.selectable}
                for summary in sorted(summaries.values(), key=lambda s: s.source_folder):
                    if self.cancel.is_set():
                        break
                    self._folder(source, target, summary.folder_id, summary, target_names, tally)
        except MailstageError as error:
            return self._unverifiable(
                T("{what} {cause}", what=error.what, cause=error.cause)
                if error.what and error.cause
                else error.what or error.cause
            )
        grade = grade_for(tally.source_items, tally.missing_count, tally.skipped, tally.folder_missing)
        return MailboxVerification(
            job.address,
            grade,
            tally.source_items,
            tally.target_items,
            tally.skipped,
            tuple(tally.missing),
            tally.missing_count,
            tuple(tally.folders),
        )

    def _unverifiable(self, problem: str) -> MailboxVerification:
        return MailboxVerification(self.job.address, Grade.POOR, 0, 0, 0, (), 0, (), problem)

    def _folder(
        self,
        source: Connector,
        target: Connector,
        folder_id: int,
        summary: Any,
        target_names: set[str],
        tally: _Tally,
    ) -> None:
        name, target_name = summary.source_folder, summary.target_folder
        listing: FolderListing = source.list_messages([ListingRequest(name)])[name]
        # Messages that arrived after the last sync are not expected on the target yet, nor are
        # those outside the batch's date range.
        synced = [m for m in listing.new if m.uid <= summary.highest_uid]
        newer = len(listing.new) - len(synced)
        expected = [m for m in synced if self.dates.contains(m.internaldate)]
        skipped = self.store.skipped(folder_id)
        wanted = [m for m in expected if m.uid not in skipped]
        skipped_count = len(expected) - len(wanted)
        tally.source_items += len(expected)
        tally.skipped += skipped_count

        if target_name not in target_names and target_name.upper() != "INBOX":
            tally.folder_missing = True
            self._name_missing(source, name, [m.uid for m in wanted], tally)
            tally.folders.append(
                FolderCheck(
                    name, target_name, len(expected), 0, skipped_count, len(wanted), folder_missing=True
                )
            )
            return
        # Several source folders may go into one target folder (Postvak IN and INBOX): list and count
        # each target folder once.
        target_listing = tally.target_listings.get(target_name)
        if target_listing is None:
            target_listing = target.list_messages([ListingRequest(target_name)])[target_name]
            tally.target_listings[target_name] = target_listing
            tally.target_items += len(target_listing.new)
        target_uids = {m.uid for m in target_listing.new}

        found: dict[int, int] = {}  # source uid -> target uid
        if target_listing.uidvalidity == summary.target_uidvalidity:
            copied = self.store.copied(folder_id)
            for message in wanted:
                known = copied.get(message.uid)
                if known is not None and known.target_uid in target_uids:
                    found[message.uid] = known.target_uid
        unmatched = [m.uid for m in wanted if m.uid not in found]
        if unmatched:
            # Not where the state says (or the state does not say): look by Message-ID and size.
            spare = sorted(target_uids - set(found.values()))
            if spare:
                pairs = match_messages(
                    _fingerprints(source.fetch_headers(name, unmatched)),
                    _fingerprints(target.fetch_headers(target_name, spare)),
                )
                found.update(dict(pairs))
        missing = [m.uid for m in wanted if m.uid not in found]
        differing: list[int] = []
        if self.deep and found:
            source_hashes = _normalised_hash(source, name, sorted(found))
            target_hashes = _normalised_hash(target, target_name, sorted(found.values()))
            differing = sorted(
                uid for uid, tuid in found.items() if source_hashes.get(uid) != target_hashes.get(tuid)
            )
        self._name_missing(source, name, missing + differing, tally)
        tally.folders.append(
            FolderCheck(
                name,
                target_name,
                len(expected),
                len(target_uids),
                skipped_count,
                len(missing) + len(differing),
                differing=len(differing),
                newer=newer,
            )
        )

    def _name_missing(self, source: Connector, folder: str, uids: Sequence[int], tally: _Tally) -> None:
        tally.missing_count += len(uids)
        room = LISTED_MISSING - len(tally.missing)
        if room <= 0 or not uids:
            return
        for header in source.fetch_headers(folder, sorted(uids)[:room]):
            subject, date = header_summary(header.header)
            tally.missing.append(MessageSummary(folder, subject, date or header.internaldate, header.size))


def verify_mailbox(
    source: Endpoint,
    target: Endpoint,
    job: VerifyJob,
    *,
    store: StateStore,
    deep: bool = False,
    cancel: threading.Event | None = None,
    timeout: float = 120.0,
) -> MailboxVerification:
    """Verify one mailbox (read-only on both sides); never raises for the mailbox's own trouble."""
    return _Verifier(source, target, job, store, deep, cancel or threading.Event(), timeout).run()


def verify_batch(
    source: Endpoint,
    target: Endpoint,
    jobs: Sequence[VerifyJob],
    *,
    store: StateStore,
    deep: bool = False,
    on_event: Callable[[MailboxVerified], None] | None = None,
    cancel: threading.Event | None = None,
    max_workers: int = 4,
) -> VerificationReport:
    """Verify every mailbox of a batch, a few at a time; results in the given order. ON_EVENT is
    called from the worker threads as each mailbox is done."""
    cancel = cancel or threading.Event()
    results: dict[int, MailboxVerification] = {}
    lock = threading.Lock()

    def one(index: int, job: VerifyJob) -> None:
        if cancel.is_set():
            return
        result = verify_mailbox(source, target, job, store=store, deep=deep, cancel=cancel)
        with lock:
            results[index] = result
            done = len(results)
        if on_event is not None:
            on_event(MailboxVerified(result, done, len(jobs)))

    with ThreadPoolExecutor(max_workers=max(1, max_workers), thread_name_prefix="verify") as pool:
        for future in [pool.submit(one, i, job) for i, job in enumerate(jobs)]:
            future.result()
    ordered = tuple(results[i] for i in range(len(jobs)) if i in results)
    return VerificationReport(ordered, cancelled=cancel.is_set() and len(ordered) < len(jobs))
