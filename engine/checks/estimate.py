"""How long copying a list will take, from a short measured sample of real transfer.

A few messages are read from the source one at a time and timed. A straight line through (size,
seconds) gives a cost per message (round trips) and a cost per byte (bandwidth); the list's
messages and bytes, times two (writing to the target is assumed to cost what reading did), spread
over the mailboxes copied at once, give the estimate. The wizard's Batch page shows the same figure.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from engine.checks.framework import CheckContext, CheckKey, Status, Verdict, passed, skipped
from engine.checks.logins import describe_size
from engine.checks.sessions import SessionSlots, open_session
from engine.connectors.base import Connector, ListingRequest
from engine.endpoints import Endpoint
from engine.plan import DateRange
from engine.text import T, Text


class MailboxRefLike(Protocol):
    """A listed mailbox (engine.checks.suite.MailboxRef), without importing the suite."""

    @property
    def address(self) -> str: ...

    @property
    def source_login(self) -> str: ...


SAMPLE_MESSAGES = 30
SAMPLE_BYTES = 4 * 1024 * 1024
SAMPLE_SECONDS = 3.0
WRITE_FACTOR = 2.0  # reading measured; writing assumed to take as long again


@dataclass(frozen=True)
class Sample:
    """Timed reads: (size in bytes, seconds) per message."""

    timings: tuple[tuple[int, float], ...]

    @property
    def messages(self) -> int:
        return len(self.timings)

    @property
    def bytes(self) -> int:
        return sum(size for size, _ in self.timings)

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.timings)

    def costs(self) -> tuple[float, float]:
        """(seconds per message, seconds per byte), fitted by least squares and never negative."""
        n = self.messages
        if n == 0:
            raise ValueError("an empty sample has no costs")
        sizes = [float(size) for size, _ in self.timings]
        times = [seconds for _, seconds in self.timings]
        mean_size = sum(sizes) / n
        mean_time = sum(times) / n
        spread = sum((size - mean_size) ** 2 for size in sizes)
        if spread == 0:
            # All messages the same size: cost per byte and per message cannot be told apart;
            # charge it all per byte (large lists of large messages are the ones that matter).
            return 0.0, mean_time / mean_size if mean_size else 0.0
        per_byte = sum((s - mean_size) * (t - mean_time) for s, t in zip(sizes, times, strict=True)) / spread
        per_byte = max(0.0, per_byte)
        per_message = max(0.0, mean_time - per_byte * mean_size)
        return per_message, per_byte


@dataclass(frozen=True)
class Estimate:
    """The estimated duration of copying MESSAGES / BYTES of MAILBOXES, PARALLEL at a time."""

    seconds: float
    mailboxes: int
    messages: int
    bytes: int
    parallel: int
    sample: Sample

    def describe(self) -> Text:
        rate = self.sample.bytes / self.sample.seconds if self.sample.seconds else 0.0
        params = {
            "duration": describe_duration(self.seconds),
            "mailboxes": self.mailboxes,
            "messages": self.messages,
            "size": describe_size(self.bytes),
            "parallel": self.parallel,
            "sampled": self.sample.messages,
            "sample_size": describe_size(self.sample.bytes),
            "rate": describe_size(int(rate)),
        }
        if self.mailboxes == 1:
            return T(
                "About {duration} for 1 mailbox ({messages} messages, {size}) with {parallel} at once, from a "
                "sample of {sampled} messages ({sample_size}) read at {rate}/s; writing to the target is assumed "
                "to take as long as reading.",
                **params,
            )
        return T(
            "About {duration} for {mailboxes} mailboxes ({messages} messages, {size}) with {parallel} at once, "
            "from a sample of {sampled} messages ({sample_size}) read at {rate}/s; writing to the target is "
            "assumed to take as long as reading.",
            **params,
        )


def estimate_duration(messages: int, size: int, mailboxes: int, parallel: int, sample: Sample) -> Estimate:
    """The estimate for a list: per-message and per-byte costs from SAMPLE, over PARALLEL mailboxes."""
    per_message, per_byte = sample.costs()
    serial = (messages * per_message + size * per_byte) * WRITE_FACTOR
    lanes = max(1, min(parallel, mailboxes))
    return Estimate(serial / lanes, mailboxes, messages, size, lanes, sample)


def in_date_range(by_month: Mapping[str, Sequence[int]], dates: DateRange) -> tuple[int, int]:
    """Messages and bytes of a `mailbox.size` result's `by_month` counts ("2024-03" -> [messages,
    bytes]) that fall in DATES. A month the range covers in part counts by the share of its days; a
    message without a readable date counts (the copy takes it too)."""
    messages = size = 0.0
    for key, (count, nbytes) in by_month.items():
        share = 1.0 if not key or not dates else _month_share(key, dates)
        messages += count * share
        size += nbytes * share
    return round(messages), round(size)


def _month_share(key: str, dates: DateRange) -> float:
    year, month = (int(part) for part in key.split("-"))
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    start = max(first, dates.first) if dates.first else first
    end = min(last, dates.last) if dates.last else last
    return max(0, (end - start).days + 1) / ((last - first).days + 1)


def describe_duration(seconds: float) -> str:
    """'under a minute', '12 min', '2 h 10 min', '3 days 4 h'."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return T("under a minute")
    if minutes < 60:
        return T("{minutes} min", minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return (
            T("{hours} h {minutes} min", hours=hours, minutes=minutes)
            if minutes
            else T("{hours} h", hours=hours)
        )
    days, hours = divmod(hours, 24)
    return T("{days} days {hours} h", days=days, hours=hours)


def measure_sample(
    connector: Connector,
    *,
    max_messages: int = SAMPLE_MESSAGES,
    max_bytes: int = SAMPLE_BYTES,
    max_seconds: float = SAMPLE_SECONDS,
) -> Sample:
    """Read messages one at a time from the connector's fullest folder and time each (read-only)."""
    folders = [folder.name for folder in connector.list_folders() if folder.selectable]
    listings = connector.list_messages([ListingRequest(folder) for folder in folders]) if folders else {}
    ranked = sorted(listings.values(), key=lambda listing: -len(listing.new))
    timings: list[tuple[int, float]] = []
    started = time.monotonic()
    read = 0
    for listing in ranked:
        for message in listing.new:
            if len(timings) >= max_messages or read >= max_bytes or time.monotonic() - started >= max_seconds:
                return Sample(tuple(timings))
            begin = time.monotonic()
            size = 0
            for fetched in connector.fetch_messages(listing.folder, [message.uid]):
                for chunk in fetched.body.chunks():
                    size += len(chunk)
                fetched.body.close()
            timings.append((size, time.monotonic() - begin))
            read += size
    return Sample(tuple(timings))


def check_estimate(
    source: Endpoint,
    mailboxes: Sequence[MailboxRefLike],
    size_keys: Sequence[CheckKey],
    parallel: int,
    slots: SessionSlots,
) -> Callable[[CheckContext], Verdict]:
    """`estimate.duration`: the list's totals from the size checks, the speed from a measured sample."""

    def run(ctx: CheckContext) -> Verdict:
        sizes = [ctx.dependency(key) for key in size_keys]
        measured = [result for result in sizes if result.status in (Status.PASS, Status.WARN)]
        if not measured:
            return skipped(T("Not run: no mailbox's size could be measured (see mailbox.size)."))
        messages = sum(int(result.data.get("messages", 0)) for result in measured)
        size = sum(int(result.data.get("bytes", 0)) for result in measured)
        fullest = max(measured, key=lambda result: int(result.data.get("messages", 0)))
        if messages == 0:
            return passed(T("The listed mailboxes are empty: there is nothing to copy."), seconds=0.0)
        with slots.slot(ctx.remaining(), ctx.cancel):
            logins = {ref.address: ref.source_login for ref in mailboxes}
            with open_session(
                source,
                fullest.subject,
                "source",
                timeout=ctx.io_timeout(10.0),
                cancel=ctx.cancel,
                login=logins.get(fullest.subject, ""),
            ) as session:
                sample = measure_sample(session, max_seconds=min(SAMPLE_SECONDS, ctx.remaining() / 3))
        if sample.messages == 0:
            return skipped(T("Not run: no message could be read for the sample."))
        estimate = estimate_duration(messages, size, len(measured), parallel, sample)
        unmeasured = len(mailboxes) - len(measured)
        evidence: str = estimate.describe()
        if unmeasured:
            evidence = T(
                "{estimate} {count} mailboxes could not be measured and are not included.",
                estimate=evidence,
                count=unmeasured,
            )
        return passed(evidence, seconds=estimate.seconds, parallel=estimate.parallel)

    return run
