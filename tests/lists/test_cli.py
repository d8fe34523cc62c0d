"""`mailstage-cli validate`: what an admin reads, and the exit codes scripts rely on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.lists.corpus import DATA

ROOT = Path(__file__).resolve().parents[2]
DUTCH = DATA / "nl-excel-puntkomma-cp1252.csv"
PASSWORDS = [
    "Welkom-2024!",
    "Zomer#2024ab",
    "Herfst-2024!",
    "kort",
    "Winter-2024!",
    "Lente-2024!!",
    "Sneeuw-2024!",
]


def validate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", "validate", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_validate_prints_the_format_the_counts_and_every_problem_by_row_and_column() -> None:
    result = validate(DUTCH)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "Read as: CSV, separated by semicolons, Windows-1252" in out
    assert (
        "Format: Microsoft staged format (EmailAddress, Password, ForceChangePassword) with Mailstage's column DisplayName; column names on row 1"
        in out
    )
    assert "Mailboxes: 7 (2 ready, 5 with errors); 5 errors, 1 warning" in out
    assert "  row 4, E-mailadres: 'eelco.brouwer@voorbeeld': the domain 'voorbeeld' has no dot" in out
    assert "  row 5, Wachtwoord: The password is shorter than 8 characters" in out
    assert "  row 6, WachtwoordWijzigen: 'Misschien' is not True or False" in out
    assert "  row 7, E-mailadres: Andre.DeVries@Voorbeeld.nl is also on row 2" in out
    assert "  row 9, E-mailadres: 'noel peeters@voorbeeld.nl' contains a space" in out
    assert "  row 1, Afdeling: Mailstage does not know the column 'Afdeling'" in out
    # Errors come before warnings, each group in row order.
    assert out.index("row 9, E-mailadres") < out.index("row 1, Afdeling")
    assert out.rstrip().endswith("Fix the errors in the file and run validate again.")


def test_validate_exits_0_and_says_so_for_a_clean_list() -> None:
    result = validate(DATA / "microsoft-staged.csv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Mailboxes: 4 (4 ready)" in result.stdout
    assert result.stdout.rstrip().endswith("No problems found: the list can be used.")


def test_validate_exits_0_when_a_list_has_only_warnings() -> None:
    result = validate(DATA / "nl-excel-csv-utf8-bom.csv")
    assert result.returncode == 0, result.stdout
    assert "Warnings (the rows can be migrated; check these):" in result.stdout
    assert "Errors" not in result.stdout


def test_validate_exits_2_and_explains_a_file_that_is_not_a_list(tmp_path: Path) -> None:
    pdf = tmp_path / "mailboxen.csv"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    result = validate(pdf)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Error: mailboxen.csv is a PDF document, not a mailbox list." in result.stderr
    assert "What to do: Export the list again" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_exits_2_for_a_file_that_does_not_exist(tmp_path: Path) -> None:
    result = validate(tmp_path / "weg.csv")
    assert result.returncode == 2
    assert "Error: There is no file" in result.stderr


def test_validate_exits_2_on_bad_usage() -> None:
    assert validate().returncode == 2
    assert validate(DUTCH, "--colour").returncode == 2


def test_validate_exits_2_when_a_sheet_is_asked_of_a_csv_file() -> None:
    result = validate(DUTCH, "--sheet", "Blad1")
    assert result.returncode == 2
    assert "is a CSV file, which has no sheets" in result.stderr


def test_validate_json_gives_each_problem_with_row_column_code_and_severity() -> None:
    result = validate(DUTCH, "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["format"]["kind"] == "staged"
    assert report["source"] == {
        "kind": "csv",
        "encoding": "Windows-1252",
        "delimiter": ";",
        "sheet": None,
        "sheets": [],
    }
    assert report["counts"] == {"rows": 7, "ready": 2, "with_errors": 5, "errors": 5, "warnings": 1}
    found = [(p["row"], p["column"], p["code"], p["severity"]) for p in report["problems"]]
    assert (7, "EmailAddress", "address.duplicate", "error") in found
    assert (1, "Afdeling", "column.unknown", "warning") in found
    duplicate = next(p for p in report["problems"] if p["code"] == "address.duplicate")
    assert (
        duplicate["header"] == "E-mailadres"
        and duplicate["letter"] == "B"
        and duplicate["related_rows"] == [2]
    )


def test_validate_json_reports_an_unreadable_file_as_an_error_and_exits_2(tmp_path: Path) -> None:
    xls = tmp_path / "oud.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\x00" * 600)
    result = validate(xls, "--json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["error"]["code"] == "list.legacy_xls"
    assert "Save As" in report["error"]["fix"] or "save it as" in report["error"]["fix"]


def test_validate_reads_the_sheet_named_on_the_command_line(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["EmailAddress"])
    book.active.append(["a@voorbeeld.nl"])
    second = book.create_sheet("Batch 2")
    second.append(["EmailAddress"])
    second.append(["fout-adres"])
    book.save(tmp_path / "lijst.xlsx")
    result = validate(tmp_path / "lijst.xlsx", "--sheet", "Batch 2")
    assert result.returncode == 1
    assert "Read as: Excel workbook, sheet 'Batch 2' (also in the workbook: Sheet)" in result.stdout
    assert "row 2, EmailAddress: 'fout-adres' has no @" in result.stdout


def test_validate_never_prints_or_logs_a_password(tmp_path: Path) -> None:
    listed = tmp_path / "lijst.csv"
    shutil.copy(DUTCH, listed)
    outputs = [_validate_verbose(listed), validate(listed, "--json")]
    log = Path(os.environ["MAILSTAGE_HOME"]) / "logs" / "mailstage-cli.log"
    logged = log.read_text() if log.exists() else ""
    for password in PASSWORDS:
        for result in outputs:
            assert password not in result.stdout + result.stderr
        assert password not in logged


def _validate_verbose(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", "-v", "validate", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
