"""`mailstage-cli verify`: compare each mailbox of a batch on the source and the target (read-only) and
grade it as Microsoft's data consistency score does: Perfect, Good, Investigate, Poor."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from engine.batches import require_batch
from engine.commands.endpoint import get_endpoint
from engine.store import StateStore
from engine.verify import MailboxVerified, VerifyJob, verify_batch


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("verify", help="prove every message of a batch is on the target")
    parser.add_argument("--batch", required=True, metavar="NAME")
    parser.add_argument("--deep", action="store_true", help="fetch and hash every message on both sides")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = StateStore()
    try:
        record = require_batch(store, args.batch)
        source, target = get_endpoint(store, record.source), get_endpoint(store, record.target)
        jobs = [VerifyJob(m.address, m.target_address, m.username) for m in store.batch_members(record.name)]

        def progress(event: MailboxVerified) -> None:
            if not args.json:
                print(
                    f"  verified {event.done}/{event.total}: {event.result.address}",
                    file=sys.stderr,
                    flush=True,
                )

        report = verify_batch(source, target, jobs, store=store, deep=args.deep, on_event=progress)
        members = {m.address: m for m in store.batch_members(record.name)}
        for result in report.mailboxes:
            # Only the grade changes; the status and error the batch recorded stay as they are.
            member = members[result.address]
            store.update_member(
                record.name, result.address, status=member.status, grade=str(result.grade), error=member.error
            )
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return report.exit_code()
    for result in report.mailboxes:
        print(
            f"{result.address:40} {result.grade!s:12} source {result.source_items:6}  target {result.target_items:6}  "
            f"skipped {result.skipped:4}  missing {result.missing_count}"
        )
        if result.problem:
            print(f"    {result.problem}")
        for missing in result.missing[:20]:
            print(
                f"    missing in {missing.folder}: {missing.subject!r} ({missing.date}, {missing.size} bytes)"
            )
        if len(result.missing) > 20:
            print(f"    ... and {result.missing_count - 20} more (see --json)")
    return report.exit_code()
