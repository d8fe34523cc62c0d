"""Run one mailbox copy in a process of its own, for the crash tests: `python -m tests.copy.copy_probe SPEC.json`.

SPEC names the source and target (host, port, address; passwords come from the keyring the tests
share through PYTHON_KEYRING_BACKEND) and the batch size. Each event is printed on its own line as it
happens, so a test can kill the process at a chosen moment. Exit 0 when the mailbox is synced.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from engine.connectors.base import Account
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.events import Event, MailboxStatus
from engine.store import StateStore
from engine.sync import MailboxJob, SyncOptions, sync_mailbox


def _account(side: dict[str, object], name: str) -> Account:
    endpoint = Endpoint(
        name, EndpointKind.IMAP, host=str(side["host"]), port=int(str(side["port"])), security=Security.TLS
    )
    return Account(endpoint, str(side["address"]))


def main(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text())
    job = MailboxJob(
        _account(spec["source"], "source"),
        _account(spec["target"], "target"),
        options=SyncOptions(batch_messages=int(spec.get("batch_messages", 20)), first_delay=0.05),
    )

    def show(event: Event) -> None:
        print(type(event).__name__, flush=True)

    store = StateStore()
    result = sync_mailbox(job, store=store, events=show)
    store.close()
    print(f"done {result.status} copied={result.copied} recognised={result.recognised}", flush=True)
    return 0 if result.status is MailboxStatus.SYNCED else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
