"""`mailstage --self-test` from the checkout: quick, so it runs with ./dev test.

The frozen bundle's self-test, and how it fails when a part is missing, is in test_bundle.py.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_self_test(tmp_path: Path, env: dict[str, str]) -> tuple[int, str, str]:
    report = tmp_path / "report.txt"
    result = subprocess.run(
        [sys.executable, "-m", "gui.app", "--self-test", str(report)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    text = report.read_text() if report.exists() else ""
    return result.returncode, result.stdout, text


def line_of(report: str, name: str) -> str:
    lines = [line for line in report.splitlines() if line.split()[1:2] == [name]]
    assert len(lines) == 1, f"no single line for {name} in:\n{report}"
    return lines[0]


def without_keyring_backend() -> dict[str, str]:
    """The environment of a machine with no keyring: no test backend, no D-Bus session."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON_KEYRING", "DBUS_", "MAILSTAGE_TEST_KEYRING"))
    }


@dataclass(frozen=True)
class SelfTestRun:
    code: int
    stdout: str
    report: str
    keyring_file: Path
    home_before: list[Path]
    home_after: list[Path]


@pytest.fixture(scope="module")
def run_with_keyring(tmp_path_factory: pytest.TempPathFactory) -> SelfTestRun:
    """One self-test run (it includes the demo migration, several seconds) shared by the tests below:
    a working keyring (the tests' file-backed one) and a state folder that already holds data."""
    folder = tmp_path_factory.mktemp("selftest")
    home = folder / "home"
    (home / "logs").mkdir(parents=True)
    (home / "logs" / "mailstage.log").write_text("the user's own log\n")
    keyring_file = folder / "keyring.json"
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.rig.keyring_backend.FileKeyring",
        "MAILSTAGE_TEST_KEYRING": str(keyring_file),
        "MAILSTAGE_HOME": str(home),
    }
    before = sorted(home.rglob("*"))
    code, stdout, report = run_self_test(folder, env)
    return SelfTestRun(code, stdout, report, keyring_file, before, sorted(home.rglob("*")))


def test_self_test_with_a_working_keyring_passes_and_round_trips_a_secret_without_leaving_it(
    run_with_keyring: SelfTestRun,
) -> None:
    run = run_with_keyring
    assert run.code == 0, run.stdout
    assert run.stdout == run.report, "the report file must say what stdout said"
    assert line_of(run.report, "keyring").startswith("PASS")
    assert "stored, read back and deleted" in line_of(run.report, "keyring")
    assert json.loads(run.keyring_file.read_text()) == {}, (
        "the self-test left its probe secret in the keyring"
    )
    for name in ("qt.platform-files", "qt.platform", "qt.style", "qt.imageformats", "translations", "engine"):
        assert line_of(run.report, name).startswith("PASS"), run.report
    assert run.report.splitlines()[-1].startswith("Self-test passed:")


def test_self_test_leaves_the_users_state_folder_alone(run_with_keyring: SelfTestRun) -> None:
    assert run_with_keyring.code == 0, run_with_keyring.stdout
    assert run_with_keyring.home_after == run_with_keyring.home_before


def test_self_test_runs_the_demo_migration_when_the_engine_has_one_and_says_not_available_when_not(
    run_with_keyring: SelfTestRun,
) -> None:
    demo_line = line_of(run_with_keyring.report, "engine.demo")
    if importlib.util.find_spec("engine.demo") is None:
        assert demo_line.startswith("N/A") and "no engine/demo.py yet" in demo_line
    else:
        assert demo_line.startswith("PASS") and "5 of 5 mailboxes synced" in demo_line, demo_line


def test_self_test_on_a_machine_without_secret_service_reports_the_keyring_as_not_available_with_the_reason(
    tmp_path: Path,
) -> None:
    code, _, report = run_self_test(tmp_path, without_keyring_backend())
    keyring_line = line_of(report, "keyring")
    assert keyring_line.startswith("N/A"), keyring_line
    assert "DBUS_SESSION_BUS_ADDRESS is unset" in keyring_line
    assert "Credential Manager" in keyring_line
    assert code == 0, report
    assert "not run here: keyring" in report.splitlines()[-1]


def test_self_test_fails_with_exit_1_and_names_a_missing_platform_plugin_instead_of_letting_qt_abort(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "nosuchplatform"}
    code, _, report = run_self_test(tmp_path, env)
    assert code == 1
    assert line_of(report, "qt.platform-files").startswith("FAIL")
    assert "libqnosuchplatform.so" in line_of(report, "qt.platform-files")
    assert report.splitlines()[-1].startswith("Self-test FAILED")
    assert "Missing: qt.platform-files." in report.splitlines()[-1]
