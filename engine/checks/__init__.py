"""Prerequisite checks before a migration (and the pieces verification shares with them).

Public API: `build_checks(CheckSetup)` makes the checks, `run_checks(checks, on_event=..., cancel=...)`
runs them; results are `CheckResult`s in a `CheckReport` (see `framework` for the events).
"""

from engine.checks.framework import (
    Check,
    CheckContext,
    CheckEvent,
    CheckFinished,
    CheckKey,
    CheckProgress,
    CheckReport,
    CheckResult,
    ChecksDone,
    CheckStarted,
    Status,
    Verdict,
    failed,
    passed,
    run_checks,
    skipped,
    warned,
    with_dependents,
)
from engine.checks.lookup import DnsLookup, Nameserver, parse_nameserver
from engine.checks.suite import CheckSetup, MailboxRef, build_checks

__all__ = [
    "Check",
    "CheckContext",
    "CheckEvent",
    "CheckFinished",
    "CheckKey",
    "CheckProgress",
    "CheckReport",
    "CheckResult",
    "CheckSetup",
    "CheckStarted",
    "ChecksDone",
    "DnsLookup",
    "MailboxRef",
    "Nameserver",
    "Status",
    "Verdict",
    "build_checks",
    "failed",
    "parse_nameserver",
    "passed",
    "run_checks",
    "skipped",
    "warned",
    "with_dependents",
]
