"""`mailstage-cli demo`: a whole staged migration on built-in demo data, without any server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from engine.batches import BatchEvent, MailboxStatusChanged
from engine.commands.migrate import print_summary
from engine.demo import DEMO_BATCH, demo_addresses, run_demo
from engine.status import MailboxStatus


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="run a whole staged migration on the built-in demo data")
    parser.add_argument(
        "--folder", metavar="DIR", help="where to put the demo servers (default: the state folder)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(
        f"Demo: a staged migration of {len(demo_addresses())} mailboxes from an old server (Maildir folders "
        "shaped like Exchange 2007 in Dutch) to a new one, on this computer only.",
        flush=True,
    )

    def show(event: BatchEvent) -> None:
        if isinstance(event, MailboxStatusChanged) and event.status is not MailboxStatus.QUEUED:
            print(f"  {event.mailbox}: {event.status}", file=sys.stderr, flush=True)

    result = run_demo(Path(args.folder) if args.folder else None, events=show)
    print_summary(result.summary, result.reports)
    print(f"Old server: {result.folder / 'old-server'}")
    print(f"New server: {result.folder / 'new-server'}")
    print(f"Open {result.reports / 'summary.html'} to see the report of batch {DEMO_BATCH}.")
    return result.exit_code
