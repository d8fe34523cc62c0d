"""Planning the copy of one folder: pure functions from listings and saved state to what to do.

No I/O here: the copy (engine/sync.py) lists, plans with these functions, then acts. Unit tests
exercise every decision without a server.

- `check_folder`: from a folder's STATUS and its saved state, what must be listed (nothing at all when
  the folder has not changed: the cheap path of a re-run).
- `plan_folder`: from a listing and the saved state, which messages to copy (in batches), which to
  skip (over the size limit) and which copied messages need their flags brought up to date.
- `DateRange`: the batch's "only messages received between" option; messages outside it are left
  out of the plan (not copied, not counted as skipped).
- `match_messages`: which target messages are copies of which source messages, by Message-ID (or a
  hash of the main header fields) with size and INTERNALDATE to tell look-alikes apart. Used after a
  crash (the target holds copies the state does not know) and when the saved state is lost or a
  folder's UIDVALIDITY changed, so that nothing is copied twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from engine.connectors.base import FlagChange, FolderListing, FolderStatus, ListingRequest, MessageInfo
from engine.connectors.dates import format_internaldate as format_internaldate  # re-exported
from engine.connectors.dates import internaldate_day
from engine.connectors.dates import internaldate_epoch as internaldate_epoch  # re-exported

SYSTEM_FLAGS = ("\\Answered", "\\Deleted", "\\Draft", "\\Flagged", "\\Seen")


# -- which messages a batch copies by date -------------------------------------------------------------


@dataclass(frozen=True)
class DateRange:
    """Messages received from FIRST through LAST (both days included; None: no bound).

    A message's day is the date of its INTERNALDATE as the server wrote it (in the server's own time
    zone), which is how IMAP's SEARCH SINCE and BEFORE count days too. A message whose date cannot be
    read is inside any range: leaving out what cannot be judged would lose it silently.
    """

    first: dt.date | None = None
    last: dt.date | None = None

    def __post_init__(self) -> None:
        if self.first and self.last and self.first > self.last:
            raise ValueError("the first day of a date range lies after its last")

    def __bool__(self) -> bool:
        return self.first is not None or self.last is not None

    def contains(self, internaldate: str) -> bool:
        day = internaldate_day(internaldate)
        if day is None:
            return True
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)

    def text(self) -> str:
        """The stored form: "2024-01-01..2024-12-31", "2024-01-01..", "..2023-12-31" or ""."""
        if not self:
            return ""
        return f"{self.first.isoformat() if self.first else ''}..{self.last.isoformat() if self.last else ''}"

    @classmethod
    def parse(cls, text: str) -> DateRange:
        """The inverse of `text` (ValueError for anything else)."""
        if not text:
            return cls()
        first, sep, last = text.partition("..")
        if not sep:
            raise ValueError(f"not a date range: {text!r}")
        return cls(
            dt.date.fromisoformat(first) if first else None, dt.date.fromisoformat(last) if last else None
        )

    def describe(self) -> str:
        """In words: "received from 2024-01-01 through 2024-12-31"; "all messages" when unbounded."""
        if self.first and self.last:
            return f"received from {self.first.isoformat()} through {self.last.isoformat()}"
        if self.first:
            return f"received on or after {self.first.isoformat()}"
        if self.last:
            return f"received on or before {self.last.isoformat()}"
        return "all messages"


ALL_DATES = DateRange()  # no date range: every message


# -- saved state, as the planner sees it ----------------------------------------------------------------


@dataclass(frozen=True)
class FolderSummary:
    """What the state store remembers of one source folder (without its per-message rows)."""

    folder_id: int
    source_folder: str
    target_folder: str
    source_uidvalidity: int
    target_uidvalidity: int
    source_uidnext: int  # at the last complete pass; 0 = no complete pass yet
    source_modseq: int | None  # HIGHESTMODSEQ at the last complete pass (CONDSTORE servers)
    highest_uid: int  # every source UID up to here is copied, recognised on the target, or skipped
    target_watermark: int  # target UIDs from here on may be copies the state does not know yet


@dataclass(frozen=True)
class CopiedMessage:
    """A source message known to be on the target: its target UID (None when the target did not say)
    and the source flags last carried over."""

    source_uid: int
    target_uid: int | None
    flags: tuple[str, ...]


# -- deciding what to list --------------------------------------------------------------------------------


class CheckResult(StrEnum):
    UNCHANGED = "unchanged"  # nothing new and no flag changed: no further command
    INCREMENTAL = "incremental"  # list messages above the highest handled UID, and changed flags
    FULL = "full"  # no usable state: list everything (and match against the target)


@dataclass(frozen=True)
class FolderCheck:
    result: CheckResult
    request: ListingRequest | None
    reason: str


def check_folder(
    folder: str, status: FolderStatus | None, summary: FolderSummary | None, *, condstore: bool
) -> FolderCheck:
    """What to list in FOLDER, given its STATUS now and what the state remembers."""
    if summary is None:
        return FolderCheck(CheckResult.FULL, ListingRequest(folder), "first copy of this folder")
    if status is not None and status.uidvalidity != summary.source_uidvalidity:
        return FolderCheck(CheckResult.FULL, ListingRequest(folder), "the folder's UIDVALIDITY changed")
    if (
        status is not None
        and summary.source_uidnext
        and status.uidnext == summary.source_uidnext
        and condstore
        and status.highest_modseq is not None
        and status.highest_modseq == summary.source_modseq
    ):
        return FolderCheck(CheckResult.UNCHANGED, None, "nothing new, no flag changed")
    changed_since = summary.source_modseq if condstore and summary.source_uidnext else None
    request = ListingRequest(folder, summary.highest_uid, flags_of_known=True, changed_since=changed_since)
    return FolderCheck(CheckResult.INCREMENTAL, request, "new messages or flag changes")


# -- identities and matching ---------------------------------------------------------------------------------

_FIELD = re.compile(rb"^([!-9;-~]+):[ \t]*(.*)$")


def header_fields(header: bytes) -> dict[str, bytes]:
    """The header's fields (unfolded, lower-case names, first occurrence wins)."""
    fields: dict[str, bytes] = {}
    current: str | None = None
    for raw_line in header.replace(b"\r\n", b"\n").split(b"\n"):
        if not raw_line:
            break  # end of the header
        if raw_line[:1] in (b" ", b"\t"):
            if current is not None and current in fields:
                fields[current] += b" " + raw_line.strip()
            continue
        match = _FIELD.match(raw_line)
        if match is None:
            current = None
            continue
        name = match.group(1).decode("ascii").lower()
        current = name if name not in fields else None
        if current is not None:
            fields[name] = match.group(2).strip()
    return fields


def message_identity(header: bytes) -> str:
    """What identifies a message across servers: its Message-ID, or (without one) a hash of its Date,
    From, To and Subject fields, which servers keep as they are."""
    fields = header_fields(header)
    message_id = b" ".join(fields.get("message-id", b"").split())
    if message_id:
        return "mid:" + message_id.decode("utf-8", "replace")
    digest = hashlib.sha256()
    for name in ("date", "from", "to", "subject"):
        digest.update(b" ".join(fields.get(name, b"").split()) + b"\x00")
    return "hdr:" + digest.hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """A message's identity plus what tells look-alikes apart."""

    uid: int
    identity: str
    size: int
    internaldate: int | None


def match_messages(
    candidates: Sequence[Fingerprint], window: Sequence[Fingerprint], *, same_size: bool = True
) -> list[tuple[int, int]]:
    """Pairs (source UID, target UID): each target message in WINDOW matched to at most one source
    CANDIDATE with the same identity. Exact matches (same size and INTERNALDATE) are taken first, then
    the same size, then (only when SAME_SIZE is False, for targets that rewrite messages) the same
    date, then the identity alone. Duplicates pair up one to one, in UID order."""
    remaining_sources = sorted(candidates, key=lambda f: f.uid)
    remaining_targets = sorted(window, key=lambda f: f.uid)
    pairs: list[tuple[int, int]] = []

    def exact(s: Fingerprint, t: Fingerprint) -> bool:
        return s.size == t.size and s.internaldate == t.internaldate

    def size_only(s: Fingerprint, t: Fingerprint) -> bool:
        return s.size == t.size

    def date_only(s: Fingerprint, t: Fingerprint) -> bool:
        return s.internaldate == t.internaldate

    def identity_only(s: Fingerprint, t: Fingerprint) -> bool:
        return True

    passes = [exact, size_only] + ([] if same_size else [date_only, identity_only])
    for accept in passes:
        by_identity: dict[str, list[Fingerprint]] = {}
        for target in remaining_targets:
            by_identity.setdefault(target.identity, []).append(target)
        still_sources: list[Fingerprint] = []
        taken: set[int] = set()
        for source in remaining_sources:
            pool = by_identity.get(source.identity, [])
            found = next((t for t in pool if t.uid not in taken and accept(source, t)), None)
            if found is None:
                still_sources.append(source)
                continue
            taken.add(found.uid)
            pairs.append((source.uid, found.uid))
        remaining_sources = still_sources
        remaining_targets = [t for t in remaining_targets if t.uid not in taken]
    return sorted(pairs)


# -- the folder plan --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedSkip:
    message: MessageInfo
    code: str
    reason: str


@dataclass(frozen=True)
class FlagUpdate:
    """A copied message whose source flags changed since they were carried over."""

    source_uid: int
    target_uid: int | None
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class FolderPlan:
    """What to do in one folder."""

    batches: tuple[tuple[MessageInfo, ...], ...]
    skips: tuple[PlannedSkip, ...]
    flag_updates: tuple[FlagUpdate, ...]
    highest_uid: int  # the highest UID the listing covered (handled once the plan is carried out)
    outside_dates: int = 0  # listed messages left out by the batch's date range

    @property
    def to_copy(self) -> int:
        return sum(len(b) for b in self.batches)

    @property
    def bytes_to_copy(self) -> int:
        return sum(m.size for b in self.batches for m in b)


@dataclass(frozen=True)
class Limits:
    """How big the target allows a message to be (0: no limit) and how big a batch may get."""

    size_limit: int = 0
    batch_messages: int = 200
    batch_bytes: int = 4 * 1024 * 1024


def describe_size(size: int) -> str:
    """Bytes as an administrator reads them: 25.0 MB, 812 KB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def plan_folder(
    listing: FolderListing,
    copied: Mapping[int, CopiedMessage],
    skipped: Iterable[int],
    *,
    since_uid: int,
    limits: Limits,
    dates: DateRange | None = None,
) -> FolderPlan:
    """What to do in a folder: copy the listed messages the state does not know (in UID order, in
    batches bounded by count and bytes; a message larger than a batch goes alone), skip those over
    the size limit, leave out those outside DATES, and carry over the flag changes of messages
    already copied."""
    skipped_uids = set(skipped)
    batches: list[tuple[MessageInfo, ...]] = []
    skips: list[PlannedSkip] = []
    current: list[MessageInfo] = []
    current_bytes = 0
    highest = since_uid
    outside = 0
    for message in listing.new:
        highest = max(highest, message.uid)
        if message.uid in copied or message.uid in skipped_uids:
            continue
        if dates and not dates.contains(message.internaldate):
            outside += 1
            continue
        if limits.size_limit and message.size > limits.size_limit:
            skips.append(
                PlannedSkip(
                    message,
                    "item.too_large",
                    f"The message is {describe_size(message.size)}; the target accepts at most "
                    f"{describe_size(limits.size_limit)}.",
                )
            )
            continue
        if current and (
            len(current) >= limits.batch_messages or current_bytes + message.size > limits.batch_bytes
        ):
            batches.append(tuple(current))
            current, current_bytes = [], 0
        current.append(message)
        current_bytes += message.size
    if current:
        batches.append(tuple(current))
    updates: list[FlagUpdate] = []
    known_flags: dict[int, tuple[str, ...]] = dict(listing.known_flags)
    # Messages listed as "new" that the state already knows (a listing from 0 after a reset) carry
    # their flags too.
    for message in listing.new:
        if message.uid in copied:
            known_flags.setdefault(message.uid, message.flags)
    for uid, flags in sorted(known_flags.items()):
        entry = copied.get(uid)
        if entry is not None and tuple(sorted(flags)) != tuple(sorted(entry.flags)):
            updates.append(FlagUpdate(uid, entry.target_uid, entry.flags, tuple(sorted(flags))))
    return FolderPlan(tuple(batches), tuple(skips), tuple(updates), highest, outside)


# -- flags on the target ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagFilter:
    """Which flags a target folder keeps: the system flags, and keywords when it takes them."""

    accepts_any_keyword: bool
    keywords: frozenset[str] = field(default_factory=frozenset)

    def keep(self, flag: str) -> bool:
        if flag.lower() == "\\recent":
            return False  # \Recent belongs to the server's session, never copied
        if flag.startswith("\\"):
            return flag.title() in SYSTEM_FLAGS or flag in SYSTEM_FLAGS
        return self.accepts_any_keyword or flag in self.keywords

    def apply(self, flags: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(kept, dropped) in sorted order."""
        kept = sorted({f for f in flags if self.keep(f)})
        dropped = sorted({f for f in flags if not self.keep(f) and f.lower() != "\\recent"})
        return tuple(kept), tuple(dropped)


def flag_changes(updates: Sequence[FlagUpdate], flag_filter: FlagFilter) -> list[FlagChange]:
    """The STORE commands that carry UPDATES over, grouped so that messages with the same change
    share one command. Only what changed on the source is touched: a flag the user set on the target
    themselves stays."""
    grouped: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
    for update in updates:
        if update.target_uid is None:
            continue
        old, new = set(update.old), set(update.new)
        add = tuple(sorted(f for f in new - old if flag_filter.keep(f)))
        remove = tuple(sorted(f for f in old - new if flag_filter.keep(f)))
        if add or remove:
            grouped.setdefault((add, remove), []).append(update.target_uid)
    return [FlagChange(tuple(sorted(uids)), add, remove) for (add, remove), uids in sorted(grouped.items())]


def subject_and_date(header: bytes) -> tuple[str, str]:
    """The Subject (RFC 2047 decoded) and Date of a header, for skipped-item reports."""
    fields = header_fields(header)

    # Imported here: only reports need them, and the email package is slow to load.
    import email.utils
    from email.header import decode_header, make_header

    raw_subject = fields.get("subject", b"").decode("utf-8", "replace")
    try:
        subject = str(make_header(decode_header(raw_subject)))
    except (ValueError, LookupError, UnicodeError):
        subject = raw_subject
    raw_date = fields.get("date", b"").decode("ascii", "replace")
    try:
        parsed = email.utils.parsedate_to_datetime(raw_date)
        date = parsed.strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError, IndexError):
        date = raw_date
    return subject, date
