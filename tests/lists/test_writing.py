"""Writing lists back (rows to fix, batches), templates, splitting into batches, dropping rows."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
import python_calamine
from openpyxl import load_workbook

from engine.errors import BadInput
from engine.lists import ListKind, load_mailbox_list, neutralise, write_template
from tests.lists.corpus import DATA, write_text


def test_neutralise_puts_an_apostrophe_before_anything_a_spreadsheet_would_run() -> None:
    for value in ["=1+1", "+31 20 123", "-2", "@SUM(A1)", "\t=x", "\r=x"]:
        assert neutralise(value) == "'" + value
    for value in ["jan@voorbeeld.nl", "Jan", "", "1+1"]:
        assert neutralise(value) == value


def _formula_list(folder: Path) -> Path:
    return write_text(
        folder,
        "formules.csv",
        [
            "EmailAddress;DisplayName;Password;Afdeling",
            'a@voorbeeld.nl;=HYPERLINK("http://evil.example");Geheim-123;+31',
            "kapot;@SUM(1);Geheim-456;-Verkoop",
        ],
    )


def test_bad_rows_written_as_csv_have_formulas_neutralised_no_password_and_the_problems(
    tmp_path: Path,
) -> None:
    mailbox_list = load_mailbox_list(_formula_list(tmp_path))
    assert mailbox_list.error_rows == {3}
    out = mailbox_list.write_rows(tmp_path / "te-herstellen.csv", mailbox_list.error_rows, with_problems=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["EmailAddress", "DisplayName", "Password", "Afdeling", "MailstageProblems"]
    assert rows[1][:4] == ["kapot", "'@SUM(1)", "", "'-Verkoop"]
    assert "has no @" in rows[1][4]
    assert len(rows) == 2
    assert "Geheim" not in raw.decode("utf-8-sig")


def test_rows_written_back_read_in_again_with_the_same_values_and_no_warning_for_the_problems_column(
    tmp_path: Path,
) -> None:
    mailbox_list = load_mailbox_list(_formula_list(tmp_path))
    out = mailbox_list.write_rows(tmp_path / "terug.csv", with_problems=True)
    again = load_mailbox_list(out)
    assert [e.display_name for e in again.entries] == ['=HYPERLINK("http://evil.example")', "@SUM(1)"]
    assert [e.cells[3] for e in again.entries] == ["+31", "-Verkoop"]
    assert {p.code for p in again.problems} == {"column.unknown", "address.no_at"}


def test_rows_written_as_xlsx_keep_formula_like_values_as_text(tmp_path: Path) -> None:
    mailbox_list = load_mailbox_list(_formula_list(tmp_path))
    out = mailbox_list.write_rows(tmp_path / "rijen.xlsx")
    sheet = load_workbook(out).active
    cell = sheet["B2"]
    assert cell.value == '=HYPERLINK("http://evil.example")'
    assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(out) as book:
        assert b"<f>" not in book.read("xl/worksheets/sheet1.xml")  # no formula anywhere
    values = python_calamine.CalamineWorkbook.from_path(out).get_sheet_by_index(0).to_python()
    assert values[1][:3] == ["a@voorbeeld.nl", '=HYPERLINK("http://evil.example")', ""]
    again = load_mailbox_list(out)
    assert [e.address for e in again.entries] == ["a@voorbeeld.nl", "kapot"]


def test_a_csv_template_is_microsofts_header_only(tmp_path: Path) -> None:
    staged = write_template(tmp_path / "staged.csv")
    imap = write_template(tmp_path / "imap.csv", ListKind.IMAP)
    assert staged.read_bytes() == b"\xef\xbb\xbfEmailAddress,Password,ForceChangePassword\r\n"
    assert imap.read_bytes() == b"\xef\xbb\xbfEmailAddress,UserName,Password,UserRoot\r\n"
    checked = load_mailbox_list(imap)
    assert checked.format is not None and checked.format.kind is ListKind.IMAP
    assert [p.code for p in checked.problems] == ["list.no_entries"]


def test_an_xlsx_template_filled_in_by_the_admin_validates_clean(tmp_path: Path) -> None:
    template = write_template(tmp_path / "sjabloon.xlsx", ListKind.STAGED)
    empty = load_mailbox_list(template)
    assert [p.code for p in empty.problems] == ["list.no_entries"]
    book = load_workbook(template)
    sheet = book.active
    assert [c.value for c in sheet[1]] == ["EmailAddress", "Password", "ForceChangePassword"]
    assert sheet["A1"].comment is not None and "Required" in sheet["A1"].comment.text
    assert sheet["B2"].number_format == "@"  # a password like 00123456 stays as typed
    assert sheet.data_validations.dataValidation[0].formula1 == '"True,False"'
    sheet.append(["jan@voorbeeld.nl", "00123456", "True"])
    book.save(template)
    filled = load_mailbox_list(template)
    assert filled.problems == ()
    assert filled.entries[0].password is not None and filled.entries[0].password.reveal() == "00123456"


def test_split_into_batches_by_size_keeps_list_order_and_leaves_out_rows_with_errors(tmp_path: Path) -> None:
    rows = [f"u{i}@voorbeeld.nl" for i in range(25)]
    rows[7] = "fout"
    mailbox_list = load_mailbox_list(write_text(tmp_path, "l.csv", ["EmailAddress", *rows]))
    batches = mailbox_list.split_into_batches(10)
    assert [b.name for b in batches] == ["Batch 1", "Batch 2", "Batch 3"]
    assert [len(b.entries) for b in batches] == [10, 10, 4]
    assert batches[0].rows == (2, 3, 4, 5, 6, 7, 8, 10, 11, 12)


def test_split_into_batches_follows_the_batch_column_unless_told_not_to(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "b.csv",
        ["EmailAddress,Batch", "a@v.nl,Week 2", "b@v.nl,Week 1", "c@v.nl,Week 2", "d@v.nl,", "e@v.nl,week 1"],
    )
    mailbox_list = load_mailbox_list(path)
    by_column = mailbox_list.split_into_batches()
    assert [(b.name, b.rows) for b in by_column] == [
        ("Week 2", (2, 4)),
        ("Week 1", (3,)),
        ("week 1 (2)", (6,)),  # names are unique regardless of case, as Microsoft's are
        ("Batch 1", (5,)),
    ]
    by_size = mailbox_list.split_into_batches(3, by_batch_column=False, prefix="Golf")
    assert [(b.name, b.rows) for b in by_size] == [("Golf 1", (2, 3, 4)), ("Golf 2", (5, 6))]


def test_each_batch_written_to_its_own_file_reads_back_as_that_batch(tmp_path: Path) -> None:
    mailbox_list = load_mailbox_list(DATA / "microsoft-staged.csv")
    for batch in mailbox_list.split_into_batches(3):
        out = mailbox_list.write_rows(tmp_path / f"{batch.name}.csv", batch.rows)
        again = load_mailbox_list(out)
        assert [e.address for e in again.entries] == [e.address for e in batch.entries]
        assert again.source.delimiter == ","


def test_without_rows_drops_the_rows_and_checks_the_rest_again(tmp_path: Path) -> None:
    mailbox_list = load_mailbox_list(DATA / "nl-excel-puntkomma-cp1252.csv")
    assert mailbox_list.problems_for_row(7)[0].code == "address.duplicate"
    # Dropping the first of the two rows makes the second one fine: nothing else was wrong with it.
    trimmed = mailbox_list.without_rows([2, 4])
    assert [e.row for e in trimmed.entries] == [3, 5, 6, 7, 9]
    assert trimmed.problems_for_row(7) == ()
    assert trimmed.problems_for_row(4) == ()
    assert trimmed.problems_for_row(1)[0].code == "column.unknown"  # header problems stay
    assert trimmed.counts() == {"rows": 5, "ready": 2, "with_errors": 3, "errors": 3, "warnings": 1}
    assert len(mailbox_list.entries) == 7  # the original list is unchanged


def test_problems_for_row_gives_every_problem_of_that_row_in_column_order(tmp_path: Path) -> None:
    path = write_text(tmp_path, "r.csv", ["EmailAddress;Password;ForceChangePassword", "fout;kort;Misschien"])
    found = load_mailbox_list(path).problems_for_row(2)
    assert [(p.column, p.letter) for p in found] == [
        ("EmailAddress", "A"),
        ("Password", "B"),
        ("ForceChangePassword", "C"),
    ]


def test_writing_to_a_folder_that_does_not_exist_says_so(tmp_path: Path) -> None:
    mailbox_list = load_mailbox_list(DATA / "microsoft-staged.csv")
    with pytest.raises(BadInput) as caught:
        mailbox_list.write_rows(tmp_path / "nergens" / "uit.csv")
    assert caught.value.code == "list.cannot_write"
    assert str(tmp_path / "nergens" / "uit.csv") in caught.value.what


def test_a_problem_points_at_its_cell_in_the_entry_cells_the_gui_shows(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "c.csv",
        ["Naam;E-mailadres;Wachtwoord", "Jan;jan@voorbeeld.nl;Geheim-123", "Piet;fout;Geheim-456"],
    )
    mailbox_list = load_mailbox_list(path)
    assert mailbox_list.problem_rows == {3}
    problem = mailbox_list.problems_for_row(3)[0]
    position = mailbox_list.column_position(problem)
    assert position == 1
    assert mailbox_list.entries[1].cells[position] == "fout"
    assert mailbox_list.columns[position].header == "E-mailadres"
