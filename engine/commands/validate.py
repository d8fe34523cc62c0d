"""`mailstage-cli validate LIST [--json] [--sheet NAME]`: check a mailbox list and explain every problem.

Exit 0 when the list has no errors (warnings allowed), 1 when it has any, 2 when the file cannot be
read as a list at all or the command line is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from engine.lists import ListUnreadable, MailboxList, load_mailbox_list

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check a CSV/XLSX mailbox list; exit 0 clean, 1 problems",
        description="Check a mailbox list (CSV or Excel .xlsx) and explain every problem by row and column.",
    )
    parser.add_argument("list", metavar="LIST", type=Path, help="the list file (.csv, .txt or .xlsx)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--sheet", metavar="NAME", help="the sheet to read in a workbook (default: the first)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    _tolerate_console_encoding()
    try:
        mailbox_list = load_mailbox_list(args.list, sheet=args.sheet)
    except ListUnreadable as error:
        if not args.json:
            raise  # the CLI prints what, cause and fix, and exits 2
        print(json.dumps({"file": str(args.list), "error": error.as_dict()}, indent=2, ensure_ascii=False))
        return EXIT_USAGE
    if args.json:
        print(json.dumps(mailbox_list.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(report(mailbox_list))
    return EXIT_PROBLEMS if mailbox_list.has_errors else EXIT_OK


def report(mailbox_list: MailboxList) -> str:
    """The text the command prints: what was read, the counts, and every problem."""
    counts = mailbox_list.counts()
    lines = [f"Mailbox list: {mailbox_list.path}", f"Read as: {mailbox_list.source.describe()}"]
    if mailbox_list.format is not None:
        lines.append(
            f"Format: {mailbox_list.format.describe()}; column names on row {mailbox_list.header_row}"
        )
    else:
        lines.append("Format: not recognised (see the errors below)")
    ready = f"{counts['ready']:,} ready"
    if counts["with_errors"]:
        ready += f", {counts['with_errors']:,} with errors"
    summary = f"Mailboxes: {counts['rows']:,} ({ready})"
    if mailbox_list.problems:
        summary += f"; {_plural(counts['errors'], 'error')}, {_plural(counts['warnings'], 'warning')}"
    lines.append(summary)
    errors, warnings = mailbox_list.errors, mailbox_list.warnings
    if errors:
        lines += ["", "Errors (a row with an error is left out until it is fixed):"]
        lines += [f"  {p}" for p in errors]
    if warnings:
        lines += ["", "Warnings (the rows can be migrated; check these):"]
        lines += [f"  {p}" for p in warnings]
    lines.append("")
    if errors:
        lines.append("Fix the errors in the file and run validate again.")
    elif warnings:
        lines.append("No errors: the list can be used.")
    else:
        lines.append("No problems found: the list can be used.")
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _tolerate_console_encoding() -> None:
    # A Windows console may not encode every character of a name; show '?' rather than fail.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
