"""`mailstage-cli complete`: mark a batch Completed after the cut-over (seed steps 9-10), write its final
reports and send the final status mail."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from engine.batches import reports_folder, require_batch, summarise
from engine.commands.migrate import send_mail_if_set_up
from engine.errors import BadInput
from engine.reports import write_reports
from engine.status import BatchStatus
from engine.store import StateStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("complete", help="mark a synced batch Completed and send the final report")
    parser.add_argument("--batch", required=True, metavar="NAME")
    parser.add_argument("--no-mail", action="store_true", help="do not send the final status mail")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = StateStore()
    try:
        record = require_batch(store, args.batch)
        if record.status not in (BatchStatus.SYNCED, BatchStatus.SYNCED_WITH_ERRORS, BatchStatus.COMPLETED):
            raise BadInput(
                "batch.not_synced",
                f"The batch {record.name} is {record.status}, not Synced.",
                "A batch is completed after its mailboxes are synced and the users were switched over.",
                f"Run it first: mailstage-cli migrate --source {record.source} --target {record.target} --batch {record.name}",
            )
        store.set_batch_status(record.name, BatchStatus.COMPLETED, finished=dt.datetime.now(dt.UTC))
        completed = store.get_batch(record.name)
        assert completed is not None
        summary = summarise(store, completed)
    finally:
        store.close()
    folder = reports_folder(summary.name)
    write_reports(summary, folder)
    print(
        f"Batch {summary.name} is Completed: {summary.synced} of {summary.total} mailboxes migrated. Reports: {folder}"
    )
    if not args.no_mail:
        send_mail_if_set_up(summary, folder, final=True)
    return 0
