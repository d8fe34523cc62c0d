"""`mailstage --self-test`: prove that this installation has what Mailstage needs, then exit.

Run from a checkout, from the PyInstaller bundle (the build runs it before packaging) or from the
installed program (the Windows CI job runs it after a silent install). Each check prints one line:

    PASS  name  what was found
    FAIL  name  what is missing, and what to do
    N/A   name  why this check cannot run on this machine (does not fail the self-test)

Exit 0 when nothing failed, 1 otherwise. "N/A" is used only where the cause is the machine, not the
installation: a Linux box without a Secret Service has no keyring to talk to, however complete the
bundle is; Windows always has Credential Manager, so there a missing backend is a failure.

The self-test keeps its hands off the user's data: MAILSTAGE_HOME points at a temporary folder for
its whole run, and the keyring round trip uses its own service name and deletes what it wrote.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

PASS, FAIL, NOT_AVAILABLE = "PASS", "FAIL", "N/A"
KEYRING_TEST_SERVICE = "Mailstage self-test"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one self-test check."""

    name: str
    status: str  # PASS, FAIL or NOT_AVAILABLE
    detail: str


class CheckFailed(Exception):
    """Raised inside a check: the message says what is missing and what to do."""


class CheckNotAvailable(Exception):
    """Raised inside a check when this machine, not the installation, keeps it from running."""


def _platform_plugin_file(name: str) -> str:
    if sys.platform == "win32":
        return f"q{name}.dll"
    if sys.platform == "darwin":
        return f"libq{name}.dylib"
    return f"libq{name}.so"


def _default_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    return "wayland" if os.environ.get("WAYLAND_DISPLAY") else "xcb"


def choose_platform() -> tuple[str, str]:
    """The Qt platform the self-test will load, and a note on why (empty when it is the default).

    A Linux machine without a screen cannot load xcb or wayland; there the offscreen plugin is the
    one to prove, and the desktop plugins are checked as files in `check_platform_files`.
    """
    requested = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if requested:
        return requested, "chosen by QT_QPA_PLATFORM"
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen", "no screen here, so the offscreen platform"
    return _default_platform(), ""


def check_platform_files(platform: str) -> str:
    """Before Qt starts (a missing platform plugin makes Qt abort the process), look for the files."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = [platform]
    if sys.platform.startswith("linux"):
        # What a Linux desktop would load, proven present even when this run has no screen.
        wanted += [name for name in ("xcb", "wayland") if name != platform]
    missing = [name for name in wanted if not (plugins / _platform_plugin_file(name)).is_file()]
    if missing:
        raise CheckFailed(
            f"Qt platform plugin(s) {', '.join(_platform_plugin_file(n) for n in missing)} not found in "
            f"{plugins}. Rebuild the bundle with installer/build.py (the spec collects Qt's platform "
            "plugins). The other checks need Qt to start, so they did not run."
        )
    return f"plugins present in {plugins}: {', '.join(_platform_plugin_file(n) for n in wanted)}"


def check_platform_loaded(platform: str, note: str) -> str:
    from PySide6.QtGui import QGuiApplication

    loaded = QGuiApplication.platformName()
    if loaded != platform:
        raise CheckFailed(f"Qt loaded the platform {loaded!r}, expected {platform!r}.")
    return f"{loaded}" + (f" ({note})" if note else "")


def check_style() -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QApplication, QStyleFactory

    keys = QStyleFactory.keys()
    if sys.platform == "win32":
        # Windows' native looks come from the styles plugin (qmodernwindowsstyle.dll), not from QtWidgets.
        wanted = [key for key in ("windows11", "windowsvista") if key in keys]
        if not wanted:
            styles = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "styles"
            raise CheckFailed(
                f"the Windows style plugin is missing (styles available: {', '.join(keys)}; looked in "
                f"{styles}). Rebuild the bundle: the spec must collect Qt's styles plugins."
            )
    else:
        wanted = ["Fusion"] if "Fusion" in keys else []
        if not wanted:
            raise CheckFailed(f"Qt's Fusion style is missing (styles available: {', '.join(keys)}).")
    style = QStyleFactory.create(wanted[0])
    if style is None:
        raise CheckFailed(f"Qt lists the style {wanted[0]!r} but cannot create it.")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    current = app.style().name()
    return f"{wanted[0]} created; in use: {current}; available: {', '.join(keys)}"


def check_image_formats() -> str:
    from PySide6.QtGui import QIcon, QImageReader

    from engine.resources import resource_path

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [name for name in ("ico", "svg", "jpeg", "png") if name not in formats]
    if missing:
        raise CheckFailed(
            f"Qt cannot read {', '.join(missing)} images: the imageformats plugins are missing. "
            "Rebuild the bundle with installer/build.py."
        )
    icon_file = resource_path("icons", "mailstage.ico")
    if not icon_file.is_file():
        raise CheckFailed(f"the application icon {icon_file} is missing from resources/.")
    sizes = sorted({size.width() for size in QIcon(str(icon_file)).availableSizes()})
    if len(sizes) < 3:
        raise CheckFailed(f"the application icon {icon_file} holds too few sizes: {sizes}.")
    return f"ico, svg, jpeg, png readable; icon sizes {sizes}"


def _visible_texts(widget: object) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWizard

    assert isinstance(widget, QWizard)
    texts = [widget.windowTitle()]
    for page_id in widget.pageIds():
        page = widget.page(page_id)
        texts += [page.title(), page.subTitle()]
        texts += [label.text() for label in page.findChildren(QLabel)]
        texts += [button.text() for button in page.findChildren(QAbstractButton)]
    return [text for text in texts if text]


def check_translations() -> str:
    from PySide6.QtWidgets import QApplication, QWizard

    from engine.checks.framework import CANCELLED
    from gui.engine_text import translated
    from gui.i18n import install_translators
    from gui.wizard import MigrationWizard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    english = install_translators(app, "en")
    if english:
        raise CheckFailed("English is the source language, yet translators were installed for it.")
    en_cancel = QWizard().buttonText(QWizard.WizardButton.CancelButton)
    en_texts = _visible_texts(MigrationWizard())
    if not en_texts:
        raise CheckFailed("the English wizard shows no text at all.")
    try:
        dutch = install_translators(app, "nl")
    except FileNotFoundError as missing:
        raise CheckFailed(f"a Dutch translation file is missing: {missing}.") from None
    try:
        nl_cancel = QWizard().buttonText(QWizard.WizardButton.CancelButton)
        nl_texts = _visible_texts(MigrationWizard())
        # One of the engine's sentences (a check skipped on cancel), through its own catalogue.
        nl_engine = translated(CANCELLED)
    finally:
        for translator in dutch:
            app.removeTranslator(translator)
    if nl_cancel == en_cancel:
        raise CheckFailed(
            f"Qt's own Dutch translation (qtbase_nl.qm) is not in effect: Cancel is {nl_cancel!r}."
        )
    if nl_texts == en_texts:
        raise CheckFailed("Mailstage's Dutch translation (mailstage_nl.qm) changed no text of the wizard.")
    if nl_engine == CANCELLED:
        raise CheckFailed(
            f"The engine's Dutch translation (mailstage_engine_nl.qm) is not in effect: {nl_engine!r} stayed English."
        )
    files = ", ".join(Path(t.filePath()).name for t in dutch)
    return f"English (source) and Dutch ({files}); QWizard Cancel = {nl_cancel!r}"


def _secret_service_reason() -> str | None:
    """Why keyring's Secret Service backend is not viable here, when the machine (not the bundle) is the cause."""
    try:
        from keyring.backends import SecretService

        importlib.import_module("secretstorage")
    except ImportError as missing:
        raise CheckFailed(
            f"keyring's Secret Service backend cannot be imported ({missing}); the bundle is incomplete."
        ) from None
    try:
        SecretService.Keyring.priority  # noqa: B018 - the property raises with the reason
    except RuntimeError as reason:
        text = str(reason)
        if text.startswith(("Unable to initialize SecretService", "The Secret Service daemon")):
            return text
        raise CheckFailed(
            f"keyring's Secret Service backend is broken in this installation: {text}"
        ) from None
    return None


def check_keyring() -> str:
    from importlib.metadata import entry_points

    import keyring
    import keyring.backend

    from engine.keystore import SecretStore

    registered = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    if not registered:
        raise CheckFailed(
            "keyring's backends are not registered (its package metadata is missing from the bundle), "
            "so it can only fail. Rebuild the bundle: the spec must copy keyring's metadata."
        )
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if not SecretStore.backend_usable():
        if sys.platform.startswith("linux"):
            reason = _secret_service_reason()
            if reason:
                raise CheckNotAvailable(
                    f"no keyring on this machine ({reason}); the installation holds keyring's "
                    f"backends ({', '.join(registered)}). On Windows this check needs Credential Manager."
                )
        raise CheckFailed(
            f"no usable keyring backend: keyring chose {name}. "
            + (
                "Windows Credential Manager should always be there: check that keyring's Windows "
                "backend and pywin32-ctypes are in the bundle."
                if sys.platform == "win32"
                else "Start the system's password store (Secret Service, Keychain)."
            )
        )
    if sys.platform == "win32" and type(backend).__name__ != "WinVaultKeyring":
        raise CheckFailed(f"keyring chose {name}, not Windows Credential Manager (WinVaultKeyring).")
    # A real round trip: store, read back, delete a throwaway secret under the self-test's own name.
    store = SecretStore(KEYRING_TEST_SERVICE)
    probe = "self-test-" + os.urandom(8).hex()
    store.put("probe", probe)
    try:
        read = store.get("probe")
    finally:
        store.delete("probe")
    if read != probe:
        raise CheckFailed(f"the keyring ({name}) did not give back the secret it was given.")
    if store.get("probe") is not None:
        raise CheckFailed(f"the keyring ({name}) kept a secret after it was deleted.")
    return f"{name}: stored, read back and deleted a test secret"


def check_engine_cli() -> str:
    from engine.cli import COMMAND_MODULES, build_parser

    build_parser()  # imports every command module, as `mailstage-cli --help` would
    return f"engine and {len(COMMAND_MODULES)} command module(s) import"


def check_demo(workdir: Path) -> str:
    """Run the engine's demo migration (engine.demo.run_demo) into WORKDIR and judge its outcome.

    run_demo(folder) builds a small old server as Maildirs in FOLDER and migrates it as one batch to
    a new one there; its result's exit_code is 0 when no mailbox failed (as `mailstage-cli demo`).
    """
    try:
        demo = importlib.import_module("engine.demo")
    except ModuleNotFoundError as missing:
        if missing.name == "engine.demo":
            # The bundle collects every engine module, so its absence here means the source has none.
            raise CheckNotAvailable(
                "engine.demo is not part of this build (no engine/demo.py yet)."
            ) from None
        raise CheckFailed(f"engine.demo cannot be imported: module {missing.name!r} is missing.") from None
    run_demo: Callable[..., object] | None = getattr(demo, "run_demo", None)
    if run_demo is None:
        raise CheckFailed("engine.demo has no run_demo function.")
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            result = run_demo(workdir)
    except Exception as error:
        tail = "".join(traceback.format_exception_only(error)).strip()
        raise CheckFailed(f"the demo migration failed: {tail}") from None
    summary = getattr(result, "summary", None)
    exit_code = getattr(result, "exit_code", None)
    if not isinstance(exit_code, int) or summary is None:
        raise CheckFailed(f"engine.demo.run_demo returned {type(result).__name__}, not a demo result.")
    counts = f"{summary.synced} of {summary.total} mailboxes synced, {summary.items_migrated} messages"
    if exit_code != 0 or summary.total == 0 or summary.items_migrated == 0:
        raise CheckFailed(f"the demo migration did not complete: {counts}, {summary.failed} failed.")
    return f"demo migration into a temporary folder: {counts}, batch {summary.status}"


def _run(name: str, check: Callable[[], str]) -> CheckResult:
    try:
        return CheckResult(name, PASS, check())
    except CheckNotAvailable as reason:
        return CheckResult(name, NOT_AVAILABLE, str(reason))
    except CheckFailed as missing:
        return CheckResult(name, FAIL, str(missing))
    except Exception as error:  # a self-test reports, it does not crash
        return CheckResult(name, FAIL, f"unexpected {type(error).__name__}: {error}")


@contextlib.contextmanager
def _output(report: str) -> Iterator[TextIO]:
    """Where the report goes: stdout, and the file REPORT unless it is '-'.

    A windowed Windows program has no stdout; there the parent's console is attached when there is
    one, and the report file (`--self-test FILE`) is what scripts should read.
    """
    streams: list[TextIO] = []
    if sys.stdout is None and sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            streams.append(open("CONOUT$", "w", encoding="utf-8"))  # noqa: SIM115
    elif sys.stdout is not None:
        streams.append(sys.stdout)
    if report != "-":
        streams.append(open(report, "w", encoding="utf-8"))  # noqa: SIM115

    class Tee(io.TextIOBase):
        def write(self, text: str) -> int:
            for stream in streams:
                stream.write(text)
                stream.flush()
            return len(text)

    try:
        yield Tee()
    finally:
        for stream in streams:
            if stream is not sys.stdout:
                stream.close()


def run_checks(workdir: Path) -> list[CheckResult]:
    """Every check, in order; Qt checks need the QApplication this function creates."""
    platform, note = choose_platform()
    results = [_run("qt.platform-files", lambda: check_platform_files(platform))]
    if results[0].status == FAIL:
        return results  # creating the application now would abort the process
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    results += [
        _run("qt.platform", lambda: check_platform_loaded(platform, note)),
        _run("qt.style", check_style),
        _run("qt.imageformats", check_image_formats),
        _run("translations", check_translations),
        _run("keyring", check_keyring),
        _run("engine", check_engine_cli),
        _run("engine.demo", lambda: check_demo(workdir / "demo")),
    ]
    del app
    return results


def run_self_test(report: str = "-") -> int:
    """Run every check, print one line each (and write them to REPORT unless '-'); 0 if none failed."""
    from engine import __version__

    with tempfile.TemporaryDirectory(prefix="mailstage-selftest-") as temp:
        workdir = Path(temp)
        previous_home = os.environ.get("MAILSTAGE_HOME")
        os.environ["MAILSTAGE_HOME"] = str(workdir / "home")
        try:
            results = run_checks(workdir)
        finally:
            if previous_home is None:
                os.environ.pop("MAILSTAGE_HOME", None)
            else:
                os.environ["MAILSTAGE_HOME"] = previous_home
    failed = [r for r in results if r.status == FAIL]
    unavailable = [r for r in results if r.status == NOT_AVAILABLE]
    where = (
        "frozen bundle at " + str(Path(sys.executable).parent)
        if getattr(sys, "frozen", False)
        else "checkout"
    )
    with _output(report) as out:
        out.write(f"Mailstage {__version__} self-test ({where}, {sys.platform})\n")
        width = max(len(r.name) for r in results)
        for r in results:
            out.write(f"{r.status:<4}  {r.name:<{width}}  {r.detail}\n")
        passed = len(results) - len(failed) - len(unavailable)
        summary = f"{passed} passed, {len(failed)} failed, {len(unavailable)} not available here"
        if failed:
            out.write(f"Self-test FAILED ({summary}). Missing: {', '.join(r.name for r in failed)}.\n")
        else:
            extra = f" (not run here: {', '.join(r.name for r in unavailable)})" if unavailable else ""
            out.write(f"Self-test passed: {summary}{extra}.\n")
    return 1 if failed else 0
