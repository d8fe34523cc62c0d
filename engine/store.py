"""The state store: what Mailstage remembers between runs, in SQLite in the state folder.

Behind one narrow interface (`StateStore`): the rest of the engine sees dataclasses, never SQL, so
a PostgreSQL store shared by several workstations can take its place later. The SQL here is plain
(no SQLite-only syntax in the schema), and the schema is versioned: `MIGRATIONS` is an ordered list,
each step applied once in its own transaction, so later issues add tables (batches, statistics) by
appending a step.

The copy writes the destination first and the state after: a message is recorded as copied only
once the target said OK. A crash therefore leaves at worst a message on the target that the state
does not know; the next run finds it there (engine/plan.py: match_messages) and does not copy it
again. Each batch of copies is recorded in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind, Security
from engine.errors import MailstageError, Severity
from engine.events import ErrorInfo, SkippedItem
from engine.folders import FolderRule, RuleAction
from engine.plan import ALL_DATES, CopiedMessage, DateRange, FolderSummary
from engine.status import BatchStatus, MailboxStatus
from engine.text import T, from_data, to_data

STATE_FILE = "mailstage-state.sqlite3"

# Ordered schema steps. Never edit a released step: append a new one.
MIGRATIONS: list[tuple[int, tuple[str, ...]]] = [
    (
        1,
        (
            """CREATE TABLE endpoints (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                settings TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE mailbox_sync (
                id INTEGER PRIMARY KEY,
                source_endpoint TEXT NOT NULL,
                source_address TEXT NOT NULL,
                target_endpoint TEXT NOT NULL,
                target_address TEXT NOT NULL,
                created_at TEXT NOT NULL,
                last_started TEXT,
                last_finished TEXT,
                last_status TEXT,
                last_error TEXT,
                UNIQUE (source_endpoint, source_address, target_endpoint, target_address)
            )""",
            """CREATE TABLE folder_sync (
                id INTEGER PRIMARY KEY,
                mailbox_id INTEGER NOT NULL REFERENCES mailbox_sync (id) ON DELETE CASCADE,
                source_folder TEXT NOT NULL,
                target_folder TEXT NOT NULL,
                source_uidvalidity BIGINT NOT NULL,
                target_uidvalidity BIGINT NOT NULL,
                source_uidnext BIGINT NOT NULL DEFAULT 0,
                source_modseq BIGINT,
                highest_uid BIGINT NOT NULL DEFAULT 0,
                target_watermark BIGINT NOT NULL DEFAULT 1,
                updated_at TEXT NOT NULL,
                UNIQUE (mailbox_id, source_folder)
            )""",
            """CREATE TABLE copied_message (
                folder_id INTEGER NOT NULL REFERENCES folder_sync (id) ON DELETE CASCADE,
                source_uid BIGINT NOT NULL,
                target_uid BIGINT,
                flags TEXT NOT NULL,
                PRIMARY KEY (folder_id, source_uid)
            )""",
            "CREATE INDEX copied_message_target ON copied_message (folder_id, target_uid)",
            """CREATE TABLE skipped_message (
                folder_id INTEGER NOT NULL REFERENCES folder_sync (id) ON DELETE CASCADE,
                source_uid BIGINT NOT NULL,
                code TEXT NOT NULL,
                reason TEXT NOT NULL,
                subject TEXT NOT NULL,
                message_date TEXT NOT NULL,
                size BIGINT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (folder_id, source_uid)
            )""",
        ),
    ),
    (
        2,
        (
            """CREATE TABLE batches (
                name TEXT PRIMARY KEY,
                source_endpoint TEXT NOT NULL,
                target_endpoint TEXT NOT NULL,
                status TEXT NOT NULL,
                options TEXT NOT NULL,
                created_at TEXT NOT NULL,
                last_started TEXT,
                last_finished TEXT
            )""",
            """CREATE TABLE batch_mailbox (
                batch TEXT NOT NULL REFERENCES batches (name) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                address TEXT NOT NULL,
                target_address TEXT NOT NULL,
                username TEXT NOT NULL,
                user_root TEXT NOT NULL,
                status TEXT NOT NULL,
                items_migrated BIGINT NOT NULL DEFAULT 0,
                items_skipped BIGINT NOT NULL DEFAULT 0,
                bytes_migrated BIGINT NOT NULL DEFAULT 0,
                seconds REAL NOT NULL DEFAULT 0,
                error TEXT,
                grade TEXT,
                last_synced TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (batch, address)
            )""",
        ),
    ),
    (
        3,
        (
            # The date range the last complete pass of a mailbox copied ("" = all messages), so a
            # batch whose range changed lists its folders again instead of trusting the watermarks.
            "ALTER TABLE mailbox_sync ADD COLUMN date_range TEXT NOT NULL DEFAULT ''",
        ),
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class MailboxKey:
    """Which copy a state belongs to: one source mailbox into one target mailbox."""

    source_endpoint: str
    source_address: str
    target_endpoint: str
    target_address: str


@dataclass(frozen=True)
class MailboxRecord:
    """The last run of one mailbox copy."""

    mailbox_id: int
    key: MailboxKey
    last_started: str | None
    last_finished: str | None
    last_status: str | None
    last_error: str | None
    date_range: DateRange = ALL_DATES  # what the last complete pass copied


@dataclass(frozen=True)
class BatchRecord:
    """A migration batch: its name, endpoints, status and options (folder rules, date range)."""

    name: str
    source: str
    target: str
    status: BatchStatus
    rules: tuple[FolderRule, ...]
    created: dt.datetime
    last_started: dt.datetime | None
    last_finished: dt.datetime | None
    dates: DateRange = ALL_DATES


@dataclass(frozen=True)
class BatchMember:
    """One mailbox of a batch with its status and statistics over all runs."""

    address: str
    target_address: str
    username: str
    user_root: str
    status: MailboxStatus
    items_migrated: int
    items_skipped: int
    bytes_migrated: int
    seconds: float
    error: ErrorInfo | None
    grade: str | None
    last_synced: dt.datetime | None


def _time(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


_TEXT_FIELDS = ("what", "cause", "fix")


def _error_json(error: ErrorInfo | None) -> str | None:
    """An error as stored: its English fields, and beside them ("texts") the templates and parameters
    of those that are translatable, so the wizard shows them in the admin's language after a restart."""
    if error is None:
        return None
    data: dict[str, object] = dataclasses.asdict(error)
    texts = {name: to_data(getattr(error, name)) for name in _TEXT_FIELDS}
    data["texts"] = {name: value for name, value in texts.items() if isinstance(value, dict)}
    return json.dumps(data)


def _error_from(text: object) -> ErrorInfo | None:
    if not text:
        return None
    data = json.loads(str(text))
    texts = data.pop("texts", None)
    if isinstance(texts, dict):
        for name in _TEXT_FIELDS:
            restored = from_data(texts.get(name))
            if restored and restored == data.get(name):  # never show other words than the English ones
                data[name] = restored
    known = {f.name for f in dataclasses.fields(ErrorInfo)}
    return ErrorInfo(**{key: value for key, value in data.items() if key in known})


def _endpoint_settings(endpoint: Endpoint) -> str:
    data = dataclasses.asdict(endpoint)
    for key in ("name", "kind"):
        data.pop(key)
    return json.dumps(data, sort_keys=True)


def _endpoint_from(name: str, kind: str, settings: str) -> Endpoint:
    data = json.loads(settings)
    known = {f.name for f in dataclasses.fields(Endpoint)}
    values = {k: v for k, v in data.items() if k in known}
    if "security" in values:
        values["security"] = Security(values["security"])
    if "admin_style" in values:
        values["admin_style"] = AdminLoginStyle(values["admin_style"])
    return Endpoint(name=name, kind=EndpointKind(kind), **values)


class StateStore:
    """Everything remembered between runs. Safe to share between threads (one connection, one lock).

    Open with `StateStore()` (the file in the state folder) or `StateStore(path)`; `close()` when done.
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from engine.paths import state_home  # platformdirs loads slowly; a given path needs none of it

            path = state_home() / STATE_FILE
        self.path = path
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # A commit survives the process being killed; after a power cut the last few may be lost,
            # which the copy recovers from by recognising its copies on the target (see the module
            # docstring). So no fsync per batch.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise MailstageError(
                "state.unreadable",
                T("Mailstage cannot open its state file {path}.", path=str(self.path)),
                T("SQLite reported: {error}.", error=str(exc)),
                T(
                    "Check that the folder is writable and the disk is not full. If the file is damaged, move it "
                    "away: the next run recognises what is already on the target and copies nothing twice."
                ),
                severity=Severity.BATCH,
            ) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- plumbing --------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    def schema_version(self) -> int:
        rows = self._query("SELECT value FROM schema_info WHERE name = 'version'")
        return int(str(rows[0][0])) if rows else 0

    def _migrate(self) -> None:
        with self._transaction() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_info (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = db.execute("SELECT value FROM schema_info WHERE name = 'version'").fetchone()
            current = int(row[0]) if row else 0
            if current > SCHEMA_VERSION:
                raise MailstageError(
                    "state.newer",
                    T("The state file {path} was written by a newer Mailstage.", path=str(self.path)),
                    T(
                        "Its schema version is {version}; this Mailstage knows up to {known}.",
                        version=current,
                        known=SCHEMA_VERSION,
                    ),
                    T("Use the newer Mailstage, or point MAILSTAGE_HOME at another folder."),
                    severity=Severity.BATCH,
                )
            for version, statements in MIGRATIONS:
                if version <= current:
                    continue
                for statement in statements:
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_info (name, value) VALUES ('version', ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    (str(version),),
                )

    # -- endpoints (never their secrets) ----------------------------------------------------------

    def save_endpoint(self, endpoint: Endpoint) -> None:
        """Add or replace an endpoint's settings (its secret stays in the keyring)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO endpoints (name, kind, settings, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, settings = excluded.settings, "
                "updated_at = excluded.updated_at",
                (endpoint.name, str(endpoint.kind), _endpoint_settings(endpoint), _now()),
            )

    def get_endpoint(self, name: str) -> Endpoint | None:
        rows = self._query("SELECT name, kind, settings FROM endpoints WHERE name = ?", (name,))
        return _endpoint_from(str(rows[0][0]), str(rows[0][1]), str(rows[0][2])) if rows else None

    def list_endpoints(self) -> list[Endpoint]:
        rows = self._query("SELECT name, kind, settings FROM endpoints ORDER BY name")
        return [_endpoint_from(str(n), str(k), str(s)) for n, k, s in rows]

    def delete_endpoint(self, name: str) -> bool:
        """Forget an endpoint; True when there was one."""
        with self._transaction() as db:
            return db.execute("DELETE FROM endpoints WHERE name = ?", (name,)).rowcount > 0

    # -- mailboxes -------------------------------------------------------------------------------

    def mailbox_id(self, key: MailboxKey) -> int:
        """The id of a mailbox copy's state, created on first use."""
        params = (
            key.source_endpoint,
            key.source_address.lower(),
            key.target_endpoint,
            key.target_address.lower(),
        )
        with self._transaction() as db:
            row = db.execute(
                "SELECT id FROM mailbox_sync WHERE source_endpoint = ? AND source_address = ? "
                "AND target_endpoint = ? AND target_address = ?",
                params,
            ).fetchone()
            if row:
                return int(row[0])
            cursor = db.execute(
                "INSERT INTO mailbox_sync (source_endpoint, source_address, target_endpoint, target_address, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                (*params, _now()),
            )
            return int(cursor.lastrowid or 0)

    def mailbox_started(self, mailbox_id: int) -> None:
        with self._transaction() as db:
            db.execute("UPDATE mailbox_sync SET last_started = ? WHERE id = ?", (_now(), mailbox_id))

    def mailbox_finished(self, mailbox_id: int, status: str, error: str | None) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE mailbox_sync SET last_finished = ?, last_status = ?, last_error = ? WHERE id = ?",
                (_now(), status, error, mailbox_id),
            )

    def set_date_range(self, mailbox_id: int, dates: DateRange) -> None:
        """Remember the date range a complete pass of this mailbox copied."""
        with self._transaction() as db:
            db.execute("UPDATE mailbox_sync SET date_range = ? WHERE id = ?", (dates.text(), mailbox_id))

    def mailbox_record(self, key: MailboxKey) -> MailboxRecord | None:
        rows = self._query(
            "SELECT id, last_started, last_finished, last_status, last_error, date_range FROM mailbox_sync "
            "WHERE source_endpoint = ? AND source_address = ? AND target_endpoint = ? AND target_address = ?",
            (
                key.source_endpoint,
                key.source_address.lower(),
                key.target_endpoint,
                key.target_address.lower(),
            ),
        )
        if not rows:
            return None
        mailbox_id, started, finished, status, error, dates = rows[0]
        return MailboxRecord(
            int(str(mailbox_id)),
            key,
            None if started is None else str(started),
            None if finished is None else str(finished),
            None if status is None else str(status),
            None if error is None else str(error),
            _date_range(dates),
        )

    def forget_mailbox(self, mailbox_id: int) -> None:
        """Drop all state of one mailbox copy (the next run matches against the target instead)."""
        with self._transaction() as db:
            folder_ids = [
                r[0] for r in db.execute("SELECT id FROM folder_sync WHERE mailbox_id = ?", (mailbox_id,))
            ]
            for folder_id in folder_ids:
                db.execute("DELETE FROM copied_message WHERE folder_id = ?", (folder_id,))
                db.execute("DELETE FROM skipped_message WHERE folder_id = ?", (folder_id,))
            db.execute("DELETE FROM folder_sync WHERE mailbox_id = ?", (mailbox_id,))

    # -- folders ---------------------------------------------------------------------------------

    def folder_summaries(self, mailbox_id: int) -> dict[str, FolderSummary]:
        rows = self._query(
            "SELECT id, source_folder, target_folder, source_uidvalidity, target_uidvalidity, source_uidnext, "
            "source_modseq, highest_uid, target_watermark FROM folder_sync WHERE mailbox_id = ?",
            (mailbox_id,),
        )
        out: dict[str, FolderSummary] = {}
        for row in rows:
            (folder_id, source, target, s_validity, t_validity, uidnext, modseq, highest, watermark) = row
            out[str(source)] = FolderSummary(
                int(str(folder_id)),
                str(source),
                str(target),
                int(str(s_validity)),
                int(str(t_validity)),
                int(str(uidnext)),
                None if modseq is None else int(str(modseq)),
                int(str(highest)),
                int(str(watermark)),
            )
        return out

    def begin_folder(
        self,
        mailbox_id: int,
        source_folder: str,
        target_folder: str,
        source_uidvalidity: int,
        target_uidvalidity: int,
        *,
        reset: bool,
    ) -> FolderSummary:
        """The folder's state for this pass; with RESET (new folder, lost or invalid state) it starts
        empty, with the whole target folder as the window to recognise copies in."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT id FROM folder_sync WHERE mailbox_id = ? AND source_folder = ?",
                (mailbox_id, source_folder),
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO folder_sync (mailbox_id, source_folder, target_folder, source_uidvalidity, "
                    "target_uidvalidity, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        mailbox_id,
                        source_folder,
                        target_folder,
                        source_uidvalidity,
                        target_uidvalidity,
                        _now(),
                    ),
                )
            elif reset:
                folder_id = row[0]
                db.execute("DELETE FROM copied_message WHERE folder_id = ?", (folder_id,))
                db.execute("DELETE FROM skipped_message WHERE folder_id = ?", (folder_id,))
                db.execute(
                    "UPDATE folder_sync SET target_folder = ?, source_uidvalidity = ?, target_uidvalidity = ?, "
                    "source_uidnext = 0, source_modseq = NULL, highest_uid = 0, target_watermark = 1, "
                    "updated_at = ? WHERE id = ?",
                    (target_folder, source_uidvalidity, target_uidvalidity, _now(), folder_id),
                )
        return self.folder_summaries(mailbox_id)[source_folder]

    def copied(self, folder_id: int) -> dict[int, CopiedMessage]:
        rows = self._query(
            "SELECT source_uid, target_uid, flags FROM copied_message WHERE folder_id = ?", (folder_id,)
        )
        return {
            int(str(s)): CopiedMessage(
                int(str(s)), None if t is None else int(str(t)), tuple(str(f).split()) if f else ()
            )
            for s, t, f in rows
        }

    def skipped(self, folder_id: int) -> dict[int, SkippedItem]:
        rows = self._query(
            "SELECT f.source_folder, s.source_uid, s.code, s.reason, s.subject, s.message_date, s.size "
            "FROM skipped_message s JOIN folder_sync f ON f.id = s.folder_id WHERE s.folder_id = ?",
            (folder_id,),
        )
        return {int(str(r[1])): _skipped(r) for r in rows}

    def skipped_in_mailbox(self, mailbox_id: int) -> list[SkippedItem]:
        """Every message left out of a mailbox's copy, for reports and verification."""
        rows = self._query(
            "SELECT f.source_folder, s.source_uid, s.code, s.reason, s.subject, s.message_date, s.size "
            "FROM skipped_message s JOIN folder_sync f ON f.id = s.folder_id WHERE f.mailbox_id = ? "
            "ORDER BY f.source_folder, s.source_uid",
            (mailbox_id,),
        )
        return [_skipped(r) for r in rows]

    def known_target_uids(self, mailbox_id: int, target_folder: str, target_uidvalidity: int) -> set[int]:
        """Target UIDs that some source folder of this mailbox already accounts for."""
        rows = self._query(
            "SELECT c.target_uid FROM copied_message c JOIN folder_sync f ON f.id = c.folder_id "
            "WHERE f.mailbox_id = ? AND f.target_folder = ? AND f.target_uidvalidity = ? "
            "AND c.target_uid IS NOT NULL",
            (mailbox_id, target_folder, target_uidvalidity),
        )
        return {int(str(r[0])) for r in rows}

    def record_copied(
        self,
        folder_id: int,
        copies: Iterable[tuple[int, int | None, Sequence[str]]],
        *,
        highest_uid: int | None = None,
        target_watermark: int | None = None,
    ) -> None:
        """Record messages now on the target (source UID, target UID, source flags carried over), and
        move the folder's marks forward, all in one transaction."""
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO copied_message (folder_id, source_uid, target_uid, flags) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (folder_id, source_uid) DO UPDATE SET target_uid = excluded.target_uid, "
                "flags = excluded.flags",
                [(folder_id, s, t, " ".join(sorted(f))) for s, t, f in copies],
            )
            db.executemany(
                "DELETE FROM skipped_message WHERE folder_id = ? AND source_uid = ?",
                [(folder_id, s) for s, _, _ in copies],
            )
            self._move_marks(db, folder_id, highest_uid, target_watermark)

    def record_skipped(
        self, folder_id: int, items: Iterable[SkippedItem], *, highest_uid: int | None = None
    ) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO skipped_message (folder_id, source_uid, code, reason, subject, message_date, size, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (folder_id, source_uid) DO UPDATE SET "
                "code = excluded.code, reason = excluded.reason, recorded_at = excluded.recorded_at",
                [(folder_id, i.uid, i.code, i.reason, i.subject, i.date, i.size, _now()) for i in items],
            )
            self._move_marks(db, folder_id, highest_uid, None)

    def record_flags(self, folder_id: int, flags: Iterable[tuple[int, Sequence[str]]]) -> None:
        """Record the source flags now carried over for copied messages."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE copied_message SET flags = ? WHERE folder_id = ? AND source_uid = ?",
                [(" ".join(sorted(f)), folder_id, uid) for uid, f in flags],
            )

    def set_watermark(self, folder_id: int, target_watermark: int) -> None:
        with self._transaction() as db:
            self._move_marks(db, folder_id, None, target_watermark)

    def finish_folder(
        self, folder_id: int, *, source_uidnext: int, source_modseq: int | None, highest_uid: int
    ) -> None:
        """A complete pass over the folder: remember the counters that make the next check cheap."""
        with self._transaction() as db:
            db.execute(
                "UPDATE folder_sync SET source_uidnext = ?, source_modseq = ?, updated_at = ? WHERE id = ?",
                (source_uidnext, source_modseq, _now(), folder_id),
            )
            self._move_marks(db, folder_id, highest_uid, None)

    @staticmethod
    def _move_marks(
        db: sqlite3.Connection, folder_id: int, highest_uid: int | None, target_watermark: int | None
    ) -> None:
        # Marks only move forward: a late, smaller value never undoes progress.
        if highest_uid is not None:
            db.execute(
                "UPDATE folder_sync SET highest_uid = ?, updated_at = ? WHERE id = ? AND highest_uid < ?",
                (highest_uid, _now(), folder_id, highest_uid),
            )
        if target_watermark is not None:
            db.execute(
                "UPDATE folder_sync SET target_watermark = ? WHERE id = ? AND target_watermark < ?",
                (target_watermark, folder_id, target_watermark),
            )

    # -- batches ---------------------------------------------------------------------------------

    def create_batch(
        self,
        name: str,
        source: str,
        target: str,
        mailboxes: Sequence[NewBatchMailbox],
        *,
        rules: Sequence[FolderRule] = (),
        dates: DateRange = ALL_DATES,
    ) -> BatchRecord:
        """Record a new batch (status Created) with its mailboxes (status Queued)."""
        now = _now()
        options = json.dumps(
            {"rules": [[str(r.action), r.pattern, r.target] for r in rules], "dates": dates.text()}
        )
        with self._transaction() as db:
            db.execute(
                "INSERT INTO batches (name, source_endpoint, target_endpoint, status, options, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (name, source, target, str(BatchStatus.CREATED), options, now),
            )
            for position, mailbox in enumerate(mailboxes):
                db.execute(
                    "INSERT INTO batch_mailbox (batch, position, address, target_address, username, user_root, "
                    "status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        name,
                        position,
                        mailbox.address,
                        mailbox.target_address or mailbox.address,
                        mailbox.username,
                        mailbox.user_root,
                        str(MailboxStatus.QUEUED),
                        now,
                    ),
                )
        record = self.get_batch(name)
        assert record is not None
        return record

    def get_batch(self, name: str) -> BatchRecord | None:
        rows = self._query(
            "SELECT name, source_endpoint, target_endpoint, status, options, created_at, last_started, "
            "last_finished FROM batches WHERE name = ?",
            (name,),
        )
        return _batch(rows[0]) if rows else None

    def list_batches(self) -> list[BatchRecord]:
        rows = self._query(
            "SELECT name, source_endpoint, target_endpoint, status, options, created_at, last_started, "
            "last_finished FROM batches ORDER BY created_at, name"
        )
        return [_batch(row) for row in rows]

    def set_batch_dates(self, name: str, dates: DateRange) -> None:
        """Change a batch's date range; its next run lists every folder again (engine/sync.py)."""
        with self._transaction() as db:
            row = db.execute("SELECT options FROM batches WHERE name = ?", (name,)).fetchone()
            if row is None:
                return
            options = json.loads(str(row[0]))
            options["dates"] = dates.text()
            db.execute("UPDATE batches SET options = ? WHERE name = ?", (json.dumps(options), name))

    def set_batch_status(
        self,
        name: str,
        status: BatchStatus,
        *,
        started: dt.datetime | None = None,
        finished: dt.datetime | None = None,
    ) -> None:
        with self._transaction() as db:
            db.execute("UPDATE batches SET status = ? WHERE name = ?", (str(status), name))
            if started:
                db.execute("UPDATE batches SET last_started = ? WHERE name = ?", (started.isoformat(), name))
            if finished:
                db.execute(
                    "UPDATE batches SET last_finished = ? WHERE name = ?", (finished.isoformat(), name)
                )

    def batch_members(self, name: str) -> list[BatchMember]:
        rows = self._query(
            "SELECT address, target_address, username, user_root, status, items_migrated, items_skipped, "
            "bytes_migrated, seconds, error, grade, last_synced FROM batch_mailbox WHERE batch = ? "
            "ORDER BY position",
            (name,),
        )
        return [
            BatchMember(
                str(r[0]),
                str(r[1]),
                str(r[2]),
                str(r[3]),
                MailboxStatus(str(r[4])),
                int(str(r[5])),
                int(str(r[6])),
                int(str(r[7])),
                float(str(r[8])),
                _error_from(r[9]),
                None if r[10] is None else str(r[10]),
                _time(r[11]),
            )
            for r in rows
        ]

    def update_member(
        self,
        batch: str,
        address: str,
        *,
        status: MailboxStatus,
        items_migrated: int | None = None,
        items_skipped: int | None = None,
        bytes_migrated: int | None = None,
        seconds: float | None = None,
        error: ErrorInfo | None = None,
        grade: str | None = None,
        synced: bool = False,
    ) -> None:
        """Set a batch mailbox's status (and, when given, its statistics). The error is replaced: a
        mailbox that synced has none."""
        sets = ["status = ?", "error = ?", "updated_at = ?"]
        values: list[object] = [str(status), _error_json(error), _now()]
        for column, value in (
            ("items_migrated", items_migrated),
            ("items_skipped", items_skipped),
            ("bytes_migrated", bytes_migrated),
            ("seconds", seconds),
            ("grade", grade),
        ):
            if value is not None:
                sets.append(f"{column} = ?")
                values.append(value)
        if synced:
            sets.append("last_synced = ?")
            values.append(_now())
        with self._transaction() as db:
            db.execute(
                f"UPDATE batch_mailbox SET {', '.join(sets)} WHERE batch = ? AND address = ?",
                (*values, batch, address),
            )

    def batch_member_skipped(self, batch: str, address: str) -> list[SkippedItem]:
        """The messages of a batch mailbox currently left out (over the size limit, refused)."""
        record = self.get_batch(batch)
        members = {m.address: m for m in self.batch_members(batch)}
        if record is None or address not in members:
            return []
        key = MailboxKey(record.source, address, record.target, members[address].target_address)
        known = self.mailbox_record(key)
        return self.skipped_in_mailbox(known.mailbox_id) if known else []


@dataclass(frozen=True)
class NewBatchMailbox:
    """A mailbox to put in a batch: its source address and how to reach it on both sides."""

    address: str
    target_address: str = ""
    username: str = ""
    user_root: str = ""


def _batch(row: Sequence[object]) -> BatchRecord:
    options = json.loads(str(row[4]))
    rules = tuple(FolderRule(RuleAction(a), p, t) for a, p, t in options.get("rules", []))
    created = _time(row[5])
    assert created is not None
    return BatchRecord(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        BatchStatus(str(row[3])),
        rules,
        created,
        _time(row[6]),
        _time(row[7]),
        _date_range(options.get("dates", "")),
    )


def _date_range(text: object) -> DateRange:
    """A stored date range; one this Mailstage cannot read counts as none (all messages), which
    copies more rather than less."""
    try:
        return DateRange.parse(str(text or ""))
    except ValueError:
        return DateRange()


def _skipped(row: Sequence[object]) -> SkippedItem:
    folder, uid, code, reason, subject, date, size = row
    return SkippedItem(
        str(folder), int(str(uid)), str(date), str(subject), int(str(size)), str(code), str(reason)
    )
