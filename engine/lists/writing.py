"""Write lists back for the admin: rows to fix or one batch (CSV or XLSX), and empty templates.

What is written never holds a password, and no cell can run as a formula when the file is opened:
a value starting with =, +, -, @ (or a tab or carriage return) gets an apostrophe in front in CSV,
and is stored as text with Excel's own "quote prefix" in XLSX. Mailstage takes that apostrophe off
again when it reads the file back.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import BadInput
from engine.lists.model import KIND_FIELDS, Field, ListKind

if TYPE_CHECKING:
    from engine.lists.mailbox_list import MailboxList

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: What each column means, written as a comment on the template's header cells.
COLUMN_HELP: dict[Field, str] = {
    Field.EMAIL: "The mailbox's e-mail address, e.g. jan.devries@example.nl. Required.\n"
    "Het e-mailadres van het postvak. Verplicht.",
    Field.PASSWORD: "Staged format: the new account's password (at least 8 characters), or empty. "
    "IMAP format: the password to log in to the old server.\n"
    "Gefaseerd: wachtwoord van het nieuwe account (minstens 8 tekens) of leeg. IMAP: wachtwoord op de "
    "oude server.",
    Field.FORCE_CHANGE: "True or False: must the user choose a new password at first sign-in?\n"
    "True of False: moet de gebruiker bij de eerste aanmelding een nieuw wachtwoord kiezen?",
    Field.USER_NAME: "The login on the old server (often the address, or DOMAIN/admin/user with admin "
    "access).\nDe aanmeldnaam op de oude server.",
    Field.USER_ROOT: "Optional: the mailbox's folder in a shared folder tree, e.g. /users/jan.\n"
    "Optioneel: de map van het postvak in een gedeelde mappenstructuur.",
}


def neutralise(value: str) -> str:
    """VALUE made safe for a CSV opened in a spreadsheet (an apostrophe before formula characters)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Write to a temporary file beside PATH and rename it over PATH, so a failure leaves no half file."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".mailstage-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _cannot_write(path: Path, exc: OSError) -> BadInput:
    return BadInput(
        "list.cannot_write",
        f"Mailstage could not write {path}.",
        f"The system reported: {exc.strerror or type(exc).__name__}.",
        "Close the file if it is open in Excel, or choose another folder.",
    )


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str) -> None:
    # UTF-8 with a BOM: Excel then shows accents right; CRLF as Excel writes CSV.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow([neutralise(c) for c in row])


def _write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    comments: dict[int, str] | None = None,
    text_columns: Sequence[int] = (),
    boolean_columns: Sequence[int] = (),
    template_rows: int = 0,
) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mailboxes"

    def put(row: int, column: int, value: str) -> object:
        cell = sheet.cell(row=row, column=column)
        cell.value = value
        cell.data_type = "s"  # text, whatever it starts with: openpyxl would make "=..." a formula
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True  # Excel keeps it text when the admin edits the cell
        return cell

    for position, name in enumerate(header, 1):
        cell = put(1, position, name)
        cell.font = Font(bold=True)  # type: ignore[attr-defined]
        if comments and position - 1 in comments:
            cell.comment = Comment(comments[position - 1], "Mailstage", width=320, height=110)  # type: ignore[attr-defined]
        sheet.column_dimensions[get_column_letter(position)].width = max(14, min(40, len(name) + 6))
    for number, row in enumerate(rows, 2):
        for position, value in enumerate(row, 1):
            if value:
                put(number, position, value)
    for position in text_columns:
        # Text format keeps a password such as 00123456 as typed instead of turning it into a number.
        for number in range(2, template_rows + 2):
            sheet.cell(row=number, column=position + 1).number_format = "@"
    for position in boolean_columns:
        letter = get_column_letter(position + 1)
        validation = DataValidation(type="list", formula1='"True,False"', allow_blank=True)
        validation.error = "Choose True or False."
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{max(template_rows, 2000) + 1}")
    sheet.freeze_panes = "A2"
    workbook.save(path)


def write_entries(
    mailbox_list: MailboxList,
    path: Path,
    rows: Iterable[int] | None,
    *,
    with_problems: bool,
    delimiter: str | None,
) -> Path:
    """See `MailboxList.write_rows`."""
    wanted = None if rows is None else set(rows)
    entries = [e for e in mailbox_list.entries if wanted is None or e.row in wanted]
    columns = list(mailbox_list.columns)
    header = [c.header or f"Column {c.letter}" for c in columns]
    problems_slot = next((i for i, c in enumerate(columns) if c.field is Field.PROBLEMS), None)
    if with_problems and problems_slot is None:
        header.append(str(Field.PROBLEMS))
        problems_slot = len(header) - 1
    table: list[list[str]] = []
    for entry in entries:
        cells = list(entry.cells)  # the password cell is already blank
        if with_problems and problems_slot is not None:
            found = mailbox_list.problems_for_row(entry.row)
            text = " | ".join(f"{p.header or p.column or 'row'}: {p.message}" for p in found)
            if problems_slot < len(cells):
                cells[problems_slot] = text
            else:
                cells.append(text)
        elif problems_slot is not None and problems_slot < len(cells):
            cells[problems_slot] = ""  # old notes from an earlier round are out of date
        table.append(cells)
    if path.suffix.lower() == ".xlsx":
        return _replace_atomically(path, lambda target: _write_xlsx(target, header, table))
    separator = delimiter or mailbox_list.source.delimiter or ","
    return _replace_atomically(path, lambda target: _write_csv(target, header, table, separator))


def write_template(path: str | Path, kind: ListKind = ListKind.STAGED, *, delimiter: str = ",") -> Path:
    """Write an empty list in Microsoft's format KIND for the admin to fill in: XLSX when PATH ends
    in .xlsx (bold header with explanations, a Text-formatted Password column, True/False choices),
    CSV otherwise (the header only, comma-separated as Microsoft's import expects, UTF-8 with BOM)."""
    target = Path(path)
    fields = KIND_FIELDS[ListKind(kind)]
    header = [str(f) for f in fields]
    if target.suffix.lower() == ".xlsx":
        comments = {i: COLUMN_HELP[f] for i, f in enumerate(fields) if f in COLUMN_HELP}
        text_columns = [i for i, f in enumerate(fields) if f in (Field.PASSWORD, Field.USER_NAME)]
        boolean_columns = [i for i, f in enumerate(fields) if f is Field.FORCE_CHANGE]
        return _replace_atomically(
            target,
            lambda out: _write_xlsx(
                out,
                header,
                [],
                comments=comments,
                text_columns=text_columns,
                boolean_columns=boolean_columns,
                template_rows=2000,
            ),
        )
    return _replace_atomically(target, lambda out: _write_csv(out, header, [], delimiter))
