"""Connection caps across threads, pacing after push-back, and progress that never goes backwards."""

from __future__ import annotations

import threading

import pytest

from engine.limits import Cancelled, ConnectionGate, backoff_delays
from engine.progress import ProgressMeter, Throttle


class FakeClock:
    """A clock the test moves by hand (time itself, not a server: nothing here can run 'for real')."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_gate_never_lets_more_connections_open_than_its_limit() -> None:
    gate = ConnectionGate("source", 3)
    inside = 0
    most = 0
    lock = threading.Lock()
    release = threading.Event()
    three_in = threading.Event()

    def worker() -> None:
        nonlocal inside, most
        with gate.connection():
            with lock:
                inside += 1
                most = max(most, inside)
                if inside == 3:
                    three_in.set()
            release.wait(10)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    assert three_in.wait(10)  # three are inside; the other five must be waiting
    assert gate.open == 3
    release.set()
    for thread in threads:
        thread.join(10)
    assert most == 3
    assert gate.peak == 3
    assert gate.open == 0


def test_push_back_lowers_the_cap_and_pauses_new_connections() -> None:
    clock = FakeClock()
    gate = ConnectionGate("target", 20, clock=clock)
    for _ in range(6):
        gate.acquire()
    gate.push_back(30.0, reason="too many connections")
    assert gate.allowed == 5
    assert gate.waiting_until() == pytest.approx(130.0)
    for _ in range(6):
        gate.release()
    clock.now = 131.0
    gate.acquire()
    gate.release()
    gate.recover()
    assert gate.allowed == 6


def test_waiting_for_a_connection_stops_when_cancelled() -> None:
    gate = ConnectionGate("source", 1)
    gate.acquire()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        gate.acquire(cancel)


def test_backoff_grows_and_is_capped() -> None:
    assert list(backoff_delays(6, first=1, factor=2, cap=10)) == [1, 2, 4, 8, 10, 10]


def test_progress_fraction_never_goes_backwards_when_totals_grow() -> None:
    clock = FakeClock()
    meter = ProgressMeter(clock=clock)
    meter.add_totals(10, 1000)
    clock.now += 1
    meter.advance(5, 500)
    assert meter.snapshot().fraction == pytest.approx(0.5)
    meter.add_totals(10, 1000)  # a second mailbox's listing arrives
    assert meter.snapshot().fraction == pytest.approx(0.5)
    clock.now += 1
    meter.advance(10, 1000)
    assert meter.snapshot().fraction == pytest.approx(0.75)


def test_progress_rate_and_eta_come_from_the_recent_window() -> None:
    clock = FakeClock()
    meter = ProgressMeter(window=10, clock=clock)
    meter.add_totals(100, 10_000)
    meter.advance(0, 0)
    clock.now += 2
    meter.advance(20, 2_000)
    snap = meter.snapshot()
    assert snap.bytes_per_second == pytest.approx(1_000)
    assert snap.eta_seconds == pytest.approx(8.0)


def test_throttle_says_yes_once_per_interval() -> None:
    clock = FakeClock()
    throttle = Throttle(0.2, clock=clock)
    assert throttle.due()
    assert not throttle.due()
    clock.now += 0.21
    assert throttle.due()
