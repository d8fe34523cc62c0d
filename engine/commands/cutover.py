"""`mailstage-cli cutover`: write a batch's cut-over scripts (TargetAddress forwarding, converting the
on-premises mailboxes to mail users) for the admin to review and run on the Exchange server."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engine.cutover import write_batch_cutover_scripts
from engine.store import StateStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "cutover",
        help="write a batch's PowerShell cut-over scripts (forwarding, mailboxes to mail users)",
        description="Write the CSV and the two PowerShell scripts of a batch's cut-over into a folder. "
        "Nothing is changed on any server: the admin reviews the scripts and runs them on Exchange.",
    )
    parser.add_argument("--batch", required=True, metavar="NAME")
    parser.add_argument("--out", required=True, metavar="DIR", type=Path, help="folder to write the files to")
    parser.add_argument(
        "--cloud-domain",
        default="",
        metavar="DOMAIN",
        help="forward to user@DOMAIN (e.g. contoso.mail.onmicrosoft.com) instead of the batch's target address",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = StateStore()
    try:
        files = write_batch_cutover_scripts(store, args.batch, args.out, cloud_domain=args.cloud_domain)
    finally:
        store.close()
    count = "1 mailbox" if files.mailboxes == 1 else f"{files.mailboxes} mailboxes"
    print(f"Cut-over scripts for batch {args.batch} ({count}) are in {files.folder}:")
    print(f"  {files.mailboxes_csv.name}  the mailboxes and their cloud addresses")
    print(f"  {files.forwarding_script.name}  step 1: forward mail to the cloud address (targetAddress)")
    print(f"  {files.convert_script.name}  step 2: turn the mailboxes into mail users")
    print(
        "Copy the folder to the Exchange server and run each script in the Exchange Management Shell, "
        "first without -Apply (a dry run), then with -Apply."
    )
    return 0
