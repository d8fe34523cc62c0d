"""Benchmark: how long the wizard's main thread stalls while a 20-mailbox batch runs (goal: <= 50 ms).

One command: `.venv/bin/python bench/bench_gui_stall.py` (options: --mailboxes N, --messages N,
--rtt-ms MS, --probe-ms MS). It starts its own Dovecot servers (tests/rig), seeds N mailboxes of M
messages on the source, opens the wizard offscreen on a project whose list and endpoints are filled in
(the same objects the pages write), presses "Start migration" and lets the progress page run the batch
through the bridge, exactly as an admin's click would, until the wizard moves on to the report.

The probe is a QTimer firing every --probe-ms on the main thread; a stall is the time between two
firings beyond the interval, i.e. how long the event loop could not answer a click or a repaint. The
batch runs through a delay proxy (--rtt-ms, the admin's WAN) so it lasts long enough to be measured.
Writes bench/results/bench_gui_stall.json and bench/results/bench_gui_stall.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.rig.certs import TestCA  # noqa: E402
from tests.rig.corpus import CorpusGenerator, seed_imap  # noqa: E402
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotServer  # noqa: E402
from tests.rig.proxy import TcpProxy  # noqa: E402

RESULTS = ROOT / "bench" / "results"
GOAL_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mailboxes", type=int, default=20)
    parser.add_argument("--messages", type=int, default=150)
    parser.add_argument("--rtt-ms", type=float, default=10.0)
    parser.add_argument("--probe-ms", type=int, default=5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="mailstage-bench-gui-"))
    os.environ["MAILSTAGE_HOME"] = str(work / "home")
    ca = TestCA(work / "ca")
    os.environ["SSL_CERT_FILE"] = str(ca.cert_path)
    import ssl

    import keyring

    from tests.rig.keyring_backend import FileKeyring

    # The batch runs in a child process that reads the keyring itself: a file-backed one both see.
    os.environ["MAILSTAGE_TEST_KEYRING"] = str(work / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.rig.keyring_backend.FileKeyring"
    keyring.set_keyring(FileKeyring())
    context = ssl.create_default_context(cafile=str(ca.cert_path))
    cert = ca.issue("imap")
    source = DovecotServer(cert, root=work / "source").start()
    target = DovecotServer(cert, root=work / "target").start()
    delay = args.rtt_ms / 2000
    try:
        with (
            TcpProxy(source.host, source.imaps_port, delay=delay) as source_proxy,
            TcpProxy(target.host, target.imaps_port, delay=delay) as target_proxy,
        ):
            print(f"seeding {args.mailboxes} mailboxes x {args.messages} messages ...", flush=True)
            addresses = []
            for index in range(args.mailboxes):
                address = f"stall{index}@example.nl"
                source.add_user(address, "pw-" + address)
                target.add_user(address, "pw-" + address)
                tree = CorpusGenerator(seed=500 + index).tree(args.messages)
                seed_imap(source.host, source.imaps_port, address, "pw-" + address, tree, ssl_context=context)
                addresses.append(address)
            result = measure(args, addresses, source_proxy, target_proxy)
    finally:
        source.stop()
        target.stop()
    result.update(
        mailboxes=args.mailboxes,
        messages_per_mailbox=args.messages,
        rtt_ms=args.rtt_ms,
        probe_ms=args.probe_ms,
        goal_ms=GOAL_MS,
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        when=dt.datetime.now().isoformat(timespec="seconds"),
    )
    write(result)
    print(json.dumps(result, indent=2))
    return 0 if result["batch_status"] == "Synced" else 1


def measure(
    args: argparse.Namespace, addresses: list[str], source_proxy: TcpProxy, target_proxy: TcpProxy
) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWizard

    from engine.endpoints import secret_key
    from engine.keystore import SecretStore
    from gui.app import make_application
    from gui.context import WizardContext
    from gui.flow import BatchPhase, MigrationProject, PageId
    from gui.wizard import MigrationWizard

    app = make_application(sys.argv[:1])
    project = MigrationProject.new("Stall benchmark")
    list_file = Path(os.environ["MAILSTAGE_HOME"]) / "bench.csv"
    list_file.parent.mkdir(parents=True, exist_ok=True)
    list_file.write_text("EmailAddress\n" + "\n".join(addresses) + "\n", encoding="utf-8")
    project.mailbox_list.path = str(list_file)
    for side, proxy in ((project.source, source_proxy), (project.target, target_proxy)):
        side.host, side.port, side.security = proxy.host, proxy.port, "tls"
        side.admin_user, side.password_stored = MASTER_USER, True
        side.tested = side.signature()
    for name in (project.source_name, project.target_name):
        SecretStore().put(secret_key(name), MASTER_PASSWORD)
    project.checks.ran_for = project.setup_signature()
    wizard = MigrationWizard(
        context=WizardContext(project=project, projects_folder=Path(os.environ["MAILSTAGE_HOME"]))
    )
    wizard.show()
    # The list page reads the file in the background, as it does for a reopened migration.
    page = wizard.mailbox_list_page
    while page.mailbox_list is None:
        if page.error_view.parts is not None:
            raise SystemExit(f"the list could not be read: {page.error_view.parts}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    project.checks.ran_for = project.setup_signature()
    while wizard.currentId() != int(PageId.BATCH):
        wizard.next()

    gaps: list[float] = []
    clock = QElapsedTimer()
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(max(0, now - last[0] - args.probe_ms))
        last[0] = now

    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(args.probe_ms)
    probe.timeout.connect(tick)
    deliveries = [0]
    original = wizard.progress_page.model.update

    def counted(changes: dict) -> None:  # type: ignore[type-arg]
        deliveries[0] += 1
        original(changes)

    wizard.progress_page.model.update = counted  # type: ignore[method-assign]
    started = time.perf_counter()
    clock.start()
    probe.start()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    loop = QEventLoop()
    deadline = time.perf_counter() + 1800
    while wizard.currentId() != int(PageId.REPORT) and time.perf_counter() < deadline:
        if project.batch.phase == BatchPhase.STOPPED:
            break
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    probe.stop()
    seconds = time.perf_counter() - started
    summary = wizard.context.summary
    wizard.context.shutdown()
    QApplication.processEvents()
    del app
    ordered = sorted(gaps)
    return {
        "batch_status": str(summary.status) if summary else project.batch.status or "did not finish",
        "batch_seconds": round(seconds, 1),
        "probe_ticks": len(gaps),
        "longest_stall_ms": ordered[-1] if ordered else None,
        "p99_stall_ms": ordered[int(len(ordered) * 0.99)] if ordered else None,
        "median_stall_ms": statistics.median(ordered) if ordered else None,
        "stalls_over_goal": sum(1 for gap in ordered if gap > GOAL_MS),
        "table_updates": deliveries[0],
        "messages_copied": summary.items_migrated if summary else 0,
    }


def write(result: dict) -> None:  # type: ignore[type-arg]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_gui_stall.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    verdict = "met" if (result["longest_stall_ms"] or 0) <= GOAL_MS else "NOT met"
    lines = [
        "# Main-thread stall while a batch runs in the wizard",
        "",
        f"{result['mailboxes']} mailboxes x {result['messages_per_mailbox']} messages, RTT {result['rtt_ms']} ms, "
        f"probe every {result['probe_ms']} ms; {result['machine']}; {result['when']}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| batch | {result['batch_status']} in {result['batch_seconds']} s, {result['messages_copied']} messages |",
        f"| longest stall | {result['longest_stall_ms']} ms (goal <= {GOAL_MS:.0f} ms: {verdict}) |",
        f"| 99th percentile | {result['p99_stall_ms']} ms |",
        f"| median | {result['median_stall_ms']} ms |",
        f"| stalls over the goal | {result['stalls_over_goal']} of {result['probe_ticks']} probe ticks |",
        f"| progress-table updates | {result['table_updates']} |",
        "",
    ]
    (RESULTS / "bench_gui_stall.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
