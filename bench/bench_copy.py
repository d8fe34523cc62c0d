"""Benchmark: copying one mailbox with Mailstage, mbsync and imapsync, on loopback and over a WAN.

One command: `.venv/bin/python bench/bench_copy.py` (options: --messages N, --rtt-ms MS, --skip-imapsync).
It starts its own Dovecot (tests/rig), seeds one mailbox of N messages in INBOX from the corpus
generator, and for each tool times a first copy into a fresh mailbox and a re-run with nothing new,
directly on loopback and through the delay proxy (tests/rig/proxy.py) that holds every chunk RTT/2 in
each direction. Every tool runs as its own process (interpreter start-up included; Mailstage from
compiled bytecode, as installed; bench/copy_child.py is its process) and every copy is checked to have
arrived complete. Mailstage's copies are also reported as timed inside its process, which is what each
mailbox costs the batch runner. It also measures the peak memory (max RSS) of a Mailstage copy
of a mailbox holding 25 MB messages against one without them.

Writes bench/results/bench_copy.json and bench/results/bench_copy.md (the table). mbsync is Debian's
`isync`; imapsync is used when it is found on PATH (its upstream script, run with Debian's Perl
modules; never part of this repository).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from tests.rig.dovecot import DovecotServer

RESULTS = ROOT / "bench" / "results"
IN_PROCESS = "mailstage, per mailbox in a running process"


@dataclass
class Run:
    tool: str
    network: str  # "loopback" or "rtt20"
    phase: str  # "first" or "rerun"
    seconds: float
    messages_on_target: int
    ok: bool
    note: str = ""


# -- the tools ---------------------------------------------------------------------------------------


def run_mailstage(
    home: Path, host: str, port: int, source: tuple[str, str], target: tuple[str, str]
) -> tuple[float, str]:
    """A copy by Mailstage in a process of its own; passwords reach it through its stdin."""
    spec = {"host": host, "port": port, "source": source, "target": target}
    env = dict(os.environ, MAILSTAGE_HOME=str(home))
    # An installed Mailstage runs from compiled bytecode; this machine's PYTHONDONTWRITEBYTECODE would
    # make every run compile the engine again. The cache goes outside the repository.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home.parent / "pycache")
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent / "copy_child.py")],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"mailstage failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[-1]


def run_mbsync(
    workdir: Path, host: str, port: int, ca: Path, source: tuple[str, str], target: tuple[str, str]
) -> tuple[float, str]:
    state = workdir / "mbsync-state"
    state.mkdir(parents=True, exist_ok=True)
    config = workdir / "mbsyncrc"
    config.write_text(
        f"""IMAPAccount far
Host {host}
Port {port}
User {source[0]}
Pass {source[1]}
SSLType IMAPS
CertificateFile {ca}

IMAPStore far
Account far

IMAPAccount near
Host {host}
Port {port}
User {target[0]}
Pass {target[1]}
SSLType IMAPS
CertificateFile {ca}

IMAPStore near
Account near

Channel copy
Far :far:
Near :near:
Patterns *
Sync Pull
Create Near
CopyArrivalDate yes
SyncState {state}/
"""
    )
    started = time.perf_counter()
    done = subprocess.run(
        ["mbsync", "-c", str(config), "-q", "copy"], capture_output=True, text=True, timeout=3600
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"mbsync failed: {done.stderr[-2000:]}")
    return seconds, ""


def run_imapsync(
    workdir: Path, host: str, port: int, source: tuple[str, str], target: tuple[str, str]
) -> tuple[float, str]:
    command = [
        "imapsync",
        "--host1", host, "--port1", str(port), "--ssl1", "--user1", source[0], "--password1", source[1],
        "--host2", host, "--port2", str(port), "--ssl2", "--user2", target[0], "--password2", target[1],
        "--nolog", "--noreleasecheck", "--tmpdir", str(workdir), "--pidfile", str(workdir / "imapsync.pid"),
    ]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=7200, cwd=workdir)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"imapsync failed ({done.returncode}): {done.stdout[-3000:]}")
    return seconds, ""


# -- helpers ---------------------------------------------------------------------------------------------


def count_messages(server: DovecotServer, user: str, password: str, context: ssl.SSLContext) -> int:
    from imapclient import IMAPClient

    with IMAPClient(server.host, port=server.imaps_port, ssl_context=context) as imap:
        imap.login(user, password)
        total = 0
        for flags, _, name in imap.list_folders():
            if b"\\Noselect" not in flags:
                total += imap.folder_status(name, [b"MESSAGES"])[b"MESSAGES"]
        return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rtt-ms", type=float, default=20.0)
    parser.add_argument("--skip-imapsync", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per tool and network (the median is reported)"
    )
    parser.add_argument(
        "--imapsync-repeat", type=int, default=1, help="imapsync takes minutes a run over the WAN"
    )
    args = parser.parse_args()
    # The test rig is imported here only: the Mailstage child process must not pay for it.
    from tests.rig.certs import TestCA
    from tests.rig.corpus import CorpusFolder, CorpusGenerator, seed_imap
    from tests.rig.dovecot import DovecotServer
    from tests.rig.proxy import TcpProxy

    work = Path(tempfile.mkdtemp(prefix="bench-copy-"))
    ca = TestCA(work / "ca")
    os.environ["SSL_CERT_FILE"] = str(ca.cert_path)  # the product trusts the system store, extended here
    context = ssl.create_default_context(cafile=str(ca.cert_path))
    server = DovecotServer(ca.issue("imap"), root=work / "dovecot").start()
    tools = ["mailstage", "mbsync"]
    imapsync_note = ""
    if shutil.which("imapsync") and not args.skip_imapsync:
        tools.append("imapsync")
    else:
        imapsync_note = (
            "imapsync: not measured (--skip-imapsync)"
            if args.skip_imapsync
            else "imapsync not found on PATH: not measured"
        )
    runs: list[Run] = []
    counter = 0
    try:
        source = ("bench-source@example.nl", "bench-source-pw")
        server.add_user(*source)
        generator = CorpusGenerator(seed=2026)
        mailbox = [CorpusFolder(("INBOX",), [generator.message() for _ in range(args.messages)])]
        seed_imap(server.host, server.imaps_port, *source, mailbox, ssl_context=context)
        expected = count_messages(server, *source, context)
        print(f"source: {expected} messages, {sum(len(m.raw) for m in mailbox[0].messages) / 1e6:.1f} MB")

        for network in ("loopback", f"rtt{args.rtt_ms:g}"):
            proxy = (
                TcpProxy(server.host, server.imaps_port, delay=args.rtt_ms / 2000).start()
                if network != "loopback"
                else None
            )
            port = proxy.port if proxy else server.imaps_port
            try:
                for tool in tools:
                    repeats = args.imapsync_repeat if tool == "imapsync" else args.repeat
                    for _ in range(repeats):
                        counter += 1
                        target = (f"bench-{tool}-{counter}@example.nl", f"pw-{counter}")
                        server.add_user(*target)
                        tool_dir = work / f"{tool}-{counter}"
                        tool_dir.mkdir()
                        for phase in ("first", "rerun"):
                            if tool == "mailstage":
                                seconds, note = run_mailstage(tool_dir, server.host, port, source, target)
                            elif tool == "mbsync":
                                seconds, note = run_mbsync(
                                    tool_dir, server.host, port, ca.cert_path, source, target
                                )
                            else:
                                seconds, note = run_imapsync(tool_dir, server.host, port, source, target)
                            got = count_messages(server, *target, context)
                            runs.append(
                                Run(tool, network, phase, round(seconds, 3), got, got == expected, note)
                            )
                            if tool == "mailstage":
                                # The same copy timed inside the process: what one mailbox costs a running
                                # Mailstage (the batch runner copies many mailboxes in one process).
                                inside = float(note.split("inside_s=")[1].split()[0])
                                runs.append(Run(IN_PROCESS, network, phase, inside, got, got == expected, ""))
                            print(
                                f"{tool:10} {network:9} {phase:6} {seconds:8.2f} s  {got} messages  {note}",
                                flush=True,
                            )
            finally:
                if proxy:
                    proxy.stop()

        memory = measure_memory(server, context, work)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    write_results(args, runs, memory, imapsync_note)


def measure_memory(server: DovecotServer, context: ssl.SSLContext, work: Path) -> dict[str, int]:
    """Peak RSS of a Mailstage copy: a mailbox with three 25 MB messages against one without them."""
    from tests.rig.corpus import CorpusFolder, CorpusGenerator, seed_imap

    out: dict[str, int] = {}
    for label, large in (("small_messages_only_kb", 0), ("with_three_25mb_messages_kb", 3)):
        source = (f"mem-source-{label}@example.nl", "mem-pw")
        target = (f"mem-target-{label}@example.nl", "mem-pw")
        server.add_user(*source)
        server.add_user(*target)
        generator = CorpusGenerator(seed=7)
        messages = [generator.message() for _ in range(200)]
        messages += [generator.message(size=25 * 1024 * 1024) for _ in range(large)]
        seed_imap(
            server.host, server.imaps_port, *source, [CorpusFolder(("INBOX",), messages)], ssl_context=context
        )
        home = work / f"mem-{label}"
        home.mkdir()
        _, line = run_mailstage(home, server.host, server.imaps_port, source, target)
        out[label] = int(line.split("peak_rss_kb=")[1])
        print(f"memory {label}: {out[label] / 1024:.0f} MB peak RSS")
    return out


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def write_results(args: argparse.Namespace, runs: list[Run], memory: dict[str, int], note: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    grouped: dict[tuple[str, str, str], list[Run]] = {}
    for run in runs:
        grouped.setdefault((run.tool, run.network, run.phase), []).append(run)
    by = {key: median([r.seconds for r in group]) for key, group in grouped.items()}
    networks = sorted({r.network for r in runs}, key=lambda n: n != "loopback")
    ratios: dict[str, float] = {}
    for peer in ("imapsync", "mbsync"):
        for network in networks:
            for phase in ("first", "rerun"):
                ours, theirs = by.get(("mailstage", network, phase)), by.get((peer, network, phase))
                inside = by.get((IN_PROCESS, network, phase))
                if ours and theirs:
                    ratios[f"{peer}/{network}/{phase}"] = round(theirs / ours, 1)
                if inside and theirs:
                    ratios[f"{peer}/{network}/{phase} (per mailbox in a running Mailstage)"] = round(
                        theirs / inside, 1
                    )
    data = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_end": os.getloadavg(),
        "messages": args.messages,
        "rtt_ms": args.rtt_ms,
        "median_seconds": {"/".join(key): value for key, value in by.items()},
        "speedup_vs_peer": ratios,
        "peak_rss_kb": memory,
        "runs": [asdict(r) for r in runs],
        "note": note,
    }
    (RESULTS / "bench_copy.json").write_text(json.dumps(data, indent=2) + "\n")
    lines = [
        f"# Copy benchmark ({data['when']})",
        "",
        f"{args.messages} messages in one mailbox (INBOX), Dovecot {server_version()} on loopback; "
        f"the WAN case goes through a proxy adding {args.rtt_ms:g} ms round trip. Median seconds of "
        f"{args.repeat} runs ({args.imapsync_repeat} for imapsync), lower is better; every tool runs as its own "
        f"process. Machine: {data['machine']}, load average at the end "
        f"{' / '.join(f'{x:.1f}' for x in data['load_average_at_end'])}.",
        "",
        "| tool | " + " | ".join(f"{n} first | {n} re-run" for n in networks) + " |",
        "|---|" + "---|---|" * len(networks),
    ]
    for tool in dict.fromkeys(r.tool for r in runs):
        cells = []
        for network in networks:
            for phase in ("first", "rerun"):
                group = grouped.get((tool, network, phase), [])
                complete = all(r.ok for r in group)
                cells.append(
                    "-"
                    if not group
                    else f"{by[(tool, network, phase)]:.2f}" + ("" if complete else " (incomplete!)")
                )
        lines.append(f"| {tool} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"The row '{IN_PROCESS}' is the same copies timed inside the Mailstage process (no interpreter "
        "start-up), which is what each further mailbox costs when the batch runner copies a batch.",
    ]
    lines += [
        "",
        "How many times faster Mailstage is (peer's median time / Mailstage's, start-up included):",
        "",
    ]
    lines += [f"- {key}: {value}x" for key, value in ratios.items()]
    lines += [
        "",
        "Peak memory (VmHWM) of a Mailstage copy process: "
        + ", ".join(f"{k.removesuffix('_kb').replace('_', ' ')} {v / 1024:.0f} MB" for k, v in memory.items())
        + ".",
    ]
    if note:
        lines += ["", note]
    (RESULTS / "bench_copy.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def server_version() -> str:
    try:
        return subprocess.run(["dovecot", "--version"], capture_output=True, text=True).stdout.split()[0]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    main()
