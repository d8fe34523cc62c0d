"""`mailstage-cli`: everything the wizard does, headless (see the design's command line).

Exit codes: 0 success, 1 the command ran and found problems (a failed mailbox, a failed check, an
invalid list), 2 bad usage or input. An admin never sees a traceback: unexpected errors are logged
with their traceback to the log folder and reported in one line.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from engine import __version__
from engine.errors import MailstageError
from engine.keystore import REDACTOR
from engine.paths import log_dir

# Modules under engine/commands that provide subcommands, in the order `--help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "validate",
    "endpoint",
    "check",
    "migrate",
    "status",
    "verify",
    "report",
    "complete",
    "cutover",
    "mail",
    "demo",
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("engine.cli")


class _ConsoleFormatter(logging.Formatter):
    """One line per record on the console: a traceback (already in the message, redacted) stays in the
    log file, never in front of the admin."""

    def format(self, record: logging.LogRecord) -> str:
        first = record.getMessage().splitlines()[0] if record.getMessage() else ""
        return f"{record.levelname}: {first}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mailstage-cli", description="Mailstage: staged mailbox migration, headless.")
    parser.add_argument("--version", action="version", version=f"Mailstage {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail to the console")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"engine.commands.{name}")
        module.register(subparsers)
    return parser


def configure_logging(verbose: bool) -> None:
    """Console at WARNING (INFO with -v), and every record to the application log, secrets redacted."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.INFO if verbose else logging.WARNING)
    console.addFilter(REDACTOR)
    console.setFormatter(_ConsoleFormatter())
    root.addHandler(console)
    try:
        handler = logging.FileHandler(log_dir() / "mailstage-cli.log", encoding="utf-8")
    except OSError:
        return
    handler.setLevel(logging.DEBUG)
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def print_error(error: MailstageError) -> None:
    """The three parts of an error, for a person."""
    print(f"Error: {error.what}", file=sys.stderr)
    if error.cause:
        print(f"  Likely cause: {error.cause}", file=sys.stderr)
    if error.fix:
        print(f"  What to do: {error.fix}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return func(args)
    except MailstageError as error:
        log.info("command failed: %s", error.code)
        print_error(error)
        return EXIT_USAGE if error.severity == "batch" else EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The output went to a program that stopped reading (e.g. `| head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        log.exception("unexpected error in %s", args.command)
        print(
            f"Error: something unexpected went wrong in '{args.command}'. Nothing was lost. "
            f"The details are in {log_dir() / 'mailstage-cli.log'}; please send that file to support.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS


if __name__ == "__main__":
    raise SystemExit(main())
