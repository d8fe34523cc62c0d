"""Read an XLSX list safely and fast: the values Excel shows, from the sheet the admin means.

Cells are read with python-calamine (pandas' fast Excel engine, used directly: a DataFrame would
turn numbers into floats and empty cells into NaN, and lose the row numbers). Before calamine sees
the file, Mailstage checks it with its own small pieces, because calamine trusts what it is given:
- every part is inflated with a byte counter, so a zip bomb is refused after 200 MB instead of
  filling the memory (sizes declared in the zip are not trusted);
- the used area of the sheet is measured, because calamine allocates the whole rectangle up to the
  last cell with a value: one stray value in XFD1048576 would abort the process;
- formula cells without a cached result and cells showing an error (#REF!) are found in the sheet's
  XML, because calamine reads both as empty.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from xml.etree import ElementTree

import python_calamine

from engine.lists.columns import HEADER_SEARCH_ROWS
from engine.lists.model import ListSource, Problem, ProblemSeverity, SheetInfo
from engine.lists.reading import MAX_ROWS, TRIM, ListUnreadable, RawTable, too_many_rows, unreadable

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a 50,000-row workbook unpacks to about 15 MB
MAX_ZIP_ENTRIES = 10_000
MAX_SMALL_PART_BYTES = 10 * 1024 * 1024  # workbook.xml and relationship parts
MAX_SHEET_CELLS = 5_000_000  # rows x columns up to the last value: 100,000 rows of 50 columns

_REL_ID = re.compile(r"^\{[^}]+\}id$")
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|t)(?:\s[^>]*)?>[^<]")
# Patterns that start with a literal run much faster in Python's re (it skips ahead to the literal).
# 'r="' may also end another attribute's name; that only makes the estimate more careful.
_COLS_3 = re.compile(rb'r="[A-Z]{3}[0-9]')
_COLS_2 = re.compile(rb'r="[A-Z]{2}[0-9]')
_ROWS_7 = re.compile(rb'r="[A-Z]{0,3}[0-9]{7}"')
_ROWS_6 = re.compile(rb'r="[A-Z]{0,3}[0-9]{6}"')
_VALUED_CELL = re.compile(rb'r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*<(?:\w+:)?(?:v|is|f)\b')
_FORMULA_PLAIN = re.compile(rb"<f[\s>/]")
_FORMULA_PREFIXED = re.compile(rb"<\w+:f[\s>/]")
_ERROR_TYPE = re.compile(rb't="e"')
_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_TYPE = re.compile(rb'\st="(\w+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


@dataclass(frozen=True)
class _Sheet:
    name: str
    hidden: bool
    part: str | None  # the zip entry of its XML
    worksheet: bool  # False for chart, dialog and macro sheets


def _damaged(path: Path, detail: str) -> ListUnreadable:
    return unreadable(
        "list.damaged_workbook",
        f"{path.name} looks like an Excel workbook but cannot be read: {detail}.",
        "The file may be incomplete (an interrupted download or copy) or damaged.",
        "Open it in Excel; if Excel repairs it, save it again as .xlsx (or as CSV UTF-8) and use that file.",
    )


def read_xlsx(data: bytes, path: Path, sheet: str | None) -> RawTable:
    """Read the list from DATA (an XLSX file's bytes): the sheet named SHEET, or else the first
    visible worksheet that has values."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _damaged(path, "its zip structure is broken") from None
    workbook_part = _workbook_part(archive, path)
    _check_unpacked_size(data, infos, path)
    sheets = _sheets(archive, workbook_part, path)
    infos_list = tuple(SheetInfo(s.name, s.hidden) for s in sheets)
    chosen, xml, others = _choose_sheet(archive, sheets, sheet, path)
    table = RawTable(ListSource("xlsx", sheet=chosen.name if chosen else None, sheets=infos_list))
    if chosen is None or xml is None:
        hidden = [s.name for s in sheets if s.worksheet and s.hidden and _part_has_values(archive, s)]
        if hidden:
            table.problems.append(
                Problem(
                    "sheet.only_hidden_has_data",
                    ProblemSeverity.ERROR,
                    f"The only sheet with values, '{hidden[0]}', is hidden in Excel. Unhide it (right-click "
                    "a sheet tab > Unhide) and save, or choose that sheet by name.",
                    params={"sheet": hidden[0]},
                )
            )
        return table
    if others:
        table.problems.append(
            Problem(
                "sheet.other_sheets_have_data",
                ProblemSeverity.WARNING,
                f"The workbook has more sheets with values ({', '.join(others)}); Mailstage read only "
                f"'{chosen.name}'. To use another sheet, choose it by name; to use them all, copy their "
                "rows onto one sheet.",
                params={"sheet": chosen.name, "others": ", ".join(others)},
            )
        )
    _check_used_area(xml, chosen.name, path)
    table.notes = formula_notes(xml, path)
    grid, merged = _calamine_grid(data, chosen.name, path)
    _fill_rows(table, grid)
    table.merged = [(top + 1, left, bottom + 1, right) for (top, left), (bottom, right) in merged]
    return table


def _workbook_part(archive: zipfile.ZipFile, path: Path) -> str:
    names = set(archive.namelist())
    target = None
    if "_rels/.rels" in names:
        root = _parse_small(archive, "_rels/.rels", path)
        for rel in root:
            if rel.get("Type", "").endswith("/officeDocument"):
                target = (rel.get("Target") or "").lstrip("/")
    if target and target in names and "spreadsheet" in _content_type(archive, target, names):
        return target
    if "xl/workbook.xml" in names:
        return "xl/workbook.xml"
    _refuse_other_zip(archive, names, path)


def _content_type(archive: zipfile.ZipFile, part: str, names: set[str]) -> str:
    if "[Content_Types].xml" not in names:
        return "spreadsheet"  # no declaration to contradict the relationship
    try:
        data = archive.read("[Content_Types].xml")[:MAX_SMALL_PART_BYTES]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
        return ""
    match = re.search(rb'PartName="/' + re.escape(part.encode()) + rb'"\s+ContentType="([^"]+)"', data)
    return match.group(1).decode("ascii", "replace") if match else "spreadsheet"


def _refuse_other_zip(archive: zipfile.ZipFile, names: set[str], path: Path) -> NoReturn:
    what = "a ZIP archive"
    fix = "Take the list out of the archive, or save it from Excel as .xlsx or CSV."
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:200]
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
            mimetype = b""
        if b"opendocument.spreadsheet" in mimetype:
            raise unreadable(
                "list.opendocument",
                f"{path.name} is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice).",
                "Mailstage reads Excel workbooks (.xlsx) and CSV.",
                "Open it and choose File > Save As > Excel 2007-365 (.xlsx) or Text CSV, then use that file.",
            )
        if b"opendocument" in mimetype:
            what = "an OpenDocument file (LibreOffice or OpenOffice), not a spreadsheet"
    if any(n.startswith("word/") for n in names):
        what = "a Word document"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint presentation"
    raise unreadable(
        "list.not_a_list",
        f"{path.name} is {what}, not a mailbox list.",
        "Mailstage reads .xlsx and CSV.",
        fix,
    )


def _check_unpacked_size(data: bytes, infos: list[zipfile.ZipInfo], path: Path) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise _bomb(path, f"holds {len(infos):,} parts")
    total = 0
    for info in infos:
        total += _inflated_size(data, info, MAX_UNPACKED_BYTES - total, path)
        if total > MAX_UNPACKED_BYTES:
            raise _bomb(path, f"unpacks to more than {MAX_UNPACKED_BYTES // 1048576} MB")


def _bomb(path: Path, detail: str) -> ListUnreadable:
    return unreadable(
        "list.zip_bomb",
        f"{path.name} {detail}; Mailstage stopped reading it.",
        "A workbook of 50,000 mailboxes unpacks to about 15 MB. A file like this is built to exhaust "
        "the memory (a 'zip bomb'), or holds far more than a mailbox list.",
        "Do not open it elsewhere either. Make the list again in Excel, or use the template.",
    )


def _inflated_size(data: bytes, info: zipfile.ZipInfo, room: int, path: Path) -> int:
    """How many bytes INFO really unpacks to, counted while inflating, never more than ROOM + 1."""
    offset = info.header_offset
    header = data[offset : offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise _damaged(path, f"the part {info.filename} is missing")
    if info.flag_bits & 0x1:
        raise _damaged(path, f"the part {info.filename} is encrypted")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = offset + 30 + name_length + extra_length
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _damaged(path, f"the part {info.filename} is compressed in a way Excel never uses")
    inflater = zlib.decompressobj(-15)
    total = 0
    try:
        for position in range(0, len(raw), 1 << 16):
            pending = bytes(raw[position : position + (1 << 16)])
            while pending:
                out = inflater.decompress(pending, 1 << 20)
                total += len(out)
                if total > room:
                    return total
                pending = inflater.unconsumed_tail
        total += len(inflater.flush())
    except zlib.error:
        raise _damaged(path, f"the part {info.filename} is corrupt") from None
    return total


def _parse_small(archive: zipfile.ZipFile, part: str, path: Path) -> ElementTree.Element:
    try:
        with archive.open(part) as handle:
            data = handle.read(MAX_SMALL_PART_BYTES + 1)
        if len(data) > MAX_SMALL_PART_BYTES:
            raise _damaged(path, f"the part {part} is implausibly large")
        # Python's expat refuses entity-expansion bombs ("billion laughs") itself.
        return ElementTree.fromstring(data)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error, ElementTree.ParseError):
        raise _damaged(path, f"the part {part} is missing or not valid XML") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheets(archive: zipfile.ZipFile, workbook_part: str, path: Path) -> list[_Sheet]:
    folder = posixpath.dirname(workbook_part)
    rels_part = posixpath.join(folder, "_rels", posixpath.basename(workbook_part) + ".rels")
    targets: dict[str, tuple[str, str]] = {}
    if rels_part in set(archive.namelist()):
        for rel in _parse_small(archive, rels_part, path):
            target = rel.get("Target") or ""
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            targets[rel.get("Id") or ""] = (posixpath.normpath(resolved), rel.get("Type") or "")
    sheets = []
    for element in _parse_small(archive, workbook_part, path).iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((v for k, v in element.attrib.items() if _REL_ID.match(k)), "")
        part, rel_type = targets.get(rel_id, (None, ""))
        sheets.append(
            _Sheet(
                name=element.get("name") or "",
                hidden=(element.get("state") or "visible") != "visible",
                part=part,
                worksheet=rel_type.endswith("/worksheet") or (not rel_type and part is not None),
            )
        )
    if not any(s.worksheet for s in sheets):
        raise unreadable(
            "list.no_worksheet",
            f"{path.name} has no worksheet with cells (only charts, or nothing).",
            fix="Put the list on a worksheet and save again, or use the template.",
        )
    return sheets


def _read_part(archive: zipfile.ZipFile, sheet: _Sheet, path: Path) -> bytes:
    if sheet.part is None:
        raise _damaged(path, f"the sheet '{sheet.name}' has no contents")
    try:
        return archive.read(sheet.part)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise _damaged(path, f"the sheet '{sheet.name}' is missing or corrupt") from None


def _part_has_values(archive: zipfile.ZipFile, sheet: _Sheet) -> bool:
    try:
        return sheet.part is not None and bool(_HAS_VALUE.search(archive.read(sheet.part)))
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
        return False


def _choose_sheet(
    archive: zipfile.ZipFile, sheets: list[_Sheet], wanted: str | None, path: Path
) -> tuple[_Sheet | None, bytes | None, list[str]]:
    """(sheet, its XML, other visible sheets with values); (None, None, []) when no visible sheet
    has values."""
    worksheets = [s for s in sheets if s.worksheet]
    if wanted is not None:
        match = next((s for s in worksheets if s.name == wanted), None) or next(
            (s for s in worksheets if s.name.strip().casefold() == wanted.strip().casefold()), None
        )
        if match is None:
            names = ", ".join(f"'{s.name}'" for s in worksheets)
            raise unreadable(
                "list.sheet_not_found",
                f"{path.name} has no sheet named '{wanted}'.",
                f"Its sheets are: {names}.",
                "Choose one of those sheets, or leave the sheet out to read the first one.",
            )
        return match, _read_part(archive, match, path), []
    chosen: _Sheet | None = None
    chosen_xml: bytes | None = None
    others: list[str] = []
    for sheet in worksheets:
        if sheet.hidden:
            continue
        xml = _read_part(archive, sheet, path)
        if not _HAS_VALUE.search(xml):
            continue
        if chosen is None:
            chosen, chosen_xml = sheet, xml
        else:
            others.append(f"'{sheet.name}'")
    if chosen is None:
        return None, None, []
    return chosen, chosen_xml, others


def _column_index(letters: bytes) -> int:
    index = 0
    for byte in letters:
        index = index * 26 + (byte - 64)
    return index - 1


def _check_used_area(xml: bytes, sheet: str, path: Path) -> None:
    """Refuse a sheet whose used area (up to its last value) is too large for calamine's rectangle.

    Cheap searches bound the area first; only a sheet that might be too large is measured cell by
    cell, counting only cells with a value (formatting alone reaches far in many real sheets).
    """
    columns = 16384 if _COLS_3.search(xml) else 702 if _COLS_2.search(xml) else 26
    rows = 1_048_576 if _ROWS_7.search(xml) else 999_999 if _ROWS_6.search(xml) else 99_999
    if rows * columns <= MAX_SHEET_CELLS and rows <= MAX_ROWS:
        return
    last_row, last_column, far = 0, 0, ""
    for match in _VALUED_CELL.finditer(xml):
        row, column = int(match.group(2)), _column_index(match.group(1))
        if row > last_row:
            last_row = row
        if column > last_column:
            last_column = column
        if row * (column + 1) > MAX_SHEET_CELLS and not far:
            far = (match.group(1) + match.group(2)).decode()
    if last_row > MAX_ROWS + HEADER_SEARCH_ROWS and last_row * (last_column + 1) <= MAX_SHEET_CELLS:
        raise too_many_rows(path, last_row)
    if last_row * (last_column + 1) > MAX_SHEET_CELLS:
        where = f" (for example in cell {far})" if far else ""
        raise unreadable(
            "list.sheet_too_large",
            f"The sheet '{sheet}' in {path.name} has values up to row {last_row:,} and column "
            f"{last_column + 1:,}{where}: far more than a mailbox list.",
            "Usually a stray value far below or to the right of the list.",
            "In Excel press Ctrl+End to jump to the last used cell, delete the stray values (or the rows "
            "and columns after the list), save, and try again.",
        )


_CELL_WINDOW = 32_768  # a cell's XML is far shorter; searches never look further than this


def formula_notes(xml: bytes, path: Path | None = None) -> dict[tuple[int, int], str]:
    """Cells whose value calamine reads as empty although Excel shows something else:
    (row, 0-based column) -> "formula" (a formula never calculated) or the error shown ("#REF!").

    The searches move forward only and look back no further than the previous hit, and the bytes
    they scan are budgeted, so a hostile sheet full of formula tags cannot make this quadratic.
    """
    notes: dict[tuple[int, int], str] = {}
    budget = 4 * len(xml) + (1 << 20)
    prefixed = _FORMULA_PREFIXED.search(xml) is not None if b":sheetData" in xml else False
    formulas = _FORMULA_PREFIXED if prefixed else _FORMULA_PLAIN
    done = 0  # everything before this offset has been looked at
    for match in formulas.finditer(xml):
        if match.start() < done:
            continue
        colon = xml.find(b":", match.start(), match.end())
        prefix = xml[match.start() + 1 : colon + 1] if colon >= 0 else b""
        low = max(done, match.start() - _CELL_WINDOW)
        start = xml.rfind(b"<" + prefix + b"c ", low, match.start())
        end = xml.find(b"</" + prefix + b"c>", match.end(), match.end() + _CELL_WINDOW)
        budget -= (match.start() - low) + (end - match.end() if end >= 0 else _CELL_WINDOW)
        if budget < 0:
            raise _damaged(path or Path("workbook"), "its formulas cannot be read")
        done = match.end() if end < 0 else end
        if start < 0 or end < 0:
            continue
        cell = xml[start:end]
        tag_end = cell.find(b">")
        ref = _REF.search(cell, 0, tag_end)
        if ref is None:
            continue
        kind = _TYPE.search(cell, 0, tag_end)
        value = _VALUE.search(cell, tag_end)
        key = (int(ref.group(2)), _column_index(ref.group(1)))
        cell_type = kind.group(1) if kind else b"n"
        if cell_type == b"e":
            notes[key] = value.group(1).decode("utf-8", "replace") if value else "#VALUE!"
        elif value is None or (not value.group(1).strip() and cell_type not in (b"str", b"inlineStr")):
            notes[key] = "formula"
    done = 0
    for match in _ERROR_TYPE.finditer(xml):
        if match.start() < done:
            continue
        low = max(done, match.start() - 1024)
        start = xml.rfind(b"<", low, match.start())
        end = xml.find(b">", match.end(), match.end() + 1024)
        budget -= (match.start() - low) + (end - match.end() if end >= 0 else 1024)
        if budget < 0:
            raise _damaged(path or Path("workbook"), "its error cells cannot be read")
        done = match.end() if end < 0 else end
        if start < 0 or end < 0:
            continue
        tag = xml[start:end]
        if not re.match(rb"<(?:\w+:)?c\s", tag):
            continue
        ref = _REF.search(tag)
        if ref is None:
            continue
        key = (int(ref.group(2)), _column_index(ref.group(1)))
        if key not in notes:
            value = _VALUE.search(xml, end, end + 200)
            notes[key] = value.group(1).decode("utf-8", "replace") if value else "#VALUE!"
    return notes


Span = tuple[tuple[int, int], tuple[int, int]]


def _calamine_grid(data: bytes, sheet: str, path: Path) -> tuple[Sequence[Sequence[object]], list[Span]]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            sheet_data = workbook.get_sheet_by_name(sheet)
            grid = sheet_data.to_python(skip_empty_area=False)
            merged = sheet_data.merged_cell_ranges or []
        finally:
            workbook.close()
    except python_calamine.PasswordError:
        raise unreadable(
            "list.encrypted",
            f"{path.name} is protected with a password.",
            fix="Open it in Excel, remove the password, save, and try again.",
        ) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's Rust panics arrive as pyo3's PanicException
        raise _damaged(path, f"the sheet could not be parsed ({type(exc).__name__})") from None
    return grid, list(merged)


def _fill_rows(table: RawTable, grid: Sequence[Sequence[object]]) -> None:
    rows = table.rows
    numbers = table.numbers
    for index, values in enumerate(grid):
        # Nearly every cell is text (empty cells too): convert the rest in a second, rare pass.
        cells: list[str | None] = [v.strip(TRIM) if type(v) is str else None for v in values]
        if None in cells:
            for column, value in enumerate(values):
                if cells[column] is None:
                    cells[column] = cell_text(value)
                    if type(value) is float or type(value) is int:
                        numbers.add((index + 1, column))
        if any(cells):
            rows.append((index + 1, cells))  # type: ignore[arg-type]  # no None is left


def cell_text(value: object) -> str:
    """A cell's value as Excel shows it in the General format (TRUE for a boolean, 1 for 1.0)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g").upper()
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).strip(TRIM) if value is not None else ""
