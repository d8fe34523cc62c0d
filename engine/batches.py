"""Migration batches: many mailboxes at once, with Microsoft's statuses, stop and resume, and reports.

`BatchRunner` copies the mailboxes of one batch on a thread pool (default 20 at a time, as Microsoft's
service), caps the connections per endpoint across threads (`engine.limits.ConnectionGate`), and reports
what happens as events: its own (`BatchStatusChanged`, `MailboxStatusChanged`, `BatchProgress`) and the
copy's own events for each mailbox. It never touches a widget; the wizard and the CLI both drive it.

Stop is cooperative: the copy finishes the message it is on, records it, and the mailbox becomes Stopped
(resumable). A later run of the same batch is an incremental sync; `only_failed` re-runs only the failed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from engine import events as copy_events
from engine.batchlog import batch_log
from engine.connectors import Account
from engine.endpoints import Endpoint, EndpointKind
from engine.errors import BadInput, MailstageError, Severity
from engine.folders import FolderRule, RuleAction
from engine.limits import ConnectionGate, backoff_delays
from engine.paths import state_home
from engine.plan import ALL_DATES, DateRange
from engine.progress import ProgressMeter, ProgressSnapshot, Throttle
from engine.reports import BatchSummary, MailboxOutcome, write_reports
from engine.reports import SkippedItem as ReportSkippedItem
from engine.status import BatchStatus, Grade, MailboxStatus
from engine.store import BatchMember, BatchRecord, NewBatchMailbox, StateStore
from engine.sync import MailboxJob, SyncOptions, sync_mailbox
from engine.text import T
from engine.verify import VerifyJob, verify_mailbox

log = logging.getLogger(__name__)

MAX_BATCH_NAME = 64
MAX_BATCH_MAILBOXES = 2000  # Microsoft's batch limit; larger lists are split
# A server that refuses, throttles or drops sessions right after login (a server-wide process limit)
# gets fewer connections for a while; a dropped connection on a bad network slows us down too.
PUSH_BACK_CODES = frozenset(
    {"imap.connection_limit", "imap.busy", "imap.unavailable", "imap.connection_lost"}
)
PUSH_BACK_SECONDS = 5.0
RUNNER_ROUNDS = 2  # extra rounds for a mailbox whose copy gave up on a transient error


# -- events ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchStatusChanged:
    batch: str
    status: BatchStatus


@dataclass(frozen=True)
class MailboxStatusChanged:
    batch: str
    mailbox: str
    status: MailboxStatus
    error: copy_events.ErrorInfo | None = None


@dataclass(frozen=True)
class MailboxProgress:
    """The latest counters of one mailbox (throttled)."""

    batch: str
    mailbox: str
    folder: str
    items_done: int
    items_total: int
    bytes_done: int
    bytes_total: int


@dataclass(frozen=True)
class MailboxWaiting:
    """The server pushed back or the connection dropped: the mailbox waits; not a hang, not a failure."""

    batch: str
    mailbox: str
    since: dt.datetime
    seconds: float
    reason: str


@dataclass(frozen=True)
class BatchProgress:
    """The whole batch's progress (throttled): counters, rate, ETA, a fraction that never goes back."""

    batch: str
    progress: ProgressSnapshot
    mailboxes_done: int
    mailboxes_total: int


BatchEvent = (
    BatchStatusChanged
    | MailboxStatusChanged
    | MailboxProgress
    | MailboxWaiting
    | BatchProgress
    | copy_events.ItemSkipped
    | copy_events.FolderLeftOut
)
BatchEventSink = Callable[[BatchEvent], None]


# -- batches ---------------------------------------------------------------------------------------


def validate_batch_name(name: str) -> str:
    """NAME trimmed, or BadInput saying why it cannot be a batch name (Microsoft's rules: unique, <= 64)."""
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_BATCH_NAME or any(ch in cleaned for ch in '\\/:*?"<>|'):
        raise BadInput(
            "batch.bad_name",
            T("{name!r} cannot be used as a batch name.", name=name),
            T('A batch name has 1 to {most} characters and none of \\ / : * ? " < > |.', most=MAX_BATCH_NAME),
            T("Choose a short name such as 'Pilot' or 'Finance week 12'."),
        )
    return cleaned


def create_batch(
    store: StateStore,
    name: str,
    source: Endpoint,
    target: Endpoint,
    mailboxes: Iterable[NewBatchMailbox],
    *,
    exclude_folders: tuple[str, ...] = (),
    dates: DateRange = ALL_DATES,
) -> BatchRecord:
    """Create a batch (status Created). Refuses a name in use, an empty list or more than 2,000 mailboxes.
    DATES limits the copy to messages received in that range (default: all)."""
    name = validate_batch_name(name)
    members = list(mailboxes)
    if not members:
        raise BadInput(
            "batch.empty",
            T("The batch {name} has no mailboxes.", name=name),
            "",
            T("Import a mailbox list with at least one good row."),
        )
    if len(members) > MAX_BATCH_MAILBOXES:
        raise BadInput(
            "batch.too_large",
            T(
                "The batch {name} has {count} mailboxes; a batch holds at most {most}.",
                name=name,
                count=len(members),
                most=MAX_BATCH_MAILBOXES,
            ),
            T("Microsoft's staged migration limits a batch to 2,000 mailboxes, and so does Mailstage."),
            T(
                "Split the list into batches (mailstage-cli validate shows how) and start them one after the other."
            ),
        )
    if store.get_batch(name) is not None:
        raise BadInput(
            "batch.exists",
            T("A batch named {name} already exists.", name=name),
            T("Batch names must be unique."),
            T("Run that batch again for an incremental sync, or choose another name for a new batch."),
        )
    rules = [FolderRule(RuleAction.EXCLUDE, pattern) for pattern in exclude_folders]
    return store.create_batch(name, source.name, target.name, members, rules=rules, dates=dates)


def parse_day(text: str, what: str) -> dt.date:
    """A day as an admin types it: 2024-03-31 (ISO) or 31-3-2024 / 31-03-2024 (day first, as in
    Dutch). WHAT names the option in the message."""
    cleaned = text.strip()
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    parts = cleaned.replace("/", "-").replace(".", "-").split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        try:
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            pass
    raise BadInput(
        "batch.bad_date",
        T("{what}: '{text}' is not a date.", what=what, text=text),
        T("Mailstage reads a date as year-month-day (2024-03-31) or day-month-year (31-3-2024)."),
        T("Give {what} as for example 2024-03-31.", what=what),
    )


def date_range(first: dt.date | None, last: dt.date | None) -> DateRange:
    """The batch's date range, or BadInput when it ends before it begins."""
    if first and last and first > last:
        raise BadInput(
            "batch.bad_date_range",
            T(
                "The date range ends ({last}) before it begins ({first}).",
                last=last.isoformat(),
                first=first.isoformat(),
            ),
            T("No message could be received in it, so the batch would copy nothing."),
            T("Swap the two dates, or leave one of them out."),
        )
    return DateRange(first, last)


def require_batch(store: StateStore, name: str) -> BatchRecord:
    """The batch NAME, or BadInput saying there is none and where the batches are listed."""
    record = store.get_batch(name)
    if record is None:
        known = ", ".join(b.name for b in store.list_batches()[:10]) or T("none yet")
        raise BadInput(
            "batch.unknown",
            T("There is no batch named {name}.", name=name),
            T("Known batches: {known}.", known=known),
            T("mailstage-cli status lists the batches; check the spelling of the name."),
        )
    return record


def reports_folder(batch: str) -> Path:
    """Where a batch's reports and log live: a folder the admin can open."""
    safe = "".join(ch if ch.isalnum() or ch in "-_. " else "_" for ch in batch).strip() or "batch"
    return state_home() / "batches" / safe


# -- the gate the copy sees --------------------------------------------------------------------------


class EndpointGates:
    """One ConnectionGate per endpoint, shared by every mailbox of a run (the copy's gate protocol)."""

    def __init__(self, limits: dict[str, int]) -> None:
        self.gates = {name: ConnectionGate(name, limit) for name, limit in limits.items()}

    def acquire(self, endpoint: Endpoint, cancel: threading.Event) -> bool:
        gate = self.gates.get(endpoint.name)
        if gate is None:
            return not cancel.is_set()
        try:
            gate.acquire(cancel)
        except MailstageError:
            return False
        return True

    def release(self, endpoint: Endpoint) -> None:
        gate = self.gates.get(endpoint.name)
        if gate is not None:
            gate.release()

    def push_back(self, endpoint_name: str | None, seconds: float, reason: str) -> None:
        targets = [self.gates[endpoint_name]] if endpoint_name in self.gates else list(self.gates.values())
        for gate in targets:
            gate.push_back(seconds, reason=reason)

    def recover(self) -> None:
        for gate in self.gates.values():
            gate.recover()


# -- the runner ------------------------------------------------------------------------------------


@dataclass
class _Tally:
    """Mailboxes finished so far in this run (shared by the worker threads, under the runner's lock)."""

    done: int = 0


class BatchRunner:
    """Runs one batch: initial sync, incremental sync, or only the failed mailboxes again."""

    def __init__(
        self,
        store: StateStore,
        batch: str,
        *,
        events: BatchEventSink | None = None,
        concurrency: int | None = None,
        options: SyncOptions | None = None,
        progress_interval: float = 0.25,
        password_for: Callable[[Endpoint, str], Callable[[], str] | None] | None = None,
        token_for: Callable[[Endpoint, str], Callable[[], str] | None] | None = None,
        reports: Path | None = None,
        verify: bool = True,
    ) -> None:
        record = require_batch(store, batch)
        self.store = store
        self.record = record
        source = store.get_endpoint(record.source)
        target = store.get_endpoint(record.target)
        missing = [n for n, e in ((record.source, source), (record.target, target)) if e is None]
        if missing or source is None or target is None:
            raise BadInput(
                "batch.endpoint_missing",
                T(
                    "The batch {batch} uses the endpoint {endpoint}, which no longer exists.",
                    batch=batch,
                    endpoint=missing[0],
                ),
                "",
                T("Add it again with mailstage-cli endpoint add {endpoint} ...", endpoint=missing[0]),
            )
        self.source, self.target = source, target
        self.concurrency = max(1, concurrency or min(source.max_concurrent, target.max_concurrent))
        self.options = dataclasses.replace(options or SyncOptions(), dates=record.dates)
        self._sink = events or (lambda event: None)
        self._cancel = threading.Event()
        self._throttle_interval = progress_interval
        self._password_for = password_for
        self._token_for = token_for
        self.gates = EndpointGates({source.name: source.max_concurrent, target.name: target.max_concurrent})
        self.meter = ProgressMeter()
        self._lock = threading.Lock()
        self.reports_dir = reports or reports_folder(record.name)
        self.rules = record.rules
        if target.kind is EndpointKind.M365:
            from engine.m365.connect import exchange_folder_rules

            self.rules = (*record.rules, *exchange_folder_rules())  # e.g. Exchange's reserved "Files"
        self._verify = verify

    # -- control ----------------------------------------------------------------------------------

    def stop(self) -> None:
        """Ask the batch to stop: each mailbox finishes its current message and becomes Stopped."""
        if not self._cancel.is_set():
            self._cancel.set()
            self.store.set_batch_status(self.record.name, BatchStatus.STOPPING)
            self._emit(BatchStatusChanged(self.record.name, BatchStatus.STOPPING))

    def endpoint_named_in(self, text: str) -> str | None:
        """Which endpoint an error is about, from the server it names ("host:port"); None when it names
        both or neither (then both endpoints slow down)."""
        named = [e.name for e in (self.source, self.target) if e.host and f"{e.host}:{e.port}" in text]
        return named[0] if len(named) == 1 else None

    @property
    def stopping(self) -> bool:
        return self._cancel.is_set()

    def _emit(self, event: BatchEvent) -> None:
        try:
            self._sink(event)
        except Exception:  # a listener's bug must not kill a migration
            log.exception("event listener failed on %s", type(event).__name__)

    # -- running ----------------------------------------------------------------------------------

    def run(self, *, only_failed: bool = False) -> BatchSummary:
        """Run the batch to the end (or until stopped) and write its reports; returns the summary."""
        name = self.record.name
        folder = self.reports_dir
        members = self.store.batch_members(name)
        if only_failed:
            members = [m for m in members if m.status in (MailboxStatus.FAILED, MailboxStatus.STOPPED)]
        incremental = any(m.last_synced for m in self.store.batch_members(name))
        started = dt.datetime.now(dt.UTC)
        with batch_log(folder):
            log.info(
                "batch %s: %s of %d mailboxes from %s to %s, %d at a time",
                name,
                "incremental sync" if incremental else "initial sync",
                len(members),
                self.source.name,
                self.target.name,
                self.concurrency,
            )
            status = BatchStatus.INCREMENTAL_SYNCING if incremental else BatchStatus.SYNCING
            self.store.set_batch_status(name, status, started=started)
            self._emit(BatchStatusChanged(name, status))
            for member in members:
                self.store.update_member(name, member.address, status=MailboxStatus.QUEUED)
                self._emit(MailboxStatusChanged(name, member.address, MailboxStatus.QUEUED))
            tally = _Tally()
            with ThreadPoolExecutor(
                max_workers=self.concurrency, thread_name_prefix=f"batch-{name[:12]}"
            ) as pool:
                futures = [
                    pool.submit(self._run_mailbox, member, incremental, tally, len(members))
                    for member in members
                ]
                for future in futures:
                    future.result()
            final = self._final_status()
            finished = dt.datetime.now(dt.UTC)
            self.store.set_batch_status(name, final, finished=finished)
            summary = self.summary(started=started, finished=finished)
            write_reports(summary, folder)
            log.info(
                "batch %s: %s; %d synced, %d failed, %d items migrated; reports in %s",
                name,
                final,
                summary.synced,
                summary.failed,
                summary.items_migrated,
                folder,
            )
        self._emit(BatchStatusChanged(name, final))
        return summary

    def _final_status(self) -> BatchStatus:
        statuses = [m.status for m in self.store.batch_members(self.record.name)]
        if self._cancel.is_set() and any(
            s in (MailboxStatus.STOPPED, MailboxStatus.QUEUED) for s in statuses
        ):
            return BatchStatus.STOPPED
        if statuses and all(s is MailboxStatus.FAILED for s in statuses):
            return BatchStatus.FAILED
        if any(s is MailboxStatus.FAILED for s in statuses):
            return BatchStatus.SYNCED_WITH_ERRORS
        return BatchStatus.SYNCED

    def _account(self, endpoint: Endpoint, address: str, username: str, root: str) -> Account:
        password = self._password_for(endpoint, address) if self._password_for else None
        token = self._token_for(endpoint, address) if self._token_for else None
        return Account(endpoint, address, username=username, password=password, token=token, root=root)

    def _run_mailbox(self, member: BatchMember, incremental: bool, tally: _Tally, total: int) -> None:
        name = self.record.name
        if self._cancel.is_set():
            self.store.update_member(name, member.address, status=MailboxStatus.STOPPED)
            self._emit(MailboxStatusChanged(name, member.address, MailboxStatus.STOPPED))
            return
        running = (
            MailboxStatus.INCREMENTAL_SYNCING if incremental or member.last_synced else MailboxStatus.SYNCING
        )
        self.store.update_member(name, member.address, status=running)
        self._emit(MailboxStatusChanged(name, member.address, running))
        job = MailboxJob(
            source=self._account(self.source, member.address, member.username, member.user_root),
            target=self._account(self.target, member.target_address or member.address, "", ""),
            rules=self.rules,
            options=self.options,
        )
        listener = _MailboxListener(self, member.address)
        try:
            result = sync_mailbox(
                job, store=self.store, events=listener, cancel=self._cancel, gate=self.gates
            )
            copied, copied_bytes, seconds = result.copied, result.bytes_copied, result.seconds
            # The copy retries a dropped or refused session itself; when a busy server outlasts those
            # retries, the mailbox goes round again (resuming where it was) before it counts as failed.
            for delay in backoff_delays(RUNNER_ROUNDS, first=15.0, cap=60.0):
                if not (result.error and result.error.transient) or self._cancel.is_set():
                    break
                log.warning(
                    "mailbox %s: still %s after its retries; trying again in %.0f s",
                    member.address,
                    result.error.code,
                    delay,
                )
                if self._cancel.wait(delay):
                    break
                result = sync_mailbox(
                    job, store=self.store, events=listener, cancel=self._cancel, gate=self.gates
                )
                copied += result.copied
                copied_bytes += result.bytes_copied
                seconds += result.seconds
        except (
            Exception
        ) as error:  # the copy reports failures as results; this is a bug: keep the batch going
            log.exception("mailbox %s: unexpected failure", member.address)
            info = copy_events.ErrorInfo(
                "internal",
                T("Mailstage failed unexpectedly on mailbox {address}.", address=member.address),
                T("{name} (details in the batch log).", name=type(error).__name__),
                T("Retry the failed mailboxes; if it happens again, send the batch log to support."),
                str(Severity.MAILBOX),
                False,
            )
            self.store.update_member(name, member.address, status=MailboxStatus.FAILED, error=info)
            self._emit(MailboxStatusChanged(name, member.address, MailboxStatus.FAILED, info))
            return
        status = {
            copy_events.MailboxStatus.SYNCED: MailboxStatus.SYNCED,
            copy_events.MailboxStatus.FAILED: MailboxStatus.FAILED,
            copy_events.MailboxStatus.STOPPED: MailboxStatus.STOPPED,
        }[result.status]
        self.store.update_member(
            name,
            member.address,
            status=status,
            items_migrated=member.items_migrated + copied,
            items_skipped=len(result.skipped),
            bytes_migrated=member.bytes_migrated + copied_bytes,
            seconds=member.seconds + seconds,
            error=result.error,
            synced=status is MailboxStatus.SYNCED,
        )
        if status is MailboxStatus.SYNCED and self._verify:
            grade = self._quick_verify(member)
            if grade:
                self.store.update_member(name, member.address, status=status, grade=grade)
        with self._lock:
            tally.done += 1
            done = tally.done
        log.info(
            "mailbox %s: %s, %d copied, %d already there, %d skipped, %d flag updates in %.1f s%s",
            member.address,
            status,
            result.copied,
            result.recognised,
            len(result.skipped),
            result.flags_updated,
            result.seconds,
            f"; {result.error}" if result.error else "",
        )
        self._emit(MailboxStatusChanged(name, member.address, status, result.error))
        self._emit(BatchProgress(name, self.meter.snapshot(), done, total))

    def _quick_verify(self, member: BatchMember) -> str | None:
        """Compare the mailbox on both sides (read-only) and return its grade; None if it could not run.

        Holds one connection slot on each endpoint meanwhile, so verification respects the caps too.
        """
        job = VerifyJob(member.address, member.target_address, member.username)
        if not self.gates.acquire(self.source, self._cancel):
            return None
        try:
            if not self.gates.acquire(self.target, self._cancel):
                return None
            try:
                result = verify_mailbox(self.source, self.target, job, store=self.store, cancel=self._cancel)
            finally:
                self.gates.release(self.target)
        except Exception:
            log.exception("mailbox %s: verification could not run", member.address)
            return None
        finally:
            self.gates.release(self.source)
        if result.problem:
            log.warning("mailbox %s: verification: %s", member.address, result.problem)
        log.info(
            "mailbox %s: verified %s (%d on the source, %d on the target, %d missing)",
            member.address,
            result.grade,
            result.source_items,
            result.target_items,
            result.missing_count,
        )
        return str(result.grade)

    # -- summary ----------------------------------------------------------------------------------

    def summary(self, *, started: dt.datetime, finished: dt.datetime) -> BatchSummary:
        record = self.store.get_batch(self.record.name) or self.record
        return summarise(self.store, record, started=started, finished=finished)


def summarise(
    store: StateStore,
    record: BatchRecord,
    *,
    started: dt.datetime | None = None,
    finished: dt.datetime | None = None,
) -> BatchSummary:
    """The report view of a batch as the store holds it now."""
    outcomes = []
    for member in store.batch_members(record.name):
        skipped = tuple(
            ReportSkippedItem(member.address, item.folder, item.date, item.subject, item.size, item.reason)
            for item in store.batch_member_skipped(record.name, member.address)
        )
        error = member.error
        outcomes.append(
            MailboxOutcome(
                member.address,
                member.status,
                member.items_migrated,
                len(skipped),
                member.bytes_migrated,
                member.seconds,
                error.what if error else "",
                error.cause if error else "",
                error.fix if error else "",
                Grade(member.grade) if member.grade else None,
                skipped,
            )
        )
    now = dt.datetime.now(dt.UTC)
    return BatchSummary(
        record.name,
        record.status,
        _endpoint_url(store, record.source),
        _endpoint_url(store, record.target),
        started or record.last_started or now,
        finished or record.last_finished or now,
        tuple(outcomes),
        record.dates.describe(),
    )


def _endpoint_url(store: StateStore, name: str) -> str:
    """An endpoint's URL for the reports, or its name when it was removed since."""
    endpoint = store.get_endpoint(name)
    return endpoint.url if endpoint else name


class _MailboxListener:
    """Turns one mailbox's copy events into batch progress, waits into pacing, and forwards the rest."""

    def __init__(self, runner: BatchRunner, mailbox: str) -> None:
        self.runner = runner
        self.mailbox = mailbox
        self.throttle = Throttle(runner._throttle_interval)
        self.items_done = 0
        self.bytes_done = 0
        self.items_total = 0
        self.bytes_total = 0
        self.folder = ""
        self._last_items = 0
        self._last_bytes = 0

    def __call__(self, event: copy_events.Event) -> None:
        runner = self.runner
        name = runner.record.name
        if isinstance(event, copy_events.MailboxPlanned):
            # Totals are what this attempt still has to copy: add only what was not counted before.
            new_items = max(event.messages_to_copy - (self.items_total - self.items_done), 0)
            new_bytes = max(event.bytes_to_copy - (self.bytes_total - self.bytes_done), 0)
            self.items_total += new_items
            self.bytes_total += new_bytes
            runner.meter.add_totals(new_items, new_bytes)
        elif isinstance(event, copy_events.FolderStarted):
            self.folder = event.folder
        elif isinstance(event, copy_events.MessagesCopied):
            # Counters are cumulative per attempt; a retry starts again from zero.
            restarted = event.messages_done < self._last_items or event.bytes_done < self._last_bytes
            delta_items = event.messages_done if restarted else event.messages_done - self._last_items
            delta_bytes = event.bytes_done if restarted else event.bytes_done - self._last_bytes
            self._last_items, self._last_bytes = event.messages_done, event.bytes_done
            self.items_done += delta_items
            self.bytes_done += delta_bytes
            runner.meter.advance(delta_items, delta_bytes)
            runner.gates.recover()
            if self.throttle.due():
                runner._emit(
                    MailboxProgress(
                        name,
                        self.mailbox,
                        self.folder,
                        self.items_done,
                        self.items_total,
                        self.bytes_done,
                        self.bytes_total,
                    )
                )
                runner._emit(BatchProgress(name, runner.meter.snapshot(), 0, 0))
        elif isinstance(event, copy_events.Waiting):
            if event.error.code in PUSH_BACK_CODES:
                runner.gates.push_back(
                    runner.endpoint_named_in(event.error.what),
                    max(event.seconds, PUSH_BACK_SECONDS),
                    event.error.code,
                )
            log.warning(
                "mailbox %s: waiting %.0f s before retry %d: %s",
                self.mailbox,
                event.seconds,
                event.attempt,
                event.error.what,
            )
            runner._emit(
                MailboxWaiting(name, self.mailbox, dt.datetime.now(dt.UTC), event.seconds, event.error.what)
            )
        elif isinstance(event, copy_events.ItemSkipped | copy_events.FolderLeftOut):
            runner._emit(event)
