"""`mailstage-cli migrate`: create a batch from a mailbox list and run it, or run an existing batch again.

The first run of a batch is its initial sync; every later run is an incremental sync that copies only
what is new (and carries flag changes over). Exit 0 when every mailbox is Synced, 1 when any failed
or the batch was stopped, 2 on bad usage or input.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from engine.batches import (
    BatchEvent,
    BatchProgress,
    BatchRunner,
    MailboxStatusChanged,
    MailboxWaiting,
    create_batch,
    date_range,
    parse_day,
)
from engine.commands.endpoint import get_endpoint
from engine.endpoints import EndpointKind
from engine.errors import BadInput
from engine.keystore import SecretStore
from engine.plan import ALL_DATES, DateRange
from engine.reports import BatchSummary, human_bytes, human_duration
from engine.status import MailboxStatus
from engine.store import NewBatchMailbox, StateStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="run a migration batch (initial sync, or an incremental sync of an existing batch)",
        description="Create the batch from LIST (when it does not exist yet) and copy its mailboxes from the "
        "source to the target. Running it again copies only what is new. Exit 0 when every mailbox is Synced, "
        "1 when any failed, 2 on bad usage or input.",
    )
    parser.add_argument("--source", required=True, metavar="NAME")
    parser.add_argument("--target", required=True, metavar="NAME")
    parser.add_argument(
        "--list", metavar="LIST", help="CSV or Excel mailbox list (needed to create the batch)"
    )
    parser.add_argument("--batch", metavar="NAME", help="the batch name (default: the list's file name)")
    parser.add_argument(
        "--concurrency", type=int, metavar="N", help="mailboxes at once (default: the endpoints' maximum)"
    )
    parser.add_argument(
        "--retry-failed", action="store_true", help="run only the mailboxes that failed or stopped"
    )
    parser.add_argument(
        "--exclude-folder",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave folders out (e.g. 'Archief*')",
    )
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="copy only messages received on or after DATE (2024-01-31 or 31-1-2024)",
    )
    parser.add_argument("--until", metavar="DATE", help="copy only messages received on or before DATE")
    parser.add_argument(
        "--all-dates",
        action="store_true",
        help="copy messages of every date (clears an existing batch's --since/--until)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--no-mail", action="store_true", help="do not send the status mail this time")
    parser.set_defaults(func=run)


def _list_mailboxes(path: Path, source_name: str, target_name: str) -> list[NewBatchMailbox]:
    from engine.lists import load_mailbox_list

    mailbox_list = load_mailbox_list(path)
    if mailbox_list.has_errors or not mailbox_list.entries:
        rows = sorted(mailbox_list.error_rows)
        shown = ", ".join(str(r) for r in rows[:10]) + (" ..." if len(rows) > 10 else "")
        where = f"{len(rows)} row(s) with errors (rows {shown})" if rows else "errors that keep every row out"
        raise BadInput(
            "list.has_errors",
            f"The mailbox list {path.name} has {where}.",
            "Mailstage does not start a batch from a list with errors, so that no mailbox is silently left out.",
            f"See them with: mailstage-cli validate {path}   Then fix or remove those rows.",
        )
    role = mailbox_list.format.password_role if mailbox_list.format else "source"
    mailbox_list.store_secrets(SecretStore(), source_name if role == "source" else target_name)
    return [
        NewBatchMailbox(
            entry.address, entry.target_login or entry.address, entry.login or "", entry.user_root or ""
        )
        for entry in mailbox_list.ready_entries()
    ]


def _printer(quiet: bool) -> Any:
    lock = threading.Lock()

    def show(event: BatchEvent) -> None:
        if quiet:
            return
        with lock:
            if isinstance(event, MailboxStatusChanged) and event.status is not MailboxStatus.QUEUED:
                why = f": {event.error.what}" if event.error else ""
                print(f"  {event.mailbox}: {event.status}{why}", file=sys.stderr, flush=True)
            elif isinstance(event, MailboxWaiting):
                print(
                    f"  {event.mailbox}: waiting for the server since {event.since.astimezone():%H:%M:%S} "
                    f"({event.reason})",
                    file=sys.stderr,
                    flush=True,
                )
            elif isinstance(event, BatchProgress) and event.mailboxes_total == 0:
                p = event.progress
                eta = f", about {human_duration(p.eta_seconds)} left" if p.eta_seconds is not None else ""
                print(
                    f"  {p.fraction:4.0%}  {p.items_done}/{p.items_total} messages, "
                    f"{human_bytes(p.bytes_per_second)}/s{eta}",
                    file=sys.stderr,
                    flush=True,
                )

    return show


def summary_dict(summary: BatchSummary, reports: Path) -> dict[str, Any]:
    return {
        "batch": summary.name,
        "status": str(summary.status),
        "total": summary.total,
        "synced": summary.synced,
        "failed": summary.failed,
        "items_migrated": summary.items_migrated,
        "items_skipped": summary.items_skipped,
        "bytes_migrated": summary.bytes_migrated,
        "reports": str(reports),
        "mailboxes": [
            {
                "address": m.address,
                "status": str(m.status),
                "items_migrated": m.items_migrated,
                "items_skipped": m.items_skipped,
                "grade": str(m.grade) if m.grade else None,
                "error": m.error_message or None,
            }
            for m in summary.mailboxes
        ],
    }


def print_summary(summary: BatchSummary, reports: Path) -> None:
    print(f"Batch {summary.name}: {summary.status}")
    print(
        f"  {summary.synced} of {summary.total} mailboxes migrated, {summary.failed} failed; "
        f"{summary.items_migrated} items migrated, {summary.items_skipped} skipped "
        f"({human_bytes(summary.bytes_migrated)} in {human_duration(summary.duration.total_seconds())})"
    )
    for m in summary.mailboxes:
        grade = f", verification {m.grade}" if m.grade else ""
        print(f"  {m.address:40} {m.status:18} {m.items_migrated:6} items{grade}")
        if m.error_message:
            print(f"      {m.error_what}")
            if m.error_cause:
                print(f"      Likely cause: {m.error_cause}")
            if m.error_fix:
                print(f"      What to do: {m.error_fix}")
    print(f"Reports: {reports}")


def send_mail_if_set_up(summary: BatchSummary, reports: Path, *, final: bool) -> None:
    """Send the status mail when `mailstage-cli mail setup` was done; a failure is reported, not fatal
    (the migration itself went as the summary says)."""
    from engine.commands.mail import load_settings
    from engine.errors import MailstageError
    from engine.reports import ReportFiles
    from engine.statusmail import send_status_mail

    settings = load_settings()
    if settings is None:
        return
    files = ReportFiles(
        reports,
        reports / "MigrationStatistics.csv",
        reports / "MigrationErrors.csv",
        reports / "SkippedItems.csv",
        reports / "summary.html",
    )
    try:
        send_status_mail(summary, files, settings, final=final)
        print(f"Status mail sent to {', '.join(settings.recipients)}.", file=sys.stderr)
    except MailstageError as error:
        print(f"The status mail was not sent: {error.what} {error.fix}", file=sys.stderr)


def _dates(args: argparse.Namespace) -> DateRange | None:
    """The date range the options ask for; None when they say nothing about dates."""
    if args.all_dates:
        if args.since or args.until:
            raise BadInput(
                "migrate.dates_conflict",
                "--all-dates was given together with --since or --until.",
                "",
                "Give either --all-dates or a date range, not both.",
            )
        return ALL_DATES
    if not (args.since or args.until):
        return None
    return date_range(
        parse_day(args.since, "--since") if args.since else None,
        parse_day(args.until, "--until") if args.until else None,
    )


def run(args: argparse.Namespace) -> int:
    dates = _dates(args)
    store = StateStore()
    try:
        source = get_endpoint(store, args.source)
        target = get_endpoint(store, args.target)
        name = args.batch or (Path(args.list).stem if args.list else "")
        if not name:
            raise BadInput(
                "migrate.no_batch",
                "No batch was named.",
                "",
                "Give --list LIST (a new batch) or --batch NAME.",
            )
        record = store.get_batch(name)
        if record is None:
            if not args.list:
                raise BadInput(
                    "migrate.unknown_batch",
                    f"There is no batch named {name} yet.",
                    "",
                    "Give --list with the mailbox list to create it.",
                )
            list_path = Path(args.list)
            if not list_path.is_file():
                raise BadInput(
                    "migrate.no_list", f"The mailbox list {list_path} does not exist.", "", "Check the path."
                )
            create_batch(
                store,
                name,
                source,
                target,
                _list_mailboxes(list_path, source.name, target.name),
                exclude_folders=tuple(args.exclude_folder),
                dates=dates or ALL_DATES,
            )
            if dates:
                print(f"Batch {name}: only messages {dates.describe()}.", file=sys.stderr)
        elif (record.source, record.target) != (source.name, target.name):
            raise BadInput(
                "migrate.other_endpoints",
                f"The batch {name} copies from {record.source} to {record.target}, not from {source.name} to {target.name}.",
                "",
                "Run it with its own endpoints, or give a new --batch name.",
            )
        elif dates is not None and dates != record.dates:
            store.set_batch_dates(name, dates)
            print(
                f"Batch {name}: the date range is now {dates.describe()} (was {record.dates.describe()}); "
                "every folder is listed again.",
                file=sys.stderr,
            )
        token_for = None
        if EndpointKind.M365 in (source.kind, target.kind):
            from engine.m365.connect import M365TokenSource

            token_for = M365TokenSource()
        runner = BatchRunner(
            store, name, events=_printer(args.json), concurrency=args.concurrency, token_for=token_for
        )
        previous = signal.getsignal(signal.SIGINT)

        def stop(*_: object) -> None:
            print("Stopping: each mailbox finishes its current message...", file=sys.stderr, flush=True)
            runner.stop()

        signal.signal(signal.SIGINT, stop)
        try:
            summary = runner.run(only_failed=args.retry_failed)
        finally:
            signal.signal(signal.SIGINT, previous)
        if args.json:
            print(json.dumps(summary_dict(summary, runner.reports_dir), indent=2))
        else:
            print_summary(summary, runner.reports_dir)
        if not args.no_mail:
            send_mail_if_set_up(summary, runner.reports_dir, final=False)
        return 0 if summary.failed == 0 and summary.synced == summary.total else 1
    finally:
        store.close()
