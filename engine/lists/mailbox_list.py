"""A validated mailbox list: its entries, every problem in it, and what can be done with it."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.endpoints import mailbox_secret_key
from engine.keystore import SecretStore
from engine.lists.checks import (
    BATCH_LIMIT,
    BATCH_NAME_LIMIT,
    CROSS_ROW_CODES,
    ERROR,
    RowReader,
    cross_row_problems,
    merged_data_problems,
    read_header,
)
from engine.lists.model import Column, Entry, Field, ListFormat, ListSource, Problem
from engine.lists.reading import MAX_FILE_BYTES, RawTable, read_table


@dataclass(frozen=True)
class MailboxBatch:
    """Part of a list to migrate together (at most 2,000 mailboxes, Microsoft's limit)."""

    name: str
    entries: tuple[Entry, ...]

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(e.row for e in self.entries)


def _sort_key(problem: Problem) -> tuple[int, int, str, str]:
    letter = problem.letter or ""
    return (problem.row or 0, len(letter), letter, problem.code)


@dataclass(frozen=True, eq=False)
class MailboxList:
    """A mailbox list as read and checked: what it is, its entries, and every problem.

    Rows are numbered as Excel shows them. A row with an error is kept in `entries` (so it can be
    shown and written back for fixing) but is not `ready`; an error on the header (row
    `header_row`) or on the list as a whole keeps every row from being ready. Passwords are held
    as `Secret`s until `store_secrets` puts them in the keyring.
    """

    path: Path
    source: ListSource
    format: ListFormat | None
    header_row: int | None
    columns: tuple[Column, ...]
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    _by_row: dict[int, tuple[Problem, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_row: dict[int, list[Problem]] = {}
        for problem in self.problems:
            if problem.row is not None:
                by_row.setdefault(problem.row, []).append(problem)
        object.__setattr__(self, "_by_row", {row: tuple(found) for row, found in by_row.items()})

    # -- reading the result ---------------------------------------------------------------------

    def problems_for_row(self, row: int) -> tuple[Problem, ...]:
        """The problems of one row (the header row's are the column problems)."""
        return self._by_row.get(row, ())

    @property
    def problem_rows(self) -> frozenset[int]:
        """The rows of entries with any problem (for a "show only rows with problems" filter)."""
        entry_rows = {e.row for e in self.entries}
        return frozenset(row for row in self._by_row if row in entry_rows)

    def column_position(self, problem: Problem) -> int | None:
        """The index in `columns` (and in each entry's `cells`) of the cell a problem is about."""
        if problem.letter is None:
            return None
        return next((i for i, c in enumerate(self.columns) if c.letter == problem.letter), None)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def blocked(self) -> bool:
        """True when an error on the header or the whole list keeps every row out."""
        return any(p.is_error and (p.row is None or p.row == self.header_row) for p in self.problems)

    @property
    def error_rows(self) -> frozenset[int]:
        """The rows (of entries) with at least one error."""
        return frozenset(
            p.row for p in self.problems if p.is_error and p.row is not None and p.row != self.header_row
        )

    def ready_entries(self) -> tuple[Entry, ...]:
        """The entries that can be migrated: no error in the row, none on the header or the list."""
        if self.blocked:
            return ()
        bad = self.error_rows
        return tuple(e for e in self.entries if e.row not in bad)

    def counts(self) -> dict[str, int]:
        """Rows, ready rows, rows with errors, and the numbers of errors and warnings."""
        bad = self.error_rows
        with_errors = sum(1 for e in self.entries if e.row in bad)
        errors = sum(1 for p in self.problems if p.is_error)
        return {
            "rows": len(self.entries),
            "ready": len(self.ready_entries()),
            "with_errors": with_errors,
            "errors": errors,
            "warnings": len(self.problems) - errors,
        }

    # -- changing it (each returns a new list) --------------------------------------------------

    def without_rows(self, rows: Iterable[int]) -> MailboxList:
        """The list without the entries on ROWS (e.g. the rows the admin dropped), checked again:
        a duplicate whose other row is gone is no longer a problem."""
        removed = set(rows)
        entries = tuple(e for e in self.entries if e.row not in removed)
        kept = [
            p
            for p in self.problems
            if p.code not in CROSS_ROW_CODES
            and (p.row is None or p.row not in removed or p.row == self.header_row)
        ]
        if self.format is not None:
            kept.extend(cross_row_problems(entries, self.format, self.columns))
        kept.sort(key=_sort_key)
        return MailboxList(
            self.path, self.source, self.format, self.header_row, self.columns, entries, tuple(kept)
        )

    def split_into_batches(
        self, max_size: int = BATCH_LIMIT, *, by_batch_column: bool = True, prefix: str = "Batch"
    ) -> tuple[MailboxBatch, ...]:
        """The ready entries in batches of at most MAX_SIZE, in list order.

        With a Batch column (and BY_BATCH_COLUMN), rows are grouped by its value in the order the
        names first appear, a group over MAX_SIZE is split ("Sales (1 of 2)"), and rows without a
        name go into numbered batches ("Batch 1"). Otherwise the list is cut into numbered batches.
        """
        if max_size < 1:
            raise ValueError("max_size must be at least 1")
        ready = self.ready_entries()
        groups: dict[str, list[Entry]] = {}
        loose: list[Entry] = []
        use_column = (
            by_batch_column and self.format is not None and Field.BATCH in self.format.mailstage_fields
        )
        for entry in ready:
            if use_column and entry.batch:
                groups.setdefault(entry.batch, []).append(entry)
            else:
                loose.append(entry)
        batches: list[MailboxBatch] = []
        taken: set[str] = set()

        def unique(name: str) -> str:
            name = name[:BATCH_NAME_LIMIT]
            candidate, n = name, 2
            while candidate.casefold() in taken:
                suffix = f" ({n})"
                candidate = name[: BATCH_NAME_LIMIT - len(suffix)] + suffix
                n += 1
            taken.add(candidate.casefold())
            return candidate

        for name, members in groups.items():
            parts = [members[i : i + max_size] for i in range(0, len(members), max_size)]
            for number, part in enumerate(parts, 1):
                label = name if len(parts) == 1 else f"{name[:50]} ({number} of {len(parts)})"
                batches.append(MailboxBatch(unique(label), tuple(part)))
        for number, start in enumerate(range(0, len(loose), max_size), 1):
            batches.append(MailboxBatch(unique(f"{prefix} {number}"), tuple(loose[start : start + max_size])))
        return tuple(batches)

    # -- writing and storing ---------------------------------------------------------------------

    def write_rows(
        self,
        path: str | Path,
        rows: Iterable[int] | None = None,
        *,
        with_problems: bool = False,
        delimiter: str | None = None,
    ) -> Path:
        """Write the entries on ROWS (all when None) with the list's own columns to PATH, as XLSX
        when it ends in .xlsx and as CSV otherwise (UTF-8 with BOM, the list's delimiter unless
        DELIMITER is given). Passwords are left out; values a spreadsheet would run as a formula
        are neutralised. WITH_PROBLEMS adds a MailstageProblems column saying what to fix."""
        from engine.lists.writing import write_entries

        return write_entries(self, Path(path), rows, with_problems=with_problems, delimiter=delimiter)

    def store_secrets(self, store: SecretStore, endpoint: str) -> int:
        """Put the password of every ready entry into the keyring (service "Mailstage") under
        `mailbox_secret_key(endpoint, address)` = ``mailbox:<endpoint>:<address in lower case>``
        (engine.endpoints defines it, for the connectors that read it back), then forget it here.
        Returns how many were stored.

        ENDPOINT is the endpoint the passwords belong to: the target for Microsoft's staged format
        (the new account's password), the source for the IMAP format (`format.password_role`).
        """
        stored = 0
        for entry in self.ready_entries():
            secret = entry.password
            if secret is None or not secret.is_held:
                continue
            store.put(mailbox_secret_key(endpoint, entry.address), secret.reveal())
            secret.forget()
            stored += 1
        return stored

    def as_dict(self, *, with_entries: bool = False) -> dict[str, Any]:
        """A JSON-friendly summary (never with a password)."""
        result: dict[str, Any] = {
            "file": str(self.path),
            "source": self.source.as_dict(),
            "format": self.format.as_dict() if self.format else None,
            "header_row": self.header_row,
            "columns": [
                {"letter": c.letter, "header": c.header, "field": str(c.field) if c.field else None}
                for c in self.columns
            ],
            "counts": self.counts(),
            "problems": [p.as_dict() for p in self.problems],
        }
        if with_entries:
            result["entries"] = [e.as_dict() for e in self.entries]
        return result


def load_mailbox_list(
    path: str | Path, *, sheet: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> MailboxList:
    """Read and check a mailbox list (CSV or XLSX).

    Raises `ListUnreadable` (a BadInput, with what, cause and fix) when the file is not a list at all:
    missing, not CSV or XLSX, damaged, encrypted, too large, a zip bomb, or SHEET not in it. Every
    other problem, however bad, is a `Problem` in the list returned. Safe to call from a worker
    thread; it touches nothing but the file.
    """
    path = Path(path)
    with _bulk_allocation():
        return build_list(path, read_table(path, sheet=sheet, max_bytes=max_bytes))


@contextmanager
def _bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while a list is built.

    A 50,000-row list allocates a few hundred thousand objects and no reference cycles; the
    collector would otherwise walk the growing heap again and again (a quarter of the time spent).
    Reference counting still frees everything; the previous state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_list(path: Path, table: RawTable) -> MailboxList:
    """Check a table already read and make the list."""
    problems = list(table.problems)
    rows = table.rows

    def finish(
        fmt: ListFormat | None, header_row: int | None, columns: list[Column], entries: list[Entry]
    ) -> MailboxList:
        problems.sort(key=_sort_key)
        return MailboxList(
            path, table.source, fmt, header_row, tuple(columns), tuple(entries), tuple(problems)
        )

    if not rows:
        if not any(p.is_error for p in problems):
            problems.append(
                Problem(
                    "list.empty",
                    ERROR,
                    "The file has no values. Fill in the template: the column names on row 1 and one row "
                    "per mailbox below them.",
                )
            )
        return finish(None, None, [], [])

    header = read_header(rows, table.merged)
    problems.extend(header.problems)
    if not header.usable or header.format is None:
        return finish(header.format, header.row, header.columns, [])
    data = rows[header.data_start :]
    if not data:
        problems.append(
            Problem(
                "list.no_entries",
                ERROR,
                "The list has column names but no mailboxes. Add one row per mailbox below the header.",
                header.row,
            )
        )
        return finish(header.format, header.row, header.columns, [])

    reader = RowReader(
        header.columns,
        header.format,
        header.width,
        table.counts_cells,
        table.source.delimiter,
        table.notes,
        table.numbers,
    )
    if table.unclosed_quote_row is not None:
        # That row swallowed the rest of the file (other rows' passwords too): keep none of it.
        swallowed = next(cells for number, cells in data if number == table.unclosed_quote_row)
        problems.append(_unclosed_quote(table.unclosed_quote_row, swallowed))
        data = [(number, cells) for number, cells in data if number != table.unclosed_quote_row]
    entries, found = reader.read(data)
    problems.extend(found)
    problems.extend(cross_row_problems(entries, header.format, header.columns))
    if table.merged:
        problems.extend(merged_data_problems(table.merged, data[0][0], header.columns))
    return finish(header.format, header.row, header.columns, entries)


def _unclosed_quote(row: int, cells: list[str]) -> Problem:
    lines = max(c.count("\n") for c in cells)
    return Problem(
        "row.unclosed_quote",
        ERROR,
        f'A double quote (") in this row opens a value that is never closed, so this row and the {lines} '
        "line(s) after it were read as one cell. Remove the stray quote (or add the closing one) and "
        "validate again.",
        row,
        params={"lines": str(lines)},
    )
