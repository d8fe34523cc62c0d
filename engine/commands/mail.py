"""`mailstage-cli mail setup|test`: where the status mail goes (Microsoft sends one after the first pass of
a batch and one when it is completed; so does Mailstage). The settings are kept in the state folder
without the password, which goes to the keyring."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from engine.errors import BadInput
from engine.keystore import SecretStore
from engine.paths import state_home
from engine.statusmail import SmtpSettings

SETTINGS_FILE = "statusmail.json"


def settings_path() -> Path:
    return state_home() / SETTINGS_FILE


def load_settings() -> SmtpSettings | None:
    """The saved status-mail settings, or None when status mail is not set up."""
    path = settings_path()
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["recipients"] = tuple(data.get("recipients", ()))
        return SmtpSettings(**data)
    except (ValueError, TypeError) as error:
        raise BadInput(
            "mail.bad_settings",
            f"The status-mail settings in {path} cannot be read.",
            f"{type(error).__name__}: the file was changed by hand or damaged.",
            "Set them up again: mailstage-cli mail setup ...",
        ) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("mail", help="set up the status mail sent after each batch")
    commands = parser.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    setup = commands.add_parser("setup", help="save the SMTP server and the recipients")
    setup.add_argument("--host", required=True)
    setup.add_argument("--port", type=int, default=587)
    setup.add_argument("--security", choices=("starttls", "tls", "none"), default="starttls")
    setup.add_argument(
        "--user", default="", help="SMTP login (the password is asked, or read with --password-stdin)"
    )
    setup.add_argument("--from", dest="sender", default="", help="sender address (default: the login)")
    setup.add_argument(
        "--to", action="append", required=True, metavar="ADDRESS", help="a recipient (repeat for more)"
    )
    setup.add_argument("--password-stdin", action="store_true")
    setup.set_defaults(func=run_setup)
    off = commands.add_parser("off", help="stop sending status mail")
    off.set_defaults(func=run_off)


def run_setup(args: argparse.Namespace) -> int:
    settings = SmtpSettings(args.host, args.port, args.security, args.user, args.sender, tuple(args.to))
    if args.user:
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        elif sys.stdin.isatty():
            password = getpass.getpass(f"SMTP password of {args.user}: ")
        else:
            raise BadInput(
                "mail.no_password", "No SMTP password was given.", "", "Pipe it in with --password-stdin."
            )
        SecretStore().put(settings.secret_key, password)
    settings_path().write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    print(f"Status mail goes to {', '.join(settings.recipients)} through {settings.host}:{settings.port}.")
    return 0


def run_off(args: argparse.Namespace) -> int:
    settings_path().unlink(missing_ok=True)
    print("No status mail will be sent.")
    return 0
