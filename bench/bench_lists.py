"""Benchmark: validate a 50,000-row mailbox list as XLSX and as CSV (not a timed test).

Goals on the development machine: XLSX <= 3 s, CSV <= 1 s, for load_mailbox_list (read, check,
build the list). Run:  .venv/bin/python bench/bench_lists.py [--rows N] [--repeat N]

The lists look like real ones: Microsoft's IMAP columns plus a display name and a batch, Dutch
names with accents, a few bad rows (so the problem path is measured too). The XLSX is written by
openpyxl with shared strings, as Excel writes it; the CSV as Dutch Excel saves it (semicolons,
Windows-1252).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.lists import load_mailbox_list  # noqa: E402

HEADER = ["E-mailadres", "Gebruikersnaam", "Wachtwoord", "UserRoot", "Weergavenaam", "Batch"]
NAMES = ["André", "Zoë", "Jan", "Eëlco", "Inès", "Noël", "Sanne", "Bram"]


def rows(count: int) -> list[list[str]]:
    made = []
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        address = f"gebruiker{i}@voorbeeld.nl" if i % 5000 != 4999 else f"gebruiker {i}@voorbeeld"
        made.append(
            [
                address,
                f"gebruiker{i}",
                f"Welkom-{i:06d}!",
                f"/users/gebruiker{i}",
                f"{name} {i}",
                f"Week {i // 2000 + 1}",
            ]
        )
    return made


def write_csv(path: Path, data: list[list[str]]) -> None:
    lines = [";".join(HEADER)] + [";".join(r) for r in data]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def write_xlsx(path: Path, data: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Postvakken")
    sheet.append(HEADER)
    for row in data:
        sheet.append(row)
    book.save(path)


def measure(path: Path, repeat: int) -> tuple[float, float, float, int, int]:
    """(best wall seconds, median wall seconds, best CPU seconds, peak MB traced, entries) over
    REPEAT runs. CPU time is shown too because other work on a shared machine stretches wall time."""
    times = []
    cpu = []
    entries = 0
    for _ in range(repeat):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = load_mailbox_list(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        entries = len(result.entries)
        del result
    gc.collect()
    tracemalloc.start()
    load_mailbox_list(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(times), statistics.median(times), min(cpu), peak // (1024 * 1024), entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = rows(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        csv_path, xlsx_path = Path(folder) / "lijst.csv", Path(folder) / "lijst.xlsx"
        write_csv(csv_path, data)
        write_xlsx(xlsx_path, data)
        goals = {"xlsx": 3.0, "csv": 1.0}
        for kind, path in (("xlsx", xlsx_path), ("csv", csv_path)):
            best, median, cpu, peak, entries = measure(path, args.repeat)
            verdict = "meets" if median <= goals[kind] else "MISSES"
            print(
                f"{kind.upper():4} {entries:,} rows, {path.stat().st_size / 1048576:.1f} MB: best {best:.2f} s, "
                f"median {median:.2f} s of {args.repeat} (goal <= {goals[kind]:.0f} s: {verdict}); "
                f"best CPU {cpu:.2f} s; peak traced memory {peak} MB"
            )
    print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
