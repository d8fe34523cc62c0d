"""Turn a file into rows of text, whatever the admin saved: CSV in any of Excel's encodings and
delimiters, or an XLSX workbook; and say plainly what a file is when it is not a list at all.

The content decides, not the file name: an XLSX renamed to .csv is read as a workbook, a PDF renamed
to .csv is refused as a PDF. Rows keep the numbers Excel shows, so every problem points at the row
the admin sees.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from engine.errors import BadInput
from engine.lists.columns import header_score
from engine.lists.model import ListSource, Problem, ProblemSeverity

#: Files larger than this are refused before they are read. Microsoft's own limit for an IMAP list
#: is 10 MB; a list of 50,000 mailboxes is about 5 MB as CSV and 2 MB as XLSX.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Rows with values a list may have (Microsoft's IMAP migration takes at most 50,000), and the
#: records a CSV may have at all (Excel's own maximum; blank records count).
MAX_ROWS = 250_000
MAX_RECORDS = 1_048_576

# Everything str.strip() removes, plus the invisible characters that copy and paste brings along.
TRIM = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)
_FORMULA_START = frozenset("=+-@")
CANDIDATE_DELIMITERS = (",", ";", "\t", "|")


class ListUnreadable(BadInput):
    """The file cannot be read as a mailbox list at all (not a list, damaged, too large)."""


def unreadable(code: str, what: str, cause: str = "", fix: str = "") -> ListUnreadable:
    return ListUnreadable(code, what, cause, fix)


@dataclass
class RawTable:
    """A file's rows as text, before any column is interpreted.

    `rows` holds the rows that have any value: (row number as Excel shows it, trimmed cells).
    For CSV the cells are as many as the record had, so a wrong cell count can be told; for XLSX
    every row is as wide as the sheet. `notes` mark XLSX cells whose shown value is not their
    value: a formula Excel never calculated ("formula"), or an error such as "#REF!".
    """

    source: ListSource
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    counts_cells: bool = False
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    numbers: set[tuple[int, int]] = field(default_factory=set)  # XLSX cells stored as numbers
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # top, left, bottom, right
    problems: list[Problem] = field(default_factory=list)  # found while reading (encoding, sheets)
    unclosed_quote_row: int | None = None


def trim(value: str) -> str:
    """VALUE without surrounding spaces, non-breaking spaces and invisible characters; a leading
    apostrophe that Mailstage put before a formula-like value (when it saved rows) is taken off."""
    value = value.strip(TRIM)
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_START:
        return value[1:]
    return value


def read_table(path: Path, *, sheet: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> RawTable:
    """Read PATH as a CSV or XLSX list; raise ListUnreadable when it is neither (or is unsafe)."""
    data = _read_bytes(path, max_bytes)
    if not data:
        if sheet is not None:
            raise _sheet_on_csv(path)
        return RawTable(ListSource("csv", encoding="(empty)", delimiter=","))
    kind = sniff_binary(data, path)
    if kind == "zip":
        from engine.lists.xlsx import read_xlsx  # only workbooks need the zip and calamine machinery

        return read_xlsx(data, path, sheet)
    if sheet is not None:
        raise _sheet_on_csv(path)
    return read_csv_bytes(data, path)


def _sheet_on_csv(path: Path) -> ListUnreadable:
    return unreadable(
        "list.sheet_on_csv",
        f"{path.name} is a CSV file, which has no sheets.",
        fix="Leave out the sheet name, or open the Excel workbook (.xlsx) instead.",
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise unreadable(
                "list.not_a_file", f"{path} is a folder, not a file.", fix="Choose the list file itself."
            )
        if size > max_bytes:
            raise unreadable(
                "list.too_large",
                f"{path.name} is {size / 1048576:.0f} MB; Mailstage reads lists up to "
                f"{max_bytes // 1048576} MB.",
                "A list of 50,000 mailboxes is about 5 MB, so this file holds far more than a "
                "mailbox list, or is not one.",
                "Keep only the mailbox columns and rows (save them to a new file), or split the list "
                "into several files.",
            )
        with path.open("rb") as handle:
            # Read at most one byte past the bound: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise unreadable(
            "list.not_found", f"There is no file {path}.", fix="Check the name and the folder."
        ) from None
    except PermissionError:
        raise unreadable(
            "list.no_access",
            f"Mailstage may not read {path}.",
            "The file is protected, or open in a program that locks it.",
            "Close it in Excel, or copy it to a folder of your own, and try again.",
        ) from None
    except OSError as exc:
        raise unreadable(
            "list.unreadable",
            f"{path} could not be read.",
            f"The system reported: {exc.strerror or type(exc).__name__}.",
            "Copy the file to a local folder and try again.",
        ) from None
    if len(data) > max_bytes:
        raise unreadable(
            "list.too_large",
            f"{path.name} is over {max_bytes // 1048576} MB.",
            fix="Keep only the mailbox columns and rows, or split the list into several files.",
        )
    return data


_SAVE_AS = "Open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8, then use that file."


def sniff_binary(data: bytes, path: Path) -> str:
    """'zip' for a workbook candidate, 'text' for CSV; raise ListUnreadable for known non-lists."""
    head = data[:8]
    name = path.name
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise unreadable(
                "list.encrypted",
                f"{name} is an Excel workbook protected with a password.",
                "Mailstage cannot open a workbook that is encrypted.",
                "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt "
                "with Password, clear it), save, and try again.",
            )
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            raise unreadable(
                "list.legacy_xls",
                f"{name} is an old Excel 97-2003 workbook (.xls).",
                "Mailstage reads the current Excel format (.xlsx) and CSV.",
                _SAVE_AS,
            )
        raise unreadable(
            "list.not_a_list",
            f"{name} is an old Microsoft Office document (Word, Outlook or similar), not a list.",
            fix="Make the list in Excel and save it as .xlsx or CSV.",
        )
    magic = {
        b"%PDF": "a PDF document",
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"\x1f\x8b": "a gzip archive",
        b"7z\xbc\xaf": "a 7-Zip archive",
        b"Rar!": "a RAR archive",
        b"MZ": "a Windows program",
        b"\x7fELF": "a program",
        b"{\\rtf": "an RTF document",
        b"SQLite format": "a database",
    }
    for prefix, what in magic.items():
        if data.startswith(prefix):
            raise unreadable(
                "list.not_a_list",
                f"{name} is {what}, not a mailbox list.",
                "Mailstage reads lists saved from Excel as .xlsx or CSV.",
                "Export the list again from where it came, as CSV or Excel (.xlsx).",
            )
    return "text"


def decode(data: bytes, path: Path) -> tuple[str, str, bool]:
    """(text, encoding as a person names it, whether characters had to be replaced)."""
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 with BOM"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 with BOM"),
        (b"\xef\xbb\xbf", "utf-8", "UTF-8 with BOM"),
        (b"\xff\xfe", "utf-16-le", "UTF-16 with BOM"),
        (b"\xfe\xff", "utf-16-be", "UTF-16 with BOM"),
    )
    for bom, codec, name in boms:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), name, False
            except UnicodeDecodeError:
                return body.decode(codec, errors="replace"), name, True
    if b"\x00" in data[:65536]:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise unreadable(
                "list.not_a_list",
                f"{path.name} is not a text file or an Excel workbook.",
                "It holds binary data that no spreadsheet saves as CSV.",
                "Save the list from Excel as .xlsx or CSV, and use that file.",
            )
        return data.decode(guessed, errors="replace"), "UTF-16 without BOM", False
    try:
        return data.decode("utf-8"), "UTF-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252", False
    except UnicodeDecodeError:
        # Five byte values are unused in Windows-1252; Latin-1 reads every byte.
        return data.decode("latin-1"), "ISO-8859-1", False


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd > half * 0.4 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.4 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return controls > max(2, len(sample) // 200)


def _refuse_markup(text: str, path: Path) -> None:
    start = text[:4096].lstrip().lower()
    if start.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in text[:8192]:
        raise unreadable(
            "list.spreadsheet_xml",
            f"{path.name} is an Excel 2003 XML spreadsheet.",
            "Mailstage reads the current Excel format (.xlsx) and CSV.",
            _SAVE_AS,
        )
    if start.startswith(("<!doctype html", "<html")) or ("<table" in start and "<td" in start):
        raise unreadable(
            "list.html",
            f"{path.name} is a web page (HTML), although it may be named .xls or .csv.",
            "Some systems export a 'spreadsheet' that is really an HTML table.",
            _SAVE_AS,
        )


def read_csv_bytes(data: bytes, path: Path) -> RawTable:
    """Decode and parse CSV DATA, detecting the encoding and the delimiter."""
    text, encoding, replaced = decode(data, path)
    if _looks_binary(text):
        raise unreadable(
            "list.not_a_list",
            f"{path.name} is not a text file or an Excel workbook.",
            "It holds binary data that no spreadsheet saves as CSV.",
            "Save the list from Excel as .xlsx or CSV, and use that file.",
        )
    _refuse_markup(text, path)
    text = text.replace("\x00", "")
    delimiter: str | None = None
    first_line, _, rest = text.partition("\n")
    sep = re.fullmatch(r'"?sep=(.)"?\s*', first_line.strip("\ufeff"), re.IGNORECASE)
    if sep:  # Excel's own hint line; Excel does not show it as a row
        delimiter, text = sep.group(1), rest
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    table = RawTable(ListSource("csv", encoding=encoding, delimiter=delimiter), counts_cells=True)
    if replaced:
        table.problems.append(
            Problem(
                "list.bad_characters",
                ProblemSeverity.WARNING,
                f"Some characters are not valid {encoding} and were replaced by '\ufffd'. Save the list "
                "again from Excel as 'CSV UTF-8' so names with accents come through.",
            )
        )
    _parse_csv(text, delimiter, table, path)
    return table


def _parse_csv(text: str, delimiter: str, table: RawTable, path: Path) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    rows = table.rows
    number = 0
    try:
        for record in reader:
            number += 1
            if number > MAX_RECORDS or len(rows) > MAX_ROWS:
                raise too_many_rows(path, len(rows) if len(rows) > MAX_ROWS else number)
            cells = [c.strip(TRIM) for c in record]
            if any(cells):
                # Take off the apostrophe Mailstage writes before formula-like values; the joined
                # test keeps the common row (none) at C speed.
                if "\x1f'" in "\x1f" + "\x1f".join(cells):
                    cells = [trim(c) for c in cells]
                rows.append((number, cells))
    except csv.Error:
        # The only error left with strict=False: a cell over csv's field size limit (128 KB).
        raise unreadable(
            "list.cell_too_large",
            f"Row {number + 1} of {path.name} has a cell of more than 128 KB.",
            'No mailbox list has cells that large: the file is not a list, or a double quote (") '
            "opens a value that is never closed and swallows the rest of the file.",
            "Check that row in a text editor, remove the stray quote, and try again.",
        ) from None
    # A quote that is never closed runs to the end of the file: the last cell then holds line breaks
    # and the file an odd number of quotes.
    if rows and text.count('"') % 2 == 1 and any("\n" in c for c in rows[-1][1]):
        table.unclosed_quote_row = rows[-1][0]


def too_many_rows(path: Path, count: int) -> ListUnreadable:
    return unreadable(
        "list.too_many_rows",
        f"{path.name} has more than {count - 1:,} rows; Mailstage reads lists of up to {MAX_ROWS:,} "
        "mailboxes.",
        "That is far more than a mailbox list (Microsoft's own IMAP migration takes 50,000), or the "
        "file holds other data too.",
        "Split the list into several files of at most 50,000 rows each, and validate each.",
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter that makes the first rows look most like a header with known columns, then
    the one that gives the most rows the same number (above one) of cells."""
    sample = text[:65536]
    if len(text) > len(sample):
        sample = sample[: sample.rfind("\n") + 1] or sample
    best_key: tuple[int, int, int] | None = None
    best = ","
    for candidate in CANDIDATE_DELIMITERS:
        if candidate not in sample:
            continue
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate, strict=False)
        records = []
        try:
            for record in reader:
                records.append(record)
                if len(records) >= 60:
                    break
        except csv.Error:
            continue
        known = max((header_score([c.strip(TRIM) for c in r])[1] for r in records[:30]), default=0)
        counts: dict[int, int] = {}
        for record in records:
            if any(c.strip(TRIM) for c in record):
                counts[len(record)] = counts.get(len(record), 0) + 1
        usual = max((n for width, n in counts.items() if width > 1), default=0)
        key = (known, usual, -CANDIDATE_DELIMITERS.index(candidate))
        if best_key is None or key > best_key:
            best_key, best = key, candidate
    return best
