"""The installer tests.

test_selftest.py and test_build_parts.py are quick and run with `./dev test`. The bundle and wine tests
need a PyInstaller bundle (about 30 s to build), an installer (about 2 min of LZMA), makensis and wine
(a fresh ~700 MB prefix per test), so they run with `./dev installer-test`, which installs nsis and
wine64 and sets MAILSTAGE_INSTALLER_TEST=1 (docs/decisions/003-windows-installer.md). Left out, they are
named at the end of the run, never dropped silently.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLOW_MODULES = ["test_bundle.py", "test_wine_install.py"]
ENABLED = os.environ.get("MAILSTAGE_INSTALLER_TEST") == "1"

if not ENABLED:
    collect_ignore = SLOW_MODULES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ENABLED:
        terminalreporter.write_line(
            f"tests/installer/{{{','.join(SLOW_MODULES)}}} not run: they build the bundle and install it "
            "under wine; run ./dev installer-test",
            yellow=True,
        )


def _project_version() -> str:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        from bundle_info import project_metadata
    finally:
        sys.path.pop(0)
    return project_metadata(ROOT)["version"]


@pytest.fixture(scope="session")
def version() -> str:
    return _project_version()


@pytest.fixture(scope="session")
def built(version: str) -> Iterator[tuple[Path, Path]]:
    """(bundle folder, setup.exe): the ones ./dev installer-test just built, or built here."""
    bundle = ROOT / "dist" / "Mailstage"
    installer = ROOT / "dist" / f"Mailstage-{version}-setup.exe"
    if os.environ.get("MAILSTAGE_INSTALLER_PREBUILT") != "1":
        result = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], cwd=ROOT)
        assert result.returncode == 0, "installer/build.py failed; its output is above"
    assert (bundle / "Mailstage").is_file(), f"no bundle at {bundle}: run python installer/build.py"
    assert installer.is_file(), f"no installer at {installer}: run python installer/build.py"
    yield bundle, installer
