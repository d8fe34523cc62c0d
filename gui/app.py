"""The `mailstage` entry point: start the wizard."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication

from engine import __version__
from gui.i18n import SUPPORTED, choose_language, install_translators
from gui.wizard import MigrationWizard


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="mailstage", description="Mailstage: staged mailbox migration wizard"
    )
    parser.add_argument("--lang", choices=SUPPORTED, help="language of the wizard (default: the system's)")
    parser.add_argument("--screenshot", metavar="PNG", help="save a picture of the first page and exit")
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
    return app


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test is not None:
        from gui.selftest import run_self_test

        return run_self_test(args.self_test)
    logging.basicConfig(level=logging.INFO)
    app = make_application(sys.argv[:1])
    translators = install_translators(app, choose_language(args.lang))
    wizard = MigrationWizard()
    wizard.show()
    if args.screenshot:
        app.processEvents()
        wizard.grab().save(args.screenshot)
        return 0
    code = app.exec()
    del translators
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
