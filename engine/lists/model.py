"""The pieces a mailbox list is made of: columns, entries, problems and the secrets they hold.

Everything here is plain, immutable data (except a `Secret`, which can be forgotten), so a GUI can
hand it between threads and show it without copying.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, NoReturn

from engine.keystore import MASK


class Field(StrEnum):
    """The columns Mailstage understands, named as Microsoft (or, for its own, Mailstage) names them."""

    EMAIL = "EmailAddress"
    PASSWORD = "Password"
    FORCE_CHANGE = "ForceChangePassword"
    USER_NAME = "UserName"
    USER_ROOT = "UserRoot"
    TARGET_LOGIN = "TargetLogin"
    BATCH = "Batch"
    DISPLAY_NAME = "DisplayName"
    # Written by Mailstage next to rows saved for fixing; read back without complaint and ignored.
    PROBLEMS = "MailstageProblems"


#: Mailstage's own additions to Microsoft's formats.
MAILSTAGE_FIELDS: tuple[Field, ...] = (Field.TARGET_LOGIN, Field.BATCH, Field.DISPLAY_NAME)


class ListKind(StrEnum):
    """Which of Microsoft's two list formats a list follows; it decides what Password means."""

    STAGED = "staged"  # EmailAddress, Password (the new cloud account's), ForceChangePassword
    IMAP = "imap"  # EmailAddress, UserName, Password (the source login's), UserRoot


#: The columns of each of Microsoft's formats, in Microsoft's order (templates are written so).
KIND_FIELDS: dict[ListKind, tuple[Field, ...]] = {
    ListKind.STAGED: (Field.EMAIL, Field.PASSWORD, Field.FORCE_CHANGE),
    ListKind.IMAP: (Field.EMAIL, Field.USER_NAME, Field.PASSWORD, Field.USER_ROOT),
}


@dataclass(frozen=True, slots=True)
class ListFormat:
    """The format recognised from the header: Microsoft's staged or IMAP, plus Mailstage's columns."""

    kind: ListKind
    mailstage_fields: tuple[Field, ...] = ()

    @property
    def password_role(self) -> str:
        """'target' when Password is the new account's (staged), 'source' when it logs in to the old."""
        return "target" if self.kind is ListKind.STAGED else "source"

    def describe(self) -> str:
        """One line for a person, e.g. 'Microsoft staged format (EmailAddress, Password, ...)'."""
        name = "Microsoft staged format" if self.kind is ListKind.STAGED else "Microsoft IMAP format"
        text = f"{name} ({', '.join(KIND_FIELDS[self.kind])})"
        if self.mailstage_fields:
            noun = "column" if len(self.mailstage_fields) == 1 else "columns"
            text += f" with Mailstage's {noun} {', '.join(self.mailstage_fields)}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "mailstage_columns": [str(f) for f in self.mailstage_fields],
            "password_role": self.password_role,
            "description": self.describe(),
        }


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the list as the admin made it."""

    index: int  # 0-based position in the sheet or CSV record
    header: str  # the header as written (trimmed)
    field: Field | None  # what Mailstage reads it as; None for a column it does not know

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def name(self) -> str:
        """The name used in problem records: the field's name, or the header of an unknown column."""
        return str(self.field) if self.field else self.header


class SecretForgotten(RuntimeError):
    """A secret was read after it was stored in the keyring and forgotten."""


class Secret:
    """A password from a list: held only until it is stored in the keyring, and never printed.

    `repr`, `str` and formatting show a mask; pickling is refused, so the value cannot leak into a
    report, a log, a copy or a crash dump by accident. Read it with `reveal()`.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value: str | None = value

    def reveal(self) -> str:
        """The secret itself (to hand to the keyring or a login, nowhere else)."""
        if self._value is None:
            raise SecretForgotten("this password was stored in the keyring and is no longer held")
        return self._value

    @property
    def is_held(self) -> bool:
        return self._value is not None

    def forget(self) -> None:
        """Drop the value (after it is safely in the keyring)."""
        self._value = None

    def __repr__(self) -> str:
        return f"Secret({MASK!r})" if self._value is not None else "Secret(<forgotten>)"

    def __str__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret cannot be pickled or copied out of the process")


class ProblemSeverity(StrEnum):
    """An error keeps the row out (or, on the header, the whole list); a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a list, where it is and what to do about it.

    `row` is the row number as Excel shows it (a list without title rows has its header on row 1),
    None for the list as a whole. `column` is the field's name (EmailAddress, ...) or, for an
    unknown column, its header; `header` and `letter` say how the admin sees that column. `code`
    is stable (tests, translations); `params` hold the values the message was made from. The
    message never contains a password.
    """

    code: str
    severity: ProblemSeverity
    message: str
    row: int | None = None
    column: str | None = None
    header: str | None = None
    letter: str | None = None
    related_rows: tuple[int, ...] = ()
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is ProblemSeverity.ERROR

    def location(self) -> str:
        """'row 7, EmailAddress' (with the header as the admin wrote it), 'row 1', or 'list'."""
        if self.row is None:
            return "list"
        if self.column is None:
            return f"row {self.row}"
        return f"row {self.row}, {self.header or self.column}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "letter": self.letter,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "related_rows": list(self.related_rows),
            "params": dict(self.params),
        }


class Entry(NamedTuple):
    """One mailbox of the list (immutable; a named tuple because a list may hold 50,000 of them).

    `cells` are the row's values as shown, one per column of the list, with the password cell left
    blank (the password is only in `password`). `login` is the source login (UserName) and
    `target_login` the login on the new system, None when the list does not give them.
    `address_key` is the address in its compared form (lower case, ASCII domain), None when the
    address cannot be used.
    """

    row: int
    address: str
    cells: tuple[str, ...]
    address_key: str | None = None
    login: str | None = None
    target_login: str | None = None
    user_root: str | None = None
    force_change_password: bool | None = None
    batch: str | None = None
    display_name: str | None = None
    password: Secret | None = None

    @property
    def has_password(self) -> bool:
        return self.password is not None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly form without the password (only whether there is one)."""
        return {
            "row": self.row,
            "address": self.address,
            "login": self.login,
            "target_login": self.target_login,
            "user_root": self.user_root,
            "force_change_password": self.force_change_password,
            "batch": self.batch,
            "display_name": self.display_name,
            "has_password": self.has_password,
        }


@dataclass(frozen=True, slots=True)
class SheetInfo:
    """A sheet of a workbook: its name and whether Excel shows it."""

    name: str
    hidden: bool


@dataclass(frozen=True, slots=True)
class ListSource:
    """How the file was read: CSV (with its encoding and delimiter) or XLSX (with its sheet)."""

    kind: str  # "csv" or "xlsx"
    encoding: str | None = None  # CSV: e.g. "UTF-8 with BOM", "Windows-1252", "UTF-16 with BOM"
    delimiter: str | None = None  # CSV: ",", ";", "\t" or "|"
    sheet: str | None = None  # XLSX: the sheet read
    sheets: tuple[SheetInfo, ...] = ()  # XLSX: all sheets, in workbook order

    def describe(self) -> str:
        if self.kind == "csv":
            names = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
            separated = names.get(self.delimiter or ",", repr(self.delimiter))
            return f"CSV, separated by {separated}, {self.encoding}"
        others = [s.name + (" (hidden)" if s.hidden else "") for s in self.sheets if s.name != self.sheet]
        if self.sheet is None:
            return f"Excel workbook without a visible sheet with values (sheets: {', '.join(others)})"
        text = f"Excel workbook, sheet '{self.sheet}'"
        if others:
            text += f" (also in the workbook: {', '.join(others)})"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sheet": self.sheet,
            "sheets": [{"name": s.name, "hidden": s.hidden} for s in self.sheets],
        }
