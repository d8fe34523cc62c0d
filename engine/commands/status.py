"""`mailstage-cli status`: the batches and their mailboxes, as the migration dashboard shows them."""

from __future__ import annotations

import argparse
import json
from typing import Any

from engine.batches import summarise
from engine.errors import BadInput
from engine.store import StateStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("status", help="show the batches, or one batch's mailboxes")
    parser.add_argument("--batch", metavar="NAME", help="show this batch's mailboxes")
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = StateStore()
    try:
        records = store.list_batches()
        if args.batch:
            records = [r for r in records if r.name == args.batch]
            if not records:
                raise BadInput(
                    "batch.unknown",
                    f"There is no batch named {args.batch}.",
                    "",
                    "Run status without --batch to list them.",
                )
        rows = []
        for record in records:
            members = store.batch_members(record.name)
            counts: dict[str, int] = {}
            for member in members:
                counts[str(member.status)] = counts.get(str(member.status), 0) + 1
            rows.append((record, members, counts))
        if args.json:
            out = [
                {
                    "batch": record.name,
                    "status": str(record.status),
                    "source": record.source,
                    "target": record.target,
                    "dates": {
                        "since": record.dates.first.isoformat() if record.dates.first else None,
                        "until": record.dates.last.isoformat() if record.dates.last else None,
                    },
                    "total": len(members),
                    "counts": counts,
                    "mailboxes": [
                        {
                            "address": m.address,
                            "status": str(m.status),
                            "items_migrated": m.items_migrated,
                            "items_skipped": m.items_skipped,
                            "grade": m.grade,
                            "error": str(m.error) if m.error else None,
                        }
                        for m in members
                    ]
                    if args.batch
                    else None,
                }
                for record, members, counts in rows
            ]
            print(json.dumps(out, indent=2))
            return 0
        if not rows:
            print("No batches yet. Start one: mailstage-cli migrate --source NAME --target NAME --list LIST")
            return 0
        print(f"{'Batch':28} {'Status':18} {'Total':>6} {'Synced':>7} {'Failed':>7}  Last run")
        for record, members, counts in rows:
            last = f"{record.last_finished.astimezone():%Y-%m-%d %H:%M}" if record.last_finished else "never"
            print(
                f"{record.name:28} {record.status!s:18} {len(members):6} {counts.get('Synced', 0):7} "
                f"{counts.get('Failed', 0):7}  {last}"
            )
        if args.batch:
            print(f"\nCopies {rows[0][0].dates.describe()}.")
            for m in summarise(store, rows[0][0]).mailboxes:
                grade = f" {m.grade}" if m.grade else ""
                print(
                    f"  {m.address:40} {m.status!s:18} {m.items_migrated:6} items {m.items_skipped:4} skipped{grade}"
                )
                if m.error_what:
                    print(f"      {m.error_what} {m.error_fix}")
        return 0
    finally:
        store.close()
