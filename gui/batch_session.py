"""One run of a batch, seen from the GUI: starts the engine's batch runner through the bridge, turns its
events into progress-table updates and a progress snapshot a few times a second, and reports the end.

The engine runs on the bridge's pool and reports through a callback; nothing here touches the engine's
threads, and the engine never touches a widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from gui.bridge import Task, TaskState
from gui.context import WizardContext
from gui.models import MailboxProgressModel


class BatchSession(QObject):
    """Signals:
    progressed(object): a progress snapshot (fraction, bytes, rate, ETA) after each batch of events.
    finished_batch(object, bool): the BatchSummary, and whether the admin stopped it.
    failed(object): the batch could not run at all (an exception with what, cause, fix).
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

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, *, retry_failed: bool = False) -> None:
        self.stopping = False

        def work(state: TaskState) -> Any:
            return self._run(state, retry_failed)

        self.task = self.context.runner.run(
            work, on_done=self._on_done, on_error=self._on_error, on_events=self._on_events
        )

    def _run(self, state: TaskState, retry_failed: bool) -> Any:
        raise NotImplementedError("the batch runner is not in the engine yet")

    def stop(self, *, wait: bool = False) -> None:
        self.stopping = True
        if self.task is not None:
            self.task.state.stop_event.set()
            if wait and self.task.future is not None:
                self.task.future.result()

    def _on_events(self, events: list[object]) -> None:
        pass

    def _on_done(self, result: Any) -> None:
        self.task = None
        self.finished_batch.emit(result, self.stopping)

    def _on_error(self, error: BaseException) -> None:
        self.task = None
        self.failed.emit(error)
