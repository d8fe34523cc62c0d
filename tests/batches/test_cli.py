"""The command line end to end, in subprocesses as an admin runs it: endpoints, migrate, status, report,
verify, exit codes, a SIGKILL in the middle, and no password anywhere Mailstage writes or shows."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.batches.helpers import mail_messages, make_pairs
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotOptions, DovecotServer

ROOT = Path(__file__).resolve().parents[2]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


def cli(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=ROOT,
        timeout=timeout,
    )


def add_endpoints(source: DovecotServer, target: DovecotServer) -> None:
    for name, server in (("old", source), ("new", target)):
        result = cli(
            "endpoint",
            "add",
            name,
            "--url",
            f"imaps://{server.host}:{server.imaps_port}",
            "--admin",
            MASTER_USER,
            "--password-stdin",
            stdin=MASTER_PASSWORD + "\n",
        )
        assert result.returncode == 0, result.stderr


def write_list(path: Path, addresses: list[str]) -> Path:
    # Microsoft's staged format, as Dutch Excel saves it: semicolons, Windows-1252, a BOM-less file.
    lines = ["EmailAddress;Password;ForceChangePassword"] + [f"{a};;False" for a in addresses]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    return path


@pytest.fixture
def servers(dovecot_factory, dovecot):  # type: ignore[no-untyped-def]
    return dovecot_factory(DovecotOptions(special_use=False)), dovecot


def test_migrate_through_the_cli_syncs_reports_and_verifies(servers, ca_context, tmp_path: Path) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 3, ca_context)
    add_endpoints(source, target)
    listing = write_list(tmp_path / "Pilot.csv", [p.source for p in pairs])
    result = cli("migrate", "--source", "old", "--target", "new", "--list", str(listing), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert summary["status"] == "Synced" and summary["synced"] == 3
    assert {m["grade"] for m in summary["mailboxes"]} == {"Perfect"}
    # An incremental run copies nothing new.
    again = json.loads(
        cli("migrate", "--source", "old", "--target", "new", "--batch", "Pilot", "--json").stdout
    )
    assert again["status"] == "Synced"
    status = json.loads(cli("status", "--json").stdout)
    assert status[0]["batch"] == "Pilot" and status[0]["counts"] == {"Synced": 3}
    out = tmp_path / "reports"
    assert cli("report", "--batch", "Pilot", "--out", str(out)).returncode == 0
    assert (out / "MigrationStatistics.csv").read_text(encoding="utf-8-sig").count("Complete") == 3
    verified = cli("verify", "--batch", "Pilot", "--json")
    assert verified.returncode == 0, verified.stderr
    assert {m["grade"] for m in json.loads(verified.stdout)["mailboxes"]} == {"Perfect"}


def test_a_date_range_copies_the_recent_mail_first_and_widening_it_copies_the_rest_once(
    servers, ca_context, tmp_path: Path
) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 2, ca_context, messages=40)  # dates spread over 2019-2025
    add_endpoints(source, target)
    listing = write_list(tmp_path / "Recent.csv", [p.source for p in pairs])
    cutoff = dt.date(2023, 1, 1)
    first = cli(
        "migrate",
        "--source",
        "old",
        "--target",
        "new",
        "--list",
        str(listing),
        "--since",
        "1-1-2023",
        "--json",
    )
    assert first.returncode == 0, first.stdout + first.stderr
    assert "only messages received on or after 2023-01-01" in first.stderr
    summary = json.loads(first.stdout)
    # The verification expects only what the range asked for: nothing is reported missing.
    assert {m["grade"] for m in summary["mailboxes"]} == {"Perfect"}
    status = json.loads(cli("status", "--batch", "Recent", "--json").stdout)
    assert status[0]["dates"] == {"since": "2023-01-01", "until": None}
    assert "Copies received on or after 2023-01-01." in cli("status", "--batch", "Recent").stdout
    for pair in pairs:
        wanted = mail_messages(source, pair.source, pair.source_password, ca_context)
        recent = Counter({m: n for m, n in wanted.items() if m.internaldate.date() >= cutoff})
        assert 0 < sum(recent.values()) < sum(wanted.values())
        assert mail_messages(target, pair.target, pair.target_password, ca_context) == recent

    # The same batch without the range: the older mail follows, and nothing arrives twice.
    second = cli(
        "migrate", "--source", "old", "--target", "new", "--batch", "Recent", "--all-dates", "--json"
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "the date range is now all messages" in second.stderr
    for pair in pairs:
        assert mail_messages(target, pair.target, pair.target_password, ca_context) == mail_messages(
            source, pair.source, pair.source_password, ca_context
        )
    verified = cli("verify", "--batch", "Recent", "--json")
    assert {m["grade"] for m in json.loads(verified.stdout)["mailboxes"]} == {"Perfect"}

    for bad, words in (
        (["--since", "31-2-2024"], "--since: '31-2-2024' is not a date"),
        (["--since", "2024-05-01", "--until", "2024-04-01"], "ends (2024-04-01) before it begins"),
        (["--since", "2024-05-01", "--all-dates"], "either --all-dates or a date range"),
    ):
        refused = cli("migrate", "--source", "old", "--target", "new", "--batch", "Recent", *bad)
        assert refused.returncode == 2 and words in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr


def test_a_failed_mailbox_makes_migrate_exit_1_and_a_bad_list_exit_2(
    servers, ca_context, tmp_path: Path
) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 2, ca_context)
    add_endpoints(source, target)
    listing = write_list(tmp_path / "Week1.csv", [pairs[0].source, "nobody-here@example.nl"])
    result = cli("migrate", "--source", "old", "--target", "new", "--list", str(listing))
    assert result.returncode == 1
    assert "nobody-here@example.nl" in result.stdout and "Failed" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("EmailAddress;Password\nnot-an-address;;\n")
    refused = cli("migrate", "--source", "old", "--target", "new", "--list", str(bad))
    assert refused.returncode == 2
    assert "mailstage-cli validate" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_sigkill_in_the_middle_then_migrate_again_is_exact_without_duplicates(
    servers, ca_context, tmp_path: Path
) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 4, ca_context, messages=150)
    add_endpoints(source, target)
    listing = write_list(tmp_path / "Crash.csv", [p.source for p in pairs])
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "engine.cli",
            "migrate",
            "--source",
            "old",
            "--target",
            "new",
            "--list",
            str(listing),
            "--concurrency",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=ROOT,
    )
    assert process.stderr is not None
    for line in process.stderr:  # wait for real progress, then kill without warning
        if "messages," in line and not line.strip().startswith("0%"):
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    result = cli("migrate", "--source", "old", "--target", "new", "--batch", "Crash")
    assert result.returncode == 0, result.stdout + result.stderr
    for pair in pairs:
        want = mail_messages(source, pair.source, pair.source_password, ca_context)
        got = mail_messages(target, pair.target, pair.target_password, ca_context)
        assert got == want, pair.source


def test_no_password_in_state_logs_reports_output_or_process_list(
    servers, ca_context, tmp_path: Path, isolated_state: Path
) -> None:
    source, target = servers
    pairs = make_pairs(source, target, 2, ca_context, messages=40)
    add_endpoints(source, target)
    # An IMAP-format list carrying each user's own password (the source without admin access).
    listing = tmp_path / "Own.csv"
    listing.write_text(
        "EmailAddress,UserName,Password\n"
        + "".join(f"{p.source},{p.source},{p.source_password}\n" for p in pairs)
    )
    assert (
        cli("endpoint", "add", "plain", "--url", f"imaps://{source.host}:{source.imaps_port}").returncode == 0
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "engine.cli",
            "-v",
            "migrate",
            "--source",
            "plain",
            "--target",
            "new",
            "--list",
            str(listing),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=ROOT,
    )
    command_lines = []
    while process.poll() is None:
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    command_lines.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"))
                except OSError:
                    pass
        if len(command_lines) > 2000:
            break
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    secrets = [MASTER_PASSWORD] + [p.source_password for p in pairs] + [p.target_password for p in pairs]
    written = [f for f in isolated_state.rglob("*") if f.is_file()]
    assert any(f.name.endswith(".sqlite3") for f in written) and any(f.name == "batch.log" for f in written)
    for secret in secrets:
        assert secret not in out and secret not in err
        assert not any(secret in line for line in command_lines)
        for path in written:
            assert secret.encode() not in path.read_bytes(), path


def test_demo_runs_a_whole_staged_migration_and_says_where_the_reports_are(tmp_path: Path) -> None:
    result = cli("demo", "--folder", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Batch Demo: Synced" in result.stdout
    assert "5 of 5 mailboxes migrated, 0 failed" in result.stdout
    assert result.stdout.count("verification Perfect") == 5
    assert (tmp_path / "demo" / "reports" / "summary.html").is_file()
    # Postvak IN's subfolder landed under INBOX, and the calendar (Agenda) stayed out of the mail copy.
    mailbox = tmp_path / "demo" / "new-server" / "jan.devries@voorbeeld-bv.nl"
    assert (mailbox / ".INBOX.Klanten").is_dir()
    assert (mailbox / ".Verzonden items").is_dir()
    assert not (mailbox / ".Agenda").exists()


def test_status_mail_arrives_after_the_first_pass_and_at_completion(
    servers, ca_context, tmp_path: Path, session_ca
) -> None:
    from tests.rig.smtp import SmtpServer

    source, target = servers
    pairs = make_pairs(source, target, 2, ca_context, messages=6)
    add_endpoints(source, target)
    smtp = SmtpServer(session_ca.issue("smtp-cli"), "mailer@example.nl", "Smtp-Geheim-42").start()
    try:
        setup = cli(
            "mail", "setup", "--host", smtp.host, "--port", str(smtp.port), "--user", "mailer@example.nl",
            "--to", "it@example.nl", "--password-stdin", stdin="Smtp-Geheim-42\n",
        )  # fmt: skip
        assert setup.returncode == 0, setup.stderr
        listing = write_list(tmp_path / "Mail.csv", [p.source for p in pairs] + ["missing-one@example.nl"])
        result = cli("migrate", "--source", "old", "--target", "new", "--list", str(listing))
        assert result.returncode == 1  # the missing mailbox failed
        first = smtp.inbox.wait_for(1)[0]
        assert "2 of 3 mailboxes migrated, 1 failed" in first["Subject"]
        assert sorted(p.get_filename() for p in first.iter_attachments()) == [
            "MigrationErrors.csv",
            "MigrationStatistics.csv",
        ]
        errors = next(p for p in first.iter_attachments() if p.get_filename() == "MigrationErrors.csv")
        assert "missing-one@example.nl" in errors.get_content()
        done = cli("complete", "--batch", "Mail")
        assert done.returncode == 0, done.stderr
        final = smtp.inbox.wait_for(2)[1]
        assert "completed" in final["Subject"]
    finally:
        smtp.stop()
    assert "Smtp-Geheim-42" not in (
        isolated := (Path(os.environ["MAILSTAGE_HOME"]) / "statusmail.json").read_text()
    )
    assert "mailer@example.nl" in isolated
