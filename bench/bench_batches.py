"""Benchmark: a batch of many mailboxes at once, and the memory a batch with very large messages needs.

One command: `.venv/bin/python bench/bench_batches.py` (options: --mailboxes N, --messages N, --rtt-ms MS,
--large-mailboxes N, --large-mb MB). It starts its own Dovecot servers (tests/rig) and:

1. Speed-up: seeds N mailboxes of M messages on a source server and copies them as one batch through
   the delay proxy (tests/rig/proxy.py: RTT/2 held in each direction, the admin's WAN to the target and
   the source) with `mailstage-cli migrate --concurrency 20` and then, into fresh target mailboxes,
   `--concurrency 1`; reports both wall times and the aggregate speed-up (goal: >= 15x).
2. Memory: a batch of 20 mailboxes that each hold one 30 MB message (plus a few small ones), copied with
   `--concurrency 20`; reports the peak RSS of the `mailstage-cli migrate` process (goal: <= 300 MB).

Each batch runs as its own process, as an admin would run it; the bench checks every batch ended Synced.
Writes bench/results/bench_batches.json and bench/results/bench_batches.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.rig.certs import TestCA  # noqa: E402
from tests.rig.corpus import CorpusFolder, CorpusGenerator, seed_imap  # noqa: E402
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotOptions, DovecotServer  # noqa: E402
from tests.rig.proxy import TcpProxy  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )


def measure_rss(env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run one mailstage-cli command and return (result, seconds, peak RSS in KB) of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "engine.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    # wait4 gives this one child's own resource usage (RUSAGE_CHILDREN would mix in earlier children).
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), seconds, usage.ru_maxrss


def add_endpoint(env: dict[str, str], name: str, host: str, port: int) -> None:
    result = cli(
        env,
        "endpoint", "add", name, "--url", f"imaps://{host}:{port}", "--admin", MASTER_USER, "--password-stdin",
        "--max-concurrent", "20",
        stdin=MASTER_PASSWORD + "\n",
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"endpoint add failed: {result.stderr}")


def write_list(path: Path, addresses: list[str]) -> Path:
    path.write_text("EmailAddress\n" + "".join(f"{a}\n" for a in addresses))
    return path


def seed(
    server: DovecotServer, target: DovecotServer, prefix: str, count: int, tree_of: object, ctx: object
) -> list[str]:
    addresses = []
    for i in range(count):
        address = f"{prefix}{i}@example.nl"
        server.add_user(address, "pw-" + address)
        target.add_user(address, "pw-" + address)
        seed_imap(server.host, server.imaps_port, address, "pw-" + address, tree_of(i), ssl_context=ctx)  # type: ignore[operator]
        addresses.append(address)
    return addresses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mailboxes", type=int, default=40)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--rtt-ms", type=float, default=20.0)
    parser.add_argument("--large-mailboxes", type=int, default=20)
    parser.add_argument("--large-mb", type=int, default=30)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="mailstage-bench-batches-"))
    ca = TestCA(work / "ca")
    cert = ca.issue("imap")
    import ssl

    ctx = ssl.create_default_context(cafile=str(ca.cert_path))
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        SSL_CERT_FILE=str(ca.cert_path),
        PYTHON_KEYRING_BACKEND="tests.rig.keyring_backend.FileKeyring",
        MAILSTAGE_TEST_KEYRING=str(work / "keyring.json"),
    )
    source = DovecotServer(cert, DovecotOptions(special_use=False), root=work / "source").start()
    target = DovecotServer(cert, root=work / "target").start()
    results: dict[str, object] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    try:
        delay = args.rtt_ms / 2000
        with (
            TcpProxy(source.host, source.imaps_port, delay=delay) as sp,
            TcpProxy(target.host, target.imaps_port, delay=delay) as tp,
        ):
            print(f"seeding {args.mailboxes} mailboxes x {args.messages} messages ...", flush=True)
            one_folder = [(("INBOX",), 1)]
            addresses = seed(
                source, target, "speed", args.mailboxes,
                lambda i: CorpusGenerator(seed=100 + i).tree(args.messages - 3, folders=one_folder), ctx,
            )  # fmt: skip
            times = {}
            for concurrency in (20, 1):
                home = work / f"home-c{concurrency}"
                run_env = dict(env, MAILSTAGE_HOME=str(home))
                add_endpoint(run_env, "old", sp.host, sp.port)
                add_endpoint(run_env, "new", tp.host, tp.port)
                # Fresh target mailboxes for each run: target users differ by a suffix in the list's target column.
                listing = write_list(work / f"Speed{concurrency}.csv", addresses)
                if concurrency == 1:
                    for address in addresses:  # empty the targets of the first run
                        shutil.rmtree(target.maildir(address), ignore_errors=True)
                print(f"batch at concurrency {concurrency} through {args.rtt_ms:.0f} ms RTT ...", flush=True)
                result, seconds, _ = measure_rss(
                    run_env, "migrate", "--source", "old", "--target", "new", "--list", str(listing),
                    "--concurrency", str(concurrency), "--json",
                )  # fmt: skip
                summary = json.loads(result.stdout) if result.returncode in (0, 1) and result.stdout else {}
                if summary.get("status") != "Synced":
                    raise SystemExit(
                        f"batch at concurrency {concurrency} did not sync: {result.stderr[-2000:]}"
                    )
                times[concurrency] = seconds
                print(f"  {seconds:.1f} s, {summary['items_migrated']} messages", flush=True)
            results["speedup"] = {
                "mailboxes": args.mailboxes,
                "messages_per_mailbox": args.messages,
                "rtt_ms": args.rtt_ms,
                "seconds_concurrency_20": round(times[20], 2),
                "seconds_concurrency_1": round(times[1], 2),
                "speedup": round(times[1] / times[20], 2),
                "goal": ">= 15",
            }

        print(
            f"seeding {args.large_mailboxes} mailboxes with a {args.large_mb} MB message each ...", flush=True
        )
        large = seed(
            source, target, "large", args.large_mailboxes,
            lambda i: [CorpusFolder(("INBOX",), [CorpusGenerator(seed=900 + i).message(size=args.large_mb * 1024 * 1024)]
                       + [CorpusGenerator(seed=950 + i).message() for _ in range(5)])], ctx,
        )  # fmt: skip
        home = work / "home-large"
        run_env = dict(env, MAILSTAGE_HOME=str(home))
        add_endpoint(run_env, "old", source.host, source.imaps_port)
        add_endpoint(run_env, "new", target.host, target.imaps_port)
        listing = write_list(work / "Large.csv", large)
        print("batch of large messages at concurrency 20 ...", flush=True)
        result, seconds, rss_kb = measure_rss(
            run_env, "migrate", "--source", "old", "--target", "new", "--list", str(listing),
            "--concurrency", "20", "--json",
        )  # fmt: skip
        summary = json.loads(result.stdout) if result.stdout else {}
        if summary.get("status") != "Synced":
            raise SystemExit(f"large batch did not sync: {result.stderr[-2000:]}")
        results["memory"] = {
            "mailboxes": args.large_mailboxes,
            "large_message_mb": args.large_mb,
            "seconds": round(seconds, 2),
            "peak_rss_mb": round(rss_kb / 1024, 1),
            "goal_mb": 300,
        }
    finally:
        source.stop()
        target.stop()
        shutil.rmtree(work, ignore_errors=True)

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_batches.json").write_text(json.dumps(results, indent=2))
    speed, memory = results["speedup"], results["memory"]
    assert isinstance(speed, dict) and isinstance(memory, dict)
    table = "\n".join(
        [
            "| measure | value | goal |",
            "|---|---|---|",
            f"| {speed['mailboxes']} mailboxes x {speed['messages_per_mailbox']} messages, {speed['rtt_ms']:.0f} ms RTT, "
            f"concurrency 20 | {speed['seconds_concurrency_20']} s | |",
            f"| same, concurrency 1 | {speed['seconds_concurrency_1']} s | |",
            f"| aggregate speed-up | {speed['speedup']}x | >= 15x |",
            f"| peak RSS, {memory['mailboxes']} mailboxes with a {memory['large_message_mb']} MB message, "
            f"concurrency 20 | {memory['peak_rss_mb']} MB | <= 300 MB |",
        ]
    )
    (RESULTS / "bench_batches.md").write_text(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
