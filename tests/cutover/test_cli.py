"""`mailstage-cli cutover` as an admin runs it, in a subprocess: the files it writes, what it prints and
its exit codes."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from engine.store import NewBatchMailbox, StateStore
from tests.cutover.test_cutover import make_batch

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_cutover_writes_the_scripts_and_says_where(tmp_path: Path) -> None:
    store = StateStore()
    make_batch(store, "Finance", [NewBatchMailbox("els@contoso.nl"), NewBatchMailbox("bram@contoso.nl")])
    store.close()
    out = tmp_path / "cut over"
    result = cli(
        "cutover", "--batch", "Finance", "--out", str(out), "--cloud-domain", "contoso.mail.onmicrosoft.com"
    )
    assert result.returncode == 0, result.stderr
    assert "Cut-over scripts for batch Finance (2 mailboxes)" in result.stdout and str(out) in result.stdout
    assert "1-Set-Forwarding.ps1" in result.stdout and "2-Convert-ToMailUser.ps1" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "1-Set-Forwarding.ps1",
        "2-Convert-ToMailUser.ps1",
        "mailboxes.csv",
    ]
    with (out / "mailboxes.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1:] == [
            ["els@contoso.nl", "els@contoso.mail.onmicrosoft.com"],
            ["bram@contoso.nl", "bram@contoso.mail.onmicrosoft.com"],
        ]
    assert result.stderr == ""


def test_cutover_of_an_unknown_batch_exits_2_with_what_to_do(tmp_path: Path) -> None:
    result = cli("cutover", "--batch", "Nope", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "There is no batch named Nope." in result.stderr and "mailstage-cli status" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_cutover_that_would_forward_mail_to_itself_exits_2_and_names_the_option(tmp_path: Path) -> None:
    store = StateStore()
    make_batch(store, "Same", [NewBatchMailbox("els@contoso.nl")])
    store.close()
    result = cli("cutover", "--batch", "Same", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "els@contoso.nl in batch Same would forward to itself." in result.stderr
    assert "--cloud-domain" in result.stderr and "Traceback" not in result.stderr


def test_cutover_without_the_batch_option_is_bad_usage(tmp_path: Path) -> None:
    result = cli("cutover", "--out", str(tmp_path))
    assert result.returncode == 2 and "--batch" in result.stderr
