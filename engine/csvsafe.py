"""Writing cells that a spreadsheet opens safely.

Excel runs a cell that starts with =, +, - or @ (and some with tab or carriage return) as a formula, so a
subject line like "=HYPERLINK(...)" in a report could run when the admin opens it. Such cells get a
leading apostrophe, which Excel shows as plain text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """VALUE as text that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a UTF-8 CSV (with BOM, so Excel shows accents right) with every cell neutralised.

    Written to a temporary file and renamed, so an interrupted write never leaves half a report.
    """
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
    tmp.replace(path)
