"""Connections per endpoint, shared by every thread of a batch, and pacing when a server pushes back.

Microsoft's "maximum concurrent migrations" is a per-endpoint cap. `ConnectionGate` enforces it across
threads; when the server says "too many connections" or throttles, `push_back()` lowers the cap for a while
and makes new connections wait, so the batch slows down instead of failing mailboxes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from engine.errors import MailstageError, Severity

log = logging.getLogger(__name__)


class Cancelled(MailstageError):
    """The admin stopped the work; not an error to show."""

    def __init__(self) -> None:
        super().__init__("cancelled", "Stopped by the administrator.", severity=Severity.BATCH)


class ConnectionGate:
    """A cap on open connections to one endpoint, lowered when the server pushes back.

    `peak` is the highest number of connections that were ever open at once through this gate.
    """

    def __init__(self, name: str, limit: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1:
            raise ValueError("a connection limit is at least 1")
        self.name = name
        self.limit = limit
        self._allowed = limit
        self._open = 0
        self.peak = 0
        self._resume_at = 0.0
        self._clock = clock
        self._cond = threading.Condition()
        self.push_backs = 0

    @property
    def open(self) -> int:
        with self._cond:
            return self._open

    @property
    def allowed(self) -> int:
        """The current cap (the configured limit, or lower after the server pushed back)."""
        with self._cond:
            return self._allowed

    def waiting_until(self) -> float:
        """Clock time until which new connections wait (0 when not waiting)."""
        with self._cond:
            return self._resume_at if self._resume_at > self._clock() else 0.0

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """Block until a connection may be opened (or raise Cancelled when CANCEL is set)."""
        with self._cond:
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                now = self._clock()
                if self._open < self._allowed and now >= self._resume_at:
                    self._open += 1
                    self.peak = max(self.peak, self._open)
                    return
                timeout = max(0.01, self._resume_at - now) if now < self._resume_at else 0.25
                self._cond.wait(min(timeout, 0.25))

    def release(self) -> None:
        with self._cond:
            self._open -= 1
            self._cond.notify()

    @contextmanager
    def connection(self, cancel: threading.Event | None = None) -> Iterator[None]:
        """Hold one of the endpoint's connections for the duration of the block."""
        self.acquire(cancel)
        try:
            yield
        finally:
            self.release()

    def push_back(self, wait_seconds: float, *, reason: str) -> None:
        """The server refused a connection or throttled: lower the cap and pause new connections.

        The cap drops to what was open when the server refused (it evidently allows no more), never
        below one; it recovers by one each time a pause passes without a new push-back.
        """
        with self._cond:
            self.push_backs += 1
            lowered = max(1, min(self._allowed, max(self._open - 1, 1)))
            if lowered < self._allowed:
                log.warning(
                    "%s: server pushed back (%s); at most %d connections from now on (was %d)",
                    self.name,
                    reason,
                    lowered,
                    self._allowed,
                )
            else:
                log.warning(
                    "%s: server pushed back (%s); waiting %.1f s before new connections",
                    self.name,
                    reason,
                    wait_seconds,
                )
            self._allowed = lowered
            self._resume_at = max(self._resume_at, self._clock() + wait_seconds)
            self._cond.notify_all()

    def recover(self) -> None:
        """A connection succeeded after a pause: allow one more, up to the configured limit."""
        with self._cond:
            if self._allowed < self.limit and self._clock() >= self._resume_at:
                self._allowed += 1
                self._cond.notify()


def backoff_delays(
    attempts: int, *, first: float = 1.0, factor: float = 2.0, cap: float = 60.0
) -> Iterator[float]:
    """Delays before retry 1..ATTEMPTS: exponential from FIRST, never above CAP."""
    delay = first
    for _ in range(attempts):
        yield min(delay, cap)
        delay *= factor
