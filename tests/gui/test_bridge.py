"""The bridge runs engine calls off the main thread and delivers on it, in order, throttled, cancellable."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from gui.bridge import TaskRunner, TaskState


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    task_runner = TaskRunner(event_interval_ms=20)
    yield task_runner
    task_runner.shutdown(wait=True)


def test_result_arrives_on_the_main_thread_while_the_work_ran_elsewhere(qtbot, runner) -> None:
    main = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(state: TaskState) -> str:
        seen["worker_is_main"] = QThread.currentThread() is main
        return "answer"

    def done(result: object) -> None:
        seen["result"] = result
        seen["done_on_main"] = QThread.currentThread() is main

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
        runner.run(work, on_done=done)
    assert seen == {"worker_is_main": False, "result": "answer", "done_on_main": True}


def test_an_exception_goes_to_the_error_callback_not_to_the_done_callback(qtbot, runner) -> None:
    outcome: list[object] = []

    def work(state: TaskState) -> None:
        raise ValueError("broken input")

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
        runner.run(work, on_done=lambda r: outcome.append(("done", r)), on_error=outcome.append)
    assert len(outcome) == 1
    assert isinstance(outcome[0], ValueError)
    assert str(outcome[0]) == "broken input"


def test_thousands_of_events_arrive_in_order_in_few_batches(qtbot, runner) -> None:
    batches: list[list[object]] = []

    def work(state: TaskState) -> int:
        for number in range(5000):
            state.emit(number)
        return 5000

    results: list[object] = []
    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
        runner.run(work, on_done=results.append, on_events=batches.append)
    received = [event for batch in batches for event in batch]
    assert received == list(range(5000))
    assert results == [5000]
    # Throttled: far fewer deliveries than events.
    assert len(batches) < 50


def test_events_emitted_before_the_result_are_delivered_before_it(qtbot, runner) -> None:
    order: list[str] = []

    def work(state: TaskState) -> str:
        state.emit("event")
        return "result"

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
        runner.run(
            work, on_done=lambda r: order.append(str(r)), on_events=lambda evs: order.extend(map(str, evs))
        )
    assert order == ["event", "result"]


def test_a_cancelled_task_is_asked_to_stop_and_its_late_answer_is_dropped(qtbot, runner) -> None:
    started = threading.Event()
    stop_seen = threading.Event()
    delivered: list[object] = []

    def slow(state: TaskState) -> str:
        started.set()
        state.stop_event.wait(timeout=30)
        if state.should_stop():
            stop_seen.set()
        state.emit("late event")
        return "late result"

    task = runner.run(slow, on_done=delivered.append, on_error=delivered.append, on_events=delivered.extend)
    assert started.wait(timeout=10)
    task.cancel()
    assert task.future is not None
    assert task.future.result(timeout=10) is None  # the worker ended on its own
    assert stop_seen.is_set()
    # A later task's answer is posted after the cancelled one's: once it arrives, the late one was
    # processed (and dropped) already.
    later: list[object] = []
    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
        runner.run(lambda state: "next", on_done=later.append)
    assert later == ["next"]
    assert delivered == []


def test_a_task_waiting_in_the_queue_never_starts_once_cancelled(qtbot) -> None:
    runner = TaskRunner(max_workers=1)
    gate = threading.Event()
    ran: list[str] = []
    try:
        first = runner.run(lambda state: gate.wait(timeout=30))
        queued = runner.run(lambda state: ran.append("queued"))
        queued.cancel()
        gate.set()
        with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
            pass
        assert first.finished
        assert ran == []
    finally:
        runner.shutdown(wait=True)


def test_shutdown_stops_running_work_and_waits_for_it(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    ended = threading.Event()

    def long_job(state: TaskState) -> None:
        started.set()
        state.stop_event.wait(timeout=30)
        ended.set()

    runner.run(long_job)
    assert started.wait(timeout=10)
    runner.shutdown(wait=True)
    assert ended.is_set()
    with pytest.raises(RuntimeError):
        runner.run(lambda state: None)
