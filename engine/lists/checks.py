"""What can be wrong in a list, found and explained: the header, each row, and rows together.

Each check makes `Problem` records with a stable code, the row and column the admin sees, and a
message that says what to do. Nothing here reads files or prints; it works on text already read.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine.lists.addresses import check_address
from engine.lists.columns import (
    HEADER_SEARCH_ROWS,
    field_for_header,
    find_header,
    known_aliases,
    recognise_format,
    required_fields,
)
from engine.lists.model import (
    Column,
    Entry,
    Field,
    ListFormat,
    ListKind,
    Problem,
    ProblemSeverity,
    Secret,
    column_letter,
)

ERROR, WARNING = ProblemSeverity.ERROR, ProblemSeverity.WARNING

#: Microsoft's limit on mailboxes in one migration batch, and on a batch name's length.
BATCH_LIMIT = 2000
BATCH_NAME_LIMIT = 64
MIN_PASSWORD = 8

TRUE_WORDS = frozenset({"true", "waar", "ja", "yes", "1", "j", "y", "wahr"})
FALSE_WORDS = frozenset({"false", "onwaar", "nee", "no", "0", "n", "falsch"})

#: Codes of problems that depend on several rows; they are found again when rows are removed.
CROSS_ROW_CODES = frozenset({"address.duplicate", "list.over_batch_limit"})

_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def parse_bool(text: str) -> bool | None:
    """True/False (and Dutch, yes/no, 1/0, any case) as a bool; None when TEXT is not one."""
    word = text.casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


@dataclass
class Header:
    """The header found in a table, and what it makes of the columns."""

    row: int | None
    columns: list[Column]
    format: ListFormat | None
    problems: list[Problem]
    data_start: int  # the index in the table's rows of the first row after the header
    width: int  # cells in the header record (CSV rows are compared with it)
    usable: bool  # False when no row can be read (no EmailAddress column, no header at all)


def _header_problem(
    code: str, severity: ProblemSeverity, message: str, row: int | None, **kw: str
) -> Problem:
    column = kw.pop("column", None)
    header = kw.pop("header", None)
    letter = kw.pop("letter", None)
    return Problem(code, severity, message, row, column, header, letter, params=kw)


def read_header(
    rows: Sequence[tuple[int, list[str]]],
    merged: Sequence[tuple[int, int, int, int]],
) -> Header:
    """Find the header row (title rows may sit above it, header cells may be merged) and the columns."""
    region = [(number, list(cells)) for number, cells in rows[:HEADER_SEARCH_ROWS]]
    covered = _spread_merged_cells(region, merged)
    index = find_header(region)
    if index is None:
        first_row, first_cells = rows[0]
        address = next((c for c in first_cells if "@" in c), None)
        if address is not None:
            problem = _header_problem(
                "header.missing",
                ERROR,
                f"This row holds an address ('{address[:60]}'), not column names. Add a header row above "
                "it, e.g. EmailAddress,Password,ForceChangePassword, or start from the template.",
                first_row,
                address=address[:60],
            )
            return Header(first_row, [], None, [problem], 0, len(first_cells), usable=False)
        index = 0  # no known name anywhere: treat the first row as the header and say what is missing
    header_row, header_cells = region[index]
    # A header cell merged downwards (a two- or three-row header) makes the rows it covers part of
    # the header; a merge reaching further down is not a header and is reported with the data.
    header_end = max([b for t, _l, b, _r in merged if t == header_row and b - t <= 3] + [header_row])
    data_start = index + 1
    while data_start < len(rows) and rows[data_start][0] <= header_end:
        data_start += 1

    width = max([len(header_cells)] + [len(cells) for _n, cells in rows[data_start:]])
    has_data = [False] * width
    for _number, cells in rows[data_start:]:
        for position, cell in enumerate(cells):
            if cell:
                has_data[position] = True

    problems: list[Problem] = []
    columns: list[Column] = []
    seen: dict[Field, Column] = {}
    for position in range(width):
        text = header_cells[position] if position < len(header_cells) else ""
        from_merge = (header_row, position) in covered
        if not has_data[position] and (not text or from_merge):
            continue  # an empty column, or one only spanned by a merged header cell
        letter = column_letter(position)
        if not text:
            columns.append(Column(position, "", None))
            problems.append(
                _header_problem(
                    "column.no_header",
                    WARNING,
                    f"Column {letter} has values but no name in the header row; Mailstage ignores it. Give "
                    "it a name (see the template) if it holds something Mailstage needs.",
                    header_row,
                    column=f"column {letter}",
                    header=f"column {letter}",
                    letter=letter,
                )
            )
            continue
        found = field_for_header(text)
        if found is not None and found in seen:
            first = seen[found]
            merge_note = " (the header cell is merged over both)" if from_merge else ""
            columns.append(Column(position, text, None))
            problems.append(
                _header_problem(
                    "column.duplicate",
                    ERROR,
                    f"Column {letter} ('{text}') is a second {found} column, after column {first.letter} "
                    f"('{first.header}'){merge_note}. Keep only one of them: Mailstage cannot tell which "
                    "one to use.",
                    header_row,
                    column=str(found),
                    header=text,
                    letter=letter,
                    first_letter=first.letter,
                )
            )
            continue
        column = Column(position, text, found)
        columns.append(column)
        if found is None:
            problems.append(
                _header_problem(
                    "column.unknown",
                    WARNING,
                    f"Mailstage does not know the column '{text}' and ignores it. If it holds something "
                    "Mailstage needs, rename it to one of: EmailAddress, Password, ForceChangePassword, "
                    "UserName, UserRoot, TargetLogin, Batch, DisplayName.",
                    header_row,
                    column=text,
                    header=text,
                    letter=letter,
                )
            )
        else:
            seen[found] = column

    list_format = recognise_format(list(seen))
    for needed in required_fields(list_format.kind):
        if needed not in seen:
            problems.append(_missing_column(needed, list_format, seen, header_row))
    usable = Field.EMAIL in seen
    return Header(
        header_row, columns, list_format if usable else None, problems, data_start, len(header_cells), usable
    )


def _missing_column(needed: Field, list_format: ListFormat, seen: dict[Field, Column], row: int) -> Problem:
    if needed is Field.EMAIL:
        why = "Every list needs it: it says which mailboxes to migrate."
    else:
        trigger = next(str(f) for f in (Field.USER_NAME, Field.USER_ROOT, Field.PASSWORD) if f in seen)
        what = "the login on the old server" if needed is Field.USER_NAME else "the password of each login"
        why = (
            f"Microsoft's IMAP format (recognised from the {trigger} column) needs {what} for every mailbox."
        )
    return _header_problem(
        "column.missing",
        ERROR,
        f"There is no {needed} column. {why} Name the column that holds it {needed} (also accepted: "
        f"{known_aliases(needed)}).",
        row,
        column=str(needed),
        header=str(needed),
    )


def _spread_merged_cells(
    region: list[tuple[int, list[str]]], merged: Sequence[tuple[int, int, int, int]]
) -> set[tuple[int, int]]:
    """Give every cell a merged header cell spans the merged value (Excel shows it across them all);
    returns the cells filled so."""
    covered: set[tuple[int, int]] = set()
    if not merged or not region:
        return covered
    by_number = {number: cells for number, cells in region}
    last = region[-1][0]
    for top, left, bottom, right in merged:
        if top > last or top not in by_number or left >= len(by_number[top]):
            continue
        value = by_number[top][left]
        if not value:
            continue
        for number in range(top, min(bottom, last) + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            for position in range(left, min(right, len(cells) - 1) + 1):
                if (number, position) != (top, left) and not cells[position]:
                    cells[position] = value
                    covered.add((number, position))
    return covered


@dataclass
class RowReader:
    """Turns the data rows of a table into entries and problems.

    It works column by column rather than row by row: a 50,000-row list is read in a fraction of
    a second that way, because each check runs over one plain list of strings (see bench/).
    """

    columns: Sequence[Column]
    format: ListFormat
    header_width: int
    counts_cells: bool
    delimiter: str | None
    notes: dict[tuple[int, int], str]
    numbers: set[tuple[int, int]]

    def __post_init__(self) -> None:
        self.index = {c.field: c.index for c in self.columns if c.field is not None}
        self.by_field = {c.field: c for c in self.columns if c.field is not None}
        positions = [c.index for c in self.columns]
        password = self.index.get(Field.PASSWORD)
        # Every row is padded to `width` cells plus one empty cell at the end (index -1): absent
        # fields, and the password in the cells shown, point at that empty cell.
        self.width = max(positions, default=0) + 1
        self.slot = {f: self.index.get(f, -1) for f in Field}
        shown = [-1 if p == password else p for p in positions]
        self.shown = operator.itemgetter(*shown) if len(shown) > 1 else lambda cells: (cells[shown[0]],)
        self.is_imap = self.format.kind is ListKind.IMAP

    def problem(
        self, code: str, severity: ProblemSeverity, message: str, row: int, f: Field | None, **params: str
    ) -> Problem:
        column = self.by_field.get(f) if f is not None else None
        return Problem(
            code,
            severity,
            message,
            row,
            str(f) if f is not None else None,
            column.header if column else None,
            column.letter if column else None,
            params=params,
        )

    def read(self, data: Sequence[tuple[int, list[str]]]) -> tuple[list[Entry], list[Problem]]:
        """The entries the rows make, and the problems in them (in no particular order)."""
        width = self.width
        pads = [[""] * (k + 1) for k in range(width + 1)]
        one = [""]
        numbers = [n for n, _cells in data]
        rows = [cells + (pads[width - len(cells)] if len(cells) < width else one) for _n, cells in data]
        problems: list[Problem] = []
        if self.counts_cells:
            problems += [
                self._count_problem(n, cells) for n, cells in data if len(cells) != self.header_width
            ]

        def column(f: Field) -> list[str]:
            return list(map(operator.itemgetter(self.slot[f]), rows))

        # Cells whose shown value is not their value (formula never calculated, #REF!): only that
        # problem is reported for them, and their text is not used.
        unusable: set[tuple[int, Field]] = set()
        if self.notes:
            at = {n: i for i, n in enumerate(numbers)}
            fields = {position: f for f, position in self.index.items()}
            for (row, position), note in self.notes.items():
                f = fields.get(position)
                if f is not None and row in at:
                    unusable.add((at[row], f))
                    problems.append(self._note_problem(row, f, note))

        addresses = column(Field.EMAIL)
        keys: list[str | None] = [None] * len(rows)
        for i, address in enumerate(addresses):
            if unusable and (i, Field.EMAIL) in unusable:
                continue
            if not address:
                problems.append(
                    self.problem(
                        "address.missing",
                        ERROR,
                        "There is no e-mail address in this row. Fill in the mailbox's address, or remove "
                        "the row.",
                        numbers[i],
                        Field.EMAIL,
                    )
                )
                continue
            key, fault = check_address(address)
            keys[i] = key
            if fault is not None:
                severity = WARNING if fault.warning_only else ERROR
                problems.append(self.problem(fault.code, severity, fault.message, numbers[i], Field.EMAIL))

        passwords = column(Field.PASSWORD)
        if Field.PASSWORD in self.index:
            for i, text in enumerate(passwords):
                if unusable and (i, Field.PASSWORD) in unusable:
                    passwords[i] = ""
                elif (self.is_imap or text) and (len(text) < MIN_PASSWORD or self.numbers):
                    self._check_password(numbers[i], text, problems)
        secrets = [Secret(text) if text else None for text in passwords]

        forces: list[bool | None] = [None] * len(rows)
        for i, text in enumerate(column(Field.FORCE_CHANGE)):
            if not text or (unusable and (i, Field.FORCE_CHANGE) in unusable):
                continue
            forces[i] = parse_bool(text)
            if forces[i] is None:
                problems.append(
                    self.problem(
                        "force_change.not_boolean",
                        ERROR,
                        f"'{text[:40]}' is not True or False. Use True or False (also accepted: "
                        "Waar/Onwaar, Ja/Nee, Yes/No, 1/0), or leave the cell empty.",
                        numbers[i],
                        Field.FORCE_CHANGE,
                        value=text[:40],
                    )
                )

        logins = column(Field.USER_NAME)
        if self.is_imap and Field.USER_NAME in self.index:
            for i, login in enumerate(logins):
                if not login and addresses[i] and not (unusable and (i, Field.USER_NAME) in unusable):
                    problems.append(
                        self.problem(
                            "login.missing",
                            WARNING,
                            f"UserName is empty: Mailstage will log in to the old server as "
                            f"{addresses[i][:80]}. Fill in the login if it is different.",
                            numbers[i],
                            Field.USER_NAME,
                        )
                    )

        batches = column(Field.BATCH)
        for i, batch in enumerate(batches):
            if len(batch) > BATCH_NAME_LIMIT:
                problems.append(
                    self.problem(
                        "batch.name_too_long",
                        ERROR,
                        f"The batch name is {len(batch)} characters long; Microsoft allows at most "
                        f"{BATCH_NAME_LIMIT}. Shorten it.",
                        numbers[i],
                        Field.BATCH,
                    )
                )

        def optional(values: list[str]) -> list[str | None]:
            return [v or None for v in values]

        # tuple.__new__ over zip builds the named tuples in C (Entry(...) goes through Python).
        make = functools.partial(tuple.__new__, Entry)
        entries: list[Entry] = list(
            map(
                make,
                zip(
                    numbers,
                    addresses,
                    map(self.shown, rows),
                    keys,
                    optional(logins),
                    optional(column(Field.TARGET_LOGIN)),
                    optional(column(Field.USER_ROOT)),
                    forces,
                    optional(batches),
                    optional(column(Field.DISPLAY_NAME)),
                    secrets,
                    strict=True,
                ),
            )
        )
        return entries, problems

    def _check_password(self, row: int, text: str, problems: list[Problem]) -> None:
        staged = self.format.kind is ListKind.STAGED
        if not text:
            if not staged:
                problems.append(
                    self.problem(
                        "password.missing",
                        WARNING,
                        "There is no password in this row. Mailstage can copy this mailbox only when the "
                        "source endpoint logs in with admin access; otherwise fill in the password.",
                        row,
                        Field.PASSWORD,
                    )
                )
            return
        if len(text) < MIN_PASSWORD:
            if staged:
                problems.append(
                    self.problem(
                        "password.too_short",
                        ERROR,
                        f"The password is shorter than {MIN_PASSWORD} characters; Microsoft 365 requires "
                        "at least 8. Choose a longer one, or leave the cell empty.",
                        row,
                        Field.PASSWORD,
                    )
                )
            else:
                problems.append(
                    self.problem(
                        "password.too_short",
                        WARNING,
                        f"The password is shorter than {MIN_PASSWORD} characters. Check that it was not "
                        "cut off; Mailstage will try it as it is.",
                        row,
                        Field.PASSWORD,
                    )
                )
        if self.numbers and (row, self.index[Field.PASSWORD]) in self.numbers:
            problems.append(
                self.problem(
                    "password.stored_as_number",
                    WARNING,
                    "This password is stored as a number in Excel, which drops leading zeros and "
                    "rounds long numbers. Check it; to be safe, format the column as Text and type it again.",
                    row,
                    Field.PASSWORD,
                )
            )

    def _count_problem(self, row: int, cells: list[str]) -> Problem:
        count, width = len(cells), self.header_width
        name = _DELIMITER_NAMES.get(self.delimiter or ",", "separator")
        if count > width and not any(cells[width:]):
            return self.problem(
                "row.extra_empty_cells",
                WARNING,
                f"This row has {count - width} empty cell(s) more than the header has columns; Mailstage "
                f"ignores them. Microsoft's own import refuses such rows: remove the extra {name}s at the "
                "end of the row.",
                row,
                None,
                cells=str(count),
                header_cells=str(width),
            )
        if count > width:
            message = (
                f"This row has {count} cells but the header has {width}. A value probably contains a "
                f"{name} without quotes around it, so the values after it moved to the right. Put that "
                f"value in double quotes, or remove the extra {name}."
            )
        else:
            message = (
                f"This row has {count} cells but the header has {width}: a {name} is missing, so a value "
                f"may be in the wrong column. Add the missing {name}s (empty cells are fine)."
            )
        return self.problem(
            "row.cell_count", ERROR, message, row, None, cells=str(count), header_cells=str(width)
        )

    def _note_problem(self, row: int, f: Field, note: str) -> Problem:
        if note == "formula":
            return self.problem(
                "cell.formula_not_calculated",
                ERROR,
                "This cell holds a formula whose result was never calculated (the file was made by a "
                "program, not saved in Excel). Open the file in Excel and save it, or type the value "
                "instead of the formula.",
                row,
                f,
            )
        return self.problem(
            "cell.formula_error",
            ERROR,
            f"This cell shows the Excel error {note[:20]}. Correct the formula (or type the value) in Excel "
            "and save again.",
            row,
            f,
            error=note[:20],
        )


def merged_data_problems(
    merged: Iterable[tuple[int, int, int, int]], first_data_row: int, columns: Sequence[Column]
) -> list[Problem]:
    """A warning for each merged range below the header: Excel shows one value across it, but the
    value belongs to its first cell only."""
    by_index = {c.index: c for c in columns}
    problems = []
    for top, left, bottom, right in merged:
        if top < first_data_row:
            continue
        span = f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"
        column = by_index.get(left)
        problems.append(
            Problem(
                "cell.merged",
                WARNING,
                f"Cells {span} are merged. Mailstage reads the value only in {column_letter(left)}{top}; "
                "the other cells of the merge count as empty. Unmerge them (Home > Merge & Center) and fill "
                "in every row.",
                top,
                column.name if column else None,
                column.header if column else None,
                column_letter(left),
                params={"range": span},
            )
        )
    return problems


def cross_row_problems(
    entries: Sequence[Entry], list_format: ListFormat | None, columns: Sequence[Column] = ()
) -> list[Problem]:
    """The same mailbox twice, and batches over Microsoft's limit."""
    problems: list[Problem] = []
    email = next((c for c in columns if c.field is Field.EMAIL), None)
    first_seen: dict[str, Entry] = {}
    keys = [k for k in map(operator.attrgetter("address_key"), entries) if k is not None]
    for entry in entries if len(set(keys)) != len(keys) else ():  # most lists have no duplicate
        key = entry.address_key
        if key is None:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = entry
            continue
        same = "" if earlier.address == entry.address else f" (written there as {earlier.address})"
        problems.append(
            Problem(
                "address.duplicate",
                ERROR,
                f"{entry.address} is also on row {earlier.row}{same}. A mailbox can be in a list only "
                "once: remove one of the two rows.",
                entry.row,
                str(Field.EMAIL),
                email.header if email else None,
                email.letter if email else None,
                related_rows=(earlier.row,),
                params={"address": entry.address, "other_row": str(earlier.row)},
            )
        )
    has_batch = list_format is not None and Field.BATCH in list_format.mailstage_fields
    if has_batch:
        sizes: dict[str, int] = {}
        for entry in entries:
            if entry.batch:
                sizes[entry.batch] = sizes.get(entry.batch, 0) + 1
        unassigned = sum(1 for e in entries if not e.batch)
        for name, size in sizes.items():
            if size > BATCH_LIMIT:
                problems.append(
                    Problem(
                        "list.over_batch_limit",
                        WARNING,
                        f"Batch '{name}' has {size:,} mailboxes; Microsoft migrates at most {BATCH_LIMIT:,} "
                        "in one batch. Mailstage will split it when you split the list into batches, or "
                        "spread its rows over more batch names.",
                        params={"batch": name, "count": str(size)},
                    )
                )
        total = unassigned
    else:
        total = len(entries)
    if total > BATCH_LIMIT:
        batches = -(-total // BATCH_LIMIT)
        rows = "rows without a batch name" if has_batch else "mailboxes"
        problems.append(
            Problem(
                "list.over_batch_limit",
                WARNING,
                f"The list has {total:,} {rows}; Microsoft migrates at most {BATCH_LIMIT:,} in one batch. "
                f"Split the list into {batches} batches (Split into batches, or a Batch column) and start "
                "them one after another.",
                params={"count": str(total), "batches": str(batches)},
            )
        )
    return problems
