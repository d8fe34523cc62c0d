"""The `mailstage` entry point: start the wizard."""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import sys

from PySide6.QtWidgets import QApplication

from engine import __version__
from engine.keystore import REDACTOR
from engine.paths import log_dir
from gui.i18n import SUPPORTED, choose_language, install_translators
from gui.qtcompat import guard_refcount_bug
from gui.wizard import MigrationWizard

log = logging.getLogger("gui.app")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="mailstage", description="Mailstage: staged mailbox migration wizard"
    )
    parser.add_argument("--lang", choices=SUPPORTED, help="language of the wizard (default: the system's)")
    parser.add_argument("--screenshot", metavar="PNG", help="save a picture of the first page and exit")
    parser.add_argument(
        "--demo", action="store_true", help="open the wizard on the demo company (no server needed)"
    )
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="-",
        metavar="REPORT",
        help="check this installation (Qt plugins, translations, keyring, engine), print the result "
        "(and write it to REPORT), exit 0 if nothing is missing",
    )
    parser.add_argument("--version", action="version", version=f"Mailstage {__version__}")
    return parser.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Mailstage")
    app.setOrganizationName("Mailstage")
    app.setApplicationVersion(__version__)
    guard_refcount_bug()
    return app


def configure_logging() -> None:
    """INFO to the console, everything to mailstage.log in the log folder; secrets redacted first.

    The log folder is what every error the wizard shows points to."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.INFO)
    console.addFilter(REDACTOR)
    root.addHandler(console)
    try:
        handler = logging.FileHandler(log_dir() / "mailstage.log", encoding="utf-8")
    except OSError:
        return
    handler.setLevel(logging.DEBUG)
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def settle_after_start() -> None:
    """Move everything built at start-up (Qt's wrappers, the pages, the engine's modules) out of the
    garbage collector's reach: a full collection over them took about 100 ms on the main thread,
    which the admin sees as a stall (bench/bench_gui_stall.py)."""
    gc.collect()
    gc.freeze()


def _log_uncaught(kind: type[BaseException], error: BaseException, trace: object) -> None:
    # An exception escaping a slot must not end the session silently; it goes to the log.
    log.error("uncaught exception", exc_info=(kind, error, trace))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    # A batch runs in a child process (gui/batch_process.py); a frozen bundle must let it start.
    multiprocessing.freeze_support()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test is not None:
        from gui.selftest import run_self_test

        return run_self_test(args.self_test)
    configure_logging()
    sys.excepthook = _log_uncaught
    app = make_application(sys.argv[:1])
    translators = install_translators(app, choose_language(args.lang))
    wizard = MigrationWizard()
    wizard.show()
    settle_after_start()
    if args.demo:
        wizard.start_demo()
    if args.screenshot:
        app.processEvents()
        wizard.grab().save(args.screenshot)
        return 0
    code = app.exec()
    del translators
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
