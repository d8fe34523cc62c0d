"""The corpus of mailbox lists: each file as admins (and attackers) make them, with exactly the
problems Mailstage must report for it: (row, column, code).

Small real-looking CSV exports are committed under data/; everything else is built here, XLSX
with openpyxl (and, where openpyxl cannot, by editing the workbook's XML as Excel writes it).
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from engine.lists import MailboxList

DATA = Path(__file__).parent / "data"

Expected = tuple[int | None, str | None, str]


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    problems: tuple[Expected, ...] = ()
    unreadable: str | None = None  # the ListUnreadable code expected instead of a list
    sheet: str | None = None
    check: Callable[[MailboxList], None] | None = None
    tags: frozenset[str] = field(default_factory=frozenset)


CASES: list[Case] = []


def case(
    name: str,
    problems: Iterable[Expected] = (),
    *,
    unreadable: str | None = None,
    sheet: str | None = None,
    check: Callable[[MailboxList], None] | None = None,
    tags: Iterable[str] = (),
) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
        CASES.append(Case(name, make, tuple(problems), unreadable, sheet, check, frozenset(tags)))
        return make

    return register


# -- helpers ---------------------------------------------------------------------------------------


def write_text(
    folder: Path, name: str, lines: Sequence[str], *, encoding: str = "utf-8", bom: bytes = b""
) -> Path:
    path = folder / name
    path.write_bytes(bom + ("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def committed(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return Path(shutil.copy(DATA / name, folder / name))

    return make


def workbook(
    folder: Path,
    name: str,
    rows: Sequence[Sequence[object]],
    *,
    title: str = "Postvakken",
    merges: Sequence[str] = (),
    before: Callable[[Workbook], None] | None = None,
    after: Callable[[Workbook], None] | None = None,
) -> Path:
    book = Workbook()
    if before is not None:
        before(book)  # sets up the first sheet itself; the list goes on a sheet after it
        sheet = book.create_sheet(title)
    else:
        sheet = book.active
        sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for span in merges:
        sheet.merge_cells(span)
    if after is not None:
        after(book)
    path = folder / name
    book.save(path)
    return path


def edit_part(path: Path, part: str, edit: Callable[[bytes], bytes]) -> Path:
    """Rewrite one part of a workbook, as Excel would have written it (e.g. with cached values)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info.filename, edit(data) if info.filename == part else data)
    return path


def cache_formula_value(xml: bytes, ref: str, value: str, kind: str = "str") -> bytes:
    """Give the formula cell REF a cached result, as Excel stores it after calculating."""
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"([^>]*)><f>(.*?)</f><v\s*/>(</c>)')
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").encode()
    replaced, count = pattern.subn(
        lambda m: (
            b'<c r="'
            + ref.encode()
            + b'" t="'
            + kind.encode()
            + b'"><f>'
            + m.group(2)
            + b"</f><v>"
            + escaped
            + b"</v></c>"
        ),
        xml,
    )
    assert count == 1, f"no formula cell {ref} to give a value"
    return replaced


SHEET1 = "xl/worksheets/sheet1.xml"


# -- CSV as Excel and others write it -----------------------------------------------------------

case(
    "committed Dutch Excel export: semicolons, Windows-1252 (é, ë), several problems",
    [
        (1, "Afdeling", "column.unknown"),
        (4, "EmailAddress", "address.bad_domain"),
        (5, "Password", "password.too_short"),
        (6, "ForceChangePassword", "force_change.not_boolean"),
        (7, "EmailAddress", "address.duplicate"),
        (9, "EmailAddress", "address.space"),
    ],
    check=lambda lst: (
        _equal(lst.source.encoding, "Windows-1252"),
        _equal(lst.source.delimiter, ";"),
        _equal([e.display_name for e in lst.entries][:3], ["André de Vries", "Zoë Jansen", "Eëlco Brouwer"]),
        _equal(lst.entries[0].force_change_password, True),
        _equal(lst.problems_for_row(7)[0].related_rows, (2,)),
    ),
    tags={"dutch"},
)(committed("nl-excel-puntkomma-cp1252.csv"))

case(
    "committed Dutch Excel 'CSV UTF-8' export: BOM, WAAR/ONWAAR, IDN domain accepted",
    [(3, "EmailAddress", "address.non_ascii_local")],
    check=lambda lst: (
        _equal(lst.source.encoding, "UTF-8 with BOM"),
        _equal([e.force_change_password for e in lst.entries], [True, False, True, None]),
        _equal(lst.entries[2].address_key, "bram@xn--caf-de-hoek-dbb.nl"),
        _equal(len(lst.ready_entries()), 4),
    ),
    tags={"dutch"},
)(committed("nl-excel-csv-utf8-bom.csv"))

case(
    "committed Excel 'Unicode text': UTF-16 with BOM and tabs, IMAP format",
    [(5, "EmailAddress", "address.space")],
    check=lambda lst: (
        _equal(lst.source.encoding, "UTF-16 with BOM"),
        _equal(lst.source.delimiter, "\t"),
        _equal(str(lst.format.kind) if lst.format else None, "imap"),
        _equal(lst.entries[2].login, "CONTOSO\\paul.cannon"),
    ),
)(committed("excel-unicode-text-utf16.txt"))

case(
    "committed Microsoft staged example: clean",
    check=lambda lst: (
        _equal(len(lst.ready_entries()), 4),
        _equal(str(lst.format.kind) if lst.format else None, "staged"),
    ),
)(committed("microsoft-staged.csv"))


@case("tab-separated UTF-8 without BOM, Dutch IMAP headers", [])
def _tab(folder: Path) -> Path:
    return write_text(
        folder,
        "gebruikers.tsv",
        [
            "E-mailadres\tGebruikersnaam\tWachtwoord",
            "piet@voorbeeld.nl\tpiet\tGeheim-123",
            "kees@voorbeeld.nl\tkees\tGeheim-456",
        ],
    )


@case(
    "quoted values with commas and line breaks inside, comma-separated",
    [],
    check=lambda lst: (
        _equal(lst.entries[0].display_name, "Vries, Jan de"),
        _equal([e.row for e in lst.entries], [2, 3, 4]),
        _equal(lst.entries[1].display_name, "Bakker,\r\nKees"),
    ),
)
def _quoted(folder: Path) -> Path:
    return write_text(
        folder,
        "quoted.csv",
        [
            "DisplayName,EmailAddress,Password",
            '"Vries, Jan de",jan@voorbeeld.nl,"Pa,ss;word1"',
            '"Bakker,\r\nKees",kees@voorbeeld.nl,Wachtwoord1',  # one Excel row across two lines
            "Piet,piet@voorbeeld.nl,Wachtwoord2",
        ],
    )


@case(
    "rows with more or fewer cells than the header",
    [
        (1, "column D", "column.no_header"),
        (3, None, "row.cell_count"),
        (3, "Password", "password.too_short"),
        (3, "ForceChangePassword", "force_change.not_boolean"),
        (4, None, "row.cell_count"),
        (5, None, "row.extra_empty_cells"),
    ],
)
def _cell_count(folder: Path) -> Path:
    return write_text(
        folder,
        "cells.csv",
        [
            "EmailAddress;Password;ForceChangePassword",
            "a@voorbeeld.nl;Wachtwoord1;True",
            "b@voorbeeld.nl;Wacht;woord2;False",  # an unquoted ; in the password
            "c@voorbeeld.nl;Wachtwoord3",
            "d@voorbeeld.nl;Wachtwoord4;False;;",
        ],
    )


@case(
    "unknown columns are named as warnings; a column without a header is ignored",
    [
        (1, "Afdeling", "column.unknown"),
        (1, "Telefoon", "column.unknown"),
        (1, "column E", "column.no_header"),
    ],
)
def _unknown(folder: Path) -> Path:
    return write_text(
        folder,
        "extra.csv",
        [
            "EmailAddress;Afdeling;Password;Telefoon;",
            "a@voorbeeld.nl;Verkoop;Wachtwoord1;0201234567;notitie",
            "b@voorbeeld.nl;Inkoop;Wachtwoord2;0207654321;",
        ],
    )


@case("no EmailAddress column", [(1, "EmailAddress", "column.missing"), (1, "Telefoon", "column.unknown")])
def _missing_email(folder: Path) -> Path:
    return write_text(folder, "noemail.csv", ["Naam,Wachtwoord,Telefoon", "Jan,Wachtwoord1,0612345678"])


@case("IMAP list without a Password column", [(1, "Password", "column.missing")])
def _imap_no_password(folder: Path) -> Path:
    return write_text(folder, "imap.csv", ["EmailAddress,UserName", "a@voorbeeld.nl,a", "b@voorbeeld.nl,b"])


@case("a list without a header row", [(1, None, "header.missing")])
def _headerless(folder: Path) -> Path:
    return write_text(
        folder, "headerless.csv", ["jan@voorbeeld.nl;Wachtwoord1", "piet@voorbeeld.nl;Wachtwoord2"]
    )


@case("an empty file (0 bytes)", [(None, None, "list.empty")])
def _empty(folder: Path) -> Path:
    path = folder / "leeg.csv"
    path.write_bytes(b"")
    return path


@case("a file with only a BOM, separators and blank lines", [(None, None, "list.empty")])
def _blank(folder: Path) -> Path:
    return write_text(folder, "blank.csv", [";;", "", " ; ;\u00a0", ""], bom=b"\xef\xbb\xbf")


@case("a header without mailboxes", [(1, None, "list.no_entries")])
def _header_only(folder: Path) -> Path:
    return write_text(folder, "header.csv", ["EmailAddress,Password,ForceChangePassword"])


ADDRESS_CASES: list[tuple[str, str | None]] = [
    ("goed@voorbeeld.nl", None),
    ("jan.voorbeeld.nl", "address.no_at"),
    ("jan@@voorbeeld.nl", "address.several_at"),
    ("jan de vries@voorbeeld.nl", "address.space"),
    ("jan\u00a0devries@voorbeeld.nl", "address.space"),
    ("jan@voorbeeld", "address.bad_domain"),
    ("jan@voorbeeld..nl", "address.bad_domain"),
    ("jan@voor_beeld.nl", "address.bad_domain"),
    ("jan@192.168.1.10", "address.bad_domain"),
    ("jan..devries@voorbeeld.nl", "address.bad_local"),
    (".jan@voorbeeld.nl", "address.bad_local"),
    ("@voorbeeld.nl", "address.no_local_part"),
    ("jan@", "address.no_domain"),
    ("Jan de Vries <jan@voorbeeld.nl>", "address.display_name"),
    ("mailto:jan@voorbeeld.nl", "address.mailto"),
    ("jan@voorbeeld.nl; piet@voorbeeld.nl", "address.several_addresses"),
    ("VOORBEELD\\jan", "address.no_at"),
    ("x" * 65 + "@voorbeeld.nl", "address.too_long"),
    ("jan@bücher.example", None),
    ("jan@xn--caf-dma.nl", None),
    ("jürgen@voorbeeld.nl", "address.non_ascii_local"),
]


@case(
    "invalid addresses, each with its reason; IDN domains accepted",
    [(row, "EmailAddress", code) for row, (_a, code) in enumerate(ADDRESS_CASES, 2) if code],
)
def _addresses(folder: Path) -> Path:
    return write_text(folder, "addresses.csv", ["EmailAddress"] + [f'"{a}"' for a, _ in ADDRESS_CASES])


@case(
    "the same mailbox twice: case, IDN and punycode forms; the later rows name the first",
    [
        (4, "EmailAddress", "address.duplicate"),
        (5, "EmailAddress", "address.duplicate"),
        (7, "EmailAddress", "address.duplicate"),
    ],
    check=lambda lst: (
        _equal([p.related_rows for p in lst.problems], [(2,), (3,), (2,)]),
        _contains(lst.problems_for_row(4)[0].message, "row 2"),
    ),
)
def _duplicates(folder: Path) -> Path:
    return write_text(
        folder,
        "dubbel.csv",
        [
            "EmailAddress",
            "jan@voorbeeld.nl",
            "els@café.nl",
            "JAN@Voorbeeld.NL",
            "els@xn--caf-dma.nl",
            "piet@voorbeeld.nl",
            "jan@voorbeeld.nl",
        ],
        encoding="utf-8",
        bom=b"\xef\xbb\xbf",
    )


@case(
    "staged passwords: shorter than 8 is an error, 8 or empty is fine",
    [(3, "Password", "password.too_short")],
)
def _staged_passwords(folder: Path) -> Path:
    return write_text(
        folder,
        "pw.csv",
        ["EmailAddress,Password", "a@voorbeeld.nl,12345678", "b@voorbeeld.nl,1234567", "c@voorbeeld.nl,"],
    )


@case(
    "IMAP passwords and logins: short and missing are warnings",
    [
        (3, "Password", "password.too_short"),
        (4, "Password", "password.missing"),
        (5, "UserName", "login.missing"),
    ],
    check=lambda lst: (_equal(len(lst.ready_entries()), 4), _equal(lst.has_errors, False)),
)
def _imap_passwords(folder: Path) -> Path:
    return write_text(
        folder,
        "imap-pw.csv",
        [
            "EmailAddress,UserName,Password,UserRoot",
            "a@voorbeeld.nl,a,Geheim-123,/users/a",
            "b@voorbeeld.nl,b,kort,",
            "c@voorbeeld.nl,c,,",
            "d@voorbeeld.nl,,Geheim-456,",
        ],
    )


BOOLEANS = ["True", "false", "WAAR", "Onwaar", "ja", "NEE", "1", "0", "yes", "No", ""]


@case(
    "ForceChangePassword: True/False, Waar/Onwaar, Ja/Nee, 1/0, yes/no in any case; others are errors",
    [
        (13, "ForceChangePassword", "force_change.not_boolean"),
        (14, "ForceChangePassword", "force_change.not_boolean"),
    ],
    check=lambda lst: _equal(
        [e.force_change_password for e in lst.entries][:11],
        [True, False, True, False, True, False, True, False, True, False, None],
    ),
)
def _booleans(folder: Path) -> Path:
    rows = [f"u{i}@voorbeeld.nl;{value}" for i, value in enumerate([*BOOLEANS, "Misschien", "2"])]
    return write_text(folder, "bool.csv", ["EmailAddress;ForceChangePassword", *rows])


@case(
    "title rows above the header: rows keep the numbers Excel shows",
    [(6, "EmailAddress", "address.bad_domain")],
    check=lambda lst: _equal((lst.header_row, [e.row for e in lst.entries]), (4, [5, 6, 7])),
)
def _csv_title(folder: Path) -> Path:
    return write_text(
        folder,
        "titel.csv",
        [
            "Migratie Exchange 2007 - batch 1;;",
            "Gemaakt door: ICT;;",
            ";;",
            "E-mailadres;Wachtwoord;WachtwoordWijzigen",
            "a@voorbeeld.nl;Welkom-2024;Waar",
            "b@voorbeeld;Welkom-2024;Waar",
            "c@voorbeeld.nl;Welkom-2024;Waar",
        ],
        encoding="cp1252",
    )


@case(
    "Excel's sep= line sets the delimiter and is not a row",
    [(3, "EmailAddress", "address.no_at")],
    check=lambda lst: _equal(lst.source.delimiter, ","),
)
def _sep_line(folder: Path) -> Path:
    return write_text(
        folder,
        "sep.csv",
        ["sep=,", "EmailAddress,Password", "a@voorbeeld.nl,Wachtwoord1", "geen-adres,Wachtwoord2"],
    )


@case(
    "a quote that is never closed: the row is refused, the rows before it are kept",
    [(3, None, "row.unclosed_quote")],
    check=lambda lst: (_equal([e.row for e in lst.entries], [2]), _absent(lst, "Geheim-999")),
)
def _unclosed(folder: Path) -> Path:
    return write_text(
        folder,
        "quote.csv",
        [
            "EmailAddress;DisplayName;Password",
            "a@voorbeeld.nl;Jan;Geheim-111",
            'b@voorbeeld.nl;"Piet van Dam;Geheim-222',
            "c@voorbeeld.nl;Kees;Geheim-999",
            "d@voorbeeld.nl;Els;Geheim-444",
        ],
    )


@case(
    "more than 2,000 mailboxes: a warning that offers a split, not a refusal",
    [(None, None, "list.over_batch_limit")],
    check=lambda lst: (
        _equal(len(lst.ready_entries()), 2345),
        _equal([len(b.entries) for b in lst.split_into_batches()], [2000, 345]),
    ),
)
def _over_limit(folder: Path) -> Path:
    return write_text(
        folder, "groot.csv", ["EmailAddress"] + [f"gebruiker{i}@voorbeeld.nl" for i in range(2345)]
    )


@case(
    "a Batch column: a batch over 2,000 and a batch name over 64 characters",
    [(None, None, "list.over_batch_limit"), (2015, "Batch", "batch.name_too_long")],
    check=lambda lst: _equal(
        [(b.name, len(b.entries)) for b in lst.split_into_batches()],
        [("Verkoop (1 of 2)", 2000), ("Verkoop (2 of 2)", 1), ("Inkoop", 10), ("Batch 1", 2)],
    ),
)
def _batch_column(folder: Path) -> Path:
    rows = [f"v{i}@voorbeeld.nl,Verkoop" for i in range(2001)]
    rows += [f"i{i}@voorbeeld.nl,Inkoop" for i in range(10)]
    rows += ["los1@voorbeeld.nl,", "los2@voorbeeld.nl,", "lang@voorbeeld.nl," + "x" * 65]
    return write_text(folder, "batches.csv", ["EmailAddress,Batch", *rows])


@case(
    "cells that a spreadsheet would run as formulas are read as text",
    [(3, "EmailAddress", "address.space")],
    check=lambda lst: _equal(lst.entries[0].display_name, '=HYPERLINK("http://evil.example","klik")'),
)
def _formula_text(folder: Path) -> Path:
    return write_text(
        folder,
        "formules.csv",
        [
            "EmailAddress,DisplayName,Password",
            'a@voorbeeld.nl,"=HYPERLINK(""http://evil.example"",""klik"")",Geheim-123',
            "=cmd|' /C calc'!A0,@SUM(1),Geheim-456",
        ],
    )


@case(
    "Windows-1252 bytes that are undefined there are still read (as Latin-1)",
    [(2, "EmailAddress", "address.invisible_character")],
    check=lambda lst: _equal((lst.source.encoding, lst.entries[0].display_name), ("ISO-8859-1", "Jé")),
)
def _latin1(folder: Path) -> Path:
    path = folder / "latin1.csv"
    path.write_bytes(b"EmailAddress;DisplayName\r\nj\x81n@voorbeeld.nl;J\xe9\r\n")
    return path


@case(
    "UTF-8 with a BOM but a stray Windows-1252 byte: read, with a warning",
    [(None, None, "list.bad_characters")],
    check=lambda lst: _equal(lst.entries[0].display_name, "Ren\ufffd"),
)
def _mixed(folder: Path) -> Path:
    path = folder / "mixed.csv"
    path.write_bytes(b"\xef\xbb\xbfEmailAddress;DisplayName\r\nrene@voorbeeld.nl;Ren\xe9\r\n")
    return path


@case("UTF-16 without a BOM is recognised", [])
def _utf16_nobom(folder: Path) -> Path:
    path = folder / "utf16.txt"
    path.write_bytes(
        "EmailAddress\tPassword\r\nzoë@voorbeeld.nl\tGeheim-123\r\n".replace("zoë", "zoe").encode("utf-16-le")
    )
    return path


@case(
    "an apostrophe Mailstage put before a formula-like value is taken off when read back",
    [],
    check=lambda lst: _equal(lst.entries[0].display_name, "-Vacature-"),
)
def _apostrophe(folder: Path) -> Path:
    return write_text(folder, "apostrof.csv", ["EmailAddress,DisplayName", "a@voorbeeld.nl,'-Vacature-"])


# -- not lists at all (and hostile files) ---------------------------------------------------------


@case("a PDF renamed to .csv", unreadable="list.not_a_list", tags={"hostile"})
def _pdf(folder: Path) -> Path:
    path = folder / "lijst.csv"
    path.write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 20
    )
    return path


@case("an old Excel 97-2003 workbook (.xls)", unreadable="list.legacy_xls", tags={"hostile"})
def _xls(folder: Path) -> Path:
    path = folder / "lijst.xls"
    # The compound-file signature and a directory entry named "Workbook", as in every BIFF8 .xls.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "Root Entry".encode("utf-16-le").ljust(128, b"\x00") + "Workbook".encode("utf-16-le").ljust(
        128, b"\x00"
    )
    path.write_bytes(header + directory + b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\x00" * 2048)
    return path


@case("an Excel workbook encrypted with a password", unreadable="list.encrypted", tags={"hostile"})
def _encrypted(folder: Path) -> Path:
    path = folder / "beveiligd.xlsx"
    # Excel saves an encrypted .xlsx as a compound file with EncryptionInfo and EncryptedPackage.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = b"".join(
        n.encode("utf-16-le").ljust(128, b"\x00")
        for n in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    path.write_bytes(header + names + b"\x00" * 4096)
    return path


@case("a web page saved as .xls (an HTML table)", unreadable="list.html", tags={"hostile"})
def _html(folder: Path) -> Path:
    path = folder / "export.xls"
    path.write_text(
        "<html><body><table><tr><td>EmailAddress</td></tr><tr><td>a@voorbeeld.nl</td></tr></table></body></html>"
    )
    return path


@case("an Excel 2003 XML spreadsheet", unreadable="list.spreadsheet_xml", tags={"hostile"})
def _spreadsheetml(folder: Path) -> Path:
    path = folder / "export.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        "<Worksheet><Table><Row><Cell><Data>EmailAddress</Data></Cell></Row></Table></Worksheet></Workbook>"
    )
    return path


@case("random binary data named .csv", unreadable="list.not_a_list", tags={"hostile"})
def _binary(folder: Path) -> Path:
    path = folder / "random.csv"
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(20000)))
    return path


@case("a Word document renamed to .xlsx", unreadable="list.not_a_list", tags={"hostile"})
def _docx(folder: Path) -> Path:
    path = folder / "lijst.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


@case("an OpenDocument spreadsheet renamed to .xlsx", unreadable="list.opendocument", tags={"hostile"})
def _ods(folder: Path) -> Path:
    path = folder / "lijst.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


@case(
    "a workbook cut off halfway (an interrupted download)",
    unreadable="list.damaged_workbook",
    tags={"hostile"},
)
def _truncated(folder: Path) -> Path:
    path = _clean_workbook(folder, "heel.xlsx")
    data = path.read_bytes()
    cut = folder / "half.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    return cut


@case("a file over the size bound (a sparse 60 MB file)", unreadable="list.too_large", tags={"hostile"})
def _too_large(folder: Path) -> Path:
    path = folder / "enorm.csv"
    with path.open("wb") as handle:
        handle.write(b"EmailAddress\r\n")
        handle.truncate(60 * 1024 * 1024)
    return path


@case("a CSV with more than 250,000 mailboxes", unreadable="list.too_many_rows", tags={"hostile"})
def _too_many_rows(folder: Path) -> Path:
    return write_text(folder, "alles.csv", ["EmailAddress", *(f"u{i}@voorbeeld.nl" for i in range(250_001))])


@case("an XLSX with a stray value on row 300,000", unreadable="list.too_many_rows", tags={"hostile"})
def _far_row(folder: Path) -> Path:
    def stray(book: Workbook) -> None:
        book.active["A300000"] = "x"

    return workbook(folder, "lang.xlsx", [["EmailAddress"], ["a@voorbeeld.nl"]], after=stray)


@case("a 200 KB cell (beyond any list)", unreadable="list.cell_too_large", tags={"hostile"})
def _huge_cell(folder: Path) -> Path:
    return write_text(folder, "cel.csv", ["EmailAddress,Notes", "a@voorbeeld.nl," + "x" * 200_000])


@functools.cache
def _bomb_workbook(declared_size: int | None) -> bytes:
    """A workbook whose sheet unpacks to 210 MB of spaces (about 200 KB packed); with
    DECLARED_SIZE, its zip headers claim that size instead (a bomb that lies)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open(SHEET1, "w") as sheet:
            chunk = b" " * (1 << 20)
            for _ in range(210):
                sheet.write(chunk)
    data = bytearray(buffer.getvalue())
    if declared_size is not None:
        info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET1)
        struct.pack_into("<I", data, info.header_offset + 22, declared_size)  # local header
        entry = data.find(b"PK\x01\x02")
        while entry != -1:
            name_length = struct.unpack("<H", data[entry + 28 : entry + 30])[0]
            if bytes(data[entry + 46 : entry + 46 + name_length]) == SHEET1.encode():
                struct.pack_into("<I", data, entry + 24, declared_size)  # central directory
            entry = data.find(b"PK\x01\x02", entry + 46)
    return bytes(data)


@case("a zip bomb: a sheet that unpacks to 210 MB", unreadable="list.zip_bomb", tags={"hostile"})
def _bomb(folder: Path) -> Path:
    path = folder / "bom.xlsx"
    path.write_bytes(_bomb_workbook(None))
    return path


@case("a zip bomb that lies about its size in the zip headers", unreadable="list.zip_bomb", tags={"hostile"})
def _lying_bomb(folder: Path) -> Path:
    path = folder / "leugen.xlsx"
    data = _bomb_workbook(1000)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET1).file_size == 1000
    path.write_bytes(data)
    return path


@case(
    "a workbook whose workbook.xml is an entity-expansion bomb (billion laughs)",
    unreadable="list.damaged_workbook",
    tags={"hostile"},
)
def _laughs(folder: Path) -> Path:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    workbook_xml = f'<?xml version="1.0"?><!DOCTYPE workbook [{entities}]><workbook><sheets><sheet name="&a9;" sheetId="1" r:id="rId1" xmlns:r="x"/></sheets></workbook>'
    path = folder / "lach.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook_xml)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr(
            SHEET1,
            '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>EmailAddress</t></is></c></row></sheetData></worksheet>',
        )
    return path


_ROOT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


# -- XLSX as Excel makes them ----------------------------------------------------------------------


def _clean_workbook(folder: Path, name: str) -> Path:
    return workbook(
        folder,
        name,
        [
            ["EmailAddress", "Password", "ForceChangePassword"],
            ["annb@contoso.com", "Pa$$w0rd2024", False],
            ["paulc@contoso.com", "Pa$$w0rd2025", True],
        ],
    )


case("XLSX in Microsoft's staged format: clean", check=lambda lst: _equal(len(lst.ready_entries()), 2))(
    lambda folder: _clean_workbook(folder, "staged.xlsx")
)
case("an XLSX renamed to .csv is read as a workbook", check=lambda lst: _equal(lst.source.kind, "xlsx"))(
    lambda folder: _clean_workbook(folder, "eigenlijk-excel.csv")
)


@case(
    "XLSX with title rows (merged title) above the header: Excel's row numbers",
    [
        (4, "Opmerking", "column.unknown"),
        (7, "EmailAddress", "address.no_at"),
        (8, "Password", "password.too_short"),
    ],
    check=lambda lst: (_equal(lst.header_row, 4), _equal(lst.entries[0].row, 5)),
)
def _xlsx_title(folder: Path) -> Path:
    return workbook(
        folder,
        "titel.xlsx",
        [
            ["Migratie naar Microsoft 365 - batch Verkoop"],
            ["Versie 3, bijgewerkt door ICT", None, None],
            [],
            ["E-mailadres", "Wachtwoord", "WachtwoordWijzigen", "Opmerking"],
            ["a@voorbeeld.nl", "Welkom-2024", "Waar", None],
            ["b@voorbeeld.nl", "Welkom-2024", "Onwaar", "let op"],
            ["c.voorbeeld.nl", "Welkom-2024", "Waar", None],
            ["d@voorbeeld.nl", "kort", "Waar", None],
        ],
        merges=["A1:C1"],
    )


def _formula_book(folder: Path, name: str) -> Path:
    return workbook(
        folder,
        name,
        [
            ["Voornaam", "EmailAddress", "Password"],
            ["jan", '=LOWER(A2)&"@voorbeeld.nl"', "Geheim-123"],
            ["piet", '=LOWER(A3)&"@voorbeeld.nl"', '="Geheim-"&456'],
            ["kees", "=VLOOKUP(A4,Oud!A:B,2,FALSE)", "Geheim-789"],
        ],
    )


@case(
    "XLSX with formulas: the values Excel calculated and cached are read",
    [(1, "Voornaam", "column.unknown")],
    check=lambda lst: _equal(
        [e.address for e in lst.entries], ["jan@voorbeeld.nl", "piet@voorbeeld.nl", "kees@voorbeeld.nl"]
    ),
)
def _formulas_cached(folder: Path) -> Path:
    path = _formula_book(folder, "formules.xlsx")

    def calculated(xml: bytes) -> bytes:
        xml = cache_formula_value(xml, "B2", "jan@voorbeeld.nl")
        xml = cache_formula_value(xml, "B3", "piet@voorbeeld.nl")
        xml = cache_formula_value(xml, "C3", "Geheim-456")
        return cache_formula_value(xml, "B4", "kees@voorbeeld.nl")

    return edit_part(path, SHEET1, calculated)


@case(
    "XLSX with a formula error (#N/A) and a formula never calculated",
    [
        (1, "Voornaam", "column.unknown"),
        (3, "Password", "cell.formula_not_calculated"),
        (4, "EmailAddress", "cell.formula_error"),
    ],
    check=lambda lst: _contains(lst.problems_for_row(4)[0].message, "#N/A"),
)
def _formulas_broken(folder: Path) -> Path:
    path = _formula_book(folder, "kapot.xlsx")

    def partly(xml: bytes) -> bytes:
        xml = cache_formula_value(xml, "B2", "jan@voorbeeld.nl")
        xml = cache_formula_value(xml, "B3", "piet@voorbeeld.nl")
        return cache_formula_value(xml, "B4", "#N/A", kind="e")

    return edit_part(path, SHEET1, partly)


@case(
    "XLSX with a typed error value in the address column",
    [(2, "EmailAddress", "cell.formula_error")],
)
def _error_value(folder: Path) -> Path:
    # openpyxl stores "#REF!" as an error cell, as Excel does after a deleted reference.
    return workbook(
        folder,
        "fout.xlsx",
        [["EmailAddress", "Password"], ["#REF!", "Geheim-123"], ["a@voorbeeld.nl", "Geheim-456"]],
    )


def _hidden_first(book: Workbook) -> None:
    old = book.active
    old.title = "Oud"
    old.append(["EmailAddress", "Password"])
    old.append(["geen adres", "x"])
    old.sheet_state = "hidden"


@case(
    "XLSX whose first sheet is hidden: the visible sheet is read",
    [],
    check=lambda lst: (
        _equal(lst.source.sheet, "Postvakken"),
        _equal([s.hidden for s in lst.source.sheets], [True, False]),
    ),
)
def _hidden(folder: Path) -> Path:
    return workbook(
        folder,
        "verborgen.xlsx",
        [["EmailAddress", "Password"], ["a@voorbeeld.nl", "Geheim-123"]],
        before=_hidden_first,
    )


@case("XLSX whose only data is on a hidden sheet", [(None, None, "sheet.only_hidden_has_data")])
def _only_hidden(folder: Path) -> Path:
    return workbook(folder, "alleen-verborgen.xlsx", [], before=_hidden_first)


@case(
    "a named hidden sheet is read when asked for",
    [(2, "EmailAddress", "address.space"), (2, "Password", "password.too_short")],
    sheet="oud",
)
def _named_hidden(folder: Path) -> Path:
    return workbook(
        folder,
        "gekozen.xlsx",
        [["EmailAddress", "Password"], ["a@voorbeeld.nl", "Geheim-123"]],
        before=_hidden_first,
    )


@case("asking for a sheet that is not there", unreadable="list.sheet_not_found", sheet="Batch 9")
def _no_such_sheet(folder: Path) -> Path:
    return _clean_workbook(folder, "zonder.xlsx")


def _second_sheet(book: Workbook) -> None:
    other = book.create_sheet("Batch 2")
    other.append(["EmailAddress"])
    other.append(["z@voorbeeld.nl"])


@case(
    "XLSX with two sheets of mailboxes: the first is read, the other named in a warning",
    [(None, None, "sheet.other_sheets_have_data")],
)
def _two_sheets(folder: Path) -> Path:
    return workbook(folder, "twee.xlsx", [["EmailAddress"], ["a@voorbeeld.nl"]], after=_second_sheet)


@case(
    "XLSX with a two-row header: group labels merged across, names merged down",
    [],
    check=lambda lst: (
        _equal(lst.header_row, 4),
        _equal([c.header for c in lst.columns], ["E-mailadres", "Gebruikersnaam", "Wachtwoord"]),
        _equal([e.login for e in lst.entries], ["jan", "piet"]),
    ),
)
def _merged_header(folder: Path) -> Path:
    return workbook(
        folder,
        "samengevoegd.xlsx",
        [
            ["Postvakken Exchange 2007"],
            [],
            ["E-mailadres", "Aanmelden op de oude server", None],
            [None, "Gebruikersnaam", "Wachtwoord"],
            ["jan@voorbeeld.nl", "jan", "Geheim-123"],
            ["piet@voorbeeld.nl", "piet", "Geheim-456"],
        ],
        merges=["A1:C1", "A3:A4", "B3:C3"],
    )


@case(
    "XLSX with a header cell merged over an empty column (for width)",
    [],
    check=lambda lst: _equal([c.letter for c in lst.columns], ["A", "B", "D"]),
)
def _merged_wide(folder: Path) -> Path:
    return workbook(
        folder,
        "breed.xlsx",
        [
            ["EmailAddress", "Password", None, "ForceChangePassword"],
            ["a@voorbeeld.nl", "Geheim-123", None, True],
        ],
        merges=["B1:C1"],
    )


@case(
    "XLSX with a header cell merged over two columns that both hold data",
    [(1, "Password", "column.duplicate")],
)
def _merged_two_columns(folder: Path) -> Path:
    return workbook(
        folder,
        "dubbelkop.xlsx",
        [["EmailAddress", "Password", None], ["a@voorbeeld.nl", "Geheim-123", "Oud-456"]],
        merges=["B1:C1"],
    )


@case(
    "XLSX with merged data cells (one batch name over three rows)",
    [(2, "Batch", "cell.merged")],
    check=lambda lst: _equal([e.batch for e in lst.entries], ["Verkoop", None, None]),
)
def _merged_data(folder: Path) -> Path:
    return workbook(
        folder,
        "batchcellen.xlsx",
        [
            ["EmailAddress", "Batch"],
            ["a@voorbeeld.nl", "Verkoop"],
            ["b@voorbeeld.nl", None],
            ["c@voorbeeld.nl", None],
        ],
        merges=["B2:B4"],
    )


@case(
    "XLSX numbers and booleans as Excel shows them; a numeric password is flagged",
    [(2, "Password", "password.stored_as_number")],
    check=lambda lst: (
        _equal([e.force_change_password for e in lst.entries], [True, False, True]),
        _equal(lst.entries[0].password.reveal() if lst.entries[0].password else None, "12345678"),
        _equal(lst.entries[1].display_name, "1234.5"),
    ),
)
def _numbers(folder: Path) -> Path:
    return workbook(
        folder,
        "getallen.xlsx",
        [
            ["EmailAddress", "Password", "ForceChangePassword", "DisplayName"],
            ["a@voorbeeld.nl", 12345678, True, "Jan"],
            ["b@voorbeeld.nl", "Geheim-123", False, 1234.5],
            ["c@voorbeeld.nl", "Geheim-456", 1, "Kees"],
        ],
    )


@case("XLSX with a date where an address should be", [(2, "EmailAddress", "address.no_at")])
def _date(folder: Path) -> Path:
    import datetime

    return workbook(
        folder, "datum.xlsx", [["EmailAddress"], [datetime.datetime(2024, 3, 1)], ["a@voorbeeld.nl"]]
    )


@case(
    "XLSX with a stray value in the last cell of the sheet (XFD1048576)",
    unreadable="list.sheet_too_large",
    tags={"hostile"},
)
def _far_value(folder: Path) -> Path:
    def stray(book: Workbook) -> None:
        book.active["XFD1048576"] = "x"

    return workbook(folder, "ver.xlsx", [["EmailAddress"], ["a@voorbeeld.nl"]], after=stray)


@case("XLSX with formatting (no values) down to the last row and column", [])
def _far_format(folder: Path) -> Path:
    def styled(book: Workbook) -> None:
        book.active["XFD1048576"].font = Font(bold=True)
        book.active["C1048576"].font = Font(bold=True)

    return workbook(folder, "opmaak.xlsx", [["EmailAddress"], ["a@voorbeeld.nl"]], after=styled)


@case(
    "XLSX with Dutch IMAP headers and Mailstage's own columns",
    [],
    check=lambda lst: (
        _equal(
            lst.format.describe() if lst.format else None,
            "Microsoft IMAP format (EmailAddress, UserName, Password, UserRoot) with Mailstage's columns TargetLogin, Batch",
        ),
        _equal(lst.entries[0].target_login, "jan@nieuw.nl"),
    ),
)
def _dutch_imap(folder: Path) -> Path:
    return workbook(
        folder,
        "imap.xlsx",
        [
            ["E-mail adres", "Gebruikersnaam", "Wachtwoord", "UserRoot", "Doellogin", "Migratiebatch"],
            ["jan@voorbeeld.nl", "jan", "Geheim-123", "/users/jan", "jan@nieuw.nl", "Week 1"],
            ["piet@voorbeeld.nl", "piet", "Geheim-456", "/users/piet", None, "Week 1"],
        ],
    )


@case("an XLSX workbook without any value", [(None, None, "list.empty")])
def _empty_book(folder: Path) -> Path:
    return workbook(folder, "leeg.xlsx", [])


@case(
    "cells with spaces, non-breaking spaces and zero-width spaces around values",
    [],
    check=lambda lst: _equal(
        (lst.entries[0].address, lst.entries[0].display_name), ("jan@voorbeeld.nl", "Jan")
    ),
)
def _spaces(folder: Path) -> Path:
    return workbook(
        folder,
        "spaties.xlsx",
        [[" EmailAddress\u00a0", "Naam"], ["\u00a0 jan@voorbeeld.nl \u200b", "  Jan\t"]],
    )


# -- assertion helpers (usable inside lambdas) ---------------------------------------------------


def _equal(actual: object, expected: object) -> None:
    assert actual == expected, f"{actual!r} != {expected!r}"


def _contains(text: str, part: str) -> None:
    assert part in text, f"{part!r} not in {text!r}"


def _absent(mailbox_list: MailboxList, secret: str) -> None:
    everything = repr(mailbox_list) + repr(mailbox_list.as_dict(with_entries=True))
    assert secret not in everything, "a password from a refused row is still held"
