"""`mailstage-cli check`: run the prerequisite checks and show what is not ready and how to fix it.

Exit codes: 0 nothing failed (warnings allowed), 1 a check failed, 2 bad usage or input. `--json`
prints the design's contract: {"checks": [{"id", "subject", "status", "evidence", "fix"}],
"summary": {"pass", "warn", "fail", "skip"}}.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any, TextIO

from engine.checks import (
    CheckEvent,
    CheckFinished,
    CheckReport,
    CheckSetup,
    MailboxRef,
    Status,
    build_checks,
    parse_nameserver,
    run_checks,
)
from engine.endpoints import Endpoint
from engine.errors import BadInput

_COLOURS = {Status.PASS: "32", Status.WARN: "33", Status.FAIL: "31", Status.SKIP: "90"}
_LABELS = {Status.PASS: "PASS", Status.WARN: "WARN", Status.FAIL: "FAIL", Status.SKIP: "SKIP"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="run the prerequisite checks (servers, mailboxes, domain)",
        description="Check that a migration can start: servers (DNS, TCP, TLS, login, capabilities, connection "
        "limits), every listed mailbox (admin access on the source, exists on the target, size) and the domain "
        "(MX, Autodiscover, verification TXT). Exit 0 when nothing failed, 1 when a check failed, 2 on bad input.",
    )
    parser.add_argument("--source", required=True, metavar="NAME", help="the source endpoint")
    parser.add_argument("--target", required=True, metavar="NAME", help="the target endpoint")
    parser.add_argument(
        "--list", metavar="LIST", help="a CSV or Excel mailbox list: check every mailbox on it"
    )
    parser.add_argument(
        "--concurrency",
        type=_positive,
        metavar="N",
        help="the planned number of mailboxes copied at once (default: the endpoints' maximum)",
    )
    parser.add_argument("--domain", metavar="DOMAIN", help="the e-mail domain: check its MX and Autodiscover")
    parser.add_argument("--txt", metavar="VALUE", help="the domain-verification TXT value you were given")
    parser.add_argument(
        "--nameserver", metavar="HOST[:PORT]", help="ask this DNS server instead of the system's"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 500:
        raise argparse.ArgumentTypeError("give a number from 1 to 500")
    return value


def _endpoint(store: Any, name: str, role: str) -> Endpoint:
    endpoint: Endpoint | None = store.get_endpoint(name)
    if endpoint is None:
        known = ", ".join(sorted(e.name for e in store.list_endpoints())) or "none yet"
        raise BadInput(
            "check.unknown_endpoint",
            f"There is no endpoint named {name!r} (given as --{role}).",
            f"Endpoints known here: {known}.",
            f"Add it first: mailstage-cli endpoint add {name} --url imaps://SERVER:993 --admin ADMIN --password-stdin",
        )
    return endpoint


def _mailboxes(path: str, source: Endpoint, target: Endpoint) -> tuple[list[MailboxRef], int]:
    """The ready mailboxes of the list and how many rows were left out for errors. Passwords in the
    list go to the keyring (as `migrate` puts them), so mailboxes without admin access can be checked."""
    from engine.keystore import SecretStore
    from engine.lists import load_mailbox_list

    mailbox_list = load_mailbox_list(Path(path))
    ready = mailbox_list.ready_entries()
    if not ready:
        raise BadInput(
            "check.list_unusable",
            f"The list {path} has no mailbox that can be checked.",
            f"It has {mailbox_list.counts()['with_errors']} rows with errors"
            + (" and a problem in its header." if mailbox_list.blocked else "."),
            f"See what is wrong with: mailstage-cli validate {path}",
        )
    role = mailbox_list.format.password_role if mailbox_list.format else "source"
    mailbox_list.store_secrets(SecretStore(), source.name if role == "source" else target.name)
    refs = [MailboxRef(entry.address, entry.login or "", entry.target_login or "") for entry in ready]
    return refs, len(mailbox_list.entries) - len(ready)


def _use_colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def format_table(report: CheckReport, *, colour: bool = False, width: int = 100) -> str:
    """The results as a readable table: one block per check, evidence and fix wrapped under it."""
    width = max(60, width)
    id_width = max([len(r.id) for r in report.results] + [5])
    subject_width = min(40, max([len(r.subject) for r in report.results] + [7]))
    indent = " " * 7
    lines = [f"{'':6} {'CHECK':<{id_width}}  SUBJECT", f"{'':6} {'-' * id_width}  {'-' * subject_width}"]
    for result in report.results:
        label = _LABELS[result.status]
        shown = f"\x1b[{_COLOURS[result.status]}m{label}\x1b[0m" if colour else label
        lines.append(f"{shown}{' ' * (6 - len(label))} {result.id:<{id_width}}  {result.subject}")
        lines += textwrap.wrap(result.evidence, width, initial_indent=indent, subsequent_indent=indent)
        if result.fix:
            lines += textwrap.wrap(
                result.fix, width, initial_indent=indent + "Fix: ", subsequent_indent=indent + "     "
            )
    summary = report.summary()
    lines.append("")
    lines.append(
        f"{summary['pass']} passed, {summary['warn']} warnings, {summary['fail']} failed, {summary['skip']} skipped."
    )
    if report.cancelled:
        lines.append("Stopped before every check finished.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from engine.store import StateStore

    if args.txt and not args.domain:
        raise BadInput(
            "check.txt_without_domain",
            "--txt was given without --domain.",
            "The verification value belongs to a domain.",
            "Add --domain DOMAIN (the part after @ in the addresses).",
        )
    nameserver = parse_nameserver(args.nameserver) if args.nameserver else None
    store = StateStore()
    try:
        source = _endpoint(store, args.source, "source")
        target = _endpoint(store, args.target, "target")
    finally:
        store.close()
    mailboxes: list[MailboxRef] = []
    left_out = 0
    if args.list:
        mailboxes, left_out = _mailboxes(args.list, source, target)
    setup = CheckSetup(
        source=source,
        target=target,
        domain=args.domain or "",
        expected_txt=args.txt or "",
        nameserver=nameserver,
        mailboxes=mailboxes,
        concurrency=args.concurrency,
    )
    checks = build_checks(setup)
    progress = sys.stderr.isatty() and not args.json

    def on_event(event: CheckEvent) -> None:
        if progress and isinstance(event, CheckFinished):
            result = event.result
            print(
                f"\r[{event.done}/{event.total}] {result.id} {result.subject}"[:79].ljust(79),
                end="",
                file=sys.stderr,
            )

    report = run_checks(checks, on_event=on_event)
    if progress:
        print("\r" + " " * 79 + "\r", end="", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(
            f"Prerequisite checks: source {source.name} ({source.url}), target {target.name} ({target.url})"
        )
        if left_out:
            print(
                f"{left_out} rows of the list have errors and were not checked (mailstage-cli validate {args.list})."
            )
        print()
        width = shutil.get_terminal_size((100, 24)).columns - 8
        print(format_table(report, colour=_use_colour(sys.stdout), width=width))
    return report.exit_code()
