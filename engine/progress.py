"""Progress a person can trust: totals known up front, a rate over a recent window, an honest ETA, and a
fraction that never goes backwards (Microsoft's progress-bar rule), even when totals grow."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressSnapshot:
    items_done: int
    items_total: int
    bytes_done: int
    bytes_total: int
    bytes_per_second: float
    items_per_second: float
    eta_seconds: float | None  # None while there is too little to go on
    fraction: float  # 0..1, never decreasing


class ProgressMeter:
    """Thread-safe counters for one batch (or one mailbox) with a sliding-window rate."""

    def __init__(self, *, window: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._window = window
        self.items_total = 0
        self.bytes_total = 0
        self.items_done = 0
        self.bytes_done = 0
        self._samples: deque[tuple[float, int, int]] = deque()
        self._fraction = 0.0

    def add_totals(self, items: int, size: int) -> None:
        """More work became known (a mailbox's listing arrived)."""
        with self._lock:
            self.items_total += items
            self.bytes_total += size

    def advance(self, items: int, size: int) -> None:
        """Work done: ITEMS messages of SIZE bytes in all."""
        with self._lock:
            self.items_done += items
            self.bytes_done += size
            now = self._clock()
            self._samples.append((now, self.items_done, self.bytes_done))
            while self._samples and now - self._samples[0][0] > self._window:
                self._samples.popleft()

    def snapshot(self) -> ProgressSnapshot:
        with self._lock:
            now = self._clock()
            bytes_rate = items_rate = 0.0
            if len(self._samples) >= 2:
                t0, i0, b0 = self._samples[0]
                span = max(now - t0, 1e-6)
                bytes_rate = (self.bytes_done - b0) / span
                items_rate = (self.items_done - i0) / span
            remaining = max(self.bytes_total - self.bytes_done, 0)
            eta = remaining / bytes_rate if bytes_rate > 0 and self.bytes_total else None
            if self.bytes_total:
                current = min(self.bytes_done / self.bytes_total, 1.0)
            elif self.items_total:
                current = min(self.items_done / self.items_total, 1.0)
            else:
                current = 0.0
            self._fraction = max(self._fraction, current)
            return ProgressSnapshot(
                self.items_done,
                self.items_total,
                self.bytes_done,
                self.bytes_total,
                bytes_rate,
                items_rate,
                eta,
                self._fraction,
            )


class Throttle:
    """Says yes at most once per INTERVAL seconds: keeps progress events from flooding a GUI."""

    def __init__(self, interval: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._last = -float("inf")
        self._lock = threading.Lock()

    def due(self) -> bool:
        with self._lock:
            now = self._clock()
            if now - self._last >= self.interval:
                self._last = now
                return True
            return False
