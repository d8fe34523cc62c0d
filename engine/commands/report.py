"""`mailstage-cli report`: write a batch's reports (MigrationStatistics.csv, MigrationErrors.csv, the skipped
items and the printable summary) to a folder of the admin's choice."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engine.batches import require_batch, summarise
from engine.reports import write_reports
from engine.store import StateStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="write a batch's reports to a folder")
    parser.add_argument("--batch", required=True, metavar="NAME")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = StateStore()
    try:
        record = require_batch(store, args.batch)
        files = write_reports(summarise(store, record), Path(args.out))
    finally:
        store.close()
    for path in (files.statistics, files.errors, files.skipped, files.summary):
        print(path)
    return 0
