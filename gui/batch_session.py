"""One run of a batch, seen from the GUI: starts the engine's `BatchRunner` through the bridge, turns its
events into progress-table updates and a progress snapshot a few times a second, and reports the end.

Everything the run needs is read from the project on the main thread before it starts; the worker
only talks to the engine. The engine reports through a callback (the bridge buffers it), stops when
asked, and never touches a widget.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from engine.batches import (
    BatchProgress,
    BatchStatusChanged,
    MailboxProgress,
    MailboxStatusChanged,
    MailboxWaiting,
    reports_folder,
)
from engine.folders import LOCALIZED_NAMES, Role
from engine.reports import BatchSummary
from engine.status import BatchStatus, MailboxStatus
from engine.store import NewBatchMailbox
from gui.batch_process import BatchPlan, run_batch_in_process
from gui.bridge import Task, TaskState
from gui.context import WizardContext
from gui.models import MailboxProgressModel

# The batch page offers to leave out these default folders; the engine's rules match names, so each
# becomes a pattern per localized name (and its subfolders).
ROLE_EXCLUDES = {"Deleted Items": Role.TRASH, "Junk E-mail": Role.JUNK}
RATE_SMOOTHING = 0.3
TABLE_REFRESH_MS = 400  # weight of the newest speed sample per mailbox


def exclude_patterns(choices: list[str]) -> tuple[str, ...]:
    """The batch page's choices as the engine's folder patterns."""
    patterns: list[str] = []
    for choice in choices:
        role = ROLE_EXCLUDES.get(choice)
        names = LOCALIZED_NAMES[role] if role is not None else (choice,)
        for name in names:
            patterns += [name, f"{name}/*"]
    return tuple(dict.fromkeys(patterns))


def plan_from(context: WizardContext) -> BatchPlan:
    project = context.project
    if context.batch_entries:
        mailboxes = tuple(
            NewBatchMailbox(e.address, e.target_login or e.address, e.login or "", e.user_root or "")
            for e in context.batch_entries
        )
    else:
        mailboxes = tuple(
            NewBatchMailbox(a) for a in (project.batch.mailboxes or project.mailbox_list.addresses)
        )
    first_day, last_day = project.batch.days
    return BatchPlan(
        project.batch.name.strip(),
        project.source.to_endpoint(project.source_name),
        project.target.to_endpoint(project.target_name),
        mailboxes,
        exclude_patterns(project.batch.exclude_folders),
        max(1, min(project.source.max_concurrent, project.target.max_concurrent)),
        first_day=first_day,
        last_day=last_day,
    )


class BatchSession(QObject):
    """Signals:
    progressed(object): the batch's ProgressSnapshot (fraction, bytes, rate, ETA), a few times a second.
    finished_batch(object, bool): the BatchSummary, and whether the batch was stopped.
    failed(object): the batch could not run at all (an exception with what, cause and fix).
    """

    progressed = Signal(object)
    finished_batch = Signal(object, bool)
    failed = Signal(object)

    def __init__(
        self, context: WizardContext, model: MailboxProgressModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.model = model
        self.task: Task | None = None
        self.stopping = False
        self.status: BatchStatus | None = None
        self._rates: dict[str, tuple[float, int, float]] = {}  # mailbox -> (time, bytes, smoothed rate)
        # The table is refreshed at most every TABLE_REFRESH_MS: each refresh repaints every visible
        # row, and a person cannot read faster than that anyway.
        self._pending: dict[str, dict[str, Any]] = {}
        self._pending_snapshot: Any = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(TABLE_REFRESH_MS)
        self._flush_timer.timeout.connect(self.flush)

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, *, retry_failed: bool = False) -> None:
        plan = plan_from(self.context)
        self.context.project.batch.report_folder = str(reports_folder(plan.name))
        self.stopping = False
        self._rates.clear()

        def work(state: TaskState) -> BatchSummary:
            # The batch itself runs in a child process (gui/batch_process.py: why); this pool thread
            # only relays its events into the bridge and asks it to stop.
            return run_batch_in_process(
                plan, emit=state.emit, should_stop=state.should_stop, retry_failed=retry_failed
            )

        self.task = self.context.runner.run(
            work, on_done=self._on_done, on_error=self._on_error, on_events=self._on_events
        )

    def stop(self, *, wait: bool = False) -> None:
        """Stop after the messages in flight (the batch stays resumable); WAIT blocks until it has."""
        self.stopping = True
        if self.task is None:
            return
        self.task.state.stop_event.set()
        if wait and self.task.future is not None:
            self.task.future.exception()

    # -- events (main thread, in batches) ----------------------------------------------------------

    def _on_events(self, events: list[object]) -> None:
        changes: dict[str, dict[str, Any]] = {}
        snapshot = None
        now = dt.datetime.now()
        for event in events:
            if isinstance(event, MailboxStatusChanged):
                change = changes.setdefault(event.mailbox, {})
                change["status"] = event.status
                change["waiting_since"] = None
                change["last_activity"] = now
                if event.status is not MailboxStatus.FAILED:
                    change["error_what"] = change["error_fix"] = ""
                if event.error is not None:
                    change["error_what"], change["error_fix"] = event.error.what, event.error.fix
                if event.status not in (MailboxStatus.SYNCING, MailboxStatus.INCREMENTAL_SYNCING):
                    change["rate"] = 0.0
            elif isinstance(event, MailboxProgress):
                change = changes.setdefault(event.mailbox, {})
                change.update(
                    folder=event.folder,
                    items_done=event.items_done,
                    items_total=event.items_total,
                    bytes_done=event.bytes_done,
                    bytes_total=event.bytes_total,
                    last_activity=now,
                    waiting_since=None,
                    rate=self._rate(event.mailbox, event.bytes_done),
                )
            elif isinstance(event, MailboxWaiting):
                changes.setdefault(event.mailbox, {})["waiting_since"] = event.since.astimezone().replace(
                    tzinfo=None
                )
            elif isinstance(event, BatchProgress):
                snapshot = event.progress
            elif isinstance(event, BatchStatusChanged):
                self.status = event.status
        for address, change in changes.items():
            self._pending.setdefault(address, {}).update(change)
        if snapshot is not None:
            self._pending_snapshot = snapshot
        if (changes or snapshot is not None) and not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush(self) -> None:
        """Show what arrived since the last refresh (also called at the end of a run)."""
        self._flush_timer.stop()
        changes, self._pending = self._pending, {}
        snapshot, self._pending_snapshot = self._pending_snapshot, None
        if changes:
            self.model.update(changes)
        if snapshot is not None or changes:
            self.progressed.emit(snapshot)

    def _rate(self, mailbox: str, bytes_done: int) -> float:
        now = time.monotonic()
        last = self._rates.get(mailbox)
        if last is None or bytes_done < last[1]:
            self._rates[mailbox] = (now, bytes_done, 0.0)
            return 0.0
        then, before, smoothed = last
        if now - then < 0.05:
            return smoothed
        sample = (bytes_done - before) / (now - then)
        smoothed = sample if smoothed == 0.0 else RATE_SMOOTHING * sample + (1 - RATE_SMOOTHING) * smoothed
        self._rates[mailbox] = (now, bytes_done, smoothed)
        return smoothed

    def _on_done(self, summary: BatchSummary) -> None:
        self.task = None
        self.flush()
        stopped = summary.status is BatchStatus.STOPPED
        self.finished_batch.emit(summary, stopped)

    def _on_error(self, error: BaseException) -> None:
        self.task = None
        self.flush()
        self.failed.emit(error)


def stored_summary(batch: str) -> BatchSummary | None:
    """The batch as the state store holds it (for a reopened migration); None when it never started."""
    from engine.batches import summarise
    from engine.store import StateStore

    store = StateStore()
    try:
        record = store.get_batch(batch)
        return summarise(store, record) if record is not None else None
    finally:
        store.close()


def outcome_changes(summary: BatchSummary) -> dict[str, dict[str, Any]]:
    """Progress-table rows from a stored summary."""
    return {
        m.address: {
            "status": m.status,
            "items_done": m.items_migrated,
            "bytes_done": m.bytes_migrated,
            "error_what": m.error_what,
            "error_fix": m.error_fix,
        }
        for m in summary.mailboxes
    }
