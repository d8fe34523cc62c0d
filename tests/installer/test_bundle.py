"""The PyInstaller bundle: its --self-test passes offscreen, and fails, naming the part, when one is missing.

The bundle copies are hard-linked (cp -al) so each test can delete a file without touching dist/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The first test may build the bundle and the LZMA installer (up to ~10 minutes on a busy 2-core box).
pytestmark = pytest.mark.timeout(1800)


def self_test(bundle: Path, tmp_path: Path, **extra_env: str) -> tuple[int, str, str]:
    """Run BUNDLE's --self-test as a user would (no test keyring); (exit code, report, stderr)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON_KEYRING", "DBUS_"))}
    env.update(QT_QPA_PLATFORM="offscreen", MAILSTAGE_HOME=str(tmp_path / "home"), **extra_env)
    report = tmp_path / "self-test.txt"
    result = subprocess.run(
        [str(bundle / "Mailstage"), "--self-test", str(report)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    text = report.read_text() if report.exists() else ""
    assert result.stdout == text, "the report file and stdout differ"
    return result.returncode, text, result.stderr


def line_of(report: str, name: str) -> str:
    lines = [line for line in report.splitlines() if line.split()[1:2] == [name]]
    assert len(lines) == 1, f"no single line for {name} in:\n{report}"
    return lines[0]


@pytest.fixture
def bundle_copy(built: tuple[Path, Path], tmp_path: Path) -> Path:
    bundle, _ = built
    copy = tmp_path / "Mailstage"
    subprocess.run(["cp", "-al", str(bundle), str(copy)], check=True)
    return copy


def test_bundle_self_test_passes_offscreen_and_says_what_this_machine_cannot_check(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    bundle, _ = built
    code, report, stderr = self_test(bundle, tmp_path)
    assert code == 0, report + stderr
    assert "frozen bundle" in report.splitlines()[0]
    for name in ("qt.platform-files", "qt.platform", "qt.style", "qt.imageformats", "translations", "engine"):
        assert line_of(report, name).startswith("PASS"), report
    assert "Annuleren" in line_of(report, "translations")
    keyring_line = line_of(report, "keyring")
    # No Secret Service on this machine: honest N/A with the reason, never PASS.
    assert keyring_line.startswith("N/A") and "DBUS_SESSION_BUS_ADDRESS" in keyring_line, keyring_line
    assert "SecretService" in keyring_line and "Windows" in keyring_line
    demo_line = line_of(report, "engine.demo")
    if (ROOT / "engine" / "demo.py").exists():
        assert demo_line.startswith("PASS") and "mailboxes synced" in demo_line, demo_line
    else:
        assert demo_line.startswith("N/A"), demo_line
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())


def test_bundle_without_qt_dutch_translation_fails_its_self_test_naming_the_file(
    bundle_copy: Path, tmp_path: Path
) -> None:
    (bundle_copy / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_nl.qm").unlink()
    code, report, _ = self_test(bundle_copy, tmp_path)
    assert code == 1
    assert line_of(report, "translations").startswith("FAIL")
    assert "qtbase_nl" in line_of(report, "translations")
    assert "Missing: translations." in report.splitlines()[-1]


def test_bundle_without_its_own_dutch_translation_fails_its_self_test(
    bundle_copy: Path, tmp_path: Path
) -> None:
    (bundle_copy / "_internal" / "resources" / "translations" / "mailstage_nl.qm").unlink()
    code, report, _ = self_test(bundle_copy, tmp_path)
    assert code == 1
    assert "mailstage_nl" in line_of(report, "translations")


def test_bundle_without_the_platform_plugin_fails_its_self_test_instead_of_crashing(
    bundle_copy: Path, tmp_path: Path
) -> None:
    (bundle_copy / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").unlink()
    code, report, stderr = self_test(bundle_copy, tmp_path)
    assert code == 1, f"exit {code}: {stderr[-500:]}"
    assert line_of(report, "qt.platform-files").startswith("FAIL")
    assert "libqoffscreen.so" in line_of(report, "qt.platform-files")


def test_bundle_without_keyring_metadata_fails_its_self_test(bundle_copy: Path, tmp_path: Path) -> None:
    # Without its entry points keyring finds no backend at all, even on Windows: a broken bundle.
    for meta in (bundle_copy / "_internal").glob("keyring-*.dist-info"):
        shutil.rmtree(meta)
    code, report, _ = self_test(bundle_copy, tmp_path)
    assert code == 1
    assert line_of(report, "keyring").startswith("FAIL")
    assert "metadata" in line_of(report, "keyring")


def test_bundle_without_the_icon_image_plugin_fails_its_self_test(bundle_copy: Path, tmp_path: Path) -> None:
    (bundle_copy / "_internal" / "PySide6" / "Qt" / "plugins" / "imageformats" / "libqico.so").unlink()
    code, report, _ = self_test(bundle_copy, tmp_path)
    assert code == 1
    assert "ico" in line_of(report, "qt.imageformats")


def test_bundle_carries_resources_but_not_translation_sources(built: tuple[Path, Path]) -> None:
    bundle, _ = built
    resources = bundle / "_internal" / "resources"
    assert (resources / "icons" / "mailstage.ico").is_file()
    shipped = {p.relative_to(resources) for p in resources.rglob("*") if p.is_file()}
    in_tree = {
        p.relative_to(ROOT / "resources")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix != ".ts" and "__pycache__" not in p.parts
    }
    assert shipped == in_tree
    assert not list(resources.rglob("*.ts"))


def test_build_without_a_certificate_says_signing_is_skipped_and_the_installer_is_unsigned(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "Mailstage").write_bytes(b"program")
    output = tmp_path / "setup.exe"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILSTAGE_SIGN_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--skip-bundle", "--bundle", str(payload)]
        + ["--output", str(output), "--compression", "zlib"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Signing skipped: no certificate configured" in result.stdout
    check = subprocess.run(["osslsigncode", "verify", "-in", str(output)], capture_output=True, text=True)
    assert check.returncode != 0
    assert "No signature found" in check.stdout + check.stderr
