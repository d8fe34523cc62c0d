"""Does OAuth cost throughput? The copy rate into an m365 endpoint against a password IMAP target.

    .venv/bin/python bench/bench_m365.py [MAILBOXES] [MESSAGES_PER_MAILBOX] [ROUNDS] [TOKEN_LIFETIME_S]

Starts a source Dovecot (passwords), a target Dovecot that takes both passwords and XOAUTH2 tokens
(tests/rig/dovecot_oauth.py) with the local identity server (tests/rig/identity.py), and a TCP proxy
adding 10 ms each way (a 20 ms round trip) in front of the target. Then copies the same mailboxes with
the copy engine (sync_mailbox), four at a time, into fresh target mailboxes: once logging in with a
password (an `imaps://` endpoint) and once as an `m365` endpoint (app-only token from msal, renewed
before every connect when TOKEN_LIFETIME_S is under msal's five-minute margin). Rounds alternate the
two so drift hits both. Prints messages/s and MB/s per round, the medians, and the m365/password ratio.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring

from engine.connectors.base import Account
from engine.endpoints import Endpoint, EndpointKind, Security, secret_key
from engine.events import MailboxStatus
from engine.keystore import SecretStore
from engine.m365.connect import m365_account
from engine.m365.tokens import token_provider_for
from engine.store import StateStore
from engine.sync import MailboxJob, sync_mailbox
from tests.rig.certs import TestCA
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer
from tests.rig.dovecot_oauth import OAuthDovecotServer
from tests.rig.identity import IdentityServer
from tests.rig.keyring_backend import MemoryKeyring
from tests.rig.proxy import TcpProxy

PARALLEL = 4
SECRET = "bench-app-secret-value-0123456789"


def main() -> None:
    mailboxes = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    per_mailbox = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    lifetime = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
    root = Path(tempfile.mkdtemp(prefix="mailstage-bench-m365-"))
    os.environ["MAILSTAGE_HOME"] = str(root / "home")
    ca = TestCA(root / "ca")
    os.environ["SSL_CERT_FILE"] = str(ca.cert_path)
    keyring.set_keyring(MemoryKeyring())
    import ssl

    context = ssl.create_default_context(cafile=str(ca.cert_path))
    identity = IdentityServer(ca.issue("identity"), access_token_lifetime=lifetime).start()
    source = DovecotServer(ca.issue("source"), root=root / "source").start()
    target = OAuthDovecotServer(ca.issue("target"), identity, ca.cert_path, root=root / "target").start()
    delay = TcpProxy(target.host, target.imaps_port, delay=0.010).start()
    try:
        app = identity.register_app(secret=SECRET)
        m365 = Endpoint(
            "bench-m365",
            EndpointKind.M365,
            host="127.0.0.1",
            port=delay.port,
            security=Security.TLS,
            tenant=identity.tenant,
            client_id=app.client_id,
            auth_mode="app",
            authority=identity.authority,
        )
        SecretStore().put(secret_key(m365.name), SECRET)
        imap = Endpoint(
            "bench-imap", EndpointKind.IMAP, host="127.0.0.1", port=delay.port, security=Security.TLS
        )
        source_endpoint = Endpoint(
            "bench-source", EndpointKind.IMAP, host=source.host, port=source.imaps_port, security=Security.TLS
        )
        sources: list[Account] = []
        total_bytes = 0
        for n in range(mailboxes):
            address = f"bron{n}@example.nl"
            password = f"pw-{n}-Secret!"
            source.add_user(address, password)
            tree = CorpusGenerator(seed=100 + n).tree(per_mailbox)
            total_bytes += sum(len(m.raw) for f in tree for m in f.messages)
            seed_imap(source.host, source.imaps_port, address, password, tree, ssl_context=context)
            sources.append(Account(source_endpoint, address, password=lambda p=password: p))
        print(
            f"{mailboxes} mailboxes x ~{per_mailbox} messages ({total_bytes / 1e6:.1f} MB), {PARALLEL} at a time, "
            f"20 ms round trip to the target, token lifetime {lifetime:.0f} s"
        )
        provider = token_provider_for(m365)
        results: dict[str, list[tuple[float, float]]] = {"password": [], "m365": []}
        counter = 0

        def copy_round(kind: str, accounts: list[Account], parallel: int) -> tuple[float, int, int, int]:
            nonlocal counter
            counter += 1
            jobs = []
            for n, account in enumerate(accounts):
                address = f"doel{counter}-{n}@contoso.nl"
                target.add_mailbox(address)
                if kind == "m365":
                    target_account = m365_account(m365, address, provider)
                else:
                    target_password = "unused-" + address
                    target_account = Account(imap, address, password=lambda p=target_password: p)
                jobs.append(MailboxJob(account, target_account))
            store = StateStore(root / f"state-{counter}.sqlite")
            requests_before = len(identity.token_requests())
            started = time.perf_counter()
            with ThreadPoolExecutor(parallel) as pool:
                outcomes = list(pool.map(lambda job, s=store: sync_mailbox(job, store=s), jobs))
            seconds = time.perf_counter() - started
            bad = [o for o in outcomes if o.status is not MailboxStatus.SYNCED]
            if bad:
                raise SystemExit(f"{kind}: {len(bad)} mailboxes failed: {bad[0].error}")
            messages = sum(o.copied for o in outcomes)
            nbytes = sum(o.bytes_copied for o in outcomes)
            return seconds, messages, nbytes, len(identity.token_requests()) - requests_before

        for round_number in range(rounds):
            order = ("password", "m365") if round_number % 2 == 0 else ("m365", "password")
            for kind in order:
                seconds, messages, nbytes, tokens = copy_round(kind, sources, PARALLEL)
                results[kind].append((messages / seconds, nbytes / seconds / 1e6))
                print(
                    f"round {round_number + 1} {kind:8s}: {messages} messages in {seconds:.2f} s = "
                    f"{messages / seconds:.0f} msg/s, {nbytes / seconds / 1e6:.2f} MB/s"
                    + (f" ({tokens} token requests)" if kind == "m365" else "")
                )
        password_rate = statistics.median(r[0] for r in results["password"])
        m365_rate = statistics.median(r[0] for r in results["m365"])
        # Each round ran both back to back: the ratio within a round is the least disturbed by load.
        pair_ratios = [m[0] / p[0] for m, p in zip(results["m365"], results["password"], strict=True)]
        print(
            f"median: password {password_rate:.0f} msg/s, m365 {m365_rate:.0f} msg/s; "
            f"m365 / password = {m365_rate / password_rate:.3f}; per-round ratios "
            f"{', '.join(f'{r:.3f}' for r in pair_ratios)} (median {statistics.median(pair_ratios):.3f})"
        )
        # One mailbox at a time, each copied both ways back to back: many small pairs average out load.
        single: list[float] = []
        for n, account in enumerate(sources):
            pair: dict[str, float] = {}
            for kind in ("password", "m365") if n % 2 == 0 else ("m365", "password"):
                seconds, messages, _, _ = copy_round(kind, [account], 1)
                pair[kind] = messages / seconds
            single.append(pair["m365"] / pair["password"])
        print(
            f"one mailbox at a time, m365 / password per mailbox: {', '.join(f'{r:.3f}' for r in single)} "
            f"(median {statistics.median(single):.3f})"
        )
    finally:
        delay.stop()
        target.stop()
        source.stop()
        identity.stop()


if __name__ == "__main__":
    main()
