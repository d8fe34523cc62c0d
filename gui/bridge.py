"""The only place where threads meet Qt.

Engine calls (connection tests, checks, a batch) run on a `concurrent.futures` pool. A worker never
touches a widget: it hands its result, its error or its progress events to `TaskRunner`, a QObject
living on the main thread, through one `Signal(object)`. Progress events are not sent one by one:
the worker appends them to its task's buffer and a main-thread timer drains every buffer a few times
a second, so a batch that produces thousands of events per second never floods the event loop.

A task is cancelled cooperatively: `Task.cancel()` sets the `threading.Event` the engine checks, and
whatever the task still delivers afterwards (events, a result, an error) is dropped, so a page never
sees an answer to a question it stopped asking. Nothing here ever kills a thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

DEFAULT_EVENT_INTERVAL_MS = 100  # ten refreshes a second: fluid to the eye, cheap for the main thread


class TaskState:
    """What a worker gets: a place to put progress events and a flag that says "please stop".

    Thread-safe; the engine callable passes `emit` as its event callback and `stop_event` as its
    cancellation event.
    """

    def __init__(self) -> None:
        self.stop_event = threading.Event()
        self._lock = threading.Lock()
        self._pending: list[object] = []

    def emit(self, event: object) -> None:
        """Queue EVENT for the main thread (called from the worker)."""
        with self._lock:
            self._pending.append(event)

    def should_stop(self) -> bool:
        return self.stop_event.is_set()

    def drain(self) -> list[object]:
        """Take every queued event (called on the main thread)."""
        with self._lock:
            events, self._pending = self._pending, []
        return events


DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
EventsCallback = Callable[[list[object]], None]


@dataclass(eq=False)
class Task:
    """The main thread's handle on one background call."""

    id: int
    state: TaskState
    on_done: DoneCallback | None = None
    on_error: ErrorCallback | None = None
    on_events: EventsCallback | None = None
    future: Future[Any] | None = None
    cancelled: bool = False
    finished: bool = False
    _runner: TaskRunner | None = field(default=None, repr=False)

    def cancel(self) -> None:
        """Ask the worker to stop and drop everything it still delivers."""
        if self.finished:
            return
        self.cancelled = True
        self.state.stop_event.set()
        if self.future is not None:
            self.future.cancel()  # a task still waiting in the queue never starts
        if self._runner is not None:
            self._runner._forget(self)

    @property
    def running(self) -> bool:
        return not (self.finished or self.cancelled)


@dataclass(frozen=True)
class _Delivery:
    task_id: int
    ok: bool
    payload: Any


class TaskRunner(QObject):
    """Runs engine callables in the background and calls back on the main thread.

    Signals:
        delivered(object): internal; a worker's result or error crossing to the main thread.
        busyChanged(bool): true while at least one task is running (pages show a busy state).
    """

    delivered = Signal(object)
    busyChanged = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_workers: int = 4,
        event_interval_ms: int = DEFAULT_EVENT_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="mailstage-task")
        self._ids = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._closed = False
        # The receiver lives on the main thread, so a worker's emit is queued to it.
        self.delivered.connect(self._on_delivered)
        self._timer = QTimer(self)
        self._timer.setInterval(event_interval_ms)
        self._timer.timeout.connect(self._on_flush_timer)

    def run(
        self,
        func: Callable[[TaskState], Any],
        *,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_events: EventsCallback | None = None,
    ) -> Task:
        """Start FUNC(state) on the pool; its return value goes to ON_DONE, an exception to ON_ERROR,
        and what it passes to `state.emit` to ON_EVENTS in batches, all on the main thread."""
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        task = Task(next(self._ids), TaskState(), on_done, on_error, on_events, _runner=self)
        self._tasks[task.id] = task
        was_busy = len(self._tasks) > 1
        task.future = self._pool.submit(self._work, task.id, task.state, func)
        if on_events is not None and not self._timer.isActive():
            self._timer.start()
        if not was_busy:
            self.busyChanged.emit(True)
        return task

    def _work(self, task_id: int, state: TaskState, func: Callable[[TaskState], Any]) -> None:
        # Runs on a pool thread: only the signal crosses back.
        try:
            result = func(state)
        except BaseException as error:
            # The traceback is for the log; the page shows the error's three parts.
            log.debug("background task %d failed", task_id, exc_info=True)
            self._post(_Delivery(task_id, False, error))
        else:
            self._post(_Delivery(task_id, True, result))

    def _post(self, delivery: _Delivery) -> None:
        try:
            self.delivered.emit(delivery)
        except RuntimeError:
            pass  # the runner was deleted while the worker finished: nobody is listening any more

    @Slot(object)
    def _on_delivered(self, delivery: _Delivery) -> None:
        task = self._tasks.pop(delivery.task_id, None)
        if task is None:
            return  # cancelled: its late answer is dropped
        task.finished = True
        self._deliver_events(task)
        try:
            if delivery.ok:
                if task.on_done is not None:
                    task.on_done(delivery.payload)
            elif task.on_error is not None:
                task.on_error(delivery.payload)
            else:
                log.error("background task failed and nobody handled it: %r", delivery.payload)
        finally:
            self._after_change()

    @Slot()
    def _on_flush_timer(self) -> None:
        for task in list(self._tasks.values()):
            self._deliver_events(task)

    def _deliver_events(self, task: Task) -> None:
        if task.on_events is None:
            return
        events = task.state.drain()
        if events and not task.cancelled:
            task.on_events(events)

    def _forget(self, task: Task) -> None:
        if self._tasks.pop(task.id, None) is not None:
            self._after_change()

    def _after_change(self) -> None:
        if not any(t.on_events is not None for t in self._tasks.values()):
            self._timer.stop()
        if not self._tasks:
            self.busyChanged.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks.values()):
            task.cancel()

    def shutdown(self, *, wait: bool = True) -> None:
        """Cancel every task and stop the pool; with WAIT, return only when every worker has ended.

        Called when the window closes. The engine checks its stop event between messages, so waiting
        takes at most the time to finish one message.
        """
        if self._closed:
            return
        self._closed = True
        self.cancel_all()
        self._timer.stop()
        self._pool.shutdown(wait=wait, cancel_futures=True)
