"""Copy one mailbox from its source to its target: exactly, incrementally, and safe against crashes.

`sync_mailbox(job, store=..., events=..., cancel=...)` is the whole API. The batch runner calls it
from a thread pool, many mailboxes at once; it never raises for a mailbox's own trouble but returns a
MailboxResult whose status and error say what happened.

One run:
1. Source: log in, list folders, map them (engine/folders.py), ask every folder's STATUS (pipelined:
   one round trip). A folder whose UIDNEXT and HIGHESTMODSEQ are as the state remembers costs nothing
   more; that is the whole of a re-run with nothing new on a CONDSTORE server.
2. List what changed in the other folders (pipelined again), plan (engine/plan.py) and announce the
   totals (MailboxPlanned) for the ETA.
3. Target, opened only now and only if there is work: per folder, recognise copies the state does not
   know (after a crash, target UIDs from the watermark on are matched by Message-ID/header hash), then
   copy in batches (fetch a batch, append it as one MULTIAPPEND or pipelined APPENDs), record each batch
   after the target accepted it, and carry flag changes over.
A dropped connection, BYE or a busy server ends the attempt; the run waits (doubling, capped) and tries
again from the state, so it resumes where it broke.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from engine.connectors import open_connector
from engine.connectors.base import (
    Account,
    AppendOutcome,
    ConnectionGate,
    Connector,
    FetchedMessage,
    FolderInfo,
    FolderListing,
    FolderStatus,
    HeaderInfo,
    ListingRequest,
    MessageInfo,
    OutgoingMessage,
    TargetFolder,
    UnlimitedGate,
)
from engine.connectors.body import DEFAULT_SPOOL_THRESHOLD, has_bare_lf, to_crlf
from engine.errors import MailstageError, Severity
from engine.events import (
    ErrorInfo,
    Event,
    FlagsUpdated,
    FolderFailed,
    FolderFailure,
    FolderFinished,
    FolderLeftOut,
    FolderResult,
    FolderStarted,
    ItemSkipped,
    LeftOut,
    MailboxFinished,
    MailboxPlanned,
    MailboxResult,
    MailboxStarted,
    MailboxStatus,
    MessagesCopied,
    MessagesRecognised,
    SkippedItem,
    Waiting,
)
from engine.folders import FolderMapping, FolderRule, map_folders
from engine.plan import (
    ALL_DATES,
    CheckResult,
    CopiedMessage,
    DateRange,
    Fingerprint,
    FlagFilter,
    FolderCheck,
    FolderPlan,
    FolderSummary,
    Limits,
    check_folder,
    describe_size,
    flag_changes,
    internaldate_epoch,
    match_messages,
    message_identity,
    plan_folder,
    subject_and_date,
)
from engine.store import MailboxKey, StateStore
from engine.text import T

log = logging.getLogger(__name__)

EventSink = Callable[[Event], None]


@dataclass(frozen=True)
class SyncOptions:
    """How the copy behaves; the defaults suit a WAN to Exchange Online as well as a LAN."""

    batch_messages: int = 200
    batch_bytes: int = 4 * 1024 * 1024
    spool_threshold: int = DEFAULT_SPOOL_THRESHOLD
    timeout: float = 120.0
    max_attempts: int = 8  # transient failures in a row before the mailbox fails
    first_delay: float = 1.0  # seconds before the first retry; doubles each time
    max_delay: float = 60.0
    retry_skipped: bool = False  # try messages skipped in earlier runs again
    dates: DateRange = ALL_DATES  # only messages received in this range (default: all)
    # Behave as if the server lacked these capabilities (imitating other servers in tests/benchmarks).
    ignore_source_capabilities: frozenset[str] = frozenset()
    ignore_target_capabilities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MailboxJob:
    """One mailbox to copy: from SOURCE to TARGET, with the administrator's folder rules."""

    source: Account
    target: Account
    rules: tuple[FolderRule, ...] = ()
    options: SyncOptions = field(default_factory=SyncOptions)

    @property
    def key(self) -> MailboxKey:
        return MailboxKey(
            self.source.endpoint.name, self.source.address, self.target.endpoint.name, self.target.address
        )


class _Cancelled(Exception):
    pass


def sync_mailbox(
    job: MailboxJob,
    *,
    store: StateStore,
    events: EventSink | None = None,
    cancel: threading.Event | None = None,
    gate: ConnectionGate | None = None,
) -> MailboxResult:
    """Copy (or bring up to date) one mailbox; see the module docstring. Thread-safe for different
    jobs sharing one STORE and one GATE."""
    return _MailboxCopy(job, store, events, cancel or threading.Event(), gate or UnlimitedGate()).run()


class _MailboxCopy:
    def __init__(
        self,
        job: MailboxJob,
        store: StateStore,
        events: EventSink | None,
        cancel: threading.Event,
        gate: ConnectionGate,
    ) -> None:
        self.job = job
        self.store = store
        self.sink = events
        self.cancel = cancel
        self.gate = gate
        self.address = job.source.address
        self.mailbox_id = 0
        self.dates_changed = False
        # Counters over the whole run (all attempts).
        self.copied = 0
        self.bytes_copied = 0
        self.recognised = 0
        self.flags_updated = 0
        self.bare_lf_fixed = 0
        self.keywords_dropped = 0
        self.source_messages = 0
        self.folder_results: dict[str, FolderResult] = {}
        self.failed_folders: dict[str, MailstageError] = {}
        self.left_out: dict[str, LeftOut] = {}
        # Progress of this run (over all attempts), for MessagesCopied.
        self.messages_to_copy = 0
        self.bytes_to_copy = 0
        self.done_messages = 0
        self.done_bytes = 0

    # -- the run, with retries -----------------------------------------------------------------------

    def emit(self, event: Event) -> None:
        if self.sink is None:
            return
        try:
            self.sink(event)
        except Exception:
            log.exception("event listener failed on %s", type(event).__name__)

    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise _Cancelled

    def run(self) -> MailboxResult:
        started = time.monotonic()
        status = MailboxStatus.FAILED
        error: MailstageError | None = None
        attempt = 0
        try:
            self.mailbox_id = self.store.mailbox_id(self.job.key)
            self.store.mailbox_started(self.mailbox_id)
            record = self.store.mailbox_record(self.job.key)
            # A range other than the last complete pass's: every folder is listed again (_attempt).
            self.dates_changed = record is not None and record.date_range != self.job.options.dates
        except MailstageError as exc:
            return self._result(MailboxStatus.FAILED, exc, 0, started)
        options = self.job.options
        delay = options.first_delay
        while True:
            attempt += 1
            self.emit(MailboxStarted(self.address, attempt))
            try:
                self._attempt()
                status, error = MailboxStatus.SYNCED, None
                if self.failed_folders:
                    status, error = MailboxStatus.FAILED, self._folders_error()
                else:
                    self.store.set_date_range(self.mailbox_id, options.dates)
                break
            except _Cancelled:
                status, error = MailboxStatus.STOPPED, None
                break
            except MailstageError as exc:
                if exc.code == "copy.cancelled" or self.cancel.is_set():
                    status, error = MailboxStatus.STOPPED, None
                    break
                error = exc
                if not exc.transient or attempt >= options.max_attempts:
                    status = MailboxStatus.FAILED
                    break
                log.info("mailbox %s: %s; retrying in %.1f s", self.address, exc.code, delay)
                self.emit(Waiting(self.address, attempt, delay, ErrorInfo.from_error(exc)))
                if self.cancel.wait(delay):
                    status, error = MailboxStatus.STOPPED, None
                    break
                delay = min(delay * 2, options.max_delay)
            except Exception as exc:
                log.exception("mailbox %s: unexpected failure", self.address)
                error = MailstageError(
                    "copy.internal",
                    T("The copy of {address} stopped on an unexpected problem.", address=self.address),
                    T("{name} (details in the log).", name=type(exc).__name__),
                    T("Retry the mailbox; if it happens again, send the log to support."),
                    severity=Severity.MAILBOX,
                )
                status = MailboxStatus.FAILED
                break
        with contextlib.suppress(MailstageError):
            self.store.mailbox_finished(self.mailbox_id, str(status), str(error) if error else None)
        result = self._result(status, error, attempt, started)
        self.emit(MailboxFinished(self.address, result))
        return result

    def _folders_error(self) -> MailstageError:
        """The mailbox's error when folders failed: the first one's, naming how many."""
        first_name, first = next(iter(self.failed_folders.items()))
        others = len(self.failed_folders) - 1
        if not others:
            what = T(
                "The folder {folder} of {address} could not be copied.",
                folder=first_name,
                address=self.address,
            )
        elif others == 1:
            what = T(
                "The folder {folder} of {address} could not be copied (nor 1 other folder).",
                folder=first_name,
                address=self.address,
            )
        else:
            what = T(
                "The folder {folder} of {address} could not be copied (nor {others} other folders).",
                folder=first_name,
                address=self.address,
                others=others,
            )
        return MailstageError(
            first.code,
            what,
            T("{what} {cause}", what=first.what, cause=first.cause)
            if first.what and first.cause
            else first.what or first.cause,
            T("{fix} The other folders were copied; a retry copies the rest.", fix=first.fix),
            severity=Severity.MAILBOX,
            folder=first_name,
        )

    def _result(
        self, status: MailboxStatus, error: MailstageError | None, attempts: int, started: float
    ) -> MailboxResult:
        skipped: tuple[SkippedItem, ...] = ()
        if self.mailbox_id:
            with contextlib.suppress(MailstageError):
                skipped = tuple(self.store.skipped_in_mailbox(self.mailbox_id))
        return MailboxResult(
            mailbox=self.address,
            target_mailbox=self.job.target.address,
            status=status,
            copied=self.copied,
            bytes_copied=self.bytes_copied,
            recognised=self.recognised,
            flags_updated=self.flags_updated,
            skipped=skipped,
            left_out=tuple(self.left_out.values()),
            folders=tuple(self.folder_results.values()),
            failed_folders=tuple(
                FolderFailure(n, ErrorInfo.from_error(e)) for n, e in self.failed_folders.items()
            ),
            source_messages=self.source_messages,
            bare_lf_fixed=self.bare_lf_fixed,
            keywords_dropped=self.keywords_dropped,
            attempts=attempts,
            seconds=round(time.monotonic() - started, 3),
            error=ErrorInfo.from_error(error) if error else None,
        )

    # -- one attempt -------------------------------------------------------------------------------

    def _open(self, account: Account, role: str, stack: contextlib.ExitStack) -> Connector:
        options = self.job.options
        ignore = (
            options.ignore_source_capabilities if role == "source" else options.ignore_target_capabilities
        )
        return stack.enter_context(
            open_connector(
                account,
                role=role,
                gate=self.gate,
                cancel=self.cancel,
                timeout=options.timeout,
                spool_threshold=options.spool_threshold,
                ignore_capabilities=ignore,
            )
        )

    def _attempt(self) -> None:
        job = self.job
        with contextlib.ExitStack() as stack:
            source = self._open(job.source, "source", stack)
            # STATUS of every folder in one round trip, \Noselect ones too: a server's folder list can
            # call a folder that holds messages \Noselect (Dovecot's list index does after a failed
            # open), and such a folder must not be passed over as an empty container.
            listed = source.list_folders()
            all_statuses = source.status([f.name for f in listed if "\\nonexistent" not in f.attributes])
            source_folders = [_revived(f, all_statuses.get(f.name)) for f in listed]
            preliminary = map_folders(
                source_folders, None, target_separator=source.separator, rules=job.rules
            )
            for left in preliminary.left_out:
                if left.source not in self.left_out:
                    self.left_out[left.source] = LeftOut(left.source, str(left.reason), left.explanation)
                    self.emit(FolderLeftOut(self.address, left.source, str(left.reason), left.explanation))
            names = [m.source for m in preliminary.mappings]
            statuses = {name: all_statuses.get(name) for name in names}
            self.source_messages = sum(s.messages for s in statuses.values() if s is not None)
            summaries = self.store.folder_summaries(self.mailbox_id)
            checks: dict[str, FolderCheck] = {}
            for name in names:
                # No STATUS (the server refused it): list the folder anyway, which copies it or says why not.
                checks[name] = check_folder(
                    name, statuses.get(name), summaries.get(name), condstore=source.features.condstore
                )
            for name, check in list(checks.items()):
                # Messages left out before lie below the highest handled UID: list such folders
                # whole. Skipped ones when they are to be tried again; all of them when the date
                # range changed (a range widened to older mail must find it).
                summary = summaries.get(name)
                if summary is None or check.result is CheckResult.FULL:
                    continue
                if self.dates_changed:
                    why = f"the date range changed to {job.options.dates.describe()}"
                elif job.options.retry_skipped and self.store.skipped(summary.folder_id):
                    why = "retrying the messages skipped before"
                else:
                    continue
                checks[name] = FolderCheck(CheckResult.INCREMENTAL, ListingRequest(name), why)
            requests = [c.request for c in checks.values() if c.request is not None]
            listings = self._list(source, requests)
            self.check_cancel()

            # A first plan with what the state knows, for the totals; each folder is planned again
            # once its target folder is open (it may hold copies the state does not know).
            limits = self._limits(None)
            work: list[str] = []
            # Counters stay cumulative over retries: what earlier attempts did counts as done.
            self.messages_to_copy, self.bytes_to_copy = self.done_messages, self.done_bytes
            flag_updates = 0
            for name, check in checks.items():
                if check.result is CheckResult.UNCHANGED or name not in listings:
                    continue
                summary = summaries.get(name)
                listing = listings[name]
                copied: dict[int, CopiedMessage] = {}
                skipped: set[int] = set()
                since = 0
                if summary is not None and check.result is CheckResult.INCREMENTAL:
                    copied = self.store.copied(summary.folder_id)
                    skipped = (
                        set() if job.options.retry_skipped else set(self.store.skipped(summary.folder_id))
                    )
                    since = summary.highest_uid
                plan = plan_folder(
                    listing, copied, skipped, since_uid=since, limits=limits, dates=job.options.dates
                )
                if (
                    plan.batches
                    or plan.flag_updates
                    or plan.skips
                    or summary is None
                    or plan.highest_uid != since
                ):
                    work.append(name)
                elif summary is not None:
                    # Nothing to do but remember the counters, so the next check is a no-op.
                    self.store.finish_folder(
                        summary.folder_id,
                        source_uidnext=listing.uidnext,
                        source_modseq=listing.highest_modseq,
                        highest_uid=plan.highest_uid,
                    )
                self.messages_to_copy += plan.to_copy
                self.bytes_to_copy += plan.bytes_to_copy
                flag_updates += len(plan.flag_updates)
            self.emit(
                MailboxPlanned(
                    self.address,
                    len(names),
                    self.source_messages,
                    self.messages_to_copy,
                    self.bytes_to_copy,
                    flag_updates,
                )
            )
            if not work:
                return
            target = self._open(job.target, "target", stack)
            final = map_folders(
                source_folders,
                target.list_folders(),
                target_separator=target.separator,
                target_forbidden=target.features.forbidden_in_names,
                rules=job.rules,
            )
            # INBOX first: it is what users look at first when they switch.
            work.sort(key=lambda n: (n.upper() != "INBOX", names.index(n)))
            mapped = [(name, final.for_source(name)) for name in work]
            present = [(name, mapping) for name, mapping in mapped if mapping is not None]
            target_names = self._ensure_target_folders(target, present)
            for name, _ in present:
                if name not in target_names:
                    continue
                self.check_cancel()
                try:
                    self._copy_folder(
                        source,
                        target,
                        target_names[name],
                        name,
                        listings[name],
                        checks[name],
                        summaries.get(name),
                    )
                except MailstageError as exc:
                    if exc.severity is not Severity.FOLDER or exc.transient:
                        raise
                    self._folder_failed(name, exc)

    # -- folders that fail on their own ------------------------------------------------------------
    # A folder the server will not open or create fails alone: the others are copied, and the mailbox
    # ends Failed with that folder named, so the admin sees it and a retry picks it up.

    def _folder_failed(self, name: str, error: MailstageError) -> None:
        log.warning("mailbox %s: folder %s failed: %s", self.address, name, error)
        self.failed_folders[name] = error
        self.emit(FolderFailed(self.address, name, ErrorInfo.from_error(error)))

    def _list(self, source: Connector, requests: Sequence[ListingRequest]) -> dict[str, FolderListing]:
        """Listings of REQUESTS; when a folder fails, the others are listed one by one without it."""
        if not requests:
            return {}
        try:
            return source.list_messages(requests)
        except MailstageError as exc:
            if exc.severity is not Severity.FOLDER or exc.transient:
                raise
            if len(requests) == 1:
                self._folder_failed(requests[0].folder, exc)
                return {}
        listings: dict[str, FolderListing] = {}
        for request in requests:
            listings.update(self._list(source, [request]))
        return listings

    def _ensure_target_folders(
        self, target: Connector, present: Sequence[tuple[str, FolderMapping]]
    ) -> dict[str, str]:
        """Create every target folder this run needs in one go (one round trip on IMAP)."""
        try:
            names = target.ensure_folders([mapping.target_path for _, mapping in present])
            return {name: target_name for (name, _), target_name in zip(present, names, strict=True)}
        except MailstageError as exc:
            if exc.severity is not Severity.FOLDER or exc.transient:
                raise
        out: dict[str, str] = {}
        for name, mapping in present:
            try:
                out[name] = target.ensure_folder(mapping.target_path)
            except MailstageError as exc:
                if exc.severity is not Severity.FOLDER or exc.transient:
                    raise
                self._folder_failed(name, exc)
        return out

    def _limits(self, target: Connector | None) -> Limits:
        options = self.job.options
        limits = [
            x
            for x in (self.job.target.endpoint.size_limit, target.features.append_limit if target else 0)
            if x
        ]
        return Limits(min(limits) if limits else 0, options.batch_messages, options.batch_bytes)

    # -- one folder --------------------------------------------------------------------------------

    def _copy_folder(
        self,
        source: Connector,
        target: Connector,
        target_name: str,
        name: str,
        listing: FolderListing,
        check: FolderCheck,
        summary: FolderSummary | None,
    ) -> None:
        target_folder = target.open_folder(target_name)
        valid = (
            summary is not None
            and check.result is CheckResult.INCREMENTAL
            and summary.target_folder == target_name
            and summary.target_uidvalidity == target_folder.uidvalidity
            and summary.source_uidvalidity == listing.uidvalidity
        )
        if not valid:
            if summary is not None:
                log.info(
                    "mailbox %s: state of %s no longer fits; matching against the target", self.address, name
                )
            summary = self.store.begin_folder(
                self.mailbox_id, name, target_name, listing.uidvalidity, target_folder.uidvalidity, reset=True
            )
            if check.request is not None and check.request.since_uid > 0:
                listing = source.list_messages([ListingRequest(name)])[name]
        assert summary is not None
        folder_id = summary.folder_id
        since = summary.highest_uid
        limits = self._limits(target)
        skipped_before = set() if self.job.options.retry_skipped else set(self.store.skipped(folder_id))
        copied = self.store.copied(folder_id)
        plan = plan_folder(
            listing, copied, skipped_before, since_uid=since, limits=limits, dates=self.job.options.dates
        )

        # Copies on the target that the state does not know (an interrupted run, a lost state): find
        # them among the target messages from the watermark on, and do not copy them again.
        recognised = 0
        if target_folder.uidnext > summary.target_watermark or not target_folder.uidnext:
            if plan.batches:
                recognised = self._recognise(source, target, folder_id, name, target_folder, summary, plan)
                if recognised:
                    copied = self.store.copied(folder_id)
                    plan = plan_folder(
                        listing,
                        copied,
                        skipped_before,
                        since_uid=since,
                        limits=limits,
                        dates=self.job.options.dates,
                    )
            if target_folder.uidnext:
                self.store.set_watermark(folder_id, target_folder.uidnext)

        self.emit(FolderStarted(self.address, name, target_name, plan.to_copy, plan.bytes_to_copy))
        skipped_now = self._record_planned_skips(source, folder_id, name, plan)
        flag_filter = FlagFilter(
            target_folder.accepts_any_keyword,
            frozenset(f for f in target_folder.permanent_flags if not f.startswith("\\")),
        )
        copied_count = 0
        watermark = max(summary.target_watermark, target_folder.uidnext)
        batches = plan.batches
        # The next batch is asked for before this one is appended: the source sends while the
        # target stores, and a round trip per batch disappears.
        pending = source.request_messages(name, [m.uid for m in batches[0]]) if batches else None
        for index, batch in enumerate(batches):
            self.check_cancel()
            fetched = source.collect_messages(pending)
            pending = (
                source.request_messages(name, [m.uid for m in batches[index + 1]])
                if index + 1 < len(batches)
                else None
            )
            done, refused, watermark = self._copy_batch(
                target, folder_id, name, target_folder, batch, fetched, flag_filter, limits, watermark
            )
            copied_count += done
            skipped_now += refused

        updated = self._carry_flags(target, folder_id, name, target_folder, plan, flag_filter)
        self.store.finish_folder(
            folder_id,
            source_uidnext=listing.uidnext,
            source_modseq=listing.highest_modseq,
            highest_uid=plan.highest_uid,
        )
        previous = self.folder_results.get(name)
        result = FolderResult(
            name,
            target_name,
            copied_count + (previous.copied if previous else 0),
            recognised + (previous.recognised if previous else 0),
            skipped_now + (previous.skipped if previous else 0),
            updated + (previous.flags_updated if previous else 0),
        )
        self.folder_results[name] = result
        self.emit(
            FolderFinished(
                self.address, name, result.copied, result.recognised, result.skipped, result.flags_updated
            )
        )

    def _recognise(
        self,
        source: Connector,
        target: Connector,
        folder_id: int,
        name: str,
        target_folder: TargetFolder,
        summary: FolderSummary,
        plan: FolderPlan,
    ) -> int:
        known = self.store.known_target_uids(self.mailbox_id, target_folder.name, target_folder.uidvalidity)
        window = [
            h
            for h in target.fetch_headers(target_folder.name, None, since_uid=summary.target_watermark - 1)
            if h.uid not in known
        ]
        if not window:
            return 0
        candidates = source.fetch_headers(name, [m.uid for b in plan.batches for m in b])
        pairs = match_messages(
            [_fingerprint(h) for h in candidates],
            [_fingerprint(h) for h in window],
            same_size=target.features.keeps_bytes,
        )
        if not pairs:
            return 0
        target_flags = {h.uid: h.flags for h in window}
        # The flags recorded are the target copy's own: the flag pass then brings them to the source's.
        self.store.record_copied(folder_id, [(s, t, target_flags.get(t, ())) for s, t in pairs])
        self.recognised += len(pairs)
        self.emit(MessagesRecognised(self.address, name, len(pairs)))
        log.info("mailbox %s: %d messages in %s were already on the target", self.address, len(pairs), name)
        return len(pairs)

    def _record_planned_skips(self, source: Connector, folder_id: int, name: str, plan: FolderPlan) -> int:
        if not plan.skips:
            return 0
        headers = {h.uid: h for h in source.fetch_headers(name, [s.message.uid for s in plan.skips])}
        items: list[SkippedItem] = []
        for skip in plan.skips:
            header = headers.get(skip.message.uid)
            subject, date = subject_and_date(header.header) if header else ("", "")
            items.append(
                SkippedItem(name, skip.message.uid, date, subject, skip.message.size, skip.code, skip.reason)
            )
        self.store.record_skipped(folder_id, items)
        for item in items:
            self.emit(ItemSkipped(self.address, item))
        return len(items)

    def _copy_batch(
        self,
        target: Connector,
        folder_id: int,
        name: str,
        target_folder: TargetFolder,
        batch: Sequence[MessageInfo],
        fetched: list[FetchedMessage],
        flag_filter: FlagFilter,
        limits: Limits,
        watermark: int,
    ) -> tuple[int, int, int]:
        """Append one fetched batch and record it; returns (copied, skipped, the new target watermark)."""
        uids = [m.uid for m in batch]
        try:
            outgoing: list[OutgoingMessage] = []
            sent: list[FetchedMessage] = []
            skipped: list[SkippedItem] = []
            for message in fetched:
                body = message.body
                if target.features.needs_crlf and has_bare_lf(body):
                    body = to_crlf(body, self.job.options.spool_threshold)
                    message.body.close()
                    message.body = body
                    self.bare_lf_fixed += 1
                if limits.size_limit and body.size > limits.size_limit:
                    reason = (
                        f"The message is {describe_size(body.size)}; the target accepts at most "
                        f"{describe_size(limits.size_limit)}."
                    )
                    skipped.append(self._skipped_item(name, message, "item.too_large", reason))
                    continue
                kept, dropped = flag_filter.apply(message.flags)
                self.keywords_dropped += len(dropped)
                outgoing.append(OutgoingMessage(body, kept, message.internaldate))
                sent.append(message)
            outcomes = target.append(target_folder, outgoing)
            if any(o.ok and o.uid is None for o in outcomes):
                outcomes = self._resolve_target_uids(target, target_folder, sent, outcomes, watermark)
            copies: list[tuple[int, int | None, Sequence[str]]] = []
            nbytes = 0
            for message, outcome in zip(sent, outcomes, strict=True):
                if outcome.ok:
                    copies.append((message.uid, outcome.uid, message.flags))
                    nbytes += message.body.size
                else:
                    reason = f"The target refused the message: {outcome.reason}" + (
                        f" ({outcome.code})." if outcome.code else "."
                    )
                    skipped.append(self._skipped_item(name, message, "item.refused", reason))
            target_uids = [uid for _, uid, _ in copies if uid is not None]
            if target_uids:
                watermark = max(watermark, max(target_uids) + 1)
            # Destination first, then state: only now is the batch recorded, in one transaction.
            self.store.record_copied(folder_id, copies, highest_uid=max(uids), target_watermark=watermark)
            if skipped:
                self.store.record_skipped(folder_id, skipped)
                for item in skipped:
                    self.emit(ItemSkipped(self.address, item))
        finally:
            for message in fetched:
                message.body.close()
        self.copied += len(copies)
        self.bytes_copied += nbytes
        self.done_messages += len(batch)
        self.done_bytes += sum(m.size for m in batch)
        self.emit(
            MessagesCopied(
                self.address,
                name,
                self.done_messages,
                self.done_bytes,
                self.messages_to_copy,
                self.bytes_to_copy,
            )
        )
        return len(copies), len(skipped), watermark

    @staticmethod
    def _skipped_item(folder: str, message: FetchedMessage, code: str, reason: str) -> SkippedItem:
        subject, date = subject_and_date(message.body.head())
        return SkippedItem(folder, message.uid, date, subject, message.body.size, code, reason)

    def _resolve_target_uids(
        self,
        target: Connector,
        target_folder: TargetFolder,
        sent: Sequence[FetchedMessage],
        outcomes: Sequence[AppendOutcome],
        watermark: int,
    ) -> list[AppendOutcome]:
        """The target did not say where the batch landed (no UIDPLUS): find the copies among the
        target messages from the watermark on, so their flags can be carried over later."""
        known = self.store.known_target_uids(self.mailbox_id, target_folder.name, target_folder.uidvalidity)
        window = [
            h
            for h in target.fetch_headers(target_folder.name, None, since_uid=watermark - 1)
            if h.uid not in known
        ]
        fingerprints = [
            Fingerprint(
                m.uid, message_identity(m.body.head()), m.body.size, internaldate_epoch(m.internaldate)
            )
            for m, o in zip(sent, outcomes, strict=True)
            if o.ok
        ]
        pairs = dict(
            match_messages(
                fingerprints, [_fingerprint(h) for h in window], same_size=target.features.keeps_bytes
            )
        )
        return [
            AppendOutcome(True, pairs[m.uid]) if o.ok and o.uid is None and m.uid in pairs else o
            for m, o in zip(sent, outcomes, strict=True)
        ]

    def _carry_flags(
        self,
        target: Connector,
        folder_id: int,
        name: str,
        target_folder: TargetFolder,
        plan: FolderPlan,
        flag_filter: FlagFilter,
    ) -> int:
        updates = [u for u in plan.flag_updates if u.target_uid is not None]
        if not updates:
            return 0
        self.check_cancel()
        target.store_flags(target_folder, flag_changes(updates, flag_filter))
        self.store.record_flags(folder_id, [(u.source_uid, u.new) for u in updates])
        self.flags_updated += len(updates)
        self.emit(FlagsUpdated(self.address, name, len(updates)))
        return len(updates)


def _revived(folder: FolderInfo, status: FolderStatus | None) -> FolderInfo:
    """FOLDER, made selectable when the server listed it \\Noselect yet reports messages in it."""
    if "\\noselect" in folder.attributes and status is not None and status.messages > 0:
        log.warning(
            "folder %s is listed as \\Noselect but holds %d messages: copying it",
            folder.name,
            status.messages,
        )
        return dataclasses.replace(folder, attributes=folder.attributes - {"\\noselect"})
    return folder


def _fingerprint(header: HeaderInfo) -> Fingerprint:
    return Fingerprint(
        header.uid, message_identity(header.header), header.size, internaldate_epoch(header.internaldate)
    )
