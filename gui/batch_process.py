"""A batch runs in a process of its own, beside the wizard. No Qt here.

Why a process and not threads: the copy is Python work on 20 threads, and they share one interpreter
lock with the wizard's main thread. Measured (bench/bench_gui_stall.py, 20 mailboxes, 2 cores) with the
batch on threads in the wizard's process: the main thread stalled up to 0.5-0.8 s and 136-158 ms at the
99th percentile even when the wizard drew nothing. In its own process the batch cannot hold the
wizard's lock at all.

The child runs the engine's `BatchRunner` exactly as `mailstage-cli migrate` does and sends its events,
then the summary (or the error, as its three parts), over a multiprocessing queue; a multiprocessing
event asks it to stop, and it stops as the engine stops: after the messages in flight. The child is
started with "spawn" on every platform, as Windows must, so what it gets is plain picklable data and
nothing it needs is inherited by accident. Secrets stay in the keyring, which the child reads itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.batches import BatchRunner, create_batch, date_range
from engine.endpoints import Endpoint, EndpointKind
from engine.errors import MailstageError, Severity
from engine.reports import BatchSummary
from engine.store import NewBatchMailbox, StateStore

log = logging.getLogger(__name__)

POLL_SECONDS = 0.1  # how often the parent looks at its stop flag while it waits for the child


@dataclass(frozen=True)
class BatchPlan:
    """What a run needs, taken from the project on the main thread (plain, picklable data)."""

    name: str
    source: Endpoint
    target: Endpoint
    mailboxes: tuple[NewBatchMailbox, ...]
    exclude: tuple[str, ...]
    concurrency: int
    # Copy only messages received from first_day through last_day (None: that end is open). Plain
    # days, not the engine's DateRange: the child checks them (engine.batches.date_range), so a
    # reversed range reaches the wizard as an error in three parts.
    first_day: dt.date | None = None
    last_day: dt.date | None = None


def run_batch(
    plan: BatchPlan,
    *,
    emit: Callable[[object], None],
    stop: threading.Event,
    retry_failed: bool = False,
) -> BatchSummary:
    """Create the batch if it is new, then run it (an incremental sync when it ran before).

    An existing batch gets the plan's date range when its own differs, as `mailstage-cli migrate
    --since/--until/--all-dates` does: the next run lists every folder again, so a wider range brings
    the older messages over and nothing is copied twice."""
    dates = date_range(plan.first_day, plan.last_day)
    store = StateStore()
    try:
        # The store keeps endpoints without secrets; the passwords are in the keyring already.
        store.save_endpoint(plan.source)
        store.save_endpoint(plan.target)
        record = store.get_batch(plan.name)
        if record is None:
            create_batch(
                store,
                plan.name,
                plan.source,
                plan.target,
                plan.mailboxes,
                exclude_folders=plan.exclude,
                dates=dates,
            )
        elif record.dates != dates:
            log.info(
                "batch %s: the date range is now %s (was %s)",
                plan.name,
                dates.describe(),
                record.dates.describe(),
            )
            store.set_batch_dates(plan.name, dates)
        token_for = None
        if EndpointKind.M365 in (plan.source.kind, plan.target.kind):
            from engine.m365.connect import M365TokenSource

            token_for = M365TokenSource(cancel=stop)
        runner = BatchRunner(store, plan.name, events=emit, concurrency=plan.concurrency, token_for=token_for)

        running = True

        def watch() -> None:
            stop.wait()
            if running:
                runner.stop()

        threading.Thread(target=watch, name="batch-stop-watch", daemon=True).start()
        try:
            return runner.run(only_failed=retry_failed)
        finally:
            running = False
    finally:
        store.close()


def _child(plan: BatchPlan, channel: Any, stop: Any, retry_failed: bool) -> None:
    """The child process: run the batch, send events, then ("done", summary) or ("error", parts)."""
    _child_logging()
    _yield_to_the_wizard()
    stop_flag = threading.Event()

    def relay() -> None:
        stop.wait()
        stop_flag.set()

    threading.Thread(target=relay, name="batch-stop-relay", daemon=True).start()
    try:
        summary = run_batch(
            plan, emit=lambda event: channel.put(("event", event)), stop=stop_flag, retry_failed=retry_failed
        )
    except MailstageError as error:
        channel.put(("error", error.as_dict()))
    except BaseException:
        log.exception("batch %s stopped on an unexpected error", plan.name)
        channel.put(("error", None))
    else:
        channel.put(("done", summary))


def _yield_to_the_wizard() -> None:
    """Run the copy below normal priority: when the processor is busy, the window the admin is looking
    at goes first (the copy waits on the network most of the time anyway)."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x00004000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(10)
    except OSError:
        log.info("could not lower the batch process's priority", exc_info=True)


def _child_logging() -> None:
    from engine.keystore import REDACTOR
    from engine.paths import log_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        handler = logging.FileHandler(log_dir() / "mailstage.log", encoding="utf-8")
    except OSError:
        return
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [batch]: %(message)s"))
    root.addHandler(handler)


def run_batch_in_process(
    plan: BatchPlan,
    *,
    emit: Callable[[object], None],
    should_stop: Callable[[], bool],
    retry_failed: bool = False,
) -> BatchSummary:
    """Run PLAN in a child process; EMIT gets its events here, SHOULD_STOP is asked a few times a second.

    Returns the summary, or raises the child's MailstageError (what, cause, fix)."""
    context = multiprocessing.get_context("spawn")
    channel = context.Queue()
    stop = context.Event()
    child = context.Process(target=_child, args=(plan, channel, stop, retry_failed), name="mailstage-batch")
    child.start()
    answered = False
    try:
        while True:
            if should_stop() and not stop.is_set():
                stop.set()
            try:
                kind, payload = channel.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not child.is_alive():
                    raise MailstageError(
                        "batch.process_ended",
                        f"The batch {plan.name} ended without a report.",
                        f"Its process stopped unexpectedly (exit code {child.exitcode}).",
                        "Start the batch again: it goes on where it was. If this happens again, send the "
                        "log file from the log folder to support.",
                        severity=Severity.BATCH,
                    ) from None
                continue
            if kind == "event":
                emit(payload)
            elif kind == "done":
                answered = True
                return payload  # type: ignore[no-any-return]
            else:
                answered = True
                if payload is None:
                    raise MailstageError(
                        "batch.unexpected",
                        f"The batch {plan.name} stopped on an unexpected error. Nothing copied so far is lost.",
                        "Mailstage ran into a situation it does not know how to handle.",
                        "Start the batch again; if this happens again, send the log file from the log folder "
                        "to support.",
                        severity=Severity.BATCH,
                    )
                raise MailstageError(
                    payload["code"],
                    payload["what"],
                    payload["cause"],
                    payload["fix"],
                    severity=Severity(payload["severity"]),
                )
    finally:
        if not answered and child.is_alive():
            stop.set()  # we are leaving early: let the batch stop as it would on Stop
        child.join()
        channel.close()
