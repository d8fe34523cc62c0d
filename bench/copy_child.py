"""One Mailstage copy in a process of its own, for bench/bench_copy.py: the spec comes on stdin.

Kept apart from the benchmark script so the process loads what a Mailstage copy loads and nothing of
the benchmark's own. Prints the outcome, the time the copy itself took inside the process (what each
mailbox costs a running Mailstage, as the batch runner runs many), and the process's peak memory.
"""

from __future__ import annotations

import json
import sys
import time

import engine.connectors.imap  # noqa: F401 - loaded once per process, as in a running Mailstage
from engine.connectors.base import Account
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.events import MailboxStatus
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox


def peak_rss_kb() -> int:
    """Peak resident memory of this program (VmHWM: ru_maxrss would include the parent's size at fork)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    spec = json.loads(sys.stdin.read())

    def account(name: str, side: list[str]) -> Account:
        endpoint = Endpoint(
            name, EndpointKind.IMAP, host=spec["host"], port=spec["port"], security=Security.TLS
        )
        password = side[1]
        return Account(endpoint, side[0], password=lambda: password)

    job = MailboxJob(account("source", spec["source"]), account("target", spec["target"]))
    store = StateStore()
    started = time.perf_counter()
    result = sync_mailbox(job, store=store)
    inside = time.perf_counter() - started
    print(f"status={result.status} copied={result.copied} inside_s={inside:.3f} peak_rss_kb={peak_rss_kb()}")
    return 0 if result.status is MailboxStatus.SYNCED else 1


if __name__ == "__main__":
    sys.exit(main())
