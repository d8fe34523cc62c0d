"""How long the prerequisite checks take for a list of mailboxes, against two local Dovecot servers.

    .venv/bin/python bench/checks_list.py [MAILBOXES] [MESSAGES_PER_MAILBOX]

Starts a source and a target Dovecot (tests/rig), makes MAILBOXES users on both with a few messages
each, runs every check (servers, per mailbox, estimate) and prints the wall time, the time per
mailbox and the peak memory. Numbers are for this machine and loopback; a real WAN adds round trips.
"""

from __future__ import annotations

import os
import resource
import ssl
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring

from engine.checks import CheckSetup, Status, build_checks, run_checks
from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind, Security, secret_key
from engine.keystore import SecretStore
from tests.rig.certs import TestCA
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, DovecotServer
from tests.rig.keyring_backend import MemoryKeyring


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    per_mailbox = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    root = Path(tempfile.mkdtemp(prefix="mailstage-bench-checks-"))
    os.environ["MAILSTAGE_HOME"] = str(root / "home")
    ca = TestCA(root / "ca")
    os.environ["SSL_CERT_FILE"] = str(ca.cert_path)
    keyring.set_keyring(MemoryKeyring())
    cert = ca.issue("bench", days_valid=365)
    with (
        DovecotServer(cert, root=root / "src") as source_server,
        DovecotServer(cert, root=root / "dst") as target_server,
    ):
        context = ssl.create_default_context(cafile=str(ca.cert_path))
        addresses = []
        for n in range(count):
            address, password = f"user{n}@example.nl", f"pw-bench-{n}-Secret"
            source_server.add_user(address, password)
            target_server.add_user(address, password)
            if n < 10:  # a few mailboxes with mail; listing cost grows with folders and messages
                tree = CorpusGenerator(seed=n).tree(per_mailbox)
                seed_imap(
                    source_server.host, source_server.imaps_port, address, password, tree, ssl_context=context
                )
            addresses.append(address)

        def endpoint(name: str, server: DovecotServer) -> Endpoint:
            SecretStore().put(secret_key(name), MASTER_PASSWORD)
            return Endpoint(
                name, EndpointKind.IMAP, host=server.host, port=server.imaps_port, security=Security.TLS,
                admin_user="admin", admin_style=AdminLoginStyle.SASL,
            )  # fmt: skip

        setup = CheckSetup(
            source=endpoint("source", source_server),
            target=endpoint("target", target_server),
            mailboxes=addresses,
            concurrency=20,
        )
        # The first run also pays for Dovecot creating each new user's mail folder and indexes; the
        # second is what an admin re-running the checks sees.
        runs = []
        for _ in range(2):
            checks = build_checks(setup)
            started = time.perf_counter()
            report = run_checks(checks)
            runs.append(time.perf_counter() - started)
        elapsed = runs[-1]
    print(f"first run (new users, Dovecot builds indexes): {runs[0]:.2f} s")
    summary = report.summary()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"checks: {len(checks)} for {count} mailboxes; {summary}")
    print(f"wall time: {elapsed:.2f} s ({elapsed / count * 1000:.0f} ms per mailbox)")
    print(f"estimate: {report.find('estimate.duration').evidence}")
    print(f"peak memory: {peak_mb:.0f} MB")
    failed = [r for r in report.results if r.status is Status.FAIL]
    if failed:
        print("failed:", failed[:3])


if __name__ == "__main__":
    main()
